/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One job: what the tests of HcHub against the demo hub share: the demo hub
 * as a child process (started, killed, restarted on the same data and port),
 * clients and hubs for it, waiting on the main loop, and the hub's own lists
 * read page by page to compare the models with. */
#include "config.h"

#include <signal.h>
#include <string.h>

#include "hc-test-demo-hub.h"

HcTestDemo hc_test_demo = { .speed = "0" };

gboolean
hc_test_demo_wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Spins the main loop until @cond holds; fails after @timeout_s instead
 * of hanging. */
void
hc_test_demo_spin_until (HcTestCondition   cond,
            gpointer    data,
            guint       timeout_s,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, hc_test_demo_wake_cb, NULL);

  while (!cond (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out after %u s waiting for %s", timeout_s, what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

gboolean
hc_test_demo_is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

void
hc_test_demo_store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
drain_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, NULL);

  if (bytes != NULL && g_bytes_get_size (bytes) > 0)
    g_input_stream_read_bytes_async (G_INPUT_STREAM (object), 65536, G_PRIORITY_DEFAULT, NULL,
                                     drain_cb, NULL);
}

/* The "listening on URL" line; with G_MESSAGES_DEBUG set the hub may log
 * to stdout before it. Whatever follows is read and dropped, so the hub
 * never blocks on a full pipe nor dies writing to a closed one. NULL if
 * the hub exited first. */
char *
hc_test_demo_read_url (GSubprocess *process)
{
  GInputStream *pipe = g_subprocess_get_stdout_pipe (process);
  g_autoptr(GDataInputStream) out = g_data_input_stream_new (pipe);

  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (out), FALSE);

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, NULL);

      if (line == NULL)
        return NULL;
      if (g_str_has_prefix (line, "listening on "))
        {
          g_input_stream_read_bytes_async (pipe, 65536, G_PRIORITY_DEFAULT, NULL, drain_cb, NULL);
          return g_strstrip (g_strdup (line + strlen ("listening on ")));
        }
    }

  return NULL;
}

void
hc_test_demo_start (guint port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *listen = g_strdup_printf ("127.0.0.1:%u", port);

  /* The port of a just-killed hub may need a moment to be free again. */
  for (guint attempt = 0; attempt < 50; attempt++)
    {
      g_autofree char *url = NULL;

      g_clear_error (&error);
      hc_test_demo.process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                               hc_test_demo.exe, "--listen", listen, "--data-dir", hc_test_demo.dir,
                               "--seed", "7", "--speed", hc_test_demo.speed, "--exit-with-stdin", NULL);
      g_assert_no_error (error);

      url = hc_test_demo_read_url (hc_test_demo.process);
      if (url != NULL)
        {
          g_autoptr(GUri) uri = NULL;

          g_free (hc_test_demo.url);
          hc_test_demo.url = g_steal_pointer (&url);
          uri = g_uri_parse (hc_test_demo.url, G_URI_FLAGS_NONE, &error);
          g_assert_no_error (error);
          hc_test_demo.port = g_uri_get_port (uri);
          g_assert_cmpuint (hc_test_demo.port, >, 0);
          return;
        }

      g_subprocess_wait (hc_test_demo.process, NULL, NULL);
      g_clear_object (&hc_test_demo.process);
      g_usleep (100 * 1000);
    }

  g_error ("The demo hub did not start on %s", listen);
}

void
hc_test_demo_stop (gboolean kill)
{
  if (hc_test_demo.process == NULL)
    return;

  if (kill)
    g_subprocess_send_signal (hc_test_demo.process, SIGKILL);
  else
    g_output_stream_close (g_subprocess_get_stdin_pipe (hc_test_demo.process), NULL, NULL);
  g_subprocess_wait (hc_test_demo.process, NULL, NULL);
  g_clear_object (&hc_test_demo.process);
}

HcClient *
hc_test_demo_client (const char *token)
{
  HcClient *client = hc_client_new (hc_test_demo.url, token, NULL, NULL, FALSE);

  /* Generous: the demo hub is one thread, and under ASan on a loaded
   * machine a large sum can keep it from answering for seconds. */
  hc_client_set_timeouts (client, 30, 60000);
  return client;
}

HcHub *
hc_test_demo_new_hub (const char *token)
{
  g_autoptr(HcClient) client = hc_test_demo_client (token);
  g_autoptr(HcSnapshot) snapshot = hc_snapshot_new (hc_test_demo.snapshot_path);
  HcHub *self = hc_hub_new (HC_TEST_HUB_KEY, client);

  hc_hub_set_snapshot (self, snapshot);
  hc_hub_set_page_limit (self, HC_TEST_PAGE_LIMIT);
  hc_hub_set_overview_delay (self, 100);
  hc_event_stream_set_backoff (hc_hub_get_event_stream (self), 50, 500);
  return self;
}

gboolean
hc_test_demo_hub_in_state (gpointer data)
{
  HcTestStateWait *wait = data;

  return hc_hub_get_state (wait->hub) == wait->state && !hc_hub_get_loading (wait->hub);
}

void
hc_test_demo_wait_state (HcHub      *self,
            HcHubState  state,
            guint       timeout_s)
{
  HcTestStateWait wait = { self, state };
  GEnumClass *klass = g_type_class_ref (HC_TYPE_HUB_STATE);
  g_autofree char *what = g_strdup_printf ("hub state %s", g_enum_get_value (klass, state)->value_nick);

  g_type_class_unref (klass);
  hc_test_demo_spin_until (hc_test_demo_hub_in_state, &wait, timeout_s, what);
}

