/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-memory.h"

/* After a libc header (hc-memory.h's glib.h), which says whether it is glibc. */
#ifdef __GLIBC__
#include <malloc.h>
#endif

/*
 * One job: giving the memory the process freed back to the system, after
 * work that made and freed a great deal: a hub's lists read (60 MB of
 * JSON parsed into trees and freed, for 100,000 alerts), a first search
 * (the text of every row folded, its copies freed). glibc's malloc keeps
 * such memory for the process: 44 MB after the first search over 100,000
 * alerts, given back by malloc_trim() in 7 ms. GNOME Software trims so
 * after parsing its catalogue (gnome-software#941).
 *
 * hc_memory_trim_soon() trims once, when the main loop has nothing else
 * to do; calls before then are the same trim.
 */

static guint trim_id;

static gboolean
trim_cb (gpointer data)
{
  trim_id = 0;
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  return G_SOURCE_REMOVE;
}

/**
 * hc_memory_trim_soon:
 * Gives freed memory back at the next idle moment of the main context
 * (the default one: call from the main thread).
 */
void
hc_memory_trim_soon (void)
{
  if (trim_id != 0)
    return;
  trim_id = g_idle_add_full (G_PRIORITY_LOW, trim_cb, NULL, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, trim_id), "[hc] memory given back");
}
