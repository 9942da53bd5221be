/* verdict_net.c: the network causes of the connection sequence that are about reaching the
 * server and the devices on the way: dns-failure, port-closed, port-filtered (was it reached
 * at all), firewall-reset, tunnel-drop and nat-idle-timeout (what a device or an outage on
 * the path did to a connection). Each cause's identifying predicate, its ruling-out clauses
 * and its row of the table, side by side; the table's order is verdict_decide.c's. */
#include "verdict_rules.h"

#include <stdio.h>
#include <string.h>

/* ---- reaching the server ---- */

static bool c_established(const struct rp_evidence* ev, char* why, size_t n)
{
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].t_established_ms >= 0)
		{
			snprintf(why, n, "TCP came up (attempt %d)", i + 1);
			return true;
		}
	return false;
}

static bool c_dns_error(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->last_error != ERR_DNS_ERROR && ev->last_error != ERR_DNS_NOT_FOUND &&
	    !(ev->is_name && ev->gai_error))
		return false;
	snprintf(why, n, "the name did not resolve: there was no address to connect to");
	return true;
}

/* Facts that need the server's own words: it negotiated, presented a certificate, judged
 * the credentials, or sent an errorInfo. A path that never carried a connection gives none. */
static bool c_server_spoke(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->last_error != ERR_NEGO_FAILED && !ev->cert_rejected && !ev->error_info &&
	    ev->last_error != ERR_AUTH_FAILED && ev->last_error != ERR_LOGON_FAILURE)
		return false;
	snprintf(why, n, "the server answered: %s",
	         ev->last_error == ERR_NEGO_FAILED ? "it negotiated the security layer"
	         : ev->cert_rejected                ? "it presented a certificate"
	         : ev->error_info                   ? "it sent an errorInfo"
	                                            : "it judged the credentials");
	return true;
}

/* ---- dns-failure ---- */

static bool is_dns_failure(const struct rp_evidence* ev, char* why, size_t n,
                           struct rp_verdict* v)
{
	bool established = false;

	if (ev->last_error == ERR_DNS_ERROR || ev->last_error == ERR_DNS_NOT_FOUND ||
	    (ev->is_name && ev->gai_error))
	{
		snprintf(why, n, "the server's name did not resolve (%s)",
		         ev->is_name && ev->gai_error ? ev->resolved : ev->last_error_name);
		return true;
	}
	/* Stale DNS: the name resolved, and nothing at that address ever answered. */
	for (int i = 0; i < ev->n_attempts; i++)
		established |= ev->attempts[i].t_established_ms >= 0;
	if (!ev->is_name || established || ev->n_attempts == 0 || ev->error_info)
		return false;
	snprintf(why, n, "the name resolved to %s, where nothing answered (errno %d)", ev->resolved,
	         ev->attempts[0].sock_errno);
	v->runner_up = RP_CAUSE_PORT_FILTERED;
	snprintf(v->unsure, sizeof(v->unsure),
	         "if %s is the server's right address, a firewall dropping the SYN looks the same",
	         ev->resolved);
	return true;
}

static bool c_address_given(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->is_name || ev->last_error == ERR_DNS_ERROR || ev->last_error == ERR_DNS_NOT_FOUND)
		return false;
	snprintf(why, n, "the client was given an address, no name to resolve");
	return true;
}

const struct rule vr_row_dns_failure = {
	SCOPE_CONNECT, RP_CAUSE_DNS_FAILURE, is_dns_failure, RP_CONF_HIGH,
	{ CL(c_address_given, "the client was given an address"),
	  CL(c_established, "a TCP connection came up"),
	  CL(c_server_spoke, "the server answered (negotiation, certificate, credentials, "
	                     "errorInfo)") } };

/* ---- port-closed, port-filtered ---- */

