/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The shared list, on the security page in a real window: columns, sort
 * and filters kept across a restart (a new window on the same settings)
 * and reset; live updates paused (rows held in place, changes counted,
 * the selected row's detail still updating) and applied in one step. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "hc-item-store.h"
#include "hc-list-pane-private.h"
#include "hc-parser.h"
#include "hc-row-slots.h"
#include "hc-security-page.h"
#include "hc-test-ui.h"

static void
screenshot (GtkWindow *window, const char *what)
{
  g_autofree char *name = g_strdup_printf ("list-pane-%s-%s.png", what,
                                           g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C");
  hc_test_screenshot (GTK_WIDGET (window), name);
}

/* Column titles as the window shows them, in the test's language. */
#define T(title) g_dgettext (GETTEXT_PACKAGE, title)

static HcItem *
alert (const char *id, const char *severity, const char *title, const char *state, const char *detected_at)
{
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"%s\",\"severity\":\"%s\",\"category\":\"intrusion\",\"title\":\"%s\","
    "\"description\":\"\",\"asset\":\"db-01\",\"source_ip\":null,\"detected_at\":\"%s\","
    "\"state\":\"%s\",\"acknowledged_by\":%s,\"acknowledged_at\":%s,\"resolved_by\":null,"
    "\"resolved_at\":null,\"resolution\":null,\"events_count\":1}",
    id, severity, title, detected_at, state,
    g_str_equal (state, "open") ? "null" : "\"tran.thi.b\"",
    g_str_equal (state, "open") ? "null" : "\"2026-11-27T08:00:00Z\"");
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  HcItem *item;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  item = hc_parse_alert (node, &error);
  g_assert_no_error (error);
  return item;
}

static HcItemStore *
make_store (void)
{
  HcItemStore *store = hc_item_store_new (HC_TYPE_ALERT);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (items, alert ("a-1", "critical", "Beta intrusion", "open", "2026-11-27T07:10:00Z"));
  g_ptr_array_add (items, alert ("a-2", "high", "Alpha brute force", "open", "2026-11-27T06:00:00Z"));
  g_ptr_array_add (items, alert ("a-3", "medium", "Delta download", "open", "2026-11-26T23:40:00Z"));
  g_ptr_array_add (items, alert ("a-4", "low", "Gamma config", "open", "2026-11-25T09:15:00Z"));
  hc_item_store_upsert_many (store, items);
  return store;
}

static HcSecurityPage *
open_page (GtkWindow **window, HcItemStore *store)
{
  HcSecurityPage *page = HC_SECURITY_PAGE (hc_security_page_new ());

  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1200, 600);
  hc_security_page_set_alerts (page, G_LIST_MODEL (store));
  gtk_window_set_child (*window, GTK_WIDGET (page));
  gtk_window_present (*window);
  hc_test_wait_mapped (GTK_WIDGET (page));
  hc_test_settle (200);
  return page;
}

static GtkColumnViewColumn *
column_titled (GtkColumnView *view, const char *title, guint *position)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (gtk_column_view_column_get_title (column), title) == 0)
        {
          if (position != NULL)
            *position = i;
          return column; /* the view keeps it */
        }
    }
  g_assert_not_reached ();
}

static const char *
visible_title (HcListPane *pane, guint i)
{
  g_autoptr(HcAlert) shown = g_list_model_get_item (hc_list_pane_get_visible_model (pane), i);

  g_assert_nonnull (shown);
  return hc_alert_get_title (shown); /* the store keeps it */
}

