/* timeline.h: a run's timeline as one SVG picture (timeline.svg in its result folder): the
 * client's phases attempt by attempt and its session, the server's events connection by
 * connection, when the timed fault fired, and with --capture the packets of both router links
 * (size, direction, RSTs, retransmissions), all on one time axis: ms from the probe's start on
 * CLOCK_MONOTONIC, the clock the probe, the server and the fault clock share. */
#ifndef RDPREPRO_TIMELINE_H
#define RDPREPRO_TIMELINE_H

#include <stdbool.h>

#include "util.h"

struct result;

/* Draws resdir/timeline.svg from the run's record and the pcaps beside it (if any). False with
 * err when there is nothing to draw (no client started, no record) or it cannot be written; no
 * file is left then. */
bool rp_timeline_write(const char* resdir, const char* title, const struct result* r,
                       struct rp_err* err);

/* The worker's hook, after result.json: the timeline, or one line in report.txt saying why
 * there is none. Never changes the run's status. */
void rp_timeline_for_run(const char* resdir, const char* title, const struct result* r);

#endif
