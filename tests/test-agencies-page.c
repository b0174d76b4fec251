/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Agencies page in a real window against the demo hub: once the hub's
 * agency sums are read, each agency's figures equal those counted here
 * from the hub's own lists and every dataset's history (the mean weighted by records, the change
 * over 30 and 7 days, feeds failed), the rows are weakest first, search
 * and CSV export work, and the detail shows the agency. Screenshots. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <glib/gstdio.h>

#include "hc-agency-detail.h"
#include "hc-application.h"
#include "hc-report-print.h"
#include "hc-report.h"
#include "hc-demo-launcher.h"
#include "hc-event-stream.h"
#include "hc-test-ui.h"
#include "hc-window.h"

#define DAY ((gint64) 86400)

typedef HcTestConsole Fixture;

static void
screenshot (Fixture *f, const char *what)
{
  g_autofree char *name = g_strdup_printf ("agencies-%s-%s.png", what, f->lang);

  hc_test_settle (300);
  hc_test_screenshot (GTK_WIDGET (f->window), name);
}

static gboolean
history_read (gpointer data)
{
  HcAgencyHistory *history = data;

  return hc_agency_history_get_total (history) > 0 &&
         hc_agency_history_get_known (history) == hc_agency_history_get_total (history);
}

/* The figures of @agency counted the plain way, from the hub's lists. */
typedef struct {
  gint64 datasets, records, feeds_failed;
  double overall, change;
} Expected;

static Expected
expect (HcHub      *hub,
        const char *agency,
        guint       period)
{
  GListModel *datasets = G_LIST_MODEL (hc_hub_get_datasets (hub));
  GListModel *sources = G_LIST_MODEL (hc_hub_get_sources (hub));
  /* The period's days end today, today included. */
  gint64 first_day = g_get_real_time () / G_USEC_PER_SEC / DAY - (period - 1);
  double sum = 0, weight = 0, change_sum = 0, change_weight = 0;
  Expected e = { 0 };

  for (guint i = 0; i < g_list_model_get_n_items (datasets); i++)
    {
      g_autoptr(HcDataset) d = g_list_model_get_item (datasets, i);
      GListModel *history = hc_dataset_get_history (d);
      g_autoptr(HcScorePoint) first = NULL, last = NULL;

      if (g_strcmp0 (hc_dataset_get_owner_agency (d), agency) != 0)
        continue;
      e.datasets++;
      e.records += hc_dataset_get_records (d);
      sum += hc_dataset_get_records (d) * hc_dataset_get_overall (d);
      weight += hc_dataset_get_records (d);
      g_assert_nonnull (history);
      for (guint p = 0; p < g_list_model_get_n_items (history); p++)
        {
          g_autoptr(HcScorePoint) point = g_list_model_get_item (history, p);

          if (hc_score_point_get_date (point) / DAY == first_day)
            g_set_object (&first, point);
          if (p + 1 == g_list_model_get_n_items (history))
            g_set_object (&last, point);
        }
      if (first != NULL && last != NULL && first != last)
        {
          change_sum += hc_dataset_get_records (d) * (hc_score_point_get_overall (last) - hc_score_point_get_overall (first));
          change_weight += hc_dataset_get_records (d);
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (sources); i++)
    {
      g_autoptr(HcSource) s = g_list_model_get_item (sources, i);

      if (g_strcmp0 (hc_source_get_agency (s), agency) == 0 && hc_source_get_status (s) == HC_SOURCE_STATUS_FAILED)
        e.feeds_failed++;
    }
  e.overall = weight > 0 ? sum / weight : NAN;
  e.change = change_weight > 0 ? change_sum / change_weight : NAN;
  return e;
}

/* NULL when every row has the figures counted the plain way, else what
 * differs. */
static char *
agencies_differ (HcHub      *hub,
                 HcListPane *pane,
                 guint       period)
{
  GListModel *rows = hc_list_pane_get_visible_model (pane);
  guint n = g_list_model_get_n_items (rows);
  double previous = -1;
  guint with_change = 0;

  g_assert_cmpuint (n, >=, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcAgency) agency = g_list_model_get_item (rows, i);
      Expected e = expect (hub, hc_agency_get_name (agency), period);
      double sort;

      g_object_get (agency, "sort-score", &sort, NULL);
      g_assert_cmpfloat (sort, >=, previous);   /* weakest first */
      previous = sort;
      g_assert_cmpint (hc_agency_get_datasets (agency), ==, e.datasets);
      g_assert_cmpint (hc_agency_get_records (agency), ==, e.records);
      g_assert_cmpint (hc_agency_get_feeds_failed (agency), ==, e.feeds_failed);
      if (e.datasets == 0)
        g_assert_true (isnan (hc_agency_get_overall (agency)));
      else
        g_assert_cmpfloat_with_epsilon (hc_agency_get_overall (agency), e.overall, 1e-6);
      if (isnan (e.change) != isnan (hc_agency_get_change (agency)) ||
          (!isnan (e.change) && fabs (hc_agency_get_change (agency) - e.change) > 1e-6))
        return g_strdup_printf ("%s: change %g, counted from the histories %g", hc_agency_get_name (agency),
                                hc_agency_get_change (agency), e.change);
      with_change += !isnan (e.change);
    }
  /* The demo hub keeps 90 days of history: every agency with datasets
   * has a change. */
  g_assert_cmpuint (with_change, >, 0);
  return NULL;
}

