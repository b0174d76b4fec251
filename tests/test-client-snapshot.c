/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSnapshot: the offline copy round-trips, replaces atomically per hub,
 * keeps hubs apart, and says when there is none. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hc-snapshot.h"

static GBytes *
bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static char *
temp_db (char **dir)
{
  g_autoptr(GError) error = NULL;

  *dir = g_dir_make_tmp ("hc-snapshot-XXXXXX", &error);
  g_assert_no_error (error);
  /* A directory that does not exist yet: the snapshot makes it. */
  return g_build_filename (*dir, "nested", "snapshots.sqlite", NULL);
}

static void
remove_db (char       *dir,
           const char *path)
{
  g_autofree char *nested = g_path_get_dirname (path);

  g_unlink (path);
  g_rmdir (nested);
  g_rmdir (dir);
  g_free (dir);
}

static void
test_round_trip (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db (&dir);
  g_autoptr(HcSnapshot) snapshot = hc_snapshot_new (path);
  g_autoptr(HcSnapshotData) data = hc_snapshot_data_new ("hub-a");
  g_autoptr(HcSnapshotData) other = hc_snapshot_data_new ("hub-b");
  g_autoptr(HcSnapshotData) second = hc_snapshot_data_new ("hub-a");
  g_autoptr(HcSnapshotData) loaded = NULL;
  g_autoptr(HcSnapshotData) loaded_b = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  data->fetched_at = 1767600000;
  data->me = bytes ("{\"user\": \"an\"}");
  data->overview = bytes ("{\"x\": 1}");
  g_ptr_array_add (data->pages[HC_LIST_ALERTS], bytes ("{\"items\": [1]}"));
  g_ptr_array_add (data->pages[HC_LIST_ALERTS], bytes ("{\"items\": [2]}"));
  g_ptr_array_add (data->pages[HC_LIST_NODES], bytes ("{\"items\": []}"));
  g_assert_true (hc_snapshot_save (snapshot, data, &error));
  g_assert_no_error (error);

  other->fetched_at = 5;
  g_ptr_array_add (other->pages[HC_LIST_SOURCES], bytes ("{\"items\": [\"b\"]}"));
  g_assert_true (hc_snapshot_save (snapshot, other, &error));

  /* Only the owner may read it. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  loaded = hc_snapshot_load (snapshot, "hub-a", &error);
  g_assert_no_error (error);
  g_assert_cmpint (loaded->fetched_at, ==, 1767600000);
  g_assert_true (g_bytes_equal (loaded->me, data->me));
  g_assert_true (g_bytes_equal (loaded->overview, data->overview));
  g_assert_cmpuint (loaded->pages[HC_LIST_ALERTS]->len, ==, 2);
  g_assert_true (g_bytes_equal (g_ptr_array_index (loaded->pages[HC_LIST_ALERTS], 0),
                                g_ptr_array_index (data->pages[HC_LIST_ALERTS], 0)));
  g_assert_true (g_bytes_equal (g_ptr_array_index (loaded->pages[HC_LIST_ALERTS], 1),
                                g_ptr_array_index (data->pages[HC_LIST_ALERTS], 1)));
  g_assert_cmpuint (loaded->pages[HC_LIST_NODES]->len, ==, 1);
  g_assert_cmpuint (loaded->pages[HC_LIST_SOURCES]->len, ==, 0);

  /* A new save replaces each list it has whole (empty included), keeps
   * the parts it has not, and leaves other hubs alone. */
  second->fetched_at = 1767600100;
  g_ptr_array_add (second->pages[HC_LIST_ALERTS], bytes ("{\"items\": [3]}"));
  g_clear_pointer (&second->pages[HC_LIST_SOURCES], g_ptr_array_unref);
  g_assert_true (hc_snapshot_save (snapshot, second, &error));
  g_clear_pointer (&loaded, hc_snapshot_data_free);
  loaded = hc_snapshot_load (snapshot, "hub-a", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded->me, data->me));
  g_assert_true (g_bytes_equal (loaded->overview, data->overview));
  g_assert_cmpuint (loaded->pages[HC_LIST_ALERTS]->len, ==, 1);
  g_assert_true (g_bytes_equal (g_ptr_array_index (loaded->pages[HC_LIST_ALERTS], 0),
                                g_ptr_array_index (second->pages[HC_LIST_ALERTS], 0)));
  g_assert_cmpuint (loaded->pages[HC_LIST_NODES]->len, ==, 0);
  /* The copy is as old as its oldest part (me and overview, here). */
  g_assert_cmpint (loaded->fetched_at, ==, 1767600000);

  loaded_b = hc_snapshot_load (snapshot, "hub-b", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded_b->pages[HC_LIST_SOURCES]->len, ==, 1);

  g_assert_true (hc_snapshot_delete (snapshot, "hub-b", &error));
  g_clear_pointer (&loaded_b, hc_snapshot_data_free);
  loaded_b = hc_snapshot_load (snapshot, "hub-b", &error);
  g_assert_null (loaded_b);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  remove_db (g_steal_pointer (&dir), path);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_async_and_missing (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = temp_db (&dir);
  g_autoptr(HcSnapshot) snapshot = hc_snapshot_new (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  HcSnapshotData *data;

  hc_snapshot_load_async (snapshot, "nobody", NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  data = hc_snapshot_load_finish (snapshot, result, &error);
  g_assert_null (data);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);

  remove_db (g_steal_pointer (&dir), path);
}

static void
test_default_path (void)
{
  g_autofree char *path = hc_snapshot_default_path ();
  g_autofree char *expected = g_build_filename (g_get_user_cache_dir (), "hub-console", NULL);

  g_assert_true (g_str_has_prefix (path, expected));
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/client/snapshot/round-trip", test_round_trip);
  g_test_add_func ("/client/snapshot/async-and-missing", test_async_and_missing);
  g_test_add_func ("/client/snapshot/default-path", test_default_path);
  return g_test_run ();
}
