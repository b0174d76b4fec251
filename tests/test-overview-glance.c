/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Overview at a glance, in a real window on the demo hub: the four
 * cards two by two, every verdict on screen without scrolling, at
 * 1280 × 800 and 800 × 600; one column at 360 px. Screenshots of each. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hc-application.h"
#include "hc-card-grid.h"
#include "hc-demo-launcher.h"
#include "hc-test-ui.h"
#include "hc-window.h"

typedef struct {
  HcDemoLauncher *launcher;
  char           *url;
  HcApplication  *app;
  HcWindow       *window;
  HcHub          *hub;
  const char     *lang;
} Fixture;

static Fixture shared;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  HcHubManager *manager;

  f->app = shared.app;
  f->lang = shared.lang;
  f->launcher = hc_demo_launcher_new ();
  f->url = hc_test_start_demo_hub (f->launcher);

  f->window = hc_application_new_window (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  hc_test_wait_mapped (GTK_WIDGET (f->window));

  manager = hc_application_get_hub_manager (f->app);
  hc_hub_manager_start (manager);
  f->hub = hc_hub_manager_add_session_hub (manager, "Demo hub", f->url, "demo-operator-token");
  hc_test_wait_hub_ready (f->hub, 60);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  hc_hub_manager_remove_session_hub (hc_application_get_hub_manager (f->app), f->hub);
  hc_test_destroy_window (GTK_WINDOW (f->window));
  hc_demo_launcher_stop (f->launcher);
  g_clear_object (&f->launcher);
  g_clear_pointer (&f->url, g_free);
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
  shared.app = hc_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (shared.app), NULL, NULL));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HC_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add ("/overview/glance", Fixture, NULL, fixture_set_up, test_overview_glance, fixture_tear_down);
  status = g_test_run ();
  g_clear_object (&shared.app);
  return status;
}
