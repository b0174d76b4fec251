/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hc-fingerprint.h"

/* Certificate fingerprints: the one spelling of a SHA-256 fingerprint that
 * is pinned, stored in a profile, shown and compared. Canonical form is
 * upper-case hex pairs separated by colons, as `openssl x509 -fingerprint
 * -sha256` prints it, so an operator can compare the two by eye; profiles
 * have always been saved in this form. */

static const char openssl_prefix[] = "sha256 fingerprint=";

static gboolean
fail (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("The certificate fingerprint must be a SHA-256 fingerprint: 64 hexadecimal digits, optionally separated by colons."));
  return FALSE;
}

/**
 * hc_fingerprint_normalize:
 * @text: (nullable): a SHA-256 fingerprint as typed or pasted
 * @error: set to %G_IO_ERROR_INVALID_ARGUMENT when @text is not one
 *
 * Accepts 64 hexadecimal digits in any case, either run together or with
 * a colon or a space between bytes (openssl, browsers, GNOME), optionally
 * after openssl's `sha256 Fingerprint=` and surrounded by white space.
 * Anything else is refused rather than guessed at: a separator inside a
 * byte, two in a row, a dash, a trailing colon, another digest length.
 *
 * Returns: (transfer full) (nullable): the canonical `AB:CD:…` form
 */
char *
hc_fingerprint_normalize (const char  *text,
                          GError     **error)
{
  g_autofree char *trimmed = NULL;
  char out[HC_FINGERPRINT_TEXT_LEN + 1];
  const char *p;
  guint digits = 0;
  gboolean after_separator = FALSE;
  gsize len = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (text == NULL)
    return (fail (error), NULL);

  trimmed = g_strstrip (g_strdup (text));
  p = trimmed;
  if (g_ascii_strncasecmp (p, openssl_prefix, strlen (openssl_prefix)) == 0)
    p += strlen (openssl_prefix);

  for (; *p != '\0'; p++)
    {
      if (*p == ':' || *p == ' ')
        {
          /* Only between whole bytes, one at a time. */
          if (digits == 0 || digits % 2 != 0 || after_separator)
            return (fail (error), NULL);
          after_separator = TRUE;
          continue;
        }

      if (!g_ascii_isxdigit (*p) || digits == HC_FINGERPRINT_SHA256_LEN * 2)
        return (fail (error), NULL);

      if (digits > 0 && digits % 2 == 0)
        out[len++] = ':';
      out[len++] = g_ascii_toupper (*p);
      digits++;
      after_separator = FALSE;
    }

  if (digits != HC_FINGERPRINT_SHA256_LEN * 2 || after_separator)
    return (fail (error), NULL);

  g_assert (len == HC_FINGERPRINT_TEXT_LEN);
  return g_strndup (out, len);
}

/**
 * hc_fingerprint_from_certificate:
 * The SHA-256 of the certificate's DER in the canonical form.
 *
 * Returns: (transfer full) (nullable): %NULL when @certificate has no DER
 */
char *
hc_fingerprint_from_certificate (GTlsCertificate *certificate)
{
  g_autoptr(GByteArray) der = NULL;
  g_autofree char *hex = NULL;

  g_return_val_if_fail (G_IS_TLS_CERTIFICATE (certificate), NULL);

  g_object_get (certificate, "certificate", &der, NULL);
  if (der == NULL)
    return NULL;

  hex = g_compute_checksum_for_data (G_CHECKSUM_SHA256, der->data, der->len);
  return hc_fingerprint_normalize (hex, NULL);
}
