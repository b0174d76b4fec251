/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-list-pane.h"
#include "hc-source.h"

G_BEGIN_DECLS

#define HC_TYPE_INGESTION_PAGE (hc_ingestion_page_get_type ())

G_DECLARE_FINAL_TYPE (HcIngestionPage, hc_ingestion_page, HC, INGESTION_PAGE, GtkWidget)

GtkWidget  *hc_ingestion_page_new               (void);
HcListPane *hc_ingestion_page_get_pane          (HcIngestionPage *self);
void        hc_ingestion_page_set_sources       (HcIngestionPage *self,
                                                 GListModel      *sources);
void        hc_ingestion_page_set_status_filter (HcIngestionPage *self,
                                                 const char      *status);
const char *hc_ingestion_page_get_status_filter (HcIngestionPage *self);
void        hc_ingestion_page_set_agency_filter (HcIngestionPage *self,
                                                 const char      *agency);
void        hc_ingestion_page_set_retry_allowed (HcIngestionPage *self,
                                                 gboolean         allowed,
                                                 const char      *reason);

G_END_DECLS
