/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-fields.h"
#include "hc-overview.h"

struct _HcOverview
{
  GObject parent_instance;

  gint64 generated_at;
  gint64 sources_total;
  gint64 sources_ok;
  gint64 sources_lagging;
  gint64 sources_failed;
  gint64 sources_paused;
  gint64 datasets;
  double score_correct;
  double score_complete;
  double score_clean;
  double score_live;
  double score_overall;
  double weight_correct;
  double weight_complete;
  double weight_clean;
  double weight_live;
  guint64 storage_used_bytes;
  guint64 storage_capacity_bytes;
  gint64 pools_healthy;
  gint64 pools_degraded;
  gint64 pools_critical;
  gint64 nodes_up;
  gint64 nodes_down;
  gint64 nodes_maintenance;
  gint64 disks_ok;
  gint64 disks_warning;
  gint64 disks_failing;
  gint64 alerts_open_critical;
  gint64 alerts_open_high;
  gint64 alerts_open_medium;
  gint64 alerts_open_low;
  gint64 alerts_acknowledged_critical;
  gint64 alerts_acknowledged_high;
  gint64 alerts_acknowledged_medium;
  gint64 alerts_acknowledged_low;
  gint64 alerts_open_total;
  gint64 alerts_acknowledged_total;
};

G_DEFINE_FINAL_TYPE (HcOverview, hc_overview, G_TYPE_OBJECT)

static const HcField fields[] = {
  { .property = "generated-at",
    .json = "generated_at",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, generated_at) },
  { .property = "sources-total",
    .json = "sources.total",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, sources_total),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "sources-ok",
    .json = "sources.by_status.ok",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, sources_ok),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "sources-lagging",
    .json = "sources.by_status.lagging",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, sources_lagging),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "sources-failed",
    .json = "sources.by_status.failed",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, sources_failed),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "sources-paused",
    .json = "sources.by_status.paused",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, sources_paused),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "datasets",
    .json = "quality.datasets",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, datasets),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "score-correct",
    .json = "quality.mean.correct",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcOverview, score_correct) },
  { .property = "score-complete",
    .json = "quality.mean.complete",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcOverview, score_complete) },
  { .property = "score-clean",
    .json = "quality.mean.clean",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcOverview, score_clean) },
  { .property = "score-live",
    .json = "quality.mean.live",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcOverview, score_live) },
  { .property = "score-overall",
    .json = "quality.mean.overall",
    .kind = HC_FIELD_SCORE,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcOverview, score_overall) },
  { .property = "weight-correct",
    .json = "quality.weights.correct",
    .kind = HC_FIELD_DOUBLE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, weight_correct),
    .dmin = 0.0,
    .dmax = 1.0 },
  { .property = "weight-complete",
    .json = "quality.weights.complete",
    .kind = HC_FIELD_DOUBLE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, weight_complete),
    .dmin = 0.0,
    .dmax = 1.0 },
  { .property = "weight-clean",
    .json = "quality.weights.clean",
    .kind = HC_FIELD_DOUBLE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, weight_clean),
    .dmin = 0.0,
    .dmax = 1.0 },
  { .property = "weight-live",
    .json = "quality.weights.live",
    .kind = HC_FIELD_DOUBLE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, weight_live),
    .dmin = 0.0,
    .dmax = 1.0 },
  { .property = "storage-used-bytes",
    .json = "storage.used_bytes",
    .kind = HC_FIELD_BYTES,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, storage_used_bytes) },
  { .property = "storage-capacity-bytes",
    .json = "storage.capacity_bytes",
    .kind = HC_FIELD_BYTES,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, storage_capacity_bytes) },
  { .property = "pools-healthy",
    .json = "storage.pools_by_state.healthy",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, pools_healthy),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "pools-degraded",
    .json = "storage.pools_by_state.degraded",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, pools_degraded),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "pools-critical",
    .json = "storage.pools_by_state.critical",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, pools_critical),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "nodes-up",
    .json = "storage.nodes_by_state.up",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, nodes_up),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "nodes-down",
    .json = "storage.nodes_by_state.down",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, nodes_down),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "nodes-maintenance",
    .json = "storage.nodes_by_state.maintenance",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, nodes_maintenance),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "disks-ok",
    .json = "storage.disks_by_health.ok",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, disks_ok),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "disks-warning",
    .json = "storage.disks_by_health.warning",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, disks_warning),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "disks-failing",
    .json = "storage.disks_by_health.failing",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, disks_failing),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "alerts-open-critical",
    .json = "alerts.open_by_severity.critical",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, alerts_open_critical),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "alerts-open-high",
    .json = "alerts.open_by_severity.high",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, alerts_open_high),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "alerts-open-medium",
    .json = "alerts.open_by_severity.medium",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, alerts_open_medium),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "alerts-open-low",
    .json = "alerts.open_by_severity.low",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, alerts_open_low),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "alerts-acknowledged-critical",
    .json = "alerts.acknowledged_by_severity.critical",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, alerts_acknowledged_critical),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "alerts-acknowledged-high",
    .json = "alerts.acknowledged_by_severity.high",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, alerts_acknowledged_high),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "alerts-acknowledged-medium",
    .json = "alerts.acknowledged_by_severity.medium",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, alerts_acknowledged_medium),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "alerts-acknowledged-low",
    .json = "alerts.acknowledged_by_severity.low",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, alerts_acknowledged_low),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "alerts-open-total",
    .json = "alerts.open_total",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, alerts_open_total),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "alerts-acknowledged-total",
    .json = "alerts.acknowledged_total",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcOverview, alerts_acknowledged_total),
    .min = 0,
    .max = G_MAXINT64 },
};

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), NULL };

