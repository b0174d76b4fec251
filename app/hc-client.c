/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "hc-client-private.h"
#include "hc-error.h"
#include "hc-fingerprint.h"
#include "hc-item.h"
#include "hc-parser.h"
#include "hc-url.h"

/* Error bodies are read only for their problem+json; more is not useful. */
#define ERROR_BODY_LIMIT      (64 * 1024)
/* A 304 can only be served from a cached body, so only pages up to this
 * size keep one; larger pages are simply fetched again. */
#define ETAG_BODY_LIMIT       (8 * 1024 * 1024)
#define ETAG_CACHE_LIMIT      (64 * 1024 * 1024)
#define READ_CHUNK            (64 * 1024)
#define MAX_REDIRECTS         5
#define MAX_RETRY_AFTER       3600

struct _HcClient
{
  GObject       parent_instance;

  char         *base_url;
  char         *token;
  char         *ca_file;
  char         *pinned_fingerprint;   /* hc_fingerprint_normalize() form */
  gboolean      allow_plaintext;
  guint         connect_timeout;
  guint         request_timeout_ms;
  gsize         max_response_size;
  gsize         max_event_size;

  SoupSession  *session;
  GError       *session_error;
  GCancellable *cancellable;
  GHashTable   *etags;                /* URL → EtagEntry */
  gsize         etag_bytes;           /* sum of the cached bodies */
  gint64        rate_limited_until;   /* monotonic µs */
  char         *untrusted_fingerprint;
};

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

typedef struct {
  char   *etag;
  GBytes *body;
} EtagEntry;

static void
etag_entry_free (gpointer data)
{
  EtagEntry *entry = data;

  g_free (entry->etag);
  g_bytes_unref (entry->body);
  g_free (entry);
}

/* ---- small helpers ------------------------------------------------------ */

/* Decides before any DNS lookup or connection whether @uri may be used. */
static gboolean
check_uri_allowed (HcClient  *self,
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

static GUri *
build_uri (HcClient    *self,
           const char  *path,
           const char  *query,
           GError     **error)
{
  g_autofree char *url = NULL;
  g_autoptr(GError) local_error = NULL;
  GUri *uri;

  url = g_strconcat (self->base_url, "/api/v1", path, query ? "?" : "", query ? query : "", NULL);
  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, &local_error);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_clear_pointer (&uri, g_uri_unref);
      g_set_error (error, HC_ERROR, HC_ERROR_UNREACHABLE,
                   _("“%s” is not a valid hub address."), self->base_url);
      return NULL;
    }

  if (!check_uri_allowed (self, uri, error))
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

  uri = build_uri (self, "/health", NULL, error);
  return uri != NULL;
}

