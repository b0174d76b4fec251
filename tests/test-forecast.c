/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The capacity forecast on series whose answer is known exactly. */
#include "config.h"

#include <locale.h>
#include <json-glib/json-glib.h>

#include "hc-forecast.h"
#include "hc-parser.h"
#include "hc-pool.h"

#define DAY   ((gint64) 86400)
#define TB    ((guint64) 1000000000000)
#define D0    ((gint64) 20089) /* 2025-01-01, as a unix day number */

/* @n days from D0 on, starting at @start bytes and changing by @per_day. */
static HcForecastSample *
series (guint   n,
        guint64 start,
        gint64  per_day)
{
  HcForecastSample *samples = g_new0 (HcForecastSample, n);

  for (guint i = 0; i < n; i++)
    {
      samples[i].date = (D0 + i) * DAY;
      samples[i].used_bytes = (guint64) ((gint64) start + per_day * (gint64) i);
    }
  return samples;
}

static void
test_forecast_linear (void)
{
  /* 1 TB growing by 100 GB a day for ten days (D0 to D0 + 9), toward 5 TB:
   * the line reaches it on D0 + 40, 31 days after the last sample. Every
   * number here is exact in a double, so the fit must be exact too. */
  g_autofree HcForecastSample *samples = series (10, TB, TB / 10);
  g_autofree char *words = NULL;
  HcForecast f;

  g_assert_true (hc_forecast_fit (samples, 10, 5 * TB, &f));
  g_assert_true (f.filling);
  g_assert_cmpfloat (f.slope, ==, (double) (TB / 10));
  g_assert_cmpfloat (f.intercept, ==, (double) TB - (double) (TB / 10) * D0);
  g_assert_cmpint (f.last_date, ==, (D0 + 9) * DAY);
  g_assert_cmpint (f.days_left, ==, 31);
  g_assert_cmpint (f.full_date, ==, (D0 + 40) * DAY);
  words = hc_forecast_describe (&f);
  g_assert_cmpstr (words, ==, "Full in about 31 days (10 Feb 2025)");
}

static void
test_forecast_one_day_left (void)
{
  /* The same line toward 2 TB: full on D0 + 10, the day after the last. */
  g_autofree HcForecastSample *samples = series (10, TB, TB / 10);
  g_autofree char *words = NULL;
  HcForecast f;

  g_assert_true (hc_forecast_fit (samples, 10, 2 * TB, &f));
  g_assert_cmpint (f.days_left, ==, 1);
  g_assert_cmpint (f.full_date, ==, (D0 + 10) * DAY);
  words = hc_forecast_describe (&f);
  g_assert_cmpstr (words, ==, "Full in about 1 day (11 Jan 2025)");
}

static void
test_forecast_flat_and_shrinking (void)
{
  g_autofree HcForecastSample *flat = series (30, 3 * TB, 0);
  g_autofree HcForecastSample *shrinking = series (30, 3 * TB, -(gint64) (TB / 100));
  g_autofree char *flat_words = NULL;
  g_autofree char *shrinking_words = NULL;
  HcForecast f;

  /* A forecast, of never. */
  g_assert_true (hc_forecast_fit (flat, 30, 5 * TB, &f));
  g_assert_false (f.filling);
  g_assert_cmpfloat (f.slope, ==, 0.0);
  g_assert_cmpint (f.full_date, ==, 0);
  flat_words = hc_forecast_describe (&f);
  g_assert_cmpstr (flat_words, ==, "Not filling");

  g_assert_true (hc_forecast_fit (shrinking, 30, 5 * TB, &f));
  g_assert_false (f.filling);
  g_assert_cmpfloat (f.slope, ==, -(double) (TB / 100));
  g_assert_cmpint (f.full_date, ==, 0);
  shrinking_words = hc_forecast_describe (&f);
  g_assert_cmpstr (shrinking_words, ==, "Not filling");
}

static void
test_forecast_too_little (void)
{
  g_autofree HcForecastSample *one = series (1, TB, 0);
  HcForecastSample same_day[] = {
    { D0 * DAY, TB },
    { D0 * DAY, 2 * TB },
    { D0 * DAY, 3 * TB },
  };
  HcForecast f;

  /* No samples, one sample, or several of a single day: no line at all. */
  g_assert_false (hc_forecast_fit (NULL, 0, 5 * TB, &f));
  g_assert_false (f.filling);
  g_assert_false (hc_forecast_fit (one, 1, 5 * TB, &f));
  g_assert_false (f.filling);
  g_assert_false (hc_forecast_fit (same_day, G_N_ELEMENTS (same_day), 5 * TB, &f));
  g_assert_false (f.filling);
  g_assert_false (hc_forecast_compute (NULL, 5 * TB, &f));
}