static void
hc_overview_class_init (HcOverviewClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_overview_init (HcOverview *self)
{
}

gint64
hc_overview_get_generated_at (HcOverview *self)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  return self->generated_at;
}

gint64
hc_overview_get_sources_total (HcOverview *self)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  return self->sources_total;
}

gint64
hc_overview_get_datasets (HcOverview *self)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  return self->datasets;
}

guint64
hc_overview_get_storage_used_bytes (HcOverview *self)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  return self->storage_used_bytes;
}

guint64
hc_overview_get_storage_capacity_bytes (HcOverview *self)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  return self->storage_capacity_bytes;
}

gint64
hc_overview_get_sources (HcOverview *self,
                         HcSourceStatus status)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  switch (status)
    {
    case HC_SOURCE_STATUS_OK: return self->sources_ok;
    case HC_SOURCE_STATUS_LAGGING: return self->sources_lagging;
    case HC_SOURCE_STATUS_FAILED: return self->sources_failed;
    case HC_SOURCE_STATUS_PAUSED: return self->sources_paused;
    default: g_return_val_if_reached (0);
    }
}

/* NAN when the hub has no datasets to average. */
double
hc_overview_get_score (HcOverview *self,
                       HcCriterion criterion)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0.0);

  switch (criterion)
    {
    case HC_CRITERION_CORRECT: return self->score_correct;
    case HC_CRITERION_COMPLETE: return self->score_complete;
    case HC_CRITERION_CLEAN: return self->score_clean;
    case HC_CRITERION_LIVE: return self->score_live;
    default: g_return_val_if_reached (0.0);
    }
}

double
hc_overview_get_overall (HcOverview *self)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0.0);

  return self->score_overall;
}

double
hc_overview_get_weight (HcOverview *self,
                        HcCriterion criterion)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0.0);

  switch (criterion)
    {
    case HC_CRITERION_CORRECT: return self->weight_correct;
    case HC_CRITERION_COMPLETE: return self->weight_complete;
    case HC_CRITERION_CLEAN: return self->weight_clean;
    case HC_CRITERION_LIVE: return self->weight_live;
    default: g_return_val_if_reached (0.0);
    }
}

gint64
hc_overview_get_pools (HcOverview *self,
                       HcPoolState state)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  switch (state)
    {
    case HC_POOL_STATE_HEALTHY: return self->pools_healthy;
    case HC_POOL_STATE_DEGRADED: return self->pools_degraded;
    case HC_POOL_STATE_CRITICAL: return self->pools_critical;
    default: g_return_val_if_reached (0);
    }
}

gint64
hc_overview_get_nodes (HcOverview *self,
                       HcNodeState state)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  switch (state)
    {
    case HC_NODE_STATE_UP: return self->nodes_up;
    case HC_NODE_STATE_DOWN: return self->nodes_down;
    case HC_NODE_STATE_MAINTENANCE: return self->nodes_maintenance;
    default: g_return_val_if_reached (0);
    }
}

gint64
hc_overview_get_disks (HcOverview *self,
                       HcDiskHealth health)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  switch (health)
    {
    case HC_DISK_HEALTH_OK: return self->disks_ok;
    case HC_DISK_HEALTH_WARNING: return self->disks_warning;
    case HC_DISK_HEALTH_FAILING: return self->disks_failing;
    default: g_return_val_if_reached (0);
    }
}

gint64
hc_overview_get_open_alerts_total (HcOverview *self)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  return self->alerts_open_total;
}

gint64
hc_overview_get_open_alerts (HcOverview *self,
                             HcSeverity severity)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  switch (severity)
    {
    case HC_SEVERITY_CRITICAL: return self->alerts_open_critical;
    case HC_SEVERITY_HIGH: return self->alerts_open_high;
    case HC_SEVERITY_MEDIUM: return self->alerts_open_medium;
    case HC_SEVERITY_LOW: return self->alerts_open_low;
    default: g_return_val_if_reached (0);
    }
}

gint64
hc_overview_get_acknowledged_alerts_total (HcOverview *self)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  return self->alerts_acknowledged_total;
}

gint64
hc_overview_get_acknowledged_alerts (HcOverview *self,
                                     HcSeverity severity)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), 0);

  switch (severity)
    {
    case HC_SEVERITY_CRITICAL: return self->alerts_acknowledged_critical;
    case HC_SEVERITY_HIGH: return self->alerts_acknowledged_high;
    case HC_SEVERITY_MEDIUM: return self->alerts_acknowledged_medium;
    case HC_SEVERITY_LOW: return self->alerts_acknowledged_low;
    default: g_return_val_if_reached (0);
    }
}

/**
 * hc_overview_update_from:
 * Copies @other into @self, notifying only what changed, so the overview
 * page can stay bound to one object across refreshes.
 */
gboolean
hc_overview_update_from (HcOverview *self,
                         HcOverview *other)
{
  g_return_val_if_fail (HC_IS_OVERVIEW (self), FALSE);
  g_return_val_if_fail (HC_IS_OVERVIEW (other), FALSE);

  return hc_fields_update (G_OBJECT (self), G_OBJECT (other));
}
