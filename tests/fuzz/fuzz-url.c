/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "hc-url.h"

/* One input is a hub address as typed or found in the settings. An
 * accepted address has one spelling (normalising it again changes
 * nothing), and normalising never changes whether it is loopback. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *again = NULL;
  gboolean loopback;

  (void) hc_url_host_is_loopback (text);
  loopback = hc_url_is_loopback (g_strstrip (text));

  url = hc_url_normalize (text, &error);
  if (url == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }

  again = hc_url_normalize (url, NULL);
  g_assert (again != NULL && strcmp (again, url) == 0);
  g_assert (hc_url_is_loopback (url) == loopback);
  return 0;
}
