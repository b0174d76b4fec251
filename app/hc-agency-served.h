/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hc-client.h"

G_BEGIN_DECLS

/*
 * GET /quality/agencies?period_days=N, every page: a hub's own sums of its
 * agencies' histories over a period, so the console need not read each
 * dataset's history. The answer is a GHashTable of agency name ->
 * HcAgencyServed (hc-agency-private.h), parsed off the main thread. A hub
 * that does not serve it answers HC_ERROR_NOT_FOUND.
 */
void        hc_agency_served_fetch_async  (HcClient             *client,
                                           guint                 period_days,
                                           GCancellable         *cancellable,
                                           GAsyncReadyCallback   callback,
                                           gpointer              user_data);
GHashTable *hc_agency_served_fetch_finish (HcClient             *client,
                                           GAsyncResult         *result,
                                           GError              **error);
/* One page into @into; @next_cursor: (out) (nullable). */
gboolean    hc_agency_served_parse_page   (JsonNode             *node,
                                           GHashTable           *into,
                                           char                **next_cursor,
                                           GError              **error);
GHashTable *hc_agency_served_table_new    (void);

G_END_DECLS
