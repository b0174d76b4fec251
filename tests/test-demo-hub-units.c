/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "hc-demo-json.h"
#include "hc-demo-store.h"
#include "hc-demo-text.h"
#include "hc-demo-tokens.h"

static void
test_fold (void)
{
  g_autofree char *a = hc_demo_text_fold ("Hà Nội");
  g_autofree char *b = hc_demo_text_fold ("ĐẤT ĐAI — Cần Thơ");
  g_autofree char *c = hc_demo_text_fold ("\xff\xfe");

  g_assert_cmpstr (a, ==, "ha noi");
  g_assert_cmpstr (b, ==, "dat dai — can tho");
  g_assert_cmpstr (c, ==, "");
}

/* The reference fold, one whole string at a time. */
static char *
fold_reference (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *out = g_string_new (NULL);

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      g_string_append_unichar (out, c == 0x0111 ? 'd' : c);
    }
  return g_string_free (out, FALSE);
}

/* The fold takes the characters it meets most from a table: for every
 * character, beside marks and other characters, it says what the
 * whole-string fold says. */
static void
test_fold_table (void)
{
  static const gunichar samples[] = { 0x1EA0, 0x0301, 0x0327, 0x05B0, 0x0F71, 0x302A, 0x1F600, 0xAC00 };

  for (gunichar c = 1; c < 0x3100; c++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (samples); k++)
        {
          GString *text = g_string_new ("Đ");
          g_autofree char *want = NULL;
          g_autofree char *got = NULL;

          g_string_append_unichar (text, c);
          g_string_append_unichar (text, samples[k]);
          g_string_append_unichar (text, c);
          g_string_append (text, "Ý x");
          want = fold_reference (text->str);
          got = hc_demo_text_fold (text->str);
          if (g_strcmp0 (want, got) != 0)
            g_error ("fold of U+%04X then U+%04X: “%s”, want “%s”", c, samples[k], got, want);
          g_string_free (text, TRUE);
        }
    }
}

static void
test_time (void)
{
  gint64 t = 0;
  g_autofree char *s = NULL;

  g_assert_true (hc_demo_text_parse_time ("2026-01-05T08:30:00Z", &t));
  s = hc_demo_text_format_time (t);
  g_assert_cmpstr (s, ==, "2026-01-05T08:30:00Z");
  g_assert_true (hc_demo_text_parse_time ("2026-01-05T15:30:00+07:00", &t));
  g_clear_pointer (&s, g_free);
  s = hc_demo_text_format_time (t);
  g_assert_cmpstr (s, ==, "2026-01-05T08:30:00Z");
  g_assert_false (hc_demo_text_parse_time ("2026-01-05T08:30:00", &t));
  g_assert_false (hc_demo_text_parse_time ("yesterday", &t));
  g_assert_false (hc_demo_text_parse_time ("2026-13-45T08:30:00Z", &t));

  /* What GDateTime writes, from 1000 to 9999; RFC 3339's four digits
   * before (GDateTime writes year 1 as "1"); the epoch outside. */
  for (gint64 u = -30610224000; u < 253402300800; u += 86400 * 97 + 3607)
    {
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (u);
      g_autofree char *want = g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");

      g_clear_pointer (&s, g_free);
      s = hc_demo_text_format_time (u);
      g_assert_cmpstr (s, ==, want);
    }
  g_clear_pointer (&s, g_free);
  s = hc_demo_text_format_time (253402300800);
  g_assert_cmpstr (s, ==, "1970-01-01T00:00:00Z");
  g_clear_pointer (&s, g_free);
  s = hc_demo_text_format_time (-62135596800);
  g_assert_cmpstr (s, ==, "0001-01-01T00:00:00Z");
}

static void
test_tidy_numbers (void)
{
  GString *json = g_string_new ("{\"a\":92.799999999999997,\"b\":\"92.799999999999997\",\"c\":[0.10000000000000001,5],"
                                "\"d\":\"x\\\"1.2000000000000002\"}");

  hc_demo_text_tidy_numbers (json);
  g_assert_cmpstr (json->str, ==, "{\"a\":92.8,\"b\":\"92.799999999999997\",\"c\":[0.1,5],"
                                  "\"d\":\"x\\\"1.2000000000000002\"}");
  g_string_free (json, TRUE);
}

/* One document through both writers: the text is what json-glib (and
 * the tidying of its numbers) writes for the same calls. */
