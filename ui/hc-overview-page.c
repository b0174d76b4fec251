/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-application.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-overview-page.h"
#include "hc-pool.h"
#include "hc-status-badge.h"
#include "hc-widget-util.h"

/*
 * One hub, or all of them summed, at a glance: a one-line verdict per
 * area first, then the figures, each opening its page filtered.
 */

static const HcSourceStatus source_statuses[] = {
  HC_SOURCE_STATUS_FAILED, HC_SOURCE_STATUS_LAGGING, HC_SOURCE_STATUS_PAUSED, HC_SOURCE_STATUS_OK,
};
static const HcSeverity severities[] = {
  HC_SEVERITY_CRITICAL, HC_SEVERITY_HIGH, HC_SEVERITY_MEDIUM, HC_SEVERITY_LOW,
};
static const HcCriterion criteria[] = {
  HC_CRITERION_CORRECT, HC_CRITERION_COMPLETE, HC_CRITERION_CLEAN, HC_CRITERION_LIVE,
};

typedef struct {
  gint64  sources[4];          /* by HcSourceStatus */
  gint64  datasets;
  double  score_sum[4];        /* by HcCriterion, weighted by datasets */
  double  overall_sum;
  guint64 used;
  guint64 capacity;
  gint64  pools[3];            /* by HcPoolState */
  gint64  nodes_down;
  gint64  disks_failing;
  gint64  disks_warning;
  gint64  alerts[4];           /* open, by HcSeverity */
  gint64  alerts_open;
  HcPool *worst_pool;
  guint   n_overviews;
} Totals;

struct _HcOverviewPage
{
  GtkWidget       parent_instance;

  Totals          totals;

  /* template children */
  GtkRevealer    *banner_revealer;
  GtkBox         *banner_box;
  GtkImage       *banner_icon;
  GtkLabel       *banner_label;
  GtkButton      *banner_button;
  GtkLabel       *updated_label;
  GtkLabel       *sources_verdict;
  GtkLabel       *quality_verdict;
  GtkLabel       *storage_verdict;
  GtkLabel       *alerts_verdict;
  GtkLevelBar    *storage_bar;
  GtkLabel       *storage_detail;
  GtkLabel       *storage_hardware;
  HcStatusBadge  *storage_pool_badge;
  GtkLabel       *storage_pool_count;
  HcStatusBadge  *source_badges[4];
  GtkLabel       *source_counts[4];
  HcStatusBadge  *alert_badges[4];
  GtkLabel       *alert_counts[4];
  GtkLabel       *score_labels[5];
  GtkLevelBar    *score_bars[5];
  GtkLabel       *score_values[5];
};

G_DEFINE_FINAL_TYPE (HcOverviewPage, hc_overview_page, GTK_TYPE_WIDGET)

static void
set_count (GtkLabel *label,
           gint64    value)
{
  g_autofree char *text = hc_format_count (value);

  gtk_label_set_label (label, text);
}

/* The pool nearest to full among the worst state. */
static gboolean
pool_is_worse (HcPool *candidate,
               HcPool *current)
{
  double a, b;

  if (current == NULL)
    return TRUE;
  if (hc_pool_get_state (candidate) != hc_pool_get_state (current))
    return hc_pool_get_state (candidate) > hc_pool_get_state (current);
  a = hc_pool_get_capacity_bytes (candidate) ? (double) hc_pool_get_used_bytes (candidate) / hc_pool_get_capacity_bytes (candidate) : 0;
  b = hc_pool_get_capacity_bytes (current) ? (double) hc_pool_get_used_bytes (current) / hc_pool_get_capacity_bytes (current) : 0;
  return a > b;
}

