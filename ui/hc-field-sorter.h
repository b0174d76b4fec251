/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_TYPE_FIELD_SORTER (hc_field_sorter_get_type ())
G_DECLARE_FINAL_TYPE (HcFieldSorter, hc_field_sorter, HC, FIELD_SORTER, GtkSorter)

HcFieldSorter *hc_field_sorter_new (const char *property);

G_END_DECLS
