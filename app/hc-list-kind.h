/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "hc-parser.h"

G_BEGIN_DECLS

/**
 * HcListKind:
 * The five lists of the Hub API. Each value's nick is the list's name in
 * logs, the offline copy and the events ("sources" and "source.updated").
 */
typedef enum { /*< prefix=HC_LIST >*/
  HC_LIST_SOURCES,  /*< nick=sources >*/
  HC_LIST_DATASETS, /*< nick=datasets >*/
  HC_LIST_POOLS,    /*< nick=pools >*/
  HC_LIST_NODES,    /*< nick=nodes >*/
  HC_LIST_ALERTS,   /*< nick=alerts >*/
} HcListKind;

#define HC_LIST_N_KINDS (HC_LIST_ALERTS + 1)

/**
 * HcListKindInfo:
 * Everything that differs between the lists, in one place: the client,
 * the hub and the views look it up here instead of switching on the kind.
 */
typedef struct {
  const char          *path;          /* below /api/v1 */
  const char          *event_prefix;  /* "source." of "source.updated" */
  const char * const  *filters;       /* the contract's query filters */
  GType              (*item_type) (void);
  HcParseItemFunc      parse;         /* one row of a page or an event */
  HcParseItemFunc      parse_detail;  /* one item with its details; NULL: none */
  const char          *noun;          /* N_(): the items in words, "feeds" */
} HcListKindInfo;

const HcListKindInfo *hc_list_kind_get_info   (HcListKind  kind);
const char           *hc_list_kind_to_string  (HcListKind  kind);
GType                 hc_list_kind_item_type  (HcListKind  kind);
HcParseItemFunc       hc_list_kind_get_parser (HcListKind  kind);
const char           *hc_list_kind_noun       (HcListKind  kind);
gboolean              hc_list_kind_from_event (const char *name,
                                               HcListKind *kind,
                                               gboolean   *removed);

G_END_DECLS
