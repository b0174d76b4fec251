/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-banner.h"
#include "hc-filter-model.h"
#include "hc-freeze-model.h"
#include "hc-list-pane.h"
#include "hc-row-slots.h"
#include "hc-search-filter.h"

G_BEGIN_DECLS

/* HcListPane spans eight files: hc-list-pane.c (the list, its states
 * and its detail), hc-list-pane-pause.c (live updates paused),
 * hc-list-pane-lazy.c (the column view, given its rows while seen),
 * hc-list-pane-export.c (the CSV export),
 * hc-list-pane-state.c (the columns, sort and filters kept in GSettings),
 * hc-list-pane-search.c (the page's filter and the search),
 * hc-list-pane-new.c (rows marked new until seen) and
 * hc-list-pane-slots.c (row widgets kept in place for long lists). */
struct _HcListPane
{
  GtkWidget            parent_instance;

  GtkColumnView       *view;
  HcFreezeModel       *freeze_model;
  HcFilterModel       *page_model;        /* the rows the page's filter lets through */
  HcFilterModel       *filter_model;      /* of those, sorted, the rows the search finds: shown */
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  HcRowSlots          *row_slots;         /* NULL: rows given as they are */
  GdkFrameClock       *slots_clock;       /* whose frames pace the slots (mapped) */
  GObject             *selected_row;      /* with row slots: the row selected */
  gboolean             repointing;        /* the slots are taking a change */
  guint                release_timer;     /* hidden: the rows go (hc-list-pane-lazy.c) */
  guint                release_after_ms;
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
  GMenu               *menu;
  GMenu               *own_menu;

  /* new until seen (hc-list-pane-new.c) */
  HcListPaneItemTest   new_func;
  HcListPaneItemFunc   seen_func;
  gpointer             new_data;
  GDestroyNotify       new_destroy;
  GPtrArray           *new_cells;         /* GtkListItem bound, not owned */
  guint                seen_timer;

  /* kept in GSettings (hc-list-pane-state.c) */
  GSettings           *list_settings;
  GPtrArray           *designed;          /* the columns as the page made them */
  GArray              *designed_widths;
  GArray              *designed_visible;
  int                  designed_sort;
  GtkSortType          designed_order;
  int                  known_sort;        /* the sort last read or set */
  GObject             *filter_owner;
  char               **filter_properties;
  gboolean             restoring;
  guint                save_sort_idle;
  guint                sort_tries;

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
  GtkLabel            *waiting_label;
};

void hc_list_pane_export_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter);

void hc_list_pane_state_attach (HcListPane         *self,
                                const char         *page_id,
                                GObject            *filter_owner,
                                const char * const *filter_properties);
void hc_list_pane_state_reset  (HcListPane         *self);
void hc_list_pane_state_clear  (HcListPane         *self);
void hc_list_pane_new_marks_clear (HcListPane      *self);
void hc_list_pane_pause_update (HcFreezeModel      *freeze,
                                GParamSpec         *pspec,
                                HcListPane         *self);
void hc_list_pane_lazy_take_view (HcListPane      *self);
void hc_list_pane_lazy_attach (HcListPane         *self);
void hc_list_pane_lazy_hidden (HcListPane         *self);
void hc_list_pane_lazy_set_release_after (HcListPane *self,
                                          guint       milliseconds);
void hc_list_pane_selection_changed (HcListPane    *self);
void hc_list_pane_search_changed (GtkSearchEntry *entry,
                                  HcListPane     *self);
void hc_list_pane_stop_search (GtkSearchEntry *entry,
                               HcListPane     *self);

G_END_DECLS
