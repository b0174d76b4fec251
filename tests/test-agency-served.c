/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The agency sums a hub serves (GET /quality/agencies on the demo hub)
 * give the figures the console counts itself from every dataset's
 * history; the history reader takes them when a hub serves them, and
 * reads dataset by dataset from a hub that does not. */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "hc-agency-counter.h"
#include "hc-agency-history.h"
#include "hc-agency-private.h"
#include "hc-agency-served.h"
#include "hc-dataset.h"
#include "hc-error.h"
#include "hc-list-page.h"
#include "hc-test-demo-hub.h"

static gboolean have_hub;

/* Every dataset of the hub: as its list serves it (@rows), and with its
 * detail, history included (@details). */
static void
read_datasets (HcClient   *client,
               GListStore *rows,
               GListStore *details)
{
  g_autofree char *cursor = NULL;

  do
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(HcListPage) page = NULL;
      g_autoptr(GError) error = NULL;

      hc_client_list_async (client, HC_LIST_DATASETS, NULL, cursor, 5000, NULL, hc_test_demo_store_result, &result);
      hc_test_demo_spin_until (hc_test_demo_is_set, &result, 30, "a list page");
      page = hc_client_list_finish (client, result, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < page->items->len; i++)
        {
          HcItem *row = page->items->pdata[i];
          g_autoptr(GAsyncResult) detail_result = NULL;
          g_autoptr(HcItem) detail = NULL;

          g_list_store_append (rows, row);
          hc_client_detail_async (client, HC_LIST_DATASETS, hc_item_get_id (row), NULL,
                                  hc_test_demo_store_result, &detail_result);
          hc_test_demo_spin_until (hc_test_demo_is_set, &detail_result, 30, "a dataset's detail");
          detail = hc_client_detail_finish (client, detail_result, &error);
          g_assert_no_error (error);
          g_assert_nonnull (hc_dataset_get_history (HC_DATASET (detail)));
          g_list_store_append (details, detail);
        }
      g_free (cursor);
      cursor = g_strdup (page->next_cursor);
    }
  while (cursor != NULL);
}

static GHashTable *
fetch_served (HcClient *client,
              guint     period)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *table;

  hc_agency_served_fetch_async (client, period, NULL, hc_test_demo_store_result, &result);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result, 60, "the agency sums");
  table = hc_agency_served_fetch_finish (client, result, &error);
  g_assert_no_error (error);
  return table;
}

#define CLOSE(a, b) ((isnan (a) && isnan (b)) || fabs ((a) - (b)) <= 1e-9 * MAX (1.0, fabs (b)))

/* The same agencies with the same figures; sums added in another order
 * may differ in the last bits. */
static void
assert_close (GPtrArray *counted,
              GPtrArray *full)
{
  g_assert_cmpuint (counted->len, ==, full->len);
  for (guint i = 0; i < full->len; i++)
    {
      HcAgency *a = counted->pdata[i];
      HcAgency *b = full->pdata[i];
      const HcAgencyPoint *ta, *tb;
      guint na, nb;

      g_assert_cmpstr (hc_agency_get_name (a), ==, hc_agency_get_name (b));
      g_assert_cmpint (hc_agency_get_datasets (a), ==, hc_agency_get_datasets (b));
      g_assert_cmpint (hc_agency_get_records (a), ==, hc_agency_get_records (b));
      g_assert_cmpint (hc_agency_get_below_warning (a), ==, hc_agency_get_below_warning (b));
      for (guint c = 0; c < 4; c++)
        g_assert_true (CLOSE (hc_agency_get_score (a, c), hc_agency_get_score (b, c)));
      g_assert_true (CLOSE (hc_agency_get_overall (a), hc_agency_get_overall (b)));
      if (!CLOSE (hc_agency_get_change (a), hc_agency_get_change (b)))
        g_error ("%s: change %.12g, counted from the histories %.12g", hc_agency_get_name (a),
                 hc_agency_get_change (a), hc_agency_get_change (b));
      g_assert_cmpint (hc_agency_get_change_known (a), ==, hc_agency_get_change_known (b));
      ta = hc_agency_get_trend (a, &na);
      tb = hc_agency_get_trend (b, &nb);
      g_assert_cmpuint (na, ==, nb);
      for (guint p = 0; p < na; p++)
        {
          g_assert_cmpint (ta[p].date, ==, tb[p].date);
          for (guint c = 0; c < 5; c++)
            g_assert_true (CLOSE (ta[p].scores[c], tb[p].scores[c]));
        }
    }
}

/* The hub's sums over each period equal the console's own count from the
 * datasets' histories. */
