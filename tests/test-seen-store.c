/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSeenStore: new until seen, per hub; a first start marks nothing of a
 * hub's history; a restart (a new store on the same file) neither marks
 * again what was seen nor loses what was not; "Mark all as seen"; a
 * damaged file is an error and an empty store. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "hc-alert.h"
#include "hc-parser.h"

#include "hc-seen-store.h"

static void
on_changed (HcSeenStore *store, const char *hub, guint *n)
{
  (*n)++;
}

static void
test_seen_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hc-seen-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "sub", "seen.ini", NULL);
  g_autoptr(HcSeenStore) store = hc_seen_store_new (path);
  g_autoptr(HcSeenStore) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  g_assert_true (hc_seen_store_load (store, &error));
  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed), &n_changed);

  /* Not watched yet: nothing is new. First watched at 1000: what came before is seen. */
  g_assert_true (hc_seen_store_is_seen (store, "hub-a", "a-1", 900));
  hc_seen_store_start (store, "hub-a", 1000);
  hc_seen_store_start (store, "hub-a", 5000);
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_true (hc_seen_store_is_seen (store, "hub-a", "a-1", 900));
  g_assert_false (hc_seen_store_is_seen (store, "hub-a", "a-2", 1100));
  g_assert_false (hc_seen_store_is_seen (store, "hub-a", "a-3", 1200));

  /* Seen one by one, per hub. */
  hc_seen_store_mark_seen (store, "hub-a", "a-2");
  hc_seen_store_mark_seen (store, "hub-a", "a-2");
  g_assert_cmpuint (n_changed, ==, 2);
  g_assert_true (hc_seen_store_is_seen (store, "hub-a", "a-2", 1100));
  g_assert_false (hc_seen_store_is_seen (store, "hub-a", "a-3", 1200));
  hc_seen_store_start (store, "hub-b", 1000);
  g_assert_false (hc_seen_store_is_seen (store, "hub-b", "a-2", 1100));
  hc_seen_store_start (store, "session:http://127.0.0.1:8470", 1000);
  hc_seen_store_mark_seen (store, "session:http://127.0.0.1:8470", "a-2");

  /* A restart keeps both the seen and the unseen. */
  g_assert_true (hc_seen_store_save (store, &error));
  g_assert_no_error (error);
  again = hc_seen_store_new (path);
  g_assert_true (hc_seen_store_load (again, &error));
  g_assert_no_error (error);
  hc_seen_store_start (again, "hub-a", 9000);
  /* The demo hub's (a session hub's) marks were not written. */
  hc_seen_store_start (again, "session:http://127.0.0.1:8470", 5000);
  g_assert_true (hc_seen_store_is_seen (again, "session:http://127.0.0.1:8470", "a-9", 4000));
  g_assert_true (hc_seen_store_is_seen (again, "hub-a", "a-2", 1100));
  g_assert_false (hc_seen_store_is_seen (again, "hub-a", "a-3", 1200));
  g_assert_false (hc_seen_store_is_seen (again, "hub-b", "a-2", 1100));

  /* Mark all as seen: up to now; what comes after is new again. */
  hc_seen_store_mark_all_seen (again, "hub-a", 2000);
  g_assert_true (hc_seen_store_is_seen (again, "hub-a", "a-3", 1200));
  g_assert_false (hc_seen_store_is_seen (again, "hub-a", "a-4", 2100));
  g_assert_false (hc_seen_store_is_seen (again, "hub-b", "a-2", 1100));

  /* A damaged file: said, and an empty store. */
  g_assert_true (g_file_set_contents (path, "[hub-a\nbaseline=", -1, NULL));
  g_assert_false (hc_seen_store_load (again, &error));
  g_assert_nonnull (error);
  g_assert_true (hc_seen_store_is_seen (again, "hub-a", "a-4", 2100));

  g_unlink (path);
  {
    g_autofree char *sub = g_path_get_dirname (path);
    g_rmdir (sub);
  }
  g_rmdir (dir);
}

static HcSource *
source (const char *status, const char *started_at)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"bhxh\",\"name\":\"BHXH\",\"agency\":\"BHXH\",\"kind\":\"batch\","
    "\"status\":\"%s\",\"schedule\":\"0 * * * *\",\"last_success_at\":\"2026-11-27T08:00:00Z\","
    "\"lag_seconds\":60,\"records_per_second\":1.0,"
    "\"last_run\":{\"id\":\"r-1\",\"started_at\":\"%s\",\"finished_at\":null,\"records\":0,"
    "\"bytes\":0,\"outcome\":\"failure\",\"error\":\"reset\"}}", status, started_at);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  HcItem *item;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  item = hc_parse_source (node, &error);
  g_assert_no_error (error);
  return HC_SOURCE (item);
}

/* A feed is new when it failed since the operator looked, until seen;
 * the next failure is new again; a feed that is not failed never is. */
