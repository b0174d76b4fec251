/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo hub's state in SQLite: opens (and seeds) the database, owns the
 * prepared statements and the meta table. Reads, writes, events and JSON
 * live in the hc-demo-store-*.c files beside it. */
#include "config.h"

#include "hc-demo-seed.h"
#include "hc-demo-store-private.h"
#include "hc-demo-text.h"

G_DEFINE_QUARK (hc-demo-error-quark, hc_demo_error)

/* Bump when the schema or the seed changes: an older database is rebuilt. */
#define SCHEMA_VERSION "4"

G_DEFINE_FINAL_TYPE (HcDemoStore, hc_demo_store, G_TYPE_OBJECT)

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, name TEXT NOT NULL, agency TEXT NOT NULL,"
  "  kind TEXT NOT NULL, status TEXT NOT NULL, schedule TEXT NOT NULL, agreed_delay INTEGER NOT NULL,"
  "  last_success_at INTEGER, lag_seconds INTEGER NOT NULL, rps REAL NOT NULL, last_run INTEGER,"
  "  search TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS runs (rid INTEGER PRIMARY KEY, source_id TEXT NOT NULL,"
  "  started_at INTEGER NOT NULL, finished_at INTEGER, records INTEGER NOT NULL, bytes INTEGER NOT NULL,"
  "  outcome TEXT NOT NULL, error TEXT);"
  "CREATE TABLE IF NOT EXISTS datasets (id TEXT PRIMARY KEY, name TEXT NOT NULL, owner_agency TEXT NOT NULL,"
  "  records INTEGER NOT NULL, checked_at INTEGER NOT NULL, correct REAL NOT NULL, complete REAL NOT NULL,"
  "  clean REAL NOT NULL, live REAL NOT NULL, overall REAL NOT NULL, rules_failed INTEGER NOT NULL,"
  "  search TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS rules (id TEXT PRIMARY KEY, dataset_id TEXT NOT NULL, criterion TEXT NOT NULL,"
  "  description TEXT NOT NULL, checked INTEGER NOT NULL, failed INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS dataset_history (dataset_id TEXT NOT NULL, day INTEGER NOT NULL,"
  "  correct REAL NOT NULL, complete REAL NOT NULL, clean REAL NOT NULL, live REAL NOT NULL,"
  "  PRIMARY KEY (dataset_id, day)) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS samples (dataset_id TEXT NOT NULL, n INTEGER NOT NULL, rule_id TEXT NOT NULL,"
  "  record_key TEXT NOT NULL, field TEXT NOT NULL, value TEXT, reason TEXT NOT NULL,"
  "  PRIMARY KEY (dataset_id, n)) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS pools (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,"
  "  state TEXT NOT NULL, capacity INTEGER NOT NULL, used INTEGER NOT NULL, scheme TEXT NOT NULL,"
  "  degraded INTEGER NOT NULL, misplaced INTEGER NOT NULL, read_bps INTEGER NOT NULL,"
  "  write_bps INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS pool_history (pool_id TEXT NOT NULL, day INTEGER NOT NULL, used INTEGER NOT NULL,"
  "  PRIMARY KEY (pool_id, day)) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS nodes (id TEXT PRIMARY KEY, hostname TEXT NOT NULL, rack TEXT NOT NULL,"
  "  state TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS disks (id TEXT PRIMARY KEY, node_id TEXT NOT NULL, serial TEXT NOT NULL,"
  "  model TEXT NOT NULL, capacity INTEGER NOT NULL, health TEXT NOT NULL, temperature INTEGER NOT NULL,"
  "  reallocated INTEGER NOT NULL, power_on_hours INTEGER NOT NULL);"
  "CREATE TABLE IF NOT EXISTS alerts (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
  "  severity TEXT NOT NULL, category TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,"
  "  asset TEXT NOT NULL, source_ip TEXT, detected_at INTEGER NOT NULL, state TEXT NOT NULL,"
  "  ack_by TEXT, ack_at INTEGER, res_by TEXT, res_at INTEGER, resolution TEXT,"
  "  events_count INTEGER NOT NULL, search TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS timeline (alert_seq INTEGER NOT NULL, n INTEGER NOT NULL, at INTEGER NOT NULL,"
  "  actor TEXT NOT NULL, action TEXT NOT NULL, comment TEXT, PRIMARY KEY (alert_seq, n)) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS events (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL,"
  "  data TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL,"
  "  actor TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL, target TEXT NOT NULL,"
  "  remote TEXT NOT NULL, status INTEGER NOT NULL, comment TEXT);"
  "CREATE TABLE IF NOT EXISTS idempotency (user TEXT NOT NULL, key TEXT NOT NULL,"
  "  fingerprint TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL, created INTEGER NOT NULL,"
  "  PRIMARY KEY (user, key)) WITHOUT ROWID;";

