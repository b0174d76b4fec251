/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-hub-summary.h"

G_BEGIN_DECLS

/*
 * The hubs in scope summed, part by part (HcSummaryPart). A part counts
 * the hubs it could read; the others are named in its note. Good news is
 * allowed only from every hub in scope, read and live.
 */

typedef struct {
  HcHubSummary  sum;                           /* figures of the hubs read */
  double        score_sum[4];                  /* weighted by datasets */
  double        overall_sum;
  guint         n_hubs;
  guint         n_known[HC_SUMMARY_N_PARTS];
  guint         n_stale[HC_SUMMARY_N_PARTS];   /* read, but not live now */
  GString      *note[HC_SUMMARY_N_PARTS];
} HcHubTotals;

HcHubTotals *hc_hub_totals_new               (void);
void         hc_hub_totals_free              (HcHubTotals        *totals);
void         hc_hub_totals_clear             (HcHubTotals        *totals);
void         hc_hub_totals_add               (HcHubTotals        *totals,
                                              const HcHubSummary *summary,
                                              const char         *hub_name,
                                              gint64              now);
gboolean     hc_hub_totals_known             (const HcHubTotals  *totals,
                                              HcSummaryPart       part);
gboolean     hc_hub_totals_all_clear_allowed (const HcHubTotals  *totals,
                                              HcSummaryPart       part);
const char  *hc_hub_totals_get_note          (const HcHubTotals  *totals,
                                              HcSummaryPart       part);
double       hc_hub_totals_get_score         (const HcHubTotals  *totals,
                                              int                 criterion);
char        *hc_hub_totals_quiet_verdict     (const HcHubTotals  *totals,
                                              HcSummaryPart       part,
                                              const char         *all_clear,
                                              const char         *unknown,
                                              const char         *stale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcHubTotals, hc_hub_totals_free)

G_END_DECLS
