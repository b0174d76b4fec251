/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The columns of the feeds (sources) list, in the page's order. */
typedef enum {
  HC_SOURCE_CELL_NAME,
  HC_SOURCE_CELL_AGENCY,
  HC_SOURCE_CELL_KIND,
  HC_SOURCE_CELL_STATUS,
  HC_SOURCE_CELL_LAST_SUCCESS,
  HC_SOURCE_CELL_LAG,
  HC_SOURCE_CELL_THROUGHPUT,
  HC_SOURCE_CELL_ERROR,
  HC_SOURCE_N_CELLS
} HcSourceCell;

void hc_source_cells_set_factories (GtkColumnViewColumn **columns);

G_END_DECLS
