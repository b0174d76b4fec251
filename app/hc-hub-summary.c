/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-alert.h"
#include "hc-dataset.h"
#include "hc-disk.h"
#include "hc-error.h"
#include "hc-hub-summary.h"
#include "hc-node.h"
#include "hc-source.h"

/*
 * One job: a hub's figures at a glance, counted from its complete lists,
 * else taken from its /overview, else unknown with the reason. Where both
 * exist and disagree, the lists win and the disagreement is logged once.
 */

/* Which list each part is counted from. */
static const HcListKind part_list[HC_SUMMARY_N_PARTS] = {
  [HC_SUMMARY_SOURCES]  = HC_LIST_SOURCES,
  [HC_SUMMARY_QUALITY]  = HC_LIST_DATASETS,
  [HC_SUMMARY_POOLS]    = HC_LIST_POOLS,
  [HC_SUMMARY_HARDWARE] = HC_LIST_NODES,
  [HC_SUMMARY_ALERTS]   = HC_LIST_ALERTS,
};

/* The error's headline alone ("Hub error"): the page says the rest once. */
static char *
headline (const GError *error)
{
  if (error->domain == HC_ERROR)
    return g_strdup (hc_error_title (error->code));
  return hc_error_describe_clause (error);
}

/* ---- counting from the lists ------------------------------------------ */

/* Each counts one item of its list into the summary. */
typedef void (*CountFunc) (HcHubSummary *s, gpointer item);

static void
count_source (HcHubSummary *s,
              gpointer      item)
{
  HcSourceStatus status = hc_source_get_status (item);

  if (status < G_N_ELEMENTS (s->sources))
    s->sources[status]++;
}

/* Sums for now; the means are taken once the whole list is counted. */
static void
count_dataset (HcHubSummary *s,
               gpointer      item)
{
  for (guint c = 0; c < 4; c++)
    s->score[c] += hc_dataset_get_score (item, c);
  s->overall += hc_dataset_get_overall (item);
  s->datasets++;
}

static double
pool_fill (HcPool *pool)
{
  guint64 capacity = hc_pool_get_capacity_bytes (pool);

  return capacity ? (double) hc_pool_get_used_bytes (pool) / capacity : 0;
}

/* The pool nearest to full among the worst state. */
static gboolean
pool_is_worse (HcPool *candidate,
               HcPool *current)
{
  if (current == NULL)
    return TRUE;
  if (hc_pool_get_state (candidate) != hc_pool_get_state (current))
    return hc_pool_get_state (candidate) > hc_pool_get_state (current);
  return pool_fill (candidate) > pool_fill (current);
}

static void
count_pool (HcHubSummary *s,
            gpointer      item)
{
  HcPoolState state = hc_pool_get_state (item);

  s->used_bytes += hc_pool_get_used_bytes (item);
  s->capacity_bytes += hc_pool_get_capacity_bytes (item);
  if (state < G_N_ELEMENTS (s->pools))
    s->pools[state]++;
  if (pool_is_worse (item, s->worst_pool))
    g_set_object (&s->worst_pool, item);
}

static void
count_disk (HcHubSummary *s,
            gpointer      item)
{
  HcDiskHealth health = hc_disk_get_health (item);

  if (health < G_N_ELEMENTS (s->disks))
    s->disks[health]++;
}

static void count_each (HcHubSummary *s, GListModel *model, CountFunc count);

static void
count_node (HcHubSummary *s,
            gpointer      item)
{
  HcNodeState state = hc_node_get_state (item);

  if (state < G_N_ELEMENTS (s->nodes))
    s->nodes[state]++;
  if (hc_node_get_disks (item) != NULL)
    count_each (s, hc_node_get_disks (item), count_disk);
}

static void
count_alert (HcHubSummary *s,
             gpointer      item)
{
  HcSeverity severity = hc_alert_get_severity (item);

  if (hc_alert_get_state (item) != HC_ALERT_STATE_OPEN)
    return;
  /* A severity none of the four (an Alertmanager's own word) is not "low". */
  if (severity < G_N_ELEMENTS (s->alerts_open) && hc_alert_get_severity_text (item) == NULL)
    s->alerts_open[severity]++;
  s->alerts_open_total++;
}

static void
count_each (HcHubSummary *s,
            GListModel   *model,
            CountFunc     count)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      count (s, item);
    }
}

