/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-filter-model.h"

/*
 * The rows of a list that a GtkFilter lets through, as GtkFilterListModel
 * gives them, with the positions of the rows let through kept in an
 * array: the row at a position is one array read away.
 *
 * Why not GtkFilterListModel: GTK 4.8 keeps the rows let through as a
 * bitset, and finding its n-th row (gtk_bitset_get_nth()) walks the
 * bitset. A search typed over 100,000 alerts points the 200 rows kept in
 * place (HcRowSlots) at the rows now shown, through two filters (the
 * page's and the search): 400 walks, 5-6 ms of every keystroke.
 *
 * A change of the filter is told as one change from the first row that
 * differs to the last; a more or less strict one looks only at the rows
 * that could change. Rows added below are filtered as they come.
 */
struct _HcFilterModel
{
  GObject     parent_instance;

  GListModel *model;
  GtkFilter  *filter;      /* NULL: every row */
  GArray     *matches;     /* guint, ascending: the rows let through; NULL: every row */
};

static void hc_filter_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HcFilterModel, hc_filter_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hc_filter_model_list_model_init))

/* The position below of the @i-th row let through (NULL: every row). */
static inline guint
at (GArray *matches,
    guint   i)
{
  return matches != NULL ? g_array_index (matches, guint, i) : i;
}

static gboolean
lets_all_through (HcFilterModel *self)
{
  return self->filter == NULL || gtk_filter_get_strictness (self->filter) == GTK_FILTER_MATCH_ALL;
}

static gboolean
row_matches (HcFilterModel *self,
             guint          position)
{
  g_autoptr(GObject) item = g_list_model_get_item (self->model, position);

  return item != NULL && gtk_filter_match (self->filter, item);
}

/* The first index of @matches whose row is at @position or after. */
static guint
lower_bound (GArray *matches,
             guint   position)
{
  guint lo = 0, hi = matches->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (matches, guint, mid) < position)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* ---- the list ---------------------------------------------------------------------- */

static GType
hc_filter_model_get_item_type (GListModel *list)
{
  return g_list_model_get_item_type (HC_FILTER_MODEL (list)->model);
}

static guint
hc_filter_model_get_n_items (GListModel *list)
{
  HcFilterModel *self = HC_FILTER_MODEL (list);

  return self->matches != NULL ? self->matches->len : g_list_model_get_n_items (self->model);
}

static gpointer
hc_filter_model_get_item (GListModel *list,
                          guint       position)
{
  HcFilterModel *self = HC_FILTER_MODEL (list);

  if (self->matches == NULL)
    return g_list_model_get_item (self->model, position);
  if (position >= self->matches->len)
    return NULL;
  return g_list_model_get_item (self->model, g_array_index (self->matches, guint, position));
}

static void
hc_filter_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hc_filter_model_get_item_type;
  iface->get_n_items = hc_filter_model_get_n_items;
  iface->get_item = hc_filter_model_get_item;
}

/* ---- filtering ----------------------------------------------------------------------- */

/* The rows let through after a @change of the filter (the model as it
 * was): NULL for every row. */
static GArray *
filter_rows (HcFilterModel   *self,
             GtkFilterChange  change)
{
  guint n = g_list_model_get_n_items (self->model);
  GArray *result;

  if (lets_all_through (self))
    return NULL;
  result = g_array_new (FALSE, FALSE, sizeof (guint));
  if (gtk_filter_get_strictness (self->filter) == GTK_FILTER_MATCH_NONE)
    return result;

  if (change == GTK_FILTER_CHANGE_MORE_STRICT)
    {
      /* Only rows let through before can be now. */
      guint old_n = self->matches != NULL ? self->matches->len : n;

      for (guint i = 0; i < old_n; i++)
        {
          guint position = at (self->matches, i);

          if (row_matches (self, position))
            g_array_append_val (result, position);
        }
    }
  else if (change == GTK_FILTER_CHANGE_LESS_STRICT && self->matches != NULL)
    {
      /* Rows let through before still are. */
      guint j = 0;

      for (guint position = 0; position < n; position++)
        {
          if (j < self->matches->len && g_array_index (self->matches, guint, j) == position)
            {
              j++;
              g_array_append_val (result, position);
            }
          else if (row_matches (self, position))
            g_array_append_val (result, position);
        }
    }
  else
    {
      for (guint position = 0; position < n; position++)
        if (row_matches (self, position))
          g_array_append_val (result, position);
    }

  if (result->len == n)
    g_clear_pointer (&result, g_array_unref);
  return result;
}

