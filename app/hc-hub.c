/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hc-backoff.h"
#include "hc-client-private.h"
#include "hc-error.h"
#include "hc-hub.h"
#include "hc-parser.h"

#define DEFAULT_OVERVIEW_DELAY_MS 2000

typedef struct _FullFetch FullFetch;

typedef struct {
  FullFetch  *full;
  HcListKind  kind;
  GPtrArray  *items;          /* every row of every page, for replace_all */
  GPtrArray  *bodies;         /* GBytes per page, for the snapshot */
  GHashTable *cursors;        /* every cursor followed, to stop a loop */
  guint       outstanding;    /* fetches and parses in flight */
  gboolean    last_seen;      /* a page without next_cursor was read */
  gboolean    all_not_modified;
  gboolean    done;
  GError     *error;          /* this list alone could not be read */
} ListFetch;

struct _FullFetch {
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
  GBytes          *body;
  gboolean         not_modified;
} PageCtx;

typedef struct {
  char     *name;
  JsonNode *data;
} HeldEvent;

struct _HcHub
{
  GObject         parent_instance;

  char           *key;
  HcClient       *client;
  HcEventStream  *stream;
  HcSnapshot     *snapshot;
  HcItemStore    *stores[HC_LIST_N_KINDS];
  gboolean        list_complete[HC_LIST_N_KINDS];
  GError         *list_errors[HC_LIST_N_KINDS];
  GError         *overview_error;
  GSource        *list_retry_source;
  guint           list_attempt;

  HcMe           *me;
  GBytes         *me_body;
  HcOverview     *overview;
  GBytes         *overview_body;

  HcHubState      state;
  GError         *last_error;
  GDateTime      *last_updated;
  gint64          snapshot_fetched_at;  /* unix s; 0 unless showing a snapshot */
  gboolean        have_live_data;
  gboolean        snapshot_saved;

  gboolean        started;
  gboolean        fetch_pending;        /* fetch lists once the stream settles */
  FullFetch      *fetch;
  GPtrArray      *held_events;
  GCancellable   *cancellable;
  GSource        *retry_source;
  HcBackoff       backoff;
  GSource        *overview_source;
  gboolean        overview_inflight;
  gboolean        overview_again;
  guint           overview_delay_ms;
  guint           page_limit;
};

G_DEFINE_FINAL_TYPE (HcHub, hc_hub, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HcHubState, hc_hub_state,
  G_DEFINE_ENUM_VALUE (HC_HUB_CONNECTING, "connecting"),
  G_DEFINE_ENUM_VALUE (HC_HUB_CONNECTED, "connected"),
  G_DEFINE_ENUM_VALUE (HC_HUB_OFFLINE, "offline"),
  G_DEFINE_ENUM_VALUE (HC_HUB_SIGNED_OUT, "signed-out"))

enum {
  PROP_0,
  PROP_KEY,
  PROP_CLIENT,
  PROP_STATE,
  PROP_LAST_ERROR,
  PROP_LAST_UPDATED,
  PROP_ME,
  PROP_OVERVIEW,
  PROP_SNAPSHOT_AGE,
  PROP_LOADING,
  PROP_PARTIAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_me (HcHub *self);
static void full_fetch_start (HcHub *self);
static void apply_event (HcHub *self, const char *name, JsonNode *data);
static void schedule_overview (HcHub *self);

/* ---- state -------------------------------------------------------------- */

static void
set_state (HcHub      *self,
           HcHubState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_last_error (HcHub        *self,
                const GError *error)
{
  if (self->last_error == NULL && error == NULL)
    return;

  g_clear_error (&self->last_error);
  if (error != NULL)
    self->last_error = g_error_copy (error);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static void
touch_updated (HcHub     *self,
               GDateTime *when)
{
  g_clear_pointer (&self->last_updated, g_date_time_unref);
  self->last_updated = when ? g_date_time_ref (when) : g_date_time_new_now_utc ();
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_UPDATED]);
}

static void
set_showing_snapshot (HcHub  *self,
                      gint64  fetched_at)
{
  if (self->snapshot_fetched_at == fetched_at)
    return;

  self->snapshot_fetched_at = fetched_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SNAPSHOT_AGE]);
}

static void
clear_source (GSource **source)
{
  if (*source != NULL)
    {
      g_source_destroy (*source);
      g_clear_pointer (source, g_source_unref);
    }
}

static void
held_event_free (gpointer data)
{
  HeldEvent *held = data;

  g_free (held->name);
  json_node_unref (held->data);
  g_free (held);
}

/* ---- full fetch of the lists ---------------------------------------------- */

static FullFetch *
full_fetch_ref (FullFetch *full)
{
  g_atomic_ref_count_inc (&full->ref);
  return full;
}

static void
full_fetch_unref (FullFetch *full)
{
  if (!g_atomic_ref_count_dec (&full->ref))
    return;

  for (guint i = 0; i < HC_LIST_N_KINDS; i++)
    {
      g_clear_pointer (&full->lists[i].items, g_ptr_array_unref);
      g_clear_pointer (&full->lists[i].bodies, g_ptr_array_unref);
      g_clear_pointer (&full->lists[i].cursors, g_hash_table_unref);
      g_clear_error (&full->lists[i].error);
    }
  g_clear_object (&full->cancellable);
  g_clear_pointer (&full->context, g_main_context_unref);
  g_clear_error (&full->error);
  g_free (full);
}

