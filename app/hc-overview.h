/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hc-enums.h"

G_BEGIN_DECLS

#define HC_TYPE_OVERVIEW (hc_overview_get_type ())

G_DECLARE_FINAL_TYPE (HcOverview, hc_overview, HC, OVERVIEW, GObject)

/*
 * The hub at a glance (GET /overview, schema Overview in data/hub-api.yaml).
 * Properties are the body's fields flattened: "generated-at",
 * "sources-total", "sources-ok", "sources-lagging", "sources-failed",
 * "sources-paused", "datasets", "score-correct", "score-complete",
 * "score-clean", "score-live", "score-overall", "weight-correct", ...,
 * "storage-used-bytes", "storage-capacity-bytes", "pools-healthy",
 * "pools-degraded", "pools-critical", "nodes-up", "nodes-down",
 * "nodes-maintenance", "disks-ok", "disks-warning", "disks-failing",
 * "alerts-open-total", "alerts-open-critical", "-high", "-medium", "-low",
 * "alerts-acknowledged-total", "alerts-acknowledged-critical", ...
 */
gint64   hc_overview_get_generated_at           (HcOverview     *self);
gint64   hc_overview_get_sources_total          (HcOverview     *self);
gint64   hc_overview_get_sources                (HcOverview     *self,
                                                 HcSourceStatus  status);
gint64   hc_overview_get_datasets               (HcOverview     *self);
double   hc_overview_get_score                  (HcOverview     *self,
                                                 HcCriterion     criterion);
double   hc_overview_get_overall                (HcOverview     *self);
double   hc_overview_get_weight                 (HcOverview     *self,
                                                 HcCriterion     criterion);
guint64  hc_overview_get_storage_capacity_bytes (HcOverview     *self);
guint64  hc_overview_get_storage_used_bytes     (HcOverview     *self);
gint64   hc_overview_get_pools                  (HcOverview     *self,
                                                 HcPoolState     state);
gint64   hc_overview_get_nodes                  (HcOverview     *self,
                                                 HcNodeState     state);
gint64   hc_overview_get_disks                  (HcOverview     *self,
                                                 HcDiskHealth    health);
gint64   hc_overview_get_open_alerts_total      (HcOverview     *self);
gint64   hc_overview_get_open_alerts            (HcOverview     *self,
                                                 HcSeverity      severity);
gint64   hc_overview_get_acknowledged_alerts_total (HcOverview  *self);
gint64   hc_overview_get_acknowledged_alerts    (HcOverview     *self,
                                                 HcSeverity      severity);

gboolean hc_overview_update_from                (HcOverview     *self,
                                                 HcOverview     *other);

G_END_DECLS
