/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-alert-detail.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-status-badge.h"
#include "hc-widget-util.h"

/* One alert beside the list: its facts, description, timeline and triage buttons. */
struct _HcAlertDetail
{
  GtkWidget       parent_instance;

  HcAlert        *alert;
  gulong          notify_id;

  /* template children */
  GtkLabel       *title_label;
  HcStatusBadge  *severity_badge;
  HcStatusBadge  *state_badge;
  GtkLabel       *actions_reason;
  AdwActionRow   *category_row;
  AdwActionRow   *asset_row;
  AdwActionRow   *source_ip_row;
  AdwActionRow   *detected_row;
  AdwActionRow   *events_row;
  AdwActionRow   *acknowledged_row;
  AdwActionRow   *resolved_row;
  AdwActionRow   *silence_row;
  GtkWidget      *expire_button;
  GtkWidget      *labels_box;
  GtkLabel       *labels_label;
  GtkLabel       *annotations_label;
  GtkWidget      *generator_button;
  GtkLabel       *description_label;
  GtkLabel       *timeline_placeholder;
  GtkListBox     *timeline_list;
};

G_DEFINE_FINAL_TYPE (HcAlertDetail, hc_alert_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ALERT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* "nguyen.van.a, 14:02 (3 hours ago)", or NULL when nobody did it yet. */
static char *
who_and_when (const char *who,
              gint64      when,
              gint64      now)
{
  g_autofree char *exact = NULL;
  g_autofree char *relative = NULL;
  g_autofree char *name = NULL;

  if (when <= 0)
    return NULL;
  exact = hc_format_time (when, now);
  relative = hc_format_relative (when, now);
  name = who != NULL && *who ? hc_format_hub_text (who, HC_HUB_TEXT_LINE) : g_strdup ("—");
  /* Translators: who did it and when, e.g. "nguyen.van.a, 14:02 (3 hours ago)" */
  return g_strdup_printf (_("%s, %s (%s)"), name, exact, relative);
}

static GtkWidget *
create_timeline_row (gpointer item,
                     gpointer user_data)
{
  HcTimelineEntry *entry = item;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *when = hc_format_time (hc_timeline_entry_get_at (entry), now);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *actor = hc_format_hub_text (hc_timeline_entry_get_actor (entry), HC_HUB_TEXT_LINE);
  g_autofree char *comment = hc_format_hub_text (hc_timeline_entry_get_comment (entry), HC_HUB_TEXT_LINES);
  GtkWidget *row = adw_action_row_new ();

  /* Translators: a timeline entry, e.g. "Acknowledged by nguyen.van.a" */
  title = g_strdup_printf (_("%s by %s"), hc_timeline_action_label (hc_timeline_entry_get_action (entry)),
                           actor);
  if (*comment)
    subtitle = g_strdup_printf ("%s\n%s", when, comment);
  else
    subtitle = g_strdup (when);

  /* Hub text is text, never markup: "&" or "<" would blank the row. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 6);
  return row;
}

static void refresh_extra (HcAlertDetail *self,
                           HcAlert       *alert,
                           gint64         now);

static void
hc_alert_detail_refresh (HcAlertDetail *self)
{
  HcAlert *alert = self->alert;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *events = NULL;
  g_autofree char *acknowledged = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *title = NULL;
  g_autofree char *asset = NULL;
  g_autofree char *source_ip = NULL;
  g_autofree char *description = NULL;
  GListModel *timeline;

  if (alert == NULL)
    return;

  title = hc_format_hub_text (hc_alert_get_title (alert), HC_HUB_TEXT_LINE);
  asset = hc_format_hub_text (hc_alert_get_asset (alert), HC_HUB_TEXT_LINE);
  source_ip = hc_format_hub_text (hc_alert_get_source_ip (alert), HC_HUB_TEXT_LINE);
  description = hc_format_hub_text (hc_alert_get_description (alert), HC_HUB_TEXT_LINES);

  gtk_label_set_label (self->title_label, title);
  hc_status_badge_set (self->severity_badge,
                       hc_severity_level (hc_alert_get_severity (alert)),
                       hc_severity_label (hc_alert_get_severity (alert)));
  hc_status_badge_set (self->state_badge,
                       hc_alert_state_level (hc_alert_get_state (alert)),
                       hc_alert_state_label (hc_alert_get_state (alert)));

  events = hc_format_count (hc_alert_get_events_count (alert));
  acknowledged = who_and_when (hc_alert_get_acknowledged_by (alert), hc_alert_get_acknowledged_at (alert), now);
  resolved = who_and_when (hc_alert_get_resolved_by (alert), hc_alert_get_resolved_at (alert), now);
  if (resolved != NULL && hc_alert_get_resolution (alert) != HC_RESOLUTION_NONE)
    {
      /* Translators: who resolved it, when, and how, e.g. "… (3 hours ago) · False positive" */
      g_autofree char *with_resolution = g_strdup_printf (_("%s · %s"), resolved,
                                                          hc_resolution_label (hc_alert_get_resolution (alert)));
      g_free (resolved);
      resolved = g_steal_pointer (&with_resolution);
    }

  hc_detail_row_set_value (self->category_row, hc_alert_category_label (hc_alert_get_category (alert)));
  hc_detail_row_set_value (self->asset_row, asset);
  hc_detail_row_set_value (self->source_ip_row, source_ip);
  {
    g_autofree char *exact = hc_format_time (hc_alert_get_detected_at (alert), now);
    g_autofree char *relative = hc_format_relative (hc_alert_get_detected_at (alert), now);
    g_autofree char *text = g_strdup_printf ("%s (%s)", exact, relative);
    hc_detail_row_set_value (self->detected_row, text);
  }
  hc_detail_row_set_value (self->events_row, events);
  hc_detail_row_set_value (self->acknowledged_row, acknowledged);
  hc_detail_row_set_value (self->resolved_row, resolved);

  gtk_label_set_label (self->description_label, description);
  refresh_extra (self, alert, now);

  timeline = hc_alert_get_timeline (alert);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_placeholder), timeline == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->timeline_list), timeline != NULL);
}

