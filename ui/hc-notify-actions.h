/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-application.h"
#include "hc-notifier.h"

G_BEGIN_DECLS

/* A notification's Open and Acknowledge, carried out in the window; and
 * what a focused window shows, which needs no notification. */
void hc_notify_actions_connect (HcApplication *application,
                                HcNotifier    *notifier);

G_END_DECLS
