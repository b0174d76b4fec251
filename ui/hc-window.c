/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-window.h"

struct _HcWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  char                 *section;

  /* template children */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
};

G_DEFINE_FINAL_TYPE (HcWindow, hc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sections in sidebar order; Ctrl+1..5 follow it. */
static const char * const sections[] = {
  "overview", "ingestion", "quality", "storage", "security",
};

static gboolean
is_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
on_sidebar_row_activated (GtkListBox    *box,
                          GtkListBoxRow *row,
                          HcWindow      *self)
{
  int index = gtk_list_box_row_get_index (row);

  g_assert (index >= 0 && index < (int) G_N_ELEMENTS (sections));
  hc_window_set_section (self, sections[index]);
  /* On a narrow window the sidebar covers the page: step forward to it. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_back_clicked (GtkButton *button,
                 HcWindow  *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
hc_window_close_request (GtkWindow *window)
{
  HcWindow *self = HC_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (hc_window_parent_class)->close_request (window);
}

static void
hc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HcWindow *self = HC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HcWindow *self = HC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      hc_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_window_dispose (GObject *object)
{
  HcWindow *self = HC_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hc_window_parent_class)->dispose (object);
}

static void
hc_window_finalize (GObject *object)
{
  HcWindow *self = HC_WINDOW (object);

  g_clear_pointer (&self->section, g_free);

  G_OBJECT_CLASS (hc_window_parent_class)->finalize (object);
}

static void
hc_window_class_init (HcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = hc_window_get_property;
  object_class->set_property = hc_window_set_property;
  object_class->dispose = hc_window_dispose;
  object_class->finalize = hc_window_finalize;

  window_class->close_request = hc_window_close_request;

  /**
   * HcWindow:section:
   * The section shown: overview, ingestion, quality, storage or security.
   */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, "overview",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  hc_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HcWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, content_title);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_property_action (widget_class, "win.section", "section");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.section", "s", sections[i]);
}

static void
hc_window_init (HcWindow *self)
{
  GtkCssProvider *css;

  gtk_widget_init_template (GTK_WIDGET (self));

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, APP_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (css);

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->section = g_strdup ("overview");
  g_settings_bind (self->settings, "last-section", self, "section", G_SETTINGS_BIND_DEFAULT);
}

HcWindow *
hc_window_new (HcApplication *application)
{
  return g_object_new (HC_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

const char *
hc_window_get_section (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);

  return self->section;
}

void
hc_window_set_section (HcWindow   *self,
                       const char *section)
{
  GtkStackPage *page;
  GtkListBoxRow *row;

  g_return_if_fail (HC_IS_WINDOW (self));

  if (!is_section (section))
    return;

  page = gtk_stack_get_page (self->stack, gtk_stack_get_child_by_name (self->stack, section));
  gtk_stack_set_visible_child_name (self->stack, section);
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i], section))
      {
        row = gtk_list_box_get_row_at_index (self->sidebar, i);
        if (gtk_list_box_get_selected_row (self->sidebar) != row)
          gtk_list_box_select_row (self->sidebar, row);
      }

  if (g_strcmp0 (self->section, section) == 0)
    return;

  g_free (self->section);
  self->section = g_strdup (section);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}
