/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-format.h"
#include "hc-hub-row.h"
#include "hc-seen-store.h"

/* A hub in the sidebar: its name, in words how it is connected, and how
 * many critical and high alerts arrived that the operator has not seen. */
struct _HcHubRow
{
  GtkListBoxRow  parent_instance;

  HcHub         *hub;
  GtkLabel      *name_label;
  GtkLabel      *unseen_label;
  HcStatusBadge *state_badge;
  HcSeenStore   *seen;
  guint          n_unseen;
};

G_DEFINE_FINAL_TYPE (HcHubRow, hc_hub_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * hc_hub_describe_state:
 * "Connected", "Connected, partly read", "Connecting…", "Offline since
 * 14:02", "Signed out".
 */
char *
hc_hub_describe_state (HcHub   *hub,
                       HcLevel *level)
{
  HcLevel dummy;

  if (level == NULL)
    level = &dummy;

  switch (hc_hub_get_state (hub))
    {
    case HC_HUB_CONNECTED:
      /* Connected, but a list or the overview could not be read: no green. */
      if (hc_hub_get_partial (hub))
        {
          *level = HC_LEVEL_WARNING;
          /* Translators: a hub that answers, but part of it could not be read */
          return g_strdup (_("Connected, partly read"));
        }
      *level = HC_LEVEL_OK;
      return g_strdup (_("Connected"));

    case HC_HUB_CONNECTING:
      *level = HC_LEVEL_NEUTRAL;
      return g_strdup (_("Connecting…"));

    case HC_HUB_SIGNED_OUT:
      *level = HC_LEVEL_ERROR;
      return g_strdup (_("Signed out"));

    case HC_HUB_OFFLINE:
    default:
      {
        GDateTime *updated = hc_hub_get_last_updated (hub);
        gint64 now = g_get_real_time () / G_USEC_PER_SEC;

        *level = HC_LEVEL_WARNING;
        if (updated != NULL)
          {
            g_autofree char *since = hc_format_time (g_date_time_to_unix (updated), now);
            /* Translators: "Offline since 14:02" */
            return g_strdup_printf (_("Offline since %s"), since);
          }
        return g_strdup (_("Offline"));
      }
    }
}

static void
update_state (HcHubRow *self)
{
  HcLevel level;
  g_autofree char *text = hc_hub_describe_state (self->hub, &level);
  g_autofree char *accessible = NULL;

  hc_status_badge_set (self->state_badge, level, text);
  if (self->n_unseen > 0)
    {
      g_autofree char *unseen = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              /* Translators: read by a screen reader after the hub's name and state */
                                                              "%u new critical or high alert",
                                                              "%u new critical or high alerts",
                                                              self->n_unseen), self->n_unseen);
      accessible = g_strdup_printf ("%s, %s, %s", gtk_label_get_label (self->name_label), text, unseen);
    }
  else
    accessible = g_strdup_printf ("%s, %s", gtk_label_get_label (self->name_label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
show_unseen (HcHubRow *self,
             guint     n)
{
  g_autofree char *text = NULL;

  if (n == self->n_unseen && gtk_widget_get_visible (GTK_WIDGET (self->unseen_label)) == (n > 0))
    return;
  self->n_unseen = n;
  /* Translators: a count of new critical and high alerts beside a hub in the sidebar, "3 new" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new", "%u new", n), n);
  gtk_label_set_label (self->unseen_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->unseen_label), n > 0);
  update_state (self);
}

static void
update_unseen (HcHubRow *self)
{
  GListModel *alerts = G_LIST_MODEL (hc_hub_get_alerts (self->hub));

  show_unseen (self, hc_seen_store_count_unseen (self->seen, hc_hub_get_key (self->hub), alerts, HC_SEVERITY_HIGH));
}

static void
on_alerts_changed (GListModel *alerts,
                   guint       position,
                   guint       removed,
                   guint       added,
                   HcHubRow   *self)
{
  /* Only added (events, pages): count those, not the whole list again
   * (a burst comes in by hundreds of slices). */
  if (removed == 0)
    show_unseen (self, self->n_unseen + hc_seen_store_count_unseen_range (self->seen, hc_hub_get_key (self->hub), alerts,
                                                                          HC_SEVERITY_HIGH, position, added));
  /* The same items announced again in place: "items-updated" follows
   * once for the whole change. */
  else if (removed != added)
    update_unseen (self);
}

static void
on_alerts_updated (HcItemStore *alerts,
                   guint        n_updated,
                   HcHubRow    *self)
{
  update_unseen (self);
}

static void
on_seen_changed (HcSeenStore *seen,
                 const char  *hub_key,
                 HcHubRow    *self)
{
  if (g_strcmp0 (hub_key, hc_hub_get_key (self->hub)) == 0)
    update_unseen (self);
}

static void
on_hub_state (HcHub      *hub,
              GParamSpec *pspec,
              HcHubRow   *self)
{
  update_state (self);
}

static void
hc_hub_row_dispose (GObject *object)
{
  HcHubRow *self = HC_HUB_ROW (object);

  g_clear_object (&self->hub);
  g_clear_object (&self->seen);

  G_OBJECT_CLASS (hc_hub_row_parent_class)->dispose (object);
}

static void
hc_hub_row_class_init (HcHubRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = hc_hub_row_dispose;
}

static void
hc_hub_row_init (HcHubRow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->name_label, 0);
  gtk_label_set_ellipsize (self->name_label, PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (GTK_WIDGET (self->name_label), TRUE);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->name_label));
  /* A count in words, never a dot alone: "3 new". */
  self->unseen_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->unseen_label), "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->unseen_label), "accent");
  gtk_widget_set_visible (GTK_WIDGET (self->unseen_label), FALSE);
  gtk_box_append (GTK_BOX (line), GTK_WIDGET (self->unseen_label));
  gtk_box_append (GTK_BOX (box), line);

  self->state_badge = HC_STATUS_BADGE (hc_status_badge_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->state_badge), "caption");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->state_badge));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

