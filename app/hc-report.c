/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a quality report says about a hub: read the datasets' details,
 * then count every figure from the hub's own lists. */
#include "config.h"

#include <math.h>

#include "hc-alert.h"
#include "hc-dataset.h"
#include "hc-error.h"
#include "hc-forecast.h"
#include "hc-me.h"
#include "hc-pool.h"
#include "hc-report.h"
#include "hc-source.h"

#define DAY ((gint64) 86400)
#define N_WEAKEST 10
#define MAX_IN_FLIGHT 4

void
hc_report_data_free (HcReportData *data)
{
  if (data == NULL)
    return;
  g_free (data->hub_name);
  g_free (data->hub_site);
  g_free (data->hub_url);
  g_free (data->author);
  g_free (data->tightest_pool);
  g_clear_object (&data->whole);
  g_clear_pointer (&data->agencies, g_ptr_array_unref);
  g_clear_pointer (&data->weakest, g_ptr_array_unref);
  g_free (data);
}

/* ---- reading every dataset's detail ------------------------------------ */

typedef struct {
  GListModel *datasets;
  guint       next, in_flight;
  GError     *error;
} ReadState;

static void
read_state_free (ReadState *state)
{
  g_clear_object (&state->datasets);
  g_clear_error (&state->error);
  g_free (state);
}

static void read_next (GTask *task);

static void
on_detail (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ReadState *state = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) item = hc_hub_fetch_detail_finish (HC_HUB (object), result, &error);

  state->in_flight--;
  if (item == NULL && state->error == NULL)
    state->error = g_steal_pointer (&error);
  read_next (task);
}

