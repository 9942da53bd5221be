/* fieldlog_freerdp.c: facts from a FreeRDP client's log lines, of every generation (1.x's
 * bare last-error numbers, 2.x's and 3.x's WLog layouts), and of the programs around
 * libfreerdp whose lines say the same (guacd, Remmina, hydra, rdesktop): codes, connection
 * states, the session's end, licensing, NLA, the RD Gateway, TLS alerts, the command line,
 * and the phrases of the C library and the client. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <freerdp/rail.h>

#include "errinfo.h"
#include "fieldlog.h"
#include "fieldlog_internal.h"

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

/* The run of characters from `set` at p, into dst. */
static void copy_token(char* dst, size_t n, const char* p, const char* set)
{
	snprintf(dst, n, "%.*s", (int)strspn(p, set), p);
}

#define UPPER_WORD "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789"

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

/* What a line says of the client: that it took a connection step, and its platform (errno
 * numbers differ by platform). */
static void note_client(struct rp_fieldlog* log, const char* line)
{
	if (starts_step(line))
		log->attempted = true;
	if (!log->platform && (strstr(line, "Darwin") || strstr(line, "macOS") ||
	                       strstr(line, "/Applications/") || strstr(line, ".dylib") ||
	                       strstr(line, "MacFreeRDP") || strstr(line, "FreeBSD")))
		log->platform = RP_PLAT_BSD;
	if (!log->platform && (strstr(line, "C:\\") || strstr(line, "wfreerdp") || strstr(line, ".exe")))
		log->platform = RP_PLAT_WINDOWS;
}

/* FreeRDP 1.x and 2.0: "freerdp_set_last_error 0x2000D" */
static void old_last_error(struct rp_fieldlog* log, int no, const char* line)
{
	struct rp_evidence* ev = &log->ev;
	const char* p;

	if ((p = strstr(line, "set_last_error")) && !strstr(line, "ERRCONNECT_") &&
	    !strstr(line, "ERRINFO_") && (p = strstr(p, "0x")) && !ev->last_error)
	{
		unsigned long v = strtoul(p, NULL, 16);
		if (v && rp_last_error_name((uint32_t)v))
		{
			fl_set_last_error(log, (uint32_t)v);
			fl_add_fact(log, no, line, "FreeRDP's last error %s 0x%08X", ev->last_error_name,
			            ev->last_error);
		}
	}
}

/* Licensing: connection.c's "license connection sequence aborted." follows a licensing
 * error alert whose dwStateTransition is ST_TOTAL_ABORT; STATUS_VALID_CLIENT is the
 * alert every server without licensing sends, and completes licensing. */
static void licensing_lines(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	if (strstr(line, "license connection sequence aborted") && !log->license_abort)
	{
		log->license_abort = true;
		fl_reach(log, RP_PHASE_LICENSING);
		fl_add_fact(log, no, line, "the server aborted licensing (an error alert, ST_TOTAL_ABORT)");
	}
	if ((p = strstr(line, "dwErrorCode: ")) && !strstr(p, "STATUS_VALID_CLIENT"))
	{
		snprintf(log->license_error, sizeof(log->license_error), "%.*s",
		         (int)strcspn(p + 13, ", "), p + 13);
		fl_reach(log, RP_PHASE_LICENSING);
		if (strstr(p, "ST_TOTAL_ABORT"))
			log->license_abort = true;
		fl_add_fact(log, no, line, "the server's licensing error alert %s%s", log->license_error,
		            strstr(p, "ST_TOTAL_ABORT") ? ", abort" : "");
	}
}

/* NLA statuses */
static void nla_status_line(struct rp_fieldlog* log, int no, const char* line)
{
	struct rp_evidence* ev = &log->ev;
	const char* errc = NULL;
	const char* status = fl_logon_status_in(line, &errc);

	if (status)
	{
		uint32_t e = rp_last_error_from_name(errc);
		if (e != UINT32_MAX && (!ev->last_error || ev->last_error == 0x00020009 ||
		                        ev->last_error == 0x0002000D))
			fl_set_last_error(log, e);
		fl_reach(log, RP_PHASE_NLA);
		fl_add_fact(log, no, line, "NLA's status %s", status);
	}
}

