/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One job: what the benchmarks share: figures printed as
 *   name: value unit (target: …)
 * with the missed ones gathered, the main loop run as the console runs it,
 * stalls of the main loop, frames painted, CPU time and resident memory,
 * and child hubs that say where they listen. */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "bench-util.h"

GPtrArray *bench_missed;

double
bench_ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

void
bench_figure (const char *name,
              double      value,
              const char *unit,
              gboolean    ok,
              const char *target_format,
              ...)
{
  va_list args;
  g_autofree char *target = NULL;

  va_start (args, target_format);
  target = g_strdup_vprintf (target_format, args);
  va_end (args);

  g_print ("%s: %.*f %s (target: %s)\n", name, value >= 100 ? 0 : value >= 10 ? 1 : 2, value, unit, target);
  if (!ok)
    g_ptr_array_add (bench_missed, g_strdup (name));
}

void
bench_note (const char *format, ...)
{
  va_list args;
  g_autofree char *text = NULL;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  g_print ("# %s\n", text);
}

static gboolean
bench_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop as the console does (blocking, no busy polling, so
 * CPU figures are the console's own) until @done or @timeout_ms. */
gboolean
bench_spin_until (gboolean (*done) (gpointer),
                  gpointer   data,
                  guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wake = g_timeout_add (50, bench_wake_cb, NULL);
  gboolean ok = TRUE;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          ok = FALSE;
          break;
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  return ok;
}

static gboolean
bench_time_up (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* The main loop for @ms, woken by nothing of the bench's own before the
 * end: what the idle figure measures is the console's. */
void
bench_spin_for (guint ms)
{
  gboolean up = FALSE;

  g_timeout_add (ms, bench_time_up, &up);
  while (!up)
    g_main_context_iteration (NULL, TRUE);
}

/* The longest the main loop went without running a high-priority 1 ms
 * timeout: how long the window could not react. */
static gboolean
bench_stall_tick (gpointer data)
{
  BenchStall *stall = data;
  gint64 now = g_get_monotonic_time ();

  if (stall->last != 0)
    stall->max_gap = MAX (stall->max_gap, now - stall->last);
  stall->last = now;
  return G_SOURCE_CONTINUE;
}

void
bench_stall_start (BenchStall *stall)
{
  stall->last = 0;
  stall->max_gap = 0;
  stall->id = g_timeout_add_full (G_PRIORITY_HIGH, 1, bench_stall_tick, stall, NULL);
}

double
bench_stall_stop (BenchStall *stall)
{
  bench_stall_tick (stall);
  g_clear_handle_id (&stall->id, g_source_remove);
  return MAX (0, stall->max_gap - 1000) / 1000.0;
}

/* Until the window has painted a frame after now: "on screen". */
static void
bench_on_after_paint (GdkFrameClock *clock,
                      gpointer       data)
{
  *(gboolean *) data = TRUE;
}

static gboolean
bench_flag_set (gpointer data)
{
  return *(gboolean *) data;
}

void
bench_wait_painted (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler;

  g_assert (clock != NULL);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (bench_on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  bench_spin_until (bench_flag_set, &painted, 2000);
  g_signal_handler_disconnect (clock, handler);
}

static void
bench_on_frame (GdkFrameClock *clock,
                guint         *frames)
{
  (*frames)++;
}

/* Frames the window painted over @ms of main loop: an idle window paints none. */
guint
bench_spin_counting_frames (GtkWidget *window,
                            guint      ms)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  guint frames = 0;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (bench_on_frame), &frames);

  bench_spin_for (ms);
  g_signal_handler_disconnect (clock, handler);
  return frames;
}

/* Waits until the window has painted nothing for @quiet_ms (at most
 * @max_ms): what was moving when the user stopped (an overlay scrollbar
 * fading out, say) has ended. Returns the milliseconds waited. */
double
bench_wait_still (GtkWidget *window,
                  guint      quiet_ms,
                  guint      max_ms)
{
  gint64 start = g_get_monotonic_time ();

  while (bench_ms_since (start) < max_ms)
    if (bench_spin_counting_frames (window, quiet_ms) == 0)
      break;
  return bench_ms_since (start);
}

double
bench_cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double
bench_rss_mb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? g_ascii_strtod (line + 6, NULL) / 1024.0 : -1;
}

static int
bench_compare_double (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (GArray *values)
{
  g_array_sort (values, bench_compare_double);
  if (values->len == 0)
    return -1;
  if (values->len % 2)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) + g_array_index (values, double, values->len / 2)) / 2;
}

/* ---- child hubs ------------------------------------------------------------ */

BenchChild *
bench_child_spawn (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  BenchChild *child = g_new0 (BenchChild, 1);

  child->process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child->process));
  while (child->url == NULL)
    {
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, &error);

      g_assert_no_error (error);
      if (line == NULL)
        g_error ("%s exited before it listened", argv[0]);
      if (g_str_has_prefix (line, "listening on "))
        child->url = g_strdup (line + strlen ("listening on "));
    }
  return child;
}

void
bench_child_stop (BenchChild *child)
{
  g_output_stream_close (g_subprocess_get_stdin_pipe (child->process), NULL, NULL);
  g_subprocess_send_signal (child->process, SIGTERM);
  g_subprocess_wait (child->process, NULL, NULL);
  g_object_unref (child->process);
  g_free (child->url);
  g_free (child);
}
