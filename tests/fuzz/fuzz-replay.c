/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include <gio/gio.h>

/*
 * Without libFuzzer (gcc, or -Dfuzzing=false) each fuzz target is linked
 * with this driver instead: it feeds every file of the corpus directories
 * given on the command line, so the corpus replays in the normal suite.
 */

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static guint
replay_path (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint count = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      /* Same order every run, so a failure names the same file. */
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        count += replay_path (g_ptr_array_index (names, i));
      return count;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s: %s", path, error->message);

  printf ("replay %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint count = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s CORPUS-DIR-OR-FILE...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    count += replay_path (argv[i]);

  /* An empty corpus would make this test pass without testing anything. */
  if (count == 0)
    {
      fprintf (stderr, "no inputs found\n");
      return 1;
    }

  printf ("%u inputs replayed\n", count);
  return 0;
}
