/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hc-demo-seed.h"
#include "hc-demo-store.h"
#include "hc-demo-text.h"

G_DEFINE_QUARK (hc-demo-error-quark, hc_demo_error)

/* Bump when the schema or the seed changes: an older database is rebuilt. */
#define SCHEMA_VERSION "4"

typedef struct {
  gint64  id;
  char   *name;
  char   *data;
} PendingEvent;

struct _HcDemoStore
{
  GObject     parent_instance;

  sqlite3    *db;
  GHashTable *statements;   /* const char *sql -> sqlite3_stmt * */
  guint       depth;
  guint       event_window;
  GPtrArray  *pending;      /* PendingEvent *, announced after COMMIT */
};

G_DEFINE_FINAL_TYPE (HcDemoStore, hc_demo_store, G_TYPE_OBJECT)

enum {
  SIGNAL_EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char schema_sql[] =
  "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS sources (id TEXT PRIMARY KEY, name TEXT NOT NULL, agency TEXT NOT NULL,"
  "  kind TEXT NOT NULL, status TEXT NOT NULL, schedule TEXT NOT NULL, agreed_delay INTEGER NOT NULL,"
  "  last_success_at INTEGER, lag_seconds INTEGER NOT NULL, rps REAL NOT NULL, last_run INTEGER,"
  "  search TEXT NOT NULL);"
  "CREATE INDEX IF NOT EXISTS sources_by_status ON sources (status, id);"
  "CREATE INDEX IF NOT EXISTS sources_by_agency ON sources (agency, id);"
  "CREATE TABLE IF NOT EXISTS runs (rid INTEGER PRIMARY KEY, source_id TEXT NOT NULL,"
  "  started_at INTEGER NOT NULL, finished_at INTEGER, records INTEGER NOT NULL, bytes INTEGER NOT NULL,"
  "  outcome TEXT NOT NULL, error TEXT);"
  "CREATE INDEX IF NOT EXISTS runs_by_source ON runs (source_id, rid);"
  "CREATE INDEX IF NOT EXISTS runs_by_outcome ON runs (outcome) WHERE outcome = 'running';"
  "CREATE TABLE IF NOT EXISTS datasets (id TEXT PRIMARY KEY, name TEXT NOT NULL, owner_agency TEXT NOT NULL,"
  "  records INTEGER NOT NULL, checked_at INTEGER NOT NULL, correct REAL NOT NULL, complete REAL NOT NULL,"
  "  clean REAL NOT NULL, live REAL NOT NULL, overall REAL NOT NULL, rules_failed INTEGER NOT NULL,"
  "  search TEXT NOT NULL);"
  "CREATE TABLE IF NOT EXISTS rules (id TEXT PRIMARY KEY, dataset_id TEXT NOT NULL, criterion TEXT NOT NULL,"
  "  description TEXT NOT NULL, checked INTEGER NOT NULL, failed INTEGER NOT NULL);"
  "CREATE INDEX IF NOT EXISTS rules_by_dataset ON rules (dataset_id);"
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
  "CREATE INDEX IF NOT EXISTS disks_by_node ON disks (node_id, id);"
  "CREATE TABLE IF NOT EXISTS alerts (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
  "  severity TEXT NOT NULL, category TEXT NOT NULL, title TEXT NOT NULL, description TEXT NOT NULL,"
  "  asset TEXT NOT NULL, source_ip TEXT, detected_at INTEGER NOT NULL, state TEXT NOT NULL,"
  "  ack_by TEXT, ack_at INTEGER, res_by TEXT, res_at INTEGER, resolution TEXT,"
  "  events_count INTEGER NOT NULL, search TEXT NOT NULL);"
  "CREATE INDEX IF NOT EXISTS alerts_by_state ON alerts (state, seq);"
  "CREATE INDEX IF NOT EXISTS alerts_by_severity ON alerts (severity, seq);"
  "CREATE INDEX IF NOT EXISTS alerts_by_category ON alerts (category, seq);"
  "CREATE INDEX IF NOT EXISTS alerts_by_state_severity ON alerts (state, severity);"
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

static const char *drop_sql[] = {
  "meta", "sources", "runs", "datasets", "rules", "dataset_history", "samples", "pools",
  "pool_history", "nodes", "disks", "alerts", "timeline", "events", "audit", "idempotency",
};

static void
pending_event_free (gpointer data)
{
  PendingEvent *ev = data;

  g_free (ev->name);
  g_free (ev->data);
  g_free (ev);
}

gint64
hc_demo_store_now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* A failing statement on our own schema is a bug or a broken disk; the
 * hub cannot answer truthfully after it, so it says so loudly. */
static void
check_rc (HcDemoStore *self,
          int          rc,
          const char  *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    g_critical ("demo hub database: %s: %s", what, sqlite3_errmsg (self->db));
}

static void
exec (HcDemoStore *self,
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
static sqlite3_stmt *
stmt (HcDemoStore *self,
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

static void
bind_text (sqlite3_stmt *st,
           int           i,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (st, i);
  else
    sqlite3_bind_text (st, i, text, -1, SQLITE_TRANSIENT);
}

static const char *
col_text (sqlite3_stmt *st,
          int           i)
{
  return (const char *) sqlite3_column_text (st, i);
}

/* ---- JSON pieces -------------------------------------------------------- */

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value == NULL)
    json_builder_add_null_value (b);
  else
    json_builder_add_string_value (b, value);
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

static void
add_score (JsonBuilder *b,
           const char  *name,
           double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, hc_demo_text_round1 (CLAMP (value, 0.0, 100.0)));
}

static void
add_time_col (JsonBuilder  *b,
              const char   *name,
              sqlite3_stmt *st,
              int           i)
{
  json_builder_set_member_name (b, name);
  if (sqlite3_column_type (st, i) == SQLITE_NULL)
    json_builder_add_null_value (b);
  else
    {
      g_autofree char *t = hc_demo_text_format_time (sqlite3_column_int64 (st, i));
      json_builder_add_string_value (b, t);
    }
}

#define RUN_COLS "r.rid, r.started_at, r.finished_at, r.records, r.bytes, r.outcome, r.error"

static void
build_run (JsonBuilder  *b,
           sqlite3_stmt *st,
           int           o)
{
  g_autofree char *id = g_strdup_printf ("run-%08" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (st, o));

  json_builder_begin_object (b);
  add_string (b, "id", id);
  add_time_col (b, "started_at", st, o + 1);
  add_time_col (b, "finished_at", st, o + 2);
  add_int (b, "records", sqlite3_column_int64 (st, o + 3));
  add_int (b, "bytes", sqlite3_column_int64 (st, o + 4));
  add_string (b, "outcome", col_text (st, o + 5));
  add_string (b, "error", col_text (st, o + 6));
  json_builder_end_object (b);
}

#define SOURCE_COLS "s.id, s.name, s.agency, s.kind, s.status, s.schedule, s.agreed_delay, " \
  "s.last_success_at, s.lag_seconds, s.rps, " RUN_COLS
#define SOURCE_FROM "sources s LEFT JOIN runs r ON r.rid = s.last_run"

static void
build_source (HcDemoStore  *self,
              JsonBuilder  *b,
              sqlite3_stmt *st,
              gboolean      open_only)
{
  json_builder_begin_object (b);
  add_string (b, "id", col_text (st, 0));
  add_string (b, "name", col_text (st, 1));
  add_string (b, "agency", col_text (st, 2));
  add_string (b, "kind", col_text (st, 3));
  add_string (b, "status", col_text (st, 4));
  add_string (b, "schedule", col_text (st, 5));
  add_int (b, "agreed_delay_seconds", sqlite3_column_int64 (st, 6));
  add_time_col (b, "last_success_at", st, 7);
  add_int (b, "lag_seconds", sqlite3_column_int64 (st, 8));
  json_builder_set_member_name (b, "records_per_second");
  json_builder_add_double_value (b, hc_demo_text_round1 (sqlite3_column_double (st, 9)));
  json_builder_set_member_name (b, "last_run");
  if (sqlite3_column_type (st, 10) == SQLITE_NULL)
    json_builder_add_null_value (b);
  else
    build_run (b, st, 10);
  if (!open_only)
    json_builder_end_object (b);
}

#define DATASET_COLS "id, name, owner_agency, records, checked_at, correct, complete, clean, live, " \
  "overall, rules_failed"

static void
build_dataset (HcDemoStore  *self,
               JsonBuilder  *b,
               sqlite3_stmt *st,
               gboolean      open_only)
{
  json_builder_begin_object (b);
  add_string (b, "id", col_text (st, 0));
  add_string (b, "name", col_text (st, 1));
  add_string (b, "owner_agency", col_text (st, 2));
  add_int (b, "records", sqlite3_column_int64 (st, 3));
  add_time_col (b, "checked_at", st, 4);
  json_builder_set_member_name (b, "scores");
  json_builder_begin_object (b);
  add_score (b, "correct", sqlite3_column_double (st, 5));
  add_score (b, "complete", sqlite3_column_double (st, 6));
  add_score (b, "clean", sqlite3_column_double (st, 7));
  add_score (b, "live", sqlite3_column_double (st, 8));
  add_score (b, "overall", sqlite3_column_double (st, 9));
  json_builder_end_object (b);
  add_int (b, "rules_failed", sqlite3_column_int64 (st, 10));
  if (!open_only)
    json_builder_end_object (b);
}

#define POOL_COLS "id, name, kind, state, capacity, used, scheme, degraded, misplaced, read_bps, write_bps"

static void
build_pool (HcDemoStore  *self,
            JsonBuilder  *b,
            sqlite3_stmt *st,
            gboolean      open_only)
{
  sqlite3_stmt *h;
  const char *id = col_text (st, 0);

  json_builder_begin_object (b);
  add_string (b, "id", id);
  add_string (b, "name", col_text (st, 1));
  add_string (b, "kind", col_text (st, 2));
  add_string (b, "state", col_text (st, 3));
  add_int (b, "capacity_bytes", sqlite3_column_int64 (st, 4));
  add_int (b, "used_bytes", sqlite3_column_int64 (st, 5));
  json_builder_set_member_name (b, "replication");
  json_builder_begin_object (b);
  add_string (b, "scheme", col_text (st, 6));
  add_int (b, "degraded_objects", sqlite3_column_int64 (st, 7));
  add_int (b, "misplaced_objects", sqlite3_column_int64 (st, 8));
  json_builder_end_object (b);
  add_int (b, "read_bps", sqlite3_column_int64 (st, 9));
  add_int (b, "write_bps", sqlite3_column_int64 (st, 10));

  json_builder_set_member_name (b, "history");
  json_builder_begin_array (b);
  h = stmt (self, "SELECT day, used FROM (SELECT day, used FROM pool_history WHERE pool_id = ?"
                  " ORDER BY day DESC LIMIT 90) ORDER BY day");
  bind_text (h, 1, id);
  while (sqlite3_step (h) == SQLITE_ROW)
    {
      g_autofree char *date = hc_demo_text_format_date (sqlite3_column_int64 (h, 0));

      json_builder_begin_object (b);
      add_string (b, "date", date);
      add_int (b, "used_bytes", sqlite3_column_int64 (h, 1));
      json_builder_end_object (b);
    }
  sqlite3_reset (h);
  json_builder_end_array (b);
  if (!open_only)
    json_builder_end_object (b);
}

#define NODE_COLS "id, hostname, rack, state"

static void
build_node (HcDemoStore  *self,
            JsonBuilder  *b,
            sqlite3_stmt *st,
            gboolean      open_only)
{
  sqlite3_stmt *d;

  json_builder_begin_object (b);
  add_string (b, "id", col_text (st, 0));
  add_string (b, "hostname", col_text (st, 1));
  add_string (b, "rack", col_text (st, 2));
  add_string (b, "state", col_text (st, 3));
  json_builder_set_member_name (b, "disks");
  json_builder_begin_array (b);
  d = stmt (self, "SELECT id, serial, model, capacity, health, temperature, reallocated, power_on_hours"
                  " FROM disks WHERE node_id = ? ORDER BY id");
  bind_text (d, 1, col_text (st, 0));
  while (sqlite3_step (d) == SQLITE_ROW)
    {
      json_builder_begin_object (b);
      add_string (b, "id", col_text (d, 0));
      add_string (b, "serial", col_text (d, 1));
      add_string (b, "model", col_text (d, 2));
      add_int (b, "capacity_bytes", sqlite3_column_int64 (d, 3));
      add_string (b, "health", col_text (d, 4));
      add_int (b, "temperature_c", sqlite3_column_int64 (d, 5));
      add_int (b, "reallocated_sectors", sqlite3_column_int64 (d, 6));
      add_int (b, "power_on_hours", sqlite3_column_int64 (d, 7));
      json_builder_end_object (b);
    }
  sqlite3_reset (d);
  json_builder_end_array (b);
  if (!open_only)
    json_builder_end_object (b);
}

#define ALERT_COLS "seq, id, severity, category, title, description, asset, source_ip, detected_at, " \
  "state, ack_by, ack_at, res_by, res_at, resolution, events_count"

static void
build_alert (HcDemoStore  *self,
             JsonBuilder  *b,
             sqlite3_stmt *st,
             gboolean      open_only)
{
  json_builder_begin_object (b);
  add_string (b, "id", col_text (st, 1));
  add_string (b, "severity", col_text (st, 2));
  add_string (b, "category", col_text (st, 3));
  add_string (b, "title", col_text (st, 4));
  add_string (b, "description", col_text (st, 5));
  add_string (b, "asset", col_text (st, 6));
  add_string (b, "source_ip", col_text (st, 7));
  add_time_col (b, "detected_at", st, 8);
  add_string (b, "state", col_text (st, 9));
  add_string (b, "acknowledged_by", col_text (st, 10));
  add_time_col (b, "acknowledged_at", st, 11);
  add_string (b, "resolved_by", col_text (st, 12));
  add_time_col (b, "resolved_at", st, 13);
  add_string (b, "resolution", col_text (st, 14));
  add_int (b, "events_count", sqlite3_column_int64 (st, 15));
  if (!open_only)
    json_builder_end_object (b);
}

#define AUDIT_COLS "id, at, actor, role, action, target, remote, status, comment"

static void
build_audit (HcDemoStore  *self,
             JsonBuilder  *b,
             sqlite3_stmt *st,
             gboolean      open_only)
{
  g_autofree char *id = g_strdup_printf ("audit-%08" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (st, 0));

  json_builder_begin_object (b);
  add_string (b, "id", id);
  add_time_col (b, "at", st, 1);
  add_string (b, "actor", col_text (st, 2));
  add_string (b, "role", col_text (st, 3));
  add_string (b, "action", col_text (st, 4));
  add_string (b, "target", col_text (st, 5));
  add_string (b, "remote_address", col_text (st, 6));
  add_int (b, "status", sqlite3_column_int64 (st, 7));
  add_string (b, "comment", col_text (st, 8));
  if (!open_only)
    json_builder_end_object (b);
}

typedef void (*RowBuilder) (HcDemoStore  *self,
                            JsonBuilder  *b,
                            sqlite3_stmt *st,
                            gboolean      open_only);

/* ---- lists ----------------------------------------------------------------- */

typedef struct {
  enum { BIND_TEXT, BIND_INT, BIND_DOUBLE } type;
  const char *text;
  gint64      i;
  double      d;
} Bind;

typedef struct {
  GString *where;
  GArray  *binds;
} Filter;

static void
filter_init (Filter *f)
{
  f->where = g_string_new ("1");
  f->binds = g_array_new (FALSE, TRUE, sizeof (Bind));
}

static void
filter_clear (Filter *f)
{
  g_string_free (f->where, TRUE);
  g_array_unref (f->binds);
}

/* Clauses come from this file only; every value goes through a binding. */
static void
filter_text (Filter     *f,
             const char *clause,
             const char *value)
{
  Bind bind = { BIND_TEXT, value, 0, 0 };

  g_string_append_printf (f->where, " AND %s", clause);
  g_array_append_val (f->binds, bind);
}

static void
filter_int (Filter     *f,
            const char *clause,
            gint64      value)
{
  Bind bind = { BIND_INT, NULL, value, 0 };

  g_string_append_printf (f->where, " AND %s", clause);
  g_array_append_val (f->binds, bind);
}

static void
filter_double (Filter     *f,
               const char *clause,
               double      value)
{
  Bind bind = { BIND_DOUBLE, NULL, 0, value };

  g_string_append_printf (f->where, " AND %s", clause);
  g_array_append_val (f->binds, bind);
}

static int
bind_filter (sqlite3_stmt *st,
             Filter       *f)
{
  guint i;

  for (i = 0; i < f->binds->len; i++)
    {
      Bind *bind = &g_array_index (f->binds, Bind, i);

      switch (bind->type)
        {
        case BIND_TEXT: bind_text (st, i + 1, bind->text); break;
        case BIND_INT: sqlite3_bind_int64 (st, i + 1, bind->i); break;
        case BIND_DOUBLE: sqlite3_bind_double (st, i + 1, bind->d); break;
        default: g_assert_not_reached ();
        }
    }
  return i + 1;
}

/* Keyset paging: the page after `after` in key order, one row more than
 * asked to learn whether another page follows. Column 0 is the key. */
static JsonNode *
list_page (HcDemoStore           *self,
           const char            *columns,
           const char            *from,
           const char            *key,
           gboolean               key_is_int,
           gboolean               descending,
           Filter                *f,
           const HcDemoListQuery *q,
           RowBuilder             build,
           char                 **next_key)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *count_sql = NULL;
  g_autofree char *page_sql = NULL;
  g_autofree char *last_key = NULL;
  sqlite3_stmt *st = NULL;
  gint64 total = 0;
  guint n = 0;
  int next;

