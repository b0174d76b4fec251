/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * A real Prometheus Alertmanager (Debian's /usr/bin/prometheus-alertmanager)
 * for the tests: on a free 127.0.0.1 port, a temporary storage path, no
 * cluster gossip. Stop and start it again on the same port and storage.
 */
typedef struct {
  char        *dir;
  char        *url;
  guint16      port;
  GSubprocess *process;
} HcTestAlertmanager;

gboolean            hc_test_alertmanager_available (void);
HcTestAlertmanager *hc_test_alertmanager_new   (void);
void                hc_test_alertmanager_start (HcTestAlertmanager *am);
void                hc_test_alertmanager_stop  (HcTestAlertmanager *am);
void                hc_test_alertmanager_free  (HcTestAlertmanager *am);
/* POST /api/v2/alerts with @json (an array of alerts). */
void                hc_test_alertmanager_post  (HcTestAlertmanager *am,
                                                const char         *json);
/* GET @path below /api/v2, parsed. */
JsonNode           *hc_test_alertmanager_get   (HcTestAlertmanager *am,
                                                const char         *path);

G_END_DECLS
