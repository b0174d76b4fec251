/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-enums.h"
#include "hc-status-badge.h"

G_BEGIN_DECLS

/* The words and levels the screens show for the hub's states. */
const char *hc_source_status_label (HcSourceStatus status);
HcLevel     hc_source_status_level (HcSourceStatus status);
const char *hc_source_kind_label   (HcSourceKind   kind);
const char *hc_run_outcome_label   (HcRunOutcome   outcome);
HcLevel     hc_run_outcome_level   (HcRunOutcome   outcome);
const char *hc_criterion_label     (HcCriterion    criterion);
const char *hc_pool_state_label    (HcPoolState    state);
HcLevel     hc_pool_state_level    (HcPoolState    state);
const char *hc_severity_label      (HcSeverity     severity);
HcLevel     hc_severity_level      (HcSeverity     severity);
const char *hc_alert_state_label   (HcAlertState   state);
const char *hc_role_label          (HcRole         role);
HcLevel     hc_score_level         (double         score,
                                    double         warning_below,
                                    double         critical_below);

/* Storage and security pages. */
const char *hc_pool_kind_label        (HcPoolKind       kind);
const char *hc_node_state_label       (HcNodeState      state);
HcLevel     hc_node_state_level       (HcNodeState      state);
const char *hc_disk_health_label      (HcDiskHealth     health);
HcLevel     hc_disk_health_level      (HcDiskHealth     health);
HcLevel     hc_alert_state_level      (HcAlertState     state);
const char *hc_alert_category_label   (HcAlertCategory  category);
const char *hc_resolution_label       (HcResolution     resolution);
const char *hc_timeline_action_label  (HcTimelineAction action);

G_END_DECLS
