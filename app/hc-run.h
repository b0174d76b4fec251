/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-enums.h"
#include "hc-item.h"

G_BEGIN_DECLS

#define HC_TYPE_RUN (hc_run_get_type ())

G_DECLARE_FINAL_TYPE (HcRun, hc_run, HC, RUN, HcItem)

/*
 * One ingestion run of a source. Times are unix seconds (UTC); 0 means
 * "not known" (finished_at of a running run).
 */
gint64        hc_run_get_started_at  (HcRun *self);
gint64        hc_run_get_finished_at (HcRun *self);
gint64        hc_run_get_records     (HcRun *self);
guint64       hc_run_get_bytes       (HcRun *self);
HcRunOutcome  hc_run_get_outcome     (HcRun *self);
const char   *hc_run_get_error       (HcRun *self);

G_END_DECLS
