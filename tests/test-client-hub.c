/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHub against the demo hub on loopback: models equal the hub's lists,
 * actions and events update rows in place, a killed hub is caught up with
 * after it restarts, and an unreachable hub shows its offline copy. */
#include "config.h"

#include <locale.h>
#include <signal.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hc-alert.h"
#include "hc-audit-entry.h"
#include "hc-client.h"
#include "hc-error.h"
#include "hc-hub.h"
#include "hc-item-store.h"
#include "hc-me.h"
#include "hc-parser.h"
#include "hc-run.h"
#include "hc-snapshot.h"
#include "hc-source.h"

#define OPERATOR   "demo-operator-token"
#define VIEWER     "demo-viewer-token"
#define SUPERVISOR "demo-supervisor-token"
#define HUB_KEY    "demo-hub"
#define PAGE_LIMIT 7   /* small pages: every list takes several */

static char *demo_exe;
static char *data_dir;
static char *demo_dir;          /* the running demo hub's data */
static const char *demo_speed = "0";
static char *snapshot_path;
static GSubprocess *demo;
static char *demo_url;
static guint demo_port;
static HcHub *hub;          /* the operator's hub, shared by the tests in order */

/* ---- helpers ------------------------------------------------------------ */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until @cond holds; fails after @timeout_s instead
 * of hanging. */
static void
spin_until (Condition   cond,
            gpointer    data,
            guint       timeout_s,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u s waiting for %s", timeout_s, what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
drain_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, NULL);

  if (bytes != NULL && g_bytes_get_size (bytes) > 0)
    g_input_stream_read_bytes_async (G_INPUT_STREAM (object), 65536, G_PRIORITY_DEFAULT, NULL,
                                     drain_cb, NULL);
}

/* The "listening on URL" line; with G_MESSAGES_DEBUG set the hub may log
 * to stdout before it. Whatever follows is read and dropped, so the hub
 * never blocks on a full pipe nor dies writing to a closed one. NULL if
 * the hub exited first. */
static char *
read_listening_line (GSubprocess *process)
{
  GInputStream *pipe = g_subprocess_get_stdout_pipe (process);
  g_autoptr(GDataInputStream) out = g_data_input_stream_new (pipe);

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (out), FALSE);

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, NULL);

      if (line == NULL)
        return NULL;
      if (g_str_has_prefix (line, "listening on "))
        {
          g_input_stream_read_bytes_async (pipe, 65536, G_PRIORITY_DEFAULT, NULL, drain_cb, NULL);
          return g_strstrip (g_strdup (line + strlen ("listening on ")));
        }
    }

  return NULL;
}

static void
start_demo (guint port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", port);

  /* The port of a just-killed hub may need a moment to be free again. */
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      g_autofree char *url = NULL;

      g_clear_error (&error);
      demo = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                               demo_exe, "--listen", listen, "--data-dir", demo_dir,
                               "--seed", "7", "--speed", demo_speed, "--exit-with-stdin", NULL);
      g_assert_no_error (error);

      url = read_listening_line (demo);
      if (url != NULL)
        {
          g_autoptr(GUri) uri = NULL;

          g_free (demo_url);
          demo_url = g_steal_pointer (&url);
          uri = g_uri_parse (demo_url, G_URI_FLAGS_NONE, &error);
          g_assert_no_error (error);
          demo_port = g_uri_get_port (uri);
          g_assert_cmpuint (demo_port, >, 0);
          return;
        }

      g_subprocess_wait (demo, NULL, NULL);
      g_clear_object (&demo);
      g_usleep (100 * 1000);
    }

  g_error ("The demo hub did not start on %s", listen);
}

static void
stop_demo (gboolean kill)
{
  if (demo == NULL)
    return;

  if (kill)
    g_subprocess_send_signal (demo, SIGKILL);
  else
    g_output_stream_close (g_subprocess_get_stdin_pipe (demo), NULL, NULL);
  g_subprocess_wait (demo, NULL, NULL);
  g_clear_object (&demo);
}

static HcClient *
new_client (const char *token)
{
  HcClient *client = hc_client_new (demo_url, token, NULL, NULL, FALSE);

  hc_client_set_timeouts (client, 5, 20000);
  return client;
}