static void
full_fetch_abandon (HcHub *self)
{
  FullFetch *full = g_steal_pointer (&self->fetch);

  if (full == NULL)
    return;

  full->hub = NULL;
  g_cancellable_cancel (full->cancellable);
  full_fetch_unref (full);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
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
  full_fetch_unref (ctx->list->full);
  g_free (ctx);
}

static gboolean
list_is_live (ListFetch *list)
{
  return list->full->hub != NULL && !list->done;
}

static void fetch_page (ListFetch *list, const char *cursor, guint seq);

static void
save_snapshot_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!hc_snapshot_save_finish (HC_SNAPSHOT (object), result, &error))
    g_debug ("Offline copy not saved: %s", error->message);
}

static void
save_snapshot (HcHub     *self,
               FullFetch *full)
{
  HcSnapshotData *data;

  if (self->snapshot == NULL)
    return;

  data = hc_snapshot_data_new (self->key);
  data->fetched_at = g_get_real_time () / G_USEC_PER_SEC;
  data->me = self->me_body ? g_bytes_ref (self->me_body) : NULL;
  data->overview = self->overview_body ? g_bytes_ref (self->overview_body) : NULL;

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      GPtrArray *bodies = full->lists[kind].bodies;

      /* A list that could not be read keeps its last complete copy. */
      if (full->lists[kind].error != NULL)
        {
          g_clear_pointer (&data->pages[kind], g_ptr_array_unref);
          continue;
        }
      for (guint i = 0; i < bodies->len; i++)
        if (g_ptr_array_index (bodies, i) != NULL)
          g_ptr_array_add (data->pages[kind], g_bytes_ref (g_ptr_array_index (bodies, i)));
    }

  self->snapshot_saved = TRUE;
  hc_snapshot_save_async (self->snapshot, data, NULL, save_snapshot_cb, NULL);
}

static gboolean
retry_cb (gpointer user_data)
{
  HcHub *self = user_data;

  g_clear_pointer (&self->retry_source, g_source_unref);
  start_me (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_retry (HcHub *self)
{
  guint delay_ms;

  if (self->retry_source != NULL || !self->started)
    return;

  delay_ms = hc_backoff_next (&self->backoff, hc_client_get_retry_after (self->client));

  self->retry_source = g_timeout_source_new (delay_ms);
  g_source_set_callback (self->retry_source, retry_cb, self, NULL);
  g_source_set_static_name (self->retry_source, "[hc] hub retry");
  g_source_attach (self->retry_source, g_main_context_get_thread_default ());
}

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

static void
notify_partial (HcHub *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTIAL]);
}

static void
set_list_error (HcHub        *self,
                HcListKind    kind,
                const GError *error)
{
  if (self->list_errors[kind] == NULL && error == NULL)
    return;
  g_clear_error (&self->list_errors[kind]);
  if (error != NULL)
    self->list_errors[kind] = g_error_copy (error);
  notify_partial (self);
}

static void
set_overview_error (HcHub        *self,
                    const GError *error)
{
  if (self->overview_error == NULL && error == NULL)
    return;
  g_clear_error (&self->overview_error);
  if (error != NULL)
    self->overview_error = g_error_copy (error);
  notify_partial (self);
}

static gboolean
list_retry_cb (gpointer user_data)
{
  HcHub *self = user_data;

  g_clear_pointer (&self->list_retry_source, g_source_unref);
  if (self->started && self->state == HC_HUB_CONNECTED && self->fetch == NULL)
    full_fetch_start (self);
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
sign_out (HcHub        *self,
          const GError *error)
{
  /* Stopped until a new token: hc_hub_set_token() or hc_hub_start(). */
  self->started = FALSE;
  clear_source (&self->retry_source);
  clear_source (&self->overview_source);
  full_fetch_abandon (self);
  self->fetch_pending = FALSE;
  hc_event_stream_stop (self->stream);
  set_last_error (self, error);
  set_state (self, HC_HUB_SIGNED_OUT);
}

/* A failure of /me or the lists: the hub is offline for us. */
static void
went_offline (HcHub        *self,
              const GError *error)
{
  HcErrorRecovery recovery = hc_error_get_recovery (error);

  if (recovery == HC_ERROR_RECOVERY_SIGN_IN)
    {
      sign_out (self, error);
      return;
    }

  if (recovery == HC_ERROR_RECOVERY_NONE)
    return;

  set_last_error (self, error);
  set_state (self, HC_HUB_OFFLINE);
  if (recovery == HC_ERROR_RECOVERY_RETRY)
    schedule_retry (self);
}

static void
full_fetch_done (FullFetch *full)
{
  HcHub *self = full->hub;
  g_autoptr(GPtrArray) held = NULL;
  gboolean changed = FALSE;

  g_assert (self != NULL && self->fetch == full);

  self->fetch = NULL;
  full->hub = NULL;
  /* Pages of a list that failed may still be on their way. */
  g_cancellable_cancel (full->cancellable);
  held = g_steal_pointer (&self->held_events);

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
          set_list_error (self, kind, list->error);
        }
      if (!partial)
        self->list_attempt = 0;
      else if (transient)
        schedule_list_retry (self);

      hc_backoff_reset (&self->backoff);
      self->have_live_data = TRUE;
      set_showing_snapshot (self, 0);
      set_last_error (self, NULL);
      touch_updated (self, NULL);
      set_state (self, HC_HUB_CONNECTED);
      if (changed || !self->snapshot_saved)
        save_snapshot (self, full);
      /* Counts may have moved while we were away. */
      if (changed)
        schedule_overview (self);
    }

  /* Events that came in while we fetched are newer than any page. */
  for (guint i = 0; held != NULL && i < held->len; i++)
    {
      HeldEvent *event = g_ptr_array_index (held, i);
      apply_event (self, event->name, event->data);
    }

  if (full->error != NULL)
    went_offline (self, full->error);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
  full_fetch_unref (full);
}

