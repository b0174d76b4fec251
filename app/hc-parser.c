/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "hc-error.h"
#include "hc-fields.h"
#include "hc-parser.h"

HcItem *
hc_parse_source (JsonNode  *node,
                 GError   **error)
{
  return HC_ITEM (hc_fields_parse (HC_TYPE_SOURCE, node, FALSE, error));
}

/**
 * hc_parse_source_detail:
 * A source with its recent runs ("runs" required).
 */
HcItem *
hc_parse_source_detail (JsonNode  *node,
                        GError   **error)
{
  return HC_ITEM (hc_fields_parse (HC_TYPE_SOURCE, node, TRUE, error));
}

HcItem *
hc_parse_run (JsonNode  *node,
              GError   **error)
{
  return HC_ITEM (hc_fields_parse (HC_TYPE_RUN, node, FALSE, error));
}

HcItem *
hc_parse_dataset (JsonNode  *node,
                  GError   **error)
{
  return HC_ITEM (hc_fields_parse (HC_TYPE_DATASET, node, FALSE, error));
}

/**
 * hc_parse_dataset_detail:
 * A dataset with "rules", "history" and "failing_samples" (all required).
 */
HcItem *
hc_parse_dataset_detail (JsonNode  *node,
                         GError   **error)
{
  return HC_ITEM (hc_fields_parse (HC_TYPE_DATASET, node, TRUE, error));
}

HcItem *
hc_parse_pool (JsonNode  *node,
               GError   **error)
{
  return HC_ITEM (hc_fields_parse (HC_TYPE_POOL, node, FALSE, error));
}

HcItem *
hc_parse_node (JsonNode  *node,
               GError   **error)
{
  return HC_ITEM (hc_fields_parse (HC_TYPE_NODE, node, FALSE, error));
}

HcItem *
hc_parse_alert (JsonNode  *node,
                GError   **error)
{
  return HC_ITEM (hc_fields_parse (HC_TYPE_ALERT, node, FALSE, error));
}

/**
 * hc_parse_alert_detail:
 * An alert with its "timeline" (required). Also the answer to acknowledge
 * and resolve.
 */
HcItem *
hc_parse_alert_detail (JsonNode  *node,
                       GError   **error)
{
  return HC_ITEM (hc_fields_parse (HC_TYPE_ALERT, node, TRUE, error));
}

HcItem *
hc_parse_audit_entry (JsonNode  *node,
                      GError   **error)
{
  return HC_ITEM (hc_fields_parse (HC_TYPE_AUDIT_ENTRY, node, FALSE, error));
}

HcMe *
hc_parse_me (JsonNode  *node,
             GError   **error)
{
  return HC_ME (hc_fields_parse (HC_TYPE_ME, node, FALSE, error));
}

HcOverview *
hc_parse_overview (JsonNode  *node,
                   GError   **error)
{
  return HC_OVERVIEW (hc_fields_parse (HC_TYPE_OVERVIEW, node, FALSE, error));
}

/**
 * hc_parse_problem:
 * Reads a problem+json body. Every member is optional (a missing "type"
 * becomes "about:blank"), but a member of the wrong type or a body that
 * is not an object is an error: the caller then falls back to the HTTP
 * status alone.
 */
HcProblem *
hc_parse_problem (JsonNode  *node,
                  GError   **error)
{
  return HC_PROBLEM (hc_fields_parse (HC_TYPE_PROBLEM, node, FALSE, error));
}

void
hc_parsed_list_free (HcParsedList *list)
{
  if (list == NULL)
    return;

  g_clear_pointer (&list->items, g_ptr_array_unref);
  g_clear_pointer (&list->rejected, g_ptr_array_unref);
  g_clear_pointer (&list->next_cursor, g_free);
  g_free (list);
}

