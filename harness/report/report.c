/* report.c: report.html for a suite: the verdict table, then each run's timeline and evidence.
 * One file that opens anywhere: the CSS inline, each timeline embedded as an image, no script
 * and no external address. It holds no markup it did not make: everything from a record is
 * escaped (rp_markup_escape), and a timeline.svg goes in only as an <img> (below). */
#include "report.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <openssl/evp.h>

/* A timeline larger than this is not embedded (a long run with a busy capture): its folder
 * holds it. */
#define INLINE_SVG_MAX (8u << 20)

void rp_markup_escape(FILE* f, const char* s, size_t max)
{
	for (size_t i = 0; s && s[i]; i++)
	{
		if (i >= max)
		{
			fputs("...", f);
			return;
		}
		switch (s[i])
		{
			case '<':
				fputs("&lt;", f);
				break;
			case '>':
				fputs("&gt;", f);
				break;
			case '&':
				fputs("&amp;", f);
				break;
			case '"':
				fputs("&quot;", f);
				break;
			default:
				fputc((unsigned char)s[i] < 0x20 && s[i] != '\n' && s[i] != '\t' ? '?' : s[i], f);
		}
	}
}

static void esc(FILE* f, const char* s)
{
	rp_markup_escape(f, s, 1u << 20);
}

/* The status cells' colours. PASS's (#0fa86e) is used nowhere else on the page, timelines
 * included: tests/report_html.sh counts its pixels in a screenshot to find the table. */
static const char css[] =
	"body{font-family:sans-serif;margin:16px;color:#222}"
	"table.verdicts{border-collapse:collapse;margin-bottom:24px}"
	"table.verdicts th,table.verdicts td{border:1px solid #bbb;padding:4px 10px;text-align:left}"
	"table.verdicts th{background:#eeeeee}"
	"td.status{font-weight:bold;color:#ffffff;min-width:60px}"
	"td.PASS{background:#0fa86e}td.FAIL{background:#d9304f}"
	"td.SKIP{background:#9e9e9e}td.ERROR{background:#e08a00}"
	"section{border-top:2px solid #ccc;margin-top:20px;padding-top:8px}"
	"div.timeline{overflow-x:auto}div.timeline img{display:block}"
	"pre{background:#f7f7f7;padding:8px;white-space:pre-wrap;font-size:12px}"
	".reason{margin:4px 0}";

static void run_name(char* buf, size_t n, const struct rp_outcome* o)
{
	snprintf(buf, n, o->run > 1 ? "%s#%d" : "%s", o->scenario, o->run);
}

static void table(FILE* f, const struct rp_outcome* o, int n)
{
	fputs("<table class=\"verdicts\" id=\"verdicts\">\n<thead><tr><th>scenario</th><th>run</th>"
	      "<th>status</th><th>verdict</th><th>confidence</th><th>expected</th><th>wall time</th>"
	      "</tr></thead>\n<tbody>\n", f);
	for (int i = 0; i < n; i++)
	{
		const char* st = rp_status_name(o[i].status);
		fprintf(f, "<tr class=\"run\"><td><a href=\"#run-%d\">", i + 1);
		esc(f, o[i].scenario);
		fprintf(f, "</a></td><td>%d</td><td class=\"status %s\">%s</td><td>", o[i].run, st, st);
		esc(f, o[i].verdict[0] ? o[i].verdict : "-");
		fputs("</td><td>", f);
		esc(f, o[i].confidence[0] ? o[i].confidence : "-");
		fputs("</td><td>", f);
		esc(f, o[i].expected);
		fprintf(f, "</td><td>%.2f s</td></tr>\n", o[i].wall_ms / 1000.0);
	}
	fputs("</tbody>\n</table>\n", f);
}

