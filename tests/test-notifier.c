/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Desktop notifications end to end: hubs of tests/hc-fault-server.py fed
 * events through its _inject endpoint, and python3-dbusmock's
 * notification_daemon template as the server on a private session bus,
 * whose recorded Notify and CloseNotification calls are checked. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libnotify/notify.h>
#include <locale.h>
#include <string.h>

#include "hc-format.h"
#include "hc-hub-manager.h"
#include "hc-notifier.h"
#include "hc-test-fault.h"
#include "hc-test-notify-mock.h"

#define HUB_NAME "Trung tâm dữ liệu quốc gia số 1"

static GTestDBus *bus;
static GSubprocess *mock;
static GSubprocess *server;
static guint http_port;
static char *tmp_dir;
static char *state_path;
static GSettings *settings;
static HcHubManager *manager;
static HcNotifier *notifier;

/* ---- helpers -------------------------------------------------------------- */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static void
spin_until (gboolean (*done) (gpointer),
            gpointer   data,
            guint      seconds,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
}

static void
settle (guint ms)
{
  gint64 until = g_get_monotonic_time () + ms * 1000;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (wake);
}

static char *
alert_json (const char *id,
            const char *severity,
            const char *title,
            const char *state)
{
  return g_strdup_printf ("{\"id\": \"%s\", \"severity\": \"%s\", \"category\": \"malware\", \"title\": \"%s\","
                          " \"description\": \"\", \"asset\": \"db-01\", \"source_ip\": null,"
                          " \"detected_at\": \"2026-01-05T09:00:00Z\", \"state\": \"%s\","
                          " \"acknowledged_by\": null, \"acknowledged_at\": null, \"resolved_by\": %s,"
                          " \"resolved_at\": %s, \"resolution\": %s, \"events_count\": 1}",
                          id, severity, title, state,
                          g_str_equal (state, "resolved") ? "\"an\"" : "null",
                          g_str_equal (state, "resolved") ? "\"2026-01-05T09:30:00Z\"" : "null",
                          g_str_equal (state, "resolved") ? "\"fixed\"" : "null");
}

static void
inject (const char *spec,
        const char *event,
        const char *data)
{
  g_autofree char *json = g_strdup_printf ("[{\"event\": \"%s\", \"data\": %s}]", event, data);

  hc_test_fault_post (http_port, spec, "_inject", json);
}

static void
inject_alert (const char *spec,
              const char *event,
              const char *id,
              const char *severity,
              const char *state)
{
  g_autofree char *data = alert_json (id, severity, "Mã độc trên máy chủ", state);

  inject (spec, event, data);
}

typedef struct {
  const char *method;
  guint       n;
} CallCount;

static gboolean
have_calls (gpointer data)
{
  CallCount *count = data;
  g_autoptr(GPtrArray) list = hc_test_notify_mock_calls (count->method);

  return list->len >= count->n;
}

static void
wait_calls (const char *method,
            guint       n)
{
  CallCount count = { method, n };
  g_autofree char *what = g_strdup_printf ("%u %s calls", n, method);

  spin_until (have_calls, &count, 20, what);
}

/* @format's one %s is the hub text @text as a notification shows it. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
expect (const char *format,
        const char *text)
{
  g_autofree char *hub = hc_format_hub_text (text, HC_HUB_TEXT_LINE);

  return g_strdup_printf (format, hub);
}
#pragma GCC diagnostic pop

static gboolean
hub_ready (gpointer data)
{
  HcHub *hub = data;

  return hc_hub_get_state (hub) == HC_HUB_CONNECTED && !hc_hub_get_loading (hub) &&
         hc_hub_get_list_complete (hub, HC_LIST_ALERTS) && hc_hub_get_list_complete (hub, HC_LIST_NODES) &&
         hc_event_stream_get_state (hc_hub_get_event_stream (hub)) == HC_EVENT_STREAM_LIVE;
}

static HcHub *
add_hub (const char *spec)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/hub/%s", http_port, spec);
  HcHub *hub = hc_hub_manager_add_session_hub (manager, HUB_NAME, url, "t");

  hc_event_stream_set_backoff (hc_hub_get_event_stream (hub), 100, 500);
  spin_until (hub_ready, hub, 30, "the hub");
  return hub;
}

typedef struct {
  char *hub_key;
  char *list;
  char *item_id;
  char *filter;
  guint n;
} Opened;

static void
on_open_item (HcNotifier *self,
              const char *hub_key,
              const char *list,
              const char *item_id,
              const char *filter,
              Opened     *opened)
{
  g_free (opened->hub_key);
  g_free (opened->list);
  g_free (opened->item_id);
  g_free (opened->filter);
  opened->hub_key = g_strdup (hub_key);
  opened->list = g_strdup (list);
  opened->item_id = g_strdup (item_id);
  opened->filter = g_strdup (filter);
  opened->n++;
}

static void
opened_clear (Opened *opened)
{
  g_free (opened->hub_key);
  g_free (opened->list);
  g_free (opened->item_id);
  g_free (opened->filter);
}

static gboolean
opened_once (gpointer data)
{
  return ((Opened *) data)->n > 0;
}

/* ---- tests ---------------------------------------------------------------- */

