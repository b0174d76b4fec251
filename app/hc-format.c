/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hc-format.h"

/**
 * hc_format_count:
 * An integer with the locale's digit grouping ("12,345"; "12.345" in vi).
 */
char *
hc_format_count (gint64 value)
{
  return g_strdup_printf ("%'" G_GINT64_FORMAT, value);
}

/**
 * hc_format_score:
 * A quality score with the contract's one decimal, in the locale's notation.
 */
char *
hc_format_score (double score)
{
  return g_strdup_printf ("%.1f", score);
}

/**
 * hc_format_bytes:
 * A size in SI units, as GNOME shows sizes everywhere else.
 */
char *
hc_format_bytes (guint64 bytes)
{
  return g_format_size (bytes);
}

/**
 * hc_format_rate:
 * Throughput in records per second.
 */
char *
hc_format_rate (double records_per_second)
{
  if (records_per_second < 0)
    records_per_second = 0;

  if (records_per_second < 10)
    /* Translators: records per second, e.g. "2.5 rec/s" */
    return g_strdup_printf (_("%.1f rec/s"), records_per_second);

  /* Translators: records per second, e.g. "1,250 rec/s" */
  return g_strdup_printf (_("%'.0f rec/s"), records_per_second);
}

/**
 * hc_format_duration:
 * A span of time with its two largest units ("3 h 5 min").
 */
char *
hc_format_duration (gint64 seconds)
{
  gint64 days, hours, minutes;

  if (seconds < 0)
    seconds = 0;

  days = seconds / 86400;
  hours = (seconds % 86400) / 3600;
  minutes = (seconds % 3600) / 60;

  if (seconds < 60)
    /* Translators: a duration in seconds */
    return g_strdup_printf (_("%d s"), (int) seconds);
  if (seconds < 3600)
    /* Translators: a duration in minutes */
    return g_strdup_printf (_("%d min"), (int) minutes);
  if (days == 0)
    {
      if (minutes == 0)
        /* Translators: a duration in hours */
        return g_strdup_printf (_("%d h"), (int) hours);
      /* Translators: a duration in hours and minutes */
      return g_strdup_printf (_("%d h %d min"), (int) hours, (int) minutes);
    }
  if (hours == 0)
    /* Translators: a duration in days */
    return g_strdup_printf (_("%d d"), (int) days);
  /* Translators: a duration in days and hours */
  return g_strdup_printf (_("%d d %d h"), (int) days, (int) hours);
}

/**
 * hc_format_relative:
 * How long ago @then was at @now ("3 minutes ago"), or how far ahead.
 * Both are unix seconds; 0 for @then means never.
 */
char *
hc_format_relative (gint64 then,
                    gint64 now)
{
  gint64 delta;

  if (then <= 0)
    return g_strdup (_("never"));

  delta = now - then;

  if (delta < 0)
    {
      g_autofree char *span = hc_format_duration (-delta);
      /* Translators: a time in the future, e.g. "in 5 min" */
      return g_strdup_printf (_("in %s"), span);
    }
  if (delta < 45)
    return g_strdup (_("just now"));
  if (delta < 3600)
    {
      int n = MAX (1, (int) ((delta + 30) / 60));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", n), n);
    }
  if (delta < 86400)
    {
      int n = (int) (delta / 3600);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", n), n);
    }
  {
    int n = (int) (delta / 86400);
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", n), n);
  }
}

/* The local time zone, made once for each value of $TZ. GLib 2.74's
 * g_time_zone_new_local() compares its cache with $TZ and, with $TZ unset,
 * reads /etc/localtime again on every call: once for every time a long list
 * formats. */
G_LOCK_DEFINE_STATIC (local_zone);