static void
test_served_equals_histories (void)
{
  g_autoptr(HcClient) client = NULL;
  g_autoptr(GListStore) rows = g_list_store_new (HC_TYPE_DATASET);
  g_autoptr(GListStore) details = g_list_store_new (HC_TYPE_DATASET);
  static const guint periods[] = { 7, 30, 90 };

  if (!have_hub)
    {
      g_test_skip ("the demo hub is not built");
      return;
    }
  client = hc_test_demo_client (HC_TEST_VIEWER);
  read_datasets (client, rows, details);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), >, 20);

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      HcAgencyParams params = { .warning_below = 80, .critical_below = 60, .period_days = periods[i],
                                .now = g_get_real_time () / G_USEC_PER_SEC };
      g_autoptr(GHashTable) served = fetch_served (client, periods[i]);
      g_autoptr(GPtrArray) full = hc_agency_aggregate (G_LIST_MODEL (details), NULL, &params);
      HcAgencyTally *tally = hc_agency_tally_new (&params);
      g_autoptr(GPtrArray) counted = NULL;
      GHashTableIter iter;
      gpointer name, sums;
      guint with_change = 0;

      for (guint d = 0; d < g_list_model_get_n_items (G_LIST_MODEL (rows)); d++)
        {
          g_autoptr(HcDataset) row = g_list_model_get_item (G_LIST_MODEL (rows), d);
          hc_agency_tally_add_dataset (tally, row, FALSE);
        }
      g_assert_cmpuint (g_hash_table_size (served), ==, full->len);
      g_hash_table_iter_init (&iter, served);
      while (g_hash_table_iter_next (&iter, &name, &sums))
        hc_agency_tally_add_served (tally, name, sums);
      counted = hc_agency_tally_finish (tally, FALSE);
      assert_close (counted, full);
      for (guint a = 0; a < full->len; a++)
        with_change += !isnan (hc_agency_get_change (full->pdata[a]));
      /* Not a vacuous match: a dataset's detail holds its latest 90
       * days, so over 7 and 30 days the change is known (over 90 the
       * period's first day is just out of reach, on both sides). */
      if (periods[i] < 90)
        g_assert_cmpuint (with_change, >, 0);
    }
}

typedef struct {
  HcAgencyHistory *history;
  guint            served;
} ReadWait;

static gboolean
all_known (gpointer data)
{
  ReadWait *wait = data;
  guint total = hc_agency_history_get_total (wait->history);

  return total > 0 && hc_agency_history_get_known (wait->history) == total &&
         hc_agency_history_get_served (wait->history) == wait->served;
}

/* The reader with a hub that serves the sums (@served) or lacks them:
 * every dataset known either way, and the counter's figures those of the
 * datasets' own histories. */
static void
run_reader (gboolean served)
{
  g_autoptr(HcHub) hub = NULL;
  g_autoptr(HcAgencyHistory) history = hc_agency_history_new ();
  g_autoptr(HcAgencyCounter) counter = hc_agency_counter_new ();
  g_autoptr(GPtrArray) hubs = g_ptr_array_new ();
  g_autoptr(HcClient) client = NULL;
  g_autoptr(GListStore) rows = g_list_store_new (HC_TYPE_DATASET);
  g_autoptr(GListStore) details = g_list_store_new (HC_TYPE_DATASET);
  HcAgencyParams params = { .warning_below = 80, .critical_below = 60, .period_days = 30,
                            .now = g_get_real_time () / G_USEC_PER_SEC };
  g_autoptr(GPtrArray) counted = NULL;
  g_autoptr(GPtrArray) full = NULL;
  ReadWait wait = { history, served ? 1 : 0 };

  if (!have_hub)
    {
      g_test_skip ("the demo hub is not built");
      return;
    }
  hc_test_demo_stop (FALSE);
  if (served)
    g_unsetenv ("HC_DEMO_NO_AGENCY_SUMS");
  else
    g_setenv ("HC_DEMO_NO_AGENCY_SUMS", "1", TRUE);
  hc_test_demo_start (0);

  hub = hc_test_demo_new_hub (HC_TEST_VIEWER);
  hc_hub_start (hub);
  hc_test_demo_wait_state (hub, HC_HUB_CONNECTED, 60);
  g_ptr_array_add (hubs, hub);
  hc_agency_counter_set_lists (counter, G_LIST_MODEL (hc_hub_get_datasets (hub)), NULL);
  hc_agency_counter_set_params (counter, &params);
  hc_agency_counter_set_feeds_known (counter, FALSE);
  hc_agency_history_set_counter (history, counter);
  hc_agency_history_set_hubs (history, hubs);
  hc_agency_history_start (history);
  hc_test_demo_spin_until (all_known, &wait, 120, "every dataset's history known");
  g_assert_cmpuint (hc_agency_history_get_failed (history), ==, 0);
  hc_agency_history_stop (history);

  counted = hc_agency_counter_count (counter);
  client = hc_test_demo_client (HC_TEST_VIEWER);
  read_datasets (client, rows, details);
  full = hc_agency_aggregate (G_LIST_MODEL (details), NULL, &params);
  assert_close (counted, full);
  if (!served)
    {
      /* Read dataset by dataset: the rows hold their histories. */
      g_autoptr(HcDataset) first = g_list_model_get_item (G_LIST_MODEL (hc_hub_get_datasets (hub)), 0);
      g_assert_nonnull (hc_dataset_get_history (first));
    }

  hc_agency_history_set_hubs (history, NULL);
  hc_hub_stop (hub);
  g_unsetenv ("HC_DEMO_NO_AGENCY_SUMS");
}

