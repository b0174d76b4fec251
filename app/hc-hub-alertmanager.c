/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-alertmanager.h"
#include "hc-error.h"
#include "hc-hub-private.h"
#include "hc-profile.h"

/*
 * One job: a hub of kind "alertmanager". It has no event stream, so it
 * polls: GET /silences then /alerts every poll interval, mapped to HcAlert
 * and reconciled into the alerts model in place (an alert that did not
 * change is not touched, one that resolved leaves, a new one is added), so
 * views and notifications see what changed and nothing else. A failure
 * takes the hub offline, with the hub's own retry; 401 signs it out; the
 * last alerts read stay meanwhile. Acknowledge is a silence of exactly the
 * alert's labels until a chosen time; resolve is not offered.
 */

typedef struct {
  HcHub    *hub;
  guint     generation;
  JsonNode *silences;
} PollData;

static void
poll_data_free (PollData *data)
{
  g_object_unref (data->hub);
  g_clear_pointer (&data->silences, json_node_unref);
  g_free (data);
}

static void poll_start (HcHub *self);

static gboolean
poll_timeout_cb (gpointer user_data)
{
  HcHub *self = user_data;

  g_clear_pointer (&self->poll_source, g_source_unref);
  poll_start (self);
  return G_SOURCE_REMOVE;
}

static void
poll_schedule (HcHub *self)
{
  if (self->poll_source != NULL || !self->started)
    return;

  self->poll_source = g_timeout_source_new_seconds (self->poll_interval);
  g_source_set_callback (self->poll_source, poll_timeout_cb, self, NULL);
  g_source_set_static_name (self->poll_source, "[hc] alertmanager poll");
  g_source_attach (self->poll_source, g_main_context_get_thread_default ());
}

/* The actions waiting for a read: each gets its alert as the model holds it. */
static void
waiters_complete (HcHub        *self,
                  const GError *error)
{
  g_autoptr(GPtrArray) waiters = g_steal_pointer (&self->poll_waiters);

  for (guint i = 0; waiters != NULL && i < waiters->len; i++)
    {
      GTask *task = waiters->pdata[i];
      const char *id = g_task_get_task_data (task);
      HcItem *item = hc_item_store_lookup (self->stores[HC_LIST_ALERTS], id);

      if (error != NULL)
        g_task_return_error (task, g_error_copy (error));
      else if (item == NULL)
        g_task_return_new_error (task, HC_ERROR, HC_ERROR_NOT_FOUND, "%s",
                                 _("The alert is no longer in the Alertmanager: it has resolved."));
      else
        g_task_return_pointer (task, g_object_ref (item), g_object_unref);
      g_object_unref (task);
    }
}

static void
poll_failed (HcHub        *self,
             const GError *error)
{
  self->poll_inflight = FALSE;
  waiters_complete (self, error);

  switch ((HcError) error->code)
    {
    case HC_ERROR_MALFORMED_RESPONSE:
    case HC_ERROR_RESPONSE_TOO_LARGE:
    case HC_ERROR_NOT_FOUND:
      /* It answers, but its alerts cannot be read: say so, keep reading. */
      if (self->list_errors[HC_LIST_ALERTS] == NULL)
        g_message ("Alertmanager %s: its alerts could not be read: %s", self->key, error->message);
      hc_hub_set_list_error (self, HC_LIST_ALERTS, error);
      hc_hub_set_last_error (self, NULL);
      hc_hub_set_state (self, HC_HUB_CONNECTED);
      poll_schedule (self);
      break;

    default:
      hc_hub_went_offline (self, error);
      break;
    }
}

static gboolean
poll_is_current (PollData *data)
{
  return data->hub->started && data->generation == data->hub->poll_generation;
}

