/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Watches every hub and shows the desktop notifications the rules ask for. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libnotify/notify.h>

#include "hc-error.h"
#include "hc-notifier-rules.h"
#include "hc-notifier-private.h"

#define SAVE_DELAY_S 2

/* HubWatch and struct _HcNotifier: hc-notifier-private.h */

G_DEFINE_FINAL_TYPE (HcNotifier, hc_notifier, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVER_MISSING,
  N_PROPS
};

enum {
  SIGNAL_OPEN_ITEM,
  SIGNAL_ACKNOWLEDGE_ITEM,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* ---- the server ---------------------------------------------------------- */

void
hc_notifier_set_server_missing (HcNotifier   *self,
                    gboolean      missing,
                    const GError *error)
{
  if (self->server_missing == missing)
    return;
  /* Said once: the console works on without notifications. */
  if (missing && !self->said_missing)
    g_message ("No desktop notification server (%s): Hub Console keeps watching but cannot notify",
               error ? error->message : "unknown");
  self->said_missing |= missing;
  self->server_missing = missing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVER_MISSING]);
}

static void
on_capabilities (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(HcNotifier) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  g_autofree const char **caps = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply == NULL)
    {
      hc_notifier_set_server_missing (self, TRUE, error);
      return;
    }
  g_variant_get (reply, "(^a&s)", &caps);
  hc_notifier_set_server_missing (self, FALSE, NULL);
  /* A server that reads markup in bodies gets them escaped: hub text is
   * data, never markup. */
  self->markup = caps != NULL && g_strv_contains (caps, "body-markup");
}

static void
ask_capabilities (HcNotifier      *self,
                  GDBusConnection *bus);

/* A server that comes later (the session still starting, a daemon
 * installed meanwhile) is used from then on. */
static void
on_name_appeared (GDBusConnection *bus,
                  const char      *name,
                  const char      *owner,
                  gpointer         user_data)
{
  HcNotifier *self = user_data;

  if (self->server_missing)
    ask_capabilities (self, bus);
}

static void
on_bus (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(HcNotifier) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (bus == NULL)
    {
      hc_notifier_set_server_missing (self, TRUE, error);
      return;
    }
  self->name_watch = g_bus_watch_name_on_connection (bus, "org.freedesktop.Notifications",
                                                     G_BUS_NAME_WATCHER_FLAGS_NONE, on_name_appeared,
                                                     NULL, self, NULL);
  ask_capabilities (self, bus);
}

static void
ask_capabilities (HcNotifier      *self,
                  GDBusConnection *bus)
{
  g_dbus_connection_call (bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                          "org.freedesktop.Notifications", "GetCapabilities", NULL,
                          G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, 10000,
                          self->cancellable, on_capabilities, g_object_ref (self));
}

/* ---- what was seen, kept across restarts --------------------------------- */

static char *
state_group (HcHub *hub)
{
  return g_uri_escape_string (hc_hub_get_key (hub), NULL, FALSE);
}

static gboolean
save_state_cb (gpointer data)
{
  HcNotifier *self = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (self->state_path);

  g_clear_pointer (&self->save_source, g_source_unref);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_key_file_save_to_file (self->state, self->state_path, &error))
    g_message ("Could not keep the last notified events in %s: %s", self->state_path,
               error ? error->message : g_strerror (errno));
  return G_SOURCE_REMOVE;
}

/* Written a little later, so a burst of events costs one write. */
static void
remember_last_id (HubWatch *watch)
{
  HcNotifier *self = watch->self;
  g_autofree char *group = state_group (watch->hub);

  g_key_file_set_uint64 (self->state, group, "last-event-id", watch->last_id);
  if (self->save_source != NULL)
    return;
  self->save_source = g_timeout_source_new_seconds (SAVE_DELAY_S);
  g_source_set_callback (self->save_source, save_state_cb, self, NULL);
  g_source_set_static_name (self->save_source, "[hc] notifier save");
  g_source_attach (self->save_source, g_main_context_get_thread_default ());
}

/* ---- showing ------------------------------------------------------------- */

static void
on_settings_changed (GSettings  *settings,
                     const char *key,
                     HcNotifier *self)
{
  self->prefs_valid = FALSE;
}

