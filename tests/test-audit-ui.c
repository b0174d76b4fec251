/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The audit log window against the demo hub on loopback, in a real
 * window: a supervisor's acknowledge made here appears with its actor,
 * action, target and comment; the actor, action and period filters and
 * the search narrow the log; the export holds it; the target link opens
 * the alert in Security. An operator, who may not read the log, gets the
 * reason instead of a list. Screenshots for review. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "hc-error.h"
#include "hc-application.h"
#include "hc-audit-columns.h"
#include "hc-audit-window.h"
#include "hc-demo-launcher.h"
#include "hc-labels.h"
#include "hc-test-ui.h"
#include "hc-window.h"

#define SUPERVISOR_TOKEN "demo-supervisor-token"
#define SUPERVISOR "nguyen.thi.lan"

typedef HcTestConsole Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data, const char *token)
{
  const Fixture *shared = data;

  hc_test_console_open (f, shared->app, shared->lang, token);
}

static void
fixture_tear_down (Fixture *f)
{
  hc_test_console_close (f);
}

/* The audit window the main window's "win.audit" opened. */
static HcAuditWindow *
open_audit (Fixture *f)
{
  GListModel *toplevels;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.audit", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (HC_IS_AUDIT_WINDOW (w))
        {
          hc_test_wait_mapped (GTK_WIDGET (w));
          return HC_AUDIT_WINDOW (w);
        }
    }
  g_error ("win.audit opened no audit window");
  return NULL;
}

static gboolean
loaded (gpointer data)
{
  return !hc_audit_window_is_loading (data);
}

static void
wait_loaded (HcAuditWindow *audit)
{
  hc_test_settle (50);
  hc_test_spin_until (loaded, audit, 90);
  hc_test_settle (100);
}

static void
screenshot (Fixture *f, GtkWidget *widget, const char *what)
{
  g_autofree char *name = g_strdup_printf ("audit-%s-%s.png", what, f->lang);

  hc_test_settle (300);
  hc_test_screenshot (widget, name);
}

/* The visible entry for @target and @action, or NULL. */
static HcAuditEntry *
find_entry (HcAuditWindow *audit, const char *target, HcAuditAction action)
{
  GListModel *visible = hc_list_pane_get_visible_model (hc_audit_window_get_pane (audit));

  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(HcAuditEntry) entry = g_list_model_get_item (visible, i);

      if (g_strcmp0 (hc_audit_entry_get_target (entry), target) == 0 &&
          hc_audit_entry_get_action (entry) == action)
        return entry;
    }
  return NULL;
}

static void
assert_all (HcAuditWindow *audit, const char *actor, int action)
{
  GListModel *visible = hc_list_pane_get_visible_model (hc_audit_window_get_pane (audit));
  guint n = g_list_model_get_n_items (visible);

  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcAuditEntry) entry = g_list_model_get_item (visible, i);

      if (actor != NULL)
        g_assert_cmpstr (hc_audit_entry_get_actor (entry), ==, actor);
      if (action >= 0)
        g_assert_cmpint (hc_audit_entry_get_action (entry), ==, action);
    }
}

/* The link button under @root whose label holds @text. */
static GtkWidget *
find_link (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && gtk_widget_has_css_class (child, "link") &&
          gtk_button_get_label (GTK_BUTTON (child)) != NULL &&
          strstr (gtk_button_get_label (GTK_BUTTON (child)), text) != NULL)
        return child;
      if ((found = find_link (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
search_button (GtkWidget *root, const char *action)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (child)), action) == 0)
        return child;
      if ((found = search_button (child, action)) != NULL)
        return found;
    }
  return NULL;
}

/* The button under @root that activates @action. */
static GtkWidget *
find_button (GtkWidget *root, const char *action)
{
  GtkWidget *button = search_button (root, action);

  if (button == NULL)
    g_error ("no button for %s", action);
  return button;
}

