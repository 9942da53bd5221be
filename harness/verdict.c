/* verdict.c: cause names and the classifier's rules.
 *
 * A table of rules over the evidence record, most specific first. It knows the causes the
 * catalog reproduces so far; the rest are "undetermined" until it grows. */
#include "verdict.h"

#include <stdio.h>
#include <string.h>

static const char* const cause_names[RP_CAUSE_COUNT] = {
	[RP_CAUSE_CONNECTED] = "connected",
	[RP_CAUSE_UNDETERMINED] = "undetermined",
	[RP_CAUSE_SERVER_DENIED] = "server-denied",
	[RP_CAUSE_PACKET_LOSS] = "packet-loss",
	[RP_CAUSE_HIGH_LATENCY] = "high-latency",
	[RP_CAUSE_LOW_BANDWIDTH] = "low-bandwidth",
	[RP_CAUSE_MTU_BLACKHOLE] = "mtu-blackhole",
	[RP_CAUSE_FIREWALL_RESET] = "firewall-reset",
	[RP_CAUSE_NAT_IDLE_TIMEOUT] = "nat-idle-timeout",
	[RP_CAUSE_TUNNEL_DROP] = "tunnel-drop",
	[RP_CAUSE_PORT_CLOSED] = "port-closed",
	[RP_CAUSE_PORT_FILTERED] = "port-filtered",
	[RP_CAUSE_CERTIFICATE_REJECTED] = "certificate-rejected",
	[RP_CAUSE_SECURITY_MISMATCH] = "security-mismatch",
	[RP_CAUSE_LICENSING_FAILURE] = "licensing-failure",
	[RP_CAUSE_SERVER_OVERLOADED] = "server-overloaded",
	[RP_CAUSE_SERVER_HUNG] = "server-hung",
	[RP_CAUSE_BAD_CREDENTIALS] = "bad-credentials",
	[RP_CAUSE_DNS_FAILURE] = "dns-failure",
	[RP_CAUSE_UDP_TRANSPORT] = "udp-transport",
};

const char* rp_cause_name(enum rp_cause c)
{
	if ((int)c < 0 || c >= RP_CAUSE_COUNT)
		return "invalid";
	return cause_names[c];
}

enum rp_cause rp_cause_from_name(const char* name)
{
	for (int i = 0; i < RP_CAUSE_COUNT; i++)
		if (name && strcmp(name, cause_names[i]) == 0)
			return (enum rp_cause)i;
	return RP_CAUSE_COUNT;
}

/* FreeRDP's last-error codes the rules read (freerdp/error.h: class << 16 | type). */
#define ERR_SERVER_DENIED 0x00010007u      /* ERRINFO class, ERRINFO_SERVER_DENIED_CONNECTION */
#define ERR_CONNECT_FAILED 0x00020006u     /* ERRCONNECT_CONNECT_FAILED */
#define ERR_AUTH_FAILED 0x00020009u        /* ERRCONNECT_AUTHENTICATION_FAILED */
#define ERR_LOGON_FAILURE 0x00020014u      /* ERRCONNECT_LOGON_FAILURE */
#define ERR_TLS_FAILED 0x00020008u         /* ERRCONNECT_TLS_CONNECT_FAILED */
#define ERR_TRANSPORT_FAILED 0x0002000Du   /* ERRCONNECT_CONNECT_TRANSPORT_FAILED */
#define ERR_ACTIVATION_TIMEOUT 0x0002001Cu /* ERRCONNECT_ACTIVATION_TIMEOUT */
#define ERRNO_ETIMEDOUT 110                /* TCP_USER_TIMEOUT, from /timeout:N */
#define SLOW_PATH_US 250000u               /* a best RTT sample this slow is the path itself */
#define ERRINFO_DENIED 0x00000007u         /* MS-RDPBCGR 2.2.5.1.1 */

/* An attempt whose TCP handshake never completed. */
static bool never_established(const struct rp_evidence* ev)
{
	if (ev->n_attempts == 0)
		return false;
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].t_established_ms >= 0)
			return false;
	return true;
}