static void
write_document (HcDemoJson *j)
{
  hc_demo_json_begin_object (j);
  hc_demo_json_member (j, "text");
  hc_demo_json_string (j, "Tấn công \"từ chối\" dịch vụ\\\n\t\r\b\f\x01\x1e\x7f/end");
  hc_demo_json_member (j, "empty");
  hc_demo_json_string (j, "");
  hc_demo_json_member (j, "none");
  hc_demo_json_string (j, NULL);
  hc_demo_json_member (j, "numbers");
  hc_demo_json_begin_array (j);
  hc_demo_json_int (j, 0);
  hc_demo_json_int (j, -42);
  hc_demo_json_int (j, G_MAXINT64);
  hc_demo_json_double (j, 92.8);
  hc_demo_json_double (j, 90.0);
  hc_demo_json_double (j, 12.5);
  hc_demo_json_double (j, 0.1);
  hc_demo_json_double (j, -3.0);
  hc_demo_json_end_array (j);
  hc_demo_json_member (j, "nested");
  hc_demo_json_begin_array (j);
  hc_demo_json_begin_object (j);
  hc_demo_json_end_object (j);
  hc_demo_json_begin_array (j);
  hc_demo_json_end_array (j);
  hc_demo_json_begin_object (j);
  hc_demo_json_member (j, "a");
  hc_demo_json_null (j);
  hc_demo_json_member (j, "b");
  hc_demo_json_begin_object (j);
  hc_demo_json_member (j, "c");
  hc_demo_json_int (j, 1);
  hc_demo_json_end_object (j);
  hc_demo_json_end_object (j);
  hc_demo_json_end_array (j);
  hc_demo_json_member (j, "last");
  hc_demo_json_int (j, 7);
  hc_demo_json_end_object (j);
}

static void
test_json_writer (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *built = NULL;
  HcDemoJson j;

  hc_demo_json_init_builder (&j, builder);
  write_document (&j);
  root = json_builder_get_root (builder);
  built = hc_demo_text_json (root);

  hc_demo_json_init_text (&j, text);
  write_document (&j);
  g_assert_cmpuint (j.depth, ==, 0);
  g_assert_cmpstr (text->str, ==, built);

  /* U+001F escaped as JSON asks (json-glib 1.6 writes it raw). */
  g_string_truncate (text, 0);
  hc_demo_json_append_string (text, "a\x1f");
  g_assert_cmpstr (text->str, ==, "\"a\\u001f\"");
}

/* A list page is written as text, a detail built: the same row either way. */
static void
test_rows_as_details (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hc-demo-units-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "db.sqlite3", NULL);
  g_autoptr(HcDemoStore) store = NULL;
  g_autoptr(GError) error = NULL;
  HcDemoListQuery q = { .limit = 1000 };
  GString *pages[3] = { NULL };
  char *next[3] = { NULL };
  guint checked = 0;

  store = hc_demo_store_open (path, 5, 300, &error);
  g_assert_no_error (error);
  pages[0] = hc_demo_store_list_alerts (store, &q, &next[0]);
  pages[1] = hc_demo_store_list_sources (store, &q, &next[1]);
  pages[2] = hc_demo_store_list_datasets (store, &q, &next[2]);

  for (guint k = 0; k < G_N_ELEMENTS (pages); k++)
    {
      g_autoptr(JsonNode) page = json_from_string (pages[k]->str, &error);
      JsonArray *items;

      g_assert_no_error (error);
      g_assert_null (next[k]);
      items = json_object_get_array_member (json_node_get_object (page), "items");
      g_assert_cmpuint (json_array_get_length (items), >, 0);
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonNode *row = json_array_get_element (items, i);
          const char *id = json_object_get_string_member (json_node_get_object (row), "id");
          g_autoptr(JsonNode) detail = k == 0 ? hc_demo_store_get_alert (store, id, FALSE, &error)
                                     : k == 1 ? hc_demo_store_get_source (store, id, FALSE, &error)
                                     : hc_demo_store_get_dataset (store, id, FALSE, &error);

          g_assert_no_error (error);
          if (!json_node_equal (row, detail))
            g_error ("row %s differs from its detail", id);
          checked++;
        }
      g_string_free (pages[k], TRUE);
    }
  g_assert_cmpuint (checked, >=, 300);
  g_clear_object (&store);
  g_remove (path);
  g_rmdir (dir);
}

static void
test_tokens (void)
{
  g_autoptr(HcDemoTokens) demo = hc_demo_tokens_new_demo ();
  g_autoptr(HcDemoTokens) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *role = NULL, *user = NULL, *display = NULL;

  g_assert_true (hc_demo_tokens_lookup (demo, "demo-operator-token", &role, &user, &display));
  g_assert_cmpstr (role, ==, "operator");
  g_assert_false (hc_demo_tokens_lookup (demo, "demo-operator-toke", &role, NULL, NULL));
  g_assert_false (hc_demo_tokens_lookup (demo, "", &role, NULL, NULL));
  g_assert_false (hc_demo_tokens_lookup (demo, NULL, &role, NULL, NULL));

  file = hc_demo_tokens_new_from_data ("# comment\n\n  t1 viewer ana  Ana Lê \nt2\tsupervisor binh\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hc_demo_tokens_get_count (file), ==, 2);
  g_assert_true (hc_demo_tokens_lookup (file, "t1", &role, &user, &display));
  g_assert_cmpstr (role, ==, "viewer");
  g_assert_cmpstr (user, ==, "ana");
  g_assert_cmpstr (display, ==, "Ana Lê");
  g_assert_true (hc_demo_tokens_lookup (file, "t2", &role, &user, &display));
  g_assert_cmpstr (display, ==, "binh");
  g_assert_false (hc_demo_tokens_lookup (file, "demo-viewer-token", NULL, NULL, NULL));

  for (guint i = 0; i < 4; i++)
    {
      const char *bad[] = { "t1 admin root\n", "t1 viewer\n", "# only a comment\n", "t1 viewer \xff\n" };
      g_autoptr(HcDemoTokens) none = hc_demo_tokens_new_from_data (bad[i], &error);

      g_assert_null (none);
      g_assert_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID);
      g_assert_null (strstr (error->message, "t1"));
      g_clear_error (&error);
    }
}

