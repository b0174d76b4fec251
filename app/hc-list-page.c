/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hc-client-private.h"
#include "hc-list-page.h"
#include "hc-parser.h"

/*
 * One job: HcListPage, one page of a list as parsed from the hub's
 * envelope; rows the parser refuses are counted, not fatal.
 */

void
hc_list_page_free (HcListPage *page)
{
  if (page == NULL)
    return;

  g_clear_pointer (&page->items, g_ptr_array_unref);
  g_clear_pointer (&page->next_cursor, g_free);
  g_clear_pointer (&page->body, g_bytes_unref);
  g_free (page);
}

static HcListPage *
hc_list_page_copy (HcListPage *page)
{
  HcListPage *copy = g_new0 (HcListPage, 1);

  copy->items = page->items ? g_ptr_array_ref (page->items) : NULL;
  copy->n_rejected = page->n_rejected;
  copy->next_cursor = g_strdup (page->next_cursor);
  copy->total = page->total;
  copy->not_modified = page->not_modified;
  copy->body = page->body ? g_bytes_ref (page->body) : NULL;
  return copy;
}

G_DEFINE_BOXED_TYPE (HcListPage, hc_list_page, hc_list_page_copy, hc_list_page_free)

HcListPage *
hc_list_page_parse_full (GBytes        *body,
                         HcListKind     kind,
                         HcCursorFunc   cursor_func,
                         gpointer       cursor_data,
                         GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(HcParsedList) parsed = NULL;
  HcListPage *page;
  GError *local_error = NULL;

  root = hc_parse_json_bytes (body, &local_error);
  if (root == NULL)
    {
      g_propagate_error (error, hc_client_error_as_malformed (local_error));
      return NULL;
    }

  /* The next page can be on its way while this one's rows are built; the
   * envelope is checked properly by hc_parse_list() right after. */
  if (cursor_func != NULL)
    {
      const char *cursor = NULL;

      if (JSON_NODE_HOLDS_OBJECT (root))
        {
          JsonNode *member = json_object_get_member (json_node_get_object (root), "next_cursor");

          if (member != NULL && JSON_NODE_HOLDS_VALUE (member)
              && json_node_get_value_type (member) == G_TYPE_STRING
              && *json_node_get_string (member) != '\0')
            cursor = json_node_get_string (member);
        }
      cursor_func (cursor, cursor_data);
    }

  parsed = hc_parse_list (root, hc_list_kind_get_parser (kind), &local_error);
  if (parsed == NULL)
    {
      g_propagate_error (error, hc_client_error_as_malformed (local_error));
      return NULL;
    }

  for (guint i = 0; parsed->rejected != NULL && i < parsed->rejected->len; i++)
    g_debug ("Rejected a %s row: %s", hc_list_kind_to_string (kind),
             (const char *) g_ptr_array_index (parsed->rejected, i));

  page = g_new0 (HcListPage, 1);
  page->items = g_steal_pointer (&parsed->items);
  page->n_rejected = parsed->rejected ? parsed->rejected->len : 0;
  page->next_cursor = g_steal_pointer (&parsed->next_cursor);
  page->total = parsed->total;
  page->body = g_bytes_ref (body);
  return page;
}

/* Back from @end over JSON whitespace. */
static gssize
skip_space_back (const char *text,
                 gssize      end)
{
  while (end >= 0 && strchr (" \t\r\n", text[end]) != NULL && text[end] != '\0')
    end--;
  return end;
}

/**
 * hc_list_page_peek_cursor:
 * The page's `next_cursor` read from its last bytes, before the page is
 * parsed, when it is the envelope's last member and a plain string:
 * `…,"next_cursor":"abc"}` at the very end. In JSON a string without a
 * backslash has no quote in it, so that text can only be the root
 * object's own member, and it is what a parse of the page gives (the last
 * of duplicate members wins in both); anything else (null, an escape,
 * the member elsewhere) is %NULL and the caller waits for the parse. The
 * caller still compares it with the parsed page's cursor.
 */
char *
hc_list_page_peek_cursor (GBytes *body)
{
  static const char key[] = "\"next_cursor\"";
  gsize size;
  const char *text = g_bytes_get_data (body, &size);
  gssize end, close, open, pos;

  if (text == NULL || size < sizeof key + 4)
    return NULL;
  end = skip_space_back (text, (gssize) size - 1);
  if (end < 0 || text[end] != '}')
    return NULL;
  close = skip_space_back (text, end - 1);
  if (close <= 0 || text[close] != '"')
    return NULL;
  for (open = close - 1; open >= 0 && text[open] != '"'; open--)
    if (text[open] == '\\' || (guchar) text[open] < 0x20)
      return NULL;
  if (open < 0 || close - open - 1 < 1 || close - open - 1 > HC_PARSE_MAX_CURSOR)
    return NULL;
  pos = skip_space_back (text, open - 1);
  if (pos < 0 || text[pos] != ':')
    return NULL;
  pos = skip_space_back (text, pos - 1);
  if (pos < (gssize) sizeof key - 2 || memcmp (text + pos - (sizeof key - 2), key, sizeof key - 1) != 0)
    return NULL;
  pos = skip_space_back (text, pos - (gssize) (sizeof key - 1));
  if (pos < 0 || (text[pos] != ',' && text[pos] != '{'))
    return NULL;
  if (!g_utf8_validate (text + open + 1, close - open - 1, NULL))
    return NULL;
  return g_strndup (text + open + 1, close - open - 1);
}

HcListPage *
hc_list_page_parse (GBytes      *body,
                    HcListKind   kind,
                    GError     **error)
{
  g_return_val_if_fail (body != NULL, NULL);
  return hc_list_page_parse_full (body, kind, NULL, NULL, error);
}
