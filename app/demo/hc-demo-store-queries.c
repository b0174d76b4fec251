/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo store's reads: filtered, keyset-paged lists, one item with its
 * detail, and the overview's counts. Nothing here writes. */
#include "config.h"

#include "hc-demo-store-private.h"
#include "hc-demo-text.h"

/* ---- lists ----------------------------------------------------------------- */

typedef void (*RowBuilder) (HcDemoStore  *self,
                            HcDemoJson   *b,
                            sqlite3_stmt *st,
                            gboolean      open_only);

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
        case BIND_TEXT: hc_demo_store_bind_text (st, i + 1, bind->text); break;
        case BIND_INT: sqlite3_bind_int64 (st, i + 1, bind->i); break;
        case BIND_DOUBLE: sqlite3_bind_double (st, i + 1, bind->d); break;
        default: g_assert_not_reached ();
        }
    }
  return i + 1;
}

/* Keyset paging: the page after `after` in key order, one row more than
 * asked to learn whether another page follows. Column 0 is the key. The
 * page is written as text: a hub's largest answers, and the cheapest way. */
static GString *
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
  GString *text = g_string_sized_new (4096);
  HcDemoJson j;
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
        hc_demo_store_bind_text (st, next++, q->after);
    }
  sqlite3_bind_int64 (st, next, (gint64) q->limit + 1);

  hc_demo_json_init_text (&j, text);
  hc_demo_json_begin_object (&j);
  hc_demo_json_member (&j, "items");
  hc_demo_json_begin_array (&j);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      if (n == q->limit)
        {
          *next_key = g_steal_pointer (&last_key);
          break;
        }
      build (self, &j, st, FALSE);
      g_free (last_key);
      last_key = g_strdup (hc_demo_store_col_text (st, 0));
      n++;
    }
  sqlite3_finalize (st);
  hc_demo_json_end_array (&j);
  hc_demo_store_json_add_int (&j, "total", total);
  hc_demo_json_end_object (&j);

  return text;
}

GString *
hc_demo_store_list_sources (HcDemoStore           *self,
                            const HcDemoListQuery *query,
                            char                 **next_key)
{
  Filter f;
  GString *page;

  filter_init (&f);
  if (query->status)
    filter_text (&f, "s.status = ?", query->status);
  if (query->agency)
    filter_text (&f, "s.agency = ?", query->agency);
  if (query->q)
    filter_text (&f, "instr(s.search, ?) > 0", query->q);
  page = list_page (self, HC_DEMO_STORE_SOURCE_COLS, HC_DEMO_STORE_SOURCE_FROM, "s.id", FALSE, FALSE, &f, query,
                    hc_demo_store_json_build_source, next_key);
  filter_clear (&f);
  return page;
}

GString *
hc_demo_store_list_datasets (HcDemoStore           *self,
                             const HcDemoListQuery *query,
                             char                 **next_key)
{
  Filter f;
  GString *page;

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
  page = list_page (self, HC_DEMO_STORE_DATASET_COLS, "datasets", "id", FALSE, FALSE, &f, query,
                    hc_demo_store_json_build_dataset, next_key);
  filter_clear (&f);
  return page;
}

GString *
hc_demo_store_list_pools (HcDemoStore           *self,
                          const HcDemoListQuery *query,
                          char                 **next_key)
{
  Filter f;
  GString *page;

  filter_init (&f);
  page = list_page (self, HC_DEMO_STORE_POOL_COLS, "pools", "id", FALSE, FALSE, &f, query, hc_demo_store_json_build_pool, next_key);
  filter_clear (&f);
  return page;
}

GString *
hc_demo_store_list_nodes (HcDemoStore           *self,
                          const HcDemoListQuery *query,
                          char                 **next_key)
{
  Filter f;
  GString *page;

  filter_init (&f);
  page = list_page (self, HC_DEMO_STORE_NODE_COLS, "nodes", "id", FALSE, FALSE, &f, query, hc_demo_store_json_build_node, next_key);
  filter_clear (&f);
  return page;
}

GString *
hc_demo_store_list_alerts (HcDemoStore           *self,
                           const HcDemoListQuery *query,
                           char                 **next_key)
{
  Filter f;
  GString *page;

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
  page = list_page (self, HC_DEMO_STORE_ALERT_COLS, "alerts", "seq", TRUE, TRUE, &f, query, hc_demo_store_json_build_alert, next_key);
  filter_clear (&f);
  return page;
}

GString *
hc_demo_store_list_audit (HcDemoStore           *self,
                          const HcDemoListQuery *query,
                          char                 **next_key)
{
  Filter f;
  GString *page;

  filter_init (&f);
  if (query->actor)
    filter_text (&f, "actor = ?", query->actor);
  if (query->action)
    filter_text (&f, "action = ?", query->action);
  if (query->has_since)
    filter_int (&f, "at >= ?", query->since);
  page = list_page (self, HC_DEMO_STORE_AUDIT_COLS, "audit", "id", TRUE, TRUE, &f, query, hc_demo_store_json_build_audit, next_key);
  filter_clear (&f);
  return page;
}

