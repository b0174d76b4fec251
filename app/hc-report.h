/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-agency.h"
#include "hc-hub.h"

G_BEGIN_DECLS

/*
 * The figures of a quality report on one hub, counted from the hub's own
 * lists and the datasets' details (history and rules), which
 * hc_report_read_async() reads first. A figure that could not be read is
 * NaN or -1, never 0.
 */
typedef struct {
  char      *hub_name;
  char      *hub_site;
  char      *hub_url;
  char      *author;          /* /me: display name (user) */
  gint64     made_at;         /* unix seconds */
  guint      period_days;
  gint64     first_day;       /* the period's, in days since the epoch (UTC) */
  double     warning_below, critical_below;

  HcAgency  *whole;           /* the hub as one agency: scores, change, trend, below */
  double     change[5];       /* each criterion's and overall's change; NaN unknown */
  GPtrArray *agencies;        /* HcAgency, weakest first */
  GPtrArray *weakest;         /* HcDataset, the ten lowest overall, with their rules */

  gint64     feeds, feeds_failed, feeds_lagging;
  char      *tightest_pool;   /* NULL: no pool is filling */
  int        tightest_days;   /* days until full, -1 when none fills */
  gint64     pools;
  gint64     alerts_opened, alerts_resolved, critical_open;
} HcReportData;

void          hc_report_data_free  (HcReportData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcReportData, hc_report_data_free)

void          hc_report_read_async  (HcHub               *hub,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean      hc_report_read_finish (HcHub               *hub,
                                     GAsyncResult        *result,
                                     GError             **error);
HcReportData *hc_report_count       (HcHub               *hub,
                                     const char          *hub_name,
                                     const char          *hub_url,
                                     guint                period_days,
                                     double               warning_below,
                                     double               critical_below,
                                     gint64               now);

G_END_DECLS
