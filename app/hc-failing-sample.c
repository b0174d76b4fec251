/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-failing-sample.h"
#include "hc-fields.h"

struct _HcFailingSample
{
  GObject parent_instance;

  char *rule_id;
  char *record_key;
  char *field;
  char *value;
  char *reason;
};

G_DEFINE_FINAL_TYPE (HcFailingSample, hc_failing_sample, G_TYPE_OBJECT)

static const HcField fields[] = {
  { .property = "rule-id",
    .json = "rule_id",
    .kind = HC_FIELD_ID,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcFailingSample, rule_id) },
  { .property = "record-key",
    .json = "record_key",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcFailingSample, record_key) },
  { .property = "field",
    .json = "field",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcFailingSample, field) },
  { .property = "value",
    .json = "value",
    .kind = HC_FIELD_TEXT,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcFailingSample, value) },
  { .property = "reason",
    .json = "reason",
    .kind = HC_FIELD_TEXT,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcFailingSample, reason) },
};

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), NULL };

static void
hc_failing_sample_class_init (HcFailingSampleClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_failing_sample_init (HcFailingSample *self)
{
}

const char *
hc_failing_sample_get_rule_id (HcFailingSample *self)
{
  g_return_val_if_fail (HC_IS_FAILING_SAMPLE (self), NULL);

  return self->rule_id;
}

const char *
hc_failing_sample_get_record_key (HcFailingSample *self)
{
  g_return_val_if_fail (HC_IS_FAILING_SAMPLE (self), NULL);

  return self->record_key;
}

const char *
hc_failing_sample_get_field (HcFailingSample *self)
{
  g_return_val_if_fail (HC_IS_FAILING_SAMPLE (self), NULL);

  return self->field;
}

const char *
hc_failing_sample_get_value (HcFailingSample *self)
{
  g_return_val_if_fail (HC_IS_FAILING_SAMPLE (self), NULL);

  return self->value;
}

const char *
hc_failing_sample_get_reason (HcFailingSample *self)
{
  g_return_val_if_fail (HC_IS_FAILING_SAMPLE (self), NULL);

  return self->reason;
}