static void
test_triggers (void)
{
  HcHub *hub = add_hub ("triggers");
  g_autofree char *alert_title = expect ("Critical alert at %s", HUB_NAME);
  g_autofree char *source_title = expect ("Feed failed at %s", HUB_NAME);
  g_autofree char *pool_title = expect ("Storage pool degraded at %s", HUB_NAME);
  g_autofree char *alert_body = NULL;
  Opened opened = { 0 };
  guint base = hc_test_notify_mock_n_calls ("Notify");
  guint closes = hc_test_notify_mock_n_calls ("CloseNotification");

  /* A new critical alert: critical urgency, stays, Open and Acknowledge
   * (the token is an operator's), the app's icon, the hub named. */
  inject_alert ("triggers", "alert.created", "al-9", "critical", "open");
  wait_calls ("Notify", base + 1);
  {
    g_auto(HcTestNotify) n = { 0 };
    g_autofree char *title = hc_format_hub_text ("Mã độc trên máy chủ", HC_HUB_TEXT_LINE);
    g_autofree char *asset = hc_format_hub_text ("db-01", HC_HUB_TEXT_LINE);

    hc_test_notify_mock_nth_notify (base, &n);
    alert_body = g_strdup_printf ("%s on %s", title, asset);
    g_assert_cmpstr (n.summary, ==, alert_title);
    g_assert_cmpstr (n.body, ==, alert_body);
    g_assert_cmpstr (n.app_icon, ==, APP_ID);
    g_assert_cmpint (n.urgency, ==, 2);
    g_assert_cmpint (n.timeout, ==, 0);
    g_assert_cmpuint (g_strv_length (n.actions), ==, 6);
    g_assert_cmpstr (n.actions[0], ==, "default");
    g_assert_cmpstr (n.actions[2], ==, "open");
    g_assert_cmpstr (n.actions[3], ==, "Open");
    g_assert_cmpstr (n.actions[4], ==, "acknowledge");
    g_assert_cmpstr (n.actions[5], ==, "Acknowledge");
  }

  /* Below the threshold (high): nothing. */
  inject_alert ("triggers", "alert.created", "al-10", "medium", "open");

  /* A feed turning failed: normal urgency, no Acknowledge. */
  inject ("triggers", "source.updated",
          "{\"id\": \"src-1\", \"name\": \"Dân cư\", \"agency\": \"Bộ Công an\", \"kind\": \"batch\","
          " \"status\": \"failed\", \"schedule\": \"0 * * * *\", \"last_success_at\": null,"
          " \"lag_seconds\": 60, \"records_per_second\": 0, \"last_run\": null}");
  wait_calls ("Notify", base + 2);
  {
    g_auto(HcTestNotify) n = { 0 };

    hc_test_notify_mock_nth_notify (base + 1, &n);
    g_assert_cmpstr (n.summary, ==, source_title);
    g_assert_nonnull (strstr (n.body, "Dân cư"));
    g_assert_nonnull (strstr (n.body, "Bộ Công an"));
    g_assert_cmpint (n.urgency, ==, 1);
    g_assert_cmpuint (g_strv_length (n.actions), ==, 4);
  }

  /* A pool turning degraded. */
  inject ("triggers", "pool.updated",
          "{\"id\": \"pool-a\", \"name\": \"Kho A\", \"kind\": \"object\", \"state\": \"degraded\","
          " \"capacity_bytes\": 1000000000, \"used_bytes\": 500000000, \"replication\": {\"scheme\": \"ec-8+3\","
          " \"degraded_objects\": 12, \"misplaced_objects\": 0}, \"read_bps\": 0, \"write_bps\": 0, \"history\": []}");
  wait_calls ("Notify", base + 3);
  {
    g_auto(HcTestNotify) n = { 0 };
    g_autofree char *pool = hc_format_hub_text ("Kho A", HC_HUB_TEXT_LINE);
    g_autofree char *body = g_strdup_printf ("%s: 12 objects degraded", pool);

    hc_test_notify_mock_nth_notify (base + 2, &n);
    g_assert_cmpstr (n.summary, ==, pool_title);
    g_assert_cmpstr (n.body, ==, body);
  }

  /* Resolved: its notification is withdrawn. */
  inject_alert ("triggers", "alert.updated", "al-9", "critical", "resolved");
  wait_calls ("CloseNotification", closes + 1);
  g_assert_cmpuint (hc_test_notify_mock_nth_close (closes), ==, hc_test_notify_mock_notify_id (base));

  /* Open on the feed's notification asks for that very row. */
  g_signal_connect (notifier, "open-item", G_CALLBACK (on_open_item), &opened);
  hc_test_notify_mock_invoke (hc_test_notify_mock_notify_id (base + 1), "default");
  spin_until (opened_once, &opened, 10, "open-item");
  g_assert_cmpstr (opened.hub_key, ==, hc_hub_get_key (hub));
  g_assert_cmpstr (opened.list, ==, "sources");
  g_assert_cmpstr (opened.item_id, ==, "src-1");
  g_assert_null (opened.filter);
  g_signal_handlers_disconnect_by_data (notifier, &opened);
  opened_clear (&opened);

  /* The medium alert never made it. */
  settle (300);
  g_assert_cmpuint (hc_test_notify_mock_n_calls ("Notify"), ==, base + 3);
  hc_hub_manager_remove_session_hub (manager, hub);
}

