/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reading a hub's agency sums (GET /quality/agencies), every page. */
#include "config.h"

#include <math.h>
#include <stdio.h>

#include "hc-agency-private.h"
#include "hc-agency-served.h"
#include "hc-client-private.h"
#include "hc-error.h"

#define DAY ((gint64) 86400)
#define PAGE_LIMIT 5000
#define MAX_PAGES 100

static void
served_free (gpointer data)
{
  HcAgencyServed *served = data;

  g_array_unref (served->days);
  g_free (served);
}

/**
 * hc_agency_served_table_new:
 * An empty table of agency name -> HcAgencyServed.
 */
GHashTable *
hc_agency_served_table_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, served_free);
}

static gboolean
malformed (GError    **error,
           const char *what)
{
  g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
               "The hub's agency figures are not what the contract promises: %s.", what);
  return FALSE;
}

static gboolean
get_number (JsonObject *object,
            const char *name,
            double      min,
            double      max,
            double     *out)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_DOUBLE && json_node_get_value_type (node) != G_TYPE_INT64))
    return FALSE;
  *out = json_node_get_double (node);
  return isfinite (*out) && *out >= min && *out <= max;
}

/* Members of the expected JSON type, or NULL: json-glib's typed getters
 * warn on a member that is missing or of another type, and a hub's answer
 * may be either. */
static JsonNode *
member_of_type (JsonObject   *object,
                const char   *name,
                JsonNodeType  type)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_TYPE (node) == type ? node : NULL;
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_OBJECT);

  return node != NULL ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_ARRAY);

  return node != NULL ? json_node_get_array (node) : NULL;
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = member_of_type (object, name, JSON_NODE_VALUE);

  return node != NULL && json_node_get_value_type (node) == G_TYPE_STRING ? json_node_get_string (node) : NULL;
}

static gboolean
parse_day (const char *text,
           gint64     *day)
{
  int y, m, d;
  char end;
  g_autoptr(GDateTime) date = NULL;

  if (text == NULL || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3)
    return FALSE;
  date = g_date_time_new_utc (y, m, d, 0, 0, 0);
  if (date == NULL)
    return FALSE;
  *day = g_date_time_to_unix (date) / DAY;
  return TRUE;
}

static gboolean
parse_agency (JsonObject  *item,
              GHashTable  *into,
              GError     **error)
{
  static const char * const names[] = { "correct", "complete", "clean", "live", "overall" };
  const char *name = member_string (item, "agency");
  JsonObject *change = member_object (item, "change");
  JsonArray *series = member_array (item, "series");
  g_autofree HcAgencyServed *served = NULL;
  JsonNode *overall;
  double known, mean = 0;

  if (name == NULL || *name == '\0')
    return malformed (error, "an agency without a name");
  if (change == NULL || series == NULL)
    return malformed (error, "an agency without its change or series");
  served = g_new0 (HcAgencyServed, 1);
  overall = json_object_get_member (change, "overall");
  if (!get_number (change, "weight", 0, G_MAXDOUBLE, &served->change_weight) ||
      !get_number (change, "datasets", 0, 9007199254740992.0 /* 2^53 */, &known) || known != floor (known) ||
      overall == NULL || (!JSON_NODE_HOLDS_NULL (overall) && !get_number (change, "overall", -100, 100, &mean)))
    return malformed (error, "an agency's change");
  served->change_known = (gint64) known;
  served->change_sum = mean * served->change_weight;
  served->days = g_array_new (FALSE, TRUE, sizeof (HcAgencyServedDay));
  for (guint i = 0, n = json_array_get_length (series); i < n; i++)
    {
      JsonNode *node = json_array_get_element (series, i);
      JsonObject *point = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      HcAgencyServedDay day = { 0 };

      if (point == NULL || !parse_day (member_string (point, "date"), &day.day) ||
          !get_number (point, "weight", 0, G_MAXDOUBLE, &day.weight))
        {
          g_array_unref (served->days);
          return malformed (error, "a day of an agency's series");
        }
      for (guint c = 0; c < 5; c++)
        {
          double value;

          if (!get_number (point, names[c], 0, 100, &value))
            {
              g_array_unref (served->days);
              return malformed (error, "a score of an agency's series");
            }
          day.sum[c] = value * day.weight;
        }
      g_array_append_val (served->days, day);
    }
  g_hash_table_replace (into, g_strdup (name), g_steal_pointer (&served));
  return TRUE;
}

/**
 * hc_agency_served_parse_page:
 * One page of GET /quality/agencies into @into.
 */
