/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hc-error.h"
#include "hc-format.h"
#include "hc-hub-problems.h"
#include "hc-hub-row.h"
#include "hc-hub-summary.h"
#include "hc-ingestion-page.h"
#include "hc-labels.h"
#include "hc-overview-page.h"
#include "hc-quality-page.h"
#include "hc-security-page.h"
#include "hc-storage-page.h"
#include "hc-widget-util.h"
#include "hc-window-private.h"


G_DEFINE_FINAL_TYPE (HcWindow, hc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sections in sidebar order; Ctrl+1..6 follow it. */
static const char * const sections[] = {
  "overview", "ingestion", "quality", "storage", "security", "agencies",
};

static gboolean
is_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i], name) == 0)
      return TRUE;
  return FALSE;
}

static void
toast (HcWindow   *self,
       const char *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, hc_toast_new (message));
}

/* The hubs the current scope covers. */
/* The hubs the current scope covers. */
GPtrArray *
hc_window_get_scope_hubs (HcWindow *self)
{
  GPtrArray *hubs = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all = hc_hub_manager_get_hubs (self->manager);
  guint n = g_list_model_get_n_items (all);

  if (self->scope != NULL)
    {
      g_ptr_array_add (hubs, g_object_ref (self->scope));
      return hubs;
    }
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (hubs, g_list_model_get_item (all, i));
  return hubs;
}

static void
update_role_actions (HcWindow *self)
{
  g_autoptr(GPtrArray) hubs = hc_window_get_scope_hubs (self);
  gboolean can_retry = FALSE;
  gboolean can_acknowledge = FALSE;
  gboolean can_resolve = FALSE;
  HcRole role = HC_ROLE_VIEWER;

  for (guint i = 0; i < hubs->len; i++)
    {
      HcMe *me = hc_hub_get_me (hubs->pdata[i]);

      if (me != NULL)
        {
          role = MAX (role, hc_me_get_role (me));
          can_retry |= hc_me_can_retry (me);
          can_acknowledge |= hc_me_can_acknowledge (me);
          can_resolve |= hc_me_can_resolve (me);
        }
    }

  if (can_retry)
    hc_ingestion_page_set_retry_allowed (self->ingestion_page, TRUE, NULL);
  else
    {
      g_autofree char *reason =
        g_strdup_printf (_("Your role (%s) can look but not act: operators and supervisors can retry a feed."),
                         hc_role_label (role));
      hc_ingestion_page_set_retry_allowed (self->ingestion_page, FALSE, reason);
    }

  {
    g_autofree char *reason = NULL;

    if (!can_acknowledge)
      reason = g_strdup_printf (_("Your role (%s) can look but not act: operators acknowledge alerts, supervisors resolve them."),
                                hc_role_label (role));
    else if (!can_resolve)
      reason = g_strdup_printf (_("Your role (%s) can acknowledge alerts; supervisors resolve them."),
                                hc_role_label (role));
    hc_security_page_set_actions_allowed (self->security_page, can_acknowledge, can_resolve, reason);
  }
}

