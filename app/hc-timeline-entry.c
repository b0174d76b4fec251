/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-fields.h"
#include "hc-timeline-entry.h"

struct _HcTimelineEntry
{
  GObject parent_instance;

  gint64 at;
  char *actor;
  HcTimelineAction action;
  char *comment;
};

G_DEFINE_FINAL_TYPE (HcTimelineEntry, hc_timeline_entry, G_TYPE_OBJECT)

static const HcField fields[] = {
  { .property = "at",
    .json = "at",
    .kind = HC_FIELD_TIME,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcTimelineEntry, at) },
  { .property = "actor",
    .json = "actor",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcTimelineEntry, actor) },
  { .property = "action",
    .json = "action",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcTimelineEntry, action),
    .get_type = hc_timeline_action_get_type },
  { .property = "comment",
    .json = "comment",
    .kind = HC_FIELD_TEXT,
    .flags = HC_FIELD_NULLABLE,
    .offset = G_STRUCT_OFFSET (HcTimelineEntry, comment) },
};

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), NULL };

static void
hc_timeline_entry_class_init (HcTimelineEntryClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_timeline_entry_init (HcTimelineEntry *self)
{
}

gint64
hc_timeline_entry_get_at (HcTimelineEntry *self)
{
  g_return_val_if_fail (HC_IS_TIMELINE_ENTRY (self), 0);

  return self->at;
}

const char *
hc_timeline_entry_get_actor (HcTimelineEntry *self)
{
  g_return_val_if_fail (HC_IS_TIMELINE_ENTRY (self), NULL);

  return self->actor;
}

HcTimelineAction
hc_timeline_entry_get_action (HcTimelineEntry *self)
{
  g_return_val_if_fail (HC_IS_TIMELINE_ENTRY (self), 0);

  return self->action;
}

const char *
hc_timeline_entry_get_comment (HcTimelineEntry *self)
{
  g_return_val_if_fail (HC_IS_TIMELINE_ENTRY (self), NULL);

  return self->comment;
}
