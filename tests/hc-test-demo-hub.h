/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-alert.h"
#include "hc-client.h"
#include "hc-hub.h"
#include "hc-item-store.h"
#include "hc-snapshot.h"

G_BEGIN_DECLS

#define HC_TEST_OPERATOR   "demo-operator-token"
#define HC_TEST_VIEWER     "demo-viewer-token"
#define HC_TEST_SUPERVISOR "demo-supervisor-token"
#define HC_TEST_HUB_KEY    "demo-hub"
#define HC_TEST_PAGE_LIMIT 7   /* small pages: every list takes several */

/* The demo hub the tests run, one per test program. */
typedef struct {
  char        *exe;            /* <builddir>/app/demo/hub-console-demo-hub */
  char        *data_dir;       /* the test's temporary folder */
  char        *dir;            /* the running demo hub's data */
  const char  *speed;          /* its --speed */
  char        *snapshot_path;  /* the console's offline copy */
  GSubprocess *process;
  char        *url;
  guint        port;
} HcTestDemo;

extern HcTestDemo hc_test_demo;

typedef gboolean (*HcTestCondition) (gpointer data);

typedef struct {
  HcHub      *hub;
  HcHubState  state;
} HcTestStateWait;

typedef struct {
  HcHub    *hub;
  HcClient *direct;
} HcTestMatchWait;

gboolean    hc_test_demo_wake_cb            (gpointer         data);
void        hc_test_demo_spin_until         (HcTestCondition  cond,
                                             gpointer         data,
                                             guint            timeout_s,
                                             const char      *what);
gboolean    hc_test_demo_is_set             (gpointer         data);
void        hc_test_demo_store_result       (GObject         *object,
                                             GAsyncResult    *result,
                                             gpointer         user_data);
char       *hc_test_demo_read_url           (GSubprocess     *process);
void        hc_test_demo_start              (guint            port);
void        hc_test_demo_stop               (gboolean         kill);
HcClient   *hc_test_demo_client             (const char      *token);
HcHub      *hc_test_demo_new_hub            (const char      *token);
gboolean    hc_test_demo_hub_in_state       (gpointer         data);
void        hc_test_demo_wait_state         (HcHub           *self,
                                             HcHubState       state,
                                             guint            timeout_s);
GHashTable *hc_test_demo_fetch_ids          (HcClient        *client,
                                             HcListKind       kind,
                                             gint64          *total);
gboolean    hc_test_demo_model_matches      (HcItemStore     *store,
                                             GHashTable      *ids,
                                             gint64           total);
gboolean    hc_test_demo_models_match       (gpointer         data);
HcAlert    *hc_test_demo_find_alert         (HcItemStore     *store,
                                             HcAlertState     state,
                                             HcAlert         *not_this);
gboolean    hc_test_demo_has_me             (gpointer         data);
gboolean    hc_test_demo_alert_acknowledged (gpointer         data);
HcAlert    *hc_test_demo_acknowledge        (HcClient        *client,
                                             const char      *id);

gboolean    hc_test_demo_setup              (void);
void        hc_test_demo_teardown           (void);

G_END_DECLS
