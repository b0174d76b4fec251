/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean hc_report_print_run (GtkWindow   *parent,
                              GPtrArray   *reports,
                              const char  *language,
                              const char  *export_path,
                              GError     **error);

G_END_DECLS
