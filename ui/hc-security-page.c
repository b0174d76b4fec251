/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-alert-cells.h"
#include "hc-alert-filter.h"
#include "hc-alert-kind-actions.h"
#include "hc-closures.h"
#include "hc-csv.h"
#include "hc-field-sorter.h"
#include "hc-format.h"
#include "hc-item-store.h"
#include "hc-labels.h"
#include "hc-row-slots.h"
#include "hc-security-page.h"
#include "hc-status-badge.h"
#include "hc-triage-dialog.h"
#include "hc-widget-util.h"

/*
 * The hub's security alerts, worst first, for triage: filter by state,
 * severity and category (or everything but), acknowledge with a comment,
 * resolve with a comment and a resolution. The page only asks: the window
 * carries the request to the hub, which has the last word.
 *
 * Tens of thousands of alerts: the filter (hc-alert-filter.c) compares
 * three bit masks per alert, nothing else; the pane's filter and sort
 * models do the rest.
 */
struct _HcSecurityPage
{
  GtkWidget        parent_instance;

  GListModel      *alerts;
  GtkCustomFilter *filter;
  char            *state_filter;
  char            *severity_filter;
  char            *category_filter;
  gboolean         invert_filter;
  HcAlertFilter    filter_masks;

  gboolean         can_acknowledge;
  gboolean         can_resolve;
  char            *reason;
  HcAlert         *selected;
  gulong           selected_notify_id;
  HcSecurityPageHubFunc hub_func;
  gpointer         hub_data;

  /* template children */
  HcListPane      *pane;
  GtkColumnView   *view;
  GtkLabel        *filter_label;
  HcAlertDetail   *detail;
  GMenuModel      *filter_menu;
  GtkColumnViewColumn *columns[HC_ALERT_N_CELLS];  /* as HcAlertCell */
};

G_DEFINE_FINAL_TYPE (HcSecurityPage, hc_security_page, GTK_TYPE_WIDGET)


enum {
  PROP_0,
  PROP_STATE_FILTER,
  PROP_SEVERITY_FILTER,
  PROP_CATEGORY_FILTER,
  PROP_INVERT_FILTER,
  N_PROPS
};

enum {
  ACKNOWLEDGE,
  RESOLVE,
  ALERT_SELECTED,
  SILENCE,
  EXPIRE_SILENCE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
filter_alert (gpointer item,
              gpointer user_data)
{
  HcSecurityPage *self = user_data;

  return hc_alert_filter_match (&self->filter_masks, item);
}

static char *
search_text (HcAlert *alert, gpointer user_data)
{
  const char *ip;

  if (alert == NULL)
    return NULL;
  ip = hc_alert_get_source_ip (alert);
  return g_strjoin (" ", hc_alert_get_title (alert), hc_alert_get_asset (alert),
                    ip != NULL ? ip : "", hc_alert_get_description (alert), NULL);
}

/* The CSV columns: what the screen shows, exact times in ISO 8601. */

static char *
alert_severity (gpointer alert)
{
  return g_strdup (hc_severity_label (hc_alert_get_severity (alert)));
}

static char *
alert_category (gpointer alert)
{
  return g_strdup (hc_alert_category_label (hc_alert_get_category (alert)));
}

static char *
alert_detected (gpointer alert)
{
  return hc_csv_time (hc_alert_get_detected_at (alert));
}

static char *
alert_state (gpointer alert)
{
  return g_strdup (hc_alert_state_label (hc_alert_get_state (alert)));
}

static const HcCsvColumn csv_columns[] = {
  { .title = N_("Severity"), .text = alert_severity },
  { .title = N_("Title"), .property = "title" },
  { .title = N_("Category"), .text = alert_category },
  { .title = N_("Asset"), .property = "asset" },
  { .title = N_("Source IP"), .property = "source-ip" },
  { .title = N_("Detected"), .text = alert_detected },
  { .title = N_("State"), .text = alert_state },
  { .title = N_("Events"), .property = "events-count" },
};

/* Says in words what the list shows, so an inverted or narrow filter is
 * never a surprise. */
static void
update_filter_label (HcSecurityPage *self)
{
  g_autofree char *text = hc_alert_filter_describe (self->state_filter, self->severity_filter,
                                                    self->category_filter, self->invert_filter);

  gtk_label_set_label (self->filter_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_label), *text ? text : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_label), *text != '\0');
}

