/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The ingestion page in a real window over a model of parsed sources:
 * counts, sort, filters, search, CSV, live updates keeping the selection,
 * and retry offered or refused by role. */
#include "config.h"

#include <locale.h>
#include <json-glib/json-glib.h>

#include "hc-ingestion-page.h"
#include "hc-item-store.h"
#include "hc-labels.h"
#include "hc-parser.h"
#include "hc-test-ui.h"
#include "hc-widget-util.h"

static HcItem *
source_from_json (const char *id, const char *name, const char *agency,
                  const char *status, gint64 lag, const char *error)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) parse_error = NULL;
  HcItem *item;

  json = g_strdup_printf (
    "{\"id\":\"%s\",\"name\":\"%s\",\"agency\":\"%s\",\"kind\":\"batch\","
    "\"status\":\"%s\",\"schedule\":\"0 * * * *\",\"last_success_at\":\"2026-11-27T08:00:00Z\","
    "\"lag_seconds\":%" G_GINT64_FORMAT ",\"records_per_second\":12.5,"
    "\"last_run\":{\"id\":\"r-%s\",\"started_at\":\"2026-11-27T08:00:00Z\","
    "\"finished_at\":\"2026-11-27T08:05:00Z\",\"records\":100,\"bytes\":2048,"
    "\"outcome\":\"%s\",\"error\":%s%s%s}}",
    id, name, agency, status, lag, id,
    error ? "failure" : "success", error ? "\"" : "", error ? error : "null", error ? "\"" : "");
  node = json_from_string (json, &parse_error);
  g_assert_no_error (parse_error);
  item = hc_parse_source (node, &parse_error);
  g_assert_no_error (parse_error);
  return item;
}

static HcItemStore *
make_store (void)
{
  HcItemStore *store = hc_item_store_new (HC_TYPE_SOURCE);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (items, source_from_json ("dan-cu-hn", "Dân cư — Hà Nội", "UBND TP. Hà Nội", "ok", 30, NULL));
  g_ptr_array_add (items, source_from_json ("dat-dai-hcm", "Đất đai — TP. Hồ Chí Minh", "UBND TP. Hồ Chí Minh", "lagging", 5400, NULL));
  g_ptr_array_add (items, source_from_json ("bhxh", "Bảo hiểm xã hội", "Bảo hiểm xã hội Việt Nam", "failed", 86400, "connection reset by peer, \\\"retrying\\\""));
  g_ptr_array_add (items, source_from_json ("ho-tich-hn", "Hộ tịch — Hà Nội", "UBND TP. Hà Nội", "failed", 7200, "=cmd|' /C calc'!A0"));
  g_ptr_array_add (items, source_from_json ("giao-duc", "Giáo dục", "Bộ Giáo dục và Đào tạo", "paused", 0, NULL));
  hc_item_store_upsert_many (store, items);
  return store;
}

static guint
n_visible (HcIngestionPage *page)
{
  return g_list_model_get_n_items (hc_list_pane_get_visible_model (hc_ingestion_page_get_pane (page)));
}

static const char *
visible_id (HcIngestionPage *page, guint i)
{
  g_autoptr(HcItem) item = g_list_model_get_item (hc_list_pane_get_visible_model (hc_ingestion_page_get_pane (page)), i);
  return hc_item_get_id (item);
}

