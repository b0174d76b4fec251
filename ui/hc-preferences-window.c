/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-error.h"
#include "hc-format.h"
#include "hc-hub-dialog.h"
#include "hc-hub-row.h"
#include "hc-preferences-window.h"
#include "hc-widget-util.h"

struct _HcPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  HcHubManager         *manager;
  GPtrArray            *hub_rows;

  /* template children */
  GtkSpinButton        *score_warning;
  GtkSpinButton        *score_critical;
  AdwPreferencesGroup  *hubs_group;
  AdwActionRow         *no_hubs_row;
  AdwActionRow         *no_server_row;
  GtkSwitch            *notify_alerts;
  AdwComboRow          *min_severity;
  GtkSwitch            *notify_sources;
  GtkSwitch            *notify_storage;
  GtkSwitch            *notify_hubs;
  GtkSpinButton        *offline_delay;
  GtkSwitch            *keep_watching;
  GtkSwitch            *start_at_login;
};

/* The order of the "Lowest Severity" choices. */
static const char * const severities[] = { "critical", "high", "medium", "low" };

G_DEFINE_FINAL_TYPE (HcPreferencesWindow, hc_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_hub_row (HcPreferencesWindow *self,
                HcHub               *hub)
{
  HcProfile *profile = hc_hub_manager_get_profile (self->manager, hub);
  g_autofree char *name = hc_format_hub_text (hc_hub_manager_get_hub_name (self->manager, hub),
                                              HC_HUB_TEXT_LINE);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *state = hc_hub_describe_state (hub, NULL);
  g_autofree char *subtitle = NULL;
  g_autofree char *menu_label = NULL;
  g_autoptr(GMenu) menu = NULL;
  GtkWidget *button;

  /* Hub text is text, never markup: "&" or "<" would blank the row. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);

  if (profile == NULL)
    {
      /* Translators: a hub not saved, e.g. the demo hub */
      subtitle = g_strdup_printf ("%s · %s", state, _("this session only"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      return row;
    }

  {
    /* The user name is the one the hub answered for the token. */
    g_autofree char *url = hc_format_hub_text (hc_profile_get_url (profile), HC_HUB_TEXT_LINE);
    g_autofree char *user = hc_format_hub_text (hc_profile_get_username (profile), HC_HUB_TEXT_LINE);

    subtitle = g_strdup_printf ("%s · %s%s%s", url, state, *user ? " · " : "", user);
  }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  menu = g_menu_new ();
  {
    g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
    g_autoptr(GMenuItem) sign_out = g_menu_item_new (_("_Sign Out"), NULL);
    g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove"), NULL);
    const char *id = hc_profile_get_id (profile);

    g_menu_item_set_action_and_target (edit, "prefs.edit-hub", "s", id);
    g_menu_item_set_action_and_target (sign_out, "prefs.sign-out", "s", id);
    g_menu_item_set_action_and_target (remove, "prefs.remove-hub", "s", id);
    g_menu_append_item (menu, edit);
    g_menu_append_item (menu, sign_out);
    g_menu_append_item (menu, remove);
  }

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: the menu of one hub, e.g. "Actions for Hà Nội" */
  menu_label = g_strdup_printf (_("Actions for %s"), name);
  gtk_widget_set_tooltip_text (button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
rebuild_hub_rows (HcPreferencesWindow *self)
{
  GListModel *hubs;
  guint n;

  for (guint i = 0; i < self->hub_rows->len; i++)
    adw_preferences_group_remove (self->hubs_group, self->hub_rows->pdata[i]);
  g_ptr_array_set_size (self->hub_rows, 0);

  if (self->manager == NULL)
    return;

  hubs = hc_hub_manager_get_hubs (self->manager);
  n = g_list_model_get_n_items (hubs);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(HcHub) hub = g_list_model_get_item (hubs, i);
      GtkWidget *row = create_hub_row (self, hub);

      adw_preferences_group_add (self->hubs_group, row);
      g_ptr_array_add (self->hub_rows, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_hubs_row), n == 0);
}

static void
on_hubs_changed (GListModel          *model,
                 guint                position,
                 guint                removed,
                 guint                added,
                 HcPreferencesWindow *self)
{
  rebuild_hub_rows (self);
}

static HcHubDialog *
open_hub_dialog (HcPreferencesWindow *self,
                 HcProfile           *profile)
{
  HcHubDialog *dialog = hc_hub_dialog_new (GTK_WINDOW (self), self->manager, profile);

  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
add_hub_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  open_hub_dialog (HC_PREFERENCES_WINDOW (widget), NULL);
}

static void
edit_hub_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HcPreferencesWindow *self = HC_PREFERENCES_WINDOW (widget);
  HcProfile *profile = hc_profile_store_lookup (hc_hub_manager_get_profiles (self->manager),
                                                g_variant_get_string (parameter, NULL));

  if (profile != NULL)
    open_hub_dialog (self, profile);
}

static void
on_signed_out (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(HcPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!hc_hub_manager_sign_out_finish (HC_HUB_MANAGER (object), result, &error))
    {
      g_autofree char *message = hc_error_describe (error);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), hc_toast_new (message));
      return;
    }
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("Signed out: the token was deleted from the keyring.")));
  rebuild_hub_rows (self);
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HcPreferencesWindow *self = HC_PREFERENCES_WINDOW (widget);
  HcProfile *profile = hc_profile_store_lookup (hc_hub_manager_get_profiles (self->manager),
                                                g_variant_get_string (parameter, NULL));

  if (profile != NULL)
    hc_hub_manager_sign_out_async (self->manager, profile, NULL, on_signed_out, g_object_ref (self));
}

