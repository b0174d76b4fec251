/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo store's writes: what an operator can do (acknowledge, resolve,
 * start a run) and what the hub records about it (runs finishing, the
 * audit log, the answers kept for idempotent retries). */
#include "config.h"

#include "hc-demo-store-private.h"

static gint64
alert_seq_and_state (HcDemoStore  *self,
                     const char   *id,
                     char        **state)
{
  sqlite3_stmt *st = hc_demo_store_stmt (self, "SELECT seq, state FROM alerts WHERE id = ?");
  gint64 seq = -1;

  hc_demo_store_bind_text (st, 1, id);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (st, 0);
      *state = g_strdup (hc_demo_store_col_text (st, 1));
    }
  sqlite3_reset (st);
  return seq;
}

static void
add_timeline (HcDemoStore *self,
              gint64       seq,
              gint64       at,
              const char  *actor,
              const char  *action,
              const char  *comment)
{
  sqlite3_stmt *st = hc_demo_store_stmt (self, "INSERT INTO timeline (alert_seq, n, at, actor, action, comment)"
                                               " VALUES (?1, (SELECT coalesce(max(n), 0) + 1 FROM timeline"
                                               " WHERE alert_seq = ?1), ?2, ?3, ?4, ?5)");

  sqlite3_bind_int64 (st, 1, seq);
  sqlite3_bind_int64 (st, 2, at);
  hc_demo_store_bind_text (st, 3, actor);
  hc_demo_store_bind_text (st, 4, action);
  hc_demo_store_bind_text (st, 5, comment);
  hc_demo_store_check_rc (self, sqlite3_step (st), "insert timeline");
  sqlite3_reset (st);
}

JsonNode *
hc_demo_store_acknowledge (HcDemoStore  *self,
                           const char   *alert_id,
                           const char   *user,
                           const char   *comment,
                           GError      **error)
{
  g_autofree char *state = NULL;
  gint64 seq = alert_seq_and_state (self, alert_id, &state);
  gint64 now = hc_demo_store_now ();
  sqlite3_stmt *st;

  if (seq < 0)
    {
      hc_demo_store_set_not_found (error, "alert", alert_id);
      return NULL;
    }
  if (g_strcmp0 (state, "open") != 0)
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_CONFLICT,
                   "Alert “%s” is already %s; only an open alert can be acknowledged.", alert_id, state);
      return NULL;
    }

  st = hc_demo_store_stmt (self, "UPDATE alerts SET state = 'acknowledged', ack_by = ?, ack_at = ? WHERE seq = ?");
  hc_demo_store_bind_text (st, 1, user);
  sqlite3_bind_int64 (st, 2, now);
  sqlite3_bind_int64 (st, 3, seq);
  hc_demo_store_check_rc (self, sqlite3_step (st), "acknowledge");
  sqlite3_reset (st);
  add_timeline (self, seq, now, user, "acknowledged", comment);
  hc_demo_store_emit_alert (self, alert_id, FALSE);

  return hc_demo_store_get_alert (self, alert_id, TRUE, error);
}

JsonNode *
hc_demo_store_resolve (HcDemoStore  *self,
                       const char   *alert_id,
                       const char   *user,
                       const char   *comment,
                       const char   *resolution,
                       GError      **error)
{
  g_autofree char *state = NULL;
  gint64 seq = alert_seq_and_state (self, alert_id, &state);
  gint64 now = hc_demo_store_now ();
  sqlite3_stmt *st;

  if (seq < 0)
    {
      hc_demo_store_set_not_found (error, "alert", alert_id);
      return NULL;
    }
  if (g_strcmp0 (state, "resolved") == 0)
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_CONFLICT, "Alert “%s” is already resolved.", alert_id);
      return NULL;
    }

  st = hc_demo_store_stmt (self, "UPDATE alerts SET state = 'resolved', res_by = ?, res_at = ?, resolution = ? WHERE seq = ?");
  hc_demo_store_bind_text (st, 1, user);
  sqlite3_bind_int64 (st, 2, now);
  hc_demo_store_bind_text (st, 3, resolution);
  sqlite3_bind_int64 (st, 4, seq);
  hc_demo_store_check_rc (self, sqlite3_step (st), "resolve");
  sqlite3_reset (st);
  add_timeline (self, seq, now, user, "resolved", comment);
  hc_demo_store_emit_alert (self, alert_id, FALSE);

  return hc_demo_store_get_alert (self, alert_id, TRUE, error);
}

