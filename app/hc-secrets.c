/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hc-error.h"
#include "hc-secrets-private.h"
#include "hc-url.h"

/* Hub tokens live only in the keyring (Secret Service, through libsecret),
 * keyed by the hub address and the user name. When there is no keyring the
 * operator may hand the console a token for this session only: it is kept
 * in non-swappable memory (libsecret's secure allocator) and wiped when it
 * is dropped. Nothing here logs, prints or returns a token except to the
 * caller of hc_secrets_lookup_finish(). */

struct _HcSecrets
{
  GObject parent_instance;

  /* "url\nuser" -> SecretValue (text/plain, in secure memory) */
  GHashTable *session_tokens;
  gboolean    service_missing;
};

G_DEFINE_FINAL_TYPE (HcSecrets, hc_secrets, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SERVICE_MISSING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef HcSecretsOp Op;

/**
 * hc_secrets_get_schema:
 * The schema of hub tokens: named after the application id (so the
 * development build keeps its own), with the string attributes `url` (the
 * normalized hub address) and `user`. The name is matched on lookup, so
 * only our items are ever returned.
 */
const SecretSchema *
hc_secrets_get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Token", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/* SecretValue frees through libsecret's secure allocator, which clears the
 * pages it hands back; wiping here as well does not rely on that detail. */
static void
secret_value_wipe_and_unref (gpointer data)
{
  SecretValue *value = data;
  gsize length = 0;
  const char *bytes = secret_value_get (value, &length);

  if (bytes != NULL && length > 0)
    explicit_bzero ((char *) bytes, length);
  secret_value_unref (value);
}

static void
op_free (gpointer data)
{
  Op *op = data;

  g_free (op->url);
  g_free (op->user);
  g_free (op->label);
  g_clear_pointer (&op->token, secret_value_wipe_and_unref);
  g_clear_object (&op->service);
  g_clear_pointer (&op->attributes, g_hash_table_unref);
  g_free (op);
}

static char *
session_key (const char *url,
             const char *user)
{
  return g_strconcat (url, "\n", user, NULL);
}

static void
set_service_missing (HcSecrets *self,
                     gboolean   missing)
{
  if (self->service_missing == missing)
    return;

  self->service_missing = missing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_MISSING]);
}

static gboolean
is_service_missing_error (const GError *error)
{
  if (error->domain == G_DBUS_ERROR)
    {
      switch (error->code)
        {
        case G_DBUS_ERROR_SERVICE_UNKNOWN:
        case G_DBUS_ERROR_NAME_HAS_NO_OWNER:
        case G_DBUS_ERROR_NO_SERVER:
        case G_DBUS_ERROR_FILE_NOT_FOUND:
        case G_DBUS_ERROR_DISCONNECTED:
        case G_DBUS_ERROR_SPAWN_EXEC_FAILED:
        case G_DBUS_ERROR_SPAWN_FORK_FAILED:
        case G_DBUS_ERROR_SPAWN_CHILD_EXITED:
        case G_DBUS_ERROR_SPAWN_CHILD_SIGNALED:
        case G_DBUS_ERROR_SPAWN_FAILED:
        case G_DBUS_ERROR_SPAWN_SERVICE_INVALID:
        case G_DBUS_ERROR_SPAWN_SERVICE_NOT_FOUND:
        case G_DBUS_ERROR_SPAWN_FILE_INVALID:
        case G_DBUS_ERROR_SPAWN_NO_MEMORY:
          return TRUE;
        default:
          return FALSE;
        }
    }

  /* The bus went away under us. */
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED);
}

/* One error code for the operator (HC_ERROR_KEYRING), with a sentence that
 * says which of the three situations it is: nothing to store the token in
 * (offer the session-only token), a keyring left locked, or a failure. */
static GError *
map_error (HcSecrets    *self,
           const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_new_literal (HC_ERROR, HC_ERROR_CANCELLED, error->message);

  if (is_service_missing_error (error))
    {
      set_service_missing (self, TRUE);
      return g_error_new_literal (HC_ERROR, HC_ERROR_KEYRING,
                                  _("No keyring service is running, so the token cannot be saved. You can use it for this session only."));
    }

  set_service_missing (self, FALSE);

  if (g_error_matches (error, SECRET_ERROR, SECRET_ERROR_IS_LOCKED))
    return g_error_new_literal (HC_ERROR, HC_ERROR_KEYRING,
                                _("The keyring is locked and was not unlocked."));

  /* libsecret's own message, untranslated, is the only detail there is. */
  return g_error_new (HC_ERROR, HC_ERROR_KEYRING, _("The keyring could not be used: %s"),
                      error->message);
}

