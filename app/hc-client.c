/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "hc-client-private.h"
#include "hc-error.h"
#include "hc-fingerprint.h"
#include "hc-parser.h"
#include "hc-url.h"

/*
 * One job: the client object of one hub profile: its settings (address,
 * token, CA file, pin, limits), its session, and the Hub API's endpoints.
 * Requests, calls, lists and errors are in hc-client-*.c beside it
 * (hc-client-private.h).
 */

G_DEFINE_FINAL_TYPE (HcClient, hc_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_URL,
  PROP_TOKEN,
  PROP_CA_FILE,
  PROP_PINNED_FINGERPRINT,
  PROP_ALLOW_PLAINTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ---- addresses and the plaintext rule ------------------------------------ */

/* Decides before any DNS lookup or connection whether @uri may be used. */
gboolean
hc_client_check_uri (HcClient  *self,
                     GUri      *uri,
                     GError   **error)
{
  const char *scheme = g_uri_get_scheme (uri);

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") != 0)
    {
      /* A wrong address in the profile: the hub cannot be reached by it. */
      g_set_error (error, HC_ERROR, HC_ERROR_UNREACHABLE,
                   _("The hub address must start with https:// (it starts with %s://)."), scheme);
      return FALSE;
    }

  if (self->allow_plaintext || hc_url_host_is_loopback (g_uri_get_host (uri)))
    return TRUE;

  g_set_error (error, HC_ERROR, HC_ERROR_PLAINTEXT_REFUSED,
               _("%s is not a loopback address, so Hub Console will not talk to it over unencrypted HTTP. Use https:// or allow unencrypted connections for this hub."),
               g_uri_get_host (uri));
  return FALSE;
}

GUri *
hc_client_build_uri (HcClient    *self,
                     const char  *path,
                     const char  *query,
                     GError     **error)
{
  g_autofree char *url = NULL;
  g_autoptr(GError) local_error = NULL;
  GUri *uri;

  url = g_strconcat (self->base_url, self->api_prefix, path, query ? "?" : "", query ? query : "", NULL);
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, &local_error);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_clear_pointer (&uri, g_uri_unref);
      g_set_error (error, HC_ERROR, HC_ERROR_UNREACHABLE,
                   _("“%s” is not a valid hub address."), self->base_url);
      return NULL;
    }

  if (!hc_client_check_uri (self, uri, error))
    {
      g_uri_unref (uri);
      return NULL;
    }

  return uri;
}

/**
 * hc_client_check_url:
 * Checks the base URL and the plaintext rule without touching the network.
 */
gboolean
hc_client_check_url (HcClient  *self,
                     GError   **error)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (HC_IS_CLIENT (self), FALSE);

  uri = hc_client_build_uri (self, "/health", NULL, error);
  return uri != NULL;
}

/**
 * hc_client_get_retry_after:
 * Seconds still to wait because of the last 429, or 0. Loops that retry on
 * their own (event stream, hub refresh) wait at least this long.
 */
guint
hc_client_get_retry_after (HcClient *self)
{
  gint64 now;

  g_return_val_if_fail (HC_IS_CLIENT (self), 0);

  now = g_get_monotonic_time ();
  if (self->rate_limited_until <= now)
    return 0;

  return (guint) ((self->rate_limited_until - now + G_USEC_PER_SEC - 1) / G_USEC_PER_SEC);
}

/**
 * hc_client_get_untrusted_fingerprint:
 * The fingerprint of the last certificate this client refused
 * (hc_fingerprint_normalize() form), or %NULL. This, not the text of
 * the TLS_UNTRUSTED error, is where the UI takes the fingerprint to pin.
 */
const char *
hc_client_get_untrusted_fingerprint (HcClient *self)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  return self->untrusted_fingerprint;
}

/* ---- session ------------------------------------------------------------ */

void
hc_client_drop_session (HcClient *self)
{
  /* Requests in flight keep their own reference and finish normally. */
  g_clear_object (&self->session);
  g_clear_error (&self->session_error);
}

