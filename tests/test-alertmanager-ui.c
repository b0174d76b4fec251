/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An Alertmanager as a hub in the real window: its alerts in Security
 * with the mapped severity, acknowledge as a silence (the dialog asks for
 * a comment and how long) read back from the Alertmanager, Resolve not
 * offered with the reason shown, Expire Silence. Screenshots in the
 * language of $LANGUAGE.
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "hc-application.h"
#include "hc-labels.h"
#include "hc-security-page.h"
#include "hc-test-alertmanager.h"
#include "hc-test-ui.h"
#include "hc-window.h"

static HcTestAlertmanager *am;
static const char *lang;

#define ALERTS \
  "[{\"labels\":{\"alertname\":\"DiskFull\",\"severity\":\"critical\",\"instance\":\"db1:9100\"}," \
  "  \"annotations\":{\"summary\":\"Disk full on db1\",\"description\":\"/var is 99% full\"}," \
  "  \"generatorURL\":\"http://prometheus.example/graph\"}," \
  " {\"labels\":{\"alertname\":\"Meteor\",\"severity\":\"disaster\",\"instance\":\"dc1\"}}]"

static gboolean
hub_has_alerts (gpointer data)
{
  return hc_hub_get_state (data) == HC_HUB_CONNECTED &&
         g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_alerts (data))) == 2;
}

static HcAlert *
find_alert (HcHub      *hub,
            const char *alertname)
{
  GListModel *model = G_LIST_MODEL (hc_hub_get_alerts (hub));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(HcAlert) alert = g_list_model_get_item (model, i);

      if (g_strcmp0 (hc_alert_get_category_text (alert), alertname) == 0)
        return alert;
    }
  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
alert_in_state (gpointer data)
{
  HcAlert *alert = data;
  HcAlertState wanted = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (alert), "wanted"));

  return hc_alert_get_state (alert) == wanted;
}

static void
wait_state (HcAlert      *alert,
            HcAlertState  state)
{
  g_object_set_data (G_OBJECT (alert), "wanted", GINT_TO_POINTER (state));
  hc_test_spin_until (alert_in_state, alert, 20);
}