void
hc_secrets_return_error (GTask        *task,
                         const GError *error)
{
  HcSecrets *self = g_task_get_source_object (task);

  g_task_return_error (task, map_error (self, error));
}

static void
return_no_bus_error (GTask *task)
{
  HcSecrets *self = g_task_get_source_object (task);

  set_service_missing (self, TRUE);
  g_task_return_new_error (task, HC_ERROR, HC_ERROR_KEYRING, "%s",
                           _("No keyring service is running, so the token cannot be saved. You can use it for this session only."));
}

/* g_bus_get() and secret_service_get() set up per-process singletons: a
 * cancellable handed to them can fail that setup for every later caller
 * ("Operation was cancelled" forever after). They get none; cancellation is
 * checked when they finish, and passed to the calls that are ours alone. */
static gboolean
return_if_cancelled (GTask *task)
{
  g_autoptr(GError) error = NULL;

  if (!g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task), &error))
    return FALSE;

  hc_secrets_return_error (task, error);
  return TRUE;
}

/* ---- store ------------------------------------------------------------- */

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_service_store_finish (SECRET_SERVICE (object), result, &error))
    {
      hc_secrets_return_error (task, error);
      return;
    }

  hc_secrets_stored (g_steal_pointer (&task));
}

/* Stored: the keyring is there, and holds the token now. Takes @task. */
void
hc_secrets_stored (GTask *task)
{
  HcSecrets *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  set_service_missing (self, FALSE);

  /* Kept in the keyring now; a session copy would only shadow it. */
  hc_secrets_set_session_token (self, op->url, op->user, NULL);

  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
}

static void
store_now (GTask *task)
{
  Op *op = g_task_get_task_data (task);

  secret_service_store (op->service, hc_secrets_get_schema (), op->attributes,
                        SECRET_COLLECTION_DEFAULT, op->label, op->token,
                        g_task_get_cancellable (task), on_stored, task);
}

static void
on_collection_unlocked (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* A dismissed prompt is no error here: nothing was unlocked. */
  if (secret_service_unlock_finish (SECRET_SERVICE (object), result, NULL, &error) == 0)
    {
      if (error != NULL)
        hc_secrets_return_error (task, error);
      else
        g_task_return_new_error (task, HC_ERROR, HC_ERROR_KEYRING, "%s",
                                 _("The keyring is locked and was not unlocked."));
      return;
    }

  store_now (g_steal_pointer (&task));
}

/* The keyring refuses to create an item in a locked collection and libsecret
 * does not unlock it for us: ask for the unlock prompt first. */
static void
on_default_collection (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(SecretCollection) collection = NULL;
  g_autoptr(GError) error = NULL;
  GList *objects;

  collection = secret_collection_for_alias_finish (result, &error);
  if (error != NULL)
    {
      hc_secrets_return_error (task, error);
      return;
    }

  /* No default collection yet: storing creates it (through a prompt). */
  if (collection == NULL || !secret_collection_get_locked (collection))
    {
      store_now (g_steal_pointer (&task));
      return;
    }

  objects = g_list_append (NULL, collection);
  secret_service_unlock (op->service, objects, cancellable,
                         on_collection_unlocked, g_steal_pointer (&task));
  g_list_free (objects);
}

/* ---- lookup ------------------------------------------------------------ */

