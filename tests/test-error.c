/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>

#include "hc-error.h"

static void
test_error_names_and_titles (void)
{
  for (int code = HC_ERROR_UNREACHABLE; code <= HC_ERROR_KEYRING; code++)
    {
      g_assert_cmpstr (hc_error_code_name (code), !=, "unknown");
      g_assert_cmpstr (hc_error_title (code), !=, "Unknown error");
      for (int other = code + 1; other <= HC_ERROR_KEYRING; other++)
        g_assert_cmpstr (hc_error_code_name (code), !=, hc_error_code_name (other));
    }
}

static void
test_error_describe (void)
{
  g_autoptr(GError) rate = g_error_new (HC_ERROR, HC_ERROR_RATE_LIMITED, "retry after %d s", 30);
  g_autoptr(GError) bare = g_error_new_literal (HC_ERROR, HC_ERROR_UNAUTHORIZED, "");
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "disk on fire");
  g_autofree char *rate_text = hc_error_describe (rate);
  g_autofree char *bare_text = hc_error_describe (bare);
  g_autofree char *other_text = hc_error_describe (other);

  /* The message may quote the hub: isolated, as hub text. */
  g_assert_cmpstr (rate_text, ==, "Too many requests: \u2068retry after 30 s\u2069");
  g_assert_cmpstr (bare_text, ==, "Signed out");
  g_assert_cmpstr (other_text, ==, "\u2068disk on fire\u2069");

  g_assert_true (hc_error_is_transient (rate));
  g_assert_false (hc_error_is_transient (bare));
  g_assert_false (hc_error_is_transient (other));
}

/* A problem the hub describes cannot turn the words after it around. */
static void
test_error_describe_hub_text (void)
{
  g_autoptr(GError) problem = g_error_new_literal (HC_ERROR, HC_ERROR_HUB_ERROR,
                                                   "Lỗi \u202Egnp.exe\u202C\nở máy chủ \xff.");
  g_autoptr(GError) stop = g_error_new_literal (HC_ERROR, HC_ERROR_TIMED_OUT, "The hub did not answer in time.");
  g_autofree char *problem_text = hc_error_describe (problem);
  g_autofree char *stop_text = hc_error_describe (stop);

  g_assert_cmpstr (problem_text, ==,
                   "The hub reported an error: \u2068Lỗi [U+202E]gnp.exe[U+202C] ở máy chủ \uFFFD\u2069.");
  /* The closing full stop stays outside, for a sentence around it to drop. */
  g_assert_cmpstr (stop_text, ==, "Hub did not answer in time: \u2068The hub did not answer in time\u2069.");
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/error/names-and-titles", test_error_names_and_titles);
  g_test_add_func ("/error/describe", test_error_describe);
  g_test_add_func ("/error/describe-hub-text", test_error_describe_hub_text);
  return g_test_run ();
}
