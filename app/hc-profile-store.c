/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-profile-store.h"
#include "hc-url.h"

/* The hub profiles as a list model, kept in GSettings: the `hubs` key of the
 * main schema holds the ordered ids, and each profile lives in the
 * relocatable schema APP_ID.Hub at <main path>hubs/<id>/. Another instance
 * of the console editing the same settings is followed through the change
 * signals, so every window shows the same hubs. */

typedef struct
{
  HcProfile *profile;
  GSettings *settings;
  /* Set while a value is copied one way, so it does not echo back. */
  gboolean   syncing;
} Entry;

struct _HcProfileStore
{
  GObject parent_instance;

  GSettings        *settings;
  GSettingsBackend *backend;
  GSettingsSchema  *hub_schema;
  char             *base_path;
  GPtrArray        *entries;
};

static void hc_profile_store_list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HcProfileStore, hc_profile_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      hc_profile_store_list_model_iface_init))

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Property names of HcProfile and keys of the Hub schema are the same. */
static const char * const synced_keys[] = {
  "name", "url", "username", "ca-file", "pinned-fingerprint", "allow-plaintext",
  "kind", "poll-interval",
};

static void
entry_load_key (Entry      *entry,
                const char *key)
{
  HcProfile *profile = entry->profile;
  g_autoptr(GError) error = NULL;

  entry->syncing = TRUE;

  if (g_str_equal (key, "name"))
    {
      g_autofree char *value = g_settings_get_string (entry->settings, key);
      hc_profile_set_name (profile, value);
    }
  else if (g_str_equal (key, "url"))
    {
      g_autofree char *value = g_settings_get_string (entry->settings, key);
      /* Keep the last good address; the stored one is left as it is so the
       * operator can still see and fix it. Not logged: it may hold a password. */
      if (!hc_profile_set_url (profile, value, &error))
        g_debug ("Hub profile %s: the stored address is not valid: %s",
                 hc_profile_get_id (profile), error->message);
    }
  else if (g_str_equal (key, "username"))
    {
      g_autofree char *value = g_settings_get_string (entry->settings, key);
      hc_profile_set_username (profile, value);
    }
  else if (g_str_equal (key, "ca-file"))
    {
      g_autofree char *value = g_settings_get_string (entry->settings, key);
      hc_profile_set_ca_file (profile, value);
    }
  else if (g_str_equal (key, "pinned-fingerprint"))
    {
      g_autofree char *value = g_settings_get_string (entry->settings, key);
      if (!hc_profile_set_pinned_fingerprint (profile, value, &error))
        g_debug ("Hub profile %s: the stored fingerprint is not valid: %s",
                 hc_profile_get_id (profile), error->message);
    }
  else if (g_str_equal (key, "allow-plaintext"))
    {
      hc_profile_set_allow_plaintext (profile, g_settings_get_boolean (entry->settings, key));
    }
  else if (g_str_equal (key, "kind"))
    {
      g_autofree char *value = g_settings_get_string (entry->settings, key);
      hc_profile_set_kind (profile, value);
    }
  else if (g_str_equal (key, "poll-interval"))
    {
      hc_profile_set_poll_interval (profile, g_settings_get_uint (entry->settings, key));
    }

  entry->syncing = FALSE;
}

static void
entry_save_key (Entry      *entry,
                const char *key)
{
  HcProfile *profile = entry->profile;

  entry->syncing = TRUE;

  if (g_str_equal (key, "allow-plaintext"))
    {
      g_settings_set_boolean (entry->settings, key, hc_profile_get_allow_plaintext (profile));
    }
  else if (g_str_equal (key, "poll-interval"))
    {
      g_settings_set_uint (entry->settings, key, hc_profile_get_poll_interval (profile));
    }
  else
    {
      g_autofree char *value = NULL;

      g_object_get (profile, key, &value, NULL);
      g_settings_set_string (entry->settings, key, value != NULL ? value : "");
    }

  entry->syncing = FALSE;
}

