/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Notifications acted on in the real window: "Open" selects the alert's
 * row, "Acknowledge" asks for the comment; Preferences say when no
 * notification server answers (screenshots); closing the window keeps
 * watching, Quit ends it; "Start at login" writes and removes the
 * autostart entry. python3-dbusmock's notification daemon on a private
 * bus, a hub of tests/hc-fault-server.py. */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libnotify/notify.h>
#include <locale.h>
#include <string.h>

#include "hc-application.h"
#include "hc-autostart.h"
#include "hc-test-fault.h"
#include "hc-test-notify-mock.h"
#include "hc-preferences-window.h"
#include "hc-test-ui.h"
#include "hc-window.h"

#define BURST 300

static GTestDBus *bus;
static GSubprocess *mock;
static GSubprocess *server;
static guint http_port;
static char *tmp_dir;

static gboolean
one_notification (gpointer data)
{
  return hc_test_notify_mock_n_calls ("Notify") >= GPOINTER_TO_UINT (data);
}

static void
start_server (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *script = g_build_filename (g_getenv ("HC_SOURCE_DIR"), "tests", "hc-fault-server.py", NULL);
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                             "/usr/bin/python3", script, NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  http_port = json_object_get_int_member (json_node_get_object (json_parser_get_root (parser)), "http");
}

static gboolean
server_missing (gpointer data)
{
  return hc_notifier_get_server_missing (data);
}

static gboolean
server_found (gpointer data)
{
  return !hc_notifier_get_server_missing (data);
}

static gboolean
hub_ready (gpointer data)
{
  HcHub *hub = data;

  return hc_hub_get_state (hub) == HC_HUB_CONNECTED && !hc_hub_get_loading (hub) &&
         hc_event_stream_get_state (hc_hub_get_event_stream (hub)) == HC_EVENT_STREAM_LIVE;
}

static GtkWidget *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, title);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
row_shown (GtkWidget  *root,
           const char *title)
{
  GtkWidget *row = find_row (root, title);

  g_assert_nonnull (row);
  return gtk_widget_get_visible (row);
}

static HcPreferencesWindow *
open_preferences (HcApplication *app)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  HcPreferencesWindow *prefs;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  hc_test_settle (200);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (HC_IS_PREFERENCES_WINDOW (window))
      {
        prefs = HC_PREFERENCES_WINDOW (window);
        gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 1000);
        adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "notifications");
        hc_test_wait_mapped (GTK_WIDGET (prefs));
        hc_test_settle (300);
        return prefs;
      }
    }
  g_assert_not_reached ();
}

/* The Notifications page, first with no server on the bus, then with
 * one: the note comes and goes. */
static void
test_preferences (gconstpointer data)
{
  HcApplication *app = HC_APPLICATION ((gpointer) data);
  HcNotifier *notifier = hc_application_get_notifier (app);
  HcPreferencesWindow *prefs;

  hc_test_spin_until (server_missing, notifier, 20);
  prefs = open_preferences (app);
  g_assert_true (row_shown (GTK_WIDGET (prefs), "No Notification Server"));
  hc_test_screenshot (GTK_WIDGET (prefs), "preferences-notifications-no-server-C.png");

  mock = hc_test_notify_mock_start ("actions body persistence");
  hc_test_spin_until (server_found, notifier, 20);
  hc_test_settle (200);
  g_assert_false (row_shown (GTK_WIDGET (prefs), "No Notification Server"));
  g_assert_true (row_shown (GTK_WIDGET (prefs), "Keep Watching When the Window Is Closed"));
  hc_test_screenshot (GTK_WIDGET (prefs), "preferences-notifications-C.png");
  hc_test_destroy_window (GTK_WINDOW (prefs));
}

typedef struct {
  HcWindow *window;
  HcHub    *hub;
  const char *id;
} Shown;

