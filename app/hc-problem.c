/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "hc-fields.h"
#include "hc-problem.h"

/* Lenient: a problem body is read while something already went wrong, so
 * every member is optional; types and sizes are still checked. */

struct _HcProblem
{
  GObject parent_instance;

  char *problem_type;
  char *title;
  gint64 status;
  char *detail;
  char *instance;
};

G_DEFINE_FINAL_TYPE (HcProblem, hc_problem, G_TYPE_OBJECT)

static const HcField fields[] = {
  { .property = "problem-type",
    .json = "type",
    .kind = HC_FIELD_TEXT,
    .offset = G_STRUCT_OFFSET (HcProblem, problem_type) },
  { .property = "title",
    .json = "title",
    .kind = HC_FIELD_TEXT,
    .offset = G_STRUCT_OFFSET (HcProblem, title) },
  { .property = "status",
    .json = "status",
    .kind = HC_FIELD_INT,
    .offset = G_STRUCT_OFFSET (HcProblem, status),
    .min = 100,
    .max = 599 },
  { .property = "detail",
    .json = "detail",
    .kind = HC_FIELD_TEXT,
    .offset = G_STRUCT_OFFSET (HcProblem, detail) },
  { .property = "instance",
    .json = "instance",
    .kind = HC_FIELD_TEXT,
    .offset = G_STRUCT_OFFSET (HcProblem, instance) },
};

static gboolean
hc_problem_check (GObject  *object,
                  GError  **error)
{
  HcProblem *self = HC_PROBLEM (object);

  /* RFC 9457: an absent type means "about:blank". */
  if (self->problem_type == NULL || *self->problem_type == '\0')
    {
      g_free (self->problem_type);
      self->problem_type = g_strdup ("about:blank");
    }

  return TRUE;
}

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), hc_problem_check };

static void
hc_problem_class_init (HcProblemClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_problem_init (HcProblem *self)
{
}

const char *
hc_problem_get_problem_type (HcProblem *self)
{
  g_return_val_if_fail (HC_IS_PROBLEM (self), NULL);

  return self->problem_type;
}

const char *
hc_problem_get_title (HcProblem *self)
{
  g_return_val_if_fail (HC_IS_PROBLEM (self), NULL);

  return self->title;
}

gint64
hc_problem_get_status (HcProblem *self)
{
  g_return_val_if_fail (HC_IS_PROBLEM (self), 0);

  return self->status;
}

const char *
hc_problem_get_detail (HcProblem *self)
{
  g_return_val_if_fail (HC_IS_PROBLEM (self), NULL);

  return self->detail;
}

const char *
hc_problem_get_instance (HcProblem *self)
{
  g_return_val_if_fail (HC_IS_PROBLEM (self), NULL);

  return self->instance;
}

/* One part of the summary: trimmed, at most HC_PROBLEM_SUMMARY_PART
 * characters, NULL when empty. The parser already made it valid UTF-8. */
static char *
summary_part (const char *text)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL)
    return NULL;

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return NULL;

  if (g_utf8_strlen (trimmed, -1) > HC_PROBLEM_SUMMARY_PART)
    {
      g_autofree char *cut = g_utf8_substring (trimmed, 0, HC_PROBLEM_SUMMARY_PART);
      return g_strconcat (cut, "…", NULL);
    }

  return g_steal_pointer (&trimmed);
}

/**
 * hc_problem_dup_summary:
 * What the hub said, for an error message: "title: detail", or whichever
 * of the two it sent, each part trimmed and cut to
 * %HC_PROBLEM_SUMMARY_PART characters.
 *
 * Returns: (transfer full) (nullable): %NULL when neither says anything
 */
char *
hc_problem_dup_summary (HcProblem *self)
{
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;

  g_return_val_if_fail (HC_IS_PROBLEM (self), NULL);

  title = summary_part (self->title);
  detail = summary_part (self->detail);

  if (title != NULL && detail != NULL)
    return g_strdup_printf ("%s: %s", title, detail);
  if (detail != NULL)
    return g_steal_pointer (&detail);
  return g_steal_pointer (&title);
}
