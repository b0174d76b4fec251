/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "hc-status-badge.h"

G_BEGIN_DECLS

/*
 * One column of a page's CSV export: its title, marked with N_() (or
 * NC_() with its context), and its cell for an item: the item's
 * @property as a spreadsheet reads it (text as it is, whole numbers in
 * full, fractions to one decimal), or the text @text makes when the cell
 * says more than one value (a label, an exact time). A page describes
 * its export as a static table.
 */
typedef struct {
  const char *context;
  const char *title;
  const char *property;
  char     *(*text) (gpointer item);
} HcCsvColumn;

typedef gboolean (*HcListPaneItemTest) (gpointer item,
                                        gpointer user_data);
typedef void     (*HcListPaneItemFunc) (gpointer item,
                                        gpointer user_data);

typedef enum {
  HC_LIST_PANE_LOADING,
  HC_LIST_PANE_READY,
  HC_LIST_PANE_ERROR,
} HcListPaneState;

#define HC_TYPE_LIST_PANE (hc_list_pane_get_type ())

G_DECLARE_FINAL_TYPE (HcListPane, hc_list_pane, HC, LIST_PANE, GtkWidget)

GtkWidget  *hc_list_pane_new                   (void);
void        hc_list_pane_set_view              (HcListPane      *self,
                                                GtkColumnView   *view);
GtkColumnView *hc_list_pane_get_view           (HcListPane      *self);
void        hc_list_pane_set_model             (HcListPane      *self,
                                                GListModel      *model);
void        hc_list_pane_set_search_expression (HcListPane      *self,
                                                GtkExpression   *expression);
void        hc_list_pane_set_filter            (HcListPane      *self,
                                                GtkFilter       *filter);
void        hc_list_pane_set_filter_menu       (HcListPane      *self,
                                                GMenuModel      *menu);
void        hc_list_pane_set_detail            (HcListPane      *self,
                                                GtkWidget       *detail);
gpointer    hc_list_pane_get_selected_item     (HcListPane      *self);
void        hc_list_pane_select_item           (HcListPane      *self,
                                                gpointer         item);
void        hc_list_pane_close_detail          (HcListPane      *self);
void        hc_list_pane_set_empty             (HcListPane      *self,
                                                const char      *icon_name,
                                                const char      *title,
                                                const char      *description);
void        hc_list_pane_set_state             (HcListPane      *self,
                                                HcListPaneState  state,
                                                const char      *message);
HcListPaneState hc_list_pane_get_state         (HcListPane      *self);
void        hc_list_pane_set_banner            (HcListPane      *self,
                                                HcLevel          level,
                                                const char      *text,
                                                const char      *button_label,
                                                const char      *action_name);
void        hc_list_pane_clear_banner          (HcListPane      *self);
const char *hc_list_pane_get_banner            (HcListPane      *self);
void        hc_list_pane_set_updated           (HcListPane      *self,
                                                gint64           unix_time);
void        hc_list_pane_set_stale             (HcListPane      *self,
                                                gboolean         stale);
void        hc_list_pane_set_search_text       (HcListPane      *self,
                                                const char      *text);
void        hc_list_pane_focus_search          (HcListPane      *self);
void        hc_list_pane_filter_changed        (HcListPane      *self);
GListModel *hc_list_pane_get_visible_model     (HcListPane      *self);
gboolean    hc_list_pane_is_busy               (HcListPane      *self);
void        hc_list_pane_set_csv_columns       (HcListPane        *self,
                                                const HcCsvColumn *columns,
                                                guint              n_columns);
GBytes     *hc_list_pane_to_csv                (HcListPane      *self);
void        hc_list_pane_remember              (HcListPane         *self,
                                                const char         *page_id,
                                                GObject            *filter_owner,
                                                const char * const *filter_properties);
void        hc_list_pane_add_menu_item         (HcListPane      *self,
                                                const char      *label,
                                                const char      *detailed_action);
void        hc_list_pane_set_new_marks         (HcListPane         *self,
                                                HcListPaneItemTest  new_func,
                                                HcListPaneItemFunc  seen_func,
                                                gpointer            data,
                                                GDestroyNotify      destroy);
void        hc_list_pane_new_marks_changed     (HcListPane      *self);
void        hc_list_pane_reset_columns         (HcListPane      *self);
void        hc_list_pane_keep_rows_in_place    (HcListPane      *self);
void        hc_list_pane_set_paused            (HcListPane      *self,
                                                gboolean         paused);
gboolean    hc_list_pane_get_paused            (HcListPane      *self);
guint       hc_list_pane_get_n_waiting         (HcListPane      *self);
const char *hc_list_pane_get_waiting_text      (HcListPane      *self);
void        hc_list_pane_set_export_name       (HcListPane      *self,
                                                const char      *file_name);

G_END_DECLS
