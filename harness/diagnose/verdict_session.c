/* verdict_session.c: connected (the session held), and the causes in the session, after
 * activation: tunnel-drop, nat-idle-timeout, firewall-reset, mtu-blackhole and packet-loss as
 * the session's own connection shows them (the server's errorInfo after activation is
 * verdict_server.c's). Each cause's identifying predicate, its ruling-out clauses and its row
 * of the table, side by side; the table's order is verdict_decide.c's. */
#include "verdict_rules.h"

#include <stdio.h>
#include <string.h>

/* ---- the session (after activation) ----
 *
 * Once a session was active, the connection-time signs mean other things (the handshake's
 * phases are over, the recheck's TLS flight is small), so causes in the session have their
 * own rows (scope session): what the session's own connection shows when it stopped being
 * answered, and what a fresh connection, a ping and a don't-fragment ping say after it. */

#define NAT_MIN_QUIET_MS 1000.0 /* an idle timer counts whole seconds (conntrack): a spell
                                 * shorter than 1 s cannot have fired one */
#define FROZEN_MS 2000u         /* no data for this long while the server's ACKs ran ahead */

/* The session's connection: the attempt that became active, the last of them. */
static const struct rp_attempt* session_attempt(const struct rp_evidence* ev)
{
	/* With auto-reconnect the session has several: the first that was active and did not
	 * end by the client's own close is the one that failed. */
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].furthest == RP_PHASE_ACTIVE && ev->attempts[i].end != RP_END_CLIENT &&
		    ev->attempts[i].end != RP_END_UNKNOWN && i < ev->n_attempts - 1)
			return &ev->attempts[i];
	for (int i = ev->n_attempts - 1; i >= 0; i--)
		if (ev->attempts[i].furthest == RP_PHASE_ACTIVE)
			return &ev->attempts[i];
	return NULL;
}

/* The session held while the server's data stopped arriving: its last pure ACK's sequence is
 * ahead of what came (it sent data that was lost on the way), and no data came for 2 s. */
static bool session_frozen(const struct rp_evidence* ev)
{
	const struct rp_attempt* a = session_attempt(ev);
	return a && a->server_unseen > 0 && a->tcp.valid && a->tcp.last_data_recv_ms >= FROZEN_MS;
}

/* Since when nothing was acknowledged (ms since the start), -1 if unknown. */
static double session_onset(const struct rp_attempt* a)
{
	if (!a->tcp.valid || a->t_end_ms < 0)
		return -1;
	return a->t_end_ms - a->tcp.last_ack_recv_ms;
}

/* The quiet spell (no PDU either way) in which the connection stopped being answered: one of
 * 1 s or more that began before the last acknowledgement and lasted past it. Its length, or 0. */
static double quiet_at_onset(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	double on = session_onset(a);
	const struct rp_session* ss = &ev->session;
	double best = 0;

	if (on < 0)
		return 0;
	for (int i = 0; i < ss->n_quiet; i++)
		if (ss->quiet_ms[i] >= NAT_MIN_QUIET_MS && ss->quiet_start_ms[i] <= on + 300 &&
		    ss->quiet_start_ms[i] + ss->quiet_ms[i] >= on - 300 && ss->quiet_ms[i] > best)
			best = ss->quiet_ms[i];
	return best;
}

/* The longest quiet spell before the connection stopped being answered. */
static double longest_quiet_before(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	double on = session_onset(a), best = 0;
	const struct rp_session* ss = &ev->session;
	for (int i = 0; i < ss->n_quiet; i++)
		if (ss->quiet_start_ms[i] <= on + 300 && ss->quiet_ms[i] > best)
			best = ss->quiet_ms[i];
	return best;
}

/* A session record: the session was active and then failed (cut, an error, frozen). */
static bool session_failed(const struct rp_evidence* ev)
{
	return rp_evidence_active(ev) && (ev->last_error || ev->error_info || ev->session.reconnects ||
	                                  rp_evidence_session_cut(ev) || session_frozen(ev));
}

/* The session's connection ended because nothing answered it any more: its kernel's timer
 * (keepalive, TCP_USER_TIMEOUT), the client's own timer, or it held while nothing came back
 * for 3 s with data outstanding. */
static bool session_unanswered(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	if (a->end == RP_END_TIMEOUT || a->end == RP_END_DEADLINE)
		return a->sock_errno != ERRNO_ECONNRESET;
	return a->end == RP_END_CLIENT && a->tcp.valid && a->tcp.unacked > 0 &&
	       a->tcp.last_ack_recv_ms >= 3000;
}

/* Losses the session's connection repaired: retransmissions began and data still arrived
 * after them. */
