/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starts and drives a real Prometheus Alertmanager for the tests. */
#include <libsoup/soup.h>
#include <glib/gstdio.h>

#include "hc-test-alertmanager.h"

#define ALERTMANAGER "/usr/bin/prometheus-alertmanager"

gboolean
hc_test_alertmanager_available (void)
{
  return g_file_test (ALERTMANAGER, G_FILE_TEST_IS_EXECUTABLE);
}

static guint16
free_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM,
                                            G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, FALSE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

HcTestAlertmanager *
hc_test_alertmanager_new (void)
{
  HcTestAlertmanager *am = g_new0 (HcTestAlertmanager, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;

  am->dir = g_dir_make_tmp ("hc-alertmanager-XXXXXX", &error);
  g_assert_no_error (error);
  config = g_build_filename (am->dir, "alertmanager.yml", NULL);
  /* No receiver does anything: the console is what watches. */
  g_file_set_contents (config,
                       "route:\n  receiver: none\n  group_wait: 1s\nreceivers:\n- name: none\n",
                       -1, &error);
  g_assert_no_error (error);
  am->port = free_port ();
  am->url = g_strdup_printf ("http://127.0.0.1:%u", am->port);
  hc_test_alertmanager_start (am);
  return am;
}

static SoupSession *
session (void)
{
  static SoupSession *session;

  if (session == NULL)
    session = soup_session_new_with_options ("timeout", 5, NULL);
  return session;
}

static GBytes *
request (HcTestAlertmanager *am,
         const char         *method,
         const char         *path,
         const char         *json,
         guint              *status,
         GError            **error)
{
  g_autofree char *url = g_strconcat (am->url, "/api/v2", path, NULL);
  g_autoptr(SoupMessage) msg = soup_message_new (method, url);
  GBytes *body;

  if (json != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }
  body = soup_session_send_and_read (session (), msg, NULL, error);
  *status = soup_message_get_status (msg);
  return body;
}

void
hc_test_alertmanager_start (HcTestAlertmanager *am)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = g_strdup_printf ("--config.file=%s/alertmanager.yml", am->dir);
  g_autofree char *storage = g_strdup_printf ("--storage.path=%s/data", am->dir);
  g_autofree char *listen = g_strdup_printf ("--web.listen-address=127.0.0.1:%u", am->port);
  g_autofree char *log = g_build_filename (am->dir, "alertmanager.log", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_null (am->process);
  g_subprocess_launcher_set_stdout_file_path (launcher, log);
  am->process = g_subprocess_launcher_spawn (launcher, &error, ALERTMANAGER, config, storage, listen,
                                             "--cluster.listen-address=", "--log.level=warn", NULL);
  g_assert_no_error (error);

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autoptr(GBytes) body = NULL;
      guint status = 0;

      body = request (am, "GET", "/status", NULL, &status, &local_error);
      if (body != NULL && status == 200)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 20);
    }
}

void
hc_test_alertmanager_stop (HcTestAlertmanager *am)
{
  if (am->process == NULL)
    return;
  /* SIGTERM: it writes its silences to the storage path, as in service. */
  g_subprocess_send_signal (am->process, SIGTERM);
  g_subprocess_wait (am->process, NULL, NULL);
  g_clear_object (&am->process);
}

void
hc_test_alertmanager_free (HcTestAlertmanager *am)
{
  g_autofree char *cmd = NULL;

  hc_test_alertmanager_stop (am);
  cmd = g_strdup_printf ("rm -rf %s", am->dir);
  g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  g_free (am->dir);
  g_free (am->url);
  g_free (am);
}

void
hc_test_alertmanager_post (HcTestAlertmanager *am,
                           const char         *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status = 0;

  body = request (am, "POST", "/alerts", json, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
}

JsonNode *
hc_test_alertmanager_get (HcTestAlertmanager *am,
                          const char         *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint status = 0;
  g_autofree char *text = NULL;
  JsonNode *node;
  const char *data;
  gsize size;

  body = request (am, "GET", path, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status, ==, 200);
  data = g_bytes_get_data (body, &size);
  text = g_strndup (data, size);
  node = json_from_string (text, &error);
  g_assert_no_error (error);
  return node;
}
