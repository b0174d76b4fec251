/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-enums.h"
#include "hc-item.h"
#include "hc-usage-point.h"

G_BEGIN_DECLS

#define HC_TYPE_POOL (hc_pool_get_type ())

G_DECLARE_FINAL_TYPE (HcPool, hc_pool, HC, POOL, HcItem)

/*
 * A storage pool. Properties: "name", "kind", "state", "capacity-bytes",
 * "used-bytes", "replication-scheme", "degraded-objects",
 * "misplaced-objects", "read-bps", "write-bps", "history" (GListModel of
 * HcUsagePoint, oldest first, never NULL).
 */
const char   *hc_pool_get_name               (HcPool *self);
HcPoolKind    hc_pool_get_kind               (HcPool *self);
HcPoolState   hc_pool_get_state              (HcPool *self);
guint64       hc_pool_get_capacity_bytes     (HcPool *self);
guint64       hc_pool_get_used_bytes         (HcPool *self);
const char   *hc_pool_get_replication_scheme (HcPool *self);
gint64        hc_pool_get_degraded_objects   (HcPool *self);
gint64        hc_pool_get_misplaced_objects  (HcPool *self);
guint64       hc_pool_get_read_bps           (HcPool *self);
guint64       hc_pool_get_write_bps          (HcPool *self);
GListModel   *hc_pool_get_history            (HcPool *self);

G_END_DECLS
