/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-error.h"
#include "hc-format.h"
#include "hc-hub-dialog.h"
#include "hc-labels.h"

/*
 * Adds or edits a hub. The token is checked against GET /me before
 * anything is saved, and the dialog says who it signed in as. The token
 * goes to the keyring only; if there is none, the operator may use it for
 * this session alone.
 */
struct _HcHubDialog
{
  AdwWindow             parent_instance;

  HcHubManager         *manager;
  HcProfile            *profile;       /* the saved profile being edited, or NULL */
  HcProfile            *candidate;     /* what is being checked */
  GCancellable         *cancellable;
  gboolean              session_only;

  /* template children */
  AdwEntryRow          *name_row;
  AdwEntryRow          *url_row;
  AdwPasswordEntryRow  *token_row;
  AdwEntryRow          *user_row;
  AdwEntryRow          *ca_row;
  AdwEntryRow          *fingerprint_row;
  GtkSwitch            *plaintext_switch;
  GtkLabel             *plaintext_warning;
  GtkImage             *status_icon;
  GtkLabel             *status_label;
  GtkButton            *trust_button;
  GtkButton            *session_button;
  GtkButton            *save_button;
  GtkSpinner           *spinner;
};

G_DEFINE_FINAL_TYPE (HcHubDialog, hc_hub_dialog, ADW_TYPE_WINDOW)

static void
set_status (HcHubDialog *self,
            HcLevel      level,
            const char  *text)
{
  gtk_label_set_label (self->status_label, text);
  gtk_image_set_from_icon_name (self->status_icon, hc_level_icon_name (level));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "success");
  if (level == HC_LEVEL_ERROR || level == HC_LEVEL_OK)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), hc_level_css_class (level));
  gtk_widget_set_visible (GTK_WIDGET (self->status_icon), text != NULL && *text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && *text);
}

static void
set_busy (HcHubDialog *self,
          gboolean     busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), !busy);
}

static void
show_error (HcHubDialog  *self,
            const GError *error,
            const char   *untrusted_fingerprint)
{
  g_autofree char *message = hc_error_describe (error);

  set_status (self, HC_LEVEL_ERROR, message);
  set_busy (self, FALSE);

  /* An untrusted certificate can be pinned by its fingerprint, by choice.
   * The fingerprint comes as data, never read back out of the message. */
  gtk_widget_set_visible (GTK_WIDGET (self->trust_button),
                          g_error_matches (error, HC_ERROR, HC_ERROR_TLS_UNTRUSTED) &&
                          untrusted_fingerprint != NULL);
  if (gtk_widget_get_visible (GTK_WIDGET (self->trust_button)))
    g_object_set_data_full (G_OBJECT (self->trust_button), "fingerprint",
                            g_strdup (untrusted_fingerprint), g_free);

  /* No keyring: the token may still be used, for this session only. */
  gtk_widget_set_visible (GTK_WIDGET (self->session_button),
                          g_error_matches (error, HC_ERROR, HC_ERROR_KEYRING));
}

static void
on_signed_in (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(HcHubDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  if (!hc_hub_manager_sign_in_finish (HC_HUB_MANAGER (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error, NULL);
      return;
    }

  set_busy (self, FALSE);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "prefs.hub-saved", "s",
                                gtk_label_get_label (self->status_label));
  gtk_window_close (GTK_WINDOW (self));
}

/* Copies what was checked onto the saved profile, then stores the token. */
static void
sign_in (HcHubDialog *self)
{
  HcProfile *target = self->profile ? self->profile : self->candidate;
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));

  if (self->profile != NULL)
    {
      g_autoptr(GError) error = NULL;

      hc_profile_set_name (self->profile, hc_profile_get_name (self->candidate));
      hc_profile_set_username (self->profile, hc_profile_get_username (self->candidate));
      hc_profile_set_kind (self->profile, hc_profile_get_kind (self->candidate));
      hc_profile_set_ca_file (self->profile, hc_profile_get_ca_file (self->candidate));
      hc_profile_set_allow_plaintext (self->profile, hc_profile_get_allow_plaintext (self->candidate));
      if (!hc_profile_set_pinned_fingerprint (self->profile,
                                              hc_profile_get_pinned_fingerprint (self->candidate), &error) ||
          !hc_profile_set_url (self->profile, hc_profile_get_url (self->candidate), &error))
        {
          show_error (self, error, NULL);
          return;
        }
    }

  set_busy (self, TRUE);
  hc_hub_manager_sign_in_async (self->manager, target, token, self->session_only,
                                self->cancellable, on_signed_in, g_object_ref (self));
}

