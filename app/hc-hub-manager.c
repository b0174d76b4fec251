/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-error.h"
#include "hc-hub-manager.h"

typedef struct {
  HcHub     *hub;
  HcProfile *profile;  /* NULL for a session hub */
  char      *name;
  gulong     notify_id;
  gboolean   token_checked;
} Entry;

struct _HcHubManager
{
  GObject         parent_instance;

  HcProfileStore *profiles;
  HcSecrets      *secrets;
  HcSnapshot     *snapshot;
  GListStore     *hubs;
  GHashTable     *entries;   /* key -> Entry */
  GCancellable   *cancellable;
  gboolean        started;
};

G_DEFINE_FINAL_TYPE (HcHubManager, hc_hub_manager, G_TYPE_OBJECT)

static void hc_hub_manager_sync (HcHubManager *self);

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  if (entry->profile != NULL)
    g_clear_signal_handler (&entry->notify_id, entry->profile);
  hc_hub_stop (entry->hub);
  g_clear_object (&entry->hub);
  g_clear_object (&entry->profile);
  g_free (entry->name);
  g_free (entry);
}

typedef struct {
  HcHubManager *self;
  char         *key;
} TokenLookup;

static void
on_token_looked_up (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  TokenLookup *lookup = user_data;
  g_autoptr(GError) error = NULL;
  char *token = hc_secrets_lookup_finish (HC_SECRETS (object), result, &error);
  Entry *entry;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_error_matches (error, HC_ERROR, HC_ERROR_CANCELLED))
    goto out;

  entry = g_hash_table_lookup (lookup->self->entries, lookup->key);
  if (entry == NULL)
    goto out;

  if (error != NULL)
    g_message ("No token for hub %s: %s", hc_profile_get_url (entry->profile), error->message);

  /* Without a token the hub's first request is refused and it shows
   * "signed out", which is what the operator has to fix. */
  hc_client_set_token (hc_hub_get_client (entry->hub), token);
  entry->token_checked = TRUE;
  if (lookup->self->started)
    hc_hub_start (entry->hub);

out:
  hc_secrets_token_free (token);
  g_object_unref (lookup->self);
  g_free (lookup->key);
  g_free (lookup);
}

static void
load_token_and_start (HcHubManager *self,
                      Entry        *entry)
{
  TokenLookup *lookup = g_new0 (TokenLookup, 1);

  lookup->self = g_object_ref (self);
  lookup->key = g_strdup (hc_hub_get_key (entry->hub));
  hc_secrets_lookup_async (self->secrets,
                           hc_profile_get_url (entry->profile),
                           hc_profile_get_username (entry->profile),
                           self->cancellable, on_token_looked_up, lookup);
}

static HcClient *
client_for_profile (HcProfile  *profile,
                    const char *token)
{
  HcClient *client = hc_client_new (hc_profile_get_url (profile), token,
                                    hc_profile_get_ca_file (profile),
                                    hc_profile_get_pinned_fingerprint (profile),
                                    hc_profile_get_allow_plaintext (profile));

  if (hc_profile_is_alertmanager (profile))
    {
      hc_client_set_api_prefix (client, "/api/v2");
      /* A user name and a token: basic auth; a token alone: bearer. */
      hc_client_set_basic_user (client, hc_profile_get_username (profile));
    }
  return client;
}

static void
on_profile_notify (HcProfile    *profile,
                   GParamSpec   *pspec,
                   HcHubManager *self)
{
  Entry *entry = g_hash_table_lookup (self->entries, hc_profile_get_id (profile));

  if (entry == NULL)
    return;

  if (g_str_equal (pspec->name, "name"))
    {
      g_free (entry->name);
      entry->name = g_strdup (hc_profile_get_name (profile));
      return;
    }

  /* How to reach the hub changed: a new client, so a new hub. */
  if (g_str_equal (pspec->name, "url") || g_str_equal (pspec->name, "ca-file") ||
      g_str_equal (pspec->name, "pinned-fingerprint") || g_str_equal (pspec->name, "allow-plaintext") ||
      g_str_equal (pspec->name, "username") || g_str_equal (pspec->name, "kind") ||
      g_str_equal (pspec->name, "poll-interval"))
    {
      g_hash_table_remove (self->entries, hc_profile_get_id (profile));
      hc_hub_manager_sync (self);
    }
}

