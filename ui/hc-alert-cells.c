/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-alert.h"
#include "hc-alert-cells.h"
#include "hc-cell-tooltips.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-row-slots.h"
#include "hc-status-badge.h"

/*
 * The alert list's cells, written from the alert in C.
 *
 * The list gives its rows through row slots (HcRowSlots): a search typed
 * or a burst sorted in points each of GTK 4.8's 200 row widgets at
 * another alert. Bound with <lookup> expressions, each such change made
 * sixteen expression watches a row anew (each a GClosure called through
 * libffi, a notify handler on the old alert let go and one on the new
 * taken): 22 ms of a 68 ms keystroke over 100,000 alerts. Here a cell
 * holds one handler on its slot and one on its alert, and sets its widget
 * from the alert's getters, only what changed.
 */

typedef struct _Cell Cell;

typedef struct {
  GtkWidget *(*make)   (Cell *cell);
  void       (*update) (Cell *cell, GtkWidget *child, HcAlert *alert);
  const char *shows[4];  /* the alert's properties it shows (a change of another is not its) */
} CellKind;

struct _Cell
{
  const CellKind *kind;
  GtkListItem    *list_item;     /* not held: it holds the cell */
  GObject        *slot;          /* the list item's item while bound */
  gulong          slot_handler;
  HcAlert        *alert;         /* held while bound */
  gulong          alert_handler;
  int             classes_for;   /* the state the css classes are for; -1: none set */
};

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
set_classes (Cell      *cell,
             GtkWidget *child,
             HcAlert   *alert,
             gboolean   title,
             gboolean   numeric)
{
  HcAlertState state = hc_alert_get_state (alert);
  gboolean resolved = state == HC_ALERT_STATE_RESOLVED;
  const char * const *classes;

  if (cell->classes_for == (int) state)
    return;
  cell->classes_for = state;
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

static void
set_text (GtkWidget  *child,
          const char *text)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (child), text);
}

static void
take_text (GtkWidget *child,
           char      *text)
{
  set_text (child, text);
  g_free (text);
}

/* ---- the kinds of cell ------------------------------------------------------------- */

static GtkWidget *
make_badge (Cell *cell)
{
  return hc_status_badge_new_in_cell ();
}

/* Text cut to its cell; @tooltip: the whole of it when the pointer rests. */
static GtkWidget *
make_text (float    xalign,
           gboolean tooltip)
{
  GtkWidget *child = g_object_new (GTK_TYPE_INSCRIPTION,
                                   "xalign", xalign,
                                   "text-overflow", GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END,
                                   "has-tooltip", tooltip,
                                   NULL);

  if (tooltip)
    g_signal_connect (child, "query-tooltip", G_CALLBACK (hc_cell_label_tooltip), NULL);
  return child;
}

static GtkWidget *
make_plain (Cell *cell)
{
  return make_text (0, FALSE);
}

static GtkWidget *
make_cut (Cell *cell)
{
  return make_text (0, TRUE);
}

static GtkWidget *
make_number (Cell *cell)
{
  return make_text (1, FALSE);
}

/* The exact time of the relative one shown, asked for when the pointer rests. */
static gboolean
detected_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip,
                  Cell       *cell)
{
  g_autofree char *text = NULL;

  if (cell->alert == NULL)
    return FALSE;
  text = hc_format_time (hc_alert_get_detected_at (cell->alert), g_get_real_time () / G_USEC_PER_SEC);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
make_detected (Cell *cell)
{
  GtkWidget *child = make_text (0, FALSE);

  gtk_widget_set_has_tooltip (child, TRUE);
  g_signal_connect (child, "query-tooltip", G_CALLBACK (detected_tooltip), cell);
  return child;
}

static void
update_severity (Cell *cell, GtkWidget *child, HcAlert *alert)
{
  g_autofree char *text = severity_text (alert);

  hc_status_badge_set (HC_STATUS_BADGE (child), severity_level (alert), text);
}

static void
update_state (Cell *cell, GtkWidget *child, HcAlert *alert)
{
  HcAlertState state = hc_alert_get_state (alert);

  hc_status_badge_set (HC_STATUS_BADGE (child), hc_alert_state_level (state), hc_alert_state_label (state));
}

static void
update_title (Cell *cell, GtkWidget *child, HcAlert *alert)
{
  take_text (child, hc_format_hub_text (hc_alert_get_title (alert), HC_HUB_TEXT_LINE));
  set_classes (cell, child, alert, TRUE, FALSE);
}

/* "3 min ago"; its accessible description is the exact time. */
static void
update_detected (Cell *cell, GtkWidget *child, HcAlert *alert)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 detected = hc_alert_get_detected_at (alert);
  g_autofree char *exact = hc_format_time (detected, now);

  gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, exact, -1);
  take_text (child, hc_format_relative (detected, now));
  set_classes (cell, child, alert, FALSE, FALSE);
}

static void
update_category (Cell *cell, GtkWidget *child, HcAlert *alert)
{
  take_text (child, hc_alert_cells_category_text (NULL, hc_alert_get_category (alert),
                                                  hc_alert_get_category_text (alert)));
  set_classes (cell, child, alert, FALSE, FALSE);
}

static void
update_asset (Cell *cell, GtkWidget *child, HcAlert *alert)
{
  take_text (child, hc_format_hub_text (hc_alert_get_asset (alert), HC_HUB_TEXT_LINE));
  set_classes (cell, child, alert, FALSE, FALSE);
}

