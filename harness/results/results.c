/* results.c: result.json (json-c), JUnit XML (libxml2's xmlTextWriter), TAP. Each is written
 * whole or not at all, never through a symlink (rp_out: a temporary file beside it, renamed
 * over it), and read back only from a regular file of bounded size (issue 29). */
#include "results.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <libxml/xmlwriter.h>


/* The largest record read: an evidence record (the probe's, evidence.h) and a result.json,
 * which holds one (RP_RESULT_JSON_MAX, resultjson.h). */
#define EVIDENCE_MAX (8u << 20)

static const char* const status_names[RP_STATUS_COUNT] = { "PASS", "FAIL", "SKIP", "ERROR" };
static const char* const status_tags[RP_STATUS_COUNT] = { "[ OK ]", "[FAIL]", "[SKIP]",
	                                                      "[ERR ]" };

const char* rp_status_name(enum rp_status s)
{
	return (int)s >= 0 && s < RP_STATUS_COUNT ? status_names[s] : "?";
}

const char* rp_status_tag(enum rp_status s)
{
	return (int)s >= 0 && s < RP_STATUS_COUNT ? status_tags[s] : "[????]";
}

const char* rp_step_name(enum rp_step s)
{
	switch (s)
	{
		case RP_STEP_LAB:
			return "lab";
		case RP_STEP_SECRETS:
			return "secrets";
		case RP_STEP_FAULTS:
			return "faults";
		case RP_STEP_PEER:
			return "peer";
		case RP_STEP_CLIENT:
			return "client";
		case RP_STEP_VERDICT:
			return "verdict";
		case RP_STEP_TEARDOWN:
			return "teardown";
		case RP_STEP_COUNT:
			break;
	}
	return "?";
}

/* A JSON file of at most max bytes, read as a regular file never through a symlink; NULL if
 * it is none, or not JSON (err says which). */
static json_object* json_read(const char* path, size_t max, struct rp_err* err)
{
	enum json_tokener_error jerr = json_tokener_success;
	json_object* j;
	char* text = NULL;

	if (!rp_read_regular(path, max, true, &text, NULL, err))
		return NULL;
	if (!(j = json_tokener_parse_verbose(text, &jerr)))
		rp_fail(err, "%s: not JSON: %s", path, json_tokener_error_desc(jerr));
	free(text);
	return j;
}

/* text as the whole content of path (rp_out). */
static bool write_whole(const char* path, const char* text, size_t len, struct rp_err* err)
{
	struct rp_out out;

	if (!rp_out_open(&out, path, err))
		return false;
	if (len && fwrite(text, 1, len, out.f) != len)
	{
		rp_out_abort(&out);
		return rp_fail(err, "%s: cannot write: %s", path, strerror(errno));
	}
	return rp_out_commit(&out, err);
}

