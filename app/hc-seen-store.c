/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>

#include "hc-alert.h"
#include "hc-source.h"
#include "hc-seen-store.h"

/*
 * What the operator has seen, per hub, kept across restarts: an alert
 * (or a feed's failure) is new until seen. Per hub the store keeps a
 * baseline, the moment the operator last saw everything (the first time
 * the console watched the hub, or "Mark all as seen"), and the keys of
 * the items seen one by one since. An item that became new (@since) at or
 * before the baseline is seen; after it, only if its key was marked.
 * So a first start marks nothing of a hub's history, and a restart
 * neither marks again what was seen nor loses what was not.
 *
 * A small key file (by default g_get_user_data_dir()/hub-console/seen.ini),
 * written whole and atomically; it names items by the hub's ids only.
 * Session hubs (the demo hub) are kept in memory only.
 * Signal "changed" (hub key) after every change.
 */
struct _HcSeenStore
{
  GObject   parent_instance;

  char     *path;
  GKeyFile   *file;
  GHashTable *hubs;      /* hub key -> HubSeen: the file's groups, read once */
  guint       save_idle;
};

/* One hub's part of the file as it is looked up: a check of an item is
 * then two look-ups, not a parse of the hub's whole "seen" list (a count
 * of 100,000 alerts asks 100,000 times). Dropped whenever the file
 * changes, read again when next asked. */
typedef struct {
  gboolean    started;
  gint64      baseline;
  GHashTable *seen;      /* item keys (owned) */
} HubSeen;

static void
hub_seen_free (gpointer data)
{
  HubSeen *hub = data;

  g_hash_table_unref (hub->seen);
  g_free (hub);
}

static void
hc_seen_store_forget (HcSeenStore *self,
                      const char  *hub_key)
{
  if (hub_key != NULL)
    g_hash_table_remove (self->hubs, hub_key);
  else
    g_hash_table_remove_all (self->hubs);
}

static HubSeen *
hc_seen_store_get_hub (HcSeenStore *self,
                       const char  *hub_key)
{
  HubSeen *hub = g_hash_table_lookup (self->hubs, hub_key);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) seen = NULL;

  if (hub != NULL)
    return hub;

  hub = g_new0 (HubSeen, 1);
  hub->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  hub->baseline = g_key_file_get_int64 (self->file, hub_key, "baseline", &error);
  hub->started = error == NULL;
  seen = g_key_file_get_string_list (self->file, hub_key, "seen", NULL, NULL);
  for (guint i = 0; seen != NULL && seen[i] != NULL; i++)
    g_hash_table_add (hub->seen, g_steal_pointer (&seen[i]));
  g_hash_table_insert (self->hubs, g_strdup (hub_key), hub);
  return hub;
}

G_DEFINE_FINAL_TYPE (HcSeenStore, hc_seen_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Items seen one by one are few between two "Mark all as seen"; past this
 * many the oldest go (they are then new again, never silently lost). */
#define MAX_SEEN 20000

static void
hc_seen_store_finalize (GObject *object)
{
  HcSeenStore *self = HC_SEEN_STORE (object);

  g_clear_handle_id (&self->save_idle, g_source_remove);
  g_clear_pointer (&self->hubs, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->file, g_key_file_unref);

  G_OBJECT_CLASS (hc_seen_store_parent_class)->finalize (object);
}

static void
hc_seen_store_class_init (HcSeenStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hc_seen_store_finalize;

  /**
   * HcSeenStore::changed:
   * @hub_key: the hub whose seen items changed
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
hc_seen_store_init (HcSeenStore *self)
{
  self->file = g_key_file_new ();
  self->hubs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, hub_seen_free);
}

/**
 * hc_seen_store_new:
 * @path: (nullable): the file; %NULL for hc_seen_store_default_path()
 */
HcSeenStore *
hc_seen_store_new (const char *path)
{
  HcSeenStore *self = g_object_new (HC_TYPE_SEEN_STORE, NULL);

  self->path = path != NULL ? g_strdup (path) : hc_seen_store_default_path ();
  return self;
}

char *
hc_seen_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "hub-console", "seen.ini", NULL);
}

/**
 * hc_seen_store_load:
 * Reads the file; a missing one is an empty store. A damaged one is an
 * error, and the store starts empty (every hub gets a new baseline).
 */
