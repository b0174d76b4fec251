/* SPDX-License-Identifier: GPL-3.0-or-later */
/* hc_memory_trim_soon() gives memory freed in the middle of the heap back
 * to the system, once the main loop is idle. */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "hc-memory.h"

static double
rss_mb (void)
{
  g_autofree char *statm = NULL;
  long size = 0, pages = 0;

  g_assert_true (g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL));
  g_assert_cmpint (sscanf (statm, "%ld %ld", &size, &pages), ==, 2);
  return pages * (double) sysconf (_SC_PAGESIZE) / (1024 * 1024);
}

static void
test_memory_trim (void)
{
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_free);
  double before, after;

#if defined (__SANITIZE_ADDRESS__) || defined (HC_TEST_ASAN)
  g_test_skip ("AddressSanitizer keeps its own heap: glibc's malloc_trim() cannot give it back");
  return;
#endif

  /* 50 MB in small blocks, then all but every hundredth freed: the heap's
   * top stays in use, and what was freed lies in runs of whole pages. */
  {
    g_autofree char **blocks = g_new (char *, 200000);

    for (guint i = 0; i < 200000; i++)
      {
        blocks[i] = g_malloc (240);
        memset (blocks[i], 1, 240);
      }
    for (guint i = 0; i < 200000; i++)
      if (i % 100 == 0)
        g_ptr_array_add (kept, blocks[i]);
      else
        g_free (blocks[i]);
  }
  before = rss_mb ();
  hc_memory_trim_soon ();
  hc_memory_trim_soon (); /* the same trim */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  after = rss_mb ();
  g_test_message ("resident: %.1f MB before the trim, %.1f MB after", before, after);
  g_assert_cmpfloat (before - after, >, 20);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/memory/trim", test_memory_trim);
  return g_test_run ();
}
