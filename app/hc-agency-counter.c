/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Counting again only the agencies a change touched. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hc-agency-counter.h"
#include "hc-agency-private.h"
#include "hc-item-store.h"

/* A row as it was last seen: which agency it counted in. */
typedef struct {
  GObject    *item;
  const char *agency;   /* interned */
} Entry;

/* A hub that serves its agencies' history sums: its datasets' own
 * histories are left out, its sums come in instead. */
typedef struct {
  GListModel *datasets;
  GHashTable *served;   /* name -> HcAgencyServed */
} Served;

struct _HcAgencyCounter
{
  GObject         parent_instance;

  GListModel     *datasets;
  GListModel     *sources;
  GArray         *dataset_entries;  /* Entry, in the list's order */
  GArray         *source_entries;
  GPtrArray      *served;           /* Served */
  HcAgencyParams  params;
  gboolean        have_params;
  gboolean        feeds_known;
  gboolean        all_dirty;
  GHashTable     *dirty;            /* interned names */
  GHashTable     *results;          /* interned name -> HcAgency */
  guint           last_counted;
};

G_DEFINE_FINAL_TYPE (HcAgencyCounter, hc_agency_counter, G_TYPE_OBJECT)

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_object (&entry->item);
}

static void
served_free (gpointer data)
{
  Served *served = data;

  g_object_unref (served->datasets);
  g_hash_table_unref (served->served);
  g_free (served);
}

static const char *
agency_of (GObject *item)
{
  const char *name = HC_IS_DATASET (item) ? hc_dataset_get_owner_agency (HC_DATASET (item))
                                          : hc_source_get_agency (HC_SOURCE (item));

  return g_intern_string (name != NULL ? name : "");
}

/* The rows from @position on change: the agencies they counted in and
 * those they count in now both need counting again. */
static void
splice (HcAgencyCounter *self,
        GArray          *entries,
        GListModel      *model,
        guint            position,
        guint            removed,
        guint            added)
{
  g_autofree Entry *fresh = g_new0 (Entry, added);

  if (position + removed > entries->len)
    {
      /* Not the list this counter followed: start again. */
      hc_agency_counter_set_lists (self, self->datasets, self->sources);
      return;
    }
  for (guint i = position; i < position + removed; i++)
    g_hash_table_add (self->dirty, (gpointer) g_array_index (entries, Entry, i).agency);
  g_array_remove_range (entries, position, removed);
  for (guint i = 0; i < added; i++)
    {
      fresh[i].item = g_list_model_get_item (model, position + i);
      fresh[i].agency = agency_of (fresh[i].item);
      g_hash_table_add (self->dirty, (gpointer) fresh[i].agency);
    }
  g_array_insert_vals (entries, position, fresh, added);
}

static void
on_datasets_changed (GListModel      *model,
                     guint            position,
                     guint            removed,
                     guint            added,
                     HcAgencyCounter *self)
{
  splice (self, self->dataset_entries, model, position, removed, added);
}

static void
on_sources_changed (GListModel      *model,
                    guint            position,
                    guint            removed,
                    guint            added,
                    HcAgencyCounter *self)
{
  splice (self, self->source_entries, model, position, removed, added);
}

static void
hc_agency_counter_dispose (GObject *object)
{
  HcAgencyCounter *self = HC_AGENCY_COUNTER (object);

  hc_agency_counter_set_lists (self, NULL, NULL);
  g_clear_pointer (&self->served, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_hash_table_unref);

  G_OBJECT_CLASS (hc_agency_counter_parent_class)->dispose (object);
}

static void
hc_agency_counter_finalize (GObject *object)
{
  HcAgencyCounter *self = HC_AGENCY_COUNTER (object);

  g_array_unref (self->dataset_entries);
  g_array_unref (self->source_entries);
  g_hash_table_unref (self->dirty);

  G_OBJECT_CLASS (hc_agency_counter_parent_class)->finalize (object);
}

