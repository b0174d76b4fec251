/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-dataset-detail.h"
#include "hc-failing-sample.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-rule.h"
#include "hc-status-badge.h"
#include "hc-widget-util.h"

/* One dataset beside the list: its four scores, their trend, the rules
 * grouped by criterion, and samples of the records that fail them. */
struct _HcDatasetDetail
{
  GtkWidget       parent_instance;

  HcDataset      *dataset;
  gulong          notify_id;
  HcThresholds   *thresholds;
  GPtrArray      *rule_rows;

  /* template children */
  GtkLabel       *name_label;
  GtkLabel       *owner_label;
  GtkLabel       *checked_label;
  HcStatusBadge  *badges[5];
  HcTrendChart   *chart;
  GtkBox         *rules_box;
  GtkLabel       *rules_placeholder;
  GtkListBox     *samples_list;
  GtkLabel       *samples_placeholder;
};

G_DEFINE_FINAL_TYPE (HcDatasetDetail, hc_dataset_detail, GTK_TYPE_WIDGET)

static const HcCriterion criteria[] = {
  HC_CRITERION_CORRECT, HC_CRITERION_COMPLETE, HC_CRITERION_CLEAN, HC_CRITERION_LIVE,
};

static GtkWidget *
create_sample_row (gpointer item,
                   gpointer user_data)
{
  HcFailingSample *sample = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *record_key = hc_format_hub_text (hc_failing_sample_get_record_key (sample), HC_HUB_TEXT_LINE);
  g_autofree char *field = hc_format_hub_text (hc_failing_sample_get_field (sample), HC_HUB_TEXT_LINE);
  g_autofree char *title = g_strdup_printf ("%s · %s", record_key, field);
  g_autofree char *subtitle = NULL;
  g_autofree char *value = hc_format_hub_text (hc_failing_sample_get_value (sample), HC_HUB_TEXT_LINE);
  g_autofree char *reason = hc_format_hub_text (hc_failing_sample_get_reason (sample), HC_HUB_TEXT_LINES);

  /* Translators: a failing record's value and why it fails */
  subtitle = g_strdup_printf (_("“%s”: %s"), value, reason);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  return row;
}

/* Rules under their criterion: few per dataset, rebuilt when they change. */
static void
rebuild_rules (HcDatasetDetail *self)
{
  GListModel *rules = self->dataset ? hc_dataset_get_rules (self->dataset) : NULL;
  guint n = rules ? g_list_model_get_n_items (rules) : 0;

  for (guint i = 0; i < self->rule_rows->len; i++)
    gtk_box_remove (self->rules_box, self->rule_rows->pdata[i]);
  g_ptr_array_set_size (self->rule_rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->rules_placeholder), rules == NULL);
  if (rules == NULL)
    return;

  for (guint c = 0; c < G_N_ELEMENTS (criteria); c++)
    {
      GtkWidget *heading = gtk_label_new (hc_criterion_label (criteria[c]));
      GtkWidget *list = gtk_list_box_new ();
      guint in_group = 0;

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      hc_criterion_label (criteria[c]), -1);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HcRule) rule = g_list_model_get_item (rules, i);
          GtkWidget *row, *badge;
          g_autofree char *checked = NULL, *failed = NULL, *subtitle = NULL, *description = NULL;

          if (hc_rule_get_criterion (rule) != criteria[c])
            continue;

          checked = hc_format_count (hc_rule_get_checked (rule));
          failed = hc_format_count (hc_rule_get_failed (rule));
          /* Translators: "12 failed of 48,210 checked" */
          subtitle = g_strdup_printf (_("%s failed of %s checked"), failed, checked);
          description = hc_format_hub_text (hc_rule_get_description (rule), HC_HUB_TEXT_LINES);
          row = adw_action_row_new ();
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), description);
          adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          badge = hc_status_badge_new ();
          hc_status_badge_set (HC_STATUS_BADGE (badge),
                               hc_rule_get_failed (rule) > 0 ? HC_LEVEL_WARNING : HC_LEVEL_OK,
                               hc_rule_get_failed (rule) > 0 ? _("Failing") : _("Passing"));
          gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
          hc_status_badge_set_ellipsize (HC_STATUS_BADGE (badge), FALSE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
          gtk_list_box_append (GTK_LIST_BOX (list), row);
          in_group++;
        }

      if (in_group == 0)
        {
          g_object_ref_sink (heading);
          g_object_unref (heading);
          g_object_ref_sink (list);
          g_object_unref (list);
          continue;
        }
      gtk_box_append (self->rules_box, heading);
      gtk_box_append (self->rules_box, list);
      g_ptr_array_add (self->rule_rows, heading);
      g_ptr_array_add (self->rule_rows, list);
    }
}