/* @page over @store, in @window, shown and ready. */
static void
show_page (GtkWindow *window, HcIngestionPage *page, HcItemStore *store)
{
  gtk_window_set_default_size (window, 1200, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  hc_ingestion_page_set_sources (page, G_LIST_MODEL (store));
  hc_list_pane_set_state (hc_ingestion_page_get_pane (page), HC_LIST_PANE_READY, NULL);
  gtk_window_present (window);
  hc_test_wait_mapped (GTK_WIDGET (page));
}

static void
on_retry (HcIngestionPage *page, HcSource *source, char **retried)
{
  g_free (*retried);
  *retried = g_strdup (hc_item_get_id (HC_ITEM (source)));
}

static void
test_ingestion_page (void)
{
  g_autoptr(HcItemStore) store = make_store ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcIngestionPage *page = HC_INGESTION_PAGE (hc_ingestion_page_new ());
  HcListPane *pane = hc_ingestion_page_get_pane (page);
  g_autofree char *retried = NULL;
  g_autoptr(HcItem) changed = NULL;
  HcItem *selected;

  gtk_window_set_default_size (window, 1200, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  hc_ingestion_page_set_sources (page, G_LIST_MODEL (store));
  hc_list_pane_set_state (pane, HC_LIST_PANE_READY, NULL);
  g_signal_connect (page, "retry", G_CALLBACK (on_retry), &retried);
  gtk_window_present (window);
  hc_test_wait_mapped (GTK_WIDGET (page));

  /* All rows, worst status first. */
  g_assert_cmpuint (n_visible (page), ==, 5);
  g_assert_true (g_str_equal (visible_id (page, 0), "bhxh") || g_str_equal (visible_id (page, 0), "ho-tich-hn"));

  /* Status filter through its action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "ingestion.status", "s", "failed"));
  g_assert_cmpuint (n_visible (page), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "ingestion.status", "s", "not-ok"));
  g_assert_cmpuint (n_visible (page), ==, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "ingestion.status", "s", "all"));
  g_assert_cmpuint (n_visible (page), ==, 5);

  /* Agency filter. */
  hc_ingestion_page_set_agency_filter (page, "UBND TP. Hà Nội");
  g_assert_cmpuint (n_visible (page), ==, 2);
  hc_ingestion_page_set_agency_filter (page, NULL);
  g_assert_cmpuint (n_visible (page), ==, 5);

  /* Search as you type, case-insensitive, in names, agencies and errors. */
  hc_list_pane_set_search_text (pane, "hà nội");
  g_assert_cmpuint (n_visible (page), ==, 2);
  hc_list_pane_set_search_text (pane, "connection reset");
  g_assert_cmpuint (n_visible (page), ==, 1);
  g_assert_cmpstr (visible_id (page, 0), ==, "bhxh");
  hc_list_pane_set_search_text (pane, "no such feed");
  g_assert_cmpuint (n_visible (page), ==, 0);
  hc_list_pane_set_search_text (pane, NULL);

  /* Sort by lag, ascending. */
  {
    GtkColumnView *view = hc_list_pane_get_view (pane);
    g_autoptr(GtkColumnViewColumn) lag = g_list_model_get_item (gtk_column_view_get_columns (view), 5);
    g_autoptr(GtkColumnViewColumn) status = g_list_model_get_item (gtk_column_view_get_columns (view), 3);
    gtk_column_view_sort_by_column (view, lag, GTK_SORT_ASCENDING);
    g_assert_cmpstr (visible_id (page, 0), ==, "giao-duc");
    g_assert_cmpstr (visible_id (page, 1), ==, "dan-cu-hn");
    g_assert_cmpstr (visible_id (page, 2), ==, "dat-dai-hcm");
    g_assert_cmpstr (visible_id (page, 3), ==, "ho-tich-hn");
    g_assert_cmpstr (visible_id (page, 4), ==, "bhxh");
    gtk_column_view_sort_by_column (view, lag, GTK_SORT_DESCENDING);
    g_assert_cmpstr (visible_id (page, 0), ==, "bhxh");
    /* By status: the worse the state, the later ascending. */
    gtk_column_view_sort_by_column (view, status, GTK_SORT_ASCENDING);
    g_assert_cmpstr (visible_id (page, 0), ==, "dan-cu-hn");
    g_assert_cmpstr (visible_id (page, 1), ==, "giao-duc");
    g_assert_cmpstr (visible_id (page, 2), ==, "dat-dai-hcm");
    g_assert_true (g_str_equal (visible_id (page, 4), "bhxh") || g_str_equal (visible_id (page, 4), "ho-tich-hn"));
    gtk_column_view_sort_by_column (view, lag, GTK_SORT_ASCENDING);
  }

  /* CSV of the visible rows, in the visible order, Vietnamese intact,
   * a formula-looking error defused. */
  hc_ingestion_page_set_status_filter (page, "failed");
  {
    g_autoptr(GBytes) csv = hc_list_pane_to_csv (pane);
    g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
    g_auto(GStrv) lines = g_strsplit (text + 3, "\r\n", -1);

    g_assert_cmpuint (g_strv_length (lines), ==, 4); /* header, 2 rows, trailing "" */
    g_assert_true (g_str_has_prefix (lines[0], "Name,Agency,Kind,Status,Last Success"));
    g_assert_true (g_str_has_prefix (lines[1], "Hộ tịch — Hà Nội,UBND TP. Hà Nội,Batch,Failed,2026-11-27T08:00:00Z,7200,"));
    g_assert_true (g_str_has_suffix (lines[1], ",\"'=cmd|' /C calc'!A0\""));
    g_assert_true (g_str_has_prefix (lines[2], "Bảo hiểm xã hội,Bảo hiểm xã hội Việt Nam,Batch,Failed,"));
    g_assert_true (g_str_has_suffix (lines[2], ",\"connection reset by peer, \"\"retrying\"\"\""));
  }
  hc_ingestion_page_set_status_filter (page, "all");

  /* Select a row, then a live update changes it in place: it stays selected. */
  selected = hc_item_store_lookup (store, "dat-dai-hcm");
  hc_list_pane_select_item (pane, selected);
  g_assert_true (hc_list_pane_get_selected_item (pane) == selected);
  /* Its error as a hub may send it: text with < and &, shown as text. */
  changed = source_from_json ("dat-dai-hcm", "Đất đai — TP. Hồ Chí Minh", "UBND TP. Hồ Chí Minh", "ok", 12,
                              "502 Bad Gateway <html> & retry");
  g_assert_true (hc_item_store_upsert (store, changed) == selected);
  g_assert_true (hc_list_pane_get_selected_item (pane) == selected);
  g_assert_cmpint (hc_source_get_status (HC_SOURCE (selected)), ==, HC_SOURCE_STATUS_OK);
  hc_test_settle (200);
  hc_test_screenshot (GTK_WIDGET (window), "ingestion-page.png");

  /* Retry acts on the selected source; a viewer is refused. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "ingestion.retry", NULL));
  g_assert_cmpstr (retried, ==, "dat-dai-hcm");
  g_clear_pointer (&retried, g_free);
  hc_ingestion_page_set_retry_allowed (page, FALSE, "Viewers cannot retry feeds.");
  gtk_widget_activate_action (GTK_WIDGET (page), "ingestion.retry", NULL);
  g_assert_null (retried);

  /* Escape closes the detail and ends the selection. */
  hc_list_pane_close_detail (pane);
  g_assert_null (hc_list_pane_get_selected_item (pane));

  hc_test_destroy_window (window);
}

#define FSI "\u2068"
#define PDI "\u2069"

/* A source whose name, agency and error carry bidi overrides: every cell,
 * the agency filter and the detail show them as "[U+202E]", isolated. */
/* Within a status, the newest failure first: a feed that failed just now
 * (it last succeeded minutes ago) comes before one failing since dawn. */
static void
test_ingestion_page_newest_failure_first (void)
{
  g_autoptr(HcItemStore) store = make_store ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcIngestionPage *page = HC_INGESTION_PAGE (hc_ingestion_page_new ());
  g_autoptr(HcItem) newly_failed = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  show_page (window, page, store);

  node = json_from_string ("{\"id\":\"y-te\",\"name\":\"Y tế\",\"agency\":\"Bộ Y tế\",\"kind\":\"batch\","
                           "\"status\":\"failed\",\"schedule\":\"0 * * * *\",\"last_success_at\":\"2026-11-27T09:30:00Z\","
                           "\"lag_seconds\":60,\"records_per_second\":0,\"last_run\":null}", &error);
  g_assert_no_error (error);
  newly_failed = hc_parse_source (node, &error);
  g_assert_no_error (error);
  hc_item_store_upsert (store, newly_failed);
  hc_test_settle (100);

  g_assert_cmpuint (n_visible (page), ==, 6);
  g_assert_cmpstr (visible_id (page, 0), ==, "y-te");
  g_assert_true (g_str_equal (visible_id (page, 1), "bhxh") || g_str_equal (visible_id (page, 1), "ho-tich-hn"));

  hc_test_destroy_window (window);
}

static void
test_ingestion_page_hub_text (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_SOURCE);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcIngestionPage *page = HC_INGESTION_PAGE (hc_ingestion_page_new ());
  HcListPane *pane = hc_ingestion_page_get_pane (page);
  GtkDropDown *agencies;

  g_ptr_array_add (items, source_from_json ("trojan", "Nguồn \u202Egnp.exe\u202C", "Sở \u202Bngoài\u202C", "failed", 60,
                                            "lỗi \u2067exe.png\u2069 ở máy chủ"));
  g_ptr_array_add (items, source_from_json ("giao-duc", "Giáo dục", "Bộ Giáo dục và Đào tạo", "ok", 0, NULL));
  hc_item_store_upsert_many (store, items);
  gtk_window_set_default_size (window, 1600, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  hc_ingestion_page_set_sources (page, G_LIST_MODEL (store));
  hc_list_pane_set_state (pane, HC_LIST_PANE_READY, NULL);
  gtk_window_present (window);
  hc_test_wait_mapped (GTK_WIDGET (page));
  hc_test_settle (200);

  {
    GtkWidget *view = GTK_WIDGET (hc_list_pane_get_view (pane));
    g_autofree char *name = hc_test_find_text (view, "Nguồn");
    g_autofree char *agency = hc_test_find_text (view, "Sở");
    g_autofree char *error = hc_test_find_text (view, "lỗi");

    g_assert_cmpstr (name, ==, FSI "Nguồn [U+202E]gnp.exe[U+202C]" PDI);
    g_assert_cmpstr (agency, ==, FSI "Sở [U+202B]ngoài[U+202C]" PDI);
    g_assert_cmpstr (error, ==, FSI "lỗi [U+2067]exe.png[U+2069] ở máy chủ" PDI);
    hc_test_assert_nothing_disguised (view);
  }

  /* The agency filter lists the hub's agency as hub text, and still
   * filters by the hub's own words. */
  agencies = GTK_DROP_DOWN (hc_test_find_by_type (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN));
  g_assert_nonnull (agencies);
  hc_ingestion_page_set_agency_filter (page, "Sở \u202Bngoài\u202C");
  g_assert_cmpuint (n_visible (page), ==, 1);
  {
    g_auto(GValue) value = G_VALUE_INIT;

    g_assert_true (gtk_expression_evaluate (gtk_drop_down_get_expression (agencies),
                                            gtk_drop_down_get_selected_item (agencies), &value));
    g_assert_cmpstr (g_value_get_string (&value), ==, FSI "Sở [U+202B]ngoài[U+202C]" PDI);
  }
  hc_test_settle (100);
  hc_test_assert_nothing_disguised (GTK_WIDGET (agencies));

  /* Status pages and toasts read Pango markup in libadwaita 1.2: a hub's
   * error with "<" and "&" is escaped for them (a parse error would warn,
   * and warnings are fatal here). */
  hc_list_pane_set_state (pane, HC_LIST_PANE_ERROR, "The hub reported an error: 502 <html> & retry");
  {
    const char *escaped = "The hub reported an error: 502 &lt;html&gt; &amp; retry";
    gboolean found = FALSE;
    g_autoptr(AdwToast) toast = g_object_ref_sink (hc_toast_new ("502 <html> & retry"));

    /* The error page is a sibling of the empty page in the pane's stack. */
    for (GtkWidget *w = hc_test_find_by_type (GTK_WIDGET (pane), ADW_TYPE_STATUS_PAGE); w != NULL;
         w = gtk_widget_get_next_sibling (w))
      found |= ADW_IS_STATUS_PAGE (w) && g_strcmp0 (adw_status_page_get_description (ADW_STATUS_PAGE (w)), escaped) == 0;
    g_assert_true (found);
    g_assert_cmpstr (adw_toast_get_title (toast), ==, "502 &lt;html&gt; &amp; retry");
  }
  hc_list_pane_set_state (pane, HC_LIST_PANE_READY, NULL);

  /* The detail. */
  hc_list_pane_select_item (pane, hc_item_store_lookup (store, "trojan"));
  hc_test_settle (200);
  hc_test_screenshot (GTK_WIDGET (window), "ingestion-page-hub-text.png");
  hc_test_assert_nothing_disguised (GTK_WIDGET (window));

  hc_test_destroy_window (window);
}

/* Every row shows the feed now at its place: its name, and its status in
 * the badge beside it. */
static void
assert_rows_in_step (HcIngestionPage *page, GtkWidget *view)
{
  GListModel *visible = hc_list_pane_get_visible_model (hc_ingestion_page_get_pane (page));
  GtkWidget *rows = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(HcSource) source = g_list_model_get_item (visible, i);
      GtkWidget *name = hc_test_find_label (view, hc_source_get_name (source));
      GtkWidget *row, *at;
      guint place = 0;

      g_assert_nonnull (name);
      row = gtk_widget_get_parent (gtk_widget_get_parent (name));
      if (rows == NULL)
        rows = gtk_widget_get_parent (row);
      for (at = gtk_widget_get_first_child (rows); at != row; at = gtk_widget_get_next_sibling (at))
        place++;
      g_assert_cmpuint (place, ==, i);
      g_assert_nonnull (hc_test_find_label (row, hc_source_status_label (hc_source_get_status (source))));
    }
}

/* A feed that is fine and runs again (a newer last success) stays at its
 * place: with thousands of feeds running, rows that jumped at every
 * success could be neither read nor clicked. A feed that fails still
 * goes to the top, and back to its place among the fine ones after. */
static HcItem *
feed_at (const char *id, const char *name, const char *status, const char *last_success)
{
  g_autofree char *json = g_strdup_printf ("{\"id\":\"%s\",\"name\":\"%s\",\"agency\":\"Bộ Tài chính\","
                                           "\"kind\":\"stream\",\"status\":\"%s\",\"schedule\":\"* * * * *\","
                                           "\"last_success_at\":\"%s\",\"lag_seconds\":5,"
                                           "\"records_per_second\":3,\"last_run\":null}", id, name, status, last_success);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  HcItem *item;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  item = hc_parse_source (node, &error);
  g_assert_no_error (error);
  return item;
}

static void
test_ingestion_page_fine_feeds_still (void)
{
  g_autoptr(HcItemStore) store = make_store ();
  g_autoptr(GPtrArray) fine = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcIngestionPage *page = HC_INGESTION_PAGE (hc_ingestion_page_new ());
  const char *order[] = { "thue-1", "thue-2", "thue-3", "dan-cu-hn" };
  guint first_fine;

  hc_item_store_set_announce_updates (store, TRUE);
  g_ptr_array_add (fine, feed_at ("thue-1", "Thuế 1", "ok", "2026-11-27T08:01:00Z"));
  g_ptr_array_add (fine, feed_at ("thue-2", "Thuế 2", "ok", "2026-11-27T08:03:00Z"));
  g_ptr_array_add (fine, feed_at ("thue-3", "Thuế 3", "ok", "2026-11-27T08:02:00Z"));
  hc_item_store_upsert_many (store, fine);
  show_page (window, page, store);
  hc_test_settle (100);

  /* The four fine feeds come last, in the hub's order (dan-cu-hn first
   * in the store, its place kept among them whatever the times). */
  g_assert_cmpuint (n_visible (page), ==, 8);
  first_fine = n_visible (page) - 4;
  g_assert_cmpstr (visible_id (page, first_fine), ==, "dan-cu-hn");
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (visible_id (page, first_fine + 1 + i), ==, order[i]);

  /* thue-3 and thue-1 run again: nothing moves. */
  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(HcItem) ran = feed_at (round == 0 ? "thue-3" : "thue-1", round == 0 ? "Thuế 3" : "Thuế 1", "ok",
                                       round == 0 ? "2026-11-27T09:00:00Z" : "2026-11-27T09:05:00Z");

      hc_item_store_upsert (store, ran);
      hc_test_settle (50);
      g_assert_cmpstr (visible_id (page, first_fine), ==, "dan-cu-hn");
      for (guint i = 0; i < 3; i++)
        g_assert_cmpstr (visible_id (page, first_fine + 1 + i), ==, order[i]);
    }

  /* thue-2 fails: first of all, the newest failure; fine again, back to
   * its place. */
  {
    g_autoptr(HcItem) failed = feed_at ("thue-2", "Thuế 2", "failed", "2026-11-27T09:08:00Z");
    g_autoptr(HcItem) again = feed_at ("thue-2", "Thuế 2", "ok", "2026-11-27T09:10:00Z");

    hc_item_store_upsert (store, failed);
    hc_test_settle (50);
    g_assert_cmpstr (visible_id (page, 0), ==, "thue-2");
    hc_item_store_upsert (store, again);
    hc_test_settle (50);
    g_assert_cmpstr (visible_id (page, first_fine + 2), ==, "thue-2");
  }

  hc_test_destroy_window (window);
}