SoupSession *
hc_client_ensure_session (HcClient  *self,
                          GError   **error)
{
  g_autoptr(GTlsDatabase) database = NULL;

  if (self->session != NULL)
    return self->session;

  if (self->session_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->session_error));
      return NULL;
    }

  if (self->ca_file != NULL && *self->ca_file != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      database = g_tls_file_database_new (self->ca_file, &local_error);
      if (database == NULL)
        {
          self->session_error = g_error_new (HC_ERROR, HC_ERROR_TLS_UNTRUSTED,
                                             _("The certificate authority file %s could not be read: %s"),
                                             self->ca_file, local_error->message);
          g_propagate_error (error, g_error_copy (self->session_error));
          return NULL;
        }
    }

  /* The event stream holds one connection for good, so allow a few more
   * than libsoup's default of two per host for pages and actions. */
  /* No socket timeout: connecting has its own deadline per request, a
   * body the request deadline, and the event stream its watchdog. */
  self->session = g_object_new (SOUP_TYPE_SESSION,
                                "timeout", 0,
                                "idle-timeout", 60,
                                "max-conns", 16,
                                "max-conns-per-host", 6,
                                "user-agent", "hub-console/" PACKAGE_VERSION " ",
                                database ? "tls-database" : NULL, database,
                                NULL);
  return self->session;
}

/* ---- endpoints ---------------------------------------------------------- */

static char *
item_path (const char *prefix,
           const char *id,
           const char *suffix)
{
  g_autofree char *escaped = g_uri_escape_string (id, NULL, FALSE);
  return g_strconcat (prefix, "/", escaped, suffix, NULL);
}

void
hc_client_health_async (HcClient            *self,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  hc_client_call_async (self, "GET", "/health", NULL, NULL, NULL, 0, NULL, NULL,
                        cancellable, hc_client_health_async, callback, user_data);
}

JsonNode *
hc_client_health_finish (HcClient      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return hc_client_call_finish (self, result, hc_client_health_async, error);
}

void
hc_client_me_async (HcClient            *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  hc_client_call_async (self, "GET", "/me", NULL, NULL, NULL, HC_REQUEST_AUTH,
                        (HcClientParseFunc) hc_parse_me, g_object_unref,
                        cancellable, hc_client_me_async, callback, user_data);
}

HcMe *
hc_client_me_finish (HcClient      *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  return hc_client_call_finish (self, result, hc_client_me_async, error);
}

void
hc_client_overview_async (HcClient            *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  hc_client_call_async (self, "GET", "/overview", NULL, NULL, NULL, HC_REQUEST_AUTH,
                        (HcClientParseFunc) hc_parse_overview, g_object_unref,
                        cancellable, hc_client_overview_async, callback, user_data);
}

HcOverview *
hc_client_overview_finish (HcClient      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return hc_client_call_finish (self, result, hc_client_overview_async, error);
}

void
hc_client_detail_async (HcClient            *self,
                        HcListKind           kind,
                        const char          *id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  const HcListKindInfo *info;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (kind < HC_LIST_N_KINDS);
  g_return_if_fail (id != NULL);

  info = hc_list_kind_get_info (kind);
  g_return_if_fail (info->parse_detail != NULL);

  path = item_path (info->path, id, NULL);
  hc_client_call_async (self, "GET", path, NULL, NULL, NULL, HC_REQUEST_AUTH,
                        (HcClientParseFunc) info->parse_detail, g_object_unref,
                        cancellable, hc_client_detail_async, callback, user_data);
}

HcItem *
hc_client_detail_finish (HcClient      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return hc_client_call_finish (self, result, hc_client_detail_async, error);
}

void
hc_client_retry_source_async (HcClient            *self,
                              const char          *id,
                              const char          *idempotency_key,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  path = item_path ("/ingestion/sources", id, "/retry");
  key = idempotency_key ? g_strdup (idempotency_key) : g_uuid_string_random ();
  object = json_object_new ();
  body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  hc_client_call_async (self, "POST", path, NULL, body, key, HC_REQUEST_AUTH,
                        (HcClientParseFunc) hc_parse_run, g_object_unref,
                        cancellable, hc_client_retry_source_async, callback, user_data);
}

