/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* How bad a state is; each level has its icon and theme colour. */
typedef enum {
  HC_LEVEL_NEUTRAL,
  HC_LEVEL_OK,
  HC_LEVEL_WARNING,
  HC_LEVEL_ERROR,
  HC_LEVEL_INFO,      /* worth knowing, nothing wrong: a low-severity alert */
  HC_LEVEL_UNKNOWN,   /* not read: never shown as good or as zero */
} HcLevel;

#define HC_TYPE_STATUS_BADGE (hc_status_badge_get_type ())

G_DECLARE_FINAL_TYPE (HcStatusBadge, hc_status_badge, HC, STATUS_BADGE, GtkWidget)

GtkWidget *hc_status_badge_new       (void);
GtkWidget *hc_status_badge_new_in_cell (void);
void       hc_status_badge_set       (HcStatusBadge *self,
                                      HcLevel        level,
                                      const char    *label);
void       hc_status_badge_set_ellipsize (HcStatusBadge *self,
                                          gboolean       ellipsize);
HcLevel    hc_status_badge_get_level (HcStatusBadge *self);
const char *hc_status_badge_get_label (HcStatusBadge *self);

const char *hc_level_icon_name  (HcLevel level);
const char *hc_level_css_class  (HcLevel level);

G_END_DECLS
