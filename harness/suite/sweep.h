/* sweep.h: `rdprepro sweep`: one scenario over a grid of conditions, N runs a point, with the
 * failure rate (Wilson intervals), the verdicts and the time to failure per point, as CSV,
 * JSON and gnuplot pictures; `rdprepro merge`: shards' results (runs or sweeps) as one. */
#ifndef RDPREPRO_SWEEP_H
#define RDPREPRO_SWEEP_H

#include <stdbool.h>

int rp_sweep_main(int argc, char** argv);
int rp_merge_main(int argc, char** argv);

#endif
