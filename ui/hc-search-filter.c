/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-item.h"
#include "hc-memory.h"
#include "hc-search-filter.h"

/*
 * Search as you type over a list of 100,000 rows: what GtkStringFilter
 * does in substring, ignore-case mode (the item's text and the search both
 * normalized and case-folded), but the item's folded text is kept on the
 * item (hc_item_peek_search_key()) until one of its properties changes.
 * A keystroke then costs one strstr() per row instead of evaluating the
 * expression and folding its text again for every row.
 */

struct _HcSearchFilter
{
  GtkFilter      parent_instance;

  GtkExpression *expression; /* also the owner of the keys kept on items */
  GPtrArray     *retired;    /* expressions set before: kept, so no new one
                              * takes their address and their keys */
  char          *search;     /* folded; NULL matches everything */
};

G_DEFINE_FINAL_TYPE (HcSearchFilter, hc_search_filter, GTK_TYPE_FILTER)

static char *
hc_search_filter_fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_ALL);

  return normalized != NULL ? g_utf8_casefold (normalized, -1) : NULL;
}

static char *
hc_search_filter_fold_item (HcSearchFilter *self,
                            gpointer        item)
{
  g_auto(GValue) value = G_VALUE_INIT;
  const char *text;

  if (self->expression == NULL || !gtk_expression_evaluate (self->expression, item, &value))
    return NULL;
  text = g_value_get_string (&value);
  return text != NULL ? hc_search_filter_fold (text) : NULL;
}

static gboolean
hc_search_filter_match (GtkFilter *filter,
                        gpointer   item)
{
  HcSearchFilter *self = HC_SEARCH_FILTER (filter);
  g_autofree char *unkept = NULL;
  const char *key;

  if (self->search == NULL)
    return TRUE;

  if (HC_IS_ITEM (item))
    {
      key = hc_item_peek_search_key (item, self->expression);
      if (key == NULL)
        {
          /* An empty key, not NULL: an item without text is folded once. */
          char *folded = hc_search_filter_fold_item (self, item);

          hc_item_take_search_key (item, self->expression, folded != NULL ? folded : g_strdup (""));
          key = hc_item_peek_search_key (item, self->expression);
          /* Folding 100,000 rows frees as much again. */
          hc_memory_trim_soon ();
        }
    }
  else
    key = unkept = hc_search_filter_fold_item (self, item);

  return key != NULL && strstr (key, self->search) != NULL;
}

static GtkFilterMatch
hc_search_filter_get_strictness (GtkFilter *filter)
{
  HcSearchFilter *self = HC_SEARCH_FILTER (filter);

  if (self->search == NULL)
    return GTK_FILTER_MATCH_ALL;
  if (self->expression == NULL)
    return GTK_FILTER_MATCH_NONE;
  return GTK_FILTER_MATCH_SOME;
}

static void
hc_search_filter_dispose (GObject *object)
{
  HcSearchFilter *self = HC_SEARCH_FILTER (object);

  g_clear_pointer (&self->expression, gtk_expression_unref);
  g_clear_pointer (&self->retired, g_ptr_array_unref);

  G_OBJECT_CLASS (hc_search_filter_parent_class)->dispose (object);
}

static void
hc_search_filter_finalize (GObject *object)
{
  HcSearchFilter *self = HC_SEARCH_FILTER (object);

  g_free (self->search);

  G_OBJECT_CLASS (hc_search_filter_parent_class)->finalize (object);
}

static void
hc_search_filter_class_init (HcSearchFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->dispose = hc_search_filter_dispose;
  object_class->finalize = hc_search_filter_finalize;
  filter_class->match = hc_search_filter_match;
  filter_class->get_strictness = hc_search_filter_get_strictness;
}

static void
hc_search_filter_init (HcSearchFilter *self)
{
  self->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) gtk_expression_unref);
}

HcSearchFilter *
hc_search_filter_new (void)
{
  return g_object_new (HC_TYPE_SEARCH_FILTER, NULL);
}

/**
 * hc_search_filter_set_search:
 * The text typed, or %NULL (or "") to match every item. A longer search
 * that contains the previous one only narrows: the filter model then
 * looks again at the items that matched, not at all of them.
 */
void
hc_search_filter_set_search (HcSearchFilter *self,
                             const char     *search)
{
  g_autofree char *folded = NULL;
  GtkFilterChange change;

  g_return_if_fail (HC_IS_SEARCH_FILTER (self));

  if (search != NULL && *search != '\0')
    folded = hc_search_filter_fold (search);
  if (g_strcmp0 (folded, self->search) == 0)
    return;

  if (self->search == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (folded == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else if (strstr (folded, self->search) != NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (strstr (self->search, folded) != NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);
  gtk_filter_changed (GTK_FILTER (self), change);
}

/**
 * hc_search_filter_set_expression:
 * What is searched: an expression giving a string per item (not taken,
 * as gtk_string_filter_set_expression()).
 */
void
hc_search_filter_set_expression (HcSearchFilter *self,
                                 GtkExpression  *expression)
{
  g_return_if_fail (HC_IS_SEARCH_FILTER (self));

  if (expression == self->expression)
    return;
  if (self->expression != NULL)
    g_ptr_array_add (self->retired, g_steal_pointer (&self->expression));
  self->expression = expression != NULL ? gtk_expression_ref (expression) : NULL;
  if (self->search != NULL)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}
