/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * A hub of kind "alertmanager" against a real Prometheus Alertmanager:
 * the alerts mapped into the model, acknowledge as a silence read back
 * from the Alertmanager, expire, a resolved alert leaving, no churn when
 * nothing changed, offline and live again after a restart.
 */
#include "config.h"

#include <locale.h>

#include "hc-alert.h"
#include "hc-alertmanager.h"
#include "hc-error.h"
#include "hc-demo-launcher.h"
#include "hc-hub.h"
#include "hc-hub-manager.h"
#include "hc-profile.h"
#include "hc-test-alertmanager.h"

static HcTestAlertmanager *am;
static HcHub *hub;

#define ALERTS \
  "[{\"labels\":{\"alertname\":\"DiskFull\",\"severity\":\"critical\",\"instance\":\"db1:9100\",\"job\":\"node\"}," \
  "  \"annotations\":{\"summary\":\"Disk full on db1\",\"description\":\"/var is 99% full\"}," \
  "  \"generatorURL\":\"http://prometheus.example/graph?g0.expr=disk\"}," \
  " {\"labels\":{\"alertname\":\"HighLoad\",\"severity\":\"warning\",\"instance\":\"web1:9100\"}}," \
  " {\"labels\":{\"alertname\":\"Meteor\",\"severity\":\"disaster\",\"instance\":\"dc1\"}}]"

typedef gboolean (*Condition) (gpointer data);

static void
spin_until (Condition    condition,
            gpointer     data,
            guint        seconds,
            const char  *what)
{
  gint64 deadline = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for: %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
n_alerts_is (gpointer data)
{
  return g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_alerts (hub))) == GPOINTER_TO_UINT (data) &&
         hc_hub_get_state (hub) == HC_HUB_CONNECTED;
}

static gboolean
state_is (gpointer data)
{
  return hc_hub_get_state (hub) == (HcHubState) GPOINTER_TO_INT (data);
}

static HcAlert *
find_alert (const char *alertname)
{
  GListModel *model = G_LIST_MODEL (hc_hub_get_alerts (hub));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HcAlert) alert = g_list_model_get_item (model, i);

      if (g_strcmp0 (hc_alert_get_category_text (alert), alertname) == 0)
        return alert;
    }
  return NULL;
}

static void
test_mapped (void)
{
  HcAlert *disk, *load, *meteor;
  const char *reason = NULL;

  hc_test_alertmanager_post (am, ALERTS);
  hc_hub_start (hub);
  spin_until (n_alerts_is, GUINT_TO_POINTER (3), 20, "three alerts read");

  disk = find_alert ("DiskFull");
  g_assert_nonnull (disk);
  g_assert_cmpstr (hc_alert_get_title (disk), ==, "Disk full on db1");
  g_assert_cmpint (hc_alert_get_severity (disk), ==, HC_SEVERITY_CRITICAL);
  g_assert_null (hc_alert_get_severity_text (disk));
  g_assert_cmpstr (hc_alert_get_asset (disk), ==, "db1:9100");
  g_assert_cmpstr (hc_alert_get_description (disk), ==, "/var is 99% full");
  g_assert_cmpint (hc_alert_get_state (disk), ==, HC_ALERT_STATE_OPEN);
  g_assert_cmpstr (hc_alert_get_generator_url (disk), ==, "http://prometheus.example/graph?g0.expr=disk");
  g_assert_true (g_strv_contains (hc_alert_get_labels (disk), "instance=db1:9100"));
  g_assert_true (g_strv_contains (hc_alert_get_annotations (disk), "summary=Disk full on db1"));
  g_assert_cmpint (ABS (hc_alert_get_detected_at (disk) - g_get_real_time () / G_USEC_PER_SEC), <, 60);

  load = find_alert ("HighLoad");
  g_assert_cmpint (hc_alert_get_severity (load), ==, HC_SEVERITY_MEDIUM);
  /* No summary: the alert name is the title. */
  g_assert_cmpstr (hc_alert_get_title (load), ==, "HighLoad");

  /* A severity none of the four: shown as it is, sorted after low. */
  meteor = find_alert ("Meteor");
  g_assert_cmpstr (hc_alert_get_severity_text (meteor), ==, "disaster");
  g_assert_cmpint (hc_alert_get_severity_rank (meteor), <, hc_alert_get_severity_rank (load));
  g_assert_cmpint (hc_alert_get_severity_rank (meteor), <, HC_SEVERITY_LOW);

  g_assert_true (hc_hub_serves (hub, HC_LIST_ALERTS));
  g_assert_false (hc_hub_serves (hub, HC_LIST_SOURCES));
  g_assert_false (hc_hub_can (hub, HC_HUB_ACTION_RESOLVE, &reason));
  g_assert_nonnull (reason);
  g_assert_true (hc_hub_can (hub, HC_HUB_ACTION_SILENCE, NULL));
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static void
test_no_churn (void)
{
  guint changes = 0;
  g_autoptr(GDateTime) before = g_date_time_ref (hc_hub_get_last_updated (hub));
  gulong id = g_signal_connect (hc_hub_get_alerts (hub), "items-changed",
                                G_CALLBACK (on_items_changed), &changes);
  gint64 until = g_get_monotonic_time () + 2500 * 1000;

  /* Two polls of one second read the same alerts: nothing moves. */
  while (g_get_monotonic_time () < until)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_signal_handler_disconnect (hc_hub_get_alerts (hub), id);
  g_assert_cmpuint (changes, ==, 0);
  g_assert_true (g_date_time_compare (hc_hub_get_last_updated (hub), before) > 0);
}

static void
result_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static JsonObject *
silence_by_id (JsonNode   *silences,
               const char *id)
{
  JsonArray *array = json_node_get_array (silences);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *silence = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (silence, "id"), id) == 0)
        return silence;
    }
  return NULL;
}

