/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

G_BEGIN_DECLS

#define HC_TYPE_SECRETS (hc_secrets_get_type ())

G_DECLARE_FINAL_TYPE (HcSecrets, hc_secrets, HC, SECRETS, GObject)

const SecretSchema *hc_secrets_get_schema         (void);

HcSecrets  *hc_secrets_new                        (void);

void        hc_secrets_store_async                (HcSecrets            *self,
                                                   const char           *url,
                                                   const char           *user,
                                                   const char           *token,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    hc_secrets_store_finish               (HcSecrets            *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

void        hc_secrets_lookup_async               (HcSecrets            *self,
                                                   const char           *url,
                                                   const char           *user,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
char       *hc_secrets_lookup_finish              (HcSecrets            *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

void        hc_secrets_clear_async                (HcSecrets            *self,
                                                   const char           *url,
                                                   const char           *user,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
gboolean    hc_secrets_clear_finish               (HcSecrets            *self,
                                                   GAsyncResult         *result,
                                                   GError              **error);

void        hc_secrets_set_session_token          (HcSecrets            *self,
                                                   const char           *url,
                                                   const char           *user,
                                                   const char           *token);
gboolean    hc_secrets_has_session_token          (HcSecrets            *self,
                                                   const char           *url,
                                                   const char           *user);
gboolean    hc_secrets_get_service_missing        (HcSecrets            *self);

void        hc_secrets_token_free                 (char                 *token);

G_END_DECLS
