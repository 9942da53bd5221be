/* select.h: which scenarios a suite runs. */
#ifndef RDPREPRO_SELECT_H
#define RDPREPRO_SELECT_H

#include <stdbool.h>

#include "runstate.h"
#include "scenario.h"
#include "util.h"

#define MAX_SCENARIOS 512

/* Expands FILES|DIRS into scenario paths (a directory: its *.scn, sorted) into *out (malloc'd,
 * each path too), *count of them. */
bool rp_collect_scenarios(char** args, int n, char*** out, int* count, struct rp_err* err);

/* Every file parsed before any runs (a typo stops the suite before it starts), the selection
 * (-n, -k) and this shard's part of it into *out, *n_out; -1 to go on, else the exit status
 * (2: a scenario error, printed; 0 or skip-code: nothing for this shard). */
int rp_load_selection(char** paths, int n, const struct run_opts* o, bool list_only,
                      struct rp_scenario** out, int* n_out);

/* --shard I/N, or `auto`: from the environment of the engine that started this run (a Slurm
 * array task, a Kubernetes Indexed Job, GitLab's, CircleCI's or Buildkite's parallel jobs);
 * *from then says which variables gave it ("" for I/N). */
bool rp_shard_parse(const char* s, int* i, int* n, char* from, size_t from_n, struct rp_err* err);

#endif
