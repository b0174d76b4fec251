/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-audit-window.h"
#include "hc-error.h"
#include "hc-seen-store.h"
#include "hc-wall.h"
#include "hc-report-dialog.h"
#include "hc-window-private.h"

/*
 * One job: what the operator does from the window's pages and keyboard —
 * retry a feed, acknowledge or resolve an alert, open a row's detail,
 * refresh, search, and the overview's figures opening their page.
 */

static void
on_retried (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(HcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  HcRun *run = hc_hub_retry_source_finish (HC_HUB (object), result, &error);

  g_clear_object (&run);
  if (g_error_matches (error, HC_ERROR, HC_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_autofree char *message = hc_error_describe (error);
      hc_window_show_toast (self, message);
      return;
    }
  hc_window_show_toast (self, _("Run started: it appears in the history as it goes."));
}

static void
on_retry_source (HcIngestionPage *page,
                 HcSource        *source,
                 HcWindow        *self)
{
  HcHub *hub = self->scope ? self->scope
                           : hc_hub_manager_find_hub_of_item (self->manager, HC_LIST_SOURCES, source);
  g_autofree char *key = g_uuid_string_random ();

  if (hub == NULL)
    return;
  /* In "all hubs" the role differs per hub: ask only where it may act. */
  if (hc_hub_get_me (hub) == NULL || !hc_me_can_retry (hc_hub_get_me (hub)))
    {
      g_autoptr(GError) error = g_error_new_literal (HC_ERROR, HC_ERROR_FORBIDDEN,
                                                     _("Your role on this hub cannot retry feeds."));
      g_autofree char *message = hc_error_describe (error);
      hc_window_show_toast (self, message);
      return;
    }
  hc_hub_retry_source_async (hub, hc_item_get_id (HC_ITEM (source)), key, self->cancellable,
                             on_retried, g_object_ref (self));
}

/* A row's detail (runs, rules and history, timeline) fetched when it is
 * selected; the hub merges it into the row in place. */
static void
on_detail (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) detail = NULL;

  detail = hc_hub_fetch_detail_finish (HC_HUB (object), result, &error);
  if (detail == NULL && !g_error_matches (error, HC_ERROR, HC_ERROR_CANCELLED))
    {
      g_autofree char *message = hc_error_describe (error);
      hc_window_show_toast (self, message);
    }
}

static void
fetch_detail (HcWindow   *self,
              HcListKind  kind,
              gpointer    item)
{
  HcHub *hub = self->scope ? self->scope : hc_hub_manager_find_hub_of_item (self->manager, kind, item);

  if (hub == NULL)
    return;
  hc_hub_fetch_detail_async (hub, kind, hc_item_get_id (HC_ITEM (item)), self->cancellable,
                             on_detail, g_object_ref (self));
}

static HcHub *
hub_of_source (HcWindow *self,
               gpointer  source)
{
  return self->scope ? self->scope : hc_hub_manager_find_hub_of_item (self->manager, HC_LIST_SOURCES, source);
}

/* A feed that failed since the operator last looked. */
static gboolean
source_is_new (gpointer item,
               gpointer data)
{
  HcHub *hub = hub_of_source (data, item);

  return hub != NULL && !hc_seen_store_is_source_seen (hc_seen_store_get_default (), hc_hub_get_key (hub), item);
}

static void
source_seen (gpointer item,
             gpointer data)
{
  HcHub *hub = hub_of_source (data, item);

  if (hub != NULL)
    hc_seen_store_mark_source_seen (hc_seen_store_get_default (), hc_hub_get_key (hub), item);
}

static void
on_source_selected (HcIngestionPage *page,
                    HcSource        *source,
                    HcWindow        *self)
{
  source_seen (source, self);
  fetch_detail (self, HC_LIST_SOURCES, source);
}

static void
on_dataset_selected (HcQualityPage *page,
                     HcDataset     *dataset,
                     HcWindow      *self)
{
  fetch_detail (self, HC_LIST_DATASETS, dataset);
}

static HcHub *
hub_of (HcWindow   *self,
        HcListKind  kind,
        gpointer    item)
{
  return self->scope ? self->scope : hc_hub_manager_find_hub_of_item (self->manager, kind, item);
}

/* The hub's answer to a triage action on an alert (acknowledge, resolve,
 * silence, expire a silence): a toast either way. */
static void
on_alert_acted (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(HcWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcAlert) alert = NULL;
  const char *done;

  if (g_async_result_is_tagged (result, hc_hub_acknowledge_alert_async))
    {
      alert = hc_hub_acknowledge_alert_finish (HC_HUB (object), result, &error);
      done = _("Alert acknowledged.");
    }
  else if (g_async_result_is_tagged (result, hc_hub_resolve_alert_async))
    {
      alert = hc_hub_resolve_alert_finish (HC_HUB (object), result, &error);
      done = _("Alert resolved.");
    }
  else if (g_async_result_is_tagged (result, hc_hub_silence_alert_async))
    {
      alert = hc_hub_silence_alert_finish (HC_HUB (object), result, &error);
      done = _("Alert silenced.");
    }
  else
    {
      alert = hc_hub_expire_silence_finish (HC_HUB (object), result, &error);
      done = _("Silence expired.");
    }

  if (g_error_matches (error, HC_ERROR, HC_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_autofree char *message = hc_error_describe (error);
      hc_window_show_toast (self, message);
      return;
    }
  hc_window_show_toast (self, done);
}

static void
on_acknowledge_alert (HcSecurityPage *page,
                      HcAlert        *alert,
                      const char     *comment,
                      HcWindow       *self)
{
  HcHub *hub = hub_of (self, HC_LIST_ALERTS, alert);
  g_autofree char *key = g_uuid_string_random ();

  if (hub == NULL)
    return;
  hc_hub_acknowledge_alert_async (hub, hc_item_get_id (HC_ITEM (alert)), comment, key,
                                  self->cancellable, on_alert_acted, g_object_ref (self));
}

static void
on_resolve_alert (HcSecurityPage *page,
                  HcAlert        *alert,
                  const char     *comment,
                  const char     *resolution,
                  HcWindow       *self)
{
  HcHub *hub = hub_of (self, HC_LIST_ALERTS, alert);
  g_autofree char *key = g_uuid_string_random ();

  if (hub == NULL)
    return;
  hc_hub_resolve_alert_async (hub, hc_item_get_id (HC_ITEM (alert)), comment, resolution, key,
                              self->cancellable, on_alert_acted, g_object_ref (self));
}

static gboolean
alert_is_new (gpointer item,
              gpointer data)
{
  HcHub *hub = hub_of (data, HC_LIST_ALERTS, item);

  return hub != NULL && !hc_seen_store_is_alert_seen (hc_seen_store_get_default (), hc_hub_get_key (hub), item);
}

static void
alert_seen (gpointer item,
            gpointer data)
{
  HcHub *hub = hub_of (data, HC_LIST_ALERTS, item);

  if (hub != NULL)
    hc_seen_store_mark_seen (hc_seen_store_get_default (), hc_hub_get_key (hub), hc_item_get_id (HC_ITEM (item)));
}

static void
on_seen_changed (HcSeenStore *seen,
                 const char  *hub_key,
                 HcWindow    *self)
{
  hc_list_pane_new_marks_changed (hc_security_page_get_pane (self->security_page));
  hc_list_pane_new_marks_changed (hc_ingestion_page_get_pane (self->ingestion_page));
}

static void
on_silence_alert (HcSecurityPage *page,
                  HcAlert        *alert,
                  const char     *comment,
                  gint64          ends_at,
                  HcWindow       *self)
{
  HcHub *hub = hub_of (self, HC_LIST_ALERTS, alert);

  if (hub != NULL)
    hc_hub_silence_alert_async (hub, hc_item_get_id (HC_ITEM (alert)), comment, ends_at,
                                self->cancellable, on_alert_acted, g_object_ref (self));
}

static void
on_expire_silence (HcSecurityPage *page,
                   HcAlert        *alert,
                   HcWindow       *self)
{
  HcHub *hub = hub_of (self, HC_LIST_ALERTS, alert);

  if (hub != NULL)
    hc_hub_expire_silence_async (hub, hc_item_get_id (HC_ITEM (alert)),
                                 self->cancellable, on_alert_acted, g_object_ref (self));
}

static HcHub *
hub_of_alert (HcAlert  *alert,
              gpointer  user_data)
{
  return hub_of (user_data, HC_LIST_ALERTS, alert);
}

static void
on_alert_selected (HcSecurityPage *page,
                   HcAlert        *alert,
                   HcWindow       *self)
{
  /* Shown selected: seen. */
  alert_seen (alert, self);
  fetch_detail (self, HC_LIST_ALERTS, alert);
}

/* The audit log of the hubs in scope, in a window of its own. */
static void
audit_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HcWindow *self = HC_WINDOW (widget);
  g_autoptr(GPtrArray) hubs = hc_window_get_scope_hubs (self);
  HcAuditWindow *audit = hc_audit_window_new (self, self->manager, hubs);

  gtk_window_present (GTK_WINDOW (audit));
}

/* Every hub in scope: all it has now is seen. */
static void
mark_all_seen_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HcWindow *self = HC_WINDOW (widget);
  GListModel *hubs = hc_hub_manager_get_hubs (self->manager);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < g_list_model_get_n_items (hubs); i++)
    {
      g_autoptr(HcHub) hub = g_list_model_get_item (hubs, i);

      if (self->scope == NULL || self->scope == hub)
        hc_seen_store_mark_all_seen (hc_seen_store_get_default (), hc_hub_get_key (hub), now);
    }
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HcWindow *self = HC_WINDOW (widget);
  g_autoptr(GPtrArray) hubs = hc_window_get_scope_hubs (self);

  for (guint i = 0; i < hubs->len; i++)
    hc_hub_refresh (hubs->pdata[i]);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HcWindow *self = HC_WINDOW (widget);

  if (g_strcmp0 (self->section, "ingestion") == 0)
    hc_list_pane_focus_search (hc_ingestion_page_get_pane (self->ingestion_page));
  else if (g_strcmp0 (self->section, "quality") == 0)
    hc_list_pane_focus_search (hc_quality_page_get_pane (self->quality_page));
  else if (g_strcmp0 (self->section, "storage") == 0)
    hc_list_pane_focus_search (hc_storage_page_get_pane (self->storage_page));
  else if (g_strcmp0 (self->section, "security") == 0)
    hc_list_pane_focus_search (hc_security_page_get_pane (self->security_page));
  else if (g_strcmp0 (self->section, "agencies") == 0)
    hc_list_pane_focus_search (hc_agencies_page_get_pane (self->agencies_page));
}

