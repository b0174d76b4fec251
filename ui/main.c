/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hc-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(HcApplication) app = NULL;

  const char *localedir = g_getenv ("HC_LOCALEDIR");

  setlocale (LC_ALL, "");
  /* HC_LOCALEDIR lets an uninstalled build (tests, build-aux/dev) use the
   * catalogs in its build tree. */
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = hc_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
