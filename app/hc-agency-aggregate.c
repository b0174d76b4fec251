/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counting agencies' figures from datasets and feeds: means weighted by
 * records, thresholds, the change and the trend over a period from the
 * datasets' histories that are known. */
#include "config.h"

#include <math.h>

#include "hc-agency-private.h"
#include "hc-dataset.h"
#include "hc-source.h"

#define DAY ((gint64) 86400)

/* Sums per agency; the unweighted ones stand in when an agency's datasets
 * hold no records at all, so a mean is still a mean. */
typedef struct {
  HcAgency *agency;
  double    sum[5], weight;
  double    plain_sum[5];
  double   *day_sum;       /* period × 5, from the period's first day */
  double   *day_weight;    /* period */
  double    change_sum, change_weight;
} Acc;

static void
acc_free (gpointer data)
{
  Acc *acc = data;

  g_clear_object (&acc->agency);
  g_free (acc->day_sum);
  g_free (acc->day_weight);
  g_free (acc);
}

static Acc *
acc_lookup (GHashTable           *table,
            const char           *name,
            const HcAgencyParams *params)
{
  Acc *acc = g_hash_table_lookup (table, name);

  if (acc == NULL)
    {
      acc = g_new0 (Acc, 1);
      acc->agency = hc_agency_new (name);
      acc->day_sum = g_new0 (double, params->period_days * 5);
      acc->day_weight = g_new0 (double, params->period_days);
      g_hash_table_insert (table, acc->agency->name, acc);
    }
  return acc;
}

static double
point_score (HcScorePoint *point,
             guint         i)
{
  return i < 4 ? hc_score_point_get_score (point, i) : hc_score_point_get_overall (point);
}

/* One dataset's history within the period: into the daily sums, and its
 * change when the history reaches back to the period's first day. */
static void
add_history (Acc                  *acc,
             GListModel           *history,
             double                weight,
             gint64                first_day,
             const HcAgencyParams *params)
{
  guint n = g_list_model_get_n_items (history);
  g_autoptr(HcScorePoint) first = NULL;
  g_autoptr(HcScorePoint) last = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcScorePoint) point = g_list_model_get_item (history, i);
      gint64 day = hc_score_point_get_date (point) / DAY - first_day;

      if (day < 0 || day >= (gint64) params->period_days)
        continue;
      for (guint c = 0; c < 5; c++)
        acc->day_sum[day * 5 + c] += weight * point_score (point, c);
      acc->day_weight[day] += weight;
      if (first == NULL || hc_score_point_get_date (point) < hc_score_point_get_date (first))
        g_set_object (&first, point);
      if (last == NULL || hc_score_point_get_date (point) > hc_score_point_get_date (last))
        g_set_object (&last, point);
    }

  if (first != NULL && first != last && hc_score_point_get_date (first) / DAY == first_day)
    {
      acc->change_sum += weight * (hc_score_point_get_overall (last) - hc_score_point_get_overall (first));
      acc->change_weight += weight;
      acc->agency->change_known++;
    }
}

static void
add_dataset (GHashTable           *table,
             HcDataset            *dataset,
             gboolean              with_history,
             gint64                first_day,
             const HcAgencyParams *params)
{
  Acc *acc = acc_lookup (table, params->as_one ? "" : hc_dataset_get_owner_agency (dataset), params);
  HcAgency *agency = acc->agency;
  /* A dataset with no records still counts in the history, barely. */
  double weight = (double) hc_dataset_get_records (dataset);
  double overall = hc_dataset_get_overall (dataset);
  GListModel *history = with_history ? hc_dataset_get_history (dataset) : NULL;

  agency->datasets++;
  agency->records += hc_dataset_get_records (dataset);
  for (guint c = 0; c < 4; c++)
    {
      acc->sum[c] += weight * hc_dataset_get_score (dataset, c);
      acc->plain_sum[c] += hc_dataset_get_score (dataset, c);
    }
  acc->sum[4] += weight * overall;
  acc->plain_sum[4] += overall;
  acc->weight += weight;
  if (overall < params->warning_below)
    agency->below_warning++;
  if (overall < params->critical_below)
    agency->below_critical++;
  if (history != NULL)
    add_history (acc, history, MAX (weight, 1e-9), first_day, params);
}

static void
add_source (GHashTable           *table,
            HcSource             *source,
            const HcAgencyParams *params)
{
  HcAgency *agency = acc_lookup (table, params->as_one ? "" : hc_source_get_agency (source), params)->agency;

  agency->feeds++;
  if (hc_source_get_status (source) == HC_SOURCE_STATUS_FAILED)
    agency->feeds_failed++;
  else if (hc_source_get_status (source) == HC_SOURCE_STATUS_LAGGING)
    agency->feeds_lagging++;
}

