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
char *hc_format_updated  (gint64  unix_time,
                          gint64  now);

G_END_DECLS
