/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hc-fingerprint.h"
#include "hc-profile.h"
#include "hc-url.h"

/* A hub as the operator configured it. Deliberately holds nothing secret:
 * the token is in the keyring (HcSecrets), keyed by url and username. */
struct _HcProfile
{
  GObject parent_instance;

  char *id;
  char *name;
  char *url;
  char *username;
  char *ca_file;
  char *pinned_fingerprint;
  gboolean allow_plaintext;
  char *kind;
  guint poll_interval;
};

G_DEFINE_FINAL_TYPE (HcProfile, hc_profile, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_URL,
  PROP_USERNAME,
  PROP_CA_FILE,
  PROP_PINNED_FINGERPRINT,
  PROP_ALLOW_PLAINTEXT,
  PROP_KIND,
  PROP_POLL_INTERVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Empty and NULL mean the same ("not set"); keep one of them. */
static gboolean
set_optional_string (char       **field,
                     const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value == NULL)
    value = "";
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
hc_profile_finalize (GObject *object)
{
  HcProfile *self = HC_PROFILE (object);

  g_free (self->id);
  g_free (self->name);
  g_free (self->url);
  g_free (self->username);
  g_free (self->ca_file);
  g_free (self->kind);
  g_free (self->pinned_fingerprint);

  G_OBJECT_CLASS (hc_profile_parent_class)->finalize (object);
}

static void
hc_profile_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HcProfile *self = HC_PROFILE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_USERNAME:
      g_value_set_string (value, self->username);
      break;
    case PROP_CA_FILE:
      g_value_set_string (value, self->ca_file);
      break;
    case PROP_PINNED_FINGERPRINT:
      g_value_set_string (value, self->pinned_fingerprint);
      break;
    case PROP_ALLOW_PLAINTEXT:
      g_value_set_boolean (value, self->allow_plaintext);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_POLL_INTERVAL:
      g_value_set_uint (value, self->poll_interval);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_profile_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HcProfile *self = HC_PROFILE (object);
  g_autoptr(GError) error = NULL;

  switch (prop_id)
    {
    case PROP_ID:
      /* Construct-only; an unusable id (it becomes a settings path) is replaced. */
      if (hc_profile_id_is_valid (g_value_get_string (value)))
        self->id = g_value_dup_string (value);
      break;
    case PROP_NAME:
      hc_profile_set_name (self, g_value_get_string (value));
      break;
    case PROP_URL:
      /* The value is not logged: a rejected address may carry a password. */
      if (!hc_profile_set_url (self, g_value_get_string (value), &error))
        g_warning ("Ignoring an invalid hub address for profile %s: %s", self->id, error->message);
      break;
    case PROP_USERNAME:
      hc_profile_set_username (self, g_value_get_string (value));
      break;
    case PROP_CA_FILE:
      hc_profile_set_ca_file (self, g_value_get_string (value));
      break;
    case PROP_PINNED_FINGERPRINT:
      if (!hc_profile_set_pinned_fingerprint (self, g_value_get_string (value), &error))
        g_warning ("Ignoring an invalid certificate fingerprint for profile %s: %s", self->id, error->message);
      break;
    case PROP_ALLOW_PLAINTEXT:
      hc_profile_set_allow_plaintext (self, g_value_get_boolean (value));
      break;
    case PROP_KIND:
      hc_profile_set_kind (self, g_value_get_string (value));
      break;
    case PROP_POLL_INTERVAL:
      hc_profile_set_poll_interval (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_profile_constructed (GObject *object)
{
  HcProfile *self = HC_PROFILE (object);

  G_OBJECT_CLASS (hc_profile_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();
}

static void
hc_profile_class_init (HcProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_profile_finalize;
  object_class->get_property = hc_profile_get_property;
  object_class->set_property = hc_profile_set_property;
  object_class->constructed = hc_profile_constructed;

  /**
   * HcProfile:id:
   * Stable identity of the profile, also its settings path; never shown.
   */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HcProfile:url:
   * The hub's base address, normalized by hc_url_normalize().
   */
  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_USERNAME] =
    g_param_spec_string ("username", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HcProfile:ca-file:
   * A PEM file of extra trusted CA certificates for this hub, or %NULL.
   */
  properties[PROP_CA_FILE] =
    g_param_spec_string ("ca-file", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HcProfile:pinned-fingerprint:
   * SHA-256 of the hub's certificate in the hc_fingerprint_normalize()
   * form (upper-case colon-separated hex), or %NULL when nothing is pinned.
   */
  properties[PROP_PINNED_FINGERPRINT] =
    g_param_spec_string ("pinned-fingerprint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HcProfile:allow-plaintext:
   * Whether http:// is accepted for a host that is not loopback.
   */
  properties[PROP_ALLOW_PLAINTEXT] =
    g_param_spec_boolean ("allow-plaintext", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HcProfile:kind:
   * What answers at the address: "hub" (the Hub API) or "alertmanager".
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL, "hub",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * HcProfile:poll-interval:
   * Seconds between two polls, for kinds without an event stream.
   */
  properties[PROP_POLL_INTERVAL] =
    g_param_spec_uint ("poll-interval", NULL, NULL,
                       HC_PROFILE_MIN_POLL_INTERVAL, HC_PROFILE_MAX_POLL_INTERVAL,
                       HC_PROFILE_DEFAULT_POLL_INTERVAL,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_profile_init (HcProfile *self)
{
  self->name = g_strdup ("");
  self->username = g_strdup ("");
  self->kind = g_strdup (HC_PROFILE_KIND_HUB);
  self->poll_interval = HC_PROFILE_DEFAULT_POLL_INTERVAL;
}

/**
 * hc_profile_new:
 * @name: (nullable): what the operator calls the hub; the host when empty
 * @url: the hub address, validated and normalized
 * @username: (nullable): the user the token belongs to
 * @error: a %G_IO_ERROR_INVALID_ARGUMENT naming what is wrong with @url
 *
 * Returns: (transfer full) (nullable): a profile with a fresh id
 */
HcProfile *
hc_profile_new (const char  *name,
                const char  *url,
                const char  *username,
                GError     **error)
{
  g_autoptr(HcProfile) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (HC_TYPE_PROFILE, NULL);
  if (!hc_profile_set_url (self, url, error))
    return NULL;

  if (name == NULL || *name == '\0')
    {
      g_autoptr(GUri) uri = g_uri_parse (self->url, G_URI_FLAGS_ENCODED, NULL);

      g_assert (uri != NULL);
      name = g_uri_get_host (uri);
      hc_profile_set_name (self, name);
    }
  else
    hc_profile_set_name (self, name);

  hc_profile_set_username (self, username);

  return g_steal_pointer (&self);
}

const char *
hc_profile_get_id (HcProfile *self)
{
  g_return_val_if_fail (HC_IS_PROFILE (self), NULL);
  return self->id;
}

const char *
hc_profile_get_name (HcProfile *self)
{
  g_return_val_if_fail (HC_IS_PROFILE (self), NULL);
  return self->name;
}

void
hc_profile_set_name (HcProfile  *self,
                     const char *name)
{
  g_return_if_fail (HC_IS_PROFILE (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * hc_profile_get_url:
 *
 * Returns: (nullable): the normalized hub address; %NULL only for a profile
 *   whose stored address is missing or was made invalid outside the console
 */
const char *
hc_profile_get_url (HcProfile *self)
{
  g_return_val_if_fail (HC_IS_PROFILE (self), NULL);
  return self->url;
}

/**
 * hc_profile_set_url:
 * Validates and normalizes @url (see hc_url_normalize()); an invalid address
 * leaves the profile unchanged.
 */
gboolean
hc_profile_set_url (HcProfile   *self,
                    const char  *url,
                    GError     **error)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (HC_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  normalized = hc_url_normalize (url, error);
  if (normalized == NULL)
    return FALSE;

  if (set_string (&self->url, normalized))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URL]);

  return TRUE;
}

const char *
hc_profile_get_username (HcProfile *self)
{
  g_return_val_if_fail (HC_IS_PROFILE (self), NULL);
  return self->username;
}

void
hc_profile_set_username (HcProfile  *self,
                         const char *username)
{
  g_return_if_fail (HC_IS_PROFILE (self));

  if (set_string (&self->username, username))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USERNAME]);
}

const char *
hc_profile_get_ca_file (HcProfile *self)
{
  g_return_val_if_fail (HC_IS_PROFILE (self), NULL);
  return self->ca_file;
}

void
hc_profile_set_ca_file (HcProfile  *self,
                        const char *ca_file)
{
  g_return_if_fail (HC_IS_PROFILE (self));

  if (set_optional_string (&self->ca_file, ca_file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CA_FILE]);
}

const char *
hc_profile_get_pinned_fingerprint (HcProfile *self)
{
  g_return_val_if_fail (HC_IS_PROFILE (self), NULL);
  return self->pinned_fingerprint;
}

/**
 * hc_profile_set_pinned_fingerprint:
 * @fingerprint: (nullable): SHA-256 as hc_fingerprint_normalize() reads
 *   it; %NULL or empty removes the pin
 *
 * An invalid fingerprint leaves the profile unchanged.
 */
gboolean
hc_profile_set_pinned_fingerprint (HcProfile   *self,
                                   const char  *fingerprint,
                                   GError     **error)
{
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (HC_IS_PROFILE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (fingerprint != NULL && *fingerprint != '\0')
    {
      normalized = hc_fingerprint_normalize (fingerprint, error);
      if (normalized == NULL)
        return FALSE;
    }

  if (set_optional_string (&self->pinned_fingerprint, normalized))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PINNED_FINGERPRINT]);

  return TRUE;
}

gboolean
hc_profile_get_allow_plaintext (HcProfile *self)
{
  g_return_val_if_fail (HC_IS_PROFILE (self), FALSE);
  return self->allow_plaintext;
}

void
hc_profile_set_allow_plaintext (HcProfile *self,
                                gboolean   allow_plaintext)
{
  g_return_if_fail (HC_IS_PROFILE (self));

  allow_plaintext = !!allow_plaintext;
  if (self->allow_plaintext == allow_plaintext)
    return;

  self->allow_plaintext = allow_plaintext;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALLOW_PLAINTEXT]);
}

/**
 * hc_profile_get_kind:
 * HC_PROFILE_KIND_HUB or HC_PROFILE_KIND_ALERTMANAGER.
 */
const char *
hc_profile_get_kind (HcProfile *self)
{
  g_return_val_if_fail (HC_IS_PROFILE (self), HC_PROFILE_KIND_HUB);
  return self->kind;
}

/**
 * hc_profile_set_kind:
 * An unknown kind (a newer console's, say) is taken as "hub".
 */
void
hc_profile_set_kind (HcProfile  *self,
                     const char *kind)
{
  const char *value = HC_PROFILE_KIND_HUB;

  g_return_if_fail (HC_IS_PROFILE (self));

  if (g_strcmp0 (kind, HC_PROFILE_KIND_ALERTMANAGER) == 0)
    value = HC_PROFILE_KIND_ALERTMANAGER;
  if (g_str_equal (self->kind, value))
    return;

  g_free (self->kind);
  self->kind = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

gboolean
hc_profile_is_alertmanager (HcProfile *self)
{
  g_return_val_if_fail (HC_IS_PROFILE (self), FALSE);
  return g_str_equal (self->kind, HC_PROFILE_KIND_ALERTMANAGER);
}

guint
hc_profile_get_poll_interval (HcProfile *self)
{
  g_return_val_if_fail (HC_IS_PROFILE (self), HC_PROFILE_DEFAULT_POLL_INTERVAL);
  return self->poll_interval;
}

void
hc_profile_set_poll_interval (HcProfile *self,
                              guint      seconds)
{
  g_return_if_fail (HC_IS_PROFILE (self));

  seconds = CLAMP (seconds, HC_PROFILE_MIN_POLL_INTERVAL, HC_PROFILE_MAX_POLL_INTERVAL);
  if (self->poll_interval == seconds)
    return;

  self->poll_interval = seconds;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POLL_INTERVAL]);
}

/**
 * hc_profile_is_loopback:
 * Whether the hub is on this machine (see hc_url_is_loopback()).
 */
gboolean
hc_profile_is_loopback (HcProfile *self)
{
  g_return_val_if_fail (HC_IS_PROFILE (self), FALSE);
  return hc_url_is_loopback (self->url);
}

/**
 * hc_profile_id_is_valid:
 * Ids become a settings path element, so only letters, digits, `-` and `_`.
 */
gboolean
hc_profile_id_is_valid (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > 64)
    return FALSE;

  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '-' && *p != '_')
      return FALSE;

  return TRUE;
}
