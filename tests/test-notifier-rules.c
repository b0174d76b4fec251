/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What deserves a notification and what it says, without D-Bus. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hc-format.h"
#include "hc-notifier-rules.h"
#include "hc-parser.h"

static const HcNoticePrefs defaults = { HC_SEVERITY_HIGH, TRUE, TRUE, TRUE, TRUE };

static gpointer
parse (HcParseItemFunc  func,
       const char      *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string (json, &error);
  gpointer item;

  g_assert_no_error (error);
  item = func (node, &error);
  g_assert_no_error (error);
  return item;
}

static HcAlert *
alert (const char *severity,
       const char *state,
       const char *title)
{
  g_autofree char *json =
    g_strdup_printf ("{\"id\": \"al-1\", \"severity\": \"%s\", \"category\": \"malware\", \"title\": \"%s\","
                     " \"description\": \"\", \"asset\": \"db-01\", \"source_ip\": null,"
                     " \"detected_at\": \"2026-01-05T09:00:00Z\", \"state\": \"%s\", \"acknowledged_by\": %s,"
                     " \"acknowledged_at\": %s, \"resolved_by\": null, \"resolved_at\": null, \"events_count\": 1}",
                     severity, title, state,
                     g_str_equal (state, "open") ? "null" : "\"an\"",
                     g_str_equal (state, "open") ? "null" : "\"2026-01-05T09:10:00Z\"");

  return parse (hc_parse_alert, json);
}

static char *
isolated (const char *text)
{
  return hc_format_hub_text (text, HC_HUB_TEXT_LINE);
}

static void
test_alert (void)
{
  g_autoptr(HcAlert) critical = alert ("critical", "open", "Mã độc");
  g_autoptr(HcAlert) high = alert ("high", "open", "Đăng nhập");
  g_autoptr(HcAlert) medium = alert ("medium", "open", "Quét cổng");
  g_autoptr(HcAlert) acked = alert ("critical", "acknowledged", "Mã độc");
  g_autoptr(HcNotice) notice = hc_notice_for_alert (&defaults, "Hà Nội", critical);
  g_autoptr(HcNotice) high_notice = hc_notice_for_alert (&defaults, "Hà Nội", high);
  g_autofree char *hub = isolated ("Hà Nội");
  g_autofree char *title = g_strdup_printf ("Critical alert at %s", hub);
  g_autofree char *t = isolated ("Mã độc");
  g_autofree char *asset = isolated ("db-01");
  g_autofree char *body = g_strdup_printf ("%s on %s", t, asset);
  HcNoticePrefs low = defaults;
  HcNoticePrefs off = defaults;

  g_assert_nonnull (notice);
  g_assert_cmpstr (notice->title, ==, title);
  g_assert_cmpstr (notice->body, ==, body);
  g_assert_cmpint (notice->urgency, ==, HC_NOTICE_URGENCY_CRITICAL);
  g_assert_cmpstr (notice->tag, ==, "alert/al-1");
  g_assert_cmpstr (notice->list, ==, "alerts");
  g_assert_cmpstr (notice->item_id, ==, "al-1");
  g_assert_true (notice->acknowledge);
  g_assert_cmpint (high_notice->urgency, ==, HC_NOTICE_URGENCY_NORMAL);

  /* Below the threshold, not open, or turned off: nothing. */
  g_assert_null (hc_notice_for_alert (&defaults, "Hà Nội", medium));
  g_assert_null (hc_notice_for_alert (&defaults, "Hà Nội", acked));
  low.min_severity = HC_SEVERITY_LOW;
  {
    g_autoptr(HcNotice) m = hc_notice_for_alert (&low, "Hà Nội", medium);
    g_assert_nonnull (m);
    g_assert_cmpint (m->urgency, ==, HC_NOTICE_URGENCY_LOW);
  }
  off.alerts = FALSE;
  g_assert_null (hc_notice_for_alert (&off, "Hà Nội", critical));
}

