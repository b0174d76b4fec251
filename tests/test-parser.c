/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parsers read each kind of object as data/hub-api.yaml shapes it, update
 * items in place notifying only what changed, and are safe in threads.
 * What they refuse is tested in test-parser-strict.c. */
#include "config.h"

#include <locale.h>
#include <math.h>

#include "test-parser-fixtures.h"

/* What the parsers read: one object of each kind, updates in place, threads. */

static void
test_parse_source (void)
{
  g_autoptr(JsonNode) node = parse_json (SOURCE_JSON);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) item = hc_parse_source (node, &error);
  HcSource *source;
  HcRun *run;

  g_assert_no_error (error);
  g_assert_true (HC_IS_SOURCE (item));
  source = HC_SOURCE (item);

  g_assert_cmpstr (hc_item_get_id (item), ==, "src-1");
  g_assert_cmpstr (hc_source_get_name (source), ==, "Dân cư");
  g_assert_cmpstr (hc_source_get_agency (source), ==, "Bộ Công an");
  g_assert_cmpint (hc_source_get_kind (source), ==, HC_SOURCE_KIND_BATCH);
  g_assert_cmpint (hc_source_get_status (source), ==, HC_SOURCE_STATUS_LAGGING);
  g_assert_cmpint (hc_source_get_status_rank (source), ==, 2);
  g_assert_cmpstr (hc_source_get_schedule (source), ==, "0 * * * *");
  g_assert_cmpint (hc_source_get_agreed_delay_seconds (source), ==, 3600);
  g_assert_cmpint (hc_source_get_last_success_at (source), ==, unix_time ("2026-01-05T07:00:00Z"));
  g_assert_cmpint (hc_source_get_lag_seconds (source), ==, 5400);
  g_assert_cmpfloat (hc_source_get_records_per_second (source), ==, 12.5);
  g_assert_null (hc_source_get_runs (source)); /* not a detail */

  run = hc_source_get_last_run (source);
  g_assert_nonnull (run);
  g_assert_cmpstr (hc_item_get_id (HC_ITEM (run)), ==, "run-7");
  g_assert_cmpint (hc_run_get_started_at (run), ==, unix_time ("2026-01-05T08:30:00Z"));
  g_assert_cmpint (hc_run_get_finished_at (run), ==, unix_time ("2026-01-05T08:31:40Z"));
  g_assert_cmpint (hc_run_get_records (run), ==, 1200);
  g_assert_cmpuint (hc_run_get_bytes (run), ==, G_GUINT64_CONSTANT (5000000000));
  g_assert_cmpint (hc_run_get_outcome (run), ==, HC_RUN_OUTCOME_FAILURE);
  g_assert_cmpstr (hc_run_get_error (run), ==, "checksum mismatch");

  /* Properties are there for GtkPropertyExpression and bindings. */
  {
    g_autofree char *name = NULL;
    HcSourceStatus status;
    gint64 lag;

    g_object_get (source, "name", &name, "status", &status, "lag-seconds", &lag, NULL);
    g_assert_cmpstr (name, ==, "Dân cư");
    g_assert_cmpint (status, ==, HC_SOURCE_STATUS_LAGGING);
    g_assert_cmpint (lag, ==, 5400);
  }
}

static void
test_parse_source_detail (void)
{
  g_autoptr(JsonNode) plain = parse_json (SOURCE_JSON);
  g_autoptr(JsonNode) detail = parse_json (
    "{\"id\": \"src-2\", \"name\": \"Đất đai\", \"agency\": \"Bộ TN&MT\", \"kind\": \"stream\", \"status\": \"ok\","
    " \"schedule\": \"continuous\", \"last_success_at\": null, \"lag_seconds\": 0, \"records_per_second\": 0,"
    " \"last_run\": null, \"runs\": [" RUN_JSON ", {\"id\": \"run-8\", \"started_at\": \"2026-01-05T09:00:00Z\","
    " \"finished_at\": null, \"records\": 0, \"bytes\": 0, \"outcome\": \"running\", \"error\": null}]}");
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) item = NULL;
  g_autoptr(HcRun) second = NULL;
  GListModel *runs;

  item = hc_parse_source_detail (detail, &error);
  g_assert_no_error (error);
  g_assert_null (hc_source_get_last_run (HC_SOURCE (item)));
  g_assert_cmpint (hc_source_get_last_success_at (HC_SOURCE (item)), ==, 0);
  g_assert_cmpint (hc_source_get_agreed_delay_seconds (HC_SOURCE (item)), ==, 0);

  runs = hc_source_get_runs (HC_SOURCE (item));
  g_assert_nonnull (runs);
  g_assert_cmpuint (g_list_model_get_n_items (runs), ==, 2);
  g_assert_true (g_list_model_get_item_type (runs) == HC_TYPE_RUN);
  second = g_list_model_get_item (runs, 1);
  g_assert_cmpint (hc_run_get_outcome (second), ==, HC_RUN_OUTCOME_RUNNING);
  g_assert_cmpint (hc_run_get_finished_at (second), ==, 0);
  g_assert_null (hc_run_get_error (second));

  /* A detail parser requires the detail. */
  g_clear_object (&item);
  item = hc_parse_source_detail (plain, &error);
  g_assert_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "runs"));
  g_assert_null (item);
}

