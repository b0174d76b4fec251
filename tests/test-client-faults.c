/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client against a misbehaving hub (tests/hc-fault-server.py): every
 * fault ends in its own HC_ERROR code with a message, within a deadline.
 * TLS is tested in test-client-tls.c, the event stream in
 * test-client-stream.c. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hc-alert.h"
#include "hc-client.h"
#include "hc-error.h"
#include "hc-hub.h"
#include "hc-me.h"
#include "hc-test-fault.h"

#define TOKEN HC_TEST_FAULT_TOKEN

static guint http_port;
static GString *captured_logs;

/* ---- cases -------------------------------------------------------------- */

static void
test_ok_and_token (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "ok");
  g_autoptr(HcClient) anonymous = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HcMe) me = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/ok/", http_port);

  hc_client_me_async (client, NULL, hc_test_store_result, &result);
  hc_test_spin_until_set ((gpointer *) &result, 20000);
  me = hc_client_me_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_me_get_user (me), ==, "an");

  /* Without the token the fake hub refuses, and we say "signed out". */
  anonymous = hc_client_new (url, NULL, NULL, NULL, FALSE);
  g_clear_error (&error);
  error = hc_test_me_error (anonymous);
  hc_test_assert_code (error, HC_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "No bearer token"));
}

static void
test_truncated (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "truncated");
  g_autoptr(GError) error = hc_test_me_error (client);

  hc_test_assert_code (error, HC_ERROR_MALFORMED_RESPONSE);
}

static void
test_wrong_types (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "wrong-types");
  g_autoptr(GError) error = hc_test_me_error (client);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HcListPage) page = NULL;
  g_autoptr(GError) list_error = NULL;

  hc_test_assert_code (error, HC_ERROR_MALFORMED_RESPONSE);

  hc_client_list_alerts_async (client, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, hc_test_store_result, &result);
  hc_test_spin_until_set ((gpointer *) &result, 20000);
  page = hc_client_list_finish (client, result, &list_error);
  g_assert_null (page);
  hc_test_assert_code (list_error, HC_ERROR_MALFORMED_RESPONSE);
}

static void
test_html (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "html");
  g_autoptr(GError) error = hc_test_health_error (client);

  hc_test_assert_code (error, HC_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "web page"));
}

static void
test_huge_content_length (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "huge");
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = hc_test_health_error (client);

  /* Refused on the header, long before the deadline. */
  hc_test_assert_code (error, HC_ERROR_RESPONSE_TOO_LARGE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
test_chunked_too_big (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "chunked-big");
  g_autoptr(GError) error = NULL;

  hc_client_set_max_response_size (client, 1024 * 1024);
  error = hc_test_health_error (client);
  hc_test_assert_code (error, HC_ERROR_RESPONSE_TOO_LARGE);
}

static void
test_slow_drip (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "slow");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Bytes keep coming (so no I/O timeout), but the whole request has a
   * deadline. */
  hc_client_set_timeouts (client, 5, 1500);
  error = hc_test_health_error (client);
  hc_test_assert_code (error, HC_ERROR_TIMED_OUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
}

static void
test_no_answer (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "silent");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Connected, but no headers within the connect timeout. */
  hc_client_set_timeouts (client, 1, 20000);
  error = hc_test_health_error (client);
  hc_test_assert_code (error, HC_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "1 second"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
}

static void
test_rate_limited (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "ratelimit");
  g_autoptr(HcClient) dated = hc_test_fault_client ("http", http_port, "ratelimit-date");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) dated_error = NULL;

  g_assert_cmpuint (hc_client_get_retry_after (client), ==, 0);
  error = hc_test_health_error (client);
  hc_test_assert_code (error, HC_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "7"));
  g_assert_cmpuint (hc_client_get_retry_after (client), >=, 5);
  g_assert_cmpuint (hc_client_get_retry_after (client), <=, 7);

  dated_error = hc_test_health_error (dated);
  hc_test_assert_code (dated_error, HC_ERROR_RATE_LIMITED);
  g_assert_cmpuint (hc_client_get_retry_after (dated), >=, 25);
  g_assert_cmpuint (hc_client_get_retry_after (dated), <=, 31);
}

