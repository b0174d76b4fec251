/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-error.h"
#include "hc-secrets-private.h"

/*
 * One job: hub tokens through libsecret's password calls, the only ones
 * that reach the Secret portal. Inside a sandbox (Flatpak) the Secret
 * Service on the session bus is out of reach, and libsecret keeps the
 * tokens in a file of the application's own, encrypted with a key the
 * portal hands out; outside one this path is taken only when libsecret is
 * told to use that file backend (SECRET_BACKEND=file), as its own tests do.
 */

/**
 * hc_secrets_password_wanted:
 * Whether tokens go through the password calls (and so the portal) rather
 * than the Secret Service calls.
 */
gboolean
hc_secrets_password_wanted (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS)
         || g_strcmp0 (g_getenv ("SECRET_BACKEND"), "file") == 0;
}

static GHashTable *
attributes_of (HcSecretsOp *op)
{
  GHashTable *attributes = g_hash_table_new (g_str_hash, g_str_equal);

  /* The strings belong to @op, which outlives the call. */
  g_hash_table_insert (attributes, (gpointer) "url", op->url);
  g_hash_table_insert (attributes, (gpointer) "user", op->user);
  return attributes;
}

static void
on_stored (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!secret_password_store_finish (result, &error))
    hc_secrets_return_error (task, error);
  else
    hc_secrets_stored (g_steal_pointer (&task));
}

static void
on_looked_up (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  char *token = secret_password_lookup_finish (result, &error);

  if (error != NULL)
    hc_secrets_return_error (task, error);
  else
    /* NULL without an error: no token for this hub. */
    g_task_return_pointer (task, token, (GDestroyNotify) secret_password_free);
}

static void
on_cleared (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  /* FALSE without an error: there was nothing to delete. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    hc_secrets_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * hc_secrets_password_run:
 * Runs the operation of @task through the password calls; takes @task.
 */
void
hc_secrets_password_run (GTask *task)
{
  HcSecretsOp *op = g_task_get_task_data (task);
  g_autoptr(GHashTable) attributes = attributes_of (op);
  GCancellable *cancellable = g_task_get_cancellable (task);

  switch (op->kind)
    {
    case HC_SECRETS_OP_STORE:
      /* The binary call keeps the token in non-swappable memory. */
      secret_password_storev_binary (hc_secrets_get_schema (), attributes, SECRET_COLLECTION_DEFAULT,
                                     op->label, op->token, cancellable, on_stored, task);
      break;
    case HC_SECRETS_OP_LOOKUP:
      secret_password_lookupv (hc_secrets_get_schema (), attributes, cancellable, on_looked_up, task);
      break;
    case HC_SECRETS_OP_CLEAR:
      secret_password_clearv (hc_secrets_get_schema (), attributes, cancellable, on_cleared, task);
      break;
    default:
      g_assert_not_reached ();
    }
}
