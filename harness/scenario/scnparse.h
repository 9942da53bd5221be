/* scnparse.h: what the scenario parser (scenario.c) shares with its rules across keys
 * (conflicts.c): the line each key was read at. */
#ifndef RDPREPRO_SCNPARSE_H
#define RDPREPRO_SCNPARSE_H

#include <stdbool.h>

/* The parser's state (scenario.c), the scenario it fills (scenario.h), an error (util.h). */
struct parse;
struct rp_scenario;
struct rp_err;

/* The line of [section] key in the file being parsed, 0 when it was not given. */
int rp_key_line(const struct parse* p, const char* section, const char* key);

/* Settings that make each other moot: a scenario must test one thing. False with err naming the
 * file and the line of the key that breaks the first rule it breaks. */
bool rp_scenario_conflicts(const struct rp_scenario* sc, const struct parse* p, struct rp_err* err);

#endif
