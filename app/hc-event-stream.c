/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-backoff.h"
#include "hc-client-private.h"
#include "hc-error.h"
#include "hc-event-stream.h"
#include "hc-sse-parser.h"

#define READ_CHUNK          (16 * 1024)
/* A connection that stayed up this long, or delivered an event, was
 * healthy: the next failure starts the backoff from the beginning. */
#define HEALTHY_AFTER_US    (30 * G_USEC_PER_SEC)

struct _HcEventStream
{
  GObject             parent_instance;

  HcClient           *client;
  HcEventStreamState  state;
  GError             *last_error;
  char               *last_event_id;

  guint               watchdog_s;
  HcBackoff           backoff;
  guint               reconnects;
  gboolean            ever_live;

  /* One connection. */
  GCancellable       *cancellable;
  GCancellable       *client_cancellable;
  gulong              client_handler;
  HcResponse         *response;
  HcSseParser        *parser;
  HcSseParser        *dead_parser;
  JsonParser         *json;     /* each event's data, one after the other */
  gboolean            feeding;
  gint64              connected_at;
  gint64              last_activity;
  guint               events_this_connection;
  GSource            *watchdog;
  GSource            *retry;
};

G_DEFINE_FINAL_TYPE (HcEventStream, hc_event_stream, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HcEventStreamState, hc_event_stream_state,
  G_DEFINE_ENUM_VALUE (HC_EVENT_STREAM_STOPPED, "stopped"),
  G_DEFINE_ENUM_VALUE (HC_EVENT_STREAM_CONNECTING, "connecting"),
  G_DEFINE_ENUM_VALUE (HC_EVENT_STREAM_LIVE, "live"),
  G_DEFINE_ENUM_VALUE (HC_EVENT_STREAM_RECONNECTING, "reconnecting"))

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  N_PROPS
};

enum {
  SIGNAL_EVENT,
  SIGNAL_RESET,
  SIGNAL_STATE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void connect_now (HcEventStream *self);

static void
set_state (HcEventStream      *self,
           HcEventStreamState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
  g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0, state, self->last_error);
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

/* Drops the current connection, if any, without touching the state. */
static void
close_connection (HcEventStream *self)
{
  clear_source (&self->watchdog);
  if (self->client_handler != 0)
    g_cancellable_disconnect (self->client_cancellable, self->client_handler);
  self->client_handler = 0;
  g_clear_object (&self->client_cancellable);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->response, hc_response_free);

  /* An event handler may stop us from inside hc_sse_parser_feed(), which
   * must not free the parser it runs in: free it once feed returns. */
  if (self->feeding && self->parser != NULL)
    {
      hc_sse_parser_reset (self->parser);
      g_clear_pointer (&self->dead_parser, hc_sse_parser_free);
      self->dead_parser = g_steal_pointer (&self->parser);
    }
  g_clear_pointer (&self->parser, hc_sse_parser_free);
}

static gboolean
retry_cb (gpointer user_data)
{
  HcEventStream *self = user_data;

  g_clear_pointer (&self->retry, g_source_unref);
  self->reconnects++;
  connect_now (self);
  return G_SOURCE_REMOVE;
}

/* Takes @error. Closes the connection and either schedules the next
 * attempt or, when retrying cannot help, stops. */
static void
fail (HcEventStream *self,
      GError        *error)
{
  gint64 now = g_get_monotonic_time ();
  guint delay_ms;

  g_debug ("Event stream failed: %s", error->message);

  if (self->connected_at != 0
      && (now - self->connected_at >= HEALTHY_AFTER_US || self->events_this_connection > 0))
    hc_backoff_reset (&self->backoff);

  close_connection (self);
  g_clear_error (&self->last_error);
  self->last_error = error;

  /* A cancellation from outside (the client's cancel_all) means stop. */
  if (hc_error_get_recovery (error) != HC_ERROR_RECOVERY_RETRY)
    {
      set_state (self, HC_EVENT_STREAM_STOPPED);
      return;
    }

  delay_ms = hc_backoff_next (&self->backoff, hc_client_get_retry_after (self->client));

  self->retry = g_timeout_source_new (delay_ms);
  g_source_set_callback (self->retry, retry_cb, self, NULL);
  g_source_set_static_name (self->retry, "[hc] event stream retry");
  g_source_attach (self->retry, g_main_context_get_thread_default ());

  /* A notify even when already reconnecting: last_error changed. */
  if (self->state == HC_EVENT_STREAM_RECONNECTING)
    g_signal_emit (self, signals[SIGNAL_STATE_CHANGED], 0, self->state, self->last_error);
  else
    set_state (self, HC_EVENT_STREAM_RECONNECTING);
}