  *next_key = NULL;

  count_sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s", from, f->where->str);
  if (sqlite3_prepare_v2 (self->db, count_sql, -1, &st, NULL) != SQLITE_OK)
    g_error ("demo hub database: %s", sqlite3_errmsg (self->db));
  bind_filter (st, f);
  if (sqlite3_step (st) == SQLITE_ROW)
    total = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);

  page_sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s%s%s%s ORDER BY %s%s LIMIT ?",
                              columns, from, f->where->str,
                              q->after ? " AND " : "", q->after ? key : "",
                              q->after ? (descending ? " < ?" : " > ?") : "",
                              key, descending ? " DESC" : "");
  if (sqlite3_prepare_v2 (self->db, page_sql, -1, &st, NULL) != SQLITE_OK)
    g_error ("demo hub database: %s", sqlite3_errmsg (self->db));
  next = bind_filter (st, f);
  if (q->after != NULL)
    {
      if (key_is_int)
        sqlite3_bind_int64 (st, next++, g_ascii_strtoll (q->after, NULL, 10));
      else
        bind_text (st, next++, q->after);
    }
  sqlite3_bind_int64 (st, next, (gint64) q->limit + 1);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      if (n == q->limit)
        {
          *next_key = g_steal_pointer (&last_key);
          break;
        }
      build (self, b, st, FALSE);
      g_free (last_key);
      last_key = g_strdup (col_text (st, 0));
      n++;
    }
  sqlite3_finalize (st);
  json_builder_end_array (b);
  add_int (b, "total", total);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

