/* verdict_server.c: the server-side causes: what the server said (server-denied and
 * licensing-failure at connect time; server-ended-session, server-fault and broker-failure by
 * its errorInfo, after activation too) and what it did without a word (server-overloaded,
 * server-hung). Each cause's identifying predicate, its ruling-out clauses and its row of the
 * table, side by side; the table's order is verdict_decide.c's. */
#include "verdict_rules.h"

#include <stdio.h>
#include <string.h>

#include "errinfo.h"

/* ---- server-denied ---- */

/* The client gave up at once on what the server sent right after its Client Info, where the
 * licensing exchange begins: no reset, no timeout, no FIN, no errorInfo read. FreeRDP 3.10's
 * client fails to read a Set Error Info PDU sent during licensing (its licensing state takes
 * only license PDUs), so a server that refuses there (a licensing error, or a denial) leaves
 * exactly this; both readings are named. */
static bool aborted_at_licensing(const struct rp_evidence* ev)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || ev->error_info || a->end != RP_END_ABORT || a->t_established_ms < 0 ||
	    (a->furthest != RP_PHASE_SECURE_SETTINGS && a->furthest != RP_PHASE_LICENSING) ||
	    ev->last_error != ERR_TRANSPORT_FAILED || a->tcp.bytes_received <= 1)
		return false;
	return vr_quiet_ms(a) >= 0 && vr_quiet_ms(a) <= 1000.0;
}

/* The reading of that abort as `what` (a denial, a licensing error): low, beside the other. */
static bool refused_at_licensing(const struct rp_evidence* ev, char* why, size_t n,
                                 struct rp_verdict* v, const char* what)
{
	if (!aborted_at_licensing(ev))
		return false;
	snprintf(why, n, "the client gave up at once on the server's first PDU after its Client Info "
	                 "(phase %s), where licensing begins, no errorInfo read: %s sent there is one "
	                 "FreeRDP 3.10 cannot read",
	         rp_phase_name(rp_evidence_furthest(ev)), what);
	v->confidence = RP_CONF_LOW;
	return true;
}

static bool is_denied(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	if (refused_at_licensing(ev, why, n, v, "a denial"))
		return true;
	/* The server said so: Set Error Info with SERVER_DENIED_CONNECTION (0x7),
	 * SERVER_INSUFFICIENT_PRIVILEGES (0x9), FRESH_CREDENTIALS_REQUIRED (0xA) or
	 * REMOTEAPP_NOT_ENABLED (0x10F3) (MS-RDPBCGR 2.2.5.1.1; errinfo.c's classes). */
	if (rp_errinfo_class(ev->error_info) != RP_EI_DENIAL)
		return false;
	snprintf(why, n, "the server sent errorInfo 0x%X (%s) at phase %s", ev->error_info,
	         ev->error_info_name[0] ? ev->error_info_name : "a denial",
	         rp_phase_name(rp_evidence_furthest(ev)));
	return true;
}

static bool c_errinfo_not_denial(const struct rp_evidence* ev, char* why, size_t n)
{
	if (rp_errinfo_class(ev->error_info) == RP_EI_DENIAL)
		return false;
	if (ev->error_info)
		snprintf(why, n, "the server's errorInfo is 0x%X, not a denial", ev->error_info);
	else if (ev->timers.known && ev->timers.errinfo_pdu &&
	         rp_evidence_furthest(ev) >= RP_PHASE_CAPABILITIES)
		/* Only where the client reads data PDUs: FreeRDP 3.10 cannot read one sent during
		 * licensing. */
		snprintf(why, n, "the client announced the errorInfo PDU and got none: a denial "
		                 "would have said so");
	else
		return false;
	return true;
}

static bool c_ended_by_timer(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || ev->error_info || !vr_timed_out(ev, a))
		return false;
	snprintf(why, n, "the attempt ended by a timer in phase %s: a refusal is the server's close",
	         rp_phase_name(a->furthest));
	return true;
}

