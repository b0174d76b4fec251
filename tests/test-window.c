/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The main window in a real display: walk the sections through their
 * actions, look at each page, save a screenshot, and check it finalizes. */
#include "config.h"

#include <locale.h>

#include "hc-application.h"
#include "hc-window.h"

static const char * const sections[] = {
  "overview", "ingestion", "quality", "storage", "security",
};

static void
spin_until (gboolean (*done) (gpointer), gpointer data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static gboolean
timeout_done (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_done, &done);
  spin_until (flag_is_set, &done);
}

static void
save_screenshot (GtkWidget *widget, const char *name)
{
  GdkPaintable *paintable = gtk_widget_paintable_new (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  GskRenderer *renderer;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (g_getenv ("HC_BUILD_DIR") ? g_getenv ("HC_BUILD_DIR") : ".",
                           "screenshots", name, NULL);
  g_mkdir_with_parents (g_getenv ("HC_BUILD_DIR") ? g_getenv ("HC_BUILD_DIR") : ".", 0755);
  {
    g_autofree char *dir = g_path_get_dirname (path);
    g_mkdir_with_parents (dir, 0755);
  }
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  g_object_unref (paintable);
}

static GtkWidget *
find_descendant_by_type (GtkWidget *root, GType type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = find_descendant_by_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

static void
test_window_sections (void)
{
  g_autoptr(HcApplication) app = hc_application_new ();
  HcWindow *window;
  GtkStack *stack;
  gpointer weak;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  window = hc_application_new_window (app);
  weak = window;
  g_object_add_weak_pointer (G_OBJECT (window), &weak);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 640);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (widget_is_mapped, window);

  stack = GTK_STACK (find_descendant_by_type (GTK_WIDGET (window), GTK_TYPE_STACK));
  g_assert_nonnull (stack);

  /* Walk the sections backwards so each one is a real change. */
  for (int i = G_N_ELEMENTS (sections) - 1; i >= 0; i--)
    {
      GtkWidget *page;
      g_autofree char *shot = g_strdup_printf ("window-%s.png", sections[i]);

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", sections[i]));
      g_assert_cmpstr (hc_window_get_section (window), ==, sections[i]);
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, sections[i]);

      /* With no hub, each section shows its own empty state. */
      page = gtk_stack_get_visible_child (stack);
      g_assert_true (GTK_IS_STACK (page));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (page)), ==, "empty");
      page = gtk_stack_get_visible_child (GTK_STACK (page));
      settle (300);
      g_assert_true (gtk_widget_get_mapped (page));
      g_assert_true (ADW_IS_STATUS_PAGE (page));
      g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Hub Connected");
      save_screenshot (GTK_WIDGET (window), shot);
    }

  /* An unknown section is refused and the page stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", "nonsense");
  g_assert_cmpstr (hc_window_get_section (window), ==, "overview");

  /* Narrow: the leaflet folds down to 360 px and keeps working. */
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 640);
  settle (400);
  {
    AdwLeaflet *leaflet = ADW_LEAFLET (adw_application_window_get_content (ADW_APPLICATION_WINDOW (window)));
    g_assert_true (adw_leaflet_get_folded (leaflet));
    save_screenshot (GTK_WIDGET (window), "window-narrow.png");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  spin_until (pointer_is_null, &weak);
}

int
main (int argc, char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/sections", test_window_sections);
  return g_test_run ();
}
