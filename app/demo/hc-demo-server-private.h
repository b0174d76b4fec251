/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of HcDemoServer share: the instance struct and the
 * handlers its route table in hc-demo-server.c dispatches to. */

#include "hc-demo-http.h"
#include "hc-demo-server.h"

G_BEGIN_DECLS

struct _HcDemoServer
{
  GObject           parent_instance;

  SoupServer       *soup;
  HcDemoStore      *store;
  HcDemoSimulation *simulation;
  HcDemoTokens     *tokens;
  GPtrArray        *streams;       /* event streams, owned */
  GHashTable       *auth_failures; /* remote address -> AuthFailures * */
  GHashTable       *idle_watches;  /* GSocket * -> IdleConnection * */
  guint             heartbeat_id;
  guint             heartbeat_seconds;
  gulong            event_handler;
};

/* ---- hc-demo-server-reads.c: GET handlers -------------------------------- */

void hc_demo_server_reads_health   (HcDemoRequest *req);
void hc_demo_server_reads_me       (HcDemoRequest *req);
void hc_demo_server_reads_overview (HcDemoRequest *req);
void hc_demo_server_reads_sources  (HcDemoRequest *req);
void hc_demo_server_reads_source   (HcDemoRequest *req);
void hc_demo_server_reads_datasets (HcDemoRequest *req);
void hc_demo_server_reads_dataset  (HcDemoRequest *req);
void hc_demo_server_reads_pools    (HcDemoRequest *req);
void hc_demo_server_reads_nodes    (HcDemoRequest *req);
void hc_demo_server_reads_alerts   (HcDemoRequest *req);
void hc_demo_server_reads_alert    (HcDemoRequest *req);
void hc_demo_server_reads_audit    (HcDemoRequest *req);

/* ---- hc-demo-server-agencies.c: agencies summed up by the hub ------------ */

void hc_demo_server_reads_agencies (HcDemoRequest *req);

/* ---- hc-demo-server-actions.c: POST handlers ----------------------------- */

void hc_demo_server_actions_acknowledge (HcDemoRequest *req);
void hc_demo_server_actions_resolve     (HcDemoRequest *req);
void hc_demo_server_actions_retry       (HcDemoRequest *req);

/* ---- hc-demo-server-events.c: the event stream --------------------------- */

void     hc_demo_server_events_stream       (HcDemoRequest *req);
void     hc_demo_server_events_free_stream  (gpointer       stream);
void     hc_demo_server_events_store_cb     (HcDemoStore   *store,
                                             gint64         id,
                                             const char    *name,
                                             const char    *data,
                                             HcDemoServer  *self);
gboolean hc_demo_server_events_heartbeat_cb (gpointer       data);
void     hc_demo_server_events_close_all    (HcDemoServer  *self);

G_END_DECLS