static void
alerts_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PollData *data = user_data;
  HcHub *self = data->hub;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) alerts = NULL;
  g_autoptr(GPtrArray) items = NULL;

  alerts = hc_alertmanager_get_finish (HC_CLIENT (object), result, &error);
  if (!poll_is_current (data))
    goto out;
  if (alerts != NULL)
    items = hc_alertmanager_map_alerts (alerts, data->silences, &error);
  if (items == NULL)
    {
      poll_failed (self, error);
      goto out;
    }

  self->poll_inflight = FALSE;
  g_clear_pointer (&self->polled, json_node_unref);
  self->polled = g_steal_pointer (&alerts);
  hc_item_store_replace_all (self->stores[HC_LIST_ALERTS], items);
  self->list_complete[HC_LIST_ALERTS] = TRUE;
  self->have_live_data = TRUE;
  hc_hub_set_list_error (self, HC_LIST_ALERTS, NULL);
  hc_hub_set_last_error (self, NULL);
  hc_backoff_reset (&self->backoff);
  hc_hub_touch_updated (self, NULL);
  hc_hub_set_state (self, HC_HUB_CONNECTED);

  if (self->poll_again)
    {
      /* An action happened during this read: its waiters need the next. */
      self->poll_again = FALSE;
      poll_start (self);
    }
  else
    {
      waiters_complete (self, NULL);
      poll_schedule (self);
    }

out:
  poll_data_free (data);
}

static void
silences_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  PollData *data = user_data;
  GError *error = NULL;

  data->silences = hc_alertmanager_get_finish (HC_CLIENT (object), result, &error);
  if (!poll_is_current (data))
    {
      g_clear_error (&error);
      poll_data_free (data);
      return;
    }
  if (data->silences == NULL)
    {
      poll_failed (data->hub, error);
      g_error_free (error);
      poll_data_free (data);
      return;
    }

  hc_alertmanager_get_async (data->hub->client, "/alerts", data->hub->cancellable, alerts_cb, data);
}

static void
poll_start (HcHub *self)
{
  PollData *data;

  hc_hub_clear_source (&self->poll_source);
  if (self->poll_inflight)
    {
      self->poll_again = TRUE;
      return;
    }

  data = g_new0 (PollData, 1);
  data->hub = g_object_ref (self);
  data->generation = ++self->poll_generation;
  self->poll_inflight = TRUE;
  hc_alertmanager_get_async (self->client, "/silences", self->cancellable, silences_cb, data);
}

/* The lists it does not have are said to be missing, not loading. */
static void
mark_lists_not_served (HcHub *self)
{
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      g_autoptr(GError) error = NULL;

      if (hc_hub_serves (self, kind) || self->list_errors[kind] != NULL)
        continue;
      /* Translators: %s is what a list holds, e.g. "feeds" */
      error = g_error_new (HC_ERROR, HC_ERROR_NOT_FOUND, _("An Alertmanager has no %s."),
                           hc_list_kind_noun (kind));
      hc_hub_set_list_error (self, kind, error);
    }
}

static void
alertmanager_start (HcHub *self)
{
  mark_lists_not_served (self);
  hc_hub_clear_source (&self->retry_source);
  if (self->state != HC_HUB_CONNECTED && self->state != HC_HUB_OFFLINE)
    hc_hub_set_state (self, HC_HUB_CONNECTING);
  poll_start (self);
}

/* Called by hc_hub_stop(), sign-out and dispose, whatever the kind. */
void
hc_hub_alertmanager_stop (HcHub *self)
{
  g_autoptr(GError) error = NULL;

  hc_hub_clear_source (&self->poll_source);
  self->poll_inflight = FALSE;
  self->poll_again = FALSE;
  self->poll_generation++;
  if (self->poll_waiters != NULL)
    {
      error = g_error_new_literal (HC_ERROR, HC_ERROR_CANCELLED, _("The hub was stopped."));
      waiters_complete (self, error);
    }
  g_clear_pointer (&self->polled, json_node_unref);
}

/* The action was done: answer once the Alertmanager was read again. */
static void
wait_for_read (HcHub *self,
               GTask *task)
{
  if (self->poll_waiters == NULL)
    self->poll_waiters = g_ptr_array_new ();
  g_ptr_array_add (self->poll_waiters, task);
  poll_start (self);
}

