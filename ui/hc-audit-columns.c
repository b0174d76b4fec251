/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-audit-columns.h"
#include "hc-cell-tooltips.h"
#include "hc-closures.h"
#include "hc-csv.h"
#include "hc-format.h"
#include "hc-labels.h"

/*
 * One job: the audit log's columns (time, hub, actor, action, target as
 * a link, result, comment, address), their sorters, the search text and
 * the CSV export. Each entry carries the hub it came from, so a target
 * opens on the right hub when the log shows every hub.
 */

#define HUB_KEY "hc-audit-hub"
#define HUB_NAME_KEY "hc-audit-hub-name"

typedef struct {
  HcAuditOpenFunc open;
  gpointer        user_data;
} OpenData;

const char *
hc_audit_columns_action_label (HcAuditAction action)
{
  switch (action)
    {
    case HC_AUDIT_ACTION_ALERT_ACKNOWLEDGE:
      return _("Acknowledge alert");
    case HC_AUDIT_ACTION_ALERT_RESOLVE:
      return _("Resolve alert");
    case HC_AUDIT_ACTION_SOURCE_RETRY:
      return _("Retry feed");
    default:
      return _("Unknown action");
    }
}

HcHub *
hc_audit_columns_get_hub (HcAuditEntry *entry)
{
  return g_object_get_data (G_OBJECT (entry), HUB_KEY);
}

static const char *
hub_name (HcAuditEntry *entry)
{
  const char *name = g_object_get_data (G_OBJECT (entry), HUB_NAME_KEY);

  return name != NULL ? name : "";
}

void
hc_audit_columns_set_hub (HcAuditEntry *entry,
                          HcHub        *hub,
                          const char   *name)
{
  g_object_set_data_full (G_OBJECT (entry), HUB_KEY, g_object_ref (hub), g_object_unref);
  g_object_set_data_full (G_OBJECT (entry), HUB_NAME_KEY, g_strdup (name), g_free);
}

/* The result: what the hub answered the action. */
static char *
result_text (HcAuditEntry *entry)
{
  gint64 status = hc_audit_entry_get_status (entry);

  if (status >= 200 && status < 300)
    return g_strdup (_("Done"));
  if (status == 403)
    return g_strdup (_("Refused: not allowed"));
  /* Translators: %d is an HTTP status, such as 409 */
  return g_strdup_printf (_("Failed (%d)"), (int) status);
}

static char *
cell_text (HcAuditEntry *entry,
           const char   *column)
{
  if (g_str_equal (column, "time"))
    return hc_closure_exact_time (NULL, hc_audit_entry_get_at (entry));
  if (g_str_equal (column, "hub"))
    return hc_format_hub_text (hub_name (entry), HC_HUB_TEXT_LINE);
  if (g_str_equal (column, "actor"))
    return hc_format_hub_text (hc_audit_entry_get_actor (entry), HC_HUB_TEXT_LINE);
  if (g_str_equal (column, "action"))
    return g_strdup (hc_audit_columns_action_label (hc_audit_entry_get_action (entry)));
  if (g_str_equal (column, "result"))
    return result_text (entry);
  if (g_str_equal (column, "comment"))
    return hc_format_hub_text (hc_audit_entry_get_comment (entry) ? hc_audit_entry_get_comment (entry) : "",
                               HC_HUB_TEXT_LINE);
  if (g_str_equal (column, "address"))
    return hc_format_hub_text (hc_audit_entry_get_remote_address (entry), HC_HUB_TEXT_LINE);
  return g_strdup ("");
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  /* Its whole text, asked for when shown (see hc-cell-tooltips.c). */
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (hc_cell_label_tooltip), NULL);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  const char *column = user_data;
  HcAuditEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (entry, column);

  gtk_label_set_text (GTK_LABEL (label), text);
  if (g_str_equal (column, "result"))
    {
      gboolean done = hc_audit_entry_get_status (entry) >= 200 && hc_audit_entry_get_status (entry) < 300;

      gtk_widget_remove_css_class (label, "warning");
      if (!done)
        gtk_widget_add_css_class (label, "warning");
    }
}