static bool session_repaired(const struct rp_evidence* ev)
{
	const struct rp_session* ss = &ev->session;
	const struct rp_attempt* a = session_attempt(ev);
	/* Within the connection that failed: a reconnected one starts its counters again. */
	double until = a && a->t_end_ms >= 0 ? a->t_end_ms : 1e18;
	int last = 0;
	while (last < ss->n_samples && ss->samples[last].t_ms <= until)
		last++;
	for (int k = 1; k < last; k++)
		if (ss->samples[k].retransmits > ss->samples[k - 1].retransmits)
			for (int j = k + 1; j < last; j++)
				if (ss->samples[j].bytes_in > ss->samples[k].bytes_in)
					return true;
	return false;
}

static bool sizes_blackhole(const struct rp_evidence* ev)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	return z->run && !z->sock_errno && z->big_sent >= 4 && z->big_answered == 0 &&
	       z->small_answered * 4 >= z->small_sent * 3 && z->small_sent > 0;
}

/* The pings after it: some answered, some not, at either size: the path passes packets and
 * loses others (a train leaves within a millisecond: a link that comes back during it loses
 * the whole of it, not part). */
static bool pings_partly_lost(const struct rp_evidence* ev)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	int sent = z->big_sent + z->small_sent, got = z->big_answered + z->small_answered;
	if (!z->run || z->sock_errno || !sent || !got || got == sent)
		return false;
	/* Not the black hole's pattern: every small one back and no large one. */
	return !(z->big_answered == 0 && z->small_answered == z->small_sent);
}

static bool path_down_now(const struct rp_evidence* ev)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	return ev->recheck.tcp == RP_RECHECK_NO_ANSWER && z->run && !z->sock_errno && z->small_sent &&
	       z->small_answered == 0;
}

static double session_s(const struct rp_evidence* ev, double t_ms)
{
	return (t_ms - ev->session.t_active_ms) / 1000.0;
}

/* ---- connected ---- */

static bool is_connected(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* Active after finalization (MS-RDPBCGR 1.3.1.1), and no error while the probe held it. */
	if (!rp_evidence_active(ev) || ev->last_error || ev->error_info)
		return false;
	if (ev->session.want_ms && ev->session.held)
	{
		const struct rp_attempt* a = session_attempt(ev);
		int k = snprintf(why, n, "the session held %.1f s (%s) with %u screen updates, no error, "
		                         "no errorInfo",
		                 (ev->session.t_end_ms - ev->session.t_active_ms) / 1000.0,
		                 rp_activity_name(ev->session.activity), ev->session.updates);
		/* Held, but what the user lived through: a slow or lossy path. */
		if (a && a->tcp.valid && (a->tcp.rtt_us >= 250000 || a->tcp.retransmits >= 5) && k > 0 &&
		    (size_t)k < n)
			snprintf(why + k, n - (size_t)k, "; degraded: round trip %.0f ms at the end, %u "
			                                 "retransmissions", a->tcp.rtt_us / 1000.0,
			         a->tcp.retransmits);
	}
	else if (ev->hold_ms)
		snprintf(why, n, "reached active, no last error, no errorInfo during a %u ms hold",
		         ev->hold_ms);
	else
		snprintf(why, n, "reached active, no last error, no errorInfo");
	return true;
}

static bool c_not_active(const struct rp_evidence* ev, char* why, size_t n)
{
	if (rp_evidence_active(ev) && !ev->last_error && !ev->error_info)
		return false;
	if (!rp_evidence_active(ev))
		snprintf(why, n, "the session never reached active (furthest %s)",
		         rp_phase_name(rp_evidence_furthest(ev)));
	else
		snprintf(why, n, "an error ended it (last error 0x%08X, errorInfo 0x%X)", ev->last_error,
		         ev->error_info);
	return true;
}

static bool c_frozen(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!session_frozen(ev))
		return false;
	snprintf(why, n, "the server's data stopped arriving (its ACKs %lld bytes ahead, no data for "
	                 "%.1f s at the end)", (long long)a->server_unseen,
	         a->tcp.last_data_recv_ms / 1000.0);
	return true;
}

static bool c_reconnected(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!ev->session.reconnects)
		return false;
	snprintf(why, n, "the connection dropped in the session: auto-reconnect tried %u time(s)%s",
	         ev->session.reconnects, ev->session.reconnected ? " and brought it back" : "");
	return true;
}

static bool c_session_cut(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!rp_evidence_session_cut(ev))
		return false;
	snprintf(why, n, "the session ended %.1f s in, before its %u ms", session_s(ev, ev->session.t_end_ms),
	         ev->session.want_ms);
	return true;
}

