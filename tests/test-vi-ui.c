/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The console in Vietnamese, every page and dialog against the demo hub:
 * no text shown equals its English source (the msgids of po/vi.po, less
 * the exceptions in tests/test-vi-ui-allowed.txt), no column header, no
 * status badge and no word of the catalog in a list cell is cut off, and no ISO date stands in a
 * sentence. Run with LANGUAGE=vi; the locale is C.UTF-8 unless
 * HC_TEST_LOCALE names one the machine has (vi_VN.UTF-8 is rarely
 * generated), so digit grouping is the C locale's there. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "hc-application.h"
#include "hc-audit-window.h"
#include "hc-demo-launcher.h"
#include "hc-hub-dialog.h"
#include "hc-preferences-window.h"
#include "hc-test-ui.h"
#include "hc-triage-dialog.h"
#include "hc-window.h"

typedef struct {
  HcApplication  *app;
  HcDemoLauncher *launcher;
  char           *url;
  HcWindow       *window;
  HcHub          *hub;

  GHashTable     *english;      /* msgids, with and without the mnemonic */
  GHashTable     *vietnamese;   /* msgstrs: the catalog's words in a cell */
  GHashTable     *allowed;      /* shown as they are in Vietnamese too */
  GRegex         *iso_date;
  GPtrArray      *problems;
  const char     *where;
  guint           n_texts;
  guint           n_headers;
  guint           n_shots;
} Fixture;

/* ---- the catalog and the exceptions ------------------------------------ */

static char *
po_unquote (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  GString *text = g_string_new (NULL);

  g_assert_true (start != NULL && end != NULL && end > start);
  for (const char *p = start + 1; p < end; p++)
    {
      if (*p == '\\' && p + 1 < end)
        {
          p++;
          g_string_append_c (text, *p == 'n' ? '\n' : *p == 't' ? '\t' : *p);
        }
      else
        g_string_append_c (text, *p);
    }
  return g_string_free (text, FALSE);
}

static void
add_english (GHashTable *english,
             char       *msgid)
{
  char *underscore = strchr (msgid, '_');

  if (*msgid == '\0')
    {
      g_free (msgid);
      return;
    }
  /* "_Retry Now" is shown as "Retry Now". */
  if (underscore != NULL)
    {
      GString *plain = g_string_new (msgid);
      g_string_erase (plain, underscore - msgid, 1);
      g_hash_table_add (english, g_string_free (plain, FALSE));
    }
  g_hash_table_add (english, msgid);
}

/* vi.po is kept unwrapped: one line per msgid and msgstr. */
static GHashTable *
load_strings (const char *path,
              const char *prefix,
              const char *plural_prefix)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *english = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], prefix) || g_str_has_prefix (lines[i], plural_prefix))
      add_english (english, po_unquote (lines[i]));
  g_assert_cmpuint (g_hash_table_size (english), >, 500);
  return english;
}

static GHashTable *
load_allowed (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *allowed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && lines[i][0] != '#')
      g_hash_table_add (allowed, g_strdup (lines[i]));
  return allowed;
}

/* ---- what is shown ------------------------------------------------------ */

static gboolean
is_number (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p) && !strchr (" .,:%-+/", *p))
      return FALSE;
  return TRUE;
}

static void
check_text (Fixture    *f,
            const char *text,
            const char *kind)
{
  g_autofree char *stripped = NULL;

  if (text == NULL || *text == '\0')
    return;
  f->n_texts++;
  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0' || is_number (stripped) || g_hash_table_contains (f->allowed, stripped))
    return;
  if (g_hash_table_contains (f->english, stripped))
    g_ptr_array_add (f->problems, g_strdup_printf ("%s: %s “%s” is shown in English", f->where, kind, stripped));
  if (g_regex_match (f->iso_date, stripped, 0, NULL))
    g_ptr_array_add (f->problems, g_strdup_printf ("%s: %s “%s” holds an ISO date", f->where, kind, stripped));
}

static void
check_menu (Fixture    *f,
            GMenuModel *menu)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text (f, label, "menu item");
      links = g_menu_model_iterate_item_links (menu, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) sub = g_menu_link_iter_get_value (links);
          check_menu (f, sub);
        }
    }
}

/* A label cut off: its layout ellipsized, narrower than its text, or
 * reaching past @frame, its column's title or cell, which clips it. */
