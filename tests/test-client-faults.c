/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The client against a misbehaving hub (tests/hc-fault-server.py): every
 * fault ends in its own HC_ERROR code with a message, within a deadline. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hc-alert.h"
#include "hc-client.h"
#include "hc-error.h"
#include "hc-event-stream.h"
#include "hc-fingerprint.h"
#include "hc-hub-manager.h"
#include "hc-hub.h"
#include "hc-test-fault.h"
#include "hc-me.h"

#define TOKEN "fault-token"

static guint http_port;
static guint tls_port;
static guint tls_wrong_port;
static char *cert_path;
static char *wrong_cert_path;
static GString *captured_logs;

/* ---- helpers ------------------------------------------------------------ */

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until *slot is set; fails the test after @timeout_ms
 * rather than hanging. */
static void
spin_until_set (gpointer *slot,
                guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  while (*slot == NULL)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u ms", timeout_ms);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static gboolean
flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static HcClient *
client_for (const char *scheme,
            guint       port,
            const char *fault)
{
  g_autofree char *url = g_strdup_printf ("%s://127.0.0.1:%u/%s", scheme, port, fault);
  HcClient *client = hc_client_new (url, TOKEN, NULL, NULL, FALSE);

  /* Short deadlines: a fault must end quickly, never hang the test. */
  hc_client_set_timeouts (client, 5, 4000);
  return client;
}

static GError *
health_error (HcClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;

  hc_client_health_async (client, NULL, store_result, &result);
  spin_until_set ((gpointer *) &result, 20000);
  node = hc_client_health_finish (client, result, &error);
  g_assert_true ((node == NULL) == (error != NULL));
  return error;
}

static GError *
me_error (HcClient *client)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HcMe) me = NULL;
  GError *error = NULL;

  hc_client_me_async (client, NULL, store_result, &result);
  spin_until_set ((gpointer *) &result, 20000);
  me = hc_client_me_finish (client, result, &error);
  g_assert_true ((me == NULL) == (error != NULL));
  return error;
}

static void
assert_code (GError *error,
             HcError code)
{
  g_assert_nonnull (error);
  if (!g_error_matches (error, HC_ERROR, code))
    g_error ("Expected %s, got %s %d: %s", hc_error_code_name (code),
             g_quark_to_string (error->domain), error->code, error->message);
  g_assert_nonnull (error->message);
  g_assert_cmpuint (strlen (error->message), >, 10);
}

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

/* ---- cases -------------------------------------------------------------- */

static void
test_ok_and_token (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "ok");
  g_autoptr(HcClient) anonymous = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HcMe) me = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/ok/", http_port);

  hc_client_me_async (client, NULL, store_result, &result);
  spin_until_set ((gpointer *) &result, 20000);
  me = hc_client_me_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_me_get_user (me), ==, "an");

  /* Without the token the fake hub refuses, and we say "signed out". */
  anonymous = hc_client_new (url, NULL, NULL, NULL, FALSE);
  g_clear_error (&error);
  error = me_error (anonymous);
  assert_code (error, HC_ERROR_UNAUTHORIZED);
  g_assert_nonnull (strstr (error->message, "No bearer token"));
}

static void
test_truncated (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "truncated");
  g_autoptr(GError) error = me_error (client);

  assert_code (error, HC_ERROR_MALFORMED_RESPONSE);
}

static void
test_wrong_types (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "wrong-types");
  g_autoptr(GError) error = me_error (client);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(HcListPage) page = NULL;
  g_autoptr(GError) list_error = NULL;

  assert_code (error, HC_ERROR_MALFORMED_RESPONSE);

  hc_client_list_alerts_async (client, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL, store_result, &result);
  spin_until_set ((gpointer *) &result, 20000);
  page = hc_client_list_finish (client, result, &list_error);
  g_assert_null (page);
  assert_code (list_error, HC_ERROR_MALFORMED_RESPONSE);
}

static void
test_html (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "html");
  g_autoptr(GError) error = health_error (client);

  assert_code (error, HC_ERROR_MALFORMED_RESPONSE);
  g_assert_nonnull (strstr (error->message, "web page"));
}

