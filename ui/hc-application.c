/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-application.h"
#include "hc-resources.h"
#include "hc-preferences-window.h"
#include "hc-window.h"

struct _HcApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (HcApplication, hc_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "version", 'v', G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
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

  return G_APPLICATION_CLASS (hc_application_parent_class)->handle_local_options (app, options);
}

static GtkWindow *
hc_application_get_main_window (HcApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (hc_window_new (self));

  return window;
}

static void
hc_application_activate (GApplication *app)
{
  gtk_window_present (hc_application_get_main_window (HC_APPLICATION (app)));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HcApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close rather than quit so each window saves its state. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HcApplication *self = user_data;
  GtkWindow *parent = hc_application_get_main_window (self);
  HcPreferencesWindow *prefs = hc_preferences_window_new (parent, self->settings);

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  HcApplication *self = user_data;
  static const char *developers[] = { "The Hub Console developers", NULL };
  GtkWidget *about;

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

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "about", about_action },
};

static void
hc_application_startup (GApplication *app)
{
  HcApplication *self = HC_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (hc_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);
}

static void
hc_application_dispose (GObject *object)
{
  HcApplication *self = HC_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hc_application_parent_class)->dispose (object);
}

static void
hc_application_class_init (HcApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hc_application_dispose;

  hc_application_register_resources ();

  app_class->handle_local_options = hc_application_handle_local_options;
  app_class->startup = hc_application_startup;
  app_class->activate = hc_application_activate;
}

static void
hc_application_init (HcApplication *self)
{
  self->settings = g_settings_new (APP_ID);

  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Watch and operate a national data center hub."));
}

/**
 * hc_application_register_resources:
 * Registers the console's GResource once; every class with a template
 * calls it from class_init so tests can build any widget on its own.
 */
void
hc_application_register_resources (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      hc_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

HcApplication *
hc_application_new (void)
{
  return g_object_new (HC_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", APP_PATH,
                       NULL);
}

GSettings *
hc_application_get_settings (HcApplication *self)
{
  g_return_val_if_fail (HC_IS_APPLICATION (self), NULL);

  return self->settings;
}
