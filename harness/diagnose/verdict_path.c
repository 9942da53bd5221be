/* verdict_path.c: the network causes of the connection sequence that are about what the path
 * does to the packets: mtu-blackhole (too large), high-latency (too slow), low-bandwidth (too
 * narrow), packet-loss (lost). Each cause's identifying predicate, its ruling-out clauses and
 * its row of the table, side by side; the table's order is verdict_decide.c's. */
#include "verdict_rules.h"

#include <stdio.h>
#include <string.h>

/* ---- mtu-blackhole ---- */

static bool is_mtu_blackhole(const struct rp_evidence* ev, char* why, size_t n,
                             struct rp_verdict* v)
{
	/* PMTUD black hole (RFC 2923): the client's small packets pass (its TLS ClientHello is
	 * acknowledged) but the server's full-size TLS flight never arrives, and after seconds the
	 * server gives up and closes (a hung server would not close; the watchdog would fire). */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	double ms = a ? vr_attempt_ms(a) : -1;

	/* The direct test, when the recheck ran it: a fresh connection gets the X.224 answer but
	 * not the server's TLS flight, and one asking for 536-byte segments gets it. Servers that
	 * never give up (xrdp) end at the watchdog, so this does not ask for the server's close. */
	if (a && a->furthest == RP_PHASE_TLS && a->t_established_ms >= 0 && a->tcp.valid &&
	    a->tcp.bytes_acked >= 100 && a->tcp.bytes_received < 100 &&
	    ev->recheck.tls == RP_RECHECK_TLS_SILENT && ev->recheck.tls_small_mss == RP_RECHECK_TLS_DONE)
	{
		snprintf(why, n,
		         "TLS started and only %llu bytes came back; a fresh connection got the X.224 "
		         "answer but not the server's TLS flight in %.1f s, and one asking for 536-byte "
		         "segments completed TLS in %.0f ms: large packets are lost on the path",
		         (unsigned long long)a->tcp.bytes_received, ev->recheck.tls_ms / 1000.0,
		         ev->recheck.tls_small_mss_ms);
		if (vr_fresh_connection_clean(ev))
		{
			v->confidence = RP_CONF_HIGH;
			return true;
		}
		/* The fresh connection lost small packets too (a SYN or its X.224 request sent again):
		 * then one failed full-size try beside one small try that passed may be chance. */
		v->runner_up = RP_CAUSE_PACKET_LOSS;
		snprintf(v->unsure, sizeof(v->unsure),
		         "the fresh connection lost small packets too (its SYN answered after %.0f ms, "
		         "its X.224 request retransmitted %u times): random loss can fail one full-size "
		         "try and pass one small one",
		         ev->recheck.tcp_ms, ev->recheck.x224_retrans);
		return true;
	}
	/* Without the recheck's TLS stages: the server's flight stayed away until it gave up. Not
	 * when a fresh SYN went unanswered too: then small packets are lost as well, the path is
	 * down (a burst of loss, a tunnel gone), which is no MTU black hole. */
	if (!a || a->furthest != RP_PHASE_TLS || a->t_established_ms < 0 || ev->watchdog_fired ||
	    (ev->last_error != ERR_TLS_FAILED && ev->last_error != ERR_TRANSPORT_FAILED) ||
	    !a->tcp.valid || a->tcp.bytes_received >= 100 || a->tcp.bytes_acked < 100 || ms < 5000 ||
	    ev->recheck.tcp == RP_RECHECK_NO_ANSWER)
		return false;
	snprintf(why, n,
	         "TLS started, the client's %llu bytes were acknowledged, but only %llu bytes came "
	         "back in %.1f s, then the server closed: its full-size packets were lost",
	         (unsigned long long)a->tcp.bytes_acked, (unsigned long long)a->tcp.bytes_received,
	         ms / 1000.0);
	return true;
}

static bool c_before_tls(const struct rp_evidence* ev, char* why, size_t n)
{
	if (rp_evidence_furthest(ev) >= RP_PHASE_TLS || ev->recheck.tls != RP_RECHECK_TLS_NOT_RUN ||
	    ev->n_attempts == 0)
		return false;
	snprintf(why, n, "no TLS flight was ever due (furthest %s): a black hole bites the first "
	                 "full-size packets",
	         rp_phase_name(rp_evidence_furthest(ev)));
	return true;
}

