/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "hc-format.h"

#define NOW ((gint64) 1795000000) /* a fixed instant, so results do not drift */

static void
test_format_count_and_score (void)
{
  g_autofree char *zero = hc_format_count (0);
  g_autofree char *neg = hc_format_count (-42);
  g_autofree char *score = hc_format_score (97.25);
  g_autofree char *full = hc_format_score (100);

  g_assert_cmpstr (zero, ==, "0");
  g_assert_cmpstr (neg, ==, "-42");
  g_assert_cmpstr (score, ==, "97.2");
  g_assert_cmpstr (full, ==, "100.0");
}

static void
test_format_duration (void)
{
  static const struct { gint64 s; const char *text; } cases[] = {
    { -5, "0 s" }, { 0, "0 s" }, { 59, "59 s" }, { 60, "1 min" }, { 3599, "59 min" },
    { 3600, "1 h" }, { 3660, "1 h 1 min" }, { 86399, "23 h 59 min" },
    { 86400, "1 d" }, { 90000, "1 d 1 h" }, { 10 * 86400 + 7200, "10 d 2 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hc_format_duration (cases[i].s);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_relative (void)
{
  static const struct { gint64 ago; const char *text; } cases[] = {
    { 0, "just now" }, { 44, "just now" }, { 60, "1 minute ago" }, { 150, "3 minutes ago" },
    { 3599, "60 minutes ago" }, { 3600, "1 hour ago" }, { 7300, "2 hours ago" },
    { 86400, "1 day ago" }, { 3 * 86400 + 5, "3 days ago" }, { -300, "in 5 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hc_format_relative (NOW - cases[i].ago, NOW);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *never = hc_format_relative (0, NOW);
    g_assert_cmpstr (never, ==, "never");
  }
}

static void
test_format_time_and_updated (void)
{
  g_autofree char *today = hc_format_time (NOW - 60, NOW);
  g_autofree char *earlier = hc_format_time (NOW - 40 * 86400, NOW);
  g_autofree char *updated = hc_format_updated (NOW - 180, NOW);
  g_autofree char *never = hc_format_updated (0, NOW);

  /* TZ=UTC is set in main(), so the wall clock is known. */
  g_assert_cmpstr (today, ==, "11:05");
  g_assert_cmpstr (earlier, ==, "9 Oct 2026, 11:06");
  g_assert_cmpstr (updated, ==, "Updated 11:03 (3 minutes ago)");
  g_assert_cmpstr (never, ==, "Not updated yet");
}

static void
test_format_bytes_and_rate (void)
{
  g_autofree char *kb = hc_format_bytes (1500);
  g_autofree char *tb = hc_format_bytes (G_GUINT64_CONSTANT (2500000000000));
  g_autofree char *slow = hc_format_rate (2.54);
  g_autofree char *fast = hc_format_rate (1250.4);
  g_autofree char *negative = hc_format_rate (-1);

  g_assert_cmpstr (kb, ==, "1.5\u00a0kB");
  g_assert_cmpstr (tb, ==, "2.5\u00a0TB");
  g_assert_cmpstr (slow, ==, "2.5 rec/s");
  g_assert_cmpstr (fast, ==, "1250 rec/s");
  g_assert_cmpstr (negative, ==, "0.0 rec/s");
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/count-and-score", test_format_count_and_score);
  g_test_add_func ("/format/duration", test_format_duration);
  g_test_add_func ("/format/relative", test_format_relative);
  g_test_add_func ("/format/time-and-updated", test_format_time_and_updated);
  g_test_add_func ("/format/bytes-and-rate", test_format_bytes_and_rate);
  return g_test_run ();
}
