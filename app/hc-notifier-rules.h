/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "hc-alert.h"
#include "hc-enums.h"
#include "hc-node.h"
#include "hc-pool.h"
#include "hc-source.h"

G_BEGIN_DECLS

/*
 * What deserves a desktop notification and what it says: pure decisions,
 * no D-Bus, no clock of their own, so they are unit-tested on their own.
 * HcNotifier (hc-notifier.c) feeds them the hub's events and shows what
 * they return.
 */

typedef enum {
  HC_NOTICE_URGENCY_LOW,
  HC_NOTICE_URGENCY_NORMAL,
  HC_NOTICE_URGENCY_CRITICAL,
} HcNoticeUrgency;

typedef enum {
  HC_NOTICE_ALERT,
  HC_NOTICE_SOURCE,
  HC_NOTICE_POOL,
  HC_NOTICE_DISK,
  HC_NOTICE_HUB,
  HC_NOTICE_SUMMARY,
} HcNoticeKind;

/* Which notifications the operator wants (GSettings notify-*). */
typedef struct {
  HcSeverity min_severity;
  gboolean   alerts;
  gboolean   sources;
  gboolean   storage;
  gboolean   hubs;
} HcNoticePrefs;

/**
 * HcNotice:
 * @kind: what it is about
 * @tag: names the thing it is about within its hub ("alert/al-1",
 *   "disk/node-2/d-2", "hub"), so a later change can withdraw it
 * @list: the list "Open" shows ("alerts", "sources", "pools", "nodes"),
 *   or %NULL for the hub's overview
 * @item_id: (nullable): the row "Open" selects (a disk's node); %NULL
 *   for the whole list
 * @filter: (nullable): for a summary without a row, what the list is
 *   filtered to (an alert severity, a feed status)
 * @title: the notification's title, in the user's language
 * @body: its body, plain text (not markup)
 * @urgency: how loudly it asks
 * @acknowledge: whether "Acknowledge" may be offered (an open alert)
 * @severity: an alert's severity
 */
typedef struct {
  HcNoticeKind     kind;
  char            *tag;
  char            *list;
  char            *item_id;
  char            *filter;
  char            *title;
  char            *body;
  HcNoticeUrgency  urgency;
  gboolean         acknowledge;
  HcSeverity       severity;
} HcNotice;

void      hc_notice_free          (HcNotice            *notice);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcNotice, hc_notice_free)

HcNotice *hc_notice_for_alert     (const HcNoticePrefs *prefs,
                                   const char          *hub_name,
                                   HcAlert             *alert);
HcNotice *hc_notice_for_source    (const HcNoticePrefs *prefs,
                                   const char          *hub_name,
                                   HcSource            *source,
                                   int                  previous);
HcNotice *hc_notice_for_pool      (const HcNoticePrefs *prefs,
                                   const char          *hub_name,
                                   HcPool              *pool,
                                   int                  previous);
HcNotice *hc_notice_for_disk      (const HcNoticePrefs *prefs,
                                   const char          *hub_name,
                                   HcNode              *node,
                                   HcDisk              *disk,
                                   int                  previous);
HcNotice *hc_notice_for_hub_down  (const HcNoticePrefs *prefs,
                                   const char          *hub_name,
                                   gboolean             signed_out,
                                   const char          *reason,
                                   gint64               seconds);
HcNotice *hc_notice_for_hub_back  (const HcNoticePrefs *prefs,
                                   const char          *hub_name,
                                   gint64               seconds);
HcNotice *hc_notice_summary       (const char          *hub_name,
                                   HcNotice * const    *notices,
                                   guint                n_notices);

char     *hc_notice_tag           (HcNoticeKind         kind,
                                   const char          *id,
                                   const char          *sub_id);

/* Burst grouping: more than HC_NOTICE_BURST_MAX notifications of one hub
 * within HC_NOTICE_BURST_WINDOW become one summary, which takes every
 * further one until the hub has been quiet for the window. */
#define HC_NOTICE_BURST_MAX    3
#define HC_NOTICE_BURST_WINDOW (10 * G_USEC_PER_SEC)

typedef struct {
  gint64 times[HC_NOTICE_BURST_MAX];
  guint  n_times;
  gint64 summary_until;
} HcNoticeBurst;

gboolean  hc_notice_burst_add     (HcNoticeBurst       *burst,
                                   gint64               now);

gboolean  hc_notice_parse_event_id (const char         *id,
                                    guint64            *out);

G_END_DECLS