/* "name=value" lines, each as the hub sent it, never markup. */
static char *
pairs_text (const char * const *pairs)
{
  g_autofree char *joined = NULL;

  if (pairs == NULL || pairs[0] == NULL)
    return g_strdup ("—");
  joined = g_strjoinv ("\n", (char **) pairs);
  return hc_format_hub_text (joined, HC_HUB_TEXT_LINES);
}

/* What a kind of hub beyond the Hub API tells (an Alertmanager): its own
 * severity and category words, the silence, labels and annotations. */
static void
refresh_extra (HcAlertDetail *self,
               HcAlert       *alert,
               gint64         now)
{
  const char *severity = hc_alert_get_severity_text (alert);
  const char *category = hc_alert_get_category_text (alert);
  const char *generator = hc_alert_get_generator_url (alert);
  gboolean extra = hc_alert_get_labels (alert) != NULL;
  g_autofree char *labels = pairs_text (hc_alert_get_labels (alert));
  g_autofree char *annotations = pairs_text (hc_alert_get_annotations (alert));

  if (severity != NULL)
    {
      g_autofree char *text = hc_format_hub_text (severity, HC_HUB_TEXT_LINE);
      /* Unknown is not low: the word as it came, with no level of ours. */
      hc_status_badge_set (self->severity_badge, HC_LEVEL_NEUTRAL,
                           *text ? text : C_("severity", "Not given"));
    }
  if (category != NULL)
    {
      g_autofree char *text = hc_format_hub_text (category, HC_HUB_TEXT_LINE);
      hc_detail_row_set_value (self->category_row, text);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->silence_row), hc_alert_get_acknowledged_until (alert) > 0);
  if (hc_alert_get_acknowledged_until (alert) > 0)
    {
      g_autofree char *until = hc_format_time (hc_alert_get_acknowledged_until (alert), now);
      g_autofree char *why = hc_format_hub_text (hc_alert_get_acknowledged_comment (alert), HC_HUB_TEXT_LINE);
      /* Translators: when the silence ends, then the comment it was created with */
      g_autofree char *text = g_strdup_printf (_("%s · “%s”"), until, why ? why : "");
      hc_detail_row_set_value (self->silence_row, text);
    }

  gtk_widget_set_visible (self->labels_box, extra);
  gtk_label_set_label (self->labels_label, labels);
  gtk_label_set_label (self->annotations_label, annotations);
  /* Only a web address is opened: a hub's text is never a command. */
  gtk_widget_set_visible (self->generator_button,
                          generator != NULL && (g_str_has_prefix (generator, "http://") ||
                                                g_str_has_prefix (generator, "https://")));
  if (generator != NULL)
    gtk_widget_set_tooltip_text (self->generator_button, generator);
}

