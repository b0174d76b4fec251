/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <libsoup/soup.h>
#include <sys/socket.h>
#include <math.h>
#include <string.h>

#include "hc-demo-server.h"
#include "hc-demo-text.h"

#define HUB_ID       "ndc-hanoi-01"
#define HUB_NAME     "Trung tâm Dữ liệu Quốc gia — Hà Nội"
#define HUB_SITE     "Hà Nội"
#define DEFAULT_LIMIT 500
#define MAX_LIMIT     5000
/* Failed sign-ins from one address before it has to wait. */
#define AUTH_FAILURES_ALLOWED 30
#define AUTH_WINDOW_SECONDS   60
/* An SSE client this far behind is cut off rather than buffered forever. */
#define STREAM_BACKLOG_MAX (8 * 1024 * 1024)

typedef enum {
  ROLE_NONE,
  ROLE_VIEWER,
  ROLE_OPERATOR,
  ROLE_SUPERVISOR,
} Role;

typedef struct {
  HcDemoServer      *server;
  SoupServerMessage *msg;
  GSource           *watch;
  gint64             queued;
  gint64             written;
  gboolean           closed;
} Stream;

typedef struct {
  gint64 window_start;
  guint  failures;
} AuthFailures;

struct _HcDemoServer
{
  GObject           parent_instance;

  SoupServer       *soup;
  HcDemoStore      *store;
  HcDemoSimulation *simulation;
  HcDemoTokens     *tokens;
  GPtrArray        *streams;      /* Stream * */
  GHashTable       *auth_failures; /* remote address -> AuthFailures * */
  GHashTable       *idle_watches;  /* GSocket * -> IdleConnection * */
  guint             heartbeat_id;
  guint             heartbeat_seconds;
  gulong            event_handler;
};

G_DEFINE_FINAL_TYPE (HcDemoServer, hc_demo_server, G_TYPE_OBJECT)

typedef struct {
  HcDemoServer      *self;
  SoupServerMessage *msg;
  const char        *method;
  char             **segs;
  GHashTable        *query;
  Role               role;
  const char        *role_name;
  const char        *user;
  const char        *display_name;
  const char        *remote;
} Request;

/* ---- responses ------------------------------------------------------------ */

static const char *
status_title (guint status)
{
  switch (status)
    {
    case 400: return "Bad request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not found";
    case 405: return "Method not allowed";
    case 409: return "Conflict";
    case 411: return "Length required";
    case 413: return "Request body too large";
    case 422: return "Unprocessable request";
    case 429: return "Too many requests";
    case 503: return "Service unavailable";
    default:  return "Internal error";
    }
}

static char *
problem_body (guint       status,
              const char *slug,
              const char *detail)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *type = g_strdup_printf ("urn:hub-api:problem:%s", slug);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "type");
  json_builder_add_string_value (b, type);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, status_title (status));
  json_builder_set_member_name (b, "status");
  json_builder_add_int_value (b, status);
  json_builder_set_member_name (b, "detail");
  json_builder_add_string_value (b, detail);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

static void
send_body (SoupServerMessage *msg,
           guint              status,
           const char        *content_type,
           char              *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, body, strlen (body));
}

static void
send_problem (SoupServerMessage *msg,
              guint              status,
              const char        *slug,
              const char        *detail)
{
  send_body (msg, status, "application/problem+json", problem_body (status, slug, detail));
}

static const char *
content_type_for (guint status)
{
  return status >= 400 ? "application/problem+json" : "application/json";
}

static gboolean
etag_matches (const char *header,
              const char *etag)
{
  g_auto(GStrv) tags = NULL;

  if (header == NULL)
    return FALSE;
  tags = g_strsplit (header, ",", 32);
  for (guint i = 0; tags[i] != NULL; i++)
    {
      const char *t = g_strstrip (tags[i]);

      if (g_str_has_prefix (t, "W/"))
        t += 2;
      if (g_str_equal (t, "*") || g_str_equal (t, etag))
        return TRUE;
    }
  return FALSE;
}

/* Every GET answer is validated by a hash of its bytes: exact, and the
 * client needs nothing but If-None-Match. */
