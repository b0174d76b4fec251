/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-error.h"
#include "hc-hub-private.h"

/*
 * One job: the hub's events applied to its models. While the lists are
 * being fetched, events are held and applied after the last page, so
 * none is lost and none is overtaken by an older page; the stream's
 * state decides when the lists are fetched again.
 *
 * Items from events go into the models together (hc_hub_events_flush),
 * at most every FLUSH_INTERVAL_MS: a steady stream is a few model changes
 * a second and a burst of 20,000 alert.created events a few dozen, not
 * 20,000 passes of the views' sort, filter and rows; a long burst goes in
 * by time-boxed slices, one per main-loop turn. A removal, a fetch and
 * the hub's end flush first, so no event is applied out of order.
 */

/* An event as read: its item parsed, or the id of the item it removes. */
typedef struct {
  HcListKind  kind;
  gboolean    removed;
  char       *removed_id;   /* NULL if the hub named none */
  HcItem     *item;
} HeldEvent;

static void
held_event_free (gpointer data)
{
  HeldEvent *held = data;

  g_free (held->removed_id);
  g_clear_object (&held->item);
  g_free (held);
}

/* Events come in steadily (a busy hub sends dozens a second): they go
 * into the models at most this often, so a steady stream costs a few
 * model changes and frames a second, not one per event. The first event
 * after a quiet spell goes in at once. */
#define FLUSH_INTERVAL_MS 200
/* A long burst goes in by slices of about this long a main-loop turn,
 * so the window keeps answering meanwhile. */
#define SLICE_BUDGET_US   (12 * 1000)
#define SLICE_MIN         256

/* Puts up to @budget items in the models; returns whether some are left. */
static gboolean
flush_some (HcHub *self,
            guint  budget)
{
  gboolean touched = FALSE;

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      GPtrArray *pending = self->event_items[kind];
      g_autoptr(GPtrArray) items = NULL;

      if (pending == NULL || pending->len == 0)
        continue;
      if (pending->len <= budget)
        items = g_steal_pointer (&self->event_items[kind]);
      else
        {
          /* The oldest first: a later copy of an id must win. */
          items = g_ptr_array_new_full (budget, g_object_unref);
          for (guint i = 0; i < budget; i++)
            g_ptr_array_add (items, g_ptr_array_index (pending, i));
          g_ptr_array_set_free_func (pending, NULL);
          g_ptr_array_remove_range (pending, 0, budget);
          g_ptr_array_set_free_func (pending, g_object_unref);
        }
      budget -= items->len;
      hc_item_store_upsert_many (self->stores[kind], items);
      touched = TRUE;
      if (budget == 0)
        break;
    }

  self->events_flushed_at = g_get_monotonic_time ();
  if (touched && self->state == HC_HUB_CONNECTED)
    hc_hub_touch_updated (self, NULL);

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    if (self->event_items[kind] != NULL && self->event_items[kind]->len > 0)
      return TRUE;
  return FALSE;
}

/**
 * hc_hub_events_flush:
 * Puts the items the events brought since the last flush into the models.
 */
void
hc_hub_events_flush (HcHub *self)
{
  hc_hub_clear_source (&self->event_source);
  flush_some (self, G_MAXUINT);
}

/**
 * hc_hub_find_item:
 * The row @id of the list @kind as the hub has told it so far: the events
 * already received go into the models first, since a notification names
 * an alert as soon as its event comes, before its batch is in the list.
 * Returns: (transfer none) (nullable): the row
 */
gpointer
hc_hub_find_item (HcHub      *self,
                  HcListKind  kind,
                  const char *id)
{
  g_return_val_if_fail (HC_IS_HUB (self), NULL);
  g_return_val_if_fail (kind < HC_LIST_N_KINDS, NULL);
  hc_hub_events_flush (self);
  return hc_item_store_lookup (self->stores[kind], id);
}

