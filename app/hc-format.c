/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

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

  when = g_date_time_new_from_unix_local (unix_time);
  today = g_date_time_new_from_unix_local (now);
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
