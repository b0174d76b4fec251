/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "hc-client.h"
#include "hc-etag-cache.h"
#include "hc-parser.h"

G_BEGIN_DECLS

/*
 * HcClient spans files, each with one job (as GNOME Text Editor splits a
 * class): hc-client.c the object, its settings, session and endpoints;
 * hc-client-request.c one HTTP exchange; hc-client-call.c a request and
 * its parse in a thread; hc-client-list.c the lists; hc-client-error.c
 * errors to HC_ERROR. They share the instance struct here.
 */
struct _HcClient
{
  GObject       parent_instance;

  char         *base_url;
  char         *token;
  char         *basic_user;           /* with a token: Basic auth, else Bearer */
  char         *api_prefix;           /* "/api/v1", or "/api/v2" for Alertmanager */
  char         *ca_file;
  char         *pinned_fingerprint;   /* hc_fingerprint_normalize() form */
  gboolean      allow_plaintext;
  guint         connect_timeout;
  guint         request_timeout_ms;
  gsize         max_response_size;
  gsize         max_event_size;

  SoupSession  *session;
  GError       *session_error;
  GCancellable *cancellable;
  GThread      *owner;       /* the thread it must be finalized on */
  HcEtagCache  *etags;
  gint64        rate_limited_until;   /* monotonic µs */
  char         *untrusted_fingerprint;
};

typedef enum {
  HC_REQUEST_AUTH   = 1 << 0,
  HC_REQUEST_ETAG   = 1 << 1,
  HC_REQUEST_STREAM = 1 << 2,
} HcRequestFlags;

/* hc-client.c */
gboolean     hc_client_check_uri       (HcClient     *self,
                                        GUri         *uri,
                                        GError      **error);
GUri        *hc_client_build_uri       (HcClient     *self,
                                        const char   *path,
                                        const char   *query,
                                        GError      **error);
SoupSession *hc_client_ensure_session  (HcClient     *self,
                                        GError      **error);
void         hc_client_drop_session    (HcClient     *self);

/* What one HTTP exchange produced, after redirects, status and size checks.
 * In stream mode (the event stream) @stream is the open body and @body is
 * NULL; otherwise @body holds the whole body. */
typedef struct {
  guint         status;
  GBytes       *body;
  char         *content_type;
  char         *etag;
  gboolean      not_modified;
  SoupMessage  *msg;
  GInputStream *stream;
} HcResponse;

void        hc_response_free (HcResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcResponse, hc_response_free)

/* Opens GET @path (below /api/v1) as a stream: returns once the headers of
 * a 2xx answer arrived; errors are mapped to HC_ERROR like any request.
 * No overall deadline applies to the body: the caller watches it. */
void        hc_client_open_stream_async  (HcClient            *self,
                                          const char          *path,
                                          const char          *accept,
                                          const char          *last_event_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
HcResponse *hc_client_open_stream_finish (HcClient            *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* GET @path (below /api/v1) with auth; the raw body after all checks. */
void        hc_client_get_bytes_async    (HcClient            *self,
                                          const char          *path,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GBytes     *hc_client_get_bytes_finish   (HcClient            *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* The raw page of a list (no parsing), with ETag handling. */
void        hc_client_list_raw_async     (HcClient            *self,
                                          HcListKind           kind,
                                          const char * const  *filters,
                                          const char          *cursor,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
HcResponse *hc_client_list_raw_finish    (HcClient            *self,
                                          GAsyncResult        *result,
                                          GError             **error);

/* hc-client-request.c */
void        hc_client_request_async  (HcClient            *self,
                                      const char          *method,
                                      const char          *path,
                                      const char          *query,
                                      JsonNode            *body,
                                      const char          *idempotency_key,
                                      const char          *accept,
                                      const char          *last_event_id,
                                      HcRequestFlags       flags,
                                      gsize                max_size,
                                      GCancellable        *cancellable,
                                      gpointer             source_tag,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
HcResponse *hc_client_request_finish (HcClient            *self,
                                      GAsyncResult        *result,
                                      GError             **error);

/* hc-client-call.c: the answer parsed in a thread by @func. */
typedef gpointer (*HcClientParseFunc) (JsonNode *node, GError **error);

void        hc_client_call_async      (HcClient            *self,
                                       const char          *method,
                                       const char          *path,
                                       const char          *query,
                                       JsonNode            *body,
                                       const char          *idempotency_key,
                                       HcRequestFlags       flags,
                                       HcClientParseFunc    func,
                                       GDestroyNotify       destroy,
                                       GCancellable        *cancellable,
                                       gpointer             source_tag,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
void        hc_client_call_list_async (HcClient            *self,
                                       HcListKind           kind,
                                       const char          *query,
                                       GCancellable        *cancellable,
                                       gpointer             source_tag,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gpointer    hc_client_call_finish     (HcClient            *self,
                                       GAsyncResult        *result,
                                       gpointer             source_tag,
                                       GError             **error);

/* hc-client-error.c */
GError     *hc_client_error_from_transport (HcClient             *self,
                                            const GError         *error,
                                            const char           *fingerprint);
GError     *hc_client_error_from_tls       (HcClient             *self,
                                            const GError         *error,
                                            const char           *fingerprint,
                                            GTlsCertificateFlags  errors);
GError     *hc_client_error_from_status    (HcClient             *self,
                                            SoupMessage          *msg,
                                            GBytes               *body);
GError     *hc_client_error_as_malformed   (GError               *error);

G_END_DECLS
