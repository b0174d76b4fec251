/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_json (data, size);
  g_autoptr(HcMe) me = NULL;

  if (node == NULL)
    return 0;

  me = hc_parse_me (node, NULL);
  if (me == NULL)
    return 0;

  fuzz_read_properties (G_OBJECT (me));
  (void) hc_me_can_retry (me);
  (void) hc_me_can_resolve (me);
  return 0;
}
