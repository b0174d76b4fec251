/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HC_TYPE_DEMO_TOKENS (hc_demo_tokens_get_type ())
G_DECLARE_FINAL_TYPE (HcDemoTokens, hc_demo_tokens, HC, DEMO_TOKENS, GObject)

HcDemoTokens *hc_demo_tokens_new_demo       (void);
HcDemoTokens *hc_demo_tokens_new_from_file  (const char    *path,
                                             GError       **error);
HcDemoTokens *hc_demo_tokens_new_from_data  (const char    *data,
                                             GError       **error);
gboolean      hc_demo_tokens_lookup         (HcDemoTokens  *self,
                                             const char    *token,
                                             const char   **role,
                                             const char   **user,
                                             const char   **display_name);
guint         hc_demo_tokens_get_count      (HcDemoTokens  *self);

G_END_DECLS
