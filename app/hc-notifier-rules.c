/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Which hub events deserve a desktop notification, and what it says. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <string.h>

#include "hc-format.h"
#include "hc-item.h"
#include "hc-notifier-rules.h"

static HcNotice *
notice_new (HcNoticeKind     kind,
            const char      *tag,
            const char      *list,
            const char      *item_id,
            HcNoticeUrgency  urgency)
{
  HcNotice *notice = g_new0 (HcNotice, 1);

  notice->kind = kind;
  notice->tag = g_strdup (tag);
  notice->list = g_strdup (list);
  notice->item_id = g_strdup (item_id);
  notice->urgency = urgency;
  return notice;
}

void
hc_notice_free (HcNotice *notice)
{
  if (notice == NULL)
    return;
  g_free (notice->tag);
  g_free (notice->list);
  g_free (notice->item_id);
  g_free (notice->filter);
  g_free (notice->title);
  g_free (notice->body);
  g_free (notice);
}

/**
 * hc_notice_tag:
 * What a notification is about, unique within its hub: "alert/al-1",
 * "disk/node-2/d-2", "hub".
 */
char *
hc_notice_tag (HcNoticeKind  kind,
               const char   *id,
               const char   *sub_id)
{
  static const char * const names[] = { "alert", "source", "pool", "disk", "hub", "summary" };

  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);

  if (id == NULL)
    return g_strdup (names[kind]);
  if (sub_id == NULL)
    return g_strconcat (names[kind], "/", id, NULL);
  return g_strconcat (names[kind], "/", id, "/", sub_id, NULL);
}

static char *
line (const char *text)
{
  return hc_format_hub_text (text, HC_HUB_TEXT_LINE);
}

/**
 * hc_notice_for_alert:
 * A new alert: worth a notification when it is open and at or above the
 * operator's threshold. Critical ones are critical urgency.
 */
HcNotice *
hc_notice_for_alert (const HcNoticePrefs *prefs,
                     const char          *hub_name,
                     HcAlert             *alert)
{
  g_autofree char *hub = NULL;
  g_autofree char *title = NULL;
  g_autofree char *asset = NULL;
  g_autofree char *tag = NULL;
  HcSeverity severity;
  HcNotice *notice;
  static const HcNoticeUrgency urgency[] = {
    [HC_SEVERITY_LOW] = HC_NOTICE_URGENCY_LOW,
    [HC_SEVERITY_MEDIUM] = HC_NOTICE_URGENCY_LOW,
    [HC_SEVERITY_HIGH] = HC_NOTICE_URGENCY_NORMAL,
    [HC_SEVERITY_CRITICAL] = HC_NOTICE_URGENCY_CRITICAL,
  };

  g_return_val_if_fail (prefs != NULL && HC_IS_ALERT (alert), NULL);

  severity = hc_alert_get_severity (alert);
  if (!prefs->alerts || severity < prefs->min_severity ||
      hc_alert_get_state (alert) != HC_ALERT_STATE_OPEN)
    return NULL;

  hub = line (hub_name);
  title = line (hc_alert_get_title (alert));
  asset = line (hc_alert_get_asset (alert));
  tag = hc_notice_tag (HC_NOTICE_ALERT, hc_item_get_id (HC_ITEM (alert)), NULL);
  notice = notice_new (HC_NOTICE_ALERT, tag, "alerts", hc_item_get_id (HC_ITEM (alert)), urgency[severity]);
  notice->severity = severity;
  notice->acknowledge = TRUE;
  switch (severity)
    {
    case HC_SEVERITY_CRITICAL:
      /* Translators: %s is the data center, e.g. "Critical alert at Trung tâm dữ liệu quốc gia số 1" */
      notice->title = g_strdup_printf (_("Critical alert at %s"), hub);
      break;
    case HC_SEVERITY_HIGH:
      /* Translators: %s is the data center */
      notice->title = g_strdup_printf (_("High severity alert at %s"), hub);
      break;
    case HC_SEVERITY_MEDIUM:
      /* Translators: %s is the data center */
      notice->title = g_strdup_printf (_("Medium severity alert at %s"), hub);
      break;
    case HC_SEVERITY_LOW:
    default:
      /* Translators: %s is the data center */
      notice->title = g_strdup_printf (_("Low severity alert at %s"), hub);
      break;
    }
  /* Translators: an alert's title, then the host or service it concerns:
   * "Malware on a server on bastion-1" */
  notice->body = g_strdup_printf (_("%s on %s"), title, asset);
  return notice;
}

/**
 * hc_notice_for_source:
 * @previous: the feed's status before (an #HcSourceStatus), -1 if unknown
 *
 * A feed turning failed.
 */
