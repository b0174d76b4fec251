/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * Where a pool's usage is heading: a least-squares line through the last
 * HC_CAPACITY_FORECAST_DAYS days of history, extended to the capacity.
 */
#define HC_CAPACITY_FORECAST_DAYS 30

typedef struct {
  gboolean filling;     /* the fit grows by at least a byte a day */
  double   slope;       /* bytes per day */
  double   intercept;   /* bytes at day 0 (unix day numbers) */
  int      days_left;   /* whole days from the last sample to full, rounded up */
  gint64   last_date;   /* unix time of the last sample */
  gint64   full_date;   /* unix time the fit reaches capacity; 0 if not filling */
} HcCapacityForecast;

#define HC_TYPE_CAPACITY_CHART (hc_capacity_chart_get_type ())

G_DECLARE_FINAL_TYPE (HcCapacityChart, hc_capacity_chart, HC, CAPACITY_CHART, GtkWidget)

GtkWidget  *hc_capacity_chart_new              (void);
void        hc_capacity_chart_set_data         (HcCapacityChart          *self,
                                                GListModel               *history,
                                                guint64                   capacity);
const char *hc_capacity_chart_get_summary      (HcCapacityChart          *self);

gboolean    hc_capacity_chart_compute_forecast (GListModel               *history,
                                                guint64                   capacity,
                                                HcCapacityForecast       *forecast);
char       *hc_capacity_chart_describe_forecast (const HcCapacityForecast *forecast);

G_END_DECLS