static void
test_disk_and_hub_down (void)
{
  HcHub *hub = add_hub ("down");
  g_autofree char *disk_title = expect ("Disk failing at %s", HUB_NAME);
  g_autofree char *offline_title = expect ("%s is offline", HUB_NAME);
  g_autofree char *back_title = expect ("%s is back", HUB_NAME);
  guint base = hc_test_notify_mock_n_calls ("Notify");

  inject ("down", "node.updated",
          "{\"id\": \"node-1\", \"hostname\": \"stor-01\", \"rack\": \"R1\", \"state\": \"up\", \"disks\": ["
          "{\"id\": \"d-1\", \"serial\": \"ZL2A1B\", \"model\": \"ST16000\", \"capacity_bytes\": 16000000000000,"
          " \"health\": \"failing\", \"temperature_c\": 40, \"reallocated_sectors\": 8, \"power_on_hours\": 1000}]}");
  wait_calls ("Notify", base + 1);
  {
    g_auto(HcTestNotify) n = { 0 };

    hc_test_notify_mock_nth_notify (base, &n);
    g_assert_cmpstr (n.summary, ==, disk_title);
    g_assert_nonnull (strstr (n.body, "ZL2A1B"));
    g_assert_nonnull (strstr (n.body, "stor-01"));
  }

  /* Unreachable for longer than the delay (1 s here), then back: the
   * second replaces the first. */
  hc_test_fault_post (http_port, "down", "_down", "{\"down\": true}");
  wait_calls ("Notify", base + 2);
  {
    g_auto(HcTestNotify) n = { 0 };

    hc_test_notify_mock_nth_notify (base + 1, &n);
    g_assert_cmpstr (n.summary, ==, offline_title);
    g_assert_nonnull (strstr (n.body, "No answer for"));
    g_assert_cmpuint (g_strv_length (n.actions), ==, 4);
  }
  hc_test_fault_post (http_port, "down", "_down", "{\"down\": false}");
  wait_calls ("Notify", base + 3);
  {
    g_auto(HcTestNotify) n = { 0 };

    hc_test_notify_mock_nth_notify (base + 2, &n);
    g_assert_cmpstr (n.summary, ==, back_title);
    g_assert_cmpuint (n.replaces_id, ==, hc_test_notify_mock_notify_id (base + 1));
    g_assert_cmpint (n.urgency, ==, 0);
  }
  hc_hub_manager_remove_session_hub (manager, hub);
}

