/* fieldlog.c: facts from field logs, and the verdict they support. */
#include "fieldlog.h"

#include <ctype.h>
#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "errinfo.h"
#include "logtext.h"
#include "evtx.h"
#include "winevent.h"

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
	H_TLS,
	H_NLA,
	H_LICENSE,
	H_UNREACH,
	H_CERT_PROMPT,
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
	/* The same three in macOS/BSD's and Windows' words (strerror, FormatMessage of WSA*). */
	{ "Operation timed out", H_TIMEDOUT, "connection timed out (ETIMEDOUT, macOS/BSD's words)" },
	{ "connected party did not properly respond", H_TIMEDOUT,
	  "connection timed out (WSAETIMEDOUT, Windows' words)" },
	{ "target machine actively refused", H_REFUSED,
	  "connection refused (WSAECONNREFUSED, Windows' words)" },
	{ "forcibly closed by the remote host", H_RESET,
	  "connection reset (WSAECONNRESET, Windows' words)" },
	{ "No route to host", H_UNREACH, "no route to the host (EHOSTUNREACH)" },
	{ "Network is unreachable", H_UNREACH, "the network is unreachable (ENETUNREACH)" },
	{ "nodename nor servname provided", H_DNS, "the name did not resolve (macOS's words)" },
	{ "No such host is known", H_DNS, "the name did not resolve (WSAHOST_NOT_FOUND)" },
	{ "Name does not resolve", H_DNS, "the name did not resolve (musl's words)" },
	{ "Could not resolve hostname", H_DNS, "the name did not resolve" },
	{ "Name or service not known", H_DNS, "the name did not resolve" },
	{ "Temporary failure in name resolution", H_DNS, "the name did not resolve" },
	{ "No address associated with hostname", H_DNS, "the name did not resolve" },
	{ "Timeout waiting for activation", H_ACTIVATION, "activation timed out" },
	{ "HYBRID_REQUIRED_BY_SERVER", H_NEGO, "the server requires NLA" },
	{ "SSL_REQUIRED_BY_SERVER", H_NEGO, "the server requires TLS" },
	{ "SSL_NOT_ALLOWED_BY_SERVER", H_NEGO, "the server does not allow TLS" },
	{ "SSL_CERT_NOT_ON_SERVER", H_NEGO, "the server has no TLS certificate" },
	{ "SSL_WITH_USER_AUTH_REQUIRED_BY_SERVER", H_NEGO,
	  "the server requires TLS with a client certificate" },
	{ "INCONSISTENT_FLAGS", H_NEGO, "the server found the client's security flags inconsistent" },
	{ "Protocol Security Negotiation Failure", H_NEGO, "the security negotiation failed" },
	{ "protocol security negotiation or connection failure", H_NEGO,
	  "the security negotiation or the connection failed" },
	{ "REMOTE HOST IDENTIFICATION HAS CHANGED", H_CERT_PROMPT,
	  "the server's certificate changed since the client last saw it (a prompt)" },
	{ "Do you trust the above certificate?", H_CERT_PROMPT,
	  "the client asked whether to trust the certificate (a prompt)" },
	{ "The above X.509 certificate could not be verified", H_CERT_PROMPT,
	  "the client could not verify the certificate and asked (a prompt)" },
	{ "host key for", H_CERT_PROMPT, "the host key changed (a prompt)" },
	{ "certificate not trusted", H_CERT, "the client did not trust the certificate" },
	{ "Host key verification failed", H_CERT, "the client refused the changed host key" },
	{ "certificate verification failed", H_CERT, "the certificate check failed" },
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

/* A code name at s with its number after it, or, where the line gives only the name
 * (FreeRDP 1.x and some wrappers do), the number FreeRDP's tables give that name. */
