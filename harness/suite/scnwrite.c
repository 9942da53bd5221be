/* scnwrite.c: a scenario file from a draft (scnwrite.h). */
#include "scnwrite.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void rp_scn_add(char* dst, size_t n, const char* fmt, ...)
{
	size_t len = strlen(dst);
	va_list ap;
	if (len + 1 >= n)
		return;
	va_start(ap, fmt);
	vsnprintf(dst + len, n - len, fmt, ap);
	va_end(ap);
}

/* The length of text's next line: up to its newline, or broken at a blank before 150
 * characters (inih keeps 200 a line). */
static int chunk(const char* w)
{
	int n = 0, last = 0;

	while (w[n] && w[n] != '\n' && n < 150)
	{
		if (w[n] == ' ')
			last = n;
		n++;
	}
	return w[n] && w[n] != '\n' && last ? last : n;
}

/* `key = text`, broken at blanks into lines of at most 150 characters: inih keeps 200 a
 * line, and a line that begins with a blank continues the value before it. */
static void put_text(FILE* f, const char* key, const char* w)
{
	fprintf(f, "%s =%s", key, *w ? "" : "\n");
	while (*w)
	{
		int n = chunk(w);
		fprintf(f, " %.*s\n", n, w);
		w += n;
		while (*w == ' ' || *w == '\n')
			w++;
		if (*w)
			fprintf(f, " ");
	}
}

void rp_scn_comment(FILE* f, const char* text)
{
	const char* w = text ? text : "";

	while (*w)
	{
		int n = chunk(w);
		fprintf(f, "# %.*s\n", n, w);
		w += n;
		while (*w == ' ' || *w == '\n')
			w++;
	}
}

bool rp_scn_write(const char* path, const char* header, const struct rp_scn_draft* d,
                  const char* keywords, unsigned seed, const char* verdict, struct rp_err* err)
{
	FILE* f = fopen(path, "w");

	if (!f)
		return rp_fail(err, "%s: %s", path, strerror(errno));
	rp_scn_comment(f, header);
	fprintf(f, "[scenario]\n");
	put_text(f, "summary", d->summary);
	if (d->field[0])
		put_text(f, "field", d->field);
	fprintf(f, "keywords = %s\nseed = %u\n", keywords, seed);
	fprintf(f, "\n[client]\n%sdeadline = %ds\n", d->client, d->deadline_s);
	if (d->server[0])
		fprintf(f, "\n[server]\n%s", d->server);
	if (d->link[0])
		fprintf(f, "\n[%s]\n%s", d->link_section ? d->link_section : "link", d->link);
	if (d->fault[0])
		fprintf(f, "\n[fault]\n%s", d->fault);
	fprintf(f, "\n[expect]\nverdict = %s\n", verdict);
	if (d->acceptable[0])
	{
		fprintf(f, "acceptable = %s\n", d->acceptable);
		put_text(f, "acceptable-because", d->because);
	}
	if (fclose(f) != 0)
		return rp_fail(err, "%s: %s", path, strerror(errno));
	return true;
}
