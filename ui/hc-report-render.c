/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The quality report drawn with cairo and Pango on A4 pages: text, tables
 * and charts as vectors, for a PDF file and for GtkPrintOperation alike. */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "hc-dataset.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-report-render.h"

#define MARGIN   48.0
#define TOP      (MARGIN + 28.0)
#define BOTTOM   (HC_REPORT_PAGE_HEIGHT - MARGIN - 24.0)
#define WIDTH    (HC_REPORT_PAGE_WIDTH - 2 * MARGIN)

typedef struct {
  const HcReportData *data;
  cairo_t            *cr;
  int                 page;       /* 1-based, 0 before the first */
  int                 only_page;  /* draw this page only (printing); -1: all, showing each */
  int                 n_pages;    /* for the footer; 0 while counting */
  double              y;
} Writer;

static gboolean
visible (Writer *w)
{
  return w->only_page < 0 || w->page == w->only_page;
}

/* ---- numbers and dates in the report's language ------------------------ */

static char *
number (double value,
        int    decimals)
{
  /* Translators: the decimal separator in the printed report: "," in Vietnamese */
  const char *separator = C_("decimal separator", ".");
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_auto(GStrv) parts = NULL;

  if (isnan (value))
    /* Translators: a figure the report could not know */
    return g_strdup (C_("report", "not known"));
  g_ascii_formatd (buffer, sizeof buffer, decimals == 0 ? "%.0f" : "%.1f", value);
  parts = g_strsplit (buffer, ".", 2);
  return g_strjoinv (separator, parts);
}

static char *
change_text (double change)
{
  g_autofree char *abs = NULL;

  if (isnan (change))
    return g_strdup (C_("report", "not known"));
  abs = number (fabs (change), 1);
  if (round (change * 10) == 0)
    return g_strdup_printf ("= %s", abs);
  return g_strdup_printf (change > 0 ? "▲ +%s" : "▼ −%s", abs);
}

/* ---- pages ----------------------------------------------------------------- */

static PangoLayout *
layout_new (Writer     *w,
            const char *text,
            double      size,
            gboolean    bold,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (w->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
draw_at (Writer     *w,
         const char *text,
         double      size,
         gboolean    bold,
         double      x,
         double      y,
         double      width,
         PangoAlignment align)
{
  g_autoptr(PangoLayout) layout = layout_new (w, text, size, bold, width);

  if (!visible (w))
    return;
  pango_layout_set_alignment (layout, align);
  cairo_move_to (w->cr, x, y);
  pango_cairo_show_layout (w->cr, layout);
}

static void
page_furniture (Writer *w)
{
  g_autofree char *title = g_strdup_printf (_("Quality Report: %s"), w->data->hub_name);
  g_autofree char *period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Last %u day", "Last %u days",
                                                          w->data->period_days), w->data->period_days);
  g_autofree char *made = hc_format_day (w->data->made_at);
  g_autofree char *footer = g_strdup_printf (_("Made on %s by %s"), made,
                                             w->data->author ? w->data->author : C_("report", "not known"));
  g_autofree char *page = w->n_pages > 0 ? g_strdup_printf (_("Page %d of %d"), w->page, w->n_pages)
                                         : g_strdup_printf (_("Page %d"), w->page);

  if (!visible (w))
    return;
  cairo_set_source_rgb (w->cr, 0.35, 0.35, 0.35);
  draw_at (w, title, 8, FALSE, MARGIN, MARGIN, WIDTH * 0.7, PANGO_ALIGN_LEFT);
  draw_at (w, period, 8, FALSE, MARGIN + WIDTH * 0.7, MARGIN, WIDTH * 0.3, PANGO_ALIGN_RIGHT);
  cairo_set_line_width (w->cr, 0.5);
  cairo_move_to (w->cr, MARGIN, MARGIN + 14);
  cairo_line_to (w->cr, MARGIN + WIDTH, MARGIN + 14);
  cairo_move_to (w->cr, MARGIN, HC_REPORT_PAGE_HEIGHT - MARGIN - 12);
  cairo_line_to (w->cr, MARGIN + WIDTH, HC_REPORT_PAGE_HEIGHT - MARGIN - 12);
  cairo_stroke (w->cr);
  draw_at (w, footer, 8, FALSE, MARGIN, HC_REPORT_PAGE_HEIGHT - MARGIN - 8, WIDTH * 0.75, PANGO_ALIGN_LEFT);
  draw_at (w, page, 8, FALSE, MARGIN + WIDTH * 0.75, HC_REPORT_PAGE_HEIGHT - MARGIN - 8, WIDTH * 0.25,
           PANGO_ALIGN_RIGHT);
  cairo_set_source_rgb (w->cr, 0, 0, 0);
}

