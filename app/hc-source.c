/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-fields.h"
#include "hc-parser.h"
#include "hc-source.h"

struct _HcSource
{
  HcItem parent_instance;

  char *name;
  char *agency;
  HcSourceKind kind;
  HcSourceStatus status;
  char *schedule;
  gint64 agreed_delay_seconds;
  gint64 last_success_at;
  gint64 lag_seconds;
  double records_per_second;
  HcRun *last_run;
  GListStore *runs;
  gint64 status_rank;
  gint64 status_time;
};

G_DEFINE_FINAL_TYPE (HcSource, hc_source, HC_TYPE_ITEM)

static const HcField fields[] = {
  { .property = "name",
    .json = "name",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcSource, name) },
  { .property = "agency",
    .json = "agency",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY | HC_FIELD_SHARED,
    .offset = G_STRUCT_OFFSET (HcSource, agency) },
  { .property = "kind",
    .json = "kind",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcSource, kind),
    .get_type = hc_source_kind_get_type },
  { .property = "status",
    .json = "status",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcSource, status),
    .get_type = hc_source_status_get_type },
  { .property = "schedule",
    .json = "schedule",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY | HC_FIELD_SHARED,
    .offset = G_STRUCT_OFFSET (HcSource, schedule) },
  { .property = "agreed-delay-seconds",
    .json = "agreed_delay_seconds",
    .kind = HC_FIELD_INT,
    .offset = G_STRUCT_OFFSET (HcSource, agreed_delay_seconds),
    .min = 1,
    .max = G_MAXINT64 },
  { .property = "last-success-at",
    .json = "last_success_at",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcSource, last_success_at) },
  { .property = "lag-seconds",
    .json = "lag_seconds",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcSource, lag_seconds),
    .min = 0,
    .max = G_MAXINT64 },
  { .property = "records-per-second",
    .json = "records_per_second",
    .kind = HC_FIELD_DOUBLE,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcSource, records_per_second),
    .dmin = 0.0,
    .dmax = 1e15 },
  { .property = "last-run",
    .json = "last_run",
    .kind = HC_FIELD_OBJECT,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcSource, last_run),
    .get_type = hc_run_get_type },
  { .property = "runs",
    .json = "runs",
    .kind = HC_FIELD_LIST,
    .flags = HC_FIELD_DETAIL,
    .offset = G_STRUCT_OFFSET (HcSource, runs),
    .get_type = hc_run_get_type,
    .max = HC_PARSE_MAX_RUNS },
  { .property = "status-rank",
    .json = NULL,
    .kind = HC_FIELD_INT,
    .offset = G_STRUCT_OFFSET (HcSource, status_rank) },
  { .property = "status-time",
    .json = NULL,
    .kind = HC_FIELD_INT,
    .offset = G_STRUCT_OFFSET (HcSource, status_time) },
};

static gboolean
hc_source_check (GObject  *object,
                 GError  **error)
{
  HcSource *self = HC_SOURCE (object);

  /*
   * How much the status needs an operator, for GtkNumericSorter, which
   * cannot sort enum properties (GTK 4.8): ok < paused < lagging < failed.
   */
  switch (self->status)
    {
    case HC_SOURCE_STATUS_OK:      self->status_rank = 0; break;
    case HC_SOURCE_STATUS_PAUSED:  self->status_rank = 1; break;
    case HC_SOURCE_STATUS_LAGGING: self->status_rank = 2; break;
    case HC_SOURCE_STATUS_FAILED:  self->status_rank = 3; break;
    default:                       g_assert_not_reached ();
    }
  /*
   * Within a status, the order: a feed in trouble by its last success
   * (the newest failure first, the list being sorted worst first), a
   * feed that is fine by nothing, so fine feeds keep the hub's order and
   * stay still as they run instead of moving at every success.
   */
  self->status_time = self->status == HC_SOURCE_STATUS_OK ? 0 : self->last_success_at;

  return TRUE;
}

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), hc_source_check };

static void
hc_source_class_init (HcSourceClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_source_init (HcSource *self)
{
}

const char *
hc_source_get_name (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), NULL);

  return self->name;
}

const char *
hc_source_get_agency (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), NULL);

  return self->agency;
}

HcSourceKind
hc_source_get_kind (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), 0);

  return self->kind;
}

HcSourceStatus
hc_source_get_status (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), 0);

  return self->status;
}

const char *
hc_source_get_schedule (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), NULL);

  return self->schedule;
}

gint64
hc_source_get_agreed_delay_seconds (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), 0);

  return self->agreed_delay_seconds;
}

gint64
hc_source_get_last_success_at (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), 0);

  return self->last_success_at;
}

gint64
hc_source_get_lag_seconds (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), 0);

  return self->lag_seconds;
}

double
hc_source_get_records_per_second (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), 0.0);

  return self->records_per_second;
}

HcRun *
hc_source_get_last_run (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), NULL);

  return self->last_run;
}

GListModel *
hc_source_get_runs (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), NULL);

  return (GListModel *) self->runs;
}

gint64
hc_source_get_status_rank (HcSource *self)
{
  g_return_val_if_fail (HC_IS_SOURCE (self), 0);

  return self->status_rank;
}
