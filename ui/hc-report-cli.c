/* SPDX-License-Identifier: GPL-3.0-or-later */
/* `hub-console --report=quality --output=FILE.pdf`: the quality report of
 * one hub without a window, for a scheduled job. It prints nothing but a
 * clear error, and leaves no file behind when it fails. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hc-demo-launcher.h"
#include "hc-error.h"
#include "hc-hub-manager.h"
#include "hc-report-cli.h"
#include "hc-report-render.h"

#define TIMEOUT_SECONDS 90

typedef struct {
  GMainLoop *loop;
  gboolean   done;
  char      *url;       /* the demo hub's */
  GError    *error;
} Wait;

/* Quiet: the job's log holds only what went wrong. */
static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (level & (G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG))
    return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static gboolean
on_timeout (gpointer user_data)
{
  Wait *wait = user_data;

  wait->done = TRUE;
  g_main_loop_quit (wait->loop);
  return G_SOURCE_REMOVE;
}

static void
on_demo_started (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Wait *wait = user_data;

  wait->url = hc_demo_launcher_start_finish (HC_DEMO_LAUNCHER (object), result, &wait->error);
  wait->done = TRUE;
  g_main_loop_quit (wait->loop);
}

static void
on_read (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *wait = user_data;

  hc_report_read_finish (HC_HUB (object), result, &wait->error);
  wait->done = TRUE;
  g_main_loop_quit (wait->loop);
}

static void
on_hub_changed (Wait *wait)
{
  g_main_loop_quit (wait->loop);
}

static const HcListKind needed[] = { HC_LIST_DATASETS, HC_LIST_SOURCES, HC_LIST_POOLS, HC_LIST_ALERTS };

/* Connected, /me read and every list the report needs read whole; or why
 * not, once the hub has given up. */
static gboolean
hub_ready (HcHub       *hub,
           const char  *url,
           GError     **error)
{
  HcHubState state = hc_hub_get_state (hub);
  const GError *last = hc_hub_get_last_error (hub);

  if (state == HC_HUB_SIGNED_OUT)
    {
      g_set_error (error, HC_ERROR, HC_ERROR_UNAUTHORIZED,
                   _("No valid token for %s: the keyring has none, or the hub refused it. Sign in from Preferences first."),
                   url);
      return FALSE;
    }
  if (state == HC_HUB_OFFLINE)
    {
      g_set_error (error, HC_ERROR, HC_ERROR_UNREACHABLE, _("The hub at %s cannot be reached: %s"), url,
                   last ? last->message : _("no answer"));
      return FALSE;
    }
  if (state != HC_HUB_CONNECTED || hc_hub_get_me (hub) == NULL || hc_hub_get_loading (hub))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    if (!hc_hub_get_list_complete (hub, needed[i]))
      {
        const GError *list_error = hc_hub_get_list_error (hub, needed[i]);

        g_set_error (error, HC_ERROR, HC_ERROR_MALFORMED_RESPONSE, _("The hub's list of %s could not be read: %s"),
                     hc_list_kind_get_info (needed[i])->path,
                     list_error ? list_error->message : _("no answer"));
        return FALSE;
      }
  return TRUE;
}

static gboolean
parse_options (GVariantDict  *options,
               char         **output,
               int           *period,
               char         **url,
               gboolean      *demo,
               GError       **error)
{
  const char *report = NULL;

  g_variant_dict_lookup (options, "report", "&s", &report);
  g_variant_dict_lookup (options, "output", "^ay", output);
  *period = 30;
  g_variant_dict_lookup (options, "period", "i", period);
  g_variant_dict_lookup (options, "hub", "s", url);
  *demo = g_variant_dict_contains (options, "demo");

  if (g_strcmp0 (report, "quality") != 0)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("Unknown report “%s”: the one report is “quality”."), report);
  else if (*output == NULL || **output == '\0')
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Say where to write the report: --output=FILE.pdf."));
  else if (*period < 1 || *period > 90)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                 _("The period is 1 to 90 days (the hub keeps 90 days of history), not %d."), *period);
  else if ((*url == NULL) == !*demo)
    g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE, _("Choose one hub: --hub=URL or --demo."));
  return *error == NULL;
}

