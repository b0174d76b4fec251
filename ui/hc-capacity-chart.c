/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include "hc-capacity-chart.h"
#include "hc-forecast.h"
#include "hc-format.h"
#include "hc-usage-point.h"

/*
 * A pool's daily usage with its capacity and where the usage is heading.
 * Usage is a solid line, the forecast the same colour dashed, the
 * capacity a line of its own colour: the series differ by dash as well
 * as colour. The drawing is kept as a render node and redone only when
 * the data, the size or the theme colours change.
 */
struct _HcCapacityChart
{
  GtkWidget           parent_instance;

  GListModel         *history;
  guint64             capacity;
  HcForecast          forecast;
  gboolean            has_forecast;
  char               *summary;

  GskRenderNode      *cache;
  int                 cache_width;
  int                 cache_height;
  GdkRGBA             cache_colors[3];
};

G_DEFINE_FINAL_TYPE (HcCapacityChart, hc_capacity_chart, GTK_TYPE_WIDGET)

#define DAY 86400

enum { COLOR_FG, COLOR_USAGE, COLOR_CAPACITY, N_COLORS };

static void
lookup_colors (HcCapacityChart *self,
               GdkRGBA          colors[N_COLORS])
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  /* Named theme colours follow light, dark and high contrast. */
  if (!gtk_style_context_lookup_color (context, "window_fg_color", &colors[COLOR_FG]))
    gtk_style_context_get_color (context, &colors[COLOR_FG]);
  if (!gtk_style_context_lookup_color (context, "accent_color", &colors[COLOR_USAGE]))
    colors[COLOR_USAGE] = colors[COLOR_FG];
  if (!gtk_style_context_lookup_color (context, "error_color", &colors[COLOR_CAPACITY]))
    colors[COLOR_CAPACITY] = colors[COLOR_FG];
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
draw_text (HcCapacityChart *self,
           cairo_t         *cr,
           const char      *text,
           double           x,
           double           y,
           double           xalign)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();
  int width, height;

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_layout_set_attributes (layout, attrs);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x - width * xalign, y - height / 2.0);
  pango_cairo_show_layout (cr, layout);
  pango_attr_list_unref (attrs);
  g_object_unref (layout);
}

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
draw_chart (HcCapacityChart *self,
            cairo_t         *cr,
            int              width,
            int              height,
            const GdkRGBA    colors[N_COLORS])
{
  const double left = 64, right = 12, top = 12, bottom = 24;
  double plot_w = width - left - right, plot_h = height - top - bottom;
  guint n = self->history != NULL ? g_list_model_get_n_items (self->history) : 0;
  gint64 x0, x1;
  double y_max = (double) self->capacity;
  g_autofree char *capacity_text = hc_format_bytes (self->capacity);
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autoptr(HcUsagePoint) first = NULL;
  g_autoptr(HcUsagePoint) last = NULL;
  static const double dash[] = { 6.0, 4.0 };

  if (n == 0 || plot_w < 20 || plot_h < 20)
    return;

  first = g_list_model_get_item (self->history, 0);
  last = g_list_model_get_item (self->history, n - 1);
  x0 = hc_usage_point_get_date (first);
  x1 = hc_usage_point_get_date (last);
  /* Room for the forecast, up to the date it fills but no longer than the
   * history itself, so the history keeps at least half the width. */
  if (self->has_forecast && self->forecast.filling)
    x1 += (gint64) CLAMP (self->forecast.days_left, 14, MAX (14, (x1 - x0) / DAY)) * DAY;
  else if (self->has_forecast)
    x1 += 14 * DAY;
  if (x1 <= x0)
    x1 = x0 + DAY;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcUsagePoint) point = g_list_model_get_item (self->history, i);
      y_max = MAX (y_max, (double) hc_usage_point_get_used_bytes (point));
    }
  y_max = MAX (y_max * 1.1, 1.0);

