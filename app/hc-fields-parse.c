/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hc-enums.h"
#include "hc-error.h"
#include "hc-fields-private.h"
#include "hc-parser.h"

/*
 * One job: JSON to objects by their field table, strict about types and
 * ranges, tolerant of unknown members; every refusal names its path.
 */

/* JSON numbers beyond this are no longer exact in a double. */
#define HC_MAX_EXACT_DOUBLE 9007199254740992.0

/**
 * hc_fields_fail:
 * Sets the one error of a rejected object, "path: reason"; returns %FALSE.
 */
gboolean
hc_fields_fail (GError     **error,
                const char  *path,
                const char  *format,
                ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE, "%s: %s", path, reason);

  return FALSE;
}

static char *
hc_fields_join_path (const char *prefix,
                     const char *name)
{
  if (prefix == NULL || *prefix == '\0')
    return g_strdup (name);

  return g_strconcat (prefix, ".", name, NULL);
}

/**
 * hc_fields_check_id:
 * Whether @id is an ObjectId of the contract: safe to put in a URL path.
 */
gboolean
hc_fields_check_id (const char *id)
{
  gsize len;

  if (id == NULL)
    return FALSE;

  len = strlen (id);
  if (len == 0 || len > HC_PARSE_MAX_ID)
    return FALSE;

  if (strcmp (id, ".") == 0 || strcmp (id, "..") == 0)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isalnum (id[i]) && id[i] != '.' && id[i] != '_' && id[i] != '-')
        return FALSE;
    }

  return TRUE;
}

static const char *
hc_fields_node_type_name (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT: return "object";
    case JSON_NODE_ARRAY:  return "array";
    case JSON_NODE_NULL:   return "null";
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:  return "string";
        case G_TYPE_BOOLEAN: return "boolean";
        default:             return "number";
        }
    default:
      return "unknown";
    }
}

static gboolean
hc_fields_wrong_type (GError     **error,
                      const char  *path,
                      const char  *expected,
                      JsonNode    *node)
{
  /* TRANSLATORS: first %s is a JSON type (string, number, object, array), second the one the hub sent */
  return hc_fields_fail (error, path, _("expected %s, got %s"), expected, hc_fields_node_type_name (node));
}

/* A string from the wire: valid UTF-8 within @max bytes, or cut to it. */
static gboolean
hc_fields_get_string (JsonNode     *node,
                      const char   *path,
                      gsize         max,
                      gboolean      truncate,
                      char        **out,
                      GError      **error)
{
  const char *str;
  gsize len;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return hc_fields_wrong_type (error, path, "string", node);

  str = json_node_get_string (node);
  len = strlen (str);

  if (!g_utf8_validate (str, len, NULL))
    return hc_fields_fail (error, path, _("not valid UTF-8"));

  if (len > max)
    {
      if (!truncate)
        return hc_fields_fail (error, path, _("longer than %lu bytes"), (unsigned long) max);

      /* Back up to the start of the character that crosses the limit. */
      gsize cut = max;

      while (cut > 0 && ((guchar) str[cut] & 0xC0) == 0x80)
        cut--;
      *out = g_strndup (str, cut);
      return TRUE;
    }

  *out = g_strndup (str, len);
  return TRUE;
}

static gboolean
hc_fields_get_integer (JsonNode    *node,
                       const char  *path,
                       gint64      *out,
                       GError     **error)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        {
          *out = json_node_get_int (node);
          return TRUE;
        }

      /* 3.0 is an integer too; 3.5 or 1e300 is not. */
      if (type == G_TYPE_DOUBLE)
        {
          double d = json_node_get_double (node);

          if (d == floor (d) && fabs (d) <= HC_MAX_EXACT_DOUBLE)
            {
              *out = (gint64) d;
              return TRUE;
            }

          return hc_fields_fail (error, path, _("not an integer"));
        }
    }

  return hc_fields_wrong_type (error, path, "integer", node);
}

static gboolean
hc_fields_get_number (JsonNode    *node,
                      const char  *path,
                      double      *out,
                      GError     **error)
{
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64)
        {
          *out = (double) json_node_get_int (node);
          return TRUE;
        }

      if (type == G_TYPE_DOUBLE)
        {
          *out = json_node_get_double (node);
          if (!isfinite (*out))
            return hc_fields_fail (error, path, _("not a finite number"));
          return TRUE;
        }
    }

  return hc_fields_wrong_type (error, path, "number", node);
}

static gboolean
hc_fields_all_digits (const char *s,
                      gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;

  return TRUE;
}

