/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-notifier-private.h"

/*
 * One job: the notifier's look at a hub's lists once they were read (or
 * read again): each item's state is noted, and, if we knew the lists
 * before, what went bad meanwhile is told. 100,000 alerts took 100-180 ms
 * of one main-loop turn (a tag and a state each); they are looked at a
 * slice (2,000 items, a few ms) per turn, at idle priority, after input
 * and frames.
 *
 * The items are the hub's own (its stores update them in place), so each
 * is read as it is when its turn comes, and one the hub dropped meanwhile
 * is passed over. Events that come meanwhile are observed as they come,
 * as after the look: an item they told of is known when the look gets to
 * it, and is not told of twice.
 */

#define LOOK_SLICE 2000

/* One item to look at, and the list it is in. */
typedef struct {
  HcListKind  kind;
  HcItem     *item;
} Looked;

static void
looked_clear (gpointer data)
{
  g_clear_object (&((Looked *) data)->item);
}

static gboolean
look_cb (gpointer data)
{
  HubWatch *watch = data;
  HcNoticePrefs prefs = hc_notifier_read_prefs (watch->self);
  guint end = MIN (watch->look_next + LOOK_SLICE, watch->look_items->len);

  for (; watch->look_next < end; watch->look_next++)
    {
      Looked *looked = &g_array_index (watch->look_items, Looked, watch->look_next);
      HcItemStore *store = hc_hub_get_model (watch->hub, looked->kind);

      if (hc_item_store_lookup (store, hc_item_get_id (looked->item)) == looked->item)
        hc_notifier_observe (watch, &prefs, looked->item, FALSE, watch->look_seeded);
    }
  if (watch->look_next < watch->look_items->len)
    return G_SOURCE_CONTINUE;

  g_clear_pointer (&watch->look_source, g_source_unref);
  g_clear_pointer (&watch->look_items, g_array_unref);
  return G_SOURCE_REMOVE;
}

/* The lists the hub read whole, in this order: alerts first. */
void
hc_notifier_look_start (HubWatch *watch,
                        gboolean  seeded)
{
  static const HcListKind kinds[] = { HC_LIST_ALERTS, HC_LIST_SOURCES, HC_LIST_POOLS, HC_LIST_NODES };

  /* A look not finished is started again on what was read now. */
  hc_notifier_look_stop (watch);
  watch->look_items = g_array_new (FALSE, FALSE, sizeof (Looked));
  g_array_set_clear_func (watch->look_items, looked_clear);
  watch->look_next = 0;
  watch->look_seeded = seeded;
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GListModel *model = G_LIST_MODEL (hc_hub_get_model (watch->hub, kinds[i]));
      guint n = g_list_model_get_n_items (model);

      if (!hc_hub_get_list_complete (watch->hub, kinds[i]))
        continue;
      for (guint j = 0; j < n; j++)
        {
          Looked looked = { kinds[i], g_list_model_get_item (model, j) };

          g_array_append_val (watch->look_items, looked);
        }
    }

  watch->look_source = g_idle_source_new ();
  g_source_set_priority (watch->look_source, G_PRIORITY_DEFAULT_IDLE);
  g_source_set_callback (watch->look_source, look_cb, watch, NULL);
  g_source_set_static_name (watch->look_source, "[hc] notifier look");
  g_source_attach (watch->look_source, g_main_context_get_thread_default ());
}

void
hc_notifier_look_stop (HubWatch *watch)
{
  if (watch->look_source != NULL)
    g_source_destroy (watch->look_source);
  g_clear_pointer (&watch->look_source, g_source_unref);
  g_clear_pointer (&watch->look_items, g_array_unref);
}