static void
send_json (Request  *req,
           JsonNode *node)
{
  char *body = hc_demo_text_json (node);
  g_autofree char *hash = hc_demo_text_sha256_hex (body, strlen (body));
  g_autofree char *etag = g_strdup_printf ("\"%.32s\"", hash);
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (req->msg);
  SoupMessageHeaders *response_headers = soup_server_message_get_response_headers (req->msg);

  soup_message_headers_replace (response_headers, "ETag", etag);
  if (etag_matches (soup_message_headers_get_one (request_headers, "If-None-Match"), etag))
    {
      g_free (body);
      soup_server_message_set_status (req->msg, 304, NULL);
      soup_message_headers_replace (response_headers, "Cache-Control", "no-cache");
      return;
    }
  send_body (req->msg, 200, "application/json", body);
}

/* ---- query parameters --------------------------------------------------------- */

static gboolean
check_params (Request            *req,
              const char * const *allowed)
{
  GHashTableIter iter;
  gpointer key;

  if (req->query == NULL)
    return TRUE;
  g_hash_table_iter_init (&iter, req->query);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      if (allowed == NULL || !g_strv_contains (allowed, key))
        {
          g_autofree char *detail = g_strdup_printf ("Unknown query parameter “%.64s”.", (const char *) key);
          send_problem (req->msg, 400, "bad-parameter", detail);
          return FALSE;
        }
    }
  return TRUE;
}

static const char *
param (Request    *req,
       const char *name)
{
  return req->query ? g_hash_table_lookup (req->query, name) : NULL;
}

static gboolean
bad_param (Request    *req,
           const char *name,
           const char *why)
{
  g_autofree char *detail = g_strdup_printf ("Query parameter “%s” %s", name, why);

  send_problem (req->msg, 400, "bad-parameter", detail);
  return FALSE;
}

static gboolean
enum_param (Request            *req,
            const char         *name,
            const char * const *values,
            const char        **out)
{
  const char *v = param (req, name);

  *out = NULL;
  if (v == NULL)
    return TRUE;
  if (!g_strv_contains (values, v))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) values);
      g_autofree char *why = g_strdup_printf ("must be one of: %s.", list);
      return bad_param (req, name, why);
    }
  *out = v;
  return TRUE;
}

static gboolean
text_param (Request     *req,
            const char  *name,
            char       **out,
            gboolean     fold)
{
  const char *v = param (req, name);

  *out = NULL;
  if (v == NULL)
    return TRUE;
  if (*v == '\0' || !g_utf8_validate (v, -1, NULL) || g_utf8_strlen (v, -1) > 200)
    return bad_param (req, name, "must be 1 to 200 characters of UTF-8 text.");
  *out = fold ? hc_demo_text_fold (v) : g_strdup (v);
  if (fold && **out == '\0')
    return bad_param (req, name, "has nothing to search for.");
  return TRUE;
}

static char *
encode_cursor (char        kind,
               const char *key)
{
  g_autofree char *raw = g_strdup_printf ("%c:%s", kind, key);
  char *b64 = g_base64_encode ((const guchar *) raw, strlen (raw));

  /* URL-safe alphabet without padding: the cursor goes into a query string as is. */
  for (char *p = b64; *p; p++)
    {
      if (*p == '+')
        *p = '-';
      else if (*p == '/')
        *p = '_';
      else if (*p == '=')
        {
          *p = '\0';
          break;
        }
    }
  return b64;
}

static char *
decode_cursor (char        kind,
               gboolean    numeric,
               const char *cursor)
{
  g_autoptr(GString) b64 = NULL;
  g_autofree guchar *raw = NULL;
  gsize len = 0;
  const char *key;

  if (cursor == NULL || *cursor == '\0' || strlen (cursor) > 512)
    return NULL;
  b64 = g_string_new (NULL);
  for (const char *p = cursor; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (b64, *p);
      else if (*p == '-')
        g_string_append_c (b64, '+');
      else if (*p == '_')
        g_string_append_c (b64, '/');
      else
        return NULL;
    }
  if (b64->len % 4 == 1)
    return NULL;
  while (b64->len % 4 != 0)
    g_string_append_c (b64, '=');
  raw = g_base64_decode (b64->str, &len);
  if (raw == NULL || len < 3 || raw[0] != (guchar) kind || raw[1] != ':' ||
      memchr (raw, '\0', len) != NULL)
    return NULL;
  key = (const char *) raw + 2;
  {
    g_autofree char *copy = g_strndup (key, len - 2);

    if (!g_utf8_validate (copy, -1, NULL))
      return NULL;
    if (numeric)
      {
        for (const char *p = copy; *p; p++)
          if (!g_ascii_isdigit (*p))
            return NULL;
        if (strlen (copy) > 18)
          return NULL;
      }
    return g_steal_pointer (&copy);
  }
}