/* The overview's figures open their page, filtered to what they count. */
static void
show_sources_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HcWindow *self = HC_WINDOW (widget);

  hc_ingestion_page_set_status_filter (self->ingestion_page, g_variant_get_string (parameter, NULL));
  hc_window_set_section (self, "ingestion");
}

/* A plain action for buttons: "win.section" is stateful, and GTK 4.8
 * trips over a stateful property action as a button's target. */
static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  hc_window_set_section (HC_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
show_datasets_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HcWindow *self = HC_WINDOW (widget);

  hc_quality_page_show_below (self->quality_page, g_variant_get_string (parameter, NULL));
  hc_window_set_section (self, "quality");
}

static void
show_alerts_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HcWindow *self = HC_WINDOW (widget);

  hc_security_page_set_severity_filter (self->security_page, g_variant_get_string (parameter, NULL));
  hc_window_set_section (self, "security");
}

/**
 * hc_window_open_wall:
 * The wall for the operations room's screen: every hub of the window's
 * manager, fullscreen, until Escape.
 */
HcWall *
hc_window_open_wall (HcWindow *self)
{
  HcWall *wall;

  g_return_val_if_fail (HC_IS_WINDOW (self), NULL);

  wall = hc_wall_new (self->manager);
  gtk_window_set_application (GTK_WINDOW (wall), gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_fullscreen (GTK_WINDOW (wall));
  gtk_window_present (GTK_WINDOW (wall));
  return wall;
}

static void
wall_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hc_window_open_wall (HC_WINDOW (widget));
}

