/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) node = fuzz_json (data, size);
  g_autoptr(HcProblem) problem = NULL;
  g_autofree char *summary = NULL;

  if (node == NULL)
    return 0;

  problem = hc_parse_problem (node, NULL);
  if (problem == NULL)
    return 0;

  fuzz_read_properties (G_OBJECT (problem));
  g_assert (hc_problem_get_problem_type (problem) != NULL);

  /* What the client shows: valid, bounded, never empty. */
  summary = hc_problem_dup_summary (problem);
  if (summary != NULL)
    {
      g_assert (*summary != '\0');
      g_assert (g_utf8_validate (summary, -1, NULL));
      g_assert (g_utf8_strlen (summary, -1) <= 2 * (HC_PROBLEM_SUMMARY_PART + 1) + 2);
    }
  return 0;
}
