/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-client.h"
#include "hc-error.h"

G_BEGIN_DECLS

/* tests/hc-fault-server.py, started for a test and ended with it. */
typedef struct {
  GSubprocess *process;
  char        *cert_dir;        /* NULL: plain HTTP only */
  guint        http_port;
  guint        tls_port;        /* self-signed for 127.0.0.1 */
  guint        tls_wrong_port;  /* a certificate for another host */
  char        *cert_path;
  char        *wrong_cert_path;
} HcTestFaultServer;

HcTestFaultServer *hc_test_fault_server_start (gboolean           with_tls);
void               hc_test_fault_server_stop  (HcTestFaultServer *server);

void               hc_test_fault_post         (guint       port,
                                               const char *spec,
                                               const char *command,
                                               const char *json);

/* The token every client of the fault server sends. */
#define HC_TEST_FAULT_TOKEN "fault-token"

gboolean  hc_test_wake_cb        (gpointer      data);
void      hc_test_spin_until_set (gpointer     *slot,
                                  guint         timeout_ms);
void      hc_test_spin_for       (guint         ms);
void      hc_test_store_result   (GObject      *object,
                                  GAsyncResult *result,
                                  gpointer      user_data);
HcClient *hc_test_fault_client   (const char   *scheme,
                                  guint         port,
                                  const char   *fault);
GError   *hc_test_health_error   (HcClient     *client);
GError   *hc_test_me_error       (HcClient     *client);
void      hc_test_assert_code    (GError       *error,
                                  HcError       code);

G_END_DECLS