/* @matches (taken) for the old ones, told as one change from the first
 * row that differs to the last. */
static void
take_matches (HcFilterModel *self,
              GArray        *matches)
{
  GArray *old = self->matches;
  guint n = g_list_model_get_n_items (self->model);
  guint old_n = old != NULL ? old->len : n;
  guint new_n = matches != NULL ? matches->len : n;
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n && at (old, prefix) == at (matches, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         at (old, old_n - 1 - suffix) == at (matches, new_n - 1 - suffix))
    suffix++;

  self->matches = matches;
  if (old != NULL)
    g_array_unref (old);
  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, new_n - prefix - suffix);
}

static void
on_filter_changed (GtkFilter       *filter,
                   GtkFilterChange  change,
                   HcFilterModel   *self)
{
  take_matches (self, filter_rows (self, change));
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  HcFilterModel *self)
{
  g_autoptr(GArray) fresh = NULL;
  guint first, end, shift_from;

  if (lets_all_through (self))
    {
      guint old_n = self->matches != NULL ? self->matches->len : 0;

      /* Rows held back by a filter that now lets all through unsaid. */
      if (self->matches != NULL)
        {
          g_clear_pointer (&self->matches, g_array_unref);
          g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, g_list_model_get_n_items (model));
        }
      else
        g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  /* Every row was let through so far: their places, before the change. */
  if (self->matches == NULL)
    {
      guint before = g_list_model_get_n_items (model) - added + removed;

      self->matches = g_array_sized_new (FALSE, FALSE, sizeof (guint), before);
      for (guint i = 0; i < before; i++)
        g_array_append_val (self->matches, i);
    }

  first = lower_bound (self->matches, position);
  end = lower_bound (self->matches, position + removed);
  fresh = g_array_new (FALSE, FALSE, sizeof (guint));
  if (gtk_filter_get_strictness (self->filter) != GTK_FILTER_MATCH_NONE)
    for (guint i = position; i < position + added; i++)
      if (row_matches (self, i))
        g_array_append_val (fresh, i);

  /* The rows after the change move by what it added less what it removed. */
  for (guint i = end; i < self->matches->len; i++)
    g_array_index (self->matches, guint, i) = g_array_index (self->matches, guint, i) - removed + added;
  g_array_remove_range (self->matches, first, end - first);
  g_array_insert_vals (self->matches, first, fresh->data, fresh->len);
  shift_from = end - first;
  if (shift_from > 0 || fresh->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), first, shift_from, fresh->len);
}

/* ---- the object ---------------------------------------------------------------------- */

static void
hc_filter_model_dispose (GObject *object)
{
  HcFilterModel *self = HC_FILTER_MODEL (object);

  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->filter);
  g_clear_object (&self->model);
  g_clear_pointer (&self->matches, g_array_unref);

  G_OBJECT_CLASS (hc_filter_model_parent_class)->dispose (object);
}

static void
hc_filter_model_class_init (HcFilterModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hc_filter_model_dispose;
}

static void
hc_filter_model_init (HcFilterModel *self)
{
}

/**
 * hc_filter_model_new:
 * @model: (transfer full): the rows
 * @filter: (transfer full) (nullable): what lets a row through; %NULL: every row
 */
HcFilterModel *
hc_filter_model_new (GListModel *model,
                     GtkFilter  *filter)
{
  HcFilterModel *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);
  g_return_val_if_fail (filter == NULL || GTK_IS_FILTER (filter), NULL);

  self = g_object_new (HC_TYPE_FILTER_MODEL, NULL);
  self->model = model;
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
  hc_filter_model_set_filter (self, filter);
  g_clear_object (&filter);
  return self;
}

void
hc_filter_model_set_filter (HcFilterModel *self,
                            GtkFilter     *filter)
{
  g_return_if_fail (HC_IS_FILTER_MODEL (self));
  g_return_if_fail (filter == NULL || GTK_IS_FILTER (filter));

  if (self->filter == filter)
    return;
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_set_object (&self->filter, filter);
  if (filter != NULL)
    g_signal_connect (filter, "changed", G_CALLBACK (on_filter_changed), self);
  take_matches (self, filter_rows (self, GTK_FILTER_CHANGE_DIFFERENT));
}

GtkFilter *
hc_filter_model_get_filter (HcFilterModel *self)
{
  g_return_val_if_fail (HC_IS_FILTER_MODEL (self), NULL);

  return self->filter;
}

GListModel *
hc_filter_model_get_model (HcFilterModel *self)
{
  g_return_val_if_fail (HC_IS_FILTER_MODEL (self), NULL);

  return self->model;
}
