/* fieldlog.c: facts from field logs, and the verdict they support. */
#include "fieldlog.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* FreeRDP's connection states by name prefix, folded into phases (as probe.c does). */
static const struct
{
	const char* prefix;
	enum rp_phase phase;
} state_phases[] = {
	{ "CONNECTION_STATE_NEGO", RP_PHASE_X224 },
	{ "CONNECTION_STATE_NLA", RP_PHASE_NLA },
	{ "CONNECTION_STATE_AAD", RP_PHASE_NLA },
	{ "CONNECTION_STATE_MCS_", RP_PHASE_MCS },
	{ "CONNECTION_STATE_RDP_SECURITY_COMMENCEMENT", RP_PHASE_SECURE_SETTINGS },
	{ "CONNECTION_STATE_SECURE_SETTINGS_EXCHANGE", RP_PHASE_SECURE_SETTINGS },
	{ "CONNECTION_STATE_CONNECT_TIME_AUTO_DETECT", RP_PHASE_SECURE_SETTINGS },
	{ "CONNECTION_STATE_LICENSING", RP_PHASE_LICENSING },
	{ "CONNECTION_STATE_MULTITRANSPORT", RP_PHASE_LICENSING },
	{ "CONNECTION_STATE_CAPABILITIES", RP_PHASE_CAPABILITIES },
	{ "CONNECTION_STATE_FINALIZATION", RP_PHASE_FINALIZATION },
	{ "CONNECTION_STATE_ACTIVE", RP_PHASE_ACTIVE },
};

/* Phrases FreeRDP 2.x and 3.x print, one row per fact: the words to find, what they say. */
enum hint
{
	H_REFUSED,
	H_RESET,
	H_TIMEDOUT,
	H_DNS,
	H_ACTIVATION,
	H_NEGO,
	H_CERT,
	H_LOGON,
	H_TLS,
	H_NLA,
	H_LICENSE,
};

static const struct
{
	const char* words;
	enum hint hint;
	const char* says;
} phrases[] = {
	{ "Connection refused", H_REFUSED, "connection refused (ECONNREFUSED)" },
	{ "Connection reset by peer", H_RESET, "connection reset (ECONNRESET)" },
	{ "Connection timed out", H_TIMEDOUT, "connection timed out (ETIMEDOUT)" },
	{ "Name or service not known", H_DNS, "the name did not resolve" },
	{ "Temporary failure in name resolution", H_DNS, "the name did not resolve" },
	{ "No address associated with hostname", H_DNS, "the name did not resolve" },
	{ "Timeout waiting for activation", H_ACTIVATION, "activation timed out" },
	{ "HYBRID_REQUIRED_BY_SERVER", H_NEGO, "the server requires NLA" },
	{ "SSL_REQUIRED_BY_SERVER", H_NEGO, "the server requires TLS" },
	{ "SSL_NOT_ALLOWED_BY_SERVER", H_NEGO, "the server does not allow TLS" },
	{ "SSL_CERT_NOT_ON_SERVER", H_NEGO, "the server has no TLS certificate" },
	{ "Protocol Security Negotiation Failure", H_NEGO, "the security negotiation failed" },
	{ "protocol security negotiation or connection failure", H_NEGO,
	  "the security negotiation or the connection failed" },
	{ "REMOTE HOST IDENTIFICATION HAS CHANGED", H_CERT, "the server's certificate changed" },
	{ "certificate not trusted", H_CERT, "the client did not trust the certificate" },
	{ "certificate verification failed", H_CERT, "the certificate check failed" },
	{ "SEC_E_LOGON_DENIED", H_LOGON, "the logon was denied (NLA)" },
	{ "STATUS_LOGON_FAILURE", H_LOGON, "the logon failed (NLA)" },
	{ "freerdp_tls_connect", H_TLS, "in the TLS handshake" },
	{ "tls_connect", H_TLS, "in the TLS handshake" },
	{ "nla_client", H_NLA, "in NLA (CredSSP)" },
	{ "nla_recv", H_NLA, "in NLA (CredSSP)" },
	{ "license_", H_LICENSE, "in licensing" },
};

