/* evidence_text.c: the evidence record's readable summary, a fact a line (`rdprepro classify`,
 * the runner's report of a run). */
#include "evidence.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One attempt: how far it got and how it ended, its phases, its socket's TCP_INFO. */
static void attempt_summary(FILE* f, const char* in, const struct rp_evidence* ev, int i)
{
	const struct rp_attempt* a = &ev->attempts[i];

	fprintf(f, "%sattempt %d: furthest %s", in, i + 1, rp_phase_name(a->furthest));
	if (a->last_error)
		fprintf(f, ", error %s 0x%08X", a->last_error_name, a->last_error);
	if (a->sock_errno)
		fprintf(f, ", errno %s", strerrorname_np(a->sock_errno));
	if (a->t_established_ms < 0)
		fprintf(f, ", TCP never established");
	if (a->end != RP_END_UNKNOWN && a->t_end_ms >= 0)
		fprintf(f, ", ended by %s at %.1f ms", rp_end_name(a->end), a->t_end_ms);
	if (ev->ttl_watched && a->ttl_synack)
	{
		fprintf(f, ", TTL in: SYN-ACK %u", a->ttl_synack);
		if (a->ttl_rst)
			fprintf(f, ", RST %u", a->ttl_rst);
		if (a->ttl_fin)
			fprintf(f, ", FIN %u", a->ttl_fin);
	}
	if (a->server_unseen > 0)
		fprintf(f, ", the server's last ACK is %lld bytes ahead of what arrived",
		        (long long)a->server_unseen);
	fprintf(f, "\n%s  phases:", in);
	for (int p = RP_PHASE_TCP; p < RP_PHASE_COUNT; p++)
		if (a->t_phase_ms[p] >= 0)
			fprintf(f, " %s@%.1f", rp_phase_name((enum rp_phase)p), a->t_phase_ms[p]);
	fprintf(f, " (ms)\n");
	if (a->tcp.valid)
		fprintf(f,
		        "%s  tcp: rtt %.2f ms (var %.2f, min %.2f), retransmits %u, out-of-order in %u, "
		        "delivery %.1f kbit/s, pmtu %u, mss %u, acked %llu B, received %llu B\n",
		        in, a->tcp.rtt_us / 1000.0, a->tcp.rttvar_us / 1000.0, a->tcp.min_rtt_us / 1000.0,
		        a->tcp.retransmits, a->tcp.rcv_ooopack, a->tcp.delivery_rate * 8 / 1000.0,
		        a->tcp.pmtu, a->tcp.snd_mss, (unsigned long long)a->tcp.bytes_acked,
		        (unsigned long long)a->tcp.bytes_received);
	if (a->tcp.valid && (a->tcp.rcv_mss || a->tcp.last_ack_recv_ms || a->tcp.unacked))
		fprintf(f,
		        "%s  tcp at the end: unacked %u, probes %u, backoff %u, last data in %u ms "
		        "ago, last ACK in %u ms ago, largest segment in %u (advertised MSS %u)\n",
		        in, a->tcp.unacked, a->tcp.probes, a->tcp.backoff, a->tcp.last_data_recv_ms,
		        a->tcp.last_ack_recv_ms, a->tcp.rcv_mss, a->tcp.advmss);
}

/* The stalled connection's liveness probe and the client's timers. */
static void liveness_timers_summary(FILE* f, const char* in, const struct rp_evidence* ev)
{
	if (ev->liveness.result != RP_ALIVE_NOT_RUN)
		fprintf(f, "%sthe stalled connection, probed at the deadline (%s, %u segments "
		        "outstanding, no data for %.0f ms): %s after %.0f ms\n",
		        in, ev->liveness.keepalive ? "a keepalive" : "its retransmissions",
		        ev->liveness.unacked, ev->liveness.idle_ms, rp_alive_name(ev->liveness.result),
		        ev->liveness.ms);
	if (ev->timers.known)
		fprintf(f, "%sclient timers: keepalive %s (%u s idle, %u s interval, %u probes), ack "
		        "timeout %u ms, connect timeout %u ms, errorInfo PDU %s\n",
		        in, ev->timers.keepalive ? "on" : "off", ev->timers.keepalive_delay,
		        ev->timers.keepalive_interval, ev->timers.keepalive_retries,
		        ev->timers.ack_timeout_ms, ev->timers.connect_timeout_ms,
		        ev->timers.errinfo_pdu ? "announced" : "not announced");
}

