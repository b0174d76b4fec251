/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hc-alert-detail.h"
#include "hc-alert.h"
#include "hc-hub.h"

G_BEGIN_DECLS

gboolean hc_alert_kind_actions_update (GtkWidget     *self,
                                       HcAlertDetail *detail,
                                       HcHub         *hub,
                                       HcAlert       *alert);

G_END_DECLS