static void
test_parse_dataset (void)
{
  g_autoptr(JsonNode) node = parse_json (DATASET_DETAIL_JSON);
  g_autoptr(JsonNode) plain_node = parse_json (DATASET_JSON "}");
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) item = hc_parse_dataset_detail (node, &error);
  g_autoptr(HcItem) plain = NULL;
  g_autoptr(HcRule) rule = NULL;
  g_autoptr(HcScorePoint) point = NULL;
  g_autoptr(HcFailingSample) sample = NULL;
  HcDataset *dataset;

  g_assert_no_error (error);
  dataset = HC_DATASET (item);
  g_assert_cmpstr (hc_item_get_id (item), ==, "ds-1");
  g_assert_cmpstr (hc_dataset_get_name (dataset), ==, "Hộ tịch");
  g_assert_cmpstr (hc_dataset_get_owner_agency (dataset), ==, "Bộ Tư pháp");
  g_assert_cmpint (hc_dataset_get_records (dataset), ==, 987654);
  g_assert_cmpint (hc_dataset_get_checked_at (dataset), ==, unix_time ("2026-01-05T06:00:00Z"));
  g_assert_cmpfloat (hc_dataset_get_score (dataset, HC_CRITERION_CORRECT), ==, 97.5);
  g_assert_cmpfloat (hc_dataset_get_score (dataset, HC_CRITERION_COMPLETE), ==, 88.0);
  /* One decimal: 91.25 is shown and compared as 91.3 (round half away from zero). */
  g_assert_cmpfloat_with_epsilon (hc_dataset_get_score (dataset, HC_CRITERION_CLEAN), 91.3, 1e-9);
  g_assert_cmpfloat (hc_dataset_get_score (dataset, HC_CRITERION_LIVE), ==, 100.0);
  g_assert_cmpfloat_with_epsilon (hc_dataset_get_overall (dataset), 94.2, 1e-9);
  g_assert_cmpint (hc_dataset_get_rules_failed (dataset), ==, 3);

  g_assert_cmpuint (g_list_model_get_n_items (hc_dataset_get_rules (dataset)), ==, 2);
  rule = g_list_model_get_item (hc_dataset_get_rules (dataset), 0);
  g_assert_cmpstr (hc_item_get_id (HC_ITEM (rule)), ==, "r-1");
  g_assert_cmpint (hc_rule_get_criterion (rule), ==, HC_CRITERION_CORRECT);
  g_assert_cmpstr (hc_rule_get_description (rule), ==, "CCCD checksum");
  g_assert_cmpint (hc_rule_get_checked (rule), ==, 100);
  g_assert_cmpint (hc_rule_get_failed (rule), ==, 2);

  g_assert_cmpuint (g_list_model_get_n_items (hc_dataset_get_history (dataset)), ==, 2);
  point = g_list_model_get_item (hc_dataset_get_history (dataset), 1);
  g_assert_cmpint (hc_score_point_get_date (point), ==, unix_time ("2026-01-05T00:00:00Z"));
  g_assert_cmpfloat_with_epsilon (hc_score_point_get_score (point, HC_CRITERION_COMPLETE), 88.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (hc_score_point_get_score (point, HC_CRITERION_LIVE), 99.9, 1e-9);
  /* (97.5 + 88.1 + 91.3 + 99.9) / 4 = 94.2 */
  g_assert_cmpfloat_with_epsilon (hc_score_point_get_overall (point), 94.2, 1e-9);

  sample = g_list_model_get_item (hc_dataset_get_failing_samples (dataset), 0);
  g_assert_cmpstr (hc_failing_sample_get_rule_id (sample), ==, "r-1");
  g_assert_cmpstr (hc_failing_sample_get_record_key (sample), ==, "079123456789");
  g_assert_cmpstr (hc_failing_sample_get_field (sample), ==, "cccd");
  g_assert_null (hc_failing_sample_get_value (sample));
  g_assert_cmpstr (hc_failing_sample_get_reason (sample), ==, "missing");

  plain = hc_parse_dataset (plain_node, &error);
  g_assert_no_error (error);
  g_assert_null (hc_dataset_get_rules (HC_DATASET (plain)));
  g_assert_null (hc_dataset_get_history (HC_DATASET (plain)));
  g_assert_null (hc_dataset_get_failing_samples (HC_DATASET (plain)));
}

