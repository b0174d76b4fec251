/* SPDX-License-Identifier: GPL-3.0-or-later */
/* HcRowSlots: a change that keeps the count re-points the slots in place
 * and tells the view nothing; small changes, and those that about keep
 * the count, pass through (rows that moved keep their slots); one that
 * changes the count
 * by more keeps the slots in place, points them at their new rows and
 * announces only the count; a list that grows past a few dozen rows from
 * below 200 grows by steps, one a main-loop turn. */
#include "config.h"

#include "hc-row-slots.h"
#include "hc-test-changes.h"

static void
on_notify_item (GObject *slot, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

static GListStore *
store_of (guint n, GPtrArray *rows)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) row = g_object_new (G_TYPE_OBJECT, NULL);

      g_list_store_append (store, row);
      if (rows != NULL)
        g_ptr_array_add (rows, g_object_ref (row));
    }
  return store;
}

/* Every slot's item is the row at its place below. */
static void
assert_in_step (HcRowSlots *slots)
{
  GListModel *below = hc_row_slots_get_model (slots);
  guint n = g_list_model_get_n_items (below);

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);
      g_autoptr(GObject) row = g_list_model_get_item (below, i);

      g_assert_true (hc_row_slot_get_item (slot) == row);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (slots), n));
}

static gboolean
grown_fully (HcRowSlots *slots)
{
  return g_list_model_get_n_items (G_LIST_MODEL (slots)) == g_list_model_get_n_items (hc_row_slots_get_model (slots));
}

/* Main-loop turns until the slots show every row; how many it took. */
static guint
grow_fully (HcRowSlots *slots)
{
  guint turns = 0;

  while (!grown_fully (slots))
    {
      g_assert_cmpuint (turns, <, 100);
      g_main_context_iteration (NULL, FALSE);
      turns++;
    }
  return turns;
}

static void
test_row_slots_small_change_passes_through (void)
{
  g_autoptr(GListStore) store = store_of (100, NULL);
  g_autoptr(HcRowSlots) slots = hc_row_slots_new (g_object_ref (G_LIST_MODEL (store)));
  g_autoptr(HcRowSlot) tenth = NULL;
  g_autoptr(GObject) tenth_row = NULL;
  g_autoptr(GObject) fresh = g_object_new (G_TYPE_OBJECT, NULL);
  Changes changes = { 0 };

  grow_fully (slots);
  tenth = g_list_model_get_item (G_LIST_MODEL (slots), 10);
  tenth_row = g_object_ref (hc_row_slot_get_item (tenth));

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (slots)) == HC_TYPE_ROW_SLOT);
  g_signal_connect (slots, "items-changed", G_CALLBACK (on_items_changed), &changes);
  g_list_store_insert (store, 0, fresh);

  /* As it came: the view keeps its place and the row widgets it has. */
  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  g_assert_true (hc_row_slot_get_item (tenth) == tenth_row);
  {
    g_autoptr(HcRowSlot) moved = g_list_model_get_item (G_LIST_MODEL (slots), 11);
    g_assert_true (moved == tenth);
  }
  assert_in_step (slots);

  g_list_store_remove (store, 0);
  g_assert_cmpuint (changes.n_signals, ==, 2);
  g_assert_cmpuint (changes.removed, ==, 1);
  assert_in_step (slots);
  {
    g_autoptr(HcRowSlot) back = g_list_model_get_item (G_LIST_MODEL (slots), 10);
    g_assert_true (back == tenth);
  }
}

