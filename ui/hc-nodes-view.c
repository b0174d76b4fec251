/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-format.h"
#include "hc-labels.h"
#include "hc-node.h"
#include "hc-nodes-view.h"
#include "hc-status-badge.h"
#include "hc-widget-util.h"

/*
 * The storage nodes, one expandable row each, with their disks inside:
 * a node with a failing or warning disk opens by itself, so the disks an
 * operator must replace are in view without a click.
 */
struct _HcNodesView
{
  GtkWidget     parent_instance;

  GListModel   *nodes;
  GtkListBox   *list;
  AdwStatusPage *empty_page;
  GtkStack     *stack;
  gboolean      built;       /* rows made for @nodes (on the first map) */
};

G_DEFINE_FINAL_TYPE (HcNodesView, hc_nodes_view, GTK_TYPE_WIDGET)

static guint
count_disks (HcNode       *node,
             HcDiskHealth  health)
{
  GListModel *disks = hc_node_get_disks (node);
  guint n = g_list_model_get_n_items (disks), count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcDisk) disk = g_list_model_get_item (disks, i);
      if (hc_disk_get_health (disk) == health)
        count++;
    }
  return count;
}

static void
refresh_disk_row (HcDisk     *disk,
                  GParamSpec *pspec,
                  GtkWidget  *row)
{
  HcStatusBadge *badge = g_object_get_data (G_OBJECT (row), "badge");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *sectors = hc_format_count (hc_disk_get_reallocated_sectors (disk));
  g_autofree char *hours = hc_format_count (hc_disk_get_power_on_hours (disk));
  g_autofree char *size = hc_format_bytes (hc_disk_get_capacity_bytes (disk));
  g_autofree char *serial = hc_format_hub_text (hc_disk_get_serial (disk), HC_HUB_TEXT_LINE);
  g_autofree char *model = hc_format_hub_text (hc_disk_get_model (disk), HC_HUB_TEXT_LINE);

  /* Translators: a disk: serial · model */
  title = g_strdup_printf (_("%s · %s"), serial, model);
  /* Translators: a disk's facts, e.g. "41 °C · 12 reallocated sectors · 23,456 power-on hours · 8.0 TB" */
  subtitle = g_strdup_printf (_("%d °C · %s reallocated sectors · %s power-on hours · %s"),
                              (int) hc_disk_get_temperature_c (disk), sectors, hours, size);
  /* Hub text is text, never markup: "&" or "<" would blank the row. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  hc_status_badge_set (badge, hc_disk_health_level (hc_disk_get_health (disk)),
                       hc_disk_health_label (hc_disk_get_health (disk)));
}

static GtkWidget *
create_disk_row (gpointer item,
                 gpointer user_data)
{
  HcDisk *disk = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = hc_status_badge_new ();

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  hc_status_badge_set_ellipsize (HC_STATUS_BADGE (badge), FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data (G_OBJECT (row), "badge", badge);
  refresh_disk_row (disk, NULL, row);
  g_signal_connect_object (disk, "notify", G_CALLBACK (refresh_disk_row), row, 0);
  return row;
}

static void
refresh_node_row (GtkWidget *row)
{
  HcNode *node = g_object_get_data (G_OBJECT (row), "node");
  HcStatusBadge *badge = g_object_get_data (G_OBJECT (row), "badge");
  guint n_disks = g_list_model_get_n_items (hc_node_get_disks (node));
  guint failing = count_disks (node, HC_DISK_HEALTH_FAILING);
  guint warning = count_disks (node, HC_DISK_HEALTH_WARNING);
  g_autofree char *disks = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *hostname = hc_format_hub_text (hc_node_get_hostname (node), HC_HUB_TEXT_LINE);
  g_autofree char *rack = hc_format_hub_text (hc_node_get_rack (node), HC_HUB_TEXT_LINE);

  disks = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u disk", "%u disks", n_disks), n_disks);
  if (failing > 0 && warning > 0)
    /* Translators: a node's disks, e.g. "Rack R07 · 12 disks · 2 failing · 1 with warnings" */
    subtitle = g_strdup_printf (_("Rack %s · %s · %u failing · %u with warnings"),
                                rack, disks, failing, warning);
  else if (failing > 0)
    /* Translators: a node's disks, e.g. "Rack R07 · 12 disks · 2 failing" */
    subtitle = g_strdup_printf (_("Rack %s · %s · %u failing"), rack, disks, failing);
  else if (warning > 0)
    /* Translators: a node's disks, e.g. "Rack R07 · 12 disks · 1 with warnings" */
    subtitle = g_strdup_printf (_("Rack %s · %s · %u with warnings"), rack, disks, warning);
  else
    /* Translators: a node's disks, e.g. "Rack R07 · 12 disks, all OK" */
    subtitle = g_strdup_printf (_("Rack %s · %s, all OK"), rack, disks);

  /* Hub text is text, never markup: "&" or "<" would blank the row. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hostname);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  hc_status_badge_set (badge, hc_node_state_level (hc_node_get_state (node)),
                       hc_node_state_label (hc_node_get_state (node)));
  /* libadwaita 1.2 does not name an expander row for screen readers. */
  {
    g_autofree char *accessible = g_strdup_printf ("%s, %s, %s", hostname,
                                                   hc_node_state_label (hc_node_get_state (node)), subtitle);
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  }
}

