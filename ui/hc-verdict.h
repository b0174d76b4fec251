/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-hub-totals.h"

G_BEGIN_DECLS

/*
 * The one-line verdict of each area of the Overview ("2 feeds failing",
 * "Weakest: Live, 88.1", "1 disk failing", "3 critical alerts open"),
 * shared by the Overview's cards and the wall.
 */

char *hc_verdict_sources (const HcHubTotals *totals);
char *hc_verdict_quality (const HcHubTotals *totals);
char *hc_verdict_storage (const HcHubTotals *totals);
char *hc_verdict_alerts  (const HcHubTotals *totals);

G_END_DECLS