static bool c_fresh_tls_arrived(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->recheck.tls != RP_RECHECK_TLS_DONE)
		return false;
	snprintf(why, n, "a fresh connection's TLS flight arrived in full (%llu bytes in %.0f ms): "
	                 "large segments pass",
	         (unsigned long long)ev->recheck.tls_bytes_in, ev->recheck.tls_ms);
	return true;
}

static bool c_replay_through_tls(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_replay* rr = &ev->recheck.replay;
	if (!rr->run || rr->furthest <= RP_PHASE_TLS)
		return false;
	snprintf(why, n, "a fresh FreeRDP connection went through TLS to %s: the server's full-size "
	                 "flight passes",
	         rp_phase_name(rr->furthest));
	return true;
}

static bool c_small_mss_no_help(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->recheck.tls_small_mss != RP_RECHECK_TLS_SILENT)
		return false;
	snprintf(why, n, "536-byte segments did not bring the TLS flight either: size is not the "
	                 "problem");
	return true;
}

const struct rule vr_row_mtu_blackhole = {
	SCOPE_CONNECT, RP_CAUSE_MTU_BLACKHOLE, is_mtu_blackhole, RP_CONF_MEDIUM,
	{ ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	  CL(c_before_tls, "no TLS flight was ever due (the connection never reached TLS)"),
	  CL(c_fresh_tls_arrived, "a fresh connection's TLS flight arrived in full"),
	  CL(c_replay_through_tls, "a fresh FreeRDP connection goes through TLS"),
	  CL(c_small_mss_no_help, "536-byte segments do not help either"),
	  CL(vr_c_fresh_syn_unanswered, "a fresh SYN goes unanswered (small packets are lost too)"),
	  CL(vr_c_fresh_x224_silent, "a fresh X.224 request goes unanswered (small, and silent)") } };

/* ---- high-latency ---- */

/* The attempt's only RTT sample is its handshake's, and that handshake took a SYN
 * retransmission's time or more. Linux takes that sample from the timestamp the SYN-ACK
 * echoes (RFC 7323 4.1; Karn's rule does not apply to it), which is the first SYN's that
 * arrived: when SYN-ACKs were lost, the sample spans the losses, not the path (measured: Gilbert-
 * Elliott loss on a 0.1 ms path gave one sample of 11.3 s). One sample: Linux's estimator
 * starts rttvar at half the first sample (RFC 6298 2.2), and the best equals the smoothed. */
static bool one_late_rtt_sample(const struct rp_attempt* a)
{
	return a->tcp.valid && a->t_established_ms >= 0 && a->tcp.min_rtt_us >= SLOW_PATH_US &&
	       a->tcp.rtt_us == a->tcp.min_rtt_us && a->tcp.rttvar_us == a->tcp.rtt_us / 2 &&
	       a->t_established_ms - a->t_start_ms >= SYN_RTO_MS;
}

/* Data was outstanding at the end and nothing was acknowledged for more than two of the
 * attempt's round trips: on a path that is only slow the ACK comes one round trip after the
 * segment; this long without one, the segment or its ACK was lost. */
static bool acks_overdue(const struct rp_attempt* a)
{
	return a->tcp.valid && a->tcp.unacked > 0 &&
	       a->tcp.last_ack_recv_ms > 2.0 * a->tcp.min_rtt_us / 1000.0 + SYN_RTO_MS / 5.0;
}

static bool is_high_latency(const struct rp_evidence* ev, char* why, size_t n,
                            struct rp_verdict* v)
{
	/* The best RTT sample is the path's own latency (RFC 6298 samples; Linux's min_rtt):
	 * a handshake that timed out on a path this slow timed out because of it. */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);

	if (!a || a->t_established_ms < 0 || !vr_timed_out(ev, a) || !a->tcp.valid ||
	    a->tcp.min_rtt_us < SLOW_PATH_US)
		return false;
	snprintf(why, n, "timed out in phase %s on a path whose best RTT was %.0f ms (retransmits %u)",
	         rp_phase_name(a->furthest), a->tcp.min_rtt_us / 1000.0, a->tcp.retransmits);
	if (one_late_rtt_sample(a) && acks_overdue(a))
	{
		/* That RTT is one sample across a handshake that was retransmitted, and the data
		 * after it went unacknowledged for over two of those round trips: loss explains both. */
		v->confidence = RP_CONF_MEDIUM;
		v->runner_up = RP_CAUSE_PACKET_LOSS;
		snprintf(v->unsure, sizeof(v->unsure),
		         "that RTT is the handshake's one sample (%.1f s to connect), and nothing was "
		         "acknowledged for %.1f s after it: lost SYN-ACKs and data give the same",
		         (a->t_established_ms - a->t_start_ms) / 1000.0, a->tcp.last_ack_recv_ms / 1000.0);
	}
	return true;
}

