/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One job: which alerts the Security page's filter lets through (three bit
 * masks, state, severity and category, or everything but), and the filter
 * said in words. */
#include "config.h"

#include <glib/gi18n.h>

#include "hc-alert-filter.h"
#include "hc-labels.h"

#define BIT(n) (1u << (n))
#define ALL_STATES     (BIT (HC_ALERT_STATE_OPEN) | BIT (HC_ALERT_STATE_ACKNOWLEDGED) | BIT (HC_ALERT_STATE_RESOLVED))
#define ALL_SEVERITIES (BIT (HC_SEVERITY_LOW) | BIT (HC_SEVERITY_MEDIUM) | BIT (HC_SEVERITY_HIGH) | BIT (HC_SEVERITY_CRITICAL))
#define ALL_CATEGORIES (BIT (HC_ALERT_CATEGORY_OTHER + 1) - 1)

static guint
state_mask (const char *filter)
{
  int value;

  if (g_strcmp0 (filter, "not-resolved") == 0)
    return BIT (HC_ALERT_STATE_OPEN) | BIT (HC_ALERT_STATE_ACKNOWLEDGED);
  if (filter != NULL && hc_enum_from_nick (HC_TYPE_ALERT_STATE, filter, &value))
    return BIT (value);
  return ALL_STATES;
}

static guint
severity_mask (const char *filter)
{
  int value;

  if (g_strcmp0 (filter, "high-up") == 0)
    return BIT (HC_SEVERITY_HIGH) | BIT (HC_SEVERITY_CRITICAL);
  if (g_strcmp0 (filter, "medium-up") == 0)
    return BIT (HC_SEVERITY_MEDIUM) | BIT (HC_SEVERITY_HIGH) | BIT (HC_SEVERITY_CRITICAL);
  if (filter != NULL && hc_enum_from_nick (HC_TYPE_SEVERITY, filter, &value))
    return BIT (value);
  return ALL_SEVERITIES;
}

static guint
category_mask (const char *filter)
{
  int value;

  if (filter != NULL && hc_enum_from_nick (HC_TYPE_ALERT_CATEGORY, filter, &value))
    return BIT (value);
  return ALL_CATEGORIES;
}

/**
 * hc_alert_filter_set:
 * @state_filter: NULL (any), "not-resolved" or a state's nick
 * @severity_filter: NULL (any), "high-up", "medium-up" or a severity's nick
 * @category_filter: NULL (any) or a category's nick
 * @invert: everything but what the three name
 */
void
hc_alert_filter_set (HcAlertFilter *filter,
                     const char    *state_filter,
                     const char    *severity_filter,
                     const char    *category_filter,
                     gboolean       invert)
{
  filter->state_mask = state_mask (state_filter);
  filter->severity_mask = severity_mask (severity_filter);
  filter->category_mask = category_mask (category_filter);
  filter->invert = invert;
}

gboolean
hc_alert_filter_match (const HcAlertFilter *filter,
                       HcAlert             *alert)
{
  gboolean match;

  match = (filter->state_mask & BIT (hc_alert_get_state (alert))) != 0 &&
          (filter->severity_mask & BIT (hc_alert_get_severity (alert))) != 0 &&
          (filter->category_mask & BIT (hc_alert_get_category (alert))) != 0;
  return filter->invert ? !match : match;
}

static const char *
state_filter_words (const char *filter)
{
  int value;

  if (g_strcmp0 (filter, "not-resolved") == 0)
    return _("Not resolved");
  if (filter != NULL && hc_enum_from_nick (HC_TYPE_ALERT_STATE, filter, &value))
    return hc_alert_state_label (value);
  return NULL;
}

static char *
severity_filter_words (const char *filter)
{
  int value;

  if (g_strcmp0 (filter, "high-up") == 0)
    return g_strdup (_("High and above"));
  if (g_strcmp0 (filter, "medium-up") == 0)
    return g_strdup (_("Medium and above"));
  if (filter != NULL && hc_enum_from_nick (HC_TYPE_SEVERITY, filter, &value))
    /* Translators: a severity filter, e.g. "Critical severity" */
    return g_strdup_printf (_("%s severity"), hc_severity_label (value));
  return NULL;
}

/**
 * hc_alert_filter_describe:
 * What a filter shows, in words ("Showing: Not resolved · Critical
 * severity", "All except: …"); "" for no filter at all.
 */
char *
hc_alert_filter_describe (const char *state_filter,
                          const char *severity_filter,
                          const char *category_filter,
                          gboolean    invert)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *state = state_filter_words (state_filter);
  char *severity = severity_filter_words (severity_filter);
  int category;
  g_autofree char *joined = NULL;

  if (state != NULL)
    g_ptr_array_add (parts, g_strdup (state));
  if (severity != NULL)
    g_ptr_array_add (parts, severity);
  if (category_filter != NULL &&
      hc_enum_from_nick (HC_TYPE_ALERT_CATEGORY, category_filter, &category))
    g_ptr_array_add (parts, g_strdup (hc_alert_category_label (category)));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);

  if (*joined == '\0')
    return g_strdup (invert ? _("Showing nothing: the filter is inverted") : "");
  if (invert)
    /* Translators: the alerts shown are all but those, e.g. "All except: Not resolved · Critical severity" */
    return g_strdup_printf (_("All except: %s"), joined);
  /* Translators: the alerts shown, e.g. "Showing: Not resolved · Critical severity" */
  return g_strdup_printf (_("Showing: %s"), joined);
}
