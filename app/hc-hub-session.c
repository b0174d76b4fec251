/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-client-private.h"
#include "hc-error.h"
#include "hc-hub-private.h"
#include "hc-parser.h"

/*
 * One job: a hub's session: who we are (/me), which starts the event
 * stream and the lists, and the overview (/overview), coalesced so a burst
 * of events costs one request.
 */

/* @body parsed by @func, as the client would in hc_client_call_async(). */
gpointer
hc_hub_parse_body (GBytes          *body,
                   gpointer       (*func) (JsonNode *, GError **),
                   GError         **error)
{
  g_autoptr(JsonNode) node = hc_parse_json_bytes (body, error);

  if (node == NULL)
    return NULL;

  return func (node, error);
}

static gboolean overview_timeout_cb (gpointer user_data);

void
hc_hub_schedule_overview (HcHub *self)
{
  /* Coalesce: a burst of events costs one /overview. */
  if (self->overview_source != NULL)
    return;

  self->overview_source = g_timeout_source_new (self->overview_delay_ms);
  g_source_set_callback (self->overview_source, overview_timeout_cb, self, NULL);
  g_source_set_static_name (self->overview_source, "[hc] overview refresh");
  g_source_attach (self->overview_source, g_main_context_get_thread_default ());
}

static void
overview_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HcHub) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcOverview) overview = NULL;

  self->overview_inflight = FALSE;
  body = hc_client_get_bytes_finish (HC_CLIENT (object), result, &error);
  if (body != NULL)
    overview = hc_hub_parse_body (body, (gpointer (*) (JsonNode *, GError **)) hc_parse_overview, &error);

  if (overview == NULL)
    {
      if (hc_error_get_recovery (error) == HC_ERROR_RECOVERY_SIGN_IN)
        hc_hub_sign_out (self, error);
      else if (!g_error_matches (error, HC_ERROR, HC_ERROR_CANCELLED))
        {
          if (self->overview_error == NULL)
            g_message ("Hub %s: its overview could not be read: %s", self->key, error->message);
          hc_hub_set_overview_error (self, error);
        }
      return;
    }

  hc_hub_set_overview_error (self, NULL);

  g_clear_pointer (&self->overview_body, g_bytes_unref);
  self->overview_body = g_steal_pointer (&body);
  g_set_object (&self->overview, overview);
  hc_hub_notify (self, HC_HUB_PROP_OVERVIEW);

  hc_hub_snapshot_save_overview (self);

  if (self->overview_again)
    {
      self->overview_again = FALSE;
      hc_hub_schedule_overview (self);
    }
}

static void
refresh_overview (HcHub *self)
{
  if (self->overview_inflight)
    {
      self->overview_again = TRUE;
      return;
    }

  self->overview_inflight = TRUE;
  hc_client_get_bytes_async (self->client, "/overview", self->cancellable,
                             overview_cb, g_object_ref (self));
}

static gboolean
overview_timeout_cb (gpointer user_data)
{
  HcHub *self = user_data;

  g_clear_pointer (&self->overview_source, g_source_unref);
  if (self->state != HC_HUB_SIGNED_OUT)
    refresh_overview (self);
  return G_SOURCE_REMOVE;
}

static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(HcHub) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcMe) me = NULL;

  body = hc_client_get_bytes_finish (HC_CLIENT (object), result, &error);
  if (body != NULL)
    me = hc_hub_parse_body (body, (gpointer (*) (JsonNode *, GError **)) hc_parse_me, &error);

  if (!self->started)
    return;

  if (me == NULL)
    {
      HcErrorRecovery recovery = hc_error_get_recovery (error);

      if (recovery != HC_ERROR_RECOVERY_SIGN_IN && recovery != HC_ERROR_RECOVERY_NONE)
        hc_hub_snapshot_load (self);
      hc_hub_went_offline (self, error);
      return;
    }

  g_clear_pointer (&self->me_body, g_bytes_unref);
  self->me_body = g_steal_pointer (&body);
  g_set_object (&self->me, me);
  hc_hub_notify (self, HC_HUB_PROP_ME);

  if (hc_event_stream_get_state (self->stream) == HC_EVENT_STREAM_LIVE)
    hc_hub_fetch_start (self);
  else
    {
      /* Fetch once the stream is up, so no event falls in between. */
      self->fetch_pending = TRUE;
      hc_event_stream_start (self->stream);
    }
  /* After the stream: a hub that answers in turn (the demo hub does)
   * makes /overview's sums before it answers what was asked after them,
   * and the lists wait for the stream. */
  refresh_overview (self);
}

/* Connect and read, the way this kind of hub is read. */
void
hc_hub_session_start (HcHub *self)
{
  self->backend->start (self);
}

void
hc_hub_session_start_hub_api (HcHub *self)
{
  hc_hub_clear_source (&self->retry_source);
  if (self->state != HC_HUB_OFFLINE)
    hc_hub_set_state (self, HC_HUB_CONNECTING);
  hc_client_get_bytes_async (self->client, "/me", self->cancellable, me_cb, g_object_ref (self));
}

