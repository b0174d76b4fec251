/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * CSV as RFC 4180 writes it: UTF-8 with a byte order mark (so spreadsheet
 * programs keep Vietnamese intact), CRLF line ends, fields quoted when
 * they hold a comma, quote or line break. A field that a spreadsheet would
 * run as a formula (=, +, -, @ first, after any blanks) is prefixed with a
 * quote mark. Control and invisible format characters, the bidi overrides
 * among them, are written as "[U+202E]" (see hc_format_hub_text()), and
 * invalid UTF-8 as U+FFFD: what a cell says is what any program shows.
 */
typedef struct _HcCsvWriter HcCsvWriter;

HcCsvWriter *hc_csv_writer_new       (void);
void         hc_csv_writer_add_field (HcCsvWriter *self,
                                      const char  *field);
void         hc_csv_writer_end_row   (HcCsvWriter *self);
GBytes      *hc_csv_writer_free_to_bytes (HcCsvWriter *self);
void         hc_csv_writer_free      (HcCsvWriter *self);

char        *hc_csv_time             (gint64       unix_time);
char        *hc_csv_decimal          (double       value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcCsvWriter, hc_csv_writer_free)

G_END_DECLS
