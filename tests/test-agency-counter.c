/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counting only the agencies a change touched gives the figures of a full
 * count, to the last bit, over random changes of the lists. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "hc-agency-counter.h"
#include "hc-dataset.h"
#include "hc-parser.h"
#include "hc-source.h"
#include "hc-test-parse.h"

/* 2026-01-05T12:00:00Z */
#define NOW ((gint64) 1767614400)

static const char * const agencies[] = {
  "Bộ Tư pháp", "Sở Y tế", "Bộ Tài chính", "Tổng cục Thống kê", "Sở Giáo dục", "Zero",
};

static guint next_id;

static double
random_score (void)
{
  return g_test_rand_int_range (0, 1001) / 10.0;
}

/* A dataset of a random agency, records (sometimes none), scores and,
 * one time in two, a history of random days around the periods. */
static HcItem *
random_dataset (const char *id)
{
  const char *agency = agencies[g_test_rand_int_range (0, G_N_ELEMENTS (agencies))];
  gboolean with_history = g_test_rand_bit ();
  gint64 records = g_str_equal (agency, "Zero") ? 0 : g_test_rand_int_range (0, 5) == 0 ? 0
                   : g_test_rand_int_range (1, 100000);
  g_autoptr(GString) json = g_string_new (NULL);
  char buffer[5][G_ASCII_DTOSTR_BUF_SIZE];

  for (guint c = 0; c < 5; c++)
    g_ascii_formatd (buffer[c], sizeof buffer[c], "%.1f", random_score ());
  g_string_append_printf (json, "{\"id\": \"%s\", \"name\": \"Dataset %s\", \"owner_agency\": \"%s\","
                          " \"records\": %" G_GINT64_FORMAT ", \"checked_at\": \"2026-01-05T06:00:00Z\","
                          " \"scores\": {\"correct\": %s, \"complete\": %s, \"clean\": %s, \"live\": %s,"
                          " \"overall\": %s}, \"rules_failed\": 0",
                          id, id, agency, records, buffer[0], buffer[1], buffer[2], buffer[3], buffer[4]);
  if (with_history)
    {
      gint64 day = NOW / 86400 - g_test_rand_int_range (0, 100);

      g_string_append (json, ", \"rules\": [], \"failing_samples\": [], \"history\": [");
      for (gboolean first = TRUE; day <= NOW / 86400; day += g_test_rand_int_range (1, 6), first = FALSE)
        {
          g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (day * 86400);
          g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

          for (guint c = 0; c < 4; c++)
            g_ascii_formatd (buffer[c], sizeof buffer[c], "%.1f", random_score ());
          g_string_append_printf (json, "%s{\"date\": \"%s\", \"correct\": %s, \"complete\": %s, \"clean\": %s,"
                                  " \"live\": %s}", first ? "" : ", ", text, buffer[0], buffer[1], buffer[2],
                                  buffer[3]);
        }
      g_string_append (json, "]");
    }
  g_string_append (json, "}");
  return hc_test_parse (json->str, with_history ? hc_parse_dataset_detail : hc_parse_dataset);
}

static HcItem *
random_source (const char *id)
{
  static const char * const statuses[] = { "ok", "lagging", "failed", "paused" };
  g_autofree char *json =
    g_strdup_printf ("{\"id\": \"%s\", \"name\": \"Feed %s\", \"agency\": \"%s\", \"kind\": \"batch\","
                     " \"status\": \"%s\", \"schedule\": \"0 * * * *\", \"last_success_at\": null,"
                     " \"lag_seconds\": 0, \"records_per_second\": 0, \"last_run\": null}",
                     id, id, agencies[g_test_rand_int_range (0, G_N_ELEMENTS (agencies) - 1)],
                     statuses[g_test_rand_int_range (0, G_N_ELEMENTS (statuses))]);

  return hc_test_parse (json, hc_parse_source);
}

