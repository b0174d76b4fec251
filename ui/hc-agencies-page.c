/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Agencies: each agency's datasets and feeds summed up, weakest first,
 * with the change over a period from the datasets' histories. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hc-agencies-page.h"
#include "hc-agency-cells.h"
#include "hc-agency-counter.h"
#include "hc-closures.h"
#include "hc-csv.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-widget-util.h"

/* Counting again waits this long after a change, so a burst of events or
 * of histories costs one count; it counts only the agencies the changes
 * touched (HcAgencyCounter). */
#define RECOUNT_DELAY_MS 300

struct _HcAgenciesPage
{
  GtkWidget         parent_instance;

  GListModel       *datasets;
  GListModel       *sources;
  GListStore       *agencies;
  HcThresholds     *thresholds;
  HcAgencyHistory  *history;
  HcAgencyCounter  *counter;
  GPtrArray        *hubs;
  guint             period;
  guint             recount_id;

  /* template children */
  GtkLabel         *history_label;
  HcListPane       *pane;
  GtkColumnView    *view;
  GtkColumnViewColumn *score_columns[5];
  GtkColumnViewColumn *change_column;
  HcAgencyDetail   *detail;
  GMenuModel       *filter_menu;
  GMenu            *extra_section;
};

G_DEFINE_FINAL_TYPE (HcAgenciesPage, hc_agencies_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_PERIOD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const score_column_ids[] = {
  "score_correct_column", "score_complete_column", "score_clean_column",
  "score_live_column", "score_overall_column",
};
static const char * const score_properties[] = {
  "score-correct", "score-complete", "score-clean", "score-live", "score-overall",
};

static char *
weakest_label (gpointer this,
               int      criterion)
{
  if (criterion < 0)
    return g_strdup ("—");
  return g_strdup (hc_criterion_label (criterion));
}

static char *
search_text (HcAgency *agency,
             gpointer  user_data)
{
  return agency ? g_strdup (hc_agency_get_name (agency)) : NULL;
}

/* CSV: numbers as a spreadsheet reads them; unknown is an empty cell. */

static char *
csv_score (double score)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (score))
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", score));
}

static char *csv_correct (gpointer a)  { return csv_score (hc_agency_get_score (a, HC_CRITERION_CORRECT)); }
static char *csv_complete (gpointer a) { return csv_score (hc_agency_get_score (a, HC_CRITERION_COMPLETE)); }
static char *csv_clean (gpointer a)    { return csv_score (hc_agency_get_score (a, HC_CRITERION_CLEAN)); }
static char *csv_live (gpointer a)     { return csv_score (hc_agency_get_score (a, HC_CRITERION_LIVE)); }
static char *csv_overall (gpointer a)  { return csv_score (hc_agency_get_overall (a)); }
static char *csv_change (gpointer a)   { return csv_score (hc_agency_get_change (a)); }

/* A count not known (-1) is an empty cell, never a number. */
static char *
csv_count (gint64 value)
{
  return value < 0 ? g_strdup ("") : g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

static char *csv_feeds_failed (gpointer a)  { return csv_count (hc_agency_get_feeds_failed (a)); }
static char *csv_feeds_lagging (gpointer a) { return csv_count (hc_agency_get_feeds_lagging (a)); }

static char *
csv_weakest (gpointer agency)
{
  int c = hc_agency_get_weakest_criterion (agency);

  return c < 0 ? g_strdup ("") : g_strdup (hc_criterion_label (c));
}

static const HcCsvColumn csv_columns[] = {
  { .title = N_("Agency"), .property = "name" },
  { .title = N_("Datasets"), .property = "datasets" },
  { .title = N_("Records"), .property = "records" },
  { .context = "criterion", .title = NC_("criterion", "Correct"), .text = csv_correct },
  { .context = "criterion", .title = NC_("criterion", "Complete"), .text = csv_complete },
  { .context = "criterion", .title = NC_("criterion", "Clean"), .text = csv_clean },
  { .context = "criterion", .title = NC_("criterion", "Live"), .text = csv_live },
  { .title = N_("Overall"), .text = csv_overall },
  { .title = N_("Change"), .text = csv_change },
  { .title = N_("Below Warning"), .property = "below-warning" },
  { .title = N_("Below Critical"), .property = "below-critical" },
  { .title = N_("Feeds Failed"), .text = csv_feeds_failed },
  { .title = N_("Feeds Lagging"), .text = csv_feeds_lagging },
  { .title = N_("Weakest"), .text = csv_weakest },
};

static void
update_change_title (HcAgenciesPage *self)
{
  /* Translators: a column's title: the change of the scores over the period */
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Change, %u Day", "Change, %u Days",
                                                         self->period), self->period);

  gtk_column_view_column_set_title (self->change_column, title);
}

