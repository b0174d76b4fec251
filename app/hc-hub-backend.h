/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-hub.h"

G_BEGIN_DECLS

/*
 * What differs between the kinds of hub (HcProfile:kind): how a hub is
 * read, what lists it serves and what it can do to an item. The pages ask
 * HcHub (hc_hub_serves(), hc_hub_can()), never the kind, so a third kind
 * is one more table here and no change to them.
 *
 * @start connects and reads everything; it is called again on refresh and
 * by the hub's retry after a failure (hc_hub_went_offline()).
 * @why_not: the reason, translated, an action is not offered.
 * @silence_alert, @expire_silence: return the alert as the model then
 * holds it on @task (NULL when the kind has no silences).
 */
typedef struct {
  const char   *kind;
  guint         lists;    /* 1 << HcListKind */
  guint         actions;  /* 1 << HcHubAction */
  gboolean      details;  /* items have a detail to fetch (hc_hub_fetch_detail_async()) */
  const char *(*why_not)        (HcHubAction  action);
  void        (*start)          (HcHub       *hub);
  void        (*silence_alert)  (HcHub       *hub,
                                 const char  *id,
                                 const char  *comment,
                                 gint64       ends_at,
                                 GTask       *task);
  void        (*expire_silence) (HcHub       *hub,
                                 const char  *id,
                                 GTask       *task);
} HcHubBackend;

const HcHubBackend *hc_hub_backend_for_kind (const char *kind);

/* hc-hub-backend.c: the Hub API; hc-hub-alertmanager.c: Alertmanager. */
extern const HcHubBackend hc_hub_backend_hub_api;
extern const HcHubBackend hc_hub_backend_alertmanager;

G_END_DECLS
