/* scenario.h: one scenario file (docs/scenario-format.md), parsed strictly.
 *
 * The file is INI as libinih reads it; every error names file:line and quotes the bad
 * token: `scenarios/x.scn:12: unknown key "los" in [link]`. */
#ifndef RDPREPRO_SCENARIO_H
#define RDPREPRO_SCENARIO_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"
#include "verdict.h"

struct rp_scenario
{
	char path[1024];
	char name[64]; /* file name without .scn */

	/* [scenario] */
	char summary[256];
	char field[256];
	char keywords[256];

	/* [client] */
	char client_args[512]; /* FreeRDP command-line syntax, split on blanks */
	uint32_t deadline_ms;
	uint32_t hold_ms;
	uint32_t connect_timeout_ms; /* 0: FreeRDP's default */

	/* [server] */
	char server_behaviour[32];

	/* [expect] */
	enum rp_cause expect;
};

/* Parses `path`. On error fills err with "path:line: ..." and returns false. */
bool rp_scenario_load(struct rp_scenario* sc, const char* path, struct rp_err* err);

#endif
