/* artifact.h: what other machines wrote, read as a stranger's (docs/sharding.md, "What merge
 * accepts"; docs/security.md). */
#ifndef RDPREPRO_ARTIFACT_H
#define RDPREPRO_ARTIFACT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <json-c/json.h>

#include "util.h"

/* ---- strict JSON: the helpers every reader of a stranger's JSON uses ---- */

/* len bytes as one JSON object, nothing after it but blanks: json-c's strict mode (no NaN,
 * Infinity, comments, single quotes or control characters in strings), its UTF-8 check and a
 * depth of 16; NULL with err naming shown. */
json_object* rp_json_object(const char* shown, const char* text, size_t len, struct rp_err* err);
/* o's member key of type t into *v; false with err naming shown and the field (where, then
 * key) when it is missing (and required) or of another type. An integer is a number too. */
bool rp_json_member(json_object* o, const char* where, const char* key, json_type t,
                    bool required, json_object** v, const char* shown, struct rp_err* err);
/* An integer member in [lo, hi]. */
bool rp_json_member_int(json_object* o, const char* key, bool required, int64_t lo, int64_t hi,
                        int64_t* v, const char* shown, struct rp_err* err);
/* A string of at most n - 1 bytes with no NUL in it (json-c keeps "\u0000"). */
bool rp_json_fits(json_object* v, size_t n);
/* Where the first control character is (len if none); lines: newline, tab and CR allowed. */
size_t rp_control_at(const char* s, size_t len, bool lines);

/* ---- names, text, run folders ---- */

/* A scenario's name as the scenario format allows it (scenario.c: a-z, 0-9 and '-'), 1 to 63
 * characters (struct rp_scenario's name). */
bool rp_name_ok(const char* s);
/* Text from a stranger that goes into our reports: valid UTF-8 with no control character but
 * newline and tab; err names shown. */
bool rp_report_text_ok(const char* shown, const char* s, size_t len, struct rp_err* err);

/* K of a run's folder name run-K (1 to max, as the runner writes it: no sign, no leading zero);
 * 0 for a name that is not run-something, -1 for run-<anything else>. */
int rp_run_folder(const char* name, int max);

/* An SVG someone else made (a shard's timeline.svg), kept to what draws: the <svg> tree of the
 * elements a timeline is made of, without script, foreignObject, links, images, animation, event
 * handlers, href, or url()/data:/javascript: values; a <style> that loads anything goes whole.
 * Parsed by libxml2 without network, DTD or entities. *out (malloc'd, *out_len bytes), *removed
 * the number of elements and attributes taken out; false when it is no SVG document. */
bool rp_svg_clean(const char* shown, const char* in, size_t len, char** out, size_t* out_len,
                  int* removed, struct rp_err* err);

#endif