GtkWidget *
hc_hub_row_new (HcHub      *hub,
                const char *name)
{
  return hc_hub_row_new_with_seen (hub, name, hc_seen_store_get_default ());
}

/**
 * hc_hub_row_new_with_seen:
 * A row whose count of new alerts follows @seen; the console's rows
 * follow hc_seen_store_get_default().
 */
GtkWidget *
hc_hub_row_new_with_seen (HcHub       *hub,
                          const char  *name,
                          HcSeenStore *seen)
{
  HcHubRow *self;
  g_autofree char *shown = NULL;

  g_return_val_if_fail (HC_IS_HUB (hub), NULL);
  g_return_val_if_fail (HC_IS_SEEN_STORE (seen), NULL);

  self = g_object_new (HC_TYPE_HUB_ROW, NULL);
  self->hub = g_object_ref (hub);
  /* A hub's name (the operator's, or its URL) is shown as hub text. */
  shown = hc_format_hub_text (name, HC_HUB_TEXT_LINE);
  gtk_label_set_label (self->name_label, shown);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), shown);
  g_signal_connect_object (hub, "notify::state", G_CALLBACK (on_hub_state), self, 0);
  g_signal_connect_object (hub, "notify::last-updated", G_CALLBACK (on_hub_state), self, 0);
  g_signal_connect_object (hub, "notify::partial", G_CALLBACK (on_hub_state), self, 0);
  self->seen = g_object_ref (seen);
  /* What is here when the console first watches a hub is not news. */
  hc_seen_store_start (seen, hc_hub_get_key (hub), g_get_real_time () / G_USEC_PER_SEC);
  g_signal_connect_object (seen, "changed", G_CALLBACK (on_seen_changed), self, 0);
  g_signal_connect_object (hc_hub_get_alerts (hub), "items-changed", G_CALLBACK (on_alerts_changed), self, 0);
  g_signal_connect_object (hc_hub_get_alerts (hub), "items-updated", G_CALLBACK (on_alerts_updated), self, 0);
  update_unseen (self);
  update_state (self);
  return GTK_WIDGET (self);
}

/**
 * hc_hub_row_get_n_unseen:
 * The hub's new critical and high alerts, as the row shows them.
 */
guint
hc_hub_row_get_n_unseen (HcHubRow *self)
{
  g_return_val_if_fail (HC_IS_HUB_ROW (self), 0);

  return self->n_unseen;
}

HcHub *
hc_hub_row_get_hub (HcHubRow *self)
{
  g_return_val_if_fail (HC_IS_HUB_ROW (self), NULL);

  return self->hub;
}
