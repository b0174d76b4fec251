/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

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

G_END_DECLS
