/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "hc-error.h"
#include "hc-parser.h"

/* Objects as data/hub-api.yaml shapes them, one of each kind. */

#define RUN_JSON \
  "{\"id\": \"run-7\", \"started_at\": \"2026-01-05T08:30:00Z\", \"finished_at\": \"2026-01-05T08:31:40Z\"," \
  " \"records\": 1200, \"bytes\": 5000000000, \"outcome\": \"failure\", \"error\": \"checksum mismatch\"}"

#define SOURCE_JSON \
  "{\"id\": \"src-1\", \"name\": \"Dân cư\", \"agency\": \"Bộ Công an\", \"kind\": \"batch\"," \
  " \"status\": \"lagging\", \"schedule\": \"0 * * * *\", \"agreed_delay_seconds\": 3600," \
  " \"last_success_at\": \"2026-01-05T07:00:00Z\", \"lag_seconds\": 5400, \"records_per_second\": 12.5," \
  " \"last_run\": " RUN_JSON ", \"future_field\": {\"nested\": [1, 2, 3]}}"

#define DATASET_JSON \
  "{\"id\": \"ds-1\", \"name\": \"Hộ tịch\", \"owner_agency\": \"Bộ Tư pháp\", \"records\": 987654," \
  " \"checked_at\": \"2026-01-05T06:00:00Z\"," \
  " \"scores\": {\"correct\": 97.5, \"complete\": 88, \"clean\": 91.25, \"live\": 100, \"overall\": 94.2}," \
  " \"rules_failed\": 3"

#define DATASET_DETAIL_JSON DATASET_JSON "," \
  " \"rules\": [{\"id\": \"r-1\", \"criterion\": \"correct\", \"description\": \"CCCD checksum\", \"checked\": 100, \"failed\": 2}," \
  "            {\"id\": \"r-2\", \"criterion\": \"live\", \"description\": \"Delivered within a day\", \"checked\": 10, \"failed\": 0}]," \
  " \"history\": [{\"date\": \"2026-01-04\", \"correct\": 97, \"complete\": 88, \"clean\": 91, \"live\": 100}," \
  "              {\"date\": \"2026-01-05\", \"correct\": 97.5, \"complete\": 88.1, \"clean\": 91.3, \"live\": 99.9}]," \
  " \"failing_samples\": [{\"rule_id\": \"r-1\", \"record_key\": \"079123456789\", \"field\": \"cccd\", \"value\": null, \"reason\": \"missing\"}]}"

#define POOL_JSON \
  "{\"id\": \"pool-a\", \"name\": \"Kho đối tượng A\", \"kind\": \"object\", \"state\": \"degraded\"," \
  " \"capacity_bytes\": 1000000000000000, \"used_bytes\": 750000000000000," \
  " \"replication\": {\"scheme\": \"ec-8+3\", \"degraded_objects\": 12, \"misplaced_objects\": 4}," \
  " \"read_bps\": 1048576, \"write_bps\": 524288," \
  " \"history\": [{\"date\": \"2026-01-04\", \"used_bytes\": 740000000000000}, {\"date\": \"2026-01-05\", \"used_bytes\": 750000000000000}]}"

#define NODE_JSON \
  "{\"id\": \"node-3\", \"hostname\": \"stor-03.dc.local\", \"rack\": \"R2\", \"state\": \"maintenance\"," \
  " \"disks\": [{\"id\": \"d-1\", \"serial\": \"ZA1\", \"model\": \"ST16000\", \"capacity_bytes\": 16000000000000," \
  "             \"health\": \"failing\", \"temperature_c\": 51, \"reallocated_sectors\": 120, \"power_on_hours\": 30000}]}"

#define ALERT_JSON \
  "{\"id\": \"al-9\", \"severity\": \"high\", \"category\": \"brute_force\", \"title\": \"Đăng nhập thất bại liên tục\"," \
  " \"description\": \"200 failed SSH logins\", \"asset\": \"bastion-1\", \"source_ip\": \"203.0.113.7\"," \
  " \"detected_at\": \"2026-01-05T08:00:00Z\", \"state\": \"resolved\", \"acknowledged_by\": \"an\"," \
  " \"acknowledged_at\": \"2026-01-05T08:05:00Z\", \"resolved_by\": \"binh\", \"resolved_at\": \"2026-01-05T09:00:00Z\"," \
  " \"resolution\": \"false_positive\", \"events_count\": 200"

