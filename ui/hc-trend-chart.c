/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hc-format.h"
#include "hc-labels.h"
#include "hc-score-point.h"
#include "hc-trend-chart.h"

/*
 * The four quality criteria over time, one line each. The series differ by
 * dash as well as by colour, the colours come from the theme, the numbers
 * are there as text (accessible description, copy as text), and the
 * static drawing is cached until the data, size or theme changes: a
 * hover redraws only the marker.
 */

#define MARGIN_LEFT   36.0
#define MARGIN_RIGHT  12.0
#define MARGIN_TOP    30.0
#define MARGIN_BOTTOM 24.0

static const HcCriterion criteria[] = {
  HC_CRITERION_CORRECT, HC_CRITERION_COMPLETE, HC_CRITERION_CLEAN, HC_CRITERION_LIVE,
};
/* Theme palette names, and the dash that tells each series apart. */
static const char * const series_colors[] = { "blue_3", "green_4", "orange_3", "purple_3" };
static const double series_dashes[][4] = {
  { 0, 0, 0, 0 }, { 6, 3, 0, 0 }, { 2, 2, 0, 0 }, { 8, 3, 2, 3 },
};
static const int series_n_dashes[] = { 0, 2, 2, 4 };

struct _HcTrendChart
{
  GtkWidget      parent_instance;

  GListModel    *history;
  GskRenderNode *cache;
  int            cache_width;
  int            cache_height;
  int            hover;
  char          *summary;
};

G_DEFINE_FINAL_TYPE (HcTrendChart, hc_trend_chart, GTK_TYPE_WIDGET)

static guint
n_points (HcTrendChart *self)
{
  return self->history ? g_list_model_get_n_items (self->history) : 0;
}

static HcScorePoint *
point_at (HcTrendChart *self,
          guint         i)
{
  /* The model holds the points; hand back a borrowed pointer. */
  HcScorePoint *point = g_list_model_get_item (self->history, i);
  g_object_unref (point);
  return point;
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
}

static double
x_for (HcTrendChart *self, guint i, double width)
{
  guint n = n_points (self);
  double plot = width - MARGIN_LEFT - MARGIN_RIGHT;

  return MARGIN_LEFT + (n > 1 ? plot * i / (n - 1) : plot / 2);
}

static double
y_for (double score, double height)
{
  double plot = height - MARGIN_TOP - MARGIN_BOTTOM;

  return MARGIN_TOP + plot * (1.0 - CLAMP (score, 0, 100) / 100.0);
}

static void
draw_text (GtkWidget   *widget,
           GtkSnapshot *snapshot,
           const char  *text,
           double       x,
           double       y,
           double       xalign,
           const GdkRGBA *color)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x - w * xalign, y - h / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static char *
date_text (gint64 unix_date)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (unix_date);

  /* Translators: a short date on the chart axis, as for g_date_time_format() */
  return dt ? g_date_time_format (dt, C_("chart date", "%-d %b")) : g_strdup ("");
}