/* The session after activation: what was wanted, what came, how it ended. */
static void session_summary(FILE* f, const char* in, const struct rp_session* ss)
{
	fprintf(f, "%ssession: %u ms wanted, %s", in, ss->want_ms, rp_activity_name(ss->activity));
	if (ss->activity != RP_ACTIVITY_IDLE)
		fprintf(f, " every %u ms (%u sent)", ss->every_ms, ss->inputs);
	if (ss->t_active_ms < 0)
		fprintf(f, "; never active\n");
	else
	{
		fprintf(f, "; active at %.1f ms, %s at %.1f ms (%.1f s in)", ss->t_active_ms,
		        ss->held ? "held to its end" : "ended", ss->t_end_ms,
		        (ss->t_end_ms - ss->t_active_ms) / 1000.0);
		fprintf(f, "; %u screen updates (%llu pixels)", ss->updates,
		        (unsigned long long)ss->update_pixels);
		if (ss->updates)
			fprintf(f, ", the last at %.1f ms", ss->t_last_update_ms);
		if (ss->heartbeats)
			fprintf(f, "; %u heartbeats (period %u s), the last at %.1f ms", ss->heartbeats,
			        ss->heartbeat_period_s, ss->t_last_heartbeat_ms);
		if (ss->dpu)
			fprintf(f, "; a Disconnect Provider Ultimatum (reason %d) at %.1f ms",
			        ss->dpu_reason, ss->t_dpu_ms);
		if (ss->t_error_info_ms >= 0)
			fprintf(f, "; errorInfo at %.1f ms%s", ss->t_error_info_ms,
			        ss->error_info_pdu ? " (a Set Error Info PDU)"
			                           : " (FreeRDP's, from the ultimatum)");
		for (int i = 0; i < ss->n_quiet && i < 6; i++)
			fprintf(f, "%s%.1f s from %.1f ms", i ? ", " : "; quiet spells: ",
			        ss->quiet_ms[i] / 1000.0, ss->quiet_start_ms[i]);
		if (ss->n_quiet > 6)
			fprintf(f, " (and %d more)", ss->n_quiet - 6);
		if (ss->reconnects)
			fprintf(f, "; %u auto-reconnect attempts%s", ss->reconnects,
			        ss->reconnected ? ", the session came back" : "");
		fprintf(f, "\n");
	}
}

/* The don't-fragment echo requests at two sizes. */
static void sizes_summary(FILE* f, const char* in, const struct rp_size_probe* z)
{
	if (z->sock_errno)
		fprintf(f, "%sdon't-fragment echo requests: no raw socket (%s)\n", in,
		        strerror(z->sock_errno));
	else
		fprintf(f, "%sdon't-fragment echo requests to the server: %d of %d answered at %d "
		        "bytes, %d of %d at 576\n",
		        in, z->big_answered, z->big_sent, z->big, z->small_answered, z->small_sent);
}

/* The final facts: the furthest phase, the errors, the bytes. */
static void finals_summary(FILE* f, const char* in, const struct rp_evidence* ev)
{
	fprintf(f, "%sfurthest phase: %s%s\n", in, rp_phase_name(rp_evidence_furthest(ev)),
	        rp_evidence_active(ev) ? " (active reached)" : "");
	fprintf(f, "%slast error: %s 0x%08X%s%s\n", in,
	        ev->last_error_name[0] ? ev->last_error_name : "-", ev->last_error,
	        ev->last_error ? ": " : "", ev->last_error ? ev->last_error_string : "");
	fprintf(f, "%sserver errorInfo: %s 0x%08X\n", in,
	        ev->error_info_name[0] ? ev->error_info_name : "-", ev->error_info);
	fprintf(f, "%sbytes in/out: %llu/%llu%s\n", in, (unsigned long long)ev->bytes_in,
	        (unsigned long long)ev->bytes_out, ev->watchdog_fired ? ", watchdog fired" : "");
}

/* The recheck's second connection: TCP and X.224, how its request fared. */
static void recheck_connect_summary(FILE* f, const char* in, const struct rp_recheck* rk)
{
	char req[96] = "";

	if (rk->x224_info && rk->x224 == RP_X224_SILENT)
		snprintf(req, sizeof(req), ", the request %s",
		         rk->x224_unacked ? "itself unacknowledged" : "acknowledged");
	if (rk->x224_info && rk->x224_retrans)
	{
		size_t len = strlen(req);
		snprintf(req + len, sizeof(req) - len, ", %u retransmission%s", rk->x224_retrans,
		         rk->x224_retrans == 1 ? "" : "s");
	}
	fprintf(f, "%srecheck (a second connection): TCP %s (%.0f ms), X.224 %s (%.0f ms%s)\n", in,
	        rp_recheck_tcp_name(rk->tcp), rk->tcp_ms, rp_recheck_x224_name(rk->x224), rk->x224_ms,
	        req);
}

