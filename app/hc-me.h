/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hc-enums.h"

G_BEGIN_DECLS

#define HC_TYPE_ME (hc_me_get_type ())

G_DECLARE_FINAL_TYPE (HcMe, hc_me, HC, ME, GObject)

/*
 * Who the token belongs to and which hub answered (GET /me). Properties:
 * "user", "display-name", "role", "permissions" (strv), "hub-id",
 * "hub-name", "hub-site", "hub-version", "hub-time" (unix seconds).
 *
 * The hub enforces roles; these helpers only decide which actions the
 * console offers. All of them ask the hub's own permission list ("read",
 * "alerts.acknowledge", "sources.retry", "alerts.resolve", "audit.read").
 */
const char          *hc_me_get_user           (HcMe       *self);
const char          *hc_me_get_display_name   (HcMe       *self);
HcRole               hc_me_get_role           (HcMe       *self);
const char * const  *hc_me_get_permissions    (HcMe       *self);
const char          *hc_me_get_hub_id         (HcMe       *self);
const char          *hc_me_get_hub_name       (HcMe       *self);
const char          *hc_me_get_hub_site       (HcMe       *self);
const char          *hc_me_get_hub_version    (HcMe       *self);
gint64               hc_me_get_hub_time       (HcMe       *self);

gboolean             hc_me_can                (HcMe       *self,
                                               const char *permission);
gboolean             hc_me_can_retry          (HcMe       *self);
gboolean             hc_me_can_acknowledge    (HcMe       *self);
gboolean             hc_me_can_resolve        (HcMe       *self);
gboolean             hc_me_can_read_audit     (HcMe       *self);

G_END_DECLS
