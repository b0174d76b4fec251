/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hc-list-kind.h"
#include "hc-list-page.h"

G_BEGIN_DECLS

/* Limits a client applies unless told otherwise. */
#define HC_CLIENT_DEFAULT_CONNECT_TIMEOUT   30              /* s, until the answer's headers */
#define HC_CLIENT_DEFAULT_REQUEST_TIMEOUT   (120 * 1000)    /* ms, whole request incl. body */
#define HC_CLIENT_DEFAULT_MAX_RESPONSE_SIZE (64 * 1024 * 1024)
#define HC_CLIENT_DEFAULT_MAX_EVENT_SIZE    (1024 * 1024)
#define HC_CLIENT_DEFAULT_PAGE_LIMIT        1000

#define HC_TYPE_CLIENT (hc_client_get_type ())
G_DECLARE_FINAL_TYPE (HcClient, hc_client, HC, CLIENT, GObject)

/*
 * HcClient: one per hub profile, one SoupSession and one GCancellable.
 *
 * Every failure finishes as an HC_ERROR with a translated message:
 *  - UNREACHABLE: DNS, refused, reset, a malformed or non-HTTP address;
 *  - TIMED_OUT: connect/idle timeout or the whole-request deadline;
 *  - TLS_UNTRUSTED: the message names the certificate's SHA-256
 *    fingerprint for the operator to read; the UI takes it as data from
 *    hc_client_get_untrusted_fingerprint() (or hc_hub_get_untrusted_fingerprint(),
 *    hc_hub_manager_verify_finish()) to offer to pin it;
 *  - UNAUTHORIZED 401, FORBIDDEN 403, NOT_FOUND 404, CONFLICT 409,
 *    INVALID_REQUEST 400/422, HUB_ERROR 5xx and the rest, each with the
 *    problem+json title and detail when the hub sent them;
 *  - RATE_LIMITED 429: hc_client_get_retry_after() tells how long to wait;
 *  - MALFORMED_RESPONSE: not JSON, HTML, wrong shape or types;
 *  - RESPONSE_TOO_LARGE: over the limit by Content-Length or while reading;
 *  - PLAINTEXT_REFUSED: http:// to a host that is not loopback by
 *    hc_url_host_is_loopback() (decided before any lookup) unless allowed,
 *    and any redirect from https to http;
 *  - CANCELLED.
 *
 * TLS: the system's authorities; or, with a CA file, that file's
 * authorities only; or a pinned certificate, accepted whatever its issuer
 * or name. Redirects are followed only to the same host and port (an
 * http→https upgrade may change the port), so the token stays with the hub.
 * The token is kept in memory only and never logged.
 */

HcClient   *hc_client_new                 (const char  *base_url,
                                           const char  *token,
                                           const char  *ca_file,
                                           const char  *pinned_fingerprint,
                                           gboolean     allow_plaintext);

const char *hc_client_get_base_url        (HcClient    *self);
void        hc_client_set_token           (HcClient    *self,
                                           const char  *token);
void        hc_client_set_basic_user      (HcClient    *self,
                                           const char  *user);
void        hc_client_set_api_prefix      (HcClient    *self,
                                           const char  *prefix);
gboolean    hc_client_has_token           (HcClient    *self);
void        hc_client_set_ca_file         (HcClient    *self,
                                           const char  *ca_file);
void        hc_client_set_pinned_fingerprint (HcClient *self,
                                           const char  *fingerprint);
void        hc_client_set_allow_plaintext (HcClient    *self,
                                           gboolean     allow_plaintext);
void        hc_client_set_timeouts        (HcClient    *self,
                                           guint        connect_timeout_s,
                                           guint        request_timeout_ms);
void        hc_client_set_max_response_size (HcClient  *self,
                                           gsize        max_size);
gsize       hc_client_get_max_event_size  (HcClient    *self);
void        hc_client_set_max_event_size  (HcClient    *self,
                                           gsize        max_size);

void        hc_client_cancel_all          (HcClient    *self);
GCancellable *hc_client_get_cancellable   (HcClient    *self);

gboolean    hc_client_check_url           (HcClient    *self,
                                           GError     **error);
guint       hc_client_get_retry_after     (HcClient    *self);
const char *hc_client_get_untrusted_fingerprint (HcClient *self);


/* GET /health: returns the JSON object as is. */
void        hc_client_health_async        (HcClient            *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
JsonNode   *hc_client_health_finish       (HcClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* GET /me */
void        hc_client_me_async            (HcClient            *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcMe       *hc_client_me_finish           (HcClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* GET /overview */
void        hc_client_overview_async      (HcClient            *self,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcOverview *hc_client_overview_finish     (HcClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* One page of a list. @filters is a NULL-terminated array of
 * alternating names and values (names from the contract, e.g. "state",
 * "severity", "q"); @cursor is NULL for the first page. */
void        hc_client_list_async          (HcClient            *self,
                                           HcListKind           kind,
                                           const char * const  *filters,
                                           const char          *cursor,
                                           guint                limit,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcListPage *hc_client_list_finish         (HcClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Convenience wrappers with the contract's filters (NULL = not set). */
void        hc_client_list_sources_async  (HcClient *self, const char *status, const char *agency,
                                           const char *q, const char *cursor, guint limit,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
void        hc_client_list_datasets_async (HcClient *self, const char *below, const char *criterion,
                                           const char *q, const char *cursor, guint limit,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
void        hc_client_list_pools_async    (HcClient *self, const char *cursor, guint limit,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
void        hc_client_list_nodes_async    (HcClient *self, const char *cursor, guint limit,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);
void        hc_client_list_alerts_async   (HcClient *self, const char *state, const char *severity,
                                           const char *category, const char *since, const char *q,
                                           const char *cursor, guint limit,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback, gpointer user_data);

/* An item of a list with its detail lists filled (runs, rules and
 * history, timeline): for the kinds with a detail (hc_list_kind_get_info()). */
void        hc_client_detail_async        (HcClient            *self,
                                           HcListKind           kind,
                                           const char          *id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcItem     *hc_client_detail_finish       (HcClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* Actions. @idempotency_key may be NULL for a fresh random one; pass the
 * same key again when repeating the same click so the hub acts once. */
void        hc_client_retry_source_async  (HcClient            *self,
                                           const char          *id,
                                           const char          *idempotency_key,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcRun      *hc_client_retry_source_finish (HcClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void        hc_client_acknowledge_alert_async (HcClient        *self,
                                           const char          *id,
                                           const char          *comment,
                                           const char          *idempotency_key,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcAlert    *hc_client_acknowledge_alert_finish (HcClient       *self,
                                           GAsyncResult        *result,
                                           GError             **error);
void        hc_client_resolve_alert_async (HcClient            *self,
                                           const char          *id,
                                           const char          *comment,
                                           const char          *resolution,
                                           const char          *idempotency_key,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcAlert    *hc_client_resolve_alert_finish (HcClient           *self,
                                           GAsyncResult        *result,
                                           GError             **error);

/* GET /audit: supervisor only; a page of HcAuditEntry rows, newest
 * first. @actor, @action (an HcAuditAction nick) and @since (RFC 3339)
 * narrow it; %NULL leaves a filter off. */
void        hc_client_audit_async         (HcClient            *self,
                                           const char          *actor,
                                           const char          *action,
                                           const char          *since,
                                           const char          *cursor,
                                           guint                limit,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
HcListPage *hc_client_audit_finish        (HcClient            *self,
                                           GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
