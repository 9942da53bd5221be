/* scnwrite.h: writing a scenario file (docs/scenario-format.md) from its parts, for the
 * commands that make scenarios rather than read them: `variants` (drawn from a cause's
 * envelope) and `reproduce` (derived from a field log's facts). */
#ifndef RDPREPRO_SCNWRITE_H
#define RDPREPRO_SCNWRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util.h"

/* The scenario being written: each section's `key = value` lines, as they will appear. */
struct rp_scn_draft
{
	char client[512], server[512], link[512], fault[512];
	char summary[512];
	char field[512]; /* [scenario] field, "" for none */
	char acceptable[256], because[1024];
	const char* link_section; /* "link" (both ways), or "link to-server" / "link to-client" */
	int deadline_s;
	const char* peer; /* NULL: the lab's own server */
};

/* Appends to one of the draft's buffers (truncating, never overflowing). */
void rp_scn_add(char* dst, size_t n, const char* fmt, ...) __attribute__((format(printf, 3, 4)));

/* text as comment lines, "# " each, broken at blanks into lines inih can read. */
void rp_scn_comment(FILE* f, const char* text);

/* Writes the draft to path: `header` first as comment lines (each line of it after "# "),
 * then the sections, [expect] verdict = `verdict` with its acceptable set. Text values longer
 * than inih's line continue on indented lines. */
bool rp_scn_write(const char* path, const char* header, const struct rp_scn_draft* d,
                  const char* keywords, unsigned seed, const char* verdict, struct rp_err* err);

#endif