/* ---- details ------------------------------------------------------------------ */

JsonNode *
hc_demo_store_get_source (HcDemoStore  *self,
                          const char   *id,
                          gboolean      with_runs,
                          GError      **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  HcDemoJson j = { .builder = b };
  sqlite3_stmt *st = hc_demo_store_stmt (self, "SELECT " HC_DEMO_STORE_SOURCE_COLS " FROM " HC_DEMO_STORE_SOURCE_FROM " WHERE s.id = ?");

  hc_demo_store_bind_text (st, 1, id);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      sqlite3_reset (st);
      hc_demo_store_set_not_found (error, "source", id);
      return NULL;
    }
  hc_demo_store_json_build_source (self, &j, st, TRUE);
  sqlite3_reset (st);

  if (with_runs)
    {
      sqlite3_stmt *r = hc_demo_store_stmt (self, "SELECT " HC_DEMO_STORE_RUN_COLS " FROM runs r WHERE r.source_id = ?"
                                                  " ORDER BY r.rid DESC LIMIT 50");

      hc_demo_json_member (&j, "runs");
      hc_demo_json_begin_array (&j);
      hc_demo_store_bind_text (r, 1, id);
      while (sqlite3_step (r) == SQLITE_ROW)
        hc_demo_store_json_build_run (&j, r, 0);
      sqlite3_reset (r);
      hc_demo_json_end_array (&j);
    }
  hc_demo_json_end_object (&j);
  return json_builder_get_root (b);
}

JsonNode *
hc_demo_store_get_dataset (HcDemoStore  *self,
                           const char   *id,
                           gboolean      with_detail,
                           GError      **error)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  HcDemoJson j = { .builder = b };
  sqlite3_stmt *st = hc_demo_store_stmt (self, "SELECT " HC_DEMO_STORE_DATASET_COLS " FROM datasets WHERE id = ?");

  hc_demo_store_bind_text (st, 1, id);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      sqlite3_reset (st);
      hc_demo_store_set_not_found (error, "dataset", id);
      return NULL;
    }
  hc_demo_store_json_build_dataset (self, &j, st, TRUE);
  sqlite3_reset (st);

  if (with_detail)
    {
      sqlite3_stmt *r;

      hc_demo_json_member (&j, "rules");
      hc_demo_json_begin_array (&j);
      r = hc_demo_store_stmt (self, "SELECT id, criterion, description, checked, failed FROM rules"
                                    " WHERE dataset_id = ? ORDER BY id");
      hc_demo_store_bind_text (r, 1, id);
      while (sqlite3_step (r) == SQLITE_ROW)
        {
          hc_demo_json_begin_object (&j);
          hc_demo_store_json_add_string (&j, "id", hc_demo_store_col_text (r, 0));
          hc_demo_store_json_add_string (&j, "criterion", hc_demo_store_col_text (r, 1));
          hc_demo_store_json_add_string (&j, "description", hc_demo_store_col_text (r, 2));
          hc_demo_store_json_add_int (&j, "checked", sqlite3_column_int64 (r, 3));
          hc_demo_store_json_add_int (&j, "failed", sqlite3_column_int64 (r, 4));
          hc_demo_json_end_object (&j);
        }
      sqlite3_reset (r);
      hc_demo_json_end_array (&j);

      hc_demo_json_member (&j, "history");
      hc_demo_json_begin_array (&j);
      r = hc_demo_store_stmt (self, "SELECT day, correct, complete, clean, live FROM (SELECT * FROM dataset_history"
                                    " WHERE dataset_id = ? ORDER BY day DESC LIMIT 90) ORDER BY day");
      hc_demo_store_bind_text (r, 1, id);
      while (sqlite3_step (r) == SQLITE_ROW)
        {
          g_autofree char *date = hc_demo_text_format_date (sqlite3_column_int64 (r, 0));

          hc_demo_json_begin_object (&j);
          hc_demo_store_json_add_string (&j, "date", date);
          hc_demo_store_json_add_score (&j, "correct", sqlite3_column_double (r, 1));
          hc_demo_store_json_add_score (&j, "complete", sqlite3_column_double (r, 2));
          hc_demo_store_json_add_score (&j, "clean", sqlite3_column_double (r, 3));
          hc_demo_store_json_add_score (&j, "live", sqlite3_column_double (r, 4));
          hc_demo_json_end_object (&j);
        }
      sqlite3_reset (r);
      hc_demo_json_end_array (&j);

      hc_demo_json_member (&j, "failing_samples");
      hc_demo_json_begin_array (&j);
      r = hc_demo_store_stmt (self, "SELECT rule_id, record_key, field, value, reason FROM samples"
                                    " WHERE dataset_id = ? ORDER BY n");
      hc_demo_store_bind_text (r, 1, id);
      while (sqlite3_step (r) == SQLITE_ROW)
        {
          hc_demo_json_begin_object (&j);
          hc_demo_store_json_add_string (&j, "rule_id", hc_demo_store_col_text (r, 0));
          hc_demo_store_json_add_string (&j, "record_key", hc_demo_store_col_text (r, 1));
          hc_demo_store_json_add_string (&j, "field", hc_demo_store_col_text (r, 2));
          hc_demo_store_json_add_string (&j, "value", hc_demo_store_col_text (r, 3));
          hc_demo_store_json_add_string (&j, "reason", hc_demo_store_col_text (r, 4));
          hc_demo_json_end_object (&j);
        }
      sqlite3_reset (r);
      hc_demo_json_end_array (&j);
    }
  hc_demo_json_end_object (&j);
  return json_builder_get_root (b);
}

