/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The 34 provinces and cities after the 2025 administrative merger. */
extern const char * const hc_demo_provinces[34];

gboolean     hc_demo_seed_populate     (sqlite3    *db,
                                        guint32     seed,
                                        guint       scale,
                                        gint64      now,
                                        GError    **error);

/* One new alert as the simulation detects it; the caller inserts it. */
typedef struct {
  const char *severity;
  const char *category;
  char       *title;
  char       *description;
  const char *asset;
  char       *source_ip;
  gint64      events_count;
} HcDemoAlertDraft;

void         hc_demo_seed_draft_alert  (GRand            *rand,
                                        HcDemoAlertDraft *draft);
void         hc_demo_seed_draft_clear  (HcDemoAlertDraft *draft);
char        *hc_demo_seed_alert_search (const char       *id,
                                        const HcDemoAlertDraft *draft);
const char  *hc_demo_seed_run_failure  (GRand            *rand);

G_END_DECLS
