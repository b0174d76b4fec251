/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-agency-counter.h"
#include "hc-hub.h"

G_BEGIN_DECLS

#define HC_TYPE_AGENCY_HISTORY (hc_agency_history_get_type ())

G_DECLARE_FINAL_TYPE (HcAgencyHistory, hc_agency_history, HC, AGENCY_HISTORY, GObject)

/*
 * Reads the score history of every dataset of some hubs that does not
 * have it yet, a few requests at a time (the client parses off the main
 * thread), into the hubs' own rows, where it stays as their cache.
 * "known" and "total" count the datasets with and without history;
 * "failed" those whose history could not be read. Runs only between
 * hc_agency_history_start() and hc_agency_history_stop().
 *
 * A hub that sums its agencies itself (GET /quality/agencies) is asked
 * that first: its sums go to the counter (hc_agency_history_set_counter())
 * and its datasets count as known without reading each one; a hub that
 * lacks it (404) or fails to answer is read dataset by dataset.
 */
HcAgencyHistory *hc_agency_history_new        (void);
void             hc_agency_history_set_hubs   (HcAgencyHistory *self,
                                               GPtrArray       *hubs);
void             hc_agency_history_start      (HcAgencyHistory *self);
void             hc_agency_history_stop       (HcAgencyHistory *self);
guint            hc_agency_history_get_known  (HcAgencyHistory *self);
guint            hc_agency_history_get_total  (HcAgencyHistory *self);
guint            hc_agency_history_get_failed (HcAgencyHistory *self);
void             hc_agency_history_set_counter (HcAgencyHistory *self,
                                                HcAgencyCounter *counter);
void             hc_agency_history_set_period (HcAgencyHistory *self,
                                               guint            period_days);
guint            hc_agency_history_get_served (HcAgencyHistory *self);

G_END_DECLS
