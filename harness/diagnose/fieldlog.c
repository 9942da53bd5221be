/* fieldlog.c: facts from field logs: the public entry points (reading a file, standard input
 * or bytes in memory, decoding them), reading a log line by line, and what the whole log says
 * that no single line does. Each family's lines are read apart: FreeRDP's in
 * fieldlog_freerdp.c, Windows events in fieldlog_windows.c, errno in fieldlog_errno.c; the
 * verdict they support is fieldlog_classify.c's. */
#include "fieldlog.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "errinfo.h"
#include "evtx.h"
#include "fieldlog_internal.h"
#include "logtext.h"
#include "winevent.h"

void fl_add_fact(struct rp_fieldlog* log, int line, const char* text, const char* fmt, ...)
{
	struct rp_fact* f;
	va_list ap;

	if (log->n_facts >= RP_MAX_FACTS)
		return;
	f = &log->facts[log->n_facts++];
	f->line = line;
	va_start(ap, fmt);
	vsnprintf(f->fact, sizeof(f->fact), fmt, ap);
	va_end(ap);
	snprintf(f->text, sizeof(f->text), "%.*s", (int)(sizeof(f->text) - 1), text);
}

void fl_reach(struct rp_fieldlog* log, enum rp_phase p)
{
	struct rp_attempt* a = &log->ev.attempts[0];
	if (p > a->furthest)
		a->furthest = p;
	log->has_phase = true;
}

/* Sets FreeRDP's last error from its code, with FreeRDP's name for it. */
void fl_set_last_error(struct rp_fieldlog* log, uint32_t code)
{
	const char* nm = rp_last_error_name(code);
	log->ev.last_error = code;
	rp_strlcpy(log->ev.last_error_name, nm ? nm : "", sizeof(log->ev.last_error_name));
}

/* What the whole log says that no single line does. */
static void finish(struct rp_fieldlog* log)
{
	struct rp_evidence* ev = &log->ev;
	bool past_tls = ev->attempts[0].furthest > RP_PHASE_TLS || log->session_lost ||
	                (ev->error_info && rp_errinfo_class(ev->error_info) != RP_EI_CLIENT);

	/* 2.x reports a TCP connect that failed as a failed negotiation as well: without the
	 * server's answer there was no negotiation to fail. Not after a session that was up and
	 * dropped: that connect was an auto-reconnect's, and the phase reached stays. */
	if (log->tcp_connect_failed && !log->session_lost &&
	    (ev->last_error == 0x0002000C || !ev->last_error || ev->last_error == 0x0002000D))
	{
		ev->last_error = 0x00020006;
		rp_strlcpy(ev->last_error_name, "ERRCONNECT_CONNECT_FAILED", sizeof(ev->last_error_name));
		ev->attempts[0].furthest = RP_PHASE_NONE;
		fl_add_fact(log, 0, "",
		            "the negotiation's failure followed a TCP connect that failed: it is "
		            "a consequence (read as ERRCONNECT_CONNECT_FAILED)");
	}
	/* A certificate prompt is a question, not a refusal: it is the cause only where the
	 * connection stopped at TLS after it. One it went past was answered yes (a decoy). */
	if (log->cert_prompt && !past_tls && (ev->last_error == 0x00020008 || !ev->last_error))
		ev->cert_rejected = true;
	if (ev->cert_rejected && past_tls)
	{
		ev->cert_rejected = false;
		fl_add_fact(log, 0, "", "the connection went on past TLS: the certificate was accepted");
	}
}

/* A line that reads like an error, for the count of those the readers did not understand.
 * Debug chatter that only names a function ("nla_recv_pdu") does not count. */
static bool looks_like_error(const char* line)
{
	static const char* const words[] = { "[ERROR]", "[FATAL]", "ERROR:", " error", "Error",
		                                 "failed", "Failed", "FAILED", "denied", "refused",
		                                 "timed out", "abort", "cannot", "unable", "Unable" };
	if (strstr(line, "[DEBUG]") || strstr(line, "[TRACE]") || strstr(line, "BB_ERROR_BLOB"))
		return false;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strstr(line, words[i]))
			return true;
	return false;
}

/* What a text no reader knows looks like, as a guess from marks any reader of it would use
 * first (never a verdict: the guess only says which reader it would want). */
static const char* format_guess(const char* text)
{
	static const struct
	{
		const char* mark;
		const char* looks;
	} marks[] = {
		{ "<html", "an HTML page (a web page saved instead of the log?)" },
		{ "<!DOCTYPE", "an HTML page (a web page saved instead of the log?)" },
		{ "Traceback (most recent call last)", "a Python traceback" },
		{ "Exception in thread", "a Java stack trace" },
		{ "\tat java.", "a Java stack trace" },
		{ "goroutine ", "a Go program's panic" },
		{ ".js:", "a JavaScript program's output" },
		{ "RUST_BACKTRACE", "a Rust program's panic" },
	};
	const char* t = text + strspn(text, " \t\r\n");

	for (size_t i = 0; i < sizeof(marks) / sizeof(marks[0]); i++)
		if (strstr(text, marks[i].mark))
			return marks[i].looks;
	if (*t == '{' || (*t == '[' && strchr("{\"[ \t\r\n", t[1])))
		return "JSON that is not an rdprepro evidence record (no \"attempts\")";
	if (*t == '<')
		return "XML that holds no Windows event the reader knows";
	return "plain text with no line of a client or event this reads";
}