static void
update_pages (HcWindow *self)
{
  static const HcListKind sources[] = { HC_LIST_SOURCES };
  static const HcListKind datasets[] = { HC_LIST_DATASETS };
  static const HcListKind storage[] = { HC_LIST_POOLS, HC_LIST_NODES };
  static const HcListKind alerts[] = { HC_LIST_ALERTS };
  static const HcListKind agencies[] = { HC_LIST_DATASETS, HC_LIST_SOURCES };
  gboolean have_hubs = g_list_model_get_n_items (hc_hub_manager_get_hubs (self->manager)) > 0;
  const char *child = have_hubs ? "page" : "empty";
  g_autoptr(GPtrArray) hubs = hc_window_get_scope_hubs (self);
  gboolean pools_read = TRUE, nodes_read = TRUE;
  HcLevel level;
  g_autofree char *text = NULL, *button = NULL, *action = NULL;

  gtk_stack_set_visible_child_name (self->overview_stack, child);
  gtk_stack_set_visible_child_name (self->ingestion_stack, child);
  gtk_stack_set_visible_child_name (self->quality_stack, child);
  gtk_stack_set_visible_child_name (self->storage_stack, child);
  gtk_stack_set_visible_child_name (self->security_stack, child);
  gtk_stack_set_visible_child_name (self->agencies_stack, child);
  gtk_widget_set_visible (GTK_WIDGET (self->hubs_heading), have_hubs);
  gtk_widget_set_visible (GTK_WIDGET (self->hubs_list), have_hubs);

  hc_hub_problems_update_pane (self->manager, hubs, hc_ingestion_page_get_pane (self->ingestion_page),
                               sources, G_N_ELEMENTS (sources));
  hc_hub_problems_update_pane (self->manager, hubs, hc_quality_page_get_pane (self->quality_page),
                               datasets, G_N_ELEMENTS (datasets));
  hc_hub_problems_update_pane (self->manager, hubs, hc_storage_page_get_pane (self->storage_page),
                               storage, G_N_ELEMENTS (storage));
  hc_hub_problems_update_pane (self->manager, hubs, hc_security_page_get_pane (self->security_page),
                               alerts, G_N_ELEMENTS (alerts));
  hc_hub_problems_update_pane (self->manager, hubs, hc_agencies_page_get_pane (self->agencies_page),
                               agencies, G_N_ELEMENTS (agencies));
  /* What was not read is never reported healthy. */
  for (guint i = 0; i < hubs->len; i++)
    {
      pools_read &= hc_hub_get_list_complete (hubs->pdata[i], HC_LIST_POOLS);
      nodes_read &= hc_hub_get_list_complete (hubs->pdata[i], HC_LIST_NODES);
    }
  hc_storage_page_set_lists_read (self->storage_page, pools_read, nodes_read);
  update_role_actions (self);

  hc_overview_page_set_hubs (self->overview_page, self->manager, hubs);
  /* The overview's cards say which lists were missing; its banner is for
   * the hubs themselves. */
  if (hc_hub_problems_describe (self->manager, hubs, NULL, 0, &level, &text, &button, &action))
    hc_overview_page_set_banner (self->overview_page, level, text, button, action);
  else
    hc_overview_page_set_banner (self->overview_page, HC_LEVEL_OK, NULL, NULL, NULL);
}

static void
on_hub_changed (HcHub      *hub,
                GParamSpec *pspec,
                HcWindow   *self)
{
  update_pages (self);
}

static gpointer
map_hub_to_list (gpointer item,
                 gpointer user_data)
{
  HcHub *hub = item;
  GListModel *list = G_LIST_MODEL (g_object_ref (hc_hub_get_model (hub, GPOINTER_TO_INT (user_data))));

  g_object_unref (hub);
  return list;
}

/* One hub's list, or every hub's in "all hubs". */
static GListModel *
scope_list (HcWindow   *self,
            HcListKind  kind)
{
  return self->scope ? G_LIST_MODEL (hc_hub_get_model (self->scope, kind)) : self->all_lists[kind];
}

static void
apply_scope (HcWindow *self)
{
  hc_ingestion_page_set_sources (self->ingestion_page, scope_list (self, HC_LIST_SOURCES));
  hc_quality_page_set_datasets (self->quality_page, scope_list (self, HC_LIST_DATASETS));
  hc_storage_page_set_pools (self->storage_page, scope_list (self, HC_LIST_POOLS));
  hc_storage_page_set_nodes (self->storage_page, scope_list (self, HC_LIST_NODES));
  hc_security_page_set_alerts (self->security_page, scope_list (self, HC_LIST_ALERTS));
  hc_agencies_page_set_lists (self->agencies_page, scope_list (self, HC_LIST_DATASETS),
                              scope_list (self, HC_LIST_SOURCES));
  {
    g_autoptr(GPtrArray) hubs = hc_window_get_scope_hubs (self);
    hc_agencies_page_set_hubs (self->agencies_page, hubs);
  }
  update_pages (self);
}

static GtkWidget *
create_scope_row (gpointer item,
                  gpointer user_data)
{
  HcWindow *self = user_data;
  GtkWidget *row, *label;

  if (HC_IS_HUB (item))
    return hc_hub_row_new (item, hc_hub_manager_get_hub_name (self->manager, item));

  row = gtk_list_box_row_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, _("All Hubs"), -1);
  label = gtk_label_new (_("All Hubs"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

static void
on_hubs_changed (GListModel *hubs,
                 guint       position,
                 guint       removed,
                 guint       added,
                 HcWindow   *self)
{
  guint n = g_list_model_get_n_items (hubs);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean scope_alive = self->scope == NULL;

  g_ptr_array_add (items, g_object_ref (self->all_hubs));
  for (guint i = 0; i < n; i++)
    {
      HcHub *hub = g_list_model_get_item (hubs, i);

      g_signal_handlers_disconnect_by_func (hub, on_hub_changed, self);
      g_signal_connect_object (hub, "notify::state", G_CALLBACK (on_hub_changed), self, 0);
      g_signal_connect_object (hub, "notify::me", G_CALLBACK (on_hub_changed), self, 0);
      g_signal_connect_object (hub, "notify::loading", G_CALLBACK (on_hub_changed), self, 0);
      g_signal_connect_object (hub, "notify::last-updated", G_CALLBACK (on_hub_changed), self, 0);
      g_signal_connect_object (hub, "notify::overview", G_CALLBACK (on_hub_changed), self, 0);
      g_signal_connect_object (hub, "notify::partial", G_CALLBACK (on_hub_changed), self, 0);
      scope_alive |= hub == self->scope;
      g_ptr_array_add (items, hub);
    }
  g_list_store_splice (self->scope_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->scope_items)),
                       items->pdata, items->len);

  if (!scope_alive)
    g_clear_object (&self->scope);
  gtk_list_box_select_row (self->hubs_list,
                           gtk_list_box_get_row_at_index (self->hubs_list, 0));
  apply_scope (self);
}

