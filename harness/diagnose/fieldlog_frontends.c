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

static bool remmina_line(struct rp_fieldlog* log, int no, const char* line)
{
	const char* p;

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
	{ "ConnectionFailedClientDisconnect", false, { C(TUNNEL_DROP), C(PACKET_LOSS) }, 2 },
	{ "UnexpectedNetworkDisconnect", false, { C(TUNNEL_DROP), C(PACKET_LOSS) }, 2 },
	{ "ConnectionBroken", false, { C(TUNNEL_DROP), C(FIREWALL_RESET) }, 2 },
	{ "ReverseConnectFailed", false, { C(DNS_FAILURE), C(PORT_FILTERED) }, 2 },
	{ "FileNotFound", false, { C(SERVER_FAULT) }, 1 },
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
	/* Remmina's and mRemoteNG's texts where no family's marks name the text (Remmina's own
	 * lines around FreeRDP's are FreeRDP's log, wrapped). */
	return loader_line(log, no, line) || avd_line(log, no, line) || broker_line(log, no, line) ||
	       (!log->family[0] && (remmina_line(log, no, line) || mremoteng_line(log, no, line) ||
	                             fl_translated_line(log, no, line)));
}
