/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Agencies' figures over datasets and feeds whose answer is known exactly. */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <json-glib/json-glib.h>

#include "hc-agency.h"
#include "hc-dataset.h"
#include "hc-parser.h"
#include "hc-source.h"
#include "hc-test-parse.h"

/* 2026-01-05T12:00:00Z: a 7-day period starts on 2025-12-29. */
#define NOW ((gint64) 1767614400)

static void
add_dataset (GListStore *store,
             const char *id,
             const char *agency,
             gint64      records,
             double      correct,
             double      complete,
             double      clean,
             double      live,
             double      overall,
             const char *history)
{
  g_autofree char *json =
    g_strdup_printf ("{\"id\": \"%s\", \"name\": \"Dataset %s\", \"owner_agency\": \"%s\", \"records\": %" G_GINT64_FORMAT ","
                     " \"checked_at\": \"2026-01-05T06:00:00Z\", \"scores\": {\"correct\": %g, \"complete\": %g,"
                     " \"clean\": %g, \"live\": %g, \"overall\": %g}, \"rules_failed\": 0%s%s%s}",
                     id, id, agency, records, correct, complete, clean, live, overall,
                     history ? ", \"rules\": [], \"failing_samples\": [], \"history\": [" : "",
                     history ? history : "", history ? "]" : "");
  g_autoptr(HcItem) item = hc_test_parse (json, history ? hc_parse_dataset_detail : hc_parse_dataset);

  g_list_store_append (store, item);
}

static void
add_source (GListStore *store,
            const char *id,
            const char *agency,
            const char *status)
{
  g_autofree char *json =
    g_strdup_printf ("{\"id\": \"%s\", \"name\": \"Feed %s\", \"agency\": \"%s\", \"kind\": \"batch\","
                     " \"status\": \"%s\", \"schedule\": \"0 * * * *\", \"last_success_at\": null,"
                     " \"lag_seconds\": 0, \"records_per_second\": 0, \"last_run\": null}",
                     id, id, agency, status);
  g_autoptr(HcItem) item = hc_test_parse (json, hc_parse_source);

  g_list_store_append (store, item);
}

#define DAY(date, s) "{\"date\": \"" date "\", \"correct\": " s ", \"complete\": " s ", \"clean\": " s ", \"live\": " s "}"

static GPtrArray *
aggregate (guint period_days)
{
  g_autoptr(GListStore) datasets = g_list_store_new (HC_TYPE_DATASET);
  g_autoptr(GListStore) sources = g_list_store_new (HC_TYPE_SOURCE);
  HcAgencyParams params = { .warning_below = 80, .critical_below = 60, .period_days = period_days, .now = NOW };

  /* Bộ Tư pháp: 100 and 300 records (and one empty dataset that weighs
   * nothing); only the first one's history is known. */
  add_dataset (datasets, "d1", "Bộ Tư pháp", 100, 90, 80, 70, 60, 75,
               DAY ("2025-12-20", "10") "," DAY ("2025-12-29", "70") "," DAY ("2025-12-30", "80") ","
               DAY ("2026-01-01", "85") "," DAY ("2026-01-05", "90"));
  add_dataset (datasets, "d2", "Bộ Tư pháp", 300, 50, 60, 70, 40, 55, NULL);
  add_dataset (datasets, "d3", "Bộ Tư pháp", 0, 100, 100, 100, 100, 100, NULL);
  /* Sở Y tế: history that does not reach back to the period's start. */
  add_dataset (datasets, "d4", "Sở Y tế", 1000, 95, 95, 95, 95, 95,
               DAY ("2026-01-04", "94") "," DAY ("2026-01-05", "95"));
  /* No records at all: a plain mean. */
  add_dataset (datasets, "d5", "Zero", 0, 40, 40, 40, 40, 40, NULL);
  add_dataset (datasets, "d6", "Zero", 0, 60, 60, 60, 50, 60, NULL);

  add_source (sources, "s1", "Bộ Tư pháp", "lagging");
  add_source (sources, "s2", "Bộ Tư pháp", "ok");
  add_source (sources, "s3", "Feeds only", "failed");
  add_source (sources, "s4", "Feeds only", "failed");

  return hc_agency_aggregate (G_LIST_MODEL (datasets), G_LIST_MODEL (sources), &params);
}