static char *
build_query (const char * const *pairs,
             const char          *cursor,
             guint                limit)
{
  GString *query = g_string_new (NULL);

  for (guint i = 0; pairs != NULL && pairs[i] != NULL && pairs[i + 1] != NULL; i += 2)
    {
      if (pairs[i + 1][0] == '\0')
        continue;
      if (query->len > 0)
        g_string_append_c (query, '&');
      g_string_append_uri_escaped (query, pairs[i], NULL, FALSE);
      g_string_append_c (query, '=');
      g_string_append_uri_escaped (query, pairs[i + 1], NULL, FALSE);
    }

  if (limit > 0)
    g_string_append_printf (query, "%slimit=%u", query->len > 0 ? "&" : "", limit);

  if (cursor != NULL && *cursor != '\0')
    {
      g_string_append (query, query->len > 0 ? "&cursor=" : "cursor=");
      g_string_append_uri_escaped (query, cursor, NULL, FALSE);
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

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

static void
drop_session (HcClient *self)
{
  /* Requests in flight keep their own reference and finish normally. */
  g_clear_object (&self->session);
  g_clear_error (&self->session_error);
}

static SoupSession *
ensure_session (HcClient  *self,
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

/* ---- one request -------------------------------------------------------- */

typedef enum {
  REQUEST_AUTH   = 1 << 0,
  REQUEST_ETAG   = 1 << 1,
  REQUEST_STREAM = 1 << 2,
} RequestFlags;

typedef struct {
  HcClient      *client;
  SoupSession   *session;
  char          *method;
  GUri          *uri;
  GBytes        *request_body;
  char          *idempotency_key;
  char          *accept;
  char          *last_event_id;
  RequestFlags   flags;
  gsize          max_size;
  char          *cache_key;
  EtagEntry     *cached;            /* borrowed from client->etags at start */
  GBytes        *cached_body;

  SoupMessage   *msg;
  GInputStream  *stream;
  GByteArray    *buffer;
  gsize          limit;
  gboolean       truncated_ok;

  GCancellable  *op;
  GCancellable  *user_cancellable;
  gulong         user_handler;
  GCancellable  *client_cancellable;
  gulong         client_handler;
  GSource       *deadline;          /* the whole request */
  GSource       *headers_deadline;  /* connect, TLS and the answer's headers */
  gboolean       headers_timed_out;
  gboolean       timed_out;
  guint          redirects;
  char          *peer_fingerprint;
} Request;

void
hc_response_free (HcResponse *response)
{
  if (response == NULL)
    return;

  g_clear_pointer (&response->body, g_bytes_unref);
  g_clear_pointer (&response->content_type, g_free);
  g_clear_pointer (&response->etag, g_free);
  g_clear_object (&response->msg);
  g_clear_object (&response->stream);
  g_free (response);
}

static void
request_clear_headers_deadline (Request *req)
{
  if (req->headers_deadline != NULL)
    {
      g_source_destroy (req->headers_deadline);
      g_clear_pointer (&req->headers_deadline, g_source_unref);
    }
}

static void
request_clear_deadline (Request *req)
{
  request_clear_headers_deadline (req);
  if (req->deadline != NULL)
    {
      g_source_destroy (req->deadline);
      g_clear_pointer (&req->deadline, g_source_unref);
    }
}

static void
request_free (Request *req)
{
  request_clear_deadline (req);
  if (req->user_handler != 0)
    g_cancellable_disconnect (req->user_cancellable, req->user_handler);
  if (req->client_handler != 0)
    g_cancellable_disconnect (req->client_cancellable, req->client_handler);
  g_clear_object (&req->user_cancellable);
  g_clear_object (&req->client_cancellable);
  g_clear_object (&req->op);
  if (req->msg != NULL)
    g_signal_handlers_disconnect_by_data (req->msg, req);
  g_clear_object (&req->msg);
  g_clear_object (&req->stream);
  g_clear_pointer (&req->buffer, g_byte_array_unref);
  g_clear_pointer (&req->request_body, g_bytes_unref);
  g_clear_pointer (&req->cached_body, g_bytes_unref);
  g_clear_pointer (&req->uri, g_uri_unref);
  g_clear_object (&req->session);
  g_clear_object (&req->client);
  g_free (req->method);
  g_free (req->idempotency_key);
  g_free (req->accept);
  g_free (req->last_event_id);
  g_free (req->cache_key);
  g_free (req->peer_fingerprint);
  g_free (req);
}

static void
cancel_op_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

static gboolean
deadline_cb (gpointer user_data)
{
  Request *req = user_data;

  req->timed_out = TRUE;
  g_cancellable_cancel (req->op);
  g_clear_pointer (&req->deadline, g_source_unref);
  return G_SOURCE_REMOVE;
}

static gboolean
headers_deadline_cb (gpointer user_data)
{
  Request *req = user_data;

  req->timed_out = TRUE;
  req->headers_timed_out = TRUE;
  g_cancellable_cancel (req->op);
  g_clear_pointer (&req->headers_deadline, g_source_unref);
  return G_SOURCE_REMOVE;
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

static GTlsCertificateFlags
request_tls_errors (Request *req)
{
  return req->msg ? soup_message_get_tls_peer_certificate_errors (req->msg) : 0;
}

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       gpointer              user_data)
{
  Request *req = user_data;

  g_free (req->peer_fingerprint);
  req->peer_fingerprint = hc_fingerprint_from_certificate (certificate);

  if (req->client->pinned_fingerprint == NULL || req->peer_fingerprint == NULL)
    return FALSE;

  /* Pinning is the operator's explicit choice to trust exactly this
   * certificate, whatever else is wrong with it. */
  return g_str_equal (req->peer_fingerprint, req->client->pinned_fingerprint);
}

GError *
hc_client_map_error (HcClient     *self,
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

static void
request_return_error (GTask  *task,
                      GError *error)
{
  Request *req = g_task_get_task_data (task);

  request_clear_deadline (req);
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* Maps a transport error, honouring our own deadline and the TLS peer. */
static void
request_fail (GTask        *task,
              const GError *error)
{
  Request *req = g_task_get_task_data (task);
  GError *mapped;

  if (req->headers_timed_out && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    mapped = g_error_new (HC_ERROR, HC_ERROR_TIMED_OUT,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "The hub did not answer within %u second.",
                                       "The hub did not answer within %u seconds.",
                                       req->client->connect_timeout),
                          req->client->connect_timeout);
  else if (req->timed_out && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      guint seconds = MAX (1, (req->client->request_timeout_ms + 999) / 1000);

      mapped = g_error_new (HC_ERROR, HC_ERROR_TIMED_OUT,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "The hub did not answer completely within %u second.",
                                         "The hub did not answer completely within %u seconds.",
                                         seconds),
                            seconds);
    }
  else if (error->domain == G_TLS_ERROR && req->peer_fingerprint != NULL)
    {
      mapped = hc_client_map_error (req->client, error, req->peer_fingerprint);
      if (mapped->code == HC_ERROR_TLS_UNTRUSTED)
        {
          g_autofree char *fp = g_strdup (req->peer_fingerprint);
          g_clear_error (&mapped);
          g_free (req->client->untrusted_fingerprint);
          req->client->untrusted_fingerprint = g_strdup (fp);
          mapped = g_error_new (HC_ERROR, HC_ERROR_TLS_UNTRUSTED,
                                _("The hub’s certificate is not trusted: %s. Its SHA-256 fingerprint is %s."),
                                tls_reason (request_tls_errors (req)), fp);
        }
    }
  else
    mapped = hc_client_map_error (req->client, error, NULL);

  request_return_error (task, mapped);
}

static void request_send (GTask *task);

static void
request_finish_ok (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  HcResponse *response = g_new0 (HcResponse, 1);
  SoupMessageHeaders *headers = soup_message_get_response_headers (req->msg);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  response->status = soup_message_get_status (req->msg);
  response->content_type = g_strdup (content_type);
  response->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  response->msg = g_object_ref (req->msg);

  if (req->flags & REQUEST_STREAM)
    response->stream = g_steal_pointer (&req->stream);
  else if (response->status == SOUP_STATUS_NOT_MODIFIED)
    {
      response->not_modified = TRUE;
      response->body = g_bytes_ref (req->cached_body);
      response->status = SOUP_STATUS_OK;
    }
  else
    {
      response->body = g_byte_array_free_to_bytes (g_steal_pointer (&req->buffer));

      /* Remember the page so a later 304 can be answered from it. */
      if (req->flags & REQUEST_ETAG)
        {
          HcClient *client = req->client;
          EtagEntry *old_entry = g_hash_table_lookup (client->etags, req->cache_key);
          gsize size = g_bytes_get_size (response->body);

          if (old_entry != NULL)
            {
              client->etag_bytes -= g_bytes_get_size (old_entry->body);
              g_hash_table_remove (client->etags, req->cache_key);
            }

          /* Bounded: past the limit, pages are simply fetched whole. */
          if (response->etag != NULL && size <= ETAG_BODY_LIMIT
              && client->etag_bytes + size <= ETAG_CACHE_LIMIT)
            {
              EtagEntry *entry = g_new0 (EtagEntry, 1);

              entry->etag = g_strdup (response->etag);
              entry->body = g_bytes_ref (response->body);
              g_hash_table_replace (client->etags, g_strdup (req->cache_key), entry);
              client->etag_bytes += size;
            }
        }
    }

  request_clear_deadline (req);
  g_task_return_pointer (task, response, (GDestroyNotify) hc_response_free);
  g_object_unref (task);
}

/* A non-2xx answer becomes the matching HC_ERROR code. */
static void
request_finish_status (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (req->msg);
  guint status = soup_message_get_status (req->msg);
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&req->buffer));
  g_autofree char *problem = problem_text (body, soup_message_headers_get_content_type (headers, NULL));
  GError *error;

  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      g_hash_table_remove_all (req->client->etags);
      req->client->etag_bytes = 0;
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
        req->client->rate_limited_until = MAX (req->client->rate_limited_until,
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

  request_return_error (task, error);
}

static void
request_done_reading (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  guint status = soup_message_get_status (req->msg);

  g_clear_object (&req->stream);

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    request_finish_ok (task);
  else
    request_finish_status (task);
}

static void
request_read_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  gsize len;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);
  if (chunk == NULL)
    {
      request_fail (task, error);
      return;
    }

  len = g_bytes_get_size (chunk);
  if (len == 0)
    {
      request_done_reading (task);
      return;
    }

  if (req->buffer->len + len > req->limit)
    {
      if (req->truncated_ok)
        {
          g_byte_array_append (req->buffer, g_bytes_get_data (chunk, NULL), req->limit - req->buffer->len);
          request_done_reading (task);
          return;
        }

      g_autofree char *limit_text = g_format_size (req->limit);

      g_cancellable_cancel (req->op);
      request_return_error (task,
                            g_error_new (HC_ERROR, HC_ERROR_RESPONSE_TOO_LARGE,
                                         _("The answer is larger than the limit of %s."),
                                         limit_text));
      return;
    }

  g_byte_array_append (req->buffer, g_bytes_get_data (chunk, NULL), len);
  g_input_stream_read_bytes_async (req->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   req->op, request_read_cb, task);
}

static gboolean
handle_redirect (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (req->msg);
  guint status = soup_message_get_status (req->msg);
  const char *location = soup_message_headers_get_one (headers, "Location");
  g_autoptr(GUri) target = NULL;
  g_autoptr(GError) local_error = NULL;

  if (location == NULL)
    return FALSE;

  if (++req->redirects > MAX_REDIRECTS)
    {
      request_return_error (task, g_error_new_literal (HC_ERROR, HC_ERROR_HUB_ERROR,
                                                       _("The hub redirected too many times.")));
      return TRUE;
    }

  target = g_uri_parse_relative (req->uri, location, G_URI_FLAGS_ENCODED, NULL);
  if (target == NULL || g_uri_get_host (target) == NULL)
    {
      request_return_error (task, g_error_new_literal (HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                                                       _("The hub redirected to an invalid address.")));
      return TRUE;
    }

  /* Never step down from https, and keep the plaintext rule for http. */
  if (g_ascii_strcasecmp (g_uri_get_scheme (req->uri), "https") == 0
      && g_ascii_strcasecmp (g_uri_get_scheme (target), "https") != 0)
    {
      request_return_error (task, g_error_new (HC_ERROR, HC_ERROR_PLAINTEXT_REFUSED,
                                               _("The hub redirected from an encrypted address to an unencrypted one (%s); Hub Console refused to follow."),
                                               g_uri_get_host (target)));
      return TRUE;
    }

  if (!check_uri_allowed (req->client, target, &local_error))
    {
      request_return_error (task, g_steal_pointer (&local_error));
      return TRUE;
    }

  /* The bearer token must not travel to another service: same host and
   * port, except that an upgrade from http to https may change the port. */
  if (g_ascii_strcasecmp (g_uri_get_host (target), g_uri_get_host (req->uri)) != 0
      || (g_uri_get_port (target) != g_uri_get_port (req->uri)
          && !(g_ascii_strcasecmp (g_uri_get_scheme (req->uri), "http") == 0
               && g_ascii_strcasecmp (g_uri_get_scheme (target), "https") == 0)))
    {
      request_return_error (task, g_error_new (HC_ERROR, HC_ERROR_HUB_ERROR,
                                               _("The hub redirected to another server (%s port %d); Hub Console refused to follow."),
                                               g_uri_get_host (target), g_uri_get_port (target)));
      return TRUE;
    }

  if (status == SOUP_STATUS_SEE_OTHER
      || ((status == SOUP_STATUS_MOVED_PERMANENTLY || status == SOUP_STATUS_FOUND)
          && g_strcmp0 (req->method, "POST") == 0))
    {
      g_free (req->method);
      req->method = g_strdup ("GET");
      g_clear_pointer (&req->request_body, g_bytes_unref);
    }

  g_uri_unref (req->uri);
  req->uri = g_steal_pointer (&target);
  g_clear_object (&req->stream);
  request_send (task);
  return TRUE;
}

static void
request_send_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  Request *req = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;
  goffset length = -1;

  req->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);
  request_clear_headers_deadline (req);
  if (req->stream == NULL)
    {
      request_fail (task, error);
      return;
    }

  status = soup_message_get_status (req->msg);
  headers = soup_message_get_response_headers (req->msg);

  if (SOUP_STATUS_IS_REDIRECTION (status) && status != SOUP_STATUS_NOT_MODIFIED
      && handle_redirect (task))
    return;

  if (status == SOUP_STATUS_NOT_MODIFIED)
    {
      if (req->cached_body == NULL)
        {
          request_return_error (task, g_error_new_literal (HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                                                           _("The hub answered “not modified” to a request that was not conditional.")));
          return;
        }
      request_finish_ok (task);
      return;
    }

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      const char *content_type = soup_message_headers_get_content_type (headers, NULL);

      /* A login portal or proxy page is the usual cause of HTML here. */
      if (content_type != NULL && g_ascii_strcasecmp (content_type, "text/html") == 0)
        {
          g_cancellable_cancel (req->op);
          request_return_error (task, g_error_new_literal (HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                                                           _("The hub answered with a web page instead of data. Check the hub address.")));
          return;
        }

      if (req->flags & REQUEST_STREAM)
        {
          request_finish_ok (task);
          return;
        }

      req->limit = req->max_size;
      req->truncated_ok = FALSE;
    }
  else
    {
      req->limit = ERROR_BODY_LIMIT;
      req->truncated_ok = TRUE;
    }

  if (soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH)
    length = soup_message_headers_get_content_length (headers);

  if (length >= 0 && (guint64) length > req->limit && !req->truncated_ok)
    {
      g_autofree char *length_text = g_format_size (length);
      g_autofree char *limit_text = g_format_size (req->limit);

      g_cancellable_cancel (req->op);
      request_return_error (task,
                            g_error_new (HC_ERROR, HC_ERROR_RESPONSE_TOO_LARGE,
                                         _("The answer would be %s, more than the limit of %s."),
                                         length_text, limit_text));
      return;
    }

  req->buffer = g_byte_array_sized_new (length > 0 ? MIN ((gsize) length, req->limit) : READ_CHUNK);
  g_input_stream_read_bytes_async (req->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   req->op, request_read_cb, task);
}

