/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hc-error.h"
#include "hc-sse-parser.h"

/*
 * Follows "Interpreting an event stream" of the WHATWG HTML standard:
 * lines end in CR, LF or CRLF (a CRLF may be split between two feeds), a
 * UTF-8 BOM at the start of the stream is dropped, invalid UTF-8 becomes
 * U+FFFD, an empty line dispatches, and an event whose data is empty is not
 * dispatched (but its id still counts).
 */

static const guchar bom[3] = { 0xEF, 0xBB, 0xBF };

struct _HcSseParser
{
  gsize             max_event_size;

  GString          *line;           /* the line being received, raw bytes */
  GString          *data;           /* data buffer, each line followed by \n */
  GString          *event_type;     /* event type buffer */
  char             *id_buffer;      /* last event ID buffer */
  char             *last_event_id;  /* last event ID string, set at dispatch */
  gint64            retry;          /* last valid retry: in ms, -1 if none */

  guint             bom_seen;       /* BOM bytes matched so far at the stream start */
  guint             at_start : 1;   /* nothing but BOM bytes seen yet */
  guint             saw_cr : 1;     /* the last byte fed was a CR */
  guint             failed : 1;     /* over the limit: refuse input until reset */
  guint             generation;     /* bumped by reset, so feed notices a reset from a callback */

  guint64           n_comments;
  guint64           n_events;

  HcSseEventFunc    event_func;
  gpointer          event_data;
  GDestroyNotify    event_destroy;
  HcSseCommentFunc  comment_func;
  gpointer          comment_data;
  GDestroyNotify    comment_destroy;
};

/**
 * hc_sse_parser_new:
 * @max_event_size: the largest line, and the largest event (data and type
 *   together), in bytes; beyond it feeding fails with
 *   HC_ERROR_RESPONSE_TOO_LARGE
 */
HcSseParser *
hc_sse_parser_new (gsize max_event_size)
{
  HcSseParser *self;

  g_return_val_if_fail (max_event_size > 0, NULL);

  self = g_new0 (HcSseParser, 1);
  self->max_event_size = max_event_size;
  self->line = g_string_new (NULL);
  self->data = g_string_new (NULL);
  self->event_type = g_string_new (NULL);
  self->retry = -1;
  self->at_start = TRUE;

  return self;
}

void
hc_sse_parser_free (HcSseParser *self)
{
  if (self == NULL)
    return;

  hc_sse_parser_set_callback (self, NULL, NULL, NULL);
  hc_sse_parser_set_comment_callback (self, NULL, NULL, NULL);

  g_string_free (self->line, TRUE);
  g_string_free (self->data, TRUE);
  g_string_free (self->event_type, TRUE);
  g_free (self->id_buffer);
  g_free (self->last_event_id);
  g_free (self);
}

void
hc_sse_parser_set_callback (HcSseParser    *self,
                            HcSseEventFunc  func,
                            gpointer        user_data,
                            GDestroyNotify  destroy)
{
  g_return_if_fail (self != NULL);

  if (self->event_destroy != NULL)
    self->event_destroy (self->event_data);

  self->event_func = func;
  self->event_data = user_data;
  self->event_destroy = destroy;
}

/**
 * hc_sse_parser_set_comment_callback:
 * Called for every comment line; the hub's heartbeats are comments, so a
 * watchdog resets here.
 */
void
hc_sse_parser_set_comment_callback (HcSseParser      *self,
                                    HcSseCommentFunc  func,
                                    gpointer          user_data,
                                    GDestroyNotify    destroy)
{
  g_return_if_fail (self != NULL);

  if (self->comment_destroy != NULL)
    self->comment_destroy (self->comment_data);

  self->comment_func = func;
  self->comment_data = user_data;
  self->comment_destroy = destroy;
}

/**
 * hc_sse_parser_reset:
 * Starts a new stream (a new connection): drops the partial line and event
 * and the error state, expects a BOM again. Keeps the last event id and
 * retry, which outlive connections (they are what a reconnect sends).
 */