static void
hc_agency_counter_class_init (HcAgencyCounterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hc_agency_counter_dispose;
  object_class->finalize = hc_agency_counter_finalize;
}

static void
hc_agency_counter_init (HcAgencyCounter *self)
{
  self->dataset_entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->dataset_entries, entry_clear);
  self->source_entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->source_entries, entry_clear);
  self->served = g_ptr_array_new_with_free_func (served_free);
  self->dirty = g_hash_table_new (NULL, NULL);
  self->results = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  self->feeds_known = TRUE;
  self->all_dirty = TRUE;
}

HcAgencyCounter *
hc_agency_counter_new (void)
{
  return g_object_new (HC_TYPE_AGENCY_COUNTER, NULL);
}

static void
follow (HcAgencyCounter  *self,
        GListModel      **field,
        GListModel       *model,
        GArray           *entries,
        GCallback         changed)
{
  if (*field != NULL)
    g_signal_handlers_disconnect_by_data (*field, self);
  g_set_object (field, model);
  g_array_set_size (entries, 0);
  if (model == NULL)
    return;
  g_signal_connect_object (model, "items-changed", changed, self, 0);
  splice (self, entries, model, 0, 0, g_list_model_get_n_items (model));
}

/**
 * hc_agency_counter_set_lists:
 * @sources: (nullable): the feeds; without them feed counts are -1
 * The datasets and feeds to count, followed from now on.
 */
void
hc_agency_counter_set_lists (HcAgencyCounter *self,
                             GListModel      *datasets,
                             GListModel      *sources)
{
  g_return_if_fail (HC_IS_AGENCY_COUNTER (self));

  g_object_ref (self);
  if (datasets != NULL)
    g_object_ref (datasets);
  if (sources != NULL)
    g_object_ref (sources);
  follow (self, &self->datasets, datasets, self->dataset_entries, G_CALLBACK (on_datasets_changed));
  follow (self, &self->sources, sources, self->source_entries, G_CALLBACK (on_sources_changed));
  g_clear_object (&datasets);
  g_clear_object (&sources);
  self->all_dirty = TRUE;
  g_object_unref (self);
}

static gboolean
same_params (const HcAgencyParams *a,
             const HcAgencyParams *b)
{
  return a->warning_below == b->warning_below && a->critical_below == b->critical_below &&
         a->period_days == b->period_days && a->as_one == b->as_one &&
         a->now / 86400 == b->now / 86400;
}

/**
 * hc_agency_counter_set_params:
 * What to count against; "now" matters by its day (the period's first),
 * so a new day, thresholds or period count everything again.
 */
void
hc_agency_counter_set_params (HcAgencyCounter      *self,
                              const HcAgencyParams *params)
{
  g_return_if_fail (HC_IS_AGENCY_COUNTER (self));
  g_return_if_fail (params != NULL && params->period_days > 0);

  if (!self->have_params || !same_params (&self->params, params))
    self->all_dirty = TRUE;
  self->params = *params;
  self->have_params = TRUE;
}

/**
 * hc_agency_counter_set_feeds_known:
 * Whether the feeds are the whole list; if not, feed counts are -1.
 */
void
hc_agency_counter_set_feeds_known (HcAgencyCounter *self,
                                   gboolean         known)
{
  g_return_if_fail (HC_IS_AGENCY_COUNTER (self));

  if (self->feeds_known != !!known)
    self->all_dirty = TRUE;
  self->feeds_known = !!known;
}

/**
 * hc_agency_counter_set_served:
 * @hub_datasets: one hub's datasets (a part of the datasets counted)
 * @served: (nullable): name -> HcAgencyServed, the hub's own sums of its
 *   agencies' histories over the period; %NULL when it serves none
 *
 * The datasets in @hub_datasets count without their own history while
 * @served is set: the hub's sums stand for it.
 */
