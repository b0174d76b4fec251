/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-enums.h"

G_BEGIN_DECLS

#define HC_TYPE_SCORE_POINT (hc_score_point_get_type ())

G_DECLARE_FINAL_TYPE (HcScorePoint, hc_score_point, HC, SCORE_POINT, GObject)

/*
 * One day of a dataset's score history. "date" is unix seconds of the day's
 * midnight UTC; "overall" is the hub's value or, when absent, the mean of
 * the four criteria.
 */
gint64  hc_score_point_get_date    (HcScorePoint *self);
double  hc_score_point_get_score   (HcScorePoint *self,
                                    HcCriterion   criterion);
double  hc_score_point_get_overall (HcScorePoint *self);
HcScorePoint *hc_score_point_new   (gint64 date,
                                    double correct,
                                    double complete,
                                    double clean,
                                    double live,
                                    double overall);

G_END_DECLS