/* Read when asked after a change, not per event: a burst brings 200,000. */
HcNoticePrefs
hc_notifier_read_prefs (HcNotifier *self)
{
  HcNoticePrefs prefs = { HC_SEVERITY_HIGH, TRUE, TRUE, TRUE, TRUE };

  if (self->prefs_valid)
    return self->prefs;

  if (self->settings != NULL)
    {
      g_autofree char *severity = g_settings_get_string (self->settings, "notify-min-severity");
      int value;

      if (hc_enum_from_nick (HC_TYPE_SEVERITY, severity, &value))
        prefs.min_severity = value;
      prefs.alerts = g_settings_get_boolean (self->settings, "notify-alerts");
      prefs.sources = g_settings_get_boolean (self->settings, "notify-sources");
      prefs.storage = g_settings_get_boolean (self->settings, "notify-storage");
      prefs.hubs = g_settings_get_boolean (self->settings, "notify-hubs");
    }
  self->prefs = prefs;
  self->prefs_valid = TRUE;
  return prefs;
}

/* An action of a notification, as a signal. */
void
hc_notifier_emit_action (HcNotifier *self,
                         const char *action,
                         const char *hub_key,
                         const char *list,
                         const char *item_id,
                         const char *filter)
{
  if (g_strcmp0 (action, "acknowledge") == 0)
    g_signal_emit (self, signals[SIGNAL_ACKNOWLEDGE_ITEM], 0, hub_key, item_id);
  else
    g_signal_emit (self, signals[SIGNAL_OPEN_ITEM], 0, hub_key, list, item_id, filter);
}

/* ---- events and lists ---------------------------------------------------- */

static int
known_state (HubWatch   *watch,
             const char *tag)
{
  gpointer value;

  if (!g_hash_table_lookup_extended (watch->states, tag, NULL, &value))
    return -1;
  return GPOINTER_TO_INT (value) - 1;
}

static void
set_known_state (HubWatch   *watch,
                 const char *tag,
                 int         state)
{
  g_hash_table_insert (watch->states, g_strdup (tag), GINT_TO_POINTER (state + 1));
}

/*
 * One item as the hub now has it: notify if it turned bad since we last
 * knew it (and @seeded, we knew the hub's lists before: nothing from a
 * first read), withdraw what it said before once it is well again.
 */
void
hc_notifier_observe (HubWatch            *watch,
                     const HcNoticePrefs *prefs,
                     gpointer             item,
                     gboolean             created,
                     gboolean             seeded)
{
  HcNotifier *self = watch->self;
  const char *name = hc_hub_manager_get_hub_name (self->manager, watch->hub);
  const char *id = hc_item_get_id (HC_ITEM (item));

  if (HC_IS_ALERT (item))
    {
      g_autofree char *tag = hc_notice_tag (HC_NOTICE_ALERT, id, NULL);
      gboolean known = known_state (watch, tag) >= 0;

      set_known_state (watch, tag, hc_alert_get_state (item));
      if (hc_alert_get_state (item) == HC_ALERT_STATE_RESOLVED)
        hc_notifier_withdraw (watch, tag);
      else if (created || (seeded && !known))
        hc_notifier_show_notice (watch, hc_notice_for_alert (prefs, name, item));
    }
  else if (HC_IS_SOURCE (item))
    {
      g_autofree char *tag = hc_notice_tag (HC_NOTICE_SOURCE, id, NULL);
      int previous = known_state (watch, tag);
      HcSourceStatus status = hc_source_get_status (item);

      set_known_state (watch, tag, status);
      if (status != HC_SOURCE_STATUS_FAILED)
        hc_notifier_withdraw (watch, tag);
      else if (seeded)
        hc_notifier_show_notice (watch, hc_notice_for_source (prefs, name, item, previous));
    }
  else if (HC_IS_POOL (item))
    {
      g_autofree char *tag = hc_notice_tag (HC_NOTICE_POOL, id, NULL);
      int previous = known_state (watch, tag);
      HcPoolState state = hc_pool_get_state (item);

      set_known_state (watch, tag, state);
      if (state == HC_POOL_STATE_HEALTHY)
        hc_notifier_withdraw (watch, tag);
      else if (seeded)
        hc_notifier_show_notice (watch, hc_notice_for_pool (prefs, name, item, previous));
    }
  else if (HC_IS_NODE (item))
    {
      GListModel *disks = hc_node_get_disks (item);

      for (guint i = 0; i < g_list_model_get_n_items (disks); i++)
        {
          g_autoptr(HcDisk) disk = g_list_model_get_item (disks, i);
          g_autofree char *tag = hc_notice_tag (HC_NOTICE_DISK, id, hc_item_get_id (HC_ITEM (disk)));
          int previous = known_state (watch, tag);

          set_known_state (watch, tag, hc_disk_get_health (disk));
          if (hc_disk_get_health (disk) != HC_DISK_HEALTH_FAILING)
            hc_notifier_withdraw (watch, tag);
          else if (seeded)
            hc_notifier_show_notice (watch, hc_notice_for_disk (prefs, name, item, disk, previous));
        }
    }
}

