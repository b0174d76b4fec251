/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hc-csv.h"

static char *
finish (HcCsvWriter *writer)
{
  g_autoptr(GBytes) bytes = hc_csv_writer_free_to_bytes (writer);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_cmpuint (len, >=, 3);
  g_assert_cmpmem (data, 3, "\xEF\xBB\xBF", 3);
  return g_strndup (data + 3, len - 3);
}

static void
test_csv_quoting (void)
{
  HcCsvWriter *writer = hc_csv_writer_new ();
  g_autofree char *text = NULL;

  hc_csv_writer_add_field (writer, "Tên");
  hc_csv_writer_add_field (writer, "Lỗi");
  hc_csv_writer_end_row (writer);
  hc_csv_writer_add_field (writer, "Cơ sở dữ liệu quốc gia về dân cư");
  hc_csv_writer_add_field (writer, "timeout, \"upstream\"\nretrying");
  hc_csv_writer_end_row (writer);
  hc_csv_writer_add_field (writer, NULL);
  hc_csv_writer_add_field (writer, "-12.5");
  hc_csv_writer_add_field (writer, "=HYPERLINK(\"x\")");
  hc_csv_writer_add_field (writer, "@SUM");
  hc_csv_writer_add_field (writer, "-");
  hc_csv_writer_end_row (writer);

  text = finish (writer);
  g_assert_cmpstr (text, ==,
                   "Tên,Lỗi\r\n"
                   "Cơ sở dữ liệu quốc gia về dân cư,\"timeout, \"\"upstream\"\"\nretrying\"\r\n"
                   ",-12.5,\"'=HYPERLINK(\"\"x\"\")\",\"'@SUM\",\"'-\"\r\n");
  g_assert_true (g_utf8_validate (text, -1, NULL));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/quoting", test_csv_quoting);
  return g_test_run ();
}
