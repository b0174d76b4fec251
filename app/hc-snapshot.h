/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-client.h"

G_BEGIN_DECLS

/*
 * The last good state of a hub, as the hub sent it: the raw JSON pages of
 * each list and the bodies of /me and /overview, with the time they were
 * fetched. Never a token or any other secret: only what the hub answered.
 */
typedef struct {
  char      *hub_key;
  gint64     fetched_at;                  /* unix seconds UTC; on load, of the oldest part */
  GBytes    *me;                          /* nullable: keep the stored one */
  GBytes    *overview;                    /* nullable: keep the stored one */
  GPtrArray *pages[HC_LIST_N_KINDS];      /* GBytes in page order; NULL: keep the stored list */
} HcSnapshotData;

HcSnapshotData *hc_snapshot_data_new  (const char     *hub_key);
void            hc_snapshot_data_free (HcSnapshotData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcSnapshotData, hc_snapshot_data_free)

#define HC_TYPE_SNAPSHOT (hc_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (HcSnapshot, hc_snapshot, HC, SNAPSHOT, GObject)

/*
 * A small SQLite cache, by default
 * g_get_user_cache_dir()/hub-console/snapshots.sqlite. Every call opens
 * the database itself, so the async variants run in worker threads and
 * never block the main loop; calls on one HcSnapshot are serialized.
 */
HcSnapshot     *hc_snapshot_new          (const char      *path);
const char     *hc_snapshot_get_path     (HcSnapshot      *self);
char           *hc_snapshot_default_path (void);

gboolean        hc_snapshot_save         (HcSnapshot      *self,
                                          HcSnapshotData  *data,
                                          GError         **error);
HcSnapshotData *hc_snapshot_load         (HcSnapshot      *self,
                                          const char      *hub_key,
                                          GError         **error);
gboolean        hc_snapshot_delete       (HcSnapshot      *self,
                                          const char      *hub_key,
                                          GError         **error);

void            hc_snapshot_save_async   (HcSnapshot          *self,
                                          HcSnapshotData      *data,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
gboolean        hc_snapshot_save_finish  (HcSnapshot          *self,
                                          GAsyncResult        *result,
                                          GError             **error);
void            hc_snapshot_load_async   (HcSnapshot          *self,
                                          const char          *hub_key,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
HcSnapshotData *hc_snapshot_load_finish  (HcSnapshot          *self,
                                          GAsyncResult        *result,
                                          GError             **error);

G_END_DECLS