HcNotice *
hc_notice_for_source (const HcNoticePrefs *prefs,
                      const char          *hub_name,
                      HcSource            *source,
                      int                  previous)
{
  g_autofree char *hub = NULL;
  g_autofree char *name = NULL;
  g_autofree char *agency = NULL;
  g_autofree char *tag = NULL;
  HcRun *run;
  HcNotice *notice;

  g_return_val_if_fail (prefs != NULL && HC_IS_SOURCE (source), NULL);

  if (!prefs->sources || hc_source_get_status (source) != HC_SOURCE_STATUS_FAILED ||
      previous == HC_SOURCE_STATUS_FAILED)
    return NULL;

  hub = line (hub_name);
  name = line (hc_source_get_name (source));
  agency = line (hc_source_get_agency (source));
  tag = hc_notice_tag (HC_NOTICE_SOURCE, hc_item_get_id (HC_ITEM (source)), NULL);
  notice = notice_new (HC_NOTICE_SOURCE, tag, "sources", hc_item_get_id (HC_ITEM (source)),
                       HC_NOTICE_URGENCY_NORMAL);
  /* Translators: %s is the data center */
  notice->title = g_strdup_printf (_("Feed failed at %s"), hub);
  run = hc_source_get_last_run (source);
  if (run != NULL && hc_run_get_error (run) != NULL && *hc_run_get_error (run) != '\0')
    {
      g_autofree char *error = line (hc_run_get_error (run));
      /* Translators: feed, agency, the error of its last run:
       * "Thuế (Bộ Tài chính) failed: connection refused" */
      notice->body = g_strdup_printf (_("%s (%s) failed: %s"), name, agency, error);
    }
  else
    /* Translators: feed, then the agency that delivers it */
    notice->body = g_strdup_printf (_("%s (%s) failed."), name, agency);
  return notice;
}

/**
 * hc_notice_for_pool:
 * @previous: the pool's state before (an #HcPoolState), -1 if unknown
 *
 * A pool turning degraded, or critical.
 */
HcNotice *
hc_notice_for_pool (const HcNoticePrefs *prefs,
                    const char          *hub_name,
                    HcPool              *pool,
                    int                  previous)
{
  HcPoolState state;
  g_autofree char *hub = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *count = NULL;
  gint64 degraded;
  HcNotice *notice;

  g_return_val_if_fail (prefs != NULL && HC_IS_POOL (pool), NULL);

  state = hc_pool_get_state (pool);
  if (!prefs->storage || state == HC_POOL_STATE_HEALTHY || (previous >= 0 && (int) state <= previous))
    return NULL;

  hub = line (hub_name);
  name = line (hc_pool_get_name (pool));
  tag = hc_notice_tag (HC_NOTICE_POOL, hc_item_get_id (HC_ITEM (pool)), NULL);
  notice = notice_new (HC_NOTICE_POOL, tag, "pools", hc_item_get_id (HC_ITEM (pool)),
                       state == HC_POOL_STATE_CRITICAL ? HC_NOTICE_URGENCY_CRITICAL : HC_NOTICE_URGENCY_NORMAL);
  if (state == HC_POOL_STATE_CRITICAL)
    /* Translators: %s is the data center */
    notice->title = g_strdup_printf (_("Storage pool critical at %s"), hub);
  else
    /* Translators: %s is the data center */
    notice->title = g_strdup_printf (_("Storage pool degraded at %s"), hub);

  degraded = hc_pool_get_degraded_objects (pool);
  count = hc_format_count (degraded);
  if (degraded > 0)
    /* Translators: a storage pool, then how many of its objects lack copies */
    notice->body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %s object degraded", "%s: %s objects degraded",
                                                 degraded > G_MAXINT ? (gulong) G_MAXINT : (gulong) degraded),
                                    name, count);
  else if (state == HC_POOL_STATE_CRITICAL)
    /* Translators: a storage pool */
    notice->body = g_strdup_printf (_("%s is critical."), name);
  else
    /* Translators: a storage pool */
    notice->body = g_strdup_printf (_("%s is degraded."), name);
  return notice;
}

/**
 * hc_notice_for_disk:
 * @previous: the disk's health before (an #HcDiskHealth), -1 if unknown
 *
 * A disk turning failing. "Open" shows its node.
 */
