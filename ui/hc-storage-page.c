/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-closures.h"
#include "hc-csv.h"
#include "hc-format.h"
#include "hc-item-store.h"
#include "hc-labels.h"
#include "hc-node.h"
#include "hc-status-badge.h"
#include "hc-storage-page.h"
#include "hc-widget-util.h"

/*
 * The hub's storage: a one-line verdict first ("2 disks failing on
 * node-03"), then the pools with capacity and replication, or the nodes
 * with their disks.
 */
struct _HcStoragePage
{
  GtkWidget        parent_instance;

  GListModel      *pools;
  GListModel      *nodes;
  GtkCustomFilter *filter;
  char            *state_filter;
  gboolean         pools_unread;  /* a hub in scope could not give its pools */
  gboolean         nodes_unread;  /* ... or its nodes */

  /* template children */
  HcStatusBadge   *verdict_badge;
  GtkStack        *stack;
  HcListPane      *pane;
  GtkColumnView   *view;
  HcPoolDetail    *detail;
  HcNodesView     *nodes_view;
  GMenuModel      *filter_menu;
};

G_DEFINE_FINAL_TYPE (HcStoragePage, hc_storage_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE_FILTER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
state_matches (const char  *filter,
               HcPoolState  state)
{
  if (filter == NULL || g_str_equal (filter, "all"))
    return TRUE;
  if (g_str_equal (filter, "not-healthy"))
    return state != HC_POOL_STATE_HEALTHY;
  return g_strcmp0 (hc_enum_to_nick (HC_TYPE_POOL_STATE, state), filter) == 0;
}

static gboolean
filter_pool (gpointer item,
             gpointer user_data)
{
  HcStoragePage *self = user_data;

  return state_matches (self->state_filter, hc_pool_get_state (HC_POOL (item)));
}

static char *
search_text (HcPool *pool, gpointer user_data)
{
  if (pool == NULL)
    return NULL;
  return g_strjoin (" ", hc_pool_get_name (pool),
                    hc_pool_kind_label (hc_pool_get_kind (pool)),
                    hc_pool_state_label (hc_pool_get_state (pool)),
                    hc_pool_get_replication_scheme (pool), NULL);
}

/* The CSV columns: sizes and rates in plain bytes, for spreadsheets. */

static char *
pool_kind (gpointer pool)
{
  return g_strdup (hc_pool_kind_label (hc_pool_get_kind (pool)));
}

static char *
pool_state (gpointer pool)
{
  return g_strdup (hc_pool_state_label (hc_pool_get_state (pool)));
}

static char *
pool_percent (gpointer pool)
{
  guint64 used = hc_pool_get_used_bytes (pool);
  guint64 capacity = hc_pool_get_capacity_bytes (pool);

  return hc_csv_decimal (capacity > 0 ? 100.0 * (double) used / (double) capacity : 0.0);
}

static const HcCsvColumn csv_columns[] = {
  { .title = N_("Name"), .property = "name" },
  { .title = N_("Kind"), .text = pool_kind },
  { .title = N_("State"), .text = pool_state },
  { .title = N_("Used (bytes)"), .property = "used-bytes" },
  { .title = N_("Capacity (bytes)"), .property = "capacity-bytes" },
  { .title = N_("Used (%)"), .text = pool_percent },
  { .title = N_("Replication"), .property = "replication-scheme" },
  { .title = N_("Degraded Objects"), .property = "degraded-objects" },
  { .title = N_("Misplaced Objects"), .property = "misplaced-objects" },
  { .title = N_("Read (bytes/s)"), .property = "read-bps" },
  { .title = N_("Write (bytes/s)"), .property = "write-bps" },
};

static char *
join_names (GPtrArray *names)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < names->len && i < 3; i++)
    {
      g_autofree char *name = hc_format_hub_text (names->pdata[i], HC_HUB_TEXT_LINE);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
    }
  if (names->len > 3)
    g_string_append (text, ", …");
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
add_disks_verdict (GPtrArray  *parts,
                   guint       count,
                   GPtrArray  *hosts,
                   gboolean    failing)
{
  g_autofree char *where = join_names (hosts);

  if (failing)
    /* Translators: e.g. "2 disks failing on node-03" */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u disk failing on %s",
                                                          "%u disks failing on %s", count),
                                             count, where));
  else
    /* Translators: e.g. "1 disk with warnings on node-07" */
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u disk with warnings on %s",
                                                          "%u disks with warnings on %s", count),
                                             count, where));
}

