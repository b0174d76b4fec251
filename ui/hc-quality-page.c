/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-closures.h"
#include "hc-csv.h"
#include "hc-field-sorter.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-quality-page.h"
#include "hc-status-badge.h"
#include "hc-widget-util.h"

/* Every dataset's four scores against the thresholds from settings. */
struct _HcQualityPage
{
  GtkWidget         parent_instance;

  GListModel       *datasets;
  HcThresholds     *thresholds;
  GtkCustomFilter  *filter;
  char             *below;       /* all | any */
  char             *criterion;   /* any | correct | complete | clean | live */

  /* template children */
  HcListPane       *pane;
  GtkColumnView    *view;
  GtkColumnViewColumn *score_columns[5];
  HcDatasetDetail  *detail;
  GMenuModel       *filter_menu;
};

G_DEFINE_FINAL_TYPE (HcQualityPage, hc_quality_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BELOW,
  PROP_CRITERION,
  N_PROPS
};

enum {
  DATASET_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const HcCriterion criteria[] = {
  HC_CRITERION_CORRECT, HC_CRITERION_COMPLETE, HC_CRITERION_CLEAN, HC_CRITERION_LIVE,
};

/* The score columns of the .ui and the dataset property each shows. */
static const char * const score_column_ids[] = {
  "score_correct_column", "score_complete_column", "score_clean_column",
  "score_live_column", "score_overall_column",
};
static const char * const score_properties[] = {
  "score-correct", "score-complete", "score-clean", "score-live", "score-overall",
};

static gboolean
filter_dataset (gpointer item,
                gpointer user_data)
{
  HcQualityPage *self = user_data;
  HcDataset *dataset = item;
  double warning_below = hc_thresholds_get_warning_below (self->thresholds);
  int criterion;

  if (g_strcmp0 (self->below, "any") != 0)
    return TRUE;

  if (hc_enum_from_nick (HC_TYPE_CRITERION, self->criterion, &criterion))
    return hc_dataset_get_score (dataset, criterion) < warning_below;

  for (guint i = 0; i < G_N_ELEMENTS (criteria); i++)
    if (hc_dataset_get_score (dataset, criteria[i]) < warning_below)
      return TRUE;
  return FALSE;
}

static char *
search_text (HcDataset *dataset, gpointer user_data)
{
  if (dataset == NULL)
    return NULL;
  return g_strjoin (" ", hc_dataset_get_name (dataset), hc_dataset_get_owner_agency (dataset), NULL);
}

/* The CSV columns: scores to one decimal, exact times in ISO 8601. */

static char *
dataset_checked (gpointer dataset)
{
  gint64 t = hc_dataset_get_checked_at (dataset);

  return t > 0 ? hc_csv_time (t) : g_strdup ("");
}

/* The criteria's titles are hc_criterion_label()'s words. */
static const HcCsvColumn csv_columns[] = {
  { .title = N_("Dataset"), .property = "name" },
  { .title = N_("Owner"), .property = "owner-agency" },
  { .context = "criterion", .title = NC_("criterion", "Correct"), .property = "score-correct" },
  { .context = "criterion", .title = NC_("criterion", "Complete"), .property = "score-complete" },
  { .context = "criterion", .title = NC_("criterion", "Clean"), .property = "score-clean" },
  { .context = "criterion", .title = NC_("criterion", "Live"), .property = "score-live" },
  { .title = N_("Overall"), .property = "score-overall" },
  { .title = N_("Rules Failed"), .property = "rules-failed" },
  { .title = N_("Records"), .property = "records" },
  { .title = N_("Checked"), .text = dataset_checked },
};

/* A score cell: a badge whose level follows both the dataset's score and
 * the thresholds, so new thresholds recolour the rows where they stand. */

typedef struct {
  GtkExpression *level;
  GtkExpression *label;
} ScoreCell;

static int
score_level (gpointer this,
             double   score,
             double   warning_below,
             double   critical_below)
{
  return hc_score_level (score, warning_below, critical_below);
}

static char *
score_text (gpointer this,
            double   score)
{
  return hc_format_score (score);
}

static void
score_cell_free (gpointer  data,
                 GClosure *closure)
{
  ScoreCell *cell = data;

  gtk_expression_unref (cell->level);
  gtk_expression_unref (cell->label);
  g_free (cell);
}

static void
setup_score_cell (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  ScoreCell                *cell)
{
  GtkWidget *badge = hc_status_badge_new_in_cell ();

  gtk_list_item_set_child (list_item, badge);
  gtk_expression_bind (gtk_expression_ref (cell->level), badge, "level", list_item);
  gtk_expression_bind (gtk_expression_ref (cell->label), badge, "label", list_item);
}

static GtkListItemFactory *
score_factory_new (HcThresholds *thresholds,
                   const char   *property)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  ScoreCell *cell = g_new0 (ScoreCell, 1);
  GtkExpression *item = gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item");
  GtkExpression *score = gtk_property_expression_new (HC_TYPE_DATASET, item, property);
  GtkExpression *level_params[] = {
    gtk_expression_ref (score),
    gtk_property_expression_new (HC_TYPE_THRESHOLDS, gtk_object_expression_new (G_OBJECT (thresholds)),
                                 "warning-below"),
    gtk_property_expression_new (HC_TYPE_THRESHOLDS, gtk_object_expression_new (G_OBJECT (thresholds)),
                                 "critical-below"),
  };