static void
store_result (GObject *object, GAsyncResult *result, gpointer user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
is_set (gpointer data)
{
  return *(gpointer *) data != NULL;
}

static void
test_audit_supervisor (Fixture *f, gconstpointer data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcAlert) acked = NULL;
  g_autoptr(GBytes) csv = NULL;
  g_autofree char *alert_id = NULL;
  HcAuditWindow *audit;
  HcAuditEntry *entry;
  HcListPane *pane;
  GtkWidget *link;
  HcItemStore *alerts;
  guint n_all;
  /* This run's comment is its own. */
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *comment = g_strdup_printf ("Checked from the audit test %.8s", uuid);

  fixture_set_up (f, data, SUPERVISOR_TOKEN);

  /* An open alert, acknowledged here as the supervisor. */
  alerts = hc_hub_get_alerts (f->hub);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (alerts)) && alert_id == NULL; i++)
    {
      g_autoptr(HcAlert) alert = g_list_model_get_item (G_LIST_MODEL (alerts), i);

      if (hc_alert_get_state (alert) == HC_ALERT_STATE_OPEN)
        alert_id = g_strdup (hc_item_get_id (HC_ITEM (alert)));
    }
  g_assert_nonnull (alert_id);
  hc_hub_acknowledge_alert_async (f->hub, alert_id, comment, NULL, NULL, store_result, &result);
  hc_test_spin_until (is_set, &result, 90);
  acked = hc_hub_acknowledge_alert_finish (f->hub, result, &error);
  g_assert_no_error (error);

  /* And two feeds retried, so the log holds more than one kind of action
   * and, even on a fresh demo hub, more than one page of two. */
  {
    GListModel *sources = G_LIST_MODEL (hc_hub_get_sources (f->hub));
    guint retried_feeds = 0;

    for (guint i = 0; i < g_list_model_get_n_items (sources) && retried_feeds < 2; i++)
      {
        g_autoptr(HcSource) source = g_list_model_get_item (sources, i);
        g_autoptr(GAsyncResult) retried = NULL;
        g_autoptr(HcRun) run = NULL;

        if (hc_source_get_status (source) == HC_SOURCE_STATUS_PAUSED)
          continue;
        hc_hub_retry_source_async (f->hub, hc_item_get_id (HC_ITEM (source)), NULL, NULL, store_result, &retried);
        hc_test_spin_until (is_set, &retried, 90);
        run = hc_hub_retry_source_finish (f->hub, retried, &error);
        if (g_error_matches (error, HC_ERROR, HC_ERROR_CONFLICT))
          {
            /* Already running (the simulation's own run): the next one. */
            g_clear_error (&error);
            continue;
          }
        g_assert_no_error (error);
        retried_feeds++;
      }
    g_assert_cmpuint (retried_feeds, ==, 2);
  }

  audit = open_audit (f);
  pane = hc_audit_window_get_pane (audit);
  wait_loaded (audit);
  g_assert_null (hc_audit_window_get_denied (audit));

  /* Ours, newest first, with who, what, which and why. */
  entry = find_entry (audit, alert_id, HC_AUDIT_ACTION_ALERT_ACKNOWLEDGE);
  g_assert_nonnull (entry);
  g_assert_cmpstr (hc_audit_entry_get_actor (entry), ==, SUPERVISOR);
  g_assert_cmpstr (hc_audit_entry_get_comment (entry), ==, comment);
  g_assert_cmpint (hc_audit_entry_get_status (entry), ==, 200);
  g_assert_true (hc_audit_columns_get_hub (entry) == f->hub);
  g_free (hc_test_find_text (GTK_WIDGET (audit), comment));
  g_free (hc_test_find_text (GTK_WIDGET (audit), alert_id));
  g_free (hc_test_find_text (GTK_WIDGET (audit), hc_audit_columns_action_label (HC_AUDIT_ACTION_ALERT_ACKNOWLEDGE)));
  hc_test_assert_nothing_disguised (GTK_WIDGET (audit));
  screenshot (f, GTK_WIDGET (audit), "supervisor");
  n_all = g_list_model_get_n_items (hc_list_pane_get_visible_model (pane));

  /* A page at a time: the hub's cursor gives the next page on request. */
  g_assert_cmpuint (n_all, >=, 3);
  hc_audit_window_set_page_limit (audit, 2);
  wait_loaded (audit);
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_pane_get_visible_model (pane)), ==, 2);
  g_assert_true (gtk_widget_is_visible (find_button (GTK_WIDGET (audit), "audit.load-more")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (audit), "audit.load-more", NULL));
  wait_loaded (audit);
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_pane_get_visible_model (pane)), ==, 4 <= n_all ? 4 : n_all);
  screenshot (f, GTK_WIDGET (audit), "paged");
  hc_audit_window_set_page_limit (audit, 1000);
  wait_loaded (audit);
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_pane_get_visible_model (pane)), ==, n_all);
  g_assert_false (gtk_widget_is_visible (find_button (GTK_WIDGET (audit), "audit.load-more")));

  /* Filters go to the hub: each narrows the log to what it names. */
  hc_audit_window_set_action (audit, "source.retry");
  wait_loaded (audit);
  assert_all (audit, SUPERVISOR, HC_AUDIT_ACTION_SOURCE_RETRY);
  screenshot (f, GTK_WIDGET (audit), "retries");
  g_assert_null (find_entry (audit, alert_id, HC_AUDIT_ACTION_ALERT_ACKNOWLEDGE));

  hc_audit_window_set_action (audit, "alert.acknowledge");
  hc_audit_window_set_actor (audit, SUPERVISOR);
  wait_loaded (audit);
  assert_all (audit, SUPERVISOR, HC_AUDIT_ACTION_ALERT_ACKNOWLEDGE);
  g_assert_nonnull (find_entry (audit, alert_id, HC_AUDIT_ACTION_ALERT_ACKNOWLEDGE));
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_pane_get_visible_model (pane)), <, n_all);

  hc_audit_window_set_period (audit, 1);
  wait_loaded (audit);
  assert_all (audit, SUPERVISOR, HC_AUDIT_ACTION_ALERT_ACKNOWLEDGE);
  g_assert_nonnull (find_entry (audit, alert_id, HC_AUDIT_ACTION_ALERT_ACKNOWLEDGE));

  /* Search, then the export of what is shown. */
  hc_list_pane_set_search_text (pane, comment);
  hc_test_settle (300);
  g_assert_cmpuint (g_list_model_get_n_items (hc_list_pane_get_visible_model (pane)), ==, 1);
  csv = hc_list_pane_to_csv (pane);
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), alert_id));
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), comment));
  g_assert_nonnull (strstr (g_bytes_get_data (csv, NULL), "alert.acknowledge"));
  screenshot (f, GTK_WIDGET (audit), "filtered");

  /* The target is a link: it opens the alert in Security. */
  hc_window_set_section (f->window, "overview");
  link = find_link (GTK_WIDGET (audit), alert_id);
  g_assert_nonnull (link);
  g_signal_emit_by_name (link, "clicked");
  hc_test_settle (300);
  g_assert_cmpstr (hc_window_get_section (f->window), ==, "security");
  {
    HcListPane *security = hc_security_page_get_pane (hc_window_get_security_page (f->window));
    HcItem *selected = hc_list_pane_get_selected_item (security);

    g_assert_nonnull (selected);
    g_assert_cmpstr (hc_item_get_id (selected), ==, alert_id);
  }

  gtk_window_destroy (GTK_WINDOW (audit));
  fixture_tear_down (f);
}

