/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-status-badge.h"

G_BEGIN_DECLS

#define HC_TYPE_BANNER (hc_banner_get_type ())

G_DECLARE_FINAL_TYPE (HcBanner, hc_banner, HC, BANNER, GtkWidget)

GtkWidget  *hc_banner_new              (void);
void        hc_banner_set              (HcBanner   *self,
                                        HcLevel     level,
                                        const char *text,
                                        const char *button_label,
                                        const char *action_name);
void        hc_banner_clear            (HcBanner   *self);
const char *hc_banner_get_text         (HcBanner   *self);
const char *hc_banner_get_button_label (HcBanner   *self);

G_END_DECLS
