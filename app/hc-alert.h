/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-enums.h"
#include "hc-item.h"
#include "hc-timeline-entry.h"

G_BEGIN_DECLS

#define HC_ALERT_MAX_LABELS 128

#define HC_TYPE_ALERT (hc_alert_get_type ())

G_DECLARE_FINAL_TYPE (HcAlert, hc_alert, HC, ALERT, HcItem)

/*
 * A security alert. Properties: "severity", "category", "title",
 * "description", "asset", "source-ip", "detected-at", "state",
 * "acknowledged-by", "acknowledged-at", "resolved-by", "resolved-at", "resolution",
 * "events-count", "timeline" (GListModel of HcTimelineEntry, NULL until
 * the detail was fetched), "severity-rank" (the severity as an integer:
 * GtkNumericSorter cannot sort enum properties). Times are unix seconds
 * UTC, 0 when not set.
 *
 * Beyond the Hub API, for other kinds of hub (an Alertmanager):
 * "severity-text" (a severity none of the four, shown as it is, with
 * severity-rank -1 so it sorts last), "category-text", "labels" and
 * "annotations" ("name=value"), "generator-url", "silence-id",
 * "acknowledged-until", "acknowledged-comment".
 */
HcSeverity       hc_alert_get_severity        (HcAlert *self);
HcAlertCategory  hc_alert_get_category        (HcAlert *self);
const char      *hc_alert_get_title           (HcAlert *self);
const char      *hc_alert_get_description     (HcAlert *self);
const char      *hc_alert_get_asset           (HcAlert *self);
const char      *hc_alert_get_source_ip       (HcAlert *self);
gint64           hc_alert_get_detected_at     (HcAlert *self);
HcAlertState     hc_alert_get_state           (HcAlert *self);
const char      *hc_alert_get_acknowledged_by (HcAlert *self);
gint64           hc_alert_get_acknowledged_at (HcAlert *self);
const char      *hc_alert_get_resolved_by     (HcAlert *self);
gint64           hc_alert_get_resolved_at     (HcAlert *self);
HcResolution     hc_alert_get_resolution      (HcAlert *self);
gint64           hc_alert_get_events_count    (HcAlert *self);
GListModel      *hc_alert_get_timeline        (HcAlert *self);
gint64           hc_alert_get_severity_rank   (HcAlert *self);
const char      *hc_alert_get_severity_text   (HcAlert *self);
const char      *hc_alert_get_category_text   (HcAlert *self);
const char * const *hc_alert_get_labels       (HcAlert *self);
const char * const *hc_alert_get_annotations  (HcAlert *self);
const char      *hc_alert_get_generator_url   (HcAlert *self);
const char      *hc_alert_get_silence_id      (HcAlert *self);
gint64           hc_alert_get_acknowledged_until (HcAlert *self);
const char      *hc_alert_get_acknowledged_comment (HcAlert *self);

G_END_DECLS
