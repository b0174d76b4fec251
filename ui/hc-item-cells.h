/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * List cells written from their row's item in C (ui/hc-item-cells.c):
 * a kind of cell makes its widget once and sets it from the item, again
 * when the row takes another item (row slots) and when the item tells a
 * property the cell shows changed.
 */
typedef struct _HcItemCell HcItemCell;

typedef struct {
  GtkWidget  *(*make)   (HcItemCell *cell);
  void        (*update) (HcItemCell *cell, GtkWidget *child, gpointer item);
  const char *shows[4];   /* the item's properties it shows (a change of another is not its) */
} HcItemCellKind;

void hc_item_cells_set_factories (GtkColumnViewColumn  **columns,
                                  const HcItemCellKind  *kinds,
                                  guint                  n_kinds,
                                  GType                  item_type);

gpointer  hc_item_cell_get_item  (HcItemCell *cell);
int      *hc_item_cell_get_style (HcItemCell *cell);

/* Widgets most cells are made of. */
GtkWidget *hc_item_cell_text     (float       xalign,
                                  gboolean    tooltip);
void       hc_item_cell_set_text (GtkWidget  *child,
                                  const char *text);
void       hc_item_cell_take_text (GtkWidget *child,
                                   char      *text);
void       hc_item_cell_set_time (GtkWidget  *child,
                                  gint64      unix_time);

/* Makers of the kinds of cell most lists have. */
GtkWidget *hc_item_cell_make_plain  (HcItemCell *cell);
GtkWidget *hc_item_cell_make_cut    (HcItemCell *cell);
GtkWidget *hc_item_cell_make_number (HcItemCell *cell);
GtkWidget *hc_item_cell_make_time   (HcItemCell *cell);
GtkWidget *hc_item_cell_make_badge  (HcItemCell *cell);

G_END_DECLS
