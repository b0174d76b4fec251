/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A hub that keeps to the contract only in part (tests/hc-fault-server.py,
 * hub/<spec>): every part it can give is used, the parts it cannot are
 * named with the reason, and nothing not read is ever counted as zero. */
#include "config.h"

#include <locale.h>

#include "hc-error.h"
#include "hc-hub-summary.h"
#include "hc-hub.h"
#include "hc-test-fault.h"

static guint http_port;

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Whether the hub has settled: connected (or not), lists fetched, and its
 * overview either read or failed. */
static gboolean
settled (HcHub *hub)
{
  if (hc_hub_get_state (hub) == HC_HUB_CONNECTING || hc_hub_get_loading (hub))
    return FALSE;
  if (hc_hub_get_state (hub) != HC_HUB_CONNECTED)
    return TRUE;
  if (hc_hub_get_overview (hub) == NULL && hc_hub_get_overview_error (hub) == NULL)
    return FALSE;
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    if (!hc_hub_get_list_complete (hub, kind) && hc_hub_get_list_error (hub, kind) == NULL)
      return FALSE;
  return TRUE;
}

static HcHub *
start_hub_polled (const char *spec,
                  guint       poll_s)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/hub/%s", http_port, spec);
  g_autoptr(HcClient) client = hc_client_new (url, "fault-token", NULL, NULL, FALSE);
  HcHub *hub = hc_hub_new (spec, client);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  hc_client_set_timeouts (client, 5, 4000);
  hc_hub_set_overview_delay (hub, 10);
  if (poll_s > 0)
    hc_hub_set_poll_interval (hub, poll_s);
  hc_hub_start (hub);
  while (!settled (hub))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Hub %s never settled", spec);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  return hub;
}

static HcHub *
start_hub (const char *spec)
{
  return start_hub_polled (spec, 0);
}

/* The hub's real figures (HUB in hc-fault-server.py). */
static void
assert_real_sources (const HcHubSummary *s)
{
  g_assert_cmpint (s->sources[HC_SOURCE_STATUS_FAILED], ==, 2);
  g_assert_cmpint (s->sources[HC_SOURCE_STATUS_LAGGING], ==, 1);
  g_assert_cmpint (s->sources[HC_SOURCE_STATUS_OK], ==, 1);
  g_assert_cmpint (s->sources[HC_SOURCE_STATUS_PAUSED], ==, 0);
}

static void
assert_real_figures (const HcHubSummary *s)
{
  assert_real_sources (s);
  g_assert_cmpint (s->datasets, ==, 2);
  g_assert_cmpfloat_with_epsilon (s->score[HC_CRITERION_CORRECT], 80.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->overall, 80.0, 1e-9);
  g_assert_cmpint (s->pools[HC_POOL_STATE_DEGRADED], ==, 1);
  g_assert_cmpint (s->pools[HC_POOL_STATE_HEALTHY], ==, 1);
  g_assert_cmpuint (s->capacity_bytes, ==, 2000000000);
  g_assert_cmpint (s->disks[HC_DISK_HEALTH_FAILING], ==, 1);
  g_assert_cmpint (s->nodes[HC_NODE_STATE_UP], ==, 2);
  g_assert_cmpint (s->alerts_open[HC_SEVERITY_CRITICAL], ==, 1);
  g_assert_cmpint (s->alerts_open[HC_SEVERITY_HIGH], ==, 1);
  g_assert_cmpint (s->alerts_open[HC_SEVERITY_MEDIUM], ==, 0);
  g_assert_cmpint (s->alerts_open_total, ==, 2);
}

static void
assert_all_from_lists (const HcHubSummary *s)
{
  for (guint part = 0; part < HC_SUMMARY_N_PARTS; part++)
    g_assert_cmpint (s->origin[part], ==, HC_SUMMARY_FROM_LISTS);
}

/* No /overview (404), or one in the wrong shape: the lists give it all. */
static void
test_overview_unreadable (gconstpointer data)
{
  const char *spec = data;
  g_autoptr(HcHub) hub = start_hub (spec);
  g_autoptr(HcHubSummary) s = NULL;

  g_assert_cmpint (hc_hub_get_state (hub), ==, HC_HUB_CONNECTED);
  g_assert_null (hc_hub_get_overview (hub));
  g_assert_nonnull (hc_hub_get_overview_error (hub));
  g_assert_true (hc_hub_get_partial (hub));

  s = hc_hub_summary_new (hub);
  g_assert_true (s->live);
  assert_all_from_lists (s);
  assert_real_figures (s);
  hc_hub_stop (hub);
}

/* An overview that says all is quiet while the lists say otherwise: the
 * lists win. */
static void
test_overview_lying (void)
{
  g_autoptr(HcHub) hub = start_hub ("overview=lying");
  g_autoptr(HcHubSummary) s = NULL;

  g_assert_nonnull (hc_hub_get_overview (hub));
  g_assert_cmpint (hc_overview_get_sources (hc_hub_get_overview (hub), HC_SOURCE_STATUS_FAILED), ==, 0);
  g_assert_false (hc_hub_get_partial (hub));

  s = hc_hub_summary_new (hub);
  assert_all_from_lists (s);
  assert_real_figures (s);
  hc_hub_stop (hub);
}

