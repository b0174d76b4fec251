/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hc-client.h"

G_BEGIN_DECLS

/*
 * Prometheus Alertmanager, API v2, through an HcClient whose prefix is
 * "/api/v2" (hc_client_set_api_prefix()): the same TLS, limits, auth and
 * errors as the Hub API. Calls return the JSON as it came (parsed in a
 * thread); hc_alertmanager_map_alerts() turns it into HcAlert rows.
 */

typedef struct {
  char  *version;         /* versionInfo.version, "" when not said */
  char  *cluster_status;  /* cluster.status: "ready", "settling", "disabled" */
  char  *cluster_name;
  guint  n_peers;
} HcAlertmanagerStatus;

void                  hc_alertmanager_status_free (HcAlertmanagerStatus *status);
HcAlertmanagerStatus *hc_alertmanager_parse_status (JsonNode             *node,
                                                    GError              **error);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcAlertmanagerStatus, hc_alertmanager_status_free)

/* GET /status, parsed. */
void        hc_alertmanager_status_async   (HcClient            *client,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
HcAlertmanagerStatus *hc_alertmanager_status_finish (HcClient     *client,
                                            GAsyncResult        *result,
                                            GError             **error);

/* GET @path (/alerts, /silences): the JSON array as it came. */
void        hc_alertmanager_get_async      (HcClient            *client,
                                            const char          *path,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
JsonNode   *hc_alertmanager_get_finish     (HcClient            *client,
                                            GAsyncResult        *result,
                                            GError             **error);

/* POST /silences: a silence matching exactly @labels (a JSON object of
 * strings) from now until @ends_at (unix s). Finish returns its id. */
void        hc_alertmanager_silence_async  (HcClient            *client,
                                            JsonObject          *labels,
                                            const char          *created_by,
                                            const char          *comment,
                                            gint64               ends_at,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
char       *hc_alertmanager_silence_finish (HcClient            *client,
                                            GAsyncResult        *result,
                                            GError             **error);

/* DELETE /silence/{id}: the silence expires now. */
void        hc_alertmanager_expire_async   (HcClient            *client,
                                            const char          *silence_id,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gboolean    hc_alertmanager_expire_finish  (HcClient            *client,
                                            GAsyncResult        *result,
                                            GError             **error);

/* hc-alertmanager-map.c: GET /alerts and /silences to HcAlert rows (the
 * alert's fingerprint as id), silenced ones acknowledged from the silence. */
GPtrArray  *hc_alertmanager_map_alerts     (JsonNode            *alerts,
                                            JsonNode            *silences,
                                            GError             **error);
/* The labels of the alert with @fingerprint in GET /alerts, or NULL. */
JsonObject *hc_alertmanager_find_labels    (JsonNode            *alerts,
                                            const char          *fingerprint);

/* Members of an Alertmanager's JSON, of the type asked for or NULL. */
const char *hc_alertmanager_member_string (JsonObject *object,
                                           const char *name);
JsonObject *hc_alertmanager_member_object (JsonObject *object,
                                           const char *name);
JsonArray  *hc_alertmanager_member_array  (JsonObject *object,
                                           const char *name);

G_END_DECLS
