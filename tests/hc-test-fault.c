/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One job: what the tests that meet a misbehaving hub share: start and stop
 * the fault server (tests/hc-fault-server.py), a client for one of its
 * faults, and spinning the main loop until an answer or a deadline. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include <string.h>

#include "hc-me.h"
#include "hc-test-fault.h"

/**
 * hc_test_fault_server_start:
 * @with_tls: also the two TLS listeners, with certificates made by openssl
 *   in a temporary folder
 */
HcTestFaultServer *
hc_test_fault_server_start (gboolean with_tls)
{
  HcTestFaultServer *server = g_new0 (HcTestFaultServer, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *line = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *source_dir = g_getenv ("HC_SOURCE_DIR");
  JsonObject *info;

  g_assert_nonnull (source_dir);
  g_ptr_array_add (argv, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (argv, g_build_filename (source_dir, "tests", "hc-fault-server.py", NULL));
  if (with_tls)
    {
      server->cert_dir = g_dir_make_tmp ("hc-fault-XXXXXX", &error);
      g_assert_no_error (error);
      g_ptr_array_add (argv, g_strdup ("--dir"));
      g_ptr_array_add (argv, g_strdup (server->cert_dir));
    }
  g_ptr_array_add (argv, NULL);

  server->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                       G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);

  /* Its first line says where it listens. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server->process));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  info = json_node_get_object (json_parser_get_root (parser));
  server->http_port = json_object_get_int_member (info, "http");
  if (with_tls)
    {
      server->tls_port = json_object_get_int_member (info, "tls");
      server->tls_wrong_port = json_object_get_int_member (info, "tls_wrong");
      server->cert_path = g_strdup (json_object_get_string_member (info, "cert"));
      server->wrong_cert_path = g_strdup (json_object_get_string_member (info, "wrong_cert"));
    }
  return server;
}

/**
 * hc_test_fault_server_stop:
 * Ends the server (closing its stdin ends it; waited for, so nothing
 * outlives the test) and removes its certificates.
 */
void
hc_test_fault_server_stop (HcTestFaultServer *server)
{
  g_output_stream_close (g_subprocess_get_stdin_pipe (server->process), NULL, NULL);
  if (!g_subprocess_wait (server->process, NULL, NULL))
    g_subprocess_force_exit (server->process);
  g_clear_object (&server->process);

  if (server->cert_dir != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (server->cert_dir, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (server->cert_dir, name, NULL);
          g_unlink (path);
        }
      g_rmdir (server->cert_dir);
    }
  g_free (server->cert_dir);
  g_free (server->cert_path);
  g_free (server->wrong_cert_path);
  g_free (server);
}

/* ---- the main loop and a client -------------------------------------- */

gboolean
hc_test_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until *slot is set; fails the test after @timeout_ms
 * rather than hanging. */
void
hc_test_spin_until_set (gpointer *slot,
                guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wake = g_timeout_add (50, hc_test_wake_cb, NULL);

  while (*slot == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u ms", timeout_ms);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
hc_test_spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

void
hc_test_store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

HcClient *
hc_test_fault_client (const char *scheme,
            guint       port,
            const char *fault)
{
  g_autofree char *url = g_strdup_printf ("%s://127.0.0.1:%u/%s", scheme, port, fault);
  HcClient *client = hc_client_new (url, HC_TEST_FAULT_TOKEN, NULL, NULL, FALSE);

  /* Short deadlines: a fault must end quickly, never hang the test. */
  hc_client_set_timeouts (client, 5, 4000);
  return client;
}

GError *
hc_test_health_error (HcClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  hc_client_health_async (client, NULL, hc_test_store_result, &result);
  hc_test_spin_until_set ((gpointer *) &result, 20000);
  node = hc_client_health_finish (client, result, &error);
  g_assert_true ((node == NULL) == (error != NULL));
  return error;
}

GError *
hc_test_me_error (HcClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HcMe) me = NULL;
  GError *error = NULL;

  hc_client_me_async (client, NULL, hc_test_store_result, &result);
  hc_test_spin_until_set ((gpointer *) &result, 20000);
  me = hc_client_me_finish (client, result, &error);
  g_assert_true ((me == NULL) == (error != NULL));
  return error;
}

void
hc_test_assert_code (GError *error,
             HcError code)
{
  g_assert_nonnull (error);
  if (!g_error_matches (error, HC_ERROR, code))
    g_error ("Expected %s, got %s %d: %s", hc_error_code_name (code),
             g_quark_to_string (error->domain), error->code, error->message);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

/**
 * hc_test_fault_post:
 * Drives the fault server's hub/@spec: @command is "_inject", "_drop" or
 * "_down", @json its body (see tests/hc-fault-server.py).
 */
void
hc_test_fault_post (guint       port,
                    const char *spec,
                    const char *command,
                    const char *json)
{
  g_autoptr(SoupSession) soup = soup_session_new ();
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/hub/%s/%s", port, spec, command);
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GBytes) body = g_bytes_new (json, strlen (json));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = NULL;

  soup_message_set_request_body_from_bytes (msg, "application/json", body);
  answer = soup_session_send_and_read (soup, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (soup_message_get_status (msg), ==, 200);
}
