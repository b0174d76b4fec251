/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-client-private.h"
#include "hc-error.h"
#include "hc-hub-private.h"

/*
 * One job: the HcHub object, its properties, signal and public getters.
 * Its state and errors and the retry after a failure (hc-hub-state.c),
 * the session, /me and /overview (hc-hub-session.c),
 * fetching the lists (hc-hub-fetch.c), events (hc-hub-events.c), the offline copy
 * (hc-hub-snapshot.c) and actions (hc-hub-actions.c) share the struct in
 * hc-hub-private.h.
 */

#define DEFAULT_OVERVIEW_DELAY_MS 2000

G_DEFINE_FINAL_TYPE (HcHub, hc_hub, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HcHubState, hc_hub_state,
  G_DEFINE_ENUM_VALUE (HC_HUB_CONNECTING, "connecting"),
  G_DEFINE_ENUM_VALUE (HC_HUB_CONNECTED, "connected"),
  G_DEFINE_ENUM_VALUE (HC_HUB_OFFLINE, "offline"),
  G_DEFINE_ENUM_VALUE (HC_HUB_SIGNED_OUT, "signed-out"))

static GParamSpec *properties[HC_HUB_N_PROPS];

enum {
  SIGNAL_ITEM_EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
hc_hub_notify (HcHub     *self,
               HcHubProp  prop)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

void
hc_hub_emit_item_event (HcHub      *self,
                        const char *name,
                        HcItem     *item,
                        const char *id)
{
  g_signal_emit (self, signals[SIGNAL_ITEM_EVENT], g_quark_try_string (name), name, item, id);
}

/* ---- object ----------------------------------------------------------------- */

static void
hc_hub_constructed (GObject *object)
{
  HcHub *self = HC_HUB (object);

  G_OBJECT_CLASS (hc_hub_parent_class)->constructed (object);

  g_assert (self->client != NULL);
  self->stream = hc_event_stream_new (self->client);
  hc_hub_events_connect (self);

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      self->stores[kind] = hc_item_store_new (hc_list_kind_item_type (kind));
      /* Views sort and filter these lists: a changed row must move. */
      hc_item_store_set_announce_updates (self->stores[kind], TRUE);
    }
}

static void
hc_hub_dispose (GObject *object)
{
  HcHub *self = HC_HUB (object);

  /* A worker thread dropping the last reference (a GTask's source object)
   * would tear the hub's sources and signals down under the main loop. */
  if (self->owner != g_thread_self ())
    g_critical ("A hub was disposed on a thread other than its own");
  self->started = FALSE;
  g_cancellable_cancel (self->cancellable);
  hc_hub_clear_source (&self->retry_source);
  hc_hub_clear_source (&self->overview_source);
  hc_hub_clear_source (&self->list_retry_source);
  hc_hub_clear_source (&self->events_poll_source);
  hc_hub_alertmanager_stop (self);
  hc_hub_fetch_abandon (self);
  if (self->stream != NULL)
    hc_event_stream_stop (self->stream);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->held_events, g_ptr_array_unref);
  hc_hub_clear_source (&self->event_source);
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    g_clear_pointer (&self->event_items[kind], g_ptr_array_unref);
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    g_clear_object (&self->stores[kind]);
  g_clear_object (&self->me);
  g_clear_object (&self->overview);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (hc_hub_parent_class)->dispose (object);
}

static void
hc_hub_finalize (GObject *object)
{
  HcHub *self = HC_HUB (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->me_body, g_bytes_unref);
  g_clear_pointer (&self->overview_body, g_bytes_unref);
  g_clear_pointer (&self->last_updated, g_date_time_unref);
  g_clear_error (&self->last_error);
  g_clear_error (&self->overview_error);
  g_clear_error (&self->events_error);
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    g_clear_error (&self->list_errors[kind]);
  g_free (self->key);

  G_OBJECT_CLASS (hc_hub_parent_class)->finalize (object);
}

