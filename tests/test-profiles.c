/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Hub profiles: validation, and persistence in GSettings (memory backend,
 * as set by the test environment). */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hc-profile-store.h"
#include "hc-secrets.h"
#include "hc-url.h"

#define FINGERPRINT \
  "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89"

/* Every test starts from empty settings. */
static void
reset_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_auto(GStrv) ids = g_settings_get_strv (settings, "hubs");
  g_autoptr(HcProfileStore) store = hc_profile_store_new (settings);

  for (guint i = 0; ids[i] != NULL; i++)
    hc_profile_store_remove (store, ids[i]);
  g_settings_reset (settings, "hubs");
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GSettings *
hub_settings (const char *id)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *path = g_strdup_printf (APP_PATH "/hubs/%s/", id);

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (),
                                            APP_ID ".Hub", TRUE);
  g_assert_nonnull (schema);
  return g_settings_new_full (schema, NULL, path);
}

/* ---- addresses -------------------------------------------------------------- */

static void
test_url_normalize (void)
{
  static const struct { const char *in; const char *out; } valid[] = {
    { "https://hub.example", "https://hub.example" },
    { "HTTPS://Hub.Example:443/", "https://hub.example" },
    { "  https://hub.example/dc1///  ", "https://hub.example/dc1" },
    { "https://hub.example:8443/api/", "https://hub.example:8443/api" },
    { "http://hub.example:80/x", "http://hub.example/x" },
    { "http://hub.example:443/x", "http://hub.example:443/x" },
    { "http://127.0.0.1:8080/", "http://127.0.0.1:8080" },
    { "http://[::1]:8080/", "http://[::1]:8080" },
    { "https://hub.example/a/../b", "https://hub.example/b" },
  };
  static const char * const invalid[] = {
    "", "   ", "hub.example", "ftp://hub.example", "file:///etc/passwd",
    "https://", "https:///path", "https://user@hub.example", "https://user:secret@hub.example",
    "https://@hub.example", "https://hub.example/?x=1", "https://hub.example/?",
    "https://hub.example/#top", "https://hub.example:0/", "https://hub.example:99999/",
    "https://hub example/", "https://hub.example/a b", "https://hub.example/a\tb",
    "https://[fe80::1%25eth0]/",
    /* Percent-encoded hosts would be written back decoded. */
    "http://hub%2Fx/", "http://local%07ost/", "http://a%20b.example/",
    /* A ":" decoded into a host name that is not an IPv6 address. */
    "http://local%3Ahost/", "http://locddddddddddddddddddddddddal%3al%34ostcal%68ost/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = hc_url_normalize (valid[i].in, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (out, ==, valid[i].out);
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = hc_url_normalize (invalid[i], &error);

      if (out != NULL)
        g_error ("“%s” was accepted as “%s”", invalid[i], out);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_cmpstr (error->message, !=, "");
    }
  g_assert_null (hc_url_normalize (NULL, NULL));
}

/* The spelling itself is tested in test-security-rules; here, that a
 * profile keeps one and refuses a bad one without a change. */
