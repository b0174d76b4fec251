/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The rules that guard the token, each implemented once: certificate
 * fingerprints, which hosts may be spoken to in plain http, what a hub's
 * problem+json says, and when and how soon to try again. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hc-backoff.h"
#include "hc-client.h"
#include "hc-error.h"
#include "hc-fingerprint.h"
#include "hc-url.h"

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

/* ---- plain http only to loopback -------------------------------------------- */

static const char * const loopback_urls[] = {
  "http://localhost", "http://LOCALHOST:8080/x", "http://LocalHost/",
  "http://127.0.0.1", "http://127.1.2.3:99/", "http://127.255.255.255/",
  "http://[::1]:8080/", "http://[0:0:0:0:0:0:0:1]/",
  /* GUri decodes the host, and the connection goes where it says. */
  "http://local%68ost/",
};

static const char * const remote_urls[] = {
  /* Resolved to loopback by GLib, but not in the proxy exceptions. */
  "http://localhost./", "http://demo.localhost/", "http://demo.localhost./",
  "http://[::ffff:127.0.0.1]/",
  /* Spellings the resolver looks up as names. */
  "http://127.0.0.1./", "http://127.1/", "http://2130706433/", "http://0x7f.0.0.1/",
  /* Not this machine. */
  "http://localhost.example/", "http://localhost.example.com/", "http://mylocalhost/",
  "http://127.0.0.1.nip.io/", "http://hub.example", "http://128.0.0.1",
  "http://126.255.255.255", "http://10.0.0.1", "http://[::2]/", "http://[::]/",
  "http://0.0.0.0/", "http://[::ffff:10.0.0.1]/",
};

static void
test_loopback_url (void)
{
  static const char * const unparsable[] = { "not a url", "", "http://", "/relative", NULL };

  for (guint i = 0; i < G_N_ELEMENTS (loopback_urls); i++)
    if (!hc_url_is_loopback (loopback_urls[i]))
      g_error ("%s is loopback", loopback_urls[i]);

  for (guint i = 0; i < G_N_ELEMENTS (remote_urls); i++)
    if (hc_url_is_loopback (remote_urls[i]))
      g_error ("%s is not loopback", remote_urls[i]);

  for (guint i = 0; i < G_N_ELEMENTS (unparsable); i++)
    g_assert_false (hc_url_is_loopback (unparsable[i]));
}

static void
test_loopback_host (void)
{
  /* As GUri hands hosts over: IPv6 without brackets. */
  g_assert_true (hc_url_host_is_loopback ("localhost"));
  g_assert_true (hc_url_host_is_loopback ("::1"));
  g_assert_true (hc_url_host_is_loopback ("127.0.0.2"));
  g_assert_false (hc_url_host_is_loopback ("[::1]"));
  g_assert_false (hc_url_host_is_loopback ("localhost "));
  g_assert_false (hc_url_host_is_loopback (""));
  g_assert_false (hc_url_host_is_loopback (NULL));
}

/* The client refuses plain http by the same rule, before any lookup. */
static void
test_loopback_client (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (loopback_urls); i++)
    {
      g_autoptr(HcClient) client = hc_client_new (loopback_urls[i], "hct_token", NULL, NULL, FALSE);
      g_autoptr(GError) error = NULL;

      if (!hc_client_check_url (client, &error))
        g_error ("%s refused: %s", loopback_urls[i], error->message);
    }

  for (guint i = 0; i < G_N_ELEMENTS (remote_urls); i++)
    {
      g_autoptr(HcClient) client = hc_client_new (remote_urls[i], "hct_token", NULL, NULL, FALSE);
      g_autoptr(HcClient) allowed = hc_client_new (remote_urls[i], "hct_token", NULL, NULL, TRUE);
      g_autoptr(GError) error = NULL;

      g_assert_false (hc_client_check_url (client, &error));
      g_assert_error (error, HC_ERROR, HC_ERROR_PLAINTEXT_REFUSED);
      g_clear_error (&error);
      /* Unless the operator allowed it for this hub. */
      g_assert_true (hc_client_check_url (allowed, &error));
      g_assert_no_error (error);
    }
}

