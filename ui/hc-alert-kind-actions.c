/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-alert-kind-actions.h"

/*
 * One job: the Security page's actions on an alert whose hub is not of the
 * Hub API's kind (an Alertmanager): acknowledge is a silence of an open
 * alert, Expire Silence on a silenced one, and Resolve is not offered,
 * with the hub's reason in the detail. Asked of the hub (hc_hub_can()),
 * never of its kind by name.
 */

/**
 * hc_alert_kind_actions_update:
 * @self: the widget with the "security.*" actions
 * Returns: %FALSE when @hub (or its absence) leaves the Hub API's rules
 *   (the role's) to decide.
 */
gboolean
hc_alert_kind_actions_update (GtkWidget     *self,
                              HcAlertDetail *detail,
                              HcHub         *hub,
                              HcAlert       *alert)
{
  const char *why = NULL;
  HcAlertState state;

  if (hub == NULL || !hc_hub_can (hub, HC_HUB_ACTION_SILENCE, NULL))
    {
      gtk_widget_action_set_enabled (self, "security.expire-silence", FALSE);
      hc_alert_detail_set_expire_visible (detail, FALSE);
      return FALSE;
    }

  state = hc_alert_get_state (alert);
  gtk_widget_action_set_enabled (self, "security.acknowledge", state == HC_ALERT_STATE_OPEN);
  gtk_widget_action_set_enabled (self, "security.resolve",
                                 hc_hub_can (hub, HC_HUB_ACTION_RESOLVE, &why));
  gtk_widget_action_set_enabled (self, "security.expire-silence",
                                 hc_alert_get_silence_id (alert) != NULL);
  hc_alert_detail_set_expire_visible (detail, hc_alert_get_silence_id (alert) != NULL);
  hc_alert_detail_set_actions_reason (detail, why);
  return TRUE;
}

