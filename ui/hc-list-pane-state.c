/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-list-pane-private.h"

/*
 * A list keeps its place across restarts: the order, visibility and width
 * of its columns, its sort and its page's filters are written to
 * GSettings (schema APP_ID.List at APP_PATH/lists/PAGE/) as they change
 * and restored when the page names itself (hc_list_pane_remember()).
 * "Reset columns" brings back the page's own design.
 *
 * GTK 4.8 has no getter for a column view's sort (GtkColumnViewSorter's
 * is 4.10) and no column ids (4.10): a column is known by its place in
 * the page's design, and the sort is read from the one sort indicator a
 * column view's header shows ("sort-indicator" styled "ascending" or
 * "descending") and the title beside it.
 */

#define STATE_SCHEMA APP_ID ".List"

static GtkColumnViewColumn *
designed_column (HcListPane *self,
                 int         index)
{
  if (index < 0 || (guint) index >= self->designed->len)
    return NULL;
  return g_ptr_array_index (self->designed, index);
}

static int
designed_index (HcListPane          *self,
                GtkColumnViewColumn *column)
{
  guint index;

  if (!g_ptr_array_find (self->designed, column, &index))
    return -1;
  return (int) index;
}

static void
collect_indicators (GtkWidget *widget,
                    GPtrArray *found)
{
  if (g_strcmp0 (gtk_widget_get_css_name (widget), "sort-indicator") == 0)
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_indicators (child, found);
}

static GtkLabel *
find_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return GTK_LABEL (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *label = find_label (child);

      if (label != NULL)
        return label;
    }
  return NULL;
}

/* Whether the rows as shown are in @column's @order. */
static gboolean
rows_follow (HcListPane          *self,
             GtkColumnViewColumn *column,
             GtkSortType          order)
{
  GListModel *rows = G_LIST_MODEL (self->sort_model);
  GtkSorter *sorter = gtk_column_view_column_get_sorter (column);
  guint n = MIN (g_list_model_get_n_items (rows), 2000);
  g_autoptr(GObject) previous = n > 0 ? g_list_model_get_item (rows, 0) : NULL;

  for (guint i = 1; i < n; i++)
    {
      g_autoptr(GObject) row = g_list_model_get_item (rows, i);
      GtkOrdering ordering = gtk_sorter_compare (sorter, previous, row);

      if ((order == GTK_SORT_ASCENDING && ordering == GTK_ORDERING_LARGER) ||
          (order == GTK_SORT_DESCENDING && ordering == GTK_ORDERING_SMALLER))
        return FALSE;
      g_set_object (&previous, row);
    }
  return TRUE;
}

/* The column sorted by and its order, as the header shows them: an
 * indicator that says ascending or descending sits beside the title of
 * its column (a column is found by its title: the header's titles need
 * not be in the columns' order once a column has moved). GTK 4.8 may
 * leave the previous column's indicator as it was: of two, the one the
 * rows follow, and of two the rows both follow, the new one. */
static gboolean
read_sort (HcListPane          *self,
           GtkColumnViewColumn **column,
           GtkSortType          *order)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  g_autoptr(GPtrArray) indicators = g_ptr_array_new ();
  GtkColumnViewColumn *found = NULL;
  GtkSortType found_order = GTK_SORT_ASCENDING;
  guint n_found = 0;

  if (gtk_sort_list_model_get_pending (self->sort_model) > 0)
    return FALSE;

  collect_indicators (GTK_WIDGET (self->view), indicators);
  for (guint i = 0; i < indicators->len; i++)
    {
      GtkWidget *indicator = g_ptr_array_index (indicators, i);
      gboolean ascending = gtk_widget_has_css_class (indicator, "ascending");
      GtkSortType shown = ascending ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING;
      GtkLabel *label;

      if (!ascending && !gtk_widget_has_css_class (indicator, "descending"))
        continue;
      label = find_label (gtk_widget_get_parent (indicator));
      if (label == NULL)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (columns); j++)
        {
          g_autoptr(GtkColumnViewColumn) candidate = g_list_model_get_item (columns, j);

          if (g_strcmp0 (gtk_column_view_column_get_title (candidate), gtk_label_get_label (label)) != 0 ||
              gtk_column_view_column_get_sorter (candidate) == NULL ||
              !rows_follow (self, candidate, shown))
            continue;
          if (found == NULL || designed_index (self, candidate) != self->known_sort)
            {
              found = candidate;
              found_order = shown;
            }
          n_found++;
          break;
        }
    }
  if (found == NULL || (n_found > 1 && designed_index (self, found) == self->known_sort))
    return FALSE;

  *column = found;
  *order = found_order;
  return TRUE;
}

static void
save_columns (HcListPane *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(ubi)"));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
      int index = designed_index (self, column);

      if (index >= 0)
        g_variant_builder_add (&builder, "(ubi)", (guint32) index,
                               gtk_column_view_column_get_visible (column),
                               (gint32) gtk_column_view_column_get_fixed_width (column));
    }
  g_settings_set_value (self->list_settings, "columns", g_variant_builder_end (&builder));
}

