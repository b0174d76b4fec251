/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hc-error.h"
#include "hc-sse-parser.h"

/* Everything the parser reported, as one string to compare runs. */
typedef struct {
  GString *log;
  guint    events;
  guint    comments;
  HcSseParser *parser;
  guint    reset_after; /* reset the parser from the callback after this many events; 0: never */
} Recorder;

static void
on_event (const char *id,
          const char *event,
          const char *data,
          gpointer    user_data)
{
  Recorder *recorder = user_data;

  g_assert_nonnull (event);
  g_assert_nonnull (data);
  g_assert_true (g_utf8_validate (data, -1, NULL));
  g_string_append_printf (recorder->log, "[id=%s event=%s data=%s]", id ? id : "(null)", event, data);
  recorder->events++;

  if (recorder->reset_after != 0 && recorder->events == recorder->reset_after)
    hc_sse_parser_reset (recorder->parser);
}

static void
on_comment (const char *text,
            gpointer    user_data)
{
  Recorder *recorder = user_data;

  g_string_append_printf (recorder->log, "[comment=%s]", text);
  recorder->comments++;
}

static HcSseParser *
recorder_parser (Recorder *recorder,
                 gsize     max)
{
  HcSseParser *parser = hc_sse_parser_new (max);

  memset (recorder, 0, sizeof *recorder);
  recorder->log = g_string_new (NULL);
  recorder->parser = parser;
  hc_sse_parser_set_callback (parser, on_event, recorder, NULL);
  hc_sse_parser_set_comment_callback (parser, on_comment, recorder, NULL);
  return parser;
}

/* Feeds @stream in chunks whose sizes come from @sizes (cycled), or whole. */
static char *
run_stream (const char  *stream,
            gsize        len,
            const guint *sizes,
            guint        n_sizes,
            HcSseParser **out_parser)
{
  Recorder recorder;
  HcSseParser *parser = recorder_parser (&recorder, 4096);
  gsize offset = 0;
  guint k = 0;

  while (offset < len)
    {
      /* MIN evaluates its arguments twice: take the size first. */
      gsize size = n_sizes ? sizes[k++ % n_sizes] : len;
      gsize chunk = MIN (size, len - offset);
      g_autoptr(GError) error = NULL;

      g_assert_true (hc_sse_parser_feed (parser, stream + offset, chunk, &error));
      g_assert_no_error (error);
      offset += chunk;
    }

  if (out_parser != NULL)
    *out_parser = parser;
  else
    hc_sse_parser_free (parser);

  return g_string_free (recorder.log, FALSE);
}

