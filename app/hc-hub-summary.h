/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-hub.h"
#include "hc-pool.h"

G_BEGIN_DECLS

/*
 * A hub's figures at a glance, each part with where it came from: the
 * hub's complete lists first, its /overview where a list is not complete,
 * and "unknown" (with the reason) where neither was read. A figure that
 * was not read is never zero.
 */

typedef enum {
  HC_SUMMARY_SOURCES,   /* feeds by status */
  HC_SUMMARY_QUALITY,   /* datasets and their mean scores */
  HC_SUMMARY_POOLS,     /* capacity and pools by state */
  HC_SUMMARY_HARDWARE,  /* nodes by state, disks by health */
  HC_SUMMARY_ALERTS,    /* open alerts by severity */
  HC_SUMMARY_N_PARTS
} HcSummaryPart;

typedef enum {
  HC_SUMMARY_UNKNOWN,
  HC_SUMMARY_FROM_LISTS,
  HC_SUMMARY_FROM_OVERVIEW,
} HcSummaryOrigin;

typedef struct {
  HcSummaryOrigin  origin[HC_SUMMARY_N_PARTS];
  /* Unknown: why, in a sentence for the operator. From the overview:
   * why not the lists. From the lists: NULL (hc_hub_get_overview_error()
   * says whether the overview could have been used). */
  char            *note[HC_SUMMARY_N_PARTS];
  /* When the figures were true (unix s): the overview's generated_at,
   * else the hub's last update; 0 when nothing was read. */
  gint64           as_of[HC_SUMMARY_N_PARTS];
  gboolean         live;                /* the hub is connected now */

  gint64           sources[4];          /* by HcSourceStatus */
  gint64           datasets;
  double           score[4];            /* mean, by HcCriterion */
  double           overall;             /* mean */
  guint64          used_bytes;
  guint64          capacity_bytes;
  gint64           pools[3];            /* by HcPoolState */
  gint64           nodes[3];            /* by HcNodeState */
  gint64           disks[3];            /* by HcDiskHealth */
  gint64           alerts_open[4];      /* by HcSeverity */
  gint64           alerts_open_total;
  HcPool          *worst_pool;          /* lists only; owned */
} HcHubSummary;

HcHubSummary *hc_hub_summary_new   (HcHub        *hub);
void          hc_hub_summary_free  (HcHubSummary *summary);
gboolean      hc_hub_summary_known (const HcHubSummary *summary,
                                    HcSummaryPart       part);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcHubSummary, hc_hub_summary_free)

G_END_DECLS