static void add_fact(struct rp_fieldlog* log, int line, const char* text, const char* fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void add_fact(struct rp_fieldlog* log, int line, const char* text, const char* fmt, ...)
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

static void reach(struct rp_fieldlog* log, enum rp_phase p)
{
	struct rp_attempt* a = &log->ev.attempts[0];
	if (p > a->furthest)
		a->furthest = p;
	log->has_phase = true;
}

/* An upper-case code name starting at s (ERRCONNECT_..., ERRINFO_...) and a hex number
 * after it on the line, "[0x...]" or "(0x...)". */
static bool code_after(const char* s, char* name, size_t n, unsigned long* value)
{
	size_t k = 0;
	const char* h;

	while ((isupper((unsigned char)s[k]) || isdigit((unsigned char)s[k]) || s[k] == '_') &&
	       k + 1 < n)
	{
		name[k] = s[k];
		k++;
	}
	name[k] = '\0';
	if (k < 5)
		return false;
	h = strstr(s + k, "0x");
	if (!h || h - (s + k) > 4)
		return false;
	errno = 0;
	*value = strtoul(h, NULL, 16);
	return errno == 0;
}

/* Seconds of the day from a WLog stamp at the start of the line, or -1. */
static int stamp_seconds(const char* line)
{
	int h, m, sec, ms;
	/* Widths bound each field: "[0199999999...:" overflowed an unbounded %d and then
	 * h * 3600 (found by fuzz_fieldlog). */
	if (sscanf(line, "[%2d:%2d:%2d:%3d]", &h, &m, &sec, &ms) != 4 || h < 0 || h > 23 ||
	    m < 0 || m > 59 || sec < 0 || sec > 60)
		return -1;
	return h * 3600 + m * 60 + sec;
}

static int elapsed(int from, int to)
{
	if (from < 0 || to < 0)
		return -1;
	return to >= from ? to - from : to + 86400 - from; /* past midnight */
}

static void parse_freerdp_line(struct rp_fieldlog* log, int no, const char* line)
{
	struct rp_evidence* ev = &log->ev;
	const char* p;
	char name[96];
	unsigned long v;
	int t = stamp_seconds(line);

	/* Where the steps begin (debug level), for the time to their failure. */
	if (strstr(line, "connecting to peer") || strstr(line, "freerdp_tcp_connect"))
		log->t_connect_start = log->t_connect_start >= 0 ? log->t_connect_start : t;
	if (strstr(line, "nego_security_connect") || strstr(line, "Negotiated ["))
		log->t_tls_start = t;
	if (strstr(line, "ERRCONNECT_TLS_CONNECT_FAILED") && log->tls_fail_after_s < 0 &&
	    (log->tls_fail_after_s = elapsed(log->t_tls_start, t)) >= 0)
		add_fact(log, no, line, "TLS failed %d s after it started", log->tls_fail_after_s);
	if (strstr(line, "ERRCONNECT_CONNECT_FAILED") && log->connect_fail_after_s < 0 &&
	    (log->connect_fail_after_s = elapsed(log->t_connect_start, t)) >= 0)
		add_fact(log, no, line, "the TCP connect failed %d s after it started",
		         log->connect_fail_after_s);

	/* WLog's layout: 3.x writes "[LEVEL][com.freerdp.x] - [function]: text", 2.x writes
	 * "[LEVEL][com.freerdp.x] - text". */
	if (!log->freerdp_major && (p = strstr(line, "][com.")) && (p = strstr(p, "] - ")))
		log->freerdp_major = p[4] == '[' ? 3 : 2;
	/* The last error FreeRDP set: "... ERRCONNECT_X [0x0002000D]" (2.x and 3.x alike). */
	if ((p = strstr(line, "ERRCONNECT_")) && code_after(p, name, sizeof(name), &v) &&
	    strcmp(name, "ERRCONNECT_CONNECT_CANCELLED") == 0 && rp_evidence_active(ev))
	{
		/* Cancelled once active: the user (or a signal) ended a working session. */
		add_fact(log, no, line, "the client ended the session after it was active");
	}
	else if ((p = strstr(line, "ERRCONNECT_")) && code_after(p, name, sizeof(name), &v))
	{
		ev->last_error = v < 0x10000 ? (uint32_t)(0x00020000u | v) : (uint32_t)v;
		rp_strlcpy(ev->last_error_name, name, sizeof(ev->last_error_name));
		add_fact(log, no, line, "FreeRDP's last error %s 0x%08X", name, ev->last_error);
	}
	/* The server's errorInfo: "ERRINFO_X (0x00000007):text" (rdp_print_errinfo), or a last
	 * error of class ERRINFO "ERRINFO_X [0x00010007]". */
	if ((p = strstr(line, "ERRINFO_")) && code_after(p, name, sizeof(name), &v) &&
	    strcmp(name, "ERRINFO_SUCCESS") != 0 && strcmp(name, "ERRINFO_NONE") != 0)
	{
		ev->error_info = (uint32_t)(v & 0xffff);
		rp_strlcpy(ev->error_info_name, name, sizeof(ev->error_info_name));
		if (v >= 0x10000)
		{
			ev->last_error = (uint32_t)v;
			rp_strlcpy(ev->last_error_name, name, sizeof(ev->last_error_name));
		}
		add_fact(log, no, line, "the server's errorInfo %s 0x%X", name, ev->error_info);
	}
	/* The session's end as FreeRDP's client loop logs it (client/common/client.c). */
	if (strstr(line, "Network disconnect!") && !log->session_lost)
	{
		log->session_lost = true;
		reach(log, RP_PHASE_ACTIVE);
		add_fact(log, no, line, "the connection dropped after the session was up (FreeRDP's "
		                        "\"Network disconnect!\")");
	}
	if (strstr(line, "Attempting reconnect ("))
	{
		log->reconnects++;
		log->session_lost = true;
		reach(log, RP_PHASE_ACTIVE);
		if (log->reconnects == 1)
			add_fact(log, no, line, "FreeRDP's auto-reconnect tried again");
	}
	if (strstr(line, "Maximum reconnect retries exceeded"))
	{
		log->reconnect_gave_up = true;
		add_fact(log, no, line, "auto-reconnect gave up after %d tries", log->reconnects);
	}
	/* A system error under TLS or the transport: "BIO_read returned a system error 104: ..." */
	if ((p = strstr(line, "returned a system error ")))
	{
		long e = strtol(p + strlen("returned a system error "), NULL, 10);
		if (e > 0 && e < 4096) /* an errno, not any number */
		{
			log->errno_seen = (int)e;
			add_fact(log, no, line, "a system error %d (%s) at the socket", log->errno_seen,
			         strerrorname_np(log->errno_seen) ? strerrorname_np(log->errno_seen) : "?");
		}
	}
	/* Connection states (debug level): the furthest named. */
	for (const char* s = strstr(line, "CONNECTION_STATE_"); s; s = strstr(s + 1, "CONNECTION_STATE_"))
		for (size_t i = 0; i < sizeof(state_phases) / sizeof(state_phases[0]); i++)
			if (strncmp(s, state_phases[i].prefix, strlen(state_phases[i].prefix)) == 0)
			{
				enum rp_phase before = ev->attempts[0].furthest;
				reach(log, state_phases[i].phase);
				if (ev->attempts[0].furthest != before)
					add_fact(log, no, line, "reached phase %s", rp_phase_name(state_phases[i].phase));
				break;
			}
	for (size_t i = 0; i < sizeof(phrases) / sizeof(phrases[0]); i++)
	{
		if (!strstr(line, phrases[i].words))
			continue;
		switch (phrases[i].hint)
		{
			case H_REFUSED:
				log->errno_seen = ECONNREFUSED;
				break;
			case H_RESET:
				log->errno_seen = ECONNRESET;
				break;
			case H_TIMEDOUT:
				log->errno_seen = ETIMEDOUT;
				break;
			case H_DNS:
				if (!ev->last_error)
					ev->last_error = 0x00020005; /* ERRCONNECT_DNS_NAME_NOT_FOUND */
				break;
			case H_ACTIVATION:
				if (!ev->last_error)
					ev->last_error = 0x0002001C;
				break;
			case H_NEGO:
				if (!ev->last_error)
					ev->last_error = 0x0002000C; /* SECURITY_NEGO_CONNECT_FAILED */
				reach(log, RP_PHASE_X224);
				break;
			case H_CERT:
				ev->cert_rejected = true;
				reach(log, RP_PHASE_TLS);
				break;
			case H_LOGON:
				if (!ev->last_error)
					ev->last_error = 0x00020014; /* ERRCONNECT_LOGON_FAILURE */
				reach(log, RP_PHASE_NLA);
				break;
			case H_TLS:
				if (!strstr(line, "DEBUG") || strstr(line, "ERROR") || strstr(line, "fail"))
					reach(log, RP_PHASE_TLS);
				continue; /* a hint only: no fact line of its own */
			case H_NLA:
				if (strstr(line, "ERROR") || strstr(line, "fail"))
					reach(log, RP_PHASE_NLA);
				continue;
			case H_LICENSE:
				/* Not FreeRDP's warning about an empty BB_ERROR_BLOB, which every server
				 * without licensing causes. */
				if ((strstr(line, "ERROR") || strstr(line, "rror")) && !strstr(line, "BB_ERROR_BLOB"))
				{
					reach(log, RP_PHASE_LICENSING);
					add_fact(log, no, line, "an error in licensing");
				}
				continue;
		}
		add_fact(log, no, line, "%s", phrases[i].says);
	}
}

/* A disconnect reason (decimal or 0x hex) at s. A discReason is 16 bits: a value out of
 * that range is not one, and the line is read as no reason rather than a truncated long. */
static bool windows_reason(struct rp_fieldlog* log, int no, const char* line, const char* s)
{
	long v = strtol(s, NULL, 0);
	if (v <= 0 || v > 0xFFFF)
		return false;
	log->windows_reason = (int)v;
	add_fact(log, no, line, "the Windows client's disconnect reason %d (0x%X)", log->windows_reason,
	         log->windows_reason);
	return true;
}

/* TerminalServices-RDPClient/Operational: event 1026 "RDP ClientActiveX has been disconnected
 * (Reason= 2308)", as text, or as XML with <EventID>1026</EventID> and <Data Name="Value">. */
static bool parse_windows_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	if ((p = strstr(line, "Reason=")) || (p = strstr(line, "Reason =")))
	{
		p = strchr(p, '=') + 1;
		return windows_reason(log, no, line, p);
	}
	if ((p = strstr(line, "<Data Name=\"Value\">")) && log->kind == RP_LOG_WINDOWS_EVENT)
	{
		return windows_reason(log, no, line, p + strlen("<Data Name=\"Value\">"));
	}
	return false;
}

