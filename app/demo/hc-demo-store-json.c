/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo store's rows as Hub API objects, into a builder or as text
 * (HcDemoJson), reading the columns its HC_DEMO_STORE_*_COLS names, in that order. */
#include "config.h"

#include "hc-demo-store-private.h"
#include "hc-demo-text.h"

void
hc_demo_store_json_add_string (HcDemoJson  *b,
                               const char  *name,
                               const char  *value)
{
  hc_demo_json_member (b, name);
  hc_demo_json_string (b, value);
}

void
hc_demo_store_json_add_int (HcDemoJson  *b,
                            const char  *name,
                            gint64       value)
{
  hc_demo_json_member (b, name);
  hc_demo_json_int (b, value);
}

void
hc_demo_store_json_add_score (HcDemoJson  *b,
                              const char  *name,
                              double       value)
{
  hc_demo_json_member (b, name);
  hc_demo_json_double (b, hc_demo_text_round1 (CLAMP (value, 0.0, 100.0)));
}

void
hc_demo_store_json_add_time_col (HcDemoJson   *b,
                                 const char   *name,
                                 sqlite3_stmt *st,
                                 int           i)
{
  hc_demo_json_member (b, name);
  if (sqlite3_column_type (st, i) == SQLITE_NULL)
    hc_demo_json_null (b);
  else
    {
      g_autofree char *t = hc_demo_text_format_time (sqlite3_column_int64 (st, i));
      hc_demo_json_string (b, t);
    }
}

void
hc_demo_store_json_build_run (HcDemoJson   *b,
                              sqlite3_stmt *st,
                              int           o)
{
  g_autofree char *id = g_strdup_printf ("run-%08" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (st, o));

  hc_demo_json_begin_object (b);
  hc_demo_store_json_add_string (b, "id", id);
  hc_demo_store_json_add_time_col (b, "started_at", st, o + 1);
  hc_demo_store_json_add_time_col (b, "finished_at", st, o + 2);
  hc_demo_store_json_add_int (b, "records", sqlite3_column_int64 (st, o + 3));
  hc_demo_store_json_add_int (b, "bytes", sqlite3_column_int64 (st, o + 4));
  hc_demo_store_json_add_string (b, "outcome", hc_demo_store_col_text (st, o + 5));
  hc_demo_store_json_add_string (b, "error", hc_demo_store_col_text (st, o + 6));
  hc_demo_json_end_object (b);
}

void
hc_demo_store_json_build_source (HcDemoStore  *self,
                                 HcDemoJson   *b,
                                 sqlite3_stmt *st,
                                 gboolean      open_only)
{
  hc_demo_json_begin_object (b);
  hc_demo_store_json_add_string (b, "id", hc_demo_store_col_text (st, 0));
  hc_demo_store_json_add_string (b, "name", hc_demo_store_col_text (st, 1));
  hc_demo_store_json_add_string (b, "agency", hc_demo_store_col_text (st, 2));
  hc_demo_store_json_add_string (b, "kind", hc_demo_store_col_text (st, 3));
  hc_demo_store_json_add_string (b, "status", hc_demo_store_col_text (st, 4));
  hc_demo_store_json_add_string (b, "schedule", hc_demo_store_col_text (st, 5));
  hc_demo_store_json_add_int (b, "agreed_delay_seconds", sqlite3_column_int64 (st, 6));
  hc_demo_store_json_add_time_col (b, "last_success_at", st, 7);
  hc_demo_store_json_add_int (b, "lag_seconds", sqlite3_column_int64 (st, 8));
  hc_demo_json_member (b, "records_per_second");
  hc_demo_json_double (b, hc_demo_text_round1 (sqlite3_column_double (st, 9)));
  hc_demo_json_member (b, "last_run");
  if (sqlite3_column_type (st, 10) == SQLITE_NULL)
    hc_demo_json_null (b);
  else
    hc_demo_store_json_build_run (b, st, 10);
  if (!open_only)
    hc_demo_json_end_object (b);
}