#define ALERT_DETAIL_JSON ALERT_JSON "," \
  " \"timeline\": [{\"at\": \"2026-01-05T08:00:00Z\", \"actor\": \"system\", \"action\": \"detected\", \"comment\": null}," \
  "              {\"at\": \"2026-01-05T08:05:00Z\", \"actor\": \"an\", \"action\": \"acknowledged\", \"comment\": \"looking\"}]}"

#define ME_JSON \
  "{\"user\": \"an\", \"display_name\": \"Nguyễn Văn An\", \"role\": \"operator\"," \
  " \"permissions\": [\"read\", \"alerts.acknowledge\", \"sources.retry\"]," \
  " \"hub\": {\"id\": \"hub-hn\", \"name\": \"Hub Hà Nội\", \"site\": \"Hà Nội\", \"version\": \"1.0.0\", \"time\": \"2026-01-05T08:30:00Z\"}}"

#define OVERVIEW_JSON \
  "{\"generated_at\": \"2026-01-05T08:30:00Z\"," \
  " \"sources\": {\"total\": 10, \"by_status\": {\"ok\": 6, \"lagging\": 2, \"failed\": 1, \"paused\": 1}}," \
  " \"quality\": {\"datasets\": 4, \"mean\": {\"correct\": 95.1, \"complete\": 90, \"clean\": 80.5, \"live\": 99, \"overall\": 91.2}," \
  "               \"weights\": {\"correct\": 0.25, \"complete\": 0.25, \"clean\": 0.25, \"live\": 0.25}}," \
  " \"storage\": {\"used_bytes\": 700, \"capacity_bytes\": 1000," \
  "               \"pools_by_state\": {\"healthy\": 3, \"degraded\": 1, \"critical\": 0}," \
  "               \"nodes_by_state\": {\"up\": 8, \"down\": 1, \"maintenance\": 1}," \
  "               \"disks_by_health\": {\"ok\": 90, \"warning\": 5, \"failing\": 2}}," \
  " \"alerts\": {\"open_by_severity\": {\"critical\": 1, \"high\": 2, \"medium\": 3, \"low\": 4}," \
  "              \"acknowledged_by_severity\": {\"critical\": 0, \"high\": 1, \"medium\": 0, \"low\": 2}," \
  "              \"open_total\": 10, \"acknowledged_total\": 3}}"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JsonNode *node = hc_parse_json_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static gint64
unix_time (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

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

/* ---- violations: the bad item goes, the rest of the page stays -------- */

/* Sets (or, with value_json NULL, removes) a dotted member of a JSON object. */
static char *
mutate (const char *json,
        const char *path,
        const char *value_json)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_auto(GStrv) steps = g_strsplit (path, ".", -1);
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonObject *object;
  guint n = g_strv_length (steps);

  g_assert_true (json_parser_load_from_data (parser, json, -1, NULL));
  object = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i + 1 < n; i++)
    object = json_object_get_object_member (object, steps[i]);

  if (value_json == NULL)
    json_object_remove_member (object, steps[n - 1]);
  else
    {
      g_autoptr(JsonParser) value_parser = json_parser_new ();

      g_assert_true (json_parser_load_from_data (value_parser, value_json, -1, NULL));
      json_object_set_member (object, steps[n - 1], json_node_copy (json_parser_get_root (value_parser)));
    }

  json_generator_set_root (generator, json_parser_get_root (parser));
  return json_generator_to_data (generator, NULL);
}