static void
new_page (Writer *w)
{
  if (w->page > 0 && w->only_page < 0)
    cairo_show_page (w->cr);
  w->page++;
  w->y = TOP;
  page_furniture (w);
}

/* Room for @height more, or a new page. */
static void
need (Writer *w,
      double  height)
{
  if (w->page == 0 || w->y + height > BOTTOM)
    new_page (w);
}

static void
paragraph (Writer     *w,
           const char *text,
           double      size,
           gboolean    bold,
           double      space_after)
{
  g_autoptr(PangoLayout) layout = layout_new (w, text, size, bold, WIDTH);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  need (w, height / (double) PANGO_SCALE);
  if (visible (w))
    {
      cairo_move_to (w->cr, MARGIN, w->y);
      pango_cairo_show_layout (w->cr, layout);
    }
  w->y += height / (double) PANGO_SCALE + space_after;
}

static void
heading (Writer     *w,
         const char *text)
{
  need (w, 100);  /* never a heading alone at the foot of a page */
  w->y += 8;
  paragraph (w, text, 13, TRUE, 6);
}

/* One table row; @widths are fractions of the page's width. */
static void
table_row (Writer             *w,
           const char * const *cells,
           const double       *widths,
           guint               n,
           gboolean            bold)
{
  double height = 0, x = MARGIN;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = layout_new (w, cells[i], bold ? 7 : 8, bold, WIDTH * widths[i] - 4);
      int h;

      pango_layout_get_size (layout, NULL, &h);
      height = MAX (height, h / (double) PANGO_SCALE);
    }
  need (w, height + 3);
  for (guint i = 0; i < n; i++)
    {
      draw_at (w, cells[i], bold ? 7 : 8, bold, x, w->y, WIDTH * widths[i] - 4, i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
      x += WIDTH * widths[i];
    }
  w->y += height + 3;
  if (visible (w))
    {
      cairo_set_source_rgb (w->cr, 0.8, 0.8, 0.8);
      cairo_set_line_width (w->cr, 0.3);
      cairo_move_to (w->cr, MARGIN, w->y - 1.5);
      cairo_line_to (w->cr, MARGIN + WIDTH, w->y - 1.5);
      cairo_stroke (w->cr);
      cairo_set_source_rgb (w->cr, 0, 0, 0);
    }
}

/* ---- charts ------------------------------------------------------------- */

static const double series_rgb[5][3] = {
  { 0.11, 0.44, 0.85 }, { 0.15, 0.64, 0.41 }, { 0.90, 0.38, 0.0 }, { 0.57, 0.25, 0.67 }, { 0, 0, 0 },
};
static const double series_dash[5] = { 0, 4, 1.5, 6, 0 };