static void
test_fingerprint (void)
{
  g_autoptr(HcProfile) profile = hc_profile_new (NULL, "https://hub.example", "an", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (hc_profile_set_pinned_fingerprint (profile,
                                                    "abcdef0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789",
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpstr (hc_profile_get_pinned_fingerprint (profile), ==, FINGERPRINT);
  g_assert_false (hc_profile_set_pinned_fingerprint (profile, "AB:CD", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpstr (hc_profile_get_pinned_fingerprint (profile), ==, FINGERPRINT);
  g_assert_true (hc_profile_set_pinned_fingerprint (profile, "", &error));
  g_assert_null (hc_profile_get_pinned_fingerprint (profile));
}

/* Profiles saved by earlier versions (canonical form) and pins written
 * by hand in another accepted spelling are read as the canonical form. */
static void
test_fingerprint_stored (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HcProfileStore) store = hc_profile_store_new (settings);
  g_autoptr(HcProfile) profile = hc_profile_new ("Đà Nẵng", "https://dn.hub.example", "an", NULL);
  g_autoptr(GSettings) profile_settings = NULL;
  g_autoptr(GSettings) other_settings = g_settings_new (APP_ID);
  g_autoptr(HcProfileStore) other = NULL;
  HcProfile *copy;

  reset_settings ();
  hc_profile_store_add (store, profile);
  drain ();
  profile_settings = hub_settings (hc_profile_get_id (profile));

  g_settings_set_string (profile_settings, "pinned-fingerprint", FINGERPRINT);
  other = hc_profile_store_new (other_settings);
  copy = hc_profile_store_lookup (other, hc_profile_get_id (profile));
  g_assert_nonnull (copy);
  g_assert_cmpstr (hc_profile_get_pinned_fingerprint (copy), ==, FINGERPRINT);

  g_settings_set_string (profile_settings, "pinned-fingerprint",
                         "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789");
  drain ();
  g_assert_cmpstr (hc_profile_get_pinned_fingerprint (copy), ==, FINGERPRINT);

  /* Junk keeps the last good pin rather than silently dropping it. */
  g_settings_set_string (profile_settings, "pinned-fingerprint", "AB-CD");
  drain ();
  g_assert_cmpstr (hc_profile_get_pinned_fingerprint (copy), ==, FINGERPRINT);

  g_clear_object (&other);
  reset_settings ();
}

/* ---- one profile -------------------------------------------------------------- */

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_profile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HcProfile) profile = NULL;
  g_autoptr(HcProfile) other = NULL;
  guint notified = 0;

  g_assert_null (hc_profile_new ("Hanoi", "ftp://hub.example", "an", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  profile = hc_profile_new (NULL, "HTTPS://Hub.Example/dc1/", "an", &error);
  g_assert_no_error (error);
  other = hc_profile_new ("Hanoi", "https://hub.example", NULL, &error);
  g_assert_no_error (error);

  g_assert_true (hc_profile_id_is_valid (hc_profile_get_id (profile)));
  g_assert_cmpstr (hc_profile_get_id (profile), !=, hc_profile_get_id (other));
  g_assert_cmpstr (hc_profile_get_url (profile), ==, "https://hub.example/dc1");
  /* Without a name, the host names it. */
  g_assert_cmpstr (hc_profile_get_name (profile), ==, "hub.example");
  g_assert_cmpstr (hc_profile_get_name (other), ==, "Hanoi");
  g_assert_cmpstr (hc_profile_get_username (other), ==, "");
  g_assert_null (hc_profile_get_ca_file (profile));
  g_assert_null (hc_profile_get_pinned_fingerprint (profile));
  g_assert_false (hc_profile_get_allow_plaintext (profile));
  g_assert_false (hc_profile_is_loopback (profile));

  g_signal_connect (profile, "notify", G_CALLBACK (count_notify), &notified);

  /* Unchanged values notify nothing; changes notify once. */
  hc_profile_set_name (profile, "hub.example");
  g_assert_true (hc_profile_set_url (profile, "https://hub.example:443/dc1", NULL));
  hc_profile_set_allow_plaintext (profile, FALSE);
  hc_profile_set_ca_file (profile, "");
  g_assert_cmpuint (notified, ==, 0);

  g_assert_true (hc_profile_set_url (profile, "http://127.0.0.1:8080/", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (hc_profile_is_loopback (profile));

  /* A refused address leaves the profile as it was. */
  g_assert_false (hc_profile_set_url (profile, "https://an:secret@hub.example", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_cmpstr (hc_profile_get_url (profile), ==, "http://127.0.0.1:8080");
  g_assert_cmpuint (notified, ==, 1);

  g_object_set (profile, "ca-file", "/etc/hub-ca.pem", "allow-plaintext", TRUE, NULL);
  g_assert_cmpstr (hc_profile_get_ca_file (profile), ==, "/etc/hub-ca.pem");
  g_assert_true (hc_profile_get_allow_plaintext (profile));
  g_assert_cmpuint (notified, ==, 3);

  g_assert_false (hc_profile_id_is_valid ("../x"));
  g_assert_false (hc_profile_id_is_valid ("a/b"));
  g_assert_false (hc_profile_id_is_valid (""));
  g_assert_false (hc_profile_id_is_valid (NULL));
}

/* ---- the store -------------------------------------------------------------- */

typedef struct
{
  guint position;
  guint removed;
  guint added;
  guint count;
} Change;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->count++;
}

static HcProfile *
item (HcProfileStore *store,
      guint           position)
{
  g_autoptr(HcProfile) profile = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_assert_nonnull (profile);
  /* The store keeps its own reference. */
  return profile;
}

static void
test_store_add_edit_remove (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GSettings) other_settings = g_settings_new (APP_ID);
  g_autoptr(HcProfileStore) store = hc_profile_store_new (settings);
  g_autoptr(HcProfileStore) other = NULL;
  g_autoptr(HcProfile) hanoi = hc_profile_new ("Hà Nội", "https://hn.hub.example", "an", NULL);
  g_autoptr(HcProfile) hue = hc_profile_new ("Huế", "https://hue.hub.example:8443/", "binh", NULL);
  g_autoptr(GSettings) hanoi_settings = NULL;
  g_auto(GStrv) ids = NULL;
  g_autofree char *value = NULL;
  Change change = { 0 }, other_change = { 0 };
  HcProfile *copy;

  reset_settings ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == HC_TYPE_PROFILE);
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &change);

  hc_profile_set_ca_file (hue, "/etc/ssl/hue-ca.pem");
  g_assert_true (hc_profile_set_pinned_fingerprint (hue, FINGERPRINT, NULL));

  hc_profile_store_add (store, hanoi);
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.added, ==, 1);
  hc_profile_store_add (store, hue);
  drain ();
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_true (item (store, 0) == hanoi);
  g_assert_true (item (store, 1) == hue);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 2));

  /* In the settings, as specified. */
  ids = g_settings_get_strv (settings, "hubs");
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, hc_profile_get_id (hanoi));
  g_assert_cmpstr (ids[1], ==, hc_profile_get_id (hue));
  hanoi_settings = hub_settings (hc_profile_get_id (hanoi));
  value = g_settings_get_string (hanoi_settings, "url");
  g_assert_cmpstr (value, ==, "https://hn.hub.example");
  g_clear_pointer (&value, g_free);
  value = g_settings_get_string (hanoi_settings, "name");
  g_assert_cmpstr (value, ==, "Hà Nội");
  g_clear_pointer (&value, g_free);

  /* A second store on the same backend (another instance) sees the same. */
  other = hc_profile_store_new (other_settings);
  g_signal_connect (other, "items-changed", G_CALLBACK (on_items_changed), &other_change);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 2);
  copy = hc_profile_store_lookup (other, hc_profile_get_id (hue));
  g_assert_nonnull (copy);
  g_assert_true (copy != hue);
  g_assert_true (item (other, 1) == copy);
  g_assert_cmpstr (hc_profile_get_name (copy), ==, "Huế");
  g_assert_cmpstr (hc_profile_get_url (copy), ==, "https://hue.hub.example:8443");
  g_assert_cmpstr (hc_profile_get_username (copy), ==, "binh");
  g_assert_cmpstr (hc_profile_get_ca_file (copy), ==, "/etc/ssl/hue-ca.pem");
  g_assert_cmpstr (hc_profile_get_pinned_fingerprint (copy), ==, FINGERPRINT);
  g_assert_false (hc_profile_get_allow_plaintext (copy));

  /* Edits are written back, and picked up by the other instance. */
  hc_profile_set_name (hue, "Thừa Thiên Huế");
  g_assert_true (hc_profile_set_url (hue, "http://hue.hub.example/", NULL));
  hc_profile_set_allow_plaintext (hue, TRUE);
  hc_profile_set_ca_file (hue, NULL);
  g_assert_true (hc_profile_set_pinned_fingerprint (hue, NULL, NULL));
  drain ();
  g_assert_cmpstr (hc_profile_get_name (copy), ==, "Thừa Thiên Huế");
  g_assert_cmpstr (hc_profile_get_url (copy), ==, "http://hue.hub.example");
  g_assert_true (hc_profile_get_allow_plaintext (copy));
  g_assert_null (hc_profile_get_ca_file (copy));
  g_assert_null (hc_profile_get_pinned_fingerprint (copy));

  /* ...and the other way round. */
  hc_profile_set_username (copy, "binh.tran");
  drain ();
  g_assert_cmpstr (hc_profile_get_username (hue), ==, "binh.tran");

  /* Edits were not reported as list changes. */
  g_assert_cmpuint (change.count, ==, 2);
  g_assert_cmpuint (other_change.count, ==, 0);

  /* Remove: gone here, gone there, its settings reset. */
  g_assert_true (hc_profile_store_remove (store, hc_profile_get_id (hanoi)));
  g_assert_false (hc_profile_store_remove (store, hc_profile_get_id (hanoi)));
  drain ();
  g_assert_cmpuint (change.count, ==, 3);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 0);
  g_assert_cmpuint (other_change.count, ==, 1);
  g_assert_cmpuint (other_change.position, ==, 0);
  g_assert_cmpuint (other_change.removed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (other)), ==, 1);
  g_assert_null (hc_profile_store_lookup (other, hc_profile_get_id (hanoi)));
  {
    g_autoptr(GSettingsSchema) schema = NULL;
    g_auto(GStrv) keys = NULL;

    g_object_get (hanoi_settings, "settings-schema", &schema, NULL);
    keys = g_settings_schema_list_keys (schema);
    for (guint i = 0; keys[i] != NULL; i++)
      {
        g_autoptr(GVariant) user_value = g_settings_get_user_value (hanoi_settings, keys[i]);
        g_assert_null (user_value);
      }
  }
  /* The removed profile object, still held by a view, keeps its values. */
  g_assert_cmpstr (hc_profile_get_url (hanoi), ==, "https://hn.hub.example");

  /* A fresh store finds the one that is left. */
  {
    g_autoptr(HcProfileStore) third = hc_profile_store_new (NULL);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (third)), ==, 1);
    g_assert_cmpstr (hc_profile_get_username (item (third, 0)), ==, "binh.tran");
  }
}

