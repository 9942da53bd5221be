/* run.h: one scenario's run, as docs/design.md draws it: lab up, secrets, faults armed, the
 * server peer up, the client, the evidence, the verdict, undo. The suite (runner.c) calls
 * rp_run_scenario in a worker per run; peers (peer.h) and clients (client.h) plug in through
 * their ops tables and see the run through struct rp_run (peers/runstate.h). */
#ifndef RDPREPRO_RUN_H
#define RDPREPRO_RUN_H

#include <stdbool.h>

#include "runstate.h"

/* Runs one scenario from lab up to undo; r says what it ended as. True when it ended as below;
 * false when it stayed root and where it began: it could not leave (r says why: an ERROR), or
 * the result folder's file system would not take the run's identity (a 9p share). */
bool rp_run_scenario(const struct rp_scenario* sc, const char* resdir, const struct run_opts* o,
                     struct result* r);
/* rp_run_scenario ends without root's rights, in resdir (its working directory), which it
 * handed to the run's identity: the worker writes its reports there by name. The runner takes
 * the folder back once the worker is gone. */
void rp_run_take_back(const char* resdir);

#endif
