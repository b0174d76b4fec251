/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Issue 12's benchmarks that need the console in-process: a real window
 * (under Xvfb) on the demo hub seeded with 100,000 alerts, then on a
 * small demo hub at --speed 60, then on tests/bench/burst-hub.py for
 * bursts of alert.created. Prints one line per bench_figure,
 *   name: value unit (target: …)
 * and, last, "bench-missed: a;b" for tests/bench/bench.py to gather.
 * A missed target never fails the program; only a broken set-up does. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>
#include <locale.h>
#include <string.h>
#include <sys/resource.h>

#include "hc-application.h"
#include "bench-util.h"
#include "hc-test-ui.h"
#include "hc-window.h"

#define OPERATOR_TOKEN "demo-operator-token"

static const char *opt_hub;
static const char *opt_data_dir;
static const char *opt_work_dir;
static const char *opt_burst_hub;
static const char *opt_python = "/usr/bin/python3";
static int opt_scale = 100000;
static int opt_idle_seconds = 30;
static int opt_stream_seconds = 30;
static char *opt_only;
static char *opt_bursts;


static gboolean
want (const char *section)
{
  g_auto(GStrv) only = NULL;

  if (opt_only == NULL)
    return TRUE;
  only = g_strsplit (opt_only, ",", -1);
  return g_strv_contains ((const char * const *) only, section);
}

static BenchChild *
demo_hub_spawn (const char *data_dir,
                int         scale,
                const char *speed)
{
  g_autofree char *scale_text = g_strdup_printf ("%d", scale);
  const char *argv[] = { opt_hub, "--listen", "127.0.0.1:0", "--data-dir", data_dir,
                         "--speed", speed, "--exit-with-stdin",
                         scale > 0 ? "--scale" : NULL, scale_text, NULL };

  return bench_child_spawn (argv);
}

/* ---- the console ------------------------------------------------------------ */

typedef struct {
  HcApplication *app;
  HcWindow      *window;
  HcHubManager  *manager;
  HcHub         *hub;
  guint          expected;   /* alerts the hub has */
} Console;

static HcListPane *
alerts_pane (Console *c)
{
  return hc_security_page_get_pane (hc_window_get_security_page (c->window));
}

static guint
n_items (gpointer model)
{
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

static gboolean
first_rows (gpointer data)
{
  Console *c = data;

  return n_items (hc_list_pane_get_visible_model (alerts_pane (c))) > 0;
}

static gboolean
hub_loaded (gpointer data)
{
  Console *c = data;

  return hc_hub_get_state (c->hub) == HC_HUB_CONNECTED && !hc_hub_get_loading (c->hub) &&
         n_items (hc_hub_get_alerts (c->hub)) >= c->expected;
}

static gboolean
hub_loaded_and_shown (gpointer data)
{
  Console *c = data;

  return hub_loaded (c) && !hc_list_pane_is_busy (alerts_pane (c));
}

static gboolean
pane_idle (gpointer data)
{
  return !hc_list_pane_is_busy (data);
}

/* ---- raw pages, for the bare json-glib bench_figure ---------------------------------- */

typedef struct {
  HcListPage *page;
  GError     *error;
  gboolean    done;
} PageWait;

static void
on_page (GObject *object, GAsyncResult *result, gpointer data)
{
  PageWait *wait = data;

  wait->page = hc_client_list_finish (HC_CLIENT (object), result, &wait->error);
  wait->done = TRUE;
}

static gboolean
page_done (gpointer data)
{
  return ((PageWait *) data)->done;
}

/* Every page of every list, as the hub's full fetch reads them. */
static GPtrArray *
fetch_raw_pages (const char *url)
{
  g_autoptr(HcClient) client = hc_client_new (url, OPERATOR_TOKEN, NULL, NULL, TRUE);
  GPtrArray *bodies = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      g_autofree char *cursor = NULL;

      do
        {
          PageWait wait = { 0 };

          hc_client_list_async (client, kind, NULL, cursor, HC_CLIENT_DEFAULT_PAGE_LIMIT, NULL, on_page, &wait);
          bench_spin_until (page_done, &wait, 60000);
          g_assert_no_error (wait.error);
          g_assert_nonnull (wait.page->body);
          g_ptr_array_add (bodies, g_bytes_ref (wait.page->body));
          g_free (cursor);
          cursor = g_strdup (wait.page->next_cursor);
          hc_list_page_free (wait.page);
        }
      while (cursor != NULL);
    }
  return bodies;
}

