/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo hub's GET handlers: each checks its parameters, asks the store
 * and answers; nothing here changes the hub. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hc-demo-server-private.h"
#include "hc-demo-text.h"

#define HUB_ID       "ndc-hanoi-01"
#define HUB_NAME     "Trung tâm Dữ liệu Quốc gia — Hà Nội"
#define HUB_SITE     "Hà Nội"

void
hc_demo_server_reads_health (HcDemoRequest *req)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "ok");
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, PACKAGE_VERSION);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  hc_demo_http_send_json (req, node);
}

void
hc_demo_server_reads_me (HcDemoRequest *req)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *now = hc_demo_text_format_time (hc_demo_store_now ());

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "user");
  json_builder_add_string_value (b, req->user);
  json_builder_set_member_name (b, "display_name");
  json_builder_add_string_value (b, req->display_name);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, req->role_name);
  json_builder_set_member_name (b, "permissions");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "read");
  if (req->role >= HC_DEMO_ROLE_OPERATOR)
    {
      json_builder_add_string_value (b, "alerts.acknowledge");
      json_builder_add_string_value (b, "sources.retry");
    }
  if (req->role >= HC_DEMO_ROLE_SUPERVISOR)
    {
      json_builder_add_string_value (b, "alerts.resolve");
      json_builder_add_string_value (b, "audit.read");
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "hub");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, HUB_ID);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, HUB_NAME);
  json_builder_set_member_name (b, "site");
  json_builder_add_string_value (b, HUB_SITE);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, PACKAGE_VERSION);
  json_builder_set_member_name (b, "time");
  json_builder_add_string_value (b, now);
  json_builder_end_object (b);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  hc_demo_http_send_json (req, node);
}

void
hc_demo_server_reads_overview (HcDemoRequest *req)
{
  g_autoptr(JsonNode) node = hc_demo_store_overview (req->server->store);

  hc_demo_http_send_json (req, node);
}

void
hc_demo_server_reads_sources (HcDemoRequest *req)
{
  static const char * const allowed[] = { "limit", "cursor", "status", "agency", "q", NULL };
  static const char * const statuses[] = { "ok", "lagging", "failed", "paused", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *text = NULL;
  g_autofree char *next = NULL;
  GString *page;

  if (!hc_demo_http_check_params (req, allowed) ||
      !hc_demo_http_page_params (req, 's', FALSE, &q, &after) ||
      !hc_demo_http_enum_param (req, "status", statuses, &q.status) ||
      !hc_demo_http_text_param (req, "agency", &agency, FALSE) ||
      !hc_demo_http_text_param (req, "q", &text, TRUE))
    return;
  q.agency = agency;
  q.q = text;
  page = hc_demo_store_list_sources (req->server->store, &q, &next);
  hc_demo_http_send_page_text (req, page, 's', next);
}

static void
send_store_error (HcDemoRequest *req,
                  GError        *error)
{
  if (g_error_matches (error, HC_DEMO_ERROR, HC_DEMO_ERROR_NOT_FOUND))
    hc_demo_http_send_problem (req->msg, 404, "not-found", error->message);
  else if (g_error_matches (error, HC_DEMO_ERROR, HC_DEMO_ERROR_CONFLICT))
    hc_demo_http_send_problem (req->msg, 409, "conflict", error->message);
  else if (g_error_matches (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID))
    hc_demo_http_send_problem (req->msg, 422, "invalid-body", error->message);
  else
    hc_demo_http_send_problem (req->msg, 500, "internal", "The hub failed to answer.");
}

void
hc_demo_server_reads_source (HcDemoRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!hc_demo_http_check_params (req, NULL))
    return;
  node = hc_demo_store_get_source (req->server->store, req->segs[2], TRUE, &error);
  if (node == NULL)
    send_store_error (req, error);
  else
    hc_demo_http_send_json (req, node);
}

void
hc_demo_server_reads_datasets (HcDemoRequest *req)
{
  static const char * const allowed[] = { "limit", "cursor", "below", "criterion", "q", NULL };
  static const char * const criteria[] = { "correct", "complete", "clean", "live", "overall", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *next = NULL;
  GString *page;
  const char *below = hc_demo_http_param (req, "below");

  if (!hc_demo_http_check_params (req, allowed) ||
      !hc_demo_http_page_params (req, 'd', FALSE, &q, &after) ||
      !hc_demo_http_enum_param (req, "criterion", criteria, &q.criterion) ||
      !hc_demo_http_text_param (req, "q", &text, TRUE))
    return;
  if (below != NULL)
    {
      char *end = NULL;
      double v;

      if (*below == '\0' || strlen (below) > 16 || strspn (below, "0123456789.") != strlen (below))
        {
          hc_demo_http_bad_param (req, "below", "must be a number from 0 to 100.");
          return;
        }
      v = g_ascii_strtod (below, &end);
      if (end == below || *end != '\0' || !isfinite (v) || v < 0 || v > 100)
        {
          hc_demo_http_bad_param (req, "below", "must be a number from 0 to 100.");
          return;
        }
      q.has_below = TRUE;
      q.below = v;
    }
  q.q = text;
  page = hc_demo_store_list_datasets (req->server->store, &q, &next);
  hc_demo_http_send_page_text (req, page, 'd', next);
}

void
hc_demo_server_reads_dataset (HcDemoRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!hc_demo_http_check_params (req, NULL))
    return;
  node = hc_demo_store_get_dataset (req->server->store, req->segs[2], TRUE, &error);
  if (node == NULL)
    send_store_error (req, error);
  else
    hc_demo_http_send_json (req, node);
}