bool rp_result_write(const char* path, const struct rp_outcome* o, const char* evidence_path,
                     const char* server_log, struct rp_err* err)
{
	json_object* j = json_object_new_object();
	struct rp_err ignored;
	/* The probe's record, written by a process of the run's unprivileged identity. */
	json_object* ev = evidence_path ? json_read(evidence_path, EVIDENCE_MAX, &ignored) : NULL;
	const char* text;
	bool ok;

	json_object_object_add(j, "record", json_object_new_string("rdprepro-result/1"));
	json_object_object_add(j, "scenario", json_object_new_string(o->scenario));
	json_object_object_add(j, "path", json_object_new_string(o->path));
	json_object_object_add(j, "run", json_object_new_int(o->run));
	json_object_object_add(j, "status", json_object_new_string(rp_status_name(o->status)));
	json_object_object_add(j, "reason", json_object_new_string(o->reason));
	json_object_object_add(j, "expected", json_object_new_string(o->expected));
	json_object_object_add(j, "verdict", json_object_new_string(o->verdict));
	json_object_object_add(j, "because", json_object_new_string(o->because));
	json_object_object_add(j, "confidence", json_object_new_string(o->confidence));
	json_object_object_add(j, "candidates", json_object_new_string(o->candidates));
	json_object_object_add(j, "ruled_out", json_object_new_string(o->eliminated));
	json_object_object_add(j, "accepted", json_object_new_string(o->accepted));
	json_object_object_add(j, "seed", json_object_new_int64(o->seed));
	json_object_object_add(j, "link", json_object_new_string(o->link));
	json_object_object_add(j, "wall_ms", json_object_new_double(o->wall_ms));
	{
		json_object* steps = json_object_new_object();
		for (int i = 0; i < RP_STEP_COUNT; i++)
			json_object_object_add(steps, rp_step_name((enum rp_step)i),
			                       json_object_new_double(o->steps_ms[i]));
		json_object_object_add(j, "steps_ms", steps);
	}
	{
		json_object* fired = json_object_new_array();
		for (int i = 0; i < o->n_fired && i < RP_FAULT_FIRED_MAX; i++)
		{
			json_object* one = json_object_new_object();
			json_object_object_add(one, "t_mono_ms", json_object_new_double(o->fired[i].t_mono_ms));
			json_object_object_add(one, "what", json_object_new_string(o->fired[i].what));
			json_object_array_add(fired, one);
		}
		json_object_object_add(j, "faults_fired", fired);
	}
	json_object_object_add(j, "evidence", ev); /* null when the run never got that far */
	json_object_object_add(j, "server_events",
	                       json_object_new_string(server_log ? server_log : ""));
	text = json_object_to_json_string_ext(j, JSON_C_TO_STRING_PRETTY |
	                                             JSON_C_TO_STRING_NOSLASHESCAPE);
	ok = text ? write_whole(path, text, strlen(text), err)
	          : rp_fail(err, "%s: out of memory", path);
	json_object_put(j);
	return ok;
}

/* ---- JUnit ---- */

static int count(const struct rp_outcome* o, int n, enum rp_status s)
{
	int c = 0;
	for (int i = 0; i < n; i++)
		c += o[i].status == s;
	return c;
}

static void fmt_secs(char* buf, size_t n, double ms)
{
	snprintf(buf, n, "%.3f", ms / 1000.0);
}

bool rp_junit_write(const char* path, const struct rp_outcome* o, int n, double total_ms,
                    struct rp_err* err)
{
	/* Written to memory, then to the file whole (rp_out): libxml2 would open the path itself,
	 * through whatever symlink stood there. */
	xmlBufferPtr doc = xmlBufferCreate();
	xmlTextWriterPtr w = doc ? xmlNewTextWriterMemory(doc, 0) : NULL;
	char buf[64];
	int rc = 0;

