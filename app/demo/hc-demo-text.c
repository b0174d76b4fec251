/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "hc-demo-text.h"

#include <json-glib/json-glib.h>

/* The whole-string fold, the reference: case-folded, decomposed (NFD),
 * non-spacing marks dropped, đ read as d. */
static char *
fold_slow (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  GString *out;

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

/* Folding one character at a time gives the same text as folding the
 * whole string as long as no character it decomposes to is reordered by
 * NFD and then kept (a mark with a combining class that is not a
 * non-spacing mark): casefolding is per character, decomposition too, and
 * the reordered non-spacing marks are dropped anyway. The characters
 * below FOLD_TABLE_SIZE (Latin, Vietnamese, punctuation) are folded once
 * and kept; a text with any other character takes the whole-string way. */
#define FOLD_TABLE_SIZE 0x2100
#define FOLD_MAX_BYTES  14

typedef struct {
  gint  state;                  /* 0 not yet, 1 usable, 2 take the whole-string way */
  guint8 len;
  char  bytes[FOLD_MAX_BYTES];
} FoldEntry;

static FoldEntry fold_table[FOLD_TABLE_SIZE];
G_LOCK_DEFINE_STATIC (fold_table);

static const FoldEntry *
fold_entry (gunichar c)
{
  FoldEntry *e = &fold_table[c];

  if (g_atomic_int_get (&e->state) == 0)
    {
      G_LOCK (fold_table);
      if (g_atomic_int_get (&e->state) == 0)
        {
          char utf8[8];
          g_autofree char *folded = NULL;
          g_autofree char *decomposed = NULL;
          g_autofree char *result = NULL;
          gint state = 1;

          utf8[g_unichar_to_utf8 (c, utf8)] = '\0';
          folded = g_utf8_casefold (utf8, -1);
          decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
          for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar d = g_utf8_get_char (p);

              if (g_unichar_combining_class (d) != 0 && g_unichar_type (d) != G_UNICODE_NON_SPACING_MARK)
                state = 2;
            }
          result = fold_slow (utf8);
          if (decomposed == NULL || strlen (result) > FOLD_MAX_BYTES)
            state = 2;
          else
            {
              e->len = (guint8) strlen (result);
              memcpy (e->bytes, result, e->len);
            }
          g_atomic_int_set (&e->state, state);
        }
      G_UNLOCK (fold_table);
    }
  return e;
}

/**
 * hc_demo_text_fold:
 * The form names are searched in: case-folded and without diacritics, so
 * an operator typing "ha noi" finds "Hà Nội" and "đất" matches "DAT".
 * Seeding folds every name of a large center, so the common characters
 * are folded from a table (the same result as fold_slow()).
 */
char *
hc_demo_text_fold (const char *text)
{
  GString *out;
  gsize len;

  if (text == NULL)
    return g_strdup ("");
  len = strlen (text);
  if (!g_utf8_validate (text, len, NULL))
    return g_strdup ("");

  out = g_string_sized_new (len);
  for (const char *p = text; *p != '\0'; )
    {
      guchar b = (guchar) *p;
      gunichar c;
      const FoldEntry *e;

      if (b < 0x80)
        {
          g_string_append_c (out, g_ascii_tolower ((char) b));
          p++;
          continue;
        }
      c = g_utf8_get_char (p);
      if (c >= FOLD_TABLE_SIZE || (e = fold_entry (c))->state != 1)
        {
          g_string_free (out, TRUE);
          return fold_slow (text);
        }
      g_string_append_len (out, e->bytes, e->len);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

char *
hc_demo_text_format_time (gint64 unix_seconds)
{
  /* gmtime_r(), not a GDateTime: every alert of a page has a time or
   * three, and this is five times cheaper. The same years as GDateTime. */
  time_t t = (time_t) unix_seconds;
  struct tm tm;

  if ((gint64) t != unix_seconds || gmtime_r (&t, &tm) == NULL || tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999)
    return g_strdup ("1970-01-01T00:00:00Z");
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                          tm.tm_hour, tm.tm_min, tm.tm_sec);
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