/*
 * The one line an operator reads first: the worst of failing disks, nodes
 * down, critical pools, then warnings; "all healthy" only when it is so.
 * Small lists (tens of pools and nodes): recomputed whole on each change.
 */
static void
update_verdict (HcStoragePage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) failing_hosts = g_ptr_array_new ();
  g_autoptr(GPtrArray) warning_hosts = g_ptr_array_new ();
  g_autoptr(GPtrArray) down_hosts = g_ptr_array_new ();
  guint failing = 0, warning = 0, critical_pools = 0, degraded_pools = 0;
  guint n_nodes = self->nodes != NULL ? g_list_model_get_n_items (self->nodes) : 0;
  guint n_pools = self->pools != NULL ? g_list_model_get_n_items (self->pools) : 0;
  HcLevel level = HC_LEVEL_OK;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n_nodes; i++)
    {
      g_autoptr(HcNode) node = g_list_model_get_item (self->nodes, i);
      GListModel *disks = hc_node_get_disks (node);
      guint n_disks = g_list_model_get_n_items (disks);
      guint node_failing = 0, node_warning = 0;

      for (guint j = 0; j < n_disks; j++)
        {
          g_autoptr(HcDisk) disk = g_list_model_get_item (disks, j);

          if (hc_disk_get_health (disk) == HC_DISK_HEALTH_FAILING)
            node_failing++;
          else if (hc_disk_get_health (disk) == HC_DISK_HEALTH_WARNING)
            node_warning++;
        }
      /* The node keeps its hostname alive as long as the model holds it. */
      if (node_failing > 0)
        g_ptr_array_add (failing_hosts, (gpointer) hc_node_get_hostname (node));
      if (node_warning > 0)
        g_ptr_array_add (warning_hosts, (gpointer) hc_node_get_hostname (node));
      if (hc_node_get_state (node) == HC_NODE_STATE_DOWN)
        g_ptr_array_add (down_hosts, (gpointer) hc_node_get_hostname (node));
      failing += node_failing;
      warning += node_warning;
    }

  for (guint i = 0; i < n_pools; i++)
    {
      g_autoptr(HcPool) pool = g_list_model_get_item (self->pools, i);

      if (hc_pool_get_state (pool) == HC_POOL_STATE_CRITICAL)
        critical_pools++;
      else if (hc_pool_get_state (pool) == HC_POOL_STATE_DEGRADED)
        degraded_pools++;
    }

  if (failing > 0)
    add_disks_verdict (parts, failing, failing_hosts, TRUE);
  if (down_hosts->len > 0)
    {
      g_autofree char *where = join_names (down_hosts);
      /* Translators: e.g. "1 node down: node-05" */
      g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u node down: %s",
                                                            "%u nodes down: %s", down_hosts->len),
                                               down_hosts->len, where));
    }
  if (critical_pools > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pool critical",
                                                          "%u pools critical", critical_pools),
                                             critical_pools));
  if (parts->len > 0)
    level = HC_LEVEL_ERROR;
  else
    {
      if (warning > 0)
        add_disks_verdict (parts, warning, warning_hosts, FALSE);
      if (degraded_pools > 0)
        g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pool degraded",
                                                              "%u pools degraded", degraded_pools),
                                                 degraded_pools));
      if (parts->len > 0)
        level = HC_LEVEL_WARNING;
    }

  if (parts->len == 0 && (self->pools_unread || self->nodes_unread))
    {
      /* What was not read is not healthy: say what is not known. */
      level = HC_LEVEL_UNKNOWN;
      if (self->pools_unread && self->nodes_unread)
        text = g_strdup (_("Storage not known"));
      else if (self->nodes_unread)
        text = g_strdup (_("Nodes and disks not known"));
      else
        text = g_strdup (_("Pools not known"));
    }
  else if (parts->len == 0)
    {
      if (n_pools == 0 && n_nodes == 0)
        {
          level = HC_LEVEL_NEUTRAL;
          text = g_strdup (_("No storage reported yet"));
        }
      else
        text = g_strdup (_("All pools and disks healthy"));
    }
  else
    {
      /* At most two findings on the line; the lists below have the rest. */
      if (parts->len > 2)
        g_ptr_array_set_size (parts, 2);
      g_ptr_array_add (parts, NULL);
      text = g_strjoinv (" · ", (char **) parts->pdata);
    }

  if (g_strcmp0 (text, hc_status_badge_get_label (self->verdict_badge)) != 0 ||
      level != hc_status_badge_get_level (self->verdict_badge))
    hc_status_badge_set (self->verdict_badge, level, text);
}