static void
check_stream (const char *stream,
              gsize       len,
              const char *expected)
{
  const guint one[] = { 1 };
  const guint two[] = { 2 };
  g_autofree char *whole = run_stream (stream, len, NULL, 0, NULL);
  g_autofree char *bytes = run_stream (stream, len, one, 1, NULL);
  g_autofree char *pairs = run_stream (stream, len, two, 1, NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  g_assert_cmpstr (whole, ==, expected);
  g_assert_cmpstr (bytes, ==, expected);
  g_assert_cmpstr (pairs, ==, expected);

  /* Random chunk boundaries, many times. */
  for (guint round = 0; round < 50; round++)
    {
      guint sizes[16];
      g_autofree char *random = NULL;

      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        sizes[i] = g_rand_int_range (rand, 1, 12);
      random = run_stream (stream, len, sizes, G_N_ELEMENTS (sizes), NULL);
      g_assert_cmpstr (random, ==, expected);
    }
}

#define CHECK(stream, expected) check_stream (stream, sizeof (stream) - 1, expected)

static void
test_spec_examples (void)
{
  /* The examples of the WHATWG standard. */
  CHECK ("data: YHOO\ndata: +2\ndata: 10\n\n",
         "[id=(null) event=message data=YHOO\n+2\n10]");
  CHECK (": test stream\n\ndata: first event\nid: 1\n\ndata:second event\nid\n\ndata:  third event\n\n",
         "[comment= test stream][id=1 event=message data=first event]"
         "[id=(null) event=message data=second event][id=(null) event=message data= third event]");
  CHECK ("data\n\ndata\ndata\n\ndata:",
         "[id=(null) event=message data=][id=(null) event=message data=\n]");
  CHECK ("data:test\n\ndata: test\n\n",
         "[id=(null) event=message data=test][id=(null) event=message data=test]");
}

static void
test_line_endings (void)
{
  CHECK ("data: a\r\ndata: b\r\n\r\n", "[id=(null) event=message data=a\nb]");
  CHECK ("data: a\rdata: b\r\r", "[id=(null) event=message data=a\nb]");
  CHECK ("data: a\r\n\rdata: b\n\r\n", "[id=(null) event=message data=a][id=(null) event=message data=b]");
  /* CR LF is one line end, LF CR is two. */
  CHECK ("data: a\n\rdata: b\n\n", "[id=(null) event=message data=a][id=(null) event=message data=b]");
  /* No blank line at the end: the last event never completes. */
  CHECK ("data: a\n\ndata: b\n", "[id=(null) event=message data=a]");
}

static void
test_fields (void)
{
  CHECK ("event: source.updated\ndata: {\"id\": \"s\"}\nid: 41\n\ndata: x\n\n",
         "[id=41 event=source.updated data={\"id\": \"s\"}][id=41 event=message data=x]");
  /* Unknown fields and a field with no colon are ignored (data without colon is empty data). */
  CHECK ("foo: bar\nevent\ndata: y\n\n", "[id=(null) event=message data=y]");
  /* Only one leading space is stripped; colons in the value stay. */
  CHECK ("data:   a: b\n\n", "[id=(null) event=message data=  a: b]");
  /* An event with only an id sets the id but dispatches nothing. */
  CHECK ("id: 7\n\ndata: z\n\n", "[id=7 event=message data=z]");
  /* An id with NUL is ignored. */
  CHECK ("id: 1\n\nid: 2\0x\ndata: n\n\n", "[id=1 event=message data=n]");
  /* Comments, including the heartbeat. */
  CHECK (": heartbeat\n:\n", "[comment= heartbeat][comment=]");
  /* A leading BOM is dropped once; a second one is part of the field name. */
  CHECK ("\xEF\xBB\xBF" "data: bom\n\n", "[id=(null) event=message data=bom]");
  CHECK ("\xEF\xBB\xBF\xEF\xBB\xBF" "data: twice\n\n", "");
  /* Half a BOM is data. */
  CHECK ("\xEF\xBB" "data: half\n\ndata: ok\n\n", "[id=(null) event=message data=ok]");
  /* Invalid UTF-8 turns into U+FFFD, NUL too. */
  CHECK ("data: a\xFF" "b\n\n", "[id=(null) event=message data=a\xEF\xBF\xBD" "b]");
  CHECK ("data: a\0b\n\n", "[id=(null) event=message data=a\xEF\xBF\xBD" "b]");
}

static void
test_retry_and_ids (void)
{
  Recorder recorder;
  g_autoptr(HcSseParser) parser = recorder_parser (&recorder, 1024);
  const char *stream = "retry: 5000\nretry: 5x\nretry: -1\nretry:\nid: 9\ndata: a\n\n";
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (hc_sse_parser_get_retry (parser), ==, -1);
  g_assert_null (hc_sse_parser_get_last_event_id (parser));

  g_assert_true (hc_sse_parser_feed (parser, stream, strlen (stream), &error));
  g_assert_cmpint (hc_sse_parser_get_retry (parser), ==, 5000);
  g_assert_cmpstr (hc_sse_parser_get_last_event_id (parser), ==, "9");
  g_assert_cmpuint (hc_sse_parser_get_event_count (parser), ==, 1);

  /* The id counts only once its event is complete. */
  g_assert_true (hc_sse_parser_feed (parser, "id: 10\ndata: b\n", 15, &error));
  g_assert_cmpstr (hc_sse_parser_get_last_event_id (parser), ==, "9");
  g_assert_true (hc_sse_parser_feed (parser, "\n", 1, &error));
  g_assert_cmpstr (hc_sse_parser_get_last_event_id (parser), ==, "10");

  /* A reset (new connection) drops the partial event but keeps id and retry. */
  g_assert_true (hc_sse_parser_feed (parser, "id: 11\ndata: lost", 17, &error));
  hc_sse_parser_reset (parser);
  g_assert_true (hc_sse_parser_feed (parser, "\n\ndata: c\n\n", 11, &error));
  g_assert_cmpstr (hc_sse_parser_get_last_event_id (parser), ==, "10");
  g_assert_cmpint (hc_sse_parser_get_retry (parser), ==, 5000);
  g_assert_cmpstr (recorder.log->str, ==,
                   "[id=9 event=message data=a][id=10 event=message data=b][id=10 event=message data=c]");

  g_string_free (recorder.log, TRUE);
}

static void
test_comments_counted (void)
{
  Recorder recorder;
  g_autoptr(HcSseParser) parser = recorder_parser (&recorder, 64);

  for (guint i = 0; i < 5; i++)
    g_assert_true (hc_sse_parser_feed (parser, ": heartbeat\n", 12, NULL));

  g_assert_cmpuint (hc_sse_parser_get_comment_count (parser), ==, 5);
  g_assert_cmpuint (recorder.comments, ==, 5);
  g_assert_cmpuint (recorder.events, ==, 0);
  g_string_free (recorder.log, TRUE);
}

static void
test_too_large (void)
{
  Recorder recorder;
  g_autoptr(HcSseParser) parser = recorder_parser (&recorder, 32);
  g_autoptr(GError) error = NULL;
  char line[40];

  /* A line that never ends: refused once it passes the limit, even fed in pieces. */
  memset (line, 'x', sizeof line);
  g_assert_true (hc_sse_parser_feed (parser, "data: ", 6, &error));
  g_assert_true (hc_sse_parser_feed (parser, line, 20, &error));
  g_assert_false (hc_sse_parser_feed (parser, line, 20, &error));
  g_assert_error (error, HC_ERROR, HC_ERROR_RESPONSE_TOO_LARGE);
  g_clear_error (&error);

  /* Refused until reset, even small input. */
  g_assert_false (hc_sse_parser_feed (parser, "\n\n", 2, &error));
  g_assert_error (error, HC_ERROR, HC_ERROR_RESPONSE_TOO_LARGE);
  g_clear_error (&error);
  g_assert_cmpuint (recorder.events, ==, 0);

  hc_sse_parser_reset (parser);
  g_assert_true (hc_sse_parser_feed (parser, "data: ok\n\n", 10, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (recorder.events, ==, 1);

  /* Short lines that add up to an event over the limit. */
  for (guint i = 0; i < 2; i++)
    g_assert_true (hc_sse_parser_feed (parser, "data: 0123456789\n", 17, &error));
  g_assert_false (hc_sse_parser_feed (parser, "data: 0123456789\n", 17, &error));
  g_assert_error (error, HC_ERROR, HC_ERROR_RESPONSE_TOO_LARGE);
  g_assert_cmpuint (recorder.events, ==, 1);

  g_string_free (recorder.log, TRUE);
}

static void
test_reset_from_callback (void)
{
  Recorder recorder;
  g_autoptr(HcSseParser) parser = recorder_parser (&recorder, 1024);
  const char *stream = "data: one\n\ndata: two\n\n";

  recorder.reset_after = 1;
  g_assert_true (hc_sse_parser_feed (parser, stream, strlen (stream), NULL));
  /* The rest of the chunk belonged to the old connection. */
  g_assert_cmpstr (recorder.log->str, ==, "[id=(null) event=message data=one]");

  g_assert_true (hc_sse_parser_feed (parser, "data: three\n\n", 13, NULL));
  g_assert_cmpuint (recorder.events, ==, 2);
  g_string_free (recorder.log, TRUE);
}

static void
destroy_count (gpointer data)
{
  (*(guint *) data)++;
}

static void
test_destroy_notify (void)
{
  HcSseParser *parser = hc_sse_parser_new (16);
  guint destroyed = 0;

  hc_sse_parser_set_callback (parser, on_event, &destroyed, destroy_count);
  hc_sse_parser_set_callback (parser, on_event, &destroyed, destroy_count);
  g_assert_cmpuint (destroyed, ==, 1);
  hc_sse_parser_set_comment_callback (parser, on_comment, &destroyed, destroy_count);
  hc_sse_parser_free (parser);
  g_assert_cmpuint (destroyed, ==, 3);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sse-parser/spec-examples", test_spec_examples);
  g_test_add_func ("/sse-parser/line-endings", test_line_endings);
  g_test_add_func ("/sse-parser/fields", test_fields);
  g_test_add_func ("/sse-parser/retry-and-ids", test_retry_and_ids);
  g_test_add_func ("/sse-parser/comments-counted", test_comments_counted);
  g_test_add_func ("/sse-parser/too-large", test_too_large);
  g_test_add_func ("/sse-parser/reset-from-callback", test_reset_from_callback);
  g_test_add_func ("/sse-parser/destroy-notify", test_destroy_notify);

  return g_test_run ();
}
