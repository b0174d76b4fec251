/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The names of the figures that missed their target (g_free'd strings). */
extern GPtrArray *bench_missed;

double      bench_ms_since             (gint64      start);
void        bench_figure               (const char *name,
                                        double      value,
                                        const char *unit,
                                        gboolean    ok,
                                        const char *target_format,
                                        ...) G_GNUC_PRINTF (5, 6);
void        bench_note                 (const char *format,
                                        ...) G_GNUC_PRINTF (1, 2);
gboolean    bench_spin_until           (gboolean  (*done) (gpointer),
                                        gpointer    data,
                                        guint       timeout_ms);
void        bench_spin_for             (guint       ms);

/* The longest the main loop went without running a high-priority 1 ms
 * timeout: how long the window could not react. */
typedef struct {
  guint  id;
  gint64 last;
  gint64 max_gap;
} BenchStall;

void        bench_stall_start          (BenchStall *stall);
double      bench_stall_stop           (BenchStall *stall);
void        bench_wait_painted         (GtkWidget  *widget);
double      bench_wait_still           (GtkWidget  *window,
                                        guint       quiet_ms,
                                        guint       max_ms);
guint       bench_spin_counting_frames (GtkWidget  *window,
                                        guint       ms);
double      bench_cpu_seconds          (void);
double      bench_rss_mb               (void);
double      bench_median               (GArray     *values);

/* A child process that prints "listening on URL" first. */
typedef struct {
  GSubprocess *process;
  char        *url;
} BenchChild;

BenchChild *bench_child_spawn          (const char * const *argv);
void        bench_child_stop           (BenchChild *child);

G_END_DECLS
