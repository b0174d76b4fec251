/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-client-private.h"
#include "hc-error.h"
#include "hc-parser.h"

/*
 * One job: an API call as the public functions make it: a request
 * (hc-client-request.c), then its answer parsed into objects in a worker
 * thread, so a large page never blocks the main loop.
 */

typedef struct {
  GBytes            *body;
  HcClientParseFunc  func;       /* NULL: return the JsonNode itself */
  GDestroyNotify     destroy;
  HcListKind         kind;
  gboolean           not_modified;
  gboolean           list;          /* a page of a list, not func's result */
} ParseData;

static void
parse_data_free (ParseData *data)
{
  g_clear_pointer (&data->body, g_bytes_unref);
  g_free (data);
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
      g_task_return_error (task, hc_client_error_as_malformed (error));
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
      g_task_return_error (task, hc_client_error_as_malformed (error));
      return;
    }

  g_task_return_pointer (task, result, data->destroy);
}

typedef struct {
  HcClientParseFunc  func;
  GDestroyNotify     destroy;
  HcListKind         kind;
  gboolean           list;
} CallData;

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

/* Back on the caller's thread: the parse's outcome goes to the call. */
static void
parsed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  ParseData *data = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;
  gpointer parsed = g_task_propagate_pointer (G_TASK (result), &error);

  if (parsed == NULL)
    g_task_return_error (task, error);
  else if (data->list)
    g_task_return_pointer (task, parsed, (GDestroyNotify) hc_list_page_free);
  else
    g_task_return_pointer (task, parsed, data->func != NULL ? data->destroy : (GDestroyNotify) json_node_unref);
  g_object_unref (task);
}

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
  g_autoptr(GTask) parse = NULL;
  gboolean list = call->list;

  response = hc_client_request_finish (self, result, &error);
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
  data->list = list;

  /* The parse runs in a task of its own, with no source object: a worker
   * thread may drop a GTask's last reference, and the client (its
   * SoupSession) must only ever be finalized on its own thread. @task, and
   * with it the client, stays with parsed_cb, on this thread. */
  parse = g_task_new (NULL, g_task_get_cancellable (task), parsed_cb, task);
  g_task_set_source_tag (parse, call_request_cb);
  g_task_set_check_cancellable (parse, FALSE);
  g_task_set_task_data (parse, data, (GDestroyNotify) parse_data_free);
  g_task_run_in_thread (parse, list ? list_parse_thread : parse_thread);
}

/* A call whose answer @func parses (NULL: the JsonNode itself). */
void
hc_client_call_async (HcClient            *self,
                      const char          *method,
                      const char          *path,
                      const char          *query,
                      JsonNode            *body,
                      const char          *idempotency_key,
                      HcRequestFlags       flags,
                      HcClientParseFunc    func,
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

  hc_client_request_async (self, method, path, query, body, idempotency_key, NULL, NULL, flags, 0,
                           cancellable, source_tag, call_request_cb, task);
}

/* A call whose answer is a page of the list @kind. */
void
hc_client_call_list_async (HcClient            *self,
                           HcListKind           kind,
                           const char          *query,
                           GCancellable        *cancellable,
                           gpointer             source_tag,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;
  CallData *call;

  call = g_new0 (CallData, 1);
  call->list = TRUE;
  call->kind = kind;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, call, g_free);

  hc_client_request_async (self, "GET", hc_list_kind_get_info (kind)->path, query, NULL, NULL, NULL, NULL,
                           HC_REQUEST_AUTH | HC_REQUEST_ETAG, 0, cancellable,
                           source_tag, call_request_cb, task);
}

gpointer
hc_client_call_finish (HcClient      *self,
                       GAsyncResult  *result,
                       gpointer       source_tag,
                       GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