static bool c_fast_path(const struct rp_evidence* ev, char* why, size_t n)
{
	double rtt = vr_best_rtt_ms(ev);
	if (rtt < 0 || rtt >= SLOW_PATH_US / 1000.0)
		return false;
	snprintf(why, n, "a round trip took %.2f ms: the path is fast", rtt);
	return true;
}

const struct rule vr_row_high_latency = {
	SCOPE_CONNECT, RP_CAUSE_HIGH_LATENCY, is_high_latency, RP_CONF_HIGH,
	{ ERRINFO_OUT, ACTIVE_OUT, CL(c_fast_path, "a round trip under 250 ms") } };

/* ---- low-bandwidth ---- */

/* A link this slow makes a handshake of a few kilobytes take seconds: 64 kbit/s carries
 * FreeRDP's whole connection sequence in about 1.5 s, 256 kbit/s in well under one. */
#define NARROW_KBIT 256.0
/* Serialization spaces a train's replies evenly; jitter or loss do not. */
#define EVEN_SPREAD 1.5

static bool is_low_bandwidth(const struct rp_evidence* ev, char* why, size_t n,
                             struct rp_verdict* v)
{
	/* The handshake timed out on a path whose small packets are quick, with data flowing,
	 * and a train of full-size echo requests came back one at a time, evenly, at a pace of
	 * kilobits: each packet waits for the link to send the one before it (serialization,
	 * what a narrow link is). Loss leaves replies out; it does not space them. */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	double kbit, spread;

	if (!a || a->t_established_ms < 0 || !vr_timed_out(ev, a) || !a->tcp.valid ||
	    a->tcp.min_rtt_us >= SLOW_PATH_US || !vr_received_data(a) ||
	    !rp_bw_estimate(&ev->recheck.bw, &kbit, &spread) || kbit >= NARROW_KBIT ||
	    spread > EVEN_SPREAD)
		return false;
	snprintf(why, n,
	         "timed out in phase %s; %d echo requests of %d bytes sent at once came back %.0f ms "
	         "apart, evenly (within %.2fx): the link carries %.1f kbit/s (the best RTT of a small "
	         "packet was %.2f ms, retransmissions %u)",
	         rp_phase_name(a->furthest), ev->recheck.bw.n_sent, ev->recheck.bw.size,
	         ev->recheck.bw.size * 8.0 / kbit, spread, kbit, a->tcp.min_rtt_us / 1000.0,
	         a->tcp.retransmits);
	return true;
}

const struct rule vr_row_low_bandwidth = {
	SCOPE_CONNECT, RP_CAUSE_LOW_BANDWIDTH, is_low_bandwidth, RP_CONF_HIGH,
	{ ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	  CL(vr_c_fresh_syn_unanswered, "a fresh SYN goes unanswered (the path is down)") } };

/* ---- packet-loss ---- */

/* The server's close reached the client: a FIN or an RST arrived (or, unwatched, the socket
 * says so). */
static bool close_came_through(const struct rp_attempt* a)
{
	if (a->end == RP_END_FIN || a->end == RP_END_RST)
		return true;
	return a->end == RP_END_UNKNOWN; /* an older record: as before, the error says it closed */
}

/* Loss, and a narrow link? It makes ACKs wait behind data and the client retransmit early:
 * from TCP's counters over a few kilobytes, the two look alike. The echo train tells them
 * apart when its replies came back (is_low_bandwidth, which runs first, found no pace):
 * then narrow is ruled out, and the reason says so; otherwise it is the runner-up. */
static void narrow_or_not(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	if (ev->recheck.bw.n >= 2)
	{
		size_t len = strlen(why);
		snprintf(why + len, n - len, "; %d of %d echo requests came back, not spaced by a narrow "
		                             "link",
		         ev->recheck.bw.n, ev->recheck.bw.n_sent);
		return;
	}
	v->runner_up = RP_CAUSE_LOW_BANDWIDTH;
	snprintf(v->unsure, sizeof(v->unsure),
	         "too little bandwidth gives the same counters over a handshake of a few kB; the echo "
	         "train that tells them apart %s",
	         ev->recheck.bw.run ? "came back with too few replies" : "did not run");
}

