/* sweep.h: `rdprepro sweep`: one scenario over a grid of conditions, N runs a point, with the
 * failure rate (Wilson intervals), the verdicts and the time to failure per point, as CSV,
 * JSON and gnuplot pictures; `rdprepro merge`: shards' results (runs or sweeps) as one. */
#ifndef RDPREPRO_SWEEP_H
#define RDPREPRO_SWEEP_H

#include <stdbool.h>

#include <json-c/json.h>

#include "grid.h"
#include "util.h"

#define RP_SWEEP_MAX_POINTS 400
#define RP_SWEEP_MAX_SETS 8

/* A grid point: its scenario's name and its value on each axis. */
struct rp_sweep_point
{
	char name[64];
	int idx[2]; /* the value's index on each axis */
};

/* A sweep: the scenario, the axes, the fixed settings, the points, the runs a point. */
struct rp_sweep
{
	char scenario[1024]; /* the swept scenario's path */
	char base[64];       /* its name */
	int n_axes;
	struct rp_axis ax[2];
	int n_sets;
	struct rp_setting sets[RP_SWEEP_MAX_SETS];
	int n_points;
	struct rp_sweep_point pts[RP_SWEEP_MAX_POINTS];
	int repeat;
	bool have_seed;
	unsigned seed;
};

/* The points of the axes, in order (the first axis outermost), named p001-KEY-VALUE[-KEY-VALUE]. */
void rp_sweep_points(struct rp_sweep* sw);
/* sweep.json's grid part, and the grid back from a sweep.json (merge, --report). */
json_object* rp_sweep_grid_json(const struct rp_sweep* sw);
bool rp_sweep_grid_write(const struct rp_sweep* sw, const char* out, struct rp_err* err);
bool rp_sweep_grid_read(const char* path, struct rp_sweep* sw, struct rp_err* err);
/* The runs under `runs` read back: points.csv, runs.csv, sweep.json with the results, the table
 * on stdout, the pictures (sweepreport.c); the exit status. */
int rp_sweep_report(const struct rp_sweep* sw, const char* out, const char* runs);

int rp_sweep_main(int argc, char** argv);
int rp_merge_main(int argc, char** argv);

#endif
