/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tokens through libsecret's password calls, the path a Flatpak takes to
 * the Secret portal. Here libsecret's file backend stands in for the
 * portal (SECRET_BACKEND=file with its test file and password), with no
 * session bus at all: store, look up, keep users and hubs apart, clear,
 * and never the token in the clear on disk. */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>

#include "hc-error.h"
#include "hc-secrets.h"

static void
store_result (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *slot;
}

static void
store (HcSecrets *secrets, const char *url, const char *user, const char *token)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hc_secrets_store_async (secrets, url, user, token, NULL, store_result, &result);
  g_assert_true (hc_secrets_store_finish (secrets, wait_for (&result), &error));
  g_assert_no_error (error);
}

static char *
lookup (HcSecrets *secrets, const char *url, const char *user)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *token;

  hc_secrets_lookup_async (secrets, url, user, NULL, store_result, &result);
  token = hc_secrets_lookup_finish (secrets, wait_for (&result), &error);
  g_assert_no_error (error);
  return token;
}

static void
clear (HcSecrets *secrets, const char *url, const char *user)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  hc_secrets_clear_async (secrets, url, user, NULL, store_result, &result);
  g_assert_true (hc_secrets_clear_finish (secrets, wait_for (&result), &error));
  g_assert_no_error (error);
}

/* Whether @needle is anywhere in @length bytes of @data (NULs and all). */
static gboolean
contains (const char *data,
          gsize       length,
          const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
test_password_calls (void)
{
  static const char token[] = "hc-file-backend-token-4f1d9a";
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;
  g_autofree char *other_hub = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  store (secrets, "https://hub.example.vn/", "nguyen", token);
  /* The address is normalized as for the profile. */
  found = lookup (secrets, "HTTPS://hub.example.vn", "nguyen");
  g_assert_cmpstr (found, ==, token);
  other = lookup (secrets, "https://hub.example.vn", "tran");
  g_assert_null (other);
  other_hub = lookup (secrets, "https://other.example.vn", "nguyen");
  g_assert_null (other_hub);
  g_assert_false (hc_secrets_get_service_missing (secrets));

  /* The keyring file holds the token encrypted, never as it is. */
  g_assert_true (g_file_get_contents (g_getenv ("SECRET_FILE_TEST_PATH"), &contents, &length, NULL));
  g_assert_cmpuint (length, >, 0);
  g_assert_false (contains (contents, length, token));

  clear (secrets, "https://hub.example.vn", "nguyen");
  after = lookup (secrets, "https://hub.example.vn", "nguyen");
  g_assert_null (after);
  /* Nothing to delete is not an error. */
  clear (secrets, "https://hub.example.vn", "nguyen");
}

int
main (int argc, char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  dir = g_dir_make_tmp ("hc-secrets-file-XXXXXX", NULL);
  path = g_build_filename (dir, "test.keyring", NULL);
  /* libsecret's file backend, as in a sandbox but with a test key. */
  g_setenv ("SECRET_BACKEND", "file", TRUE);
  g_setenv ("SECRET_FILE_TEST_PATH", path, TRUE);
  g_setenv ("SECRET_FILE_TEST_PASSWORD", "hub-console-test", TRUE);
  /* No session bus: the token must not need one. */
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/hub-console-test", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/secrets/file/password-calls", test_password_calls);
  status = g_test_run ();
  g_unlink (path);
  g_rmdir (dir);
  return status;
}