const struct rule vr_row_server_denied = {
	SCOPE_ANY, RP_CAUSE_SERVER_DENIED, is_denied, RP_CONF_HIGH,
	{ CL(c_errinfo_not_denial, "another errorInfo, or none to a client that announced the "
	                           "errorInfo PDU"),
	  CL(c_ended_by_timer, "the attempt ended by a timer (a refusal is the server's close)") } };

/* ---- licensing-failure ---- */

static bool is_licensing_failure(const struct rp_evidence* ev, char* why, size_t n,
                                 struct rp_verdict* v)
{
	if (refused_at_licensing(ev, why, n, v, "a licensing error"))
		return true;
	if (rp_errinfo_class(ev->error_info) != RP_EI_LICENSING)
		return false;
	snprintf(why, n, "the server sent a licensing errorInfo 0x%X (%s)", ev->error_info,
	         ev->error_info_name[0] ? ev->error_info_name : "ERRINFO_LICENSE_*");
	return true;
}

static bool c_errinfo_not_license(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!ev->error_info || rp_errinfo_class(ev->error_info) == RP_EI_LICENSING)
		return false;
	snprintf(why, n, "the server's errorInfo is 0x%X, not a licensing code", ev->error_info);
	return true;
}

static bool c_before_licensing(const struct rp_evidence* ev, char* why, size_t n)
{
	/* The licensing exchange begins right after the Client Info (secure settings): a client
	 * that got that far may have met it. */
	if (ev->error_info || rp_evidence_furthest(ev) >= RP_PHASE_SECURE_SETTINGS || ev->n_attempts == 0)
		return false;
	snprintf(why, n, "the connection never sent its Client Info (furthest %s), where licensing "
	                 "begins, and no licensing errorInfo came",
	         rp_phase_name(rp_evidence_furthest(ev)));
	return true;
}

static bool c_past_licensing(const struct rp_evidence* ev, char* why, size_t n)
{
	/* A licensing errorInfo names the cause wherever it arrived (FreeRDP 3.10's client reads
	 * it only once data PDUs flow); without one, getting past licensing rules it out. */
	if (rp_errinfo_class(ev->error_info) == RP_EI_LICENSING)
		return false;
	return vr_past(ev, RP_PHASE_LICENSING, why, n);
}

const struct rule vr_row_licensing_failure = {
	SCOPE_ANY, RP_CAUSE_LICENSING_FAILURE, is_licensing_failure, RP_CONF_HIGH,
	{ CL(c_errinfo_not_license, "an errorInfo outside the licensing codes"),
	  CL(c_before_licensing, "the connection never sent its Client Info (licensing begins "
	                         "after it), and no licensing errorInfo came"),
	  CL(c_past_licensing, "progress past licensing") } };

/* ---- server-overloaded ---- */

static bool is_server_overloaded(const struct rp_evidence* ev, char* why, size_t n,
                                 struct rp_verdict* v)
{
	/* TCP is accepted and closed at once, before any X.224 answer: a server shedding
	 * connections (MaxOutstandingConnections). Its close may reach the client as a FIN or, if
	 * the client's request was already on its way, as an RST; what tells it from a middlebox
	 * is the recheck: the server hangs up on a fresh connection that has said nothing. */
	bool closed_idle = ev->recheck.x224 == RP_X224_CLOSED_AT_ONCE;
	if (ev->n_attempts == 0 || ev->watchdog_fired || ev->error_info)
		return false;
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		double ms = vr_attempt_ms(a);
		if (a->t_established_ms < 0 || !a->tcp.valid || vr_received_data(a) ||
		    (a->sock_errno == ERRNO_ECONNRESET && !closed_idle) || ms < 0 || ms > 1000)
			return false;
	}
	snprintf(why, n, "TCP accepted and closed within 1 s before any X.224 answer, %d attempt(s)%s",
	         ev->n_attempts,
	         closed_idle ? "; the server hangs up on a fresh connection before it says anything"
	                     : (ev->recheck.x224 == RP_X224_CLOSED ? "; a fresh connection is closed the "
	                                                             "same way"
	                                                           : ""));
	if (ev->recheck.x224 == RP_X224_ANSWERED)
	{
		v->runner_up = RP_CAUSE_FIREWALL_RESET;
		snprintf(v->unsure, sizeof(v->unsure),
		         "a fresh connection is answered: the overload passed, or something on the "
		         "path closes connections");
	}
	return true;
}