static void
test_parse_pool_and_node (void)
{
  g_autoptr(JsonNode) pool_node = parse_json (POOL_JSON);
  g_autoptr(JsonNode) node_node = parse_json (NODE_JSON);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) pool_item = hc_parse_pool (pool_node, &error);
  g_autoptr(HcItem) node_item = NULL;
  g_autoptr(HcUsagePoint) point = NULL;
  g_autoptr(HcDisk) disk = NULL;
  HcPool *pool;
  HcNode *node;

  g_assert_no_error (error);
  pool = HC_POOL (pool_item);
  g_assert_cmpstr (hc_pool_get_name (pool), ==, "Kho đối tượng A");
  g_assert_cmpint (hc_pool_get_kind (pool), ==, HC_POOL_KIND_OBJECT);
  g_assert_cmpint (hc_pool_get_state (pool), ==, HC_POOL_STATE_DEGRADED);
  g_assert_cmpuint (hc_pool_get_capacity_bytes (pool), ==, G_GUINT64_CONSTANT (1000000000000000));
  g_assert_cmpuint (hc_pool_get_used_bytes (pool), ==, G_GUINT64_CONSTANT (750000000000000));
  g_assert_cmpstr (hc_pool_get_replication_scheme (pool), ==, "ec-8+3");
  g_assert_cmpint (hc_pool_get_degraded_objects (pool), ==, 12);
  g_assert_cmpint (hc_pool_get_misplaced_objects (pool), ==, 4);
  g_assert_cmpuint (hc_pool_get_read_bps (pool), ==, 1048576);
  g_assert_cmpuint (hc_pool_get_write_bps (pool), ==, 524288);
  g_assert_cmpuint (g_list_model_get_n_items (hc_pool_get_history (pool)), ==, 2);
  point = g_list_model_get_item (hc_pool_get_history (pool), 0);
  g_assert_cmpint (hc_usage_point_get_date (point), ==, unix_time ("2026-01-04T00:00:00Z"));
  g_assert_cmpuint (hc_usage_point_get_used_bytes (point), ==, G_GUINT64_CONSTANT (740000000000000));

  node_item = hc_parse_node (node_node, &error);
  g_assert_no_error (error);
  node = HC_NODE (node_item);
  g_assert_cmpstr (hc_item_get_id (node_item), ==, "node-3");
  g_assert_cmpstr (hc_node_get_hostname (node), ==, "stor-03.dc.local");
  g_assert_cmpstr (hc_node_get_rack (node), ==, "R2");
  g_assert_cmpint (hc_node_get_state (node), ==, HC_NODE_STATE_MAINTENANCE);
  g_assert_cmpuint (g_list_model_get_n_items (hc_node_get_disks (node)), ==, 1);
  disk = g_list_model_get_item (hc_node_get_disks (node), 0);
  g_assert_cmpstr (hc_item_get_id (HC_ITEM (disk)), ==, "d-1");
  g_assert_cmpstr (hc_disk_get_serial (disk), ==, "ZA1");
  g_assert_cmpstr (hc_disk_get_model (disk), ==, "ST16000");
  g_assert_cmpuint (hc_disk_get_capacity_bytes (disk), ==, G_GUINT64_CONSTANT (16000000000000));
  g_assert_cmpint (hc_disk_get_health (disk), ==, HC_DISK_HEALTH_FAILING);
  g_assert_cmpint (hc_disk_get_temperature_c (disk), ==, 51);
  g_assert_cmpint (hc_disk_get_reallocated_sectors (disk), ==, 120);
  g_assert_cmpint (hc_disk_get_power_on_hours (disk), ==, 30000);
}

/* Values many rows repeat are one shared copy; updating a row from
 * another keeps each its own value, and "" is a value like another. */
static void
test_parse_alert_shared_strings (void)
{
  g_autoptr(JsonNode) node_a = parse_json (ALERT_JSON "}");
  g_autoptr(JsonNode) node_b = parse_json (ALERT_JSON "}");
  g_autoptr(JsonNode) node_c = parse_json (
    "{\"id\": \"al-9\", \"severity\": \"low\", \"category\": \"malware\", \"title\": \"Mã độc\","
    " \"description\": \"x\", \"asset\": \"web-2\", \"detected_at\": \"2026-01-05T08:00:00Z\","
    " \"state\": \"acknowledged\", \"acknowledged_by\": \"\", \"events_count\": 1}");
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) a = hc_parse_alert (node_a, &error);
  g_autoptr(HcItem) b = NULL;
  g_autoptr(HcItem) c = NULL;

  g_assert_no_error (error);
  b = hc_parse_alert (node_b, &error);
  g_assert_no_error (error);
  c = hc_parse_alert (node_c, &error);
  g_assert_no_error (error);

  g_assert_true (hc_alert_get_title (HC_ALERT (a)) == hc_alert_get_title (HC_ALERT (b)));
  g_assert_true (hc_alert_get_asset (HC_ALERT (a)) == hc_alert_get_asset (HC_ALERT (b)));
  g_assert_false (hc_alert_get_description (HC_ALERT (a)) == hc_alert_get_description (HC_ALERT (b)));
  g_assert_cmpstr (hc_alert_get_acknowledged_by (HC_ALERT (c)), ==, "");

  /* b takes c's values; a keeps the ones they shared. */
  g_assert_true (hc_item_update_from (b, c));
  g_clear_object (&c);
  g_assert_cmpstr (hc_alert_get_title (HC_ALERT (b)), ==, "Mã độc");
  g_assert_cmpstr (hc_alert_get_asset (HC_ALERT (b)), ==, "web-2");
  g_assert_cmpstr (hc_alert_get_acknowledged_by (HC_ALERT (b)), ==, "");
  g_assert_null (hc_alert_get_resolved_by (HC_ALERT (b)));
  g_assert_cmpstr (hc_alert_get_title (HC_ALERT (a)), ==, "Đăng nhập thất bại liên tục");
  g_assert_cmpstr (hc_alert_get_asset (HC_ALERT (a)), ==, "bastion-1");
  g_assert_cmpstr (hc_alert_get_resolved_by (HC_ALERT (a)), ==, "binh");
}