/* limit and cursor, common to every list. */
static gboolean
page_params (Request         *req,
             char             kind,
             gboolean         numeric,
             HcDemoListQuery *q,
             char           **after)
{
  const char *limit = param (req, "limit");
  const char *cursor = param (req, "cursor");

  q->limit = DEFAULT_LIMIT;
  *after = NULL;
  if (limit != NULL)
    {
      guint64 v = 0;

      if (*limit == '\0' || strlen (limit) > 6 || strspn (limit, "0123456789") != strlen (limit))
        return bad_param (req, "limit", "must be a whole number from 1 to 5000.");
      v = g_ascii_strtoull (limit, NULL, 10);
      if (v < 1 || v > MAX_LIMIT)
        return bad_param (req, "limit", "must be a whole number from 1 to 5000.");
      q->limit = (guint) v;
    }
  if (cursor != NULL)
    {
      *after = decode_cursor (kind, numeric, cursor);
      if (*after == NULL)
        return bad_param (req, "cursor", "is not a cursor this list issued.");
    }
  q->after = *after;
  return TRUE;
}

static void
send_page (Request    *req,
           JsonNode   *page,
           char        kind,
           const char *next_key)
{
  JsonObject *obj = json_node_get_object (page);

  if (next_key != NULL)
    {
      g_autofree char *cursor = encode_cursor (kind, next_key);
      json_object_set_string_member (obj, "next_cursor", cursor);
    }
  else
    json_object_set_null_member (obj, "next_cursor");
  send_json (req, page);
}

/* ---- GET handlers --------------------------------------------------------------- */

static void
handle_health (Request *req)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, "ok");
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, PACKAGE_VERSION);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  send_json (req, node);
}

static void
handle_me (Request *req)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *now = hc_demo_text_format_time (hc_demo_store_now ());

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "user");
  json_builder_add_string_value (b, req->user);
  json_builder_set_member_name (b, "display_name");
  json_builder_add_string_value (b, req->display_name);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, req->role_name);
  json_builder_set_member_name (b, "permissions");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "read");
  if (req->role >= ROLE_OPERATOR)
    {
      json_builder_add_string_value (b, "alerts.acknowledge");
      json_builder_add_string_value (b, "sources.retry");
    }
  if (req->role >= ROLE_SUPERVISOR)
    {
      json_builder_add_string_value (b, "alerts.resolve");
      json_builder_add_string_value (b, "audit.read");
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "hub");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_string_value (b, HUB_ID);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, HUB_NAME);
  json_builder_set_member_name (b, "site");
  json_builder_add_string_value (b, HUB_SITE);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, PACKAGE_VERSION);
  json_builder_set_member_name (b, "time");
  json_builder_add_string_value (b, now);
  json_builder_end_object (b);
  json_builder_end_object (b);
  node = json_builder_get_root (b);
  send_json (req, node);
}

static void
handle_overview (Request *req)
{
  g_autoptr(JsonNode) node = hc_demo_store_overview (req->self->store);

  send_json (req, node);
}

static void
handle_sources (Request *req)
{
  static const char * const allowed[] = { "limit", "cursor", "status", "agency", "q", NULL };
  static const char * const statuses[] = { "ok", "lagging", "failed", "paused", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *text = NULL;
  g_autofree char *next = NULL;
  g_autoptr(JsonNode) page = NULL;

  if (!check_params (req, allowed) || !page_params (req, 's', FALSE, &q, &after) ||
      !enum_param (req, "status", statuses, &q.status) || !text_param (req, "agency", &agency, FALSE) ||
      !text_param (req, "q", &text, TRUE))
    return;
  q.agency = agency;
  q.q = text;
  page = hc_demo_store_list_sources (req->self->store, &q, &next);
  send_page (req, page, 's', next);
}

static void
send_store_error (Request *req,
                  GError  *error)
{
  if (g_error_matches (error, HC_DEMO_ERROR, HC_DEMO_ERROR_NOT_FOUND))
    send_problem (req->msg, 404, "not-found", error->message);
  else if (g_error_matches (error, HC_DEMO_ERROR, HC_DEMO_ERROR_CONFLICT))
    send_problem (req->msg, 409, "conflict", error->message);
  else if (g_error_matches (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID))
    send_problem (req->msg, 422, "invalid-body", error->message);
  else
    send_problem (req->msg, 500, "internal", "The hub failed to answer.");
}

static void
handle_source (Request *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!check_params (req, NULL))
    return;
  node = hc_demo_store_get_source (req->self->store, req->segs[2], TRUE, &error);
  if (node == NULL)
    send_store_error (req, error);
  else
    send_json (req, node);
}

