/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fuzz-common.h"
#include "hc-fingerprint.h"

/* One input is a pinned fingerprint as typed, pasted or found in the
 * settings: whatever is accepted is canonical and reads back as itself. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_autofree char *fingerprint = hc_fingerprint_normalize (text, &error);
  g_autofree char *again = NULL;

  if (fingerprint == NULL)
    {
      g_assert (error != NULL);
      return 0;
    }

  g_assert (error == NULL);
  g_assert (strlen (fingerprint) == HC_FINGERPRINT_TEXT_LEN);
  for (gsize i = 0; i < HC_FINGERPRINT_TEXT_LEN; i++)
    g_assert (i % 3 == 2 ? fingerprint[i] == ':'
                         : g_ascii_isdigit (fingerprint[i]) || (fingerprint[i] >= 'A' && fingerprint[i] <= 'F'));

  again = hc_fingerprint_normalize (fingerprint, NULL);
  g_assert (again != NULL && strcmp (again, fingerprint) == 0);
  return 0;
}
