/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An agency's figures as a GObject, so list views sort and bind them;
 * hc-agency-aggregate.c counts them. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hc-agency-private.h"

G_DEFINE_FINAL_TYPE (HcAgency, hc_agency, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_DATASETS,
  PROP_RECORDS,
  PROP_SCORE_CORRECT,
  PROP_SCORE_COMPLETE,
  PROP_SCORE_CLEAN,
  PROP_SCORE_LIVE,
  PROP_SCORE_OVERALL,
  PROP_SORT_SCORE,
  PROP_CHANGE,
  PROP_SORT_CHANGE,
  PROP_CHANGE_KNOWN,
  PROP_BELOW_WARNING,
  PROP_BELOW_CRITICAL,
  PROP_FEEDS,
  PROP_FEEDS_FAILED,
  PROP_FEEDS_LAGGING,
  PROP_WEAKEST_CRITERION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hc_agency_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HcAgency *self = HC_AGENCY (object);

  switch (prop_id)
    {
    case PROP_NAME:              g_value_set_string (value, self->name); break;
    case PROP_DATASETS:          g_value_set_int64 (value, self->datasets); break;
    case PROP_RECORDS:           g_value_set_int64 (value, self->records); break;
    case PROP_SCORE_CORRECT:
    case PROP_SCORE_COMPLETE:
    case PROP_SCORE_CLEAN:
    case PROP_SCORE_LIVE:
    case PROP_SCORE_OVERALL:     g_value_set_double (value, self->scores[prop_id - PROP_SCORE_CORRECT]); break;
    case PROP_SORT_SCORE:        g_value_set_double (value, isnan (self->scores[4]) ? 1000.0 : self->scores[4]); break;
    case PROP_CHANGE:            g_value_set_double (value, self->change); break;
    case PROP_SORT_CHANGE:       g_value_set_double (value, isnan (self->change) ? 1000.0 : self->change); break;
    case PROP_CHANGE_KNOWN:      g_value_set_int64 (value, self->change_known); break;
    case PROP_BELOW_WARNING:     g_value_set_int64 (value, self->below_warning); break;
    case PROP_BELOW_CRITICAL:    g_value_set_int64 (value, self->below_critical); break;
    case PROP_FEEDS:             g_value_set_int64 (value, self->feeds); break;
    case PROP_FEEDS_FAILED:      g_value_set_int64 (value, self->feeds_failed); break;
    case PROP_FEEDS_LAGGING:     g_value_set_int64 (value, self->feeds_lagging); break;
    case PROP_WEAKEST_CRITERION: g_value_set_int (value, self->weakest); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_agency_finalize (GObject *object)
{
  HcAgency *self = HC_AGENCY (object);

  g_free (self->name);
  g_clear_pointer (&self->trend, g_array_unref);

  G_OBJECT_CLASS (hc_agency_parent_class)->finalize (object);
}

static GParamSpec *
int64_spec (const char *name)
{
  return g_param_spec_int64 (name, NULL, NULL, 0, G_MAXINT64, 0,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
double_spec (const char *name)
{
  return g_param_spec_double (name, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
hc_agency_class_init (HcAgencyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hc_agency_get_property;
  object_class->finalize = hc_agency_finalize;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASETS] = int64_spec ("datasets");
  properties[PROP_RECORDS] = int64_spec ("records");
  properties[PROP_SCORE_CORRECT] = double_spec ("score-correct");
  properties[PROP_SCORE_COMPLETE] = double_spec ("score-complete");
  properties[PROP_SCORE_CLEAN] = double_spec ("score-clean");
  properties[PROP_SCORE_LIVE] = double_spec ("score-live");
  properties[PROP_SCORE_OVERALL] = double_spec ("score-overall");
  properties[PROP_SORT_SCORE] = double_spec ("sort-score");
  properties[PROP_CHANGE] = double_spec ("change");
  properties[PROP_SORT_CHANGE] = double_spec ("sort-change");
  properties[PROP_CHANGE_KNOWN] = int64_spec ("change-known");
  properties[PROP_BELOW_WARNING] = int64_spec ("below-warning");
  properties[PROP_BELOW_CRITICAL] = int64_spec ("below-critical");
  properties[PROP_FEEDS] = int64_spec ("feeds");
  properties[PROP_FEEDS_FAILED] = int64_spec ("feeds-failed");
  properties[PROP_FEEDS_LAGGING] = int64_spec ("feeds-lagging");
  properties[PROP_WEAKEST_CRITERION] =
    g_param_spec_int ("weakest-criterion", NULL, NULL, -1, HC_CRITERION_LIVE, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_agency_init (HcAgency *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->scores); i++)
    self->scores[i] = NAN;
  self->change = NAN;
  self->weakest = -1;
  self->trend = g_array_new (FALSE, TRUE, sizeof (HcAgencyPoint));
}

HcAgency *
hc_agency_new (const char *name)
{
  HcAgency *self = g_object_new (HC_TYPE_AGENCY, NULL);

  self->name = g_strdup (name);
  return self;
}

const char *
hc_agency_get_name (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), NULL);
  return self->name;
}

gint64
hc_agency_get_datasets (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), 0);
  return self->datasets;
}

gint64
hc_agency_get_records (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), 0);
  return self->records;
}

