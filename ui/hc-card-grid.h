/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_TYPE_CARD_GRID (hc_card_grid_get_type ())
G_DECLARE_FINAL_TYPE (HcCardGrid, hc_card_grid, HC, CARD_GRID, GtkWidget)

guint hc_card_grid_get_columns (HcCardGrid *self);

G_END_DECLS