typedef struct {
  guint pending;
} DetailWait;

static void
on_detail (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  DetailWait *wait = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) item = hc_hub_fetch_detail_finish (HC_HUB (object), result, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  wait->pending--;
}

static gboolean
details_read (gpointer data)
{
  return ((DetailWait *) data)->pending == 0;
}

static gboolean
sums_served (gpointer data)
{
  HcAgencyHistory *history = data;

  return hc_agency_history_get_served (history) == 1 && history_read (history);
}

/* Every row's history read afresh (the hub's sums spare the page that,
 * not the test), then the hub's sums asked again: both from the same
 * data unless the live hub changed a history in between, so a few tries. */
static void
check_agencies (HcHub          *hub,
                HcAgenciesPage *page,
                guint           period)
{
  HcAgencyHistory *history = hc_agencies_page_get_history (page);
  g_autofree char *differ = NULL;

  for (guint attempt = 0; attempt < 5; attempt++)
    {
      GListModel *datasets = G_LIST_MODEL (hc_hub_get_datasets (hub));
      DetailWait wait = { 0 };

      for (guint i = 0; i < g_list_model_get_n_items (datasets); i++)
        {
          g_autoptr(HcItem) dataset = g_list_model_get_item (datasets, i);

          wait.pending++;
          hc_hub_fetch_detail_async (hub, HC_LIST_DATASETS, hc_item_get_id (dataset), NULL, on_detail, &wait);
        }
      hc_test_spin_until (details_read, &wait, 60);
      hc_agency_history_stop (history);
      hc_agency_history_start (history);
      hc_test_spin_until (sums_served, history, 60);
      hc_agencies_page_recount (page);
      g_free (differ);
      differ = agencies_differ (hub, hc_agencies_page_get_pane (page), period);
      if (differ == NULL)
        return;
      g_test_message ("Try %u: %s", attempt + 1, differ);
    }
  g_error ("%s", differ);
}

