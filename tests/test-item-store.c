/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "hc-item-store.h"
#include "hc-parser.h"
#include "hc-source.h"
#include "hc-test-parse.h"

/*
 * A mirror of the model built only from items-changed signals, the way a
 * GtkListView or GtkSingleSelection sees it. After every change it must
 * equal the store, pointer for pointer.
 */
typedef struct {
  GListModel *model;
  GPtrArray  *items;
  guint       signals;
  guint       last_position;
  guint       last_added;
} Mirror;

static void
mirror_on_items_changed (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Mirror     *mirror)
{
  mirror->signals++;
  mirror->last_position = position;
  mirror->last_added = added;
  g_assert_cmpuint (position + removed, <=, mirror->items->len);
  g_ptr_array_remove_range (mirror->items, position, removed);
  for (guint i = 0; i < added; i++)
    {
      GObject *item = g_list_model_get_item (model, position + i);

      g_assert_nonnull (item);
      g_ptr_array_insert (mirror->items, position + i, item);
    }
  /* The model must already be in the announced state during the signal. */
  g_assert_cmpuint (mirror->items->len, ==, g_list_model_get_n_items (model));
}

static Mirror *
mirror_new (GListModel *model)
{
  Mirror *mirror = g_new0 (Mirror, 1);

  mirror->model = model;
  mirror->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (mirror->items, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (mirror_on_items_changed), mirror);

  return mirror;
}

static void
mirror_free (Mirror *mirror)
{
  g_signal_handlers_disconnect_by_func (mirror->model, mirror_on_items_changed, mirror);
  g_ptr_array_unref (mirror->items);
  g_free (mirror);
}

static void
mirror_assert_equal (Mirror *mirror)
{
  guint n = g_list_model_get_n_items (mirror->model);

  g_assert_cmpuint (mirror->items->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (mirror->model, i);

      g_assert_true (item == g_ptr_array_index (mirror->items, i));
    }
}

static HcItem *
make_run (const char *id)
{
  return g_object_new (HC_TYPE_RUN, "id", id, NULL);
}

static GPtrArray *
make_runs (const char *prefix,
           guint       first,
           guint       n)
{
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = first; i < first + n; i++)
    {
      g_autofree char *id = g_strdup_printf ("%s%u", prefix, i);

      g_ptr_array_add (items, make_run (id));
    }

  return items;
}

static HcItem *
make_source (const char *id,
             const char *status,
             const char *name)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\": \"%s\", \"name\": \"%s\", \"agency\": \"A\", \"kind\": \"batch\", \"status\": \"%s\","
    " \"schedule\": \"@daily\", \"last_success_at\": null, \"lag_seconds\": 0, \"records_per_second\": 1,"
    " \"last_run\": null}", id, name, status);
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  g_autoptr(JsonNode) node = hc_parse_json_bytes (bytes, NULL);
  g_autoptr(GError) error = NULL;
  HcItem *item = hc_parse_source (node, &error);

  g_assert_no_error (error);
  return item;
}