/* A text no reader knows: an error saying what it looks like and where its error words are,
 * so that the user sees what was not read rather than "nothing". */
static bool unrecognized(const char* name, const char* text, int lines, struct rp_err* err)
{
	char shown[360] = "";
	size_t used = 0;
	int no = 0, found = 0;

	for (const char* p = text; *p && found < 3;)
	{
		size_t n = strcspn(p, "\n");
		char line[100];

		no++;
		snprintf(line, sizeof(line), "%.*s", (int)(n < sizeof(line) - 1 ? n : sizeof(line) - 1), p);
		line[strcspn(line, "\r")] = '\0';
		if (looks_like_error(line) && used < sizeof(shown))
		{
			int k = snprintf(shown + used, sizeof(shown) - used, "%sline %d: %s",
			                 found ? "; " : "", no, line + strspn(line, " \t"));
			used += k > 0 ? (size_t)k : 0;
			found++;
		}
		p += n + (p[n] == '\n');
	}
	return rp_fail(err, "%s: format not recognized: looks like %s (%d lines; not a FreeRDP, "
	                    "rdesktop, guacd or Windows client's words, nor Windows events); %s%s",
	               name, format_guess(text), lines,
	               found ? "lines with error words: " : "no line with error words", shown);
}

bool rp_fieldlog_parse(const char* name, const char* text, struct rp_fieldlog* log,
                       struct rp_err* err)
{
	const char* line = text;
	int no = 0;
	struct rp_logtext lt;

	memset(log, 0, sizeof(*log));
	rp_evidence_init(&log->ev);
	log->tls_fail_after_s = log->connect_fail_after_s = -1;
	log->t_tls_start = log->t_connect_start = -1;
	log->ev.n_attempts = 1; /* a log tells of the connection as one story */
	{
		const char* t = text + strspn(text, " \t\r\n");
		if (*t == '{' && strstr(t, "\"attempts\""))
		{
			if (!rp_evidence_from_json(&log->ev, text, err))
			{
				char why[sizeof(err->msg)];
				rp_strlcpy(why, err->msg, sizeof(why));
				return rp_fail(err, "%s: %s", name, why);
			}
			log->kind = RP_LOG_EVIDENCE_JSON;
			log->has_phase = true;
			return true;
		}
	}
	if (rp_win_looks_like_events(text))
		fl_parse_windows(log, text);
	if (log->kind == RP_LOG_WINDOWS_EVENT)
	{
		for (const char* p = text; *p; p++)
			log->n_lines += *p == '\n';
		log->n_lines += text[0] && text[strlen(text) - 1] != '\n';
		finish(log);
		log->ev.attempts[0].sock_errno = log->errno_seen;
		return true;
	}
	fl_client_family(log, text);
	if (fl_parse_dialog(log, text))
	{
		finish(log);
		return true;
	}
	if (!rp_logtext_split(text, &lt))
		return rp_fail(err, "%s: out of memory", name);
	for (int i = 0; i < lt.n; i++)
	{
		char buf[2048];
		int facts = log->n_facts;
		enum rp_phase before = log->ev.attempts[0].furthest;

		snprintf(buf, sizeof(buf), "%s", lt.lines[i].text);
		no = lt.lines[i].no;
		if (!fl_parse_client_line(log, no, buf))
			fl_parse_freerdp_line(log, no, buf);
		fl_codes_line(log, no, buf);
		rp_strlcpy(log->prev_line, lt.lines[i].text, sizeof(log->prev_line));
		if (log->n_facts == facts && log->ev.attempts[0].furthest == before && looks_like_error(buf))
		{
			if (log->n_unread++ == 0)
			{
				log->unread_line = no;
				snprintf(log->unread_text, sizeof(log->unread_text), "%s", buf);
			}
		}
	}
	log->n_lines = lt.n_physical;
	rp_logtext_describe(&lt, log->wrappers, sizeof(log->wrappers));
	rp_logtext_free(&lt);
	(void)line;
	finish(log);
	/* guacd and Remmina run FreeRDP: their lines are a FreeRDP client's log, wrapped. */
	if (log->kind == RP_LOG_UNKNOWN && (log->n_facts > 0 || log->usage_error || log->family[0] ||
	                                    strstr(text, "guacd") || strstr(text, "remmina") ||
	                                    strstr(text, "Remmina") || strstr(text, "FreeRDP") || strstr(text, "com.freerdp") ||
	                                    strstr(text, "xfreerdp") || strstr(text, "[freerdp")))
		log->kind = RP_LOG_FREERDP;
	if (log->kind == RP_LOG_UNKNOWN)
		return unrecognized(name, text, no, err);
	log->ev.attempts[0].sock_errno = log->errno_seen;
	return true;
}

