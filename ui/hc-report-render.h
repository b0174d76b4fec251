/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "hc-report.h"

G_BEGIN_DECLS

/* A4 in points, the unit of PDF and of GtkPrintContext in points. */
#define HC_REPORT_PAGE_WIDTH  595.276
#define HC_REPORT_PAGE_HEIGHT 841.890

int      hc_report_render_pages (const HcReportData *data,
                                 cairo_t            *cr,
                                 int                 only_page,
                                 int                 n_pages);
gboolean hc_report_render_pdf   (const HcReportData *data,
                                 const char         *path,
                                 GError            **error);

G_END_DECLS
