/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-alert.h"
#include "hc-format.h"
#include "hc-hub-problems.h"
#include "hc-hub-totals.h"
#include "hc-labels.h"
#include "hc-source.h"
#include "hc-status-badge.h"
#include "hc-verdict.h"
#include "hc-wall.h"

/*
 * The wall: the Overview for an operations room's screen, fullscreen in
 * type readable from across the room, one hub at a time (its four
 * verdicts, then its open critical and high alerts and its failed feeds),
 * moving to the next hub every wall-rotate-seconds. Nothing needs a
 * mouse; Escape (or F11 again) leaves.
 */

#define MAX_ROWS 6
#define REFRESH_SECONDS 2

struct _HcWall
{
  AdwWindow     parent_instance;

  HcHubManager *manager;
  GSettings    *settings;
  guint         index;
  guint         rotate_source;
  guint         refresh_source;

  /* template children */
  GtkLabel     *hub_label;
  GtkLabel     *position_label;
  GtkLabel     *updated_label;
  GtkLabel     *sources_verdict;
  GtkLabel     *quality_verdict;
  GtkLabel     *storage_verdict;
  GtkLabel     *alerts_verdict;
  GtkBox       *alerts_box;
  GtkBox       *feeds_box;
  GtkLabel     *hint_label;
};

G_DEFINE_FINAL_TYPE (HcWall, hc_wall, ADW_TYPE_WINDOW)

/* Severity in words and theme colour: the verdict says it, the colour
 * only repeats it. */
static void
set_verdict (GtkLabel   *label,
             char       *text,
             HcLevel     level)
{
  static const char * const classes[] = { "error", "warning", "success", "dim-label" };
  const char *add = level == HC_LEVEL_ERROR ? "error"
                    : level == HC_LEVEL_WARNING ? "warning"
                    : level == HC_LEVEL_OK ? "success"
                    : level == HC_LEVEL_UNKNOWN ? "dim-label" : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), classes[i]);
  if (add != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), add);
  gtk_label_set_label (label, text);
  g_free (text);
}

static HcLevel
quiet_level (const HcHubTotals *t,
             HcSummaryPart      part)
{
  if (hc_hub_totals_all_clear_allowed (t, part))
    return HC_LEVEL_OK;
  return hc_hub_totals_known (t, part) ? HC_LEVEL_NEUTRAL : HC_LEVEL_UNKNOWN;
}

static void
show_verdicts (HcWall            *self,
               const HcHubTotals *t)
{
  const HcHubSummary *s = &t->sum;
  HcLevel level;

  level = s->sources[HC_SOURCE_STATUS_FAILED] > 0 ? HC_LEVEL_ERROR
          : s->sources[HC_SOURCE_STATUS_LAGGING] > 0 ? HC_LEVEL_WARNING
          : quiet_level (t, HC_SUMMARY_SOURCES);
  set_verdict (self->sources_verdict, hc_verdict_sources (t), level);

  set_verdict (self->quality_verdict, hc_verdict_quality (t),
               hc_hub_totals_known (t, HC_SUMMARY_QUALITY) ? HC_LEVEL_NEUTRAL : HC_LEVEL_UNKNOWN);

  level = s->disks[HC_DISK_HEALTH_FAILING] > 0 || s->pools[HC_POOL_STATE_CRITICAL] > 0 ? HC_LEVEL_ERROR
          : s->pools[HC_POOL_STATE_DEGRADED] > 0 ? HC_LEVEL_WARNING
          : quiet_level (t, HC_SUMMARY_POOLS);
  set_verdict (self->storage_verdict, hc_verdict_storage (t), level);

  level = s->alerts_open[HC_SEVERITY_CRITICAL] > 0 ? HC_LEVEL_ERROR
          : s->alerts_open_total > 0 ? HC_LEVEL_WARNING
          : quiet_level (t, HC_SUMMARY_ALERTS);
  set_verdict (self->alerts_verdict, hc_verdict_alerts (t), level);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static void
add_row (GtkBox     *box,
         HcLevel     level,
         const char *badge_text,
         const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *badge = hc_status_badge_new ();
  GtkWidget *label = gtk_label_new (text);

  hc_status_badge_set (HC_STATUS_BADGE (badge), level, badge_text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), badge);
  gtk_box_append (GTK_BOX (row), label);
  gtk_widget_add_css_class (row, "wall-row");
  gtk_box_append (box, row);
}

