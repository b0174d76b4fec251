/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * Where a pool's usage is heading: a least-squares line through the last
 * HC_FORECAST_DAYS days of history, extended to the capacity.
 */
#define HC_FORECAST_DAYS 30

typedef struct {
  gint64  date;         /* unix time, midnight UTC of the day */
  guint64 used_bytes;
} HcForecastSample;

typedef struct {
  gboolean filling;     /* the fit grows by at least a byte a day */
  double   slope;       /* bytes per day */
  double   intercept;   /* bytes at day 0 (unix day numbers) */
  int      days_left;   /* whole days from the last sample to full, rounded up */
  gint64   last_date;   /* unix time of the last sample */
  gint64   full_date;   /* unix time the fit reaches capacity; 0 if not filling */
} HcForecast;

gboolean  hc_forecast_fit      (const HcForecastSample *samples,
                                guint                   n_samples,
                                guint64                 capacity,
                                HcForecast             *forecast);
gboolean  hc_forecast_compute  (GListModel             *history,
                                guint64                 capacity,
                                HcForecast             *forecast);
char     *hc_forecast_describe (const HcForecast       *forecast);

G_END_DECLS