static void
on_node_notify (HcNode     *node,
                GParamSpec *pspec,
                GtkWidget  *row)
{
  refresh_node_row (row);
}

static void
on_disks_changed (GListModel *disks,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GtkWidget  *row)
{
  refresh_node_row (row);
}

static GtkWidget *
create_node_row (gpointer item,
                 gpointer user_data)
{
  HcNode *node = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *badge = hc_status_badge_new ();
  GtkWidget *disks = gtk_list_box_new ();
  g_autofree char *label = NULL;
  g_autofree char *hostname = hc_format_hub_text (hc_node_get_hostname (node), HC_HUB_TEXT_LINE);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), badge);
  g_object_set_data_full (G_OBJECT (row), "node", g_object_ref (node), g_object_unref);
  g_object_set_data (G_OBJECT (row), "badge", badge);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (disks), GTK_SELECTION_NONE);
  label = g_strdup_printf (_("Disks of %s"), hostname);
  gtk_accessible_update_property (GTK_ACCESSIBLE (disks), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_list_box_bind_model (GTK_LIST_BOX (disks), hc_node_get_disks (node), create_disk_row, NULL, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), disks);
  /* ...nor the row it wraps our list in. */
  if (GTK_IS_LIST_BOX_ROW (gtk_widget_get_parent (disks)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (disks)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  refresh_node_row (row);
  g_signal_connect_object (node, "notify", G_CALLBACK (on_node_notify), row, 0);
  g_signal_connect_object (hc_node_get_disks (node), "items-changed", G_CALLBACK (on_disks_changed), row, 0);

  /* Trouble first: a node with a disk to look at opens by itself. */
  if (count_disks (node, HC_DISK_HEALTH_FAILING) + count_disks (node, HC_DISK_HEALTH_WARNING) > 0 ||
      hc_node_get_state (node) == HC_NODE_STATE_DOWN)
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);

  return row;
}

