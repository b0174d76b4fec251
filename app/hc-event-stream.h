/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hc-backoff.h"
#include "hc-client.h"

G_BEGIN_DECLS

#define HC_EVENT_STREAM_DEFAULT_WATCHDOG    45      /* s without a byte before reconnecting */
#define HC_EVENT_STREAM_DEFAULT_BACKOFF_MS  HC_BACKOFF_DEFAULT_INITIAL_MS
#define HC_EVENT_STREAM_DEFAULT_BACKOFF_MAX HC_BACKOFF_DEFAULT_MAX_MS

typedef enum {
  HC_EVENT_STREAM_STOPPED,
  HC_EVENT_STREAM_CONNECTING,
  HC_EVENT_STREAM_LIVE,
  HC_EVENT_STREAM_RECONNECTING,
} HcEventStreamState;

#define HC_TYPE_EVENT_STREAM_STATE (hc_event_stream_state_get_type ())
GType hc_event_stream_state_get_type (void) G_GNUC_CONST;

#define HC_TYPE_EVENT_STREAM (hc_event_stream_get_type ())
G_DECLARE_FINAL_TYPE (HcEventStream, hc_event_stream, HC, EVENT_STREAM, GObject)

/*
 * The hub's Server-Sent Events (GET /api/v1/events), kept open: reconnects
 * with exponential backoff and full jitter (HcBackoff: 1 s doubling up to
 * 60 s, back to 1 s after a healthy connection), resumes with
 * Last-Event-ID, and reconnects when nothing (not even a heartbeat
 * comment) arrived for the watchdog period. Stops for good on errors that retrying
 * cannot fix (hc_error_get_recovery(): unauthorized, forbidden, not found,
 * untrusted certificate, plaintext refused, ...).
 *
 * Signals:
 *  - "event" (const char *name, JsonNode *data, const char *id): one event
 *    whose data is a JSON value; events with other data are skipped;
 *  - "reset": the hub no longer has our resume point: fetch lists afresh;
 *  - "state-changed" (HcEventStreamState state, GError *last_error).
 */
HcEventStream      *hc_event_stream_new               (HcClient       *client);
HcClient           *hc_event_stream_get_client        (HcEventStream  *self);
void                hc_event_stream_start             (HcEventStream  *self);
void                hc_event_stream_stop              (HcEventStream  *self);
HcEventStreamState  hc_event_stream_get_state         (HcEventStream  *self);
const GError       *hc_event_stream_get_last_error    (HcEventStream  *self);
const char         *hc_event_stream_get_last_event_id (HcEventStream  *self);
void                hc_event_stream_set_last_event_id (HcEventStream  *self,
                                                       const char     *id);
guint               hc_event_stream_get_reconnects    (HcEventStream  *self);
void                hc_event_stream_set_watchdog      (HcEventStream  *self,
                                                       guint           seconds);
void                hc_event_stream_set_backoff       (HcEventStream  *self,
                                                       guint           initial_ms,
                                                       guint           max_ms);

G_END_DECLS
