/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-list-pane-private.h"

/*
 * New until seen, in a list: a first, narrow column marks each row the
 * page calls new with a dot and the word "New" (so it is never colour or
 * a shape alone, and a screen reader reads it). A new row becomes seen
 * when the page says so (shown selected) or when it has been on screen
 * for a few seconds while the list is shown: rows a list view has bound
 * are those on screen, give or take a few.
 */

#define SEEN_AFTER_SECONDS 3

static gboolean
is_new (HcListPane *self,
        gpointer    item)
{
  return item != NULL && self->new_func != NULL && self->new_func (item, self->new_data);
}

/* Shown or not by its opacity (and to a screen reader by its hidden
 * state): a mark made visible or invisible would have its cell measured
 * again and with it every cell of the column, for each row bound. */
static void
show_mark_widget (GtkWidget *mark,
                  gboolean   shown)
{
  if ((gtk_widget_get_opacity (mark) > 0) == shown)
    return;
  gtk_widget_set_opacity (mark, shown ? 1 : 0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_STATE_HIDDEN, !shown, -1);
}

static void
update_cell (HcListPane  *self,
             GtkListItem *list_item)
{
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  gboolean mark = is_new (self, hc_row_slot_unwrap (gtk_list_item_get_item (list_item)));

  show_mark_widget (gtk_widget_get_first_child (cell), mark);
}

static gboolean
on_seen_timer (gpointer data)
{
  HcListPane *self = data;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_object_unref);

  self->seen_timer = 0;
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  /* Collected first: marking one seen may update the cells. */
  for (guint i = 0; i < self->new_cells->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->new_cells, i);
      gpointer item = hc_row_slot_unwrap (gtk_list_item_get_item (list_item));

      if (is_new (self, item))
        g_ptr_array_add (seen, g_object_ref (item));
    }
  for (guint i = 0; i < seen->len; i++)
    self->seen_func (g_ptr_array_index (seen, i), self->new_data);
  return G_SOURCE_REMOVE;
}

/* A new row on screen: seen in a few seconds, if the list stays shown. */
static void
start_seen_timer (HcListPane *self)
{
  if (self->seen_timer == 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->seen_timer = g_timeout_add_seconds (SEEN_AFTER_SECONDS, on_seen_timer, self);
}

static void
on_setup (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          HcListPane               *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *mark = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *dot = gtk_image_new_from_icon_name ("media-record-symbolic");
  GtkWidget *label = gtk_label_new (_("New"));

  gtk_image_set_pixel_size (GTK_IMAGE (dot), 8);
  gtk_widget_add_css_class (dot, "accent");
  gtk_widget_add_css_class (label, "accent");
  gtk_widget_add_css_class (label, "caption-heading");
  gtk_box_append (GTK_BOX (mark), dot);
  gtk_box_append (GTK_BOX (mark), label);
  gtk_widget_set_opacity (mark, 0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (mark), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), mark);
  gtk_list_item_set_child (list_item, box);
}

static void
show_mark (HcListPane  *self,
           GtkListItem *list_item)
{
  update_cell (self, list_item);
  if (is_new (self, hc_row_slot_unwrap (gtk_list_item_get_item (list_item))))
    start_seen_timer (self);
}

/* A row kept in place (HcRowSlot) gets another item while bound. */
static void
on_slot_item (HcRowSlot   *slot,
              GParamSpec  *pspec,
              GtkListItem *list_item)
{
  HcListPane *self = g_object_get_data (G_OBJECT (list_item), "hc-list-pane");

  if (self != NULL)
    show_mark (self, list_item);
}

static void
on_bind (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         HcListPane               *self)
{
  gpointer item = gtk_list_item_get_item (list_item);

  g_ptr_array_add (self->new_cells, list_item);
  if (HC_IS_ROW_SLOT (item))
    {
      g_object_set_data (G_OBJECT (list_item), "hc-list-pane", self);
      g_signal_connect (item, "notify::item", G_CALLBACK (on_slot_item), list_item);
    }
  show_mark (self, list_item);
}

static void
on_unbind (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           HcListPane               *self)
{
  gpointer item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_slot_item, list_item);
  g_ptr_array_remove_fast (self->new_cells, list_item);
}

/**
 * hc_list_pane_set_new_marks:
 * @new_func: whether an item is new
 * @seen_func: marks an item seen
 *
 * Adds the column of "New" marks, first.
 */
void
hc_list_pane_set_new_marks (HcListPane         *self,
                            HcListPaneItemTest  new_func,
                            HcListPaneItemFunc  seen_func,
                            gpointer            data,
                            GDestroyNotify      destroy)
{
  GtkListItemFactory *factory;
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_return_if_fail (HC_IS_LIST_PANE (self));
  g_return_if_fail (self->view != NULL);
  g_return_if_fail (self->new_func == NULL);

  self->new_func = new_func;
  self->seen_func = seen_func;
  self->new_data = data;
  self->new_destroy = destroy;
  self->new_cells = g_ptr_array_new ();

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (on_unbind), self, 0);
  /* Translators: the column of marks on alerts (or failed feeds) the operator has not seen yet */
  column = gtk_column_view_column_new (_("New"), factory);
  gtk_column_view_column_set_fixed_width (column, 64);
  gtk_column_view_insert_column (self->view, 0, column);
}

/**
 * hc_list_pane_new_marks_changed:
 * What is new changed (seen, or all marked seen): the marks follow.
 */
void
hc_list_pane_new_marks_changed (HcListPane *self)
{
  gboolean any = FALSE;

  g_return_if_fail (HC_IS_LIST_PANE (self));

  if (self->new_cells == NULL)
    return;
  for (guint i = 0; i < self->new_cells->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->new_cells, i);

      update_cell (self, list_item);
      any |= is_new (self, hc_row_slot_unwrap (gtk_list_item_get_item (list_item)));
    }
  if (any)
    start_seen_timer (self);
}

void
hc_list_pane_new_marks_clear (HcListPane *self)
{
  g_clear_handle_id (&self->seen_timer, g_source_remove);
  if (self->new_destroy != NULL && self->new_data != NULL)
    self->new_destroy (self->new_data);
  self->new_destroy = NULL;
  self->new_data = NULL;
  self->new_func = NULL;
  g_clear_pointer (&self->new_cells, g_ptr_array_unref);
}
