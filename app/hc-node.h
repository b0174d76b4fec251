/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "hc-disk.h"
#include "hc-enums.h"
#include "hc-item.h"

G_BEGIN_DECLS

#define HC_TYPE_NODE (hc_node_get_type ())

G_DECLARE_FINAL_TYPE (HcNode, hc_node, HC, NODE, HcItem)

/* A storage node. Properties: "hostname", "rack", "state", "disks" (GListModel of HcDisk, never NULL). */
const char   *hc_node_get_hostname (HcNode *self);
const char   *hc_node_get_rack     (HcNode *self);
HcNodeState   hc_node_get_state    (HcNode *self);
GListModel   *hc_node_get_disks    (HcNode *self);

G_END_DECLS