static void
test_problem_codes (void)
{
  static const struct { const char *fault; HcError code; const char *text; } cases[] = {
    { "error500",     HC_ERROR_HUB_ERROR,       "Database down: The store is not answering." },
    { "unauthorized", HC_ERROR_UNAUTHORIZED,    "Token expired" },
    { "forbidden",    HC_ERROR_FORBIDDEN,       "Viewers cannot retry sources." },
    { "notfound",     HC_ERROR_NOT_FOUND,       "There is no source" },
    { "conflict",     HC_ERROR_CONFLICT,        "resolved by binh" },
    { "invalid",      HC_ERROR_INVALID_REQUEST, "Comment required" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, cases[i].fault);
      g_autoptr(GError) error = hc_test_me_error (client);

      hc_test_assert_code (error, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].text));
    }

  /* A problem body is read by hc_parse_problem(): one of the wrong types
   * is not half-believed, the status speaks instead. */
  {
    g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "bad-problem");
    g_autoptr(GError) error = hc_test_me_error (client);

    hc_test_assert_code (error, HC_ERROR_HUB_ERROR);
    g_assert_cmpstr (error->message, ==, "The hub answered with status 500.");
  }
}

static void
test_connection_refused (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HcClient) client = NULL;
  guint16 port;

  /* A port that was free a moment ago and has nobody listening now. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  client = hc_test_fault_client ("http", port, "ok");
  error = hc_test_health_error (client);
  hc_test_assert_code (error, HC_ERROR_UNREACHABLE);
}

static void
test_connection_reset (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "reset");
  g_autoptr(GError) error = hc_test_health_error (client);

  hc_test_assert_code (error, HC_ERROR_UNREACHABLE);
}

static void
test_cancel (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "slow");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  JsonNode *node;

  hc_client_set_timeouts (client, 5, 10000);

  hc_client_health_async (client, NULL, hc_test_store_result, &result);
  hc_client_health_async (client, cancellable, hc_test_store_result, &result2);
  g_cancellable_cancel (cancellable);
  hc_test_spin_until_set ((gpointer *) &result2, 5000);
  node = hc_client_health_finish (client, result2, &error2);
  g_assert_null (node);
  hc_test_assert_code (error2, HC_ERROR_CANCELLED);
  g_assert_null (result);

  hc_client_cancel_all (client);
  hc_test_spin_until_set ((gpointer *) &result, 5000);
  node = hc_client_health_finish (client, result, &error);
  g_assert_null (node);
  hc_test_assert_code (error, HC_ERROR_CANCELLED);

  /* The client still works after cancel_all. */
  g_clear_object (&client);
  client = hc_test_fault_client ("http", http_port, "ok");
  hc_client_cancel_all (client);
  g_clear_error (&error);
  error = hc_test_health_error (client);
  g_assert_no_error (error);
}

static void
test_etag (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "ok");

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(HcListPage) page = NULL;
      g_autoptr(GError) error = NULL;

      hc_client_list_alerts_async (client, "open", "high", NULL, NULL, "logins", NULL, 0,
                                   NULL, hc_test_store_result, &result);
      hc_test_spin_until_set ((gpointer *) &result, 20000);
      page = hc_client_list_finish (client, result, &error);
      g_assert_no_error (error);
      /* The second time the hub answers 304 and the cached page serves. */
      g_assert_cmpint (page->not_modified, ==, round == 1);
      g_assert_cmpuint (page->items->len, ==, 1);
      g_assert_cmpint (page->total, ==, 1);
      g_assert_null (page->next_cursor);
      g_assert_cmpstr (hc_item_get_id (g_ptr_array_index (page->items, 0)), ==, "al-1");
      g_assert_nonnull (strstr (g_bytes_get_data (page->body, NULL), "state=open&severity=high&q=logins&limit="));
    }
}