/* Whether there are agencies and none has a known change. */
static gboolean
no_change_known (HcAgenciesPage *self)
{
  guint n = self->agencies != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->agencies)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcAgency) agency = g_list_model_get_item (G_LIST_MODEL (self->agencies), i);

      if (hc_agency_get_change_known (agency) > 0)
        return FALSE;
    }
  return n > 0;
}

static void
update_history_label (HcAgenciesPage *self)
{
  guint known = hc_agency_history_get_known (self->history);
  guint total = hc_agency_history_get_total (self->history);
  guint failed = hc_agency_history_get_failed (self->history);
  g_autofree char *text = NULL;

  if (total == 0)
    text = g_strdup (_("Scores are means weighted by records."));
  else if (known < total && failed > 0)
    text = g_strdup_printf (_("Scores are means weighted by records. History read for %u of %u datasets; "
                              "%u could not be read, so the change leaves them out."),
                            known, total, failed);
  else if (known < total)
    text = g_strdup_printf (_("Scores are means weighted by records. Reading the datasets' history: %u of %u; "
                              "the change counts those read so far."), known, total);
  else if (self->hubs != NULL && hc_agency_history_get_served (self->history) == self->hubs->len)
    text = g_strdup_printf (_("Scores are means weighted by records. The change and the trend of all %u datasets "
                              "come summed up from the hub."), total);
  else
    text = g_strdup_printf (_("Scores are means weighted by records. History read for all %u datasets."), total);

  /* Everything read, and still no change: the hub's histories are
   * shorter than the period. Said, not left as a column of dashes. */
  if (total > 0 && known == total && no_change_known (self))
    {
      g_autofree char *why = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "No dataset's history reaches back %u day, so the change is unknown.",
                                                           "No dataset's history reaches back %u days, so the change is unknown.",
                                                           self->period),
                                              self->period);
      g_autofree char *both = g_strdup_printf ("%s %s", text, why);

      g_free (text);
      text = g_steal_pointer (&both);
    }
  gtk_label_set_text (self->history_label, text);
}

/* Whether every hub in scope gave its whole list of feeds. */
static gboolean
feeds_known (HcAgenciesPage *self)
{
  for (guint i = 0; self->hubs != NULL && i < self->hubs->len; i++)
    if (!hc_hub_get_list_complete (self->hubs->pdata[i], HC_LIST_SOURCES))
      return FALSE;
  return TRUE;
}

/* When the page counts on its own, it counts agency by agency for about
 * this long, then lets a frame through: an agency's datasets with their
 * histories cost 3 ms on average, the largest agency about 20 ms. */
#define RECOUNT_BUDGET_US 8000

/* Counts at most @max of the agencies that changed; @more: whether some
 * are left. */