static void
test_fill (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_RUN);
  g_autoptr(GPtrArray) runs = make_runs ("r", 0, 10);
  g_autoptr(HcItem) extra = make_run ("extra");
  g_autoptr(HcItem) again = make_run ("r3");
  Mirror *mirror = mirror_new (G_LIST_MODEL (store));

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (store)) == HC_TYPE_RUN);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);

  hc_item_store_upsert_many (store, runs);
  g_assert_cmpuint (mirror->signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 10);
  mirror_assert_equal (mirror);

  for (guint i = 0; i < runs->len; i++)
    {
      HcItem *item = g_ptr_array_index (runs, i);

      g_assert_true (hc_item_store_lookup (store, hc_item_get_id (item)) == item);
    }
  g_assert_null (hc_item_store_lookup (store, "nope"));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 10));

  g_assert_true (hc_item_store_upsert (store, extra) == extra);
  g_assert_cmpuint (mirror->signals, ==, 2);
  mirror_assert_equal (mirror);

  /* Known id: the resident object stays, nothing is announced. */
  g_assert_true (hc_item_store_upsert (store, again) == g_ptr_array_index (runs, 3));
  g_assert_cmpuint (mirror->signals, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 11);

  g_assert_true (hc_item_store_remove (store, "r5"));
  g_assert_false (hc_item_store_remove (store, "r5"));
  g_assert_cmpuint (mirror->signals, ==, 3);
  g_assert_null (hc_item_store_lookup (store, "r5"));
  mirror_assert_equal (mirror);

  hc_item_store_remove_all (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_assert_null (hc_item_store_lookup (store, "r1"));
  mirror_assert_equal (mirror);

  mirror_free (mirror);
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              GHashTable *counts)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pspec->name));

  g_hash_table_insert (counts, (gpointer) g_intern_string (pspec->name), GUINT_TO_POINTER (n + 1));
}

static void
count_updated (HcItemStore *store,
               guint        n_updated,
               guint       *total)
{
  *total += n_updated;
}

static void
test_upsert_in_place (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_SOURCE);
  g_autoptr(HcItem) a = make_source ("a", "ok", "Alpha");
  g_autoptr(HcItem) b = make_source ("b", "ok", "Beta");
  g_autoptr(HcItem) a2 = make_source ("a", "failed", "Alpha");
  g_autoptr(HcItem) a3 = make_source ("a", "failed", "Alpha");
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  guint updated = 0;
  Mirror *mirror;

  hc_item_store_upsert (store, a);
  hc_item_store_upsert (store, b);
  mirror = mirror_new (G_LIST_MODEL (store));
  g_signal_connect (a, "notify", G_CALLBACK (count_notify), counts);

  g_signal_connect (store, "items-updated", G_CALLBACK (count_updated), &updated);
  g_assert_true (hc_item_store_upsert (store, a2) == a);
  g_assert_cmpuint (mirror->signals, ==, 0);
  g_assert_cmpuint (updated, ==, 1);
  g_assert_cmpint (hc_source_get_status (HC_SOURCE (a)), ==, HC_SOURCE_STATUS_FAILED);
  /* status and its integer twin status-rank, nothing else */
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "status")), ==, 1);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "status-rank")), ==, 1);

  /* Same values again: not a single notification. */
  g_hash_table_remove_all (counts);
  g_ptr_array_add (batch, a3);
  hc_item_store_upsert_many (store, batch);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);
  g_assert_cmpuint (mirror->signals, ==, 0);
  g_assert_cmpuint (updated, ==, 1); /* nothing changed, nothing said */
  mirror_assert_equal (mirror);

  g_signal_handlers_disconnect_by_func (store, count_updated, &updated);
  g_signal_handlers_disconnect_by_func (a, count_notify, counts);
  mirror_free (mirror);
}

static void
test_upsert_many_duplicates (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_SOURCE);
  g_autoptr(HcItem) x1 = make_source ("x", "ok", "First");
  g_autoptr(HcItem) x2 = make_source ("x", "paused", "Second");
  g_autoptr(HcItem) y = make_source ("y", "ok", "Y");
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  Mirror *mirror = mirror_new (G_LIST_MODEL (store));
  HcItem *resident;

  g_ptr_array_add (batch, x1);
  g_ptr_array_add (batch, y);
  g_ptr_array_add (batch, x2);
  hc_item_store_upsert_many (store, batch);

  g_assert_cmpuint (mirror->signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  resident = hc_item_store_lookup (store, "x");
  g_assert_cmpstr (hc_source_get_name (HC_SOURCE (resident)), ==, "Second");
  mirror_assert_equal (mirror);
  mirror_free (mirror);
}

