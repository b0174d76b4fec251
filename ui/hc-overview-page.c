/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-banner.h"
#include "hc-card-grid.h"
#include "hc-error.h"
#include "hc-format.h"
#include "hc-hub-totals.h"
#include "hc-labels.h"
#include "hc-overview-page.h"
#include "hc-pool.h"
#include "hc-status-badge.h"
#include "hc-verdict.h"
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

struct _HcOverviewPage
{
  GtkWidget       parent_instance;

  HcHubTotals     totals;
  HcHubManager   *manager;
  GPtrArray      *hubs;
  guint           update_source;
  gint64          last_recompute;   /* monotonic µs */
  gboolean        dirty;
  gboolean        shown_read;       /* the last count had every list read */

  /* template children */
  HcBanner       *banner;
  GtkLabel       *updated_label;
  GtkLabel       *sources_verdict;
  GtkLabel       *quality_verdict;
  GtkLabel       *storage_verdict;
  GtkLabel       *alerts_verdict;
  GtkLabel       *sources_note;
  GtkLabel       *quality_note;
  GtkLabel       *storage_note;
  GtkLabel       *alerts_note;
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

static gboolean
known (const HcHubTotals *t,
       HcSummaryPart      part)
{
  return hc_hub_totals_known (t, part);
}

static void
set_count (GtkLabel *label,
           gboolean  is_known,
           gint64    value)
{
  g_autofree char *text = is_known ? hc_format_count (value) : g_strdup ("—");

  gtk_label_set_label (label, text);
}

static void
add_hub (HcOverviewPage *self,
         HcHub          *hub,
         gboolean        several)
{
  g_autoptr(HcHubSummary) s = hc_hub_summary_new (hub);
  const char *name = several && self->manager ? hc_hub_manager_get_hub_name (self->manager, hub) : NULL;

  hc_hub_totals_add (&self->totals, s, name, g_get_real_time () / G_USEC_PER_SEC);
}

static void
show_note (GtkLabel          *label,
           const HcHubTotals *t,
           HcSummaryPart      part)
{
  const char *text = hc_hub_totals_get_note (t, part);

  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
show_sources (HcOverviewPage *self)
{
  const HcHubTotals *t = &self->totals;
  gboolean is_known = known (t, HC_SUMMARY_SOURCES);
  g_autofree char *verdict = hc_verdict_sources (t);

  gtk_label_set_label (self->sources_verdict, verdict);
  show_note (self->sources_note, t, HC_SUMMARY_SOURCES);

  for (guint i = 0; i < G_N_ELEMENTS (source_statuses); i++)
    {
      HcSourceStatus status = source_statuses[i];
      HcLevel level = t->sum.sources[status] > 0 ? hc_source_status_level (status) : HC_LEVEL_NEUTRAL;

      if (status == HC_SOURCE_STATUS_OK)
        level = HC_LEVEL_OK;
      if (!is_known)
        level = HC_LEVEL_UNKNOWN;
      hc_status_badge_set (self->source_badges[i], level, hc_source_status_label (status));
      set_count (self->source_counts[i], is_known, t->sum.sources[status]);
    }
}

static void
show_quality (HcOverviewPage *self)
{
  const HcHubTotals *t = &self->totals;
  gboolean is_known = known (t, HC_SUMMARY_QUALITY) && t->sum.datasets > 0;
  g_autofree char *verdict = hc_verdict_quality (t);

  for (guint i = 0; i <= G_N_ELEMENTS (criteria); i++)
    {
      double score = is_known ? hc_hub_totals_get_score (t, i) : 0;
      g_autofree char *text = is_known ? hc_format_score (score) : g_strdup (_("not known"));
      g_autofree char *accessible = NULL;

      gtk_level_bar_set_value (self->score_bars[i], score);
      gtk_widget_set_opacity (GTK_WIDGET (self->score_bars[i]), is_known ? 1.0 : 0.3);
      gtk_label_set_label (self->score_values[i], is_known ? text : "—");
      /* Translators: "Correct: 92.8 of 100" */
      accessible = g_strdup_printf (_("%s: %s of 100"), gtk_label_get_label (self->score_labels[i]), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_ancestor (GTK_WIDGET (self->score_bars[i]), GTK_TYPE_BUTTON)),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
    }

  gtk_label_set_label (self->quality_verdict, verdict);
  show_note (self->quality_note, t, HC_SUMMARY_QUALITY);
}

static void
show_storage (HcOverviewPage *self)
{
  const HcHubTotals *t = &self->totals;
  gboolean pools_known = known (t, HC_SUMMARY_POOLS);
  gboolean hardware_known = known (t, HC_SUMMARY_HARDWARE);
  double fraction = t->sum.capacity_bytes > 0 ? (double) t->sum.used_bytes / t->sum.capacity_bytes : 0;
  g_autofree char *verdict = hc_verdict_storage (t);
  g_autofree char *detail = NULL;
  g_autofree char *hardware = NULL;
  g_autoptr(GString) note = g_string_new (NULL);

  gtk_label_set_label (self->storage_verdict, verdict);

  /* Pools and hardware are read from two lists: note both. */
  if (t->note[HC_SUMMARY_POOLS] != NULL)
    g_string_append (note, t->note[HC_SUMMARY_POOLS]->str);
  if (t->note[HC_SUMMARY_HARDWARE] != NULL
      && (t->note[HC_SUMMARY_POOLS] == NULL || !g_str_equal (t->note[HC_SUMMARY_HARDWARE]->str, note->str)))
    {
      if (note->len > 0)
        g_string_append_c (note, '\n');
      /* Translators: small print of the storage card, before what was said of the nodes */
      g_string_append_printf (note, _("Nodes and disks: %s"), t->note[HC_SUMMARY_HARDWARE]->str);
    }
  gtk_label_set_label (self->storage_note, note->str);
  gtk_widget_set_visible (GTK_WIDGET (self->storage_note), note->len > 0);

  gtk_level_bar_set_value (self->storage_bar, pools_known ? MIN (fraction, 1.0) : 0);
  gtk_widget_set_opacity (GTK_WIDGET (self->storage_bar), pools_known ? 1.0 : 0.3);
  if (pools_known)
    {
      g_autofree char *used = hc_format_bytes (t->sum.used_bytes);
      g_autofree char *capacity = hc_format_bytes (t->sum.capacity_bytes);
      /* Translators: "62% used: 8.4 PB of 13.5 PB" */
      detail = g_strdup_printf (_("%.0f%% used: %s of %s"), fraction * 100, used, capacity);
    }
  else
    detail = g_strdup (_("Capacity not known"));
  gtk_label_set_label (self->storage_detail, detail);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->storage_bar), GTK_ACCESSIBLE_PROPERTY_LABEL, detail, -1);

