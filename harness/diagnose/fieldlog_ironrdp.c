/* fieldlog_ironrdp.c: the words of IronRDP (Devolutions/IronRDP 18e259c), of the clients and
 * servers on it, and of Teleport's desktop access around it (gravitational/teleport
 * lib/srv/desktop, web/packages/teleport), read from their source (docs/field-reports.md has the
 * table with file and line). As in fieldlog_clients.c, each message becomes the fact FreeRDP's
 * reader records for the same event. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "errinfo.h"
#include "fieldlog.h"
#include "fieldlog_internal.h"

#define C(x) RP_CAUSE_##x
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- IronRDP (Devolutions/IronRDP 18e259c) and Teleport's desktop access ---- */

/* ironrdp-connector/src/lib.rs:54-81 and ironrdp-pdu/src/nego.rs:134-156: the two texts of
 * each RDP_NEG_FAILURE code; rdp-rs (Teleport before IronRDP) words code 5 its own way. */
static const struct
{
	const char* text;
	int code;
} ironrdp_nego[] = {
	{ "server requires Enhanced RDP Security with TLS and client certificate", 6 },
	{ "TLS certificate-based client authentication required by server", 6 },
	{ "server requires Enhanced RDP Security with CredSSP", 5 },
	{ "CredSSP enhanced RDP security required by server", 5 },
	{ "requires that the client support enhanced RDP security with CredSSP", 5 },
	{ "server requires Enhanced RDP Security with TLS or CredSSP", 1 },
	{ "enhanced RDP security required by server", 1 },
	{ "server only supports Standard RDP Security", 2 },
	{ "enhanced RDP security not allowed by server", 2 },
	{ "server lacks valid authentication certificate", 3 },
	{ "no valid TLS authentication certificate on server", 3 },
	{ "inconsistent security protocol flags", 4 },
	{ "inconsistent flags for security protocols", 4 },
};

/* Teleport's "CredSSP {kind:?}: {description}" (rdpclient client.rs, ClientError's Display):
 * sspi-rs' ErrorKind, whose variants are SSPI's SEC_E_* statuses in CamelCase (LogonDenied is
 * SEC_E_LOGON_DENIED): named back to WinPR's name, then read as any client's status. */
static bool credssp_kind(struct rp_fieldlog* log, int no, const char* line, const char* k)
{
	char name[64] = "SEC_E_";
	size_t n = strlen(name);
	const char* errc;

	if (!isupper((unsigned char)*k))
		return false;
	for (; isalnum((unsigned char)*k) && n + 2 < sizeof(name); k++)
	{
		if (isupper((unsigned char)*k) && n > 6)
			name[n++] = '_';
		name[n++] = (char)toupper((unsigned char)*k);
	}
	name[n] = '\0';
	if (*k != ':')
		return false;
	for (unsigned long v = 0x80090300UL; v <= 0x800903FFUL; v++)
	{
		const char* st = fl_status_name(v);
		if (!st || strcmp(st, name) != 0)
			continue;
		if ((errc = fl_logon_status_errconnect(st)))
		{
			fl_set_error_name(log, errc);
			fl_reach(log, RP_PHASE_NLA);
			fl_add_fact(log, no, line, "CredSSP failed with %s (sspi-rs' kind): the logon failed; "
			                           "FreeRDP says %s", st, errc);
		}
		else
			fl_sspi_fact(log, no, line, st);
		return true;
	}
	return false;
}

/* IronRDP's messages that stand for a few causes at once, and the phase they were in. */
static const struct
{
	const char* words;
	enum rp_phase phase;
	const char* says;
	enum rp_cause causes[2];
	int n;
} ironrdp_said[] = {
	/* the acceptor and ironrdp-server: a server's log of a client it could not take
	 * (ironrdp-acceptor connection.rs:516-543 and its older wording, credssp.rs:100;
	 * ironrdp-server server.rs:1234) */
	{ "security protocol mismatch", RP_PHASE_X224,
	  "the server and the client have no security protocol in common (the server's words)",
	  { C(SECURITY_MISMATCH) }, 1 },
	{ "failed to negotiate security protocol", RP_PHASE_X224,
	  "the server and the client have no security protocol in common (the server's words)",
	  { C(SECURITY_MISMATCH) }, 1 },
	{ "[Credssp server error]", RP_PHASE_NLA, "CredSSP failed on the server's side",
	  { C(BAD_CREDENTIALS), C(SECURITY_MISMATCH) }, 2 },
	/* the client broke off the TLS handshake: it refused the certificate, or the two have
	 * no TLS version or cipher in common */
	{ "Failed to TLS accept", RP_PHASE_TLS, "the server's TLS accept failed (the server's words)",
	  { C(CERTIFICATE_REJECTED), C(SECURITY_MISMATCH) }, 2 },
	/* the connector, connection.rs:1133-1137: the server asks for Standard RDP Security's
	 * encryption, which the client did not offer */
	{ "can't satisfy server security settings", RP_PHASE_MCS,
	  "the server wants Standard RDP Security's encryption, which the client does not offer",
	  { C(SECURITY_MISMATCH) }, 1 },
};