JsonNode *
hc_demo_store_list_sources (HcDemoStore           *self,
                            const HcDemoListQuery *query,
                            char                 **next_key)
{
  Filter f;
  JsonNode *node;

  filter_init (&f);
  if (query->status)
    filter_text (&f, "s.status = ?", query->status);
  if (query->agency)
    filter_text (&f, "s.agency = ?", query->agency);
  if (query->q)
    filter_text (&f, "instr(s.search, ?) > 0", query->q);
  node = list_page (self, SOURCE_COLS, SOURCE_FROM, "s.id", FALSE, FALSE, &f, query,
                    build_source, next_key);
  filter_clear (&f);
  return node;
}

JsonNode *
hc_demo_store_list_datasets (HcDemoStore           *self,
                             const HcDemoListQuery *query,
                             char                 **next_key)
{
  Filter f;
  JsonNode *node;

  filter_init (&f);
  if (query->has_below)
    {
      const char *c = query->criterion ? query->criterion : "overall";
      g_autofree char *clause = NULL;

      /* The column name comes from a fixed list the server checked. */
      g_assert (g_strv_contains ((const char *[]) { "correct", "complete", "clean", "live", "overall", NULL }, c));
      clause = g_strdup_printf ("round(%s, 1) < ?", c);
      filter_double (&f, clause, query->below);
    }
  if (query->q)
    filter_text (&f, "instr(search, ?) > 0", query->q);
  node = list_page (self, DATASET_COLS, "datasets", "id", FALSE, FALSE, &f, query,
                    build_dataset, next_key);
  filter_clear (&f);
  return node;
}

