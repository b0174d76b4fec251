/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-secrets.h"

G_BEGIN_DECLS

/* What hc-secrets.c, hc-secrets-service.c and hc-secrets-password.c
 * share: one keyring operation, and the mapping of libsecret's errors to
 * the operator's. */

typedef enum {
  HC_SECRETS_OP_STORE,
  HC_SECRETS_OP_LOOKUP,
  HC_SECRETS_OP_CLEAR,
} HcSecretsOpKind;

typedef struct
{
  HcSecretsOpKind  kind;
  char            *url;
  char            *user;
  char            *label;
  SecretValue     *token;
  /* Filled in on the way. */
  SecretService   *service;
  GHashTable      *attributes;
} HcSecretsOp;

/* hc-secrets.c */
void     hc_secrets_return_error        (GTask        *task,
                                         const GError *error);
void     hc_secrets_stored              (GTask        *task);
void     hc_secrets_set_service_missing (HcSecrets    *self,
                                         gboolean      missing);

/* hc-secrets-service.c: through the Secret Service on the session bus */
void     hc_secrets_service_run         (GTask        *task);

/* hc-secrets-password.c: through the password calls (and the portal) */
gboolean hc_secrets_password_wanted     (void);
void     hc_secrets_password_run        (GTask        *task);

G_END_DECLS