static double attempt_ms(const struct rp_attempt* a)
{
	return a->t_end_ms >= 0 ? a->t_end_ms - a->t_start_ms : -1;
}

struct rule
{
	enum rp_cause cause;
	bool (*match)(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v);
};

/* The attempt that got furthest (the last one on ties): its counters tell the story. */
static const struct rp_attempt* furthest_attempt(const struct rp_evidence* ev)
{
	const struct rp_attempt* best = NULL;
	for (int i = 0; i < ev->n_attempts; i++)
		if (!best || ev->attempts[i].furthest >= best->furthest)
			best = &ev->attempts[i];
	return best;
}

/* A failure by waiting: FreeRDP's activation timeout, TCP_USER_TIMEOUT, or our watchdog. */
static bool timed_out(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	return ev->last_error == ERR_ACTIVATION_TIMEOUT || ev->watchdog_fired ||
	       (ev->last_error == ERR_TRANSPORT_FAILED && a && a->sock_errno == ERRNO_ETIMEDOUT);
}

static bool is_connected(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* Active after finalization (MS-RDPBCGR 1.3.1.1), and no error while the probe held it. */
	if (!rp_evidence_active(ev) || ev->last_error || ev->error_info)
		return false;
	snprintf(why, n, "reached active, no last error, no errorInfo during a %u ms hold", ev->hold_ms);
	return true;
}

static bool is_denied(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* The server said so: a Set Error Info PDU with ERRINFO_SERVER_DENIED_CONNECTION. */
	if (ev->error_info != ERRINFO_DENIED)
		return false;
	snprintf(why, n, "the server sent errorInfo 0x7 (SERVER_DENIED_CONNECTION) at phase %s",
	         rp_phase_name(rp_evidence_furthest(ev)));
	return true;
}

static bool is_bad_credentials(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* NLA ran (CredSSP) and FreeRDP reports an authentication or logon failure; the
	 * connection got no further than NLA. */
	if ((ev->last_error != ERR_AUTH_FAILED && ev->last_error != ERR_LOGON_FAILURE) ||
	    rp_evidence_furthest(ev) != RP_PHASE_NLA)
		return false;
	snprintf(why, n, "%s during NLA, the connection went no further",
	         ev->last_error_name[0] ? ev->last_error_name : "authentication failure");
	return true;
}

static bool is_port_closed(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* Refused: the SYN was answered with a RST, so TCP never came up, nothing was received,
	 * and each attempt failed within a second (no timeout was waited for). */
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		double ms = attempt_ms(a);
		if (!a->tcp.valid || a->tcp.bytes_received || ms < 0 || ms > 1000)
			return false;
	}
	if (!never_established(ev) || ev->watchdog_fired)
		return false;
	snprintf(why, n, "TCP never established in %d attempt(s), each refused within 1 s, "
	                 "0 bytes received (errno %d)",
	         ev->n_attempts, ev->attempts[0].sock_errno);
	return true;
}

static bool is_port_filtered(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* Filtered: the SYN went unanswered until the connect timeout (CONNECT_FAILED, no
	 * handshake, the attempt lasted at least a second). */
	const struct rp_attempt* a = ev->n_attempts ? &ev->attempts[0] : NULL;

	if (!a || !never_established(ev) || ev->last_error != ERR_CONNECT_FAILED ||
	    attempt_ms(a) < 1000)
		return false;
	snprintf(why, n, "no answer to the SYN for %.1f s, then CONNECT_FAILED; TCP never established",
	         attempt_ms(a) / 1000.0);
	return true;
}

static bool is_mtu_blackhole(const struct rp_evidence* ev, char* why, size_t n,
                             struct rp_verdict* v)
{
	/* PMTUD black hole (RFC 2923): the client's small packets pass (its TLS ClientHello is
	 * acknowledged) but the server's full-size TLS flight never arrives, and after seconds the
	 * server gives up and closes (a hung server would not close; the watchdog would fire). */
	const struct rp_attempt* a = furthest_attempt(ev);
	double ms = a ? attempt_ms(a) : -1;

