/* SPDX-License-Identifier: GPL-3.0-or-later */
/* New until seen, in a real window: a hub's row in the sidebar counts its
 * new critical and high alerts (and says so to a screen reader), an
 * alert arriving live adds to it, an alert seen or "Mark all as seen"
 * takes from it; what was seen is kept in the file across a restart. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>

#include "hc-hub-row.h"
#include "hc-item-store.h"
#include "hc-parser.h"
#include "hc-security-page.h"
#include "hc-test-ui.h"

#define HUB_KEY "hub-seen"

static HcItem *
alert (const char *id, const char *severity, gint64 detected_at)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_utc (detected_at);
  g_autofree char *iso = g_date_time_format_iso8601 (when);
  g_autofree char *json = g_strdup_printf (
    "{\"id\":\"%s\",\"severity\":\"%s\",\"category\":\"intrusion\",\"title\":\"Alert %s\","
    "\"description\":\"\",\"asset\":\"db-01\",\"source_ip\":null,\"detected_at\":\"%s\","
    "\"state\":\"open\",\"acknowledged_by\":null,\"acknowledged_at\":null,\"resolved_by\":null,"
    "\"resolved_at\":null,\"resolution\":null,\"events_count\":1}", id, severity, id, iso);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  HcItem *item;

  node = json_from_string (json, &error);
  g_assert_no_error (error);
  item = hc_parse_alert (node, &error);
  g_assert_no_error (error);
  return item;
}

static void
upsert (HcHub *hub, const char *id, const char *severity, gint64 detected_at)
{
  g_autoptr(HcItem) item = alert (id, severity, detected_at);

  hc_item_store_upsert (hc_hub_get_alerts (hub), item);
}

static char *
expected_count (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", n), n);
}

/* A label shown (visible, up to @root) with @text, or NULL. */
static GtkWidget *
visible_label (GtkWidget *root, const char *text)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      /* A mark not shown is transparent (ui/hc-list-pane-new.c). */
      if (!gtk_widget_get_visible (child) || gtk_widget_get_opacity (child) == 0)
        continue;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        return child;
      if ((found = visible_label (child, text)) != NULL)
        return found;
    }
  return NULL;
}

static void
screenshot (GtkWidget *widget, const char *what)
{
  g_autofree char *name = g_strdup_printf ("seen-%s-%s.png", what,
                                           g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C");
  hc_test_screenshot (widget, name);
}

static void
test_seen_hub_row (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hc-seen-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "seen.ini", NULL);
  g_autoptr(HcSeenStore) seen = hc_seen_store_new (path);
  g_autoptr(HcClient) client = hc_client_new ("http://127.0.0.1:9", NULL, NULL, NULL, FALSE);
  g_autoptr(HcHub) hub = hc_hub_new (HUB_KEY, client);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *list = gtk_list_box_new ();
  HcHubRow *row;

  /* The console first watched this hub an hour ago. */
  hc_seen_store_start (seen, HUB_KEY, now - 3600);
  upsert (hub, "a-old", "critical", now - 7200);   /* before: not news */
  upsert (hub, "a-1", "critical", now - 600);
  upsert (hub, "a-2", "high", now - 60);
  upsert (hub, "a-3", "medium", now - 60);         /* new, but not counted */

  row = HC_HUB_ROW (hc_hub_row_new_with_seen (hub, "Trung tâm Hà Nội", seen));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_widget_set_size_request (list, 260, -1);
  gtk_window_set_child (window, list);
  gtk_window_present (window);
  hc_test_wait_mapped (GTK_WIDGET (row));
  hc_test_settle (100);

  /* Two new critical or high alerts, in words. */
  g_assert_cmpuint (hc_hub_row_get_n_unseen (row), ==, 2);
  {
    g_autofree char *text = expected_count (2);
    g_assert_nonnull (visible_label (GTK_WIDGET (row), text));
  }
  screenshot (GTK_WIDGET (window), "row");

  /* One seen (shown selected in the list): one left. */
  hc_seen_store_mark_seen (seen, HUB_KEY, "a-1");
  g_assert_cmpuint (hc_hub_row_get_n_unseen (row), ==, 1);
  {
    g_autofree char *text = expected_count (1);
    g_assert_nonnull (visible_label (GTK_WIDGET (row), text));
  }

  /* A critical alert arrives live: counted at once. */
  upsert (hub, "a-4", "critical", now);
  g_assert_cmpuint (hc_hub_row_get_n_unseen (row), ==, 2);

  /* A restart: a new store on the same file knows what was seen. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(HcSeenStore) again = hc_seen_store_new (path);

    g_assert_true (hc_seen_store_save (seen, &error));
    g_assert_no_error (error);
    g_assert_true (hc_seen_store_load (again, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (hc_seen_store_count_unseen (again, HUB_KEY, G_LIST_MODEL (hc_hub_get_alerts (hub)),
                                                  HC_SEVERITY_HIGH), ==, 2);
  }

  /* Mark all as seen: nothing new, nothing shown. */
  hc_seen_store_mark_all_seen (seen, HUB_KEY, now + 1);
  g_assert_cmpuint (hc_hub_row_get_n_unseen (row), ==, 0);
  {
    g_autofree char *text = expected_count (2);
    g_assert_null (visible_label (GTK_WIDGET (row), text));
  }

  hc_test_destroy_window (window);
  g_unlink (path);
  g_rmdir (dir);
}