  cell->level = gtk_cclosure_expression_new (G_TYPE_INT, NULL, G_N_ELEMENTS (level_params), level_params,
                                             G_CALLBACK (score_level), NULL, NULL);
  cell->label = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 1, &score,
                                             G_CALLBACK (score_text), NULL, NULL);
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_score_cell), cell, score_cell_free, 0);
  return factory;
}

static void
on_thresholds_changed (HcQualityPage *self)
{
  /* The cells follow by themselves; "below the warning" may mean others now. */
  hc_list_pane_filter_changed (self->pane);
}

static void
on_selected_item (HcListPane    *pane,
                  GParamSpec    *pspec,
                  HcQualityPage *self)
{
  HcDataset *dataset = hc_list_pane_get_selected_item (pane);

  hc_dataset_detail_set_dataset (self->detail, dataset);
  if (dataset != NULL)
    g_signal_emit (self, signals[DATASET_SELECTED], 0, dataset);
}

static void
set_string (HcQualityPage *self,
            char         **field,
            const char    *value,
            guint          prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  hc_list_pane_filter_changed (self->pane);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
hc_quality_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HcQualityPage *self = HC_QUALITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_BELOW:
      g_value_set_string (value, self->below);
      break;
    case PROP_CRITERION:
      g_value_set_string (value, self->criterion);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_quality_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HcQualityPage *self = HC_QUALITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_BELOW:
      set_string (self, &self->below, g_value_get_string (value), PROP_BELOW);
      break;
    case PROP_CRITERION:
      set_string (self, &self->criterion, g_value_get_string (value), PROP_CRITERION);
      /* Choosing a criterion means: show what falls short on it. */
      if (g_strcmp0 (self->criterion, "any") != 0)
        set_string (self, &self->below, "any", PROP_BELOW);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_quality_page_dispose (GObject *object)
{
  HcQualityPage *self = HC_QUALITY_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_QUALITY_PAGE);
  hc_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->datasets);
  g_clear_object (&self->filter);
  g_clear_object (&self->thresholds);

  G_OBJECT_CLASS (hc_quality_page_parent_class)->dispose (object);
}

static void
hc_quality_page_finalize (GObject *object)
{
  HcQualityPage *self = HC_QUALITY_PAGE (object);

  g_free (self->below);
  g_free (self->criterion);

  G_OBJECT_CLASS (hc_quality_page_parent_class)->finalize (object);
}

