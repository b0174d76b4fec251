/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-format.h"
#include "hc-list-pane-private.h"
#include "hc-widget-util.h"

/*
 * The pattern every screen shares: a searchable, filterable, sortable
 * column view with its detail beside it, CSV export of what is visible
 * (hc-list-pane-export.c), visible loading, empty, error and stale
 * states, live updates that can be paused (hc-list-pane-pause.c), rows
 * marked new until seen (hc-list-pane-new.c), and columns, sort and
 * filters kept across restarts (hc-list-pane-state.c). The page that owns a pane
 * gives it the columns, the model and the detail widget.
 */

static GtkBuildableIface *parent_buildable_iface;

static void hc_list_pane_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HcListPane, hc_list_pane, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, hc_list_pane_buildable_init))

enum {
  PROP_0,
  PROP_SELECTED_ITEM,
  PROP_PAUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Lists this long are sorted a slice per main-loop turn. The page's
 * filter (state, agency...) runs before the sort, the search after it:
 * rows that come from the hub are filtered alone (the filter looks at the
 * rows added, then the sort places those that pass; a filter after the
 * sort saw the whole list changed by each page of 5,000 alerts sorted in,
 * and filtered all 100,000 again), and only the rows the page shows are
 * sorted (resolved alerts: most of 100,000, are not). A keystroke in the
 * search only filters the rows the page shows (one strstr() per row, see
 * hc-search-filter.c) and never sorts again. */
static void
set_incremental (HcListPane *self,
                 guint       n_items)
{
  gboolean large = n_items > 20000;

  if (gtk_sort_list_model_get_incremental (self->sort_model) != large)
    gtk_sort_list_model_set_incremental (self->sort_model, large);
}

static void
hc_list_pane_update_state (HcListPane *self)
{
  guint n_visible = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  GListModel *all = G_LIST_MODEL (self->freeze_model);
  guint n_all = all != NULL ? g_list_model_get_n_items (all) : 0;
  const char *page;
  g_autofree char *count = NULL;
  g_autofree char *visible_text = NULL;
  g_autofree char *all_text = NULL;

  if (self->state == HC_LIST_PANE_ERROR && n_all == 0)
    page = "error";
  else if (self->state == HC_LIST_PANE_LOADING && n_all == 0)
    page = "loading";
  else if (n_visible > 0)
    page = "list";
  else
    {
      page = "empty";
      if (n_all > 0)
        {
          adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
          adw_status_page_set_title (self->empty_page, _("No Results"));
          adw_status_page_set_description (self->empty_page,
                                           _("Nothing matches the search and filters. Try other words or clear a filter."));
        }
      else
        {
          adw_status_page_set_icon_name (self->empty_page, "view-list-symbolic");
          adw_status_page_set_title (self->empty_page, self->empty_title);
          adw_status_page_set_description (self->empty_page, self->empty_description);
        }
    }

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->state_stack), page) != 0)
    gtk_stack_set_visible_child_name (self->state_stack, page);
  /* A spinner spins (and repaints the window every frame) even on a hidden
   * page: only while it shows. */
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (page, "loading"));

  /* A hub may hold 100,000 alerts: once a list is that long, sort it a
   * slice per main-loop turn, so typing never freezes the
   * window. Decided as the list grows, not when it is set (it is set
   * empty, before the hub's pages arrive). */
  set_incremental (self, n_all);

  /* A hidden page's count (an alert page's, as alerts come in) would lay
   * out the whole window again at each change: it is set when it shows. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* Counts grouped as the locale groups them: a list may hold 100,000 rows. */
  visible_text = hc_format_count (n_visible);
  all_text = hc_format_count (n_all);
  /* While a hub's pages still come, a count is not the list's size. */
  if (self->state == HC_LIST_PANE_LOADING && n_all > 0)
    {
      if (n_visible == n_all)
        /* Translators: "1,250 items so far, loading more"; %s is a count with the locale's digit grouping */
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item so far, loading more",
                                              "%s items so far, loading more", n_all), all_text);
      else
        /* Translators: "12 of 1,250 shown so far, loading more"; each %s is a count with the locale's digit grouping */
        count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s shown so far, loading more",
                                              "%s of %s shown so far, loading more", n_all),
                                 visible_text, all_text);
    }
  else if (n_visible == n_all)
    /* Translators: "1,250 items"; %s is a count with the locale's digit grouping */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s item", "%s items", n_all), all_text);
  else
    /* Translators: "12 of 1,250 shown"; each %s is a count with the locale's digit grouping */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s of %s shown", "%s of %s shown", n_all),
                             visible_text, all_text);
  hc_label_set_label (self->count_label, count);
}