static void
recount (HcAgenciesPage *self,
         guint           max,
         gboolean       *more)
{
  HcAgencyParams params = {
    .warning_below = hc_thresholds_get_warning_below (self->thresholds),
    .critical_below = hc_thresholds_get_critical_below (self->thresholds),
    .period_days = self->period,
    .now = g_get_real_time () / G_USEC_PER_SEC,
  };
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new ();
  gboolean changed = FALSE;
  guint n;

  *more = FALSE;
  g_clear_handle_id (&self->recount_id, g_source_remove);
  if (self->datasets == NULL)
    {
      g_list_store_remove_all (self->agencies);
      return;
    }

  hc_agency_counter_set_params (self->counter, &params);
  hc_agency_counter_set_feeds_known (self->counter, feeds_known (self));
  if (!hc_agency_counter_get_dirty (self->counter) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->agencies)) > 0)
    {
      update_history_label (self);
      return;
    }
  fresh = hc_agency_counter_count_some (self->counter, max, more);
  for (guint i = 0; i < fresh->len; i++)
    g_hash_table_insert (by_name, (gpointer) hc_agency_get_name (fresh->pdata[i]), fresh->pdata[i]);

  /* Update the rows there are, drop the agencies gone, add the new. */
  n = g_list_model_get_n_items (G_LIST_MODEL (self->agencies));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(HcAgency) row = g_list_model_get_item (G_LIST_MODEL (self->agencies), i - 1);
      HcAgency *now = g_hash_table_lookup (by_name, hc_agency_get_name (row));

      if (now == NULL)
        g_list_store_remove (self->agencies, i - 1);
      else
        {
          /* The counter never changes an agency it returned: it makes
           * a new one when it counts it again. */
          if (now != row)
            changed |= hc_agency_update (row, now);
          g_hash_table_remove (by_name, hc_agency_get_name (row));
        }
    }
  for (guint i = 0; i < fresh->len; i++)
    if (g_hash_table_contains (by_name, hc_agency_get_name (fresh->pdata[i])))
      g_ptr_array_add (added, fresh->pdata[i]);
  g_list_store_splice (self->agencies, g_list_model_get_n_items (G_LIST_MODEL (self->agencies)), 0,
                       added->pdata, added->len);
  /* Rows updated in place are not sorted again by the list on their own:
   * weakest first must hold as the figures change. */
  if (changed)
    {
      GtkSorter *sorter = gtk_column_view_get_sorter (hc_list_pane_get_view (self->pane));

      if (sorter != NULL)
        gtk_sorter_changed (sorter, GTK_SORTER_CHANGE_DIFFERENT);
    }
  update_history_label (self);
}

/**
 * hc_agencies_page_recount:
 * Counts again now the agencies whose datasets or feeds changed since the
 * last count (the page also does on its own, shortly after its lists
 * change, a few agencies per main loop iteration); rows update in place.
 */
void
hc_agencies_page_recount (HcAgenciesPage *self)
{
  gboolean more;

  g_return_if_fail (HC_IS_AGENCIES_PAGE (self));
  recount (self, G_MAXUINT, &more);
}

/**
 * hc_agencies_page_recount_all:
 * Counts every agency again now, whatever changed.
 */
void
hc_agencies_page_recount_all (HcAgenciesPage *self)
{
  g_return_if_fail (HC_IS_AGENCIES_PAGE (self));

  hc_agency_counter_invalidate (self->counter);
  hc_agencies_page_recount (self);
}

