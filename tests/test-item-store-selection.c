/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <string.h>

#include "hc-item-store.h"
#include "hc-parser.h"

/*
 * What the core tests can only infer, with the real GTK models the views
 * use: a GtkSingleSelection over a sorted HcItemStore keeps its selected
 * object through refreshes, and the properties sort through
 * GtkPropertyExpression. No window is needed.
 */

static HcItem *
make_source (const char *id,
             const char *name,
             gint64      lag)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\": \"%s\", \"name\": \"%s\", \"agency\": \"A\", \"kind\": \"stream\", \"status\": \"ok\","
    " \"schedule\": \"continuous\", \"last_success_at\": null, \"lag_seconds\": %" G_GINT64_FORMAT ","
    " \"records_per_second\": 1, \"last_run\": null}", id, name, lag);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(JsonNode) node = hc_parse_json_bytes (bytes, NULL);
  g_autoptr(GError) error = NULL;
  HcItem *item = hc_parse_source (node, &error);

  g_assert_no_error (error);
  return item;
}

static GPtrArray *
make_sources (guint first,
              guint n,
              guint step,
              gint64 lag)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = first; i < first + n; i += step)
    {
      g_autofree char *id = g_strdup_printf ("s%05u", i);
      g_autofree char *name = g_strdup_printf ("Source %05u", i);

      g_ptr_array_add (items, make_source (id, name, lag + i));
    }

  return items;
}

static void
check_selection_survives (guint    step,
                          gboolean announce)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_SOURCE);
  GtkSorter *sorter = GTK_SORTER (gtk_string_sorter_new (gtk_property_expression_new (HC_TYPE_SOURCE, NULL, "name")));
  GtkSortListModel *sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (store)), sorter);
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  g_autoptr(GPtrArray) first = make_sources (0, 1000, 1, 0);
  g_autoptr(GPtrArray) second = make_sources (1, 1200, step, 100);
  HcItem *chosen;
  guint position;

  gtk_single_selection_set_autoselect (selection, FALSE);
  hc_item_store_set_announce_updates (store, announce);
  hc_item_store_replace_all (store, first);

  /* Select s00501 (kept by both refreshes below: odd, and step 1 or 2 from 1). */
  chosen = hc_item_store_lookup (store, "s00501");
  for (position = 0; position < g_list_model_get_n_items (G_LIST_MODEL (selection)); position++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (selection), position);

      if (item == (GObject *) chosen)
        break;
    }
  gtk_single_selection_set_selected (selection, position);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) chosen);

  /* A refresh that removes, updates and adds. */
  hc_item_store_replace_all (store, second);

  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) chosen);
  g_assert_true (hc_item_store_lookup (store, "s00501") == chosen);
  g_assert_cmpint (hc_source_get_lag_seconds (HC_SOURCE (chosen)), ==, 601);

  /* Sorted by the name property: s00001 first. */
  {
    g_autoptr(HcItem) top = g_list_model_get_item (G_LIST_MODEL (selection), 0);

    g_assert_cmpstr (hc_item_get_id (top), ==, "s00001");
  }
}

static void
test_selection_survives_runs (void)
{
  /* Contiguous removals: one items-changed per run. */
  check_selection_survives (1, FALSE);
  check_selection_survives (1, TRUE);
}

static void
test_selection_survives_scattered (void)
{
  /* Every other item goes: the one-change path. */
  check_selection_survives (2, FALSE);
  check_selection_survives (2, TRUE);
}

