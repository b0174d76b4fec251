/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

#include "hc-client.h"
#include "hc-parser.h"

G_BEGIN_DECLS

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

/* Maps an error from reading a body stream to HC_ERROR. */
GError     *hc_client_map_error          (HcClient            *self,
                                          const GError        *error,
                                          const char          *fingerprint);

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

typedef void (*HcCursorFunc) (const char *next_cursor,
                              gpointer    user_data);

/* Parses a list page; @cursor_func runs (in the parsing thread) as soon as
 * the envelope is read, before the rows are built, so the caller can fetch
 * the next page while this one is still being parsed. */
HcListPage *hc_list_page_parse_full      (GBytes              *body,
                                          HcListKind           kind,
                                          HcCursorFunc         cursor_func,
                                          gpointer             cursor_data,
                                          GError             **error);

G_END_DECLS
