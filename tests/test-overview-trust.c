/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Never a false all-clear: the console in a real window, with no hub
 * reachable (one whose certificate is not trusted, one that refuses
 * connections), and with a hub that has failed feeds and no /overview.
 * Screenshots of both for review. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hc-application.h"
#include "hc-test-fault.h"
#include "hc-test-ui.h"
#include "hc-window.h"

static guint http_port;
static guint tls_port;
static const char *lang;

/* Words that would tell the operator all is well. */
static const char * const all_clear[] = {
  "All feeds on time", "All pools healthy", "No open alerts",
};

static HcTestFaultServer *fault_server;

static void
start_server (void)
{
  fault_server = hc_test_fault_server_start (TRUE);
  http_port = fault_server->http_port;
  tls_port = fault_server->tls_port;
}

static void
stop_server (void)
{
  hc_test_fault_server_stop (g_steal_pointer (&fault_server));
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
  HcWindow *window = hc_application_new_window (app);

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
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/hub/overview=notfound,nodes=notfound,events=notfound", http_port);
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

  /* No event stream either: the banner says there are no live updates and
   * how often the lists are read instead. */
  {
    guint every = hc_hub_get_poll_interval (hub);
    g_autofree char *again = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Its lists are read again every %u second.",
                                                           "Its lists are read again every %u seconds.", every), every);
    const char *button = NULL;
    const char *banner = hc_overview_page_get_banner (page, &button);

    g_assert_nonnull (banner);
    g_assert_nonnull (strstr (banner, "Trung tâm Hà Nội"));
    g_assert_nonnull (strstr (banner, again));
  }

  /* The Storage page names the list it could not read. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "storage"));
  hc_test_settle (200);
  {
    HcListPane *pane = hc_storage_page_get_pane (hc_window_get_storage_page (window));
    g_autofree char *storage_shot = g_strdup_printf ("storage-partial-hub-%s.png", lang);

    g_assert_nonnull (strstr (hc_list_pane_get_banner (pane), "Trung tâm Hà Nội"));
    hc_test_screenshot (GTK_WIDGET (window), storage_shot);
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
  app = hc_test_new_app ();
  start_server ();

  g_test_add_data_func ("/overview/no-hub-reachable", app, test_no_hub_reachable);
  g_test_add_data_func ("/overview/failed-feeds-without-overview", app, test_failed_feeds_without_overview);
  status = g_test_run ();
  stop_server ();
  return status;
}
