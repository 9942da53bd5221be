/* fuzz_resultjson.c: what merge and the sweep's report do with a result.json another machine
 * wrote: rp_result_parse_strict on any bytes. It must refuse with a message, or give an outcome
 * that keeps the promises report.html, junit.xml, results.tap and the CSVs rely on: a scenario
 * name the format allows, a run of 1 to 1000, a known status, known causes or none, a finite
 * wall time, text without control characters. The runner reads its workers' result.json with
 * it too (rp_result_read). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "artifact.h"
#include "files.h"
#include "grid.h"
#include "results.h"
#include "resultjson.h"
#include "verdict.h"

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

static bool text_ok(const char* s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

static void check_outcome(const struct rp_outcome* o)
{
	if (!rp_name_ok(o->scenario) || o->run < 1 || o->run > RP_SWEEP_MAX_REPEAT ||
	    (int)o->status < 0 || o->status >= RP_STATUS_COUNT || !isfinite(o->wall_ms) ||
	    o->wall_ms < 0 || o->report || o->dir)
		abort();
	if ((o->verdict[0] && rp_cause_from_name(o->verdict) == RP_CAUSE_COUNT) ||
	    (o->expected[0] && rp_cause_from_name(o->expected) == RP_CAUSE_COUNT))
		abort();
	if (!text_ok(o->reason) || !text_ok(o->because) || !text_ok(o->eliminated) ||
	    !text_ok(o->link) || !text_ok(o->path) || !text_ok(o->candidates))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	struct rp_outcome o;
	struct rp_err err = { "" };

	if (!rp_result_parse_strict("fuzz/result.json", (const char*)data, size, &o, &err))
	{
		if (!err.msg[0])
			abort(); /* a refusal always says why */
		return 0;
	}
	check_outcome(&o);
	return 0;
}
