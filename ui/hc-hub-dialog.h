/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-hub-manager.h"

G_BEGIN_DECLS

#define HC_TYPE_HUB_DIALOG (hc_hub_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcHubDialog, hc_hub_dialog, HC, HUB_DIALOG, AdwWindow)

HcHubDialog *hc_hub_dialog_new          (GtkWindow    *parent,
                                         HcHubManager *manager,
                                         HcProfile    *profile);
void         hc_hub_dialog_set_url      (HcHubDialog  *self,
                                         const char   *url);
void         hc_hub_dialog_set_name     (HcHubDialog  *self,
                                         const char   *name);
void         hc_hub_dialog_set_token    (HcHubDialog  *self,
                                         const char   *token);
void         hc_hub_dialog_save         (HcHubDialog  *self);
const char  *hc_hub_dialog_get_status   (HcHubDialog  *self);

G_END_DECLS
