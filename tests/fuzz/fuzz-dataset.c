/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"

/* The same body as a list item and as a detail: both parsers must hold. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  fuzz_item (data, size, hc_parse_dataset);
  fuzz_item (data, size, hc_parse_dataset_detail);
  return 0;
}
