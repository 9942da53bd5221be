/* logtext.c: a pasted log, its wrappers taken off (POSIX regular expressions, glibc's), and a
 * file's bytes as UTF-8 first (glibc's iconv). */
#include "logtext.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each wrapper as an anchored extended regular expression over the start of a line; a line
 * can carry several (docker-compose around journald around guacd's level). */
static const char* const wrapper_re[RP_WRAP_COUNT] = {
	[RP_WRAP_DOCKER] = "^[A-Za-z0-9][A-Za-z0-9_.-]*[ ]+\\| ",
	[RP_WRAP_DOCKER_TS] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?Z ",
	[RP_WRAP_SYSLOG] = "^[A-Z][a-z]{2} [ 0-9]?[0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} [^ ]+ "
	                   "[^ :[]+(\\[[0-9]+\\])?: ",
	[RP_WRAP_SYSLOG_ISO] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+([+-][0-9]{2}:?[0-9]{2}|Z)? "
	                       "[^ ]+ [^ :[]+(\\[[0-9]+\\])?: ",
	[RP_WRAP_REMMINA] = "^(\\(remmina:[0-9]+\\): [A-Za-z]+(-[A-Za-z]+)?: ([0-9:.]+: )?|"
	                    " ?[0-9]{1,2}:[0-9]{2}:[0-9]{2} [AP]M remmina: )",
	[RP_WRAP_LOGCAT] = "^([0-9]{2}-[0-9]{2} [0-9:.]+ +[0-9]+ +[0-9]+ [VDIWEFA] [^:]*: |"
	                   "[VDIWEFA]/[^(: ]+\\( *[0-9]+\\): |[VDIWEFA]/[^(: ]+: )",
	[RP_WRAP_NLOG] = "^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:.,]+ ?\\|[A-Za-z]+\\|[^|]*\\|",
	[RP_WRAP_GO] = "^[0-9]{4}/[0-9]{2}/[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)? ",
	[RP_WRAP_QT] = "^(qt\\.[a-z.]+: |(Debug|Warning|Critical|Fatal|Info): )",
	[RP_WRAP_STAMP] = "^\\[?[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}:[0-9]{2}"
	                  "([.,][0-9]+)?([+-][0-9]{2}:?[0-9]{2}|Z)?\\]? +",
	[RP_WRAP_LEVEL] = "^([a-z]+: )?(TRACE|DEBUG|INFO|NOTICE|WARNING|WARN|ERROR|ERR|FATAL):[ \t]+",
};

static const char* const wrapper_names[RP_WRAP_COUNT] = {
	[RP_WRAP_DOCKER] = "docker-compose prefixes",
	[RP_WRAP_DOCKER_TS] = "docker timestamps",
	[RP_WRAP_SYSLOG] = "syslog/journald lines",
	[RP_WRAP_SYSLOG_ISO] = "syslog lines with ISO times",
	[RP_WRAP_REMMINA] = "Remmina's log lines",
	[RP_WRAP_LOGCAT] = "Android logcat lines",
	[RP_WRAP_NLOG] = "NLog lines",
	[RP_WRAP_GO] = "Go log lines",
	[RP_WRAP_QT] = "Qt messages",
	[RP_WRAP_STAMP] = "another logger's timestamps",
	[RP_WRAP_LEVEL] = "level prefixes",
};

const char* rp_wrapper_name(enum rp_wrapper w)
{
	return (int)w >= 0 && w < RP_WRAP_COUNT ? wrapper_names[w] : "?";
}

/* A WLog line's own start, "[03:04:05:678] [" (FreeRDP 2.x and 3.x; the milliseconds may come
 * unpadded), found behind a prompt on the same line. */
#define WLOG_STAMP_RE "\\[[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}:[0-9]{1,3}\\] \\["
/* A time of day near a line's start, for the order of the lines. */
#define TIME_RE "([0-9]{1,2}):([0-9]{2}):([0-9]{2})([:.,]([0-9]{1,3}))?"
/* The terminal width pasted logs were wrapped at. */
#define WRAP_WIDTH 80

/* Every pattern compiled: the wrappers by enum rp_wrapper, then the two below. */
enum
{
	RE_STAMP = RP_WRAP_COUNT,
	RE_TIME,
	RE_COUNT
};

struct res
{
	regex_t re[RE_COUNT];
	int n_ok;
};

static bool compile(struct res* r)
{
	const char* src[RE_COUNT];

	for (int i = 0; i < RP_WRAP_COUNT; i++)
		src[i] = wrapper_re[i];
	src[RE_STAMP] = WLOG_STAMP_RE;
	src[RE_TIME] = TIME_RE;
	for (r->n_ok = 0; r->n_ok < RE_COUNT; r->n_ok++)
		if (regcomp(&r->re[r->n_ok], src[r->n_ok], REG_EXTENDED) != 0)
			return false;
	return true;
}

static void release(struct res* r)
{
	for (int i = 0; i < r->n_ok; i++)
		regfree(&r->re[i]);
}

/* Copies src[0..n) to dst without rsyslog's #NNN escapes (control characters only: "#011"
 * is a tab, "#033" an escape) and without ANSI colour sequences (ESC [ ... letter) and other
 * control characters but the tab. Returns the length written. */
static size_t clean(struct rp_logtext* lt, const char* src, size_t n, char* dst)
{
	size_t o = 0;

	for (size_t i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char)src[i];
		if (c == '#' && i + 3 < n && src[i + 1] >= '0' && src[i + 1] <= '3' && src[i + 2] >= '0' &&
		    src[i + 2] <= '7' && src[i + 3] >= '0' && src[i + 3] <= '7')
		{
			int v = (src[i + 1] - '0') * 64 + (src[i + 2] - '0') * 8 + (src[i + 3] - '0');
			if (v < 32 || v == 127)
			{
				lt->escapes = true;
				c = (unsigned char)v;
				i += 3;
			}
		}
		if (c == 0x1b)
		{
			/* ESC [ parameters final-byte, or a lone ESC */
			lt->colours = true;
			if (i + 1 < n && src[i + 1] == '[')
			{
				i += 2;
				while (i < n && !isalpha((unsigned char)src[i]))
					i++;
			}
			continue;
		}
		if (c < 32 && c != '\t')
			continue;
		dst[o++] = (char)c;
	}
	dst[o] = '\0';
	return o;
}

