/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-item-store.h"

/*
 * Above this many separate runs of removed items, replace_all announces one
 * change over the whole affected range instead of one per run: each run
 * costs a move of the array's tail, and thousands of them would make a
 * refresh quadratic. GtkSingleSelection still keeps its item when it comes
 * back within the same change.
 */
#define HC_ITEM_STORE_MAX_REMOVED_RUNS 32

/*
 * Up to this many items changed in one call are each updated and at once
 * re-announced alone (position, 1, 1): a sorted view re-sorts just those
 * and a list view rebinds just their rows (a steady stream of events is a
 * handful per call). Beyond it (a full read that changed thousands), all
 * are updated first and announced as one span.
 */
#define HC_ITEM_STORE_MAX_SINGLE_ANNOUNCE 64

struct _HcItemStore
{
  GObject     parent_instance;

  GType       item_type;
  GPtrArray  *items; /* HcItem, owned; the model's order */
  GHashTable *by_id; /* id (owned by the item) -> HcItem (borrowed from items) */
  gboolean    announce_updates;
};

static void hc_item_store_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HcItemStore, hc_item_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hc_item_store_list_model_init))

enum {
  PROP_0,
  PROP_ITEM_TYPE,
  PROP_N_ITEMS,
  PROP_ANNOUNCE_UPDATES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ITEMS_UPDATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
hc_item_store_get_item_type (GListModel *model)
{
  return HC_ITEM_STORE (model)->item_type;
}

static guint
hc_item_store_get_n_items (GListModel *model)
{
  return HC_ITEM_STORE (model)->items->len;
}

static gpointer
hc_item_store_get_item (GListModel *model,
                        guint       position)
{
  HcItemStore *self = HC_ITEM_STORE (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
hc_item_store_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hc_item_store_get_item_type;
  iface->get_n_items = hc_item_store_get_n_items;
  iface->get_item = hc_item_store_get_item;
}

static void
hc_item_store_changed (HcItemStore *self,
                       guint        position,
                       guint        removed,
                       guint        added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/*
 * Updates the resident items from their new copies (@pairs: resident,
 * new, resident, new…) and announces them (see HC_ITEM_STORE_MAX_SINGLE_ANNOUNCE).
 * Returns how many changed.
 */
static void hc_item_store_announce (HcItemStore *self, GHashTable *updated);

static guint
hc_item_store_update_pairs (HcItemStore *self,
                            GPtrArray   *pairs)
{
  g_autoptr(GHashTable) updated = NULL;
  guint n_updated = 0;

  if (!self->announce_updates || pairs->len / 2 > HC_ITEM_STORE_MAX_SINGLE_ANNOUNCE)
    {
      updated = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i + 1 < pairs->len; i += 2)
        if (hc_item_update_from (pairs->pdata[i], pairs->pdata[i + 1]))
          g_hash_table_add (updated, pairs->pdata[i]);
      hc_item_store_announce (self, updated);
      return g_hash_table_size (updated);
    }

  /* One at a time, each announced as soon as it changed: no view ever
   * sees an item changed but not yet announced while it re-sorts another. */
  for (guint i = 0; i + 1 < pairs->len; i += 2)
    {
      guint position;

      if (!hc_item_update_from (pairs->pdata[i], pairs->pdata[i + 1]))
        continue;
      n_updated++;
      if (g_ptr_array_find (self->items, pairs->pdata[i], &position))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  return n_updated;
}

/*
 * Re-announces the items in @updated (a set of resident items) as one
 * items-changed over the span from the first of them to the last, so sort
 * and filter models look at them again. One span, not one per run: the
 * items were all changed before the first announcement, and a sort model
 * that re-sorted one run while the others already held new, unannounced
 * values would find its order contradicting itself ("Comparison method
 * violates its general contract"). One pass over the store.
 */
static void
hc_item_store_announce (HcItemStore *self,
                        GHashTable  *updated)
{
  guint first = G_MAXUINT, last = 0;

  if (!self->announce_updates || g_hash_table_size (updated) == 0)
    return;

  for (guint i = 0; i < self->items->len; i++)
    if (g_hash_table_contains (updated, g_ptr_array_index (self->items, i)))
      {
        first = MIN (first, i);
        last = i;
      }

  if (first != G_MAXUINT)
    g_list_model_items_changed (G_LIST_MODEL (self), first, last - first + 1, last - first + 1);
}

static void
hc_item_store_finalize (GObject *object)
{
  HcItemStore *self = HC_ITEM_STORE (object);

  /* The table borrows its keys from the items: drop it first. */
  g_clear_pointer (&self->by_id, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (hc_item_store_parent_class)->finalize (object);
}

static void
hc_item_store_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HcItemStore *self = HC_ITEM_STORE (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      g_value_set_gtype (value, self->item_type);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;
    case PROP_ANNOUNCE_UPDATES:
      g_value_set_boolean (value, self->announce_updates);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_item_store_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HcItemStore *self = HC_ITEM_STORE (object);

  switch (prop_id)
    {
    case PROP_ITEM_TYPE:
      self->item_type = g_value_get_gtype (value);
      break;
    case PROP_ANNOUNCE_UPDATES:
      hc_item_store_set_announce_updates (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_item_store_class_init (HcItemStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_item_store_finalize;
  object_class->get_property = hc_item_store_get_property;
  object_class->set_property = hc_item_store_set_property;

  properties[PROP_ITEM_TYPE] =
    g_param_spec_gtype ("item-type", NULL, NULL,
                        HC_TYPE_ITEM,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  properties[PROP_ANNOUNCE_UPDATES] =
    g_param_spec_boolean ("announce-updates", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HcItemStore::items-updated:
   * @n_updated: how many resident items changed in place
   *
   * Emitted once per call that changed resident items (never for items
   * only appended or removed: items-changed says those).
   */
  signals[ITEMS_UPDATED] =
    g_signal_new ("items-updated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
hc_item_store_init (HcItemStore *self)
{
  self->item_type = HC_TYPE_ITEM;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * hc_item_store_new:
 * @item_type: a subtype of HcItem; every item added must be of it
 */
HcItemStore *
hc_item_store_new (GType item_type)
{
  g_return_val_if_fail (g_type_is_a (item_type, HC_TYPE_ITEM), NULL);

  return g_object_new (HC_TYPE_ITEM_STORE, "item-type", item_type, NULL);
}

/**
 * hc_item_store_lookup:
 * Returns: (transfer none) (nullable): the item with @id, in O(1)
 */
HcItem *
hc_item_store_lookup (HcItemStore *self,
                      const char  *id)
{
  g_return_val_if_fail (HC_IS_ITEM_STORE (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->by_id, id);
}

static gboolean
hc_item_store_accepts (HcItemStore *self,
                       HcItem      *item)
{
  return HC_IS_ITEM (item) &&
         G_TYPE_CHECK_INSTANCE_TYPE (item, self->item_type) &&
         hc_item_get_id (item) != NULL;
}

/**
 * hc_item_store_upsert:
 * Updates the item with @item's id in place (no items-changed: the object
 * and its position stay, only its changed properties notify), or appends
 * @item if the store does not have that id.
 *
 * Returns: (transfer none): the item now in the store for that id
 */
HcItem *
hc_item_store_upsert (HcItemStore *self,
                      HcItem      *item)
{
  HcItem *existing;

  g_return_val_if_fail (HC_IS_ITEM_STORE (self), NULL);
  g_return_val_if_fail (hc_item_store_accepts (self, item), NULL);

  existing = g_hash_table_lookup (self->by_id, hc_item_get_id (item));
  if (existing != NULL)
    {
      guint position;

      if (!hc_item_update_from (existing, item))
        return existing;

      if (self->announce_updates && g_ptr_array_find (self->items, existing, &position))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      g_signal_emit (self, signals[ITEMS_UPDATED], 0, 1);
      return existing;
    }

  g_ptr_array_add (self->items, g_object_ref (item));
  g_hash_table_insert (self->by_id, (gpointer) hc_item_get_id (item), item);
  hc_item_store_changed (self, self->items->len - 1, 0, 1);

  return item;
}

/**
 * hc_item_store_upsert_many:
 * @items: (element-type HcItem): items in any order; a repeated id counts
 *   as its last copy
 *
 * Like hc_item_store_upsert() for each, with one items-changed for all the
 * appended ones. Existing items are updated before anything is appended,
 * so a handler of their notifications sees the model as announced.
 */
void
hc_item_store_upsert_many (HcItemStore *self,
                           GPtrArray   *items)
{
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GHashTable) pending_by_id = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  guint n_updated;
  guint start;

  g_return_if_fail (HC_IS_ITEM_STORE (self));
  g_return_if_fail (items != NULL);

  pending = g_ptr_array_new_with_free_func (g_object_unref);
  pending_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  pairs = g_ptr_array_new ();

  for (guint i = 0; i < items->len; i++)
    {
      HcItem *item = g_ptr_array_index (items, i);
      const char *id;
      HcItem *existing;
      gpointer index;

      g_return_if_fail (hc_item_store_accepts (self, item));

      id = hc_item_get_id (item);
      existing = g_hash_table_lookup (self->by_id, id);
      if (existing != NULL)
        {
          /* In order: a repeated id ends as its last copy. */
          g_ptr_array_add (pairs, existing);
          g_ptr_array_add (pairs, item);
          continue;
        }

      /* Nobody has seen a pending item yet, so replacing it is cheaper than updating. */
      if (g_hash_table_lookup_extended (pending_by_id, id, NULL, &index))
        {
          guint at = GPOINTER_TO_UINT (index);

          g_object_unref (g_ptr_array_index (pending, at));
          g_ptr_array_index (pending, at) = g_object_ref (item);
          g_hash_table_insert (pending_by_id, (gpointer) id, GUINT_TO_POINTER (at));
          continue;
        }

      g_hash_table_insert (pending_by_id, (gpointer) id, GUINT_TO_POINTER (pending->len));
      g_ptr_array_add (pending, g_object_ref (item));
    }

  n_updated = hc_item_store_update_pairs (self, pairs);
  if (n_updated > 0)
    g_signal_emit (self, signals[ITEMS_UPDATED], 0, n_updated);

  if (pending->len == 0)
    return;

  start = self->items->len;
  for (guint i = 0; i < pending->len; i++)
    {
      HcItem *item = g_ptr_array_index (pending, i);

      g_ptr_array_add (self->items, g_object_ref (item));
      g_hash_table_insert (self->by_id, (gpointer) hc_item_get_id (item), item);
    }

  hc_item_store_changed (self, start, 0, pending->len);
}

/**
 * hc_item_store_remove:
 * Removes the item with @id. O(n): the hub never deletes objects in a
 * stream, so this is rare.
 *
 * Returns: whether the store had it
 */
gboolean
hc_item_store_remove (HcItemStore *self,
                      const char  *id)
{
  HcItem *existing;
  guint position;

  g_return_val_if_fail (HC_IS_ITEM_STORE (self), FALSE);

  if (id == NULL || (existing = g_hash_table_lookup (self->by_id, id)) == NULL)
    return FALSE;

  if (!g_ptr_array_find (self->items, existing, &position))
    g_return_val_if_reached (FALSE);

  g_hash_table_remove (self->by_id, id);
  g_ptr_array_remove_index (self->items, position);
  hc_item_store_changed (self, position, 1, 0);

  return TRUE;
}

/**
 * hc_item_store_remove_all:
 * Empties the store with one items-changed (a hub switch, a sign-out).
 */
void
hc_item_store_remove_all (HcItemStore *self)
{
  guint n;

  g_return_if_fail (HC_IS_ITEM_STORE (self));

  n = self->items->len;
  if (n == 0)
    return;

  g_hash_table_remove_all (self->by_id);
  g_ptr_array_set_size (self->items, 0);
  hc_item_store_changed (self, 0, n, 0);
}

/*
 * Removes the items flagged in @gone (one byte per position). Few runs:
 * one items-changed per run, from the last to the first so each announced
 * position is still right; many: one change over the affected tail.
 */
static void
hc_item_store_remove_flagged (HcItemStore  *self,
                              const guint8 *gone,
                              guint         n_gone)
{
  guint n = self->items->len;
  guint runs = 0;
  guint first = G_MAXUINT;

  if (n_gone == 0)
    return;

  for (guint i = 0; i < n; i++)
    {
      if (gone[i])
        {
          g_hash_table_remove (self->by_id, hc_item_get_id (g_ptr_array_index (self->items, i)));
          if (first == G_MAXUINT)
            first = i;
          if (i == 0 || !gone[i - 1])
            runs++;
        }
    }

  if (runs <= HC_ITEM_STORE_MAX_REMOVED_RUNS)
    {
      guint i = n;

      while (i > 0)
        {
          guint end, start;

          if (!gone[i - 1])
            {
              i--;
              continue;
            }

          end = i;
          while (i > 0 && gone[i - 1])
            i--;
          start = i;

          g_ptr_array_remove_range (self->items, start, end - start);
          hc_item_store_changed (self, start, end - start, 0);
        }
    }
  else
    {
      guint kept = first;

      for (guint i = first; i < n; i++)
        {
          gpointer item = g_ptr_array_index (self->items, i);

          if (gone[i])
            g_object_unref (item);
          else
            g_ptr_array_index (self->items, kept++) = item;
        }

      /* The tail now holds stale pointers already moved or released. */
      g_ptr_array_set_free_func (self->items, NULL);
      g_ptr_array_set_size (self->items, kept);
      g_ptr_array_set_free_func (self->items, g_object_unref);

      hc_item_store_changed (self, first, n - first, kept - first);
    }
}

/**
 * hc_item_store_replace_all:
 * @items: (element-type HcItem): the complete current list from the hub
 *
 * Reconciles the store with a full list: items the store has are updated
 * in place (same object, same position), items it lacks are appended with
 * one items-changed, and items absent from @items are removed with one
 * items-changed per contiguous run. Selections and scroll positions on the
 * kept items survive. O(n) in the size of both lists.
 */
void
hc_item_store_replace_all (HcItemStore *self,
                           GPtrArray   *items)
{
  g_autoptr(GHashTable) incoming = NULL;
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autofree guint8 *gone = NULL;
  guint n_updated;
  guint n_gone = 0;
  guint start;

  g_return_if_fail (HC_IS_ITEM_STORE (self));
  g_return_if_fail (items != NULL);

  /* id -> the last copy of it in @items */
  incoming = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < items->len; i++)
    {
      HcItem *item = g_ptr_array_index (items, i);

      g_return_if_fail (hc_item_store_accepts (self, item));
      g_hash_table_insert (incoming, (gpointer) hc_item_get_id (item), item);
    }

  gone = g_new0 (guint8, MAX (self->items->len, 1));
  for (guint i = 0; i < self->items->len; i++)
    {
      HcItem *item = g_ptr_array_index (self->items, i);

      if (!g_hash_table_contains (incoming, hc_item_get_id (item)))
        {
          gone[i] = 1;
          n_gone++;
        }
    }

  hc_item_store_remove_flagged (self, gone, n_gone);

  /* Update what stays, then collect what is new, in the hub's order. */
  added = g_ptr_array_new ();
  pairs = g_ptr_array_new ();
  for (guint i = 0; i < items->len; i++)
    {
      HcItem *item = g_ptr_array_index (items, i);
      const char *id = hc_item_get_id (item);
      HcItem *existing;

      /* Only the last copy of a repeated id counts. */
      if (g_hash_table_lookup (incoming, id) != item)
        continue;

      existing = g_hash_table_lookup (self->by_id, id);
      if (existing != NULL)
        {
          g_ptr_array_add (pairs, existing);
          g_ptr_array_add (pairs, item);
        }
      else
        g_ptr_array_add (added, item);
    }

  n_updated = hc_item_store_update_pairs (self, pairs);
  if (n_updated > 0)
    g_signal_emit (self, signals[ITEMS_UPDATED], 0, n_updated);

  if (added->len == 0)
    return;

  start = self->items->len;
  for (guint i = 0; i < added->len; i++)
    {
      HcItem *item = g_ptr_array_index (added, i);

      g_ptr_array_add (self->items, g_object_ref (item));
      g_hash_table_insert (self->by_id, (gpointer) hc_item_get_id (item), item);
    }

  hc_item_store_changed (self, start, 0, added->len);
}

/**
 * hc_item_store_set_announce_updates:
 * Whether an item changed in place is also re-announced with items-changed
 * (position, 1, 1), for views that sort or filter on item properties (see
 * hc-item-store.h).
 */
void
hc_item_store_set_announce_updates (HcItemStore *self,
                                    gboolean     announce_updates)
{
  g_return_if_fail (HC_IS_ITEM_STORE (self));

  announce_updates = !!announce_updates;
  if (self->announce_updates == announce_updates)
    return;

  self->announce_updates = announce_updates;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNOUNCE_UPDATES]);
}

gboolean
hc_item_store_get_announce_updates (HcItemStore *self)
{
  g_return_val_if_fail (HC_IS_ITEM_STORE (self), FALSE);

  return self->announce_updates;
}