JsonNode *
hc_demo_store_list_pools (HcDemoStore           *self,
                          const HcDemoListQuery *query,
                          char                 **next_key)
{
  Filter f;
  JsonNode *node;

  filter_init (&f);
  node = list_page (self, POOL_COLS, "pools", "id", FALSE, FALSE, &f, query, build_pool, next_key);
  filter_clear (&f);
  return node;
}

JsonNode *
hc_demo_store_list_nodes (HcDemoStore           *self,
                          const HcDemoListQuery *query,
                          char                 **next_key)
{
  Filter f;
  JsonNode *node;

  filter_init (&f);
  node = list_page (self, NODE_COLS, "nodes", "id", FALSE, FALSE, &f, query, build_node, next_key);
  filter_clear (&f);
  return node;
}

JsonNode *
hc_demo_store_list_alerts (HcDemoStore           *self,
                           const HcDemoListQuery *query,
                           char                 **next_key)
{
  Filter f;
  JsonNode *node;

  filter_init (&f);
  if (query->state)
    filter_text (&f, "state = ?", query->state);
  if (query->severity)
    filter_text (&f, "severity = ?", query->severity);
  if (query->category)
    filter_text (&f, "category = ?", query->category);
  if (query->has_since)
    filter_int (&f, "detected_at >= ?", query->since);
  if (query->q)
    filter_text (&f, "instr(search, ?) > 0", query->q);
  node = list_page (self, ALERT_COLS, "alerts", "seq", TRUE, TRUE, &f, query, build_alert, next_key);
  filter_clear (&f);
  return node;
}

JsonNode *
hc_demo_store_list_audit (HcDemoStore           *self,
                          const HcDemoListQuery *query,
                          char                 **next_key)
{
  Filter f;
  JsonNode *node;

  filter_init (&f);
  node = list_page (self, AUDIT_COLS, "audit", "id", TRUE, TRUE, &f, query, build_audit, next_key);
  filter_clear (&f);
  return node;
}

/* ---- details ------------------------------------------------------------------ */

static void
set_not_found (GError     **error,
               const char  *what,
               const char  *id)
{
  g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_NOT_FOUND, "No %s with id “%s”.", what, id);
}

