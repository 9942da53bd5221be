/* fieldlog_frontends.c: the words of programs around a client rather than the client itself:
 * connection managers that embed one (Remmina on FreeRDP, mRemoteNG on Windows' mstscax), the
 * services a session goes through (Azure Virtual Desktop's diagnostics, the connection broker)
 * and the dynamic loader that loads a client's code. As in fieldlog_clients.c, each message
 * becomes the fact FreeRDP's reader records for the same event, from the program's source
 * (docs/field-reports.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "errinfo.h"
#include "fieldlog.h"
#include "fieldlog_internal.h"

#define C(x) RP_CAUSE_##x
#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- Remmina's own messages (FreeRDP/Remmina bb33690, plugins/rdp/rdp_plugin.c:2547-2663:
 * the switch on freerdp_get_last_error(); older wordings from v1.2.32.1 to v1.4.37) ---- */
static const struct
{
	const char* words;
	const char* errname; /* the FreeRDP last error the message is shown for */
	uint32_t errinfo;    /* or the errorInfo */
} remmina_messages[] = {
	{ "Account locked out", "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 },
	{ "Account is locked out", "ERRCONNECT_ACCOUNT_LOCKED_OUT", 0 },
	{ "Account expired", "ERRCONNECT_ACCOUNT_EXPIRED", 0 },
	{ "Account is expired", "ERRCONNECT_ACCOUNT_EXPIRED", 0 },
	{ "Password expired", "ERRCONNECT_PASSWORD_EXPIRED", 0 },
	{ "Account disabled", "ERRCONNECT_ACCOUNT_DISABLED", 0 },
	{ "Account is disabled", "ERRCONNECT_ACCOUNT_DISABLED", 0 },
	{ "Insufficient user privileges", NULL, 0x9 },
	{ "User has insufficient privileges", NULL, 0x9 },
	{ "Account restricted", "ERRCONNECT_ACCOUNT_RESTRICTION", 0 },
	{ "Account has restrictions", "ERRCONNECT_ACCOUNT_RESTRICTION", 0 },
	{ "Change user password before connecting", "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 },
	{ "User must change password before connecting", "ERRCONNECT_PASSWORD_MUST_CHANGE", 0 },
	{ "Authentication to RDP server", "ERRCONNECT_LOGON_FAILURE", 0 },
	{ "Could not authenticate using smartcard", "ERRCONNECT_LOGON_FAILURE", 0 },
	/* FREERDP_ERROR_CONNECT_FAILED: "Lost connection" was its wording in 1.4.11-1.4.36 */
	{ "Failed to connect to the RDP server", "ERRCONNECT_CONNECT_FAILED", 0 },
	{ "Lost connection to the RDP server", "ERRCONNECT_CONNECT_FAILED", 0 },
	{ "Could not find the address for the RDP server", "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 },
	{ "Unable to find the address of RDP server", "ERRCONNECT_DNS_NAME_NOT_FOUND", 0 },
	{ "via TLS", "ERRCONNECT_TLS_CONNECT_FAILED", 0 },
	{ "TLS connection failed", "ERRCONNECT_TLS_CONNECT_FAILED", 0 },
	{ "Unable to establish a connection to the RDP server", "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 },
	{ "Unable to establish a connection to RDP server", "ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED", 0 },
	{ "server refused the connection", NULL, 0x7 },
	{ "server denied the connection", NULL, 0x7 },
	{ "denied the connection.", NULL, 0x7 },
};

/* Remmina's words around a session and its SSH tunnel (bb33690: rdp_plugin.c:511-556 the
 * auto-reconnect, 1298-1330 the main loop's exits; remmina_ssh.c:1893-1966 the tunnel's
 * session, 1197-1377 its authentication, 2379 its forward; older wordings to v1.2.32.1). The
 * SSH words are the tunnel's, not the RDP server's: a name that did not resolve is one still,
 * an SSH authentication is not the RDP logon. */
static bool remmina_session_line(struct rp_fieldlog* log, int no, const char* line)
{
	static const enum rp_cause dns[] = { C(DNS_FAILURE) };

	if (strstr(line, "network disconnection detected, initiating reconnection") ||
	    strstr(line, "attempting reconnection, attempt #") ||
	    strstr(line, "Could not check FreeRDP file descriptor"))
	{
		if (!log->session_lost)
			fl_add_fact(log, no, line, "the connection dropped under the session (Remmina's words)");
		log->session_lost = true;
		fl_reach(log, RP_PHASE_ACTIVE);
		return true;
	}
	if (strstr(line, "maximum number of reconnection attempts exceeded"))
	{
		log->reconnect_gave_up = true;
		fl_add_fact(log, no, line, "Remmina's auto-reconnect gave up");
		return true;
	}
	if (strstr(line, "Another user connected to the server"))
	{
		/* v1.2-1.3.0: shown for FreeRDP's last error 0x10005, errorInfo 0x5 */
		fl_set_errinfo(log, 0x5);
		fl_reach(log, RP_PHASE_ACTIVE);
		fl_add_fact(log, no, line, "the server's errorInfo 0x5 (%s), in Remmina's words",
		            rp_errinfo_name(0x5));
		return true;
	}
	if (strstr(line, "Could not start libfreerdp-gdi") || strstr(line, "Unable to initialize libfreerdp gdi"))
	{
		fl_add_fact(log, no, line, "the client could not start its drawing (libfreerdp-gdi): its own failure");
		return true;
	}
	if (strstr(line, "Could not resolve hostname ") && strstr(line, " to IPv"))
	{
		fl_said(log, no, line, "the SSH tunnel's host name did not resolve (Remmina's words)", dns, 1);
		return true;
	}
	if (strstr(line, "Could not start SSH session") || strstr(line, "Failed to startup SSH session") ||
	    (strstr(line, "Error connecting to ") && strstr(line, "ssh")))
	{
		log->attempted = true;
		fl_add_fact(log, no, line, "the SSH tunnel's own connection failed, before any RDP");
		return true;
	}
	if (strstr(line, "Could not authenticate with SSH") || strstr(line, "Could not authenticate with public SSH") ||
	    strstr(line, "Could not authenticate automatically with") || strstr(line, "SSH Authentication failed") ||
	    strstr(line, "SSH password authentication failed") || strstr(line, "SSH public key authentication failed"))
	{
		log->attempted = true;
		fl_add_fact(log, no, line, "the SSH tunnel's authentication failed (the SSH server's, not the RDP logon)");
		return true;
	}
	if (strstr(line, "Could not connect to SSH tunnel") ||
	    strstr(line, "Failed to connect to the SSH tunnel destination"))
	{
		log->attempted = true;
		fl_add_fact(log, no, line, "the SSH server could not open its forward to the RDP host");
		return true;
	}
	if (strstr(line, "Connection to SSH tunnel dropped") || strstr(line, "tunnel disconnected because"))
	{
		log->session_lost = true;
		fl_add_fact(log, no, line, "the SSH tunnel the session ran in dropped");
		return true;
	}
	return false;
}

static bool remmina_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	if (remmina_session_line(log, no, line))
		return true;
	if ((p = strstr(line, "libfreerdp returned code is ")))
	{
		/* the catch-all case's stdout: FreeRDP's last error itself */
		uint32_t e = (uint32_t)strtoul(p + strlen("libfreerdp returned code is "), NULL, 16);
		if (e && rp_last_error_name(e))
		{
			fl_set_last_error(log, e);
			fl_add_fact(log, no, line, "FreeRDP's last error %s, in Remmina's words",
			            log->ev.last_error_name);
		}
		return true;
	}
	if (strstr(line, "Gateway") && strstr(line, "access due to policy"))
	{
		rp_strlcpy(log->gateway_error, "E_PROXY_NAP_ACCESSDENIED", sizeof(log->gateway_error));
		log->gateway = true;
		fl_add_fact(log, no, line, "the RD Gateway denied the user by its policy (Remmina's words)");
		return true;
	}
	if (strstr(line, "does not support H.264") || strstr(line, "does not support H264"))
	{
		static const enum rp_cause c[] = { C(NOT_ATTEMPTED) };
		fl_said(log, no, line, "Remmina refused its own settings: an H.264 mode its libfreerdp "
		                       "lacks", c, 1);
		return true;
	}
	if (strstr(line, "Failed to load plugin: ") || strstr(line, "protocol plugin first"))
	{
		log->code_not_loaded = true;
		fl_add_fact(log, no, line, "Remmina could not load its RDP plugin");
		return true;
	}
	/* "Could not access the RDP server “%s”.\nAccount locked out.": the reason may come on
	 * the next line */
	bool after_access = log->remmina_access_line > 0 && no == log->remmina_access_line + 1;
	if (strstr(line, "Could not access the RDP server") || strstr(line, "Access to RDP server"))
		log->remmina_access_line = no;
	if ((!strstr(line, "RDP server") && !strstr(line, "denied the connection") && !after_access) ||
	    strstr(line, "disconnect: ") || strstr(line, "for security reasons"))
		return false; /* rdesktop's "disconnect: The server denied the connection..." */
	if (strstr(line, "Connection to RDP server ") && strstr(line, " failed"))
	{
		/* 1.2-1.3.7's wording of FREERDP_ERROR_CONNECT_FAILED */
		fl_set_error_name(log, "ERRCONNECT_CONNECT_FAILED");
		log->connect_errno_unsaid = true;
		log->attempted = true;
		fl_add_fact(log, no, line, "FreeRDP's ERRCONNECT_CONNECT_FAILED, in Remmina's words");
		return true;
	}
	for (int i = 0; i < N(remmina_messages); i++)
		if (strstr(line, remmina_messages[i].words))
		{
			log->attempted = true;
			if (remmina_messages[i].errname)
			{
				fl_set_error_name(log, remmina_messages[i].errname);
				if (strcmp(remmina_messages[i].errname, "ERRCONNECT_CONNECT_FAILED") == 0)
					log->connect_errno_unsaid = true; /* a dialog: FreeRDP's lines may say it */
				fl_add_fact(log, no, line, "FreeRDP's %s, in Remmina's words",
				            remmina_messages[i].errname);
			}
			else
			{
				if (!log->ev.error_info)
					fl_set_errinfo(log, remmina_messages[i].errinfo);
				fl_add_fact(log, no, line, "the server's errorInfo 0x%X (%s), in Remmina's words",
				            remmina_messages[i].errinfo, rp_errinfo_name(remmina_messages[i].errinfo));
			}
			return true;
		}
	return false;
}

/* mRemoteNG (RDP through mstscax): 1.76's "RDP disconnected!" and on the next line the decimal
 * discReason and its description (mRemoteV1/Connection/ConnectionInitiator.cs:254, v1.76.20). */
static bool mremoteng_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* m;

	/* 1.77 on (Connection/ConnectionInitiator.cs): 'Protocol Event Disconnected. Host: "h";
	 * Protocol: "RDP" Message: "TEXT"': the control's own description of the reason, in
	 * Windows' language, without its number; the dialog's sentences are read in it */
	if (strstr(line, "Protocol Event Disconnected") && (m = strstr(line, "Message: ")))
	{
		rp_strlcpy(log->family, "mRemoteNG", sizeof(log->family));
		log->attempted = true;
		if (!fl_dialog_sentences_in(log, no, m))
			fl_add_fact(log, no, line, "mRemoteNG: the RDP connection ended (its message names "
			                           "no reason this reads)");
		return true;
	}
	if (strstr(line, "RDP disconnected!"))
	{
		log->mremoteng_line = no;
		return true;
	}
	if (log->mremoteng_line > 0 && no == log->mremoteng_line + 1)
	{
		char* end;
		long r = strtol(line, &end, 10);
		log->mremoteng_line = 0;
		if (end != line && r > 0 && r <= 0xFFFF)
		{
			log->windows_reason = (int)r;
			rp_strlcpy(log->family, "mRemoteNG", sizeof(log->family));
			fl_add_fact(log, no, line, "the Windows client's disconnect reason %ld (0x%lX), in "
			                           "mRemoteNG's words", r, r);
			return true;
		}
	}
	return false;
}

/* Azure Virtual Desktop's diagnostics (WVDErrors, Get-RdsDiagnosticActivities): the error's
 * CodeSymbolic, as Microsoft's "Identify and diagnose Azure Virtual Desktop issues" page
 * documents each (MicrosoftDocs/azure-docs, virtual-desktop/diagnostics-role-service.md). */
static const struct
{
	const char* name;
	bool prefix;
	enum rp_cause causes[3];
	int n;
} avd_codes[] = {
	{ "ConnectionFailedUserNotAuthorized", false, { C(SERVER_DENIED) }, 1 },
	{ "InvalidCredentials", false, { C(BAD_CREDENTIALS) }, 1 },
	{ "ConnectionFailedNoHealthyRdshAvailable", false, { C(SERVER_HUNG), C(BROKER_FAILURE) }, 2 },
	{ "ConnectionFailedUserHasValidSessionButRdshIsUnhealthy", false,
	  { C(SERVER_HUNG), C(BROKER_FAILURE) }, 2 },
	{ "ConnectionFailedClientDisconnect", false, { C(TUNNEL_DROP), C(PACKET_LOSS), C(FIREWALL_RESET) }, 3 },
	{ "UnexpectedNetworkDisconnect", false, { C(TUNNEL_DROP), C(PACKET_LOSS) }, 2 },
	{ "ConnectionBroken", false, { C(TUNNEL_DROP), C(FIREWALL_RESET) }, 2 },
	{ "ReverseConnectFailed", false, { C(DNS_FAILURE), C(PORT_FILTERED) }, 2 },
	{ "FileNotFound", false, { C(SERVER_FAULT) }, 1 },
	{ "ConnectionFailedNoMappingOfSIDinAD", false, { C(SERVER_DENIED) }, 1 },
	/* RDP Shortpath, the UDP transport (MicrosoftDocs/SupportArticles-docs, support/azure/
	 * virtual-desktop/troubleshoot-rdp-shortpath.md 32b550bb, L34-52): its UDP flow timed
	 * out; 50 retries failed (a fast link that stops, or packets too large for the path);
	 * ConnectionFailed{Client,Server}Disconnect "caused by TCP Reset packets, not a
	 * time-out"; the RDP heartbeat missed. */
	{ "ShortpathTransportNetworkDrop", false, { C(UDP_TRANSPORT), C(PACKET_LOSS), C(NAT_IDLE_TIMEOUT) }, 3 },
	{ "ShortpathTransportReliabilityThresholdFailure", false,
	  { C(UDP_TRANSPORT), C(MTU_BLACKHOLE), C(PACKET_LOSS) }, 3 },
	{ "ConnectionFailedServerDisconnect", false, { C(FIREWALL_RESET), C(TUNNEL_DROP) }, 2 },
	{ "ConnectionBrokenMissedHeartbeatThresholdExceeded", false,
	  { C(PACKET_LOSS), C(HIGH_LATENCY), C(TUNNEL_DROP) }, 3 },
	/* "ConnectionFailedAdTrustedRelationshipFailure": the session host and Active Directory;
	 * the other ConnectionFailedAd... names say the same of their step */
	{ "ConnectionFailedAd", true, { C(BAD_CREDENTIALS), C(SERVER_DENIED), C(SERVER_FAULT) }, 3 },
};

static bool avd_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p = strstr(line, "CodeSymbolic");
	char name[80], what[160];

	if (!p)
		return false;
	p += strcspn(p, ":=\"");
	p += strspn(p, ":=\" \t");
	snprintf(name, sizeof(name), "%.*s", (int)strcspn(p, "\" ,\r\n"), p);
	if (!name[0])
		return false;
	for (int i = 0; i < N(avd_codes); i++)
		if (avd_codes[i].prefix ? strncmp(name, avd_codes[i].name, strlen(avd_codes[i].name)) == 0
		                        : strcmp(name, avd_codes[i].name) == 0)
		{
			snprintf(what, sizeof(what), "Azure Virtual Desktop's error %s", name);
			fl_said(log, no, line, what, avd_codes[i].causes, avd_codes[i].n);
			return true;
		}
	fl_add_fact(log, no, line, "Azure Virtual Desktop's error %s, which Microsoft's table does "
	                           "not document", name);
	return true;
}

/* The connection broker's own words (TerminalServices-SessionBroker-Client's events: "Remote
 * Desktop Connection Broker Client failed ..."): it could not place or redirect the user. */
static bool broker_line(struct rp_fieldlog* log, int no, const char* line)
{
	static const enum rp_cause c[] = { C(BROKER_FAILURE) };

	if (strstr(line, "Connection Broker") &&
	    (strstr(line, "failed") || strstr(line, "not ready") || strstr(line, "could not")))
	{
		fl_said(log, no, line, "the connection broker could not place or redirect the session",
		        c, 1);
		return true;
	}
	return false;
}

/* ---- tp4a's Teleport (the bastion; tp4a/teleport 49d79ce8): its web pages' and assistant's
 * words, Chinese only. Its RDP proxy is not public; the client behind it is mstsc or FreeRDP,
 * read by their own readers. Here: the session states its lists show (common/teleport/
 * teleport_const.h:48-67, labels static/js/audit/record-list.js:291-338), the errors of a launch
 * (teleport_const.h:93-150, tp_error_msg() in static/js/tp-const.js:266-379) and the assistant's
 * alerts (static/js/tp-assist.js:219-264). ---- */
static const struct
{
	const char* words;
	const char* says;
	enum rp_cause causes[4];
	int n; /* 0: a fact that names no cause of ours */
} tp4a_messages[] = {
	/* session states */
	{ "\u534f\u8bae\u4e0d\u652f\u6301", "the bastion's session state 5, protocol not supported (for RDP: a security "
	  "protocol its proxy does not speak)", { C(SECURITY_MISMATCH) }, 1 },
	{ "\u8ba4\u8bc1\u5931\u8d25", "the bastion's session state 1: authentication to the remote host failed",
	  { C(BAD_CREDENTIALS), C(SECURITY_MISMATCH) }, 2 },
	{ "\u7f51\u7edc\u901a\u8baf\u6545\u969c", "the bastion's session state 8: the network connection was interrupted",
	  { C(TUNNEL_DROP), C(PACKET_LOSS), C(FIREWALL_RESET), C(NAT_IDLE_TIMEOUT) }, 4 },
	{ "\u6838\u5fc3\u670d\u52a1\u91cd\u7f6e", "the bastion's session state 7: its core service was reset", { 0 }, 0 },
	{ "\u65e0\u6548\u8ba4\u8bc1\u65b9\u5f0f", "the bastion's session state 10: an authentication method it does not allow",
	  { 0 }, 0 },
	/* a launch's errors and the assistant's alerts: the user's side never started a client */
	{ "\u65e0\u6cd5\u8fde\u63a5\u5230teleport\u52a9\u624b", "the browser could not reach the bastion's assistant: no client was started",
	  { C(NOT_ATTEMPTED) }, 1 },
	{ "\u672a\u80fd\u68c0\u6d4b\u5230\u52a9\u624b\u7a0b\u5e8f", "the bastion's assistant was not found: no client was started",
	  { C(NOT_ATTEMPTED) }, 1 },
	{ "\u52a9\u624b\u7a0b\u5e8f\u7248\u672c\u592a\u4f4e", "the bastion's assistant is too old: no client was started",
	  { C(NOT_ATTEMPTED) }, 1 },
	{ "\u65e0\u6cd5\u542f\u52a8\u5ba2\u6237\u7aef\u7a0b\u5e8f", "the assistant could not start the RDP client (CreateProcess failed)",
	  { C(NOT_ATTEMPTED) }, 1 },
	{ "\u8fdc\u7a0b\u8fde\u63a5\u8bf7\u6c42\u5931\u8d25", "the bastion's core service did not take the connection request: the "
	  "bastion failed before any RDP connection", { 0 }, 0 },
	{ "\u672a\u80fd\u68c0\u6d4b\u5230\u6838\u5fc3\u670d\u52a1", "the bastion's core service was not found: the bastion failed before any "
	  "RDP connection", { 0 }, 0 },
	/* last: any state's "connection failed" */
	{ "\u8fde\u63a5\u5931\u8d25", "the bastion could not connect to the remote host (session state 2)",
	  { C(PORT_CLOSED), C(PORT_FILTERED), C(TUNNEL_DROP), C(DNS_FAILURE) }, 4 },
};

/* The bastion's words only where the text is the bastion's (its marks in fieldlog_clients.c:
 * its core service, its assistant, its "remote connection failed:" prefix). */
static bool tp4a_line(struct rp_fieldlog* log, int no, const char* line)
{
	if (strcmp(log->family, "tp4a Teleport") != 0)
		return false;
	for (int i = 0; i < N(tp4a_messages); i++)
		if (strstr(line, tp4a_messages[i].words))
		{
			log->attempted = true;
			if (tp4a_messages[i].n)
				fl_said(log, no, line, tp4a_messages[i].says, tp4a_messages[i].causes,
				        tp4a_messages[i].n);
			else
				fl_add_fact(log, no, line, "%s", tp4a_messages[i].says);
			return true;
		}
	return false;
}

/* ---- Myrtille (cedrozor/myrtille b9967158), a browser gateway driving wfreerdp: its host
 * client's exit code is FreeRDP's last error (0x1xxxx an errorInfo, 0x2xxxx an ERRCONNECT_*:
 * Myrtille.RDP/Program.cs:13-61, ConnectionController.cs:116), which its service traces
 * ("Disconnected remote session {0}, exit code {1}", RemoteSessionProcess.cs:453) and its page
 * turns into an alert (Myrtille.Web/js/myrtille.js:802-870; the older wording of 28a6b652). ---- */
static const struct
{
	const char* words;
	uint32_t errinfo;
	enum rp_cause causes[3];
	int n; /* 0 with no errorInfo: a fact */
} myrtille_alerts[] = {
	{ "remote connection was disconnected from admin console", 0x1, { 0 }, 0 },
	{ "remote connection was logged out from admin console", 0x2, { 0 }, 0 },
	{ "remote connection was disconnected after the idle timeout has expired", 0x3, { 0 }, 0 },
	{ "remote connection was disconnected after the maximum session time was reached", 0x4,
	  { 0 }, 0 },
	/* 0x20005 (the name) or 0x2000C (the negotiation) */
	{ "remote connection failed due to invalid server address or security protocol", 0,
	  { C(DNS_FAILURE), C(SECURITY_MISMATCH) }, 2 },
	{ "remote connection failed due to invalid or unreachable server address", 0,
	  { C(DNS_FAILURE), C(SECURITY_MISMATCH) }, 2 },
	/* 0x20009, 0x2000A, 0x2000B, 0x2000D (a transport failure, whatever Myrtille's enum calls
	 * it), 0x20014 */
	{ "remote connection failed due to missing or invalid credentials", 0,
	  { C(BAD_CREDENTIALS), C(SECURITY_MISMATCH), C(SERVER_DENIED) }, 3 },
	{ "remote connection was disconnected after the host client process was killed", 0, { 0 }, 0 },
	{ "remote connection was disconnected after the wfreerdp.exe process was killed", 0, { 0 }, 0 },
	{ "remote connection failed or was closed unexpectedly", 0, { 0 }, 0 },
};

static bool myrtille_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

	if ((p = strstr(line, "remote session")) && (p = strstr(p, "exit code")))
	{
		char* end;
		unsigned long e;
		p += strcspn(p, "0123456789");
		e = strtoul(p, &end, 10);
		if (end == p)
			return false;
		rp_strlcpy(log->family, "Myrtille", sizeof(log->family));
		log->attempted = true;
		if ((e >> 16) == 1 && rp_errinfo_name((uint32_t)(e & 0xFFFF)))
		{
			if (!log->ev.error_info)
				fl_set_errinfo(log, (uint32_t)(e & 0xFFFF));
			fl_add_fact(log, no, line, "the host client's exit code %lu: the server's errorInfo "
			                           "0x%lX (%s)", e, e & 0xFFFF, log->ev.error_info_name);
		}
		else if ((e >> 16) == 2 && rp_last_error_name((uint32_t)e))
		{
			if (!log->ev.last_error)
				fl_set_last_error(log, (uint32_t)e);
			fl_add_fact(log, no, line, "the host client's exit code %lu: FreeRDP's %s", e,
			            rp_last_error_name((uint32_t)e));
		}
		else
			fl_add_fact(log, no, line, "the host client's exit code %lu, no FreeRDP last error "
			                           "(888888: bad arguments, 999999: an exception)", e);
		return true;
	}
	for (int i = 0; i < N(myrtille_alerts); i++)
		if (strstr(line, myrtille_alerts[i].words))
		{
			rp_strlcpy(log->family, "Myrtille", sizeof(log->family));
			log->attempted = true;
			if (myrtille_alerts[i].errinfo)
			{
				if (!log->ev.error_info)
					fl_set_errinfo(log, myrtille_alerts[i].errinfo);
				fl_add_fact(log, no, line, "the server's errorInfo 0x%X, in Myrtille's words",
				            myrtille_alerts[i].errinfo);
			}
			else if (myrtille_alerts[i].n)
				fl_said(log, no, line, "Myrtille's alert for the FreeRDP codes it groups",
				        myrtille_alerts[i].causes, myrtille_alerts[i].n);
			else
				fl_add_fact(log, no, line, "Myrtille's alert: %s", myrtille_alerts[i].words);
			return true;
		}
	return false;
}

