/* SPDX-License-Identifier: GPL-3.0-or-later */
/* GET /quality/agencies: each agency's datasets summed up by the hub, now
 * and day by day over a period, so a console need not read every
 * dataset's history to draw an agency's trend. The figures are those a
 * console counts from the datasets and histories the hub serves: scores
 * as served (one decimal), means weighted by records, a history point's
 * overall the mean of its four criteria, the latest 90 points of each
 * history. */
#include "config.h"

#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "hc-demo-server-private.h"
#include "hc-demo-text.h"

#define DAY ((gint64) 86400)
#define DEFAULT_PERIOD 30
#define HISTORY_POINTS 90

typedef struct {
  char   *name;
  gint64  datasets, records, below_warning, below_critical;
  double  sum[5], plain_sum[5], weight;
  double  change_sum, change_weight;
  gint64  change_known;
  double *day_sum;     /* period × 5, from the period's first day */
  double *day_weight;  /* period */
} Acc;

typedef struct {
  Acc    *acc;
  double  weight;      /* of its history: records, a dataset without any barely */
} DatasetInfo;

static void
acc_free (gpointer data)
{
  Acc *acc = data;

  g_free (acc->name);
  g_free (acc->day_sum);
  g_free (acc->day_weight);
  g_free (acc);
}

/* A score as the hub serves it. */
static double
served (double value)
{
  return hc_demo_text_round1 (CLAMP (value, 0.0, 100.0));
}

static gboolean
number_param (HcDemoRequest *req,
              const char    *name,
              double         min,
              double         max,
              gboolean       whole,
              double        *out)
{
  const char *text = hc_demo_http_param (req, name);
  char *end = NULL;
  double value;

  if (text == NULL)
    return TRUE;
  value = g_ascii_strtod (text, &end);
  if (*text == '\0' || end == NULL || *end != '\0' || !isfinite (value) || value < min || value > max ||
      (whole && value != floor (value)))
    {
      g_autofree char *why = whole ? g_strdup_printf ("must be a whole number from %g to %g.", min, max)
                                   : g_strdup_printf ("must be a number from %g to %g.", min, max);
      return hc_demo_http_bad_param (req, name, why);
    }
  *out = value;
  return TRUE;
}

/* One dataset's points within the period, oldest first: into the daily
 * sums, and its change when they reach back to the period's first day. */
typedef struct {
  gint64 day;
  double scores[5];
} Point;

static void
add_history (Acc         *acc,
             double       weight,
             const Point *points,
             guint        n,
             gint64       first_day)
{
  for (guint i = 0; i < n; i++)
    {
      gint64 d = points[i].day - first_day;

      for (guint c = 0; c < 5; c++)
        acc->day_sum[d * 5 + c] += weight * points[i].scores[c];
      acc->day_weight[d] += weight;
    }
  if (n > 1 && points[0].day == first_day)
    {
      acc->change_sum += weight * (points[n - 1].scores[4] - points[0].scores[4]);
      acc->change_weight += weight;
      acc->change_known++;
    }
}

static void
add_score (JsonBuilder *b,
           const char  *name,
           double       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_double_value (b, value);
}

static void
build_agency (JsonBuilder *b,
              Acc         *acc,
              gint64       first_day,
              guint        period)
{
  static const char * const names[] = { "correct", "complete", "clean", "live", "overall" };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "agency");
  json_builder_add_string_value (b, acc->name);
  json_builder_set_member_name (b, "datasets");
  json_builder_add_int_value (b, acc->datasets);
  json_builder_set_member_name (b, "records");
  json_builder_add_int_value (b, acc->records);
  json_builder_set_member_name (b, "scores");
  json_builder_begin_object (b);
  for (guint c = 0; c < 5; c++)
    add_score (b, names[c], acc->weight > 0 ? acc->sum[c] / acc->weight : acc->plain_sum[c] / (double) acc->datasets);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "below_warning");
  json_builder_add_int_value (b, acc->below_warning);
  json_builder_set_member_name (b, "below_critical");
  json_builder_add_int_value (b, acc->below_critical);

  json_builder_set_member_name (b, "change");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "overall");
  if (acc->change_weight > 0)
    json_builder_add_double_value (b, acc->change_sum / acc->change_weight);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "datasets");
  json_builder_add_int_value (b, acc->change_known);
  add_score (b, "weight", acc->change_weight);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "series");
  json_builder_begin_array (b);
  for (guint d = 0; d < period; d++)
    if (acc->day_weight[d] > 0)
      {
        g_autofree char *date = hc_demo_text_format_date (first_day + d);

        json_builder_begin_object (b);
        json_builder_set_member_name (b, "date");
        json_builder_add_string_value (b, date);
        add_score (b, "weight", acc->day_weight[d]);
        for (guint c = 0; c < 5; c++)
          add_score (b, names[c], acc->day_sum[d * 5 + c] / acc->day_weight[d]);
        json_builder_end_object (b);
      }
  json_builder_end_array (b);
  json_builder_end_object (b);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp ((*(Acc **) a)->name, (*(Acc **) b)->name);
}