static void
full_fetch_check (FullFetch *full)
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

static void
list_check_done (ListFetch *list)
{
  HcHub *self = list->full->hub;

  if (!list_is_live (list) || list->outstanding > 0 || !list->last_seen)
    return;

  list->done = TRUE;
  /* Reconcile even when every page was 304: the rows are already parsed,
   * replace_all only touches what differs, and a model that drifted for
   * any reason is put right. */
  hc_item_store_replace_all (self->stores[list->kind], list->items);

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
  PageCtx *ctx = g_task_get_task_data (G_TASK (result));
  ListFetch *list = ctx->list;
  g_autoptr(HcListPage) page = NULL;
  g_autoptr(GError) error = NULL;

  page = g_task_propagate_pointer (G_TASK (result), &error);
  list->outstanding--;

  if (!list_is_live (list))
    return;

  if (page == NULL)
    {
      list_fail (list, error);
      return;
    }

  handle_cursor (ctx, page->next_cursor);

  g_ptr_array_extend (list->items, page->items, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
  /* The first page is usable before the last one arrives. */
  if (!ctx->not_modified)
    hc_item_store_upsert_many (list->full->hub->stores[list->kind], page->items);

  list_check_done (list);
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

  list->outstanding++;
  task = g_task_new (list->full->hub, NULL, page_parsed_cb, NULL);
  g_task_set_source_tag (task, page_fetched_cb);
  g_task_set_task_data (task, ctx, (GDestroyNotify) page_ctx_unref);
  g_task_run_in_thread (task, parse_page_thread);
}

static void
fetch_page (ListFetch  *list,
            const char *cursor,
            guint       seq)
{
  HcHub *self = list->full->hub;

  list->outstanding++;
  hc_client_list_raw_async (self->client, list->kind, NULL, cursor, self->page_limit,
                            list->full->cancellable, page_fetched_cb, page_ctx_new (list, seq));
}

static void
full_fetch_start (HcHub *self)
{
  FullFetch *full;

  full_fetch_abandon (self);
  self->fetch_pending = FALSE;

  full = g_new0 (FullFetch, 1);
  g_atomic_ref_count_init (&full->ref);
  full->hub = self;
  full->context = g_main_context_ref_thread_default ();
  full->cancellable = g_cancellable_new ();
  full->lists_pending = HC_LIST_N_KINDS;
  self->fetch = full;

  if (self->held_events == NULL)
    self->held_events = g_ptr_array_new_with_free_func (held_event_free);

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      ListFetch *list = &full->lists[kind];

      list->full = full;
      list->kind = kind;
      list->items = g_ptr_array_new_with_free_func (g_object_unref);
      list->bodies = g_ptr_array_new_with_free_func (bytes_unref_nullable);
      list->cursors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      list->all_not_modified = TRUE;
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);

  for (guint kind = 0; kind < HC_LIST_N_KINDS && self->fetch == full; kind++)
    fetch_page (&full->lists[kind], NULL, 0);
}

/* ---- events --------------------------------------------------------------- */

static gboolean
overview_timeout_cb (gpointer user_data);

static void
schedule_overview (HcHub *self)
{
  /* Coalesce: a burst of events costs one /overview. */
  if (self->overview_source != NULL)
    return;

  self->overview_source = g_timeout_source_new (self->overview_delay_ms);
  g_source_set_callback (self->overview_source, overview_timeout_cb, self, NULL);
  g_source_set_static_name (self->overview_source, "[hc] overview refresh");
  g_source_attach (self->overview_source, g_main_context_get_thread_default ());
}

