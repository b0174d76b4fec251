/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-client-private.h"
#include "hc-error.h"
#include "hc-hub-private.h"
#include "hc-memory.h"

/*
 * One job: fetching from the hub into the models. Every list is read
 * page by page, the next page asked for while this one is parsed in a
 * thread; the models are reconciled once a list is whole. A list the hub
 * cannot give is that list's error (and asked for again later); an error
 * of the whole hub takes it offline. An item's detail is fetched when it
 * is opened and merged into its row.
 */

typedef struct {
  HcHubFetch *full;
  HcListKind  kind;
  GPtrArray  *items;          /* every row of every page, for replace_all */
  GPtrArray  *unshown;        /* rows parsed but not yet in the model */
  GSource    *show_source;    /* shows them, HC_HUB_FETCH_SHOW_MS after the first */
  GPtrArray  *bodies;         /* GBytes per page, for the snapshot */
  GPtrArray  *parsed;         /* HcListPage by seq, parsed before an
                               * earlier page was: kept until it is */
  guint       next_seq;       /* the page whose rows go in next */
  GHashTable *cursors;        /* every cursor followed, to stop a loop */
  guint       outstanding;    /* fetches and parses in flight */
  gboolean    last_seen;      /* a page without next_cursor was read */
  gboolean    all_not_modified;
  gboolean    done;
  GError     *error;          /* this list alone could not be read */
} ListFetch;

/* One fetch of every list; outlives an abandoned run until its last
 * page comes back. */
struct _HcHubFetch {
  gatomicrefcount  ref;
  HcHub           *hub;       /* NULL once abandoned */
  GMainContext    *context;
  GCancellable    *cancellable;
  ListFetch        lists[HC_LIST_N_KINDS];
  guint            lists_pending;
  GError          *error;
};

typedef struct {
  gatomicrefcount  ref;
  ListFetch       *list;
  guint            seq;
  gboolean         cursor_handled;
  char            *peeked;    /* next_cursor read from the body's end */
  GBytes          *body;
  gboolean         not_modified;
} PageCtx;

static HcHubFetch *
full_fetch_ref (HcHubFetch *full)
{
  g_atomic_ref_count_inc (&full->ref);
  return full;
}

static void
full_fetch_unref (HcHubFetch *full)
{
  if (!g_atomic_ref_count_dec (&full->ref))
    return;

  for (guint i = 0; i < HC_LIST_N_KINDS; i++)
    {
      g_clear_pointer (&full->lists[i].items, g_ptr_array_unref);
      g_clear_pointer (&full->lists[i].unshown, g_ptr_array_unref);
      if (full->lists[i].show_source != NULL)
        g_source_destroy (full->lists[i].show_source);
      g_clear_pointer (&full->lists[i].show_source, g_source_unref);
      g_clear_pointer (&full->lists[i].bodies, g_ptr_array_unref);
      g_clear_pointer (&full->lists[i].parsed, g_ptr_array_unref);
      g_clear_pointer (&full->lists[i].cursors, g_hash_table_unref);
      g_clear_error (&full->lists[i].error);
    }
  g_clear_object (&full->cancellable);
  g_clear_pointer (&full->context, g_main_context_unref);
  g_clear_error (&full->error);
  g_free (full);
}

void
hc_hub_fetch_abandon (HcHub *self)
{
  HcHubFetch *full = g_steal_pointer (&self->fetch);

  if (full == NULL)
    return;

  full->hub = NULL;
  g_cancellable_cancel (full->cancellable);
  full_fetch_unref (full);

  hc_hub_notify (self, HC_HUB_PROP_LOADING);
}

/*
 * The first page of a list goes into its model at once; the pages after
 * it are gathered and go in together at most every HC_HUB_FETCH_SHOW_MS.
 * Each change of a model costs the views a pass (sort, filter, rows bound
 * again) that grows with the whole list, not with the rows added: 100
 * pages of 1,000 alerts one by one kept the window busy for seconds, and
 * so did slices of a few hundred rows per main-loop turn (three minutes
 * for 100,000 alerts). The list still grows on screen as it loads.
 */
#define HC_HUB_FETCH_SHOW_MS 250

/* The first page is asked small so the first rows show at once: 50 rows
 * fill a tall window, and GTK 4.8's list views make a row widget for each
 * of up to 200 rows (with 200, the first of 100,000 alerts showed about
 * 85 ms later). The rest come in the hub's pages of self->page_limit. */