const struct rule vr_row_connected = {
	SCOPE_ANY, RP_CAUSE_CONNECTED, is_connected, RP_CONF_HIGH,
	{ CL(c_not_active, "a phase short of active, or an error or errorInfo"),
	  CL(c_session_cut, "a session that ended before its time"),
	  CL(c_reconnected, "the connection dropped and auto-reconnect had to bring it back"),
	  CL(c_frozen, "the server's data stopped arriving while its ACKs ran ahead") } };

/* ---- tunnel-drop in the session ---- */

static bool is_s_tunnel_drop(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !session_failed(ev) || ev->error_info || !session_unanswered(ev, a))
		return false;
	if (path_down_now(ev))
		snprintf(why, n, "%.1f s into the session nothing answered its connection any more "
		                 "(ended by %s), and afterwards a fresh SYN and small pings go unanswered: "
		                 "the path is down", session_s(ev, session_onset(a)), rp_end_name(a->end));
	else
	{
		v->confidence = RP_CONF_MEDIUM;
		snprintf(why, n, "%.1f s into the session nothing answered its connection any more "
		                 "(ended by %s, no reset, no errorInfo); the path passes again afterwards%s",
		         session_s(ev, session_onset(a)), rp_end_name(a->end),
		         ev->session.reconnected ? " (auto-reconnect brought the session back)" : "");
	}
	return true;
}

static bool c_s_held(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!rp_evidence_active(ev) || session_failed(ev))
		return false;
	snprintf(why, n, "the session held without an error, and its data kept coming");
	return true;
}

static bool c_s_reset(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !vr_was_reset(a))
		return false;
	snprintf(why, n, "a reset ended the session's connection");
	return true;
}

static bool c_s_acks_to_end(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !a->tcp.valid || a->end == RP_END_TIMEOUT || a->tcp.last_ack_recv_ms >= 1000)
		return false;
	snprintf(why, n, "the server's ACKs kept coming to the session's end (the last %u ms before "
	                 "it): the path and its TCP work", a->tcp.last_ack_recv_ms);
	return true;
}

static bool c_s_repaired(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !session_repaired(ev) || vr_real_losses(a) < 5)
		return false;
	snprintf(why, n, "losses were repaired during the session (%u retransmissions, data arriving "
	                 "after them): a lossy path, not one that went away", a->tcp.retransmits);
	return true;
}

static bool c_s_partly_lost(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	if (!pings_partly_lost(ev))
		return false;
	snprintf(why, n, "afterwards some pings are answered and others lost (%d of %d, %d of %d): "
	                 "the path is lossy, not down or size-limited",
	         z->big_answered, z->big_sent, z->small_answered, z->small_sent);
	return true;
}

const struct rule vr_row_s_tunnel_drop = {
	SCOPE_SESSION, RP_CAUSE_TUNNEL_DROP, is_s_tunnel_drop, RP_CONF_HIGH,
	{ ERRINFO_OUT, CL(c_s_held, "the session held, its data kept coming"),
	  CL(c_s_reset, "a reset ended it"),
	  CL(c_s_acks_to_end, "the server's ACKs kept coming to the end"),
	  CL(c_s_repaired, "losses repaired during the session (a lossy path, not one that went "
	                   "away)"),
	  CL(c_s_partly_lost, "pings afterwards partly answered (a lossy path, not one that is "
	                      "down)") } };

/* ---- nat-idle-timeout in the session ---- */

static bool is_s_nat_idle_timeout(const struct rp_evidence* ev, char* why, size_t n,
                                  struct rp_verdict* v)
{
	const struct rp_attempt* a = session_attempt(ev);
	double q;
	if (!a || !session_failed(ev) || ev->error_info || (q = quiet_at_onset(ev, a)) <= 0)
		return false;
	if (vr_was_reset(a) && vr_rst_origin(ev, a) != RST_SERVER_DISTANCE)
	{
		snprintf(why, n, "after %.1f s with nothing sent either way, the first packet drew a "
		                 "reset from the path (TTL %u, the server's %u): a middlebox had forgotten "
		                 "the idle connection", q / 1000.0, a->ttl_rst, a->ttl_synack);
		v->confidence = RP_CONF_HIGH;
		return true;
	}
	if (!session_unanswered(ev, a))
		return false;
	snprintf(why, n, "the connection stopped being answered after %.1f s with nothing sent "
	                 "either way (an idle timer can fire in such a spell), and a fresh connection "
	                 "works", q / 1000.0);
	return true;
}

