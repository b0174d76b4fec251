/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The alert list's cells (ui/hc-alert-cells.c) in a real window: they
 * follow their row through the row slots and their alert's changes in
 * place, and show its state in their style. */
#include "config.h"

#include <string.h>

#include "hc-format.h"
#include "hc-labels.h"
#include "hc-status-badge.h"
#include "hc-test-alerts.h"
#include "hc-test-ui.h"

/* The row widget showing @needle, and its cell of the given type there. */
static GtkWidget *
row_of (GtkWidget *view, const char *needle)
{
  GtkWidget *label = hc_test_find_label (view, needle);

  g_assert_nonnull (label);
  return gtk_widget_get_parent (gtk_widget_get_parent (label));
}

static const char *
badge_text (GtkWidget *row, guint nth)
{
  GtkWidget *badge = NULL;

  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL; cell = gtk_widget_get_next_sibling (cell))
    if (HC_IS_STATUS_BADGE (gtk_widget_get_first_child (cell)) && nth-- == 0)
      badge = gtk_widget_get_first_child (cell);
  g_assert_nonnull (badge);
  return hc_status_badge_get_label (HC_STATUS_BADGE (badge));
}

/* Bold: open titles stand out (a text attribute: see set_classes ()). */
static gboolean
is_bold (GtkWidget *widget)
{
  PangoAttrList *attrs = gtk_inscription_get_attributes (GTK_INSCRIPTION (widget));
  g_autoptr(PangoAttrIterator) iter = NULL;
  PangoAttrInt *weight;

  if (attrs == NULL)
    return FALSE;
  iter = pango_attr_list_get_iterator (attrs);
  weight = (PangoAttrInt *) pango_attr_iterator_get (iter, PANGO_ATTR_WEIGHT);
  return weight != NULL && weight->value >= PANGO_WEIGHT_BOLD;
}

/* The cells follow their row: the alert a search puts in a row widget
 * (through its slot: a search that changes the count by more than 32
 * re-points the rows), and the alert's own changes in place. */
static void
test_alert_cells_follow (void)
{
  g_autoptr(HcItemStore) store = hc_test_alerts_store ();
  g_autoptr(GPtrArray) more = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcSecurityPage *page = HC_SECURITY_PAGE (hc_security_page_new ());
  HcListPane *pane = hc_security_page_get_pane (page);
  GtkWidget *view = GTK_WIDGET (hc_list_pane_get_view (pane));
  const AlertFixture *bhxh = &hc_test_alerts[4];
  GtkWidget *row, *title;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *id = g_strdup_printf ("r-%03u", i);
      g_autofree char *text = g_strdup_printf ("Quét cổng lặp lại lần %u", i);
      AlertFixture repeat = { id, "low", "intrusion", text, "Quét mạng.", "edge-fw", NULL,
                              "2026-11-20T07:10:00Z", "open", 1 };

      g_ptr_array_add (more, hc_test_alert_from_fixture (&repeat, "open", 1));
    }
  hc_item_store_upsert_many (store, more);
  hc_test_security_show (window, page, store);
  hc_test_security_set_state (page, "all");
  hc_test_settle (100);

  /* Open titles stand out, resolved rows recede. */
  g_assert_true (is_bold (hc_test_find_label (view, hc_test_alerts[0].title)));
  g_assert_false (is_bold (hc_test_find_label (view, hc_test_alerts[3].title)));
  g_assert_true (gtk_widget_has_css_class (hc_test_find_label (view, hc_test_alerts[3].title), "dim-label"));
  g_assert_true (gtk_widget_has_css_class (hc_test_find_label (row_of (view, hc_test_alerts[3].title), hc_test_alerts[3].asset), "dim-label"));

  /* Each search puts other alerts in the same row widgets: every row
   * shows the alert now at its place, none a former one. */
  for (guint round = 0; round < 2; round++)
    {
      hc_list_pane_set_search_text (pane, "cổng");
      g_assert_cmpuint (hc_test_security_n_visible (page), ==, 103);
      hc_list_pane_set_search_text (pane, "cổng thông");
      g_assert_cmpuint (hc_test_security_n_visible (page), ==, 1);
      hc_test_settle (50);
      for (guint i = 0; i < HC_TEST_N_ALERTS; i++)
        {
          g_autofree char *shown = hc_test_find_text_now (view, hc_test_alerts[i].title);
          gboolean match = strstr (hc_test_alerts[i].title, "cổng thông") != NULL;

          g_assert_true ((shown != NULL) == match);
        }
      hc_list_pane_set_search_text (pane, "bảo hiểm xã hội");
      g_assert_cmpuint (hc_test_security_n_visible (page), ==, 1);
      hc_test_settle (50);
      g_assert_null (hc_test_find_text_now (view, hc_test_alerts[1].title));
      row = row_of (view, bhxh->title);
      g_assert_cmpstr (badge_text (row, 0), ==, hc_severity_label (HC_SEVERITY_CRITICAL));
      g_assert_cmpstr (badge_text (row, 1), ==, hc_alert_state_label (HC_ALERT_STATE_ACKNOWLEDGED));
      g_assert_nonnull (hc_test_find_label (row, "880"));
      hc_list_pane_set_search_text (pane, NULL);
      hc_test_settle (50);
    }

  hc_list_pane_set_search_text (pane, "lần 7");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, 11);
  hc_test_settle (50);
  {
    g_autofree char *seventh = hc_test_find_text_now (view, "lặp lại lần 7");

    g_assert_nonnull (seventh);
    g_assert_null (hc_test_find_text_now (view, "lặp lại lần 8"));
    g_assert_null (hc_test_find_text_now (view, hc_test_alerts[0].title));
  }

  /* The alert changes in place: its row says so at once, also where the
   * store tells only the alert's own properties (no items-changed). */
  hc_item_store_set_announce_updates (store, FALSE);
  hc_list_pane_set_search_text (pane, "bảo hiểm xã hội");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, 1);
  hc_test_settle (50);
  row = row_of (view, bhxh->title);
  title = hc_test_find_label (view, bhxh->title);
  g_assert_false (gtk_widget_has_css_class (title, "dim-label"));
  g_assert_false (is_bold (title));  /* acknowledged: only open titles stand out */
  {
    g_autoptr(HcItem) resolved = hc_test_alert_from_fixture (bhxh, "resolved", 1234);

    hc_item_store_upsert (store, resolved);
  }
  g_assert_true (hc_test_find_label (view, bhxh->title) == title);
  g_assert_true (gtk_widget_has_css_class (title, "dim-label"));
  g_assert_false (is_bold (title));
  g_assert_cmpstr (badge_text (row, 1), ==, hc_alert_state_label (HC_ALERT_STATE_RESOLVED));
  {
    g_autofree char *events = hc_format_count (1234);

    g_assert_nonnull (hc_test_find_label (row, events));
  }

  hc_test_destroy_window (window);
  hc_test_reset_list ("security");
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  hc_test_init_ui ();
  adw_init ();
  hc_test_add_icons ();

  g_test_add_func ("/alert-cells/follow", test_alert_cells_follow);
  return g_test_run ();
}