static void
test_agency_means_and_sort (void)
{
  g_autoptr(GPtrArray) agencies = aggregate (7);
  HcAgency *justice, *zero, *health, *feeds;

  g_assert_cmpuint (agencies->len, ==, 4);
  /* Weakest first; an agency without datasets has no score: last. */
  zero = agencies->pdata[0];
  justice = agencies->pdata[1];
  health = agencies->pdata[2];
  feeds = agencies->pdata[3];
  g_assert_cmpstr (hc_agency_get_name (zero), ==, "Zero");
  g_assert_cmpstr (hc_agency_get_name (justice), ==, "Bộ Tư pháp");
  g_assert_cmpstr (hc_agency_get_name (health), ==, "Sở Y tế");
  g_assert_cmpstr (hc_agency_get_name (feeds), ==, "Feeds only");

  /* (100 × 75 + 300 × 55 + 0 × 100) / 400 */
  g_assert_cmpint (hc_agency_get_datasets (justice), ==, 3);
  g_assert_cmpint (hc_agency_get_records (justice), ==, 400);
  g_assert_cmpfloat (hc_agency_get_overall (justice), ==, 60);
  g_assert_cmpfloat (hc_agency_get_score (justice, HC_CRITERION_CORRECT), ==, 60);
  g_assert_cmpfloat (hc_agency_get_score (justice, HC_CRITERION_COMPLETE), ==, 65);
  g_assert_cmpfloat (hc_agency_get_score (justice, HC_CRITERION_CLEAN), ==, 70);
  g_assert_cmpfloat (hc_agency_get_score (justice, HC_CRITERION_LIVE), ==, 45);
  g_assert_cmpint (hc_agency_get_weakest_criterion (justice), ==, HC_CRITERION_LIVE);
  g_assert_cmpint (hc_agency_get_below_warning (justice), ==, 2);
  g_assert_cmpint (hc_agency_get_below_critical (justice), ==, 1);
  g_assert_cmpint (hc_agency_get_feeds (justice), ==, 2);
  g_assert_cmpint (hc_agency_get_feeds_lagging (justice), ==, 1);
  g_assert_cmpint (hc_agency_get_feeds_failed (justice), ==, 0);

  g_assert_cmpfloat (hc_agency_get_overall (zero), ==, 50);
  g_assert_cmpint (hc_agency_get_weakest_criterion (zero), ==, HC_CRITERION_LIVE);

  /* Unknown is not zero. */
  g_assert_cmpint (hc_agency_get_datasets (feeds), ==, 0);
  g_assert_true (isnan (hc_agency_get_overall (feeds)));
  g_assert_true (isnan (hc_agency_get_change (feeds)));
  g_assert_cmpint (hc_agency_get_weakest_criterion (feeds), ==, -1);
  g_assert_cmpint (hc_agency_get_feeds_failed (feeds), ==, 2);
}

/* No list of feeds: each agency's feed counts are not known (-1), never
 * zero failing; the scores still come from the datasets. */
static void
test_agency_feeds_unknown (void)
{
  g_autoptr(GListStore) datasets = g_list_store_new (HC_TYPE_DATASET);
  HcAgencyParams params = { .warning_below = 80, .critical_below = 60, .period_days = 7, .now = NOW };
  g_autoptr(GPtrArray) agencies = NULL;
  HcAgency *justice;

  add_dataset (datasets, "d1", "Bộ Tư pháp", 100, 90, 80, 70, 60, 75, NULL);
  agencies = hc_agency_aggregate (G_LIST_MODEL (datasets), NULL, &params);
  g_assert_cmpuint (agencies->len, ==, 1);
  justice = agencies->pdata[0];
  g_assert_cmpfloat (hc_agency_get_overall (justice), ==, 75);
  g_assert_cmpint (hc_agency_get_feeds (justice), ==, -1);
  g_assert_cmpint (hc_agency_get_feeds_failed (justice), ==, -1);
  g_assert_cmpint (hc_agency_get_feeds_lagging (justice), ==, -1);
}

static void
test_agency_change (void)
{
  g_autoptr(GPtrArray) week = aggregate (7);
  g_autoptr(GPtrArray) month = aggregate (30);
  HcAgency *justice = week->pdata[1];
  const HcAgencyPoint *trend;
  guint n;

  /* A 7-day period is 30 Dec to 5 Jan, today included (29 Dec is not in
   * it): 80 → 90, from the one dataset whose history is known. */
  g_assert_cmpfloat (hc_agency_get_change (justice), ==, 10);
  g_assert_cmpint (hc_agency_get_change_known (justice), ==, 1);
  trend = hc_agency_get_trend (justice, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpint (trend[0].date, ==, NOW / 86400 * 86400 - 6 * 86400);
  g_assert_cmpfloat (trend[0].scores[4], ==, 80);
  g_assert_cmpfloat (trend[2].scores[4], ==, 90);

  /* The health agency's history starts after the period did: unknown. */
  g_assert_true (isnan (hc_agency_get_change (week->pdata[2])));
  g_assert_cmpint (hc_agency_get_change_known (week->pdata[2]), ==, 0);
  trend = hc_agency_get_trend (week->pdata[2], &n);
  g_assert_cmpuint (n, ==, 2);

  /* Over 30 days no history reaches back to 7 Dec: unknown again. */
  g_assert_cmpstr (hc_agency_get_name (month->pdata[1]), ==, "Bộ Tư pháp");
  g_assert_true (isnan (hc_agency_get_change (month->pdata[1])));
  trend = hc_agency_get_trend (month->pdata[1], &n);
  g_assert_cmpuint (n, ==, 5);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_agency_update (void)
{
  g_autoptr(GPtrArray) week = aggregate (7);
  g_autoptr(GPtrArray) again = aggregate (7);
  g_autoptr(GPtrArray) month = aggregate (30);
  HcAgency *justice = week->pdata[1];
  guint notified = 0;

  g_signal_connect (justice, "notify", G_CALLBACK (count_notify), &notified);
  g_assert_false (hc_agency_update (justice, again->pdata[1]));
  g_assert_cmpuint (notified, ==, 0);
  g_assert_true (hc_agency_update (justice, month->pdata[1]));
  g_assert_cmpuint (notified, >, 0);
  g_assert_true (isnan (hc_agency_get_change (justice)));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/agency/means-and-sort", test_agency_means_and_sort);
  g_test_add_func ("/agency/change", test_agency_change);
  g_test_add_func ("/agency/feeds-unknown", test_agency_feeds_unknown);
  g_test_add_func ("/agency/update", test_agency_update);
  return g_test_run ();
}