static bool c_server_data(const struct rp_evidence* ev, char* why, size_t n)
{
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].furthest > RP_PHASE_X224 ||
		    (ev->attempts[i].tcp.valid && ev->attempts[i].tcp.bytes_received > 20))
		{
			snprintf(why, n, "the server answered the X.224 request (attempt %d)", i + 1);
			return true;
		}
	return false;
}

static bool c_not_closed_at_once(const struct rp_evidence* ev, char* why, size_t n)
{
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		if (a->t_established_ms >= 0 && (a->end == RP_END_TIMEOUT || a->end == RP_END_DEADLINE))
		{
			snprintf(why, n, "attempt %d stayed open until a timer ended it: a server shedding "
			                 "connections closes them at once",
			         i + 1);
			return true;
		}
	}
	return false;
}

static bool c_rst_forged(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || vr_rst_origin(ev, a) != RST_PATH)
		return false;
	snprintf(why, n, "the RST came with TTL %u against the server's %u: a device on the path "
	                 "sent it, not the server",
	         a->ttl_rst, a->ttl_synack);
	return true;
}

const struct rule vr_row_server_overloaded = {
	SCOPE_CONNECT, RP_CAUSE_SERVER_OVERLOADED, is_server_overloaded, RP_CONF_HIGH,
	{ ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	  CL(c_server_data, "an X.224 answer"),
	  CL(c_not_closed_at_once, "a connection that stayed open until a timer ended it"),
	  CL(c_rst_forged, "an RST sent on the path (its TTL not the server's)") } };

/* ---- server-hung ---- */

static bool hung_core(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* The server's TCP stack answers, its RDP service does not: a fresh connection is
	 * accepted but its X.224 request goes unanswered. */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);

	if (!a || a->t_established_ms < 0 || !vr_timed_out(ev, a) ||
	    ev->recheck.tcp != RP_RECHECK_CONNECTED)
		return false;
	if (ev->recheck.x224 == RP_X224_SILENT && vr_x224_waited_enough(ev) &&
	    vr_fresh_request_clean(ev))
	{
		snprintf(why, n, "stalled in phase %s; a fresh connection is accepted but its X.224 "
		                 "request gets no answer in %.0f ms",
		         rp_phase_name(a->furthest), ev->recheck.x224_ms);
		return true;
	}
	/* The stalled connection itself is alive end to end (its keepalive or retransmission is
	 * acknowledged by the server's kernel) while the service sends nothing: hung, or too slow
	 * for the client's patience, at this phase. */
	/* An idle path answers the probe in about its round trip; an answer that waited in a
	 * queue (a narrow link still carrying the server's data) is no silent service. */
	if (vr_stalled(ev, a) && ev->liveness.result == RP_ALIVE_ACKED &&
	    ev->liveness.idle_ms >= SILENT_SERVICE_MS &&
	    ev->liveness.ms <= 3.0 * (a->tcp.min_rtt_us / 1000.0) + 50.0)
	{
		snprintf(why, n, "stalled in phase %s for %.1f s; the server's TCP still acknowledges "
		                 "the connection (%s answered in %.0f ms) but the service sends nothing",
		         rp_phase_name(a->furthest), ev->liveness.idle_ms / 1000.0,
		         ev->liveness.keepalive ? "a keepalive" : "a retransmission", ev->liveness.ms);
		return true;
	}
	/* It answers X.224 and then stalls in TLS even with small segments: not the path. */
	if (ev->recheck.x224 == RP_X224_ANSWERED && ev->recheck.tls == RP_RECHECK_TLS_SILENT &&
	    ev->recheck.tls_small_mss == RP_RECHECK_TLS_SILENT)
	{
		snprintf(why, n, "stalled in phase %s; a fresh connection gets the X.224 answer but no "
		                 "TLS handshake in %.0f ms, even asking for 536-byte segments",
		         rp_phase_name(a->furthest), ev->recheck.tls_ms);
		return true;
	}
	return false;
}

