/* sweep.h: `rdprepro sweep`: one scenario over a grid of conditions, N runs a point, with the
 * failure rate (Wilson intervals), the verdicts and the time to failure per point, as CSV,
 * JSON and gnuplot pictures; `rdprepro merge`: shards' results (runs or sweeps) as one. */
#ifndef RDPREPRO_SWEEP_H
#define RDPREPRO_SWEEP_H

#include <stdbool.h>

#include <json-c/json.h>

#include "grid.h"
#include "sweepreport.h" /* merge.c takes rp_sweep_report from here */
#include "util.h"

/* OUT/sweep.json with the grid alone (before the runs: merge and a re-report need it). */
bool rp_sweep_grid_write(const struct rp_sweep* sw, const char* out, struct rp_err* err);

int rp_sweep_main(int argc, char** argv);
int rp_merge_main(int argc, char** argv);

#endif