static Entry *
add_profile_entry (HcHubManager *self,
                   HcProfile    *profile)
{
  g_autoptr(HcClient) client = client_for_profile (profile, NULL);
  Entry *entry = g_new0 (Entry, 1);

  entry->hub = hc_hub_new (hc_profile_get_id (profile), client);
  hc_hub_set_kind (entry->hub, hc_profile_get_kind (profile));
  hc_hub_set_poll_interval (entry->hub, hc_profile_get_poll_interval (profile));
  hc_hub_set_user_name (entry->hub, hc_profile_get_username (profile));
  if (self->snapshot != NULL)
    hc_hub_set_snapshot (entry->hub, self->snapshot);
  entry->profile = g_object_ref (profile);
  entry->name = g_strdup (hc_profile_get_name (profile));
  entry->notify_id = g_signal_connect_object (profile, "notify",
                                              G_CALLBACK (on_profile_notify), self, 0);
  g_hash_table_insert (self->entries, g_strdup (hc_profile_get_id (profile)), entry);
  load_token_and_start (self, entry);
  return entry;
}

/* The hubs model follows the profiles: same order, session hubs last. */
static void
hc_hub_manager_sync (HcHubManager *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));
  g_autoptr(GPtrArray) wanted = g_ptr_array_new ();
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key, value;
  gboolean same;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcProfile) profile = g_list_model_get_item (G_LIST_MODEL (self->profiles), i);
      Entry *entry = g_hash_table_lookup (self->entries, hc_profile_get_id (profile));

      if (entry == NULL)
        entry = add_profile_entry (self, profile);
      g_hash_table_add (keep, (gpointer) hc_profile_get_id (profile));
      g_ptr_array_add (wanted, entry->hub);
    }

  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Entry *entry = value;

      if (entry->profile == NULL)
        g_ptr_array_add (wanted, entry->hub);
      else if (!g_hash_table_contains (keep, key))
        g_hash_table_iter_remove (&iter);
    }

  same = wanted->len == g_list_model_get_n_items (G_LIST_MODEL (self->hubs));
  for (guint i = 0; same && i < wanted->len; i++)
    {
      g_autoptr(HcHub) hub = g_list_model_get_item (G_LIST_MODEL (self->hubs), i);
      same = hub == wanted->pdata[i];
    }
  if (!same)
    g_list_store_splice (self->hubs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hubs)),
                         wanted->pdata, wanted->len);
}

static void
on_profiles_changed (GListModel   *model,
                     guint         position,
                     guint         removed,
                     guint         added,
                     HcHubManager *self)
{
  hc_hub_manager_sync (self);
}

static void
hc_hub_manager_dispose (GObject *object)
{
  HcHubManager *self = HC_HUB_MANAGER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->profiles != NULL)
    g_signal_handlers_disconnect_by_data (self->profiles, self);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  if (self->hubs != NULL)
    g_list_store_remove_all (self->hubs);
  g_clear_object (&self->hubs);
  g_clear_object (&self->profiles);
  g_clear_object (&self->secrets);
  g_clear_object (&self->snapshot);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hc_hub_manager_parent_class)->dispose (object);
}

static void
hc_hub_manager_class_init (HcHubManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_hub_manager_dispose;
}

static void
hc_hub_manager_init (HcHubManager *self)
{
  self->hubs = g_list_store_new (HC_TYPE_HUB);
  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  self->cancellable = g_cancellable_new ();
}