/* The hang, and what the replay says of it: stalls again at the same phase (the service is
 * stuck there), or goes past it now (the stall was this connection's, a transient one). */
static bool is_server_hung(const struct rp_evidence* ev, char* why, size_t n,
                           struct rp_verdict* v)
{
	const struct rp_replay* rr = &ev->recheck.replay;
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	size_t len;

	if (!hung_core(ev, why, n, v))
		return false;
	len = strlen(why);
	if (rr->run && rr->furthest == a->furthest && rr->end == RP_END_DEADLINE)
		snprintf(why + len, n - len, "; a fresh FreeRDP connection stalled in %s again",
		         rp_phase_name(rr->furthest));
	else if (rr->run && (rr->active || rr->furthest > a->furthest))
		snprintf(why + len, n - len, "; a fresh FreeRDP connection now gets to %s: a transient "
		                             "stall",
		         rp_phase_name(rr->furthest));
	return true;
}

static bool c_live_dead(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->liveness.result != RP_ALIVE_SILENT && ev->liveness.result != RP_ALIVE_RESET)
		return false;
	snprintf(why, n, "the stalled connection's %s drew %s: a live server's kernel answers one",
	         ev->liveness.keepalive ? "keepalive" : "retransmission",
	         ev->liveness.result == RP_ALIVE_RESET ? "a reset" : "nothing");
	return true;
}

static bool c_path_lossy(const struct rp_evidence* ev, char* why, size_t n)
{
	uint32_t lost = vr_path_losses(ev);
	if (lost < 3)
		return false;
	snprintf(why, n, "the path lost %u packets over the attempts and the fresh connection: a "
	                 "hung service behind a clean path loses none",
	         lost);
	return true;
}

static bool c_server_sending(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || a->server_unseen <= 0)
		return false;
	snprintf(why, n, "the server's last ACK is %lld bytes ahead of what arrived: it was sending "
	                 "(its data lost, or still queued on the way)",
	         (long long)a->server_unseen);
	return true;
}

const struct rule vr_row_server_hung = {
	SCOPE_CONNECT, RP_CAUSE_SERVER_HUNG, is_server_hung, RP_CONF_HIGH,
	{ ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	  CL(vr_c_fresh_syn_unanswered, "a fresh SYN goes unanswered (a hung service's kernel "
	                                "still answers)"),
	  CL(c_live_dead, "the stalled connection's keepalive draws nothing or a reset"),
	  CL(vr_c_retrans_storm, "retransmission storms (a hung service's kernel still ACKs)"),
	  CL(c_path_lossy, "loss on the path over all the connections (repairs, SYN "
	                   "retransmissions)"),
	  CL(c_server_sending, "the server's ACKs run ahead of what arrived: it is sending"),
	  CL(vr_c_small_mss_helps, "536-byte segments bring the TLS flight (the service answers)") } };

/* ---- server-ended-session, server-fault, broker-failure: the server's errorInfo ---- */

/* MS-RDPBCGR 2.2.5.1.1: who ended the session. FreeRDP 3.10 names all but 0x19 and 0x1A. */
static const char* ended_by(uint32_t code)
{
	switch (code)
	{
		case 0x1: return "an administrator or a tool disconnected it (RPC_INITIATED_DISCONNECT)";
		case 0x2: return "an administrator or a tool logged it off (RPC_INITIATED_LOGOFF)";
		case 0x3: return "the server's idle-session limit (IDLE_TIMEOUT)";
		case 0x4: return "the server's logon time limit (LOGON_TIMEOUT)";
		case 0x5: return "another connection took the session over "
		                 "(DISCONNECTED_BY_OTHER_CONNECTION)";
		case 0xB: return "the user disconnected it from another session or a tool "
		                 "(RPC_INITIATED_DISCONNECT_BY_USER)";
		case 0xC: return "the user logged off (LOGOFF_BY_USER)";
		case 0x19: return "the server is shutting down (SERVER_SHUTDOWN, MS-RDPBCGR 2.2.5.1.1)";
		case 0x1A: return "the server is rebooting (SERVER_REBOOT, MS-RDPBCGR 2.2.5.1.1)";
	}
	return NULL;
}

