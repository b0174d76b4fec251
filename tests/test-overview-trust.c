/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Never a false all-clear: the console in a real window, with no hub
 * reachable (one whose certificate is not trusted, one that refuses
 * connections), and with a hub that has failed feeds and no /overview.
 * Screenshots of both for review. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "hc-application.h"
#include "hc-test-ui.h"
#include "hc-window.h"

static GSubprocess *server;
static char *cert_dir;
static guint http_port;
static guint tls_port;
static const char *lang;

/* Words that would tell the operator all is well. */
static const char * const all_clear[] = {
  "All feeds on time", "All pools healthy", "No open alerts",
};

static void
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_build_filename (g_getenv ("HC_SOURCE_DIR"), "tests", "hc-fault-server.py", NULL);
  g_autofree char *line = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *info;

  cert_dir = g_dir_make_tmp ("hc-trust-XXXXXX", &error);
  g_assert_no_error (error);
  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "/usr/bin/python3", script, "--dir", cert_dir, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  info = json_node_get_object (json_parser_get_root (parser));
  http_port = json_object_get_int_member (info, "http");
  tls_port = json_object_get_int_member (info, "tls");
}

static void
stop_server (void)
{
  g_autoptr(GDir) dir = g_dir_open (cert_dir, 0, NULL);
  const char *name;

  g_output_stream_close (g_subprocess_get_stdin_pipe (server), NULL, NULL);
  if (!g_subprocess_wait (server, NULL, NULL))
    g_subprocess_force_exit (server);
  g_clear_object (&server);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (cert_dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (cert_dir);
  g_free (cert_dir);
}

static guint
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, NULL);

  g_socket_listener_close (listener);
  return port;
}

typedef struct {
  HcHub *hubs[2];
  guint  n;
} Hubs;

static gboolean
all_offline (gpointer data)
{
  Hubs *h = data;

  for (guint i = 0; i < h->n; i++)
    if (hc_hub_get_state (h->hubs[i]) != HC_HUB_OFFLINE)
      return FALSE;
  return TRUE;
}

static gboolean
partial_settled (gpointer data)
{
  HcHub *hub = data;

  return hc_hub_get_state (hub) == HC_HUB_CONNECTED && !hc_hub_get_loading (hub)
         && hc_hub_get_overview_error (hub) != NULL
         && hc_hub_get_list_complete (hub, HC_LIST_SOURCES);
}

static HcWindow *
new_window (HcApplication *app)
{
  HcWindow *window = hc_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  hc_test_wait_mapped (GTK_WIDGET (window));
  return window;
}

static void
assert_no_all_clear (HcOverviewPage *page)
{
  static const char * const cards[] = { "sources", "quality", "storage", "alerts" };

  for (guint c = 0; c < G_N_ELEMENTS (cards); c++)
    for (guint i = 0; i < G_N_ELEMENTS (all_clear); i++)
      g_assert_cmpstr (hc_overview_page_get_verdict (page, cards[c]), !=, _(all_clear[i]));
}