static void
test_audit_operator (Fixture *f, gconstpointer data)
{
  HcAuditWindow *audit;
  const char *denied;

  fixture_set_up (f, data, HC_DEMO_OPERATOR_TOKEN);
  audit = open_audit (f);
  wait_loaded (audit);

  /* Hidden, with the reason: never an empty list. */
  denied = hc_audit_window_get_denied (audit);
  g_assert_nonnull (denied);
  g_assert_nonnull (strstr (denied, hc_role_label (HC_ROLE_OPERATOR)));
  g_free (hc_test_find_text (GTK_WIDGET (audit), hc_role_label (HC_ROLE_OPERATOR)));
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (hc_audit_window_get_pane (audit))));
  screenshot (f, GTK_WIDGET (audit), "operator");

  gtk_window_destroy (GTK_WINDOW (audit));
  fixture_tear_down (f);
}

/* All hubs: one where the role may read the log, one where it may not.
 * The log shows the first's entries with their hub, and names the
 * second with the reason. */
static void
test_audit_all_hubs (Fixture *f, gconstpointer data)
{
  HcHubManager *manager;
  HcHub *other;
  g_autofree char *other_url = NULL;
  HcAuditWindow *audit;
  HcListPane *pane;
  GListModel *visible;
  const char *banner;

  fixture_set_up (f, data, SUPERVISOR_TOKEN);
  manager = hc_application_get_hub_manager (f->app);
  /* The same demo hub by another name, so the manager holds it twice. */
  g_assert_true (g_str_has_prefix (f->url, "http://127.0.0.1:"));
  other_url = g_strconcat ("http://localhost:", f->url + strlen ("http://127.0.0.1:"), NULL);
  other = hc_hub_manager_add_session_hub (manager, "Operator hub", other_url, HC_DEMO_OPERATOR_TOKEN);
  hc_test_wait_hub_ready (other, 120);
  hc_window_set_scope (f->window, NULL);

  /* Something in the log of a fresh demo hub: an alert acknowledged. */
  {
    HcItemStore *alerts = hc_hub_get_alerts (f->hub);
    g_autofree char *alert_id = NULL;
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(HcAlert) acked = NULL;
    g_autoptr(GError) error = NULL;

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (alerts)) && alert_id == NULL; i++)
      {
        g_autoptr(HcAlert) alert = g_list_model_get_item (G_LIST_MODEL (alerts), i);

        if (hc_alert_get_state (alert) == HC_ALERT_STATE_OPEN)
          alert_id = g_strdup (hc_item_get_id (HC_ITEM (alert)));
      }
    g_assert_nonnull (alert_id);
    hc_hub_acknowledge_alert_async (f->hub, alert_id, "Seen by the supervisor", NULL, NULL, store_result, &result);
    hc_test_spin_until (is_set, &result, 90);
    acked = hc_hub_acknowledge_alert_finish (f->hub, result, &error);
    g_assert_no_error (error);
  }

  audit = open_audit (f);
  pane = hc_audit_window_get_pane (audit);
  wait_loaded (audit);

  g_assert_null (hc_audit_window_get_denied (audit));
  banner = hc_audit_window_get_problems (audit);
  g_assert_nonnull (banner);
  g_assert_nonnull (strstr (banner, "Operator hub"));
  g_assert_nonnull (strstr (banner, hc_role_label (HC_ROLE_OPERATOR)));
  visible = hc_list_pane_get_visible_model (pane);
  g_assert_cmpuint (g_list_model_get_n_items (visible), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (visible); i++)
    {
      g_autoptr(HcAuditEntry) entry = g_list_model_get_item (visible, i);
      g_assert_true (hc_audit_columns_get_hub (entry) == f->hub);
    }
  {
    g_autoptr(GtkColumnViewColumn) hub_column =
      g_list_model_get_item (gtk_column_view_get_columns (hc_list_pane_get_view (pane)), 1);
    g_assert_true (gtk_column_view_column_get_visible (hub_column));
  }
  g_free (hc_test_find_text (GTK_WIDGET (audit), "Demo hub"));
  screenshot (f, GTK_WIDGET (audit), "all-hubs");

  gtk_window_destroy (GTK_WINDOW (audit));
  hc_hub_manager_remove_session_hub (manager, other);
  fixture_tear_down (f);
}

int
main (int argc, char *argv[])
{
  Fixture fixture = { 0 };

  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  hc_test_init_ui ();
  adw_init ();
  hc_test_add_icons ();
  fixture.lang = g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C";
  fixture.app = hc_test_new_app ();

  g_test_add ("/audit/supervisor", Fixture, &fixture, NULL, test_audit_supervisor, NULL);
  g_test_add ("/audit/operator", Fixture, &fixture, NULL, test_audit_operator, NULL);
  g_test_add ("/audit/all-hubs", Fixture, &fixture, NULL, test_audit_all_hubs, NULL);
  {
    int status = g_test_run ();
    g_clear_object (&fixture.app);
    return status;
  }
}
