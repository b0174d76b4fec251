/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window on one item of one hub, as a notification's "Open" asks. */
#include "config.h"

#include "hc-node.h"
#include "hc-window.h"

typedef struct {
  const char *list;
  const char *section;
  HcListKind  kind;
} ListSection;

static const ListSection lists[] = {
  { "alerts", "security", HC_LIST_ALERTS },
  { "sources", "ingestion", HC_LIST_SOURCES },
  { "pools", "storage", HC_LIST_POOLS },
  { "nodes", "storage", HC_LIST_NODES },
};

static const ListSection *
find_list (const char *list)
{
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (g_strcmp0 (lists[i].list, list) == 0)
      return &lists[i];
  return NULL;
}

static HcListPane *
pane_of (HcWindow   *self,
         HcListKind  kind)
{
  switch (kind)
    {
    case HC_LIST_ALERTS:
      return hc_security_page_get_pane (hc_window_get_security_page (self));
    case HC_LIST_SOURCES:
      return hc_ingestion_page_get_pane (hc_window_get_ingestion_page (self));
    case HC_LIST_POOLS:
      return hc_storage_page_get_pane (hc_window_get_storage_page (self));
    case HC_LIST_DATASETS:
    case HC_LIST_NODES:
    default:
      return NULL;
    }
}

/* Every filter of the page off, so the row can be found. */
static void
clear_filters (HcWindow   *self,
               HcListKind  kind)
{
  HcListPane *pane = pane_of (self, kind);

  if (pane != NULL)
    hc_list_pane_set_search_text (pane, NULL);
  switch (kind)
    {
    case HC_LIST_ALERTS:
      {
        HcSecurityPage *page = hc_window_get_security_page (self);

        hc_security_page_set_invert_filter (page, FALSE);
        hc_security_page_set_category_filter (page, "all");
        hc_security_page_set_severity_filter (page, "all");
        hc_security_page_set_state_filter (page, "all");
      }
      break;
    case HC_LIST_SOURCES:
      hc_ingestion_page_set_agency_filter (hc_window_get_ingestion_page (self), NULL);
      hc_ingestion_page_set_status_filter (hc_window_get_ingestion_page (self), NULL);
      break;
    case HC_LIST_POOLS:
      hc_storage_page_set_state_filter (hc_window_get_storage_page (self), NULL);
      break;
    case HC_LIST_DATASETS:
    case HC_LIST_NODES:
    default:
      break;
    }
}

/* A node: its row in the nodes view, opened, with the focus. */
static gboolean
show_node (HcWindow *self,
           HcNode   *node)
{
  HcStoragePage *page = hc_window_get_storage_page (self);
  GtkListBox *list = hc_nodes_view_get_list (hc_storage_page_get_nodes_view (page));

  hc_storage_page_set_view (page, "nodes");
  for (int i = 0;; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);

      if (row == NULL)
        return FALSE;
      if (g_object_get_data (G_OBJECT (row), "node") == (gpointer) node)
        {
          if (ADW_IS_EXPANDER_ROW (row))
            adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return TRUE;
        }
    }
}

/* The list filtered as a summary notification counted it. */
static void
show_filtered (HcWindow   *self,
               HcListKind  kind,
               const char *filter)
{
  clear_filters (self, kind);
  switch (kind)
    {
    case HC_LIST_ALERTS:
      if (filter != NULL)
        hc_security_page_set_severity_filter (hc_window_get_security_page (self), filter);
      else
        hc_security_page_set_state_filter (hc_window_get_security_page (self), "open");
      break;
    case HC_LIST_SOURCES:
      hc_ingestion_page_set_status_filter (hc_window_get_ingestion_page (self), filter);
      break;
    case HC_LIST_POOLS:
      hc_storage_page_set_view (hc_window_get_storage_page (self), "pools");
      hc_storage_page_set_state_filter (hc_window_get_storage_page (self), filter);
      break;
    case HC_LIST_NODES:
      hc_storage_page_set_view (hc_window_get_storage_page (self), "nodes");
      break;
    case HC_LIST_DATASETS:
    default:
      break;
    }
}

/**
 * hc_window_show_item:
 * @list: "alerts", "sources", "pools", "nodes", or %NULL for the overview
 * @item_id: (nullable): the row to select (its detail opens); %NULL for
 *   the list, filtered by @filter
 * @filter: (nullable): an alert severity or a feed or pool state
 *
 * Shows @hub alone, the section of @list, and the item selected with its
 * detail. Filters that would hide it are cleared. Returns whether the
 * item was found.
 */
gboolean
hc_window_show_item (HcWindow   *self,
                     HcHub      *hub,
                     const char *list,
                     const char *item_id,
                     const char *filter)
{
  const ListSection *section;
  gpointer item;
  HcListPane *pane;

  g_return_val_if_fail (HC_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (HC_IS_HUB (hub), FALSE);

  hc_window_set_scope (self, hub);
  section = find_list (list);
  if (section == NULL)
    {
      hc_window_set_section (self, "overview");
      return item_id == NULL;
    }
  hc_window_set_section (self, section->section);

  if (item_id == NULL)
    {
      show_filtered (self, section->kind, filter);
      return TRUE;
    }

  item = hc_hub_find_item (hub, section->kind, item_id);
  if (item == NULL)
    return FALSE;
  if (section->kind == HC_LIST_NODES)
    return show_node (self, item);

  if (section->kind == HC_LIST_POOLS)
    hc_storage_page_set_view (hc_window_get_storage_page (self), "pools");
  pane = pane_of (self, section->kind);
  hc_list_pane_select_item (pane, item);
  if (hc_list_pane_get_selected_item (pane) != item)
    {
      clear_filters (self, section->kind);
      hc_list_pane_select_item (pane, item);
    }
  return hc_list_pane_get_selected_item (pane) == item;
}

/**
 * hc_window_acknowledge_item:
 * Shows the alert and asks for the comment to acknowledge it.
 */
gboolean
hc_window_acknowledge_item (HcWindow   *self,
                            HcHub      *hub,
                            const char *alert_id)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), FALSE);

  if (!hc_window_show_item (self, hub, "alerts", alert_id, NULL))
    return FALSE;
  return gtk_widget_activate_action (GTK_WIDGET (hc_window_get_security_page (self)),
                                     "security.acknowledge", NULL);
}

/**
 * hc_window_is_showing_item:
 * Whether the window, focused, shows this very item: its section, and
 * the item selected (for a node, the nodes view of Storage).
 */
gboolean
hc_window_is_showing_item (HcWindow   *self,
                           HcHub      *hub,
                           const char *list,
                           const char *item_id)
{
  const ListSection *section;
  HcListPane *pane;
  gpointer item;

  g_return_val_if_fail (HC_IS_WINDOW (self), FALSE);

  section = find_list (list);
  if (section == NULL || item_id == NULL || hub == NULL ||
      !gtk_widget_get_visible (GTK_WIDGET (self)) || !gtk_window_is_active (GTK_WINDOW (self)) ||
      g_strcmp0 (hc_window_get_section (self), section->section) != 0)
    return FALSE;

  /* What shows is in the model already: the events received since the
   * last batch need not go in first (hc_hub_find_item() does that, and a
   * burst of alerts, each notified, then went in one at a time). */
  item = hc_item_store_lookup (hc_hub_get_model (hub, section->kind), item_id);
  if (item == NULL)
    return FALSE;
  if (section->kind == HC_LIST_NODES)
    return TRUE;
  pane = pane_of (self, section->kind);
  return pane != NULL && hc_list_pane_get_selected_item (pane) == item;
}