static bool is_port_closed(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* Refused: the SYN was answered with a RST, so TCP never came up, nothing was received,
	 * and each attempt failed within a second (no timeout was waited for). */
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		double ms = vr_attempt_ms(a);
		if (!a->tcp.valid || vr_received_data(a) || ms < 0 || ms > 1000)
			return false;
	}
	if (!vr_never_established(ev) || ev->watchdog_fired)
		return false;
	snprintf(why, n, "TCP never established in %d attempt(s), each refused within 1 s, "
	                 "0 bytes received (errno %d)",
	         ev->n_attempts, ev->attempts[0].sock_errno);
	return true;
}

const struct rule vr_row_port_closed = {
	SCOPE_CONNECT, RP_CAUSE_PORT_CLOSED, is_port_closed, RP_CONF_HIGH,
	{ CL(c_established, "a TCP connection came up"),
	  CL(c_server_spoke, "the server answered (negotiation, certificate, credentials, errorInfo)"),
	  CL(c_dns_error, "the name did not resolve") } };

static bool is_port_filtered(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* Filtered: the SYN went unanswered until the connect timeout (CONNECT_FAILED, no
	 * handshake, the attempt lasted at least a second). */
	const struct rp_attempt* a = ev->n_attempts ? &ev->attempts[0] : NULL;

	if (!a || !vr_never_established(ev) || ev->last_error != ERR_CONNECT_FAILED ||
	    vr_attempt_ms(a) < 1000)
		return false;
	snprintf(why, n, "no answer to the SYN for %.1f s, then CONNECT_FAILED; TCP never established",
	         vr_attempt_ms(a) / 1000.0);
	return true;
}

const struct rule vr_row_port_filtered = {
	SCOPE_CONNECT, RP_CAUSE_PORT_FILTERED, is_port_filtered, RP_CONF_MEDIUM,
	{ CL(c_established, "a TCP connection came up"),
	  CL(c_server_spoke, "the server answered (negotiation, certificate, credentials, errorInfo)"),
	  CL(c_dns_error, "the name did not resolve") } };

/* ---- firewall-reset ---- */

static bool is_firewall_reset(const struct rp_evidence* ev, char* why, size_t n,
                              struct rp_verdict* v)
{
	/* Every attempt was reset within a couple of seconds of its last progress (not after an
	 * idle spell, which is a middlebox's idle timeout), while the server said nothing (no
	 * errorInfo), and a fresh connection is answered: something on the path resets this
	 * connection at this point of the handshake. Measured from the last progress, not from
	 * the start: a slow client (a qemu guest's) takes seconds to get as far. */
	double worst = 0;

	if (ev->n_attempts == 0 || ev->error_info || ev->watchdog_fired)
		return false;
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		double ms = vr_attempt_ms(a), quiet = vr_quiet_ms(a);
		if (!vr_was_reset(a) || ms < 0 || quiet < 0)
			return false;
		if (quiet > worst)
			worst = quiet;
	}
	/* A reset after a quiet spell: a reset sent only to the server leaves the client's side
	 * open until its next packet (a keepalive at 5 s) draws the server kernel's RST, and that
	 * looks like an idle timer's reset. Who sent it (the TTL of the RST against the server's
	 * SYN-ACK) would tell; without it, the two stay side by side. */
	if (worst > FLAGGED_RESET_MS)
	{
		if (ev->recheck.x224 != RP_X224_ANSWERED)
			return false;
		const struct rp_attempt* fa = rp_evidence_furthest_attempt(ev);
		v->confidence = vr_rst_origin(ev, fa) == RST_SERVER_DISTANCE ? RP_CONF_MEDIUM : RP_CONF_LOW;
		snprintf(why, n,
		         "the connection was reset in phase %s after %.1f s of quiet, no errorInfo: a "
		         "reset that reached the server alone surfaces at the client's next packet%s",
		         rp_phase_name(fa->furthest), worst / 1000.0,
		         vr_rst_origin(ev, fa) == RST_SERVER_DISTANCE
		             ? ", and this one came from the server's own host (its TTL is the SYN-ACK's)"
		             : "");
		/* The same reset, from the server's host after a quiet spell, is what the server's own
		 * TCP leaves when it gave up retransmitting into a lossy path (ETIMEDOUT there, no RST
		 * sent): with real losses seen here, that reading is at least as good. */
		if (vr_real_losses(fa) >= 3)
		{
			v->confidence = RP_CONF_LOW;
			v->runner_up = RP_CAUSE_PACKET_LOSS;
			snprintf(v->unsure, sizeof(v->unsure),
			         "the path lost packets (%u retransmissions and out-of-order arrivals): the "
			         "server's own TCP may have given up and forgotten the connection",
			         vr_real_losses(fa));
		}
		return true;
	}
	snprintf(why, n,
	         "%d attempt(s) reset by RST in phase %s, each within %.0f ms of its last progress, "
	         "no errorInfo",
	         ev->n_attempts, rp_phase_name(rp_evidence_furthest_attempt(ev)->furthest), worst);
	if (ev->recheck.x224 != RP_X224_ANSWERED)
	{
		/* Without a live server behind, a crashing service resets connections too. */
		v->runner_up = RP_CAUSE_SERVER_HUNG;
		snprintf(v->unsure, sizeof(v->unsure),
		         "a fresh connection was not answered (%s, %s): the server itself may be failing",
		         rp_recheck_tcp_name(ev->recheck.tcp), rp_recheck_x224_name(ev->recheck.x224));
	}
	return true;
}

