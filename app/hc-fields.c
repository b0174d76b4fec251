/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hc-fields-private.h"
#include "hc-item.h"

/*
 * One job: the classes behind the field tables: one read-only property
 * per field, get_property and finalize, equality and update (which
 * notifies only what changed). Parsing is in hc-fields-parse.c.
 */

/* Looked up for every property read: the quark's string lookup once. */
static GQuark
hc_fields_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("hc-fields-class-data"));
  return (GQuark) quark;
}

const HcFieldClassData *
hc_fields_class_data (GType type)
{
  return g_type_get_qdata (type, hc_fields_quark ());
}

/* ---- strings ------------------------------------------------------------- */

/*
 * A field flagged HC_FIELD_SHARED holds a string of a pool shared by every
 * object: 100,000 alerts hold a few dozen titles and operators, not
 * 100,000 copies. Counted, so a value no row holds any longer is freed
 * (GRefString's interning keeps every value for ever in GLib 2.74, and
 * refuses ""). Parsing threads and the main thread use it: one lock.
 */
typedef struct {
  guint refs;
  char  str[];
} HcSharedString;

static GMutex      shared_lock;
static GHashTable *shared_strings; /* str (in the entry) → HcSharedString */

static char *
hc_fields_shared_acquire (const char *value)
{
  HcSharedString *entry;

  g_mutex_lock (&shared_lock);
  if (shared_strings == NULL)
    shared_strings = g_hash_table_new (g_str_hash, g_str_equal);
  entry = g_hash_table_lookup (shared_strings, value);
  if (entry == NULL)
    {
      gsize len = strlen (value);

      entry = g_malloc (sizeof (HcSharedString) + len + 1);
      entry->refs = 0;
      memcpy (entry->str, value, len + 1);
      g_hash_table_insert (shared_strings, entry->str, entry);
    }
  entry->refs++;
  g_mutex_unlock (&shared_lock);

  return entry->str;
}

static void
hc_fields_shared_release (char *str)
{
  HcSharedString *entry;

  g_mutex_lock (&shared_lock);
  entry = g_hash_table_lookup (shared_strings, str);
  g_assert (entry != NULL && entry->str == str && entry->refs > 0);
  if (--entry->refs == 0)
    {
      g_hash_table_remove (shared_strings, str);
      g_free (entry);
    }
  g_mutex_unlock (&shared_lock);
}

void
hc_fields_set_string (const HcField *field,
                      gpointer       member,
                      const char    *value)
{
  char **str = member;
  char *old = *str;

  /* The new value first: @value may be the old one, or share its entry. */
  if (value == NULL)
    *str = NULL;
  else if (field->flags & HC_FIELD_SHARED)
    *str = hc_fields_shared_acquire (value);
  else
    *str = g_strdup (value);
  if (old != NULL)
    {
      if (field->flags & HC_FIELD_SHARED)
        hc_fields_shared_release (old);
      else
        g_free (old);
    }
}

void
hc_fields_clear_string (const HcField *field,
                        gpointer       member)
{
  char **str = member;

  if (*str == NULL)
    return;
  if (field->flags & HC_FIELD_SHARED)
    hc_fields_shared_release (*str);
  else
    g_free (*str);
  *str = NULL;
}

/* ---- properties, finalize ---------------------------------------------- */

