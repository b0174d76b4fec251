/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The items-changed signals a list model sent: how many, and the last. */
#pragma once

#include <gio/gio.h>

typedef struct {
  guint n_signals;
  guint position, removed, added;
} Changes;

static inline void
on_items_changed (GListModel *model, guint position, guint removed, guint added, Changes *changes)
{
  changes->n_signals++;
  changes->position = position;
  changes->removed = removed;
  changes->added = added;
}