static bool c_s_never_quiet(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	double q;
	if (!a || session_onset(a) < 0 || (q = longest_quiet_before(ev, a)) >= NAT_MIN_QUIET_MS)
		return false;
	if (quiet_at_onset(ev, a) > 0)
		return false;
	snprintf(why, n, "the session was never quiet for 1 s before it stopped being answered "
	                 "(longest spell %.0f ms): no idle timer could fire", q);
	return true;
}

static bool c_s_path_down(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!path_down_now(ev))
		return false;
	snprintf(why, n, "afterwards a fresh SYN and small pings go unanswered: the path is down (a "
	                 "middlebox that forgot a connection passes new ones)");
	return true;
}

static bool c_s_server_rst(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !vr_was_reset(a) || vr_rst_origin(ev, a) != RST_SERVER_DISTANCE)
		return false;
	snprintf(why, n, "the reset came with the server's own TTL (%u, as its SYN-ACK): its host "
	                 "sent it", a->ttl_rst);
	return true;
}

const struct rule vr_row_s_nat_idle_timeout = {
	SCOPE_SESSION, RP_CAUSE_NAT_IDLE_TIMEOUT, is_s_nat_idle_timeout, RP_CONF_MEDIUM,
	{ ERRINFO_OUT, CL(c_s_held, "the session held, its data kept coming"),
	  CL(c_s_never_quiet, "never quiet for 1 s before it stopped being answered"),
	  CL(c_s_path_down, "a fresh SYN and small pings go unanswered afterwards (the path is "
	                    "down)"),
	  CL(c_s_server_rst, "a reset from the server's host (its TTL is the SYN-ACK's)"),
	  CL(c_s_acks_to_end, "the server's ACKs kept coming to the end") } };

/* ---- firewall-reset in the session ---- */

static bool is_s_firewall_reset(const struct rp_evidence* ev, char* why, size_t n,
                                struct rp_verdict* v)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !session_failed(ev) || ev->error_info || !vr_was_reset(a))
		return false;
	snprintf(why, n, "%.1f s into the session a reset ended it%s, with no errorInfo",
	         session_s(ev, a->t_end_ms),
	         vr_rst_origin(ev, a) == RST_PATH ? " (its TTL not the server's: sent on the path)"
	                                          : "");
	return true;
}

static bool c_s_no_reset(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || vr_was_reset(a) || a->end == RP_END_UNKNOWN)
		return false;
	snprintf(why, n, "no reset ended the session (it ended by %s)", rp_end_name(a->end));
	return true;
}

static bool c_s_reset_after_quiet(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	double q;
	if (!a || !vr_was_reset(a) || vr_rst_origin(ev, a) == RST_SERVER_DISTANCE ||
	    (q = quiet_at_onset(ev, a)) <= 0)
		return false;
	snprintf(why, n, "the reset answered the first packet after %.1f s of quiet: an idle "
	                 "timer's", q / 1000.0);
	return true;
}

const struct rule vr_row_s_firewall_reset = {
	SCOPE_SESSION, RP_CAUSE_FIREWALL_RESET, is_s_firewall_reset, RP_CONF_HIGH,
	{ ERRINFO_OUT, CL(c_s_no_reset, "no reset ended the session"),
	  CL(c_s_server_rst, "a reset from the server's host (its TTL is the SYN-ACK's)"),
	  CL(c_s_reset_after_quiet, "a reset from the path answering the first packet after 1 s or "
	                            "more of quiet (an idle timer's)") } };

/* ---- mtu-blackhole in the session ---- */

static bool is_s_mtu_blackhole(const struct rp_evidence* ev, char* why, size_t n,
                               struct rp_verdict* v)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !session_failed(ev) || ev->error_info || a->server_unseen <= 0 ||
	    !sizes_blackhole(ev))
		return false;
	snprintf(why, n, "the session's screen data stopped: the server's ACKs ran %lld bytes ahead "
	                 "of what arrived, no data for %.1f s, while its small packets came; "
	                 "don't-fragment pings of %d bytes go unanswered (%d of %d at 576 answered)",
	         (long long)a->server_unseen, a->tcp.last_data_recv_ms / 1000.0, ev->recheck.sizes.big,
	         ev->recheck.sizes.small_answered, ev->recheck.sizes.small_sent);
	return true;
}

static bool c_s_big_pass(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	if (!z->run || z->sock_errno || z->big_answered == 0)
		return false;
	snprintf(why, n, "don't-fragment pings of %d bytes are answered (%d of %d): full-size packets "
	                 "pass", z->big, z->big_answered, z->big_sent);
	return true;
}

static bool c_s_small_lost(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	if (!z->run || z->sock_errno || !z->small_sent || z->small_answered)
		return false;
	snprintf(why, n, "576-byte pings go unanswered too (0 of %d): small packets are lost as well",
	         z->small_sent);
	return true;
}

