/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client's TLS against the fault server: a pinned self-signed
 * certificate, an untrusted one shown as data, a CA file, the wrong host,
 * plain HTTP refused (before any DNS lookup) except to loopback, and
 * redirects that would leave the hub or drop TLS. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hc-client.h"
#include "hc-error.h"
#include "hc-fingerprint.h"
#include "hc-hub-manager.h"
#include "hc-hub.h"
#include "hc-test-fault.h"

static guint http_port;
static guint tls_port;
static guint tls_wrong_port;
static char *cert_path;
static char *wrong_cert_path;

static char *
openssl_fingerprint (const char *path)
{
  g_autofree char *out = NULL;
  g_autofree char *cmd = g_strdup_printf ("openssl x509 -noout -fingerprint -sha256 -in %s", path);
  const char *eq;

  g_assert_true (g_spawn_command_line_sync (cmd, &out, NULL, NULL, NULL));
  eq = strchr (out, '=');
  g_assert_nonnull (eq);
  return g_strstrip (g_strdup (eq + 1));
}
static void
test_tls_self_signed (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("https", tls_port, "ok");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) cert = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *from_openssl = NULL;
  g_autofree char *offered = NULL;

  cert = g_tls_certificate_new_from_file (cert_path, &error);
  g_assert_no_error (error);
  expected = hc_fingerprint_from_certificate (cert);
  from_openssl = openssl_fingerprint (cert_path);
  g_assert_cmpstr (expected, ==, from_openssl);

  /* Refused by default; the client holds the fingerprint to offer for
   * pinning (the message names it too, for the operator to read). */
  error = hc_test_health_error (client);
  hc_test_assert_code (error, HC_ERROR_TLS_UNTRUSTED);
  offered = g_strdup (hc_client_get_untrusted_fingerprint (client));
  g_assert_cmpstr (offered, ==, expected);
  g_assert_nonnull (strstr (error->message, expected));
  g_clear_error (&error);

  /* The operator pins exactly that certificate. */
  hc_client_set_pinned_fingerprint (client, offered);
  error = hc_test_health_error (client);
  g_assert_no_error (error);

  /* A pin of another certificate does not help. */
  hc_client_set_pinned_fingerprint (client, "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
                                            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
  error = hc_test_health_error (client);
  hc_test_assert_code (error, HC_ERROR_TLS_UNTRUSTED);
  g_clear_error (&error);
}

/* The fingerprint to pin travels as data to where the UI asks for it:
 * the hub (for its banner) and the check before a profile is saved. */
static void
test_tls_untrusted_as_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) cert = g_tls_certificate_new_from_file (cert_path, &error);
  g_autofree char *expected = NULL;
  g_autoptr(HcClient) client = hc_test_fault_client ("https", tls_port, "ok");
  g_autoptr(HcHub) hub = hc_hub_new ("tls", client);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HcProfileStore) profiles = hc_profile_store_new (settings);
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  g_autoptr(HcHubManager) manager = hc_hub_manager_new (profiles, secrets, NULL);
  g_autofree char *url = g_strdup_printf ("https://127.0.0.1:%u/ok", tls_port);
  g_autoptr(HcProfile) profile = hc_profile_new (NULL, url, "an", &error);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HcMe) me = NULL;
  g_autofree char *untrusted = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, hc_test_wake_cb, NULL);

  g_assert_no_error (error);
  expected = hc_fingerprint_from_certificate (cert);

  g_assert_null (hc_hub_get_untrusted_fingerprint (hub));
  hc_hub_start (hub);
  while (hc_hub_get_state (hub) != HC_HUB_OFFLINE)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  g_assert_true (g_error_matches (hc_hub_get_last_error (hub), HC_ERROR, HC_ERROR_TLS_UNTRUSTED));
  g_assert_cmpstr (hc_hub_get_untrusted_fingerprint (hub), ==, expected);
  hc_hub_stop (hub);

  hc_hub_manager_verify_async (manager, profile, HC_TEST_FAULT_TOKEN, NULL, hc_test_store_result, &result);
  hc_test_spin_until_set ((gpointer *) &result, 20000);
  me = hc_hub_manager_verify_finish (manager, result, &untrusted, &error);
  g_assert_null (me);
  g_assert_error (error, HC_ERROR, HC_ERROR_TLS_UNTRUSTED);
  g_assert_cmpstr (untrusted, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&untrusted, g_free);
  g_clear_object (&result);

  /* Pinned, the same check passes and offers nothing. */
  g_assert_true (hc_profile_set_pinned_fingerprint (profile, expected, NULL));
  hc_hub_manager_verify_async (manager, profile, HC_TEST_FAULT_TOKEN, NULL, hc_test_store_result, &result);
  hc_test_spin_until_set ((gpointer *) &result, 20000);
  me = hc_hub_manager_verify_finish (manager, result, &untrusted, &error);
  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_null (untrusted);
}

