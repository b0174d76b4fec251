/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "hc-hub-backend.h"
#include "hc-hub-private.h"
#include "hc-profile.h"

/*
 * One job: the kinds of hub, by name, and the Hub API's own table (its
 * reading is hc-hub-session.c, hc-hub-fetch.c and hc-hub-events.c).
 */

static const char *
hub_api_why_not (HcHubAction action)
{
  switch (action)
    {
    case HC_HUB_ACTION_SILENCE:
    case HC_HUB_ACTION_EXPIRE_SILENCE:
      return _("This hub acknowledges alerts without an end time.");
    case HC_HUB_ACTION_RETRY_SOURCE:
    case HC_HUB_ACTION_ACKNOWLEDGE:
    case HC_HUB_ACTION_RESOLVE:
    default:
      return NULL;
    }
}

const HcHubBackend hc_hub_backend_hub_api = {
  .kind = HC_PROFILE_KIND_HUB,
  .lists = (1 << HC_LIST_N_KINDS) - 1,
  .actions = (1 << HC_HUB_ACTION_RETRY_SOURCE) | (1 << HC_HUB_ACTION_ACKNOWLEDGE) |
             (1 << HC_HUB_ACTION_RESOLVE),
  .details = TRUE,
  .why_not = hub_api_why_not,
  .start = hc_hub_session_start_hub_api,
};

const HcHubBackend *
hc_hub_backend_for_kind (const char *kind)
{
  if (g_strcmp0 (kind, HC_PROFILE_KIND_ALERTMANAGER) == 0)
    return &hc_hub_backend_alertmanager;
  return &hc_hub_backend_hub_api;
}
