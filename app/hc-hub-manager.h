/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-hub.h"
#include "hc-hub-detect.h"
#include "hc-me.h"
#include "hc-profile-store.h"
#include "hc-secrets.h"
#include "hc-snapshot.h"

G_BEGIN_DECLS

#define HC_TYPE_HUB_MANAGER (hc_hub_manager_get_type ())

G_DECLARE_FINAL_TYPE (HcHubManager, hc_hub_manager, HC, HUB_MANAGER, GObject)

/*
 * Every hub the console watches: one HcHub per saved profile, each with
 * its token from the keyring, plus session-only hubs (the demo hub) that
 * are never saved. The hubs model follows the profile store as profiles
 * come and go, in the same order, session hubs last.
 */
HcHubManager *hc_hub_manager_new              (HcProfileStore      *profiles,
                                               HcSecrets           *secrets,
                                               HcSnapshot          *snapshot);
GListModel   *hc_hub_manager_get_hubs         (HcHubManager        *self);
HcProfileStore *hc_hub_manager_get_profiles   (HcHubManager        *self);
HcSecrets    *hc_hub_manager_get_secrets      (HcHubManager        *self);
HcHub        *hc_hub_manager_lookup           (HcHubManager        *self,
                                               const char          *key);
HcProfile    *hc_hub_manager_get_profile      (HcHubManager        *self,
                                               HcHub               *hub);
const char   *hc_hub_manager_get_hub_name     (HcHubManager        *self,
                                               HcHub               *hub);
HcHub        *hc_hub_manager_find_hub_of_item (HcHubManager        *self,
                                               HcListKind           kind,
                                               gpointer             item);
void          hc_hub_manager_start            (HcHubManager        *self);
void          hc_hub_manager_stop             (HcHubManager        *self);

HcHub        *hc_hub_manager_add_session_hub  (HcHubManager        *self,
                                               const char          *name,
                                               const char          *url,
                                               const char          *token);

void          hc_hub_manager_remove_session_hub (HcHubManager      *self,
                                                 HcHub             *hub);

/* Checks a URL and token against GET /me before anything is saved. When
 * that fails with HC_ERROR_TLS_UNTRUSTED, @untrusted_fingerprint (if not
 * NULL) receives the refused certificate's fingerprint, to offer pinning. */
void          hc_hub_manager_verify_async     (HcHubManager        *self,
                                               HcProfile           *profile,
                                               const char          *token,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
HcMe         *hc_hub_manager_verify_finish    (HcHubManager        *self,
                                               GAsyncResult        *result,
                                               char               **untrusted_fingerprint,
                                               GError             **error);

/* Stores the token (in the keyring, or for this session only), then saves
 * the profile if it is new and (re)starts its hub with the token. */
void          hc_hub_manager_sign_in_async    (HcHubManager        *self,
                                               HcProfile           *profile,
                                               const char          *token,
                                               gboolean             session_only,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      hc_hub_manager_sign_in_finish   (HcHubManager        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* Deletes the token from the keyring; the hub shows "signed out". */
void          hc_hub_manager_sign_out_async   (HcHubManager        *self,
                                               HcProfile           *profile,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean      hc_hub_manager_sign_out_finish  (HcHubManager        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

void            hc_hub_manager_detect_async  (HcHubManager        *self,
                                              HcProfile           *profile,
                                              const char          *token,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
HcHubDetection *hc_hub_manager_detect_finish (HcHubManager        *self,
                                              GAsyncResult        *result,
                                              char               **untrusted_fingerprint,
                                              GError             **error);

G_END_DECLS
