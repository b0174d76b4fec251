/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo hub's HTTP server: listens, routes each request to its handler
 * after authentication and role checks, and closes idle connections. The
 * handlers live in hc-demo-server-{reads,actions,events}.c. */
#include "config.h"

#include <errno.h>
#include <libsoup/soup.h>
#include <sys/socket.h>
#include <string.h>

#include "hc-demo-server-private.h"

/* Failed sign-ins from one address before it has to wait. */
#define AUTH_FAILURES_ALLOWED 30
#define AUTH_WINDOW_SECONDS   60

typedef struct {
  gint64 window_start;
  guint  failures;
} AuthFailures;

G_DEFINE_FINAL_TYPE (HcDemoServer, hc_demo_server, G_TYPE_OBJECT)

/* ---- routing and auth ----------------------------------------------------------------- */

typedef void (*Handler) (HcDemoRequest *req);

typedef struct {
  const char *pattern;   /* segments after /api/v1, "*" is an id */
  const char *method;
  HcDemoRole  role;
  Handler     handler;
} Route;

static const Route routes[] = {
  { "health", "GET", HC_DEMO_ROLE_NONE, hc_demo_server_reads_health },
  { "me", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_reads_me },
  { "overview", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_reads_overview },
  { "ingestion/sources", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_reads_sources },
  { "ingestion/sources/*", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_reads_source },
  { "ingestion/sources/*/retry", "POST", HC_DEMO_ROLE_OPERATOR, hc_demo_server_actions_retry },
  { "quality/datasets", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_reads_datasets },
  { "quality/datasets/*", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_reads_dataset },
  { "quality/agencies", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_reads_agencies },
  { "storage/pools", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_reads_pools },
  { "storage/nodes", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_reads_nodes },
  { "security/alerts", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_reads_alerts },
  { "security/alerts/*", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_reads_alert },
  { "security/alerts/*/acknowledge", "POST", HC_DEMO_ROLE_OPERATOR, hc_demo_server_actions_acknowledge },
  { "security/alerts/*/resolve", "POST", HC_DEMO_ROLE_SUPERVISOR, hc_demo_server_actions_resolve },
  { "audit", "GET", HC_DEMO_ROLE_SUPERVISOR, hc_demo_server_reads_audit },
  { "events", "GET", HC_DEMO_ROLE_VIEWER, hc_demo_server_events_stream },
};