static void
test_huge_content_length (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "huge");
  gint64 start = g_get_monotonic_time ();
  g_autoptr(GError) error = health_error (client);

  /* Refused on the header, long before the deadline. */
  assert_code (error, HC_ERROR_RESPONSE_TOO_LARGE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 3 * G_USEC_PER_SEC);
}

static void
test_chunked_too_big (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "chunked-big");
  g_autoptr(GError) error = NULL;

  hc_client_set_max_response_size (client, 1024 * 1024);
  error = health_error (client);
  assert_code (error, HC_ERROR_RESPONSE_TOO_LARGE);
}

static void
test_slow_drip (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "slow");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Bytes keep coming (so no I/O timeout), but the whole request has a
   * deadline. */
  hc_client_set_timeouts (client, 5, 1500);
  error = health_error (client);
  assert_code (error, HC_ERROR_TIMED_OUT);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
}

static void
test_no_answer (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "silent");
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Connected, but no headers within the connect timeout. */
  hc_client_set_timeouts (client, 1, 20000);
  error = health_error (client);
  assert_code (error, HC_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "1 second"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 4 * G_USEC_PER_SEC);
}

static void
test_rate_limited (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "ratelimit");
  g_autoptr(HcClient) dated = client_for ("http", http_port, "ratelimit-date");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) dated_error = NULL;

  g_assert_cmpuint (hc_client_get_retry_after (client), ==, 0);
  error = health_error (client);
  assert_code (error, HC_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "7"));
  g_assert_cmpuint (hc_client_get_retry_after (client), >=, 5);
  g_assert_cmpuint (hc_client_get_retry_after (client), <=, 7);

  dated_error = health_error (dated);
  assert_code (dated_error, HC_ERROR_RATE_LIMITED);
  g_assert_cmpuint (hc_client_get_retry_after (dated), >=, 25);
  g_assert_cmpuint (hc_client_get_retry_after (dated), <=, 31);
}

static void
test_problem_codes (void)
{
  static const struct { const char *fault; HcError code; const char *text; } cases[] = {
    { "error500",     HC_ERROR_HUB_ERROR,       "Database down: The store is not answering." },
    { "unauthorized", HC_ERROR_UNAUTHORIZED,    "Token expired" },
    { "forbidden",    HC_ERROR_FORBIDDEN,       "Viewers cannot retry sources." },
    { "notfound",     HC_ERROR_NOT_FOUND,       "There is no source" },
    { "conflict",     HC_ERROR_CONFLICT,        "resolved by binh" },
    { "invalid",      HC_ERROR_INVALID_REQUEST, "Comment required" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HcClient) client = client_for ("http", http_port, cases[i].fault);
      g_autoptr(GError) error = me_error (client);

      assert_code (error, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].text));
    }

  /* A problem body is read by hc_parse_problem(): one of the wrong types
   * is not half-believed, the status speaks instead. */
  {
    g_autoptr(HcClient) client = client_for ("http", http_port, "bad-problem");
    g_autoptr(GError) error = me_error (client);

    assert_code (error, HC_ERROR_HUB_ERROR);
    g_assert_cmpstr (error->message, ==, "The hub answered with status 500.");
  }
}

static void
test_redirects (void)
{
  g_autoptr(HcClient) away = client_for ("http", http_port, "redirect-away");
  g_autoptr(HcClient) same = client_for ("http", http_port, "redirect-ok");
  g_autoptr(HcClient) port = client_for ("http", http_port, "redirect-port");
  g_autoptr(HcClient) downgrade = client_for ("https", tls_port, "redirect-http");
  g_autoptr(GError) error = NULL;

  error = health_error (away);
  assert_code (error, HC_ERROR_PLAINTEXT_REFUSED);
  g_clear_error (&error);

  error = health_error (same);
  g_assert_no_error (error);

  /* The token must not go to another service on the same host. */
  error = health_error (port);
  assert_code (error, HC_ERROR_HUB_ERROR);
  g_assert_nonnull (strstr (error->message, "another server"));
  g_clear_error (&error);

  /* https → http is refused even to loopback. */
  hc_client_set_ca_file (downgrade, cert_path);
  error = health_error (downgrade);
  assert_code (error, HC_ERROR_PLAINTEXT_REFUSED);
}

