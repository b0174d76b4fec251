/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-hub-manager.h"

G_BEGIN_DECLS

#define HC_TYPE_WALL (hc_wall_get_type ())
G_DECLARE_FINAL_TYPE (HcWall, hc_wall, HC, WALL, AdwWindow)

HcWall     *hc_wall_new                (HcHubManager *manager);
HcHub      *hc_wall_get_hub            (HcWall       *self);
GtkWidget  *hc_wall_get_verdict_widget (HcWall       *self,
                                        const char   *card);

G_END_DECLS
