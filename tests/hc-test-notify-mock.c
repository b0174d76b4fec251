/* SPDX-License-Identifier: GPL-3.0-or-later */
/* python3-dbusmock's notification_daemon template as the notification
 * server on the tests' session bus: started, asked what it was called
 * with, and made to say an action was clicked. */
#include "config.h"

#include <signal.h>

#include "hc-test-notify-mock.h"

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

static gboolean
mock_ready (void)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = g_dbus_connection_call_sync (connection, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                                           "org.freedesktop.DBus", "NameHasOwner",
                                                           g_variant_new ("(s)", "org.freedesktop.Notifications"),
                                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                                           NULL, NULL);
  gboolean owned = FALSE;

  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

/* The server, once it owns its name; @capabilities space-separated. */
GSubprocess *
hc_test_notify_mock_start (const char *capabilities)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *parameters = g_strdup_printf ("{\"capabilities\": \"%s\"}", capabilities);
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (50, wake_cb, NULL);
  GSubprocess *mock;

  mock = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error,
                           "/usr/bin/python3", "-m", "dbusmock", "--session", "--template", "notification_daemon",
                           "--parameters", parameters, NULL);
  g_assert_no_error (error);
  while (!mock_ready ())
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for python3-dbusmock");
      g_main_context_iteration (NULL, TRUE);
    }
  g_source_remove (wake);
  return mock;
}

void
hc_test_notify_mock_stop (GSubprocess *mock)
{
  if (mock == NULL)
    return;
  g_subprocess_send_signal (mock, SIGTERM);
  g_subprocess_wait (mock, NULL, NULL);
  g_object_unref (mock);
}

void
hc_test_notify_clear (HcTestNotify *n)
{
  g_free (n->app_icon);
  g_free (n->summary);
  g_free (n->body);
  g_strfreev (n->actions);
}

/* The mock's record of one method, as (args) tuples in call order. */
GPtrArray *
hc_test_notify_mock_calls (const char *method)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) list = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);

  g_assert_no_error (error);
  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications", "org.freedesktop.DBus.Mock",
                                       "GetMethodCalls", g_variant_new ("(s)", method),
                                       G_VARIANT_TYPE ("(a(tav))"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  list = g_variant_get_child_value (reply, 0);
  for (gsize i = 0; i < g_variant_n_children (list); i++)
    {
      g_autoptr(GVariant) call = g_variant_get_child_value (list, i);
      g_ptr_array_add (out, g_variant_get_child_value (call, 1));
    }
  return out;
}

static void
mock_call (const char *method,
           GVariant   *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autoptr(GVariant) reply = NULL;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.Notifications",
                                       "/org/freedesktop/Notifications", "org.freedesktop.DBus.Mock",
                                       method, args, NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

/* The operator clicks @action of notification @id. */
void
hc_test_notify_mock_invoke (guint32     id,
                            const char *action)
{
  GVariantBuilder args;

  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_uint32 (id));
  g_variant_builder_add (&args, "v", g_variant_new_string (action));
  mock_call ("EmitSignal", g_variant_new ("(sssav)", "org.freedesktop.Notifications", "ActionInvoked", "us", &args));
}

guint
hc_test_notify_mock_n_calls (const char *method)
{
  g_autoptr(GPtrArray) list = hc_test_notify_mock_calls (method);

  return list->len;
}

/* The @index-th Notify call. */
void
hc_test_notify_mock_nth_notify (guint         index,
                                HcTestNotify *out)
{
  g_autoptr(GPtrArray) list = hc_test_notify_mock_calls ("Notify");
  GVariant *args;
  g_autoptr(GVariant) hints = NULL;
  g_autoptr(GVariant) urgency = NULL;

  g_assert_cmpuint (index, <, list->len);
  args = list->pdata[index];
#define ARG(i, fmt, ptr) G_STMT_START { \
    g_autoptr(GVariant) v = g_variant_get_child_value (args, i); \
    g_autoptr(GVariant) inner = g_variant_get_variant (v); \
    g_variant_get (inner, fmt, ptr); } G_STMT_END
  ARG (1, "u", &out->replaces_id);
  ARG (2, "s", &out->app_icon);
  ARG (3, "s", &out->summary);
  ARG (4, "s", &out->body);
  ARG (5, "^as", &out->actions);
  ARG (7, "i", &out->timeout);
#undef ARG
  {
    g_autoptr(GVariant) v = g_variant_get_child_value (args, 6);
    hints = g_variant_get_variant (v);
  }
  urgency = g_variant_lookup_value (hints, "urgency", G_VARIANT_TYPE_BYTE);
  g_assert_nonnull (urgency);
  out->urgency = g_variant_get_byte (urgency);
}

/* The id the mock gave the @index-th Notify: its own counter, from 1, or
 * the id it replaced. */
guint32
hc_test_notify_mock_notify_id (guint index)
{
  guint32 next = 0;

  for (guint i = 0; i <= index; i++)
    {
      g_auto(HcTestNotify) n = { 0 };
      hc_test_notify_mock_nth_notify (i, &n);
      if (n.replaces_id == 0)
        next++;
      if (i == index)
        return n.replaces_id ? n.replaces_id : next;
    }
  g_assert_not_reached ();
}

guint32
hc_test_notify_mock_nth_close (guint index)
{
  g_autoptr(GPtrArray) list = hc_test_notify_mock_calls ("CloseNotification");
  g_autoptr(GVariant) v = NULL;
  g_autoptr(GVariant) inner = NULL;

  g_assert_cmpuint (index, <, list->len);
  v = g_variant_get_child_value (list->pdata[index], 0);
  inner = g_variant_get_variant (v);
  return g_variant_is_of_type (inner, G_VARIANT_TYPE_UINT32) ? g_variant_get_uint32 (inner)
                                                             : (guint32) g_variant_get_int32 (inner);
}
