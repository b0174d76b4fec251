/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-hub-manager.h"

G_BEGIN_DECLS

#define HC_TYPE_NOTIFIER (hc_notifier_get_type ())

G_DECLARE_FINAL_TYPE (HcNotifier, hc_notifier, HC, NOTIFIER, GObject)

/**
 * HcNotifierFocusFunc:
 * Whether the operator is looking at this very item (a focused window
 * showing it); then it needs no notification. @list and @item_id as in
 * HcNotifier::open-item.
 */
typedef gboolean (*HcNotifierFocusFunc) (const char *hub_key,
                                         const char *list,
                                         const char *item_id,
                                         gpointer    user_data);

/*
 * Desktop notifications (libnotify) for what must not wait, from every
 * hub of an HcHubManager: new alerts at or above a severity, feeds turning
 * failed, pools turning degraded or critical, disks turning failing, hubs
 * down for longer than a delay and back. Rules in hc-notifier-rules.c.
 *
 * The last event id seen of each hub is kept in @state_path (a GKeyFile),
 * so a replay after a reconnect or a restart never notifies twice. What
 * was true when a hub's lists were first read never notifies.
 *
 * Signals:
 *  - "open-item" (hub_key, list, item_id, filter): show the item (@list:
 *    "alerts", "sources", "pools", "nodes", or NULL for the hub's
 *    overview; @item_id NULL for the list filtered by @filter);
 *  - "acknowledge-item" (hub_key, alert_id): ask for the comment to
 *    acknowledge that alert.
 * Property "server-missing": no notification server answered.
 */
HcNotifier *hc_notifier_new                (HcHubManager        *manager,
                                            GSettings           *settings,
                                            const char          *state_path);
void        hc_notifier_set_focus_func     (HcNotifier          *self,
                                            HcNotifierFocusFunc  func,
                                            gpointer             user_data);
gboolean    hc_notifier_get_server_missing (HcNotifier          *self);
guint64     hc_notifier_get_last_event_id  (HcNotifier          *self,
                                            const char          *hub_key);
char       *hc_notifier_default_state_path (void);

G_END_DECLS
