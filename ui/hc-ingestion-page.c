/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-widget-util.h"
#include "hc-closures.h"
#include "hc-csv.h"
#include "hc-field-sorter.h"
#include "hc-format.h"
#include "hc-ingestion-page.h"
#include "hc-item-store.h"
#include "hc-labels.h"
#include "hc-source-cells.h"
#include "hc-source-detail.h"
#include "hc-status-badge.h"

/* Every feed into the hub: status, lag, throughput, last run and error. */
struct _HcIngestionPage
{
  GtkWidget         parent_instance;

  GListModel       *sources;
  GtkStringList    *agencies;
  GtkCustomFilter  *filter;
  char             *status_filter;
  char             *agency_filter;

  /* template children */
  HcListPane       *pane;
  GtkColumnView    *view;
  GtkColumnViewColumn *columns[HC_SOURCE_N_CELLS];  /* as HcSourceCell */
  GtkDropDown      *agency_dropdown;
  HcSourceDetail   *detail;
  GMenuModel       *filter_menu;
};

G_DEFINE_FINAL_TYPE (HcIngestionPage, hc_ingestion_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATUS_FILTER,
  N_PROPS
};

enum {
  RETRY,
  SOURCE_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
status_matches (const char     *filter,
                HcSourceStatus  status)
{
  if (filter == NULL || g_str_equal (filter, "all"))
    return TRUE;
  if (g_str_equal (filter, "not-ok"))
    return status != HC_SOURCE_STATUS_OK;
  return g_strcmp0 (hc_enum_to_nick (HC_TYPE_SOURCE_STATUS, status), filter) == 0;
}

static gboolean
filter_source (gpointer item,
               gpointer user_data)
{
  HcIngestionPage *self = user_data;
  HcSource *source = item;

  if (!status_matches (self->status_filter, hc_source_get_status (source)))
    return FALSE;
  if (self->agency_filter != NULL &&
      g_strcmp0 (hc_source_get_agency (source), self->agency_filter) != 0)
    return FALSE;
  return TRUE;
}

static char *
search_text (HcSource *source, gpointer user_data)
{
  HcRun *run;

  if (source == NULL)
    return NULL;
  run = hc_source_get_last_run (source);
  return g_strjoin (" ", hc_source_get_name (source), hc_source_get_agency (source),
                    run != NULL && hc_run_get_error (run) != NULL ? hc_run_get_error (run) : "",
                    NULL);
}

/* The CSV columns: what the screen shows, exact times in ISO 8601. */

static char *
source_kind (gpointer source)
{
  return g_strdup (hc_source_kind_label (hc_source_get_kind (source)));
}

static char *
source_status (gpointer source)
{
  return g_strdup (hc_source_status_label (hc_source_get_status (source)));
}

static char *
source_last_success (gpointer source)
{
  gint64 t = hc_source_get_last_success_at (source);

  return t > 0 ? hc_csv_time (t) : g_strdup ("");
}

static char *
source_error (gpointer source)
{
  HcRun *run = hc_source_get_last_run (source);

  return g_strdup (run != NULL && hc_run_get_error (run) ? hc_run_get_error (run) : "");
}

static const HcCsvColumn csv_columns[] = {
  { .title = N_("Name"), .property = "name" },
  { .title = N_("Agency"), .property = "agency" },
  { .title = N_("Kind"), .text = source_kind },
  { .title = N_("Status"), .text = source_status },
  { .title = N_("Last Success"), .text = source_last_success },
  { .title = N_("Lag (seconds)"), .property = "lag-seconds" },
  { .title = N_("Throughput (records/s)"), .property = "records-per-second" },
  { .title = N_("Last Error"), .text = source_error },
};

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/* An agency as the dropdown shows it; the list keeps the hub's own text. */
static char *
agency_text (GtkStringObject *item, gpointer user_data)
{
  if (item == NULL)
    return NULL;
  return hc_format_hub_text (gtk_string_object_get_string (item), HC_HUB_TEXT_LINE);
}

static void
update_agencies (HcIngestionPage *self)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = self->sources != NULL ? g_list_model_get_n_items (self->sources) : 0;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->agencies));
  gboolean same;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcSource) source = g_list_model_get_item (self->sources, i);
      const char *agency = hc_source_get_agency (source);

      if (agency != NULL && g_hash_table_add (seen, (gpointer) agency))
        g_ptr_array_add (names, (gpointer) agency);
    }

  /* A live hub changes its feeds many times a second and their agencies
   * seldom: the same set as shown needs no sort (g_utf8_collate() is dear). */
  if (n_old > 0 && g_hash_table_size (seen) == n_old - 1)
    {
      same = TRUE;
      for (guint i = 1; same && i < n_old; i++)
        same = g_hash_table_contains (seen, gtk_string_list_get_string (self->agencies, i));
      if (same)
        return;
    }

  g_ptr_array_sort (names, compare_names);
  g_ptr_array_insert (names, 0, (gpointer) _("All Agencies"));

  /* Rebuilding the list would reset the dropdown: only when it differs. */
  same = names->len == n_old;
  for (guint i = 0; same && i < names->len; i++)
    same = g_str_equal (gtk_string_list_get_string (self->agencies, i), names->pdata[i]);
  if (same)
    return;

  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->agencies, 0, n_old, (const char * const *) names->pdata);

  if (self->agency_filter != NULL)
    for (guint i = 1; i < names->len - 1; i++)
      if (g_str_equal (names->pdata[i], self->agency_filter))
        gtk_drop_down_set_selected (self->agency_dropdown, i);
}

