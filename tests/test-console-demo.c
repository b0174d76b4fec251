/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The console in a real window against the demo hub on loopback: the
 * overview and the ingestion page fill with the hub's counts, overview
 * figures open the page filtered, retry works for an operator and is
 * refused to a viewer, a live update keeps the selected row, CSV export
 * matches the visible rows. Screenshots of every section for review. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hc-application.h"
#include "hc-demo-launcher.h"
#include "hc-test-ui.h"
#include "hc-window.h"

typedef HcTestConsole Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data, const char *token)
{
  const Fixture *shared = data;

  hc_test_console_open (f, shared->app, shared->lang, token);
}

static void
fixture_tear_down (Fixture *f)
{
  hc_test_console_close (f);
}

static guint
n_visible (HcListPane *pane)
{
  return g_list_model_get_n_items (hc_list_pane_get_visible_model (pane));
}

static gint64
count_status (HcItemStore *sources, HcSourceStatus status)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (sources));
  gint64 count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcSource) source = g_list_model_get_item (G_LIST_MODEL (sources), i);
      count += hc_source_get_status (source) == status;
    }
  return count;
}

/* Status badges under @widget that read at @level. */
static guint
count_badges (GtkWidget *widget,
              HcLevel    level)
{
  guint n = HC_IS_STATUS_BADGE (widget) && hc_status_badge_get_level (HC_STATUS_BADGE (widget)) == level;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    n += count_badges (child, level);
  return n;
}

static gboolean
detail_loaded (gpointer data)
{
  HcDataset *dataset = data;

  return hc_dataset_get_history (dataset) != NULL && hc_dataset_get_rules (dataset) != NULL;
}

static gboolean
alert_acknowledged (gpointer data)
{
  return hc_alert_get_state (data) == HC_ALERT_STATE_ACKNOWLEDGED;
}

typedef struct {
  HcSource *source;
  char     *old_run;
} RunWatch;

/* A new run: its id differs (it may have finished already). */
static gboolean
run_started (gpointer data)
{
  RunWatch *watch = data;
  HcRun *run = hc_source_get_last_run (watch->source);

  return run != NULL && g_strcmp0 (hc_item_get_id (HC_ITEM (run)), watch->old_run) != 0;
}

static void
screenshot (Fixture *f, const char *what)
{
  g_autofree char *name = g_strdup_printf ("console-%s-%s.png", what, f->lang);

  hc_test_settle (300);
  hc_test_screenshot (GTK_WIDGET (f->window), name);
}