static gboolean
valid_id (const char *id)
{
  gsize len = strlen (id);

  if (len < 1 || len > 64)
    return FALSE;
  return strspn (id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-") == len;
}

static gboolean
route_matches (const Route *route,
               char       **segs)
{
  g_auto(GStrv) pattern = g_strsplit (route->pattern, "/", -1);
  guint i;

  for (i = 0; pattern[i] != NULL && segs[i] != NULL; i++)
    {
      if (g_str_equal (pattern[i], "*"))
        {
          if (!valid_id (segs[i]))
            return FALSE;
        }
      else if (!g_str_equal (pattern[i], segs[i]))
        return FALSE;
    }
  return pattern[i] == NULL && segs[i] == NULL;
}

static HcDemoRole
parse_role (const char *role)
{
  if (g_strcmp0 (role, "supervisor") == 0)
    return HC_DEMO_ROLE_SUPERVISOR;
  if (g_strcmp0 (role, "operator") == 0)
    return HC_DEMO_ROLE_OPERATOR;
  return HC_DEMO_ROLE_VIEWER;
}

static AuthFailures *
auth_failures_for (HcDemoServer *self,
                   const char   *remote,
                   gint64        now)
{
  AuthFailures *f = g_hash_table_lookup (self->auth_failures, remote);

  if (f != NULL && now - f->window_start >= AUTH_WINDOW_SECONDS)
    {
      f->window_start = now;
      f->failures = 0;
    }
  return f;
}

/* Brute force on tokens is what a hub on a network must expect: after too
 * many failures an address waits, whatever token it sends next. */
static gboolean
authenticate (HcDemoRequest *req)
{
  HcDemoServer *self = req->server;
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg),
                                                     "Authorization");
  gint64 now = hc_demo_store_now ();
  AuthFailures *f = auth_failures_for (self, req->remote, now);
  const char *role = NULL;

  if (f != NULL && f->failures >= AUTH_FAILURES_ALLOWED)
    {
      g_autofree char *wait = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               MAX (f->window_start + AUTH_WINDOW_SECONDS - now, 1));

      soup_message_headers_replace (soup_server_message_get_response_headers (req->msg), "Retry-After", wait);
      hc_demo_http_send_problem (req->msg, 429, "too-many-failed-sign-ins",
                                 "Too many requests with an invalid token from this address; try again later.");
      return FALSE;
    }

  if (header != NULL && g_ascii_strncasecmp (header, "Bearer ", 7) == 0 && strlen (header) < 4096)
    {
      const char *token = header + 7;

      while (*token == ' ')
        token++;
      if (*token != '\0' &&
          hc_demo_tokens_lookup (self->tokens, token, &role, &req->user, &req->display_name))
        {
          req->role = parse_role (role);
          req->role_name = role;
          return TRUE;
        }

      if (f == NULL)
        {
          if (g_hash_table_size (self->auth_failures) > 10000)
            g_hash_table_remove_all (self->auth_failures);
          f = g_new0 (AuthFailures, 1);
          f->window_start = now;
          g_hash_table_insert (self->auth_failures, g_strdup (req->remote), f);
        }
      f->failures++;
    }

  soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                "WWW-Authenticate", "Bearer realm=\"hub\"");
  hc_demo_http_send_problem (req->msg, 401, "unauthorized",
                             header == NULL ? "This request needs an Authorization: Bearer token."
                               : "The token is not valid for this hub.");
  return FALSE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  HcDemoServer *self = user_data;
  HcDemoRequest req = { self, msg, soup_server_message_get_method (msg), NULL, NULL, HC_DEMO_ROLE_NONE,
                        NULL, NULL, NULL, NULL };
  g_auto(GStrv) segs = NULL;
  g_autoptr(GHashTable) params = NULL;
  const char *raw_query = g_uri_get_query (soup_server_message_get_uri (msg));
  const Route *route = NULL;
  gboolean path_known = FALSE;
  g_autoptr(GString) allow = g_string_new (NULL);

  req.remote = soup_server_message_get_remote_host (msg);
  if (req.remote == NULL)
    req.remote = "unknown";

  if (!g_str_has_prefix (path, "/api/v1/"))
    {
      hc_demo_http_send_problem (msg, 404, "not-found", "There is nothing at this path; the API lives under /api/v1/.");
      return;
    }
  segs = g_strsplit (path + strlen ("/api/v1/"), "/", 8);

  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    {
      if (!route_matches (&routes[i], segs))
        continue;
      path_known = TRUE;
      if (allow->len > 0)
        g_string_append (allow, ", ");
      g_string_append (allow, g_str_equal (routes[i].method, "GET") ? "GET, HEAD" : routes[i].method);
      if (g_str_equal (routes[i].method, req.method) ||
          (g_str_equal (routes[i].method, "GET") && g_str_equal (req.method, "HEAD")))
        route = &routes[i];
    }

  if (!path_known)
    {
      hc_demo_http_send_problem (msg, 404, "not-found", "No such resource.");
      return;
    }
  if (route == NULL)
    {
      g_autofree char *detail = g_strdup_printf ("This resource allows %s only.", allow->str);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow->str);
      hc_demo_http_send_problem (msg, 405, "method-not-allowed", detail);
      return;
    }

  if (route->role != HC_DEMO_ROLE_NONE && !authenticate (&req))
    return;

  if (route->role > req.role && route->role != HC_DEMO_ROLE_NONE)
    {
      g_autofree char *detail = g_strdup_printf ("The %s role may not do this; it needs %s.", req.role_name,
                                                 route->role == HC_DEMO_ROLE_SUPERVISOR ? "supervisor" : "operator");

      if (g_str_equal (route->method, "POST"))
        {
          const char *action = g_str_has_suffix (route->pattern, "retry") ? "source.retry" :
                               g_str_has_suffix (route->pattern, "resolve") ? "alert.resolve" : "alert.acknowledge";

          hc_demo_store_begin (self->store);
          hc_demo_store_add_audit (self->store, req.user, req.role_name, action, segs[2], req.remote, 403, NULL);
          hc_demo_store_commit (self->store);
        }
      hc_demo_http_send_problem (msg, 403, "forbidden", detail);
      return;
    }

  /* Parsed here rather than trusting libsoup's table, to reject what it
   * would silently accept (bad escapes, repeated names). */
  if (raw_query != NULL && *raw_query != '\0')
    {
      g_auto(GStrv) pairs = g_strsplit (raw_query, "&", 64);

      params = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      for (guint i = 0; pairs[i] != NULL; i++)
        {
          char *eq = strchr (pairs[i], '=');
          g_autofree char *name = NULL;
          g_autofree char *value = NULL;

          if (*pairs[i] == '\0')
            continue;
          for (char *p = pairs[i]; *p; p++)
            if (*p == '+')
              *p = ' ';
          name = g_uri_unescape_segment (pairs[i], eq, NULL);
          value = eq ? g_uri_unescape_string (eq + 1, NULL) : g_strdup ("");
          if (name == NULL || value == NULL || g_hash_table_contains (params, name))
            {
              hc_demo_http_send_problem (msg, 400, "bad-parameter",
                                         "The query string is malformed or repeats a parameter.");
              return;
            }
          g_hash_table_insert (params, g_steal_pointer (&name), g_steal_pointer (&value));
        }
      req.query = params;
    }

  req.segs = segs;
  route->handler (&req);
}