static void
test_tls_self_signed (void)
{
  g_autoptr(HcClient) client = client_for ("https", tls_port, "ok");
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
  error = health_error (client);
  assert_code (error, HC_ERROR_TLS_UNTRUSTED);
  offered = g_strdup (hc_client_get_untrusted_fingerprint (client));
  g_assert_cmpstr (offered, ==, expected);
  g_assert_nonnull (strstr (error->message, expected));
  g_clear_error (&error);

  /* The operator pins exactly that certificate. */
  hc_client_set_pinned_fingerprint (client, offered);
  error = health_error (client);
  g_assert_no_error (error);

  /* A pin of another certificate does not help. */
  hc_client_set_pinned_fingerprint (client, "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
                                            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
  error = health_error (client);
  assert_code (error, HC_ERROR_TLS_UNTRUSTED);
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
  g_autoptr(HcClient) client = client_for ("https", tls_port, "ok");
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
  guint wake = g_timeout_add (50, wake_cb, NULL);

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

  hc_hub_manager_verify_async (manager, profile, TOKEN, NULL, store_result, &result);
  spin_until_set ((gpointer *) &result, 20000);
  me = hc_hub_manager_verify_finish (manager, result, &untrusted, &error);
  g_assert_null (me);
  g_assert_error (error, HC_ERROR, HC_ERROR_TLS_UNTRUSTED);
  g_assert_cmpstr (untrusted, ==, expected);
  g_clear_error (&error);
  g_clear_pointer (&untrusted, g_free);
  g_clear_object (&result);

  /* Pinned, the same check passes and offers nothing. */
  g_assert_true (hc_profile_set_pinned_fingerprint (profile, expected, NULL));
  hc_hub_manager_verify_async (manager, profile, TOKEN, NULL, store_result, &result);
  spin_until_set ((gpointer *) &result, 20000);
  me = hc_hub_manager_verify_finish (manager, result, &untrusted, &error);
  g_assert_no_error (error);
  g_assert_nonnull (me);
  g_assert_null (untrusted);
}

static void
test_tls_ca_file (void)
{
  g_autoptr(HcClient) client = client_for ("https", tls_port, "ok");
  g_autoptr(HcClient) missing = client_for ("https", tls_port, "ok");
  g_autoptr(GError) error = NULL;

  hc_client_set_ca_file (client, cert_path);
  error = health_error (client);
  g_assert_no_error (error);

  hc_client_set_ca_file (missing, "/nonexistent/ca.pem");
  error = health_error (missing);
  assert_code (error, HC_ERROR_TLS_UNTRUSTED);
}

static void
test_tls_wrong_host (void)
{
  g_autoptr(HcClient) client = client_for ("https", tls_wrong_port, "ok");
  g_autoptr(GError) error = NULL;
  g_autoptr(GTlsCertificate) cert = NULL;
  g_autofree char *fingerprint = NULL;

  /* Trusted issuer, but issued for another name. */
  hc_client_set_ca_file (client, wrong_cert_path);
  error = health_error (client);
  assert_code (error, HC_ERROR_TLS_UNTRUSTED);
  g_assert_nonnull (strstr (error->message, "another host name"));
  g_clear_error (&error);

  /* Pinning is an explicit choice that accepts exactly that certificate. */
  cert = g_tls_certificate_new_from_file (wrong_cert_path, &error);
  g_assert_no_error (error);
  fingerprint = hc_fingerprint_from_certificate (cert);
  hc_client_set_ca_file (client, NULL);
  hc_client_set_pinned_fingerprint (client, fingerprint);
  error = health_error (client);
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
  g_autoptr(HcClient) plain = hc_client_new ("http://hub.example:8080", TOKEN, NULL, NULL, FALSE);
  g_autoptr(HcClient) secure = hc_client_new ("https://hub.example", TOKEN, NULL, NULL, FALSE);
  g_autoptr(HcClient) allowed = hc_client_new ("http://hub.example", TOKEN, NULL, NULL, TRUE);
  g_autoptr(HcClient) loopback = hc_client_new ("http://localhost:1", TOKEN, NULL, NULL, FALSE);
  g_autoptr(GError) error = NULL;

  g_resolver_set_default (recorder);
  lookups = 0;

  g_assert_false (hc_client_check_url (plain, &error));
  assert_code (error, HC_ERROR_PLAINTEXT_REFUSED);
  g_clear_error (&error);

  error = me_error (plain);
  assert_code (error, HC_ERROR_PLAINTEXT_REFUSED);
  g_assert_nonnull (strstr (error->message, "hub.example"));
  g_assert_cmpuint (lookups, ==, 0);
  g_clear_error (&error);

  /* The same host over https does get looked up: the resolver is ours. */
  error = health_error (secure);
  assert_code (error, HC_ERROR_UNREACHABLE);
  g_assert_cmpuint (lookups, >, 0);
  g_clear_error (&error);

  /* Allowing plaintext is the operator's explicit choice. */
  lookups = 0;
  error = health_error (allowed);
  assert_code (error, HC_ERROR_UNREACHABLE);
  g_assert_cmpuint (lookups, >, 0);
  g_clear_error (&error);

  g_assert_true (hc_client_check_url (loopback, NULL));

  /* Not an address at all, or not HTTP: refused without a lookup too. */
  lookups = 0;
  {
    g_autoptr(HcClient) garbage = hc_client_new ("hub example", TOKEN, NULL, NULL, FALSE);
    g_autoptr(HcClient) ftp = hc_client_new ("ftp://hub.example", TOKEN, NULL, NULL, FALSE);

    error = health_error (garbage);
    assert_code (error, HC_ERROR_UNREACHABLE);
    g_clear_error (&error);
    error = health_error (ftp);
    assert_code (error, HC_ERROR_UNREACHABLE);
    g_assert_nonnull (strstr (error->message, "https://"));
    g_assert_cmpuint (lookups, ==, 0);
  }

  g_resolver_set_default (previous);
}

static void
test_connection_refused (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HcClient) client = NULL;
  guint16 port;

  /* A port that was free a moment ago and has nobody listening now. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  client = client_for ("http", port, "ok");
  error = health_error (client);
  assert_code (error, HC_ERROR_UNREACHABLE);
}

static void
test_connection_reset (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "reset");
  g_autoptr(GError) error = health_error (client);

  assert_code (error, HC_ERROR_UNREACHABLE);
}

static void
test_cancel (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "slow");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;
  JsonNode *node;

  hc_client_set_timeouts (client, 5, 10000);

  hc_client_health_async (client, NULL, store_result, &result);
  hc_client_health_async (client, cancellable, store_result, &result2);
  g_cancellable_cancel (cancellable);
  spin_until_set ((gpointer *) &result2, 5000);
  node = hc_client_health_finish (client, result2, &error2);
  g_assert_null (node);
  assert_code (error2, HC_ERROR_CANCELLED);
  g_assert_null (result);

  hc_client_cancel_all (client);
  spin_until_set ((gpointer *) &result, 5000);
  node = hc_client_health_finish (client, result, &error);
  g_assert_null (node);
  assert_code (error, HC_ERROR_CANCELLED);

  /* The client still works after cancel_all. */
  g_clear_object (&client);
  client = client_for ("http", http_port, "ok");
  hc_client_cancel_all (client);
  g_clear_error (&error);
  error = health_error (client);
  g_assert_no_error (error);
}