static gboolean
alert_shown (gpointer data)
{
  Shown *shown = data;
  HcListPane *pane = hc_security_page_get_pane (hc_window_get_security_page (shown->window));
  gpointer item = hc_list_pane_get_selected_item (pane);

  return g_strcmp0 (hc_window_get_section (shown->window), "security") == 0 &&
         hc_window_get_scope (shown->window) == shown->hub &&
         item != NULL && g_strcmp0 (hc_item_get_id (item), shown->id) == 0;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
has_dialog (gpointer data)
{
  return find_dialog () != NULL;
}

/* An alert.created event of a critical alert, to inject. */
static void
append_critical_alert (GString    *events,
                       const char *id,
                       const char *title)
{
  g_string_append_printf (events,
      "%s{\"event\": \"alert.created\", \"data\": {\"id\": \"%s\", \"severity\": \"critical\","
      " \"category\": \"malware\", \"title\": \"%s\", \"description\": \"\","
      " \"asset\": \"db-01\", \"source_ip\": null, \"detected_at\": \"2026-01-05T09:00:00Z\","
      " \"state\": \"open\", \"acknowledged_by\": null, \"acknowledged_at\": null, \"resolved_by\": null,"
      " \"resolved_at\": null, \"resolution\": null, \"events_count\": 1}}",
      events->len > 1 ? ", " : "", id, title);
}

/* "Open" on an alert's notification: the window on that hub, Security,
 * the alert selected; "Acknowledge": the comment prompt on it. */
static void
test_open_and_acknowledge (gconstpointer data)
{
  HcApplication *app = HC_APPLICATION ((gpointer) data);
  HcHubManager *manager = hc_application_get_hub_manager (app);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/hub/ui", http_port);
  g_autofree char *other_url = g_strdup_printf ("http://127.0.0.1:%u/hub/other", http_port);
  HcHub *hub, *other;
  HcWindow *window;
  Shown shown = { 0 };
  guint base = hc_test_notify_mock_n_calls ("Notify");

  other = hc_hub_manager_add_session_hub (manager, "Trung tâm Đà Nẵng", other_url, "t");
  hub = hc_hub_manager_add_session_hub (manager, "Trung tâm dữ liệu quốc gia số 1", url, "t");
  hc_test_spin_until (hub_ready, hub, 30);
  hc_test_spin_until (hub_ready, other, 30);
  window = HC_WINDOW (hc_application_show_window (app));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  hc_test_wait_mapped (GTK_WIDGET (window));
  hc_window_set_section (window, "overview");
  hc_window_set_scope (window, other);

  {
    g_autoptr(GString) events = g_string_new ("[");

    append_critical_alert (events, "al-9", "Mã độc trên máy chủ");
    g_string_append (events, "]");
    hc_test_fault_post (http_port, "ui", "_inject", events->str);
  }
  hc_test_spin_until (one_notification, GUINT_TO_POINTER (base + 1), 20);

  /* The mock numbers notifications from 1; this is its first. */
  hc_test_notify_mock_invoke (base + 1, "default");
  shown.window = window;
  shown.hub = hub;
  shown.id = "al-9";
  hc_test_spin_until (alert_shown, &shown, 20);
  hc_test_wait_mapped (GTK_WIDGET (window));
  hc_test_settle (500);
  hc_test_screenshot (GTK_WIDGET (window), "notification-opened-alert-C.png");

  /* Elsewhere again, then Acknowledge. */
  hc_window_set_section (window, "overview");
  hc_test_notify_mock_invoke (base + 1, "acknowledge");
  hc_test_spin_until (has_dialog, NULL, 20);
  g_assert_true (alert_shown (&shown));
  adw_message_dialog_response (find_dialog (), "cancel");
  hc_test_settle (200);

  hc_hub_manager_remove_session_hub (manager, hub);
  hc_hub_manager_remove_session_hub (manager, other);
}

static void
count_changes (GListModel *model,
               guint       position,
               guint       removed,
               guint       added,
               guint      *changes)
{
  (*changes)++;
}

static gboolean
window_active (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (data));
}

typedef struct {
  HcHub *hub;
  guint  want; /* the alerts the hub holds once the burst is in */
} Burst;

static gboolean
burst_in (gpointer data)
{
  Burst *burst = data;

  return g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_alerts (burst->hub))) >= burst->want;
}

/* A burst of critical alerts while the window shows Security: asking
 * whether the operator looks at each one must not put the events into
 * the list one at a time (a burst of 50,000 once took 12 s so, 1.2 s
 * batched). */
