/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hc-demo-store.h"
#include "hc-demo-tokens.h"

#define DIGEST_LEN 32

/* Only a SHA-256 of each token is kept: a memory dump or a stray log line
 * never holds a usable token. */
typedef struct {
  guint8  digest[DIGEST_LEN];
  char   *role;
  char   *user;
  char   *display_name;
} Entry;

struct _HcDemoTokens
{
  GObject  parent_instance;
  GArray  *entries;
};

G_DEFINE_FINAL_TYPE (HcDemoTokens, hc_demo_tokens, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  Entry *e = data;

  g_free (e->role);
  g_free (e->user);
  g_free (e->display_name);
}

static void
digest (const char *token,
        guint8      out[DIGEST_LEN])
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gsize len = DIGEST_LEN;

  g_checksum_update (sum, (const guchar *) token, strlen (token));
  g_checksum_get_digest (sum, out, &len);
}

static void
add (HcDemoTokens *self,
     const char   *token,
     const char   *role,
     const char   *user,
     const char   *display_name)
{
  Entry e = { { 0 }, g_strdup (role), g_strdup (user), g_strdup (display_name) };

  digest (token, e.digest);
  g_array_append_val (self->entries, e);
}

HcDemoTokens *
hc_demo_tokens_new_demo (void)
{
  HcDemoTokens *self = g_object_new (HC_TYPE_DEMO_TOKENS, NULL);

  add (self, "demo-viewer-token", "viewer", "le.thi.hoa", "Lê Thị Hoa");
  add (self, "demo-operator-token", "operator", "tran.van.minh", "Trần Văn Minh");
  add (self, "demo-supervisor-token", "supervisor", "nguyen.thi.lan", "Nguyễn Thị Lan");
  return self;
}

static gboolean
valid_role (const char *role)
{
  return g_str_equal (role, "viewer") || g_str_equal (role, "operator") || g_str_equal (role, "supervisor");
}

/**
 * hc_demo_tokens_new_from_data:
 * One token a line: `TOKEN ROLE USER DISPLAY NAME...`, blank lines and
 * lines starting with `#` ignored. The error never quotes a token.
 */
HcDemoTokens *
hc_demo_tokens_new_from_data (const char  *data,
                              GError     **error)
{
  g_autoptr(HcDemoTokens) self = g_object_new (HC_TYPE_DEMO_TOKENS, NULL);
  g_auto(GStrv) lines = NULL;

  if (!g_utf8_validate (data, -1, NULL))
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID, "The tokens file is not UTF-8.");
      return NULL;
    }

  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_auto(GStrv) fields = NULL;
      g_autofree char *display = NULL;
      guint n = 0;

      if (*line == '\0' || *line == '#')
        continue;

      fields = g_strsplit_set (line, " \t", 4);
      n = g_strv_length (fields);
      if (n < 3 || *fields[0] == '\0' || *fields[2] == '\0' || !valid_role (fields[1]))
        {
          g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID,
                       "Line %u of the tokens file is not “TOKEN ROLE USER [DISPLAY NAME]” with ROLE one of viewer, operator, supervisor.",
                       i + 1);
          return NULL;
        }
      display = n == 4 ? g_strstrip (g_strdup (fields[3])) : g_strdup (fields[2]);
      if (*display == '\0')
        {
          g_free (display);
          display = g_strdup (fields[2]);
        }
      add (self, fields[0], fields[1], fields[2], display);
    }

  if (self->entries->len == 0)
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID, "The tokens file holds no token.");
      return NULL;
    }
  return g_steal_pointer (&self);
}

HcDemoTokens *
hc_demo_tokens_new_from_file (const char  *path,
                              GError     **error)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, error))
    return NULL;
  if (len > 1024 * 1024 || memchr (data, '\0', len) != NULL)
    {
      g_set_error (error, HC_DEMO_ERROR, HC_DEMO_ERROR_INVALID, "The tokens file is not a text file of at most 1 MiB.");
      return NULL;
    }
  return hc_demo_tokens_new_from_data (data, error);
}

/**
 * hc_demo_tokens_lookup:
 * Compares the digest with every entry without stopping early, so the time
 * taken says nothing about how close a guess was or which entry matched.
 */
gboolean
hc_demo_tokens_lookup (HcDemoTokens  *self,
                       const char    *token,
                       const char   **role,
                       const char   **user,
                       const char   **display_name)
{
  guint8 d[DIGEST_LEN];
  guint found = 0, index = 0;
  Entry *match;

  g_return_val_if_fail (HC_IS_DEMO_TOKENS (self), FALSE);

  if (token == NULL)
    return FALSE;
  digest (token, d);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *e = &g_array_index (self->entries, Entry, i);
      guint diff = 0, is_match, take;

      for (guint k = 0; k < DIGEST_LEN; k++)
        diff |= e->digest[k] ^ d[k];
      /* Branch-free: remember the first matching index. */
      is_match = ((diff - 1) >> 8) & 1;
      take = is_match & (found ^ 1);
      index |= i & (0u - take);
      found |= is_match;
    }

  if (!found)
    return FALSE;
  match = &g_array_index (self->entries, Entry, index);
  if (role)
    *role = match->role;
  if (user)
    *user = match->user;
  if (display_name)
    *display_name = match->display_name;
  return TRUE;
}

guint
hc_demo_tokens_get_count (HcDemoTokens *self)
{
  return self->entries->len;
}

static void
hc_demo_tokens_finalize (GObject *object)
{
  HcDemoTokens *self = HC_DEMO_TOKENS (object);

  g_clear_pointer (&self->entries, g_array_unref);
  G_OBJECT_CLASS (hc_demo_tokens_parent_class)->finalize (object);
}

static void
hc_demo_tokens_class_init (HcDemoTokensClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hc_demo_tokens_finalize;
}

static void
hc_demo_tokens_init (HcDemoTokens *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
}
