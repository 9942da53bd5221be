/* fieldlog_classify.c: the verdict for a field log: the classifier's rules first (codes that
 * name their cause), then the log-only rules, which name a cause or the few a log leaves
 * open. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "errinfo.h"
#include "fieldlog.h"

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

/* What the client said of itself: an authentication-only run, NLA's generic failure, the
 * generic negotiation failure, a command line it refused. */
static bool client_said(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
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
	if (log->credssp_mismatch && !ev->error_info && !is_credentials_error(e))
	{
		name_it(fv, RP_CAUSE_SECURITY_MISMATCH, RP_CONF_MEDIUM,
		        "the client and the server have no CredSSP (or TLS) version or function in "
		        "common: one side is patched or configured for a version the other does not "
		        "offer (Windows names it \"CredSSP encryption oracle remediation\")");
		return true;
	}
	if (log->code_not_loaded && !log->attempted)
	{
		name_it(fv, RP_CAUSE_NOT_ATTEMPTED, RP_CONF_MEDIUM,
		        "the client could not load its RDP code (the dynamic loader's error): no "
		        "connection was attempted");
		return true;
	}
	if (log->proxy_unreached && !log->n_said && !ev->error_info && !e)
	{
		name_it(fv, RP_CAUSE_NOT_ATTEMPTED, RP_CONF_LOW,
		        "the web front end could not reach its RDP proxy (guacd): no RDP connection "
		        "was made, whatever the server's state");
		return true;
	}
	if (log->usage_error && !log->attempted)
	{
		name_it(fv, RP_CAUSE_NOT_ATTEMPTED, RP_CONF_MEDIUM,
		        "the client did not accept its command line and took no connection step");
		return true;
	}
	return false;
}

/* What the server said: an errorInfo that ends a session, a licensing error, its own
 * events (TermDD, Security 4625 and 4825). */
static bool server_said(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	enum rp_errinfo_class k = rp_errinfo_class(ev->error_info);

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
	return false;
}

/* A logon the server refused: the account's rights, the credentials. */
static bool logon_refused(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	uint32_t e = ev->last_error;

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
	return false;
}

/* What an RD Gateway said: its policy, an HTTP status, its own error. */
static bool gateway_said(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
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
	return false;
}

/* A message that stands for several codes (a reader's said[]), and a logon no domain
 * controller could check: the causes those codes name. */
static bool message_said(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	if (log->n_said && !log->ev.error_info)
	{
		for (int i = 0; i < log->n_said; i++)
			add_candidate(fv, log->said[i]);
		if (fv->n_candidates == 1)
		{
			name_it(fv, log->said[0], RP_CONF_LOW, "%s (line %d)", log->said_what, log->said_line);
			fv->n_candidates = 0;
		}
		else
			name_it(fv, RP_CAUSE_UNDETERMINED, RP_CONF_LOW, "%s (line %d): the causes of the "
			                                                "codes it stands for",
			        log->said_what, log->said_line);
		return true;
	}
	if (log->no_authority)
	{
		name_it(fv, RP_CAUSE_UNDETERMINED, RP_CONF_LOW,
		        "no domain controller could be reached to check the credentials: the domain "
		        "name, the client's DNS or its path to the domain controller");
		add_candidate(fv, RP_CAUSE_BAD_CREDENTIALS);
		add_candidate(fv, RP_CAUSE_DNS_FAILURE);
		return true;
	}
	return false;
}

/* What is left: AUTHENTICATION_FAILED outside NLA, a client that lost its network. */
static bool little_said(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	uint32_t e = ev->last_error;

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

/* The log-only rules that name a cause, or name the few a line leaves open. */
static bool log_only_named(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	/* The first rule that names, in this order, decides. */
	return client_said(log, fv) || server_said(log, fv) || logon_refused(log, fv) ||
	       gateway_said(log, fv) || message_said(log, fv) || little_said(log, fv);
}

#include "fieldlog_discreasons.h"

bool fl_disc_reason_known(int reason)
{
	for (size_t i = 0; i < sizeof(disc_reasons) / sizeof(disc_reasons[0]); i++)
		if (disc_reasons[i].reason == reason)
			return true;
	return false;
}

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

/* FreeRDP's generic negotiation failure and an RD Gateway's refusal say more in a log
 * than the record's code: the log's own reading goes first. */
static bool log_reads_first(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	struct rp_verdict* v = &fv->v;

	if (log->kind != RP_LOG_EVIDENCE_JSON && !ev->error_info &&
	    (ev->last_error == 0x0002000C || log->gateway_error[0] || log->nla_failed ||
	     log->auth_only_ok))
	{
		v->runner_up = RP_CAUSE_COUNT;
		if (log_only_named(log, fv))
			return true;
		memset(fv, 0, sizeof(*fv));
	}
	return false;
}

/* The classifier's rules on the record the log gives; true if they decided. */
static bool record_decides(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	struct rp_verdict* v = &fv->v;

	rp_classify(ev, v);
	/* A log that shows the session's connection lost, or a message that something failed
	 * (a reader's said[]: a RemoteApp the server refused ends the session), was not a working
	 * session, whatever the record's few fields allow. */
	if (log->kind != RP_LOG_EVIDENCE_JSON && (log->session_lost || log->n_said || log->client_crashed ||
	                                       log->channel_failed[0]) &&
	    v->cause == RP_CAUSE_CONNECTED)
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
		return true;
	}
	return false;
}