void
hc_demo_server_reads_pools (HcDemoRequest *req)
{
  static const char * const allowed[] = { "limit", "cursor", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *next = NULL;
  GString *page;

  if (!hc_demo_http_check_params (req, allowed) || !hc_demo_http_page_params (req, 'p', FALSE, &q, &after))
    return;
  page = hc_demo_store_list_pools (req->server->store, &q, &next);
  hc_demo_http_send_page_text (req, page, 'p', next);
}

void
hc_demo_server_reads_nodes (HcDemoRequest *req)
{
  static const char * const allowed[] = { "limit", "cursor", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *next = NULL;
  GString *page;

  if (!hc_demo_http_check_params (req, allowed) || !hc_demo_http_page_params (req, 'n', FALSE, &q, &after))
    return;
  page = hc_demo_store_list_nodes (req->server->store, &q, &next);
  hc_demo_http_send_page_text (req, page, 'n', next);
}

void
hc_demo_server_reads_alerts (HcDemoRequest *req)
{
  static const char * const allowed[] = { "limit", "cursor", "state", "severity", "category", "since", "q", NULL };
  static const char * const states[] = { "open", "acknowledged", "resolved", NULL };
  static const char * const severities[] = { "critical", "high", "medium", "low", NULL };
  static const char * const categories[] = { "intrusion", "brute_force", "malware", "data_exfiltration",
                                             "privilege_escalation", "policy_violation", "ddos", "integrity", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *next = NULL;
  GString *page;
  const char *since = hc_demo_http_param (req, "since");

  if (!hc_demo_http_check_params (req, allowed) ||
      !hc_demo_http_page_params (req, 'a', TRUE, &q, &after) ||
      !hc_demo_http_enum_param (req, "state", states, &q.state) ||
      !hc_demo_http_enum_param (req, "severity", severities, &q.severity) ||
      !hc_demo_http_enum_param (req, "category", categories, &q.category) ||
      !hc_demo_http_text_param (req, "q", &text, TRUE))
    return;
  if (since != NULL)
    {
      if (!hc_demo_text_parse_time (since, &q.since))
        {
          hc_demo_http_bad_param (req, "since", "must be an RFC 3339 time with a zone, such as 2026-01-05T08:30:00Z.");
          return;
        }
      q.has_since = TRUE;
    }
  q.q = text;
  page = hc_demo_store_list_alerts (req->server->store, &q, &next);
  hc_demo_http_send_page_text (req, page, 'a', next);
}

void
hc_demo_server_reads_alert (HcDemoRequest *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!hc_demo_http_check_params (req, NULL))
    return;
  node = hc_demo_store_get_alert (req->server->store, req->segs[2], TRUE, &error);
  if (node == NULL)
    send_store_error (req, error);
  else
    hc_demo_http_send_json (req, node);
}

void
hc_demo_server_reads_audit (HcDemoRequest *req)
{
  static const char * const allowed[] = { "limit", "cursor", "actor", "action", "since", NULL };
  static const char * const actions[] = { "alert.acknowledge", "alert.resolve", "source.retry", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *actor = NULL;
  g_autofree char *next = NULL;
  GString *page;
  const char *since = hc_demo_http_param (req, "since");

  if (!hc_demo_http_check_params (req, allowed) || !hc_demo_http_page_params (req, 'u', TRUE, &q, &after) ||
      !hc_demo_http_enum_param (req, "action", actions, &q.action) ||
      !hc_demo_http_text_param (req, "actor", &actor, FALSE))
    return;
  if (since != NULL)
    {
      if (!hc_demo_text_parse_time (since, &q.since))
        {
          hc_demo_http_bad_param (req, "since", "must be an RFC 3339 time with a zone, such as 2026-01-05T08:30:00Z.");
          return;
        }
      q.has_since = TRUE;
    }
  q.actor = actor;
  page = hc_demo_store_list_audit (req->server->store, &q, &next);
  hc_demo_http_send_page_text (req, page, 'u', next);
}