static void
on_profile_notify (HcProfile  *profile,
                   GParamSpec *pspec,
                   Entry      *entry)
{
  if (entry->syncing)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (synced_keys); i++)
    if (g_str_equal (pspec->name, synced_keys[i]))
      {
        entry_save_key (entry, synced_keys[i]);
        break;
      }
}

static void
on_entry_settings_changed (GSettings  *settings,
                           const char *key,
                           Entry      *entry)
{
  if (entry->syncing)
    return;

  entry_load_key (entry, key);
}

static Entry *
entry_new (HcProfileStore *self,
           HcProfile      *profile,
           gboolean        load)
{
  g_autofree char *path = NULL;
  Entry *entry;

  path = g_strdup_printf ("%shubs/%s/", self->base_path, hc_profile_get_id (profile));

  entry = g_new0 (Entry, 1);
  entry->profile = g_object_ref (profile);
  entry->settings = g_settings_new_full (self->hub_schema, self->backend, path);

  for (guint i = 0; i < G_N_ELEMENTS (synced_keys); i++)
    {
      if (load)
        entry_load_key (entry, synced_keys[i]);
      else
        entry_save_key (entry, synced_keys[i]);
    }

  g_signal_connect (entry->profile, "notify", G_CALLBACK (on_profile_notify), entry);
  g_signal_connect (entry->settings, "changed", G_CALLBACK (on_entry_settings_changed), entry);

  return entry;
}

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  if (entry == NULL)
    return;

  g_signal_handlers_disconnect_by_data (entry->profile, entry);
  g_signal_handlers_disconnect_by_data (entry->settings, entry);
  g_clear_object (&entry->profile);
  g_clear_object (&entry->settings);
  g_free (entry);
}

static Entry *
find_in (GPtrArray  *entries,
         const char *id)
{
  for (guint i = 0; i < entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (entries, i);

      if (entry != NULL && g_strcmp0 (hc_profile_get_id (entry->profile), id) == 0)
        return entry;
    }

  return NULL;
}

static gboolean
find_position (HcProfileStore *self,
               const char     *id,
               guint          *position)
{
  Entry *entry = find_in (self->entries, id);

  return entry != NULL && g_ptr_array_find (self->entries, entry, position);
}

static void
save_ids (HcProfileStore *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);
      g_strv_builder_add (builder, hc_profile_get_id (entry->profile));
    }

  ids = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "hubs", (const char * const *) ids);
}

/* Follows the `hubs` key: entries still listed keep their HcProfile (views
 * bound to it stay valid), and the change is reported as one contiguous
 * range so selections outside it survive. Our own writes find nothing to do. */
static void
reload_ids (HcProfileStore *self)
{
  g_auto(GStrv) ids = g_settings_get_strv (self->settings, "hubs");
  g_autoptr(GPtrArray) old = self->entries;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (entry_free);
  g_autofree gpointer *before = NULL;
  guint old_len = old->len;
  guint prefix = 0;
  guint suffix = 0;

  before = g_memdup2 (old->pdata, sizeof (gpointer) * MAX (old_len, 1));

  for (guint i = 0; ids[i] != NULL; i++)
    {
      const char *id = ids[i];
      Entry *entry = NULL;

      /* Ids become settings paths; skip what another program wrote wrong. */
      if (!hc_profile_id_is_valid (id))
        continue;

      /* An id listed twice (hand-edited settings) is shown once. */
      if (find_in (entries, id) != NULL)
        continue;

      for (guint j = 0; j < old->len; j++)
        {
          Entry *candidate = g_ptr_array_index (old, j);

          if (candidate != NULL && g_str_equal (hc_profile_get_id (candidate->profile), id))
            {
              entry = candidate;
              old->pdata[j] = NULL;
              break;
            }
        }

      if (entry == NULL)
        {
          g_autoptr(HcProfile) profile = g_object_new (HC_TYPE_PROFILE, "id", id, NULL);
          entry = entry_new (self, profile, TRUE);
        }

      g_ptr_array_add (entries, entry);
    }

  while (prefix < old_len && prefix < entries->len &&
         before[prefix] == g_ptr_array_index (entries, prefix))
    prefix++;
  while (suffix < old_len - prefix && suffix < entries->len - prefix &&
         before[old_len - 1 - suffix] == g_ptr_array_index (entries, entries->len - 1 - suffix))
    suffix++;

  /* What is left in old are the dropped entries, freed on return. */
  self->entries = g_steal_pointer (&entries);

  if (old_len - prefix - suffix != 0 || self->entries->len - prefix - suffix != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix,
                                old_len - prefix - suffix,
                                self->entries->len - prefix - suffix);
}