static void
test_parse_alert (void)
{
  g_autoptr(JsonNode) node = parse_json (ALERT_DETAIL_JSON);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) item = hc_parse_alert_detail (node, &error);
  g_autoptr(HcTimelineEntry) entry = NULL;
  HcAlert *alert;

  g_assert_no_error (error);
  alert = HC_ALERT (item);
  g_assert_cmpstr (hc_item_get_id (item), ==, "al-9");
  g_assert_cmpint (hc_alert_get_severity (alert), ==, HC_SEVERITY_HIGH);
  g_assert_cmpint (hc_alert_get_severity_rank (alert), ==, 2);
  g_assert_cmpint (hc_alert_get_category (alert), ==, HC_ALERT_CATEGORY_BRUTE_FORCE);
  g_assert_cmpstr (hc_alert_get_title (alert), ==, "Đăng nhập thất bại liên tục");
  g_assert_cmpstr (hc_alert_get_description (alert), ==, "200 failed SSH logins");
  g_assert_cmpstr (hc_alert_get_asset (alert), ==, "bastion-1");
  g_assert_cmpstr (hc_alert_get_source_ip (alert), ==, "203.0.113.7");
  g_assert_cmpint (hc_alert_get_detected_at (alert), ==, unix_time ("2026-01-05T08:00:00Z"));
  g_assert_cmpint (hc_alert_get_state (alert), ==, HC_ALERT_STATE_RESOLVED);
  g_assert_cmpstr (hc_alert_get_acknowledged_by (alert), ==, "an");
  g_assert_cmpint (hc_alert_get_acknowledged_at (alert), ==, unix_time ("2026-01-05T08:05:00Z"));
  g_assert_cmpstr (hc_alert_get_resolved_by (alert), ==, "binh");
  g_assert_cmpint (hc_alert_get_resolved_at (alert), ==, unix_time ("2026-01-05T09:00:00Z"));
  g_assert_cmpint (hc_alert_get_resolution (alert), ==, HC_RESOLUTION_FALSE_POSITIVE);
  g_assert_cmpint (hc_alert_get_events_count (alert), ==, 200);

  g_assert_cmpuint (g_list_model_get_n_items (hc_alert_get_timeline (alert)), ==, 2);
  entry = g_list_model_get_item (hc_alert_get_timeline (alert), 1);
  g_assert_cmpint (hc_timeline_entry_get_at (entry), ==, unix_time ("2026-01-05T08:05:00Z"));
  g_assert_cmpstr (hc_timeline_entry_get_actor (entry), ==, "an");
  g_assert_cmpint (hc_timeline_entry_get_action (entry), ==, HC_TIMELINE_ACTION_ACKNOWLEDGED);
  g_assert_cmpstr (hc_timeline_entry_get_comment (entry), ==, "looking");
}

static void
test_parse_me (void)
{
  g_autoptr(JsonNode) node = parse_json (ME_JSON);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcMe) me = hc_parse_me (node, &error);
  const char * const *permissions;

  g_assert_no_error (error);
  g_assert_cmpstr (hc_me_get_user (me), ==, "an");
  g_assert_cmpstr (hc_me_get_display_name (me), ==, "Nguyễn Văn An");
  g_assert_cmpint (hc_me_get_role (me), ==, HC_ROLE_OPERATOR);
  permissions = hc_me_get_permissions (me);
  g_assert_cmpuint (g_strv_length ((char **) permissions), ==, 3);
  g_assert_cmpstr (hc_me_get_hub_id (me), ==, "hub-hn");
  g_assert_cmpstr (hc_me_get_hub_name (me), ==, "Hub Hà Nội");
  g_assert_cmpstr (hc_me_get_hub_site (me), ==, "Hà Nội");
  g_assert_cmpstr (hc_me_get_hub_version (me), ==, "1.0.0");
  g_assert_cmpint (hc_me_get_hub_time (me), ==, unix_time ("2026-01-05T08:30:00Z"));

  g_assert_true (hc_me_can (me, "read"));
  g_assert_true (hc_me_can_retry (me));
  g_assert_true (hc_me_can_acknowledge (me));
  g_assert_false (hc_me_can_resolve (me));
  g_assert_false (hc_me_can_read_audit (me));
}

static void
test_parse_overview (void)
{
  g_autoptr(JsonNode) node = parse_json (OVERVIEW_JSON);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcOverview) overview = hc_parse_overview (node, &error);

  g_assert_no_error (error);
  g_assert_cmpint (hc_overview_get_generated_at (overview), ==, unix_time ("2026-01-05T08:30:00Z"));
  g_assert_cmpint (hc_overview_get_sources_total (overview), ==, 10);
  g_assert_cmpint (hc_overview_get_sources (overview, HC_SOURCE_STATUS_OK), ==, 6);
  g_assert_cmpint (hc_overview_get_sources (overview, HC_SOURCE_STATUS_LAGGING), ==, 2);
  g_assert_cmpint (hc_overview_get_sources (overview, HC_SOURCE_STATUS_FAILED), ==, 1);
  g_assert_cmpint (hc_overview_get_sources (overview, HC_SOURCE_STATUS_PAUSED), ==, 1);
  g_assert_cmpint (hc_overview_get_datasets (overview), ==, 4);
  g_assert_cmpfloat_with_epsilon (hc_overview_get_score (overview, HC_CRITERION_CORRECT), 95.1, 1e-9);
  g_assert_cmpfloat (hc_overview_get_score (overview, HC_CRITERION_COMPLETE), ==, 90.0);
  g_assert_cmpfloat_with_epsilon (hc_overview_get_score (overview, HC_CRITERION_CLEAN), 80.5, 1e-9);
  g_assert_cmpfloat (hc_overview_get_score (overview, HC_CRITERION_LIVE), ==, 99.0);
  g_assert_cmpfloat_with_epsilon (hc_overview_get_overall (overview), 91.2, 1e-9);
  g_assert_cmpfloat (hc_overview_get_weight (overview, HC_CRITERION_LIVE), ==, 0.25);
  g_assert_cmpuint (hc_overview_get_storage_used_bytes (overview), ==, 700);
  g_assert_cmpuint (hc_overview_get_storage_capacity_bytes (overview), ==, 1000);
  g_assert_cmpint (hc_overview_get_pools (overview, HC_POOL_STATE_DEGRADED), ==, 1);
  g_assert_cmpint (hc_overview_get_nodes (overview, HC_NODE_STATE_DOWN), ==, 1);
  g_assert_cmpint (hc_overview_get_disks (overview, HC_DISK_HEALTH_FAILING), ==, 2);
  g_assert_cmpint (hc_overview_get_open_alerts (overview, HC_SEVERITY_CRITICAL), ==, 1);
  g_assert_cmpint (hc_overview_get_open_alerts (overview, HC_SEVERITY_LOW), ==, 4);
  g_assert_cmpint (hc_overview_get_open_alerts_total (overview), ==, 10);
  g_assert_cmpint (hc_overview_get_acknowledged_alerts (overview, HC_SEVERITY_HIGH), ==, 1);
  g_assert_cmpint (hc_overview_get_acknowledged_alerts_total (overview), ==, 3);
}