HcHubManager *
hc_hub_manager_new (HcProfileStore *profiles,
                    HcSecrets      *secrets,
                    HcSnapshot     *snapshot)
{
  HcHubManager *self;

  g_return_val_if_fail (HC_IS_PROFILE_STORE (profiles), NULL);
  g_return_val_if_fail (HC_IS_SECRETS (secrets), NULL);
  g_return_val_if_fail (snapshot == NULL || HC_IS_SNAPSHOT (snapshot), NULL);

  self = g_object_new (HC_TYPE_HUB_MANAGER, NULL);
  self->profiles = g_object_ref (profiles);
  self->secrets = g_object_ref (secrets);
  self->snapshot = snapshot ? g_object_ref (snapshot) : NULL;
  g_signal_connect_object (profiles, "items-changed", G_CALLBACK (on_profiles_changed), self, 0);
  hc_hub_manager_sync (self);
  return self;
}

GListModel *
hc_hub_manager_get_hubs (HcHubManager *self)
{
  g_return_val_if_fail (HC_IS_HUB_MANAGER (self), NULL);
  return G_LIST_MODEL (self->hubs);
}

HcProfileStore *
hc_hub_manager_get_profiles (HcHubManager *self)
{
  g_return_val_if_fail (HC_IS_HUB_MANAGER (self), NULL);
  return self->profiles;
}

HcSecrets *
hc_hub_manager_get_secrets (HcHubManager *self)
{
  g_return_val_if_fail (HC_IS_HUB_MANAGER (self), NULL);
  return self->secrets;
}

HcHub *
hc_hub_manager_lookup (HcHubManager *self,
                       const char   *key)
{
  Entry *entry;

  g_return_val_if_fail (HC_IS_HUB_MANAGER (self), NULL);

  entry = key ? g_hash_table_lookup (self->entries, key) : NULL;
  return entry ? entry->hub : NULL;
}

static Entry *
entry_for_hub (HcHubManager *self,
               HcHub        *hub)
{
  return g_hash_table_lookup (self->entries, hc_hub_get_key (hub));
}

HcProfile *
hc_hub_manager_get_profile (HcHubManager *self,
                            HcHub        *hub)
{
  Entry *entry;

  g_return_val_if_fail (HC_IS_HUB_MANAGER (self), NULL);
  g_return_val_if_fail (HC_IS_HUB (hub), NULL);

  entry = entry_for_hub (self, hub);
  return entry ? entry->profile : NULL;
}

const char *
hc_hub_manager_get_hub_name (HcHubManager *self,
                             HcHub        *hub)
{
  Entry *entry;

  g_return_val_if_fail (HC_IS_HUB_MANAGER (self), NULL);
  g_return_val_if_fail (HC_IS_HUB (hub), NULL);

  entry = entry_for_hub (self, hub);
  return entry ? entry->name : hc_hub_get_key (hub);
}

/**
 * hc_hub_manager_find_hub_of_item:
 * The hub whose @kind model holds @item: pages showing all hubs use it to
 * send an action to the right one.
 */
HcHub *
hc_hub_manager_find_hub_of_item (HcHubManager *self,
                                 HcListKind    kind,
                                 gpointer      item)
{
  guint n;

  g_return_val_if_fail (HC_IS_HUB_MANAGER (self), NULL);
  g_return_val_if_fail (HC_IS_ITEM (item), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->hubs));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcHub) hub = g_list_model_get_item (G_LIST_MODEL (self->hubs), i);

      if ((gpointer) hc_item_store_lookup (hc_hub_get_model (hub, kind), hc_item_get_id (item)) == item)
        return hub;
    }
  return NULL;
}

void
hc_hub_manager_start (HcHubManager *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (HC_IS_HUB_MANAGER (self));

  self->started = TRUE;
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Entry *entry = value;
      /* Profile hubs start once their token is looked up. */
      if (entry->profile == NULL || entry->token_checked)
        hc_hub_start (entry->hub);
    }
}

void
hc_hub_manager_stop (HcHubManager *self)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (HC_IS_HUB_MANAGER (self));

  self->started = FALSE;
  g_hash_table_iter_init (&iter, self->entries);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    hc_hub_stop (((Entry *) value)->hub);
}