static gboolean
label_cut_off (GtkLabel  *label,
               GtkWidget *frame)
{
  graphene_rect_t bounds;
  int natural = 0;

  if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return TRUE;
  if (frame != NULL && gtk_widget_compute_bounds (GTK_WIDGET (label), frame, &bounds) &&
      bounds.origin.x + bounds.size.width > gtk_widget_get_width (frame) + 0.5)
    return TRUE;
  if (gtk_label_get_wrap (label))
    return FALSE;
  gtk_widget_measure (GTK_WIDGET (label), GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return natural > gtk_widget_get_width (GTK_WIDGET (label));
}

/* An inscription (a list's cell) is given its width: it is cut off when
 * its text is wider, or it is not wholly inside @frame. */
static gboolean
inscription_cut_off (GtkInscription *inscription,
                     GtkWidget      *frame)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (inscription),
                                                                  gtk_inscription_get_text (inscription));
  graphene_rect_t bounds;
  int width = 0;

  if (frame != NULL && gtk_widget_compute_bounds (GTK_WIDGET (inscription), frame, &bounds) &&
      bounds.origin.x + bounds.size.width > gtk_widget_get_width (frame) + 0.5)
    return TRUE;
  pango_layout_get_pixel_size (layout, &width, NULL);
  return width > gtk_widget_get_width (GTK_WIDGET (inscription));
}

/* In a column view: the header's labels are never cut off, and neither is
 * a cell's label whose text is a word of the catalog (a state, a severity). */
static void
check_column_view (Fixture   *f,
                   GtkWidget *widget,
                   GtkWidget *frame,
                   gboolean   in_header)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      gboolean header = in_header || g_str_equal (gtk_widget_get_css_name (child), "header");
      /* A column's title (a button in the header) or a cell clips what it holds. */
      GtkWidget *child_frame = (in_header && g_str_equal (gtk_widget_get_css_name (child), "button")) ||
                               g_str_equal (gtk_widget_get_css_name (child), "cell") ? child : frame;

      if (!gtk_widget_get_mapped (child))
        continue;
      if (GTK_IS_LABEL (child) || GTK_IS_INSCRIPTION (child))
        {
          const char *text = hc_test_widget_text (child) != NULL ? hc_test_widget_text (child) : "";
          GtkWidget *parent = gtk_widget_get_parent (child);
          /* Cells show hub data too (titles, names), which may be cut
           * off; the catalog's words (a state, a kind) and status badges not. */
          gboolean badge = HC_IS_STATUS_BADGE (parent) ||
                           (parent != NULL && HC_IS_STATUS_BADGE (gtk_widget_get_parent (parent))) ||
                           g_hash_table_contains (f->vietnamese, text);

          if (header)
            f->n_headers++;
          /* A row bound but not yet laid out (0 px: a slow sanitizer
           * build reads between frames) is not cut off, only not there yet. */
          if ((header || badge) && *text != '\0' && gtk_widget_get_width (child) > 0 &&
              (GTK_IS_LABEL (child) ? label_cut_off (GTK_LABEL (child), frame)
                                    : inscription_cut_off (GTK_INSCRIPTION (child), frame)))
            g_ptr_array_add (f->problems,
                             g_strdup_printf ("%s: %s “%s” is cut off (%d px wide)", f->where,
                                              header ? "column header" : "cell", text,
                                              gtk_widget_get_width (child)));
        }
      check_column_view (f, child, child_frame, header);
    }
}

static void
check_widget (Fixture   *f,
              GtkWidget *widget)
{
  const char *tooltip;

  if (!gtk_widget_get_mapped (widget))
    return;

  if (GTK_IS_LABEL (widget))
    check_text (f, gtk_label_get_text (GTK_LABEL (widget)), "label");
  if (GTK_IS_INSCRIPTION (widget))
    check_text (f, gtk_inscription_get_text (GTK_INSCRIPTION (widget)), "cell");
  tooltip = gtk_widget_get_tooltip_text (widget);
  check_text (f, tooltip, "tooltip");
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (widget), "placeholder-text"))
    {
      g_autofree char *placeholder = NULL;
      g_object_get (widget, "placeholder-text", &placeholder, NULL);
      check_text (f, placeholder, "placeholder");
    }
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    check_menu (f, gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));
  if (GTK_IS_COLUMN_VIEW (widget))
    check_column_view (f, widget, NULL, FALSE);
  if (GTK_IS_WINDOW (widget))
    check_text (f, gtk_window_get_title (GTK_WINDOW (widget)), "window title");

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    check_widget (f, child);
}

static void
collect_by_type (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_by_type (child, type, found);
}

static void
check_shown (Fixture    *f,
             GtkWidget  *root,
             const char *where)
{
  guint before = f->n_texts;

  f->where = where;
  hc_test_settle (300);
  check_widget (f, root);
  {
    g_autofree char *name = g_strdup_printf ("vi-%02u.png", ++f->n_shots);
    hc_test_screenshot (root, name);
    g_test_message ("%s: %s", name, where);
  }
  g_test_message ("%s: %u texts", where, f->n_texts - before);
  g_assert_cmpuint (f->n_texts - before, >, 3);
}

