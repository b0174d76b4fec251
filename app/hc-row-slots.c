/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-row-slots.h"

#include <string.h>

/*
 * A list of places for rows, over a list of rows. Item n is a slot whose
 * "item" is row n of the model below. A change that about keeps the count
 * passes through as it is (one row in or out, rows moved: the view keeps
 * the widgets of the rows still there); one that changes the count by
 * more (a search typed, a page of 5,000 rows sorted in, a burst of
 * events) keeps the slots where they are, points each slot that is in
 * use at its new row, and announces only the change in the count.
 *
 * Why: GTK 4.8's list views keep a row widget for each of up to 200 rows
 * and make new widgets for every new item; a keystroke that changes the
 * rows shown made 200 rows of cells anew (1,600 for eight columns).
 * Through slots the widgets stay and only their text changes.
 *
 * Slots are made when asked for and not held: a slot no one holds is
 * freed, and its place made again when next asked for.
 */

/* Changes that alter the count by at most this many pass through as they are. */
#define PASS_LIMIT 32

/* GTK 4.8's list views make a row widget for each of the first 200 items
 * (a row of cells: about a millisecond each), however few show: a list
 * that grows from empty, or from a search's few rows back to 100,000,
 * held the window 150-200 ms while they were made. Up to RAMP_LIMIT the
 * count grows by RAMP_STEP rows a main-loop turn, after a frame each;
 * past it, to the whole list. A step of 24 rows (a tall window at once)
 * held a frame 45-55 ms with their layout; of 8, the first rows are on
 * screen in half the time and a tall window is full after a few frames. */
#define RAMP_LIMIT 200
#define RAMP_STEP  HC_ROW_SLOTS_STEP

/* Paced (hc_row_slots_set_paced()): a step waits for the frame that lays
 * out the rows of the one before, and for no longer than this. GTK 4.8's
 * column view measures every cell of a column again whenever a cell is
 * added to it, and the rows made between two frames all in the second:
 * unpaced, 200 rows of cells were laid out in one 80-120 ms frame. */
#define FRAME_WAIT_MS 100

struct _HcRowSlot
{
  GObject     parent_instance;

  GObject    *item;
  HcRowSlots *slots;   /* not held; NULL once out of the list */
  guint       position;
};

struct _HcRowSlots
{
  GObject     parent_instance;

  GListModel *model;
  GPtrArray  *places;  /* HcRowSlot by position, not held; NULL: none made */
  guint       n_items; /* as announced: below the model's while growing */
  GSource    *ramp;    /* grows n_items towards the model's count */
  gboolean    ramp_waits; /* ramp is the wait for a frame (paced) */
  gboolean    paced;
};

enum { SLOT_PROP_0, SLOT_PROP_ITEM, SLOT_N_PROPS };
static GParamSpec *slot_properties[SLOT_N_PROPS];

G_DEFINE_FINAL_TYPE (HcRowSlot, hc_row_slot, G_TYPE_OBJECT)

static void hc_row_slots_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HcRowSlots, hc_row_slots, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hc_row_slots_list_model_init))

static void
hc_row_slot_finalize (GObject *object)
{
  HcRowSlot *self = HC_ROW_SLOT (object);

  if (self->slots != NULL && self->position < self->slots->places->len &&
      g_ptr_array_index (self->slots->places, self->position) == self)
    g_ptr_array_index (self->slots->places, self->position) = NULL;
  g_clear_object (&self->item);

  G_OBJECT_CLASS (hc_row_slot_parent_class)->finalize (object);
}