	if (!a || a->furthest != RP_PHASE_TLS || a->t_established_ms < 0 || ev->watchdog_fired ||
	    (ev->last_error != ERR_TLS_FAILED && ev->last_error != ERR_TRANSPORT_FAILED) ||
	    !a->tcp.valid || a->tcp.bytes_received >= 100 || a->tcp.bytes_acked < 100 || ms < 5000)
		return false;
	snprintf(why, n,
	         "TLS started, the client's %llu bytes were acknowledged, but only %llu bytes came "
	         "back in %.1f s, then the server closed: its full-size packets were lost",
	         (unsigned long long)a->tcp.bytes_acked, (unsigned long long)a->tcp.bytes_received,
	         ms / 1000.0);
	return true;
}

#define ERRNO_ECONNRESET 104
#define TCP_STATE_CLOSE 7 /* tcpi_state after an RST (include/net/tcp_states.h) */

/* The attempt was reset: the socket saw ECONNRESET, or ended in CLOSE after data flowed
 * (a peer's orderly close leaves CLOSE_WAIT instead). */
static bool was_reset(const struct rp_attempt* a)
{
	return a->t_established_ms >= 0 &&
	       (a->sock_errno == ERRNO_ECONNRESET ||
	        (a->tcp.valid && a->tcp.state == TCP_STATE_CLOSE && a->tcp.bytes_received > 0));
}

static bool is_firewall_reset(const struct rp_evidence* ev, char* why, size_t n,
                              struct rp_verdict* v)
{
	/* Every attempt was reset within a couple of seconds of its start, while the server
	 * said nothing (no errorInfo), and a fresh connection is answered: something on the path
	 * resets this connection at this point of the handshake. */
	double worst = 0;

	if (ev->n_attempts == 0 || ev->error_info || ev->watchdog_fired)
		return false;
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		double ms = attempt_ms(a);
		if (!was_reset(a) || ms < 0 || ms > 2000)
			return false;
		if (ms > worst)
			worst = ms;
	}
	snprintf(why, n, "%d attempt(s) reset by RST in phase %s, each within %.0f ms, no errorInfo",
	         ev->n_attempts, rp_phase_name(furthest_attempt(ev)->furthest), worst);
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

/* A connection that made progress and then went silent until a timeout. */
static bool stalled(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	return a && a->t_established_ms >= 0 && timed_out(ev, a) && a->tcp.valid &&
	       a->tcp.bytes_received > 0 && a->tcp.min_rtt_us < SLOW_PATH_US;
}

static bool is_tunnel_drop(const struct rp_evidence* ev, char* why, size_t n,
                           struct rp_verdict* v)
{
	/* The handshake stalled, and afterwards not even a SYN to the server gets an answer:
	 * the path itself is down. */
	const struct rp_attempt* a = furthest_attempt(ev);

	if (!stalled(ev, a) || ev->recheck.tcp != RP_RECHECK_NO_ANSWER)
		return false;
	snprintf(why, n, "the handshake stalled in phase %s, and a fresh connection's SYN got no "
	                 "answer in %.0f ms: the path is down",
	         rp_phase_name(a->furthest), ev->recheck.tcp_ms);
	return true;
}

static bool is_server_hung(const struct rp_evidence* ev, char* why, size_t n,
                           struct rp_verdict* v)
{
	/* The server's TCP stack answers, its RDP service does not: a fresh connection is
	 * accepted but its X.224 request goes unanswered. */
	const struct rp_attempt* a = furthest_attempt(ev);

	if (!a || a->t_established_ms < 0 || !timed_out(ev, a) ||
	    ev->recheck.tcp != RP_RECHECK_CONNECTED || ev->recheck.x224 != RP_X224_SILENT)
		return false;
	snprintf(why, n, "stalled in phase %s; a fresh connection is accepted but its X.224 "
	                 "request gets no answer in %.0f ms",
	         rp_phase_name(a->furthest), ev->recheck.x224_ms);
	return true;
}

