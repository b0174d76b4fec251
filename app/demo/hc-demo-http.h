/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* One request to the demo hub as its handlers see it, and the answers in
 * the Hub API's HTTP dialect: problem documents, JSON validated by ETag,
 * checked query parameters and pages with opaque cursors. */

#include <libsoup/soup.h>

#include "hc-demo-server.h"

G_BEGIN_DECLS

typedef enum {
  HC_DEMO_ROLE_NONE,
  HC_DEMO_ROLE_VIEWER,
  HC_DEMO_ROLE_OPERATOR,
  HC_DEMO_ROLE_SUPERVISOR,
} HcDemoRole;

/* Filled in by the server's dispatch: who asks (once authenticated),
 * the path segments after /api/v1 and the query, parsed strictly. */
typedef struct {
  HcDemoServer      *server;
  SoupServerMessage *msg;
  const char        *method;
  char             **segs;
  GHashTable        *query;
  HcDemoRole         role;
  const char        *role_name;
  const char        *user;
  const char        *display_name;
  const char        *remote;
} HcDemoRequest;

/* ---- answers ------------------------------------------------------------- */

char       *hc_demo_http_problem_body     (guint               status,
                                           const char         *slug,
                                           const char         *detail);
const char *hc_demo_http_content_type_for (guint               status);
/* Takes @body. */
void        hc_demo_http_send_body        (SoupServerMessage  *msg,
                                           guint               status,
                                           const char         *content_type,
                                           char               *body);
void        hc_demo_http_send_problem     (SoupServerMessage  *msg,
                                           guint               status,
                                           const char         *slug,
                                           const char         *detail);
void        hc_demo_http_send_json        (HcDemoRequest      *req,
                                           JsonNode           *node);

/* ---- query parameters ---------------------------------------------------- */

/* Each check answers 400 itself and returns FALSE when a value is wrong. */
gboolean    hc_demo_http_check_params     (HcDemoRequest      *req,
                                           const char * const *allowed);
const char *hc_demo_http_param            (HcDemoRequest      *req,
                                           const char         *name);
gboolean    hc_demo_http_bad_param        (HcDemoRequest      *req,
                                           const char         *name,
                                           const char         *why);
gboolean    hc_demo_http_enum_param       (HcDemoRequest      *req,
                                           const char         *name,
                                           const char * const *values,
                                           const char        **out);
gboolean    hc_demo_http_text_param       (HcDemoRequest      *req,
                                           const char         *name,
                                           char              **out,
                                           gboolean            fold);

/* ---- pages --------------------------------------------------------------- */

gboolean    hc_demo_http_page_params      (HcDemoRequest      *req,
                                           char                kind,
                                           gboolean            numeric,
                                           HcDemoListQuery    *q,
                                           char              **after);
void        hc_demo_http_send_page        (HcDemoRequest      *req,
                                           JsonNode           *page,
                                           char                kind,
                                           const char         *next_key);
void        hc_demo_http_send_page_text   (HcDemoRequest      *req,
                                           GString            *page,
                                           char                kind,
                                           const char         *next_key);

G_END_DECLS
