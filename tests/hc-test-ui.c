/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hc-test-ui.h"

void
hc_test_spin_until (gboolean (*done) (gpointer),
                    gpointer   data,
                    guint      timeout_seconds)
{
  gint64 deadline = g_get_monotonic_time () + timeout_seconds * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out after %u s waiting for a condition", timeout_seconds);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
flag_is_set (gpointer data)
{
  return *(gboolean *) data;
}

static gboolean
set_flag (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
hc_test_settle (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, set_flag, &done);
  hc_test_spin_until (flag_is_set, &done, 60);
}

/* What GtkApplication does for the console: its own icons from the resource. */
void
hc_test_add_icons (void)
{
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (gdk_display_get_default ()),
                                    APP_PATH "/icons");
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

void
hc_test_wait_mapped (GtkWidget *widget)
{
  hc_test_spin_until (is_mapped, widget, 20);
}

void
hc_test_screenshot (GtkWidget  *widget,
                    const char *name)
{
  const char *build_dir = g_getenv ("HC_BUILD_DIR");
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (build_dir ? build_dir : ".", "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  /* A frame may be pending right after a change: give it a few tries. */
  for (guint attempt = 0; attempt < 20 && node == NULL; attempt++)
    {
      if (attempt > 0)
        hc_test_settle (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  /* A screenshot is for people to look at, not an assertion: a window a
   * slow (sanitizer) build has not drawn yet is skipped, and said so. */
  if (node == NULL)
    {
      g_test_message ("screenshot: %s skipped, nothing drawn yet", path);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

GtkWidget *
hc_test_find_by_type (GtkWidget *root,
                      GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        return child;
      if ((found = hc_test_find_by_type (child, type)) != NULL)
        return found;
    }
  return NULL;
}

/* The text a label or an inscription (a list's cell) shows, else NULL. */
const char *
hc_test_widget_text (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_label (GTK_LABEL (widget));
  if (GTK_IS_INSCRIPTION (widget))
    return gtk_inscription_get_text (GTK_INSCRIPTION (widget));
  return NULL;
}

static void
collect_texts (GtkWidget *root,
               GPtrArray *texts)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (hc_test_widget_text (child) != NULL)
        g_ptr_array_add (texts, g_strdup (hc_test_widget_text (child)));
      if (gtk_widget_get_tooltip_text (child) != NULL)
        g_ptr_array_add (texts, g_strdup (gtk_widget_get_tooltip_text (child)));
      collect_texts (child, texts);
    }
}

/* The first text shown under @root that holds @needle, now, or %NULL. */
char *
hc_test_find_text_now (GtkWidget  *root,
                       const char *needle)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (root, texts);
  for (guint i = 0; i < texts->len; i++)
    if (texts->pdata[i] != NULL && strstr (texts->pdata[i], needle) != NULL)
      return g_strdup (texts->pdata[i]);
  return NULL;
}

/* The first text shown under @root (a label's, rows draw theirs with
 * labels too, or a tooltip) that holds @needle; fails if there is none
 * within 10 s. A list makes its rows once its page is shown and laid
 * out, which under the sanitizers can take more than a settle. */
char *
hc_test_find_text (GtkWidget  *root,
                   const char *needle)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  char *text;

  while ((text = hc_test_find_text_now (root, needle)) == NULL && g_get_monotonic_time () < deadline)
    hc_test_settle (50);
  if (text == NULL)
    g_error ("nothing shown holds “%s”", needle);
  return text;
}

/* No text shown under @root holds a raw bidi embedding, override or mark
 * (or a zero-width space): the only bidi controls left are the isolates
 * hc_format_hub_text() puts around hub text. */
/* The first widget under @root whose text holds @needle. */
GtkWidget *
hc_test_find_label (GtkWidget  *root,
                    const char *needle)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (hc_test_widget_text (child) != NULL && strstr (hc_test_widget_text (child), needle) != NULL)
        return child;
      if ((found = hc_test_find_label (child, needle)) != NULL)
        return found;
    }
  return NULL;
}

/* Asks a cell for its tooltip as GTK does when the pointer rests on it:
 * whether it gives one. */
gboolean
hc_test_query_tooltip (GtkWidget *widget)
{
  GtkTooltip *tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
  gboolean shown = FALSE;

  g_signal_emit_by_name (widget, "query-tooltip", 1, 1, FALSE, tooltip, &shown);
  g_object_unref (tooltip);
  return shown;
}

void
hc_test_assert_nothing_disguised (GtkWidget *root)
{
  static const char *const raw[] = {
    "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
    "\u200E", "\u200F", "\u061C", "\u200B",
  };
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_texts (root, texts);
  g_assert_cmpuint (texts->len, >, 0);
  for (guint i = 0; i < texts->len; i++)
    for (guint j = 0; texts->pdata[i] != NULL && j < G_N_ELEMENTS (raw); j++)
      if (strstr (texts->pdata[i], raw[j]) != NULL)
        g_error ("“%s” shows a raw bidi control", (char *) texts->pdata[i]);
}

