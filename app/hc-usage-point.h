/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HC_TYPE_USAGE_POINT (hc_usage_point_get_type ())

G_DECLARE_FINAL_TYPE (HcUsagePoint, hc_usage_point, HC, USAGE_POINT, GObject)

/* One day of a pool's usage history; "date" is unix seconds of midnight UTC. */
gint64   hc_usage_point_get_date       (HcUsagePoint *self);
guint64  hc_usage_point_get_used_bytes (HcUsagePoint *self);

G_END_DECLS
