/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Shared by the fuzz targets: one input is one HTTP body. Each target
 * parses it as the client would, then exercises what the views do with a
 * parsed object (properties, equality and update_from against a second
 * parse), so a crash anywhere on that path is found.
 */

#include <stdint.h>

#include "hc-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static inline JsonNode *
fuzz_json (const uint8_t *data,
           size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);

  return hc_parse_json_bytes (bytes, NULL);
}

/* Reads every readable property, as a GtkPropertyExpression would. */
static inline void
fuzz_read_properties (GObject *object)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n = 0;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (!(pspecs[i]->flags & G_PARAM_READABLE))
        continue;
      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
    }
}

static inline void
fuzz_item (const uint8_t   *data,
           size_t           size,
           HcParseItemFunc  func)
{
  g_autoptr(JsonNode) node = fuzz_json (data, size);
  g_autoptr(HcItem) first = NULL;
  g_autoptr(HcItem) second = NULL;

  if (node == NULL)
    return;

  first = func (node, NULL);
  if (first == NULL)
    return;

  fuzz_read_properties (G_OBJECT (first));
  second = func (node, NULL);
  g_assert (second != NULL);
  /* The same body twice is the same object: nothing may change. */
  g_assert (!hc_item_update_from (first, second));
}
