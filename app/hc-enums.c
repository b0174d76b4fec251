/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-enums.h"

/**
 * hc_enum_from_nick:
 * Looks a wire word up among @enum_type's nicks. Unknown words fail
 * rather than fall back, so a hub newer than the console is noticed.
 */
gboolean
hc_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *out_value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  value = g_enum_get_value_by_nick (klass, nick);
  if (value == NULL)
    return FALSE;

  if (out_value != NULL)
    *out_value = value->value;

  return TRUE;
}

/**
 * hc_enum_to_nick:
 * The wire word of @value, or %NULL if @value is not one of @enum_type's.
 */
const char *
hc_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value (klass, value);

  /* Nicks live in static type data, so they outlive the class ref. */
  return enum_value != NULL ? enum_value->value_nick : NULL;
}
