/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-hub.h"
#include "hc-seen-store.h"
#include "hc-status-badge.h"

G_BEGIN_DECLS

#define HC_TYPE_HUB_ROW (hc_hub_row_get_type ())

G_DECLARE_FINAL_TYPE (HcHubRow, hc_hub_row, HC, HUB_ROW, GtkListBoxRow)

GtkWidget *hc_hub_row_new     (HcHub      *hub,
                               const char *name);
GtkWidget *hc_hub_row_new_with_seen (HcHub       *hub,
                                     const char  *name,
                                     HcSeenStore *seen);
HcHub     *hc_hub_row_get_hub (HcHubRow   *self);
guint      hc_hub_row_get_n_unseen (HcHubRow *self);
char      *hc_hub_describe_state (HcHub   *hub,
                                  HcLevel *level);

G_END_DECLS
