/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-capacity-chart.h"
#include "hc-closures.h"
#include "hc-forecast.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-pool-detail.h"
#include "hc-status-badge.h"
#include "hc-widget-util.h"

/* One pool beside the list: its facts, its capacity and where it is heading. */
struct _HcPoolDetail
{
  GtkWidget        parent_instance;

  HcPool          *pool;
  gulong           notify_id;

  /* template children */
  GtkLabel        *name_label;
  GtkLabel        *kind_label;
  HcStatusBadge   *state_badge;
  GtkLevelBar     *used_bar;
  GtkLabel        *used_label;
  AdwActionRow    *scheme_row;
  AdwActionRow    *degraded_row;
  AdwActionRow    *misplaced_row;
  AdwActionRow    *read_row;
  AdwActionRow    *write_row;
  HcCapacityChart *chart;
  GtkLabel        *forecast_label;
};

G_DEFINE_FINAL_TYPE (HcPoolDetail, hc_pool_detail, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_POOL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hc_pool_detail_refresh (HcPoolDetail *self)
{
  HcPool *pool = self->pool;
  guint64 used, capacity;
  g_autofree char *used_text = NULL;
  g_autofree char *degraded = NULL;
  g_autofree char *misplaced = NULL;
  g_autofree char *read = NULL;
  g_autofree char *write = NULL;
  g_autofree char *read_rate = NULL;
  g_autofree char *write_rate = NULL;
  g_autofree char *forecast = NULL;
  g_autofree char *name = NULL;
  g_autofree char *scheme = NULL;
  HcForecast fit;

  if (pool == NULL)
    return;

  name = hc_format_hub_text (hc_pool_get_name (pool), HC_HUB_TEXT_LINE);
  scheme = hc_format_hub_text (hc_pool_get_replication_scheme (pool), HC_HUB_TEXT_LINE);

  used = hc_pool_get_used_bytes (pool);
  capacity = hc_pool_get_capacity_bytes (pool);
  gtk_label_set_label (self->name_label, name);
  gtk_label_set_label (self->kind_label, hc_pool_kind_label (hc_pool_get_kind (pool)));
  hc_status_badge_set (self->state_badge,
                       hc_pool_state_level (hc_pool_get_state (pool)),
                       hc_pool_state_label (hc_pool_get_state (pool)));

  used_text = hc_closure_pool_used (NULL, used, capacity);
  gtk_level_bar_set_value (self->used_bar, hc_closure_pool_fraction (NULL, used, capacity));
  gtk_label_set_label (self->used_label, used_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->used_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, used_text, -1);

  degraded = hc_format_count (hc_pool_get_degraded_objects (pool));
  misplaced = hc_format_count (hc_pool_get_misplaced_objects (pool));
  read = hc_format_bytes (hc_pool_get_read_bps (pool));
  write = hc_format_bytes (hc_pool_get_write_bps (pool));
  /* Translators: a throughput, e.g. "1.2 GB/s" */
  read_rate = g_strdup_printf (_("%s/s"), read);
  write_rate = g_strdup_printf (_("%s/s"), write);
  hc_detail_row_set_value (self->scheme_row, scheme);
  hc_detail_row_set_value (self->degraded_row, degraded);
  hc_detail_row_set_value (self->misplaced_row, misplaced);
  hc_detail_row_set_value (self->read_row, read_rate);
  hc_detail_row_set_value (self->write_row, write_rate);

  hc_capacity_chart_set_data (self->chart, hc_pool_get_history (pool), capacity);
  if (hc_forecast_compute (hc_pool_get_history (pool), capacity, &fit))
    forecast = hc_forecast_describe (&fit);
  else
    forecast = g_strdup (_("Not enough history for a forecast"));
  gtk_label_set_label (self->forecast_label, forecast);
}

static void
on_pool_notify (HcPool       *pool,
                GParamSpec   *pspec,
                HcPoolDetail *self)
{
  hc_pool_detail_refresh (self);
}

static void
hc_pool_detail_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HcPoolDetail *self = HC_POOL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_POOL:
      g_value_set_object (value, self->pool);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_pool_detail_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HcPoolDetail *self = HC_POOL_DETAIL (object);

  switch (prop_id)
    {
    case PROP_POOL:
      hc_pool_detail_set_pool (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_pool_detail_dispose (GObject *object)
{
  HcPoolDetail *self = HC_POOL_DETAIL (object);

  hc_pool_detail_set_pool (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_POOL_DETAIL);
  hc_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (hc_pool_detail_parent_class)->dispose (object);
}

static void
hc_pool_detail_class_init (HcPoolDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hc_pool_detail_get_property;
  object_class->set_property = hc_pool_detail_set_property;
  object_class->dispose = hc_pool_detail_dispose;

  properties[PROP_POOL] =
    g_param_spec_object ("pool", NULL, NULL, HC_TYPE_POOL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HC_TYPE_STATUS_BADGE);
  g_type_ensure (HC_TYPE_CAPACITY_CHART);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-pool-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, name_label);
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, kind_label);
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, state_badge);
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, used_bar);
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, used_label);
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, scheme_row);
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, degraded_row);
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, misplaced_row);
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, read_row);
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, write_row);
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, chart);
  gtk_widget_class_bind_template_child (widget_class, HcPoolDetail, forecast_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_pool_detail_init (HcPoolDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Capacity reads the other way round: full is bad (75 % warning, 90 % critical). */
  gtk_level_bar_remove_offset_value (self->used_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->used_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (self->used_bar, GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_level_bar_add_offset_value (self->used_bar, "storage-ok", 0.75);
  gtk_level_bar_add_offset_value (self->used_bar, "storage-warning", 0.90);
  gtk_level_bar_add_offset_value (self->used_bar, "storage-critical", 1.0);
}

HcPool *
hc_pool_detail_get_pool (HcPoolDetail *self)
{
  g_return_val_if_fail (HC_IS_POOL_DETAIL (self), NULL);

  return self->pool;
}

void
hc_pool_detail_set_pool (HcPoolDetail *self,
                         HcPool       *pool)
{
  g_return_if_fail (HC_IS_POOL_DETAIL (self));
  g_return_if_fail (pool == NULL || HC_IS_POOL (pool));

  if (self->pool == pool)
    return;

  if (self->pool != NULL)
    {
      g_clear_signal_handler (&self->notify_id, self->pool);
      g_clear_object (&self->pool);
    }

  if (pool != NULL)
    {
      self->pool = g_object_ref (pool);
      self->notify_id = g_signal_connect_object (pool, "notify",
                                                 G_CALLBACK (on_pool_notify), self, 0);
      hc_pool_detail_refresh (self);
    }
  else if (self->chart != NULL)
    hc_capacity_chart_set_data (self->chart, NULL, 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POOL]);
}

/**
 * hc_pool_detail_get_forecast:
 * The forecast as shown: "Full in about N days (DATE)" or "Not filling".
 */
const char *
hc_pool_detail_get_forecast (HcPoolDetail *self)
{
  g_return_val_if_fail (HC_IS_POOL_DETAIL (self), NULL);

  return gtk_label_get_label (self->forecast_label);
}