static HcItem *
new_item (GListStore *store)
{
  g_autofree char *id = g_strdup_printf ("x%u", next_id++);

  return g_list_model_get_item_type (G_LIST_MODEL (store)) == HC_TYPE_DATASET ? random_dataset (id) : random_source (id);
}

static gboolean
same_bits (double a,
           double b)
{
  return memcmp (&a, &b, sizeof a) == 0 || (isnan (a) && isnan (b));
}

static void
assert_same (GPtrArray *counted,
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
      for (guint c = 0; c < 4; c++)
        g_assert_true (same_bits (hc_agency_get_score (a, c), hc_agency_get_score (b, c)));
      g_assert_true (same_bits (hc_agency_get_overall (a), hc_agency_get_overall (b)));
      g_assert_true (same_bits (hc_agency_get_change (a), hc_agency_get_change (b)));
      g_assert_cmpint (hc_agency_get_change_known (a), ==, hc_agency_get_change_known (b));
      g_assert_cmpint (hc_agency_get_below_warning (a), ==, hc_agency_get_below_warning (b));
      g_assert_cmpint (hc_agency_get_below_critical (a), ==, hc_agency_get_below_critical (b));
      g_assert_cmpint (hc_agency_get_feeds (a), ==, hc_agency_get_feeds (b));
      g_assert_cmpint (hc_agency_get_feeds_failed (a), ==, hc_agency_get_feeds_failed (b));
      g_assert_cmpint (hc_agency_get_feeds_lagging (a), ==, hc_agency_get_feeds_lagging (b));
      g_assert_cmpint (hc_agency_get_weakest_criterion (a), ==, hc_agency_get_weakest_criterion (b));
      ta = hc_agency_get_trend (a, &na);
      tb = hc_agency_get_trend (b, &nb);
      g_assert_cmpuint (na, ==, nb);
      g_assert_cmpmem (ta, na * sizeof *ta, tb, nb * sizeof *tb);
    }
}

/* One random change of @store: rows in, rows out, rows changed in place
 * (the way a hub's list updates a row: the same object, new values). */
static void
random_change (GListStore *store)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint what = g_test_rand_int_range (0, 4);

  if (n == 0 || what == 0)
    {
      g_autoptr(HcItem) item = new_item (store);
      g_list_store_insert (store, n == 0 ? 0 : g_test_rand_int_range (0, n + 1), item);
    }
  else if (what == 1)
    g_list_store_remove (store, g_test_rand_int_range (0, n));
  else if (what == 2)
    {
      guint position = g_test_rand_int_range (0, n);
      g_autoptr(HcItem) row = g_list_model_get_item (G_LIST_MODEL (store), position);
      g_autoptr(HcItem) fresh = g_list_model_get_item_type (G_LIST_MODEL (store)) == HC_TYPE_DATASET
                                ? random_dataset (hc_item_get_id (row)) : random_source (hc_item_get_id (row));

      hc_item_update_from (row, fresh);
      g_list_model_items_changed (G_LIST_MODEL (store), position, 1, 1);
    }
  else
    {
      guint position = g_test_rand_int_range (0, n);
      guint wanted = g_test_rand_int_range (0, 4);
      guint removed = MIN (n - position, wanted);
      guint added = g_test_rand_int_range (0, 4);
      g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < added; i++)
        g_ptr_array_add (items, new_item (store));
      g_list_store_splice (store, position, removed, items->pdata, items->len);
    }
}

