/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-csv.h"
#include "hc-list-pane-private.h"
#include "hc-widget-util.h"

/*
 * The list pane's CSV export: the visible rows, in the visible order, in
 * the columns the page describes, written to a file the operator picks.
 */

static void
on_export_response (GtkNativeDialog *dialog,
                    int              response,
                    HcListPane      *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *overlay;
  g_autofree char *message = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  bytes = hc_list_pane_to_csv (self);

  /* A few megabytes at most; written in one go, replacing atomically. */
  if (g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                               NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                               NULL, NULL, &error))
    {
      g_autofree char *name = g_file_get_basename (file);
      message = g_strdup_printf (_("Exported to “%s”"), name);
    }
  else
    message = g_strdup_printf (_("Could not export: %s"), error->message);

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), hc_toast_new (message));

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
hc_list_pane_export_action (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  HcListPane *self = HC_LIST_PANE (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Export as CSV"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  name = g_strdup_printf ("%s.csv", self->export_name ? self->export_name
                                     /* Translators: becomes a file name, “export.csv”: keep it short, lower case, no spaces */
                                     : C_("file name", "export"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/**
 * hc_list_pane_set_csv_columns:
 * The columns of the CSV export, a static table of the page's.
 */
void
hc_list_pane_set_csv_columns (HcListPane        *self,
                              const HcCsvColumn *columns,
                              guint              n_columns)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));
  g_return_if_fail (columns != NULL || n_columns == 0);

  self->csv_columns = columns;
  self->n_csv_columns = n_columns;
}

static char *
csv_cell (const HcCsvColumn *column,
          GObject           *item)
{
  g_auto(GValue) value = G_VALUE_INIT;

  if (column->text != NULL)
    return column->text (item);

  g_object_get_property (item, column->property, &value);
  switch (G_VALUE_TYPE (&value))
    {
    case G_TYPE_STRING:
      return g_value_dup_string (&value);
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
    case G_TYPE_UINT64:
      return g_strdup_printf ("%" G_GUINT64_FORMAT, g_value_get_uint64 (&value));
    case G_TYPE_DOUBLE:
      return hc_csv_decimal (g_value_get_double (&value));
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * hc_list_pane_to_csv:
 * The visible rows, in the visible order, as the columns describe them.
 */
GBytes *
hc_list_pane_to_csv (HcListPane *self)
{
  g_autoptr(HcCsvWriter) writer = hc_csv_writer_new ();
  GListModel *model;
  guint n;

  g_return_val_if_fail (HC_IS_LIST_PANE (self), NULL);

  for (guint c = 0; c < self->n_csv_columns; c++)
    {
      const HcCsvColumn *column = &self->csv_columns[c];

      hc_csv_writer_add_field (writer, column->context != NULL
                                       ? g_dpgettext2 (NULL, column->context, column->title)
                                       : _(column->title));
    }
  hc_csv_writer_end_row (writer);

  model = G_LIST_MODEL (self->filter_model);
  n = g_list_model_get_n_items (model);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      for (guint c = 0; c < self->n_csv_columns; c++)
        {
          g_autofree char *text = csv_cell (&self->csv_columns[c], item);

          hc_csv_writer_add_field (writer, text);
        }
      hc_csv_writer_end_row (writer);
    }

  return hc_csv_writer_free_to_bytes (g_steal_pointer (&writer));
}

/* @file_name: the CSV file's name before ".csv", translated with the
 * msgctxt "file name" and a comment that says it becomes a file name. */
void
hc_list_pane_set_export_name (HcListPane *self,
                              const char *file_name)
{
  g_return_if_fail (HC_IS_LIST_PANE (self));

  g_free (self->export_name);
  self->export_name = g_strdup (file_name);
}