static void
on_generator_clicked (HcAlertDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *uri = self->alert ? hc_alert_get_generator_url (self->alert) : NULL;

  if (uri != NULL)
    gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static void
on_alert_notify (HcAlert       *alert,
                 GParamSpec    *pspec,
                 HcAlertDetail *self)
{
  if (g_strcmp0 (pspec->name, "timeline") == 0)
    gtk_list_box_bind_model (self->timeline_list, hc_alert_get_timeline (alert),
                             create_timeline_row, NULL, NULL);
  hc_alert_detail_refresh (self);
}

static void
hc_alert_detail_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcAlertDetail *self = HC_ALERT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ALERT:
      g_value_set_object (value, self->alert);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_alert_detail_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HcAlertDetail *self = HC_ALERT_DETAIL (object);

  switch (prop_id)
    {
    case PROP_ALERT:
      hc_alert_detail_set_alert (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_alert_detail_dispose (GObject *object)
{
  HcAlertDetail *self = HC_ALERT_DETAIL (object);

  hc_alert_detail_set_alert (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_ALERT_DETAIL);
  hc_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (hc_alert_detail_parent_class)->dispose (object);
}

static void
hc_alert_detail_class_init (HcAlertDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hc_alert_detail_get_property;
  object_class->set_property = hc_alert_detail_set_property;
  object_class->dispose = hc_alert_detail_dispose;

  properties[PROP_ALERT] =
    g_param_spec_object ("alert", NULL, NULL, HC_TYPE_ALERT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HC_TYPE_STATUS_BADGE);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-alert-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, severity_badge);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, state_badge);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, actions_reason);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, category_row);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, silence_row);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, expire_button);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, labels_box);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, labels_label);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, annotations_label);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, generator_button);
  gtk_widget_class_bind_template_callback (widget_class, on_generator_clicked);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, asset_row);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, source_ip_row);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, detected_row);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, events_row);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, acknowledged_row);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, resolved_row);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, description_label);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, timeline_placeholder);
  gtk_widget_class_bind_template_child (widget_class, HcAlertDetail, timeline_list);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_alert_detail_init (HcAlertDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HcAlert *
hc_alert_detail_get_alert (HcAlertDetail *self)
{
  g_return_val_if_fail (HC_IS_ALERT_DETAIL (self), NULL);

  return self->alert;
}

void
hc_alert_detail_set_alert (HcAlertDetail *self,
                           HcAlert       *alert)
{
  g_return_if_fail (HC_IS_ALERT_DETAIL (self));
  g_return_if_fail (alert == NULL || HC_IS_ALERT (alert));

  if (self->alert == alert)
    return;

  if (self->alert != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->alert);
      g_clear_object (&self->alert);
    }

  if (alert != NULL)
    {
      self->alert = g_object_ref (alert);
      self->notify_id = g_signal_connect_object (alert, "notify",
                                                 G_CALLBACK (on_alert_notify), self, 0);
      gtk_list_box_bind_model (self->timeline_list, hc_alert_get_timeline (alert),
                               create_timeline_row, NULL, NULL);
      hc_alert_detail_refresh (self);
    }
  else if (self->timeline_list != NULL)
    gtk_list_box_bind_model (self->timeline_list, NULL, NULL, NULL, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALERT]);
}

/**
 * hc_alert_detail_set_actions_reason:
 * Why acknowledge or resolve is not offered (the role), or %NULL.
 */
void
hc_alert_detail_set_actions_reason (HcAlertDetail *self,
                                    const char    *reason)
{
  g_return_if_fail (HC_IS_ALERT_DETAIL (self));

  gtk_label_set_label (self->actions_reason, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_reason), reason != NULL);
}

/* Whether "Expire Silence" is shown (a silenced alert of an Alertmanager). */
void
hc_alert_detail_set_expire_visible (HcAlertDetail *self,
                                    gboolean       visible)
{
  g_return_if_fail (HC_IS_ALERT_DETAIL (self));

  gtk_widget_set_visible (self->expire_button, visible);
}