static void
test_idempotency_key (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "ok");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(HcAlert) alert = NULL;
  g_autoptr(HcAlert) alert2 = NULL;
  g_autoptr(GError) error = NULL;

  hc_client_acknowledge_alert_async (client, "al-1", "looking", "click-42", NULL, hc_test_store_result, &result);
  hc_test_spin_until_set ((gpointer *) &result, 20000);
  alert = hc_client_acknowledge_alert_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_alert_get_title (alert), ==, "click-42");
  g_assert_cmpint (hc_alert_get_state (alert), ==, HC_ALERT_STATE_ACKNOWLEDGED);

  /* Without a key, a fresh random UUID goes along. */
  hc_client_acknowledge_alert_async (client, "al-1", "looking", NULL, NULL, hc_test_store_result, &result2);
  hc_test_spin_until_set ((gpointer *) &result2, 20000);
  alert2 = hc_client_acknowledge_alert_finish (client, result2, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (hc_alert_get_title (alert2)));
}

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      g_string_append_printf (captured_logs, "%s\n", (const char *) fields[i].value);
  return G_LOG_WRITER_HANDLED;
}

static void
test_token_not_logged (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "ok");
  g_autoptr(HcClient) failing = hc_test_fault_client ("http", http_port, "unauthorized");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;

  /* As with G_MESSAGES_DEBUG=all: every debug message of ours and of
   * libsoup goes to the writer. */
  g_log_set_debug_enabled (TRUE);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  captured_logs = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  error = hc_test_me_error (client);
  g_assert_no_error (error);
  error2 = hc_test_me_error (failing);
  hc_test_assert_code (error2, HC_ERROR_UNAUTHORIZED);

  /* The capture works (libsoup and GIO do log), and holds no token. */
  g_assert_cmpuint (captured_logs->len, >, 0);
  g_assert_null (strstr (captured_logs->str, TOKEN));
  g_assert_null (strstr (error2->message, TOKEN));
}

/* A hub whose pages go round in a circle: the console stops paging and
 * says so for each list, instead of fetching forever, and the hub is
 * partly read rather than offline. */
static void
test_hub_cursor_loop (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "loop");
  g_autoptr(HcHub) hub = hc_hub_new ("loop", client);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, hc_test_wake_cb, NULL);
  const GError *error;

  hc_hub_start (hub);
  while (hc_hub_get_list_error (hub, HC_LIST_ALERTS) == NULL || hc_hub_get_loading (hub))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);

  /* (This fault hub has no event stream, so the hub may be offline again
   * by now: what matters is that the lists said what went wrong.) */
  g_assert_true (hc_hub_get_partial (hub));
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      error = hc_hub_get_list_error (hub, kind);
      g_assert_true (g_error_matches (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE));
      g_assert_nonnull (strstr (error->message, "circle"));
      g_assert_false (hc_hub_get_list_complete (hub, kind));
    }
  hc_hub_stop (hub);
}

/* ---- fixture ------------------------------------------------------------ */

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

  g_test_add_func ("/client/faults/ok-and-token", test_ok_and_token);
  g_test_add_func ("/client/faults/truncated", test_truncated);
  g_test_add_func ("/client/faults/wrong-types", test_wrong_types);
  g_test_add_func ("/client/faults/html", test_html);
  g_test_add_func ("/client/faults/huge-content-length", test_huge_content_length);
  g_test_add_func ("/client/faults/chunked-too-big", test_chunked_too_big);
  g_test_add_func ("/client/faults/slow-drip", test_slow_drip);
  g_test_add_func ("/client/faults/no-answer", test_no_answer);
  g_test_add_func ("/client/faults/rate-limited", test_rate_limited);
  g_test_add_func ("/client/faults/problem-codes", test_problem_codes);
  g_test_add_func ("/client/faults/connection-refused", test_connection_refused);
  g_test_add_func ("/client/faults/connection-reset", test_connection_reset);
  g_test_add_func ("/client/faults/cancel", test_cancel);
  g_test_add_func ("/client/faults/etag", test_etag);
  g_test_add_func ("/client/faults/idempotency-key", test_idempotency_key);
  g_test_add_func ("/client/faults/hub-cursor-loop", test_hub_cursor_loop);
  /* Last: it replaces the log writer for the rest of the process. */
  g_test_add_func ("/client/faults/token-not-logged", test_token_not_logged);

  ret = g_test_run ();
  stop_server ();
  return ret;
}