static void
test_hub_text_is_data (void)
{
  /* A right-to-left override in a title cannot turn the words around. */
  g_autoptr(HcAlert) evil = alert ("critical", "open", "Cảnh báo \u202Egnp.exe");
  g_autoptr(HcNotice) notice = hc_notice_for_alert (&defaults, "Hà Nội", evil);

  g_assert_null (strstr (notice->body, "\u202E"));
  g_assert_nonnull (strstr (notice->body, "[U+202E]"));
}

static void
test_source (void)
{
#define SOURCE_JSON "{\"id\": \"src-1\", \"name\": \"Thuế\", \"agency\": \"Bộ Tài chính\", \"kind\": \"batch\"," \
                     " \"status\": \"%s\", \"schedule\": \"0 * * * *\", \"last_success_at\": null," \
                     " \"lag_seconds\": 0, \"records_per_second\": 0, \"last_run\": %s}"
  g_autofree char *failed_json = g_strdup_printf (SOURCE_JSON, "failed",
                                                  "{\"id\": \"run-1\", \"started_at\": \"2026-01-05T08:00:00Z\","
                                                  " \"finished_at\": \"2026-01-05T08:01:00Z\", \"records\": 0,"
                                                  " \"bytes\": 0, \"outcome\": \"failure\", \"error\": \"connection refused\"}");
  g_autoptr(HcSource) failed = parse (hc_parse_source, failed_json);
  g_autoptr(HcNotice) notice = hc_notice_for_source (&defaults, "Hà Nội", failed, HC_SOURCE_STATUS_OK);
  g_autofree char *body = NULL;
  HcNoticePrefs off = defaults;

  {
    g_autofree char *name = isolated ("Thuế");
    g_autofree char *agency = isolated ("Bộ Tài chính");
    g_autofree char *error = isolated ("connection refused");
    body = g_strdup_printf ("%s (%s) failed: %s", name, agency, error);
  }
  g_assert_nonnull (notice);
  g_assert_cmpstr (notice->body, ==, body);
  g_assert_cmpint (notice->urgency, ==, HC_NOTICE_URGENCY_NORMAL);
  g_assert_false (notice->acknowledge);
  /* Only the turn: failed before is no news; unknown before is. */
  g_assert_null (hc_notice_for_source (&defaults, "Hà Nội", failed, HC_SOURCE_STATUS_FAILED));
  {
    g_autoptr(HcNotice) fresh = hc_notice_for_source (&defaults, "Hà Nội", failed, -1);
    g_assert_nonnull (fresh);
  }
  off.sources = FALSE;
  g_assert_null (hc_notice_for_source (&off, "Hà Nội", failed, HC_SOURCE_STATUS_OK));
}

