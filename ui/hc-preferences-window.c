/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-application.h"
#include "hc-preferences-window.h"

struct _HcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* template children */
  GtkSpinButton        *refresh_interval;
};

G_DEFINE_FINAL_TYPE (HcPreferencesWindow, hc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hc_preferences_window_constructed (GObject *object)
{
  HcPreferencesWindow *self = HC_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (hc_preferences_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  g_settings_bind (self->settings, "refresh-interval",
                   gtk_spin_button_get_adjustment (self->refresh_interval), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

static void
hc_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HcPreferencesWindow *self = HC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_preferences_window_dispose (GObject *object)
{
  HcPreferencesWindow *self = HC_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (hc_preferences_window_parent_class)->dispose (object);
}

static void
hc_preferences_window_class_init (HcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hc_preferences_window_constructed;
  object_class->set_property = hc_preferences_window_set_property;
  object_class->dispose = hc_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  hc_application_register_resources ();
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, refresh_interval);
}

static void
hc_preferences_window_init (HcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

HcPreferencesWindow *
hc_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (HC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "settings", settings,
                       NULL);
}