void
hc_agency_counter_set_served (HcAgencyCounter *self,
                              GListModel      *hub_datasets,
                              GHashTable      *served)
{
  g_return_if_fail (HC_IS_AGENCY_COUNTER (self));
  g_return_if_fail (G_IS_LIST_MODEL (hub_datasets));

  for (guint i = 0; i < self->served->len; i++)
    if (((Served *) self->served->pdata[i])->datasets == hub_datasets)
      {
        g_ptr_array_remove_index (self->served, i);
        self->all_dirty = TRUE;
        break;
      }
  if (served != NULL)
    {
      Served *s = g_new0 (Served, 1);

      s->datasets = g_object_ref (hub_datasets);
      s->served = g_hash_table_ref (served);
      g_ptr_array_add (self->served, s);
      self->all_dirty = TRUE;
    }
}

/**
 * hc_agency_counter_invalidate:
 * Counts everything again next time.
 */
void
hc_agency_counter_invalidate (HcAgencyCounter *self)
{
  g_return_if_fail (HC_IS_AGENCY_COUNTER (self));
  self->all_dirty = TRUE;
}

gboolean
hc_agency_counter_get_dirty (HcAgencyCounter *self)
{
  g_return_val_if_fail (HC_IS_AGENCY_COUNTER (self), FALSE);
  return self->all_dirty || g_hash_table_size (self->dirty) > 0;
}

/**
 * hc_agency_counter_get_last_counted:
 * How many agencies the last hc_agency_counter_count() counted again.
 */
guint
hc_agency_counter_get_last_counted (HcAgencyCounter *self)
{
  g_return_val_if_fail (HC_IS_AGENCY_COUNTER (self), 0);
  return self->last_counted;
}

/* Whether @dataset's history comes from its hub's sums instead. */
static gboolean
history_served (HcAgencyCounter *self,
                HcDataset       *dataset)
{
  for (guint i = 0; i < self->served->len; i++)
    {
      Served *s = self->served->pdata[i];

      if (HC_IS_ITEM_STORE (s->datasets) &&
          hc_item_store_lookup (HC_ITEM_STORE (s->datasets), hc_item_get_id (HC_ITEM (dataset))) == HC_ITEM (dataset))
        return TRUE;
    }
  return FALSE;
}

static int
compare_weakest (gconstpointer a,
                 gconstpointer b)
{
  return hc_agency_compare_weakest (*(HcAgency **) a, *(HcAgency **) b);
}

/* Counting everything is counting every agency there is or was. */
static void
expand_all_dirty (HcAgencyCounter *self)
{
  GHashTableIter iter;
  gpointer name;

  for (guint i = 0; i < self->dataset_entries->len; i++)
    g_hash_table_add (self->dirty, (gpointer) g_array_index (self->dataset_entries, Entry, i).agency);
  for (guint i = 0; i < self->source_entries->len; i++)
    g_hash_table_add (self->dirty, (gpointer) g_array_index (self->source_entries, Entry, i).agency);
  g_hash_table_iter_init (&iter, self->results);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    g_hash_table_add (self->dirty, name);
  self->all_dirty = FALSE;
}