static void
test_etag (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "ok");

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(HcListPage) page = NULL;
      g_autoptr(GError) error = NULL;

      hc_client_list_alerts_async (client, "open", "high", NULL, NULL, "logins", NULL, 0,
                                   NULL, store_result, &result);
      spin_until_set ((gpointer *) &result, 20000);
      page = hc_client_list_finish (client, result, &error);
      g_assert_no_error (error);
      /* The second time the hub answers 304 and the cached page serves. */
      g_assert_cmpint (page->not_modified, ==, round == 1);
      g_assert_cmpuint (page->items->len, ==, 1);
      g_assert_cmpint (page->total, ==, 1);
      g_assert_null (page->next_cursor);
      g_assert_cmpstr (hc_item_get_id (g_ptr_array_index (page->items, 0)), ==, "al-1");
      g_assert_nonnull (strstr (g_bytes_get_data (page->body, NULL), "state=open&severity=high&q=logins&limit="));
    }
}

static void
test_idempotency_key (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "ok");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GAsyncResult) result2 = NULL;
  g_autoptr(HcAlert) alert = NULL;
  g_autoptr(HcAlert) alert2 = NULL;
  g_autoptr(GError) error = NULL;

  hc_client_acknowledge_alert_async (client, "al-1", "looking", "click-42", NULL, store_result, &result);
  spin_until_set ((gpointer *) &result, 20000);
  alert = hc_client_acknowledge_alert_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (hc_alert_get_title (alert), ==, "click-42");
  g_assert_cmpint (hc_alert_get_state (alert), ==, HC_ALERT_STATE_ACKNOWLEDGED);

  /* Without a key, a fresh random UUID goes along. */
  hc_client_acknowledge_alert_async (client, "al-1", "looking", NULL, NULL, store_result, &result2);
  spin_until_set ((gpointer *) &result2, 20000);
  alert2 = hc_client_acknowledge_alert_finish (client, result2, &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (hc_alert_get_title (alert2)));
}