static bool c_s_nothing_unseen(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !ev->ttl_watched || a->server_unseen > 0)
		return false;
	snprintf(why, n, "nothing the server sent is missing (its last ACK's sequence is what arrived)");
	return true;
}

static bool c_s_path_reset(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !vr_was_reset(a) || vr_rst_origin(ev, a) == RST_SERVER_DISTANCE)
		return false;
	snprintf(why, n, "a reset from the path (not the server's host) ended it");
	return true;
}

const struct rule vr_row_s_mtu_blackhole = {
	SCOPE_SESSION, RP_CAUSE_MTU_BLACKHOLE, is_s_mtu_blackhole, RP_CONF_HIGH,
	{ ERRINFO_OUT, CL(c_s_big_pass, "full-size don't-fragment pings are answered"),
	  CL(c_s_small_lost, "small pings are lost too (the path is down, not narrow)"),
	  CL(c_s_nothing_unseen, "nothing the server sent is missing"),
	  CL(c_s_path_reset, "a reset from the path ended it") } };

/* ---- packet-loss in the session ---- */

static bool is_s_packet_loss(const struct rp_evidence* ev, char* why, size_t n,
                             struct rp_verdict* v)
{
	const struct rp_attempt* a = session_attempt(ev);
	const struct rp_size_probe* z = &ev->recheck.sizes;
	/* Under loss the server's side may give up first and reset: its own host's RST. */
	if (!a || !session_failed(ev) || ev->error_info ||
	    (vr_was_reset(a) && vr_rst_origin(ev, a) != RST_SERVER_DISTANCE))
		return false;
	if (session_repaired(ev) && vr_real_losses(a) >= 5)
		snprintf(why, n, "the session's connection lost packets and repaired them (%u "
		                 "retransmissions, data still arriving after them) until one went "
		                 "unanswered for good (ended by %s)",
		         a->tcp.retransmits, rp_end_name(a->end));
	else if (pings_partly_lost(ev) && (session_unanswered(ev, a) || vr_was_reset(a)))
		snprintf(why, n, "the session's connection stopped being answered, and afterwards the "
		                 "path answers some pings and loses others (%d of %d at %d bytes, %d of "
		                 "%d at 576): a lossy path, not one that is down",
		         z->big_answered, z->big_sent, z->big, z->small_answered, z->small_sent);
	else
		return false;
	return true;
}

static bool c_s_no_repair(const struct rp_evidence* ev, char* why, size_t n)
{
	if (session_repaired(ev) || pings_partly_lost(ev))
		return false;
	snprintf(why, n, "no loss in the session was repaired (nothing arrived after its "
	                 "retransmissions began)");
	return true;
}

const struct rule vr_row_s_packet_loss = {
	SCOPE_SESSION, RP_CAUSE_PACKET_LOSS, is_s_packet_loss, RP_CONF_MEDIUM,
	{ ERRINFO_OUT, CL(c_s_held, "the session held, its data kept coming"),
	  CL(c_s_path_reset, "a reset from the path ended it"),
	  CL(c_s_no_repair, "no loss in the session was repaired, and the pings after it are not "
	                    "partly lost") } };

/* ---- what identifies each cause in the session, for docs/causes.md ---- */

const char* rp_cause_session_identified(enum rp_cause c)
{
	static const struct
	{
		enum rp_cause c;
		const char* text;
	} t[] = {
		{ RP_CAUSE_TUNNEL_DROP, "after active, the session's connection stopped being answered "
		                        "and its timer ended it (keepalive, TCP_USER_TIMEOUT), no reset, no "
		                        "errorInfo; high when a fresh SYN and small pings go unanswered "
		                        "afterwards" },
		{ RP_CAUSE_NAT_IDLE_TIMEOUT, "after active, the connection stopped being answered in a "
		                             "spell of 1 s or more with nothing sent either way, or the first "
		                             "packet after it drew a reset from the path" },
		{ RP_CAUSE_FIREWALL_RESET, "after active, a reset ended the session with no errorInfo" },
		{ RP_CAUSE_MTU_BLACKHOLE, "after active, the server's ACKs ran ahead of the data that "
		                          "arrived (its large packets lost) and don't-fragment pings at the "
		                          "client's packet size go unanswered while 576-byte ones are "
		                          "answered" },
		{ RP_CAUSE_PACKET_LOSS, "after active, losses repaired (data arriving after "
		                        "retransmissions) until one went unanswered for good" },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i].c == c)
			return t[i].text;
	return NULL;
}
