/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The security page in a real window over parsed alerts: counts, the
 * state, severity and category filters and their inversion, search, sort,
 * CSV, live updates keeping the selection, the timeline, acknowledge and
 * resolve through their dialogs and refused without a comment or a role,
 * and 100,000 alerts filtered and searched without stalling. */
#include "config.h"

#include <json-glib/json-glib.h>

#include "hc-format.h"
#include "hc-item-store.h"
#include "hc-parser.h"
#include "hc-security-page.h"
#include "hc-test-alerts.h"
#include "hc-test-parse.h"
#include "hc-test-ui.h"

/* How many fixture alerts match: each argument a '|'-separated set, NULL for any. */
static guint
count_fixture (const char *states, const char *severities, const char *categories)
{
  guint n = 0;

  for (guint i = 0; i < HC_TEST_N_ALERTS; i++)
    {
      g_autofree char *state = g_strdup_printf ("|%s|", hc_test_alerts[i].state);
      g_autofree char *severity = g_strdup_printf ("|%s|", hc_test_alerts[i].severity);
      g_autofree char *category = g_strdup_printf ("|%s|", hc_test_alerts[i].category);
      g_autofree char *s = g_strdup_printf ("|%s|", states ? states : "");
      g_autofree char *v = g_strdup_printf ("|%s|", severities ? severities : "");
      g_autofree char *c = g_strdup_printf ("|%s|", categories ? categories : "");

      if ((states == NULL || strstr (s, state)) &&
          (severities == NULL || strstr (v, severity)) &&
          (categories == NULL || strstr (c, category)))
        n++;
    }
  return n;
}

static HcAlert *
visible_alert (HcSecurityPage *page, guint i)
{
  g_autoptr(HcAlert) alert = g_list_model_get_item (hc_list_pane_get_visible_model (hc_security_page_get_pane (page)), i);
  return alert; /* the store keeps it alive */
}

typedef struct {
  guint  n_acknowledged;
  guint  n_resolved;
  char  *alert_id;
  char  *comment;
  char  *resolution;
} Triage;

static void
on_acknowledge (HcSecurityPage *page, HcAlert *alert, const char *comment, Triage *t)
{
  t->n_acknowledged++;
  g_free (t->alert_id);
  t->alert_id = g_strdup (hc_item_get_id (HC_ITEM (alert)));
  g_free (t->comment);
  t->comment = g_strdup (comment);
}

static void
on_resolve (HcSecurityPage *page, HcAlert *alert, const char *comment, const char *resolution, Triage *t)
{
  t->n_resolved++;
  g_free (t->alert_id);
  t->alert_id = g_strdup (hc_item_get_id (HC_ITEM (alert)));
  g_free (t->comment);
  t->comment = g_strdup (comment);
  g_free (t->resolution);
  t->resolution = g_strdup (resolution);
}