static HcHub *
new_hub (const char *token)
{
  g_autoptr(HcClient) client = new_client (token);
  g_autoptr(HcSnapshot) snapshot = hc_snapshot_new (snapshot_path);
  HcHub *self = hc_hub_new (HUB_KEY, client);

  hc_hub_set_snapshot (self, snapshot);
  hc_hub_set_page_limit (self, PAGE_LIMIT);
  hc_hub_set_overview_delay (self, 100);
  hc_event_stream_set_backoff (hc_hub_get_event_stream (self), 50, 500);
  return self;
}

typedef struct {
  HcHub      *hub;
  HcHubState  state;
} StateWait;

static gboolean
hub_in_state (gpointer data)
{
  StateWait *wait = data;

  return hc_hub_get_state (wait->hub) == wait->state && !hc_hub_get_loading (wait->hub);
}

static void
wait_state (HcHub      *self,
            HcHubState  state,
            guint       timeout_s)
{
  StateWait wait = { self, state };
  GEnumClass *klass = g_type_class_ref (HC_TYPE_HUB_STATE);
  g_autofree char *what = g_strdup_printf ("hub state %s", g_enum_get_value (klass, state)->value_nick);

  g_type_class_unref (klass);
  spin_until (hub_in_state, &wait, timeout_s, what);
}

/* Every id of a list, page by page, straight from the hub. */
static GHashTable *
fetch_ids (HcClient   *client,
           HcListKind  kind,
           gint64     *total)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;

  *total = -1;
  do
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(HcListPage) page = NULL;
      g_autoptr(GError) error = NULL;

      hc_client_list_async (client, kind, NULL, cursor, 5000, NULL, store_result, &result);
      spin_until (is_set, &result, 30, "a list page");
      page = hc_client_list_finish (client, result, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->n_rejected, ==, 0);

      for (guint i = 0; i < page->items->len; i++)
        g_assert_true (g_hash_table_add (ids, g_strdup (hc_item_get_id (g_ptr_array_index (page->items, i)))));
      if (*total < 0)
        *total = page->total;
      g_free (cursor);
      cursor = g_strdup (page->next_cursor);
    }
  while (cursor != NULL);

  return ids;
}

/* The model holds exactly the hub's rows: same ids, no duplicates. */
static gboolean
model_matches (HcItemStore *store,
               GHashTable  *ids,
               gint64       total)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (n != g_hash_table_size (ids) || (total >= 0 && (gint64) n != total))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcItem) item = g_list_model_get_item (model, i);

      if (!g_hash_table_contains (ids, hc_item_get_id (item)) || !g_hash_table_add (seen, (gpointer) hc_item_get_id (item)))
        return FALSE;
    }

  return TRUE;
}

typedef struct {
  HcHub    *hub;
  HcClient *direct;
} MatchWait;

static gboolean
all_models_match (gpointer data)
{
  MatchWait *wait = data;

  if (hc_hub_get_state (wait->hub) != HC_HUB_CONNECTED || hc_hub_get_loading (wait->hub))
    return FALSE;

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      gint64 total;
      g_autoptr(GHashTable) ids = fetch_ids (wait->direct, kind, &total);

      if (!model_matches (hc_hub_get_model (wait->hub, kind), ids, total))
        return FALSE;
    }

  return TRUE;
}

static HcAlert *
find_alert (HcItemStore  *store,
            HcAlertState  state,
            HcAlert      *not_this)
{
  GListModel *model = G_LIST_MODEL (store);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HcAlert) alert = g_list_model_get_item (model, i);

      if (hc_alert_get_state (alert) == state && alert != not_this)
        return alert;
    }

  return NULL;
}

static gboolean
has_overview (gpointer data)
{
  return hc_hub_get_overview (data) != NULL;
}

static gboolean
has_me (gpointer data)
{
  return hc_hub_get_me (data) != NULL;
}

static gboolean
alert_acknowledged (gpointer data)
{
  return hc_alert_get_state (data) == HC_ALERT_STATE_ACKNOWLEDGED;
}