static void
test_storage (void)
{
#define POOL_JSON "{\"id\": \"pool-a\", \"name\": \"Kho A\", \"kind\": \"object\", \"state\": \"%s\"," \
                     " \"capacity_bytes\": 10, \"used_bytes\": 5, \"replication\": {\"scheme\": \"ec-8+3\"," \
                     " \"degraded_objects\": %d, \"misplaced_objects\": 0}, \"read_bps\": 0, \"write_bps\": 0," \
                     " \"history\": []}"
  g_autofree char *degraded_json = g_strdup_printf (POOL_JSON, "degraded", 1);
  g_autofree char *critical_json = g_strdup_printf (POOL_JSON, "critical", 0);
  g_autoptr(HcPool) degraded = parse (hc_parse_pool, degraded_json);
  g_autoptr(HcPool) critical = parse (hc_parse_pool, critical_json);
  g_autoptr(HcNotice) d = hc_notice_for_pool (&defaults, "Hà Nội", degraded, HC_POOL_STATE_HEALTHY);
  g_autoptr(HcNotice) c = hc_notice_for_pool (&defaults, "Hà Nội", critical, HC_POOL_STATE_DEGRADED);
  g_autoptr(HcNode) node = parse (hc_parse_node,
                                  "{\"id\": \"node-2\", \"hostname\": \"stor-02\", \"rack\": \"R1\", \"state\": \"up\","
                                  " \"disks\": [{\"id\": \"d-2\", \"serial\": \"ZL2\", \"model\": \"ST16000\","
                                  " \"capacity_bytes\": 16, \"health\": \"failing\", \"temperature_c\": 40,"
                                  " \"reallocated_sectors\": 8, \"power_on_hours\": 1000}]}");
  g_autoptr(HcDisk) disk = g_list_model_get_item (hc_node_get_disks (node), 0);
  g_autoptr(HcNotice) k = hc_notice_for_disk (&defaults, "Hà Nội", node, disk, HC_DISK_HEALTH_WARNING);
  g_autofree char *pool = isolated ("Kho A");
  g_autofree char *body = g_strdup_printf ("%s: 1 object degraded", pool);
  HcNoticePrefs off = defaults;

  g_assert_cmpstr (d->body, ==, body);
  g_assert_cmpint (d->urgency, ==, HC_NOTICE_URGENCY_NORMAL);
  g_assert_cmpint (c->urgency, ==, HC_NOTICE_URGENCY_CRITICAL);
  /* Worse is news; the same or better is not. */
  g_assert_null (hc_notice_for_pool (&defaults, "Hà Nội", degraded, HC_POOL_STATE_DEGRADED));
  g_assert_null (hc_notice_for_pool (&defaults, "Hà Nội", degraded, HC_POOL_STATE_CRITICAL));
  g_assert_cmpstr (k->tag, ==, "disk/node-2/d-2");
  g_assert_cmpstr (k->list, ==, "nodes");
  g_assert_cmpstr (k->item_id, ==, "node-2");
  g_assert_nonnull (strstr (k->body, "stor-02"));
  g_assert_null (hc_notice_for_disk (&defaults, "Hà Nội", node, disk, HC_DISK_HEALTH_FAILING));
  off.storage = FALSE;
  g_assert_null (hc_notice_for_pool (&off, "Hà Nội", degraded, HC_POOL_STATE_HEALTHY));
  g_assert_null (hc_notice_for_disk (&off, "Hà Nội", node, disk, -1));
}

static void
test_hub (void)
{
  g_autoptr(HcNotice) down = hc_notice_for_hub_down (&defaults, "Hà Nội", FALSE, "The hub could not be reached.", 75);
  g_autoptr(HcNotice) out = hc_notice_for_hub_down (&defaults, "Hà Nội", TRUE, NULL, 75);
  g_autoptr(HcNotice) back = hc_notice_for_hub_back (&defaults, "Hà Nội", 300);
  g_autofree char *hub = isolated ("Hà Nội");
  g_autofree char *title = g_strdup_printf ("%s is offline", hub);
  g_autofree char *reason = isolated ("The hub could not be reached.");
  g_autofree char *body = g_strdup_printf ("No answer for 1 min: %s", reason);
  HcNoticePrefs off = defaults;

  g_assert_cmpstr (down->title, ==, title);
  g_assert_cmpstr (down->body, ==, body);
  g_assert_cmpstr (down->tag, ==, back->tag);
  g_assert_nonnull (strstr (out->title, "Signed out"));
  g_assert_cmpstr (back->body, ==, "Connected again after 5 min.");
  off.hubs = FALSE;
  g_assert_null (hc_notice_for_hub_down (&off, "Hà Nội", FALSE, NULL, 75));
  g_assert_null (hc_notice_for_hub_back (&off, "Hà Nội", 75));
}

