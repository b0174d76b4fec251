/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-application.h"
#include "hc-background.h"
#include "hc-demo-launcher.h"
#include "hc-notify-actions.h"
#include "hc-preferences-window.h"
#include "hc-report-cli.h"
#include "hc-window.h"

/* For tests/bench/bench.py: the moments of a start, as the overview page
 * prints the one it fills. */
static void
bench_stamp (const char *what)
{
  if (g_getenv ("HC_BENCH_TIMESTAMPS") != NULL)
    g_printerr ("hc-bench: %s %" G_GINT64_FORMAT "\n", what, g_get_monotonic_time ());
}

struct _HcApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  HcHubManager   *manager;
  HcDemoLauncher *demo;
  HcNotifier     *notifier;
  HcBackground   *background;
  gboolean        demo_asked;   /* --demo on this process's own command line */
};

G_DEFINE_FINAL_TYPE (HcApplication, hc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Start the demo hub on this computer and connect to it"), NULL },
  { "hub", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Open the hub at URL, adding it if it is new"), N_("URL") },
  { "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Watch the hubs without showing the window"), NULL },
  { "wall", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show every hub fullscreen for a wall screen; Escape leaves"), NULL },
  { "report", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Write a report (“quality”) to the --output file, without a window"), N_("NAME") },
  { "output", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("The file the report goes to (PDF)"), N_("FILE") },
  { "period", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_INT, NULL,
    N_("The days the report covers: 7, 30 or 90 (30 if not given)"), N_("DAYS") },
  { NULL }
};

static int
hc_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return 0;
    }

  /* Without its schema the console cannot keep a setting: say so plainly
   * instead of letting GSettings abort. */
  {
    GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
    g_autoptr(GSettingsSchema) schema = source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

    if (schema == NULL)
      {
        g_printerr (_("Hub Console is not installed completely: its settings schema %s is missing. "
                      "Install it, or start it from a build tree with “build-aux/dev run”.\n"), APP_ID);
        return 1;
      }
  }

  /* A report for a scheduled job: made here, in this process, and never
   * through a running console or a window. */
  if (g_variant_dict_contains (options, "report"))
    return hc_report_cli_run (options);

  /* Started first thing in startup, if this process is the console, so
   * the demo hub seeds its center while GTK starts. */
  HC_APPLICATION (app)->demo_asked = g_variant_dict_contains (options, "demo");

  return G_APPLICATION_CLASS (hc_application_parent_class)->handle_local_options (app, options);
}

/* A new main window over this application's hubs. */
HcWindow *
hc_application_new_window (HcApplication *self)
{
  g_return_val_if_fail (HC_IS_APPLICATION (self), NULL);

  return hc_window_new (GTK_APPLICATION (self), hc_application_get_hub_manager (self));
}

static GtkWindow *
hc_application_get_main_window (HcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (hc_application_new_window (self));

  return window;
}

static void
hc_application_activate (GApplication *app)
{
  gtk_window_present (hc_application_get_main_window (HC_APPLICATION (app)));
  bench_stamp ("window-shown");
}

static void
on_demo_started (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HcApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = hc_demo_launcher_start_finish (HC_DEMO_LAUNCHER (object), result, &error);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  g_application_release (G_APPLICATION (self));

  if (url == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not start the demo hub: %s"), error->message);

      g_warning ("%s", message);
      if (HC_IS_WINDOW (window))
        hc_window_show_toast (HC_WINDOW (window), message);
      return;
    }

  bench_stamp ("demo-hub-ready");
  g_message ("Demo hub at %s", url);
  hc_hub_manager_add_session_hub (self->manager, _("Demo hub"), url, HC_DEMO_OPERATOR_TOKEN);
}

/* The demo hub runs beside the console, for this session only. */
static void
hc_application_start_demo (HcApplication *self)
{
  if (self->demo != NULL)
    return;

  self->demo = hc_demo_launcher_new ();
  /* Held until the hub answers, so a quick quit still stops it. */
  g_application_hold (G_APPLICATION (self));
  hc_demo_launcher_start_async (self->demo, NULL, on_demo_started, g_object_ref (self));
}

static int
hc_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  HcApplication *self = HC_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *hub_url = NULL;

  if (g_variant_dict_contains (options, "demo"))
    hc_application_start_demo (self);

  /* Started with the session: hubs and notifications, no window. */
  if (g_variant_dict_contains (options, "background"))
    hc_background_keep_running (self->background);
  else
    g_application_activate (app);

  if (g_variant_dict_lookup (options, "hub", "&s", &hub_url))
    hc_application_open_hub (self, hub_url);

  if (g_variant_dict_contains (options, "wall") && !g_variant_dict_contains (options, "background"))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

      if (HC_IS_WINDOW (window))
        hc_window_open_wall (HC_WINDOW (window));
    }

  return 0;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HcApplication *self = user_data;

  /* Closes each window so it saves its state, then ends the watching. */
  hc_background_quit (self->background);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HcApplication *self = user_data;
  GtkWindow *parent = hc_application_get_main_window (self);
  HcPreferencesWindow *prefs = hc_preferences_window_new (parent, hc_application_get_settings (self));

  hc_preferences_window_set_manager (prefs, hc_application_get_hub_manager (self));
  hc_preferences_window_set_notifier (prefs, self->notifier);
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  HcApplication *self = user_data;
  const char *developers[] = { NULL, NULL };
  GtkWidget *about;

  developers[0] = _("The Hub Console developers");

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-icon", APP_ID,
                        "application-name", _("Hub Console"),
                        "developer-name", _("The Hub Console developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Watch and operate a national data center hub: "
                                      "ingestion, data quality, storage and security."),
                        "website", "https://github.com/hubconsole/hub-console",
                        "issue-url", "https://github.com/hubconsole/hub-console/issues",
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* Sign in again to a saved hub: its dialog, ready for a new token. */
static void
sign_in_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  HcApplication *self = user_data;
  HcProfile *profile = hc_profile_store_lookup (hc_hub_manager_get_profiles (hc_application_get_hub_manager (self)),
                                                g_variant_get_string (parameter, NULL));

  if (profile != NULL)
    hc_application_open_hub (self, hc_profile_get_url (profile));
}

