/* sweep.h: `rdprepro sweep`: one scenario over a grid of conditions, N runs a point, with the
 * failure rate (Wilson intervals), the verdicts and the time to failure per point, as CSV,
 * JSON and gnuplot pictures; `rdprepro merge`: shards' results (runs or sweeps) as one. */
#ifndef RDPREPRO_SWEEP_H
#define RDPREPRO_SWEEP_H

#include <stdbool.h>

int rp_sweep_main(int argc, char** argv);
int rp_merge_main(int argc, char** argv);

/* Wilson's score interval for k successes in n trials at z (1.96: 95 %); false for n = 0. */
bool rp_wilson(int k, int n, double z, double* lo, double* hi);

/* The sample quantile q (0..1) of v[0..n-1] (sorted in place), by linear interpolation
 * between the closest ranks (R's type 7, numpy's default); -1 for n = 0. */
double rp_quantile(double* v, int n, double q);

#endif
