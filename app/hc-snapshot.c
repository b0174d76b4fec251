/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hc-snapshot.h"

#define SCHEMA \
  "CREATE TABLE IF NOT EXISTS snapshot_part (" \
  "  hub TEXT NOT NULL," \
  "  part TEXT NOT NULL," \
  "  seq INTEGER NOT NULL," \
  "  body BLOB NOT NULL," \
  "  fetched_at INTEGER NOT NULL," \
  "  PRIMARY KEY (hub, part, seq));"

struct _HcSnapshot
{
  GObject  parent_instance;

  char    *path;
  GMutex   lock;
};

G_DEFINE_FINAL_TYPE (HcSnapshot, hc_snapshot, G_TYPE_OBJECT)

HcSnapshotData *
hc_snapshot_data_new (const char *hub_key)
{
  HcSnapshotData *data = g_new0 (HcSnapshotData, 1);

  data->hub_key = g_strdup (hub_key);
  for (guint i = 0; i < HC_LIST_N_KINDS; i++)
    data->pages[i] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  return data;
}

void
hc_snapshot_data_free (HcSnapshotData *data)
{
  if (data == NULL)
    return;

  g_free (data->hub_key);
  g_clear_pointer (&data->me, g_bytes_unref);
  g_clear_pointer (&data->overview, g_bytes_unref);
  for (guint i = 0; i < HC_LIST_N_KINDS; i++)
    g_clear_pointer (&data->pages[i], g_ptr_array_unref);
  g_free (data);
}

char *
hc_snapshot_default_path (void)
{
  return g_build_filename (g_get_user_cache_dir (), "hub-console", "snapshots.sqlite", NULL);
}

static gboolean
set_sqlite_error (sqlite3  *db,
                  GError  **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("The offline copy could not be used: %s"),
               db ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static sqlite3 *
open_db (HcSnapshot  *self,
         GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (self->path);
  sqlite3 *db = NULL;

  /* Hub data is not secret, but it is nobody else's business either. */
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("The offline copy could not be used: %s"), g_strerror (saved));
      return NULL;
    }

  if (sqlite3_open_v2 (self->path, &db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                       NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, error);
      sqlite3_close (db);
      return NULL;
    }

  g_chmod (self->path, 0600);
  sqlite3_busy_timeout (db, 5000);

  if (sqlite3_exec (db, SCHEMA, NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, error);
      sqlite3_close (db);
      return NULL;
    }

  return db;
}

static gboolean
insert_part (sqlite3       *db,
             sqlite3_stmt  *stmt,
             const char    *hub,
             const char    *part,
             int            seq,
             GBytes        *body,
             gint64         fetched_at,
             GError       **error)
{
  gsize len;
  const void *bytes = g_bytes_get_data (body, &len);

  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, hub, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, part, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, seq);
  sqlite3_bind_blob64 (stmt, 4, bytes ? bytes : "", len, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, fetched_at);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (db, error);

  return TRUE;
}

static gboolean
delete_part (sqlite3       *db,
             sqlite3_stmt  *stmt,
             const char    *hub,
             const char    *part,
             GError       **error)
{
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, hub, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, part, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    return set_sqlite_error (db, error);

  return TRUE;
}

/**
 * hc_snapshot_save:
 * Stores the parts @data has, in one transaction, so a crash leaves either
 * the old copy or the new one, never a mix. A list whose page array is
 * %NULL, and a %NULL me or overview, keep what was stored before; a list
 * with an array (even empty) replaces the stored one whole.
 */
gboolean
hc_snapshot_save (HcSnapshot      *self,
                  HcSnapshotData  *data,
                  GError         **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3 *db;
  sqlite3_stmt *del = NULL;
  sqlite3_stmt *ins = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (HC_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (data != NULL && data->hub_key != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  db = open_db (self, error);
  if (db == NULL)
    return FALSE;

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "DELETE FROM snapshot_part WHERE hub = ? AND part = ?", -1, &del, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "INSERT INTO snapshot_part (hub, part, seq, body, fetched_at) VALUES (?, ?, ?, ?, ?)",
                             -1, &ins, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, error);
      goto out;
    }

  if (data->me != NULL
      && (!delete_part (db, del, data->hub_key, "me", error)
          || !insert_part (db, ins, data->hub_key, "me", 0, data->me, data->fetched_at, error)))
    goto out;
  if (data->overview != NULL
      && (!delete_part (db, del, data->hub_key, "overview", error)
          || !insert_part (db, ins, data->hub_key, "overview", 0, data->overview, data->fetched_at, error)))
    goto out;

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      const char *part = hc_list_kind_to_string (kind);

      if (data->pages[kind] == NULL)
        continue;
      if (!delete_part (db, del, data->hub_key, part, error))
        goto out;
      for (guint i = 0; i < data->pages[kind]->len; i++)
        if (!insert_part (db, ins, data->hub_key, part, (int) i,
                          g_ptr_array_index (data->pages[kind], i), data->fetched_at, error))
          goto out;
    }

  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, error);
      goto out;
    }

  ok = TRUE;