static void
hc_fields_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  const HcFieldClassData *data = hc_fields_class_data (pspec->owner_type);
  const HcField *field;
  gpointer member;

  g_assert (data != NULL);
  g_assert (prop_id >= 1 && prop_id <= data->table->n_fields);

  field = &data->table->fields[prop_id - 1];
  member = FIELD_PTR (object, field);

  switch (field->kind)
    {
    case HC_FIELD_ID:
    case HC_FIELD_NAME:
    case HC_FIELD_TEXT:
      g_value_set_string (value, *(char **) member);
      break;
    case HC_FIELD_INT:
    case HC_FIELD_TIME:
    case HC_FIELD_DATE:
      g_value_set_int64 (value, *(gint64 *) member);
      break;
    case HC_FIELD_BYTES:
      g_value_set_uint64 (value, *(guint64 *) member);
      break;
    case HC_FIELD_DOUBLE:
    case HC_FIELD_SCORE:
      g_value_set_double (value, *(double *) member);
      break;
    case HC_FIELD_ENUM:
      g_value_set_enum (value, *(int *) member);
      break;
    case HC_FIELD_STRV:
      g_value_set_boxed (value, *(char ***) member);
      break;
    case HC_FIELD_OBJECT:
    case HC_FIELD_LIST:
      g_value_set_object (value, *(GObject **) member);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
hc_fields_finalize (GObject *object)
{
  const HcFieldClassData *data = hc_fields_class_data (G_OBJECT_TYPE (object));
  GObjectClass *parent_class;

  for (guint i = 0; i < data->table->n_fields; i++)
    {
      const HcField *field = &data->table->fields[i];
      gpointer member = FIELD_PTR (object, field);

      switch (field->kind)
        {
        case HC_FIELD_ID:
        case HC_FIELD_NAME:
        case HC_FIELD_TEXT:
          hc_fields_clear_string (field, member);
          break;
        case HC_FIELD_STRV:
          g_clear_pointer ((char ***) member, g_strfreev);
          break;
        case HC_FIELD_OBJECT:
        case HC_FIELD_LIST:
          g_clear_object ((GObject **) member);
          break;
        default:
          break;
        }
    }

  /* Every class using the tables is final, so its parent is the next finalize. */
  parent_class = g_type_class_peek_parent (G_OBJECT_GET_CLASS (object));
  parent_class->finalize (object);
}

static GParamSpec *
hc_fields_make_pspec (const HcField *field)
{
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  switch (field->kind)
    {
    case HC_FIELD_ID:
    case HC_FIELD_NAME:
    case HC_FIELD_TEXT:
      return g_param_spec_string (field->property, NULL, NULL, NULL, flags);
    case HC_FIELD_INT:
    case HC_FIELD_TIME:
    case HC_FIELD_DATE:
      return g_param_spec_int64 (field->property, NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
    case HC_FIELD_BYTES:
      return g_param_spec_uint64 (field->property, NULL, NULL, 0, G_MAXUINT64, 0, flags);
    case HC_FIELD_DOUBLE:
    case HC_FIELD_SCORE:
      /* Unbounded: NAN stands for "not known" where a field is nullable. */
      return g_param_spec_double (field->property, NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0, flags);
    case HC_FIELD_ENUM:
      {
        g_autoptr(GEnumClass) enum_class = g_type_class_ref (field->get_type ());
        return g_param_spec_enum (field->property, NULL, NULL, field->get_type (),
                                  enum_class->values[0].value, flags);
      }
    case HC_FIELD_STRV:
      return g_param_spec_boxed (field->property, NULL, NULL, G_TYPE_STRV, flags);
    case HC_FIELD_OBJECT:
      return g_param_spec_object (field->property, NULL, NULL, field->get_type (), flags);
    case HC_FIELD_LIST:
      return g_param_spec_object (field->property, NULL, NULL, G_TYPE_LIST_MODEL, flags);
    default:
      g_assert_not_reached ();
    }
}

/**
 * hc_fields_class_install:
 * Installs one read-only property per field, and get_property and finalize
 * that follow the table. Call from class_init of a final type.
 */
void
hc_fields_class_install (GObjectClass       *klass,
                         const HcFieldTable *table)
{
  HcFieldClassData *data;
  GType type = G_OBJECT_CLASS_TYPE (klass);

  g_return_if_fail (G_IS_OBJECT_CLASS (klass));
  g_return_if_fail (table != NULL);
  g_return_if_fail (hc_fields_class_data (type) == NULL);

  /* Lives as long as the type, which is forever. */
  data = g_new0 (HcFieldClassData, 1);
  data->table = table;
  data->pspecs = g_new0 (GParamSpec *, table->n_fields);

  klass->get_property = hc_fields_get_property;
  klass->finalize = hc_fields_finalize;

  for (guint i = 0; i < table->n_fields; i++)
    {
      data->pspecs[i] = hc_fields_make_pspec (&table->fields[i]);
      g_object_class_install_property (klass, i + 1, data->pspecs[i]);
    }

  g_type_set_qdata (type, hc_fields_quark (), data);
}

/* ---- equality and update ----------------------------------------------- */

static gboolean
hc_fields_double_equal (double a,
                        double b)
{
  /* NAN means "not known"; two unknowns are the same value. */
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);

  return a == b;
}

static gboolean
hc_fields_strv_equal (char **a,
                      char **b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
hc_fields_object_equal (GObject *a,
                        GObject *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return hc_fields_equal (a, b);
}

static gboolean
hc_fields_list_item_equal (gconstpointer a,
                           gconstpointer b)
{
  return hc_fields_equal ((GObject *) a, (GObject *) b);
}

static gboolean
hc_fields_list_equal (GListModel *a,
                      GListModel *b)
{
  guint n;

  if (a == NULL || b == NULL)
    return a == b;

  n = g_list_model_get_n_items (a);
  if (n != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item_a = g_list_model_get_item (a, i);
      g_autoptr(GObject) item_b = g_list_model_get_item (b, i);

      if (!hc_fields_list_item_equal (item_a, item_b))
        return FALSE;
    }

  return TRUE;
}

static gboolean
hc_fields_member_equal (const HcField *field,
                        gpointer       member_a,
                        gpointer       member_b)
{
  switch (field->kind)
    {
    case HC_FIELD_ID:
    case HC_FIELD_NAME:
    case HC_FIELD_TEXT:
      return g_strcmp0 (*(char **) member_a, *(char **) member_b) == 0;
    case HC_FIELD_INT:
    case HC_FIELD_TIME:
    case HC_FIELD_DATE:
      return *(gint64 *) member_a == *(gint64 *) member_b;
    case HC_FIELD_BYTES:
      return *(guint64 *) member_a == *(guint64 *) member_b;
    case HC_FIELD_DOUBLE:
    case HC_FIELD_SCORE:
      return hc_fields_double_equal (*(double *) member_a, *(double *) member_b);
    case HC_FIELD_ENUM:
      return *(int *) member_a == *(int *) member_b;
    case HC_FIELD_STRV:
      return hc_fields_strv_equal (*(char ***) member_a, *(char ***) member_b);
    case HC_FIELD_OBJECT:
      return hc_fields_object_equal (*(GObject **) member_a, *(GObject **) member_b);
    case HC_FIELD_LIST:
      return hc_fields_list_equal (*(GListModel **) member_a, *(GListModel **) member_b);
    default:
      g_assert_not_reached ();
    }
}

/**
 * hc_fields_equal:
 * Whether two objects of the same table-driven type (and, for items, the
 * same id) hold the same values, children compared deeply.
 */
gboolean
hc_fields_equal (GObject *a,
                 GObject *b)
{
  const HcFieldClassData *data;

  if (a == b)
    return TRUE;

  if (a == NULL || b == NULL || G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;

  if (HC_IS_ITEM (a) && g_strcmp0 (hc_item_get_id (HC_ITEM (a)), hc_item_get_id (HC_ITEM (b))) != 0)
    return FALSE;

  data = hc_fields_class_data (G_OBJECT_TYPE (a));
  g_return_val_if_fail (data != NULL, FALSE);

  for (guint i = 0; i < data->table->n_fields; i++)
    {
      const HcField *field = &data->table->fields[i];

      if (!hc_fields_member_equal (field, FIELD_PTR (a, field), FIELD_PTR (b, field)))
        return FALSE;
    }

  return TRUE;
}

/* Whether @a from @a_from and @b from @b_from hold the same rows up to
 * the end of the shorter. */
static gboolean
hc_fields_lists_overlap (GListModel *a,
                         guint       a_from,
                         GListModel *b,
                         guint       b_from)
{
  guint n = MIN (g_list_model_get_n_items (a) - a_from, g_list_model_get_n_items (b) - b_from);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) x = g_list_model_get_item (a, a_from + i);
      g_autoptr(GObject) y = g_list_model_get_item (b, b_from + i);

      if (!hc_fields_equal (x, y))
        return FALSE;
    }
  return n > 0;
}

/* A bounded history moves by its head: a few rows new at the top (and as
 * many gone at the bottom), or a few gone at the top (and new at the
 * bottom). Returns how many rows @theirs has before @ours' first (> 0),
 * how many @ours has before @theirs' first (< 0), or 0 for neither. */
#define HC_FIELDS_MAX_SHIFT 16

static int
hc_fields_list_shift (GListModel *ours,
                      GListModel *theirs)
{
  guint n_ours = g_list_model_get_n_items (ours);
  guint n_theirs = g_list_model_get_n_items (theirs);

  for (guint k = 1; k <= HC_FIELDS_MAX_SHIFT; k++)
    {
      if (k < n_theirs && n_ours > 0 && hc_fields_lists_overlap (ours, 0, theirs, k))
        return (int) k;
      if (k < n_ours && n_theirs > 0 && hc_fields_lists_overlap (ours, k, theirs, 0))
        return -(int) k;
    }
  return 0;
}

static void hc_fields_update_list (GListStore *ours, GListModel *theirs);

/* The rows new at the top go in (or the rows gone from it go out), then
 * the rest is brought over as any change: each row that stays keeps its
 * object, so a view keeps its row widgets. */
static gboolean
hc_fields_update_shifted (GListStore *ours,
                          GListModel *theirs)
{
  int shift = hc_fields_list_shift (G_LIST_MODEL (ours), theirs);

  if (shift > 0)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

      for (int i = 0; i < shift; i++)
        g_ptr_array_add (added, g_list_model_get_item (theirs, (guint) i));
      g_list_store_splice (ours, 0, 0, added->pdata, added->len);
    }
  else if (shift < 0)
    g_list_store_splice (ours, 0, (guint) -shift, NULL, 0);
  else
    return FALSE;
  hc_fields_update_list (ours, theirs);
  return TRUE;
}

