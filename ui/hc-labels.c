/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-labels.h"

const char *
hc_source_status_label (HcSourceStatus status)
{
  switch (status)
    {
    case HC_SOURCE_STATUS_OK:      return C_("source status", "OK");
    case HC_SOURCE_STATUS_LAGGING: return C_("source status", "Lagging");
    case HC_SOURCE_STATUS_FAILED:  return C_("source status", "Failed");
    case HC_SOURCE_STATUS_PAUSED:  return C_("source status", "Paused");
    default:                       return "";
    }
}

HcLevel
hc_source_status_level (HcSourceStatus status)
{
  switch (status)
    {
    case HC_SOURCE_STATUS_OK:      return HC_LEVEL_OK;
    case HC_SOURCE_STATUS_LAGGING: return HC_LEVEL_WARNING;
    case HC_SOURCE_STATUS_FAILED:  return HC_LEVEL_ERROR;
    case HC_SOURCE_STATUS_PAUSED:
    default:                       return HC_LEVEL_NEUTRAL;
    }
}

const char *
hc_source_kind_label (HcSourceKind kind)
{
  switch (kind)
    {
    case HC_SOURCE_KIND_BATCH:  return C_("source kind", "Batch");
    case HC_SOURCE_KIND_STREAM: return C_("source kind", "Stream");
    case HC_SOURCE_KIND_API:    return C_("source kind", "API");
    default:                    return "";
    }
}

const char *
hc_run_outcome_label (HcRunOutcome outcome)
{
  switch (outcome)
    {
    case HC_RUN_OUTCOME_SUCCESS: return C_("run outcome", "Succeeded");
    case HC_RUN_OUTCOME_FAILURE: return C_("run outcome", "Failed");
    case HC_RUN_OUTCOME_RUNNING: return C_("run outcome", "Running");
    default:                     return "";
    }
}

HcLevel
hc_run_outcome_level (HcRunOutcome outcome)
{
  switch (outcome)
    {
    case HC_RUN_OUTCOME_SUCCESS: return HC_LEVEL_OK;
    case HC_RUN_OUTCOME_FAILURE: return HC_LEVEL_ERROR;
    case HC_RUN_OUTCOME_RUNNING:
    default:                     return HC_LEVEL_NEUTRAL;
    }
}

const char *
hc_criterion_label (HcCriterion criterion)
{
  /* The four words of the standard; the Vietnamese ones are the originals. */
  switch (criterion)
    {
    case HC_CRITERION_CORRECT:  return C_("criterion", "Correct");
    case HC_CRITERION_COMPLETE: return C_("criterion", "Complete");
    case HC_CRITERION_CLEAN:    return C_("criterion", "Clean");
    case HC_CRITERION_LIVE:     return C_("criterion", "Live");
    default:                    return "";
    }
}

const char *
hc_pool_state_label (HcPoolState state)
{
  switch (state)
    {
    case HC_POOL_STATE_HEALTHY:  return C_("pool state", "Healthy");
    case HC_POOL_STATE_DEGRADED: return C_("pool state", "Degraded");
    case HC_POOL_STATE_CRITICAL: return C_("pool state", "Critical");
    default:                     return "";
    }
}

HcLevel
hc_pool_state_level (HcPoolState state)
{
  switch (state)
    {
    case HC_POOL_STATE_HEALTHY:  return HC_LEVEL_OK;
    case HC_POOL_STATE_DEGRADED: return HC_LEVEL_WARNING;
    case HC_POOL_STATE_CRITICAL: return HC_LEVEL_ERROR;
    default:                     return HC_LEVEL_NEUTRAL;
    }
}

const char *
hc_severity_label (HcSeverity severity)
{
  switch (severity)
    {
    case HC_SEVERITY_LOW:      return C_("severity", "Low");
    case HC_SEVERITY_MEDIUM:   return C_("severity", "Medium");
    case HC_SEVERITY_HIGH:     return C_("severity", "High");
    case HC_SEVERITY_CRITICAL: return C_("severity", "Critical");
    default:                   return "";
    }
}

HcLevel
hc_severity_level (HcSeverity severity)
{
  switch (severity)
    {
    case HC_SEVERITY_CRITICAL:
    case HC_SEVERITY_HIGH:     return HC_LEVEL_ERROR;
    case HC_SEVERITY_MEDIUM:   return HC_LEVEL_WARNING;
    case HC_SEVERITY_LOW:      return HC_LEVEL_INFO;
    default:                   return HC_LEVEL_NEUTRAL;
    }
}

const char *
hc_alert_state_label (HcAlertState state)
{
  switch (state)
    {
    case HC_ALERT_STATE_OPEN:         return C_("alert state", "Open");
    case HC_ALERT_STATE_ACKNOWLEDGED: return C_("alert state", "Acknowledged");
    case HC_ALERT_STATE_RESOLVED:     return C_("alert state", "Resolved");
    default:                          return "";
    }
}

const char *
hc_role_label (HcRole role)
{
  switch (role)
    {
    case HC_ROLE_VIEWER:     return C_("role", "Viewer");
    case HC_ROLE_OPERATOR:   return C_("role", "Operator");
    case HC_ROLE_SUPERVISOR: return C_("role", "Supervisor");
    default:                 return "";
    }
}