static void
test_parse_overview_no_datasets (void)
{
  g_autoptr(JsonNode) node = parse_json (
    "{\"generated_at\": \"2026-01-05T08:30:00Z\","
    " \"sources\": {\"total\": 0, \"by_status\": {\"ok\": 0, \"lagging\": 0, \"failed\": 0, \"paused\": 0}},"
    " \"quality\": {\"datasets\": 0, \"mean\": {\"correct\": null, \"complete\": null, \"clean\": null, \"live\": null, \"overall\": null},"
    "               \"weights\": {\"correct\": 0.25, \"complete\": 0.25, \"clean\": 0.25, \"live\": 0.25}},"
    " \"storage\": {\"used_bytes\": 0, \"capacity_bytes\": 0,"
    "               \"pools_by_state\": {\"healthy\": 0, \"degraded\": 0, \"critical\": 0},"
    "               \"nodes_by_state\": {\"up\": 0, \"down\": 0, \"maintenance\": 0},"
    "               \"disks_by_health\": {\"ok\": 0, \"warning\": 0, \"failing\": 0}},"
    " \"alerts\": {\"open_by_severity\": {\"critical\": 0, \"high\": 0, \"medium\": 0, \"low\": 0},"
    "              \"acknowledged_by_severity\": {\"critical\": 0, \"high\": 0, \"medium\": 0, \"low\": 0},"
    "              \"open_total\": 0, \"acknowledged_total\": 0}}");
  g_autoptr(JsonNode) broken = parse_json ("{\"generated_at\": \"2026-01-05T08:30:00Z\", \"sources\": []}");
  g_autoptr(GError) error = NULL;
  g_autoptr(HcOverview) overview = hc_parse_overview (node, &error);
  g_autoptr(HcOverview) none = NULL;

  g_assert_no_error (error);
  g_assert_true (isnan (hc_overview_get_score (overview, HC_CRITERION_CORRECT)));
  g_assert_true (isnan (hc_overview_get_overall (overview)));

  /* A step of a dotted path that is not an object is named. */
  none = hc_parse_overview (broken, &error);
  g_assert_null (none);
  g_assert_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message, "sources:"));
}

static void
test_parse_problem (void)
{
  g_autoptr(JsonNode) full = parse_json ("{\"type\": \"https://hub.example/problems/conflict\", \"title\": \"Already resolved\","
                                         " \"status\": 409, \"detail\": \"Alert al-9 is resolved.\", \"instance\": \"/api/v1/x\"}");
  g_autoptr(JsonNode) bare = parse_json ("{\"title\": \"Not found\"}");
  g_autoptr(JsonNode) wrong = parse_json ("{\"status\": \"409\"}");
  g_autoptr(JsonNode) array = parse_json ("[1]");
  g_autoptr(GError) error = NULL;
  g_autoptr(HcProblem) problem = hc_parse_problem (full, &error);
  g_autoptr(HcProblem) minimal = NULL;
  g_autoptr(HcProblem) failed = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (hc_problem_get_problem_type (problem), ==, "https://hub.example/problems/conflict");
  g_assert_cmpstr (hc_problem_get_title (problem), ==, "Already resolved");
  g_assert_cmpint (hc_problem_get_status (problem), ==, 409);
  g_assert_cmpstr (hc_problem_get_detail (problem), ==, "Alert al-9 is resolved.");
  g_assert_cmpstr (hc_problem_get_instance (problem), ==, "/api/v1/x");

  minimal = hc_parse_problem (bare, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_problem_get_problem_type (minimal), ==, "about:blank");
  g_assert_cmpint (hc_problem_get_status (minimal), ==, 0);
  g_assert_null (hc_problem_get_detail (minimal));

  failed = hc_parse_problem (wrong, &error);
  g_assert_null (failed);
  g_assert_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE);
  g_assert_true (g_str_has_prefix (error->message, "status:"));
  g_clear_error (&error);

  failed = hc_parse_problem (array, &error);
  g_assert_null (failed);
  g_assert_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE);
}

