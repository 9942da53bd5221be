/* runopts.h: `rdprepro run`'s options. */
#ifndef RDPREPRO_RUNOPTS_H
#define RDPREPRO_RUNOPTS_H

#include <stdbool.h>

#include "runstate.h"

/* The options of `run` into o; -1 to go on, else the exit status (2: a usage error, 0: --help).
 * list_only: --list. Sets the verbosity of the lab and the processes, and o->tmpdir. */
int rp_run_options(int argc, char** argv, struct run_opts* o, bool* list_only);

#endif
