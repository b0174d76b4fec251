/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-profile.h"

G_BEGIN_DECLS

#define HC_TYPE_PROFILE_STORE (hc_profile_store_get_type ())

G_DECLARE_FINAL_TYPE (HcProfileStore, hc_profile_store, HC, PROFILE_STORE, GObject)

HcProfileStore *hc_profile_store_new         (GSettings      *settings);
GSettings      *hc_profile_store_get_settings (HcProfileStore *self);
void            hc_profile_store_add         (HcProfileStore *self,
                                              HcProfile      *profile);
gboolean        hc_profile_store_remove      (HcProfileStore *self,
                                              const char     *id);
HcProfile      *hc_profile_store_lookup      (HcProfileStore *self,
                                              const char     *id);
HcProfile      *hc_profile_store_find_by_url (HcProfileStore *self,
                                              const char     *url);

G_END_DECLS