static void
on_hub_row_activated (GtkListBox    *box,
                      GtkListBoxRow *row,
                      HcWindow      *self)
{
  HcHub *hub = HC_IS_HUB_ROW (row) ? hc_hub_row_get_hub (HC_HUB_ROW (row)) : NULL;

  if (hub == self->scope)
    return;
  g_set_object (&self->scope, hub);
  apply_scope (self);
}

static void
on_sidebar_row_activated (GtkListBox    *box,
                          GtkListBoxRow *row,
                          HcWindow      *self)
{
  int index = gtk_list_box_row_get_index (row);

  g_assert (index >= 0 && index < (int) G_N_ELEMENTS (sections));
  hc_window_set_section (self, sections[index]);
  /* On a narrow window the sidebar covers the page: step forward to it. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A row selected without being activated (the keyboard, or a screen
 * reader's selection of it) shows its page too. */
static void
on_sidebar_row_selected (GtkListBox    *box,
                         GtkListBoxRow *row,
                         HcWindow      *self)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (index >= 0 && index < (int) G_N_ELEMENTS (sections))
    hc_window_set_section (self, sections[index]);
}

static void
on_back_clicked (GtkButton *button,
                 HcWindow  *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static gboolean
hc_window_close_request (GtkWindow *window)
{
  HcWindow *self = HC_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (hc_window_parent_class)->close_request (window);
}

static void
hc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  HcWindow *self = HC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_string (value, self->section);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  HcWindow *self = HC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      hc_window_set_section (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_window_dispose (GObject *object)
{
  HcWindow *self = HC_WINDOW (object);
  GListModel *hubs;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->manager != NULL)
    {
      hubs = hc_hub_manager_get_hubs (self->manager);
      g_signal_handlers_disconnect_by_data (hubs, self);
      for (guint i = 0; i < g_list_model_get_n_items (hubs); i++)
        {
          g_autoptr(HcHub) hub = g_list_model_get_item (hubs, i);
          g_signal_handlers_disconnect_by_data (hub, self);
        }
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->scope);
  g_clear_object (&self->scope_items);
  g_clear_object (&self->all_hubs);
  for (guint i = 0; i < HC_LIST_N_KINDS; i++)
    g_clear_object (&self->all_lists[i]);
  g_clear_object (&self->manager);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (hc_window_parent_class)->dispose (object);
}

static void
hc_window_finalize (GObject *object)
{
  HcWindow *self = HC_WINDOW (object);

  g_clear_pointer (&self->section, g_free);

  G_OBJECT_CLASS (hc_window_parent_class)->finalize (object);
}

static void
hc_window_class_init (HcWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->get_property = hc_window_get_property;
  object_class->set_property = hc_window_set_property;
  object_class->dispose = hc_window_dispose;
  object_class->finalize = hc_window_finalize;

  window_class->close_request = hc_window_close_request;

  /**
   * HcWindow:section:
   * The section shown: overview, ingestion, quality, storage, security or
   * agencies.
   */
  properties[PROP_SECTION] =
    g_param_spec_string ("section", NULL, NULL, "overview",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HC_TYPE_INGESTION_PAGE);
  g_type_ensure (HC_TYPE_OVERVIEW_PAGE);
  g_type_ensure (HC_TYPE_QUALITY_PAGE);
  g_type_ensure (HC_TYPE_STORAGE_PAGE);
  g_type_ensure (HC_TYPE_SECURITY_PAGE);
  g_type_ensure (HC_TYPE_AGENCIES_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HcWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, hubs_list);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, hubs_heading);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, overview_stack);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, ingestion_stack);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, quality_stack);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, storage_stack);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, security_stack);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, agencies_stack);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, ingestion_page);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, quality_page);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, storage_page);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, security_page);
  gtk_widget_class_bind_template_child (widget_class, HcWindow, agencies_page);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_hub_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_property_action (widget_class, "win.section", "section");
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.section", "s", sections[i]);
  hc_window_actions_class_init (widget_class);
}

