/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "hc-format.h"
#include "hc-labels.h"
#include "hc-triage-dialog.h"

/*
 * The question before an alert is acknowledged or resolved: a comment is
 * required (an operator's note for whoever reads the alert next), and to
 * resolve, a resolution. The dialog only asks; the page that opened it
 * reads the answer on "response" and decides what to send.
 */
#define MAX_COMMENT_CHARS 2000

struct _HcTriageDialog
{
  AdwMessageDialog  parent_instance;

  HcAlert          *alert;
  gboolean          resolve;

  /* template children */
  GtkTextView      *comment_view;
  GtkWidget        *resolution_box;
  GtkDropDown      *resolution_dropdown;
  GtkWidget        *expiry_box;
  GtkDropDown      *expiry_dropdown;
  GtkEntry         *expiry_entry;
  gboolean          silence;
};

G_DEFINE_FINAL_TYPE (HcTriageDialog, hc_triage_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const HcResolution resolutions[] = {
  HC_RESOLUTION_FIXED,
  HC_RESOLUTION_FALSE_POSITIVE,
  HC_RESOLUTION_ACCEPTED_RISK,
  HC_RESOLUTION_DUPLICATE,
};

/**
 * hc_triage_comment_is_valid:
 * Whether @comment says something: valid UTF-8, not only blanks, at most
 * 2000 characters (the hub's limit).
 */
gboolean
hc_triage_comment_is_valid (const char *comment)
{
  gboolean visible = FALSE;

  if (comment == NULL || !g_utf8_validate (comment, -1, NULL))
    return FALSE;
  for (const char *p = comment; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      {
        visible = TRUE;
        break;
      }
  return visible && g_utf8_strlen (comment, -1) <= MAX_COMMENT_CHARS;
}

/* The silence's length per choice of the expiry list; 0: until a date. */
static const gint64 expiries[] = { 3600, 4 * 3600, 24 * 3600, 0 };

static void
update_confirm (HcTriageDialog *self)
{
  g_autofree char *comment = hc_triage_dialog_get_comment (self);
  gboolean valid = hc_triage_comment_is_valid (comment);

  if (self->silence)
    valid = valid && hc_triage_dialog_get_ends_at (self) > g_get_real_time () / G_USEC_PER_SEC;
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "confirm", valid);
}

static void
on_comment_changed (GtkTextBuffer  *buffer,
                    HcTriageDialog *self)
{
  update_confirm (self);
}

static void
on_expiry_changed (HcTriageDialog *self)
{
  guint chosen = gtk_drop_down_get_selected (self->expiry_dropdown);

  gtk_widget_set_visible (GTK_WIDGET (self->expiry_entry),
                          chosen < G_N_ELEMENTS (expiries) && expiries[chosen] == 0);
  update_confirm (self);
}

static void
hc_triage_dialog_dispose (GObject *object)
{
  HcTriageDialog *self = HC_TRIAGE_DIALOG (object);

  g_clear_object (&self->alert);

  G_OBJECT_CLASS (hc_triage_dialog_parent_class)->dispose (object);
}

static void
hc_triage_dialog_class_init (HcTriageDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_triage_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-triage-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcTriageDialog, comment_view);
  gtk_widget_class_bind_template_child (widget_class, HcTriageDialog, resolution_box);
  gtk_widget_class_bind_template_child (widget_class, HcTriageDialog, resolution_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcTriageDialog, expiry_box);
  gtk_widget_class_bind_template_child (widget_class, HcTriageDialog, expiry_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcTriageDialog, expiry_entry);
}

static void
hc_triage_dialog_init (HcTriageDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char *expiry_names[] = {
    _("1 hour"), _("4 hours"), _("1 day"), _("Until a date…"), NULL,
  };
  g_autoptr(GtkStringList) expiry_list = gtk_string_list_new (expiry_names);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->expiry_dropdown, G_LIST_MODEL (expiry_list));
  g_signal_connect_object (self->expiry_dropdown, "notify::selected",
                           G_CALLBACK (on_expiry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->expiry_entry, "changed",
                           G_CALLBACK (update_confirm), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < G_N_ELEMENTS (resolutions); i++)
    gtk_string_list_append (names, hc_resolution_label (resolutions[i]));
  gtk_drop_down_set_model (self->resolution_dropdown, G_LIST_MODEL (names));

  g_signal_connect_object (gtk_text_view_get_buffer (self->comment_view), "changed",
                           G_CALLBACK (on_comment_changed), self, 0);
}

