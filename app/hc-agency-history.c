/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Fetching the datasets' score histories the agencies' change and trend
 * need, in the background, a few at a time. */
#include "config.h"

#include "hc-agency-history.h"
#include "hc-agency-served.h"
#include "hc-dataset.h"
#include "hc-error.h"

/* Enough to fill the pipe, few enough to leave the hub for the lists. */
#define MAX_IN_FLIGHT 4
/* A hub's sums are asked again this long after its datasets changed, so
 * they keep up with the records the rows weigh. */
#define SERVED_REFRESH_SECONDS 10

/* Whether a hub sums its agencies itself (GET /quality/agencies). */
typedef enum {
  SERVED_UNKNOWN,     /* not asked yet */
  SERVED_ASKING,
  SERVED_YES,         /* its datasets' histories are not read one by one */
  SERVED_NO,          /* not served (or it failed): read them one by one */
} ServedState;

typedef struct {
  HcAgencyHistory *history;   /* not owned */
  HcHub           *hub;       /* not owned */
  ServedState      state;
  GCancellable    *cancellable;
  guint            refresh_id;
} HubServed;

struct _HcAgencyHistory
{
  GObject       parent_instance;

  GPtrArray    *hubs;
  GCancellable *cancellable;
  GHashTable   *tried;       /* HcDataset whose detail was asked for */
  GHashTable   *read;        /* HcDataset with history: "known" is its size */
  guint         in_flight;
  guint         known, total, failed;
  gboolean      running;
  guint         hub_cursor;  /* where the next fetch is looked for */
  guint         item_cursor;
  guint         period;
  guint         served_known; /* datasets of hubs that serve their sums */
  HcAgencyCounter *counter;
  GHashTable   *served;      /* HcHub -> HubServed */
};

G_DEFINE_FINAL_TYPE (HcAgencyHistory, hc_agency_history, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KNOWN,
  PROP_TOTAL,
  PROP_FAILED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void pump (HcAgencyHistory *self);
static gboolean refresh_served_cb (gpointer data);
static void fetch_more (HcAgencyHistory *self);

static void
set_count (HcAgencyHistory *self,
           guint           *field,
           guint            value,
           guint            prop)
{
  if (*field == value)
    return;
  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
on_detail (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(HcAgencyHistory) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcItem) item = hc_hub_fetch_detail_finish (HC_HUB (object), result, &error);

  self->in_flight--;
  if (g_error_matches (error, HC_ERROR, HC_ERROR_CANCELLED) || self->cancellable == NULL ||
      g_cancellable_is_cancelled (self->cancellable))
    return;
  if (item == NULL)
    set_count (self, &self->failed, self->failed + 1, PROP_FAILED);
  else if (hc_dataset_get_history (HC_DATASET (item)) != NULL)
    {
      g_hash_table_add (self->read, g_object_ref (item));
      set_count (self, &self->known, self->served_known + g_hash_table_size (self->read), PROP_KNOWN);
    }
  fetch_more (self);
}

/* Starts fetches from where the last one was found, so a list of 10,000
 * datasets is walked once, not once per answer. */
static void
fetch_more (HcAgencyHistory *self)
{
  while (self->running && self->in_flight < MAX_IN_FLIGHT &&
         self->hubs != NULL && self->hub_cursor < self->hubs->len)
    {
      HcHub *hub = self->hubs->pdata[self->hub_cursor];
      GListModel *datasets = G_LIST_MODEL (hc_hub_get_datasets (hub));
      g_autoptr(HcDataset) dataset = NULL;

      HubServed *served = g_hash_table_lookup (self->served, hub);

      if (self->item_cursor >= g_list_model_get_n_items (datasets) || hc_hub_get_state (hub) != HC_HUB_CONNECTED ||
          (served != NULL && served->state != SERVED_NO))
        {
          self->hub_cursor++;
          self->item_cursor = 0;
          continue;
        }
      dataset = g_list_model_get_item (datasets, self->item_cursor++);
      if (hc_dataset_get_history (dataset) != NULL || g_hash_table_contains (self->tried, dataset))
        continue;
      g_hash_table_add (self->tried, g_object_ref (dataset));
      self->in_flight++;
      hc_hub_fetch_detail_async (hub, HC_LIST_DATASETS, hc_item_get_id (HC_ITEM (dataset)),
                                 self->cancellable, on_detail, g_object_ref (self));
    }
}

static void ask_served (HubServed *served);

static gboolean
is_served (HcAgencyHistory *self,
           HcHub           *hub)
{
  HubServed *served = g_hash_table_lookup (self->served, hub);

  return served != NULL && served->state == SERVED_YES;
}

/* Counts what is known (the lists changed) and walks them again. */
static void
pump (HcAgencyHistory *self)
{
  guint total = 0;

  g_hash_table_remove_all (self->read);
  self->served_known = 0;
  for (guint h = 0; self->hubs != NULL && h < self->hubs->len; h++)
    {
      HcHub *hub = self->hubs->pdata[h];
      GListModel *datasets = G_LIST_MODEL (hc_hub_get_datasets (hub));
      HubServed *served = g_hash_table_lookup (self->served, hub);
      guint n = g_list_model_get_n_items (datasets);

      total += n;
      if (served != NULL && served->state == SERVED_UNKNOWN && self->running &&
          hc_hub_get_state (hub) == HC_HUB_CONNECTED)
        ask_served (served);
      if (is_served (self, hub))
        {
          self->served_known += n;
          continue;
        }
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(HcDataset) dataset = g_list_model_get_item (datasets, i);
          if (hc_dataset_get_history (dataset) != NULL)
            g_hash_table_add (self->read, g_steal_pointer (&dataset));
        }
    }
  set_count (self, &self->total, total, PROP_TOTAL);
  set_count (self, &self->known, self->served_known + g_hash_table_size (self->read), PROP_KNOWN);
  self->hub_cursor = 0;
  self->item_cursor = 0;
  fetch_more (self);
}