static void
add_hub (Totals *t,
         HcHub  *hub)
{
  HcOverview *o = hc_hub_get_overview (hub);
  GListModel *pools = G_LIST_MODEL (hc_hub_get_pools (hub));
  guint n = g_list_model_get_n_items (pools);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcPool) pool = g_list_model_get_item (pools, i);
      if (pool_is_worse (pool, t->worst_pool))
        t->worst_pool = pool; /* borrowed: the hub's model holds it */
    }

  if (o == NULL)
    return;

  t->n_overviews++;
  for (guint i = 0; i < 4; i++)
    t->sources[i] += hc_overview_get_sources (o, i);
  t->datasets += hc_overview_get_datasets (o);
  for (guint i = 0; i < 4; i++)
    t->score_sum[i] += hc_overview_get_score (o, i) * hc_overview_get_datasets (o);
  t->overall_sum += hc_overview_get_overall (o) * hc_overview_get_datasets (o);
  t->used += hc_overview_get_storage_used_bytes (o);
  t->capacity += hc_overview_get_storage_capacity_bytes (o);
  for (guint i = 0; i < 3; i++)
    t->pools[i] += hc_overview_get_pools (o, i);
  t->nodes_down += hc_overview_get_nodes (o, HC_NODE_STATE_DOWN);
  t->disks_failing += hc_overview_get_disks (o, HC_DISK_HEALTH_FAILING);
  t->disks_warning += hc_overview_get_disks (o, HC_DISK_HEALTH_WARNING);
  for (guint i = 0; i < 4; i++)
    t->alerts[i] += hc_overview_get_open_alerts (o, i);
  t->alerts_open += hc_overview_get_open_alerts_total (o);
}

static void
show_sources (HcOverviewPage *self)
{
  const Totals *t = &self->totals;
  gint64 failed = t->sources[HC_SOURCE_STATUS_FAILED];
  gint64 lagging = t->sources[HC_SOURCE_STATUS_LAGGING];
  g_autofree char *verdict = NULL;

  if (failed > 0)
    verdict = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d feed failing", "%d feeds failing", failed),
                               (int) failed);
  else if (lagging > 0)
    verdict = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d feed lagging", "%d feeds lagging", lagging),
                               (int) lagging);
  else
    verdict = g_strdup (_("All feeds on time"));
  gtk_label_set_label (self->sources_verdict, verdict);

  for (guint i = 0; i < G_N_ELEMENTS (source_statuses); i++)
    {
      HcSourceStatus status = source_statuses[i];
      HcLevel level = t->sources[status] > 0 ? hc_source_status_level (status) : HC_LEVEL_NEUTRAL;

      if (status == HC_SOURCE_STATUS_OK)
        level = HC_LEVEL_OK;
      hc_status_badge_set (self->source_badges[i], level, hc_source_status_label (status));
      set_count (self->source_counts[i], t->sources[status]);
    }
}

