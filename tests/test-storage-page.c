/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The storage page in a real window over parsed pools and nodes: the
 * verdict, counts, state filter, search, sort, CSV, the used text, live
 * updates keeping the selection, the capacity forecast of a filling and of
 * a flat pool, and the nodes with their disks. */
#include "config.h"

#include <math.h>
#include <json-glib/json-glib.h>

#include "hc-capacity-chart.h"
#include "hc-closures.h"
#include "hc-forecast.h"
#include "hc-item-store.h"
#include "hc-parser.h"
#include "hc-storage-page.h"
#include "hc-test-ui.h"

#define TB 1000000000000ull
#define PB 1000000000000000ull
#define N_DAYS 90
/* 2026-08-29T00:00:00Z, so the last day is 2026-11-26. */
#define FIRST_DAY G_GINT64_CONSTANT (1787961600)

typedef struct {
  const char *id;
  const char *name;
  const char *kind;
  const char *state;
  guint64     capacity;
  guint64     used;       /* today's, also the last history point */
  gint64      growth;     /* bytes a day over the history */
  const char *scheme;
  gint64      degraded;
  gint64      misplaced;
  guint64     read_bps;
  guint64     write_bps;
} PoolFixture;

static const PoolFixture pools[] = {
  { "kho-doi-tuong-hn", "Kho đối tượng Hà Nội", "object", "healthy", 13500 * TB, 8400 * TB, 9 * TB,
    "3x", 0, 0, 2400000000, 800000000 },
  { "khoi-hcm", "Lưu trữ khối TP. Hồ Chí Minh", "block", "degraded", 2000 * TB, 1600 * TB, 2 * TB,
    "ec-8+3", 1204, 37, 900000000, 450000000 },
  { "ho-so-dien-tu", "Hồ sơ điện tử quốc gia", "file", "critical", 1000 * TB, 950 * TB, 1 * TB,
    "3x", 5120, 880, 120000000, 60000000 },
  { "sao-luu-da-nang", "Sao lưu Đà Nẵng", "object", "healthy", 4000 * TB, 1000 * TB, 0,
    "ec-4+2", 0, 0, 30000000, 10000000 },
};

/* Day i's usage: the trend plus a small deterministic wobble, ending on today's. */
static guint64
pool_used_on (const PoolFixture *p, int day)
{
  gint64 wobble = p->growth != 0 ? ((day * 7) % 5 - 2) * (gint64) (TB / 4) : 0;

  if (day == N_DAYS - 1)
    return p->used;
  return (guint64) ((gint64) p->used - p->growth * (N_DAYS - 1 - day) + wobble);
}

static HcItem *
parse (HcParseItemFunc func, const char *json)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  HcItem *item;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  item = func (node, &error);
  g_assert_no_error (error);
  return item;
}

static HcItem *
pool_from_fixture (const PoolFixture *p, guint64 used_today)
{
  PoolFixture copy = *p;
  g_autoptr(GString) json = g_string_new (NULL);

  copy.used = used_today;
  g_string_append_printf (json,
    "{\"id\":\"%s\",\"name\":\"%s\",\"kind\":\"%s\",\"state\":\"%s\","
    "\"capacity_bytes\":%" G_GUINT64_FORMAT ",\"used_bytes\":%" G_GUINT64_FORMAT ","
    "\"replication\":{\"scheme\":\"%s\",\"degraded_objects\":%" G_GINT64_FORMAT ",\"misplaced_objects\":%" G_GINT64_FORMAT "},"
    "\"read_bps\":%" G_GUINT64_FORMAT ",\"write_bps\":%" G_GUINT64_FORMAT ",\"history\":[",
    p->id, p->name, p->kind, p->state, p->capacity, used_today, p->scheme, p->degraded, p->misplaced,
    p->read_bps, p->write_bps);
  for (int day = 0; day < N_DAYS; day++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (FIRST_DAY + day * 86400);
      g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");

      g_string_append_printf (json, "%s{\"date\":\"%s\",\"used_bytes\":%" G_GUINT64_FORMAT "}",
                              day > 0 ? "," : "", date, pool_used_on (&copy, day));
    }
  g_string_append (json, "]}");
  return parse (hc_parse_pool, json->str);
}