/*
 * Brings @ours to @theirs with one splice over the differing middle: rows
 * before and after it stay, so a list view keeps its place; a history
 * that moved by its head takes two (hc_fields_update_shifted()).
 * Children are never changed in place: parsed children may be shared
 * between copies, so a changed child is a new object.
 */
static void
hc_fields_update_list (GListStore *ours,
                       GListModel *theirs)
{
  guint n_ours = g_list_model_get_n_items (G_LIST_MODEL (ours));
  guint n_theirs = g_list_model_get_n_items (theirs);
  guint prefix = 0, suffix = 0;
  g_autoptr(GPtrArray) added = NULL;

  while (prefix < n_ours && prefix < n_theirs)
    {
      g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (ours), prefix);
      g_autoptr(GObject) b = g_list_model_get_item (theirs, prefix);

      if (!hc_fields_equal (a, b))
        break;
      prefix++;
    }

  while (suffix < n_ours - prefix && suffix < n_theirs - prefix)
    {
      g_autoptr(GObject) a = g_list_model_get_item (G_LIST_MODEL (ours), n_ours - 1 - suffix);
      g_autoptr(GObject) b = g_list_model_get_item (theirs, n_theirs - 1 - suffix);

      if (!hc_fields_equal (a, b))
        break;
      suffix++;
    }

  if (prefix + suffix == n_ours && n_ours == n_theirs)
    return;
  if (prefix == 0 && suffix == 0 && hc_fields_update_shifted (ours, theirs))
    return;

  added = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = prefix; i < n_theirs - suffix; i++)
    g_ptr_array_add (added, g_list_model_get_item (theirs, i));

  g_list_store_splice (ours, prefix, n_ours - prefix - suffix, added->pdata, added->len);
}