static void
hc_hub_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  HcHub *self = HC_HUB (object);

  switch (prop_id)
    {
    case HC_HUB_PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case HC_HUB_PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case HC_HUB_PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case HC_HUB_PROP_LAST_ERROR:
      g_value_set_boxed (value, self->last_error);
      break;
    case HC_HUB_PROP_LAST_UPDATED:
      g_value_set_boxed (value, self->last_updated);
      break;
    case HC_HUB_PROP_ME:
      g_value_set_object (value, self->me);
      break;
    case HC_HUB_PROP_OVERVIEW:
      g_value_set_object (value, self->overview);
      break;
    case HC_HUB_PROP_SNAPSHOT_AGE:
      g_value_set_int64 (value, hc_hub_get_snapshot_age (self));
      break;
    case HC_HUB_PROP_LOADING:
      g_value_set_boolean (value, self->fetch != NULL);
      break;
    case HC_HUB_PROP_PARTIAL:
      g_value_set_boolean (value, hc_hub_get_partial (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_hub_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  HcHub *self = HC_HUB (object);

  switch (prop_id)
    {
    case HC_HUB_PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    case HC_HUB_PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_hub_class_init (HcHubClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hc_hub_constructed;
  object_class->dispose = hc_hub_dispose;
  object_class->finalize = hc_hub_finalize;
  object_class->get_property = hc_hub_get_property;
  object_class->set_property = hc_hub_set_property;

  properties[HC_HUB_PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[HC_HUB_PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[HC_HUB_PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HC_TYPE_HUB_STATE, HC_HUB_CONNECTING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[HC_HUB_PROP_LAST_ERROR] =
    g_param_spec_boxed ("last-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[HC_HUB_PROP_LAST_UPDATED] =
    g_param_spec_boxed ("last-updated", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[HC_HUB_PROP_ME] =
    g_param_spec_object ("me", NULL, NULL, HC_TYPE_ME,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[HC_HUB_PROP_OVERVIEW] =
    g_param_spec_object ("overview", NULL, NULL, HC_TYPE_OVERVIEW,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[HC_HUB_PROP_SNAPSHOT_AGE] =
    g_param_spec_int64 ("snapshot-age", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[HC_HUB_PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[HC_HUB_PROP_PARTIAL] =
    g_param_spec_boolean ("partial", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, HC_HUB_N_PROPS, properties);

  /**
   * HcHub::item-event:
   * @name: the event's name ("alert.created", "source.updated"...)
   * @item: the item it brought, parsed once for every listener
   * @id: (nullable): the event's id
   *
   * An event that brought an item, as soon as it comes: also while the
   * lists are being fetched and the item waits to go into its model.
   */
  signals[SIGNAL_ITEM_EVENT] =
    g_signal_new ("item-event", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  HC_TYPE_ITEM,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
hc_hub_init (HcHub *self)
{
  self->owner = g_thread_self ();
  self->cancellable = g_cancellable_new ();
  self->state = HC_HUB_CONNECTING;
  self->overview_delay_ms = DEFAULT_OVERVIEW_DELAY_MS;
  hc_backoff_init (&self->backoff, HC_BACKOFF_DEFAULT_INITIAL_MS, HC_BACKOFF_DEFAULT_MAX_MS);
  self->page_limit = HC_CLIENT_DEFAULT_PAGE_LIMIT;
  self->backend = &hc_hub_backend_hub_api;
  self->poll_interval = 15;
}

/**
 * hc_hub_new:
 * @key: what names this hub in the offline copy (profile id or URL)
 * @client: the hub's client
 */
HcHub *
hc_hub_new (const char *key,
            HcClient   *client)
{
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);

  return g_object_new (HC_TYPE_HUB, "key", key, "client", client, NULL);
}

const char *
hc_hub_get_key (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->key;
}

HcClient *
hc_hub_get_client (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->client;
}

HcEventStream *
hc_hub_get_event_stream (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->stream;
}

void
hc_hub_set_snapshot (HcHub      *self,
                     HcSnapshot *snapshot)
{
  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (snapshot == NULL || HC_IS_SNAPSHOT (snapshot));

  g_set_object (&self->snapshot, snapshot);
}

void
hc_hub_set_overview_delay (HcHub *self,
                           guint  delay_ms)
{
  g_return_if_fail (HC_IS_HUB (self));
  self->overview_delay_ms = delay_ms;
}

/**
 * hc_hub_get_events_error:
 * Why the hub's event stream stopped for good (the hub has no /events, or
 * refuses it), while its lists are read again every poll interval
 * instead; NULL while the stream is live or trying.
 */
const GError *
hc_hub_get_events_error (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->events_error;
}

void
hc_hub_set_page_limit (HcHub *self,
                       guint  limit)
{
  g_return_if_fail (HC_IS_HUB (self));
  self->page_limit = limit ? limit : HC_CLIENT_DEFAULT_PAGE_LIMIT;
}

/**
 * hc_hub_start:
 * Starts (or, when signed out, restarts after the client got a new
 * token) the hub; does nothing while it runs.
 */
void
hc_hub_set_kind (HcHub      *self,
                 const char *kind)
{
  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (!self->started);

  self->backend = hc_hub_backend_for_kind (kind);
}

const char *
hc_hub_get_kind (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);

  return self->backend->kind;
}

void
hc_hub_set_poll_interval (HcHub *self,
                          guint  seconds)
{
  g_return_if_fail (HC_IS_HUB (self));

  self->poll_interval = MAX (seconds, 1);
}

/**
 * hc_hub_get_poll_interval:
 * How often (s) a hub that does not push its changes is read again: an
 * Alertmanager, or a hub whose event stream could not be read.
 */
guint
hc_hub_get_poll_interval (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), 0);
  return self->poll_interval;
}

void
hc_hub_set_user_name (HcHub      *self,
                      const char *user_name)
{
  g_return_if_fail (HC_IS_HUB (self));

  g_free (self->user_name);
  self->user_name = g_strdup (user_name);
}

/* Whether this kind of hub has the list @kind at all (an Alertmanager has
 * alerts only): a list it does not serve is not shown, rather than unknown. */
gboolean
hc_hub_serves (HcHub      *self,
               HcListKind  kind)
{
  g_return_val_if_fail (HC_IS_HUB (self), FALSE);

  return (self->backend->lists & (1u << kind)) != 0;
}

/**
 * hc_hub_can:
 * @reason: (out) (optional): when not, why, translated, for the operator
 */
gboolean
hc_hub_can (HcHub        *self,
            HcHubAction   action,
            const char  **reason)
{
  gboolean can;

  g_return_val_if_fail (HC_IS_HUB (self), FALSE);

  can = (self->backend->actions & (1u << action)) != 0;
  if (reason != NULL)
    *reason = can ? NULL : self->backend->why_not (action);
  return can;
}

void
hc_hub_start (HcHub *self)
{
  g_return_if_fail (HC_IS_HUB (self));

  if (self->started)
    return;

  self->started = TRUE;
  hc_backoff_reset (&self->backoff);
  hc_hub_session_start (self);
}

void
hc_hub_stop (HcHub *self)
{
  g_return_if_fail (HC_IS_HUB (self));

  self->started = FALSE;
  self->fetch_pending = FALSE;
  hc_hub_clear_source (&self->retry_source);
  hc_hub_clear_source (&self->overview_source);
  hc_hub_clear_source (&self->list_retry_source);
  hc_hub_alertmanager_stop (self);
  hc_hub_fetch_abandon (self);
  hc_event_stream_stop (self->stream);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->overview_inflight = FALSE;
}

/**
 * hc_hub_refresh:
 * Fetches /me, /overview and the lists now (cheap when nothing changed:
 * list pages are conditional on their ETag).
 */
void
hc_hub_refresh (HcHub *self)
{
  g_return_if_fail (HC_IS_HUB (self));

  if (self->state == HC_HUB_SIGNED_OUT)
    return;

  if (!self->started)
    {
      hc_hub_start (self);
      return;
    }

  hc_backoff_reset (&self->backoff);
  hc_hub_session_start (self);
}

/**
 * hc_hub_set_token:
 * A new token, e.g. after signing in again; restarts a signed-out hub.
 */
void
hc_hub_set_token (HcHub      *self,
                  const char *token)
{
  g_return_if_fail (HC_IS_HUB (self));

  hc_client_set_token (self->client, token);
  if (self->state == HC_HUB_SIGNED_OUT)
    {
      hc_hub_set_state (self, HC_HUB_CONNECTING);
      hc_hub_start (self);
    }
  else if (self->started)
    {
      /* Another token may be another user with another role. */
      hc_hub_refresh (self);
    }
}

HcHubState
hc_hub_get_state (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), HC_HUB_OFFLINE);
  return self->state;
}

const GError *
hc_hub_get_last_error (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->last_error;
}

/**
 * hc_hub_get_untrusted_fingerprint:
 * While the hub is unreachable because its certificate is not trusted,
 * that certificate's SHA-256 fingerprint (hc_fingerprint_normalize()
 * form), so the operator can be offered to pin exactly it; %NULL
 * otherwise. Take it from here, never from the error's message.
 */
const char *
hc_hub_get_untrusted_fingerprint (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);

  if (!g_error_matches (self->last_error, HC_ERROR, HC_ERROR_TLS_UNTRUSTED))
    return NULL;
  return hc_client_get_untrusted_fingerprint (self->client);
}

GDateTime *
hc_hub_get_last_updated (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->last_updated;
}

HcMe *
hc_hub_get_me (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->me;
}

HcOverview *
hc_hub_get_overview (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->overview;
}

/**
 * hc_hub_get_snapshot_age:
 * Seconds since the offline copy on show was fetched, or -1 when the
 * models hold live data (or nothing).
 */
gint64
hc_hub_get_snapshot_age (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), -1);

  if (self->snapshot_fetched_at == 0)
    return -1;

  return MAX (0, g_get_real_time () / G_USEC_PER_SEC - self->snapshot_fetched_at);
}

gboolean
hc_hub_get_loading (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), FALSE);
  return self->fetch != NULL;
}

HcItemStore *
hc_hub_get_model (HcHub      *self,
                  HcListKind  kind)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  g_return_val_if_fail (kind < HC_LIST_N_KINDS, NULL);
  return self->stores[kind];
}

HcItemStore *
hc_hub_get_sources (HcHub *self)
{
  return hc_hub_get_model (self, HC_LIST_SOURCES);
}

HcItemStore *
hc_hub_get_datasets (HcHub *self)
{
  return hc_hub_get_model (self, HC_LIST_DATASETS);
}

HcItemStore *
hc_hub_get_pools (HcHub *self)
{
  return hc_hub_get_model (self, HC_LIST_POOLS);
}

HcItemStore *
hc_hub_get_nodes (HcHub *self)
{
  return hc_hub_get_model (self, HC_LIST_NODES);
}

HcItemStore *
hc_hub_get_alerts (HcHub *self)
{
  return hc_hub_get_model (self, HC_LIST_ALERTS);
}

/**
 * hc_hub_get_list_complete:
 * Whether the model of @kind holds the hub's whole list: read to its last
 * page (and kept current by events since), or from an offline copy that
 * held it. An incomplete list counts nothing.
 */
gboolean
hc_hub_get_list_complete (HcHub      *self,
                          HcListKind  kind)
{
  g_return_val_if_fail (HC_IS_HUB (self), FALSE);
  g_return_val_if_fail (kind < HC_LIST_N_KINDS, FALSE);
  return self->list_complete[kind];
}

/**
 * hc_hub_get_list_error:
 * Why the hub's list of @kind could not be read at the last fetch, while
 * the hub itself answered; %NULL when it was read.
 */
const GError *
hc_hub_get_list_error (HcHub      *self,
                       HcListKind  kind)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  g_return_val_if_fail (kind < HC_LIST_N_KINDS, NULL);
  return self->list_errors[kind];
}

/**
 * hc_hub_get_overview_error:
 * Why the hub's last /overview could not be read; %NULL after a good one.
 * The overview from before, if any, stays (hc_hub_get_overview()).
 */
const GError *
hc_hub_get_overview_error (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->overview_error;
}

/**
 * hc_hub_get_partial:
 * Whether the hub answers but some part of it (a list, the overview)
 * could not be read.
 */
gboolean
hc_hub_get_partial (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), FALSE);

  if (self->overview_error != NULL || self->events_error != NULL)
    return TRUE;
  /* A list this kind of hub does not have is no part of it missing. */
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    if (self->list_errors[kind] != NULL && hc_hub_serves (self, kind))
      return TRUE;
  return FALSE;
}