static void
request_send (GTask *task)
{
  Request *req = g_task_get_task_data (task);
  SoupMessageHeaders *headers;
  SoupMessageFlags flags = SOUP_MESSAGE_NO_REDIRECT;

  if (req->msg != NULL)
    g_signal_handlers_disconnect_by_data (req->msg, req);
  g_clear_object (&req->msg);

  req->msg = soup_message_new_from_uri (req->method, req->uri);
  headers = soup_message_get_request_headers (req->msg);

  soup_message_headers_replace (headers, "Accept", req->accept ? req->accept : "application/json");
  if ((req->flags & REQUEST_AUTH) && req->client->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", req->client->token, NULL);
      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (req->idempotency_key != NULL)
    {
      soup_message_headers_replace (headers, "Idempotency-Key", req->idempotency_key);
      /* With the key a resend cannot act twice, so libsoup may retry it. */
      flags |= SOUP_MESSAGE_IDEMPOTENT;
    }
  if (req->cached != NULL && req->cached_body != NULL)
    soup_message_headers_replace (headers, "If-None-Match", req->cached->etag);
  if (req->last_event_id != NULL)
    soup_message_headers_replace (headers, "Last-Event-ID", req->last_event_id);
  if (req->request_body != NULL)
    soup_message_set_request_body_from_bytes (req->msg, "application/json", req->request_body);

  soup_message_set_flags (req->msg, flags);
  g_signal_connect (req->msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), req);

  /* Our own connect timeout, so the session needs no socket timeout that
   * would also cut a quiet event stream (its watchdog handles silence). */
  request_clear_headers_deadline (req);
  req->headers_deadline = g_timeout_source_new_seconds (req->client->connect_timeout);
  g_source_set_callback (req->headers_deadline, headers_deadline_cb, req, NULL);
  g_source_set_static_name (req->headers_deadline, "[hc] headers deadline");
  g_source_attach (req->headers_deadline, g_task_get_context (task));

  soup_session_send_async (req->session, req->msg, G_PRIORITY_DEFAULT, req->op,
                           request_send_cb, task);
}