static void
handle_datasets (Request *req)
{
  static const char * const allowed[] = { "limit", "cursor", "below", "criterion", "q", NULL };
  static const char * const criteria[] = { "correct", "complete", "clean", "live", "overall", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *next = NULL;
  g_autoptr(JsonNode) page = NULL;
  const char *below = param (req, "below");

  if (!check_params (req, allowed) || !page_params (req, 'd', FALSE, &q, &after) ||
      !enum_param (req, "criterion", criteria, &q.criterion) || !text_param (req, "q", &text, TRUE))
    return;
  if (below != NULL)
    {
      char *end = NULL;
      double v;

      if (*below == '\0' || strlen (below) > 16 || strspn (below, "0123456789.") != strlen (below))
        {
          bad_param (req, "below", "must be a number from 0 to 100.");
          return;
        }
      v = g_ascii_strtod (below, &end);
      if (end == below || *end != '\0' || !isfinite (v) || v < 0 || v > 100)
        {
          bad_param (req, "below", "must be a number from 0 to 100.");
          return;
        }
      q.has_below = TRUE;
      q.below = v;
    }
  q.q = text;
  page = hc_demo_store_list_datasets (req->self->store, &q, &next);
  send_page (req, page, 'd', next);
}

static void
handle_dataset (Request *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!check_params (req, NULL))
    return;
  node = hc_demo_store_get_dataset (req->self->store, req->segs[2], TRUE, &error);
  if (node == NULL)
    send_store_error (req, error);
  else
    send_json (req, node);
}

static void
handle_pools (Request *req)
{
  static const char * const allowed[] = { "limit", "cursor", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *next = NULL;
  g_autoptr(JsonNode) page = NULL;

  if (!check_params (req, allowed) || !page_params (req, 'p', FALSE, &q, &after))
    return;
  page = hc_demo_store_list_pools (req->self->store, &q, &next);
  send_page (req, page, 'p', next);
}

static void
handle_nodes (Request *req)
{
  static const char * const allowed[] = { "limit", "cursor", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *next = NULL;
  g_autoptr(JsonNode) page = NULL;

  if (!check_params (req, allowed) || !page_params (req, 'n', FALSE, &q, &after))
    return;
  page = hc_demo_store_list_nodes (req->self->store, &q, &next);
  send_page (req, page, 'n', next);
}

static void
handle_alerts (Request *req)
{
  static const char * const allowed[] = { "limit", "cursor", "state", "severity", "category", "since", "q", NULL };
  static const char * const states[] = { "open", "acknowledged", "resolved", NULL };
  static const char * const severities[] = { "critical", "high", "medium", "low", NULL };
  static const char * const categories[] = { "intrusion", "brute_force", "malware", "data_exfiltration",
                                             "privilege_escalation", "policy_violation", "ddos", "integrity", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;
  g_autofree char *next = NULL;
  g_autoptr(JsonNode) page = NULL;
  const char *since = param (req, "since");

  if (!check_params (req, allowed) || !page_params (req, 'a', TRUE, &q, &after) ||
      !enum_param (req, "state", states, &q.state) || !enum_param (req, "severity", severities, &q.severity) ||
      !enum_param (req, "category", categories, &q.category) || !text_param (req, "q", &text, TRUE))
    return;
  if (since != NULL)
    {
      if (!hc_demo_text_parse_time (since, &q.since))
        {
          bad_param (req, "since", "must be an RFC 3339 time with a zone, such as 2026-01-05T08:30:00Z.");
          return;
        }
      q.has_since = TRUE;
    }
  q.q = text;
  page = hc_demo_store_list_alerts (req->self->store, &q, &next);
  send_page (req, page, 'a', next);
}

static void
handle_alert (Request *req)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  if (!check_params (req, NULL))
    return;
  node = hc_demo_store_get_alert (req->self->store, req->segs[2], TRUE, &error);
  if (node == NULL)
    send_store_error (req, error);
  else
    send_json (req, node);
}

static void
handle_audit (Request *req)
{
  static const char * const allowed[] = { "limit", "cursor", NULL };
  HcDemoListQuery q = { 0 };
  g_autofree char *after = NULL;
  g_autofree char *next = NULL;
  g_autoptr(JsonNode) page = NULL;

  if (!check_params (req, allowed) || !page_params (req, 'u', TRUE, &q, &after))
    return;
  page = hc_demo_store_list_audit (req->self->store, &q, &next);
  send_page (req, page, 'u', next);
}

/* ---- actions ----------------------------------------------------------------------- */

typedef JsonNode *(*ActionFunc) (Request     *req,
                                 JsonObject  *body,
                                 guint       *status,
                                 char       **comment,
                                 GError     **error);

static JsonObject *
parse_body (Request  *req,
            gboolean  required,
            GError  **error)
{
  g_autoptr(GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (req->msg));
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  JsonNode *root;

  if (len == 0 && !required)
    return json_object_new ();
  if (len == 0)
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID, "The request needs a JSON object as its body.");
      return NULL;
    }
  if (!g_utf8_validate (data, len, NULL) || !json_parser_load_from_data (parser, data, len, NULL))
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID, "The body is not valid JSON in UTF-8.");
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID, "The body must be a JSON object.");
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