static const GActionEntry app_actions[] = {
  { "sign-in", sign_in_action, "s" },
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static void hc_application_start_demo (HcApplication *self);

static void
hc_application_startup (GApplication *app)
{
  HcApplication *self = HC_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  bench_stamp ("startup");
  if (self->demo_asked)
    hc_application_start_demo (self);
  G_APPLICATION_CLASS (hc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  {
    g_autoptr(HcProfileStore) profiles = hc_profile_store_new (hc_application_get_settings (self));
    g_autoptr(HcSecrets) secrets = hc_secrets_new ();
    g_autofree char *snapshot_path = hc_snapshot_default_path ();
    g_autoptr(HcSnapshot) snapshot = hc_snapshot_new (snapshot_path);

    self->manager = hc_hub_manager_new (profiles, secrets, snapshot);
    hc_hub_manager_start (self->manager);
  }
  self->notifier = hc_notifier_new (self->manager, hc_application_get_settings (self), NULL);
  hc_notify_actions_connect (self, self->notifier);
  self->background = hc_background_new (GTK_APPLICATION (self), hc_application_get_settings (self));
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
}

static void
hc_application_shutdown (GApplication *app)
{
  HcApplication *self = HC_APPLICATION (app);

  /* Keeps the last notified events for the next start. */
  g_clear_object (&self->notifier);
  g_clear_object (&self->background);
  if (self->manager != NULL)
    hc_hub_manager_stop (self->manager);
  if (self->demo != NULL)
    hc_demo_launcher_stop (self->demo);

  G_APPLICATION_CLASS (hc_application_parent_class)->shutdown (app);
}

static void
hc_application_dispose (GObject *object)
{
  HcApplication *self = HC_APPLICATION (object);

  g_clear_object (&self->demo);
  g_clear_object (&self->notifier);
  g_clear_object (&self->background);
  g_clear_object (&self->manager);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hc_application_parent_class)->dispose (object);
}

static void
hc_application_class_init (HcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hc_application_dispose;

  app_class->handle_local_options = hc_application_handle_local_options;
  app_class->startup = hc_application_startup;
  app_class->activate = hc_application_activate;
  app_class->command_line = hc_application_command_line;
  app_class->shutdown = hc_application_shutdown;
}

static void
hc_application_init (HcApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Watch and operate a national data center hub."));
}

HcApplication *
hc_application_new (void)
{
  return g_object_new (HC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", APP_PATH,
                       NULL);
}

/**
 * hc_application_get_hub_manager:
 * Every hub the console watches; the manager exists once the
 * application has started up.
 */
HcHubManager *
hc_application_get_hub_manager (HcApplication *self)
{
  g_return_val_if_fail (HC_IS_APPLICATION (self), NULL);

  if (self->manager == NULL)
    {
      /* A window built before startup (tests): an empty manager. */
      g_autoptr(HcProfileStore) profiles = hc_profile_store_new (hc_application_get_settings (self));
      g_autoptr(HcSecrets) secrets = hc_secrets_new ();
      self->manager = hc_hub_manager_new (profiles, secrets, NULL);
    }
  return self->manager;
}

/**
 * hc_application_open_hub:
 * Shows the hub at @url, asking for its token first if it is new.
 */
void
hc_application_open_hub (HcApplication *self,
                         const char    *url)
{
  HcPreferencesWindow *prefs;
  GtkWindow *parent;

  g_return_if_fail (HC_IS_APPLICATION (self));

  parent = hc_application_get_main_window (self);
  prefs = hc_preferences_window_new (parent, hc_application_get_settings (self));
  hc_preferences_window_set_manager (prefs, hc_application_get_hub_manager (self));
  gtk_window_present (GTK_WINDOW (prefs));
  hc_preferences_window_add_hub (prefs, url);
}

/**
 * hc_application_get_settings:
 * The console's settings, made when first needed, so that options such
 * as --version and --help work without the schema installed.
 */
GSettings *
hc_application_get_settings (HcApplication *self)
{
  g_return_val_if_fail (HC_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);
  return self->settings;
}

/**
 * hc_application_get_notifier:
 * The desktop notifications, once the application has started up.
 */
HcNotifier *
hc_application_get_notifier (HcApplication *self)
{
  g_return_val_if_fail (HC_IS_APPLICATION (self), NULL);

  return self->notifier;
}

/**
 * hc_application_show_window:
 * The console's window (an HcWindow) presented, as it was left.
 */
GtkWindow *
hc_application_show_window (HcApplication *self)
{
  GtkWindow *window;

  g_return_val_if_fail (HC_IS_APPLICATION (self), NULL);

  window = hc_application_get_main_window (self);
  gtk_window_present (window);
  return window;
}