static void
test_replace_all (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_SOURCE);
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  const char *ids[] = { "a", "b", "c", "d", "e", "f", "g" };
  guint updated = 0;
  HcItem *selected;
  HcItem *untouched;
  Mirror *mirror;

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_ptr_array_add (first, make_source (ids[i], "ok", ids[i]));
  hc_item_store_replace_all (store, first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 7);

  /* What a GtkSingleSelection holds: the object at an id. */
  selected = hc_item_store_lookup (store, "e");
  untouched = hc_item_store_lookup (store, "a");
  g_signal_connect (selected, "notify", G_CALLBACK (count_notify), counts);
  mirror = mirror_new (G_LIST_MODEL (store));

  /* b, c and f are gone, e changed, h and i are new, in a new order. */
  g_ptr_array_add (second, make_source ("i", "ok", "i"));
  g_ptr_array_add (second, make_source ("e", "lagging", "e"));
  g_ptr_array_add (second, make_source ("a", "ok", "a"));
  g_ptr_array_add (second, make_source ("h", "ok", "h"));
  g_ptr_array_add (second, make_source ("d", "ok", "d"));
  g_ptr_array_add (second, make_source ("g", "ok", "g"));
  g_signal_connect (store, "items-updated", G_CALLBACK (count_updated), &updated);
  hc_item_store_replace_all (store, second);
  g_signal_handlers_disconnect_by_func (store, count_updated, &updated);
  g_assert_cmpuint (updated, ==, 1);

  mirror_assert_equal (mirror);
  /* Two runs removed (b-c, f), one append. */
  g_assert_cmpuint (mirror->signals, ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 6);
  g_assert_true (hc_item_store_lookup (store, "e") == selected);
  g_assert_true (hc_item_store_lookup (store, "a") == untouched);
  g_assert_null (hc_item_store_lookup (store, "b"));
  g_assert_null (hc_item_store_lookup (store, "f"));
  g_assert_nonnull (hc_item_store_lookup (store, "h"));
  g_assert_cmpint (hc_source_get_status (HC_SOURCE (selected)), ==, HC_SOURCE_STATUS_LAGGING);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 2); /* status, status-rank */

  /* Kept items keep their order; new ones follow in the hub's order. */
  {
    const char *expected[] = { "a", "d", "e", "g", "i", "h" };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      {
        g_autoptr(HcItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

        g_assert_cmpstr (hc_item_get_id (item), ==, expected[i]);
      }
  }

  /* The same list again changes nothing and says nothing. */
  mirror->signals = 0;
  g_hash_table_remove_all (counts);
  hc_item_store_replace_all (store, second);
  g_assert_cmpuint (mirror->signals, ==, 0);
  g_assert_cmpuint (g_hash_table_size (counts), ==, 0);

  /* An empty list empties the store (and releases the selected object). */
  g_signal_handlers_disconnect_by_func (selected, count_notify, counts);
  g_ptr_array_set_size (first, 0);
  hc_item_store_replace_all (store, first);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  mirror_assert_equal (mirror);

  mirror_free (mirror);
}

/* Many scattered removals take the one-signal path; the mirror still agrees. */
static void
test_replace_all_scattered (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_RUN);
  g_autoptr(GPtrArray) all = make_runs ("r", 0, 1000);
  g_autoptr(GPtrArray) odd = g_ptr_array_new_with_free_func (g_object_unref);
  HcItem *kept;
  Mirror *mirror;

  hc_item_store_replace_all (store, all);
  kept = hc_item_store_lookup (store, "r501");
  mirror = mirror_new (G_LIST_MODEL (store));

  for (guint i = 1; i < 1000; i += 2)
    {
      g_autofree char *id = g_strdup_printf ("r%u", i);

      g_ptr_array_add (odd, make_run (id));
    }
  g_ptr_array_add (odd, make_run ("new"));
  hc_item_store_replace_all (store, odd);

  mirror_assert_equal (mirror);
  g_assert_cmpuint (mirror->signals, <=, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 501);
  g_assert_true (hc_item_store_lookup (store, "r501") == kept);
  g_assert_null (hc_item_store_lookup (store, "r500"));
  mirror_free (mirror);
}