static void
on_sources_changed (GListModel      *model,
                    guint            position,
                    guint            removed,
                    guint            added,
                    HcIngestionPage *self)
{
  /* Sources changed in place: "items-updated" follows once for them all. */
  if (removed != added || !HC_IS_ITEM_STORE (model))
    update_agencies (self);
}

static void
on_agency_selected (GtkDropDown     *dropdown,
                    GParamSpec      *pspec,
                    HcIngestionPage *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  const char *agency = NULL;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    agency = gtk_string_list_get_string (self->agencies, selected);
  if (g_strcmp0 (agency, self->agency_filter) == 0)
    return;

  g_free (self->agency_filter);
  self->agency_filter = g_strdup (agency);
  hc_list_pane_filter_changed (self->pane);
}

static void
on_selected_item (HcListPane      *pane,
                  GParamSpec      *pspec,
                  HcIngestionPage *self)
{
  HcSource *source = hc_list_pane_get_selected_item (pane);

  hc_source_detail_set_source (self->detail, source);
  if (source != NULL)
    g_signal_emit (self, signals[SOURCE_SELECTED], 0, source);
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HcIngestionPage *self = HC_INGESTION_PAGE (widget);
  HcSource *source = hc_list_pane_get_selected_item (self->pane);

  if (source != NULL)
    g_signal_emit (self, signals[RETRY], 0, source);
}

static void
hc_ingestion_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HcIngestionPage *self = HC_INGESTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATUS_FILTER:
      g_value_set_string (value, self->status_filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_ingestion_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HcIngestionPage *self = HC_INGESTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATUS_FILTER:
      hc_ingestion_page_set_status_filter (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_ingestion_page_dispose (GObject *object)
{
  HcIngestionPage *self = HC_INGESTION_PAGE (object);

  if (self->sources != NULL)
    g_signal_handlers_disconnect_by_data (self->sources, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_INGESTION_PAGE);
  hc_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->sources);
  g_clear_object (&self->agencies);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (hc_ingestion_page_parent_class)->dispose (object);
}

static void
hc_ingestion_page_finalize (GObject *object)
{
  HcIngestionPage *self = HC_INGESTION_PAGE (object);

  g_clear_pointer (&self->status_filter, g_free);
  g_clear_pointer (&self->agency_filter, g_free);

  G_OBJECT_CLASS (hc_ingestion_page_parent_class)->finalize (object);
}

static void
hc_ingestion_page_class_init (HcIngestionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hc_ingestion_page_get_property;
  object_class->set_property = hc_ingestion_page_set_property;
  object_class->dispose = hc_ingestion_page_dispose;
  object_class->finalize = hc_ingestion_page_finalize;

  /**
   * HcIngestionPage:status-filter:
   * all, ok, lagging, failed, paused or not-ok.
   */
  properties[PROP_STATUS_FILTER] =
    g_param_spec_string ("status-filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HcIngestionPage::retry:
   * The operator asked to run @source now.
   */
  signals[RETRY] = g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, HC_TYPE_SOURCE);
  /**
   * HcIngestionPage::source-selected:
   * @source's detail is shown; its run history should be fetched.
   */
  signals[SOURCE_SELECTED] = g_signal_new ("source-selected", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, HC_TYPE_SOURCE);

  static const char * const column_ids[HC_SOURCE_N_CELLS] = {
    "name_column", "agency_column", "kind_column", "status_column",
    "last_success_column", "lag_column", "throughput_column", "error_column",
  };

  g_type_ensure (HC_TYPE_FIELD_SORTER);
  g_type_ensure (HC_TYPE_LIST_PANE);
  g_type_ensure (HC_TYPE_SOURCE_DETAIL);
  g_type_ensure (HC_TYPE_STATUS_BADGE);
  g_type_ensure (HC_TYPE_SOURCE);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-ingestion-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HcIngestionPage, pane);
  gtk_widget_class_bind_template_child (widget_class, HcIngestionPage, view);
  gtk_widget_class_bind_template_child (widget_class, HcIngestionPage, agency_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcIngestionPage, detail);
  gtk_widget_class_bind_template_child (widget_class, HcIngestionPage, filter_menu);
  hc_widget_class_bind_template_array (widget_class, column_ids, G_N_ELEMENTS (column_ids),
                                       G_STRUCT_OFFSET (HcIngestionPage, columns));
  hc_closures_bind (widget_class);

  gtk_widget_class_install_property_action (widget_class, "ingestion.status", "status-filter");
  gtk_widget_class_install_action (widget_class, "ingestion.retry", NULL, retry_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_ingestion_page_init (HcIngestionPage *self)
{
  GtkExpression *search;

  self->status_filter = g_strdup ("all");

  gtk_widget_init_template (GTK_WIDGET (self));
  hc_source_cells_set_factories (self->columns);
  /* Thousands of feeds, re-sorted as they run: the rows stay in place and
   * take the feeds now at their places. */
  hc_list_pane_keep_rows_in_place (self->pane);

  self->agencies = gtk_string_list_new (NULL);
  gtk_string_list_append (self->agencies, _("All Agencies"));
  gtk_drop_down_set_model (self->agency_dropdown, G_LIST_MODEL (self->agencies));
  gtk_drop_down_set_expression (self->agency_dropdown,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (agency_text), NULL, NULL));
  g_signal_connect_object (self->agency_dropdown, "notify::selected",
                           G_CALLBACK (on_agency_selected), self, 0);

  self->filter = gtk_custom_filter_new (filter_source, self, NULL);
  hc_list_pane_set_filter (self->pane, GTK_FILTER (self->filter));
  hc_list_pane_set_filter_menu (self->pane, self->filter_menu);

  search = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                        G_CALLBACK (search_text), NULL, NULL);
  hc_list_pane_set_search_expression (self->pane, search);

  hc_list_pane_set_empty (self->pane, "network-receive-symbolic", _("No Sources"),
                          _("The hub has no feeds yet."));
  /* Translators: becomes a file name, “sources.csv”: keep it short, lower case, no spaces */
  hc_list_pane_set_export_name (self->pane, C_("file name", "sources"));
  hc_list_pane_set_csv_columns (self->pane, csv_columns, G_N_ELEMENTS (csv_columns));

  g_signal_connect_object (self->pane, "notify::selected-item",
                           G_CALLBACK (on_selected_item), self, 0);

  /* Worst first: failing feeds are what an operator opens the page for. */
  {
    g_autoptr(GtkColumnViewColumn) status_column =
      g_list_model_get_item (gtk_column_view_get_columns (self->view), 3);
    gtk_column_view_sort_by_column (self->view, status_column, GTK_SORT_DESCENDING);
  }
  {
    static const char * const filters[] = { "status-filter", NULL };
    hc_list_pane_remember (self->pane, "ingestion", G_OBJECT (self), filters);
  }
}