JsonNode *
hc_demo_store_get_source (HcDemoStore  *self,
                          const char   *id,
                          gboolean      with_runs,
                          GError      **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  sqlite3_stmt *st = stmt (self, "SELECT " SOURCE_COLS " FROM " SOURCE_FROM " WHERE s.id = ?");

  bind_text (st, 1, id);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      sqlite3_reset (st);
      set_not_found (error, "source", id);
      return NULL;
    }
  build_source (self, b, st, TRUE);
  sqlite3_reset (st);

  if (with_runs)
    {
      sqlite3_stmt *r = stmt (self, "SELECT " RUN_COLS " FROM runs r WHERE r.source_id = ?"
                                    " ORDER BY r.rid DESC LIMIT 50");

      json_builder_set_member_name (b, "runs");
      json_builder_begin_array (b);
      bind_text (r, 1, id);
      while (sqlite3_step (r) == SQLITE_ROW)
        build_run (b, r, 0);
      sqlite3_reset (r);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
hc_demo_store_get_dataset (HcDemoStore  *self,
                           const char   *id,
                           gboolean      with_detail,
                           GError      **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  sqlite3_stmt *st = stmt (self, "SELECT " DATASET_COLS " FROM datasets WHERE id = ?");

  bind_text (st, 1, id);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      sqlite3_reset (st);
      set_not_found (error, "dataset", id);
      return NULL;
    }
  build_dataset (self, b, st, TRUE);
  sqlite3_reset (st);

  if (with_detail)
    {
      sqlite3_stmt *r;

      json_builder_set_member_name (b, "rules");
      json_builder_begin_array (b);
      r = stmt (self, "SELECT id, criterion, description, checked, failed FROM rules"
                      " WHERE dataset_id = ? ORDER BY id");
      bind_text (r, 1, id);
      while (sqlite3_step (r) == SQLITE_ROW)
        {
          json_builder_begin_object (b);
          add_string (b, "id", col_text (r, 0));
          add_string (b, "criterion", col_text (r, 1));
          add_string (b, "description", col_text (r, 2));
          add_int (b, "checked", sqlite3_column_int64 (r, 3));
          add_int (b, "failed", sqlite3_column_int64 (r, 4));
          json_builder_end_object (b);
        }
      sqlite3_reset (r);
      json_builder_end_array (b);

      json_builder_set_member_name (b, "history");
      json_builder_begin_array (b);
      r = stmt (self, "SELECT day, correct, complete, clean, live FROM (SELECT * FROM dataset_history"
                      " WHERE dataset_id = ? ORDER BY day DESC LIMIT 90) ORDER BY day");
      bind_text (r, 1, id);
      while (sqlite3_step (r) == SQLITE_ROW)
        {
          g_autofree char *date = hc_demo_text_format_date (sqlite3_column_int64 (r, 0));

          json_builder_begin_object (b);
          add_string (b, "date", date);
          add_score (b, "correct", sqlite3_column_double (r, 1));
          add_score (b, "complete", sqlite3_column_double (r, 2));
          add_score (b, "clean", sqlite3_column_double (r, 3));
          add_score (b, "live", sqlite3_column_double (r, 4));
          json_builder_end_object (b);
        }
      sqlite3_reset (r);
      json_builder_end_array (b);

      json_builder_set_member_name (b, "failing_samples");
      json_builder_begin_array (b);
      r = stmt (self, "SELECT rule_id, record_key, field, value, reason FROM samples"
                      " WHERE dataset_id = ? ORDER BY n");
      bind_text (r, 1, id);
      while (sqlite3_step (r) == SQLITE_ROW)
        {
          json_builder_begin_object (b);
          add_string (b, "rule_id", col_text (r, 0));
          add_string (b, "record_key", col_text (r, 1));
          add_string (b, "field", col_text (r, 2));
          add_string (b, "value", col_text (r, 3));
          add_string (b, "reason", col_text (r, 4));
          json_builder_end_object (b);
        }
      sqlite3_reset (r);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static JsonNode *
get_pool (HcDemoStore *self,
          const char  *id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  sqlite3_stmt *own = NULL;
  JsonNode *node = NULL;

  sqlite3_prepare_v2 (self->db, "SELECT " POOL_COLS " FROM pools WHERE id = ?", -1, &own, NULL);
  bind_text (own, 1, id);
  if (sqlite3_step (own) == SQLITE_ROW)
    {
      build_pool (self, b, own, FALSE);
      node = json_builder_get_root (b);
    }
  sqlite3_finalize (own);
  return node;
}

static JsonNode *
get_node (HcDemoStore *self,
          const char  *id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  sqlite3_stmt *own = NULL;
  JsonNode *node = NULL;

  sqlite3_prepare_v2 (self->db, "SELECT " NODE_COLS " FROM nodes WHERE id = ?", -1, &own, NULL);
  bind_text (own, 1, id);
  if (sqlite3_step (own) == SQLITE_ROW)
    {
      build_node (self, b, own, FALSE);
      node = json_builder_get_root (b);
    }
  sqlite3_finalize (own);
  return node;
}

JsonNode *
hc_demo_store_get_alert (HcDemoStore  *self,
                         const char   *id,
                         gboolean      with_timeline,
                         GError      **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  sqlite3_stmt *st = stmt (self, "SELECT " ALERT_COLS " FROM alerts WHERE id = ?");
  gint64 seq, detected_at;

  bind_text (st, 1, id);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      sqlite3_reset (st);
      set_not_found (error, "alert", id);
      return NULL;
    }
  build_alert (self, b, st, TRUE);
  seq = sqlite3_column_int64 (st, 0);
  detected_at = sqlite3_column_int64 (st, 8);
  sqlite3_reset (st);

  if (with_timeline)
    {
      g_autofree char *at = hc_demo_text_format_time (detected_at);
      sqlite3_stmt *t;

      json_builder_set_member_name (b, "timeline");
      json_builder_begin_array (b);
      /* Detection is implied by the alert itself, so it is not stored twice. */
      json_builder_begin_object (b);
      add_string (b, "at", at);
      add_string (b, "actor", "system");
      add_string (b, "action", "detected");
      add_string (b, "comment", NULL);
      json_builder_end_object (b);
      t = stmt (self, "SELECT at, actor, action, comment FROM timeline WHERE alert_seq = ? ORDER BY n");
      sqlite3_bind_int64 (t, 1, seq);
      while (sqlite3_step (t) == SQLITE_ROW)
        {
          json_builder_begin_object (b);
          add_time_col (b, "at", t, 0);
          add_string (b, "actor", col_text (t, 1));
          add_string (b, "action", col_text (t, 2));
          add_string (b, "comment", col_text (t, 3));
          json_builder_end_object (b);
        }
      sqlite3_reset (t);
      json_builder_end_array (b);
    }
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- overview ------------------------------------------------------------------ */

static gint64
count_where (HcDemoStore *self,
             const char  *sql,
             const char  *value)
{
  sqlite3_stmt *st = stmt (self, sql);
  gint64 n = 0;

  if (value != NULL)
    bind_text (st, 1, value);
  if (sqlite3_step (st) == SQLITE_ROW)
    n = sqlite3_column_int64 (st, 0);
  sqlite3_reset (st);
  return n;
}

static void
add_counts (HcDemoStore        *self,
            JsonBuilder        *b,
            const char         *member,
            const char         *sql,
            const char * const *values,
            gint64             *sum)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint i = 0; values[i] != NULL; i++)
    {
      gint64 n = count_where (self, sql, values[i]);

      add_int (b, values[i], n);
      if (sum != NULL)
        *sum += n;
    }
  json_builder_end_object (b);
}