static char *
problem_summary (const char *json)
{
  g_autoptr(JsonNode) node = parse_json (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcProblem) problem = hc_parse_problem (node, &error);

  g_assert_no_error (error);
  return hc_problem_dup_summary (problem);
}

/* What the client puts in an error message from a problem body. */
static void
test_problem_summary (void)
{
  static const struct { const char *json; const char *summary; } cases[] = {
    { "{\"title\": \"Already resolved\", \"detail\": \"Alert al-9 is resolved.\"}",
      "Already resolved: Alert al-9 is resolved." },
    { "{\"detail\": \"  Alert al-9 is resolved.\\n\"}", "Alert al-9 is resolved." },
    { "{\"title\": \"Not found\", \"detail\": \"   \"}", "Not found" },
    { "{\"title\": \"\", \"status\": 500}", NULL },
    { "{\"type\": \"https://hub.example/p\", \"instance\": \"/x\"}", NULL },
  };
  g_autoptr(GString) long_title = g_string_new ("{\"title\": \"");
  g_autofree char *summary = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = problem_summary (cases[i].json);

      g_assert_cmpstr (out, ==, cases[i].summary);
    }

  /* Each part is cut at a character, not a byte: "Đ" is two bytes. */
  for (guint i = 0; i < HC_PROBLEM_SUMMARY_PART + 10; i++)
    g_string_append (long_title, "Đ");
  g_string_append (long_title, "\", \"detail\": \"d\"}");
  summary = problem_summary (long_title->str);
  g_assert_true (g_utf8_validate (summary, -1, NULL));
  g_assert_true (g_str_has_suffix (summary, "ĐĐ…: d"));
  g_assert_cmpint (g_utf8_strlen (summary, -1), ==, HC_PROBLEM_SUMMARY_PART + g_utf8_strlen ("…: d", -1));
}

static void
test_parse_audit_entry (void)
{
  g_autoptr(JsonNode) node = parse_json ("{\"id\": \"au-1\", \"at\": \"2026-01-05T08:05:00+07:00\", \"actor\": \"an\","
                                         " \"role\": \"operator\", \"action\": \"alert.acknowledge\", \"target\": \"al-9\","
                                         " \"remote_address\": \"10.0.0.5\", \"status\": 200, \"comment\": \"looking\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) item = hc_parse_audit_entry (node, &error);
  HcAuditEntry *entry;

  g_assert_no_error (error);
  entry = HC_AUDIT_ENTRY (item);
  /* An offset is allowed by RFC 3339 and converted to UTC. */
  g_assert_cmpint (hc_audit_entry_get_at (entry), ==, unix_time ("2026-01-05T01:05:00Z"));
  g_assert_cmpstr (hc_audit_entry_get_actor (entry), ==, "an");
  g_assert_cmpint (hc_audit_entry_get_role (entry), ==, HC_ROLE_OPERATOR);
  g_assert_cmpint (hc_audit_entry_get_action (entry), ==, HC_AUDIT_ACTION_ALERT_ACKNOWLEDGE);
  g_assert_cmpstr (hc_audit_entry_get_target (entry), ==, "al-9");
  g_assert_cmpstr (hc_audit_entry_get_remote_address (entry), ==, "10.0.0.5");
  g_assert_cmpint (hc_audit_entry_get_status (entry), ==, 200);
  g_assert_cmpstr (hc_audit_entry_get_comment (entry), ==, "looking");
}


/* ---- update_from: only what changed notifies --------------------------- */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) g_intern_string (pspec->name), GUINT_TO_POINTER (n + 1));
}

static HcItem *
parse_item (const char      *json,
            HcParseItemFunc  func)
{
  g_autoptr(JsonNode) node = parse_json (json);
  g_autoptr(GError) error = NULL;
  HcItem *item = func (node, &error);

  g_assert_no_error (error);
  return item;
}

static void
test_update_from (void)
{
  g_autoptr(HcItem) ours = parse_item (SOURCE_JSON, hc_parse_source);
  g_autofree char *changed_json = mutate (SOURCE_JSON, "status", "\"failed\"");
  g_autofree char *changed_json2 = mutate (changed_json, "last_run.outcome", "\"success\"");
  g_autoptr(HcItem) same = parse_item (SOURCE_JSON, hc_parse_source);
  g_autoptr(HcItem) theirs = parse_item (changed_json2, hc_parse_source);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  HcRun *old_run = hc_source_get_last_run (HC_SOURCE (ours));

  g_signal_connect (ours, "notify", G_CALLBACK (count_notify), counts);

  g_assert_false (hc_item_update_from (ours, same));
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  g_assert_true (hc_item_update_from (ours, theirs));
  g_assert_cmpuint (g_hash_table_size (counts), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "status")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "status-rank")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "last-run")), ==, 1);
  g_assert_cmpint (hc_source_get_status (HC_SOURCE (ours)), ==, HC_SOURCE_STATUS_FAILED);
  g_assert_true (hc_source_get_last_run (HC_SOURCE (ours)) != old_run);
  g_assert_cmpint (hc_run_get_outcome (hc_source_get_last_run (HC_SOURCE (ours))), ==, HC_RUN_OUTCOME_SUCCESS);

  /* Again: nothing new. */
  g_hash_table_remove_all (counts);
  g_assert_false (hc_item_update_from (ours, theirs));
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  g_signal_handlers_disconnect_by_func (ours, count_notify, counts);
}

typedef struct {
  guint calls;
  guint position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *record)
{
  record->calls++;
  record->position = position;
  record->removed = removed;
  record->added = added;
}

