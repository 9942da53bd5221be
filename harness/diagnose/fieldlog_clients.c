/* fieldlog_clients.c: the words of clients other than FreeRDP, read from each one's source
 * (docs/field-reports.md has the table, with the file and line each message comes from):
 * rdesktop, IronRDP and the programs on it (Teleport's desktop access, the Rust viewers),
 * Apache Guacamole's guacd and web application, node-rdpjs and the Go clients built on its
 * design. Each reader turns a message into the facts FreeRDP's reader records for the same
 * event (an errorInfo code, a FreeRDP last error, a phase, an errno): the same rules then
 * decide. A message that stands for several codes at once records the causes they name. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "errinfo.h"
#include "fieldlog.h"
#include "fieldlog_internal.h"

#define C(x) RP_CAUSE_##x
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

void fl_said(struct rp_fieldlog* log, int no, const char* line, const char* what,
             const enum rp_cause* causes, int n)
{
	if (log->n_said)
		return; /* the first such message is the one that ended it */
	for (int i = 0; i < n && i < N(log->said); i++)
		log->said[log->n_said++] = causes[i];
	log->said_line = no;
	snprintf(log->said_what, sizeof(log->said_what), "%s", what);
	fl_add_fact(log, no, line, "%s", what);
}

void fl_set_error_name(struct rp_fieldlog* log, const char* name)
{
	uint32_t e = rp_last_error_from_name(name);
	if (e != UINT32_MAX && !log->ev.last_error)
		fl_set_last_error(log, e);
}

void fl_set_errinfo(struct rp_fieldlog* log, uint32_t code)
{
	const char* nm = rp_errinfo_name(code);
	log->ev.error_info = code;
	rp_strlcpy(log->ev.error_info_name, nm ? nm : "", sizeof(log->ev.error_info_name));
}

void fl_tcp_connect_failed(struct rp_fieldlog* log, int no, const char* line, const char* fact)
{
	log->tcp_connect_failed = true;
	log->attempted = true;
	fl_set_error_name(log, "ERRCONNECT_CONNECT_FAILED");
	fl_add_fact(log, no, line, "%s", fact);
}

/* ---- which client ----
 * Each family by the marks its own logger prints (src-tables: rdesktop utils.c:403
 * "Subject(level): "; IronRDP's "Connection error: [context" and crate paths; guacd's
 * "guacd[pid]: LEVEL:"; Guacamole's Java classes; node-rdpjs's "[node-rdpjs]"). */
static const struct
{
	const char* mark;
	const char* family;
} marks[] = {
	/* tp4a's Teleport, the bastion (fieldlog_frontends.c): its core service, its assistant,
	 * its "remote connection failed:" */
	{ "teleport\u6838\u5fc3\u670d\u52a1", "tp4a Teleport" },
	{ "teleport\u52a9\u624b", "tp4a Teleport" },
	{ "TELEPORT\u52a9\u624b", "tp4a Teleport" },
	{ "tp_core", "tp4a Teleport" },
	{ "tp-assist", "tp4a Teleport" },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u5931\u8d25\uff1a", "tp4a Teleport" },
	{ "[node-rdpjs]", "node-rdpjs" },
	{ "NODE_RDP_", "node-rdpjs" },
	{ "RDP client exited", "Teleport" },
	{ "rdp_client]", "Teleport" },
	{ "Rdp(RdpError", "Teleport" },
	{ "ironrdp", "IronRDP" },
	{ "IronRDP", "IronRDP" },
	{ "ConnectorError", "IronRDP" },
	{ "Connection error: [", "IronRDP" },
	{ "kind: Reason(", "IronRDP" }, /* ironrdp_error::Error's Debug form */
	{ "Terminated gracefully: ", "IronRDP" },
	{ "RDCleanPath", "IronRDP" },
	{ "Active session error: [", "IronRDP" },
	{ "org.apache.guacamole", "Guacamole web app" },
	{ " o.a.g.", "Guacamole web app" },
	{ "GuacamoleWebSocketTunnelEndpoint", "Guacamole web app" },
	{ "Core(error): ", "rdesktop" },
	{ "Core(warning): ", "rdesktop" },
	{ "Protocol(error): ", "rdesktop" },
	{ "Protocol(warning): ", "rdesktop" },
	{ "rdesktop", "rdesktop" },
	{ "Autoselecting keyboard map", "rdesktop" }, /* rdesktop.c's notice */
	{ "Autoselected keyboard map", "rdesktop" },  /* 1.8.x's (rdesktop.c:1058) */
	{ "RDP client disconnected gracefully", "Teleport" }, /* rdpclient main.rs */
	/* Teleport's web UI (web/packages/teleport lib/tdp/client.ts, DesktopSession.tsx) and its
	 * desktop service (lib/srv/desktop/windows_server.go, lib/srv/monitor.go) */
	{ "connection closed with websocket error", "Teleport" },
	{ "websocket disconnected for an unknown reason", "Teleport" },
	{ "Client exceeded idle timeout of", "Teleport" },
	{ "Teleport failed to find the requested desktop", "Teleport" },
	{ "Failed to connect, ", "rdesktop" },         /* iso.c:340 */
};