static void
update_stack (HcNodesView *self)
{
  guint n = self->nodes != NULL ? g_list_model_get_n_items (self->nodes) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static HcNode *
row_node (GtkListBoxRow *row)
{
  return row != NULL ? g_object_get_data (G_OBJECT (row), "node") : NULL;
}

/* The hub store re-announces nodes changed in place (items-changed over
 * the span of them): their rows follow each node's notify already, so
 * rows whose node is still the same are kept (and stay open or closed as
 * the operator left them); only the others are built again. No row is
 * made before the view is first shown: a node's row holds one row per
 * disk, and hundreds of them cost the start (and each hub's first read)
 * tens of milliseconds for a page nobody has opened yet. */
static void
on_nodes_changed (GListModel  *nodes,
                  guint        position,
                  guint        removed,
                  guint        added,
                  HcNodesView *self)
{
  gboolean same = removed == added;

  update_stack (self);
  if (!self->built)
    return;

  for (guint i = 0; same && i < added; i++)
    {
      g_autoptr(HcNode) node = g_list_model_get_item (nodes, position + i);

      same = row_node (gtk_list_box_get_row_at_index (self->list, position + i)) == node;
    }

  if (!same)
    {
      for (guint i = 0; i < removed; i++)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, position);

          if (row != NULL)
            gtk_list_box_remove (self->list, GTK_WIDGET (row));
        }
      for (guint i = 0; i < added; i++)
        {
          g_autoptr(HcNode) node = g_list_model_get_item (nodes, position + i);

          gtk_list_box_insert (self->list, create_node_row (node, NULL), position + i);
        }
    }
}

static void
build_rows (HcNodesView *self)
{
  if (self->built || self->nodes == NULL)
    return;
  self->built = TRUE;
  on_nodes_changed (self->nodes, 0, 0, g_list_model_get_n_items (self->nodes), self);
}

static void
hc_nodes_view_map (GtkWidget *widget)
{
  build_rows (HC_NODES_VIEW (widget));
  GTK_WIDGET_CLASS (hc_nodes_view_parent_class)->map (widget);
}

static void
remove_rows (HcNodesView *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
}

static void
hc_nodes_view_dispose (GObject *object)
{
  HcNodesView *self = HC_NODES_VIEW (object);

  if (self->nodes != NULL)
    g_signal_handlers_disconnect_by_data (self->nodes, self);
  if (self->list != NULL)
    remove_rows (self);
  hc_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->nodes);
  self->list = NULL;

  G_OBJECT_CLASS (hc_nodes_view_parent_class)->dispose (object);
}

static void
hc_nodes_view_class_init (HcNodesViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_nodes_view_dispose;
  widget_class->map = hc_nodes_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nodesview");
}

static void
hc_nodes_view_init (HcNodesView *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Storage nodes"), -1);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  gtk_widget_set_margin_top (clamp, 12);
  gtk_widget_set_margin_bottom (clamp, 12);
  gtk_widget_set_margin_start (clamp, 12);
  gtk_widget_set_margin_end (clamp, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_stack_add_named (self->stack, scroller, "list");

  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "drive-harddisk-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Nodes"));
  adw_status_page_set_description (self->empty_page, _("The hub reports no storage nodes yet."));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");

  update_stack (self);
}

GtkWidget *
hc_nodes_view_new (void)
{
  return g_object_new (HC_TYPE_NODES_VIEW, NULL);
}

/**
 * hc_nodes_view_set_nodes:
 * @nodes: (nullable): HcNode; rows follow it as it changes.
 */
void
hc_nodes_view_set_nodes (HcNodesView *self,
                         GListModel  *nodes)
{
  g_return_if_fail (HC_IS_NODES_VIEW (self));
  g_return_if_fail (nodes == NULL || G_IS_LIST_MODEL (nodes));

  if (self->nodes == nodes)
    return;

  if (self->nodes != NULL)
    g_signal_handlers_disconnect_by_data (self->nodes, self);
  g_set_object (&self->nodes, nodes);
  remove_rows (self);
  self->built = FALSE;
  if (nodes != NULL)
    g_signal_connect_object (nodes, "items-changed", G_CALLBACK (on_nodes_changed), self, 0);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    build_rows (self);
  update_stack (self);
}

/* The list of nodes, one AdwExpanderRow per node (once the view has
 * been shown). */
GtkListBox *
hc_nodes_view_get_list (HcNodesView *self)
{
  g_return_val_if_fail (HC_IS_NODES_VIEW (self), NULL);

  return self->list;
}