static void
refresh (HcDatasetDetail *self)
{
  HcDataset *dataset = self->dataset;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *checked = NULL;
  g_autofree char *when = NULL;
  g_autofree char *name = NULL;
  g_autofree char *owner = NULL;
  GListModel *samples;

  if (dataset == NULL)
    return;

  name = hc_format_hub_text (hc_dataset_get_name (dataset), HC_HUB_TEXT_LINE);
  owner = hc_format_hub_text (hc_dataset_get_owner_agency (dataset), HC_HUB_TEXT_LINE);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->owner_label, owner);
  when = hc_format_relative (hc_dataset_get_checked_at (dataset), now);
  {
    g_autofree char *records = hc_format_count (hc_dataset_get_records (dataset));
    /* Translators: "1,204,330 records, checked 5 minutes ago" */
    checked = g_strdup_printf (_("%s records, checked %s"), records, when);
  }
  gtk_label_set_label (self->checked_label, checked);

  for (guint i = 0; i <= G_N_ELEMENTS (criteria); i++)
    {
      double score = i < 4 ? hc_dataset_get_score (dataset, criteria[i]) : hc_dataset_get_overall (dataset);
      g_autofree char *value = hc_format_score (score);
      g_autofree char *text = g_strdup_printf ("%s %s", i < 4 ? hc_criterion_label (criteria[i]) : _("Overall"), value);

      hc_status_badge_set (self->badges[i], hc_thresholds_level (self->thresholds, score), text);
    }

  hc_trend_chart_set_history (self->chart, hc_dataset_get_history (dataset));

  samples = hc_dataset_get_failing_samples (dataset);
  gtk_widget_set_visible (GTK_WIDGET (self->samples_placeholder),
                          samples == NULL || g_list_model_get_n_items (samples) == 0);
  gtk_label_set_label (self->samples_placeholder,
                       samples == NULL ? _("Loading…") : _("No failing records."));
}

static void
on_dataset_notify (HcDataset       *dataset,
                   GParamSpec      *pspec,
                   HcDatasetDetail *self)
{
  if (g_str_equal (pspec->name, "rules"))
    rebuild_rules (self);
  else if (g_str_equal (pspec->name, "failing-samples"))
    gtk_list_box_bind_model (self->samples_list, hc_dataset_get_failing_samples (dataset),
                             create_sample_row, NULL, NULL);
  refresh (self);
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HcDatasetDetail *self = HC_DATASET_DETAIL (widget);
  g_autofree char *text = hc_trend_chart_to_text (self->chart);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
on_thresholds_notify (HcDatasetDetail *self)
{
  if (self->dataset != NULL)
    refresh (self);
}

static void
hc_dataset_detail_dispose (GObject *object)
{
  HcDatasetDetail *self = HC_DATASET_DETAIL (object);

  hc_dataset_detail_set_dataset (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_DATASET_DETAIL);
  hc_widget_unparent_children (GTK_WIDGET (self));
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);
  g_clear_object (&self->thresholds);

  G_OBJECT_CLASS (hc_dataset_detail_parent_class)->dispose (object);
}