static void
triage_clear (Triage *t)
{
  g_clear_pointer (&t->alert_id, g_free);
  g_clear_pointer (&t->comment, g_free);
  g_clear_pointer (&t->resolution, g_free);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels (); /* transfer none */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
no_dialog (gpointer data)
{
  return find_dialog () == NULL;
}

static void
type_comment (AdwMessageDialog *dialog, const char *text)
{
  GtkTextView *view = GTK_TEXT_VIEW (hc_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
test_security_page (void)
{
  g_autoptr(HcItemStore) store = hc_test_alerts_store ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcSecurityPage *page = HC_SECURITY_PAGE (hc_security_page_new ());
  HcListPane *pane = hc_security_page_get_pane (page);
  Triage triage = { 0 };
  HcItem *selected;
  guint total = HC_TEST_N_ALERTS;

  gtk_window_set_default_size (window, 1280, 760);
  gtk_window_set_child (window, GTK_WIDGET (page));
  hc_security_page_set_alerts (page, G_LIST_MODEL (store));
  hc_list_pane_set_state (pane, HC_LIST_PANE_READY, NULL);
  g_signal_connect (page, "acknowledge", G_CALLBACK (on_acknowledge), &triage);
  g_signal_connect (page, "resolve", G_CALLBACK (on_resolve), &triage);
  gtk_window_present (window);
  hc_test_wait_mapped (GTK_WIDGET (page));

  /* By default: what is not resolved, critical first. */
  g_assert_cmpstr (hc_security_page_get_state_filter (page), ==, "not-resolved");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture ("open|acknowledged", NULL, NULL));
  g_assert_cmpint (hc_alert_get_severity (visible_alert (page, 0)), ==, HC_SEVERITY_CRITICAL);
  g_assert_cmpint (hc_alert_get_severity (visible_alert (page, hc_test_security_n_visible (page) - 1)), ==, HC_SEVERITY_MEDIUM);

  /* State filter, plain and inverted. */
  hc_test_security_set_state (page, "open");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture ("open", NULL, NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.invert", NULL));
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, total - count_fixture ("open", NULL, NULL));
  hc_security_page_set_invert_filter (page, FALSE);
  hc_test_security_set_state (page, "acknowledged");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture ("acknowledged", NULL, NULL));
  hc_test_security_set_state (page, "resolved");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture ("resolved", NULL, NULL));
  hc_security_page_set_invert_filter (page, TRUE);
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture ("open|acknowledged", NULL, NULL));
  hc_security_page_set_invert_filter (page, FALSE);
  hc_test_security_set_state (page, "all");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, total);

  /* Severity filter, plain and inverted. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.severity", "s", "critical"));
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture (NULL, "critical", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.severity", "s", "high-up"));
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture (NULL, "critical|high", NULL));
  hc_security_page_set_invert_filter (page, TRUE);
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture (NULL, "medium|low", NULL));
  hc_security_page_set_invert_filter (page, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.severity", "s", "medium-up"));
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture (NULL, "critical|high|medium", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.severity", "s", "low"));
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture (NULL, "low", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.severity", "s", "all"));

  /* Category filter, plain and inverted. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.category", "s", "brute_force"));
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture (NULL, NULL, "brute_force"));
  hc_security_page_set_invert_filter (page, TRUE);
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, total - count_fixture (NULL, NULL, "brute_force"));
  hc_security_page_set_invert_filter (page, FALSE);
  hc_security_page_set_category_filter (page, NULL);
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, total);

  /* Links from the overview: that severity, open. */
  hc_security_page_set_severity_filter (page, "high");
  g_assert_cmpstr (hc_security_page_get_state_filter (page), ==, "open");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, count_fixture ("open", "high", NULL));
  hc_security_page_set_severity_filter (page, "all");
  hc_test_security_set_state (page, "all");

  /* Search in titles, assets, source addresses and descriptions. */
  hc_list_pane_set_search_text (pane, "bảo hiểm xã hội");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, 1);
  g_assert_cmpstr (hc_item_get_id (HC_ITEM (visible_alert (page, 0))), ==, "a-005");
  hc_list_pane_set_search_text (pane, "SSO-GATEWAY");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, 1);
  hc_list_pane_set_search_text (pane, "203.0.113.");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, 2);
  hc_list_pane_set_search_text (pane, "tống tiền");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, 1);
  g_assert_cmpstr (hc_item_get_id (HC_ITEM (visible_alert (page, 0))), ==, "a-006");
  hc_list_pane_set_search_text (pane, NULL);

  /* Sort by detection time, newest first. */
  {
    GtkColumnView *view = hc_list_pane_get_view (pane);
    g_autoptr(GtkColumnViewColumn) detected = g_list_model_get_item (gtk_column_view_get_columns (view), 3);

    gtk_column_view_sort_by_column (view, detected, GTK_SORT_DESCENDING);
    for (guint i = 1; i < hc_test_security_n_visible (page); i++)
      g_assert_cmpint (hc_alert_get_detected_at (visible_alert (page, i - 1)), >=,
                       hc_alert_get_detected_at (visible_alert (page, i)));
    g_assert_cmpstr (hc_item_get_id (HC_ITEM (visible_alert (page, 0))), ==, "a-007");

    /* By events, fewest first; by state, open first. */
    {
      g_autoptr(GtkColumnViewColumn) state_column = g_list_model_get_item (gtk_column_view_get_columns (view), 2);
      g_autoptr(GtkColumnViewColumn) events = g_list_model_get_item (gtk_column_view_get_columns (view), 7);

      gtk_column_view_sort_by_column (view, events, GTK_SORT_ASCENDING);
      for (guint i = 1; i < hc_test_security_n_visible (page); i++)
        g_assert_cmpint (hc_alert_get_events_count (visible_alert (page, i - 1)), <=,
                         hc_alert_get_events_count (visible_alert (page, i)));
      gtk_column_view_sort_by_column (view, state_column, GTK_SORT_ASCENDING);
      for (guint i = 1; i < hc_test_security_n_visible (page); i++)
        g_assert_cmpint (hc_alert_get_state (visible_alert (page, i - 1)), <=, hc_alert_get_state (visible_alert (page, i)));
      g_assert_cmpint (hc_alert_get_state (visible_alert (page, 0)), ==, HC_ALERT_STATE_OPEN);
    }

    /* Back to the page's order: most severe first, within a severity the
     * newest first. */
    gtk_column_view_sort_by_column (view, g_list_model_get_item (gtk_column_view_get_columns (view), 0), GTK_SORT_DESCENDING);
    g_object_unref (g_list_model_get_item (gtk_column_view_get_columns (view), 0));
    for (guint i = 1; i < hc_test_security_n_visible (page); i++)
      {
        HcAlert *before = visible_alert (page, i - 1);
        HcAlert *after = visible_alert (page, i);

        g_assert_cmpint (hc_alert_get_severity_rank (before), >=, hc_alert_get_severity_rank (after));
        if (hc_alert_get_severity_rank (before) == hc_alert_get_severity_rank (after))
          g_assert_cmpint (hc_alert_get_detected_at (before), >=, hc_alert_get_detected_at (after));
      }
  }

  /* CSV of the visible rows: critical ones, newest... in the visible order. */
  hc_security_page_set_severity_filter (page, "critical");
  hc_test_security_set_state (page, "all");
  {
    g_autoptr(GBytes) csv = hc_list_pane_to_csv (pane);
    g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));
    g_auto(GStrv) lines = g_strsplit (text + 3, "\r\n", -1);
    HcAlert *first = visible_alert (page, 0);
    g_autofree char *expected = g_strdup_printf ("Critical,%s,", hc_alert_get_title (first));

    g_assert_cmpuint (g_strv_length (lines), ==, 2 + count_fixture (NULL, "critical", NULL));
    g_assert_cmpstr (lines[0], ==, "Severity,Title,Category,Asset,Source IP,Detected,State,Events");
    g_assert_true (g_str_has_prefix (lines[1], expected));
    g_assert_nonnull (strstr (text, "Xâm nhập máy chủ cơ sở dữ liệu dân cư,Intrusion,db-dancu-01,203.0.113.45,2026-11-27T07:10:00Z,Open,42"));
    g_assert_nonnull (strstr (text, "Data exfiltration,api-bhxh,192.0.2.99,2026-11-27T05:30:00Z,Acknowledged,880"));
  }
  hc_security_page_set_severity_filter (page, "all");
  hc_test_security_set_state (page, "not-resolved");

  /* Select an open alert; a live update in place keeps it selected. */
  selected = hc_item_store_lookup (store, "a-001");
  hc_list_pane_select_item (pane, selected);
  g_assert_true (hc_list_pane_get_selected_item (pane) == selected);
  {
    g_autoptr(HcItem) changed = hc_test_alert_from_fixture (&hc_test_alerts[0], "open", 57);
    g_assert_true (hc_item_store_upsert (store, changed) == selected);
    g_assert_true (hc_list_pane_get_selected_item (pane) == selected);
    g_assert_cmpint (hc_alert_get_events_count (HC_ALERT (selected)), ==, 57);
  }

  /* The detail with its timeline. */
  {
    g_autofree char *json = hc_test_alert_json (&hc_test_alerts[0], "open", 57,
      ",\"timeline\":[{\"at\":\"2026-11-27T07:10:00Z\",\"actor\":\"ids-sensor-3\",\"action\":\"detected\",\"comment\":null},"
      "{\"at\":\"2026-11-27T07:25:00Z\",\"actor\":\"soc-bot\",\"action\":\"escalated\",\"comment\":\"Nâng mức nghiêm trọng: tài khoản quản trị.\"}]");
    g_autoptr(HcItem) detailed = hc_test_parse (json, hc_parse_alert_detail);
    GtkWidget *detail = GTK_WIDGET (hc_security_page_get_detail (page));

    hc_item_store_upsert (store, detailed);
    g_assert_nonnull (hc_alert_get_timeline (HC_ALERT (selected)));
    g_assert_cmpuint (g_list_model_get_n_items (hc_alert_get_timeline (HC_ALERT (selected))), ==, 2);
    g_assert_true (hc_alert_detail_get_alert (HC_ALERT_DETAIL (detail)) == HC_ALERT (selected));
  }

  /* A viewer may do neither: the actions are off and the page refuses. */
  hc_security_page_set_actions_allowed (page, FALSE, FALSE, "Viewers can read alerts but not act on them.");
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (hc_test_find_by_type (GTK_WIDGET (hc_security_page_get_detail (page)), GTK_TYPE_BUTTON))));
  g_assert_false (hc_security_page_acknowledge (page, HC_ALERT (selected), "Đã xem"));
  g_assert_false (hc_security_page_resolve (page, HC_ALERT (selected), "Đã xem", "fixed"));
  gtk_widget_activate_action (GTK_WIDGET (page), "security.acknowledge", NULL);
  g_assert_null (find_dialog ());
  g_assert_cmpuint (triage.n_acknowledged + triage.n_resolved, ==, 0);

  /* An operator may acknowledge, with a comment, but not resolve. */
  hc_security_page_set_actions_allowed (page, TRUE, FALSE, "Only supervisors can resolve alerts.");
  g_assert_false (hc_security_page_acknowledge (page, HC_ALERT (selected), ""));
  g_assert_false (hc_security_page_acknowledge (page, HC_ALERT (selected), "  \n\t "));
  g_assert_false (hc_security_page_resolve (page, HC_ALERT (selected), "Đã khắc phục", "fixed"));
  g_assert_cmpuint (triage.n_acknowledged + triage.n_resolved, ==, 0);

  /* ... through the dialog: no comment, no button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.acknowledge", NULL));
  {
    AdwMessageDialog *dialog = find_dialog ();

    g_assert_nonnull (dialog);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
    type_comment (dialog, "   ");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
    type_comment (dialog, "  Đã chặn IP 203.0.113.45 tại tường lửa, đang điều tra.  ");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));
    hc_test_wait_mapped (GTK_WIDGET (dialog));
    hc_test_settle (1000);
    hc_test_screenshot (gtk_window_get_child (GTK_WINDOW (dialog)), "security-acknowledge-dialog.png");
    /* As its button does: the response, then the dialog closes. */
    adw_message_dialog_response (dialog, "confirm");
    gtk_window_destroy (GTK_WINDOW (dialog));
    hc_test_spin_until (no_dialog, NULL, 10);
  }
  g_assert_cmpuint (triage.n_acknowledged, ==, 1);
  g_assert_cmpstr (triage.alert_id, ==, "a-001");
  g_assert_cmpstr (triage.comment, ==, "Đã chặn IP 203.0.113.45 tại tường lửa, đang điều tra.");

  /* A supervisor may resolve: the dialog asks for a comment and a resolution. */
  hc_security_page_set_actions_allowed (page, TRUE, TRUE, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.resolve", NULL));
  {
    AdwMessageDialog *dialog = find_dialog ();
    GtkDropDown *dropdown = GTK_DROP_DOWN (hc_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN));

    g_assert_nonnull (dropdown);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "confirm"));
    type_comment (dialog, "Cảnh báo nhầm: quét định kỳ của đội an ninh.");
    gtk_drop_down_set_selected (dropdown, 1);
    hc_test_wait_mapped (GTK_WIDGET (dialog));
    /* A new window draws its first frame a little after it maps. */
    hc_test_settle (1000);
    hc_test_screenshot (gtk_window_get_child (GTK_WINDOW (dialog)), "security-resolve-dialog.png");
    /* As its button does: the response, then the dialog closes. */
    adw_message_dialog_response (dialog, "confirm");
    gtk_window_destroy (GTK_WINDOW (dialog));
    hc_test_spin_until (no_dialog, NULL, 10);
  }
  g_assert_cmpuint (triage.n_resolved, ==, 1);
  g_assert_cmpstr (triage.comment, ==, "Cảnh báo nhầm: quét định kỳ của đội an ninh.");
  g_assert_cmpstr (triage.resolution, ==, "false_positive");
  g_assert_false (hc_security_page_resolve (page, HC_ALERT (selected), "Không có lý do", "maybe"));
  g_assert_cmpuint (triage.n_resolved, ==, 1);

  /* The hub acknowledges: the row stays selected; acknowledge is no longer offered. */
  {
    g_autoptr(HcItem) acknowledged = hc_test_alert_from_fixture (&hc_test_alerts[0], "acknowledged", 57);
    hc_item_store_upsert (store, acknowledged);
    g_assert_true (hc_list_pane_get_selected_item (pane) == selected);
    g_assert_false (hc_security_page_acknowledge (page, HC_ALERT (selected), "Lần nữa"));
    g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "security.acknowledge", NULL) && find_dialog () != NULL);
  }
  hc_test_settle (200);
  hc_test_screenshot (GTK_WIDGET (window), "security-page.png");
  hc_test_screenshot (GTK_WIDGET (hc_security_page_get_detail (page)), "security-alert-detail.png");

  /* Resolved by the hub: it leaves the "not resolved" view. */
  {
    guint before = hc_test_security_n_visible (page);
    g_autoptr(HcItem) resolved = hc_test_alert_from_fixture (&hc_test_alerts[0], "resolved", 57);

    hc_item_store_upsert (store, resolved);
    g_assert_cmpuint (hc_test_security_n_visible (page), ==, before - 1);
  }

  /* Resolved rows look different from open ones. */
  hc_test_security_set_state (page, "all");
  hc_list_pane_close_detail (pane);
  hc_test_settle (200);
  hc_test_screenshot (GTK_WIDGET (window), "security-page-all.png");

  triage_clear (&triage);
  hc_test_destroy_window (window);
  /* The next test starts with the page as designed, not as this one left it. */
  hc_test_reset_list ("security");
}

