/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hubs summed for the Overview: figures only from the hubs read, scores
 * weighted by datasets, the small print naming each hub not read, and
 * good news only when every hub was read and is live. */
#include "config.h"

#include <locale.h>

#include "hc-hub-totals.h"

#define NOW ((gint64) 1800000000)

/* A hub whose every part was read from its lists, @live or not. */
static HcHubSummary *
read_hub (gboolean live)
{
  HcHubSummary *s = g_new0 (HcHubSummary, 1);

  for (guint part = 0; part < HC_SUMMARY_N_PARTS; part++)
    {
      s->origin[part] = HC_SUMMARY_FROM_LISTS;
      s->as_of[part] = NOW - 60;
    }
  s->live = live;
  return s;
}

static void
test_totals_sum (void)
{
  g_autoptr(HcHubTotals) t = hc_hub_totals_new ();
  g_autoptr(HcHubSummary) a = read_hub (TRUE);
  g_autoptr(HcHubSummary) b = read_hub (TRUE);
  g_autofree char *verdict = NULL;

  a->sources[HC_SOURCE_STATUS_FAILED] = 2;
  a->sources[HC_SOURCE_STATUS_OK] = 10;
  b->sources[HC_SOURCE_STATUS_OK] = 5;
  /* 1 dataset at 90 and 3 at 50: the mean of the 4 is 60, not 70. */
  a->datasets = 1;
  a->score[HC_CRITERION_LIVE] = 90;
  a->overall = 90;
  b->datasets = 3;
  b->score[HC_CRITERION_LIVE] = 50;
  b->overall = 50;
  a->used_bytes = 100;
  a->capacity_bytes = 1000;
  b->used_bytes = 300;
  b->capacity_bytes = 1000;
  a->alerts_open[HC_SEVERITY_HIGH] = 1;
  a->alerts_open_total = 1;
  b->alerts_open[HC_SEVERITY_HIGH] = 2;
  b->alerts_open_total = 2;

  hc_hub_totals_add (t, a, "Hà Nội", NOW);
  hc_hub_totals_add (t, b, "Đà Nẵng", NOW);

  g_assert_cmpuint (t->n_hubs, ==, 2);
  g_assert_cmpint (t->sum.sources[HC_SOURCE_STATUS_FAILED], ==, 2);
  g_assert_cmpint (t->sum.sources[HC_SOURCE_STATUS_OK], ==, 15);
  g_assert_cmpint (t->sum.datasets, ==, 4);
  g_assert_cmpfloat_with_epsilon (hc_hub_totals_get_score (t, HC_CRITERION_LIVE), 60, 1e-9);
  g_assert_cmpfloat_with_epsilon (hc_hub_totals_get_score (t, 4), 60, 1e-9);
  g_assert_cmpuint (t->sum.used_bytes, ==, 400);
  g_assert_cmpuint (t->sum.capacity_bytes, ==, 2000);
  g_assert_cmpint (t->sum.alerts_open[HC_SEVERITY_HIGH], ==, 3);
  g_assert_cmpint (t->sum.alerts_open_total, ==, 3);
  /* Both read from their lists and live: nothing to say, all clear allowed. */
  g_assert_null (hc_hub_totals_get_note (t, HC_SUMMARY_SOURCES));
  g_assert_true (hc_hub_totals_all_clear_allowed (t, HC_SUMMARY_POOLS));
  verdict = hc_hub_totals_quiet_verdict (t, HC_SUMMARY_POOLS, "clear", "unknown", "stale");
  g_assert_cmpstr (verdict, ==, "clear");

  /* Cleared, it is as new. */
  hc_hub_totals_clear (t);
  g_assert_cmpuint (t->n_hubs, ==, 0);
  g_assert_cmpint (t->sum.sources[HC_SOURCE_STATUS_OK], ==, 0);
}

static void
test_totals_unknown_is_not_zero (void)
{
  g_autoptr(HcHubTotals) t = hc_hub_totals_new ();
  g_autoptr(HcHubSummary) a = read_hub (TRUE);
  g_autoptr(HcHubSummary) b = read_hub (TRUE);
  g_autofree char *verdict = NULL;
  const char *note;

  a->sources[HC_SOURCE_STATUS_OK] = 3;
  b->origin[HC_SUMMARY_SOURCES] = HC_SUMMARY_UNKNOWN;
  b->sources[HC_SOURCE_STATUS_FAILED] = 99;   /* never counted: not read */
  b->note[HC_SUMMARY_SOURCES] = g_strdup ("Not read: refused.");
  b->origin[HC_SUMMARY_QUALITY] = HC_SUMMARY_UNKNOWN;
  a->origin[HC_SUMMARY_QUALITY] = HC_SUMMARY_UNKNOWN;

  hc_hub_totals_add (t, a, "Hà Nội", NOW);
  hc_hub_totals_add (t, b, "Đà Nẵng", NOW);

  g_assert_true (hc_hub_totals_known (t, HC_SUMMARY_SOURCES));
  g_assert_false (hc_hub_totals_all_clear_allowed (t, HC_SUMMARY_SOURCES));
  g_assert_cmpint (t->sum.sources[HC_SOURCE_STATUS_FAILED], ==, 0);
  note = hc_hub_totals_get_note (t, HC_SUMMARY_SOURCES);
  g_assert_cmpstr (note, ==, "Đà Nẵng: Not read: refused.");
  verdict = hc_hub_totals_quiet_verdict (t, HC_SUMMARY_SOURCES, "clear", "unknown", "stale");
  g_assert_cmpstr (verdict, ==, "Not known for 1 hub");
  g_clear_pointer (&verdict, g_free);

  /* Quality read from neither hub: not known, and no score at all. */
  g_assert_false (hc_hub_totals_known (t, HC_SUMMARY_QUALITY));
  g_assert_cmpfloat (hc_hub_totals_get_score (t, HC_CRITERION_CORRECT), ==, -1);
  verdict = hc_hub_totals_quiet_verdict (t, HC_SUMMARY_QUALITY, "clear", "unknown", "stale");
  g_assert_cmpstr (verdict, ==, "unknown");
}

static void
test_totals_stale_and_empty (void)
{
  g_autoptr(HcHubTotals) t = hc_hub_totals_new ();
  g_autoptr(HcHubSummary) a = read_hub (FALSE);
  g_autofree char *verdict = NULL;
  g_autofree char *none = NULL;

  /* No hub in scope: nothing is known, least of all that all is well. */
  none = hc_hub_totals_quiet_verdict (t, HC_SUMMARY_ALERTS, "clear", "unknown", "stale");
  g_assert_cmpstr (none, ==, "unknown");

  /* Read once but offline now: "when last read", and the note says when. */
  hc_hub_totals_add (t, a, NULL, NOW);
  g_assert_false (hc_hub_totals_all_clear_allowed (t, HC_SUMMARY_ALERTS));
  verdict = hc_hub_totals_quiet_verdict (t, HC_SUMMARY_ALERTS, "clear", "unknown", "stale");
  g_assert_cmpstr (verdict, ==, "stale");
  g_assert_nonnull (strstr (hc_hub_totals_get_note (t, HC_SUMMARY_ALERTS), "Counted from the hub’s lists ("));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hub-totals/sum", test_totals_sum);
  g_test_add_func ("/hub-totals/unknown-is-not-zero", test_totals_unknown_is_not_zero);
  g_test_add_func ("/hub-totals/stale-and-empty", test_totals_stale_and_empty);
  return g_test_run ();
}
