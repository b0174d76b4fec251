/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-format.h"
#include "hc-labels.h"
#include "hc-verdict.h"

/*
 * The verdict of an area in words: bad news first, good news only when
 * every hub in scope was read and is live (hc_hub_totals_quiet_verdict()).
 */

char *
hc_verdict_sources (const HcHubTotals *t)
{
  gint64 failed = t->sum.sources[HC_SOURCE_STATUS_FAILED];
  gint64 lagging = t->sum.sources[HC_SOURCE_STATUS_LAGGING];

  if (failed > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d feed failing", "%d feeds failing", failed),
                            (int) failed);
  if (lagging > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d feed lagging", "%d feeds lagging", lagging),
                            (int) lagging);
  return hc_hub_totals_quiet_verdict (t, HC_SUMMARY_SOURCES, _("All feeds on time"), _("Feeds not known"),
                                      _("No feed failing when last read"));
}

char *
hc_verdict_quality (const HcHubTotals *t)
{
  static const HcCriterion criteria[] = {
    HC_CRITERION_CORRECT, HC_CRITERION_COMPLETE, HC_CRITERION_CLEAN, HC_CRITERION_LIVE,
  };
  HcCriterion weakest_criterion = HC_CRITERION_CORRECT;
  double weakest = 101;
  g_autofree char *score = NULL;

  if (!hc_hub_totals_known (t, HC_SUMMARY_QUALITY))
    return g_strdup (_("Quality not known"));
  if (t->sum.datasets == 0)
    return g_strdup (_("No datasets checked yet"));

  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    {
      double value = hc_hub_totals_get_score (t, i);

      if (value < weakest)
        {
          weakest = value;
          weakest_criterion = criteria[i];
        }
    }
  score = hc_format_score (weakest);
  /* Translators: "Weakest: Live, 88.1" */
  return g_strdup_printf (_("Weakest: %s, %s"), hc_criterion_label (weakest_criterion), score);
}

char *
hc_verdict_storage (const HcHubTotals *t)
{
  gint64 failing = t->sum.disks[HC_DISK_HEALTH_FAILING];
  gint64 unhealthy = t->sum.pools[HC_POOL_STATE_CRITICAL] + t->sum.pools[HC_POOL_STATE_DEGRADED];

  if (failing > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d disk failing", "%d disks failing", failing),
                            (int) failing);
  if (unhealthy > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d pool not healthy", "%d pools not healthy", unhealthy),
                            (int) unhealthy);
  return hc_hub_totals_quiet_verdict (t, HC_SUMMARY_POOLS, _("All pools healthy"), _("Storage not known"),
                                      _("No pool unhealthy when last read"));
}

char *
hc_verdict_alerts (const HcHubTotals *t)
{
  gint64 critical = t->sum.alerts_open[HC_SEVERITY_CRITICAL];

  if (critical > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d critical alert open", "%d critical alerts open", critical),
                            (int) critical);
  if (t->sum.alerts_open_total > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d alert open", "%d alerts open", t->sum.alerts_open_total),
                            (int) t->sum.alerts_open_total);
  return hc_hub_totals_quiet_verdict (t, HC_SUMMARY_ALERTS, _("No open alerts"), _("Alerts not known"),
                                      _("No open alert when last read"));
}
