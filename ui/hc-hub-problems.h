/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-hub-manager.h"
#include "hc-list-pane.h"
#include "hc-status-badge.h"

G_BEGIN_DECLS

gboolean hc_hub_problems_describe    (HcHubManager      *manager,
                                      GPtrArray         *hubs,
                                      const HcListKind  *kinds,
                                      guint              n_kinds,
                                      HcLevel           *level,
                                      char             **text,
                                      char             **button,
                                      char             **action);
void     hc_hub_problems_update_pane (HcHubManager      *manager,
                                      GPtrArray         *hubs,
                                      HcListPane        *pane,
                                      const HcListKind  *kinds,
                                      guint              n_kinds);

G_END_DECLS
