/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HC_DEMO_OPERATOR_TOKEN "demo-operator-token"

#define HC_TYPE_DEMO_LAUNCHER (hc_demo_launcher_get_type ())

G_DECLARE_FINAL_TYPE (HcDemoLauncher, hc_demo_launcher, HC, DEMO_LAUNCHER, GObject)

/*
 * Runs the demo hub as a child process on a free loopback port, so its
 * simulation never shares the console's main loop. The child exits when
 * its stdin closes, so it cannot outlive the console even on a crash.
 */
HcDemoLauncher *hc_demo_launcher_new          (void);
char           *hc_demo_launcher_find_program (void);
void            hc_demo_launcher_start_async  (HcDemoLauncher      *self,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
char           *hc_demo_launcher_start_finish (HcDemoLauncher      *self,
                                               GAsyncResult        *result,
                                               GError             **error);
const char     *hc_demo_launcher_get_url      (HcDemoLauncher      *self);
const char     *hc_demo_launcher_get_data_dir (HcDemoLauncher      *self);
void            hc_demo_launcher_stop         (HcDemoLauncher      *self);

G_END_DECLS
