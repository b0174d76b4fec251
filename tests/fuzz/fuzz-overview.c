/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_json (data, size);
  g_autoptr(HcOverview) first = NULL;
  g_autoptr(HcOverview) second = NULL;

  if (node == NULL)
    return 0;

  first = hc_parse_overview (node, NULL);
  if (first == NULL)
    return 0;

  fuzz_read_properties (G_OBJECT (first));
  second = hc_parse_overview (node, NULL);
  g_assert (second != NULL);
  g_assert (!hc_overview_update_from (first, second));
  return 0;
}