static gboolean
flush_cb (gpointer data)
{
  HcHub *self = data;
  gint64 start = g_get_monotonic_time ();
  guint slice = MAX (self->events_slice, SLICE_MIN);
  gint64 spent;

  g_clear_pointer (&self->event_source, g_source_unref);
  self->events_waiting = FALSE;
  if (!flush_some (self, slice))
    return G_SOURCE_REMOVE;

  /* A burst: the next slice in the next turn, sized by this one's pace. */
  spent = MAX (g_get_monotonic_time () - start, 1);
  self->events_slice = (guint) CLAMP ((gint64) slice * SLICE_BUDGET_US / spent, SLICE_MIN, 100000);
  if (self->event_source == NULL)
    {
      self->event_source = g_idle_source_new ();
      g_source_set_priority (self->event_source, G_PRIORITY_DEFAULT);
      g_source_set_callback (self->event_source, flush_cb, self, NULL);
      g_source_set_static_name (self->event_source, "[hc] events into the models");
      g_source_attach (self->event_source, g_main_context_get_thread_default ());
    }
  return G_SOURCE_REMOVE;
}

static guint
n_pending (HcHub *self)
{
  guint n = 0;

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    n += self->event_items[kind] != NULL ? self->event_items[kind]->len : 0;
  return n;
}

/*
 * When the items waiting go in: the first event after a quiet spell at
 * once; a steady stream every FLUSH_INTERVAL_MS; a burst (SLICE_MIN items
 * or more) as soon as the stream's reads queued are done (at idle
 * priority: after them and after a frame), or at once if the interval
 * has passed while reads kept coming.
 */
static void
schedule_flush (HcHub *self)
{
  gint64 since = (g_get_monotonic_time () - self->events_flushed_at) / 1000;
  gboolean waiting = FALSE;
  int priority = G_PRIORITY_DEFAULT;

  if (since >= FLUSH_INTERVAL_MS)
    ;
  else if (n_pending (self) >= SLICE_MIN)
    priority = G_PRIORITY_DEFAULT_IDLE;
  else
    waiting = TRUE;

  if (self->event_source != NULL)
    {
      /* What is set already goes no later than this would. */
      if (!self->events_waiting && (waiting || g_source_get_priority (self->event_source) <= priority))
        return;
      if (self->events_waiting && waiting)
        return;
      hc_hub_clear_source (&self->event_source);
    }

  self->events_waiting = waiting;
  if (waiting)
    self->event_source = g_timeout_source_new ((guint) (FLUSH_INTERVAL_MS - since));
  else
    self->event_source = g_idle_source_new ();
  g_source_set_priority (self->event_source, priority);
  g_source_set_callback (self->event_source, flush_cb, self, NULL);
  g_source_set_static_name (self->event_source, "[hc] events into the models");
  g_source_attach (self->event_source, g_main_context_get_thread_default ());
}

static void
apply_later (HcHub      *self,
             HcListKind  kind,
             HcItem     *item)
{
  if (self->event_items[kind] == NULL)
    self->event_items[kind] = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->event_items[kind], g_object_ref (item));
  schedule_flush (self);
}

/* Reads one event; NULL if it is not one the models take. */
static HeldEvent *
read_event (const char *name,
            JsonNode   *data)
{
  g_autoptr(GError) error = NULL;
  HeldEvent *event = g_new0 (HeldEvent, 1);

  if (!hc_list_kind_from_event (name, &event->kind, &event->removed))
    {
      g_debug ("Ignoring event “%s”", name);
      held_event_free (event);
      return NULL;
    }

  if (event->removed)
    {
      JsonNode *id = JSON_NODE_HOLDS_OBJECT (data)
                     ? json_object_get_member (json_node_get_object (data), "id") : NULL;

      if (id != NULL && JSON_NODE_HOLDS_VALUE (id) && json_node_get_value_type (id) == G_TYPE_STRING)
        event->removed_id = g_strdup (json_node_get_string (id));
      return event;
    }

  event->item = hc_list_kind_get_parser (event->kind) (data, &error);
  if (event->item == NULL)
    {
      g_debug ("Ignoring event “%s”: %s", name, error ? error->message : "unparsable");
      held_event_free (event);
      return NULL;
    }
  return event;
}

static void
apply_event (HcHub     *self,
             HeldEvent *event)
{
  if (event->removed)
    {
      hc_hub_events_flush (self);
      if (event->removed_id != NULL)
        hc_item_store_remove (self->stores[event->kind], event->removed_id);
      if (self->state == HC_HUB_CONNECTED)
        hc_hub_touch_updated (self, NULL);
    }
  else
    /* "Updated" is touched when it goes in. */
    apply_later (self, event->kind, event->item);

  hc_hub_schedule_overview (self);
}

