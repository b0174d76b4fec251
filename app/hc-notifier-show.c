/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shows, groups and withdraws one hub's notifications (libnotify). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-notifier-private.h"

typedef struct {
  GWeakRef  notifier;
  char     *hub_key;
  char     *list;
  char     *item_id;
  char     *filter;
} ActionData;

static void
action_data_free (gpointer data)
{
  ActionData *action = data;

  g_weak_ref_clear (&action->notifier);
  g_free (action->hub_key);
  g_free (action->list);
  g_free (action->item_id);
  g_free (action->filter);
  g_free (action);
}

static ActionData *
action_data_new (HcNotifier *self,
                 HcHub      *hub,
                 HcNotice   *notice)
{
  ActionData *action = g_new0 (ActionData, 1);

  g_weak_ref_init (&action->notifier, self);
  action->hub_key = g_strdup (hc_hub_get_key (hub));
  action->list = g_strdup (notice->list);
  action->item_id = g_strdup (notice->item_id);
  action->filter = g_strdup (notice->filter);
  return action;
}

static void
on_action (NotifyNotification *notification,
           char               *name,
           gpointer            user_data)
{
  ActionData *action = user_data;
  g_autoptr(HcNotifier) self = g_weak_ref_get (&action->notifier);

  if (self == NULL)
    return;
  hc_notifier_emit_action (self, name, action->hub_key, action->list, action->item_id, action->filter);
}

static void
on_closed (NotifyNotification *notification,
           HubWatch           *watch)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, watch->shown);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == notification)
      {
        g_signal_handlers_disconnect_by_data (notification, watch);
        g_hash_table_iter_remove (&iter);
        return;
      }
}

void
hc_notifier_withdraw (HubWatch   *watch,
          const char *tag)
{
  NotifyNotification *notification = g_hash_table_lookup (watch->shown, tag);
  g_autoptr(GError) error = NULL;

  if (notification == NULL)
    return;
  g_signal_handlers_disconnect_by_data (notification, watch);
  if (!notify_notification_close (notification, &error))
    g_debug ("Could not withdraw notification %s: %s", tag, error->message);
  g_hash_table_remove (watch->shown, tag);
}

static void
show (HubWatch *watch,
      HcNotice *notice)
{
  HcNotifier *self = watch->self;
  NotifyNotification *notification = g_hash_table_lookup (watch->shown, notice->tag);
  g_autofree char *body = self->markup ? g_markup_escape_text (notice->body, -1) : g_strdup (notice->body);
  static const NotifyUrgency urgency[] = {
    [HC_NOTICE_URGENCY_LOW] = NOTIFY_URGENCY_LOW,
    [HC_NOTICE_URGENCY_NORMAL] = NOTIFY_URGENCY_NORMAL,
    [HC_NOTICE_URGENCY_CRITICAL] = NOTIFY_URGENCY_CRITICAL,
  };
  g_autoptr(GError) error = NULL;

  if (self->server_missing)
    return;

  /* The same thing again (the hub back after "offline", a summary that
   * grew) replaces the notification in place. */
  if (notification != NULL)
    {
      notify_notification_update (notification, notice->title, body, APP_ID);
      notify_notification_clear_actions (notification);
    }
  else
    {
      notification = notify_notification_new (notice->title, body, APP_ID);
      g_hash_table_insert (watch->shown, g_strdup (notice->tag), notification);
      g_signal_connect (notification, "closed", G_CALLBACK (on_closed), watch);
    }

  notify_notification_set_urgency (notification, urgency[notice->urgency]);
  /* Critical ones stay until the operator dismisses them. */
  notify_notification_set_timeout (notification, notice->urgency == HC_NOTICE_URGENCY_CRITICAL
                                                 ? NOTIFY_EXPIRES_NEVER : NOTIFY_EXPIRES_DEFAULT);
  notify_notification_set_hint (notification, "desktop-entry", g_variant_new_string (APP_ID));
  /* Translators: a notification's button that opens the item it is about */
  notify_notification_add_action (notification, "default", C_("notification action", "Open"), on_action,
                                  action_data_new (self, watch->hub, notice), action_data_free);
  /* Translators: a notification's button that opens the item it is about */
  notify_notification_add_action (notification, "open", C_("notification action", "Open"), on_action,
                                  action_data_new (self, watch->hub, notice), action_data_free);
  if (notice->acknowledge && hc_hub_get_me (watch->hub) != NULL &&
      hc_me_can_acknowledge (hc_hub_get_me (watch->hub)))
    notify_notification_add_action (notification, "acknowledge", _("Acknowledge"), on_action,
                                    action_data_new (self, watch->hub, notice), action_data_free);

  if (!notify_notification_show (notification, &error))
    {
      hc_notifier_set_server_missing (self, TRUE, error);
      hc_notifier_withdraw (watch, notice->tag);
    }
}