static void
test_security_with_alertmanager (gconstpointer data)
{
  HcApplication *app = HC_APPLICATION ((gpointer) data);
  HcHubManager *manager = hc_application_get_hub_manager (app);
  g_autoptr(HcProfile) profile = hc_profile_new ("Prometheus DC1", am->url, "operator1", NULL);
  HcWindow *window;
  HcSecurityPage *page;
  HcHub *hub;
  HcAlert *disk, *meteor;
  AdwMessageDialog *dialog;
  g_autofree char *text = NULL;
  g_autofree char *shot = NULL;
  g_autoptr(JsonNode) silences = NULL;
  JsonObject *silence;
  GtkTextView *comment;

  hc_test_alertmanager_post (am, ALERTS);
  hc_profile_set_kind (profile, HC_PROFILE_KIND_ALERTMANAGER);
  hc_profile_set_poll_interval (profile, 2);
  hc_profile_store_add (hc_hub_manager_get_profiles (manager), profile);
  hc_hub_manager_start (manager);
  hub = hc_hub_manager_lookup (manager, hc_profile_get_id (profile));
  g_assert_nonnull (hub);
  g_assert_cmpstr (hc_hub_get_kind (hub), ==, HC_PROFILE_KIND_ALERTMANAGER);
  hc_test_spin_until (hub_has_alerts, hub, 30);

  window = hc_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  hc_test_wait_mapped (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "security"));
  page = hc_window_get_security_page (window);
  hc_test_settle (300);

  /* In the list as the operator reads it: the title and the mapped severity. */
  text = hc_test_find_text (GTK_WIDGET (page), "Disk full on db1");
  g_assert_nonnull (text);
  g_clear_pointer (&text, g_free);
  text = hc_test_find_text (GTK_WIDGET (page), hc_severity_label (HC_SEVERITY_CRITICAL));
  g_assert_nonnull (text);
  g_clear_pointer (&text, g_free);

  /* The unknown severity, shown as it came in the detail. */
  meteor = find_alert (hub, "Meteor");
  hc_list_pane_select_item (hc_security_page_get_pane (page), meteor);
  hc_test_settle (200);
  text = hc_test_find_text (GTK_WIDGET (hc_security_page_get_detail (page)), "disaster");
  g_assert_nonnull (text);
  g_clear_pointer (&text, g_free);

  disk = find_alert (hub, "DiskFull");
  hc_list_pane_select_item (hc_security_page_get_pane (page), disk);
  hc_test_settle (200);
  /* Resolve is not offered, and the page says why. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (page), "security.resolve", NULL) &&
                  find_dialog () != NULL);
  text = hc_test_find_text (GTK_WIDGET (hc_security_page_get_detail (page)),
                            _("An Alertmanager resolves an alert by itself when its cause clears."));
  g_assert_nonnull (text);
  g_clear_pointer (&text, g_free);
  shot = g_strdup_printf ("alertmanager-alert-%s.png", lang);
  hc_test_screenshot (GTK_WIDGET (window), shot);
  g_clear_pointer (&shot, g_free);

  /* Acknowledge: a comment, and how long (4 hours). */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.acknowledge", NULL));
  hc_test_spin_until (dialog_shown, NULL, 10);
  dialog = find_dialog ();
  comment = GTK_TEXT_VIEW (hc_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (comment), "Đang thay ổ đĩa", -1);
  {
    GtkWidget *first = hc_test_find_by_type (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN);
    GtkWidget *expiry = first;

    /* The resolution list comes first and is hidden; the expiry is the visible one. */
    while (expiry != NULL && !gtk_widget_is_visible (expiry))
      expiry = hc_test_find_by_type (gtk_widget_get_next_sibling (gtk_widget_get_parent (expiry)),
                                     GTK_TYPE_DROP_DOWN);
    g_assert_nonnull (expiry);
    gtk_drop_down_set_selected (GTK_DROP_DOWN (expiry), 1);
  }
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "confirm"));
  hc_test_wait_mapped (GTK_WIDGET (dialog));
  hc_test_settle (800);
  shot = g_strdup_printf ("alertmanager-silence-dialog-%s.png", lang);
  hc_test_screenshot (gtk_window_get_child (GTK_WINDOW (dialog)), shot);
  g_clear_pointer (&shot, g_free);
  adw_message_dialog_response (dialog, "confirm");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_state (disk, HC_ALERT_STATE_ACKNOWLEDGED);

  silences = hc_test_alertmanager_get (am, "/silences");
  silence = json_array_get_object_element (json_node_get_array (silences), 0);
  g_assert_cmpstr (json_object_get_string_member (silence, "comment"), ==, "Đang thay ổ đĩa");
  g_assert_cmpstr (json_object_get_string_member (silence, "createdBy"), ==, "operator1");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (silence, "matchers")), ==, 3);
  {
    g_autoptr(GDateTime) ends = g_date_time_new_from_iso8601 (json_object_get_string_member (silence, "endsAt"), NULL);
    gint64 expected = g_get_real_time () / G_USEC_PER_SEC + 4 * 3600;

    g_assert_cmpint (ABS (g_date_time_to_unix (ends) - expected), <, 60);
  }
  hc_test_settle (300);
  shot = g_strdup_printf ("alertmanager-silenced-%s.png", lang);
  hc_test_screenshot (GTK_WIDGET (window), shot);
  g_clear_pointer (&shot, g_free);

  /* Expire Silence: open again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "security.expire-silence", NULL));
  wait_state (disk, HC_ALERT_STATE_OPEN);

  /* The Overview with an Alertmanager only: its alerts counted, the rest it
   * does not serve never reported as all clear. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "overview"));
  hc_test_settle (300);
  shot = g_strdup_printf ("alertmanager-overview-%s.png", lang);
  hc_test_screenshot (GTK_WIDGET (window), shot);
  g_clear_pointer (&shot, g_free);

  hc_test_destroy_window (GTK_WINDOW (window));
  hc_hub_manager_stop (manager);
}

int
main (int argc, char *argv[])
{
  g_autoptr(HcApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  hc_test_init_ui ();
  adw_init ();
  hc_test_add_icons ();
  if (!hc_test_alertmanager_available ())
    {
      g_test_message ("prometheus-alertmanager is not installed: skipping");
      return 77;
    }
  lang = g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C";
  app = hc_test_new_app ();
  am = hc_test_alertmanager_new ();

  g_test_add_data_func ("/alertmanager-ui/security", app, test_security_with_alertmanager);
  status = g_test_run ();
  hc_test_alertmanager_free (am);
  return status;
}