static void
test_burst (void)
{
  HcHub *hub = add_hub ("burst");
  g_autoptr(GString) json = g_string_new ("[");
  g_autofree char *summary = expect ("6 new critical alerts at %s", HUB_NAME);
  guint base = hc_test_notify_mock_n_calls ("Notify");
  guint closes = hc_test_notify_mock_n_calls ("CloseNotification");
  Opened opened = { 0 };

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *id = g_strdup_printf ("burst-%u", i);
      g_autofree char *alert = alert_json (id, "critical", "Dò quét", "open");

      g_string_append_printf (json, "%s{\"event\": \"alert.created\", \"data\": %s}", i ? ", " : "", alert);
    }
  g_string_append (json, "]");
  hc_test_fault_post (http_port, "burst", "_inject", json->str);

  /* Three one by one, then one summary that takes their place and grows:
   * shown at once, then again with the rest of the burst a little later
   * (at most twice a second, so a burst of thousands costs no more). */
  wait_calls ("Notify", base + 5);
  settle (1000);
  g_assert_cmpuint (hc_test_notify_mock_n_calls ("Notify"), ==, base + 5);
  g_assert_cmpuint (hc_test_notify_mock_n_calls ("CloseNotification"), ==, closes + 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpuint (hc_test_notify_mock_nth_close (closes + i), ==, hc_test_notify_mock_notify_id (base + i));
  {
    g_auto(HcTestNotify) n = { 0 };

    hc_test_notify_mock_nth_notify (base + 4, &n);
    g_assert_cmpstr (n.summary, ==, summary);
    g_assert_nonnull (strstr (n.body, "and 3 more"));
    g_assert_cmpint (n.urgency, ==, 2);
    g_assert_cmpuint (n.replaces_id, ==, hc_test_notify_mock_notify_id (base + 3));
  }

  /* Its Open shows the list, filtered to the severity. */
  g_signal_connect (notifier, "open-item", G_CALLBACK (on_open_item), &opened);
  hc_test_notify_mock_invoke (hc_test_notify_mock_notify_id (base + 4), "default");
  spin_until (opened_once, &opened, 10, "open-item");
  g_assert_cmpstr (opened.list, ==, "alerts");
  g_assert_null (opened.item_id);
  g_assert_cmpstr (opened.filter, ==, "critical");
  g_signal_handlers_disconnect_by_data (notifier, &opened);
  opened_clear (&opened);
  hc_hub_manager_remove_session_hub (manager, hub);
}

static gboolean
reconnected (gpointer data)
{
  HcHub *hub = data;

  return hc_event_stream_get_reconnects (hc_hub_get_event_stream (hub)) > 0 && hub_ready (hub);
}

/* A hub that replays every event on every connection: each is notified
 * once, also after a reconnect and after a restart of the console. */