static void
on_model_changed (GListModel    *model,
                  guint          position,
                  guint          removed,
                  guint          added,
                  HcStoragePage *self)
{
  update_verdict (self);
}

static void
on_items_updated (HcItemStore   *store,
                  guint          n_updated,
                  HcStoragePage *self)
{
  update_verdict (self);
}

static void
watch_model (HcStoragePage  *self,
             GListModel    **slot,
             GListModel     *model)
{
  if (*slot == model)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_data (*slot, self);
  g_set_object (slot, model);
  if (model != NULL)
    {
      g_signal_connect_object (model, "items-changed", G_CALLBACK (on_model_changed), self, 0);
      /* Items changed in place (a disk starts failing) come as items-updated. */
      if (HC_IS_ITEM_STORE (model))
        g_signal_connect_object (model, "items-updated", G_CALLBACK (on_items_updated), self, 0);
    }
}

static void
on_selected_item (HcListPane    *pane,
                  GParamSpec    *pspec,
                  HcStoragePage *self)
{
  hc_pool_detail_set_pool (self->detail, hc_list_pane_get_selected_item (pane));
}

static void
hc_storage_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcStoragePage *self = HC_STORAGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE_FILTER:
      g_value_set_string (value, self->state_filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_storage_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HcStoragePage *self = HC_STORAGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE_FILTER:
      hc_storage_page_set_state_filter (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_storage_page_dispose (GObject *object)
{
  HcStoragePage *self = HC_STORAGE_PAGE (object);

  if (self->pools != NULL)
    g_signal_handlers_disconnect_by_data (self->pools, self);
  if (self->nodes != NULL)
    g_signal_handlers_disconnect_by_data (self->nodes, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_STORAGE_PAGE);
  hc_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->pools);
  g_clear_object (&self->nodes);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (hc_storage_page_parent_class)->dispose (object);
}

static void
hc_storage_page_finalize (GObject *object)
{
  HcStoragePage *self = HC_STORAGE_PAGE (object);

  g_clear_pointer (&self->state_filter, g_free);

  G_OBJECT_CLASS (hc_storage_page_parent_class)->finalize (object);
}

static void
hc_storage_page_class_init (HcStoragePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hc_storage_page_get_property;
  object_class->set_property = hc_storage_page_set_property;
  object_class->dispose = hc_storage_page_dispose;
  object_class->finalize = hc_storage_page_finalize;

  /**
   * HcStoragePage:state-filter:
   * all, healthy, degraded, critical or not-healthy.
   */
  properties[PROP_STATE_FILTER] =
    g_param_spec_string ("state-filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HC_TYPE_LIST_PANE);
  g_type_ensure (HC_TYPE_POOL_DETAIL);
  g_type_ensure (HC_TYPE_NODES_VIEW);
  g_type_ensure (HC_TYPE_STATUS_BADGE);
  g_type_ensure (HC_TYPE_POOL);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-storage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HcStoragePage, verdict_badge);
  gtk_widget_class_bind_template_child (widget_class, HcStoragePage, stack);
  gtk_widget_class_bind_template_child (widget_class, HcStoragePage, pane);
  gtk_widget_class_bind_template_child (widget_class, HcStoragePage, view);
  gtk_widget_class_bind_template_child (widget_class, HcStoragePage, detail);
  gtk_widget_class_bind_template_child (widget_class, HcStoragePage, nodes_view);
  gtk_widget_class_bind_template_child (widget_class, HcStoragePage, filter_menu);
  hc_closures_bind (widget_class);
  hc_closures_bind_storage (widget_class);

  gtk_widget_class_install_property_action (widget_class, "storage.state", "state-filter");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_storage_page_init (HcStoragePage *self)
{
  GtkExpression *search;

  self->state_filter = g_strdup ("all");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_pool, self, NULL);
  hc_list_pane_set_filter (self->pane, GTK_FILTER (self->filter));
  hc_list_pane_set_filter_menu (self->pane, self->filter_menu);

  search = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                        G_CALLBACK (search_text), NULL, NULL);
  hc_list_pane_set_search_expression (self->pane, search);

  hc_list_pane_set_empty (self->pane, "drive-multidisk-symbolic", _("No Pools"),
                          _("The hub reports no storage pools yet."));
  /* Translators: becomes a file name, “pools.csv”: keep it short, lower case, no spaces */
  hc_list_pane_set_export_name (self->pane, C_("file name", "pools"));
  hc_list_pane_set_csv_columns (self->pane, csv_columns, G_N_ELEMENTS (csv_columns));

  g_signal_connect_object (self->pane, "notify::selected-item",
                           G_CALLBACK (on_selected_item), self, 0);

  /* Worst first: a critical pool is what an operator opens the page for. */
  {
    g_autoptr(GtkColumnViewColumn) state_column =
      g_list_model_get_item (gtk_column_view_get_columns (self->view), 2);
    gtk_column_view_sort_by_column (self->view, state_column, GTK_SORT_DESCENDING);
  }
  {
    static const char * const filters[] = { "state-filter", NULL };
    hc_list_pane_remember (self->pane, "storage", G_OBJECT (self), filters);
  }

  update_verdict (self);
}