static void
request_start (HcClient            *self,
               const char          *method,
               const char          *path,
               const char          *query,
               JsonNode            *body,
               const char          *idempotency_key,
               const char          *accept,
               const char          *last_event_id,
               RequestFlags         flags,
               gsize                max_size,
               GCancellable        *cancellable,
               gpointer             source_tag,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Request *req;
  SoupSession *session;
  GUri *uri;

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, source_tag);

  uri = build_uri (self, path, query, &error);
  if (uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  session = ensure_session (self, &error);
  if (session == NULL)
    {
      g_uri_unref (uri);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  req = g_new0 (Request, 1);
  req->client = g_object_ref (self);
  req->session = g_object_ref (session);
  req->method = g_strdup (method);
  req->uri = uri;
  req->flags = flags;
  req->max_size = max_size ? max_size : self->max_response_size;
  req->idempotency_key = g_strdup (idempotency_key);
  req->accept = g_strdup (accept);
  req->last_event_id = g_strdup (last_event_id);
  req->op = g_cancellable_new ();
  g_task_set_task_data (task, req, (GDestroyNotify) request_free);

  if (body != NULL)
    {
      g_autofree char *text = json_to_string (body, FALSE);
      gsize len = strlen (text);
      req->request_body = g_bytes_new_take (g_steal_pointer (&text), len);
    }

  if (flags & REQUEST_ETAG)
    {
      req->cache_key = g_uri_to_string (uri);
      req->cached = g_hash_table_lookup (self->etags, req->cache_key);
      if (req->cached != NULL)
        req->cached_body = g_bytes_ref (req->cached->body);
    }

  req->client_cancellable = g_object_ref (self->cancellable);
  req->client_handler = g_cancellable_connect (req->client_cancellable, G_CALLBACK (cancel_op_cb), req->op, NULL);
  if (cancellable != NULL)
    {
      req->user_cancellable = g_object_ref (cancellable);
      req->user_handler = g_cancellable_connect (cancellable, G_CALLBACK (cancel_op_cb), req->op, NULL);
    }

  if (self->request_timeout_ms > 0)
    {
      req->deadline = g_timeout_source_new (self->request_timeout_ms);
      g_source_set_callback (req->deadline, deadline_cb, req, NULL);
      g_source_set_static_name (req->deadline, "[hc] request deadline");
      g_source_attach (req->deadline, g_task_get_context (task));
    }

  request_send (g_steal_pointer (&task));
}

static HcResponse *
request_finish (HcClient      *self,
                GAsyncResult  *result,
                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- parsing off the main thread ---------------------------------------- */

typedef gpointer (*ParseFunc) (JsonNode *node, GError **error);

typedef struct {
  GBytes         *body;
  ParseFunc       func;       /* NULL: return the JsonNode itself */
  GDestroyNotify  destroy;
  HcListKind      kind;
  gboolean        not_modified;
} ParseData;

static void
parse_data_free (ParseData *data)
{
  g_clear_pointer (&data->body, g_bytes_unref);
  g_free (data);
}

static GError *
as_malformed (GError *error)
{
  GError *mapped;

  if (error->domain == HC_ERROR)
    return error;

  mapped = g_error_new (HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                        _("The hub’s answer does not match the Hub API: %s"), error->message);
  g_error_free (error);
  return mapped;
}

static void
parse_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ParseData *data = task_data;
  g_autoptr(JsonNode) node = NULL;
  GError *error = NULL;
  gpointer result;

  node = hc_parse_json_bytes (data->body, &error);
  if (node == NULL)
    {
      g_task_return_error (task, as_malformed (error));
      return;
    }

  if (data->func == NULL)
    {
      g_task_return_pointer (task, g_steal_pointer (&node), (GDestroyNotify) json_node_unref);
      return;
    }

  result = data->func (node, &error);
  if (result == NULL)
    {
      if (error == NULL)
        error = g_error_new_literal (HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                                     _("The hub’s answer does not match the Hub API."));
      g_task_return_error (task, as_malformed (error));
      return;
    }

  g_task_return_pointer (task, result, data->destroy);
}

/* The public async calls: a request, then the parse in a thread. */
typedef struct {
  ParseFunc       func;
  GDestroyNotify  destroy;
  HcListKind      kind;
  gboolean        list;
} CallData;

static void list_parse_thread (GTask *task, gpointer source_object, gpointer task_data, GCancellable *cancellable);

static void
call_request_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  HcClient *self = HC_CLIENT (object);
  CallData *call = g_task_get_task_data (task);
  g_autoptr(HcResponse) response = NULL;
  GError *error = NULL;
  ParseData *data;
  gboolean list = call->list;

  response = request_finish (self, result, &error);
  if (response == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  data = g_new0 (ParseData, 1);
  data->body = g_bytes_ref (response->body);
  data->func = call->func;
  data->destroy = call->destroy;
  data->kind = call->kind;
  data->not_modified = response->not_modified;

  /* Replacing the task data frees @call. */
  g_task_set_task_data (task, data, (GDestroyNotify) parse_data_free);
  g_task_run_in_thread (task, list ? list_parse_thread : parse_thread);
  g_object_unref (task);
}

static void
call_start (HcClient            *self,
            const char          *method,
            const char          *path,
            const char          *query,
            JsonNode            *body,
            const char          *idempotency_key,
            RequestFlags         flags,
            ParseFunc            func,
            GDestroyNotify       destroy,
            GCancellable        *cancellable,
            gpointer             source_tag,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task;
  CallData *call = g_new0 (CallData, 1);

  call->func = func;
  call->destroy = destroy;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  /* Errors are HC_ERROR even when cancelled; we map cancellation ourselves. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, call, g_free);

  request_start (self, method, path, query, body, idempotency_key, NULL, NULL, flags, 0,
                 cancellable, source_tag, call_request_cb, task);
}

static gpointer
call_finish (HcClient      *self,
             GAsyncResult  *result,
             gpointer       source_tag,
             GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- list pages --------------------------------------------------------- */

void
hc_list_page_free (HcListPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_clear_pointer (&page->next_cursor, g_free);
  g_clear_pointer (&page->body, g_bytes_unref);
  g_free (page);
}

static HcListPage *
hc_list_page_copy (HcListPage *page)
{
  HcListPage *copy = g_new0 (HcListPage, 1);

  copy->items = page->items ? g_ptr_array_ref (page->items) : NULL;
  copy->n_rejected = page->n_rejected;
  copy->next_cursor = g_strdup (page->next_cursor);
  copy->total = page->total;
  copy->not_modified = page->not_modified;
  copy->body = page->body ? g_bytes_ref (page->body) : NULL;
  return copy;
}

G_DEFINE_BOXED_TYPE (HcListPage, hc_list_page, hc_list_page_copy, hc_list_page_free)

HcListPage *
hc_list_page_parse_full (GBytes        *body,
                         HcListKind     kind,
                         HcCursorFunc   cursor_func,
                         gpointer       cursor_data,
                         GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(HcParsedList) parsed = NULL;
  HcListPage *page;
  GError *local_error = NULL;

  root = hc_parse_json_bytes (body, &local_error);
  if (root == NULL)
    {
      g_propagate_error (error, as_malformed (local_error));
      return NULL;
    }

  /* The next page can be on its way while this one's rows are built; the
   * envelope is checked properly by hc_parse_list() right after. */
  if (cursor_func != NULL)
    {
      const char *cursor = NULL;

      if (JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonNode *member = json_object_get_member (json_node_get_object (root), "next_cursor");

          if (member != NULL && JSON_NODE_HOLDS_VALUE (member)
              && json_node_get_value_type (member) == G_TYPE_STRING
              && *json_node_get_string (member) != '\0')
            cursor = json_node_get_string (member);
        }
      cursor_func (cursor, cursor_data);
    }

  parsed = hc_parse_list (root, hc_list_kind_get_parser (kind), &local_error);
  if (parsed == NULL)
    {
      g_propagate_error (error, as_malformed (local_error));
      return NULL;
    }

  for (guint i = 0; parsed->rejected != NULL && i < parsed->rejected->len; i++)
    g_debug ("Rejected a %s row: %s", hc_list_kind_to_string (kind),
             (const char *) g_ptr_array_index (parsed->rejected, i));

  page = g_new0 (HcListPage, 1);
  page->items = g_steal_pointer (&parsed->items);
  page->n_rejected = parsed->rejected ? parsed->rejected->len : 0;
  page->next_cursor = g_steal_pointer (&parsed->next_cursor);
  page->total = parsed->total;
  page->body = g_bytes_ref (body);
  return page;
}

HcListPage *
hc_list_page_parse (GBytes      *body,
                    HcListKind   kind,
                    GError     **error)
{
  g_return_val_if_fail (body != NULL, NULL);
  return hc_list_page_parse_full (body, kind, NULL, NULL, error);
}

static void
list_parse_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ParseData *data = task_data;
  GError *error = NULL;
  HcListPage *page;

  page = hc_list_page_parse_full (data->body, data->kind, NULL, NULL, &error);
  if (page == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  page->not_modified = data->not_modified;
  g_task_return_pointer (task, page, (GDestroyNotify) hc_list_page_free);
}

static char *
list_query (HcListKind          kind,
            const char * const *filters,
            const char         *cursor,
            guint               limit)
{
  const char * const *allowed = hc_list_kind_get_info (kind)->filters;

  for (guint i = 0; filters != NULL && filters[i] != NULL; i += 2)
    {
      g_return_val_if_fail (filters[i + 1] != NULL, NULL);
      g_return_val_if_fail (g_strv_contains (allowed, filters[i]), NULL);
    }

  return build_query (filters, cursor, limit ? limit : HC_CLIENT_DEFAULT_PAGE_LIMIT);
}

void
hc_client_list_raw_async (HcClient            *self,
                          HcListKind           kind,
                          const char * const  *filters,
                          const char          *cursor,
                          guint                limit,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autofree char *query = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (kind < HC_LIST_N_KINDS);

  query = list_query (kind, filters, cursor, limit);
  request_start (self, "GET", hc_list_kind_get_info (kind)->path, query, NULL, NULL, NULL, NULL,
                 REQUEST_AUTH | REQUEST_ETAG, 0, cancellable,
                 hc_client_list_raw_async, callback, user_data);
}

HcResponse *
hc_client_list_raw_finish (HcClient      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  return request_finish (self, result, error);
}

void
hc_client_list_async (HcClient            *self,
                      HcListKind           kind,
                      const char * const  *filters,
                      const char          *cursor,
                      guint                limit,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autofree char *query = NULL;
  GTask *task;
  CallData *call;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (kind < HC_LIST_N_KINDS);

  query = list_query (kind, filters, cursor, limit);

  call = g_new0 (CallData, 1);
  call->list = TRUE;
  call->kind = kind;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_list_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, call, g_free);

  request_start (self, "GET", hc_list_kind_get_info (kind)->path, query, NULL, NULL, NULL, NULL,
                 REQUEST_AUTH | REQUEST_ETAG, 0, cancellable,
                 hc_client_list_async, call_request_cb, task);
}

HcListPage *
hc_client_list_finish (HcClient      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  return call_finish (self, result, hc_client_list_async, error);
}

void
hc_client_list_sources_async (HcClient *self, const char *status, const char *agency,
                              const char *q, const char *cursor, guint limit,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  const char *filters[7];
  guint n = 0;

  if (status) { filters[n++] = "status"; filters[n++] = status; }
  if (agency) { filters[n++] = "agency"; filters[n++] = agency; }
  if (q)      { filters[n++] = "q";      filters[n++] = q; }
  filters[n] = NULL;

  hc_client_list_async (self, HC_LIST_SOURCES, filters, cursor, limit, cancellable, callback, user_data);
}

void
hc_client_list_datasets_async (HcClient *self, const char *below, const char *criterion,
                               const char *q, const char *cursor, guint limit,
                               GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  const char *filters[7];
  guint n = 0;

  if (below)     { filters[n++] = "below";     filters[n++] = below; }
  if (criterion) { filters[n++] = "criterion"; filters[n++] = criterion; }
  if (q)         { filters[n++] = "q";         filters[n++] = q; }
  filters[n] = NULL;

  hc_client_list_async (self, HC_LIST_DATASETS, filters, cursor, limit, cancellable, callback, user_data);
}

void
hc_client_list_pools_async (HcClient *self, const char *cursor, guint limit,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  hc_client_list_async (self, HC_LIST_POOLS, NULL, cursor, limit, cancellable, callback, user_data);
}

void
hc_client_list_nodes_async (HcClient *self, const char *cursor, guint limit,
                            GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  hc_client_list_async (self, HC_LIST_NODES, NULL, cursor, limit, cancellable, callback, user_data);
}

void
hc_client_list_alerts_async (HcClient *self, const char *state, const char *severity,
                             const char *category, const char *since, const char *q,
                             const char *cursor, guint limit,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  const char *filters[11];
  guint n = 0;

  if (state)    { filters[n++] = "state";    filters[n++] = state; }
  if (severity) { filters[n++] = "severity"; filters[n++] = severity; }
  if (category) { filters[n++] = "category"; filters[n++] = category; }
  if (since)    { filters[n++] = "since";    filters[n++] = since; }
  if (q)        { filters[n++] = "q";        filters[n++] = q; }
  filters[n] = NULL;

  hc_client_list_async (self, HC_LIST_ALERTS, filters, cursor, limit, cancellable, callback, user_data);
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
  call_start (self, "GET", "/health", NULL, NULL, NULL, 0, NULL, NULL,
              cancellable, hc_client_health_async, callback, user_data);
}

JsonNode *
hc_client_health_finish (HcClient      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return call_finish (self, result, hc_client_health_async, error);
}

void
hc_client_me_async (HcClient            *self,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  call_start (self, "GET", "/me", NULL, NULL, NULL, REQUEST_AUTH,
              (ParseFunc) hc_parse_me, g_object_unref,
              cancellable, hc_client_me_async, callback, user_data);
}

gpointer
hc_client_me_finish (HcClient      *self,
                     GAsyncResult  *result,
                     GError       **error)
{
  return call_finish (self, result, hc_client_me_async, error);
}

void
hc_client_overview_async (HcClient            *self,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));
  call_start (self, "GET", "/overview", NULL, NULL, NULL, REQUEST_AUTH,
              (ParseFunc) hc_parse_overview, g_object_unref,
              cancellable, hc_client_overview_async, callback, user_data);
}