void fl_client_family(struct rp_fieldlog* log, const char* text)
{
	/* FreeRDP's own WLog lines make it FreeRDP's log, whatever words its lines quote (a
	 * command line naming rdesktop, a user's note); guacd and Remmina wrap FreeRDP's. */
	bool freerdp = strstr(text, "][com.freerdp") || strstr(text, "][com.winpr");

	for (int i = 0; i < N(marks) && !freerdp; i++)
		if (strstr(text, marks[i].mark))
		{
			rp_strlcpy(log->family, marks[i].family, sizeof(log->family));
			return;
		}
	if (strstr(text, "guacd[") || strstr(text, "guacd:"))
		rp_strlcpy(log->family, "guacd", sizeof(log->family));
}

/* ---- rdesktop (rdesktop/rdesktop 4716f1e) ---- */

/* handle_disconnect_reason(), rdesktop.c:272-491: "disconnect: TEXT." for each errorInfo. */
static const struct
{
	const char* text;
	uint32_t code;
} rdesktop_reasons[] = {
	{ "Administrator initiated disconnect", 0x1 },
	{ "Administrator initiated logout", 0x2 },
	{ "Server idle session time limit reached", 0x3 },
	{ "Server active session time limit reached", 0x4 },
	{ "The session was replaced", 0x5 },
	{ "The server is out of memory", 0x6 },
	{ "The server denied the connection for security reasons", 0x8 },
	{ "The server denied the connection for security reason", 0x8 }, /* 1.8.x: rdesktop.c:327 */
	{ "The server denied the connection", 0x7 },
	{ "The user cannot connect to the server due to insufficient access privileges", 0x9 },
	{ "The server does not accept saved user credentials", 0xA },
	{ "Disconnect initiated by user", 0xB },
	{ "Logout initiated by user", 0xC },
	{ "Internal licensing error", 0x100 },
	{ "No license server available", 0x101 },
	{ "No valid license available", 0x102 },
	{ "Invalid licensing message from client", 0x103 },
	{ "The client license has been modified", 0x104 },
	{ "The client license is in an invalid format", 0x105 },
	{ "Network error during licensing protocol", 0x106 },
	{ "Licensing protocol was not completed", 0x107 },
	{ "Incorrect client license encryption", 0x108 },
	{ "Can't upgrade or renew license", 0x109 },
	/* 1.8.x's own words (v1.8.3 b793a87e, rdesktop.c:284-418), where HEAD's differ; its
	 * "Disconnect initiated by user" stands for 0xC there, read as HEAD's 0xB above: both are
	 * a session its own side ended */
	{ "Server initiated disconnect", 0x1 },
	{ "Server initiated logoff", 0x2 },
	{ "Server idle timeout reached", 0x3 },
	{ "Server logon timeout reached", 0x4 },
	{ "Disconnect initiated by administration tool", 0xB },
	{ "Invalid licensing message", 0x103 },
	{ "Hardware id doesn't match software license", 0x104 },
	{ "Client license error", 0x105 },
	{ "Can't upgrade license", 0x109 },
	{ "The server is not licensed to accept remote connections", 0x10A },
	{ "The target endpoint chosen by the broker could not be found", 0x400 },
	{ "The target endpoint is disconnecting from the broker", 0x402 },
	{ "Error occurred while being redirected by broker", 0x404 },
	{ "Error while the endpoint VM was being awakened by the broker", 0x405 },
	{ "Error while the endpoint VM was being started by the broker", 0x406 },
	{ "The IP address of the endpoint VM could not be determined by the broker", 0x407 },
	{ "No available endpoints in the connection broker pool", 0x408 },
	{ "Connection processing cancelled by the broker", 0x409 },
	{ "The connection settings could not be validated by the broker", 0x410 },
	{ "Timeout while the endpoint VM was being started by the broker", 0x411 },
	{ "Session monitoring error while the endpoint VM was being started by the broker", 0x412 },
	{ "The server can only host Remote Applications", 0x10F3 },
	{ "Update of session keys failed", 0x1191 },
	{ "Decryption or session key creation failed", 0x1192 },
	{ "Encryption failed", 0x1193 },
};