/* An event that brought an item (parsed once, by the hub). */
static void
on_item_event (HcHub      *hub,
               const char *name,
               HcItem     *item,
               const char *id,
               HubWatch   *watch)
{
  HcNoticePrefs prefs;
  guint64 number = 0;

  /* A replay of what we already saw, after a reconnect or a restart. */
  if (hc_notice_parse_event_id (id, &number))
    {
      if (number <= watch->last_id)
        return;
      watch->last_id = number;
      remember_last_id (watch);
    }

  prefs = hc_notifier_read_prefs (watch->self);
  hc_notifier_observe (watch, &prefs, item, g_strcmp0 (name, "alert.created") == 0, watch->seeded);
}

/* The hub's "reset": its id is the hub's newest. Ids behind ours: the hub
 * started a new count (its store was replaced), and the old high-water
 * mark would hide every event to come as a replay. */
static void
on_reset (HcEventStream *stream,
          HubWatch      *watch)
{
  guint64 number = 0;

  if (hc_notice_parse_event_id (hc_event_stream_get_last_event_id (stream), &number) && number < watch->last_id)
    {
      watch->last_id = number;
      remember_last_id (watch);
    }
}

/* The lists were read (again): what changed while we could not hear the
 * hub counts too, but the first read only tells us how things stand. */
static void
on_loading (HcHub      *hub,
            GParamSpec *pspec,
            HubWatch   *watch)
{
  if (hc_hub_get_loading (hub) || hc_hub_get_state (hub) != HC_HUB_CONNECTED)
    return;
  /* The look goes by what we knew before it; events from now on count. */
  hc_notifier_look_start (watch, watch->seeded);
  watch->seeded = TRUE;
}

/* ---- hubs going and coming ----------------------------------------------- */

static gboolean
down_cb (gpointer data)
{
  HubWatch *watch = data;
  HcNotifier *self = watch->self;
  HcNoticePrefs prefs = hc_notifier_read_prefs (self);
  const GError *error = hc_hub_get_last_error (watch->hub);
  g_autofree char *reason = error ? hc_error_describe (error) : NULL;
  gint64 seconds = (g_get_monotonic_time () - watch->down_since) / G_USEC_PER_SEC;

  g_clear_pointer (&watch->down_source, g_source_unref);
  watch->down_notified = TRUE;
  hc_notifier_show_notice (watch, hc_notice_for_hub_down (&prefs, hc_hub_manager_get_hub_name (self->manager, watch->hub),
                                         hc_hub_get_state (watch->hub) == HC_HUB_SIGNED_OUT, reason, seconds));
  return G_SOURCE_REMOVE;
}

static void
on_state (HcHub      *hub,
          GParamSpec *pspec,
          HubWatch   *watch)
{
  HcNotifier *self = watch->self;
  HcHubState state = hc_hub_get_state (hub);

  if (state == HC_HUB_OFFLINE || state == HC_HUB_SIGNED_OUT)
    {
      guint delay = self->settings ? g_settings_get_uint (self->settings, "notify-offline-delay") : 60;

      if (watch->down_since != 0)
        return;
      watch->down_since = g_get_monotonic_time ();
      watch->down_source = g_timeout_source_new_seconds (delay);
      g_source_set_callback (watch->down_source, down_cb, watch, NULL);
      g_source_set_static_name (watch->down_source, "[hc] hub down");
      g_source_attach (watch->down_source, g_main_context_get_thread_default ());
    }
  else if (state == HC_HUB_CONNECTED && watch->down_since != 0)
    {
      HcNoticePrefs prefs = hc_notifier_read_prefs (self);
      gint64 seconds = (g_get_monotonic_time () - watch->down_since) / G_USEC_PER_SEC;

      if (watch->down_source != NULL)
        {
          g_source_destroy (watch->down_source);
          g_clear_pointer (&watch->down_source, g_source_unref);
        }
      watch->down_since = 0;
      if (watch->down_notified)
        {
          watch->down_notified = FALSE;
          /* Replaces the "offline" notification. */
          hc_notifier_show_notice (watch, hc_notice_for_hub_back (&prefs, hc_hub_manager_get_hub_name (self->manager, hub),
                                                 seconds));
        }
    }
}