static void
save_filters (HcListPane *self)
{
  GVariantBuilder builder;

  if (self->filter_owner == NULL)
    return;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{sv}"));
  for (guint i = 0; self->filter_properties[i] != NULL; i++)
    {
      const char *name = self->filter_properties[i];
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->filter_owner), name);
      g_auto(GValue) value = G_VALUE_INIT;

      if (pspec == NULL)
        continue;
      g_value_init (&value, pspec->value_type);
      g_object_get_property (self->filter_owner, name, &value);
      if (G_VALUE_HOLDS_STRING (&value) && g_value_get_string (&value) != NULL)
        g_variant_builder_add (&builder, "{sv}", name, g_variant_new_string (g_value_get_string (&value)));
      else if (G_VALUE_HOLDS_BOOLEAN (&value))
        g_variant_builder_add (&builder, "{sv}", name, g_variant_new_boolean (g_value_get_boolean (&value)));
    }
  g_settings_set_value (self->list_settings, "filters", g_variant_builder_end (&builder));
}

static void
on_column_changed (GtkColumnViewColumn *column,
                   GParamSpec          *pspec,
                   HcListPane          *self)
{
  if (!self->restoring && self->list_settings != NULL)
    save_columns (self);
}

static void
on_columns_changed (GListModel *columns,
                    guint       position,
                    guint       removed,
                    guint       added,
                    HcListPane *self)
{
  if (!self->restoring && self->list_settings != NULL)
    save_columns (self);
}

static gboolean
save_sort_later (gpointer data)
{
  HcListPane *self = data;
  GtkColumnViewColumn *column = NULL;
  GtkSortType order = GTK_SORT_ASCENDING;

  if (!read_sort (self, &column, &order))
    {
      /* The header may not show it yet: look again, a few times. */
      if (++self->sort_tries < 5)
        return G_SOURCE_CONTINUE;
      self->save_sort_idle = 0;
      return G_SOURCE_REMOVE;
    }
  self->save_sort_idle = 0;
  self->known_sort = designed_index (self, column);
  g_settings_set (self->list_settings, "sort", "(ib)",
                  self->known_sort, order == GTK_SORT_DESCENDING);
  return G_SOURCE_REMOVE;
}

/* The header shows the new sort only after the sorter says it changed:
 * read it a moment later. */
static void
on_sorter_changed (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   HcListPane      *self)
{
  if (self->restoring || self->list_settings == NULL)
    return;
  self->sort_tries = 0;
  if (self->save_sort_idle == 0)
    self->save_sort_idle = g_timeout_add (100, save_sort_later, self);
}

static void
on_filter_notify (GObject    *owner,
                  GParamSpec *pspec,
                  HcListPane *self)
{
  if (!self->restoring && self->list_settings != NULL && g_strv_contains ((const char * const *) self->filter_properties, pspec->name))
    save_filters (self);
}

static void
restore_columns (HcListPane *self)
{
  g_autoptr(GVariant) saved = g_settings_get_value (self->list_settings, "columns");
  GVariantIter iter;
  guint32 index;
  gboolean visible;
  gint32 width;
  guint position = g_list_model_get_n_items (gtk_column_view_get_columns (self->view)) - self->designed->len;

  g_variant_iter_init (&iter, saved);
  while (g_variant_iter_next (&iter, "(ubi)", &index, &visible, &width))
    {
      GtkColumnViewColumn *column = designed_column (self, (int) index);

      /* A column the page no longer has, or a width no one could use. */
      if (column == NULL)
        continue;
      gtk_column_view_column_set_visible (column, visible);
      gtk_column_view_column_set_fixed_width (column, width > 0 ? MIN (width, 4000) : -1);
      gtk_column_view_insert_column (self->view, position++, column);
    }
}

static void
restore_sort (HcListPane *self)
{
  int index;
  gboolean descending;
  GtkColumnViewColumn *column;

  g_settings_get (self->list_settings, "sort", "(ib)", &index, &descending);
  column = designed_column (self, index);
  if (column != NULL && gtk_column_view_column_get_sorter (column) != NULL)
    {
      self->known_sort = index;
      /* Cleared first: GTK 4.8 leaves the old column's arrow up otherwise. */
      gtk_column_view_sort_by_column (self->view, NULL, GTK_SORT_ASCENDING);
      gtk_column_view_sort_by_column (self->view, column,
                                    descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
    }
}

static void
restore_filters (HcListPane *self)
{
  g_autoptr(GVariant) saved = g_settings_get_value (self->list_settings, "filters");
  GVariantIter iter;
  const char *name;
  GVariant *value;

  if (self->filter_owner == NULL)
    return;

  g_variant_iter_init (&iter, saved);
  while (g_variant_iter_next (&iter, "{&sv}", &name, &value))
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->filter_owner), name);

      if (pspec != NULL && g_strv_contains ((const char * const *) self->filter_properties, name))
        {
          /* A page checks its own values: an unknown one becomes its default. */
          if (pspec->value_type == G_TYPE_STRING && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
            g_object_set (self->filter_owner, name, g_variant_get_string (value, NULL), NULL);
          else if (pspec->value_type == G_TYPE_BOOLEAN && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
            g_object_set (self->filter_owner, name, g_variant_get_boolean (value), NULL);
        }
      g_variant_unref (value);
    }
}