#define X(t) (left + plot_w * (double) ((t) - x0) / (double) (x1 - x0))
#define Y(v) (top + plot_h * (1.0 - (v) / y_max))

  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  /* Axes and a light grid at quarters of the capacity. */
  set_color (cr, &colors[COLOR_FG], 0.15);
  cairo_set_line_width (cr, 1);
  for (int q = 1; q <= 3; q++)
    {
      cairo_move_to (cr, left, round (Y (self->capacity * q / 4.0)) + 0.5);
      cairo_line_to (cr, left + plot_w, round (Y (self->capacity * q / 4.0)) + 0.5);
    }
  cairo_stroke (cr);
  set_color (cr, &colors[COLOR_FG], 0.5);
  cairo_move_to (cr, left + 0.5, top);
  cairo_line_to (cr, left + 0.5, top + plot_h + 0.5);
  cairo_line_to (cr, left + plot_w, top + plot_h + 0.5);
  cairo_stroke (cr);

  /* Capacity: a solid line in the error colour, labelled. */
  set_color (cr, &colors[COLOR_CAPACITY], 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_move_to (cr, left, Y (self->capacity));
  cairo_line_to (cr, left + plot_w, Y (self->capacity));
  cairo_stroke (cr);

  set_color (cr, &colors[COLOR_FG], 0.75);
  draw_text (self, cr, capacity_text, left - 6, Y (self->capacity), 1.0);
  draw_text (self, cr, "0", left - 6, Y (0), 1.0);
  start_text = hc_format_day (x0);
  end_text = hc_format_day (x1);
  draw_text (self, cr, start_text, left, top + plot_h + bottom / 2.0 + 2, 0.0);
  draw_text (self, cr, end_text, left + plot_w, top + plot_h + bottom / 2.0 + 2, 1.0);

  /* Usage: solid. */
  set_color (cr, &colors[COLOR_USAGE], 1.0);
  cairo_set_line_width (cr, 2);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcUsagePoint) point = g_list_model_get_item (self->history, i);
      double x = X (hc_usage_point_get_date (point));
      double y = Y ((double) hc_usage_point_get_used_bytes (point));

      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  cairo_stroke (cr);

  /* Forecast: the fitted line, dashed, from the last sample on. */
  if (self->has_forecast)
    {
      gint64 from = hc_usage_point_get_date (last);
      gint64 to = x1;
      double v_from = self->forecast.intercept + self->forecast.slope * ((double) from / DAY);
      double v_to = self->forecast.intercept + self->forecast.slope * ((double) to / DAY);

      v_from = CLAMP (v_from, 0, y_max);
      v_to = CLAMP (v_to, 0, y_max);
      cairo_save (cr);
      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
      cairo_move_to (cr, X (from), Y (v_from));
      cairo_line_to (cr, X (to), Y (v_to));
      cairo_stroke (cr);
      cairo_restore (cr);
    }

#undef X
#undef Y
}

static void
hc_capacity_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  HcCapacityChart *self = HC_CAPACITY_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA colors[N_COLORS];

  lookup_colors (self, colors);
  if (self->cache != NULL &&
      (width != self->cache_width || height != self->cache_height ||
       memcmp (colors, self->cache_colors, sizeof colors) != 0))
    g_clear_pointer (&self->cache, gsk_render_node_unref);

  if (self->cache == NULL)
    {
      GtkSnapshot *inner = gtk_snapshot_new ();
      cairo_t *cr = gtk_snapshot_append_cairo (inner, &GRAPHENE_RECT_INIT (0, 0, width, height));

      draw_chart (self, cr, width, height, colors);
      cairo_destroy (cr);
      self->cache = gtk_snapshot_free_to_node (inner);
      self->cache_width = width;
      self->cache_height = height;
      memcpy (self->cache_colors, colors, sizeof colors);
    }

  if (self->cache != NULL)
    gtk_snapshot_append_node (snapshot, self->cache);
}

static void
hc_capacity_chart_measure (GtkWidget      *widget,
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
      *natural = 340;
    }
  else
    {
      *minimum = 140;
      *natural = 180;
    }
}

