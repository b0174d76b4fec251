/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-list-pane-private.h"

/*
 * The pane's column view, with its rows made only once the pane is seen.
 *
 * A GtkColumnView with a model makes row widgets around its anchor at
 * every change of the list, mapped or not: at start, with five pages of
 * lists arriving while only the overview shows, that was about half of
 * the console's CPU. So the view gets the pane's selection model when the
 * pane is first mapped, and keeps it from then on (switching pages back
 * and forth stays instant). Everything else reads the pane's own models
 * (the filter model, the selection), which are there from the start: the
 * counts, the states, selection, export and pause work on a pane never
 * shown as on one shown.
 */

/* The page's column view becomes the pane's list. */
void
hc_list_pane_lazy_take_view (HcListPane *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  /* Space on the list pauses and resumes, before a row takes it to select. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_space, 0),
                                                          gtk_named_action_new ("pane.paused")));
  gtk_widget_add_controller (GTK_WIDGET (self->view), controller);
  gtk_sort_list_model_set_sorter (self->sort_model, gtk_column_view_get_sorter (self->view));
  gtk_scrolled_window_set_child (self->list_scroller, GTK_WIDGET (self->view));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    hc_list_pane_lazy_attach (self);
}

/* On the pane's map, before its children map: the rows, once. */
void
hc_list_pane_lazy_attach (HcListPane *self)
{
  guint selected;

  if (self->view == NULL || gtk_column_view_get_model (self->view) != NULL)
    return;

  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  /* A row selected while the pane was hidden is scrolled to now. */
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", selected);
}