static void
test_tls_ca_file (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("https", tls_port, "ok");
  g_autoptr(HcClient) missing = hc_test_fault_client ("https", tls_port, "ok");
  g_autoptr(GError) error = NULL;

  hc_client_set_ca_file (client, cert_path);
  error = hc_test_health_error (client);
  g_assert_no_error (error);

  hc_client_set_ca_file (missing, "/nonexistent/ca.pem");
  error = hc_test_health_error (missing);
  hc_test_assert_code (error, HC_ERROR_TLS_UNTRUSTED);
}

static void
test_tls_wrong_host (void)
{
  g_autoptr(HcClient) client = hc_test_fault_client ("https", tls_wrong_port, "ok");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) cert = NULL;
  g_autofree char *fingerprint = NULL;

  /* Trusted issuer, but issued for another name. */
  hc_client_set_ca_file (client, wrong_cert_path);
  error = hc_test_health_error (client);
  hc_test_assert_code (error, HC_ERROR_TLS_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, "another host name"));
  g_clear_error (&error);

  /* Pinning is an explicit choice that accepts exactly that certificate. */
  cert = g_tls_certificate_new_from_file (wrong_cert_path, &error);
  g_assert_no_error (error);
  fingerprint = hc_fingerprint_from_certificate (cert);
  hc_client_set_ca_file (client, NULL);
  hc_client_set_pinned_fingerprint (client, fingerprint);
  error = hc_test_health_error (client);
  g_assert_no_error (error);
}

/* A resolver that records every lookup and answers none. */
typedef struct { GResolver parent; } RecordingResolver;
typedef struct { GResolverClass parent_class; } RecordingResolverClass;
static GType recording_resolver_get_type (void);
G_DEFINE_TYPE (RecordingResolver, recording_resolver, G_TYPE_RESOLVER)
static guint lookups;

static GList *
recording_lookup_by_name (GResolver     *resolver,
                          const char    *hostname,
                          GCancellable  *cancellable,
                          GError       **error)
{
  lookups++;
  g_set_error (error, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "no such host %s", hostname);
  return NULL;
}

static void
recording_lookup_by_name_async (GResolver           *resolver,
                                const char          *hostname,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (resolver, cancellable, callback, user_data);

  lookups++;
  g_task_return_new_error (task, G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND, "no such host %s", hostname);
}

