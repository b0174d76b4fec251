/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-pool.h"

G_BEGIN_DECLS

#define HC_TYPE_POOL_DETAIL (hc_pool_detail_get_type ())

G_DECLARE_FINAL_TYPE (HcPoolDetail, hc_pool_detail, HC, POOL_DETAIL, GtkWidget)

HcPool     *hc_pool_detail_get_pool     (HcPoolDetail *self);
void        hc_pool_detail_set_pool     (HcPoolDetail *self,
                                         HcPool       *pool);
const char *hc_pool_detail_get_forecast (HcPoolDetail *self);

G_END_DECLS