HcRun *
hc_client_retry_source_finish (HcClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return hc_client_call_finish (self, result, hc_client_retry_source_async, error);
}

/* An action may answer with the alert itself or with {"alert": {...}}. */
static gpointer
parse_action_alert (JsonNode  *node,
                    GError   **error)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonNode *inner = json_object_get_member (object, "alert");

      if (inner != NULL && JSON_NODE_HOLDS_OBJECT (inner) && !json_object_has_member (object, "severity"))
        return hc_parse_alert (inner, error);
    }

  return hc_parse_alert (node, error);
}

/* POST /security/alerts/{id}/{verb} with the operator's comment (and a
 * resolution when given), under one idempotency key. */
static void
post_alert_action (HcClient            *self,
                   const char          *id,
                   const char          *verb,
                   const char          *comment,
                   const char          *resolution,
                   const char          *idempotency_key,
                   GCancellable        *cancellable,
                   gpointer             source_tag,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;

  path = item_path ("/security/alerts", id, verb);
  key = idempotency_key ? g_strdup (idempotency_key) : g_uuid_string_random ();
  object = json_object_new ();
  json_object_set_string_member (object, "comment", comment ? comment : "");
  if (resolution != NULL)
    json_object_set_string_member (object, "resolution", resolution);
  body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  hc_client_call_async (self, "POST", path, NULL, body, key, HC_REQUEST_AUTH,
                        parse_action_alert, g_object_unref,
                        cancellable, source_tag, callback, user_data);
}

void
hc_client_acknowledge_alert_async (HcClient            *self,
                                   const char          *id,
                                   const char          *comment,
                                   const char          *idempotency_key,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  post_alert_action (self, id, "/acknowledge", comment, NULL, idempotency_key,
                     cancellable, hc_client_acknowledge_alert_async, callback, user_data);
}

HcAlert *
hc_client_acknowledge_alert_finish (HcClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return hc_client_call_finish (self, result, hc_client_acknowledge_alert_async, error);
}

void
hc_client_resolve_alert_async (HcClient            *self,
                               const char          *id,
                               const char          *comment,
                               const char          *resolution,
                               const char          *idempotency_key,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  post_alert_action (self, id, "/resolve", comment, resolution ? resolution : "", idempotency_key,
                     cancellable, hc_client_resolve_alert_async, callback, user_data);
}

HcAlert *
hc_client_resolve_alert_finish (HcClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return hc_client_call_finish (self, result, hc_client_resolve_alert_async, error);
}

/* ---- object ------------------------------------------------------------- */

static void
hc_client_dispose (GObject *object)
{
  HcClient *self = HC_CLIENT (object);

  /* Its SoupSession may only be used, and freed, on the thread that made it. */
  if (self->owner != g_thread_self ())
    g_critical ("A hub client was disposed on a thread other than its own");
  g_cancellable_cancel (self->cancellable);
  hc_client_drop_session (self);

  G_OBJECT_CLASS (hc_client_parent_class)->dispose (object);
}

static void
hc_client_finalize (GObject *object)
{
  HcClient *self = HC_CLIENT (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->etags, hc_etag_cache_free);
  g_free (self->base_url);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  g_free (self->basic_user);
  g_free (self->api_prefix);
  g_free (self->ca_file);
  g_free (self->pinned_fingerprint);
  g_free (self->untrusted_fingerprint);

  G_OBJECT_CLASS (hc_client_parent_class)->finalize (object);
}

static void
set_base_url (HcClient   *self,
              const char *url)
{
  g_autofree char *copy = g_strdup (url ? url : "");
  gsize len;

  g_strstrip (copy);
  len = strlen (copy);
  while (len > 0 && copy[len - 1] == '/')
    copy[--len] = '\0';
  if (g_str_has_suffix (copy, "/api/v1"))
    copy[len - strlen ("/api/v1")] = '\0';

  g_free (self->base_url);
  self->base_url = g_steal_pointer (&copy);
}

