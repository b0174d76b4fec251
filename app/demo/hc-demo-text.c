/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hc-demo-text.h"

#include <json-glib/json-glib.h>

/**
 * hc_demo_text_fold:
 * The form names are searched in: case-folded and without diacritics, so
 * an operator typing "ha noi" finds "Hà Nội" and "đất" matches "DAT".
 */
char *
hc_demo_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  folded = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) == G_UNICODE_NON_SPACING_MARK)
        continue;
      /* đ has no decomposition; Vietnamese readers treat it as d when searching. */
      if (c == 0x0111)
        c = 'd';
      g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
hc_demo_text_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_seconds);

  if (dt == NULL)
    return g_strdup ("1970-01-01T00:00:00Z");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%SZ");
}

char *
hc_demo_text_format_date (gint64 day)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (day * 86400);

  if (dt == NULL)
    return g_strdup ("1970-01-01");
  return g_date_time_format (dt, "%Y-%m-%d");
}

/**
 * hc_demo_text_parse_time:
 * Accepts RFC 3339 with an explicit offset only: a time without a zone
 * would mean different instants to hub and client.
 */
gboolean
hc_demo_text_parse_time (const char *text,
                         gint64     *unix_seconds)
{
  g_autoptr(GDateTime) dt = NULL;
  gsize len;

  if (text == NULL)
    return FALSE;
  len = strlen (text);
  if (len < 20 || len > 40 || text[4] != '-' || text[7] != '-' ||
      (text[10] != 'T' && text[10] != 't'))
    return FALSE;
  if (text[len - 1] != 'Z' && text[len - 1] != 'z' && text[len - 6] != '+' && text[len - 6] != '-')
    return FALSE;

  dt = g_date_time_new_from_iso8601 (text, NULL);
  if (dt == NULL)
    return FALSE;
  *unix_seconds = g_date_time_to_unix (dt);
  return TRUE;
}

double
hc_demo_text_round1 (double value)
{
  return round (value * 10.0) / 10.0;
}

char *
hc_demo_text_sha256_hex (const char *data,
                         gsize       length)
{
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
}

/**
 * hc_demo_text_tidy_numbers:
 * json-glib writes doubles with 17 digits (92.799999999999997); scores
 * are promised with one decimal, so each fractional number outside a
 * string is rewritten in its shortest exact form (92.8). In place.
 */
void
hc_demo_text_tidy_numbers (GString *json)
{
  gboolean in_string = FALSE;
  gsize i = 0;

  while (i < json->len)
    {
      char c = json->str[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          i++;
          continue;
        }
      if (c == '"')
        {
          in_string = TRUE;
          i++;
          continue;
        }
      if (c == '-' || g_ascii_isdigit (c))
        {
          gsize start = i, len;
          gboolean fraction = FALSE;

          while (i < json->len && strchr ("+-0123456789.eE", json->str[i]) != NULL)
            {
              if (json->str[i] == '.' || json->str[i] == 'e' || json->str[i] == 'E')
                fraction = TRUE;
              i++;
            }
          len = i - start;
          if (fraction && len > 8 && len < 64)
            {
              char number[64];
              char out[G_ASCII_DTOSTR_BUF_SIZE];
              double v;

              memcpy (number, json->str + start, len);
              number[len] = '\0';
              v = g_ascii_strtod (number, NULL);
              g_ascii_formatd (out, sizeof out, "%.15g", v);
              g_string_erase (json, start, len);
              g_string_insert (json, start, out);
              i = start + strlen (out);
            }
          continue;
        }
      i++;
    }
}

char *
hc_demo_text_json (JsonNode *node)
{
  g_autofree char *raw = json_to_string (node, FALSE);
  GString *out = g_string_new (raw);

  hc_demo_text_tidy_numbers (out);
  return g_string_free (out, FALSE);
}
