/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "hc-csv.h"
#include "hc-format.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

#define FSI 0x2068
#define PDI 0x2069

/* What a hub's text may hold once formatted: nothing hidden but the
 * isolates this function puts around each line, and line ends. */
static void
check_shown (const char *text,
             HcHubText   use)
{
  g_assert (g_utf8_validate (text, -1, NULL));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        g_assert_not_reached ();
      if (type != G_UNICODE_CONTROL && type != G_UNICODE_FORMAT)
        continue;
      if (c == '\n')
        g_assert (use != HC_HUB_TEXT_LINE);
      else if (c == FSI || c == PDI)
        g_assert (use != HC_HUB_TEXT_EXPORT);
      else
        g_assert_not_reached ();
    }
}

/* Any bytes, as a field of a hub's answer would carry them (up to a NUL). */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *input = g_strndup ((const char *) data, size);
  g_autofree char *line = hc_format_hub_text (input, HC_HUB_TEXT_LINE);
  g_autofree char *lines = hc_format_hub_text (input, HC_HUB_TEXT_LINES);
  g_autofree char *cell = hc_format_hub_text (input, HC_HUB_TEXT_EXPORT);
  g_autofree char *again = hc_format_hub_text (cell, HC_HUB_TEXT_EXPORT);
  g_autoptr(HcCsvWriter) writer = hc_csv_writer_new ();
  g_autoptr(GBytes) csv = NULL;
  gsize length;
  const char *bytes;

  check_shown (line, HC_HUB_TEXT_LINE);
  check_shown (lines, HC_HUB_TEXT_LINES);
  check_shown (cell, HC_HUB_TEXT_EXPORT);
  /* Already safe text is left as it is. */
  g_assert (strcmp (again, cell) == 0);
  /* Only line ends set the isolated lines apart from the export. */
  g_assert (*input == '\0' || strchr (cell, '\n') != NULL || strlen (lines) == strlen (cell) + 6);

  hc_csv_writer_add_field (writer, input);
  hc_csv_writer_add_field (writer, line);
  hc_csv_writer_end_row (writer);
  csv = hc_csv_writer_free_to_bytes (g_steal_pointer (&writer));
  bytes = g_bytes_get_data (csv, &length);
  g_assert (g_utf8_validate (bytes, length, NULL));
  return 0;
}