/* RD Gateway: its HTTP answers and TSG/RPC errors (gateway/http.c, tsg.c, rpc_fault.c). */
static void gateway_lines(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

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
			fl_add_fact(log, no, line, "the RD Gateway answered HTTP %d", log->http_status);
		}
	}
	if ((p = strstr(line, "E_PROXY_")) && !log->gateway_error[0])
	{
		copy_token(log->gateway_error, sizeof(log->gateway_error), p, UPPER_WORD);
		log->gateway = true;
		fl_add_fact(log, no, line, "the RD Gateway's error %s", log->gateway_error);
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
		fl_add_fact(log, no, line, "the RD Gateway's channel error %s", log->gateway_error);
	}
	/* The gateway's RPC faults (rpc_fault.c: "RPC Fault PDU: status=NAME") */
	if ((p = strstr(line, "RPC Fault PDU: status=")) && !log->gateway_error[0])
	{
		p += strlen("RPC Fault PDU: status=");
		copy_token(log->gateway_error, sizeof(log->gateway_error), p,
		           UPPER_WORD "abcdefghijklmnopqrstuvwxyz");
		log->gateway = true;
		fl_add_fact(log, no, line, "the RD Gateway answered with an RPC fault %s",
		            log->gateway_error);
	}
}

/* A TLS alert from the server (transport.c): "ACCESS DENIED" is access_denied during NLA;
 * others are printed as "Unhandled SSL error (where=N, ret=N [fatal, NAME])". */
static void tls_alert_lines(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	if ((strstr(line, "ACCESS DENIED") || strstr(line, "alert access denied")) && !log->tls_alert[0])
	{
		rp_strlcpy(log->tls_alert, "access denied", sizeof(log->tls_alert));
		fl_add_fact(log, no, line, "the server sent a TLS access-denied alert");
	}
	if ((p = strstr(line, "Unhandled SSL error")) && (p = strchr(p, '[')) && !log->tls_alert[0])
	{
		snprintf(log->tls_alert, sizeof(log->tls_alert), "%.*s", (int)strcspn(p + 1, "]"), p + 1);
		fl_reach(log, RP_PHASE_TLS);
		fl_add_fact(log, no, line, "the server sent a TLS alert (%s)", log->tls_alert);
	}
}

/* A last error printed by a program around libfreerdp as a bare number ("rdp reported
 * 00020008", hydra): eight hex digits of class 1 or 2 that FreeRDP names. */
static void bare_last_error(struct rp_fieldlog* log, int no, const char* line)
{
	struct rp_evidence* ev = &log->ev;

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
				fl_set_last_error(log, (uint32_t)v);
				fl_add_fact(log, no, line, "FreeRDP's last error %s 0x%08lX, as a bare number",
				            ev->last_error_name, v);
				break;
			}
		}
}

/* How a client says its attempt ended, in the words of rdesktop, of FreeRDP 1.x/2.0 and
 * 2.x, and of an authentication-only run. */
static void end_words(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	/* rdesktop's words for a licensing error alert */
	if ((p = strstr(line, "License error alert from server: ")) && !log->license_error[0])
	{
		snprintf(log->license_error, sizeof(log->license_error), "%s",
		         p + strlen("License error alert from server: "));
		fl_reach(log, RP_PHASE_LICENSING);
		fl_add_fact(log, no, line, "the server's licensing error alert (%s)", log->license_error);
	}
	/* FreeRDP 1.x/2.0's words for any failed NLA (nla.c), after a refused certificate too. */
	if (strstr(line, "Authentication failure, check credentials") && !log->nla_failed)
	{
		log->nla_failed = true;
		fl_add_fact(log, no, line, "NLA (CredSSP) failed, in FreeRDP's generic words");
	}
	if (strstr(line, "Authentication only, exit status 0"))
	{
		log->auth_only_ok = true;
		fl_add_fact(log, no, line, "the client's authentication-only run succeeded (+auth-only)");
	}
	/* FreeRDP 2.x's freerdp_tcp_connect: "failed to connect to HOST" (the TCP connect itself;
	 * 2.x then reports the negotiation as failed too: a consequence). */
	if (strstr(line, "failed to connect to ") && !log->tcp_connect_failed)
	{
		log->tcp_connect_failed = true;
		log->connect_fail_after_s = log->connect_fail_after_s >= 0
		                                ? log->connect_fail_after_s
		                                : elapsed(log->t_connect_start, stamp_seconds(line));
		fl_add_fact(log, no, line, "the TCP connection to the server failed");
	}
}