static gboolean
recount_cb (gpointer user_data)
{
  HcAgenciesPage *self = user_data;
  gint64 start = g_get_monotonic_time ();
  gboolean more;

  self->recount_id = 0;
  do
    recount (self, 1, &more);
  while (more && g_get_monotonic_time () - start < RECOUNT_BUDGET_US);
  /* The rest after the next frame, not in one long stall. */
  if (more && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->recount_id = g_idle_add (recount_cb, self);
  return G_SOURCE_REMOVE;
}

static void
queue_recount (HcAgenciesPage *self)
{
  if (self->recount_id == 0)
    self->recount_id = g_timeout_add (RECOUNT_DELAY_MS, recount_cb, self);
}

static void
on_selected_item (HcListPane     *pane,
                  GParamSpec     *pspec,
                  HcAgenciesPage *self)
{
  hc_agency_detail_set_agency (self->detail, hc_list_pane_get_selected_item (pane), self->datasets, self->period);
}

static void
on_map (HcAgenciesPage *self)
{
  hc_agency_history_start (self->history);
  hc_agencies_page_recount (self);
}

static void
on_unmap (HcAgenciesPage *self)
{
  /* Nothing to read or count while nobody looks. */
  hc_agency_history_stop (self->history);
  g_clear_handle_id (&self->recount_id, g_source_remove);
}

static void
on_lists_changed (HcAgenciesPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    queue_recount (self);
}

static void
hc_agencies_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HcAgenciesPage *self = HC_AGENCIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      g_value_set_int (value, self->period);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_agencies_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HcAgenciesPage *self = HC_AGENCIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_PERIOD:
      if (self->period != (guint) g_value_get_int (value))
        {
          self->period = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
          update_change_title (self);
          hc_agency_history_set_period (self->history, self->period);
          hc_agencies_page_recount (self);
          on_selected_item (self->pane, NULL, self);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_agencies_page_dispose (GObject *object)
{
  HcAgenciesPage *self = HC_AGENCIES_PAGE (object);

  g_clear_handle_id (&self->recount_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_AGENCIES_PAGE);
  hc_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->datasets);
  g_clear_object (&self->sources);
  g_clear_pointer (&self->hubs, g_ptr_array_unref);
  g_clear_object (&self->agencies);
  g_clear_object (&self->thresholds);
  if (self->history != NULL)
    hc_agency_history_stop (self->history);
  g_clear_object (&self->history);
  g_clear_object (&self->counter);

  G_OBJECT_CLASS (hc_agencies_page_parent_class)->dispose (object);
}

static void
hc_agencies_page_class_init (HcAgenciesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hc_agencies_page_get_property;
  object_class->set_property = hc_agencies_page_set_property;
  object_class->dispose = hc_agencies_page_dispose;

  /**
   * HcAgenciesPage:period:
   * The days the change and the trend cover: 7, 30 or 90.
   */
  properties[PROP_PERIOD] =
    g_param_spec_int ("period", NULL, NULL, 1, 90, 30,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HC_TYPE_LIST_PANE);
  g_type_ensure (HC_TYPE_AGENCY_DETAIL);
  g_type_ensure (HC_TYPE_AGENCY);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-agencies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HcAgenciesPage, history_label);
  gtk_widget_class_bind_template_child (widget_class, HcAgenciesPage, pane);
  gtk_widget_class_bind_template_child (widget_class, HcAgenciesPage, view);
  gtk_widget_class_bind_template_child (widget_class, HcAgenciesPage, change_column);
  gtk_widget_class_bind_template_child (widget_class, HcAgenciesPage, detail);
  gtk_widget_class_bind_template_child (widget_class, HcAgenciesPage, filter_menu);
  gtk_widget_class_bind_template_child (widget_class, HcAgenciesPage, extra_section);
  hc_widget_class_bind_template_array (widget_class, score_column_ids, G_N_ELEMENTS (score_column_ids),
                                       G_STRUCT_OFFSET (HcAgenciesPage, score_columns));
  hc_closures_bind (widget_class);
  gtk_widget_class_bind_template_callback_full (widget_class, "weakest_label", G_CALLBACK (weakest_label));

  gtk_widget_class_install_property_action (widget_class, "agencies.period", "period");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_agencies_page_init (HcAgenciesPage *self)
{
  self->period = 30;
  self->agencies = g_list_store_new (HC_TYPE_AGENCY);
  self->thresholds = hc_thresholds_new ();
  self->history = hc_agency_history_new ();
  self->counter = hc_agency_counter_new ();
  hc_agency_history_set_counter (self->history, self->counter);
  g_signal_connect_object (self->thresholds, "notify", G_CALLBACK (on_lists_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify::known", G_CALLBACK (on_lists_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->history, "notify", G_CALLBACK (update_history_label), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (score_properties); i++)
    {
      g_autoptr(GtkListItemFactory) factory = hc_agency_cells_score_factory (self->thresholds, score_properties[i]);
      gtk_column_view_column_set_factory (self->score_columns[i], factory);
    }
  {
    g_autoptr(GtkListItemFactory) factory = hc_agency_cells_change_factory ();
    gtk_column_view_column_set_factory (self->change_column, factory);
  }
  hc_agency_detail_set_thresholds (self->detail, self->thresholds);
  update_change_title (self);

  hc_list_pane_set_filter_menu (self->pane, self->filter_menu);
  hc_list_pane_set_search_expression (self->pane,
                                      gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                   G_CALLBACK (search_text), NULL, NULL));
  hc_list_pane_set_empty (self->pane, "system-users-symbolic", _("No Agencies"),
                          _("No agency owns a dataset or runs a feed on the hub yet."));
  /* Translators: becomes a file name, “agencies.csv”: keep it short, lower case, no spaces */
  hc_list_pane_set_export_name (self->pane, C_("file name", "agencies"));
  hc_list_pane_set_csv_columns (self->pane, csv_columns, G_N_ELEMENTS (csv_columns));
  hc_list_pane_set_model (self->pane, G_LIST_MODEL (self->agencies));

  g_signal_connect_object (self->pane, "notify::selected-item", G_CALLBACK (on_selected_item), self, 0);
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);

  /* Weakest first: what a supervisor reviews. */
  gtk_column_view_sort_by_column (self->view, self->score_columns[4], GTK_SORT_ASCENDING);
  update_history_label (self);
}

GtkWidget *
hc_agencies_page_new (void)
{
  return g_object_new (HC_TYPE_AGENCIES_PAGE, NULL);
}

HcListPane *
hc_agencies_page_get_pane (HcAgenciesPage *self)
{
  g_return_val_if_fail (HC_IS_AGENCIES_PAGE (self), NULL);
  return self->pane;
}

/**
 * hc_agencies_page_set_lists:
 * The datasets and feeds in scope (one hub's or every hub's).
 */
void
hc_agencies_page_set_lists (HcAgenciesPage *self,
                            GListModel     *datasets,
                            GListModel     *sources)
{
  g_return_if_fail (HC_IS_AGENCIES_PAGE (self));

  if (self->datasets != NULL)
    g_signal_handlers_disconnect_by_data (self->datasets, self);
  if (self->sources != NULL)
    g_signal_handlers_disconnect_by_data (self->sources, self);
  g_set_object (&self->datasets, datasets);
  g_set_object (&self->sources, sources);
  hc_agency_counter_set_lists (self->counter, datasets, sources);
  if (datasets != NULL)
    g_signal_connect_object (datasets, "items-changed", G_CALLBACK (on_lists_changed), self, G_CONNECT_SWAPPED);
  if (sources != NULL)
    g_signal_connect_object (sources, "items-changed", G_CALLBACK (on_lists_changed), self, G_CONNECT_SWAPPED);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    hc_agencies_page_recount (self);
}

/**
 * hc_agencies_page_set_hubs:
 * The hubs in scope, whose datasets' history the page reads while shown.
 */
void
hc_agencies_page_set_hubs (HcAgenciesPage *self,
                           GPtrArray      *hubs)
{
  g_return_if_fail (HC_IS_AGENCIES_PAGE (self));

  hc_agency_history_set_hubs (self->history, hubs);
  g_clear_pointer (&self->hubs, g_ptr_array_unref);
  self->hubs = hubs != NULL ? g_ptr_array_ref (hubs) : NULL;
}


void
hc_agencies_page_set_settings (HcAgenciesPage *self,
                               GSettings      *settings)
{
  g_return_if_fail (HC_IS_AGENCIES_PAGE (self));

  hc_thresholds_bind_settings (self->thresholds, settings);
}

/**
 * hc_agencies_page_get_agencies:
 * The agencies as counted last, in no order (the view sorts them).
 */
GListModel *
hc_agencies_page_get_agencies (HcAgenciesPage *self)
{
  g_return_val_if_fail (HC_IS_AGENCIES_PAGE (self), NULL);
  return G_LIST_MODEL (self->agencies);
}

HcAgencyHistory *
hc_agencies_page_get_history (HcAgenciesPage *self)
{
  g_return_val_if_fail (HC_IS_AGENCIES_PAGE (self), NULL);
  return self->history;
}

/**
 * hc_agencies_page_get_extra_menu:
 * The section of the page's menu ("agencies-extra", after the period)
 * that takes other views for supervisors, such as the audit log.
 */
GMenu *
hc_agencies_page_get_extra_menu (HcAgenciesPage *self)
{
  g_return_val_if_fail (HC_IS_AGENCIES_PAGE (self), NULL);
  return self->extra_section;
}
