/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-hub-manager.h"

G_BEGIN_DECLS

GtkWidget *hc_report_dialog_new (GtkWindow    *parent,
                                 HcHubManager *manager,
                                 HcHub        *scope,
                                 GSettings    *settings);

G_END_DECLS
