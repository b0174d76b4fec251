/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-demo-seed.h"
#include "hc-demo-simulation.h"
#include "hc-demo-text.h"

/* At speed 1 a tick every 2 s brings one or two changes: lively enough to
 * watch, calm enough to read. --speed divides the interval. */
#define TICK_MS 2000.0
#define DEGRADING_DISK "node-03-disk-05"

struct _HcDemoSimulation
{
  GObject      parent_instance;

  HcDemoStore *store;
  GRand       *rand;
  double       speed;
  guint        tick_id;
  guint64      ticks;
  GHashTable  *runs;     /* run rowid (gint64 *) -> timeout source id */
};

G_DEFINE_FINAL_TYPE (HcDemoSimulation, hc_demo_simulation, G_TYPE_OBJECT)

typedef struct {
  HcDemoSimulation *self;
  gint64            rid;
} RunTimer;

static sqlite3 *
db (HcDemoSimulation *self)
{
  return hc_demo_store_get_db (self->store);
}

/* A row picked by offset: deterministic for a seed, unlike random(). */
static char *
pick_id (HcDemoSimulation *self,
         const char       *count_sql,
         const char       *pick_sql)
{
  sqlite3_stmt *st = NULL;
  gint64 n = 0;
  char *id = NULL;

  sqlite3_prepare_v2 (db (self), count_sql, -1, &st, NULL);
  if (sqlite3_step (st) == SQLITE_ROW)
    n = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  if (n <= 0)
    return NULL;

  sqlite3_prepare_v2 (db (self), pick_sql, -1, &st, NULL);
  sqlite3_bind_int64 (st, 1, g_rand_int_range (self->rand, 0, (gint32) MIN (n, G_MAXINT32)));
  if (sqlite3_step (st) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (st, 0));
  sqlite3_finalize (st);
  return id;
}