static void
test_replace_all_100k (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_RUN);
  g_autoptr(GPtrArray) all = make_runs ("r", 0, 100000);
  g_autoptr(GPtrArray) next = make_runs ("r", 50000, 100000);
  HcItem *kept;
  Mirror *mirror;

  hc_item_store_replace_all (store, all);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 100000);
  kept = hc_item_store_lookup (store, "r77777");
  mirror = mirror_new (G_LIST_MODEL (store));

  /* Half gone, half kept, 50 000 new. */
  hc_item_store_replace_all (store, next);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 100000);
  g_assert_true (hc_item_store_lookup (store, "r77777") == kept);
  g_assert_null (hc_item_store_lookup (store, "r49999"));
  g_assert_nonnull (hc_item_store_lookup (store, "r149999"));
  g_assert_cmpuint (mirror->signals, ==, 2);
  mirror_assert_equal (mirror);

  /* Scattered: every third item goes. */
  g_ptr_array_set_size (all, 0);
  for (guint i = 0; i < next->len; i++)
    if (i % 3 != 0)
      g_ptr_array_add (all, g_object_ref (g_ptr_array_index (next, i)));
  hc_item_store_replace_all (store, all);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, all->len);
  mirror_assert_equal (mirror);

  mirror_free (mirror);
}

static void
assert_e_unchanged_at_a (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         gpointer    data)
{
  g_autoptr(HcItem) e = g_list_model_get_item (model, 3);

  if (position == 0)
    g_assert_cmpint (hc_source_get_status (HC_SOURCE (e)), ==, HC_SOURCE_STATUS_PAUSED);
  else
    g_assert_cmpint (hc_source_get_status (HC_SOURCE (e)), ==, HC_SOURCE_STATUS_FAILED);
}