/* The command line (winpr's CommandLineParseArgumentsA, the client's usage text). */
static void command_line(struct rp_fieldlog* log, int no, const char* line)
{
	if ((strstr(line, "Failed at index ") && strstr(line, "]: ")) ||
	    strstr(line, "Usage: ") || strstr(line, "unknown protocol security") ||
	    strstr(line, "Failed to read command line options") ||
	    (strstr(line, "com.freerdp.client.common.cmdline") && strstr(line, "[ERROR]")) ||
	    strstr(line, "Unexpected keyword") || strstr(line, "[file] [options]") ||
	    strstr(line, "Support for protocol \"rdp\" is not installed"))
	{
		if (!log->usage_error)
			fl_add_fact(log, no, line, "the client's command line was not accepted");
		log->usage_error = true;
	}
}

/* What a line says besides codes, states and phrases: one step a family, in this order (the
 * facts come out in it). */
static void parse_more(struct rp_fieldlog* log, int no, const char* line)
{
	note_client(log, line);
	old_last_error(log, no, line);
	licensing_lines(log, no, line);
	nla_status_line(log, no, line);
	gateway_lines(log, no, line);
	tls_alert_lines(log, no, line);
	bare_last_error(log, no, line);
	end_words(log, no, line);
	command_line(log, no, line);
}

/* Where the steps begin (debug level), for the time to their failure. */
static void step_times(struct rp_fieldlog* log, int no, const char* line)
{
	int t = stamp_seconds(line);

	if (strstr(line, "connecting to peer") || strstr(line, "freerdp_tcp_connect"))
		log->t_connect_start = log->t_connect_start >= 0 ? log->t_connect_start : t;
	if (strstr(line, "nego_security_connect") || strstr(line, "Negotiated ["))
		log->t_tls_start = t;
	if (strstr(line, "ERRCONNECT_TLS_CONNECT_FAILED") && log->tls_fail_after_s < 0 &&
	    (log->tls_fail_after_s = elapsed(log->t_tls_start, t)) >= 0)
		fl_add_fact(log, no, line, "TLS failed %d s after it started", log->tls_fail_after_s);
	if (strstr(line, "ERRCONNECT_CONNECT_FAILED") && log->connect_fail_after_s < 0 &&
	    (log->connect_fail_after_s = elapsed(log->t_connect_start, t)) >= 0)
		fl_add_fact(log, no, line, "the TCP connect failed %d s after it started",
		            log->connect_fail_after_s);
}

static void code_lines(struct rp_fieldlog* log, int no, const char* line)
{
	struct rp_evidence* ev = &log->ev;
	const char* p;
	char name[96];
	unsigned long v;

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
		fl_add_fact(log, no, line, "the client ended the session after it was active");
	}
	else if ((p = strstr(line, "ERRCONNECT_")) && code_or_name(p, name, sizeof(name), &v, false))
	{
		ev->last_error = v < 0x10000 ? (uint32_t)(0x00020000u | v) : (uint32_t)v;
		rp_strlcpy(ev->last_error_name, name, sizeof(ev->last_error_name));
		fl_add_fact(log, no, line, "FreeRDP's last error %s 0x%08X", name, ev->last_error);
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
		fl_add_fact(log, no, line, "the server's errorInfo %s 0x%X", name, ev->error_info);
	}
}

