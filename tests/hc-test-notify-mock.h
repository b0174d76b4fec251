/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* One Notify call: (app_name, replaces_id, app_icon, summary, body,
 * actions, hints, expire_timeout). */
typedef struct {
  guint32   replaces_id;
  char     *app_icon;
  char     *summary;
  char     *body;
  char    **actions;
  guchar    urgency;
  gint32    timeout;
} HcTestNotify;

void         hc_test_notify_clear           (HcTestNotify *n);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (HcTestNotify, hc_test_notify_clear)

GSubprocess *hc_test_notify_mock_start      (const char   *capabilities);
void         hc_test_notify_mock_stop       (GSubprocess  *mock);
/* The mock's record of @method, as (args) tuples in call order. */
GPtrArray   *hc_test_notify_mock_calls      (const char   *method);
guint        hc_test_notify_mock_n_calls    (const char   *method);
void         hc_test_notify_mock_nth_notify (guint         index,
                                             HcTestNotify *out);
guint32      hc_test_notify_mock_notify_id  (guint         index);
guint32      hc_test_notify_mock_nth_close  (guint         index);
/* The operator clicks @action of notification @id. */
void         hc_test_notify_mock_invoke     (guint32       id,
                                             const char   *action);

G_END_DECLS
