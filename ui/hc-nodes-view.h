/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HC_TYPE_NODES_VIEW (hc_nodes_view_get_type ())

G_DECLARE_FINAL_TYPE (HcNodesView, hc_nodes_view, HC, NODES_VIEW, GtkWidget)

GtkWidget  *hc_nodes_view_new       (void);
void        hc_nodes_view_set_nodes (HcNodesView *self,
                                     GListModel  *nodes);
GtkListBox *hc_nodes_view_get_list  (HcNodesView *self);

G_END_DECLS