static void
test_summary (void)
{
  g_autoptr(GPtrArray) notices = g_ptr_array_new_with_free_func ((GDestroyNotify) hc_notice_free);
  g_autofree char *hub = isolated ("Trung tâm dữ liệu quốc gia số 1");
  g_autofree char *title = g_strdup_printf ("12 new critical alerts at %s", hub);
  g_autoptr(HcAlert) critical = alert ("critical", "open", "Mã độc");
  g_autoptr(HcAlert) high = alert ("high", "open", "Đăng nhập");

  for (guint i = 0; i < 12; i++)
    g_ptr_array_add (notices, hc_notice_for_alert (&defaults, "Trung tâm dữ liệu quốc gia số 1", critical));
  {
    g_autoptr(HcNotice) s = hc_notice_summary ("Trung tâm dữ liệu quốc gia số 1",
                                               (HcNotice * const *) notices->pdata, notices->len);
    g_assert_cmpstr (s->title, ==, title);
    g_assert_cmpstr (s->list, ==, "alerts");
    g_assert_null (s->item_id);
    g_assert_cmpstr (s->filter, ==, "critical");
    g_assert_cmpint (s->urgency, ==, HC_NOTICE_URGENCY_CRITICAL);
    g_assert_nonnull (strstr (s->body, "and 9 more"));
  }
  /* Mixed severities: all alerts, unfiltered. */
  g_ptr_array_add (notices, hc_notice_for_alert (&defaults, "Trung tâm dữ liệu quốc gia số 1", high));
  {
    g_autoptr(HcNotice) s = hc_notice_summary ("Trung tâm dữ liệu quốc gia số 1",
                                               (HcNotice * const *) notices->pdata, notices->len);
    g_autofree char *mixed = g_strdup_printf ("13 new alerts at %s", hub);
    g_assert_cmpstr (s->title, ==, mixed);
    g_assert_null (s->filter);
  }
}

static void
test_burst (void)
{
  HcNoticeBurst burst = { 0 };
  gint64 t = 1000 * G_USEC_PER_SEC;

  /* Three one by one; the fourth within 10 s starts the summary. */
  g_assert_false (hc_notice_burst_add (&burst, t));
  g_assert_false (hc_notice_burst_add (&burst, t + 1));
  g_assert_false (hc_notice_burst_add (&burst, t + 2));
  g_assert_true (hc_notice_burst_add (&burst, t + 3));
  /* It takes all that follow until 10 s of quiet. */
  g_assert_true (hc_notice_burst_add (&burst, t + 9 * G_USEC_PER_SEC));
  g_assert_true (hc_notice_burst_add (&burst, t + 18 * G_USEC_PER_SEC));
  g_assert_false (hc_notice_burst_add (&burst, t + 29 * G_USEC_PER_SEC));

  /* Spread out, never a summary. */
  memset (&burst, 0, sizeof burst);
  for (guint i = 0; i < 10; i++)
    g_assert_false (hc_notice_burst_add (&burst, t + i * 4 * G_USEC_PER_SEC));
}

static void
test_event_id (void)
{
  guint64 id = 0;

  g_assert_true (hc_notice_parse_event_id ("42", &id));
  g_assert_cmpuint (id, ==, 42);
  g_assert_true (hc_notice_parse_event_id ("18446744073709551615", &id));
  g_assert_false (hc_notice_parse_event_id ("18446744073709551616", &id));
  g_assert_false (hc_notice_parse_event_id ("-1", &id));
  g_assert_false (hc_notice_parse_event_id ("4x", &id));
  g_assert_false (hc_notice_parse_event_id ("", &id));
  g_assert_false (hc_notice_parse_event_id (NULL, &id));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/notifier-rules/alert", test_alert);
  g_test_add_func ("/notifier-rules/hub-text-is-data", test_hub_text_is_data);
  g_test_add_func ("/notifier-rules/source", test_source);
  g_test_add_func ("/notifier-rules/storage", test_storage);
  g_test_add_func ("/notifier-rules/hub", test_hub);
  g_test_add_func ("/notifier-rules/summary", test_summary);
  g_test_add_func ("/notifier-rules/burst", test_burst);
  g_test_add_func ("/notifier-rules/event-id", test_event_id);
  return g_test_run ();
}