static void
acc_finish (Acc                  *acc,
            gint64                first_day,
            const HcAgencyParams *params)
{
  HcAgency *agency = acc->agency;

  if (agency->datasets > 0)
    {
      for (guint c = 0; c < 5; c++)
        agency->scores[c] = acc->weight > 0 ? acc->sum[c] / acc->weight
                                            : acc->plain_sum[c] / (double) agency->datasets;
      agency->weakest = HC_CRITERION_CORRECT;
      for (guint c = 1; c < 4; c++)
        if (agency->scores[c] < agency->scores[agency->weakest])
          agency->weakest = c;
    }
  if (acc->change_weight > 0)
    agency->change = acc->change_sum / acc->change_weight;

  for (guint d = 0; d < params->period_days; d++)
    if (acc->day_weight[d] > 0)
      {
        HcAgencyPoint point = { .date = (first_day + d) * DAY };

        for (guint c = 0; c < 5; c++)
          point.scores[c] = acc->day_sum[d * 5 + c] / acc->day_weight[d];
        g_array_append_val (agency->trend, point);
      }
}

/* Weakest first; an agency whose score is unknown (feeds only) last. */
int
hc_agency_compare_weakest (HcAgency *x,
                           HcAgency *y)
{
  gboolean x_unknown = isnan (x->scores[4]);
  gboolean y_unknown = isnan (y->scores[4]);

  if (x_unknown != y_unknown)
    return x_unknown ? 1 : -1;
  if (!x_unknown && x->scores[4] != y->scores[4])
    return x->scores[4] < y->scores[4] ? -1 : 1;
  return g_utf8_collate (x->name, y->name);
}

static int
compare_weakest (gconstpointer a,
                 gconstpointer b)
{
  return hc_agency_compare_weakest (*(HcAgency **) a, *(HcAgency **) b);
}

/**
 * hc_agency_period_first_day:
 * A period of N days is the N days that end today (UTC), today included:
 * a 7-day period shows 7 days, and a 90-day one needs 90 points of a
 * dataset's history, as many as a hub serves (`maxItems: 90`).
 *
 * Returns: the period's first day, in days since the epoch
 */
gint64
hc_agency_period_first_day (const HcAgencyParams *params)
{
  return params->now / DAY - ((gint64) params->period_days - 1);
}

struct _HcAgencyTally
{
  GHashTable     *table;   /* name -> Acc */
  HcAgencyParams  params;
  gint64          first_day;
};

/**
 * hc_agency_tally_new:
 * Sums for counting some agencies; hc_agency_aggregate() counts them all
 * with one, HcAgencyCounter only the agencies that changed. Datasets added
 * in the same order give the same figures to the last bit.
 */
HcAgencyTally *
hc_agency_tally_new (const HcAgencyParams *params)
{
  HcAgencyTally *tally = g_new0 (HcAgencyTally, 1);

  tally->table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, acc_free);
  tally->params = *params;
  tally->first_day = hc_agency_period_first_day (params);
  return tally;
}

void
hc_agency_tally_add_dataset (HcAgencyTally *tally,
                             HcDataset     *dataset,
                             gboolean       with_history)
{
  add_dataset (tally->table, dataset, with_history, tally->first_day, &tally->params);
}

void
hc_agency_tally_add_source (HcAgencyTally *tally,
                            HcSource      *source)
{
  add_source (tally->table, source, &tally->params);
}

/**
 * hc_agency_tally_add_served:
 * A hub's own sums of @name's histories (GET /quality/agencies), for its
 * datasets that were added without their history. Only into an agency
 * that has a dataset in the tally: the rows are the lists the console has.
 */
void
hc_agency_tally_add_served (HcAgencyTally          *tally,
                            const char             *name,
                            const HcAgencyServed   *served)
{
  Acc *acc = g_hash_table_lookup (tally->table, tally->params.as_one ? "" : name);

  if (acc == NULL || acc->agency->datasets == 0)
    return;
  acc->change_sum += served->change_sum;
  acc->change_weight += served->change_weight;
  acc->agency->change_known += served->change_known;
  for (guint i = 0; i < served->days->len; i++)
    {
      const HcAgencyServedDay *day = &g_array_index (served->days, HcAgencyServedDay, i);
      gint64 d = day->day - tally->first_day;

      if (d < 0 || d >= (gint64) tally->params.period_days)
        continue;
      for (guint c = 0; c < 5; c++)
        acc->day_sum[d * 5 + c] += day->sum[c];
      acc->day_weight[d] += day->weight;
    }
}

/**
 * hc_agency_tally_finish:
 * @feeds_known: whether the sources added were the whole list of feeds;
 *   if not, every agency's feed counts are -1 (not known)
 *
 * Frees @tally.
 * Returns: (transfer full): the agencies counted, weakest first
 */