/* Indexes are built after seeding: sorting once is cheaper than keeping
 * them in order row by row. */
static const char index_sql[] =
  "CREATE INDEX IF NOT EXISTS sources_by_status ON sources (status, id);"
  "CREATE INDEX IF NOT EXISTS sources_by_agency ON sources (agency, id);"
  "CREATE INDEX IF NOT EXISTS runs_by_source ON runs (source_id, rid);"
  "CREATE INDEX IF NOT EXISTS runs_by_outcome ON runs (outcome) WHERE outcome = 'running';"
  "CREATE INDEX IF NOT EXISTS rules_by_dataset ON rules (dataset_id);"
  "CREATE INDEX IF NOT EXISTS disks_by_node ON disks (node_id, id);"
  "CREATE INDEX IF NOT EXISTS alerts_by_state ON alerts (state, seq);"
  "CREATE INDEX IF NOT EXISTS alerts_by_severity ON alerts (severity, seq);"
  "CREATE INDEX IF NOT EXISTS alerts_by_category ON alerts (category, seq);"
  "CREATE INDEX IF NOT EXISTS alerts_by_state_severity ON alerts (state, severity)";

static const char *drop_sql[] = {
  "meta", "sources", "runs", "datasets", "rules", "dataset_history", "samples", "pools",
  "pool_history", "nodes", "disks", "alerts", "timeline", "events", "audit", "idempotency",
};

gint64
hc_demo_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* A failing statement on our own schema is a bug or a broken disk; the
 * hub cannot answer truthfully after it, so it says so loudly. */
void
hc_demo_store_check_rc (HcDemoStore *self,
                        int          rc,
                        const char  *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_critical ("demo hub database: %s: %s", what, sqlite3_errmsg (self->db));
}

void
hc_demo_store_exec (HcDemoStore *self,
                    const char  *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &msg) != SQLITE_OK)
    {
      g_critical ("demo hub database: %s", msg ? msg : "?");
      sqlite3_free (msg);
    }
}

/* Statements are prepared once and kept: the same few queries run for
 * every request. */
sqlite3_stmt *
hc_demo_store_stmt (HcDemoStore *self,
                    const char  *sql)
{
  sqlite3_stmt *st = g_hash_table_lookup (self->statements, sql);

  if (st == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
        g_error ("demo hub database: cannot prepare %s: %s", sql, sqlite3_errmsg (self->db));
      g_hash_table_insert (self->statements, (gpointer) sql, st);
    }
  else
    {
      sqlite3_reset (st);
      sqlite3_clear_bindings (st);
    }
  return st;
}

void
hc_demo_store_set_not_found (GError     **error,
                             const char  *what,
                             const char  *id)
{
  g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_NOT_FOUND, "No %s with id “%s”.", what, id);
}

/* ---- meta and opening ------------------------------------------------------------ */

char *
hc_demo_store_get_meta (HcDemoStore *self,
                        const char  *key)
{
  sqlite3_stmt *st = hc_demo_store_stmt (self, "SELECT value FROM meta WHERE key = ?");
  char *value = NULL;

  hc_demo_store_bind_text (st, 1, key);
  if (sqlite3_step (st) == SQLITE_ROW)
    value = g_strdup (hc_demo_store_col_text (st, 0));
  sqlite3_reset (st);
  return value;
}

