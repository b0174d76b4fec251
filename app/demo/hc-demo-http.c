/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo hub's HTTP dialect: problem documents, JSON validated by ETag,
 * strictly checked query parameters, and keyset pages behind opaque,
 * URL-safe cursors. */
#include "config.h"

#include <string.h>

#include "hc-demo-http.h"
#include "hc-demo-json.h"
#include "hc-demo-text.h"

#define DEFAULT_LIMIT 500
#define MAX_LIMIT     5000

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

char *
hc_demo_http_problem_body (guint       status,
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

void
hc_demo_http_send_body (SoupServerMessage *msg,
                        guint              status,
                        const char        *content_type,
                        char              *body)
{
  soup_server_message_set_status (msg, status, NULL);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Cache-Control", "no-store");
  soup_server_message_set_response (msg, content_type, SOUP_MEMORY_TAKE, body, strlen (body));
}

void
hc_demo_http_send_problem (SoupServerMessage *msg,
                           guint              status,
                           const char        *slug,
                           const char        *detail)
{
  hc_demo_http_send_body (msg, status, "application/problem+json", hc_demo_http_problem_body (status, slug, detail));
}

const char *
hc_demo_http_content_type_for (guint status)
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
 * client needs nothing but If-None-Match. Takes @body. */
static void
send_text (HcDemoRequest *req,
           char          *body,
           gsize          length)
{
  g_autofree char *hash = hc_demo_text_sha256_hex (body, length);
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
  hc_demo_http_send_body (req->msg, 200, "application/json", body);
}

void
hc_demo_http_send_json (HcDemoRequest *req,
                        JsonNode      *node)
{
  char *body = hc_demo_text_json (node);

  send_text (req, body, strlen (body));
}

/* ---- query parameters ---------------------------------------------------- */

gboolean
hc_demo_http_check_params (HcDemoRequest      *req,
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
          hc_demo_http_send_problem (req->msg, 400, "bad-parameter", detail);
          return FALSE;
        }
    }
  return TRUE;
}

const char *
hc_demo_http_param (HcDemoRequest *req,
                    const char    *name)
{
  return req->query ? g_hash_table_lookup (req->query, name) : NULL;
}

gboolean
hc_demo_http_bad_param (HcDemoRequest *req,
                        const char    *name,
                        const char    *why)
{
  g_autofree char *detail = g_strdup_printf ("Query parameter “%s” %s", name, why);

  hc_demo_http_send_problem (req->msg, 400, "bad-parameter", detail);
  return FALSE;
}

gboolean
hc_demo_http_enum_param (HcDemoRequest      *req,
                         const char         *name,
                         const char * const *values,
                         const char        **out)
{
  const char *v = hc_demo_http_param (req, name);

  *out = NULL;
  if (v == NULL)
    return TRUE;
  if (!g_strv_contains (values, v))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) values);
      g_autofree char *why = g_strdup_printf ("must be one of: %s.", list);
      return hc_demo_http_bad_param (req, name, why);
    }
  *out = v;
  return TRUE;
}

gboolean
hc_demo_http_text_param (HcDemoRequest *req,
                         const char    *name,
                         char         **out,
                         gboolean       fold)
{
  const char *v = hc_demo_http_param (req, name);

  *out = NULL;
  if (v == NULL)
    return TRUE;
  if (*v == '\0' || !g_utf8_validate (v, -1, NULL) || g_utf8_strlen (v, -1) > 200)
    return hc_demo_http_bad_param (req, name, "must be 1 to 200 characters of UTF-8 text.");
  *out = fold ? hc_demo_text_fold (v) : g_strdup (v);
  if (fold && **out == '\0')
    return hc_demo_http_bad_param (req, name, "has nothing to search for.");
  return TRUE;
}

/* ---- pages --------------------------------------------------------------- */

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
gboolean
hc_demo_http_page_params (HcDemoRequest   *req,
                          char             kind,
                          gboolean         numeric,
                          HcDemoListQuery *q,
                          char           **after)
{
  const char *limit = hc_demo_http_param (req, "limit");
  const char *cursor = hc_demo_http_param (req, "cursor");

  q->limit = DEFAULT_LIMIT;
  *after = NULL;
  if (limit != NULL)
    {
      guint64 v = 0;

      if (*limit == '\0' || strlen (limit) > 6 || strspn (limit, "0123456789") != strlen (limit))
        return hc_demo_http_bad_param (req, "limit", "must be a whole number from 1 to 5000.");
      v = g_ascii_strtoull (limit, NULL, 10);
      if (v < 1 || v > MAX_LIMIT)
        return hc_demo_http_bad_param (req, "limit", "must be a whole number from 1 to 5000.");
      q->limit = (guint) v;
    }
  if (cursor != NULL)
    {
      *after = decode_cursor (kind, numeric, cursor);
      if (*after == NULL)
        return hc_demo_http_bad_param (req, "cursor", "is not a cursor this list issued.");
    }
  q->after = *after;
  return TRUE;
}

/* A list page, its cursor added as the envelope's last member (a client
 * may read it from the page's end and ask for the next one at once).
 * @page is a whole JSON object; it is taken. */
void
hc_demo_http_send_page_text (HcDemoRequest *req,
                             GString       *page,
                             char           kind,
                             const char    *next_key)
{
  gsize length;

  g_return_if_fail (page->len > 2 && page->str[page->len - 1] == '}');

  g_string_truncate (page, page->len - 1);
  g_string_append (page, ",\"next_cursor\":");
  if (next_key != NULL)
    {
      g_autofree char *cursor = encode_cursor (kind, next_key);
      hc_demo_json_append_string (page, cursor);
    }
  else
    g_string_append (page, "null");
  g_string_append_c (page, '}');
  length = page->len;
  send_text (req, g_string_free (page, FALSE), length);
}

void
hc_demo_http_send_page (HcDemoRequest *req,
                        JsonNode      *page,
                        char           kind,
                        const char    *next_key)
{
  g_autofree char *text = hc_demo_text_json (page);

  hc_demo_http_send_page_text (req, g_string_new (text), kind, next_key);
}