static GLogWriterOutput
capture_writer (GLogLevelFlags   level,
                const GLogField *fields,
                gsize            n_fields,
                gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0)
      g_string_append_printf (captured_logs, "%s\n", (const char *) fields[i].value);
  return G_LOG_WRITER_HANDLED;
}

static void
test_token_not_logged (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "ok");
  g_autoptr(HcClient) failing = client_for ("http", http_port, "unauthorized");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) error2 = NULL;

  /* As with G_MESSAGES_DEBUG=all: every debug message of ours and of
   * libsoup goes to the writer. */
  g_log_set_debug_enabled (TRUE);
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  captured_logs = g_string_new (NULL);
  g_log_set_writer_func (capture_writer, NULL, NULL);

  error = me_error (client);
  g_assert_no_error (error);
  error2 = me_error (failing);
  assert_code (error2, HC_ERROR_UNAUTHORIZED);

  /* The capture works (libsoup and GIO do log), and holds no token. */
  g_assert_cmpuint (captured_logs->len, >, 0);
  g_assert_null (strstr (captured_logs->str, TOKEN));
  g_assert_null (strstr (error2->message, TOKEN));
}

static void
event_cb (HcEventStream *stream,
          const char    *name,
          JsonNode      *data,
          const char    *id,
          GPtrArray     *seen)
{
  JsonObject *object = json_node_get_object (data);
  JsonNode *last = json_object_get_member (object, "last_event_id");

  g_ptr_array_add (seen, g_strdup_printf ("%s id=%s last=%s", name, id,
                                          JSON_NODE_HOLDS_NULL (last) ? "none" : json_node_get_string (last)));
}

static void
state_cb (HcEventStream      *stream,
          HcEventStreamState  state,
          const GError       *error,
          GString            *states)
{
  GEnumClass *klass = g_type_class_ref (HC_TYPE_EVENT_STREAM_STATE);

  g_string_append_printf (states, "%s%s", states->len ? "," : "",
                          g_enum_get_value (klass, state)->value_nick);
  if (error != NULL)
    g_string_append_printf (states, "(%s)", hc_error_code_name (error->code));
  g_type_class_unref (klass);
}

static void
test_event_stream_watchdog_and_resume (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "events");
  g_autoptr(HcEventStream) stream = hc_event_stream_new (client);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) states = g_string_new (NULL);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  hc_event_stream_set_watchdog (stream, 1);
  hc_event_stream_set_backoff (stream, 50, 200);
  g_signal_connect (stream, "event", G_CALLBACK (event_cb), seen);
  g_signal_connect (stream, "state-changed", G_CALLBACK (state_cb), states);
  hc_event_stream_start (stream);

  while (seen->len < 2)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);

  /* The server went silent: the watchdog reconnected, sending the id of
   * the last event it had seen. */
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "hello id=1 last=none");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "hello id=2 last=1");
  g_assert_cmpstr (hc_event_stream_get_last_event_id (stream), ==, "2");
  g_assert_true (g_str_has_prefix (states->str, "connecting,live,reconnecting(timed-out),"));
  g_assert_true (g_str_has_suffix (states->str, ",live"));
  g_assert_cmpuint (hc_event_stream_get_reconnects (stream), >=, 1);

  /* Cancelling everything on the client stops the stream for good. */
  hc_client_cancel_all (client);
  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  wake = g_timeout_add (50, wake_cb, NULL);
  while (hc_event_stream_get_state (stream) != HC_EVENT_STREAM_STOPPED)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  g_assert_true (g_error_matches (hc_event_stream_get_last_error (stream), HC_ERROR, HC_ERROR_CANCELLED));

  hc_event_stream_stop (stream);
  g_assert_cmpint (hc_event_stream_get_state (stream), ==, HC_EVENT_STREAM_STOPPED);
}

