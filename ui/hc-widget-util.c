/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-widget-util.h"

/**
 * hc_widget_unparent_children:
 * For dispose of a widget with a layout manager: GTK 4.8's
 * gtk_widget_dispose_template() releases only the bound template
 * children, not an unnamed root box.
 */
void
hc_widget_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}
