/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-audit-columns.h"
#include "hc-audit-window.h"
#include "hc-error.h"
#include "hc-format.h"
#include "hc-labels.h"
#include "hc-widget-util.h"

/*
 * One job: the audit log window for supervisors: who acknowledged,
 * resolved or retried what, on the hubs the main window shows, filtered
 * by actor, action and period on the hub (GET /audit), searched and
 * exported by the list pane, a page at a time. A hub whose role may not
 * read the log is named with the reason; when none may, the log is
 * hidden behind that reason, never shown as an empty list.
 */

#define DEFAULT_PAGE_LIMIT 100

typedef struct {
  HcHub    *hub;
  char     *name;
  char     *cursor;
  char     *problem;   /* why this hub's log was not read, or NULL */
  gboolean  refused;   /* the role may not read it */
} HubLog;

struct _HcAuditWindow
{
  AdwWindow       parent_instance;

  GWeakRef        window;
  HcHubManager   *manager;
  GPtrArray      *hubs;         /* HubLog */
  GListStore     *entries;
  GtkStringList  *actors;
  GHashTable     *actor_set;
  char           *actor;
  char           *action;
  guint           period_days;
  guint           page_limit;
  GCancellable   *cancellable;
  guint           pending;
  guint           generation;   /* a reload's: answers to an older one are dropped */
  char           *denied;

  /* template children */
  AdwWindowTitle *window_title;
  GtkStack       *stack;
  AdwStatusPage  *denied_page;
  GtkDropDown    *actor_dropdown;
  GtkDropDown    *action_dropdown;
  GtkDropDown    *period_dropdown;
  HcListPane     *pane;
  GtkColumnView  *view;
  GtkLabel       *count_label;
  GtkWidget      *problems_box;
  GtkLabel       *problems_label;
  GtkButton      *more_button;
};

G_DEFINE_FINAL_TYPE (HcAuditWindow, hc_audit_window, ADW_TYPE_WINDOW)

/* The dropdowns' rows, in the order of the .ui file's lists. */
static const char * const action_nicks[] = { NULL, "alert.acknowledge", "alert.resolve", "source.retry" };
static const guint period_days[] = { 0, 1, 7, 30 };

typedef struct {
  HcAuditWindow *self;
  HubLog        *log;
  guint          generation;
} Request;

static void
hub_log_free (gpointer data)
{
  HubLog *log = data;

  g_clear_object (&log->hub);
  g_free (log->name);
  g_free (log->cursor);
  g_free (log->problem);
  g_free (log);
}

static void
note_actor (HcAuditWindow *self,
            const char    *actor)
{
  if (actor == NULL || g_hash_table_contains (self->actor_set, actor))
    return;
  g_hash_table_add (self->actor_set, g_strdup (actor));
  gtk_string_list_append (self->actors, actor);
}

static void
update_state (HcAuditWindow *self)
{
  g_autoptr(GString) refusals = g_string_new (NULL);
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_refused = 0;
  guint n_failed = 0;
  gboolean more = FALSE;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->entries));

  for (guint i = 0; i < self->hubs->len; i++)
    {
      HubLog *log = self->hubs->pdata[i];

      more |= log->cursor != NULL;
      if (log->problem == NULL)
        continue;
      if (log->refused)
        n_refused++;
      else
        n_failed++;
      g_string_append_printf (log->refused ? refusals : problems, "%s%s",
                              (log->refused ? refusals : problems)->len > 0 ? "\n" : "", log->problem);
    }

  g_clear_pointer (&self->denied, g_free);
  if (self->hubs->len == 0 || n_refused == self->hubs->len)
    {
      self->denied = self->hubs->len == 0
        ? g_strdup (_("No hub is connected. Add one in Preferences."))
        : g_strdup (refusals->str);
      {
        g_autofree char *escaped = g_markup_escape_text (self->denied, -1);
        adw_status_page_set_description (self->denied_page, escaped);
      }
      gtk_stack_set_visible_child_name (self->stack, "denied");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "log");

  if (self->pending > 0)
    hc_list_pane_set_state (self->pane, HC_LIST_PANE_LOADING, NULL);
  else if (n_failed + n_refused == self->hubs->len)
    hc_list_pane_set_state (self->pane, HC_LIST_PANE_ERROR, problems->str);
  else
    hc_list_pane_set_state (self->pane, HC_LIST_PANE_READY, NULL);

  if (refusals->len > 0 && problems->len > 0)
    g_string_append_printf (problems, "\n%s", refusals->str);
  else if (refusals->len > 0)
    g_string_assign (problems, refusals->str);
  if (problems->len > 0 && self->pending == 0)
    {
      gtk_label_set_text (self->problems_label, problems->str);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->problems_label), problems->str);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->problems_box), problems->len > 0 && self->pending == 0);

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), more);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "audit.load-more", more && self->pending == 0);
  {
    g_autofree char *count = NULL;

    if (more)
      /* Translators: %u is a number of audit entries; the hub has older ones */
      count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The newest %u entry is loaded; the hub has older ones.",
                                            "The newest %u entries are loaded; the hub has older ones.", n), n);
    gtk_label_set_text (self->count_label, count != NULL ? count : "");
    gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->count_label)), more);
  }
}

