/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-alert.h"
#include "hc-alert-cells.h"
#include "hc-format.h"
#include "hc-item-cells.h"
#include "hc-labels.h"
#include "hc-status-badge.h"

/*
 * The alert list's cells, written from the alert in C (see
 * ui/hc-item-cells.c): a search typed or a burst sorted in points each of
 * GTK 4.8's 200 row widgets at another alert.
 */

/* ---- what the cells say ---------------------------------------------------------- */

/* A hub of another kind (an Alertmanager) may give its own words: a
 * severity none of the four is shown as it came, with no level of ours. */
static HcLevel
severity_level (HcAlert *alert)
{
  return hc_alert_get_severity_text (alert) != NULL ? HC_LEVEL_NEUTRAL
                                                    : hc_severity_level (hc_alert_get_severity (alert));
}

static char *
severity_text (HcAlert *alert)
{
  const char *text = hc_alert_get_severity_text (alert);

  if (text == NULL)
    return g_strdup (hc_severity_label (hc_alert_get_severity (alert)));
  return *text ? hc_format_hub_text (text, HC_HUB_TEXT_LINE) : g_strdup (C_("severity", "Not given"));
}

/**
 * hc_alert_cells_category_text:
 * The category as the list shows it (a closure, for its sorter too).
 */
char *
hc_alert_cells_category_text (gpointer    this,
                              int         category,
                              const char *text)
{
  return text != NULL ? hc_format_hub_text (text, HC_HUB_TEXT_LINE) : g_strdup (hc_alert_category_label (category));
}

static const char * const no_classes[] = { NULL };
static const char * const dim_classes[] = { "dim-label", NULL };
static const char * const numeric_classes[] = { "numeric", NULL };
static const char * const numeric_dim_classes[] = { "numeric", "dim-label", NULL };

/* Bold as the text's attribute, not a style class: a style of another
 * font weight would have the cell measured again, and with it every cell
 * of its column, each time a search puts an open alert in a row that
 * showed another. */
static PangoAttrList *
bold_attributes (void)
{
  static PangoAttrList *bold;

  if (bold == NULL)
    {
      bold = pango_attr_list_new ();
      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
    }
  return bold;
}

/* Open alerts stand out (bold) in their title, resolved ones recede (dim)
 * in every cell; numbers keep their figures aligned. */
static void
set_classes (HcItemCell *cell,
             GtkWidget  *child,
             HcAlert    *alert,
             gboolean    title,
             gboolean    numeric)
{
  HcAlertState state = hc_alert_get_state (alert);
  gboolean resolved = state == HC_ALERT_STATE_RESOLVED;
  int *style = hc_item_cell_get_style (cell);
  const char * const *classes;

  if (*style == (int) state)
    return;
  *style = state;
  if (numeric)
    classes = resolved ? numeric_dim_classes : numeric_classes;
  else if (resolved)
    classes = dim_classes;
  else
    classes = no_classes;
  gtk_widget_set_css_classes (child, (const char **) classes);
  if (title)
    gtk_inscription_set_attributes (GTK_INSCRIPTION (child),
                                    state == HC_ALERT_STATE_OPEN ? bold_attributes () : NULL);
}

/* ---- the kinds of cell ------------------------------------------------------------- */

static void
update_severity (HcItemCell *cell, GtkWidget *child, gpointer alert)
{
  g_autofree char *text = severity_text (alert);

  hc_status_badge_set (HC_STATUS_BADGE (child), severity_level (alert), text);
}

static void
update_state (HcItemCell *cell, GtkWidget *child, gpointer alert)
{
  HcAlertState state = hc_alert_get_state (alert);

  hc_status_badge_set (HC_STATUS_BADGE (child), hc_alert_state_level (state), hc_alert_state_label (state));
}

static void
update_title (HcItemCell *cell, GtkWidget *child, gpointer alert)
{
  hc_item_cell_take_text (child, hc_format_hub_text (hc_alert_get_title (alert), HC_HUB_TEXT_LINE));
  set_classes (cell, child, alert, TRUE, FALSE);
}

static void
update_detected (HcItemCell *cell, GtkWidget *child, gpointer alert)
{
  hc_item_cell_set_time (child, hc_alert_get_detected_at (alert));
  set_classes (cell, child, alert, FALSE, FALSE);
}

static void
update_category (HcItemCell *cell, GtkWidget *child, gpointer alert)
{
  hc_item_cell_take_text (child, hc_alert_cells_category_text (NULL, hc_alert_get_category (alert),
                                                  hc_alert_get_category_text (alert)));
  set_classes (cell, child, alert, FALSE, FALSE);
}

static void
update_asset (HcItemCell *cell, GtkWidget *child, gpointer alert)
{
  hc_item_cell_take_text (child, hc_format_hub_text (hc_alert_get_asset (alert), HC_HUB_TEXT_LINE));
  set_classes (cell, child, alert, FALSE, FALSE);
}

/* An address, or a dash for none. */
static void
update_source_ip (HcItemCell *cell, GtkWidget *child, gpointer alert)
{
  const char *ip = hc_alert_get_source_ip (alert);

  if (ip == NULL || *ip == '\0')
    hc_item_cell_set_text (child, "—");
  else
    hc_item_cell_take_text (child, hc_format_hub_text (ip, HC_HUB_TEXT_LINE));
  set_classes (cell, child, alert, FALSE, TRUE);
}

/* A count; a negative one is not known, and never shown as a number. */
static void
update_events (HcItemCell *cell, GtkWidget *child, gpointer alert)
{
  gint64 count = hc_alert_get_events_count (alert);

  if (count < 0)
    hc_item_cell_set_text (child, "—");
  else
    hc_item_cell_take_text (child, hc_format_count (count));
  set_classes (cell, child, alert, FALSE, TRUE);
}

static const HcItemCellKind kinds[] = {
  [HC_ALERT_CELL_SEVERITY]  = { hc_item_cell_make_badge,  update_severity,  { "severity", "severity-text" } },
  [HC_ALERT_CELL_TITLE]     = { hc_item_cell_make_cut,    update_title,     { "title", "state" } },
  [HC_ALERT_CELL_STATE]     = { hc_item_cell_make_badge,  update_state,     { "state" } },
  [HC_ALERT_CELL_DETECTED]  = { hc_item_cell_make_time,   update_detected,  { "detected-at", "state" } },
  [HC_ALERT_CELL_CATEGORY]  = { hc_item_cell_make_plain,  update_category,  { "category", "category-text", "state" } },
  [HC_ALERT_CELL_ASSET]     = { hc_item_cell_make_cut,    update_asset,     { "asset", "state" } },
  [HC_ALERT_CELL_SOURCE_IP] = { hc_item_cell_make_plain,  update_source_ip, { "source-ip", "state" } },
  [HC_ALERT_CELL_EVENTS]    = { hc_item_cell_make_number, update_events,    { "events-count", "state" } },
};

G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == HC_ALERT_N_CELLS);

/**
 * hc_alert_cells_set_factories:
 * @columns: the alert list's columns, in HcAlertCell's order
 */
void
hc_alert_cells_set_factories (GtkColumnViewColumn **columns)
{
  hc_item_cells_set_factories (columns, kinds, G_N_ELEMENTS (kinds), HC_TYPE_ALERT);
}
