/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HC_BACKOFF_DEFAULT_INITIAL_MS 1000
#define HC_BACKOFF_DEFAULT_MAX_MS     (60 * 1000)

/*
 * HcBackoff: when to try again after a failure that retrying may fix
 * (hc_error_get_recovery() says which). Exponential with full jitter: a
 * random delay up to a cap that starts at @initial_ms and doubles with
 * every attempt up to @max_ms, so many consoles do not come back at the
 * same instant after an outage; never sooner than the hub's Retry-After.
 * Plain data, embedded in its owner; reset it after a healthy connection.
 */
typedef struct {
  guint initial_ms;
  guint max_ms;
  guint attempt;
} HcBackoff;

void  hc_backoff_init   (HcBackoff       *self,
                         guint            initial_ms,
                         guint            max_ms);
void  hc_backoff_reset  (HcBackoff       *self);
guint hc_backoff_cap_ms (const HcBackoff *self);
guint hc_backoff_next   (HcBackoff       *self,
                         guint            retry_after_s);

G_END_DECLS