/* The session's end as FreeRDP's client loop logs it (client/common/client.c). */
static void session_end_lines(struct rp_fieldlog* log, int no, const char* line)
{
	if (strstr(line, "Network disconnect!") && !log->session_lost && log->client_ended)
	{
		/* xfreerdp logs it on its way out after the user (or a signal) ended the session
		 * too (seen in the lab's xfreerdp-baseline): a consequence then, not a drop. */
	}
	else if (strstr(line, "Network disconnect!") && !log->session_lost)
	{
		log->session_lost = true;
		fl_reach(log, RP_PHASE_ACTIVE);
		fl_add_fact(log, no, line, "the connection dropped after the session was up (FreeRDP's "
		                           "\"Network disconnect!\")");
	}
	if ((strstr(line, "Closed from X11") || strstr(line, "User Disconnect")) && !log->session_lost)
	{
		/* xf_client.c's main loop: the user closed the window (or its input queue ended). */
		log->client_ended = true;
		fl_reach(log, RP_PHASE_ACTIVE);
		fl_add_fact(log, no, line, "the user closed the client's window");
	}
	if (strstr(line, "Attempting reconnect ("))
	{
		log->reconnects++;
		log->session_lost = true;
		fl_reach(log, RP_PHASE_ACTIVE);
		if (log->reconnects == 1)
			fl_add_fact(log, no, line, "FreeRDP's auto-reconnect tried again");
	}
	if (strstr(line, "Maximum reconnect retries exceeded"))
	{
		log->reconnect_gave_up = true;
		fl_add_fact(log, no, line, "auto-reconnect gave up after %d tries", log->reconnects);
	}
}

/* RemoteApp: the server's Execute Result (MS-RDPERP 2.2.2.8.1) that ends the session when it
 * is no success; FreeRDP's clients log "RAIL exec error: execResult=NAME NtError=0x.." (xf_rail.c,
 * wlf, sdl: by name) or "execResult=0x0003 rawResult=..." (sdl3: by number, freerdp/rail.h). */
static void rail_lines(struct rp_fieldlog* log, int no, const char* line)
{
	static const struct
	{
		const char* name;
		unsigned code;
	} results[] = {
		{ "RAIL_EXEC_E_HOOK_NOT_LOADED", RAIL_EXEC_E_HOOK_NOT_LOADED },
		{ "RAIL_EXEC_E_DECODE_FAILED", RAIL_EXEC_E_DECODE_FAILED },
		{ "RAIL_EXEC_E_NOT_IN_ALLOWLIST", RAIL_EXEC_E_NOT_IN_ALLOWLIST },
		{ "RAIL_EXEC_E_FILE_NOT_FOUND", RAIL_EXEC_E_FILE_NOT_FOUND },
		{ "RAIL_EXEC_E_FAIL", RAIL_EXEC_E_FAIL },
		{ "RAIL_EXEC_E_SESSION_LOCKED", RAIL_EXEC_E_SESSION_LOCKED },
	};
	const char* p = strstr(line, "RAIL exec error: execResult=");
	unsigned code = 0xFFFF;
	const char* name = NULL;

	if (!p)
		return;
	p += strlen("RAIL exec error: execResult=");
	if (p[0] == '0' && p[1] == 'x')
		code = (unsigned)strtoul(p, NULL, 16);
	for (size_t i = 0; i < sizeof(results) / sizeof(results[0]); i++)
		if (strncmp(p, results[i].name, strlen(results[i].name)) == 0 || results[i].code == code)
		{
			code = results[i].code;
			name = results[i].name;
		}
	fl_reach(log, RP_PHASE_ACTIVE);
	if (code == RAIL_EXEC_E_NOT_IN_ALLOWLIST)
	{
		static const enum rp_cause c[] = { RP_CAUSE_SERVER_DENIED };
		fl_said(log, no, line, "the server refused to start the RemoteApp program: it is not in "
		                       "the server's allow list (RAIL_EXEC_E_NOT_IN_ALLOWLIST)", c, 1);
	}
	else if (code == RAIL_EXEC_E_HOOK_NOT_LOADED || code == RAIL_EXEC_E_FAIL)
	{
		static const enum rp_cause c[] = { RP_CAUSE_SERVER_FAULT };
		fl_said(log, no, line, "the server could not start the RemoteApp program (its shell "
		                       "hook, or its own failure)", c, 1);
	}
	else
		fl_add_fact(log, no, line, "the server did not start the RemoteApp program (%s)",
		            name ? name : "an execute result this does not know");
}


