/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-error.h"
#include "hc-secrets-private.h"

/*
 * One job: one keyring operation through the Secret Service on the
 * session bus: the bus and the service found without a cancellable that
 * could poison them, the default collection unlocked through the
 * keyring's prompt, then store, search or delete. Errors go through
 * hc_secrets_return_error() (hc-secrets.c), as the password path's do.
 */

static void
return_no_bus_error (GTask *task)
{
  HcSecrets *self = g_task_get_source_object (task);

  hc_secrets_set_service_missing (self, TRUE);
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

static void
store_now (GTask *task)
{
  HcSecretsOp *op = g_task_get_task_data (task);

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
  HcSecretsOp *op = g_task_get_task_data (task);
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

  hc_secrets_set_service_missing (g_task_get_source_object (task), FALSE);

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
  HcSecretsOp *op = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  /* FALSE without an error means nothing was deleted: either there was
   * nothing, or the keyring stayed locked (libsecret does not say which). */
  if (!secret_service_clear_finish (SECRET_SERVICE (object), result, &error) && error != NULL)
    {
      hc_secrets_return_error (task, error);
      return;
    }

  hc_secrets_set_service_missing (g_task_get_source_object (task), FALSE);

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
  HcSecretsOp *op = g_task_get_task_data (task);
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
  HcSecretsOp *op = g_task_get_task_data (task);
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

/* Runs @task's operation through the Secret Service on the session bus.
 * Takes @task. */
void
hc_secrets_service_run (GTask *task)
{
  g_bus_get (G_BUS_TYPE_SESSION, NULL, on_bus_got, task);
}
