/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Numbers, sizes and times as a person reads them, in the user's locale. */
char *hc_format_count    (gint64  value);
char *hc_format_score    (double  score);
char *hc_format_bytes    (guint64 bytes);
char *hc_format_rate     (double  records_per_second);
char *hc_format_duration (gint64  seconds);
char *hc_format_relative (gint64  then,
                          gint64  now);
char *hc_format_time     (gint64  unix_time,
                          gint64  now);
char *hc_format_day      (gint64  unix_time);
char *hc_format_updated  (gint64  unix_time,
                          gint64  now);

/**
 * HcHubText:
 * @HC_HUB_TEXT_LINE: a label of one line: isolated; line breaks and tabs
 *   become spaces
 * @HC_HUB_TEXT_LINES: a label that may wrap (a description, a comment, an
 *   error): each line isolated; line breaks kept
 * @HC_HUB_TEXT_EXPORT: a CSV cell: line breaks kept (the writer quotes
 *   them), not isolated, as a spreadsheet would show the marks as text
 *
 * Where text from a hub goes, which decides how hc_format_hub_text() makes
 * it safe to show.
 */
typedef enum {
  HC_HUB_TEXT_LINE,
  HC_HUB_TEXT_LINES,
  HC_HUB_TEXT_EXPORT,
} HcHubText;

/* Text from a hub (names, titles, comments, errors) as it may be shown:
 * never a bidi override or an invisible character, always its own run. */
char *hc_format_hub_text (const char *text,
                          HcHubText   use);

G_END_DECLS