/* ---- a hub's own sums ---------------------------------------------------------- */

static void
hub_served_free (gpointer data)
{
  HubServed *served = data;

  if (served->cancellable != NULL)
    g_cancellable_cancel (served->cancellable);
  g_clear_object (&served->cancellable);
  g_clear_handle_id (&served->refresh_id, g_source_remove);
  if (served->history->counter != NULL)
    hc_agency_counter_set_served (served->history->counter, G_LIST_MODEL (hc_hub_get_datasets (served->hub)), NULL);
  g_free (served);
}

/* What an ask carries: the HubServed is freed only after its ask was
 * cancelled, so a cancelled ask never looks at it. */
typedef struct {
  GCancellable *cancellable;
  HubServed    *served;
} Ask;

static void
on_served (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Ask *ask = user_data;
  HubServed *served = ask->served;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) table = hc_agency_served_fetch_finish (HC_CLIENT (object), result, &error);
  gboolean cancelled = g_cancellable_is_cancelled (ask->cancellable);
  HcAgencyHistory *self;

  g_object_unref (ask->cancellable);
  g_free (ask);
  if (cancelled)
    return;
  self = served->history;
  g_clear_object (&served->cancellable);
  if (table != NULL)
    {
      served->state = SERVED_YES;
      if (self->counter != NULL)
        hc_agency_counter_set_served (self->counter, G_LIST_MODEL (hc_hub_get_datasets (served->hub)), table);
    }
  else
    {
      /* A hub that lacks it (404), or could not say: each dataset's own
       * history then, as before; what fails there is counted. */
      g_debug ("No agency sums from %s: %s", hc_hub_get_key (served->hub), error->message);
      if (served->state == SERVED_YES && self->counter != NULL)
        hc_agency_counter_set_served (self->counter, G_LIST_MODEL (hc_hub_get_datasets (served->hub)), NULL);
      served->state = SERVED_NO;
    }
  pump (self);
  /* The counter changed even if no count did: let the page count again. */
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KNOWN]);
}

static void
ask_served (HubServed *served)
{
  Ask *ask = g_new0 (Ask, 1);

  if (served->cancellable != NULL)
    g_cancellable_cancel (served->cancellable);
  g_clear_object (&served->cancellable);
  served->cancellable = g_cancellable_new ();
  served->state = served->state == SERVED_YES ? SERVED_YES : SERVED_ASKING;
  ask->cancellable = g_object_ref (served->cancellable);
  ask->served = served;
  hc_agency_served_fetch_async (hc_hub_get_client (served->hub), served->history->period,
                                served->cancellable, on_served, ask);
}

