/* grid_values.h: a value of a swept key written as its label (grid.c), the one way: the reader
 * of sweep.json (gridcheck.c) holds each label to it. Shared by grid's files only. */
#ifndef RDPREPRO_GRID_VALUES_H
#define RDPREPRO_GRID_VALUES_H

#include <stddef.h>

struct rp_sweep_key;

/* "5%", "250ms", "3s", "64kbit", "1500": v in k's unit as a label. */
void rp_sweep_format_value(const struct rp_sweep_key* k, double v, char* out, size_t n);

#endif
