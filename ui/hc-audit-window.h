/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-hub-manager.h"
#include "hc-list-pane.h"
#include "hc-window.h"

G_BEGIN_DECLS

#define HC_TYPE_AUDIT_WINDOW (hc_audit_window_get_type ())

G_DECLARE_FINAL_TYPE (HcAuditWindow, hc_audit_window, HC, AUDIT_WINDOW, AdwWindow)

HcAuditWindow *hc_audit_window_new          (HcWindow      *window,
                                             HcHubManager  *manager,
                                             GPtrArray     *hubs);
HcListPane    *hc_audit_window_get_pane     (HcAuditWindow *self);
const char    *hc_audit_window_get_denied   (HcAuditWindow *self);
const char    *hc_audit_window_get_problems (HcAuditWindow *self);
gboolean       hc_audit_window_is_loading   (HcAuditWindow *self);
void           hc_audit_window_set_actor    (HcAuditWindow *self,
                                             const char    *actor);
void           hc_audit_window_set_action   (HcAuditWindow *self,
                                             const char    *action);
void           hc_audit_window_set_page_limit (HcAuditWindow *self,
                                             guint          limit);
void           hc_audit_window_set_period   (HcAuditWindow *self,
                                             guint          days);
gboolean       hc_audit_window_open_target  (HcAuditWindow *self,
                                             HcAuditEntry  *entry);

G_END_DECLS