JsonNode *
hc_demo_store_get_pool (HcDemoStore *self,
                        const char  *id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  HcDemoJson j = { .builder = b };
  sqlite3_stmt *own = NULL;
  JsonNode *node = NULL;

  sqlite3_prepare_v2 (self->db, "SELECT " HC_DEMO_STORE_POOL_COLS " FROM pools WHERE id = ?", -1, &own, NULL);
  hc_demo_store_bind_text (own, 1, id);
  if (sqlite3_step (own) == SQLITE_ROW)
    {
      hc_demo_store_json_build_pool (self, &j, own, FALSE);
      node = json_builder_get_root (b);
    }
  sqlite3_finalize (own);
  return node;
}

JsonNode *
hc_demo_store_get_node (HcDemoStore *self,
                        const char  *id)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  HcDemoJson j = { .builder = b };
  sqlite3_stmt *own = NULL;
  JsonNode *node = NULL;

  sqlite3_prepare_v2 (self->db, "SELECT " HC_DEMO_STORE_NODE_COLS " FROM nodes WHERE id = ?", -1, &own, NULL);
  hc_demo_store_bind_text (own, 1, id);
  if (sqlite3_step (own) == SQLITE_ROW)
    {
      hc_demo_store_json_build_node (self, &j, own, FALSE);
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
  HcDemoJson j = { .builder = b };
  sqlite3_stmt *st = hc_demo_store_stmt (self, "SELECT " HC_DEMO_STORE_ALERT_COLS " FROM alerts WHERE id = ?");
  gint64 seq, detected_at;

  hc_demo_store_bind_text (st, 1, id);
  if (sqlite3_step (st) != SQLITE_ROW)
    {
      sqlite3_reset (st);
      hc_demo_store_set_not_found (error, "alert", id);
      return NULL;
    }
  hc_demo_store_json_build_alert (self, &j, st, TRUE);
  seq = sqlite3_column_int64 (st, 0);
  detected_at = sqlite3_column_int64 (st, 8);
  sqlite3_reset (st);

  if (with_timeline)
    {
      g_autofree char *at = hc_demo_text_format_time (detected_at);
      sqlite3_stmt *t;

      hc_demo_json_member (&j, "timeline");
      hc_demo_json_begin_array (&j);
      /* Detection is implied by the alert itself, so it is not stored twice. */
      hc_demo_json_begin_object (&j);
      hc_demo_store_json_add_string (&j, "at", at);
      hc_demo_store_json_add_string (&j, "actor", "system");
      hc_demo_store_json_add_string (&j, "action", "detected");
      hc_demo_store_json_add_string (&j, "comment", NULL);
      hc_demo_json_end_object (&j);
      t = hc_demo_store_stmt (self, "SELECT at, actor, action, comment FROM timeline WHERE alert_seq = ? ORDER BY n");
      sqlite3_bind_int64 (t, 1, seq);
      while (sqlite3_step (t) == SQLITE_ROW)
        {
          hc_demo_json_begin_object (&j);
          hc_demo_store_json_add_time_col (&j, "at", t, 0);
          hc_demo_store_json_add_string (&j, "actor", hc_demo_store_col_text (t, 1));
          hc_demo_store_json_add_string (&j, "action", hc_demo_store_col_text (t, 2));
          hc_demo_store_json_add_string (&j, "comment", hc_demo_store_col_text (t, 3));
          hc_demo_json_end_object (&j);
        }
      sqlite3_reset (t);
      hc_demo_json_end_array (&j);
    }
  hc_demo_json_end_object (&j);
  return json_builder_get_root (b);
}

/* ---- overview ------------------------------------------------------------------ */

