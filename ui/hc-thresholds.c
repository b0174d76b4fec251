/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-labels.h"
#include "hc-thresholds.h"

/*
 * The two quality scores below which a score reads as a warning and as
 * critical. The settings hold them (score-warning-below,
 * score-critical-below); the quality page owns one of these bound to
 * them and hands it to what colours a score, whose bindings follow its
 * properties. Nothing global: a test makes its own and sets it.
 */
struct _HcThresholds
{
  GObject parent_instance;

  double  warning_below;
  double  critical_below;
};

G_DEFINE_FINAL_TYPE (HcThresholds, hc_thresholds, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WARNING_BELOW,
  PROP_CRITICAL_BELOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hc_thresholds_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcThresholds *self = HC_THRESHOLDS (object);

  switch (prop_id)
    {
    case PROP_WARNING_BELOW:
      g_value_set_double (value, self->warning_below);
      break;

    case PROP_CRITICAL_BELOW:
      g_value_set_double (value, self->critical_below);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_thresholds_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HcThresholds *self = HC_THRESHOLDS (object);

  switch (prop_id)
    {
    case PROP_WARNING_BELOW:
      hc_thresholds_set (self, g_value_get_double (value), self->critical_below);
      break;

    case PROP_CRITICAL_BELOW:
      hc_thresholds_set (self, self->warning_below, g_value_get_double (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_thresholds_class_init (HcThresholdsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hc_thresholds_get_property;
  object_class->set_property = hc_thresholds_set_property;

  /* The defaults are the schema's. */
  properties[PROP_WARNING_BELOW] =
    g_param_spec_double ("warning-below", NULL, NULL, 0, 100, 80,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CRITICAL_BELOW] =
    g_param_spec_double ("critical-below", NULL, NULL, 0, 100, 60,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_thresholds_init (HcThresholds *self)
{
  self->warning_below = 80;
  self->critical_below = 60;
}

HcThresholds *
hc_thresholds_new (void)
{
  return g_object_new (HC_TYPE_THRESHOLDS, NULL);
}

/**
 * hc_thresholds_bind_settings:
 * Follows the settings' score-warning-below and score-critical-below.
 */
void
hc_thresholds_bind_settings (HcThresholds *self,
                             GSettings    *settings)
{
  g_return_if_fail (HC_IS_THRESHOLDS (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  g_settings_bind (settings, "score-warning-below", self, "warning-below", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "score-critical-below", self, "critical-below", G_SETTINGS_BIND_GET);
}

void
hc_thresholds_set (HcThresholds *self,
                   double        warning_below,
                   double        critical_below)
{
  g_return_if_fail (HC_IS_THRESHOLDS (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (self->warning_below != warning_below)
    {
      self->warning_below = warning_below;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING_BELOW]);
    }
  if (self->critical_below != critical_below)
    {
      self->critical_below = critical_below;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CRITICAL_BELOW]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

double
hc_thresholds_get_warning_below (HcThresholds *self)
{
  g_return_val_if_fail (HC_IS_THRESHOLDS (self), 80);

  return self->warning_below;
}

double
hc_thresholds_get_critical_below (HcThresholds *self)
{
  g_return_val_if_fail (HC_IS_THRESHOLDS (self), 60);

  return self->critical_below;
}

/**
 * hc_thresholds_level:
 * How @score reads: critical, warning or fine.
 */
HcLevel
hc_thresholds_level (HcThresholds *self,
                     double        score)
{
  g_return_val_if_fail (HC_IS_THRESHOLDS (self), HC_LEVEL_UNKNOWN);

  return hc_score_level (score, self->warning_below, self->critical_below);
}