/* The attempt that told the story ended by the server's orderly close. */
static bool c_orderly_close(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || a->end != RP_END_FIN || a->sock_errno == ERRNO_ECONNRESET)
		return false;
	snprintf(why, n, "attempt %d ended by the server's orderly close (FIN), not a reset",
	         (int)(a - ev->attempts) + 1);
	return true;
}

static bool c_no_reset(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->n_attempts == 0)
		return false;
	for (int i = 0; i < ev->n_attempts; i++)
		if (vr_was_reset(&ev->attempts[i]) || ev->attempts[i].end == RP_END_UNKNOWN)
			return false;
	snprintf(why, n, "no attempt was reset");
	return true;
}

static bool c_hangs_up_unasked(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->recheck.x224 != RP_X224_CLOSED_AT_ONCE)
		return false;
	snprintf(why, n, "the server closes a fresh connection before the client has sent a byte: "
	                 "no filter had anything to flag");
	return true;
}

static bool c_rst_forged_after_idle(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || vr_rst_origin(ev, a) != RST_PATH || vr_quiet_ms(a) <= FLAGGED_RESET_MS)
		return false;
	snprintf(why, n, "a device on the path (RST TTL %u against the server's %u) reset it after "
	                 "%.1f s of quiet: an idle timer's reset, not a flagged packet's",
	         a->ttl_rst, a->ttl_synack, vr_quiet_ms(a) / 1000.0);
	return true;
}

const struct rule vr_row_firewall_reset = {
	SCOPE_CONNECT, RP_CAUSE_FIREWALL_RESET, is_firewall_reset, RP_CONF_HIGH,
	{ ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	  CL(c_orderly_close, "an orderly close (FIN)"),
	  CL(c_no_reset, "no attempt was reset"),
	  CL(c_hangs_up_unasked, "the server closes a fresh connection before it says anything"),
	  CL(c_rst_forged_after_idle, "a reset sent on the path (its TTL not the server's) after "
	                              "a quiet spell: an idle timer's") } };

/* ---- tunnel-drop ---- */

/* Losses the connection recovered from: retransmissions beyond the final run of unanswered
 * timeouts (tcpi_backoff), and packets that arrived out of order (one was lost, a later one
 * came). A path that merely went down has at most one: Linux's tail loss probe (RFC 8985 7)
 * retransmits once before the first timeout, outside the backoff count. */
