/* SPDX-License-Identifier: GPL-3.0-or-later */
/* "Quality Report…": choose the hub (or all hubs), the period and the
 * language; the hubs' datasets are read whole, then the print dialog
 * opens. */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-report-dialog.h"
#include "hc-report-print.h"
#include "hc-report.h"
#include "hc-widget-util.h"

static const guint periods[] = { 7, 30, 90 };
static const char * const languages[] = { "en", "vi" };

typedef struct {
  GtkWindow    *parent;
  HcHubManager *manager;
  GSettings    *settings;
  GPtrArray    *hubs;      /* HcHub still to read */
  GPtrArray    *reports;   /* HcReportData */
  guint         period;
  const char   *language;
  GtkDropDown  *hub_choice, *period_choice, *language_choice;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->parent);
  g_clear_object (&job->manager);
  g_clear_object (&job->settings);
  g_clear_pointer (&job->hubs, g_ptr_array_unref);
  g_clear_pointer (&job->reports, g_ptr_array_unref);
  g_free (job);
}

static void
tell (Job        *job,
      const char *message)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (job->parent, _("No Report"), message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void read_next (Job *job);

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Job *job = user_data;
  HcHub *hub = HC_HUB (object);
  g_autoptr(GError) error = NULL;

  if (!hc_report_read_finish (hub, result, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The datasets of %s could not be read: %s"),
                                                  hc_hub_manager_get_hub_name (job->manager, hub), error->message);
      tell (job, message);
      job_free (job);
      return;
    }
  g_ptr_array_add (job->reports,
                   hc_report_count (hub, hc_hub_manager_get_hub_name (job->manager, hub),
                                    hc_client_get_base_url (hc_hub_get_client (hub)), job->period,
                                    g_settings_get_double (job->settings, "score-warning-below"),
                                    g_settings_get_double (job->settings, "score-critical-below"),
                                    g_get_real_time () / G_USEC_PER_SEC));
  g_ptr_array_remove_index (job->hubs, 0);
  read_next (job);
}

static void
read_next (Job *job)
{
  g_autoptr(GError) error = NULL;
  static const HcListKind needed[] = { HC_LIST_DATASETS, HC_LIST_SOURCES, HC_LIST_POOLS, HC_LIST_ALERTS };

  if (job->hubs->len == 0)
    {
      if (!hc_report_print_run (job->parent, job->reports, job->language, NULL, &error))
        tell (job, error->message);
      job_free (job);
      return;
    }
  /* Unknown is not zero: a hub not read whole makes no report. */
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (hc_hub_get_state (job->hubs->pdata[0]) != HC_HUB_CONNECTED ||
        !hc_hub_get_list_complete (job->hubs->pdata[0], needed[i]))
      {
        g_autofree char *message =
          g_strdup_printf (_("%s is not connected, or its lists are not read whole yet: its report would "
                             "leave figures out. Try again once it is connected."),
                           hc_hub_manager_get_hub_name (job->manager, job->hubs->pdata[0]));
        tell (job, message);
        job_free (job);
        return;
      }
  hc_report_read_async (job->hubs->pdata[0], NULL, on_read, job);
}

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             Job              *job)
{
  guint hub = gtk_drop_down_get_selected (job->hub_choice);
  GListModel *all = hc_hub_manager_get_hubs (job->manager);

  if (g_strcmp0 (response, "print") != 0)
    {
      job_free (job);
      return;
    }
  job->period = periods[MIN (gtk_drop_down_get_selected (job->period_choice), G_N_ELEMENTS (periods) - 1)];
  job->language = languages[MIN (gtk_drop_down_get_selected (job->language_choice), G_N_ELEMENTS (languages) - 1)];
  job->hubs = g_ptr_array_new_with_free_func (g_object_unref);
  job->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) hc_report_data_free);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    if (hub == 0 || hub == i + 1)
      g_ptr_array_add (job->hubs, g_list_model_get_item (all, i));
  read_next (job);
}

static GtkDropDown *
add_choice (GtkGrid            *grid,
            int                 row,
            const char         *title,
            const char * const *items)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (title);
  GtkWidget *choice = gtk_drop_down_new_from_strings (items);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), choice);
  gtk_widget_set_hexpand (choice, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, choice, 1, row, 1, 1);
  return GTK_DROP_DOWN (choice);
}

/**
 * hc_report_dialog_new:
 * @scope: (nullable): the hub chosen at first, or %NULL for all hubs
 */
GtkWidget *
hc_report_dialog_new (GtkWindow    *parent,
                      HcHubManager *manager,
                      HcHub        *scope,
                      GSettings    *settings)
{
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Quality Report"),
                                              _("The report opens in the print dialog: preview it there, print it, "
                                                "or choose “Print to File” for a PDF."));
  GListModel *all = hc_hub_manager_get_hubs (manager);
  g_autoptr(GPtrArray) hub_names = g_ptr_array_new ();
  const char *period_names[] = { _("7 Days"), _("30 Days"), _("90 Days"), NULL };
  /* The languages as their speakers name them. */
  const char *language_names[] = { _("English"), _("Vietnamese"), NULL };
  GtkGrid *grid = GTK_GRID (gtk_grid_new ());
  Job *job = g_new0 (Job, 1);

  job->parent = g_object_ref (parent);
  job->manager = g_object_ref (manager);
  job->settings = g_object_ref (settings);

  g_ptr_array_add (hub_names, (gpointer) _("All Hubs"));
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(HcHub) hub = g_list_model_get_item (all, i);
      g_ptr_array_add (hub_names, (gpointer) hc_hub_manager_get_hub_name (manager, hub));
    }
  g_ptr_array_add (hub_names, NULL);

  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 12);
  job->hub_choice = add_choice (grid, 0, _("_Hub"), (const char * const *) hub_names->pdata);
  job->period_choice = add_choice (grid, 1, _("_Period"), period_names);
  job->language_choice = add_choice (grid, 2, _("_Language"), language_names);
  gtk_drop_down_set_selected (job->period_choice, 1);
  gtk_drop_down_set_selected (job->language_choice, g_str_has_prefix (g_get_language_names ()[0], "vi") ? 1 : 0);
  for (guint i = 0; scope != NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(HcHub) hub = g_list_model_get_item (all, i);
      if (hub == scope)
        gtk_drop_down_set_selected (job->hub_choice, i + 1);
    }
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (grid));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "print", _("_Print…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "print", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "print");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), job);
  return dialog;
}