static gboolean
refresh_served_cb (gpointer data)
{
  HubServed *served = data;

  served->refresh_id = 0;
  if (served->history->running && served->state == SERVED_YES)
    ask_served (served);
  return G_SOURCE_REMOVE;
}

/* Every hub asked again: after a new period, or a new start. */
static void
forget_served (HcAgencyHistory *self)
{
  GHashTableIter iter;
  HubServed *served;

  g_hash_table_iter_init (&iter, self->served);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &served))
    {
      if (served->cancellable != NULL)
        g_cancellable_cancel (served->cancellable);
      g_clear_object (&served->cancellable);
      g_clear_handle_id (&served->refresh_id, g_source_remove);
      if (served->state == SERVED_YES && self->counter != NULL)
        hc_agency_counter_set_served (self->counter, G_LIST_MODEL (hc_hub_get_datasets (served->hub)), NULL);
      served->state = SERVED_UNKNOWN;
    }
}

static void
hc_agency_history_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HcAgencyHistory *self = HC_AGENCY_HISTORY (object);

  switch (prop_id)
    {
    case PROP_KNOWN:  g_value_set_uint (value, self->known); break;
    case PROP_TOTAL:  g_value_set_uint (value, self->total); break;
    case PROP_FAILED: g_value_set_uint (value, self->failed); break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_agency_history_dispose (GObject *object)
{
  HcAgencyHistory *self = HC_AGENCY_HISTORY (object);

  hc_agency_history_stop (self);
  g_clear_pointer (&self->served, g_hash_table_unref);
  g_clear_object (&self->counter);
  g_clear_pointer (&self->hubs, g_ptr_array_unref);
  g_clear_pointer (&self->tried, g_hash_table_unref);
  g_clear_pointer (&self->read, g_hash_table_unref);

  G_OBJECT_CLASS (hc_agency_history_parent_class)->dispose (object);
}

static void
hc_agency_history_class_init (HcAgencyHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = hc_agency_history_get_property;
  object_class->dispose = hc_agency_history_dispose;

  properties[PROP_KNOWN] = g_param_spec_uint ("known", NULL, NULL, 0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FAILED] = g_param_spec_uint ("failed", NULL, NULL, 0, G_MAXUINT, 0,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hc_agency_history_init (HcAgencyHistory *self)
{
  self->tried = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->read = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->served = g_hash_table_new_full (NULL, NULL, NULL, hub_served_free);
  self->period = 30;
}

HcAgencyHistory *
hc_agency_history_new (void)
{
  return g_object_new (HC_TYPE_AGENCY_HISTORY, NULL);
}

/* Rows updated in place (each detail read is one, 10,000 of them) only
 * count what they brought; the walk starts again only when rows come or go,
 * or it would be redone for each answer. */
static void
on_datasets_changed (GListModel      *datasets,
                     guint            position,
                     guint            removed,
                     guint            added,
                     HcAgencyHistory *self)
{
  HubServed *served = NULL;

  for (guint h = 0; self->hubs != NULL && h < self->hubs->len; h++)
    if (G_LIST_MODEL (hc_hub_get_datasets (self->hubs->pdata[h])) == datasets)
      served = g_hash_table_lookup (self->served, self->hubs->pdata[h]);
  if (served != NULL && served->state == SERVED_YES)
    {
      /* The hub's sums weigh by the records it had: ask again soon. */
      if (served->refresh_id == 0 && self->running)
        served->refresh_id = g_timeout_add_seconds (SERVED_REFRESH_SECONDS, refresh_served_cb, served);
      if (removed != added)
        pump (self);
      return;
    }
  if (removed != added)
    {
      pump (self);
      return;
    }
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(HcDataset) dataset = g_list_model_get_item (datasets, i);

      if (dataset != NULL && hc_dataset_get_history (dataset) != NULL)
        g_hash_table_add (self->read, g_steal_pointer (&dataset));
    }
  set_count (self, &self->known, self->served_known + g_hash_table_size (self->read), PROP_KNOWN);
  fetch_more (self);
}

/* A hub's lists come in before it says it is connected: walk again then,
 * or a still hub's datasets are never read. */
static void
on_hub_state (HcAgencyHistory *self)
{
  pump (self);
}

/**
 * hc_agency_history_set_hubs:
 * The hubs whose datasets' history to read (the window's scope).
 */
void
hc_agency_history_set_hubs (HcAgencyHistory *self,
                            GPtrArray       *hubs)
{
  g_return_if_fail (HC_IS_AGENCY_HISTORY (self));

  for (guint i = 0; self->hubs != NULL && i < self->hubs->len; i++)
    {
      g_signal_handlers_disconnect_by_data (hc_hub_get_datasets (self->hubs->pdata[i]), self);
      g_signal_handlers_disconnect_by_data (self->hubs->pdata[i], self);
    }
  g_hash_table_remove_all (self->served);
  g_clear_pointer (&self->hubs, g_ptr_array_unref);
  if (hubs != NULL)
    {
      self->hubs = g_ptr_array_ref (hubs);
      for (guint i = 0; i < hubs->len; i++)
        {
          HubServed *served = g_new0 (HubServed, 1);

          served->history = self;
          served->hub = hubs->pdata[i];
          g_hash_table_insert (self->served, served->hub, served);
          g_signal_connect_object (hc_hub_get_datasets (hubs->pdata[i]), "items-changed",
                                   G_CALLBACK (on_datasets_changed), self, 0);
          g_signal_connect_object (hubs->pdata[i], "notify::state",
                                   G_CALLBACK (on_hub_state), self, G_CONNECT_SWAPPED);
        }
    }
  set_count (self, &self->failed, 0, PROP_FAILED);
  g_hash_table_remove_all (self->tried);
  pump (self);
}

void
hc_agency_history_start (HcAgencyHistory *self)
{
  g_return_if_fail (HC_IS_AGENCY_HISTORY (self));

  if (self->running)
    return;
  self->running = TRUE;
  self->cancellable = g_cancellable_new ();
  /* What failed before may work now. */
  g_hash_table_remove_all (self->tried);
  forget_served (self);
  set_count (self, &self->failed, 0, PROP_FAILED);
  pump (self);
}

void
hc_agency_history_stop (HcAgencyHistory *self)
{
  g_return_if_fail (HC_IS_AGENCY_HISTORY (self));

  self->running = FALSE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->served != NULL)
    {
      GHashTableIter iter;
      HubServed *served;

      g_hash_table_iter_init (&iter, self->served);
      while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &served))
        {
          g_clear_handle_id (&served->refresh_id, g_source_remove);
          if (served->state == SERVED_ASKING)
            {
              g_cancellable_cancel (served->cancellable);
              g_clear_object (&served->cancellable);
              served->state = SERVED_UNKNOWN;
            }
        }
    }
}