static void
hc_list_pane_update_updated_label (HcListPane *self)
{
  g_autofree char *text = hc_format_updated (self->updated, g_get_real_time () / G_USEC_PER_SEC);

  hc_label_set_label (self->updated_label, text);
}

static gboolean
on_updated_timer (gpointer data)
{
  hc_list_pane_update_updated_label (data);
  return G_SOURCE_CONTINUE;
}

static void
on_visible_items_changed (GListModel *model,
                          guint       position,
                          guint       removed,
                          guint       added,
                          HcListPane *self)
{
  hc_list_pane_update_state (self);
}

void
hc_list_pane_selection_changed (HcListPane *self)
{
  gpointer item = hc_list_pane_get_selected_item (self);

  if (self->row_slots != NULL)
    g_set_object (&self->selected_row, item);
  adw_flap_set_reveal_flap (self->flap, item != NULL && adw_bin_get_child (self->detail_bin) != NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ITEM]);
}

static void
on_selected_item_changed (GtkSingleSelection *selection,
                          GParamSpec         *pspec,
                          HcListPane         *self)
{
  /* While row slots take their new rows the selection is put right after. */
  if (!self->repointing)
    hc_list_pane_selection_changed (self);
}

static void
on_flap_reveal_changed (AdwFlap    *flap,
                        GParamSpec *pspec,
                        HcListPane *self)
{
  /* Closing the detail by swipe or Escape also ends the selection. */
  if (!adw_flap_get_reveal_flap (flap) &&
      gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

static void
reset_columns_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  hc_list_pane_reset_columns (HC_LIST_PANE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hc_list_pane_focus_search (HC_LIST_PANE (widget));
}

static void
close_detail_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  hc_list_pane_close_detail (HC_LIST_PANE (widget));
}

/* In a page's .ui: a GtkColumnView child is the list, type="detail" the detail. */
static void
hc_list_pane_buildable_add_child (GtkBuildable *buildable,
                                  GtkBuilder   *builder,
                                  GObject      *child,
                                  const char   *type)
{
  HcListPane *self = HC_LIST_PANE (buildable);

  if (GTK_IS_COLUMN_VIEW (child))
    hc_list_pane_set_view (self, GTK_COLUMN_VIEW (child));
  else if (g_strcmp0 (type, "detail") == 0 && GTK_IS_WIDGET (child))
    hc_list_pane_set_detail (self, GTK_WIDGET (child));
  else if (g_strcmp0 (type, "toolbar") == 0 && GTK_IS_WIDGET (child))
    gtk_box_insert_child_after (self->toolbar, GTK_WIDGET (child), GTK_WIDGET (self->search_entry));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
hc_list_pane_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = hc_list_pane_buildable_add_child;
}

static void
hc_list_pane_map (GtkWidget *widget)
{
  HcListPane *self = HC_LIST_PANE (widget);

  hc_list_pane_lazy_attach (self);
  GTK_WIDGET_CLASS (hc_list_pane_parent_class)->map (widget);

  hc_list_pane_update_state (self);
  /* "3 minutes ago" ages only while someone can see it. */
  hc_list_pane_update_updated_label (self);
  if (self->updated_timer == 0)
    self->updated_timer = g_timeout_add_seconds (30, on_updated_timer, self);
  hc_list_pane_new_marks_changed (self);
}

static void
hc_list_pane_unmap (GtkWidget *widget)
{
  HcListPane *self = HC_LIST_PANE (widget);

  g_clear_handle_id (&self->updated_timer, g_source_remove);
  /* Not on screen: not being seen. */
  g_clear_handle_id (&self->seen_timer, g_source_remove);
  hc_list_pane_lazy_hidden (self);

  GTK_WIDGET_CLASS (hc_list_pane_parent_class)->unmap (widget);
}

static void
hc_list_pane_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  HcListPane *self = HC_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ITEM:
      g_value_set_object (value, hc_list_pane_get_selected_item (self));
      break;

    case PROP_PAUSED:
      g_value_set_boolean (value, hc_list_pane_get_paused (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_list_pane_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  HcListPane *self = HC_LIST_PANE (object);

  switch (prop_id)
    {
    case PROP_PAUSED:
      hc_list_pane_set_paused (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_list_pane_dispose (GObject *object)
{
  HcListPane *self = HC_LIST_PANE (object);

  g_clear_handle_id (&self->updated_timer, g_source_remove);
  g_clear_handle_id (&self->release_timer, g_source_remove);
  hc_list_pane_state_clear (self);
  hc_list_pane_new_marks_clear (self);
  if (self->freeze_model != NULL)
    g_signal_handlers_disconnect_by_data (self->freeze_model, self);
  if (self->sort_model != NULL)
    g_signal_handlers_disconnect_by_data (self->sort_model, self);
  if (self->filter_model != NULL)
    g_signal_handlers_disconnect_by_data (self->filter_model, self);
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  if (self->view != NULL)
    gtk_column_view_set_model (self->view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_LIST_PANE);
  hc_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  if (self->slots_clock != NULL)
    g_signal_handlers_disconnect_by_data (self->slots_clock, self);
  g_clear_object (&self->slots_clock);
  g_clear_object (&self->row_slots);
  g_clear_object (&self->selected_row);
  g_clear_object (&self->sort_model);
  g_clear_object (&self->filter_model);
  g_clear_object (&self->page_model);
  g_clear_object (&self->freeze_model);
  g_clear_object (&self->menu);
  g_clear_object (&self->own_menu);
  g_clear_object (&self->search_filter);
  g_clear_object (&self->page_filter);
  self->view = NULL;

  G_OBJECT_CLASS (hc_list_pane_parent_class)->dispose (object);
}

static void
hc_list_pane_finalize (GObject *object)
{
  HcListPane *self = HC_LIST_PANE (object);

  g_clear_pointer (&self->export_name, g_free);
  g_clear_pointer (&self->empty_title, g_free);
  g_clear_pointer (&self->empty_description, g_free);

  G_OBJECT_CLASS (hc_list_pane_parent_class)->finalize (object);
}

static void
hc_list_pane_class_init (HcListPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hc_list_pane_get_property;
  object_class->set_property = hc_list_pane_set_property;
  object_class->dispose = hc_list_pane_dispose;
  object_class->finalize = hc_list_pane_finalize;
  widget_class->map = hc_list_pane_map;
  widget_class->unmap = hc_list_pane_unmap;

  /**
   * HcListPane:selected-item:
   * The item whose detail is shown, or %NULL.
   */
  properties[PROP_SELECTED_ITEM] =
    g_param_spec_object ("selected-item", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * HcListPane:paused:
   * Whether the rows are held still while live updates wait.
   */
  properties[PROP_PAUSED] =
    g_param_spec_boolean ("paused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HC_TYPE_BANNER);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-list-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, HcListPane, toolbar);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, filter_button);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, banner);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, flap);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, state_stack);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, empty_page);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, error_page);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, detail_bin);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, updated_label);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, count_label);
  gtk_widget_class_bind_template_child (widget_class, HcListPane, waiting_label);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_search_changed",
                                                G_CALLBACK (hc_list_pane_search_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_stop_search",
                                                G_CALLBACK (hc_list_pane_stop_search));
  gtk_widget_class_bind_template_callback (widget_class, on_flap_reveal_changed);

  gtk_widget_class_install_action (widget_class, "pane.export", NULL, hc_list_pane_export_action);
  gtk_widget_class_install_action (widget_class, "pane.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "pane.close-detail", NULL, close_detail_action);
  gtk_widget_class_install_action (widget_class, "pane.reset-columns", NULL, reset_columns_action);
  gtk_widget_class_install_property_action (widget_class, "pane.paused", "paused");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "pane.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "pane.close-detail", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "listpane");
}

static void
hc_list_pane_init (HcListPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->empty_title = g_strdup (_("Nothing Here Yet"));
  self->empty_description = g_strdup ("");
  self->state = HC_LIST_PANE_LOADING;

  self->search_filter = hc_search_filter_new ();

  self->freeze_model = hc_freeze_model_new (NULL);
  g_signal_connect_object (self->freeze_model, "notify::n-waiting",
                           G_CALLBACK (hc_list_pane_pause_update), self, 0);
  g_signal_connect_object (self->freeze_model, "notify::frozen",
                           G_CALLBACK (hc_list_pane_pause_update), self, 0);
  /* Held (while paused), filtered by the page, sorted, then searched: searching never sorts again. */
  self->page_model = hc_filter_model_new (g_object_ref (G_LIST_MODEL (self->freeze_model)), NULL);
  self->sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->page_model)), NULL);
  self->filter_model = hc_filter_model_new (g_object_ref (G_LIST_MODEL (self->sort_model)),
                                            g_object_ref (GTK_FILTER (self->search_filter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->filter_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_visible_items_changed), self, 0);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selected_item_changed), self, 0);

  hc_list_pane_update_state (self);
}

GtkWidget *
hc_list_pane_new (void)
{
  return g_object_new (HC_TYPE_LIST_PANE, NULL);
}

/**
 * hc_list_pane_set_view:
 * Takes the page's column view; its sorter orders the visible rows.
 */
void
hc_list_pane_set_view (HcListPane    *self,
                       GtkColumnView *view)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW (view));
  g_return_if_fail (self->view == NULL);

  self->view = view;
  /* Its rows come when the pane is first mapped (hc-list-pane-lazy.c). */
  hc_list_pane_lazy_take_view (self);
}

GtkColumnView *
hc_list_pane_get_view (HcListPane *self)
{
  g_return_val_if_fail (HC_IS_LIST_PANE (self), NULL);

  return self->view;
}

void
hc_list_pane_set_model (HcListPane *self,
                        GListModel *model)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  /* Before the rows arrive, so a long list never filters in one go. */
  set_incremental (self, model != NULL ? g_list_model_get_n_items (model) : 0);
  hc_freeze_model_set_model (self->freeze_model, model);
  hc_list_pane_update_state (self);
}

/**
 * hc_list_pane_set_filter_menu:
 * The page's filters; the pane adds its own items (Reset Columns) below.
 */
void
hc_list_pane_set_filter_menu (HcListPane *self,
                              GMenuModel *menu)
{
  g_autoptr(GMenu) own = g_menu_new ();

  g_return_if_fail (HC_IS_LIST_PANE (self));

  g_clear_object (&self->menu);
  g_clear_object (&self->own_menu);
  self->menu = g_menu_new ();
  if (menu != NULL)
    g_menu_append_section (self->menu, NULL, menu);
  g_menu_append (own, _("Reset Columns"), "pane.reset-columns");
  self->own_menu = g_object_ref (own);
  g_menu_append_section (self->menu, NULL, G_MENU_MODEL (own));
  gtk_menu_button_set_menu_model (self->filter_button, G_MENU_MODEL (self->menu));
  gtk_widget_set_visible (GTK_WIDGET (self->filter_button), TRUE);
}

/**
 * hc_list_pane_add_menu_item:
 * An item of the list's menu beside Reset Columns ("Mark All as Seen").
 */
void
hc_list_pane_add_menu_item (HcListPane *self,
                            const char *label,
                            const char *detailed_action)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  if (self->own_menu == NULL)
    hc_list_pane_set_filter_menu (self, NULL);
  g_menu_append (self->own_menu, label, detailed_action);
}