static GListStore *
hc_fields_copy_list (GListModel *model)
{
  GListStore *store = g_list_store_new (g_list_model_get_item_type (model));
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));

  g_list_store_splice (store, 0, 0, items->pdata, items->len);

  return store;
}

/**
 * hc_fields_update:
 * Copies every field of @other into @self and notifies the properties
 * whose value changed, after all of them changed (notifications are
 * frozen), so a handler sees a consistent object. A list @other does not
 * carry (detail not fetched) keeps its old value.
 *
 * Returns: whether anything changed
 */
gboolean
hc_fields_update (GObject *self,
                  GObject *other)
{
  const HcFieldClassData *data;
  gboolean changed = FALSE;

  g_return_val_if_fail (G_IS_OBJECT (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (other), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other), FALSE);

  if (self == other)
    return FALSE;

  data = hc_fields_class_data (G_OBJECT_TYPE (self));
  g_return_val_if_fail (data != NULL, FALSE);

  g_object_freeze_notify (self);

  for (guint i = 0; i < data->table->n_fields; i++)
    {
      const HcField *field = &data->table->fields[i];
      gpointer ours = FIELD_PTR (self, field);
      gpointer theirs = FIELD_PTR (other, field);

      if (field->kind == HC_FIELD_LIST)
        {
          GListModel *their_list = *(GListModel **) theirs;
          GListStore **our_list = (GListStore **) ours;

          if (their_list == NULL)
            continue;

          if (*our_list == NULL)
            {
              *our_list = hc_fields_copy_list (their_list);
              g_object_notify_by_pspec (self, data->pspecs[i]);
              changed = TRUE;
            }
          else if (!hc_fields_list_equal (G_LIST_MODEL (*our_list), their_list))
            {
              /* The store stays the same object: views bound to it follow the splice. */
              hc_fields_update_list (*our_list, their_list);
              changed = TRUE;
            }
          continue;
        }

      if (hc_fields_member_equal (field, ours, theirs))
        continue;

      switch (field->kind)
        {
        case HC_FIELD_ID:
        case HC_FIELD_NAME:
        case HC_FIELD_TEXT:
          hc_fields_set_string (field, ours, *(char **) theirs);
          break;
        case HC_FIELD_INT:
        case HC_FIELD_TIME:
        case HC_FIELD_DATE:
          *(gint64 *) ours = *(gint64 *) theirs;
          break;
        case HC_FIELD_BYTES:
          *(guint64 *) ours = *(guint64 *) theirs;
          break;
        case HC_FIELD_DOUBLE:
        case HC_FIELD_SCORE:
          *(double *) ours = *(double *) theirs;
          break;
        case HC_FIELD_ENUM:
          *(int *) ours = *(int *) theirs;
          break;
        case HC_FIELD_STRV:
          g_strfreev (*(char ***) ours);
          *(char ***) ours = g_strdupv (*(char ***) theirs);
          break;
        case HC_FIELD_OBJECT:
          g_set_object ((GObject **) ours, *(GObject **) theirs);
          break;
        case HC_FIELD_LIST:
        default:
          g_assert_not_reached ();
        }

      g_object_notify_by_pspec (self, data->pspecs[i]);
      changed = TRUE;
    }

  g_object_thaw_notify (self);

  return changed;
}