static char *
body_text (JsonObject  *body,
           const char  *name,
           GError     **error)
{
  JsonNode *node = json_object_get_member (body, name);
  const char *v;
  g_autofree char *stripped = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID, "“%s” is required and must be a string.", name);
      return NULL;
    }
  v = json_node_get_string (node);
  stripped = g_strstrip (g_strdup (v));
  if (*stripped == '\0')
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID, "“%s” must not be empty.", name);
      return NULL;
    }
  if (g_utf8_strlen (v, -1) > 2000)
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID, "“%s” must be at most 2000 characters.", name);
      return NULL;
    }
  return g_steal_pointer (&stripped);
}

static JsonNode *
action_acknowledge (Request     *req,
                    JsonObject  *body,
                    guint       *status,
                    char       **comment,
                    GError     **error)
{
  *comment = body_text (body, "comment", error);
  if (*comment == NULL)
    return NULL;
  *status = 200;
  return hc_demo_store_acknowledge (req->self->store, req->segs[2], req->user, *comment, error);
}

static JsonNode *
action_resolve (Request     *req,
                JsonObject  *body,
                guint       *status,
                char       **comment,
                GError     **error)
{
  static const char * const resolutions[] = { "fixed", "false_positive", "accepted_risk", "duplicate", NULL };
  g_autofree char *resolution = NULL;

  *comment = body_text (body, "comment", error);
  if (*comment == NULL)
    return NULL;
  resolution = body_text (body, "resolution", error);
  if (resolution == NULL)
    return NULL;
  if (!g_strv_contains (resolutions, resolution))
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID,
                   "“resolution” must be one of: fixed, false_positive, accepted_risk, duplicate.");
      return NULL;
    }
  *status = 200;
  return hc_demo_store_resolve (req->self->store, req->segs[2], req->user, *comment, resolution, error);
}

static JsonNode *
action_retry (Request     *req,
              JsonObject  *body,
              guint       *status,
              char       **comment,
              GError     **error)
{
  JsonNode *run;
  gint64 rid = 0;

  *status = 202;
  run = hc_demo_store_start_run (req->self->store, req->segs[2], &rid, error);
  if (run != NULL)
    hc_demo_simulation_track_run (req->self->simulation, rid);
  return run;
}

static gboolean
valid_idempotency_key (const char *key)
{
  gsize len = strlen (key);

  if (len < 1 || len > 255)
    return FALSE;
  for (const char *p = key; *p; p++)
    if (*p < 0x21 || *p > 0x7e)
      return FALSE;
  return TRUE;
}

/* One transaction holds the change, its audit entry, its idempotency
 * record and its events: all of them survive a crash, or none. */
