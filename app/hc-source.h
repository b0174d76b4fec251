/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-enums.h"
#include "hc-item.h"
#include "hc-run.h"

G_BEGIN_DECLS

#define HC_TYPE_SOURCE (hc_source_get_type ())

G_DECLARE_FINAL_TYPE (HcSource, hc_source, HC, SOURCE, HcItem)

/*
 * A feed into the hub. Properties (read-only): "name", "agency", "kind",
 * "status", "schedule", "agreed-delay-seconds" (0 when not declared),
 * "last-success-at" (0 when never), "lag-seconds",
 * "records-per-second", "last-run" (HcRun, nullable), "runs" (GListModel of
 * HcRun; NULL until the detail was fetched), "status-rank" (how much the
 * status needs an operator, ok 0 < paused 1 < lagging 2 < failed 3, for
 * GtkNumericSorter, which cannot sort enum properties).
 */
const char     *hc_source_get_name               (HcSource *self);
const char     *hc_source_get_agency             (HcSource *self);
HcSourceKind    hc_source_get_kind               (HcSource *self);
HcSourceStatus  hc_source_get_status             (HcSource *self);
const char     *hc_source_get_schedule           (HcSource *self);
gint64          hc_source_get_agreed_delay_seconds (HcSource *self);
gint64          hc_source_get_last_success_at    (HcSource *self);
gint64          hc_source_get_lag_seconds        (HcSource *self);
double          hc_source_get_records_per_second (HcSource *self);
HcRun          *hc_source_get_last_run           (HcSource *self);
GListModel     *hc_source_get_runs               (HcSource *self);
gint64          hc_source_get_status_rank        (HcSource *self);

G_END_DECLS
