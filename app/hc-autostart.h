/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Starting with the session ("Start at login"): an XDG autostart entry
 * whose Exec has --background, or the Background portal in Flatpak. */
gboolean  hc_autostart_in_flatpak   (void);
char     *hc_autostart_desktop_path (void);
void      hc_autostart_set_async    (gboolean             enabled,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean  hc_autostart_set_finish   (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
