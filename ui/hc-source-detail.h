/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-source.h"

G_BEGIN_DECLS

#define HC_TYPE_SOURCE_DETAIL (hc_source_detail_get_type ())

G_DECLARE_FINAL_TYPE (HcSourceDetail, hc_source_detail, HC, SOURCE_DETAIL, GtkWidget)

HcSource *hc_source_detail_get_source (HcSourceDetail *self);
void      hc_source_detail_set_source (HcSourceDetail *self,
                                       HcSource       *source);
void      hc_source_detail_set_retry_reason (HcSourceDetail *self,
                                             const char     *reason);

G_END_DECLS