out:
  if (!ok)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_finalize (del);
  sqlite3_finalize (ins);
  sqlite3_close (db);
  return ok;
}

/**
 * hc_snapshot_load:
 * Returns the hub's snapshot, or %NULL with G_IO_ERROR_NOT_FOUND.
 */
HcSnapshotData *
hc_snapshot_load (HcSnapshot  *self,
                  const char  *hub_key,
                  GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(HcSnapshotData) data = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (HC_IS_SNAPSHOT (self), NULL);
  g_return_val_if_fail (hub_key != NULL, NULL);

  locker = g_mutex_locker_new (&self->lock);
  db = open_db (self, error);
  if (db == NULL)
    return NULL;

  if (sqlite3_prepare_v2 (db, "SELECT part, seq, body, fetched_at FROM snapshot_part WHERE hub = ? ORDER BY part, seq",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      set_sqlite_error (db, error);
      sqlite3_close (db);
      return NULL;
    }

  data = hc_snapshot_data_new (hub_key);
  sqlite3_bind_text (stmt, 1, hub_key, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *part = (const char *) sqlite3_column_text (stmt, 0);
      const void *blob = sqlite3_column_blob (stmt, 2);
      int len = sqlite3_column_bytes (stmt, 2);
      GBytes *body = g_bytes_new (blob, len);

      /* The copy is as old as its oldest part. */
      if (!found || sqlite3_column_int64 (stmt, 3) < data->fetched_at)
        data->fetched_at = sqlite3_column_int64 (stmt, 3);
      found = TRUE;

      if (g_strcmp0 (part, "me") == 0)
        {
          g_clear_pointer (&data->me, g_bytes_unref);
          data->me = body;
          continue;
        }
      if (g_strcmp0 (part, "overview") == 0)
        {
          g_clear_pointer (&data->overview, g_bytes_unref);
          data->overview = body;
          continue;
        }

      for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
        if (g_strcmp0 (part, hc_list_kind_to_string (kind)) == 0)
          {
            g_ptr_array_add (data->pages[kind], g_steal_pointer (&body));
            break;
          }
      g_clear_pointer (&body, g_bytes_unref);
    }

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (db, error);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
      return NULL;
    }

  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (!found)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("There is no offline copy of this hub yet."));
      return NULL;
    }

  return g_steal_pointer (&data);
}

gboolean
hc_snapshot_delete (HcSnapshot  *self,
                    const char  *hub_key,
                    GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (HC_IS_SNAPSHOT (self), FALSE);
  g_return_val_if_fail (hub_key != NULL, FALSE);

  locker = g_mutex_locker_new (&self->lock);
  db = open_db (self, error);
  if (db == NULL)
    return FALSE;

  ok = sqlite3_prepare_v2 (db, "DELETE FROM snapshot_part WHERE hub = ?", -1, &stmt, NULL) == SQLITE_OK;
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, hub_key, -1, SQLITE_TRANSIENT);
      ok = sqlite3_step (stmt) == SQLITE_DONE;
    }
  if (!ok)
    set_sqlite_error (db, error);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (hc_snapshot_save (source_object, task_data, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
hc_snapshot_save_async (HcSnapshot          *self,
                        HcSnapshotData      *data,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HC_IS_SNAPSHOT (self));
  g_return_if_fail (data != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_snapshot_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) hc_snapshot_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
hc_snapshot_save_finish (HcSnapshot    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  HcSnapshotData *data = hc_snapshot_load (source_object, task_data, &error);

  if (data != NULL)
    g_task_return_pointer (task, data, (GDestroyNotify) hc_snapshot_data_free);
  else
    g_task_return_error (task, error);
}

void
hc_snapshot_load_async (HcSnapshot          *self,
                        const char          *hub_key,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HC_IS_SNAPSHOT (self));
  g_return_if_fail (hub_key != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_snapshot_load_async);
  g_task_set_task_data (task, g_strdup (hub_key), g_free);
  g_task_run_in_thread (task, load_thread);
}

HcSnapshotData *
hc_snapshot_load_finish (HcSnapshot    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
hc_snapshot_finalize (GObject *object)
{
  HcSnapshot *self = HC_SNAPSHOT (object);

  g_free (self->path);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (hc_snapshot_parent_class)->finalize (object);
}

static void
hc_snapshot_class_init (HcSnapshotClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hc_snapshot_finalize;
}

static void
hc_snapshot_init (HcSnapshot *self)
{
  g_mutex_init (&self->lock);
}

/**
 * hc_snapshot_new:
 * @path: (nullable): the database file; %NULL for the user's cache
 */
HcSnapshot *
hc_snapshot_new (const char *path)
{
  HcSnapshot *self = g_object_new (HC_TYPE_SNAPSHOT, NULL);

  self->path = path ? g_strdup (path) : hc_snapshot_default_path ();
  return self;
}

const char *
hc_snapshot_get_path (HcSnapshot *self)
{
  g_return_val_if_fail (HC_IS_SNAPSHOT (self), NULL);
  return self->path;
}