static void
hc_client_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HcClient *self = HC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;
    case PROP_CA_FILE:
      g_value_set_string (value, self->ca_file);
      break;
    case PROP_PINNED_FINGERPRINT:
      g_value_set_string (value, self->pinned_fingerprint);
      break;
    case PROP_ALLOW_PLAINTEXT:
      g_value_set_boolean (value, self->allow_plaintext);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_client_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HcClient *self = HC_CLIENT (object);

  switch (prop_id)
    {
    case PROP_BASE_URL:
      set_base_url (self, g_value_get_string (value));
      break;
    case PROP_TOKEN:
      hc_client_set_token (self, g_value_get_string (value));
      break;
    case PROP_CA_FILE:
      hc_client_set_ca_file (self, g_value_get_string (value));
      break;
    case PROP_PINNED_FINGERPRINT:
      hc_client_set_pinned_fingerprint (self, g_value_get_string (value));
      break;
    case PROP_ALLOW_PLAINTEXT:
      hc_client_set_allow_plaintext (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_client_class_init (HcClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_client_dispose;
  object_class->finalize = hc_client_finalize;
  object_class->get_property = hc_client_get_property;
  object_class->set_property = hc_client_set_property;

  properties[PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Write-only: the token never leaves the client except in the header. */
  properties[PROP_TOKEN] =
    g_param_spec_string ("token", NULL, NULL, NULL,
                         G_PARAM_WRITABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CA_FILE] =
    g_param_spec_string ("ca-file", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PINNED_FINGERPRINT] =
    g_param_spec_string ("pinned-fingerprint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ALLOW_PLAINTEXT] =
    g_param_spec_boolean ("allow-plaintext", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_client_init (HcClient *self)
{
  self->owner = g_thread_self ();
  self->cancellable = g_cancellable_new ();
  self->etags = hc_etag_cache_new ();
  self->api_prefix = g_strdup ("/api/v1");
  self->connect_timeout = HC_CLIENT_DEFAULT_CONNECT_TIMEOUT;
  self->request_timeout_ms = HC_CLIENT_DEFAULT_REQUEST_TIMEOUT;
  self->max_response_size = HC_CLIENT_DEFAULT_MAX_RESPONSE_SIZE;
  self->max_event_size = HC_CLIENT_DEFAULT_MAX_EVENT_SIZE;
  self->base_url = g_strdup ("");
}

/**
 * hc_client_new:
 * @base_url: the hub's root, e.g. `https://hub.example:8443`
 * @token: (nullable): the API token; kept in memory only
 * @ca_file: (nullable): a PEM file of authorities to trust for this hub
 *   instead of the system's
 * @pinned_fingerprint: (nullable): SHA-256 of the one certificate to accept
 *   whatever its issuer, as the operator chose
 * @allow_plaintext: allow http:// to hosts other than loopback
 */
HcClient *
hc_client_new (const char *base_url,
               const char *token,
               const char *ca_file,
               const char *pinned_fingerprint,
               gboolean    allow_plaintext)
{
  g_return_val_if_fail (base_url != NULL, NULL);

  return g_object_new (HC_TYPE_CLIENT,
                       "base-url", base_url,
                       "token", token,
                       "ca-file", ca_file,
                       "pinned-fingerprint", pinned_fingerprint,
                       "allow-plaintext", allow_plaintext,
                       NULL);
}

const char *
hc_client_get_base_url (HcClient *self)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  return self->base_url;
}

void
hc_client_set_token (HcClient   *self,
                     const char *token)
{
  g_return_if_fail (HC_IS_CLIENT (self));

  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
  self->token = (token && *token) ? g_strdup (token) : NULL;

  /* Another user may see other rows: cached pages are not theirs. */
  hc_etag_cache_clear (self->etags);
}

/**
 * hc_client_set_basic_user:
 * @user: (nullable): with a token, sent as Basic auth (@user and the token
 *   as password) instead of a bearer token; NULL or "" for bearer.
 */
void
hc_client_set_basic_user (HcClient   *self,
                          const char *user)
{
  g_return_if_fail (HC_IS_CLIENT (self));

  g_free (self->basic_user);
  self->basic_user = (user && *user) ? g_strdup (user) : NULL;
  hc_etag_cache_clear (self->etags);
}

/**
 * hc_client_set_api_prefix:
 * The path every call is below: "/api/v1" (the Hub API, the default) or
 * "/api/v2" (Alertmanager).
 */
void
hc_client_set_api_prefix (HcClient   *self,
                          const char *prefix)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (prefix != NULL);

  g_free (self->api_prefix);
  self->api_prefix = g_strdup (prefix);
  hc_etag_cache_clear (self->etags);
}

gboolean
hc_client_has_token (HcClient *self)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), FALSE);
  return self->token != NULL;
}

void
hc_client_set_ca_file (HcClient   *self,
                       const char *ca_file)
{
  g_return_if_fail (HC_IS_CLIENT (self));

  if (g_strcmp0 (self->ca_file, ca_file) == 0)
    return;

  g_free (self->ca_file);
  self->ca_file = (ca_file && *ca_file) ? g_strdup (ca_file) : NULL;
  hc_client_drop_session (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CA_FILE]);
}

