/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The hub's event stream against the fault server: the watchdog and
 * resume with Last-Event-ID, a quiet stream that is fine, a fatal answer,
 * and backoff between reconnects. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hc-client.h"
#include "hc-error.h"
#include "hc-event-stream.h"
#include "hc-test-fault.h"

static guint http_port;

static void
event_cb (HcEventStream *stream,
          const char    *name,
          JsonNode      *data,
          const char    *id,
          GPtrArray     *seen)
{
  JsonObject *object = json_node_get_object (data);
  JsonNode *last = json_object_get_member (object, "last_event_id");

  g_ptr_array_add (seen, g_strdup_printf ("%s id=%s last=%s", name, id,
                                          JSON_NODE_HOLDS_NULL (last) ? "none" : json_node_get_string (last)));
}

static void
state_cb (HcEventStream      *stream,
          HcEventStreamState  state,
          const GError       *error,
          GString            *states)
{
  GEnumClass *klass = g_type_class_ref (HC_TYPE_EVENT_STREAM_STATE);

  g_string_append_printf (states, "%s%s", states->len ? "," : "",
                          g_enum_get_value (klass, state)->value_nick);
  if (error != NULL)
    g_string_append_printf (states, "(%s)", hc_error_code_name (error->code));
  g_type_class_unref (klass);
}

static void
test_event_stream_watchdog_and_resume (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "events");
  g_autoptr(HcEventStream) stream = hc_event_stream_new (client);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) states = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, hc_test_wake_cb, NULL);

  hc_event_stream_set_watchdog (stream, 1);
  hc_event_stream_set_backoff (stream, 50, 200);
  g_signal_connect (stream, "event", G_CALLBACK (event_cb), seen);
  g_signal_connect (stream, "state-changed", G_CALLBACK (state_cb), states);
  hc_event_stream_start (stream);

  while (seen->len < 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);

  /* The server went silent: the watchdog reconnected, sending the id of
   * the last event it had seen. */
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "hello id=1 last=none");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "hello id=2 last=1");
  g_assert_cmpstr (hc_event_stream_get_last_event_id (stream), ==, "2");
  g_assert_true (g_str_has_prefix (states->str, "connecting,live,reconnecting(timed-out),"));
  g_assert_true (g_str_has_suffix (states->str, ",live"));
  g_assert_cmpuint (hc_event_stream_get_reconnects (stream), >=, 1);

  /* Cancelling everything on the client stops the stream for good. */
  hc_client_cancel_all (client);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  wake = g_timeout_add (50, hc_test_wake_cb, NULL);
  while (hc_event_stream_get_state (stream) != HC_EVENT_STREAM_STOPPED)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  g_assert_true (g_error_matches (hc_event_stream_get_last_error (stream), HC_ERROR, HC_ERROR_CANCELLED));

  hc_event_stream_stop (stream);
  g_assert_cmpint (hc_event_stream_get_state (stream), ==, HC_EVENT_STREAM_STOPPED);
}

static void
test_event_stream_quiet_is_fine (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, "events");
  g_autoptr(HcEventStream) stream = hc_event_stream_new (client);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, hc_test_wake_cb, NULL);

  /* A connect timeout shorter than the silence: only the watchdog may
   * end a quiet stream. */
  hc_client_set_timeouts (client, 1, 1000);
  hc_event_stream_set_watchdog (stream, 10);
  g_signal_connect (stream, "event", G_CALLBACK (event_cb), seen);
  hc_event_stream_start (stream);
  while (seen->len < 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);

  hc_test_spin_for (2500);
  g_assert_cmpint (hc_event_stream_get_state (stream), ==, HC_EVENT_STREAM_LIVE);
  g_assert_cmpuint (hc_event_stream_get_reconnects (stream), ==, 0);
  g_assert_cmpuint (seen->len, ==, 1);
  hc_event_stream_stop (stream);
}

/* Errors that retrying cannot fix (hc_error_get_recovery()) stop the
 * stream at once: 401 needs a new token, 403 another role, and a 404 on
 * the events path means the address is not the hub. */
static void
test_event_stream_fatal (void)
{
  static const struct { const char *fault; HcError code; } cases[] = {
    { "unauthorized", HC_ERROR_UNAUTHORIZED },
    { "forbidden",    HC_ERROR_FORBIDDEN },
    { "notfound",     HC_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HcClient) client = hc_test_fault_client ("http", http_port, cases[i].fault);
      g_autoptr(HcEventStream) stream = hc_event_stream_new (client);
      g_autoptr(GString) states = g_string_new (NULL);
      g_autofree char *expected = NULL;
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      guint wake = g_timeout_add (50, hc_test_wake_cb, NULL);

      hc_event_stream_set_backoff (stream, 50, 200);
      g_signal_connect (stream, "state-changed", G_CALLBACK (state_cb), states);
      hc_event_stream_start (stream);

      while (hc_event_stream_get_state (stream) != HC_EVENT_STREAM_STOPPED)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
        }
      g_source_remove (wake);

      expected = g_strdup_printf ("connecting,stopped(%s)", hc_error_code_name (cases[i].code));
      g_assert_cmpstr (states->str, ==, expected);
      g_assert_true (g_error_matches (hc_event_stream_get_last_error (stream), HC_ERROR, cases[i].code));
      g_assert_cmpuint (hc_event_stream_get_reconnects (stream), ==, 0);
    }
}

static void
test_event_stream_backoff (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HcClient) refused = NULL;
  g_autoptr(HcClient) limited = hc_test_fault_client ("http", http_port, "ratelimit");
  g_autoptr(HcEventStream) stream = NULL;
  g_autoptr(HcEventStream) polite = hc_event_stream_new (limited);
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  /* Nobody listens: attempts space out (100 ms doubling, jittered), so
   * 1.5 s sees a handful, not hundreds. */
  refused = hc_test_fault_client ("http", port, "events");
  stream = hc_event_stream_new (refused);
  hc_event_stream_set_backoff (stream, 100, 5000);
  hc_event_stream_start (stream);
  hc_test_spin_for (1500);
  g_assert_cmpint (hc_event_stream_get_state (stream), ==, HC_EVENT_STREAM_RECONNECTING);
  g_assert_true (g_error_matches (hc_event_stream_get_last_error (stream), HC_ERROR, HC_ERROR_UNREACHABLE));
  g_assert_cmpuint (hc_event_stream_get_reconnects (stream), >=, 1);
  g_assert_cmpuint (hc_event_stream_get_reconnects (stream), <=, 15);
  hc_event_stream_stop (stream);

  /* 429: the stream waits at least Retry-After (7 s) before trying again. */
  hc_event_stream_set_backoff (polite, 10, 20);
  hc_event_stream_start (polite);
  hc_test_spin_for (1500);
  g_assert_cmpint (hc_event_stream_get_state (polite), ==, HC_EVENT_STREAM_RECONNECTING);
  g_assert_true (g_error_matches (hc_event_stream_get_last_error (polite), HC_ERROR, HC_ERROR_RATE_LIMITED));
  g_assert_cmpuint (hc_event_stream_get_reconnects (polite), ==, 0);
  hc_event_stream_stop (polite);
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

  g_test_add_func ("/client/faults/event-stream-watchdog-resume", test_event_stream_watchdog_and_resume);
  g_test_add_func ("/client/faults/event-stream-quiet-is-fine", test_event_stream_quiet_is_fine);
  g_test_add_func ("/client/faults/event-stream-fatal", test_event_stream_fatal);
  g_test_add_func ("/client/faults/event-stream-backoff", test_event_stream_backoff);

  ret = g_test_run ();
  stop_server ();
  return ret;
}
