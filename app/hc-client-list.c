/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-client-private.h"
#include "hc-parser.h"

/*
 * One job: the lists of the Hub API, a page at a time: the query with
 * the contract's filters, cursor and limit; pages parsed (hc_client_list)
 * or raw for the hub's own paging (hc_client_list_raw); and the audit
 * log, paged the same way.
 */

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
  hc_client_request_async (self, "GET", hc_list_kind_get_info (kind)->path, query, NULL, NULL, NULL, NULL,
                           HC_REQUEST_AUTH | HC_REQUEST_ETAG, 0, cancellable,
                           hc_client_list_raw_async, callback, user_data);
}

HcResponse *
hc_client_list_raw_finish (HcClient      *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (HC_IS_CLIENT (self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, hc_client_list_raw_async), NULL);
  return hc_client_request_finish (self, result, error);
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

  g_return_if_fail (HC_IS_CLIENT (self));
  g_return_if_fail (kind < HC_LIST_N_KINDS);

  query = list_query (kind, filters, cursor, limit);
  hc_client_call_list_async (self, kind, query, cancellable,
                             hc_client_list_async, callback, user_data);
}

HcListPage *
hc_client_list_finish (HcClient      *self,
                       GAsyncResult  *result,
                       GError       **error)
{
  return hc_client_call_finish (self, result, hc_client_list_async, error);
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
                       const char          *actor,
                       const char          *action,
                       const char          *since,
                       const char          *cursor,
                       guint                limit,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  const char *filters[7];
  guint n = 0;
  g_autofree char *query = NULL;

  g_return_if_fail (HC_IS_CLIENT (self));

  if (actor)  { filters[n++] = "actor";  filters[n++] = actor; }
  if (action) { filters[n++] = "action"; filters[n++] = action; }
  if (since)  { filters[n++] = "since";  filters[n++] = since; }
  filters[n] = NULL;
  query = build_query (filters, cursor, limit ? limit : HC_CLIENT_DEFAULT_PAGE_LIMIT);
  hc_client_call_async (self, "GET", "/audit", query, NULL, NULL, HC_REQUEST_AUTH,
                        parse_audit_page, (GDestroyNotify) hc_list_page_free,
                        cancellable, hc_client_audit_async, callback, user_data);
}

HcListPage *
hc_client_audit_finish (HcClient      *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  return hc_client_call_finish (self, result, hc_client_audit_async, error);
}