/* ---- sorting ------------------------------------------------------------- */

/*
 * A list sorted by comparisons (GTK 4.8's column view sorter has no sort
 * keys) compares two items about n log n times: through a
 * GtkNumericSorter, each comparison evaluated a property expression (a
 * property looked up by name, a GValue) for both. Here it reads the two
 * members.
 */

/**
 * hc_item_find_field:
 * The field behind @type's property @property, if a sorter can compare it
 * (a number, a score, a time, a date or an enum), or %NULL.
 */
const HcItemField *
hc_item_find_field (GType       type,
                    const char *property)
{
  const HcFieldClassData *data = hc_fields_class_data (type);

  g_return_val_if_fail (property != NULL, NULL);

  for (guint i = 0; data != NULL && i < data->table->n_fields; i++)
    {
      const HcField *field = &data->table->fields[i];

      if (!g_str_equal (field->property, property))
        continue;
      switch (field->kind)
        {
        case HC_FIELD_INT:
        case HC_FIELD_BYTES:
        case HC_FIELD_DOUBLE:
        case HC_FIELD_SCORE:
        case HC_FIELD_TIME:
        case HC_FIELD_DATE:
        case HC_FIELD_ENUM:
          return (const HcItemField *) field;
        default:
          return NULL;
        }
    }
  return NULL;
}

#define CMP(a, b) ((a) < (b) ? -1 : (a) > (b) ? 1 : 0)

/**
 * hc_item_compare_field:
 * @a, @b: items of the type @field was found in
 *
 * Compares the field's values: an enum by its value; a number not known
 * (a nullable one, NAN) before every number, never equal to one.
 *
 * Returns: < 0, 0 or > 0, as strcmp()
 */
int
hc_item_compare_field (const HcItemField *item_field,
                       HcItem            *a,
                       HcItem            *b)
{
  const HcField *field = (const HcField *) item_field;
  gconstpointer x = FIELD_PTR (a, field);
  gconstpointer y = FIELD_PTR (b, field);

  switch (field->kind)
    {
    case HC_FIELD_INT:
    case HC_FIELD_TIME:
    case HC_FIELD_DATE:
      return CMP (*(const gint64 *) x, *(const gint64 *) y);
    case HC_FIELD_BYTES:
      return CMP (*(const guint64 *) x, *(const guint64 *) y);
    case HC_FIELD_DOUBLE:
    case HC_FIELD_SCORE:
      {
        double dx = *(const double *) x, dy = *(const double *) y;

        if (isnan (dx) || isnan (dy))
          return isnan (dx) - isnan (dy) == 0 ? 0 : isnan (dx) ? -1 : 1;
        return CMP (dx, dy);
      }
    case HC_FIELD_ENUM:
      return CMP (*(const int *) x, *(const int *) y);
    default:
      g_return_val_if_reached (0);
    }
}