/* 100,000 alerts: filtering and searching stay well under a second or two. */
/* Triage order by default: critical first, and within a severity the
 * newest first, so a live alert does not land after days-old ones. */
static void
test_security_page_newest_first (void)
{
  g_autoptr(HcItemStore) store = hc_test_alerts_store ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcSecurityPage *page = HC_SECURITY_PAGE (hc_security_page_new ());
  AlertFixture live = hc_test_alerts[7];   /* a high one, as if just raised */
  guint n;

  hc_test_security_show (window, page, store);

  /* Arrives last, newer than every alert listed. */
  live.id = "a-009";
  live.detected_at = "2026-11-27T09:00:00Z";
  {
    g_autoptr(HcItem) item = hc_test_alert_from_fixture (&live, "open", 1);

    hc_item_store_upsert (store, item);
  }
  n = hc_test_security_n_visible (page);
  g_assert_cmpuint (n, ==, count_fixture ("open|acknowledged", NULL, NULL) + 1);
  for (guint i = 1; i < n; i++)
    {
      HcAlert *a = visible_alert (page, i - 1);
      HcAlert *b = visible_alert (page, i);

      g_assert_cmpint (hc_alert_get_severity_rank (a), >=, hc_alert_get_severity_rank (b));
      if (hc_alert_get_severity_rank (a) == hc_alert_get_severity_rank (b))
        g_assert_cmpint (hc_alert_get_detected_at (a), >=, hc_alert_get_detected_at (b));
    }
  /* Two critical alerts, the newest first, then the live high one. */
  g_assert_cmpstr (hc_item_get_id (HC_ITEM (visible_alert (page, 0))), ==, "a-001");
  g_assert_cmpstr (hc_item_get_id (HC_ITEM (visible_alert (page, 1))), ==, "a-005");
  g_assert_cmpstr (hc_item_get_id (HC_ITEM (visible_alert (page, 2))), ==, "a-009");
  hc_test_settle (300);
  hc_test_screenshot (GTK_WIDGET (window), "security-newest-first.png");

  hc_test_destroy_window (window);
  /* The next test starts with the page as designed, not as this one left it. */
  hc_test_reset_list ("security");
}

