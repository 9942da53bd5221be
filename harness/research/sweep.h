/* sweep.h: `rdprepro sweep`: one scenario over a grid of conditions, N runs a point, with the
 * failure rate (Wilson intervals), the verdicts and the time to failure per point, as CSV,
 * JSON and gnuplot pictures; `rdprepro merge`: shards' results (runs or sweeps) as one. */
#ifndef RDPREPRO_SWEEP_H
#define RDPREPRO_SWEEP_H

#include <stdbool.h>

#include <json-c/json.h>

#include "grid.h"
#include "util.h"

/* OUT/sweep.json with the grid alone (before the runs: merge and a re-report need it). */
bool rp_sweep_grid_write(const struct rp_sweep* sw, const char* out, struct rp_err* err);
/* The runs under OUT/runs read back: points.csv, runs.csv, sweep.json with the results, the table
 * on stdout, the pictures (sweepreport.c); the exit status: 2 when a run's files are not what
 * a run writes (a symlink, a special file, a field out of its range: the file and the field
 * named), as for any other bad input. */
int rp_sweep_report(const struct rp_sweep* sw, const char* out);

int rp_sweep_main(int argc, char** argv);
int rp_merge_main(int argc, char** argv);

#endif