/*
 * RFC 3339 date-time: "YYYY-MM-DDTHH:MM:SS[.frac](Z|±HH:MM)". GLib's ISO
 * 8601 reader accepts more (week dates, no offset meaning local time), so
 * the shape is checked here first and GLib only does the arithmetic.
 */
static gboolean
hc_fields_parse_time (const char *str,
                      gint64     *out)
{
  g_autoptr(GDateTime) dt = NULL;
  gsize len = strlen (str);
  gsize i = 19;

  if (len < 20 || len > 40)
    return FALSE;

  if (!hc_fields_all_digits (str, 4) || str[4] != '-' ||
      !hc_fields_all_digits (str + 5, 2) || str[7] != '-' ||
      !hc_fields_all_digits (str + 8, 2) || (str[10] != 'T' && str[10] != 't') ||
      !hc_fields_all_digits (str + 11, 2) || str[13] != ':' ||
      !hc_fields_all_digits (str + 14, 2) || str[16] != ':' ||
      !hc_fields_all_digits (str + 17, 2))
    return FALSE;

  if (str[i] == '.')
    {
      gsize start = ++i;

      while (i < len && g_ascii_isdigit (str[i]))
        i++;
      if (i == start)
        return FALSE;
    }

  if (str[i] == 'Z' || str[i] == 'z')
    {
      if (i + 1 != len)
        return FALSE;
    }
  else if (str[i] == '+' || str[i] == '-')
    {
      if (len - i != 6 || !hc_fields_all_digits (str + i + 1, 2) || str[i + 3] != ':' ||
          !hc_fields_all_digits (str + i + 4, 2))
        return FALSE;
    }
  else
    return FALSE;

  dt = g_date_time_new_from_iso8601 (str, NULL);
  if (dt == NULL)
    return FALSE;

  *out = g_date_time_to_unix (dt);
  return TRUE;
}

static gboolean
hc_fields_parse_date (const char *str,
                      gint64     *out)
{
  g_autoptr(GDateTime) dt = NULL;

  if (strlen (str) != 10 ||
      !hc_fields_all_digits (str, 4) || str[4] != '-' ||
      !hc_fields_all_digits (str + 5, 2) || str[7] != '-' ||
      !hc_fields_all_digits (str + 8, 2))
    return FALSE;

  dt = g_date_time_new_utc (atoi (str), atoi (str + 5), atoi (str + 8), 0, 0, 0);
  if (dt == NULL)
    return FALSE;

  *out = g_date_time_to_unix (dt);
  return TRUE;
}

static GObject *hc_fields_parse_at (GType        type,
                                    JsonNode    *node,
                                    gboolean     detail,
                                    const char  *path,
                                    GError     **error);

static gboolean
hc_fields_parse_list (const HcField  *field,
                      JsonNode       *node,
                      const char     *path,
                      GListStore    **out,
                      GError        **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GListStore) store = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return hc_fields_wrong_type (error, path, "array", node);

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > field->max)
    return hc_fields_fail (error, path, _("more than %lld entries"), (long long) field->max);

  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      GObject *item = hc_fields_parse_at (field->get_type (), json_array_get_element (array, i),
                                          FALSE, item_path, error);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (items, item);
    }

  store = g_list_store_new (field->get_type ());
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  *out = g_steal_pointer (&store);

  return TRUE;
}

static gboolean
hc_fields_parse_strv (const HcField  *field,
                      JsonNode       *node,
                      const char     *path,
                      char         ***out,
                      GError        **error)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return hc_fields_wrong_type (error, path, "array", node);

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > field->max)
    return hc_fields_fail (error, path, _("more than %lld entries"), (long long) field->max);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      g_autofree char *str = NULL;

      if (!hc_fields_get_string (json_array_get_element (array, i), item_path,
                                 HC_PARSE_MAX_NAME, FALSE, &str, error))
        return FALSE;
      g_strv_builder_add (builder, str);
    }

  *out = g_strv_builder_end (builder);
  return TRUE;
}

/* Sets the default of a field that is null or absent. */
static void
hc_fields_set_default (const HcField *field,
                       gpointer       member)
{
  switch (field->kind)
    {
    case HC_FIELD_DOUBLE:
    case HC_FIELD_SCORE:
      *(double *) member = (field->flags & HC_FIELD_NULLABLE) ? NAN : 0.0;
      break;
    case HC_FIELD_LIST:
      /* A list that is part of the object (not a detail) is never NULL. */
      if (!(field->flags & HC_FIELD_DETAIL))
        *(GListStore **) member = g_list_store_new (field->get_type ());
      break;
    default:
      /* Zeroed by GObject already: NULL strings, 0 numbers and times, first enum value. */
      break;
    }
}

