/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-alert.h"
#include "hc-alertmanager.h"
#include "hc-error.h"
#include "hc-fields.h"
#include "hc-parser.h"

/*
 * One job: an Alertmanager's alerts (GET /api/v2/alerts) and silences
 * (GET /api/v2/silences) as HcAlert rows. Each alert becomes the object a
 * hub would send for it, then goes through the same strict parser as a
 * hub's alert (sizes, invisible characters, times), so nothing from an
 * Alertmanager reaches the views unchecked.
 *
 * title: annotation "summary", else label "alertname"; severity: label
 * "severity" (critical; high or error; warning as medium; info as low; any
 * other value kept as it is, sorted last); asset: label "instance" (else
 * "job", else the alert name); category: the alert name; detected: startsAt;
 * acknowledged: silenced, by whom, why and until when from the silence.
 */

/* Severity as the Hub API names it, or NULL when it is none of the four. */
static const char *
map_severity (const char *value)
{
  g_autofree char *lower = NULL;

  if (value == NULL)
    return NULL;
  lower = g_ascii_strdown (value, -1);
  if (g_str_equal (lower, "critical"))
    return "critical";
  if (g_str_equal (lower, "high") || g_str_equal (lower, "error"))
    return "high";
  if (g_str_equal (lower, "warning"))
    return "medium";
  if (g_str_equal (lower, "info"))
    return "low";
  return NULL;
}

/* At most a name's size, cut on a character: labels are shown, not parsed. */
static char *
clip (const char *text)
{
  g_autofree char *head = NULL;
  const char *end;

  if (strlen (text) < HC_PARSE_MAX_NAME)
    return g_strdup (text);
  end = g_utf8_find_prev_char (text, text + HC_PARSE_MAX_NAME - 3);
  head = g_strndup (text, end - text);
  return g_strconcat (head, "…", NULL);
}

static void
add_pairs (JsonBuilder *builder,
           const char  *member,
           JsonObject  *object)
{
  g_autoptr(GList) names = object ? json_object_get_members (object) : NULL;
  guint n = 0;

  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (GList *l = names; l != NULL && n < HC_ALERT_MAX_LABELS; l = l->next)
    {
      const char *value = hc_alertmanager_member_string (object, l->data);
      g_autofree char *pair = NULL;
      g_autofree char *clipped = NULL;

      if (value == NULL)
        continue;
      pair = g_strconcat (l->data, "=", value, NULL);
      clipped = clip (pair);
      json_builder_add_string_value (builder, clipped);
      n++;
    }
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static gboolean
get_boolean (JsonObject *object,
             const char *name,
             gboolean    otherwise)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return otherwise;
  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return otherwise;
  return json_node_get_boolean (node);
}

/* Whether @silence's matchers, all plain equalities, match @labels. A
 * silence just created may not be in the alert's silencedBy yet. */
static gboolean
silence_matches (JsonObject *silence,
                 JsonObject *labels)
{
  JsonArray *matchers = hc_alertmanager_member_array (silence, "matchers");
  guint n = matchers ? json_array_get_length (matchers) : 0;

  if (n == 0 || labels == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (matchers, i);
      JsonObject *matcher = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *name = hc_alertmanager_member_string (matcher, "name");

      if (matcher == NULL || name == NULL ||
          get_boolean (matcher, "isRegex", FALSE) || !get_boolean (matcher, "isEqual", TRUE) ||
          g_strcmp0 (hc_alertmanager_member_string (labels, name), hc_alertmanager_member_string (matcher, "value")) != 0)
        return FALSE;
    }
  return TRUE;
}

/* The first silence of @ids that @silences has, else one that matches
 * @labels, or NULL. */
static JsonObject *
find_silence (GHashTable *silences,
              JsonArray  *ids,
              JsonObject *labels)
{
  guint n = ids ? json_array_get_length (ids) : 0;
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (ids, i);
      JsonObject *silence;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        continue;
      silence = g_hash_table_lookup (silences, json_node_get_string (node));
      if (silence != NULL)
        return silence;
    }

  g_hash_table_iter_init (&iter, silences);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (silence_matches (value, labels))
      return value;
  return NULL;
}

