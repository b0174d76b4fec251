/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-cell-tooltips.h"
#include "hc-format.h"
#include "hc-row-slots.h"

/* Tooltips of list cells, given when GTK asks for one (`has-tooltip` and
 * `query-tooltip`) instead of bound: setting a widget's tooltip text asks
 * the display where the pointer is (an X round trip), and a list binds its
 * visible cells again at every search keystroke and every change. In a
 * cell template:
 *
 *   <property name="has-tooltip">true</property>
 *   <signal name="query-tooltip" handler="label_tooltip"/>
 *
 * or, for a tooltip read from the row's item,
 *
 *   <signal name="query-tooltip" handler="dataset_checked_tooltip"
 *           object="GtkListItem" swapped="no"/>
 */

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
set_text (GtkTooltip *tooltip,
          const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The cell's own whole text (a label's or an inscription's), which the
 * cell may show cut off. */
gboolean
hc_cell_label_tooltip (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  if (GTK_IS_INSCRIPTION (widget))
    return set_text (tooltip, gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  g_return_val_if_fail (GTK_IS_LABEL (widget), FALSE);
  return set_text (tooltip, gtk_label_get_text (GTK_LABEL (widget)));
}

/* The exact time of a relative one ("3 min ago") shown in the cell. */
static gboolean
time_tooltip (GtkListItem *list_item,
              const char  *property,
              GtkTooltip  *tooltip)
{
  GObject *item = hc_row_slot_unwrap (gtk_list_item_get_item (list_item));
  g_autofree char *text = NULL;
  gint64 unix_time = 0;

  if (item == NULL)
    return FALSE;
  g_object_get (item, property, &unix_time, NULL);
  text = hc_format_time (unix_time, now ());
  return set_text (tooltip, text);
}

static gboolean
dataset_checked_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard,
                         GtkTooltip *tooltip, GtkListItem *list_item)
{
  return time_tooltip (list_item, "checked-at", tooltip);
}

/* A cell showing a relative time: its accessible description is the exact
 * time, as its tooltip's text was when bound (the tooltip itself is given
 * on demand). The closure is evaluated on the list item (`this`). */
static char *
described_relative_time (GtkListItem *this,
                         gint64       unix_time)
{
  gint64 t = now ();

  if (GTK_IS_LIST_ITEM (this) && gtk_list_item_get_child (this) != NULL)
    {
      g_autofree char *exact = hc_format_time (unix_time, t);

      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (this)),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, exact, -1);
    }
  return hc_format_relative (unix_time, t);
}

void
hc_cell_tooltips_bind (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "label_tooltip", G_CALLBACK (hc_cell_label_tooltip));
  gtk_widget_class_bind_template_callback_full (widget_class, "dataset_checked_tooltip", G_CALLBACK (dataset_checked_tooltip));
  gtk_widget_class_bind_template_callback_full (widget_class, "described_relative_time", G_CALLBACK (described_relative_time));
}
