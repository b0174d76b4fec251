/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hc-client-private.h"
#include "hc-error.h"
#include "hc-parser.h"

/*
 * One job: what went wrong, as an HC_ERROR an operator can act on: a
 * status code with the hub's problem+json, a transport or TLS error, an
 * answer not in the contract's shape. Retry-After and a refused
 * certificate's fingerprint are remembered on the client on the way.
 */

#define MAX_RETRY_AFTER       3600

/* What a problem+json error body says (hc_parse_problem(), then
 * hc_problem_dup_summary()), or NULL when it is not one. */
static char *
problem_text (GBytes     *body,
              const char *content_type)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(HcProblem) problem = NULL;

  if (body == NULL || g_bytes_get_size (body) == 0
      || content_type == NULL || strstr (content_type, "json") == NULL)
    return NULL;

  root = hc_parse_json_bytes (body, NULL);
  if (root != NULL)
    problem = hc_parse_problem (root, NULL);

  return problem != NULL ? hc_problem_dup_summary (problem) : NULL;
}

static guint
parse_retry_after (const char *value)
{
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;
  GTimeSpan diff;

  if (value == NULL)
    return 0;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &seconds, NULL))
    return (guint) MIN (seconds, MAX_RETRY_AFTER);

  when = soup_date_time_new_from_http_string (value);
  if (when == NULL)
    return 0;

  now = g_date_time_new_now_utc ();
  diff = g_date_time_difference (when, now);
  if (diff <= 0)
    return 0;

  return (guint) MIN ((diff + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND, MAX_RETRY_AFTER);
}

static const char *
tls_reason (GTlsCertificateFlags errors)
{
  if (errors & G_TLS_CERTIFICATE_BAD_IDENTITY)
    return _("it was issued for another host name");
  if (errors & (G_TLS_CERTIFICATE_EXPIRED | G_TLS_CERTIFICATE_NOT_ACTIVATED))
    return _("it has expired or is not yet valid");
  if (errors & G_TLS_CERTIFICATE_UNKNOWN_CA)
    return _("it was not issued by a trusted authority");
  return _("it failed verification");
}

/* Maps a transport error (or one from reading a body stream). */
GError *
hc_client_error_from_transport (HcClient     *self,
                                const GError *error,
                                const char   *fingerprint)
{
  if (error->domain == HC_ERROR)
    return g_error_copy (error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (HC_ERROR, HC_ERROR_CANCELLED, _("The request was cancelled."));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new_literal (HC_ERROR, HC_ERROR_TIMED_OUT, _("The hub did not answer in time."));

  if (error->domain == G_TLS_ERROR)
    {
      if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE) && fingerprint != NULL)
        {
          g_free (self->untrusted_fingerprint);
          self->untrusted_fingerprint = g_strdup (fingerprint);
          return g_error_new (HC_ERROR, HC_ERROR_TLS_UNTRUSTED,
                              _("The hub’s certificate is not trusted. Its SHA-256 fingerprint is %s."),
                              fingerprint);
        }
      if (g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
        return g_error_new_literal (HC_ERROR, HC_ERROR_TLS_UNTRUSTED,
                                    _("The hub’s certificate is not trusted."));
      return g_error_new (HC_ERROR, HC_ERROR_UNREACHABLE,
                          _("A secure connection to the hub failed: %s"), error->message);
    }

  if (error->domain == SOUP_SESSION_ERROR)
    return g_error_new (HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                        _("The hub’s answer is not valid HTTP: %s"), error->message);

  return g_error_new (HC_ERROR, HC_ERROR_UNREACHABLE,
                      _("Could not reach the hub: %s"), error->message);
}

/* A TLS error while the peer's certificate is known: name why it was
 * refused and its fingerprint, which the operator may choose to pin. */
GError *
hc_client_error_from_tls (HcClient             *self,
                          const GError         *error,
                          const char           *fingerprint,
                          GTlsCertificateFlags  errors)
{
  GError *mapped = hc_client_error_from_transport (self, error, fingerprint);

  if (mapped->code == HC_ERROR_TLS_UNTRUSTED)
    {
      g_autofree char *fp = g_strdup (fingerprint);
      g_clear_error (&mapped);
      g_free (self->untrusted_fingerprint);
      self->untrusted_fingerprint = g_strdup (fp);
      mapped = g_error_new (HC_ERROR, HC_ERROR_TLS_UNTRUSTED,
                            _("The hub’s certificate is not trusted: %s. Its SHA-256 fingerprint is %s."),
                            tls_reason (errors), fp);
    }
  return mapped;
}

/* A non-2xx answer becomes the matching HC_ERROR code. */
GError *
hc_client_error_from_status (HcClient    *self,
                             SoupMessage *msg,
                             GBytes      *body)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (msg);
  guint status = soup_message_get_status (msg);
  g_autofree char *problem = problem_text (body, soup_message_headers_get_content_type (headers, NULL));
  GError *error;

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      hc_etag_cache_clear (self->etags);
      error = g_error_new (HC_ERROR, HC_ERROR_UNAUTHORIZED, "%s",
                           problem ? problem : _("The hub did not accept the token. Sign in again with a valid token."));
      break;

    case SOUP_STATUS_FORBIDDEN:
      error = g_error_new (HC_ERROR, HC_ERROR_FORBIDDEN, "%s",
                           problem ? problem : _("Your role on this hub does not allow this action."));
      break;

    case SOUP_STATUS_NOT_FOUND:
      error = g_error_new (HC_ERROR, HC_ERROR_NOT_FOUND, "%s",
                           problem ? problem : _("The hub has no such item."));
      break;

    case SOUP_STATUS_CONFLICT:
      error = g_error_new (HC_ERROR, HC_ERROR_CONFLICT, "%s",
                           problem ? problem : _("The item was changed in the meantime."));
      break;

    case SOUP_STATUS_BAD_REQUEST:
    case SOUP_STATUS_UNPROCESSABLE_ENTITY:
      error = g_error_new (HC_ERROR, HC_ERROR_INVALID_REQUEST, "%s",
                           problem ? problem : _("The hub refused the request as invalid."));
      break;

    case 429: /* Too Many Requests, not named in libsoup 3.2 */
      {
        guint seconds = parse_retry_after (soup_message_headers_get_one (headers, "Retry-After"));

        if (seconds == 0)
          seconds = 1;
        self->rate_limited_until = MAX (self->rate_limited_until,
                                               g_get_monotonic_time () + seconds * G_USEC_PER_SEC);
        error = g_error_new (HC_ERROR, HC_ERROR_RATE_LIMITED,
                             g_dngettext (GETTEXT_PACKAGE,
                                          "The hub asks to wait %u second before trying again.",
                                          "The hub asks to wait %u seconds before trying again.",
                                          seconds),
                             seconds);
        break;
      }

    default:
      if (problem != NULL)
        error = g_error_new (HC_ERROR, HC_ERROR_HUB_ERROR,
                             _("The hub answered with status %u: %s"), status, problem);
      else
        error = g_error_new (HC_ERROR, HC_ERROR_HUB_ERROR,
                             _("The hub answered with status %u."), status);
      break;
    }

  return error;
}

/* Takes @error; one from outside HC_ERROR (JSON syntax, say) becomes
 * MALFORMED_RESPONSE. */
GError *
hc_client_error_as_malformed (GError *error)
{
  GError *mapped;

  if (error->domain == HC_ERROR)
    return error;

  mapped = g_error_new (HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                        _("The hub’s answer does not match the Hub API: %s"), error->message);
  g_error_free (error);
  return mapped;
}
