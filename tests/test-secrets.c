/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcSecrets against a real gnome-keyring. Run through run-with-keyring.sh,
 * which sets HC_TEST_KEYRING to the situation the test is in:
 *   keyring     a private, unlocked gnome-keyring on a private bus
 *   no-keyring  a private bus without any keyring service
 *   no-bus      no session bus at all
 * With HC_TEST_TOKEN_FROM_STDIN=1 (test-secret-leak.py) the token is read
 * from stdin instead of made up, and the test stops once while the token
 * is live in the keyring and in memory so the caller can inspect
 * /proc: it prints "# hc-leak-checkpoint" and waits for a line on stdin. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "hc-error.h"
#include "hc-secrets.h"

#define HUB_URL_TYPED   "HTTPS://Hub.Example:443/dc1/"
#define HUB_URL         "https://hub.example/dc1"
#define HUB_USER        "nguyen.an"
/* No async keyring call may take this long: a hang fails the test. */
#define WATCHDOG_SECONDS 30

static char *test_token;
static char *test_token_2;
static gboolean leak_mode;

/* ---- helpers ------------------------------------------------------------- */

typedef struct
{
  GAsyncResult *result;
  gboolean      timed_out;
} Wait;

static void
on_done (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  wait->result = g_object_ref (result);
}

