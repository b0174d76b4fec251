/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-error.h"
#include "hc-hub-detect.h"

/*
 * One job: tell a hub from an Alertmanager at an address. /api/v1/me is
 * asked first; only when the answer says "not here" (404, or not the Hub
 * API's JSON) is /api/v2/status asked. An error that would be the same
 * for both (unreachable, untrusted certificate, plaintext refused) is
 * reported as it is, and when neither answers the hub's error is the one
 * named, since a hub is what is expected most.
 */

typedef struct {
  HcProfile  *profile;
  char       *token;
  HcClient   *client;
  HcClient *(*client_for) (HcProfile *, const char *);
  GError     *me_error;
  char       *untrusted;
} Detect;

static void
detect_free (Detect *detect)
{
  g_clear_object (&detect->profile);
  if (detect->token != NULL)
    memset (detect->token, 0, strlen (detect->token));
  g_free (detect->token);
  g_clear_object (&detect->client);
  g_clear_error (&detect->me_error);
  g_free (detect->untrusted);
  g_free (detect);
}

void
hc_hub_detection_free (HcHubDetection *detection)
{
  if (detection == NULL)
    return;
  g_clear_object (&detection->me);
  g_clear_pointer (&detection->status, hc_alertmanager_status_free);
  g_free (detection);
}

static void
return_error (GTask  *task,
              GError *error)
{
  Detect *detect = g_task_get_task_data (task);

  if (g_error_matches (error, HC_ERROR, HC_ERROR_TLS_UNTRUSTED))
    detect->untrusted = g_strdup (hc_client_get_untrusted_fingerprint (detect->client));
  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
status_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  Detect *detect = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  HcAlertmanagerStatus *status = hc_alertmanager_status_finish (HC_CLIENT (object), result, &error);
  HcHubDetection *detection;

  if (status == NULL)
    {
      /* Not an Alertmanager either: what the hub's /me said is the answer,
       * unless the Alertmanager part refused the token. */
      if (g_error_matches (error, HC_ERROR, HC_ERROR_UNAUTHORIZED) ||
          g_error_matches (error, HC_ERROR, HC_ERROR_FORBIDDEN))
        return_error (task, g_steal_pointer (&error));
      else
        return_error (task, g_steal_pointer (&detect->me_error));
      return;
    }

  detection = g_new0 (HcHubDetection, 1);
  detection->kind = HC_PROFILE_KIND_ALERTMANAGER;
  detection->status = status;
  g_task_return_pointer (task, detection, (GDestroyNotify) hc_hub_detection_free);
  g_object_unref (task);
}

static void
me_cb (GObject      *object,
       GAsyncResult *result,
       gpointer      user_data)
{
  GTask *task = user_data;
  Detect *detect = g_task_get_task_data (task);
  GError *error = NULL;
  HcMe *me = hc_client_me_finish (HC_CLIENT (object), result, &error);
  HcHubDetection *detection;

  if (me != NULL)
    {
      detection = g_new0 (HcHubDetection, 1);
      detection->kind = HC_PROFILE_KIND_HUB;
      detection->me = me;
      g_task_return_pointer (task, detection, (GDestroyNotify) hc_hub_detection_free);
      g_object_unref (task);
      return;
    }

  switch ((HcError) error->code)
    {
    case HC_ERROR_NOT_FOUND:
    case HC_ERROR_MALFORMED_RESPONSE:
    case HC_ERROR_UNAUTHORIZED:
    case HC_ERROR_INVALID_REQUEST:
    case HC_ERROR_HUB_ERROR:
      break;
    default:
      return_error (task, error);
      return;
    }

  detect->me_error = error;
  hc_profile_set_kind (detect->profile, HC_PROFILE_KIND_ALERTMANAGER);
  g_clear_object (&detect->client);
  detect->client = detect->client_for (detect->profile, detect->token);
  hc_profile_set_kind (detect->profile, HC_PROFILE_KIND_HUB);
  hc_alertmanager_status_async (detect->client, g_task_get_cancellable (task), status_cb, task);
}

void
hc_hub_detect_async (gpointer              source_object,
                     HcProfile            *profile,
                     const char           *token,
                     HcClient *          (*client_for) (HcProfile *, const char *),
                     GCancellable         *cancellable,
                     GAsyncReadyCallback   callback,
                     gpointer              user_data)
{
  GTask *task;
  Detect *detect;

  g_return_if_fail (HC_IS_PROFILE (profile));
  g_return_if_fail (client_for != NULL);

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, hc_hub_detect_async);
  g_task_set_check_cancellable (task, FALSE);
  detect = g_new0 (Detect, 1);
  /* A copy: the kind is switched to build the second client. */
  detect->profile = hc_profile_new (hc_profile_get_name (profile), hc_profile_get_url (profile),
                                    hc_profile_get_username (profile), NULL);
  hc_profile_set_ca_file (detect->profile, hc_profile_get_ca_file (profile));
  hc_profile_set_pinned_fingerprint (detect->profile, hc_profile_get_pinned_fingerprint (profile), NULL);
  hc_profile_set_allow_plaintext (detect->profile, hc_profile_get_allow_plaintext (profile));
  detect->token = g_strdup (token && *token ? token : NULL);
  detect->client_for = client_for;
  detect->client = client_for (detect->profile, detect->token);
  g_task_set_task_data (task, detect, (GDestroyNotify) detect_free);

  hc_client_me_async (detect->client, cancellable, me_cb, task);
}

HcHubDetection *
hc_hub_detect_finish (GAsyncResult  *result,
                      char         **untrusted_fingerprint,
                      GError       **error)
{
  Detect *detect;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == hc_hub_detect_async, NULL);

  detect = g_task_get_task_data (G_TASK (result));
  if (untrusted_fingerprint != NULL)
    *untrusted_fingerprint = g_strdup (detect->untrusted);
  return g_task_propagate_pointer (G_TASK (result), error);
}
