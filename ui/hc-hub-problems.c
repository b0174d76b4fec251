/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hc-error.h"
#include "hc-format.h"
#include "hc-hub-problems.h"
#include "hc-hub-summary.h"

/*
 * One job: the hubs in scope that are in trouble, in words, with the way
 * out — offline, signed out, an untrusted certificate, a list the hub
 * could not give — for the banners over the pages, and each list page's
 * state (updated when, stale, loading, nothing readable).
 */

/* A hub that is offline or signed out, in one line: its name, what is
 * wrong, and how old the copy on show is. */
static char *
describe_problem (HcHubManager *manager,
                  HcHub        *hub)
{
  const GError *error = hc_hub_get_last_error (hub);
  const char *name = hc_hub_manager_get_hub_name (manager, hub);
  g_autofree char *detail = NULL;

  /* The sentence around it ends with its own full stop. */
  if (hc_hub_get_state (hub) == HC_HUB_SIGNED_OUT && error == NULL)
    detail = g_strdup (_("Signed out"));
  else if (g_error_matches (error, HC_ERROR, HC_ERROR_TLS_UNTRUSTED))
    /* The headline alone: the fingerprint is for the certificate dialog. */
    detail = g_strdup (hc_error_title (error->code));
  else
    detail = error ? hc_error_describe_clause (error) : g_strdup (_("No connection"));

  if (hc_hub_get_snapshot_age (hub) >= 0)
    {
      /* Last-known data from the offline copy: say how old it is. */
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;
      gint64 then = now - hc_hub_get_snapshot_age (hub);
      g_autofree char *when = hc_format_time (then, now);
      g_autofree char *ago = hc_format_relative (then, now);
      /* Translators: "Hà Nội — Hub unreachable: … Showing the copy of 14:02 (3 hours ago)." */
      return g_strdup_printf (_("%s — %s. Showing the copy of %s (%s)."), name, detail, when, ago);
    }
  return g_strdup_printf ("%s — %s", name, detail);
}

/* A hub that answers, but the list of @kind could not be read from it. */
static char *
describe_missing_list (HcHubManager *manager,
                       HcHub        *hub,
                       HcListKind    kind)
{
  const GError *error = hc_hub_get_list_error (hub, kind);
  g_autofree char *detail = hc_error_describe_clause (error);

  /* Translators: "Hà Nội — its list of storage nodes could not be read: Not found: …" */
  return g_strdup_printf (_("%s — its list of %s could not be read: %s"),
                          hc_hub_manager_get_hub_name (manager, hub), hc_list_kind_noun (kind), detail);
}

/* A hub that answers but gives no live updates: read again on a timer. */
static char *
describe_no_events (HcHubManager *manager,
                    HcHub        *hub)
{
  g_autofree char *detail = hc_error_describe_clause (hc_hub_get_events_error (hub));
  guint seconds = MAX (1, hc_hub_get_poll_interval (hub) / 1000);
  g_autofree char *again = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Its lists are read again every %u second.",
                                                         "Its lists are read again every %u seconds.",
                                                         seconds),
                                            seconds);

  /* Translators: "Hà Nội — no live updates: Not found: …. Its lists are read again every 30 seconds." */
  return g_strdup_printf (_("%s — no live updates: %s. %s"),
                          hc_hub_manager_get_hub_name (manager, hub), detail, again);
}

/*
 * hc_hub_problems_describe:
 * The banner over a page: every hub in @hubs that is offline or signed
 * out, and every list of @kinds a connected hub could not give, one line
 * each; the button is the way out of the first that needs the operator
 * (sign in, review the certificate), else "Try Again". FALSE: all well.
 */