static gboolean
watchdog_cb (gpointer user_data)
{
  HcEventStream *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 due = self->last_activity + (gint64) self->watchdog_s * G_USEC_PER_SEC;

  g_clear_pointer (&self->watchdog, g_source_unref);

  if (now < due)
    {
      /* Bytes arrived since this was armed: sleep until the new due time.
       * One timer per period instead of one per chunk keeps idle cheap. */
      self->watchdog = g_timeout_source_new ((guint) ((due - now) / 1000) + 1);
      g_source_set_callback (self->watchdog, watchdog_cb, self, NULL);
      g_source_set_static_name (self->watchdog, "[hc] event stream watchdog");
      g_source_attach (self->watchdog, g_main_context_get_thread_default ());
      return G_SOURCE_REMOVE;
    }

  fail (self, g_error_new (HC_ERROR, HC_ERROR_TIMED_OUT,
                           g_dngettext (GETTEXT_PACKAGE,
                                        "The hub sent nothing, not even a heartbeat, for %u second.",
                                        "The hub sent nothing, not even a heartbeat, for %u seconds.",
                                        self->watchdog_s),
                           self->watchdog_s));
  return G_SOURCE_REMOVE;
}

static void
event_cb (const char *id,
          const char *event,
          const char *data,
          gpointer    user_data)
{
  HcEventStream *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;

  if (id != NULL && g_strcmp0 (id, self->last_event_id) != 0)
    {
      g_free (self->last_event_id);
      self->last_event_id = g_strdup (id);
    }

  self->events_this_connection++;

  if (g_strcmp0 (event, "reset") == 0)
    {
      g_signal_emit (self, signals[SIGNAL_RESET], 0);
      return;
    }

  /* One parser for all (a burst is thousands of events); the root held
   * while it is told, whatever the handlers do. */
  if (self->json == NULL)
    self->json = json_parser_new_immutable ();
  if (!json_parser_load_from_data (self->json, data ? data : "", -1, &error)
      || (root = json_parser_steal_root (self->json)) == NULL)
    {
      g_debug ("Skipping event “%s” whose data is not JSON: %s", event,
               error ? error->message : "empty");
      return;
    }

  g_signal_emit (self, signals[SIGNAL_EVENT], g_quark_try_string (event), event, root, id);
}

static void read_cb (GObject *object, GAsyncResult *result, gpointer user_data);

static void
read_next (HcEventStream *self)
{
  g_input_stream_read_bytes_async (self->response->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   self->cancellable, read_cb, g_object_ref (self));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(HcEventStream) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;
  GError *parse_error = NULL;
  GCancellable *cancellable;
  gboolean ok;
  gsize len;
  const char *data;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);

  /* Stopped, or this connection was already given up. */
  if (self->response == NULL || G_INPUT_STREAM (object) != self->response->stream)
    return;

  if (chunk == NULL)
    {
      fail (self, hc_client_error_from_transport (self->client, error, NULL));
      return;
    }

  data = g_bytes_get_data (chunk, &len);
  if (len == 0)
    {
      fail (self, g_error_new_literal (HC_ERROR, HC_ERROR_UNREACHABLE,
                                       _("The hub closed the event stream.")));
      return;
    }

  self->last_activity = g_get_monotonic_time ();

  /* Handlers may stop us while we feed: keep hold of this connection. */
  cancellable = g_object_ref (self->cancellable);
  self->feeding = TRUE;
  ok = hc_sse_parser_feed (self->parser, data, len, &parse_error);
  self->feeding = FALSE;
  g_clear_pointer (&self->dead_parser, hc_sse_parser_free);
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_clear_error (&parse_error);
      g_object_unref (cancellable);
      return;
    }
  if (!ok)
    {
      g_object_unref (cancellable);
      if (parse_error->domain != HC_ERROR)
        {
          GError *mapped = g_error_new (HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                                        _("The event stream is malformed: %s"), parse_error->message);
          g_error_free (parse_error);
          parse_error = mapped;
        }
      fail (self, parse_error);
      return;
    }

  if (self->response != NULL)
    read_next (self);
  g_object_unref (cancellable);
}

