/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-format.h"
#include "hc-list-pane-private.h"
#include "hc-widget-util.h"

/*
 * Pausing a list: the pane's HcFreezeModel holds the rows (what is listed
 * and where) while live updates wait, counted under the list; resuming
 * applies them in one step and keeps the row being read selected.
 */

/* "12 changes waiting" while paused. */
void
hc_list_pane_pause_update (HcFreezeModel *freeze,
                           GParamSpec    *pspec,
                           HcListPane    *self)
{
  guint n = hc_freeze_model_get_n_waiting (freeze);
  gboolean paused = hc_freeze_model_get_frozen (freeze);
  g_autofree char *count = hc_format_count (n);
  g_autofree char *text = NULL;

  if (n > 0)
    /* Translators: live updates are paused; "12 changes waiting", %s a count with the locale's grouping */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s change waiting", "%s changes waiting", n), count);
  else
    /* Translators: live updates of a list are paused and nothing has changed yet */
    text = g_strdup (_("Paused, no changes yet"));
  hc_label_set_label (self->waiting_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->waiting_label), paused);
}

/**
 * hc_list_pane_set_paused:
 * Holds the rows still (what is in the list and where) while live updates
 * wait, counted; resuming applies them in one step. The items themselves
 * stay live: the detail of the selected row keeps updating.
 */
void
hc_list_pane_set_paused (HcListPane *self,
                         gboolean    paused)
{
  gpointer selected;

  g_return_if_fail (HC_IS_LIST_PANE (self));

  if (paused == hc_freeze_model_get_frozen (self->freeze_model))
    return;

  selected = hc_list_pane_get_selected_item (self);
  if (selected != NULL)
    g_object_ref (selected);
  hc_freeze_model_set_frozen (self->freeze_model, paused);
  /* Applied in one step: the row being read stays selected if it is still there. */
  if (selected != NULL && hc_list_pane_get_selected_item (self) != selected)
    hc_list_pane_select_item (self, selected);
  g_clear_object (&selected);
  g_object_notify (G_OBJECT (self), "paused");
}

gboolean
hc_list_pane_get_paused (HcListPane *self)
{
  g_return_val_if_fail (HC_IS_LIST_PANE (self), FALSE);

  return hc_freeze_model_get_frozen (self->freeze_model);
}

/**
 * hc_list_pane_get_n_waiting:
 * The changes held back while paused.
 */
guint
hc_list_pane_get_n_waiting (HcListPane *self)
{
  g_return_val_if_fail (HC_IS_LIST_PANE (self), 0);

  return hc_freeze_model_get_n_waiting (self->freeze_model);
}

/**
 * hc_list_pane_get_waiting_text:
 * "12 changes waiting" as shown, or %NULL when not paused.
 */
const char *
hc_list_pane_get_waiting_text (HcListPane *self)
{
  g_return_val_if_fail (HC_IS_LIST_PANE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->waiting_label)))
    return NULL;
  return gtk_label_get_label (self->waiting_label);
}