static void
hc_row_slot_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HcRowSlot *self = HC_ROW_SLOT (object);

  switch (prop_id)
    {
    case SLOT_PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_row_slot_class_init (HcRowSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hc_row_slot_finalize;
  object_class->get_property = hc_row_slot_get_property;

  /**
   * HcRowSlot:item:
   * The row now in this place; it changes as the list below changes.
   */
  slot_properties[SLOT_PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, SLOT_N_PROPS, slot_properties);
}

static void
hc_row_slot_init (HcRowSlot *self)
{
}

gpointer
hc_row_slot_get_item (HcRowSlot *self)
{
  g_return_val_if_fail (HC_IS_ROW_SLOT (self), NULL);

  return self->item;
}

/* The row in @object if it is a slot, else @object itself. */
gpointer
hc_row_slot_unwrap (gpointer object)
{
  if (object != NULL && HC_IS_ROW_SLOT (object))
    return HC_ROW_SLOT (object)->item;
  return object;
}

static void
slot_point_at (HcRowSlot *slot,
               GObject   *item)   /* taken */
{
  if (slot->item == item)
    {
      g_clear_object (&item);
      return;
    }
  g_clear_object (&slot->item);
  slot->item = item;
  g_object_notify_by_pspec (G_OBJECT (slot), slot_properties[SLOT_PROP_ITEM]);
}

/* ---- the list ---------------------------------------------------------------------- */

static GType
hc_row_slots_get_item_type (GListModel *list)
{
  return HC_TYPE_ROW_SLOT;
}

static guint
hc_row_slots_get_n_items (GListModel *list)
{
  return HC_ROW_SLOTS (list)->n_items;
}

static gpointer
hc_row_slots_get_item (GListModel *list,
                       guint       position)
{
  HcRowSlots *self = HC_ROW_SLOTS (list);
  HcRowSlot *slot;

  if (position >= self->n_items)
    return NULL;
  if (position >= self->places->len)
    g_ptr_array_set_size (self->places, position + 1);
  slot = g_ptr_array_index (self->places, position);
  if (slot != NULL)
    return g_object_ref (slot);

  slot = g_object_new (HC_TYPE_ROW_SLOT, NULL);
  slot->slots = self;
  slot->position = position;
  slot->item = g_list_model_get_item (self->model, position);
  g_ptr_array_index (self->places, position) = slot;
  return slot;
}

static void
hc_row_slots_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hc_row_slots_get_item_type;
  iface->get_n_items = hc_row_slots_get_n_items;
  iface->get_item = hc_row_slots_get_item;
}

/* Slots at @from and after leave the list (their widgets let them go). */
static void
release_from (HcRowSlots *self,
              guint       from)
{
  for (guint i = from; i < self->places->len; i++)
    {
      HcRowSlot *slot = g_ptr_array_index (self->places, i);

      if (slot != NULL)
        slot->slots = NULL;
    }
  if (self->places->len > from)
    g_ptr_array_set_size (self->places, from);
}

/* The rows added that were there before (moved) get their slots back, so
 * the view keeps their widgets; the other slots of rows removed leave. */
static void
take_back (HcRowSlots *self,
           GHashTable *moved,
           guint       position,
           guint       added)
{
  GHashTableIter iter;
  gpointer slot;

  for (guint i = position; i < position + added && g_hash_table_size (moved) > 0; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);
      HcRowSlot *back = g_hash_table_lookup (moved, item);

      if (back == NULL)
        continue;
      g_hash_table_remove (moved, item);
      if (i >= self->places->len)
        g_ptr_array_set_size (self->places, i + 1);
      g_ptr_array_index (self->places, i) = back;
      back->position = i;
    }
  g_hash_table_iter_init (&iter, moved);
  while (g_hash_table_iter_next (&iter, NULL, &slot))
    HC_ROW_SLOT (slot)->slots = NULL;
}