gboolean
hc_seen_store_load (HcSeenStore  *self,
                    GError      **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (HC_IS_SEEN_STORE (self), FALSE);

  hc_seen_store_forget (self, NULL);
  g_key_file_unref (self->file);
  self->file = g_key_file_new ();
  if (!g_key_file_load_from_file (self->file, self->path, G_KEY_FILE_NONE, &local_error))
    {
      g_key_file_unref (self->file);
      self->file = g_key_file_new ();
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
hc_seen_store_save (HcSeenStore  *self,
                    GError      **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GKeyFile) kept = g_key_file_new ();
  g_auto(GStrv) groups = NULL;

  g_return_val_if_fail (HC_IS_SEEN_STORE (self), FALSE);

  /* A hub for this session only (the demo hub, "session:URL") leaves nothing behind. */
  data = g_key_file_to_data (self->file, NULL, NULL);
  if (!g_key_file_load_from_data (kept, data, (gsize) -1, G_KEY_FILE_NONE, error))
    return FALSE;
  groups = g_key_file_get_groups (kept, NULL);
  for (guint i = 0; groups[i] != NULL; i++)
    if (g_str_has_prefix (groups[i], "session:"))
      g_key_file_remove_group (kept, groups[i], NULL);

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   "%s: %s", dir, g_strerror (saved));
      return FALSE;
    }
  return g_key_file_save_to_file (kept, self->path, error);
}

/**
 * hc_seen_store_start:
 * The console watches @hub_key: the first time, everything up to @now
 * counts as seen. Later calls change nothing.
 */
void
hc_seen_store_start (HcSeenStore *self,
                     const char  *hub_key,
                     gint64       now)
{
  g_return_if_fail (HC_IS_SEEN_STORE (self));
  g_return_if_fail (hub_key != NULL);

  if (g_key_file_has_key (self->file, hub_key, "baseline", NULL))
    return;
  g_key_file_set_int64 (self->file, hub_key, "baseline", now);
  hc_seen_store_forget (self, hub_key);
  g_signal_emit (self, signals[CHANGED], 0, hub_key);
}

/**
 * hc_seen_store_is_seen:
 * @item_key: the item, as the hub names it ("a-001"; "source:s-1")
 * @since: when it became new (an alert's detection, a feed's failure), unix seconds
 */
gboolean
hc_seen_store_is_seen (HcSeenStore *self,
                       const char  *hub_key,
                       const char  *item_key,
                       gint64       since)
{
  HubSeen *hub;

  g_return_val_if_fail (HC_IS_SEEN_STORE (self), TRUE);
  g_return_val_if_fail (hub_key != NULL && item_key != NULL, TRUE);

  hub = hc_seen_store_get_hub (self, hub_key);
  /* A hub not started is one the operator has not watched yet: nothing new. */
  if (!hub->started || since <= hub->baseline)
    return TRUE;
  return g_hash_table_contains (hub->seen, item_key);
}

void
hc_seen_store_mark_seen (HcSeenStore *self,
                         const char  *hub_key,
                         const char  *item_key)
{
  g_auto(GStrv) seen = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) kept = NULL;
  gsize n = 0;

  g_return_if_fail (HC_IS_SEEN_STORE (self));
  g_return_if_fail (hub_key != NULL && item_key != NULL);

  if (g_hash_table_contains (hc_seen_store_get_hub (self, hub_key)->seen, item_key))
    return;
  seen = g_key_file_get_string_list (self->file, hub_key, "seen", &n, NULL);
  for (gsize i = n >= MAX_SEEN ? n - MAX_SEEN + 1 : 0; i < n; i++)
    g_strv_builder_add (builder, seen[i]);
  g_strv_builder_add (builder, item_key);
  kept = g_strv_builder_end (builder);
  g_key_file_set_string_list (self->file, hub_key, "seen",
                              (const char * const *) kept, g_strv_length (kept));
  hc_seen_store_forget (self, hub_key);
  g_signal_emit (self, signals[CHANGED], 0, hub_key);
}

/**
 * hc_seen_store_mark_all_seen:
 * Everything of @hub_key up to @now is seen; the keys marked one by one
 * are no longer needed.
 */
void
hc_seen_store_mark_all_seen (HcSeenStore *self,
                             const char  *hub_key,
                             gint64       now)
{
  g_return_if_fail (HC_IS_SEEN_STORE (self));
  g_return_if_fail (hub_key != NULL);

  g_key_file_set_int64 (self->file, hub_key, "baseline", now);
  g_key_file_remove_key (self->file, hub_key, "seen", NULL);
  hc_seen_store_forget (self, hub_key);
  g_signal_emit (self, signals[CHANGED], 0, hub_key);
}

