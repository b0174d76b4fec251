/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-agency.h"

G_BEGIN_DECLS

#define HC_TYPE_AGENCY_COUNTER (hc_agency_counter_get_type ())

G_DECLARE_FINAL_TYPE (HcAgencyCounter, hc_agency_counter, HC, AGENCY_COUNTER, GObject)

/*
 * Keeps agencies counted as their lists change: it follows the lists'
 * "items-changed", notes which agencies a change touches (the agency a
 * row had and the one it has), and hc_agency_counter_count() counts only
 * those again, so a change costs its agencies, not the whole list. The
 * figures are those of hc_agency_aggregate() over the same lists, to the
 * last bit.
 */
HcAgencyCounter *hc_agency_counter_new             (void);
void             hc_agency_counter_set_lists       (HcAgencyCounter      *self,
                                                    GListModel           *datasets,
                                                    GListModel           *sources);
void             hc_agency_counter_set_params      (HcAgencyCounter      *self,
                                                    const HcAgencyParams *params);
void             hc_agency_counter_set_feeds_known (HcAgencyCounter      *self,
                                                    gboolean              known);
void             hc_agency_counter_set_served      (HcAgencyCounter      *self,
                                                    GListModel           *hub_datasets,
                                                    GHashTable           *served);
void             hc_agency_counter_invalidate      (HcAgencyCounter      *self);
gboolean         hc_agency_counter_get_dirty       (HcAgencyCounter      *self);
GPtrArray       *hc_agency_counter_count           (HcAgencyCounter      *self);
GPtrArray       *hc_agency_counter_count_some      (HcAgencyCounter      *self,
                                                    guint                 max_agencies,
                                                    gboolean             *more);
guint            hc_agency_counter_get_last_counted (HcAgencyCounter     *self);

G_END_DECLS