static void
pass_through (HcRowSlots *self,
              guint       position,
              guint       removed,
              guint       added)
{
  GPtrArray *places = self->places;
  g_autoptr(GHashTable) moved = NULL;

  if (position < places->len)
    {
      guint gone = MIN (removed, places->len - position);

      /* The slots of the rows removed are put aside by row. */
      for (guint i = position; i < position + gone; i++)
        {
          HcRowSlot *slot = g_ptr_array_index (places, i);

          if (slot == NULL)
            continue;
          if (moved == NULL)
            moved = g_hash_table_new (NULL, NULL);
          else if (g_hash_table_contains (moved, slot->item))
            HC_ROW_SLOT (g_hash_table_lookup (moved, slot->item))->slots = NULL;
          g_hash_table_insert (moved, slot->item, slot);
          g_ptr_array_index (places, i) = NULL;
        }
      if (removed != added)
        {
          guint tail = places->len - position - gone;

          if (added > gone)
            g_ptr_array_set_size (places, places->len + added - gone);
          memmove (places->pdata + position + added, places->pdata + position + gone, tail * sizeof (gpointer));
          if (gone > added)
            g_ptr_array_set_size (places, places->len - (gone - added));
          memset (places->pdata + position, 0, MIN (added, places->len - position) * sizeof (gpointer));
          for (guint i = position + added; i < places->len; i++)
            {
              HcRowSlot *slot = g_ptr_array_index (places, i);

              if (slot != NULL)
                slot->position = i;
            }
        }
    }
  self->n_items = self->n_items - removed + added;
  if (moved != NULL)
    take_back (self, moved, position, added);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void schedule_ramp (HcRowSlots *self);

/* The count a list growing from @n towards @target shows next. */
static guint
grow (guint n,
      guint target)
{
  if (target <= n || n >= RAMP_LIMIT)
    return target;
  return MIN (target, n + RAMP_STEP);
}

static gboolean ramp_cb (gpointer data);

static void
attach_ramp (HcRowSlots *self,
             gboolean    waits)
{
  GSource *source = waits ? g_timeout_source_new (FRAME_WAIT_MS) : g_idle_source_new ();

  /* After the frame that shows the rows made so far. */
  g_source_set_priority (source, G_PRIORITY_HIGH_IDLE + 30);
  g_source_set_callback (source, ramp_cb, self, NULL);
  g_source_set_static_name (source, waits ? "[hc] rows: a step waits for a frame" : "[hc] rows made a step a turn");
  g_source_attach (source, g_main_context_get_thread_default ());
  self->ramp = source;
  self->ramp_waits = waits;
}

static gboolean
ramp_cb (gpointer data)
{
  HcRowSlots *self = data;
  GSource *source = self->ramp;
  guint old_n = self->n_items;
  guint new_n = grow (old_n, g_list_model_get_n_items (self->model));

  self->n_items = new_n;
  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  /* Stopped, or begun anew, while the rows were told. */
  if (self->ramp != source)
    return G_SOURCE_REMOVE;
  if (new_n >= g_list_model_get_n_items (self->model))
    {
      g_clear_pointer (&self->ramp, g_source_unref);
      return G_SOURCE_REMOVE;
    }
  if (!self->paced && !self->ramp_waits)
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&self->ramp, g_source_unref);
  attach_ramp (self, self->paced);
  return G_SOURCE_REMOVE;
}

static void
schedule_ramp (HcRowSlots *self)
{
  if (self->ramp != NULL)
    return;
  attach_ramp (self, self->paced);
}

static void
stop_ramp (HcRowSlots *self)
{
  if (self->ramp != NULL)
    g_source_destroy (self->ramp);
  g_clear_pointer (&self->ramp, g_source_unref);
}

/* Slots from @position on take the rows now there; the count goes to
 * the model's (growing by steps: see RAMP_LIMIT). */
