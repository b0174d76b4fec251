/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Printing quality reports with GTK's print dialog (preview, and "Print
 * to File" for a PDF), one hub's report after another, in the language
 * chosen for them. */
#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>

#include "hc-report-print.h"
#include "hc-report-render.h"

/* glibc re-reads its catalogs when this changes (as the gettext manual
 * says to do after setting LANGUAGE). */
extern int _nl_msg_cat_cntr;

typedef struct {
  GPtrArray *reports;    /* HcReportData */
  GArray    *pages;      /* int: each report's pages */
} Job;

/* Counts each report's pages on the printer's own context. */
static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                Job               *job)
{
  int total = 0;

  g_array_set_size (job->pages, 0);
  for (guint i = 0; i < job->reports->len; i++)
    {
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
      cairo_t *cr = cairo_create (surface);
      int n = hc_report_render_pages (job->reports->pdata[i], cr, 0, 0);

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      g_array_append_val (job->pages, n);
      total += n;
    }
  gtk_print_operation_set_n_pages (operation, MAX (total, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              Job               *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  /* The context is in points on A4 (unit GTK_UNIT_POINTS, full page). */
  for (guint i = 0; i < job->reports->len; i++)
    {
      int n = g_array_index (job->pages, int, i);

      if (page_nr < n)
        {
          hc_report_render_pages (job->reports->pdata[i], cr, page_nr + 1, n);
          return;
        }
      page_nr -= n;
    }
}

/**
 * hc_report_print_run:
 * @reports: HcReportData, one per hub
 * @language: "en" or "vi": the reports' words, numbers and dates
 * @export_path: (nullable): a PDF to write without a dialog
 *
 * Shows the print dialog for @reports and prints them (or exports them to
 * @export_path); returns when the dialog has closed.
 */
gboolean
hc_report_print_run (GtkWindow   *parent,
                     GPtrArray   *reports,
                     const char  *language,
                     const char  *export_path,
                     GError     **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  Job job = { reports, g_array_new (FALSE, FALSE, sizeof (int)) };
  GtkPrintOperationResult result;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, FALSE);
  gtk_print_operation_set_job_name (operation, _("Quality Report"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print), &job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page), &job);

  /* The report's language for as long as it is drawn. */
  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  result = gtk_print_operation_run (operation,
                                    export_path ? GTK_PRINT_OPERATION_ACTION_EXPORT
                                                : GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, error);
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  ++_nl_msg_cat_cntr;

  g_array_unref (job.pages);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
