/* resultjson.c: a result.json read as a stranger's (merge, `sweep --report`, the runner's own
 * workers, which wrote it as the run's identity): json-c's strict mode, then every field checked
 * for its JSON type and its value, one row per field. */
#include "resultjson.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "artifact.h"
#include "grid.h"
#include "verdict.h"

/* What a field of result.json must be (results.c, rp_result_write, writes each). */
enum result_check
{
	R_RECORD,     /* "rdprepro-result/1" */
	R_NAME,       /* a scenario's name */
	R_CAUSE,      /* a cause of the taxonomy (verdict.c), or "" */
	R_CAUSES,     /* causes, space-separated */
	R_CONFIDENCE, /* low, medium, high, or "" */
	R_ACCEPTED,   /* exact, acceptable, or "" */
	R_STATUS,     /* PASS, FAIL, SKIP, ERROR */
	R_TEXT,       /* one line of text */
	R_RUN,        /* 1 to RP_SWEEP_MAX_REPEAT (run's --repeat) */
	R_SEED,       /* 0 to 2^32 - 1 */
	R_MS,         /* a wall time, 0 to a day (rp_parse_duration_ms's bound) */
};

#define RESULT_MS_MAX 86400000.0
#define STR_FIELD(f) offsetof(struct rp_outcome, f), sizeof(((struct rp_outcome*)0)->f)

/* The fields merge and the sweep's report read, one row each: the JSON key, its check, whether a
 * run always writes it, and for text its place in struct rp_outcome (a longer string than the
 * place holds is refused, not cut). */
static const struct result_field
{
	const char* key;
	enum result_check check;
	bool required;
	size_t off, size;
} result_fields[] = {
	{ "record", R_RECORD, true, 0, 0 },
	{ "scenario", R_NAME, true, STR_FIELD(scenario) },
	{ "path", R_TEXT, false, STR_FIELD(path) },
	{ "run", R_RUN, true, 0, 0 },
	{ "status", R_STATUS, true, 0, 0 },
	{ "reason", R_TEXT, false, STR_FIELD(reason) },
	{ "expected", R_CAUSE, false, STR_FIELD(expected) },
	{ "verdict", R_CAUSE, false, STR_FIELD(verdict) },
	{ "because", R_TEXT, false, STR_FIELD(because) },
	{ "confidence", R_CONFIDENCE, false, STR_FIELD(confidence) },
	{ "candidates", R_CAUSES, false, STR_FIELD(candidates) },
	{ "ruled_out", R_TEXT, false, STR_FIELD(eliminated) },
	{ "accepted", R_ACCEPTED, false, STR_FIELD(accepted) },
	{ "seed", R_SEED, false, 0, 0 },
	{ "link", R_TEXT, false, STR_FIELD(link) },
	{ "wall_ms", R_MS, false, 0, 0 },
};

/* What a refused value should have been, for the message. */
static const char* const result_what[] = {
	[R_RECORD] = "\"rdprepro-result/1\": not a run's result",
	[R_NAME] = "a scenario's name (a-z, 0-9 and '-', at most 63)",
	[R_CAUSE] = "a cause (docs/causes.md)",
	[R_CAUSES] = "causes (docs/causes.md), one space between them",
	[R_CONFIDENCE] = "low, medium or high",
	[R_ACCEPTED] = "exact or acceptable",
	[R_STATUS] = "PASS, FAIL, SKIP or ERROR",
	[R_TEXT] = "one line of text",
	[R_RUN] = "a run of 1 to 1000",
	[R_SEED] = "a seed of 0 to 4294967295",
	[R_MS] = "a time of 0 to 86400000 ms",
};

static bool causes_ok(const char* s)
{
	char buf[256], *save = NULL;

	rp_strlcpy(buf, s, sizeof(buf));
	if (s[0] == ' ' || strstr(s, "  ") || (s[0] && s[strlen(s) - 1] == ' '))
		return false;
	for (char* w = strtok_r(buf, " ", &save); w; w = strtok_r(NULL, " ", &save))
		if (rp_cause_from_name(w) == RP_CAUSE_COUNT)
			return false;
	return true;
}

