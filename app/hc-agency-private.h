/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-agency.h"
#include "hc-dataset.h"
#include "hc-source.h"

G_BEGIN_DECLS

/* The figures, shared by hc-agency.c (the object) and
 * hc-agency-aggregate.c (how they are counted). */
struct _HcAgency
{
  GObject parent_instance;

  char   *name;
  gint64  datasets;
  gint64  records;
  double  scores[5];      /* HcCriterion order, then overall */
  double  change;
  gint64  change_known;
  gint64  below_warning;
  gint64  below_critical;
  gint64  feeds;
  gint64  feeds_failed;
  gint64  feeds_lagging;
  int     weakest;
  GArray *trend;          /* HcAgencyPoint, oldest first */
};

HcAgency *hc_agency_new (const char *name);

/* ---- hc-agency-aggregate.c: the sums ---------------------------------------- */

/* One day of a hub's served sums: records-weighted sums of each criterion
 * and overall, and the weight they sum. */
typedef struct {
  gint64 day;        /* days since 1970-01-01 */
  double weight;
  double sum[5];
} HcAgencyServedDay;

/* What a hub serves for one agency's histories (GET /quality/agencies),
 * as sums so hubs add up. */
typedef struct {
  double  change_sum, change_weight;
  gint64  change_known;
  GArray *days;      /* HcAgencyServedDay, oldest first */
} HcAgencyServed;

typedef struct _HcAgencyTally HcAgencyTally;

HcAgencyTally *hc_agency_tally_new         (const HcAgencyParams *params);
void           hc_agency_tally_add_dataset (HcAgencyTally        *tally,
                                            HcDataset            *dataset,
                                            gboolean              with_history);
void           hc_agency_tally_add_source  (HcAgencyTally        *tally,
                                            HcSource             *source);
void           hc_agency_tally_add_served  (HcAgencyTally        *tally,
                                            const char           *name,
                                            const HcAgencyServed *served);
GPtrArray     *hc_agency_tally_finish      (HcAgencyTally        *tally,
                                            gboolean              feeds_known);
int            hc_agency_compare_weakest   (HcAgency             *x,
                                            HcAgency             *y);

G_END_DECLS