static void
on_remove_response (AdwMessageDialog    *dialog,
                    const char          *response,
                    HcPreferencesWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (dialog), "profile-id");
  HcProfileStore *profiles = hc_hub_manager_get_profiles (self->manager);
  g_autoptr(HcProfile) profile = NULL;

  if (g_strcmp0 (response, "remove") != 0 || id == NULL)
    return;
  profile = hc_profile_store_lookup (profiles, id);
  if (profile == NULL)
    return;
  g_object_ref (profile);
  /* The token goes with the hub: nothing of it stays in the keyring. */
  hc_hub_manager_sign_out_async (self->manager, profile, NULL, NULL, NULL);
  hc_profile_store_remove (profiles, id);
}

static void
remove_hub_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HcPreferencesWindow *self = HC_PREFERENCES_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  HcProfile *profile = hc_profile_store_lookup (hc_hub_manager_get_profiles (self->manager), id);
  GtkWidget *dialog;
  g_autofree char *name = NULL;

  if (profile == NULL)
    return;

  name = hc_format_hub_text (hc_profile_get_name (profile), HC_HUB_TEXT_LINE);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Remove Hub?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will no longer be watched, and its token will be deleted from the keyring."),
                                  name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_object_set_data_full (G_OBJECT (dialog), "profile-id", g_strdup (id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
hub_saved_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HcPreferencesWindow *self = HC_PREFERENCES_WINDOW (widget);
  /* Who the token signed in as, said once more now the dialog is gone. */
  g_autofree char *message = g_strdup_printf (_("%s. Hub saved."), g_variant_get_string (parameter, NULL));

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), hc_toast_new (message));
  rebuild_hub_rows (self);
}