static void
test_forecast_full_now (void)
{
  /* Growing and already past the capacity, by the fit: full now. */
  g_autofree HcForecastSample *samples = series (10, 6 * TB, TB / 10);
  g_autofree char *words = NULL;
  HcForecast f;

  g_assert_true (hc_forecast_fit (samples, 10, 5 * TB, &f));
  g_assert_true (f.filling);
  g_assert_cmpint (f.days_left, ==, 0);
  g_assert_cmpint (f.full_date, ==, f.last_date);
  words = hc_forecast_describe (&f);
  g_assert_cmpstr (words, ==, "Full now");
}

static void
test_forecast_far_away (void)
{
  /* A megabyte a day toward 5 TB: millions of days, said without a date. */
  g_autofree HcForecastSample *samples = series (30, TB, 1000000);
  g_autofree char *words = NULL;
  HcForecast f;

  g_assert_true (hc_forecast_fit (samples, 30, 5 * TB, &f));
  g_assert_true (f.filling);
  g_assert_cmpint (f.days_left, >, 3650);
  words = hc_forecast_describe (&f);
  g_assert_cmpstr (words, ==, "Full in more than ten years");
}

static void
test_forecast_history_window (void)
{
  /* 40 days of a pool's history: ten early days all over the place, then
   * 30 of steady growth. Only the last HC_FORECAST_DAYS count. */
  g_autoptr(GString) json = g_string_new ("{\"id\":\"pool-a\",\"name\":\"A\",\"kind\":\"object\","
                                          "\"state\":\"healthy\",\"capacity_bytes\":5000000000000,"
                                          "\"used_bytes\":0,\"replication\":{\"scheme\":\"3x\","
                                          "\"degraded_objects\":0,\"misplaced_objects\":0},"
                                          "\"read_bps\":0,\"write_bps\":0,\"history\":[");
  g_autofree HcForecastSample *recent = series (HC_FORECAST_DAYS, TB, TB / 10);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) pool = NULL;
  HcForecast from_history, expected;

  for (int i = 0; i < 40; i++)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc ((D0 - 10 + i) * DAY);
      g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");
      guint64 used = i < 10 ? (i % 2 ? 4 * TB : 0) : TB + (guint64) (i - 10) * (TB / 10);

      g_string_append_printf (json, "%s{\"date\":\"%s\",\"used_bytes\":%" G_GUINT64_FORMAT "}",
                              i > 0 ? "," : "", date, used);
    }
  g_string_append (json, "]}");
  node = json_from_string (json->str, &error);
  g_assert_no_error (error);
  pool = hc_parse_pool (node, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hc_pool_get_history (HC_POOL (pool))), ==, 40);

  g_assert_true (hc_forecast_compute (hc_pool_get_history (HC_POOL (pool)), 5 * TB, &from_history));
  g_assert_true (hc_forecast_fit (recent, HC_FORECAST_DAYS, 5 * TB, &expected));
  g_assert_cmpfloat (from_history.slope, ==, (double) (TB / 10));
  g_assert_cmpfloat (from_history.intercept, ==, expected.intercept);
  g_assert_cmpint (from_history.days_left, ==, expected.days_left);
  g_assert_cmpint (from_history.full_date, ==, expected.full_date);
  g_assert_cmpint (from_history.last_date, ==, (D0 + 29) * DAY);
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/forecast/linear", test_forecast_linear);
  g_test_add_func ("/forecast/one-day-left", test_forecast_one_day_left);
  g_test_add_func ("/forecast/flat-and-shrinking", test_forecast_flat_and_shrinking);
  g_test_add_func ("/forecast/too-little", test_forecast_too_little);
  g_test_add_func ("/forecast/full-now", test_forecast_full_now);
  g_test_add_func ("/forecast/far-away", test_forecast_far_away);
  g_test_add_func ("/forecast/history-window", test_forecast_history_window);
  return g_test_run ();
}