static HcAlert *
acknowledge_directly (HcClient   *client,
                      const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HcAlert *alert;

  hc_client_acknowledge_alert_async (client, id, "seen from another console", NULL, NULL,
                                     store_result, &result);
  spin_until (is_set, &result, 30, "the acknowledgement");
  alert = hc_client_acknowledge_alert_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_alert_get_state (alert), ==, HC_ALERT_STATE_ACKNOWLEDGED);
  return alert;
}

/* ---- cases -------------------------------------------------------------- */

static void
alerts_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   guint      *batches_while_loading)
{
  if (added > 0 && hc_hub_get_loading (hub))
    (*batches_while_loading)++;
}

static void
test_models_match_lists (void)
{
  g_autoptr(HcClient) direct = new_client (OPERATOR);
  MatchWait wait;
  guint batches_while_loading = 0;
  gulong handler;

  hub = new_hub (OPERATOR);
  handler = g_signal_connect (hc_hub_get_alerts (hub), "items-changed",
                              G_CALLBACK (alerts_changed_cb), &batches_while_loading);
  g_assert_cmpint (hc_hub_get_state (hub), ==, HC_HUB_CONNECTING);
  hc_hub_start (hub);
  wait_state (hub, HC_HUB_CONNECTED, 60);
  g_signal_handler_disconnect (hc_hub_get_alerts (hub), handler);

  /* Rows arrived page by page while the fetch still ran: the first page
   * was usable before the last one came. */
  g_assert_cmpuint (batches_while_loading, >=, 2);

  g_assert_nonnull (hc_hub_get_me (hub));
  g_assert_cmpint (hc_me_get_role (hc_hub_get_me (hub)), ==, HC_ROLE_OPERATOR);
  g_assert_nonnull (hc_hub_get_last_updated (hub));
  g_assert_null (hc_hub_get_last_error (hub));
  g_assert_cmpint (hc_hub_get_snapshot_age (hub), ==, -1);

  /* Several pages per list, so paging really ran. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_alerts (hub))), >, PAGE_LIMIT);
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_model (hub, kind))), >, 0);

  wait.hub = hub;
  wait.direct = direct;
  spin_until (all_models_match, &wait, 30, "models equal to the hub's lists");

  spin_until (has_overview, hub, 30, "the overview");
}

static void
test_acknowledge_in_place (void)
{
  g_autoptr(HcClient) direct = new_client (OPERATOR);
  HcItemStore *alerts = hc_hub_get_alerts (hub);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (alerts));
  HcAlert *row;
  HcAlert *row2;
  g_autoptr(HcAlert) answer = NULL;
  g_autoptr(HcAlert) stored = NULL;
  g_autoptr(HcAlert) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_uuid_string_random ();

  /* Another console acknowledges: only the event can tell our model. */
  row = find_alert (alerts, HC_ALERT_STATE_OPEN, NULL);
  g_assert_nonnull (row);
  answer = acknowledge_directly (direct, hc_item_get_id (HC_ITEM (row)));
  spin_until (alert_acknowledged, row, 30, "the alert.updated event");
  g_assert_true ((gpointer) hc_item_store_lookup (alerts, hc_item_get_id (HC_ITEM (row))) == (gpointer) row);
  g_assert_cmpstr (hc_alert_get_acknowledged_by (row), ==, hc_alert_get_acknowledged_by (answer));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alerts)), ==, n_before);

  /* Our own action updates the row from the answer, the same object. */
  row2 = find_alert (alerts, HC_ALERT_STATE_OPEN, NULL);
  g_assert_nonnull (row2);
  hc_hub_acknowledge_alert_async (hub, hc_item_get_id (HC_ITEM (row2)), "on it", key, NULL,
                                  store_result, &result);
  spin_until (is_set, &result, 30, "the hub action");
  stored = hc_hub_acknowledge_alert_finish (hub, result, &error);
  g_assert_no_error (error);
  g_assert_true (stored == row2);
  g_assert_cmpint (hc_alert_get_state (row2), ==, HC_ALERT_STATE_ACKNOWLEDGED);

  /* A repeated click with the same key acts once: the hub replays. */
  hc_hub_acknowledge_alert_async (hub, hc_item_get_id (HC_ITEM (row2)), "on it", key, NULL,
                                  store_result, &result2);
  spin_until (is_set, &result2, 30, "the repeated action");
  again = hc_hub_acknowledge_alert_finish (hub, result2, &error);
  g_assert_no_error (error);
  g_assert_true (again == row2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alerts)), ==, n_before);
  g_assert_cmpint (hc_hub_get_state (hub), ==, HC_HUB_CONNECTED);
}