  if (t->sum.worst_pool != NULL)
    {
      HcPool *pool = t->sum.worst_pool;
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
      gboolean listed = t->n_known[HC_SUMMARY_POOLS] > 0 && t->sum.pools[0] + t->sum.pools[1] + t->sum.pools[2] == 0;

      hc_status_badge_set (self->storage_pool_badge, listed ? HC_LEVEL_NEUTRAL : HC_LEVEL_UNKNOWN,
                           listed ? _("No pools") : _("Pool list not read"));
      gtk_label_set_label (self->storage_pool_count, "");
    }

  if (hardware_known)
    {
      gint64 n_down = t->sum.nodes[HC_NODE_STATE_DOWN];
      gint64 n_warning = t->sum.disks[HC_DISK_HEALTH_WARNING];
      g_autofree char *down = hc_format_count (n_down);
      g_autofree char *warning = hc_format_count (n_warning);
      g_autofree char *down_text = NULL;
      g_autofree char *warning_text = NULL;

      /* Translators: the first half of "0 nodes down · 2 disks with warnings" */
      down_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s node down", "%s nodes down",
                                                (gulong) n_down), down);
      /* Translators: the second half of "0 nodes down · 2 disks with warnings" */
      warning_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s disk with warnings",
                                                   "%s disks with warnings", (gulong) n_warning),
                                      warning);
      hardware = g_strjoin (" · ", down_text, warning_text, NULL);
    }
  else
    hardware = g_strdup (_("Nodes and disks not known"));
  gtk_label_set_label (self->storage_hardware, hardware);
}

static void
show_alerts (HcOverviewPage *self)
{
  const HcHubTotals *t = &self->totals;
  gboolean is_known = known (t, HC_SUMMARY_ALERTS);
  g_autofree char *verdict = hc_verdict_alerts (t);

  gtk_label_set_label (self->alerts_verdict, verdict);
  show_note (self->alerts_note, t, HC_SUMMARY_ALERTS);

  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    {
      HcSeverity severity = severities[i];
      HcLevel level = t->sum.alerts_open[severity] > 0 ? hc_severity_level (severity) : HC_LEVEL_OK;

      if (!is_known)
        level = HC_LEVEL_UNKNOWN;
      hc_status_badge_set (self->alert_badges[i], level, hc_severity_label (severity));
      set_count (self->alert_counts[i], is_known, t->sum.alerts_open[severity]);
    }
}

