/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-status-badge.h"

G_BEGIN_DECLS

#define HC_TYPE_THRESHOLDS (hc_thresholds_get_type ())

G_DECLARE_FINAL_TYPE (HcThresholds, hc_thresholds, HC, THRESHOLDS, GObject)

HcThresholds *hc_thresholds_new                (void);
void          hc_thresholds_bind_settings      (HcThresholds *self,
                                                GSettings    *settings);
void          hc_thresholds_set                (HcThresholds *self,
                                                double        warning_below,
                                                double        critical_below);
double        hc_thresholds_get_warning_below  (HcThresholds *self);
double        hc_thresholds_get_critical_below (HcThresholds *self);
HcLevel       hc_thresholds_level              (HcThresholds *self,
                                                double        score);

G_END_DECLS