static void
hc_dataset_detail_class_init (HcDatasetDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const badge_ids[] = {
    "correct_badge", "complete_badge", "clean_badge", "live_badge", "overall_badge",
  };

  object_class->dispose = hc_dataset_detail_dispose;

  g_type_ensure (HC_TYPE_STATUS_BADGE);
  g_type_ensure (HC_TYPE_TREND_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-dataset-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HcDatasetDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, HcDatasetDetail, owner_label);
  gtk_widget_class_bind_template_child (widget_class, HcDatasetDetail, checked_label);
  gtk_widget_class_bind_template_child (widget_class, HcDatasetDetail, chart);
  gtk_widget_class_bind_template_child (widget_class, HcDatasetDetail, rules_box);
  gtk_widget_class_bind_template_child (widget_class, HcDatasetDetail, rules_placeholder);
  gtk_widget_class_bind_template_child (widget_class, HcDatasetDetail, samples_list);
  gtk_widget_class_bind_template_child (widget_class, HcDatasetDetail, samples_placeholder);
  hc_widget_class_bind_template_array (widget_class, badge_ids, G_N_ELEMENTS (badge_ids),
                                       G_STRUCT_OFFSET (HcDatasetDetail, badges));

  gtk_widget_class_install_action (widget_class, "dataset.copy-trend", NULL, copy_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_dataset_detail_init (HcDatasetDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rule_rows = g_ptr_array_new ();
  self->thresholds = hc_thresholds_new ();
}

HcDataset *
hc_dataset_detail_get_dataset (HcDatasetDetail *self)
{
  g_return_val_if_fail (HC_IS_DATASET_DETAIL (self), NULL);
  return self->dataset;
}

void
hc_dataset_detail_set_dataset (HcDatasetDetail *self,
                               HcDataset       *dataset)
{
  g_return_if_fail (HC_IS_DATASET_DETAIL (self));

  if (self->dataset == dataset)
    return;

  if (self->dataset != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->dataset);
      g_clear_object (&self->dataset);
    }
  if (dataset != NULL)
    {
      self->dataset = g_object_ref (dataset);
      self->notify_id = g_signal_connect_object (dataset, "notify",
                                                 G_CALLBACK (on_dataset_notify), self, 0);
    }

  if (self->samples_list != NULL)
    {
      gtk_list_box_bind_model (self->samples_list, dataset ? hc_dataset_get_failing_samples (dataset) : NULL,
                               create_sample_row, NULL, NULL);
      if (dataset == NULL)
        hc_trend_chart_set_history (self->chart, NULL);
      rebuild_rules (self);
      refresh (self);
    }
}

/**
 * hc_dataset_detail_set_thresholds:
 * What the scores read against; the defaults until set.
 */
void
hc_dataset_detail_set_thresholds (HcDatasetDetail *self,
                                  HcThresholds    *thresholds)
{
  g_return_if_fail (HC_IS_DATASET_DETAIL (self));
  g_return_if_fail (HC_IS_THRESHOLDS (thresholds));

  if (self->thresholds != NULL)
    g_signal_handlers_disconnect_by_data (self->thresholds, self);
  g_set_object (&self->thresholds, thresholds);
  g_signal_connect_object (thresholds, "notify", G_CALLBACK (on_thresholds_notify), self, G_CONNECT_SWAPPED);
  if (self->dataset != NULL)
    refresh (self);
}

HcTrendChart *
hc_dataset_detail_get_chart (HcDatasetDetail *self)
{
  g_return_val_if_fail (HC_IS_DATASET_DETAIL (self), NULL);
  return self->chart;
}

/**
 * hc_dataset_detail_get_n_rules:
 * How many rules are shown, across the criteria.
 */
guint
hc_dataset_detail_get_n_rules (HcDatasetDetail *self)
{
  guint n = 0;

  g_return_val_if_fail (HC_IS_DATASET_DETAIL (self), 0);

  for (guint i = 1; i < self->rule_rows->len; i += 2)
    {
      GtkWidget *list = self->rule_rows->pdata[i];
      for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
        n++;
    }
  return n;
}