void
hc_client_set_pinned_fingerprint (HcClient   *self,
                                  const char *fingerprint)
{
  g_autofree char *normalized = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  /* A pin that is not a SHA-256 pins nothing: the usual checks apply. */
  if (fingerprint != NULL && *fingerprint != '\0')
    {
      normalized = hc_fingerprint_normalize (fingerprint, NULL);
      if (normalized == NULL)
        g_debug ("Ignoring a pinned fingerprint that is not a SHA-256");
    }

  if (g_strcmp0 (self->pinned_fingerprint, normalized) == 0)
    return;

  g_free (self->pinned_fingerprint);
  self->pinned_fingerprint = g_steal_pointer (&normalized);
  /* Connections accepted under the old pin must not be reused. */
  hc_client_drop_session (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED_FINGERPRINT]);
}

void
hc_client_set_allow_plaintext (HcClient *self,
                               gboolean  allow_plaintext)
{
  g_return_if_fail (HC_IS_CLIENT (self));

  allow_plaintext = !!allow_plaintext;
  if (self->allow_plaintext == allow_plaintext)
    return;

  self->allow_plaintext = allow_plaintext;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_PLAINTEXT]);
}

/**
 * hc_client_set_timeouts:
 * @connect_timeout_s: seconds until the answer's headers: connecting, TLS
 *   and the hub starting to answer (0 keeps the default)
 * @request_timeout_ms: the whole request including its body (0: none)
 */
void
hc_client_set_timeouts (HcClient *self,
                        guint     connect_timeout_s,
                        guint     request_timeout_ms)
{
  g_return_if_fail (HC_IS_CLIENT (self));

  self->connect_timeout = connect_timeout_s ? connect_timeout_s : HC_CLIENT_DEFAULT_CONNECT_TIMEOUT;
  self->request_timeout_ms = request_timeout_ms;
  hc_client_drop_session (self);
}

void
hc_client_set_max_response_size (HcClient *self,
                                 gsize     max_size)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  self->max_response_size = max_size ? max_size : HC_CLIENT_DEFAULT_MAX_RESPONSE_SIZE;
}

gsize
hc_client_get_max_event_size (HcClient *self)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), 0);
  return self->max_event_size;
}

void
hc_client_set_max_event_size (HcClient *self,
                              gsize     max_size)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  self->max_event_size = max_size ? max_size : HC_CLIENT_DEFAULT_MAX_EVENT_SIZE;
}

/**
 * hc_client_cancel_all:
 * Cancels every request of this client in flight; later requests work.
 */
void
hc_client_cancel_all (HcClient *self)
{
  g_return_if_fail (HC_IS_CLIENT (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
}

GCancellable *
hc_client_get_cancellable (HcClient *self)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  return self->cancellable;
}

