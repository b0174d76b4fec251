/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcFilterModel against GtkFilterListModel: through thousands of changes
 * of the rows (splices anywhere) and of the filter (more strict, less
 * strict, different, none, every row), it shows the same rows in the same
 * order, and the changes it tells, applied to a copy, give those rows. */
#include "config.h"

#include "hc-filter-model.h"

typedef struct {
  guint    threshold;  /* a row (a number) is let through from this on */
  gboolean odd_only;   /* ... and only if odd */
} Rule;

static gboolean
rule_match (gpointer item, gpointer data)
{
  Rule *rule = data;
  guint value = (guint) g_ascii_strtoull (gtk_string_object_get_string (item), NULL, 10);

  return value >= rule->threshold && (!rule->odd_only || value % 2 == 1);
}

/* The rows as the changes told so far leave them. */
static void
on_items_changed (GListModel *model, guint position, guint removed, guint added, GPtrArray *copy)
{
  g_assert_cmpuint (position + removed, <=, copy->len);
  g_ptr_array_remove_range (copy, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (copy, position + i, g_list_model_get_item (model, position + i));
  g_assert_cmpuint (copy->len, ==, g_list_model_get_n_items (model));
}

static void
assert_same (GListModel *model, GListModel *oracle, GPtrArray *copy)
{
  guint n = g_list_model_get_n_items (oracle);

  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpuint (copy->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) mine = g_list_model_get_item (model, i);
      g_autoptr(GObject) theirs = g_list_model_get_item (oracle, i);

      g_assert_true (mine == theirs);
      g_assert_true (g_ptr_array_index (copy, i) == mine);
    }
  g_assert_null (g_list_model_get_item (model, n));
}

static GtkStringObject *
row (GRand *rand)
{
  g_autofree char *text = g_strdup_printf ("%u", (guint) g_rand_int_range (rand, 0, 1000));

  return gtk_string_object_new (text);
}

static void
test_filter_model_as_gtk (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  Rule rule = { 500, FALSE };
  g_autoptr(GtkCustomFilter) filter = gtk_custom_filter_new (rule_match, &rule, NULL);
  g_autoptr(HcFilterModel) model = NULL;
  g_autoptr(GtkFilterListModel) oracle = NULL;
  g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_object_unref);
  guint kinds[6] = { 0 };

  for (guint i = 0; i < 300; i++)
    {
      g_autoptr(GtkStringObject) item = row (rand);

      g_list_store_append (store, item);
    }
  model = hc_filter_model_new (g_object_ref (G_LIST_MODEL (store)), g_object_ref (GTK_FILTER (filter)));
  oracle = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)), g_object_ref (GTK_FILTER (filter)));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    g_ptr_array_add (copy, g_list_model_get_item (G_LIST_MODEL (model), i));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), copy);
  assert_same (G_LIST_MODEL (model), G_LIST_MODEL (oracle), copy);

  for (guint step = 0; step < 3000; step++)
    {
      guint kind = g_rand_int_range (rand, 0, 6);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));

      kinds[kind]++;
      switch (kind)
        {
        case 0: /* rows removed and added anywhere, as a store's change is */
        case 1:
          {
            guint position = n > 0 ? g_rand_int_range (rand, 0, n + 1) : 0;
            guint removed = MIN (n - position, (guint) g_rand_int_range (rand, 0, 6));
            guint added = g_rand_int_range (rand, 0, kind == 0 ? 6 : 40);
            g_autoptr(GPtrArray) fresh = g_ptr_array_new_with_free_func (g_object_unref);

            for (guint i = 0; i < added; i++)
              g_ptr_array_add (fresh, row (rand));
            g_list_store_splice (store, position, removed, fresh->pdata, added);
          }
          break;

        case 2: /* more strict */
          rule.threshold += g_rand_int_range (rand, 1, 60);
          gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_MORE_STRICT);
          break;

        case 3: /* less strict */
          rule.threshold -= MIN (rule.threshold, (guint) g_rand_int_range (rand, 1, 80));
          gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_LESS_STRICT);
          break;

        case 4: /* different */
          rule.odd_only = !rule.odd_only;
          rule.threshold = g_rand_int_range (rand, 0, 1000);
          gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
          break;

        case 5: /* no filter for a while (every row), then the filter again */
          hc_filter_model_set_filter (model, NULL);
          gtk_filter_list_model_set_filter (oracle, NULL);
          assert_same (G_LIST_MODEL (model), G_LIST_MODEL (oracle), copy);
          {
            g_autoptr(GtkStringObject) item = row (rand);

            g_list_store_insert (store, 0, item);
          }
          assert_same (G_LIST_MODEL (model), G_LIST_MODEL (oracle), copy);
          hc_filter_model_set_filter (model, GTK_FILTER (filter));
          gtk_filter_list_model_set_filter (oracle, GTK_FILTER (filter));
          break;
        }
      assert_same (G_LIST_MODEL (model), G_LIST_MODEL (oracle), copy);
    }
  for (guint kind = 0; kind < G_N_ELEMENTS (kinds); kind++)
    g_assert_cmpuint (kinds[kind], >, 300);

  /* Every row let through, then none, then every row again. */
  rule.threshold = 0;
  rule.odd_only = FALSE;
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_LESS_STRICT);
  assert_same (G_LIST_MODEL (model), G_LIST_MODEL (oracle), copy);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, g_list_model_get_n_items (G_LIST_MODEL (store)));
  rule.threshold = 5000;
  gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_MORE_STRICT);
  assert_same (G_LIST_MODEL (model), G_LIST_MODEL (oracle), copy);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_list_store_remove_all (store);
  assert_same (G_LIST_MODEL (model), G_LIST_MODEL (oracle), copy);
}

