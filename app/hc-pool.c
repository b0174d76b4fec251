/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-fields.h"
#include "hc-parser.h"
#include "hc-pool.h"

struct _HcPool
{
  HcItem parent_instance;

  char *name;
  HcPoolKind kind;
  HcPoolState state;
  guint64 capacity_bytes;
  guint64 used_bytes;
  char *replication_scheme;
  gint64 degraded_objects;
  gint64 misplaced_objects;
  guint64 read_bps;
  guint64 write_bps;
  GListStore *history;
};

G_DEFINE_FINAL_TYPE (HcPool, hc_pool, HC_TYPE_ITEM)

static const HcField fields[] = {
  { .property = "name",
    .json = "name",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcPool, name) },
  { .property = "kind",
    .json = "kind",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcPool, kind),
    .get_type = hc_pool_kind_get_type },
  { .property = "state",
    .json = "state",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcPool, state),
    .get_type = hc_pool_state_get_type },
  { .property = "capacity-bytes",
    .json = "capacity_bytes",
    .kind = HC_FIELD_BYTES,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcPool, capacity_bytes) },
  { .property = "used-bytes",
    .json = "used_bytes",
    .kind = HC_FIELD_BYTES,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcPool, used_bytes) },
  { .property = "replication-scheme",
    .json = "replication.scheme",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcPool, replication_scheme) },
  { .property = "degraded-objects",
    .json = "replication.degraded_objects",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcPool, degraded_objects),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "misplaced-objects",
    .json = "replication.misplaced_objects",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcPool, misplaced_objects),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "read-bps",
    .json = "read_bps",
    .kind = HC_FIELD_BYTES,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcPool, read_bps) },
  { .property = "write-bps",
    .json = "write_bps",
    .kind = HC_FIELD_BYTES,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcPool, write_bps) },
  { .property = "history",
    .json = "history",
    .kind = HC_FIELD_LIST,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcPool, history),
    .get_type = hc_usage_point_get_type,
    .max = HC_PARSE_MAX_HISTORY },
};

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), NULL };

static void
hc_pool_class_init (HcPoolClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_pool_init (HcPool *self)
{
}

const char *
hc_pool_get_name (HcPool *self)
{
  g_return_val_if_fail (HC_IS_POOL (self), NULL);

  return self->name;
}

HcPoolKind
hc_pool_get_kind (HcPool *self)
{
  g_return_val_if_fail (HC_IS_POOL (self), 0);

  return self->kind;
}

HcPoolState
hc_pool_get_state (HcPool *self)
{
  g_return_val_if_fail (HC_IS_POOL (self), 0);

  return self->state;
}

guint64
hc_pool_get_capacity_bytes (HcPool *self)
{
  g_return_val_if_fail (HC_IS_POOL (self), 0);

  return self->capacity_bytes;
}

guint64
hc_pool_get_used_bytes (HcPool *self)
{
  g_return_val_if_fail (HC_IS_POOL (self), 0);

  return self->used_bytes;
}

const char *
hc_pool_get_replication_scheme (HcPool *self)
{
  g_return_val_if_fail (HC_IS_POOL (self), NULL);

  return self->replication_scheme;
}

gint64
hc_pool_get_degraded_objects (HcPool *self)
{
  g_return_val_if_fail (HC_IS_POOL (self), 0);

  return self->degraded_objects;
}

gint64
hc_pool_get_misplaced_objects (HcPool *self)
{
  g_return_val_if_fail (HC_IS_POOL (self), 0);

  return self->misplaced_objects;
}

guint64
hc_pool_get_read_bps (HcPool *self)
{
  g_return_val_if_fail (HC_IS_POOL (self), 0);

  return self->read_bps;
}

guint64
hc_pool_get_write_bps (HcPool *self)
{
  g_return_val_if_fail (HC_IS_POOL (self), 0);

  return self->write_bps;
}

GListModel *
hc_pool_get_history (HcPool *self)
{
  g_return_val_if_fail (HC_IS_POOL (self), NULL);

  return (GListModel *) self->history;
}