static void
repoint (HcRowSlots *self,
         guint       position)
{
  guint target = g_list_model_get_n_items (self->model);
  guint old_n = self->n_items;
  guint new_n = grow (old_n, target);
  guint end;

  if (new_n < target)
    schedule_ramp (self);
  else
    stop_ramp (self);

  /* The count changed: every row after @position moved. */
  release_from (self, new_n);
  self->n_items = new_n;
  end = MIN (new_n, self->places->len);
  for (guint i = position; i < end; i++)
    {
      HcRowSlot *slot = g_ptr_array_index (self->places, i);

      if (slot != NULL)
        slot_point_at (slot, g_list_model_get_item (self->model, i));
    }
  if (new_n > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
  else if (new_n < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
}

/* The slots at the places from @position on, @n of them, take the rows
 * now there; nothing moves in the list. */
static void
repoint_places (HcRowSlots *self,
                guint       position,
                guint       n)
{
  guint end = MIN (position + n, self->places->len);

  for (guint i = position; i < end; i++)
    {
      HcRowSlot *slot = g_ptr_array_index (self->places, i);

      if (slot != NULL)
        slot_point_at (slot, g_list_model_get_item (self->model, i));
    }
}

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  HcRowSlots *self)
{
  guint before = g_list_model_get_n_items (model) - added + removed;

  /* As many rows as before: rows changed in place, or re-sorted
   * (GtkSortListModel says a row that moved as a change of every place
   * from where it was to where it went). The slots there take the rows
   * now at their places and the view moves nothing: GTK 4.8 would move
   * the widget of every row in the span, and lay each out again. */
  if (self->n_items == before && removed == added)
    repoint_places (self, position, added);
  /* About as many: rows that came or went (a few, among rows that
   * moved). The view keeps the row widget of an item still there and its
   * place in the list; slots would all take new rows. While the list
   * grows by steps, its count is not the model's: every change re-points. */
  else if (self->n_items == before && MAX (removed, added) - MIN (removed, added) <= PASS_LIMIT)
    pass_through (self, position, removed, added);
  else
    repoint (self, MIN (position, self->n_items));
}

static void
hc_row_slots_dispose (GObject *object)
{
  HcRowSlots *self = HC_ROW_SLOTS (object);

  stop_ramp (self);
  release_from (self, 0);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (hc_row_slots_parent_class)->dispose (object);
}

static void
hc_row_slots_finalize (GObject *object)
{
  HcRowSlots *self = HC_ROW_SLOTS (object);

  g_ptr_array_unref (self->places);

  G_OBJECT_CLASS (hc_row_slots_parent_class)->finalize (object);
}

static void
hc_row_slots_class_init (HcRowSlotsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_row_slots_dispose;
  object_class->finalize = hc_row_slots_finalize;
}

static void
hc_row_slots_init (HcRowSlots *self)
{
  self->places = g_ptr_array_new ();
}

/**
 * hc_row_slots_new:
 * @model: (transfer full): the rows
 */
HcRowSlots *
hc_row_slots_new (GListModel *model)
{
  HcRowSlots *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (HC_TYPE_ROW_SLOTS, NULL);
  self->model = model;
  self->n_items = grow (0, g_list_model_get_n_items (model));
  if (self->n_items < g_list_model_get_n_items (model))
    schedule_ramp (self);
  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), self);
  return self;
}

/**
 * hc_row_slots_set_paced:
 * While @paced, a list growing by steps takes its next step only after
 * hc_row_slots_frame_done() (or FRAME_WAIT_MS): for a view that is shown,
 * whose frames lay the rows out. Unpaced, a step a main-loop turn.
 */
void
hc_row_slots_set_paced (HcRowSlots *self,
                        gboolean    paced)
{
  g_return_if_fail (HC_IS_ROW_SLOTS (self));

  self->paced = paced;
  if (!paced)
    hc_row_slots_frame_done (self);
}

/**
 * hc_row_slots_frame_done:
 * A frame was drawn: the next step of a paced list growing may come.
 */
void
hc_row_slots_frame_done (HcRowSlots *self)
{
  g_return_if_fail (HC_IS_ROW_SLOTS (self));

  if (self->ramp == NULL || !self->ramp_waits)
    return;
  stop_ramp (self);
  attach_ramp (self, FALSE);
}

GListModel *
hc_row_slots_get_model (HcRowSlots *self)
{
  g_return_val_if_fail (HC_IS_ROW_SLOTS (self), NULL);

  return self->model;
}