void
hc_demo_store_json_build_dataset (HcDemoStore  *self,
                                  HcDemoJson   *b,
                                  sqlite3_stmt *st,
                                  gboolean      open_only)
{
  hc_demo_json_begin_object (b);
  hc_demo_store_json_add_string (b, "id", hc_demo_store_col_text (st, 0));
  hc_demo_store_json_add_string (b, "name", hc_demo_store_col_text (st, 1));
  hc_demo_store_json_add_string (b, "owner_agency", hc_demo_store_col_text (st, 2));
  hc_demo_store_json_add_int (b, "records", sqlite3_column_int64 (st, 3));
  hc_demo_store_json_add_time_col (b, "checked_at", st, 4);
  hc_demo_json_member (b, "scores");
  hc_demo_json_begin_object (b);
  hc_demo_store_json_add_score (b, "correct", sqlite3_column_double (st, 5));
  hc_demo_store_json_add_score (b, "complete", sqlite3_column_double (st, 6));
  hc_demo_store_json_add_score (b, "clean", sqlite3_column_double (st, 7));
  hc_demo_store_json_add_score (b, "live", sqlite3_column_double (st, 8));
  hc_demo_store_json_add_score (b, "overall", sqlite3_column_double (st, 9));
  hc_demo_json_end_object (b);
  hc_demo_store_json_add_int (b, "rules_failed", sqlite3_column_int64 (st, 10));
  if (!open_only)
    hc_demo_json_end_object (b);
}

void
hc_demo_store_json_build_pool (HcDemoStore  *self,
                               HcDemoJson   *b,
                               sqlite3_stmt *st,
                               gboolean      open_only)
{
  sqlite3_stmt *h;
  const char *id = hc_demo_store_col_text (st, 0);

  hc_demo_json_begin_object (b);
  hc_demo_store_json_add_string (b, "id", id);
  hc_demo_store_json_add_string (b, "name", hc_demo_store_col_text (st, 1));
  hc_demo_store_json_add_string (b, "kind", hc_demo_store_col_text (st, 2));
  hc_demo_store_json_add_string (b, "state", hc_demo_store_col_text (st, 3));
  hc_demo_store_json_add_int (b, "capacity_bytes", sqlite3_column_int64 (st, 4));
  hc_demo_store_json_add_int (b, "used_bytes", sqlite3_column_int64 (st, 5));
  hc_demo_json_member (b, "replication");
  hc_demo_json_begin_object (b);
  hc_demo_store_json_add_string (b, "scheme", hc_demo_store_col_text (st, 6));
  hc_demo_store_json_add_int (b, "degraded_objects", sqlite3_column_int64 (st, 7));
  hc_demo_store_json_add_int (b, "misplaced_objects", sqlite3_column_int64 (st, 8));
  hc_demo_json_end_object (b);
  hc_demo_store_json_add_int (b, "read_bps", sqlite3_column_int64 (st, 9));
  hc_demo_store_json_add_int (b, "write_bps", sqlite3_column_int64 (st, 10));

  hc_demo_json_member (b, "history");
  hc_demo_json_begin_array (b);
  h = hc_demo_store_stmt (self, "SELECT day, used FROM (SELECT day, used FROM pool_history WHERE pool_id = ?"
                                " ORDER BY day DESC LIMIT 90) ORDER BY day");
  hc_demo_store_bind_text (h, 1, id);
  while (sqlite3_step (h) == SQLITE_ROW)
    {
      g_autofree char *date = hc_demo_text_format_date (sqlite3_column_int64 (h, 0));

      hc_demo_json_begin_object (b);
      hc_demo_store_json_add_string (b, "date", date);
      hc_demo_store_json_add_int (b, "used_bytes", sqlite3_column_int64 (h, 1));
      hc_demo_json_end_object (b);
    }
  sqlite3_reset (h);
  hc_demo_json_end_array (b);
  if (!open_only)
    hc_demo_json_end_object (b);
}