/* iso.c:296-321: "Failed to connect, REASON." for the server's RDP_NEG_FAILURE code. */
static const struct
{
	const char* text;
	int code;
} rdesktop_nego[] = {
	{ "SSL with user authentication required by server", 6 },
	{ "SSL not allowed by server", 2 },
	{ "no valid authentication certificate on server", 3 },
	{ "inconsistent negotiation flags", 4 },
	{ "SSL required by server", 1 },
	{ "CredSSP required by server", 5 },
};

void fl_nego_failure(struct rp_fieldlog* log, int no, const char* line, int code,
                     const char* said)
{
	log->nego_code = true;
	if (!log->ev.last_error || log->ev.last_error == 0x0002000D)
		fl_set_last_error(log, 0x0002000C); /* ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED */
	fl_reach(log, RP_PHASE_X224);
	if (code)
		fl_add_fact(log, no, line, "the server's negotiation failure code %d (%s), in %s's words",
		            code, said, log->family[0] ? log->family : "the client");
	else
		fl_add_fact(log, no, line, "the security negotiation failed: %s", said);
}

/* rdesktop's disconnect reasons and negotiation failures (rdesktop.c, iso.c). */
static bool rdesktop_end_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	if ((p = strstr(line, "disconnect: ")))
	{
		p += strlen("disconnect: ");
		for (int i = 0; i < N(rdesktop_reasons); i++)
			if (strncmp(p, rdesktop_reasons[i].text, strlen(rdesktop_reasons[i].text)) == 0)
			{
				fl_set_errinfo(log, rdesktop_reasons[i].code);
				fl_add_fact(log, no, line, "the server's errorInfo 0x%X (%s), in rdesktop's words",
				            rdesktop_reasons[i].code, log->ev.error_info_name);
				return true;
			}
		if (strncmp(p, "Unknown reason", 14) == 0)
		{
			/* 0xFFFF, "unset": the connection ended with no errorInfo at all (rdesktop.c:478). */
			fl_add_fact(log, no, line, "the connection ended with no errorInfo from the server "
			                           "(rdesktop's \"Unknown reason\")");
			return true;
		}
	}
	if ((p = strstr(line, "Internal protocol error: ")))
	{
		unsigned long c = strtoul(p + strlen("Internal protocol error: "), NULL, 16);
		if (c >= 0x1000 && c < 0x8000)
		{
			fl_set_errinfo(log, (uint32_t)c);
			fl_add_fact(log, no, line, "the server's errorInfo 0x%lX, a protocol error", c);
		}
		return true;
	}
	if ((p = strstr(line, "Failed to connect, ")))
	{
		for (int i = 0; i < N(rdesktop_nego); i++)
			if (strstr(p, rdesktop_nego[i].text))
			{
				fl_nego_failure(log, no, line, rdesktop_nego[i].code, rdesktop_nego[i].text);
				return true;
			}
	}
	if (strstr(line, "Protocol negotiation failed with reason: "))
	{
		/* iso.c:331: rdesktop retries with RDP security ("Retrying with plain RDP."): a fact,
		 * not the end. */
		fl_reach(log, RP_PHASE_X224);
		fl_add_fact(log, no, line, "the server refused rdesktop's first security protocol; "
		                           "rdesktop retried with RDP security");
		return true;
	}
	return false;
}

