/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hc-format.h"

#define NOW ((gint64) 1795000000) /* a fixed instant, so results do not drift */

static void
test_format_count_and_score (void)
{
  g_autofree char *zero = hc_format_count (0);
  g_autofree char *neg = hc_format_count (-42);
  g_autofree char *score = hc_format_score (97.25);
  g_autofree char *full = hc_format_score (100);

  g_assert_cmpstr (zero, ==, "0");
  g_assert_cmpstr (neg, ==, "-42");
  g_assert_cmpstr (score, ==, "97.2");
  g_assert_cmpstr (full, ==, "100.0");
}

static void
test_format_duration (void)
{
  static const struct { gint64 s; const char *text; } cases[] = {
    { -5, "0 s" }, { 0, "0 s" }, { 59, "59 s" }, { 60, "1 min" }, { 3599, "59 min" },
    { 3600, "1 h" }, { 3660, "1 h 1 min" }, { 86399, "23 h 59 min" },
    { 86400, "1 d" }, { 90000, "1 d 1 h" }, { 10 * 86400 + 7200, "10 d 2 h" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hc_format_duration (cases[i].s);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_relative (void)
{
  static const struct { gint64 ago; const char *text; } cases[] = {
    { 0, "just now" }, { 44, "just now" }, { 60, "1 minute ago" }, { 150, "3 minutes ago" },
    { 3599, "60 minutes ago" }, { 3600, "1 hour ago" }, { 7300, "2 hours ago" },
    { 86400, "1 day ago" }, { 3 * 86400 + 5, "3 days ago" }, { -300, "in 5 min" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = hc_format_relative (NOW - cases[i].ago, NOW);
      g_assert_cmpstr (text, ==, cases[i].text);
    }

  {
    g_autofree char *never = hc_format_relative (0, NOW);
    g_assert_cmpstr (never, ==, "never");
  }
}

static void
test_format_time_and_updated (void)
{
  g_autofree char *today = hc_format_time (NOW - 60, NOW);
  g_autofree char *earlier = hc_format_time (NOW - 40 * 86400, NOW);
  g_autofree char *updated = hc_format_updated (NOW - 180, NOW);
  g_autofree char *never = hc_format_updated (0, NOW);

  /* TZ=UTC is set in main(), so the wall clock is known. */
  g_assert_cmpstr (today, ==, "11:05");
  g_assert_cmpstr (earlier, ==, "9 Oct 2026, 11:06");
  g_assert_cmpstr (updated, ==, "Updated 11:03 (3 minutes ago)");
  g_assert_cmpstr (never, ==, "Not updated yet");
}

/* A calendar day is midnight UTC, whatever the zone: 2027-01-08. */
static void
test_format_day (void)
{
  g_autofree char *day = hc_format_day (1799366400);

  g_assert_cmpstr (day, ==, "8 Jan 2027");
}

static void
test_format_bytes_and_rate (void)
{
  g_autofree char *kb = hc_format_bytes (1500);
  g_autofree char *tb = hc_format_bytes (G_GUINT64_CONSTANT (2500000000000));
  g_autofree char *slow = hc_format_rate (2.54);
  g_autofree char *fast = hc_format_rate (1250.4);
  g_autofree char *negative = hc_format_rate (-1);

  g_assert_cmpstr (kb, ==, "1.5\u00a0kB");
  g_assert_cmpstr (tb, ==, "2.5\u00a0TB");
  g_assert_cmpstr (slow, ==, "2.5 rec/s");
  g_assert_cmpstr (fast, ==, "1250 rec/s");
  g_assert_cmpstr (negative, ==, "0.0 rec/s");
}

#define FSI "\u2068"
#define PDI "\u2069"

static void
assert_hub_text (const char *text,
                 HcHubText   use,
                 const char *expected)
{
  g_autofree char *shown = hc_format_hub_text (text, use);

  g_assert_cmpstr (shown, ==, expected);
  g_assert_true (g_utf8_validate (shown, -1, NULL));
}

/* The "Trojan Source" trick: a name that reads as another. */
static void
test_format_hub_text_trojan (void)
{
  const char *title = "Cảnh báo \u202Egnp.exe\u202C truy cập";

  assert_hub_text (title, HC_HUB_TEXT_LINE,
                   FSI "Cảnh báo [U+202E]gnp.exe[U+202C] truy cập" PDI);
  assert_hub_text (title, HC_HUB_TEXT_LINES,
                   FSI "Cảnh báo [U+202E]gnp.exe[U+202C] truy cập" PDI);
  assert_hub_text (title, HC_HUB_TEXT_EXPORT,
                   "Cảnh báo [U+202E]gnp.exe[U+202C] truy cập");
}

/* Every bidi control and the other invisible characters, each on its own. */
static void
test_format_hub_text_controls (void)
{
  static const gunichar hidden[] = {
    0x202A, 0x202B, 0x202C, 0x202D, 0x202E,    /* embeddings, overrides, pop */
    0x2066, 0x2067, 0x2068, 0x2069,            /* isolates */
    0x200E, 0x200F, 0x061C,                    /* marks */
    0x200B, 0x200C, 0x200D, 0x2060, 0x2061, 0x2064, 0xFEFF, 0x00AD, 0x180E,
    0x0600, 0x06DD, 0x070F, 0x08E2, 0xFFF9, 0xFFFB,
    0x110BD, 0x1D173, 0xE0001, 0xE0041, 0xE007F, /* tags spell hidden ASCII */
    0x01, 0x08, 0x1B, 0x7F, 0x80, 0x9B, 0x9F,  /* C0, DEL, C1 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (hidden); i++)
    {
      char utf8[8] = { 0 };
      g_autofree char *text = NULL;
      g_autofree char *line = NULL;
      g_autofree char *cell = NULL;

      g_unichar_to_utf8 (hidden[i], utf8);
      text = g_strconcat ("a", utf8, "b", NULL);
      line = g_strdup_printf (FSI "a[U+%04X]b" PDI, hidden[i]);
      cell = g_strdup_printf ("a[U+%04X]b", hidden[i]);
      assert_hub_text (text, HC_HUB_TEXT_LINE, line);
      assert_hub_text (text, HC_HUB_TEXT_LINES, line);
      assert_hub_text (text, HC_HUB_TEXT_EXPORT, cell);
    }

  /* Several in a row, and at both ends. */
  assert_hub_text ("\u2067\u202B\u200Fx\u2069", HC_HUB_TEXT_LINE,
                   FSI "[U+2067][U+202B][U+200F]x[U+2069]" PDI);
}

static void
test_format_hub_text_lines (void)
{
  const char *text = "502 Bad Gateway\r\nupstream\ttimed out\rretry\nlater\u2028now\u2029\x0b\x0c\xc2\x85.";

  assert_hub_text (text, HC_HUB_TEXT_LINE,
                   FSI "502 Bad Gateway upstream timed out retry later now    ." PDI);
  assert_hub_text (text, HC_HUB_TEXT_LINES,
                   FSI "502 Bad Gateway" PDI "\n" FSI "upstream timed out" PDI "\n" FSI "retry" PDI "\n"
                   FSI "later" PDI "\n" FSI "now" PDI "\n" FSI PDI "\n" FSI PDI "\n" FSI PDI "\n"
                   FSI "." PDI);
  assert_hub_text (text, HC_HUB_TEXT_EXPORT,
                   "502 Bad Gateway\nupstream timed out\nretry\nlater\nnow\n\n\n\n.");
}

static void
test_format_hub_text_plain (void)
{
  /* Text as hubs send it passes unchanged, isolated for display. */
  static const char *const plain[] = {
    "db-dancu-01", "Xâm nhập máy chủ cơ sở dữ liệu dân cư", "Tài nguyên & Môi trường <html>",
    "“quoted” — 12 °C · 8.4\u00a0PB", "%s %n {0}", "שלום עולם", "مرحبا", "日本語", "😀👍",
    "e\u0301", "a\u00a0b", "[U+202E]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (plain); i++)
    {
      g_autofree char *line = g_strconcat (FSI, plain[i], PDI, NULL);

      assert_hub_text (plain[i], HC_HUB_TEXT_LINE, line);
      assert_hub_text (plain[i], HC_HUB_TEXT_LINES, line);
      assert_hub_text (plain[i], HC_HUB_TEXT_EXPORT, plain[i]);
    }

  /* Nothing is nothing, not an empty isolate: "—" still stands in for it. */
  assert_hub_text (NULL, HC_HUB_TEXT_LINE, "");
  assert_hub_text ("", HC_HUB_TEXT_LINE, "");
  assert_hub_text (NULL, HC_HUB_TEXT_EXPORT, "");
}

static void
test_format_hub_text_invalid (void)
{
  /* One U+FFFD per bad byte: a stray byte, a cut sequence, an overlong "/", an encoded surrogate, past U+10FFFF. */
  assert_hub_text ("ab\xff\xfe" "cd", HC_HUB_TEXT_LINE, FSI "ab\uFFFD\uFFFDcd" PDI);
  assert_hub_text ("tên\xe2\x80", HC_HUB_TEXT_EXPORT, "tên\uFFFD\uFFFD");
  assert_hub_text ("\xc0\xaf" "etc", HC_HUB_TEXT_EXPORT, "\uFFFD\uFFFDetc");
  assert_hub_text ("x\xed\xa0\x80y", HC_HUB_TEXT_EXPORT, "x\uFFFD\uFFFD\uFFFDy");
  assert_hub_text ("\xf4\x90\x80\x80", HC_HUB_TEXT_EXPORT, "\uFFFD\uFFFD\uFFFD\uFFFD");
  /* A broken sequence does not hide the override after it. */
  assert_hub_text ("\xe2\xe2\x80\xae" "exe", HC_HUB_TEXT_LINE, FSI "\uFFFD[U+202E]exe" PDI);
}

/*
 * Every code point: the hidden ones by GLib's tables are shown as their
 * number, all the others as they are. This keeps the byte-level shortcut
 * of hc_format_hub_text() honest when GLib learns a newer Unicode.
 */
static void
test_format_hub_text_every_code_point (void)
{
  guint hidden = 0;

  for (gunichar c = 1; c <= 0x10FFFF; c++)
    {
      char text[16] = "a";
      GUnicodeType type = g_unichar_type (c);
      g_autofree char *line = NULL;
      g_autofree char *expected = NULL;
      int len;

      if (c >= 0xD800 && c <= 0xDFFF)
        continue;
      len = g_unichar_to_utf8 (c, text + 1);
      text[1 + len] = 'b';
      text[2 + len] = '\0';
      line = hc_format_hub_text (text, HC_HUB_TEXT_LINE);

      if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT ||
          type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR)
        {
          if (c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' ||
              c == 0x85 || c == 0x2028 || c == 0x2029)
            expected = g_strdup (FSI "a b" PDI);
          else
            expected = g_strdup_printf (FSI "a[U+%04X]b" PDI, c);
          hidden++;
        }
      else
        expected = g_strconcat (FSI, text, PDI, NULL);

      if (strcmp (line, expected) != 0)
        g_error ("U+%04X shown as “%s”, not “%s”", c, line, expected);
    }
  g_test_message ("%u hidden code points", hidden);
  /* 64 controls (NUL ends the string), 170 format characters in Unicode 15, 2 separators. */
  g_assert_cmpuint (hidden, >=, 64 + 150 + 2);
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/format/count-and-score", test_format_count_and_score);
  g_test_add_func ("/format/duration", test_format_duration);
  g_test_add_func ("/format/relative", test_format_relative);
  g_test_add_func ("/format/time-and-updated", test_format_time_and_updated);
  g_test_add_func ("/format/day", test_format_day);
  g_test_add_func ("/format/bytes-and-rate", test_format_bytes_and_rate);
  g_test_add_func ("/format/hub-text/trojan", test_format_hub_text_trojan);
  g_test_add_func ("/format/hub-text/controls", test_format_hub_text_controls);
  g_test_add_func ("/format/hub-text/lines", test_format_hub_text_lines);
  g_test_add_func ("/format/hub-text/plain", test_format_hub_text_plain);
  g_test_add_func ("/format/hub-text/invalid", test_format_hub_text_invalid);
  g_test_add_func ("/format/hub-text/every-code-point", test_format_hub_text_every_code_point);
  return g_test_run ();
}