static uint32_t recovered_losses(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	uint32_t backoff = a->tcp.backoff, retrans = a->tcp.retransmits, r;
	/* Nothing acknowledged since the last progress: every retransmission belongs to the final
	 * outage (the kernel clears tcpi_backoff when its own timer closes the connection, but
	 * tcpi_last_ack_recv stays). */
	if (a->tcp.last_ack_recv_ms && vr_quiet_ms(a) >= 0 && a->tcp.last_ack_recv_ms + 200.0 >= vr_quiet_ms(a))
		return a->tcp.rcv_ooopack;
	/* The liveness probe's snapshot of the last attempt, taken before the kernel's own timer
	 * could close it and clear the counters; retransmissions after it are the probe's. */
	if (a == &ev->attempts[ev->n_attempts - 1] && ev->liveness.result != RP_ALIVE_NOT_RUN)
	{
		backoff = ev->liveness.backoff > backoff ? ev->liveness.backoff : backoff;
		retrans = ev->liveness.retransmits;
	}
	r = retrans > backoff ? retrans - backoff : 0;
	return r + a->tcp.rcv_ooopack;
}

/* The path passed nothing for seconds and then passes again: one unanswered run of
 * retransmissions (nothing recovered before it) of 2 s and more, with a fresh connection
 * answered after; or a stalled connection that answers a keepalive now while the data its
 * server sent during seconds never arrived. A link that went down and came back leaves this,
 * and so does a long burst of loss: both are named. */
static bool outage_then_recovery(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	if (!a || a->t_established_ms < 0 || !vr_timed_out(ev, a) || !a->tcp.valid)
		return false;
	if (recovered_losses(ev, a) == 0 && vr_real_losses(a) >= 3 && vr_quiet_ms(a) >= 2000 &&
	    ev->recheck.tcp == RP_RECHECK_CONNECTED)
		return true;
	return vr_stalled(ev, a) && ev->liveness.result == RP_ALIVE_ACKED && a->server_unseen > 0 &&
	       ev->liveness.idle_ms >= 2000;
}

/* The stalled connection's own probe went unanswered (the keepalive FreeRDP sends after 5 s
 * of idle, or the probe's), while a fresh connection is answered: a middlebox forgot it, or the
 * link went down for those seconds and came back. Nothing the client sees tells a forgotten
 * mapping (its packets dropped for good) from an outage that ended: the server's kernel gives
 * up its unacknowledged data after its own user timeout, so no late retransmission shows the
 * path came back under the old connection either. */
static bool probe_went_unanswered(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	return ev->liveness.result == RP_ALIVE_SILENT || (a->tcp.valid && a->tcp.probes > 0);
}