static GTimeZone *
local_zone (void)
{
  static GTimeZone *zone;
  static char *zone_tz;
  const char *tz = g_getenv ("TZ");
  GTimeZone *result;

  G_LOCK (local_zone);
  if (zone == NULL || g_strcmp0 (tz, zone_tz) != 0)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      g_free (zone_tz);
      zone = g_time_zone_new_local ();
      zone_tz = g_strdup (tz);
    }
  result = g_time_zone_ref (zone);
  G_UNLOCK (local_zone);
  return result;
}

static GDateTime *
local_time (gint64 unix_time)
{
  g_autoptr(GTimeZone) zone = local_zone ();
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return utc != NULL ? g_date_time_to_timezone (utc, zone) : NULL;
}

/**
 * hc_format_time:
 * A local wall-clock time: the time alone when it is today, with the date
 * otherwise.
 */
char *
hc_format_time (gint64 unix_time,
                gint64 now)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) today = NULL;

  if (unix_time <= 0)
    return g_strdup (_("never"));

  when = local_time (unix_time);
  today = local_time (now);
  if (when == NULL || today == NULL)
    return g_strdup (_("never"));

  if (g_date_time_get_year (when) == g_date_time_get_year (today) &&
      g_date_time_get_day_of_year (when) == g_date_time_get_day_of_year (today))
    /* Translators: a time of day today, as for g_date_time_format() */
    return g_date_time_format (when, C_("time format", "%H:%M"));

  /* Translators: a date and time, as for g_date_time_format() */
  return g_date_time_format (when, C_("time format", "%-d %b %Y, %H:%M"));
}

/**
 * hc_format_day:
 * A calendar day as the user's language writes it ("8 Jan 2027";
 * "08/01/2027" in Vietnamese). Days are midnight UTC, as the hub sends
 * them and the forecast counts them. CSV files keep ISO dates instead.
 */
char *
hc_format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) day = g_date_time_new_from_unix_utc (unix_time);

  if (day == NULL)
    return g_strdup ("");

  /* Translators: a calendar day, as for g_date_time_format(), e.g. "8 Jan 2027" */
  return g_date_time_format (day, C_("date format", "%-d %b %Y"));
}

/**
 * hc_format_updated:
 * The freshness line every page shows: "Updated 14:02 (3 minutes ago)".
 */
char *
hc_format_updated (gint64 unix_time,
                   gint64 now)
{
  g_autofree char *time = NULL;
  g_autofree char *ago = NULL;

  if (unix_time <= 0)
    return g_strdup (_("Not updated yet"));

  time = hc_format_time (unix_time, now);
  ago = hc_format_relative (unix_time, now);
  /* Translators: "Updated 14:02 (3 minutes ago)" */
  return g_strdup_printf (_("Updated %s (%s)"), time, ago);
}

/* FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, in UTF-8. */
#define FSI "\xE2\x81\xA8"
#define PDI "\xE2\x81\xA9"

/*
 * Whether the UTF-8 sequence at @p may be a control or format character
 * (or a line separator), judged from its first two bytes, so that the
 * common text (ASCII, Vietnamese in U+1E00..U+1EFF, most punctuation)
 * is passed over without decoding. The lead bytes are those of every
 * Cc, Cf, Zl and Zp code point of Unicode 15: C0 and DEL; C1 and U+00AD
 * (C2); U+0600..U+070F (D8, DB, DC); U+0890..U+08E2 (E0); U+180E (E1 A0);
 * U+200B..U+206F (E2 80, E2 81); U+FEFF (EF BB); U+FFF9..U+FFFB (EF BF);
 * the supplementary ones (F0, F3). tests/test-format.c checks every code
 * point against GLib's tables, so a newer Unicode cannot slip past.
 */
static inline gboolean
may_be_hidden (const guchar *p)
{
  switch (p[0])
    {
    case 0xC2: case 0xD8: case 0xDB: case 0xDC: case 0xE0: case 0xF0: case 0xF3:
      return TRUE;
    case 0xE1:
      return p[1] == 0xA0;
    case 0xE2:
      return p[1] == 0x80 || p[1] == 0x81;
    case 0xEF:
      return p[1] == 0xBB || p[1] == 0xBF;
    default:
      return p[0] < 0x20 || p[0] == 0x7F;
    }
}

