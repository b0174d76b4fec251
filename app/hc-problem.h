/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define HC_TYPE_PROBLEM (hc_problem_get_type ())

G_DECLARE_FINAL_TYPE (HcProblem, hc_problem, HC, PROBLEM, GObject)

/*
 * An RFC 9457 problem+json body. "type" defaults to "about:blank"; "status"
 * is 0 when the hub left it out. Texts are capped and valid UTF-8.
 */
const char *hc_problem_get_problem_type (HcProblem *self);
const char *hc_problem_get_title        (HcProblem *self);
gint64      hc_problem_get_status       (HcProblem *self);
const char *hc_problem_get_detail       (HcProblem *self);
const char *hc_problem_get_instance     (HcProblem *self);

/* Characters of title and of detail that an error message carries. */
#define HC_PROBLEM_SUMMARY_PART 400

char       *hc_problem_dup_summary      (HcProblem *self);

G_END_DECLS
