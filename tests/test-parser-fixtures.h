/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The parser tests' fixtures: one object of each kind as data/hub-api.yaml
 * shapes it, and two small helpers. Shared by test-parser.c (what is read)
 * and test-parser-strict.c (what is refused). */
#pragma once

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

static inline JsonNode *
parse_json (const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  JsonNode *node = hc_parse_json_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

static inline gint64
unix_time (const char *iso)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (dt);
  return g_date_time_to_unix (dt);
}

/* Sets (or, with value_json NULL, removes) a dotted member of a JSON object. */
static inline char *
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