/* A refusal, or a first write that failed before any answer. */
static bool errno_decides(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	struct rp_verdict* v = &fv->v;

	if (log->errno_seen == ECONNREFUSED)
	{
		v->cause = RP_CAUSE_PORT_CLOSED;
		v->confidence = RP_CONF_MEDIUM;
		snprintf(v->because, sizeof(v->because), "the connection was refused: nothing listens, "
		                                          "or a firewall rejects, at the port");
		return true;
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
		return true;
	}
	return false;
}

/* TLS that failed with no certificate complaint, timed from its start: at once (cut), or
 * after a stall (the server's flight did not arrive). */
static bool tls_time_decides(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	struct rp_verdict* v = &fv->v;

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
			return true;
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
			return true;
		}
	}
	return false;
}

/* A reset: in no phase the log names, or in one. */
static bool reset_decides(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	struct rp_verdict* v = &fv->v;

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
		return true;
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
		return true;
	}
	return false;
}

/* A session that was up and whose connection was lost with no errorInfo: the client's route
 * gone, or a drop whose candidates the errno narrows. */
static bool session_lost_named(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	struct rp_verdict* v = &fv->v;

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
		return true;
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
		return true;
	}
	return false;
}

/* The candidates the last error (or an errno, a disconnect reason) leaves open. */
static void candidates_from_error(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	const struct rp_evidence* ev = &log->ev;
	struct rp_verdict* v = &fv->v;

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
	else if (ev->last_error == 0x0002000D && log->has_phase && !log->errno_seen &&
	         ev->attempts[0].furthest >= RP_PHASE_X224 && ev->attempts[0].furthest <= RP_PHASE_TLS &&
	         !ev->error_info)
	{
		/* Closed, with no errno, in the sequence's first steps: a server that will not speak
		 * the security protocol asked for (some close rather than answer a negotiation
		 * failure), a middlebox that cuts the connection, a server shedding load. */
		add_candidate(fv, RP_CAUSE_SECURITY_MISMATCH);
		add_candidate(fv, RP_CAUSE_FIREWALL_RESET);
		add_candidate(fv, RP_CAUSE_SERVER_OVERLOADED);
		snprintf(v->because, sizeof(v->because),
		         "the connection was closed in phase %s with no errno and no answer: the server "
		         "refused the security protocol asked for, or something cut the connection",
		         rp_phase_name(ev->attempts[0].furthest));
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
		/* A client whose message names no errno (rdesktop's IPv6 build, Remmina's dialog,
		 * guacd at INFO) says nothing of a refusal: unknown, not false. */
		if (log->connect_errno_unsaid)
			add_candidate(fv, RP_CAUSE_PORT_CLOSED);
		if (log->connect_errno_unsaid)
			snprintf(v->because, sizeof(v->because), "the TCP connection failed, and the client's "
			                                          "message names no errno: refused, dropped or "
			                                          "unroutable alike");
		else if (log->connect_fail_after_s >= 2)
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
	else if (log->client_crashed)
		snprintf(v->because, sizeof(v->because), "the client crashed (%s), and the log names no "
		                                          "error before it: a defect of the client or of a "
		                                          "library it loads, none of the causes here",
		         log->crash);
	else if (log->channel_failed[0])
		snprintf(v->because, sizeof(v->because), "the client ended the session itself: its %s "
		                                          "channel reported error %lu, and the log names no "
		                                          "network error before it: a defect of the client, or "
		                                          "data it could not read, none of the causes here",
		         log->channel_failed, log->channel_error);
	else
		snprintf(v->because, sizeof(v->because), "the log holds no error the rules can read");
}

void rp_fieldlog_classify(const struct rp_fieldlog* log, struct rp_field_verdict* fv)
{
	struct rp_verdict* v = &fv->v;

	memset(fv, 0, sizeof(*fv));
	if (log_reads_first(log, fv) || record_decides(log, fv))
		return;
	/* Log-only rules: what a log can say without the lab's counters and recheck. They name
	 * their own candidates: a log leaves most of the lab's clauses unknown, not false. */
	v->n_candidates = 0;
	v->eliminated[0] = '\0';
	if (log_only_named(log, fv))
		return;
	if (errno_decides(log, fv) || tls_time_decides(log, fv) || reset_decides(log, fv))
		return;
	/* Too little to decide: name the causes the log is compatible with. */
	v->cause = RP_CAUSE_UNDETERMINED;
	v->confidence = RP_CONF_LOW;
	if ((log->kind == RP_LOG_WINDOWS_EVENT || log->kind == RP_LOG_WINDOWS_DIALOG) &&
	    log->windows_reason)
	{
		windows_reason_verdict(log, fv);
		return;
	}
	if (session_lost_named(log, fv))
		return;
	candidates_from_error(log, fv);
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
