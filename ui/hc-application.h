/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-hub-manager.h"
#include "hc-notifier.h"
#include "hc-window.h"

G_BEGIN_DECLS

#define HC_TYPE_APPLICATION (hc_application_get_type ())

G_DECLARE_FINAL_TYPE (HcApplication, hc_application, HC, APPLICATION, AdwApplication)

HcApplication *hc_application_new          (void);
GSettings     *hc_application_get_settings (HcApplication *self);
HcHubManager  *hc_application_get_hub_manager (HcApplication *self);
HcWindow      *hc_application_new_window      (HcApplication *self);
void           hc_application_open_hub     (HcApplication *self,
                                            const char    *url);
HcNotifier    *hc_application_get_notifier (HcApplication *self);
GtkWindow     *hc_application_show_window  (HcApplication *self);

G_END_DECLS