static HcItem *
node_from_json (const char *id, const char *hostname, const char *rack, const char *state,
                const char *const *healths)
{
  g_autoptr(GString) json = g_string_new (NULL);

  g_string_append_printf (json, "{\"id\":\"%s\",\"hostname\":\"%s\",\"rack\":\"%s\",\"state\":\"%s\",\"disks\":[",
                          id, hostname, rack, state);
  for (guint i = 0; healths[i] != NULL; i++)
    g_string_append_printf (json,
      "%s{\"id\":\"%s-d%u\",\"serial\":\"WD-%s%04u\",\"model\":\"WDC WUH721818AL\","
      "\"capacity_bytes\":18000000000000,\"health\":\"%s\",\"temperature_c\":%u,"
      "\"reallocated_sectors\":%u,\"power_on_hours\":%u}",
      i > 0 ? "," : "", id, i, id, i, healths[i], 35 + i,
      g_str_equal (healths[i], "ok") ? 0 : 120 * (i + 1), 21000 + 300 * i);
  g_string_append (json, "]}");
  return parse (hc_parse_node, json->str);
}

static HcItemStore *
make_pools (void)
{
  HcItemStore *store = hc_item_store_new (HC_TYPE_POOL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
    g_ptr_array_add (items, pool_from_fixture (&pools[i], pools[i].used));
  hc_item_store_upsert_many (store, items);
  return store;
}

static HcItemStore *
make_nodes (void)
{
  static const char *const ok3[] = { "ok", "ok", "ok", NULL };
  static const char *const failing2[] = { "failing", "ok", "failing", NULL };
  static const char *const warning1[] = { "ok", "warning", NULL };
  HcItemStore *store = hc_item_store_new (HC_TYPE_NODE);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (items, node_from_json ("node-01", "node-01", "Hà Nội A1", "up", ok3));
  g_ptr_array_add (items, node_from_json ("node-03", "node-03", "Hà Nội A2", "up", failing2));
  g_ptr_array_add (items, node_from_json ("node-05", "node-05", "Đà Nẵng B1", "maintenance", warning1));
  hc_item_store_upsert_many (store, items);
  return store;
}

static guint
n_visible (HcStoragePage *page)
{
  return g_list_model_get_n_items (hc_list_pane_get_visible_model (hc_storage_page_get_pane (page)));
}

static const char *
visible_id (HcStoragePage *page, guint i)
{
  g_autoptr(HcItem) item = g_list_model_get_item (hc_list_pane_get_visible_model (hc_storage_page_get_pane (page)), i);
  return hc_item_get_id (item);
}

static guint
count_fixture_state (const char *state)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
    if (state == NULL ? !g_str_equal (pools[i].state, "healthy") : g_str_equal (pools[i].state, state))
      n++;
  return n;
}

/* The forecast the page should show, computed here from the fixture. */
static char *
expected_forecast (const PoolFixture *p, guint64 used_today)
{
  PoolFixture copy = *p;
  double sx = 0, sy = 0, sxx = 0, sxy = 0, slope, intercept, x_last, days;
  int n = HC_FORECAST_DAYS;
  g_autoptr(GDateTime) full = NULL;
  g_autofree char *date = NULL;

  copy.used = used_today;
  for (int day = N_DAYS - n; day < N_DAYS; day++)
    {
      double x = (double) (FIRST_DAY + day * 86400) / 86400;
      double y = (double) pool_used_on (&copy, day);
      sx += x; sy += y; sxx += x * x; sxy += x * y;
    }
  slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  if (slope < 1.0)
    return g_strdup ("Not filling");
  intercept = (sy - slope * sx) / n;
  x_last = (double) (FIRST_DAY + (N_DAYS - 1) * 86400) / 86400;
  days = ceil (((double) p->capacity - intercept) / slope - x_last);
  full = g_date_time_new_from_unix_utc (FIRST_DAY + (N_DAYS - 1) * 86400 + (gint64) days * 86400);
  date = g_date_time_format (full, "%-d %b %Y");
  return g_strdup_printf ("Full in about %d days (%s)", (int) days, date);
}

static gboolean
has_label (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return TRUE;
      if (has_label (child, text))
        return TRUE;
    }
  return FALSE;
}

static guint
count_type (GtkWidget *root, GType type)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += (G_TYPE_CHECK_INSTANCE_TYPE (child, type) ? 1 : 0) + count_type (child, type);
  return n;
}