#define HC_HUB_FETCH_FIRST_LIMIT 50

static void
list_show_unshown (ListFetch *list)
{
  if (list->show_source != NULL)
    {
      g_source_destroy (list->show_source);
      g_clear_pointer (&list->show_source, g_source_unref);
    }
  if (list->unshown != NULL && list->unshown->len > 0)
    {
      hc_item_store_upsert_many (list->full->hub->stores[list->kind], list->unshown);
      g_ptr_array_set_size (list->unshown, 0);
    }
}

static gboolean
list_show_cb (gpointer data)
{
  ListFetch *list = data;

  g_clear_pointer (&list->show_source, g_source_unref);
  if (list->full->hub != NULL && !list->done)
    list_show_unshown (list);
  return G_SOURCE_REMOVE;
}

static void
list_show_later (ListFetch *list,
                 GPtrArray *items)
{
  if (list->unshown == NULL)
    list->unshown = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_extend (list->unshown, items, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  if (list->show_source != NULL)
    return;
  /* Destroyed with the fetch (full_fetch_unref), which outlives it. */
  list->show_source = g_timeout_source_new (HC_HUB_FETCH_SHOW_MS);
  g_source_set_callback (list->show_source, list_show_cb, list, NULL);
  g_source_set_static_name (list->show_source, "[hc] list rows");
  g_source_attach (list->show_source, list->full->context);
}

static void
bytes_unref_nullable (gpointer data)
{
  if (data != NULL)
    g_bytes_unref (data);
}

static PageCtx *
page_ctx_new (ListFetch *list,
              guint      seq)
{
  PageCtx *ctx = g_new0 (PageCtx, 1);

  g_atomic_ref_count_init (&ctx->ref);
  ctx->list = list;
  ctx->seq = seq;
  full_fetch_ref (list->full);
  return ctx;
}

static PageCtx *
page_ctx_ref (PageCtx *ctx)
{
  g_atomic_ref_count_inc (&ctx->ref);
  return ctx;
}

static void
page_ctx_unref (PageCtx *ctx)
{
  if (!g_atomic_ref_count_dec (&ctx->ref))
    return;

  g_clear_pointer (&ctx->body, g_bytes_unref);
  g_free (ctx->peeked);
  full_fetch_unref (ctx->list->full);
  g_free (ctx);
}

static gboolean
list_is_live (ListFetch *list)
{
  return list->full->hub != NULL && !list->done;
}

static void fetch_page (ListFetch *list, const char *cursor, guint seq);

/* Errors that concern the whole hub (it cannot be reached, or will not
 * let us in), as against one list or document it could not give. */
static gboolean
is_hub_wide (const GError *error)
{
  return error->domain != HC_ERROR
         || error->code == HC_ERROR_UNREACHABLE
         || error->code == HC_ERROR_TIMED_OUT
         || error->code == HC_ERROR_TLS_UNTRUSTED
         || error->code == HC_ERROR_UNAUTHORIZED
         || error->code == HC_ERROR_PLAINTEXT_REFUSED
         || error->code == HC_ERROR_RATE_LIMITED
         || error->code == HC_ERROR_CANCELLED
         || error->code == HC_ERROR_KEYRING;
}

static gboolean
list_retry_cb (gpointer user_data)
{
  HcHub *self = user_data;

  g_clear_pointer (&self->list_retry_source, g_source_unref);
  if (self->started && self->state == HC_HUB_CONNECTED && self->fetch == NULL)
    hc_hub_fetch_start (self);
  return G_SOURCE_REMOVE;
}

/* A list the hub failed to give for a passing reason is asked for again,
 * less often each time (15 s, 30 s, ... up to 5 minutes). */
static void
schedule_list_retry (HcHub *self)
{
  guint delay_s;

  if (self->list_retry_source != NULL || !self->started)
    return;

  delay_s = MIN (15u << MIN (self->list_attempt, 5), 300u);
  if (self->list_attempt < 32)
    self->list_attempt++;
  self->list_retry_source = g_timeout_source_new_seconds (delay_s);
  g_source_set_callback (self->list_retry_source, list_retry_cb, self, NULL);
  g_source_set_static_name (self->list_retry_source, "[hc] list retry");
  g_source_attach (self->list_retry_source, g_main_context_get_thread_default ());
}

static void
full_fetch_done (HcHubFetch *full)
{
  HcHub *self = full->hub;
  g_autoptr(GPtrArray) held = NULL;
  gboolean changed = FALSE;

  g_assert (self != NULL && self->fetch == full);

  self->fetch = NULL;
  full->hub = NULL;
  /* Pages of a list that failed may still be on their way. */
  g_cancellable_cancel (full->cancellable);
  /* The pages' JSON, parsed and freed. */
  hc_memory_trim_soon ();
  held = hc_hub_events_take_held (self);

  if (full->error == NULL)
    {
      gboolean transient = FALSE;
      gboolean partial = FALSE;

      for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
        {
          ListFetch *list = &full->lists[kind];

          changed |= !list->all_not_modified;
          if (list->error != NULL)
            {
              g_message ("Hub %s: its %s could not be read: %s", self->key,
                         hc_list_kind_to_string (kind), list->error->message);
              partial = TRUE;
              transient |= hc_error_is_transient (list->error);
            }
          self->list_complete[kind] = list->error == NULL;
          hc_hub_set_list_error (self, kind, list->error);
        }
      if (!partial)
        self->list_attempt = 0;
      else if (transient)
        schedule_list_retry (self);

      hc_backoff_reset (&self->backoff);
      self->have_live_data = TRUE;
      hc_hub_set_showing_snapshot (self, 0);
      hc_hub_set_last_error (self, NULL);
      hc_hub_touch_updated (self, NULL);
      hc_hub_set_state (self, HC_HUB_CONNECTED);
      if (changed || !self->snapshot_saved)
        {
          GPtrArray *bodies[HC_LIST_N_KINDS];

          /* A list that could not be read keeps its last complete copy. */
          for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
            bodies[kind] = full->lists[kind].error == NULL ? full->lists[kind].bodies : NULL;
          hc_hub_snapshot_save (self, bodies);
        }
      /* Counts may have moved while we were away. */
      if (changed)
        hc_hub_schedule_overview (self);
    }

  /* Events that came in while we fetched are newer than any page. */
  hc_hub_events_apply_held (self, held);

  if (full->error != NULL)
    hc_hub_went_offline (self, full->error);

  hc_hub_notify (self, HC_HUB_PROP_LOADING);
  full_fetch_unref (full);
}

static void
full_fetch_check (HcHubFetch *full)
{
  if (full->hub != NULL && full->lists_pending == 0)
    full_fetch_done (full);
}

static void
list_fail (ListFetch    *list,
           const GError *error)
{
  if (!list_is_live (list))
    return;

  /* What was read of it stays shown, as it was before it failed. */
  list_show_unshown (list);
  list->done = TRUE;
  /* One list the hub cannot give (404, 500, not the contract's shape)
   * leaves the others usable; an unreachable hub fails them all. */
  if (!is_hub_wide (error))
    list->error = g_error_copy (error);
  else if (list->full->error == NULL)
    list->full->error = g_error_copy (error);
  list->full->lists_pending--;
  full_fetch_check (list->full);
}

/* Whether the model holds just @items, in their order: then the pages
 * already brought it up to date and nothing is left to reconcile. */
static gboolean
list_store_matches (HcItemStore *store,
                    GPtrArray   *items)
{
  GListModel *model = G_LIST_MODEL (store);

  if (g_list_model_get_n_items (model) != items->len)
    return FALSE;
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(HcItem) ours = g_list_model_get_item (model, i);
      HcItem *theirs = g_ptr_array_index (items, i);

      if (ours != theirs && g_strcmp0 (hc_item_get_id (ours), hc_item_get_id (theirs)) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
list_check_done (ListFetch *list)
{
  HcHub *self = list->full->hub;
  HcItemStore *store;

  if (!list_is_live (list) || list->outstanding > 0 || !list->last_seen)
    return;
  /* The rows not shown yet go in now, with one change of the model. */
  list_show_unshown (list);
  list->done = TRUE;
  /* Every page, 304s too, went in with hc_item_store_upsert_many (which
   * only touches what differs), so the model has every row; what is left
   * is the rows the hub no longer has, or an order that drifted: only then
   * the whole list is reconciled again, at once. */
  store = self->stores[list->kind];
  if (!list_store_matches (store, list->items))
    hc_item_store_replace_all (store, list->items);

  list->full->lists_pending--;
  full_fetch_check (list->full);
}

static void
handle_cursor (PageCtx    *ctx,
               const char *cursor)
{
  ListFetch *list = ctx->list;

  if (ctx->cursor_handled)
    return;
  ctx->cursor_handled = TRUE;

  if (!list_is_live (list))
    return;

  if (cursor == NULL)
    {
      list->last_seen = TRUE;
      return;
    }

  /* A hub that hands out a cursor twice would have us page forever. */
  if (!g_hash_table_add (list->cursors, g_strdup (cursor)))
    {
      g_autoptr(GError) error = g_error_new_literal (HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                                                     _("The hub’s list pages go round in a circle."));
      list_fail (list, error);
      return;
    }

  fetch_page (list, cursor, ctx->seq + 1);
}

typedef struct {
  PageCtx *ctx;
  char    *cursor;
} CursorMsg;

static void
cursor_msg_free (gpointer data)
{
  CursorMsg *msg = data;

  page_ctx_unref (msg->ctx);
  g_free (msg->cursor);
  g_free (msg);
}

static gboolean
cursor_main_cb (gpointer data)
{
  CursorMsg *msg = data;

  handle_cursor (msg->ctx, msg->cursor);
  list_check_done (msg->ctx->list);
  return G_SOURCE_REMOVE;
}

/* Runs in the parsing thread: start the next page from the main thread. */
static void
cursor_from_thread (const char *next_cursor,
                    gpointer    user_data)
{
  PageCtx *ctx = user_data;
  CursorMsg *msg = g_new0 (CursorMsg, 1);

  msg->ctx = page_ctx_ref (ctx);
  msg->cursor = g_strdup (next_cursor);
  g_main_context_invoke_full (ctx->list->full->context, G_PRIORITY_DEFAULT,
                              cursor_main_cb, msg, cursor_msg_free);
}

static void
parse_page_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  PageCtx *ctx = task_data;
  GError *error = NULL;
  HcListPage *page;

  page = hc_list_page_parse_full (ctx->body, ctx->list->kind, cursor_from_thread, ctx, &error);
  if (page == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, page, (GDestroyNotify) hc_list_page_free);
}

static void
page_parsed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PageCtx *ctx = user_data;
  ListFetch *list = ctx->list;
  g_autoptr(HcListPage) page = NULL;
  g_autoptr(GError) error = NULL;
  gboolean first;

  page = g_task_propagate_pointer (G_TASK (result), &error);
  list->outstanding--;

  if (!list_is_live (list))
    {
      page_ctx_unref (ctx);
      return;
    }

  if (page == NULL)
    {
      list_fail (list, error);
      page_ctx_unref (ctx);
      return;
    }

  /* A cursor read from the page's end is the one its parse gives. */
  if (ctx->peeked != NULL && g_strcmp0 (ctx->peeked, page->next_cursor) != 0)
    {
      g_autoptr(GError) mismatch = g_error_new_literal (HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                                                        _("next_cursor: not a valid cursor"));
      list_fail (list, mismatch);
      page_ctx_unref (ctx);
      return;
    }
  handle_cursor (ctx, page->next_cursor);

  /* Pages are asked for before the one before them is parsed: their
   * rows go in in the hub's order all the same. */
  if (list->parsed->len <= ctx->seq)
    g_ptr_array_set_size (list->parsed, ctx->seq + 1);
  g_ptr_array_index (list->parsed, ctx->seq) = g_steal_pointer (&page);
  while (list->next_seq < list->parsed->len && g_ptr_array_index (list->parsed, list->next_seq) != NULL)
    {
      g_autoptr(HcListPage) next = g_steal_pointer (&g_ptr_array_index (list->parsed, list->next_seq));

      list->next_seq++;
      first = list->items->len == 0;
      g_ptr_array_extend (list->items, next->items, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
      list_show_later (list, next->items);
      /* The first page is usable before the last one arrives: shown at once. */
      if (first)
        list_show_unshown (list);
    }

  list_check_done (list);
  page_ctx_unref (ctx);
}

static void
page_fetched_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PageCtx *ctx = user_data;
  ListFetch *list = ctx->list;
  g_autoptr(HcResponse) response = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;

  response = hc_client_list_raw_finish (HC_CLIENT (object), result, &error);
  list->outstanding--;

  if (!list_is_live (list))
    {
      page_ctx_unref (ctx);
      return;
    }

  if (response == NULL)
    {
      list_fail (list, error);
      page_ctx_unref (ctx);
      return;
    }

  if (list->bodies->len <= ctx->seq)
    g_ptr_array_set_size (list->bodies, ctx->seq + 1);
  g_ptr_array_index (list->bodies, ctx->seq) = g_bytes_ref (response->body);
  list->all_not_modified &= response->not_modified;
  ctx->body = g_bytes_ref (response->body);
  ctx->not_modified = response->not_modified;

  /* The next page is asked for now, while this one is parsed, when the
   * cursor can be read from the body's end (it can with every hub we
   * know): the hub writes one page while we read the one before. */
  ctx->peeked = hc_list_page_peek_cursor (response->body);
  if (ctx->peeked != NULL)
    handle_cursor (ctx, ctx->peeked);
  if (!list_is_live (list))
    {
      page_ctx_unref (ctx);
      return;
    }

  list->outstanding++;
  /* No source object, and @ctx (with the fetch it holds) owned by the
   * callback: a worker thread may drop the task's last reference, and the
   * hub must only be finalized on its own thread. */
  task = g_task_new (NULL, NULL, page_parsed_cb, ctx);
  g_task_set_source_tag (task, page_fetched_cb);
  g_task_set_task_data (task, ctx, NULL);
  g_task_run_in_thread (task, parse_page_thread);
}

static void
fetch_page (ListFetch  *list,
            const char *cursor,
            guint       seq)
{
  HcHub *self = list->full->hub;

  list->outstanding++;
  hc_client_list_raw_async (self->client, list->kind, NULL, cursor,
                            seq == 0 ? MIN (self->page_limit, HC_HUB_FETCH_FIRST_LIMIT) : self->page_limit,
                            list->full->cancellable, page_fetched_cb, page_ctx_new (list, seq));
}

void
hc_hub_fetch_start (HcHub *self)
{
  HcHubFetch *full;

  hc_hub_fetch_abandon (self);
  self->fetch_pending = FALSE;

  full = g_new0 (HcHubFetch, 1);
  g_atomic_ref_count_init (&full->ref);
  full->hub = self;
  full->context = g_main_context_ref_thread_default ();
  full->cancellable = g_cancellable_new ();
  full->lists_pending = HC_LIST_N_KINDS;
  self->fetch = full;

  hc_hub_events_hold (self);

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      ListFetch *list = &full->lists[kind];

      list->full = full;
      list->kind = kind;
      list->items = g_ptr_array_new_with_free_func (g_object_unref);
      list->bodies = g_ptr_array_new_with_free_func (bytes_unref_nullable);
      list->parsed = g_ptr_array_new_with_free_func ((GDestroyNotify) hc_list_page_free);
      list->cursors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      list->all_not_modified = TRUE;
    }

  hc_hub_notify (self, HC_HUB_PROP_LOADING);

  /* Security first: the alerts are asked for before the other lists. */
  for (guint i = 0; i < HC_LIST_N_KINDS && self->fetch == full; i++)
    fetch_page (&full->lists[(HC_LIST_ALERTS + i) % HC_LIST_N_KINDS], NULL, 0);
}

