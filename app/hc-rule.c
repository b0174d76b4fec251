/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-fields.h"
#include "hc-rule.h"

struct _HcRule
{
  HcItem parent_instance;

  HcCriterion criterion;
  char *description;
  gint64 checked;
  gint64 failed;
};

G_DEFINE_FINAL_TYPE (HcRule, hc_rule, HC_TYPE_ITEM)

static const HcField fields[] = {
  { .property = "criterion",
    .json = "criterion",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcRule, criterion),
    .get_type = hc_criterion_get_type },
  { .property = "description",
    .json = "description",
    .kind = HC_FIELD_TEXT,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcRule, description) },
  { .property = "checked",
    .json = "checked",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcRule, checked),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "failed",
    .json = "failed",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcRule, failed),
    .min = 0,
    .max = G_MAXINT64 },
};

static gboolean
hc_rule_check (GObject  *object,
               GError  **error)
{
  HcRule *self = HC_RULE (object);

  if (self->failed > self->checked)
    /* Translators: a dataset's rule counts more failing records than it checked */
    return hc_fields_fail (error, "failed", _("more failed (%lld) than checked (%lld)"),
                           (long long) self->failed, (long long) self->checked);

  return TRUE;
}

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), hc_rule_check };

static void
hc_rule_class_init (HcRuleClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_rule_init (HcRule *self)
{
}

HcCriterion
hc_rule_get_criterion (HcRule *self)
{
  g_return_val_if_fail (HC_IS_RULE (self), 0);

  return self->criterion;
}

const char *
hc_rule_get_description (HcRule *self)
{
  g_return_val_if_fail (HC_IS_RULE (self), NULL);

  return self->description;
}

gint64
hc_rule_get_checked (HcRule *self)
{
  g_return_val_if_fail (HC_IS_RULE (self), 0);

  return self->checked;
}

gint64
hc_rule_get_failed (HcRule *self)
{
  g_return_val_if_fail (HC_IS_RULE (self), 0);

  return self->failed;
}