static gboolean
all_lists_read (GPtrArray *hubs)
{
  gboolean all = hubs->len > 0;

  for (guint i = 0; i < hubs->len && all; i++)
    for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
      all &= hc_hub_get_list_complete (hubs->pdata[i], kind);
  return all;
}

static void
recompute (HcOverviewPage *self)
{
  gint64 oldest = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  g_autofree char *updated = NULL;
  guint n = self->hubs ? self->hubs->len : 0;

  self->dirty = FALSE;
  self->last_recompute = g_get_monotonic_time ();
  hc_hub_totals_clear (&self->totals);
  for (guint i = 0; i < n; i++)
    {
      GDateTime *last = hc_hub_get_last_updated (self->hubs->pdata[i]);

      add_hub (self, self->hubs->pdata[i], n > 1);
      if (last != NULL && (oldest == 0 || g_date_time_to_unix (last) < oldest))
        oldest = g_date_time_to_unix (last);
    }

  updated = hc_format_updated (oldest, now);
  {
    g_autoptr(GString) line = g_string_new (updated);
    gboolean all_lists = n > 0 && all_lists_read (self->hubs);

    for (guint i = 0; i < n; i++)
      {
        HcHub *hub = self->hubs->pdata[i];
        const GError *error = hc_hub_get_overview_error (hub);

        if (error != NULL)
          {
            g_autofree char *why = hc_error_describe (error);

            g_string_append_c (line, '\n');
            if (n > 1 && self->manager != NULL)
              g_string_append_printf (line, "%s: ", hc_hub_manager_get_hub_name (self->manager, hub));
            /* Translators: under "Updated 14:02"; %s says why */
            g_string_append_printf (line, _("The hub’s overview could not be read: %s"), why);
          }
      }
    /* Say where the figures come from: the lists, unless a card says
     * otherwise in its small print. */
    self->shown_read = all_lists;
    if (all_lists)
      {
        g_string_append (line, " · ");
        g_string_append (line, n > 1 ? _("Every figure is counted from the hubs’ lists.")
                                     : _("Every figure is counted from the hub’s lists."));
      }
    gtk_label_set_label (self->updated_label, line->str);
    /* For tests/bench/bench.py: when every list of every hub first shows. */
    if (all_lists && g_getenv ("HC_BENCH_TIMESTAMPS") != NULL)
      {
        static gboolean reported;

        if (!reported)
          g_printerr ("hc-bench: overview-populated %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
        reported = TRUE;
      }
  }

  show_sources (self);
  show_quality (self);
  show_storage (self);
  show_alerts (self);
}

static void
flush (HcOverviewPage *self)
{
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->dirty)
    recompute (self);
}

static gboolean
update_cb (gpointer user_data)
{
  HcOverviewPage *self = user_data;

  self->update_source = 0;
  if (self->dirty && gtk_widget_get_mapped (GTK_WIDGET (self)))
    recompute (self);
  return G_SOURCE_REMOVE;
}

static void
hc_overview_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (hc_overview_page_parent_class)->map (widget);
  flush (HC_OVERVIEW_PAGE (widget));
}

/**
 * hc_overview_page_set_hubs:
 * Shows @hubs summed: one hub, or every hub in the window's scope. The
 * figures are counted from the hubs' lists, so a burst of events costs
 * one count: the page counts again at most four times a second, and not
 * while it is hidden.
 */
void
hc_overview_page_set_hubs (HcOverviewPage *self,
                           HcHubManager   *manager,
                           GPtrArray      *hubs)
{
  gboolean first;

  g_return_if_fail (HC_IS_OVERVIEW_PAGE (self));

  first = self->hubs == NULL;
  g_set_object (&self->manager, manager);
  g_clear_pointer (&self->hubs, g_ptr_array_unref);
  self->hubs = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < hubs->len; i++)
    g_ptr_array_add (self->hubs, g_object_ref (hubs->pdata[i]));

  self->dirty = TRUE;
  if (first)
    flush (self);
  else if (!self->shown_read && all_lists_read (self->hubs))
    {
      /* The last list of a load just came in: the whole figures show at
       * once, not up to a quarter second later. */
      g_clear_handle_id (&self->update_source, g_source_remove);
      self->update_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, update_cb, self, NULL);
    }
  else if (self->update_source == 0)
    {
      /* The first change after a quiet spell shows at once (the lists
       * just read fill the page); the ones after it wait for the rest of
       * the quarter second. */
      gint64 since = (g_get_monotonic_time () - self->last_recompute) / 1000;
      guint delay = since >= 250 ? 0 : (guint) (250 - since);

      self->update_source = g_timeout_add_full (G_PRIORITY_DEFAULT_IDLE, delay, update_cb, self, NULL);
    }
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

  hc_banner_set (self->banner, level, text, button_label, action_name);
}