/* ---- one item's detail ---------------------------------------------------- */

static void
detail_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HcHub *self = g_task_get_source_object (task);
  HcListKind kind = GPOINTER_TO_UINT (g_task_get_task_data (task));
  GError *error = NULL;
  g_autoptr(HcItem) detail = NULL;
  HcItem *stored;

  detail = hc_client_detail_finish (HC_CLIENT (object), result, &error);
  if (detail == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  stored = hc_item_store_upsert (self->stores[kind], detail);
  g_task_return_pointer (task, g_object_ref (stored ? stored : detail), g_object_unref);
}

void
hc_hub_fetch_detail_async (HcHub               *self,
                           HcListKind           kind,
                           const char          *id,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (kind < HC_LIST_N_KINDS);
  g_return_if_fail (id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_hub_fetch_detail_async);
  /* Errors are HC_ERROR even when cancelled, as the client's are. */
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, GUINT_TO_POINTER (kind), NULL);
  if (!self->backend->details)
    {
      /* This kind's rows are already whole (an Alertmanager's alerts). */
      HcItem *item = hc_item_store_lookup (self->stores[kind], id);

      if (item != NULL)
        g_task_return_pointer (task, g_object_ref (item), g_object_unref);
      else
        g_task_return_new_error (task, HC_ERROR, HC_ERROR_NOT_FOUND, "%s",
                                 _("The hub has no such item."));
      g_object_unref (task);
      return;
    }
  hc_client_detail_async (self->client, kind, id, cancellable, detail_cb, task);
}

HcItem *
hc_hub_fetch_detail_finish (HcHub         *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, hc_hub_fetch_detail_async), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