/* A row's detail is merged into the row the views already show. */
static void
test_fetch_detail (void)
{
  HcItemStore *sources = hc_hub_get_sources (hub);
  guint n_before = g_list_model_get_n_items (G_LIST_MODEL (sources));
  g_autoptr(HcItem) row = g_list_model_get_item (G_LIST_MODEL (sources), 0);
  g_autoptr(HcItem) detail = NULL;
  g_autoptr(HcItem) missing = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (row);
  hc_hub_fetch_detail_async (hub, HC_LIST_SOURCES, hc_item_get_id (row), NULL, store_result, &result);
  spin_until (is_set, &result, 30, "the source's detail");
  detail = hc_hub_fetch_detail_finish (hub, result, &error);
  g_assert_no_error (error);
  g_assert_true (detail == row);
  g_assert_nonnull (hc_source_get_runs (HC_SOURCE (row)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sources)), ==, n_before);

  hc_hub_fetch_detail_async (hub, HC_LIST_ALERTS, "no-such-alert", NULL, store_result, &result2);
  spin_until (is_set, &result2, 30, "a missing alert's detail");
  missing = hc_hub_fetch_detail_finish (hub, result2, &error);
  g_assert_null (missing);
  g_assert_error (error, HC_ERROR, HC_ERROR_NOT_FOUND);
  g_assert_cmpint (hc_hub_get_state (hub), ==, HC_HUB_CONNECTED);
}

static void
count_cb (gpointer  instance,
          guint    *count)
{
  (*count)++;
}

static gboolean
got_reset (gpointer data)
{
  return *(guint *) data > 0;
}

/* The hub no longer has our resume point: it says "reset", and the
 * console fetches afresh: a row it lost comes back, a row the hub does not
 * have goes. */
static void
test_reset_reconciles (void)
{
  g_autoptr(HcClient) direct = new_client (OPERATOR);
  HcEventStream *stream = hc_hub_get_event_stream (hub);
  HcItemStore *alerts = hc_hub_get_alerts (hub);
  g_autoptr(HcItem) first = g_list_model_get_item (G_LIST_MODEL (alerts), 0);
  g_autofree char *lost_id = g_strdup (hc_item_get_id (first));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(HcItem) ghost = NULL;
  g_autoptr(GError) error = NULL;
  guint resets = 0;
  gulong handler;
  MatchWait wait;

  /* Corrupt our model on purpose. */
  g_assert_true (hc_item_store_remove (alerts, lost_id));
  json_parser_load_from_data (parser,
    "{\"id\": \"ghost-1\", \"severity\": \"low\", \"category\": \"ddos\", \"title\": \"Ghost\","
    " \"description\": \"not on the hub\", \"asset\": \"none\", \"source_ip\": \"192.0.2.1\","
    " \"detected_at\": \"2026-01-05T08:00:00Z\", \"state\": \"open\", \"events_count\": 1}", -1, &error);
  g_assert_no_error (error);
  ghost = hc_parse_alert (json_parser_get_root (parser), &error);
  g_assert_no_error (error);
  hc_item_store_upsert (alerts, ghost);
  g_assert_nonnull (hc_item_store_lookup (alerts, "ghost-1"));

  /* Resume from a point the hub never had. */
  handler = g_signal_connect (stream, "reset", G_CALLBACK (count_cb), &resets);
  hc_event_stream_stop (stream);
  hc_event_stream_set_last_event_id (stream, "999999999");
  hc_event_stream_start (stream);
  spin_until (got_reset, &resets, 30, "the reset event");
  g_signal_handler_disconnect (stream, handler);
  g_assert_cmpstr (hc_event_stream_get_last_event_id (stream), !=, "999999999");

  wait.hub = hub;
  wait.direct = direct;
  spin_until (all_models_match, &wait, 30, "models reconciled after reset");
  g_assert_null (hc_item_store_lookup (alerts, "ghost-1"));
  g_assert_nonnull (hc_item_store_lookup (alerts, lost_id));
}

