/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A list growing from below 200 rows shows this many more a step (see
 * app/hc-row-slots.c). */
#define HC_ROW_SLOTS_STEP 8

#define HC_TYPE_ROW_SLOT (hc_row_slot_get_type ())
G_DECLARE_FINAL_TYPE (HcRowSlot, hc_row_slot, HC, ROW_SLOT, GObject)

#define HC_TYPE_ROW_SLOTS (hc_row_slots_get_type ())
G_DECLARE_FINAL_TYPE (HcRowSlots, hc_row_slots, HC, ROW_SLOTS, GObject)

gpointer    hc_row_slot_get_item   (HcRowSlot  *self);
gpointer    hc_row_slot_unwrap     (gpointer    object);

HcRowSlots *hc_row_slots_new       (GListModel *model);
GListModel *hc_row_slots_get_model (HcRowSlots *self);
void        hc_row_slots_set_paced (HcRowSlots *self,
                                    gboolean    paced);
void        hc_row_slots_frame_done (HcRowSlots *self);

G_END_DECLS
