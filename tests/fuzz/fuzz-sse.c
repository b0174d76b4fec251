/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "hc-sse-parser.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
on_event (const char *id,
          const char *event,
          const char *data,
          gpointer    user_data)
{
  g_assert (event != NULL && data != NULL);
  g_assert (g_utf8_validate (data, -1, NULL));
  g_assert (g_utf8_validate (event, -1, NULL));
  g_assert (id == NULL || g_utf8_validate (id, -1, NULL));
  (*(gsize *) user_data) += strlen (data);
}

/*
 * The first byte sets the chunk size, so the same stream is cut at every
 * kind of boundary; the rest is the stream. The result must not depend on
 * the cutting: compare with the stream fed whole.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(HcSseParser) chunked = NULL;
  g_autoptr(HcSseParser) whole = NULL;
  gsize chunked_bytes = 0, whole_bytes = 0;
  gboolean chunked_ok = TRUE, whole_ok;
  gsize step;

  if (size < 1)
    return 0;

  step = (data[0] % 16) + 1;
  data++;
  size--;

  chunked = hc_sse_parser_new (1024);
  hc_sse_parser_set_callback (chunked, on_event, &chunked_bytes, NULL);
  for (gsize offset = 0; offset < size && chunked_ok; offset += step)
    chunked_ok = hc_sse_parser_feed (chunked, (const char *) data + offset, MIN (step, size - offset), NULL);

  whole = hc_sse_parser_new (1024);
  hc_sse_parser_set_callback (whole, on_event, &whole_bytes, NULL);
  whole_ok = hc_sse_parser_feed (whole, (const char *) data, size, NULL);

  g_assert (chunked_ok == whole_ok);
  if (whole_ok)
    {
      g_assert (chunked_bytes == whole_bytes);
      g_assert (hc_sse_parser_get_event_count (chunked) == hc_sse_parser_get_event_count (whole));
      g_assert (hc_sse_parser_get_comment_count (chunked) == hc_sse_parser_get_comment_count (whole));
      g_assert (g_strcmp0 (hc_sse_parser_get_last_event_id (chunked), hc_sse_parser_get_last_event_id (whole)) == 0);
      g_assert (hc_sse_parser_get_retry (chunked) == hc_sse_parser_get_retry (whole));
    }

  /* After a reset the parser takes input again. */
  hc_sse_parser_reset (chunked);
  g_assert (hc_sse_parser_feed (chunked, "data: x\n\n", 9, NULL));
  return 0;
}
