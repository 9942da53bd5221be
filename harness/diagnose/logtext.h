/* logtext.h: a pasted log as the readers want it. Users paste FreeRDP's lines inside other
 * programs' lines (guacd's syslog and journald lines, docker-compose prefixes, Remmina's
 * log, Android's logcat, NLog/Go/Qt loggers), with CRLF, rsyslog's #011 escapes, terminal
 * colours, lines wrapped at 80 columns, a prompt glued to the next line, doubled lines
 * (guacd logs to syslog and stderr), newest first (log viewers). This undoes each and says
 * which it undid; every line keeps the number it had in the file. */
#ifndef RDPREPRO_LOGTEXT_H
#define RDPREPRO_LOGTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "util.h"

enum rp_wrapper
{
	RP_WRAP_DOCKER = 0, /* "guacd_1  | ", "guacd-1  | " (docker compose logs) */
	RP_WRAP_DOCKER_TS,  /* "2024-01-02T03:04:05.123456789Z " (docker logs -t) */
	RP_WRAP_SYSLOG,     /* "Jan  2 03:04:05 host guacd[123]: " (RFC 3164, journalctl) */
	RP_WRAP_SYSLOG_ISO, /* "2024-01-02T03:04:05.123+01:00 host guacd[123]: " */
	RP_WRAP_REMMINA,    /* "(remmina:1234): remmina-DEBUG: 03:04:05.678: " */
	RP_WRAP_LOGCAT,     /* "01-02 03:04:05.678  123  456 E FreeRDP : ", "E/FreeRDP( 123): " */
	RP_WRAP_NLOG,       /* "2024-01-02 03:04:05.6789|ERROR|Logger|" */
	RP_WRAP_GO,         /* "2024/01/02 03:04:05 " (Go's log package) */
	RP_WRAP_QT,         /* "qt.network.ssl: ", "Warning: " (Qt's message handler) */
	RP_WRAP_STAMP,      /* another logger's leading ISO date and time */
	RP_WRAP_LEVEL,      /* a level word left in front: "INFO:\t", "guacd: ERROR: " */
	RP_WRAP_COUNT
};

struct rp_logline
{
	int no;           /* 1-based line in the file (the first, for joined lines) */
	const char* text; /* the line without wrappers, escapes and colours */
};

struct rp_logtext
{
	struct rp_logline* lines;
	int n;
	int n_physical;          /* lines in the file */
	unsigned wrappers;       /* 1 << enum rp_wrapper, for each wrapper seen */
	int wrapped_lines;       /* lines that had a wrapper taken off */
	int doubled;             /* lines dropped because they repeated the previous one */
	int joined;              /* 80-column continuations joined to their line */
	int split;               /* log lines found glued behind a prompt, split off */
	bool crlf;               /* CR LF line ends */
	bool escapes;            /* rsyslog's #NNN escapes (#011 for a tab) */
	bool colours;            /* ANSI colour sequences */
	bool newest_first;       /* the timestamps ran backwards: reversed to oldest first */
	char* store;             /* the lines' text */
};

/* How a file's bytes were read (rp_logtext_decode): the encoding found, and what was
 * repaired on the way to UTF-8. */
struct rp_encoding
{
	char name[24];    /* "UTF-8", "UTF-8 (BOM)", "UTF-16LE (BOM)", "UTF-16BE (no BOM)", ... */
	size_t nul_bytes; /* NUL characters dropped */
	size_t replaced;  /* invalid sequences, each replaced by U+FFFD */
};

/* The len bytes at raw (NUL bytes allowed) as UTF-8: UTF-16 LE or BE, with a BOM or without
 * one (told by where its NUL bytes fall), or UTF-8 with or without a BOM (the BOM dropped).
 * NUL characters are dropped, never an end; an invalid sequence becomes U+FFFD and reading
 * goes on. *out: malloc'd and NUL-terminated, *out_len its length (may be NULL). False only
 * when out of memory or glibc's iconv has no converter (err says which). */
bool rp_logtext_decode(const char* raw, size_t len, char** out, size_t* out_len,
                       struct rp_encoding* enc, struct rp_err* err);

/* Splits and normalizes text. Returns false only when out of memory. */
bool rp_logtext_split(const char* text, struct rp_logtext* lt);
void rp_logtext_free(struct rp_logtext* lt);
/* "guacd's syslog lines, doubled lines dropped (12), #011 escapes" or "" for plain text. */
void rp_logtext_describe(const struct rp_logtext* lt, char* buf, size_t n);
const char* rp_wrapper_name(enum rp_wrapper w);

#endif
