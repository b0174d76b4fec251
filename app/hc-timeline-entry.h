/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-enums.h"

G_BEGIN_DECLS

#define HC_TYPE_TIMELINE_ENTRY (hc_timeline_entry_get_type ())

G_DECLARE_FINAL_TYPE (HcTimelineEntry, hc_timeline_entry, HC, TIMELINE_ENTRY, GObject)

/* One action on an alert: who did what, when, and why. */
gint64       hc_timeline_entry_get_at      (HcTimelineEntry *self);
const char  *hc_timeline_entry_get_actor   (HcTimelineEntry *self);
HcTimelineAction hc_timeline_entry_get_action (HcTimelineEntry *self);
const char  *hc_timeline_entry_get_comment (HcTimelineEntry *self);

G_END_DECLS
