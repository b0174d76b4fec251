/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-format.h"
#include "hc-item-cells.h"
#include "hc-labels.h"
#include "hc-run.h"
#include "hc-source.h"
#include "hc-source-cells.h"
#include "hc-status-badge.h"

/*
 * The feeds list's cells, written from the feed in C (see
 * ui/hc-item-cells.c): feeds re-sort as they run, and the rows they pass
 * take the feeds now at their places.
 */

static const char * const error_classes[] = { "error", NULL };

/* The last error in full, its lines kept (the cell shows one line). */
static gboolean
error_tooltip (GtkWidget  *widget,
               int         x,
               int         y,
               gboolean    keyboard,
               GtkTooltip *tooltip,
               HcItemCell *cell)
{
  HcSource *source = hc_item_cell_get_item (cell);
  HcRun *run = source != NULL ? hc_source_get_last_run (source) : NULL;
  g_autofree char *text = NULL;

  if (run == NULL || hc_run_get_error (run) == NULL)
    return FALSE;
  text = hc_format_hub_text (hc_run_get_error (run), HC_HUB_TEXT_LINES);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
make_error (HcItemCell *cell)
{
  GtkWidget *child = hc_item_cell_text (0, FALSE);

  gtk_widget_set_css_classes (child, (const char **) error_classes);
  gtk_widget_set_has_tooltip (child, TRUE);
  g_signal_connect (child, "query-tooltip", G_CALLBACK (error_tooltip), cell);
  return child;
}

static void
update_name (HcItemCell *cell, GtkWidget *child, gpointer source)
{
  hc_item_cell_take_text (child, hc_format_hub_text (hc_source_get_name (source), HC_HUB_TEXT_LINE));
}

static void
update_agency (HcItemCell *cell, GtkWidget *child, gpointer source)
{
  hc_item_cell_take_text (child, hc_format_hub_text (hc_source_get_agency (source), HC_HUB_TEXT_LINE));
}

static void
update_kind (HcItemCell *cell, GtkWidget *child, gpointer source)
{
  hc_item_cell_set_text (child, hc_source_kind_label (hc_source_get_kind (source)));
}

static void
update_status (HcItemCell *cell, GtkWidget *child, gpointer source)
{
  HcSourceStatus status = hc_source_get_status (source);

  hc_status_badge_set (HC_STATUS_BADGE (child), hc_source_status_level (status), hc_source_status_label (status));
}

static void
update_last_success (HcItemCell *cell, GtkWidget *child, gpointer source)
{
  hc_item_cell_set_time (child, hc_source_get_last_success_at (source));
}

static void
update_lag (HcItemCell *cell, GtkWidget *child, gpointer source)
{
  hc_item_cell_take_text (child, hc_format_duration (hc_source_get_lag_seconds (source)));
}

static void
update_throughput (HcItemCell *cell, GtkWidget *child, gpointer source)
{
  hc_item_cell_take_text (child, hc_format_rate (hc_source_get_records_per_second (source)));
}

static void
update_error (HcItemCell *cell, GtkWidget *child, gpointer source)
{
  HcRun *run = hc_source_get_last_run (source);
  const char *error = run != NULL ? hc_run_get_error (run) : NULL;

  if (error == NULL)
    hc_item_cell_set_text (child, "");
  else
    hc_item_cell_take_text (child, hc_format_hub_text (error, HC_HUB_TEXT_LINE));
}

static const HcItemCellKind kinds[] = {
  [HC_SOURCE_CELL_NAME]         = { hc_item_cell_make_cut,    update_name,         { "name" } },
  [HC_SOURCE_CELL_AGENCY]       = { hc_item_cell_make_cut,    update_agency,       { "agency" } },
  [HC_SOURCE_CELL_KIND]         = { hc_item_cell_make_plain,  update_kind,         { "kind" } },
  [HC_SOURCE_CELL_STATUS]       = { hc_item_cell_make_badge,  update_status,       { "status" } },
  [HC_SOURCE_CELL_LAST_SUCCESS] = { hc_item_cell_make_time,   update_last_success, { "last-success-at" } },
  [HC_SOURCE_CELL_LAG]          = { hc_item_cell_make_number, update_lag,          { "lag-seconds" } },
  [HC_SOURCE_CELL_THROUGHPUT]   = { hc_item_cell_make_number, update_throughput,   { "records-per-second" } },
  [HC_SOURCE_CELL_ERROR]        = { make_error,               update_error,        { "last-run" } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == HC_SOURCE_N_CELLS);

/**
 * hc_source_cells_set_factories:
 * @columns: the feeds list's columns, in HcSourceCell's order
 */
void
hc_source_cells_set_factories (GtkColumnViewColumn **columns)
{
  hc_item_cells_set_factories (columns, kinds, G_N_ELEMENTS (kinds), HC_TYPE_SOURCE);
}