static void
on_hubs_changed (GSettings      *settings,
                 const char     *key,
                 HcProfileStore *self)
{
  reload_ids (self);
}

static GType
hc_profile_store_get_item_type (GListModel *model)
{
  return HC_TYPE_PROFILE;
}

static guint
hc_profile_store_get_n_items (GListModel *model)
{
  return HC_PROFILE_STORE (model)->entries->len;
}

static gpointer
hc_profile_store_get_item (GListModel *model,
                           guint       position)
{
  HcProfileStore *self = HC_PROFILE_STORE (model);
  Entry *entry;

  if (position >= self->entries->len)
    return NULL;

  entry = g_ptr_array_index (self->entries, position);
  return g_object_ref (entry->profile);
}

static void
hc_profile_store_list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = hc_profile_store_get_item_type;
  iface->get_n_items = hc_profile_store_get_n_items;
  iface->get_item = hc_profile_store_get_item;
}

static void
hc_profile_store_constructed (GObject *object)
{
  HcProfileStore *self = HC_PROFILE_STORE (object);
  g_autofree char *schema_id = NULL;
  g_autofree char *hub_schema_id = NULL;

  G_OBJECT_CLASS (hc_profile_store_parent_class)->constructed (object);

  if (self->settings == NULL)
    self->settings = g_settings_new (APP_ID);

  /* Follow the given settings (schema id, path and backend) rather than
   * APP_ID, so tests can inject a backend and the development profile
   * finds its own .Devel.Hub schema. */
  g_object_get (self->settings,
                "schema-id", &schema_id,
                "path", &self->base_path,
                "backend", &self->backend,
                NULL);
  hub_schema_id = g_strconcat (schema_id, ".Hub", NULL);

  self->hub_schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                                      hub_schema_id, TRUE);
  if (self->hub_schema == NULL)
    g_error ("The settings schema %s is not installed", hub_schema_id);

  g_signal_connect_object (self->settings, "changed::hubs",
                           G_CALLBACK (on_hubs_changed), self, G_CONNECT_DEFAULT);

  reload_ids (self);
}

static void
hc_profile_store_dispose (GObject *object)
{
  HcProfileStore *self = HC_PROFILE_STORE (object);

  if (self->settings != NULL)
    g_signal_handlers_disconnect_by_data (self->settings, self);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->backend);
  g_clear_pointer (&self->hub_schema, g_settings_schema_unref);
  g_clear_pointer (&self->base_path, g_free);

  G_OBJECT_CLASS (hc_profile_store_parent_class)->dispose (object);
}