/* Says who the token signed in as, at which hub. */
static void
hc_hub_dialog_show_me (HcHubDialog *self,
                       HcMe        *me)
{
  g_autofree char *who = NULL;
  g_autofree char *name = NULL;
  g_autofree char *hub_name = NULL;

  hc_profile_set_username (self->candidate, hc_me_get_user (me));
  name = hc_format_hub_text (hc_me_get_display_name (me) ? hc_me_get_display_name (me) : hc_me_get_user (me),
                             HC_HUB_TEXT_LINE);
  hub_name = hc_format_hub_text (hc_me_get_hub_name (me) ? hc_me_get_hub_name (me) : hc_profile_get_url (self->candidate),
                                 HC_HUB_TEXT_LINE);
  /* Translators: "Signed in as Nguyễn Văn An (Operator) at Trung tâm Dữ liệu Quốc gia" */
  who = g_strdup_printf (_("Signed in as %s (%s) at %s"), name,
                         hc_role_label (hc_me_get_role (me)), hub_name);
  set_status (self, HC_LEVEL_OK, who);
}

static void
on_detected (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HcHubDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *untrusted = NULL;
  g_autoptr(HcHubDetection) found = hc_hub_manager_detect_finish (HC_HUB_MANAGER (object), result,
                                                                  &untrusted, &error);
  const char *token = gtk_editable_get_text (GTK_EDITABLE (self->token_row));
  g_autofree char *who = NULL;

  if (found == NULL)
    {
      if (!g_error_matches (error, HC_ERROR, HC_ERROR_CANCELLED))
        show_error (self, error, untrusted);
      return;
    }

  hc_profile_set_kind (self->candidate, found->kind);
  if (found->me == NULL)
    {
      g_autofree char *version = hc_format_hub_text (found->status->version, HC_HUB_TEXT_LINE);
      g_autofree char *cluster = hc_format_hub_text (found->status->cluster_status, HC_HUB_TEXT_LINE);

      /* Translators: "Prometheus Alertmanager 0.25.0 found; cluster: ready" */
      who = g_strdup_printf (_("Prometheus Alertmanager %s found; cluster: %s"),
                             *version ? version : C_("version", "(version not given)"), cluster);
      set_status (self, HC_LEVEL_OK, who);
      sign_in (self);
      return;
    }

  if (*token == '\0')
    {
      g_set_error_literal (&error, HC_ERROR, HC_ERROR_INVALID_REQUEST,
                           _("Enter the API token the hub’s administrators gave you."));
      show_error (self, error, NULL);
      return;
    }
  hc_hub_dialog_show_me (self, found->me);
  sign_in (self);
}

/* Builds the candidate profile from the form, naming what is wrong. */
static gboolean
read_form (HcHubDialog  *self,
           GError      **error)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *ca = gtk_editable_get_text (GTK_EDITABLE (self->ca_row));
  const char *fingerprint = gtk_editable_get_text (GTK_EDITABLE (self->fingerprint_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  g_autofree char *fallback_name = NULL;
  HcProfile *candidate;

  if (*name == '\0')
    name = fallback_name = g_strdup (url);

  candidate = hc_profile_new (name, url, NULL, error);
  if (candidate == NULL)
    return FALSE;
  g_clear_object (&self->candidate);
  self->candidate = candidate;

  /* Told by /me for a hub; given here for an Alertmanager. */
  hc_profile_set_username (candidate, user);
  hc_profile_set_ca_file (candidate, *ca ? ca : NULL);
  hc_profile_set_allow_plaintext (candidate, gtk_switch_get_active (self->plaintext_switch));
  if (*fingerprint && !hc_profile_set_pinned_fingerprint (candidate, fingerprint, error))
    return FALSE;

  return TRUE;
}

void
hc_hub_dialog_save (HcHubDialog *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HC_IS_HUB_DIALOG (self));

  gtk_widget_set_visible (GTK_WIDGET (self->trust_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->session_button), FALSE);

  if (!read_form (self, &error))
    {
      show_error (self, error, NULL);
      return;
    }

  set_busy (self, TRUE);
  set_status (self, HC_LEVEL_NEUTRAL, _("Checking the token with the hub…"));
  hc_hub_manager_detect_async (self->manager, self->candidate,
                               gtk_editable_get_text (GTK_EDITABLE (self->token_row)),
                               self->cancellable, on_detected, g_object_ref (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HcHubDialog *self = HC_HUB_DIALOG (widget);

  self->session_only = FALSE;
  hc_hub_dialog_save (self);
}

static void
trust_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HcHubDialog *self = HC_HUB_DIALOG (widget);
  const char *fingerprint = g_object_get_data (G_OBJECT (self->trust_button), "fingerprint");

  if (fingerprint == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->fingerprint_row), fingerprint);
  hc_hub_dialog_save (self);
}