	if (!w)
	{
		xmlBufferFree(doc);
		return rp_fail(err, "%s: out of memory", path);
	}
	xmlTextWriterSetIndent(w, 1);
	rc |= xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL) < 0;
	rc |= xmlTextWriterStartElement(w, BAD_CAST "testsuites") < 0;
	rc |= xmlTextWriterStartElement(w, BAD_CAST "testsuite") < 0;
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST "rdprepro") < 0;
	snprintf(buf, sizeof(buf), "%d", n);
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "tests", BAD_CAST buf) < 0;
	snprintf(buf, sizeof(buf), "%d", count(o, n, RP_FAIL));
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "failures", BAD_CAST buf) < 0;
	snprintf(buf, sizeof(buf), "%d", count(o, n, RP_ERROR));
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "errors", BAD_CAST buf) < 0;
	snprintf(buf, sizeof(buf), "%d", count(o, n, RP_SKIP));
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "skipped", BAD_CAST buf) < 0;
	fmt_secs(buf, sizeof(buf), total_ms);
	rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "time", BAD_CAST buf) < 0;
	for (int i = 0; i < n && !rc; i++)
	{
		char name[96];
		snprintf(name, sizeof(name), o[i].run > 1 ? "%s#%d" : "%s", o[i].scenario, o[i].run);
		rc |= xmlTextWriterStartElement(w, BAD_CAST "testcase") < 0;
		rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "classname", BAD_CAST "rdprepro.scenarios") < 0;
		rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "name", BAD_CAST name) < 0;
		fmt_secs(buf, sizeof(buf), o[i].wall_ms);
		rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "time", BAD_CAST buf) < 0;
		switch (o[i].status)
		{
			case RP_PASS:
			case RP_STATUS_COUNT:
				break;
			case RP_FAIL:
			case RP_ERROR:
				rc |= xmlTextWriterStartElement(w, BAD_CAST(o[i].status == RP_FAIL ? "failure"
				                                                                   : "error")) < 0;
				rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "message", BAD_CAST o[i].reason) < 0;
				rc |= xmlTextWriterWriteAttribute(
				          w, BAD_CAST "type", BAD_CAST(o[i].status == RP_FAIL ? "verdict" : "harness")) < 0;
				rc |= xmlTextWriterWriteString(w, BAD_CAST(o[i].report ? o[i].report : o[i].reason)) < 0;
				rc |= xmlTextWriterEndElement(w) < 0;
				break;
			case RP_SKIP:
				rc |= xmlTextWriterStartElement(w, BAD_CAST "skipped") < 0;
				rc |= xmlTextWriterWriteAttribute(w, BAD_CAST "message", BAD_CAST o[i].reason) < 0;
				rc |= xmlTextWriterEndElement(w) < 0;
				break;
		}
		if (o[i].report && (o[i].status == RP_PASS))
		{
			rc |= xmlTextWriterStartElement(w, BAD_CAST "system-out") < 0;
			rc |= xmlTextWriterWriteString(w, BAD_CAST o[i].report) < 0;
			rc |= xmlTextWriterEndElement(w) < 0;
		}
		rc |= xmlTextWriterEndElement(w) < 0;
	}
	rc |= xmlTextWriterEndDocument(w) < 0;
	xmlFreeTextWriter(w); /* flushes into doc */
	if (rc)
	{
		xmlBufferFree(doc);
		return rp_fail(err, "%s: cannot write the JUnit XML", path);
	}
	rc = !write_whole(path, (const char*)xmlBufferContent(doc), (size_t)xmlBufferLength(doc), err);
	xmlBufferFree(doc);
	return !rc;
}

/* ---- TAP ---- */

/* A YAML block scalar line must not break the block: indent every line of the text. */
static void tap_block(FILE* f, const char* key, const char* text)
{
	fprintf(f, "  %s: |\n", key);
	while (text && *text)
	{
		size_t n = strcspn(text, "\n");
		fprintf(f, "    %.*s\n", (int)n, text);
		text += n + (text[n] == '\n');
	}
}

bool rp_tap_write(const char* path, const struct rp_outcome* o, int n, struct rp_err* err)
{
	struct rp_out out;
	FILE* f;

	if (!rp_out_open(&out, path, err))
		return false;
	f = out.f;
	fprintf(f, "TAP version 13\n1..%d\n", n);
	for (int i = 0; i < n; i++)
	{
		const struct rp_outcome* r = &o[i];
		char name[96];
		snprintf(name, sizeof(name), r->run > 1 ? "%s#%d" : "%s", r->scenario, r->run);
		switch (r->status)
		{
			case RP_PASS:
			case RP_STATUS_COUNT:
				fprintf(f, "ok %d - %s: %s\n", i + 1, name, r->verdict);
				break;
			case RP_SKIP:
				/* The SKIP directive's reason runs to the end of the line. */
				fprintf(f, "ok %d - %s # SKIP %s\n", i + 1, name, r->reason);
				break;
			case RP_FAIL:
			case RP_ERROR:
				fprintf(f, "not ok %d - %s\n  ---\n", i + 1, name);
				fprintf(f, "  status: %s\n", rp_status_name(r->status));
				tap_block(f, "message", r->reason);
				if (r->report)
					tap_block(f, "evidence", r->report);
				fprintf(f, "  ...\n");
				break;
		}
	}
	return rp_out_commit(&out, err);
}