static void
test_seen_store_sources (void)
{
  g_autoptr(HcSeenStore) store = hc_seen_store_new ("/nonexistent/seen.ini");
  g_autoptr(HcSource) before = source ("failed", "2026-11-27T07:00:00Z");
  g_autoptr(HcSource) failed = source ("failed", "2026-11-27T09:00:00Z");
  g_autoptr(HcSource) again = source ("failed", "2026-11-27T10:00:00Z");
  g_autoptr(HcSource) ok = source ("ok", "2026-11-27T10:00:00Z");
  g_autoptr(GDateTime) baseline = g_date_time_new_utc (2026, 11, 27, 8, 0, 0);

  hc_seen_store_start (store, "hub", g_date_time_to_unix (baseline));
  g_assert_true (hc_seen_store_is_source_seen (store, "hub", before));
  g_assert_false (hc_seen_store_is_source_seen (store, "hub", failed));
  g_assert_true (hc_seen_store_is_source_seen (store, "hub", ok));
  hc_seen_store_mark_source_seen (store, "hub", failed);
  g_assert_true (hc_seen_store_is_source_seen (store, "hub", failed));
  g_assert_false (hc_seen_store_is_source_seen (store, "hub", again));
}

static HcAlert *
alert (const char *id, const char *severity, const char *detected_at)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\": \"%s\", \"severity\": \"%s\", \"category\": \"ddos\", \"title\": \"t\","
    " \"description\": \"\", \"asset\": \"a\", \"source_ip\": null, \"detected_at\": \"%s\","
    " \"state\": \"open\", \"acknowledged_by\": null, \"acknowledged_at\": null, \"resolved_by\": null,"
    " \"resolved_at\": null, \"resolution\": null, \"events_count\": 1}", id, severity, detected_at);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  HcItem *item;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  item = hc_parse_alert (node, &error);
  g_assert_no_error (error);
  return HC_ALERT (item);
}

/* Counting the new alerts of a list, all of it or a range of it (what a
 * burst appended), agrees with asking alert by alert, and follows marks. */
static void
test_seen_store_count (void)
{
  g_autoptr(HcSeenStore) store = hc_seen_store_new ("/nonexistent/seen.ini");
  g_autoptr(GListStore) alerts = g_list_store_new (HC_TYPE_ALERT);
  /* 2026-11-27T08:00:00Z */
  const gint64 baseline = 1795766400;
  const struct { const char *id, *severity, *at; } rows[] = {
    { "a-1", "critical", "2026-11-27T07:00:00Z" },  /* before the baseline: seen */
    { "a-2", "critical", "2026-11-27T09:00:00Z" },
    { "a-3", "low", "2026-11-27T09:00:00Z" },       /* below high: not counted */
    { "a-4", "high", "2026-11-27T09:30:00Z" },
    { "a-5", "high", "2026-11-27T10:00:00Z" },
  };

  hc_seen_store_start (store, "hub-a", baseline);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autoptr(HcAlert) a = alert (rows[i].id, rows[i].severity, rows[i].at);
      g_list_store_append (alerts, a);
    }

  g_assert_cmpuint (hc_seen_store_count_unseen (store, "hub-a", G_LIST_MODEL (alerts), HC_SEVERITY_HIGH), ==, 3);
  g_assert_cmpuint (hc_seen_store_count_unseen_range (store, "hub-a", G_LIST_MODEL (alerts), HC_SEVERITY_HIGH, 0, 2), ==, 1);
  g_assert_cmpuint (hc_seen_store_count_unseen_range (store, "hub-a", G_LIST_MODEL (alerts), HC_SEVERITY_HIGH, 2, 3), ==, 2);
  /* A range past the end counts what is there. */
  g_assert_cmpuint (hc_seen_store_count_unseen_range (store, "hub-a", G_LIST_MODEL (alerts), HC_SEVERITY_HIGH, 4, 10), ==, 1);
  g_assert_cmpuint (hc_seen_store_count_unseen (store, "hub-a", G_LIST_MODEL (alerts), HC_SEVERITY_LOW), ==, 4);

  hc_seen_store_mark_seen (store, "hub-a", "a-4");
  g_assert_cmpuint (hc_seen_store_count_unseen (store, "hub-a", G_LIST_MODEL (alerts), HC_SEVERITY_HIGH), ==, 2);
  hc_seen_store_mark_all_seen (store, "hub-a", baseline + 7200);
  g_assert_cmpuint (hc_seen_store_count_unseen (store, "hub-a", G_LIST_MODEL (alerts), HC_SEVERITY_HIGH), ==, 0);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/seen-store/marks", test_seen_store);
  g_test_add_func ("/seen-store/sources", test_seen_store_sources);
  g_test_add_func ("/seen-store/count", test_seen_store_count);
  return g_test_run ();
}