HcNotice *
hc_notice_for_disk (const HcNoticePrefs *prefs,
                    const char          *hub_name,
                    HcNode              *node,
                    HcDisk              *disk,
                    int                  previous)
{
  g_autofree char *hub = NULL;
  g_autofree char *serial = NULL;
  g_autofree char *model = NULL;
  g_autofree char *host = NULL;
  g_autofree char *tag = NULL;
  HcNotice *notice;

  g_return_val_if_fail (prefs != NULL && HC_IS_NODE (node) && HC_IS_DISK (disk), NULL);

  if (!prefs->storage || hc_disk_get_health (disk) != HC_DISK_HEALTH_FAILING ||
      previous == HC_DISK_HEALTH_FAILING)
    return NULL;

  hub = line (hub_name);
  serial = line (hc_disk_get_serial (disk));
  model = line (hc_disk_get_model (disk));
  host = line (hc_node_get_hostname (node));
  tag = hc_notice_tag (HC_NOTICE_DISK, hc_item_get_id (HC_ITEM (node)), hc_item_get_id (HC_ITEM (disk)));
  notice = notice_new (HC_NOTICE_DISK, tag, "nodes", hc_item_get_id (HC_ITEM (node)), HC_NOTICE_URGENCY_NORMAL);
  /* Translators: %s is the data center */
  notice->title = g_strdup_printf (_("Disk failing at %s"), hub);
  /* Translators: disk serial number, disk model, storage node:
   * "Disk ZL2A1B (ST16000) in stor-02 is failing." */
  notice->body = g_strdup_printf (_("Disk %s (%s) in %s is failing."), serial, model, host);
  return notice;
}

/**
 * hc_notice_for_hub_down:
 * @reason: (nullable): why, as hc_error_describe() says it
 * @seconds: how long it has been down
 *
 * A hub offline or signed out for longer than the operator's delay.
 */
HcNotice *
hc_notice_for_hub_down (const HcNoticePrefs *prefs,
                        const char          *hub_name,
                        gboolean             signed_out,
                        const char          *reason,
                        gint64               seconds)
{
  g_autofree char *hub = NULL;
  g_autofree char *duration = NULL;
  HcNotice *notice;

  g_return_val_if_fail (prefs != NULL, NULL);

  if (!prefs->hubs)
    return NULL;

  hub = line (hub_name);
  duration = hc_format_duration (seconds);
  notice = notice_new (HC_NOTICE_HUB, "hub", NULL, NULL, HC_NOTICE_URGENCY_NORMAL);
  if (signed_out)
    {
      /* Translators: %s is the data center */
      notice->title = g_strdup_printf (_("Signed out of %s"), hub);
      notice->body = g_strdup (_("The hub no longer accepts your token. Sign in again to keep watching it."));
    }
  else
    {
      g_autofree char *why = line (reason);

      /* Translators: %s is the data center */
      notice->title = g_strdup_printf (_("%s is offline"), hub);
      if (*why != '\0')
        /* Translators: how long, e.g. "2 min", then the reason:
         * "No answer for 2 min: The hub could not be reached." */
        notice->body = g_strdup_printf (_("No answer for %s: %s"), duration, why);
      else
        /* Translators: how long, e.g. "2 min" */
        notice->body = g_strdup_printf (_("No answer for %s."), duration);
    }
  return notice;
}

/**
 * hc_notice_for_hub_back:
 * The hub a notification said was down answers again.
 */
HcNotice *
hc_notice_for_hub_back (const HcNoticePrefs *prefs,
                        const char          *hub_name,
                        gint64               seconds)
{
  g_autofree char *hub = NULL;
  g_autofree char *duration = NULL;
  HcNotice *notice;

  g_return_val_if_fail (prefs != NULL, NULL);

  if (!prefs->hubs)
    return NULL;

  hub = line (hub_name);
  duration = hc_format_duration (seconds);
  notice = notice_new (HC_NOTICE_HUB, "hub", NULL, NULL, HC_NOTICE_URGENCY_LOW);
  /* Translators: %s is the data center */
  notice->title = g_strdup_printf (_("%s is back"), hub);
  /* Translators: how long it was away, e.g. "5 min" */
  notice->body = g_strdup_printf (_("Connected again after %s."), duration);
  return notice;
}

