/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define HC_DEMO_ERROR (hc_demo_error_quark ())

typedef enum {
  HC_DEMO_ERROR_NOT_FOUND,
  HC_DEMO_ERROR_CONFLICT,
  HC_DEMO_ERROR_INVALID,
  HC_DEMO_ERROR_DATABASE,
} HcDemoError;

GQuark hc_demo_error_quark (void);

/* How many events the hub keeps for Last-Event-ID resumption, by default. */
#define HC_DEMO_EVENT_WINDOW 10000

/**
 * HcDemoListQuery:
 * One page request after the server has validated every parameter. `after`
 * is the decoded keyset cursor (the last id or sequence number of the
 * previous page); strings are already folded where they are searched.
 */
typedef struct {
  guint        limit;
  const char  *after;
  const char  *q;
  /* sources */
  const char  *status;
  const char  *agency;
  /* datasets */
  gboolean     has_below;
  double       below;
  const char  *criterion;
  /* alerts */
  const char  *state;
  const char  *severity;
  const char  *category;
  gboolean     has_since;
  gint64       since;
  /* audit (and has_since, since) */
  const char  *actor;
  const char  *action;
} HcDemoListQuery;

#define HC_TYPE_DEMO_STORE (hc_demo_store_get_type ())
G_DECLARE_FINAL_TYPE (HcDemoStore, hc_demo_store, HC, DEMO_STORE, GObject)

HcDemoStore *hc_demo_store_open             (const char            *path,
                                             guint32                seed,
                                             guint                  scale,
                                             GError               **error);
sqlite3     *hc_demo_store_get_db           (HcDemoStore           *self);
gint64       hc_demo_store_now              (void);
char        *hc_demo_store_get_meta         (HcDemoStore           *self,
                                             const char            *key);
void         hc_demo_store_set_meta         (HcDemoStore           *self,
                                             const char            *key,
                                             const char            *value);

void         hc_demo_store_set_event_window (HcDemoStore           *self,
                                             guint                  window);

void         hc_demo_store_begin            (HcDemoStore           *self);
void         hc_demo_store_commit           (HcDemoStore           *self);
void         hc_demo_store_rollback         (HcDemoStore           *self);

/* Events: queued in the open transaction, announced by ::event after commit. */
void         hc_demo_store_emit             (HcDemoStore           *self,
                                             const char            *name,
                                             JsonNode              *data);
void         hc_demo_store_emit_source      (HcDemoStore           *self,
                                             const char            *id);
void         hc_demo_store_emit_dataset     (HcDemoStore           *self,
                                             const char            *id);
void         hc_demo_store_emit_pool        (HcDemoStore           *self,
                                             const char            *id);
void         hc_demo_store_emit_node        (HcDemoStore           *self,
                                             const char            *id);
void         hc_demo_store_emit_alert       (HcDemoStore           *self,
                                             const char            *id,
                                             gboolean               created);
void         hc_demo_store_event_bounds     (HcDemoStore           *self,
                                             gint64                *oldest,
                                             gint64                *newest);
typedef void (*HcDemoEventFunc) (gint64      id,
                                 const char *name,
                                 const char *data,
                                 gpointer    user_data);
void         hc_demo_store_events_after     (HcDemoStore           *self,
                                             gint64                 after,
                                             HcDemoEventFunc        func,
                                             gpointer               user_data);

/* Reads. Lists return {items, total} as compact JSON text and set *next_key
 * (NULL on the last page). */
JsonNode    *hc_demo_store_overview         (HcDemoStore           *self);
GString     *hc_demo_store_list_sources     (HcDemoStore           *self,
                                             const HcDemoListQuery *query,
                                             char                 **next_key);
JsonNode    *hc_demo_store_get_source       (HcDemoStore           *self,
                                             const char            *id,
                                             gboolean               with_runs,
                                             GError               **error);
GString     *hc_demo_store_list_datasets    (HcDemoStore           *self,
                                             const HcDemoListQuery *query,
                                             char                 **next_key);
JsonNode    *hc_demo_store_get_dataset      (HcDemoStore           *self,
                                             const char            *id,
                                             gboolean               with_detail,
                                             GError               **error);
GString     *hc_demo_store_list_pools       (HcDemoStore           *self,
                                             const HcDemoListQuery *query,
                                             char                 **next_key);
GString     *hc_demo_store_list_nodes       (HcDemoStore           *self,
                                             const HcDemoListQuery *query,
                                             char                 **next_key);
GString     *hc_demo_store_list_alerts      (HcDemoStore           *self,
                                             const HcDemoListQuery *query,
                                             char                 **next_key);
JsonNode    *hc_demo_store_get_alert        (HcDemoStore           *self,
                                             const char            *id,
                                             gboolean               with_timeline,
                                             GError               **error);
GString     *hc_demo_store_list_audit       (HcDemoStore           *self,
                                             const HcDemoListQuery *query,
                                             char                 **next_key);

/* Actions. Each runs inside the caller's transaction. */
JsonNode    *hc_demo_store_acknowledge      (HcDemoStore           *self,
                                             const char            *alert_id,
                                             const char            *user,
                                             const char            *comment,
                                             GError               **error);
JsonNode    *hc_demo_store_resolve          (HcDemoStore           *self,
                                             const char            *alert_id,
                                             const char            *user,
                                             const char            *comment,
                                             const char            *resolution,
                                             GError               **error);
JsonNode    *hc_demo_store_start_run        (HcDemoStore           *self,
                                             const char            *source_id,
                                             gint64                *run_rowid,
                                             GError               **error);
gboolean     hc_demo_store_finish_run       (HcDemoStore           *self,
                                             gint64                 run_rowid,
                                             gboolean               success,
                                             const char            *failure);
GArray      *hc_demo_store_running_runs     (HcDemoStore           *self);
void         hc_demo_store_add_audit        (HcDemoStore           *self,
                                             const char            *actor,
                                             const char            *role,
                                             const char            *action,
                                             const char            *target,
                                             const char            *remote,
                                             guint                  status,
                                             const char            *comment);

/* Idempotency: the first answer to (user, key), kept across restarts. */
gboolean     hc_demo_store_idempotency_get  (HcDemoStore           *self,
                                             const char            *user,
                                             const char            *key,
                                             char                 **fingerprint,
                                             guint                 *status,
                                             char                 **body);
void         hc_demo_store_idempotency_put  (HcDemoStore           *self,
                                             const char            *user,
                                             const char            *key,
                                             const char            *fingerprint,
                                             guint                  status,
                                             const char            *body);

G_END_DECLS