static void
on_page (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Request *req = user_data;
  g_autoptr(HcAuditWindow) self = req->self;
  HubLog *log = req->log;
  g_autoptr(GError) error = NULL;
  g_autoptr(HcListPage) page = hc_client_audit_finish (HC_CLIENT (object), result, &error);

  /* Cancelled, closed, or asked before the filters changed: not ours now. */
  if (g_error_matches (error, HC_ERROR, HC_ERROR_CANCELLED) || self->hubs == NULL ||
      req->generation != self->generation)
    {
      g_free (req);
      return;
    }
  g_free (req);
  self->pending--;
  g_clear_pointer (&log->cursor, g_free);
  if (page == NULL)
    {
      g_autofree char *clause = hc_error_describe_clause (error);

      log->refused = g_error_matches (error, HC_ERROR, HC_ERROR_FORBIDDEN);
      g_free (log->problem);
      log->problem = log->refused
        /* Translators: %s is a hub's name, then the hub's answer */
        ? g_strdup_printf (_("%s: your role is not allowed to see the audit log (%s)."), log->name, clause)
        /* Translators: %s is a hub's name, then the error */
        : g_strdup_printf (_("The audit log of %s could not be read: %s."), log->name, clause);
      update_state (self);
      return;
    }

  for (guint i = 0; i < page->items->len; i++)
    {
      HcAuditEntry *entry = page->items->pdata[i];

      hc_audit_columns_set_hub (entry, log->hub, log->name);
      note_actor (self, hc_audit_entry_get_actor (entry));
    }
  g_list_store_splice (self->entries, g_list_model_get_n_items (G_LIST_MODEL (self->entries)), 0,
                       page->items->pdata, page->items->len);
  if (page->next_cursor != NULL && *page->next_cursor != '\0')
    log->cursor = g_strdup (page->next_cursor);
  hc_list_pane_set_updated (self->pane, g_get_real_time () / G_USEC_PER_SEC);
  update_state (self);
}

static void
fetch (HcAuditWindow *self,
       HubLog        *log,
       const char    *cursor)
{
  Request *req = g_new0 (Request, 1);
  g_autofree char *since = NULL;

  if (self->period_days > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) then = g_date_time_add_days (now, - (int) self->period_days);

      since = g_date_time_format_iso8601 (then);
    }
  req->self = g_object_ref (self);
  req->log = log;
  req->generation = self->generation;
  self->pending++;
  hc_client_audit_async (hc_hub_get_client (log->hub), self->actor, self->action, since, cursor,
                         self->page_limit, self->cancellable, on_page, req);
}

