/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-disk.h"
#include "hc-fields.h"

struct _HcDisk
{
  HcItem parent_instance;

  char *serial;
  char *model;
  guint64 capacity_bytes;
  HcDiskHealth health;
  gint64 temperature_c;
  gint64 reallocated_sectors;
  gint64 power_on_hours;
};

G_DEFINE_FINAL_TYPE (HcDisk, hc_disk, HC_TYPE_ITEM)

static const HcField fields[] = {
  { .property = "serial",
    .json = "serial",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcDisk, serial) },
  { .property = "model",
    .json = "model",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcDisk, model) },
  { .property = "capacity-bytes",
    .json = "capacity_bytes",
    .kind = HC_FIELD_BYTES,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDisk, capacity_bytes) },
  { .property = "health",
    .json = "health",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDisk, health),
    .get_type = hc_disk_health_get_type },
  { .property = "temperature-c",
    .json = "temperature_c",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDisk, temperature_c),
    .min = -40,
    .max = 150 },
  { .property = "reallocated-sectors",
    .json = "reallocated_sectors",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDisk, reallocated_sectors),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "power-on-hours",
    .json = "power_on_hours",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcDisk, power_on_hours),
    .min = 0,
    .max = G_MAXINT64 },
};

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), NULL };

static void
hc_disk_class_init (HcDiskClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_disk_init (HcDisk *self)
{
}

const char *
hc_disk_get_serial (HcDisk *self)
{
  g_return_val_if_fail (HC_IS_DISK (self), NULL);

  return self->serial;
}

const char *
hc_disk_get_model (HcDisk *self)
{
  g_return_val_if_fail (HC_IS_DISK (self), NULL);

  return self->model;
}

guint64
hc_disk_get_capacity_bytes (HcDisk *self)
{
  g_return_val_if_fail (HC_IS_DISK (self), 0);

  return self->capacity_bytes;
}

HcDiskHealth
hc_disk_get_health (HcDisk *self)
{
  g_return_val_if_fail (HC_IS_DISK (self), 0);

  return self->health;
}

gint64
hc_disk_get_temperature_c (HcDisk *self)
{
  g_return_val_if_fail (HC_IS_DISK (self), 0);

  return self->temperature_c;
}

gint64
hc_disk_get_reallocated_sectors (HcDisk *self)
{
  g_return_val_if_fail (HC_IS_DISK (self), 0);

  return self->reallocated_sectors;
}

gint64
hc_disk_get_power_on_hours (HcDisk *self)
{
  g_return_val_if_fail (HC_IS_DISK (self), 0);

  return self->power_on_hours;
}