static void
test_storage_page (void)
{
  g_autoptr(HcItemStore) store = make_pools ();
  g_autoptr(HcItemStore) nodes = make_nodes ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcStoragePage *page = HC_STORAGE_PAGE (hc_storage_page_new ());
  HcListPane *pane = hc_storage_page_get_pane (page);
  HcPoolDetail *detail = hc_storage_page_get_detail (page);
  g_autoptr(HcItem) changed = NULL;
  g_autofree char *forecast = NULL;
  HcItem *selected;

  gtk_window_set_default_size (window, 1280, 760);
  gtk_window_set_child (window, GTK_WIDGET (page));
  hc_storage_page_set_pools (page, G_LIST_MODEL (store));
  hc_storage_page_set_nodes (page, G_LIST_MODEL (nodes));
  hc_list_pane_set_state (pane, HC_LIST_PANE_READY, NULL);
  gtk_window_present (window);
  hc_test_wait_mapped (GTK_WIDGET (page));

  /* The verdict names the failing disks and where they are (a hostname is hub text). */
  g_assert_true (g_str_has_prefix (hc_storage_page_get_verdict (page), "2 disks failing on \u2068node-03\u2069"));
  /* ...counted from the nodes, whose rows (a row per disk) wait for the
   * nodes to be shown. */
  g_assert_cmpuint (count_type (GTK_WIDGET (hc_nodes_view_get_list (hc_storage_page_get_nodes_view (page))),
                                ADW_TYPE_EXPANDER_ROW), ==, 0);

  /* All pools, worst state first. */
  g_assert_cmpuint (n_visible (page), ==, G_N_ELEMENTS (pools));
  g_assert_cmpstr (visible_id (page, 0), ==, "ho-so-dien-tu");

  /* The exact used text beside each level bar. */
  {
    g_autofree char *text = hc_closure_pool_used (NULL, pools[0].used, pools[0].capacity);
    /* No-break spaces (U+00A0) keep number and unit together, as g_format_size() does. */
    g_assert_cmpstr (text, ==, "8.4\u00a0PB of 13.5\u00a0PB (62\u00a0%)");
    hc_test_settle (100);
    g_assert_true (has_label (GTK_WIDGET (hc_list_pane_get_view (pane)), text));
  }

  /* State filter through its action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "storage.state", "s", "critical"));
  g_assert_cmpuint (n_visible (page), ==, count_fixture_state ("critical"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "storage.state", "s", "degraded"));
  g_assert_cmpuint (n_visible (page), ==, count_fixture_state ("degraded"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "storage.state", "s", "healthy"));
  g_assert_cmpuint (n_visible (page), ==, count_fixture_state ("healthy"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "storage.state", "s", "not-healthy"));
  g_assert_cmpuint (n_visible (page), ==, count_fixture_state (NULL));
  g_assert_cmpuint (count_fixture_state (NULL) + count_fixture_state ("healthy"), ==, G_N_ELEMENTS (pools));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "storage.state", "s", "all"));
  g_assert_cmpuint (n_visible (page), ==, G_N_ELEMENTS (pools));

  /* Search in names, kinds and schemes, case-insensitive. */
  hc_list_pane_set_search_text (pane, "hà nội");
  g_assert_cmpuint (n_visible (page), ==, 1);
  g_assert_cmpstr (visible_id (page, 0), ==, "kho-doi-tuong-hn");
  hc_list_pane_set_search_text (pane, "ec-");
  g_assert_cmpuint (n_visible (page), ==, 2);
  hc_list_pane_set_search_text (pane, "không có");
  g_assert_cmpuint (n_visible (page), ==, 0);
  hc_list_pane_set_search_text (pane, NULL);

  /* Sort by used share, ascending: the order the fixture's fractions give. */
  {
    GtkColumnView *view = hc_list_pane_get_view (pane);
    g_autoptr(GtkColumnViewColumn) used = g_list_model_get_item (gtk_column_view_get_columns (view), 3);
    guint order[G_N_ELEMENTS (pools)];

    for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
      order[i] = i;
    for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
      for (guint j = i + 1; j < G_N_ELEMENTS (pools); j++)
        if ((double) pools[order[j]].used / pools[order[j]].capacity <
            (double) pools[order[i]].used / pools[order[i]].capacity)
          {
            guint t = order[i]; order[i] = order[j]; order[j] = t;
          }
    gtk_column_view_sort_by_column (view, used, GTK_SORT_ASCENDING);
    for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
      g_assert_cmpstr (visible_id (page, i), ==, pools[order[i]].id);
  }

  /* CSV of the visible rows, in the visible order, Vietnamese intact. */
  hc_storage_page_set_state_filter (page, "not-healthy");
  {
    g_autoptr(GBytes) csv = hc_list_pane_to_csv (pane);
    g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
    g_auto(GStrv) lines = g_strsplit (text + 3, "\r\n", -1);
    g_autofree char *row1 = g_strdup_printf ("%s,Block,Degraded,%" G_GUINT64_FORMAT ",%" G_GUINT64_FORMAT ",80.0,ec-8+3,1204,37,",
                                             pools[1].name, pools[1].used, pools[1].capacity);

    g_assert_cmpuint (g_strv_length (lines), ==, 2 + count_fixture_state (NULL));
    g_assert_cmpstr (lines[0], ==, "Name,Kind,State,Used (bytes),Capacity (bytes),Used (%),Replication,"
                                   "Degraded Objects,Misplaced Objects,Read (bytes/s),Write (bytes/s)");
    /* Used ascending: 80 % before 95 %. */
    g_assert_true (g_str_has_prefix (lines[1], row1));
    g_assert_true (g_str_has_prefix (lines[2], pools[2].name));
  }
  hc_storage_page_set_state_filter (page, "all");

  /* The detail of a filling pool: forecast from the last 30 days. */
  selected = hc_item_store_lookup (store, "kho-doi-tuong-hn");
  hc_list_pane_select_item (pane, selected);
  g_assert_true (hc_list_pane_get_selected_item (pane) == selected);
  forecast = expected_forecast (&pools[0], pools[0].used);
  g_assert_true (g_str_has_prefix (forecast, "Full in about "));
  g_assert_cmpstr (hc_pool_detail_get_forecast (detail), ==, forecast);
  {
    HcCapacityChart *chart = HC_CAPACITY_CHART (hc_test_find_by_type (GTK_WIDGET (detail), HC_TYPE_CAPACITY_CHART));
    g_assert_nonnull (chart);
    g_assert_nonnull (strstr (hc_capacity_chart_get_summary (chart), forecast));
    g_assert_nonnull (strstr (hc_capacity_chart_get_summary (chart), "8.4\u00a0PB"));
  }

  /* A live update in place: still selected, the forecast follows the new day. */
  changed = pool_from_fixture (&pools[0], pools[0].used + 40 * TB);
  g_assert_true (hc_item_store_upsert (store, changed) == selected);
  g_assert_true (hc_list_pane_get_selected_item (pane) == selected);
  g_clear_pointer (&forecast, g_free);
  forecast = expected_forecast (&pools[0], pools[0].used + 40 * TB);
  g_assert_cmpstr (hc_pool_detail_get_forecast (detail), ==, forecast);
  hc_test_settle (200);
  hc_test_screenshot (GTK_WIDGET (window), "storage-page.png");
  hc_test_screenshot (GTK_WIDGET (detail), "storage-pool-detail.png");

  /* Dark: the chart takes the theme's colours again. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  hc_test_settle (300);
  hc_test_screenshot (GTK_WIDGET (window), "storage-page-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  hc_test_settle (100);

  /* A flat pool is not filling. */
  hc_list_pane_select_item (pane, hc_item_store_lookup (store, "sao-luu-da-nang"));
  g_assert_cmpstr (hc_pool_detail_get_forecast (detail), ==, "Not filling");
  g_clear_pointer (&forecast, g_free);
  forecast = expected_forecast (&pools[3], pools[3].used);
  g_assert_cmpstr (forecast, ==, "Not filling");

  /* Past its capacity by the trend: full now. One day of history: no forecast. */
  {
    static const PoolFixture over = { "qua-tai", "Kho quá tải", "block", "critical", 100 * TB, 120 * TB, 1 * TB,
                                      "3x", 0, 0, 1, 1 };
    g_autoptr(HcItem) full = pool_from_fixture (&over, over.used);
    g_autoptr(HcItem) young = parse (hc_parse_pool,
      "{\"id\":\"moi\",\"name\":\"Kho mới\",\"kind\":\"file\",\"state\":\"healthy\","
      "\"capacity_bytes\":1000,\"used_bytes\":10,\"replication\":{\"scheme\":\"3x\","
      "\"degraded_objects\":0,\"misplaced_objects\":0},\"read_bps\":0,\"write_bps\":0,"
      "\"history\":[{\"date\":\"2026-11-26\",\"used_bytes\":10}]}");
    HcPoolDetail *other = g_object_ref_sink (g_object_new (HC_TYPE_POOL_DETAIL, NULL));

    hc_pool_detail_set_pool (other, HC_POOL (full));
    g_assert_cmpstr (hc_pool_detail_get_forecast (other), ==, "Full now");
    hc_pool_detail_set_pool (other, HC_POOL (young));
    g_assert_cmpstr (hc_pool_detail_get_forecast (other), ==, "Not enough history for a forecast");
    g_assert_finalize_object (other);
  }

  /* Nodes and their disks; the node with failing disks is open. */
  hc_storage_page_set_view (page, "nodes");
  hc_test_settle (200);
  {
    GtkWidget *list = GTK_WIDGET (hc_nodes_view_get_list (hc_storage_page_get_nodes_view (page)));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1);

    g_assert_cmpuint (count_type (list, ADW_TYPE_EXPANDER_ROW), ==, 3);
    g_assert_true (ADW_IS_EXPANDER_ROW (row));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "\u2068node-03\u2069");
    g_assert_true (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
    g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0))));
    /* 3 + 3 + 2 disks, one row each (each expander row has an action row as its header). */
    g_assert_cmpuint (count_type (list, ADW_TYPE_ACTION_ROW), ==, 8 + 3);
    hc_test_screenshot (GTK_WIDGET (window), "storage-nodes.png");
  }

  /* A replaced disk clears the verdict of failing disks. */
  {
    static const char *const fixed[] = { "ok", "ok", "ok", NULL };
    g_autoptr(HcItem) node = node_from_json ("node-03", "node-03", "Hà Nội A2", "up", fixed);
    GtkListBox *list = hc_nodes_view_get_list (hc_storage_page_get_nodes_view (page));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 1);

    /* As a hub's store does: a node changed in place is announced again.
     * Its row is kept, closed as the operator left it, and follows it. */
    hc_item_store_set_announce_updates (nodes, TRUE);
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), FALSE);
    hc_item_store_upsert (nodes, node);
    g_assert_null (strstr (hc_storage_page_get_verdict (page), "failing"));
    g_assert_true (gtk_list_box_get_row_at_index (list, 1) == row);
    g_assert_false (adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row)));
    g_assert_cmpuint (count_type (GTK_WIDGET (list), ADW_TYPE_EXPANDER_ROW), ==, 3);
  }

  hc_test_destroy_window (window);
}