/* Lists the hub cannot give: the others are used, the hub stays
 * connected, and the missing parts come from the overview, saying why. */
static void
test_lists_missing (void)
{
  g_autoptr(HcHub) hub = start_hub ("sources=error500,nodes=notfound");
  g_autoptr(HcHubSummary) s = NULL;

  g_assert_cmpint (hc_hub_get_state (hub), ==, HC_HUB_CONNECTED);
  g_assert_true (hc_hub_get_partial (hub));
  g_assert_true (g_error_matches (hc_hub_get_list_error (hub, HC_LIST_SOURCES), HC_ERROR, HC_ERROR_HUB_ERROR));
  g_assert_true (g_error_matches (hc_hub_get_list_error (hub, HC_LIST_NODES), HC_ERROR, HC_ERROR_NOT_FOUND));
  g_assert_false (hc_hub_get_list_complete (hub, HC_LIST_SOURCES));
  g_assert_false (hc_hub_get_list_complete (hub, HC_LIST_NODES));
  g_assert_true (hc_hub_get_list_complete (hub, HC_LIST_ALERTS));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_alerts (hub))), ==, 3);

  s = hc_hub_summary_new (hub);
  g_assert_cmpint (s->origin[HC_SUMMARY_SOURCES], ==, HC_SUMMARY_FROM_OVERVIEW);
  g_assert_cmpint (s->origin[HC_SUMMARY_HARDWARE], ==, HC_SUMMARY_FROM_OVERVIEW);
  g_assert_cmpint (s->origin[HC_SUMMARY_ALERTS], ==, HC_SUMMARY_FROM_LISTS);
  g_assert_nonnull (strstr (s->note[HC_SUMMARY_SOURCES], "could not be read"));
  g_assert_nonnull (strstr (s->note[HC_SUMMARY_HARDWARE], "storage nodes"));
  assert_real_figures (s);
  hc_hub_stop (hub);
}

/* Neither the list nor the overview: unknown, with both reasons, and no
 * figure made up. */
static void
test_nothing_to_count (void)
{
  g_autoptr(HcHub) hub = start_hub ("sources=truncated,overview=error500");
  g_autoptr(HcHubSummary) s = NULL;

  g_assert_true (g_error_matches (hc_hub_get_list_error (hub, HC_LIST_SOURCES), HC_ERROR,
                                  HC_ERROR_MALFORMED_RESPONSE));
  s = hc_hub_summary_new (hub);
  g_assert_false (hc_hub_summary_known (s, HC_SUMMARY_SOURCES));
  g_assert_nonnull (strstr (s->note[HC_SUMMARY_SOURCES], "list of feeds could not be read"));
  g_assert_nonnull (strstr (s->note[HC_SUMMARY_SOURCES], "nor its overview"));
  /* The other parts are counted from their lists all the same. */
  g_assert_true (hc_hub_summary_known (s, HC_SUMMARY_ALERTS));
  g_assert_cmpint (s->alerts_open[HC_SEVERITY_CRITICAL], ==, 1);
  hc_hub_stop (hub);
}

/* Pages smaller than asked for, and fields the contract does not name:
 * the whole list, read as it is. */
static void
test_small_pages_extra_fields (void)
{
  g_autoptr(HcHub) hub = start_hub ("sources=paged,alerts=paged,pools=extra,overview=extra");
  g_autoptr(HcHubSummary) s = NULL;

  g_assert_false (hc_hub_get_partial (hub));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_sources (hub))), ==, 4);
  s = hc_hub_summary_new (hub);
  assert_all_from_lists (s);
  assert_real_figures (s);
  hc_hub_stop (hub);
}

/* The next page is asked for while the one before is parsed (its cursor
 * read from its end): a light page parsed before the heavy one ahead of
 * it still goes in after it, every row in the hub's order. */
static void
test_pages_in_order (void)
{
  g_autoptr(HcHub) hub = start_hub ("alerts=paged-tail");
  GListModel *alerts = G_LIST_MODEL (hc_hub_get_alerts (hub));

  g_assert_true (hc_hub_get_list_complete (hub, HC_LIST_ALERTS));
  g_assert_cmpuint (g_list_model_get_n_items (alerts), ==, 1003);
  for (guint i = 0; i < 1003; i++)
    {
      g_autoptr(HcItem) item = g_list_model_get_item (alerts, i);
      g_autofree char *id = g_strdup_printf ("al-%04u", i);

      g_assert_cmpstr (hc_item_get_id (item), ==, id);
    }
  hc_hub_stop (hub);
}

/* A hub that cannot be reached, and one not yet reached: nothing known,
 * and each part says why. */
