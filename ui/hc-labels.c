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
    case HC_SEVERITY_LOW:
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