JsonNode *
hc_demo_store_overview (HcDemoStore *self)
{
  static const char * const source_status[] = { "ok", "lagging", "failed", "paused", NULL };
  static const char * const severities[] = { "critical", "high", "medium", "low", NULL };
  static const char * const pool_states[] = { "healthy", "degraded", "critical", NULL };
  static const char * const node_states[] = { "up", "down", "maintenance", NULL };
  static const char * const disk_health[] = { "ok", "warning", "failing", NULL };
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *now = hc_demo_text_format_time (hc_demo_store_now ());
  gint64 open_total = 0, ack_total = 0;
  sqlite3_stmt *st;

  json_builder_begin_object (b);
  add_string (b, "generated_at", now);

  json_builder_set_member_name (b, "sources");
  json_builder_begin_object (b);
  add_int (b, "total", count_where (self, "SELECT count(*) FROM sources", NULL));
  add_counts (self, b, "by_status", "SELECT count(*) FROM sources WHERE status = ?", source_status, NULL);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "quality");
  json_builder_begin_object (b);
  st = stmt (self, "SELECT count(*), coalesce(avg(correct), 0), coalesce(avg(complete), 0),"
                   " coalesce(avg(clean), 0), coalesce(avg(live), 0), coalesce(avg(overall), 0) FROM datasets");
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      add_int (b, "datasets", sqlite3_column_int64 (st, 0));
      json_builder_set_member_name (b, "mean");
      json_builder_begin_object (b);
      add_score (b, "correct", sqlite3_column_double (st, 1));
      add_score (b, "complete", sqlite3_column_double (st, 2));
      add_score (b, "clean", sqlite3_column_double (st, 3));
      add_score (b, "live", sqlite3_column_double (st, 4));
      add_score (b, "overall", sqlite3_column_double (st, 5));
      json_builder_end_object (b);
    }
  sqlite3_reset (st);
  json_builder_set_member_name (b, "weights");
  json_builder_begin_object (b);
  for (guint i = 0; i < 4; i++)
    {
      static const char *names[] = { "correct", "complete", "clean", "live" };

      json_builder_set_member_name (b, names[i]);
      json_builder_add_double_value (b, 0.25);
    }
  json_builder_end_object (b);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "storage");
  json_builder_begin_object (b);
  st = stmt (self, "SELECT coalesce(sum(used), 0), coalesce(sum(capacity), 0) FROM pools");
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      add_int (b, "used_bytes", sqlite3_column_int64 (st, 0));
      add_int (b, "capacity_bytes", sqlite3_column_int64 (st, 1));
    }
  sqlite3_reset (st);
  add_counts (self, b, "pools_by_state", "SELECT count(*) FROM pools WHERE state = ?", pool_states, NULL);
  add_counts (self, b, "nodes_by_state", "SELECT count(*) FROM nodes WHERE state = ?", node_states, NULL);
  add_counts (self, b, "disks_by_health", "SELECT count(*) FROM disks WHERE health = ?", disk_health, NULL);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "alerts");
  json_builder_begin_object (b);
  add_counts (self, b, "open_by_severity",
              "SELECT count(*) FROM alerts WHERE state = 'open' AND severity = ?", severities, &open_total);
  add_counts (self, b, "acknowledged_by_severity",
              "SELECT count(*) FROM alerts WHERE state = 'acknowledged' AND severity = ?", severities, &ack_total);
  add_int (b, "open_total", open_total);
  add_int (b, "acknowledged_total", ack_total);
  json_builder_end_object (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

/* ---- transactions and events -------------------------------------------------- */

void
hc_demo_store_begin (HcDemoStore *self)
{
  g_return_if_fail (HC_IS_DEMO_STORE (self));

  if (self->depth++ == 0)
    exec (self, "BEGIN IMMEDIATE");
}

void
hc_demo_store_commit (HcDemoStore *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (HC_IS_DEMO_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  exec (self, "COMMIT");

  /* Only what is on disk is announced: a client that saw an event can
   * always resume after it, even if the hub dies right now. */
  pending = g_steal_pointer (&self->pending);
  self->pending = g_ptr_array_new_with_free_func (pending_event_free);
  for (guint i = 0; i < pending->len; i++)
    {
      PendingEvent *ev = g_ptr_array_index (pending, i);

      g_signal_emit (self, signals[SIGNAL_EVENT], 0, ev->id, ev->name, ev->data);
    }
}

void
hc_demo_store_rollback (HcDemoStore *self)
{
  g_return_if_fail (HC_IS_DEMO_STORE (self));
  g_return_if_fail (self->depth > 0);

  self->depth = 0;
  exec (self, "ROLLBACK");
  g_ptr_array_set_size (self->pending, 0);
}

void
hc_demo_store_emit (HcDemoStore *self,
                    const char  *name,
                    JsonNode    *data)
{
  PendingEvent *ev;
  sqlite3_stmt *st;
  g_autofree char *text = NULL;

  g_return_if_fail (HC_IS_DEMO_STORE (self));
  g_return_if_fail (data != NULL);

  text = hc_demo_text_json (data);

  hc_demo_store_begin (self);
  st = stmt (self, "INSERT INTO events (name, data) VALUES (?, ?)");
  bind_text (st, 1, name);
  bind_text (st, 2, text);
  check_rc (self, sqlite3_step (st), "insert event");
  sqlite3_reset (st);

  ev = g_new0 (PendingEvent, 1);
  ev->id = sqlite3_last_insert_rowid (self->db);
  ev->name = g_strdup (name);
  ev->data = g_steal_pointer (&text);
  g_ptr_array_add (self->pending, ev);

  st = stmt (self, "DELETE FROM events WHERE id <= ?");
  sqlite3_bind_int64 (st, 1, ev->id - self->event_window);
  check_rc (self, sqlite3_step (st), "trim events");
  sqlite3_reset (st);
  hc_demo_store_commit (self);
}

void
hc_demo_store_emit_source (HcDemoStore *self,
                           const char  *id)
{
  g_autoptr(JsonNode) node = hc_demo_store_get_source (self, id, FALSE, NULL);

  if (node != NULL)
    hc_demo_store_emit (self, "source.updated", node);
}

void
hc_demo_store_emit_dataset (HcDemoStore *self,
                            const char  *id)
{
  g_autoptr(JsonNode) node = hc_demo_store_get_dataset (self, id, FALSE, NULL);

  if (node != NULL)
    hc_demo_store_emit (self, "dataset.updated", node);
}

void
hc_demo_store_emit_pool (HcDemoStore *self,
                         const char  *id)
{
  g_autoptr(JsonNode) node = get_pool (self, id);

  if (node != NULL)
    hc_demo_store_emit (self, "pool.updated", node);
}

void
hc_demo_store_emit_node (HcDemoStore *self,
                         const char  *id)
{
  g_autoptr(JsonNode) node = get_node (self, id);

  if (node != NULL)
    hc_demo_store_emit (self, "node.updated", node);
}

void
hc_demo_store_emit_alert (HcDemoStore *self,
                          const char  *id,
                          gboolean     created)
{
  g_autoptr(JsonNode) node = hc_demo_store_get_alert (self, id, FALSE, NULL);

  if (node != NULL)
    hc_demo_store_emit (self, created ? "alert.created" : "alert.updated", node);
}

void
hc_demo_store_event_bounds (HcDemoStore *self,
                            gint64      *oldest,
                            gint64      *newest)
{
  sqlite3_stmt *st = stmt (self, "SELECT coalesce(min(id), 0), coalesce(max(id), 0),"
                                 " coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0)"
                                 " FROM events");

  *oldest = *newest = 0;
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      *oldest = sqlite3_column_int64 (st, 0);
      *newest = MAX (sqlite3_column_int64 (st, 1), sqlite3_column_int64 (st, 2));
      if (*oldest == 0)
        *oldest = *newest + 1;
    }
  sqlite3_reset (st);
}

void
hc_demo_store_events_after (HcDemoStore     *self,
                            gint64           after,
                            HcDemoEventFunc  func,
                            gpointer         user_data)
{
  sqlite3_stmt *st = NULL;

  /* Not the cached statement: the callback may write to the database. */
  sqlite3_prepare_v2 (self->db, "SELECT id, name, data FROM events WHERE id > ? ORDER BY id", -1, &st, NULL);
  sqlite3_bind_int64 (st, 1, after);
  while (sqlite3_step (st) == SQLITE_ROW)
    func (sqlite3_column_int64 (st, 0), col_text (st, 1), col_text (st, 2), user_data);
  sqlite3_finalize (st);
}

/* ---- actions ------------------------------------------------------------------ */

static gint64
alert_seq_and_state (HcDemoStore  *self,
                     const char   *id,
                     char        **state)
{
  sqlite3_stmt *st = stmt (self, "SELECT seq, state FROM alerts WHERE id = ?");
  gint64 seq = -1;

  bind_text (st, 1, id);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      seq = sqlite3_column_int64 (st, 0);
      *state = g_strdup (col_text (st, 1));
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
  sqlite3_stmt *st = stmt (self, "INSERT INTO timeline (alert_seq, n, at, actor, action, comment)"
                                 " VALUES (?1, (SELECT coalesce(max(n), 0) + 1 FROM timeline"
                                 " WHERE alert_seq = ?1), ?2, ?3, ?4, ?5)");

  sqlite3_bind_int64 (st, 1, seq);
  sqlite3_bind_int64 (st, 2, at);
  bind_text (st, 3, actor);
  bind_text (st, 4, action);
  bind_text (st, 5, comment);
  check_rc (self, sqlite3_step (st), "insert timeline");
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
      set_not_found (error, "alert", alert_id);
      return NULL;
    }
  if (g_strcmp0 (state, "open") != 0)
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_CONFLICT,
                   "Alert “%s” is already %s; only an open alert can be acknowledged.", alert_id, state);
      return NULL;
    }

  st = stmt (self, "UPDATE alerts SET state = 'acknowledged', ack_by = ?, ack_at = ? WHERE seq = ?");
  bind_text (st, 1, user);
  sqlite3_bind_int64 (st, 2, now);
  sqlite3_bind_int64 (st, 3, seq);
  check_rc (self, sqlite3_step (st), "acknowledge");
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
      set_not_found (error, "alert", alert_id);
      return NULL;
    }
  if (g_strcmp0 (state, "resolved") == 0)
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_CONFLICT, "Alert “%s” is already resolved.", alert_id);
      return NULL;
    }

  st = stmt (self, "UPDATE alerts SET state = 'resolved', res_by = ?, res_at = ?, resolution = ? WHERE seq = ?");
  bind_text (st, 1, user);
  sqlite3_bind_int64 (st, 2, now);
  bind_text (st, 3, resolution);
  sqlite3_bind_int64 (st, 4, seq);
  check_rc (self, sqlite3_step (st), "resolve");
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
  sqlite3_stmt *st = stmt (self, "SELECT " RUN_COLS " FROM runs r WHERE r.rid = ?");
  JsonNode *node = NULL;

  sqlite3_bind_int64 (st, 1, rid);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      build_run (b, st, 0);
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
  sqlite3_stmt *st = stmt (self, "SELECT status, (SELECT count(*) FROM runs WHERE source_id = ?1"
                                 " AND outcome = 'running') FROM sources WHERE id = ?1");
  g_autofree char *status = NULL;
  gint64 running = 0, rid;

  bind_text (st, 1, source_id);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      status = g_strdup (col_text (st, 0));
      running = sqlite3_column_int64 (st, 1);
    }
  sqlite3_reset (st);

  if (status == NULL)
    {
      set_not_found (error, "source", source_id);
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

  st = stmt (self, "INSERT INTO runs (source_id, started_at, finished_at, records, bytes, outcome, error)"
                   " VALUES (?, ?, NULL, 0, 0, 'running', NULL)");
  bind_text (st, 1, source_id);
  sqlite3_bind_int64 (st, 2, hc_demo_store_now ());
  check_rc (self, sqlite3_step (st), "insert run");
  sqlite3_reset (st);
  rid = sqlite3_last_insert_rowid (self->db);

  st = stmt (self, "UPDATE sources SET last_run = ? WHERE id = ?");
  sqlite3_bind_int64 (st, 1, rid);
  bind_text (st, 2, source_id);
  check_rc (self, sqlite3_step (st), "update source");
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
  sqlite3_stmt *st = stmt (self, "SELECT r.source_id, r.started_at, s.rps, s.status FROM runs r"
                                 " JOIN sources s ON s.id = r.source_id"
                                 " WHERE r.rid = ? AND r.outcome = 'running'");
  g_autofree char *source_id = NULL;
  g_autofree char *status = NULL;
  gint64 started = 0, now = hc_demo_store_now (), records;
  double rps = 0;

  sqlite3_bind_int64 (st, 1, run_rowid);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      source_id = g_strdup (col_text (st, 0));
      started = sqlite3_column_int64 (st, 1);
      rps = sqlite3_column_double (st, 2);
      status = g_strdup (col_text (st, 3));
    }
  sqlite3_reset (st);
  if (source_id == NULL)
    return FALSE;

  records = success ? (gint64) (MAX (rps, 1.0) * (MAX (now - started, 1) + 60)) : 0;

  hc_demo_store_begin (self);
  st = stmt (self, "UPDATE runs SET finished_at = ?, records = ?, bytes = ?, outcome = ?, error = ?"
                   " WHERE rid = ?");
  sqlite3_bind_int64 (st, 1, now);
  sqlite3_bind_int64 (st, 2, records);
  sqlite3_bind_int64 (st, 3, records * 740);
  bind_text (st, 4, success ? "success" : "failure");
  bind_text (st, 5, success ? NULL : failure);
  sqlite3_bind_int64 (st, 6, run_rowid);
  check_rc (self, sqlite3_step (st), "finish run");
  sqlite3_reset (st);

  if (success)
    st = stmt (self, "UPDATE sources SET last_success_at = ?1, lag_seconds = 0,"
                     " status = CASE status WHEN 'paused' THEN 'paused' ELSE 'ok' END WHERE id = ?2");
  else
    st = stmt (self, "UPDATE sources SET lag_seconds = CASE WHEN last_success_at IS NULL THEN lag_seconds"
                     " ELSE ?1 - last_success_at END,"
                     " status = CASE status WHEN 'paused' THEN 'paused' ELSE 'failed' END WHERE id = ?2");
  sqlite3_bind_int64 (st, 1, now);
  bind_text (st, 2, source_id);
  check_rc (self, sqlite3_step (st), "finish run source");
  sqlite3_reset (st);

  /* Keep each source's run history bounded. */
  st = stmt (self, "DELETE FROM runs WHERE source_id = ?1 AND rid < (SELECT min(rid) FROM"
                   " (SELECT rid FROM runs WHERE source_id = ?1 ORDER BY rid DESC LIMIT 60))");
  bind_text (st, 1, source_id);
  check_rc (self, sqlite3_step (st), "trim runs");
  sqlite3_reset (st);

  hc_demo_store_emit_source (self, source_id);
  hc_demo_store_commit (self);
  return TRUE;
}