static GskRenderNode *
render_static (HcTrendChart *self,
               int           width,
               int           height)
{
  GtkWidget *widget = GTK_WIDGET (self);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  GdkRGBA fg, grid;
  guint n = n_points (self);
  cairo_t *cr;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  grid = fg;
  grid.alpha = 0.15;

  /* Grid and axis labels. */
  for (int score = 0; score <= 100; score += 25)
    {
      g_autofree char *label = g_strdup_printf ("%d", score);
      double y = y_for (score, height);
      GdkRGBA dim = fg;

      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (MARGIN_LEFT, y, width - MARGIN_LEFT - MARGIN_RIGHT, 1));
      dim.alpha = 0.6;
      draw_text (widget, snapshot, label, MARGIN_LEFT - 6, y, 1.0, &dim);
    }

  if (n > 0)
    {
      g_autofree char *first = date_text (hc_score_point_get_date (point_at (self, 0)));
      g_autofree char *last = date_text (hc_score_point_get_date (point_at (self, n - 1)));
      GdkRGBA dim = fg;

      dim.alpha = 0.6;
      draw_text (widget, snapshot, first, MARGIN_LEFT, height - MARGIN_BOTTOM / 2, 0.0, &dim);
      draw_text (widget, snapshot, last, width - MARGIN_RIGHT, height - MARGIN_BOTTOM / 2, 1.0, &dim);
    }

  /* Legend along the top: a sample of each line and its name. */
  {
    double x = MARGIN_LEFT;
    for (guint s = 0; s < G_N_ELEMENTS (criteria); s++)
      {
        g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, hc_criterion_label (criteria[s]));
        GdkRGBA color;
        int w, h;

        lookup_color (widget, series_colors[s], &color);
        pango_layout_get_pixel_size (layout, &w, &h);
        cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (x, 4, 22, h));
        gdk_cairo_set_source_rgba (cr, &color);
        cairo_set_line_width (cr, 2.5);
        cairo_set_dash (cr, series_dashes[s], series_n_dashes[s], 0);
        cairo_move_to (cr, x, 4 + h / 2.0);
        cairo_line_to (cr, x + 20, 4 + h / 2.0);
        cairo_stroke (cr);
        cairo_destroy (cr);
        gtk_snapshot_save (snapshot);
        gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 26, 4));
        gtk_snapshot_append_layout (snapshot, layout, &fg);
        gtk_snapshot_restore (snapshot);
        x += 26 + w + 16;
      }
  }

  /* The four series. */
  if (n > 0)
    {
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_set_line_width (cr, 2.0);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      for (guint s = 0; s < G_N_ELEMENTS (criteria); s++)
        {
          GdkRGBA color;

          lookup_color (widget, series_colors[s], &color);
          gdk_cairo_set_source_rgba (cr, &color);
          cairo_set_dash (cr, series_dashes[s], series_n_dashes[s], 0);
          for (guint i = 0; i < n; i++)
            {
              double score = hc_score_point_get_score (point_at (self, i), criteria[s]);
              double x = x_for (self, i, width), y = y_for (score, height);

              if (i == 0)
                cairo_move_to (cr, x, y);
              else
                cairo_line_to (cr, x, y);
            }
          cairo_stroke (cr);
        }
      cairo_destroy (cr);
    }
  else
    {
      GdkRGBA dim = fg;
      dim.alpha = 0.6;
      draw_text (widget, snapshot, _("No history yet"), width / 2.0, height / 2.0, 0.5, &dim);
    }

  return gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
}

static void
hc_trend_chart_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  HcTrendChart *self = HC_TREND_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (width <= MARGIN_LEFT + MARGIN_RIGHT || height <= MARGIN_TOP + MARGIN_BOTTOM)
    return;

  if (self->cache == NULL || self->cache_width != width || self->cache_height != height)
    {
      g_clear_pointer (&self->cache, gsk_render_node_unref);
      self->cache = render_static (self, width, height);
      self->cache_width = width;
      self->cache_height = height;
    }
  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);

  /* The hover marker: the day under the pointer and its four values. */
  if (self->hover >= 0 && (guint) self->hover < n_points (self))
    {
      HcScorePoint *point = point_at (self, self->hover);
      double x = x_for (self, self->hover, width);
      GdkRGBA fg, bg;
      g_autofree char *date = date_text (hc_score_point_get_date (point));
      g_autoptr(GString) text = g_string_new (date);
      g_autoptr(PangoLayout) layout = NULL;
      int w, h;
      double bx;

      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
      if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "view_bg_color", &bg))
        bg = (GdkRGBA) { 1, 1, 1, 1 };
      fg.alpha = 0.5;
      gtk_snapshot_append_color (snapshot, &fg,
                                 &GRAPHENE_RECT_INIT (x, MARGIN_TOP, 1, height - MARGIN_TOP - MARGIN_BOTTOM));
      fg.alpha = 1;

      for (guint s = 0; s < G_N_ELEMENTS (criteria); s++)
        {
          g_autofree char *score = hc_format_score (hc_score_point_get_score (point, criteria[s]));
          g_string_append_printf (text, "\n%s: %s", hc_criterion_label (criteria[s]), score);
        }
      layout = gtk_widget_create_pango_layout (widget, text->str);
      pango_layout_get_pixel_size (layout, &w, &h);
      bx = x + 8 + w + 8 > width ? x - w - 16 : x + 8;
      bg.alpha = 0.92;
      gtk_snapshot_append_color (snapshot, &bg, &GRAPHENE_RECT_INIT (bx, MARGIN_TOP, w + 8, h + 8));
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (bx + 4, MARGIN_TOP + 4));
      gtk_snapshot_append_layout (snapshot, layout, &fg);
      gtk_snapshot_restore (snapshot);
    }
}

static void
hc_trend_chart_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 320;
    }
  else
    {
      *minimum = 160;
      *natural = 200;
    }
}

