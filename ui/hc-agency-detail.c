/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One agency beside the list: its scores, change and trend over the
 * period, its feeds, the way to its rows, and its most failed rules. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hc-agency-cells.h"
#include "hc-agency-detail.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-score-point.h"
#include "hc-status-badge.h"
#include "hc-trend-chart.h"
#include "hc-widget-util.h"

#define MAX_RULES 5

struct _HcAgencyDetail
{
  GtkWidget       parent_instance;

  HcAgency       *agency;
  GListModel     *datasets;
  guint           period_days;
  HcThresholds   *thresholds;
  guint           update_id;

  /* template children */
  GtkLabel       *name_label;
  GtkLabel       *counts_label;
  HcStatusBadge  *badges[5];
  GtkLabel       *change_label;
  GtkLabel       *trend_heading;
  HcTrendChart   *chart;
  GtkLabel       *history_label;
  GtkLabel       *feeds_label;
  GtkButton      *datasets_button;
  GtkButton      *feeds_button;
  GtkListBox     *rules_list;
  GtkLabel       *rules_label;
};

G_DEFINE_FINAL_TYPE (HcAgencyDetail, hc_agency_detail, GTK_TYPE_WIDGET)

static void
update_scores (HcAgencyDetail *self)
{
  for (guint i = 0; i < 5; i++)
    {
      double score = i < 4 ? hc_agency_get_score (self->agency, i) : hc_agency_get_overall (self->agency);
      const char *name = i < 4 ? hc_criterion_label (i) : _("Overall");
      g_autofree char *value = isnan (score) ? g_strdup (_("not known")) : hc_format_score (score);
      g_autofree char *text = g_strdup_printf ("%s %s", name, value);

      hc_status_badge_set (self->badges[i],
                           isnan (score) ? HC_LEVEL_UNKNOWN
                                         : self->thresholds ? hc_thresholds_level (self->thresholds, score)
                                                            : HC_LEVEL_NEUTRAL,
                           text);
    }
}

static void
update_trend (HcAgencyDetail *self)
{
  g_autoptr(GListStore) points = g_list_store_new (HC_TYPE_SCORE_POINT);
  g_autofree char *change = hc_agency_cells_change_text (self->agency);
  g_autofree char *change_line = NULL;
  g_autofree char *heading = NULL;
  const HcAgencyPoint *trend;
  guint n;

  trend = hc_agency_get_trend (self->agency, &n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcScorePoint) point = hc_score_point_new (trend[i].date, trend[i].scores[0], trend[i].scores[1],
                                                          trend[i].scores[2], trend[i].scores[3],
                                                          trend[i].scores[4]);
      g_list_store_append (points, point);
    }
  hc_trend_chart_set_history (self->chart, G_LIST_MODEL (points));

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Trend, %u Day", "Trend, %u Days", self->period_days),
                             self->period_days);
  gtk_label_set_text (self->trend_heading, heading);
  /* Translators: "Change over 30 days: ▲ +2.5 (overall, weighted by records)" */
  change_line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "Change over %u day: %s (overall, weighted by records)",
                                              "Change over %u days: %s (overall, weighted by records)",
                                              self->period_days),
                                 self->period_days, change);
  gtk_label_set_text (self->change_label, change_line);
}

static void
update_rules (HcAgencyDetail *self)
{
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *note = NULL;
  GtkWidget *child;
  guint n_read = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rules_list))) != NULL)
    gtk_list_box_remove (self->rules_list, child);
  if (self->datasets == NULL)
    return;

  rules = hc_agency_top_rules (self->datasets, hc_agency_get_name (self->agency), MAX_RULES, &n_read);
  for (guint i = 0; i < rules->len; i++)
    {
      HcAgencyRule *rule = rules->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = hc_format_hub_text (rule->description, HC_HUB_TEXT_LINE);
      g_autofree char *failed = hc_format_count (rule->failed);
      g_autofree char *subtitle =
        /* Translators: "Correct · 1,204 records failed in 3 datasets" */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %s records failed in %u dataset",
                                      "%s · %s records failed in %u datasets", rule->datasets),
                         hc_criterion_label (rule->criterion), failed, rule->datasets);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->rules_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->rules_list), rules->len > 0);

  if (n_read == 0)
    note = g_strdup (_("Not read yet: the rules come with each dataset's detail, which is being read."));
  else if (rules->len == 0)
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No rule fails in the %u dataset whose rules were read.",
                                         "No rule fails in the %u datasets whose rules were read.", n_read),
                            n_read);
  else
    note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "From the rules of %u dataset of %d.",
                                         "From the rules of %u datasets of %d.", n_read),
                            n_read, (int) hc_agency_get_datasets (self->agency));
  gtk_label_set_text (self->rules_label, note);
}

