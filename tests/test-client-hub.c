/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcHub against the demo hub on loopback: models equal the hub's lists,
 * actions and events update rows in place, roles and sign-out are obeyed.
 * A hub killed, restarted, down or over TLS: test-client-hub-restart.c. */
#include "config.h"

#include <locale.h>
#include <string.h>

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
has_overview (gpointer data)
{
  return hc_hub_get_overview (data) != NULL;
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
  g_autoptr(HcClient) direct = hc_test_demo_client (OPERATOR);
  HcTestMatchWait wait;
  guint batches_while_loading = 0;
  gulong handler;

  hub = hc_test_demo_new_hub (OPERATOR);
  handler = g_signal_connect (hc_hub_get_alerts (hub), "items-changed",
                              G_CALLBACK (alerts_changed_cb), &batches_while_loading);
  g_assert_cmpint (hc_hub_get_state (hub), ==, HC_HUB_CONNECTING);
  hc_hub_start (hub);
  hc_test_demo_wait_state (hub, HC_HUB_CONNECTED, 60);
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
  hc_test_demo_spin_until (hc_test_demo_models_match, &wait, 30, "models equal to the hub's lists");

  hc_test_demo_spin_until (has_overview, hub, 30, "the overview");
}

static void
test_acknowledge_in_place (void)
{
  g_autoptr(HcClient) direct = hc_test_demo_client (OPERATOR);
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
  row = hc_test_demo_find_alert (alerts, HC_ALERT_STATE_OPEN, NULL);
  g_assert_nonnull (row);
  answer = hc_test_demo_acknowledge (direct, hc_item_get_id (HC_ITEM (row)));
  hc_test_demo_spin_until (hc_test_demo_alert_acknowledged, row, 30, "the alert.updated event");
  g_assert_true ((gpointer) hc_item_store_lookup (alerts, hc_item_get_id (HC_ITEM (row))) == (gpointer) row);
  g_assert_cmpstr (hc_alert_get_acknowledged_by (row), ==, hc_alert_get_acknowledged_by (answer));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (alerts)), ==, n_before);

  /* Our own action updates the row from the answer, the same object. */
  row2 = hc_test_demo_find_alert (alerts, HC_ALERT_STATE_OPEN, NULL);
  g_assert_nonnull (row2);
  hc_hub_acknowledge_alert_async (hub, hc_item_get_id (HC_ITEM (row2)), "on it", key, NULL,
                                  hc_test_demo_store_result, &result);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result, 30, "the hub action");
  stored = hc_hub_acknowledge_alert_finish (hub, result, &error);
  g_assert_no_error (error);
  g_assert_true (stored == row2);
  g_assert_cmpint (hc_alert_get_state (row2), ==, HC_ALERT_STATE_ACKNOWLEDGED);

  /* A repeated click with the same key acts once: the hub replays. */
  hc_hub_acknowledge_alert_async (hub, hc_item_get_id (HC_ITEM (row2)), "on it", key, NULL,
                                  hc_test_demo_store_result, &result2);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result2, 30, "the repeated action");
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
  hc_hub_fetch_detail_async (hub, HC_LIST_SOURCES, hc_item_get_id (row), NULL, hc_test_demo_store_result, &result);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result, 30, "the source's detail");
  detail = hc_hub_fetch_detail_finish (hub, result, &error);
  g_assert_no_error (error);
  g_assert_true (detail == row);
  g_assert_nonnull (hc_source_get_runs (HC_SOURCE (row)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (sources)), ==, n_before);

  hc_hub_fetch_detail_async (hub, HC_LIST_ALERTS, "no-such-alert", NULL, hc_test_demo_store_result, &result2);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result2, 30, "a missing alert's detail");
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
  g_autoptr(HcClient) direct = hc_test_demo_client (OPERATOR);
  HcEventStream *stream = hc_hub_get_event_stream (hub);
  HcItemStore *alerts = hc_hub_get_alerts (hub);
  g_autoptr(HcItem) first = g_list_model_get_item (G_LIST_MODEL (alerts), 0);
  g_autofree char *lost_id = g_strdup (hc_item_get_id (first));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(HcItem) ghost = NULL;
  g_autoptr(GError) error = NULL;
  guint resets = 0;
  gulong handler;
  HcTestMatchWait wait;

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
  hc_test_demo_spin_until (got_reset, &resets, 30, "the reset event");
  g_signal_handler_disconnect (stream, handler);
  g_assert_cmpstr (hc_event_stream_get_last_event_id (stream), !=, "999999999");

  wait.hub = hub;
  wait.direct = direct;
  hc_test_demo_spin_until (hc_test_demo_models_match, &wait, 30, "models reconciled after reset");
  g_assert_null (hc_item_store_lookup (alerts, "ghost-1"));
  g_assert_nonnull (hc_item_store_lookup (alerts, lost_id));
}