static gboolean
on_watchdog (gpointer user_data)
{
  Wait *wait = user_data;

  wait->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main context until the operation completes; fails instead of
 * hanging if a keyring prompt (or anything else) blocks it. */
static GAsyncResult *
wait_for (Wait *wait)
{
  guint watchdog = g_timeout_add_seconds (WATCHDOG_SECONDS, on_watchdog, wait);

  while (wait->result == NULL && !wait->timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (wait->timed_out)
    g_error ("A keyring operation did not finish within %d s", WATCHDOG_SECONDS);
  g_source_remove (watchdog);

  return wait->result;
}

static gboolean
store (HcSecrets   *secrets,
       const char  *url,
       const char  *user,
       const char  *token,
       GError     **error)
{
  Wait wait = { 0 };
  gboolean ok;

  hc_secrets_store_async (secrets, url, user, token, NULL, on_done, &wait);
  ok = hc_secrets_store_finish (secrets, wait_for (&wait), error);
  g_object_unref (wait.result);
  return ok;
}

static char *
lookup (HcSecrets   *secrets,
        const char  *url,
        const char  *user,
        GError     **error)
{
  Wait wait = { 0 };
  char *token;

  hc_secrets_lookup_async (secrets, url, user, NULL, on_done, &wait);
  token = hc_secrets_lookup_finish (secrets, wait_for (&wait), error);
  g_object_unref (wait.result);
  return token;
}

static gboolean
clear (HcSecrets   *secrets,
       const char  *url,
       const char  *user,
       GError     **error)
{
  Wait wait = { 0 };
  gboolean ok;

  hc_secrets_clear_async (secrets, url, user, NULL, on_done, &wait);
  ok = hc_secrets_clear_finish (secrets, wait_for (&wait), error);
  g_object_unref (wait.result);
  return ok;
}

/* Compares without printing: a failing assertion must not put a token in
 * the test log. */
static void
assert_token (const char *actual,
              const char *expected)
{
  g_assert_nonnull (actual);
  g_assert_true (g_str_equal (actual, expected));
}

/* secret-tool (libsecret-tools) as an independent reader of the keyring:
 * proves the attributes, label and schema name another program sees. The
 * output holds the token; it is only searched, never printed. */
static char *
secret_tool_search (const char *url,
                    const char *user)
{
  const char *argv[] = { "secret-tool", "search", "--all", "url", url, "user", user, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  /* secret-tool prints the attributes on stderr, the rest on stdout. */
  return g_strconcat (out, err, NULL);
}

static guint
count_items (const char *secret_tool_output)
{
  g_auto(GStrv) lines = g_strsplit (secret_tool_output, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "[/"))
      n++;

  return n;
}

static gboolean
output_has_line (const char *output,
                 const char *line)
{
  g_auto(GStrv) lines = g_strsplit (output, "\n", -1);

  return g_strv_contains ((const char * const *) lines, line);
}

static char *
random_token (void)
{
  GString *token = g_string_new ("hct_");

  for (int i = 0; i < 40; i++)
    g_string_append_c (token, "abcdefghijklmnopqrstuvwxyz0123456789"[g_random_int_range (0, 36)]);

  return g_string_free (token, FALSE);
}

static void
leak_checkpoint (void)
{
  char line[64];

  if (!leak_mode)
    return;

  printf ("# hc-leak-checkpoint\n");
  fflush (stdout);
  if (fgets (line, sizeof line, stdin) == NULL)
    g_error ("The leak test did not answer the checkpoint");
}

/* ---- with a keyring -------------------------------------------------------- */

static void
test_store_lookup (void)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  gboolean ok;
  g_autoptr(GError) error = NULL;
  char *token;

  ok = store (secrets, HUB_URL_TYPED, HUB_USER, test_token, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_false (hc_secrets_get_service_missing (secrets));

  /* Found through the normalized address, whatever its spelling. */
  token = lookup (secrets, HUB_URL, HUB_USER, &error);
  g_assert_no_error (error);
  assert_token (token, test_token);
  hc_secrets_token_free (token);

  token = lookup (secrets, "https://hub.example:443/dc1/", HUB_USER, &error);
  g_assert_no_error (error);
  assert_token (token, test_token);

  leak_checkpoint ();
  hc_secrets_token_free (token);

  /* Another user or another hub: not found, and not an error. */
  token = lookup (secrets, HUB_URL, "someone.else", &error);
  g_assert_no_error (error);
  g_assert_null (token);
  token = lookup (secrets, "https://hub.example/dc2", HUB_USER, &error);
  g_assert_no_error (error);
  g_assert_null (token);

  /* A fresh object reads the same keyring. */
  {
    g_autoptr(HcSecrets) other = hc_secrets_new ();

    token = lookup (other, HUB_URL, HUB_USER, &error);
    g_assert_no_error (error);
    assert_token (token, test_token);
    hc_secrets_token_free (token);
  }
}

static void
test_attributes_and_label (void)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  gboolean ok;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *secret_line = g_strconcat ("secret = ", test_token, NULL);

  ok = store (secrets, HUB_URL, HUB_USER, test_token, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  out = secret_tool_search (HUB_URL, HUB_USER);
  g_assert_cmpuint (count_items (out), ==, 1);
  g_assert_true (output_has_line (out, "label = Hub Console token for " HUB_USER " at " HUB_URL));
  g_assert_true (output_has_line (out, "schema = " APP_ID ".Token"));
  g_assert_true (output_has_line (out, "attribute.url = " HUB_URL));
  g_assert_true (output_has_line (out, "attribute.user = " HUB_USER));
  g_assert_true (output_has_line (out, secret_line));
}

static void
test_replace (void)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  gboolean ok;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *secret_line = g_strconcat ("secret = ", test_token_2, NULL);
  char *token;

  ok = store (secrets, HUB_URL, HUB_USER, test_token, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = store (secrets, HUB_URL_TYPED, HUB_USER, test_token_2, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  token = lookup (secrets, HUB_URL, HUB_USER, &error);
  g_assert_no_error (error);
  assert_token (token, test_token_2);
  hc_secrets_token_free (token);

  out = secret_tool_search (HUB_URL, HUB_USER);
  g_assert_cmpuint (count_items (out), ==, 1);
  g_assert_true (output_has_line (out, secret_line));
}

static void
test_clear (void)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  gboolean ok;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  char *token;

  ok = store (secrets, HUB_URL, HUB_USER, test_token, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = store (secrets, HUB_URL, "someone.else", test_token_2, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  ok = clear (secrets, HUB_URL_TYPED, HUB_USER, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  token = lookup (secrets, HUB_URL, HUB_USER, &error);
  g_assert_no_error (error);
  g_assert_null (token);
  out = secret_tool_search (HUB_URL, HUB_USER);
  g_assert_cmpuint (count_items (out), ==, 0);

  /* Only that user's token went. */
  token = lookup (secrets, HUB_URL, "someone.else", &error);
  g_assert_no_error (error);
  assert_token (token, test_token_2);
  hc_secrets_token_free (token);

  /* Signing out twice is fine. */
  ok = clear (secrets, HUB_URL, HUB_USER, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = clear (secrets, HUB_URL, "someone.else", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

/* The schema name is matched: an item with the same attributes written by
 * another program (secret-tool's generic schema) is not our token. */
static void
test_schema_name_matched (void)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { "sh", "-c", "printf '%s' not-our-token | secret-tool store --label=foreign url \"$0\" user \"$1\"",
                         HUB_URL, "foreign.user", NULL };
  int status = -1;
  char *token;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  token = lookup (secrets, HUB_URL, "foreign.user", &error);
  g_assert_no_error (error);
  g_assert_null (token);
}

static void
test_session_token_with_keyring (void)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  gboolean ok;
  g_autoptr(GError) error = NULL;
  char *token;

  ok = store (secrets, HUB_URL, HUB_USER, test_token, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  /* The session token is returned first... */
  hc_secrets_set_session_token (secrets, HUB_URL_TYPED, HUB_USER, test_token_2);
  g_assert_true (hc_secrets_has_session_token (secrets, HUB_URL, HUB_USER));
  token = lookup (secrets, HUB_URL, HUB_USER, &error);
  g_assert_no_error (error);
  assert_token (token, test_token_2);
  hc_secrets_token_free (token);

  /* ...and never reaches the keyring by itself. */
  {
    g_autoptr(HcSecrets) other = hc_secrets_new ();

    token = lookup (other, HUB_URL, HUB_USER, &error);
    g_assert_no_error (error);
    assert_token (token, test_token);
    hc_secrets_token_free (token);
  }

  /* Saving in the keyring supersedes it. */
  ok = store (secrets, HUB_URL, HUB_USER, test_token_2, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_false (hc_secrets_has_session_token (secrets, HUB_URL, HUB_USER));

  ok = clear (secrets, HUB_URL, HUB_USER, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
}

static SecretCollection *
lock_default_collection (SecretService *service)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_autolist(GObject) locked = NULL;
  GList *collections;

  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);
  collections = g_list_append (NULL, collection);
  g_assert_cmpint (secret_service_lock_sync (service, collections, NULL, &locked, &error), ==, 1);
  g_list_free (collections);
  g_assert_no_error (error);
  g_assert_true (secret_collection_get_locked (collection));

  return g_steal_pointer (&collection);
}

/* The prompts fake-prompter.py was asked for, one "TYPE\tREPLY\tMESSAGE"
 * line each. */
static GStrv
read_prompts (void)
{
  const char *log = g_getenv ("HC_TEST_PROMPT_LOG");
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GStrvBuilder) lines = g_strv_builder_new ();
  g_auto(GStrv) split = NULL;

  if (log != NULL)
    {
      g_file_get_contents (log, &text, NULL, &error);
      g_assert_no_error (error);
      split = g_strsplit (text, "\n", -1);
      for (guint i = 0; split[i] != NULL; i++)
        if (*split[i] != '\0')
          g_strv_builder_add (lines, split[i]);
    }

  return g_strv_builder_end (lines);
}

static guint
count_items_in (SecretService *service)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) attributes = secret_attributes_build (hc_secrets_get_schema (),
                                                              "url", HUB_URL, "user", HUB_USER, NULL);
  g_autolist(SecretItem) items = secret_service_search_sync (service, hc_secrets_get_schema (), attributes,
                                                              SECRET_SEARCH_ALL, NULL, &error);

  g_assert_no_error (error);
  return g_list_length (items);
}

/* The operator types the keyring password into the unlock prompt
 * (fake-prompter.py --prompter=password): every operation on the locked
 * keyring asks for it, then goes through. */
static void
test_locked_unlocked_by_prompt (SecretService *service)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_auto(GStrv) prompts = NULL;
  gboolean ok;
  char *token;

  collection = lock_default_collection (service);
  token = lookup (secrets, HUB_URL, HUB_USER, &error);
  g_assert_no_error (error);
  assert_token (token, test_token);
  hc_secrets_token_free (token);
  g_assert_false (secret_collection_get_locked (collection));
  prompts = read_prompts ();
  g_assert_cmpuint (g_strv_length (prompts), ==, 1);
  g_assert_true (g_str_has_prefix (prompts[0], "password\tyes\t"));
  g_clear_pointer (&prompts, g_strfreev);
  g_clear_object (&collection);

  collection = lock_default_collection (service);
  ok = store (secrets, HUB_URL, HUB_USER, test_token_2, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  prompts = read_prompts ();
  g_assert_cmpuint (g_strv_length (prompts), ==, 2);
  g_clear_pointer (&prompts, g_strfreev);
  token = lookup (secrets, HUB_URL, HUB_USER, &error);
  g_assert_no_error (error);
  assert_token (token, test_token_2);
  hc_secrets_token_free (token);
  g_clear_object (&collection);

  collection = lock_default_collection (service);
  ok = clear (secrets, HUB_URL, HUB_USER, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  prompts = read_prompts ();
  g_assert_cmpuint (g_strv_length (prompts), ==, 3);
  g_assert_cmpuint (count_items_in (service), ==, 0);
}

/* A locked keyring whose unlock prompt is dismissed: by the operator
 * (fake-prompter.py --prompter=dismiss) or because there is nobody to show
 * it (no prompter on the private bus: gnome-keyring then fails the prompt at
 * once, as if dismissed). libsecret's secret_password_lookup() reports this
 * as "not found"; HcSecrets reports the locked keyring. */
static void
test_locked (void)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SecretService) service = NULL;
  g_autoptr(SecretCollection) collection = NULL;
  g_auto(GStrv) prompts = NULL;
  const char *prompter = g_getenv ("HC_TEST_PROMPTER");
  gboolean ok;
  gint64 start;
  char *token;

  ok = store (secrets, HUB_URL, HUB_USER, test_token, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  service = secret_service_get_sync (SECRET_SERVICE_NONE, NULL, &error);
  g_assert_no_error (error);

  if (g_strcmp0 (prompter, "password") == 0)
    {
      test_locked_unlocked_by_prompt (service);
      return;
    }

  collection = lock_default_collection (service);

  start = g_get_monotonic_time ();
  token = lookup (secrets, HUB_URL, HUB_USER, &error);
  g_assert_null (token);
  g_assert_error (error, HC_ERROR, HC_ERROR_KEYRING);
  g_assert_cmpstr (error->message, ==, "The keyring is locked and was not unlocked.");
  g_assert_false (hc_secrets_get_service_missing (secrets));
  g_clear_error (&error);

  /* Saving asks for the same unlock, and fails the same way. */
  g_assert_false (store (secrets, HUB_URL, HUB_USER, test_token_2, &error));
  g_assert_error (error, HC_ERROR, HC_ERROR_KEYRING);
  g_assert_cmpstr (error->message, ==, "The keyring is locked and was not unlocked.");
  g_clear_error (&error);

  /* What libsecret's plain lookup makes of the same situation, for the
   * record: the dismissed prompt looks like "no token". */
  {
    char *plain = secret_password_lookup_sync (hc_secrets_get_schema (), NULL, &error,
                                               "url", HUB_URL, "user", HUB_USER, NULL);
    g_assert_no_error (error);
    g_assert_null (plain);
  }

  /* Signing out of a locked keyring cannot delete the token: say so
   * rather than report a sign-out that did not happen. */
  ok = clear (secrets, HUB_URL, HUB_USER, &error);
  g_assert_error (error, HC_ERROR, HC_ERROR_KEYRING);
  g_assert_cmpstr (error->message, ==, "The keyring is locked and was not unlocked, so the token is still saved.");
  g_assert_false (ok);
  g_clear_error (&error);
  g_assert_cmpuint (count_items_in (service), ==, 1);

  /* Nobody waits on a dismissed prompt: well under the watchdog. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);

  /* Still locked, still there. */
  g_assert_true (secret_collection_get_locked (collection));

  /* Each of the four asked for the unlock prompt, and each was dismissed. */
  prompts = read_prompts ();
  if (g_strcmp0 (prompter, "dismiss") == 0)
    {
      g_assert_cmpuint (g_strv_length (prompts), ==, 4);
      for (guint i = 0; prompts[i] != NULL; i++)
        g_assert_true (g_str_has_prefix (prompts[i], "password\tno\t"));
    }
  else
    g_assert_cmpuint (g_strv_length (prompts), ==, 0);
}

/* ---- without a keyring ------------------------------------------------------ */

static void
assert_no_keyring_error (GError *error)
{
  g_assert_error (error, HC_ERROR, HC_ERROR_KEYRING);
  g_assert_cmpstr (error->message, ==,
                   "No keyring service is running, so the token cannot be saved. You can use it for this session only.");
}

static void
test_missing (void)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  g_autoptr(GError) error = NULL;
  char *token;

  g_assert_false (store (secrets, HUB_URL, HUB_USER, test_token, &error));
  assert_no_keyring_error (error);
  g_assert_true (hc_secrets_get_service_missing (secrets));
  g_clear_error (&error);

  token = lookup (secrets, HUB_URL, HUB_USER, &error);
  g_assert_null (token);
  assert_no_keyring_error (error);
  g_clear_error (&error);

  g_assert_false (clear (secrets, HUB_URL, HUB_USER, &error));
  assert_no_keyring_error (error);
}

static void
test_missing_session_only (void)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  g_autoptr(GError) error = NULL;
  char *token;

  hc_secrets_set_session_token (secrets, HUB_URL_TYPED, HUB_USER, test_token);
  g_assert_true (hc_secrets_has_session_token (secrets, HUB_URL, HUB_USER));
  g_assert_false (hc_secrets_has_session_token (secrets, HUB_URL, "someone.else"));

  token = lookup (secrets, HUB_URL, HUB_USER, &error);
  g_assert_no_error (error);
  assert_token (token, test_token);
  leak_checkpoint ();
  hc_secrets_token_free (token);

  /* Replace, then sign out: the session token is gone even though the
   * keyring part of signing out cannot run. */
  hc_secrets_set_session_token (secrets, HUB_URL, HUB_USER, test_token_2);
  token = lookup (secrets, HUB_URL, HUB_USER, &error);
  g_assert_no_error (error);
  assert_token (token, test_token_2);
  hc_secrets_token_free (token);

  g_assert_false (clear (secrets, HUB_URL, HUB_USER, &error));
  assert_no_keyring_error (error);
  g_clear_error (&error);
  g_assert_false (hc_secrets_has_session_token (secrets, HUB_URL, HUB_USER));

  token = lookup (secrets, HUB_URL, HUB_USER, &error);
  g_assert_null (token);
  assert_no_keyring_error (error);
  g_clear_error (&error);

  /* Forgetting explicitly works too. */
  hc_secrets_set_session_token (secrets, HUB_URL, HUB_USER, test_token);
  hc_secrets_set_session_token (secrets, HUB_URL, HUB_USER, NULL);
  g_assert_false (hc_secrets_has_session_token (secrets, HUB_URL, HUB_USER));
}

/* ---- any situation ------------------------------------------------------------ */

static void
test_invalid_url (void)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (store (secrets, "ftp://hub.example", HUB_USER, test_token, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  g_assert_null (lookup (secrets, "https://user:pw@hub.example", HUB_USER, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_cancelled (void)
{
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };
  char *token;

  g_cancellable_cancel (cancellable);
  hc_secrets_lookup_async (secrets, HUB_URL, HUB_USER, cancellable, on_done, &wait);
  token = hc_secrets_lookup_finish (secrets, wait_for (&wait), &error);
  g_object_unref (wait.result);
  g_assert_null (token);
  g_assert_error (error, HC_ERROR, HC_ERROR_CANCELLED);
}

int
main (int argc, char *argv[])
{
  const char *situation = g_getenv ("HC_TEST_KEYRING");
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  leak_mode = g_strcmp0 (g_getenv ("HC_TEST_TOKEN_FROM_STDIN"), "1") == 0;
  if (leak_mode)
    {
      char line[256];

      if (fgets (line, sizeof line, stdin) == NULL)
        g_error ("HC_TEST_TOKEN_FROM_STDIN is set but stdin is empty");
      test_token = g_strdup (g_strchomp (line));
      memset (line, 0, sizeof line);
    }
  else
    test_token = random_token ();
  test_token_2 = random_token ();

  if (situation == NULL)
    {
      g_printerr ("Run me through run-with-keyring.sh\n");
      return 77;
    }

  g_test_add_func ("/secrets/invalid-url", test_invalid_url);
  g_test_add_func ("/secrets/cancelled", test_cancelled);

  if (g_str_equal (situation, "keyring"))
    {
      g_test_add_func ("/secrets/keyring/store-lookup", test_store_lookup);
      g_test_add_func ("/secrets/keyring/attributes-and-label", test_attributes_and_label);
      g_test_add_func ("/secrets/keyring/replace", test_replace);
      g_test_add_func ("/secrets/keyring/clear", test_clear);
      g_test_add_func ("/secrets/keyring/schema-name-matched", test_schema_name_matched);
      g_test_add_func ("/secrets/keyring/session-token", test_session_token_with_keyring);
      /* Last: nothing here can unlock the keyring again. */
      g_test_add_func ("/secrets/keyring/locked", test_locked);
    }
  else
    {
      g_test_add_func ("/secrets/missing/store-lookup-clear", test_missing);
      g_test_add_func ("/secrets/missing/session-only", test_missing_session_only);
    }

  status = g_test_run ();

  g_free (test_token);
  g_free (test_token_2);
  return status;
}
