/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdlib.h> /* defines __GLIBC__ */

#ifndef __has_feature
#define __has_feature(x) 0
#endif
/* glibc's malloc_trim(), but not under a sanitizer: its allocator holds
 * the memory, and glibc's own, never used, would be set up by the trim
 * thread itself (two at once leave glibc's arena count wrong, and glibc
 * aborts when the second thread ends). */
#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !__has_feature(address_sanitizer)
#define HC_TRIM_MALLOC 1
#include <malloc.h>
#endif

#include "hc-hub-private.h"
#include "hc-list-page.h"
#include "hc-parser.h"

/*
 * One job: the hub's offline copy. Saved after a good fetch (and its
 * overview after each refresh); read in a thread and shown, dated, while
 * the hub cannot be reached and nothing live has come yet.
 */

static void
save_snapshot_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!hc_snapshot_save_finish (HC_SNAPSHOT (object), result, &error))
    g_debug ("Offline copy not saved: %s", error->message);
}

#ifdef HC_TRIM_MALLOC
static int trimming; /* a trim thread runs: the next save need not start one */

static gpointer
trim_thread (gpointer data)
{
  malloc_trim (0);
  g_atomic_int_set (&trimming, 0);
  return NULL;
}
#endif

/* After a full read: the pages' bodies and their parse trees are freed by
 * now, tens of MB for 100,000 alerts, but glibc keeps freed memory in its
 * heap; giving it back (off the main loop) lowers the resident memory
 * the console keeps all day. */
static void
save_lists_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  save_snapshot_cb (object, result, user_data);
#ifdef HC_TRIM_MALLOC
  if (g_atomic_int_compare_and_exchange (&trimming, 0, 1))
    g_thread_unref (g_thread_new ("hc-trim", trim_thread, NULL));
#endif
}

/* @bodies: per list, the pages' bodies; NULL keeps that list's last copy. */
void
hc_hub_snapshot_save (HcHub      *self,
                      GPtrArray **bodies)
{
  HcSnapshotData *data;

  if (self->snapshot == NULL)
    return;

  data = hc_snapshot_data_new (self->key);
  data->fetched_at = g_get_real_time () / G_USEC_PER_SEC;
  data->me = self->me_body ? g_bytes_ref (self->me_body) : NULL;
  data->overview = self->overview_body ? g_bytes_ref (self->overview_body) : NULL;

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      if (bodies[kind] == NULL)
        {
          g_clear_pointer (&data->pages[kind], g_ptr_array_unref);
          continue;
        }
      for (guint i = 0; i < bodies[kind]->len; i++)
        if (g_ptr_array_index (bodies[kind], i) != NULL)
          g_ptr_array_add (data->pages[kind], g_bytes_ref (g_ptr_array_index (bodies[kind], i)));
    }

  self->snapshot_saved = TRUE;
  hc_snapshot_save_async (self->snapshot, data, NULL, save_lists_cb, NULL);
}

/* Keeps the offline copy's overview current; the lists stay as saved. */
void
hc_hub_snapshot_save_overview (HcHub *self)
{
  HcSnapshotData *data;

  if (self->snapshot == NULL || !self->have_live_data)
    return;

  data = hc_snapshot_data_new (self->key);
  data->fetched_at = g_get_real_time () / G_USEC_PER_SEC;
  data->overview = g_bytes_ref (self->overview_body);
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    g_clear_pointer (&data->pages[kind], g_ptr_array_unref);
  hc_snapshot_save_async (self->snapshot, data, NULL, save_snapshot_cb, NULL);
}

typedef struct {
  HcSnapshotData *data;
  GPtrArray      *items[HC_LIST_N_KINDS];
  HcMe           *me;
  HcOverview     *overview;
} LoadedSnapshot;

static void
loaded_snapshot_free (LoadedSnapshot *loaded)
{
  g_clear_pointer (&loaded->data, hc_snapshot_data_free);
  for (guint i = 0; i < HC_LIST_N_KINDS; i++)
    g_clear_pointer (&loaded->items[i], g_ptr_array_unref);
  g_clear_object (&loaded->me);
  g_clear_object (&loaded->overview);
  g_free (loaded);
}