GtkWidget *
hc_storage_page_new (void)
{
  return g_object_new (HC_TYPE_STORAGE_PAGE, NULL);
}

HcListPane *
hc_storage_page_get_pane (HcStoragePage *self)
{
  g_return_val_if_fail (HC_IS_STORAGE_PAGE (self), NULL);

  return self->pane;
}

HcPoolDetail *
hc_storage_page_get_detail (HcStoragePage *self)
{
  g_return_val_if_fail (HC_IS_STORAGE_PAGE (self), NULL);

  return self->detail;
}

HcNodesView *
hc_storage_page_get_nodes_view (HcStoragePage *self)
{
  g_return_val_if_fail (HC_IS_STORAGE_PAGE (self), NULL);

  return self->nodes_view;
}

/**
 * hc_storage_page_set_pools:
 * @pools: (nullable): HcPool, updated in place by id.
 */
void
hc_storage_page_set_pools (HcStoragePage *self,
                           GListModel    *pools)
{
  g_return_if_fail (HC_IS_STORAGE_PAGE (self));

  if (self->pools == pools)
    return;

  watch_model (self, &self->pools, pools);
  hc_list_pane_set_model (self->pane, pools);
  update_verdict (self);
}

/**
 * hc_storage_page_set_nodes:
 * @nodes: (nullable): HcNode with their disks, updated in place by id.
 */
void
hc_storage_page_set_nodes (HcStoragePage *self,
                           GListModel    *nodes)
{
  g_return_if_fail (HC_IS_STORAGE_PAGE (self));

  if (self->nodes == nodes)
    return;

  watch_model (self, &self->nodes, nodes);
  hc_nodes_view_set_nodes (self->nodes_view, nodes);
  update_verdict (self);
}

void
hc_storage_page_set_state_filter (HcStoragePage *self,
                                  const char    *state)
{
  g_return_if_fail (HC_IS_STORAGE_PAGE (self));

  if (state == NULL)
    state = "all";
  if (g_strcmp0 (self->state_filter, state) == 0)
    return;

  g_free (self->state_filter);
  self->state_filter = g_strdup (state);
  hc_list_pane_filter_changed (self->pane);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE_FILTER]);
}

const char *
hc_storage_page_get_state_filter (HcStoragePage *self)
{
  g_return_val_if_fail (HC_IS_STORAGE_PAGE (self), NULL);

  return self->state_filter;
}

/**
 * hc_storage_page_set_view:
 * Shows "pools" or "nodes".
 */
void
hc_storage_page_set_view (HcStoragePage *self,
                          const char    *name)
{
  g_return_if_fail (HC_IS_STORAGE_PAGE (self));
  g_return_if_fail (g_strcmp0 (name, "pools") == 0 || g_strcmp0 (name, "nodes") == 0);

  gtk_stack_set_visible_child_name (self->stack, name);
}

/**
 * hc_storage_page_get_verdict:
 * The one-line verdict shown above the lists.
 */
const char *
hc_storage_page_get_verdict (HcStoragePage *self)
{
  g_return_val_if_fail (HC_IS_STORAGE_PAGE (self), NULL);

  return hc_status_badge_get_label (self->verdict_badge);
}

/**
 * hc_storage_page_set_lists_read:
 * Whether every hub in scope gave its whole list of pools and of nodes;
 * what was not read is never reported healthy.
 */
void
hc_storage_page_set_lists_read (HcStoragePage *self,
                                gboolean       pools_read,
                                gboolean       nodes_read)
{
  g_return_if_fail (HC_IS_STORAGE_PAGE (self));

  if (self->pools_unread == !pools_read && self->nodes_unread == !nodes_read)
    return;
  self->pools_unread = !pools_read;
  self->nodes_unread = !nodes_read;
  update_verdict (self);
}