gboolean
hc_agency_served_parse_page (JsonNode    *node,
                             GHashTable  *into,
                             char       **next_cursor,
                             GError     **error)
{
  JsonObject *page;
  JsonArray *items;
  JsonNode *next;

  *next_cursor = NULL;
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return malformed (error, "not an object");
  page = json_node_get_object (node);
  items = member_array (page, "items");
  next = json_object_get_member (page, "next_cursor");
  if (items == NULL || next == NULL)
    return malformed (error, "not a page");
  for (guint i = 0, n = json_array_get_length (items); i < n; i++)
    {
      JsonNode *item = json_array_get_element (items, i);

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return malformed (error, "an agency that is not an object");
      if (!parse_agency (json_node_get_object (item), into, error))
        return FALSE;
    }
  if (JSON_NODE_HOLDS_VALUE (next) && json_node_get_value_type (next) == G_TYPE_STRING)
    *next_cursor = g_strdup (json_node_get_string (next));
  else if (!JSON_NODE_HOLDS_NULL (next))
    return malformed (error, "a cursor that is not a string");
  return TRUE;
}

/* ---- fetching every page ----------------------------------------------------- */

typedef struct {
  GHashTable *agencies;
  char       *next_cursor;
} Page;

static void
page_free (gpointer data)
{
  Page *page = data;

  if (page->agencies != NULL)
    g_hash_table_unref (page->agencies);
  g_free (page->next_cursor);
  g_free (page);
}

/* In the client's thread. */
static gpointer
parse_page (JsonNode  *node,
            GError   **error)
{
  Page *page = g_new0 (Page, 1);

  page->agencies = hc_agency_served_table_new ();
  if (!hc_agency_served_parse_page (node, page->agencies, &page->next_cursor, error))
    {
      page_free (page);
      return NULL;
    }
  return page;
}

typedef struct {
  guint       period_days;
  GHashTable *agencies;
  guint       pages;
} FetchData;

static void
fetch_data_free (gpointer data)
{
  FetchData *fetch = data;

  g_hash_table_unref (fetch->agencies);
  g_free (fetch);
}

static void fetch_page (GTask *task, const char *cursor);

static void
on_page (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FetchData *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  Page *page = hc_client_call_finish (HC_CLIENT (object), result, hc_agency_served_fetch_async, &error);
  GHashTableIter iter;
  gpointer key, value;

  if (page == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_hash_table_iter_init (&iter, page->agencies);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_hash_table_replace (fetch->agencies, key, value);
      g_hash_table_iter_steal (&iter);
    }
  if (page->next_cursor != NULL && ++fetch->pages < MAX_PAGES)
    fetch_page (g_steal_pointer (&task), page->next_cursor);
  else if (page->next_cursor != NULL)
    g_task_return_new_error (task, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                             "The hub's agency figures do not end after %u pages.", MAX_PAGES);
  else
    g_task_return_pointer (task, g_hash_table_ref (fetch->agencies), (GDestroyNotify) g_hash_table_unref);
  page_free (page);
}

static void
fetch_page (GTask      *task,
            const char *cursor)
{
  FetchData *fetch = g_task_get_task_data (task);
  g_autofree char *escaped = cursor ? g_uri_escape_string (cursor, NULL, FALSE) : NULL;
  g_autofree char *query = g_strdup_printf ("period_days=%u&limit=%u%s%s", fetch->period_days, PAGE_LIMIT,
                                            cursor ? "&cursor=" : "", cursor ? escaped : "");

  hc_client_call_async (g_task_get_source_object (task), "GET", "/quality/agencies", query, NULL, NULL,
                        HC_REQUEST_AUTH, parse_page, page_free, g_task_get_cancellable (task),
                        hc_agency_served_fetch_async, on_page, task);
}

void
hc_agency_served_fetch_async (HcClient            *client,
                              guint                period_days,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task;
  FetchData *fetch;

  g_return_if_fail (HC_IS_CLIENT (client));
  g_return_if_fail (period_days >= 1 && period_days <= 90);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_agency_served_fetch_async);
  fetch = g_new0 (FetchData, 1);
  fetch->period_days = period_days;
  fetch->agencies = hc_agency_served_table_new ();
  g_task_set_task_data (task, fetch, fetch_data_free);
  fetch_page (task, NULL);
}

/**
 * hc_agency_served_fetch_finish:
 * Returns: (transfer full): agency name -> HcAgencyServed
 */
GHashTable *
hc_agency_served_fetch_finish (HcClient      *client,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