static void
test_no_hub_reachable (gconstpointer data)
{
  HcApplication *app = HC_APPLICATION ((gpointer) data);
  HcHubManager *manager = hc_application_get_hub_manager (app);
  g_autofree char *untrusted_url = g_strdup_printf ("https://127.0.0.1:%u/ok", tls_port);
  g_autofree char *refused_url = g_strdup_printf ("http://127.0.0.1:%u/", closed_port ());
  HcWindow *window = new_window (app);
  HcOverviewPage *page = hc_window_get_overview_page (window);
  Hubs hubs = { 0 };
  const char *banner;
  const char *button;
  g_autofree char *screenshot = g_strdup_printf ("overview-no-hub-reachable-%s.png", lang);

  hc_hub_manager_start (manager);
  hubs.hubs[hubs.n++] = hc_hub_manager_add_session_hub (manager, "Trung tâm Hà Nội", untrusted_url, "t");
  hubs.hubs[hubs.n++] = hc_hub_manager_add_session_hub (manager, "Trung tâm Đà Nẵng", refused_url, "t");
  hc_test_spin_until (all_offline, &hubs, 30);
  hc_test_settle (300);

  /* Nothing read: nothing counted, no good news, and each card says why. */
  assert_no_all_clear (page);
  g_assert_cmpstr (hc_overview_page_get_verdict (page, "sources"), ==, _("Feeds not known"));
  g_assert_cmpstr (hc_overview_page_get_verdict (page, "storage"), ==, _("Storage not known"));
  g_assert_cmpstr (hc_overview_page_get_verdict (page, "alerts"), ==, _("Alerts not known"));
  g_assert_cmpstr (hc_overview_page_get_verdict (page, "quality"), ==, _("Quality not known"));
  g_assert_cmpint (hc_overview_page_get_count (page, "sources-failed"), ==, -1);
  g_assert_cmpint (hc_overview_page_get_count (page, "alerts-critical"), ==, -1);
  g_assert_cmpint (hc_overview_page_get_count (page, "datasets"), ==, -1);
  g_assert_nonnull (strstr (hc_overview_page_get_note (page, "sources"), "Trung tâm Hà Nội"));
  g_assert_nonnull (strstr (hc_overview_page_get_note (page, "sources"), "Trung tâm Đà Nẵng"));

  /* The banner names both hubs, once each, and offers the certificate. */
  banner = hc_overview_page_get_banner (page, &button);
  g_assert_nonnull (strstr (banner, "Trung tâm Hà Nội"));
  g_assert_nonnull (strstr (banner, "Trung tâm Đà Nẵng"));
  g_assert_cmpstr (button, ==, _("Review Certificate…"));
  g_assert_null (strstr (banner, "fingerprint"));

  hc_test_screenshot (GTK_WIDGET (window), screenshot);
  for (guint i = 0; i < hubs.n; i++)
    hc_hub_manager_remove_session_hub (manager, hubs.hubs[i]);
  hc_test_destroy_window (GTK_WINDOW (window));
}

static void
test_failed_feeds_without_overview (gconstpointer data)
{
  HcApplication *app = HC_APPLICATION ((gpointer) data);
  HcHubManager *manager = hc_application_get_hub_manager (app);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/hub/overview=notfound,nodes=notfound", http_port);
  HcWindow *window = new_window (app);
  HcOverviewPage *page = hc_window_get_overview_page (window);
  HcHub *hub;
  g_autofree char *failing = NULL;
  g_autofree char *screenshot = g_strdup_printf ("overview-partial-hub-%s.png", lang);

  hc_hub_manager_start (manager);
  hub = hc_hub_manager_add_session_hub (manager, "Trung tâm Hà Nội", url, "t");
  hc_test_spin_until (partial_settled, hub, 30);
  hc_test_settle (300);

  /* The hub's real counts, from its lists. */
  g_assert_cmpint (hc_overview_page_get_count (page, "sources-failed"), ==, 2);
  g_assert_cmpint (hc_overview_page_get_count (page, "sources-lagging"), ==, 1);
  g_assert_cmpint (hc_overview_page_get_count (page, "alerts-critical"), ==, 1);
  g_assert_cmpint (hc_overview_page_get_count (page, "pools-degraded"), ==, 1);
  g_assert_cmpint (hc_overview_page_get_count (page, "datasets"), ==, 2);
  /* No node list and no overview: nodes and disks are not known. */
  g_assert_cmpint (hc_overview_page_get_count (page, "disks-failing"), ==, -1);
  failing = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d feed failing", "%d feeds failing", 2), 2);
  g_assert_cmpstr (hc_overview_page_get_verdict (page, "sources"), ==, failing);
  assert_no_all_clear (page);
  g_assert_cmpstr (hc_overview_page_get_note (page, "storage"), !=, "");

  /* The Storage page names the list it could not read. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "storage"));
  hc_test_settle (200);
  {
    HcListPane *pane = hc_storage_page_get_pane (hc_window_get_storage_page (window));
    g_assert_nonnull (strstr (hc_list_pane_get_banner (pane), "Trung tâm Hà Nội"));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "overview"));
  hc_test_screenshot (GTK_WIDGET (window), screenshot);
  hc_hub_manager_remove_session_hub (manager, hub);
  hc_test_destroy_window (GTK_WINDOW (window));
}

int
main (int argc, char *argv[])
{
  g_autoptr(HcApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  hc_test_init_ui ();
  adw_init ();
  hc_test_add_icons ();
  lang = g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C";
  app = hc_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HC_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  start_server ();

  g_test_add_data_func ("/overview/no-hub-reachable", app, test_no_hub_reachable);
  g_test_add_data_func ("/overview/failed-feeds-without-overview", app, test_failed_feeds_without_overview);
  status = g_test_run ();
  stop_server ();
  return status;
}
