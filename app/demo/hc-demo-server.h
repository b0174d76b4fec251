/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-demo-simulation.h"
#include "hc-demo-store.h"
#include "hc-demo-tokens.h"

G_BEGIN_DECLS

/* Requests may carry at most this much body. */
#define HC_DEMO_MAX_BODY (64 * 1024)

#define HC_TYPE_DEMO_SERVER (hc_demo_server_get_type ())
G_DECLARE_FINAL_TYPE (HcDemoServer, hc_demo_server, HC, DEMO_SERVER, GObject)

HcDemoServer *hc_demo_server_new             (HcDemoStore      *store,
                                              HcDemoSimulation *simulation,
                                              HcDemoTokens     *tokens);
gboolean      hc_demo_server_listen          (HcDemoServer     *self,
                                              const char       *address,
                                              guint16           port,
                                              GTlsCertificate  *certificate,
                                              GError          **error);
char         *hc_demo_server_get_url         (HcDemoServer     *self);
guint         hc_demo_server_get_n_streams   (HcDemoServer     *self);
void          hc_demo_server_set_heartbeat   (HcDemoServer     *self,
                                              guint             seconds);
void          hc_demo_server_shutdown        (HcDemoServer     *self);

G_END_DECLS