static void
run_action (Request    *req,
            const char *audit_action,
            gboolean    needs_body,
            ActionFunc  func)
{
  HcDemoServer *self = req->self;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (req->msg);
  const char *key = soup_message_headers_get_one (headers, "Idempotency-Key");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *fingerprint = NULL;
  g_autoptr(JsonObject) body = NULL;
  g_autoptr(JsonNode) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *comment = NULL;
  g_autofree char *text = NULL;
  guint status = 200;

  if (!check_params (req, NULL))
    return;

  bytes = soup_message_body_flatten (soup_server_message_get_request_body (req->msg));
  if (g_bytes_get_size (bytes) > HC_DEMO_MAX_BODY)
    {
      send_problem (req->msg, 413, "body-too-large", "The request body is over 64 KiB.");
      return;
    }

  if (key != NULL)
    {
      g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
      g_autofree char *first_fingerprint = NULL;
      g_autofree char *first_body = NULL;
      guint first_status = 0;

      if (!valid_idempotency_key (key))
        {
          send_problem (req->msg, 400, "bad-idempotency-key",
                        "Idempotency-Key must be 1 to 255 visible ASCII characters.");
          return;
        }
      g_checksum_update (sum, (const guchar *) req->method, -1);
      g_checksum_update (sum, (const guchar *) " ", 1);
      g_checksum_update (sum, (const guchar *) g_uri_get_path (soup_server_message_get_uri (req->msg)), -1);
      g_checksum_update (sum, (const guchar *) "\n", 1);
      g_checksum_update (sum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      fingerprint = g_strdup (g_checksum_get_string (sum));

      if (hc_demo_store_idempotency_get (self->store, req->user, key, &first_fingerprint, &first_status, &first_body))
        {
          if (!g_str_equal (first_fingerprint, fingerprint))
            {
              send_problem (req->msg, 422, "idempotency-key-reused",
                            "This Idempotency-Key was already used for a different request.");
              return;
            }
          soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                        "Idempotent-Replayed", "true");
          send_body (req->msg, first_status, content_type_for (first_status), g_steal_pointer (&first_body));
          return;
        }
    }

  hc_demo_store_begin (self->store);
  body = parse_body (req, needs_body, &error);
  if (body != NULL)
    result = func (req, body, &status, &comment, &error);

  if (result != NULL)
    text = hc_demo_text_json (result);
  else
    {
      if (g_error_matches (error, HC_DEMO_ERROR, HC_DEMO_ERROR_NOT_FOUND))
        status = 404;
      else if (g_error_matches (error, HC_DEMO_ERROR, HC_DEMO_ERROR_CONFLICT))
        status = 409;
      else if (g_error_matches (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID))
        status = 422;
      else
        status = 500;
      text = problem_body (status,
                           status == 404 ? "not-found" : status == 409 ? "conflict" :
                           status == 422 ? "invalid-body" : "internal",
                           status == 500 ? "The hub failed to carry out the action." : error->message);
    }

  if (status < 500)
    {
      hc_demo_store_add_audit (self->store, req->user, req->role_name, audit_action, req->segs[2],
                               req->remote, status, comment);
      if (key != NULL)
        hc_demo_store_idempotency_put (self->store, req->user, key, fingerprint, status, text);
      hc_demo_store_commit (self->store);
    }
  else
    hc_demo_store_rollback (self->store);

  send_body (req->msg, status, content_type_for (status), g_steal_pointer (&text));
}

static void
handle_acknowledge (Request *req)
{
  run_action (req, "alert.acknowledge", TRUE, action_acknowledge);
}

static void
handle_resolve (Request *req)
{
  run_action (req, "alert.resolve", TRUE, action_resolve);
}

static void
handle_retry (Request *req)
{
  run_action (req, "source.retry", FALSE, action_retry);
}

/* ---- events ------------------------------------------------------------------------- */

static void
stream_free (gpointer data)
{
  Stream *stream = data;

  if (stream->watch != NULL)
    {
      g_source_destroy (stream->watch);
      g_source_unref (stream->watch);
    }
  g_signal_handlers_disconnect_by_data (stream->msg, stream);
  g_object_unref (stream->msg);
  g_free (stream);
}

static void
stream_closed_cb (SoupServerMessage *msg,
                  Stream            *stream)
{
  /* Removing frees the stream; the array owns it. */
  g_ptr_array_remove_fast (stream->server->streams, stream);
}

static void
stream_wrote_cb (SoupServerMessage *msg,
                 guint              size,
                 Stream            *stream)
{
  stream->written += size;
}

static void
stream_write (Stream     *stream,
              const char *text)
{
  gsize len = strlen (text);

  if (stream->closed)
    return;
  if (stream->queued - stream->written > STREAM_BACKLOG_MAX)
    {
      /* A client that stopped reading resumes later with Last-Event-ID. */
      stream->closed = TRUE;
      soup_message_body_complete (soup_server_message_get_response_body (stream->msg));
      soup_server_message_unpause (stream->msg);
      return;
    }
  soup_message_body_append (soup_server_message_get_response_body (stream->msg), SOUP_MEMORY_COPY, text, len);
  stream->queued += len;
  soup_server_message_unpause (stream->msg);
}

/* libsoup notices a vanished client only when a write to it fails, and
 * the first write after the peer closed still succeeds. The client of an
 * event stream never sends anything, so when its socket turns readable we
 * peek: end of file means it left, and the stream is ended at once rather
 * than after a heartbeat or two. Anything else is left to the heartbeats. */
