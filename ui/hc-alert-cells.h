/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The columns of the alert list, in the page's order. */
typedef enum {
  HC_ALERT_CELL_SEVERITY,
  HC_ALERT_CELL_TITLE,
  HC_ALERT_CELL_STATE,
  HC_ALERT_CELL_DETECTED,
  HC_ALERT_CELL_CATEGORY,
  HC_ALERT_CELL_ASSET,
  HC_ALERT_CELL_SOURCE_IP,
  HC_ALERT_CELL_EVENTS,
  HC_ALERT_N_CELLS
} HcAlertCell;

void                hc_alert_cells_set_factories (GtkColumnViewColumn **columns);
char               *hc_alert_cells_category_text (gpointer    this,
                                                  int         category,
                                                  const char *text);

G_END_DECLS
