/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-alert-cells.h"
#include "hc-cell-tooltips.h"
#include "hc-closures.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-run.h"

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static int
enum_to_int (gpointer this, int value)
{
  return value;
}

char *
hc_closure_relative_time (gpointer this, gint64 unix_time)
{
  return hc_format_relative (unix_time, now ());
}

char *
hc_closure_exact_time (gpointer this, gint64 unix_time)
{
  return hc_format_time (unix_time, now ());
}

/* A count; a negative one is not known, and never shown as a number. */
static char *
count (gpointer this, gint64 value)
{
  return value < 0 ? g_strdup ("—") : hc_format_count (value);
}

static char *
bytes (gpointer this, guint64 value)
{
  return hc_format_bytes (value);
}

/* Text from a hub in a cell or tooltip: shown isolated, nothing hidden
 * (see hc_format_hub_text()). Sorters and the search keep the raw text. */
static char *
hub_text (gpointer this, const char *text)
{
  return hc_format_hub_text (text, HC_HUB_TEXT_LINE);
}

static char *
hub_lines (gpointer this, const char *text)
{
  return hc_format_hub_text (text, HC_HUB_TEXT_LINES);
}

static char *
last_error (gpointer this, HcRun *run)
{
  if (run == NULL || hc_run_get_error (run) == NULL)
    return g_strdup ("");
  return g_strdup (hc_run_get_error (run));
}

void
hc_closures_bind (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "enum_to_int", G_CALLBACK (enum_to_int));
  gtk_widget_class_bind_template_callback_full (widget_class, "relative_time", G_CALLBACK (hc_closure_relative_time));
  gtk_widget_class_bind_template_callback_full (widget_class, "exact_time", G_CALLBACK (hc_closure_exact_time));
  gtk_widget_class_bind_template_callback_full (widget_class, "count", G_CALLBACK (count));
  gtk_widget_class_bind_template_callback_full (widget_class, "bytes", G_CALLBACK (bytes));
  gtk_widget_class_bind_template_callback_full (widget_class, "hub_text", G_CALLBACK (hub_text));
  gtk_widget_class_bind_template_callback_full (widget_class, "hub_lines", G_CALLBACK (hub_lines));
  gtk_widget_class_bind_template_callback_full (widget_class, "last_error", G_CALLBACK (last_error));
  hc_cell_tooltips_bind (widget_class);
}

/* Storage: pools. */

double
hc_closure_pool_fraction (gpointer this, guint64 used, guint64 capacity)
{
  if (capacity == 0)
    return 0;
  return MIN ((double) used / (double) capacity, 1.0);
}

/* "8.4 PB of 13.5 PB (62 %)": the exact text beside the level bar. */
char *
hc_closure_pool_used (gpointer this, guint64 used, guint64 capacity)
{
  g_autofree char *used_text = hc_format_bytes (used);
  g_autofree char *capacity_text = hc_format_bytes (capacity);
  double percent = capacity > 0 ? 100.0 * (double) used / (double) capacity : 0;

  /* Translators: used of capacity, e.g. "8.4 PB of 13.5 PB (62 %)"; a no-break space
   * before "%", as g_format_size() puts one before the unit. */
  return g_strdup_printf (_("%s of %s (%.0f %%)"), used_text, capacity_text, percent);
}

static char *
pool_kind_label (gpointer this, int kind)
{
  return g_strdup (hc_pool_kind_label (kind));
}

static int
pool_state_level (gpointer this, int state)
{
  return hc_pool_state_level (state);
}

static char *
pool_state_label (gpointer this, int state)
{
  return g_strdup (hc_pool_state_label (state));
}

static char *
pool_replication (gpointer this, const char *scheme, gint64 degraded, gint64 misplaced)
{
  g_autofree char *scheme_text = hc_format_hub_text (scheme, HC_HUB_TEXT_LINE);
  g_autofree char *degraded_text = NULL;
  g_autofree char *misplaced_text = NULL;

  if (degraded == 0 && misplaced == 0)
    /* Translators: a replication scheme whose objects are all in place, e.g. "3x · all in place" */
    return g_strdup_printf (_("%s · all in place"), scheme_text);

  degraded_text = hc_format_count (degraded);
  misplaced_text = hc_format_count (misplaced);
  /* Translators: scheme, degraded and misplaced objects, e.g. "3x · 1,204 degraded · 12 misplaced" */
  return g_strdup_printf (_("%s · %s degraded · %s misplaced"), scheme_text,
                          degraded_text, misplaced_text);
}

/* Sorts replication by how much is out of place. */
static gint64
pool_objects_at_risk (gpointer this, gint64 degraded, gint64 misplaced)
{
  return degraded + misplaced;
}

static char *
bytes_per_second (gpointer this, guint64 value)
{
  g_autofree char *size = hc_format_bytes (value);

  /* Translators: a throughput, e.g. "1.2 GB/s" */
  return g_strdup_printf (_("%s/s"), size);
}

void
hc_closures_bind_storage (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "pool_fraction", G_CALLBACK (hc_closure_pool_fraction));
  gtk_widget_class_bind_template_callback_full (widget_class, "pool_used", G_CALLBACK (hc_closure_pool_used));
  gtk_widget_class_bind_template_callback_full (widget_class, "pool_kind_label", G_CALLBACK (pool_kind_label));
  gtk_widget_class_bind_template_callback_full (widget_class, "pool_state_level", G_CALLBACK (pool_state_level));
  gtk_widget_class_bind_template_callback_full (widget_class, "pool_state_label", G_CALLBACK (pool_state_label));
  gtk_widget_class_bind_template_callback_full (widget_class, "pool_replication", G_CALLBACK (pool_replication));
  gtk_widget_class_bind_template_callback_full (widget_class, "pool_objects_at_risk", G_CALLBACK (pool_objects_at_risk));
  gtk_widget_class_bind_template_callback_full (widget_class, "bytes_per_second", G_CALLBACK (bytes_per_second));
}

/* Security: alerts. */

/* The alert list's cells are written in C (hc-alert-cells.c); its
 * category sorter sorts by the words those cells show. */
void
hc_closures_bind_security (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "alert_category_label",
                                                G_CALLBACK (hc_alert_cells_category_text));
}