static void
test_store_external_ids (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HcProfileStore) store = hc_profile_store_new (settings);
  g_autoptr(HcProfile) a = hc_profile_new ("A", "https://a.example", "u", NULL);
  g_autoptr(HcProfile) b = hc_profile_new ("B", "https://b.example", "u", NULL);
  g_autoptr(HcProfile) c = hc_profile_new ("C", "https://c.example", "u", NULL);
  Change change = { 0 };

  reset_settings ();
  hc_profile_store_add (store, a);
  hc_profile_store_add (store, b);
  hc_profile_store_add (store, c);
  drain ();
  g_signal_connect (store, "items-changed", G_CALLBACK (on_items_changed), &change);

  /* Another instance swaps b and c, and someone writes junk and a duplicate:
   * one contiguous change, the same objects, junk ignored. */
  {
    const char *ids[] = { hc_profile_get_id (a), hc_profile_get_id (c), "../etc",
                          hc_profile_get_id (b), hc_profile_get_id (a), NULL };

    g_settings_set_strv (settings, "hubs", ids);
  }
  drain ();
  g_assert_cmpuint (change.count, ==, 1);
  g_assert_cmpuint (change.position, ==, 1);
  g_assert_cmpuint (change.removed, ==, 2);
  g_assert_cmpuint (change.added, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 3);
  g_assert_true (item (store, 0) == a);
  g_assert_true (item (store, 1) == c);
  g_assert_true (item (store, 2) == b);

  /* Lookups. */
  g_assert_true (hc_profile_store_lookup (store, hc_profile_get_id (b)) == b);
  g_assert_null (hc_profile_store_lookup (store, "nope"));
  g_assert_null (hc_profile_store_lookup (store, NULL));
  g_assert_true (hc_profile_store_find_by_url (store, "HTTPS://C.Example:443/") == c);
  g_assert_null (hc_profile_store_find_by_url (store, "https://d.example"));
  g_assert_null (hc_profile_store_find_by_url (store, "not a url"));

  /* An address made invalid outside the console is not taken over. */
  {
    g_autoptr(GSettings) c_settings = hub_settings (hc_profile_get_id (c));

    g_settings_set_string (c_settings, "url", "https://user:pw@c.example");
    drain ();
    g_assert_cmpstr (hc_profile_get_url (c), ==, "https://c.example");
    g_settings_set_string (c_settings, "url", "https://c2.example/");
    drain ();
    g_assert_cmpstr (hc_profile_get_url (c), ==, "https://c2.example");
  }

  reset_settings ();
  drain ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