/* The recheck's bandwidth stage: the train's replies and the pace read from them. */
static void bandwidth_summary(FILE* f, const char* in, const struct rp_bw_probe* bw)
{
	double kbit, spread;

	if (bw->sock_errno)
		fprintf(f, "%s  a train of echo requests, for the link's pace: no raw socket (%s)\n", in,
		        strerror(bw->sock_errno));
	else
	{
		fprintf(f, "%s  a train of %d echo requests of %d bytes, for the link's pace: %d "
		        "replies", in, bw->n_sent, bw->size, bw->n);
		for (int i = 0; i < bw->n && i < RP_BW_SAMPLES; i++)
			fprintf(f, "%s#%d@%.1f", i ? ", " : " (", bw->seq[i], bw->t_ms[i]);
		fprintf(f, "%s", bw->n ? " ms)" : "");
		if (rp_bw_estimate(bw, &kbit, &spread))
			fprintf(f, ": %.1f kbit/s, intervals within %.2fx", kbit, spread);
		fprintf(f, "\n");
	}
}

/* The recheck's later stages: TLS, the small-MSS connection, the pace, the pings, the replay. */
static void recheck_stages_summary(FILE* f, const char* in, const struct rp_recheck* rk)
{
	if (rk->tls != RP_RECHECK_TLS_NOT_RUN)
		fprintf(f, "%s  then TLS on it: %s (%.0f ms, %llu bytes from the server)\n", in,
		        rp_recheck_tls_name(rk->tls), rk->tls_ms, (unsigned long long)rk->tls_bytes_in);
	if (rk->tls_small_mss != RP_RECHECK_TLS_NOT_RUN)
		fprintf(f, "%s  a third asking for 536-byte segments: TLS %s (%.0f ms)\n", in,
		        rp_recheck_tls_name(rk->tls_small_mss), rk->tls_small_mss_ms);
	if (rk->bw.run)
		bandwidth_summary(f, in, &rk->bw);
	if (rk->ping.run)
	{
		if (rk->ping.sock_errno)
			fprintf(f, "%secho requests to the server's address: no raw socket (%s)\n", in,
			        strerror(rk->ping.sock_errno));
		else
			fprintf(f, "%secho requests to the server's address (TCP never came up): %d of %d "
			        "answered\n",
			        in, rk->ping.n, rk->ping.n_sent);
	}
	if (rk->replay.run)
		fprintf(f, "%s  a replay (a fresh FreeRDP connection, %u ms deadline): reached %s%s, "
		        "ended by %s after %.0f ms\n",
		        in, rk->replay.deadline_ms, rp_phase_name(rk->replay.furthest),
		        rk->replay.active ? " (active)" : "", rp_end_name(rk->replay.end), rk->replay.ms);
	else if (rk->replay.not_run[0])
		fprintf(f, "%s  no replay: %s\n", in, rk->replay.not_run);
}

char* rp_evidence_summary(const struct rp_evidence* ev, const char* in)
{
	char* buf = NULL;
	size_t len = 0;
	FILE* f = open_memstream(&buf, &len);
	double c2a = rp_evidence_connect_to_active_ms(ev);

	if (!f)
		return NULL;
	fprintf(f, "%starget %s, FreeRDP %s, deadline %u ms\n", in, ev->target, ev->freerdp_version,
	        ev->deadline_ms);
	if (ev->is_name)
		fprintf(f, "%sthe name %s: %s\n", in, ev->gai_error ? "did not resolve" : "resolved to",
		        ev->resolved);
	if (ev->cert_rejected)
		fprintf(f, "%sthe client's certificate check rejected the server's certificate%s%s\n", in,
		        ev->cert_problem[0] ? ": " : "", ev->cert_problem);
	for (int i = 0; i < ev->n_attempts; i++)
		attempt_summary(f, in, ev, i);
	liveness_timers_summary(f, in, ev);
	if (ev->session.want_ms)
		session_summary(f, in, &ev->session);
	if (ev->recheck.sizes.run)
		sizes_summary(f, in, &ev->recheck.sizes);
	finals_summary(f, in, ev);
	if (ev->recheck.tcp != RP_RECHECK_NOT_RUN)
		recheck_connect_summary(f, in, &ev->recheck);
	if (ev->recheck.not_run[0])
		fprintf(f, "%s%s%s\n", in, ev->recheck.tcp != RP_RECHECK_NOT_RUN ? "  " : "",
		        ev->recheck.not_run);
	recheck_stages_summary(f, in, &ev->recheck);
	fprintf(f, "%stime: total %.1f ms", in, ev->t_total_ms);
	if (c2a >= 0)
		fprintf(f, ", TCP connected to active %.1f ms", c2a);
	fprintf(f, "\n");
	fclose(f);
	return buf;
}
