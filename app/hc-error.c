/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hc-enum-types.h"
#include "hc-enums.h"
#include "hc-error.h"
#include "hc-format.h"

G_DEFINE_QUARK (hc-error-quark, hc_error)

/**
 * hc_error_code_name:
 * A stable machine name for logs and tests; never shown to a person.
 */
const char *
hc_error_code_name (HcError code)
{
  const char *nick = hc_enum_to_nick (HC_TYPE_ERROR, code);

  return nick != NULL ? nick : "unknown";
}

/**
 * hc_error_title:
 * A short translated headline for the code, for banners and toasts.
 */
const char *
hc_error_title (HcError code)
{
  switch (code)
    {
    case HC_ERROR_UNREACHABLE:        return _("Hub unreachable");
    case HC_ERROR_TIMED_OUT:          return _("Hub did not answer in time");
    case HC_ERROR_TLS_UNTRUSTED:      return _("Hub certificate not trusted");
    case HC_ERROR_UNAUTHORIZED:       return _("Signed out");
    case HC_ERROR_FORBIDDEN:          return _("Not allowed for your role");
    case HC_ERROR_NOT_FOUND:          return _("Not found on the hub");
    case HC_ERROR_CONFLICT:           return _("Already changed by someone else");
    case HC_ERROR_INVALID_REQUEST:    return _("The hub refused the request");
    case HC_ERROR_RATE_LIMITED:       return _("Too many requests");
    case HC_ERROR_HUB_ERROR:          return _("The hub reported an error");
    case HC_ERROR_MALFORMED_RESPONSE: return _("Unreadable answer from the hub");
    case HC_ERROR_RESPONSE_TOO_LARGE: return _("Answer from the hub too large");
    case HC_ERROR_PLAINTEXT_REFUSED:  return _("Unencrypted connection refused");
    case HC_ERROR_CANCELLED:          return _("Cancelled");
    case HC_ERROR_KEYRING:            return _("Keyring unavailable");
    default:                          return _("Unknown error");
    }
}

/* The message as hub text (it may quote the hub), with its closing full
 * stop left outside the isolate: a sentence around it may drop it. */
static char *
describe_message (const char *message)
{
  gsize len = strlen (message);
  g_autofree char *body = NULL;
  g_autofree char *shown = NULL;

  if (len == 0 || message[len - 1] != '.')
    return hc_format_hub_text (message, HC_HUB_TEXT_LINE);

  body = g_strndup (message, len - 1);
  shown = hc_format_hub_text (body, HC_HUB_TEXT_LINE);
  return g_strconcat (shown, ".", NULL);
}

/**
 * hc_error_describe:
 * Headline and detail in one translated sentence pair, for any GError;
 * errors from other domains keep their own message. For display: the
 * message may carry text from the hub, so it is shown as hub text
 * (hc_format_hub_text()), isolated and with nothing hidden.
 */
char *
hc_error_describe (const GError *error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  message = describe_message (error->message != NULL ? error->message : "");
  if (error->domain != HC_ERROR)
    return g_steal_pointer (&message);

  if (*message == '\0')
    return g_strdup (hc_error_title (error->code));

  return g_strdup_printf ("%s: %s", hc_error_title (error->code), message);
}

/**
 * hc_error_describe_clause:
 * hc_error_describe() as a clause, for a sentence around it that ends with
 * its own full stop: no full stop (nor space) at its end.
 */
char *
hc_error_describe_clause (const GError *error)
{
  char *text;
  gsize len;

  g_return_val_if_fail (error != NULL, NULL);

  text = hc_error_describe (error);
  len = strlen (text);
  while (len > 0 && (text[len - 1] == '.' || text[len - 1] == ' '))
    text[--len] = '\0';
  return text;
}

/**
 * hc_error_get_recovery:
 * The one classification of errors for the retry loops: whether retrying
 * later may succeed without the operator doing anything.
 *
 * Retried: the network, timeouts, 429, 5xx and answers that are not what
 * the contract promises, which a hub being restarted or a proxy in front
 * of it produces for a while. Not retried: 401 (needs a new token), a
 * cancellation, and everything that the same request will meet again —
 * 403, 400/422, 404 and 409 (the Hub API's fixed paths exist by contract,
 * so a 404 there means the address is not the hub), an untrusted
 * certificate, plain http refused, the keyring, and any error from outside
 * this domain. Stopping is the safe side: the token is not sent again and
 * again to something that is not the hub, and the banner names the cause.
 */
HcErrorRecovery
hc_error_get_recovery (const GError *error)
{
  if (error == NULL || error->domain != HC_ERROR)
    return HC_ERROR_RECOVERY_OPERATOR;

  switch ((HcError) error->code)
    {
    case HC_ERROR_UNREACHABLE:
    case HC_ERROR_TIMED_OUT:
    case HC_ERROR_RATE_LIMITED:
    case HC_ERROR_HUB_ERROR:
    case HC_ERROR_MALFORMED_RESPONSE:
    case HC_ERROR_RESPONSE_TOO_LARGE:
      return HC_ERROR_RECOVERY_RETRY;

    case HC_ERROR_UNAUTHORIZED:
      return HC_ERROR_RECOVERY_SIGN_IN;

    case HC_ERROR_CANCELLED:
      return HC_ERROR_RECOVERY_NONE;

    case HC_ERROR_TLS_UNTRUSTED:
    case HC_ERROR_FORBIDDEN:
    case HC_ERROR_NOT_FOUND:
    case HC_ERROR_CONFLICT:
    case HC_ERROR_INVALID_REQUEST:
    case HC_ERROR_PLAINTEXT_REFUSED:
    case HC_ERROR_KEYRING:
    default:
      return HC_ERROR_RECOVERY_OPERATOR;
    }
}

/**
 * hc_error_is_transient:
 * Whether hc_error_get_recovery() says to retry.
 */
gboolean
hc_error_is_transient (const GError *error)
{
  return hc_error_get_recovery (error) == HC_ERROR_RECOVERY_RETRY;
}