/**
 * hc_list_pane_state_attach:
 * Notes the page's design (columns, widths, sort), restores what was kept
 * for @page_id and keeps it from now on. Without the schema (an older
 * install), the list simply starts as designed.
 */
void
hc_list_pane_state_attach (HcListPane         *self,
                           const char         *page_id,
                           GObject            *filter_owner,
                           const char * const *filter_properties)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *path = NULL;
  GListModel *columns = gtk_column_view_get_columns (self->view);

  g_assert (self->list_settings == NULL);

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, STATE_SCHEMA, TRUE);
  if (schema == NULL)
    return;

  path = g_strdup_printf ("%s/lists/%s/", APP_PATH, page_id);
  self->list_settings = g_settings_new_full (schema, NULL, path);
  self->filter_owner = filter_owner;
  self->filter_properties = g_strdupv ((char **) filter_properties);

  self->designed = g_ptr_array_new_with_free_func (g_object_unref);
  self->designed_widths = g_array_new (FALSE, FALSE, sizeof (int));
  self->designed_visible = g_array_new (FALSE, FALSE, sizeof (gboolean));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      GtkColumnViewColumn *column = g_list_model_get_item (columns, i);
      int width = gtk_column_view_column_get_fixed_width (column);
      gboolean visible = gtk_column_view_column_get_visible (column);

      g_ptr_array_add (self->designed, column);
      g_array_append_val (self->designed_widths, width);
      g_array_append_val (self->designed_visible, visible);
    }
  self->designed_sort = -1;
  self->known_sort = -1;
  {
    GtkColumnViewColumn *column = NULL;
    GtkSortType order = GTK_SORT_ASCENDING;

    if (read_sort (self, &column, &order))
      {
        self->designed_sort = designed_index (self, column);
        self->designed_order = order;
        self->known_sort = self->designed_sort;
      }
  }

  self->restoring = TRUE;
  restore_columns (self);
  restore_sort (self);
  restore_filters (self);
  self->restoring = FALSE;

  for (guint i = 0; i < self->designed->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->designed, i);

      g_signal_connect_object (column, "notify::fixed-width", G_CALLBACK (on_column_changed), self, 0);
      g_signal_connect_object (column, "notify::visible", G_CALLBACK (on_column_changed), self, 0);
    }
  g_signal_connect_object (columns, "items-changed", G_CALLBACK (on_columns_changed), self, 0);
  g_signal_connect_object (gtk_column_view_get_sorter (self->view), "changed",
                           G_CALLBACK (on_sorter_changed), self, G_CONNECT_AFTER);
  if (filter_owner != NULL)
    g_signal_connect_object (filter_owner, "notify", G_CALLBACK (on_filter_notify), self, 0);
}

/**
 * hc_list_pane_state_reset:
 * The columns as the page designed them: order, visibility, widths, sort.
 * The filters stay as chosen: they are in the menu beside this.
 */
void
hc_list_pane_state_reset (HcListPane *self)
{
  GtkColumnViewColumn *sort_column;
  guint base;

  if (self->list_settings == NULL)
    return;

  /* Columns added later (the "New" marks) stay first. */
  base = g_list_model_get_n_items (gtk_column_view_get_columns (self->view)) - self->designed->len;

  self->restoring = TRUE;
  for (guint i = 0; i < self->designed->len; i++)
    {
      GtkColumnViewColumn *column = g_ptr_array_index (self->designed, i);

      gtk_column_view_column_set_visible (column, g_array_index (self->designed_visible, gboolean, i));
      gtk_column_view_column_set_fixed_width (column, g_array_index (self->designed_widths, int, i));
      gtk_column_view_insert_column (self->view, base + i, column);
    }
  sort_column = designed_column (self, self->designed_sort);
  self->known_sort = self->designed_sort;
  gtk_column_view_sort_by_column (self->view, NULL, GTK_SORT_ASCENDING);
  gtk_column_view_sort_by_column (self->view, sort_column, self->designed_order);
  self->restoring = FALSE;

  g_settings_reset (self->list_settings, "columns");
  g_settings_reset (self->list_settings, "sort");
}

void
hc_list_pane_state_clear (HcListPane *self)
{
  /* Not read now: a header being torn down may show an older sort. */
  g_clear_handle_id (&self->save_sort_idle, g_source_remove);
  if (self->filter_owner != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_owner, self);
  self->filter_owner = NULL;
  g_clear_object (&self->list_settings);
  g_clear_pointer (&self->designed, g_ptr_array_unref);
  g_clear_pointer (&self->designed_widths, g_array_unref);
  g_clear_pointer (&self->designed_visible, g_array_unref);
  g_clear_pointer (&self->filter_properties, g_strfreev);
}