gpointer
hc_client_overview_finish (HcClient      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  return call_finish (self, result, hc_client_overview_async, error);
}

void
hc_client_source_async (HcClient            *self,
                        const char          *id,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  path = item_path ("/ingestion/sources", id, NULL);
  call_start (self, "GET", path, NULL, NULL, NULL, REQUEST_AUTH,
              (ParseFunc) hc_parse_source_detail, g_object_unref,
              cancellable, hc_client_source_async, callback, user_data);
}

gpointer
hc_client_source_finish (HcClient      *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  return call_finish (self, result, hc_client_source_async, error);
}

void
hc_client_dataset_async (HcClient            *self,
                         const char          *id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  path = item_path ("/quality/datasets", id, NULL);
  call_start (self, "GET", path, NULL, NULL, NULL, REQUEST_AUTH,
              (ParseFunc) hc_parse_dataset_detail, g_object_unref,
              cancellable, hc_client_dataset_async, callback, user_data);
}

gpointer
hc_client_dataset_finish (HcClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  return call_finish (self, result, hc_client_dataset_async, error);
}

void
hc_client_alert_async (HcClient            *self,
                       const char          *id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  path = item_path ("/security/alerts", id, NULL);
  call_start (self, "GET", path, NULL, NULL, NULL, REQUEST_AUTH,
              (ParseFunc) hc_parse_alert_detail, g_object_unref,
              cancellable, hc_client_alert_async, callback, user_data);
}

