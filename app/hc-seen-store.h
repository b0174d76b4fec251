/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-alert.h"
#include "hc-source.h"

G_BEGIN_DECLS

#define HC_TYPE_SEEN_STORE (hc_seen_store_get_type ())

G_DECLARE_FINAL_TYPE (HcSeenStore, hc_seen_store, HC, SEEN_STORE, GObject)

HcSeenStore *hc_seen_store_new            (const char   *path);
char        *hc_seen_store_default_path   (void);
gboolean     hc_seen_store_load           (HcSeenStore  *self,
                                           GError      **error);
gboolean     hc_seen_store_save           (HcSeenStore  *self,
                                           GError      **error);
void         hc_seen_store_start          (HcSeenStore  *self,
                                           const char   *hub_key,
                                           gint64        now);
gboolean     hc_seen_store_is_seen        (HcSeenStore  *self,
                                           const char   *hub_key,
                                           const char   *item_key,
                                           gint64        since);
void         hc_seen_store_mark_seen      (HcSeenStore  *self,
                                           const char   *hub_key,
                                           const char   *item_key);
void         hc_seen_store_mark_all_seen  (HcSeenStore  *self,
                                           const char   *hub_key,
                                           gint64        now);

HcSeenStore *hc_seen_store_get_default    (void);
gboolean     hc_seen_store_is_alert_seen  (HcSeenStore  *self,
                                           const char   *hub_key,
                                           HcAlert      *alert);
guint        hc_seen_store_count_unseen   (HcSeenStore  *self,
                                           const char   *hub_key,
                                           GListModel   *alerts,
                                           HcSeverity    min_severity);
guint        hc_seen_store_count_unseen_range (HcSeenStore *self,
                                               const char  *hub_key,
                                               GListModel  *alerts,
                                               HcSeverity   min_severity,
                                               guint        position,
                                               guint        n_items);
gboolean     hc_seen_store_is_source_seen (HcSeenStore  *self,
                                           const char   *hub_key,
                                           HcSource     *source);
void         hc_seen_store_mark_source_seen (HcSeenStore *self,
                                           const char   *hub_key,
                                           HcSource     *source);

G_END_DECLS