/* From now until hc_hub_events_take_held(), events wait. */
void
hc_hub_events_hold (HcHub *self)
{
  /* What came before the fetch goes in before its pages. */
  hc_hub_events_flush (self);
  if (self->held_events == NULL)
    self->held_events = g_ptr_array_new_with_free_func (held_event_free);
}

/* The events held so far (or NULL); events apply at once again. */
GPtrArray *
hc_hub_events_take_held (HcHub *self)
{
  return g_steal_pointer (&self->held_events);
}

void
hc_hub_events_apply_held (HcHub     *self,
                          GPtrArray *held)
{
  for (guint i = 0; held != NULL && i < held->len; i++)
    {
      apply_event (self, g_ptr_array_index (held, i));
    }
}

static void
stream_event_cb (HcEventStream *stream,
                 const char    *name,
                 JsonNode      *data,
                 const char    *id,
                 HcHub         *self)
{
  HeldEvent *event = read_event (name, data);

  if (event == NULL)
    return;
  /* Told at once (the notifier), also while the lists are fetched. */
  if (event->item != NULL)
    hc_hub_emit_item_event (self, name, event->item, id);

  if (self->fetch != NULL && self->held_events != NULL)
    {
      g_ptr_array_add (self->held_events, event);
      return;
    }
  apply_event (self, event);
  held_event_free (event);
}

static void
stream_reset_cb (HcEventStream *stream,
                 HcHub         *self)
{
  g_debug ("Hub %s asked for a fresh start", self->key);
  hc_hub_fetch_start (self);
}

static gboolean
poll_cb (gpointer user_data)
{
  HcHub *self = user_data;

  g_clear_pointer (&self->events_poll_source, g_source_unref);
  /* /me, the overview and the lists again (cheap where the ETag holds),
   * and one more try of the event stream. */
  hc_hub_refresh (self);
  return G_SOURCE_REMOVE;
}

/*
 * hc_hub_events_set_error:
 * The event stream stopped for good with @error (a hub without /events, or
 * one that refuses it): the hub is partly read, and its lists are read
 * again every poll interval so they do not silently go stale. NULL: the
 * stream is live again and the polling ends.
 */
void
hc_hub_events_set_error (HcHub        *self,
                         const GError *error)
{
  if (error == NULL)
    hc_hub_clear_source (&self->events_poll_source);
  else if (self->events_poll_source == NULL && self->started)
    {
      self->events_poll_source = g_timeout_source_new_seconds (self->poll_interval);
      g_source_set_callback (self->events_poll_source, poll_cb, self, NULL);
      g_source_set_name (self->events_poll_source, "[hub-console] hub poll without events");
      g_source_attach (self->events_poll_source, NULL);
    }

  if (self->events_error == NULL && error == NULL)
    return;
  g_clear_error (&self->events_error);
  if (error != NULL)
    self->events_error = g_error_copy (error);
  hc_hub_notify (self, HC_HUB_PROP_PARTIAL);
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
      hc_hub_events_set_error (self, NULL);
      /* After every (re)connect the lists are fetched again: events missed
       * while away may be beyond what the hub can replay. */
      hc_hub_fetch_start (self);
      break;

    case HC_EVENT_STREAM_RECONNECTING:
      if (self->fetch_pending)
        hc_hub_fetch_start (self);
      else if (error != NULL && self->state == HC_HUB_CONNECTED)
        {
          hc_hub_set_last_error (self, error);
          hc_hub_set_state (self, HC_HUB_OFFLINE);
        }
      break;

    case HC_EVENT_STREAM_STOPPED:
      if (hc_error_get_recovery (error) == HC_ERROR_RECOVERY_SIGN_IN)
        hc_hub_sign_out (self, error);
      else if (error != NULL && hc_error_get_recovery (error) != HC_ERROR_RECOVERY_NONE)
        {
          hc_hub_set_last_error (self, error);
          hc_hub_events_set_error (self, error);
          if (self->fetch_pending)
            hc_hub_fetch_start (self);
        }
      break;

    case HC_EVENT_STREAM_CONNECTING:
    default:
      break;
    }
}

void
hc_hub_events_connect (HcHub *self)
{
  g_signal_connect_object (self->stream, "event", G_CALLBACK (stream_event_cb), self, 0);
  g_signal_connect_object (self->stream, "reset", G_CALLBACK (stream_reset_cb), self, 0);
  g_signal_connect_object (self->stream, "state-changed", G_CALLBACK (stream_state_cb), self, 0);
}