/**
 * hc_triage_dialog_new:
 * Asks to acknowledge @alert or, with @resolve, to resolve it. The
 * "confirm" response stays disabled until the comment says something.
 */
GtkWidget *
hc_triage_dialog_new (GtkWindow *parent,
                      HcAlert   *alert,
                      gboolean   resolve)
{
  HcTriageDialog *self;
  AdwMessageDialog *dialog;
  g_autofree char *title = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (HC_IS_ALERT (alert), NULL);

  title = hc_format_hub_text (hc_alert_get_title (alert), HC_HUB_TEXT_LINE);
  self = g_object_new (HC_TYPE_TRIAGE_DIALOG,
                       "transient-for", parent,
                       "heading", resolve ? _("Resolve Alert?") : _("Acknowledge Alert?"),
                       "body", title,
                       NULL);
  self->alert = g_object_ref (alert);
  self->resolve = resolve;

  dialog = ADW_MESSAGE_DIALOG (self);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "confirm", resolve ? _("_Resolve") : _("_Acknowledge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (dialog, "confirm", FALSE);
  gtk_widget_set_visible (self->resolution_box, resolve);

  return GTK_WIDGET (self);
}

/**
 * hc_triage_dialog_present:
 * Shows the dialog, ready for the comment to be typed.
 */
void
hc_triage_dialog_present (HcTriageDialog *self)
{
  g_return_if_fail (HC_IS_TRIAGE_DIALOG (self));

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->comment_view));
}

HcAlert *
hc_triage_dialog_get_alert (HcTriageDialog *self)
{
  g_return_val_if_fail (HC_IS_TRIAGE_DIALOG (self), NULL);

  return self->alert;
}

gboolean
hc_triage_dialog_get_resolve (HcTriageDialog *self)
{
  g_return_val_if_fail (HC_IS_TRIAGE_DIALOG (self), FALSE);

  return self->resolve;
}

/**
 * hc_triage_dialog_get_comment:
 * The comment as typed, blanks included.
 */
char *
hc_triage_dialog_get_comment (HcTriageDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (HC_IS_TRIAGE_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->comment_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/**
 * hc_triage_dialog_get_resolution:
 * The hub's word for the chosen resolution ("false_positive"), or %NULL
 * when acknowledging.
 */
const char *
hc_triage_dialog_get_resolution (HcTriageDialog *self)
{
  guint i;

  g_return_val_if_fail (HC_IS_TRIAGE_DIALOG (self), NULL);

  if (!self->resolve)
    return NULL;
  i = gtk_drop_down_get_selected (self->resolution_dropdown);
  if (i >= G_N_ELEMENTS (resolutions))
    return NULL;
  return hc_enum_to_nick (HC_TYPE_RESOLUTION, resolutions[i]);
}

/**
 * hc_triage_dialog_new_silence:
 * Asks to acknowledge @alert until a time the operator picks (1 hour, 4
 * hours, 1 day or a date): an Alertmanager's silence.
 */
GtkWidget *
hc_triage_dialog_new_silence (GtkWindow *parent,
                              HcAlert   *alert)
{
  HcTriageDialog *self = HC_TRIAGE_DIALOG (hc_triage_dialog_new (parent, alert, FALSE));

  self->silence = TRUE;
  gtk_widget_set_visible (self->expiry_box, TRUE);
  adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (self), _("Acknowledge with a Silence?"));
  adw_message_dialog_set_response_label (ADW_MESSAGE_DIALOG (self), "confirm", _("_Silence"));
  return GTK_WIDGET (self);
}

/**
 * hc_triage_dialog_get_ends_at:
 * For a silence, when it ends (unix seconds), or 0 when the date typed is
 * not one; 0 for any other question.
 */
gint64
hc_triage_dialog_get_ends_at (HcTriageDialog *self)
{
  guint chosen;
  const char *text;
  int year, month, day, hour = 0, minute = 0;
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (HC_IS_TRIAGE_DIALOG (self), 0);

  if (!self->silence)
    return 0;
  chosen = gtk_drop_down_get_selected (self->expiry_dropdown);
  if (chosen < G_N_ELEMENTS (expiries) && expiries[chosen] > 0)
    return g_get_real_time () / G_USEC_PER_SEC + expiries[chosen];

  text = gtk_editable_get_text (GTK_EDITABLE (self->expiry_entry));
  if (sscanf (text, "%d-%d-%d %d:%d", &year, &month, &day, &hour, &minute) < 3)
    return 0;
  when = g_date_time_new_local (year, month, day, hour, minute, 0);
  return when != NULL ? g_date_time_to_unix (when) : 0;
}