static void
show_quality (HcOverviewPage *self)
{
  const Totals *t = &self->totals;
  double weakest = 101;
  HcCriterion weakest_criterion = HC_CRITERION_CORRECT;
  g_autofree char *verdict = NULL;

  for (guint i = 0; i <= G_N_ELEMENTS (criteria); i++)
    {
      double score = t->datasets > 0 ? (i < 4 ? t->score_sum[i] : t->overall_sum) / t->datasets : 0;
      g_autofree char *text = hc_format_score (score);
      g_autofree char *accessible = NULL;

      if (i < 4 && score < weakest)
        {
          weakest = score;
          weakest_criterion = criteria[i];
        }
      gtk_level_bar_set_value (self->score_bars[i], score);
      gtk_label_set_label (self->score_values[i], t->datasets > 0 ? text : "—");
      /* Translators: "Correct: 92.8 of 100" */
      accessible = g_strdup_printf (_("%s: %s of 100"), gtk_label_get_label (self->score_labels[i]), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_ancestor (GTK_WIDGET (self->score_bars[i]), GTK_TYPE_BUTTON)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }

  if (t->datasets == 0)
    verdict = g_strdup (_("No datasets checked yet"));
  else
    {
      g_autofree char *score = hc_format_score (weakest);
      /* Translators: "Weakest: Live, 88.1" */
      verdict = g_strdup_printf (_("Weakest: %s, %s"), hc_criterion_label (weakest_criterion), score);
    }
  gtk_label_set_label (self->quality_verdict, verdict);
}

static void
show_storage (HcOverviewPage *self)
{
  const Totals *t = &self->totals;
  double fraction = t->capacity > 0 ? (double) t->used / t->capacity : 0;
  g_autofree char *used = hc_format_bytes (t->used);
  g_autofree char *capacity = hc_format_bytes (t->capacity);
  g_autofree char *verdict = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *hardware = NULL;

  if (t->disks_failing > 0)
    verdict = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d disk failing", "%d disks failing", t->disks_failing),
                               (int) t->disks_failing);
  else if (t->pools[HC_POOL_STATE_CRITICAL] + t->pools[HC_POOL_STATE_DEGRADED] > 0)
    {
      gint64 n = t->pools[HC_POOL_STATE_CRITICAL] + t->pools[HC_POOL_STATE_DEGRADED];
      verdict = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d pool not healthy", "%d pools not healthy", n), (int) n);
    }
  else
    verdict = g_strdup (_("All pools healthy"));
  gtk_label_set_label (self->storage_verdict, verdict);

  gtk_level_bar_set_value (self->storage_bar, MIN (fraction, 1.0));
  /* Translators: "62% used: 8.4 PB of 13.5 PB" */
  detail = g_strdup_printf (_("%.0f%% used: %s of %s"), fraction * 100, used, capacity);
  gtk_label_set_label (self->storage_detail, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->storage_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, detail, -1);

  if (t->worst_pool != NULL)
    {
      HcPool *pool = t->worst_pool;
      double pool_fraction = hc_pool_get_capacity_bytes (pool)
                             ? (double) hc_pool_get_used_bytes (pool) / hc_pool_get_capacity_bytes (pool) : 0;
      g_autofree char *name = hc_format_hub_text (hc_pool_get_name (pool), HC_HUB_TEXT_LINE);
      g_autofree char *label = g_strdup_printf ("%s · %s", name, hc_pool_state_label (hc_pool_get_state (pool)));
      g_autofree char *percent = g_strdup_printf ("%.0f%%", pool_fraction * 100);

      hc_status_badge_set (self->storage_pool_badge, hc_pool_state_level (hc_pool_get_state (pool)), label);
      gtk_label_set_label (self->storage_pool_count, percent);
    }
  else
    {
      hc_status_badge_set (self->storage_pool_badge, HC_LEVEL_NEUTRAL, _("No pools"));
      gtk_label_set_label (self->storage_pool_count, "");
    }

  /* Translators: "0 nodes down · 2 disks warning" */
  {
    g_autofree char *down = hc_format_count (t->nodes_down);
    g_autofree char *warning = hc_format_count (t->disks_warning);
    hardware = g_strdup_printf (_("%s nodes down · %s disks warning"), down, warning);
  }
  gtk_label_set_label (self->storage_hardware, hardware);
}

static void
show_alerts (HcOverviewPage *self)
{
  const Totals *t = &self->totals;
  g_autofree char *verdict = NULL;
  gint64 critical = t->alerts[HC_SEVERITY_CRITICAL];

  if (critical > 0)
    verdict = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d critical alert open", "%d critical alerts open", critical),
                               (int) critical);
  else if (t->alerts_open > 0)
    verdict = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d alert open", "%d alerts open", t->alerts_open),
                               (int) t->alerts_open);
  else
    verdict = g_strdup (_("No open alerts"));
  gtk_label_set_label (self->alerts_verdict, verdict);

  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    {
      HcSeverity severity = severities[i];
      HcLevel level = t->alerts[severity] > 0 ? hc_severity_level (severity) : HC_LEVEL_OK;

      hc_status_badge_set (self->alert_badges[i], level, hc_severity_label (severity));
      set_count (self->alert_counts[i], t->alerts[severity]);
    }
}

/**
 * hc_overview_page_set_hubs:
 * Shows @hubs summed: one hub, or every hub in the window's scope.
 */