static void
test_console_operator (Fixture *f, gconstpointer data)
{
  HcOverview *overview;
  HcOverviewPage *overview_page;
  HcIngestionPage *ingestion;
  HcListPane *pane;
  HcSource *selected;
  gint64 failed;

  fixture_set_up (f, data, HC_DEMO_OPERATOR_TOKEN);
  overview = hc_hub_get_overview (f->hub);
  overview_page = hc_window_get_overview_page (f->window);
  /* The figures of the load just ended are on the page at once (the page
   * counts at most four times a second as lists come in, but the end of a
   * load does not wait for the rest of that quarter second). */
  for (guint i = 0; i < 1000 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
  {
    g_autofree char *whole = hc_test_find_text_now (GTK_WIDGET (overview_page),
                                                    _("Every figure is counted from the hub’s lists."));
    g_assert_nonnull (whole);
  }
  ingestion = hc_window_get_ingestion_page (f->window);
  pane = hc_ingestion_page_get_pane (ingestion);

  /* A believable center, and the overview counts it from the hub's lists
   * (read whole, kept current by events), not from /overview. */
  g_assert_cmpint (hc_overview_get_sources_total (overview), >=, 60);
  for (HcSourceStatus s = HC_SOURCE_STATUS_OK; s <= HC_SOURCE_STATUS_PAUSED; s++)
    {
      g_autofree char *figure = g_strdup_printf ("sources-%s", hc_enum_to_nick (HC_TYPE_SOURCE_STATUS, s));
      g_assert_cmpint (hc_overview_page_get_count (overview_page, figure), ==, count_status (hc_hub_get_sources (f->hub), s));
    }
  g_assert_cmpint (hc_overview_page_get_count (overview_page, "datasets"), ==,
                   g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_datasets (f->hub))));
  g_assert_nonnull (strstr (hc_overview_page_get_verdict (overview_page, "sources"), " "));
  g_assert_nonnull (hc_overview_page_get_verdict (overview_page, "sources"));
  /* The hub replaces its overview as it refreshes: no keeping it. */
  overview = NULL;
  screenshot (f, "overview");

  /* The ingestion page lists every source of the hub. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "ingestion"));
  g_assert_cmpuint (n_visible (pane), ==, g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_sources (f->hub))));
  screenshot (f, "ingestion");

  /* An overview figure opens the page filtered to what it counts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "overview"));
  /* The hub lives: use a status it has now, counted in the model. */
  {
    static const HcSourceStatus order[] = { HC_SOURCE_STATUS_FAILED, HC_SOURCE_STATUS_LAGGING,
                                            HC_SOURCE_STATUS_OK };
    HcSourceStatus status = HC_SOURCE_STATUS_OK;

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      if (count_status (hc_hub_get_sources (f->hub), order[i]) > 0)
        {
          status = order[i];
          break;
        }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sources", "s",
                                               hc_enum_to_nick (HC_TYPE_SOURCE_STATUS, status)));
    g_assert_cmpstr (hc_window_get_section (f->window), ==, "ingestion");
    failed = count_status (hc_hub_get_sources (f->hub), status);
    g_assert_cmpint (failed, >, 0);
    g_assert_cmpuint (n_visible (pane), ==, failed);
  }

  /* CSV export holds the visible rows, in order, Vietnamese intact. */
  {
    g_autoptr(GBytes) csv = hc_list_pane_to_csv (pane);
    g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
    g_auto(GStrv) lines = g_strsplit (text + 3, "\r\n", -1);

    g_assert_true (g_utf8_validate (text, -1, NULL));
    g_assert_cmpuint (g_strv_length (lines), ==, failed + 2);
    for (guint i = 0; i < failed; i++)
      {
        g_autoptr(HcSource) source = g_list_model_get_item (hc_list_pane_get_visible_model (pane), i);
        g_assert_true (g_str_has_prefix (lines[i + 1], hc_source_get_name (source)) ||
                       g_str_has_prefix (lines[i + 1] + 1, hc_source_get_name (source)));
      }
  }

  /* Retry as an operator: the run starts, the row changes in place and
   * stays selected. */
  hc_ingestion_page_set_status_filter (ingestion, "all");
  selected = g_list_model_get_item (hc_list_pane_get_visible_model (pane), 0);
  /* Not one already running or paused: the hub refuses those (409). */
  for (guint i = 1; hc_source_get_status (selected) == HC_SOURCE_STATUS_PAUSED ||
                    (hc_source_get_last_run (selected) != NULL &&
                     hc_run_get_outcome (hc_source_get_last_run (selected)) == HC_RUN_OUTCOME_RUNNING); i++)
    {
      g_object_unref (selected);
      selected = g_list_model_get_item (hc_list_pane_get_visible_model (pane), i);
      g_assert_nonnull (selected);
    }
  hc_list_pane_select_item (pane, selected);
  g_assert_true (hc_list_pane_get_selected_item (pane) == (gpointer) selected);
  {
    HcRun *old = hc_source_get_last_run (selected);
    RunWatch watch = { selected, g_strdup (old ? hc_item_get_id (HC_ITEM (old)) : NULL) };

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ingestion), "ingestion.retry", NULL));
    hc_test_spin_until (run_started, &watch, 30);
    g_free (watch.old_run);
  }
  g_assert_true (hc_list_pane_get_selected_item (pane) == (gpointer) selected);
  g_assert_true ((gpointer) hc_item_store_lookup (hc_hub_get_sources (f->hub),
                                                   hc_item_get_id (HC_ITEM (selected))) == (gpointer) selected);
  g_object_unref (selected);
  screenshot (f, "ingestion-detail");

  hc_ingestion_page_set_status_filter (ingestion, "all");

  /* Data quality: every dataset; the detail brings rules in all four
   * criteria, 90 days of history and the chart's numbers as text. */
  {
    HcQualityPage *quality = hc_window_get_quality_page (f->window);
    HcListPane *qpane = hc_quality_page_get_pane (quality);
    HcDatasetDetail *detail = hc_quality_page_get_detail (quality);
    g_autoptr(HcDataset) weakest = NULL;
    gint64 below = 0;
    guint n;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "quality"));
    n = g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_datasets (f->hub)));
    g_assert_cmpuint (n, >=, 40);
    g_assert_cmpuint (n_visible (qpane), ==, n);

    for (guint i = 0; i < n; i++)
      {
        g_autoptr(HcDataset) d = g_list_model_get_item (G_LIST_MODEL (hc_hub_get_datasets (f->hub)), i);
        below += hc_dataset_get_score (d, HC_CRITERION_LIVE) < 80;
      }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-datasets", "s", "live"));
    g_assert_cmpuint (n_visible (qpane), ==, below);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quality), "quality.below", "s", "all"));
    g_assert_cmpuint (n_visible (qpane), ==, n);

    /* Weakest overall first. */
    for (guint i = 1; i < n; i++)
      {
        g_autoptr(HcDataset) a = g_list_model_get_item (hc_list_pane_get_visible_model (qpane), i - 1);
        g_autoptr(HcDataset) b = g_list_model_get_item (hc_list_pane_get_visible_model (qpane), i);
        g_assert_cmpfloat (hc_dataset_get_overall (a), <=, hc_dataset_get_overall (b));
      }
    weakest = g_list_model_get_item (hc_list_pane_get_visible_model (qpane), 0);

    /* CSV: the four criteria by their names, scores to one decimal. */
    {
      g_autoptr(GBytes) csv = hc_list_pane_to_csv (qpane);
      g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
      g_auto(GStrv) lines = g_strsplit (text + 3, "\r\n", -1);
      g_autofree char *overall = g_strdup_printf (",%.1f,%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",",
                                                  hc_dataset_get_overall (weakest),
                                                  hc_dataset_get_rules_failed (weakest),
                                                  hc_dataset_get_records (weakest));

      g_assert_cmpuint (g_strv_length (lines), ==, n + 2);
      if (g_strcmp0 (f->lang, "C") == 0)
        g_assert_cmpstr (lines[0], ==, "Dataset,Owner,Correct,Complete,Clean,Live,Overall,Rules Failed,Records,Checked");
      g_assert_nonnull (strstr (lines[1], overall));
      g_assert_true (g_str_has_suffix (lines[1], "Z"));
    }
    hc_list_pane_select_item (qpane, weakest);
    hc_test_spin_until (detail_loaded, weakest, 30);
    g_assert_cmpuint (g_list_model_get_n_items (hc_dataset_get_history (weakest)), >=, 85);
    g_assert_cmpuint (hc_dataset_detail_get_n_rules (detail), ==,
                      g_list_model_get_n_items (hc_dataset_get_rules (weakest)));
    g_assert_true (g_str_has_prefix (hc_trend_chart_get_summary (hc_dataset_detail_get_chart (detail)), "Scores over ") ||
                   g_strcmp0 (f->lang, "vi") == 0);
    {
      g_autofree char *table = hc_trend_chart_to_text (hc_dataset_detail_get_chart (detail));
      g_auto(GStrv) rows = g_strsplit (table, "\n", -1);
      g_assert_cmpuint (g_strv_length (rows), ==, g_list_model_get_n_items (hc_dataset_get_history (weakest)) + 2);
    }
    screenshot (f, "quality");

    /* The thresholds come from the settings: a stricter one puts more
     * datasets below it and recolours the rows and the detail at once. */
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      HcThresholds *thresholds = hc_quality_page_get_thresholds (quality);
      GtkWidget *view = GTK_WIDGET (hc_list_pane_get_view (qpane));
      guint errors = count_badges (view, HC_LEVEL_ERROR);
      guint detail_errors = count_badges (GTK_WIDGET (detail), HC_LEVEL_ERROR);

      g_settings_set_double (settings, "score-critical-below", 100);
      g_assert_cmpfloat (hc_thresholds_get_critical_below (thresholds), ==, 100);
      g_assert_cmpuint (count_badges (view, HC_LEVEL_ERROR), >, errors);
      g_assert_cmpuint (count_badges (GTK_WIDGET (detail), HC_LEVEL_ERROR), >, detail_errors);
      g_assert_true (hc_list_pane_get_selected_item (qpane) == (gpointer) weakest);

      below = 0;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HcDataset) d = g_list_model_get_item (G_LIST_MODEL (hc_hub_get_datasets (f->hub)), i);
          below += hc_dataset_get_score (d, HC_CRITERION_LIVE) < 95;
        }
      g_settings_set_double (settings, "score-warning-below", 95);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-datasets", "s", "live"));
      g_assert_cmpuint (n_visible (qpane), ==, below);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (quality), "quality.below", "s", "all"));

      g_settings_reset (settings, "score-warning-below");
      g_settings_reset (settings, "score-critical-below");
      g_assert_cmpuint (count_badges (view, HC_LEVEL_ERROR), ==, errors);
    }
  }

  /* Storage: every pool, and a verdict first. */
  {
    HcStoragePage *storage = hc_window_get_storage_page (f->window);

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "storage"));
    g_assert_cmpuint (n_visible (hc_storage_page_get_pane (storage)), ==,
                      g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_pools (f->hub))));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_pools (f->hub))), >=, 4);
    g_assert_cmpstr (hc_storage_page_get_verdict (storage), !=, "");
    screenshot (f, "storage");
  }

  /* Security: an operator acknowledges an open alert with a comment; the
   * row changes in place; resolving is for supervisors. */
  {
    HcSecurityPage *security = hc_window_get_security_page (f->window);
    HcListPane *spane = hc_security_page_get_pane (security);
    GListModel *alerts = G_LIST_MODEL (hc_hub_get_alerts (f->hub));
    g_autoptr(HcAlert) open = NULL;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "security"));
    g_assert_cmpuint (g_list_model_get_n_items (alerts), >=, 100);
    for (guint i = 0; open == NULL && i < g_list_model_get_n_items (alerts); i++)
      {
        g_autoptr(HcAlert) a = g_list_model_get_item (alerts, i);
        if (hc_alert_get_state (a) == HC_ALERT_STATE_OPEN)
          open = g_steal_pointer (&a);
      }
    g_assert_nonnull (open);
    hc_list_pane_select_item (spane, open);
    g_assert_false (hc_security_page_resolve (security, open, "Đã xử lý", "fixed"));
    g_assert_true (hc_security_page_acknowledge (security, open, "Đang kiểm tra nguồn tấn công"));
    hc_test_spin_until (alert_acknowledged, open, 30);
    g_assert_true ((gpointer) hc_item_store_lookup (hc_hub_get_alerts (f->hub),
                                                     hc_item_get_id (HC_ITEM (open))) == (gpointer) open);
    screenshot (f, "security");
  }

  fixture_tear_down (f);
}

