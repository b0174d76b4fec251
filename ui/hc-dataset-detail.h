/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-dataset.h"
#include "hc-thresholds.h"
#include "hc-trend-chart.h"

G_BEGIN_DECLS

#define HC_TYPE_DATASET_DETAIL (hc_dataset_detail_get_type ())

G_DECLARE_FINAL_TYPE (HcDatasetDetail, hc_dataset_detail, HC, DATASET_DETAIL, GtkWidget)

HcDataset    *hc_dataset_detail_get_dataset (HcDatasetDetail *self);
void          hc_dataset_detail_set_dataset (HcDatasetDetail *self,
                                             HcDataset       *dataset);
void          hc_dataset_detail_set_thresholds (HcDatasetDetail *self,
                                                HcThresholds    *thresholds);
HcTrendChart *hc_dataset_detail_get_chart   (HcDatasetDetail *self);
guint         hc_dataset_detail_get_n_rules (HcDatasetDetail *self);

G_END_DECLS
