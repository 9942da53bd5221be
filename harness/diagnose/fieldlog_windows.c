/* fieldlog_windows.c: facts from Windows events (the RDP client's TerminalServices-
 * RDPClient/Operational, the server's Security, LocalSessionManager, RdpCoreTS and TermDD),
 * as winevent.c reads them from text, XML or an .evtx's records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "errinfo.h"
#include "fieldlog.h"
#include "fieldlog_internal.h"
#include "winevent.h"

static void set_last_error_name(struct rp_fieldlog* log, const char* name)
{
	uint32_t e = rp_last_error_from_name(name);
	if (e != UINT32_MAX)
		fl_set_last_error(log, e);
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

/* The server's Security log: a Remote Desktop logon that failed (4625) or was made (4624),
 * a user denied Remote Desktop (4825). */
static void security_event(struct rp_fieldlog* log, const struct rp_win_events* we,
                           const struct rp_win_event* e, int no, const char* line)
{
	const char* v;
	long type = (v = rp_win_data(e, "LogonType")) ? strtol(v, NULL, 10) : -1;
	/* Type 10 is a Remote Desktop logon; NLA's is a network logon (3), which counts only
	 * beside the server's Remote Desktop events. */
	bool rdp = type == 10 || (type == 3 && (rdp_context(we) || we->n == 1));
	if (e->id == 4825)
	{
		log->win_rds_denied = true;
		fl_add_fact(log, no, line, "the server's Security event 4825: the user was denied "
		                           "access to Remote Desktop (not in Remote Desktop Users)");
	}
	else if (e->id == 4625 && rdp)
	{
		unsigned long st = (v = rp_win_data(e, "SubStatus")) ? strtoul(v, NULL, 16) : 0;
		unsigned long top = (v = rp_win_data(e, "Status")) ? strtoul(v, NULL, 16) : 0;
		/* the sub-status says more where it names a logon status; else the status */
		const char* name = fl_logon_status_errconnect(fl_status_name(st));
		if (!name)
			name = fl_logon_status_errconnect(fl_status_name(top));
		if (name)
		{
			set_last_error_name(log, name);
			fl_reach(log, RP_PHASE_NLA);
		}
		else
			log->win_logon_status = (unsigned)(top ? top : st);
		fl_add_fact(log, no, line, "the server's Security event 4625: a logon of type %ld "
		                           "failed (status 0x%lX, sub-status 0x%lX)", type, top, st);
	}
	else if (e->id == 4624 && type == 10)
	{
		fl_reach(log, RP_PHASE_ACTIVE);
		log->win_connected = true;
		fl_add_fact(log, no, line, "the server's Security event 4624: a Remote Desktop logon");
	}
}

/* The server's LocalSessionManager: the session up (21, 22, 25), logged off (23),
 * disconnected (39, 40). */
static void lsm_event(struct rp_fieldlog* log, const struct rp_win_event* e, int no,
                      const char* line)
{
	struct rp_evidence* ev = &log->ev;
	const char* v;
	long r;

	switch (e->id)
	{
		case 21: case 22: case 25:
			fl_reach(log, RP_PHASE_ACTIVE);
			log->win_connected = true;
			fl_add_fact(log, no, line, "the server's LocalSessionManager event %d: the session "
			                           "was up", e->id);
			break;
		case 23:
			ev->error_info = 0xC; /* logoff, as errorInfo says it */
			rp_strlcpy(ev->error_info_name, "ERRINFO_LOGOFF_BY_USER", sizeof(ev->error_info_name));
			fl_reach(log, RP_PHASE_ACTIVE);
			fl_add_fact(log, no, line, "the server's LocalSessionManager event 23: the session "
			                           "was logged off");
			break;
		case 39:
			fl_add_fact(log, no, line, "the server's LocalSessionManager event 39: the session "
			                           "was disconnected by another session");
			fl_reach(log, RP_PHASE_ACTIVE);
			if (!ev->error_info)
				ev->error_info = 0x5;
			break;
		case 40:
			/* "Session N has been disconnected, reason code R": R is the disconnect's
			 * errorInfo code (0: none given). */
			r = (v = rp_win_data(e, "Reason")) ? strtol(v, NULL, 0) : 0;
			if (!r && strstr(e->message, "reason code "))
				r = strtol(strstr(e->message, "reason code ") + 12, NULL, 0);
			fl_add_fact(log, no, line, "the server's LocalSessionManager event 40: the session "
			                           "was disconnected, reason code %ld", r);
			fl_reach(log, RP_PHASE_ACTIVE);
			if (r > 0 && r < 0x10000 && rp_errinfo_name((uint32_t)r))
			{
				ev->error_info = (uint32_t)r;
				rp_strlcpy(ev->error_info_name, rp_errinfo_name((uint32_t)r),
				           sizeof(ev->error_info_name));
			}
			break;
	}
}

