/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-hub-manager.h"
#include "hc-status-badge.h"

G_BEGIN_DECLS

#define HC_TYPE_OVERVIEW_PAGE (hc_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (HcOverviewPage, hc_overview_page, HC, OVERVIEW_PAGE, GtkWidget)

void        hc_overview_page_set_hubs         (HcOverviewPage *self,
                                               HcHubManager   *manager,
                                               GPtrArray      *hubs);
void        hc_overview_page_set_banner       (HcOverviewPage *self,
                                               HcLevel         level,
                                               const char     *text,
                                               const char     *button_label,
                                               const char     *action_name);
const char *hc_overview_page_get_banner       (HcOverviewPage *self,
                                               const char    **button_label);
const char *hc_overview_page_get_verdict      (HcOverviewPage *self,
                                               const char     *card);
const char *hc_overview_page_get_note         (HcOverviewPage *self,
                                               const char     *card);
gint64      hc_overview_page_get_count        (HcOverviewPage *self,
                                               const char     *figure);

G_END_DECLS