static char *
summary_title (const char       *hub,
               HcNotice * const *notices,
               guint             n,
               char            **list,
               char            **filter)
{
  gboolean same_kind = TRUE;
  gboolean same_severity = TRUE;
  gboolean storage = TRUE;

  for (guint i = 1; i < n; i++)
    {
      same_kind &= notices[i]->kind == notices[0]->kind;
      same_severity &= notices[i]->severity == notices[0]->severity;
    }
  for (guint i = 0; i < n; i++)
    storage &= notices[i]->kind == HC_NOTICE_POOL || notices[i]->kind == HC_NOTICE_DISK;

  if (same_kind && notices[0]->kind == HC_NOTICE_ALERT)
    {
      *list = g_strdup ("alerts");
      if (!same_severity)
        /* Translators: a count, then the data center: "12 new alerts at Trung tâm dữ liệu quốc gia số 1" */
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new alert at %s", "%u new alerts at %s", n), n, hub);
      *filter = g_strdup (hc_enum_to_nick (HC_TYPE_SEVERITY, notices[0]->severity));
      switch (notices[0]->severity)
        {
        case HC_SEVERITY_CRITICAL:
          /* Translators: a count, then the data center:
           * "12 new critical alerts at Trung tâm dữ liệu quốc gia số 1" */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new critical alert at %s",
                                               "%u new critical alerts at %s", n), n, hub);
        case HC_SEVERITY_HIGH:
          /* Translators: a count, then the data center */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new high severity alert at %s",
                                               "%u new high severity alerts at %s", n), n, hub);
        case HC_SEVERITY_MEDIUM:
          /* Translators: a count, then the data center */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new medium severity alert at %s",
                                               "%u new medium severity alerts at %s", n), n, hub);
        case HC_SEVERITY_LOW:
        default:
          /* Translators: a count, then the data center */
          return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new low severity alert at %s",
                                               "%u new low severity alerts at %s", n), n, hub);
        }
    }
  if (same_kind && notices[0]->kind == HC_NOTICE_SOURCE)
    {
      *list = g_strdup ("sources");
      *filter = g_strdup ("failed");
      /* Translators: a count, then the data center */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u feed failed at %s", "%u feeds failed at %s", n), n, hub);
    }
  if (storage)
    {
      *list = g_strdup ("pools");
      /* Translators: a count, then the data center */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u storage problem at %s",
                                           "%u storage problems at %s", n), n, hub);
    }
  /* Translators: a count, then the data center */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new problem at %s", "%u new problems at %s", n), n, hub);
}

/**
 * hc_notice_summary:
 * One notification for a burst of @notices of one hub: how many and of
 * what; "Open" shows the list they are in, filtered where they share a
 * severity or status. The body names the first few.
 */
HcNotice *
hc_notice_summary (const char       *hub_name,
                   HcNotice * const *notices,
                   guint             n_notices)
{
  g_autofree char *hub = NULL;
  g_autofree char *list = NULL;
  g_autofree char *filter = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  HcNoticeUrgency urgency = HC_NOTICE_URGENCY_LOW;
  HcNotice *notice;
  guint shown = MIN (n_notices, HC_NOTICE_BURST_MAX);

  g_return_val_if_fail (notices != NULL && n_notices > 0, NULL);

  hub = line (hub_name);
  for (guint i = 0; i < n_notices; i++)
    urgency = MAX (urgency, notices[i]->urgency);
  notice = notice_new (HC_NOTICE_SUMMARY, "summary", NULL, NULL, urgency);
  notice->title = summary_title (hub, notices, n_notices, &list, &filter);
  notice->list = g_steal_pointer (&list);
  notice->filter = g_steal_pointer (&filter);
  notice->severity = notices[0]->severity;

  /* The newest first: they are what the operator has not seen yet. */
  for (guint i = 0; i < shown; i++)
    {
      if (body->len > 0)
        g_string_append_c (body, '\n');
      g_string_append (body, notices[n_notices - 1 - i]->body);
    }
  if (n_notices > shown)
    {
      g_string_append_c (body, '\n');
      /* Translators: after the first few of a burst of notifications */
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", n_notices - shown),
                              n_notices - shown);
    }
  notice->body = g_string_free (g_steal_pointer (&body), FALSE);
  return notice;
}

/**
 * hc_notice_burst_add:
 * @now: monotonic microseconds
 *
 * Counts one more notification for a hub. Returns %TRUE when it belongs
 * in the summary: the hub had HC_NOTICE_BURST_MAX within the window, or
 * a summary is already taking the burst.
 */
gboolean
hc_notice_burst_add (HcNoticeBurst *burst,
                     gint64         now)
{
  guint kept = 0;

  g_return_val_if_fail (burst != NULL, FALSE);

  if (burst->summary_until > now)
    {
      burst->summary_until = now + HC_NOTICE_BURST_WINDOW;
      return TRUE;
    }

  for (guint i = 0; i < burst->n_times; i++)
    if (burst->times[i] > now - HC_NOTICE_BURST_WINDOW)
      burst->times[kept++] = burst->times[i];
  burst->n_times = kept;

  if (burst->n_times >= HC_NOTICE_BURST_MAX)
    {
      burst->n_times = 0;
      burst->summary_until = now + HC_NOTICE_BURST_WINDOW;
      return TRUE;
    }
  burst->times[burst->n_times++] = now;
  return FALSE;
}

/**
 * hc_notice_parse_event_id:
 * An SSE event id as the Hub API sends it: a decimal integer. Anything
 * else is %FALSE, and never remembered.
 */
gboolean
hc_notice_parse_event_id (const char *id,
                          guint64    *out)
{
  guint64 value;
  char *end = NULL;

  if (id == NULL || !g_ascii_isdigit (*id) || strlen (id) > 20)
    return FALSE;
  errno = 0;
  value = g_ascii_strtoull (id, &end, 10);
  if (errno != 0 || end == NULL || *end != '\0')
    return FALSE;
  *out = value;
  return TRUE;
}
