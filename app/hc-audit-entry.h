/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-enums.h"
#include "hc-item.h"

G_BEGIN_DECLS

#define HC_TYPE_AUDIT_ENTRY (hc_audit_entry_get_type ())

G_DECLARE_FINAL_TYPE (HcAuditEntry, hc_audit_entry, HC, AUDIT_ENTRY, HcItem)

/* One line of the audit log (GET /audit, supervisor only): who did what, when, from where. */
gint64         hc_audit_entry_get_at             (HcAuditEntry *self);
const char    *hc_audit_entry_get_actor          (HcAuditEntry *self);
HcRole         hc_audit_entry_get_role           (HcAuditEntry *self);
HcAuditAction  hc_audit_entry_get_action         (HcAuditEntry *self);
const char    *hc_audit_entry_get_target         (HcAuditEntry *self);
const char    *hc_audit_entry_get_remote_address (HcAuditEntry *self);
gint64         hc_audit_entry_get_status         (HcAuditEntry *self);
const char    *hc_audit_entry_get_comment        (HcAuditEntry *self);

G_END_DECLS
