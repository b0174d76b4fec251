/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-banner.h"
#include "hc-widget-util.h"

/*
 * A strip above a page naming what is wrong (a hub offline, signed out,
 * its certificate to review) with a button that fixes it: icon + text +
 * theme colour, hidden by sliding away when all is well. libadwaita 1.2,
 * the Debian 12 version we build against, has no AdwBanner (it arrived in
 * 1.3), so this is a small one of our own; the list pane and the overview
 * share it.
 */
struct _HcBanner
{
  GtkWidget    parent_instance;

  /* template children */
  GtkRevealer *revealer;
  GtkBox      *box;
  GtkImage    *icon;
  GtkLabel    *label;
  GtkButton   *button;
};

G_DEFINE_FINAL_TYPE (HcBanner, hc_banner, GTK_TYPE_WIDGET)

static void
hc_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HC_TYPE_BANNER);
  hc_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (hc_banner_parent_class)->dispose (object);
}

static void
hc_banner_class_init (HcBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, HcBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, HcBanner, box);
  gtk_widget_class_bind_template_child (widget_class, HcBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, HcBanner, label);
  gtk_widget_class_bind_template_child (widget_class, HcBanner, button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_banner_init (HcBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hc_banner_new (void)
{
  return g_object_new (HC_TYPE_BANNER, NULL);
}

/**
 * hc_banner_set:
 * Shows @text at @level, with a button labelled @button_label that
 * activates the detailed @action_name ("app.sign-in('id')"), or no button
 * for a %NULL @button_label. A %NULL @text hides the banner.
 */
void
hc_banner_set (HcBanner   *self,
               HcLevel     level,
               const char *text,
               const char *button_label,
               const char *action_name)
{
  g_return_if_fail (HC_IS_BANNER (self));

  if (text == NULL)
    {
      hc_banner_clear (self);
      return;
    }

  /* Only these two have a strip colour of their own (style.css). */
  gtk_widget_remove_css_class (GTK_WIDGET (self->box), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->box), "error");
  if (level == HC_LEVEL_WARNING || level == HC_LEVEL_ERROR)
    gtk_widget_add_css_class (GTK_WIDGET (self->box), hc_level_css_class (level));
  gtk_image_set_from_icon_name (self->icon, hc_level_icon_name (level));
  gtk_label_set_label (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->button), button_label != NULL);
  if (button_label != NULL)
    {
      gtk_button_set_label (self->button, button_label);
      hc_actionable_set_action (GTK_ACTIONABLE (self->button), action_name);
    }
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
hc_banner_clear (HcBanner *self)
{
  g_return_if_fail (HC_IS_BANNER (self));

  gtk_revealer_set_reveal_child (self->revealer, FALSE);
}

/**
 * hc_banner_get_text:
 * The banner's text, or %NULL while it is hidden.
 */
const char *
hc_banner_get_text (HcBanner *self)
{
  g_return_val_if_fail (HC_IS_BANNER (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;
  return gtk_label_get_label (self->label);
}

/**
 * hc_banner_get_button_label:
 * The button's label, or %NULL when the banner has no button.
 */
const char *
hc_banner_get_button_label (HcBanner *self)
{
  g_return_val_if_fail (HC_IS_BANNER (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->button)))
    return NULL;
  return gtk_button_get_label (self->button);
}
