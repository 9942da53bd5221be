/* report.h: report.html, a suite's runs on one self-contained page (inline CSS, each run's
 * timeline.svg embedded as an image, no script, no external address): the verdict table first,
 * then each run's timeline and evidence (its report.txt). */
#ifndef RDPREPRO_REPORT_H
#define RDPREPRO_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "results.h"
#include "util.h"

/* DIR/report.html for the n runs (each o[i].dir holds its timeline.svg, if one was drawn).
 * Written through rp_out (a temporary file beside it, renamed): a reader never sees half a
 * page, and a symlink planted at DIR/report.html is replaced, never written through. Every
 * text of the records is escaped; a timeline.svg (another machine's, after merge) goes in
 * only as an <img>, which runs no script. */
bool rp_report_html_write(const char* dir, const struct rp_outcome* o, int n, struct rp_err* err);

/* Text into XML or HTML: < > & " escaped, control characters (not XML 1.0 characters) as
 * '?'; at most max bytes of s, then "...". */
void rp_markup_escape(FILE* f, const char* s, size_t max);

#endif