static JsonNode *
get_run (HcDemoStore *self,
         gint64       rid)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  HcDemoJson j = { .builder = b };
  sqlite3_stmt *st = hc_demo_store_stmt (self, "SELECT " HC_DEMO_STORE_RUN_COLS " FROM runs r WHERE r.rid = ?");
  JsonNode *node = NULL;

  sqlite3_bind_int64 (st, 1, rid);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      hc_demo_store_json_build_run (&j, st, 0);
      node = json_builder_get_root (b);
    }
  sqlite3_reset (st);
  return node;
}

JsonNode *
hc_demo_store_start_run (HcDemoStore  *self,
                         const char   *source_id,
                         gint64       *run_rowid,
                         GError      **error)
{
  sqlite3_stmt *st = hc_demo_store_stmt (self, "SELECT status, (SELECT count(*) FROM runs WHERE source_id = ?1"
                                               " AND outcome = 'running') FROM sources WHERE id = ?1");
  g_autofree char *status = NULL;
  gint64 running = 0, rid;

  hc_demo_store_bind_text (st, 1, source_id);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      status = g_strdup (hc_demo_store_col_text (st, 0));
      running = sqlite3_column_int64 (st, 1);
    }
  sqlite3_reset (st);

  if (status == NULL)
    {
      hc_demo_store_set_not_found (error, "source", source_id);
      return NULL;
    }
  if (g_str_equal (status, "paused"))
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_CONFLICT,
                   "Source “%s” is paused; resume it before starting a run.", source_id);
      return NULL;
    }
  if (running > 0)
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_CONFLICT,
                   "A run of source “%s” is already running.", source_id);
      return NULL;
    }

  st = hc_demo_store_stmt (self, "INSERT INTO runs (source_id, started_at, finished_at, records, bytes, outcome, error)"
                                 " VALUES (?, ?, NULL, 0, 0, 'running', NULL)");
  hc_demo_store_bind_text (st, 1, source_id);
  sqlite3_bind_int64 (st, 2, hc_demo_store_now ());
  hc_demo_store_check_rc (self, sqlite3_step (st), "insert run");
  sqlite3_reset (st);
  rid = sqlite3_last_insert_rowid (self->db);

  st = hc_demo_store_stmt (self, "UPDATE sources SET last_run = ? WHERE id = ?");
  sqlite3_bind_int64 (st, 1, rid);
  hc_demo_store_bind_text (st, 2, source_id);
  hc_demo_store_check_rc (self, sqlite3_step (st), "update source");
  sqlite3_reset (st);

  hc_demo_store_emit_source (self, source_id);
  if (run_rowid != NULL)
    *run_rowid = rid;
  return get_run (self, rid);
}

gboolean
hc_demo_store_finish_run (HcDemoStore *self,
                          gint64       run_rowid,
                          gboolean     success,
                          const char  *failure)
{
  sqlite3_stmt *st = hc_demo_store_stmt (self, "SELECT r.source_id, r.started_at, s.rps, s.status FROM runs r"
                                               " JOIN sources s ON s.id = r.source_id"
                                               " WHERE r.rid = ? AND r.outcome = 'running'");
  g_autofree char *source_id = NULL;
  g_autofree char *status = NULL;
  gint64 started = 0, now = hc_demo_store_now (), records;
  double rps = 0;

  sqlite3_bind_int64 (st, 1, run_rowid);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      source_id = g_strdup (hc_demo_store_col_text (st, 0));
      started = sqlite3_column_int64 (st, 1);
      rps = sqlite3_column_double (st, 2);
      status = g_strdup (hc_demo_store_col_text (st, 3));
    }
  sqlite3_reset (st);
  if (source_id == NULL)
    return FALSE;

  records = success ? (gint64) (MAX (rps, 1.0) * (MAX (now - started, 1) + 60)) : 0;

  hc_demo_store_begin (self);
  st = hc_demo_store_stmt (self, "UPDATE runs SET finished_at = ?, records = ?, bytes = ?, outcome = ?, error = ?"
                                 " WHERE rid = ?");
  sqlite3_bind_int64 (st, 1, now);
  sqlite3_bind_int64 (st, 2, records);
  sqlite3_bind_int64 (st, 3, records * 740);
  hc_demo_store_bind_text (st, 4, success ? "success" : "failure");
  hc_demo_store_bind_text (st, 5, success ? NULL : failure);
  sqlite3_bind_int64 (st, 6, run_rowid);
  hc_demo_store_check_rc (self, sqlite3_step (st), "finish run");
  sqlite3_reset (st);

  if (success)
    st = hc_demo_store_stmt (self, "UPDATE sources SET last_success_at = ?1, lag_seconds = 0,"
                                   " status = CASE status WHEN 'paused' THEN 'paused' ELSE 'ok' END WHERE id = ?2");
  else
    st = hc_demo_store_stmt (self, "UPDATE sources SET lag_seconds = CASE WHEN last_success_at IS NULL THEN lag_seconds"
                                   " ELSE ?1 - last_success_at END,"
                                   " status = CASE status WHEN 'paused' THEN 'paused' ELSE 'failed' END WHERE id = ?2");
  sqlite3_bind_int64 (st, 1, now);
  hc_demo_store_bind_text (st, 2, source_id);
  hc_demo_store_check_rc (self, sqlite3_step (st), "finish run source");
  sqlite3_reset (st);

  /* Keep each source's run history bounded. */
  st = hc_demo_store_stmt (self, "DELETE FROM runs WHERE source_id = ?1 AND rid < (SELECT min(rid) FROM"
                                 " (SELECT rid FROM runs WHERE source_id = ?1 ORDER BY rid DESC LIMIT 60))");
  hc_demo_store_bind_text (st, 1, source_id);
  hc_demo_store_check_rc (self, sqlite3_step (st), "trim runs");
  sqlite3_reset (st);

  hc_demo_store_emit_source (self, source_id);
  hc_demo_store_commit (self);
  return TRUE;
}

