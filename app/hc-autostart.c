/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Starting with the session: an XDG autostart entry, or in Flatpak the
 * Background portal. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "hc-autostart.h"

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

/**
 * hc_autostart_in_flatpak:
 * Whether the console runs in a Flatpak sandbox, where the session starts
 * it only through the Background portal.
 */
gboolean
hc_autostart_in_flatpak (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * hc_autostart_desktop_path:
 * $XDG_CONFIG_HOME/autostart/<app id>.desktop
 */
char *
hc_autostart_desktop_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static gboolean
write_entry (gboolean   enabled,
             GError   **error)
{
  g_autofree char *path = hc_autostart_desktop_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GKeyFile) entry = NULL;
  g_autofree char *exec = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       "%s: %s", path, g_strerror (saved));
          return FALSE;
        }
      return TRUE;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }

  exec = g_strdup_printf ("%s --background", PACKAGE_NAME);
  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, _("Hub Console"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Watch the hubs in the background and notify what must not wait"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  return g_key_file_save_to_file (entry, path, error);
}

/* ---- the Background portal ------------------------------------------------ */

typedef struct {
  GDBusConnection *bus;
  guint            subscription;
  gboolean         enabled;
} PortalCall;

static void
portal_call_free (PortalCall *call)
{
  if (call->subscription != 0)
    g_dbus_connection_signal_unsubscribe (call->bus, call->subscription);
  g_clear_object (&call->bus);
  g_free (call);
}

static void
on_response (GDBusConnection *bus,
             const char      *sender,
             const char      *path,
             const char      *interface,
             const char      *signal,
             GVariant        *parameters,
             gpointer         user_data)
{
  GTask *task = user_data;
  PortalCall *call = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  guint32 response = 2;
  gboolean autostart = FALSE;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_dbus_connection_signal_unsubscribe (bus, call->subscription);
  call->subscription = 0;
  g_variant_lookup (results, "autostart", "b", &autostart);

  if (response != 0 || autostart != call->enabled)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             "%s", _("The system did not allow Hub Console to start at login."));
  else
    g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
on_requested (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);

  if (reply == NULL)
    {
      /* No answer is coming: the task is ours to end. */
      PortalCall *call = g_task_get_task_data (task);

      g_dbus_connection_signal_unsubscribe (call->bus, call->subscription);
      call->subscription = 0;
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task); /* the signal's reference */
    }
  g_object_unref (task);
}

static void
request_background (GTask    *task,
                    gboolean  enabled)
{
  g_autoptr(GError) error = NULL;
  PortalCall *call = g_new0 (PortalCall, 1);
  g_autofree char *token = g_strdup_printf ("hc%u", g_random_int ());
  g_autofree char *sender = NULL;
  g_autofree char *handle = NULL;
  GVariantBuilder options, commandline;

  call->enabled = enabled;
  g_task_set_task_data (task, call, (GDestroyNotify) portal_call_free);
  call->bus = g_bus_get_sync (G_BUS_TYPE_SESSION, g_task_get_cancellable (task), &error);
  if (call->bus == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  /* The request's path is known before the call, so its answer cannot be
   * missed. */
  sender = g_strdup (g_dbus_connection_get_unique_name (call->bus) + 1);
  g_strdelimit (sender, ".", '_');
  handle = g_strdup_printf (PORTAL_PATH "/request/%s/%s", sender, token);
  call->subscription = g_dbus_connection_signal_subscribe (call->bus, PORTAL_NAME,
                                                           "org.freedesktop.portal.Request", "Response",
                                                           handle, NULL, G_DBUS_SIGNAL_FLAGS_NO_MATCH_RULE,
                                                           on_response, g_object_ref (task), NULL);

  g_variant_builder_init (&commandline, G_VARIANT_TYPE ("as"));
  g_variant_builder_add (&commandline, "s", PACKAGE_NAME);
  g_variant_builder_add (&commandline, "s", "--background");
  g_variant_builder_init (&options, G_VARIANT_TYPE ("a{sv}"));
  g_variant_builder_add (&options, "{sv}", "handle_token", g_variant_new_string (token));
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Hub Console watches the hubs and notifies what must not wait.")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_builder_end (&commandline));
  g_dbus_connection_call (call->bus, PORTAL_NAME, PORTAL_PATH, "org.freedesktop.portal.Background",
                          "RequestBackground", g_variant_new ("(sa{sv})", "", &options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          g_task_get_cancellable (task), on_requested, task);
}

/**
 * hc_autostart_set_async:
 * Starts the console with the session (`--background`), or no longer:
 * writes or removes the autostart entry, or asks the Background portal
 * inside Flatpak.
 */
void
hc_autostart_set_async (gboolean             enabled,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;

  g_task_set_source_tag (task, hc_autostart_set_async);

  if (hc_autostart_in_flatpak ())
    {
      request_background (task, enabled);
      return;
    }

  if (write_entry (enabled, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
  g_object_unref (task);
}

gboolean
hc_autostart_set_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
