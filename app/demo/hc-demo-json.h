/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/*
 * HcDemoJson: the demo store's rows written either into a JsonBuilder
 * (a detail the caller goes on building) or straight out as compact JSON
 * text (a list page: 5,000 alerts a page, where a tree of nodes built,
 * written out and freed cost the hub three times what writing does).
 * Both give the same document; a test compares them.
 */
typedef struct {
  JsonBuilder *builder;
  GString     *text;
  guint64      started;     /* bit per depth: a value is already in it */
  guint        depth;
  gboolean     after_name;
} HcDemoJson;

void hc_demo_json_init_builder (HcDemoJson  *j,
                                JsonBuilder *builder);
void hc_demo_json_init_text    (HcDemoJson  *j,
                                GString     *text);

void hc_demo_json_begin_object (HcDemoJson  *j);
void hc_demo_json_end_object   (HcDemoJson  *j);
void hc_demo_json_begin_array  (HcDemoJson  *j);
void hc_demo_json_end_array    (HcDemoJson  *j);
void hc_demo_json_member       (HcDemoJson  *j,
                                const char  *name);
/* %NULL writes null. */
void hc_demo_json_string       (HcDemoJson  *j,
                                const char  *value);
void hc_demo_json_int          (HcDemoJson  *j,
                                gint64       value);
void hc_demo_json_double       (HcDemoJson  *j,
                                double       value);
void hc_demo_json_null         (HcDemoJson  *j);

void hc_demo_json_append_string (GString    *text,
                                 const char *value);
void hc_demo_json_append_double (GString    *text,
                                 double      value);

G_END_DECLS