static void
add_more (GtkBox *box,
          guint   more)
{
  g_autofree char *text = NULL;
  GtkWidget *label;

  if (more == 0)
    return;
  /* Translators: under the first rows of a list on the wall */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "wall-row");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (box, label);
}

/* A list that was not read is said to be unknown, with the reason. */
static gboolean
show_unread (GtkBox             *box,
             HcHub              *hub,
             HcListKind          kind,
             const HcHubSummary *summary,
             HcSummaryPart       part)
{
  if (hc_hub_get_list_complete (hub, kind))
    return FALSE;
  add_row (box, HC_LEVEL_UNKNOWN, _("Not known"),
           summary->note[part] ? summary->note[part] : _("The hub’s list could not be read."));
  return TRUE;
}

static int
compare_alerts (gconstpointer a,
                gconstpointer b)
{
  HcAlert *x = *(HcAlert **) a;
  HcAlert *y = *(HcAlert **) b;

  /* Critical first, and within a severity the newest first. */
  if (hc_alert_get_severity (x) != hc_alert_get_severity (y))
    return hc_alert_get_severity (x) > hc_alert_get_severity (y) ? -1 : 1;
  return (hc_alert_get_detected_at (y) > hc_alert_get_detected_at (x)) - (hc_alert_get_detected_at (y) < hc_alert_get_detected_at (x));
}

static int
compare_sources (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = hc_source_get_last_success_at (*(HcSource **) a);
  gint64 y = hc_source_get_last_success_at (*(HcSource **) b);

  /* The newest failure first: the feed that last succeeded most recently. */
  return (y > x) - (y < x);
}

static void
show_alerts (HcWall             *self,
             HcHub              *hub,
             const HcHubSummary *summary)
{
  GListModel *model = G_LIST_MODEL (hc_hub_get_model (hub, HC_LIST_ALERTS));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  clear_box (self->alerts_box);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcAlert) alert = g_list_model_get_item (model, i);
      HcSeverity severity = hc_alert_get_severity (alert);

      if (hc_alert_get_state (alert) == HC_ALERT_STATE_OPEN
          && (severity == HC_SEVERITY_CRITICAL || severity == HC_SEVERITY_HIGH))
        g_ptr_array_add (rows, g_steal_pointer (&alert));
    }
  g_ptr_array_sort (rows, compare_alerts);

  for (guint i = 0; i < MIN (rows->len, MAX_ROWS); i++)
    {
      HcAlert *alert = rows->pdata[i];
      g_autofree char *title = hc_format_hub_text (hc_alert_get_title (alert), HC_HUB_TEXT_LINE);
      g_autofree char *asset = hc_format_hub_text (hc_alert_get_asset (alert), HC_HUB_TEXT_LINE);
      /* Many alerts share a title: the asset tells them apart. */
      g_autofree char *text = g_strdup_printf ("%s · %s", title, asset);

      add_row (self->alerts_box, hc_severity_level (hc_alert_get_severity (alert)),
               hc_severity_label (hc_alert_get_severity (alert)), text);
    }
  add_more (self->alerts_box, rows->len > MAX_ROWS ? rows->len - MAX_ROWS : 0);
  if (!show_unread (self->alerts_box, hub, HC_LIST_ALERTS, summary, HC_SUMMARY_ALERTS) && rows->len == 0)
    add_row (self->alerts_box, summary->live ? HC_LEVEL_OK : HC_LEVEL_NEUTRAL,
             summary->live ? _("None") : _("None when last read"), "");
}