static void
test_reader_served (void)
{
  run_reader (TRUE);
}

static void
test_reader_fallback (void)
{
  run_reader (FALSE);
}

/* Whatever shape a hub's answer takes, the parser names it malformed:
 * no warning (fatal in tests), no crash, and a good page still parses. */
static void
test_malformed (void)
{
  static const char *const pages[] = {
    "[]",
    "{}",
    "{\"items\": 5, \"next_cursor\": null}",
    "{\"items\": [], \"next_cursor\": 7}",
    "{\"items\": [1], \"next_cursor\": null}",
    "{\"items\": [{}], \"next_cursor\": null}",
    "{\"items\": [{\"agency\": 3, \"change\": {}, \"series\": []}], \"next_cursor\": null}",
    "{\"items\": [{\"agency\": \"A\", \"change\": [], \"series\": []}], \"next_cursor\": null}",
    "{\"items\": [{\"agency\": \"A\", \"change\": {\"weight\": 1, \"datasets\": 1, \"overall\": 1}, \"series\": {}}], \"next_cursor\": null}",
    "{\"items\": [{\"agency\": \"A\", \"change\": {\"weight\": 1, \"datasets\": 1e300, \"overall\": 1}, \"series\": []}], \"next_cursor\": null}",
    "{\"items\": [{\"agency\": \"A\", \"change\": {\"weight\": 1, \"datasets\": 1.5, \"overall\": 1}, \"series\": []}], \"next_cursor\": null}",
    "{\"items\": [{\"agency\": \"A\", \"change\": {\"weight\": 1, \"datasets\": 1, \"overall\": \"x\"}, \"series\": []}], \"next_cursor\": null}",
    "{\"items\": [{\"agency\": \"A\", \"change\": {\"weight\": 1, \"datasets\": 1, \"overall\": 1}, \"series\": [{\"date\": 5}]}], \"next_cursor\": null}",
    "{\"items\": [{\"agency\": \"A\", \"change\": {\"weight\": 1, \"datasets\": 1, \"overall\": 1}, \"series\": [{\"date\": {}, \"weight\": 1}]}], \"next_cursor\": null}",
    "{\"items\": [{\"agency\": \"A\", \"change\": {\"weight\": 1, \"datasets\": 1, \"overall\": 1}, \"series\": [{\"date\": \"2026-13-40\", \"weight\": 1}]}], \"next_cursor\": null}",
  };
  static const char good[] =
    "{\"items\": [{\"agency\": \"A\", \"change\": {\"weight\": 2, \"datasets\": 1, \"overall\": null},"
    " \"series\": [{\"date\": \"2026-12-01\", \"weight\": 2, \"correct\": 90, \"complete\": 80,"
    " \"clean\": 70, \"live\": 60, \"overall\": 75}]}], \"next_cursor\": \"next\"}";

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (pages[i], NULL);
      g_autoptr(GHashTable) table = hc_agency_served_table_new ();
      g_autofree char *cursor = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (node);
      g_assert_false (hc_agency_served_parse_page (node, table, &cursor, &error));
      g_assert_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE);
      g_assert_null (cursor);
    }

  {
    g_autoptr(JsonNode) node = json_from_string (good, NULL);
    g_autoptr(GHashTable) table = hc_agency_served_table_new ();
    g_autofree char *cursor = NULL;
    g_autoptr(GError) error = NULL;

    g_assert_true (hc_agency_served_parse_page (node, table, &cursor, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (cursor, ==, "next");
    g_assert_true (g_hash_table_contains (table, "A"));
  }
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_unsetenv ("HC_DEMO_NO_AGENCY_SUMS");
  /* A still hub: the sums and the histories read the same data. */
  hc_test_demo.speed = "0";
  have_hub = hc_test_demo_setup ();
  g_test_add_func ("/agency-served/malformed", test_malformed);
  g_test_add_func ("/agency-served/equals-histories", test_served_equals_histories);
  g_test_add_func ("/agency-served/reader-served", test_reader_served);
  g_test_add_func ("/agency-served/reader-fallback", test_reader_fallback);
  status = g_test_run ();
  if (have_hub)
    hc_test_demo_teardown ();
  return status;
}
