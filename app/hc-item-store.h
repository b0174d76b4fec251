/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-item.h"

G_BEGIN_DECLS

#define HC_TYPE_ITEM_STORE (hc_item_store_get_type ())

G_DECLARE_FINAL_TYPE (HcItemStore, hc_item_store, HC, ITEM_STORE, GObject)

/*
 * A GListModel of HcItem keyed by id that updates in place: an item the
 * store already has is updated with hc_item_update_from() and stays the
 * same object at the same position, so views keep rows and selection.
 * New items are appended; order is arrival order (views sort).
 * Lookups are O(1); replace_all is O(n).
 *
 * Sorted and filtered views: GtkSortListModel and GtkFilterListModel (GTK
 * 4.8) do not watch item properties and cache sort keys, so an item
 * changed in place keeps its old place in a sorted view. With
 * "announce-updates" set, the store re-announces each changed item as
 * items-changed (position, 1, 1) with the same object at the same place:
 * sort and filter models then re-sort and re-filter exactly those items,
 * GtkSingleSelection keeps the object selected and list views reuse the
 * row. Off by default: rows bound to properties need nothing.
 *
 * Signal "items-updated" (guint n_updated): after an upsert, upsert_many or
 * replace_all changed @n_updated resident items in place.
 */
HcItemStore *hc_item_store_new         (GType        item_type);
HcItem      *hc_item_store_lookup      (HcItemStore *self,
                                        const char  *id);
HcItem      *hc_item_store_upsert      (HcItemStore *self,
                                        HcItem      *item);
void         hc_item_store_upsert_many (HcItemStore *self,
                                        GPtrArray   *items);
gboolean     hc_item_store_remove      (HcItemStore *self,
                                        const char  *id);
void         hc_item_store_replace_all (HcItemStore *self,
                                        GPtrArray   *items);
void         hc_item_store_remove_all  (HcItemStore *self);
void         hc_item_store_set_announce_updates (HcItemStore *self,
                                                 gboolean     announce_updates);
gboolean     hc_item_store_get_announce_updates (HcItemStore *self);

G_END_DECLS
