/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One job: writing the store's rows as JSON, into a builder or as text. */
#include "config.h"

#include <string.h>

#include "hc-demo-json.h"

void
hc_demo_json_init_builder (HcDemoJson  *j,
                           JsonBuilder *builder)
{
  memset (j, 0, sizeof *j);
  j->builder = builder;
}

void
hc_demo_json_init_text (HcDemoJson *j,
                        GString    *text)
{
  memset (j, 0, sizeof *j);
  j->text = text;
}

/* A comma before every value or member but the first of its container. */
static void
separate (HcDemoJson *j)
{
  guint64 bit = G_GUINT64_CONSTANT (1) << MIN (j->depth, 63);

  if (j->after_name)
    {
      j->after_name = FALSE;
      return;
    }
  if (j->started & bit)
    g_string_append_c (j->text, ',');
  j->started |= bit;
}

static void
open_container (HcDemoJson *j,
                char        c)
{
  separate (j);
  g_string_append_c (j->text, c);
  j->depth++;
  j->started &= ~(G_GUINT64_CONSTANT (1) << MIN (j->depth, 63));
}

static void
close_container (HcDemoJson *j,
                 char        c)
{
  g_return_if_fail (j->depth > 0);
  g_string_append_c (j->text, c);
  j->depth--;
}

void
hc_demo_json_begin_object (HcDemoJson *j)
{
  if (j->builder != NULL)
    json_builder_begin_object (j->builder);
  else
    open_container (j, '{');
}

void
hc_demo_json_end_object (HcDemoJson *j)
{
  if (j->builder != NULL)
    json_builder_end_object (j->builder);
  else
    close_container (j, '}');
}

void
hc_demo_json_begin_array (HcDemoJson *j)
{
  if (j->builder != NULL)
    json_builder_begin_array (j->builder);
  else
    open_container (j, '[');
}

void
hc_demo_json_end_array (HcDemoJson *j)
{
  if (j->builder != NULL)
    json_builder_end_array (j->builder);
  else
    close_container (j, ']');
}

void
hc_demo_json_member (HcDemoJson *j,
                     const char *name)
{
  if (j->builder != NULL)
    {
      json_builder_set_member_name (j->builder, name);
      return;
    }
  separate (j);
  hc_demo_json_append_string (j->text, name);
  g_string_append_c (j->text, ':');
  j->after_name = TRUE;
}

void
hc_demo_json_string (HcDemoJson *j,
                     const char *value)
{
  if (value == NULL)
    hc_demo_json_null (j);
  else if (j->builder != NULL)
    json_builder_add_string_value (j->builder, value);
  else
    {
      separate (j);
      hc_demo_json_append_string (j->text, value);
    }
}

void
hc_demo_json_int (HcDemoJson *j,
                  gint64      value)
{
  if (j->builder != NULL)
    json_builder_add_int_value (j->builder, value);
  else
    {
      separate (j);
      g_string_append_printf (j->text, "%" G_GINT64_FORMAT, value);
    }
}

void
hc_demo_json_double (HcDemoJson *j,
                     double      value)
{
  if (j->builder != NULL)
    json_builder_add_double_value (j->builder, value);
  else
    {
      separate (j);
      hc_demo_json_append_double (j->text, value);
    }
}

void
hc_demo_json_null (HcDemoJson *j)
{
  if (j->builder != NULL)
    json_builder_add_null_value (j->builder);
  else
    {
      separate (j);
      g_string_append (j->text, "null");
    }
}

/* A JSON string: the quote, the backslash and control characters (DEL
 * too, as json-glib does) escaped, the rest (UTF-8) as it is. */
void
hc_demo_json_append_string (GString    *text,
                            const char *value)
{
  const char *run = value;

  g_string_append_c (text, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;
      g_string_append_len (text, run, p - run);
      run = p + 1;
      switch (c)
        {
        case '"': g_string_append (text, "\\\""); break;
        case '\\': g_string_append (text, "\\\\"); break;
        case '\b': g_string_append (text, "\\b"); break;
        case '\f': g_string_append (text, "\\f"); break;
        case '\n': g_string_append (text, "\\n"); break;
        case '\r': g_string_append (text, "\\r"); break;
        case '\t': g_string_append (text, "\\t"); break;
        default: g_string_append_printf (text, "\\u%04x", c); break;
        }
    }
  g_string_append (text, run);
  g_string_append_c (text, '"');
}

/* A number in its shortest exact form (92.8, not json-glib's 17 digits
 * 92.799999999999997: see hc_demo_text_tidy_numbers()), a whole one
 * with ".0" as json-glib writes it, so a reader keeps it a double. */
void
hc_demo_json_append_double (GString *text,
                            double   value)
{
  char out[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (out, sizeof out, "%.15g", value);
  g_string_append (text, out);
  if (strpbrk (out, ".eEn") == NULL)
    g_string_append (text, ".0");
}
