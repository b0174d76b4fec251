/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>

#include "hc-parser.h"
#include "hc-sse-parser.h"

/*
 * The parsers against the reference implementation: every list, many
 * details and a burst of streamed events of a running demo hub must parse
 * with no item rejected. Catches the parsers and the demo hub drifting
 * apart from each other (data/hub-api.yaml is the contract of both).
 */

static const char *demo_hub_path;
static char *base_url;
static GSubprocess *hub;
static char *data_dir;
static SoupSession *session;

static GBytes *
get (const char *path,
     guint      *status)
{
  g_autofree char *url = g_strconcat (base_url, "api/v1/", path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(GError) error = NULL;
  GBytes *body;

  soup_message_headers_append (soup_message_get_request_headers (message),
                               "Authorization", "Bearer demo-supervisor-token");
  body = soup_session_send_and_read (session, message, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (message);
  return body;
}

static HcParsedList *
get_list (const char      *path,
          HcParseItemFunc  func)
{
  g_autofree char *query = g_strconcat (path, "?limit=5000", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  HcParsedList *list;
  guint status = 0;

  body = get (query, &status);
  g_assert_cmpuint (status, ==, 200);
  list = hc_parse_list_bytes (body, func, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < list->rejected->len; i++)
    g_printerr ("%s: %s\n", path, (char *) g_ptr_array_index (list->rejected, i));
  g_assert_cmpuint (list->rejected->len, ==, 0);
  g_assert_cmpint (list->total, ==, list->items->len);
  g_assert_null (list->next_cursor);
  g_assert_cmpuint (list->items->len, >, 0);

  return list;
}

static void
check_details (const char      *path,
               GPtrArray       *items,
               HcParseItemFunc  func)
{
  /* A sample keeps the test quick; the ids are spread over the list. */
  guint step = MAX (1, items->len / 10);

  for (guint i = 0; i < items->len; i += step)
    {
      const char *id = hc_item_get_id (g_ptr_array_index (items, i));
      g_autofree char *detail_path = g_strdup_printf ("%s/%s", path, id);
      g_autoptr(GBytes) body = NULL;
      g_autoptr(JsonNode) node = NULL;
      g_autoptr(HcItem) item = NULL;
      g_autoptr(GError) error = NULL;
      guint status = 0;

      body = get (detail_path, &status);
      g_assert_cmpuint (status, ==, 200);
      node = hc_parse_json_bytes (body, &error);
      g_assert_no_error (error);
      item = func (node, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (hc_item_get_id (item), ==, id);
    }
}

static void
test_lists_and_details (void)
{
  g_autoptr(HcParsedList) sources = get_list ("ingestion/sources", hc_parse_source);
  g_autoptr(HcParsedList) datasets = get_list ("quality/datasets", hc_parse_dataset);
  g_autoptr(HcParsedList) pools = get_list ("storage/pools", hc_parse_pool);
  g_autoptr(HcParsedList) nodes = get_list ("storage/nodes", hc_parse_node);
  g_autoptr(HcParsedList) alerts = get_list ("security/alerts", hc_parse_alert);

  /* Pools and nodes have no detail endpoint: their lists carry everything. */
  g_assert_cmpuint (pools->items->len + nodes->items->len, >, 0);

  check_details ("ingestion/sources", sources->items, hc_parse_source_detail);
  check_details ("quality/datasets", datasets->items, hc_parse_dataset_detail);
  check_details ("security/alerts", alerts->items, hc_parse_alert_detail);
}

static void
test_me_overview_problem (void)
{
  g_autoptr(GBytes) me_body = NULL;
  g_autoptr(GBytes) overview_body = NULL;
  g_autoptr(GBytes) problem_body = NULL;
  g_autoptr(JsonNode) me_node = NULL;
  g_autoptr(JsonNode) overview_node = NULL;
  g_autoptr(JsonNode) problem_node = NULL;
  g_autoptr(HcMe) me = NULL;
  g_autoptr(HcOverview) overview = NULL;
  g_autoptr(HcProblem) problem = NULL;
  g_autoptr(GError) error = NULL;
  guint status = 0;

  me_body = get ("me", &status);
  g_assert_cmpuint (status, ==, 200);
  me_node = hc_parse_json_bytes (me_body, &error);
  g_assert_no_error (error);
  me = hc_parse_me (me_node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_me_get_role (me), ==, HC_ROLE_SUPERVISOR);
  g_assert_true (hc_me_can_resolve (me));
  g_assert_true (hc_me_can_read_audit (me));

  overview_body = get ("overview", &status);
  g_assert_cmpuint (status, ==, 200);
  overview_node = hc_parse_json_bytes (overview_body, &error);
  g_assert_no_error (error);
  overview = hc_parse_overview (overview_node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_overview_get_sources_total (overview), >, 0);

  problem_body = get ("no/such/path", &status);
  g_assert_cmpuint (status, ==, 404);
  problem_node = hc_parse_json_bytes (problem_body, &error);
  g_assert_no_error (error);
  problem = hc_parse_problem (problem_node, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_problem_get_status (problem), ==, 404);
  g_assert_nonnull (hc_problem_get_title (problem));
}

typedef struct {
  guint good;
  guint other;
} EventCount;

static void
on_event (const char *id,
          const char *event,
          const char *data,
          gpointer    user_data)
{
  EventCount *count = user_data;
  HcParseItemFunc func = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(HcItem) item = NULL;
  g_autoptr(GError) error = NULL;

  if (g_str_has_prefix (event, "source."))
    func = hc_parse_source;
  else if (g_str_has_prefix (event, "dataset."))
    func = hc_parse_dataset;
  else if (g_str_has_prefix (event, "pool."))
    func = hc_parse_pool;
  else if (g_str_has_prefix (event, "node."))
    func = hc_parse_node;
  else if (g_str_has_prefix (event, "alert."))
    func = hc_parse_alert;

  if (func == NULL)
    {
      count->other++;
      return;
    }

  g_assert_nonnull (id);
  bytes = g_bytes_new (data, strlen (data));
  node = hc_parse_json_bytes (bytes, &error);
  g_assert_no_error (error);
  item = func (node, &error);
  if (error != NULL)
    g_printerr ("%s %s: %s\n", event, id, error->message);
  g_assert_no_error (error);
  count->good++;
}

static void
test_events (void)
{
  g_autofree char *url = g_strconcat (base_url, "api/v1/events", NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  g_autoptr(HcSseParser) parser = hc_sse_parser_new (1024 * 1024);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  EventCount count = { 0 };
  char buffer[4096];

  /* From the start of the kept history, so events come at once. */
  soup_message_headers_append (soup_message_get_request_headers (message),
                               "Authorization", "Bearer demo-viewer-token");
  soup_message_headers_append (soup_message_get_request_headers (message), "Last-Event-ID", "0");
  stream = soup_session_send (session, message, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (message), ==, 200);

  hc_sse_parser_set_callback (parser, on_event, &count, NULL);
  while (count.good < 200)
    {
      gssize n = g_input_stream_read (stream, buffer, sizeof buffer, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (n, >, 0);
      g_assert_true (hc_sse_parser_feed (parser, buffer, n, &error));
      g_assert_no_error (error);
    }

  g_assert_nonnull (hc_sse_parser_get_last_event_id (parser));
  g_input_stream_close (stream, NULL, NULL);
}

static gboolean
start_hub (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;

  data_dir = g_dir_make_tmp ("hc-parser-demo-XXXXXX", &error);
  g_assert_no_error (error);

  /* Fast enough that events flow at once; stdin closing stops it with us. */
  hub = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                          demo_hub_path, "--listen", "127.0.0.1:0", "--data-dir", data_dir,
                          "--speed", "600", "--exit-with-stdin", NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (hub));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_true (g_str_has_prefix (line, "listening on "));
  base_url = g_strdup (line + strlen ("listening on "));
  if (!g_str_has_suffix (base_url, "/"))
    {
      char *with_slash = g_strconcat (base_url, "/", NULL);

      g_free (base_url);
      base_url = with_slash;
    }

  /* Loopback only: no proxy from the environment may get in between. */
  session = soup_session_new_with_options ("proxy-resolver", NULL, NULL);
  return TRUE;
}

static void
stop_hub (void)
{
  g_autoptr(GFile) dir = g_file_new_for_path (data_dir);
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  g_clear_object (&session);
  g_output_stream_close (g_subprocess_get_stdin_pipe (hub), NULL, NULL);
  g_subprocess_wait (hub, NULL, NULL);
  g_clear_object (&hub);

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME, 0, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      g_file_delete (child, NULL, NULL);
      g_object_unref (info);
    }
  g_file_delete (dir, NULL, NULL);
  g_clear_pointer (&data_dir, g_free);
  g_clear_pointer (&base_url, g_free);
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (argc < 2 || !g_file_test (argv[1], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("usage: %s DEMO-HUB-EXECUTABLE\n", argv[0]);
      return 77;
    }
  demo_hub_path = argv[1];

  g_test_add_func ("/parser-demo-hub/me-overview-problem", test_me_overview_problem);
  g_test_add_func ("/parser-demo-hub/lists-and-details", test_lists_and_details);
  g_test_add_func ("/parser-demo-hub/events", test_events);

  start_hub ();
  status = g_test_run ();
  stop_hub ();

  return status;
}