/* Every id of a list, page by page, straight from the hub. */
GHashTable *
hc_test_demo_fetch_ids (HcClient   *client,
           HcListKind  kind,
           gint64     *total)
{
  GHashTable *ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *cursor = NULL;

  *total = -1;
  do
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(HcListPage) page = NULL;
      g_autoptr(GError) error = NULL;

      hc_client_list_async (client, kind, NULL, cursor, 5000, NULL, hc_test_demo_store_result, &result);
      hc_test_demo_spin_until (hc_test_demo_is_set, &result, 30, "a list page");
      page = hc_client_list_finish (client, result, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (page->n_rejected, ==, 0);

      for (guint i = 0; i < page->items->len; i++)
        g_assert_true (g_hash_table_add (ids, g_strdup (hc_item_get_id (g_ptr_array_index (page->items, i)))));
      if (*total < 0)
        *total = page->total;
      g_free (cursor);
      cursor = g_strdup (page->next_cursor);
    }
  while (cursor != NULL);

  return ids;
}

/* The model holds exactly the hub's rows: same ids, no duplicates. */
gboolean
hc_test_demo_model_matches (HcItemStore *store,
               GHashTable  *ids,
               gint64       total)
{
  GListModel *model = G_LIST_MODEL (store);
  guint n = g_list_model_get_n_items (model);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  if (n != g_hash_table_size (ids) || (total >= 0 && (gint64) n != total))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcItem) item = g_list_model_get_item (model, i);

      if (!g_hash_table_contains (ids, hc_item_get_id (item)) || !g_hash_table_add (seen, (gpointer) hc_item_get_id (item)))
        return FALSE;
    }

  return TRUE;
}

gboolean
hc_test_demo_models_match (gpointer data)
{
  HcTestMatchWait *wait = data;

  if (hc_hub_get_state (wait->hub) != HC_HUB_CONNECTED || hc_hub_get_loading (wait->hub))
    return FALSE;

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    {
      gint64 total;
      g_autoptr(GHashTable) ids = hc_test_demo_fetch_ids (wait->direct, kind, &total);

      if (!hc_test_demo_model_matches (hc_hub_get_model (wait->hub, kind), ids, total))
        return FALSE;
    }

  return TRUE;
}

HcAlert *
hc_test_demo_find_alert (HcItemStore  *store,
            HcAlertState  state,
            HcAlert      *not_this)
{
  GListModel *model = G_LIST_MODEL (store);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HcAlert) alert = g_list_model_get_item (model, i);

      if (hc_alert_get_state (alert) == state && alert != not_this)
        return alert;
    }

  return NULL;
}

gboolean
hc_test_demo_has_me (gpointer data)
{
  return hc_hub_get_me (data) != NULL;
}

gboolean
hc_test_demo_alert_acknowledged (gpointer data)
{
  return hc_alert_get_state (data) == HC_ALERT_STATE_ACKNOWLEDGED;
}

HcAlert *
hc_test_demo_acknowledge (HcClient   *client,
                      const char *id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HcAlert *alert;

  hc_client_acknowledge_alert_async (client, id, "seen from another console", NULL, NULL,
                                     hc_test_demo_store_result, &result);
  hc_test_demo_spin_until (hc_test_demo_is_set, &result, 30, "the acknowledgement");
  alert = hc_client_acknowledge_alert_finish (client, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (hc_alert_get_state (alert), ==, HC_ALERT_STATE_ACKNOWLEDGED);
  return alert;
}

/* Finds the demo hub in the build tree and starts it on a free port over a
 * new temporary folder. FALSE when it is not built (the test then skips). */
gboolean
hc_test_demo_setup (void)
{
  g_autoptr(GError) error = NULL;
  const char *build_dir = g_getenv ("HC_BUILD_DIR");

  g_assert_nonnull (build_dir);
  hc_test_demo.exe = g_build_filename (build_dir, "app", "demo", "hub-console-demo-hub", NULL);
  if (!g_file_test (hc_test_demo.exe, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_message ("The demo hub is not built (%s): skipping", hc_test_demo.exe);
      return FALSE;
    }

  hc_test_demo.data_dir = g_dir_make_tmp ("hc-hub-test-XXXXXX", &error);
  g_assert_no_error (error);
  hc_test_demo.snapshot_path = g_build_filename (hc_test_demo.data_dir, "cache", "snapshots.sqlite", NULL);
  hc_test_demo.dir = g_strdup (hc_test_demo.data_dir);
  hc_test_demo_start (0);
  return TRUE;
}

/* Stops the demo hub and removes the temporary folder. */
void
hc_test_demo_teardown (void)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf %s", hc_test_demo.data_dir);

  hc_test_demo_stop (FALSE);
  g_spawn_command_line_sync (cmd, NULL, NULL, NULL, NULL);
  /* Idle worker threads would still hold dynamic TLS when LeakSanitizer
   * scans at exit, which trips it up (LLVM 14): let them end first. */
  g_thread_pool_set_max_unused_threads (0);
  g_thread_pool_stop_unused_threads ();
  g_usleep (G_USEC_PER_SEC / 10);
}
