/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-client.h"
#include "hc-event-stream.h"
#include "hc-item-store.h"
#include "hc-me.h"
#include "hc-overview.h"
#include "hc-snapshot.h"

G_BEGIN_DECLS

typedef enum {
  HC_HUB_CONNECTING,
  HC_HUB_CONNECTED,
  HC_HUB_OFFLINE,
  HC_HUB_SIGNED_OUT,
} HcHubState;

/* What an operator can ask of an item; hc_hub_can() says whether this hub
 * offers it and, if not, why. */
typedef enum {
  HC_HUB_ACTION_RETRY_SOURCE,
  HC_HUB_ACTION_ACKNOWLEDGE,      /* with a comment, no end */
  HC_HUB_ACTION_SILENCE,          /* acknowledge with a comment until a time */
  HC_HUB_ACTION_RESOLVE,
  HC_HUB_ACTION_EXPIRE_SILENCE,
} HcHubAction;

#define HC_TYPE_HUB_STATE (hc_hub_state_get_type ())
GType hc_hub_state_get_type (void) G_GNUC_CONST;

#define HC_TYPE_HUB (hc_hub_get_type ())
G_DECLARE_FINAL_TYPE (HcHub, hc_hub, HC, HUB, GObject)

/*
 * One hub: its client, its event stream and one live model per list.
 *
 * hc_hub_start() fetches /me, opens the event stream and, once the stream
 * has connected (or failed its first attempt), fetches every list page by
 * page into the models; events received meanwhile are held back and
 * applied after, so none is lost and none is overtaken by an older page.
 * After every reconnect and on "reset" the lists are fetched again and the
 * models reconciled (hc_item_store_replace_all), so they equal the hub's
 * lists. A 401 anywhere signs the hub out until hc_hub_set_token().
 *
 * Properties: "state" (HcHubState), "last-error" (GError, nullable),
 * "last-updated" (GDateTime of the last good fetch or event), "me",
 * "overview", "snapshot-age" (seconds; -1 unless showing an offline copy),
 * "loading" (a list fetch is running), "partial" (the hub answers but a
 * list, its overview or its event stream could not be read:
 * hc_hub_get_list_error(), hc_hub_get_overview_error(),
 * hc_hub_get_events_error(); without a stream the hub is read again every
 * poll interval, hc_hub_get_poll_interval()). A list the hub cannot give (404, 500, a
 * body not in the contract's shape) leaves the others usable; only errors
 * of the whole hub (unreachable, untrusted, signed out) take it offline.
 * Signal "item-event" (name, HcItem, id): an event that brought an item,
 * parsed once, as soon as it comes.
 */
HcHub        *hc_hub_new                  (const char     *key,
                                           HcClient       *client);
const char   *hc_hub_get_key              (HcHub          *self);
HcClient     *hc_hub_get_client           (HcHub          *self);
HcEventStream *hc_hub_get_event_stream    (HcHub          *self);
void          hc_hub_set_snapshot         (HcHub          *self,
                                           HcSnapshot     *snapshot);
void          hc_hub_set_overview_delay   (HcHub          *self,
                                           guint           delay_ms);
void          hc_hub_set_page_limit       (HcHub          *self,
                                           guint           limit);

/* The kind (HcProfile:kind) and what it reads: set before hc_hub_start().
 * @user_name is who silences are created by. */
void          hc_hub_set_kind             (HcHub          *self,
                                           const char     *kind);
const char   *hc_hub_get_kind             (HcHub          *self);
void          hc_hub_set_poll_interval    (HcHub          *self,
                                           guint           seconds);
void          hc_hub_set_user_name        (HcHub          *self,
                                           const char     *user_name);
gboolean      hc_hub_serves               (HcHub          *self,
                                           HcListKind      kind);
gboolean      hc_hub_can                  (HcHub          *self,
                                           HcHubAction     action,
                                           const char    **reason);

void          hc_hub_start                (HcHub          *self);
void          hc_hub_stop                 (HcHub          *self);
void          hc_hub_refresh              (HcHub          *self);
void          hc_hub_set_token            (HcHub          *self,
                                           const char     *token);

HcHubState    hc_hub_get_state            (HcHub          *self);
const GError *hc_hub_get_last_error       (HcHub          *self);
const char   *hc_hub_get_untrusted_fingerprint (HcHub     *self);
GDateTime    *hc_hub_get_last_updated     (HcHub          *self);
HcMe         *hc_hub_get_me               (HcHub          *self);
HcOverview   *hc_hub_get_overview         (HcHub          *self);
gint64        hc_hub_get_snapshot_age     (HcHub          *self);
gboolean      hc_hub_get_loading          (HcHub          *self);
gboolean      hc_hub_get_list_complete    (HcHub          *self,
                                           HcListKind      kind);
const GError *hc_hub_get_list_error       (HcHub          *self,
                                           HcListKind      kind);
const GError *hc_hub_get_overview_error   (HcHub          *self);
const GError *hc_hub_get_events_error     (HcHub          *self);
guint         hc_hub_get_poll_interval    (HcHub          *self);
gboolean      hc_hub_get_partial          (HcHub          *self);

HcItemStore  *hc_hub_get_model            (HcHub          *self,
                                           HcListKind      kind);
HcItemStore  *hc_hub_get_sources          (HcHub          *self);
HcItemStore  *hc_hub_get_datasets         (HcHub          *self);
HcItemStore  *hc_hub_get_pools            (HcHub          *self);
HcItemStore  *hc_hub_get_nodes            (HcHub          *self);
HcItemStore  *hc_hub_get_alerts           (HcHub          *self);
gpointer      hc_hub_find_item            (HcHub          *self,
                                           HcListKind      kind,
                                           const char     *id);

/* An item's detail (runs, rules and history, timeline), for the lists
 * that have one (hc_list_kind_get_info()), merged into its row in place.
 * Finish returns the row as the model now holds it. */
void          hc_hub_fetch_detail_async   (HcHub               *self,
                                           HcListKind           kind,
                                           const char          *id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcItem       *hc_hub_fetch_detail_finish  (HcHub               *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Actions: the model is updated from the hub's answer right away (and
 * again by the event that follows). Finish returns the hub's answer: the
 * run started, or the alert as the model now holds it. */
void          hc_hub_retry_source_async   (HcHub               *self,
                                           const char          *id,
                                           const char          *idempotency_key,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcRun        *hc_hub_retry_source_finish  (HcHub               *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void          hc_hub_acknowledge_alert_async (HcHub            *self,
                                           const char          *id,
                                           const char          *comment,
                                           const char          *idempotency_key,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcAlert      *hc_hub_acknowledge_alert_finish (HcHub           *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void          hc_hub_resolve_alert_async  (HcHub               *self,
                                           const char          *id,
                                           const char          *comment,
                                           const char          *resolution,
                                           const char          *idempotency_key,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcAlert      *hc_hub_resolve_alert_finish (HcHub               *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Acknowledge until @ends_at (unix s), for hubs that can
 * (HC_HUB_ACTION_SILENCE: an Alertmanager's silence of exactly the alert's
 * labels); expire that silence now. Finish returns the alert as the model
 * holds it once the hub was read again. */
void          hc_hub_silence_alert_async  (HcHub               *self,
                                           const char          *id,
                                           const char          *comment,
                                           gint64               ends_at,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcAlert      *hc_hub_silence_alert_finish (HcHub               *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void          hc_hub_expire_silence_async (HcHub               *self,
                                           const char          *id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcAlert      *hc_hub_expire_silence_finish (HcHub              *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
