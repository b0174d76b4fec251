/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-widget-util.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-source-detail.h"
#include "hc-status-badge.h"

/* One source beside the list: its facts, its runs, and "Retry now". */
struct _HcSourceDetail
{
  GtkWidget       parent_instance;

  HcSource       *source;
  gulong          notify_id;

  /* template children */
  GtkLabel       *name_label;
  GtkLabel       *agency_label;
  HcStatusBadge  *status_badge;
  GtkButton      *retry_button;
  GtkLabel       *retry_reason;
  AdwActionRow   *kind_row;
  AdwActionRow   *schedule_row;
  AdwActionRow   *last_success_row;
  AdwActionRow   *lag_row;
  AdwActionRow   *throughput_row;
  AdwActionRow   *error_row;
  GtkListBox     *runs_list;
  GtkLabel       *runs_placeholder;
};

G_DEFINE_FINAL_TYPE (HcSourceDetail, hc_source_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SOURCE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_run_row (gpointer item,
                gpointer user_data)
{
  HcRun *run = item;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 started = hc_run_get_started_at (run);
  gint64 finished = hc_run_get_finished_at (run);
  g_autofree char *when = hc_format_time (started, now);
  g_autofree char *duration = NULL;
  g_autofree char *records = hc_format_count (hc_run_get_records (run));
  g_autofree char *bytes = hc_format_bytes (hc_run_get_bytes (run));
  g_autofree char *subtitle = NULL;
  g_autofree char *error = hc_format_hub_text (hc_run_get_error (run), HC_HUB_TEXT_LINES);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = hc_status_badge_new ();

  if (finished > 0 && finished >= started)
    duration = hc_format_duration (finished - started);
  else
    duration = g_strdup (_("still running"));

  /* Translators: a run's facts: "12 min · 1,204 records · 3.1 MB" */
  subtitle = g_strdup_printf (_("%s · %s records · %s"), duration, records, bytes);
  if (*error)
    {
      g_autofree char *with_error = g_strdup_printf ("%s\n%s", subtitle, error);
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_error);
    }

  /* Hub text is text, never markup: "&" or "<" would blank the row. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  hc_status_badge_set (HC_STATUS_BADGE (badge),
                       hc_run_outcome_level (hc_run_get_outcome (run)),
                       hc_run_outcome_label (hc_run_get_outcome (run)));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  hc_status_badge_set_ellipsize (HC_STATUS_BADGE (badge), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  return row;
}

static void
hc_source_detail_refresh (HcSourceDetail *self)
{
  HcSource *source = self->source;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *last_success = NULL;
  g_autofree char *last_success_exact = NULL;
  g_autofree char *lag = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *name = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *schedule = NULL;
  HcRun *last_run;
  GListModel *runs;

  if (source == NULL)
    return;

  name = hc_format_hub_text (hc_source_get_name (source), HC_HUB_TEXT_LINE);
  agency = hc_format_hub_text (hc_source_get_agency (source), HC_HUB_TEXT_LINE);
  schedule = hc_format_hub_text (hc_source_get_schedule (source), HC_HUB_TEXT_LINE);
  hc_label_set_label (self->name_label, name);
  hc_label_set_label (self->agency_label, agency);
  hc_status_badge_set (self->status_badge,
                       hc_source_status_level (hc_source_get_status (source)),
                       hc_source_status_label (hc_source_get_status (source)));

  last_success = hc_format_relative (hc_source_get_last_success_at (source), now);
  last_success_exact = hc_format_time (hc_source_get_last_success_at (source), now);
  lag = hc_format_duration (hc_source_get_lag_seconds (source));
  rate = hc_format_rate (hc_source_get_records_per_second (source));

  hc_detail_row_set_value (self->kind_row, hc_source_kind_label (hc_source_get_kind (source)));
  hc_detail_row_set_value (self->schedule_row, schedule);
  {
    g_autofree char *text = g_strdup_printf ("%s (%s)", last_success, last_success_exact);
    hc_detail_row_set_value (self->last_success_row, hc_source_get_last_success_at (source) > 0 ? text : _("never"));
  }
  hc_detail_row_set_value (self->lag_row, lag);
  hc_detail_row_set_value (self->throughput_row, rate);

  last_run = hc_source_get_last_run (source);
  {
    g_autofree char *error = hc_format_hub_text (last_run != NULL ? hc_run_get_error (last_run) : NULL,
                                                 HC_HUB_TEXT_LINES);
    hc_detail_row_set_value (self->error_row, error);
  }

  runs = hc_source_get_runs (source);
  gtk_widget_set_visible (GTK_WIDGET (self->runs_placeholder), runs == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->runs_list), runs != NULL);
}

static void
on_source_notify (HcSource       *source,
                  GParamSpec     *pspec,
                  HcSourceDetail *self)
{
  if (g_strcmp0 (pspec->name, "runs") == 0)
    gtk_list_box_bind_model (self->runs_list, hc_source_get_runs (source),
                             create_run_row, NULL, NULL);
  hc_source_detail_refresh (self);
}

static void
hc_source_detail_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HcSourceDetail *self = HC_SOURCE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_object (value, self->source);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_source_detail_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HcSourceDetail *self = HC_SOURCE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      hc_source_detail_set_source (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_source_detail_dispose (GObject *object)
{
  HcSourceDetail *self = HC_SOURCE_DETAIL (object);

  hc_source_detail_set_source (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_SOURCE_DETAIL);
  hc_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (hc_source_detail_parent_class)->dispose (object);
}

static void
hc_source_detail_class_init (HcSourceDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hc_source_detail_get_property;
  object_class->set_property = hc_source_detail_set_property;
  object_class->dispose = hc_source_detail_dispose;

  properties[PROP_SOURCE] =
    g_param_spec_object ("source", NULL, NULL, HC_TYPE_SOURCE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HC_TYPE_STATUS_BADGE);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-source-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, agency_label);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, status_badge);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, retry_button);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, retry_reason);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, kind_row);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, schedule_row);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, last_success_row);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, lag_row);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, throughput_row);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, error_row);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, runs_list);
  gtk_widget_class_bind_template_child (widget_class, HcSourceDetail, runs_placeholder);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_source_detail_init (HcSourceDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HcSource *
hc_source_detail_get_source (HcSourceDetail *self)
{
  g_return_val_if_fail (HC_IS_SOURCE_DETAIL (self), NULL);

  return self->source;
}

void
hc_source_detail_set_source (HcSourceDetail *self,
                             HcSource       *source)
{
  g_return_if_fail (HC_IS_SOURCE_DETAIL (self));
  g_return_if_fail (source == NULL || HC_IS_SOURCE (source));

  if (self->source == source)
    return;

  if (self->source != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->source);
      g_clear_object (&self->source);
    }

  if (source != NULL)
    {
      self->source = g_object_ref (source);
      self->notify_id = g_signal_connect_object (source, "notify",
                                                 G_CALLBACK (on_source_notify), self, 0);
      gtk_list_box_bind_model (self->runs_list, hc_source_get_runs (source),
                               create_run_row, NULL, NULL);
      hc_source_detail_refresh (self);
    }
  else if (self->runs_list != NULL)
    gtk_list_box_bind_model (self->runs_list, NULL, NULL, NULL, NULL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * hc_source_detail_set_retry_reason:
 * Why "Retry now" is not offered (the role), or %NULL when it is.
 */
void
hc_source_detail_set_retry_reason (HcSourceDetail *self,
                                   const char     *reason)
{
  g_return_if_fail (HC_IS_SOURCE_DETAIL (self));

  hc_label_set_label (self->retry_reason, reason);
  gtk_widget_set_visible (GTK_WIDGET (self->retry_reason), reason != NULL);
}
