/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-agencies-page.h"
#include "hc-ingestion-page.h"
#include "hc-overview-page.h"
#include "hc-quality-page.h"
#include "hc-security-page.h"
#include "hc-storage-page.h"
#include "hc-window.h"

G_BEGIN_DECLS

/* The window's state, shared by hc-window.c and hc-window-actions.c, as
 * GNOME Text Editor shares editor-window-private.h. */
struct _HcWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  HcHubManager         *manager;
  GCancellable         *cancellable;
  char                 *section;
  HcHub                *scope;         /* NULL: all hubs */
  GListStore           *scope_items;   /* the hubs list: all_hubs + each hub */
  GObject              *all_hubs;      /* sentinel item for "All Hubs" */

  /* template children */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  GtkListBox           *hubs_list;
  GtkLabel             *hubs_heading;
  GtkStack             *stack;
  AdwWindowTitle       *content_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *overview_stack;
  GtkStack             *ingestion_stack;
  GtkStack             *quality_stack;
  GtkStack             *storage_stack;
  GtkStack             *security_stack;
  GtkStack             *agencies_stack;
  HcIngestionPage      *ingestion_page;
  HcOverviewPage       *overview_page;
  HcQualityPage        *quality_page;
  HcStoragePage        *storage_page;
  HcSecurityPage       *security_page;
  HcAgenciesPage       *agencies_page;
  GListModel           *all_lists[HC_LIST_N_KINDS];  /* every hub's list, flattened */
};

GPtrArray *hc_window_get_scope_hubs      (HcWindow       *self);
void       hc_window_actions_class_init  (GtkWidgetClass *widget_class);
void       hc_window_actions_connect     (HcWindow       *self);

G_END_DECLS