/* Announced updates: each changed item is items-changed (pos, 1, 1) in place. */
static void
test_announce_updates (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_SOURCE);
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) second = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(HcItem) c_changed = make_source ("c", "failed", "c");
  g_autoptr(HcItem) c_same = make_source ("c", "failed", "c");
  const char *ids[] = { "a", "b", "c", "d", "e" };
  HcItem *resident_b;
  Mirror *mirror;

  g_assert_false (hc_item_store_get_announce_updates (store));
  g_object_set (store, "announce-updates", TRUE, NULL);
  g_assert_true (hc_item_store_get_announce_updates (store));

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_ptr_array_add (first, make_source (ids[i], "ok", ids[i]));
  hc_item_store_replace_all (store, first);
  resident_b = hc_item_store_lookup (store, "b");
  mirror = mirror_new (G_LIST_MODEL (store));

  /* One changed item: one items-changed over it, the same object stays. */
  hc_item_store_upsert (store, c_changed);
  g_assert_cmpuint (mirror->signals, ==, 1);
  mirror_assert_equal (mirror);
  hc_item_store_upsert (store, c_same);
  g_assert_cmpuint (mirror->signals, ==, 1);

  /* b, c and e changed, d gone, f new. */
  g_ptr_array_add (second, make_source ("a", "ok", "a"));
  g_ptr_array_add (second, make_source ("b", "paused", "b"));
  g_ptr_array_add (second, make_source ("c", "lagging", "c"));
  g_ptr_array_add (second, make_source ("e", "paused", "e"));
  g_ptr_array_add (second, make_source ("f", "ok", "f"));
  mirror->signals = 0;
  hc_item_store_replace_all (store, second);
  mirror_assert_equal (mirror);
  /* removal of d, then b, c and e each re-announced alone; append of f */
  g_assert_cmpuint (mirror->signals, ==, 5);
  g_assert_true (hc_item_store_lookup (store, "b") == resident_b);
  g_assert_cmpint (hc_source_get_status (HC_SOURCE (resident_b)), ==, HC_SOURCE_STATUS_PAUSED);

  /* a and e changed, apart: each updated and announced alone, e only
   * after a's announcement, so no sorted view ever sees e changed but not
   * yet announced while it re-sorts a, and the rows between stay bound. */
  {
    g_autoptr(GPtrArray) third = g_ptr_array_new_with_free_func (g_object_unref);
    gulong handler;

    g_ptr_array_add (third, make_source ("a", "failed", "a"));
    g_ptr_array_add (third, make_source ("e", "failed", "e"));
    mirror->signals = 0;
    mirror->last_position = G_MAXUINT;
    handler = g_signal_connect (store, "items-changed", G_CALLBACK (assert_e_unchanged_at_a), NULL);
    hc_item_store_upsert_many (store, third);
    g_signal_handler_disconnect (store, handler);
    mirror_assert_equal (mirror);
    g_assert_cmpuint (mirror->signals, ==, 2);
    g_assert_cmpuint (mirror->last_position, ==, 3);
    g_assert_cmpuint (mirror->last_added, ==, 1);
  }

  /* Many changed at once (a full read): updated first, then one span. */
  {
    g_autoptr(GPtrArray) many = g_ptr_array_new_with_free_func (g_object_unref);
    g_autoptr(GPtrArray) changed = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < 200; i++)
      {
        g_autofree char *id = g_strdup_printf ("m%03u", i);
        g_ptr_array_add (many, make_source (id, "ok", id));
        g_ptr_array_add (changed, make_source (id, "failed", id));
      }
    hc_item_store_upsert_many (store, many);
    mirror->signals = 0;
    hc_item_store_upsert_many (store, changed);
    mirror_assert_equal (mirror);
    g_assert_cmpuint (mirror->signals, ==, 1);
    g_assert_cmpuint (mirror->last_position, ==, 5);
    g_assert_cmpuint (mirror->last_added, ==, 200);
    g_assert_cmpint (hc_source_get_status (HC_SOURCE (hc_item_store_lookup (store, "m199"))), ==, HC_SOURCE_STATUS_FAILED);
  }

  mirror_free (mirror);
}

static void
test_n_items_property (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_RUN);
  g_autoptr(GPtrArray) runs = make_runs ("r", 0, 3);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  g_signal_connect (store, "notify", G_CALLBACK (count_notify), counts);
  hc_item_store_upsert_many (store, runs);
  g_object_get (store, "n-items", &n, NULL);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (counts, "n-items")), ==, 1);
  g_signal_handlers_disconnect_by_func (store, count_notify, counts);
}

/* A search filter's folded text kept on an item lasts until the item
 * changes, whether by an update from the hub or any other notified change. */
static void
test_search_key (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_SOURCE);
  g_autoptr(HcItem) kept = make_source ("s1", "ok", "Old name");
  g_autoptr(HcItem) newer = make_source ("s1", "ok", "New name");
  g_autoptr(HcItem) same = make_source ("s1", "ok", "New name");
  int owner, other;

  hc_item_store_upsert (store, kept);
  g_assert_null (hc_item_peek_search_key (kept, &owner));
  hc_item_take_search_key (kept, &owner, g_strdup ("old name"));
  g_assert_cmpstr (hc_item_peek_search_key (kept, &owner), ==, "old name");
  g_assert_null (hc_item_peek_search_key (kept, &other));

  hc_item_store_upsert (store, newer);
  g_assert_null (hc_item_peek_search_key (kept, &owner));

  hc_item_take_search_key (kept, &owner, g_strdup ("new name"));
  hc_item_store_upsert (store, same);
  g_assert_cmpstr (hc_item_peek_search_key (kept, &owner), ==, "new name");

  g_object_notify (G_OBJECT (kept), "status");
  g_assert_null (hc_item_peek_search_key (kept, &owner));
}