static GList *
recording_lookup_by_name_finish (GResolver     *resolver,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
recording_lookup_with_flags_async (GResolver                *resolver,
                                   const char               *hostname,
                                   GResolverNameLookupFlags  flags,
                                   GCancellable             *cancellable,
                                   GAsyncReadyCallback       callback,
                                   gpointer                  user_data)
{
  recording_lookup_by_name_async (resolver, hostname, cancellable, callback, user_data);
}

static void
recording_resolver_class_init (RecordingResolverClass *klass)
{
  GResolverClass *resolver_class = G_RESOLVER_CLASS (klass);

  resolver_class->lookup_by_name = recording_lookup_by_name;
  resolver_class->lookup_by_name_async = recording_lookup_by_name_async;
  resolver_class->lookup_by_name_finish = recording_lookup_by_name_finish;
  resolver_class->lookup_by_name_with_flags_async = recording_lookup_with_flags_async;
  resolver_class->lookup_by_name_with_flags_finish = recording_lookup_by_name_finish;
}

static void
recording_resolver_init (RecordingResolver *self)
{
}

static void
test_plaintext_refused_before_dns (void)
{
  g_autoptr(GResolver) previous = g_resolver_get_default ();
  g_autoptr(GResolver) recorder = g_object_new (recording_resolver_get_type (), NULL);
  g_autoptr(HcClient) plain = hc_client_new ("http://hub.example:8080", HC_TEST_FAULT_TOKEN, NULL, NULL, FALSE);
  g_autoptr(HcClient) secure = hc_client_new ("https://hub.example", HC_TEST_FAULT_TOKEN, NULL, NULL, FALSE);
  g_autoptr(HcClient) allowed = hc_client_new ("http://hub.example", HC_TEST_FAULT_TOKEN, NULL, NULL, TRUE);
  g_autoptr(HcClient) loopback = hc_client_new ("http://localhost:1", HC_TEST_FAULT_TOKEN, NULL, NULL, FALSE);
  g_autoptr(GError) error = NULL;

  g_resolver_set_default (recorder);
  lookups = 0;

  g_assert_false (hc_client_check_url (plain, &error));
  hc_test_assert_code (error, HC_ERROR_PLAINTEXT_REFUSED);
  g_clear_error (&error);

  error = hc_test_me_error (plain);
  hc_test_assert_code (error, HC_ERROR_PLAINTEXT_REFUSED);
  g_assert_nonnull (strstr (error->message, "hub.example"));
  g_assert_cmpuint (lookups, ==, 0);
  g_clear_error (&error);

  /* The same host over https does get looked up: the resolver is ours. */
  error = hc_test_health_error (secure);
  hc_test_assert_code (error, HC_ERROR_UNREACHABLE);
  g_assert_cmpuint (lookups, >, 0);
  g_clear_error (&error);

  /* Allowing plaintext is the operator's explicit choice. */
  lookups = 0;
  error = hc_test_health_error (allowed);
  hc_test_assert_code (error, HC_ERROR_UNREACHABLE);
  g_assert_cmpuint (lookups, >, 0);
  g_clear_error (&error);

  g_assert_true (hc_client_check_url (loopback, NULL));

  /* Not an address at all, or not HTTP: refused without a lookup too. */
  lookups = 0;
  {
    g_autoptr(HcClient) garbage = hc_client_new ("hub example", HC_TEST_FAULT_TOKEN, NULL, NULL, FALSE);
    g_autoptr(HcClient) ftp = hc_client_new ("ftp://hub.example", HC_TEST_FAULT_TOKEN, NULL, NULL, FALSE);

    error = hc_test_health_error (garbage);
    hc_test_assert_code (error, HC_ERROR_UNREACHABLE);
    g_clear_error (&error);
    error = hc_test_health_error (ftp);
    hc_test_assert_code (error, HC_ERROR_UNREACHABLE);
    g_assert_nonnull (strstr (error->message, "https://"));
    g_assert_cmpuint (lookups, ==, 0);
  }

  g_resolver_set_default (previous);
}

static void
test_redirects (void)
{
  g_autoptr(HcClient) away = hc_test_fault_client ("http", http_port, "redirect-away");
  g_autoptr(HcClient) same = hc_test_fault_client ("http", http_port, "redirect-ok");
  g_autoptr(HcClient) port = hc_test_fault_client ("http", http_port, "redirect-port");
  g_autoptr(HcClient) downgrade = hc_test_fault_client ("https", tls_port, "redirect-http");
  g_autoptr(GError) error = NULL;

  error = hc_test_health_error (away);
  hc_test_assert_code (error, HC_ERROR_PLAINTEXT_REFUSED);
  g_clear_error (&error);

  error = hc_test_health_error (same);
  g_assert_no_error (error);

  /* The token must not go to another service on the same host. */
  error = hc_test_health_error (port);
  hc_test_assert_code (error, HC_ERROR_HUB_ERROR);
  g_assert_nonnull (strstr (error->message, "another server"));
  g_clear_error (&error);

  /* https → http is refused even to loopback. */
  hc_client_set_ca_file (downgrade, cert_path);
  error = hc_test_health_error (downgrade);
  hc_test_assert_code (error, HC_ERROR_PLAINTEXT_REFUSED);
}

/* ---- fixture ------------------------------------------------------------ */

static HcTestFaultServer *fault_server;

static void
start_server (void)
{
  fault_server = hc_test_fault_server_start (TRUE);
  http_port = fault_server->http_port;
  tls_port = fault_server->tls_port;
  tls_wrong_port = fault_server->tls_wrong_port;
  cert_path = g_strdup (fault_server->cert_path);
  wrong_cert_path = g_strdup (fault_server->wrong_cert_path);
}

static void
stop_server (void)
{
  hc_test_fault_server_stop (g_steal_pointer (&fault_server));
}

int
main (int argc, char *argv[])
{
  int ret;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  start_server ();

  g_test_add_func ("/client/faults/redirects", test_redirects);
  g_test_add_func ("/client/faults/tls-self-signed-pin", test_tls_self_signed);
  g_test_add_func ("/client/faults/tls-untrusted-as-data", test_tls_untrusted_as_data);
  g_test_add_func ("/client/faults/tls-ca-file", test_tls_ca_file);
  g_test_add_func ("/client/faults/tls-wrong-host", test_tls_wrong_host);
  g_test_add_func ("/client/faults/plaintext-refused-before-dns", test_plaintext_refused_before_dns);

  ret = g_test_run ();
  stop_server ();
  return ret;
}