static void
test_list_pane_remembers (void)
{
  g_autoptr(HcItemStore) store = make_store ();
  GtkWindow *window;
  HcSecurityPage *page = open_page (&window, store);
  HcListPane *pane = hc_security_page_get_pane (page);
  GtkColumnView *view = hc_list_pane_get_view (pane);
  guint position;

  /* As designed: most severe first, Severity first, Asset shown. */
  g_assert_cmpstr (visible_title (pane, 0), ==, "Beta intrusion");
  column_titled (view, T ("Severity"), &position);
  g_assert_cmpuint (position, ==, 0);

  /* The operator's changes: wider Title, Asset hidden, Severity moved last,
   * sorted by title from Z to A, every state shown. */
  gtk_column_view_column_set_fixed_width (column_titled (view, T ("Title"), NULL), 345);
  gtk_column_view_column_set_visible (column_titled (view, T ("Asset"), NULL), FALSE);
  gtk_column_view_insert_column (view, 6, column_titled (view, T ("Severity"), NULL));
  gtk_column_view_sort_by_column (view, column_titled (view, T ("Title"), NULL), GTK_SORT_DESCENDING);
  hc_security_page_set_state_filter (page, "all");
  hc_test_settle (700);
  g_assert_cmpstr (visible_title (pane, 0), ==, "Gamma config");
  screenshot (window, "changed");
  hc_test_destroy_window (window);

  /* A restart: a new page on the same settings finds it all as left. */
  page = open_page (&window, store);
  pane = hc_security_page_get_pane (page);
  view = hc_list_pane_get_view (pane);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (view, T ("Title"), NULL)), ==, 345);
  g_assert_false (gtk_column_view_column_get_visible (column_titled (view, T ("Asset"), NULL)));
  column_titled (view, T ("Severity"), &position);
  g_assert_cmpuint (position, ==, 6);
  column_titled (view, T ("Title"), &position);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpstr (visible_title (pane, 0), ==, "Gamma config");
  g_assert_cmpstr (visible_title (pane, 3), ==, "Alpha brute force");
  {
    g_autofree char *state = NULL;
    g_object_get (page, "state-filter", &state, NULL);
    g_assert_cmpstr (state, ==, "all");
  }
  screenshot (window, "restored");

  /* Reset Columns: the page's own design again, and so after the next restart. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "pane.reset-columns", NULL));
  hc_test_settle (100);
  column_titled (view, T ("Severity"), &position);
  g_assert_cmpuint (position, ==, 0);
  g_assert_true (gtk_column_view_column_get_visible (column_titled (view, T ("Asset"), NULL)));
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (view, T ("Title"), NULL)), ==, 260);
  g_assert_cmpstr (visible_title (pane, 0), ==, "Beta intrusion");
  hc_test_destroy_window (window);

  page = open_page (&window, store);
  pane = hc_security_page_get_pane (page);
  view = hc_list_pane_get_view (pane);
  column_titled (view, T ("Severity"), &position);
  g_assert_cmpuint (position, ==, 0);
  g_assert_cmpint (gtk_column_view_column_get_fixed_width (column_titled (view, T ("Title"), NULL)), ==, 260);
  g_assert_cmpstr (visible_title (pane, 0), ==, "Beta intrusion");
  /* The sort the operator picks by clicking a header is read back too. */
  gtk_column_view_sort_by_column (view, column_titled (view, T ("Detected"), NULL), GTK_SORT_ASCENDING);
  hc_test_settle (700);
  hc_test_destroy_window (window);
  page = open_page (&window, store);
  pane = hc_security_page_get_pane (page);
  g_assert_cmpstr (visible_title (pane, 0), ==, "Gamma config");
  /* Back to the page's own, for the tests after this one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "pane.reset-columns", NULL));
  hc_security_page_set_state_filter (page, "not-resolved");
  hc_test_destroy_window (window);
}

static void
test_list_pane_pause (void)
{
  g_autoptr(HcItemStore) store = make_store ();
  GtkWindow *window;
  HcSecurityPage *page = open_page (&window, store);
  HcListPane *pane = hc_security_page_get_pane (page);
  GListModel *visible = hc_list_pane_get_visible_model (pane);
  HcAlert *selected;

  g_assert_null (hc_list_pane_get_waiting_text (pane));
  {
    g_autoptr(HcAlert) third = g_list_model_get_item (visible, 2); /* a-3, medium */
    hc_list_pane_select_item (pane, third);
  }
  selected = hc_list_pane_get_selected_item (pane);
  g_assert_cmpstr (hc_item_get_id (HC_ITEM (selected)), ==, "a-3");

  /* Paused: new and changed alerts wait, the rows stay where they are. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "pane.paused", NULL));
  g_assert_true (hc_list_pane_get_paused (pane));
  {
    g_autoptr(HcItem) fresh = alert ("a-5", "critical", "Epsilon exfiltration", "open", "2026-11-27T09:00:00Z");
    g_autoptr(HcItem) worse = alert ("a-3", "critical", "Delta download", "acknowledged", "2026-11-26T23:40:00Z");
    hc_item_store_upsert (store, fresh);
    hc_item_store_upsert (store, worse);
  }
  hc_test_settle (100);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 4);
  g_assert_cmpstr (visible_title (pane, 0), ==, "Beta intrusion");
  g_assert_cmpstr (visible_title (pane, 2), ==, "Delta download");
  g_assert_true (hc_list_pane_get_selected_item (pane) == selected);
  g_assert_cmpuint (hc_list_pane_get_n_waiting (pane), ==, 2);
  {
    g_autofree char *expected = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s change waiting", "%s changes waiting", 2), "2");
    g_assert_cmpstr (hc_list_pane_get_waiting_text (pane), ==, expected);
  }
  /* The detail of the selected row keeps up meanwhile. */
  {
    g_autofree char *who = hc_test_find_text (GTK_WIDGET (hc_security_page_get_detail (page)), "tran.thi.b");
    g_assert_nonnull (who);
  }
  screenshot (window, "paused");

  /* Resumed: everything at once, the new critical alert in its place,
   * the row being read still selected. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "pane.paused", NULL));
  hc_test_settle (100);
  g_assert_false (hc_list_pane_get_paused (pane));
  g_assert_null (hc_list_pane_get_waiting_text (pane));
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 5);
  g_assert_true (hc_list_pane_get_selected_item (pane) == selected);
  {
    gboolean seen_new = FALSE;
    for (guint i = 0; i < 3; i++)
      seen_new |= g_str_equal (visible_title (pane, i), "Epsilon exfiltration");
    g_assert_true (seen_new);
  }
  hc_test_destroy_window (window);
}

/* A pane never shown makes no rows: its view gets the model when the pane
 * is first mapped and keeps it while switched back and forth, gives it up
 * when hidden a while. Its counts, order and selection work all along. */
