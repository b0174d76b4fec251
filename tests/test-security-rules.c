/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules that guard the token, each implemented once: certificate
 * fingerprints, which hosts may be spoken to in plain http, what a hub's
 * problem+json says, and when and how soon to try again. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hc-fingerprint.h"

#define FINGERPRINT \
  "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"

/* ---- fingerprints ----------------------------------------------------------- */

static void
test_fingerprint_normalize (void)
{
  static const char * const valid[] = {
    /* The canonical form, which profiles have always been saved in. */
    FINGERPRINT,
    "ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89:ab:cd:ef:01:23:45:67:89",
    "abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789",
    "AB CD EF 01 23 45 67 89 AB CD EF 01 23 45 67 89 AB CD EF 01 23 45 67 89 AB CD EF 01 23 45 67 89",
    "ABCD EF01 2345 6789 ABCD EF01 2345 6789 ABCD EF01 2345 6789 ABCD EF01 2345 6789",
    "sha256 Fingerprint=" FINGERPRINT,
    "SHA256 Fingerprint=" FINGERPRINT "\n",
    "  " FINGERPRINT "  ",
    "\t" FINGERPRINT "\r\n",
  };
  static const char * const invalid[] = {
    "", "   ", "AB:CD", ":",
    /* 31 and 33 bytes, an odd number of digits, SHA-1 */
    "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67",
    FINGERPRINT ":00",
    "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF012345678",
    "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01",
    /* not hex */
    "GH:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89",
    /* separators: dashes, inside a byte, doubled, leading, trailing, tab */
    "AB-CD-EF-01-23-45-67-89-AB-CD-EF-01-23-45-67-89-AB-CD-EF-01-23-45-67-89-AB-CD-EF-01-23-45-67-89",
    "A:BCD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89",
    "AB::CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89",
    ":" FINGERPRINT,
    FINGERPRINT ":",
    "AB\tCD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89",
    /* only openssl's own prefix, not any text before a "=" */
    "md5 Fingerprint=" FINGERPRINT,
    "x=" FINGERPRINT,
    "sha256 Fingerprint=",
    "sha256 Fingerprint= " FINGERPRINT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = hc_fingerprint_normalize (valid[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, FINGERPRINT);
      g_assert_cmpuint (strlen (out), ==, HC_FINGERPRINT_TEXT_LEN);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = hc_fingerprint_normalize (invalid[i], &error);

      if (out != NULL)
        g_error ("“%s” was accepted as “%s”", invalid[i], out);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
    }

  g_assert_null (hc_fingerprint_normalize (NULL, NULL));
}

/* A self-signed certificate for hub.example and what
 * `openssl x509 -noout -fingerprint -sha256` prints for it. */
static const char certificate_pem[] =
  "-----BEGIN CERTIFICATE-----\n"
  "MIIBhDCCASmgAwIBAgIUMst7C5bnxk6+c70kuechs+RmnDIwCgYIKoZIzj0EAwIw\n"
  "FjEUMBIGA1UEAwwLaHViLmV4YW1wbGUwIBcNMjYxMjAyMDEwNTM3WhgPMjEyNjEx\n"
  "MDgwMTA1MzdaMBYxFDASBgNVBAMMC2h1Yi5leGFtcGxlMFkwEwYHKoZIzj0CAQYI\n"
  "KoZIzj0DAQcDQgAERKC2leq5MJSXyCragV5BTyAzws39Z3BqdGVyeelY5NkfmYCQ\n"
  "ghRyboOviSTtMI3UYWEuc4FyTgZW2jmlQBniM6NTMFEwHQYDVR0OBBYEFNYZmzUM\n"
  "ooXLURr5WMDqQXemQFMfMB8GA1UdIwQYMBaAFNYZmzUMooXLURr5WMDqQXemQFMf\n"
  "MA8GA1UdEwEB/wQFMAMBAf8wCgYIKoZIzj0EAwIDSQAwRgIhANAFpX6sa4AqXzJq\n"
  "udwMN7ubeAhNvHEsTcx/9zHi+qB9AiEA2ngxgdYJ9eoeoSNFpt7JF6NpXjkWN9ks\n"
  "UGCU5rSIcg0=\n"
  "-----END CERTIFICATE-----\n";
#define CERTIFICATE_FINGERPRINT \
  "14:3C:8D:1A:E8:53:A9:F9:CD:13:FD:FA:86:4A:95:D4:92:4F:7A:AD:86:E6:0B:26:10:22:3D:AD:1D:D5:F0:F2"

/* The certificate side gives the spelling the typed side does. */
static void
test_fingerprint_certificate (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_pem (certificate_pem, -1, &error);
  g_autofree char *fingerprint = NULL;
  g_autofree char *typed = NULL;

  g_assert_no_error (error);
  fingerprint = hc_fingerprint_from_certificate (certificate);
  g_assert_cmpstr (fingerprint, ==, CERTIFICATE_FINGERPRINT);
  typed = hc_fingerprint_normalize ("sha256 Fingerprint=" CERTIFICATE_FINGERPRINT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (typed, ==, fingerprint);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/fingerprint/normalize", test_fingerprint_normalize);
  g_test_add_func ("/rules/fingerprint/certificate", test_fingerprint_certificate);

  return g_test_run ();
}