static void
test_no_duplicates (void)
{
  const char *spec = "events=replay";
  HcHub *hub = add_hub (spec);
  g_autofree char *key = g_strdup (hc_hub_get_key (hub));
  g_autoptr(GKeyFile) state = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  guint base = hc_test_notify_mock_n_calls ("Notify");

  inject_alert (spec, "alert.created", "al-r1", "critical", "open");
  wait_calls ("Notify", base + 1);

  /* Reconnect: the hub sends it again. */
  hc_test_fault_post (http_port, spec, "_drop", "null");
  spin_until (reconnected, hub, 20, "a reconnect");
  settle (1500);
  g_assert_cmpuint (hc_test_notify_mock_n_calls ("Notify"), ==, base + 1);
  g_assert_cmpuint (hc_notifier_get_last_event_id (notifier, key), ==, 1);

  /* Restart: a new notifier and a new hub read the id kept on disk. */
  hc_hub_manager_remove_session_hub (manager, hub);
  g_assert_finalize_object (g_steal_pointer (&notifier));
  g_assert_true (g_key_file_load_from_file (state, state_path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  notifier = hc_notifier_new (manager, settings, state_path);
  hub = add_hub (spec);
  settle (1500);
  g_assert_cmpuint (hc_test_notify_mock_n_calls ("Notify"), ==, base + 1);

  /* Something new still comes through. */
  inject_alert (spec, "alert.created", "al-r2", "critical", "open");
  wait_calls ("Notify", base + 2);
  hc_hub_manager_remove_session_hub (manager, hub);
}

typedef struct {
  const char *key;
  guint64     id;
} LastId;

static gboolean
last_id_is (gpointer data)
{
  LastId *want = data;

  return hc_notifier_get_last_event_id (notifier, want->key) == want->id;
}

/* A hub whose store was replaced counts its events from 1 again: its
 * "reset" lowers the id below which events are taken for replays, or
 * every event to come would be dropped as one. */
static void
test_hub_starts_over (void)
{
  const char *spec = "starts-over";
  HcHub *hub = add_hub (spec);
  g_autofree char *key = g_strdup (hc_hub_get_key (hub));
  g_autofree char *first = alert_json ("al-o1", "critical", "Mã độc trên máy chủ", "open");
  g_autofree char *events = g_strdup_printf ("[{\"event\": \"alert.created\", \"id\": 50, \"data\": %s}]", first);
  LastId reset = { key, 0 };
  guint base = hc_test_notify_mock_n_calls ("Notify");

  hc_test_fault_post (http_port, spec, "_inject", events);
  wait_calls ("Notify", base + 1);
  g_assert_cmpuint (hc_notifier_get_last_event_id (notifier, key), ==, 50);

  /* The console comes back with Last-Event-ID 50; the hub has none. */
  hc_test_fault_post (http_port, spec, "_restart", "null");
  spin_until (last_id_is, &reset, 20, "the reset");

  /* Its event 1 is new. */
  inject_alert (spec, "alert.created", "al-o2", "critical", "open");
  wait_calls ("Notify", base + 2);
  g_assert_cmpuint (hc_notifier_get_last_event_id (notifier, key), ==, 1);
  hc_hub_manager_remove_session_hub (manager, hub);
}

typedef struct {
  HcHub   *hub;
  gboolean in_store;  /* the store alone had it when the event came */
  gboolean found;     /* hc_hub_find_item() had it */
} FoundAtOnce;

static void
on_event_find (HcEventStream *stream,
               const char    *name,
               JsonNode      *data,
               const char    *id,
               FoundAtOnce   *found)
{
  if (g_strcmp0 (name, "alert.created") != 0)
    return;
  found->in_store = hc_item_store_lookup (hc_hub_get_alerts (found->hub), "al-f1") != NULL;
  found->found = hc_hub_find_item (found->hub, HC_LIST_ALERTS, "al-f1") != NULL;
}

static gboolean
event_seen (gpointer data)
{
  return ((FoundAtOnce *) data)->found;
}

/* What a notification names can be shown at once: events go into the
 * lists in batches, but finding an item puts in what has come. */
static void
test_item_found_at_once (void)
{
  const char *spec = "found";
  HcHub *hub = add_hub (spec);
  FoundAtOnce found = { .hub = hub };
  gulong handler;

  handler = g_signal_connect (hc_hub_get_event_stream (hub), "event", G_CALLBACK (on_event_find), &found);
  inject_alert (spec, "alert.created", "al-f1", "critical", "open");
  spin_until (event_seen, &found, 20, "the event, and its alert found");
  /* The hub's own handler ran first and held the alert for its batch. */
  g_assert_false (found.in_store);
  g_signal_handler_disconnect (hc_hub_get_event_stream (hub), handler);
  hc_hub_manager_remove_session_hub (manager, hub);
}

static gboolean
looking_at_src4 (const char *hub_key,
                 const char *list,
                 const char *item_id,
                 gpointer    user_data)
{
  return g_strcmp0 (list, "sources") == 0 && g_strcmp0 (item_id, "src-4") == 0;
}

/* Nothing for what the operator is looking at. */
static void
test_focus (void)
{
  HcHub *hub = add_hub ("focus");
  guint base = hc_test_notify_mock_n_calls ("Notify");

  hc_notifier_set_focus_func (notifier, looking_at_src4, NULL);
  inject ("focus", "source.updated",
          "{\"id\": \"src-4\", \"name\": \"Kho bạc\", \"agency\": \"Bộ Tài chính\", \"kind\": \"batch\","
          " \"status\": \"failed\", \"schedule\": \"0 * * * *\", \"last_success_at\": null,"
          " \"lag_seconds\": 60, \"records_per_second\": 0, \"last_run\": null}");
  inject_alert ("focus", "alert.created", "al-f", "critical", "open");
  wait_calls ("Notify", base + 1);
  settle (300);
  g_assert_cmpuint (hc_test_notify_mock_n_calls ("Notify"), ==, base + 1);
  hc_notifier_set_focus_func (notifier, NULL, NULL);
  hc_hub_manager_remove_session_hub (manager, hub);
}

static gboolean
server_missing (gpointer data)
{
  return hc_notifier_get_server_missing (data);
}

static gboolean
has_alert (gpointer data)
{
  return hc_item_store_lookup (hc_hub_get_alerts (data), "al-n") != NULL;
}

/* No notification server at all: said once, and the console watches on. */
static void
test_no_server (void)
{
  HcHub *hub;

  hc_test_notify_mock_stop (g_steal_pointer (&mock));

  g_assert_finalize_object (g_steal_pointer (&notifier));
  notifier = hc_notifier_new (manager, settings, state_path);
  spin_until (server_missing, notifier, 20, "server-missing");
  hub = add_hub ("no-server");
  inject_alert ("no-server", "alert.created", "al-n", "critical", "open");
  spin_until (has_alert, hub, 20, "the alert in the store");
  hc_hub_manager_remove_session_hub (manager, hub);
}

/* ---- set-up --------------------------------------------------------------- */

static void
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_build_filename (g_getenv ("HC_SOURCE_DIR"), "tests", "hc-fault-server.py", NULL);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "/usr/bin/python3", script, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  http_port = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "http");
}