static gboolean
hc_fields_parse_field (const HcField  *field,
                       JsonNode       *node,
                       const char     *path,
                       gpointer        member,
                       GError        **error)
{
  switch (field->kind)
    {
    case HC_FIELD_ID:
      {
        g_autofree char *str = NULL;

        if (!hc_fields_get_string (node, path, HC_PARSE_MAX_NAME, FALSE, &str, error))
          return FALSE;
        if (!hc_fields_check_id (str))
          return hc_fields_fail (error, path, _("not a valid identifier"));
        *(char **) member = g_steal_pointer (&str);
        return TRUE;
      }

    case HC_FIELD_NAME:
    case HC_FIELD_TEXT:
      {
        g_autofree char *str = NULL;
        gboolean is_text = field->kind == HC_FIELD_TEXT;

        if (!hc_fields_get_string (node, path, is_text ? HC_PARSE_MAX_TEXT : HC_PARSE_MAX_NAME,
                                   is_text, &str, error))
          return FALSE;
        if ((field->flags & HC_FIELD_NONEMPTY) && *str == '\0')
          return hc_fields_fail (error, path, _("empty"));
        if (field->flags & HC_FIELD_SHARED)
          hc_fields_set_string (field, member, str);
        else
          *(char **) member = g_steal_pointer (&str);
        return TRUE;
      }

    case HC_FIELD_INT:
      {
        gint64 value = 0;

        if (!hc_fields_get_integer (node, path, &value, error))
          return FALSE;
        if (value < field->min && field->max == G_MAXINT64)
          return hc_fields_fail (error, path, _("%lld is less than %lld"),
                                 (long long) value, (long long) field->min);
        if (value < field->min || value > field->max)
          return hc_fields_fail (error, path, _("%lld is outside %lld–%lld"),
                                 (long long) value, (long long) field->min, (long long) field->max);
        *(gint64 *) member = value;
        return TRUE;
      }

    case HC_FIELD_BYTES:
      {
        gint64 value = 0;

        if (!hc_fields_get_integer (node, path, &value, error))
          return FALSE;
        if (value < 0)
          return hc_fields_fail (error, path, _("negative size %lld"), (long long) value);
        *(guint64 *) member = (guint64) value;
        return TRUE;
      }

    case HC_FIELD_DOUBLE:
    case HC_FIELD_SCORE:
      {
        gboolean is_score = field->kind == HC_FIELD_SCORE;
        double lo = is_score ? 0.0 : field->dmin;
        double hi = is_score ? 100.0 : field->dmax;
        double value = 0.0;

        if (!hc_fields_get_number (node, path, &value, error))
          return FALSE;
        if (value < lo || value > hi)
          return hc_fields_fail (error, path, _("%g is outside %g–%g"), value, lo, hi);
        /* Scores have one decimal; rounding keeps 99.95000001 from showing as 100.0 elsewhere. */
        *(double *) member = is_score ? round (value * 10.0) / 10.0 : value;
        return TRUE;
      }

    case HC_FIELD_TIME:
    case HC_FIELD_DATE:
      {
        gboolean is_time = field->kind == HC_FIELD_TIME;
        g_autofree char *str = NULL;
        gint64 value = 0;

        if (!hc_fields_get_string (node, path, 64, FALSE, &str, error))
          return FALSE;
        if (is_time ? !hc_fields_parse_time (str, &value) : !hc_fields_parse_date (str, &value))
          return hc_fields_fail (error, path,
                                 is_time ? _("“%s” is not an RFC 3339 time")
                                         : _("“%s” is not a date (YYYY-MM-DD)"),
                                 str);
        *(gint64 *) member = value;
        return TRUE;
      }

    case HC_FIELD_ENUM:
      {
        g_autofree char *str = NULL;
        int value;

        if (!hc_fields_get_string (node, path, 64, FALSE, &str, error))
          return FALSE;
        /* "none" stands for null in nullable enums; the wire says null, never "none". */
        if (!hc_enum_from_nick (field->get_type (), str, &value) ||
            ((field->flags & HC_FIELD_NULLABLE) && value == 0))
          return hc_fields_fail (error, path, _("unknown value “%s”"), str);
        *(int *) member = value;
        return TRUE;
      }

    case HC_FIELD_STRV:
      return hc_fields_parse_strv (field, node, path, (char ***) member, error);

    case HC_FIELD_OBJECT:
      {
        GObject *object = hc_fields_parse_at (field->get_type (), node, FALSE, path, error);

        if (object == NULL)
          return FALSE;
        *(GObject **) member = object;
        return TRUE;
      }

    case HC_FIELD_LIST:
      return hc_fields_parse_list (field, node, path, (GListStore **) member, error);

    default:
      g_assert_not_reached ();
    }
}

