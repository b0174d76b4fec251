/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-error.h"
#include "hc-hub-private.h"

/*
 * One job: the hub's state and what goes with it: its last error, the
 * errors of its lists and overview, the time it was last updated, the
 * offline copy shown, and what a failure does (offline and a retry later,
 * or signed out until a new token).
 */

void
hc_hub_set_state (HcHub      *self,
                  HcHubState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  hc_hub_notify (self, HC_HUB_PROP_STATE);
}

void
hc_hub_set_last_error (HcHub        *self,
                       const GError *error)
{
  if (self->last_error == NULL && error == NULL)
    return;

  g_clear_error (&self->last_error);
  if (error != NULL)
    self->last_error = g_error_copy (error);
  hc_hub_notify (self, HC_HUB_PROP_LAST_ERROR);
}

void
hc_hub_touch_updated (HcHub     *self,
                      GDateTime *when)
{
  g_clear_pointer (&self->last_updated, g_date_time_unref);
  self->last_updated = when ? g_date_time_ref (when) : g_date_time_new_now_utc ();
  hc_hub_notify (self, HC_HUB_PROP_LAST_UPDATED);
}

void
hc_hub_set_showing_snapshot (HcHub  *self,
                             gint64  fetched_at)
{
  if (self->snapshot_fetched_at == fetched_at)
    return;

  self->snapshot_fetched_at = fetched_at;
  hc_hub_notify (self, HC_HUB_PROP_SNAPSHOT_AGE);
}

void
hc_hub_clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

void
hc_hub_set_list_error (HcHub        *self,
                       HcListKind    kind,
                       const GError *error)
{
  if (self->list_errors[kind] == NULL && error == NULL)
    return;
  g_clear_error (&self->list_errors[kind]);
  if (error != NULL)
    self->list_errors[kind] = g_error_copy (error);
  hc_hub_notify (self, HC_HUB_PROP_PARTIAL);
}

void
hc_hub_set_overview_error (HcHub        *self,
                           const GError *error)
{
  if (self->overview_error == NULL && error == NULL)
    return;
  g_clear_error (&self->overview_error);
  if (error != NULL)
    self->overview_error = g_error_copy (error);
  hc_hub_notify (self, HC_HUB_PROP_PARTIAL);
}

static gboolean
retry_cb (gpointer user_data)
{
  HcHub *self = user_data;

  g_clear_pointer (&self->retry_source, g_source_unref);
  hc_hub_session_start (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (HcHub *self)
{
  guint delay_ms;

  if (self->retry_source != NULL || !self->started)
    return;

  delay_ms = hc_backoff_next (&self->backoff, hc_client_get_retry_after (self->client));

  self->retry_source = g_timeout_source_new (delay_ms);
  g_source_set_callback (self->retry_source, retry_cb, self, NULL);
  g_source_set_static_name (self->retry_source, "[hc] hub retry");
  g_source_attach (self->retry_source, g_main_context_get_thread_default ());
}

void
hc_hub_sign_out (HcHub        *self,
                 const GError *error)
{
  /* Stopped until a new token: hc_hub_set_token() or hc_hub_start(). */
  self->started = FALSE;
  hc_hub_clear_source (&self->retry_source);
  hc_hub_clear_source (&self->overview_source);
  hc_hub_alertmanager_stop (self);
  hc_hub_fetch_abandon (self);
  self->fetch_pending = FALSE;
  hc_event_stream_stop (self->stream);
  hc_hub_set_last_error (self, error);
  hc_hub_set_state (self, HC_HUB_SIGNED_OUT);
}

/* A failure of /me or the lists: the hub is offline for us. */
void
hc_hub_went_offline (HcHub        *self,
                     const GError *error)
{
  HcErrorRecovery recovery = hc_error_get_recovery (error);

  if (recovery == HC_ERROR_RECOVERY_SIGN_IN)
    {
      hc_hub_sign_out (self, error);
      return;
    }

  if (recovery == HC_ERROR_RECOVERY_NONE)
    return;

  hc_hub_set_last_error (self, error);
  hc_hub_set_state (self, HC_HUB_OFFLINE);
  if (recovery == HC_ERROR_RECOVERY_RETRY)
    schedule_retry (self);
}