static const CountFunc part_count[HC_SUMMARY_N_PARTS] = {
  [HC_SUMMARY_SOURCES]  = count_source,
  [HC_SUMMARY_QUALITY]  = count_dataset,
  [HC_SUMMARY_POOLS]    = count_pool,
  [HC_SUMMARY_HARDWARE] = count_node,
  [HC_SUMMARY_ALERTS]   = count_alert,
};

/* ---- taking from the overview ----------------------------------------- */

static void
take_overview (HcHubSummary  *s,
               HcSummaryPart  part,
               HcOverview    *o)
{
  switch (part)
    {
    case HC_SUMMARY_SOURCES:
      for (guint i = 0; i < 4; i++)
        s->sources[i] = hc_overview_get_sources (o, i);
      break;
    case HC_SUMMARY_QUALITY:
      s->datasets = hc_overview_get_datasets (o);
      for (guint c = 0; c < 4; c++)
        s->score[c] = hc_overview_get_score (o, c);
      s->overall = hc_overview_get_overall (o);
      break;
    case HC_SUMMARY_POOLS:
      s->used_bytes = hc_overview_get_storage_used_bytes (o);
      s->capacity_bytes = hc_overview_get_storage_capacity_bytes (o);
      for (guint i = 0; i < 3; i++)
        s->pools[i] = hc_overview_get_pools (o, i);
      break;
    case HC_SUMMARY_HARDWARE:
      for (guint i = 0; i < 3; i++)
        {
          s->nodes[i] = hc_overview_get_nodes (o, i);
          s->disks[i] = hc_overview_get_disks (o, i);
        }
      break;
    case HC_SUMMARY_ALERTS:
      for (guint i = 0; i < 4; i++)
        s->alerts_open[i] = hc_overview_get_open_alerts (o, i);
      s->alerts_open_total = hc_overview_get_open_alerts_total (o);
      break;
    case HC_SUMMARY_N_PARTS:
    default:
      g_assert_not_reached ();
    }
}

/* Whether the overview's counts of @part equal the lists' in @s. */
static gboolean
overview_agrees (const HcHubSummary *s,
                 HcSummaryPart       part,
                 HcOverview         *o)
{
  HcHubSummary theirs = { 0 };

  take_overview (&theirs, part, o);
  switch (part)
    {
    case HC_SUMMARY_SOURCES:
      return memcmp (s->sources, theirs.sources, sizeof s->sources) == 0;
    case HC_SUMMARY_QUALITY:
      return s->datasets == theirs.datasets;
    case HC_SUMMARY_POOLS:
      return memcmp (s->pools, theirs.pools, sizeof s->pools) == 0;
    case HC_SUMMARY_HARDWARE:
      return memcmp (s->nodes, theirs.nodes, sizeof s->nodes) == 0
             && memcmp (s->disks, theirs.disks, sizeof s->disks) == 0;
    case HC_SUMMARY_ALERTS:
      return memcmp (s->alerts_open, theirs.alerts_open, sizeof s->alerts_open) == 0;
    case HC_SUMMARY_N_PARTS:
    default:
      g_assert_not_reached ();
    }
}

/* Said once per hub and part, however often the summary is made. */
static void
log_disagreement (HcHub         *hub,
                  HcSummaryPart  part)
{
  static GQuark quark;
  guint logged;

  if (quark == 0)
    quark = g_quark_from_static_string ("hc-summary-disagreement-logged");
  logged = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (hub), quark));
  if (logged & (1u << part))
    return;
  g_object_set_qdata (G_OBJECT (hub), quark, GUINT_TO_POINTER (logged | (1u << part)));
  g_message ("Hub %s: its overview disagrees with its list of %s; the list is shown",
             hc_hub_get_key (hub), hc_list_kind_to_string (part_list[part]));
}