static gboolean
save_idle (gpointer data)
{
  HcSeenStore *self = data;
  g_autoptr(GError) error = NULL;

  self->save_idle = 0;
  if (!hc_seen_store_save (self, &error))
    g_message ("Could not keep what was seen: %s", error->message);
  return G_SOURCE_REMOVE;
}

static void
on_default_changed (HcSeenStore *self,
                    const char  *hub_key)
{
  if (self->save_idle == 0)
    self->save_idle = g_timeout_add_seconds (1, save_idle, self);
}

/**
 * hc_seen_store_get_default:
 * The store of this user (hc_seen_store_default_path()), shared by every
 * window, loaded on first use and written a moment after each change.
 * Returns: (transfer none)
 */
HcSeenStore *
hc_seen_store_get_default (void)
{
  static HcSeenStore *store;

  if (store == NULL)
    {
      g_autoptr(GError) error = NULL;

      store = hc_seen_store_new (NULL);
      if (!hc_seen_store_load (store, &error))
        g_message ("What was seen could not be read, all is new from now: %s", error->message);
      g_signal_connect (store, "changed", G_CALLBACK (on_default_changed), NULL);
    }
  return store;
}

/**
 * hc_seen_store_is_alert_seen:
 * An alert is new from its detection until seen; a resolved one is never new.
 */
gboolean
hc_seen_store_is_alert_seen (HcSeenStore *self,
                             const char  *hub_key,
                             HcAlert     *alert)
{
  g_return_val_if_fail (HC_IS_ALERT (alert), TRUE);

  if (hc_alert_get_state (alert) == HC_ALERT_STATE_RESOLVED)
    return TRUE;
  return hc_seen_store_is_seen (self, hub_key, hc_item_get_id (HC_ITEM (alert)),
                                hc_alert_get_detected_at (alert));
}

/**
 * hc_seen_store_count_unseen_range:
 * How many of the @n_items @alerts (HcAlert) from @position on, at
 * @min_severity or above, are new.
 */
guint
hc_seen_store_count_unseen_range (HcSeenStore *self,
                                  const char  *hub_key,
                                  GListModel  *alerts,
                                  HcSeverity   min_severity,
                                  guint        position,
                                  guint        n_items)
{
  guint n = 0;
  guint end;

  g_return_val_if_fail (HC_IS_SEEN_STORE (self), 0);
  g_return_val_if_fail (G_IS_LIST_MODEL (alerts), 0);

  end = MIN (g_list_model_get_n_items (alerts), position + n_items);
  for (guint i = position; i < end; i++)
    {
      g_autoptr(HcAlert) alert = g_list_model_get_item (alerts, i);

      if (hc_alert_get_severity (alert) >= min_severity &&
          !hc_seen_store_is_alert_seen (self, hub_key, alert))
        n++;
    }
  return n;
}

/**
 * hc_seen_store_count_unseen:
 * How many of @alerts (HcAlert) at @min_severity or above are new.
 */
guint
hc_seen_store_count_unseen (HcSeenStore *self,
                            const char  *hub_key,
                            GListModel  *alerts,
                            HcSeverity   min_severity)
{
  return hc_seen_store_count_unseen_range (self, hub_key, alerts, min_severity, 0, G_MAXUINT);
}

/* A feed is new news from the start of the run that failed; a later
 * failure is news again. */
static char *
source_key (HcSource *source,
            gint64   *since)
{
  HcRun *run = hc_source_get_last_run (source);

  *since = run != NULL ? hc_run_get_started_at (run) : 0;
  return g_strdup_printf ("source:%s:%" G_GINT64_FORMAT, hc_item_get_id (HC_ITEM (source)), *since);
}

/**
 * hc_seen_store_is_source_seen:
 * A failed feed is new until seen; a feed that is not failed never is.
 */
gboolean
hc_seen_store_is_source_seen (HcSeenStore *self,
                              const char  *hub_key,
                              HcSource    *source)
{
  g_autofree char *key = NULL;
  gint64 since;

  g_return_val_if_fail (HC_IS_SOURCE (source), TRUE);

  if (hc_source_get_status (source) != HC_SOURCE_STATUS_FAILED)
    return TRUE;
  key = source_key (source, &since);
  return hc_seen_store_is_seen (self, hub_key, key, since);
}

void
hc_seen_store_mark_source_seen (HcSeenStore *self,
                                const char  *hub_key,
                                HcSource    *source)
{
  g_autofree char *key = NULL;
  gint64 since;

  g_return_if_fail (HC_IS_SOURCE (source));

  key = source_key (source, &since);
  hc_seen_store_mark_seen (self, hub_key, key);
}