gpointer
hc_client_alert_finish (HcClient      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return call_finish (self, result, hc_client_alert_async, error);
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
  call_start (self, "POST", path, NULL, body, key, REQUEST_AUTH,
              (ParseFunc) hc_parse_run, g_object_unref,
              cancellable, hc_client_retry_source_async, callback, user_data);
}

gpointer
hc_client_retry_source_finish (HcClient      *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return call_finish (self, result, hc_client_retry_source_async, error);
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

void
hc_client_acknowledge_alert_async (HcClient            *self,
                                   const char          *id,
                                   const char          *comment,
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

  path = item_path ("/security/alerts", id, "/acknowledge");
  key = idempotency_key ? g_strdup (idempotency_key) : g_uuid_string_random ();
  object = json_object_new ();
  json_object_set_string_member (object, "comment", comment ? comment : "");
  body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  call_start (self, "POST", path, NULL, body, key, REQUEST_AUTH,
              parse_action_alert, g_object_unref,
              cancellable, hc_client_acknowledge_alert_async, callback, user_data);
}

gpointer
hc_client_acknowledge_alert_finish (HcClient      *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return call_finish (self, result, hc_client_acknowledge_alert_async, error);
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
  g_autofree char *path = NULL;
  g_autofree char *key = NULL;
  g_autoptr(JsonNode) body = NULL;
  JsonObject *object;

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (id != NULL);

  path = item_path ("/security/alerts", id, "/resolve");
  key = idempotency_key ? g_strdup (idempotency_key) : g_uuid_string_random ();
  object = json_object_new ();
  json_object_set_string_member (object, "comment", comment ? comment : "");
  json_object_set_string_member (object, "resolution", resolution ? resolution : "");
  body = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);
  call_start (self, "POST", path, NULL, body, key, REQUEST_AUTH,
              parse_action_alert, g_object_unref,
              cancellable, hc_client_resolve_alert_async, callback, user_data);
}

