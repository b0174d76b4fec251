/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-fields.h"
#include "hc-usage-point.h"

struct _HcUsagePoint
{
  GObject parent_instance;

  gint64 date;
  guint64 used_bytes;
};

G_DEFINE_FINAL_TYPE (HcUsagePoint, hc_usage_point, G_TYPE_OBJECT)

static const HcField fields[] = {
  { .property = "date",
    .json = "date",
    .kind = HC_FIELD_DATE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcUsagePoint, date) },
  { .property = "used-bytes",
    .json = "used_bytes",
    .kind = HC_FIELD_BYTES,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcUsagePoint, used_bytes) },
};

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), NULL };

static void
hc_usage_point_class_init (HcUsagePointClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_usage_point_init (HcUsagePoint *self)
{
}

gint64
hc_usage_point_get_date (HcUsagePoint *self)
{
  g_return_val_if_fail (HC_IS_USAGE_POINT (self), 0);

  return self->date;
}

guint64
hc_usage_point_get_used_bytes (HcUsagePoint *self)
{
  g_return_val_if_fail (HC_IS_USAGE_POINT (self), 0);

  return self->used_bytes;
}
