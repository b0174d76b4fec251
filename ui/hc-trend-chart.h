/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_TYPE_TREND_CHART (hc_trend_chart_get_type ())

G_DECLARE_FINAL_TYPE (HcTrendChart, hc_trend_chart, HC, TREND_CHART, GtkWidget)

GtkWidget *hc_trend_chart_new        (void);
void       hc_trend_chart_set_history (HcTrendChart *self,
                                       GListModel   *history);
char      *hc_trend_chart_to_text    (HcTrendChart *self);
const char *hc_trend_chart_get_summary (HcTrendChart *self);
int        hc_trend_chart_get_hover_index (HcTrendChart *self);

G_END_DECLS