gpointer
hc_client_resolve_alert_finish (HcClient      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return call_finish (self, result, hc_client_resolve_alert_async, error);
}

/* The audit log is a list like the others, of HcAuditEntry rows. */
static gpointer
parse_audit_page (JsonNode  *node,
                  GError   **error)
{
  g_autoptr(HcParsedList) parsed = hc_parse_list (node, hc_parse_audit_entry, error);
  HcListPage *page;

  if (parsed == NULL)
    return NULL;

  page = g_new0 (HcListPage, 1);
  page->items = g_steal_pointer (&parsed->items);
  page->n_rejected = parsed->rejected ? parsed->rejected->len : 0;
  page->next_cursor = g_steal_pointer (&parsed->next_cursor);
  page->total = parsed->total;
  return page;
}

void
hc_client_audit_async (HcClient            *self,
                       const char          *cursor,
                       guint                limit,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autofree char *query = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  query = build_query (NULL, cursor, limit ? limit : HC_CLIENT_DEFAULT_PAGE_LIMIT);
  call_start (self, "GET", "/audit", query, NULL, NULL, REQUEST_AUTH,
              parse_audit_page, (GDestroyNotify) hc_list_page_free,
              cancellable, hc_client_audit_async, callback, user_data);
}

HcListPage *
hc_client_audit_finish (HcClient      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return call_finish (self, result, hc_client_audit_async, error);
}