static double
bare_parse_ms (GPtrArray *bodies)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < bodies->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      gsize size;
      const char *data = g_bytes_get_data (bodies->pdata[i], &size);

      g_assert_true (json_parser_load_from_data (parser, data, size, NULL));
    }
  return bench_ms_since (start);
}

/* ---- 1. 100,000 alerts -------------------------------------------------------- */


static void
bench_large (Console *c)
{
  BenchChild *hub = demo_hub_spawn (opt_data_dir, opt_scale, "0");
  HcListPane *pane = alerts_pane (c);
  GtkWidget *view = GTK_WIDGET (hc_list_pane_get_view (pane));
  BenchStall stall = { 0 };
  gint64 start;
  double first_ms, load_ms, parse_ms, stall_ms, rss;
  g_autoptr(GPtrArray) bodies = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) key_cpus = g_array_new (FALSE, FALSE, sizeof (double));
  double key_max = 0, key_cpu_max = 0;
  gsize total_bytes = 0;

  bench_note ("demo hub with --scale %d at %s (speed 0: a still hub)", opt_scale, hub->url);
  hc_window_set_section (c->window, "security");
  bench_wait_painted (GTK_WIDGET (c->window));
  c->expected = opt_scale;

  bench_stall_start (&stall);
  start = g_get_monotonic_time ();
  c->hub = hc_hub_manager_add_session_hub (c->manager, "Bench hub", hub->url, OPERATOR_TOKEN);
  if (!bench_spin_until (first_rows, c, 60000))
    g_error ("no alert row within 60 s");
  bench_wait_painted (view);
  first_ms = bench_ms_since (start);
  if (!bench_spin_until (hub_loaded, c, 300000))
    g_error ("the 100,000 alerts did not load within 300 s");
  load_ms = bench_ms_since (start);
  bench_spin_until (hub_loaded_and_shown, c, 120000);
  bench_wait_painted (view);
  stall_ms = bench_stall_stop (&stall);
  bench_note ("all %u alerts modelled after %.0f ms, sorted and shown after %.0f ms",
        n_items (hc_hub_get_alerts (c->hub)), load_ms, bench_ms_since (start));

  bench_spin_for (1000);
  rss = bench_rss_mb ();

  bodies = fetch_raw_pages (hub->url);
  for (guint i = 0; i < bodies->len; i++)
    total_bytes += g_bytes_get_size (bodies->pdata[i]);
  parse_ms = bare_parse_ms (bodies);
  g_clear_pointer (&bodies, g_ptr_array_unref);

  bench_figure ("alerts-first-rows", first_ms, "ms", first_ms <= 150, "<= 150 ms, from adding the hub to the first rows painted");
  bench_figure ("alerts-load-vs-bare-parse", load_ms / parse_ms, "x", load_ms <= 1.3 * parse_ms,
          "<= 1.3 x; load of every list %.0f ms, bare json_parser_load_from_data of the same %.1f MB %.0f ms",
          load_ms, total_bytes / 1e6, parse_ms);
  bench_figure ("alerts-load-max-stall", stall_ms, "ms", stall_ms <= 16, "<= 16 ms");
  bench_figure ("alerts-rss", rss, "MB", rss <= 200, "<= 200 MB, VmRSS with %d alerts loaded and shown", opt_scale);

  /* Search as typed: a word of a real alert, one letter at a time, then
   * erased, each keystroke timed until filtered, sorted and painted. */
  {
    g_autoptr(HcAlert) alert = g_list_model_get_item (G_LIST_MODEL (hc_hub_get_alerts (c->hub)), opt_scale / 2);
    g_autofree char *word = g_utf8_strdown (hc_alert_get_title (alert), -1);
    char *space = strchr (word, ' ');
    glong len;

    if (space != NULL && space - word >= 4)
      *space = '\0';
    len = MIN (g_utf8_strlen (word, -1), 8);
    for (glong i = 1; i <= 2 * len; i++)
      {
        glong chars = i <= len ? i : 2 * len - i;
        g_autofree char *prefix = g_utf8_substring (word, 0, chars);
        gint64 t = g_get_monotonic_time ();
        double cpu0 = bench_cpu_seconds ();
        double ms, cpu_ms;

        hc_list_pane_set_search_text (pane, prefix);
        bench_spin_until (pane_idle, pane, 30000);
        bench_wait_painted (view);
        ms = bench_ms_since (t);
        cpu_ms = (bench_cpu_seconds () - cpu0) * 1000;
        g_array_append_val (keys, ms);
        g_array_append_val (key_cpus, cpu_ms);
        key_cpu_max = MAX (key_cpu_max, cpu_ms);
        key_max = MAX (key_max, ms);
      }
    bench_note ("search typed \"%.*s\" and erased it: %u keystrokes", (int) (g_utf8_offset_to_pointer (word, len) - word),
          word, keys->len);
  }
  {
    double key_median = bench_median (keys);

    bench_note ("search keystroke CPU (the process's own): median %.0f ms, max %.0f ms",
                bench_median (key_cpus), key_cpu_max);

    bench_figure ("search-keystroke-median", key_median, "ms", key_median <= 16, "<= 16 ms over %d rows", opt_scale);
    bench_figure ("search-keystroke-max", key_max, "ms", key_max <= 50, "<= 50 ms");
  }
  {
    /* The same 100,000 alerts, now with the text the search folded kept
     * on each: memory with them loaded, once someone has searched (and
     * the console has had a moment to itself). */
    double searched_rss;

    bench_spin_for (500);
    searched_rss = bench_rss_mb ();

    bench_figure ("alerts-rss-after-search", searched_rss, "MB", searched_rss <= 200,
                  "<= 200 MB, VmRSS with %d alerts loaded, shown and searched", opt_scale);
  }

  if (want ("idle"))
    {
      double cpu0, cpu, settle;
      guint frames;
      gint64 t;

      /* Idle is after what the search set moving has stopped: GTK's
       * overlay scrollbar waits 2 s, then fades out for 1 s. */
      settle = bench_wait_still (GTK_WIDGET (c->window), 3000, 20000);
      bench_note ("idle: the window still (no frame for 3 s) %.0f ms after the last keystroke", settle);
      cpu0 = bench_cpu_seconds ();
      t = g_get_monotonic_time ();
      frames = bench_spin_counting_frames (GTK_WIDGET (c->window), opt_idle_seconds * 1000);
      cpu = (bench_cpu_seconds () - cpu0) / ((g_get_monotonic_time () - t) / 1e6) * 100;
      bench_note ("idle: the window painted %u frames in %d s", frames, opt_idle_seconds);
      bench_figure ("idle-cpu", cpu, "%", cpu <= 0.3,
              "<= 0.3 %% of one core; over %d s (shortened from 60 s), event stream live, hub still, %d alerts shown",
              opt_idle_seconds, opt_scale);
    }

  hc_hub_manager_remove_session_hub (c->manager, c->hub);
  c->hub = NULL;
  bench_child_stop (hub);
  bench_spin_for (500);
}

