/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hc-format.h"
#include "hc-hub-totals.h"

/*
 * Sums hubs' summaries (HcHubSummary) for the Overview and the wall: the
 * figures of the hubs read, how many hubs each part could read, and for
 * each part the small print that says where its figures came from and
 * which hubs could not be read.
 */

HcHubTotals *
hc_hub_totals_new (void)
{
  return g_new0 (HcHubTotals, 1);
}

/**
 * hc_hub_totals_clear:
 * Forgets every hub added, as hc_hub_totals_new() left it.
 */
void
hc_hub_totals_clear (HcHubTotals *t)
{
  g_return_if_fail (t != NULL);

  g_clear_object (&t->sum.worst_pool);
  for (guint i = 0; i < HC_SUMMARY_N_PARTS; i++)
    if (t->note[i] != NULL)
      g_string_free (t->note[i], TRUE);
  memset (t, 0, sizeof *t);
}

void
hc_hub_totals_free (HcHubTotals *t)
{
  if (t == NULL)
    return;
  hc_hub_totals_clear (t);
  g_free (t);
}

gboolean
hc_hub_totals_known (const HcHubTotals *t,
                     HcSummaryPart      part)
{
  g_return_val_if_fail (t != NULL && part < HC_SUMMARY_N_PARTS, FALSE);

  return t->n_known[part] > 0;
}

/**
 * hc_hub_totals_all_clear_allowed:
 * Whether @part may say all is well: every hub in scope read and live.
 */
gboolean
hc_hub_totals_all_clear_allowed (const HcHubTotals *t,
                                 HcSummaryPart      part)
{
  g_return_val_if_fail (t != NULL && part < HC_SUMMARY_N_PARTS, FALSE);

  return t->n_hubs > 0 && t->n_known[part] == t->n_hubs && t->n_stale[part] == 0;
}

/**
 * hc_hub_totals_get_note:
 * The small print of @part, one line per hub that has something to say,
 * or %NULL.
 */
const char *
hc_hub_totals_get_note (const HcHubTotals *t,
                        HcSummaryPart      part)
{
  g_return_val_if_fail (t != NULL && part < HC_SUMMARY_N_PARTS, NULL);

  return t->note[part] != NULL && t->note[part]->len > 0 ? t->note[part]->str : NULL;
}

/**
 * hc_hub_totals_get_score:
 * The mean score of @criterion (an HcCriterion, or 4 for the overall
 * score) over every dataset read, weighted by each hub's datasets; -1
 * when no dataset was read.
 */
double
hc_hub_totals_get_score (const HcHubTotals *t,
                         int                criterion)
{
  g_return_val_if_fail (t != NULL && criterion >= 0 && criterion <= 4, -1);

  if (!hc_hub_totals_known (t, HC_SUMMARY_QUALITY) || t->sum.datasets == 0)
    return -1;
  return (criterion < 4 ? t->score_sum[criterion] : t->overall_sum) / t->sum.datasets;
}

static void
add_note (HcHubTotals   *t,
          HcSummaryPart  part,
          const char    *hub_name,
          const char    *text)
{
  if (t->note[part] == NULL)
    t->note[part] = g_string_new (NULL);
  if (t->note[part]->len > 0)
    g_string_append_c (t->note[part], '\n');
  /* With several hubs in scope, each line says whose it is. */
  if (hub_name != NULL)
    g_string_append_printf (t->note[part], "%s: ", hub_name);
  g_string_append (t->note[part], text);
}