static gint64
count_where (HcDemoStore *self,
             const char  *sql,
             const char  *value)
{
  sqlite3_stmt *st = hc_demo_store_stmt (self, sql);
  gint64 n = 0;

  if (value != NULL)
    hc_demo_store_bind_text (st, 1, value);
  if (sqlite3_step (st) == SQLITE_ROW)
    n = sqlite3_column_int64 (st, 0);
  sqlite3_reset (st);
  return n;
}

static void
add_counts (HcDemoStore        *self,
            HcDemoJson         *j,
            const char         *member,
            const char         *sql,
            const char * const *values,
            gint64             *sum)
{
  hc_demo_json_member (j, member);
  hc_demo_json_begin_object (j);
  for (guint i = 0; values[i] != NULL; i++)
    {
      gint64 n = count_where (self, sql, values[i]);

      hc_demo_store_json_add_int (j, values[i], n);
      if (sum != NULL)
        *sum += n;
    }
  hc_demo_json_end_object (j);
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
  HcDemoJson j = { .builder = b };
  g_autofree char *now = hc_demo_text_format_time (hc_demo_store_now ());
  gint64 open_total = 0, ack_total = 0;
  sqlite3_stmt *st;

  hc_demo_json_begin_object (&j);
  hc_demo_store_json_add_string (&j, "generated_at", now);

  hc_demo_json_member (&j, "sources");
  hc_demo_json_begin_object (&j);
  hc_demo_store_json_add_int (&j, "total", count_where (self, "SELECT count(*) FROM sources", NULL));
  add_counts (self, &j, "by_status", "SELECT count(*) FROM sources WHERE status = ?", source_status, NULL);
  hc_demo_json_end_object (&j);

  hc_demo_json_member (&j, "quality");
  hc_demo_json_begin_object (&j);
  st = hc_demo_store_stmt (self, "SELECT count(*), coalesce(avg(correct), 0), coalesce(avg(complete), 0),"
                                 " coalesce(avg(clean), 0), coalesce(avg(live), 0), coalesce(avg(overall), 0) FROM datasets");
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      hc_demo_store_json_add_int (&j, "datasets", sqlite3_column_int64 (st, 0));
      hc_demo_json_member (&j, "mean");
      hc_demo_json_begin_object (&j);
      hc_demo_store_json_add_score (&j, "correct", sqlite3_column_double (st, 1));
      hc_demo_store_json_add_score (&j, "complete", sqlite3_column_double (st, 2));
      hc_demo_store_json_add_score (&j, "clean", sqlite3_column_double (st, 3));
      hc_demo_store_json_add_score (&j, "live", sqlite3_column_double (st, 4));
      hc_demo_store_json_add_score (&j, "overall", sqlite3_column_double (st, 5));
      hc_demo_json_end_object (&j);
    }
  sqlite3_reset (st);
  hc_demo_json_member (&j, "weights");
  hc_demo_json_begin_object (&j);
  for (guint i = 0; i < 4; i++)
    {
      static const char *names[] = { "correct", "complete", "clean", "live" };

      hc_demo_json_member (&j, names[i]);
      hc_demo_json_double (&j, 0.25);
    }
  hc_demo_json_end_object (&j);
  hc_demo_json_end_object (&j);

  hc_demo_json_member (&j, "storage");
  hc_demo_json_begin_object (&j);
  st = hc_demo_store_stmt (self, "SELECT coalesce(sum(used), 0), coalesce(sum(capacity), 0) FROM pools");
  if (sqlite3_step (st) == SQLITE_ROW)
    {
      hc_demo_store_json_add_int (&j, "used_bytes", sqlite3_column_int64 (st, 0));
      hc_demo_store_json_add_int (&j, "capacity_bytes", sqlite3_column_int64 (st, 1));
    }
  sqlite3_reset (st);
  add_counts (self, &j, "pools_by_state", "SELECT count(*) FROM pools WHERE state = ?", pool_states, NULL);
  add_counts (self, &j, "nodes_by_state", "SELECT count(*) FROM nodes WHERE state = ?", node_states, NULL);
  add_counts (self, &j, "disks_by_health", "SELECT count(*) FROM disks WHERE health = ?", disk_health, NULL);
  hc_demo_json_end_object (&j);

  hc_demo_json_member (&j, "alerts");
  hc_demo_json_begin_object (&j);
  add_counts (self, &j, "open_by_severity",
              "SELECT count(*) FROM alerts WHERE state = 'open' AND severity = ?", severities, &open_total);
  add_counts (self, &j, "acknowledged_by_severity",
              "SELECT count(*) FROM alerts WHERE state = 'acknowledged' AND severity = ?", severities, &ack_total);
  hc_demo_store_json_add_int (&j, "open_total", open_total);
  hc_demo_store_json_add_int (&j, "acknowledged_total", ack_total);
  hc_demo_json_end_object (&j);

  hc_demo_json_end_object (&j);
  return json_builder_get_root (b);
}
