/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_json (data, size);
  g_autoptr(HcProblem) problem = NULL;

  if (node == NULL)
    return 0;

  problem = hc_parse_problem (node, NULL);
  if (problem == NULL)
    return 0;

  fuzz_read_properties (G_OBJECT (problem));
  g_assert (hc_problem_get_problem_type (problem) != NULL);
  return 0;
}