static void
apply_event (HcHub      *self,
             const char *name,
             JsonNode   *data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) item = NULL;
  HcListKind kind;
  gboolean removed;

  if (!hc_list_kind_from_event (name, &kind, &removed))
    {
      g_debug ("Ignoring event “%s”", name);
      return;
    }

  if (removed)
    {
      JsonNode *id = JSON_NODE_HOLDS_OBJECT (data)
                     ? json_object_get_member (json_node_get_object (data), "id") : NULL;

      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
        hc_item_store_remove (self->stores[kind], json_node_get_string (id));
    }
  else
    {
      item = hc_list_kind_get_parser (kind) (data, &error);
      if (item == NULL)
        {
          g_debug ("Ignoring event “%s”: %s", name, error ? error->message : "unparsable");
          return;
        }
      hc_item_store_upsert (self->stores[kind], item);
    }

  if (self->state == HC_HUB_CONNECTED)
    touch_updated (self, NULL);
  schedule_overview (self);
}

static void
stream_event_cb (HcEventStream *stream,
                 const char    *name,
                 JsonNode      *data,
                 const char    *id,
                 HcHub         *self)
{
  if (self->fetch != NULL && self->held_events != NULL)
    {
      HeldEvent *held = g_new0 (HeldEvent, 1);

      held->name = g_strdup (name);
      held->data = json_node_ref (data);
      g_ptr_array_add (self->held_events, held);
      return;
    }

  apply_event (self, name, data);
}

static void
stream_reset_cb (HcEventStream *stream,
                 HcHub         *self)
{
  g_debug ("Hub %s asked for a fresh start", self->key);
  full_fetch_start (self);
}

static void
stream_state_cb (HcEventStream      *stream,
                 HcEventStreamState  state,
                 const GError       *error,
                 HcHub              *self)
{
  if (self->me == NULL || self->state == HC_HUB_SIGNED_OUT)
    return;

  switch (state)
    {
    case HC_EVENT_STREAM_LIVE:
      /* After every (re)connect the lists are fetched again: events missed
       * while away may be beyond what the hub can replay. */
      full_fetch_start (self);
      break;

    case HC_EVENT_STREAM_RECONNECTING:
      if (self->fetch_pending)
        full_fetch_start (self);
      else if (error != NULL && self->state == HC_HUB_CONNECTED)
        {
          set_last_error (self, error);
          set_state (self, HC_HUB_OFFLINE);
        }
      break;

    case HC_EVENT_STREAM_STOPPED:
      if (hc_error_get_recovery (error) == HC_ERROR_RECOVERY_SIGN_IN)
        sign_out (self, error);
      else if (error != NULL && hc_error_get_recovery (error) != HC_ERROR_RECOVERY_NONE)
        {
          set_last_error (self, error);
          if (self->fetch_pending)
            full_fetch_start (self);
        }
      break;

    case HC_EVENT_STREAM_CONNECTING:
    default:
      break;
    }
}

/* ---- /me and /overview ---------------------------------------------------- */

static gpointer
parse_bytes (GBytes          *body,
             gpointer       (*func) (JsonNode *, GError **),
             GError         **error)
{
  g_autoptr(JsonNode) node = hc_parse_json_bytes (body, error);

  if (node == NULL)
    return NULL;

  return func (node, error);
}

static void
overview_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HcHub) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcOverview) overview = NULL;

  self->overview_inflight = FALSE;
  body = hc_client_get_bytes_finish (HC_CLIENT (object), result, &error);
  if (body != NULL)
    overview = parse_bytes (body, (gpointer (*) (JsonNode *, GError **)) hc_parse_overview, &error);

  if (overview == NULL)
    {
      if (hc_error_get_recovery (error) == HC_ERROR_RECOVERY_SIGN_IN)
        sign_out (self, error);
      else if (!g_error_matches (error, HC_ERROR, HC_ERROR_CANCELLED))
        {
          if (self->overview_error == NULL)
            g_message ("Hub %s: its overview could not be read: %s", self->key, error->message);
          set_overview_error (self, error);
        }
      return;
    }

  set_overview_error (self, NULL);

  g_clear_pointer (&self->overview_body, g_bytes_unref);
  self->overview_body = g_steal_pointer (&body);
  g_set_object (&self->overview, overview);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERVIEW]);

  /* Keep the offline copy's overview current; the lists stay as saved. */
  if (self->snapshot != NULL && self->have_live_data)
    {
      HcSnapshotData *data = hc_snapshot_data_new (self->key);

      data->fetched_at = g_get_real_time () / G_USEC_PER_SEC;
      data->overview = g_bytes_ref (self->overview_body);
      for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
        g_clear_pointer (&data->pages[kind], g_ptr_array_unref);
      hc_snapshot_save_async (self->snapshot, data, NULL, save_snapshot_cb, NULL);
    }

  if (self->overview_again)
    {
      self->overview_again = FALSE;
      schedule_overview (self);
    }
}

static void
refresh_overview (HcHub *self)
{
  if (self->overview_inflight)
    {
      self->overview_again = TRUE;
      return;
    }

  self->overview_inflight = TRUE;
  hc_client_get_bytes_async (self->client, "/overview", self->cancellable,
                             overview_cb, g_object_ref (self));
}

static gboolean
overview_timeout_cb (gpointer user_data)
{
  HcHub *self = user_data;

  g_clear_pointer (&self->overview_source, g_source_unref);
  if (self->state != HC_HUB_SIGNED_OUT)
    refresh_overview (self);
  return G_SOURCE_REMOVE;
}