static void
test_list_pane_rows_once_seen (void)
{
  g_autoptr(HcItemStore) store = make_store ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkStack *stack = GTK_STACK (gtk_stack_new ());
  HcSecurityPage *page = HC_SECURITY_PAGE (hc_security_page_new ());
  HcListPane *pane = hc_security_page_get_pane (page);
  GtkColumnView *view = hc_list_pane_get_view (pane);
  GtkSelectionModel *model;

  gtk_window_set_default_size (window, 1200, 600);
  gtk_stack_add_named (stack, gtk_label_new ("elsewhere"), "elsewhere");
  gtk_stack_add_named (stack, GTK_WIDGET (page), "page");
  gtk_stack_set_visible_child_name (stack, "elsewhere");
  gtk_window_set_child (window, GTK_WIDGET (stack));
  hc_security_page_set_alerts (page, G_LIST_MODEL (store));
  gtk_window_present (window);
  hc_test_wait_mapped (GTK_WIDGET (stack));
  hc_test_settle (100);

  /* Hidden: no rows, but the list is there, sorted, and selectable. */
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pane)));
  g_assert_null (gtk_column_view_get_model (view));
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_pane_get_visible_model (pane)), ==, 4);
  g_assert_cmpstr (visible_title (pane, 0), ==, "Beta intrusion");
  {
    g_autoptr(HcAlert) third = g_list_model_get_item (hc_list_pane_get_visible_model (pane), 2);
    hc_list_pane_select_item (pane, third);
  }
  g_assert_cmpstr (hc_item_get_id (HC_ITEM (hc_list_pane_get_selected_item (pane))), ==, "a-3");

  /* Shown: the rows, with the selection kept. */
  gtk_stack_set_visible_child_name (stack, "page");
  hc_test_wait_mapped (GTK_WIDGET (pane));
  hc_test_settle (200);
  model = gtk_column_view_get_model (view);
  g_assert_nonnull (model);
  g_assert_true (gtk_selection_model_is_selected (model, 2));
  {
    g_autofree char *row = hc_test_find_text (GTK_WIDGET (view), "Delta download");
    g_assert_nonnull (row);
  }

  /* Hidden and shown again: the same model, nothing made anew. */
  gtk_stack_set_visible_child_name (stack, "elsewhere");
  hc_test_settle (50);
  g_assert_true (gtk_column_view_get_model (view) == model);
  gtk_stack_set_visible_child_name (stack, "page");
  hc_test_settle (50);
  g_assert_true (gtk_column_view_get_model (view) == model);

  /* Hidden a while (a minute; here a tenth of a second): the rows go.
   * Shown again: made anew, the row selected still selected. */
  hc_list_pane_lazy_set_release_after (pane, 100);
  gtk_stack_set_visible_child_name (stack, "elsewhere");
  hc_test_settle (400);
  g_assert_null (gtk_column_view_get_model (view));
  {
    g_autofree char *row = hc_test_find_text_now (GTK_WIDGET (view), "Delta download");
    g_assert_null (row);
  }
  g_assert_cmpstr (hc_item_get_id (HC_ITEM (hc_list_pane_get_selected_item (pane))), ==, "a-3");
  gtk_stack_set_visible_child_name (stack, "page");
  hc_test_wait_mapped (GTK_WIDGET (pane));
  hc_test_settle (200);
  g_assert_true (gtk_column_view_get_model (view) == model);
  g_assert_true (gtk_selection_model_is_selected (model, 2));
  {
    g_autofree char *row = hc_test_find_text (GTK_WIDGET (view), "Delta download");
    g_assert_nonnull (row);
  }
  /* Shown again before the time is up: nothing goes. */
  gtk_stack_set_visible_child_name (stack, "elsewhere");
  hc_test_settle (20);
  gtk_stack_set_visible_child_name (stack, "page");
  hc_test_settle (300);
  g_assert_true (gtk_column_view_get_model (view) == model);
  hc_test_destroy_window (window);
}

