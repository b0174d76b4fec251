/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Keeps the console watching when its window is closed, and starts it
 * with the session when asked. */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-autostart.h"
#include "hc-background.h"
#include "hc-window.h"

struct _HcBackground
{
  GObject         parent_instance;

  GtkApplication *application;   /* unowned: it owns us */
  GSettings      *settings;
  GCancellable   *cancellable;
  gboolean        holding;
  gboolean        started_in_background;
  gboolean        quitting;
};

G_DEFINE_FINAL_TYPE (HcBackground, hc_background, G_TYPE_OBJECT)

static gboolean
wants_hold (HcBackground *self)
{
  return !self->quitting &&
         (self->started_in_background || g_settings_get_boolean (self->settings, "keep-watching"));
}

static void
update_hold (HcBackground *self)
{
  gboolean hold = wants_hold (self);

  if (hold == self->holding)
    return;
  self->holding = hold;
  if (hold)
    g_application_hold (G_APPLICATION (self->application));
  else
    g_application_release (G_APPLICATION (self->application));
}

/* Closing the window while watching hides it, as it is, for the next
 * activation (launcher, notification) to show again. */
static gboolean
on_close_request (GtkWindow    *window,
                  HcBackground *self)
{
  if (self->quitting || !g_settings_get_boolean (self->settings, "keep-watching"))
    {
      /* Started in the background, the first close with watching off
       * ends the console like any other. */
      self->started_in_background = FALSE;
      update_hold (self);
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (window), FALSE);
  return TRUE;
}

static void
on_window_added (GtkApplication *application,
                 GtkWindow      *window,
                 HcBackground   *self)
{
  if (HC_IS_WINDOW (window))
    g_signal_connect_object (window, "close-request", G_CALLBACK (on_close_request), self, 0);
}

static void
on_autostart_set (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(HcBackground) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  if (hc_autostart_set_finish (result, &error) || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_message ("Could not change starting at login: %s", error->message);
  window = gtk_application_get_active_window (self->application);
  if (HC_IS_WINDOW (window))
    {
      g_autofree char *message = g_strdup_printf (_("Could not change starting at login: %s"), error->message);
      hc_window_show_toast (HC_WINDOW (window), message);
    }
}

static void
on_setting_changed (GSettings    *settings,
                    const char   *key,
                    HcBackground *self)
{
  if (g_str_equal (key, "keep-watching"))
    update_hold (self);
  else if (g_str_equal (key, "start-at-login"))
    hc_autostart_set_async (g_settings_get_boolean (settings, key), self->cancellable,
                            on_autostart_set, g_object_ref (self));
}

static void
hc_background_dispose (GObject *object)
{
  HcBackground *self = HC_BACKGROUND (object);

  g_cancellable_cancel (self->cancellable);
  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hc_background_parent_class)->dispose (object);
}

static void
hc_background_class_init (HcBackgroundClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hc_background_dispose;
}

static void
hc_background_init (HcBackground *self)
{
  self->cancellable = g_cancellable_new ();
}

HcBackground *
hc_background_new (GtkApplication *application,
                   GSettings      *settings)
{
  HcBackground *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HC_TYPE_BACKGROUND, NULL);
  self->application = application;
  self->settings = g_object_ref (settings);
  g_signal_connect (settings, "changed::keep-watching", G_CALLBACK (on_setting_changed), self);
  g_signal_connect (settings, "changed::start-at-login", G_CALLBACK (on_setting_changed), self);
  g_signal_connect_object (application, "window-added", G_CALLBACK (on_window_added), self, 0);
  /* Read once so GSettings emits "changed" for the keys from now on. */
  g_settings_get_boolean (settings, "start-at-login");
  update_hold (self);
  return self;
}

/**
 * hc_background_quit:
 * Ends the console for real: every window closes (saving its state), the
 * hold is let go, and the application quits.
 */
void
hc_background_quit (HcBackground *self)
{
  GList *windows;

  g_return_if_fail (HC_IS_BACKGROUND (self));

  self->quitting = TRUE;
  windows = gtk_application_get_windows (self->application);
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      gtk_window_close (window);
    }
  update_hold (self);
  g_application_quit (G_APPLICATION (self->application));
}

/**
 * hc_background_keep_running:
 * Started with --background: running without a window, whatever
 * "keep-watching" says, until a window is closed.
 */
void
hc_background_keep_running (HcBackground *self)
{
  g_return_if_fail (HC_IS_BACKGROUND (self));

  self->started_in_background = TRUE;
  update_hold (self);
}
