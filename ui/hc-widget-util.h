/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void hc_widget_unparent_children (GtkWidget     *widget);
void hc_actionable_set_action    (GtkActionable *actionable,
                                  const char    *detailed_action);
AdwToast *hc_toast_new           (const char    *text);
void hc_label_set_label          (GtkLabel      *label,
                                  const char    *text);
void hc_detail_row_set_value     (AdwActionRow  *row,
                                  const char    *value);
void hc_widget_class_bind_template_array (GtkWidgetClass     *widget_class,
                                          const char * const *ids,
                                          guint               n_ids,
                                          gssize              array_offset);

G_END_DECLS