/* ---- reconnect backoff ------------------------------------------------------ */

static void
test_backoff_caps (void)
{
  HcBackoff backoff;
  static const guint caps[] = { 1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000 };

  hc_backoff_init (&backoff, HC_BACKOFF_DEFAULT_INITIAL_MS, HC_BACKOFF_DEFAULT_MAX_MS);
  for (guint i = 0; i < G_N_ELEMENTS (caps); i++)
    {
      guint cap = hc_backoff_cap_ms (&backoff);
      guint delay;

      g_assert_cmpuint (cap, ==, caps[i]);
      delay = hc_backoff_next (&backoff, 0);
      g_assert_cmpuint (delay, <=, cap);
    }

  /* A healthy connection starts over. */
  hc_backoff_reset (&backoff);
  g_assert_cmpuint (hc_backoff_cap_ms (&backoff), ==, 1000);

  /* Many failures neither overflow nor shrink the cap. */
  for (guint i = 0; i < 1000; i++)
    hc_backoff_next (&backoff, 0);
  g_assert_cmpuint (hc_backoff_cap_ms (&backoff), ==, 60000);

  /* Nor do absurd settings. */
  hc_backoff_init (&backoff, G_MAXUINT / 2, G_MAXUINT);
  for (guint i = 0; i < 40; i++)
    g_assert_cmpuint (hc_backoff_next (&backoff, 0), <=, G_MAXINT32);
  g_assert_cmpuint (hc_backoff_cap_ms (&backoff), <=, G_MAXINT32);
}

static void
test_backoff_jitter (void)
{
  HcBackoff backoff;
  guint low = 0, high = 0;

  /* Full jitter: anywhere from 0 to the cap, not bunched at the cap. */
  for (guint i = 0; i < 400; i++)
    {
      guint delay;

      hc_backoff_init (&backoff, 1000, 60000);
      backoff.attempt = 5;
      delay = hc_backoff_next (&backoff, 0);
      g_assert_cmpuint (delay, <=, 32000);
      if (delay < 16000)
        low++;
      else
        high++;
    }
  g_assert_cmpuint (low, >, 0);
  g_assert_cmpuint (high, >, 0);
}

static void
test_backoff_retry_after (void)
{
  HcBackoff backoff;

  /* The hub's Retry-After wins over a shorter backoff, not a longer one. */
  hc_backoff_init (&backoff, 10, 20);
  g_assert_cmpuint (hc_backoff_next (&backoff, 7), ==, 7000);
  for (guint i = 0; i < 20; i++)
    {
      guint delay;

      hc_backoff_init (&backoff, 100000, 100000);
      delay = hc_backoff_next (&backoff, 1);
      g_assert_cmpuint (delay, >=, 1000);
      g_assert_cmpuint (delay, <=, 100000);
    }
  hc_backoff_init (&backoff, 10, 20);
  g_assert_cmpuint (hc_backoff_next (&backoff, G_MAXUINT), <=, G_MAXINT32);
  g_assert_cmpuint (hc_backoff_next (&backoff, G_MAXUINT), >=, 3600 * 1000);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/fingerprint/normalize", test_fingerprint_normalize);
  g_test_add_func ("/rules/fingerprint/certificate", test_fingerprint_certificate);
  g_test_add_func ("/rules/loopback/url", test_loopback_url);
  g_test_add_func ("/rules/loopback/host", test_loopback_host);
  g_test_add_func ("/rules/loopback/client", test_loopback_client);
  g_test_add_func ("/rules/backoff/caps", test_backoff_caps);
  g_test_add_func ("/rules/backoff/jitter", test_backoff_jitter);
  g_test_add_func ("/rules/backoff/retry-after", test_backoff_retry_after);

  return g_test_run ();
}