static void
test_acknowledge_is_silence (void)
{
  HcAlert *disk = find_alert ("DiskFull");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcAlert) acked = NULL;
  g_autoptr(JsonNode) silences = NULL;
  g_autoptr(GDateTime) ends = NULL;
  gint64 ends_at = g_get_real_time () / G_USEC_PER_SEC + 4 * 3600;
  JsonObject *silence;
  JsonArray *matchers;

  /* The Hub API's acknowledge (no end) and resolve are refused, saying why. */
  hc_hub_resolve_alert_async (hub, hc_item_get_id (HC_ITEM (disk)), "x", "fixed", NULL, NULL,
                              result_cb, &result);
  g_assert_null (hc_hub_resolve_alert_finish (hub, wait_result (&result), &error));
  g_assert_error (error, HC_ERROR, HC_ERROR_INVALID_REQUEST);
  g_clear_error (&error);
  g_clear_object (&result);

  hc_hub_silence_alert_async (hub, hc_item_get_id (HC_ITEM (disk)), "Disk being replaced", ends_at,
                              NULL, result_cb, &result);
  acked = hc_hub_silence_alert_finish (hub, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_true (acked == disk);
  g_assert_cmpint (hc_alert_get_state (disk), ==, HC_ALERT_STATE_ACKNOWLEDGED);
  g_assert_cmpstr (hc_alert_get_acknowledged_by (disk), ==, "operator1");
  g_assert_cmpstr (hc_alert_get_acknowledged_comment (disk), ==, "Disk being replaced");
  g_assert_cmpint (ABS (hc_alert_get_acknowledged_until (disk) - ends_at), <=, 1);
  g_assert_nonnull (hc_alert_get_silence_id (disk));

  /* Read back from the Alertmanager itself. */
  silences = hc_test_alertmanager_get (am, "/silences");
  silence = silence_by_id (silences, hc_alert_get_silence_id (disk));
  g_assert_nonnull (silence);
  g_assert_cmpstr (json_object_get_string_member (silence, "comment"), ==, "Disk being replaced");
  g_assert_cmpstr (json_object_get_string_member (silence, "createdBy"), ==, "operator1");
  ends = g_date_time_new_from_iso8601 (json_object_get_string_member (silence, "endsAt"), NULL);
  g_assert_cmpint (ABS (g_date_time_to_unix (ends) - ends_at), <=, 1);
  matchers = json_object_get_array_member (silence, "matchers");
  /* Exactly the alert's four labels, each an equality. */
  g_assert_cmpuint (json_array_get_length (matchers), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *m = json_array_get_object_element (matchers, i);
      g_autofree char *pair = g_strconcat (json_object_get_string_member (m, "name"), "=",
                                           json_object_get_string_member (m, "value"), NULL);

      g_assert_true (g_strv_contains (hc_alert_get_labels (disk), pair));
      g_assert_false (json_object_get_boolean_member (m, "isRegex"));
      g_assert_true (json_object_get_boolean_member (m, "isEqual"));
    }
  /* Only that alert is silenced. */
  g_assert_cmpint (hc_alert_get_state (find_alert ("HighLoad")), ==, HC_ALERT_STATE_OPEN);
}

static void
test_expire (void)
{
  HcAlert *disk = find_alert ("DiskFull");
  g_autofree char *silence_id = g_strdup (hc_alert_get_silence_id (disk));
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcAlert) open = NULL;
  g_autoptr(JsonNode) silences = NULL;
  JsonObject *silence;

  hc_hub_expire_silence_async (hub, hc_item_get_id (HC_ITEM (disk)), NULL, result_cb, &result);
  open = hc_hub_expire_silence_finish (hub, wait_result (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_alert_get_state (open), ==, HC_ALERT_STATE_OPEN);
  g_assert_null (hc_alert_get_silence_id (open));
  g_assert_null (hc_alert_get_acknowledged_by (open));

  silences = hc_test_alertmanager_get (am, "/silences");
  silence = silence_by_id (silences, silence_id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (silence, "status"), "state"),
                   ==, "expired");
}