static void
hc_window_init (HcWindow *self)
{
  GtkCssProvider *css;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->sidebar, "row-selected",
                           G_CALLBACK (on_sidebar_row_selected), self, 0);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, APP_PATH "/style.css");
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_object_unref (css);

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->section = g_strdup ("overview");
  g_settings_bind (self->settings, "last-section", self, "section", G_SETTINGS_BIND_DEFAULT);

  hc_quality_page_set_settings (self->quality_page, self->settings);
  hc_agencies_page_set_settings (self->agencies_page, self->settings);
  hc_window_actions_connect (self);
}

static void
hc_window_set_manager (HcWindow     *self,
                       HcHubManager *manager)
{
  GListModel *hubs = hc_hub_manager_get_hubs (manager);

  self->manager = g_object_ref (manager);
  self->all_hubs = g_object_new (G_TYPE_OBJECT, NULL);
  self->scope_items = g_list_store_new (G_TYPE_OBJECT);
  gtk_list_box_bind_model (self->hubs_list, G_LIST_MODEL (self->scope_items),
                           create_scope_row, self, NULL);

  for (guint kind = 0; kind < HC_LIST_N_KINDS; kind++)
    self->all_lists[kind] = G_LIST_MODEL (gtk_flatten_list_model_new (
      G_LIST_MODEL (gtk_map_list_model_new (g_object_ref (hubs), map_hub_to_list,
                                            GINT_TO_POINTER (kind), NULL))));

  g_signal_connect_object (hubs, "items-changed", G_CALLBACK (on_hubs_changed), self, 0);
  on_hubs_changed (hubs, 0, 0, 0, self);
}

HcWindow *
hc_window_new (GtkApplication *application,
               HcHubManager   *manager)
{
  HcWindow *self = g_object_new (HC_TYPE_WINDOW,
                                 "application", application,
                                 NULL);

  hc_window_set_manager (self, manager);
  return self;
}

const char *
hc_window_get_section (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);

  return self->section;
}

void
hc_window_set_section (HcWindow   *self,
                       const char *section)
{
  GtkStackPage *page;
  GtkListBoxRow *row;

  g_return_if_fail (HC_IS_WINDOW (self));

  if (!is_section (section))
    return;

  page = gtk_stack_get_page (self->stack, gtk_stack_get_child_by_name (self->stack, section));
  gtk_stack_set_visible_child_name (self->stack, section);
  adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i], section))
      {
        row = gtk_list_box_get_row_at_index (self->sidebar, i);
        if (gtk_list_box_get_selected_row (self->sidebar) != row)
          gtk_list_box_select_row (self->sidebar, row);
      }

  if (g_strcmp0 (self->section, section) == 0)
    return;

  g_free (self->section);
  self->section = g_strdup (section);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTION]);
}

/**
 * hc_window_set_scope:
 * @hub: (nullable): the hub to show alone, or %NULL for all hubs
 */
void
hc_window_set_scope (HcWindow *self,
                     HcHub    *hub)
{
  guint n;

  g_return_if_fail (HC_IS_WINDOW (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->scope_items));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (self->scope_items), i);

      if (item == (GObject *) hub || (hub == NULL && item == self->all_hubs))
        {
          gtk_list_box_select_row (self->hubs_list, gtk_list_box_get_row_at_index (self->hubs_list, i));
          if (hub != self->scope)
            {
              g_set_object (&self->scope, hub);
              apply_scope (self);
            }
          return;
        }
    }
}

HcHub *
hc_window_get_scope (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);

  return self->scope;
}

/**
 * hc_window_show_toast:
 * A short message at the bottom of the window.
 */
void
hc_window_show_toast (HcWindow   *self,
                      const char *message)
{
  g_return_if_fail (HC_IS_WINDOW (self));

  toast (self, message);
}

HcOverviewPage *
hc_window_get_overview_page (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);

  return self->overview_page;
}

HcAgenciesPage *
hc_window_get_agencies_page (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);

  return self->agencies_page;
}

HcQualityPage *
hc_window_get_quality_page (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);

  return self->quality_page;
}

HcStoragePage *
hc_window_get_storage_page (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);

  return self->storage_page;
}

HcSecurityPage *
hc_window_get_security_page (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);

  return self->security_page;
}

HcIngestionPage *
hc_window_get_ingestion_page (HcWindow *self)
{
  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);

  return self->ingestion_page;
}
