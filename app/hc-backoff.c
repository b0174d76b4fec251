/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-backoff.h"

/* Reconnect delays: the one backoff rule of the event stream and the hub. */

/* Doubling stops here; 2^16 times any sane initial delay is past any cap. */
#define MAX_DOUBLINGS 16
/* g_random_int_range() takes a gint32 bound. */
#define MAX_DELAY_MS  ((guint) G_MAXINT32 - 1)

void
hc_backoff_init (HcBackoff *self,
                 guint      initial_ms,
                 guint      max_ms)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (initial_ms > 0 && max_ms >= initial_ms);

  self->initial_ms = initial_ms;
  self->max_ms = max_ms;
  self->attempt = 0;
}

/* After a connection that was healthy: the next failure starts over. */
void
hc_backoff_reset (HcBackoff *self)
{
  g_return_if_fail (self != NULL);

  self->attempt = 0;
}

/**
 * hc_backoff_cap_ms:
 * The longest delay the next attempt may wait (before Retry-After).
 */
guint
hc_backoff_cap_ms (const HcBackoff *self)
{
  guint64 cap;

  g_return_val_if_fail (self != NULL, 0);

  cap = (guint64) MAX (self->initial_ms, 1) << MIN (self->attempt, MAX_DOUBLINGS);
  cap = MIN (cap, self->max_ms);
  return (guint) MIN (cap, MAX_DELAY_MS);
}

/**
 * hc_backoff_next:
 * @retry_after_s: seconds the hub asked us to wait (429), or 0
 *
 * Counts one more attempt.
 *
 * Returns: milliseconds to wait before it
 */
guint
hc_backoff_next (HcBackoff *self,
                 guint      retry_after_s)
{
  guint delay_ms;

  g_return_val_if_fail (self != NULL, 0);

  delay_ms = (guint) g_random_int_range (0, (gint32) hc_backoff_cap_ms (self) + 1);
  if (retry_after_s > 0)
    delay_ms = MAX (delay_ms, (guint) MIN ((guint64) retry_after_s * 1000, MAX_DELAY_MS));

  if (self->attempt < G_MAXUINT)
    self->attempt++;

  return delay_ms;
}
