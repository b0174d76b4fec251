/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-list-pane-private.h"

/*
 * Row widgets kept in place, for lists of many thousands of rows: the
 * view is given an HcRowSlots over the visible rows, so a search typed or
 * a page of rows sorted in changes the text in the row widgets instead of
 * making up to 200 rows of cells anew (GTK 4.8). Small changes (an alert
 * that came, one that went, one re-sorted) pass through as they are, and
 * the view keeps its place.
 *
 * The selection is of a place, so after a change the pane puts it back
 * on the row that was selected, wherever that row is now, or ends it if
 * the row is no longer shown. Cells read their row through the slot:
 * `<lookup name="item" type="HcRowSlot">` around `<lookup name="item">GtkListItem</lookup>`.
 */

/* Before the slots see a change. Even a small one can take the row
 * selected away from its slot: a row removed in one change and added in
 * the next gets a slot made anew. */
static void
on_rows_changing (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  HcListPane *self)
{
  self->repointing = TRUE;
}

static guint
find_row (GListModel *model,
          gpointer    row)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (model, i);

      if (candidate == row)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* After: the row selected stays selected, or the selection ends; said
 * only if the row selected is another (or none) now. */
static void
on_rows_changed (GListModel *model,
                 guint       position,
                 guint       removed,
                 guint       added,
                 HcListPane *self)
{
  if (!self->repointing)
    return;

  if (self->selected_row != NULL && hc_list_pane_get_selected_item (self) != (gpointer) self->selected_row)
    gtk_single_selection_set_selected (self->selection, find_row (model, self->selected_row));
  self->repointing = FALSE;
  if (hc_list_pane_get_selected_item (self) != (gpointer) self->selected_row)
    hc_list_pane_selection_changed (self);
}

static void
on_after_paint (GdkFrameClock *clock,
                HcListPane    *self)
{
  hc_row_slots_frame_done (self->row_slots);
}

/* While the pane is shown, a list growing by steps takes a step a frame
 * (see HcRowSlots): each frame lays out only the rows of one step. */
static void
on_map (HcListPane *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || self->slots_clock != NULL)
    return;
  self->slots_clock = g_object_ref (clock);
  g_signal_connect_object (clock, "after-paint", G_CALLBACK (on_after_paint), self, 0);
  hc_row_slots_set_paced (self->row_slots, TRUE);
}

static void
on_unmap (HcListPane *self)
{
  if (self->slots_clock != NULL)
    g_signal_handlers_disconnect_by_func (self->slots_clock, on_after_paint, self);
  g_clear_object (&self->slots_clock);
  hc_row_slots_set_paced (self->row_slots, FALSE);
}

/**
 * hc_list_pane_keep_rows_in_place:
 * The rows are given to the view through an #HcRowSlots: call before the
 * view is shown; the page's cells read `HcRowSlot:item`.
 */
void
hc_list_pane_keep_rows_in_place (HcListPane *self)
{
  GListModel *rows = G_LIST_MODEL (self->filter_model);

  g_return_if_fail (HC_IS_LIST_PANE (self));
  g_return_if_fail (self->row_slots == NULL);
  g_return_if_fail (self->view == NULL || gtk_column_view_get_model (self->view) == NULL);

  /* Connected around the slots' own handler: before it, then after all. */
  g_signal_connect_object (rows, "items-changed", G_CALLBACK (on_rows_changing), self, 0);
  self->row_slots = hc_row_slots_new (g_object_ref (rows));
  g_signal_connect_object (rows, "items-changed", G_CALLBACK (on_rows_changed), self, G_CONNECT_AFTER);
  g_set_object (&self->selected_row, hc_list_pane_get_selected_item (self));
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->row_slots));
  g_signal_connect (self, "map", G_CALLBACK (on_map), NULL);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap), NULL);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    on_map (self);
}