static void
test_viewer_forbidden (void)
{
  g_autoptr(HcHub) viewer = new_hub (VIEWER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) source = NULL;
  gpointer run;

  hc_hub_start (viewer);
  wait_state (viewer, HC_HUB_CONNECTED, 60);
  g_assert_cmpint (hc_me_get_role (hc_hub_get_me (viewer)), ==, HC_ROLE_VIEWER);

  source = g_list_model_get_item (G_LIST_MODEL (hc_hub_get_sources (viewer)), 0);
  hc_hub_retry_source_async (viewer, hc_item_get_id (source), NULL, NULL, store_result, &result);
  spin_until (is_set, &result, 30, "the retry");
  run = hc_hub_retry_source_finish (viewer, result, &error);
  g_assert_null (run);
  g_assert_error (error, HC_ERROR, HC_ERROR_FORBIDDEN);

  /* Forbidden is about the action, not the session. */
  g_assert_cmpint (hc_hub_get_state (viewer), ==, HC_HUB_CONNECTED);
  hc_hub_stop (viewer);
}

typedef struct {
  HcSource   *source;
  const char *run_id;
} RunWait;

static gboolean
source_shows_run (gpointer data)
{
  RunWait *wait = data;
  HcRun *last = hc_source_get_last_run (wait->source);

  return last != NULL && g_strcmp0 (hc_item_get_id (HC_ITEM (last)), wait->run_id) == 0;
}

static void
test_operator_retry (void)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcRun) run = NULL;
  GListModel *sources = G_LIST_MODEL (hc_hub_get_sources (hub));
  HcSource *source = NULL;
  RunWait wait;

  for (guint i = 0; i < g_list_model_get_n_items (sources) && source == NULL; i++)
    {
      g_autoptr(HcSource) candidate = g_list_model_get_item (sources, i);
      HcRun *last = hc_source_get_last_run (candidate);

      if (hc_source_get_status (candidate) != HC_SOURCE_STATUS_PAUSED
          && (last == NULL || hc_run_get_outcome (last) != HC_RUN_OUTCOME_RUNNING))
        source = candidate;
    }
  g_assert_nonnull (source);

  hc_hub_retry_source_async (hub, hc_item_get_id (HC_ITEM (source)), NULL, NULL, store_result, &result);
  spin_until (is_set, &result, 30, "the retry");
  run = hc_hub_retry_source_finish (hub, result, &error);
  g_assert_no_error (error);
  g_assert_true (HC_IS_RUN (run));
  g_assert_cmpint (hc_run_get_outcome (run), ==, HC_RUN_OUTCOME_RUNNING);

  /* The source row shows the new run once its event arrives. */
  wait.source = source;
  wait.run_id = hc_item_get_id (HC_ITEM (run));
  spin_until (source_shows_run, &wait, 30, "the source.updated event");
}

static gboolean
alert_resolved (gpointer data)
{
  return hc_alert_get_state (data) == HC_ALERT_STATE_RESOLVED;
}

