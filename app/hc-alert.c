/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>

#include "hc-alert.h"
#include "hc-fields.h"
#include "hc-parser.h"

struct _HcAlert
{
  HcItem parent_instance;

  HcSeverity severity;
  HcAlertCategory category;
  char *title;
  char *description;
  char *asset;
  char *source_ip;
  gint64 detected_at;
  HcAlertState state;
  char *acknowledged_by;
  gint64 acknowledged_at;
  char *resolved_by;
  gint64 resolved_at;
  HcResolution resolution;
  gint64 events_count;
  GListStore *timeline;
  gint64 severity_rank;
  char *severity_text;
  char *category_text;
  char **labels;
  char **annotations;
  char *generator_url;
  char *silence_id;
  gint64 acknowledged_until;
  char *acknowledged_comment;
};

G_DEFINE_FINAL_TYPE (HcAlert, hc_alert, HC_TYPE_ITEM)

static const HcField fields[] = {
  { .property = "severity",
    .json = "severity",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcAlert, severity),
    .get_type = hc_severity_get_type },
  { .property = "category",
    .json = "category",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcAlert, category),
    .get_type = hc_alert_category_get_type },
  { .property = "title",
    .json = "title",
    .kind = HC_FIELD_TEXT,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY | HC_FIELD_SHARED,
    .offset = G_STRUCT_OFFSET (HcAlert, title) },
  { .property = "description",
    .json = "description",
    .kind = HC_FIELD_TEXT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcAlert, description) },
  { .property = "asset",
    .json = "asset",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY | HC_FIELD_SHARED,
    .offset = G_STRUCT_OFFSET (HcAlert, asset) },
  { .property = "source-ip",
    .json = "source_ip",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, source_ip) },
  { .property = "detected-at",
    .json = "detected_at",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcAlert, detected_at) },
  { .property = "state",
    .json = "state",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcAlert, state),
    .get_type = hc_alert_state_get_type },
  { .property = "acknowledged-by",
    .json = "acknowledged_by",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_NULLABLE | HC_FIELD_SHARED,
    .offset = G_STRUCT_OFFSET (HcAlert, acknowledged_by) },
  { .property = "acknowledged-at",
    .json = "acknowledged_at",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, acknowledged_at) },
  { .property = "resolved-by",
    .json = "resolved_by",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_NULLABLE | HC_FIELD_SHARED,
    .offset = G_STRUCT_OFFSET (HcAlert, resolved_by) },
  { .property = "resolved-at",
    .json = "resolved_at",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, resolved_at) },
  { .property = "resolution",
    .json = "resolution",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, resolution),
    .get_type = hc_resolution_get_type },
  { .property = "events-count",
    .json = "events_count",
    .kind = HC_FIELD_INT,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcAlert, events_count),
    .min = 1,
    .max = G_MAXINT64 },
  { .property = "timeline",
    .json = "timeline",
    .kind = HC_FIELD_LIST,
    .flags = HC_FIELD_DETAIL,
    .offset = G_STRUCT_OFFSET (HcAlert, timeline),
    .get_type = hc_timeline_entry_get_type,
    .max = HC_PARSE_MAX_TIMELINE },
  { .property = "severity-rank",
    .json = NULL,
    .kind = HC_FIELD_INT,
    .offset = G_STRUCT_OFFSET (HcAlert, severity_rank) },
  /* Not in the Hub API: what other kinds (an Alertmanager) tell beyond it. */
  { .property = "severity-text",
    .json = "severity_text",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, severity_text) },
  { .property = "category-text",
    .json = "category_text",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, category_text) },
  { .property = "labels",
    .json = "labels",
    .kind = HC_FIELD_STRV,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, labels),
    .max = HC_ALERT_MAX_LABELS },
  { .property = "annotations",
    .json = "annotations",
    .kind = HC_FIELD_STRV,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, annotations),
    .max = HC_ALERT_MAX_LABELS },
  { .property = "generator-url",
    .json = "generator_url",
    .kind = HC_FIELD_TEXT,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, generator_url) },
  { .property = "silence-id",
    .json = "silence_id",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, silence_id) },
  { .property = "acknowledged-until",
    .json = "acknowledged_until",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, acknowledged_until) },
  { .property = "acknowledged-comment",
    .json = "acknowledged_comment",
    .kind = HC_FIELD_TEXT,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcAlert, acknowledged_comment) },
};

static gboolean
hc_alert_check (GObject  *object,
                GError  **error)
{
  HcAlert *self = HC_ALERT (object);

  /* GtkNumericSorter cannot sort enum properties (GTK 4.8): an integer twin. */
  self->severity_rank = self->severity;
  /* A severity not among the four (an Alertmanager's label as it is) sorts last. */
  if (self->severity_text != NULL)
    self->severity_rank = -1;

  /* Shown and copied by operators into firewall rules: it must be an address. */
  if (self->source_ip != NULL)
    {
      g_autoptr(GInetAddress) address = g_inet_address_new_from_string (self->source_ip);

      if (address == NULL)
        return hc_fields_fail (error, "source_ip", _("“%s” is not an IP address"), self->source_ip);
    }

  return TRUE;
}

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), hc_alert_check };

static void
hc_alert_class_init (HcAlertClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_alert_init (HcAlert *self)
{
}

HcSeverity
hc_alert_get_severity (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), 0);

  return self->severity;
}

HcAlertCategory
hc_alert_get_category (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), 0);

  return self->category;
}

const char *
hc_alert_get_title (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return self->title;
}

const char *
hc_alert_get_description (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return self->description;
}

const char *
hc_alert_get_asset (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return self->asset;
}

const char *
hc_alert_get_source_ip (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return self->source_ip;
}

gint64
hc_alert_get_detected_at (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), 0);

  return self->detected_at;
}

HcAlertState
hc_alert_get_state (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), 0);

  return self->state;
}

const char *
hc_alert_get_acknowledged_by (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return self->acknowledged_by;
}

gint64
hc_alert_get_acknowledged_at (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), 0);

  return self->acknowledged_at;
}

const char *
hc_alert_get_resolved_by (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return self->resolved_by;
}

gint64
hc_alert_get_resolved_at (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), 0);

  return self->resolved_at;
}

HcResolution
hc_alert_get_resolution (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), 0);

  return self->resolution;
}

gint64
hc_alert_get_events_count (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), 0);

  return self->events_count;
}

GListModel *
hc_alert_get_timeline (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return (GListModel *) self->timeline;
}

gint64
hc_alert_get_severity_rank (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), 0);

  return self->severity_rank;
}

/* The severity in words when it is none of the four (shown as it is), else NULL. */
const char *
hc_alert_get_severity_text (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return self->severity_text;
}

/* The category in words when the hub names its own (alertname), else NULL. */
const char *
hc_alert_get_category_text (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return self->category_text;
}

/* "name=value" pairs, sorted by name; NULL when the hub has none. */
const char * const *
hc_alert_get_labels (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return (const char * const *) self->labels;
}

const char * const *
hc_alert_get_annotations (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return (const char * const *) self->annotations;
}

const char *
hc_alert_get_generator_url (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return self->generator_url;
}

const char *
hc_alert_get_silence_id (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return self->silence_id;
}

gint64
hc_alert_get_acknowledged_until (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), 0);

  return self->acknowledged_until;
}

const char *
hc_alert_get_acknowledged_comment (HcAlert *self)
{
  g_return_val_if_fail (HC_IS_ALERT (self), NULL);

  return self->acknowledged_comment;
}