gboolean
hc_hub_problems_describe (HcHubManager      *manager,
                          GPtrArray         *hubs,
                          const HcListKind  *kinds,
                          guint              n_kinds,
                          HcLevel           *level,
                          char             **text,
                          char             **button,
                          char             **action)
{
  g_autoptr(GString) lines = g_string_new (NULL);
  HcHub *operator_hub = NULL;

  *level = HC_LEVEL_WARNING;
  for (guint i = 0; i < hubs->len; i++)
    {
      HcHub *hub = hubs->pdata[i];
      HcHubState state = hc_hub_get_state (hub);
      g_autofree char *line = NULL;

      if (state == HC_HUB_OFFLINE || state == HC_HUB_SIGNED_OUT)
        {
          const GError *error = hc_hub_get_last_error (hub);

          line = describe_problem (manager, hub);
          if (state == HC_HUB_SIGNED_OUT || g_error_matches (error, HC_ERROR, HC_ERROR_TLS_UNTRUSTED))
            {
              *level = HC_LEVEL_ERROR;
              operator_hub = operator_hub ? operator_hub : hub;
            }
        }
      else if (state == HC_HUB_CONNECTED)
        for (guint k = 0; k < n_kinds && line == NULL; k++)
          if (hc_hub_get_list_error (hub, kinds[k]) != NULL)
            line = describe_missing_list (manager, hub, kinds[k]);
      if (line == NULL && state == HC_HUB_CONNECTED && hc_hub_get_events_error (hub) != NULL)
        line = describe_no_events (manager, hub);

      if (line != NULL)
        {
          if (lines->len > 0)
            g_string_append_c (lines, '\n');
          g_string_append (lines, line);
        }
    }

  if (lines->len == 0)
    return FALSE;

  *text = g_string_free (g_steal_pointer (&lines), FALSE);
  if (operator_hub != NULL)
    {
      HcProfile *profile = hc_hub_manager_get_profile (manager, operator_hub);
      gboolean untrusted = g_error_matches (hc_hub_get_last_error (operator_hub), HC_ERROR, HC_ERROR_TLS_UNTRUSTED);

      /* The hub's dialog can sign in again, or show the certificate and
       * trust its fingerprint. */
      *button = g_strdup (untrusted ? _("Review Certificate…") : _("Sign In…"));
      *action = profile ? g_strdup_printf ("app.sign-in('%s')", hc_profile_get_id (profile))
                        : g_strdup ("app.preferences");
    }
  else
    {
      *button = g_strdup (_("Try Again"));
      *action = g_strdup ("win.refresh");
    }
  return TRUE;
}

/**
 * hc_hub_problems_update_pane:
 * What every page shows about its data: when it was last updated, and a
 * banner naming every hub that is offline or signed out, or could not give
 * the page's lists, with the way out.
 */
void
hc_hub_problems_update_pane (HcHubManager     *manager,
                             GPtrArray        *hubs,
                             HcListPane       *pane,
                             const HcListKind *kinds,
                             guint             n_kinds)
{
  gint64 oldest = 0;
  gboolean loading = FALSE;
  gboolean any_offline = FALSE;
  gboolean all_failed = hubs->len > 0;
  HcHub *problem = NULL;
  const GError *list_error = NULL;
  HcLevel level;
  g_autofree char *text = NULL;
  g_autofree char *button = NULL;
  g_autofree char *action = NULL;

  for (guint i = 0; i < hubs->len; i++)
    {
      HcHub *hub = hubs->pdata[i];
      GDateTime *updated = hc_hub_get_last_updated (hub);
      HcHubState state = hc_hub_get_state (hub);
      guint n_failed = 0;

      if (updated != NULL && (oldest == 0 || g_date_time_to_unix (updated) < oldest))
        oldest = g_date_time_to_unix (updated);
      if (state == HC_HUB_CONNECTING || hc_hub_get_loading (hub))
        loading = TRUE;
      for (guint k = 0; k < n_kinds; k++)
        if (hc_hub_get_list_error (hub, kinds[k]) != NULL)
          {
            n_failed++;
            list_error = list_error ? list_error : hc_hub_get_list_error (hub, kinds[k]);
          }
      if (state == HC_HUB_OFFLINE || state == HC_HUB_SIGNED_OUT)
        {
          problem = problem ? problem : hub;
          any_offline |= state == HC_HUB_OFFLINE;
        }
      /* Nothing of the page could be read from this hub. */
      else if (state == HC_HUB_CONNECTED && n_kinds > 0 && n_failed == n_kinds)
        problem = problem ? problem : hub;
      else
        all_failed = FALSE;
    }

  hc_list_pane_set_updated (pane, oldest);
  /* Dim only when nothing shown is live: one hub down in "all hubs"
   * leaves the others' rows as they are, and the banner names it. */
  hc_list_pane_set_stale (pane, any_offline && all_failed);

  if (hc_hub_problems_describe (manager, hubs, kinds, n_kinds, &level, &text, &button, &action))
    hc_list_pane_set_banner (pane, level, text, button, action);
  else
    hc_list_pane_clear_banner (pane);

  if (all_failed)
    {
      const GError *error = problem && hc_hub_get_state (problem) != HC_HUB_CONNECTED
                            ? hc_hub_get_last_error (problem) : list_error;
      g_autofree char *detail = error ? hc_error_describe (error) : g_strdup (_("No connection"));
      hc_list_pane_set_state (pane, HC_LIST_PANE_ERROR, detail);
    }
  else
    hc_list_pane_set_state (pane, loading ? HC_LIST_PANE_LOADING : HC_LIST_PANE_READY, NULL);
}