/* ---- 2. a living hub: CPU under a stream, event to row ---------------------------- */

static void
on_event (HcEventStream *stream,
          const char    *name,
          JsonNode      *data,
          const char    *id,
          guint         *count)
{
  if (g_str_has_suffix (name, ".updated") || g_str_has_suffix (name, ".created") ||
      g_str_has_suffix (name, ".deleted") || g_str_has_suffix (name, ".removed"))
    (*count)++;
}

typedef struct {
  HcSource *source;
  char     *old_run;
  gboolean  answered;
  GError   *error;
} RetryWait;

static gboolean
run_changed (gpointer data)
{
  RetryWait *wait = data;
  HcRun *run = hc_source_get_last_run (wait->source);

  return wait->error != NULL ||
         (run != NULL && g_strcmp0 (hc_item_get_id (HC_ITEM (run)), wait->old_run) != 0);
}

static void
on_retried (GObject *object, GAsyncResult *result, gpointer data)
{
  RetryWait *wait = data;
  gpointer run = hc_client_retry_source_finish (HC_CLIENT (object), result, &wait->error);

  g_clear_object (&run);
  wait->answered = TRUE;
}

static gboolean
retry_answered (gpointer data)
{
  return ((RetryWait *) data)->answered;
}

/* The hidden Security page gave its row widgets up (or never made them). */
static gboolean
alerts_rows_released (gpointer data)
{
  return gtk_column_view_get_model (hc_list_pane_get_view (alerts_pane (data))) == NULL;
}

