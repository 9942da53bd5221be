/* fuzz_sweepjson.c: what merge and `sweep --report` do with a sweep.json another machine wrote:
 * rp_sweep_grid_parse on any bytes (not NUL-terminated: the length is the input's). It must
 * refuse with a message, or give a grid that keeps the promises its callers rely on: a name
 * the scenario format allows (it goes into gnuplot's data and file names), 1 or 2 axes of at
 * most RP_MAX_VALUES finite values, at most RP_SWEEP_MAX_POINTS points (the arrays' sizes),
 * labels of a value's characters only; and that grid written back as sweep.json must read back
 * the same (what merge writes, merge reads). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "artifact.h"
#include "files.h"
#include "grid.h"

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

/* Characters a label can hold: what format_value writes (digits, '.', "e+", '-', a unit) and
 * the profiles' names. No quote, blank, backslash or backtick: nothing that ends a string. */
static bool label_ok(const char* s)
{
	return s[0] && strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789.%+-") == strlen(s);
}

static void check_grid(const struct rp_sweep* sw)
{
	int points = 1;

	if (!rp_name_ok(sw->base) || sw->n_axes < 1 || sw->n_axes > 2 || sw->repeat < 1 ||
	    sw->repeat > RP_SWEEP_MAX_REPEAT || sw->n_sets < 0 || sw->n_sets > RP_SWEEP_MAX_SETS)
		abort();
	for (int a = 0; a < sw->n_axes; a++)
	{
		if (!sw->ax[a].key || sw->ax[a].n < 1 || sw->ax[a].n > RP_MAX_VALUES)
			abort();
		for (int i = 0; i < sw->ax[a].n; i++)
			if (!isfinite(sw->ax[a].v[i]) || !label_ok(sw->ax[a].label[i]))
				abort();
		points *= sw->ax[a].n;
	}
	if (points != sw->n_points || sw->n_points > RP_SWEEP_MAX_POINTS)
		abort();
	for (int p = 0; p < sw->n_points; p++)
		if (!rp_name_ok(sw->pts[p].name))
			abort();
	for (int i = 0; i < sw->n_sets; i++)
		if (!sw->sets[i].key || !label_ok(sw->sets[i].label))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
	struct rp_sweep* sw = malloc(sizeof(*sw));
	struct rp_sweep* again = malloc(sizeof(*again));
	struct rp_err err = { "" };
	json_object* j;
	const char* text;

	if (!sw || !again)
		goto out;
	if (!rp_sweep_grid_parse("fuzz/sweep.json", (const char*)data, size, sw, &err))
	{
		if (!err.msg[0])
			abort(); /* a refusal always says why */
		goto out;
	}
	check_grid(sw);
	j = rp_sweep_grid_json(sw);
	text = json_object_to_json_string_ext(j, JSON_C_TO_STRING_PRETTY);
	if (!rp_sweep_grid_parse("again/sweep.json", text, strlen(text), again, &err) ||
	    memcmp(sw, again, sizeof(*sw)) != 0)
		abort(); /* what we write we read, the same */
	json_object_put(j);
out:
	free(again);
	free(sw);
	return 0;
}