static void
hub_watch_free (gpointer data)
{
  HubWatch *watch = data;
  GHashTableIter iter;
  gpointer value;

  g_signal_handlers_disconnect_by_data (watch->hub, watch);
  g_signal_handlers_disconnect_by_data (hc_hub_get_event_stream (watch->hub), watch);
  hc_notifier_look_stop (watch);
  if (watch->down_source != NULL)
    {
      g_source_destroy (watch->down_source);
      g_source_unref (watch->down_source);
    }
  g_hash_table_iter_init (&iter, watch->shown);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_signal_handlers_disconnect_by_data (value, watch);
  g_hash_table_unref (watch->shown);
  g_hash_table_unref (watch->states);
  if (watch->summary_source != NULL)
    {
      g_source_destroy (watch->summary_source);
      g_source_unref (watch->summary_source);
    }
  g_ptr_array_unref (watch->burst_notices);
  g_array_unref (watch->burst_times);
  g_object_unref (watch->hub);
  g_free (watch);
}

static void
watch_hub (HcNotifier *self,
           HcHub      *hub)
{
  HubWatch *watch = g_new0 (HubWatch, 1);
  g_autofree char *group = state_group (hub);

  watch->self = self;
  watch->hub = g_object_ref (hub);
  watch->states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  watch->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  watch->burst_notices = g_ptr_array_new_with_free_func ((GDestroyNotify) hc_notice_free);
  watch->burst_times = g_array_new (FALSE, FALSE, sizeof (gint64));
  watch->last_id = g_key_file_get_uint64 (self->state, group, "last-event-id", NULL);
  g_hash_table_insert (self->watches, hub, watch);

  g_signal_connect (hub, "item-event", G_CALLBACK (on_item_event), watch);
  g_signal_connect (hc_hub_get_event_stream (hub), "reset", G_CALLBACK (on_reset), watch);
  g_signal_connect (hub, "notify::loading", G_CALLBACK (on_loading), watch);
  g_signal_connect (hub, "notify::state", G_CALLBACK (on_state), watch);
  /* A hub that already has its lists (added before us). */
  on_loading (hub, NULL, watch);
  on_state (hub, NULL, watch);
}

static void
on_hubs_changed (GListModel *hubs,
                 guint       position,
                 guint       removed,
                 guint       added,
                 HcNotifier *self)
{
  g_autoptr(GHashTable) present = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key;

  for (guint i = 0; i < g_list_model_get_n_items (hubs); i++)
    {
      g_autoptr(HcHub) hub = g_list_model_get_item (hubs, i);

      g_hash_table_add (present, hub);
      if (!g_hash_table_contains (self->watches, hub))
        watch_hub (self, hub);
    }

  /* A hub no longer watched takes its notifications with it. */
  g_hash_table_iter_init (&iter, self->watches);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      {
        HubWatch *watch = g_hash_table_lookup (self->watches, key);
        guint n_tags = 0;
        g_autofree gpointer *tags = g_hash_table_get_keys_as_array (watch->shown, &n_tags);

        for (guint i = 0; i < n_tags; i++)
          {
            g_autofree char *tag = g_strdup (tags[i]);
            hc_notifier_withdraw (watch, tag);
          }
        g_hash_table_iter_remove (&iter);
      }
}

/* ---- object -------------------------------------------------------------- */

static void
hc_notifier_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HcNotifier *self = HC_NOTIFIER (object);

  switch (prop_id)
    {
    case PROP_SERVER_MISSING:
      g_value_set_boolean (value, self->server_missing);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_notifier_dispose (GObject *object)
{
  HcNotifier *self = HC_NOTIFIER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->name_watch != 0)
    g_bus_unwatch_name (self->name_watch);
  self->name_watch = 0;
  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (hc_hub_manager_get_hubs (self->manager), self);
  g_clear_pointer (&self->watches, g_hash_table_unref);
  if (self->save_source != NULL)
    {
      g_source_destroy (self->save_source);
      save_state_cb (self);
    }
  g_clear_object (&self->manager);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hc_notifier_parent_class)->dispose (object);
}

