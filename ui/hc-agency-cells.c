/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The agencies list's cells that a .ui cannot make: scores coloured by the
 * thresholds, and the change with its arrow and a small trend line. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hc-agency-cells.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-status-badge.h"

/* ---- scores ------------------------------------------------------------ */

typedef struct {
  HcThresholds *thresholds;
  char         *property;
} ScoreCell;

static void
score_cell_free (gpointer  data,
                 GClosure *closure)
{
  ScoreCell *cell = data;

  g_object_unref (cell->thresholds);
  g_free (cell->property);
  g_free (cell);
}

static void
update_score (GtkListItem *list_item)
{
  ScoreCell *cell = g_object_get_data (G_OBJECT (list_item), "hc-score-cell");
  HcAgency *agency = gtk_list_item_get_item (list_item);
  GtkWidget *badge = gtk_list_item_get_child (list_item);
  double score;
  g_autofree char *text = NULL;

  if (agency == NULL || badge == NULL)
    return;
  g_object_get (agency, cell->property, &score, NULL);
  if (isnan (score))
    {
      /* Translators: a score that is not known: the agency has no dataset */
      hc_status_badge_set (HC_STATUS_BADGE (badge), HC_LEVEL_UNKNOWN, _("No datasets"));
      return;
    }
  text = hc_format_score (score);
  hc_status_badge_set (HC_STATUS_BADGE (badge),
                       hc_score_level (score, hc_thresholds_get_warning_below (cell->thresholds),
                                       hc_thresholds_get_critical_below (cell->thresholds)),
                       text);
}

static void
setup_score (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             ScoreCell                *cell)
{
  gtk_list_item_set_child (list_item, hc_status_badge_new_in_cell ());
  g_object_set_data (G_OBJECT (list_item), "hc-score-cell", cell);
  g_signal_connect_object (cell->thresholds, "notify", G_CALLBACK (update_score), list_item, G_CONNECT_SWAPPED);
}

static void
bind_score (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            ScoreCell                *cell)
{
  g_autofree char *signal = g_strconcat ("notify::", cell->property, NULL);

  g_signal_connect_object (gtk_list_item_get_item (list_item), signal, G_CALLBACK (update_score),
                           list_item, G_CONNECT_SWAPPED);
  update_score (list_item);
}

static void
unbind_score (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              ScoreCell                *cell)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), update_score, list_item);
}

/**
 * hc_agency_cells_score_factory:
 * Cells of one of an agency's score @property: a badge coloured by
 * @thresholds, "No datasets" where the agency has none.
 */
GtkListItemFactory *
hc_agency_cells_score_factory (HcThresholds *thresholds,
                               const char   *property)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ScoreCell *cell = g_new0 (ScoreCell, 1);

  cell->thresholds = g_object_ref (thresholds);
  cell->property = g_strdup (property);
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_score), cell, score_cell_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_score), cell);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_score), cell);
  return factory;
}

/* ---- change and trend line --------------------------------------------- */

/**
 * hc_agency_cells_change_text:
 * The change over the period with its arrow ("▲ 2.5"), or why it is not
 * known.
 */
char *
hc_agency_cells_change_text (HcAgency *agency)
{
  double change = hc_agency_get_change (agency);
  g_autofree char *number = NULL;

  if (isnan (change))
    /* Translators: the change of a score over the period is not known yet */
    return g_strdup (C_("change", "Not known"));
  number = hc_format_score (fabs (change));
  if (round (change * 10) == 0)
    /* Translators: the score did not change over the period; %s is 0.0 */
    return g_strdup_printf (C_("change", "= %s"), number);
  if (change > 0)
    /* Translators: the score rose by %s points over the period */
    return g_strdup_printf (C_("change", "▲ +%s"), number);
  /* Translators: the score fell by %s points over the period */
  return g_strdup_printf (C_("change", "▼ −%s"), number);
}

static void
draw_sparkline (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        user_data)
{
  GtkListItem *list_item = user_data;
  HcAgency *agency = gtk_list_item_get_item (list_item);
  const HcAgencyPoint *trend;
  double lo = G_MAXDOUBLE, hi = -G_MAXDOUBLE;
  GdkRGBA color;
  guint n;

  if (agency == NULL)
    return;
  trend = hc_agency_get_trend (agency, &n);
  if (n < 2)
    return;
  for (guint i = 0; i < n; i++)
    {
      lo = MIN (lo, trend[i].scores[4]);
      hi = MAX (hi, trend[i].scores[4]);
    }
  /* At least a point of range, so a flat line stays flat and centred. */
  if (hi - lo < 1)
    {
      lo -= 0.5;
      hi += 0.5;
    }
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &color);
  gdk_cairo_set_source_rgba (cr, &color);
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < n; i++)
    {
      double x = 1 + (width - 2) * (double) (trend[i].date - trend[0].date) /
                 (double) MAX (trend[n - 1].date - trend[0].date, 1);
      double y = 2 + (height - 4) * (1 - (trend[i].scores[4] - lo) / (hi - lo));

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);
}

static void
update_change (GtkListItem *list_item)
{
  HcAgency *agency = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *line = gtk_widget_get_next_sibling (label);
  g_autofree char *text = NULL;
  g_autofree char *tooltip = NULL;
  double change;

  if (agency == NULL)
    return;
  change = hc_agency_get_change (agency);
  text = hc_agency_cells_change_text (agency);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_remove_css_class (label, "success");
  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  if (isnan (change))
    {
      gtk_widget_add_css_class (label, "dim-label");
      tooltip = g_strdup (_("Unknown: no dataset of this agency has a history read that reaches back to the start of the period."));
    }
  else
    {
      if (round (change * 10) > 0)
        gtk_widget_add_css_class (label, "success");
      else if (round (change * 10) < 0)
        gtk_widget_add_css_class (label, "error");
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "From the history of %d dataset of %d, weighted by records",
                                              "From the history of %d datasets of %d, weighted by records",
                                              (gulong) hc_agency_get_datasets (agency)),
                                 (int) hc_agency_get_change_known (agency), (int) hc_agency_get_datasets (agency));
    }
  gtk_widget_set_tooltip_text (box, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
  gtk_widget_queue_draw (line);
}

static void
setup_change (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *line = gtk_drawing_area_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_width_chars (GTK_LABEL (label), 8);
  gtk_widget_add_css_class (label, "numeric");
  gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (line), 48);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (line), 16);
  gtk_widget_set_valign (line, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (line), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Trend"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (line), draw_sparkline, list_item, NULL);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_change (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item)
{
  g_signal_connect_object (gtk_list_item_get_item (list_item), "notify::change", G_CALLBACK (update_change),
                           list_item, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_list_item_get_item (list_item), "notify::change-known", G_CALLBACK (update_change),
                           list_item, G_CONNECT_SWAPPED);
  update_change (list_item);
}

static void
unbind_change (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), update_change, list_item);
}

/**
 * hc_agency_cells_change_factory:
 * Cells of an agency's change over the period: an arrow and the points,
 * green up and red down (the arrow says it without colour), and the
 * overall score's daily line.
 */
GtkListItemFactory *
hc_agency_cells_change_factory (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_change), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_change), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_change), NULL);
  return factory;
}