/**
 * hc_list_pane_remember:
 * @page_id: the page's name in the settings ("security")
 * @filter_owner: (nullable): the object whose properties are the page's filters
 * @filter_properties: (nullable): their names, %NULL-terminated
 *
 * Keeps the columns, the sort and the filters as the user leaves them,
 * and restores those kept before. Call it once the page has set its own
 * columns and default sort.
 */
void
hc_list_pane_remember (HcListPane         *self,
                       const char         *page_id,
                       GObject            *filter_owner,
                       const char * const *filter_properties)
{
  static const char * const none[] = { NULL };

  g_return_if_fail (HC_IS_LIST_PANE (self));
  g_return_if_fail (page_id != NULL);
  g_return_if_fail (self->view != NULL);

  hc_list_pane_state_attach (self, page_id, filter_owner,
                             filter_properties != NULL ? filter_properties : none);
}

/**
 * hc_list_pane_reset_columns:
 * The columns' order, visibility and widths and the sort as the page made them.
 */
void
hc_list_pane_reset_columns (HcListPane *self)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  hc_list_pane_state_reset (self);
}


void
hc_list_pane_set_detail (HcListPane *self,
                         GtkWidget  *detail)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  adw_bin_set_child (self->detail_bin, detail);
}

gpointer
hc_list_pane_get_selected_item (HcListPane *self)
{
  g_return_val_if_fail (HC_IS_LIST_PANE (self), NULL);

  return hc_row_slot_unwrap (gtk_single_selection_get_selected_item (self->selection));
}