static void
test_numeric_sort (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_SOURCE);
  GtkSorter *sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (HC_TYPE_SOURCE, NULL, "lag-seconds")));
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HcItem) top = NULL;
  g_autoptr(HcItem) faster = make_source ("b", "B", 1);
  g_autoptr(HcItem) slower = make_source ("b", "B", 700);

  gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (store)), sorter);
  g_ptr_array_add (items, make_source ("a", "A", 10));
  g_ptr_array_add (items, make_source ("b", "B", 500));
  g_ptr_array_add (items, make_source ("c", "C", 20));
  hc_item_store_replace_all (store, items);

  top = g_list_model_get_item (G_LIST_MODEL (sorted), 0);
  g_assert_cmpstr (hc_item_get_id (top), ==, "b");
  g_clear_object (&top);

  /*
   * GtkSortListModel caches sort keys and does not watch item properties:
   * a plain in-place update leaves the order stale...
   */
  hc_item_store_upsert (store, faster);
  top = g_list_model_get_item (G_LIST_MODEL (sorted), 0);
  g_assert_cmpstr (hc_item_get_id (top), ==, "b");
  g_clear_object (&top);

  /* ...an announced one re-sorts the item. */
  hc_item_store_set_announce_updates (store, TRUE);
  hc_item_store_upsert (store, slower);
  hc_item_store_upsert (store, faster);
  top = g_list_model_get_item (G_LIST_MODEL (sorted), 0);
  g_assert_cmpstr (hc_item_get_id (top), ==, "c");
}

static void
test_selection_survives_resort (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_SOURCE);
  GtkSorter *sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (HC_TYPE_SOURCE, NULL, "lag-seconds")));
  GtkSortListModel *sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (store)), sorter);
  g_autoptr(GtkSingleSelection) selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  g_autoptr(GPtrArray) items = make_sources (0, 100, 1, 0);
  g_autoptr(HcItem) slow = make_source ("s00000", "Source 00000", 1000);
  HcItem *chosen;

  hc_item_store_set_announce_updates (store, TRUE);
  hc_item_store_replace_all (store, items);
  chosen = hc_item_store_lookup (store, "s00000");
  gtk_single_selection_set_selected (selection, 0);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) chosen);

  /* It moves from the top to the bottom and stays selected. */
  hc_item_store_upsert (store, slow);
  g_assert_cmpuint (gtk_single_selection_get_selected (selection), ==, 99);
  g_assert_true (gtk_single_selection_get_selected_item (selection) == (gpointer) chosen);
}

static void
test_severity_rank_sort (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_ALERT);
  GtkSorter *sorter = GTK_SORTER (gtk_numeric_sorter_new (gtk_property_expression_new (HC_TYPE_ALERT, NULL, "severity-rank")));
  g_autoptr(GtkSortListModel) sorted = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const char *severities[] = { "medium", "critical", "low", "high" };
  const char *expected[] = { "critical", "high", "medium", "low" };

  gtk_numeric_sorter_set_sort_order (GTK_NUMERIC_SORTER (sorter), GTK_SORT_DESCENDING);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (store)), sorter);

  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"id\": \"al-%u\", \"severity\": \"%s\", \"category\": \"ddos\", \"title\": \"t\","
        " \"description\": \"\", \"asset\": \"a\", \"source_ip\": null, \"detected_at\": \"2026-01-05T08:00:00Z\","
        " \"state\": \"open\", \"acknowledged_by\": null, \"acknowledged_at\": null, \"resolved_by\": null,"
        " \"resolved_at\": null, \"resolution\": null, \"events_count\": 1}", i, severities[i]);
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      g_autoptr(JsonNode) node = hc_parse_json_bytes (bytes, NULL);
      g_autoptr(GError) error = NULL;
      HcItem *item = hc_parse_alert (node, &error);

      g_assert_no_error (error);
      g_ptr_array_add (items, item);
    }
  hc_item_store_replace_all (store, items);

  /* The integer twin sorts where the enum property cannot. */
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(HcAlert) alert = g_list_model_get_item (G_LIST_MODEL (sorted), i);

      g_assert_cmpstr (hc_enum_to_nick (HC_TYPE_SEVERITY, hc_alert_get_severity (alert)), ==, expected[i]);
    }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/item-store-selection/survives-runs", test_selection_survives_runs);
  g_test_add_func ("/item-store-selection/survives-scattered", test_selection_survives_scattered);
  g_test_add_func ("/item-store-selection/numeric-sort", test_numeric_sort);
  g_test_add_func ("/item-store-selection/survives-resort", test_selection_survives_resort);
  g_test_add_func ("/item-store-selection/severity-rank-sort", test_severity_rank_sort);

  return g_test_run ();
}
