/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-cell-tooltips.h"
#include "hc-format.h"
#include "hc-item-cells.h"
#include "hc-row-slots.h"
#include "hc-status-badge.h"

/*
 * List cells written from their row's item in C.
 *
 * Long lists give their rows through row slots (HcRowSlots): a search
 * typed, a burst sorted in or a row re-sorted points the row widgets at
 * other items. Bound with <lookup> expressions, each such change made two
 * expression watches a cell anew (each a GClosure called through libffi,
 * a notify handler on the old item let go and one on the new taken):
 * 22 ms of a 68 ms keystroke over 100,000 alerts, and most of a steady
 * stream's model updates. Here a cell holds one handler on its slot and
 * one on its item, and sets its widget from the item's getters, only for
 * the properties it shows.
 */

struct _HcItemCell
{
  const HcItemCellKind *kind;
  GType                 item_type;
  GtkListItem          *list_item;     /* not held: it holds the cell */
  GObject              *slot;          /* the list item's item while bound */
  gulong                slot_handler;
  GObject              *item;          /* held while bound */
  gulong                item_handler;
  int                   style;         /* the kind's own: what the style is set for; -1: none */
};

gpointer
hc_item_cell_get_item (HcItemCell *cell)
{
  return cell->item;
}

/**
 * hc_item_cell_get_style:
 * A place for the kind to remember what it set the cell's style for
 * (-1 at first), so it sets CSS classes only when they change.
 */
int *
hc_item_cell_get_style (HcItemCell *cell)
{
  return &cell->style;
}

/* Text cut to its cell; @tooltip: the whole of it when the pointer rests.
 * An inscription: a new text redraws it and measures nothing again. */
GtkWidget *
hc_item_cell_text (float    xalign,
                   gboolean tooltip)
{
  GtkWidget *child = g_object_new (GTK_TYPE_INSCRIPTION,
                                   "xalign", xalign,
                                   "text-overflow", GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END,
                                   "has-tooltip", tooltip,
                                   NULL);

  if (tooltip)
    g_signal_connect (child, "query-tooltip", G_CALLBACK (hc_cell_label_tooltip), NULL);
  return child;
}

void
hc_item_cell_set_text (GtkWidget  *child,
                       const char *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
}

void
hc_item_cell_take_text (GtkWidget *child,
                        char      *text)
{
  hc_item_cell_set_text (child, text);
  g_free (text);
}

static GQuark
time_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("hc-item-cell-time");
  return quark;
}

static gint64
now (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The exact time of the relative one shown, asked for when the pointer rests. */
static gboolean
time_tooltip (GtkWidget  *widget,
              int         x,
              int         y,
              gboolean    keyboard,
              GtkTooltip *tooltip,
              gpointer    data)
{
  gint64 *unix_time = g_object_get_qdata (G_OBJECT (widget), time_quark ());
  g_autofree char *text = NULL;

  if (unix_time == NULL)
    return FALSE;
  text = hc_format_time (*unix_time, now ());
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* A time shown relative ("3 min ago"): its tooltip and its accessible
 * description say the exact time (hc_item_cell_set_time()). */
GtkWidget *
hc_item_cell_make_time (HcItemCell *cell)
{
  GtkWidget *child = hc_item_cell_text (0, FALSE);

  gtk_widget_set_has_tooltip (child, TRUE);
  g_signal_connect (child, "query-tooltip", G_CALLBACK (time_tooltip), NULL);
  return child;
}

void
hc_item_cell_set_time (GtkWidget *child,
                       gint64     unix_time)
{
  gint64 t = now ();
  g_autofree char *exact = hc_format_time (unix_time, t);

  g_object_set_qdata_full (G_OBJECT (child), time_quark (), g_memdup2 (&unix_time, sizeof unix_time), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, exact, -1);
  hc_item_cell_take_text (child, hc_format_relative (unix_time, t));
}

/* The kinds of cell most lists have. */
GtkWidget *
hc_item_cell_make_plain (HcItemCell *cell)
{
  return hc_item_cell_text (0, FALSE);
}

/* Cut text, the whole of it as the tooltip. */
GtkWidget *
hc_item_cell_make_cut (HcItemCell *cell)
{
  return hc_item_cell_text (0, TRUE);
}

/* A number, its figures aligned. */
GtkWidget *
hc_item_cell_make_number (HcItemCell *cell)
{
  GtkWidget *child = hc_item_cell_text (1, FALSE);

  gtk_widget_add_css_class (child, "numeric");
  return child;
}

/* A state (HcStatusBadge): icon, word and colour. */
GtkWidget *
hc_item_cell_make_badge (HcItemCell *cell)
{
  return hc_status_badge_new_in_cell ();
}

/* ---- following the row ------------------------------------------------------------- */

static void
update (HcItemCell *cell)
{
  GtkWidget *child = gtk_list_item_get_child (cell->list_item);

  if (cell->item != NULL && child != NULL)
    cell->kind->update (cell, child, cell->item);
}

/* An item changed in place tells each property changed: a cell updates
 * for those it shows. */
static void
on_item_notify (GObject    *item,
                GParamSpec *pspec,
                HcItemCell *cell)
{
  for (guint i = 0; i < G_N_ELEMENTS (cell->kind->shows) && cell->kind->shows[i] != NULL; i++)
    if (g_str_equal (pspec->name, cell->kind->shows[i]))
      {
        update (cell);
        return;
      }
}

static void
follow (HcItemCell *cell,
        GObject    *item)
{
  if (cell->item == item)
    return;
  if (cell->item != NULL)
    g_clear_signal_handler (&cell->item_handler, cell->item);
  g_set_object (&cell->item, item);
  if (item != NULL)
    {
      cell->item_handler = g_signal_connect (item, "notify", G_CALLBACK (on_item_notify), cell);
      update (cell);
    }
}

static void
on_slot_item (HcItemCell *cell)
{
  GObject *item = hc_row_slot_unwrap (cell->slot);

  follow (cell, item != NULL && G_TYPE_CHECK_INSTANCE_TYPE (item, cell->item_type) ? item : NULL);
}

static void
cell_free (gpointer data)
{
  HcItemCell *cell = data;

  follow (cell, NULL);
  g_free (cell);
}

static void
setup (GtkSignalListItemFactory *factory,
       GtkListItem              *list_item,
       const HcItemCellKind     *kind)
{
  HcItemCell *cell = g_new0 (HcItemCell, 1);

  cell->kind = kind;
  cell->item_type = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (factory), "hc-item-type"));
  cell->list_item = list_item;
  cell->style = -1;
  g_object_set_data_full (G_OBJECT (list_item), "hc-item-cell", cell, cell_free);
  gtk_list_item_set_child (list_item, kind->make (cell));
}

