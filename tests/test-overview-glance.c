/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview at a glance, in a real window on the demo hub: the four
 * cards two by two, every verdict on screen without scrolling, at
 * 1280 × 800 and 800 × 600; one column at 360 px. The wall (F11): large
 * verdicts at 1920 × 1080, the next hub every few seconds, Escape leaves.
 * Screenshots of each. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hc-application.h"
#include "hc-card-grid.h"
#include "hc-demo-launcher.h"
#include "hc-test-ui.h"
#include "hc-wall.h"
#include "hc-window.h"

typedef HcTestConsole Fixture;

static Fixture shared;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  hc_test_console_open (f, shared.app, shared.lang, "demo-operator-token");
  /* The cards counted from the whole lists now, not at the page's next
   * refresh: their height is what is measured. */
  hc_overview_page_get_note (hc_window_get_overview_page (f->window), "sources");
  hc_test_settle (200);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  hc_test_console_close (f);
}

typedef struct {
  GtkWidget *widget;
  int        width;
  int        height;
} Size;

static gboolean
has_size (gpointer data)
{
  Size *size = data;

  /* The size asked for includes the frame of an X11 window without a
   * compositor (5 px each side): the window's own widget is that much
   * smaller. */
  return ABS (gtk_widget_get_width (size->widget) + 10 - size->width) <= 10
         && ABS (gtk_widget_get_height (size->widget) + 10 - size->height) <= 10;
}

static void
resize (GtkWindow *window, int width, int height)
{
  Size size = { GTK_WIDGET (window), width, height };

  gtk_window_set_default_size (window, width, height);
  /* Not below the window's own minimum (its pages' widest, about 380 px). */
  for (guint i = 0; i < 50 && !has_size (&size); i++)
    hc_test_settle (100);
  hc_test_settle (400);
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static graphene_rect_t
bounds_in (GtkWidget *widget, GtkWidget *window)
{
  graphene_rect_t r;

  g_assert_true (gtk_widget_compute_bounds (widget, window, &r));
  return r;
}

/* The cards in their order: Ingestion, Data Quality, Storage, Security. */
static void
get_cards (HcWindow *window, GtkWidget **cards)
{
  GtkWidget *grid = hc_test_find_by_type (GTK_WIDGET (hc_window_get_overview_page (window)), HC_TYPE_CARD_GRID);
  guint n = 0;

  g_assert_nonnull (grid);
  for (GtkWidget *c = gtk_widget_get_first_child (grid); c; c = gtk_widget_get_next_sibling (c))
    cards[n++] = c;
  g_assert_cmpuint (n, ==, 4);
}

/* Every card and its verdict wholly inside the window: no scrolling. */
static void
assert_all_on_screen (HcWindow *window)
{
  GtkWidget *w = GTK_WIDGET (window);
  GtkWidget *cards[4];

  get_cards (window, cards);
  for (guint i = 0; i < 4; i++)
    {
      graphene_rect_t r = bounds_in (cards[i], w);

      g_assert_cmpfloat (r.origin.x, >=, 0);
      g_assert_cmpfloat (r.origin.y, >=, 0);
      g_assert_cmpfloat (r.origin.x + r.size.width, <=, gtk_widget_get_width (w));
      g_assert_cmpfloat (r.origin.y + r.size.height, <=, gtk_widget_get_height (w));
    }
}

static void
assert_two_by_two (HcWindow *window)
{
  GtkWidget *cards[4];
  graphene_rect_t r[4];

  get_cards (window, cards);
  for (guint i = 0; i < 4; i++)
    r[i] = bounds_in (cards[i], GTK_WIDGET (window));
  /* Ingestion beside Quality, Storage beside Security, below them. */
  g_assert_cmpfloat (r[0].origin.y, ==, r[1].origin.y);
  g_assert_cmpfloat (r[2].origin.y, ==, r[3].origin.y);
  g_assert_cmpfloat (r[0].origin.x, <, r[1].origin.x);
  g_assert_cmpfloat (r[0].origin.x, ==, r[2].origin.x);
  g_assert_cmpfloat (r[1].origin.x, ==, r[3].origin.x);
  g_assert_cmpfloat (r[2].origin.y, >=, r[0].origin.y + r[0].size.height);
  g_assert_cmpfloat (r[2].origin.y, >=, r[1].origin.y + r[1].size.height);
}

static void
screenshot (Fixture *f, const char *what)
{
  g_autofree char *name = g_strdup_printf ("overview-%s-%s.png", what, f->lang);

  hc_test_screenshot (GTK_WIDGET (f->window), name);
}

static void
test_overview_glance (Fixture *f, gconstpointer data)
{
  GtkWidget *cards[4];
  GtkWidget *leaflet;

  resize (GTK_WINDOW (f->window), 1280, 800);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), >=, 780);
  assert_two_by_two (f->window);
  assert_all_on_screen (f->window);
  screenshot (f, "1280x800");

  resize (GTK_WINDOW (f->window), 800, 600);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 800);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), <=, 600);
  assert_two_by_two (f->window);
  assert_all_on_screen (f->window);
  screenshot (f, "800x600");

  /* A narrow laptop split: one column, each card as wide as the window allows. */
  resize (GTK_WINDOW (f->window), 360, 640);
  leaflet = hc_test_find_by_type (GTK_WIDGET (f->window), ADW_TYPE_LEAFLET);
  adw_leaflet_navigate (ADW_LEAFLET (leaflet), ADW_NAVIGATION_DIRECTION_FORWARD);
  hc_test_settle (600);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 400);
  get_cards (f->window, cards);
  g_assert_true (gtk_widget_get_mapped (cards[0]));
  for (guint i = 1; i < 4; i++)
    {
      graphene_rect_t above = bounds_in (cards[i - 1], GTK_WIDGET (f->window));
      graphene_rect_t r = bounds_in (cards[i], GTK_WIDGET (f->window));

      g_assert_cmpfloat (r.origin.x, ==, above.origin.x);
      g_assert_cmpfloat (r.origin.y, >=, above.origin.y + above.size.height);
      g_assert_cmpfloat (r.origin.x + r.size.width, <=, gtk_widget_get_width (GTK_WIDGET (f->window)));
    }
  g_assert_cmpuint (hc_card_grid_get_columns (HC_CARD_GRID (gtk_widget_get_parent (cards[0]))), ==, 1);
  screenshot (f, "360");
}

