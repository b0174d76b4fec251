/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_TYPE_SEARCH_FILTER (hc_search_filter_get_type ())

G_DECLARE_FINAL_TYPE (HcSearchFilter, hc_search_filter, HC, SEARCH_FILTER, GtkFilter)

HcSearchFilter *hc_search_filter_new            (void);
void            hc_search_filter_set_search     (HcSearchFilter *self,
                                                 const char     *search);
void            hc_search_filter_set_expression (HcSearchFilter *self,
                                                 GtkExpression  *expression);

G_END_DECLS