/* rdesktop 1.8.x's own words (v1.8.3 b793a87e) where HEAD's differ: a negotiation it retries,
 * TLS closed, recv() returning 0, the MCS refusal. */
static bool rdesktop18_line(struct rp_fieldlog* log, int no, const char* line)
{
	if (strstr(line, "Failed to negotiate protocol, retrying with plain RDP"))
	{
		/* 1.8.x iso.c:291-292: the server's RDP_NEG_FAILURE 2 or 3 (TLS not allowed, no
		 * certificate on the server), code unsaid; rdesktop goes on with Standard RDP
		 * Security, so this is not where it ended */
		fl_reach(log, RP_PHASE_X224);
		fl_add_fact(log, no, line, "the server refused TLS (its negotiation failure 2 or 3); "
		                           "rdesktop retried with Standard RDP Security");
		return true;
	}
	if (strstr(line, "Remote peer initiated ssl shutdown") ||
	    (strstr(line, "ERROR: Connection closed") && !strstr(line, "by peer")))
	{
		/* 1.8.x tcp.c:245 (TLS close_notify) and :284 (recv() returned 0) */
		fl_set_error_name(log, "ERRCONNECT_CONNECT_TRANSPORT_FAILED");
		fl_add_fact(log, no, line, "the connection was closed by the other end");
		return true;
	}
	if (strstr(line, "ERROR: MCS connect: "))
	{
		/* 1.8.x mcs.c:103: the MCS Connect-Response's result was not rt-successful */
		static const enum rp_cause c[] = { C(SERVER_DENIED), C(SECURITY_MISMATCH) };
		fl_reach(log, RP_PHASE_MCS);
		fl_said(log, no, line, "the server refused the MCS connection (its Connect-Response's "
		                       "result)", c, N(c));
		return true;
	}
	return false;
}

/* rdesktop's transport, TLS, licensing and session loop (tcp.c, utils.c, licence.c,
 * rdesktop.c). */