/* ---- the event stream's request ------------------------------------------ */

void
hc_client_open_stream_async (HcClient            *self,
                             const char          *path,
                             const char          *accept,
                             const char          *last_event_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (self));

  request_start (self, "GET", path, NULL, NULL, NULL, accept, last_event_id,
                 REQUEST_AUTH | REQUEST_STREAM, 0,
                 cancellable, hc_client_open_stream_async, callback, user_data);
}

HcResponse *
hc_client_open_stream_finish (HcClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  return request_finish (self, result, error);
}

static void
get_bytes_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HcResponse) response = NULL;
  GError *error = NULL;

  response = request_finish (HC_CLIENT (object), result, &error);
  if (response == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_bytes_ref (response->body), (GDestroyNotify) g_bytes_unref);
}

void
hc_client_get_bytes_async (HcClient            *self,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HC_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_client_get_bytes_async);
  g_task_set_check_cancellable (task, FALSE);
  request_start (self, "GET", path, NULL, NULL, NULL, NULL, NULL, REQUEST_AUTH, 0,
                 cancellable, hc_client_get_bytes_async, get_bytes_cb, task);
}

GBytes *
hc_client_get_bytes_finish (HcClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return call_finish (self, result, hc_client_get_bytes_async, error);
}

/* ---- object ------------------------------------------------------------- */

static void
hc_client_dispose (GObject *object)
{
  HcClient *self = HC_CLIENT (object);

  g_cancellable_cancel (self->cancellable);
  drop_session (self);

  G_OBJECT_CLASS (hc_client_parent_class)->dispose (object);
}

static void
hc_client_finalize (GObject *object)
{
  HcClient *self = HC_CLIENT (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->etags, g_hash_table_unref);
  g_free (self->base_url);
  if (self->token != NULL)
    memset (self->token, 0, strlen (self->token));
  g_free (self->token);
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
  self->cancellable = g_cancellable_new ();
  self->etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, etag_entry_free);
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
  g_hash_table_remove_all (self->etags);
  self->etag_bytes = 0;
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
  drop_session (self);
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
  drop_session (self);
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
  drop_session (self);
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
