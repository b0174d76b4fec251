/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

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

static char *
duration (gpointer this, gint64 seconds)
{
  return hc_format_duration (seconds);
}

static char *
rate (gpointer this, double records_per_second)
{
  return hc_format_rate (records_per_second);
}

static char *
count (gpointer this, gint64 value)
{
  return hc_format_count (value);
}

static char *
bytes (gpointer this, guint64 value)
{
  return hc_format_bytes (value);
}

static char *
score (gpointer this, double value)
{
  return hc_format_score (value);
}

static char *
last_error (gpointer this, HcRun *run)
{
  if (run == NULL || hc_run_get_error (run) == NULL)
    return g_strdup ("");
  return g_strdup (hc_run_get_error (run));
}

static char *
kind_label (gpointer this, int kind)
{
  return g_strdup (hc_source_kind_label (kind));
}

static int
status_level (gpointer this, int status)
{
  return hc_source_status_level (status);
}

/* Sorting rank: the worse the state, the higher. */
static int
status_rank (gpointer this, int status)
{
  switch (status)
    {
    case HC_SOURCE_STATUS_FAILED:  return 3;
    case HC_SOURCE_STATUS_LAGGING: return 2;
    case HC_SOURCE_STATUS_PAUSED:  return 1;
    default:                       return 0;
    }
}

static char *
status_label (gpointer this, int status)
{
  return g_strdup (hc_source_status_label (status));
}

void
hc_closures_bind (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback_full (widget_class, "enum_to_int", G_CALLBACK (enum_to_int));
  gtk_widget_class_bind_template_callback_full (widget_class, "relative_time", G_CALLBACK (hc_closure_relative_time));
  gtk_widget_class_bind_template_callback_full (widget_class, "exact_time", G_CALLBACK (hc_closure_exact_time));
  gtk_widget_class_bind_template_callback_full (widget_class, "duration", G_CALLBACK (duration));
  gtk_widget_class_bind_template_callback_full (widget_class, "rate", G_CALLBACK (rate));
  gtk_widget_class_bind_template_callback_full (widget_class, "count", G_CALLBACK (count));
  gtk_widget_class_bind_template_callback_full (widget_class, "bytes", G_CALLBACK (bytes));
  gtk_widget_class_bind_template_callback_full (widget_class, "score", G_CALLBACK (score));
  gtk_widget_class_bind_template_callback_full (widget_class, "last_error", G_CALLBACK (last_error));
  gtk_widget_class_bind_template_callback_full (widget_class, "kind_label", G_CALLBACK (kind_label));
  gtk_widget_class_bind_template_callback_full (widget_class, "status_level", G_CALLBACK (status_level));
  gtk_widget_class_bind_template_callback_full (widget_class, "status_label", G_CALLBACK (status_label));
  gtk_widget_class_bind_template_callback_full (widget_class, "status_rank", G_CALLBACK (status_rank));
}
