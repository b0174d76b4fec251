/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <signal.h>
#include <string.h>

#include "hc-demo-launcher.h"

#define DEMO_HUB_PROGRAM "hub-console-demo-hub"
#define LISTENING_PREFIX "listening on "

struct _HcDemoLauncher
{
  GObject           parent_instance;

  GSubprocess      *process;
  GDataInputStream *stdout_stream;
  char             *url;
  char             *data_dir;   /* a fresh one for each start, removed at stop */
};

G_DEFINE_FINAL_TYPE (HcDemoLauncher, hc_demo_launcher, G_TYPE_OBJECT)

/**
 * hc_demo_launcher_find_program:
 * The demo hub beside the console's own executable (installed, Flatpak
 * and build tree alike), else $HC_DEMO_HUB, else on $PATH.
 */
char *
hc_demo_launcher_find_program (void)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *env = g_getenv ("HC_DEMO_HUB");

  if (env != NULL && g_file_test (env, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup (env);

  if (self_exe != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_exe);
      g_autofree char *sibling = g_build_filename (dir, DEMO_HUB_PROGRAM, NULL);

      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&sibling);
    }

  {
    g_autofree char *installed = g_build_filename (BINDIR, DEMO_HUB_PROGRAM, NULL);
    if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
      return g_steal_pointer (&installed);
  }

  return g_find_program_in_path (DEMO_HUB_PROGRAM);
}

static void
on_first_line (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  HcDemoLauncher *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;

  line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result, NULL, &error);
  if (line == NULL)
    {
      if (error == NULL)
        error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The demo hub stopped before it was ready."));
      hc_demo_launcher_stop (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (!g_str_has_prefix (line, LISTENING_PREFIX))
    {
      hc_demo_launcher_stop (self);
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("The demo hub did not say where it listens."));
      return;
    }

  g_free (self->url);
  self->url = g_strstrip (g_strdup (line + strlen (LISTENING_PREFIX)));
  g_task_return_pointer (task, g_strdup (self->url), g_free);
}

void
hc_demo_launcher_start_async (HcDemoLauncher      *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *program = NULL;

  g_return_if_fail (HC_IS_DEMO_LAUNCHER (self));
  g_return_if_fail (self->process == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_demo_launcher_start_async);

  program = hc_demo_launcher_find_program ();
  if (program == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The demo hub program “%s” is not installed."), DEMO_HUB_PROGRAM);
      return;
    }

  /* Nothing of the demo is kept: its database lives in a folder of its
   * own, made now and removed when it stops. */
  self->data_dir = g_dir_make_tmp ("hub-console-demo-XXXXXX", &error);
  if (self->data_dir == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* stdin is a pipe we never write: the hub exits when it closes. */
  self->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                                    &error, program, "--listen", "127.0.0.1:0",
                                    "--data-dir", self->data_dir, "--exit-with-stdin", NULL);
  if (self->process == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->stdout_stream = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  g_data_input_stream_read_line_async (self->stdout_stream, G_PRIORITY_DEFAULT, cancellable,
                                       on_first_line, g_steal_pointer (&task));
}

char *
hc_demo_launcher_start_finish (HcDemoLauncher  *self,
                               GAsyncResult    *result,
                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_demo_launcher_start_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
hc_demo_launcher_get_url (HcDemoLauncher *self)
{
  g_return_val_if_fail (HC_IS_DEMO_LAUNCHER (self), NULL);

  return self->url;
}

/* The demo hub's folder holds its database and SQLite's journal files,
 * nothing else. */
static void
remove_data_dir (HcDemoLauncher *self)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (self->data_dir == NULL)
    return;

  dir = g_dir_open (self->data_dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (self->data_dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (self->data_dir);
  g_clear_pointer (&self->data_dir, g_free);
}

/**
 * hc_demo_launcher_get_data_dir:
 * The folder of the running demo hub's database; NULL when stopped.
 */
const char *
hc_demo_launcher_get_data_dir (HcDemoLauncher *self)
{
  g_return_val_if_fail (HC_IS_DEMO_LAUNCHER (self), NULL);

  return self->data_dir;
}

void
hc_demo_launcher_stop (HcDemoLauncher *self)
{
  g_return_if_fail (HC_IS_DEMO_LAUNCHER (self));

  if (self->process != NULL)
    {
      /* Closing stdin asks it to exit cleanly; the signal makes sure. */
      g_output_stream_close (g_subprocess_get_stdin_pipe (self->process), NULL, NULL);
      g_subprocess_send_signal (self->process, SIGTERM);
      g_clear_object (&self->stdout_stream);
      g_clear_object (&self->process);
    }
  remove_data_dir (self);
}

static void
hc_demo_launcher_dispose (GObject *object)
{
  HcDemoLauncher *self = HC_DEMO_LAUNCHER (object);

  hc_demo_launcher_stop (self);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (hc_demo_launcher_parent_class)->dispose (object);
}

static void
hc_demo_launcher_class_init (HcDemoLauncherClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hc_demo_launcher_dispose;
}

static void
hc_demo_launcher_init (HcDemoLauncher *self)
{
}

HcDemoLauncher *
hc_demo_launcher_new (void)
{
  return g_object_new (HC_TYPE_DEMO_LAUNCHER, NULL);
}
