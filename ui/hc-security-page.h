/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-alert-detail.h"
#include "hc-alert.h"
#include "hc-hub.h"
#include "hc-list-pane.h"

G_BEGIN_DECLS

#define HC_TYPE_SECURITY_PAGE (hc_security_page_get_type ())

G_DECLARE_FINAL_TYPE (HcSecurityPage, hc_security_page, HC, SECURITY_PAGE, GtkWidget)

GtkWidget     *hc_security_page_new                 (void);
HcListPane    *hc_security_page_get_pane            (HcSecurityPage *self);
HcAlertDetail *hc_security_page_get_detail          (HcSecurityPage *self);
void           hc_security_page_set_alerts          (HcSecurityPage *self,
                                                     GListModel     *alerts);
void           hc_security_page_set_state_filter    (HcSecurityPage *self,
                                                     const char     *state);
const char    *hc_security_page_get_state_filter    (HcSecurityPage *self);
void           hc_security_page_set_severity_filter (HcSecurityPage *self,
                                                     const char     *severity);
const char    *hc_security_page_get_severity_filter (HcSecurityPage *self);
void           hc_security_page_set_category_filter (HcSecurityPage *self,
                                                     const char     *category);
void           hc_security_page_set_invert_filter   (HcSecurityPage *self,
                                                     gboolean        invert);
/* The hub @alert comes from, whose kind decides what is offered
 * (hc_hub_can()): silence with an expiry instead of acknowledge, no resolve. */
typedef HcHub *(*HcSecurityPageHubFunc) (HcAlert *alert, gpointer user_data);
void           hc_security_page_set_hub_func        (HcSecurityPage        *self,
                                                     HcSecurityPageHubFunc  func,
                                                     gpointer               user_data);
void           hc_security_page_set_actions_allowed (HcSecurityPage *self,
                                                     gboolean        can_acknowledge,
                                                     gboolean        can_resolve,
                                                     const char     *reason);
gboolean       hc_security_page_acknowledge         (HcSecurityPage *self,
                                                     HcAlert        *alert,
                                                     const char     *comment);
gboolean       hc_security_page_resolve             (HcSecurityPage *self,
                                                     HcAlert        *alert,
                                                     const char     *comment,
                                                     const char     *resolution);

G_END_DECLS
