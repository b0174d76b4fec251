/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_TYPE_FILTER_MODEL (hc_filter_model_get_type ())

G_DECLARE_FINAL_TYPE (HcFilterModel, hc_filter_model, HC, FILTER_MODEL, GObject)

HcFilterModel *hc_filter_model_new        (GListModel    *model,
                                           GtkFilter     *filter);
void           hc_filter_model_set_filter (HcFilterModel *self,
                                           GtkFilter     *filter);
GtkFilter     *hc_filter_model_get_filter (HcFilterModel *self);
GListModel    *hc_filter_model_get_model  (HcFilterModel *self);

G_END_DECLS
