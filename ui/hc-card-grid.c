/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-card-grid.h"
#include "hc-widget-util.h"

/*
 * Cards two by two when two fit side by side at their minimum width, one
 * column below that. Its minimum width is one card's, whatever it shows,
 * so the window can always shrink to one column (libadwaita 1.2 has no
 * AdwBreakpoint, and a GtkFlowBox flows at the cards' natural width).
 */

#define SPACING 12

struct _HcCardGrid
{
  GtkWidget parent_instance;

  guint     columns;    /* as last allocated */
};

G_DEFINE_FINAL_TYPE (HcCardGrid, hc_card_grid, GTK_TYPE_WIDGET)

/* The widest minimum width of the visible cards. */
static int
card_min_width (GtkWidget *widget)
{
  int widest = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int min = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      widest = MAX (widest, min);
    }
  return widest;
}

static guint
columns_for_width (GtkWidget *widget,
                   int        width)
{
  return width >= 2 * card_min_width (widget) + SPACING ? 2 : 1;
}

/* Height of the cards laid out in @columns of @column_width, row by row;
 * with @allocate, allocates them too. */
static int
lay_out (GtkWidget *widget,
         guint      columns,
         int        column_width,
         gboolean   allocate,
         gboolean   natural)
{
  GtkWidget *row[2] = { NULL, NULL };
  guint n = 0;
  int y = 0;
  int total = 0;
  GtkWidget *child = gtk_widget_get_first_child (widget);

  for (;;)
    {
      gboolean end = child == NULL;

      if (!end && !gtk_widget_should_layout (child))
        {
          child = gtk_widget_get_next_sibling (child);
          continue;
        }
      if (!end)
        row[n++] = child;
      if (n == columns || (end && n > 0))
        {
          int height = 0;

          for (guint i = 0; i < n; i++)
            {
              int min, nat;

              gtk_widget_measure (row[i], GTK_ORIENTATION_VERTICAL, column_width, &min, &nat, NULL, NULL);
              height = MAX (height, natural ? nat : min);
            }
          if (allocate)
            for (guint i = 0; i < n; i++)
              gtk_widget_size_allocate (row[i],
                                        &(GtkAllocation) { i * (column_width + SPACING), y, column_width, height },
                                        -1);
          total = y + height;
          y += height + SPACING;
          n = 0;
        }
      if (end)
        break;
      child = gtk_widget_get_next_sibling (child);
    }
  return total;
}

static int
column_width (guint columns,
              int   width)
{
  return columns == 2 ? (width - SPACING) / 2 : width;
}

static void
hc_card_grid_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int widest_nat = 0;

      for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
        {
          int nat = 0;

          if (gtk_widget_should_layout (child))
            gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
          widest_nat = MAX (widest_nat, nat);
        }
      *minimum = card_min_width (widget);
      *natural = MAX (2 * widest_nat + SPACING, 2 * *minimum + SPACING);
    }
  else
    {
      int width = for_size >= 0 ? for_size : 2 * card_min_width (widget) + SPACING;
      guint columns = columns_for_width (widget, width);

      *minimum = lay_out (widget, columns, column_width (columns, width), FALSE, FALSE);
      *natural = lay_out (widget, columns, column_width (columns, width), FALSE, TRUE);
    }
}

static void
hc_card_grid_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  HcCardGrid *self = HC_CARD_GRID (widget);

  self->columns = columns_for_width (widget, width);
  lay_out (widget, self->columns, column_width (self->columns, width), TRUE, TRUE);
}

static GtkSizeRequestMode
hc_card_grid_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
hc_card_grid_dispose (GObject *object)
{
  hc_widget_unparent_children (GTK_WIDGET (object));

  G_OBJECT_CLASS (hc_card_grid_parent_class)->dispose (object);
}

static void
hc_card_grid_class_init (HcCardGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_card_grid_dispose;
  widget_class->measure = hc_card_grid_measure;
  widget_class->size_allocate = hc_card_grid_size_allocate;
  widget_class->get_request_mode = hc_card_grid_get_request_mode;
}

static void
hc_card_grid_init (HcCardGrid *self)
{
  self->columns = 1;
}

/**
 * hc_card_grid_get_columns:
 * How many columns the cards were last laid out in: 1 or 2.
 */
guint
hc_card_grid_get_columns (HcCardGrid *self)
{
  g_return_val_if_fail (HC_IS_CARD_GRID (self), 1);

  return self->columns;
}