static void
show_feeds (HcWall             *self,
            HcHub              *hub,
            const HcHubSummary *summary)
{
  GListModel *model = G_LIST_MODEL (hc_hub_get_model (hub, HC_LIST_SOURCES));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (model);

  clear_box (self->feeds_box);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcSource) source = g_list_model_get_item (model, i);

      if (hc_source_get_status (source) == HC_SOURCE_STATUS_FAILED)
        g_ptr_array_add (rows, g_steal_pointer (&source));
    }
  g_ptr_array_sort (rows, compare_sources);

  for (guint i = 0; i < MIN (rows->len, MAX_ROWS); i++)
    {
      HcSource *source = rows->pdata[i];
      g_autofree char *name = hc_format_hub_text (hc_source_get_name (source), HC_HUB_TEXT_LINE);

      add_row (self->feeds_box, HC_LEVEL_ERROR, hc_source_status_label (HC_SOURCE_STATUS_FAILED), name);
    }
  add_more (self->feeds_box, rows->len > MAX_ROWS ? rows->len - MAX_ROWS : 0);
  if (!show_unread (self->feeds_box, hub, HC_LIST_SOURCES, summary, HC_SUMMARY_SOURCES) && rows->len == 0)
    add_row (self->feeds_box, summary->live ? HC_LEVEL_OK : HC_LEVEL_NEUTRAL,
             summary->live ? _("None") : _("None when last read"), "");
}

static void
show_hub (HcWall *self)
{
  GListModel *hubs = hc_hub_manager_get_hubs (self->manager);
  guint n = g_list_model_get_n_items (hubs);
  g_autoptr(HcHub) hub = NULL;
  g_autoptr(HcHubSummary) summary = NULL;
  g_autoptr(HcHubTotals) totals = hc_hub_totals_new ();
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  GDateTime *last;
  g_autofree char *position = NULL;
  g_autofree char *updated = NULL;

  if (n == 0)
    {
      gtk_label_set_label (self->hub_label, _("No hubs"));
      gtk_label_set_label (self->position_label, "");
      gtk_label_set_label (self->updated_label, _("Add a hub in Preferences to watch it here."));
      show_verdicts (self, totals);
      clear_box (self->alerts_box);
      clear_box (self->feeds_box);
      return;
    }

  self->index %= n;
  hub = g_list_model_get_item (hubs, self->index);
  summary = hc_hub_summary_new (hub);
  hc_hub_totals_add (totals, summary, NULL, now);

  gtk_label_set_label (self->hub_label, hc_hub_manager_get_hub_name (self->manager, hub));
  /* Translators: on the wall, "Hub 1 of 3" */
  position = g_strdup_printf (_("Hub %u of %u"), self->index + 1, n);
  gtk_label_set_label (self->position_label, position);
  last = hc_hub_get_last_updated (hub);
  updated = hc_format_updated (last ? g_date_time_to_unix (last) : 0, now);
  {
    /* An offline or signed-out hub says so, as the window's banner does:
     * its figures are the last read, or not known. */
    g_autoptr(GPtrArray) one = g_ptr_array_new ();
    g_autofree char *problem = NULL, *button = NULL, *action = NULL;
    HcLevel level = HC_LEVEL_OK;
    g_autofree char *line = NULL;

    g_ptr_array_add (one, hub);
    if (hc_hub_problems_describe (self->manager, one, NULL, 0, &level, &problem, &button, &action))
      line = g_strjoin (" · ", updated, problem, NULL);
    gtk_label_set_label (self->updated_label, line ? line : updated);
    gtk_widget_remove_css_class (GTK_WIDGET (self->updated_label), "warning");
    gtk_widget_remove_css_class (GTK_WIDGET (self->updated_label), "dim-label");
    gtk_widget_add_css_class (GTK_WIDGET (self->updated_label), line ? "warning" : "dim-label");
  }

  show_verdicts (self, totals);
  show_alerts (self, hub, summary);
  show_feeds (self, hub, summary);
}

static gboolean
refresh_cb (gpointer user_data)
{
  show_hub (HC_WALL (user_data));
  return G_SOURCE_CONTINUE;
}

