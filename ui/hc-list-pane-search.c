/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-list-pane-private.h"

/*
 * Which rows the pane shows: the page's own filter (state, agency...)
 * over the sorted rows, then the search over what that lets through
 * (HcSearchFilter: one strstr() per row on text folded once per item).
 */

/* The entry's search, after its typing delay. */
void
hc_list_pane_search_changed (GtkSearchEntry *entry,
                             HcListPane     *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  hc_search_filter_set_search (self->search_filter, text);
}

/* Escape in the entry clears it. */
void
hc_list_pane_stop_search (GtkSearchEntry *entry,
                          HcListPane     *self)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/**
 * hc_list_pane_set_search_expression:
 * What search-as-you-type looks in: an expression giving a string per item.
 */
void
hc_list_pane_set_search_expression (HcListPane    *self,
                                    GtkExpression *expression)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  hc_search_filter_set_expression (self->search_filter, expression);
}

/**
 * hc_list_pane_set_filter:
 * The page's own filter (status, agency...); the search looks only at
 * the rows it lets through.
 */
void
hc_list_pane_set_filter (HcListPane *self,
                         GtkFilter  *filter)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));
  g_return_if_fail (self->page_filter == NULL);

  self->page_filter = g_object_ref (filter);
  hc_filter_model_set_filter (self->page_model, filter);
}

/**
 * hc_list_pane_filter_changed:
 * Tells the pane that the page's filter criteria changed.
 */
void
hc_list_pane_filter_changed (HcListPane *self)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  if (self->page_filter != NULL)
    gtk_filter_changed (self->page_filter, GTK_FILTER_CHANGE_DIFFERENT);
}

void
hc_list_pane_set_search_text (HcListPane *self,
                              const char *text)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  /* Setting an entry's text empties it first, and an empty search entry
   * says so at once: the list would be filtered twice, for nothing and
   * then for @text. Applied once, now, rather than after the typing delay. */
  g_signal_handlers_block_by_func (self->search_entry, hc_list_pane_search_changed, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  g_signal_handlers_unblock_by_func (self->search_entry, hc_list_pane_search_changed, self);
  hc_search_filter_set_search (self->search_filter, text);
}

void
hc_list_pane_focus_search (HcListPane *self)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}