static void
test_event_stream_quiet_is_fine (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "events");
  g_autoptr(HcEventStream) stream = hc_event_stream_new (client);
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);

  /* A connect timeout shorter than the silence: only the watchdog may
   * end a quiet stream. */
  hc_client_set_timeouts (client, 1, 1000);
  hc_event_stream_set_watchdog (stream, 10);
  g_signal_connect (stream, "event", G_CALLBACK (event_cb), seen);
  hc_event_stream_start (stream);
  while (seen->len < 1)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);

  spin_for (2500);
  g_assert_cmpint (hc_event_stream_get_state (stream), ==, HC_EVENT_STREAM_LIVE);
  g_assert_cmpuint (hc_event_stream_get_reconnects (stream), ==, 0);
  g_assert_cmpuint (seen->len, ==, 1);
  hc_event_stream_stop (stream);
}

/* Errors that retrying cannot fix (hc_error_get_recovery()) stop the
 * stream at once: 401 needs a new token, 403 another role, and a 404 on
 * the events path means the address is not the hub. */
static void
test_event_stream_fatal (void)
{
  static const struct { const char *fault; HcError code; } cases[] = {
    { "unauthorized", HC_ERROR_UNAUTHORIZED },
    { "forbidden",    HC_ERROR_FORBIDDEN },
    { "notfound",     HC_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(HcClient) client = client_for ("http", http_port, cases[i].fault);
      g_autoptr(HcEventStream) stream = hc_event_stream_new (client);
      g_autoptr(GString) states = g_string_new (NULL);
      g_autofree char *expected = NULL;
      gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
      guint wake = g_timeout_add (50, wake_cb, NULL);

      hc_event_stream_set_backoff (stream, 50, 200);
      g_signal_connect (stream, "state-changed", G_CALLBACK (state_cb), states);
      hc_event_stream_start (stream);

      while (hc_event_stream_get_state (stream) != HC_EVENT_STREAM_STOPPED)
        {
          g_assert_cmpint (g_get_monotonic_time (), <, deadline);
          g_main_context_iteration (NULL, TRUE);
        }
      g_source_remove (wake);

      expected = g_strdup_printf ("connecting,stopped(%s)", hc_error_code_name (cases[i].code));
      g_assert_cmpstr (states->str, ==, expected);
      g_assert_true (g_error_matches (hc_event_stream_get_last_error (stream), HC_ERROR, cases[i].code));
      g_assert_cmpuint (hc_event_stream_get_reconnects (stream), ==, 0);
    }
}

static void
test_event_stream_backoff (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(HcClient) refused = NULL;
  g_autoptr(HcClient) limited = client_for ("http", http_port, "ratelimit");
  g_autoptr(HcEventStream) stream = NULL;
  g_autoptr(HcEventStream) polite = hc_event_stream_new (limited);
  guint16 port;

  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  /* Nobody listens: attempts space out (100 ms doubling, jittered), so
   * 1.5 s sees a handful, not hundreds. */
  refused = client_for ("http", port, "events");
  stream = hc_event_stream_new (refused);
  hc_event_stream_set_backoff (stream, 100, 5000);
  hc_event_stream_start (stream);
  spin_for (1500);
  g_assert_cmpint (hc_event_stream_get_state (stream), ==, HC_EVENT_STREAM_RECONNECTING);
  g_assert_true (g_error_matches (hc_event_stream_get_last_error (stream), HC_ERROR, HC_ERROR_UNREACHABLE));
  g_assert_cmpuint (hc_event_stream_get_reconnects (stream), >=, 1);
  g_assert_cmpuint (hc_event_stream_get_reconnects (stream), <=, 15);
  hc_event_stream_stop (stream);

  /* 429: the stream waits at least Retry-After (7 s) before trying again. */
  hc_event_stream_set_backoff (polite, 10, 20);
  hc_event_stream_start (polite);
  spin_for (1500);
  g_assert_cmpint (hc_event_stream_get_state (polite), ==, HC_EVENT_STREAM_RECONNECTING);
  g_assert_true (g_error_matches (hc_event_stream_get_last_error (polite), HC_ERROR, HC_ERROR_RATE_LIMITED));
  g_assert_cmpuint (hc_event_stream_get_reconnects (polite), ==, 0);
  hc_event_stream_stop (polite);
}

/* A hub whose pages go round in a circle: the console stops paging and
 * says so for each list, instead of fetching forever, and the hub is
 * partly read rather than offline. */
static void
test_hub_cursor_loop (void)
{
  g_autoptr(HcClient) client = client_for ("http", http_port, "loop");
  g_autoptr(HcHub) hub = hc_hub_new ("loop", client);
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);
  const GError *error;

  hc_hub_start (hub);
  while (hc_hub_get_list_error (hub, HC_LIST_ALERTS) == NULL || hc_hub_get_loading (hub))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);

  /* (This fault hub has no event stream, so the hub may be offline again
   * by now: what matters is that the lists said what went wrong.) */
  g_assert_true (hc_hub_get_partial (hub));
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      error = hc_hub_get_list_error (hub, kind);
      g_assert_true (g_error_matches (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE));
      g_assert_nonnull (strstr (error->message, "circle"));
      g_assert_false (hc_hub_get_list_complete (hub, kind));
    }
  hc_hub_stop (hub);
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

  g_test_add_func ("/client/faults/ok-and-token", test_ok_and_token);
  g_test_add_func ("/client/faults/truncated", test_truncated);
  g_test_add_func ("/client/faults/wrong-types", test_wrong_types);
  g_test_add_func ("/client/faults/html", test_html);
  g_test_add_func ("/client/faults/huge-content-length", test_huge_content_length);
  g_test_add_func ("/client/faults/chunked-too-big", test_chunked_too_big);
  g_test_add_func ("/client/faults/slow-drip", test_slow_drip);
  g_test_add_func ("/client/faults/no-answer", test_no_answer);
  g_test_add_func ("/client/faults/rate-limited", test_rate_limited);
  g_test_add_func ("/client/faults/problem-codes", test_problem_codes);
  g_test_add_func ("/client/faults/redirects", test_redirects);
  g_test_add_func ("/client/faults/tls-self-signed-pin", test_tls_self_signed);
  g_test_add_func ("/client/faults/tls-untrusted-as-data", test_tls_untrusted_as_data);
  g_test_add_func ("/client/faults/tls-ca-file", test_tls_ca_file);
  g_test_add_func ("/client/faults/tls-wrong-host", test_tls_wrong_host);
  g_test_add_func ("/client/faults/plaintext-refused-before-dns", test_plaintext_refused_before_dns);
  g_test_add_func ("/client/faults/connection-refused", test_connection_refused);
  g_test_add_func ("/client/faults/connection-reset", test_connection_reset);
  g_test_add_func ("/client/faults/cancel", test_cancel);
  g_test_add_func ("/client/faults/etag", test_etag);
  g_test_add_func ("/client/faults/idempotency-key", test_idempotency_key);
  g_test_add_func ("/client/faults/event-stream-watchdog-resume", test_event_stream_watchdog_and_resume);
  g_test_add_func ("/client/faults/event-stream-quiet-is-fine", test_event_stream_quiet_is_fine);
  g_test_add_func ("/client/faults/event-stream-fatal", test_event_stream_fatal);
  g_test_add_func ("/client/faults/event-stream-backoff", test_event_stream_backoff);
  g_test_add_func ("/client/faults/hub-cursor-loop", test_hub_cursor_loop);
  /* Last: it replaces the log writer for the rest of the process. */
  g_test_add_func ("/client/faults/token-not-logged", test_token_not_logged);

  ret = g_test_run ();
  stop_server ();
  return ret;
}