static void
test_row_slots_large_change_repoints (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) store = store_of (1000, rows);
  g_autoptr(HcRowSlots) slots = hc_row_slots_new (g_object_ref (G_LIST_MODEL (store)));
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  Changes changes = { 0 };
  guint notified = 0;
  guint base;

  grow_fully (slots);
  for (guint i = 0; i < 5; i++)
    {
      HcRowSlot *slot = g_list_model_get_item (G_LIST_MODEL (slots), i);

      g_signal_connect (slot, "notify::item", G_CALLBACK (on_notify_item), &notified);
      g_ptr_array_add (held, slot);
    }
  g_signal_connect (slots, "items-changed", G_CALLBACK (on_items_changed), &changes);

  /* A search: 1,000 rows become the 100 from the middle. */
  g_list_store_splice (store, 0, 1000, rows->pdata + 450, 100);

  g_assert_cmpuint (changes.n_signals, ==, 1);
  g_assert_cmpuint (changes.position, ==, 100);
  g_assert_cmpuint (changes.removed, ==, 900);
  g_assert_cmpuint (changes.added, ==, 0);
  /* The same slots, each at its place, now with the row there. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(HcRowSlot) slot = g_list_model_get_item (G_LIST_MODEL (slots), i);

      g_assert_true (slot == g_ptr_array_index (held, i));
      g_assert_true (hc_row_slot_get_item (slot) == g_ptr_array_index (rows, 450 + i));
    }
  g_assert_cmpuint (notified, ==, 5);
  assert_in_step (slots);

  /* Back to all of them: only the count grows (by steps, from below
   * 200), the first rows return at once. */
  g_list_store_splice (store, 0, 100, rows->pdata, 1000);
  g_assert_cmpuint (changes.n_signals, ==, 2);
  g_assert_cmpuint (changes.position, ==, 100);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, HC_ROW_SLOTS_STEP);
  g_assert_true (hc_row_slot_get_item (g_ptr_array_index (held, 0)) == g_ptr_array_index (rows, 0));
  g_assert_cmpuint (notified, ==, 10);
  grow_fully (slots);
  assert_in_step (slots);
  base = changes.n_signals;

  /* The same count (rows changed in place, or re-sorted: a row that moved
   * is a change of every place it passed): the slots stay where they are
   * and take the rows now at their places; the view is told nothing, so
   * it moves no row widget. */
  notified = 0;
  g_list_store_splice (store, 0, 40, rows->pdata + 500, 40);
  g_assert_cmpuint (changes.n_signals, ==, base);
  g_assert_cmpuint (notified, ==, 5);
  {
    g_autoptr(HcRowSlot) third = g_list_model_get_item (G_LIST_MODEL (slots), 3);
    g_assert_true (third == g_ptr_array_index (held, 3));
    g_assert_true (hc_row_slot_get_item (third) == g_ptr_array_index (rows, 503));
  }
  assert_in_step (slots);

  /* Rows re-sorted: the first five go to the end of the first 40, in
   * reverse. Each place keeps its slot, now with the row there. */
  {
    gpointer order[40];
    g_autoptr(GPtrArray) before = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < 40; i++)
      {
        order[i] = g_list_model_get_item (G_LIST_MODEL (store), i < 35 ? i + 5 : 39 - i);
        g_ptr_array_add (before, g_list_model_get_item (G_LIST_MODEL (slots), i));
      }
    g_list_store_splice (store, 0, 40, order, 40);
    for (guint i = 0; i < 40; i++)
      {
        g_autoptr(HcRowSlot) now = g_list_model_get_item (G_LIST_MODEL (slots), i);

        g_assert_true (now == g_ptr_array_index (before, i));
        g_assert_true (hc_row_slot_get_item (now) == order[i]);
        g_object_unref (order[i]);
      }
    g_assert_cmpuint (changes.n_signals, ==, base);
    g_assert_cmpuint (notified, ==, 10);
    assert_in_step (slots);
  }

  /* 600 rows changed, the count by 10: as it is too. */
  notified = 0;
  g_list_store_splice (store, 100, 600, rows->pdata + 300, 590);
  g_assert_cmpuint (changes.n_signals, ==, base + 1);
  g_assert_cmpuint (changes.removed, ==, 600);
  g_assert_cmpuint (changes.added, ==, 590);
  g_assert_cmpuint (notified, ==, 0);
  assert_in_step (slots);
}

/* Many small changes at both ends and in the middle: every slot stays in
 * step with its row (the places array shifts as the rows do). */
static void
test_row_slots_shifts (void)
{
  g_autoptr(GListStore) store = store_of (300, NULL);
  g_autoptr(HcRowSlots) slots = hc_row_slots_new (g_object_ref (G_LIST_MODEL (store)));
  g_autoptr(GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);

  grow_fully (slots);
  for (guint i = 0; i < 300; i += 7)
    g_ptr_array_add (held, g_list_model_get_item (G_LIST_MODEL (slots), i));
  for (guint round = 0; round < 50; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
      guint at = (round * 37) % n;
      g_autoptr(GObject) fresh = g_object_new (G_TYPE_OBJECT, NULL);
      GObject *some[3] = { fresh, fresh, fresh };

      if (round % 3 == 0)
        g_list_store_splice (store, at, MIN (5, n - at), NULL, 0);
      else if (round % 3 == 1)
        g_list_store_splice (store, at, 0, (gpointer *) some, 3);
      else
        g_list_store_splice (store, at, MIN (2, n - at), (gpointer *) some, 1);
      /* Held slots too: each is at the place whose row it has. */
      assert_in_step (slots);
    }
}

static void
test_row_slots_out_of_the_list (void)
{
  g_autoptr(GListStore) store = store_of (200, NULL);
  g_autoptr(HcRowSlots) slots = hc_row_slots_new (g_object_ref (G_LIST_MODEL (store)));
  g_autoptr(HcRowSlot) last = NULL;
  g_autoptr(GObject) last_row = NULL;

  grow_fully (slots);
  last = g_list_model_get_item (G_LIST_MODEL (slots), 199);
  last_row = g_object_ref (hc_row_slot_get_item (last));

  /* Emptied: a slot still held keeps its last row, and is no longer listed. */
  g_list_store_remove_all (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 0);
  g_assert_true (hc_row_slot_get_item (last) == last_row);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (slots), 0));

  /* Unwrapping: a slot gives its row; anything else is itself. */
  g_assert_true (hc_row_slot_unwrap (last) == last_row);
  g_assert_true (hc_row_slot_unwrap (last_row) == last_row);
  g_assert_null (hc_row_slot_unwrap (NULL));

  /* The list freed before a slot it made: the slot outlives it safely. */
  g_clear_object (&slots);
  g_assert_true (hc_row_slot_get_item (last) == last_row);
}

