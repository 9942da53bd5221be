/* scnwrite.h: writing a scenario file (docs/scenario-format.md) from its parts, for the
 * commands that make scenarios rather than read them: `variants` (drawn from a cause's
 * envelope) and `reproduce` (derived from a field log's facts). */
#ifndef RDPREPRO_SCNWRITE_H
#define RDPREPRO_SCNWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "scenario.h"
#include "util.h"

/* The scenario being written: each section's `key = value` lines, as they will appear. Text
 * buffers are the scenario's own sizes (struct rp_scenario), so what fits here reads back. */
struct rp_scn_draft
{
	char client[512], server[512], link[512], fault[512];
	char summary[sizeof(((struct rp_scenario*)0)->summary)];
	char field[sizeof(((struct rp_scenario*)0)->field)]; /* [scenario] field, "" for none */
	char acceptable[256], because[1024];
	char notes[512]; /* comment lines after the header: what was clamped, "" for none */
	const char* link_section; /* "link" (both ways), or "link to-server" / "link to-client" */
	int deadline_s;
	const char* peer; /* NULL: the lab's own server */
};

/* Appends to one of the draft's buffers (truncating, never overflowing). */
void rp_scn_add(char* dst, size_t n, const char* fmt, ...) __attribute__((format(printf, 3, 4)));

/* src as text a scenario file can hold, into dst of n bytes: control characters (a newline, an
 * escape) become blanks, bytes that are not UTF-8 `?`, a `;` after a blank `,` (inih would
 * read a comment there); cut on a character boundary with "..." when it does not fit. */
void rp_scn_clean(char* dst, size_t n, const char* src);

/* text (cleaned) as comment lines, "# " each, broken at blanks into lines inih can read. */
void rp_scn_comment(FILE* f, const char* text);

/* Writes the draft to path (a temporary file renamed over it: never through a symlink):
 * `header` first as comment lines, then the draft's notes, then the sections, [expect]
 * verdict = `verdict` with its acceptable set. Any text (cleaned, continued on indented lines,
 * cut to the scenario's sizes) and a deadline out of the format's range (clamped to 1 s - 24 h)
 * still make a file the parser reads. */
bool rp_scn_write(const char* path, const char* header, const struct rp_scn_draft* d,
                  const char* keywords, unsigned seed, const char* verdict, struct rp_err* err);

#endif
