/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What hc-notifier.c (watching hubs), hc-notifier-look.c (looking at the
 * lists read) and hc-notifier-show.c (showing notifications) share. */

#include <libnotify/notify.h>

#include "hc-notifier-rules.h"
#include "hc-notifier.h"

G_BEGIN_DECLS

typedef struct {
  HcNotifier         *self;          /* unowned: it owns us */
  HcHub              *hub;
  gboolean            seeded;        /* the lists were read once */
  GSource            *look_source;   /* looks at the lists read, a slice a turn */
  GArray             *look_items;    /* what the lists held, and where */
  guint               look_next;
  gboolean            look_seeded;   /* we knew the lists before this read */
  GHashTable         *states;        /* tag -> GINT_TO_POINTER (state + 1) */
  guint64             last_id;       /* the newest event id seen */
  GSource            *down_source;
  gint64              down_since;    /* monotonic µs, 0 while up */
  gboolean            down_notified;
  GHashTable         *shown;         /* tag -> NotifyNotification */
  HcNoticeBurst       burst;
  gboolean            summarizing;   /* the burst goes into one summary */
  GPtrArray          *burst_notices; /* HcNotice, shown or summed up in this burst */
  GArray             *burst_times;   /* gint64 beside each individually shown one */
  GSource            *summary_source; /* shows the summary again, a little later */
} HubWatch;

struct _HcNotifier
{
  GObject              parent_instance;

  HcHubManager        *manager;
  GSettings           *settings;
  HcNoticePrefs        prefs;        /* the notify-* keys, read once per change */
  gboolean             prefs_valid;
  char                *state_path;
  GKeyFile            *state;
  GSource             *save_source;
  GHashTable          *watches;      /* HcHub -> HubWatch */
  GCancellable        *cancellable;
  gboolean             server_missing;
  gboolean             said_missing;
  guint                name_watch;
  gboolean             markup;
  HcNotifierFocusFunc  focus_func;
  gpointer             focus_data;
};

void hc_notifier_set_server_missing (HcNotifier   *self,
                                     gboolean      missing,
                                     const GError *error);
void hc_notifier_emit_action        (HcNotifier   *self,
                                     const char   *action,
                                     const char   *hub_key,
                                     const char   *list,
                                     const char   *item_id,
                                     const char   *filter);
void hc_notifier_show_notice        (HubWatch     *watch,
                                     HcNotice     *notice);
void hc_notifier_withdraw           (HubWatch     *watch,
                                     const char   *tag);
HcNoticePrefs hc_notifier_read_prefs (HcNotifier *self);
void hc_notifier_observe            (HubWatch            *watch,
                                     const HcNoticePrefs *prefs,
                                     gpointer             item,
                                     gboolean             created,
                                     gboolean             seeded);

/* hc-notifier-look.c */
void hc_notifier_look_start         (HubWatch     *watch,
                                     gboolean      seeded);
void hc_notifier_look_stop          (HubWatch     *watch);

G_END_DECLS