void
hc_overview_page_set_hubs (HcOverviewPage *self,
                           HcHubManager   *manager,
                           GPtrArray      *hubs)
{
  gint64 oldest = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *updated = NULL;

  g_return_if_fail (HC_IS_OVERVIEW_PAGE (self));

  memset (&self->totals, 0, sizeof self->totals);
  for (guint i = 0; i < hubs->len; i++)
    {
      GDateTime *last = hc_hub_get_last_updated (hubs->pdata[i]);

      add_hub (&self->totals, hubs->pdata[i]);
      if (last != NULL && (oldest == 0 || g_date_time_to_unix (last) < oldest))
        oldest = g_date_time_to_unix (last);
    }

  updated = hc_format_updated (oldest, now);
  gtk_label_set_label (self->updated_label, updated);

  show_sources (self);
  show_quality (self);
  show_storage (self);
  show_alerts (self);
}

/**
 * hc_overview_page_set_banner:
 * Names a hub that is offline or signed out, with the way out; %NULL
 * @text hides it.
 */
void
hc_overview_page_set_banner (HcOverviewPage *self,
                             HcLevel         level,
                             const char     *text,
                             const char     *button_label,
                             const char     *action_name)
{
  g_return_if_fail (HC_IS_OVERVIEW_PAGE (self));

  if (text == NULL)
    {
      gtk_revealer_set_reveal_child (self->banner_revealer, FALSE);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_box), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->banner_box), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->banner_box), hc_level_css_class (level));
  gtk_image_set_from_icon_name (self->banner_icon, hc_level_icon_name (level));
  gtk_label_set_label (self->banner_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->banner_button), button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->banner_button, button_label);
      hc_actionable_set_action (GTK_ACTIONABLE (self->banner_button), action_name);
    }
  gtk_revealer_set_reveal_child (self->banner_revealer, TRUE);
}

/**
 * hc_overview_page_get_verdict:
 * The one-line verdict of @card: sources, quality, storage or alerts.
 */
const char *
hc_overview_page_get_verdict (HcOverviewPage *self,
                              const char     *card)
{
  g_return_val_if_fail (HC_IS_OVERVIEW_PAGE (self), NULL);

  if (g_str_equal (card, "sources"))
    return gtk_label_get_label (self->sources_verdict);
  if (g_str_equal (card, "quality"))
    return gtk_label_get_label (self->quality_verdict);
  if (g_str_equal (card, "storage"))
    return gtk_label_get_label (self->storage_verdict);
  if (g_str_equal (card, "alerts"))
    return gtk_label_get_label (self->alerts_verdict);
  return NULL;
}

/**
 * hc_overview_page_get_count:
 * A summed figure by name ("sources-failed", "alerts-high", "datasets"),
 * for tests and the window's links.
 */
gint64
hc_overview_page_get_count (HcOverviewPage *self,
                            const char     *figure)
{
  int value;

  g_return_val_if_fail (HC_IS_OVERVIEW_PAGE (self), -1);

  if (g_str_has_prefix (figure, "sources-") &&
      hc_enum_from_nick (HC_TYPE_SOURCE_STATUS, figure + strlen ("sources-"), &value))
    return self->totals.sources[value];
  if (g_str_has_prefix (figure, "alerts-") &&
      hc_enum_from_nick (HC_TYPE_SEVERITY, figure + strlen ("alerts-"), &value))
    return self->totals.alerts[value];
  if (g_str_equal (figure, "datasets"))
    return self->totals.datasets;
  return -1;
}

static void
hc_overview_page_dispose (GObject *object)
{

  gtk_widget_dispose_template (GTK_WIDGET (object), HC_TYPE_OVERVIEW_PAGE);
  hc_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (hc_overview_page_parent_class)->dispose (object);
}