/* Linux's first SYN retransmission comes after TCP_TIMEOUT_INIT, 1 s (RFC 6298 2.1): a fresh
 * connection that took this long on a path whose best RTT is milliseconds lost its SYN or its
 * SYN-ACK. That is loss on the path itself: a hung or slow server's kernel answers a SYN at once,
 * an MTU black hole passes small segments, a dropped tunnel answers nothing at all. */
static bool fresh_syn_retransmitted(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	return ev->recheck.tcp == RP_RECHECK_CONNECTED && ev->recheck.tcp_ms >= SYN_RTO_MS &&
	       a->tcp.min_rtt_us < SLOW_PATH_US;
}

/* One reading of the record as loss: whether it holds, its reason in why (and in v, the cause
 * that stays beside it). */
typedef bool loss_reading(const struct rp_evidence* ev, const struct rp_attempt* a, char* why,
                          size_t n, struct rp_verdict* v);

/* Or the server's own TCP gave up under the loss: its retransmissions went unanswered long
 * enough (tcp_retries2, a user timeout) and it forgot the connection without a word (no RST
 * is sent then); the client's next packet, after a quiet spell, met its host's reset. A
 * reset that a middlebox sent to the server alone looks the same at the client, but needs
 * no loss: it is named beside. Measured: a FreeRDP server at 35-40 % loss each way logged
 * "BIO_read returned a system error 110" and the client saw exactly this (docs/sweeps.md). */
static bool server_tcp_gave_up(const struct rp_evidence* ev, const struct rp_attempt* a,
                               char* why, size_t n, struct rp_verdict* v)
{
	if (a && a->t_established_ms >= 0 && a->tcp.valid && a->tcp.min_rtt_us < SLOW_PATH_US &&
	    !ev->error_info && vr_was_reset(a) && vr_quiet_ms(a) > FLAGGED_RESET_MS &&
	    vr_rst_origin(ev, a) == RST_SERVER_DISTANCE && vr_real_losses(a) >= 3 &&
	    ev->recheck.x224 == RP_X224_ANSWERED)
	{
		snprintf(why, n,
		         "reset in phase %s after %.1f s of quiet from the server's side, on a path that "
		         "lost packets (%u retransmissions and out-of-order arrivals, best RTT %.2f ms), and "
		         "a fresh connection is answered: the server's TCP gave up retransmitting and "
		         "forgot the connection",
		         rp_phase_name(a->furthest), vr_quiet_ms(a) / 1000.0, vr_real_losses(a),
		         a->tcp.min_rtt_us / 1000.0);
		v->runner_up = RP_CAUSE_FIREWALL_RESET;
		snprintf(v->unsure, sizeof(v->unsure),
		         "a reset that a middlebox sent to the server alone surfaces the same way");
		return true;
	}
	return false;
}

/* Or the server gave up first (xrdp's own handshake timeout, seconds in): it closed while
 * the client was still retransmitting (the client's late retransmission then draws the
 * server's RST: CLOSE, but no ECONNRESET on a read), and a fresh connection is answered. */
static bool server_closed_amid_retransmissions(const struct rp_evidence* ev,
                                               const struct rp_attempt* a, char* why, size_t n,
                                               struct rp_verdict* v)
{
	if (a && a->t_established_ms >= 0 && a->tcp.valid && a->tcp.min_rtt_us < SLOW_PATH_US &&
	    (ev->last_error == ERR_TLS_FAILED || ev->last_error == ERR_TRANSPORT_FAILED) &&
	    !vr_timed_out(ev, a) && a->sock_errno != ERRNO_ECONNRESET && vr_attempt_ms(a) >= 2000 &&
	    vr_real_losses(a) >= 3 &&
	    (ev->recheck.x224 == RP_X224_ANSWERED || fresh_syn_retransmitted(ev, a)))
	{
		char fresh[128];
		if (ev->recheck.x224 == RP_X224_ANSWERED)
			snprintf(fresh, sizeof(fresh), "a fresh connection is answered");
		else
			snprintf(fresh, sizeof(fresh),
			         "a fresh connection took %.0f ms to connect (its SYN was retransmitted)",
			         ev->recheck.tcp_ms);
		snprintf(why, n,
		         "the server closed in phase %s while the client was retransmitting (%u "
		         "retransmissions, %llu bytes of its data acknowledged), on a path whose best RTT "
		         "was %.2f ms; %s",
		         rp_phase_name(a->furthest), a->tcp.retransmits,
		         (unsigned long long)a->tcp.bytes_acked, a->tcp.min_rtt_us / 1000.0, fresh);
		narrow_or_not(ev, why, n, v);
		return true;
	}
	return false;
}