GtkWidget *
hc_ingestion_page_new (void)
{
  return g_object_new (HC_TYPE_INGESTION_PAGE, NULL);
}

HcListPane *
hc_ingestion_page_get_pane (HcIngestionPage *self)
{
  g_return_val_if_fail (HC_IS_INGESTION_PAGE (self), NULL);

  return self->pane;
}

void
hc_ingestion_page_set_sources (HcIngestionPage *self,
                               GListModel      *sources)
{
  g_return_if_fail (HC_IS_INGESTION_PAGE (self));

  if (self->sources == sources)
    return;

  if (self->sources != NULL)
    g_signal_handlers_disconnect_by_data (self->sources, self);
  g_set_object (&self->sources, sources);
  if (sources != NULL)
    g_signal_connect_object (sources, "items-changed", G_CALLBACK (on_sources_changed), self, 0);
  if (HC_IS_ITEM_STORE (sources))
    g_signal_connect_object (sources, "items-updated", G_CALLBACK (update_agencies), self, G_CONNECT_SWAPPED);

  hc_list_pane_set_model (self->pane, sources);
  update_agencies (self);
}

void
hc_ingestion_page_set_status_filter (HcIngestionPage *self,
                                     const char      *status)
{
  g_return_if_fail (HC_IS_INGESTION_PAGE (self));

  if (status == NULL)
    status = "all";
  if (g_strcmp0 (self->status_filter, status) == 0)
    return;

  g_free (self->status_filter);
  self->status_filter = g_strdup (status);
  hc_list_pane_filter_changed (self->pane);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_FILTER]);
}

const char *
hc_ingestion_page_get_status_filter (HcIngestionPage *self)
{
  g_return_val_if_fail (HC_IS_INGESTION_PAGE (self), NULL);

  return self->status_filter;
}

void
hc_ingestion_page_set_agency_filter (HcIngestionPage *self,
                                     const char      *agency)
{
  guint n;

  g_return_if_fail (HC_IS_INGESTION_PAGE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->agencies));
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->agencies, i), agency) == 0)
      {
        gtk_drop_down_set_selected (self->agency_dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (self->agency_dropdown, 0);
}

/**
 * hc_ingestion_page_set_retry_allowed:
 * Whether the signed-in role may retry; @reason says why not.
 */
void
hc_ingestion_page_set_retry_allowed (HcIngestionPage *self,
                                     gboolean         allowed,
                                     const char      *reason)
{
  g_return_if_fail (HC_IS_INGESTION_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ingestion.retry", allowed);
  hc_source_detail_set_retry_reason (self->detail, allowed ? NULL : reason);
}
