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

G_END_DECLS