static HcItem *
feed (const char *status, gint64 lag, double rate, const char *kind)
{
  g_autofree char *json =
    g_strdup_printf ("{\"id\": \"f\", \"name\": \"Feed\", \"agency\": \"A\", \"kind\": \"%s\","
                     " \"status\": \"%s\", \"schedule\": \"0 * * * *\", \"last_success_at\": null,"
                     " \"lag_seconds\": %" G_GINT64_FORMAT ", \"records_per_second\": %g, \"last_run\": null}",
                     kind, status, lag, rate);

  return hc_test_parse (json, hc_parse_source);
}

/* What a list's sorter compares, read straight from the items. */
static void
test_compare_field (void)
{
  g_autoptr(HcItem) failed = feed ("failed", 7200, 0.5, "batch");
  g_autoptr(HcItem) lagging = feed ("lagging", 90000, 12.5, "stream");
  g_autoptr(HcItem) paused = feed ("paused", 0, 12.5, "batch");
  g_autoptr(HcItem) ok = feed ("ok", 30, 3, "batch");
  const HcItemField *rank = hc_item_find_field (HC_TYPE_SOURCE, "status-rank");
  const HcItemField *lag = hc_item_find_field (HC_TYPE_SOURCE, "lag-seconds");
  const HcItemField *rate = hc_item_find_field (HC_TYPE_SOURCE, "records-per-second");
  const HcItemField *kind = hc_item_find_field (HC_TYPE_SOURCE, "kind");

  g_assert_nonnull (rank);
  g_assert_nonnull (lag);
  g_assert_nonnull (rate);
  g_assert_nonnull (kind);
  /* Only what a number orders: not text, not a nested object, not a name unknown. */
  g_assert_null (hc_item_find_field (HC_TYPE_SOURCE, "name"));
  g_assert_null (hc_item_find_field (HC_TYPE_SOURCE, "last-run"));
  g_assert_null (hc_item_find_field (HC_TYPE_SOURCE, "no-such-property"));
  g_assert_null (hc_item_find_field (HC_TYPE_ITEM, "lag-seconds"));

  /* The worse the state, the higher. */
  g_assert_cmpint (hc_item_compare_field (rank, failed, lagging), >, 0);
  g_assert_cmpint (hc_item_compare_field (rank, lagging, paused), >, 0);
  g_assert_cmpint (hc_item_compare_field (rank, paused, ok), >, 0);
  g_assert_cmpint (hc_item_compare_field (rank, ok, failed), <, 0);
  g_assert_cmpint (hc_item_compare_field (rank, ok, ok), ==, 0);
  /* Integers and doubles. */
  g_assert_cmpint (hc_item_compare_field (lag, lagging, failed), >, 0);
  g_assert_cmpint (hc_item_compare_field (lag, paused, ok), <, 0);
  g_assert_cmpint (hc_item_compare_field (rate, failed, ok), <, 0);
  g_assert_cmpint (hc_item_compare_field (rate, lagging, paused), ==, 0);
  /* An enum by its value. */
  g_assert_cmpint (hc_item_compare_field (kind, lagging, ok),
                   ==, hc_source_get_kind (HC_SOURCE (lagging)) > hc_source_get_kind (HC_SOURCE (ok)) ? 1 : -1);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/item-store/fill", test_fill);
  g_test_add_func ("/item-store/upsert-in-place", test_upsert_in_place);
  g_test_add_func ("/item-store/upsert-many-duplicates", test_upsert_many_duplicates);
  g_test_add_func ("/item-store/replace-all", test_replace_all);
  g_test_add_func ("/item-store/replace-all-scattered", test_replace_all_scattered);
  g_test_add_func ("/item-store/replace-all-100k", test_replace_all_100k);
  g_test_add_func ("/item-store/announce-updates", test_announce_updates);
  g_test_add_func ("/item-store/n-items-property", test_n_items_property);
  g_test_add_func ("/item-store/search-key", test_search_key);
  g_test_add_func ("/item-store/compare-field", test_compare_field);

  return g_test_run ();
}
