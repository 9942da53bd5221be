/* fuzz_resultjson.c: what merge and the sweep's report do with a result.json another machine
 * wrote: rp_result_parse_strict on any bytes. It must refuse with a message, or give an outcome
 * that keeps the promises report.html, junit.xml, results.tap and the CSVs rely on: a scenario
 * name the format allows, a run of 1 to 1000, a known status, known causes or none, a finite
 * wall time, text without control characters. And results.c's own reader (rp_result_read, the
 * runner's) must read an accepted file to the same outcome: the fields checked are the fields
 * used. */
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

static char tmp_path[64];

static void tmp_remove(void)
{
	unlink(tmp_path);
}

/* rp_result_read on the same bytes, from a file of this process's own (it reads a regular
 * file, never a symlink such as /proc/self/fd/N): made once, rewritten each time. */
static void same_as_reader(const uint8_t* data, size_t size, const struct rp_outcome* o)
{
	static int fd = -1;
	struct rp_outcome r;
	struct rp_err err = { "" };

	if (fd < 0)
	{
		const char* dir = getenv("TMPDIR");
		snprintf(tmp_path, sizeof(tmp_path), "%.40s/fuzz-result-XXXXXX", dir ? dir : "/tmp");
		if ((fd = mkstemp(tmp_path)) < 0)
			abort();
		atexit(tmp_remove);
	}
	memset(&r, 0, sizeof(r));
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	if (!rp_result_read(tmp_path, &r, &err))
	{
		fprintf(stderr, "%s\n", err.msg);
		abort(); /* accepted here, refused by the runner's reader */
	}
	if (strcmp(r.scenario, o->scenario) || strcmp(r.path, o->path) || r.run != o->run ||
	    r.status != o->status || strcmp(r.reason, o->reason) || strcmp(r.expected, o->expected) ||
	    strcmp(r.verdict, o->verdict) || strcmp(r.because, o->because) ||
	    strcmp(r.confidence, o->confidence) || strcmp(r.candidates, o->candidates) ||
	    strcmp(r.eliminated, o->eliminated) || strcmp(r.accepted, o->accepted) ||
	    r.seed != o->seed || strcmp(r.link, o->link) || r.wall_ms != o->wall_ms)
		abort(); /* the runner's reader reads another outcome than the one checked */
	free(r.report);
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
	same_as_reader(data, size, &o);
	return 0;
}