/* The run's timeline.svg as an <img> whose source is the file itself (a data: URL, base64), or
 * why there is none. Never inlined as markup: merge puts other machines' folders here, and an
 * SVG inlined into the page is part of the page (`<svg onload=...>` or a <script> in it runs in
 * the reader's browser). An SVG loaded as an image runs no script and loads nothing else
 * (browsers draw images in their secure static mode: the HTML standard's "SVG in <img>"), and
 * the data: URL keeps the page one file that opens anywhere. Regenerating the picture from
 * result.json instead would read a stranger's pcaps as root to draw it. The same for our own
 * runs: one way, safe for both. What an <img> loses: the per-packet tooltips (<title>), which
 * the run's own timeline.svg still shows when opened. */
static void timeline(FILE* f, const struct rp_outcome* o, const char* name)
{
	char path[4200];
	char* svg = NULL;
	unsigned char* b64 = NULL;
	size_t len = 0;
	struct rp_err err = { "" };
	struct stat st;
	const char* p;

	if (!o->dir)
	{
		fputs("<p class=\"reason\">no result folder: no timeline</p>\n", f);
		return;
	}
	snprintf(path, sizeof(path), "%s/timeline.svg", o->dir);
	if (lstat(path, &st) != 0)
	{
		fputs("<p class=\"reason\">no timeline (report.txt says why)</p>\n", f);
		return;
	}
	/* A regular file only, never through a symlink, at most INLINE_SVG_MAX bytes. */
	if (!rp_read_regular(path, INLINE_SVG_MAX, true, &svg, &len, &err))
	{
		fputs("<p class=\"reason\">timeline not shown: ", f);
		esc(f, err.msg);
		fputs("</p>\n", f);
		return;
	}
	p = svg + strspn(svg, " \t\r\n");
	if ((strncmp(p, "<?xml", 5) != 0 && strncmp(p, "<svg", 4) != 0) ||
	    !(b64 = malloc(4 * ((len + 2) / 3) + 1)))
	{
		fputs("<p class=\"reason\">timeline not shown (not an SVG): ", f);
		esc(f, path);
		fputs("</p>\n", f);
	}
	else
	{
		EVP_EncodeBlock(b64, (const unsigned char*)svg, (int)len);
		fputs("<div class=\"timeline\"><img alt=\"timeline.svg of ", f);
		esc(f, name);
		fprintf(f, "\" src=\"data:image/svg+xml;base64,%s\"></div>\n", (const char*)b64);
	}
	free(b64);
	free(svg);
}

static void section(FILE* f, const struct rp_outcome* o, int i)
{
	char name[96];

	run_name(name, sizeof(name), o);
	fprintf(f, "<section id=\"run-%d\"><h2>", i + 1);
	esc(f, name);
	fprintf(f, ": %s</h2>\n<p class=\"reason\">", rp_status_name(o->status));
	esc(f, o->reason);
	fputs("</p>\n", f);
	if (o->link[0])
	{
		fputs("<p class=\"reason\">link: ", f);
		esc(f, o->link);
		fputs("</p>\n", f);
	}
	timeline(f, o, name);
	fputs("<pre>", f);
	esc(f, o->report ? o->report : "(no report: the run left no report.txt)");
	fputs("</pre>\n</section>\n", f);
}

bool rp_report_html_write(const char* dir, const struct rp_outcome* o, int n, struct rp_err* err)
{
	char path[4200];
	int counts[RP_STATUS_COUNT] = { 0 };
	struct rp_out out;
	FILE* f;

	snprintf(path, sizeof(path), "%s/report.html", dir);
	if (!rp_out_open(&out, path, err))
		return false;
	f = out.f;
	for (int i = 0; i < n; i++)
		if ((int)o[i].status >= 0 && o[i].status < RP_STATUS_COUNT)
			counts[o[i].status]++;
	fprintf(f, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
	           "<title>rdprepro report</title><style>%s</style></head>\n<body>\n"
	           "<h1>rdprepro: %d runs</h1>\n<p>%d passed, %d failed, %d skipped, %d errors</p>\n",
	        css, n, counts[RP_PASS], counts[RP_FAIL], counts[RP_SKIP], counts[RP_ERROR]);
	table(f, o, n);
	for (int i = 0; i < n; i++)
		section(f, &o[i], i);
	fputs("</body></html>\n", f);
	return rp_out_commit(&out, err);
}
