/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_TYPE_CAPACITY_CHART (hc_capacity_chart_get_type ())

G_DECLARE_FINAL_TYPE (HcCapacityChart, hc_capacity_chart, HC, CAPACITY_CHART, GtkWidget)

GtkWidget  *hc_capacity_chart_new         (void);
void        hc_capacity_chart_set_data    (HcCapacityChart *self,
                                           GListModel      *history,
                                           guint64          capacity);
const char *hc_capacity_chart_get_summary (HcCapacityChart *self);

G_END_DECLS
