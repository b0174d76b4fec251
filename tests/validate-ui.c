/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Validates a .ui file the way `gtk4-builder-tool validate` does: every
 * object type, property, signal, child and list-item template in it must
 * exist and take the values given. The GTK tool itself cannot load
 * libadwaita's widgets nor ours, so this is the same check built with the
 * console's UI library: types resolve by name to their _get_type()
 * functions (the executable exports them), a template's own class is
 * stood in for by an empty subclass of its parent, and handlers and
 * closure functions, which live in the real classes, are accepted by
 * name. One file per process: the stand-in takes the real class's name. */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#define HC_TYPE_VALIDATE_SCOPE (hc_validate_scope_get_type ())
G_DECLARE_FINAL_TYPE (HcValidateScope, hc_validate_scope, HC, VALIDATE_SCOPE, GtkBuilderCScope)

struct _HcValidateScope
{
  GtkBuilderCScope parent_instance;
};

static void hc_validate_scope_iface_init (GtkBuilderScopeInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HcValidateScope, hc_validate_scope, GTK_TYPE_BUILDER_CSCOPE,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDER_SCOPE, hc_validate_scope_iface_init))

static void
do_nothing (void)
{
}

static GClosure *
hc_validate_scope_create_closure (GtkBuilderScope        *scope,
                                  GtkBuilder             *builder,
                                  const char             *function_name,
                                  GtkBuilderClosureFlags  flags,
                                  GObject                *object,
                                  GError                **error)
{
  return g_cclosure_new (G_CALLBACK (do_nothing), NULL, NULL);
}

static void
hc_validate_scope_iface_init (GtkBuilderScopeInterface *iface)
{
  /* Type lookups stay GtkBuilderCScope's: by name, then by _get_type(). */
  iface->create_closure = hc_validate_scope_create_closure;
}

static void
hc_validate_scope_class_init (HcValidateScopeClass *klass)
{
}

static void
hc_validate_scope_init (HcValidateScope *self)
{
}

static GtkBuilder *
new_builder (void)
{
  GtkBuilder *builder = gtk_builder_new ();
  g_autoptr(GtkBuilderScope) scope = g_object_new (HC_TYPE_VALIDATE_SCOPE, NULL);

  gtk_builder_set_scope (builder, scope);
  return builder;
}

/* An object the file was built into, taken apart without warnings. A
 * window is left to the exit: GTK 4.8 warns when it destroys the bindings
 * of a window built outside its class's own template (the disposal order
 * gtk_widget_dispose_template() gives the real class is missing). */
static void
release (GObject *object)
{
  if (GTK_IS_WINDOW (object))
    return;
  if (GTK_IS_WIDGET (object))
    {
      GtkWidget *child;

      g_object_ref_sink (object);
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
        gtk_widget_unparent (child);
    }
  g_object_unref (object);
}

static gboolean
parse_template_error (const char  *message,
                      char       **class_name,
                      char       **parent_name)
{
  const char *c = strstr (message, "(class '");
  const char *p = strstr (message, ", parent '");

  if (c == NULL || p == NULL)
    return FALSE;
  c += strlen ("(class '");
  p += strlen (", parent '");
  *class_name = g_strndup (c, strcspn (c, "'"));
  *parent_name = g_strndup (p, strcspn (p, "'"));
  return TRUE;
}

static gboolean
validate_template (const char  *filename,
                   const char  *class_name,
                   const char  *parent_name,
                   GError     **error)
{
  g_autoptr(GtkBuilder) builder = new_builder ();
  GType parent, stand_in;
  GTypeQuery query;
  GObject *object;
  gboolean ok;

  if (g_type_from_name (class_name) != G_TYPE_INVALID)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   "%s is already registered; validate one file per process", class_name);
      return FALSE;
    }
  parent = gtk_builder_get_type_from_name (builder, parent_name);
  if (parent == G_TYPE_INVALID)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No template parent type %s", parent_name);
      return FALSE;
    }
  g_type_query (parent, &query);
  stand_in = g_type_register_static_simple (parent, class_name, query.class_size, NULL,
                                            query.instance_size, NULL, 0);

  object = g_object_new (stand_in, NULL);
  ok = gtk_builder_extend_with_template (builder, object, stand_in, " ", 1, error) &&
       gtk_builder_add_from_file (builder, filename, error);
  /* The builder first: it still watches the bindings it made on @object. */
  g_clear_object (&builder);
  release (object);
  return ok;
}

/* The GtkListItem templates a GtkBuilderListItemFactory holds as text,
 * built the way the factory builds them. */
static gboolean
validate_list_item_templates (const char  *contents,
                              guint       *count,
                              GError     **error)
{
  static const char open[] = "<property name=\"bytes\"><![CDATA[";
  const char *p = contents;

  *count = 0;
  while ((p = strstr (p, open)) != NULL)
    {
      const char *start = p + strlen (open);
      const char *end = strstr (start, "]]>");
      g_autoptr(GtkBuilder) builder = new_builder ();
      GObject *item;
      gboolean ok;

      if (end == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "Unterminated CDATA section");
          return FALSE;
        }
      item = g_object_new (GTK_TYPE_LIST_ITEM, NULL);
      ok = gtk_builder_extend_with_template (builder, item, GTK_TYPE_LIST_ITEM, start, end - start, error);
      g_clear_object (&builder);
      g_object_unref (item);
      if (!ok)
        {
          g_prefix_error (error, "list-item template %u: ", *count + 1);
          return FALSE;
        }
      (*count)++;
      p = end;
    }
  return TRUE;
}

static gboolean
validate_file (const char  *filename,
               GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *class_name = NULL;
  g_autofree char *parent_name = NULL;
  g_autoptr(GError) local = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  guint items = 0;

  if (!g_file_get_contents (filename, &contents, NULL, error))
    return FALSE;

  builder = new_builder ();
  if (!gtk_builder_add_from_file (builder, filename, &local))
    {
      if (!g_error_matches (local, GTK_BUILDER_ERROR, GTK_BUILDER_ERROR_UNHANDLED_TAG) ||
          !parse_template_error (local->message, &class_name, &parent_name))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (!validate_template (filename, class_name, parent_name, error))
        return FALSE;
    }
  else
    {
      /* Toplevels the builder made are ours to destroy. */
      g_autoptr(GSList) objects = gtk_builder_get_objects (builder);

      for (GSList *l = objects; l != NULL; l = l->next)
        if (GTK_IS_WINDOW (l->data))
          gtk_window_destroy (l->data);
    }

  if (!validate_list_item_templates (contents, &items, error))
    return FALSE;
  g_print ("%s: valid%s%s, %u list-item template%s\n", filename,
           class_name ? " template of " : "", class_name ? class_name : "",
           items, items == 1 ? "" : "s");
  return TRUE;
}

int
main (int argc, char *argv[])
{
  int status = 0;

  gtk_init ();
  adw_init ();
  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE.ui…\n", argv[0]);
      return 2;
    }
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!validate_file (argv[i], &error))
        {
          if (g_str_has_prefix (error->message, argv[i]))
            g_printerr ("%s\n", error->message);
          else
            g_printerr ("%s: %s\n", argv[i], error->message);
          status = 1;
        }
    }
  return status;
}
