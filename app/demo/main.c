/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hc-demo-server.h"
#include "hc-demo-simulation.h"
#include "hc-demo-store.h"
#include "hc-demo-tokens.h"

static char *opt_listen;
static char *opt_data_dir;
static gint64 opt_seed = 1;
static gint opt_scale;
static double opt_speed = 1.0;
static char *opt_tls_certificate;
static char *opt_tls_key;
static char *opt_tokens;
static gboolean opt_exit_with_stdin;
static gint opt_heartbeat = 15;
static gint opt_event_window = HC_DEMO_EVENT_WINDOW;

static const GOptionEntry entries[] = {
  { "listen", 'l', 0, G_OPTION_ARG_STRING, &opt_listen,
    N_("Address and port to listen on (default 127.0.0.1:8470; port 0 picks a free one)"), N_("ADDR:PORT") },
  { "data-dir", 'd', 0, G_OPTION_ARG_FILENAME, &opt_data_dir,
    N_("Directory for the database (default: hub-console/demo-hub in the user data directory)"), N_("DIR") },
  { "seed", 's', 0, G_OPTION_ARG_INT64, &opt_seed,
    N_("Seed of the simulated data center; the same seed gives the same data (default 1)"), N_("N") },
  { "scale", 0, 0, G_OPTION_ARG_INT, &opt_scale,
    N_("Create N alerts and N/10 sources and datasets, for load tests (default: a small center)"), N_("N") },
  { "speed", 0, 0, G_OPTION_ARG_DOUBLE, &opt_speed,
    N_("Speed of the simulation; 0 freezes it (default 1)"), N_("X") },
  { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_certificate,
    N_("Serve HTTPS with this PEM certificate"), N_("FILE") },
  { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &opt_tls_key,
    N_("Private key of the TLS certificate"), N_("FILE") },
  { "tokens", 0, 0, G_OPTION_ARG_FILENAME, &opt_tokens,
    N_("Accept the tokens in FILE instead of the demo tokens"), N_("FILE") },
  { "exit-with-stdin", 0, 0, G_OPTION_ARG_NONE, &opt_exit_with_stdin,
    N_("Exit when standard input is closed"), NULL },
  /* For tests: reach the heartbeat and the end of the event window quickly. */
  { "heartbeat-seconds", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &opt_heartbeat, NULL, NULL },
  { "event-window", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &opt_event_window, NULL, NULL },
  { NULL }
};

static gboolean
parse_listen (const char  *text,
              char       **address,
              guint16     *port)
{
  const char *colon;
  const char *host_end;
  guint64 value = 0;
  char *end = NULL;

  if (text[0] == '[')
    {
      host_end = strchr (text, ']');
      if (host_end == NULL || host_end[1] != ':')
        return FALSE;
      *address = g_strndup (text + 1, host_end - text - 1);
      colon = host_end + 1;
    }
  else
    {
      colon = strrchr (text, ':');
      if (colon == NULL || colon == text)
        return FALSE;
      *address = g_strndup (text, colon - text);
    }
  if (colon[1] == '\0' || strlen (colon + 1) > 5 || strspn (colon + 1, "0123456789") != strlen (colon + 1))
    return FALSE;
  value = g_ascii_strtoull (colon + 1, &end, 10);
  if (value > 65535)
    return FALSE;
  *port = (guint16) value;
  return TRUE;
}

static gboolean
stdin_cb (gint         fd,
          GIOCondition condition,
          gpointer     user_data)
{
  char buf[512];
  gssize n;

  /* Whatever the parent writes is ignored; only the end of the pipe matters. */
  n = read (fd, buf, sizeof buf);
  if (n > 0 || (n < 0 && (errno == EINTR || errno == EAGAIN)))
    return G_SOURCE_CONTINUE;

  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_CONTINUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcDemoTokens) tokens = NULL;
  g_autoptr(HcDemoStore) store = NULL;
  g_autoptr(HcDemoSimulation) simulation = NULL;
  g_autoptr(HcDemoServer) server = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autofree char *address = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *url = NULL;
  guint16 port = 8470;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new (NULL);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context,
    _("The demo hub: a simulated national data center that speaks the Hub API, for trying out "
      "Hub Console and for its tests. The first line on standard output is “listening on URL”."));
  g_option_context_set_description (context,
    _("Without --tokens the hub accepts demo-viewer-token, demo-operator-token and "
      "demo-supervisor-token. A tokens file has one token a line: TOKEN ROLE USER DISPLAY NAME, "
      "where ROLE is viewer, operator or supervisor; lines starting with # are ignored."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (!parse_listen (opt_listen ? opt_listen : "127.0.0.1:8470", &address, &port))
    {
      g_printerr (_("The listen address must look like 127.0.0.1:8470 or [::1]:8470.\n"));
      return 2;
    }
  if (opt_scale < 0 || opt_scale > 10000000 || opt_speed < 0 || opt_speed > 10000 ||
      opt_seed < 0 || opt_seed > G_MAXUINT32 || opt_heartbeat < 1 || opt_event_window < 1)
    {
      g_printerr (_("The seed, scale and speed must be numbers from 0 up to their limits.\n"));
      return 2;
    }
  if ((opt_tls_certificate == NULL) != (opt_tls_key == NULL))
    {
      g_printerr (_("HTTPS needs both --tls-certificate and --tls-key.\n"));
      return 2;
    }

  if (opt_tokens != NULL)
    tokens = hc_demo_tokens_new_from_file (opt_tokens, &error);
  else
    tokens = hc_demo_tokens_new_demo ();
  if (tokens == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (opt_tls_certificate != NULL)
    {
      certificate = g_tls_certificate_new_from_files (opt_tls_certificate, opt_tls_key, &error);
      if (certificate == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  if (opt_data_dir == NULL)
    opt_data_dir = g_build_filename (g_get_user_data_dir (), "hub-console", "demo-hub", NULL);
  if (g_mkdir_with_parents (opt_data_dir, 0700) != 0)
    {
      g_printerr (_("Cannot create the data directory %s: %s\n"), opt_data_dir, g_strerror (errno));
      return 1;
    }
  db_path = g_build_filename (opt_data_dir, "demo-hub.sqlite3", NULL);

  store = hc_demo_store_open (db_path, (guint32) opt_seed, (guint) opt_scale, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  hc_demo_store_set_event_window (store, (guint) opt_event_window);

  loop = g_main_loop_new (NULL, FALSE);
  simulation = hc_demo_simulation_new (store, (guint32) opt_seed, opt_speed);
  server = hc_demo_server_new (store, simulation, tokens);
  hc_demo_server_set_heartbeat (server, (guint) opt_heartbeat);
  if (!hc_demo_server_listen (server, address, port, certificate, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* The console reads this exact first line to find the hub. */
  url = hc_demo_server_get_url (server);
  printf ("listening on %s\n", url);
  if (opt_tokens == NULL)
    printf ("demo tokens: demo-viewer-token (viewer), demo-operator-token (operator), "
            "demo-supervisor-token (supervisor)\n");
  else
    printf ("tokens: %u from %s\n", hc_demo_tokens_get_count (tokens), opt_tokens);
  fflush (stdout);

  hc_demo_simulation_start (simulation);

  g_unix_signal_add (SIGINT, quit_cb, loop);
  g_unix_signal_add (SIGTERM, quit_cb, loop);
  if (opt_exit_with_stdin)
    g_unix_fd_add (STDIN_FILENO, G_IO_IN | G_IO_HUP | G_IO_ERR, stdin_cb, loop);

  g_main_loop_run (loop);

  hc_demo_server_shutdown (server);
  return 0;
}