void
hc_demo_store_json_build_node (HcDemoStore  *self,
                               HcDemoJson   *b,
                               sqlite3_stmt *st,
                               gboolean      open_only)
{
  sqlite3_stmt *d;

  hc_demo_json_begin_object (b);
  hc_demo_store_json_add_string (b, "id", hc_demo_store_col_text (st, 0));
  hc_demo_store_json_add_string (b, "hostname", hc_demo_store_col_text (st, 1));
  hc_demo_store_json_add_string (b, "rack", hc_demo_store_col_text (st, 2));
  hc_demo_store_json_add_string (b, "state", hc_demo_store_col_text (st, 3));
  hc_demo_json_member (b, "disks");
  hc_demo_json_begin_array (b);
  d = hc_demo_store_stmt (self, "SELECT id, serial, model, capacity, health, temperature, reallocated, power_on_hours"
                                " FROM disks WHERE node_id = ? ORDER BY id");
  hc_demo_store_bind_text (d, 1, hc_demo_store_col_text (st, 0));
  while (sqlite3_step (d) == SQLITE_ROW)
    {
      hc_demo_json_begin_object (b);
      hc_demo_store_json_add_string (b, "id", hc_demo_store_col_text (d, 0));
      hc_demo_store_json_add_string (b, "serial", hc_demo_store_col_text (d, 1));
      hc_demo_store_json_add_string (b, "model", hc_demo_store_col_text (d, 2));
      hc_demo_store_json_add_int (b, "capacity_bytes", sqlite3_column_int64 (d, 3));
      hc_demo_store_json_add_string (b, "health", hc_demo_store_col_text (d, 4));
      hc_demo_store_json_add_int (b, "temperature_c", sqlite3_column_int64 (d, 5));
      hc_demo_store_json_add_int (b, "reallocated_sectors", sqlite3_column_int64 (d, 6));
      hc_demo_store_json_add_int (b, "power_on_hours", sqlite3_column_int64 (d, 7));
      hc_demo_json_end_object (b);
    }
  sqlite3_reset (d);
  hc_demo_json_end_array (b);
  if (!open_only)
    hc_demo_json_end_object (b);
}

void
hc_demo_store_json_build_alert (HcDemoStore  *self,
                                HcDemoJson   *b,
                                sqlite3_stmt *st,
                                gboolean      open_only)
{
  hc_demo_json_begin_object (b);
  hc_demo_store_json_add_string (b, "id", hc_demo_store_col_text (st, 1));
  hc_demo_store_json_add_string (b, "severity", hc_demo_store_col_text (st, 2));
  hc_demo_store_json_add_string (b, "category", hc_demo_store_col_text (st, 3));
  hc_demo_store_json_add_string (b, "title", hc_demo_store_col_text (st, 4));
  hc_demo_store_json_add_string (b, "description", hc_demo_store_col_text (st, 5));
  hc_demo_store_json_add_string (b, "asset", hc_demo_store_col_text (st, 6));
  hc_demo_store_json_add_string (b, "source_ip", hc_demo_store_col_text (st, 7));
  hc_demo_store_json_add_time_col (b, "detected_at", st, 8);
  hc_demo_store_json_add_string (b, "state", hc_demo_store_col_text (st, 9));
  hc_demo_store_json_add_string (b, "acknowledged_by", hc_demo_store_col_text (st, 10));
  hc_demo_store_json_add_time_col (b, "acknowledged_at", st, 11);
  hc_demo_store_json_add_string (b, "resolved_by", hc_demo_store_col_text (st, 12));
  hc_demo_store_json_add_time_col (b, "resolved_at", st, 13);
  hc_demo_store_json_add_string (b, "resolution", hc_demo_store_col_text (st, 14));
  hc_demo_store_json_add_int (b, "events_count", sqlite3_column_int64 (st, 15));
  if (!open_only)
    hc_demo_json_end_object (b);
}

void
hc_demo_store_json_build_audit (HcDemoStore  *self,
                                HcDemoJson   *b,
                                sqlite3_stmt *st,
                                gboolean      open_only)
{
  g_autofree char *id = g_strdup_printf ("audit-%08" G_GINT64_FORMAT, (gint64) sqlite3_column_int64 (st, 0));

  hc_demo_json_begin_object (b);
  hc_demo_store_json_add_string (b, "id", id);
  hc_demo_store_json_add_time_col (b, "at", st, 1);
  hc_demo_store_json_add_string (b, "actor", hc_demo_store_col_text (st, 2));
  hc_demo_store_json_add_string (b, "role", hc_demo_store_col_text (st, 3));
  hc_demo_store_json_add_string (b, "action", hc_demo_store_col_text (st, 4));
  hc_demo_store_json_add_string (b, "target", hc_demo_store_col_text (st, 5));
  hc_demo_store_json_add_string (b, "remote_address", hc_demo_store_col_text (st, 6));
  hc_demo_store_json_add_int (b, "status", sqlite3_column_int64 (st, 7));
  hc_demo_store_json_add_string (b, "comment", hc_demo_store_col_text (st, 8));
  if (!open_only)
    hc_demo_json_end_object (b);
}