int
main (int argc, char *argv[])
{
  g_autoptr(HcProfileStore) profiles = NULL;
  g_autoptr(HcSecrets) secrets = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* A bus of our own: the notification server is ours alone. */
  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  tmp_dir = g_dir_make_tmp ("hc-notifier-XXXXXX", NULL);
  state_path = g_build_filename (tmp_dir, "state", "notifications.ini", NULL);

  /* The capabilities of a desktop that shows actions and keeps
   * critical notifications. */
  mock = hc_test_notify_mock_start ("actions body body-markup persistence");
  start_server ();

  settings = g_settings_new (APP_ID);
  g_settings_set_uint (settings, "notify-offline-delay", 1);
  profiles = hc_profile_store_new (settings);
  secrets = hc_secrets_new ();
  manager = hc_hub_manager_new (profiles, secrets, NULL);
  hc_hub_manager_start (manager);
  notifier = hc_notifier_new (manager, settings, state_path);

  g_test_add_func ("/notifier/triggers", test_triggers);
  g_test_add_func ("/notifier/disk-and-hub-down", test_disk_and_hub_down);
  g_test_add_func ("/notifier/burst", test_burst);
  g_test_add_func ("/notifier/no-duplicates", test_no_duplicates);
  g_test_add_func ("/notifier/hub-starts-over", test_hub_starts_over);
  g_test_add_func ("/notifier/focus", test_focus);
  g_test_add_func ("/notifier/item-found-at-once", test_item_found_at_once);
  g_test_add_func ("/notifier/no-server", test_no_server);
  status = g_test_run ();

  g_clear_object (&notifier);
  hc_hub_manager_stop (manager);
  g_clear_object (&manager);
  g_clear_object (&settings);
  hc_test_notify_mock_stop (g_steal_pointer (&mock));
  g_output_stream_close (g_subprocess_get_stdin_pipe (server), NULL, NULL);
  g_subprocess_wait (server, NULL, NULL);
  g_clear_object (&server);
  /* libnotify keeps its proxy, and so the bus connection, until then. */
  notify_uninit ();
  g_test_dbus_down (bus);
  g_clear_object (&bus);
  {
    g_autofree char *dir = g_path_get_dirname (state_path);
    g_unlink (state_path);
    g_rmdir (dir);
    g_rmdir (tmp_dir);
  }
  return status;
}
