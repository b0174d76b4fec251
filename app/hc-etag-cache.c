/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-etag-cache.h"

/*
 * One job: remember list pages by URL and ETag, within bounds, for
 * conditional GETs (hc-client-request.c).
 */

/* A 304 can only be served from a cached body, so only pages up to this
 * size keep one; larger pages are simply fetched again. The bodies stay
 * resident all day: the whole cache is kept to a small share of the
 * console's memory (a hub of 100,000 alerts sends 63 MB of pages; the
 * first 16 MB of them are asked with If-None-Match, the rest in full). */
#define ETAG_BODY_LIMIT       (8 * 1024 * 1024)
#define ETAG_CACHE_LIMIT      (16 * 1024 * 1024)

struct _HcEtagCache
{
  GHashTable *entries;   /* URL → Entry */
  gsize       bytes;     /* sum of the cached bodies */
};

typedef struct {
  char   *etag;
  GBytes *body;
} Entry;

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->etag);
  g_bytes_unref (entry->body);
  g_free (entry);
}

HcEtagCache *
hc_etag_cache_new (void)
{
  HcEtagCache *self = g_new0 (HcEtagCache, 1);

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entry_free);
  return self;
}

void
hc_etag_cache_free (HcEtagCache *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->entries);
  g_free (self);
}

/* Another user may see other rows: cached pages are not theirs. */
void
hc_etag_cache_clear (HcEtagCache *self)
{
  g_hash_table_remove_all (self->entries);
  self->bytes = 0;
}

/**
 * hc_etag_cache_lookup:
 * @etag: (out): the ETag to send as If-None-Match
 * @body: (out): the body to answer a 304 with
 * Copies, so the entry may be replaced while the request runs.
 */
gboolean
hc_etag_cache_lookup (HcEtagCache  *self,
                      const char   *key,
                      char        **etag,
                      GBytes      **body)
{
  Entry *entry = g_hash_table_lookup (self->entries, key);

  if (entry == NULL)
    return FALSE;

  *etag = g_strdup (entry->etag);
  *body = g_bytes_ref (entry->body);
  return TRUE;
}

/* Replaces what was kept for @key; with no @etag, or past the bounds,
 * only forgets it. */
void
hc_etag_cache_store (HcEtagCache *self,
                     const char  *key,
                     const char  *etag,
                     GBytes      *body)
{
  Entry *old_entry = g_hash_table_lookup (self->entries, key);
  gsize size = g_bytes_get_size (body);

  if (old_entry != NULL)
    {
      self->bytes -= g_bytes_get_size (old_entry->body);
      g_hash_table_remove (self->entries, key);
    }

  /* Bounded: past the limit, pages are simply fetched whole. */
  if (etag != NULL && size <= ETAG_BODY_LIMIT && self->bytes + size <= ETAG_CACHE_LIMIT)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->etag = g_strdup (etag);
      entry->body = g_bytes_ref (body);
      g_hash_table_replace (self->entries, g_strdup (key), entry);
      self->bytes += size;
    }
}
