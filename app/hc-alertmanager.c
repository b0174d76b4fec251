/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-alertmanager.h"
#include "hc-client-private.h"
#include "hc-error.h"

/*
 * One job: the calls of Alertmanager API v2 the console makes, on an
 * HcClient, and the one answer it reads as is (/status).
 */

void
hc_alertmanager_status_free (HcAlertmanagerStatus *status)
{
  if (status == NULL)
    return;
  g_free (status->version);
  g_free (status->cluster_status);
  g_free (status->cluster_name);
  g_free (status);
}

/**
 * hc_alertmanager_member_string:
 * @object's member @name if it is a string; NULL if missing or another type
 * (an Alertmanager's answer is read, never trusted).
 */
const char *
hc_alertmanager_member_string (JsonObject *object,
                               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

JsonObject *
hc_alertmanager_member_object (JsonObject *object,
                               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
hc_alertmanager_member_array (JsonObject *object,
                              const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  return JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* At most @max bytes of @text, valid UTF-8: shown, never trusted. */
static char *
clip_text (const char *text,
           gsize       max)
{
  if (text == NULL)
    return g_strdup ("");
  return g_utf8_make_valid (text, MIN (strlen (text), max));
}

HcAlertmanagerStatus *
hc_alertmanager_parse_status (JsonNode  *node,
                              GError   **error)
{
  JsonObject *root, *cluster, *version_info;
  HcAlertmanagerStatus *status;
  const char *cluster_status;

  root = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  cluster = hc_alertmanager_member_object (root, "cluster");
  cluster_status = hc_alertmanager_member_string (cluster, "status");
  /* What makes it an Alertmanager: a cluster with a status. */
  if (cluster_status == NULL || !g_utf8_validate (cluster_status, -1, NULL))
    {
      g_set_error_literal (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                           _("The answer to /api/v2/status is not an Alertmanager’s status."));
      return NULL;
    }

  version_info = hc_alertmanager_member_object (root, "versionInfo");
  status = g_new0 (HcAlertmanagerStatus, 1);
  status->cluster_status = clip_text (cluster_status, 64);
  status->version = clip_text (hc_alertmanager_member_string (version_info, "version"), 64);
  status->cluster_name = clip_text (hc_alertmanager_member_string (cluster, "name"), 128);
  if (json_object_has_member (cluster, "peers") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (cluster, "peers")))
    status->n_peers = json_array_get_length (json_object_get_array_member (cluster, "peers"));
  return status;
}

void
hc_alertmanager_status_async (HcClient            *client,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (client));

  hc_client_call_async (client, "GET", "/status", NULL, NULL, NULL, HC_REQUEST_AUTH,
                        (HcClientParseFunc) hc_alertmanager_parse_status,
                        (GDestroyNotify) hc_alertmanager_status_free,
                        cancellable, hc_alertmanager_status_async, callback, user_data);
}

HcAlertmanagerStatus *
hc_alertmanager_status_finish (HcClient      *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  return hc_client_call_finish (client, result, hc_alertmanager_status_async, error);
}

void
hc_alertmanager_get_async (HcClient            *client,
                           const char          *path,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (HC_IS_CLIENT (client));

  hc_client_call_async (client, "GET", path, NULL, NULL, NULL, HC_REQUEST_AUTH,
                        NULL, NULL, cancellable, hc_alertmanager_get_async, callback, user_data);
}

JsonNode *
hc_alertmanager_get_finish (HcClient      *client,
                            GAsyncResult  *result,
                            GError       **error)
{
  return hc_client_call_finish (client, result, hc_alertmanager_get_async, error);
}

static char *
format_time (gint64 unix_s)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_s);

  return g_date_time_format_iso8601 (dt);
}

static gpointer
parse_silence_id (JsonNode  *node,
                  GError   **error)
{
  const char *id = hc_alertmanager_member_string (JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL,
                                  "silenceID");

  if (id == NULL || *id == '\0' || strlen (id) > 64 || !g_utf8_validate (id, -1, NULL))
    {
      g_set_error_literal (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                           _("The Alertmanager did not say which silence it created."));
      return NULL;
    }
  return g_strdup (id);
}

void
hc_alertmanager_silence_async (HcClient            *client,
                               JsonObject          *labels,
                               const char          *created_by,
                               const char          *comment,
                               gint64               ends_at,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(GList) names = NULL;
  g_autofree char *starts = format_time (g_get_real_time () / G_USEC_PER_SEC);
  g_autofree char *ends = format_time (ends_at);

  g_return_if_fail (HC_IS_CLIENT (client));
  g_return_if_fail (labels != NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "matchers");
  json_builder_begin_array (builder);
  names = json_object_get_members (labels);
  for (GList *l = names; l != NULL; l = l->next)
    {
      const char *value = hc_alertmanager_member_string (labels, l->data);

      if (value == NULL)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, l->data);
      json_builder_set_member_name (builder, "value");
      json_builder_add_string_value (builder, value);
      json_builder_set_member_name (builder, "isRegex");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_set_member_name (builder, "isEqual");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "startsAt");
  json_builder_add_string_value (builder, starts);
  json_builder_set_member_name (builder, "endsAt");
  json_builder_add_string_value (builder, ends);
  json_builder_set_member_name (builder, "createdBy");
  json_builder_add_string_value (builder, created_by);
  json_builder_set_member_name (builder, "comment");
  json_builder_add_string_value (builder, comment);
  json_builder_end_object (builder);
  body = json_builder_get_root (builder);

  hc_client_call_async (client, "POST", "/silences", NULL, body, NULL, HC_REQUEST_AUTH,
                        parse_silence_id, g_free,
                        cancellable, hc_alertmanager_silence_async, callback, user_data);
}

char *
hc_alertmanager_silence_finish (HcClient      *client,
                                GAsyncResult  *result,
                                GError       **error)
{
  return hc_client_call_finish (client, result, hc_alertmanager_silence_async, error);
}

static void
expire_cb (GObject      *object,
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
    g_task_return_boolean (task, TRUE);
}

void
hc_alertmanager_expire_async (HcClient            *client,
                              const char          *silence_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (HC_IS_CLIENT (client));
  g_return_if_fail (silence_id != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_alertmanager_expire_async);
  g_task_set_check_cancellable (task, FALSE);
  escaped = g_uri_escape_string (silence_id, NULL, FALSE);
  path = g_strconcat ("/silence/", escaped, NULL);
  hc_client_request_async (client, "DELETE", path, NULL, NULL, NULL, NULL, NULL, HC_REQUEST_AUTH, 0,
                           cancellable, hc_alertmanager_expire_async, expire_cb, g_steal_pointer (&task));
}

gboolean
hc_alertmanager_expire_finish (HcClient      *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
