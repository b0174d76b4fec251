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
 * pane is first mapped, and keeps it while pages are switched back and
 * forth (that stays instant). Everything else reads the pane's own models
 * (the filter model, the selection), which are there from the start: the
 * counts, the states, selection, export and pause work on a pane never
 * shown as on one shown.
 *
 * A pane hidden for a minute gives its rows up again: a console left on
 * one page all day would otherwise keep every other page's 200 rows of
 * cells up to date with each event (after 100,000 alerts, half the CPU of
 * a live stream). Shown again, its rows are made anew (a tenth of a
 * second or two) and the selected row is scrolled to.
 */

#define RELEASE_AFTER_MS (60 * 1000)

static gboolean
release_rows (gpointer data)
{
  HcListPane *self = data;

  self->release_timer = 0;
  if (self->view != NULL && !gtk_widget_get_mapped (GTK_WIDGET (self)))
    gtk_column_view_set_model (self->view, NULL);
  return G_SOURCE_REMOVE;
}

/* On the pane's unmap: its rows go if it stays hidden. */
void
hc_list_pane_lazy_hidden (HcListPane *self)
{
  if (self->view == NULL || gtk_column_view_get_model (self->view) == NULL || self->release_timer != 0)
    return;
  self->release_timer = g_timeout_add (self->release_after_ms > 0 ? self->release_after_ms : RELEASE_AFTER_MS,
                                       release_rows, self);
}

/* For tests: how long a hidden pane keeps its rows. */
void
hc_list_pane_lazy_set_release_after (HcListPane *self,
                                     guint       milliseconds)
{
  self->release_after_ms = milliseconds;
}

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

/* On the pane's map, before its children map: the rows (again, if they went). */
void
hc_list_pane_lazy_attach (HcListPane *self)
{
  guint selected;

  g_clear_handle_id (&self->release_timer, g_source_remove);
  if (self->view == NULL || gtk_column_view_get_model (self->view) != NULL)
    return;

  gtk_column_view_set_model (self->view, GTK_SELECTION_MODEL (self->selection));
  /* A row selected while the pane was hidden is scrolled to now. */
  selected = gtk_single_selection_get_selected (self->selection);
  if (selected != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", selected);
}
