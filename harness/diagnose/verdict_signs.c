/* verdict_signs.c: the signs of an evidence record that more than one family of causes reads
 * (how long an attempt went quiet, whether it was reset and by whom, the losses the path
 * showed, what a fresh connection proved), and the ruling-out clauses that rows of more than
 * one family share. The families' own predicates are in their files (verdict_rules.h). */
#include "verdict_rules.h"

#include <stdio.h>
#include <string.h>

/* Data came from the server: TCP_INFO counts the peer's FIN as one byte of sequence space. */
bool vr_received_data(const struct rp_attempt* a)
{
	return a->tcp.bytes_received > 1;
}

/* An attempt whose TCP handshake never completed. */
bool vr_never_established(const struct rp_evidence* ev)
{
	if (ev->n_attempts == 0)
		return false;
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].t_established_ms >= 0)
			return false;
	return true;
}

double vr_attempt_ms(const struct rp_attempt* a)
{
	return a->t_end_ms >= 0 ? a->t_end_ms - a->t_start_ms : -1;
}

/* How long the attempt went without progress before it ended: from its last phase change or
 * probe event (TCP established included) to its end; -1 if it did not end. */
double vr_quiet_ms(const struct rp_attempt* a)
{
	double last = a->t_start_ms;
	if (a->t_end_ms < 0)
		return -1;
	if (a->t_established_ms > last)
		last = a->t_established_ms;
	for (int p = 0; p < RP_PHASE_COUNT; p++)
		if (a->t_phase_ms[p] > last)
			last = a->t_phase_ms[p];
	for (int i = 0; i < a->n_events; i++)
		if (a->events[i].t_ms > last)
			last = a->events[i].t_ms;
	return a->t_end_ms > last ? a->t_end_ms - last : 0;
}

/* A failure by waiting: FreeRDP's activation timeout, TCP_USER_TIMEOUT, or our watchdog. */
bool vr_timed_out(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	return ev->last_error == ERR_ACTIVATION_TIMEOUT || ev->watchdog_fired ||
	       (ev->last_error == ERR_TRANSPORT_FAILED && a && a->sock_errno == ERRNO_ETIMEDOUT) ||
	       (a && (a->end == RP_END_TIMEOUT || a->end == RP_END_DEADLINE));
}

#define TCP_STATE_CLOSE 7 /* tcpi_state after an RST (include/net/tcp_states.h) */

/* The attempt was reset: the socket saw ECONNRESET, or ended in CLOSE after data flowed
 * (a peer's orderly close leaves CLOSE_WAIT instead). */
bool vr_was_reset(const struct rp_attempt* a)
{
	if (a->t_established_ms < 0)
		return false;
	if (a->sock_errno == ERRNO_ECONNRESET || a->end == RP_END_RST)
		return true;
	/* CLOSE also follows the kernel's own timeout; where the attempt's packets were watched
	 * and no RST arrived, it was that. */
	if (a->ttl_synack && !a->ttl_rst)
		return false;
	return a->tcp.valid && a->tcp.state == TCP_STATE_CLOSE && vr_received_data(a) &&
	       a->end != RP_END_TIMEOUT;
}

enum rst_origin vr_rst_origin(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	if (!ev->ttl_watched || !a->ttl_synack || !a->ttl_rst)
		return RST_UNKNOWN;
	return a->ttl_rst == a->ttl_synack ? RST_SERVER_DISTANCE : RST_PATH;
}

/* Retransmissions that repaired a loss: the server's DSACKs (RFC 2883, tcpi_dsack_dups) say
 * which were duplicates of segments it already had, sent because the timer fired before a
 * slow link delivered the original; those lost nothing. Plus packets that arrived out of order. */
uint32_t vr_real_losses(const struct rp_attempt* a)
{
	uint32_t r = a->tcp.retransmits > a->tcp.dsack_dups ? a->tcp.retransmits - a->tcp.dsack_dups : 0;
	return r + a->tcp.rcv_ooopack;
}

