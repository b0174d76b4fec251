/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "hc-demo-store.h"

G_BEGIN_DECLS

#define HC_TYPE_DEMO_SIMULATION (hc_demo_simulation_get_type ())
G_DECLARE_FINAL_TYPE (HcDemoSimulation, hc_demo_simulation, HC, DEMO_SIMULATION, GObject)

HcDemoSimulation *hc_demo_simulation_new       (HcDemoStore      *store,
                                                guint32           seed,
                                                double            speed);
void              hc_demo_simulation_start     (HcDemoSimulation *self);
void              hc_demo_simulation_track_run (HcDemoSimulation *self,
                                                gint64            run_rowid);
void              hc_demo_simulation_tick      (HcDemoSimulation *self);

G_END_DECLS