static void
on_growth (GListModel *model, guint position, guint removed, guint added, guint *largest)
{
  if (position < 200)
    *largest = MAX (*largest, added);
}

/* From empty to 1,000 rows: a step at once, then a step a main-loop
 * turn up to 200 (the rows GTK 4.8 makes widgets for), then
 * the rest; a change meanwhile re-points the slots and growth goes on to
 * the new count. */
static void
test_row_slots_grow_by_steps (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) rows_made = store_of (1000, rows); /* the rows, to splice in */
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(HcRowSlots) slots = hc_row_slots_new (g_object_ref (G_LIST_MODEL (store)));
  g_autoptr(HcRowSlot) first = NULL;
  guint largest = 0;
  guint turns;

  g_signal_connect (slots, "items-changed", G_CALLBACK (on_growth), &largest);
  g_list_store_splice (store, 0, 0, rows->pdata, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, HC_ROW_SLOTS_STEP);
  first = g_list_model_get_item (G_LIST_MODEL (slots), 0);
  g_assert_true (hc_row_slot_get_item (first) == g_ptr_array_index (rows, 0));

  /* Two turns, then 500 rows go from the front: the same slot, now the
   * row at its place. */
  g_main_context_iteration (NULL, FALSE);
  g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, 3 * HC_ROW_SLOTS_STEP);
  g_list_store_splice (store, 0, 500, NULL, 0);
  g_assert_true (hc_row_slot_get_item (first) == g_ptr_array_index (rows, 500));

  turns = grow_fully (slots);
  g_assert_cmpuint (turns, >=, 5);
  g_assert_cmpuint (largest, <=, HC_ROW_SLOTS_STEP);
  assert_in_step (slots);

  /* Freed while growing: nothing runs after. */
  g_list_store_remove_all (store);
  g_list_store_splice (store, 0, 0, rows->pdata, 1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (slots)), ==, HC_ROW_SLOTS_STEP);
  g_clear_object (&slots);
  for (guint i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  (void) rows_made;
}

static guint
n_slots (HcRowSlots *slots)
{
  return g_list_model_get_n_items (G_LIST_MODEL (slots));
}

/* Turns of the main loop for @ms, as a window between frames. */
static void
spin_ms (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* Paced, a step waits for a frame (up to 100 ms), so a frame lays out
 * one step's rows, not all 200 made between two frames. */
static void
test_row_slots_paced (void)
{
  g_autoptr(GListStore) store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(HcRowSlots) slots = hc_row_slots_new (g_object_ref (G_LIST_MODEL (store)));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) rows_made = store_of (1000, rows);
  guint largest = 0;

  hc_row_slots_set_paced (slots, TRUE);
  g_signal_connect (slots, "items-changed", G_CALLBACK (on_growth), &largest);
  g_list_store_splice (store, 0, 0, rows->pdata, 1000);
  /* The first step at once; the next not before a frame. */
  g_assert_cmpuint (n_slots (slots), ==, HC_ROW_SLOTS_STEP);
  spin_ms (20);
  g_assert_cmpuint (n_slots (slots), ==, HC_ROW_SLOTS_STEP);
  hc_row_slots_frame_done (slots);
  spin_ms (5);
  g_assert_cmpuint (n_slots (slots), ==, 2 * HC_ROW_SLOTS_STEP);
  /* One step a frame, however many frames are told at once. */
  hc_row_slots_frame_done (slots);
  hc_row_slots_frame_done (slots);
  spin_ms (5);
  g_assert_cmpuint (n_slots (slots), ==, 3 * HC_ROW_SLOTS_STEP);
  /* No frame (a window hidden): a step every 100 ms still. */
  spin_ms (130);
  g_assert_cmpuint (n_slots (slots), >=, 4 * HC_ROW_SLOTS_STEP);
  /* Unpaced: a step a turn, to the end. */
  hc_row_slots_set_paced (slots, FALSE);
  grow_fully (slots);
  g_assert_cmpuint (largest, <=, HC_ROW_SLOTS_STEP);
  assert_in_step (slots);
  (void) rows_made;
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/row-slots/small-change-passes-through", test_row_slots_small_change_passes_through);
  g_test_add_func ("/row-slots/large-change-repoints", test_row_slots_large_change_repoints);
  g_test_add_func ("/row-slots/out-of-the-list", test_row_slots_out_of_the_list);
  g_test_add_func ("/row-slots/shifts", test_row_slots_shifts);
  g_test_add_func ("/row-slots/grow-by-steps", test_row_slots_grow_by_steps);
  g_test_add_func ("/row-slots/paced", test_row_slots_paced);
  return g_test_run ();
}
