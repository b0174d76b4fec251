/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HC_TYPE_BACKGROUND (hc_background_get_type ())

G_DECLARE_FINAL_TYPE (HcBackground, hc_background, HC, BACKGROUND, GObject)

/*
 * Watching in the background: while "keep-watching" is on (or the console
 * was started with --background) the application holds itself, and
 * closing a window hides it as it is, so hubs stay connected and
 * notifications keep coming; hc_background_quit() ends it. Follows
 * "start-at-login" with hc_autostart_set_async().
 */
HcBackground *hc_background_new  (GtkApplication *application,
                                  GSettings      *settings);
void          hc_background_quit (HcBackground   *self);
void          hc_background_keep_running (HcBackground *self);

G_END_DECLS