static void
bench_stream (Console *c)
{
  g_autofree char *dir = g_build_filename (opt_work_dir, "stream-hub", NULL);
  BenchChild *hub = demo_hub_spawn (dir, 0, "60");
  g_autoptr(HcClient) client = NULL;
  g_autoptr(GArray) latencies = g_array_new (FALSE, FALSE, sizeof (double));
  guint events = 0, frames;
  gulong handler;
  double cpu0, cpu, rate;
  gint64 t;

  bench_note ("small demo hub at --speed 60 at %s", hub->url);
  c->expected = 1;
  c->hub = hc_hub_manager_add_session_hub (c->manager, "Bench hub", hub->url, OPERATOR_TOKEN);
  if (!bench_spin_until (hub_loaded_and_shown, c, 60000))
    g_error ("the small demo hub did not load within 60 s");
  hc_window_set_section (c->window, "ingestion");
  bench_spin_for (2000);

  /* Right after the switch the other pages still hold their rows, which
   * follow every event; a page hidden a minute gives them up. The figure
   * is the console as it sits all day, on one page: after that minute. */
  handler = g_signal_connect (hc_hub_get_event_stream (c->hub), "event", G_CALLBACK (on_event), &events);
  cpu0 = bench_cpu_seconds ();
  t = g_get_monotonic_time ();
  frames = bench_spin_counting_frames (GTK_WIDGET (c->window), opt_stream_seconds * 1000);
  cpu = (bench_cpu_seconds () - cpu0) / ((g_get_monotonic_time () - t) / 1e6) * 100;
  bench_note ("stream, the first %d s on the page (the Security page's rows still held): %.1f %% of one core, %u frames",
              opt_stream_seconds, cpu, frames);
  if (!bench_spin_until (alerts_rows_released, c, 70000))
    bench_note ("stream: the hidden Security page kept its rows past 70 s");

  events = 0;
  cpu0 = bench_cpu_seconds ();
  t = g_get_monotonic_time ();
  frames = bench_spin_counting_frames (GTK_WIDGET (c->window), opt_stream_seconds * 1000);
  cpu = (bench_cpu_seconds () - cpu0) / ((g_get_monotonic_time () - t) / 1e6) * 100;
  rate = events / ((g_get_monotonic_time () - t) / 1e6);
  g_signal_handler_disconnect (hc_hub_get_event_stream (c->hub), handler);
  bench_note ("stream: the window painted %u frames in %d s", frames, opt_stream_seconds);
  bench_figure ("stream-cpu", cpu, "%", cpu <= 3,
          "<= 3 %% of one core; over %d s, %.0f changes/s arrived, the other pages hidden over a minute",
          opt_stream_seconds, rate);

  /* A retry asked of the hub by another client: the console learns of
   * it only by the event stream. From the call to the frame painted
   * after the source's row changed (its last run). */
  client = hc_client_new (hub->url, OPERATOR_TOKEN, NULL, NULL, TRUE);
  for (guint i = 0; i < n_items (hc_hub_get_sources (c->hub)) && latencies->len < 9; i++)
    {
      g_autoptr(HcSource) source = g_list_model_get_item (G_LIST_MODEL (hc_hub_get_sources (c->hub)), i);
      HcRun *run = hc_source_get_last_run (source);
      RetryWait wait = { source, g_strdup (run ? hc_item_get_id (HC_ITEM (run)) : NULL), FALSE, NULL };
      double ms;

      if (hc_source_get_status (source) == HC_SOURCE_STATUS_PAUSED)
        {
          g_free (wait.old_run);
          continue;
        }
      hc_list_pane_select_item (hc_ingestion_page_get_pane (hc_window_get_ingestion_page (c->window)), source);
      bench_wait_painted (GTK_WIDGET (c->window));
      t = g_get_monotonic_time ();
      hc_client_retry_source_async (client, hc_item_get_id (HC_ITEM (source)), NULL, NULL, on_retried, &wait);
      if (bench_spin_until (run_changed, &wait, 5000) && wait.error == NULL)
        {
          bench_wait_painted (GTK_WIDGET (c->window));
          ms = bench_ms_since (t);
          g_array_append_val (latencies, ms);
        }
      bench_spin_until (retry_answered, &wait, 5000);
      g_clear_error (&wait.error);
      g_free (wait.old_run);
    }
  if (latencies->len > 0)
    {
      double m = bench_median (latencies);

      bench_figure ("event-to-row-median", m, "ms", m <= 250,
              "<= 250 ms; %u retries by another client, from the API call to the row's frame, hub at --speed 60",
              latencies->len);
    }
  else
    {
      bench_note ("event-to-row: no retry was accepted");
      g_ptr_array_add (bench_missed, g_strdup ("event-to-row-median"));
    }

  hc_hub_manager_remove_session_hub (c->manager, c->hub);
  c->hub = NULL;
  bench_child_stop (hub);
  bench_spin_for (500);
}

/* ---- 3. bursts of alert.created ---------------------------------------------------- */