static void
run_exec (HcDemoSimulation *self,
          const char       *sql,
          const char       *text,
          gint64            a,
          gint64            b)
{
  sqlite3_stmt *st = NULL;

  if (sqlite3_prepare_v2 (db (self), sql, -1, &st, NULL) != SQLITE_OK)
    {
      g_critical ("demo hub simulation: %s", sqlite3_errmsg (db (self)));
      return;
    }
  if (text != NULL)
    sqlite3_bind_text (st, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (st, 2, a);
  sqlite3_bind_int64 (st, 3, b);
  if (sqlite3_step (st) != SQLITE_DONE)
    g_critical ("demo hub simulation: %s", sqlite3_errmsg (db (self)));
  sqlite3_finalize (st);
}

static gboolean
finish_run_cb (gpointer data)
{
  RunTimer *timer = data;
  HcDemoSimulation *self = timer->self;
  gboolean success = g_rand_double (self->rand) < 0.85;
  gpointer key = NULL;

  /* Stolen, not removed: removing would destroy this very source. */
  if (g_hash_table_steal_extended (self->runs, &timer->rid, &key, NULL))
    g_free (key);
  hc_demo_store_finish_run (self->store, timer->rid, success,
                            success ? NULL : hc_demo_seed_run_failure (self->rand));
  return G_SOURCE_REMOVE;
}

/**
 * hc_demo_simulation_track_run:
 * Finishes the run a few seconds later (faster with --speed), also when
 * the simulation itself is frozen: an operator's retry always completes.
 */
void
hc_demo_simulation_track_run (HcDemoSimulation *self,
                              gint64            run_rowid)
{
  RunTimer *timer;
  gint64 *key;
  guint ms, id;

  g_return_if_fail (HC_IS_DEMO_SIMULATION (self));

  if (g_hash_table_contains (self->runs, &run_rowid))
    return;

  ms = (guint) (g_rand_double_range (self->rand, 2000.0, 6000.0) / MAX (self->speed, 1.0));
  timer = g_new0 (RunTimer, 1);
  timer->self = self;
  timer->rid = run_rowid;
  id = g_timeout_add_full (G_PRIORITY_DEFAULT, MAX (ms, 10), finish_run_cb, timer, g_free);
  key = g_new (gint64, 1);
  *key = run_rowid;
  g_hash_table_insert (self->runs, key, GUINT_TO_POINTER (id));
}

static void
start_some_run (HcDemoSimulation *self)
{
  g_autofree char *id = pick_id (self, "SELECT count(*) FROM sources WHERE status != 'paused'",
                                 "SELECT id FROM sources WHERE status != 'paused' ORDER BY id LIMIT 1 OFFSET ?");
  g_autoptr(JsonNode) run = NULL;
  gint64 rid = 0;

  if (id == NULL)
    return;
  hc_demo_store_begin (self->store);
  run = hc_demo_store_start_run (self->store, id, &rid, NULL);
  hc_demo_store_commit (self->store);
  if (run != NULL)
    hc_demo_simulation_track_run (self, rid);
}

static void
drift_lag (HcDemoSimulation *self)
{
  g_autofree char *id = pick_id (self, "SELECT count(*) FROM sources WHERE status IN ('ok', 'lagging') AND kind != 'batch'",
                                 "SELECT id FROM sources WHERE status IN ('ok', 'lagging') AND kind != 'batch'"
                                 " ORDER BY id LIMIT 1 OFFSET ?");
  sqlite3_stmt *st = NULL;
  g_autofree char *status = NULL;
  gint64 lag = 0, agreed = 1;

  if (id == NULL)
    return;
  sqlite3_prepare_v2 (db (self), "SELECT status, lag_seconds, agreed_delay FROM sources WHERE id = ?", -1, &st, NULL);
  sqlite3_bind_text (st, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      status = g_strdup ((const char *) sqlite3_column_text (st, 0));
      lag = sqlite3_column_int64 (st, 1);
      agreed = MAX (sqlite3_column_int64 (st, 2), 1);
    }
  sqlite3_finalize (st);
  if (status == NULL)
    return;

  if (g_str_equal (status, "lagging"))
    lag = g_rand_int_range (self->rand, 0, (gint32) MIN (agreed / 3 + 1, G_MAXINT32));
  else
    lag += (gint64) (agreed * g_rand_double_range (self->rand, 0.3, 1.2));

  hc_demo_store_begin (self->store);
  run_exec (self, "UPDATE sources SET lag_seconds = ?2, status = CASE WHEN ?2 > ?3 THEN 'lagging' ELSE 'ok' END"
                  " WHERE id = ?1", id, lag, agreed);
  hc_demo_store_emit_source (self->store, id);
  hc_demo_store_commit (self->store);
}

static void
drift_dataset (HcDemoSimulation *self)
{
  static const char * const criteria[] = { "correct", "complete", "clean", "live" };
  g_autofree char *id = pick_id (self, "SELECT count(*) FROM datasets",
                                 "SELECT id FROM datasets ORDER BY id LIMIT 1 OFFSET ?");
  g_autofree char *update = NULL;
  g_autofree char *rules = NULL;
  guint c = g_rand_int_range (self->rand, 0, 4);
  gint64 now = hc_demo_store_now ();
  sqlite3_stmt *st = NULL;

  if (id == NULL)
    return;

  /* The criterion names are constants; values go through bindings. */
  update = g_strdup_printf ("UPDATE datasets SET %1$s = round(min(100.0, max(40.0, %1$s + ?2 / 10.0)), 1),"
                            " checked_at = ?3 WHERE id = ?1", criteria[c]);
  rules = g_strdup_printf ("UPDATE rules SET failed = CAST(checked * (100.0 - (SELECT %1$s FROM datasets"
                           " WHERE id = ?1)) / 100.0 * (CASE WHEN substr(id, -1) IN ('1','3','5','7') THEN 0.6"
                           " ELSE 0.4 END) AS INTEGER) WHERE dataset_id = ?1 AND criterion = '%1$s'", criteria[c]);

  hc_demo_store_begin (self->store);
  run_exec (self, update, id, g_rand_int_range (self->rand, -12, 11), now);
  run_exec (self, "UPDATE datasets SET overall = (correct + complete + clean + live) / 4.0 WHERE id = ?1", id, 0, 0);
  run_exec (self, rules, id, 0, 0);
  run_exec (self, "UPDATE datasets SET rules_failed = (SELECT count(*) FROM rules WHERE dataset_id = ?1"
                  " AND failed > 0) WHERE id = ?1", id, 0, 0);
  sqlite3_prepare_v2 (db (self), "INSERT OR REPLACE INTO dataset_history (dataset_id, day, correct, complete, clean, live)"
                                 " SELECT id, ?2, correct, complete, clean, live FROM datasets WHERE id = ?1", -1, &st, NULL);
  sqlite3_bind_text (st, 1, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (st, 2, now / 86400);
  sqlite3_step (st);
  sqlite3_finalize (st);
  run_exec (self, "DELETE FROM dataset_history WHERE dataset_id = ?1 AND day <= ?2", id, now / 86400 - 90, 0);
  hc_demo_store_emit_dataset (self->store, id);
  hc_demo_store_commit (self->store);
}

static void
fill_pool (HcDemoSimulation *self)
{
  g_autofree char *id = pick_id (self, "SELECT count(*) FROM pools", "SELECT id FROM pools ORDER BY id LIMIT 1 OFFSET ?");
  gint64 now = hc_demo_store_now ();
  /* About 0.1% of a pool an hour at speed 1: visible, yet in line with
   * the 90-day trend a forecast is drawn from. */
  gint64 grow_ppm = g_rand_int_range (self->rand, 1, 40);
  gint64 mbps = g_rand_int_range (self->rand, 80, 2400);

  if (id == NULL)
    return;

  hc_demo_store_begin (self->store);
  run_exec (self, "UPDATE pools SET used = min(capacity, used + capacity / 1000000 * ?2),"
                  " degraded = max(0, degraded - degraded / 8 - 1) * (degraded > 0),"
                  " read_bps = ?3 * 1048576, write_bps = ?3 * 1048576 / 3 WHERE id = ?1", id, grow_ppm, mbps);
  run_exec (self, "UPDATE pools SET state = CASE WHEN used > capacity * 0.9 THEN 'critical'"
                  " WHEN degraded > 0 THEN 'degraded' ELSE 'healthy' END WHERE id = ?1", id, 0, 0);
  run_exec (self, "INSERT OR REPLACE INTO pool_history (pool_id, day, used) SELECT id, ?2, used FROM pools"
                  " WHERE id = ?1", id, now / 86400, 0);
  run_exec (self, "DELETE FROM pool_history WHERE pool_id = ?1 AND day <= ?2", id, now / 86400 - 90, 0);
  hc_demo_store_emit_pool (self->store, id);
  hc_demo_store_commit (self->store);
}

static void
warm_disk (HcDemoSimulation *self)
{
  g_autofree char *disk = pick_id (self, "SELECT count(*) FROM disks", "SELECT id FROM disks ORDER BY id LIMIT 1 OFFSET ?");
  g_autofree char *node = NULL;

  if (disk == NULL)
    return;
  node = g_strndup (disk, 7);  /* "node-NN" */
  hc_demo_store_begin (self->store);
  run_exec (self, "UPDATE disks SET temperature = max(25, min(60, temperature + ?2)) WHERE id = ?1",
            disk, g_rand_int_range (self->rand, -2, 3), 0);
  hc_demo_store_emit_node (self->store, node);
  hc_demo_store_commit (self->store);
}

/* One disk wears out on a schedule, so every session shows a warning that
 * becomes a failure, and the pool on it degrades. */
static void
degrade_disk (HcDemoSimulation *self,
              const char       *health,
              gint64            reallocated)
{
  hc_demo_store_begin (self->store);
  run_exec (self, "UPDATE disks SET health = ?1, reallocated = max(reallocated, ?2) WHERE id = '" DEGRADING_DISK "'"
                  " AND health != 'failing'", health, reallocated, 0);
  if (sqlite3_changes (db (self)) > 0)
    {
      hc_demo_store_emit_node (self->store, "node-03");
      if (g_str_equal (health, "failing"))
        {
          run_exec (self, "UPDATE pools SET degraded = degraded + ?2, misplaced = misplaced + ?3,"
                          " state = CASE WHEN state = 'critical' THEN 'critical' ELSE 'degraded' END WHERE id = ?1",
                    "pool-block-01", 18000, 2400);
          hc_demo_store_emit_pool (self->store, "pool-block-01");
        }
    }
  hc_demo_store_commit (self->store);
}

static void
new_alert (HcDemoSimulation *self)
{
  HcDemoAlertDraft draft = { 0 };
  sqlite3_stmt *st = NULL;
  g_autofree char *id = NULL;
  g_autofree char *search = NULL;
  gint64 seq = 1;

  sqlite3_prepare_v2 (db (self), "SELECT coalesce(max(seq), 0) + 1 FROM alerts", -1, &st, NULL);
  if (sqlite3_step (st) == SQLITE_ROW)
    seq = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);

  hc_demo_seed_draft_alert (self->rand, &draft);
  id = g_strdup_printf ("alr-%07" G_GINT64_FORMAT, seq);
  search = hc_demo_seed_alert_search (id, &draft);

  hc_demo_store_begin (self->store);
  sqlite3_prepare_v2 (db (self), "INSERT INTO alerts (seq, id, severity, category, title, description, asset,"
                                 " source_ip, detected_at, state, events_count, search)"
                                 " VALUES (?,?,?,?,?,?,?,?,?,'open',?,?)", -1, &st, NULL);
  sqlite3_bind_int64 (st, 1, seq);
  sqlite3_bind_text (st, 2, id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 3, draft.severity, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 4, draft.category, -1, SQLITE_STATIC);
  sqlite3_bind_text (st, 5, draft.title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 6, draft.description, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (st, 7, draft.asset, -1, SQLITE_STATIC);
  if (draft.source_ip)
    sqlite3_bind_text (st, 8, draft.source_ip, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (st, 8);
  sqlite3_bind_int64 (st, 9, hc_demo_store_now ());
  sqlite3_bind_int64 (st, 10, MIN (draft.events_count, 400));
  sqlite3_bind_text (st, 11, search, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (st) != SQLITE_DONE)
    g_critical ("demo hub simulation: %s", sqlite3_errmsg (db (self)));
  sqlite3_finalize (st);
  hc_demo_store_emit_alert (self->store, id, TRUE);
  hc_demo_store_commit (self->store);
  hc_demo_seed_draft_clear (&draft);
}

static void
escalate_alert (HcDemoSimulation *self)
{
  g_autofree char *id = pick_id (self, "SELECT count(*) FROM alerts WHERE state = 'open'",
                                 "SELECT id FROM alerts WHERE state = 'open' ORDER BY seq DESC LIMIT 1 OFFSET ?");
  sqlite3_stmt *st = NULL;
  gint64 seq = 0;

  if (id == NULL)
    return;
  hc_demo_store_begin (self->store);
  run_exec (self, "UPDATE alerts SET events_count = events_count + ?2, severity = CASE"
                  " WHEN ?3 = 0 THEN severity WHEN severity = 'low' THEN 'medium' WHEN severity = 'medium' THEN 'high'"
                  " ELSE 'critical' END WHERE id = ?1",
            id, g_rand_int_range (self->rand, 1, 200), g_rand_double (self->rand) < 0.3);
  sqlite3_prepare_v2 (db (self), "SELECT seq FROM alerts WHERE id = ?", -1, &st, NULL);
  sqlite3_bind_text (st, 1, id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (st) == SQLITE_ROW)
    seq = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  sqlite3_prepare_v2 (db (self), "INSERT INTO timeline (alert_seq, n, at, actor, action, comment)"
                                 " VALUES (?1, (SELECT coalesce(max(n), 0) + 1 FROM timeline WHERE alert_seq = ?1),"
                                 " ?2, 'system', 'escalated', 'Thêm sự kiện liên quan được gộp vào cảnh báo.')",
                      -1, &st, NULL);
  sqlite3_bind_int64 (st, 1, seq);
  sqlite3_bind_int64 (st, 2, hc_demo_store_now ());
  sqlite3_step (st);
  sqlite3_finalize (st);
  hc_demo_store_emit_alert (self->store, id, FALSE);
  hc_demo_store_commit (self->store);
}

/**
 * hc_demo_simulation_tick:
 * One step of the data center's life: one or two changes, each an event.
 */
void
hc_demo_simulation_tick (HcDemoSimulation *self)
{
  guint n = 1 + (g_rand_double (self->rand) < 0.5);

  g_return_if_fail (HC_IS_DEMO_SIMULATION (self));

  self->ticks++;
  if (self->ticks == 8)
    degrade_disk (self, "warning", 48);
  else if (self->ticks == 30)
    degrade_disk (self, "failing", 412);

  for (guint i = 0; i < n; i++)
    {
      double r = g_rand_double (self->rand);

      if (r < 0.28)
        start_some_run (self);
      else if (r < 0.43)
        drift_lag (self);
      else if (r < 0.63)
        drift_dataset (self);
      else if (r < 0.75)
        fill_pool (self);
      else if (r < 0.80)
        warm_disk (self);
      else if (r < 0.95)
        new_alert (self);
      else
        escalate_alert (self);
    }
}

static gboolean
tick_cb (gpointer data)
{
  hc_demo_simulation_tick (data);
  return G_SOURCE_CONTINUE;
}

/**
 * hc_demo_simulation_start:
 * Adopts runs left running by a previous process, then ticks on the
 * thread-default main context. Speed 0 freezes everything but retries.
 */
void
hc_demo_simulation_start (HcDemoSimulation *self)
{
  g_autoptr(GArray) running = NULL;

  g_return_if_fail (HC_IS_DEMO_SIMULATION (self));

  running = hc_demo_store_running_runs (self->store);
  for (guint i = 0; i < running->len; i++)
    hc_demo_simulation_track_run (self, g_array_index (running, gint64, i));

  if (self->speed > 0 && self->tick_id == 0)
    self->tick_id = g_timeout_add ((guint) MAX (TICK_MS / self->speed, 10.0), tick_cb, self);
}

static void
remove_timer (gpointer data)
{
  g_source_remove (GPOINTER_TO_UINT (data));
}

static void
hc_demo_simulation_dispose (GObject *object)
{
  HcDemoSimulation *self = HC_DEMO_SIMULATION (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->runs != NULL)
    g_hash_table_remove_all (self->runs);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (hc_demo_simulation_parent_class)->dispose (object);
}

static void
hc_demo_simulation_finalize (GObject *object)
{
  HcDemoSimulation *self = HC_DEMO_SIMULATION (object);

  g_clear_pointer (&self->runs, g_hash_table_unref);
  g_clear_pointer (&self->rand, g_rand_free);

  G_OBJECT_CLASS (hc_demo_simulation_parent_class)->finalize (object);
}

static void
hc_demo_simulation_class_init (HcDemoSimulationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_demo_simulation_dispose;
  object_class->finalize = hc_demo_simulation_finalize;
}

static void
hc_demo_simulation_init (HcDemoSimulation *self)
{
  self->runs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, remove_timer);
}

HcDemoSimulation *
hc_demo_simulation_new (HcDemoStore *store,
                        guint32      seed,
                        double       speed)
{
  HcDemoSimulation *self;

  g_return_val_if_fail (HC_IS_DEMO_STORE (store), NULL);

  self = g_object_new (HC_TYPE_DEMO_SIMULATION, NULL);
  self->store = g_object_ref (store);
  self->rand = g_rand_new_with_seed (seed ^ 0x5eed5eedu);
  self->speed = speed;
  return self;
}
