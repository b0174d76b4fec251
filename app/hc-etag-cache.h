/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * HcEtagCache: the bodies of list pages by URL with their ETag, so a 304
 * to our If-None-Match can be answered from memory. Bounded per body and
 * in total; what does not fit is simply fetched whole next time.
 */
typedef struct _HcEtagCache HcEtagCache;

HcEtagCache *hc_etag_cache_new    (void);
void         hc_etag_cache_free   (HcEtagCache  *self);
void         hc_etag_cache_clear  (HcEtagCache  *self);
gboolean     hc_etag_cache_lookup (HcEtagCache  *self,
                                   const char   *key,
                                   char        **etag,
                                   GBytes      **body);
void         hc_etag_cache_store  (HcEtagCache  *self,
                                   const char   *key,
                                   const char   *etag,
                                   GBytes       *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HcEtagCache, hc_etag_cache_free)

G_END_DECLS
