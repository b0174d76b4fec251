/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HC_ERROR (hc_error_quark ())

/**
 * HcError:
 * The one error domain of the hub client. Each code is something an
 * operator can act on, and each has a translated message from
 * hc_error_describe(). Each value's nick (HC_TYPE_ERROR) is its stable
 * machine name, hc_error_code_name().
 */
typedef enum { /*< prefix=HC_ERROR >*/
  HC_ERROR_UNREACHABLE,        /* DNS, refused, reset, no route */
  HC_ERROR_TIMED_OUT,          /* connect or request deadline passed */
  HC_ERROR_TLS_UNTRUSTED,      /* certificate not trusted; its fingerprint: hc_client_get_untrusted_fingerprint() */
  HC_ERROR_UNAUTHORIZED,       /* 401: token missing, wrong or expired */
  HC_ERROR_FORBIDDEN,          /* 403: the role lacks the action */
  HC_ERROR_NOT_FOUND,          /* 404 */
  HC_ERROR_CONFLICT,           /* 409: state conflict, e.g. already resolved */
  HC_ERROR_INVALID_REQUEST,    /* 400/422: the hub refused the request body */
  HC_ERROR_RATE_LIMITED,       /* 429: honour Retry-After */
  HC_ERROR_HUB_ERROR,          /* 5xx or another problem+json from the hub */
  HC_ERROR_MALFORMED_RESPONSE, /* not the JSON the contract promises */
  HC_ERROR_RESPONSE_TOO_LARGE, /* over the client's size limit */
  HC_ERROR_PLAINTEXT_REFUSED,  /* http:// to a non-loopback host, or a downgrade redirect */
  HC_ERROR_CANCELLED,          /* the operation was cancelled */
  HC_ERROR_KEYRING,            /* the system keyring failed or is missing */
} HcError;

/**
 * HcErrorRecovery:
 * What the loops that keep a hub current (the event stream, the hub's
 * refresh) do after an error.
 */
typedef enum { /*< skip >*/
  HC_ERROR_RECOVERY_RETRY,    /* try again after a backoff (HcBackoff) */
  HC_ERROR_RECOVERY_SIGN_IN,  /* the token was refused: stop until a new one */
  HC_ERROR_RECOVERY_OPERATOR, /* stop until the operator changes something */
  HC_ERROR_RECOVERY_NONE,     /* cancelled on purpose: just stop */
} HcErrorRecovery;

GQuark       hc_error_quark       (void);
const char  *hc_error_code_name   (HcError code);
const char  *hc_error_title       (HcError code);
char        *hc_error_describe    (const GError *error);
char        *hc_error_describe_clause (const GError *error);
HcErrorRecovery hc_error_get_recovery (const GError *error);
gboolean     hc_error_is_transient (const GError *error);

G_END_DECLS