/* Standard input to its end, at most RP_FIELDLOG_MAX bytes: a pipe gives no size first. */
static bool read_stdin(char** out, size_t* len, struct rp_err* err)
{
	size_t cap = 64 * 1024, got = 0;
	char* buf = malloc(cap);

	*out = NULL;
	if (!buf)
		return rp_fail(err, "standard input: out of memory");
	for (;;)
	{
		ssize_t n;
		if (got == cap)
		{
			/* Room for one byte past the bound: reading it is how "more" is known. */
			size_t cap2 = cap * 2 > RP_FIELDLOG_MAX + 1 ? RP_FIELDLOG_MAX + 1 : cap * 2;
			char* p = realloc(buf, cap2);
			if (!p)
			{
				free(buf);
				return rp_fail(err, "standard input: out of memory after %zu bytes", got);
			}
			buf = p;
			cap = cap2;
		}
		n = read(STDIN_FILENO, buf + got, cap - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
		{
			/* A non-blocking descriptor handed over by the caller: wait for data. */
			struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };
			poll(&p, 1, -1);
			continue;
		}
		if (n < 0)
		{
			free(buf);
			return rp_fail(err, "standard input: %s", strerror(errno));
		}
		if (n == 0)
			break;
		got += (size_t)n;
		if (got > RP_FIELDLOG_MAX)
		{
			free(buf);
			return rp_fail(err, "standard input: more than the %zu bytes this reads: refused",
			               RP_FIELDLOG_MAX);
		}
	}
	*out = buf;
	*len = got;
	return true;
}

bool rp_fieldlog_parse_bytes(const char* name, const char* data, size_t len,
                             struct rp_fieldlog* log, char** text, struct rp_err* err)
{
	struct rp_encoding enc;
	char* buf = NULL;
	int records = 0;
	bool ok;

	if (text)
		*text = NULL;
	if (len == 0)
	{
		memset(log, 0, sizeof(*log));
		return rp_fail(err, "%s: empty", name);
	}
	if (rp_evtx_is_evtx((const unsigned char*)data, len))
	{
		/* An event log file: its records as the event XML the reader knows. */
		memset(&enc, 0, sizeof(enc));
		rp_strlcpy(enc.name, ".evtx", sizeof(enc.name));
		if (!rp_evtx_read_mem(name, data, len, &buf, &records, err))
		{
			memset(log, 0, sizeof(*log));
			return false;
		}
		ok = rp_fieldlog_parse(name, buf, log, err);
		log->evtx_records = records;
		if (ok && log->kind != RP_LOG_WINDOWS_EVENT)
			ok = rp_fail(err, "%s: an .evtx file whose %d records hold no event the reader "
			                  "knows",
			             name, records);
	}
	else
	{
		if (!rp_logtext_decode(data, len, &buf, NULL, &enc, err))
		{
			char why[sizeof(err->msg)];
			rp_strlcpy(why, err->msg, sizeof(why));
			memset(log, 0, sizeof(*log));
			return rp_fail(err, "%s: %s", name, why);
		}
		ok = rp_fieldlog_parse(name, buf, log, err);
	}
	log->bytes = len;
	log->enc = enc;
	if (ok && text)
		*text = buf;
	else
		free(buf);
	return ok;
}

bool rp_fieldlog_read_raw(const char* path, char** raw, size_t* len, struct rp_err* err)
{
	return strcmp(path, "-") == 0
	           ? read_stdin(raw, len, err)
	           : rp_read_regular(path, RP_FIELDLOG_MAX, false, raw, len, err);
}

bool rp_fieldlog_load(const char* path, struct rp_fieldlog* log, char** text, struct rp_err* err)
{
	bool in = strcmp(path, "-") == 0;
	char* raw = NULL;
	size_t len = 0;
	bool ok;

	if (text)
		*text = NULL;
	/* rp_read_regular opens with O_NONBLOCK and refuses what fstat says is not a regular
	 * file: a FIFO, a device, a socket or a directory is refused at once, never waited on
	 * nor read without end. A symlink to a regular file is the user's to give. */
	if (!rp_fieldlog_read_raw(path, &raw, &len, err))
	{
		memset(log, 0, sizeof(*log));
		return false;
	}
	ok = rp_fieldlog_parse_bytes(in ? "standard input" : path, raw, len, log, text, err);
	free(raw);
	return ok;
}

bool rp_fieldlog_read(const char* path, struct rp_fieldlog* log, struct rp_err* err)
{
	return rp_fieldlog_load(path, log, NULL, err);
}