static bool code_or_name(const char* s, char* name, size_t n, unsigned long* value, bool errinfo)
{
	uint32_t c;

	if (code_after(s, name, n, value))
		return true;
	if (strlen(name) < 9)
		return false;
	c = errinfo ? rp_errinfo_from_name(name) : rp_last_error_from_name(name);
	if (c == UINT32_MAX)
		return false;
	*value = c;
	return true;
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


/* Sets FreeRDP's last error from its code, with FreeRDP's name for it. */
static void set_last_error(struct rp_fieldlog* log, uint32_t code)
{
	const char* nm = rp_last_error_name(code);
	log->ev.last_error = code;
	rp_strlcpy(log->ev.last_error_name, nm ? nm : "", sizeof(log->ev.last_error_name));
}

/* The run of characters from `set` at p, into dst. */
static void copy_token(char* dst, size_t n, const char* p, const char* set)
{
	snprintf(dst, n, "%.*s", (int)strspn(p, set), p);
}

#define UPPER_WORD "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"

/* ---- errno on every platform ----
 * The number alone is ambiguous (60 is ETIMEDOUT on macOS, ENOSTR on Linux): the text that
 * follows it decides, then the platform the log shows, then Linux. Linux's texts come from
 * glibc's own strerror; the others are the few socket errors a connection meets. */
static const struct
{
	int number;
	int platform;
	const char* text;
	int linux_errno; /* what it means, in Linux's numbers; -1: a name lookup failure */
} other_errnos[] = {
	{ 60, RP_PLAT_BSD, "Operation timed out", ETIMEDOUT },
	{ 61, RP_PLAT_BSD, "Connection refused", ECONNREFUSED },
	{ 54, RP_PLAT_BSD, "Connection reset by peer", ECONNRESET },
	{ 53, RP_PLAT_BSD, "Software caused connection abort", ECONNABORTED },
	{ 32, RP_PLAT_BSD, "Broken pipe", EPIPE },
	{ 50, RP_PLAT_BSD, "Network is down", ENETDOWN },
	{ 51, RP_PLAT_BSD, "Network is unreachable", ENETUNREACH },
	{ 64, RP_PLAT_BSD, "Host is down", EHOSTDOWN },
	{ 65, RP_PLAT_BSD, "No route to host", EHOSTUNREACH },
	{ 10060, RP_PLAT_WINDOWS, "connected party did not properly respond", ETIMEDOUT },
	{ 10061, RP_PLAT_WINDOWS, "actively refused", ECONNREFUSED },
	{ 10054, RP_PLAT_WINDOWS, "forcibly closed by the remote host", ECONNRESET },
	{ 10053, RP_PLAT_WINDOWS, "aborted by the software in your host", ECONNABORTED },
	{ 10050, RP_PLAT_WINDOWS, "network is down", ENETDOWN },
	{ 10051, RP_PLAT_WINDOWS, "unreachable network", ENETUNREACH },
	{ 10065, RP_PLAT_WINDOWS, "unreachable host", EHOSTUNREACH },
	{ 11001, RP_PLAT_WINDOWS, "No such host is known", -1 },
	{ 11004, RP_PLAT_WINDOWS, "requested name is valid", -1 },
};

static const char* const plat_names[] = { "", "Linux", "macOS/BSD", "Windows" };

static void system_error(struct rp_fieldlog* log, int no, const char* line, const char* num)
{
	char* end;
	long e = strtol(num, &end, 10);
	const char* text = end;
	int linux_e = -2, plat = RP_PLAT_UNKNOWN;

	if (e <= 0 || e > 20000)
		return; /* an errno, not any number */
	while (*text == ':' || *text == ' ' || *text == '(')
		text++;
	/* 1. the text */
	for (size_t i = 0; i < sizeof(other_errnos) / sizeof(other_errnos[0]) && linux_e == -2; i++)
		if (*text && strncasecmp(text, other_errnos[i].text, strlen(other_errnos[i].text)) == 0 &&
		    other_errnos[i].number == e)
		{
			linux_e = other_errnos[i].linux_errno;
			plat = other_errnos[i].platform;
		}
	if (linux_e == -2 && *text && e < 200)
	{
		const char* lt = strerror((int)e);
		if (strncmp(text, lt, strlen(lt)) == 0)
		{
			linux_e = (int)e;
			plat = RP_PLAT_LINUX;
		}
	}
	/* 2. the number, on the platform the log shows (or a WSA number, which is unambiguous) */
	for (size_t i = 0; i < sizeof(other_errnos) / sizeof(other_errnos[0]) && linux_e == -2; i++)
		if (other_errnos[i].number == e &&
		    (e >= 10000 || other_errnos[i].platform == (int)log->platform))
		{
			linux_e = other_errnos[i].linux_errno;
			plat = other_errnos[i].platform;
		}
	/* 3. Linux */
	if (linux_e == -2 && e < 200)
	{
		linux_e = (int)e;
		plat = log->platform ? (int)log->platform : RP_PLAT_LINUX;
	}
	if (linux_e == -2)
		return;
	if (linux_e == -1)
	{
		if (!log->ev.last_error)
			log->ev.last_error = 0x00020005; /* ERRCONNECT_DNS_NAME_NOT_FOUND */
		add_fact(log, no, line, "a system error %ld (%s): the name did not resolve", e,
		         plat_names[plat]);
		return;
	}
	log->errno_seen = linux_e;
	add_fact(log, no, line, "a system error %ld on %s: %s (%s)", e, plat_names[plat],
	         strerrorname_np(linux_e) ? strerrorname_np(linux_e) : "?", strerror(linux_e));
}

/* NLA's statuses (SEC_E_*, STATUS_* in CredSSP's TSRequest errorCode, as FreeRDP logs them)
 * as the FreeRDP last error that says the same (nla.c maps them so in 3.x). */
static const struct
{
	const char* status;
	const char* errconnect;
} nla_statuses[] = {
	{ "STATUS_LOGON_FAILURE", "ERRCONNECT_LOGON_FAILURE" },
	{ "SEC_E_LOGON_DENIED", "ERRCONNECT_LOGON_FAILURE" },
	{ "STATUS_WRONG_PASSWORD", "ERRCONNECT_WRONG_PASSWORD" },
	{ "STATUS_PASSWORD_EXPIRED", "ERRCONNECT_PASSWORD_EXPIRED" },
	{ "STATUS_PASSWORD_MUST_CHANGE", "ERRCONNECT_PASSWORD_MUST_CHANGE" },
	{ "STATUS_ACCOUNT_LOCKED_OUT", "ERRCONNECT_ACCOUNT_LOCKED_OUT" },
	{ "STATUS_ACCOUNT_DISABLED", "ERRCONNECT_ACCOUNT_DISABLED" },
	{ "STATUS_ACCOUNT_EXPIRED", "ERRCONNECT_ACCOUNT_EXPIRED" },
	{ "STATUS_ACCOUNT_RESTRICTION", "ERRCONNECT_ACCOUNT_RESTRICTION" },
	{ "STATUS_LOGON_TYPE_NOT_GRANTED", "ERRCONNECT_LOGON_TYPE_NOT_GRANTED" },
	{ "STATUS_ACCESS_DENIED", "ERRCONNECT_ACCESS_DENIED" },
	{ "SEC_E_NO_CREDENTIALS", "ERRCONNECT_NO_OR_MISSING_CREDENTIALS" },
};

/* FreeRDP's last errors that end a connection at the logon, by what they say. */
static bool is_credentials_error(uint32_t e)
{
	switch (e)
	{
		case 0x0002000E: /* PASSWORD_EXPIRED */
		case 0x00020010: /* CLIENT_REVOKED */
		case 0x00020012: /* ACCOUNT_DISABLED */
		case 0x00020013: /* PASSWORD_MUST_CHANGE */
		case 0x00020014: /* LOGON_FAILURE */
		case 0x00020015: /* WRONG_PASSWORD */
		case 0x00020017: /* ACCOUNT_RESTRICTION */
		case 0x00020018: /* ACCOUNT_LOCKED_OUT */
		case 0x00020019: /* ACCOUNT_EXPIRED */
		case 0x0002001B: /* NO_OR_MISSING_CREDENTIALS */
			return true;
	}
	return false;
}

static bool starts_step(const char* line)
{
	static const char* const steps[] = {
		"freerdp_connect", "connecting to peer", "freerdp_tcp_connect", "tcp_connect",
		"CONNECTION_STATE_", "ERRCONNECT_", "ERRINFO_", "nego_", "transport_connect",
		"rdp_client_connect", "Negotiated [", "connected to ", "Connecting to ",
		"freerdp_set_last_error", "BIO_", "tls_", "nla_", "license_",
		"RDP ClientActiveX",
	};
	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (strstr(line, steps[i]))
			return true;
	return false;
}

static void parse_more(struct rp_fieldlog* log, int no, const char* line)
{
	struct rp_evidence* ev = &log->ev;
	const char* p;

	if (starts_step(line))
		log->attempted = true;
	if (!log->platform && (strstr(line, "Darwin") || strstr(line, "macOS") ||
	                       strstr(line, "/Applications/") || strstr(line, ".dylib") ||
	                       strstr(line, "MacFreeRDP") || strstr(line, "FreeBSD")))
		log->platform = RP_PLAT_BSD;
	if (!log->platform && (strstr(line, "C:\\") || strstr(line, "wfreerdp") || strstr(line, ".exe")))
		log->platform = RP_PLAT_WINDOWS;
	/* FreeRDP 1.x and 2.0: "freerdp_set_last_error 0x2000D" */
	if ((p = strstr(line, "set_last_error")) && !strstr(line, "ERRCONNECT_") &&
	    !strstr(line, "ERRINFO_") && (p = strstr(p, "0x")) && !ev->last_error)
	{
		unsigned long v = strtoul(p, NULL, 16);
		if (v && rp_last_error_name((uint32_t)v))
		{
			set_last_error(log, (uint32_t)v);
			add_fact(log, no, line, "FreeRDP's last error %s 0x%08X", ev->last_error_name,
			         ev->last_error);
		}
	}
	/* Licensing: connection.c's "license connection sequence aborted." follows a licensing
	 * error alert whose dwStateTransition is ST_TOTAL_ABORT; STATUS_VALID_CLIENT is the
	 * alert every server without licensing sends, and completes licensing. */
	if (strstr(line, "license connection sequence aborted") && !log->license_abort)
	{
		log->license_abort = true;
		reach(log, RP_PHASE_LICENSING);
		add_fact(log, no, line, "the server aborted licensing (an error alert, ST_TOTAL_ABORT)");
	}
	if ((p = strstr(line, "dwErrorCode: ")) && !strstr(p, "STATUS_VALID_CLIENT"))
	{
		snprintf(log->license_error, sizeof(log->license_error), "%.*s",
		         (int)strcspn(p + 13, ", "), p + 13);
		reach(log, RP_PHASE_LICENSING);
		if (strstr(p, "ST_TOTAL_ABORT"))
			log->license_abort = true;
		add_fact(log, no, line, "the server's licensing error alert %s%s", log->license_error,
		         strstr(p, "ST_TOTAL_ABORT") ? ", abort" : "");
	}
	/* NLA statuses */
	for (size_t i = 0; i < sizeof(nla_statuses) / sizeof(nla_statuses[0]); i++)
		if (strstr(line, nla_statuses[i].status))
		{
			uint32_t e = rp_last_error_from_name(nla_statuses[i].errconnect);
			if (e != UINT32_MAX && (!ev->last_error || ev->last_error == 0x00020009 ||
			                        ev->last_error == 0x0002000D))
				set_last_error(log, e);
			reach(log, RP_PHASE_NLA);
			add_fact(log, no, line, "NLA's status %s", nla_statuses[i].status);
			break;
		}
	/* RD Gateway: its HTTP answers and TSG/RPC errors (gateway/http.c, tsg.c, rpc_fault.c). */
	if (strstr(line, "gateway") || strstr(line, "Gateway") || strstr(line, "tsg") ||
	    strstr(line, "TsProxy") || strstr(line, "rpc_"))
		log->gateway = true;
	if (log->gateway && ((p = strstr(line, "HTTP status")) || (p = strstr(line, "StatusCode")) ||
	                     (p = strstr(line, "http status"))))
	{
		const char* d = p;
		while (*d && !isdigit((unsigned char)*d))
			d++;
		long st = strtol(d, NULL, 10);
		if (st >= 300 && st < 600 && !log->http_status)
		{
			log->http_status = (int)st;
			add_fact(log, no, line, "the RD Gateway answered HTTP %d", log->http_status);
		}
	}
	if ((p = strstr(line, "E_PROXY_")) && !log->gateway_error[0])
	{
		copy_token(log->gateway_error, sizeof(log->gateway_error), p, UPPER_WORD);
		log->gateway = true;
		add_fact(log, no, line, "the RD Gateway's error %s", log->gateway_error);
	}
	/* The gateway's channel error as a bare HRESULT: "Channel error 800759da" (rdg.c). The two
	 * policy denials by number (MS-TSGU 2.2.6: E_PROXY_RAP_ACCESSDENIED, _NAP_ACCESSDENIED). */
	if ((p = strstr(line, "Channel error ")) && !log->gateway_error[0])
	{
		unsigned long hr = strtoul(p + strlen("Channel error "), NULL, 16);
		log->gateway = true;
		if (hr == 0x800759DAUL)
			rp_strlcpy(log->gateway_error, "E_PROXY_RAP_ACCESSDENIED", sizeof(log->gateway_error));
		else if (hr == 0x800759DBUL)
			rp_strlcpy(log->gateway_error, "E_PROXY_NAP_ACCESSDENIED", sizeof(log->gateway_error));
		else
			snprintf(log->gateway_error, sizeof(log->gateway_error), "0x%08lX", hr);
		add_fact(log, no, line, "the RD Gateway's channel error %s", log->gateway_error);
	}
	/* The gateway's RPC faults (rpc_fault.c: "RPC Fault PDU: status=NAME") */
	if ((p = strstr(line, "RPC Fault PDU: status=")) && !log->gateway_error[0])
	{
		p += strlen("RPC Fault PDU: status=");
		copy_token(log->gateway_error, sizeof(log->gateway_error), p,
		           UPPER_WORD "abcdefghijklmnopqrstuvwxyz");
		log->gateway = true;
		add_fact(log, no, line, "the RD Gateway answered with an RPC fault %s", log->gateway_error);
	}
	/* A TLS alert from the server (transport.c): "ACCESS DENIED" is access_denied during NLA;
	 * others are printed as "Unhandled SSL error (where=N, ret=N [fatal, NAME])". */
	if ((strstr(line, "ACCESS DENIED") || strstr(line, "alert access denied")) && !log->tls_alert[0])
	{
		rp_strlcpy(log->tls_alert, "access denied", sizeof(log->tls_alert));
		add_fact(log, no, line, "the server sent a TLS access-denied alert");
	}
	if ((p = strstr(line, "Unhandled SSL error")) && (p = strchr(p, '[')) && !log->tls_alert[0])
	{
		snprintf(log->tls_alert, sizeof(log->tls_alert), "%.*s", (int)strcspn(p + 1, "]"), p + 1);
		reach(log, RP_PHASE_TLS);
		add_fact(log, no, line, "the server sent a TLS alert (%s)", log->tls_alert);
	}
	/* A last error printed by a program around libfreerdp as a bare number ("rdp reported
	 * 00020008", hydra): eight hex digits of class 1 or 2 that FreeRDP names. */
	if (!ev->last_error)
		for (const char* q = line; (q = strstr(q, "000")); q++)
		{
			unsigned long v;
			if ((q > line && isalnum((unsigned char)q[-1])) || strspn(q, "0123456789abcdefABCDEF") != 8 ||
			    (q[3] != '1' && q[3] != '2'))
				continue;
			v = strtoul(q, NULL, 16);
			if (rp_last_error_name((uint32_t)v))
			{
				set_last_error(log, (uint32_t)v);
				add_fact(log, no, line, "FreeRDP's last error %s 0x%08lX, as a bare number",
				         ev->last_error_name, v);
				break;
			}
		}
	/* rdesktop's words for a licensing error alert */
	if ((p = strstr(line, "License error alert from server: ")) && !log->license_error[0])
	{
		snprintf(log->license_error, sizeof(log->license_error), "%s",
		         p + strlen("License error alert from server: "));
		reach(log, RP_PHASE_LICENSING);
		add_fact(log, no, line, "the server's licensing error alert (%s)", log->license_error);
	}
	/* FreeRDP 1.x/2.0's words for any failed NLA (nla.c), after a refused certificate too. */
	if (strstr(line, "Authentication failure, check credentials") && !log->nla_failed)
	{
		log->nla_failed = true;
		add_fact(log, no, line, "NLA (CredSSP) failed, in FreeRDP's generic words");
	}
	if (strstr(line, "Authentication only, exit status 0"))
	{
		log->auth_only_ok = true;
		add_fact(log, no, line, "the client's authentication-only run succeeded (+auth-only)");
	}
	/* FreeRDP 2.x's freerdp_tcp_connect: "failed to connect to HOST" (the TCP connect itself;
	 * 2.x then reports the negotiation as failed too: a consequence). */
	if (strstr(line, "failed to connect to ") && !log->tcp_connect_failed)
	{
		log->tcp_connect_failed = true;
		log->connect_fail_after_s = log->connect_fail_after_s >= 0
		                                ? log->connect_fail_after_s
		                                : elapsed(log->t_connect_start, stamp_seconds(line));
		add_fact(log, no, line, "the TCP connection to the server failed");
	}
	/* The command line (winpr's CommandLineParseArgumentsA, the client's usage text). */
	if ((strstr(line, "Failed at index ") && strstr(line, "]: ")) ||
	    strstr(line, "Usage: ") || strstr(line, "unknown protocol security") ||
	    strstr(line, "Failed to read command line options") ||
	    (strstr(line, "com.freerdp.client.common.cmdline") && strstr(line, "[ERROR]")) ||
	    strstr(line, "Unexpected keyword") || strstr(line, "[file] [options]") ||
	    strstr(line, "Support for protocol \"rdp\" is not installed"))
	{
		if (!log->usage_error)
			add_fact(log, no, line, "the client's command line was not accepted");
		log->usage_error = true;
	}
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
		log->client_ended = true;
		add_fact(log, no, line, "the client ended the session after it was active");
	}
	else if ((p = strstr(line, "ERRCONNECT_")) && code_or_name(p, name, sizeof(name), &v, false))
	{
		ev->last_error = v < 0x10000 ? (uint32_t)(0x00020000u | v) : (uint32_t)v;
		rp_strlcpy(ev->last_error_name, name, sizeof(ev->last_error_name));
		add_fact(log, no, line, "FreeRDP's last error %s 0x%08X", name, ev->last_error);
	}
	/* The server's errorInfo: "ERRINFO_X (0x00000007):text" (rdp_print_errinfo), or a last
	 * error of class ERRINFO "ERRINFO_X [0x00010007]". */
	if ((p = strstr(line, "ERRINFO_")) && code_or_name(p, name, sizeof(name), &v, true) &&
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
	if (strstr(line, "Network disconnect!") && !log->session_lost && log->client_ended)
	{
		/* xfreerdp logs it on its way out after the user (or a signal) ended the session
		 * too (seen in the lab's xfreerdp-baseline): a consequence then, not a drop. */
	}
	else if (strstr(line, "Network disconnect!") && !log->session_lost)
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
		system_error(log, no, line, p + strlen("returned a system error "));
	parse_more(log, no, line);
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
			case H_UNREACH:
				log->errno_seen = strstr(phrases[i].words, "Network") ? ENETUNREACH : EHOSTUNREACH;
				break;
			case H_CERT_PROMPT:
				log->cert_prompt = true;
				reach(log, RP_PHASE_TLS);
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
				/* The server's own negotiation failure code names the mismatch; FreeRDP's
				 * "Protocol Security Negotiation Failure" alone follows any failure at X.224,
				 * a TCP connect or a gateway's refusal included (FreeRDP 2.x). */
				if (strstr(phrases[i].words, "_SERVER") || strstr(phrases[i].words, "FLAGS"))
					log->nego_code = true;
				if (!ev->last_error)
					ev->last_error = 0x0002000C; /* SECURITY_NEGO_CONNECT_FAILED */
				reach(log, RP_PHASE_X224);
				break;
			case H_CERT:
				ev->cert_rejected = true;
				reach(log, RP_PHASE_TLS);
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

/* NTSTATUS codes of a failed logon (Security 4625's Status and SubStatus), as the FreeRDP
 * last error that says the same. */
static const struct
{
	unsigned long status;
	const char* errconnect;
} logon_statuses[] = {
	{ 0xC000006DUL, "ERRCONNECT_LOGON_FAILURE" },       /* bad user name or password */
	{ 0xC0000064UL, "ERRCONNECT_LOGON_FAILURE" },       /* no such user */
	{ 0xC000006AUL, "ERRCONNECT_WRONG_PASSWORD" },      /* wrong password */
	{ 0xC0000071UL, "ERRCONNECT_PASSWORD_EXPIRED" },
	{ 0xC0000224UL, "ERRCONNECT_PASSWORD_MUST_CHANGE" },
	{ 0xC0000234UL, "ERRCONNECT_ACCOUNT_LOCKED_OUT" },
	{ 0xC0000072UL, "ERRCONNECT_ACCOUNT_DISABLED" },
	{ 0xC0000193UL, "ERRCONNECT_ACCOUNT_EXPIRED" },
	{ 0xC000006EUL, "ERRCONNECT_ACCOUNT_RESTRICTION" },
	{ 0xC000006FUL, "ERRCONNECT_ACCOUNT_RESTRICTION" }, /* outside logon hours */
	{ 0xC0000070UL, "ERRCONNECT_ACCOUNT_RESTRICTION" }, /* workstation not allowed */
	{ 0xC000015BUL, "ERRCONNECT_LOGON_TYPE_NOT_GRANTED" },
};

static void set_last_error_name(struct rp_fieldlog* log, const char* name)
{
	uint32_t e = rp_last_error_from_name(name);
	if (e != UINT32_MAX)
		set_last_error(log, e);
}

static int win_reason_of(const struct rp_win_event* e)
{
	const char* v = rp_win_data(e, "Value");
	const char* p;
	long r = -1;

	if (v && *v)
		r = strtol(v, NULL, 0);
	else if ((p = strstr(e->message, "Reason=")) || (p = strstr(e->message, "Reason =")))
		r = strtol(strchr(p, '=') + 1, NULL, 0);
	/* A discReason is 16 bits: anything else is not one. */
	return r > 0 && r <= 0xFFFF ? (int)r : 0;
}

static bool rdp_context(const struct rp_win_events* we)
{
	for (int i = 0; i < we->n; i++)
		if (strstr(we->ev[i].provider, "TerminalServices") ||
		    strstr(we->ev[i].provider, "RemoteDesktopServices"))
			return true;
	return false;
}

/* What each event says. Client: TerminalServices-RDPClient/Operational (provider
 * ClientActiveXCore). Server: Security (4624/4625 logon type 10, 4825), LocalSessionManager
 * (21-25, 39, 40), RdpCoreTS (131, 140), RemoteConnectionManager (1149).
 * tests/field-logs/WINDOWS-EVENTS.md has each with its source. */
static void apply_win_event(struct rp_fieldlog* log, const struct rp_win_events* we,
                            const struct rp_win_event* e)
{
	struct rp_evidence* ev = &log->ev;
	char said[600];
	const char* line = said;
	int no = e->line;
	const char* v;
	bool security = strstr(e->provider, "Security-Auditing") != NULL;
	bool lsm = strstr(e->provider, "LocalSessionManager") != NULL;
	bool core = strstr(e->provider, "RdpCoreTS") != NULL;

	if (e->message[0])
		snprintf(said, sizeof(said), "%d: %s", e->id, e->message);
	else
		snprintf(said, sizeof(said), "EventID %d of %s", e->id,
		         e->provider[0] ? e->provider : "(no provider)");
	if (security)
	{
		long type = (v = rp_win_data(e, "LogonType")) ? strtol(v, NULL, 10) : -1;
		/* Type 10 is a Remote Desktop logon; NLA's is a network logon (3), which counts only
		 * beside the server's Remote Desktop events. */
		bool rdp = type == 10 || (type == 3 && (rdp_context(we) || we->n == 1));
		if (e->id == 4825)
		{
			log->win_rds_denied = true;
			add_fact(log, no, line, "the server's Security event 4825: the user was denied "
			                        "access to Remote Desktop (not in Remote Desktop Users)");
		}
		else if (e->id == 4625 && rdp)
		{
			unsigned long st = (v = rp_win_data(e, "SubStatus")) ? strtoul(v, NULL, 16) : 0;
			unsigned long top = (v = rp_win_data(e, "Status")) ? strtoul(v, NULL, 16) : 0;
			const char* name = NULL;
			for (size_t i = 0; i < sizeof(logon_statuses) / sizeof(logon_statuses[0]); i++)
				if (logon_statuses[i].status == st || (!name && logon_statuses[i].status == top))
					name = logon_statuses[i].errconnect;
			if (st == 0 || (name == NULL))
				for (size_t i = 0; i < sizeof(logon_statuses) / sizeof(logon_statuses[0]); i++)
					if (logon_statuses[i].status == top)
						name = logon_statuses[i].errconnect;
			if (name)
			{
				set_last_error_name(log, name);
				reach(log, RP_PHASE_NLA);
			}
			else
				log->win_logon_status = (unsigned)(top ? top : st);
			add_fact(log, no, line, "the server's Security event 4625: a logon of type %ld "
			                        "failed (status 0x%lX, sub-status 0x%lX)", type, top, st);
		}
		else if (e->id == 4624 && type == 10)
		{
			reach(log, RP_PHASE_ACTIVE);
			log->win_connected = true;
			add_fact(log, no, line, "the server's Security event 4624: a Remote Desktop logon");
		}
		return;
	}
	if (lsm)
	{
		long r;
		switch (e->id)
		{
			case 21: case 22: case 25:
				reach(log, RP_PHASE_ACTIVE);
				log->win_connected = true;
				add_fact(log, no, line, "the server's LocalSessionManager event %d: the session "
				                        "was up", e->id);
				break;
			case 23:
				ev->error_info = 0xC; /* logoff, as errorInfo says it */
				rp_strlcpy(ev->error_info_name, "ERRINFO_LOGOFF_BY_USER", sizeof(ev->error_info_name));
				reach(log, RP_PHASE_ACTIVE);
				add_fact(log, no, line, "the server's LocalSessionManager event 23: the session "
				                        "was logged off");
				break;
			case 39:
				add_fact(log, no, line, "the server's LocalSessionManager event 39: the session "
				                        "was disconnected by another session");
				reach(log, RP_PHASE_ACTIVE);
				if (!ev->error_info)
					ev->error_info = 0x5;
				break;
			case 40:
				/* "Session N has been disconnected, reason code R": R is the disconnect's
				 * errorInfo code (0: none given). */
				r = (v = rp_win_data(e, "Reason")) ? strtol(v, NULL, 0) : 0;
				if (!r && strstr(e->message, "reason code "))
					r = strtol(strstr(e->message, "reason code ") + 12, NULL, 0);
				add_fact(log, no, line, "the server's LocalSessionManager event 40: the session "
				                        "was disconnected, reason code %ld", r);
				reach(log, RP_PHASE_ACTIVE);
				if (r > 0 && r < 0x10000 && rp_errinfo_name((uint32_t)r))
				{
					ev->error_info = (uint32_t)r;
					rp_strlcpy(ev->error_info_name, rp_errinfo_name((uint32_t)r),
					           sizeof(ev->error_info_name));
				}
				break;
		}
		return;
	}
	if (e->id == 56 || e->id == 50 || strstr(e->provider, "TermDD"))
	{
		if (strstr(e->message, "protocol stream"))
		{
			log->win_protocol_error = true;
			add_fact(log, no, line, "the server's TermDD: it saw an error in the client's "
			                        "protocol stream and disconnected it");
		}
		return;
	}
	if (core && e->id == 140)
	{
		set_last_error_name(log, "ERRCONNECT_LOGON_FAILURE");
		reach(log, RP_PHASE_NLA);
		add_fact(log, no, line, "the server's RdpCoreTS event 140: the user name or password "
		                        "was not correct");
		return;
	}
	switch (e->id)
	{
		case 1024:
			log->attempted = true;
			add_fact(log, no, line, "the client started a connection (1024)");
			break;
		case 1025:
			reach(log, RP_PHASE_X224);
			add_fact(log, no, line, "the client connected to the server (1025)");
			break;
		case 1026:
		{
			int r = win_reason_of(e);
			if (r)
			{
				log->windows_reason = r;
				add_fact(log, no, line, "the Windows client's disconnect reason %d (0x%X)", r, r);
			}
			break;
		}
		case 1027:
			reach(log, RP_PHASE_ACTIVE);
			log->win_connected = true;
			add_fact(log, no, line, "the session was up: the client connected to a session (1027)");
			break;
		case 1007: /* "DNS failed to resolve the server name" */
			if (!ev->last_error)
				set_last_error_name(log, "ERRCONNECT_DNS_NAME_NOT_FOUND");
			add_fact(log, no, line, "the client could not resolve the server's name (1007)");
			break;
		case 1009: /* "The credentials provided were failed to be authenticated by the server" */
			if (!ev->last_error)
				set_last_error_name(log, "ERRCONNECT_LOGON_FAILURE");
			reach(log, RP_PHASE_NLA);
			add_fact(log, no, line, "the server did not accept the credentials (1009)");
			break;
		case 1017: /* "Client does not have a license to connect to the server" */
			if (!log->license_error[0])
				rp_strlcpy(log->license_error, "no client license (1017)", sizeof(log->license_error));
			reach(log, RP_PHASE_LICENSING);
			add_fact(log, no, line, "the client had no license for the server (1017)");
			break;
		case 1006: /* "Client machine has lost network connectivity" */
			log->win_local_network_lost = true;
			add_fact(log, no, line, "the client machine lost its network connectivity (1006)");
			break;
		case 1015: /* "RDP ClientActiveX failed to automatically connect to the server" */
			log->session_lost = true;
			log->reconnect_gave_up = true;
			add_fact(log, no, line, "the client's auto-reconnect gave up (1015)");
			break;
		case 1102:
			add_fact(log, no, line, "the client started a UDP side channel (1102)");
			break;
		case 1104:
			add_fact(log, no, line, "the client's UDP side channel failed (1104): the session "
			                        "goes on over TCP");
			break;
		case 1401: /* the graphics pipeline was negotiated: the session got that far */
			reach(log, RP_PHASE_ACTIVE);
			log->win_connected = true;
			add_fact(log, no, line, "the session reached the graphics stage (1401)");
			break;
		case 1103:
			add_fact(log, no, line, "the client had a UDP side channel (multi-transport, 1103)");
			break;
		case 1105: /* on every session's end too: a fact, never a cause */
			add_fact(log, no, line, "the UDP side channel was disconnected (1105)");
			break;
		case 226:
		{
			const char* c = strstr(e->message, "Error code 0x");
			log->win_ssl_error = c ? (unsigned)strtoul(c + 11, NULL, 16) : 1;
			reach(log, RP_PHASE_TLS);
			if (c)
				add_fact(log, no, line, "the client's TLS layer failed (226, error code 0x%X)",
				         log->win_ssl_error);
			else
				add_fact(log, no, line, "the client's TLS layer failed (226)");
			break;
		}
	}
}

static void parse_windows(struct rp_fieldlog* log, const char* text)
{
	struct rp_win_events* we = malloc(sizeof(*we));

	if (!we)
		return;
	rp_win_events_read(text, we);
	if (we->n > 0)
		log->kind = RP_LOG_WINDOWS_EVENT;
	for (int i = 0; i < we->n; i++)
		apply_win_event(log, we, &we->ev[i]);
	/* A session that was up, then a disconnect reason that is not a user's own: it dropped. */
	if (log->win_connected && log->windows_reason && log->windows_reason != 1 &&
	    log->windows_reason != 2 && log->windows_reason != 3)
		log->session_lost = true;
	free(we);
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
		add_fact(log, 0, "", "the negotiation's failure followed a TCP connect that failed: it is "
		                     "a consequence (read as ERRCONNECT_CONNECT_FAILED)");
	}
	/* A certificate prompt is a question, not a refusal: it is the cause only where the
	 * connection stopped at TLS after it. One it went past was answered yes (a decoy). */
	if (log->cert_prompt && !past_tls && (ev->last_error == 0x00020008 || !ev->last_error))
		ev->cert_rejected = true;
	if (ev->cert_rejected && past_tls)
	{
		ev->cert_rejected = false;
		add_fact(log, 0, "", "the connection went on past TLS: the certificate was accepted");
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
	if (rp_win_looks_like_events(text))
		parse_windows(log, text);
	if (log->kind == RP_LOG_WINDOWS_EVENT)
	{
		for (const char* p = text; *p; p++)
			log->n_lines += *p == '\n';
		log->n_lines += text[0] && text[strlen(text) - 1] != '\n';
		finish(log);
		log->ev.attempts[0].sock_errno = log->errno_seen;
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
		parse_freerdp_line(log, no, buf);
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
	if (log->kind == RP_LOG_UNKNOWN && (log->n_facts > 0 || log->usage_error ||
	                                    strstr(text, "guacd") || strstr(text, "remmina") ||
	                                    strstr(text, "Remmina") || strstr(text, "FreeRDP") || strstr(text, "com.freerdp") ||
	                                    strstr(text, "xfreerdp") || strstr(text, "[freerdp")))
		log->kind = RP_LOG_FREERDP;
	if (log->kind == RP_LOG_UNKNOWN)
		return rp_fail(err, "%s: neither a FreeRDP log, a Windows RDP client event, nor an "
		                    "evidence.json (%d lines, nothing recognized)",
		               name, no);
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

/* ---- the verdict for a field log ---- */

static void add_candidate(struct rp_field_verdict* fv, enum rp_cause c)
{
	for (int i = 0; i < fv->n_candidates; i++)
		if (fv->candidates[i] == c)
			return;
	fv->candidates[fv->n_candidates++] = c;
}

static void name_it(struct rp_field_verdict* fv, enum rp_cause c, enum rp_confidence conf,
                    const char* fmt, ...) __attribute__((format(printf, 4, 5)));
static void name_it(struct rp_field_verdict* fv, enum rp_cause c, enum rp_confidence conf,
                    const char* fmt, ...)
{
	va_list ap;
	fv->v.cause = c;
	fv->v.confidence = conf;
	va_start(ap, fmt);
	vsnprintf(fv->v.because, sizeof(fv->v.because), fmt, ap);
	va_end(ap);
}

/* The log-only rules that name a cause, or name the few a line leaves open. */
static bool log_only_named(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	enum rp_errinfo_class k = rp_errinfo_class(ev->error_info);
	uint32_t e = ev->last_error;

	if (log->auth_only_ok && !ev->error_info && !ev->cert_rejected)
	{
		name_it(fv, RP_CAUSE_CONNECTED, RP_CONF_MEDIUM,
		        "the authentication-only run ended with status 0: the connection worked (with "
		        "RDP security the password is checked later, at the logon screen)");
		return true;
	}
	if (log->nla_failed && !ev->cert_rejected && !ev->error_info)
	{
		if (strcmp(log->tls_alert, "access denied") == 0)
		{
			name_it(fv, RP_CAUSE_BAD_CREDENTIALS, RP_CONF_MEDIUM,
			        "NLA failed and the server ended CredSSP with a TLS access-denied alert: it "
			        "refused the credentials");
			return true;
		}
		name_it(fv, RP_CAUSE_UNDETERMINED, RP_CONF_LOW,
		        "NLA failed, in FreeRDP's generic words (\"Authentication failure, check "
		        "credentials\") with no status: the credentials, the account, or the CredSSP the "
		        "server wants");
		add_candidate(fv, RP_CAUSE_BAD_CREDENTIALS);
		add_candidate(fv, RP_CAUSE_SECURITY_MISMATCH);
		add_candidate(fv, RP_CAUSE_SERVER_DENIED);
		return true;
	}
	if (e == 0x0002000C && !log->nego_code && !log->gateway_error[0])
	{
		name_it(fv, RP_CAUSE_UNDETERMINED, RP_CONF_LOW,
		        "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED without the server's negotiation code "
		        "(HYBRID_REQUIRED_BY_SERVER, ...): FreeRDP reports it for any failure at "
		        "X.224, a connect that failed or a gateway that refused included");
		add_candidate(fv, RP_CAUSE_SECURITY_MISMATCH);
		add_candidate(fv, RP_CAUSE_PORT_FILTERED);
		add_candidate(fv, RP_CAUSE_PORT_CLOSED);
		add_candidate(fv, RP_CAUSE_SERVER_DENIED);
		add_candidate(fv, RP_CAUSE_TUNNEL_DROP);
		return true;
	}
	if (log->usage_error && !log->attempted)
	{
		name_it(fv, RP_CAUSE_NOT_ATTEMPTED, RP_CONF_MEDIUM,
		        "the client did not accept its command line and took no connection step");
		return true;
	}
	if (k == RP_EI_SESSION_END)
	{
		/* 0x1 and 0xC are also FreeRDP's words for a bare Disconnect Provider Ultimatum
		 * (rdp.c), which a server also sends when it refuses a client that did not announce
		 * the errorInfo PDU: without the session's start in the log, either. */
		name_it(fv, RP_CAUSE_UNDETERMINED, RP_CONF_LOW,
		        "errorInfo 0x%X (%s) with no sign in the log that the session was up: the "
		        "server ended a session, or (0x1/0xC are what FreeRDP reports for a bare "
		        "ultimatum) refused one",
		        ev->error_info, rp_errinfo_name(ev->error_info));
		add_candidate(fv, RP_CAUSE_SERVER_ENDED_SESSION);
		add_candidate(fv, RP_CAUSE_SERVER_DENIED);
		return true;
	}
	if (log->license_abort || log->license_error[0])
	{
		name_it(fv, RP_CAUSE_LICENSING_FAILURE, RP_CONF_MEDIUM,
		        "the server ended licensing with an error alert%s%s%s",
		        log->license_error[0] ? " (" : "", log->license_error,
		        log->license_error[0] ? ")" : "");
		return true;
	}
	if (log->win_protocol_error && !ev->error_info)
	{
		name_it(fv, RP_CAUSE_SERVER_FAULT, RP_CONF_LOW,
		        "the server's TermDD event: it saw an error in the protocol stream and "
		        "disconnected the client (a protocol error, as errorInfo 0x10C9 on would say)");
		return true;
	}
	if (log->win_logon_status)
	{
		name_it(fv, RP_CAUSE_UNDETERMINED, RP_CONF_LOW,
		        "a Remote Desktop logon failed on the server (4625) with status 0x%X, which is "
		        "none of the credential statuses: the server's logon machinery failed, or the "
		        "credentials in a way this status does not say",
		        log->win_logon_status);
		add_candidate(fv, RP_CAUSE_SERVER_FAULT);
		add_candidate(fv, RP_CAUSE_BAD_CREDENTIALS);
		return true;
	}
	if (log->win_rds_denied)
	{
		name_it(fv, RP_CAUSE_SERVER_DENIED, RP_CONF_MEDIUM,
		        "the server's Security log has event 4825: the credentials were good and the "
		        "user was denied access to Remote Desktop (not a member of Remote Desktop Users "
		        "or Administrators)");
		return true;
	}
	if (e == 0x0002001A || e == 0x0002000A)
	{
		name_it(fv, RP_CAUSE_SERVER_DENIED, RP_CONF_MEDIUM,
		        "%s: the credentials are good, the account may not log on through Remote "
		        "Desktop (the \"Allow log on through Remote Desktop Services\" right, the "
		        "Remote Desktop Users group)",
		        ev->last_error_name);
		return true;
	}
	if (is_credentials_error(e))
	{
		name_it(fv, RP_CAUSE_BAD_CREDENTIALS, RP_CONF_MEDIUM, "%s: the logon failed",
		        ev->last_error_name[0] ? ev->last_error_name : "a logon failure");
		return true;
	}
	if (e == 0x0002000F || e == 0x00020016)
	{
		/* transport.c: PASSWORD_CERTAINLY_EXPIRED is what FreeRDP 3 sets for any TLS
		 * internal-error alert during NLA that came without a status it could read. */
		name_it(fv, RP_CAUSE_UNDETERMINED, RP_CONF_LOW,
		        "%s: %s", ev->last_error_name,
		        e == 0x0002000F ? "FreeRDP's name for a TLS alert the server sent during NLA "
		                          "without a status: an expired password, a CredSSP version "
		                          "the server refuses, or a logon the server does not allow"
		                        : "the server refused the logon: the account or its rights");
		add_candidate(fv, RP_CAUSE_BAD_CREDENTIALS);
		add_candidate(fv, RP_CAUSE_SERVER_DENIED);
		if (e == 0x0002000F)
			add_candidate(fv, RP_CAUSE_SECURITY_MISMATCH);
		return true;
	}
	if (log->gateway_error[0] && strstr(log->gateway_error, "ACCESSDENIED"))
	{
		name_it(fv, RP_CAUSE_SERVER_DENIED, RP_CONF_MEDIUM,
		        "the RD Gateway refused by its policy (%s: %s)", log->gateway_error,
		        strstr(log->gateway_error, "RAP") ? "the resource authorization policy does not "
		                                            "allow this user to this computer"
		                                          : "the connection authorization policy does "
		                                            "not allow this user or device");
		return true;
	}
	if (log->gateway && (log->http_status == 401 || log->http_status == 407))
	{
		name_it(fv, RP_CAUSE_BAD_CREDENTIALS, RP_CONF_LOW,
		        "the RD Gateway answered HTTP %d: it did not accept the credentials",
		        log->http_status);
		return true;
	}
	if (log->gateway && log->http_status == 403)
	{
		name_it(fv, RP_CAUSE_SERVER_DENIED, RP_CONF_LOW,
		        "the RD Gateway answered HTTP 403: it refused the connection");
		return true;
	}
	if (log->gateway && (log->gateway_error[0] || log->http_status >= 404))
	{
		/* The gateway answered, then failed: its own fault or its refusal of this target. */
		name_it(fv, RP_CAUSE_UNDETERMINED, RP_CONF_LOW,
		        "the RD Gateway failed the connection (%s%s): the gateway itself, or its "
		        "policy for this target",
		        log->gateway_error[0] ? log->gateway_error : "HTTP status",
		        log->gateway_error[0] ? "" : (log->http_status >= 500 ? " 5xx" : " 404"));
		add_candidate(fv, RP_CAUSE_SERVER_DENIED);
		add_candidate(fv, RP_CAUSE_SERVER_FAULT);
		return true;
	}
	if (e == 0x00020009 && ev->attempts[0].furthest != RP_PHASE_NLA)
	{
		/* AUTHENTICATION_FAILED with no NLA step in the log: the server's TLS access-denied
		 * alert sets it too (transport.c). */
		name_it(fv, RP_CAUSE_UNDETERMINED, RP_CONF_LOW,
		        "ERRCONNECT_AUTHENTICATION_FAILED%s: the server refused the logon, for the "
		        "credentials, the account's rights, or the security it wants",
		        log->tls_alert[0] ? " after a TLS alert" : "");
		add_candidate(fv, RP_CAUSE_BAD_CREDENTIALS);
		add_candidate(fv, RP_CAUSE_SERVER_DENIED);
		add_candidate(fv, RP_CAUSE_SECURITY_MISMATCH);
		return true;
	}
	if (log->win_local_network_lost)
	{
		name_it(fv, RP_CAUSE_UNDETERMINED, RP_CONF_LOW,
		        "the Windows client lost its own network connectivity (1006)");
		add_candidate(fv, RP_CAUSE_TUNNEL_DROP);
		add_candidate(fv, RP_CAUSE_PACKET_LOSS);
		return true;
	}
	return false;
}

/* The Windows client's discReason (IMsTscAxEvents::OnDisconnected, learn.microsoft.com
 * termserv/imstscaxevents-ondisconnected), as event 1026 logs it in decimal, and the causes
 * each is consistent with. The extended reason, which would narrow most of them, is not in
 * the event. */
#define C(x) RP_CAUSE_##x
static const struct
{
	int reason;
	const char* name;
	enum rp_cause causes[10];
	int n;
} disc_reasons[] = {
	{ 1, "disconnectReasonLocalNotError (the user closed it)", { C(CONNECTED) }, 1 },
	{ 2, "disconnectReasonRemoteByUser (the user disconnected it)", { C(CONNECTED) }, 1 },
	{ 3, "disconnectReasonByServer (the server disconnected it)",
	  { C(SERVER_ENDED_SESSION), C(SERVER_DENIED), C(SERVER_FAULT), C(BROKER_FAILURE),
	    C(LICENSING_FAILURE) }, 5 },
	{ 260, "disconnectReasonDNSLookupFailed", { C(DNS_FAILURE) }, 1 },
	{ 520, "disconnectReasonHostNotFound", { C(DNS_FAILURE) }, 1 },
	{ 1288, "disconnectReasonDNSLookupFailed2", { C(DNS_FAILURE) }, 1 },
	{ 1540, "disconnectReasonGetHostByNameFailed", { C(DNS_FAILURE) }, 1 },
	{ 264, "disconnectReasonConnectionTimedOut",
	  { C(PORT_FILTERED), C(TUNNEL_DROP), C(PACKET_LOSS), C(HIGH_LATENCY), C(SERVER_HUNG),
	    C(MTU_BLACKHOLE), C(LOW_BANDWIDTH), C(NAT_IDLE_TIMEOUT) }, 8 },
	{ 1796, "disconnectReasonTimeoutOccurred",
	  { C(PACKET_LOSS), C(HIGH_LATENCY), C(SERVER_HUNG), C(MTU_BLACKHOLE), C(LOW_BANDWIDTH),
	    C(TUNNEL_DROP), C(NAT_IDLE_TIMEOUT) }, 7 },
	{ 516, "disconnectReasonSocketConnectFailed",
	  { C(PORT_CLOSED), C(PORT_FILTERED), C(TUNNEL_DROP) }, 3 },
	{ 772, "disconnectReasonWinsockSendFailed",
	  { C(FIREWALL_RESET), C(TUNNEL_DROP), C(PACKET_LOSS), C(NAT_IDLE_TIMEOUT) }, 4 },
	{ 1028, "disconnectReasonSocketRecvFailed",
	  { C(FIREWALL_RESET), C(TUNNEL_DROP), C(PACKET_LOSS), C(NAT_IDLE_TIMEOUT) }, 4 },
	{ 2308, "disconnectReasonAtClientWinsockFDCLOSE (socket closed)",
	  { C(SERVER_DENIED), C(FIREWALL_RESET), C(MTU_BLACKHOLE), C(SERVER_OVERLOADED),
	    C(NAT_IDLE_TIMEOUT), C(LICENSING_FAILURE), C(PACKET_LOSS), C(TUNNEL_DROP),
	    C(SERVER_ENDED_SESSION), C(SERVER_FAULT) }, 10 },
	{ 2056, "disconnectReasonLicensingFailed", { C(LICENSING_FAILURE) }, 1 },
	{ 2312, "disconnectReasonLicensingTimeout", { C(LICENSING_FAILURE) }, 1 },
	{ 1798, "disconnectReasonServerCertificateUnpackErr",
	  { C(CERTIFICATE_REJECTED), C(SECURITY_MISMATCH) }, 2 },
	{ 1030, "disconnectReasonInvalidSecurityData", { C(SECURITY_MISMATCH) }, 1 },
	{ 1542, "disconnectReasonInvalidServerSecurityInfo", { C(SECURITY_MISMATCH) }, 1 },
	{ 2310, "disconnectReasonInternalSecurityError",
	  { C(SECURITY_MISMATCH), C(CERTIFICATE_REJECTED) }, 2 },
	{ 2566, "disconnectReasonInternalSecurityError2",
	  { C(SECURITY_MISMATCH), C(CERTIFICATE_REJECTED) }, 2 },
};
#undef C

static void windows_reason_verdict(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	struct rp_verdict* v = &fv->v;
	int r = log->windows_reason;

	if ((r == 1 || r == 2) && !log->win_connected)
	{
		/* The user closed or cancelled it; with no sign the session came up, perhaps while
		 * it hung: nothing says why. */
		snprintf(v->because, sizeof(v->because), "the Windows client's disconnect reason %d: "
		                                          "the user ended it, and no event shows the "
		                                          "session up",
		         r);
		return;
	}
	for (size_t i = 0; i < sizeof(disc_reasons) / sizeof(disc_reasons[0]); i++)
	{
		if (disc_reasons[i].reason != r)
			continue;
		for (int k = 0; k < disc_reasons[i].n; k++)
		{
			enum rp_cause c = disc_reasons[i].causes[k];
			/* Once the session was up, the connection sequence's own causes are out. */
			bool connect_only = c == RP_CAUSE_SERVER_DENIED || c == RP_CAUSE_SERVER_OVERLOADED ||
			                    c == RP_CAUSE_LICENSING_FAILURE || c == RP_CAUSE_BROKER_FAILURE;
			if (log->win_connected && connect_only)
				continue;
			add_candidate(fv, c);
		}
		snprintf(v->because, sizeof(v->because),
		         "the Windows client's disconnect reason %d (0x%X), %s%s, without the extended "
		         "reason",
		         r, r, disc_reasons[i].name,
		         log->win_connected ? ", after the session was up (1027)" : "");
		if (fv->n_candidates == 1)
		{
			v->cause = fv->candidates[0];
			v->confidence = RP_CONF_MEDIUM;
			fv->n_candidates = 0;
		}
		return;
	}
	snprintf(v->because, sizeof(v->because), "the Windows client's disconnect reason %d (0x%X), "
	                                          "which this table does not hold",
	         r, r);
}

void rp_fieldlog_classify(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	struct rp_verdict* v = &fv->v;

	memset(fv, 0, sizeof(*fv));
	/* FreeRDP's generic negotiation failure and an RD Gateway's refusal say more in a log
	 * than the record's code: the log's own reading goes first. */
	if (log->kind != RP_LOG_EVIDENCE_JSON && !ev->error_info &&
	    (ev->last_error == 0x0002000C || log->gateway_error[0] || log->nla_failed ||
	     log->auth_only_ok))
	{
		v->runner_up = RP_CAUSE_COUNT;
		if (log_only_named(log, fv))
			return;
		memset(fv, 0, sizeof(*fv));
	}
	rp_classify(ev, v);
	/* A log that shows the session's connection lost was not a working session, whatever the
	 * record's few fields allow. */
	if (log->kind != RP_LOG_EVIDENCE_JSON && log->session_lost && v->cause == RP_CAUSE_CONNECTED)
	{
		v->cause = RP_CAUSE_UNDETERMINED;
		v->runner_up = RP_CAUSE_COUNT;
	}
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
	if (log_only_named(log, fv))
		return;
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
	if (log->errno_seen == ECONNRESET && !(log->has_phase && ev->attempts[0].furthest < RP_PHASE_ACTIVE))
	{
		/* A reset with no phase in the log: a middlebox, a server shedding load, or the
		 * server ending or refusing the session (aFreeRDP's log of a server that ended it is
		 * exactly this: FreeRDP/FreeRDP#6451). */
		v->cause = RP_CAUSE_UNDETERMINED;
		v->confidence = RP_CONF_LOW;
		add_candidate(fv, RP_CAUSE_FIREWALL_RESET);
		add_candidate(fv, RP_CAUSE_SERVER_OVERLOADED);
		add_candidate(fv, RP_CAUSE_SERVER_ENDED_SESSION);
		add_candidate(fv, RP_CAUSE_SERVER_DENIED);
		snprintf(v->because, sizeof(v->because), "the connection was reset, and the log does not "
		                                          "say in which phase: who reset it, and why, it "
		                                          "cannot tell");
		return;
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
	if (log->kind == RP_LOG_WINDOWS_EVENT && log->windows_reason)
	{
		windows_reason_verdict(log, fv);
		return;
	}
	if (log->session_lost && !ev->error_info &&
	    (log->errno_seen == ENETUNREACH || log->errno_seen == EHOSTUNREACH ||
	     log->errno_seen == ENETDOWN))
	{
		/* The session's connection ended because the client had no route to the server any
		 * more: its own link, or the tunnel it ran through, went away. A server or a NAT that
		 * ends a connection makes it closed or reset, not unreachable. */
		v->cause = RP_CAUSE_TUNNEL_DROP;
		v->confidence = RP_CONF_MEDIUM;
		snprintf(v->because, sizeof(v->because),
		         "the session was up and its connection ended with %s: the client's route to "
		         "the server went away (its link or its tunnel)%s",
		         strerrorname_np(log->errno_seen),
		         log->reconnects ? "; auto-reconnect tried" : "");
		return;
	}
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
		/* A TLS version or cipher neither side accepts fails the handshake the same way. */
		add_candidate(fv, RP_CAUSE_SECURITY_MISMATCH);
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
		windows_reason_verdict(log, fv);
	else if (ev->last_error && ev->last_error_name[0])
		snprintf(v->because, sizeof(v->because), "FreeRDP's last error %s alone, with no phase, "
		                                          "errno or errorInfo: it says the connection "
		                                          "failed, not why",
		         ev->last_error_name);
	else
		snprintf(v->because, sizeof(v->because), "the log holds no error the rules can read");
}

int rp_field_verdict_causes(const struct rp_field_verdict* fv, enum rp_cause* out)
{
	int n = 0;

	if (fv->v.cause == RP_CAUSE_UNDETERMINED && fv->n_candidates == 0)
		out[n++] = RP_CAUSE_UNDETERMINED;
	if (fv->v.cause != RP_CAUSE_UNDETERMINED && fv->v.cause != RP_CAUSE_CONNECTED)
		out[n++] = fv->v.cause;
	if (fv->v.runner_up != RP_CAUSE_COUNT)
		out[n++] = fv->v.runner_up;
	for (int k = 0; k < fv->n_candidates && n < RP_CAUSE_COUNT + 2; k++)
		out[n++] = fv->candidates[k];
	return n;
}
