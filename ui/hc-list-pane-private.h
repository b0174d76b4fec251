/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-banner.h"
#include "hc-list-pane.h"
#include "hc-search-filter.h"

G_BEGIN_DECLS

/* HcListPane spans two files: hc-list-pane.c (the list, its states and
 * its detail) and hc-list-pane-export.c (the CSV export). */
struct _HcListPane
{
  GtkWidget            parent_instance;

  GtkColumnView       *view;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  GtkEveryFilter      *every_filter;
  HcSearchFilter      *search_filter;
  GtkFilter           *page_filter;
  const HcCsvColumn   *csv_columns;
  guint                n_csv_columns;
  char                *export_name;
  char                *empty_title;
  char                *empty_description;
  HcListPaneState      state;
  gint64               updated;
  guint                updated_timer;

  /* template children */
  GtkBox              *toolbar;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filter_button;
  HcBanner            *banner;
  AdwFlap             *flap;
  GtkStack            *state_stack;
  GtkSpinner          *loading_spinner;
  GtkScrolledWindow   *list_scroller;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *error_page;
  AdwBin              *detail_bin;
  GtkLabel            *updated_label;
  GtkLabel            *count_label;
};

void hc_list_pane_export_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter);

G_END_DECLS