/* glibc's dlerror() texts: the client's RDP code (a plugin, libfreerdp) did not load. */
static bool loader_line(struct rp_fieldlog* log, int no, const char* line)
{
	if ((strcasestr(line, "cannot open shared object file") || strstr(line, "undefined symbol: ")) &&
	    strstr(line, ".so"))
	{
		log->code_not_loaded = true;
		fl_add_fact(log, no, line, "the dynamic loader could not load the client's code");
		return true;
	}
	return false;
}

bool fl_frontend_line(struct rp_fieldlog* log, int no, const char* line)
{
	/* A FreeRDP WLog line is FreeRDP's, whatever program wraps it: the tables of other
	 * programs' words (a thousand texts and more) are not searched in it, which keeps a log of
	 * 100,000 lines of FreeRDP's a few seconds' read. */
	if (strstr(line, "][com.freerdp") || strstr(line, "][com.winpr"))
		return loader_line(log, no, line);
	/* Remmina's and mRemoteNG's texts where no family's marks name the text (Remmina's own
	 * lines around FreeRDP's are FreeRDP's log, wrapped). */
	return loader_line(log, no, line) || avd_line(log, no, line) || broker_line(log, no, line) ||
	       tp4a_line(log, no, line) || myrtille_line(log, no, line) ||
	       fl_guacamole_dialog_line(log, no, line) ||
	       fl_netmgr_line(log, no, line) || fl_windows_text_line(log, no, line) ||
	       (!log->family[0] && (remmina_line(log, no, line) || mremoteng_line(log, no, line) ||
	                             fl_translated_line(log, no, line)));
}