/* SYN retransmissions a connect time implies on a fast path: Linux's SYN timer is 1 s, then
 * doubles (the tries leave at 0, 1, 3, 7 s). */
static uint32_t syn_losses(double connect_ms)
{
	return connect_ms >= 6900 ? 3 : connect_ms >= 2900 ? 2 : connect_ms >= SYN_RTO_MS ? 1 : 0;
}

/* Packets the path lost over everything the client saw: the repairs on every attempt (their
 * counters include SYN retransmissions) and the fresh connection's SYN and X.224 request
 * retransmissions. Only on a fast path: on a slow one a long connect is its round trip. */
uint32_t vr_path_losses(const struct rp_evidence* ev)
{
	uint32_t n = 0;
	double rtt = vr_best_rtt_ms(ev);
	if (rtt < 0 || rtt >= SLOW_PATH_US / 1000.0)
		return 0;
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].tcp.valid)
			n += vr_real_losses(&ev->attempts[i]);
	if (ev->recheck.tcp == RP_RECHECK_CONNECTED)
		n += syn_losses(ev->recheck.tcp_ms);
	if (ev->recheck.x224_info)
		n += ev->recheck.x224_retrans;
	return n;
}

/* The recheck's SYN went unanswered, and the replay after it connected: packets pass again. */
bool vr_path_came_back(const struct rp_evidence* ev)
{
	return ev->recheck.tcp == RP_RECHECK_NO_ANSWER && ev->recheck.replay.run &&
	       ev->recheck.replay.furthest >= RP_PHASE_X224;
}

/* A connection that made progress and then went silent until a timeout. */
bool vr_stalled(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	return a && a->t_established_ms >= 0 && vr_timed_out(ev, a) && a->tcp.valid &&
	       vr_received_data(a) && a->tcp.min_rtt_us < SLOW_PATH_US;
}

/* The best round trip the client measured: every RTT sample, and a fresh connection's
 * handshake, is an upper bound on the path's own latency. -1 when there is none. */
double vr_best_rtt_ms(const struct rp_evidence* ev)
{
	double best = -1;
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		if (a->tcp.valid && a->tcp.min_rtt_us && (best < 0 || a->tcp.min_rtt_us / 1000.0 < best))
			best = a->tcp.min_rtt_us / 1000.0;
	}
	if (ev->recheck.tcp == RP_RECHECK_CONNECTED && ev->recheck.tcp_ms >= 0 &&
	    (best < 0 || ev->recheck.tcp_ms < best))
		best = ev->recheck.tcp_ms;
	/* The recheck's X.224 exchange, after its 300 ms of silence (recheck.c): a round trip. */
	if (ev->recheck.x224 == RP_X224_ANSWERED && ev->recheck.x224_ms >= RECHECK_IDLE_MS)
	{
		double x = ev->recheck.x224_ms - RECHECK_IDLE_MS;
		if (best < 0 || x < best)
			best = x;
	}
	return best;
}

/* The recheck waited for its X.224 answer longer than this server took to answer the first
 * connection's (its X.224 phase until TLS began, 1.5 times over): a slower wait proves no
 * silence from a server that is merely slow (an emulated guest's took 2.9 s). */
bool vr_x224_waited_enough(const struct rp_evidence* ev)
{
	double took = rp_evidence_x224_answer_ms(ev);
	/* 0: a record that does not say how long it waited (older ones): as before. */
	return ev->recheck.x224_ms <= 0 || ev->recheck.x224_ms >= 1.5 * took;
}

/* The fresh connection's X.224 request was acknowledged by the server's kernel at the first
 * try (where recorded): none of it outstanding, none of it retransmitted. A request that had to
 * be sent again crossed a path that loses packets, and the answer crosses the same path. */
bool vr_fresh_request_clean(const struct rp_evidence* ev)
{
	return !ev->recheck.x224_info ||
	       (ev->recheck.x224_unacked == 0 && ev->recheck.x224_retrans == 0);
}

