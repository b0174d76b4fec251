/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HC_TYPE_ITEM (hc_item_get_type ())

G_DECLARE_DERIVABLE_TYPE (HcItem, hc_item, HC, ITEM, GObject)

/**
 * HcItemClass:
 * @update_from: copy every field of @other (same type, same id) into @self,
 *   notifying only the properties whose value changed; returns %TRUE if
 *   anything changed. The default implementation walks the subclass's
 *   field table (see hc-fields.h) and suits every type in app/.
 *
 * The base of everything the hub identifies by an `id`: list models key on
 * it and update objects in place, so views keep their rows and selection.
 */
struct _HcItemClass
{
  GObjectClass parent_class;

  gboolean (*update_from) (HcItem *self,
                           HcItem *other);

  /*< private >*/
  gpointer padding[8];
};

const char *hc_item_get_id      (HcItem *self);
gboolean    hc_item_update_from (HcItem *self,
                                 HcItem *other);

const char *hc_item_peek_search_key (HcItem        *self,
                                     gconstpointer  owner);
void        hc_item_take_search_key (HcItem        *self,
                                     gconstpointer  owner,
                                     char          *key);

/* A number, score, time, date or enum of an item type, read straight from
 * the objects: what a list's sorter compares (ui/hc-field-sorter.c). */
typedef struct _HcItemField HcItemField;

const HcItemField *hc_item_find_field    (GType              type,
                                          const char        *property);
int                hc_item_compare_field (const HcItemField *field,
                                          HcItem            *a,
                                          HcItem            *b);

G_END_DECLS
