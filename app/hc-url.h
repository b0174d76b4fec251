/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

char     *hc_url_normalize        (const char  *url,
                                   GError     **error);
gboolean  hc_url_is_loopback      (const char  *url);
gboolean  hc_url_host_is_loopback (const char  *host);

G_END_DECLS
