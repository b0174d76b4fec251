/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "hc-client-private.h"
#include "hc-error.h"
#include "hc-fingerprint.h"

/*
 * One job: one HTTP exchange with the hub. Deadlines (headers and whole
 * request), cancellation, redirects only where the token may go, the
 * pinned certificate, the read loop with its size limit, conditional
 * GETs against the ETag cache, and any failure mapped to HC_ERROR
 * (hc-client-error.c). Parsing the answer is the caller's.
 */

/* Error bodies are read only for their problem+json; more is not useful. */
#define ERROR_BODY_LIMIT      (64 * 1024)
#define READ_CHUNK            (64 * 1024)
#define MAX_REDIRECTS         5

typedef struct {
  HcClient        *client;
  SoupSession     *session;
  char            *method;
  GUri            *uri;
  GBytes          *request_body;
  char            *idempotency_key;
  char            *accept;
  char            *last_event_id;
  HcRequestFlags   flags;
  gsize            max_size;
  char            *cache_key;
  char            *cached_etag;       /* from client->etags at start */
  GBytes          *cached_body;

  SoupMessage     *msg;
  GInputStream    *stream;
  GByteArray      *buffer;
  gsize            limit;
  gboolean         truncated_ok;

  GCancellable    *op;
  GCancellable    *user_cancellable;
  gulong           user_handler;
  GCancellable    *client_cancellable;
  gulong           client_handler;
  GSource         *deadline;          /* the whole request */
  GSource         *headers_deadline;  /* connect, TLS and the answer's headers */
  gboolean         headers_timed_out;
  gboolean         timed_out;
  guint            redirects;
  char            *peer_fingerprint;
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
  g_free (req->cached_etag);
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
    mapped = hc_client_error_from_tls (req->client, error, req->peer_fingerprint,
                                       request_tls_errors (req));
  else
    mapped = hc_client_error_from_transport (req->client, error, NULL);

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

  if (req->flags & HC_REQUEST_STREAM)
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
      if (req->flags & HC_REQUEST_ETAG)
        hc_etag_cache_store (req->client->etags, req->cache_key, response->etag, response->body);
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
  g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&req->buffer));

  request_return_error (task, hc_client_error_from_status (req->client, req->msg, body));
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

  if (!hc_client_check_uri (req->client, target, &local_error))
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

      if (req->flags & HC_REQUEST_STREAM)
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
  if ((req->flags & HC_REQUEST_AUTH) && req->client->token != NULL)
    {
      g_autofree char *auth = NULL;

      if (req->client->basic_user != NULL)
        {
          g_autofree char *pair = g_strconcat (req->client->basic_user, ":", req->client->token, NULL);
          g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

          memset (pair, 0, strlen (pair));
          auth = g_strconcat ("Basic ", encoded, NULL);
        }
      else
        auth = g_strconcat ("Bearer ", req->client->token, NULL);
      soup_message_headers_replace (headers, "Authorization", auth);
    }
  if (req->idempotency_key != NULL)
    {
      soup_message_headers_replace (headers, "Idempotency-Key", req->idempotency_key);
      /* With the key a resend cannot act twice, so libsoup may retry it. */
      flags |= SOUP_MESSAGE_IDEMPOTENT;
    }
  if (req->cached_etag != NULL && req->cached_body != NULL)
    soup_message_headers_replace (headers, "If-None-Match", req->cached_etag);
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

/* Starts one exchange; its task carries @source_tag, for the finish
 * function of the public call it serves. */
void
hc_client_request_async (HcClient            *self,
                         const char          *method,
                         const char          *path,
                         const char          *query,
                         JsonNode            *body,
                         const char          *idempotency_key,
                         const char          *accept,
                         const char          *last_event_id,
                         HcRequestFlags       flags,
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

  uri = hc_client_build_uri (self, path, query, &error);
  if (uri == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  session = hc_client_ensure_session (self, &error);
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

  if (flags & HC_REQUEST_ETAG)
    {
      req->cache_key = g_uri_to_string (uri);
      hc_etag_cache_lookup (self->etags, req->cache_key, &req->cached_etag, &req->cached_body);
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

HcResponse *
hc_client_request_finish (HcClient      *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ---- the raw calls: the event stream, and bodies parsed by the caller ---- */

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

  hc_client_request_async (self, "GET", path, NULL, NULL, NULL, accept, last_event_id,
                           HC_REQUEST_AUTH | HC_REQUEST_STREAM, 0,
                           cancellable, hc_client_open_stream_async, callback, user_data);
}

HcResponse *
hc_client_open_stream_finish (HcClient      *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, hc_client_open_stream_async), NULL);
  return hc_client_request_finish (self, result, error);
}

static void
get_bytes_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(HcResponse) response = NULL;
  GError *error = NULL;

  response = hc_client_request_finish (HC_CLIENT (object), result, &error);
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
  hc_client_request_async (self, "GET", path, NULL, NULL, NULL, NULL, NULL, HC_REQUEST_AUTH, 0,
                           cancellable, hc_client_get_bytes_async, get_bytes_cb, task);
}

GBytes *
hc_client_get_bytes_finish (HcClient      *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return hc_client_call_finish (self, result, hc_client_get_bytes_async, error);
}