GArray *
hc_demo_store_running_runs (HcDemoStore *self)
{
  GArray *rids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *st = stmt (self, "SELECT rid FROM runs WHERE outcome = 'running' ORDER BY rid");

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
  sqlite3_stmt *st = stmt (self, "INSERT INTO audit (at, actor, role, action, target, remote, status, comment)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?)");

  sqlite3_bind_int64 (st, 1, hc_demo_store_now ());
  bind_text (st, 2, actor);
  bind_text (st, 3, role);
  bind_text (st, 4, action);
  bind_text (st, 5, target);
  bind_text (st, 6, remote ? remote : "unknown");
  sqlite3_bind_int (st, 7, (int) status);
  bind_text (st, 8, comment);
  check_rc (self, sqlite3_step (st), "insert audit");
  sqlite3_reset (st);
}

gboolean
hc_demo_store_idempotency_get (HcDemoStore  *self,
                               const char   *user,
                               const char   *key,
                               char        **fingerprint,
                               guint        *status,
                               char        **body)
{
  sqlite3_stmt *st = stmt (self, "SELECT fingerprint, status, body FROM idempotency WHERE user = ? AND key = ?");
  gboolean found = FALSE;

  bind_text (st, 1, user);
  bind_text (st, 2, key);
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      *fingerprint = g_strdup (col_text (st, 0));
      *status = (guint) sqlite3_column_int (st, 1);
      *body = g_strdup (col_text (st, 2));
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
  sqlite3_stmt *st = stmt (self, "INSERT OR IGNORE INTO idempotency (user, key, fingerprint, status, body, created)"
                                 " VALUES (?, ?, ?, ?, ?, ?)");

  bind_text (st, 1, user);
  bind_text (st, 2, key);
  bind_text (st, 3, fingerprint);
  sqlite3_bind_int (st, 4, (int) status);
  bind_text (st, 5, body);
  sqlite3_bind_int64 (st, 6, hc_demo_store_now ());
  check_rc (self, sqlite3_step (st), "insert idempotency");
  sqlite3_reset (st);
}