typedef struct {
  HcEventStream *self;
  GCancellable  *attempt;
} Attempt;

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Attempt *attempt = user_data;
  g_autoptr(HcEventStream) self = attempt->self;
  g_autoptr(GCancellable) attempt_cancellable = attempt->attempt;
  g_autoptr(GError) error = NULL;
  HcResponse *response;

  g_free (attempt);
  response = hc_client_open_stream_finish (HC_CLIENT (object), result, &error);

  /* Stopped, or this attempt was given up for another. */
  if (self->state == HC_EVENT_STREAM_STOPPED || self->cancellable != attempt_cancellable)
    {
      g_clear_pointer (&response, hc_response_free);
      return;
    }

  if (response != NULL && g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&response, hc_response_free);
      fail (self, g_error_new_literal (HC_ERROR, HC_ERROR_CANCELLED, _("The request was cancelled.")));
      return;
    }

  if (response == NULL)
    {
      fail (self, g_steal_pointer (&error));
      return;
    }

  if (response->content_type == NULL
      || g_ascii_strcasecmp (response->content_type, "text/event-stream") != 0)
    {
      hc_response_free (response);
      fail (self, g_error_new_literal (HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                                       _("The hub’s event stream is not text/event-stream.")));
      return;
    }

  self->response = response;
  self->parser = hc_sse_parser_new (hc_client_get_max_event_size (self->client));
  hc_sse_parser_set_callback (self->parser, event_cb, self, NULL);
  self->connected_at = g_get_monotonic_time ();
  self->last_activity = self->connected_at;
  self->events_this_connection = 0;

  if (self->watchdog_s > 0)
    {
      self->watchdog = g_timeout_source_new_seconds (self->watchdog_s);
      g_source_set_callback (self->watchdog, watchdog_cb, self, NULL);
      g_source_set_static_name (self->watchdog, "[hc] event stream watchdog");
      g_source_attach (self->watchdog, g_main_context_get_thread_default ());
    }

  self->ever_live = TRUE;
  g_clear_error (&self->last_error);
  set_state (self, HC_EVENT_STREAM_LIVE);

  /* A state-changed handler may have stopped us. */
  if (self->response != NULL)
    read_next (self);
}

static void
cancel_connection_cb (GCancellable *client_cancellable,
                      GCancellable *connection)
{
  g_cancellable_cancel (connection);
}

static void
connect_now (HcEventStream *self)
{
  Attempt *attempt;

  close_connection (self);
  self->cancellable = g_cancellable_new ();
  /* hc_client_cancel_all() ends the open stream too, not only requests. */
  self->client_cancellable = g_object_ref (hc_client_get_cancellable (self->client));
  self->client_handler = g_cancellable_connect (self->client_cancellable,
                                                G_CALLBACK (cancel_connection_cb),
                                                self->cancellable, NULL);
  self->connected_at = 0;

  set_state (self, self->ever_live || self->reconnects > 0
                   ? HC_EVENT_STREAM_RECONNECTING
                   : HC_EVENT_STREAM_CONNECTING);

  attempt = g_new0 (Attempt, 1);
  attempt->self = g_object_ref (self);
  attempt->attempt = g_object_ref (self->cancellable);
  hc_client_open_stream_async (self->client, "/events", "text/event-stream",
                               self->last_event_id, self->cancellable,
                               opened_cb, attempt);
}

/* ---- object ------------------------------------------------------------- */

static void
hc_event_stream_dispose (GObject *object)
{
  HcEventStream *self = HC_EVENT_STREAM (object);

  clear_source (&self->retry);
  close_connection (self);
  g_clear_object (&self->client);

  G_OBJECT_CLASS (hc_event_stream_parent_class)->dispose (object);
}

static void
hc_event_stream_finalize (GObject *object)
{
  HcEventStream *self = HC_EVENT_STREAM (object);

  g_clear_error (&self->last_error);
  g_clear_pointer (&self->dead_parser, hc_sse_parser_free);
  g_clear_object (&self->json);
  g_free (self->last_event_id);

  G_OBJECT_CLASS (hc_event_stream_parent_class)->finalize (object);
}