static inline gboolean
is_line_break (gunichar c)
{
  return c == '\n' || c == '\r' || c == '\v' || c == '\f' ||
         c == 0x85 || c == 0x2028 || c == 0x2029;
}

/**
 * hc_format_hub_text:
 * @text: (nullable): text from a hub, valid UTF-8 or not
 * @use: where it is going
 *
 * Text from a hub can say what it likes, but it cannot disguise itself or
 * what stands next to it:
 *
 * - Every control character (C0, DEL, C1) and every invisible format
 *   character (Unicode category Cf: the bidi embeddings, overrides,
 *   isolates and marks U+202A..U+202E, U+2066..U+2069, U+200E, U+200F,
 *   U+061C; zero-width spaces and joiners U+200B..U+200D, U+2060..U+2064;
 *   U+FEFF; U+00AD; tag characters...) is shown as its code point in
 *   brackets, "[U+202E]": visible, and the name an operator can look up.
 *   So "Cảnh báo \u202Egnp.exe\u202C" reads
 *   "Cảnh báo [U+202E]gnp.exe[U+202C]", never "Cảnh báo exe.png".
 * - Tab becomes a space; a line break (CR, LF, CRLF, VT, FF, NEL, U+2028,
 *   U+2029) becomes a space in %HC_HUB_TEXT_LINE and "\n" otherwise.
 * - For display (%HC_HUB_TEXT_LINE, %HC_HUB_TEXT_LINES) each line is
 *   wrapped in FIRST STRONG ISOLATE .. POP DIRECTIONAL ISOLATE (U+2068 ..
 *   U+2069), so right-to-left letters in it cannot reorder the words and
 *   punctuation around it ("Rack %s · %s").
 * - Invalid UTF-8 becomes U+FFFD.
 *
 * %NULL or "" gives "" (not an empty isolate), so "—" for a missing value
 * still works. Cheap: one pass, most characters judged by their first byte.
 *
 * Returns: (transfer full): the text to show
 */
char *
hc_format_hub_text (const char *text,
                    HcHubText   use)
{
  g_autofree char *valid = NULL;
  gboolean isolate = use != HC_HUB_TEXT_EXPORT;
  gboolean keep_lines = use != HC_HUB_TEXT_LINE;
  const char *p, *run;
  GString *out;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  out = g_string_sized_new (strlen (text) + 2 * strlen (FSI) + 1);
  if (isolate)
    g_string_append (out, FSI);

  for (p = run = text; *p != '\0';)
    {
      const guchar *u = (const guchar *) p;
      const char *next;
      gunichar c;
      GUnicodeType type;

      if (*u >= 0x20 && *u < 0x7F)
        {
          p++;
          continue;
        }
      if (!may_be_hidden (u))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      c = g_utf8_get_char (p);
      next = g_utf8_next_char (p);
      type = g_unichar_type (c);
      if (type != G_UNICODE_CONTROL && type != G_UNICODE_FORMAT &&
          type != G_UNICODE_LINE_SEPARATOR && type != G_UNICODE_PARAGRAPH_SEPARATOR)
        {
          p = next;
          continue;
        }

      g_string_append_len (out, run, p - run);
      if (is_line_break (c))
        {
          if (c == '\r' && *next == '\n')
            next++;
          if (!keep_lines)
            g_string_append_c (out, ' ');
          else if (isolate)
            g_string_append (out, PDI "\n" FSI);
          else
            g_string_append_c (out, '\n');
        }
      else if (c == '\t')
        g_string_append_c (out, ' ');
      else
        g_string_append_printf (out, "[U+%04X]", c);
      p = run = next;
    }

  g_string_append_len (out, run, p - run);
  if (isolate)
    g_string_append (out, PDI);
  return g_string_free (out, FALSE);
}