static void
quality_report_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HcWindow *self = HC_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (hc_report_dialog_new (GTK_WINDOW (self), self->manager, self->scope,
                                                        self->settings)));
}

/* An agency's detail opens its rows: the lists, searched for its name. */
static void
show_agency_datasets_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  HcWindow *self = HC_WINDOW (widget);

  g_object_set (self->quality_page, "criterion", "any", "below", "all", NULL);
  hc_list_pane_set_search_text (hc_quality_page_get_pane (self->quality_page), g_variant_get_string (parameter, NULL));
  hc_window_set_section (self, "quality");
}

static void
show_agency_feeds_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HcWindow *self = HC_WINDOW (widget);

  hc_ingestion_page_set_status_filter (self->ingestion_page, "all");
  hc_list_pane_set_search_text (hc_ingestion_page_get_pane (self->ingestion_page), g_variant_get_string (parameter, NULL));
  hc_window_set_section (self, "ingestion");
}

void
hc_window_actions_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.audit", NULL, audit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.show-sources", "s", show_sources_action);
  gtk_widget_class_install_action (widget_class, "win.show-datasets", "s", show_datasets_action);
  gtk_widget_class_install_action (widget_class, "win.show-alerts", "s", show_alerts_action);
  gtk_widget_class_install_action (widget_class, "win.quality-report", NULL, quality_report_action);
  gtk_widget_class_install_action (widget_class, "win.show-agency-datasets", "s", show_agency_datasets_action);
  gtk_widget_class_install_action (widget_class, "win.show-agency-feeds", "s", show_agency_feeds_action);
  gtk_widget_class_install_action (widget_class, "win.mark-all-seen", NULL, mark_all_seen_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
  gtk_widget_class_install_action (widget_class, "win.wall", NULL, wall_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "win.wall", NULL);
}

