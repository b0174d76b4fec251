/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-agency.h"
#include "hc-thresholds.h"

G_BEGIN_DECLS

#define HC_TYPE_AGENCY_DETAIL (hc_agency_detail_get_type ())

G_DECLARE_FINAL_TYPE (HcAgencyDetail, hc_agency_detail, HC, AGENCY_DETAIL, GtkWidget)

void hc_agency_detail_set_agency     (HcAgencyDetail *self,
                                      HcAgency       *agency,
                                      GListModel     *datasets,
                                      guint           period_days);
void hc_agency_detail_set_thresholds (HcAgencyDetail *self,
                                      HcThresholds   *thresholds);

G_END_DECLS
