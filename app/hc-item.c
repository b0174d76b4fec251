/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-fields.h"
#include "hc-item.h"

typedef struct
{
  char         *id;
  /* A search filter's folded text of the item, kept until a property
   * changes (see hc_item_peek_search_key()). */
  char         *search_key;
  gconstpointer search_key_owner;
} HcItemPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HcItem, hc_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
hc_item_real_update_from (HcItem *self,
                          HcItem *other)
{
  return hc_fields_update (G_OBJECT (self), G_OBJECT (other));
}

static void
hc_item_finalize (GObject *object)
{
  HcItemPrivate *priv = hc_item_get_instance_private (HC_ITEM (object));

  g_free (priv->id);
  g_free (priv->search_key);

  G_OBJECT_CLASS (hc_item_parent_class)->finalize (object);
}

static void
hc_item_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  HcItemPrivate *priv = hc_item_get_instance_private (HC_ITEM (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, priv->id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_item_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  HcItemPrivate *priv = hc_item_get_instance_private (HC_ITEM (object));

  switch (prop_id)
    {
    case PROP_ID:
      g_assert (priv->id == NULL);
      priv->id = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Any property that changes may be part of the searched text. */
static void
hc_item_dispatch_properties_changed (GObject     *object,
                                     guint        n_pspecs,
                                     GParamSpec **pspecs)
{
  HcItemPrivate *priv = hc_item_get_instance_private (HC_ITEM (object));

  g_clear_pointer (&priv->search_key, g_free);
  priv->search_key_owner = NULL;

  G_OBJECT_CLASS (hc_item_parent_class)->dispatch_properties_changed (object, n_pspecs, pspecs);
}

static void
hc_item_class_init (HcItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_item_finalize;
  object_class->dispatch_properties_changed = hc_item_dispatch_properties_changed;
  object_class->get_property = hc_item_get_property;
  object_class->set_property = hc_item_set_property;

  klass->update_from = hc_item_real_update_from;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_item_init (HcItem *self)
{
}

/**
 * hc_item_get_id:
 * The hub's identifier: stable for the object's life, the key of every
 * model.
 */
const char *
hc_item_get_id (HcItem *self)
{
  HcItemPrivate *priv = hc_item_get_instance_private (self);

  g_return_val_if_fail (HC_IS_ITEM (self), NULL);

  return priv->id;
}

/**
 * hc_item_update_from:
 * @self: the object views already show
 * @other: a newer copy of it (same type, same id)
 *
 * Copies @other into @self, notifying only the properties whose value
 * changed, so an unchanged refresh costs the views nothing.
 *
 * Returns: %TRUE if anything changed
 */
gboolean
hc_item_update_from (HcItem *self,
                     HcItem *other)
{
  g_return_val_if_fail (HC_IS_ITEM (self), FALSE);
  g_return_val_if_fail (HC_IS_ITEM (other), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other), FALSE);
  g_return_val_if_fail (g_strcmp0 (hc_item_get_id (self), hc_item_get_id (other)) == 0, FALSE);

  if (self == other)
    return FALSE;

  return HC_ITEM_GET_CLASS (self)->update_from (self, other);
}

/**
 * hc_item_peek_search_key:
 * @owner: the search filter that stored the key
 *
 * The text a search filter folded from this item and stored with
 * hc_item_take_search_key(), or %NULL if another filter stored it or a
 * property changed since: searching 100,000 rows then costs one string
 * search per row, not one fold per row per keystroke.
 */
const char *
hc_item_peek_search_key (HcItem        *self,
                         gconstpointer  owner)
{
  HcItemPrivate *priv = hc_item_get_instance_private (self);

  g_return_val_if_fail (HC_IS_ITEM (self), NULL);

  return priv->search_key_owner == owner ? priv->search_key : NULL;
}

/**
 * hc_item_take_search_key:
 * Stores @key (taken) for @owner, until a property of the item changes.
 */
void
hc_item_take_search_key (HcItem        *self,
                         gconstpointer  owner,
                         char          *key)
{
  HcItemPrivate *priv = hc_item_get_instance_private (self);

  g_return_if_fail (HC_IS_ITEM (self));

  g_free (priv->search_key);
  priv->search_key = key;
  priv->search_key_owner = owner;
}