/* Feeds re-sort as they run: the rows stay where they are and each shows
 * the feed now at its place (HcRowSlots with the cells of
 * ui/hc-source-cells.c), the row selected follows its feed. */
static void
test_ingestion_page_rows_follow (void)
{
  g_autoptr(HcItemStore) store = make_store ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcIngestionPage *page = HC_INGESTION_PAGE (hc_ingestion_page_new ());
  HcListPane *pane = hc_ingestion_page_get_pane (page);
  GtkWidget *view = GTK_WIDGET (hc_list_pane_get_view (pane));
  HcItem *selected;
  g_autoptr(GtkWidget) first_name = NULL;

  /* As a hub's stores do: a feed changed in place is announced, so the
   * list sorts it again. */
  hc_item_store_set_announce_updates (store, TRUE);
  show_page (window, page, store);
  hc_test_settle (100);
  assert_rows_in_step (page, view);
  first_name = g_object_ref (hc_test_find_label (view, "Hộ tịch — Hà Nội"));

  /* The feed at the bottom (all well) fails now: it moves to the top,
   * the newest failure, and the rows it passes show the feeds now there. */
  g_assert_cmpstr (visible_id (page, 4), ==, "dan-cu-hn");
  selected = hc_item_store_lookup (store, "bhxh");
  hc_list_pane_select_item (pane, selected);
  {
    g_autoptr(JsonNode) node = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(HcItem) failed = NULL;

    node = json_from_string ("{\"id\":\"dan-cu-hn\",\"name\":\"Dân cư — Hà Nội\",\"agency\":\"UBND TP. Hà Nội\","
                             "\"kind\":\"batch\",\"status\":\"failed\",\"schedule\":\"0 * * * *\","
                             "\"last_success_at\":\"2026-11-27T09:30:00Z\",\"lag_seconds\":60,"
                             "\"records_per_second\":0,\"last_run\":null}", &error);
    g_assert_no_error (error);
    failed = hc_parse_source (node, &error);
    g_assert_no_error (error);
    hc_item_store_upsert (store, failed);
  }
  g_assert_cmpstr (visible_id (page, 0), ==, "dan-cu-hn");
  assert_rows_in_step (page, view);
  g_assert_true (hc_list_pane_get_selected_item (pane) == (gpointer) selected);
  /* No row widget was made anew: the name cell that showed a feed is
   * still in the list, showing whichever feed is at its place now. */
  g_assert_true (gtk_widget_get_root (first_name) == GTK_ROOT (window));

  /* Its row's cells tell the whole error and the exact time of the last
   * success when asked (the pointer resting on them). */
  {
    GtkWidget *error = hc_test_find_label (view, "connection reset by peer");
    GtkWidget *success = NULL;

    g_assert_nonnull (error);
    g_assert_true (gtk_widget_get_has_tooltip (error) && hc_test_query_tooltip (error));
    for (GtkWidget *cell = gtk_widget_get_first_child (gtk_widget_get_parent (gtk_widget_get_parent (error)));
         cell != NULL && success == NULL; cell = gtk_widget_get_next_sibling (cell))
      if (GTK_IS_INSCRIPTION (gtk_widget_get_first_child (cell)) &&
          g_str_has_suffix (gtk_inscription_get_text (GTK_INSCRIPTION (gtk_widget_get_first_child (cell))), "ago"))
        success = gtk_widget_get_first_child (cell);
    g_assert_nonnull (success);
    g_assert_true (gtk_widget_get_has_tooltip (success) && hc_test_query_tooltip (success));
  }

  /* And back to all well: to the bottom again. */
  {
    g_autoptr(HcItem) ok = source_from_json ("dan-cu-hn", "Dân cư — Hà Nội", "UBND TP. Hà Nội", "ok", 30, NULL);

    hc_item_store_upsert (store, ok);
  }
  g_assert_cmpstr (visible_id (page, 4), ==, "dan-cu-hn");
  assert_rows_in_step (page, view);
  g_assert_true (hc_list_pane_get_selected_item (pane) == (gpointer) selected);

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
  g_test_add_func ("/ingestion-page/list", test_ingestion_page);
  g_test_add_func ("/ingestion-page/hub-text", test_ingestion_page_hub_text);
  g_test_add_func ("/ingestion-page/newest-failure-first", test_ingestion_page_newest_failure_first);
  g_test_add_func ("/ingestion-page/fine-feeds-still", test_ingestion_page_fine_feeds_still);
  g_test_add_func ("/ingestion-page/rows-follow", test_ingestion_page_rows_follow);
  return g_test_run ();
}
