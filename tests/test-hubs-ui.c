/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hubs and credentials in the real window, with a real gnome-keyring
 * (run under tests/run-with-keyring.sh): add the demo hub through
 * Preferences with its token checked against /me and stored in the
 * keyring only; then a second hub that is down, while the first keeps
 * running; sign out; and no trace of the token anywhere on disk, in
 * settings, in the logs or the environment. */
#define _GNU_SOURCE
#include "config.h"

#include <glib/gi18n.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <unistd.h>

#include "hc-application.h"
#include "hc-demo-launcher.h"
#include "hc-error.h"
#include "hc-preferences-window.h"
#include "hc-test-ui.h"
#include "hc-window.h"

#define TOKEN "demo-operator-token"

static char *log_path;

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
on_started (GObject *object, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;

  *(char **) data = hc_demo_launcher_start_finish (HC_DEMO_LAUNCHER (object), result, &error);
  g_assert_no_error (error);
}

typedef struct {
  HcHubManager *manager;
  guint         n;
  HcHubState    state;
} HubWait;

/* The n-th hub exists and is in the wanted state. */
static gboolean
hub_in_state (gpointer data)
{
  HubWait *wait = data;
  GListModel *hubs = hc_hub_manager_get_hubs (wait->manager);
  g_autoptr(HcHub) hub = NULL;

  if (g_list_model_get_n_items (hubs) <= wait->n)
    return FALSE;
  hub = g_list_model_get_item (hubs, wait->n);
  return hc_hub_get_state (hub) == wait->state;
}

static gboolean
token_lookup_done (gpointer data)
{
  return *(gboolean *) data;
}

typedef struct {
  gboolean done;
  char    *token;
} Lookup;

static void
on_lookup (GObject *object, GAsyncResult *result, gpointer data)
{
  Lookup *lookup = data;
  g_autoptr(GError) error = NULL;

  lookup->token = hc_secrets_lookup_finish (HC_SECRETS (object), result, &error);
  g_assert_no_error (error);
  lookup->done = TRUE;
}

static char *
lookup_token (HcSecrets *secrets, const char *url, const char *user)
{
  Lookup lookup = { 0 };

  char *copy;

  hc_secrets_lookup_async (secrets, url, user, NULL, on_lookup, &lookup);
  hc_test_spin_until (token_lookup_done, &lookup.done, 30);
  /* The keyring's copy lives in its own memory and is wiped on free. */
  copy = g_strdup (lookup.token);
  hc_secrets_token_free (lookup.token);
  return copy;
}

static void
on_signed_out (GObject *object, GAsyncResult *result, gpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (hc_hub_manager_sign_out_finish (HC_HUB_MANAGER (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) data = TRUE;
}

/* Fails if @needle is in any file under @dir (the keyring's file too: it
 * keeps the token encrypted, never as plain text). */
static void
assert_not_in_tree (const char *dir, const char *needle)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *contents = NULL;
      gsize len;

      if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          assert_not_in_tree (path, needle);
          continue;
        }
      if (g_file_get_contents (path, &contents, &len, NULL) &&
          memmem (contents, len, needle, strlen (needle)) != NULL)
        g_error ("the token was found in %s", path);
    }
}

