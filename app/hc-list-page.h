/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-list-kind.h"

G_BEGIN_DECLS

/**
 * HcListPage:
 * One page of a list. @items holds #HcItem objects (strong refs); rows the
 * parser refused are counted in @n_rejected rather than failing the page,
 * so one bad row never hides the others. @not_modified is set when the hub
 * answered 304 to our If-None-Match; @body then is the body cached from
 * the earlier 200, so callers may treat both alike or skip the work.
 */
typedef struct {
  GPtrArray *items;
  guint      n_rejected;
  char      *next_cursor;
  gint64     total;
  gboolean   not_modified;
  GBytes    *body;
} HcListPage;

#define HC_TYPE_LIST_PAGE (hc_list_page_get_type ())
GType       hc_list_page_get_type (void) G_GNUC_CONST;
void        hc_list_page_free     (HcListPage *page);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcListPage, hc_list_page_free)

HcListPage *hc_list_page_parse    (GBytes      *body,
                                   HcListKind   kind,
                                   GError     **error);

typedef void (*HcCursorFunc) (const char *next_cursor,
                              gpointer    user_data);

/* Parses a list page; @cursor_func runs (in the parsing thread) as soon as
 * the envelope is read, before the rows are built, so the caller can fetch
 * the next page while this one is still being parsed. */
HcListPage *hc_list_page_parse_full      (GBytes              *body,
                                          HcListKind           kind,
                                          HcCursorFunc         cursor_func,
                                          gpointer             cursor_data,
                                          GError             **error);

char       *hc_list_page_peek_cursor     (GBytes              *body);

G_END_DECLS
