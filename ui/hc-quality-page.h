/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-dataset.h"
#include "hc-dataset-detail.h"
#include "hc-list-pane.h"
#include "hc-thresholds.h"

G_BEGIN_DECLS

#define HC_TYPE_QUALITY_PAGE (hc_quality_page_get_type ())

G_DECLARE_FINAL_TYPE (HcQualityPage, hc_quality_page, HC, QUALITY_PAGE, GtkWidget)

GtkWidget       *hc_quality_page_new          (void);
HcListPane      *hc_quality_page_get_pane     (HcQualityPage *self);
HcDatasetDetail *hc_quality_page_get_detail   (HcQualityPage *self);
void             hc_quality_page_set_datasets (HcQualityPage *self,
                                               GListModel    *datasets);
void             hc_quality_page_set_settings (HcQualityPage *self,
                                               GSettings     *settings);
HcThresholds    *hc_quality_page_get_thresholds (HcQualityPage *self);
void             hc_quality_page_show_below   (HcQualityPage *self,
                                               const char    *criterion);

G_END_DECLS