/* The id of an item being rejected, if it has a printable one, for the reason. */
static const char *
hc_parse_peek_id (JsonNode *node)
{
  JsonNode *id;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  id = json_object_get_member (json_node_get_object (node), "id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING)
    return NULL;

  return hc_fields_check_id (json_node_get_string (id)) ? json_node_get_string (id) : NULL;
}

/**
 * hc_parse_list:
 * @root: a page `{items, next_cursor, total}`
 * @func: the parser of one item
 *
 * Parses every item with @func. An item that fails is dropped and its
 * reason kept in `rejected`; the page survives. The envelope itself must
 * be right: not an object, no `items` array, a wrong cursor or total is
 * HC_ERROR_MALFORMED_RESPONSE, more than HC_PARSE_MAX_PAGE_ITEMS items is
 * HC_ERROR_RESPONSE_TOO_LARGE.
 */
HcParsedList *
hc_parse_list (JsonNode         *root,
               HcParseItemFunc   func,
               GError          **error)
{
  g_autoptr(HcParsedList) list = NULL;
  JsonObject *object;
  JsonNode *items;
  JsonNode *cursor;
  JsonNode *total;
  JsonArray *array;
  guint n;

  g_return_val_if_fail (func != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE, _("a list page is not a JSON object"));
      return NULL;
    }

  object = json_node_get_object (root);
  items = json_object_get_member (object, "items");
  if (items == NULL || !JSON_NODE_HOLDS_ARRAY (items))
    {
      g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE, _("a list page has no “items” array"));
      return NULL;
    }

  list = g_new0 (HcParsedList, 1);
  list->items = g_ptr_array_new_with_free_func (g_object_unref);
  list->rejected = g_ptr_array_new_with_free_func (g_free);
  list->total = -1;

  cursor = json_object_get_member (object, "next_cursor");
  if (cursor != NULL && !JSON_NODE_HOLDS_NULL (cursor))
    {
      const char *str = NULL;

      if (JSON_NODE_HOLDS_VALUE (cursor) && json_node_get_value_type (cursor) == G_TYPE_STRING)
        str = json_node_get_string (cursor);

      /* The cursor goes back to the hub in a URL: short, printable, non-empty. */
      if (str == NULL || *str == '\0' || strlen (str) > HC_PARSE_MAX_CURSOR ||
          !g_utf8_validate (str, -1, NULL))
        {
          g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE, _("next_cursor: not a valid cursor"));
          return NULL;
        }
      list->next_cursor = g_strdup (str);
    }

  total = json_object_get_member (object, "total");
  if (total != NULL && !JSON_NODE_HOLDS_NULL (total))
    {
      if (!JSON_NODE_HOLDS_VALUE (total) || json_node_get_value_type (total) != G_TYPE_INT64 ||
          json_node_get_int (total) < 0)
        {
          g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE, _("total: not a count"));
          return NULL;
        }
      list->total = json_node_get_int (total);
    }

  array = json_node_get_array (items);
  n = json_array_get_length (array);
  if (n > HC_PARSE_MAX_PAGE_ITEMS)
    {
      g_set_error (error, HC_ERROR, HC_ERROR_RESPONSE_TOO_LARGE,
                   _("a list page has %u items, more than %u"), n, (guint) HC_PARSE_MAX_PAGE_ITEMS);
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autoptr(GError) local_error = NULL;
      HcItem *item = func (element, &local_error);

      if (item != NULL)
        {
          g_ptr_array_add (list->items, item);
          continue;
        }

      {
        const char *id = hc_parse_peek_id (element);
        const char *message = local_error != NULL ? local_error->message : "?";

        if (id != NULL)
          g_ptr_array_add (list->rejected, g_strdup_printf ("items[%u] (%s): %s", i, id, message));
        else
          g_ptr_array_add (list->rejected, g_strdup_printf ("items[%u]: %s", i, message));
      }
    }

  return g_steal_pointer (&list);
}

/*
 * json-glib's parser recurses once per nesting level, so a body of a
 * million '[' would exhaust the stack of a worker thread. Nothing in the
 * contract nests deeper than a few levels: refuse deep bodies up front.
 */
static gboolean
hc_parse_check_depth (const char *data,
                      gsize       len)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > HC_PARSE_MAX_DEPTH)
            return FALSE;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

/**
 * hc_parse_json_bytes:
 * Parses a body into a JSON tree. Anything json-glib refuses, an empty
 * body or nesting deeper than HC_PARSE_MAX_DEPTH is
 * HC_ERROR_MALFORMED_RESPONSE. Safe in a worker thread.
 *
 * Returns: (transfer full): the root node
 */
JsonNode *
hc_parse_json_bytes (GBytes  *body,
                     GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize len;
  JsonNode *root;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (body, &len);

  if (data == NULL || len == 0)
    {
      g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE, _("empty answer where JSON was expected"));
      return NULL;
    }

  if (len > G_MAXSSIZE || !hc_parse_check_depth (data, len))
    {
      g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE, _("JSON nested too deeply"));
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) len, &local_error))
    {
      g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE, _("not valid JSON: %s"), local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL)
    {
      g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE, _("empty answer where JSON was expected"));
      return NULL;
    }

  return json_node_ref (root);
}

/**
 * hc_parse_list_bytes:
 * hc_parse_json_bytes() then hc_parse_list(): a whole page off the main thread.
 */
HcParsedList *
hc_parse_list_bytes (GBytes           *body,
                     HcParseItemFunc   func,
                     GError          **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (body != NULL, NULL);
  g_return_val_if_fail (func != NULL, NULL);

  root = hc_parse_json_bytes (body, error);
  if (root == NULL)
    return NULL;

  return hc_parse_list (root, func, error);
}
