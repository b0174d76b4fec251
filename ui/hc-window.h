/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-hub-manager.h"
#include "hc-ingestion-page.h"
#include "hc-overview-page.h"
#include "hc-quality-page.h"
#include "hc-security-page.h"
#include "hc-storage-page.h"
#include "hc-wall.h"

G_BEGIN_DECLS

#define HC_TYPE_WINDOW (hc_window_get_type ())

G_DECLARE_FINAL_TYPE (HcWindow, hc_window, HC, WINDOW, AdwApplicationWindow)

HcWindow   *hc_window_new         (GtkApplication *application,
                                   HcHubManager  *manager);
const char *hc_window_get_section (HcWindow      *self);
void        hc_window_set_section (HcWindow      *self,
                                   const char    *section);
void        hc_window_show_toast  (HcWindow      *self,
                                   const char    *message);
void        hc_window_set_scope   (HcWindow      *self,
                                   HcHub         *hub);
HcHub      *hc_window_get_scope   (HcWindow      *self);

/* hc-window-show.c: a hub's item, as a notification asks for it. */
gboolean    hc_window_show_item   (HcWindow      *self,
                                   HcHub         *hub,
                                   const char    *list,
                                   const char    *item_id,
                                   const char    *filter);
gboolean    hc_window_acknowledge_item (HcWindow *self,
                                   HcHub         *hub,
                                   const char    *alert_id);
gboolean    hc_window_is_showing_item (HcWindow  *self,
                                   HcHub         *hub,
                                   const char    *list,
                                   const char    *item_id);
HcIngestionPage *hc_window_get_ingestion_page (HcWindow *self);
HcOverviewPage  *hc_window_get_overview_page  (HcWindow *self);
HcWall          *hc_window_open_wall          (HcWindow *self);
HcQualityPage   *hc_window_get_quality_page   (HcWindow *self);
HcStoragePage   *hc_window_get_storage_page   (HcWindow *self);
HcSecurityPage  *hc_window_get_security_page  (HcWindow *self);

G_END_DECLS