/* IronRDP's negotiation, CredSSP, licensing and the session's end. */
static bool ironrdp_refusal_line(struct rp_fieldlog* log, int no, const char* line);

bool fl_ironrdp_end_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	for (int i = 0; i < N(ironrdp_nego); i++)
		if (strcasestr(line, ironrdp_nego[i].text))
		{
			fl_nego_failure(log, no, line, ironrdp_nego[i].code, ironrdp_nego[i].text);
			return true;
		}
	if ((p = strstr(line, "client advertised ")) && strstr(p, "but server selected"))
	{
		/* connection.rs:1054: the server chose a protocol the client did not offer. */
		fl_nego_failure(log, no, line, 0, "the server selected a protocol the client did not offer");
		return true;
	}
	if ((p = strstr(line, "Terminated gracefully: ")) || (p = strstr(line, "exited gracefully with message: ")) ||
	    (p = strstr(line, "disconnected gracefully: ")))
	{
		/* active_stage.rs:712-718 and server_error_info.rs: the errorInfo's text, or the
		 * end's own words. */
		const char* d = strchr(p, ':') + 1;
		const char* b = strchr(d, ']');
		uint32_t code = rp_errinfo_from_text(b ? b + 1 : d);
		if (code != UINT32_MAX)
		{
			fl_set_errinfo(log, code);
			fl_reach(log, RP_PHASE_ACTIVE);
			fl_add_fact(log, no, line, "the server's errorInfo 0x%X (%s), by its text", code,
			            log->ev.error_info_name);
		}
		/* GracefulDisconnectReason's words (active_stage.rs:714-715), or the MCS
		 * DisconnectReason's that Teleport prints (ironrdp-pdu mcs.rs:813-821) */
		else if (strstr(d, "user initiated disconnect") || strstr(d, "user-requested disconnect"))
		{
			log->client_ended = true;
			fl_reach(log, RP_PHASE_ACTIVE);
			fl_add_fact(log, no, line, "the user ended the session");
		}
		else if (strstr(d, "server initiated disconnect") || strstr(d, "server-initiated disconnect"))
		{
			static const enum rp_cause c[] = { C(SERVER_ENDED_SESSION), C(SERVER_DENIED) };
			fl_reach(log, RP_PHASE_ACTIVE);
			fl_said(log, no, line, "the server ended the connection with no errorInfo (an MCS "
			                       "Disconnect Provider Ultimatum)", c, N(c));
		}
		return true;
	}
	if (strstr(line, "received disconnect provider ultimatum"))
	{
		static const enum rp_cause c[] = { C(SERVER_ENDED_SESSION), C(SERVER_DENIED),
			                               C(SERVER_FAULT) };
		fl_said(log, no, line, "the server ended the connection with no errorInfo (an MCS "
		                       "Disconnect Provider Ultimatum)", c, N(c));
		return true;
	}
	if (strstr(line, "[CredSSP] access denied") || strstr(line, "CredSSP] access denied"))
	{
		/* credssp.rs:199: the Early User Authorization Result said ACCESS_DENIED. */
		fl_set_error_name(log, "ERRCONNECT_ACCESS_DENIED");
		fl_reach(log, RP_PHASE_NLA);
		fl_add_fact(log, no, line, "the server's early user authorization: access denied");
		return true;
	}
	return ironrdp_refusal_line(log, no, line);
}

/* IronRDP's refusals in the sequence: a server's log of a client it could not take, the
 * client's words of an unknown negotiation code, CredSSP's kind, what came instead of Demand
 * Active, errorInfo during activation, the license exchange. */
