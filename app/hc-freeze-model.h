/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HC_TYPE_FREEZE_MODEL (hc_freeze_model_get_type ())

G_DECLARE_FINAL_TYPE (HcFreezeModel, hc_freeze_model, HC, FREEZE_MODEL, GObject)

HcFreezeModel *hc_freeze_model_new          (GListModel    *model);
void           hc_freeze_model_set_model    (HcFreezeModel *self,
                                             GListModel    *model);
GListModel    *hc_freeze_model_get_model    (HcFreezeModel *self);
void           hc_freeze_model_set_frozen   (HcFreezeModel *self,
                                             gboolean       frozen);
gboolean       hc_freeze_model_get_frozen   (HcFreezeModel *self);
guint          hc_freeze_model_get_n_waiting (HcFreezeModel *self);

G_END_DECLS