static void
test_resolved_leaves (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) past = g_date_time_add_seconds (now, -1);
  g_autofree char *ends = g_date_time_format_iso8601 (past);
  g_autofree char *json = g_strdup_printf ("[{\"labels\":{\"alertname\":\"HighLoad\",\"severity\":\"warning\","
                                           "\"instance\":\"web1:9100\"},\"endsAt\":\"%s\"}]", ends);

  hc_test_alertmanager_post (am, json);
  spin_until (n_alerts_is, GUINT_TO_POINTER (2), 10, "the resolved alert leaves");
  g_assert_null (find_alert ("HighLoad"));
  g_assert_nonnull (find_alert ("DiskFull"));
}

static void
test_offline_and_back (void)
{
  HcAlert *disk = find_alert ("DiskFull");

  hc_test_alertmanager_stop (am);
  spin_until (state_is, GINT_TO_POINTER (HC_HUB_OFFLINE), 10, "offline once stopped");
  g_assert_error (hc_hub_get_last_error (hub), HC_ERROR, HC_ERROR_UNREACHABLE);
  /* Nothing lost meanwhile: the last alerts read stay. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_alerts (hub))), ==, 2);

  hc_test_alertmanager_start (am);
  /* Prometheus sends its firing alerts again; a restarted Alertmanager has them. */
  hc_test_alertmanager_post (am, ALERTS);
  hc_hub_refresh (hub);
  spin_until (n_alerts_is, GUINT_TO_POINTER (3), 20, "live again");
  /* The same alert, the same object: rows and selection survive. */
  g_assert_true (find_alert ("DiskFull") == disk);
  g_assert_null (hc_hub_get_last_error (hub));
}

static GPtrArray *
map_json (const char  *alerts,
          const char  *silences,
          GError     **error)
{
  g_autoptr(JsonNode) a = json_from_string (alerts, NULL);
  g_autoptr(JsonNode) s = silences ? json_from_string (silences, NULL) : NULL;

  return hc_alertmanager_map_alerts (a, s, error);
}

/* Whatever an Alertmanager sends is named, never crashes or passes as data. */
static void
test_map_malformed (void)
{
  static const char * const bad[] = {
    "{}",
    "[1]",
    "[{\"labels\":{\"alertname\":\"X\"}}]",                           /* no fingerprint */
    "[{\"fingerprint\":\"../..\",\"labels\":{\"alertname\":\"X\"},\"startsAt\":\"2026-01-01T00:00:00Z\"}]",
    "[{\"fingerprint\":\"ab\",\"labels\":{\"alertname\":\"X\"},\"startsAt\":\"yesterday\"}]",
    "[{\"fingerprint\":\"ab\",\"labels\":[],\"startsAt\":\"2026-01-01T00:00:00Z\"}]", /* no title at all */
  };
  g_autoptr(GString) long_value = g_string_new (NULL);
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GPtrArray) none = map_json (bad[i], "[]", &error);

      g_assert_null (none);
      g_assert_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE);
      g_clear_error (&error);
    }

  /* A label longer than a name is shown cut, not refused; labels of other
   * types are left out; a silence in another state does not acknowledge. */
  for (guint i = 0; i < 1000; i++)
    g_string_append (long_value, "é");
  json = g_strdup_printf ("[{\"fingerprint\":\"ab12\",\"startsAt\":\"2026-01-01T00:00:00.123456789Z\","
                          "\"labels\":{\"alertname\":\"X\",\"n\":5,\"long\":\"%s\"},"
                          "\"status\":{\"silencedBy\":[\"s1\"]}}]", long_value->str);
  items = map_json (json, "[{\"id\":\"s1\",\"status\":{\"state\":\"expired\"}}]", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpint (hc_alert_get_state (items->pdata[0]), ==, HC_ALERT_STATE_OPEN);
  g_assert_cmpuint (g_strv_length ((char **) hc_alert_get_labels (items->pdata[0])), ==, 2);
  /* No severity label: said as such, not "low". */
  g_assert_cmpstr (hc_alert_get_severity_text (items->pdata[0]), ==, "");
}

/* Until nothing listens at @url any more: the demo hub ends its current
 * request and, under ASan, checks for leaks before its socket closes. */
