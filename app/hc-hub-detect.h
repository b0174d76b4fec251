/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-alertmanager.h"
#include "hc-me.h"
#include "hc-profile.h"

G_BEGIN_DECLS

/*
 * What answers at a profile's address: a hub (GET /api/v1/me answers, with
 * who we are) or an Alertmanager (GET /api/v2/status answers, with its
 * version and cluster status). Asked before a profile is saved (Add Hub).
 */
typedef struct {
  const char           *kind;       /* HC_PROFILE_KIND_* */
  HcMe                 *me;         /* a hub: who the token is */
  HcAlertmanagerStatus *status;     /* an Alertmanager */
} HcHubDetection;

void            hc_hub_detection_free  (HcHubDetection *detection);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcHubDetection, hc_hub_detection_free)

/* @source_object: what the callback gets as its object (the hub manager);
 * @client_for: builds the client for @profile as the kind it is set to. */
void            hc_hub_detect_async    (gpointer              source_object,
                                        HcProfile            *profile,
                                        const char           *token,
                                        HcClient *          (*client_for) (HcProfile *, const char *),
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
/* @untrusted_fingerprint: set when the error is HC_ERROR_TLS_UNTRUSTED. */
HcHubDetection *hc_hub_detect_finish   (GAsyncResult         *result,
                                        char                **untrusted_fingerprint,
                                        GError              **error);

G_END_DECLS
