/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-dataset.h"
#include "hc-fields.h"
#include "hc-parser.h"

struct _HcDataset
{
  HcItem parent_instance;

  char *name;
  char *owner_agency;
  gint64 records;
  gint64 checked_at;
  double score_correct;
  double score_complete;
  double score_clean;
  double score_live;
  double score_overall;
  gint64 rules_failed;
  GListStore *rules;
  GListStore *history;
  GListStore *failing_samples;
};

G_DEFINE_FINAL_TYPE (HcDataset, hc_dataset, HC_TYPE_ITEM)

static const HcField fields[] = {
  { .property = "name",
    .json = "name",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcDataset, name) },
  { .property = "owner-agency",
    .json = "owner_agency",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY | HC_FIELD_SHARED,
    .offset = G_STRUCT_OFFSET (HcDataset, owner_agency) },
  { .property = "records",
    .json = "records",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDataset, records),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "checked-at",
    .json = "checked_at",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDataset, checked_at) },
  { .property = "score-correct",
    .json = "scores.correct",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDataset, score_correct) },
  { .property = "score-complete",
    .json = "scores.complete",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDataset, score_complete) },
  { .property = "score-clean",
    .json = "scores.clean",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDataset, score_clean) },
  { .property = "score-live",
    .json = "scores.live",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDataset, score_live) },
  { .property = "score-overall",
    .json = "scores.overall",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDataset, score_overall) },
  { .property = "rules-failed",
    .json = "rules_failed",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDataset, rules_failed),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "rules",
    .json = "rules",
    .kind = HC_FIELD_LIST,
    .flags = HC_FIELD_DETAIL,
    .offset = G_STRUCT_OFFSET (HcDataset, rules),
    .get_type = hc_rule_get_type,
    .max = HC_PARSE_MAX_RULES },
  { .property = "history",
    .json = "history",
    .kind = HC_FIELD_LIST,
    .flags = HC_FIELD_DETAIL,
    .offset = G_STRUCT_OFFSET (HcDataset, history),
    .get_type = hc_score_point_get_type,
    .max = HC_PARSE_MAX_HISTORY },
  { .property = "failing-samples",
    .json = "failing_samples",
    .kind = HC_FIELD_LIST,
    .flags = HC_FIELD_DETAIL,
    .offset = G_STRUCT_OFFSET (HcDataset, failing_samples),
    .get_type = hc_failing_sample_get_type,
    .max = HC_PARSE_MAX_SAMPLES },
};

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), NULL };

static void
hc_dataset_class_init (HcDatasetClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_dataset_init (HcDataset *self)
{
}

const char *
hc_dataset_get_name (HcDataset *self)
{
  g_return_val_if_fail (HC_IS_DATASET (self), NULL);

  return self->name;
}

const char *
hc_dataset_get_owner_agency (HcDataset *self)
{
  g_return_val_if_fail (HC_IS_DATASET (self), NULL);

  return self->owner_agency;
}

gint64
hc_dataset_get_records (HcDataset *self)
{
  g_return_val_if_fail (HC_IS_DATASET (self), 0);

  return self->records;
}

gint64
hc_dataset_get_checked_at (HcDataset *self)
{
  g_return_val_if_fail (HC_IS_DATASET (self), 0);

  return self->checked_at;
}

gint64
hc_dataset_get_rules_failed (HcDataset *self)
{
  g_return_val_if_fail (HC_IS_DATASET (self), 0);

  return self->rules_failed;
}

GListModel *
hc_dataset_get_rules (HcDataset *self)
{
  g_return_val_if_fail (HC_IS_DATASET (self), NULL);

  return (GListModel *) self->rules;
}

GListModel *
hc_dataset_get_history (HcDataset *self)
{
  g_return_val_if_fail (HC_IS_DATASET (self), NULL);

  return (GListModel *) self->history;
}

GListModel *
hc_dataset_get_failing_samples (HcDataset *self)
{
  g_return_val_if_fail (HC_IS_DATASET (self), NULL);

  return (GListModel *) self->failing_samples;
}

/**
 * hc_dataset_get_score:
 * The score (0–100) of one of the four criteria.
 */
double
hc_dataset_get_score (HcDataset   *self,
                      HcCriterion  criterion)
{
  g_return_val_if_fail (HC_IS_DATASET (self), 0.0);

  switch (criterion)
    {
    case HC_CRITERION_CORRECT:  return self->score_correct;
    case HC_CRITERION_COMPLETE: return self->score_complete;
    case HC_CRITERION_CLEAN:    return self->score_clean;
    case HC_CRITERION_LIVE:     return self->score_live;
    default:                    g_return_val_if_reached (0.0);
    }
}

double
hc_dataset_get_overall (HcDataset *self)
{
  g_return_val_if_fail (HC_IS_DATASET (self), 0.0);

  return self->score_overall;
}
