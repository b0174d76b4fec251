/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-enums.h"
#include "hc-item.h"

G_BEGIN_DECLS

#define HC_TYPE_DISK (hc_disk_get_type ())

G_DECLARE_FINAL_TYPE (HcDisk, hc_disk, HC, DISK, HcItem)

/* A disk of a storage node. */
const char    *hc_disk_get_serial              (HcDisk *self);
const char    *hc_disk_get_model               (HcDisk *self);
guint64        hc_disk_get_capacity_bytes      (HcDisk *self);
HcDiskHealth   hc_disk_get_health              (HcDisk *self);
gint64         hc_disk_get_temperature_c       (HcDisk *self);
gint64         hc_disk_get_reallocated_sectors (HcDisk *self);
gint64         hc_disk_get_power_on_hours      (HcDisk *self);

G_END_DECLS