static void
test_burst_while_looking (gconstpointer data)
{
  HcApplication *app = HC_APPLICATION ((gpointer) data);
  HcHubManager *manager = hc_application_get_hub_manager (app);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/hub/burst", http_port);
  g_autoptr(GString) events = g_string_new ("[");
  HcWindow *window;
  Burst burst = { 0 };
  guint changes = 0;
  gulong handler;

  burst.hub = hc_hub_manager_add_session_hub (manager, "Trung tâm dữ liệu quốc gia số 1", url, "t");
  hc_test_spin_until (hub_ready, burst.hub, 30);
  window = HC_WINDOW (hc_application_show_window (app));
  hc_test_wait_mapped (GTK_WIDGET (window));
  hc_window_set_scope (window, burst.hub);
  hc_window_set_section (window, "security");
  /* Focused: only then does the notifier ask what the window shows. */
  gtk_window_present (GTK_WINDOW (window));
  hc_test_spin_until (window_active, window, 10);

  for (guint i = 0; i < BURST; i++)
    {
      g_autofree char *id = g_strdup_printf ("al-b%u", i);
      g_autofree char *title = g_strdup_printf ("Mã độc %u", i);

      append_critical_alert (events, id, title);
    }
  g_string_append (events, "]");
  burst.want = g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_alerts (burst.hub))) + BURST;
  handler = g_signal_connect (hc_hub_get_alerts (burst.hub), "items-changed", G_CALLBACK (count_changes), &changes);
  hc_test_fault_post (http_port, "burst", "_inject", events->str);
  hc_test_spin_until (burst_in, &burst, 30);
  g_signal_handler_disconnect (hc_hub_get_alerts (burst.hub), handler);

  /* Batches of 200 ms: a few, not one per alert. */
  g_test_message ("%u alerts came in %u changes of the list", BURST, changes);
  g_assert_cmpuint (changes, <, BURST / 10);
  hc_hub_manager_remove_session_hub (manager, burst.hub);
}

/* Closing the window keeps it, as it was, for the next activation. */
static void
test_keep_watching (gconstpointer data)
{
  HcApplication *app = HC_APPLICATION ((gpointer) data);
  HcWindow *window = HC_WINDOW (hc_application_show_window (app));

  hc_test_wait_mapped (GTK_WIDGET (window));
  hc_window_set_section (window, "storage");
  gtk_window_close (GTK_WINDOW (window));
  hc_test_settle (100);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_true (g_list_find (gtk_application_get_windows (GTK_APPLICATION (app)), window) != NULL);

  g_application_activate (G_APPLICATION (app));
  hc_test_settle (100);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (window)));
  g_assert_cmpstr (hc_window_get_section (window), ==, "storage");
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
file_gone (gpointer data)
{
  return !g_file_test (data, G_FILE_TEST_EXISTS);
}

/* "Start at login" writes the autostart entry, and takes it back. */
static void
test_start_at_login (gconstpointer data)
{
  HcApplication *app = HC_APPLICATION ((gpointer) data);
  GSettings *settings = hc_application_get_settings (app);
  g_autofree char *path = hc_autostart_desktop_path ();
  g_autoptr(GKeyFile) entry = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *exec = NULL;

  g_assert_true (g_str_has_prefix (path, tmp_dir));
  g_settings_set_boolean (settings, "start-at-login", TRUE);
  hc_test_spin_until (file_exists, path, 10);
  g_assert_true (g_key_file_load_from_file (entry, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, PACKAGE_NAME " --background");

  g_settings_set_boolean (settings, "start-at-login", FALSE);
  hc_test_spin_until (file_gone, path, 10);
}

int
main (int argc, char *argv[])
{
  g_autoptr(HcApplication) app = NULL;
  g_autofree char *config = NULL;
  g_autofree char *state = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  /* Before GLib reads them: autostart entry and notified events go here. */
  tmp_dir = g_dir_make_tmp ("hc-notify-ui-XXXXXX", NULL);
  config = g_build_filename (tmp_dir, "config", NULL);
  state = g_build_filename (tmp_dir, "state", NULL);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_STATE_HOME", state, TRUE);

  /* A bus of our own; GTestDBus unsets DISPLAY, which we need. */
  {
    g_autofree char *display = g_strdup (g_getenv ("DISPLAY"));

    bus = g_test_dbus_new (G_TEST_DBUS_NONE);
    g_test_dbus_up (bus);
    if (display != NULL)
      g_setenv ("DISPLAY", display, TRUE);
  }

  gtk_test_init (&argc, &argv, NULL);
  hc_test_init_ui ();
  adw_init ();
  hc_test_add_icons ();
  start_server ();

  app = hc_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_data_func ("/notify-ui/preferences", app, test_preferences);
  g_test_add_data_func ("/notify-ui/open-and-acknowledge", app, test_open_and_acknowledge);
  g_test_add_data_func ("/notify-ui/burst-while-looking", app, test_burst_while_looking);
  g_test_add_data_func ("/notify-ui/keep-watching", app, test_keep_watching);
  g_test_add_data_func ("/notify-ui/start-at-login", app, test_start_at_login);
  status = g_test_run ();

  /* Quit: the window closes for real. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  hc_test_settle (200);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));

  hc_test_notify_mock_stop (g_steal_pointer (&mock));
  g_output_stream_close (g_subprocess_get_stdin_pipe (server), NULL, NULL);
  g_subprocess_wait (server, NULL, NULL);
  g_clear_object (&server);
  return status;
}