void
hc_demo_server_reads_agencies (HcDemoRequest *req)
{
  static const char * const allowed[] = { "limit", "cursor", "period_days", "warning_below", "critical_below", NULL };
  sqlite3 *db = hc_demo_store_get_db (req->server->store);
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  double period_value = DEFAULT_PERIOD, warning = 80, critical = 60;
  guint period;
  gint64 today, first_day;
  g_autoptr(GHashTable) by_name = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, acc_free);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Point));
  g_autofree char *current = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) page = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *next = NULL;
  sqlite3_stmt *st = NULL;
  GHashTableIter iter;
  gpointer value;
  guint start = 0, count = 0;

  /* A hub of the first 1.x, which lacks it: for testing clients' way
   * without it. */
  if (g_getenv ("HC_DEMO_NO_AGENCY_SUMS") != NULL)
    {
      hc_demo_http_send_problem (req->msg, 404, "not-found", "No such resource.");
      return;
    }
  if (!hc_demo_http_check_params (req, allowed) ||
      !hc_demo_http_page_params (req, 'g', FALSE, &q, &after) ||
      !number_param (req, "period_days", 1, 90, TRUE, &period_value) ||
      !number_param (req, "warning_below", 0, 100, FALSE, &warning) ||
      !number_param (req, "critical_below", 0, 100, FALSE, &critical))
    return;
  period = (guint) period_value;
  today = hc_demo_store_now () / DAY;
  /* The period's days end today, today included. */
  first_day = today - ((gint64) period - 1);

  /* The datasets, as the list serves them. */
  sqlite3_prepare_v2 (db, "SELECT id, owner_agency, records, correct, complete, clean, live, overall"
                          " FROM datasets ORDER BY id", -1, &st, NULL);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (st, 1);
      gint64 records = sqlite3_column_int64 (st, 2);
      double weight = (double) records;
      Acc *acc = g_hash_table_lookup (by_name, name);
      DatasetInfo *info;

      if (acc == NULL)
        {
          acc = g_new0 (Acc, 1);
          acc->name = g_strdup (name);
          acc->day_sum = g_new0 (double, period * 5);
          acc->day_weight = g_new0 (double, period);
          g_hash_table_insert (by_name, acc->name, acc);
        }
      acc->datasets++;
      acc->records += records;
      for (guint c = 0; c < 5; c++)
        {
          double score = served (sqlite3_column_double (st, 3 + c));

          acc->sum[c] += weight * score;
          acc->plain_sum[c] += score;
        }
      acc->weight += weight;
      if (served (sqlite3_column_double (st, 7)) < warning)
        acc->below_warning++;
      if (served (sqlite3_column_double (st, 7)) < critical)
        acc->below_critical++;
      info = g_new0 (DatasetInfo, 1);
      info->acc = acc;
      info->weight = MAX (weight, 1e-9);
      g_hash_table_insert (by_id, g_strdup ((const char *) sqlite3_column_text (st, 0)), info);
    }
  sqlite3_finalize (st);

  /* Their histories: the latest points a dataset's detail serves, those
   * within the period. */
  sqlite3_prepare_v2 (db, "SELECT dataset_id, day, correct, complete, clean, live FROM"
                          " (SELECT *, ROW_NUMBER () OVER (PARTITION BY dataset_id ORDER BY day DESC) AS n"
                          "  FROM dataset_history)"
                          " WHERE n <= ?1 AND day >= ?2 AND day <= ?3 ORDER BY dataset_id, day", -1, &st, NULL);
  sqlite3_bind_int (st, 1, HISTORY_POINTS);
  sqlite3_bind_int64 (st, 2, first_day);
  sqlite3_bind_int64 (st, 3, today);
  for (gboolean more = TRUE; more;)
    {
      const char *id = NULL;

      more = sqlite3_step (st) == SQLITE_ROW;
      if (more)
        id = (const char *) sqlite3_column_text (st, 0);
      if (current != NULL && (!more || strcmp (id, current) != 0))
        {
          DatasetInfo *info = g_hash_table_lookup (by_id, current);

          if (info != NULL)
            add_history (info->acc, info->weight, (Point *) (gpointer) points->data, points->len, first_day);
          g_array_set_size (points, 0);
          g_clear_pointer (&current, g_free);
        }
      if (more)
        {
          Point point = { .day = sqlite3_column_int64 (st, 1) };

          if (current == NULL)
            current = g_strdup (id);
          for (guint c = 0; c < 4; c++)
            point.scores[c] = served (sqlite3_column_double (st, 2 + c));
          point.scores[4] = round ((point.scores[0] + point.scores[1] + point.scores[2] + point.scores[3])
                                   / 4.0 * 10.0) / 10.0;
          g_array_append_val (points, point);
        }
    }
  sqlite3_finalize (st);

  /* A page of them, by name. */
  g_hash_table_iter_init (&iter, by_name);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (sorted, value);
  g_ptr_array_sort (sorted, compare_names);
  while (q.after != NULL && start < sorted->len && strcmp (((Acc *) sorted->pdata[start])->name, q.after) <= 0)
    start++;

  from = hc_demo_text_format_date (first_day);
  to = hc_demo_text_format_date (today);
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "period");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "days");
  json_builder_add_int_value (b, period);
  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, from);
  json_builder_set_member_name (b, "to");
  json_builder_add_string_value (b, to);
  json_builder_end_object (b);
  json_builder_set_member_name (b, "items");
  json_builder_begin_array (b);
  for (guint i = start; i < sorted->len && count < q.limit; i++, count++)
    build_agency (b, sorted->pdata[i], first_day, period);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "total");
  json_builder_add_int_value (b, sorted->len);
  json_builder_end_object (b);
  if (start + count < sorted->len && count > 0)
    next = ((Acc *) sorted->pdata[start + count - 1])->name;
  page = json_builder_get_root (b);
  hc_demo_http_send_page (req, page, 'g', next);
}