static void
bind (GtkSignalListItemFactory *factory,
      GtkListItem              *list_item,
      const HcItemCellKind     *kind)
{
  HcItemCell *cell = g_object_get_data (G_OBJECT (list_item), "hc-item-cell");

  cell->slot = gtk_list_item_get_item (list_item);
  /* A list given without slots binds its items themselves. */
  if (HC_IS_ROW_SLOT (cell->slot))
    cell->slot_handler = g_signal_connect_swapped (cell->slot, "notify::item", G_CALLBACK (on_slot_item), cell);
  on_slot_item (cell);
}

static void
unbind (GtkSignalListItemFactory *factory,
        GtkListItem              *list_item,
        const HcItemCellKind     *kind)
{
  HcItemCell *cell = g_object_get_data (G_OBJECT (list_item), "hc-item-cell");

  if (cell->slot != NULL)
    g_clear_signal_handler (&cell->slot_handler, cell->slot);
  cell->slot = NULL;
  follow (cell, NULL);
}

static void
teardown (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          const HcItemCellKind     *kind)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  /* Its tooltip may ask the cell, which goes now. */
  if (child != NULL)
    g_signal_handlers_disconnect_by_data (child, g_object_get_data (G_OBJECT (list_item), "hc-item-cell"));
  gtk_list_item_set_child (list_item, NULL);
  g_object_set_data (G_OBJECT (list_item), "hc-item-cell", NULL);
}

static GtkListItemFactory *
factory_new (const HcItemCellKind *kind,
             GType                 item_type)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "hc-item-type", GSIZE_TO_POINTER (item_type));
  g_signal_connect (factory, "setup", G_CALLBACK (setup), (gpointer) kind);
  g_signal_connect (factory, "bind", G_CALLBACK (bind), (gpointer) kind);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind), (gpointer) kind);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown), (gpointer) kind);
  return factory;
}

/**
 * hc_item_cells_set_factories:
 * @columns: (array length=n_kinds): a list's columns, in the order of @kinds
 * @kinds: (array length=n_kinds): static; the columns' cells
 * @item_type: the type of the rows' items (other items leave a cell as it was)
 *
 * Gives each column the factory of its cells; the rows are HcRowSlots
 * over items (or the items themselves).
 */
void
hc_item_cells_set_factories (GtkColumnViewColumn  **columns,
                             const HcItemCellKind  *kinds,
                             guint                  n_kinds,
                             GType                  item_type)
{
  for (guint i = 0; i < n_kinds; i++)
    {
      g_autoptr(GtkListItemFactory) factory = factory_new (&kinds[i], item_type);

      gtk_column_view_column_set_factory (columns[i], factory);
    }
}