/* A hub that could not give its nodes (or pools) is never reported
 * healthy: the page says what it does not know. */
static void
test_storage_page_unread (void)
{
  static const char *const ok2[] = { "ok", "ok", NULL };
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_POOL);
  g_autoptr(HcItemStore) nodes = hc_item_store_new (HC_TYPE_NODE);
  g_autoptr(HcItem) pool = NULL;
  g_autoptr(HcItem) node = node_from_json ("node-01", "node-01", "Hà Nội A1", "up", ok2);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcStoragePage *page = HC_STORAGE_PAGE (hc_storage_page_new ());
  PoolFixture healthy = pools[0];

  healthy.state = "healthy";
  pool = pool_from_fixture (&healthy, healthy.used);
  hc_item_store_upsert (store, pool);
  hc_item_store_upsert (nodes, node);
  gtk_window_set_child (window, GTK_WIDGET (page));
  hc_storage_page_set_pools (page, G_LIST_MODEL (store));
  hc_storage_page_set_nodes (page, G_LIST_MODEL (nodes));
  gtk_window_present (window);
  hc_test_wait_mapped (GTK_WIDGET (page));

  g_assert_cmpstr (hc_storage_page_get_verdict (page), ==, "All pools and disks healthy");
  hc_storage_page_set_lists_read (page, TRUE, FALSE);
  g_assert_cmpstr (hc_storage_page_get_verdict (page), ==, "Nodes and disks not known");
  hc_storage_page_set_lists_read (page, FALSE, TRUE);
  g_assert_cmpstr (hc_storage_page_get_verdict (page), ==, "Pools not known");
  hc_storage_page_set_lists_read (page, FALSE, FALSE);
  g_assert_cmpstr (hc_storage_page_get_verdict (page), ==, "Storage not known");
  hc_storage_page_set_lists_read (page, TRUE, TRUE);
  g_assert_cmpstr (hc_storage_page_get_verdict (page), ==, "All pools and disks healthy");

  hc_test_destroy_window (window);
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  hc_test_init_ui ();
  adw_init ();
  hc_test_add_icons ();
  {
    /* The window's style (level bar colours), as the application loads it. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
    gtk_css_provider_load_from_resource (css, APP_PATH "/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }
  g_test_add_func ("/storage-page/list", test_storage_page);
  g_test_add_func ("/storage-page/unread", test_storage_page_unread);
  return g_test_run ();
}
