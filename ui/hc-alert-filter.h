/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-alert.h"

G_BEGIN_DECLS

/* A filter of alerts as three bit masks, tested per alert. */
typedef struct {
  guint    state_mask;
  guint    severity_mask;
  guint    category_mask;
  gboolean invert;
} HcAlertFilter;

void      hc_alert_filter_set      (HcAlertFilter       *filter,
                                    const char          *state_filter,
                                    const char          *severity_filter,
                                    const char          *category_filter,
                                    gboolean             invert);
gboolean  hc_alert_filter_match    (const HcAlertFilter *filter,
                                    HcAlert             *alert);
char     *hc_alert_filter_describe (const char          *state_filter,
                                    const char          *severity_filter,
                                    const char          *category_filter,
                                    gboolean             invert);

G_END_DECLS