static void
on_link_clicked (GtkButton *button,
                 OpenData  *data)
{
  HcAuditEntry *entry = g_object_get_data (G_OBJECT (button), "entry");

  if (entry != NULL)
    data->open (entry, data->user_data);
}

static gboolean
on_link_query_tooltip (GtkWidget  *button,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = g_object_get_data (G_OBJECT (button), "tooltip");

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_link (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            OpenData                 *data)
{
  GtkWidget *button = gtk_button_new ();

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "link");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_signal_connect (button, "clicked", G_CALLBACK (on_link_clicked), data);
  gtk_widget_set_has_tooltip (button, TRUE);
  g_signal_connect (button, "query-tooltip", G_CALLBACK (on_link_query_tooltip), NULL);
  gtk_list_item_set_child (list_item, button);
}

static void
bind_link (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           OpenData                 *data)
{
  HcAuditEntry *entry = gtk_list_item_get_item (list_item);
  GtkWidget *button = gtk_list_item_get_child (list_item);
  g_autofree char *target = hc_format_hub_text (hc_audit_entry_get_target (entry), HC_HUB_TEXT_LINE);
  g_autofree char *tooltip = NULL;

  gtk_button_set_label (GTK_BUTTON (button), target);
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))), PANGO_ELLIPSIZE_END);
  if (hc_audit_entry_get_action (entry) == HC_AUDIT_ACTION_SOURCE_RETRY)
    /* Translators: %s is a feed's id */
    tooltip = g_strdup_printf (_("Show the feed %s in Ingestion"), target);
  else
    /* Translators: %s is an alert's id */
    tooltip = g_strdup_printf (_("Show the alert %s in Security"), target);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  g_object_set_data_full (G_OBJECT (button), "tooltip", g_steal_pointer (&tooltip), g_free);
  g_object_set_data_full (G_OBJECT (button), "entry", g_object_ref (entry), g_object_unref);
}

static void
unbind_link (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  g_object_set_data (G_OBJECT (gtk_list_item_get_child (list_item)), "entry", NULL);
}

static char *
sort_text (HcAuditEntry *entry,
           const char   *column)
{
  if (entry == NULL)
    return NULL;
  if (g_str_equal (column, "target"))
    return g_strdup (hc_audit_entry_get_target (entry));
  return cell_text (entry, column);
}

static gint64
sort_time (HcAuditEntry *entry,
           gpointer      user_data)
{
  return entry != NULL ? hc_audit_entry_get_at (entry) : 0;
}

static GtkSorter *
sorter_for (const char *column)
{
  if (g_str_equal (column, "time"))
    return GTK_SORTER (gtk_numeric_sorter_new (gtk_cclosure_expression_new (G_TYPE_INT64, NULL, 0, NULL,
                                                                            G_CALLBACK (sort_time), NULL, NULL)));
  return GTK_SORTER (gtk_string_sorter_new (gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                         G_CALLBACK (sort_text),
                                                                         (gpointer) column, NULL)));
}

static char *
search_text (HcAuditEntry *entry,
             gpointer      user_data)
{
  if (entry == NULL)
    return NULL;
  return g_strjoin (" ", hub_name (entry), hc_audit_entry_get_actor (entry),
                    hc_audit_columns_action_label (hc_audit_entry_get_action (entry)),
                    hc_enum_to_nick (HC_TYPE_AUDIT_ACTION, hc_audit_entry_get_action (entry)),
                    hc_audit_entry_get_target (entry),
                    hc_audit_entry_get_comment (entry) ? hc_audit_entry_get_comment (entry) : "",
                    hc_audit_entry_get_remote_address (entry), NULL);
}

/* The CSV: the hub's own values, times in ISO 8601 UTC. */

static char *
csv_time (gpointer entry)
{
  return hc_csv_time (hc_audit_entry_get_at (entry));
}

static char *
csv_hub (gpointer entry)
{
  return g_strdup (hub_name (entry));
}

