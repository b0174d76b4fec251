/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hc-csv.h"
#include "hc-format.h"

/*
 * CSV is for spreadsheets and scripts, so it reads the same in every
 * language: ISO 8601 times in UTC, numbers with a dot for decimals and no
 * digit grouping, raw byte counts. Only the column headers are translated.
 * What the window shows for people (hc-format.c) follows the locale instead.
 */

struct _HcCsvWriter
{
  GString  *buffer;
  gboolean  row_started;
};

HcCsvWriter *
hc_csv_writer_new (void)
{
  HcCsvWriter *self = g_new0 (HcCsvWriter, 1);

  self->buffer = g_string_new ("\xEF\xBB\xBF");
  return self;
}

static gboolean
looks_like_formula (const char *field)
{
  char *end = NULL;

  /* Spreadsheets may trim leading blanks before they look for a formula. */
  field += strspn (field, " \n");
  if (field[0] == '\0' || strchr ("=+-@", field[0]) == NULL)
    return FALSE;

  /* A plain number such as -12.5 is data, not a formula. */
  g_ascii_strtod (field, &end);
  return end == field || *end != '\0';
}

void
hc_csv_writer_add_field (HcCsvWriter *self,
                         const char  *field)
{
  g_autofree char *text = NULL;
  gboolean guard;

  g_return_if_fail (self != NULL);

  /* No bidi override or invisible character reaches the file: a cell
   * reads as what it is in any program that opens it. */
  text = hc_format_hub_text (field, HC_HUB_TEXT_EXPORT);

  if (self->row_started)
    g_string_append_c (self->buffer, ',');
  self->row_started = TRUE;

  guard = looks_like_formula (text);
  if (!guard && strpbrk (text, ",\"\r\n") == NULL)
    {
      g_string_append (self->buffer, text);
      return;
    }

  g_string_append_c (self->buffer, '"');
  if (guard)
    g_string_append_c (self->buffer, '\'');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (self->buffer, '"');
      g_string_append_c (self->buffer, *p);
    }
  g_string_append_c (self->buffer, '"');
}

void
hc_csv_writer_end_row (HcCsvWriter *self)
{
  g_return_if_fail (self != NULL);

  g_string_append (self->buffer, "\r\n");
  self->row_started = FALSE;
}

GBytes *
hc_csv_writer_free_to_bytes (HcCsvWriter *self)
{
  GBytes *bytes;

  g_return_val_if_fail (self != NULL, NULL);

  bytes = g_string_free_to_bytes (self->buffer);
  g_free (self);
  return bytes;
}

void
hc_csv_writer_free (HcCsvWriter *self)
{
  if (self == NULL)
    return;
  g_string_free (self->buffer, TRUE);
  g_free (self);
}

/**
 * hc_csv_decimal:
 * A number with one decimal and a dot, whatever the locale ("92.8", never
 * "92,8"), as every spreadsheet and script reads it.
 */
char *
hc_csv_decimal (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.1f", value));
}

/**
 * hc_csv_time:
 * A time as a spreadsheet reads it exactly: ISO 8601 in UTC
 * ("2024-05-01T14:02:00Z"), or "" for a time GDateTime cannot hold.
 */
char *
hc_csv_time (gint64 unix_time)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_time);

  return dt != NULL ? g_date_time_format_iso8601 (dt) : g_strdup ("");
}
