/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-enums.h"
#include "hc-failing-sample.h"
#include "hc-item.h"
#include "hc-rule.h"
#include "hc-score-point.h"

G_BEGIN_DECLS

#define HC_TYPE_DATASET (hc_dataset_get_type ())

G_DECLARE_FINAL_TYPE (HcDataset, hc_dataset, HC, DATASET, HcItem)

/*
 * A dataset and its four quality scores (0–100, one decimal). Properties:
 * "name", "owner-agency", "records", "checked-at", "score-correct",
 * "score-complete", "score-clean", "score-live", "score-overall",
 * "rules-failed"; detail: "rules" (HcRule), "history" (HcScorePoint),
 * "failing-samples" (HcFailingSample), each a GListModel that is NULL until
 * the detail was fetched.
 */
const char  *hc_dataset_get_name            (HcDataset   *self);
const char  *hc_dataset_get_owner_agency    (HcDataset   *self);
gint64       hc_dataset_get_records         (HcDataset   *self);
gint64       hc_dataset_get_checked_at      (HcDataset   *self);
double       hc_dataset_get_score           (HcDataset   *self,
                                             HcCriterion  criterion);
double       hc_dataset_get_overall         (HcDataset   *self);
gint64       hc_dataset_get_rules_failed    (HcDataset   *self);
GListModel  *hc_dataset_get_rules           (HcDataset   *self);
GListModel  *hc_dataset_get_history         (HcDataset   *self);
GListModel  *hc_dataset_get_failing_samples (HcDataset   *self);

G_END_DECLS