static JsonObject *
post_json (SoupSession *session,
           const char  *url)
{
  g_autoptr(SoupMessage) msg = soup_message_new ("POST", url);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();

  g_assert_no_error (error);
  g_assert_cmpint (soup_message_get_status (msg), ==, 200);
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* json-glib alone on each event's data, as the stream delivers them. */
static double
bare_event_parse_ms (const char *path)
{
  g_autofree char *blob = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize size;
  gint64 start;
  char *line;

  if (!g_file_get_contents (path, &blob, &size, NULL))
    g_error ("cannot read %s", path);
  start = g_get_monotonic_time ();
  line = blob;
  while (line < blob + size)
    {
      char *end = memchr (line, '\n', blob + size - line);

      if (end == NULL)
        end = blob + size;
      if (g_str_has_prefix (line, "data: "))
        g_assert_true (json_parser_load_from_data (parser, line + 6, end - line - 6, NULL));
      line = end + 1;
    }
  return bench_ms_since (start);
}

typedef struct {
  Console *c;
  guint    target;
} CountWait;

static gboolean
alerts_reach (gpointer data)
{
  CountWait *wait = data;

  return n_items (hc_hub_get_alerts (wait->c->hub)) >= wait->target &&
         n_items (hc_list_pane_get_visible_model (alerts_pane (wait->c))) >= wait->target &&
         !hc_list_pane_is_busy (alerts_pane (wait->c));
}

static gboolean
alerts_back (gpointer data)
{
  CountWait *wait = data;

  return n_items (hc_hub_get_alerts (wait->c->hub)) == wait->target && hub_loaded (wait->c);
}

static void
bench_burst (Console *c)
{
  g_autofree char *dir = g_build_filename (opt_work_dir, "burst", NULL);
  const char *argv[] = { opt_python, opt_burst_hub, dir, NULL };
  g_autoptr(SoupSession) session = soup_session_new ();
  g_auto(GStrv) sizes = g_strsplit (opt_bursts ? opt_bursts : "5000,20000,50000,200000", ",", -1);
  double first_cost = 0, last_cost = 0, worst_stall = 0;
  guint last_n = 0;
  gboolean all_done = TRUE;
  BenchChild *hub;
  guint base;

  g_mkdir_with_parents (dir, 0700);
  hub = bench_child_spawn (argv);
  bench_note ("burst hub (tests/bench/burst-hub.py: the demo hub cannot send bursts) at %s", hub->url);
  c->expected = 1;
  c->hub = hc_hub_manager_add_session_hub (c->manager, "Burst hub", hub->url, OPERATOR_TOKEN);
  if (!bench_spin_until (hub_loaded_and_shown, c, 60000))
    g_error ("the burst hub did not load within 60 s");
  hc_window_set_section (c->window, "security");
  /* Every alert, so every burst row is a visible row. */
  hc_security_page_set_state_filter (hc_window_get_security_page (c->window), "all");
  bench_spin_for (1000);
  base = n_items (hc_hub_get_alerts (c->hub));

  for (guint i = 0; sizes[i] != NULL; i++)
    {
      guint n = (guint) g_ascii_strtoull (sizes[i], NULL, 10);
      g_autofree char *prepare = g_strdup_printf ("%s_prepare?n=%u", hub->url, n);
      g_autofree char *fire = g_strdup_printf ("%s_fire", hub->url);
      g_autofree char *reset = g_strdup_printf ("%s_reset", hub->url);
      g_autoptr(JsonObject) answer = post_json (session, prepare);
      double parse_ms = bare_event_parse_ms (json_object_get_string_member (answer, "path"));
      guint timeout_ms = MAX (30000, (guint) (parse_ms * 40));
      CountWait wait = { c, base + n };
      g_autofree char *name = g_strdup_printf ("burst-%u-vs-bare-parse", n);
      BenchStall stall = { 0 };
      double ms, stall_ms;
      gboolean done;
      gint64 t;

      bench_spin_for (500);
      bench_stall_start (&stall);
      t = g_get_monotonic_time ();
      json_object_unref (post_json (session, fire));
      done = bench_spin_until (alerts_reach, &wait, timeout_ms);
      bench_wait_painted (GTK_WIDGET (c->window));
      ms = bench_ms_since (t);
      stall_ms = bench_stall_stop (&stall);
      worst_stall = MAX (worst_stall, stall_ms);
      if (!done)
        {
          bench_figure (name, ms / parse_ms, "x", FALSE,
                  "<= 3 x; gave up after %.0f ms with %u of %u rows in, bare parse %.0f ms of %.1f MB",
                  ms, n_items (hc_hub_get_alerts (c->hub)) - base, n, parse_ms,
                  json_object_get_int_member (answer, "bytes") / 1e6);
          all_done = FALSE;
          /* The rate it reached still tells how the cost grows. */
          if (n_items (hc_hub_get_alerts (c->hub)) > base && first_cost > 0)
            {
              last_n = n;
              last_cost = ms / (n_items (hc_hub_get_alerts (c->hub)) - base);
            }
          break;
        }
      bench_figure (name, ms / parse_ms, "x", ms <= 3 * parse_ms,
              "<= 3 x; every row in and painted after %.0f ms, bare json-glib parse %.0f ms of %.1f MB; stall %.0f ms",
              ms, parse_ms, json_object_get_int_member (answer, "bytes") / 1e6, stall_ms);
      if (first_cost == 0)
        first_cost = ms / n;
      last_cost = ms / n;
      last_n = n;

      json_object_unref (post_json (session, reset));
      wait.target = base;
      if (!bench_spin_until (alerts_back, &wait, 60000))
        {
          bench_note ("the console did not drop the burst after a reset event");
          all_done = FALSE;
          break;
        }
    }

  if (last_n > 0)
    bench_figure ("burst-cost-growth", last_cost / first_cost, "x", all_done && last_cost <= 2 * first_cost,
            "<= 2 x: time per event at %u events over that at %s (linear is 1 x)%s", last_n, sizes[0],
            all_done ? "" : "; the last burst did not finish: its rate so far");
  bench_figure ("burst-max-stall", worst_stall, "ms", worst_stall <= 50, "<= 50 ms while bursts arrive");

  hc_hub_manager_remove_session_hub (c->manager, c->hub);
  c->hub = NULL;
  bench_child_stop (hub);
  bench_spin_for (500);
}

int
main (int argc, char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "hub", 0, 0, G_OPTION_ARG_FILENAME, &opt_hub, "The demo hub executable", "PATH" },
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_data_dir, "Its data directory (seeded or not)", "DIR" },
    { "work-dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_work_dir, "Scratch directory", "DIR" },
    { "burst-hub", 0, 0, G_OPTION_ARG_FILENAME, &opt_burst_hub, "tests/bench/burst-hub.py", "PATH" },
    { "python", 0, 0, G_OPTION_ARG_FILENAME, &opt_python, "Python 3", "PATH" },
    { "scale", 0, 0, G_OPTION_ARG_INT, &opt_scale, "Alerts of the large hub", "N" },
    { "idle-seconds", 0, 0, G_OPTION_ARG_INT, &opt_idle_seconds, "Idle CPU window", "S" },
    { "stream-seconds", 0, 0, G_OPTION_ARG_INT, &opt_stream_seconds, "Stream CPU window", "S" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &opt_only, "large,idle,stream,burst", "LIST" },
    { "bursts", 0, 0, G_OPTION_ARG_STRING, &opt_bursts, "Burst sizes", "N,N,…" },
    { NULL }
  };
  Console console = { 0 };

  setlocale (LC_ALL, "C.UTF-8");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    g_error ("%s", error->message);
  if (opt_hub == NULL || opt_data_dir == NULL || opt_work_dir == NULL || opt_burst_hub == NULL)
    g_error ("--hub, --data-dir, --work-dir and --burst-hub are needed");

  bench_missed = g_ptr_array_new_with_free_func (g_free);
  gtk_init ();
  hc_test_init_ui ();
  adw_init ();
  hc_test_add_icons ();

  console.app = hc_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (console.app), NULL, NULL));
  console.window = hc_application_new_window (console.app);
  gtk_window_set_default_size (GTK_WINDOW (console.window), 1280, 800);
  gtk_window_present (GTK_WINDOW (console.window));
  hc_test_wait_mapped (GTK_WIDGET (console.window));
  console.manager = hc_application_get_hub_manager (console.app);
  hc_hub_manager_start (console.manager);

  if (want ("large") || want ("idle"))
    bench_large (&console);
  if (want ("stream"))
    bench_stream (&console);
  if (want ("burst"))
    bench_burst (&console);

  g_ptr_array_add (bench_missed, NULL);
  g_print ("bench-missed: %s\n", g_strjoinv (";", (char **) bench_missed->pdata));
  hc_test_destroy_window (GTK_WINDOW (console.window));
  g_clear_object (&console.app);
  return 0;
}