static void
test_update_detail_lists (void)
{
  g_autoptr(HcItem) plain = parse_item (DATASET_JSON "}", hc_parse_dataset);
  g_autoptr(HcItem) detail = parse_item (DATASET_DETAIL_JSON, hc_parse_dataset_detail);
  g_autofree char *changed_json = mutate (DATASET_DETAIL_JSON, "history",
                                          "[{\"date\": \"2026-01-04\", \"correct\": 97, \"complete\": 88, \"clean\": 91, \"live\": 100},"
                                          " {\"date\": \"2026-01-05\", \"correct\": 50, \"complete\": 88.1, \"clean\": 91.3, \"live\": 99.9},"
                                          " {\"date\": \"2026-01-06\", \"correct\": 1, \"complete\": 2, \"clean\": 3, \"live\": 4}]");
  g_autoptr(HcItem) changed = parse_item (changed_json, hc_parse_dataset_detail);
  g_autoptr(HcItem) list_copy = parse_item (DATASET_JSON "}", hc_parse_dataset);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(HcScorePoint) first_before = NULL;
  g_autoptr(HcScorePoint) first_after = NULL;
  ItemsChanged record = { 0 };
  GListModel *history;

  g_signal_connect (plain, "notify", G_CALLBACK (count_notify), counts);

  /* The detail arrives: the lists appear, each notified once. */
  g_assert_true (hc_item_update_from (plain, detail));
  g_assert_cmpuint (g_hash_table_size (counts), ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "history")), ==, 1);
  history = hc_dataset_get_history (HC_DATASET (plain));
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 2);
  first_before = g_list_model_get_item (history, 0);

  /* A list refresh (no detail) leaves the detail alone. */
  g_hash_table_remove_all (counts);
  g_assert_false (hc_item_update_from (plain, list_copy));
  g_assert_true (hc_dataset_get_history (HC_DATASET (plain)) == history);

  /* A changed detail: same list object, one splice over what changed. */
  g_signal_connect (history, "items-changed", G_CALLBACK (on_items_changed), &record);
  g_assert_true (hc_item_update_from (plain, changed));
  g_assert_true (hc_dataset_get_history (HC_DATASET (plain)) == history);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_assert_cmpuint (record.calls, ==, 1);
  g_assert_cmpuint (record.position, ==, 1);
  g_assert_cmpuint (record.removed, ==, 1);
  g_assert_cmpuint (record.added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  first_after = g_list_model_get_item (history, 0);
  g_assert_true (first_before == first_after);

  g_signal_handlers_disconnect_by_func (history, on_items_changed, &record);
  g_signal_handlers_disconnect_by_func (plain, count_notify, counts);
}

static void
record_changes (GListModel *model,
                guint       position,
                guint       removed,
                guint       added,
                GString    *log)
{
  g_string_append_printf (log, "%s(%u,%u,%u)", log->len ? " " : "", position, removed, added);
}

static HcItem *
dataset_with_history (const char *days)
{
  g_autoptr(GString) history = g_string_new ("[");
  g_auto(GStrv) list = g_strsplit (days, " ", -1);
  g_autofree char *json = NULL;

  for (guint i = 0; list[i] != NULL; i++)
    g_string_append_printf (history, "%s{\"date\": \"2026-01-%s\", \"correct\": 97, \"complete\": 88,"
                                     " \"clean\": 91, \"live\": 100}", i ? ", " : "", list[i]);
  g_string_append (history, "]");
  json = mutate (DATASET_DETAIL_JSON, "history", history->str);
  return parse_item (json, hc_parse_dataset_detail);
}

/* The days of @item's history, as dataset_with_history() takes them. */
static char *
history_days (HcItem *item)
{
  GListModel *history = hc_dataset_get_history (HC_DATASET (item));
  GString *days = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (history); i++)
    {
      g_autoptr(HcScorePoint) point = g_list_model_get_item (history, i);
      g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (hc_score_point_get_date (point));

      g_string_append_printf (days, "%s%02d", i ? " " : "", g_date_time_get_day_of_month (date));
    }
  return g_string_free (days, FALSE);
}

/* Updates @ours from @theirs: the list's changes are @splices and its
 * days then @days. */
static void
assert_update (HcItem     *ours,
               HcItem     *theirs,
               GString    *log,
               const char *splices,
               const char *days)
{
  g_autofree char *now = NULL;

  g_string_truncate (log, 0);
  g_assert_true (hc_item_update_from (ours, theirs));
  g_assert_cmpstr (log->str, ==, splices);
  now = history_days (ours);
  g_assert_cmpstr (now, ==, days);
}

/* A bounded history that moved by its head (a new day at the top, the
 * oldest gone at the bottom, or the other way round): the rows that stay
 * keep their objects, so a view keeps their row widgets, in two small
 * splices rather than one over every row. */