static void
on_motion (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           HcTrendChart             *self)
{
  guint n = n_points (self);
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double plot = width - MARGIN_LEFT - MARGIN_RIGHT;
  int index;

  if (n == 0 || plot <= 0)
    return;
  index = n > 1 ? (int) lround ((x - MARGIN_LEFT) / plot * (n - 1)) : 0;
  index = CLAMP (index, 0, (int) n - 1);
  if (index == self->hover)
    return;
  self->hover = index;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_leave (GtkEventControllerMotion *controller,
          HcTrendChart             *self)
{
  self->hover = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
invalidate (HcTrendChart *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
hc_trend_chart_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (hc_trend_chart_parent_class)->css_changed (widget, change);
  /* Dark mode or another theme: new colours. */
  invalidate (HC_TREND_CHART (widget));
}

/* The numbers behind the lines, for a screen reader. */
static void
update_summary (HcTrendChart *self)
{
  guint n = n_points (self);
  g_autoptr(GString) text = g_string_new (NULL);

  if (n == 0)
    g_string_append (text, _("No score history yet."));
  else
    {
      HcScorePoint *first = point_at (self, 0);
      HcScorePoint *last = point_at (self, n - 1);

      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "Scores over %u day.", "Scores over %u days.", n), n);
      for (guint s = 0; s < G_N_ELEMENTS (criteria); s++)
        {
          double low = 100, high = 0;
          g_autofree char *from = hc_format_score (hc_score_point_get_score (first, criteria[s]));
          g_autofree char *to = hc_format_score (hc_score_point_get_score (last, criteria[s]));
          g_autofree char *low_text = NULL;

          for (guint i = 0; i < n; i++)
            {
              double v = hc_score_point_get_score (point_at (self, i), criteria[s]);
              low = MIN (low, v);
              high = MAX (high, v);
            }
          low_text = hc_format_score (low);
          g_string_append_printf (text, " ");
          /* Translators: "Correct: from 91.0 to 92.8, lowest 89.5." */
          g_string_append_printf (text, _("%s: from %s to %s, lowest %s."),
                                  hc_criterion_label (criteria[s]), from, to, low_text);
        }
    }

  g_free (self->summary);
  self->summary = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary, -1);
}

static void
on_history_changed (GListModel   *model,
                    guint         position,
                    guint         removed,
                    guint         added,
                    HcTrendChart *self)
{
  update_summary (self);
  invalidate (self);
}

static void
hc_trend_chart_dispose (GObject *object)
{
  HcTrendChart *self = HC_TREND_CHART (object);

  hc_trend_chart_set_history (self, NULL);
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (hc_trend_chart_parent_class)->dispose (object);
}

static void
hc_trend_chart_class_init (HcTrendChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_trend_chart_dispose;
  widget_class->snapshot = hc_trend_chart_snapshot;
  widget_class->measure = hc_trend_chart_measure;
  widget_class->css_changed = hc_trend_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "trendchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hc_trend_chart_init (HcTrendChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->hover = -1;
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Quality score trend"), -1);
  update_summary (self);
}

GtkWidget *
hc_trend_chart_new (void)
{
  return g_object_new (HC_TYPE_TREND_CHART, NULL);
}

void
hc_trend_chart_set_history (HcTrendChart *self,
                            GListModel   *history)
{
  g_return_if_fail (HC_IS_TREND_CHART (self));

  if (self->history == history)
    return;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_func (self->history, on_history_changed, self);
  g_set_object (&self->history, history);
  if (history != NULL)
    g_signal_connect_object (history, "items-changed", G_CALLBACK (on_history_changed), self, 0);
  self->hover = -1;
  update_summary (self);
  invalidate (self);
}

/**
 * hc_trend_chart_to_text:
 * The chart as a table: a header, then one line a day, tab-separated.
 */
char *
hc_trend_chart_to_text (HcTrendChart *self)
{
  GString *text;
  guint n;

  g_return_val_if_fail (HC_IS_TREND_CHART (self), NULL);

  text = g_string_new (_("Date"));
  for (guint s = 0; s < G_N_ELEMENTS (criteria); s++)
    g_string_append_printf (text, "\t%s", hc_criterion_label (criteria[s]));
  g_string_append_c (text, '\n');

  n = n_points (self);
  for (guint i = 0; i < n; i++)
    {
      HcScorePoint *point = point_at (self, i);
      g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (hc_score_point_get_date (point));
      g_autofree char *date = dt ? g_date_time_format (dt, "%Y-%m-%d") : g_strdup ("");

      g_string_append (text, date);
      for (guint s = 0; s < G_N_ELEMENTS (criteria); s++)
        g_string_append_printf (text, "\t%.1f", hc_score_point_get_score (point, criteria[s]));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

const char *
hc_trend_chart_get_summary (HcTrendChart *self)
{
  g_return_val_if_fail (HC_IS_TREND_CHART (self), NULL);
  return self->summary;
}

int
hc_trend_chart_get_hover_index (HcTrendChart *self)
{
  g_return_val_if_fail (HC_IS_TREND_CHART (self), -1);
  return self->hover;
}
