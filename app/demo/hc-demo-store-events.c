/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo store's transactions and event log: every change is written to
 * the events table in the transaction that makes it, announced by ::event
 * once committed, and read back for clients resuming after an event id. */
#include "config.h"

#include "hc-demo-store-private.h"
#include "hc-demo-text.h"

typedef struct {
  gint64  id;
  char   *name;
  char   *data;
} PendingEvent;

enum {
  SIGNAL_EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pending_event_free (gpointer data)
{
  PendingEvent *ev = data;

  g_free (ev->name);
  g_free (ev->data);
  g_free (ev);
}

void
hc_demo_store_events_class_init (GObjectClass *object_class)
{
  /**
   * HcDemoStore::event:
   * A committed event: its id, name and JSON data.
   */
  signals[SIGNAL_EVENT] =
    g_signal_new ("event",
                  G_TYPE_FROM_CLASS (object_class),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING);
}

void
hc_demo_store_events_init (HcDemoStore *self)
{
  self->pending = g_ptr_array_new_with_free_func (pending_event_free);
  self->event_window = HC_DEMO_EVENT_WINDOW;
}

void
hc_demo_store_events_finalize (HcDemoStore *self)
{
  g_clear_pointer (&self->pending, g_ptr_array_unref);
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

void
hc_demo_store_begin (HcDemoStore *self)
{
  g_return_if_fail (HC_IS_DEMO_STORE (self));

  if (self->depth++ == 0)
    hc_demo_store_exec (self, "BEGIN IMMEDIATE");
}

void
hc_demo_store_commit (HcDemoStore *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (HC_IS_DEMO_STORE (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  hc_demo_store_exec (self, "COMMIT");

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
  hc_demo_store_exec (self, "ROLLBACK");
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
  st = hc_demo_store_stmt (self, "INSERT INTO events (name, data) VALUES (?, ?)");
  hc_demo_store_bind_text (st, 1, name);
  hc_demo_store_bind_text (st, 2, text);
  hc_demo_store_check_rc (self, sqlite3_step (st), "insert event");
  sqlite3_reset (st);

  ev = g_new0 (PendingEvent, 1);
  ev->id = sqlite3_last_insert_rowid (self->db);
  ev->name = g_strdup (name);
  ev->data = g_steal_pointer (&text);
  g_ptr_array_add (self->pending, ev);

  st = hc_demo_store_stmt (self, "DELETE FROM events WHERE id <= ?");
  sqlite3_bind_int64 (st, 1, ev->id - self->event_window);
  hc_demo_store_check_rc (self, sqlite3_step (st), "trim events");
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
  g_autoptr(JsonNode) node = hc_demo_store_get_pool (self, id);

  if (node != NULL)
    hc_demo_store_emit (self, "pool.updated", node);
}

void
hc_demo_store_emit_node (HcDemoStore *self,
                         const char  *id)
{
  g_autoptr(JsonNode) node = hc_demo_store_get_node (self, id);

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
  sqlite3_stmt *st = hc_demo_store_stmt (self, "SELECT coalesce(min(id), 0), coalesce(max(id), 0),"
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
    func (sqlite3_column_int64 (st, 0), hc_demo_store_col_text (st, 1), hc_demo_store_col_text (st, 2), user_data);
  sqlite3_finalize (st);
}