static void
update_summary (HcCapacityChart *self)
{
  guint n = self->history != NULL ? g_list_model_get_n_items (self->history) : 0;
  g_autofree char *capacity = hc_format_bytes (self->capacity);

  g_clear_pointer (&self->summary, g_free);
  self->has_forecast = hc_forecast_compute (self->history, self->capacity, &self->forecast);

  if (n == 0)
    self->summary = g_strdup (_("No usage history yet."));
  else
    {
      g_autoptr(HcUsagePoint) first = g_list_model_get_item (self->history, 0);
      g_autoptr(HcUsagePoint) last = g_list_model_get_item (self->history, n - 1);
      g_autofree char *first_used = hc_format_bytes (hc_usage_point_get_used_bytes (first));
      g_autofree char *last_used = hc_format_bytes (hc_usage_point_get_used_bytes (last));
      g_autofree char *first_date = hc_format_day (hc_usage_point_get_date (first));
      g_autofree char *last_date = hc_format_day (hc_usage_point_get_date (last));
      g_autofree char *trend = NULL;

      if (self->has_forecast)
        {
          g_autofree char *rate = hc_format_bytes ((guint64) fabs (self->forecast.slope));
          g_autofree char *words = hc_forecast_describe (&self->forecast);

          if (self->forecast.slope >= 0)
            /* Translators: the trend of a pool's usage, e.g. "Growing by 12.1 TB a day over the last 30 days. Full in about 42 days (8 Jan 2027)." */
            trend = g_strdup_printf (_("Growing by %s a day over the last %d days. %s."),
                                     rate, HC_FORECAST_DAYS, words);
          else
            trend = g_strdup_printf (_("Shrinking by %s a day over the last %d days. %s."),
                                     rate, HC_FORECAST_DAYS, words);
        }

      /* Translators: the numbers behind the capacity chart, for screen readers and copying. */
      self->summary = g_strdup_printf (_("Used %s of %s on %s; %s on %s. %s"),
                                       last_used, capacity, last_date, first_used, first_date,
                                       trend != NULL ? trend : "");
      g_strchomp (self->summary);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), self->summary);
}

static void
invalidate (HcCapacityChart *self)
{
  g_clear_pointer (&self->cache, gsk_render_node_unref);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_history_changed (GListModel      *history,
                    guint            position,
                    guint            removed,
                    guint            added,
                    HcCapacityChart *self)
{
  invalidate (self);
}

static void
hc_capacity_chart_dispose (GObject *object)
{
  HcCapacityChart *self = HC_CAPACITY_CHART (object);

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_clear_object (&self->history);
  g_clear_pointer (&self->cache, gsk_render_node_unref);

  G_OBJECT_CLASS (hc_capacity_chart_parent_class)->dispose (object);
}

static void
hc_capacity_chart_finalize (GObject *object)
{
  HcCapacityChart *self = HC_CAPACITY_CHART (object);

  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (hc_capacity_chart_parent_class)->finalize (object);
}

static void
hc_capacity_chart_class_init (HcCapacityChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_capacity_chart_dispose;
  object_class->finalize = hc_capacity_chart_finalize;
  widget_class->snapshot = hc_capacity_chart_snapshot;
  widget_class->measure = hc_capacity_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "capacitychart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hc_capacity_chart_init (HcCapacityChart *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Capacity chart"),
                                  -1);
  update_summary (self);
}

GtkWidget *
hc_capacity_chart_new (void)
{
  return g_object_new (HC_TYPE_CAPACITY_CHART, NULL);
}

/**
 * hc_capacity_chart_set_data:
 * @history: HcUsagePoint, oldest first; followed as it changes.
 */
void
hc_capacity_chart_set_data (HcCapacityChart *self,
                            GListModel      *history,
                            guint64          capacity)
{
  g_return_if_fail (HC_IS_CAPACITY_CHART (self));
  g_return_if_fail (history == NULL || G_IS_LIST_MODEL (history));

  if (self->history == history && self->capacity == capacity)
    return;

  if (self->history != history)
    {
      if (self->history != NULL)
        g_signal_handlers_disconnect_by_data (self->history, self);
      g_set_object (&self->history, history);
      if (history != NULL)
        g_signal_connect_object (history, "items-changed", G_CALLBACK (on_history_changed), self, 0);
    }
  self->capacity = capacity;
  invalidate (self);
}

/**
 * hc_capacity_chart_get_summary:
 * The chart's numbers as a sentence (also its accessible description).
 */
const char *
hc_capacity_chart_get_summary (HcCapacityChart *self)
{
  g_return_val_if_fail (HC_IS_CAPACITY_CHART (self), NULL);

  return self->summary;
}
