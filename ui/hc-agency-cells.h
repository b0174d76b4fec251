/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hc-agency.h"
#include "hc-thresholds.h"

G_BEGIN_DECLS

GtkListItemFactory *hc_agency_cells_score_factory  (HcThresholds *thresholds,
                                                    const char   *property);
GtkListItemFactory *hc_agency_cells_change_factory (void);
char               *hc_agency_cells_change_text    (HcAgency     *agency);

G_END_DECLS
