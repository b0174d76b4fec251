/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A pool's capacity forecast: the least-squares line through its recent
 * usage, the day that line reaches the capacity, and that day in words.
 * Headless, so the arithmetic is tested without a display. */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "hc-forecast.h"
#include "hc-format.h"
#include "hc-usage-point.h"

#define DAY 86400

/**
 * hc_forecast_fit:
 * @samples: (array length=n_samples): oldest first
 * Fits used bytes against the day over all @samples. Returns %FALSE, with
 * no forecast, when they cover fewer than two distinct days.
 */
gboolean
hc_forecast_fit (const HcForecastSample *samples,
                 guint                   n_samples,
                 guint64                 capacity,
                 HcForecast             *forecast)
{
  double sum_x = 0, sum_y = 0, mean_x, mean_y, sxx = 0, sxy = 0, x_last, x_full;

  g_return_val_if_fail (forecast != NULL, FALSE);
  g_return_val_if_fail (samples != NULL || n_samples == 0, FALSE);

  memset (forecast, 0, sizeof *forecast);
  if (n_samples < 2)
    return FALSE;

  for (guint i = 0; i < n_samples; i++)
    {
      sum_x += (double) samples[i].date / DAY;
      sum_y += (double) samples[i].used_bytes;
    }
  mean_x = sum_x / n_samples;
  mean_y = sum_y / n_samples;
  for (guint i = 0; i < n_samples; i++)
    {
      double dx = (double) samples[i].date / DAY - mean_x;
      double dy = (double) samples[i].used_bytes - mean_y;

      sxx += dx * dx;
      sxy += dx * dy;
    }
  forecast->last_date = samples[n_samples - 1].date;

  /* All samples on one day: no line to draw. */
  if (sxx <= 0)
    return FALSE;

  forecast->slope = sxy / sxx;
  forecast->intercept = mean_y - forecast->slope * mean_x;
  forecast->filling = forecast->slope >= 1.0;
  if (!forecast->filling)
    return TRUE;

  x_last = (double) forecast->last_date / DAY;
  x_full = ((double) capacity - forecast->intercept) / forecast->slope;
  /* Past the capacity already, by the fit: full now. */
  forecast->days_left = x_full > x_last ? (int) MIN (ceil (x_full - x_last), G_MAXINT / DAY) : 0;
  forecast->full_date = forecast->last_date + (gint64) forecast->days_left * DAY;
  return TRUE;
}

/**
 * hc_forecast_compute:
 * @history: (nullable): #HcUsagePoint, oldest first
 * The forecast from the last %HC_FORECAST_DAYS points of @history.
 */
gboolean
hc_forecast_compute (GListModel *history,
                     guint64     capacity,
                     HcForecast *forecast)
{
  g_autofree HcForecastSample *samples = NULL;
  guint n, first;

  g_return_val_if_fail (history == NULL || G_IS_LIST_MODEL (history), FALSE);
  g_return_val_if_fail (forecast != NULL, FALSE);

  n = history != NULL ? g_list_model_get_n_items (history) : 0;
  first = n > HC_FORECAST_DAYS ? n - HC_FORECAST_DAYS : 0;
  samples = g_new0 (HcForecastSample, MAX (n - first, 1));
  for (guint i = first; i < n; i++)
    {
      g_autoptr(HcUsagePoint) point = g_list_model_get_item (history, i);

      samples[i - first].date = hc_usage_point_get_date (point);
      samples[i - first].used_bytes = hc_usage_point_get_used_bytes (point);
    }
  return hc_forecast_fit (samples, n - first, capacity, forecast);
}

/**
 * hc_forecast_describe:
 * "Full in about 42 days (8 Jan 2027)", "Full now" or "Not filling".
 */
char *
hc_forecast_describe (const HcForecast *forecast)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (forecast != NULL, NULL);

  if (!forecast->filling)
    return g_strdup (_("Not filling"));
  if (forecast->days_left == 0)
    return g_strdup (_("Full now"));
  if (forecast->days_left > 3650)
    return g_strdup (_("Full in more than ten years"));

  date = hc_format_day (forecast->full_date);
  /* Translators: a forecast, e.g. "Full in about 42 days (8 Jan 2027)"; the date is
   * written as the "date format" message says */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Full in about %d day (%s)",
                                       "Full in about %d days (%s)", forecast->days_left),
                          forecast->days_left, date);
}