static void
trend_chart (Writer *w)
{
  const HcAgencyPoint *trend;
  const double height = 170, left = MARGIN + 28, width = WIDTH - 28;
  double top, lo = 100;
  guint n;

  trend = hc_agency_get_trend (w->data->whole, &n);
  heading (w, _("Trend of the Four Criteria"));
  if (n < 2)
    {
      paragraph (w, _("Not known: the datasets' history could not be read."), 10, FALSE, 6);
      return;
    }
  need (w, height + 40);
  top = w->y;
  for (guint i = 0; i < n; i++)
    for (guint c = 0; c < 4; c++)
      lo = MIN (lo, trend[i].scores[c]);
  lo = MAX (0, floor (lo / 10) * 10 - 10);
  if (visible (w))
    {
      cairo_set_line_width (w->cr, 0.3);
      for (int tick = 0; tick <= 4; tick++)
        {
          double value = lo + (100 - lo) * tick / 4;
          double y = top + height * (1 - tick / 4.0);
          g_autofree char *label = number (value, 0);

          cairo_set_source_rgb (w->cr, 0.8, 0.8, 0.8);
          cairo_move_to (w->cr, left, y);
          cairo_line_to (w->cr, left + width, y);
          cairo_stroke (w->cr);
          cairo_set_source_rgb (w->cr, 0.3, 0.3, 0.3);
          draw_at (w, label, 7, FALSE, MARGIN, y - 5, 24, PANGO_ALIGN_RIGHT);
        }
      for (guint c = 0; c < 5; c++)
        {
          cairo_set_source_rgb (w->cr, series_rgb[c][0], series_rgb[c][1], series_rgb[c][2]);
          cairo_set_line_width (w->cr, c == 4 ? 2 : 1.2);
          cairo_set_dash (w->cr, &series_dash[c], series_dash[c] > 0 ? 1 : 0, 0);
          for (guint i = 0; i < n; i++)
            {
              double x = left + width * (double) (trend[i].date - trend[0].date) /
                         (double) MAX (trend[n - 1].date - trend[0].date, 1);
              double y = top + height * (1 - (trend[i].scores[c] - lo) / (100 - lo));

              if (i == 0)
                cairo_move_to (w->cr, x, y);
              else
                cairo_line_to (w->cr, x, y);
            }
          cairo_stroke (w->cr);
        }
      cairo_set_dash (w->cr, NULL, 0, 0);
      cairo_set_source_rgb (w->cr, 0, 0, 0);
    }
  {
    g_autofree char *first = hc_format_day (trend[0].date);
    g_autofree char *last = hc_format_day (trend[n - 1].date);

    draw_at (w, first, 7, FALSE, left, top + height + 2, 100, PANGO_ALIGN_LEFT);
    draw_at (w, last, 7, FALSE, left + width - 100, top + height + 2, 100, PANGO_ALIGN_RIGHT);
  }
  w->y = top + height + 14;
  {
    g_autofree char *legend = g_strdup_printf (_("Lines: %s (solid), %s (dashed), %s (dotted), %s (long dashes), "
                                                 "overall (thick); means weighted by records"),
                                               hc_criterion_label (HC_CRITERION_CORRECT),
                                               hc_criterion_label (HC_CRITERION_COMPLETE),
                                               hc_criterion_label (HC_CRITERION_CLEAN),
                                               hc_criterion_label (HC_CRITERION_LIVE));
    paragraph (w, legend, 8, FALSE, 8);
  }
}

static void
agencies_chart (Writer *w)
{
  const double bar = 9, label_width = WIDTH * 0.42;
  GPtrArray *agencies = w->data->agencies;

  heading (w, _("Agencies by Overall Score"));
  for (guint i = 0; i < agencies->len; i++)
    {
      HcAgency *agency = agencies->pdata[i];
      double overall = hc_agency_get_overall (agency);
      g_autofree char *value = number (overall, 1);
      double x = MARGIN + label_width, full = WIDTH - label_width - 40;

      need (w, bar + 3);
      draw_at (w, hc_agency_get_name (agency), 7, FALSE, MARGIN, w->y - 1, label_width - 6, PANGO_ALIGN_LEFT);
      if (visible (w) && !isnan (overall))
        {
          cairo_set_source_rgb (w->cr, overall < w->data->critical_below ? 0.75 : overall < w->data->warning_below ? 0.85 : 0.2,
                                overall < w->data->critical_below ? 0.1 : overall < w->data->warning_below ? 0.55 : 0.55,
                                0.2);
          cairo_rectangle (w->cr, x, w->y, full * overall / 100, bar - 2);
          cairo_fill (w->cr);
          cairo_set_source_rgb (w->cr, 0, 0, 0);
        }
      draw_at (w, value, 7, FALSE, x + full + 2, w->y - 1, 38, PANGO_ALIGN_LEFT);
      w->y += bar + 3;
    }
}

/* ---- the report ----------------------------------------------------------- */