static void
test_viewer_forbidden (void)
{
  g_autoptr(HcHub) viewer = hc_test_demo_new_hub (VIEWER);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) source = NULL;
  gpointer run;

  hc_hub_start (viewer);
  hc_test_demo_wait_state (viewer, HC_HUB_CONNECTED, 60);
  g_assert_cmpint (hc_me_get_role (hc_hub_get_me (viewer)), ==, HC_ROLE_VIEWER);

  source = g_list_model_get_item (G_LIST_MODEL (hc_hub_get_sources (viewer)), 0);
  hc_hub_retry_source_async (viewer, hc_item_get_id (source), NULL, NULL, hc_test_demo_store_result, &result);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result, 30, "the retry");
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

  hc_hub_retry_source_async (hub, hc_item_get_id (HC_ITEM (source)), NULL, NULL, hc_test_demo_store_result, &result);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result, 30, "the retry");
  run = hc_hub_retry_source_finish (hub, result, &error);
  g_assert_no_error (error);
  g_assert_true (HC_IS_RUN (run));
  g_assert_cmpint (hc_run_get_outcome (run), ==, HC_RUN_OUTCOME_RUNNING);

  /* The source row shows the new run once its event arrives. */
  wait.source = source;
  wait.run_id = hc_item_get_id (HC_ITEM (run));
  hc_test_demo_spin_until (source_shows_run, &wait, 30, "the source.updated event");
}

static gboolean
alert_resolved (gpointer data)
{
  return hc_alert_get_state (data) == HC_ALERT_STATE_RESOLVED;
}