typedef struct {
  guint n, position, removed, added;
} Told;

static void
on_told (GListModel *model, guint position, guint removed, guint added, Told *told)
{
  told->n++;
  told->position = position;
  told->removed = removed;
  told->added = added;
}

/* A change of the filter is told as one change, from the first row that
 * differs to the last: rows let through at both ends are not told. */
static void
test_filter_model_one_change (void)
{
  g_autoptr(GListStore) store = g_list_store_new (GTK_TYPE_STRING_OBJECT);
  Rule rule = { 0, FALSE };
  g_autoptr(HcFilterModel) model = NULL;
  g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func (g_object_unref);
  const char *values[] = { "1", "2", "3", "4", "5", "6", "7" };
  Told told = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(GtkStringObject) item = gtk_string_object_new (values[i]);

      g_list_store_append (store, item);
    }
  model = hc_filter_model_new (g_object_ref (G_LIST_MODEL (store)),
                               GTK_FILTER (gtk_custom_filter_new (rule_match, &rule, NULL)));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 7);
  for (guint i = 0; i < 7; i++)
    g_ptr_array_add (copy, g_list_model_get_item (G_LIST_MODEL (model), i));
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), copy);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_told), &told);

  /* Odd ones only: 1 and 7 stay, 2..6 become 3, 5. */
  rule.odd_only = TRUE;
  gtk_filter_changed (hc_filter_model_get_filter (model), GTK_FILTER_CHANGE_MORE_STRICT);
  g_assert_cmpuint (told.n, ==, 1);
  g_assert_cmpuint (told.position, ==, 1);
  g_assert_cmpuint (told.removed, ==, 5);
  g_assert_cmpuint (told.added, ==, 2);
  g_assert_cmpuint (copy->len, ==, 4);
  g_assert_cmpstr (gtk_string_object_get_string (g_ptr_array_index (copy, 1)), ==, "3");
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/filter-model/as-gtk", test_filter_model_as_gtk);
  g_test_add_func ("/filter-model/one-change", test_filter_model_one_change);
  return g_test_run ();
}