/* What the thread reads from: not the hub itself, which must only be
 * finalized on its own thread, while a worker may drop a GTask's last
 * reference. */
typedef struct {
  HcSnapshot *snapshot;
  char       *key;
} SnapshotSource;

static void
snapshot_source_free (SnapshotSource *source)
{
  g_clear_object (&source->snapshot);
  g_free (source->key);
  g_free (source);
}

static void
parse_snapshot_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  SnapshotSource *source = task_data;
  LoadedSnapshot *loaded = g_new0 (LoadedSnapshot, 1);
  GError *error = NULL;

  loaded->data = hc_snapshot_load (source->snapshot, source->key, &error);
  if (loaded->data == NULL)
    {
      loaded_snapshot_free (loaded);
      g_task_return_error (task, error);
      return;
    }

  if (loaded->data->me != NULL)
    loaded->me = hc_hub_parse_body (loaded->data->me, (gpointer (*) (JsonNode *, GError **)) hc_parse_me, NULL);
  if (loaded->data->overview != NULL)
    loaded->overview = hc_hub_parse_body (loaded->data->overview,
                                          (gpointer (*) (JsonNode *, GError **)) hc_parse_overview, NULL);

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      GPtrArray *pages = loaded->data->pages[kind];

      loaded->items[kind] = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < pages->len; i++)
        {
          g_autoptr(HcListPage) page = hc_list_page_parse (g_ptr_array_index (pages, i), kind, NULL);

          if (page != NULL)
            g_ptr_array_extend (loaded->items[kind], page->items,
                                (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
        }
    }

  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_snapshot_free);
}

static void
snapshot_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(HcHub) self = user_data;
  g_autoptr(GError) error = NULL;
  LoadedSnapshot *loaded;
  g_autoptr(GDateTime) when = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded == NULL)
    {
      g_debug ("No offline copy of %s: %s", self->key, error->message);
      return;
    }

  /* The hub came back while we read the copy: live data wins. */
  if (self->have_live_data || self->fetch != NULL || self->state == HC_HUB_CONNECTED)
    {
      loaded_snapshot_free (loaded);
      return;
    }

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      hc_item_store_replace_all (self->stores[kind], loaded->items[kind]);
      /* A list the copy never held is not known to be empty. */
      self->list_complete[kind] = loaded->data->pages[kind] != NULL && loaded->data->pages[kind]->len > 0;
    }
  hc_hub_notify (self, HC_HUB_PROP_PARTIAL);

  if (loaded->me != NULL && self->me == NULL)
    {
      self->me = g_steal_pointer (&loaded->me);
      hc_hub_notify (self, HC_HUB_PROP_ME);
    }
  if (loaded->overview != NULL)
    {
      g_set_object (&self->overview, loaded->overview);
      hc_hub_notify (self, HC_HUB_PROP_OVERVIEW);
    }

  when = g_date_time_new_from_unix_utc (loaded->data->fetched_at);
  if (when != NULL)
    hc_hub_touch_updated (self, when);
  hc_hub_set_showing_snapshot (self, MAX (loaded->data->fetched_at, 1));
  loaded_snapshot_free (loaded);
}

/* Shows the offline copy, unless live data came first. */
void
hc_hub_snapshot_load (HcHub *self)
{
  g_autoptr(GTask) task = NULL;
  SnapshotSource *source;

  if (self->snapshot == NULL || self->have_live_data || self->snapshot_fetched_at != 0)
    return;

  source = g_new0 (SnapshotSource, 1);
  source->snapshot = g_object_ref (self->snapshot);
  source->key = g_strdup (self->key);
  task = g_task_new (NULL, self->cancellable, snapshot_loaded_cb, g_object_ref (self));
  g_task_set_source_tag (task, hc_hub_snapshot_load);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, source, (GDestroyNotify) snapshot_source_free);
  g_task_run_in_thread (task, parse_snapshot_thread);
}