static void
filter_changed (HcSecurityPage *self)
{
  hc_alert_filter_set (&self->filter_masks, self->state_filter, self->severity_filter,
                       self->category_filter, self->invert_filter);
  update_filter_label (self);
  hc_list_pane_filter_changed (self->pane);
}

static gboolean
set_string (char       **slot,
            const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static void
set_filter_property (HcSecurityPage *self,
                     guint           prop_id,
                     const char     *value,
                     const char     *fallback)
{
  char **slot = prop_id == PROP_STATE_FILTER ? &self->state_filter
              : prop_id == PROP_SEVERITY_FILTER ? &self->severity_filter
              : &self->category_filter;

  if (!set_string (slot, value != NULL ? value : fallback))
    return;
  filter_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static HcHub *
hub_of_alert (HcSecurityPage *self,
              HcAlert        *alert)
{
  return alert != NULL && self->hub_func != NULL ? self->hub_func (alert, self->hub_data) : NULL;
}

/* What the alert's kind of hub offers, when it is not the Hub API's. */
static gboolean
update_kind_actions (HcSecurityPage *self,
                     HcAlert        *alert)
{
  return hc_alert_kind_actions_update (GTK_WIDGET (self), self->detail, hub_of_alert (self, alert), alert);
}

static void
update_actions (HcSecurityPage *self)
{
  HcAlert *alert = self->selected;
  HcAlertState state = alert != NULL ? hc_alert_get_state (alert) : HC_ALERT_STATE_RESOLVED;

  if (update_kind_actions (self, alert))
    return;

  /* The hub refuses the rest with 409: acknowledge only open alerts, resolve only unresolved ones. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "security.acknowledge",
                                 self->can_acknowledge && state == HC_ALERT_STATE_OPEN);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "security.resolve",
                                 self->can_resolve && state != HC_ALERT_STATE_RESOLVED);
  hc_alert_detail_set_actions_reason (self->detail,
                                      self->can_acknowledge && self->can_resolve ? NULL : self->reason);
}

static void
on_selected_state (HcAlert        *alert,
                   GParamSpec     *pspec,
                   HcSecurityPage *self)
{
  update_actions (self);
}

static void
on_selected_item (HcListPane     *pane,
                  GParamSpec     *pspec,
                  HcSecurityPage *self)
{
  HcAlert *alert = hc_list_pane_get_selected_item (pane);

  if (self->selected != alert)
    {
      if (self->selected != NULL)
        g_clear_signal_handler (&self->selected_notify_id, self->selected);
      g_set_object (&self->selected, alert);
      if (alert != NULL)
        self->selected_notify_id = g_signal_connect_object (alert, "notify::state",
                                                            G_CALLBACK (on_selected_state), self, 0);
    }

  hc_alert_detail_set_alert (self->detail, alert);
  update_actions (self);
  if (alert != NULL)
    g_signal_emit (self, signals[ALERT_SELECTED], 0, alert);
}

static void
on_triage_response (HcTriageDialog *dialog,
                    const char     *response,
                    HcSecurityPage *self)
{
  HcAlert *alert = hc_triage_dialog_get_alert (dialog);
  g_autofree char *comment = NULL;

  if (g_strcmp0 (response, "confirm") != 0)
    return;

  comment = hc_triage_dialog_get_comment (dialog);
  if (hc_triage_dialog_get_ends_at (dialog) > 0)
    {
      if (hc_triage_comment_is_valid (comment))
        g_signal_emit (self, signals[SILENCE], 0, alert, comment, hc_triage_dialog_get_ends_at (dialog));
    }
  else if (!hc_triage_dialog_get_resolve (dialog))
    hc_security_page_acknowledge (self, alert, comment);
  else if (hc_triage_dialog_get_resolution (dialog) != NULL)
    hc_security_page_resolve (self, alert, comment, hc_triage_dialog_get_resolution (dialog));
}

static void
open_triage_dialog (HcSecurityPage *self,
                    gboolean        resolve)
{
  HcAlert *alert = hc_list_pane_get_selected_item (self->pane);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  if (alert == NULL)
    return;

  if (!resolve && hub_of_alert (self, alert) != NULL &&
      hc_hub_can (hub_of_alert (self, alert), HC_HUB_ACTION_SILENCE, NULL))
    dialog = hc_triage_dialog_new_silence (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, alert);
  else
    dialog = hc_triage_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, alert, resolve);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_triage_response), self, 0);
  hc_triage_dialog_present (HC_TRIAGE_DIALOG (dialog));
}

static void
acknowledge_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  open_triage_dialog (HC_SECURITY_PAGE (widget), FALSE);
}

static void
expire_silence_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HcSecurityPage *self = HC_SECURITY_PAGE (widget);
  HcAlert *alert = hc_list_pane_get_selected_item (self->pane);

  if (alert != NULL && hc_alert_get_silence_id (alert) != NULL)
    g_signal_emit (self, signals[EXPIRE_SILENCE], 0, alert);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_triage_dialog (HC_SECURITY_PAGE (widget), TRUE);
}

static void
hc_security_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HcSecurityPage *self = HC_SECURITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE_FILTER:
      g_value_set_string (value, self->state_filter);
      break;

    case PROP_SEVERITY_FILTER:
      g_value_set_string (value, self->severity_filter);
      break;

    case PROP_CATEGORY_FILTER:
      g_value_set_string (value, self->category_filter);
      break;

    case PROP_INVERT_FILTER:
      g_value_set_boolean (value, self->invert_filter);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_security_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HcSecurityPage *self = HC_SECURITY_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE_FILTER:
      set_filter_property (self, prop_id, g_value_get_string (value), "not-resolved");
      break;

    case PROP_SEVERITY_FILTER:
    case PROP_CATEGORY_FILTER:
      set_filter_property (self, prop_id, g_value_get_string (value), "all");
      break;

    case PROP_INVERT_FILTER:
      hc_security_page_set_invert_filter (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_security_page_dispose (GObject *object)
{
  HcSecurityPage *self = HC_SECURITY_PAGE (object);

  if (self->selected != NULL)
    g_clear_signal_handler (&self->selected_notify_id, self->selected);
  g_clear_object (&self->selected);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_SECURITY_PAGE);
  hc_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->alerts);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (hc_security_page_parent_class)->dispose (object);
}

static void
hc_security_page_finalize (GObject *object)
{
  HcSecurityPage *self = HC_SECURITY_PAGE (object);

  g_clear_pointer (&self->state_filter, g_free);
  g_clear_pointer (&self->severity_filter, g_free);
  g_clear_pointer (&self->category_filter, g_free);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (hc_security_page_parent_class)->finalize (object);
}

static void
hc_security_page_class_init (HcSecurityPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  /* The list's columns, in HcAlertCell's order; their cells are written in C. */
  static const char * const column_ids[HC_ALERT_N_CELLS] = {
    "severity_column", "title_column", "state_column", "detected_column",
    "category_column", "asset_column", "source_ip_column", "events_column",
  };

  object_class->get_property = hc_security_page_get_property;
  object_class->set_property = hc_security_page_set_property;
  object_class->dispose = hc_security_page_dispose;
  object_class->finalize = hc_security_page_finalize;

  /**
   * HcSecurityPage:state-filter:
   * not-resolved (the default), open, acknowledged, resolved or all.
   */
  properties[PROP_STATE_FILTER] =
    g_param_spec_string ("state-filter", NULL, NULL, "not-resolved",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * HcSecurityPage:severity-filter:
   * all, critical, high, medium, low (exactly that one), high-up or medium-up (that one and worse).
   */
  properties[PROP_SEVERITY_FILTER] =
    g_param_spec_string ("severity-filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * HcSecurityPage:category-filter:
   * all or a category's wire name (intrusion, brute_force, ...).
   */
  properties[PROP_CATEGORY_FILTER] =
    g_param_spec_string ("category-filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * HcSecurityPage:invert-filter:
   * Show the alerts the state, severity and category filters leave out.
   */
  properties[PROP_INVERT_FILTER] =
    g_param_spec_boolean ("invert-filter", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HcSecurityPage::acknowledge:
   * The operator acknowledged @alert with @comment (never blank).
   */
  signals[ACKNOWLEDGE] = g_signal_new ("acknowledge", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                       HC_TYPE_ALERT, G_TYPE_STRING);
  /**
   * HcSecurityPage::resolve:
   * The supervisor resolved @alert with @comment (never blank) and
   * @resolution (fixed, false_positive, accepted_risk or duplicate).
   */
  signals[RESOLVE] = g_signal_new ("resolve", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                   HC_TYPE_ALERT, G_TYPE_STRING, G_TYPE_STRING);
  /**
   * HcSecurityPage::alert-selected:
   * @alert's detail is shown; its timeline should be fetched.
   */
  signals[ALERT_SELECTED] = g_signal_new ("alert-selected", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, HC_TYPE_ALERT);

  /**
   * HcSecurityPage::silence:
   * The operator acknowledged @alert with @comment until @ends_at (unix
   * seconds), on a hub that silences (an Alertmanager).
   */
  signals[SILENCE] = g_signal_new ("silence", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                   HC_TYPE_ALERT, G_TYPE_STRING, G_TYPE_INT64);
  /**
   * HcSecurityPage::expire-silence:
   * The operator ended the silence of @alert now.
   */
  signals[EXPIRE_SILENCE] = g_signal_new ("expire-silence", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, HC_TYPE_ALERT);

  g_type_ensure (HC_TYPE_LIST_PANE);
  g_type_ensure (HC_TYPE_ALERT_DETAIL);
  g_type_ensure (HC_TYPE_STATUS_BADGE);
  g_type_ensure (HC_TYPE_ALERT);
  g_type_ensure (HC_TYPE_ROW_SLOT);
  g_type_ensure (HC_TYPE_FIELD_SORTER);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-security-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HcSecurityPage, pane);
  gtk_widget_class_bind_template_child (widget_class, HcSecurityPage, view);
  gtk_widget_class_bind_template_child (widget_class, HcSecurityPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, HcSecurityPage, detail);
  gtk_widget_class_bind_template_child (widget_class, HcSecurityPage, filter_menu);
  hc_widget_class_bind_template_array (widget_class, column_ids, G_N_ELEMENTS (column_ids),
                                       G_STRUCT_OFFSET (HcSecurityPage, columns));
  hc_closures_bind (widget_class);
  hc_closures_bind_security (widget_class);

  gtk_widget_class_install_property_action (widget_class, "security.state", "state-filter");
  gtk_widget_class_install_property_action (widget_class, "security.severity", "severity-filter");
  gtk_widget_class_install_property_action (widget_class, "security.category", "category-filter");
  gtk_widget_class_install_property_action (widget_class, "security.invert", "invert-filter");
  gtk_widget_class_install_action (widget_class, "security.acknowledge", NULL, acknowledge_action);
  gtk_widget_class_install_action (widget_class, "security.resolve", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "security.expire-silence", NULL, expire_silence_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
hc_security_page_init (HcSecurityPage *self)
{
  GtkExpression *search;

  self->state_filter = g_strdup ("not-resolved");
  self->severity_filter = g_strdup ("all");
  self->category_filter = g_strdup ("all");

  gtk_widget_init_template (GTK_WIDGET (self));
  hc_alert_cells_set_factories (self->columns);
  /* 100,000 alerts: a search changes the text in the rows shown. */
  hc_list_pane_keep_rows_in_place (self->pane);

  self->filter = gtk_custom_filter_new (filter_alert, self, NULL);
  hc_list_pane_set_filter (self->pane, GTK_FILTER (self->filter));
  hc_list_pane_set_filter_menu (self->pane, self->filter_menu);
  filter_changed (self);

  search = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                        G_CALLBACK (search_text), NULL, NULL);
  hc_list_pane_set_search_expression (self->pane, search);

  hc_list_pane_set_empty (self->pane, "security-high-symbolic", _("No Alerts"),
                          _("The hub has raised no security alerts."));
  /* Translators: becomes a file name, “alerts.csv”: keep it short, lower case, no spaces */
  hc_list_pane_set_export_name (self->pane, C_("file name", "alerts"));
  hc_list_pane_set_csv_columns (self->pane, csv_columns, G_N_ELEMENTS (csv_columns));

  g_signal_connect_object (self->pane, "notify::selected-item",
                           G_CALLBACK (on_selected_item), self, 0);

  /* Critical first: the order triage works in. */
  {
    g_autoptr(GtkColumnViewColumn) severity_column =
      g_list_model_get_item (gtk_column_view_get_columns (self->view), 0);
    gtk_column_view_sort_by_column (self->view, severity_column, GTK_SORT_DESCENDING);
  }
  {
    static const char * const filters[] = { "state-filter", "severity-filter", "category-filter", "invert-filter", NULL };
    hc_list_pane_remember (self->pane, "security", G_OBJECT (self), filters);
  }

  update_actions (self);
}

GtkWidget *
hc_security_page_new (void)
{
  return g_object_new (HC_TYPE_SECURITY_PAGE, NULL);
}

HcListPane *
hc_security_page_get_pane (HcSecurityPage *self)
{
  g_return_val_if_fail (HC_IS_SECURITY_PAGE (self), NULL);

  return self->pane;
}

HcAlertDetail *
hc_security_page_get_detail (HcSecurityPage *self)
{
  g_return_val_if_fail (HC_IS_SECURITY_PAGE (self), NULL);

  return self->detail;
}

/**
 * hc_security_page_set_alerts:
 * @alerts: (nullable): HcAlert, updated in place by id.
 *
 * An HcItemStore is told to announce in-place updates: an alert that is
 * resolved must leave a "not resolved" view and move in a sorted one.
 */
void
hc_security_page_set_alerts (HcSecurityPage *self,
                             GListModel     *alerts)
{
  g_return_if_fail (HC_IS_SECURITY_PAGE (self));
  g_return_if_fail (alerts == NULL || G_IS_LIST_MODEL (alerts));

  if (self->alerts == alerts)
    return;

  g_set_object (&self->alerts, alerts);
  if (alerts != NULL && HC_IS_ITEM_STORE (alerts))
    hc_item_store_set_announce_updates (HC_ITEM_STORE (alerts), TRUE);
  hc_list_pane_set_model (self->pane, alerts);
}

void
hc_security_page_set_state_filter (HcSecurityPage *self,
                                   const char     *state)
{
  g_return_if_fail (HC_IS_SECURITY_PAGE (self));

  set_filter_property (self, PROP_STATE_FILTER, state, "not-resolved");
}

const char *
hc_security_page_get_state_filter (HcSecurityPage *self)
{
  g_return_val_if_fail (HC_IS_SECURITY_PAGE (self), NULL);

  return self->state_filter;
}

/**
 * hc_security_page_set_severity_filter:
 * For links from the overview: "critical", "high", "medium" or "low" show
 * the open alerts of exactly that severity (every category, not inverted);
 * "all", "high-up" and "medium-up" change the severity alone.
 */
void
hc_security_page_set_severity_filter (HcSecurityPage *self,
                                      const char     *severity)
{
  gboolean changed[N_PROPS] = { FALSE, };
  int value;

  g_return_if_fail (HC_IS_SECURITY_PAGE (self));

  /* One refilter for the whole change: each one sorts the alerts it lets through again. */
  if (severity != NULL && hc_enum_from_nick (HC_TYPE_SEVERITY, severity, &value))
    {
      changed[PROP_INVERT_FILTER] = self->invert_filter;
      self->invert_filter = FALSE;
      changed[PROP_CATEGORY_FILTER] = set_string (&self->category_filter, "all");
      changed[PROP_STATE_FILTER] = set_string (&self->state_filter, "open");
    }
  changed[PROP_SEVERITY_FILTER] = set_string (&self->severity_filter, severity != NULL ? severity : "all");

  if (!changed[PROP_INVERT_FILTER] && !changed[PROP_CATEGORY_FILTER] &&
      !changed[PROP_STATE_FILTER] && !changed[PROP_SEVERITY_FILTER])
    return;

  filter_changed (self);
  for (guint i = 1; i < N_PROPS; i++)
    if (changed[i])
      g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
}

const char *
hc_security_page_get_severity_filter (HcSecurityPage *self)
{
  g_return_val_if_fail (HC_IS_SECURITY_PAGE (self), NULL);

  return self->severity_filter;
}

void
hc_security_page_set_category_filter (HcSecurityPage *self,
                                      const char     *category)
{
  g_return_if_fail (HC_IS_SECURITY_PAGE (self));

  set_filter_property (self, PROP_CATEGORY_FILTER, category, "all");
}

void
hc_security_page_set_invert_filter (HcSecurityPage *self,
                                    gboolean        invert)
{
  g_return_if_fail (HC_IS_SECURITY_PAGE (self));

  invert = !!invert;
  if (self->invert_filter == invert)
    return;

  self->invert_filter = invert;
  filter_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INVERT_FILTER]);
}

void
hc_security_page_set_hub_func (HcSecurityPage        *self,
                               HcSecurityPageHubFunc  func,
                               gpointer               user_data)
{
  g_return_if_fail (HC_IS_SECURITY_PAGE (self));

  self->hub_func = func;
  self->hub_data = user_data;
  update_actions (self);
}

/**
 * hc_security_page_set_actions_allowed:
 * What the signed-in role may do (viewer: neither, operator: acknowledge,
 * supervisor: both); @reason says why the rest is not offered.
 */
void
hc_security_page_set_actions_allowed (HcSecurityPage *self,
                                      gboolean        can_acknowledge,
                                      gboolean        can_resolve,
                                      const char     *reason)
{
  g_return_if_fail (HC_IS_SECURITY_PAGE (self));

  self->can_acknowledge = !!can_acknowledge;
  self->can_resolve = !!can_resolve;
  set_string (&self->reason, reason);
  update_actions (self);
}

/**
 * hc_security_page_acknowledge:
 * Emits ::acknowledge for @alert when the role allows it, the alert is
 * open and @comment has something to say (at most 2000 characters).
 * Returns whether it did.
 */
gboolean
hc_security_page_acknowledge (HcSecurityPage *self,
                              HcAlert        *alert,
                              const char     *comment)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (HC_IS_SECURITY_PAGE (self), FALSE);
  g_return_val_if_fail (HC_IS_ALERT (alert), FALSE);

  if (!self->can_acknowledge || hc_alert_get_state (alert) != HC_ALERT_STATE_OPEN ||
      !hc_triage_comment_is_valid (comment))
    return FALSE;

  stripped = g_strstrip (g_strdup (comment));
  g_signal_emit (self, signals[ACKNOWLEDGE], 0, alert, stripped);
  return TRUE;
}

/**
 * hc_security_page_resolve:
 * Emits ::resolve for @alert when the role allows it, the alert is not
 * resolved yet, @comment has something to say and @resolution is one of
 * the hub's words. Returns whether it did.
 */
gboolean
hc_security_page_resolve (HcSecurityPage *self,
                          HcAlert        *alert,
                          const char     *comment,
                          const char     *resolution)
{
  g_autofree char *stripped = NULL;
  int value;

  g_return_val_if_fail (HC_IS_SECURITY_PAGE (self), FALSE);
  g_return_val_if_fail (HC_IS_ALERT (alert), FALSE);

  if (!self->can_resolve || hc_alert_get_state (alert) == HC_ALERT_STATE_RESOLVED ||
      !hc_triage_comment_is_valid (comment) || resolution == NULL ||
      !hc_enum_from_nick (HC_TYPE_RESOLUTION, resolution, &value) || value == HC_RESOLUTION_NONE)
    return FALSE;

  stripped = g_strstrip (g_strdup (comment));
  g_signal_emit (self, signals[RESOLVE], 0, alert, stripped, resolution);
  return TRUE;
}