/* ---- driving the console ------------------------------------------------ */

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

typedef struct {
  GType      type;
  GtkWindow *found;
} Wanted;

static gboolean
toplevel_shown (gpointer data)
{
  Wanted *wanted = data;

  wanted->found = find_toplevel (wanted->type);
  return wanted->found != NULL && gtk_widget_get_mapped (GTK_WIDGET (wanted->found));
}

static GtkWindow *
wait_toplevel (GType type)
{
  Wanted wanted = { type, NULL };

  hc_test_spin_until (toplevel_shown, &wanted, 10);
  return wanted.found;
}

/* Opens the first row's detail of @pane and checks the page with it. */
static void
check_with_detail (Fixture    *f,
                   HcListPane *pane,
                   const char *where)
{
  GListModel *visible = hc_list_pane_get_visible_model (pane);
  g_autoptr(GObject) first = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (visible), >, 0);
  first = g_list_model_get_item (visible, 0);
  hc_list_pane_select_item (pane, first);
  hc_test_settle (1500);
  check_shown (f, GTK_WIDGET (f->window), where);
}

static void
check_section (Fixture    *f,
               const char *section,
               HcListPane *pane)
{
  g_autofree char *where = g_strdup_printf ("section %s", section);
  g_autofree char *where_detail = g_strdup_printf ("section %s, a row's detail", section);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", section));
  check_shown (f, GTK_WIDGET (f->window), where);
  if (pane != NULL)
    check_with_detail (f, pane, where_detail);
}

static void
check_dialog (Fixture    *f,
              GType       type,
              const char *where)
{
  GtkWindow *dialog = wait_toplevel (type);

  g_assert_nonnull (dialog);
  check_shown (f, GTK_WIDGET (dialog), where);
  gtk_window_destroy (dialog);
  hc_test_settle (200);
}