static bool is_nat_idle_timeout(const struct rp_evidence* ev, char* why, size_t n,
                                struct rp_verdict* v)
{
	/* The connection went quiet in the middle of the handshake and never came back, yet a
	 * fresh connection is answered at once: path and server are fine, this connection was
	 * forgotten on the way (a NAT or firewall idle timeout). */
	const struct rp_attempt* a = furthest_attempt(ev);
	double last = -1;

	if (!stalled(ev, a) || ev->recheck.x224 != RP_X224_ANSWERED ||
	    a->tcp.retransmits + a->tcp.rcv_ooopack >= 3)
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

static bool is_high_latency(const struct rp_evidence* ev, char* why, size_t n,
                            struct rp_verdict* v)
{
	/* The best RTT sample is the path's own latency (RFC 6298 samples; Linux's min_rtt):
	 * a handshake that timed out on a path this slow timed out because of it. */
	const struct rp_attempt* a = furthest_attempt(ev);

	if (!a || a->t_established_ms < 0 || !timed_out(ev, a) || !a->tcp.valid ||
	    a->tcp.min_rtt_us < SLOW_PATH_US)
		return false;
	snprintf(why, n, "timed out in phase %s on a path whose best RTT was %.0f ms (retransmits %u)",
	         rp_phase_name(a->furthest), a->tcp.min_rtt_us / 1000.0, a->tcp.retransmits);
	return true;
}

static bool is_packet_loss(const struct rp_evidence* ev, char* why, size_t n,
                           struct rp_verdict* v)
{
	/* Data flowed both ways on a fast path, then the handshake timed out amid retransmissions. */
	const struct rp_attempt* a = furthest_attempt(ev);

	if (!a || a->t_established_ms < 0 || !timed_out(ev, a) || !a->tcp.valid ||
	    a->tcp.min_rtt_us >= SLOW_PATH_US || a->tcp.bytes_received == 0 ||
	    a->tcp.retransmits + a->tcp.rcv_ooopack < 3)
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
	/* A narrow link makes ACKs wait behind data and the client retransmit early: from TCP's
	 * counters over a few kilobytes, the two look alike. */
	v->runner_up = RP_CAUSE_LOW_BANDWIDTH;
	snprintf(v->unsure, sizeof(v->unsure),
	         "too little bandwidth gives the same counters over a handshake of a few kB; a path "
	         "probe (RTT of small vs large packets) would tell them apart");
	return true;
}

/* One row per rule, most specific first; the first that matches decides. */
static const struct rule rules[] = {
	{ RP_CAUSE_SERVER_DENIED, is_denied },
	{ RP_CAUSE_CONNECTED, is_connected },
	{ RP_CAUSE_BAD_CREDENTIALS, is_bad_credentials },
	{ RP_CAUSE_PORT_CLOSED, is_port_closed },
	{ RP_CAUSE_PORT_FILTERED, is_port_filtered },
	{ RP_CAUSE_MTU_BLACKHOLE, is_mtu_blackhole },
	{ RP_CAUSE_FIREWALL_RESET, is_firewall_reset },
	{ RP_CAUSE_HIGH_LATENCY, is_high_latency },
	{ RP_CAUSE_PACKET_LOSS, is_packet_loss },
	{ RP_CAUSE_TUNNEL_DROP, is_tunnel_drop },
	{ RP_CAUSE_SERVER_HUNG, is_server_hung },
	{ RP_CAUSE_NAT_IDLE_TIMEOUT, is_nat_idle_timeout },
};

void rp_classify(const struct rp_evidence* ev, struct rp_verdict* v)
{
	memset(v, 0, sizeof(*v));
	v->runner_up = RP_CAUSE_COUNT;
	for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
	{
		if (rules[i].match(ev, v->because, sizeof(v->because), v))
		{
			v->cause = rules[i].cause;
			return;
		}
	}
	v->cause = RP_CAUSE_UNDETERMINED;
	snprintf(v->because, sizeof(v->because),
	         "no rule matched: furthest phase %s, last error 0x%08X, errorInfo 0x%08X",
	         rp_phase_name(rp_evidence_furthest(ev)), ev->last_error, ev->error_info);
}