static void
test_resolve_and_audit (void)
{
  g_autoptr(HcClient) supervisor = hc_test_demo_client (SUPERVISOR);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GAsyncResult) result3 = NULL;
  g_autoptr(GAsyncResult) result4 = NULL;
  g_autoptr(GAsyncResult) result5 = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcAlert) resolved = NULL;
  g_autoptr(HcListPage) audit = NULL;
  gpointer nothing;
  HcAlert *row = hc_test_demo_find_alert (hc_hub_get_alerts (hub), HC_ALERT_STATE_ACKNOWLEDGED, NULL);

  g_assert_nonnull (row);

  /* The operator may not resolve... */
  hc_hub_resolve_alert_async (hub, hc_item_get_id (HC_ITEM (row)), "done", "fixed", NULL, NULL,
                              hc_test_demo_store_result, &result);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result, 30, "the operator's resolve");
  nothing = hc_hub_resolve_alert_finish (hub, result, &error);
  g_assert_null (nothing);
  g_assert_error (error, HC_ERROR, HC_ERROR_FORBIDDEN);
  g_clear_error (&error);

  /* ...the supervisor may, and our row follows by its event. */
  hc_client_resolve_alert_async (supervisor, hc_item_get_id (HC_ITEM (row)), "patched", "fixed", NULL, NULL,
                                 hc_test_demo_store_result, &result2);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result2, 30, "the supervisor's resolve");
  resolved = hc_client_resolve_alert_finish (supervisor, result2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_alert_get_state (resolved), ==, HC_ALERT_STATE_RESOLVED);
  hc_test_demo_spin_until (alert_resolved, row, 30, "the resolve event");

  /* Resolving twice (a new click, a new key) is a conflict. */
  hc_client_resolve_alert_async (supervisor, hc_item_get_id (HC_ITEM (row)), "again", "fixed", NULL, NULL,
                                 hc_test_demo_store_result, &result3);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result3, 30, "the second resolve");
  nothing = hc_client_resolve_alert_finish (supervisor, result3, &error);
  g_assert_null (nothing);
  g_assert_error (error, HC_ERROR, HC_ERROR_CONFLICT);
  g_clear_error (&error);

  /* The audit log: supervisors only. */
  hc_client_audit_async (supervisor, NULL, 50, NULL, hc_test_demo_store_result, &result4);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result4, 30, "the audit log");
  audit = hc_client_audit_finish (supervisor, result4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->items->len, >, 0);
  g_assert_true (HC_IS_AUDIT_ENTRY (g_ptr_array_index (audit->items, 0)));

  hc_client_audit_async (hc_hub_get_client (hub), NULL, 50, NULL, hc_test_demo_store_result, &result5);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result5, 30, "the operator's audit");
  nothing = hc_client_audit_finish (hc_hub_get_client (hub), result5, &error);
  g_assert_null (nothing);
  g_assert_error (error, HC_ERROR, HC_ERROR_FORBIDDEN);
  g_assert_cmpint (hc_hub_get_state (hub), ==, HC_HUB_CONNECTED);
}

static void
test_signed_out_then_new_token (void)
{
  g_autoptr(HcHub) other = hc_test_demo_new_hub ("not-a-token");

  hc_hub_start (other);
  hc_test_demo_wait_state (other, HC_HUB_SIGNED_OUT, 30);
  g_assert_error (hc_hub_get_last_error (other), HC_ERROR, HC_ERROR_UNAUTHORIZED);
  g_assert_cmpint (hc_event_stream_get_state (hc_hub_get_event_stream (other)), ==, HC_EVENT_STREAM_STOPPED);

  hc_hub_set_token (other, VIEWER);
  hc_test_demo_wait_state (other, HC_HUB_CONNECTED, 60);
  g_assert_null (hc_hub_get_last_error (other));

  /* The same through the client and a restart, as a profile manager does. */
  hc_client_set_token (hc_hub_get_client (other), "expired-token");
  hc_hub_refresh (other);
  hc_test_demo_wait_state (other, HC_HUB_SIGNED_OUT, 30);
  hc_client_set_token (hc_hub_get_client (other), VIEWER);
  hc_hub_start (other);
  hc_test_demo_wait_state (other, HC_HUB_CONNECTED, 60);
  hc_hub_stop (other);
}

int
main (int argc, char *argv[])
{
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  if (!hc_test_demo_setup ())
    return 77;

  /* In order: they share the operator's hub and the demo hub process. */
  g_test_add_func ("/client/hub/models-match-lists", test_models_match_lists);
  g_test_add_func ("/client/hub/acknowledge-in-place", test_acknowledge_in_place);
  g_test_add_func ("/client/hub/fetch-detail", test_fetch_detail);
  g_test_add_func ("/client/hub/reset-reconciles", test_reset_reconciles);
  g_test_add_func ("/client/hub/viewer-forbidden", test_viewer_forbidden);
  g_test_add_func ("/client/hub/operator-retry", test_operator_retry);
  g_test_add_func ("/client/hub/resolve-and-audit", test_resolve_and_audit);
  g_test_add_func ("/client/hub/signed-out-then-new-token", test_signed_out_then_new_token);

  ret = g_test_run ();

  g_clear_object (&hub);
  hc_test_demo_teardown ();
  return ret;
}