static void
summary (Writer *w)
{
  const HcReportData *d = w->data;
  g_autofree char *warning = number (d->warning_below, 0);
  g_autofree char *critical = number (d->critical_below, 0);
  g_autofree char *datasets = NULL, *feeds = NULL, *pool = NULL, *alerts = NULL;

  heading (w, _("Summary"));
  for (guint c = 0; c < 5; c++)
    {
      double score = c < 4 ? hc_agency_get_score (d->whole, c) : hc_agency_get_overall (d->whole);
      g_autofree char *value = number (score, 1);
      g_autofree char *change = change_text (d->change[c]);
      g_autofree char *line =
        /* Translators: "Correct: 92.8 (change ▲ +0.3)" */
        g_strdup_printf (_("%s: %s (change %s)"), c < 4 ? hc_criterion_label (c) : _("Overall"), value, change);

      paragraph (w, line, 10, c == 4, 2);
    }
  paragraph (w, _("Scores are means over the datasets weighted by their records."), 8, FALSE, 6);
  datasets = g_strdup_printf (_("Datasets: %d; below the warning threshold (%s): %d; below the critical threshold (%s): %d"),
                              (int) hc_agency_get_datasets (d->whole), warning,
                              (int) hc_agency_get_below_warning (d->whole), critical,
                              (int) hc_agency_get_below_critical (d->whole));
  paragraph (w, datasets, 10, FALSE, 2);
  if (d->feeds < 0)
    feeds = g_strdup (_("Feeds: not known (the hub's list of feeds could not be read)"));
  else
    feeds = g_strdup_printf (_("Feeds: %d; failed: %d; lagging: %d"),
                             (int) d->feeds, (int) d->feeds_failed, (int) d->feeds_lagging);
  paragraph (w, feeds, 10, FALSE, 2);
  if (d->tightest_pool != NULL)
    pool = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Tightest storage pool: %s, full in about %d day",
                                         "Tightest storage pool: %s, full in about %d days", d->tightest_days),
                            d->tightest_pool, d->tightest_days);
  else
    pool = g_strdup_printf (_("Storage pools: %d; none is filling up"), (int) d->pools);
  paragraph (w, pool, 10, FALSE, 2);
  alerts = g_strdup_printf (_("Security alerts in the period: %d opened, %d resolved; critical alerts still open: %d"),
                            (int) d->alerts_opened, (int) d->alerts_resolved, (int) d->critical_open);
  paragraph (w, alerts, 10, FALSE, 6);
}

static void
agency_table (Writer *w)
{
  static const double widths[] = { 0.25, 0.08, 0.16, 0.08, 0.08, 0.08, 0.08, 0.08, 0.11 };
  const char *titles[] = {
    _("Agency"), _("Datasets"), _("Records"), hc_criterion_label (HC_CRITERION_CORRECT),
    hc_criterion_label (HC_CRITERION_COMPLETE), hc_criterion_label (HC_CRITERION_CLEAN),
    hc_criterion_label (HC_CRITERION_LIVE), _("Overall"), _("Change"),
  };

  heading (w, _("Agencies"));
  paragraph (w, _("Weakest first. Scores are means weighted by records; the change is the overall score's over the period."),
             8, FALSE, 4);
  table_row (w, titles, widths, G_N_ELEMENTS (titles), TRUE);
  for (guint i = 0; i < w->data->agencies->len; i++)
    {
      HcAgency *a = w->data->agencies->pdata[i];
      g_autofree char *datasets = g_strdup_printf ("%d", (int) hc_agency_get_datasets (a));
      g_autofree char *records = hc_format_count (hc_agency_get_records (a));
      g_autofree char *s0 = number (hc_agency_get_score (a, 0), 1);
      g_autofree char *s1 = number (hc_agency_get_score (a, 1), 1);
      g_autofree char *s2 = number (hc_agency_get_score (a, 2), 1);
      g_autofree char *s3 = number (hc_agency_get_score (a, 3), 1);
      g_autofree char *s4 = number (hc_agency_get_overall (a), 1);
      g_autofree char *change = change_text (hc_agency_get_change (a));
      const char *cells[] = { hc_agency_get_name (a), datasets, records, s0, s1, s2, s3, s4, change };

      table_row (w, cells, widths, G_N_ELEMENTS (cells), FALSE);
    }
}

