/* resultjson.h: a result.json read as a stranger's (docs/sharding.md, "What merge accepts";
 * docs/security.md). */
#ifndef RDPREPRO_RESULTJSON_H
#define RDPREPRO_RESULTJSON_H

#include <stdbool.h>
#include <stddef.h>

#include "results.h"
#include "util.h"

/* A result.json that anyone may have written, into o: the fields merge and the sweep's report
 * read (scenario, path, run, status, reason, expected, verdict, because, confidence,
 * candidates, ruled_out, accepted, seed, link, wall_ms), each checked for its JSON type and its
 * value (a scenario name, known causes, a run of 1 to RP_SWEEP_MAX_REPEAT, a finite wall time,
 * text that fits, is UTF-8 and holds no control character); err names shown and the field.
 * o->report and o->dir are left NULL. */
#define RP_RESULT_JSON_MAX (16u << 20)
bool rp_result_parse_strict(const char* shown, const char* text, size_t len,
                            struct rp_outcome* o, struct rp_err* err);

/* A result.json file as a stranger's: the worker that wrote it ran as the run's identity, a
 * shard's came from another machine: a regular file, bounded, never a symlink, every field
 * checked (rp_result_parse_strict). */
bool rp_result_read(const char* path, struct rp_outcome* o, struct rp_err* err);

#endif