/**
 * hc_hub_manager_add_session_hub:
 * A hub for this session only, with its token in memory: nothing about
 * it is saved. The console's --demo hub is one.
 */
HcHub *
hc_hub_manager_add_session_hub (HcHubManager *self,
                                const char   *name,
                                const char   *url,
                                const char   *token)
{
  g_autoptr(HcClient) client = NULL;
  g_autofree char *key = NULL;
  Entry *entry;

  g_return_val_if_fail (HC_IS_HUB_MANAGER (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  key = g_strconcat ("session:", url, NULL);
  if ((entry = g_hash_table_lookup (self->entries, key)) != NULL)
    return entry->hub;

  client = hc_client_new (url, token, NULL, NULL, FALSE);
  entry = g_new0 (Entry, 1);
  entry->hub = hc_hub_new (key, client);
  if (self->snapshot != NULL)
    hc_hub_set_snapshot (entry->hub, self->snapshot);
  entry->name = g_strdup (name);
  g_hash_table_insert (self->entries, g_steal_pointer (&key), entry);
  hc_hub_manager_sync (self);
  if (self->started)
    hc_hub_start (entry->hub);
  return entry->hub;
}

/**
 * hc_hub_manager_remove_session_hub:
 * Stops and forgets a session hub, e.g. when the demo hub has stopped.
 */
void
hc_hub_manager_remove_session_hub (HcHubManager *self,
                                   HcHub        *hub)
{
  Entry *entry;

  g_return_if_fail (HC_IS_HUB_MANAGER (self));
  g_return_if_fail (HC_IS_HUB (hub));

  entry = entry_for_hub (self, hub);
  if (entry == NULL || entry->profile != NULL)
    return;
  g_hash_table_remove (self->entries, hc_hub_get_key (hub));
  hc_hub_manager_sync (self);
}

static void
on_verify_me (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  HcMe *me = hc_client_me_finish (HC_CLIENT (object), result, &error);

  if (me == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, me, g_object_unref);
}

void
hc_hub_manager_verify_async (HcHubManager        *self,
                             HcProfile           *profile,
                             const char          *token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(HcClient) client = NULL;

  g_return_if_fail (HC_IS_HUB_MANAGER (self));
  g_return_if_fail (HC_IS_PROFILE (profile));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_hub_manager_verify_async);
  client = client_for_profile (profile, token);
  /* The client lives as long as the request. */
  g_task_set_task_data (task, g_object_ref (client), g_object_unref);
  hc_client_me_async (client, cancellable, on_verify_me, g_steal_pointer (&task));
}

/**
 * hc_hub_manager_verify_finish:
 * @untrusted_fingerprint: (out) (optional) (nullable): set to the refused
 *   certificate's fingerprint when the answer is %HC_ERROR_TLS_UNTRUSTED,
 *   to %NULL otherwise
 */
HcMe *
hc_hub_manager_verify_finish (HcHubManager  *self,
                              GAsyncResult  *result,
                              char         **untrusted_fingerprint,
                              GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  HcClient *client;
  HcMe *me;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_hub_manager_verify_async, NULL);

  /* The client that made the request: its refused certificate is this one. */
  client = g_task_get_task_data (G_TASK (result));
  me = g_task_propagate_pointer (G_TASK (result), &local_error);

  if (untrusted_fingerprint != NULL)
    *untrusted_fingerprint = g_error_matches (local_error, HC_ERROR, HC_ERROR_TLS_UNTRUSTED)
                             ? g_strdup (hc_client_get_untrusted_fingerprint (client))
                             : NULL;

  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return me;
}

/**
 * hc_hub_manager_detect_async:
 * What answers at @profile's address: a hub, who @token is there, or an
 * Alertmanager, its version and cluster (see hc-hub-detect.h). @token may
 * be NULL or "" (an Alertmanager may need none).
 */
void
hc_hub_manager_detect_async (HcHubManager        *self,
                             HcProfile           *profile,
                             const char          *token,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (HC_IS_HUB_MANAGER (self));

  hc_hub_detect_async (self, profile, token, client_for_profile, cancellable, callback, user_data);
}