/*
 * Finds a dotted member ("scores.correct") below @object. Returns NULL when
 * absent; fails when a step on the way is not an object.
 */
static gboolean
hc_fields_lookup (JsonObject  *object,
                  const char  *json,
                  const char  *prefix,
                  JsonNode   **out,
                  GError     **error)
{
  const char *full = json;
  const char *dot;

  *out = NULL;

  while ((dot = strchr (json, '.')) != NULL)
    {
      g_autofree char *step = g_strndup (json, dot - json);
      JsonNode *node = json_object_get_member (object, step);

      if (node == NULL)
        return TRUE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_autofree char *step_path = NULL;
          g_autofree char *rel = g_strndup (full, dot - full);

          step_path = hc_fields_join_path (prefix, rel);
          return hc_fields_wrong_type (error, step_path, "object", node);
        }

      object = json_node_get_object (node);
      json = dot + 1;
    }

  *out = json_object_get_member (object, json);
  return TRUE;
}

static GObject *
hc_fields_parse_at (GType        type,
                    JsonNode    *node,
                    gboolean     detail,
                    const char  *path,
                    GError     **error)
{
  /* The class must exist for its table to be registered. */
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const HcFieldClassData *data = hc_fields_class_data (G_TYPE_FROM_CLASS (klass));
  g_autoptr(GObject) object = NULL;
  JsonObject *json_object;

  g_assert (data != NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      if (node == NULL)
        return (hc_fields_fail (error, path && *path ? path : "/", _("missing")), NULL);
      return (hc_fields_wrong_type (error, path && *path ? path : "/", "object", node), NULL);
    }

  json_object = json_node_get_object (node);

  if (g_type_is_a (type, HC_TYPE_ITEM))
    {
      g_autofree char *id_path = hc_fields_join_path (path, "id");
      JsonNode *id_node = json_object_get_member (json_object, "id");
      g_autofree char *id = NULL;

      if (id_node == NULL)
        return (hc_fields_fail (error, id_path, _("missing")), NULL);
      if (!hc_fields_get_string (id_node, id_path, HC_PARSE_MAX_NAME, FALSE, &id, error))
        return NULL;
      if (!hc_fields_check_id (id))
        return (hc_fields_fail (error, id_path, _("not a valid identifier")), NULL);

      object = g_object_new (type, "id", id, NULL);
    }
  else
    object = g_object_new (type, NULL);

  for (guint i = 0; i < data->table->n_fields; i++)
    {
      const HcField *field = &data->table->fields[i];
      gpointer member = FIELD_PTR (object, field);
      g_autofree char *field_path_owned = NULL;
      const char *field_path;
      gboolean required = (field->flags & HC_FIELD_REQUIRED) != 0;
      JsonNode *value = NULL;

      if (field->json == NULL)
        continue;

      if (field->flags & HC_FIELD_DETAIL)
        {
          if (!detail)
            continue;
          required = TRUE;
        }

      /* A row of a page (the common case) has no prefix: no copy to make. */
      if (path == NULL || *path == '\0')
        field_path = field->json;
      else
        field_path = field_path_owned = hc_fields_join_path (path, field->json);

      if (!hc_fields_lookup (json_object, field->json, path, &value, error))
        return NULL;

      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        {
          if (value == NULL && required && !(field->flags & HC_FIELD_NULLABLE))
            return (hc_fields_fail (error, field_path, _("missing")), NULL);
          if (value != NULL && !(field->flags & HC_FIELD_NULLABLE))
            return (hc_fields_fail (error, field_path, _("must not be null")), NULL);
          hc_fields_set_default (field, member);
          continue;
        }

      if (!hc_fields_parse_field (field, value, field_path, member, error))
        return NULL;
    }

  if (data->table->check != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!data->table->check (object, &local_error))
        {
          if (path != NULL && *path != '\0')
            g_prefix_error (&local_error, "%s.", path);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  return g_steal_pointer (&object);
}

/**
 * hc_fields_parse:
 * @detail: also read (and require) the fields flagged %HC_FIELD_DETAIL
 *
 * Builds an object of @type from @node by its field table. Any violation
 * fails the whole object with HC_ERROR_MALFORMED_RESPONSE naming the field.
 * Thread-safe: touches no shared state but the type system.
 */
GObject *
hc_fields_parse (GType       type,
                 JsonNode   *node,
                 gboolean    detail,
                 GError    **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return hc_fields_parse_at (type, node, detail, "", error);
}
