/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHub against the demo hub when it goes away: a killed hub is caught up
 * with after it restarts (also while events flow), an unreachable hub shows
 * its offline copy, and the same over TLS with a CA file. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hc-audit-entry.h"
#include "hc-error.h"
#include "hc-me.h"
#include "hc-parser.h"
#include "hc-run.h"
#include "hc-source.h"
#include "hc-test-demo-hub.h"

#define OPERATOR   HC_TEST_OPERATOR
#define VIEWER     HC_TEST_VIEWER
#define SUPERVISOR HC_TEST_SUPERVISOR
#define HUB_KEY    HC_TEST_HUB_KEY
#define PAGE_LIMIT HC_TEST_PAGE_LIMIT

static HcHub *hub;          /* the operator's hub, shared by the tests in order */

static gboolean
hub_not_connected (gpointer data)
{
  return hc_hub_get_state (data) != HC_HUB_CONNECTED;
}

static void
test_reconnect_after_kill (void)
{
  g_autoptr(HcClient) direct = NULL;
  g_autoptr(HcAlert) acked = NULL;
  HcItemStore *alerts = hc_hub_get_alerts (hub);
  HcAlert *row;
  guint reconnects = hc_event_stream_get_reconnects (hc_hub_get_event_stream (hub));
  HcTestMatchWait wait;

  g_assert_cmpint (hc_event_stream_get_state (hc_hub_get_event_stream (hub)), ==, HC_EVENT_STREAM_LIVE);

  /* Kill the hub mid-stream; the console notices. */
  hc_test_demo_stop (TRUE);
  hc_test_demo_spin_until (hub_not_connected, hub, 30, "the hub to go offline");
  g_assert_cmpint (hc_hub_get_state (hub), ==, HC_HUB_OFFLINE);
  g_assert_nonnull (hc_hub_get_last_error (hub));

  /* Same data, same port; a change happens before we are back. */
  hc_test_demo_start (hc_test_demo.port);
  direct = hc_test_demo_client (OPERATOR);
  row = hc_test_demo_find_alert (alerts, HC_ALERT_STATE_OPEN, NULL);
  g_assert_nonnull (row);
  acked = hc_test_demo_acknowledge (direct, hc_item_get_id (HC_ITEM (row)));

  wait.hub = hub;
  wait.direct = direct;
  hc_test_demo_spin_until (hc_test_demo_models_match, &wait, 60, "models equal to the hub's lists after reconnect");
  g_assert_cmpuint (hc_event_stream_get_reconnects (hc_hub_get_event_stream (hub)), >, reconnects);
  hc_test_demo_spin_until (hc_test_demo_alert_acknowledged, row, 30, "the change made while away");
  g_assert_null (hc_hub_get_last_error (hub));
}

typedef struct {
  HcSnapshot *snapshot;
  GHashTable *ids;
} SnapshotWait;

static gboolean
snapshot_has_ids (gpointer data)
{
  SnapshotWait *wait = data;
  g_autoptr(HcSnapshotData) saved = hc_snapshot_load (wait->snapshot, HUB_KEY, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (saved == NULL)
    return FALSE;

  for (guint i = 0; i < saved->pages[HC_LIST_ALERTS]->len; i++)
    {
      g_autoptr(HcListPage) page = hc_list_page_parse (g_ptr_array_index (saved->pages[HC_LIST_ALERTS], i),
                                                       HC_LIST_ALERTS, NULL);
      for (guint j = 0; page != NULL && j < page->items->len; j++)
        g_hash_table_add (seen, g_strdup (hc_item_get_id (g_ptr_array_index (page->items, j))));
    }

  if (g_hash_table_size (seen) != g_hash_table_size (wait->ids))
    return FALSE;

  GHashTableIter iter;
  gpointer id;
  g_hash_table_iter_init (&iter, wait->ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    if (!g_hash_table_contains (seen, id))
      return FALSE;

  return TRUE;
}

static void
test_offline_snapshot (void)
{
  g_autoptr(HcClient) direct = hc_test_demo_client (OPERATOR);
  g_autoptr(HcSnapshot) snapshot = hc_snapshot_new (hc_test_demo.snapshot_path);
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(HcHub) offline = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 total;
  SnapshotWait wait;
  HcTestStateWait state_wait;

  /* The hub's last good state reached the offline copy. */
  hc_hub_refresh (hub);
  hc_test_demo_wait_state (hub, HC_HUB_CONNECTED, 60);
  ids = hc_test_demo_fetch_ids (direct, HC_LIST_ALERTS, &total);
  wait.snapshot = snapshot;
  wait.ids = ids;
  hc_test_demo_spin_until (snapshot_has_ids, &wait, 30, "the offline copy");

  /* Nothing secret in it. */
  g_assert_true (g_file_get_contents (hc_test_demo.snapshot_path, &contents, &length, NULL));
  g_assert_null (g_strstr_len (contents, length, OPERATOR));
  g_assert_null (g_strstr_len (contents, length, "Bearer"));

  hc_hub_stop (hub);
  g_clear_object (&hub);
  hc_test_demo_stop (FALSE);

  /* A new console start while the hub is down shows the copy. */
  offline = hc_test_demo_new_hub (OPERATOR);
  hc_hub_start (offline);
  state_wait.hub = offline;
  state_wait.state = HC_HUB_OFFLINE;
  hc_test_demo_spin_until (hc_test_demo_hub_in_state, &state_wait, 30, "offline state");
  hc_test_demo_spin_until (hc_test_demo_has_me, offline, 30, "me from the offline copy");
  g_assert_cmpint (hc_hub_get_state (offline), ==, HC_HUB_OFFLINE);
  g_assert_error (hc_hub_get_last_error (offline), HC_ERROR, HC_ERROR_UNREACHABLE);
  g_assert_cmpint (hc_hub_get_snapshot_age (offline), >=, 0);
  g_assert_cmpint (hc_hub_get_snapshot_age (offline), <, 120);
  g_assert_nonnull (hc_hub_get_last_updated (offline));
  g_assert_true (hc_test_demo_model_matches (hc_hub_get_alerts (offline), ids, total));
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_model (offline, kind))), >, 0);
  g_assert_cmpint (hc_me_get_role (hc_hub_get_me (offline)), ==, HC_ROLE_OPERATOR);
  g_assert_nonnull (hc_hub_get_overview (offline));

  /* When the hub is back, the console finds it on its own and the copy
   * gives way to live data. */
  hc_test_demo_start (hc_test_demo.port);
  hc_test_demo_wait_state (offline, HC_HUB_CONNECTED, 90);
  g_assert_cmpint (hc_hub_get_snapshot_age (offline), ==, -1);
  g_assert_null (hc_hub_get_last_error (offline));
  g_assert_true (hc_test_demo_model_matches (hc_hub_get_alerts (offline), ids, total));

  hc_hub_stop (offline);
}