static void
on_items_searched (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items;
  SecretItem *item;
  SecretValue *value;
  char *token;

  items = secret_service_search_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      hc_secrets_return_error (task, error);
      return;
    }

  set_service_missing (g_task_get_source_object (task), FALSE);

  if (items == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  item = items->data;

  /* A prompt the operator dismissed leaves the item locked, and libsecret's
   * secret_password_lookup() would then say "not found": tell it apart. */
  if (secret_item_get_locked (item))
    {
      g_list_free_full (items, g_object_unref);
      g_task_return_new_error (task, HC_ERROR, HC_ERROR_KEYRING, "%s",
                               _("The keyring is locked and was not unlocked."));
      return;
    }

  value = secret_item_get_secret (item);
  g_list_free_full (items, g_object_unref);

  if (value == NULL)
    {
      g_task_return_new_error (task, HC_ERROR, HC_ERROR_KEYRING, "%s",
                               _("The keyring did not hand out the token."));
      return;
    }

  token = secret_value_unref_to_password (value, NULL);
  if (token == NULL)
    {
      g_task_return_new_error (task, HC_ERROR, HC_ERROR_KEYRING, "%s",
                               _("The keyring holds something for this hub that is not a token."));
      return;
    }

  g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

/* ---- clear ------------------------------------------------------------- */

static void
on_clear_checked (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GList *items;
  gboolean locked = FALSE;

  items = secret_service_search_finish (SECRET_SERVICE (object), result, &error);
  if (error != NULL)
    {
      hc_secrets_return_error (task, error);
      return;
    }

  if (items == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  for (GList *l = items; l != NULL; l = l->next)
    locked |= secret_item_get_locked (l->data);
  g_list_free_full (items, g_object_unref);

  if (locked)
    g_task_return_new_error (task, HC_ERROR, HC_ERROR_KEYRING, "%s",
                             _("The keyring is locked and was not unlocked, so the token is still saved."));
  else
    g_task_return_new_error (task, HC_ERROR, HC_ERROR_KEYRING, "%s",
                             _("The token could not be deleted from the keyring."));
}

static void
on_cleared (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* FALSE without an error means nothing was deleted: either there was
   * nothing, or the keyring stayed locked (libsecret does not say which). */
  if (!secret_service_clear_finish (SECRET_SERVICE (object), result, &error) && error != NULL)
    {
      hc_secrets_return_error (task, error);
      return;
    }

  set_service_missing (g_task_get_source_object (task), FALSE);

  /* Signed out means no token left: look again, without unlocking. */
  secret_service_search (op->service, hc_secrets_get_schema (), op->attributes, SECRET_SEARCH_ALL,
                         g_task_get_cancellable (task), on_clear_checked, task);
  g_steal_pointer (&task);
}

static void
on_clear_unlocked (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;
  GList *items;

  /* What stayed locked is found again by on_clear_checked(). */
  items = secret_service_search_finish (SECRET_SERVICE (object), result, &error);
  g_list_free_full (items, g_object_unref);
  if (error != NULL)
    {
      hc_secrets_return_error (task, error);
      return;
    }

  secret_service_clear (op->service, hc_secrets_get_schema (), op->attributes,
                        cancellable, on_cleared, g_steal_pointer (&task));
}

/* ---- every operation --------------------------------------------------- */

static void
on_service_got (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Op *op = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) error = NULL;

  op->service = secret_service_get_finish (result, &error);
  if (return_if_cancelled (task))
    return;
  if (op->service == NULL)
    {
      hc_secrets_return_error (task, error);
      return;
    }

  op->attributes = secret_attributes_build (hc_secrets_get_schema (),
                                            "url", op->url,
                                            "user", op->user,
                                            NULL);

  switch (op->kind)
    {
    case HC_SECRETS_OP_STORE:
      secret_collection_for_alias (op->service, SECRET_COLLECTION_DEFAULT, SECRET_COLLECTION_NONE,
                                   cancellable, on_default_collection, g_steal_pointer (&task));
      break;

    case HC_SECRETS_OP_LOOKUP:
      secret_service_search (op->service, hc_secrets_get_schema (), op->attributes,
                             SECRET_SEARCH_UNLOCK | SECRET_SEARCH_LOAD_SECRETS,
                             cancellable, on_items_searched, g_steal_pointer (&task));
      break;

    case HC_SECRETS_OP_CLEAR:
      /* Unlock first (through the prompt): a locked item cannot be deleted. */
      secret_service_search (op->service, hc_secrets_get_schema (), op->attributes,
                             SECRET_SEARCH_ALL | SECRET_SEARCH_UNLOCK,
                             cancellable, on_clear_unlocked, g_steal_pointer (&task));
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Every operation first checks there is a session bus at all: libsecret
 * reports a missing bus as a generic I/O error that cannot be told apart
 * from other failures. */
static void
on_bus_got (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GError) error = NULL;

  bus = g_bus_get_finish (result, &error);
  if (return_if_cancelled (task))
    return;
  if (bus == NULL)
    {
      g_debug ("No session bus for the keyring: %s", error->message);
      return_no_bus_error (task);
      return;
    }

  secret_service_get (SECRET_SERVICE_NONE, NULL, on_service_got, g_steal_pointer (&task));
}

static GTask *
start_op (HcSecrets           *self,
          HcSecretsOpKind      kind,
          const char          *url,
          const char          *user,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Op *op;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  /* Cancellation is reported in our own domain (HC_ERROR_CANCELLED), like
   * every other failure, not as GTask's G_IO_ERROR_CANCELLED. */
  g_task_set_check_cancellable (task, FALSE);

  op = g_new0 (Op, 1);
  op->kind = kind;
  op->user = g_strdup (user != NULL ? user : "");
  g_task_set_task_data (task, op, op_free);

  /* The attribute must match whatever spelling the operator typed. */
  op->url = hc_url_normalize (url, &error);
  if (op->url == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return NULL;
    }

  return g_steal_pointer (&task);
}

static void
run_op (GTask *task)
{
  /* In a sandbox only the password calls reach the keyring (the portal). */
  if (hc_secrets_password_wanted ())
    hc_secrets_password_run (task);
  else
    g_bus_get (G_BUS_TYPE_SESSION, NULL, on_bus_got, task);
}

/* ---- object ------------------------------------------------------------ */

static void
hc_secrets_dispose (GObject *object)
{
  HcSecrets *self = HC_SECRETS (object);

  g_clear_pointer (&self->session_tokens, g_hash_table_unref);

  G_OBJECT_CLASS (hc_secrets_parent_class)->dispose (object);
}

static void
hc_secrets_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HcSecrets *self = HC_SECRETS (object);

  switch (prop_id)
    {
    case PROP_SERVICE_MISSING:
      g_value_set_boolean (value, self->service_missing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_secrets_class_init (HcSecretsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_secrets_dispose;
  object_class->get_property = hc_secrets_get_property;

  /**
   * HcSecrets:service-missing:
   * Whether the last keyring operation found no keyring service (or no
   * session bus). The UI then offers hc_secrets_set_session_token().
   */
  properties[PROP_SERVICE_MISSING] =
    g_param_spec_boolean ("service-missing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_secrets_init (HcSecrets *self)
{
  self->session_tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                secret_value_wipe_and_unref);
}

HcSecrets *
hc_secrets_new (void)
{
  return g_object_new (HC_TYPE_SECRETS, NULL);
}

/**
 * hc_secrets_store_async:
 * @url: the hub address (normalized here, as for the profile)
 * @user: the user name the token belongs to
 * @token: the token; copied into non-swappable memory
 *
 * Saves @token in the default keyring collection, replacing any token for
 * the same @url and @user. A locked keyring is unlocked through the
 * keyring's own prompt.
 */
void
hc_secrets_store_async (HcSecrets           *self,
                        const char          *url,
                        const char          *user,
                        const char          *token,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (HC_IS_SECRETS (self));
  g_return_if_fail (token != NULL && *token != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = start_op (self, HC_SECRETS_OP_STORE, url, user, cancellable, callback, user_data,
                   hc_secrets_store_async);
  if (task == NULL)
    return;

  op = g_task_get_task_data (task);
  op->token = secret_value_new (token, -1, "text/plain");
  /* Translators: the label of the keyring item, shown in Passwords and
   * Keys (Seahorse). The first %s is the user name, the second the hub
   * address, e.g. "Hub Console token for nguyen at https://hub.example". */
  op->label = g_strdup_printf (_("Hub Console token for %s at %s"), op->user, op->url);

  run_op (task);
}

gboolean
hc_secrets_store_finish (HcSecrets     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (HC_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_secrets_store_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * hc_secrets_lookup_async:
 *
 * Finds the token for @url and @user: the session-only one if there is
 * one, otherwise the keyring's (unlocking it through its prompt if needed).
 */
void
hc_secrets_lookup_async (HcSecrets           *self,
                         const char          *url,
                         const char          *user,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  Op *op;
  g_autofree char *key = NULL;
  SecretValue *session;

  g_return_if_fail (HC_IS_SECRETS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = start_op (self, HC_SECRETS_OP_LOOKUP, url, user, cancellable, callback, user_data,
                   hc_secrets_lookup_async);
  if (task == NULL)
    return;

  op = g_task_get_task_data (task);
  key = session_key (op->url, op->user);
  session = g_hash_table_lookup (self->session_tokens, key);
  if (session != NULL)
    {
      /* A copy in secure memory, so both can be wiped independently. */
      SecretValue *copy = secret_value_new (secret_value_get_text (session), -1, "text/plain");

      g_task_return_pointer (task, secret_value_unref_to_password (copy, NULL),
                             (GDestroyNotify) secret_password_free);
      g_object_unref (task);
      return;
    }

  run_op (task);
}

/**
 * hc_secrets_lookup_finish:
 *
 * Returns: (transfer full) (nullable): the token, or %NULL without an
 *   error when there is none. Free it with hc_secrets_token_free(), which
 *   wipes it.
 */
char *
hc_secrets_lookup_finish (HcSecrets     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (HC_IS_SECRETS (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_secrets_lookup_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * hc_secrets_clear_async:
 *
 * Signs out: forgets the session-only token (at once, whatever happens
 * next) and deletes the token for @url and @user from the keyring.
 * Nothing to delete is not an error.
 */
void
hc_secrets_clear_async (HcSecrets           *self,
                        const char          *url,
                        const char          *user,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  GTask *task;
  Op *op;

  g_return_if_fail (HC_IS_SECRETS (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = start_op (self, HC_SECRETS_OP_CLEAR, url, user, cancellable, callback, user_data,
                   hc_secrets_clear_async);
  if (task == NULL)
    return;

  op = g_task_get_task_data (task);
  hc_secrets_set_session_token (self, op->url, op->user, NULL);

  run_op (task);
}

gboolean
hc_secrets_clear_finish (HcSecrets     *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (HC_IS_SECRETS (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_secrets_clear_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * hc_secrets_set_session_token:
 * @token: (nullable): the token to use until the console exits; %NULL
 *   forgets (and wipes) it
 *
 * For when there is no keyring: the token is kept only in this process's
 * non-swappable memory, and hc_secrets_lookup_async() returns it first.
 */
void
hc_secrets_set_session_token (HcSecrets  *self,
                              const char *url,
                              const char *user,
                              const char *token)
{
  g_autofree char *normalized = NULL;
  g_autofree char *key = NULL;

  g_return_if_fail (HC_IS_SECRETS (self));

  normalized = hc_url_normalize (url, NULL);
  g_return_if_fail (normalized != NULL);

  /* A store finishing after g_object_run_dispose(). */
  if (self->session_tokens == NULL)
    return;

  key = session_key (normalized, user != NULL ? user : "");
  if (token == NULL || *token == '\0')
    g_hash_table_remove (self->session_tokens, key);
  else
    g_hash_table_replace (self->session_tokens, g_steal_pointer (&key),
                          secret_value_new (token, -1, "text/plain"));
}

gboolean
hc_secrets_has_session_token (HcSecrets  *self,
                              const char *url,
                              const char *user)
{
  g_autofree char *normalized = NULL;
  g_autofree char *key = NULL;

  g_return_val_if_fail (HC_IS_SECRETS (self), FALSE);

  normalized = hc_url_normalize (url, NULL);
  if (normalized == NULL)
    return FALSE;

  key = session_key (normalized, user != NULL ? user : "");
  return g_hash_table_contains (self->session_tokens, key);
}

gboolean
hc_secrets_get_service_missing (HcSecrets *self)
{
  g_return_val_if_fail (HC_IS_SECRETS (self), FALSE);
  return self->service_missing;
}

/**
 * hc_secrets_token_free:
 * Wipes and frees a token from hc_secrets_lookup_finish(). A token the
 * caller copied with g_strdup() may be freed here too: it is wiped the same
 * way and handed back to the ordinary allocator.
 */
void
hc_secrets_token_free (char *token)
{
  secret_password_free (token);
}