void
hc_window_actions_connect (HcWindow *self)
{
  g_signal_connect_object (self->ingestion_page, "retry", G_CALLBACK (on_retry_source), self, 0);
  g_signal_connect_object (self->ingestion_page, "source-selected", G_CALLBACK (on_source_selected), self, 0);
  g_signal_connect_object (self->quality_page, "dataset-selected", G_CALLBACK (on_dataset_selected), self, 0);
  g_signal_connect_object (self->security_page, "acknowledge", G_CALLBACK (on_acknowledge_alert), self, 0);
  g_signal_connect_object (self->security_page, "resolve", G_CALLBACK (on_resolve_alert), self, 0);
  g_signal_connect_object (self->security_page, "silence", G_CALLBACK (on_silence_alert), self, 0);
  g_signal_connect_object (self->security_page, "expire-silence", G_CALLBACK (on_expire_silence), self, 0);
  hc_security_page_set_hub_func (self->security_page, hub_of_alert, self);
  g_signal_connect_object (self->security_page, "alert-selected", G_CALLBACK (on_alert_selected), self, 0);
  hc_list_pane_add_menu_item (hc_security_page_get_pane (self->security_page),
                              _("Mark All as Seen"), "win.mark-all-seen");
  hc_list_pane_set_new_marks (hc_security_page_get_pane (self->security_page),
                              alert_is_new, alert_seen, self, NULL);
  hc_list_pane_set_new_marks (hc_ingestion_page_get_pane (self->ingestion_page),
                              source_is_new, source_seen, self, NULL);
  g_signal_connect_object (hc_seen_store_get_default (), "changed", G_CALLBACK (on_seen_changed), self, 0);
}