void
hc_list_pane_select_item (HcListPane *self,
                          gpointer    item)
{
  guint n;

  g_return_if_fail (HC_IS_LIST_PANE (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) candidate = g_list_model_get_item (G_LIST_MODEL (self->filter_model), i);

      if (candidate == item)
        {
          gtk_single_selection_set_selected (self->selection, i);
          if (self->view != NULL)
            gtk_widget_activate_action (GTK_WIDGET (self->view), "list.scroll-to-item", "u", i);
          return;
        }
    }
}

void
hc_list_pane_close_detail (HcListPane *self)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

void
hc_list_pane_set_empty (HcListPane *self,
                        const char *icon_name,
                        const char *title,
                        const char *description)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  g_free (self->empty_title);
  self->empty_title = g_strdup (title);
  g_free (self->empty_description);
  self->empty_description = g_strdup (description);
  adw_status_page_set_icon_name (self->empty_page, icon_name);
  hc_list_pane_update_state (self);
}

/**
 * hc_list_pane_set_state:
 * Loading and error show a page of their own only while there is nothing
 * to show; with rows already there they keep the rows (see the banner).
 */
void
hc_list_pane_set_state (HcListPane      *self,
                        HcListPaneState  state,
                        const char      *message)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  self->state = state;
  if (state == HC_LIST_PANE_ERROR)
    {
      /* A status page's description is Pango markup; the message may be a hub's. */
      g_autofree char *escaped = g_markup_escape_text (message != NULL ? message : "", -1);
      adw_status_page_set_description (self->error_page, escaped);
    }
  hc_list_pane_update_state (self);
}

