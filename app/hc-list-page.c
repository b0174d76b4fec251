/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

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

HcListPage *
hc_list_page_parse (GBytes      *body,
                    HcListKind   kind,
                    GError     **error)
{
  g_return_val_if_fail (body != NULL, NULL);
  return hc_list_page_parse_full (body, kind, NULL, NULL, error);
}
