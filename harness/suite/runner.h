/* runner.h: `rdprepro run` and `rdprepro list`: scenarios from files, each in its own lab,
 * with a result per scenario (PASS, FAIL, SKIP, ERROR) decided here and nowhere else. */
#ifndef RDPREPRO_RUNNER_H
#define RDPREPRO_RUNNER_H

int rp_run_main(int argc, char** argv);
int rp_list_main(int argc, char** argv);

/* For the harness's other commands (linkcheck): the runner's lab plumbing. */
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "lab.h"
#include "scenario.h"
#include "util.h"

extern char self_exe[4096];
extern bool g_verbose;
bool rp_find_self(struct rp_err* err);
void rp_undo_stop(void* pid);
void rp_undo_lab(void* lab);
void rp_undo_remove_tree(void* path);
bool rp_apply_link_faults(const struct rp_scenario* sc, const struct rp_lab* lab,
                          const char* resdir, const char* backend, bool verbose, bool force_engine,
                          char* how, size_t how_size, pid_t engines[2], struct rp_err* err);

#endif
