/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-alert.h"

G_BEGIN_DECLS

#define HC_TYPE_ALERT_DETAIL (hc_alert_detail_get_type ())

G_DECLARE_FINAL_TYPE (HcAlertDetail, hc_alert_detail, HC, ALERT_DETAIL, GtkWidget)

HcAlert *hc_alert_detail_get_alert          (HcAlertDetail *self);
void     hc_alert_detail_set_alert          (HcAlertDetail *self,
                                             HcAlert       *alert);
void     hc_alert_detail_set_actions_reason (HcAlertDetail *self,
                                             const char    *reason);

void           hc_alert_detail_set_expire_visible (HcAlertDetail *self,
                                                   gboolean       visible);

G_END_DECLS
