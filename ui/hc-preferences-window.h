/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-hub-dialog.h"
#include "hc-hub-manager.h"
#include "hc-notifier.h"

G_BEGIN_DECLS

#define HC_TYPE_PREFERENCES_WINDOW (hc_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HcPreferencesWindow, hc_preferences_window, HC, PREFERENCES_WINDOW, AdwPreferencesWindow)

HcPreferencesWindow *hc_preferences_window_new         (GtkWindow           *parent,
                                                        GSettings           *settings);
void                 hc_preferences_window_set_manager (HcPreferencesWindow *self,
                                                        HcHubManager        *manager);
void                 hc_preferences_window_set_notifier (HcPreferencesWindow *self,
                                                         HcNotifier          *notifier);
HcHubDialog         *hc_preferences_window_add_hub     (HcPreferencesWindow *self,
                                                        const char          *url);

G_END_DECLS