static bool ironrdp_refusal_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	for (int i = 0; i < N(ironrdp_said); i++)
		if (strstr(line, ironrdp_said[i].words))
		{
			fl_reach(log, ironrdp_said[i].phase);
			fl_said(log, no, line, ironrdp_said[i].says, ironrdp_said[i].causes, ironrdp_said[i].n);
			return true;
		}
	if (strstr(line, "[invalid credentials]") || strcasestr(line, "credential validation rejected"))
	{
		fl_set_error_name(log, "ERRCONNECT_LOGON_FAILURE");
		fl_reach(log, RP_PHASE_NLA);
		fl_add_fact(log, no, line, "the server did not accept the client's credentials");
		return true;
	}
	if ((p = strstr(line, "unknown negotiation failure (code: ")))
	{
		/* lib.rs:80: an RDP_NEG_FAILURE code outside 1-6 */
		fl_nego_failure(log, no, line, 0, "the server's negotiation failure, with a code the "
		                               "protocol does not define");
		return true;
	}
	if ((p = strstr(line, "CredSSP ")) && credssp_kind(log, no, line, p + strlen("CredSSP ")))
		return true;
	if (strcasestr(line, "unexpected Share Control P") &&
	    (strstr(line, "ServerDemandActive") || strstr(line, "Demand Active")))
	{
		/* connection_activation.rs:124-126 (before 78effb3f, what Teleport ships) and
		 * :212-216: at the capability exchange the server sent something else than its Demand
		 * Active; with a Set Error Info PDU the errorInfo's text follows it. */
		const char* w = strstr(line, "Set Error Info PDU (");
		uint32_t code = w ? rp_errinfo_from_text(w + strlen("Set Error Info PDU (")) : UINT32_MAX;
		fl_reach(log, RP_PHASE_CAPABILITIES);
		if (code != UINT32_MAX)
		{
			fl_set_errinfo(log, code);
			fl_add_fact(log, no, line, "the server's errorInfo 0x%X (%s) instead of its Demand "
			                           "Active", code, log->ev.error_info_name);
		}
		else
		{
			/* No word of which: a refusal that would have come as errorInfo (licensing,
			 * access), a logoff at logon, or a server the client cannot follow. */
			static const enum rp_cause c[] = { C(LICENSING_FAILURE), C(SERVER_DENIED),
				                               C(SERVER_ENDED_SESSION) };
			fl_said(log, no, line, "the server sent something else than its Demand Active at the "
			                       "capability exchange, and the client did not say what", c, N(c));
		}
		return true;
	}
	if ((p = strstr(line, "server ended the session with error info: ")) ||
	    (p = strstr(line, "server returned error info: ")))
	{
		/* connection_activation.rs:205-209, connection_finalization.rs:248-252 */
		uint32_t code = rp_errinfo_from_text(strchr(p, ':') + 1);
		if (code != UINT32_MAX)
		{
			fl_set_errinfo(log, code);
			fl_reach(log, RP_PHASE_CAPABILITIES);
			fl_add_fact(log, no, line, "the server's errorInfo 0x%X (%s), by its text", code,
			            log->ev.error_info_name);
			return true;
		}
	}
	if (strstr(line, "invalid `certVersion`") || strstr(line, "Invalid certificate version") ||
	    strstr(line, "Licensing nego not implemented") || strcasestr(line, "server reject license") ||
	    strstr(line, "Unsupported or invalid X509 certificate received during license exchange"))
	{
		/* The license exchange failed: the server's licensing certificate the client cannot
		 * read (IronRDP server_license_request/mod.rs:310, license_exchange.rs:239-246; rdp-rs
		 * license.rs), a negotiation rdp-rs does not implement, a license the server refused. */
		rp_strlcpy(log->license_error, "the license exchange failed", sizeof(log->license_error));
		fl_reach(log, RP_PHASE_LICENSING);
		fl_add_fact(log, no, line, "the license exchange failed (the client's words)");
		return true;
	}
	if (strstr(line, "LicensingErrorMessage"))
	{
		const char* e = strstr(line, "error_code: ");
		snprintf(log->license_error, sizeof(log->license_error), "%.30s",
		         e ? e + strlen("error_code: ") : "licensing error message");
		log->license_error[strcspn(log->license_error, ",}")] = '\0';
		fl_reach(log, RP_PHASE_LICENSING);
		fl_add_fact(log, no, line, "the server's licensing error message");
		return true;
	}
	return false;
}

/* Teleport's own words around the RDP connection: its browser tunnel, its idle and certificate
 * timers, its desktop inventory (client.ts, DesktopSession.tsx, monitor.go, windows_server.go). */
