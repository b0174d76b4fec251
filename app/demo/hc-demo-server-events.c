/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The demo hub's event stream (Server-Sent Events): the store's committed
 * events fanned out to every open stream, replay after Last-Event-ID,
 * heartbeats, and streams ended when their client leaves or falls behind. */
#include "config.h"

#include <errno.h>
#include <sys/socket.h>
#include <string.h>

#include "hc-demo-server-private.h"

/* An SSE client this far behind is cut off rather than buffered forever. */
#define STREAM_BACKLOG_MAX (8 * 1024 * 1024)

typedef struct {
  HcDemoServer      *server;
  SoupServerMessage *msg;
  GSource           *watch;
  gint64             queued;
  gint64             written;
  gboolean           closed;
} Stream;

void
hc_demo_server_events_free_stream (gpointer data)
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

void
hc_demo_server_events_store_cb (HcDemoStore  *store,
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

gboolean
hc_demo_server_events_heartbeat_cb (gpointer data)
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

void
hc_demo_server_events_stream (HcDemoRequest *req)
{
  HcDemoServer *self = req->server;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  const char *last = soup_message_headers_get_one (soup_server_message_get_request_headers (req->msg),
                                                   "Last-Event-ID");
  Stream *stream;
  gint64 oldest = 0, newest = 0, after = 0;

  if (!hc_demo_http_check_params (req, NULL))
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

void
hc_demo_server_events_close_all (HcDemoServer *self)
{
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
}