static void
test_hubs_through_preferences (void)
{
  g_autoptr(HcDemoLauncher) launcher = hc_demo_launcher_new ();
  g_autoptr(HcApplication) app = hc_application_new ();
  g_autofree char *url = NULL;
  HcHubManager *manager;
  HcWindow *window;
  HcPreferencesWindow *prefs;
  HcHubDialog *dialog;
  HcProfile *profile;
  g_autoptr(HcHub) first = NULL;
  g_autoptr(HcHub) second = NULL;
  gboolean signed_out = FALSE;

  hc_demo_launcher_start_async (launcher, NULL, on_started, &url);
  hc_test_spin_until (is_set, &url, 30);

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  manager = hc_application_get_hub_manager (app);
  hc_hub_manager_start (manager);
  window = hc_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 760);
  gtk_window_present (GTK_WINDOW (window));
  hc_test_wait_mapped (GTK_WIDGET (window));

  /* Add the hub through Preferences: its token is checked with /me. */
  prefs = hc_preferences_window_new (GTK_WINDOW (window), hc_application_get_settings (app));
  hc_preferences_window_set_manager (prefs, manager);
  gtk_window_present (GTK_WINDOW (prefs));
  dialog = hc_preferences_window_add_hub (prefs, url);
  hc_hub_dialog_set_name (dialog, "Trung tâm Hà Nội");
  hc_hub_dialog_set_token (dialog, TOKEN);
  hc_test_wait_mapped (GTK_WIDGET (dialog));
  hc_hub_dialog_save (dialog);
  {
    HubWait wait = { manager, 0, HC_HUB_CONNECTED };
    hc_test_spin_until (hub_in_state, &wait, 60);
  }
  first = g_list_model_get_item (hc_hub_manager_get_hubs (manager), 0);
  profile = hc_hub_manager_get_profile (manager, first);
  g_assert_nonnull (profile);
  g_assert_cmpstr (hc_profile_get_name (profile), ==, "Trung tâm Hà Nội");
  g_assert_cmpstr (hc_profile_get_username (profile), ==, "tran.van.minh");

  /* The token is in the keyring, under the url and user. */
  {
    g_autofree char *stored = lookup_token (hc_hub_manager_get_secrets (manager),
                                            hc_profile_get_url (profile), "tran.van.minh");
    g_assert_cmpstr (stored, ==, TOKEN);
  }

  /* A second hub that is down: it shows offline, the first keeps running. */
  {
    g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, 0, NULL);
    g_autoptr(GSocketAddress) any = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
    g_autoptr(GSocketAddress) bound = NULL;
    g_autofree char *down_url = NULL;
    g_autoptr(HcProfile) down = NULL;
    g_autoptr(GError) error = NULL;

    /* A port nobody listens on: bind, note it, close. */
    g_assert_true (g_socket_bind (socket, any, TRUE, &error));
    bound = g_socket_get_local_address (socket, &error);
    down_url = g_strdup_printf ("http://127.0.0.1:%u", g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
    g_socket_close (socket, NULL);

    down = hc_profile_new ("Trung tâm Đà Nẵng", down_url, "tran.van.minh", &error);
    g_assert_no_error (error);
    hc_secrets_set_session_token (hc_hub_manager_get_secrets (manager), down_url, "tran.van.minh", TOKEN);
    hc_profile_store_add (hc_hub_manager_get_profiles (manager), down);
    {
      HubWait wait = { manager, 1, HC_HUB_OFFLINE };
      hc_test_spin_until (hub_in_state, &wait, 60);
    }
  }
  second = g_list_model_get_item (hc_hub_manager_get_hubs (manager), 1);
  g_assert_cmpint (hc_hub_get_state (first), ==, HC_HUB_CONNECTED);
  g_assert_cmpint (hc_hub_get_state (second), ==, HC_HUB_OFFLINE);
  g_assert_nonnull (hc_hub_get_last_error (second));
  g_assert_true (g_error_matches (hc_hub_get_last_error (second), HC_ERROR, HC_ERROR_UNREACHABLE));

  gtk_window_close (GTK_WINDOW (prefs));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "ingestion");
  hc_test_settle (300);
  hc_test_screenshot (GTK_WIDGET (window), "two-hubs-one-down.png");
  /* The live hub's sources are all there despite the other. */
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_pane_get_visible_model (
                      hc_ingestion_page_get_pane (hc_window_get_ingestion_page (window)))), ==,
                    g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_sources (first))));

  /* Sign out: the secret is deleted and the hub says so. */
  hc_hub_manager_sign_out_async (manager, profile, NULL, on_signed_out, &signed_out);
  hc_test_spin_until (token_lookup_done, &signed_out, 30);
  {
    HubWait wait = { manager, 0, HC_HUB_SIGNED_OUT };
    g_autofree char *gone = NULL;

    hc_test_spin_until (hub_in_state, &wait, 60);
    gone = lookup_token (hc_hub_manager_get_secrets (manager), hc_profile_get_url (profile), "tran.van.minh");
    g_assert_null (gone);
  }

  /* Nothing secret in the settings. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_auto(GStrv) keys = g_settings_schema_list_keys (g_settings_schema_source_lookup (
      g_settings_schema_source_get_default (), APP_ID, TRUE));
    for (guint i = 0; keys[i]; i++)
      {
        g_autoptr(GVariant) value = g_settings_get_value (settings, keys[i]);
        g_autofree char *text = g_variant_print (value, FALSE);
        g_assert_null (strstr (text, TOKEN));
      }
  }

  hc_hub_manager_stop (manager);
  hc_test_destroy_window (GTK_WINDOW (window));
  {
    /* The demo keeps nothing: its database goes with it. */
    g_autofree char *demo_dir = g_strdup (hc_demo_launcher_get_data_dir (launcher));
    g_autofree char *db = g_build_filename (demo_dir, "demo-hub.sqlite3", NULL);

    g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
    hc_demo_launcher_stop (launcher);
    g_assert_false (g_file_test (demo_dir, G_FILE_TEST_EXISTS));
    g_assert_null (hc_demo_launcher_get_data_dir (launcher));
  }

  /* No trace on disk, in our logs, environment or command line. */
  assert_not_in_tree (g_get_home_dir (), TOKEN);
  assert_not_in_tree (g_get_user_cache_dir (), TOKEN);
  assert_not_in_tree (g_get_user_data_dir (), TOKEN);
  assert_not_in_tree (g_get_user_config_dir (), TOKEN);
  {
    g_autofree char *log = NULL;
    g_autofree char *environ_ = NULL;
    g_autofree char *cmdline = NULL;
    gsize len;

    fflush (stderr);
    g_assert_true (g_file_get_contents (log_path, &log, &len, NULL));
    g_assert_null (memmem (log, len, TOKEN, strlen (TOKEN)));
    g_assert_true (g_file_get_contents ("/proc/self/environ", &environ_, &len, NULL));
    g_assert_null (memmem (environ_, len, TOKEN, strlen (TOKEN)));
    g_assert_true (g_file_get_contents ("/proc/self/cmdline", &cmdline, &len, NULL));
    g_assert_null (memmem (cmdline, len, TOKEN, strlen (TOKEN)));
  }
}

int
main (int argc, char *argv[])
{
  int fd;

  setlocale (LC_ALL, "C.UTF-8");
  /* Everything the console logs, debug included, goes where we can search it. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  log_path = g_build_filename (g_get_home_dir (), "hubs-ui-test.log", NULL);
  fd = g_open (log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  dup2 (fd, STDERR_FILENO);
  close (fd);

  gtk_test_init (&argc, &argv, NULL);
  hc_test_init_ui ();
  adw_init ();
  hc_test_add_icons ();
  g_test_add_func ("/hubs/through-preferences", test_hubs_through_preferences);
  return g_test_run ();
}
