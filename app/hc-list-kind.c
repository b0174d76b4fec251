/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "hc-enum-types.h"
#include "hc-enums.h"
#include "hc-list-kind.h"

/*
 * One job: the table of the Hub API's lists (path, filters, item type,
 * parsers, event names, their items in words), so adding a list is one
 * row here.
 */

static const char * const sources_filters[] = { "status", "agency", "q", NULL };
static const char * const datasets_filters[] = { "below", "criterion", "q", NULL };
static const char * const no_filters[] = { NULL };
static const char * const alerts_filters[] = { "state", "severity", "category", "since", "q", NULL };

static const HcListKindInfo kinds[HC_LIST_N_KINDS] = {
  [HC_LIST_SOURCES] = {
    .path = "/ingestion/sources",
    .event_prefix = "source.",
    .filters = sources_filters,
    .item_type = hc_source_get_type,
    .parse = hc_parse_source,
    .parse_detail = hc_parse_source_detail,
    /* Translators: fills "the hub's list of %s" */
    .noun = N_("feeds"),
  },
  [HC_LIST_DATASETS] = {
    .path = "/quality/datasets",
    .event_prefix = "dataset.",
    .filters = datasets_filters,
    .item_type = hc_dataset_get_type,
    .parse = hc_parse_dataset,
    .parse_detail = hc_parse_dataset_detail,
    /* Translators: fills "the hub's list of %s" */
    .noun = N_("datasets"),
  },
  [HC_LIST_POOLS] = {
    .path = "/storage/pools",
    .event_prefix = "pool.",
    .filters = no_filters,
    .item_type = hc_pool_get_type,
    .parse = hc_parse_pool,
    /* Translators: fills "the hub's list of %s" */
    .noun = N_("storage pools"),
  },
  [HC_LIST_NODES] = {
    .path = "/storage/nodes",
    .event_prefix = "node.",
    .filters = no_filters,
    .item_type = hc_node_get_type,
    .parse = hc_parse_node,
    /* Translators: fills "the hub's list of %s" */
    .noun = N_("storage nodes"),
  },
  [HC_LIST_ALERTS] = {
    .path = "/security/alerts",
    .event_prefix = "alert.",
    .filters = alerts_filters,
    .item_type = hc_alert_get_type,
    .parse = hc_parse_alert,
    .parse_detail = hc_parse_alert_detail,
    /* Translators: fills "the hub's list of %s" */
    .noun = N_("alerts"),
  },
};

const HcListKindInfo *
hc_list_kind_get_info (HcListKind kind)
{
  g_return_val_if_fail (kind < HC_LIST_N_KINDS, NULL);
  return &kinds[kind];
}

/**
 * hc_list_kind_to_string:
 * The list's name ("sources"), its nick in HC_TYPE_LIST_KIND.
 */
const char *
hc_list_kind_to_string (HcListKind kind)
{
  const char *nick = hc_enum_to_nick (HC_TYPE_LIST_KIND, kind);

  g_return_val_if_fail (nick != NULL, NULL);
  return nick;
}

GType
hc_list_kind_item_type (HcListKind kind)
{
  g_return_val_if_fail (kind < HC_LIST_N_KINDS, G_TYPE_INVALID);
  return kinds[kind].item_type ();
}

/**
 * hc_list_kind_noun:
 * The list's items in words, to fill "the hub's list of %s".
 */
const char *
hc_list_kind_noun (HcListKind kind)
{
  g_return_val_if_fail (kind < HC_LIST_N_KINDS, "");
  return _(kinds[kind].noun);
}

/* The data layer's item parser for one list. */
HcParseItemFunc
hc_list_kind_get_parser (HcListKind kind)
{
  g_return_val_if_fail (kind < HC_LIST_N_KINDS, NULL);
  return kinds[kind].parse;
}

/**
 * hc_list_kind_from_event:
 * Which list an event ("alert.updated", "node.deleted") is about, and
 * whether it removes the item; %FALSE for any other event.
 */
gboolean
hc_list_kind_from_event (const char *name,
                         HcListKind *kind,
                         gboolean   *removed)
{
  for (guint i = 0; i < HC_LIST_N_KINDS; i++)
    {
      const char *verb;

      if (!g_str_has_prefix (name, kinds[i].event_prefix))
        continue;

      verb = name + strlen (kinds[i].event_prefix);
      *kind = i;
      if (g_str_equal (verb, "created") || g_str_equal (verb, "updated"))
        {
          *removed = FALSE;
          return TRUE;
        }
      if (g_str_equal (verb, "deleted") || g_str_equal (verb, "removed"))
        {
          *removed = TRUE;
          return TRUE;
        }
      return FALSE;
    }

  return FALSE;
}