static void
test_counter_random (void)
{
  g_autoptr(GListStore) datasets = g_list_store_new (HC_TYPE_DATASET);
  g_autoptr(GListStore) sources = g_list_store_new (HC_TYPE_SOURCE);
  g_autoptr(HcAgencyCounter) counter = hc_agency_counter_new ();
  HcAgencyParams params = { .warning_below = 80, .critical_below = 60, .period_days = 30, .now = NOW };
  static const guint periods[] = { 7, 30, 90 };

  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(HcItem) dataset = new_item (datasets);
      g_autoptr(HcItem) source = new_item (sources);

      g_list_store_append (datasets, dataset);
      if (i % 3 == 0)
        g_list_store_append (sources, source);
    }
  hc_agency_counter_set_lists (counter, G_LIST_MODEL (datasets), G_LIST_MODEL (sources));

  for (guint step = 0; step < 400; step++)
    {
      g_autoptr(GPtrArray) counted = NULL;
      g_autoptr(GPtrArray) full = NULL;
      gboolean feeds_known = step % 50 < 45;

      if (step % 37 == 36)
        {
          params.period_days = periods[g_test_rand_int_range (0, G_N_ELEMENTS (periods))];
          params.warning_below = g_test_rand_int_range (60, 95);
          params.as_one = g_test_rand_int_range (0, 5) == 0;
        }
      hc_agency_counter_set_params (counter, &params);
      hc_agency_counter_set_feeds_known (counter, feeds_known);
      for (guint i = 0, n = g_test_rand_int_range (1, 4); i < n; i++)
        random_change (g_test_rand_int_range (0, 3) == 0 ? sources : datasets);

      if (step % 2 == 0)
        counted = hc_agency_counter_count (counter);
      else
        {
          /* A few agencies at a time, as the page counts on its own. */
          gboolean more = TRUE;

          while (more)
            {
              g_clear_pointer (&counted, g_ptr_array_unref);
              counted = hc_agency_counter_count_some (counter, g_test_rand_int_range (1, 3), &more);
            }
        }
      full = hc_agency_aggregate (G_LIST_MODEL (datasets), feeds_known ? G_LIST_MODEL (sources) : NULL, &params);
      assert_same (counted, full);
      g_assert_false (hc_agency_counter_get_dirty (counter));
    }
}

/* A row changed in place counts its own agency again, not the others. */
static void
test_counter_only_changed (void)
{
  g_autoptr(GListStore) datasets = g_list_store_new (HC_TYPE_DATASET);
  g_autoptr(HcAgencyCounter) counter = hc_agency_counter_new ();
  HcAgencyParams params = { .warning_below = 80, .critical_below = 60, .period_days = 7, .now = NOW };
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;
  g_autoptr(GPtrArray) third = NULL;
  g_autoptr(HcItem) row = NULL;
  g_autoptr(HcItem) fresh = NULL;
  const char *agency;

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(HcItem) dataset = new_item (datasets);
      g_list_store_append (datasets, dataset);
    }
  hc_agency_counter_set_params (counter, &params);
  hc_agency_counter_set_lists (counter, G_LIST_MODEL (datasets), NULL);
  first = hc_agency_counter_count (counter);
  g_assert_cmpuint (hc_agency_counter_get_last_counted (counter), ==, first->len);
  g_assert_cmpuint (first->len, >, 2);

  /* Nothing changed: nothing counted, the same objects. */
  second = hc_agency_counter_count (counter);
  g_assert_cmpuint (hc_agency_counter_get_last_counted (counter), ==, 0);
  g_assert_cmpuint (second->len, ==, first->len);

  row = g_list_model_get_item (G_LIST_MODEL (datasets), 17);
  agency = g_intern_string (hc_dataset_get_owner_agency (HC_DATASET (row)));
  do
    {
      g_clear_object (&fresh);
      fresh = random_dataset (hc_item_get_id (row));
    }
  while (g_intern_string (hc_dataset_get_owner_agency (HC_DATASET (fresh))) != agency);
  hc_item_update_from (row, fresh);
  g_list_model_items_changed (G_LIST_MODEL (datasets), 17, 1, 1);
  g_assert_true (hc_agency_counter_get_dirty (counter));
  third = hc_agency_counter_count (counter);
  g_assert_cmpuint (hc_agency_counter_get_last_counted (counter), ==, 1);
  {
    g_autoptr(GPtrArray) full = hc_agency_aggregate (G_LIST_MODEL (datasets), NULL, &params);
    assert_same (third, full);
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agency-counter/random", test_counter_random);
  g_test_add_func ("/agency-counter/only-changed", test_counter_only_changed);
  return g_test_run ();
}
