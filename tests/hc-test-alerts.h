/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Alerts for the Security page's window tests (test-security-page,
 * test-alert-cells): eight fixtures as a hub sends them, and the page
 * shown over them. */

#include "hc-item-store.h"
#include "hc-security-page.h"

G_BEGIN_DECLS

typedef struct {
  const char *id;
  const char *severity;
  const char *category;
  const char *title;
  const char *description;
  const char *asset;
  const char *source_ip;   /* NULL: none */
  const char *detected_at;
  const char *state;
  gint64      events;
} AlertFixture;

#define HC_TEST_N_ALERTS 8
extern const AlertFixture hc_test_alerts[HC_TEST_N_ALERTS];

char         *hc_test_alert_json          (const AlertFixture *a,
                                           const char         *state,
                                           gint64              events,
                                           const char         *extra);
HcItem       *hc_test_alert_from_fixture  (const AlertFixture *a,
                                           const char         *state,
                                           gint64              events);
HcItemStore  *hc_test_alerts_store        (void);
guint         hc_test_security_n_visible  (HcSecurityPage     *page);
void          hc_test_security_set_state  (HcSecurityPage     *page,
                                           const char         *state);
void          hc_test_security_show       (GtkWindow          *window,
                                           HcSecurityPage     *page,
                                           HcItemStore        *store);

G_END_DECLS
