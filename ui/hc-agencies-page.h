/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-agency-detail.h"
#include "hc-agency-history.h"
#include "hc-list-pane.h"
#include "hc-thresholds.h"

G_BEGIN_DECLS

#define HC_TYPE_AGENCIES_PAGE (hc_agencies_page_get_type ())

G_DECLARE_FINAL_TYPE (HcAgenciesPage, hc_agencies_page, HC, AGENCIES_PAGE, GtkWidget)

GtkWidget      *hc_agencies_page_new            (void);
HcListPane     *hc_agencies_page_get_pane       (HcAgenciesPage  *self);
void            hc_agencies_page_set_lists      (HcAgenciesPage  *self,
                                                 GListModel      *datasets,
                                                 GListModel      *sources);
void            hc_agencies_page_set_hubs       (HcAgenciesPage  *self,
                                                 GPtrArray       *hubs);
void            hc_agencies_page_set_settings   (HcAgenciesPage  *self,
                                                 GSettings       *settings);
GListModel     *hc_agencies_page_get_agencies   (HcAgenciesPage  *self);
HcAgencyHistory *hc_agencies_page_get_history   (HcAgenciesPage  *self);
void            hc_agencies_page_recount        (HcAgenciesPage  *self);
void            hc_agencies_page_recount_all    (HcAgenciesPage  *self);
GMenu          *hc_agencies_page_get_extra_menu (HcAgenciesPage  *self);

G_END_DECLS
