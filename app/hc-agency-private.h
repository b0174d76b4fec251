/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-agency.h"

G_BEGIN_DECLS

/* The figures, shared by hc-agency.c (the object) and
 * hc-agency-aggregate.c (how they are counted). */
struct _HcAgency
{
  GObject parent_instance;

  char   *name;
  gint64  datasets;
  gint64  records;
  double  scores[5];      /* HcCriterion order, then overall */
  double  change;
  gint64  change_known;
  gint64  below_warning;
  gint64  below_critical;
  gint64  feeds;
  gint64  feeds_failed;
  gint64  feeds_lagging;
  int     weakest;
  GArray *trend;          /* HcAgencyPoint, oldest first */
};

HcAgency *hc_agency_new (const char *name);

G_END_DECLS