GPtrArray *
hc_agency_tally_finish (HcAgencyTally *tally,
                        gboolean       feeds_known)
{
  GPtrArray *agencies = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  Acc *acc;

  g_hash_table_iter_init (&iter, tally->table);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &acc))
    {
      acc_finish (acc, tally->first_day, &tally->params);
      if (!feeds_known)
        {
          /* No list of feeds: how many fail is not known, not zero. */
          acc->agency->feeds = acc->agency->feeds_failed = acc->agency->feeds_lagging = -1;
        }
      g_ptr_array_add (agencies, g_steal_pointer (&acc->agency));
    }
  g_ptr_array_sort (agencies, compare_weakest);
  g_hash_table_unref (tally->table);
  g_free (tally);
  return agencies;
}

/**
 * hc_agency_aggregate:
 * @datasets: HcDataset items, their history read where it is known
 * @sources: (nullable): HcSource items; NULL when the list of feeds could
 *   not be read, and every agency's feed counts are then -1 (not known)
 *
 * One HcAgency per agency that owns a dataset or runs a feed, weakest
 * first. Scores are means weighted by records; the change and the trend
 * come from the datasets whose history is known, and say how many those
 * are ("change-known").
 *
 * Returns: (transfer full): a GPtrArray of HcAgency
 */
GPtrArray *
hc_agency_aggregate (GListModel           *datasets,
                     GListModel           *sources,
                     const HcAgencyParams *params)
{
  HcAgencyTally *tally;

  g_return_val_if_fail (G_IS_LIST_MODEL (datasets), g_ptr_array_new_with_free_func (g_object_unref));
  g_return_val_if_fail (params != NULL && params->period_days > 0, g_ptr_array_new_with_free_func (g_object_unref));

  tally = hc_agency_tally_new (params);
  for (guint i = 0, n = g_list_model_get_n_items (datasets); i < n; i++)
    {
      g_autoptr(HcDataset) dataset = g_list_model_get_item (datasets, i);
      hc_agency_tally_add_dataset (tally, dataset, TRUE);
    }
  for (guint i = 0, n = sources ? g_list_model_get_n_items (sources) : 0; i < n; i++)
    {
      g_autoptr(HcSource) source = g_list_model_get_item (sources, i);
      hc_agency_tally_add_source (tally, source);
    }
  return hc_agency_tally_finish (tally, sources != NULL);
}

void
hc_agency_rule_free (HcAgencyRule *rule)
{
  if (rule == NULL)
    return;
  g_free (rule->description);
  g_free (rule);
}

static int
compare_most_failed (gconstpointer a,
                     gconstpointer b)
{
  const HcAgencyRule *x = *(HcAgencyRule **) a;
  const HcAgencyRule *y = *(HcAgencyRule **) b;

  if (x->failed != y->failed)
    return x->failed > y->failed ? -1 : 1;
  return g_utf8_collate (x->description, y->description);
}

/**
 * hc_agency_top_rules:
 * @n_read: (out): the agency's datasets whose rules were read
 *
 * The rules that fail most records in @agency's datasets whose rules are
 * known, summed by criterion and description, at most @max of them.
 *
 * Returns: (transfer full): a GPtrArray of HcAgencyRule
 */
GPtrArray *
hc_agency_top_rules (GListModel *datasets,
                     const char *agency,
                     guint       max,
                     guint      *n_read)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *rules = g_ptr_array_new_with_free_func ((GDestroyNotify) hc_agency_rule_free);

  g_return_val_if_fail (G_IS_LIST_MODEL (datasets), rules);
  g_return_val_if_fail (agency != NULL && n_read != NULL, rules);

  *n_read = 0;
  for (guint i = 0, n = g_list_model_get_n_items (datasets); i < n; i++)
    {
      g_autoptr(HcDataset) dataset = g_list_model_get_item (datasets, i);
      GListModel *list = hc_dataset_get_rules (dataset);

      if (list == NULL || g_strcmp0 (hc_dataset_get_owner_agency (dataset), agency) != 0)
        continue;
      (*n_read)++;
      for (guint r = 0, m = g_list_model_get_n_items (list); r < m; r++)
        {
          g_autoptr(HcRule) rule = g_list_model_get_item (list, r);
          g_autofree char *key = NULL;
          HcAgencyRule *sum;

          if (hc_rule_get_failed (rule) <= 0)
            continue;
          key = g_strdup_printf ("%d\n%s", hc_rule_get_criterion (rule), hc_rule_get_description (rule));
          sum = g_hash_table_lookup (by_key, key);
          if (sum == NULL)
            {
              sum = g_new0 (HcAgencyRule, 1);
              sum->description = g_strdup (hc_rule_get_description (rule));
              sum->criterion = hc_rule_get_criterion (rule);
              g_hash_table_insert (by_key, g_steal_pointer (&key), sum);
              g_ptr_array_add (rules, sum);
            }
          sum->failed += hc_rule_get_failed (rule);
          sum->checked += hc_rule_get_checked (rule);
          sum->datasets++;
        }
    }
  g_ptr_array_sort (rules, compare_most_failed);
  if (rules->len > max)
    g_ptr_array_set_size (rules, max);
  return rules;
}