/* The fresh connection lost nothing of its own: its SYN answered before the first SYN
 * retransmission would have gone, its X.224 request acknowledged at the first try. Only then
 * does one try's silence or one try's success say something about the server or the packets'
 * size rather than about chance (at 40 % loss a single try fails more often than not). */
bool vr_fresh_connection_clean(const struct rp_evidence* ev)
{
	return ev->recheck.tcp == RP_RECHECK_CONNECTED && ev->recheck.tcp_ms < SYN_RTO_MS &&
	       vr_fresh_request_clean(ev);
}

/* A fresh connection's X.224 request went unanswered while the path showed no loss: the fresh
 * connection lost nothing itself, and the attempts before it repaired fewer than three losses.
 * A lossy path loses the answer too (measured: at 40 % loss, a recheck whose request was
 * retransmitted once and then acknowledged waited 2.3 s for an answer the server had sent). */
static bool fresh_x224_ignored(const struct rp_evidence* ev)
{
	return ev->recheck.x224 == RP_X224_SILENT && vr_x224_waited_enough(ev) &&
	       vr_fresh_connection_clean(ev) && vr_path_losses(ev) < 3;
}

bool vr_past(const struct rp_evidence* ev, enum rp_phase p, char* why, size_t n)
{
	if (rp_evidence_furthest(ev) <= p)
		return false;
	snprintf(why, n, "the connection got past %s (to %s)", rp_phase_name(p),
	         rp_phase_name(rp_evidence_furthest(ev)));
	return true;
}

/* ---- the clauses more than one family's rows read ---- */

bool vr_c_errinfo(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!ev->error_info)
		return false;
	snprintf(why, n, "the server sent errorInfo 0x%X: it was reachable and said why",
	         ev->error_info);
	return true;
}

bool vr_c_active_held(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!rp_evidence_active(ev) || ev->last_error || ev->error_info)
		return false;
	snprintf(why, n, "the session reached active and held without an error");
	return true;
}

bool vr_c_never_established(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!vr_never_established(ev))
		return false;
	snprintf(why, n, "TCP never came up in %d attempt(s)", ev->n_attempts);
	return true;
}

bool vr_c_fresh_syn_unanswered(const struct rp_evidence* ev, char* why, size_t n)
{
	/* Not when the stalled connection itself answered at that moment: then the path was up
	 * and the SYN waited in a queue (a narrow link full of the stalled connection's bytes). */
	if (ev->recheck.tcp != RP_RECHECK_NO_ANSWER || ev->liveness.result == RP_ALIVE_ACKED)
		return false;
	snprintf(why, n, "a fresh connection's SYN got no answer in %.0f ms: not even small packets "
	                 "reach the server's kernel",
	         ev->recheck.tcp_ms);
	return true;
}

bool vr_c_fresh_x224_silent(const struct rp_evidence* ev, char* why, size_t n)
{
	/* Only on a fresh connection that showed no loss itself: its SYN answered before the
	 * first SYN retransmission would have gone (a lossy path can lose the X.224 answer too). */
	if (!fresh_x224_ignored(ev))
		return false;
	snprintf(why, n, "a fresh connection was accepted and its X.224 request went unanswered: the "
	                 "service is silent, not the path");
	return true;
}

bool vr_c_retrans_storm(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || !a->tcp.valid || vr_real_losses(a) < 3)
		return false;
	snprintf(why, n, "%u retransmissions (%u of them needless, by DSACK) and %u out-of-order "
	                 "arrivals: packets were lost while it was busy",
	         a->tcp.retransmits, a->tcp.dsack_dups, a->tcp.rcv_ooopack);
	return true;
}

bool vr_c_small_mss_helps(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->recheck.tls != RP_RECHECK_TLS_SILENT || ev->recheck.tls_small_mss != RP_RECHECK_TLS_DONE)
		return false;
	snprintf(why, n, "a fresh connection's TLS flight stayed away and came in 536-byte segments "
	                 "(%.0f ms): the service answers, large packets are lost",
	         ev->recheck.tls_small_mss_ms);
	return true;
}