/* The same over TLS: the demo hub with a certificate made here, trusted
 * through the profile's CA file; the event stream runs over TLS too. */
static void
test_tls_hub (void)
{
  g_autofree char *dir = g_build_filename (hc_test_demo.data_dir, "tls", NULL);
  g_autofree char *cert = g_build_filename (dir, "hub.pem", NULL);
  g_autofree char *key = g_build_filename (dir, "hub.key", NULL);
  g_autofree char *cmd = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) tls_hub = NULL;
  g_autoptr(HcClient) client = NULL;
  g_autoptr(HcHub) secure = NULL;
  int status = -1;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  cmd = g_strdup_printf ("openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 2 -subj /CN=127.0.0.1 "
                         "-addext subjectAltName=IP:127.0.0.1 -keyout %s -out %s", key, cert);
  g_assert_true (g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);

  tls_hub = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              hc_test_demo.exe, "--listen", "127.0.0.1:0", "--data-dir", dir, "--speed", "0",
                              "--tls-certificate", cert, "--tls-key", key, "--exit-with-stdin", NULL);
  g_assert_no_error (error);
  url = hc_test_demo_read_url (tls_hub);
  g_assert_nonnull (url);
  g_assert_true (g_str_has_prefix (url, "https://"));

  client = hc_client_new (url, OPERATOR, cert, NULL, FALSE);
  hc_client_set_timeouts (client, 5, 20000);
  secure = hc_hub_new ("tls-hub", client);
  hc_hub_set_page_limit (secure, PAGE_LIMIT);
  hc_hub_start (secure);
  hc_test_demo_wait_state (secure, HC_HUB_CONNECTED, 60);
  g_assert_cmpint (hc_event_stream_get_state (hc_hub_get_event_stream (secure)), ==, HC_EVENT_STREAM_LIVE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_alerts (secure))), >, PAGE_LIMIT);

  hc_hub_stop (secure);
  g_output_stream_close (g_subprocess_get_stdin_pipe (tls_hub), NULL, NULL);
  g_subprocess_wait (tls_hub, NULL, NULL);
}

static gboolean
events_flowing (gpointer data)
{
  const char *id = hc_event_stream_get_last_event_id (hc_hub_get_event_stream (data));

  return id != NULL && g_ascii_strtoll (id, NULL, 10) >= 3;
}

/* A live simulation (changes every few hundred ms): kill the hub while
 * events flow, restart it, and the models still end up equal to the
 * hub's lists. */
static void
test_reconnect_under_churn (void)
{
  g_autoptr(HcClient) direct = NULL;
  g_autoptr(HcHub) live = NULL;
  HcTestMatchWait wait;

  hc_test_demo_stop (FALSE);
  g_free (hc_test_demo.dir);
  hc_test_demo.dir = g_build_filename (hc_test_demo.data_dir, "churn", NULL);
  hc_test_demo.speed = "5";
  hc_test_demo_start (0);

  live = hc_test_demo_new_hub (OPERATOR);
  hc_hub_start (live);
  hc_test_demo_wait_state (live, HC_HUB_CONNECTED, 60);
  hc_test_demo_spin_until (events_flowing, live, 60, "events from the simulation");

  hc_test_demo_stop (TRUE);
  hc_test_demo_spin_until (hub_not_connected, live, 30, "the hub to go offline");
  hc_test_demo_start (hc_test_demo.port);

  direct = hc_test_demo_client (OPERATOR);
  wait.hub = live;
  wait.direct = direct;
  hc_test_demo_spin_until (hc_test_demo_models_match, &wait, 90, "models equal to the hub's lists under churn");
  hc_hub_stop (live);
}

int
main (int argc, char *argv[])
{
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  if (!hc_test_demo_setup ())
    return 77;

  hub = hc_test_demo_new_hub (OPERATOR);
  hc_hub_start (hub);
  hc_test_demo_wait_state (hub, HC_HUB_CONNECTED, 60);

  /* In order: they share the operator's hub and the demo hub process. */
  g_test_add_func ("/client/hub/reconnect-after-kill", test_reconnect_after_kill);
  g_test_add_func ("/client/hub/offline-snapshot", test_offline_snapshot);
  g_test_add_func ("/client/hub/tls-ca-file", test_tls_hub);
  g_test_add_func ("/client/hub/reconnect-under-churn", test_reconnect_under_churn);

  ret = g_test_run ();

  g_clear_object (&hub);
  hc_test_demo_teardown ();
  return ret;
}