static void
add_figures (HcHubTotals        *t,
             const HcHubSummary *s,
             HcSummaryPart       part)
{
  switch (part)
    {
    case HC_SUMMARY_SOURCES:
      for (guint i = 0; i < 4; i++)
        t->sum.sources[i] += s->sources[i];
      break;
    case HC_SUMMARY_QUALITY:
      t->sum.datasets += s->datasets;
      for (guint i = 0; i < 4; i++)
        t->score_sum[i] += s->score[i] * s->datasets;
      t->overall_sum += s->overall * s->datasets;
      break;
    case HC_SUMMARY_POOLS:
      t->sum.used_bytes += s->used_bytes;
      t->sum.capacity_bytes += s->capacity_bytes;
      for (guint i = 0; i < 3; i++)
        t->sum.pools[i] += s->pools[i];
      if (s->worst_pool != NULL
          && (t->sum.worst_pool == NULL
              || hc_pool_get_state (s->worst_pool) > hc_pool_get_state (t->sum.worst_pool)))
        g_set_object (&t->sum.worst_pool, s->worst_pool);
      break;
    case HC_SUMMARY_HARDWARE:
      for (guint i = 0; i < 3; i++)
        {
          t->sum.nodes[i] += s->nodes[i];
          t->sum.disks[i] += s->disks[i];
        }
      break;
    case HC_SUMMARY_ALERTS:
      for (guint i = 0; i < 4; i++)
        t->sum.alerts_open[i] += s->alerts_open[i];
      t->sum.alerts_open_total += s->alerts_open_total;
      break;
    case HC_SUMMARY_N_PARTS:
    default:
      g_assert_not_reached ();
    }
}

/**
 * hc_hub_totals_add:
 * @hub_name: (nullable): names the hub's lines of small print; %NULL
 *   when it is the only hub in scope
 * @now: unix seconds, for "3 minutes ago"
 *
 * Adds one hub's summary: the parts it could read to the figures, the
 * others to the small print with the reason.
 */
void
hc_hub_totals_add (HcHubTotals        *t,
                   const HcHubSummary *s,
                   const char         *hub_name,
                   gint64              now)
{
  g_return_if_fail (t != NULL && s != NULL);

  t->n_hubs++;
  for (guint part = 0; part < HC_SUMMARY_N_PARTS; part++)
    {
      g_autofree char *origin = NULL;

      if (!hc_hub_summary_known (s, part))
        {
          add_note (t, part, hub_name, s->note[part] ? s->note[part] : "—");
          continue;
        }

      t->n_known[part]++;
      if (!s->live)
        t->n_stale[part]++;

      if (s->origin[part] == HC_SUMMARY_FROM_OVERVIEW || !s->live)
        {
          g_autofree char *ago = s->as_of[part] > 0 ? hc_format_relative (s->as_of[part], now) : NULL;

          if (s->origin[part] == HC_SUMMARY_FROM_OVERVIEW)
            /* Translators: small print: "From the hub's overview (3 minutes ago)." */
            origin = g_strdup_printf (_("From the hub’s overview (%s)."), ago ? ago : "—");
          else
            /* Translators: small print: "Counted from the hub's lists (3 minutes ago)." */
            origin = g_strdup_printf (_("Counted from the hub’s lists (%s)."), ago ? ago : "—");
        }

      if (origin != NULL || s->note[part] != NULL)
        {
          g_autofree char *line = g_strjoin (" ", origin ? origin : _("Counted from the hub’s lists."),
                                             s->note[part], NULL);
          add_note (t, part, hub_name, line);
        }

      add_figures (t, s, part);
    }
}

/**
 * hc_hub_totals_quiet_verdict:
 * The verdict of a part with no bad news: @all_clear only when every hub
 * in scope was read and is live; @unknown when no hub (or the only one)
 * could be read; "Not known for 2 hubs" when some could not; @stale when
 * all were read but some not live.
 */
char *
hc_hub_totals_quiet_verdict (const HcHubTotals *t,
                             HcSummaryPart      part,
                             const char        *all_clear,
                             const char        *unknown,
                             const char        *stale)
{
  g_return_val_if_fail (t != NULL && part < HC_SUMMARY_N_PARTS, NULL);

  if (hc_hub_totals_all_clear_allowed (t, part))
    return g_strdup (all_clear);
  if (t->n_known[part] < t->n_hubs || t->n_hubs == 0)
    {
      guint missing = t->n_hubs - t->n_known[part];

      if (t->n_hubs <= 1 || missing == t->n_hubs)
        return g_strdup (unknown);
      /* Translators: a card's headline when some hubs could not be read */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Not known for %u hub", "Not known for %u hubs", missing),
                              missing);
    }
  return g_strdup (stale);
}