static void
on_selected_notify (HcListPane *pane, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* 200 alerts: a search changes more rows than pass through, so the rows
 * stay in place (HcRowSlot) and take their new alerts; the alert selected
 * stays selected wherever it goes, and the selection ends when it goes. */
/* The row slots show every row (a list grows by steps, a frame each:
 * slow under a sanitizer). */
static gboolean
rows_grown (gpointer data)
{
  HcListPane *pane = data;
  GtkSelectionModel *rows = gtk_column_view_get_model (hc_list_pane_get_view (pane));

  return g_list_model_get_n_items (G_LIST_MODEL (rows)) ==
         g_list_model_get_n_items (hc_list_pane_get_visible_model (pane));
}

static void
test_list_pane_rows_in_place (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_ALERT);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWindow *window;
  HcSecurityPage *page;
  HcListPane *pane;
  GtkSelectionModel *rows;
  g_autoptr(GObject) first_slot = NULL;
  HcAlert *selected;
  guint notified = 0;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = g_strdup_printf ("a-%03u", i);
      g_autofree char *title = g_strdup_printf ("%s alert %03u", i % 2 ? "Odd" : "Even", i);
      g_autofree char *when = g_strdup_printf ("2026-11-27T%02u:%02u:00Z", i / 60, i % 60);

      g_ptr_array_add (items, alert (id, "high", title, "open", when));
    }
  hc_item_store_upsert_many (store, items);
  page = open_page (&window, store);
  pane = hc_security_page_get_pane (page);
  rows = gtk_column_view_get_model (hc_list_pane_get_view (pane));
  g_assert_true (HC_IS_ROW_SLOTS (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (rows))));
  hc_test_spin_until (rows_grown, pane, 30);
  first_slot = g_list_model_get_item (G_LIST_MODEL (rows), 0);
  {
    g_autoptr(HcAlert) tenth = g_list_model_get_item (hc_list_pane_get_visible_model (pane), 10);
    hc_list_pane_select_item (pane, tenth);
  }
  selected = hc_list_pane_get_selected_item (pane);
  g_assert_nonnull (selected);
  g_signal_connect (pane, "notify::selected-item", G_CALLBACK (on_selected_notify), &notified);

  /* Half the rows go: the same first row, now with the first match. */
  hc_list_pane_set_search_text (pane, hc_alert_get_title (selected)[0] == 'O' ? "Odd" : "Even");
  hc_test_settle (100);
  hc_test_spin_until (rows_grown, pane, 30);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (rows)), ==, 100);
  {
    g_autoptr(GObject) slot = g_list_model_get_item (G_LIST_MODEL (rows), 0);
    g_autoptr(HcAlert) shown = g_list_model_get_item (hc_list_pane_get_visible_model (pane), 0);
    g_assert_true (slot == first_slot);
    g_assert_true (hc_row_slot_get_item (HC_ROW_SLOT (slot)) == (gpointer) shown);
  }
  g_assert_true (hc_list_pane_get_selected_item (pane) == selected);
  g_assert_cmpuint (notified, ==, 0);
  {
    g_autoptr(GObject) slot = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows)) ?
      g_object_ref (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows))) : NULL;
    g_assert_nonnull (slot);
    g_assert_true (hc_row_slot_get_item (HC_ROW_SLOT (slot)) == (gpointer) selected);
  }
  {
    g_autofree char *row = hc_test_find_text (GTK_WIDGET (hc_list_pane_get_view (pane)), hc_alert_get_title (selected));
    g_assert_nonnull (row);
  }

  /* A change that moves the row selected (it becomes critical and sorts
   * first) re-points the rows in place; the selection follows it. */
  {
    g_autoptr(HcItem) worse = alert (hc_item_get_id (HC_ITEM (selected)), "critical",
                                     hc_alert_get_title (selected), "open", "2026-11-27T00:10:00Z");
    hc_item_store_upsert (store, worse);
  }
  hc_test_settle (100);
  g_assert_true (hc_list_pane_get_selected_item (pane) == selected);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows)), ==, 0);

  /* Searched away: the selection ends, and the pane says so. */
  hc_list_pane_set_search_text (pane, hc_alert_get_title (selected)[0] == 'O' ? "Even" : "Odd");
  hc_test_settle (100);
  g_assert_null (hc_list_pane_get_selected_item (pane));
  g_assert_cmpuint (notified, >=, 1);
  screenshot (window, "rows-in-place");
  hc_test_destroy_window (window);
}

