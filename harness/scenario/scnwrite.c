/* scnwrite.c: a scenario file from a draft (scnwrite.h).
 *
 * Text in a draft may come from a stranger (reproduce puts a field log's path in `field` and
 * in comments), so the writer makes whatever it is given read back as written, within what
 * inih and struct rp_scenario take:
 * - a line is at most 200 characters (inih's buffer): text goes out in lines of at most 150
 *   bytes, broken at a blank, or on a character boundary inside a long word;
 * - a line that begins with a blank continues the value before it, so no text line can start
 *   a section or a key; but one whose first character is `#` or `;` is a comment (dropped),
 *   so no line is broken before either;
 * - inih ends a value at a `;` after a blank (an inline comment): such a `;` is written `,`;
 * - control characters (a newline, an escape sequence) become blanks, bytes that are not
 *   UTF-8 become `?`;
 * - a value the parser would find too long (continuation lines are joined with one blank)
 *   is cut on a character boundary and ends with "...";
 * - a value left blank is left out (the summary, which is required, says "(none)"). */
#include "scnwrite.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "scenario.h"

/* Text lines are broken before this many bytes: inih reads 200 a line, with the key. */
#define LINE_BYTES 150
#define ELLIPSIS "..."

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

/* The length of the UTF-8 sequence at s (1 to 4), 0 when it is not one. */
static int utf8_len(const unsigned char* s)
{
	int n = s[0] < 0x80 ? 1 : (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3
	        : (s[0] & 0xF8) == 0xF0 ? 4 : 0;

	if (s[0] >= 0xC0 && s[0] < 0xC2)
		return 0; /* an overlong 2-byte form */
	for (int k = 1; k < n; k++)
		if ((s[k] & 0xC0) != 0x80)
			return 0;
	return n;
}

void rp_scn_clean(char* dst, size_t n, const char* src)
{
	const unsigned char* s = (const unsigned char*)(src ? src : "");
	size_t o = 0, keep = 0; /* keep: where the text is cut if the rest does not fit */
	int run = 0; /* '#' and ';' in a row */
	bool cut = false;

	if (n == 0)
		return;
	while (*s)
	{
		int k = utf8_len(s);
		char one = 0;

		if (k == 0)
			one = '?', k = 1;
		else if (k == 1 && (*s < 0x20 || *s == 0x7F))
			one = ' ';
		else if (k == 2 && s[0] == 0xC2 && s[1] < 0xA0)
			one = ' '; /* a C1 control (U+0080-U+009F): CSI for some terminals */
		else if (*s == ';' && (o == 0 || dst[o - 1] == ' '))
			one = ',';
		else if ((*s == '#' || *s == ';') && ++run > 64)
			one = '?'; /* a line must be able to break before 150 bytes, never before these */
		if (*s != '#' && *s != ';')
			run = 0;
		if (o + (one ? 1 : (size_t)k) + 1 > n)
		{
			cut = true;
			break;
		}
		if (o + (one ? 1 : (size_t)k) + sizeof(ELLIPSIS) <= n)
			keep = o + (one ? 1 : (size_t)k);
		if (one)
			dst[o++] = one;
		else
			for (int j = 0; j < k; j++)
				dst[o++] = (char)s[j];
		s += k;
	}
	if (cut && n >= sizeof(ELLIPSIS))
	{
		memcpy(dst + keep, ELLIPSIS, sizeof(ELLIPSIS));
		return;
	}
	dst[cut ? 0 : o] = '\0';
}

/* Where a line may break before w[i]: not inside a UTF-8 sequence, and not before a character
 * that would make the next line a comment. */
static bool may_start_line(const char* w, int i)
{
	return (w[i] & 0xC0) != 0x80 && w[i] != '#' && w[i] != ';';
}

/* The length of text's next line: up to its newline, else broken at the last blank before
 * LINE_BYTES that a line may follow, else at the last boundary a line may start at. */
static int chunk(const char* w)
{
	int n = 0, last = 0;

	while (w[n] && w[n] != '\n' && n < LINE_BYTES)
	{
		if (n > 0 && w[n] == ' ' && w[n + 1] != ' ' && w[n + 1] != '\n' && w[n + 1] &&
		    may_start_line(w, n + 1))
			last = n;
		n++;
	}
	if (!w[n] || w[n] == '\n')
		return n;
	if (last)
		return last;
	while (n > 1 && !may_start_line(w, n))
		n--;
	return n;
}

/* Skips the blanks and newlines a line break leaves. */
static const char* after_break(const char* w)
{
	while (*w == ' ' || *w == '\n')
		w++;
	return w;
}

/* The value inih will hand the parser for text written by put_text: each line trimmed,
 * joined with one blank. Its length. */
static size_t read_back_len(const char* w)
{
	size_t len = 0;
	int lines = 0;

	for (w = after_break(w); *w; w = after_break(w))
	{
		int n = chunk(w);
		int a = 0, b = n;
		while (a < b && w[a] == ' ')
			a++;
		while (b > a && w[b - 1] == ' ')
			b--;
		if (b > a)
			len += (size_t)(b - a) + (lines++ ? 1 : 0);
		w += n;
	}
	return len;
}

/* text cleaned into buf (of the scenario's size for the key), cut until it reads back
 * shorter than that. "" when nothing but blanks is left. */
static void fit(char* buf, size_t size, const char* text)
{
	size_t len;

	rp_scn_clean(buf, size, text);
	/* Each forced break inside a word adds a blank on reading: cut a little more. */
	while ((len = read_back_len(buf)) >= size && strlen(buf) > sizeof(ELLIPSIS))
	{
		size_t over = len - size + 1, l = strlen(buf);
		size_t k = l > sizeof(ELLIPSIS) + over ? l - sizeof(ELLIPSIS) - over : 0;
		while (k > 0 && (buf[k] & 0xC0) == 0x80)
			k--;
		memcpy(buf + k, ELLIPSIS, sizeof(ELLIPSIS));
	}
	if (read_back_len(buf) == 0)
		buf[0] = '\0';
}

/* `key = text`, in lines of at most LINE_BYTES; text is clean (fit). */
static void put_text(FILE* f, const char* key, const char* w)
{
	bool any = false;

	fprintf(f, "%s =", key);
	for (w = after_break(w); *w; w = after_break(w), any = true)
	{
		int n = chunk(w);
		fprintf(f, " %.*s\n", n, w);
		w += n;
	}
	if (!any)
		fprintf(f, " (none)\n"); /* an empty value is an error to the parser */
}

void rp_scn_comment(FILE* f, const char* text)
{
	const char* t = text ? text : "";

	/* Each of text's own lines starts a comment line; what is in it is cleaned. A line longer
	 * than buf is cut: a comment is for a person to read, and may name a path. */
	while (*t)
	{
		size_t len = strcspn(t, "\n");
		char buf[4096 + 512], line[sizeof(buf)];
		const char* w;

		snprintf(line, sizeof(line), "%.*s", (int)(len < sizeof(line) ? len : sizeof(line) - 1),
		         t);
		rp_scn_clean(buf, sizeof(buf), line);
		for (w = after_break(buf); *w; w = after_break(w))
		{
			int n = chunk(w);
			fprintf(f, "# %.*s\n", n, w);
			w += n;
		}
		t += len + (t[len] == '\n');
	}
}

bool rp_scn_write(const char* path, const char* header, const struct rp_scn_draft* d,
                  const char* keywords, unsigned seed, const char* verdict, struct rp_err* err)
{
	struct rp_scenario* sc = NULL; /* for the sizes of its text fields only */
	char summary[sizeof(sc->summary)], field[sizeof(sc->field)];
	char because[sizeof(sc->acceptable_because)];
	/* The format's durations end at 24 h (rp_parse_duration_ms); a deadline is at least 1 s. */
	int deadline_s = d->deadline_s < 1 ? 1 : d->deadline_s > 86400 ? 86400 : d->deadline_s;
	struct rp_out o;

	fit(summary, sizeof(summary), d->summary);
	fit(field, sizeof(field), d->field);
	fit(because, sizeof(because), d->because);
	if (!rp_out_open(&o, path, err))
		return false;
	rp_scn_comment(o.f, header);
	if (d->notes[0])
		rp_scn_comment(o.f, d->notes);
	fprintf(o.f, "[scenario]\n");
	put_text(o.f, "summary", summary[0] ? summary : "(none)");
	if (field[0])
		put_text(o.f, "field", field);
	fprintf(o.f, "keywords = %s\nseed = %u\n", keywords, seed);
	fprintf(o.f, "\n[client]\n%sdeadline = %ds\n", d->client, deadline_s);
	if (d->server[0])
		fprintf(o.f, "\n[server]\n%s", d->server);
	if (d->link[0])
		fprintf(o.f, "\n[%s]\n%s", d->link_section ? d->link_section : "link", d->link);
	if (d->fault[0])
		fprintf(o.f, "\n[fault]\n%s", d->fault);
	fprintf(o.f, "\n[expect]\nverdict = %s\n", verdict);
	if (d->acceptable[0])
	{
		fprintf(o.f, "acceptable = %s\n", d->acceptable);
		put_text(o.f, "acceptable-because", because[0] ? because : "(none)");
	}
	return rp_out_commit(&o, err);
}
