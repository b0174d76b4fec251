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
  /* ... and hc_error_describe_clause() drops it, for a sentence of its own. */
  {
    g_autofree char *clause = hc_error_describe_clause (stop);
    g_assert_cmpstr (clause, ==, "Hub did not answer in time: \u2068The hub did not answer in time\u2069");
  }
}

/* The one table the event stream and the hub both follow. */
static void
test_error_recovery (void)
{
  static const struct { HcError code; HcErrorRecovery recovery; } table[] = {
    { HC_ERROR_UNREACHABLE,        HC_ERROR_RECOVERY_RETRY },
    { HC_ERROR_TIMED_OUT,          HC_ERROR_RECOVERY_RETRY },
    { HC_ERROR_TLS_UNTRUSTED,      HC_ERROR_RECOVERY_OPERATOR },
    { HC_ERROR_UNAUTHORIZED,       HC_ERROR_RECOVERY_SIGN_IN },
    { HC_ERROR_FORBIDDEN,          HC_ERROR_RECOVERY_OPERATOR },
    { HC_ERROR_NOT_FOUND,          HC_ERROR_RECOVERY_OPERATOR },
    { HC_ERROR_CONFLICT,           HC_ERROR_RECOVERY_OPERATOR },
    { HC_ERROR_INVALID_REQUEST,    HC_ERROR_RECOVERY_OPERATOR },
    { HC_ERROR_RATE_LIMITED,       HC_ERROR_RECOVERY_RETRY },
    { HC_ERROR_HUB_ERROR,          HC_ERROR_RECOVERY_RETRY },
    { HC_ERROR_MALFORMED_RESPONSE, HC_ERROR_RECOVERY_RETRY },
    { HC_ERROR_RESPONSE_TOO_LARGE, HC_ERROR_RECOVERY_RETRY },
    { HC_ERROR_PLAINTEXT_REFUSED,  HC_ERROR_RECOVERY_OPERATOR },
    { HC_ERROR_CANCELLED,          HC_ERROR_RECOVERY_NONE },
    { HC_ERROR_KEYRING,            HC_ERROR_RECOVERY_OPERATOR },
  };
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled elsewhere");
  g_autoptr(GError) unknown = g_error_new_literal (HC_ERROR, HC_ERROR_KEYRING + 1, "from the future");

  /* Every code is in the table, once. */
  g_assert_cmpuint (G_N_ELEMENTS (table), ==, HC_ERROR_KEYRING + 1);
  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      g_autoptr(GError) error = g_error_new_literal (HC_ERROR, table[i].code, "x");

      g_assert_cmpint (table[i].code, ==, i);
      if (hc_error_get_recovery (error) != table[i].recovery)
        g_error ("%s: recovery %d, expected %d", hc_error_code_name (table[i].code),
                 hc_error_get_recovery (error), table[i].recovery);
      g_assert_true (hc_error_is_transient (error) == (table[i].recovery == HC_ERROR_RECOVERY_RETRY));
    }

  /* What this domain does not know is not retried. */
  g_assert_cmpint (hc_error_get_recovery (other), ==, HC_ERROR_RECOVERY_OPERATOR);
  g_assert_cmpint (hc_error_get_recovery (unknown), ==, HC_ERROR_RECOVERY_OPERATOR);
  g_assert_cmpint (hc_error_get_recovery (NULL), ==, HC_ERROR_RECOVERY_OPERATOR);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/error/names-and-titles", test_error_names_and_titles);
  g_test_add_func ("/error/describe", test_error_describe);
  g_test_add_func ("/error/describe-hub-text", test_error_describe_hub_text);
  g_test_add_func ("/error/recovery", test_error_recovery);
  return g_test_run ();
}