HcHubDetection *
hc_hub_manager_detect_finish (HcHubManager  *self,
                              GAsyncResult  *result,
                              char         **untrusted_fingerprint,
                              GError       **error)
{
  g_return_val_if_fail (HC_IS_HUB_MANAGER (self), NULL);

  return hc_hub_detect_finish (result, untrusted_fingerprint, error);
}

typedef struct {
  HcProfile *profile;
  char      *token;
} SignIn;

static void
sign_in_free (gpointer data)
{
  SignIn *sign_in = data;

  g_clear_object (&sign_in->profile);
  hc_secrets_token_free (sign_in->token);
  g_free (sign_in);
}

static void
sign_in_complete (GTask *task)
{
  HcHubManager *self = g_task_get_source_object (task);
  SignIn *sign_in = g_task_get_task_data (task);
  const char *id = hc_profile_get_id (sign_in->profile);
  Entry *entry = g_hash_table_lookup (self->entries, id);

  if (hc_profile_store_lookup (self->profiles, id) == NULL)
    /* A new hub: the store's items-changed creates it and finds the token. */
    hc_profile_store_add (self->profiles, sign_in->profile);
  else if (entry != NULL)
    {
      hc_hub_set_token (entry->hub, sign_in->token);
      if (self->started)
        {
          hc_hub_start (entry->hub);
          hc_hub_refresh (entry->hub);
        }
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_token_stored (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!hc_secrets_store_finish (HC_SECRETS (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  sign_in_complete (task);
}

void
hc_hub_manager_sign_in_async (HcHubManager        *self,
                              HcProfile           *profile,
                              const char          *token,
                              gboolean             session_only,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SignIn *sign_in;

  g_return_if_fail (HC_IS_HUB_MANAGER (self));
  g_return_if_fail (HC_IS_PROFILE (profile));
  /* An Alertmanager may be open to anyone on its network: no token. */
  g_return_if_fail ((token != NULL && *token != '\0') || hc_profile_is_alertmanager (profile));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_hub_manager_sign_in_async);
  sign_in = g_new0 (SignIn, 1);
  sign_in->profile = g_object_ref (profile);
  sign_in->token = g_strdup (token && *token ? token : NULL);
  g_task_set_task_data (task, sign_in, sign_in_free);

  if (sign_in->token == NULL)
    {
      sign_in_complete (task);
      return;
    }

  if (session_only)
    {
      hc_secrets_set_session_token (self->secrets, hc_profile_get_url (profile),
                                    hc_profile_get_username (profile), token);
      sign_in_complete (task);
      return;
    }

  hc_secrets_store_async (self->secrets, hc_profile_get_url (profile),
                          hc_profile_get_username (profile), token,
                          cancellable, on_token_stored, g_steal_pointer (&task));
}

gboolean
hc_hub_manager_sign_in_finish (HcHubManager  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
on_token_cleared (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HcHubManager *self = g_task_get_source_object (task);
  HcProfile *profile = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  Entry *entry;

  if (!hc_secrets_clear_finish (HC_SECRETS (object), result, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Without its token the hub's next request is refused: "signed out". */
  entry = g_hash_table_lookup (self->entries, hc_profile_get_id (profile));
  if (entry != NULL)
    {
      hc_hub_set_token (entry->hub, NULL);
      hc_hub_refresh (entry->hub);
    }
  g_task_return_boolean (task, TRUE);
}

void
hc_hub_manager_sign_out_async (HcHubManager        *self,
                               HcProfile           *profile,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (HC_IS_HUB_MANAGER (self));
  g_return_if_fail (HC_IS_PROFILE (profile));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_hub_manager_sign_out_async);
  g_task_set_task_data (task, g_object_ref (profile), g_object_unref);
  hc_secrets_clear_async (self->secrets, hc_profile_get_url (profile),
                          hc_profile_get_username (profile),
                          cancellable, on_token_cleared, g_steal_pointer (&task));
}

gboolean
hc_hub_manager_sign_out_finish (HcHubManager  *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