static void
hc_profile_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HcProfileStore *self = HC_PROFILE_STORE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_profile_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HcProfileStore *self = HC_PROFILE_STORE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_profile_store_class_init (HcProfileStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hc_profile_store_constructed;
  object_class->dispose = hc_profile_store_dispose;
  object_class->get_property = hc_profile_store_get_property;
  object_class->set_property = hc_profile_store_set_property;

  /**
   * HcProfileStore:settings:
   * The main settings of the console (schema APP_ID); the profiles are
   * stored next to them, on the same backend.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_profile_store_init (HcProfileStore *self)
{
  self->entries = g_ptr_array_new_with_free_func (entry_free);
}

/**
 * hc_profile_store_new:
 * @settings: (nullable): the console's main settings; %NULL for
 *   `g_settings_new (APP_ID)`
 *
 * Returns: (transfer full): the profiles listed in @settings
 */
HcProfileStore *
hc_profile_store_new (GSettings *settings)
{
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (HC_TYPE_PROFILE_STORE, "settings", settings, NULL);
}

GSettings *
hc_profile_store_get_settings (HcProfileStore *self)
{
  g_return_val_if_fail (HC_IS_PROFILE_STORE (self), NULL);
  return self->settings;
}

/**
 * hc_profile_store_add:
 * @profile: a profile with a valid url, not yet in the store
 *
 * Appends @profile and stores it. From now on every change of its
 * properties is written to its settings, and changes made elsewhere (another
 * instance) are applied to it.
 */
void
hc_profile_store_add (HcProfileStore *self,
                      HcProfile      *profile)
{
  Entry *entry;

  g_return_if_fail (HC_IS_PROFILE_STORE (self));
  g_return_if_fail (HC_IS_PROFILE (profile));
  g_return_if_fail (hc_profile_get_url (profile) != NULL);
  g_return_if_fail (find_in (self->entries, hc_profile_get_id (profile)) == NULL);

  /* The keys first, then the id: another instance reacting to `hubs`
   * must find the profile complete. */
  entry = entry_new (self, profile, FALSE);
  g_ptr_array_add (self->entries, entry);
  g_list_model_items_changed (G_LIST_MODEL (self), self->entries->len - 1, 0, 1);

  save_ids (self);
}

/**
 * hc_profile_store_remove:
 * @id: the id of a profile
 *
 * Removes the profile and resets its settings. Its token is not touched:
 * sign out with hc_secrets_clear_async() first.
 *
 * Returns: whether a profile with @id was there
 */
gboolean
hc_profile_store_remove (HcProfileStore *self,
                         const char     *id)
{
  g_auto(GStrv) keys = NULL;
  Entry *entry;
  guint position;

  g_return_val_if_fail (HC_IS_PROFILE_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!find_position (self, id, &position))
    return FALSE;

  entry = g_ptr_array_steal_index (self->entries, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  save_ids (self);

  /* Stop syncing before the reset, so a profile the caller still holds
   * keeps its values instead of falling back to the defaults. */
  g_signal_handlers_disconnect_by_data (entry->profile, entry);
  g_signal_handlers_disconnect_by_data (entry->settings, entry);
  keys = g_settings_schema_list_keys (self->hub_schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (entry->settings, keys[i]);

  entry_free (entry);

  return TRUE;
}

/**
 * hc_profile_store_lookup:
 *
 * Returns: (transfer none) (nullable): the profile with @id
 */
HcProfile *
hc_profile_store_lookup (HcProfileStore *self,
                         const char     *id)
{
  Entry *entry;

  g_return_val_if_fail (HC_IS_PROFILE_STORE (self), NULL);

  if (id == NULL)
    return NULL;

  entry = find_in (self->entries, id);
  return entry != NULL ? entry->profile : NULL;
}

/**
 * hc_profile_store_find_by_url:
 * @url: a hub address in any spelling hc_url_normalize() accepts
 *
 * Returns: (transfer none) (nullable): the first profile for that hub
 */
HcProfile *
hc_profile_store_find_by_url (HcProfileStore *self,
                              const char     *url)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (HC_IS_PROFILE_STORE (self), NULL);

  normalized = hc_url_normalize (url, NULL);
  if (normalized == NULL)
    return NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (hc_profile_get_url (entry->profile), normalized) == 0)
        return entry->profile;
    }

  return NULL;
}