/* ---- the offline copy ------------------------------------------------------ */

typedef struct {
  HcSnapshotData *data;
  GPtrArray      *items[HC_LIST_N_KINDS];
  HcMe           *me;
  HcOverview     *overview;
} LoadedSnapshot;

static void
loaded_snapshot_free (LoadedSnapshot *loaded)
{
  g_clear_pointer (&loaded->data, hc_snapshot_data_free);
  for (guint i = 0; i < HC_LIST_N_KINDS; i++)
    g_clear_pointer (&loaded->items[i], g_ptr_array_unref);
  g_clear_object (&loaded->me);
  g_clear_object (&loaded->overview);
  g_free (loaded);
}

static void
parse_snapshot_thread (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  HcHub *self = source_object;
  LoadedSnapshot *loaded = g_new0 (LoadedSnapshot, 1);
  GError *error = NULL;

  loaded->data = hc_snapshot_load (self->snapshot, self->key, &error);
  if (loaded->data == NULL)
    {
      loaded_snapshot_free (loaded);
      g_task_return_error (task, error);
      return;
    }

  if (loaded->data->me != NULL)
    loaded->me = parse_bytes (loaded->data->me, (gpointer (*) (JsonNode *, GError **)) hc_parse_me, NULL);
  if (loaded->data->overview != NULL)
    loaded->overview = parse_bytes (loaded->data->overview,
                                    (gpointer (*) (JsonNode *, GError **)) hc_parse_overview, NULL);

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      GPtrArray *pages = loaded->data->pages[kind];

      loaded->items[kind] = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint i = 0; i < pages->len; i++)
        {
          g_autoptr(HcListPage) page = hc_list_page_parse (g_ptr_array_index (pages, i), kind, NULL);

          if (page != NULL)
            g_ptr_array_extend (loaded->items[kind], page->items,
                                (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
        }
    }

  g_task_return_pointer (task, loaded, (GDestroyNotify) loaded_snapshot_free);
}

static void
snapshot_loaded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  HcHub *self = HC_HUB (object);
  g_autoptr(GError) error = NULL;
  LoadedSnapshot *loaded;
  g_autoptr(GDateTime) when = NULL;

  loaded = g_task_propagate_pointer (G_TASK (result), &error);
  if (loaded == NULL)
    {
      g_debug ("No offline copy of %s: %s", self->key, error->message);
      return;
    }

  /* The hub came back while we read the copy: live data wins. */
  if (self->have_live_data || self->fetch != NULL || self->state == HC_HUB_CONNECTED)
    {
      loaded_snapshot_free (loaded);
      return;
    }

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      hc_item_store_replace_all (self->stores[kind], loaded->items[kind]);
      /* A list the copy never held is not known to be empty. */
      self->list_complete[kind] = loaded->data->pages[kind] != NULL && loaded->data->pages[kind]->len > 0;
    }
  notify_partial (self);

  if (loaded->me != NULL && self->me == NULL)
    {
      self->me = g_steal_pointer (&loaded->me);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ME]);
    }
  if (loaded->overview != NULL)
    {
      g_set_object (&self->overview, loaded->overview);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERVIEW]);
    }

  when = g_date_time_new_from_unix_utc (loaded->data->fetched_at);
  if (when != NULL)
    touch_updated (self, when);
  set_showing_snapshot (self, MAX (loaded->data->fetched_at, 1));
  loaded_snapshot_free (loaded);
}

static void
load_snapshot (HcHub *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->snapshot == NULL || self->have_live_data || self->snapshot_fetched_at != 0)
    return;

  task = g_task_new (self, self->cancellable, snapshot_loaded_cb, NULL);
  g_task_set_source_tag (task, load_snapshot);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, parse_snapshot_thread);
}

static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  g_autoptr(HcHub) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcMe) me = NULL;

  body = hc_client_get_bytes_finish (HC_CLIENT (object), result, &error);
  if (body != NULL)
    me = parse_bytes (body, (gpointer (*) (JsonNode *, GError **)) hc_parse_me, &error);

  if (!self->started)
    return;

  if (me == NULL)
    {
      HcErrorRecovery recovery = hc_error_get_recovery (error);

      if (recovery != HC_ERROR_RECOVERY_SIGN_IN && recovery != HC_ERROR_RECOVERY_NONE)
        load_snapshot (self);
      went_offline (self, error);
      return;
    }

  g_clear_pointer (&self->me_body, g_bytes_unref);
  self->me_body = g_steal_pointer (&body);
  g_set_object (&self->me, me);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ME]);

  refresh_overview (self);

  if (hc_event_stream_get_state (self->stream) == HC_EVENT_STREAM_LIVE)
    full_fetch_start (self);
  else
    {
      /* Fetch once the stream is up, so no event falls in between. */
      self->fetch_pending = TRUE;
      hc_event_stream_start (self->stream);
    }
}