static guint n_searched;

static char *
counted_title (HcAlert *alert, gpointer user_data)
{
  n_searched++;
  return g_strdup (hc_alert_get_title (alert));
}

static void
on_rows_changed (GListModel *model, guint position, guint removed, guint added, guint *count)
{
  (*count)++;
}

/* A search set from code (as the bench types) filters the list once, not
 * first for nothing (an entry's text is emptied first) and then for the
 * text; and the search never looks at the rows the page's filter leaves
 * out (resolved alerts are most of a real hub's). */
static void
test_list_pane_search_once (void)
{
  g_autoptr(HcItemStore) store = make_store ();
  GtkWindow *window;
  HcSecurityPage *page;
  HcListPane *pane;
  GListModel *visible;
  GtkExpression *search;
  guint changes = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("r-%02u", i);
      g_autoptr(HcItem) done = alert (id, "low", "Beta resolved", "resolved", "2026-11-20T07:10:00Z");
      hc_item_store_upsert (store, done);
    }
  page = open_page (&window, store);
  pane = hc_security_page_get_pane (page);
  visible = hc_list_pane_get_visible_model (pane);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 4); /* not resolved: the page's default */

  search = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL, G_CALLBACK (counted_title), NULL, NULL);
  hc_list_pane_set_search_expression (pane, search);
  gtk_expression_unref (search);
  n_searched = 0;
  g_signal_connect (visible, "items-changed", G_CALLBACK (on_rows_changed), &changes);

  hc_list_pane_set_search_text (pane, "beta");
  hc_test_settle (200);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_cmpstr (visible_title (pane, 0), ==, "Beta intrusion");
  g_assert_cmpuint (n_searched, ==, 4);
  g_assert_cmpuint (changes, ==, 1);

  /* Narrowed: only the rows shown are looked at again, once each at most
   * (the folded text is kept on the alert). */
  hc_list_pane_set_search_text (pane, "beta i");
  hc_test_settle (200);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_cmpuint (n_searched, ==, 4);
  g_assert_cmpuint (changes, ==, 1);

  /* Widened: the rows the search had left out are looked at again, and
   * never the 40 resolved alerts the page leaves out. */
  hc_list_pane_set_search_text (pane, "bet");
  hc_test_settle (200);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 1);
  g_assert_cmpuint (n_searched, ==, 4);
  g_assert_cmpuint (changes, ==, 1);
  hc_list_pane_set_search_text (pane, "");
  hc_test_settle (200);
  g_assert_cmpuint (g_list_model_get_n_items (visible), ==, 4);
  g_assert_cmpuint (n_searched, ==, 4);
  hc_test_destroy_window (window);
}

/* A hidden page's count is not kept up as alerts come in (each change
 * would lay the whole window out again), but it is right the moment the
 * page shows. */