static void
test_resolve_and_audit (void)
{
  g_autoptr(HcClient) supervisor = new_client (SUPERVISOR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GAsyncResult) result3 = NULL;
  g_autoptr(GAsyncResult) result4 = NULL;
  g_autoptr(GAsyncResult) result5 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcAlert) resolved = NULL;
  g_autoptr(HcListPage) audit = NULL;
  gpointer nothing;
  HcAlert *row = find_alert (hc_hub_get_alerts (hub), HC_ALERT_STATE_ACKNOWLEDGED, NULL);

  g_assert_nonnull (row);

  /* The operator may not resolve... */
  hc_hub_resolve_alert_async (hub, hc_item_get_id (HC_ITEM (row)), "done", "fixed", NULL, NULL,
                              store_result, &result);
  spin_until (is_set, &result, 30, "the operator's resolve");
  nothing = hc_hub_resolve_alert_finish (hub, result, &error);
  g_assert_null (nothing);
  g_assert_error (error, HC_ERROR, HC_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* ...the supervisor may, and our row follows by its event. */
  hc_client_resolve_alert_async (supervisor, hc_item_get_id (HC_ITEM (row)), "patched", "fixed", NULL, NULL,
                                 store_result, &result2);
  spin_until (is_set, &result2, 30, "the supervisor's resolve");
  resolved = hc_client_resolve_alert_finish (supervisor, result2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_alert_get_state (resolved), ==, HC_ALERT_STATE_RESOLVED);
  spin_until (alert_resolved, row, 30, "the resolve event");

  /* Resolving twice (a new click, a new key) is a conflict. */
  hc_client_resolve_alert_async (supervisor, hc_item_get_id (HC_ITEM (row)), "again", "fixed", NULL, NULL,
                                 store_result, &result3);
  spin_until (is_set, &result3, 30, "the second resolve");
  nothing = hc_client_resolve_alert_finish (supervisor, result3, &error);
  g_assert_null (nothing);
  g_assert_error (error, HC_ERROR, HC_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The audit log: supervisors only. */
  hc_client_audit_async (supervisor, NULL, NULL, NULL, NULL, 50, NULL, store_result, &result4);
  spin_until (is_set, &result4, 30, "the audit log");
  audit = hc_client_audit_finish (supervisor, result4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->items->len, >, 0);
  g_assert_true (HC_IS_AUDIT_ENTRY (g_ptr_array_index (audit->items, 0)));

  /* Narrowed by actor and action: only the supervisor's resolves, ours among them. */
  {
    g_autoptr(GAsyncResult) result6 = NULL;
    g_autoptr(HcListPage) mine = NULL;
    gboolean found = FALSE;

    hc_client_audit_async (supervisor, "nguyen.thi.lan", "alert.resolve", "2000-01-01T00:00:00Z", NULL, 50,
                           NULL, store_result, &result6);
    spin_until (is_set, &result6, 30, "the filtered audit log");
    mine = hc_client_audit_finish (supervisor, result6, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (mine->items->len, >, 0);
    g_assert_cmpuint (mine->items->len, <, audit->items->len);
    for (guint i = 0; i < mine->items->len; i++)
      {
        HcAuditEntry *entry = g_ptr_array_index (mine->items, i);

        g_assert_cmpstr (hc_audit_entry_get_actor (entry), ==, "nguyen.thi.lan");
        g_assert_cmpint (hc_audit_entry_get_action (entry), ==, HC_AUDIT_ACTION_ALERT_RESOLVE);
        found |= g_strcmp0 (hc_audit_entry_get_target (entry), hc_item_get_id (HC_ITEM (row))) == 0;
      }
    g_assert_true (found);
  }

  /* A period that starts tomorrow holds nothing. */
  {
    g_autoptr(GAsyncResult) result7 = NULL;
    g_autoptr(HcListPage) none = NULL;
    g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
    g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
    g_autofree char *since = g_date_time_format_iso8601 (tomorrow);

    hc_client_audit_async (supervisor, NULL, NULL, since, NULL, 50, NULL, store_result, &result7);
    spin_until (is_set, &result7, 30, "the audit log from tomorrow");
    none = hc_client_audit_finish (supervisor, result7, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none->items->len, ==, 0);
  }

  hc_client_audit_async (hc_hub_get_client (hub), NULL, NULL, NULL, NULL, 50, NULL, store_result, &result5);
  spin_until (is_set, &result5, 30, "the operator's audit");
  nothing = hc_client_audit_finish (hc_hub_get_client (hub), result5, &error);
  g_assert_null (nothing);
  g_assert_error (error, HC_ERROR, HC_ERROR_FORBIDDEN);
  g_assert_cmpint (hc_hub_get_state (hub), ==, HC_HUB_CONNECTED);
}

static void
test_signed_out_then_new_token (void)
{
  g_autoptr(HcHub) other = new_hub ("not-a-token");

  hc_hub_start (other);
  wait_state (other, HC_HUB_SIGNED_OUT, 30);
  g_assert_error (hc_hub_get_last_error (other), HC_ERROR, HC_ERROR_UNAUTHORIZED);
  g_assert_cmpint (hc_event_stream_get_state (hc_hub_get_event_stream (other)), ==, HC_EVENT_STREAM_STOPPED);

  hc_hub_set_token (other, VIEWER);
  wait_state (other, HC_HUB_CONNECTED, 60);
  g_assert_null (hc_hub_get_last_error (other));

  /* The same through the client and a restart, as a profile manager does. */
  hc_client_set_token (hc_hub_get_client (other), "expired-token");
  hc_hub_refresh (other);
  wait_state (other, HC_HUB_SIGNED_OUT, 30);
  hc_client_set_token (hc_hub_get_client (other), VIEWER);
  hc_hub_start (other);
  wait_state (other, HC_HUB_CONNECTED, 60);
  hc_hub_stop (other);
}

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
  MatchWait wait;

  g_assert_cmpint (hc_event_stream_get_state (hc_hub_get_event_stream (hub)), ==, HC_EVENT_STREAM_LIVE);

  /* Kill the hub mid-stream; the console notices. */
  stop_demo (TRUE);
  spin_until (hub_not_connected, hub, 30, "the hub to go offline");
  g_assert_cmpint (hc_hub_get_state (hub), ==, HC_HUB_OFFLINE);
  g_assert_nonnull (hc_hub_get_last_error (hub));

  /* Same data, same port; a change happens before we are back. */
  start_demo (demo_port);
  direct = new_client (OPERATOR);
  row = find_alert (alerts, HC_ALERT_STATE_OPEN, NULL);
  g_assert_nonnull (row);
  acked = acknowledge_directly (direct, hc_item_get_id (HC_ITEM (row)));

  wait.hub = hub;
  wait.direct = direct;
  spin_until (all_models_match, &wait, 60, "models equal to the hub's lists after reconnect");
  g_assert_cmpuint (hc_event_stream_get_reconnects (hc_hub_get_event_stream (hub)), >, reconnects);
  spin_until (alert_acknowledged, row, 30, "the change made while away");
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
  g_autoptr(HcClient) direct = new_client (OPERATOR);
  g_autoptr(HcSnapshot) snapshot = hc_snapshot_new (snapshot_path);
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(HcHub) offline = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gint64 total;
  SnapshotWait wait;
  StateWait state_wait;

  /* The hub's last good state reached the offline copy. */
  hc_hub_refresh (hub);
  wait_state (hub, HC_HUB_CONNECTED, 60);
  ids = fetch_ids (direct, HC_LIST_ALERTS, &total);
  wait.snapshot = snapshot;
  wait.ids = ids;
  spin_until (snapshot_has_ids, &wait, 30, "the offline copy");

  /* Nothing secret in it. */
  g_assert_true (g_file_get_contents (snapshot_path, &contents, &length, NULL));
  g_assert_null (g_strstr_len (contents, length, OPERATOR));
  g_assert_null (g_strstr_len (contents, length, "Bearer"));

  hc_hub_stop (hub);
  g_clear_object (&hub);
  stop_demo (FALSE);

  /* A new console start while the hub is down shows the copy. */
  offline = new_hub (OPERATOR);
  hc_hub_start (offline);
  state_wait.hub = offline;
  state_wait.state = HC_HUB_OFFLINE;
  spin_until (hub_in_state, &state_wait, 30, "offline state");
  spin_until (has_me, offline, 30, "me from the offline copy");
  g_assert_cmpint (hc_hub_get_state (offline), ==, HC_HUB_OFFLINE);
  g_assert_error (hc_hub_get_last_error (offline), HC_ERROR, HC_ERROR_UNREACHABLE);
  g_assert_cmpint (hc_hub_get_snapshot_age (offline), >=, 0);
  g_assert_cmpint (hc_hub_get_snapshot_age (offline), <, 120);
  g_assert_nonnull (hc_hub_get_last_updated (offline));
  g_assert_true (model_matches (hc_hub_get_alerts (offline), ids, total));
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_model (offline, kind))), >, 0);
  g_assert_cmpint (hc_me_get_role (hc_hub_get_me (offline)), ==, HC_ROLE_OPERATOR);
  g_assert_nonnull (hc_hub_get_overview (offline));

  /* When the hub is back, the console finds it on its own and the copy
   * gives way to live data. */
  start_demo (demo_port);
  wait_state (offline, HC_HUB_CONNECTED, 90);
  g_assert_cmpint (hc_hub_get_snapshot_age (offline), ==, -1);
  g_assert_null (hc_hub_get_last_error (offline));
  g_assert_true (model_matches (hc_hub_get_alerts (offline), ids, total));

  hc_hub_stop (offline);
}