static gboolean
rotate_cb (gpointer user_data)
{
  HcWall *self = HC_WALL (user_data);

  self->index++;
  show_hub (self);
  return G_SOURCE_CONTINUE;
}

static void
restart_rotation (HcWall *self)
{
  guint seconds = g_settings_get_uint (self->settings, "wall-rotate-seconds");
  g_autofree char *hint = NULL;

  g_clear_handle_id (&self->rotate_source, g_source_remove);
  self->rotate_source = g_timeout_add_seconds (seconds, rotate_cb, self);
  /* Translators: at the foot of the wall */
  hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The next hub every %u second · Escape leaves the wall",
                                       "The next hub every %u seconds · Escape leaves the wall", seconds),
                          seconds);
  gtk_label_set_label (self->hint_label, hint);
}

static void
on_rotate_changed (GSettings  *settings,
                   const char *key,
                   HcWall     *self)
{
  restart_rotation (self);
}

static void
hc_wall_dispose (GObject *object)
{
  HcWall *self = HC_WALL (object);

  g_clear_handle_id (&self->rotate_source, g_source_remove);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (hc_wall_parent_class)->dispose (object);
}

static void
hc_wall_class_init (HcWallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_wall_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-wall.ui");
  gtk_widget_class_bind_template_child (widget_class, HcWall, hub_label);
  gtk_widget_class_bind_template_child (widget_class, HcWall, position_label);
  gtk_widget_class_bind_template_child (widget_class, HcWall, updated_label);
  gtk_widget_class_bind_template_child (widget_class, HcWall, sources_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcWall, quality_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcWall, storage_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcWall, alerts_verdict);
  gtk_widget_class_bind_template_child (widget_class, HcWall, alerts_box);
  gtk_widget_class_bind_template_child (widget_class, HcWall, feeds_box);
  gtk_widget_class_bind_template_child (widget_class, HcWall, hint_label);

  /* No control needs a mouse: the keys that leave are the only ones. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "window.close", NULL);
}

static void
hc_wall_init (HcWall *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * hc_wall_new:
 * The wall for every hub of @manager, from the first. The caller makes
 * it fullscreen.
 */
HcWall *
hc_wall_new (HcHubManager *manager)
{
  HcWall *self;

  g_return_val_if_fail (HC_IS_HUB_MANAGER (manager), NULL);

  self = g_object_new (HC_TYPE_WALL, NULL);
  self->manager = g_object_ref (manager);
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::wall-rotate-seconds",
                           G_CALLBACK (on_rotate_changed), self, 0);
  /* The lists change with every event: read again every two seconds,
   * only while the wall is up. */
  self->refresh_source = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
  restart_rotation (self);
  show_hub (self);
  return self;
}

/**
 * hc_wall_get_hub:
 * The hub shown now, or %NULL when there is none.
 */
HcHub *
hc_wall_get_hub (HcWall *self)
{
  GListModel *hubs;
  g_autoptr(HcHub) hub = NULL;

  g_return_val_if_fail (HC_IS_WALL (self), NULL);

  hubs = hc_hub_manager_get_hubs (self->manager);
  if (g_list_model_get_n_items (hubs) == 0)
    return NULL;
  hub = g_list_model_get_item (hubs, self->index % g_list_model_get_n_items (hubs));
  return hub;   /* the manager keeps it */
}

/**
 * hc_wall_get_verdict_widget:
 * The verdict label of @card: sources, quality, storage or alerts.
 */
GtkWidget *
hc_wall_get_verdict_widget (HcWall     *self,
                            const char *card)
{
  g_return_val_if_fail (HC_IS_WALL (self), NULL);

  if (g_str_equal (card, "sources"))
    return GTK_WIDGET (self->sources_verdict);
  if (g_str_equal (card, "quality"))
    return GTK_WIDGET (self->quality_verdict);
  if (g_str_equal (card, "storage"))
    return GTK_WIDGET (self->storage_verdict);
  if (g_str_equal (card, "alerts"))
    return GTK_WIDGET (self->alerts_verdict);
  return NULL;
}
