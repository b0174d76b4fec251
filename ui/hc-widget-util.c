/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-widget-util.h"

/* Small helpers the widgets share, each too small for a file of its own. */

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

/**
 * hc_actionable_set_action:
 * Sets a detailed action ("app.sign-in('id')") on @actionable. The target
 * goes first, with the action unset meanwhile, so GTK never checks the
 * new action against the old target.
 */
void
hc_actionable_set_action (GtkActionable *actionable,
                          const char    *detailed_action)
{
  g_autofree char *name = NULL;
  g_autoptr(GVariant) target = NULL;

  gtk_actionable_set_action_name (actionable, NULL);
  if (detailed_action == NULL || !g_action_parse_detailed_name (detailed_action, &name, &target, NULL))
    {
      gtk_actionable_set_action_target_value (actionable, NULL);
      return;
    }
  gtk_actionable_set_action_target_value (actionable, target);
  gtk_actionable_set_action_name (actionable, name);
}

/**
 * hc_toast_new:
 * A toast that says @text as it is. libadwaita 1.2 reads a toast's title
 * as Pango markup: an error from a hub with "&" or "<" in it would blank
 * the toast (and warn).
 */
AdwToast *
hc_toast_new (const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  return adw_toast_new (escaped);
}

/**
 * hc_label_set_label:
 * gtk_label_set_label(), but nothing when @label already shows @text:
 * GTK 4.8 lays the label out again and queues a resize up to the window
 * (a full relayout of it) even when the text is the same, and live
 * updates set the same texts again at every hub event.
 */
void
hc_label_set_label (GtkLabel   *label,
                    const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text ? text : "") != 0)
    gtk_label_set_label (label, text);
}

/**
 * hc_detail_row_set_value:
 * Shows @value as the subtitle of a detail's row, as plain text (it may
 * be a hub's), or "—" when there is none.
 */
void
hc_detail_row_set_value (AdwActionRow *row,
                         const char   *value)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (row, value != NULL && *value ? value : "—");
}

/**
 * hc_widget_class_bind_template_array:
 * Binds the template children @ids, in order, to the array of widget
 * pointers at @array_offset in the instance struct.
 */
void
hc_widget_class_bind_template_array (GtkWidgetClass     *widget_class,
                                     const char * const *ids,
                                     guint               n_ids,
                                     gssize              array_offset)
{
  for (guint i = 0; i < n_ids; i++)
    gtk_widget_class_bind_template_child_full (widget_class, ids[i], FALSE,
                                               array_offset + (gssize) (i * sizeof (gpointer)));
}