typedef struct {
  HcSeenStore *seen;
} Marks;

static gboolean
mark_is_new (gpointer item, gpointer data)
{
  Marks *marks = data;
  return !hc_seen_store_is_alert_seen (marks->seen, HUB_KEY, item);
}

static void
mark_seen (gpointer item, gpointer data)
{
  Marks *marks = data;
  hc_seen_store_mark_seen (marks->seen, HUB_KEY, hc_item_get_id (HC_ITEM (item)));
}

static guint
count_visible_labels (GtkWidget *root, const char *text)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* A mark not shown is transparent (ui/hc-list-pane-new.c). */
      if (!gtk_widget_get_visible (child) || gtk_widget_get_opacity (child) == 0)
        continue;
      if (GTK_IS_LABEL (child) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (child)), text) == 0)
        n++;
      n += count_visible_labels (child, text);
    }
  return n;
}

static void
on_changed (HcSeenStore *seen, const char *hub_key, HcListPane *pane)
{
  hc_list_pane_new_marks_changed (pane);
}

static gboolean
all_seen (gpointer data)
{
  HcListPane *pane = data;
  /* The column's title says it too. */
  return count_visible_labels (GTK_WIDGET (hc_list_pane_get_view (pane)), g_dgettext (GETTEXT_PACKAGE, "New")) == 1;
}

/* The alerts list marks the new ones, "New" beside a dot, until seen: one
 * shown selected at once, the others after a few seconds on screen. */
static void
test_seen_list_marks (void)
{
  g_autofree char *dir = g_dir_make_tmp ("hc-seen-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "seen.ini", NULL);
  Marks marks = { hc_seen_store_new (path) };
  g_autoptr(HcItemStore) alerts = hc_item_store_new (HC_TYPE_ALERT);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  HcSecurityPage *page = HC_SECURITY_PAGE (hc_security_page_new ());
  HcListPane *pane = hc_security_page_get_pane (page);
  GtkWidget *view = GTK_WIDGET (hc_list_pane_get_view (pane));
  const char *new_word = g_dgettext (GETTEXT_PACKAGE, "New");
  gint64 started;

  hc_seen_store_start (marks.seen, HUB_KEY, now - 3600);
  {
    g_autoptr(HcItem) old = alert ("a-old", "critical", now - 7200);
    g_autoptr(HcItem) one = alert ("a-1", "critical", now - 600);
    g_autoptr(HcItem) two = alert ("a-2", "medium", now - 60);
    hc_item_store_upsert (alerts, old);
    hc_item_store_upsert (alerts, one);
    hc_item_store_upsert (alerts, two);
  }
  hc_list_pane_set_new_marks (pane, mark_is_new, mark_seen, &marks, NULL);
  g_signal_connect_object (marks.seen, "changed", G_CALLBACK (on_changed), pane, 0);
  hc_security_page_set_alerts (page, G_LIST_MODEL (alerts));
  gtk_window_set_default_size (window, 1200, 500);
  gtk_window_set_child (window, GTK_WIDGET (page));
  started = g_get_monotonic_time ();
  gtk_window_present (window);
  hc_test_wait_mapped (GTK_WIDGET (page));
  hc_test_settle (200);

  /* Two new, marked in words (and the column's title); the old one not. */
  g_assert_cmpuint (count_visible_labels (view, new_word), ==, 1 + 2);
  screenshot (GTK_WIDGET (window), "list");

  /* Shown selected: seen at once (the window does this on selection). */
  {
    g_autoptr(HcAlert) one = g_list_model_get_item (G_LIST_MODEL (alerts), 1);
    mark_seen (one, &marks);
  }
  g_assert_cmpuint (count_visible_labels (view, new_word), ==, 1 + 1);
  g_assert_true (hc_seen_store_is_seen (marks.seen, HUB_KEY, "a-1", now - 600));
  g_assert_false (hc_seen_store_is_seen (marks.seen, HUB_KEY, "a-2", now - 60));

  /* On screen a few seconds: seen. */
  hc_test_spin_until (all_seen, pane, 10);
  g_assert_cmpint (g_get_monotonic_time () - started, >=, 2 * G_USEC_PER_SEC);
  g_assert_true (hc_seen_store_is_seen (marks.seen, HUB_KEY, "a-2", now - 60));

  hc_test_destroy_window (window);
  g_clear_object (&marks.seen);
  g_rmdir (dir);
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
  g_test_add_func ("/seen/hub-row", test_seen_hub_row);
  g_test_add_func ("/seen/list-marks", test_seen_list_marks);
  return g_test_run ();
}
