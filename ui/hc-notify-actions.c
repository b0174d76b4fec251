/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a notification's actions do in the window. */
#include "config.h"

#include "hc-notify-actions.h"
#include "hc-window.h"

static void
on_open_item (HcNotifier    *notifier,
              const char    *hub_key,
              const char    *list,
              const char    *item_id,
              const char    *filter,
              HcApplication *application)
{
  HcHub *hub = hc_hub_manager_lookup (hc_application_get_hub_manager (application), hub_key);

  if (hub == NULL)
    return;
  hc_window_show_item (HC_WINDOW (hc_application_show_window (application)), hub, list, item_id, filter);
}

static void
on_acknowledge_item (HcNotifier    *notifier,
                     const char    *hub_key,
                     const char    *alert_id,
                     HcApplication *application)
{
  HcHub *hub = hc_hub_manager_lookup (hc_application_get_hub_manager (application), hub_key);

  if (hub == NULL)
    return;
  hc_window_acknowledge_item (HC_WINDOW (hc_application_show_window (application)), hub, alert_id);
}

static gboolean
is_looking_at (const char *hub_key,
               const char *list,
               const char *item_id,
               gpointer    user_data)
{
  HcApplication *application = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  HcHub *hub = hc_hub_manager_lookup (hc_application_get_hub_manager (application), hub_key);

  return HC_IS_WINDOW (window) && hub != NULL &&
         hc_window_is_showing_item (HC_WINDOW (window), hub, list, item_id);
}

/**
 * hc_notify_actions_connect:
 * Makes @notifier's actions show their item in @application's window.
 * @application outlives @notifier.
 */
void
hc_notify_actions_connect (HcApplication *application,
                           HcNotifier    *notifier)
{
  g_return_if_fail (HC_IS_APPLICATION (application));
  g_return_if_fail (HC_IS_NOTIFIER (notifier));

  g_signal_connect_object (notifier, "open-item", G_CALLBACK (on_open_item), application, 0);
  g_signal_connect_object (notifier, "acknowledge-item", G_CALLBACK (on_acknowledge_item), application, 0);
  hc_notifier_set_focus_func (notifier, is_looking_at, application);
}