static char *
csv_role (gpointer entry)
{
  return g_strdup (hc_role_label (hc_audit_entry_get_role (entry)));
}

static char *
csv_action (gpointer entry)
{
  return g_strdup (hc_enum_to_nick (HC_TYPE_AUDIT_ACTION, hc_audit_entry_get_action (entry)));
}

static char *
csv_comment (gpointer entry)
{
  return g_strdup (hc_audit_entry_get_comment (entry) ? hc_audit_entry_get_comment (entry) : "");
}

static const HcCsvColumn csv_columns[] = {
  { .title = N_("Time"), .text = csv_time },
  { .title = N_("Hub"), .text = csv_hub },
  { .title = N_("Actor"), .property = "actor" },
  { .title = N_("Role"), .text = csv_role },
  { .title = N_("Action"), .text = csv_action },
  { .title = N_("Target"), .property = "target" },
  { .title = N_("HTTP Status"), .property = "status" },
  { .title = N_("Comment"), .text = csv_comment },
  { .title = N_("Address"), .property = "remote-address" },
};

static void
add_column (GtkColumnView      *view,
            const char         *title,
            const char         *column,
            GtkListItemFactory *factory,
            int                 width,
            gboolean            expand)
{
  g_autoptr(GtkColumnViewColumn) col = gtk_column_view_column_new (title, factory);

  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_column_set_expand (col, expand);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_column_set_sorter (col, sorter_for (column));
  g_object_unref (gtk_column_view_column_get_sorter (col));
  gtk_column_view_append_column (view, col);
}

static GtkListItemFactory *
label_factory (const char *column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), (gpointer) column);
  return factory;
}

/**
 * hc_audit_columns_setup:
 * Fills @view with the audit log's columns, newest first, and gives
 * @pane its search and export; a target link calls @open.
 */
void
hc_audit_columns_setup (GtkColumnView   *view,
                        HcListPane      *pane,
                        HcAuditOpenFunc  open,
                        gpointer         user_data)
{
  OpenData *data = g_new0 (OpenData, 1);
  GtkListItemFactory *link = gtk_signal_list_item_factory_new ();

  data->open = open;
  data->user_data = user_data;
  g_object_set_data_full (G_OBJECT (view), "hc-audit-open", data, g_free);
  g_signal_connect (link, "setup", G_CALLBACK (setup_link), data);
  g_signal_connect (link, "bind", G_CALLBACK (bind_link), data);
  g_signal_connect (link, "unbind", G_CALLBACK (unbind_link), NULL);

  add_column (view, _("Time"), "time", label_factory ("time"), 150, FALSE);
  add_column (view, _("Hub"), "hub", label_factory ("hub"), 120, FALSE);
  add_column (view, _("Actor"), "actor", label_factory ("actor"), 130, FALSE);
  add_column (view, _("Action"), "action", label_factory ("action"), 190, FALSE);
  add_column (view, _("Target"), "target", link, 150, FALSE);
  add_column (view, _("Result"), "result", label_factory ("result"), 120, FALSE);
  add_column (view, _("Comment"), "comment", label_factory ("comment"), 160, TRUE);
  add_column (view, _("Address"), "address", label_factory ("address"), 110, FALSE);

  hc_list_pane_set_search_expression (pane, gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                         G_CALLBACK (search_text), NULL, NULL));
  hc_list_pane_set_empty (pane, "document-open-recent-symbolic", _("No Audit Entries"),
                          _("Nobody has acknowledged, resolved or retried anything that matches these filters."));
  /* Translators: becomes a file name, “audit-log.csv”: keep it short, lower case, no spaces */
  hc_list_pane_set_export_name (pane, C_("file name", "audit-log"));
  hc_list_pane_set_csv_columns (pane, csv_columns, G_N_ELEMENTS (csv_columns));

  {
    g_autoptr(GtkColumnViewColumn) time_column = g_list_model_get_item (gtk_column_view_get_columns (view), 0);
    gtk_column_view_sort_by_column (view, time_column, GTK_SORT_DESCENDING);
  }
}