static void
weakest_datasets (Writer *w)
{
  heading (w, _("The Ten Weakest Datasets"));
  for (guint i = 0; i < w->data->weakest->len; i++)
    {
      HcDataset *d = w->data->weakest->pdata[i];
      GListModel *rules = hc_dataset_get_rules (d);
      g_autofree char *overall = number (hc_dataset_get_overall (d), 1);
      g_autofree char *line = g_strdup_printf (_("%u. %s (%s): overall %s"), i + 1, hc_dataset_get_name (d),
                                               hc_dataset_get_owner_agency (d), overall);
      guint failing = 0;

      paragraph (w, line, 10, TRUE, 2);
      for (guint r = 0; rules != NULL && r < g_list_model_get_n_items (rules); r++)
        {
          g_autoptr(HcRule) rule = g_list_model_get_item (rules, r);
          g_autofree char *failed = NULL, *text = NULL;

          if (hc_rule_get_failed (rule) <= 0)
            continue;
          failed = hc_format_count (hc_rule_get_failed (rule));
          /* Translators: "– Correct: CCCD checksum (1,204 records failed)" */
          text = g_strdup_printf (_("– %s: %s (%s records failed)"), hc_criterion_label (hc_rule_get_criterion (rule)),
                                  hc_rule_get_description (rule), failed);
          paragraph (w, text, 9, FALSE, 1);
          failing++;
        }
      if (rules == NULL)
        paragraph (w, _("– Its rules could not be read."), 9, FALSE, 1);
      else if (failing == 0)
        paragraph (w, _("– No rule fails."), 9, FALSE, 1);
      w->y += 4;
    }
}

static void
front (Writer *w)
{
  const HcReportData *d = w->data;
  /* Whole days in UTC (hc_format_day's), today included. */
  g_autofree char *period_start = hc_format_day (d->first_day * 86400);
  g_autofree char *period_end = hc_format_day (d->made_at);
  g_autofree char *period = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Period: the last %u day, %s to %s",
                                                          "Period: the last %u days, %s to %s", d->period_days),
                                             d->period_days, period_start, period_end);
  g_autoptr(GDateTime) made = g_date_time_new_from_unix_local (d->made_at);
  g_autofree char *time = g_date_time_format (made, "%H:%M");
  g_autofree char *made_line = g_strdup_printf (_("Made on %s at %s by %s"), period_end, time,
                                                d->author ? d->author : C_("report", "not known"));
  g_autofree char *hub = d->hub_site && *d->hub_site ? g_strdup_printf ("%s, %s", d->hub_name, d->hub_site)
                                                     : g_strdup (d->hub_name);

  paragraph (w, _("Quality Report"), 22, TRUE, 4);
  paragraph (w, hub, 14, FALSE, 2);
  if (d->hub_url != NULL)
    paragraph (w, d->hub_url, 9, FALSE, 6);
  paragraph (w, period, 10, FALSE, 2);
  paragraph (w, made_line, 10, FALSE, 6);
}

/**
 * hc_report_render_pages:
 * @only_page: the page to draw (1-based) on @cr as it is, or -1 to draw
 *   every page, ending each with cairo_show_page()
 * @n_pages: the pages in all, for the footers, or 0 when not known yet
 *
 * Returns: the number of pages the report takes
 */
int
hc_report_render_pages (const HcReportData *data,
                        cairo_t            *cr,
                        int                 only_page,
                        int                 n_pages)
{
  Writer w = { .data = data, .cr = cr, .only_page = only_page, .n_pages = n_pages };

  front (&w);
  summary (&w);
  trend_chart (&w);
  agency_table (&w);
  weakest_datasets (&w);
  agencies_chart (&w);
  if (only_page < 0)
    cairo_show_page (cr);
  return w.page;
}

static cairo_status_t
discard (void                *closure,
         const unsigned char *data,
         unsigned int         length)
{
  return CAIRO_STATUS_SUCCESS;
}

/**
 * hc_report_render_pdf:
 * Writes the report to @path as an A4 PDF: all of it, or nothing (a
 * half-written file is removed).
 */
gboolean
hc_report_render_pdf (const HcReportData *data,
                      const char         *path,
                      GError            **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  int n_pages;

  /* First count the pages, for "Page 1 of N". */
  surface = cairo_pdf_surface_create_for_stream (discard, NULL, HC_REPORT_PAGE_WIDTH, HC_REPORT_PAGE_HEIGHT);
  cr = cairo_create (surface);
  n_pages = hc_report_render_pages (data, cr, -1, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  surface = cairo_pdf_surface_create (path, HC_REPORT_PAGE_WIDTH, HC_REPORT_PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Quality Report"));
  cr = cairo_create (surface);
  hc_report_render_pages (data, cr, -1, n_pages);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}