/* Runs once the headers are in, before libsoup reads a body: an oversized
 * or unbounded body is refused without being read. */
static void
early_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  SoupEncoding encoding = soup_message_headers_get_encoding (headers);

  if (encoding == SOUP_ENCODING_CHUNKED || encoding == SOUP_ENCODING_EOF)
    hc_demo_http_send_problem (msg, 411, "length-required", "A request body must carry Content-Length.");
  else if (encoding == SOUP_ENCODING_CONTENT_LENGTH &&
           soup_message_headers_get_content_length (headers) > HC_DEMO_MAX_BODY)
    hc_demo_http_send_problem (msg, 413, "body-too-large", "The request body is over 64 KiB.");
}

/* ---- idle connections ------------------------------------------------------------- */

/* libsoup 3.2 does not notice when a client closes a kept-alive connection
 * between requests (fixed upstream in 3.3): the socket would sit in
 * CLOSE_WAIT for the life of the hub, one descriptor per closed connection.
 * So each connection is watched while idle: end of file closes it at once,
 * and a connection idle for IDLE_SECONDS is closed too, which also covers
 * TLS, where a closing client's last bytes hide the end of file. */
#define IDLE_SECONDS 120

typedef struct {
  HcDemoServer *server;
  GSocket      *socket;
  GSource      *watch;
  guint         timeout_id;
} IdleConnection;

static void
idle_connection_free (gpointer data)
{
  IdleConnection *idle = data;

  if (idle->watch != NULL)
    {
      g_source_destroy (idle->watch);
      g_source_unref (idle->watch);
    }
  g_clear_handle_id (&idle->timeout_id, g_source_remove);
  g_object_unref (idle->socket);
  g_free (idle);
}

static gboolean
idle_timeout_cb (gpointer data)
{
  IdleConnection *idle = data;

  idle->timeout_id = 0;
  if (!g_socket_is_closed (idle->socket))
    g_socket_close (idle->socket, NULL);
  g_hash_table_remove (idle->server->idle_watches, idle->socket);
  return G_SOURCE_REMOVE;
}

