/* sweepplot.h: a sweep's pictures, drawn by gnuplot from the statistics of each point
 * (sweepplot.c); the statistics are the report's (sweepreport.c), which calls it. */
#ifndef RDPREPRO_SWEEPPLOT_H
#define RDPREPRO_SWEEPPLOT_H

#include <stdbool.h>
#include <stddef.h>

#include "grid.h"
#include "util.h"

#define MAX_VERDICTS 8


struct point_stats
{
	int runs, failures, skipped, errors;
	double rate, lo, hi;
	double ttf_med, ttf_p90, tta_med;
	int n_verdicts;
	char verdict[MAX_VERDICTS][32];
	int count[MAX_VERDICTS];
};

/* failure-rate.svg/.png (one key) or verdict-map.svg/.png (two) in out, with gnuplot's input
 * kept beside them; pictures says where, err why not (gnuplot missing, or it failed). */
bool rp_sweep_plot(const struct rp_sweep* sw, const struct point_stats* st, const char* out,
                   char* pictures, size_t pn, struct rp_err* err);

#endif