static void
on_retry_attempt (HcIngestionPage *page, HcSource *source, gpointer data)
{
  (*(guint *) data)++;
}

static void
test_console_viewer (Fixture *f, gconstpointer data)
{
  HcIngestionPage *ingestion;
  HcListPane *pane;
  g_autoptr(HcSource) first = NULL;
  guint attempts = 0;

  fixture_set_up (f, data, "demo-viewer-token");
  ingestion = hc_window_get_ingestion_page (f->window);
  pane = hc_ingestion_page_get_pane (ingestion);
  g_signal_connect (ingestion, "retry", G_CALLBACK (on_retry_attempt), &attempts);

  g_assert_cmpint (hc_me_get_role (hc_hub_get_me (f->hub)), ==, HC_ROLE_VIEWER);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "ingestion");
  first = g_list_model_get_item (hc_list_pane_get_visible_model (pane), 0);
  hc_list_pane_select_item (pane, first);

  /* A viewer is not offered retry: the action is off, and says why. */
  gtk_widget_activate_action (GTK_WIDGET (ingestion), "ingestion.retry", NULL);
  g_assert_cmpuint (attempts, ==, 0);
  screenshot (f, "ingestion-viewer");

  fixture_tear_down (f);
}

int
main (int argc, char *argv[])
{
  Fixture fixture = { 0 };

  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  hc_test_init_ui ();
  adw_init ();
  hc_test_add_icons ();
  fixture.lang = g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C";
  /* One application for the process, as in the console itself. */
  fixture.app = hc_test_new_app ();

  g_test_add ("/console/operator", Fixture, &fixture, NULL, test_console_operator, NULL);
  g_test_add ("/console/viewer", Fixture, &fixture, NULL, test_console_viewer, NULL);
  {
    int status = g_test_run ();
    g_clear_object (&fixture.app);
    return status;
  }
}