static void
test_list_pane_count_when_shown (void)
{
  g_autoptr(HcItemStore) store = make_store ();
  GtkWindow *window;
  HcSecurityPage *page = open_page (&window, store);
  HcListPane *pane = hc_security_page_get_pane (page);
  GtkWidget *stack = gtk_stack_new ();
  g_autofree char *four = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item", "%s items", 4), "4");
  g_autofree char *six = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item", "%s items", 6), "6");

  hc_list_pane_set_state (pane, HC_LIST_PANE_READY, NULL);
  g_object_ref (page);
  gtk_window_set_child (window, stack);
  gtk_stack_add_named (GTK_STACK (stack), gtk_label_new ("elsewhere"), "other");
  gtk_stack_add_named (GTK_STACK (stack), GTK_WIDGET (page), "alerts");
  g_object_unref (page);
  gtk_stack_set_visible_child_name (GTK_STACK (stack), "alerts");
  hc_test_wait_mapped (GTK_WIDGET (pane));
  {
    g_autofree char *shown = hc_test_find_text_now (GTK_WIDGET (pane), four);
    g_assert_cmpstr (shown, ==, four);
  }

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "other");
  hc_test_settle (50);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (pane)));
  {
    g_autoptr(HcItem) a5 = alert ("a-5", "high", "Epsilon scan", "open", "2026-11-27T08:00:00Z");
    g_autoptr(HcItem) a6 = alert ("a-6", "low", "Zeta login", "open", "2026-11-27T08:01:00Z");

    hc_item_store_upsert (store, a5);
    hc_item_store_upsert (store, a6);
  }
  hc_test_settle (50);

  gtk_stack_set_visible_child_name (GTK_STACK (stack), "alerts");
  hc_test_wait_mapped (GTK_WIDGET (pane));
  {
    g_autofree char *shown = hc_test_find_text_now (GTK_WIDGET (pane), six);
    g_assert_cmpstr (shown, ==, six);
  }
  hc_test_destroy_window (window);
}

/* While a hub's pages still come the count says so: four alerts read is
 * not a list of four. */
static void
test_list_pane_count_while_loading (void)
{
  g_autoptr(HcItemStore) store = make_store ();
  GtkWindow *window;
  HcSecurityPage *page = open_page (&window, store);
  HcListPane *pane = hc_security_page_get_pane (page);
  g_autofree char *loading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item so far, loading more",
                                                           "%s items so far, loading more", 4), "4");
  g_autofree char *read = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item", "%s items", 4), "4");

  hc_list_pane_set_state (pane, HC_LIST_PANE_LOADING, NULL);
  {
    g_autofree char *shown = hc_test_find_text_now (GTK_WIDGET (pane), read);
    g_assert_cmpstr (shown, ==, loading);
  }
  screenshot (window, "loading-more");

  /* Searched meanwhile: the share shown, still of what is read so far. */
  hc_list_pane_set_search_text (pane, "beta");
  {
    g_autofree char *part = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s shown so far, loading more",
                                                          "%s of %s shown so far, loading more", 4), "1", "4");
    g_autofree char *shown = hc_test_find_text_now (GTK_WIDGET (pane), part);
    g_assert_cmpstr (shown, ==, part);
  }
  hc_list_pane_set_search_text (pane, "");

  hc_list_pane_set_state (pane, HC_LIST_PANE_READY, NULL);
  {
    g_autofree char *shown = hc_test_find_text_now (GTK_WIDGET (pane), read);
    g_assert_cmpstr (shown, ==, read);
  }
  hc_test_destroy_window (window);
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  hc_test_init_ui ();
  adw_init ();
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HC_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  hc_test_add_icons ();
  g_test_add_func ("/list-pane/remembers", test_list_pane_remembers);
  g_test_add_func ("/list-pane/pause", test_list_pane_pause);
  g_test_add_func ("/list-pane/rows-once-seen", test_list_pane_rows_once_seen);
  g_test_add_func ("/list-pane/rows-in-place", test_list_pane_rows_in_place);
  g_test_add_func ("/list-pane/search-once", test_list_pane_search_once);
  g_test_add_func ("/list-pane/count-when-shown", test_list_pane_count_when_shown);
  g_test_add_func ("/list-pane/count-while-loading", test_list_pane_count_while_loading);
  return g_test_run ();
}
