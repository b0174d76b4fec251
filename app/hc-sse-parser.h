/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * An incremental text/event-stream parser (WHATWG HTML, "Server-sent
 * events", the parsing part only). Pure: no I/O, no main loop, no
 * threads; bytes go in through hc_sse_parser_feed() in chunks of any size
 * and events come out through the callback, in order, synchronously.
 *
 * Callbacks must not free the parser; they may call hc_sse_parser_reset(),
 * which drops the rest of the chunk being fed.
 */
typedef struct _HcSseParser HcSseParser;

/* id: the last event id in effect (NULL if none yet); event: "message" unless named. */
typedef void (*HcSseEventFunc)   (const char *id,
                                  const char *event,
                                  const char *data,
                                  gpointer    user_data);
/* text: the comment after the colon, leading space kept; heartbeats are usually empty. */
typedef void (*HcSseCommentFunc) (const char *text,
                                  gpointer    user_data);

HcSseParser  *hc_sse_parser_new                  (gsize             max_event_size);
void          hc_sse_parser_free                 (HcSseParser      *self);
void          hc_sse_parser_set_callback         (HcSseParser      *self,
                                                  HcSseEventFunc    func,
                                                  gpointer          user_data,
                                                  GDestroyNotify    destroy);
void          hc_sse_parser_set_comment_callback (HcSseParser      *self,
                                                  HcSseCommentFunc  func,
                                                  gpointer          user_data,
                                                  GDestroyNotify    destroy);
gboolean      hc_sse_parser_feed                 (HcSseParser      *self,
                                                  const char       *data,
                                                  gsize             len,
                                                  GError          **error);
void          hc_sse_parser_reset                (HcSseParser      *self);
const char   *hc_sse_parser_get_last_event_id    (HcSseParser      *self);
gint64        hc_sse_parser_get_retry            (HcSseParser      *self);
guint64       hc_sse_parser_get_comment_count    (HcSseParser      *self);
guint64       hc_sse_parser_get_event_count      (HcSseParser      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcSseParser, hc_sse_parser_free)

G_END_DECLS
