/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-list-pane.h"
#include "hc-nodes-view.h"
#include "hc-pool-detail.h"
#include "hc-pool.h"

G_BEGIN_DECLS

#define HC_TYPE_STORAGE_PAGE (hc_storage_page_get_type ())

G_DECLARE_FINAL_TYPE (HcStoragePage, hc_storage_page, HC, STORAGE_PAGE, GtkWidget)

GtkWidget    *hc_storage_page_new              (void);
HcListPane   *hc_storage_page_get_pane         (HcStoragePage *self);
HcPoolDetail *hc_storage_page_get_detail       (HcStoragePage *self);
HcNodesView  *hc_storage_page_get_nodes_view   (HcStoragePage *self);
void          hc_storage_page_set_pools        (HcStoragePage *self,
                                                GListModel    *pools);
void          hc_storage_page_set_lists_read   (HcStoragePage *self,
                                                gboolean       pools_read,
                                                gboolean       nodes_read);
void          hc_storage_page_set_nodes        (HcStoragePage *self,
                                                GListModel    *nodes);
void          hc_storage_page_set_state_filter (HcStoragePage *self,
                                                const char    *state);
const char   *hc_storage_page_get_state_filter (HcStoragePage *self);
void          hc_storage_page_set_view         (HcStoragePage *self,
                                                const char    *name);
const char   *hc_storage_page_get_verdict      (HcStoragePage *self);

G_END_DECLS
