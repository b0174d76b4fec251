/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char    *hc_demo_text_fold        (const char *text);
char    *hc_demo_text_format_time (gint64      unix_seconds);
char    *hc_demo_text_format_date (gint64      day);
gboolean hc_demo_text_parse_time  (const char *text,
                                   gint64     *unix_seconds);
double   hc_demo_text_round1      (double      value);
char    *hc_demo_text_sha256_hex  (const char *data,
                                   gsize       length);

void     hc_demo_text_tidy_numbers (GString   *json);
char    *hc_demo_text_json         (JsonNode  *node);

G_END_DECLS