static void
show_summary (HubWatch *watch)
{
  HcNotifier *self = watch->self;
  const char *name = hc_hub_manager_get_hub_name (self->manager, watch->hub);
  g_autoptr(HcNotice) summary = hc_notice_summary (name, (HcNotice * const *) watch->burst_notices->pdata,
                                                   watch->burst_notices->len);

  show (watch, summary);
}

/*
 * While a burst goes on, the summary is shown again at most every
 * HC_NOTIFIER_SUMMARY_MS: summing up every notice of the burst at each
 * new one made a burst of 20,000 alerts cost its square.
 */
#define HC_NOTIFIER_SUMMARY_MS 500

static void
show_pending_summary (HubWatch *watch)
{
  if (watch->summary_source == NULL)
    return;
  g_source_destroy (watch->summary_source);
  g_clear_pointer (&watch->summary_source, g_source_unref);
  show_summary (watch);
}

static gboolean
summary_cb (gpointer data)
{
  HubWatch *watch = data;

  g_clear_pointer (&watch->summary_source, g_source_unref);
  show_summary (watch);
  return G_SOURCE_REMOVE;
}

static void
show_summary_later (HubWatch *watch)
{
  if (watch->summary_source != NULL)
    return;
  watch->summary_source = g_timeout_source_new (HC_NOTIFIER_SUMMARY_MS);
  g_source_set_callback (watch->summary_source, summary_cb, watch, NULL);
  g_source_set_static_name (watch->summary_source, "[hc] notifier summary");
  g_source_attach (watch->summary_source, g_main_context_get_thread_default ());
}

/* Forgets the ones shown one by one that are older than the window. */
static void
prune_burst (HubWatch *watch,
             gint64    now)
{
  while (watch->burst_times->len > 0 &&
         g_array_index (watch->burst_times, gint64, 0) <= now - HC_NOTICE_BURST_WINDOW)
    {
      g_array_remove_index (watch->burst_times, 0);
      g_ptr_array_remove_index (watch->burst_notices, 0);
    }
}

/* One notice, unless the operator is looking at it; in a burst, the
 * hub's summary instead. Takes @notice. */
void
hc_notifier_show_notice (HubWatch *watch,
               HcNotice *notice)
{
  HcNotifier *self = watch->self;
  gint64 now = g_get_monotonic_time ();

  if (notice == NULL)
    return;
  if (self->focus_func != NULL && notice->list != NULL &&
      self->focus_func (hc_hub_get_key (watch->hub), notice->list, notice->item_id, self->focus_data))
    {
      hc_notice_free (notice);
      return;
    }

  /* The hub itself going and coming is never lost in a summary. */
  if (notice->kind == HC_NOTICE_HUB)
    {
      show (watch, notice);
      hc_notice_free (notice);
      return;
    }

  if (!watch->summarizing)
    prune_burst (watch, now);
  if (hc_notice_burst_add (&watch->burst, now))
    {
      gboolean first = !watch->summarizing;

      /* The summary takes the place of those shown one by one. */
      if (first)
        for (guint i = 0; i < watch->burst_notices->len; i++)
          hc_notifier_withdraw (watch, ((HcNotice *) watch->burst_notices->pdata[i])->tag);
      watch->summarizing = TRUE;
      g_ptr_array_add (watch->burst_notices, notice);
      g_array_set_size (watch->burst_times, 0);
      if (first)
        show_summary (watch);
      else
        show_summary_later (watch);
      return;
    }

  /* The hub was quiet for the window: what the last summary counted is
   * history (the next one replaces it). */
  if (watch->summarizing)
    {
      show_pending_summary (watch);
      watch->summarizing = FALSE;
      g_ptr_array_set_size (watch->burst_notices, 0);
      g_array_set_size (watch->burst_times, 0);
    }
  g_ptr_array_add (watch->burst_notices, notice);
  g_array_append_val (watch->burst_times, now);
  show (watch, notice);
}
