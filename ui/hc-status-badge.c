/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-status-badge.h"
#include "hc-widget-util.h"

/*
 * A state as icon + word + theme colour, never colour alone: readable for
 * colour-blind operators, in high contrast and by a screen reader.
 */
struct _HcStatusBadge
{
  GtkWidget  parent_instance;

  GtkWidget *icon;
  GtkWidget *text;      /* a GtkLabel, or in a list cell a GtkInscription */
  HcLevel    level;
  gboolean   in_cell;
};

G_DEFINE_FINAL_TYPE (HcStatusBadge, hc_status_badge, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_LEVEL,
  PROP_LABEL,
  PROP_IN_CELL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
hc_level_icon_name (HcLevel level)
{
  switch (level)
    {
    case HC_LEVEL_OK:      return "emblem-ok-symbolic";
    case HC_LEVEL_WARNING: return "dialog-warning-symbolic";
    case HC_LEVEL_ERROR:   return "dialog-error-symbolic";
    case HC_LEVEL_INFO:    return "dialog-information-symbolic";
    case HC_LEVEL_UNKNOWN: return "action-unavailable-symbolic";
    case HC_LEVEL_NEUTRAL:
    default:               return "media-playback-pause-symbolic";
    }
}

const char *
hc_level_css_class (HcLevel level)
{
  switch (level)
    {
    case HC_LEVEL_OK:      return "success";
    case HC_LEVEL_WARNING: return "warning";
    case HC_LEVEL_ERROR:   return "error";
    case HC_LEVEL_INFO:    return "accent";
    case HC_LEVEL_UNKNOWN: return "dim-label";
    case HC_LEVEL_NEUTRAL:
    default:               return "dim-label";
    }
}

/* Its icon is drawn by style.css from this class: changing it redraws,
 * where a GtkImage given a new icon is measured again, and with it the
 * row and the list's column around it. */
static const char *
level_icon_class (HcLevel level)
{
  switch (level)
    {
    case HC_LEVEL_OK:      return "level-ok";
    case HC_LEVEL_WARNING: return "level-warning";
    case HC_LEVEL_ERROR:   return "level-error";
    case HC_LEVEL_INFO:    return "level-info";
    case HC_LEVEL_UNKNOWN: return "level-unknown";
    case HC_LEVEL_NEUTRAL:
    default:               return "level-neutral";
    }
}

static const char *
get_text (HcStatusBadge *self)
{
  return self->in_cell ? gtk_inscription_get_text (GTK_INSCRIPTION (self->text))
                       : gtk_label_get_label (GTK_LABEL (self->text));
}

static void
hc_status_badge_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcStatusBadge *self = HC_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      g_value_set_int (value, self->level);
      break;

    case PROP_LABEL:
      g_value_set_string (value, get_text (self));
      break;

    case PROP_IN_CELL:
      g_value_set_boolean (value, self->in_cell);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_status_badge_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HcStatusBadge *self = HC_STATUS_BADGE (object);

  switch (prop_id)
    {
    case PROP_LEVEL:
      hc_status_badge_set (self, g_value_get_int (value), get_text (self));
      break;

    case PROP_LABEL:
      hc_status_badge_set (self, self->level, g_value_get_string (value));
      break;

    case PROP_IN_CELL:
      self->in_cell = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_status_badge_constructed (GObject *object)
{
  HcStatusBadge *self = HC_STATUS_BADGE (object);
  GtkBoxLayout *layout = GTK_BOX_LAYOUT (gtk_widget_get_layout_manager (GTK_WIDGET (self)));

  G_OBJECT_CLASS (hc_status_badge_parent_class)->constructed (object);

  gtk_box_layout_set_spacing (layout, 6);

  self->icon = gtk_image_new ();
  gtk_widget_add_css_class (self->icon, "level-icon");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));

  if (self->in_cell)
    {
      self->text = g_object_new (GTK_TYPE_INSCRIPTION,
                                 "text-overflow", GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END,
                                 "hexpand", TRUE,
                                 NULL);
    }
  else
    {
      self->text = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (self->text), 0);
      gtk_label_set_ellipsize (GTK_LABEL (self->text), PANGO_ELLIPSIZE_END);
    }
  gtk_widget_set_parent (self->text, GTK_WIDGET (self));

  self->level = (HcLevel) -1;
  hc_status_badge_set (self, HC_LEVEL_NEUTRAL, "");
}

