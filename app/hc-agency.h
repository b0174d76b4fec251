/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-enums.h"

G_BEGIN_DECLS

#define HC_TYPE_AGENCY (hc_agency_get_type ())

G_DECLARE_FINAL_TYPE (HcAgency, hc_agency, HC, AGENCY, GObject)

/* One day of an agency's trend: the record-weighted mean of each criterion
 * (HcCriterion order) and of overall, over the datasets whose history has
 * that day. */
typedef struct {
  gint64 date;
  double scores[5];
} HcAgencyPoint;

/* What the figures are measured against. */
typedef struct {
  double warning_below;
  double critical_below;
  guint  period_days;   /* 7, 30 or 90 */
  gint64 now;           /* unix seconds */
  gboolean as_one;      /* every dataset and feed in one agency, named "" */
} HcAgencyParams;

gint64 hc_agency_period_first_day (const HcAgencyParams *params);

/*
 * One agency's figures over a hub's (or all hubs') datasets and feeds.
 * Read-only properties: "name", "datasets", "records", "score-correct",
 * "score-complete", "score-clean", "score-live", "score-overall" (means
 * weighted by records; NaN when the agency has no dataset), "sort-score"
 * (overall, or above any score when unknown, so a numeric sort puts the
 * unknown last), "change" (of the overall mean over the period, NaN while
 * no dataset's history is known), "sort-change" (the change, the unknown
 * last), "change-known" (datasets whose history
 * the change comes from), "below-warning", "below-critical" (datasets by
 * overall score), "feeds", "feeds-failed", "feeds-lagging",
 * "weakest-criterion" (an HcCriterion, -1 when unknown).
 */
const char          *hc_agency_get_name              (HcAgency    *self);
gint64               hc_agency_get_datasets          (HcAgency    *self);
gint64               hc_agency_get_records           (HcAgency    *self);
double               hc_agency_get_score             (HcAgency    *self,
                                                      HcCriterion  criterion);
double               hc_agency_get_overall           (HcAgency    *self);
double               hc_agency_get_change            (HcAgency    *self);
gint64               hc_agency_get_change_known      (HcAgency    *self);
gint64               hc_agency_get_below_warning     (HcAgency    *self);
gint64               hc_agency_get_below_critical    (HcAgency    *self);
gint64               hc_agency_get_feeds             (HcAgency    *self);
gint64               hc_agency_get_feeds_failed      (HcAgency    *self);
gint64               hc_agency_get_feeds_lagging     (HcAgency    *self);
int                  hc_agency_get_weakest_criterion (HcAgency    *self);
const HcAgencyPoint *hc_agency_get_trend             (HcAgency    *self,
                                                      guint       *n_points);

GPtrArray           *hc_agency_aggregate             (GListModel           *datasets,
                                                      GListModel           *sources,
                                                      const HcAgencyParams *params);
/* A rule that fails in an agency's datasets, summed over them. */
typedef struct {
  char        *description;
  HcCriterion  criterion;
  gint64       failed;      /* records */
  gint64       checked;
  guint        datasets;
} HcAgencyRule;

void                 hc_agency_rule_free             (HcAgencyRule         *rule);
GPtrArray           *hc_agency_top_rules             (GListModel           *datasets,
                                                      const char           *agency,
                                                      guint                 max,
                                                      guint                *n_read);
gboolean             hc_agency_update                (HcAgency             *self,
                                                      HcAgency             *from);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcAgencyRule, hc_agency_rule_free)

G_END_DECLS