typedef struct {
  guint   count;
  gint64  last;
} Seen;

static void
event_cb (HcDemoStore *store,
          gint64       id,
          const char  *name,
          const char  *data,
          Seen        *seen)
{
  g_assert_cmpint (id, >, seen->last);
  seen->last = id;
  seen->count++;
}

static void
test_store (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hc-demo-units-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "db.sqlite3", NULL);
  g_autoptr(HcDemoStore) store = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  g_autofree char *open_id = NULL;
  g_autoptr(JsonNode) acked = NULL;
  Seen seen = { 0, 0 };
  gint64 total = -1;

  store = hc_demo_store_open (path, 3, 100, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "event", G_CALLBACK (event_cb), &seen);

  /* Keyset pages of 7 return all 100 alerts once. */
  do
    {
      HcDemoListQuery q = { .limit = 7, .after = after };
      g_autoptr(GString) text = NULL;
      g_autoptr(JsonNode) page = NULL;
      char *next = NULL;
      JsonArray *items;

      text = hc_demo_store_list_alerts (store, &q, &next);
      page = json_from_string (text->str, &error);
      g_assert_no_error (error);
      items = json_object_get_array_member (json_node_get_object (page), "items");
      total = json_object_get_int_member (json_node_get_object (page), "total");
      for (guint i = 0; i < json_array_get_length (items); i++)
        {
          JsonObject *alert = json_array_get_object_element (items, i);

          g_assert_true (g_hash_table_add (ids, g_strdup (json_object_get_string_member (alert, "id"))));
          if (open_id == NULL && g_str_equal (json_object_get_string_member (alert, "state"), "open"))
            open_id = g_strdup (json_object_get_string_member (alert, "id"));
        }
      g_free (after);
      after = next;
    }
  while (after != NULL);
  g_assert_cmpint (total, ==, 100);
  g_assert_cmpuint (g_hash_table_size (ids), ==, 100);
  g_assert_nonnull (open_id);

  /* Events are announced only once committed; a rollback forgets them. */
  hc_demo_store_begin (store);
  acked = hc_demo_store_acknowledge (store, open_id, "tester", "seen", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen.count, ==, 0);
  hc_demo_store_rollback (store);
  g_assert_cmpuint (seen.count, ==, 0);
  g_clear_pointer (&acked, json_node_unref);

  hc_demo_store_begin (store);
  acked = hc_demo_store_acknowledge (store, open_id, "tester", "seen", &error);
  g_assert_no_error (error);
  hc_demo_store_commit (store);
  g_assert_cmpuint (seen.count, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (acked), "state"), ==, "acknowledged");

  hc_demo_store_begin (store);
  g_assert_null (hc_demo_store_acknowledge (store, open_id, "tester", "again", &error));
  g_assert_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_null (hc_demo_store_resolve (store, "alr-none", "tester", "x", "fixed", &error));
  g_assert_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  hc_demo_store_commit (store);
  g_assert_cmpuint (seen.count, ==, 1);

  g_clear_object (&store);

  /* Reopening with the same seed keeps the state; another seed starts afresh. */
  store = hc_demo_store_open (path, 3, 100, &error);
  g_assert_no_error (error);
  g_clear_pointer (&acked, json_node_unref);
  acked = hc_demo_store_get_alert (store, open_id, FALSE, &error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (acked), "state"), ==, "acknowledged");
  g_clear_object (&store);
  store = hc_demo_store_open (path, 4, 100, &error);
  g_assert_no_error (error);
  g_clear_pointer (&acked, json_node_unref);
  acked = hc_demo_store_get_alert (store, open_id, FALSE, &error);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (acked), "acknowledged_by"), !=, "tester");
  g_clear_object (&store);

  {
    const char *files[] = { "db.sqlite3", "db.sqlite3-wal", "db.sqlite3-shm", "db.sqlite3-journal" };

    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autofree char *f = g_build_filename (dir, files[i], NULL);
        g_unlink (f);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo-hub/text/fold", test_fold);
  g_test_add_func ("/demo-hub/text/fold-table", test_fold_table);
  g_test_add_func ("/demo-hub/text/time", test_time);
  g_test_add_func ("/demo-hub/text/tidy-numbers", test_tidy_numbers);
  g_test_add_func ("/demo-hub/tokens", test_tokens);
  g_test_add_func ("/demo-hub/store", test_store);
  g_test_add_func ("/demo-hub/json-writer", test_json_writer);
  g_test_add_func ("/demo-hub/rows-as-details", test_rows_as_details);

  return g_test_run ();
}
