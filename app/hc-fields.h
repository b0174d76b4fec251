/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * Private to app/: the table-driven machinery behind every hub object.
 *
 * Each object class describes its fields once, in a static HcField table:
 * the C member (by offset), the GObject property, the JSON member and the
 * rules a value from the wire must follow. From that one table come the
 * read-only properties, get_property, finalize, equality, update_from
 * (which notifies only what changed) and the strict JSON parser. A field
 * therefore cannot be parsed but not copied, or copied but not notified.
 */

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum {
  HC_FIELD_ID,      /* char *: ObjectId, 1–64 of [A-Za-z0-9._-], not "." or ".." */
  HC_FIELD_NAME,    /* char *: at most HC_PARSE_MAX_NAME bytes, rejected beyond */
  HC_FIELD_TEXT,    /* char *: at most HC_PARSE_MAX_TEXT bytes, truncated beyond */
  HC_FIELD_INT,     /* gint64 within [min, max] */
  HC_FIELD_BYTES,   /* guint64, an integer >= 0 */
  HC_FIELD_DOUBLE,  /* double within [dmin, dmax] */
  HC_FIELD_SCORE,   /* double 0–100, rounded to one decimal */
  HC_FIELD_TIME,    /* gint64 unix seconds from RFC 3339; 0 when null */
  HC_FIELD_DATE,    /* gint64 unix seconds of midnight UTC from YYYY-MM-DD */
  HC_FIELD_ENUM,    /* int: a value of get_type() by its nick */
  HC_FIELD_STRV,    /* char **: array of names, at most max entries */
  HC_FIELD_OBJECT,  /* GObject * of get_type(), parsed by its own table */
  HC_FIELD_LIST,    /* GListStore * of get_type(), at most max entries */
} HcFieldKind;

typedef enum {
  HC_FIELD_REQUIRED = 1 << 0, /* absent is an error */
  HC_FIELD_NULLABLE = 1 << 1, /* null gives the default; so does absent, even if required
                               * (leaving out an empty value says the same thing) */
  HC_FIELD_DETAIL   = 1 << 2, /* only the detail parsers read it, and then require it */
  HC_FIELD_NONEMPTY = 1 << 3, /* strings: "" is an error */
  HC_FIELD_SHARED   = 1 << 4, /* NAME, TEXT: a value many rows repeat (a title, an agency,
                               * an operator); one pooled, counted copy for all of them */
} HcFieldFlags;

typedef struct {
  const char   *property; /* GObject property name */
  const char   *json;     /* member name, dotted for nesting ("scores.correct"); NULL: derived */
  HcFieldKind   kind;
  HcFieldFlags  flags;
  gsize         offset;   /* G_STRUCT_OFFSET of the member */
  GType       (*get_type) (void);
  gint64        min;      /* INT range; STRV and LIST: max entries in max */
  gint64        max;
  double        dmin;     /* DOUBLE range */
  double        dmax;
} HcField;

typedef struct {
  const HcField *fields;
  guint          n_fields;
  /* Cross-field rules and derived values, after every field parsed. */
  gboolean     (*check) (GObject  *object,
                         GError  **error);
} HcFieldTable;

void      hc_fields_class_install (GObjectClass       *klass,
                                   const HcFieldTable *table);
gboolean  hc_fields_equal         (GObject            *a,
                                   GObject            *b);
gboolean  hc_fields_update        (GObject            *self,
                                   GObject            *other);
GObject  *hc_fields_parse         (GType               type,
                                   JsonNode           *node,
                                   gboolean            detail,
                                   GError            **error);
gboolean  hc_fields_check_id      (const char         *id);
gboolean  hc_fields_fail          (GError            **error,
                                   const char         *path,
                                   const char         *format,
                                   ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