static void
hc_overview_page_class_init (HcOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const char * const source_ids[] = { "failed", "lagging", "paused", "ok" };
  static const char * const alert_ids[] = { "critical", "high", "medium", "low" };
  static const char * const score_ids[] = { "correct", "complete", "clean", "live", "overall" };

  object_class->dispose = hc_overview_page_dispose;

  g_type_ensure (HC_TYPE_STATUS_BADGE);
  hc_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, banner_revealer);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, banner_box);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, banner_icon);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, banner_button);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, updated_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, sources_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, quality_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, storage_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, alerts_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, storage_bar);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, storage_detail);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, storage_hardware);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, storage_pool_badge);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, storage_pool_count);

  /* The rows of figures are named by what they count. */
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *badge = g_strdup_printf ("sources_%s_badge", source_ids[i]);
      g_autofree char *count = g_strdup_printf ("sources_%s_count", source_ids[i]);
      g_autofree char *abadge = g_strdup_printf ("alerts_%s_badge", alert_ids[i]);
      g_autofree char *acount = g_strdup_printf ("alerts_%s_count", alert_ids[i]);

      gtk_widget_class_bind_template_child_full (widget_class, badge, FALSE,
                                                 G_STRUCT_OFFSET (HcOverviewPage, source_badges) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, count, FALSE,
                                                 G_STRUCT_OFFSET (HcOverviewPage, source_counts) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, abadge, FALSE,
                                                 G_STRUCT_OFFSET (HcOverviewPage, alert_badges) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, acount, FALSE,
                                                 G_STRUCT_OFFSET (HcOverviewPage, alert_counts) + i * sizeof (gpointer));
    }
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *label = g_strdup_printf ("score_%s_label", score_ids[i]);
      g_autofree char *bar = g_strdup_printf ("score_%s_bar", score_ids[i]);
      g_autofree char *value = g_strdup_printf ("score_%s_score", score_ids[i]);

      gtk_widget_class_bind_template_child_full (widget_class, label, FALSE,
                                                 G_STRUCT_OFFSET (HcOverviewPage, score_labels) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, bar, FALSE,
                                                 G_STRUCT_OFFSET (HcOverviewPage, score_bars) + i * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, value, FALSE,
                                                 G_STRUCT_OFFSET (HcOverviewPage, score_values) + i * sizeof (gpointer));
    }

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_overview_page_init (HcOverviewPage *self)
{
  /* Each criterion by both its words: the Vietnamese one is the standard's. */
  static const char * const vietnamese[] = { "đúng", "đủ", "sạch", "sống" };

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *ours = g_utf8_casefold (hc_criterion_label (criteria[i]), -1);
      g_autofree char *theirs = g_utf8_casefold (vietnamese[i], -1);
      g_autofree char *text = NULL;

      /* Said once when the console already speaks Vietnamese. */
      if (g_str_equal (ours, theirs))
        text = g_strdup (hc_criterion_label (criteria[i]));
      else
        text = g_strdup_printf ("%s · %s", hc_criterion_label (criteria[i]), vietnamese[i]);
      gtk_label_set_label (self->score_labels[i], text);
      /* Scores below these read as warning and critical. */
      gtk_level_bar_add_offset_value (self->score_bars[i], GTK_LEVEL_BAR_OFFSET_LOW, 60);
      gtk_level_bar_add_offset_value (self->score_bars[i], GTK_LEVEL_BAR_OFFSET_HIGH, 80);
      gtk_level_bar_add_offset_value (self->score_bars[i], GTK_LEVEL_BAR_OFFSET_FULL, 100);
    }
  gtk_label_set_label (self->score_labels[4], _("Overall"));
  gtk_level_bar_add_offset_value (self->score_bars[4], GTK_LEVEL_BAR_OFFSET_LOW, 60);
  gtk_level_bar_add_offset_value (self->score_bars[4], GTK_LEVEL_BAR_OFFSET_HIGH, 80);
  gtk_level_bar_add_offset_value (self->score_bars[4], GTK_LEVEL_BAR_OFFSET_FULL, 100);

  /* Capacity reads the other way round: full is bad. */
  gtk_level_bar_set_inverted (self->storage_bar, FALSE);
  gtk_level_bar_remove_offset_value (self->storage_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->storage_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->storage_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->storage_bar, "storage-ok", 0.75);
  gtk_level_bar_add_offset_value (self->storage_bar, "storage-warning", 0.90);
  gtk_level_bar_add_offset_value (self->storage_bar, "storage-critical", 1.0);
}
