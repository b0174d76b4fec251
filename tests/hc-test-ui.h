/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Helpers for UI tests: spin the main loop, take screenshots, find widgets
 * and the texts they show. */

#include <adwaita.h>

#include "hc-application.h"
#include "hc-demo-launcher.h"
#include "hc-hub.h"
#include "hc-window.h"

G_BEGIN_DECLS

void       hc_test_spin_until      (gboolean   (*done) (gpointer),
                                    gpointer     data,
                                    guint        timeout_seconds);
void       hc_test_settle          (guint        milliseconds);
void       hc_test_wait_mapped     (GtkWidget   *widget);
void       hc_test_screenshot      (GtkWidget   *widget,
                                    const char  *name);
GtkWidget *hc_test_find_by_type    (GtkWidget   *root,
                                    GType        type);
const char *hc_test_widget_text     (GtkWidget   *widget);
char      *hc_test_find_text       (GtkWidget   *root,
                                    const char  *needle);
char      *hc_test_find_text_now   (GtkWidget   *root,
                                    const char  *needle);
GtkWidget *hc_test_find_label      (GtkWidget   *root,
                                    const char  *needle);
gboolean   hc_test_query_tooltip   (GtkWidget   *widget);
void       hc_test_assert_nothing_disguised (GtkWidget *root);
void       hc_test_destroy_window  (GtkWindow   *window);
void       hc_test_reset_list      (const char  *page_id);
void       hc_test_add_icons       (void);
void       hc_test_init_ui         (void);
HcApplication *hc_test_new_app     (void);
char      *hc_test_start_demo_hub  (HcDemoLauncher *launcher);
void       hc_test_wait_hub_ready  (HcHub       *hub,
                                    guint        timeout_seconds);

/* The console on a demo hub of its own, for a window test. */
typedef struct {
  HcDemoLauncher *launcher;
  char           *url;
  HcApplication  *app;
  HcWindow       *window;
  HcHub          *hub;
  const char     *lang;
} HcTestConsole;

void       hc_test_console_open    (HcTestConsole *c,
                                    HcApplication *app,
                                    const char    *lang,
                                    const char    *token);
void       hc_test_console_close   (HcTestConsole *c);

G_END_DECLS
