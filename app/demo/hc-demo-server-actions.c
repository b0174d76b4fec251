/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo hub's POST handlers: an operator's action checked, carried out
 * by the store, audited and, under an Idempotency-Key, answered the same
 * way when it is retried. */
#include "config.h"

#include <string.h>

#include "hc-demo-server-private.h"
#include "hc-demo-text.h"

typedef JsonNode *(*ActionFunc) (HcDemoRequest  *req,
                                 JsonObject     *body,
                                 guint          *status,
                                 char          **comment,
                                 GError        **error);

static JsonObject *
parse_body (HcDemoRequest *req,
            gboolean       required,
            GError       **error)
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
action_acknowledge (HcDemoRequest *req,
                    JsonObject    *body,
                    guint         *status,
                    char         **comment,
                    GError       **error)
{
  *comment = body_text (body, "comment", error);
  if (*comment == NULL)
    return NULL;
  *status = 200;
  return hc_demo_store_acknowledge (req->server->store, req->segs[2], req->user, *comment, error);
}

static JsonNode *
action_resolve (HcDemoRequest *req,
                JsonObject    *body,
                guint         *status,
                char         **comment,
                GError       **error)
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
  return hc_demo_store_resolve (req->server->store, req->segs[2], req->user, *comment, resolution, error);
}

static JsonNode *
action_retry (HcDemoRequest *req,
              JsonObject    *body,
              guint         *status,
              char         **comment,
              GError       **error)
{
  JsonNode *run;
  gint64 rid = 0;

  *status = 202;
  run = hc_demo_store_start_run (req->server->store, req->segs[2], &rid, error);
  if (run != NULL)
    hc_demo_simulation_track_run (req->server->simulation, rid);
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
run_action (HcDemoRequest *req,
            const char    *audit_action,
            gboolean       needs_body,
            ActionFunc     func)
{
  HcDemoServer *self = req->server;
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

  if (!hc_demo_http_check_params (req, NULL))
    return;

  bytes = soup_message_body_flatten (soup_server_message_get_request_body (req->msg));
  if (g_bytes_get_size (bytes) > HC_DEMO_MAX_BODY)
    {
      hc_demo_http_send_problem (req->msg, 413, "body-too-large", "The request body is over 64 KiB.");
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
          hc_demo_http_send_problem (req->msg, 400, "bad-idempotency-key",
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
              hc_demo_http_send_problem (req->msg, 422, "idempotency-key-reused",
                                         "This Idempotency-Key was already used for a different request.");
              return;
            }
          soup_message_headers_replace (soup_server_message_get_response_headers (req->msg),
                                        "Idempotent-Replayed", "true");
          hc_demo_http_send_body (req->msg, first_status, hc_demo_http_content_type_for (first_status),
                                  g_steal_pointer (&first_body));
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
      text = hc_demo_http_problem_body (status,
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

  hc_demo_http_send_body (req->msg, status, hc_demo_http_content_type_for (status), g_steal_pointer (&text));
}

void
hc_demo_server_actions_acknowledge (HcDemoRequest *req)
{
  run_action (req, "alert.acknowledge", TRUE, action_acknowledge);
}

void
hc_demo_server_actions_resolve (HcDemoRequest *req)
{
  run_action (req, "alert.resolve", TRUE, action_resolve);
}

void
hc_demo_server_actions_retry (HcDemoRequest *req)
{
  run_action (req, "source.retry", FALSE, action_retry);
}
