/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "hc-fields.h"
#include "hc-node.h"
#include "hc-parser.h"

struct _HcNode
{
  HcItem parent_instance;

  char *hostname;
  char *rack;
  HcNodeState state;
  GListStore *disks;
};

G_DEFINE_FINAL_TYPE (HcNode, hc_node, HC_TYPE_ITEM)

static const HcField fields[] = {
  { .property = "hostname",
    .json = "hostname",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcNode, hostname) },
  { .property = "rack",
    .json = "rack",
    .kind = HC_FIELD_NAME,
    .flags = HC_FIELD_REQUIRED | HC_FIELD_NONEMPTY,
    .offset = G_STRUCT_OFFSET (HcNode, rack) },
  { .property = "state",
    .json = "state",
    .kind = HC_FIELD_ENUM,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcNode, state),
    .get_type = hc_node_state_get_type },
  { .property = "disks",
    .json = "disks",
    .kind = HC_FIELD_LIST,
    .flags = HC_FIELD_REQUIRED,
    .offset = G_STRUCT_OFFSET (HcNode, disks),
    .get_type = hc_disk_get_type,
    .max = HC_PARSE_MAX_DISKS },
};

static const HcFieldTable table = { fields, G_N_ELEMENTS (fields), NULL };

static void
hc_node_class_init (HcNodeClass *klass)
{
  hc_fields_class_install (G_OBJECT_CLASS (klass), &table);
}

static void
hc_node_init (HcNode *self)
{
}

const char *
hc_node_get_hostname (HcNode *self)
{
  g_return_val_if_fail (HC_IS_NODE (self), NULL);

  return self->hostname;
}

const char *
hc_node_get_rack (HcNode *self)
{
  g_return_val_if_fail (HC_IS_NODE (self), NULL);

  return self->rack;
}

HcNodeState
hc_node_get_state (HcNode *self)
{
  g_return_val_if_fail (HC_IS_NODE (self), 0);

  return self->state;
}

GListModel *
hc_node_get_disks (HcNode *self)
{
  g_return_val_if_fail (HC_IS_NODE (self), NULL);

  return (GListModel *) self->disks;
}
