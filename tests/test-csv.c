/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
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

/* Hub text cannot disguise itself in a spreadsheet either. */
static void
test_csv_hub_text (void)
{
  HcCsvWriter *writer = hc_csv_writer_new ();
  g_autofree char *text = NULL;

  /* Each bidi control, the invisible ones and C0/C1 controls, as their number. */
  hc_csv_writer_add_field (writer, "Cảnh báo \u202Egnp.exe\u202C truy cập");
  hc_csv_writer_add_field (writer, "\u202A\u202B\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C");
  hc_csv_writer_add_field (writer, "zero\u200Bwidth\uFEFF\u2060\U000E0041\x1b[31m\xc2\x9b");
  hc_csv_writer_end_row (writer);
  /* Line breaks stay (quoted), CR and CRLF as LF; tabs become spaces. */
  hc_csv_writer_add_field (writer, "a\r\nb\rc\u2028d");
  hc_csv_writer_add_field (writer, "x\ty");
  /* Invalid UTF-8 is replaced, never copied into the file. */
  hc_csv_writer_add_field (writer, "t\xffn\xe2\x80");
  hc_csv_writer_end_row (writer);
  /* A formula stays text, also behind blanks, a tab or a hidden mark. */
  hc_csv_writer_add_field (writer, " =1+1");
  hc_csv_writer_add_field (writer, "\t@SUM(A1)");
  hc_csv_writer_add_field (writer, "\n+cmd");
  hc_csv_writer_add_field (writer, "\u200E=2");
  hc_csv_writer_add_field (writer, " -3");
  hc_csv_writer_end_row (writer);

  text = finish (writer);
  g_assert_cmpstr (text, ==,
                   "Cảnh báo [U+202E]gnp.exe[U+202C] truy cập,"
                   "[U+202A][U+202B][U+202D][U+2066][U+2067][U+2068][U+2069][U+200E][U+200F][U+061C],"
                   "zero[U+200B]width[U+FEFF][U+2060][U+E0041][U+001B][31m[U+009B]\r\n"
                   "\"a\nb\nc\nd\",x y,t\uFFFDn\uFFFD\uFFFD\r\n"
                   "\"' =1+1\",\"' @SUM(A1)\",\"'\n+cmd\",[U+200E]=2, -3\r\n");
  g_assert_true (g_utf8_validate (text, -1, NULL));
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      GUnicodeType type = g_unichar_type (g_utf8_get_char (p));
      g_assert_true ((type != G_UNICODE_CONTROL && type != G_UNICODE_FORMAT) || *p == '\r' || *p == '\n');
    }
}

/* Times in a spreadsheet are exact and zone-free. */
static void
test_csv_time (void)
{
  g_autofree char *epoch = hc_csv_time (0);
  g_autofree char *when = hc_csv_time (1714572120);

  g_assert_cmpstr (epoch, ==, "1970-01-01T00:00:00Z");
  g_assert_cmpstr (when, ==, "2024-05-01T14:02:00Z");
}

/* Decimals with a dot in every language, also where the locale writes a
 * comma (vi_VN, where the machine has it). */
static void
test_csv_decimal (void)
{
  g_autofree char *old = g_strdup (setlocale (LC_NUMERIC, NULL));
  const char *comma_locales[] = { "vi_VN.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8" };

  for (guint i = 0; i <= G_N_ELEMENTS (comma_locales); i++)
    {
      g_autofree char *score = NULL;
      g_autofree char *zero = NULL;

      if (i > 0 && setlocale (LC_NUMERIC, comma_locales[i - 1]) == NULL)
        continue;
      score = hc_csv_decimal (92.84);
      zero = hc_csv_decimal (0);
      g_assert_cmpstr (score, ==, "92.8");
      g_assert_cmpstr (zero, ==, "0.0");
    }
  setlocale (LC_NUMERIC, old);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/csv/quoting", test_csv_quoting);
  g_test_add_func ("/csv/hub-text", test_csv_hub_text);
  g_test_add_func ("/csv/time", test_csv_time);
  g_test_add_func ("/csv/decimal", test_csv_decimal);
  return g_test_run ();
}