void
hc_sse_parser_reset (HcSseParser *self)
{
  g_return_if_fail (self != NULL);

  g_string_truncate (self->line, 0);
  g_string_truncate (self->data, 0);
  g_string_truncate (self->event_type, 0);
  g_free (self->id_buffer);
  self->id_buffer = g_strdup (self->last_event_id);
  self->bom_seen = 0;
  self->at_start = TRUE;
  self->saw_cr = FALSE;
  self->failed = FALSE;
  self->generation++;
}

/**
 * hc_sse_parser_get_last_event_id:
 * The id of the last dispatched event (the value for Last-Event-ID), or
 * %NULL if the stream never set one or set it empty.
 */
const char *
hc_sse_parser_get_last_event_id (HcSseParser *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->last_event_id == NULL || *self->last_event_id == '\0')
    return NULL;

  return self->last_event_id;
}

/**
 * hc_sse_parser_get_retry:
 * The last valid `retry:` the stream sent, in milliseconds, or -1.
 */
gint64
hc_sse_parser_get_retry (HcSseParser *self)
{
  g_return_val_if_fail (self != NULL, -1);

  return self->retry;
}

guint64
hc_sse_parser_get_comment_count (HcSseParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_comments;
}

guint64
hc_sse_parser_get_event_count (HcSseParser *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_events;
}

static gboolean
hc_sse_parser_fail (HcSseParser  *self,
                    GError      **error)
{
  self->failed = TRUE;
  g_set_error (error, HC_ERROR, HC_ERROR_RESPONSE_TOO_LARGE,
               _("an event from the hub is larger than %lu bytes"),
               (unsigned long) self->max_event_size);
  return FALSE;
}

/* Text for a callback: valid UTF-8 without NULs, which would cut it short. */
static char *
hc_sse_parser_to_text (const char *bytes,
                       gsize       len)
{
  g_autoptr(GString) clean = NULL;
  const char *nul = memchr (bytes, '\0', len);

  if (nul == NULL)
    return g_utf8_make_valid (bytes, len);

  clean = g_string_sized_new (len + 8);
  for (gsize i = 0; i < len; i++)
    {
      if (bytes[i] == '\0')
        g_string_append (clean, "\xEF\xBF\xBD");
      else
        g_string_append_c (clean, bytes[i]);
    }

  return g_utf8_make_valid (clean->str, clean->len);
}

static void
hc_sse_parser_dispatch (HcSseParser *self)
{
  g_autofree char *data = NULL;
  g_autofree char *event_type = NULL;

  /* The id counts even for an event that is not dispatched. */
  if (g_strcmp0 (self->last_event_id, self->id_buffer) != 0)
    {
      g_free (self->last_event_id);
      self->last_event_id = g_strdup (self->id_buffer);
    }

  if (self->data->len == 0)
    {
      g_string_truncate (self->event_type, 0);
      return;
    }

  /* Every data line added a \n; the last one is not part of the data. */
  g_string_truncate (self->data, self->data->len - 1);

  data = g_string_free (g_steal_pointer (&self->data), FALSE);
  self->data = g_string_new (NULL);
  event_type = g_strdup (self->event_type->len > 0 ? self->event_type->str : "message");
  g_string_truncate (self->event_type, 0);

  self->n_events++;
  if (self->event_func != NULL)
    self->event_func (hc_sse_parser_get_last_event_id (self), event_type, data, self->event_data);
}