/* The same over TLS: the demo hub with a certificate made here, trusted
 * through the profile's CA file; the event stream runs over TLS too. */
static void
test_tls_hub (void)
{
  g_autofree char *dir = g_build_filename (data_dir, "tls", NULL);
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
                              demo_exe, "--listen", "127.0.0.1:0", "--data-dir", dir, "--speed", "0",
                              "--tls-certificate", cert, "--tls-key", key, "--exit-with-stdin", NULL);
  g_assert_no_error (error);
  url = read_listening_line (tls_hub);
  g_assert_nonnull (url);
  g_assert_true (g_str_has_prefix (url, "https://"));

  client = hc_client_new (url, OPERATOR, cert, NULL, FALSE);
  hc_client_set_timeouts (client, 5, 20000);
  secure = hc_hub_new ("tls-hub", client);
  hc_hub_set_page_limit (secure, PAGE_LIMIT);
  hc_hub_start (secure);
  wait_state (secure, HC_HUB_CONNECTED, 60);
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
  MatchWait wait;

  stop_demo (FALSE);
  g_free (demo_dir);
  demo_dir = g_build_filename (data_dir, "churn", NULL);
  demo_speed = "5";
  start_demo (0);

  live = new_hub (OPERATOR);
  hc_hub_start (live);
  wait_state (live, HC_HUB_CONNECTED, 60);
  spin_until (events_flowing, live, 60, "events from the simulation");

  stop_demo (TRUE);
  spin_until (hub_not_connected, live, 30, "the hub to go offline");
  start_demo (demo_port);

  direct = new_client (OPERATOR);
  wait.hub = live;
  wait.direct = direct;
  spin_until (all_models_match, &wait, 90, "models equal to the hub's lists under churn");
  hc_hub_stop (live);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  const char *build_dir = g_getenv ("HC_BUILD_DIR");
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_assert_nonnull (build_dir);
  demo_exe = g_build_filename (build_dir, "app", "demo", "hub-console-demo-hub", NULL);
  if (!g_file_test (demo_exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_message ("The demo hub is not built (%s): skipping", demo_exe);
      return 77;
    }

  data_dir = g_dir_make_tmp ("hc-hub-test-XXXXXX", &error);
  g_assert_no_error (error);
  snapshot_path = g_build_filename (data_dir, "cache", "snapshots.sqlite", NULL);
  demo_dir = g_strdup (data_dir);
  start_demo (0);

  /* In order: they share the operator's hub and the demo hub process. */
  g_test_add_func ("/client/hub/models-match-lists", test_models_match_lists);
  g_test_add_func ("/client/hub/acknowledge-in-place", test_acknowledge_in_place);
  g_test_add_func ("/client/hub/fetch-detail", test_fetch_detail);
  g_test_add_func ("/client/hub/reset-reconciles", test_reset_reconciles);
  g_test_add_func ("/client/hub/viewer-forbidden", test_viewer_forbidden);
  g_test_add_func ("/client/hub/operator-retry", test_operator_retry);
  g_test_add_func ("/client/hub/resolve-and-audit", test_resolve_and_audit);
  g_test_add_func ("/client/hub/signed-out-then-new-token", test_signed_out_then_new_token);
  g_test_add_func ("/client/hub/reconnect-after-kill", test_reconnect_after_kill);
  g_test_add_func ("/client/hub/offline-snapshot", test_offline_snapshot);
  g_test_add_func ("/client/hub/tls-ca-file", test_tls_hub);
  g_test_add_func ("/client/hub/reconnect-under-churn", test_reconnect_under_churn);

  ret = g_test_run ();

  g_clear_object (&hub);
  stop_demo (FALSE);
  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf %s", data_dir);
    g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  }
  /* Idle worker threads would still hold dynamic TLS when LeakSanitizer
   * scans at exit, which trips it up (LLVM 14): let them end first. */
  g_thread_pool_set_max_unused_threads (0);
  g_thread_pool_stop_unused_threads ();
  g_usleep (G_USEC_PER_SEC / 10);
  return ret;
}
