/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "hc-audit-entry.h"
#include "hc-hub.h"
#include "hc-list-pane.h"

G_BEGIN_DECLS

/* What a target link asks for: open @entry's target, on @hub. */
typedef void (*HcAuditOpenFunc) (HcAuditEntry *entry,
                                 gpointer      user_data);

const char *hc_audit_columns_action_label (HcAuditAction  action);
HcHub      *hc_audit_columns_get_hub      (HcAuditEntry  *entry);
void        hc_audit_columns_set_hub      (HcAuditEntry  *entry,
                                           HcHub         *hub,
                                           const char    *hub_name);
void        hc_audit_columns_setup        (GtkColumnView *view,
                                           HcListPane    *pane,
                                           HcAuditOpenFunc open,
                                           gpointer       user_data);

G_END_DECLS