static bool is_server_ended_session(const struct rp_evidence* ev, char* why, size_t n,
                                    struct rp_verdict* v)
{
	const struct rp_session* ss = &ev->session;
	const char* who = ended_by(ev->error_info);
	/* 0x1 and 0xC are also what FreeRDP derives from a bare ultimatum at any time: they name a
	 * session's end only once it was active. The others say it themselves. */
	if (!who || (!rp_evidence_active(ev) && (ev->error_info == 0x1 || ev->error_info == 0xC)))
		return false;
	if (ss->dpu && !ss->error_info_pdu)
		snprintf(why, n, "after active the server sent Deactivate All and a Disconnect Provider "
		                 "Ultimatum (reason %d) with no Set Error Info: FreeRDP reports 0x%X for it; "
		                 "the server ended the session", ss->dpu_reason, ev->error_info);
	else
		snprintf(why, n, "after active the server's errorInfo 0x%X: %s", ev->error_info, who);
	return true;
}

static bool c_no_errinfo(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->error_info)
		return false;
	snprintf(why, n, "no errorInfo (the server said nothing of ending it)");
	return true;
}

static bool c_never_active_derived(const struct rp_evidence* ev, char* why, size_t n)
{
	if (rp_evidence_active(ev) || (ev->error_info != 0x1 && ev->error_info != 0xC))
		return false;
	snprintf(why, n, "errorInfo 0x%X before the session was active", ev->error_info);
	return true;
}

const struct rule vr_row_server_ended_session = {
	SCOPE_ANY, RP_CAUSE_SERVER_ENDED_SESSION, is_server_ended_session, RP_CONF_HIGH,
	{ CL(c_no_errinfo, "no errorInfo"),
	  CL(c_never_active_derived, "errorInfo 0x1 or 0xC before the session was active (also "
	                             "what FreeRDP derives from an ultimatum at connect time)") } };

static bool is_server_fault(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	uint32_t c = ev->error_info;
	enum rp_errinfo_class k = rp_errinfo_class(c);
	if (k != RP_EI_SERVER_FAULT && k != RP_EI_PROTOCOL)
		return false;
	snprintf(why, n, "the server's errorInfo 0x%X (%s): it ended the connection for %s", c,
	         ev->error_info_name[0] ? ev->error_info_name : rp_errinfo_name(c),
	         k == RP_EI_PROTOCOL ? "a protocol error it saw in what the client sent"
	                             : "its own fault");
	return true;
}

const struct rule vr_row_server_fault = {
	SCOPE_ANY, RP_CAUSE_SERVER_FAULT, is_server_fault, RP_CONF_HIGH,
	{ CL(c_no_errinfo, "no errorInfo") } };

static bool is_broker_failure(const struct rp_evidence* ev, char* why, size_t n,
                              struct rp_verdict* v)
{
	uint32_t c = ev->error_info;
	if (rp_errinfo_class(c) != RP_EI_BROKER)
		return false;
	snprintf(why, n, "the connection broker's errorInfo 0x%X (%s): %s", c,
	         ev->error_info_name[0] ? ev->error_info_name : rp_errinfo_name(c), rp_errinfo_text(c));
	return true;
}

const struct rule vr_row_broker_failure = {
	SCOPE_ANY, RP_CAUSE_BROKER_FAILURE, is_broker_failure, RP_CONF_HIGH,
	{ CL(c_no_errinfo, "no errorInfo") } };