static void
start_me (HcHub *self)
{
  clear_source (&self->retry_source);
  if (self->state != HC_HUB_OFFLINE)
    set_state (self, HC_HUB_CONNECTING);
  hc_client_get_bytes_async (self->client, "/me", self->cancellable, me_cb, g_object_ref (self));
}

/* ---- actions ---------------------------------------------------------------- */

/* The hub's answer, once the model holds it (an alert from an action is
 * upserted, and the stored row returned so callers see what views show). */
static void
action_return (GTask   *task,
               GObject *answer,
               GError  *error)
{
  HcHub *self = g_task_get_source_object (task);

  if (answer == NULL)
    {
      if (hc_error_get_recovery (error) == HC_ERROR_RECOVERY_SIGN_IN)
        sign_out (self, error);
      g_task_return_error (task, error);
      return;
    }

  if (HC_IS_ALERT (answer))
    {
      HcItem *stored = hc_item_store_upsert (self->stores[HC_LIST_ALERTS], HC_ITEM (answer));
      g_task_return_pointer (task, g_object_ref (stored ? (GObject *) stored : answer), g_object_unref);
      return;
    }

  g_task_return_pointer (task, g_object_ref (answer), g_object_unref);
}

static void
retry_source_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(HcRun) run = hc_client_retry_source_finish (HC_CLIENT (object), result, &error);

  action_return (task, (GObject *) run, error);
}

static void
alert_action_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  g_autoptr(HcAlert) alert = NULL;

  if (g_async_result_is_tagged (result, hc_client_acknowledge_alert_async))
    alert = hc_client_acknowledge_alert_finish (HC_CLIENT (object), result, &error);
  else
    alert = hc_client_resolve_alert_finish (HC_CLIENT (object), result, &error);
  action_return (task, (GObject *) alert, error);
}

static GTask *
action_task (HcHub               *self,
             gpointer             source_tag,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_check_cancellable (task, FALSE);
  return task;
}

static gpointer
action_finish (HcHub         *self,
               GAsyncResult  *result,
               gpointer       source_tag,
               GError       **error)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_async_result_is_tagged (result, source_tag), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
hc_hub_retry_source_async (HcHub               *self,
                           const char          *id,
                           const char          *idempotency_key,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (id != NULL);

  task = action_task (self, hc_hub_retry_source_async, cancellable, callback, user_data);
  hc_client_retry_source_async (self->client, id, idempotency_key, cancellable, retry_source_cb, task);
}

HcRun *
hc_hub_retry_source_finish (HcHub         *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return action_finish (self, result, hc_hub_retry_source_async, error);
}

void
hc_hub_acknowledge_alert_async (HcHub               *self,
                                const char          *id,
                                const char          *comment,
                                const char          *idempotency_key,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (id != NULL);

  task = action_task (self, hc_hub_acknowledge_alert_async, cancellable, callback, user_data);
  hc_client_acknowledge_alert_async (self->client, id, comment, idempotency_key, cancellable,
                                     alert_action_cb, task);
}

HcAlert *
hc_hub_acknowledge_alert_finish (HcHub         *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return action_finish (self, result, hc_hub_acknowledge_alert_async, error);
}

void
hc_hub_resolve_alert_async (HcHub               *self,
                            const char          *id,
                            const char          *comment,
                            const char          *resolution,
                            const char          *idempotency_key,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (id != NULL);

  task = action_task (self, hc_hub_resolve_alert_async, cancellable, callback, user_data);
  hc_client_resolve_alert_async (self->client, id, comment, resolution, idempotency_key,
                                 cancellable, alert_action_cb, task);
}

HcAlert *
hc_hub_resolve_alert_finish (HcHub         *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  return action_finish (self, result, hc_hub_resolve_alert_async, error);
}

/* ---- object ----------------------------------------------------------------- */

static void
hc_hub_constructed (GObject *object)
{
  HcHub *self = HC_HUB (object);

  G_OBJECT_CLASS (hc_hub_parent_class)->constructed (object);

  g_assert (self->client != NULL);
  self->stream = hc_event_stream_new (self->client);
  g_signal_connect_object (self->stream, "event", G_CALLBACK (stream_event_cb), self, 0);
  g_signal_connect_object (self->stream, "reset", G_CALLBACK (stream_reset_cb), self, 0);
  g_signal_connect_object (self->stream, "state-changed", G_CALLBACK (stream_state_cb), self, 0);

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      self->stores[kind] = hc_item_store_new (hc_list_kind_item_type (kind));
      /* Views sort and filter these lists: a changed row must move. */
      hc_item_store_set_announce_updates (self->stores[kind], TRUE);
    }
}

static void
hc_hub_dispose (GObject *object)
{
  HcHub *self = HC_HUB (object);

  self->started = FALSE;
  g_cancellable_cancel (self->cancellable);
  clear_source (&self->retry_source);
  clear_source (&self->overview_source);
  clear_source (&self->list_retry_source);
  full_fetch_abandon (self);
  if (self->stream != NULL)
    hc_event_stream_stop (self->stream);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->held_events, g_ptr_array_unref);
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    g_clear_object (&self->stores[kind]);
  g_clear_object (&self->me);
  g_clear_object (&self->overview);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (hc_hub_parent_class)->dispose (object);
}