static int
fail (GError *error)
{
  g_printerr (_("hub-console: no report: %s\n"), error->message);
  return 1;
}

/**
 * hc_report_cli_run:
 * Makes the report the command line asks for. Returns the exit status.
 */
int
hc_report_cli_run (GVariantDict *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL, *url = NULL, *part = NULL;
  g_autoptr(HcDemoLauncher) launcher = NULL;
  g_autoptr(HcHubManager) manager = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(HcReportData) data = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Wait wait = { .loop = loop };
  const char *name;
  HcHub *hub = NULL;
  gboolean demo;
  guint timeout;
  int period;

  g_log_set_writer_func (log_writer, NULL, NULL);
  if (!parse_options (options, &output, &period, &url, &demo, &error))
    return fail (error);

  timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, on_timeout, &wait);
  settings = g_settings_new (APP_ID);
  {
    g_autoptr(HcProfileStore) profiles = hc_profile_store_new (settings);
    g_autoptr(HcSecrets) secrets = hc_secrets_new ();

    manager = hc_hub_manager_new (profiles, secrets, NULL);
  }

  if (demo)
    {
      launcher = hc_demo_launcher_new ();
      hc_demo_launcher_start_async (launcher, NULL, on_demo_started, &wait);
      while (!wait.done)
        g_main_loop_run (loop);
      if (wait.url == NULL)
        {
          if (wait.error == NULL)
            wait.error = g_error_new (HC_ERROR, HC_ERROR_UNREACHABLE, _("The demo hub did not start in time."));
          g_source_remove (timeout);
          return fail (wait.error);
        }
      url = g_steal_pointer (&wait.url);
      name = _("Demo hub");
      hc_hub_manager_start (manager);
      hub = hc_hub_manager_add_session_hub (manager, name, url, HC_DEMO_OPERATOR_TOKEN);
    }
  else
    {
      HcProfile *profile = hc_profile_store_find_by_url (hc_hub_manager_get_profiles (manager), url);

      if (profile == NULL)
        {
          g_source_remove (timeout);
          error = g_error_new (HC_ERROR, HC_ERROR_UNAUTHORIZED,
                               _("No hub at %s is set up, so there is no token for it in the keyring. "
                                 "Add it in Preferences first."), url);
          return fail (error);
        }
      name = hc_profile_get_name (profile);
      hc_hub_manager_start (manager);
      hub = hc_hub_manager_lookup (manager, hc_profile_get_id (profile));
    }
  g_assert (hub != NULL);

  g_signal_connect_swapped (hub, "notify", G_CALLBACK (on_hub_changed), &wait);
  wait.done = FALSE;
  while (!wait.done && !hub_ready (hub, url, &error) && error == NULL)
    g_main_loop_run (loop);
  if (error == NULL && !hub_ready (hub, url, &error) && error == NULL)
    error = g_error_new (HC_ERROR, HC_ERROR_UNREACHABLE, _("The hub at %s did not answer in time."), url);
  if (error == NULL)
    {
      wait.done = FALSE;
      hc_report_read_async (hub, NULL, on_read, &wait);
      while (!wait.done)
        g_main_loop_run (loop);
      if (wait.error != NULL)
        error = g_steal_pointer (&wait.error);
    }
  g_signal_handlers_disconnect_by_data (hub, &wait);
  g_clear_handle_id (&timeout, g_source_remove);

  if (error == NULL)
    {
      data = hc_report_count (hub, name, url, period,
                              g_settings_get_double (settings, "score-warning-below"),
                              g_settings_get_double (settings, "score-critical-below"),
                              g_get_real_time () / G_USEC_PER_SEC);
      /* Written beside, then renamed: the file is whole or absent. */
      part = g_strconcat (output, ".part", NULL);
      if (hc_report_render_pdf (data, part, &error) && g_rename (part, output) != 0)
        {
          int saved = errno;

          g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved), _("Could not write %s: %s"), output,
                       g_strerror (saved));
          g_unlink (part);
        }
    }

  hc_hub_manager_stop (manager);
  if (launcher != NULL)
    hc_demo_launcher_stop (launcher);
  g_clear_error (&wait.error);
  g_free (wait.url);
  return error ? fail (error) : 0;
}