static bool is_tunnel_drop(const struct rp_evidence* ev, char* why, size_t n,
                           struct rp_verdict* v)
{
	/* Or no connection ever came up: the SYN went unanswered, and so did echo requests to
	 * the server's address. A port filter would pass those (unless it filters ICMP too: then
	 * port-filtered is just as likely, and the two are named side by side). */
	if (vr_never_established(ev) && ev->last_error == ERR_CONNECT_FAILED && ev->recheck.ping.run &&
	    !ev->recheck.ping.sock_errno && ev->recheck.ping.n_sent > 0 && ev->recheck.ping.n == 0)
	{
		snprintf(why, n, "the SYN went unanswered and so did %d echo requests to the server's "
		                 "address: nothing answers there, the path or the host is down",
		         ev->recheck.ping.n_sent);
		v->confidence = RP_CONF_MEDIUM;
		return true;
	}
	/* The handshake stalled, and afterwards not even a SYN to the server gets an answer:
	 * the path itself is down. */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);

	if (vr_stalled(ev, a) && probe_went_unanswered(ev, a) && ev->recheck.x224 == RP_X224_ANSWERED &&
	    vr_real_losses(a) < 3 && !vr_was_reset(a))
	{
		snprintf(why, n, "the handshake went quiet in phase %s, the stalled connection's own "
		                 "probe went unanswered, and a fresh connection is answered now: a link "
		                 "that went down for those seconds and came back",
		         rp_phase_name(a->furthest));
		v->confidence = RP_CONF_MEDIUM;
		return true;
	}
	if (outage_then_recovery(ev, a))
	{
		/* Losses outside that one outage (the other attempts, the fresh connection's SYN, the
		 * ones this connection recovered from) make the path lossy, not merely down once. */
		uint32_t elsewhere = vr_path_losses(ev) - vr_real_losses(a) + recovered_losses(ev, a);
		snprintf(why, n, "in phase %s the path passed nothing for %.1f s (%s), and passes again "
		                 "now: a link that went down and came back",
		         rp_phase_name(a->furthest), vr_quiet_ms(a) / 1000.0,
		         a->server_unseen > 0 && ev->liveness.result == RP_ALIVE_ACKED
		             ? "the server's data never arrived"
		             : "one unanswered run of retransmissions");
		v->confidence = elsewhere >= 2 ? RP_CONF_LOW : RP_CONF_MEDIUM;
		return true;
	}
	if (!vr_stalled(ev, a) || ev->recheck.tcp != RP_RECHECK_NO_ANSWER)
		return false;
	/* The replay, seconds later, got through again: the path went silent and came back, a
	 * short outage or a burst of loss alike (packet-loss names the other reading). */
	if (vr_path_came_back(ev))
	{
		snprintf(why, n, "the handshake stalled in phase %s, a fresh SYN got no answer in %.0f "
		                 "ms, and a replay after it got through to %s: the path went down and "
		                 "came back",
		         rp_phase_name(a->furthest), ev->recheck.tcp_ms,
		         rp_phase_name(ev->recheck.replay.furthest));
		v->confidence = RP_CONF_MEDIUM;
		return true;
	}
	/* A link that went down while the client was sending leaves retransmissions too, but
	 * only in the final run of timeouts (tcpi_backoff counts it): retransmissions beyond it, or
	 * packets that arrived out of order, were losses the path recovered from before the end.
	 * Then loss that took a fresh SYN as well is the likelier story; a bare storm leaves both. */
	if (recovered_losses(ev, a) >= 2)
		v->confidence = RP_CONF_LOW;
	else if (vr_real_losses(a) >= 3)
		v->confidence = RP_CONF_MEDIUM;
	snprintf(why, n, "the handshake stalled in phase %s, and a fresh connection's SYN got no "
	                 "answer in %.0f ms: the path is down",
	         rp_phase_name(a->furthest), ev->recheck.tcp_ms);
	return true;
}

static bool c_pings_answered(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!ev->recheck.ping.run || ev->recheck.ping.n == 0)
		return false;
	snprintf(why, n, "%d of %d echo requests to the server's address were answered: the path and "
	                 "the host are up",
	         ev->recheck.ping.n, ev->recheck.ping.n_sent);
	return true;
}

/* For a drop for good: the stalled connection answers and nothing the server sent is
 * missing (an outage that ended leaves the server's data lost, its ACK ahead of it). */
static bool c_live_nothing_lost(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (ev->liveness.result != RP_ALIVE_ACKED || (a && a->server_unseen > 0))
		return false;
	snprintf(why, n, "the stalled connection answered %s and nothing the server sent is missing: "
	                 "the path never went down under it",
	         ev->liveness.keepalive ? "a keepalive" : "a retransmission");
	return true;
}

const struct rule vr_row_tunnel_drop = {
	SCOPE_CONNECT, RP_CAUSE_TUNNEL_DROP, is_tunnel_drop, RP_CONF_HIGH,
	{ ERRINFO_OUT, ACTIVE_OUT, CL(c_pings_answered, "the server's address answers pings"),
	  CL(c_live_nothing_lost, "the stalled connection answers a keepalive, and nothing the "
	                          "server sent is missing"),
	  CL(vr_c_small_mss_helps, "a fresh full-size TLS flight stays away while 536-byte segments "
	                           "pass (size, not an outage)") } };

/* ---- nat-idle-timeout ---- */

static bool is_nat_idle_timeout(const struct rp_evidence* ev, char* why, size_t n,
                                struct rp_verdict* v)
{
	/* The connection went quiet in the middle of the handshake and never came back, yet a
	 * fresh connection is answered at once: path and server are fine, this connection was
	 * forgotten on the way (a NAT or firewall idle timeout). */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	double last = -1;