static gboolean
stream_socket_cb (GSocket      *socket,
                  GIOCondition  condition,
                  gpointer      user_data)
{
  Stream *stream = user_data;
  char byte;
  gssize n;

  g_clear_pointer (&stream->watch, g_source_unref);
  n = recv (g_socket_get_fd (socket), &byte, 1, MSG_PEEK | MSG_DONTWAIT);
  if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) ||
      (condition & (G_IO_HUP | G_IO_ERR)) != 0)
    {
      stream->closed = TRUE;
      soup_message_body_complete (soup_server_message_get_response_body (stream->msg));
      soup_server_message_unpause (stream->msg);
    }
  return G_SOURCE_REMOVE;
}

static void
stream_watch (Stream *stream)
{
  GSocket *socket = soup_server_message_get_socket (stream->msg);

  if (socket == NULL)
    return;
  stream->watch = g_socket_create_source (socket, G_IO_IN | G_IO_HUP | G_IO_ERR, NULL);
  g_source_set_callback (stream->watch, (GSourceFunc) (void (*) (void)) stream_socket_cb, stream, NULL);
  g_source_attach (stream->watch, NULL);
}

static char *
format_event (gint64      id,
              const char *name,
              const char *data)
{
  return g_strdup_printf ("id: %" G_GINT64_FORMAT "\nevent: %s\ndata: %s\n\n", id, name, data);
}

static void
replay_cb (gint64      id,
           const char *name,
           const char *data,
           gpointer    user_data)
{
  g_autofree char *text = format_event (id, name, data);

  stream_write (user_data, text);
}

static void
store_event_cb (HcDemoStore  *store,
                gint64        id,
                const char   *name,
                const char   *data,
                HcDemoServer *self)
{
  g_autofree char *text = NULL;

  if (self->streams->len == 0)
    return;
  text = format_event (id, name, data);
  for (guint i = 0; i < self->streams->len; i++)
    stream_write (g_ptr_array_index (self->streams, i), text);
}

static gboolean
heartbeat_cb (gpointer data)
{
  HcDemoServer *self = data;

  for (guint i = 0; i < self->streams->len; i++)
    stream_write (g_ptr_array_index (self->streams, i), ": heartbeat\n\n");
  return G_SOURCE_CONTINUE;
}

static gboolean
parse_event_id (const char *text,
                gint64     *id)
{
  if (text == NULL || *text == '\0' || strlen (text) > 18 || strspn (text, "0123456789") != strlen (text))
    return FALSE;
  *id = g_ascii_strtoll (text, NULL, 10);
  return TRUE;
}

static void
handle_events (Request *req)
{
  HcDemoServer *self = req->self;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  const char *last = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg),
                                                   "Last-Event-ID");
  Stream *stream;
  gint64 oldest = 0, newest = 0, after = 0;

  if (!check_params (req, NULL))
    return;

  soup_server_message_set_status (req->msg, 200, NULL);
  soup_message_headers_set_content_type (headers, "text/event-stream", NULL);
  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (req->msg), FALSE);

  stream = g_new0 (Stream, 1);
  stream->server = self;
  stream->msg = g_object_ref (req->msg);
  g_ptr_array_add (self->streams, stream);
  g_signal_connect (req->msg, "finished", G_CALLBACK (stream_closed_cb), stream);
  g_signal_connect (req->msg, "disconnected", G_CALLBACK (stream_closed_cb), stream);
  g_signal_connect (req->msg, "wrote-body-data", G_CALLBACK (stream_wrote_cb), stream);

  stream_write (stream, "retry: 2000\n\n");
  stream_watch (stream);

  if (last == NULL)
    return;

  /* Replay and registration happen in one main-loop turn, so no event can
   * fall between the two. */
  hc_demo_store_event_bounds (self->store, &oldest, &newest);
  if (!parse_event_id (last, &after) || after > newest || after < oldest - 1)
    {
      g_autofree char *data = g_strdup_printf ("{\"last_event_id\":%" G_GINT64_FORMAT "}", newest);
      g_autofree char *text = format_event (newest, "reset", data);

      stream_write (stream, text);
      return;
    }
  hc_demo_store_events_after (self->store, after, replay_cb, stream);
}

/* ---- routing and auth ----------------------------------------------------------------- */

typedef void (*Handler) (Request *req);

typedef struct {
  const char *pattern;   /* segments after /api/v1, "*" is an id */
  const char *method;
  Role        role;
  Handler     handler;
} Route;