void
hc_demo_store_set_meta (HcDemoStore *self,
                        const char  *key,
                        const char  *value)
{
  sqlite3_stmt *st = hc_demo_store_stmt (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");

  hc_demo_store_bind_text (st, 1, key);
  hc_demo_store_bind_text (st, 2, value);
  hc_demo_store_check_rc (self, sqlite3_step (st), "set meta");
  sqlite3_reset (st);
}

sqlite3 *
hc_demo_store_get_db (HcDemoStore *self)
{
  g_return_val_if_fail (HC_IS_DEMO_STORE (self), NULL);
  return self->db;
}

static void
drop_all (HcDemoStore *self)
{
  g_hash_table_remove_all (self->statements);
  for (guint i = 0; i < G_N_ELEMENTS (drop_sql); i++)
    {
      g_autofree char *sql = g_strdup_printf ("DROP TABLE IF EXISTS %s", drop_sql[i]);
      hc_demo_store_exec (self, sql);
    }
}

HcDemoStore *
hc_demo_store_open (const char  *path,
                    guint32      seed,
                    guint        scale,
                    GError     **error)
{
  g_autoptr(HcDemoStore) self = g_object_new (HC_TYPE_DEMO_STORE, NULL);
  g_autofree char *wanted = g_strdup_printf ("%s:%u:%u", SCHEMA_VERSION, seed, scale);
  g_autofree char *have = NULL;
  sqlite3_stmt *probe = NULL;
  gboolean has_meta;

  if (sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                       NULL) != SQLITE_OK)
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_DATABASE, "Cannot open the database %s: %s",
                   path, self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }
  sqlite3_busy_timeout (self->db, 5000);
  hc_demo_store_exec (self, "PRAGMA journal_mode = WAL");
  hc_demo_store_exec (self, "PRAGMA synchronous = NORMAL");
  hc_demo_store_exec (self, "PRAGMA temp_store = MEMORY");
  hc_demo_store_exec (self, "PRAGMA cache_size = -32000");

  sqlite3_prepare_v2 (self->db, "SELECT 1 FROM sqlite_master WHERE name = 'meta'", -1, &probe, NULL);
  has_meta = sqlite3_step (probe) == SQLITE_ROW;
  sqlite3_finalize (probe);
  if (has_meta)
    have = hc_demo_store_get_meta (self, "seeded");

  if (g_strcmp0 (have, wanted) != 0)
    {
      g_autoptr(GError) local = NULL;

      /* Another seed or scale means another data center: start afresh
       * rather than mix two of them. */
      drop_all (self);
      /* Seeding writes each page once, straight to the database file;
       * through the WAL it would be written twice. A crash here only
       * means seeding again, since "seeded" is written last. */
      hc_demo_store_exec (self, "PRAGMA journal_mode = DELETE");
      hc_demo_store_exec (self, "PRAGMA synchronous = OFF");
      hc_demo_store_exec (self, schema_sql);
      hc_demo_store_exec (self, "BEGIN");
      if (!hc_demo_seed_populate (self->db, seed, scale, hc_demo_store_now (), &local))
        {
          hc_demo_store_exec (self, "ROLLBACK");
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      hc_demo_store_exec (self, index_sql);
      hc_demo_store_set_meta (self, "seeded", wanted);
      hc_demo_store_exec (self, "COMMIT");
      /* The planner needs the shape of the indexes, not an exact count:
       * a sample of each is enough, and reading them whole cost a third
       * of a second at 100,000 alerts. */
      hc_demo_store_exec (self, "PRAGMA analysis_limit = 1000");
      hc_demo_store_exec (self, "ANALYZE");
      hc_demo_store_exec (self, "PRAGMA journal_mode = WAL");
      hc_demo_store_exec (self, "PRAGMA synchronous = NORMAL");
    }
  else
    {
      hc_demo_store_exec (self, schema_sql);
      hc_demo_store_exec (self, index_sql);
    }

  /* A retried POST comes within minutes; a day is plenty to keep its answer. */
  {
    sqlite3_stmt *st = hc_demo_store_stmt (self, "DELETE FROM idempotency WHERE created < ?");

    sqlite3_bind_int64 (st, 1, hc_demo_store_now () - 86400);
    hc_demo_store_check_rc (self, sqlite3_step (st), "expire idempotency keys");
    sqlite3_reset (st);
  }

  return g_steal_pointer (&self);
}

static void
hc_demo_store_finalize (GObject *object)
{
  HcDemoStore *self = HC_DEMO_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  hc_demo_store_events_finalize (self);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);

  G_OBJECT_CLASS (hc_demo_store_parent_class)->finalize (object);
}

static void
hc_demo_store_class_init (HcDemoStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_demo_store_finalize;

  hc_demo_store_events_class_init (object_class);
}

static void
finalize_stmt (gpointer st)
{
  sqlite3_finalize (st);
}

static void
hc_demo_store_init (HcDemoStore *self)
{
  self->statements = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, finalize_stmt);
  hc_demo_store_events_init (self);
}