/* Why nothing could be read of @part. */
static char *
unknown_reason (HcHub        *hub,
                HcListKind    kind,
                const GError *list_error,
                const GError *overview_error)
{
  const char *noun = hc_list_kind_noun (kind);

  switch (hc_hub_get_state (hub))
    {
    case HC_HUB_CONNECTING:
      return g_strdup (_("Not read yet: connecting to the hub."));
    case HC_HUB_OFFLINE:
    case HC_HUB_SIGNED_OUT:
      {
        const GError *error = hc_hub_get_last_error (hub);
        /* The headline only: the page's banner gives the whole reason. */
        g_autofree char *why = error ? headline (error) : g_strdup (_("No connection"));
        /* Translators: %s is an error's headline, e.g. "Hub unreachable" */
        return g_strdup_printf (_("Not read: %s."), why);
      }
    case HC_HUB_CONNECTED:
    default:
      break;
    }

  if (list_error != NULL && overview_error != NULL)
    {
      g_autofree char *a = hc_error_describe_clause (list_error);
      g_autofree char *b = headline (overview_error);
      /* Translators: "Not read: the hub's list of feeds could not be read (Hub error: …), nor its overview (…)." */
      return g_strdup_printf (_("Not read: the hub’s list of %s could not be read (%s), nor its overview (%s)."),
                              noun, a, b);
    }
  if (list_error != NULL)
    {
      g_autofree char *a = hc_error_describe_clause (list_error);
      /* Translators: "Not read: the hub's list of feeds could not be read (Not found: …)." */
      return g_strdup_printf (_("Not read: the hub’s list of %s could not be read (%s)."), noun, a);
    }
  if (overview_error != NULL)
    {
      g_autofree char *b = headline (overview_error);
      /* Translators: "Not read yet: the hub's list of feeds is still loading, and its overview could not be read (…)." */
      return g_strdup_printf (_("Not read yet: the hub’s list of %s is still loading, and its overview could not be read (%s)."),
                              noun, b);
    }
  /* Translators: "Not read yet: the hub's list of feeds is still loading." */
  return g_strdup_printf (_("Not read yet: the hub’s list of %s is still loading."), noun);
}

static void
summarize_part (HcHubSummary  *s,
                HcHub         *hub,
                HcSummaryPart  part)
{
  HcListKind kind = part_list[part];
  GListModel *model = G_LIST_MODEL (hc_hub_get_model (hub, kind));
  HcOverview *overview = hc_hub_get_overview (hub);
  const GError *list_error = hc_hub_get_list_error (hub, kind);
  const GError *overview_error = hc_hub_get_overview_error (hub);
  GDateTime *updated = hc_hub_get_last_updated (hub);
  gint64 updated_at = updated ? g_date_time_to_unix (updated) : 0;

  if (hc_hub_get_list_complete (hub, kind))
    {
      s->origin[part] = HC_SUMMARY_FROM_LISTS;
      s->as_of[part] = updated_at;
      count_each (s, model, part_count[part]);
      if (part == HC_SUMMARY_QUALITY && s->datasets > 0)
        {
          for (guint c = 0; c < 4; c++)
            s->score[c] /= s->datasets;
          s->overall /= s->datasets;
        }
      /* Compare only an overview made after the lists' last change. */
      if (overview_error == NULL && overview != NULL && s->live
          && hc_overview_get_generated_at (overview) >= updated_at
          && !overview_agrees (s, part, overview))
        log_disagreement (hub, part);
      return;
    }

  if (overview != NULL)
    {
      const char *noun = hc_list_kind_noun (kind);

      s->origin[part] = HC_SUMMARY_FROM_OVERVIEW;
      s->as_of[part] = hc_overview_get_generated_at (overview);
      take_overview (s, part, overview);
      if (list_error != NULL)
        {
          g_autofree char *a = hc_error_describe_clause (list_error);
          /* Translators: small print under a card taken from /overview */
          s->note[part] = g_strdup_printf (_("The hub’s list of %s could not be read (%s)."), noun, a);
        }
      return;
    }

  s->origin[part] = HC_SUMMARY_UNKNOWN;
  s->note[part] = unknown_reason (hub, kind, list_error, overview_error);
}

/**
 * hc_hub_summary_new:
 * The figures of @hub as they can be known now.
 */
HcHubSummary *
hc_hub_summary_new (HcHub *hub)
{
  HcHubSummary *s;

  g_return_val_if_fail (HC_IS_HUB (hub), NULL);

  s = g_new0 (HcHubSummary, 1);
  s->live = hc_hub_get_state (hub) == HC_HUB_CONNECTED;
  for (guint part = 0; part < HC_SUMMARY_N_PARTS; part++)
    summarize_part (s, hub, part);
  return s;
}

void
hc_hub_summary_free (HcHubSummary *summary)
{
  if (summary == NULL)
    return;
  for (guint part = 0; part < HC_SUMMARY_N_PARTS; part++)
    g_free (summary->note[part]);
  g_clear_object (&summary->worst_pool);
  g_free (summary);
}

gboolean
hc_hub_summary_known (const HcHubSummary *summary,
                      HcSummaryPart       part)
{
  g_return_val_if_fail (summary != NULL && part < HC_SUMMARY_N_PARTS, FALSE);
  return summary->origin[part] != HC_SUMMARY_UNKNOWN;
}