static void
test_unreachable (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, NULL);
  g_autofree char *url = NULL;
  g_autoptr(HcClient) client = NULL;
  g_autoptr(HcHub) hub = NULL;
  g_autoptr(HcHubSummary) before = NULL;
  g_autoptr(HcHubSummary) after = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint wake;

  /* A port that was free a moment ago: nobody listens there now. */
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  client = hc_client_new (url, "token", NULL, NULL, FALSE);
  hub = hc_hub_new ("unreachable", client);

  before = hc_hub_summary_new (hub);
  for (guint part = 0; part < HC_SUMMARY_N_PARTS; part++)
    {
      g_assert_false (hc_hub_summary_known (before, part));
      g_assert_nonnull (strstr (before->note[part], "connecting"));
    }

  wake = g_timeout_add (50, wake_cb, NULL);
  hc_hub_start (hub);
  while (hc_hub_get_state (hub) != HC_HUB_OFFLINE)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);

  after = hc_hub_summary_new (hub);
  g_assert_false (after->live);
  for (guint part = 0; part < HC_SUMMARY_N_PARTS; part++)
    {
      g_assert_false (hc_hub_summary_known (after, part));
      g_assert_true (g_str_has_prefix (after->note[part], "Not read: "));
    }
  hc_hub_stop (hub);
}

static gboolean
has_alert (HcHub      *hub,
           const char *id)
{
  GListModel *alerts = G_LIST_MODEL (hc_hub_get_alerts (hub));

  for (guint i = 0; i < g_list_model_get_n_items (alerts); i++)
    {
      g_autoptr(HcItem) item = g_list_model_get_item (alerts, i);

      if (g_str_equal (hc_item_get_id (item), id))
        return TRUE;
    }
  return FALSE;
}

/* A hub without an event stream: it is partly read (no live updates, with
 * the reason), not shown as live and silently stale; its lists are read
 * again every poll interval, so a change there still arrives. */
static void
test_no_events (void)
{
  g_autoptr(HcHub) hub = start_hub_polled ("events=notfound", 1);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint wake;

  g_assert_cmpint (hc_hub_get_state (hub), ==, HC_HUB_CONNECTED);
  g_assert_true (g_error_matches (hc_hub_get_events_error (hub), HC_ERROR, HC_ERROR_NOT_FOUND));
  g_assert_true (hc_hub_get_partial (hub));
  g_assert_cmpuint (hc_hub_get_poll_interval (hub), ==, 1);
  g_assert_false (has_alert (hub, "al-polled"));

  hc_test_fault_post (http_port, "events=notfound", "_inject",
                      "[{\"event\": \"alert.created\", \"data\": {\"id\": \"al-polled\","
                      " \"severity\": \"critical\", \"category\": \"malware\", \"title\": \"Mã độc\","
                      " \"description\": \"\", \"asset\": \"db-01\", \"source_ip\": null,"
                      " \"detected_at\": \"2026-01-05T09:00:00Z\", \"state\": \"open\","
                      " \"acknowledged_by\": null, \"acknowledged_at\": null, \"resolved_by\": null,"
                      " \"resolved_at\": null, \"resolution\": null, \"events_count\": 1}}]");

  wake = g_timeout_add (50, wake_cb, NULL);
  while (!has_alert (hub, "al-polled"))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("The polled hub never showed the new alert");
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);

  /* Still without a stream, still saying so. */
  g_assert_nonnull (hc_hub_get_events_error (hub));
  g_assert_true (hc_hub_get_partial (hub));
  hc_hub_stop (hub);
}

static HcTestFaultServer *fault_server;

static void
start_server (void)
{
  fault_server = hc_test_fault_server_start (FALSE);
  http_port = fault_server->http_port;
}

static void
stop_server (void)
{
  hc_test_fault_server_stop (g_steal_pointer (&fault_server));
}

int
main (int argc, char *argv[])
{
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  start_server ();

  g_test_add_data_func ("/hub/partial/overview-not-found", "overview=notfound", test_overview_unreadable);
  g_test_add_data_func ("/hub/partial/overview-error", "overview=error500", test_overview_unreadable);
  g_test_add_data_func ("/hub/partial/overview-wrong-schema", "overview=wrong-schema", test_overview_unreadable);
  g_test_add_data_func ("/hub/partial/overview-truncated", "overview=truncated", test_overview_unreadable);
  g_test_add_func ("/hub/partial/overview-lying", test_overview_lying);
  g_test_add_func ("/hub/partial/lists-missing", test_lists_missing);
  g_test_add_func ("/hub/partial/nothing-to-count", test_nothing_to_count);
  g_test_add_func ("/hub/partial/small-pages-extra-fields", test_small_pages_extra_fields);
  g_test_add_func ("/hub/partial/pages-in-order", test_pages_in_order);
  g_test_add_func ("/hub/partial/unreachable", test_unreachable);
  g_test_add_func ("/hub/partial/no-events", test_no_events);

  ret = g_test_run ();
  stop_server ();
  return ret;
}
