/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-freeze-model.h"

/*
 * A list that can be held still: while frozen it shows the rows its
 * model had when it froze, in that order, and counts the changes that
 * arrive meanwhile ("n-waiting"); thawing applies them in one step, one
 * items-changed. The model underneath keeps updating all along, and so
 * do the items themselves (they are shared): only the rows' presence and
 * order wait. Not frozen, it passes its model through unchanged.
 */
struct _HcFreezeModel
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *frozen;     /* the rows as they were; NULL: not frozen */
  guint       n_waiting;
};

static void hc_freeze_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HcFreezeModel, hc_freeze_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hc_freeze_model_list_model_init))

enum {
  PROP_0,
  PROP_FROZEN,
  PROP_N_WAITING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
hc_freeze_model_get_item_type (GListModel *list)
{
  HcFreezeModel *self = HC_FREEZE_MODEL (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
hc_freeze_model_get_n_items (GListModel *list)
{
  HcFreezeModel *self = HC_FREEZE_MODEL (list);

  if (self->frozen != NULL)
    return self->frozen->len;
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static gpointer
hc_freeze_model_get_item (GListModel *list,
                          guint       position)
{
  HcFreezeModel *self = HC_FREEZE_MODEL (list);

  if (self->frozen != NULL)
    return position < self->frozen->len ? g_object_ref (g_ptr_array_index (self->frozen, position)) : NULL;
  return self->model != NULL ? g_list_model_get_item (self->model, position) : NULL;
}

static void
hc_freeze_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hc_freeze_model_get_item_type;
  iface->get_n_items = hc_freeze_model_get_n_items;
  iface->get_item = hc_freeze_model_get_item;
}

static void
on_items_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  HcFreezeModel *self)
{
  if (self->frozen == NULL)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }

  /* An item updated in place is announced as one removed and one added. */
  self->n_waiting += MAX (removed, added);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
}

static void
hc_freeze_model_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcFreezeModel *self = HC_FREEZE_MODEL (object);

  switch (prop_id)
    {
    case PROP_FROZEN:
      g_value_set_boolean (value, self->frozen != NULL);
      break;

    case PROP_N_WAITING:
      g_value_set_uint (value, self->n_waiting);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_freeze_model_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HcFreezeModel *self = HC_FREEZE_MODEL (object);

  switch (prop_id)
    {
    case PROP_FROZEN:
      hc_freeze_model_set_frozen (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_freeze_model_dispose (GObject *object)
{
  HcFreezeModel *self = HC_FREEZE_MODEL (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->frozen, g_ptr_array_unref);

  G_OBJECT_CLASS (hc_freeze_model_parent_class)->dispose (object);
}

static void
hc_freeze_model_class_init (HcFreezeModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hc_freeze_model_get_property;
  object_class->set_property = hc_freeze_model_set_property;
  object_class->dispose = hc_freeze_model_dispose;

  /**
   * HcFreezeModel:frozen:
   * Whether the rows are held as they were.
   */
  properties[PROP_FROZEN] =
    g_param_spec_boolean ("frozen", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * HcFreezeModel:n-waiting:
   * How many rows changed, came or went since the model froze.
   */
  properties[PROP_N_WAITING] =
    g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_freeze_model_init (HcFreezeModel *self)
{
}

HcFreezeModel *
hc_freeze_model_new (GListModel *model)
{
  HcFreezeModel *self = g_object_new (HC_TYPE_FREEZE_MODEL, NULL);

  hc_freeze_model_set_model (self, model);
  return self;
}

/**
 * hc_freeze_model_set_model:
 * Another list (another hub's) is shown at once, frozen or not: a frozen
 * view of the wrong list would mislead.
 */
void
hc_freeze_model_set_model (HcFreezeModel *self,
                           GListModel    *model)
{
  guint old_n;

  g_return_if_fail (HC_IS_FREEZE_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  old_n = hc_freeze_model_get_n_items (G_LIST_MODEL (self));
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (on_items_changed), self, 0);

  if (self->frozen != NULL)
    {
      g_ptr_array_set_size (self->frozen, 0);
      for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
        g_ptr_array_add (self->frozen, g_list_model_get_item (model, i));
      self->n_waiting = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, hc_freeze_model_get_n_items (G_LIST_MODEL (self)));
}

GListModel *
hc_freeze_model_get_model (HcFreezeModel *self)
{
  g_return_val_if_fail (HC_IS_FREEZE_MODEL (self), NULL);

  return self->model;
}

void
hc_freeze_model_set_frozen (HcFreezeModel *self,
                            gboolean       frozen)
{
  guint n_frozen;
  guint n_waiting;

  g_return_if_fail (HC_IS_FREEZE_MODEL (self));

  if (frozen == (self->frozen != NULL))
    return;

  if (frozen)
    {
      guint n = self->model != NULL ? g_list_model_get_n_items (self->model) : 0;

      /* The same rows: nothing to announce. */
      self->frozen = g_ptr_array_new_full (n, g_object_unref);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (self->frozen, g_list_model_get_item (self->model, i));
      self->n_waiting = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROZEN]);
      return;
    }

  n_frozen = self->frozen->len;
  n_waiting = self->n_waiting;
  g_clear_pointer (&self->frozen, g_ptr_array_unref);
  self->n_waiting = 0;
  /* All that waited, in one step. */
  if (n_waiting > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_frozen, hc_freeze_model_get_n_items (G_LIST_MODEL (self)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROZEN]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
}

gboolean
hc_freeze_model_get_frozen (HcFreezeModel *self)
{
  g_return_val_if_fail (HC_IS_FREEZE_MODEL (self), FALSE);

  return self->frozen != NULL;
}

/**
 * hc_freeze_model_get_n_waiting:
 * The changes held back since the model froze; 0 when not frozen.
 */
guint
hc_freeze_model_get_n_waiting (HcFreezeModel *self)
{
  g_return_val_if_fail (HC_IS_FREEZE_MODEL (self), 0);

  return self->n_waiting;
}