static void
read_next (GTask *task)
{
  ReadState *state = g_task_get_task_data (task);
  HcHub *hub = g_task_get_source_object (task);
  guint n = g_list_model_get_n_items (state->datasets);

  while (state->error == NULL && state->next < n && state->in_flight < MAX_IN_FLIGHT)
    {
      g_autoptr(HcDataset) dataset = g_list_model_get_item (state->datasets, state->next++);

      if (hc_dataset_get_history (dataset) != NULL && hc_dataset_get_rules (dataset) != NULL)
        continue;
      state->in_flight++;
      hc_hub_fetch_detail_async (hub, HC_LIST_DATASETS, hc_item_get_id (HC_ITEM (dataset)),
                                 g_task_get_cancellable (task), on_detail, g_object_ref (task));
    }
  if (state->in_flight > 0)
    return;
  if (state->error != NULL)
    g_task_return_error (task, g_steal_pointer (&state->error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * hc_report_read_async:
 * Reads the detail (history and rules) of every dataset of @hub that does
 * not have it yet; fails with the first error.
 */
void
hc_report_read_async (HcHub               *hub,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (hub, cancellable, callback, user_data);
  ReadState *state = g_new0 (ReadState, 1);

  g_task_set_source_tag (task, hc_report_read_async);
  state->datasets = g_object_ref (G_LIST_MODEL (hc_hub_get_datasets (hub)));
  g_task_set_task_data (task, state, (GDestroyNotify) read_state_free);
  read_next (task);
}

gboolean
hc_report_read_finish (HcHub         *hub,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, hub), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- counting ------------------------------------------------------------ */

static int
compare_overall (gconstpointer a,
                 gconstpointer b)
{
  double x = hc_dataset_get_overall (*(HcDataset **) a);
  double y = hc_dataset_get_overall (*(HcDataset **) b);

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
count_weakest (HcReportData *data,
               GListModel   *datasets)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0, n = g_list_model_get_n_items (datasets); i < n; i++)
    g_ptr_array_add (all, g_list_model_get_item (datasets, i));
  g_ptr_array_sort (all, compare_overall);
  data->weakest = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < all->len && i < N_WEAKEST; i++)
    g_ptr_array_add (data->weakest, g_object_ref (all->pdata[i]));
}

static void
count_changes (HcReportData *data)
{
  const HcAgencyPoint *trend;
  guint n;

  trend = hc_agency_get_trend (data->whole, &n);
  for (guint c = 0; c < 5; c++)
    data->change[c] = NAN;
  /* The same datasets at both ends: the history reaches the first day. */
  if (n >= 2 && trend[0].date / DAY == data->first_day)
    for (guint c = 0; c < 5; c++)
      data->change[c] = trend[n - 1].scores[c] - trend[0].scores[c];
}

static void
count_pools (HcReportData *data,
             GListModel   *pools)
{
  data->tightest_days = -1;
  data->pools = g_list_model_get_n_items (pools);
  for (guint i = 0; i < (guint) data->pools; i++)
    {
      g_autoptr(HcPool) pool = g_list_model_get_item (pools, i);
      HcForecast forecast;

      if (hc_pool_get_history (pool) == NULL ||
          !hc_forecast_compute (hc_pool_get_history (pool), hc_pool_get_capacity_bytes (pool), &forecast) ||
          !forecast.filling)
        continue;
      if (data->tightest_days < 0 || forecast.days_left < data->tightest_days)
        {
          data->tightest_days = forecast.days_left;
          g_free (data->tightest_pool);
          data->tightest_pool = g_strdup (hc_pool_get_name (pool));
        }
    }
}

static void
count_alerts (HcReportData *data,
              GListModel   *alerts)
{
  /* From the start of the period's first day (UTC), as the scores. */
  gint64 since = data->first_day * DAY;

  for (guint i = 0, n = g_list_model_get_n_items (alerts); i < n; i++)
    {
      g_autoptr(HcAlert) alert = g_list_model_get_item (alerts, i);

      data->alerts_opened += hc_alert_get_detected_at (alert) >= since;
      data->alerts_resolved += hc_alert_get_state (alert) == HC_ALERT_STATE_RESOLVED &&
                               hc_alert_get_resolved_at (alert) >= since;
      data->critical_open += hc_alert_get_severity (alert) == HC_SEVERITY_CRITICAL &&
                             hc_alert_get_state (alert) != HC_ALERT_STATE_RESOLVED;
    }
}

/**
 * hc_report_count:
 * Every figure of the report from @hub's lists as they are now (call it
 * once they are complete and hc_report_read_async() has finished).
 */
HcReportData *
hc_report_count (HcHub      *hub,
                 const char *hub_name,
                 const char *hub_url,
                 guint       period_days,
                 double      warning_below,
                 double      critical_below,
                 gint64      now)
{
  HcReportData *data = g_new0 (HcReportData, 1);
  GListModel *datasets = G_LIST_MODEL (hc_hub_get_datasets (hub));
  /* Feeds not read are not known: never counted as none failing. */
  GListModel *sources = hc_hub_get_list_complete (hub, HC_LIST_SOURCES)
                        ? G_LIST_MODEL (hc_hub_get_sources (hub)) : NULL;
  HcMe *me = hc_hub_get_me (hub);
  HcAgencyParams params = {
    .warning_below = warning_below, .critical_below = critical_below,
    .period_days = period_days, .now = now,
  };
  g_autoptr(GPtrArray) whole = NULL;

  g_return_val_if_fail (HC_IS_HUB (hub), data);

  data->hub_name = g_strdup (me && hc_me_get_hub_name (me) ? hc_me_get_hub_name (me) : hub_name);
  data->hub_site = g_strdup (me ? hc_me_get_hub_site (me) : NULL);
  data->hub_url = g_strdup (hub_url);
  if (me != NULL)
    data->author = g_strdup_printf ("%s (%s)", hc_me_get_display_name (me), hc_me_get_user (me));
  data->made_at = now;
  data->period_days = period_days;
  data->first_day = hc_agency_period_first_day (&params);
  data->warning_below = warning_below;
  data->critical_below = critical_below;

  data->agencies = hc_agency_aggregate (datasets, sources, &params);
  params.as_one = TRUE;
  whole = hc_agency_aggregate (datasets, sources, &params);
  data->whole = whole->len > 0 ? g_object_ref (whole->pdata[0]) : NULL;
  /* A hub with no dataset and no feed: every score unknown. */
  if (data->whole == NULL)
    data->whole = g_object_new (HC_TYPE_AGENCY, NULL);
  data->feeds = hc_agency_get_feeds (data->whole);
  data->feeds_failed = hc_agency_get_feeds_failed (data->whole);
  data->feeds_lagging = hc_agency_get_feeds_lagging (data->whole);
  count_changes (data);
  count_weakest (data, datasets);
  count_pools (data, G_LIST_MODEL (hc_hub_get_pools (hub)));
  count_alerts (data, G_LIST_MODEL (hc_hub_get_alerts (hub)));
  return data;
}