/**
 * hc_agency_history_set_counter:
 * The counter that takes the sums of hubs that serve them
 * (GET /quality/agencies) in place of their datasets' histories.
 */
void
hc_agency_history_set_counter (HcAgencyHistory *self,
                               HcAgencyCounter *counter)
{
  g_return_if_fail (HC_IS_AGENCY_HISTORY (self));

  forget_served (self);
  g_set_object (&self->counter, counter);
  pump (self);
}

/**
 * hc_agency_history_set_period:
 * The days the hubs' sums cover (7, 30 or 90); a new period asks again.
 */
void
hc_agency_history_set_period (HcAgencyHistory *self,
                              guint            period_days)
{
  g_return_if_fail (HC_IS_AGENCY_HISTORY (self));
  g_return_if_fail (period_days >= 1 && period_days <= 90);

  if (self->period == period_days)
    return;
  self->period = period_days;
  forget_served (self);
  pump (self);
}

/**
 * hc_agency_history_get_served:
 * How many hubs in scope serve their agencies' sums.
 */
guint
hc_agency_history_get_served (HcAgencyHistory *self)
{
  GHashTableIter iter;
  HubServed *served;
  guint n = 0;

  g_return_val_if_fail (HC_IS_AGENCY_HISTORY (self), 0);

  g_hash_table_iter_init (&iter, self->served);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &served))
    n += served->state == SERVED_YES;
  return n;
}

guint
hc_agency_history_get_known (HcAgencyHistory *self)
{
  g_return_val_if_fail (HC_IS_AGENCY_HISTORY (self), 0);
  return self->known;
}

guint
hc_agency_history_get_total (HcAgencyHistory *self)
{
  g_return_val_if_fail (HC_IS_AGENCY_HISTORY (self), 0);
  return self->total;
}

guint
hc_agency_history_get_failed (HcAgencyHistory *self)
{
  g_return_val_if_fail (HC_IS_AGENCY_HISTORY (self), 0);
  return self->failed;
}