static void
assert_no_token (const char *where,
                 const char *text,
                 const char *token)
{
  /* Not g_assert_cmpstr: a failure must not print the token. */
  if (text != NULL && strstr (text, token) != NULL)
    g_error ("The token was found in %s", where);
}

/* The token goes to HcSecrets (here session-only, so no keyring is needed)
 * and nowhere else: no profile property and no settings key holds it. */
static void
test_no_token_in_profiles_or_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HcProfileStore) store = hc_profile_store_new (settings);
  g_autoptr(HcSecrets) secrets = hc_secrets_new ();
  g_autoptr(GSettingsSchema) main_schema = NULL;
  g_auto(GStrv) main_keys = NULL;
  g_autofree char *token = g_strdup_printf ("hct_%08x%08x%08x", g_random_int (), g_random_int (), g_random_int ());

  reset_settings ();
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *url = g_strdup_printf ("https://hub%u.example", i);
      g_autoptr(HcProfile) profile = hc_profile_new (NULL, url, "an", NULL);

      hc_profile_set_ca_file (profile, "/etc/ca.pem");
      g_assert_true (hc_profile_set_pinned_fingerprint (profile, FINGERPRINT, NULL));
      hc_profile_store_add (store, profile);
      hc_secrets_set_session_token (secrets, url, "an", token);
      g_assert_true (hc_secrets_has_session_token (secrets, url, "an"));
    }
  drain ();

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (store)); i++)
    {
      HcProfile *profile = item (store, i);
      g_autoptr(GSettings) profile_settings = hub_settings (hc_profile_get_id (profile));
      g_autoptr(GSettingsSchema) schema = NULL;
      g_auto(GStrv) keys = NULL;
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;

      pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (profile), &n_pspecs);
      g_assert_cmpuint (n_pspecs, ==, 9);
      for (guint p = 0; p < n_pspecs; p++)
        {
          g_auto(GValue) value = G_VALUE_INIT;
          g_auto(GValue) text = G_VALUE_INIT;

          g_value_init (&value, pspecs[p]->value_type);
          g_object_get_property (G_OBJECT (profile), pspecs[p]->name, &value);
          g_value_init (&text, G_TYPE_STRING);
          g_assert_true (g_value_transform (&value, &text));
          assert_no_token (pspecs[p]->name, g_value_get_string (&text), token);
        }

      g_object_get (profile_settings, "settings-schema", &schema, NULL);
      keys = g_settings_schema_list_keys (schema);
      g_assert_cmpuint (g_strv_length (keys), ==, 8);
      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autoptr(GVariant) value = g_settings_get_value (profile_settings, keys[k]);
          g_autofree char *text = g_variant_print (value, FALSE);

          assert_no_token (keys[k], text, token);
        }
    }

  g_object_get (settings, "settings-schema", &main_schema, NULL);
  main_keys = g_settings_schema_list_keys (main_schema);
  for (guint k = 0; main_keys[k] != NULL; k++)
    {
      g_autoptr(GVariant) value = g_settings_get_value (settings, main_keys[k]);
      g_autofree char *text = g_variant_print (value, FALSE);

      assert_no_token (main_keys[k], text, token);
    }

  reset_settings ();
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  /* The memory backend: nothing here touches the real settings. */
  g_assert_cmpstr (g_getenv ("GSETTINGS_BACKEND"), ==, "memory");

  g_test_add_func ("/profiles/url/normalize", test_url_normalize);
  g_test_add_func ("/profiles/fingerprint", test_fingerprint);
  g_test_add_func ("/profiles/fingerprint/stored", test_fingerprint_stored);
  g_test_add_func ("/profiles/profile", test_profile);
  g_test_add_func ("/profiles/store/add-edit-remove", test_store_add_edit_remove);
  g_test_add_func ("/profiles/store/external-ids", test_store_external_ids);
  g_test_add_func ("/profiles/store/no-token", test_no_token_in_profiles_or_settings);

  return g_test_run ();
}
