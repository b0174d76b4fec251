/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-error.h"
#include "hc-hub-private.h"

/*
 * One job: what an operator asks of one item (retry a feed, acknowledge
 * or resolve an alert), with the model updated from the hub's answer
 * right away rather than only by the event that follows.
 */

/* The hub's answer, once the model holds it (an alert from an action is
 * upserted, and the stored row returned so callers see what views show). */
static void
action_return (GTask   *task,
               GObject *answer,
               GError  *error)
{
  HcHub *self = g_task_get_source_object (task);

  if (answer == NULL)
    {
      if (hc_error_get_recovery (error) == HC_ERROR_RECOVERY_SIGN_IN)
        hc_hub_sign_out (self, error);
      g_task_return_error (task, error);
      return;
    }

  if (HC_IS_ALERT (answer))
    {
      HcItem *stored = hc_item_store_upsert (self->stores[HC_LIST_ALERTS], HC_ITEM (answer));
      g_task_return_pointer (task, g_object_ref (stored ? (GObject *) stored : answer), g_object_unref);
      return;
    }

  g_task_return_pointer (task, g_object_ref (answer), g_object_unref);
}

static void
retry_source_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(HcRun) run = hc_client_retry_source_finish (HC_CLIENT (object), result, &error);

  action_return (task, (GObject *) run, error);
}

static void
alert_action_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(HcAlert) alert = NULL;

  if (g_async_result_is_tagged (result, hc_client_acknowledge_alert_async))
    alert = hc_client_acknowledge_alert_finish (HC_CLIENT (object), result, &error);
  else
    alert = hc_client_resolve_alert_finish (HC_CLIENT (object), result, &error);
  action_return (task, (GObject *) alert, error);
}

static GTask *
action_task (HcHub               *self,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

/* Whether this kind of hub offers @action; if not, @task fails saying why. */
static gboolean
action_offered (HcHub       *self,
                HcHubAction  action,
                GTask       *task)
{
  const char *reason = NULL;

  if (hc_hub_can (self, action, &reason))
    return TRUE;

  g_task_return_new_error (task, HC_ERROR, HC_ERROR_INVALID_REQUEST, "%s",
                           reason ? reason : _("This hub does not offer that action."));
  g_object_unref (task);
  return FALSE;
}

static gpointer
action_finish (HcHub         *self,
               GAsyncResult  *result,
               gpointer       source_tag,
               GError       **error)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hc_hub_retry_source_async (HcHub               *self,
                           const char          *id,
                           const char          *idempotency_key,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (id != NULL);

  task = action_task (self, hc_hub_retry_source_async, cancellable, callback, user_data);
  if (!action_offered (self, HC_HUB_ACTION_RETRY_SOURCE, task))
    return;
  hc_client_retry_source_async (self->client, id, idempotency_key, cancellable, retry_source_cb, task);
}

HcRun *
hc_hub_retry_source_finish (HcHub         *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return action_finish (self, result, hc_hub_retry_source_async, error);
}

void
hc_hub_acknowledge_alert_async (HcHub               *self,
                                const char          *id,
                                const char          *comment,
                                const char          *idempotency_key,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (id != NULL);

  task = action_task (self, hc_hub_acknowledge_alert_async, cancellable, callback, user_data);
  if (!action_offered (self, HC_HUB_ACTION_ACKNOWLEDGE, task))
    return;
  hc_client_acknowledge_alert_async (self->client, id, comment, idempotency_key, cancellable,
                                     alert_action_cb, task);
}

HcAlert *
hc_hub_acknowledge_alert_finish (HcHub         *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return action_finish (self, result, hc_hub_acknowledge_alert_async, error);
}

void
hc_hub_resolve_alert_async (HcHub               *self,
                            const char          *id,
                            const char          *comment,
                            const char          *resolution,
                            const char          *idempotency_key,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (id != NULL);

  task = action_task (self, hc_hub_resolve_alert_async, cancellable, callback, user_data);
  if (!action_offered (self, HC_HUB_ACTION_RESOLVE, task))
    return;
  hc_client_resolve_alert_async (self->client, id, comment, resolution, idempotency_key,
                                 cancellable, alert_action_cb, task);
}

HcAlert *
hc_hub_resolve_alert_finish (HcHub         *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return action_finish (self, result, hc_hub_resolve_alert_async, error);
}

void
hc_hub_silence_alert_async (HcHub               *self,
                            const char          *id,
                            const char          *comment,
                            gint64               ends_at,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (comment != NULL);

  task = action_task (self, hc_hub_silence_alert_async, cancellable, callback, user_data);
  if (!action_offered (self, HC_HUB_ACTION_SILENCE, task))
    return;
  self->backend->silence_alert (self, id, comment, ends_at, task);
}

HcAlert *
hc_hub_silence_alert_finish (HcHub         *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return action_finish (self, result, hc_hub_silence_alert_async, error);
}

void
hc_hub_expire_silence_async (HcHub               *self,
                             const char          *id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (id != NULL);

  task = action_task (self, hc_hub_expire_silence_async, cancellable, callback, user_data);
  if (!action_offered (self, HC_HUB_ACTION_EXPIRE_SILENCE, task))
    return;
  self->backend->expire_silence (self, id, task);
}

HcAlert *
hc_hub_expire_silence_finish (HcHub         *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return action_finish (self, result, hc_hub_expire_silence_async, error);
}
