/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-fields.h"
#include "hc-me.h"
#include "hc-parser.h"

struct _HcMe
{
  GObject parent_instance;

  char *user;
  char *display_name;
  HcRole role;
  char **permissions;
  char *hub_id;
  char *hub_name;
  char *hub_site;
  char *hub_version;
  gint64 hub_time;
};

G_DEFINE_FINAL_TYPE (HcMe, hc_me, G_TYPE_OBJECT)

static const HcField fields[] = {
  { .property = "user",
    .json = "user",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcMe, user) },
  { .property = "display-name",
    .json = "display_name",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcMe, display_name) },
  { .property = "role",
    .json = "role",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcMe, role),
    .get_type = hc_role_get_type },
  { .property = "permissions",
    .json = "permissions",
    .kind = HC_FIELD_STRV,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcMe, permissions),
    .max = HC_PARSE_MAX_PERMISSIONS },
  { .property = "hub-id",
    .json = "hub.id",
    .kind = HC_FIELD_ID,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcMe, hub_id) },
  { .property = "hub-name",
    .json = "hub.name",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcMe, hub_name) },
  { .property = "hub-site",
    .json = "hub.site",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcMe, hub_site) },
  { .property = "hub-version",
    .json = "hub.version",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcMe, hub_version) },
  { .property = "hub-time",
    .json = "hub.time",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcMe, hub_time) },
};

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), NULL };

static void
hc_me_class_init (HcMeClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_me_init (HcMe *self)
{
}

const char *
hc_me_get_user (HcMe *self)
{
  g_return_val_if_fail (HC_IS_ME (self), NULL);

  return self->user;
}

const char *
hc_me_get_display_name (HcMe *self)
{
  g_return_val_if_fail (HC_IS_ME (self), NULL);

  return self->display_name;
}

HcRole
hc_me_get_role (HcMe *self)
{
  g_return_val_if_fail (HC_IS_ME (self), 0);

  return self->role;
}

const char * const *
hc_me_get_permissions (HcMe *self)
{
  g_return_val_if_fail (HC_IS_ME (self), NULL);

  return (const char * const *) self->permissions;
}

const char *
hc_me_get_hub_id (HcMe *self)
{
  g_return_val_if_fail (HC_IS_ME (self), NULL);

  return self->hub_id;
}

const char *
hc_me_get_hub_name (HcMe *self)
{
  g_return_val_if_fail (HC_IS_ME (self), NULL);

  return self->hub_name;
}

const char *
hc_me_get_hub_site (HcMe *self)
{
  g_return_val_if_fail (HC_IS_ME (self), NULL);

  return self->hub_site;
}

const char *
hc_me_get_hub_version (HcMe *self)
{
  g_return_val_if_fail (HC_IS_ME (self), NULL);

  return self->hub_version;
}

gint64
hc_me_get_hub_time (HcMe *self)
{
  g_return_val_if_fail (HC_IS_ME (self), 0);

  return self->hub_time;
}

/**
 * hc_me_can:
 * Whether the hub lists @permission for this user. Only decides what the
 * console offers; the hub enforces it anyway.
 */
gboolean
hc_me_can (HcMe       *self,
           const char *permission)
{
  g_return_val_if_fail (HC_IS_ME (self), FALSE);
  g_return_val_if_fail (permission != NULL, FALSE);

  return self->permissions != NULL &&
         g_strv_contains ((const char * const *) self->permissions, permission);
}

gboolean
hc_me_can_retry (HcMe *self)
{
  return hc_me_can (self, "sources.retry");
}

gboolean
hc_me_can_acknowledge (HcMe *self)
{
  return hc_me_can (self, "alerts.acknowledge");
}

gboolean
hc_me_can_resolve (HcMe *self)
{
  return hc_me_can (self, "alerts.resolve");
}

gboolean
hc_me_can_read_audit (HcMe *self)
{
  return hc_me_can (self, "audit.read");
}