static void
action_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  HcHub *self = g_task_get_source_object (task);
  GError *error = NULL;
  gboolean done;

  if (g_async_result_is_tagged (result, hc_alertmanager_silence_async))
    {
      g_autofree char *silence_id = hc_alertmanager_silence_finish (HC_CLIENT (object), result, &error);
      done = silence_id != NULL;
    }
  else
    done = hc_alertmanager_expire_finish (HC_CLIENT (object), result, &error);

  if (!done)
    {
      if (hc_error_get_recovery (error) == HC_ERROR_RECOVERY_SIGN_IN)
        hc_hub_sign_out (self, error);
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (!self->started)
    {
      g_task_return_new_error (task, HC_ERROR, HC_ERROR_CANCELLED, "%s", _("The hub was stopped."));
      g_object_unref (task);
      return;
    }
  wait_for_read (self, task);
}

static void
alertmanager_silence_alert (HcHub      *self,
                            const char *id,
                            const char *comment,
                            gint64      ends_at,
                            GTask      *task)
{
  JsonObject *labels = hc_alertmanager_find_labels (self->polled, id);
  const char *created_by = self->user_name;

  g_task_set_task_data (task, g_strdup (id), g_free);
  if (labels == NULL)
    {
      g_task_return_new_error (task, HC_ERROR, HC_ERROR_NOT_FOUND, "%s",
                               _("The alert is no longer in the Alertmanager: it has resolved."));
      g_object_unref (task);
      return;
    }
  if (ends_at <= g_get_real_time () / G_USEC_PER_SEC)
    {
      g_task_return_new_error (task, HC_ERROR, HC_ERROR_INVALID_REQUEST, "%s",
                               _("The end of the silence must be in the future."));
      g_object_unref (task);
      return;
    }
  if (created_by == NULL || *created_by == '\0')
    created_by = g_get_user_name ();

  hc_alertmanager_silence_async (self->client, labels, created_by, comment, ends_at,
                                 self->cancellable, action_done_cb, task);
}

static void
alertmanager_expire_silence (HcHub      *self,
                             const char *id,
                             GTask      *task)
{
  HcItem *item = hc_item_store_lookup (self->stores[HC_LIST_ALERTS], id);
  const char *silence_id = item ? hc_alert_get_silence_id (HC_ALERT (item)) : NULL;

  g_task_set_task_data (task, g_strdup (id), g_free);
  if (silence_id == NULL)
    {
      g_task_return_new_error (task, HC_ERROR, HC_ERROR_CONFLICT, "%s",
                               _("The alert is not silenced."));
      g_object_unref (task);
      return;
    }

  hc_alertmanager_expire_async (self->client, silence_id, self->cancellable, action_done_cb, task);
}

static const char *
alertmanager_why_not (HcHubAction action)
{
  switch (action)
    {
    case HC_HUB_ACTION_RETRY_SOURCE:
      return _("An Alertmanager has no feeds.");
    case HC_HUB_ACTION_ACKNOWLEDGE:
      return _("An Alertmanager acknowledges with a silence until a time you choose.");
    case HC_HUB_ACTION_RESOLVE:
      return _("An Alertmanager resolves an alert by itself when its cause clears.");
    case HC_HUB_ACTION_SILENCE:
    case HC_HUB_ACTION_EXPIRE_SILENCE:
    default:
      return NULL;
    }
}

const HcHubBackend hc_hub_backend_alertmanager = {
  .kind = HC_PROFILE_KIND_ALERTMANAGER,
  .lists = 1 << HC_LIST_ALERTS,
  .actions = (1 << HC_HUB_ACTION_SILENCE) | (1 << HC_HUB_ACTION_EXPIRE_SILENCE),
  .why_not = alertmanager_why_not,
  .start = alertmanager_start,
  .silence_alert = alertmanager_silence_alert,
  .expire_silence = alertmanager_expire_silence,
};
