/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "hc-fields.h"
#include "hc-score-point.h"

struct _HcScorePoint
{
  GObject parent_instance;

  gint64 date;
  double correct;
  double complete;
  double clean;
  double live;
  double overall;
};

G_DEFINE_FINAL_TYPE (HcScorePoint, hc_score_point, G_TYPE_OBJECT)

static const HcField fields[] = {
  { .property = "date",
    .json = "date",
    .kind = HC_FIELD_DATE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcScorePoint, date) },
  { .property = "correct",
    .json = "correct",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcScorePoint, correct) },
  { .property = "complete",
    .json = "complete",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcScorePoint, complete) },
  { .property = "clean",
    .json = "clean",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcScorePoint, clean) },
  { .property = "live",
    .json = "live",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcScorePoint, live) },
  { .property = "overall",
    .json = NULL,
    .kind = HC_FIELD_SCORE,
    .offset = G_STRUCT_OFFSET (HcScorePoint, overall) },
};

static gboolean
hc_score_point_check (GObject  *object,
                      GError  **error)
{
  HcScorePoint *self = HC_SCORE_POINT (object);

  /* The history carries no overall; the contract defines it as the mean. */
  self->overall = round ((self->correct + self->complete + self->clean + self->live) / 4.0 * 10.0) / 10.0;

  return TRUE;
}

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), hc_score_point_check };

static void
hc_score_point_class_init (HcScorePointClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_score_point_init (HcScorePoint *self)
{
}

gint64
hc_score_point_get_date (HcScorePoint *self)
{
  g_return_val_if_fail (HC_IS_SCORE_POINT (self), 0);

  return self->date;
}

double
hc_score_point_get_score (HcScorePoint *self,
                          HcCriterion   criterion)
{
  g_return_val_if_fail (HC_IS_SCORE_POINT (self), 0.0);

  switch (criterion)
    {
    case HC_CRITERION_CORRECT:  return self->correct;
    case HC_CRITERION_COMPLETE: return self->complete;
    case HC_CRITERION_CLEAN:    return self->clean;
    case HC_CRITERION_LIVE:     return self->live;
    default:                    g_return_val_if_reached (0.0);
    }
}

double
hc_score_point_get_overall (HcScorePoint *self)
{
  g_return_val_if_fail (HC_IS_SCORE_POINT (self), 0.0);

  return self->overall;
}

/**
 * hc_score_point_new:
 * A point made by the console itself (an agency's daily mean), with its
 * @overall as computed, not rounded again.
 */
HcScorePoint *
hc_score_point_new (gint64 date,
                    double correct,
                    double complete,
                    double clean,
                    double live,
                    double overall)
{
  HcScorePoint *self = g_object_new (HC_TYPE_SCORE_POINT, NULL);

  self->date = date;
  self->correct = correct;
  self->complete = complete;
  self->clean = clean;
  self->live = live;
  self->overall = overall;
  return self;
}