/* The client's channels (FreeRDP's channels/ directory names, the protocol each speaks). */
static const struct
{
	const char* name;
	const char* what;
} channels[] = {
	{ "rdpgfx", "MS-RDPEGFX, graphics" },
	{ "drdynvc", "MS-RDPEDYC, dynamic channels" },
	{ "dvcman", "MS-RDPEDYC, dynamic channels" },
	{ "cliprdr", "MS-RDPECLIP, clipboard" },
	{ "rdpdr", "MS-RDPEFS, devices" },
	{ "drive", "MS-RDPEFS, devices" },
	{ "printer", "MS-RDPEFS, devices" },
	{ "serial", "MS-RDPEFS, devices" },
	{ "parallel", "MS-RDPEFS, devices" },
	{ "irp", "MS-RDPEFS, devices" },
	{ "smartcard", "MS-RDPESC, smart cards" },
	{ "rail", "MS-RDPERP, RemoteApp" },
	{ "rdpsnd", "MS-RDPEA, audio" },
	{ "audin", "MS-RDPEAI, audio input" },
	{ "disp", "MS-RDPEDISP, display" },
	{ "rdpei", "MS-RDPEI, touch" },
	{ "encomsp", "MS-RDPEMC, multiparty" },
	{ "remdesk", "MS-RA, remote assistance" },
	{ "tsmf", "MS-RDPEV, video" },
	{ "video", "MS-RDPEVOR, video" },
	{ "geometry", "MS-RDPEGT, geometry" },
	{ "echo", "MS-RDPEECO, echo" },
	{ "location", "MS-RDPEL, location" },
	{ "rdpecam", "MS-RDPECAM, camera" },
};

static const char* channel_what(const char* name)
{
	for (size_t i = 0; i < sizeof(channels) / sizeof(channels[0]); i++)
		if (strcmp(name, channels[i].name) == 0)
			return channels[i].what;
	return NULL;
}

/* A channel's failure. FreeRDP ends the session when a channel reports an error (freerdp.c
 * checkChannelErrorEvent, 2.x and 3.x: "<function> reported an error. Error was N", N a Win32
 * error or a CHANNEL_RC_ code, which share 0-20); before it, the channel's own ERROR line
 * ("[ERROR][com.freerdp.channels.NAME.client] - ..."). What ended the session then is the
 * client's channel, not the network. */
static void channel_lines(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p = strstr(line, " reported an error. Error was ");
	const char* t = strstr(line, "com.freerdp.channels.");

	if (p && !log->channel_failed[0])
	{
		const char* f = p;
		char fn[64], code[64] = "";
		unsigned long n = strtoul(p + strlen(" reported an error. Error was "), NULL, 10);
		const char* what;
		while (f > line && !strchr(" ]:", f[-1]))
			f--;
		snprintf(fn, sizeof(fn), "%.*s", (int)strcspn(f, " "), f);
		snprintf(log->channel_failed, sizeof(log->channel_failed), "%.*s", (int)strcspn(fn, "_"), fn);
		log->channel_error = n;
		log->channel_line = no;
		what = channel_what(log->channel_failed);
		if (n > 20 && n <= 0xFFFF && fl_status_name(0x80070000UL | n))
			snprintf(code, sizeof(code), " %s", fl_status_name(0x80070000UL | n));
		fl_reach(log, RP_PHASE_ACTIVE);
		fl_add_fact(log, no, line, "the client ended the session for its %s channel (%s): error "
		                           "%lu%s",
		            log->channel_failed, what ? what : fn, n, code);
		return;
	}
	/* The first ERROR of what carries the screen and the channels: a channel, a codec
	 * (com.freerdp.codec.h264, .progressive, ...), the drawing (com.freerdp.gdi). */
	if (!t)
		t = strstr(line, "com.freerdp.codec");
	if (!t)
		t = strstr(line, "com.freerdp.gdi");
	if (t && !log->channel_logged && strstr(line, "[ERROR]"))
	{
		char name[32];
		const char* msg = strstr(t, "] - ");
		msg = msg ? msg + 4 : t;
		log->channel_logged = true;
		if (strncmp(t, "com.freerdp.channels.", 21) == 0)
		{
			const char* what;
			snprintf(name, sizeof(name), "%.*s", (int)strcspn(t + 21, ".]"), t + 21);
			what = channel_what(name);
			fl_add_fact(log, no, line, "the client's %s channel (%s) logged an error: %s", name,
			            what ? what : "FreeRDP's", msg);
		}
		else
		{
			snprintf(name, sizeof(name), "%.*s", (int)strcspn(t + 12, "]"), t + 12);
			fl_add_fact(log, no, line, "the client's %s logged an error: %s", name, msg);
		}
	}
}