HcListPaneState
hc_list_pane_get_state (HcListPane *self)
{
  g_return_val_if_fail (HC_IS_LIST_PANE (self), HC_LIST_PANE_READY);

  return self->state;
}

void
hc_list_pane_set_banner (HcListPane *self,
                         HcLevel     level,
                         const char *text,
                         const char *button_label,
                         const char *action_name)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  hc_banner_set (self->banner, level, text, button_label, action_name);
}

/**
 * hc_list_pane_get_banner:
 * The banner's text, or %NULL while it is hidden.
 */
const char *
hc_list_pane_get_banner (HcListPane *self)
{
  g_return_val_if_fail (HC_IS_LIST_PANE (self), NULL);

  return hc_banner_get_text (self->banner);
}

void
hc_list_pane_clear_banner (HcListPane *self)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  hc_banner_clear (self->banner);
}

void
hc_list_pane_set_updated (HcListPane *self,
                          gint64      unix_time)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  if (self->updated == unix_time)
    return;

  self->updated = unix_time;
  hc_list_pane_update_updated_label (self);
}

/**
 * hc_list_pane_set_stale:
 * Dims the rows: an unreachable hub's last-known values never look live.
 */
void
hc_list_pane_set_stale (HcListPane *self,
                        gboolean    stale)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  if (stale)
    gtk_widget_add_css_class (GTK_WIDGET (self), "stale");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "stale");
}

/**
 * hc_list_pane_is_busy:
 * Whether a large list is still being sorted, a slice at a time.
 */
gboolean
hc_list_pane_is_busy (HcListPane *self)
{
  g_return_val_if_fail (HC_IS_LIST_PANE (self), FALSE);

  return gtk_sort_list_model_get_pending (self->sort_model) > 0;
}

/**
 * hc_list_pane_get_visible_model:
 * The rows as shown: filtered and sorted.
 */
GListModel *
hc_list_pane_get_visible_model (HcListPane *self)
{
  g_return_val_if_fail (HC_IS_LIST_PANE (self), NULL);

  return G_LIST_MODEL (self->filter_model);
}