/**
 * hc_agency_get_score:
 * The record-weighted mean of @criterion over the agency's datasets; NaN
 * when it has none.
 */
double
hc_agency_get_score (HcAgency    *self,
                     HcCriterion  criterion)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), NAN);
  g_return_val_if_fail (criterion <= HC_CRITERION_LIVE, NAN);
  return self->scores[criterion];
}

double
hc_agency_get_overall (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), NAN);
  return self->scores[4];
}

double
hc_agency_get_change (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), NAN);
  return self->change;
}

gint64
hc_agency_get_change_known (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), 0);
  return self->change_known;
}

gint64
hc_agency_get_below_warning (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), 0);
  return self->below_warning;
}

gint64
hc_agency_get_below_critical (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), 0);
  return self->below_critical;
}

gint64
hc_agency_get_feeds (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), 0);
  return self->feeds;
}

gint64
hc_agency_get_feeds_failed (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), 0);
  return self->feeds_failed;
}

gint64
hc_agency_get_feeds_lagging (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), 0);
  return self->feeds_lagging;
}

int
hc_agency_get_weakest_criterion (HcAgency *self)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), -1);
  return self->weakest;
}

/**
 * hc_agency_get_trend:
 * The agency's daily means over the period, oldest first; empty while no
 * dataset's history is known.
 */
const HcAgencyPoint *
hc_agency_get_trend (HcAgency *self,
                     guint    *n_points)
{
  g_return_val_if_fail (HC_IS_AGENCY (self), NULL);
  g_return_val_if_fail (n_points != NULL, NULL);

  *n_points = self->trend->len;
  return (const HcAgencyPoint *) (gpointer) self->trend->data;
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

#define SET_INT(field, prop) \
  if (self->field != from->field) { self->field = from->field; g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); changed = TRUE; }

/**
 * hc_agency_update:
 * Takes @from's figures (an agency of the same name, counted again), and
 * notifies only what changed, so a row updates in place.
 * Returns: whether anything changed.
 */
gboolean
hc_agency_update (HcAgency *self,
                  HcAgency *from)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (HC_IS_AGENCY (self), FALSE);
  g_return_val_if_fail (HC_IS_AGENCY (from), FALSE);

  g_object_freeze_notify (G_OBJECT (self));
  SET_INT (datasets, PROP_DATASETS);
  SET_INT (records, PROP_RECORDS);
  SET_INT (change_known, PROP_CHANGE_KNOWN);
  SET_INT (below_warning, PROP_BELOW_WARNING);
  SET_INT (below_critical, PROP_BELOW_CRITICAL);
  SET_INT (feeds, PROP_FEEDS);
  SET_INT (feeds_failed, PROP_FEEDS_FAILED);
  SET_INT (feeds_lagging, PROP_FEEDS_LAGGING);
  SET_INT (weakest, PROP_WEAKEST_CRITERION);
  for (guint i = 0; i < G_N_ELEMENTS (self->scores); i++)
    if (!same_double (self->scores[i], from->scores[i]))
      {
        self->scores[i] = from->scores[i];
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE_CORRECT + i]);
        if (i == 4)
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_SCORE]);
        changed = TRUE;
      }
  if (!same_double (self->change, from->change))
    {
      self->change = from->change;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_CHANGE]);
      changed = TRUE;
    }
  /* memcmp() may not be given an empty array's NULL data. */
  if (self->trend->len != from->trend->len ||
      (from->trend->len > 0 &&
       memcmp (self->trend->data, from->trend->data, from->trend->len * sizeof (HcAgencyPoint)) != 0))
    {
      g_array_set_size (self->trend, 0);
      g_array_append_vals (self->trend, from->trend->data, from->trend->len);
      /* The trend has no property of its own: it goes with the change. */
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHANGE]);
      changed = TRUE;
    }
  g_object_thaw_notify (G_OBJECT (self));
  return changed;
}