static gboolean
idle_socket_cb (GSocket      *socket,
                GIOCondition  condition,
                gpointer      data)
{
  IdleConnection *idle = data;
  char byte;
  gssize n;

  if (g_socket_is_closed (socket))
    {
      g_hash_table_remove (idle->server->idle_watches, socket);
      return G_SOURCE_REMOVE;
    }
  n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
    return G_SOURCE_CONTINUE;
  if (n == 0 || n < 0)
    {
      g_socket_close (socket, NULL);
      g_hash_table_remove (idle->server->idle_watches, socket);
      return G_SOURCE_REMOVE;
    }
  /* Bytes are a new request for libsoup to read, or TLS closing: stop
   * watching (it would fire again and again) and leave it to the timeout
   * or to request-read. */
  g_clear_pointer (&idle->watch, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
request_finished_cb (SoupServer        *server,
                     SoupServerMessage *msg,
                     HcDemoServer      *self)
{
  GSocket *socket = soup_server_message_get_socket (msg);
  IdleConnection *idle;

  if (socket == NULL || g_socket_is_closed (socket) || g_hash_table_contains (self->idle_watches, socket))
    return;
  idle = g_new0 (IdleConnection, 1);
  idle->server = self;
  idle->socket = g_object_ref (socket);
  idle->watch = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (idle->watch, (GSourceFunc) (void (*) (void)) idle_socket_cb, idle, NULL);
  g_source_attach (idle->watch, NULL);
  idle->timeout_id = g_timeout_add_seconds (IDLE_SECONDS, idle_timeout_cb, idle);
  g_hash_table_insert (self->idle_watches, socket, idle);
}

static void
request_read_cb (SoupServer        *server,
                 SoupServerMessage *msg,
                 HcDemoServer      *self)
{
  GSocket *socket = soup_server_message_get_socket (msg);

  /* A request arrived: the connection is busy, not idle. */
  if (socket != NULL)
    g_hash_table_remove (self->idle_watches, socket);
}

/* ---- lifecycle --------------------------------------------------------------------------- */

gboolean
hc_demo_server_listen (HcDemoServer     *self,
                       const char       *address,
                       guint16           port,
                       GTlsCertificate  *certificate,
                       GError          **error)
{
  g_autoptr(GInetAddress) inet = NULL;
  g_autoptr(GSocketAddress) sockaddr = NULL;
  SoupServerListenOptions options = 0;

  g_return_val_if_fail (HC_IS_DEMO_SERVER (self), FALSE);

  inet = g_inet_address_new_from_string (address);
  if (inet == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, "“%s” is not an IP address.", address);
      return FALSE;
    }
  sockaddr = g_inet_socket_address_new (inet, port);
  if (certificate != NULL)
    {
      soup_server_set_tls_certificate (self->soup, certificate);
      options |= SOUP_SERVER_LISTEN_HTTPS;
    }
  return soup_server_listen (self->soup, sockaddr, options, error);
}

char *
hc_demo_server_get_url (HcDemoServer *self)
{
  GSList *uris = soup_server_get_uris (self->soup);
  char *url = NULL;

  if (uris != NULL)
    url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  return url;
}

guint
hc_demo_server_get_n_streams (HcDemoServer *self)
{
  return self->streams->len;
}

void
hc_demo_server_set_heartbeat (HcDemoServer *self,
                              guint         seconds)
{
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  self->heartbeat_seconds = MAX (seconds, 1);
  self->heartbeat_id = g_timeout_add_seconds (self->heartbeat_seconds, hc_demo_server_events_heartbeat_cb, self);
}

void
hc_demo_server_shutdown (HcDemoServer *self)
{
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  hc_demo_server_events_close_all (self);
  if (self->idle_watches != NULL)
    g_hash_table_remove_all (self->idle_watches);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
}

static void
hc_demo_server_dispose (GObject *object)
{
  HcDemoServer *self = HC_DEMO_SERVER (object);

  if (self->streams != NULL)
    hc_demo_server_shutdown (self);
  g_clear_signal_handler (&self->event_handler, self->store);
  g_clear_object (&self->soup);
  g_clear_object (&self->simulation);
  g_clear_object (&self->store);
  g_clear_object (&self->tokens);

  G_OBJECT_CLASS (hc_demo_server_parent_class)->dispose (object);
}

static void
hc_demo_server_finalize (GObject *object)
{
  HcDemoServer *self = HC_DEMO_SERVER (object);

  g_clear_pointer (&self->streams, g_ptr_array_unref);
  g_clear_pointer (&self->auth_failures, g_hash_table_unref);
  g_clear_pointer (&self->idle_watches, g_hash_table_unref);

  G_OBJECT_CLASS (hc_demo_server_parent_class)->finalize (object);
}

static void
hc_demo_server_class_init (HcDemoServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_demo_server_dispose;
  object_class->finalize = hc_demo_server_finalize;
}

static void
hc_demo_server_init (HcDemoServer *self)
{
  self->streams = g_ptr_array_new_with_free_func (hc_demo_server_events_free_stream);
  self->auth_failures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->idle_watches = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, idle_connection_free);
}

HcDemoServer *
hc_demo_server_new (HcDemoStore      *store,
                    HcDemoSimulation *simulation,
                    HcDemoTokens     *tokens)
{
  HcDemoServer *self;

  g_return_val_if_fail (HC_IS_DEMO_STORE (store), NULL);
  g_return_val_if_fail (HC_IS_DEMO_SIMULATION (simulation), NULL);
  g_return_val_if_fail (HC_IS_DEMO_TOKENS (tokens), NULL);

  self = g_object_new (HC_TYPE_DEMO_SERVER, NULL);
  self->store = g_object_ref (store);
  self->simulation = g_object_ref (simulation);
  self->tokens = g_object_ref (tokens);
  self->soup = soup_server_new ("server-header", "hub-console-demo-hub/" PACKAGE_VERSION " ", NULL);
  soup_server_add_early_handler (self->soup, NULL, early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, server_cb, self, NULL);
  g_signal_connect_object (self->soup, "request-finished", G_CALLBACK (request_finished_cb), self, 0);
  g_signal_connect_object (self->soup, "request-read", G_CALLBACK (request_read_cb), self, 0);
  self->event_handler = g_signal_connect (store, "event", G_CALLBACK (hc_demo_server_events_store_cb), self);
  hc_demo_server_set_heartbeat (self, 15);
  return self;
}