static void
test_security_page_many (void)
{
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_ALERT);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcSecurityPage *page = HC_SECURITY_PAGE (hc_security_page_new ());
  HcListPane *pane = hc_security_page_get_pane (page);
  guint n = 100000, expected_open_critical = 0;
  gint64 start;
  static const char *const severities[] = { "low", "medium", "high", "critical" };
  static const char *const states[] = { "open", "acknowledged", "resolved" };

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("m-%06u", i);
      g_autofree char *title = g_strdup_printf ("Cảnh báo số %u", i);
      AlertFixture a = hc_test_alerts[i % HC_TEST_N_ALERTS];

      a.id = id;
      a.title = title;
      a.severity = severities[i % 4];
      if (i % 4 == 3 && i % 3 == 0)
        expected_open_critical++;
      g_ptr_array_add (items, hc_test_alert_from_fixture (&a, states[i % 3], i + 1));
    }
  hc_item_store_upsert_many (store, items);

  gtk_window_set_default_size (window, 1280, 760);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  hc_test_wait_mapped (GTK_WIDGET (page));

  start = g_get_monotonic_time ();
  hc_security_page_set_alerts (page, G_LIST_MODEL (store));
  hc_list_pane_set_state (pane, HC_LIST_PANE_READY, NULL);
  hc_security_page_set_severity_filter (page, "critical");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, expected_open_critical);
  hc_security_page_set_invert_filter (page, TRUE);
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, n - expected_open_critical);
  hc_list_pane_set_search_text (pane, "số 99998"); /* high: shown by the inverted filter */
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, 1);
  hc_list_pane_set_search_text (pane, NULL);
  hc_test_settle (100);
  /* Printed for a look, never asserted: speed is measured in the
   * benchmarks, not in a unit test on a shared machine. */
  g_test_message ("100,000 alerts: %.2f s", (g_get_monotonic_time () - start) / 1e6);

  hc_test_destroy_window (window);
  /* The next test starts with the page as designed, not as this one left it. */
  hc_test_reset_list ("security");
}

