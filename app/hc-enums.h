/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The enumerations of the Hub API. Each value's nick is its exact wire
 * spelling, so parsing is g_enum_get_value_by_nick() and nothing else: an
 * unknown word is an error, never a silent default. Where an order makes
 * sense (severity, role) the numeric order is the rank, so views can sort
 * on the property.
 */

typedef enum { /*< prefix=HC_SOURCE_KIND >*/
  HC_SOURCE_KIND_BATCH,   /*< nick=batch >*/
  HC_SOURCE_KIND_STREAM,  /*< nick=stream >*/
  HC_SOURCE_KIND_API,     /*< nick=api >*/
} HcSourceKind;

typedef enum { /*< prefix=HC_SOURCE_STATUS >*/
  HC_SOURCE_STATUS_OK,      /*< nick=ok >*/
  HC_SOURCE_STATUS_LAGGING, /*< nick=lagging >*/
  HC_SOURCE_STATUS_FAILED,  /*< nick=failed >*/
  HC_SOURCE_STATUS_PAUSED,  /*< nick=paused >*/
} HcSourceStatus;

typedef enum { /*< prefix=HC_RUN_OUTCOME >*/
  HC_RUN_OUTCOME_SUCCESS, /*< nick=success >*/
  HC_RUN_OUTCOME_FAILURE, /*< nick=failure >*/
  HC_RUN_OUTCOME_RUNNING, /*< nick=running >*/
} HcRunOutcome;

typedef enum { /*< prefix=HC_CRITERION >*/
  HC_CRITERION_CORRECT,  /*< nick=correct >*/
  HC_CRITERION_COMPLETE, /*< nick=complete >*/
  HC_CRITERION_CLEAN,    /*< nick=clean >*/
  HC_CRITERION_LIVE,     /*< nick=live >*/
} HcCriterion;

typedef enum { /*< prefix=HC_POOL_KIND >*/
  HC_POOL_KIND_OBJECT, /*< nick=object >*/
  HC_POOL_KIND_BLOCK,  /*< nick=block >*/
  HC_POOL_KIND_FILE,   /*< nick=file >*/
} HcPoolKind;

typedef enum { /*< prefix=HC_POOL_STATE >*/
  HC_POOL_STATE_HEALTHY,  /*< nick=healthy >*/
  HC_POOL_STATE_DEGRADED, /*< nick=degraded >*/
  HC_POOL_STATE_CRITICAL, /*< nick=critical >*/
} HcPoolState;

typedef enum { /*< prefix=HC_NODE_STATE >*/
  HC_NODE_STATE_UP,          /*< nick=up >*/
  HC_NODE_STATE_DOWN,        /*< nick=down >*/
  HC_NODE_STATE_MAINTENANCE, /*< nick=maintenance >*/
} HcNodeState;

typedef enum { /*< prefix=HC_DISK_HEALTH >*/
  HC_DISK_HEALTH_OK,      /*< nick=ok >*/
  HC_DISK_HEALTH_WARNING, /*< nick=warning >*/
  HC_DISK_HEALTH_FAILING, /*< nick=failing >*/
} HcDiskHealth;

/* Ordered by rank: a numeric sort puts critical last (or first, descending). */
typedef enum { /*< prefix=HC_SEVERITY >*/
  HC_SEVERITY_LOW,      /*< nick=low >*/
  HC_SEVERITY_MEDIUM,   /*< nick=medium >*/
  HC_SEVERITY_HIGH,     /*< nick=high >*/
  HC_SEVERITY_CRITICAL, /*< nick=critical >*/
} HcSeverity;

typedef enum { /*< prefix=HC_ALERT_CATEGORY >*/
  HC_ALERT_CATEGORY_INTRUSION,            /*< nick=intrusion >*/
  HC_ALERT_CATEGORY_BRUTE_FORCE,          /*< nick=brute_force >*/
  HC_ALERT_CATEGORY_MALWARE,              /*< nick=malware >*/
  HC_ALERT_CATEGORY_DATA_EXFILTRATION,    /*< nick=data_exfiltration >*/
  HC_ALERT_CATEGORY_PRIVILEGE_ESCALATION, /*< nick=privilege_escalation >*/
  HC_ALERT_CATEGORY_POLICY_VIOLATION,     /*< nick=policy_violation >*/
  HC_ALERT_CATEGORY_DDOS,                 /*< nick=ddos >*/
  HC_ALERT_CATEGORY_INTEGRITY,            /*< nick=integrity >*/
  HC_ALERT_CATEGORY_OTHER,                /*< nick=other >*/
} HcAlertCategory;

typedef enum { /*< prefix=HC_ALERT_STATE >*/
  HC_ALERT_STATE_OPEN,         /*< nick=open >*/
  HC_ALERT_STATE_ACKNOWLEDGED, /*< nick=acknowledged >*/
  HC_ALERT_STATE_RESOLVED,     /*< nick=resolved >*/
} HcAlertState;

typedef enum { /*< prefix=HC_RESOLUTION >*/
  HC_RESOLUTION_NONE,           /*< nick=none >*/
  HC_RESOLUTION_FIXED,          /*< nick=fixed >*/
  HC_RESOLUTION_FALSE_POSITIVE, /*< nick=false_positive >*/
  HC_RESOLUTION_ACCEPTED_RISK,  /*< nick=accepted_risk >*/
  HC_RESOLUTION_DUPLICATE,      /*< nick=duplicate >*/
} HcResolution;

typedef enum { /*< prefix=HC_TIMELINE_ACTION >*/
  HC_TIMELINE_ACTION_DETECTED,     /*< nick=detected >*/
  HC_TIMELINE_ACTION_ESCALATED,    /*< nick=escalated >*/
  HC_TIMELINE_ACTION_ACKNOWLEDGED, /*< nick=acknowledged >*/
  HC_TIMELINE_ACTION_RESOLVED,     /*< nick=resolved >*/
  HC_TIMELINE_ACTION_COMMENT,      /*< nick=comment >*/
} HcTimelineAction;

typedef enum { /*< prefix=HC_AUDIT_ACTION >*/
  HC_AUDIT_ACTION_ALERT_ACKNOWLEDGE, /*< nick=alert.acknowledge >*/
  HC_AUDIT_ACTION_ALERT_RESOLVE,     /*< nick=alert.resolve >*/
  HC_AUDIT_ACTION_SOURCE_RETRY,      /*< nick=source.retry >*/
} HcAuditAction;

/* Ordered by power: each role can do everything the one before it can. */
typedef enum { /*< prefix=HC_ROLE >*/
  HC_ROLE_VIEWER,     /*< nick=viewer >*/
  HC_ROLE_OPERATOR,   /*< nick=operator >*/
  HC_ROLE_SUPERVISOR, /*< nick=supervisor >*/
} HcRole;

gboolean     hc_enum_from_nick (GType        enum_type,
                                const char  *nick,
                                int         *out_value);
const char  *hc_enum_to_nick   (GType        enum_type,
                                int          value);

G_END_DECLS

#include "hc-enum-types.h"
