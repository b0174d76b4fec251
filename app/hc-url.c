/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hc-url.h"

/* Hub addresses: their one spelling, and the one rule for which of them
 * may be spoken to in plain http.
 *
 * Addresses are typed by operators and compared as strings (to find a
 * profile, and as the keyring attribute of its token), so there is exactly
 * one spelling of each: lower-case scheme and host, no default port, no
 * trailing slash. */

static int
default_port (const char *scheme)
{
  if (g_str_equal (scheme, "https"))
    return 443;
  if (g_str_equal (scheme, "http"))
    return 80;
  return -1;
}

/* GUri percent-decodes the host and writes it back as it is, so "%2F" or
 * "%07" would become a "/" or a control character in the address. After
 * IDN conversion a host name is ASCII letters, digits, "-", "." and "_";
 * an IPv6 literal (brackets removed) hex digits, ":" and "."; a zone id
 * (fe80::1%eth0) would not survive being written back either. A ":" is
 * only an IPv6 literal's: "local%3Ahost" decodes to "local:host", which
 * would be written back in brackets as an address it is not. */
static gboolean
is_host_text (const char *host)
{
  for (const char *c = host; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && strchr ("-._:", *c) == NULL)
      return FALSE;
  return strchr (host, ':') == NULL || g_hostname_is_ip_address (host);
}

static gboolean
has_space_or_control (const char *s)
{
  for (; *s != '\0'; s++)
    if (g_ascii_isspace (*s) || g_ascii_iscntrl (*s))
      return TRUE;
  return FALSE;
}

/**
 * hc_url_normalize:
 * @url: a hub address as typed, e.g. `https://Hub.Example:443/dc1/`
 * @error: set to %G_IO_ERROR_INVALID_ARGUMENT with a sentence for the
 *   operator when @url is not a usable hub address
 *
 * Only http and https, a host, no user name or password (the token lives in
 * the keyring, never in the address), no query and no fragment.
 *
 * Returns: (transfer full) (nullable): scheme, host, port and path, without
 *   the default port and without trailing slashes, e.g.
 *   `https://hub.example/dc1`
 */
char *
hc_url_normalize (const char  *url,
                  GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *host = NULL;
  g_autofree char *path = NULL;
  const char *scheme;
  int port;
  gsize len;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (url == NULL)
    url = "";

  trimmed = g_strstrip (g_strdup (url));
  if (*trimmed == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("Enter the address of the hub, for example https://hub.example.org."));
      return NULL;
    }

  if (has_space_or_control (trimmed))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The hub address must not contain spaces."));
      return NULL;
    }

  uri = g_uri_parse (trimmed, G_URI_FLAGS_ENCODED | G_URI_FLAGS_SCHEME_NORMALIZE, NULL);
  if (uri == NULL)
    {
      /* GLib's parser message names internals ("not absolute"); say what to type. */
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The hub address must start with https:// followed by the host name."));
      return NULL;
    }

  scheme = g_uri_get_scheme (uri);
  if (!g_str_equal (scheme, "https") && !g_str_equal (scheme, "http"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The hub address must start with https:// (or http:// where unencrypted connections are allowed)."));
      return NULL;
    }

  if (g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The hub address has no host name."));
      return NULL;
    }

  if (!is_host_text (g_uri_get_host (uri)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The host name of the hub address is not valid."));
      return NULL;
    }

  if (g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The hub address must not contain a user name or password; the token is kept in the keyring."));
      return NULL;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The hub address must not contain “?” or “#”."));
      return NULL;
    }

  port = g_uri_get_port (uri);
  if (port == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The port of the hub address is not valid."));
      return NULL;
    }
  if (port == default_port (scheme))
    port = -1;

  host = g_ascii_strdown (g_uri_get_host (uri), -1);

  path = g_strdup (g_uri_get_path (uri));
  len = strlen (path);
  while (len > 0 && path[len - 1] == '/')
    path[--len] = '\0';

  return g_uri_join (G_URI_FLAGS_ENCODED, scheme, NULL, host, port, path, NULL, NULL);
}

/**
 * hc_url_host_is_loopback:
 * @host: (nullable): a host name or address literal as GUri returns it
 *   (an IPv6 literal without brackets, nothing percent-decoded)
 *
 * The one rule for where plain http may carry the token: `localhost`
 * (any case), an IPv4 address in 127.0.0.0/8 or the IPv6 address `::1`,
 * and nothing else. It is decided on the text, before any lookup, so it
 * must hold whatever the resolver and the proxy settings do with a name:
 *  - not `*.localhost` or `localhost.`: GLib resolves them to loopback,
 *    but GNOME's default proxy exceptions (localhost, 127.0.0.0/8, ::1)
 *    do not name them, so with a system proxy the request and its token
 *    would travel in plain text to the proxy;
 *  - not `127.0.0.1.`, `127.1` or other spellings the address parser
 *    refuses: the resolver treats them as names to look up;
 *  - not an IPv4-mapped `::ffff:127.0.0.1`: it is not `::1`, and proxy
 *    exceptions do not match it either.
 */
gboolean
hc_url_host_is_loopback (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (host == NULL || *host == '\0')
    return FALSE;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);
  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * hc_url_is_loopback:
 * @url: (nullable): an absolute URL
 *
 * Whether the host of @url passes hc_url_host_is_loopback(). Anything
 * unparsable is not loopback.
 */
gboolean
hc_url_is_loopback (const char *url)
{
  g_autoptr(GUri) uri = NULL;

  if (url == NULL)
    return FALSE;

  uri = g_uri_parse (url, G_URI_FLAGS_ENCODED, NULL);
  return uri != NULL && hc_url_host_is_loopback (g_uri_get_host (uri));
}