/* ---- meta and opening ------------------------------------------------------------ */

char *
hc_demo_store_get_meta (HcDemoStore *self,
                        const char  *key)
{
  sqlite3_stmt *st = stmt (self, "SELECT value FROM meta WHERE key = ?");
  char *value = NULL;

  bind_text (st, 1, key);
  if (sqlite3_step (st) == SQLITE_ROW)
    value = g_strdup (col_text (st, 0));
  sqlite3_reset (st);
  return value;
}

void
hc_demo_store_set_meta (HcDemoStore *self,
                        const char  *key,
                        const char  *value)
{
  sqlite3_stmt *st = stmt (self, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");

  bind_text (st, 1, key);
  bind_text (st, 2, value);
  check_rc (self, sqlite3_step (st), "set meta");
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
      exec (self, sql);
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
  exec (self, "PRAGMA journal_mode = WAL");
  exec (self, "PRAGMA synchronous = NORMAL");
  exec (self, "PRAGMA temp_store = MEMORY");
  exec (self, "PRAGMA cache_size = -32000");

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
      exec (self, "PRAGMA journal_mode = DELETE");
      exec (self, "PRAGMA synchronous = OFF");
      exec (self, schema_sql);
      exec (self, "BEGIN");
      if (!hc_demo_seed_populate (self->db, seed, scale, hc_demo_store_now (), &local))
        {
          exec (self, "ROLLBACK");
          g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
      hc_demo_store_set_meta (self, "seeded", wanted);
      exec (self, "COMMIT");
      exec (self, "ANALYZE");
      exec (self, "PRAGMA journal_mode = WAL");
      exec (self, "PRAGMA synchronous = NORMAL");
    }
  else
    exec (self, schema_sql);

  /* A retried POST comes within minutes; a day is plenty to keep its answer. */
  {
    sqlite3_stmt *st = stmt (self, "DELETE FROM idempotency WHERE created < ?");

    sqlite3_bind_int64 (st, 1, hc_demo_store_now () - 86400);
    check_rc (self, sqlite3_step (st), "expire idempotency keys");
    sqlite3_reset (st);
  }

  return g_steal_pointer (&self);
}

static void
hc_demo_store_finalize (GObject *object)
{
  HcDemoStore *self = HC_DEMO_STORE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);

  G_OBJECT_CLASS (hc_demo_store_parent_class)->finalize (object);
}

static void
hc_demo_store_class_init (HcDemoStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_demo_store_finalize;

  /**
   * HcDemoStore::event:
   * A committed event: its id, name and JSON data.
   */
  signals[SIGNAL_EVENT] =
    g_signal_new ("event",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING);
}

/**
 * hc_demo_store_set_event_window:
 * How many events to keep; tests shrink it to reach the edge quickly.
 */
void
hc_demo_store_set_event_window (HcDemoStore *self,
                                guint        window)
{
  g_return_if_fail (HC_IS_DEMO_STORE (self));
  self->event_window = MAX (window, 1);
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
  self->pending = g_ptr_array_new_with_free_func (pending_event_free);
  self->event_window = HC_DEMO_EVENT_WINDOW;
}