static void
test_agencies (Fixture *f, gconstpointer data)
{
  const Fixture *shared = data;
  HcAgenciesPage *page;
  HcListPane *pane;
  g_autoptr(GBytes) csv = NULL;
  g_autoptr(HcAgency) weakest = NULL;
  g_autofree char *found = NULL;

  hc_test_console_open (f, shared->app, shared->lang, HC_DEMO_OPERATOR_TOKEN);

  page = hc_window_get_agencies_page (f->window);
  pane = hc_agencies_page_get_pane (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", "agencies"));
  hc_test_wait_mapped (GTK_WIDGET (page));
  /* The page's menu leads supervisors to the audit log. */
  {
    GMenuModel *extra = G_MENU_MODEL (hc_agencies_page_get_extra_menu (page));
    g_autofree char *action = NULL;

    g_assert_cmpint (g_menu_model_get_n_items (extra), ==, 1);
    g_assert_true (g_menu_model_get_item_attribute (extra, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "win.audit");
  }
  /* Rows come at once, from the lists; the history follows. */
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_pane_get_visible_model (pane)), >, 0);
  hc_test_spin_until (history_read, hc_agencies_page_get_history (page), 150);
  /* The demo hub lives on: hold its events from here, so the page and the
   * figures counted below read the same rows. */
  hc_event_stream_stop (hc_hub_get_event_stream (f->hub));
  hc_test_settle (100);
  hc_agencies_page_recount (page);
  hc_test_settle (200);
  /* The demo hub sums its agencies itself: the page took that, and read
   * no dataset's history. */
  g_assert_cmpuint (hc_agency_history_get_served (hc_agencies_page_get_history (page)), ==, 1);
  check_agencies (f->hub, page, 30);
  screenshot (f, "list");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agencies.period", "i", 7));
  hc_test_settle (100);
  check_agencies (f->hub, page, 7);

  /* 90 days: the demo hub keeps the 90 points of history a dataset's
   * detail may hold, and a 90-day period (today included) needs no more:
   * every agency's change is known. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agencies.period", "i", 90));
  hc_test_settle (300);
  check_agencies (f->hub, page, 90);
  screenshot (f, "period-90");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "agencies.period", "i", 7));
  hc_test_settle (300);

  /* CSV: every agency, in the order shown. */
  csv = hc_list_pane_to_csv (pane);
  weakest = g_list_model_get_item (hc_list_pane_get_visible_model (pane), 0);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv), hc_agency_get_name (weakest)));

  /* The detail of the weakest agency, then search narrows to it. */
  hc_list_pane_select_item (pane, weakest);
  hc_test_settle (200);
  found = hc_test_find_text (GTK_WIDGET (page), hc_agency_get_name (weakest));
  g_assert_nonnull (found);
  screenshot (f, "detail");
  hc_list_pane_set_search_text (pane, hc_agency_get_name (weakest));
  hc_test_settle (300);
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_pane_get_visible_model (pane)), >=, 1);

  /* "Show Datasets" opens Data quality with that agency's rows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-agency-datasets", "s",
                                             hc_agency_get_name (weakest)));
  hc_test_settle (300);
  g_assert_cmpstr (hc_window_get_section (f->window), ==, "quality");
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_pane_get_visible_model (hc_quality_page_get_pane (hc_window_get_quality_page (f->window)))),
                    >=, (guint) hc_agency_get_datasets (weakest));

  /* The report through GtkPrintOperation (exported, as "Print to File"
   * does), in Vietnamese whatever the window's language. */
  {
    g_autoptr(GPtrArray) reports = g_ptr_array_new_with_free_func ((GDestroyNotify) hc_report_data_free);
    g_autofree char *dir = g_dir_make_tmp ("hc-print-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    gsize length = 0;

    g_ptr_array_add (reports, hc_report_count (f->hub, "Demo hub", f->url, 30, 80, 60, g_get_real_time () / G_USEC_PER_SEC));
    g_assert_true (hc_report_print_run (GTK_WINDOW (f->window), reports, "vi", path, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    g_assert_cmpuint (length, >, 10000);
    g_assert_true (g_str_has_prefix (contents, "%PDF"));
    /* The window's language is back. */
    g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, shared->lang);
    g_remove (path);
    g_rmdir (dir);
  }

  /* "Quality Report…" asks for the hub, the period and the language. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.quality-report", NULL));
  hc_test_settle (300);
  {
    g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
    AdwMessageDialog *dialog = NULL;

    for (GList *l = toplevels; l != NULL; l = l->next)
      if (ADW_IS_MESSAGE_DIALOG (l->data))
        dialog = l->data;
    g_assert_nonnull (dialog);
    g_assert_true (adw_message_dialog_has_response (dialog, "print"));
    found = (g_free (found), hc_test_find_text (GTK_WIDGET (dialog), "Demo hub"));
    g_assert_nonnull (found);
    {
      g_autofree char *name = g_strdup_printf ("agencies-report-dialog-%s.png", f->lang);
      hc_test_screenshot (GTK_WIDGET (dialog), name);
    }
    adw_message_dialog_response (dialog, "cancel");
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  hc_test_console_close (f);
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
  fixture.app = hc_test_new_app ();

  g_test_add ("/agencies/demo-hub", Fixture, &fixture, NULL, test_agencies, NULL);
  {
    int status = g_test_run ();
    g_clear_object (&fixture.app);
    return status;
  }
}
