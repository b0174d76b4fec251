/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HC_TYPE_ALERT_SORTER (hc_alert_sorter_get_type ())
G_DECLARE_FINAL_TYPE (HcAlertSorter, hc_alert_sorter, HC, ALERT_SORTER, GtkSorter)

/* @key: "severity" (then the time detected), "state", "detected-at" or
 * "events-count". */
HcAlertSorter *hc_alert_sorter_new (const char *key);

G_END_DECLS