#define FSI "\u2068"
#define PDI "\u2069"

/*
 * The "Trojan Source" trick: a title with a right-to-left override reads
 * "exe.png" where the hub sent "gnp.exe". In the list, the detail, the
 * timeline, the triage dialog and the CSV the override shows as
 * "[U+202E]", and each hub text is its own isolated run.
 */
static void
test_security_page_hub_text (void)
{
  static const AlertFixture trojan = {
    "t-001", "critical", "malware", "Cảnh báo \u202Egnp.exe\u202C truy cập",
    "Tệp \u2067gnp.exe\u2069 mở kết\u200B nối ra ngoài.", "ws-\u202Eexe.01\u202C", "10.30.2.51",
    "2026-11-27T07:10:00Z", "open", 1 };
  g_autoptr(HcItemStore) store = hc_item_store_new (HC_TYPE_ALERT);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcSecurityPage *page = HC_SECURITY_PAGE (hc_security_page_new ());
  HcListPane *pane = hc_security_page_get_pane (page);
  GtkWidget *detail = GTK_WIDGET (hc_security_page_get_detail (page));
  HcItem *alert;

  g_ptr_array_add (items, hc_test_alert_from_fixture (&trojan, "open", 1));
  g_ptr_array_add (items, hc_test_alert_from_fixture (&hc_test_alerts[0], "open", 42));
  hc_item_store_upsert_many (store, items);
  hc_test_security_show (window, page, store);
  hc_test_settle (200);

  /* The list: each cell shows its hub text isolated, the override visible. */
  {
    GtkWidget *view = GTK_WIDGET (hc_list_pane_get_view (pane));
    g_autofree char *title = hc_test_find_text (view, "gnp.exe");
    g_autofree char *asset = hc_test_find_text (view, "exe.01");

    g_assert_cmpstr (title, ==, FSI "Cảnh báo [U+202E]gnp.exe[U+202C] truy cập" PDI);
    g_assert_cmpstr (asset, ==, FSI "ws-[U+202E]exe.01[U+202C]" PDI);
    hc_test_assert_nothing_disguised (view);
  }
  /* Tooltips are given when asked for, never bound: the title's and the
   * asset's whole text, the exact time of "… ago"; the source address
   * has none. */
  {
    GtkWidget *view = GTK_WIDGET (hc_list_pane_get_view (pane));
    g_autoptr(GDateTime) detected = g_date_time_new_from_iso8601 (trojan.detected_at, NULL);
    gint64 at = g_date_time_to_unix (detected);
    g_autofree char *ago = hc_format_relative (at, g_get_real_time () / G_USEC_PER_SEC);
    GtkWidget *title = hc_test_find_label (view, "gnp.exe");
    GtkWidget *row = gtk_widget_get_parent (gtk_widget_get_parent (title));
    GtkWidget *time = hc_test_find_label (row, ago);
    GtkWidget *address = hc_test_find_label (row, trojan.source_ip);

    g_assert_nonnull (time);
    g_assert_nonnull (address);
    g_assert_null (gtk_widget_get_tooltip_text (title));
    g_assert_true (gtk_widget_get_has_tooltip (title) && hc_test_query_tooltip (title));
    g_assert_true (gtk_widget_get_has_tooltip (hc_test_find_label (row, "exe.01")) && hc_test_query_tooltip (hc_test_find_label (row, "exe.01")));
    g_assert_true (gtk_widget_get_has_tooltip (time) && hc_test_query_tooltip (time));
    g_assert_false (gtk_widget_get_has_tooltip (address));
  }
  /* Search and sort still see the hub's own text. */
  hc_list_pane_set_search_text (pane, "\u202Egnp");
  g_assert_cmpuint (hc_test_security_n_visible (page), ==, 1);
  hc_list_pane_set_search_text (pane, NULL);

  /* The detail, with a timeline whose actor and comment try the same. */
  alert = hc_item_store_lookup (store, "t-001");
  hc_list_pane_select_item (pane, alert);
  {
    g_autofree char *json = hc_test_alert_json (&trojan, "open", 1,
      ",\"timeline\":[{\"at\":\"2026-11-27T07:10:00Z\",\"actor\":\"ids-\u202Esensor\",\"action\":\"detected\","
      "\"comment\":\"Đã \u202Bchặn\\ntại tường lửa\u202C\"}]");
    g_autoptr(HcItem) detailed = hc_test_parse (json, hc_parse_alert_detail);

    hc_item_store_upsert (store, detailed);
  }
  hc_test_settle (200);
  {
    g_autofree char *title = hc_test_find_text (detail, "truy cập");
    g_autofree char *description = hc_test_find_text (detail, "Tệp");
    g_autofree char *asset = hc_test_find_text (detail, "exe.01");
    g_autofree char *actor = hc_test_find_text (detail, "sensor");
    g_autofree char *comment = hc_test_find_text (detail, "chặn");

    g_assert_cmpstr (title, ==, FSI "Cảnh báo [U+202E]gnp.exe[U+202C] truy cập" PDI);
    g_assert_cmpstr (description, ==, FSI "Tệp [U+2067]gnp.exe[U+2069] mở kết[U+200B] nối ra ngoài." PDI);
    g_assert_cmpstr (asset, ==, FSI "ws-[U+202E]exe.01[U+202C]" PDI);
    g_assert_true (g_str_has_suffix (actor, " by " FSI "ids-[U+202E]sensor" PDI));
    /* Each line of a comment is its own run. */
    g_assert_true (g_str_has_suffix (comment, "\n" FSI "Đã [U+202B]chặn" PDI "\n" FSI "tại tường lửa[U+202C]" PDI));
    hc_test_assert_nothing_disguised (detail);
  }

  /* The triage dialog names the alert the same way. */
  hc_security_page_set_actions_allowed (page, TRUE, TRUE, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.acknowledge", NULL));
  {
    AdwMessageDialog *dialog = find_dialog ();

    g_assert_nonnull (dialog);
    g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                     FSI "Cảnh báo [U+202E]gnp.exe[U+202C] truy cập" PDI);
    hc_test_wait_mapped (GTK_WIDGET (dialog));
    hc_test_assert_nothing_disguised (GTK_WIDGET (dialog));
    gtk_window_destroy (GTK_WINDOW (dialog));
    hc_test_spin_until (no_dialog, NULL, 10);
  }

  hc_test_screenshot (GTK_WIDGET (window), "security-page-hub-text.png");
  hc_test_assert_nothing_disguised (GTK_WIDGET (window));

  /* The CSV: the override as its number, not isolated, never raw. */
  {
    g_autoptr(GBytes) csv = hc_list_pane_to_csv (pane);
    g_autofree char *text = g_strndup (g_bytes_get_data (csv, NULL), g_bytes_get_size (csv));

    g_assert_nonnull (strstr (text, "\r\nCritical,Cảnh báo [U+202E]gnp.exe[U+202C] truy cập,Malware,"
                                    "ws-[U+202E]exe.01[U+202C],10.30.2.51,"));
    g_assert_null (strstr (text, "\u202E"));
    g_assert_null (strstr (text, "\u2068"));
  }

  hc_test_destroy_window (window);
  /* The next test starts with the page as designed, not as this one left it. */
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
  g_test_add_func ("/security-page/list", test_security_page);
  g_test_add_func ("/security-page/hub-text", test_security_page_hub_text);
  g_test_add_func ("/security-page/many", test_security_page_many);
  g_test_add_func ("/security-page/newest-first", test_security_page_newest_first);
  return g_test_run ();
}