static bool rdesktop_transport_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	if (strstr(line, "getaddrinfo() failed") || strstr(line, "unable to resolve host"))
	{
		fl_set_error_name(log, "ERRCONNECT_DNS_NAME_NOT_FOUND");
		fl_add_fact(log, no, line, "the server's name did not resolve");
		return true;
	}
	if (strstr(line, "tcp_connect(), unable to connect to") ||
	    strstr(line, "tcp_connect(), connect() failed") || strstr(line, "ERROR: connect: ") ||
	    strstr(line, ": unable to connect"))
	{
		/* tcp.c:614 (the default IPv6 build) names no errno: refused and timed out alike;
		 * 1.8.x's words: tcp.c:493 (the IPv4 build, strerror follows) and :462 (IPv6). */
		log->connect_errno_unsaid =
		    !strstr(line, "connect() failed: ") && !strstr(line, "ERROR: connect: ");
		fl_tcp_connect_failed(log, no, line, log->connect_errno_unsaid
		                                         ? "the TCP connection failed (rdesktop names no errno)"
		                                         : "the TCP connection failed");
		return false; /* its errno, where it says one, is FreeRDP's reader's phrase */
	}
	if (rdesktop18_line(log, no, line))
		return true;
	if (strstr(line, "connection closed by peer"))
	{
		/* tcp.c:257: recv() returned 0: the server (or a middlebox) closed the connection. */
		fl_set_error_name(log, "ERRCONNECT_CONNECT_TRANSPORT_FAILED");
		fl_add_fact(log, no, line, "the connection was closed by the other end (FIN)");
		return true;
	}
	if (strstr(line, "tcp_send(), ") || strstr(line, "tcp_recv(), "))
	{
		fl_set_error_name(log, "ERRCONNECT_CONNECT_TRANSPORT_FAILED");
		fl_add_fact(log, no, line, "a read or write on the connection failed");
		return false;
	}
	if (strstr(line, "Certificate error during TLS handshake") ||
	    strstr(line, "public key mismatch, cannot guarantee integrity"))
	{
		log->ev.cert_rejected = true;
		fl_reach(log, RP_PHASE_TLS);
		fl_add_fact(log, no, line, "rdesktop did not accept the server's certificate");
		return true;
	}
	if (strstr(line, "Do you trust this certificate (yes/no)?") || strstr(line, "ATTENTION! "))
	{
		log->cert_prompt = true;
		fl_reach(log, RP_PHASE_TLS);
		fl_add_fact(log, no, line, "rdesktop asked whether to trust the certificate (a prompt)");
		return false;
	}
	if (strstr(line, "TLS handshake failed"))
	{
		fl_set_error_name(log, "ERRCONNECT_TLS_CONNECT_FAILED");
		fl_reach(log, RP_PHASE_TLS);
		fl_add_fact(log, no, line, "the TLS handshake failed");
		return true;
	}
	if ((p = strstr(line, "License error alert from server: ")))
	{
		snprintf(log->license_error, sizeof(log->license_error), "%.40s",
		         p + strlen("License error alert from server: "));
		log->license_error[strcspn(log->license_error, "\r\n")] = '\0';
		fl_reach(log, RP_PHASE_LICENSING);
		fl_add_fact(log, no, line, "the server's licensing error alert");
		return true;
	}
	if (strstr(line, "Disconnected due to network error"))
	{
		/* rdesktop.c:1459: a send or receive failed in a session that was up. */
		log->session_lost = true;
		fl_reach(log, RP_PHASE_ACTIVE);
		fl_add_fact(log, no, line, "the session's connection failed (a network error)");
		return true;
	}
	if (strstr(line, "giving up."))
	{
		log->reconnect_gave_up = true;
		fl_add_fact(log, no, line, "rdesktop gave up reconnecting");
		return true;
	}
	if (strstr(line, "Connecting to server using "))
	{
		/* iso.c's verbose line, after the TCP connect and before its X.224 request. */
		fl_reach(log, RP_PHASE_X224);
		return true;
	}
	if (strstr(line, "Connection established using "))
	{
		fl_reach(log, strstr(line, "CredSSP") ? RP_PHASE_NLA
		              : strstr(line, "SSL") ? RP_PHASE_TLS : RP_PHASE_X224);
		return true;
	}
	return false;
}

/* ---- Apache Guacamole (guacamole-server 6719b20, guacamole-client 5be18be) ---- */

/* guac_rdp_client_abort(), src/protocols/rdp/error.c: the message after "RDP server
 * closed/refused connection: ", from errorInfo (219-291) or FreeRDP's last error (46-198). */