static void
session_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HcHubDialog *self = HC_HUB_DIALOG (widget);

  self->session_only = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->session_button), FALSE);
  sign_in (self);
}

static void
on_plaintext_changed (GtkSwitch   *toggle,
                      GParamSpec  *pspec,
                      HcHubDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->plaintext_warning), gtk_switch_get_active (toggle));
}

static void
hc_hub_dialog_dispose (GObject *object)
{
  HcHubDialog *self = HC_HUB_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_HUB_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->manager);
  g_clear_object (&self->profile);
  g_clear_object (&self->candidate);

  G_OBJECT_CLASS (hc_hub_dialog_parent_class)->dispose (object);
}

static void
hc_hub_dialog_class_init (HcHubDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_hub_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-hub-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, token_row);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, ca_row);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, plaintext_switch);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, plaintext_warning);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, status_icon);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, trust_button);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, session_button);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HcHubDialog, spinner);
  gtk_widget_class_bind_template_callback (widget_class, on_plaintext_changed);

  gtk_widget_class_install_action (widget_class, "hub.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "hub.trust", NULL, trust_action);
  gtk_widget_class_install_action (widget_class, "hub.session-only", NULL, session_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hc_hub_dialog_init (HcHubDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  set_status (self, HC_LEVEL_NEUTRAL, NULL);
}

HcHubDialog *
hc_hub_dialog_new (GtkWindow    *parent,
                   HcHubManager *manager,
                   HcProfile    *profile)
{
  HcHubDialog *self;

  g_return_val_if_fail (HC_IS_HUB_MANAGER (manager), NULL);
  g_return_val_if_fail (profile == NULL || HC_IS_PROFILE (profile), NULL);

  self = g_object_new (HC_TYPE_HUB_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", profile ? _("Edit Hub") : _("Add Hub"),
                       NULL);
  self->manager = g_object_ref (manager);
  if (profile != NULL)
    {
      self->profile = g_object_ref (profile);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), hc_profile_get_name (profile));
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), hc_profile_get_url (profile));
      if (hc_profile_get_ca_file (profile))
        gtk_editable_set_text (GTK_EDITABLE (self->ca_row), hc_profile_get_ca_file (profile));
      if (hc_profile_get_pinned_fingerprint (profile))
        gtk_editable_set_text (GTK_EDITABLE (self->fingerprint_row), hc_profile_get_pinned_fingerprint (profile));
      gtk_switch_set_active (self->plaintext_switch, hc_profile_get_allow_plaintext (profile));
      if (hc_profile_is_alertmanager (profile))
        gtk_editable_set_text (GTK_EDITABLE (self->user_row), hc_profile_get_username (profile));
    }
  return self;
}

void
hc_hub_dialog_set_url (HcHubDialog *self,
                       const char  *url)
{
  g_return_if_fail (HC_IS_HUB_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url ? url : "");
}

void
hc_hub_dialog_set_name (HcHubDialog *self,
                        const char  *name)
{
  g_return_if_fail (HC_IS_HUB_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), name ? name : "");
}

void
hc_hub_dialog_set_token (HcHubDialog *self,
                         const char  *token)
{
  g_return_if_fail (HC_IS_HUB_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->token_row), token ? token : "");
}

const char *
hc_hub_dialog_get_status (HcHubDialog *self)
{
  g_return_val_if_fail (HC_IS_HUB_DIALOG (self), NULL);
  return gtk_label_get_label (self->status_label);
}