/* A page of three: good, @bad, good (with other ids). */
static HcParsedList *
parse_page_around (const char      *good,
                   const char      *bad,
                   HcParseItemFunc  func)
{
  g_autofree char *good2 = mutate (good, "id", "\"second-good\"");
  g_autofree char *page = g_strdup_printf ("{\"items\": [%s, %s, %s], \"next_cursor\": \"c2\", \"total\": 3}",
                                           good, bad, good2);
  g_autoptr(GBytes) bytes = g_bytes_new (page, strlen (page));
  g_autoptr(GError) error = NULL;
  HcParsedList *list = hc_parse_list_bytes (bytes, func, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  g_assert_cmpstr (list->next_cursor, ==, "c2");
  g_assert_cmpint (list->total, ==, 3);
  return list;
}

typedef struct {
  const char *base;     /* which fixture */
  const char *path;     /* member to change */
  const char *value;    /* new JSON value, NULL removes it */
  const char *expect;   /* the reason must name this field */
} Violation;

static void
check_violation (const Violation *v,
                 HcParseItemFunc  func)
{
  g_autofree char *bad = mutate (v->base, v->path, v->value);
  g_autoptr(HcParsedList) list = parse_page_around (v->base, bad, func);
  const char *reason;

  if (g_test_verbose ())
    g_test_message ("%s := %s", v->path, v->value ? v->value : "(removed)");

  g_assert_cmpuint (list->items->len, ==, 2);
  g_assert_cmpuint (list->rejected->len, ==, 1);
  g_assert_cmpstr (hc_item_get_id (g_ptr_array_index (list->items, 0)), !=,
                   hc_item_get_id (g_ptr_array_index (list->items, 1)));

  reason = g_ptr_array_index (list->rejected, 0);
  if (g_test_verbose ())
    g_test_message ("  -> %s", reason);
  g_assert_true (g_str_has_prefix (reason, "items[1]"));
  if (strstr (reason, v->expect) == NULL)
    g_error ("reason “%s” does not name “%s”", reason, v->expect);
}

static void
test_violations (void)
{
  g_autofree char *long_name = NULL;
  g_autofree char *long_name_json = NULL;
  g_autofree char *many_runs = NULL;
  g_autofree char *many_history = NULL;
  g_autofree char *many_disks = NULL;
  g_autofree char *many_timeline = NULL;
  g_autoptr(GString) builder = NULL;
  const char *dataset_detail = DATASET_DETAIL_JSON;
  const char *alert_detail = ALERT_DETAIL_JSON;
  const char *source = SOURCE_JSON;
  const char *pool = POOL_JSON;
  const char *node = NODE_JSON;

  long_name = g_strnfill (HC_PARSE_MAX_NAME + 1, 'x');
  long_name_json = g_strdup_printf ("\"%s\"", long_name);

  builder = g_string_new ("[");
  for (guint i = 0; i <= HC_PARSE_MAX_RUNS; i++)
    g_string_append_printf (builder, "%s{\"id\": \"r%u\", \"started_at\": \"2026-01-05T08:30:00Z\", \"finished_at\": null,"
                            " \"records\": 1, \"bytes\": 1, \"outcome\": \"success\", \"error\": null}", i ? "," : "", i);
  g_string_append (builder, "]");
  many_runs = g_string_free (g_steal_pointer (&builder), FALSE);

  builder = g_string_new ("[");
  for (guint i = 0; i <= HC_PARSE_MAX_HISTORY; i++)
    g_string_append_printf (builder, "%s{\"date\": \"2026-01-05\", \"correct\": 1, \"complete\": 1, \"clean\": 1, \"live\": 1}",
                            i ? "," : "");
  g_string_append (builder, "]");
  many_history = g_string_free (g_steal_pointer (&builder), FALSE);

  builder = g_string_new ("[");
  for (guint i = 0; i <= HC_PARSE_MAX_DISKS; i++)
    g_string_append_printf (builder, "%s{\"id\": \"d%u\", \"serial\": \"s\", \"model\": \"m\", \"capacity_bytes\": 1,"
                            " \"health\": \"ok\", \"temperature_c\": 30, \"reallocated_sectors\": 0, \"power_on_hours\": 1}",
                            i ? "," : "", i);
  g_string_append (builder, "]");
  many_disks = g_string_free (g_steal_pointer (&builder), FALSE);

  builder = g_string_new ("[");
  for (guint i = 0; i <= HC_PARSE_MAX_TIMELINE; i++)
    g_string_append_printf (builder, "%s{\"at\": \"2026-01-05T08:00:00Z\", \"actor\": \"a\", \"action\": \"comment\", \"comment\": null}",
                            i ? "," : "");
  g_string_append (builder, "]");
  many_timeline = g_string_free (g_steal_pointer (&builder), FALSE);

  {
    const Violation sources[] = {
      { source, "name", "42", "name" },                                       /* wrong type */
      { source, "name", "\"\"", "name" },                                     /* empty */
      { source, "name", "null", "name" },                                     /* null, not nullable */
      { source, "name", NULL, "name" },                                       /* missing required */
      { source, "name", long_name_json, "name" },                             /* overlong */
      { source, "id", "\"../etc\"", "id" },                                   /* not an ObjectId */
      { source, "id", "\"..\"", "id" },
      { source, "id", NULL, "id" },
      { source, "status", "\"exploded\"", "status" },                         /* unknown enum */
      { source, "status", "\"OK\"", "status" },                               /* enums are case-sensitive */
      { source, "kind", "1", "kind" },
      { source, "lag_seconds", "-5", "lag_seconds" },                         /* out of range */
      { source, "lag_seconds", "1.5", "lag_seconds" },                        /* not an integer */
      { source, "lag_seconds", "\"5\"", "lag_seconds" },
      { source, "records_per_second", "-0.5", "records_per_second" },
      { source, "records_per_second", "true", "records_per_second" },
      { source, "last_success_at", "\"2026-01-05 08:30:00\"", "last_success_at" }, /* bad time */
      { source, "last_success_at", "\"2026-02-30T08:30:00Z\"", "last_success_at" },
      { source, "last_success_at", "\"2026-01-05T08:30:00\"", "last_success_at" },  /* no offset */
      { source, "last_success_at", "\"2026-W01-1T08:30:00Z\"", "last_success_at" },
      { source, "last_success_at", "1767600000", "last_success_at" },
      { source, "last_run", "[]", "last_run" },
      { source, "last_run.bytes", "-1", "last_run.bytes" },                   /* negative size */
      { source, "last_run.outcome", "\"exploded\"", "last_run.outcome" },
      { source, "last_run.started_at", "\"yesterday\"", "last_run.started_at" },
      { source, "last_run.id", NULL, "last_run.id" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
      check_violation (&sources[i], hc_parse_source);
  }

  {
    const Violation datasets[] = {
      { dataset_detail, "scores.correct", "100.1", "scores.correct" },
      { dataset_detail, "scores.live", "-0.1", "scores.live" },
      { dataset_detail, "scores.clean", "\"high\"", "scores.clean" },
      { dataset_detail, "scores", NULL, "scores.correct" },
      { dataset_detail, "scores", "7", "scores" },
      { dataset_detail, "records", "-1", "records" },
      { dataset_detail, "history", many_history, "history" },                 /* huge list */
      { dataset_detail, "history", "{}", "history" },
      { dataset_detail, "rules", "[{\"id\": \"r\", \"criterion\": \"correct\", \"description\": \"d\", \"checked\": 1, \"failed\": 2}]",
        "rules[0].failed" },                                                  /* more failed than checked */
      { dataset_detail, "rules", "[{\"id\": \"r\", \"criterion\": \"fast\", \"description\": \"d\", \"checked\": 1, \"failed\": 0}]",
        "rules[0].criterion" },
      { dataset_detail, "failing_samples", "[{\"rule_id\": \"r\", \"record_key\": \"k\", \"field\": \"f\", \"value\": 5, \"reason\": \"x\"}]",
        "failing_samples[0].value" },
      { dataset_detail, "failing_samples", NULL, "failing_samples" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (datasets); i++)
      check_violation (&datasets[i], hc_parse_dataset_detail);
  }

  {
    const Violation pools[] = {
      { pool, "used_bytes", "-1", "used_bytes" },
      { pool, "capacity_bytes", "1.5", "capacity_bytes" },
      { pool, "state", "\"on fire\"", "state" },
      { pool, "replication.scheme", NULL, "replication.scheme" },
      { pool, "history", "[{\"date\": \"2026-1-5\", \"used_bytes\": 1}]", "history[0].date" },
      { pool, "history", "[{\"date\": \"2026-01-05T00:00:00Z\", \"used_bytes\": 1}]", "history[0].date" },
      { node, "disks", many_disks, "disks" },
      { node, "disks", "[{\"id\": \"d\", \"serial\": \"s\", \"model\": \"m\", \"capacity_bytes\": 1, \"health\": \"ok\","
                       " \"temperature_c\": 151, \"reallocated_sectors\": 0, \"power_on_hours\": 1}]", "disks[0].temperature_c" },
      { node, "state", "\"sideways\"", "state" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (pools); i++)
      check_violation (&pools[i], i < 6 ? hc_parse_pool : hc_parse_node);
  }

  {
    const Violation alerts[] = {
      { alert_detail, "severity", "\"apocalyptic\"", "severity" },
      { alert_detail, "category", "\"brute-force\"", "category" },
      { alert_detail, "source_ip", "\"999.1.1.1\"", "source_ip" },
      { alert_detail, "resolution", "\"none\"", "resolution" },              /* null is spelled null */
      { alert_detail, "events_count", "0", "events_count" },
      { alert_detail, "timeline", many_timeline, "timeline" },
      { alert_detail, "timeline", "[{\"at\": \"2026-01-05T08:00:00Z\", \"actor\": \"a\", \"action\": \"shrugged\"}]",
        "timeline[0].action" },
    };
    for (guint i = 0; i < G_N_ELEMENTS (alerts); i++)
      check_violation (&alerts[i], hc_parse_alert_detail);
  }

  {
    g_autofree char *with_run = mutate (source, "runs", "[" RUN_JSON "]");
    const Violation runs[] = {
      { with_run, "runs", many_runs, "runs" },                                /* huge list */
      { with_run, "runs", "[" RUN_JSON ", 7]", "runs[1]" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (runs); i++)
      check_violation (&runs[i], hc_parse_source_detail);
  }
}

/* Raw bytes that are not UTF-8 inside a string reject that item only. */
static void
test_invalid_utf8 (void)
{
  g_autofree char *good = g_strdup (SOURCE_JSON);
  g_autofree char *bad = mutate (SOURCE_JSON, "name", "\"BAD_NAME\"");
  g_autofree char *page = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcParsedList) list = NULL;
  char *at = strstr (bad, "BAD_NAME");

  /* An overlong encoding and a lone continuation byte. */
  at[0] = (char) 0xC0;
  at[1] = (char) 0xAF;
  at[2] = (char) 0x80;

  page = g_strdup_printf ("{\"items\": [%s, %s], \"next_cursor\": null, \"total\": 2}", good, bad);
  bytes = g_bytes_new (page, strlen (page));
  list = hc_parse_list_bytes (bytes, hc_parse_source, &error);

  /* json-glib may refuse the whole body itself; if it does not, the item goes. */
  if (list == NULL)
    {
      g_assert_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE);
      g_clear_error (&error);
    }
  else
    {
      g_assert_cmpuint (list->items->len, ==, 1);
      g_assert_cmpuint (list->rejected->len, ==, 1);
      g_assert_nonnull (strstr (g_ptr_array_index (list->rejected, 0), "name"));
    }

  /* A tree built by other means is not trusted either. */
  {
    g_autoptr(JsonNode) root = parse_json ("{\"items\": [" SOURCE_JSON ", " SOURCE_JSON "], \"total\": 2}");
    JsonArray *items = json_object_get_array_member (json_node_get_object (root), "items");
    JsonObject *second = json_array_get_object_element (items, 1);
    g_autoptr(HcParsedList) tree_list = NULL;

    json_object_set_string_member (json_array_get_object_element (items, 0), "id", "other");
    json_object_set_string_member (second, "agency", "B\xC0\xAF");
    tree_list = hc_parse_list (root, hc_parse_source, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tree_list->items->len, ==, 1);
    g_assert_cmpuint (tree_list->rejected->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (tree_list->rejected, 0), ==, "items[1] (src-1): agency: not valid UTF-8");
  }
}

static void
test_text_truncated (void)
{
  g_autoptr(GString) text = g_string_new ("\"");
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) item = NULL;
  const char *description;

  /* "ệ" is three bytes: 4096 is not a multiple of 3, so the cut falls inside one. */
  while (text->len < HC_PARSE_MAX_TEXT + 100)
    g_string_append (text, "ệ");
  g_string_append (text, "\"");

  json = mutate (ALERT_JSON "}", "description", text->str);
  node = parse_json (json);
  item = hc_parse_alert (node, &error);
  g_assert_no_error (error);

  description = hc_alert_get_description (HC_ALERT (item));
  g_assert_cmpuint (strlen (description), <=, HC_PARSE_MAX_TEXT);
  g_assert_cmpuint (strlen (description), >, HC_PARSE_MAX_TEXT - 3);
  g_assert_true (g_utf8_validate (description, -1, NULL));
  g_assert_cmpuint (strlen (description) % 3, ==, 0);
}

static void
test_unknown_fields (void)
{
  g_autofree char *json = mutate (POOL_JSON, "replication.future", "{\"a\": [1, {\"b\": null}]}");
  g_autofree char *json2 = mutate (json, "brand_new", "\"x\"");
  g_autoptr(JsonNode) node = parse_json (json2);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) item = hc_parse_pool (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (hc_pool_get_replication_scheme (HC_POOL (item)), ==, "ec-8+3");
}

static void
check_envelope_error (const char *body,
                      int         code)
{
  g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr(GError) error = NULL;
  g_autoptr(HcParsedList) list = hc_parse_list_bytes (bytes, hc_parse_source, &error);

  if (list != NULL)
    g_error ("accepted the envelope %.80s", body);
  g_assert_error (error, HC_ERROR, code);
}

static void
test_envelope (void)
{
  g_autoptr(GString) huge = g_string_new ("{\"items\": [");
  g_autoptr(GString) deep = g_string_new (NULL);

  check_envelope_error ("", HC_ERROR_MALFORMED_RESPONSE);
  check_envelope_error ("<html>Bad gateway</html>", HC_ERROR_MALFORMED_RESPONSE);
  check_envelope_error ("{\"items\": [", HC_ERROR_MALFORMED_RESPONSE);
  check_envelope_error ("[]", HC_ERROR_MALFORMED_RESPONSE);
  check_envelope_error ("null", HC_ERROR_MALFORMED_RESPONSE);
  check_envelope_error ("{}", HC_ERROR_MALFORMED_RESPONSE);
  check_envelope_error ("{\"items\": {}}", HC_ERROR_MALFORMED_RESPONSE);
  check_envelope_error ("{\"items\": [], \"next_cursor\": 5}", HC_ERROR_MALFORMED_RESPONSE);
  check_envelope_error ("{\"items\": [], \"next_cursor\": \"\"}", HC_ERROR_MALFORMED_RESPONSE);
  check_envelope_error ("{\"items\": [], \"total\": -1}", HC_ERROR_MALFORMED_RESPONSE);
  check_envelope_error ("{\"items\": [], \"total\": \"3\"}", HC_ERROR_MALFORMED_RESPONSE);

  for (guint i = 0; i <= HC_PARSE_MAX_PAGE_ITEMS; i++)
    g_string_append (huge, i ? ",1" : "1");
  g_string_append (huge, "]}");
  check_envelope_error (huge->str, HC_ERROR_RESPONSE_TOO_LARGE);

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  check_envelope_error (deep->str, HC_ERROR_MALFORMED_RESPONSE);

  /* Brackets inside strings do not count as nesting. */
  {
    g_autoptr(GString) body = g_string_new ("{\"items\": [], \"next_cursor\": \"");
    g_autoptr(GBytes) bytes = NULL;
    g_autoptr(GError) error = NULL;
    g_autoptr(HcParsedList) list = NULL;

    for (guint i = 0; i < 100; i++)
      g_string_append (body, "[{\\\"");
    g_string_append (body, "\", \"total\": 0}");
    bytes = g_bytes_new (body->str, body->len);
    list = hc_parse_list_bytes (bytes, hc_parse_source, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (list->items->len, ==, 0);
    g_assert_cmpint (list->total, ==, 0);
    g_assert_true (g_str_has_prefix (list->next_cursor, "[{\""));
  }

  /* A page whose items are all wrong is still a page. */
  {
    const char *body = "{\"items\": [1, \"x\", {\"id\": \"a\"}], \"next_cursor\": null, \"total\": 3}";
    g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
    g_autoptr(GError) error = NULL;
    g_autoptr(HcParsedList) list = hc_parse_list_bytes (bytes, hc_parse_source, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->items->len, ==, 0);
    g_assert_cmpuint (list->rejected->len, ==, 3);
    g_assert_null (list->next_cursor);
    g_assert_nonnull (strstr (g_ptr_array_index (list->rejected, 2), "(a)"));
  }
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
  g_test_add_func ("/parser/me", test_parse_me);
  g_test_add_func ("/parser/overview", test_parse_overview);
  g_test_add_func ("/parser/overview-no-datasets", test_parse_overview_no_datasets);
  g_test_add_func ("/parser/problem", test_parse_problem);
  g_test_add_func ("/parser/problem/summary", test_problem_summary);
  g_test_add_func ("/parser/audit-entry", test_parse_audit_entry);
  g_test_add_func ("/parser/violations", test_violations);
  g_test_add_func ("/parser/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/parser/text-truncated", test_text_truncated);
  g_test_add_func ("/parser/unknown-fields", test_unknown_fields);
  g_test_add_func ("/parser/envelope", test_envelope);
  g_test_add_func ("/parser/update-from", test_update_from);
  g_test_add_func ("/parser/update-detail-lists", test_update_detail_lists);
  g_test_add_func ("/parser/overview-update", test_overview_update);
  g_test_add_func ("/parser/threads", test_threads);
  g_test_add_func ("/parser/enum-nicks", test_enum_nicks);

  return g_test_run ();
}