/* An address, or a dash for none. */
static void
update_source_ip (Cell *cell, GtkWidget *child, HcAlert *alert)
{
  const char *ip = hc_alert_get_source_ip (alert);

  if (ip == NULL || *ip == '\0')
    set_text (child, "—");
  else
    take_text (child, hc_format_hub_text (ip, HC_HUB_TEXT_LINE));
  set_classes (cell, child, alert, FALSE, TRUE);
}

/* A count; a negative one is not known, and never shown as a number. */
static void
update_events (Cell *cell, GtkWidget *child, HcAlert *alert)
{
  gint64 count = hc_alert_get_events_count (alert);

  if (count < 0)
    set_text (child, "—");
  else
    take_text (child, hc_format_count (count));
  set_classes (cell, child, alert, FALSE, TRUE);
}

static const CellKind kinds[] = {
  [HC_ALERT_CELL_SEVERITY]  = { make_badge,    update_severity,  { "severity", "severity-text" } },
  [HC_ALERT_CELL_TITLE]     = { make_cut,      update_title,     { "title", "state" } },
  [HC_ALERT_CELL_STATE]     = { make_badge,    update_state,     { "state" } },
  [HC_ALERT_CELL_DETECTED]  = { make_detected, update_detected,  { "detected-at", "state" } },
  [HC_ALERT_CELL_CATEGORY]  = { make_plain,    update_category,  { "category", "category-text", "state" } },
  [HC_ALERT_CELL_ASSET]     = { make_cut,      update_asset,     { "asset", "state" } },
  [HC_ALERT_CELL_SOURCE_IP] = { make_plain,    update_source_ip, { "source-ip", "state" } },
  [HC_ALERT_CELL_EVENTS]    = { make_number,   update_events,    { "events-count", "state" } },
};

/* ---- following the row ------------------------------------------------------------- */

static void
update (Cell *cell)
{
  GtkWidget *child = gtk_list_item_get_child (cell->list_item);

  if (cell->alert != NULL && child != NULL)
    cell->kind->update (cell, child, cell->alert);
}

/* An alert changed in place tells each property changed: a cell updates
 * for those it shows. */
static void
on_alert_notify (HcAlert    *alert,
                 GParamSpec *pspec,
                 Cell       *cell)
{
  for (guint i = 0; i < G_N_ELEMENTS (cell->kind->shows) && cell->kind->shows[i] != NULL; i++)
    if (g_str_equal (pspec->name, cell->kind->shows[i]))
      {
        update (cell);
        return;
      }
}

static void
follow (Cell    *cell,
        HcAlert *alert)
{
  if (cell->alert == alert)
    return;
  if (cell->alert != NULL)
    g_clear_signal_handler (&cell->alert_handler, cell->alert);
  g_set_object (&cell->alert, alert);
  if (alert != NULL)
    {
      cell->alert_handler = g_signal_connect (alert, "notify", G_CALLBACK (on_alert_notify), cell);
      update (cell);
    }
}

static void
on_slot_item (Cell *cell)
{
  gpointer item = hc_row_slot_unwrap (cell->slot);

  follow (cell, HC_IS_ALERT (item) ? item : NULL);
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  follow (cell, NULL);
  g_free (cell);
}

static void
setup (GtkSignalListItemFactory *factory,
       GtkListItem              *list_item,
       const CellKind           *kind)
{
  Cell *cell = g_new0 (Cell, 1);

  cell->kind = kind;
  cell->list_item = list_item;
  cell->classes_for = -1;
  g_object_set_data_full (G_OBJECT (list_item), "hc-alert-cell", cell, cell_free);
  gtk_list_item_set_child (list_item, kind->make (cell));
}

static void
bind (GtkSignalListItemFactory *factory,
      GtkListItem              *list_item,
      const CellKind           *kind)
{
  Cell *cell = g_object_get_data (G_OBJECT (list_item), "hc-alert-cell");

  cell->slot = gtk_list_item_get_item (list_item);
  /* A list given without slots binds its alerts themselves. */
  if (HC_IS_ROW_SLOT (cell->slot))
    cell->slot_handler = g_signal_connect_swapped (cell->slot, "notify::item", G_CALLBACK (on_slot_item), cell);
  on_slot_item (cell);
}

static void
unbind (GtkSignalListItemFactory *factory,
        GtkListItem              *list_item,
        const CellKind           *kind)
{
  Cell *cell = g_object_get_data (G_OBJECT (list_item), "hc-alert-cell");

  if (cell->slot != NULL)
    g_clear_signal_handler (&cell->slot_handler, cell->slot);
  cell->slot = NULL;
  follow (cell, NULL);
}

static void
teardown (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          const CellKind           *kind)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);

  /* Its tooltip asks the cell, which goes now. */
  if (child != NULL)
    g_signal_handlers_disconnect_by_data (child, g_object_get_data (G_OBJECT (list_item), "hc-alert-cell"));
  gtk_list_item_set_child (list_item, NULL);
  g_object_set_data (G_OBJECT (list_item), "hc-alert-cell", NULL);
}

/**
 * hc_alert_cells_factory:
 * The factory of a column of the alert list; its rows are HcRowSlots over
 * alerts (or alerts).
 *
 * Returns: (transfer full): a new factory
 */
GtkListItemFactory *
hc_alert_cells_factory (HcAlertCell cell)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  gpointer kind;

  g_return_val_if_fail ((guint) cell < G_N_ELEMENTS (kinds), factory);
  kind = (gpointer) &kinds[cell];

  g_signal_connect (factory, "setup", G_CALLBACK (setup), kind);
  g_signal_connect (factory, "bind", G_CALLBACK (bind), kind);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind), kind);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown), kind);
  return factory;
}