static void
test_update_shifted_history (void)
{
  g_autoptr(HcItem) ours = dataset_with_history ("13 12 11 10");
  g_autoptr(HcItem) newer = dataset_with_history ("15 14 13 12");
  g_autoptr(HcItem) older = dataset_with_history ("14 13 12 11");
  g_autoptr(HcItem) appended = dataset_with_history ("14 13 12 11 17 18");
  g_autoptr(HcItem) other = dataset_with_history ("19 20 21 22");
  g_autoptr(GString) log = g_string_new (NULL);
  GListModel *history = hc_dataset_get_history (HC_DATASET (ours));
  g_autoptr(GObject) day_13 = g_list_model_get_item (history, 0);
  g_autoptr(GObject) now_13 = NULL;

  g_signal_connect (history, "items-changed", G_CALLBACK (record_changes), log);

  /* Two new days at the top, two old ones gone; day 13 the same object. */
  assert_update (ours, newer, log, "(0,0,2) (4,2,0)", "15 14 13 12");
  now_13 = g_list_model_get_item (history, 2);
  g_assert_true (now_13 == day_13);
  /* One day gone from the top, one back at the bottom. */
  assert_update (ours, older, log, "(0,1,0) (3,0,1)", "14 13 12 11");
  /* Rows added at the end only: one splice at the end, as before. */
  assert_update (ours, appended, log, "(4,0,2)", "14 13 12 11 17 18");
  /* Nothing in common: one splice over everything. */
  assert_update (ours, other, log, "(0,6,4)", "19 20 21 22");

  g_signal_handlers_disconnect_by_func (history, record_changes, log);
}

static void
test_overview_update (void)
{
  g_autoptr(JsonNode) node = parse_json (OVERVIEW_JSON);
  g_autofree char *changed_json = mutate (OVERVIEW_JSON, "alerts.open_by_severity.critical", "5");
  g_autoptr(JsonNode) changed_node = parse_json (changed_json);
  g_autoptr(HcOverview) ours = hc_parse_overview (node, NULL);
  g_autoptr(HcOverview) theirs = hc_parse_overview (changed_node, NULL);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);

  g_signal_connect (ours, "notify", G_CALLBACK (count_notify), counts);
  g_assert_true (hc_overview_update_from (ours, theirs));
  g_assert_cmpuint (g_hash_table_size (counts), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "alerts-open-critical")), ==, 1);
  g_assert_cmpint (hc_overview_get_open_alerts (ours, HC_SEVERITY_CRITICAL), ==, 5);
  g_signal_handlers_disconnect_by_func (ours, count_notify, counts);
}

/* ---- threads: parsers share nothing ------------------------------------ */

static gpointer
parse_in_thread (gpointer data)
{
  const char *page = data;

  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (page, strlen (page));
      g_autoptr(GError) error = NULL;
      g_autoptr(HcParsedList) list = hc_parse_list_bytes (bytes, hc_parse_source_detail, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (list->items->len, ==, 20);
    }

  return NULL;
}

static void
test_threads (void)
{
  g_autofree char *detail = mutate (SOURCE_JSON, "runs", "[" RUN_JSON "]");
  g_autoptr(GString) page = g_string_new ("{\"items\": [");
  GThread *threads[4];

  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *id = g_strdup_printf ("\"s%u\"", i);
      g_autofree char *item = mutate (detail, "id", id);

      g_string_append_printf (page, "%s%s", i ? "," : "", item);
    }
  g_string_append (page, "], \"next_cursor\": null, \"total\": 20}");

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("parse", parse_in_thread, page->str);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
test_enum_nicks (void)
{
  int value = -1;

  g_assert_true (hc_enum_from_nick (HC_TYPE_ALERT_CATEGORY, "privilege_escalation", &value));
  g_assert_cmpint (value, ==, HC_ALERT_CATEGORY_PRIVILEGE_ESCALATION);
  g_assert_false (hc_enum_from_nick (HC_TYPE_ALERT_CATEGORY, "privilege-escalation", &value));
  g_assert_cmpstr (hc_enum_to_nick (HC_TYPE_SEVERITY, HC_SEVERITY_CRITICAL), ==, "critical");
  g_assert_cmpstr (hc_enum_to_nick (HC_TYPE_AUDIT_ACTION, HC_AUDIT_ACTION_SOURCE_RETRY), ==, "source.retry");
  g_assert_null (hc_enum_to_nick (HC_TYPE_SEVERITY, 99));
  g_assert_cmpint (HC_SEVERITY_CRITICAL, >, HC_SEVERITY_LOW);
  g_assert_cmpint (HC_ROLE_SUPERVISOR, >, HC_ROLE_OPERATOR);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser/source", test_parse_source);
  g_test_add_func ("/parser/source-detail", test_parse_source_detail);
  g_test_add_func ("/parser/dataset", test_parse_dataset);
  g_test_add_func ("/parser/pool-and-node", test_parse_pool_and_node);
  g_test_add_func ("/parser/alert", test_parse_alert);
  g_test_add_func ("/parser/alert-shared-strings", test_parse_alert_shared_strings);
  g_test_add_func ("/parser/me", test_parse_me);
  g_test_add_func ("/parser/overview", test_parse_overview);
  g_test_add_func ("/parser/overview-no-datasets", test_parse_overview_no_datasets);
  g_test_add_func ("/parser/problem", test_parse_problem);
  g_test_add_func ("/parser/problem/summary", test_problem_summary);
  g_test_add_func ("/parser/audit-entry", test_parse_audit_entry);
  g_test_add_func ("/parser/update-from", test_update_from);
  g_test_add_func ("/parser/update-detail-lists", test_update_detail_lists);
  g_test_add_func ("/parser/update-shifted-history", test_update_shifted_history);
  g_test_add_func ("/parser/overview-update", test_overview_update);
  g_test_add_func ("/parser/threads", test_threads);
  g_test_add_func ("/parser/enum-nicks", test_enum_nicks);

  return g_test_run ();
}