static gboolean
severity_to_row (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    if (g_str_equal (severities[i], nick))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
row_to_severity (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  guint i = g_value_get_uint (value);

  return i < G_N_ELEMENTS (severities) ? g_variant_new_string (severities[i]) : NULL;
}

static void
bind_notifications (HcPreferencesWindow *self)
{
  static const struct { const char *key; gsize offset; } switches[] = {
    { "notify-alerts", G_STRUCT_OFFSET (HcPreferencesWindow, notify_alerts) },
    { "notify-sources", G_STRUCT_OFFSET (HcPreferencesWindow, notify_sources) },
    { "notify-storage", G_STRUCT_OFFSET (HcPreferencesWindow, notify_storage) },
    { "notify-hubs", G_STRUCT_OFFSET (HcPreferencesWindow, notify_hubs) },
    { "keep-watching", G_STRUCT_OFFSET (HcPreferencesWindow, keep_watching) },
    { "start-at-login", G_STRUCT_OFFSET (HcPreferencesWindow, start_at_login) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    g_settings_bind (self->settings, switches[i].key, G_STRUCT_MEMBER (GtkSwitch *, self, switches[i].offset),
                     "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "notify-min-severity", self->min_severity, "selected",
                                G_SETTINGS_BIND_DEFAULT, severity_to_row, row_to_severity, NULL, NULL);
  g_settings_bind (self->settings, "notify-alerts", self->min_severity, "sensitive", G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "notify-offline-delay",
                   gtk_spin_button_get_adjustment (self->offline_delay), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notify-hubs", self->offline_delay, "sensitive", G_SETTINGS_BIND_GET);
}

static void
hc_preferences_window_constructed (GObject *object)
{
  HcPreferencesWindow *self = HC_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (hc_preferences_window_parent_class)->constructed (object);

  g_assert (self->settings != NULL);
  g_settings_bind (self->settings, "score-warning-below",
                   gtk_spin_button_get_adjustment (self->score_warning), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "score-critical-below",
                   gtk_spin_button_get_adjustment (self->score_critical), "value",
                   G_SETTINGS_BIND_DEFAULT);
  bind_notifications (self);
}

static void
hc_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HcPreferencesWindow *self = HC_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hc_preferences_window_dispose (GObject *object)
{
  HcPreferencesWindow *self = HC_PREFERENCES_WINDOW (object);

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (hc_hub_manager_get_hubs (self->manager), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), HC_TYPE_PREFERENCES_WINDOW);
  g_clear_pointer (&self->hub_rows, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (hc_preferences_window_parent_class)->dispose (object);
}

static void
hc_preferences_window_class_init (HcPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = hc_preferences_window_constructed;
  object_class->set_property = hc_preferences_window_set_property;
  object_class->dispose = hc_preferences_window_dispose;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, APP_PATH "/hc-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, score_warning);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, score_critical);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, hubs_group);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, no_hubs_row);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, no_server_row);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, notify_alerts);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, min_severity);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, notify_sources);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, notify_storage);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, notify_hubs);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, offline_delay);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, keep_watching);
  gtk_widget_class_bind_template_child (widget_class, HcPreferencesWindow, start_at_login);

  gtk_widget_class_install_action (widget_class, "prefs.add-hub", NULL, add_hub_action);
  gtk_widget_class_install_action (widget_class, "prefs.edit-hub", "s", edit_hub_action);
  gtk_widget_class_install_action (widget_class, "prefs.sign-out", "s", sign_out_action);
  gtk_widget_class_install_action (widget_class, "prefs.remove-hub", "s", remove_hub_action);
  gtk_widget_class_install_action (widget_class, "prefs.hub-saved", "s", hub_saved_action);
}

static void
hc_preferences_window_init (HcPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->hub_rows = g_ptr_array_new ();
}

HcPreferencesWindow *
hc_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (HC_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "settings", settings,
                       NULL);
}

void
hc_preferences_window_set_manager (HcPreferencesWindow *self,
                                   HcHubManager        *manager)
{
  g_return_if_fail (HC_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (self->manager == NULL);

  self->manager = g_object_ref (manager);
  g_signal_connect_object (hc_hub_manager_get_hubs (manager), "items-changed",
                           G_CALLBACK (on_hubs_changed), self, 0);
  rebuild_hub_rows (self);
}

/**
 * hc_preferences_window_set_notifier:
 * @notifier: (nullable): shows a note while no notification server answers
 */
void
hc_preferences_window_set_notifier (HcPreferencesWindow *self,
                                    HcNotifier          *notifier)
{
  g_return_if_fail (HC_IS_PREFERENCES_WINDOW (self));

  if (notifier != NULL)
    g_object_bind_property (notifier, "server-missing", self->no_server_row, "visible", G_BINDING_SYNC_CREATE);
}

/**
 * hc_preferences_window_add_hub:
 * Opens the Add Hub dialog, with @url filled in; an already known hub
 * opens for editing (to sign in again) instead.
 */
HcHubDialog *
hc_preferences_window_add_hub (HcPreferencesWindow *self,
                               const char          *url)
{
  HcProfile *known = NULL;
  HcHubDialog *dialog;

  g_return_val_if_fail (HC_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (self->manager != NULL, NULL);

  if (url != NULL)
    known = hc_profile_store_find_by_url (hc_hub_manager_get_profiles (self->manager), url);
  dialog = open_hub_dialog (self, known);
  if (known == NULL && url != NULL)
    hc_hub_dialog_set_url (dialog, url);
  return dialog;
}
