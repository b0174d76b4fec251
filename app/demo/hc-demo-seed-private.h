/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared between the parts of the demo hub's seed: hc-demo-seed.c (feeds,
 * datasets, storage) and hc-demo-seed-alerts.c (security alerts). */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char     *hc_demo_seed_fill   (const char *tpl,
                               const char *a,
                               const char *b);
gboolean  hc_demo_seed_alerts (sqlite3    *db,
                               GRand      *rand,
                               guint       n,
                               gint64      now);

G_END_DECLS
