/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the parsers refuse: a bad item goes and the rest of its page stays,
 * invalid UTF-8, text cut to size, unknown fields, a list's envelope, and
 * the cursor read from a page's end before it is parsed. */
#include "config.h"

#include <locale.h>

#include "hc-list-page.h"
#include "test-parser-fixtures.h"

/* ---- violations: the bad item goes, the rest of the page stays -------- */

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

/* ---- the cursor read from a page's end, before it is parsed ---------- */

static void
test_peek_cursor (void)
{
  static const struct { const char *body; const char *peeked; } cases[] = {
    { "{\"items\": [], \"total\": 0, \"next_cursor\": \"YTo5OTk5OQ\"}", "YTo5OTk5OQ" },
    { "{\"items\":[],\"next_cursor\":\"c2\"}", "c2" },
    { "{\"items\": [] ,\n  \"next_cursor\" :\t\"c2\"\r\n}\n", "c2" },
    { "{\"next_cursor\": \"c0\", \"items\": [], \"next_cursor\": \"c2\"}", "c2" },
    { "{\"items\": [], \"next_cursor\": \"trang-sau-đó\"}", "trang-sau-đó" },
    /* Not the envelope's last member, or not a plain string: the parse says. */
    { "{\"items\": [], \"next_cursor\": \"c2\", \"total\": 0}", NULL },
    { "{\"items\": [], \"next_cursor\": null}", NULL },
    { "{\"items\": [], \"next_cursor\": \"c\\\"2\"}", NULL },
    { "{\"items\": [], \"next_cursor\": \"c\\u0032\"}", NULL },
    { "{\"items\": [], \"x\": {\"next_cursor\": \"c2\"}}", NULL },
    { "{\"items\": [], \"my_next_cursor\": \"c2\"}", NULL },
    { "{\"items\": [], \"x\": \"\\\"next_cursor\\\": \\\"c2\"}", NULL },
    { "{\"items\": [\"\\\",\\\"next_cursor\\\":\\\"c2\"]}", NULL },
    { "[\"next_cursor\", \"c2\"]", NULL },
    { "{\"items\": [], \"next_cursor\": \"\"}", NULL },
    { "\"next_cursor\":\"c2\"}", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (cases[i].body, strlen (cases[i].body));
      g_autofree char *peeked = hc_list_page_peek_cursor (bytes);
      g_autoptr(GError) error = NULL;
      g_autoptr(HcParsedList) list = hc_parse_list_bytes (bytes, hc_parse_source, &error);

      g_test_message ("%s", cases[i].body);
      g_assert_cmpstr (peeked, ==, cases[i].peeked);
      /* Whatever is peeked is what the parse gives. */
      if (peeked != NULL)
        {
          g_assert_no_error (error);
          g_assert_cmpstr (list->next_cursor, ==, peeked);
        }
    }

  /* A cursor longer than the parser takes is left to the parser. */
  {
    g_autoptr(GString) body = g_string_new ("{\"items\": [], \"next_cursor\": \"");
    g_autoptr(GBytes) bytes = NULL;

    for (guint i = 0; i <= HC_PARSE_MAX_CURSOR; i++)
      g_string_append_c (body, 'c');
    g_string_append (body, "\"}");
    bytes = g_bytes_new (body->str, body->len);
    g_assert_null (hc_list_page_peek_cursor (bytes));
  }
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/parser/violations", test_violations);
  g_test_add_func ("/parser/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/parser/text-truncated", test_text_truncated);
  g_test_add_func ("/parser/unknown-fields", test_unknown_fields);
  g_test_add_func ("/parser/envelope", test_envelope);
  g_test_add_func ("/parser/peek-cursor", test_peek_cursor);

  return g_test_run ();
}
