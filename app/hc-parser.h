/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "hc-alert.h"
#include "hc-audit-entry.h"
#include "hc-dataset.h"
#include "hc-item.h"
#include "hc-me.h"
#include "hc-node.h"
#include "hc-overview.h"
#include "hc-pool.h"
#include "hc-problem.h"
#include "hc-run.h"
#include "hc-source.h"

G_BEGIN_DECLS

/*
 * JSON to objects. Every function is pure: no shared state, safe to call
 * from any thread, one JsonParser per call.
 *
 * Strict on types and ranges, tolerant of unknown fields. A violation fails
 * that object with HC_ERROR_MALFORMED_RESPONSE whose message names the field
 * ("last_run.outcome: unknown value “exploded”"); in a list only that item
 * is dropped (its reason goes to HcParsedList.rejected).
 *
 * Caps (nothing from the wire is trusted):
 *  - ids follow the contract's ObjectId: 1–64 of [A-Za-z0-9._-], not "."
 *    or ".." (the client puts them in URL paths); anything else is rejected;
 *  - names (name, hostname, agency, user, title, ...) longer than
 *    HC_PARSE_MAX_NAME bytes are REJECTED: a cut name could pass for
 *    another one;
 *  - free text (description, error, comment, detail, value, reason, ...)
 *    longer than HC_PARSE_MAX_TEXT bytes is TRUNCATED at a UTF-8 character
 *    boundary: it is only ever shown;
 *  - invalid UTF-8 or an embedded NUL in any string is rejected;
 *  - lists: items per page, runs, history points, timeline entries, disks,
 *    rules, samples as below; more is a rejection (of the object) or, for
 *    the page itself, HC_ERROR_RESPONSE_TOO_LARGE;
 *  - JSON nested deeper than HC_PARSE_MAX_DEPTH is malformed (json-glib
 *    recurses, so depth is checked before it parses).
 *
 * Item parsers return HcItem so they fit HcParseItemFunc without casts;
 * the object is of the named type (HC_SOURCE (hc_parse_source (...))).
 * The *_detail variants return the same type with its detail lists filled
 * (and require them).
 */
#define HC_PARSE_MAX_ID          64
#define HC_PARSE_MAX_NAME        256
#define HC_PARSE_MAX_TEXT        4096
#define HC_PARSE_MAX_PAGE_ITEMS  5000
#define HC_PARSE_MAX_RUNS        500
#define HC_PARSE_MAX_HISTORY     400
#define HC_PARSE_MAX_TIMELINE    1000
#define HC_PARSE_MAX_DISKS       256
#define HC_PARSE_MAX_RULES       1000
#define HC_PARSE_MAX_SAMPLES     1000
#define HC_PARSE_MAX_PERMISSIONS 128
#define HC_PARSE_MAX_DEPTH       64
#define HC_PARSE_MAX_CURSOR      512

typedef HcItem *(*HcParseItemFunc) (JsonNode  *node,
                                    GError   **error);

typedef struct _HcParsedList HcParsedList;

struct _HcParsedList
{
  GPtrArray *items;       /* HcItem, owned */
  GPtrArray *rejected;    /* char *, one reason per dropped item */
  char      *next_cursor; /* NULL on the last page */
  gint64     total;       /* -1 when the hub did not say */
};

HcItem       *hc_parse_source         (JsonNode   *node,
                                       GError    **error);
HcItem       *hc_parse_source_detail  (JsonNode   *node,
                                       GError    **error);
HcItem       *hc_parse_run            (JsonNode   *node,
                                       GError    **error);
HcItem       *hc_parse_dataset        (JsonNode   *node,
                                       GError    **error);
HcItem       *hc_parse_dataset_detail (JsonNode   *node,
                                       GError    **error);
HcItem       *hc_parse_pool           (JsonNode   *node,
                                       GError    **error);
HcItem       *hc_parse_node           (JsonNode   *node,
                                       GError    **error);
HcItem       *hc_parse_alert          (JsonNode   *node,
                                       GError    **error);
HcItem       *hc_parse_alert_detail   (JsonNode   *node,
                                       GError    **error);
HcItem       *hc_parse_audit_entry    (JsonNode   *node,
                                       GError    **error);
HcMe         *hc_parse_me             (JsonNode   *node,
                                       GError    **error);
HcOverview   *hc_parse_overview       (JsonNode   *node,
                                       GError    **error);
HcProblem    *hc_parse_problem        (JsonNode   *node,
                                       GError    **error);

HcParsedList *hc_parse_list           (JsonNode         *root,
                                       HcParseItemFunc   func,
                                       GError          **error);
HcParsedList *hc_parse_list_bytes     (GBytes           *body,
                                       HcParseItemFunc   func,
                                       GError          **error);
JsonNode     *hc_parse_json_bytes     (GBytes           *body,
                                       GError          **error);
void          hc_parsed_list_free     (HcParsedList     *list);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcParsedList, hc_parsed_list_free)

G_END_DECLS