/* From the first page, as the filters now say. */
static void
reload (HcAuditWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 0;
  self->generation++;
  g_list_store_remove_all (self->entries);

  for (guint i = 0; i < self->hubs->len; i++)
    {
      HubLog *log = self->hubs->pdata[i];
      HcMe *me = hc_hub_get_me (log->hub);

      g_clear_pointer (&log->cursor, g_free);
      g_clear_pointer (&log->problem, g_free);
      log->refused = FALSE;
      /* /me already says the role may not: ask the hub nothing. */
      if (me != NULL && !hc_me_can_read_audit (me))
        {
          log->refused = TRUE;
          /* Translators: the hub's name, then a role such as “Operator” */
          log->problem = g_strdup_printf (_("%s: your role (%s) is not allowed to see the audit log; it is for supervisors."),
                                          log->name, hc_role_label (hc_me_get_role (me)));
          continue;
        }
      fetch (self, log, NULL);
    }
  update_state (self);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HcAuditWindow *self = HC_AUDIT_WINDOW (widget);

  if (self->pending > 0)
    return;
  for (guint i = 0; i < self->hubs->len; i++)
    {
      HubLog *log = self->hubs->pdata[i];

      if (log->cursor != NULL)
        {
          g_autofree char *cursor = g_steal_pointer (&log->cursor);
          fetch (self, log, cursor);
        }
    }
  update_state (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  reload (HC_AUDIT_WINDOW (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hc_list_pane_focus_search (HC_AUDIT_WINDOW (widget)->pane);
}

static void
on_filter_selected (GtkDropDown   *dropdown,
                    GParamSpec    *pspec,
                    HcAuditWindow *self)
{
  guint actor = gtk_drop_down_get_selected (self->actor_dropdown);
  guint action = gtk_drop_down_get_selected (self->action_dropdown);
  guint period = gtk_drop_down_get_selected (self->period_dropdown);
  const char *new_actor = actor != GTK_INVALID_LIST_POSITION && actor > 0
    ? gtk_string_list_get_string (self->actors, actor) : NULL;
  const char *new_action = action < G_N_ELEMENTS (action_nicks) ? action_nicks[action] : NULL;
  guint new_days = period < G_N_ELEMENTS (period_days) ? period_days[period] : 0;

  if (g_strcmp0 (new_actor, self->actor) == 0 && g_strcmp0 (new_action, self->action) == 0 &&
      new_days == self->period_days)
    return;
  g_free (self->actor);
  self->actor = g_strdup (new_actor);
  g_free (self->action);
  self->action = g_strdup (new_action);
  self->period_days = new_days;
  reload (self);
}

static void
open_target (HcAuditEntry *entry,
             gpointer      user_data)
{
  hc_audit_window_open_target (HC_AUDIT_WINDOW (user_data), entry);
}

static void
hc_audit_window_dispose (GObject *object)
{
  HcAuditWindow *self = HC_AUDIT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_AUDIT_WINDOW);
  g_clear_object (&self->entries);
  g_clear_object (&self->actors);
  g_clear_object (&self->manager);
  g_clear_pointer (&self->hubs, g_ptr_array_unref);
  g_clear_pointer (&self->actor_set, g_hash_table_unref);
  g_weak_ref_set (&self->window, NULL);

  G_OBJECT_CLASS (hc_audit_window_parent_class)->dispose (object);
}

static void
hc_audit_window_finalize (GObject *object)
{
  HcAuditWindow *self = HC_AUDIT_WINDOW (object);

  g_weak_ref_clear (&self->window);
  g_free (self->actor);
  g_free (self->action);
  g_free (self->denied);

  G_OBJECT_CLASS (hc_audit_window_parent_class)->finalize (object);
}

static void
hc_audit_window_class_init (HcAuditWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hc_audit_window_dispose;
  object_class->finalize = hc_audit_window_finalize;

  g_type_ensure (HC_TYPE_LIST_PANE);
  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-audit-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, denied_page);
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, actor_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, action_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, pane);
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, view);
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, count_label);
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, problems_box);
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, HcAuditWindow, more_button);

  gtk_widget_class_install_action (widget_class, "audit.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "audit.load-more", NULL, load_more_action);
  gtk_widget_class_install_action (widget_class, "audit.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "audit.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "audit.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
hc_audit_window_init (HcAuditWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_weak_ref_init (&self->window, NULL);
  self->page_limit = DEFAULT_PAGE_LIMIT;
  self->hubs = g_ptr_array_new_with_free_func (hub_log_free);
  self->entries = g_list_store_new (HC_TYPE_AUDIT_ENTRY);
  self->actor_set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->actors = gtk_string_list_new (NULL);
  gtk_string_list_append (self->actors, _("All Actors"));
  gtk_drop_down_set_model (self->actor_dropdown, G_LIST_MODEL (self->actors));

  hc_audit_columns_setup (self->view, self->pane, open_target, self);
  hc_list_pane_set_model (self->pane, G_LIST_MODEL (self->entries));

  g_signal_connect_object (self->actor_dropdown, "notify::selected", G_CALLBACK (on_filter_selected), self, 0);
  g_signal_connect_object (self->action_dropdown, "notify::selected", G_CALLBACK (on_filter_selected), self, 0);
  g_signal_connect_object (self->period_dropdown, "notify::selected", G_CALLBACK (on_filter_selected), self, 0);
}

/**
 * hc_audit_window_new:
 * @window: the main window, whose sections the targets open in
 * @hubs: (element-type HcHub): the hubs in the main window's scope
 *
 * The audit log of @hubs, its first page fetched at once.
 */
HcAuditWindow *
hc_audit_window_new (HcWindow     *window,
                     HcHubManager *manager,
                     GPtrArray    *hubs)
{
  HcAuditWindow *self;

  g_return_val_if_fail (HC_IS_WINDOW (window), NULL);
  g_return_val_if_fail (HC_IS_HUB_MANAGER (manager), NULL);

  self = g_object_new (HC_TYPE_AUDIT_WINDOW, "transient-for", window, NULL);
  g_weak_ref_set (&self->window, window);
  self->manager = g_object_ref (manager);
  for (guint i = 0; i < hubs->len; i++)
    {
      HubLog *log = g_new0 (HubLog, 1);

      log->hub = g_object_ref (hubs->pdata[i]);
      log->name = g_strdup (hc_hub_manager_get_hub_name (manager, log->hub));
      g_ptr_array_add (self->hubs, log);
    }
  /* One hub: its name is in the title, not on every row. */
  {
    g_autoptr(GtkColumnViewColumn) hub_column = g_list_model_get_item (gtk_column_view_get_columns (self->view), 1);
    gtk_column_view_column_set_visible (hub_column, hubs->len > 1);
  }
  adw_window_title_set_subtitle (self->window_title,
                                 hubs->len == 1 ? ((HubLog *) self->hubs->pdata[0])->name : _("All Hubs"));
  reload (self);
  return self;
}

HcListPane *
hc_audit_window_get_pane (HcAuditWindow *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_WINDOW (self), NULL);

  return self->pane;
}

/**
 * hc_audit_window_get_denied:
 * Why the log is hidden (no hub in scope lets this role read it), or
 * %NULL while it is shown.
 */
/**
 * hc_audit_window_get_problems:
 * What the log shown leaves out (hubs whose log could not be read, with
 * why), or %NULL when it is every hub's.
 */
const char *
hc_audit_window_get_problems (HcAuditWindow *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_WINDOW (self), NULL);

  return gtk_widget_get_visible (self->problems_box) ? gtk_label_get_text (self->problems_label) : NULL;
}

