/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-fields.h"
#include "hc-run.h"

/* A run is immutable once parsed: a source that changes gets a new HcRun. */

struct _HcRun
{
  HcItem parent_instance;

  gint64 started_at;
  gint64 finished_at;
  gint64 records;
  guint64 bytes;
  HcRunOutcome outcome;
  char *error;
};

G_DEFINE_FINAL_TYPE (HcRun, hc_run, HC_TYPE_ITEM)

static const HcField fields[] = {
  { .property = "started-at",
    .json = "started_at",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcRun, started_at) },
  { .property = "finished-at",
    .json = "finished_at",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcRun, finished_at) },
  { .property = "records",
    .json = "records",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcRun, records),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "bytes",
    .json = "bytes",
    .kind = HC_FIELD_BYTES,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcRun, bytes) },
  { .property = "outcome",
    .json = "outcome",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcRun, outcome),
    .get_type = hc_run_outcome_get_type },
  { .property = "error",
    .json = "error",
    .kind = HC_FIELD_TEXT,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcRun, error) },
};

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), NULL };

static void
hc_run_class_init (HcRunClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_run_init (HcRun *self)
{
}

gint64
hc_run_get_started_at (HcRun *self)
{
  g_return_val_if_fail (HC_IS_RUN (self), 0);

  return self->started_at;
}

gint64
hc_run_get_finished_at (HcRun *self)
{
  g_return_val_if_fail (HC_IS_RUN (self), 0);

  return self->finished_at;
}

gint64
hc_run_get_records (HcRun *self)
{
  g_return_val_if_fail (HC_IS_RUN (self), 0);

  return self->records;
}

guint64
hc_run_get_bytes (HcRun *self)
{
  g_return_val_if_fail (HC_IS_RUN (self), 0);

  return self->bytes;
}

HcRunOutcome
hc_run_get_outcome (HcRun *self)
{
  g_return_val_if_fail (HC_IS_RUN (self), 0);

  return self->outcome;
}

const char *
hc_run_get_error (HcRun *self)
{
  g_return_val_if_fail (HC_IS_RUN (self), NULL);

  return self->error;
}
