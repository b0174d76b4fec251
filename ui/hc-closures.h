/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The formatting functions the pages' .ui files call from <closure>
 * expressions (list cells, sorters, tooltips): one place, so every list
 * writes times, sizes and states alike.
 */
void hc_closures_bind (GtkWidgetClass *widget_class);

char *hc_closure_relative_time (gpointer this, gint64 unix_time);
char *hc_closure_exact_time    (gpointer this, gint64 unix_time);

/* The storage and security pages' closures (pools, nodes, alerts). */
void   hc_closures_bind_storage  (GtkWidgetClass *widget_class);
void   hc_closures_bind_security (GtkWidgetClass *widget_class);
char  *hc_closure_pool_used      (gpointer this, guint64 used, guint64 capacity);
double hc_closure_pool_fraction  (gpointer this, guint64 used, guint64 capacity);

G_END_DECLS