static void
wait_refused (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GSocketClient) sockets = g_socket_client_new ();
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  g_assert_nonnull (uri);
  for (;;)
    {
      g_autoptr(GSocketConnection) connection =
        g_socket_client_connect_to_host (sockets, g_uri_get_host (uri), (guint16) g_uri_get_port (uri), NULL, NULL);

      if (connection == NULL)
        return;
      if (g_get_monotonic_time () > deadline)
        g_error ("Something still listens at %s", url);
      g_usleep (50 * 1000);
    }
}

static HcHubDetection *
detect (HcHubManager *manager,
        const char   *url,
        const char   *token,
        GError      **error)
{
  g_autoptr(HcProfile) profile = hc_profile_new (NULL, url, NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;

  hc_hub_manager_detect_async (manager, profile, token, NULL, result_cb, &result);
  return hc_hub_manager_detect_finish (manager, wait_result (&result), NULL, error);
}

static void
test_detect_both_kinds (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HcProfileStore) profiles = hc_profile_store_new (settings);
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  g_autoptr(HcHubManager) manager = hc_hub_manager_new (profiles, secrets, NULL);
  g_autoptr(HcDemoLauncher) demo = hc_demo_launcher_new ();
  g_autoptr(HcHubDetection) found = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_url = NULL;

  /* An Alertmanager, no token needed: its version and cluster status. */
  found = detect (manager, am->url, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->kind, ==, HC_PROFILE_KIND_ALERTMANAGER);
  g_assert_null (found->me);
  g_assert_cmpstr (found->status->version, ==, "0.25.0");
  g_assert_cmpstr (found->status->cluster_status, ==, "disabled");
  g_clear_pointer (&found, hc_hub_detection_free);

  /* The demo hub: a hub, and who the token is. */
  hc_demo_launcher_start_async (demo, NULL, result_cb, &result);
  demo_url = hc_demo_launcher_start_finish (demo, wait_result (&result), &error);
  g_assert_no_error (error);
  found = detect (manager, demo_url, HC_DEMO_OPERATOR_TOKEN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->kind, ==, HC_PROFILE_KIND_HUB);
  g_assert_nonnull (found->me);
  g_assert_null (found->status);
  g_clear_pointer (&found, hc_hub_detection_free);

  /* A hub with a wrong token is a hub refusing it, not an unknown kind. */
  found = detect (manager, demo_url, "not-a-token", &error);
  g_assert_null (found);
  g_assert_error (error, HC_ERROR, HC_ERROR_UNAUTHORIZED);
  g_clear_error (&error);

  /* Nothing at all there: unreachable, said as such. */
  hc_demo_launcher_stop (demo);
  wait_refused (demo_url);
  found = detect (manager, demo_url, HC_DEMO_OPERATOR_TOKEN, &error);
  g_assert_null (found);
  g_assert_error (error, HC_ERROR, HC_ERROR_UNREACHABLE);
}

int
main (int argc, char *argv[])
{
  g_autoptr(HcClient) client = NULL;
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (!hc_test_alertmanager_available ())
    {
      g_test_message ("prometheus-alertmanager is not installed: skipping");
      return 77;
    }

  /* The demo hub of this build, for the detection of a hub. */
  if (g_getenv ("HC_BUILD_DIR") != NULL)
    {
      g_autofree char *demo = g_build_filename (g_getenv ("HC_BUILD_DIR"), "app", "demo",
                                                "hub-console-demo-hub", NULL);
      g_setenv ("HC_DEMO_HUB", demo, TRUE);
    }

  am = hc_test_alertmanager_new ();
  client = hc_client_new (am->url, NULL, NULL, NULL, FALSE);
  hc_client_set_api_prefix (client, "/api/v2");
  hub = hc_hub_new ("alertmanager-test", client);
  hc_hub_set_kind (hub, HC_PROFILE_KIND_ALERTMANAGER);
  hc_hub_set_poll_interval (hub, 1);
  hc_hub_set_user_name (hub, "operator1");

  /* In order: they share one Alertmanager and its alerts. */
  g_test_add_func ("/alertmanager/map-malformed", test_map_malformed);
  g_test_add_func ("/alertmanager/mapped", test_mapped);
  g_test_add_func ("/alertmanager/no-churn", test_no_churn);
  g_test_add_func ("/alertmanager/acknowledge-is-silence", test_acknowledge_is_silence);
  g_test_add_func ("/alertmanager/expire", test_expire);
  g_test_add_func ("/alertmanager/resolved-leaves", test_resolved_leaves);
  g_test_add_func ("/alertmanager/offline-and-back", test_offline_and_back);
  g_test_add_func ("/alertmanager/detect-both-kinds", test_detect_both_kinds);

  ret = g_test_run ();

  hc_hub_stop (hub);
  g_assert_finalize_object (hub);
  hc_test_alertmanager_free (am);
  return ret;
}
