/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fuzz-common.h"
#include "hc-item-store.h"

/*
 * A list page: the first byte picks the item parser, the rest is the body.
 * What parses goes through an item store twice, as list refreshes do.
 */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const struct {
    HcParseItemFunc func;
    GType         (*get_type) (void);
  } kinds[] = {
    { hc_parse_source, hc_source_get_type },
    { hc_parse_dataset, hc_dataset_get_type },
    { hc_parse_pool, hc_pool_get_type },
    { hc_parse_node, hc_node_get_type },
    { hc_parse_alert, hc_alert_get_type },
    { hc_parse_audit_entry, hc_audit_entry_get_type },
  };
  g_autoptr(GBytes) body = NULL;
  g_autoptr(HcParsedList) list = NULL;
  g_autoptr(HcParsedList) again = NULL;
  g_autoptr(HcItemStore) store = NULL;
  guint kind;

  if (size < 1)
    return 0;

  kind = data[0] % G_N_ELEMENTS (kinds);
  body = g_bytes_new_static (data + 1, size - 1);
  list = hc_parse_list_bytes (body, kinds[kind].func, NULL);
  if (list == NULL)
    return 0;

  g_assert (list->items->len + list->rejected->len <= HC_PARSE_MAX_PAGE_ITEMS);
  for (guint i = 0; i < list->rejected->len; i++)
    g_assert (g_utf8_validate (g_ptr_array_index (list->rejected, i), -1, NULL));

  store = hc_item_store_new (kinds[kind].get_type ());
  hc_item_store_replace_all (store, list->items);
  g_assert (g_list_model_get_n_items (G_LIST_MODEL (store)) <= list->items->len);

  again = hc_parse_list_bytes (body, kinds[kind].func, NULL);
  g_assert (again != NULL);
  hc_item_store_upsert_many (store, again->items);
  hc_item_store_replace_all (store, again->items);
  return 0;
}