static void
hc_hub_finalize (GObject *object)
{
  HcHub *self = HC_HUB (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->me_body, g_bytes_unref);
  g_clear_pointer (&self->overview_body, g_bytes_unref);
  g_clear_pointer (&self->last_updated, g_date_time_unref);
  g_clear_error (&self->last_error);
  g_clear_error (&self->overview_error);
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    g_clear_error (&self->list_errors[kind]);
  g_free (self->key);

  G_OBJECT_CLASS (hc_hub_parent_class)->finalize (object);
}

static void
hc_hub_get_property (GObject    *object,
                     guint       prop_id,
                     GValue     *value,
                     GParamSpec *pspec)
{
  HcHub *self = HC_HUB (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_LAST_ERROR:
      g_value_set_boxed (value, self->last_error);
      break;
    case PROP_LAST_UPDATED:
      g_value_set_boxed (value, self->last_updated);
      break;
    case PROP_ME:
      g_value_set_object (value, self->me);
      break;
    case PROP_OVERVIEW:
      g_value_set_object (value, self->overview);
      break;
    case PROP_SNAPSHOT_AGE:
      g_value_set_int64 (value, hc_hub_get_snapshot_age (self));
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->fetch != NULL);
      break;
    case PROP_PARTIAL:
      g_value_set_boolean (value, hc_hub_get_partial (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_hub_set_property (GObject      *object,
                     guint         prop_id,
                     const GValue *value,
                     GParamSpec   *pspec)
{
  HcHub *self = HC_HUB (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_dup_string (value);
      break;
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_hub_class_init (HcHubClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hc_hub_constructed;
  object_class->dispose = hc_hub_dispose;
  object_class->finalize = hc_hub_finalize;
  object_class->get_property = hc_hub_get_property;
  object_class->set_property = hc_hub_set_property;

  properties[PROP_KEY] =
    g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HC_TYPE_HUB_STATE, HC_HUB_CONNECTING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_boxed ("last-error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_UPDATED] =
    g_param_spec_boxed ("last-updated", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ME] =
    g_param_spec_object ("me", NULL, NULL, HC_TYPE_ME,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OVERVIEW] =
    g_param_spec_object ("overview", NULL, NULL, HC_TYPE_OVERVIEW,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SNAPSHOT_AGE] =
    g_param_spec_int64 ("snapshot-age", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PARTIAL] =
    g_param_spec_boolean ("partial", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_hub_init (HcHub *self)
{
  self->cancellable = g_cancellable_new ();
  self->state = HC_HUB_CONNECTING;
  self->overview_delay_ms = DEFAULT_OVERVIEW_DELAY_MS;
  hc_backoff_init (&self->backoff, HC_BACKOFF_DEFAULT_INITIAL_MS, HC_BACKOFF_DEFAULT_MAX_MS);
  self->page_limit = HC_CLIENT_DEFAULT_PAGE_LIMIT;
}

/**
 * hc_hub_new:
 * @key: what names this hub in the offline copy (profile id or URL)
 * @client: the hub's client
 */
HcHub *
hc_hub_new (const char *key,
            HcClient   *client)
{
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);

  return g_object_new (HC_TYPE_HUB, "key", key, "client", client, NULL);
}

const char *
hc_hub_get_key (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->key;
}

HcClient *
hc_hub_get_client (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->client;
}

HcEventStream *
hc_hub_get_event_stream (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->stream;
}

void
hc_hub_set_snapshot (HcHub      *self,
                     HcSnapshot *snapshot)
{
  g_return_if_fail (HC_IS_HUB (self));
  g_return_if_fail (snapshot == NULL || HC_IS_SNAPSHOT (snapshot));

  g_set_object (&self->snapshot, snapshot);
}

void
hc_hub_set_overview_delay (HcHub *self,
                           guint  delay_ms)
{
  g_return_if_fail (HC_IS_HUB (self));
  self->overview_delay_ms = delay_ms;
}

void
hc_hub_set_page_limit (HcHub *self,
                       guint  limit)
{
  g_return_if_fail (HC_IS_HUB (self));
  self->page_limit = limit ? limit : HC_CLIENT_DEFAULT_PAGE_LIMIT;
}

/**
 * hc_hub_start:
 * Starts (or, when signed out, restarts after the client got a new
 * token) the hub; does nothing while it runs.
 */
void
hc_hub_start (HcHub *self)
{
  g_return_if_fail (HC_IS_HUB (self));

  if (self->started)
    return;

  self->started = TRUE;
  hc_backoff_reset (&self->backoff);
  start_me (self);
}

void
hc_hub_stop (HcHub *self)
{
  g_return_if_fail (HC_IS_HUB (self));

  self->started = FALSE;
  self->fetch_pending = FALSE;
  clear_source (&self->retry_source);
  clear_source (&self->overview_source);
  clear_source (&self->list_retry_source);
  full_fetch_abandon (self);
  hc_event_stream_stop (self->stream);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->overview_inflight = FALSE;
}

/**
 * hc_hub_refresh:
 * Fetches /me, /overview and the lists now (cheap when nothing changed:
 * list pages are conditional on their ETag).
 */
void
hc_hub_refresh (HcHub *self)
{
  g_return_if_fail (HC_IS_HUB (self));

  if (self->state == HC_HUB_SIGNED_OUT)
    return;

  if (!self->started)
    {
      hc_hub_start (self);
      return;
    }

  hc_backoff_reset (&self->backoff);
  start_me (self);
}

/**
 * hc_hub_set_token:
 * A new token, e.g. after signing in again; restarts a signed-out hub.
 */
void
hc_hub_set_token (HcHub      *self,
                  const char *token)
{
  g_return_if_fail (HC_IS_HUB (self));

  hc_client_set_token (self->client, token);
  if (self->state == HC_HUB_SIGNED_OUT)
    {
      set_state (self, HC_HUB_CONNECTING);
      hc_hub_start (self);
    }
  else if (self->started)
    {
      /* Another token may be another user with another role. */
      hc_hub_refresh (self);
    }
}

HcHubState
hc_hub_get_state (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), HC_HUB_OFFLINE);
  return self->state;
}

const GError *
hc_hub_get_last_error (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->last_error;
}

/**
 * hc_hub_get_untrusted_fingerprint:
 * While the hub is unreachable because its certificate is not trusted,
 * that certificate's SHA-256 fingerprint (hc_fingerprint_normalize()
 * form), so the operator can be offered to pin exactly it; %NULL
 * otherwise. Take it from here, never from the error's message.
 */
const char *
hc_hub_get_untrusted_fingerprint (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);

  if (!g_error_matches (self->last_error, HC_ERROR, HC_ERROR_TLS_UNTRUSTED))
    return NULL;
  return hc_client_get_untrusted_fingerprint (self->client);
}

GDateTime *
hc_hub_get_last_updated (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->last_updated;
}

HcMe *
hc_hub_get_me (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->me;
}

HcOverview *
hc_hub_get_overview (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->overview;
}

/**
 * hc_hub_get_snapshot_age:
 * Seconds since the offline copy on show was fetched, or -1 when the
 * models hold live data (or nothing).
 */
gint64
hc_hub_get_snapshot_age (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), -1);

  if (self->snapshot_fetched_at == 0)
    return -1;

  return MAX (0, g_get_real_time () / G_USEC_PER_SEC - self->snapshot_fetched_at);
}

gboolean
hc_hub_get_loading (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), FALSE);
  return self->fetch != NULL;
}