/* Or the server gave up seconds in, and its close came through, yet a fresh SYN right
 * after got no answer: the path lets packets through and then none, loss in bursts. */
static bool closed_then_syn_lost(const struct rp_evidence* ev, const struct rp_attempt* a,
                                 char* why, size_t n, struct rp_verdict* v)
{
	if (a && a->t_established_ms >= 0 && a->tcp.valid && a->tcp.min_rtt_us < SLOW_PATH_US &&
	    (ev->last_error == ERR_TLS_FAILED || ev->last_error == ERR_TRANSPORT_FAILED) &&
	    !vr_timed_out(ev, a) && close_came_through(a) && a->sock_errno != ERRNO_ECONNRESET &&
	    vr_attempt_ms(a) >= 2000 && ev->recheck.tcp == RP_RECHECK_NO_ANSWER)
	{
		snprintf(why, n,
		         "the server closed in phase %s after %.1f s with %llu bytes come back, and a "
		         "fresh connection's SYN right after got no answer in %.0f ms: packets pass, "
		         "then none do (loss in bursts)",
		         rp_phase_name(a->furthest), vr_attempt_ms(a) / 1000.0,
		         (unsigned long long)a->tcp.bytes_received, ev->recheck.tcp_ms);
		v->runner_up = RP_CAUSE_TUNNEL_DROP;
		snprintf(v->unsure, sizeof(v->unsure),
		         "a link that went down just after the server's close looks the same");
		return true;
	}
	return false;
}

/* Or the path went silent (a stall, then a fresh SYN unanswered) and came back for the
 * replay: loss in bursts fits as well as a short outage. */
static bool stall_then_path_back(const struct rp_evidence* ev, const struct rp_attempt* a,
                                 char* why, size_t n, struct rp_verdict* v)
{
	if (vr_stalled(ev, a) && vr_path_came_back(ev) && ev->liveness.result != RP_ALIVE_ACKED)
	{
		snprintf(why, n, "stalled in phase %s, a fresh SYN unanswered, then a replay got through "
		                 "to %s: the path passed nothing for seconds and then passed again (a "
		                 "burst of loss)",
		         rp_phase_name(a->furthest), rp_phase_name(ev->recheck.replay.furthest));
		return true;
	}
	return false;
}

/* Or the stalled connection still passes small packets (its keepalive was answered), but
 * the server's last ACK is ahead of everything that arrived: the server is sending, and
 * its data is lost on the way. */
static bool server_data_lost(const struct rp_evidence* ev, const struct rp_attempt* a,
                             char* why, size_t n, struct rp_verdict* v)
{
	if (vr_stalled(ev, a) && a->server_unseen > 0 && ev->liveness.result == RP_ALIVE_ACKED)
	{
		snprintf(why, n, "stalled in phase %s; the stalled connection answers a keepalive, but the "
		                 "server's ACK is %lld bytes ahead of what arrived: it sent data the path "
		                 "lost",
		         rp_phase_name(a->furthest), (long long)a->server_unseen);
		narrow_or_not(ev, why, n, v);
		return true;
	}
	return false;
}

/* Or the stalled attempt itself lost little, but the path shows loss all over: earlier
 * attempts' repairs, SYNs that needed retransmitting. */
static bool loss_all_over(const struct rp_evidence* ev, const struct rp_attempt* a, char* why,
                          size_t n, struct rp_verdict* v)
{
	if (a && a->t_established_ms >= 0 && vr_timed_out(ev, a) &&
	    (vr_real_losses(a) < 3 || !vr_received_data(a)) && vr_path_losses(ev) >= 3)
	{
		snprintf(why, n, "timed out in phase %s on a fast path (best RTT %.2f ms) that lost %u "
		                 "packets over the attempts and the fresh connection (repairs, SYN "
		                 "retransmissions)",
		         rp_phase_name(a->furthest), vr_best_rtt_ms(ev), vr_path_losses(ev));
		narrow_or_not(ev, why, n, v);
		return true;
	}
	return false;
}

/* Or the path only looks slow: its one RTT sample spans a retransmitted handshake, and
 * what was sent after it went unacknowledged for over two of those round trips. A slow
 * path is as consistent with the sample, and is named beside (high-latency names this). */