static const Route routes[] = {
  { "health", "GET", ROLE_NONE, handle_health },
  { "me", "GET", ROLE_VIEWER, handle_me },
  { "overview", "GET", ROLE_VIEWER, handle_overview },
  { "ingestion/sources", "GET", ROLE_VIEWER, handle_sources },
  { "ingestion/sources/*", "GET", ROLE_VIEWER, handle_source },
  { "ingestion/sources/*/retry", "POST", ROLE_OPERATOR, handle_retry },
  { "quality/datasets", "GET", ROLE_VIEWER, handle_datasets },
  { "quality/datasets/*", "GET", ROLE_VIEWER, handle_dataset },
  { "storage/pools", "GET", ROLE_VIEWER, handle_pools },
  { "storage/nodes", "GET", ROLE_VIEWER, handle_nodes },
  { "security/alerts", "GET", ROLE_VIEWER, handle_alerts },
  { "security/alerts/*", "GET", ROLE_VIEWER, handle_alert },
  { "security/alerts/*/acknowledge", "POST", ROLE_OPERATOR, handle_acknowledge },
  { "security/alerts/*/resolve", "POST", ROLE_SUPERVISOR, handle_resolve },
  { "audit", "GET", ROLE_SUPERVISOR, handle_audit },
  { "events", "GET", ROLE_VIEWER, handle_events },
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

static Role
parse_role (const char *role)
{
  if (g_strcmp0 (role, "supervisor") == 0)
    return ROLE_SUPERVISOR;
  if (g_strcmp0 (role, "operator") == 0)
    return ROLE_OPERATOR;
  return ROLE_VIEWER;
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
authenticate (Request *req)
{
  HcDemoServer *self = req->self;
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
      send_problem (req->msg, 429, "too-many-failed-sign-ins",
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
  send_problem (req->msg, 401, "unauthorized",
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
  Request req = { self, msg, soup_server_message_get_method (msg), NULL, NULL, ROLE_NONE, NULL, NULL, NULL, NULL };
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
      send_problem (msg, 404, "not-found", "There is nothing at this path; the API lives under /api/v1/.");
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
      send_problem (msg, 404, "not-found", "No such resource.");
      return;
    }
  if (route == NULL)
    {
      g_autofree char *detail = g_strdup_printf ("This resource allows %s only.", allow->str);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", allow->str);
      send_problem (msg, 405, "method-not-allowed", detail);
      return;
    }

  if (route->role != ROLE_NONE && !authenticate (&req))
    return;

  if (route->role > req.role && route->role != ROLE_NONE)
    {
      g_autofree char *detail = g_strdup_printf ("The %s role may not do this; it needs %s.", req.role_name,
                                                 route->role == ROLE_SUPERVISOR ? "supervisor" : "operator");

      if (g_str_equal (route->method, "POST"))
        {
          const char *action = g_str_has_suffix (route->pattern, "retry") ? "source.retry" :
                               g_str_has_suffix (route->pattern, "resolve") ? "alert.resolve" : "alert.acknowledge";

          hc_demo_store_begin (self->store);
          hc_demo_store_add_audit (self->store, req.user, req.role_name, action, segs[2], req.remote, 403, NULL);
          hc_demo_store_commit (self->store);
        }
      send_problem (msg, 403, "forbidden", detail);
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
              send_problem (msg, 400, "bad-parameter", "The query string is malformed or repeats a parameter.");
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
    send_problem (msg, 411, "length-required", "A request body must carry Content-Length.");
  else if (encoding == SOUP_ENCODING_CONTENT_LENGTH &&
           soup_message_headers_get_content_length (headers) > HC_DEMO_MAX_BODY)
    send_problem (msg, 413, "body-too-large", "The request body is over 64 KiB.");
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
  self->heartbeat_id = g_timeout_add_seconds (self->heartbeat_seconds, heartbeat_cb, self);
}

void
hc_demo_server_shutdown (HcDemoServer *self)
{
  g_clear_handle_id (&self->heartbeat_id, g_source_remove);
  while (self->streams->len > 0)
    {
      Stream *stream = g_ptr_array_index (self->streams, 0);

      if (!stream->closed)
        {
          stream->closed = TRUE;
          soup_message_body_complete (soup_server_message_get_response_body (stream->msg));
          soup_server_message_unpause (stream->msg);
        }
      g_ptr_array_remove_index_fast (self->streams, 0);
    }
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
  self->streams = g_ptr_array_new_with_free_func (stream_free);
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
  self->event_handler = g_signal_connect (store, "event", G_CALLBACK (store_event_cb), self);
  hc_demo_server_set_heartbeat (self, 15);
  return self;
}