const char *
hc_audit_window_get_denied (HcAuditWindow *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_WINDOW (self), NULL);

  return self->denied;
}

gboolean
hc_audit_window_is_loading (HcAuditWindow *self)
{
  g_return_val_if_fail (HC_IS_AUDIT_WINDOW (self), FALSE);

  return self->pending > 0;
}

void
hc_audit_window_set_actor (HcAuditWindow *self,
                           const char    *actor)
{
  guint n;

  g_return_if_fail (HC_IS_AUDIT_WINDOW (self));

  note_actor (self, actor);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->actors));
  for (guint i = 1; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->actors, i), actor) == 0)
      {
        gtk_drop_down_set_selected (self->actor_dropdown, i);
        return;
      }
  gtk_drop_down_set_selected (self->actor_dropdown, 0);
}

/* Entries per page (the hub may give fewer); the log is read again. */
void
hc_audit_window_set_page_limit (HcAuditWindow *self,
                                guint          limit)
{
  g_return_if_fail (HC_IS_AUDIT_WINDOW (self));
  g_return_if_fail (limit > 0);

  self->page_limit = limit;
  reload (self);
}

/* @action: an HcAuditAction nick, or %NULL for every action. */
void
hc_audit_window_set_action (HcAuditWindow *self,
                            const char    *action)
{
  g_return_if_fail (HC_IS_AUDIT_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (action_nicks); i++)
    if (g_strcmp0 (action_nicks[i], action) == 0)
      gtk_drop_down_set_selected (self->action_dropdown, i);
}

/* @days: 1, 7 or 30; 0 for all time. */
void
hc_audit_window_set_period (HcAuditWindow *self,
                            guint          days)
{
  g_return_if_fail (HC_IS_AUDIT_WINDOW (self));

  for (guint i = 0; i < G_N_ELEMENTS (period_days); i++)
    if (period_days[i] == days)
      gtk_drop_down_set_selected (self->period_dropdown, i);
}

/**
 * hc_audit_window_open_target:
 * Opens @entry's alert or feed in its section of the main window, which
 * comes to the front. Returns whether the item was found.
 */
gboolean
hc_audit_window_open_target (HcAuditWindow *self,
                             HcAuditEntry  *entry)
{
  g_autoptr(HcWindow) window = NULL;
  HcHub *hub;
  gboolean source;
  g_autofree char *message = NULL;
  g_autofree char *target = NULL;

  g_return_val_if_fail (HC_IS_AUDIT_WINDOW (self), FALSE);
  g_return_val_if_fail (HC_IS_AUDIT_ENTRY (entry), FALSE);

  window = g_weak_ref_get (&self->window);
  hub = hc_audit_columns_get_hub (entry);
  if (window == NULL || hub == NULL)
    return FALSE;

  source = hc_audit_entry_get_action (entry) == HC_AUDIT_ACTION_SOURCE_RETRY;
  if (hc_window_show_item (window, hub, source ? "sources" : "alerts", hc_audit_entry_get_target (entry), NULL))
    {
      gtk_window_present (GTK_WINDOW (window));
      return TRUE;
    }

  target = hc_format_hub_text (hc_audit_entry_get_target (entry), HC_HUB_TEXT_LINE);
  message = source
    /* Translators: %s is a feed's id */
    ? g_strdup_printf (_("The feed %s is not in the hub's list of feeds (yet, or any more)."), target)
    /* Translators: %s is an alert's id */
    : g_strdup_printf (_("The alert %s is not in the hub's list of alerts (yet, or any more)."), target);
  gtk_label_set_text (self->problems_label, message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->problems_label), message);
  gtk_widget_set_visible (self->problems_box, TRUE);
  return FALSE;
}