static const struct
{
	const char* text;
	uint32_t errinfo;     /* the errorInfo it stands for, or 0 */
	const char* errname;  /* else FreeRDP's last error, or NULL */
	enum rp_cause said[6]; /* else: the causes of the codes it stands for */
	int n;
} guacd_messages[] = {
	{ "Forcibly disconnected.", 0x1, NULL, { 0 }, 0 },
	{ "Logged off.", 0x2, NULL, { 0 }, 0 },
	{ "Idle session time limit exceeded.", 0x3, NULL, { 0 }, 0 },
	{ "Active session time limit exceeded.", 0x4, NULL, { 0 }, 0 },
	{ "Disconnected by other connection.", 0x5, NULL, { 0 }, 0 },
	{ "Insufficient privileges.", 0x9, NULL, { 0 }, 0 },
	{ "Manually disconnected.", 0xB, NULL, { 0 }, 0 },
	{ "Manually logged off.", 0xC, NULL, { 0 }, 0 },
	/* errorInfo 0x6 or 0x7 (error.c:256-259) */
	{ "Server refused connection.", 0, NULL, { C(SERVER_DENIED), C(SERVER_OVERLOADED) }, 2 },
	/* errorInfo 0xA, or FreeRDP's ACCOUNT_EXPIRED, PASSWORD_MUST_CHANGE, PASSWORD_EXPIRED, ... */
	{ "Credentials expired.", 0, "ERRCONNECT_PASSWORD_EXPIRED", { 0 }, 0 },
	{ "Security negotiation failed", 0, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", { 0 }, 0 },
	/* CONNECT_ACCESS_DENIED, ACCOUNT_DISABLED, ACCOUNT_LOCKED_OUT, ACCOUNT_RESTRICTION, ... */
	{ "Access denied by server", 0, "ERRCONNECT_ACCESS_DENIED", { 0 }, 0 },
	/* NO_OR_MISSING_CREDENTIALS, LOGON_FAILURE, WRONG_PASSWORD, AUTHENTICATION_FAILED */
	{ "Authentication failure (invalid credentials?)", 0, "ERRCONNECT_AUTHENTICATION_FAILED", { 0 }, 0 },
	{ "SSL/TLS connection failed", 0, "ERRCONNECT_TLS_CONNECT_FAILED", { 0 }, 0 },
	{ "DNS lookup failed", 0, "ERRCONNECT_DNS_NAME_NOT_FOUND", { 0 }, 0 },
	/* CONNECT_TRANSPORT_FAILED, whatever the words say: any read or write that failed, or a
	 * peer that closed, during the connection (FreeRDP transport.c) */
	{ "Server refused connection (wrong security type?)", 0,
	  "ERRCONNECT_CONNECT_TRANSPORT_FAILED", { 0 }, 0 },
	/* CONNECT_CANCELLED, CONNECT_FAILED, KDC_UNREACHABLE, MCS_CONNECT_INITIAL_ERROR: at INFO
	 * level guacd shows no errno, so a refusal is among them */
	{ "Connection failed (server unreachable?)", 0, NULL,
	  { C(PORT_CLOSED), C(PORT_FILTERED), C(TUNNEL_DROP), C(SERVER_HUNG) }, 4 },
	/* errorInfo 0x8, licensing 0x1xx, broker 0x4xx, a protocol error, or an unnamed last
	 * error (error.c:289, 194) */
	{ "Upstream error.", 0, NULL,
	  { C(LICENSING_FAILURE), C(BROKER_FAILURE), C(SERVER_FAULT), C(SECURITY_MISMATCH) }, 4 },
};

bool fl_guacd_message(struct rp_fieldlog* log, int no, const char* line, const char* msg,
                      const char* whose)
{
	for (int i = N(guacd_messages) - 1; i >= 0; i--)
	{
		if (strncmp(msg, guacd_messages[i].text, strlen(guacd_messages[i].text)) != 0)
			continue;
		log->attempted = true;
		if (guacd_messages[i].errinfo)
		{
			if (!log->ev.error_info)
				fl_set_errinfo(log, guacd_messages[i].errinfo);
			fl_add_fact(log, no, line, "the server's errorInfo 0x%X (%s), in %s words",
			            guacd_messages[i].errinfo, rp_errinfo_name(guacd_messages[i].errinfo), whose);
		}
		else if (guacd_messages[i].errname)
		{
			fl_set_error_name(log, guacd_messages[i].errname);
			if (strcmp(guacd_messages[i].errname, "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED") == 0)
				fl_reach(log, RP_PHASE_X224);
			fl_add_fact(log, no, line, "FreeRDP's %s, in %s words", guacd_messages[i].errname,
			            whose);
		}
		else
		{
			char what[160];
			snprintf(what, sizeof(what), "guacd's \"%s\", which stands for several codes",
			         guacd_messages[i].text);
			fl_said(log, no, line, what, guacd_messages[i].said, guacd_messages[i].n);
		}
		return true;
	}
	return false;
}

static bool guacd_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	if ((p = strstr(line, "Disconnect reason code: 0x")))
	{
		/* error.c:306, at DEBUG: the errorInfo itself. */
		uint32_t code = (uint32_t)strtoul(p + strlen("Disconnect reason code: 0x"), NULL, 16);
		if (code)
		{
			fl_set_errinfo(log, code);
			fl_add_fact(log, no, line, "the server's errorInfo 0x%X (%s)", code,
			            log->ev.error_info_name[0] ? log->ev.error_info_name : "unnamed");
		}
		return true;
	}
	if ((p = strstr(line, "closed/refused connection: ")))
		return fl_guacd_message(log, no, line, p + strlen("closed/refused connection: "),
		                        "guacd's");
	if (strstr(line, "Certificate validation failed"))
	{
		/* rdp.c:418: not trusted, and ignore-cert unset. */
		log->ev.cert_rejected = true;
		fl_reach(log, RP_PHASE_TLS);
		fl_add_fact(log, no, line, "guacd did not accept the server's certificate");
		return true;
	}
	if (strstr(line, "Connection closed.") && log->ev.attempts[0].furthest >= RP_PHASE_ACTIVE)
	{
		log->session_lost = true;
		fl_add_fact(log, no, line, "the session's connection failed (guacd: \"Connection closed.\")");
		return true;
	}
	return false;
}

