/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-alert.h"

G_BEGIN_DECLS

#define HC_TYPE_TRIAGE_DIALOG (hc_triage_dialog_get_type ())

G_DECLARE_FINAL_TYPE (HcTriageDialog, hc_triage_dialog, HC, TRIAGE_DIALOG, AdwMessageDialog)

GtkWidget  *hc_triage_dialog_new            (GtkWindow      *parent,
                                             HcAlert        *alert,
                                             gboolean        resolve);
void        hc_triage_dialog_present        (HcTriageDialog *self);
HcAlert    *hc_triage_dialog_get_alert      (HcTriageDialog *self);
gboolean    hc_triage_dialog_get_resolve    (HcTriageDialog *self);
char       *hc_triage_dialog_get_comment    (HcTriageDialog *self);
const char *hc_triage_dialog_get_resolution (HcTriageDialog *self);

GtkWidget  *hc_triage_dialog_new_silence    (GtkWindow      *parent,
                                             HcAlert        *alert);
gint64      hc_triage_dialog_get_ends_at    (HcTriageDialog *self);
gboolean    hc_triage_comment_is_valid      (const char     *comment);

G_END_DECLS