/* Activates what @key is bound to on @widget, as pressing it would: the
 * widget's shortcut controllers hold its class's key bindings. */
static void
press_key (GtkWidget *widget, guint key)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_keyval_trigger_new (key, 0);

  for (guint c = 0; c < g_list_model_get_n_items (controllers); c++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, c);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (controller)); i++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), i);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            {
              g_assert_true (gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget, NULL));
              return;
            }
        }
    }
  g_assert_not_reached ();
}

static HcWall *
find_wall (HcApplication *app)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
    if (HC_IS_WALL (l->data))
      return l->data;
  return NULL;
}

typedef struct {
  HcWall *wall;
  HcHub  *first;
} Rotation;

static gboolean
rotated (gpointer data)
{
  Rotation *r = data;

  return hc_wall_get_hub (r->wall) != r->first;
}

/* The wall's line under the hub's name, when it names a problem. */
static GtkWidget *
find_problem_line (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "wall-meta")
          && gtk_widget_has_css_class (child, "warning"))
        return child;
      if ((found = find_problem_line (child)) != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  HcWall *wall;
  HcHub  *hub;
} Showing;

static gboolean
shows_offline_hub (gpointer data)
{
  Showing *s = data;

  return hc_wall_get_hub (s->wall) == s->hub && hc_hub_get_state (s->hub) == HC_HUB_OFFLINE
         && find_problem_line (GTK_WIDGET (s->wall)) != NULL;
}

