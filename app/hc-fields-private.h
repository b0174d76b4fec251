/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-fields.h"

G_BEGIN_DECLS

/*
 * Shared by the two halves of the field machinery: hc-fields.c (classes,
 * properties, equality, update) and hc-fields-parse.c (JSON to objects).
 */

/* What hc_fields_class_install() keeps per class, found from the GType. */
typedef struct
{
  const HcFieldTable  *table;
  GParamSpec         **pspecs; /* one per field, same order */
} HcFieldClassData;

#define FIELD_PTR(object, field) G_STRUCT_MEMBER_P ((object), (field)->offset)

const HcFieldClassData *hc_fields_class_data (GType type);

/* A NAME, TEXT or ID member: set to a copy of @value (interned for
 * HC_FIELD_SHARED), or cleared. */
void hc_fields_set_string   (const HcField *field,
                             gpointer       member,
                             const char    *value);
void hc_fields_clear_string (const HcField *field,
                             gpointer       member);

G_END_DECLS