/* Counts the agencies in @batch (interned names; NULL: all) again. */
static void
count_batch (HcAgencyCounter *self,
             GHashTable      *batch)
{
  /* Without a list of feeds, how many fail is not known. */
  gboolean feeds_known = self->feeds_known && self->sources != NULL;
  HcAgencyTally *tally = hc_agency_tally_new (&self->params);
  g_autoptr(GPtrArray) fresh = NULL;
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < self->dataset_entries->len; i++)
    {
      Entry *entry = &g_array_index (self->dataset_entries, Entry, i);

      if (batch == NULL || g_hash_table_contains (batch, entry->agency))
        hc_agency_tally_add_dataset (tally, HC_DATASET (entry->item),
                                     self->served->len == 0 || !history_served (self, HC_DATASET (entry->item)));
    }
  for (guint i = 0; feeds_known && i < self->source_entries->len; i++)
    {
      Entry *entry = &g_array_index (self->source_entries, Entry, i);

      if (batch == NULL || g_hash_table_contains (batch, entry->agency))
        hc_agency_tally_add_source (tally, HC_SOURCE (entry->item));
    }
  for (guint i = 0; i < self->served->len; i++)
    {
      Served *s = self->served->pdata[i];
      GHashTableIter served_iter;
      gpointer name, served;

      g_hash_table_iter_init (&served_iter, s->served);
      while (g_hash_table_iter_next (&served_iter, &name, &served))
        if (batch == NULL || g_hash_table_contains (batch, g_intern_string (name)))
          hc_agency_tally_add_served (tally, name, served);
    }
  fresh = hc_agency_tally_finish (tally, feeds_known);

  if (batch == NULL)
    g_hash_table_remove_all (self->results);
  else
    {
      g_hash_table_iter_init (&iter, batch);
      while (g_hash_table_iter_next (&iter, &value, NULL))
        g_hash_table_remove (self->results, value);
    }
  for (guint i = 0; i < fresh->len; i++)
    g_hash_table_replace (self->results, (gpointer) g_intern_string (hc_agency_get_name (fresh->pdata[i])),
                          g_object_ref (fresh->pdata[i]));
  self->last_counted += fresh->len;
}

/**
 * hc_agency_counter_count_some:
 * @max_agencies: how many agencies to count again at most
 * @more: (out) (optional): whether some are left for the next call
 *
 * Like hc_agency_counter_count(), a few agencies at a time, so a window
 * counts between frames: each agency is counted whole, so its figures are
 * those of a full count; those not counted yet keep their last figures.
 *
 * Returns: (transfer container): every agency, weakest first
 */
GPtrArray *
hc_agency_counter_count_some (HcAgencyCounter *self,
                              guint            max_agencies,
                              gboolean        *more)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (HC_IS_AGENCY_COUNTER (self), all);
  g_return_val_if_fail (self->have_params, all);
  g_return_val_if_fail (max_agencies > 0, all);

  self->last_counted = 0;
  if (self->params.as_one)
    {
      /* One agency for everything: any change is a change of it. */
      if (hc_agency_counter_get_dirty (self))
        count_batch (self, NULL);
      self->all_dirty = FALSE;
      g_hash_table_remove_all (self->dirty);
    }
  else
    {
      if (self->all_dirty)
        expand_all_dirty (self);
      if (g_hash_table_size (self->dirty) <= max_agencies)
        {
          if (g_hash_table_size (self->dirty) > 0)
            count_batch (self, self->dirty);
          g_hash_table_remove_all (self->dirty);
        }
      else
        {
          g_autoptr(GHashTable) batch = g_hash_table_new (NULL, NULL);

          g_hash_table_iter_init (&iter, self->dirty);
          while (g_hash_table_size (batch) < max_agencies && g_hash_table_iter_next (&iter, &value, NULL))
            {
              g_hash_table_add (batch, value);
              g_hash_table_iter_remove (&iter);
            }
          count_batch (self, batch);
        }
    }
  if (more != NULL)
    *more = hc_agency_counter_get_dirty (self);

  g_hash_table_iter_init (&iter, self->results);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (all, g_object_ref (value));
  g_ptr_array_sort (all, compare_weakest);
  return all;
}

/**
 * hc_agency_counter_count:
 * Counts again the agencies changes touched (all of them after new lists
 * or parameters), and returns every agency.
 *
 * Returns: (transfer container): the agencies, weakest first; the objects
 *   are the counter's and stay as they are until an agency is counted again
 */
GPtrArray *
hc_agency_counter_count (HcAgencyCounter *self)
{
  return hc_agency_counter_count_some (self, G_MAXUINT, NULL);
}