static bool teleport_line(struct rp_fieldlog* log, int no, const char* line)
{
	static const enum rp_cause ended[] = { C(SERVER_ENDED_SESSION) };

	if (strstr(line, "connection closed with websocket error") ||
	    strstr(line, "websocket disconnected for an unknown reason"))
	{
		/* the websocket between the browser and Teleport's proxy: not the RDP connection */
		fl_add_fact(log, no, line, "the browser's websocket to Teleport closed abnormally: the "
		                           "browser's link, the proxy or the desktop service, not the RDP "
		                           "connection itself");
		return true;
	}
	if (strstr(line, "exited with an error: timed out") || strstr(line, "Connection Timed Out") ||
	    strstr(line, "Tcp(Kind(TimedOut))"))
	{
		/* rdpclient client.rs: the TCP connect, wrapped in RDP_CONNECT_TIMEOUT (5 s), gave
		 * io::ErrorKind::TimedOut ("timed out"; a newer lib.rs words it "Connection Timed
		 * Out"; rdp-rs' ConnectError Debug "Tcp(Kind(TimedOut))"): the SYN went unanswered */
		log->connect_fail_after_s = 5;
		fl_tcp_connect_failed(log, no, line, "the TCP connection timed out after Teleport's 5 s");
		return true;
	}
	if (strstr(line, "Client exceeded idle timeout of") || strstr(line, "Client reported no activity") ||
	    strstr(line, "client certificate expired at"))
	{
		fl_reach(log, RP_PHASE_ACTIVE);
		fl_said(log, no, line, "Teleport ended the session: its idle timeout, or the user's "
		                       "session certificate expired", ended, N(ended));
		return true;
	}
	if (strstr(line, "Teleport failed to find the requested desktop") ||
	    strstr(line, "Could not find desktop"))
	{
		static const enum rp_cause c[] = { C(NOT_ATTEMPTED) };
		fl_said(log, no, line, "Teleport does not know the desktop asked for: no RDP connection "
		                       "was made", c, N(c));
		return true;
	}
	return false;
}

/* IronRDP's transport: the TCP connect, the name, the TLS upgrade, a peer that closed, the
 * RDCleanPath gateway, a session whose connection failed (ironrdp-client/src/rdp.rs). */
static bool ironrdp_transport_line(struct rp_fieldlog* log, int no, const char* line)
{
	if (strstr(line, "Active session error: "))
	{
		/* rdp.rs:2161: the session was up; its connection failed (the errno follows). */
		log->session_lost = true;
		fl_reach(log, RP_PHASE_ACTIVE);
		fl_add_fact(log, no, line, "the session's connection failed");
		return false;
	}
	if (strstr(line, "[TCP connect"))
	{
		fl_tcp_connect_failed(log, no, line, "the TCP connection failed");
		return false;
	}
	if (strstr(line, "received RDCleanPath error"))
	{
		/* rdp.rs:1904: the Devolutions Gateway (or another RDCleanPath proxy) failed the
		 * connection to the server on the client's behalf. */
		static const enum rp_cause c[] = { C(BROKER_FAILURE), C(PORT_CLOSED), C(PORT_FILTERED),
			                               C(DNS_FAILURE) };
		fl_said(log, no, line, "the RDCleanPath gateway could not connect to the server", c, N(c));
		return false;
	}
	if ((strstr(line, "Connection error: ") || strstr(line, "[read frame")) &&
	    (strstr(line, "not enough bytes") || strstr(line, "unexpected end of file")))
	{
		/* framed.rs:141-200: the other end closed during the connection sequence. */
		fl_set_error_name(log, "ERRCONNECT_CONNECT_TRANSPORT_FAILED");
		fl_add_fact(log, no, line, "the connection was closed by the other end");
		return false;
	}
	if (strstr(line, "Unknown address") || strstr(line, "failed to lookup address information"))
	{
		fl_set_error_name(log, "ERRCONNECT_DNS_NAME_NOT_FOUND");
		fl_add_fact(log, no, line, "the server's name did not resolve");
		return true;
	}
	if (strstr(line, "[TLS upgrade") || strstr(line, "tls expired certificate") ||
	    strstr(line, "invalid peer certificate"))
	{
		fl_reach(log, RP_PHASE_TLS);
		if (strstr(line, "certificate"))
		{
			log->ev.cert_rejected = true;
			fl_add_fact(log, no, line, "the server's certificate was not accepted");
		}
		else
		{
			fl_set_error_name(log, "ERRCONNECT_TLS_CONNECT_FAILED");
			fl_add_fact(log, no, line, "the TLS handshake failed");
		}
		return false;
	}
	return false;
}

bool fl_ironrdp_line(struct rp_fieldlog* log, int no, const char* line)
{
	return fl_ironrdp_end_line(log, no, line) || ironrdp_transport_line(log, no, line) ||
	       teleport_line(log, no, line);
}