static void
hc_event_stream_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcEventStream *self = HC_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_event_stream_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HcEventStream *self = HC_EVENT_STREAM (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_event_stream_class_init (HcEventStreamClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_event_stream_dispose;
  object_class->finalize = hc_event_stream_finalize;
  object_class->get_property = hc_event_stream_get_property;
  object_class->set_property = hc_event_stream_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HC_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, HC_TYPE_EVENT_STREAM_STATE, HC_EVENT_STREAM_STOPPED,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Detailed by event name, e.g. "event::alert.updated". */
  signals[SIGNAL_EVENT] =
    g_signal_new ("event", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE,
                  JSON_TYPE_NODE | G_SIGNAL_TYPE_STATIC_SCOPE,
                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);
  signals[SIGNAL_RESET] =
    g_signal_new ("reset", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_STATE_CHANGED] =
    g_signal_new ("state-changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2,
                  HC_TYPE_EVENT_STREAM_STATE,
                  G_TYPE_ERROR | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
hc_event_stream_init (HcEventStream *self)
{
  self->watchdog_s = HC_EVENT_STREAM_DEFAULT_WATCHDOG;
  hc_backoff_init (&self->backoff, HC_EVENT_STREAM_DEFAULT_BACKOFF_MS, HC_EVENT_STREAM_DEFAULT_BACKOFF_MAX);
}

HcEventStream *
hc_event_stream_new (HcClient *client)
{
  g_return_val_if_fail (HC_IS_CLIENT (client), NULL);
  return g_object_new (HC_TYPE_EVENT_STREAM, "client", client, NULL);
}

HcClient *
hc_event_stream_get_client (HcEventStream *self)
{
  g_return_val_if_fail (HC_IS_EVENT_STREAM (self), NULL);
  return self->client;
}

/**
 * hc_event_stream_start:
 * Connects (or reconnects now, skipping a pending backoff).
 */
void
hc_event_stream_start (HcEventStream *self)
{
  g_return_if_fail (HC_IS_EVENT_STREAM (self));

  if (self->state == HC_EVENT_STREAM_LIVE || self->state == HC_EVENT_STREAM_CONNECTING)
    return;

  clear_source (&self->retry);
  hc_backoff_reset (&self->backoff);
  connect_now (self);
}

void
hc_event_stream_stop (HcEventStream *self)
{
  g_return_if_fail (HC_IS_EVENT_STREAM (self));

  clear_source (&self->retry);
  close_connection (self);
  self->ever_live = FALSE;
  self->reconnects = 0;
  set_state (self, HC_EVENT_STREAM_STOPPED);
}

HcEventStreamState
hc_event_stream_get_state (HcEventStream *self)
{
  g_return_val_if_fail (HC_IS_EVENT_STREAM (self), HC_EVENT_STREAM_STOPPED);
  return self->state;
}

const GError *
hc_event_stream_get_last_error (HcEventStream *self)
{
  g_return_val_if_fail (HC_IS_EVENT_STREAM (self), NULL);
  return self->last_error;
}

const char *
hc_event_stream_get_last_event_id (HcEventStream *self)
{
  g_return_val_if_fail (HC_IS_EVENT_STREAM (self), NULL);
  return self->last_event_id;
}

void
hc_event_stream_set_last_event_id (HcEventStream *self,
                                   const char    *id)
{
  g_return_if_fail (HC_IS_EVENT_STREAM (self));

  g_free (self->last_event_id);
  self->last_event_id = g_strdup (id);
}

guint
hc_event_stream_get_reconnects (HcEventStream *self)
{
  g_return_val_if_fail (HC_IS_EVENT_STREAM (self), 0);
  return self->reconnects;
}

void
hc_event_stream_set_watchdog (HcEventStream *self,
                              guint          seconds)
{
  g_return_if_fail (HC_IS_EVENT_STREAM (self));
  self->watchdog_s = seconds;
}

void
hc_event_stream_set_backoff (HcEventStream *self,
                             guint          initial_ms,
                             guint          max_ms)
{
  g_return_if_fail (HC_IS_EVENT_STREAM (self));
  g_return_if_fail (initial_ms > 0 && max_ms >= initial_ms);

  hc_backoff_init (&self->backoff, initial_ms, max_ms);
}