/* Takes the wrappers off s (in place), up to a few deep. */
static char* unwrap(struct res* r, struct rp_logtext* lt, char* s, bool* wrapped)
{
	regmatch_t m;
	bool again = true;

	*wrapped = false;
	for (int depth = 0; again && depth < 6; depth++)
	{
		again = false;
		for (int w = 0; w < RP_WRAP_COUNT; w++)
			if (regexec(&r->re[w], s, 1, &m, 0) == 0 && m.rm_eo > 0 && s[m.rm_eo] != '\0')
			{
				lt->wrappers |= 1u << w;
				s += m.rm_eo;
				*wrapped = again = true;
				break;
			}
	}
	return s;
}

static long group_value(const char* s, regmatch_t g)
{
	long v = 0;
	for (regoff_t i = g.rm_so; i < g.rm_eo && i - g.rm_so < 4; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* Milliseconds of the day of the first time in the line's first 48 characters, or -1. */
static long time_of(struct res* r, const char* line)
{
	regmatch_t m[6];
	char head[49];
	long h, mi, s, ms = 0;

	/* line runs on to the end of the text: copy only its head (snprintf would measure it all
	 * for every line). */
	size_t k = strcspn(line, "\r\n");
	k = k < sizeof(head) - 1 ? k : sizeof(head) - 1;
	memcpy(head, line, k);
	head[k] = '\0';
	if (regexec(&r->re[RE_TIME], head, 6, m, 0) != 0)
		return -1;
	/* Only the matched digits: strtol would read on past a group (fuzz_fieldlog found
	 * "12:34:56:99999999999999999999" overflowing the sum below). */
	h = group_value(head, m[1]);
	mi = group_value(head, m[2]);
	s = group_value(head, m[3]);
	if (m[5].rm_so >= 0)
		ms = group_value(head, m[5]);
	if (h > 23 || mi > 59 || s > 60)
		return -1;
	return ((h * 60 + mi) * 60 + s) * 1000 + ms;
}

/* Whether a line (wrappers already off) begins a record, as opposed to continuing the line
 * above that a terminal wrapped. */
static bool starts_record(const char* s, bool wrapped)
{
	return wrapped || s[0] == '[' || s[0] == '<' || isdigit((unsigned char)s[0]);
}

struct builder
{
	struct rp_logtext* lt;
	size_t used, cap_lines;
	long* times;
};

static void add_line(struct builder* b, int no, const char* s, size_t n, long t, bool join)
{
	struct rp_logtext* lt = b->lt;
	char* dst;

	if (join && lt->n > 0)
	{
		/* Append to the last line: its text ends at used - 1 (the NUL). */
		dst = lt->store + b->used - 1;
		memcpy(dst, s, n);
		dst[n] = '\0';
		b->used += n;
		lt->joined++;
		return;
	}
	if ((size_t)lt->n >= b->cap_lines)
		return;
	dst = lt->store + b->used;
	memcpy(dst, s, n);
	dst[n] = '\0';
	b->used += n + 1;
	lt->lines[lt->n].no = no;
	lt->lines[lt->n].text = dst;
	b->times[lt->n] = t;
	lt->n++;
}

static void reverse_if_newest_first(struct rp_logtext* lt, const long* times)
{
	int up = 0, down = 0;
	long last = -1;

	for (int i = 0; i < lt->n; i++)
	{
		if (times[i] < 0)
			continue;
		if (last >= 0 && times[i] > last)
			up++;
		else if (last >= 0 && times[i] < last)
			down++;
		last = times[i];
	}
	if (down < 2 || down <= up)
		return;
	lt->newest_first = true;
	for (int i = 0, j = lt->n - 1; i < j; i++, j--)
	{
		struct rp_logline t = lt->lines[i];
		lt->lines[i] = lt->lines[j];
		lt->lines[j] = t;
	}
}

bool rp_logtext_split(const char* text, struct rp_logtext* lt)
{
	struct res r;
	struct builder b = { lt, 0, 0, NULL };
	size_t len = strlen(text), phys = 1, prev_len = 0;
	char* tmp = NULL;
	bool ok = false;

	memset(lt, 0, sizeof(*lt));
	for (size_t i = 0; i < len; i++)
		phys += text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n');
	/* A split consumes a WLog stamp of at least 11 characters: bounded by len / 11. */
	b.cap_lines = phys + len / 11 + 1;
	lt->store = malloc(len + b.cap_lines + 1);
	lt->lines = calloc(b.cap_lines, sizeof(*lt->lines));
	b.times = calloc(b.cap_lines, sizeof(*b.times));
	tmp = malloc(len + 1);
	if (!compile(&r) || !lt->store || !lt->lines || !b.times || !tmp)
		goto out;
	for (const char* p = text; *p || p == text;)
	{
		size_t n = strcspn(p, "\r\n"), raw = n;
		char* s;
		bool wrapped;
		long t;
		regmatch_t m;
		bool join;

		if (!*p && p == text)
			break;
		lt->n_physical++;
		t = time_of(&r, p);
		n = clean(lt, p, n, tmp);
		s = unwrap(&r, lt, tmp, &wrapped);
		lt->wrapped_lines += wrapped;
		join = prev_len >= WRAP_WIDTH - 1 && prev_len <= WRAP_WIDTH && !starts_record(s, wrapped) &&
		       s[0] != '\0';
		/* A prompt with a log line glued behind it: "Password: [03:04:05:678] [12:34] [...". */
		while (!join && regexec(&r.re[RE_STAMP], s, 1, &m, 0) == 0 && m.rm_so > 0)
		{
			add_line(&b, lt->n_physical, s, (size_t)m.rm_so, t, false);
			lt->split++;
			s += m.rm_so;
		}
		n = strlen(s);
		if (!join && lt->n > 0 && strcmp(lt->lines[lt->n - 1].text, s) == 0 && n > 0)
			lt->doubled++; /* guacd logs each line to syslog and to stderr */
		else
			add_line(&b, lt->n_physical, s, n, t, join);
		prev_len = raw;
		p += raw;
		if (*p == '\r')
		{
			if (p[1] == '\n')
				lt->crlf = true;
			p += 1 + (p[1] == '\n');
		}
		else if (*p == '\n')
			p++;
		if (!*p)
			break;
	}
	reverse_if_newest_first(lt, b.times);
	ok = true;
out:
	release(&r);
	free(tmp);
	free(b.times);
	if (!ok)
		rp_logtext_free(lt);
	return ok;
}

void rp_logtext_free(struct rp_logtext* lt)
{
	free(lt->lines);
	free(lt->store);
	memset(lt, 0, sizeof(*lt));
}

void rp_logtext_describe(const struct rp_logtext* lt, char* buf, size_t n)
{
	size_t o = 0;

	buf[0] = '\0';
#define PUT(...)                                                                                  \
	do                                                                                            \
	{                                                                                             \
		if (o < n)                                                                                \
			o += (size_t)snprintf(buf + o, n - o, "%s", o ? ", " : "");                           \
		if (o < n)                                                                                \
			o += (size_t)snprintf(buf + o, n - o, __VA_ARGS__);                                   \
	} while (0)
	for (int w = 0; w < RP_WRAP_COUNT; w++)
		if (lt->wrappers & (1u << w))
			PUT("%s", wrapper_names[w]);
	if (lt->doubled)
		PUT("%d doubled lines dropped", lt->doubled);
	if (lt->joined)
		PUT("%d lines wrapped at %d columns joined", lt->joined, WRAP_WIDTH);
	if (lt->split)
		PUT("%d log lines split off a prompt", lt->split);
	if (lt->newest_first)
		PUT("newest first (read oldest first)");
	if (lt->escapes)
		PUT("rsyslog #NNN escapes");
	if (lt->colours)
		PUT("terminal colours");
	if (lt->crlf)
		PUT("CRLF line ends");
#undef PUT
}

/* ---- the file's bytes as UTF-8 ---- */

/* The first bytes looked at to tell UTF-16 without a BOM: a few lines' worth. */
#define SNIFF_BYTES 512

/* The encoding of b: its BOM (skipped: *skip), else UTF-16 told by its NUL bytes, else
 * UTF-8. Text that is mostly ASCII, as logs are, has a NUL in one byte of every UTF-16 code
 * unit: the second (odd offset) in UTF-16LE, the first in UTF-16BE; UTF-8 text has none, and
 * NUL padding (a log truncated under a writer) has both bytes NUL. So, over the first 512
 * bytes' code units: UTF-16LE when at least half the units are (non-NUL, NUL) and they
 * outnumber the (NUL, non-NUL) ones eight to one; UTF-16BE the mirror; at least two units.
 * UTF-16 text of a script outside Latin-1 (CJK, Cyrillic) has few NULs and needs its BOM,
 * which Windows' editors and PowerShell write. */
static const char* sniff(const unsigned char* b, size_t len, size_t* skip, char* name, size_t n)
{
	size_t units = (len < SNIFF_BYTES ? len : SNIFF_BYTES) / 2, lo = 0, hi = 0;

	*skip = 0;
	if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
	{
		*skip = 3;
		rp_strlcpy(name, "UTF-8 (BOM)", n);
		return "UTF-8";
	}
	if (len >= 2 && ((b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF)))
	{
		*skip = 2;
		rp_strlcpy(name, b[0] == 0xFF ? "UTF-16LE (BOM)" : "UTF-16BE (BOM)", n);
		return b[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
	}
	for (size_t i = 0; i < units; i++)
	{
		lo += b[2 * i] != 0 && b[2 * i + 1] == 0;
		hi += b[2 * i] == 0 && b[2 * i + 1] != 0;
	}
	if (units >= 2 && lo * 2 >= units && lo > hi * 8)
	{
		rp_strlcpy(name, "UTF-16LE (no BOM)", n);
		return "UTF-16LE";
	}
	if (units >= 2 && hi * 2 >= units && hi > lo * 8)
	{
		rp_strlcpy(name, "UTF-16BE (no BOM)", n);
		return "UTF-16BE";
	}
	rp_strlcpy(name, "UTF-8", n);
	return "UTF-8";
}

/* Room for `more` bytes at *o in the buffer *buf of *cap bytes (moved by realloc). */
static bool grow(char** buf, size_t* cap, char** o, size_t more)
{
	size_t used = (size_t)(*o - *buf), want = used + more + 1, cap2 = *cap;
	char* p;

	if (want <= *cap)
		return true;
	while (cap2 < want)
		cap2 = cap2 / 2 * 3 + 64;
	if (!(p = realloc(*buf, cap2)))
		return false;
	*buf = p;
	*cap = cap2;
	*o = p + used;
	return true;
}

bool rp_logtext_decode(const char* raw, size_t len, char** out, size_t* out_len,
                       struct rp_encoding* enc, struct rp_err* err)
{
	static const char fffd[] = "\xEF\xBF\xBD"; /* U+FFFD REPLACEMENT CHARACTER */
	size_t skip, in_left, cap;
	const char* from;
	bool utf16, ok = false;
	char *in, *buf, *o;
	iconv_t cd;

	memset(enc, 0, sizeof(*enc));
	*out = NULL;
	from = sniff((const unsigned char*)raw, len, &skip, enc->name, sizeof(enc->name));
	utf16 = strcmp(from, "UTF-8") != 0;
	/* Even UTF-8 goes through iconv: it checks the sequences, so what is printed later is
	 * UTF-8 whatever the file held (a Latin-1 path, a binary blob). */
	if ((cd = iconv_open("UTF-8", from)) == (iconv_t)-1)
		return rp_fail(err, "iconv: no converter from %s to UTF-8: %s", from, strerror(errno));
	in = (char*)raw + skip;
	in_left = len - skip;
	/* ASCII in UTF-16 takes half its bytes in UTF-8; the buffer grows for the rest. */
	cap = (utf16 ? in_left / 2 : in_left) + 64;
	if (!(buf = malloc(cap)))
		goto out;
	o = buf;
	while (in_left > 0)
	{
		size_t o_left = cap - 1 - (size_t)(o - buf);
		size_t r = iconv(cd, &in, &in_left, &o, &o_left);
		size_t unit = utf16 ? 2 : 1;
		int e = errno;

		if (r != (size_t)-1)
			break;
		if (e == E2BIG)
		{
			if (!grow(&buf, &cap, &o, in_left + 64))
				goto out;
			continue;
		}
		/* EILSEQ: an invalid sequence (a lone surrogate, a stray byte): one code unit
		 * becomes U+FFFD and reading goes on. EINVAL: a sequence cut by the end of the
		 * file (an odd last byte): U+FFFD, and the end. */
		if (!grow(&buf, &cap, &o, sizeof(fffd)))
			goto out;
		memcpy(o, fffd, sizeof(fffd) - 1);
		o += sizeof(fffd) - 1;
		enc->replaced++;
		if (e != EILSEQ)
			break;
		unit = unit < in_left ? unit : in_left;
		in += unit;
		in_left -= unit;
		iconv(cd, NULL, NULL, NULL, NULL);
	}
	/* NUL characters (padding, a UTF-16 file's stray U+0000) would end the text for every
	 * reader that follows: dropped, and counted. */
	{
		char* w = buf;
		for (const char* r = buf; r < o; r++)
			if (*r)
				*w++ = *r;
		enc->nul_bytes = (size_t)(o - w);
		*w = '\0';
		if (out_len)
			*out_len = (size_t)(w - buf);
	}
	*out = buf;
	buf = NULL;
	ok = true;
out:
	iconv_close(cd);
	free(buf);
	return ok || rp_fail(err, "out of memory decoding %zu bytes of %s", len, enc->name);
}
