/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HC_TYPE_FAILING_SAMPLE (hc_failing_sample_get_type ())

G_DECLARE_FINAL_TYPE (HcFailingSample, hc_failing_sample, HC, FAILING_SAMPLE, GObject)

/* A record that fails a rule, as the hub samples it for the operator. */
const char *hc_failing_sample_get_rule_id    (HcFailingSample *self);
const char *hc_failing_sample_get_record_key (HcFailingSample *self);
const char *hc_failing_sample_get_field      (HcFailingSample *self);
const char *hc_failing_sample_get_value      (HcFailingSample *self);
const char *hc_failing_sample_get_reason     (HcFailingSample *self);

G_END_DECLS
