/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of HcDemoStore share: the instance struct, the SQLite
 * helpers of hc-demo-store.c, the JSON builders of hc-demo-store-json.c and
 * the event bookkeeping of hc-demo-store-events.c. Not for other classes. */

#include "hc-demo-json.h"
#include "hc-demo-store.h"

G_BEGIN_DECLS

struct _HcDemoStore
{
  GObject     parent_instance;

  sqlite3    *db;
  GHashTable *statements;   /* const char *sql -> sqlite3_stmt * */
  guint       depth;        /* nesting of hc_demo_store_begin() */
  guint       event_window;
  GPtrArray  *pending;      /* events of the open transaction, announced after COMMIT */
};

/* ---- hc-demo-store.c: the database ---------------------------------------- */

void           hc_demo_store_check_rc      (HcDemoStore   *self,
                                            int            rc,
                                            const char    *what);
void           hc_demo_store_exec          (HcDemoStore   *self,
                                            const char    *sql);
sqlite3_stmt  *hc_demo_store_stmt          (HcDemoStore   *self,
                                            const char    *sql);
void           hc_demo_store_set_not_found (GError       **error,
                                            const char    *what,
                                            const char    *id);

static inline void
hc_demo_store_bind_text (sqlite3_stmt *st,
                         int           i,
                         const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (st, i);
  else
    sqlite3_bind_text (st, i, text, -1, SQLITE_TRANSIENT);
}

static inline const char *
hc_demo_store_col_text (sqlite3_stmt *st,
                        int           i)
{
  return (const char *) sqlite3_column_text (st, i);
}

/* ---- hc-demo-store-json.c: rows to Hub API objects ------------------------ */

/* The columns each builder reads, in its order. */
#define HC_DEMO_STORE_RUN_COLS "r.rid, r.started_at, r.finished_at, r.records, r.bytes, r.outcome, r.error"
#define HC_DEMO_STORE_SOURCE_COLS "s.id, s.name, s.agency, s.kind, s.status, s.schedule, s.agreed_delay, " \
  "s.last_success_at, s.lag_seconds, s.rps, " HC_DEMO_STORE_RUN_COLS
#define HC_DEMO_STORE_SOURCE_FROM "sources s LEFT JOIN runs r ON r.rid = s.last_run"
#define HC_DEMO_STORE_DATASET_COLS "id, name, owner_agency, records, checked_at, correct, complete, clean, live, " \
  "overall, rules_failed"
#define HC_DEMO_STORE_POOL_COLS "id, name, kind, state, capacity, used, scheme, degraded, misplaced, read_bps, write_bps"
#define HC_DEMO_STORE_NODE_COLS "id, hostname, rack, state"
#define HC_DEMO_STORE_ALERT_COLS "seq, id, severity, category, title, description, asset, source_ip, detected_at, " \
  "state, ack_by, ack_at, res_by, res_at, resolution, events_count"
#define HC_DEMO_STORE_AUDIT_COLS "id, at, actor, role, action, target, remote, status, comment"

void hc_demo_store_json_add_string    (HcDemoJson   *b,
                                       const char   *name,
                                       const char   *value);
void hc_demo_store_json_add_int       (HcDemoJson   *b,
                                       const char   *name,
                                       gint64        value);
void hc_demo_store_json_add_score     (HcDemoJson   *b,
                                       const char   *name,
                                       double        value);
void hc_demo_store_json_add_time_col  (HcDemoJson   *b,
                                       const char   *name,
                                       sqlite3_stmt *st,
                                       int           i);
/* A run from HC_DEMO_STORE_RUN_COLS starting at column @o. */
void hc_demo_store_json_build_run     (HcDemoJson   *b,
                                       sqlite3_stmt *st,
                                       int           o);
/* The row builders: with @open_only the object is left open for the
 * caller to add detail members and close. */
void hc_demo_store_json_build_source  (HcDemoStore  *self,
                                       HcDemoJson   *b,
                                       sqlite3_stmt *st,
                                       gboolean      open_only);
void hc_demo_store_json_build_dataset (HcDemoStore  *self,
                                       HcDemoJson   *b,
                                       sqlite3_stmt *st,
                                       gboolean      open_only);
void hc_demo_store_json_build_pool    (HcDemoStore  *self,
                                       HcDemoJson   *b,
                                       sqlite3_stmt *st,
                                       gboolean      open_only);
void hc_demo_store_json_build_node    (HcDemoStore  *self,
                                       HcDemoJson   *b,
                                       sqlite3_stmt *st,
                                       gboolean      open_only);
void hc_demo_store_json_build_alert   (HcDemoStore  *self,
                                       HcDemoJson   *b,
                                       sqlite3_stmt *st,
                                       gboolean      open_only);
void hc_demo_store_json_build_audit   (HcDemoStore  *self,
                                       HcDemoJson   *b,
                                       sqlite3_stmt *st,
                                       gboolean      open_only);

/* ---- hc-demo-store-queries.c: reads --------------------------------------- */

JsonNode *hc_demo_store_get_pool (HcDemoStore *self,
                                  const char  *id);
JsonNode *hc_demo_store_get_node (HcDemoStore *self,
                                  const char  *id);

/* ---- hc-demo-store-events.c: transactions and the event log ---------------- */

void hc_demo_store_events_class_init (GObjectClass *object_class);
void hc_demo_store_events_init       (HcDemoStore  *self);
void hc_demo_store_events_finalize   (HcDemoStore  *self);

G_END_DECLS