static HcAlert *
map_alert (JsonObject  *alert,
           GHashTable  *silences,
           guint        index,
           GError     **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *labels = hc_alertmanager_member_object (alert, "labels");
  JsonObject *annotations = hc_alertmanager_member_object (alert, "annotations");
  JsonObject *status = hc_alertmanager_member_object (alert, "status");
  JsonObject *silence = find_silence (silences, hc_alertmanager_member_array (status, "silencedBy"), labels);
  const char *alertname = hc_alertmanager_member_string (labels, "alertname");
  const char *severity_label = hc_alertmanager_member_string (labels, "severity");
  const char *severity = map_severity (severity_label);
  const char *title = hc_alertmanager_member_string (annotations, "summary");
  const char *asset = hc_alertmanager_member_string (labels, "instance");
  const char *description = hc_alertmanager_member_string (annotations, "description");
  GObject *object;

  if (title == NULL || *title == '\0')
    title = alertname;
  if (asset == NULL || *asset == '\0')
    asset = hc_alertmanager_member_string (labels, "job");
  if (asset == NULL || *asset == '\0')
    asset = alertname;

  json_builder_begin_object (builder);
  add_string (builder, "id", hc_alertmanager_member_string (alert, "fingerprint"));
  add_string (builder, "severity", severity ? severity : "low");
  /* No label at all is said as such, not taken for "low". */
  add_string (builder, "severity_text", severity ? NULL : (severity_label ? severity_label : ""));
  add_string (builder, "category", "other");
  add_string (builder, "category_text", alertname);
  add_string (builder, "title", title);
  add_string (builder, "description", description ? description : "");
  add_string (builder, "asset", asset);
  add_string (builder, "detected_at", hc_alertmanager_member_string (alert, "startsAt"));
  add_string (builder, "state", silence ? "acknowledged" : "open");
  json_builder_set_member_name (builder, "events_count");
  json_builder_add_int_value (builder, 1);
  add_pairs (builder, "labels", labels);
  add_pairs (builder, "annotations", annotations);
  add_string (builder, "generator_url", hc_alertmanager_member_string (alert, "generatorURL"));
  if (silence != NULL)
    {
      add_string (builder, "silence_id", hc_alertmanager_member_string (silence, "id"));
      add_string (builder, "acknowledged_by", hc_alertmanager_member_string (silence, "createdBy"));
      add_string (builder, "acknowledged_at", hc_alertmanager_member_string (silence, "startsAt"));
      add_string (builder, "acknowledged_until", hc_alertmanager_member_string (silence, "endsAt"));
      add_string (builder, "acknowledged_comment", hc_alertmanager_member_string (silence, "comment"));
    }
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);

  object = hc_fields_parse (HC_TYPE_ALERT, node, FALSE, &local_error);
  if (object == NULL)
    {
      g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                   _("Alert %u of the Alertmanager cannot be shown: %s"), index + 1, local_error->message);
      return NULL;
    }
  return HC_ALERT (object);
}

GPtrArray *
hc_alertmanager_map_alerts (JsonNode  *alerts,
                            JsonNode  *silences,
                            GError   **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) active = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (alerts) || (silences != NULL && !JSON_NODE_HOLDS_ARRAY (silences)))
    {
      g_set_error_literal (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                           _("The Alertmanager’s answer is not a list."));
      return NULL;
    }

  /* Only active silences acknowledge: an expired one no longer holds. */
  array = silences ? json_node_get_array (silences) : NULL;
  n = array ? json_array_get_length (array) : 0;
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *silence = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      const char *id = hc_alertmanager_member_string (silence, "id");

      if (id != NULL && g_strcmp0 (hc_alertmanager_member_string (hc_alertmanager_member_object (silence, "status"), "state"), "active") == 0)
        g_hash_table_insert (active, (gpointer) id, silence);
    }

  array = json_node_get_array (alerts);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      HcAlert *alert;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE,
                       _("Alert %u of the Alertmanager is not an object."), i + 1);
          return NULL;
        }
      alert = map_alert (json_node_get_object (node), active, i, error);
      if (alert == NULL)
        return NULL;
      g_ptr_array_add (items, alert);
    }

  return g_steal_pointer (&items);
}

JsonObject *
hc_alertmanager_find_labels (JsonNode   *alerts,
                             const char *fingerprint)
{
  JsonArray *array;
  guint n;

  if (alerts == NULL || !JSON_NODE_HOLDS_ARRAY (alerts))
    return NULL;
  array = json_node_get_array (alerts);
  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *alert = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (g_strcmp0 (hc_alertmanager_member_string (alert, "fingerprint"), fingerprint) == 0)
        return hc_alertmanager_member_object (alert, "labels");
    }
  return NULL;
}