static gboolean
pointer_is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Destroys @window and fails unless it is finalized: no leaked reference. */
void
hc_test_destroy_window (GtkWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  hc_test_spin_until (pointer_is_null, &weak, 10);
}

/* GTK 4.8 sometimes allocates a stack with a NaN width (INT_MIN) for one
 * frame while a leaflet or flap moves; it recovers on the next frame. The
 * harness makes every warning fatal; this one, and only this one, is let
 * pass (GTK logs structured, so a writer, not a test fatal handler). */
static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 &&
        strstr (fields[i].value, "gtk_widget_size_allocate(): attempt to allocate") != NULL &&
        strstr (fields[i].value, "with width -2147483648") != NULL)
      return G_LOG_WRITER_HANDLED;

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
hc_test_init_ui (void)
{
  g_log_set_writer_func (log_writer, NULL, NULL);
}

/**
 * hc_test_new_app:
 * The console's application, registered, speaking the language of the
 * test's $LANGUAGE from the build tree's translations ($HC_LOCALEDIR).
 */
HcApplication *
hc_test_new_app (void)
{
  HcApplication *app = hc_application_new ();

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("HC_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  return app;
}

typedef struct {
  char   *url;
  GError *error;
  gboolean done;
} DemoStart;

static void
on_demo_started (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DemoStart *start = user_data;

  start->url = hc_demo_launcher_start_finish (HC_DEMO_LAUNCHER (object), result, &start->error);
  start->done = TRUE;
}

static gboolean
demo_started (gpointer data)
{
  return ((DemoStart *) data)->done;
}

/**
 * hc_test_start_demo_hub:
 * Starts the demo hub with @launcher and returns its address.
 */
char *
hc_test_start_demo_hub (HcDemoLauncher *launcher)
{
  DemoStart start = { 0 };

  hc_demo_launcher_start_async (launcher, NULL, on_demo_started, &start);
  hc_test_spin_until (demo_started, &start, 30);
  g_assert_no_error (start.error);
  g_assert_true (g_str_has_prefix (start.url, "http://127.0.0.1:"));
  return start.url;
}

static gboolean
hub_ready (gpointer data)
{
  HcHub *hub = data;
  HcOverview *overview = hc_hub_get_overview (hub);

  if (hc_hub_get_state (hub) != HC_HUB_CONNECTED || overview == NULL || hc_hub_get_loading (hub) ||
      g_list_model_get_n_items (G_LIST_MODEL (hc_hub_get_sources (hub))) !=
        (guint) hc_overview_get_sources_total (overview))
    return FALSE;
  /* Every list it serves read to the end (or failed, saying why). */
  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    if (hc_hub_serves (hub, kind) && !hc_hub_get_list_complete (hub, kind) &&
        hc_hub_get_list_error (hub, kind) == NULL)
      return FALSE;
  return TRUE;
}

/**
 * hc_test_wait_hub_ready:
 * Waits until @hub is connected, every list it serves read (or failed) and
 * its overview in.
 */
void
hc_test_wait_hub_ready (HcHub *hub,
                        guint  timeout_seconds)
{
  hc_test_spin_until (hub_ready, hub, timeout_seconds);
}

/**
 * hc_test_reset_list:
 * A list's kept columns, sort and filters (hc-list-pane-state.c) back to
 * the page's own, so a test starts as a first run does whatever the tests
 * before it in the process chose.
 */
void
hc_test_reset_list (const char *page_id)
{
  g_autofree char *path = g_strdup_printf ("%s/lists/%s/", APP_PATH, page_id);
  g_autoptr(GSettings) settings = g_settings_new_with_path (APP_ID ".List", path);

  g_settings_reset (settings, "columns");
  g_settings_reset (settings, "sort");
  g_settings_reset (settings, "filters");
}

/**
 * hc_test_console_open:
 * A demo hub of its own (nothing kept), a window of @app, and the hub added
 * to it with @token, read to the end.
 */
void
hc_test_console_open (HcTestConsole *c,
                      HcApplication *app,
                      const char    *lang,
                      const char    *token)
{
  HcHubManager *manager = hc_application_get_hub_manager (app);

  c->app = app;
  c->lang = lang;
  c->launcher = hc_demo_launcher_new ();
  c->url = hc_test_start_demo_hub (c->launcher);

  c->window = hc_application_new_window (app);
  gtk_window_set_default_size (GTK_WINDOW (c->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (c->window));
  hc_test_wait_mapped (GTK_WIDGET (c->window));

  hc_hub_manager_start (manager);
  c->hub = hc_hub_manager_add_session_hub (manager, "Demo hub", c->url, token);
  hc_test_wait_hub_ready (c->hub, 120);
}

/**
 * hc_test_console_close:
 * The hub removed, the window gone, the demo hub stopped.
 */
void
hc_test_console_close (HcTestConsole *c)
{
  hc_hub_manager_remove_session_hub (hc_application_get_hub_manager (c->app), c->hub);
  hc_test_destroy_window (GTK_WINDOW (c->window));
  hc_demo_launcher_stop (c->launcher);
  g_clear_object (&c->launcher);
  g_clear_pointer (&c->url, g_free);
}