/* The client's TerminalServices-RDPClient/Operational events. */
static void client_event(struct rp_fieldlog* log, const struct rp_win_event* e, int no,
                         const char* line)
{
	struct rp_evidence* ev = &log->ev;

	switch (e->id)
	{
		case 1024:
			log->attempted = true;
			fl_add_fact(log, no, line, "the client started a connection (1024)");
			break;
		case 1025:
			fl_reach(log, RP_PHASE_X224);
			fl_add_fact(log, no, line, "the client connected to the server (1025)");
			break;
		case 1026:
		{
			int r = win_reason_of(e);
			if (r)
			{
				log->windows_reason = r;
				fl_add_fact(log, no, line, "the Windows client's disconnect reason %d (0x%X)",
				            r, r);
			}
			break;
		}
		case 1027:
			fl_reach(log, RP_PHASE_ACTIVE);
			log->win_connected = true;
			fl_add_fact(log, no, line,
			            "the session was up: the client connected to a session (1027)");
			break;
		case 1007: /* "DNS failed to resolve the server name" */
			if (!ev->last_error)
				set_last_error_name(log, "ERRCONNECT_DNS_NAME_NOT_FOUND");
			fl_add_fact(log, no, line, "the client could not resolve the server's name (1007)");
			break;
		case 1009: /* "The credentials provided were failed to be authenticated by the server" */
			if (!ev->last_error)
				set_last_error_name(log, "ERRCONNECT_LOGON_FAILURE");
			fl_reach(log, RP_PHASE_NLA);
			fl_add_fact(log, no, line, "the server did not accept the credentials (1009)");
			break;
		case 1017: /* "Client does not have a license to connect to the server" */
			if (!log->license_error[0])
				rp_strlcpy(log->license_error, "no client license (1017)", sizeof(log->license_error));
			fl_reach(log, RP_PHASE_LICENSING);
			fl_add_fact(log, no, line, "the client had no license for the server (1017)");
			break;
		case 1006: /* "Client machine has lost network connectivity" */
			log->win_local_network_lost = true;
			fl_add_fact(log, no, line, "the client machine lost its network connectivity (1006)");
			break;
		case 1015: /* "RDP ClientActiveX failed to automatically connect to the server" */
			log->session_lost = true;
			log->reconnect_gave_up = true;
			fl_add_fact(log, no, line, "the client's auto-reconnect gave up (1015)");
			break;
		case 1102:
			fl_add_fact(log, no, line, "the client started a UDP side channel (1102)");
			break;
		case 1104:
			fl_add_fact(log, no, line, "the client's UDP side channel failed (1104): the session "
			                           "goes on over TCP");
			break;
		case 1401: /* the graphics pipeline was negotiated: the session got that far */
			fl_reach(log, RP_PHASE_ACTIVE);
			log->win_connected = true;
			fl_add_fact(log, no, line, "the session reached the graphics stage (1401)");
			break;
		case 1103:
			fl_add_fact(log, no, line, "the client had a UDP side channel (multi-transport, 1103)");
			break;
		case 1105: /* on every session's end too: a fact, never a cause */
			fl_add_fact(log, no, line, "the UDP side channel was disconnected (1105)");
			break;
		case 226:
		{
			const char* c = strstr(e->message, "Error code 0x");
			log->win_ssl_error = c ? (unsigned)strtoul(c + 11, NULL, 16) : 1;
			fl_reach(log, RP_PHASE_TLS);
			if (c)
				fl_add_fact(log, no, line, "the client's TLS layer failed (226, error code 0x%X)",
				            log->win_ssl_error);
			else
				fl_add_fact(log, no, line, "the client's TLS layer failed (226)");
			break;
		}
	}
}

/* What each event says. Client: TerminalServices-RDPClient/Operational (provider
 * ClientActiveXCore). Server: Security (4624/4625 logon type 10, 4825), LocalSessionManager
 * (21-25, 39, 40), RdpCoreTS (131, 140), RemoteConnectionManager (1149).
 * tests/field-logs/WINDOWS-EVENTS.md has each with its source. */
static void apply_win_event(struct rp_fieldlog* log, const struct rp_win_events* we,
                            const struct rp_win_event* e)
{
	char said[600];
	const char* line = said;
	int no = e->line;
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
		security_event(log, we, e, no, line);
		return;
	}
	if (lsm)
	{
		lsm_event(log, e, no, line);
		return;
	}
	if (e->id == 56 || e->id == 50 || strstr(e->provider, "TermDD"))
	{
		if (strstr(e->message, "protocol stream"))
		{
			log->win_protocol_error = true;
			fl_add_fact(log, no, line, "the server's TermDD: it saw an error in the client's "
			                           "protocol stream and disconnected it");
		}
		return;
	}
	if (core && e->id == 140)
	{
		set_last_error_name(log, "ERRCONNECT_LOGON_FAILURE");
		fl_reach(log, RP_PHASE_NLA);
		fl_add_fact(log, no, line, "the server's RdpCoreTS event 140: the user name or password "
		                           "was not correct");
		return;
	}
	client_event(log, e, no, line);
}

void fl_parse_windows(struct rp_fieldlog* log, const char* text)
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