/* Guacamole's web application: its tunnel to guacd (GuacamoleWebSocketTunnelEndpoint.java:213,
 * 281; ReaderGuacamoleReader.java:134). Its errno is guacd's socket's, not the RDP server's. */
static bool guacamole_web_line(struct rp_fieldlog* log, int no, const char* line)
{
	if (strstr(line, "tunnel to guacd failed") || strstr(line, "HTTP tunnel request failed") ||
	    strstr(line, "Connection to guacd timed out") ||
	    strstr(line, "Connection to guacd terminated abnormally"))
	{
		if (!strstr(line, "terminated abnormally"))
			log->proxy_unreached = true;
		fl_add_fact(log, no, line, "the web application could not reach guacd%s: no RDP "
		                           "connection was made from there",
		            strstr(line, "refused") ? " (connection refused)" : "");
		return true; /* its "Connection refused" is guacd's port, not the RDP server's */
	}
	return false;
}

/* node-rdpjs (lib/protocol/x224.js recvConnectionConfirm) and the Go clients on its design
 * (grdp: "NODE_RDP_PROTOCOL_X224_NEG_FAILURE with code: N"): the server's RDP_NEG_FAILURE,
 * and a server that selected NLA, which they do not speak. */
static bool rdpjs_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	if ((p = strstr(line, "X224_NEG_FAILURE")))
	{
		const char* c = strstr(p, "code: ");
		int code = c ? atoi(c + 6) : 0;
		fl_nego_failure(log, no, line, code >= 1 && code <= 6 ? code : 0,
		             "the server's RDP_NEG_FAILURE");
		return true;
	}
	if (strstr(line, "X224_NLA_NOT_SUPPORTED"))
	{
		fl_nego_failure(log, no, line, 0, "the server selected NLA, which the client lacks");
		return true;
	}
	return false;
}

bool fl_parse_client_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* f = log->family;

	if (fl_frontend_line(log, no, line))
		return true;
	if (strcmp(f, "rdesktop") == 0)
		return rdesktop_end_line(log, no, line) || rdesktop_transport_line(log, no, line);
	if (strcmp(f, "IronRDP") == 0 || strcmp(f, "Teleport") == 0)
		return fl_ironrdp_line(log, no, line);
	if (strcmp(f, "node-rdpjs") == 0)
		return rdpjs_line(log, no, line);
	/* guacd's lines and its web application's come together in one docker-compose log; a
	 * text no family's marks name is read by the readers whose words are theirs alone. */
	return guacamole_web_line(log, no, line) || guacd_line(log, no, line) ||
	       rdpjs_line(log, no, line) ||
	       (!f[0] && (fl_ironrdp_end_line(log, no, line) || rdesktop_end_line(log, no, line)));
}
