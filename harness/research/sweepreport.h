/* sweepreport.h: a sweep's report: its runs read back, per point the failure rate (Wilson
 * intervals), the verdicts and the time to failure, as CSV, JSON, a table and pictures. `sweep`
 * reports after its runs, `sweep --report` and `merge` on runs already there. */
#ifndef RDPREPRO_SWEEPREPORT_H
#define RDPREPRO_SWEEPREPORT_H

#include "grid.h"

/* The runs under OUT/runs read back: points.csv, runs.csv, sweep.json with the results, the table
 * on stdout, the pictures (sweepplot.c); the exit status: 2 when a run's files are not what
 * a run writes (a symlink, a special file, a field out of its range: the file and the field
 * named), as for any other bad input. */
int rp_sweep_report(const struct rp_sweep* sw, const char* out);

#endif
