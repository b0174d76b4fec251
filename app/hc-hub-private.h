/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-backoff.h"
#include "hc-hub.h"
#include "hc-hub-backend.h"

G_BEGIN_DECLS

/*
 * HcHub spans files, each with one job: hc-hub.c the object, its state,
 * /me and /overview; hc-hub-fetch.c the lists; hc-hub-events.c the
 * events; hc-hub-snapshot.c the offline copy; hc-hub-actions.c the
 * actions on items. They share the instance struct here.
 */

typedef struct _HcHubFetch HcHubFetch;

struct _HcHub
{
  GObject         parent_instance;

  char           *key;
  HcClient       *client;
  HcEventStream  *stream;
  HcSnapshot     *snapshot;
  HcItemStore    *stores[HC_LIST_N_KINDS];
  gboolean        list_complete[HC_LIST_N_KINDS];
  GError         *list_errors[HC_LIST_N_KINDS];
  GError         *overview_error;
  GError         *events_error;         /* the event stream stopped for good */
  GSource        *events_poll_source;   /* re-reads while there is no stream */
  GSource        *list_retry_source;
  guint           list_attempt;

  HcMe           *me;
  GBytes         *me_body;
  HcOverview     *overview;
  GBytes         *overview_body;

  HcHubState      state;
  GError         *last_error;
  GDateTime      *last_updated;
  gint64          snapshot_fetched_at;  /* unix s; 0 unless showing a snapshot */
  gboolean        have_live_data;
  gboolean        snapshot_saved;

  gboolean        started;
  gboolean        fetch_pending;        /* fetch lists once the stream settles */
  HcHubFetch     *fetch;
  GPtrArray      *held_events;
  GPtrArray      *event_items[HC_LIST_N_KINDS]; /* from events, not yet in the models */
  GSource        *event_source;                 /* puts them in (hc-hub-events.c) */
  gint64          events_flushed_at;            /* when they last went in */
  guint           events_slice;                 /* items per turn in a burst */
  gboolean        events_waiting;               /* event_source waits out the interval */
  GCancellable   *cancellable;
  GThread        *owner;           /* the thread it must be finalized on */
  GSource        *retry_source;
  HcBackoff       backoff;
  GSource        *overview_source;
  gboolean        overview_inflight;
  gboolean        overview_again;
  guint           overview_delay_ms;
  guint           page_limit;

  const HcHubBackend *backend;
  char           *user_name;
  guint           poll_interval;        /* s, for kinds that poll */
  GSource        *poll_source;
  JsonNode       *polled;               /* the last list as the kind sent it */
  GPtrArray      *poll_waiters;         /* GTasks done at the next read */
  gboolean        poll_inflight;
  gboolean        poll_again;
  guint           poll_generation;      /* a read of an older one is dropped */
};

typedef enum {
  HC_HUB_PROP_0,
  HC_HUB_PROP_KEY,
  HC_HUB_PROP_CLIENT,
  HC_HUB_PROP_STATE,
  HC_HUB_PROP_LAST_ERROR,
  HC_HUB_PROP_LAST_UPDATED,
  HC_HUB_PROP_ME,
  HC_HUB_PROP_OVERVIEW,
  HC_HUB_PROP_SNAPSHOT_AGE,
  HC_HUB_PROP_LOADING,
  HC_HUB_PROP_PARTIAL,
  HC_HUB_N_PROPS
} HcHubProp;

/* hc-hub.c */
void        hc_hub_notify               (HcHub        *self,
                                         HcHubProp     prop);
void        hc_hub_emit_item_event      (HcHub        *self,
                                         const char   *name,
                                         HcItem       *item,
                                         const char   *id);

/* hc-hub-state.c */
void        hc_hub_set_state            (HcHub        *self,
                                         HcHubState    state);
void        hc_hub_set_last_error       (HcHub        *self,
                                         const GError *error);
void        hc_hub_touch_updated        (HcHub        *self,
                                         GDateTime    *when);
void        hc_hub_set_showing_snapshot (HcHub        *self,
                                         gint64        fetched_at);
void        hc_hub_set_list_error       (HcHub        *self,
                                         HcListKind    kind,
                                         const GError *error);
void        hc_hub_set_overview_error   (HcHub        *self,
                                         const GError *error);
void        hc_hub_sign_out             (HcHub        *self,
                                         const GError *error);
void        hc_hub_went_offline         (HcHub        *self,
                                         const GError *error);
void        hc_hub_clear_source         (GSource     **source);

/* hc-hub-session.c */
void        hc_hub_session_start        (HcHub        *self);
void        hc_hub_session_start_hub_api (HcHub       *self);
void        hc_hub_schedule_overview    (HcHub        *self);
gpointer    hc_hub_parse_body           (GBytes       *body,
                                         gpointer    (*func) (JsonNode *, GError **),
                                         GError      **error);

/* hc-hub-fetch.c */
void        hc_hub_fetch_start          (HcHub        *self);
void        hc_hub_fetch_abandon        (HcHub        *self);

/* hc-hub-events.c */
void        hc_hub_events_connect       (HcHub        *self);
void        hc_hub_events_set_error     (HcHub        *self,
                                         const GError *error);
void        hc_hub_events_hold          (HcHub        *self);
void        hc_hub_events_flush         (HcHub        *self);
GPtrArray  *hc_hub_events_take_held     (HcHub        *self);
void        hc_hub_events_apply_held    (HcHub        *self,
                                         GPtrArray    *held);

/* hc-hub-alertmanager.c */
void        hc_hub_alertmanager_stop    (HcHub        *self);

/* hc-hub-snapshot.c */
void        hc_hub_snapshot_save          (HcHub      *self,
                                           GPtrArray **bodies);
void        hc_hub_snapshot_save_overview (HcHub      *self);
void        hc_hub_snapshot_load          (HcHub      *self);

G_END_DECLS