/* Whether s is a value of a text field's kind; numbers are never text. */
static bool result_text_ok(enum result_check c, const char* s)
{
	switch (c)
	{
		case R_RECORD:
			return strcmp(s, "rdprepro-result/1") == 0;
		case R_NAME:
			return rp_name_ok(s);
		case R_CAUSE:
			return !s[0] || rp_cause_from_name(s) != RP_CAUSE_COUNT;
		case R_CAUSES:
			return causes_ok(s);
		case R_CONFIDENCE:
			for (int i = RP_CONF_LOW; i <= RP_CONF_HIGH; i++)
				if (strcmp(s, rp_confidence_name((enum rp_confidence)i)) == 0)
					return true;
			return !s[0];
		case R_ACCEPTED:
			return !s[0] || strcmp(s, "exact") == 0 || strcmp(s, "acceptable") == 0;
		case R_STATUS:
			for (int i = 0; i < RP_STATUS_COUNT; i++)
				if (strcmp(s, rp_status_name((enum rp_status)i)) == 0)
					return true;
			return false;
		case R_TEXT:
			return rp_control_at(s, strlen(s), false) == strlen(s);
		case R_RUN:
		case R_SEED:
		case R_MS:
			return false;
	}
	return false;
}

/* One field of result.json checked and stored. */
static bool result_field(json_object* j, const struct result_field* f, struct rp_outcome* o,
                         const char* shown, struct rp_err* err)
{
	json_object* v;
	int64_t x = 0;
	const char* s;

	switch (f->check)
	{
		case R_RUN:
			if (!rp_json_member_int(j, f->key, f->required, 1, RP_SWEEP_MAX_REPEAT, &x, shown, err))
				return false;
			o->run = (int)x;
			return true;
		case R_SEED:
			if (!rp_json_member_int(j, f->key, f->required, 0, UINT32_MAX, &x, shown, err))
				return false;
			o->seed = (unsigned)x;
			return true;
		case R_MS:
			if (!rp_json_member(j, "", f->key, json_type_double, f->required, &v, shown, err))
				return false;
			o->wall_ms = v ? json_object_get_double(v) : 0;
			if (!isfinite(o->wall_ms) || o->wall_ms < 0 || o->wall_ms > RESULT_MS_MAX)
				return rp_fail(err, "%s: %s: %.40s is not %s", shown, f->key,
				               json_object_to_json_string(v), result_what[f->check]);
			return true;
		case R_RECORD:
		case R_NAME:
		case R_CAUSE:
		case R_CAUSES:
		case R_CONFIDENCE:
		case R_ACCEPTED:
		case R_STATUS:
		case R_TEXT:
			break;
	}
	if (!rp_json_member(j, "", f->key, json_type_string, f->required, &v, shown, err))
		return false;
	if (!v)
		return true;
	s = json_object_get_string(v);
	if (!rp_json_fits(v, f->size ? f->size : 32))
		return rp_fail(err, "%s: %s: more than %zu bytes, or a NUL byte: not what a run writes",
		               shown, f->key, (f->size ? f->size : 32) - 1);
	if (!result_text_ok(f->check, s))
		return rp_fail(err, "%s: %s: %.60s%s is not %s", shown, f->key,
		               json_object_to_json_string(v),
		               strlen(json_object_to_json_string(v)) > 60 ? "..." : "",
		               result_what[f->check]);
	if (f->check == R_STATUS)
		for (int i = 0; i < RP_STATUS_COUNT; i++)
			if (strcmp(s, rp_status_name((enum rp_status)i)) == 0)
				o->status = (enum rp_status)i;
	if (f->size)
		rp_strlcpy((char*)o + f->off, s, f->size);
	return true;
}

bool rp_result_parse_strict(const char* shown, const char* text, size_t len,
                            struct rp_outcome* o, struct rp_err* err)
{
	json_object* j = rp_json_object(shown, text, len, err);
	bool ok = j != NULL;

	memset(o, 0, sizeof(*o));
	for (size_t i = 0; ok && i < sizeof(result_fields) / sizeof(result_fields[0]); i++)
		ok = result_field(j, &result_fields[i], o, shown, err);
	json_object_put(j);
	if (!ok)
		memset(o, 0, sizeof(*o));
	return ok;
}

/* A result.json as a stranger's: the worker that wrote it ran as the run's identity, a shard's
 * came from another machine. One reader for both, the strict one (artifact.c). */
bool rp_result_read(const char* path, struct rp_outcome* o, struct rp_err* err)
{
	char* text = NULL;
	size_t len = 0;
	bool ok = rp_read_regular(path, RP_RESULT_JSON_MAX, true, &text, &len, err) &&
	          rp_result_parse_strict(path, text, len, o, err);

	free(text);
	return ok;
}