/* Connection states (debug level): the furthest named. */
static void state_lines(struct rp_fieldlog* log, int no, const char* line)
{
	struct rp_evidence* ev = &log->ev;

	for (const char* s = strstr(line, "CONNECTION_STATE_"); s; s = strstr(s + 1, "CONNECTION_STATE_"))
		for (size_t i = 0; i < sizeof(state_phases) / sizeof(state_phases[0]); i++)
			if (strncmp(s, state_phases[i].prefix, strlen(state_phases[i].prefix)) == 0)
			{
				enum rp_phase before = ev->attempts[0].furthest;
				fl_reach(log, state_phases[i].phase);
				if (ev->attempts[0].furthest != before)
					fl_add_fact(log, no, line, "reached phase %s",
					            rp_phase_name(state_phases[i].phase));
				break;
			}
}

/* The phrases FreeRDP and the C library print (phrases[]): what each says. */
static void phrase_lines(struct rp_fieldlog* log, int no, const char* line)
{
	struct rp_evidence* ev = &log->ev;

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
				fl_reach(log, RP_PHASE_TLS);
				break;
			case H_DNS:
				if (!ev->last_error)
					fl_set_last_error(log, 0x00020005); /* ERRCONNECT_DNS_NAME_NOT_FOUND */
				break;
			case H_ACTIVATION:
				if (!ev->last_error)
					fl_set_last_error(log, 0x0002001C); /* ERRCONNECT_ACTIVATION_TIMEOUT */
				break;
			case H_NEGO:
				/* The server's own negotiation failure code names the mismatch; FreeRDP's
				 * "Protocol Security Negotiation Failure" alone follows any failure at X.224,
				 * a TCP connect or a gateway's refusal included (FreeRDP 2.x). */
				if (strstr(phrases[i].words, "_SERVER") || strstr(phrases[i].words, "FLAGS"))
					log->nego_code = true;
				if (!ev->last_error)
					fl_set_last_error(log, 0x0002000C); /* SECURITY_NEGO_CONNECT_FAILED */
				fl_reach(log, RP_PHASE_X224);
				break;
			case H_CERT:
				ev->cert_rejected = true;
				fl_reach(log, RP_PHASE_TLS);
				break;
			case H_TLS:
				if (!strstr(line, "DEBUG") || strstr(line, "ERROR") || strstr(line, "fail"))
					fl_reach(log, RP_PHASE_TLS);
				continue; /* a hint only: no fact line of its own */
			case H_NLA:
				if (strstr(line, "ERROR") || strstr(line, "fail"))
					fl_reach(log, RP_PHASE_NLA);
				continue;
			case H_LICENSE:
				/* Not FreeRDP's warning about an empty BB_ERROR_BLOB, which every server
				 * without licensing causes. */
				if ((strstr(line, "ERROR") || strstr(line, "rror")) && !strstr(line, "BB_ERROR_BLOB"))
				{
					fl_reach(log, RP_PHASE_LICENSING);
					fl_add_fact(log, no, line, "an error in licensing");
				}
				continue;
		}
		fl_add_fact(log, no, line, "%s", phrases[i].says);
	}
}

void fl_parse_freerdp_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	step_times(log, no, line);
	code_lines(log, no, line);
	session_end_lines(log, no, line);
	rail_lines(log, no, line);
	channel_lines(log, no, line);
	/* A system error under TLS or the transport: "BIO_read returned a system error 104: ..." */
	if ((p = strstr(line, "returned a system error ")))
		fl_system_error(log, no, line, p + strlen("returned a system error "));
	parse_more(log, no, line);
	state_lines(log, no, line);
	phrase_lines(log, no, line);
}
