/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HC_PROFILE_KIND_HUB              "hub"
#define HC_PROFILE_KIND_ALERTMANAGER     "alertmanager"
#define HC_PROFILE_DEFAULT_POLL_INTERVAL 15
#define HC_PROFILE_MIN_POLL_INTERVAL     2
#define HC_PROFILE_MAX_POLL_INTERVAL     3600

#define HC_TYPE_PROFILE (hc_profile_get_type ())

G_DECLARE_FINAL_TYPE (HcProfile, hc_profile, HC, PROFILE, GObject)

HcProfile  *hc_profile_new                        (const char  *name,
                                                   const char  *url,
                                                   const char  *username,
                                                   GError     **error);

const char *hc_profile_get_id                     (HcProfile   *self);
const char *hc_profile_get_name                   (HcProfile   *self);
void        hc_profile_set_name                   (HcProfile   *self,
                                                   const char  *name);
const char *hc_profile_get_url                    (HcProfile   *self);
gboolean    hc_profile_set_url                    (HcProfile   *self,
                                                   const char  *url,
                                                   GError     **error);
const char *hc_profile_get_username               (HcProfile   *self);
void        hc_profile_set_username               (HcProfile   *self,
                                                   const char  *username);
const char *hc_profile_get_ca_file                (HcProfile   *self);
void        hc_profile_set_ca_file                (HcProfile   *self,
                                                   const char  *ca_file);
const char *hc_profile_get_pinned_fingerprint     (HcProfile   *self);
gboolean    hc_profile_set_pinned_fingerprint     (HcProfile   *self,
                                                   const char  *fingerprint,
                                                   GError     **error);
gboolean    hc_profile_get_allow_plaintext        (HcProfile   *self);
void        hc_profile_set_allow_plaintext        (HcProfile   *self,
                                                   gboolean     allow_plaintext);

const char *hc_profile_get_kind                   (HcProfile   *self);
void        hc_profile_set_kind                   (HcProfile   *self,
                                                   const char  *kind);
gboolean    hc_profile_is_alertmanager            (HcProfile   *self);
guint       hc_profile_get_poll_interval          (HcProfile   *self);
void        hc_profile_set_poll_interval          (HcProfile   *self,
                                                   guint        seconds);

gboolean    hc_profile_is_loopback                (HcProfile   *self);

gboolean    hc_profile_id_is_valid                (const char  *id);

G_END_DECLS