static void
test_vi_everything (gconstpointer data)
{
  Fixture *f = (Fixture *) data;
  HcHubManager *manager = hc_application_get_hub_manager (f->app);
  static const char *const sections[] = { "overview", "ingestion", "quality", "storage", "security" };
  HcSecurityPage *security;
  GtkWindow *prefs;

  f->window = hc_application_new_window (f->app);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  hc_test_wait_mapped (GTK_WIDGET (f->window));

  /* No hub yet: every section's empty state. */
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *where = g_strdup_printf ("section %s, no hub", sections[i]);
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.section", "s", sections[i]));
      check_shown (f, GTK_WIDGET (f->window), where);
    }

  f->launcher = hc_demo_launcher_new ();
  f->url = hc_test_start_demo_hub (f->launcher);
  hc_hub_manager_start (manager);
  /* A supervisor may acknowledge and resolve: both dialogs can be opened. */
  f->hub = hc_hub_manager_add_session_hub (manager, "Trung tâm mẫu", f->url, "demo-supervisor-token");
  hc_test_wait_hub_ready (f->hub, 60);

  check_section (f, "overview", NULL);
  check_section (f, "ingestion", hc_ingestion_page_get_pane (hc_window_get_ingestion_page (f->window)));
  check_section (f, "quality", hc_quality_page_get_pane (hc_window_get_quality_page (f->window)));
  check_section (f, "storage", hc_storage_page_get_pane (hc_window_get_storage_page (f->window)));
  {
    GtkStack *stack = GTK_STACK (hc_test_find_by_type (GTK_WIDGET (hc_window_get_storage_page (f->window)),
                                                       GTK_TYPE_STACK));
    gtk_stack_set_visible_child_name (stack, "nodes");
    check_shown (f, GTK_WIDGET (f->window), "section storage, nodes");
    gtk_stack_set_visible_child_name (stack, "pools");
  }
  security = hc_window_get_security_page (f->window);
  check_section (f, "security", hc_security_page_get_pane (security));

  /* The triage dialogs, on the selected alert. */
  if (gtk_widget_activate_action (GTK_WIDGET (security), "security.acknowledge", NULL) &&
      find_toplevel (HC_TYPE_TRIAGE_DIALOG) != NULL)
    check_dialog (f, HC_TYPE_TRIAGE_DIALOG, "triage dialog, acknowledge");
  else
    g_test_message ("the acknowledge dialog is not offered for the first alert");
  if (gtk_widget_activate_action (GTK_WIDGET (security), "security.resolve", NULL) &&
      find_toplevel (HC_TYPE_TRIAGE_DIALOG) != NULL)
    check_dialog (f, HC_TYPE_TRIAGE_DIALOG, "triage dialog, resolve");
  else
    g_test_message ("the resolve dialog is not offered for the first alert");

  /* The audit log, as the supervisor reads it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.audit", NULL));
  check_dialog (f, HC_TYPE_AUDIT_WINDOW, "audit log");

  /* Preferences, each page, and the hub dialog. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  prefs = wait_toplevel (HC_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  {
    g_autoptr(GPtrArray) pages = g_ptr_array_new ();

    collect_by_type (GTK_WIDGET (prefs), ADW_TYPE_PREFERENCES_PAGE, pages);
    g_assert_cmpuint (pages->len, >=, 2);
    for (guint i = 0; i < pages->len; i++)
      {
        AdwPreferencesPage *page = pages->pdata[i];
        g_autofree char *where = g_strdup_printf ("Preferences, page “%s”", adw_preferences_page_get_title (page));

        /* The window's own pages only, not the page of its search. */
        if (!ADW_IS_VIEW_STACK (gtk_widget_get_parent (GTK_WIDGET (page))))
          continue;

        adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs), page);
        check_shown (f, GTK_WIDGET (prefs), where);
      }
  }
  {
    HcHubDialog *dialog = hc_hub_dialog_new (prefs, manager, NULL);
    gtk_window_present (GTK_WINDOW (dialog));
    check_dialog (f, HC_TYPE_HUB_DIALOG, "hub dialog, Add Hub");
  }
  gtk_window_destroy (prefs);

  /* Keyboard shortcuts and About. */
  if (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-help-overlay", NULL))
    check_dialog (f, GTK_TYPE_SHORTCUTS_WINDOW, "keyboard shortcuts");
  /* About: the texts the console gives it (libadwaita's own words come from
   * its catalog, which may not be installed). */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "about", NULL);
  {
    AdwAboutWindow *about = ADW_ABOUT_WINDOW (wait_toplevel (ADW_TYPE_ABOUT_WINDOW));
    const char *const *developers = adw_about_window_get_developers (about);

    f->where = "About";
    check_text (f, adw_about_window_get_comments (about), "comments");
    check_text (f, adw_about_window_get_developer_name (about), "developer name");
    check_text (f, adw_about_window_get_translator_credits (about), "translator credits");
    for (guint i = 0; developers != NULL && developers[i] != NULL; i++)
      check_text (f, developers[i], "developer");
    gtk_window_destroy (GTK_WINDOW (about));
  }

  for (guint i = 0; i < f->problems->len; i++)
    g_printerr ("%s\n", (char *) f->problems->pdata[i]);
  g_test_message ("%u texts and %u column headers checked", f->n_texts, f->n_headers);
  g_assert_cmpuint (f->n_headers, >, 20);
  g_assert_cmpuint (f->problems->len, ==, 0);

  hc_hub_manager_remove_session_hub (manager, f->hub);
  hc_test_destroy_window (GTK_WINDOW (f->window));
  hc_demo_launcher_stop (f->launcher);
  g_clear_object (&f->launcher);
  g_clear_pointer (&f->url, g_free);
}

int
main (int argc, char *argv[])
{
  Fixture fixture = { 0 };
  const char *locale = g_getenv ("HC_TEST_LOCALE");
  int status;

  if (locale == NULL || setlocale (LC_ALL, locale) == NULL)
    setlocale (LC_ALL, "C.UTF-8");
  gtk_disable_setlocale ();
  gtk_test_init (&argc, &argv, NULL);
  hc_test_init_ui ();
  adw_init ();
  hc_test_add_icons ();
  g_assert_cmpstr (g_getenv ("LANGUAGE"), ==, "vi");

  fixture.app = hc_test_new_app ();

  fixture.english = load_strings (g_getenv ("HC_VI_PO"), "msgid \"", "msgid_plural \"");
  fixture.vietnamese = load_strings (g_getenv ("HC_VI_PO"), "msgstr \"", "msgstr[");
  fixture.allowed = load_allowed (g_getenv ("HC_VI_ALLOWED"));
  fixture.iso_date = g_regex_new ("(^|[^0-9])[12][0-9]{3}-[01][0-9]-[0-3][0-9]($|[^0-9T])", 0, 0, NULL);
  fixture.problems = g_ptr_array_new_with_free_func (g_free);

  g_test_add_data_func ("/vi/everything", &fixture, test_vi_everything);
  status = g_test_run ();

  g_clear_pointer (&fixture.english, g_hash_table_unref);
  g_clear_pointer (&fixture.vietnamese, g_hash_table_unref);
  g_clear_pointer (&fixture.allowed, g_hash_table_unref);
  g_clear_pointer (&fixture.iso_date, g_regex_unref);
  g_clear_pointer (&fixture.problems, g_ptr_array_unref);
  g_clear_object (&fixture.app);
  return status;
}
