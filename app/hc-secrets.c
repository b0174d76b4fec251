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
 * caller of hc_secrets_lookup_finish().
 *
 * One job here: the object, the session-only tokens, the public calls and
 * the errors; each operation runs in hc-secrets-service.c or, in a
 * sandbox, hc-secrets-password.c. */

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

void
hc_secrets_set_service_missing (HcSecrets *self,
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
      hc_secrets_set_service_missing (self, TRUE);
      return g_error_new_literal (HC_ERROR, HC_ERROR_KEYRING,
                                  _("No keyring service is running, so the token cannot be saved. You can use it for this session only."));
    }

  hc_secrets_set_service_missing (self, FALSE);

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

/* Stored: the keyring is there, and holds the token now. Takes @task. */
void
hc_secrets_stored (GTask *task)
{
  HcSecrets *self = g_task_get_source_object (task);
  Op *op = g_task_get_task_data (task);

  hc_secrets_set_service_missing (self, FALSE);

  /* Kept in the keyring now; a session copy would only shadow it. */
  hc_secrets_set_session_token (self, op->url, op->user, NULL);

  g_task_return_boolean (task, TRUE);
  g_object_unref (task);
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
    hc_secrets_service_run (task);
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