static void
hc_notifier_finalize (GObject *object)
{
  HcNotifier *self = HC_NOTIFIER (object);

  g_clear_pointer (&self->state, g_key_file_unref);
  g_free (self->state_path);

  G_OBJECT_CLASS (hc_notifier_parent_class)->finalize (object);
}

static void
hc_notifier_class_init (HcNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hc_notifier_get_property;
  object_class->dispose = hc_notifier_dispose;
  object_class->finalize = hc_notifier_finalize;

  properties[PROP_SERVER_MISSING] =
    g_param_spec_boolean ("server-missing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_OPEN_ITEM] =
    g_signal_new ("open-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  signals[SIGNAL_ACKNOWLEDGE_ITEM] =
    g_signal_new ("acknowledge-item", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
hc_notifier_init (HcNotifier *self)
{
  self->watches = g_hash_table_new_full (NULL, NULL, NULL, hub_watch_free);
  self->state = g_key_file_new ();
  self->cancellable = g_cancellable_new ();
}

/**
 * hc_notifier_default_state_path:
 * Where the last notified event of each hub is kept: the user's state
 * directory ($XDG_STATE_HOME), as it is no document and no cache.
 */
char *
hc_notifier_default_state_path (void)
{
  return g_build_filename (g_get_user_state_dir (), "hub-console", "notifications.ini", NULL);
}

/**
 * hc_notifier_new:
 * @settings: (nullable): the console's settings (notify-* keys); %NULL
 *   for the defaults
 * @state_path: (nullable): the GKeyFile of the last event ids seen;
 *   %NULL for hc_notifier_default_state_path()
 */
HcNotifier *
hc_notifier_new (HcHubManager *manager,
                 GSettings    *settings,
                 const char   *state_path)
{
  HcNotifier *self;
  g_autoptr(GError) error = NULL;
  GListModel *hubs;

  g_return_val_if_fail (HC_IS_HUB_MANAGER (manager), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (!notify_is_initted ())
    notify_init (_("Hub Console"));

  self = g_object_new (HC_TYPE_NOTIFIER, NULL);
  self->manager = g_object_ref (manager);
  self->settings = settings ? g_object_ref (settings) : NULL;
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed", G_CALLBACK (on_settings_changed), self, 0);
  self->state_path = state_path ? g_strdup (state_path) : hc_notifier_default_state_path ();
  if (!g_key_file_load_from_file (self->state, self->state_path, G_KEY_FILE_NONE, &error) &&
      !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_message ("Could not read %s: %s", self->state_path, error->message);

  g_bus_get (G_BUS_TYPE_SESSION, self->cancellable, on_bus, g_object_ref (self));

  hubs = hc_hub_manager_get_hubs (manager);
  g_signal_connect (hubs, "items-changed", G_CALLBACK (on_hubs_changed), self);
  on_hubs_changed (hubs, 0, 0, 0, self);
  return self;
}

/**
 * hc_notifier_set_focus_func:
 * Tells the notifier how to know what the operator is looking at.
 */
void
hc_notifier_set_focus_func (HcNotifier          *self,
                            HcNotifierFocusFunc  func,
                            gpointer             user_data)
{
  g_return_if_fail (HC_IS_NOTIFIER (self));

  self->focus_func = func;
  self->focus_data = user_data;
}

gboolean
hc_notifier_get_server_missing (HcNotifier *self)
{
  g_return_val_if_fail (HC_IS_NOTIFIER (self), FALSE);

  return self->server_missing;
}

/**
 * hc_notifier_get_last_event_id:
 * The newest event id seen from the hub @hub_key (0 before any).
 */
guint64
hc_notifier_get_last_event_id (HcNotifier *self,
                               const char *hub_key)
{
  HcHub *hub;
  HubWatch *watch;

  g_return_val_if_fail (HC_IS_NOTIFIER (self), 0);

  hub = hc_hub_manager_lookup (self->manager, hub_key);
  watch = hub ? g_hash_table_lookup (self->watches, hub) : NULL;
  return watch ? watch->last_id : 0;
}
