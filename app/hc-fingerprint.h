/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* 32 bytes as colon-separated pairs: "AB:CD:…:EF". */
#define HC_FINGERPRINT_SHA256_LEN 32
#define HC_FINGERPRINT_TEXT_LEN   (HC_FINGERPRINT_SHA256_LEN * 3 - 1)

char *hc_fingerprint_normalize        (const char       *text,
                                       GError          **error);
char *hc_fingerprint_from_certificate (GTlsCertificate  *certificate);

G_END_DECLS
