/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A hub object from the JSON a test writes: a core test's one helper. */

#include <json-glib/json-glib.h>

#include "hc-parser.h"

static inline HcItem *
hc_test_parse (const char      *json,
               HcParseItemFunc  func)
{
  g_autoptr(JsonNode) node = json_from_string (json, NULL);
  g_autoptr(GError) error = NULL;
  HcItem *item;

  g_assert_nonnull (node);
  item = func (node, &error);
  g_assert_no_error (error);
  return item;
}