GArray *
hc_demo_store_running_runs (HcDemoStore *self)
{
  GArray *rids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *st = hc_demo_store_stmt (self, "SELECT rid FROM runs WHERE outcome = 'running' ORDER BY rid");

  while (sqlite3_step (st) == SQLITE_ROW)
    {
      gint64 rid = sqlite3_column_int64 (st, 0);
      g_array_append_val (rids, rid);
    }
  sqlite3_reset (st);
  return rids;
}

void
hc_demo_store_add_audit (HcDemoStore *self,
                         const char  *actor,
                         const char  *role,
                         const char  *action,
                         const char  *target,
                         const char  *remote,
                         guint        status,
                         const char  *comment)
{
  sqlite3_stmt *st = hc_demo_store_stmt (self, "INSERT INTO audit (at, actor, role, action, target, remote, status, comment)"
                                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

  sqlite3_bind_int64 (st, 1, hc_demo_store_now ());
  hc_demo_store_bind_text (st, 2, actor);
  hc_demo_store_bind_text (st, 3, role);
  hc_demo_store_bind_text (st, 4, action);
  hc_demo_store_bind_text (st, 5, target);
  hc_demo_store_bind_text (st, 6, remote ? remote : "unknown");
  sqlite3_bind_int (st, 7, (int) status);
  hc_demo_store_bind_text (st, 8, comment);
  hc_demo_store_check_rc (self, sqlite3_step (st), "insert audit");
  sqlite3_reset (st);
}

/* ---- idempotency ---------------------------------------------------------- */

/* The first answer to (user, Idempotency-Key), so a retried POST gets it
 * again instead of acting twice; kept a day, across restarts. */
gboolean
hc_demo_store_idempotency_get (HcDemoStore  *self,
                               const char   *user,
                               const char   *key,
                               char        **fingerprint,
                               guint        *status,
                               char        **body)
{
  sqlite3_stmt *st = hc_demo_store_stmt (self, "SELECT fingerprint, status, body FROM idempotency WHERE user = ? AND key = ?");
  gboolean found = FALSE;

  hc_demo_store_bind_text (st, 1, user);
  hc_demo_store_bind_text (st, 2, key);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      *fingerprint = g_strdup (hc_demo_store_col_text (st, 0));
      *status = (guint) sqlite3_column_int (st, 1);
      *body = g_strdup (hc_demo_store_col_text (st, 2));
      found = TRUE;
    }
  sqlite3_reset (st);
  return found;
}

void
hc_demo_store_idempotency_put (HcDemoStore *self,
                               const char  *user,
                               const char  *key,
                               const char  *fingerprint,
                               guint        status,
                               const char  *body)
{
  sqlite3_stmt *st = hc_demo_store_stmt (self, "INSERT OR IGNORE INTO idempotency (user, key, fingerprint, status, body, created)"
                                               " VALUES (?, ?, ?, ?, ?, ?)");

  hc_demo_store_bind_text (st, 1, user);
  hc_demo_store_bind_text (st, 2, key);
  hc_demo_store_bind_text (st, 3, fingerprint);
  sqlite3_bind_int (st, 4, (int) status);
  hc_demo_store_bind_text (st, 5, body);
  sqlite3_bind_int64 (st, 6, hc_demo_store_now ());
  hc_demo_store_check_rc (self, sqlite3_step (st), "insert idempotency");
  sqlite3_reset (st);
}