HcItemStore *
hc_hub_get_model (HcHub      *self,
                  HcListKind  kind)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  g_return_val_if_fail (kind < HC_LIST_N_KINDS, NULL);
  return self->stores[kind];
}

HcItemStore *
hc_hub_get_sources (HcHub *self)
{
  return hc_hub_get_model (self, HC_LIST_SOURCES);
}

HcItemStore *
hc_hub_get_datasets (HcHub *self)
{
  return hc_hub_get_model (self, HC_LIST_DATASETS);
}

HcItemStore *
hc_hub_get_pools (HcHub *self)
{
  return hc_hub_get_model (self, HC_LIST_POOLS);
}

HcItemStore *
hc_hub_get_nodes (HcHub *self)
{
  return hc_hub_get_model (self, HC_LIST_NODES);
}

HcItemStore *
hc_hub_get_alerts (HcHub *self)
{
  return hc_hub_get_model (self, HC_LIST_ALERTS);
}

/**
 * hc_hub_get_list_complete:
 * Whether the model of @kind holds the hub's whole list: read to its last
 * page (and kept current by events since), or from an offline copy that
 * held it. An incomplete list counts nothing.
 */
gboolean
hc_hub_get_list_complete (HcHub      *self,
                          HcListKind  kind)
{
  g_return_val_if_fail (HC_IS_HUB (self), FALSE);
  g_return_val_if_fail (kind < HC_LIST_N_KINDS, FALSE);
  return self->list_complete[kind];
}

/**
 * hc_hub_get_list_error:
 * Why the hub's list of @kind could not be read at the last fetch, while
 * the hub itself answered; %NULL when it was read.
 */
const GError *
hc_hub_get_list_error (HcHub      *self,
                       HcListKind  kind)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  g_return_val_if_fail (kind < HC_LIST_N_KINDS, NULL);
  return self->list_errors[kind];
}

/**
 * hc_hub_get_overview_error:
 * Why the hub's last /overview could not be read; %NULL after a good one.
 * The overview from before, if any, stays (hc_hub_get_overview()).
 */
const GError *
hc_hub_get_overview_error (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  return self->overview_error;
}

/**
 * hc_hub_get_partial:
 * Whether the hub answers but some part of it (a list, the overview)
 * could not be read.
 */
gboolean
hc_hub_get_partial (HcHub *self)
{
  g_return_val_if_fail (HC_IS_HUB (self), FALSE);

  if (self->overview_error != NULL)
    return TRUE;
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    if (self->list_errors[kind] != NULL)
      return TRUE;
  return FALSE;
}