/**
 * hc_overview_page_get_banner:
 * The banner's text and its button's label, or %NULL while it is hidden.
 */
const char *
hc_overview_page_get_banner (HcOverviewPage  *self,
                             const char     **button_label)
{
  g_return_val_if_fail (HC_IS_OVERVIEW_PAGE (self), NULL);

  if (button_label != NULL)
    *button_label = hc_banner_get_button_label (self->banner);
  return hc_banner_get_text (self->banner);
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

  flush (self);
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
 * hc_overview_page_get_note:
 * The small print of @card: where its figures came from, and what could
 * not be read.
 */
const char *
hc_overview_page_get_note (HcOverviewPage *self,
                           const char     *card)
{
  g_return_val_if_fail (HC_IS_OVERVIEW_PAGE (self), NULL);

  flush (self);
  if (g_str_equal (card, "sources"))
    return gtk_label_get_label (self->sources_note);
  if (g_str_equal (card, "quality"))
    return gtk_label_get_label (self->quality_note);
  if (g_str_equal (card, "storage"))
    return gtk_label_get_label (self->storage_note);
  if (g_str_equal (card, "alerts"))
    return gtk_label_get_label (self->alerts_note);
  return NULL;
}

/**
 * hc_overview_page_get_count:
 * A summed figure by name ("sources-failed", "alerts-high", "datasets"),
 * for tests and the window's links; -1 when no hub in scope could be
 * read for it.
 */
gint64
hc_overview_page_get_count (HcOverviewPage *self,
                            const char     *figure)
{
  int value;

  g_return_val_if_fail (HC_IS_OVERVIEW_PAGE (self), -1);

  flush (self);
  if (g_str_has_prefix (figure, "sources-") &&
      hc_enum_from_nick (HC_TYPE_SOURCE_STATUS, figure + strlen ("sources-"), &value))
    return known (&self->totals, HC_SUMMARY_SOURCES) ? self->totals.sum.sources[value] : -1;
  if (g_str_has_prefix (figure, "alerts-") &&
      hc_enum_from_nick (HC_TYPE_SEVERITY, figure + strlen ("alerts-"), &value))
    return known (&self->totals, HC_SUMMARY_ALERTS) ? self->totals.sum.alerts_open[value] : -1;
  if (g_str_equal (figure, "datasets"))
    return known (&self->totals, HC_SUMMARY_QUALITY) ? self->totals.sum.datasets : -1;
  if (g_str_has_prefix (figure, "pools-") &&
      hc_enum_from_nick (HC_TYPE_POOL_STATE, figure + strlen ("pools-"), &value))
    return known (&self->totals, HC_SUMMARY_POOLS) ? self->totals.sum.pools[value] : -1;
  if (g_str_has_prefix (figure, "disks-") &&
      hc_enum_from_nick (HC_TYPE_DISK_HEALTH, figure + strlen ("disks-"), &value))
    return known (&self->totals, HC_SUMMARY_HARDWARE) ? self->totals.sum.disks[value] : -1;
  return -1;
}

static void
hc_overview_page_dispose (GObject *object)
{
  HcOverviewPage *self = HC_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_pointer (&self->hubs, g_ptr_array_unref);
  g_clear_object (&self->manager);
  hc_hub_totals_clear (&self->totals);

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
  widget_class->map = hc_overview_page_map;

  g_type_ensure (HC_TYPE_BANNER);
  g_type_ensure (HC_TYPE_CARD_GRID);
  g_type_ensure (HC_TYPE_STATUS_BADGE);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, banner);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, updated_label);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, sources_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, quality_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, storage_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, alerts_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, sources_note);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, quality_note);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, storage_note);
  gtk_widget_class_bind_template_child (widget_class, HcOverviewPage, alerts_note);
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