/**
 * hc_score_level:
 * A quality score against the thresholds from settings.
 */
HcLevel
hc_score_level (double score,
                double warning_below,
                double critical_below)
{
  if (score < critical_below)
    return HC_LEVEL_ERROR;
  if (score < warning_below)
    return HC_LEVEL_WARNING;
  return HC_LEVEL_OK;
}

const char *
hc_pool_kind_label (HcPoolKind kind)
{
  switch (kind)
    {
    case HC_POOL_KIND_OBJECT: return C_("pool kind", "Object");
    case HC_POOL_KIND_BLOCK:  return C_("pool kind", "Block");
    case HC_POOL_KIND_FILE:   return C_("pool kind", "File");
    default:                  return "";
    }
}

const char *
hc_node_state_label (HcNodeState state)
{
  switch (state)
    {
    case HC_NODE_STATE_UP:          return C_("node state", "Up");
    case HC_NODE_STATE_DOWN:        return C_("node state", "Down");
    case HC_NODE_STATE_MAINTENANCE: return C_("node state", "Maintenance");
    default:                        return "";
    }
}

HcLevel
hc_node_state_level (HcNodeState state)
{
  switch (state)
    {
    case HC_NODE_STATE_UP:          return HC_LEVEL_OK;
    case HC_NODE_STATE_DOWN:        return HC_LEVEL_ERROR;
    case HC_NODE_STATE_MAINTENANCE:
    default:                        return HC_LEVEL_NEUTRAL;
    }
}

const char *
hc_disk_health_label (HcDiskHealth health)
{
  switch (health)
    {
    case HC_DISK_HEALTH_OK:      return C_("disk health", "OK");
    case HC_DISK_HEALTH_WARNING: return C_("disk health", "Warning");
    case HC_DISK_HEALTH_FAILING: return C_("disk health", "Failing");
    default:                     return "";
    }
}

HcLevel
hc_disk_health_level (HcDiskHealth health)
{
  switch (health)
    {
    case HC_DISK_HEALTH_OK:      return HC_LEVEL_OK;
    case HC_DISK_HEALTH_WARNING: return HC_LEVEL_WARNING;
    case HC_DISK_HEALTH_FAILING: return HC_LEVEL_ERROR;
    default:                     return HC_LEVEL_NEUTRAL;
    }
}

/* Open alerts wait for someone; acknowledged ones have an owner. */
HcLevel
hc_alert_state_level (HcAlertState state)
{
  switch (state)
    {
    case HC_ALERT_STATE_OPEN:         return HC_LEVEL_WARNING;
    case HC_ALERT_STATE_RESOLVED:     return HC_LEVEL_OK;
    case HC_ALERT_STATE_ACKNOWLEDGED:
    default:                          return HC_LEVEL_NEUTRAL;
    }
}

const char *
hc_alert_category_label (HcAlertCategory category)
{
  switch (category)
    {
    case HC_ALERT_CATEGORY_INTRUSION:            return C_("alert category", "Intrusion");
    case HC_ALERT_CATEGORY_BRUTE_FORCE:          return C_("alert category", "Brute force");
    case HC_ALERT_CATEGORY_MALWARE:              return C_("alert category", "Malware");
    case HC_ALERT_CATEGORY_DATA_EXFILTRATION:    return C_("alert category", "Data exfiltration");
    case HC_ALERT_CATEGORY_PRIVILEGE_ESCALATION: return C_("alert category", "Privilege escalation");
    case HC_ALERT_CATEGORY_POLICY_VIOLATION:     return C_("alert category", "Policy violation");
    case HC_ALERT_CATEGORY_DDOS:                 return C_("alert category", "Denial of service");
    case HC_ALERT_CATEGORY_INTEGRITY:            return C_("alert category", "Integrity");
    case HC_ALERT_CATEGORY_OTHER:                return C_("alert category", "Other");
    default:                                     return "";
    }
}

const char *
hc_resolution_label (HcResolution resolution)
{
  switch (resolution)
    {
    case HC_RESOLUTION_FIXED:          return C_("resolution", "Fixed");
    case HC_RESOLUTION_FALSE_POSITIVE: return C_("resolution", "False positive");
    case HC_RESOLUTION_ACCEPTED_RISK:  return C_("resolution", "Accepted risk");
    case HC_RESOLUTION_DUPLICATE:      return C_("resolution", "Duplicate");
    case HC_RESOLUTION_NONE:
    default:                           return "";
    }
}

const char *
hc_timeline_action_label (HcTimelineAction action)
{
  switch (action)
    {
    case HC_TIMELINE_ACTION_DETECTED:     return C_("timeline action", "Detected");
    case HC_TIMELINE_ACTION_ESCALATED:    return C_("timeline action", "Escalated");
    case HC_TIMELINE_ACTION_ACKNOWLEDGED: return C_("timeline action", "Acknowledged");
    case HC_TIMELINE_ACTION_RESOLVED:     return C_("timeline action", "Resolved");
    case HC_TIMELINE_ACTION_COMMENT:      return C_("timeline action", "Commented");
    default:                              return "";
    }
}