static void
update (HcAgencyDetail *self)
{
  g_autofree char *name = NULL;
  g_autofree char *records = NULL, *counts = NULL;
  g_autofree char *feeds = NULL, *history = NULL;
  g_autoptr(GVariant) target = NULL;

  if (self->agency == NULL)
    return;

  name = hc_format_hub_text (hc_agency_get_name (self->agency), HC_HUB_TEXT_LINE);
  gtk_label_set_text (self->name_label, name);

  records = hc_format_count (hc_agency_get_records (self->agency));
  /* Translators: "12 datasets, 1,250,000 records; scores are means weighted by records" */
  counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d dataset, %s records; scores are means weighted by records",
                                         "%d datasets, %s records; scores are means weighted by records",
                                         (gulong) hc_agency_get_datasets (self->agency)),
                            (int) hc_agency_get_datasets (self->agency), records);
  gtk_label_set_text (self->counts_label, counts);
  update_scores (self);
  update_trend (self);

  history = g_strdup_printf (_("History known for %d of %d datasets; the trend and change come from those."),
                             (int) hc_agency_get_change_known (self->agency),
                             (int) hc_agency_get_datasets (self->agency));
  gtk_label_set_text (self->history_label, history);

  if (hc_agency_get_feeds (self->agency) < 0)
    feeds = g_strdup (_("Feeds not known: the hub's list of feeds could not be read."));
  else
    feeds = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d feed: %d failed, %d lagging",
                                          "%d feeds: %d failed, %d lagging",
                                          (gulong) hc_agency_get_feeds (self->agency)),
                             (int) hc_agency_get_feeds (self->agency),
                             (int) hc_agency_get_feeds_failed (self->agency),
                             (int) hc_agency_get_feeds_lagging (self->agency));
  gtk_label_set_text (self->feeds_label, feeds);

  target = g_variant_ref_sink (g_variant_new_string (hc_agency_get_name (self->agency)));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->datasets_button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->datasets_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->datasets_button), "win.show-agency-datasets");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->feeds_button), NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->feeds_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->feeds_button), "win.show-agency-feeds");
  gtk_widget_set_sensitive (GTK_WIDGET (self->datasets_button), hc_agency_get_datasets (self->agency) > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->feeds_button), hc_agency_get_feeds (self->agency) > 0);

  update_rules (self);
}

static void
hc_agency_detail_dispose (GObject *object)
{
  HcAgencyDetail *self = HC_AGENCY_DETAIL (object);

  if (self->agency != NULL)
    g_signal_handlers_disconnect_by_data (self->agency, self);
  g_clear_handle_id (&self->update_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_AGENCY_DETAIL);
  hc_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->agency);
  g_clear_object (&self->datasets);
  g_clear_object (&self->thresholds);

  G_OBJECT_CLASS (hc_agency_detail_parent_class)->dispose (object);
}

static void
hc_agency_detail_class_init (HcAgencyDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const badge_ids[] = {
    "correct_badge", "complete_badge", "clean_badge", "live_badge", "overall_badge",
  };

  object_class->dispose = hc_agency_detail_dispose;

  g_type_ensure (HC_TYPE_STATUS_BADGE);
  g_type_ensure (HC_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-agency-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HcAgencyDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, HcAgencyDetail, counts_label);
  gtk_widget_class_bind_template_child (widget_class, HcAgencyDetail, change_label);
  gtk_widget_class_bind_template_child (widget_class, HcAgencyDetail, trend_heading);
  gtk_widget_class_bind_template_child (widget_class, HcAgencyDetail, chart);
  gtk_widget_class_bind_template_child (widget_class, HcAgencyDetail, history_label);
  gtk_widget_class_bind_template_child (widget_class, HcAgencyDetail, feeds_label);
  gtk_widget_class_bind_template_child (widget_class, HcAgencyDetail, datasets_button);
  gtk_widget_class_bind_template_child (widget_class, HcAgencyDetail, feeds_button);
  gtk_widget_class_bind_template_child (widget_class, HcAgencyDetail, rules_list);
  gtk_widget_class_bind_template_child (widget_class, HcAgencyDetail, rules_label);
  hc_widget_class_bind_template_array (widget_class, badge_ids, G_N_ELEMENTS (badge_ids),
                                       G_STRUCT_OFFSET (HcAgencyDetail, badges));
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_agency_detail_init (HcAgencyDetail *self)
{
  self->period_days = 30;
  gtk_widget_init_template (GTK_WIDGET (self));
}

static gboolean
update_cb (gpointer user_data)
{
  HcAgencyDetail *self = user_data;

  self->update_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

/* A recount notifies many figures at once: one update for them all. */
static void
on_agency_notify (HcAgencyDetail *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add (update_cb, self);
}

/**
 * hc_agency_detail_set_agency:
 * @agency: (nullable): the agency to show; it follows its updates
 * @datasets: (nullable): the datasets in scope, for the agency's rules
 */
void
hc_agency_detail_set_agency (HcAgencyDetail *self,
                             HcAgency       *agency,
                             GListModel     *datasets,
                             guint           period_days)
{
  g_return_if_fail (HC_IS_AGENCY_DETAIL (self));

  if (self->agency != NULL)
    g_signal_handlers_disconnect_by_data (self->agency, self);
  g_set_object (&self->agency, agency);
  g_set_object (&self->datasets, datasets);
  self->period_days = period_days;
  if (agency != NULL)
    g_signal_connect_object (agency, "notify", G_CALLBACK (on_agency_notify), self, G_CONNECT_SWAPPED);
  update (self);
}

void
hc_agency_detail_set_thresholds (HcAgencyDetail *self,
                                 HcThresholds   *thresholds)
{
  g_return_if_fail (HC_IS_AGENCY_DETAIL (self));

  if (g_set_object (&self->thresholds, thresholds))
    update (self);
}