static gboolean
hc_sse_parser_all_digits (const char *s,
                          gsize       len)
{
  if (len == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;

  return TRUE;
}

#define FIELD_IS(name) (field_len == strlen (name) && memcmp (line, name, field_len) == 0)

static gboolean
hc_sse_parser_process_line (HcSseParser  *self,
                            GError      **error)
{
  const char *line = self->line->str;
  gsize len = self->line->len;
  const char *colon;
  const char *value;
  gsize field_len;
  gsize value_len;

  if (len == 0)
    {
      hc_sse_parser_dispatch (self);
      return TRUE;
    }

  if (line[0] == ':')
    {
      g_autofree char *text = hc_sse_parser_to_text (line + 1, len - 1);

      self->n_comments++;
      if (self->comment_func != NULL)
        self->comment_func (text, self->comment_data);
      return TRUE;
    }

  colon = memchr (line, ':', len);
  if (colon != NULL)
    {
      field_len = colon - line;
      value = colon + 1;
      value_len = len - field_len - 1;
      if (value_len > 0 && value[0] == ' ')
        {
          value++;
          value_len--;
        }
    }
  else
    {
      field_len = len;
      value = line + len;
      value_len = 0;
    }

  if (FIELD_IS ("data"))
    {
      g_autofree char *text = hc_sse_parser_to_text (value, value_len);
      gsize text_len = strlen (text);

      if (self->data->len + text_len + 1 + self->event_type->len > self->max_event_size)
        return hc_sse_parser_fail (self, error);

      g_string_append_len (self->data, text, text_len);
      g_string_append_c (self->data, '\n');
    }
  else if (FIELD_IS ("event"))
    {
      g_autofree char *text = hc_sse_parser_to_text (value, value_len);

      g_string_assign (self->event_type, text);
      if (self->data->len + self->event_type->len > self->max_event_size)
        return hc_sse_parser_fail (self, error);
    }
  else if (FIELD_IS ("id"))
    {
      /* An id with a NUL is ignored, as the standard says. */
      if (memchr (value, '\0', value_len) == NULL)
        {
          g_free (self->id_buffer);
          self->id_buffer = g_utf8_make_valid (value, value_len);
        }
    }
  else if (FIELD_IS ("retry"))
    {
      guint64 ms;
      g_autofree char *digits = g_strndup (value, value_len);

      if (hc_sse_parser_all_digits (value, value_len) &&
          g_ascii_string_to_unsigned (digits, 10, 0, G_MAXINT64, &ms, NULL))
        self->retry = (gint64) ms;
    }
  /* Any other field is ignored. */

  return TRUE;
}

#undef FIELD_IS

/**
 * hc_sse_parser_feed:
 * Feeds the next @len bytes of the stream. Events complete in them are
 * delivered before this returns.
 *
 * Returns: %FALSE with HC_ERROR_RESPONSE_TOO_LARGE when a line or event
 *   exceeds the limit; the parser then refuses input until reset
 */
gboolean
hc_sse_parser_feed (HcSseParser  *self,
                    const char   *data,
                    gsize         len,
                    GError      **error)
{
  guint generation;
  gsize i = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failed)
    return hc_sse_parser_fail (self, error);

  generation = self->generation;

  /* A BOM may arrive one byte per feed; a partial match was data after all. */
  while (self->at_start && i < len)
    {
      if ((guchar) data[i] == bom[self->bom_seen])
        {
          i++;
          if (++self->bom_seen == G_N_ELEMENTS (bom))
            self->at_start = FALSE;
          continue;
        }

      g_string_append_len (self->line, (const char *) bom, self->bom_seen);
      self->at_start = FALSE;
    }

  while (i < len)
    {
      gsize j;

      if (self->saw_cr)
        {
          self->saw_cr = FALSE;
          if (data[i] == '\n')
            {
              i++;
              continue;
            }
        }

      for (j = i; j < len && data[j] != '\r' && data[j] != '\n'; j++)
        ;

      if (self->line->len + (j - i) > self->max_event_size)
        return hc_sse_parser_fail (self, error);

      g_string_append_len (self->line, data + i, j - i);
      if (j == len)
        break;

      self->saw_cr = data[j] == '\r';
      i = j + 1;

      if (!hc_sse_parser_process_line (self, error))
        return FALSE;
      g_string_truncate (self->line, 0);

      /* A callback reset the parser: the rest of this chunk is from the old stream. */
      if (self->generation != generation)
        return TRUE;
    }

  return TRUE;
}
