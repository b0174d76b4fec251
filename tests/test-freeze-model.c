/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcFreezeModel: passes its model through; frozen, it holds the rows and
 * counts what waits; thawed, it applies all of it in one items-changed. */
#include "config.h"

#include "hc-freeze-model.h"
#include "hc-test-changes.h"

static GMenu *
menu_item (const char *label)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, label, NULL);
  return menu;
}

static char *
label_at (GListModel *model, guint position)
{
  g_autoptr(GMenuModel) item = g_list_model_get_item (model, position);
  char *label = NULL;

  g_assert_nonnull (item);
  g_menu_model_get_item_attribute (item, 0, G_MENU_ATTRIBUTE_LABEL, "s", &label);
  return label;
}

static void
test_freeze_model_holds_and_applies (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_MENU_MODEL);
  g_autoptr(HcFreezeModel) freeze = NULL;
  Changes changes = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *label = g_strdup_printf ("row %u", i);
      g_autoptr(GMenu) menu = menu_item (label);
      g_list_store_append (store, menu);
    }
  freeze = hc_freeze_model_new (G_LIST_MODEL (store));
  g_signal_connect (freeze, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (freeze)), ==, 3);

  /* Not frozen: a change passes at once. */
  {
    g_autoptr(GMenu) menu = menu_item ("row 3");
    g_list_store_append (store, menu);
  }
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (freeze)), ==, 4);

  /* Frozen: rows stay; removals and insertions are counted, not shown. */
  hc_freeze_model_set_frozen (freeze, TRUE);
  g_assert_true (hc_freeze_model_get_frozen (freeze));
  g_list_store_remove (store, 0);
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(GMenu) menu = menu_item ("new");
      g_list_store_insert (store, 0, menu);
    }
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (freeze)), ==, 4);
  first = label_at (G_LIST_MODEL (freeze), 0);
  g_assert_cmpstr (first, ==, "row 0");
  g_assert_cmpuint (hc_freeze_model_get_n_waiting (freeze), ==, 6);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (freeze), 4));

  /* Thawed: one step, to the model as it is now. */
  hc_freeze_model_set_frozen (freeze, FALSE);
  g_assert_cmpuint (changes.n_signals, ==, 2);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 4);
  g_assert_cmpuint (changes.added, ==, 8);
  g_assert_cmpuint (hc_freeze_model_get_n_waiting (freeze), ==, 0);
  after = label_at (G_LIST_MODEL (freeze), 0);
  g_assert_cmpstr (after, ==, "new");

  /* Frozen and thawed with nothing in between: nothing announced. */
  hc_freeze_model_set_frozen (freeze, TRUE);
  hc_freeze_model_set_frozen (freeze, FALSE);
  g_assert_cmpuint (changes.n_signals, ==, 2);
}

static void
test_freeze_model_new_model (void)
{
  g_autoptr(GListStore) one = g_list_store_new (G_TYPE_MENU_MODEL);
  g_autoptr(GListStore) two = g_list_store_new (G_TYPE_MENU_MODEL);
  g_autoptr(HcFreezeModel) freeze = hc_freeze_model_new (G_LIST_MODEL (one));
  g_autoptr(GMenu) menu = menu_item ("other hub");

  g_list_store_append (two, menu);
  hc_freeze_model_set_frozen (freeze, TRUE);
  /* Another hub's list shows at once: a frozen view of the wrong list would mislead. */
  hc_freeze_model_set_model (freeze, G_LIST_MODEL (two));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (freeze)), ==, 1);
  g_assert_true (hc_freeze_model_get_frozen (freeze));
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/freeze-model/holds-and-applies", test_freeze_model_holds_and_applies);
  g_test_add_func ("/freeze-model/new-model", test_freeze_model_new_model);
  return g_test_run ();
}