static void
hc_quality_page_class_init (HcQualityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = hc_quality_page_get_property;
  object_class->set_property = hc_quality_page_set_property;
  object_class->dispose = hc_quality_page_dispose;
  object_class->finalize = hc_quality_page_finalize;

  properties[PROP_BELOW] =
    g_param_spec_string ("below", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CRITERION] =
    g_param_spec_string ("criterion", NULL, NULL, "any",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HcQualityPage::dataset-selected:
   * @dataset's detail is shown: its rules, history and samples should be fetched.
   */
  signals[DATASET_SELECTED] = g_signal_new ("dataset-selected", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, HC_TYPE_DATASET);

  g_type_ensure (HC_TYPE_FIELD_SORTER);
  g_type_ensure (HC_TYPE_LIST_PANE);
  g_type_ensure (HC_TYPE_DATASET_DETAIL);
  g_type_ensure (HC_TYPE_STATUS_BADGE);
  g_type_ensure (HC_TYPE_DATASET);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-quality-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HcQualityPage, pane);
  gtk_widget_class_bind_template_child (widget_class, HcQualityPage, view);
  gtk_widget_class_bind_template_child (widget_class, HcQualityPage, detail);
  gtk_widget_class_bind_template_child (widget_class, HcQualityPage, filter_menu);
  hc_widget_class_bind_template_array (widget_class, score_column_ids, G_N_ELEMENTS (score_column_ids),
                                       G_STRUCT_OFFSET (HcQualityPage, score_columns));
  hc_closures_bind (widget_class);

  gtk_widget_class_install_property_action (widget_class, "quality.below", "below");
  gtk_widget_class_install_property_action (widget_class, "quality.criterion", "criterion");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_quality_page_init (HcQualityPage *self)
{
  self->below = g_strdup ("all");
  self->criterion = g_strdup ("any");
  self->thresholds = hc_thresholds_new ();
  g_signal_connect_object (self->thresholds, "notify", G_CALLBACK (on_thresholds_changed), self, G_CONNECT_SWAPPED);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (score_properties); i++)
    {
      g_autoptr(GtkListItemFactory) factory = score_factory_new (self->thresholds, score_properties[i]);
      gtk_column_view_column_set_factory (self->score_columns[i], factory);
    }
  hc_dataset_detail_set_thresholds (self->detail, self->thresholds);

  self->filter = gtk_custom_filter_new (filter_dataset, self, NULL);
  hc_list_pane_set_filter (self->pane, GTK_FILTER (self->filter));
  hc_list_pane_set_filter_menu (self->pane, self->filter_menu);
  hc_list_pane_set_search_expression (self->pane,
                                      gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                                   G_CALLBACK (search_text), NULL, NULL));
  hc_list_pane_set_empty (self->pane, "emblem-ok-symbolic", _("No Datasets"),
                          _("The hub checks no datasets yet."));
  /* Translators: becomes a file name, “datasets.csv”: keep it short, lower case, no spaces */
  hc_list_pane_set_export_name (self->pane, C_("file name", "datasets"));
  hc_list_pane_set_csv_columns (self->pane, csv_columns, G_N_ELEMENTS (csv_columns));

  g_signal_connect_object (self->pane, "notify::selected-item", G_CALLBACK (on_selected_item), self, 0);

  /* Weakest first: what a supervisor reviews. */
  {
    g_autoptr(GtkColumnViewColumn) overall = g_list_model_get_item (gtk_column_view_get_columns (self->view), 6);
    gtk_column_view_sort_by_column (self->view, overall, GTK_SORT_ASCENDING);
  }
  {
    static const char * const filters[] = { "below", "criterion", NULL };
    hc_list_pane_remember (self->pane, "quality", G_OBJECT (self), filters);
  }
}

GtkWidget *
hc_quality_page_new (void)
{
  return g_object_new (HC_TYPE_QUALITY_PAGE, NULL);
}

HcListPane *
hc_quality_page_get_pane (HcQualityPage *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_PAGE (self), NULL);
  return self->pane;
}

HcDatasetDetail *
hc_quality_page_get_detail (HcQualityPage *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_PAGE (self), NULL);
  return self->detail;
}

void
hc_quality_page_set_datasets (HcQualityPage *self,
                              GListModel    *datasets)
{
  g_return_if_fail (HC_IS_QUALITY_PAGE (self));

  if (g_set_object (&self->datasets, datasets))
    hc_list_pane_set_model (self->pane, datasets);
}

/**
 * hc_quality_page_set_settings:
 * The thresholds below which a score reads as warning and critical
 * follow the settings.
 */
void
hc_quality_page_set_settings (HcQualityPage *self,
                              GSettings     *settings)
{
  g_return_if_fail (HC_IS_QUALITY_PAGE (self));

  hc_thresholds_bind_settings (self->thresholds, settings);
}

/**
 * hc_quality_page_get_thresholds:
 * What the scores read against, on the page and in its detail.
 */
HcThresholds *
hc_quality_page_get_thresholds (HcQualityPage *self)
{
  g_return_val_if_fail (HC_IS_QUALITY_PAGE (self), NULL);

  return self->thresholds;
}

/**
 * hc_quality_page_show_below:
 * Shows the datasets below the warning threshold on @criterion, or on
 * any criterion for "any" or "overall".
 */
void
hc_quality_page_show_below (HcQualityPage *self,
                            const char    *criterion)
{
  int value;

  g_return_if_fail (HC_IS_QUALITY_PAGE (self));

  if (criterion == NULL || !hc_enum_from_nick (HC_TYPE_CRITERION, criterion, &value))
    criterion = "any";
  g_object_set (self, "criterion", criterion, "below", "any", NULL);
}
