/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-enums.h"
#include "hc-item.h"

G_BEGIN_DECLS

#define HC_TYPE_RULE (hc_rule_get_type ())

G_DECLARE_FINAL_TYPE (HcRule, hc_rule, HC, RULE, HcItem)

/* A quality rule of a dataset and its latest result ("failed" <= "checked"). */
HcCriterion  hc_rule_get_criterion   (HcRule *self);
const char  *hc_rule_get_description (HcRule *self);
gint64       hc_rule_get_checked     (HcRule *self);
gint64       hc_rule_get_failed      (HcRule *self);

G_END_DECLS
