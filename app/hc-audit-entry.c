/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-audit-entry.h"
#include "hc-fields.h"

struct _HcAuditEntry
{
  HcItem parent_instance;

  gint64 at;
  char *actor;
  HcRole role;
  HcAuditAction action;
  char *target;
  char *remote_address;
  gint64 status;
  char *comment;
};

G_DEFINE_FINAL_TYPE (HcAuditEntry, hc_audit_entry, HC_TYPE_ITEM)

static const HcField fields[] = {
  { .property = "at",
    .json = "at",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcAuditEntry, at) },
  { .property = "actor",
    .json = "actor",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcAuditEntry, actor) },
  { .property = "role",
    .json = "role",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcAuditEntry, role),
    .get_type = hc_role_get_type },
  { .property = "action",
    .json = "action",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcAuditEntry, action),
    .get_type = hc_audit_action_get_type },
  { .property = "target",
    .json = "target",
    .kind = HC_FIELD_ID,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcAuditEntry, target) },
  { .property = "remote-address",
    .json = "remote_address",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcAuditEntry, remote_address) },
  { .property = "status",
    .json = "status",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcAuditEntry, status),
    .min = 100,
    .max = 599 },
  { .property = "comment",
    .json = "comment",
    .kind = HC_FIELD_TEXT,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAuditEntry, comment) },
};

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), NULL };

static void
hc_audit_entry_class_init (HcAuditEntryClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_audit_entry_init (HcAuditEntry *self)
{
}

gint64
hc_audit_entry_get_at (HcAuditEntry *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), 0);

  return self->at;
}

const char *
hc_audit_entry_get_actor (HcAuditEntry *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), NULL);

  return self->actor;
}

HcRole
hc_audit_entry_get_role (HcAuditEntry *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), 0);

  return self->role;
}

HcAuditAction
hc_audit_entry_get_action (HcAuditEntry *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), 0);

  return self->action;
}

const char *
hc_audit_entry_get_target (HcAuditEntry *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), NULL);

  return self->target;
}

const char *
hc_audit_entry_get_remote_address (HcAuditEntry *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), NULL);

  return self->remote_address;
}

gint64
hc_audit_entry_get_status (HcAuditEntry *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), 0);

  return self->status;
}

const char *
hc_audit_entry_get_comment (HcAuditEntry *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (self), NULL);

  return self->comment;
}