static void
hc_status_badge_dispose (GObject *object)
{
  HcStatusBadge *self = HC_STATUS_BADGE (object);
  hc_widget_unparent_children (GTK_WIDGET (self));
  self->icon = NULL;
  self->text = NULL;

  G_OBJECT_CLASS (hc_status_badge_parent_class)->dispose (object);
}

static void
hc_status_badge_class_init (HcStatusBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hc_status_badge_get_property;
  object_class->set_property = hc_status_badge_set_property;
  object_class->constructed = hc_status_badge_constructed;
  object_class->dispose = hc_status_badge_dispose;

  /* Properties, so list factories can bind them to an item's state. */
  properties[PROP_LEVEL] =
    g_param_spec_int ("level", NULL, NULL, HC_LEVEL_NEUTRAL, HC_LEVEL_UNKNOWN, HC_LEVEL_NEUTRAL,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* In a list cell of a fixed width, the word is fitted to the cell and a
   * new one only redraws it: a GtkLabel would have the row, and every
   * cell of its column, measured again for each row a search re-points. */
  properties[PROP_IN_CELL] =
    g_param_spec_boolean ("in-cell", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "statusbadge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
hc_status_badge_init (HcStatusBadge *self)
{
}

GtkWidget *
hc_status_badge_new_in_cell (void)
{
  return g_object_new (HC_TYPE_STATUS_BADGE, "in-cell", TRUE, NULL);
}

GtkWidget *
hc_status_badge_new (void)
{
  return g_object_new (HC_TYPE_STATUS_BADGE, NULL);
}

void
hc_status_badge_set (HcStatusBadge *self,
                     HcLevel        level,
                     const char    *label)
{
  g_return_if_fail (HC_IS_STATUS_BADGE (self));

  /* Live updates call this often: skip what did not change. */
  if (label == NULL)
    label = "";

  if (g_strcmp0 (get_text (self), label) != 0)
    {
      if (self->in_cell)
        gtk_inscription_set_text (GTK_INSCRIPTION (self->text), label);
      else
        gtk_label_set_label (GTK_LABEL (self->text), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
    }

  if (self->level == level)
    return;

  if ((int) self->level >= 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), hc_level_css_class (self->level));
      gtk_widget_remove_css_class (GTK_WIDGET (self), level_icon_class (self->level));
    }
  self->level = level;
  gtk_widget_add_css_class (GTK_WIDGET (self), hc_level_css_class (level));
  gtk_widget_add_css_class (GTK_WIDGET (self), level_icon_class (level));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

/**
 * hc_status_badge_set_ellipsize:
 * Badges in narrow list cells shorten their word; beside a row's title
 * the word must be read whole.
 */
void
hc_status_badge_set_ellipsize (HcStatusBadge *self,
                               gboolean       ellipsize)
{
  g_return_if_fail (HC_IS_STATUS_BADGE (self));

  if (!self->in_cell)
    gtk_label_set_ellipsize (GTK_LABEL (self->text), ellipsize ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
}

HcLevel
hc_status_badge_get_level (HcStatusBadge *self)
{
  g_return_val_if_fail (HC_IS_STATUS_BADGE (self), HC_LEVEL_NEUTRAL);

  return self->level;
}

const char *
hc_status_badge_get_label (HcStatusBadge *self)
{
  g_return_val_if_fail (HC_IS_STATUS_BADGE (self), NULL);

  return get_text (self);
}