static void
test_wall (Fixture *f, gconstpointer data)
{
  static const char * const cards[] = { "sources", "quality", "storage", "alerts" };
  HcHubManager *manager = hc_application_get_hub_manager (f->app);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(HcDemoLauncher) second_launcher = NULL;
  g_autofree char *second_url = NULL;
  HcHub *second;
  HcWall *wall;
  Rotation rotation;
  g_autofree char *shot = g_strdup_printf ("wall-1920x1080-%s.png", f->lang);
  g_autofree char *shot2 = g_strdup_printf ("wall-second-hub-%s.png", f->lang);

  g_settings_set_uint (settings, "wall-rotate-seconds", 2);
  /* A second hub: another demo hub, under another name. */
  second_launcher = hc_demo_launcher_new ();
  second_url = hc_test_start_demo_hub (second_launcher);
  second = hc_hub_manager_add_session_hub (manager, "Trung tâm Đà Nẵng", second_url, "demo-operator-token");
  hc_test_wait_hub_ready (second, 60);

  /* F11 on the window opens the wall, fullscreen; Escape leaves it. */
  press_key (GTK_WIDGET (f->window), GDK_KEY_F11);
  wall = find_wall (f->app);
  g_assert_nonnull (wall);
  g_object_add_weak_pointer (G_OBJECT (wall), (gpointer *) &wall);
  hc_test_wait_mapped (GTK_WIDGET (wall));
  press_key (GTK_WIDGET (wall), GDK_KEY_Escape);
  hc_test_spin_until (pointer_is_null, &wall, 10);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->window)));

  /* On the operations room's 1920 × 1080 screen (meson runs this test on
   * an X server of that size, with no window manager to make a window
   * fullscreen: the size is asked for). */
  wall = hc_wall_new (manager);
  g_object_add_weak_pointer (G_OBJECT (wall), (gpointer *) &wall);
  gtk_window_set_application (GTK_WINDOW (wall), GTK_APPLICATION (f->app));
  gtk_window_set_default_size (GTK_WINDOW (wall), 1920, 1080);
  gtk_window_present (GTK_WINDOW (wall));
  hc_test_wait_mapped (GTK_WIDGET (wall));
  resize (GTK_WINDOW (wall), 1920, 1080);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (wall)), >=, 1900);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (wall)), >=, 1060);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (wall)), <=, 1080);
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    {
      GtkWidget *verdict = hc_wall_get_verdict_widget (wall, cards[i]);
      graphene_rect_t r = bounds_in (verdict, GTK_WIDGET (wall));

      /* Readable from three metres: at least 48 px high, and on screen. */
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (verdict)), !=, "");
      g_assert_cmpint (gtk_widget_get_height (verdict), >=, 48);
      g_assert_cmpfloat (r.origin.y + r.size.height, <=, gtk_widget_get_height (GTK_WIDGET (wall)));
      g_assert_cmpfloat (r.origin.x + r.size.width, <=, gtk_widget_get_width (GTK_WIDGET (wall)));
    }
  /* Nothing on it needs a mouse. */
  g_assert_null (hc_test_find_by_type (GTK_WIDGET (wall), GTK_TYPE_BUTTON));
  hc_test_screenshot (GTK_WIDGET (wall), shot);

  /* The next hub after wall-rotate-seconds, and round again. */
  rotation.wall = wall;
  rotation.first = hc_wall_get_hub (wall);
  g_assert_nonnull (rotation.first);
  /* How soon is not asserted here (a loaded machine only delays it): it
   * turns by itself, with nothing touched. */
  hc_test_spin_until (rotated, &rotation, 10);
  hc_test_settle (300);
  hc_test_screenshot (GTK_WIDGET (wall), shot2);
  rotation.first = hc_wall_get_hub (wall);
  hc_test_spin_until (rotated, &rotation, 10);

  /* A hub that goes down says so on the wall, and gives no good news. */
  hc_demo_launcher_stop (second_launcher);
  {
    Showing showing = { wall, second };
    g_autofree char *offline_shot = g_strdup_printf ("wall-offline-hub-%s.png", f->lang);

    hc_test_spin_until (shows_offline_hub, &showing, 40);
    g_assert_nonnull (strstr (gtk_label_get_label (GTK_LABEL (find_problem_line (GTK_WIDGET (wall)))),
                              "Trung tâm Đà Nẵng"));
    for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
      {
        const char *verdict = gtk_label_get_label (GTK_LABEL (hc_wall_get_verdict_widget (wall, cards[i])));

        g_assert_cmpstr (verdict, !=, _("All feeds on time"));
        g_assert_cmpstr (verdict, !=, _("All pools healthy"));
        g_assert_cmpstr (verdict, !=, _("No open alerts"));
      }
    hc_test_screenshot (GTK_WIDGET (wall), offline_shot);
  }

  press_key (GTK_WIDGET (wall), GDK_KEY_Escape);
  hc_test_spin_until (pointer_is_null, &wall, 10);

  hc_hub_manager_remove_session_hub (manager, second);
  hc_demo_launcher_stop (second_launcher);
  g_settings_reset (settings, "wall-rotate-seconds");
}

int
main (int argc, char *argv[])
{
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  gtk_test_init (&argc, &argv, NULL);
  hc_test_init_ui ();
  adw_init ();
  hc_test_add_icons ();
  shared.lang = g_getenv ("LANGUAGE") ? g_getenv ("LANGUAGE") : "C";
  shared.app = hc_test_new_app ();

  g_test_add ("/overview/glance", Fixture, NULL, fixture_set_up, test_overview_glance, fixture_tear_down);
  g_test_add ("/overview/wall", Fixture, NULL, fixture_set_up, test_wall, fixture_tear_down);
  status = g_test_run ();
  g_clear_object (&shared.app);
  return status;
}