static bool late_rtt_sample(const struct rp_evidence* ev, const struct rp_attempt* a, char* why,
                            size_t n, struct rp_verdict* v)
{
	if (a && vr_timed_out(ev, a) && one_late_rtt_sample(a) && acks_overdue(a) &&
	    a->tcp.retransmits >= 1)
	{
		snprintf(why, n, "timed out in phase %s; the connection's one RTT sample (%.1f s) spans a "
		                 "handshake that took %.1f s, and %u segments then went unacknowledged "
		                 "for %.1f s (%u retransmissions): SYN-ACKs and data were lost",
		         rp_phase_name(a->furthest), a->tcp.min_rtt_us / 1e6,
		         (a->t_established_ms - a->t_start_ms) / 1000.0, a->tcp.unacked,
		         a->tcp.last_ack_recv_ms / 1000.0, a->tcp.retransmits);
		return true;
	}
	return false;
}

/* The plain reading, tried last: the handshake timed out amid retransmissions on a fast path,
 * data having come. */
static bool timed_out_amid_retransmissions(const struct rp_evidence* ev,
                                           const struct rp_attempt* a, char* why, size_t n,
                                           struct rp_verdict* v)
{
	if (!a || a->t_established_ms < 0 || !vr_timed_out(ev, a) || !a->tcp.valid ||
	    a->tcp.min_rtt_us >= SLOW_PATH_US || !vr_received_data(a) || vr_real_losses(a) < 3)
		return false;
	snprintf(why, n,
	         "timed out in phase %s after %u retransmissions and %u out-of-order arrivals, on a "
	         "path whose best RTT was %.2f ms",
	         rp_phase_name(a->furthest), a->tcp.retransmits, a->tcp.rcv_ooopack,
	         a->tcp.min_rtt_us / 1000.0);
	if (ev->recheck.tcp == RP_RECHECK_NO_ANSWER)
	{
		/* Retransmissions, then not even a SYN passes: the link may have gone down. */
		v->runner_up = RP_CAUSE_TUNNEL_DROP;
		snprintf(v->unsure, sizeof(v->unsure),
		         "a fresh connection's SYN got no answer either: a link that went down while "
		         "the client was sending looks the same");
		return true;
	}
	narrow_or_not(ev, why, n, v);
	return true;
}

static bool is_packet_loss(const struct rp_evidence* ev, char* why, size_t n,
                           struct rp_verdict* v)
{
	/* Data flowed both ways on a fast path, then the handshake timed out amid retransmissions. */
	/* The readings in the order they are tried: the first that holds is the reason, so the
	 * particular ones come before the plain one. */
	static loss_reading* const readings[] = {
		server_tcp_gave_up,
		server_closed_amid_retransmissions,
		closed_then_syn_lost,
		stall_then_path_back,
		server_data_lost,
		loss_all_over,
		late_rtt_sample,
		timed_out_amid_retransmissions,
	};
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);

	for (size_t i = 0; i < sizeof(readings) / sizeof(readings[0]); i++)
		if (readings[i](ev, a, why, n, v))
			return true;
	return false;
}

/* For packet loss the same fact must also rule chance out: one full-size try that failed and
 * one small try that passed decide nothing on a path that loses packets of any size. Only when
 * the fresh connection's small packets all passed at the first try (measured: at 35-40 % loss
 * a recheck whose SYN took 1 s and whose X.224 answer 3.9 s saw exactly this pair). */
static bool c_small_mss_decides(const struct rp_evidence* ev, char* why, size_t n)
{
	size_t len;
	if (!vr_fresh_connection_clean(ev) || ev->recheck.x224 != RP_X224_ANSWERED ||
	    !vr_c_small_mss_helps(ev, why, n))
		return false;
	len = strlen(why);
	snprintf(why + len, n - len, ", on a fresh connection that lost none of its small packets");
	return true;
}

const struct rule vr_row_packet_loss = {
	SCOPE_CONNECT, RP_CAUSE_PACKET_LOSS, is_packet_loss, RP_CONF_MEDIUM,
	{ ERRINFO_OUT, ACTIVE_OUT,
	  CL(c_small_mss_decides, "536-byte segments bring what full-size ones do not, on a fresh "
	                          "connection whose small packets all passed (size, not chance, "
	                          "decides)"),
	  CL(vr_c_fresh_x224_silent, "a fresh X.224 request goes unanswered (the service is "
	                             "silent)") } };