bool rp_fieldlog_parse(const char* name, const char* text, struct rp_fieldlog* log,
                       struct rp_err* err)
{
	const char* line = text;
	int no = 0;

	memset(log, 0, sizeof(*log));
	rp_evidence_init(&log->ev);
	log->tls_fail_after_s = log->connect_fail_after_s = -1;
	log->t_tls_start = log->t_connect_start = -1;
	log->ev.n_attempts = 1; /* a log tells of the connection as one story */
	{
		const char* t = text + strspn(text, " \t\r\n");
		if (*t == '{')
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
	if (strstr(text, "Microsoft-Windows-TerminalServices-ClientActiveXCore") ||
	    strstr(text, "TerminalServices-RDPClient") || strstr(text, "RDP ClientActiveX") ||
	    strstr(text, "<EventID>1026</EventID>"))
		log->kind = RP_LOG_WINDOWS_EVENT;
	while (*line)
	{
		size_t n = strcspn(line, "\n");
		char buf[2048];
		snprintf(buf, sizeof(buf), "%.*s", (int)(n < sizeof(buf) - 1 ? n : sizeof(buf) - 1), line);
		buf[strcspn(buf, "\r")] = '\0';
		no++;
		if (!parse_windows_line(log, no, buf))
			parse_freerdp_line(log, no, buf);
		line += n + (line[n] == '\n');
	}
	log->n_lines = no;
	if (log->kind == RP_LOG_UNKNOWN && (log->n_facts > 0 || strstr(text, "com.freerdp") ||
	                                    strstr(text, "xfreerdp") || strstr(text, "[freerdp")))
		log->kind = RP_LOG_FREERDP;
	if (log->kind == RP_LOG_UNKNOWN)
		return rp_fail(err, "%s: neither a FreeRDP log, a Windows RDP client event, nor an "
		                    "evidence.json (%d lines, nothing recognized)",
		               name, no);
	log->ev.attempts[0].sock_errno = log->errno_seen;
	return true;
}

bool rp_fieldlog_read(const char* path, struct rp_fieldlog* log, struct rp_err* err)
{
	char* buf;
	bool ok;

	if (!rp_read_file(path, &buf, err))
		return false;
	ok = rp_fieldlog_parse(path, buf, log, err);
	free(buf);
	return ok;
}

/* ---- the verdict for a field log ---- */

static void add_candidate(struct rp_field_verdict* fv, enum rp_cause c)
{
	for (int i = 0; i < fv->n_candidates; i++)
		if (fv->candidates[i] == c)
			return;
	fv->candidates[fv->n_candidates++] = c;
}

void rp_fieldlog_classify(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	struct rp_verdict* v = &fv->v;

	memset(fv, 0, sizeof(*fv));
	rp_classify(ev, v);
	if (log->kind == RP_LOG_EVIDENCE_JSON || v->cause != RP_CAUSE_UNDETERMINED)
	{
		for (int i = 0; i < v->n_candidates; i++)
			add_candidate(fv, v->candidates[i]);
		/* The rules that decide from a log decide from codes that name their cause. */
		if (log->kind != RP_LOG_EVIDENCE_JSON && v->confidence > RP_CONF_MEDIUM &&
		    !(ev->error_info || ev->cert_rejected))
			v->confidence = RP_CONF_MEDIUM;
		return;
	}
	/* Log-only rules: what a log can say without the lab's counters and recheck. They name
	 * their own candidates: a log leaves most of the lab's clauses unknown, not false. */
	v->n_candidates = 0;
	v->eliminated[0] = '\0';
	if (log->errno_seen == ECONNREFUSED)
	{
		v->cause = RP_CAUSE_PORT_CLOSED;
		v->confidence = RP_CONF_MEDIUM;
		snprintf(v->because, sizeof(v->because), "the connection was refused: nothing listens, "
		                                          "or a firewall rejects, at the port");
		return;
	}
	if ((log->errno_seen == EPIPE || log->errno_seen == ECONNRESET) && log->has_phase &&
	    ev->attempts[0].furthest <= RP_PHASE_X224)
	{
		/* The first write after connecting failed: the connection was refused or cut at once. */
		v->cause = RP_CAUSE_PORT_CLOSED;
		v->confidence = RP_CONF_LOW;
		v->runner_up = RP_CAUSE_SERVER_OVERLOADED;
		snprintf(v->because, sizeof(v->because), "the very first write failed (%s) before any "
		                                          "answer: the connection was refused or cut at once",
		         strerrorname_np(log->errno_seen));
		snprintf(v->unsure, sizeof(v->unsure),
		         "a server that accepts and closes at once (overloaded) ends the same way in a log");
		return;
	}
	if (ev->last_error == 0x00020008 && !ev->cert_rejected && log->tls_fail_after_s >= 0)
	{
		if (log->tls_fail_after_s <= 1)
		{
			v->cause = RP_CAUSE_FIREWALL_RESET;
			v->confidence = RP_CONF_LOW;
			v->runner_up = RP_CAUSE_SERVER_OVERLOADED;
			snprintf(v->because, sizeof(v->because), "TLS failed within %d s of its start, with no "
			                                          "certificate complaint: cut, not refused",
			         log->tls_fail_after_s);
			snprintf(v->unsure, sizeof(v->unsure),
			         "a log cannot tell who cut it: a middlebox's RST, or the server");
			return;
		}
		if (log->tls_fail_after_s >= 5)
		{
			/* The server's flight did not arrive: lost for its size (a black hole), never sent
			 * (a server stuck in its TLS accept), or lost with everything else (a dropped
			 * tunnel, loss, a middlebox that forgot the connection). A log holds nothing that
			 * tells them apart: name them all. */
			v->cause = RP_CAUSE_UNDETERMINED;
			v->confidence = RP_CONF_LOW;
			add_candidate(fv, RP_CAUSE_MTU_BLACKHOLE);
			add_candidate(fv, RP_CAUSE_SERVER_HUNG);
			add_candidate(fv, RP_CAUSE_TUNNEL_DROP);
			add_candidate(fv, RP_CAUSE_PACKET_LOSS);
			add_candidate(fv, RP_CAUSE_NAT_IDLE_TIMEOUT);
			snprintf(v->because, sizeof(v->because), "TLS stalled %d s, then failed: the server's "
			                                          "certificate flight did not arrive, and a log "
			                                          "cannot say why",
			         log->tls_fail_after_s);
			return;
		}
	}
	if (log->errno_seen == ECONNRESET)
	{
		v->cause = RP_CAUSE_FIREWALL_RESET;
		v->confidence = RP_CONF_LOW;
		v->runner_up = RP_CAUSE_SERVER_OVERLOADED;
		snprintf(v->because, sizeof(v->because), "the connection was reset in phase %s",
		         rp_phase_name(ev->attempts[0].furthest));
		snprintf(v->unsure, sizeof(v->unsure),
		         "a log cannot tell who sent the RST: a middlebox, or a server shedding load");
		return;
	}
	/* Too little to decide: name the causes the log is compatible with. */
	v->cause = RP_CAUSE_UNDETERMINED;
	v->confidence = RP_CONF_LOW;
	if (log->session_lost && !ev->error_info)
	{
		/* A working session's connection dropped with no word from the server. A timeout:
		 * nothing answered it any more (a link down, a NAT that forgot an idle session, loss
		 * that never let a segment through); a reset: a middlebox, or an idle timer's reset.
		 * The log cannot separate them; a lab run with `session =` can. */
		if (log->errno_seen == ECONNRESET || log->errno_seen == EPIPE)
		{
			add_candidate(fv, RP_CAUSE_FIREWALL_RESET);
			add_candidate(fv, RP_CAUSE_NAT_IDLE_TIMEOUT);
		}
		else
		{
			add_candidate(fv, RP_CAUSE_TUNNEL_DROP);
			add_candidate(fv, RP_CAUSE_NAT_IDLE_TIMEOUT);
			add_candidate(fv, RP_CAUSE_PACKET_LOSS);
		}
		/* FreeRDP 3's client does not announce the errorInfo PDU: a server that refuses the
		 * session at activation or ends it later closes without a reason, and FreeRDP logs
		 * "Network disconnect!" for that too (client_auto_reconnect_ex runs on any drop). */
		add_candidate(fv, RP_CAUSE_SERVER_DENIED);
		add_candidate(fv, RP_CAUSE_SERVER_ENDED_SESSION);
		snprintf(v->because, sizeof(v->because),
		         "the session was up and its connection dropped (%s%s) with no errorInfo%s",
		         log->errno_seen ? "errno " : "no errno named",
		         log->errno_seen ? (strerrorname_np(log->errno_seen) ? strerrorname_np(log->errno_seen) : "?") : "",
		         log->reconnects ? "; auto-reconnect tried" : "");
		return;
	}
	if (ev->last_error == 0x0002001C || log->errno_seen == ETIMEDOUT)
	{
		enum rp_cause c[] = { RP_CAUSE_PACKET_LOSS, RP_CAUSE_HIGH_LATENCY, RP_CAUSE_LOW_BANDWIDTH,
			                  RP_CAUSE_TUNNEL_DROP, RP_CAUSE_NAT_IDLE_TIMEOUT, RP_CAUSE_SERVER_HUNG };
		for (size_t i = 0; i < sizeof(c) / sizeof(c[0]); i++)
			add_candidate(fv, c[i]);
		snprintf(v->because, sizeof(v->because), "a timeout in phase %s: every cause that stalls a "
		                                          "handshake fits",
		         rp_phase_name(ev->attempts[0].furthest));
	}
	else if (ev->last_error == 0x00020008)
	{
		add_candidate(fv, RP_CAUSE_MTU_BLACKHOLE);
		add_candidate(fv, RP_CAUSE_FIREWALL_RESET);
		add_candidate(fv, RP_CAUSE_CERTIFICATE_REJECTED);
		snprintf(v->because, sizeof(v->because), "TLS failed, with no reason the log names");
	}
	else if (ev->last_error == 0x0002000D && ev->attempts[0].furthest >= RP_PHASE_CAPABILITIES &&
	         !ev->error_info)
	{
		/* Past licensing (the server took the connection), then the transport failed with no
		 * errorInfo: a server that refuses the session closes at activation, and the client's
		 * log may end in finalization (EPIPE) or just after active. FreeRDP 3.10's client does not
		 * announce the errorInfo PDU (SupportErrorInfoPdu is off for clients), so a server that
		 * denies or ends the session closes without saying why; a reset or a dead path after
		 * activation ends it the same way in a log. */
		add_candidate(fv, RP_CAUSE_SERVER_DENIED);
		add_candidate(fv, RP_CAUSE_FIREWALL_RESET);
		add_candidate(fv, RP_CAUSE_TUNNEL_DROP);
		snprintf(v->because, sizeof(v->because),
		         "the server took the connection past licensing (to %s), then the transport "
		         "failed with no errorInfo: a FreeRDP 3 client does not announce the errorInfo "
		         "PDU, so a server that refuses the session closes without a reason",
		         rp_phase_name(ev->attempts[0].furthest));
	}
	else if (ev->last_error == 0x00020006)
	{
		add_candidate(fv, RP_CAUSE_PORT_FILTERED);
		add_candidate(fv, RP_CAUSE_TUNNEL_DROP);
		if (log->connect_fail_after_s < 0)
			add_candidate(fv, RP_CAUSE_DNS_FAILURE);
		if (log->connect_fail_after_s >= 2)
			snprintf(v->because, sizeof(v->because), "the SYN went unanswered for %d s: "
			                                          "something drops it, or the path is down",
			         log->connect_fail_after_s);
		else
			snprintf(v->because, sizeof(v->because), "the TCP connection failed, without a refusal");
	}
	else if (log->windows_reason)
	{
		/* Every cause whose most plausible pair has this disconnect reason. */
		for (int i = 0; i < RP_CAUSE_COUNT; i++)
			if ((int)rp_cause_info((enum rp_cause)i)->disc_reason == log->windows_reason)
				add_candidate(fv, (enum rp_cause)i);
		snprintf(v->because, sizeof(v->because), "the Windows client's disconnect reason %d (0x%X) "
		                                          "alone, without the extended reason",
		         log->windows_reason, log->windows_reason);
		/* A reason that belongs to one cause only names it (e.g. 260, DNS lookup failure). */
		if (fv->n_candidates == 1)
		{
			v->cause = fv->candidates[0];
			v->confidence = RP_CONF_MEDIUM;
			fv->n_candidates = 0;
		}
	}
	else
		snprintf(v->because, sizeof(v->because), "the log holds no error the rules can read");
}