	/* Or the middlebox answers the next packet of the forgotten connection with a reset: the
	 * attempt was reset after a quiet spell, and a fresh connection is answered. */
	if (a && vr_was_reset(a) && vr_quiet_ms(a) > FLAGGED_RESET_MS && !ev->error_info &&
	    ev->recheck.x224 == RP_X224_ANSWERED)
	{
		snprintf(why, n, "the connection was reset in phase %s after %.1f s of quiet, while a "
		                 "fresh connection is answered in %.0f ms: an idle timer forgot it",
		         rp_phase_name(a->furthest), vr_quiet_ms(a) / 1000.0, ev->recheck.x224_ms);
		/* A reset sent to the server alone looks the same, unless the RST's TTL says a device
		 * on the path sent it, not the server's host. */
		v->confidence = vr_rst_origin(ev, a) == RST_PATH ? RP_CONF_MEDIUM : RP_CONF_LOW;
		if (vr_rst_origin(ev, a) == RST_PATH)
		{
			size_t len = strlen(why);
			snprintf(why + len, n - len, "; the RST came with TTL %u against the server's %u: "
			                             "sent on the path",
			         a->ttl_rst, a->ttl_synack);
		}
		return true;
	}
	if (!vr_stalled(ev, a) || ev->recheck.x224 != RP_X224_ANSWERED ||
	    ev->recheck.tls == RP_RECHECK_TLS_SILENT || vr_real_losses(a) >= 3)
		return false;
	for (int i = 0; i < a->n_events; i++)
		if (a->events[i].t_ms > last)
			last = a->events[i].t_ms;
	snprintf(why, n, "the handshake went quiet in phase %s for %.1f s until the timeout, while a "
	                 "fresh connection is answered in %.0f ms",
	         rp_phase_name(a->furthest), (a->t_end_ms - last) / 1000.0, ev->recheck.x224_ms);
	v->runner_up = RP_CAUSE_SERVER_HUNG;
	snprintf(v->unsure, sizeof(v->unsure),
	         "a server that hangs one session but still answers new ones looks the same from "
	         "here; the server's own log, or a capture on both sides of the middlebox, settles it");
	return true;
}

static bool c_live_acked(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->liveness.result != RP_ALIVE_ACKED)
		return false;
	snprintf(why, n, "the stalled connection answered %s after %.0f ms silent: path and "
	                 "server's TCP both still hold it",
	         ev->liveness.keepalive ? "a keepalive" : "a retransmission", ev->liveness.idle_ms);
	return true;
}

static bool c_reset_at_once(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || !vr_was_reset(a) || vr_quiet_ms(a) < 0 || vr_quiet_ms(a) > FLAGGED_RESET_MS)
		return false;
	snprintf(why, n, "the reset came %.0f ms after the last progress: an idle timer needs the "
	                 "connection idle for at least a second",
	         vr_quiet_ms(a));
	return true;
}

static bool c_rst_from_server_host(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || vr_rst_origin(ev, a) != RST_SERVER_DISTANCE)
		return false;
	snprintf(why, n, "the RST came with the server's own TTL (%u, as its SYN-ACK): its host sent "
	                 "it, no device on the path answered for the connection",
	         a->ttl_rst);
	return true;
}

const struct rule vr_row_nat_idle_timeout = {
	SCOPE_CONNECT, RP_CAUSE_NAT_IDLE_TIMEOUT, is_nat_idle_timeout, RP_CONF_MEDIUM,
	{ ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	  CL(c_live_acked, "the stalled connection answers a keepalive (nothing forgot it)"),
	  CL(vr_c_fresh_syn_unanswered, "a fresh SYN goes unanswered (the path is down)"),
	  CL(vr_c_fresh_x224_silent, "a fresh X.224 request goes unanswered (the service is silent)"),
	  CL(vr_c_retrans_storm, "retransmission storms (loss)"),
	  CL(c_reset_at_once, "a reset within 1 s of progress (a filter, not an idle timer)"),
	  CL(c_rst_from_server_host, "the RST came from the server's host (its TTL is the "
	                             "SYN-ACK's): no middlebox answered for the connection") } };
