/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

int hc_report_cli_run (GVariantDict *options);

G_END_DECLS
