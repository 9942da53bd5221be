/* probe.c: the lab's headless RDP client. */
#include "probe.h"

#include <errno.h>
#include <getopt.h>
#include <linux/tcp.h>
#include <arpa/inet.h>
#include <ctype.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <poll.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <fcntl.h>

#include <freerdp/client/cmdline.h>
#include <freerdp/client.h>
#include <freerdp/event.h>
#include <freerdp/input.h>
#include <freerdp/update.h>
#include <freerdp/error.h>
#include <freerdp/freerdp.h>
#include <freerdp/gdi/gdi.h>
#include <freerdp/primitives.h>
#include <freerdp/transport_io.h>
#include <freerdp/version.h>
#include <winpr/ssl.h>
#include <winpr/synch.h>
#include <winpr/wlog.h>

#include "clientargs.h"
#include "evidence.h"
#include "proc.h"
#include "recheck.h"
#include "ttlwatch.h"
#include "util.h"
#include "wlog.h"

/* The client context: rdpClientContext first, as freerdp_client_context_new requires. */
struct probe
{
	rdpClientContext common;
	rdpTransportIo orig_io;
	struct rp_evidence ev;
	double t0;
	int fd; /* the current attempt's socket, -1 between attempts */
	bool established; /* the current attempt's TCP handshake completed */
	CONNECTION_STATE last_state;

	char* pin; /* PEM of the only certificate the client accepts (strict check), or NULL */
	pthread_mutex_t lock;
	pthread_cond_t cond;
	double deadline; /* absolute, rp_now_ms() */
	bool done;
	uint32_t watchdog_state; /* tcpi_state when the watchdog fired, 0 if it did not */
	struct rp_ttlwatch ttl; /* who sent what ended each attempt */
	/* The GDI's own update handlers, which the probe's counting ones call. */
	pSurfaceBits gdi_surface_bits;
	pBitmapUpdate gdi_bitmap_update;
};

/* FreeRDP's fine states folded into the phases of a record (evidence.h). No default: a
 * state added by a future FreeRDP makes the compiler point here. */
static enum rp_phase phase_of(CONNECTION_STATE s)
{
	switch (s)
	{
		case CONNECTION_STATE_INITIAL:
			return RP_PHASE_TCP;
		case CONNECTION_STATE_NEGO:
			return RP_PHASE_X224;
		case CONNECTION_STATE_NLA:
		case CONNECTION_STATE_AAD:
			return RP_PHASE_NLA;
		case CONNECTION_STATE_MCS_CREATE_REQUEST:
		case CONNECTION_STATE_MCS_CREATE_RESPONSE:
		case CONNECTION_STATE_MCS_ERECT_DOMAIN:
		case CONNECTION_STATE_MCS_ATTACH_USER:
		case CONNECTION_STATE_MCS_ATTACH_USER_CONFIRM:
		case CONNECTION_STATE_MCS_CHANNEL_JOIN_REQUEST:
		case CONNECTION_STATE_MCS_CHANNEL_JOIN_RESPONSE:
			return RP_PHASE_MCS;
		case CONNECTION_STATE_RDP_SECURITY_COMMENCEMENT:
		case CONNECTION_STATE_SECURE_SETTINGS_EXCHANGE:
		case CONNECTION_STATE_CONNECT_TIME_AUTO_DETECT_REQUEST:
		case CONNECTION_STATE_CONNECT_TIME_AUTO_DETECT_RESPONSE:
			return RP_PHASE_SECURE_SETTINGS;
		case CONNECTION_STATE_LICENSING:
		/* Multitransport bootstrapping follows licensing (MS-RDPBCGR 1.3.1.1). */
		case CONNECTION_STATE_MULTITRANSPORT_BOOTSTRAPPING_REQUEST:
		case CONNECTION_STATE_MULTITRANSPORT_BOOTSTRAPPING_RESPONSE:
			return RP_PHASE_LICENSING;
		case CONNECTION_STATE_CAPABILITIES_EXCHANGE_DEMAND_ACTIVE:
		case CONNECTION_STATE_CAPABILITIES_EXCHANGE_MONITOR_LAYOUT:
		case CONNECTION_STATE_CAPABILITIES_EXCHANGE_CONFIRM_ACTIVE:
			return RP_PHASE_CAPABILITIES;
		case CONNECTION_STATE_FINALIZATION_SYNC:
		case CONNECTION_STATE_FINALIZATION_COOPERATE:
		case CONNECTION_STATE_FINALIZATION_REQUEST_CONTROL:
		case CONNECTION_STATE_FINALIZATION_PERSISTENT_KEY_LIST:
		case CONNECTION_STATE_FINALIZATION_FONT_LIST:
		case CONNECTION_STATE_FINALIZATION_CLIENT_SYNC:
		case CONNECTION_STATE_FINALIZATION_CLIENT_COOPERATE:
		case CONNECTION_STATE_FINALIZATION_CLIENT_GRANTED_CONTROL:
		case CONNECTION_STATE_FINALIZATION_CLIENT_FONT_MAP:
			return RP_PHASE_FINALIZATION;
		case CONNECTION_STATE_ACTIVE:
			return RP_PHASE_ACTIVE;
	}
	return RP_PHASE_NONE;
}

static double since_start(struct probe* p)
{
	return rp_now_ms() - p->t0;
}

/* tcpi_state values (the kernel's include/net/tcp_states.h; <linux/tcp.h> has no names). */
enum
{
	RP_TCP_ESTABLISHED = 1,
	RP_TCP_SYN_SENT = 2,
	RP_TCP_CLOSE = 7,
	RP_TCP_CLOSE_WAIT = 8,
	RP_TCP_LAST_ACK = 9,
};

/* The timers FreeRDP put on the socket (freerdp_tcp_set_keep_alive_mode, libfreerdp/core/
 * tcp.c: SO_KEEPALIVE, TCP_KEEPIDLE/KEEPINTVL/KEEPCNT, TCP_USER_TIMEOUT from TcpAckTimeout),
 * read back from the socket itself: what the kernel will do, not what a setting says. */
static void note_timers(struct probe* p)
{
	struct rp_client_timers* t = &p->ev.timers;
	rdpSettings* settings = p->common.context.settings;
	int on = 0, idle = 0, intvl = 0, cnt = 0;
	unsigned int uto = 0;
	socklen_t l;

	if (t->known || p->fd < 0)
		return;
	l = sizeof(on);
	if (getsockopt(p->fd, SOL_SOCKET, SO_KEEPALIVE, &on, &l) != 0)
		return;
	l = sizeof(idle);
	getsockopt(p->fd, IPPROTO_TCP, TCP_KEEPIDLE, &idle, &l);
	l = sizeof(intvl);
	getsockopt(p->fd, IPPROTO_TCP, TCP_KEEPINTVL, &intvl, &l);
	l = sizeof(cnt);
	getsockopt(p->fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, &l);
	l = sizeof(uto);
	getsockopt(p->fd, IPPROTO_TCP, TCP_USER_TIMEOUT, &uto, &l);
	t->known = true;
	t->keepalive = on != 0;
	t->keepalive_delay = (uint32_t)idle;
	t->keepalive_interval = (uint32_t)intvl;
	t->keepalive_retries = (uint32_t)cnt;
	t->ack_timeout_ms = uto;
	t->connect_timeout_ms = freerdp_settings_get_uint32(settings, FreeRDP_TcpConnectTimeout);
	t->errinfo_pdu = freerdp_settings_get_bool(settings, FreeRDP_SupportErrorInfoPdu);
}

/* FreeRDP's TCPConnect can return a socket whose non-blocking connect has not completed (or
 * was refused a moment later): "TCP connected" is marked only once TCP_INFO says ESTABLISHED
 * (or later states: the peer may already have closed after sending data). */
static void note_established(struct probe* p)
{
	struct tcp_info ti;
	socklen_t len = sizeof(ti);

	if (p->established || p->fd < 0)
		return;
	memset(&ti, 0, sizeof(ti));
	if (getsockopt(p->fd, IPPROTO_TCP, TCP_INFO, &ti, &len) != 0)
		return;
	if (ti.tcpi_state == RP_TCP_SYN_SENT ||
	    (ti.tcpi_state == RP_TCP_CLOSE && ti.tcpi_bytes_received == 0 && ti.tcpi_rtt == 0))
		return;
	p->established = true;
	note_timers(p);
	if (rp_evidence_current(&p->ev))
		rp_evidence_current(&p->ev)->t_established_ms = since_start(p);
	rp_evidence_mark(&p->ev, since_start(p), RP_PHASE_TCP, "tcp-connected");
}

static void note_state(struct probe* p)
{
	CONNECTION_STATE s;

	note_established(p);
	s = freerdp_get_state(&p->common.context);

	/* INITIAL is where a failed attempt falls back to: not progress, keep the furthest. */
	if (s == p->last_state || s == CONNECTION_STATE_INITIAL)
		return;
	p->last_state = s;
	rp_evidence_mark(&p->ev, since_start(p), phase_of(s), freerdp_state_string(s));
}

/* Reads TCP_INFO and SO_ERROR of the current attempt's socket into the record. */
static void note_socket(struct probe* p, struct rp_attempt* a)
{
	struct tcp_info ti;
	socklen_t len = sizeof(ti);
	int soerr = 0;
	socklen_t elen = sizeof(soerr);

	if (p->fd < 0 || !a)
		return;
	memset(&ti, 0, sizeof(ti));
	if (getsockopt(p->fd, IPPROTO_TCP, TCP_INFO, &ti, &len) == 0)
	{
		a->tcp.valid = true;
		a->tcp.state = ti.tcpi_state;
		a->tcp.retransmits = ti.tcpi_total_retrans;
		a->tcp.rtt_us = ti.tcpi_rtt;
		a->tcp.rttvar_us = ti.tcpi_rttvar;
		a->tcp.min_rtt_us = ti.tcpi_min_rtt == ~0u ? 0 : ti.tcpi_min_rtt;
		a->tcp.delivery_rate = ti.tcpi_delivery_rate;
		a->tcp.rcv_ooopack = ti.tcpi_rcv_ooopack;
		a->tcp.dsack_dups = ti.tcpi_dsack_dups;
		a->tcp.pmtu = ti.tcpi_pmtu;
		a->tcp.snd_mss = ti.tcpi_snd_mss;
		a->tcp.bytes_acked = ti.tcpi_bytes_acked;
		a->tcp.bytes_received = ti.tcpi_bytes_received;
		a->tcp.unacked = ti.tcpi_unacked;
		a->tcp.probes = ti.tcpi_probes;
		a->tcp.backoff = ti.tcpi_backoff;
		a->tcp.last_data_recv_ms = ti.tcpi_last_data_recv;
		a->tcp.last_ack_recv_ms = ti.tcpi_last_ack_recv;
		a->tcp.rcv_mss = ti.tcpi_rcv_mss;
		a->tcp.advmss = ti.tcpi_advmss;
	}
	if (getsockopt(p->fd, SOL_SOCKET, SO_ERROR, &soerr, &elen) == 0 && soerr && !a->sock_errno)
		a->sock_errno = soerr;
}


static bool read_tcp_info(int fd, struct tcp_info* ti)
{
	socklen_t len = sizeof(*ti);
	memset(ti, 0, sizeof(*ti));
	return getsockopt(fd, IPPROTO_TCP, TCP_INFO, ti, &len) == 0;
}

/* Jiffies: tcpi_last_ack_recv moves in steps of 1000/HZ ms (4 ms at HZ=250). */
#define LIVENESS_SLACK_MS 10

/* Before the deadline closes a stalled connection: is it alive end to end? With nothing
 * outstanding, a keepalive after 1 s of idle (TCP_KEEPIDLE set now fires at once on a
 * connection idle that long: tcp_sock_set_keepidle); with data outstanding the kernel
 * sends no keepalive, and its own retransmissions are the probe. An acknowledgement that
 * arrives while we watch (tcpi_last_ack_recv falls below the time watched) means the path
 * and the server's TCP work. Bounded: 1 s of idle plus three round trips, at most 6 s. */
static void probe_liveness(struct probe* p, bool from_watchdog)
{
	struct rp_liveness* l = &p->ev.liveness;
	struct tcp_info ti;
	double t0 = rp_now_ms(), bound;
	uint32_t ack0;
	int one = 1, cnt = 9;

	if (p->fd < 0 || l->result != RP_ALIVE_NOT_RUN || !read_tcp_info(p->fd, &ti))
		return;
	if (from_watchdog)
		p->watchdog_state = ti.tcpi_state;
	if (ti.tcpi_state != RP_TCP_ESTABLISHED)
		return;
	l->idle_ms = ti.tcpi_last_data_recv;
	l->unacked = ti.tcpi_unacked;
	l->backoff = ti.tcpi_backoff;
	l->retransmits = ti.tcpi_total_retrans;
	ack0 = ti.tcpi_last_ack_recv;
	/* Something the server's kernel acknowledged after its data stopped, within the last
	 * second (FreeRDP's own keepalive, 5 s idle then every 2 s, or the client's data): the
	 * connection just answered, end to end. */
	if (ti.tcpi_last_data_recv >= 1000 && ti.tcpi_last_ack_recv + 100 < ti.tcpi_last_data_recv &&
	    ti.tcpi_last_ack_recv < 1000)
	{
		l->result = RP_ALIVE_ACKED;
		l->keepalive = ti.tcpi_unacked == 0;
		l->ms = 0;
		return;
	}
	bound = 500.0 + 3.0 * (ti.tcpi_rtt / 1000.0);
	if (ti.tcpi_unacked == 0)
	{
		/* The keepalive timer counts from the last segment received, data or ACK. */
		uint32_t since = ti.tcpi_last_data_recv < ti.tcpi_last_ack_recv ? ti.tcpi_last_data_recv
		                                                                : ti.tcpi_last_ack_recv;
		l->keepalive = true;
		if (since < 1000)
			bound += 1000 - since;
		setsockopt(p->fd, IPPROTO_TCP, TCP_KEEPINTVL, &one, sizeof(one));
		setsockopt(p->fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof(cnt));
		setsockopt(p->fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
		setsockopt(p->fd, IPPROTO_TCP, TCP_KEEPIDLE, &one, sizeof(one));
	}
	else if (ti.tcpi_rto / 1000.0 > bound)
		bound = ti.tcpi_rto / 1000.0 + 3.0 * (ti.tcpi_rtt / 1000.0);
	if (bound > 6000)
		bound = 6000;
	l->result = RP_ALIVE_SILENT;
	for (;;)
	{
		double e = rp_now_ms() - t0;
		struct timespec ts = { 0, 5 * 1000 * 1000 };
		if (!read_tcp_info(p->fd, &ti))
			break;
		if (ti.tcpi_state == RP_TCP_CLOSE)
		{
			/* Closed under us: a reset, or the kernel's own timer (TCP_USER_TIMEOUT, the
			 * keepalive count) giving up, which is silence. SO_ERROR tells, and is kept. */
			int soerr = 0;
			socklen_t el = sizeof(soerr);
			struct rp_attempt* a = rp_evidence_current(&p->ev);
			getsockopt(p->fd, SOL_SOCKET, SO_ERROR, &soerr, &el);
			if (a && soerr && !a->sock_errno)
				a->sock_errno = soerr;
			l->result = soerr == ETIMEDOUT ? RP_ALIVE_SILENT : RP_ALIVE_RESET;
			l->ms = e;
			break;
		}
		/* An ACK that arrived while we watch: its age fell behind the time watched, and is
		 * less than that time (under TCG the guest's jiffies lag the monotonic clock, so
		 * the first test alone took an ACK from before the watch, 7.9 s old, for a new one). */
		if (e > LIVENESS_SLACK_MS && ti.tcpi_last_ack_recv + LIVENESS_SLACK_MS < ack0 + e &&
		    ti.tcpi_last_ack_recv < e)
		{
			l->result = RP_ALIVE_ACKED;
			l->ms = e - ti.tcpi_last_ack_recv;
			break;
		}
		if (e >= bound)
		{
			l->ms = e;
			break;
		}
		nanosleep(&ts, NULL);
	}
}


/* How the attempt ended, from what its socket saw first and then from the client's side. */
static enum rp_end end_kind(struct probe* p, const struct rp_attempt* a, UINT32 e)
{
	if (a->t_established_ms < 0)
	{
		if (a->sock_errno == ECONNREFUSED)
			return RP_END_REFUSED;
		if (a->sock_errno == ETIMEDOUT || e == FREERDP_ERROR_CONNECT_FAILED ||
		    p->ev.watchdog_fired)
			return RP_END_NO_ANSWER;
		return RP_END_ABORT;
	}
	if (a->sock_errno == ECONNRESET || a->sock_errno == EPIPE)
		return RP_END_RST;
	if (a->sock_errno == ETIMEDOUT)
		return RP_END_TIMEOUT;
	if (p->ev.watchdog_fired && p->watchdog_state != 0)
	{
		/* The watchdog read the socket before it shut it. */
		if (p->watchdog_state == RP_TCP_CLOSE_WAIT || p->watchdog_state == RP_TCP_LAST_ACK)
			return RP_END_FIN;
		if (p->watchdog_state == RP_TCP_CLOSE)
			return RP_END_RST;
		return RP_END_DEADLINE;
	}
	if (a->tcp.valid && (a->tcp.state == RP_TCP_CLOSE_WAIT || a->tcp.state == RP_TCP_LAST_ACK))
		return RP_END_FIN;
	if (a->tcp.valid && a->tcp.state == RP_TCP_CLOSE)
		return RP_END_RST;
	if (e == FREERDP_ERROR_CONNECT_ACTIVATION_TIMEOUT || p->ev.watchdog_fired)
		return RP_END_DEADLINE;
	if (!e && a->furthest == RP_PHASE_ACTIVE)
		return RP_END_CLIENT;
	return RP_END_ABORT;
}

static void end_attempt(struct probe* p)
{
	struct rp_attempt* a = rp_evidence_current(&p->ev);
	UINT32 e = freerdp_get_last_error(&p->common.context);

	if (!a || a->t_end_ms >= 0)
		return;
	/* FreeRDP's own timer gave up on a connection that is still up: probe it first. */
	bool probed = false;
	if (e == FREERDP_ERROR_CONNECT_ACTIVATION_TIMEOUT && a->t_established_ms >= 0 &&
	    p->ev.liveness.result == RP_ALIVE_NOT_RUN)
	{
		probe_liveness(p, false);
		probed = p->ev.liveness.result != RP_ALIVE_NOT_RUN;
	}
	note_socket(p, a);
	a->t_end_ms = since_start(p);
	a->last_error = e;
	rp_strlcpy(a->last_error_name, e ? freerdp_get_last_error_name(e) : "",
	           sizeof(a->last_error_name));
	/* What the probe drew (a reset from a middlebox that forgot it) is the liveness result;
	 * the attempt itself ended at FreeRDP's timer. */
	a->end = probed ? RP_END_DEADLINE : end_kind(p, a, e);
}

/* ---- transport I/O wrappers: FreeRDP calls them for every connection attempt ---- */

static struct probe* probe_of(rdpTransport* t)
{
	return (struct probe*)transport_get_context(t);
}

/* Called to open the TCP connection of an attempt (also for FreeRDP's own retry). */
static int probe_tcp_connect(rdpContext* context, rdpSettings* settings, const char* host,
                             int port, DWORD timeout)
{
	struct probe* p = (struct probe*)context;
	struct rp_attempt* prev = rp_evidence_current(&p->ev);
	int fd;

	if (prev)
		end_attempt(p);
	rp_evidence_begin_attempt(&p->ev, since_start(p));
	p->last_state = (CONNECTION_STATE)-1;
	rp_evidence_mark(&p->ev, since_start(p), RP_PHASE_TCP, "tcp-connect");
	errno = 0;
	fd = p->orig_io.TCPConnect(context, settings, host, port, timeout);
	if (fd < 0)
	{
		struct rp_attempt* a = rp_evidence_current(&p->ev);
		if (a)
			a->sock_errno = errno;
		return fd;
	}
	pthread_mutex_lock(&p->lock);
	p->fd = fd;
	p->established = false;
	pthread_mutex_unlock(&p->lock);
	{
		struct sockaddr_in me;
		socklen_t ml = sizeof(me);
		struct rp_attempt* a = rp_evidence_current(&p->ev);
		if (a && getsockname(fd, (struct sockaddr*)&me, &ml) == 0 && me.sin_family == AF_INET)
			a->local_port = ntohs(me.sin_port);
	}
	note_established(p);
	return fd;
}

/* Called when the TLS handshake of the security layer starts (after X.224). */
static BOOL probe_tls_connect(rdpTransport* t)
{
	struct probe* p = probe_of(t);
	BOOL ok;

	rp_evidence_mark(&p->ev, since_start(p), RP_PHASE_TLS, "tls-start");
	ok = p->orig_io.TLSConnect(t);
	if (ok)
		rp_evidence_mark(&p->ev, since_start(p), RP_PHASE_TLS, "tls-done");
	return ok;
}

/* A PDU while the session is active: a quiet spell of 500 ms or more before it is kept. */
#define QUIET_MIN_MS 800.0
static void note_pdu(struct probe* p)
{
	struct rp_session* ss = &p->ev.session;
	double t = since_start(p);

	if (ss->t_active_ms < 0)
		return;
	{
		double from = ss->t_last_pdu_ms >= 0 ? ss->t_last_pdu_ms : ss->t_active_ms;
		if (t - from >= QUIET_MIN_MS && ss->n_quiet < RP_QUIET_SPELLS)
		{
			ss->quiet_start_ms[ss->n_quiet] = from;
			ss->quiet_ms[ss->n_quiet++] = t - from;
		}
	}
	ss->t_last_pdu_ms = t;
}

/* Called for every whole PDU read or written: the moments the state can change. */
/* The errno of the first failed read or write of an attempt: ECONNREFUSED, ECONNRESET,
 * ETIMEDOUT (TCP_USER_TIMEOUT), EPIPE. */
static void note_io_errno(struct probe* p, int rc, int err)
{
	struct rp_attempt* a = rp_evidence_current(&p->ev);

	if (rc < 0 && err && a && !a->sock_errno && err != EAGAIN && err != EINTR)
		a->sock_errno = err;
}

/* An MCS Disconnect Provider Ultimatum (T.125; MS-RDPBCGR 2.2.2.3): a TPKT of 9 bytes, an
 * X.224 Data TPDU, the DomainMCSPDU choice 8 in the top six bits, the 3-bit reason across the
 * next two bits (PER, aligned). FreeRDP reads it and keeps only an errorInfo it derives from
 * it; the record keeps that it came, when, and its reason. */
static void note_ultimatum(struct probe* p, wStream* s, int len)
{
	const BYTE* b = Stream_Buffer(s);

	if (len != 9 || !b || Stream_Capacity(s) < 9 || b[0] != 0x03 || b[4] != 0x02 ||
	    b[5] != 0xF0 || (b[7] >> 2) != 8)
		return;
	p->ev.session.dpu = true;
	p->ev.session.dpu_reason = ((b[7] & 0x03) << 1) | (b[8] >> 7);
	p->ev.session.t_dpu_ms = since_start(p);
}

static int probe_read_pdu(rdpTransport* t, wStream* s)
{
	struct probe* p = probe_of(t);
	int rc;

	errno = 0;
	rc = p->orig_io.ReadPdu(t, s);
	note_io_errno(p, rc, errno);
	if (rc > 0)
	{
		note_ultimatum(p, s, rc);
		note_pdu(p);
	}
	note_state(p);
	return rc;
}

static int probe_write_pdu(rdpTransport* t, wStream* s)
{
	struct probe* p = probe_of(t);
	int rc;

	errno = 0;
	rc = p->orig_io.WritePdu(t, s);
	note_io_errno(p, rc, errno);
	if (rc > 0)
		note_pdu(p);
	note_state(p);
	return rc;
}

/* Called when an attempt's transport closes, successful or not: the socket is still open. */
static BOOL probe_transport_disconnect(rdpTransport* t)
{
	struct probe* p = probe_of(t);
	BOOL ok;

	end_attempt(p);
	pthread_mutex_lock(&p->lock);
	p->fd = -1;
	pthread_mutex_unlock(&p->lock);
	ok = p->orig_io.TransportDisconnect(t);
	return ok;
}

/* ---- instance callbacks ---- */

/* Called before the connection starts; nothing to load: the probe uses no channels. */
static BOOL probe_pre_connect(freerdp* instance)
{
	return TRUE;
}

/* The session's screen updates: counted, then drawn by the GDI as a client would. */
static void note_update(struct probe* p, uint64_t pixels)
{
	struct rp_session* ss = &p->ev.session;
	double t = since_start(p);

	ss->updates++;
	ss->update_pixels += pixels;
	if (ss->t_first_update_ms < 0)
		ss->t_first_update_ms = t;
	ss->t_last_update_ms = t;
}

static BOOL probe_surface_bits(rdpContext* context, const SURFACE_BITS_COMMAND* cmd)
{
	struct probe* p = (struct probe*)context;

	note_update(p, (uint64_t)cmd->bmp.width * cmd->bmp.height);
	return p->gdi_surface_bits ? p->gdi_surface_bits(context, cmd) : TRUE;
}

static BOOL probe_bitmap_update(rdpContext* context, const BITMAP_UPDATE* bitmap)
{
	struct probe* p = (struct probe*)context;
	uint64_t px = 0;

	for (UINT32 i = 0; i < bitmap->number; i++)
		px += (uint64_t)bitmap->rectangles[i].width * bitmap->rectangles[i].height;
	note_update(p, px);
	return p->gdi_bitmap_update ? p->gdi_bitmap_update(context, bitmap) : TRUE;
}

/* MS-RDPBCGR 2.2.16.1: FreeRDP's client takes the PDU and tracks nothing; the record keeps
 * when each came, so a silence longer than the period is seen. */
static BOOL probe_heartbeat(freerdp* instance, BYTE period, BYTE count1, BYTE count2)
{
	struct probe* p = (struct probe*)instance->context;

	p->ev.session.heartbeats++;
	p->ev.session.heartbeat_period_s = period;
	p->ev.session.t_last_heartbeat_ms = since_start(p);
	return TRUE;
}

/* FreeRDP sets an errorInfo from a Set Error Info PDU, or derives one from an ultimatum that
 * came without it (rdp.c): which, by whether the ultimatum was read first. */
static void probe_error_info(void* context, const ErrorInfoEventArgs* e)
{
	struct probe* p = (struct probe*)context;

	if (p->ev.session.t_error_info_ms >= 0)
		return;
	p->ev.session.t_error_info_ms = since_start(p);
	p->ev.session.error_info_pdu = !p->ev.session.dpu;
}

/* Called once the connection is up: a GDI so that the server's updates have a target. */
static BOOL probe_post_connect(freerdp* instance)
{
	struct probe* p = (struct probe*)instance->context;
	rdpUpdate* update = instance->context->update;

	if (!gdi_init(instance, PIXEL_FORMAT_BGRX32))
		return FALSE;
	p->gdi_surface_bits = update->SurfaceBits;
	p->gdi_bitmap_update = update->BitmapUpdate;
	update->SurfaceBits = probe_surface_bits;
	update->BitmapUpdate = probe_bitmap_update;
	if (instance->heartbeat)
		instance->heartbeat->ServerHeartbeat = probe_heartbeat;
	return TRUE;
}

/* Called after the connection ended. */
static void probe_post_disconnect(freerdp* instance)
{
	gdi_free(instance);
}

/* Called when FreeRDP wants credentials: for TLS-only security it asks (AUTH_TLS) even when
 * it has them. The probe never prompts: it goes on with what it was given, or refuses. */
static BOOL probe_authenticate(freerdp* instance, char** user, char** password, char** domain,
                               rdp_auth_reason reason)
{
	return user && *user && **user && password && *password && **password;
}

/* The strict check, as a client that trusts exactly one certificate (the pinned one, as if it
 * had been put in the Trusted Root store): the leaf FreeRDP passes (the first PEM block of the
 * chain) must chain to it, be within its validity period, and be made out to the host the
 * client connected to. OpenSSL's verifier does it, with the pinned certificate as the only
 * anchor; when it refuses, *why says what it found (expired, hostname mismatch, ...). */
static bool check_certificate(const char* pem, const char* pin, const char* host, char* why,
                              size_t n)
{
	BIO* b = BIO_new_mem_buf(pem, -1);
	BIO* pb = BIO_new_mem_buf(pin, -1);
	X509* leaf = b ? PEM_read_bio_X509(b, NULL, NULL, NULL) : NULL;
	X509* anchor = pb ? PEM_read_bio_X509(pb, NULL, NULL, NULL) : NULL;
	X509_STORE* store = X509_STORE_new();
	X509_STORE_CTX* ctx = X509_STORE_CTX_new();
	bool ok = false;

	if (!leaf || !anchor || !store || !ctx || X509_STORE_add_cert(store, anchor) != 1 ||
	    X509_STORE_CTX_init(ctx, store, leaf, NULL) != 1)
	{
		snprintf(why, n, "unreadable certificate");
		goto out;
	}
	{
		X509_VERIFY_PARAM* vp = X509_STORE_CTX_get0_param(ctx);
		X509_VERIFY_PARAM_set_flags(vp, X509_V_FLAG_PARTIAL_CHAIN);
		if (X509_VERIFY_PARAM_set1_ip_asc(vp, host) != 1)
			X509_VERIFY_PARAM_set1_host(vp, host, 0);
	}
	ok = X509_verify_cert(ctx) == 1;
	if (!ok)
		snprintf(why, n, "%s", X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx)));
out:
	X509_STORE_CTX_free(ctx);
	X509_STORE_free(store);
	X509_free(anchor);
	X509_free(leaf);
	BIO_free(pb);
	BIO_free(b);
	return ok;
}

static DWORD verdict_on(freerdp* instance, const char* host, const char* pem, DWORD flags)
{
	struct probe* p = (struct probe*)instance->context;

	if (!p->pin)
		return 2; /* accepted for this session only: nothing is stored */
	if (!(flags & VERIFY_CERT_FLAG_FP_IS_PEM) || !pem)
		snprintf(p->ev.cert_problem, sizeof(p->ev.cert_problem), "no certificate to check");
	else if (check_certificate(pem, p->pin, host, p->ev.cert_problem, sizeof(p->ev.cert_problem)))
		return 2;
	p->ev.cert_rejected = true;
	return 0;
}

/* Called when FreeRDP's own check of an unknown certificate fails (the lab's are self-signed). */
static DWORD probe_verify_certificate(freerdp* instance, const char* host, UINT16 port,
                                      const char* common_name, const char* subject,
                                      const char* issuer, const char* fingerprint, DWORD flags)
{
	return verdict_on(instance, host, fingerprint, flags);
}

/* Called when the certificate differs from the one FreeRDP stored for this host. */
static DWORD probe_verify_changed_certificate(freerdp* instance, const char* host, UINT16 port,
                                              const char* common_name, const char* subject,
                                              const char* issuer, const char* fingerprint,
                                              const char* old_subject, const char* old_issuer,
                                              const char* old_fingerprint, DWORD flags)
{
	return verdict_on(instance, host, fingerprint, flags);
}

/* Called by client_auto_reconnect_ex before each reconnect attempt. */
static SSIZE_T probe_retry(freerdp* instance, const char* what, size_t current, void* userarg)
{
	struct probe* p = (struct probe*)instance->context;

	if (strcmp(what, "connection") == 0)
		p->ev.session.reconnects++;
	return 0;
}

/* Called by freerdp_client_context_new to set the instance's callbacks. */
static BOOL probe_client_new(freerdp* instance, rdpContext* context)
{
	instance->RetryDialog = probe_retry;
	PubSub_SubscribeErrorInfo(context->pubSub, probe_error_info);
	instance->PreConnect = probe_pre_connect;
	instance->PostConnect = probe_post_connect;
	instance->PostDisconnect = probe_post_disconnect;
	instance->AuthenticateEx = probe_authenticate;
	instance->VerifyCertificateEx = probe_verify_certificate;
	instance->VerifyChangedCertificateEx = probe_verify_changed_certificate;
	return TRUE;
}

/* ---- the watchdog ---- */

/* Ends a stalled attempt at the deadline: aborts the connect and shuts the socket, which
 * wakes FreeRDP from any blocking read. */
static void* probe_watchdog(void* arg)
{
	struct probe* p = arg;
	struct timespec ts;
	double ms;

	pthread_mutex_lock(&p->lock);
	/* The deadline is read again each round: an active session moves it (probe_pump). */
	while (!p->done && rp_now_ms() < p->deadline)
	{
		ms = p->deadline;
		ts.tv_sec = (time_t)(ms / 1000.0);
		ts.tv_nsec = (long)((ms - (double)ts.tv_sec * 1000.0) * 1e6);
		pthread_cond_timedwait(&p->cond, &p->lock, &ts);
	}
	if (!p->done)
	{
		p->ev.watchdog_fired = true;
		probe_liveness(p, true);
		freerdp_abort_connect_context(&p->common.context);
		if (p->fd >= 0)
			shutdown(p->fd, SHUT_RDWR);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* ---- main ---- */

struct probe_opts
{
	const char* host;
	long port;
	const char* user;
	const char* password_file;
	const char* out;
	uint32_t deadline_ms;
	uint32_t hold_ms;
	uint32_t connect_timeout_ms;
	uint32_t session_ms; /* keep the active session this long (0: the hold only) */
	enum rp_activity activity;
	uint32_t every_ms;
	bool recheck;
	bool announce_freerdp; /* FreeRDP 3.10's Client Core Data, not mstsc's */
	const char* cert_pin;
	int n_extra;
	char** extra;
};

static int usage(FILE* f)
{
	fprintf(f,
	        "usage: rdprepro probe --host H [--port P] --user U --password-file F --out FILE\n"
	        "                      [--deadline DUR] [--hold DUR] [--connect-timeout DUR]\n"
	        "                      [--no-recheck] [--cert-pin PEM] [--announce mstsc|freerdp]\n"
	        "                      [--session DUR [--activity idle|input|refresh --every DUR]]\n"
	        "                      [-- FREERDP-ARGS...]\n"
	        "  --announce: the Client Core Data's early capabilities: mstsc's (the default: it\n"
	        "  announces the errorInfo PDU) or FreeRDP 3.10's own (it does not).\n"
	        "  The lab's headless client (run by `rdprepro run` in the client namespace).\n"
	        "  FREERDP-ARGS use xfreerdp's syntax (/sec:nla, /cert:ignore, /timeout:N).\n"
	        "  --session: keep the active session DUR, doing what a user does: nothing (idle),\n"
	        "  a mouse move (input) or a refresh request of the whole desktop, every DUR.\n"
	        "  DUR: 250ms, 3s, 1.5s. After a failure the probe makes a second connection and\n"
	        "  sends an X.224 Connection Request (2 s each) unless --no-recheck.\n");
	return f == stderr ? 2 : 0;
}

static bool read_password(const char* path, char* buf, size_t n, struct rp_err* err)
{
	FILE* f = fopen(path, "r");

	if (!f)
		return rp_fail(err, "%s: %s", path, strerror(errno));
	if (!fgets(buf, (int)n, f))
		buf[0] = '\0';
	fclose(f);
	buf[strcspn(buf, "\r\n")] = '\0';
	if (!buf[0])
		return rp_fail(err, "%s: empty password file", path);
	return true;
}

static int parse_opts(int argc, char** argv, struct probe_opts* o)
{
	static const struct option lo[] = {
		{ "host", required_argument, NULL, 'H' },
		{ "port", required_argument, NULL, 'P' },
		{ "user", required_argument, NULL, 'u' },
		{ "password-file", required_argument, NULL, 'w' },
		{ "out", required_argument, NULL, 'o' },
		{ "deadline", required_argument, NULL, 'd' },
		{ "hold", required_argument, NULL, 'l' },
		{ "connect-timeout", required_argument, NULL, 't' },
		{ "no-recheck", no_argument, NULL, 'N' },
		{ "announce", required_argument, NULL, 'A' },
		{ "cert-pin", required_argument, NULL, 'C' },
		{ "session", required_argument, NULL, 'S' },
		{ "activity", required_argument, NULL, 'a' },
		{ "every", required_argument, NULL, 'e' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	char* end;

	optind = 1;
	while ((c = getopt_long(argc, argv, "+h", lo, NULL)) != -1)
	{
		switch (c)
		{
			case 'H':
				o->host = optarg;
				break;
			case 'P':
				errno = 0;
				o->port = strtol(optarg, &end, 10);
				if (errno || *end || o->port < 1 || o->port > 65535)
				{
					fprintf(stderr, "rdprepro probe: --port: bad port \"%s\"\n", optarg);
					return 2;
				}
				break;
			case 'u':
				o->user = optarg;
				break;
			case 'w':
				o->password_file = optarg;
				break;
			case 'o':
				o->out = optarg;
				break;
			case 'a':
			{
				int k = 0;
				while (k < RP_ACTIVITY_COUNT && strcmp(optarg, rp_activity_name((enum rp_activity)k)))
					k++;
				if (k == RP_ACTIVITY_COUNT)
				{
					fprintf(stderr,
					        "rdprepro probe: --activity: idle, input or refresh, not \"%s\"\n",
					        optarg);
					return 2;
				}
				o->activity = (enum rp_activity)k;
				break;
			}
			case 'd':
			case 'l':
			case 't':
			case 'S':
			case 'e':
			{
				uint32_t* dst = c == 'd'   ? &o->deadline_ms
				                : c == 'l' ? &o->hold_ms
				                : c == 'S' ? &o->session_ms
				                : c == 'e' ? &o->every_ms
				                           : &o->connect_timeout_ms;
				if (!rp_parse_duration_ms(optarg, dst))
				{
					fprintf(stderr, "rdprepro probe: bad duration \"%s\" (e.g. 250ms, 3s)\n",
					        optarg);
					return 2;
				}
				break;
			}
			case 'N':
				o->recheck = false;
				break;
			case 'A':
				if (strcmp(optarg, "mstsc") != 0 && strcmp(optarg, "freerdp") != 0)
				{
					fprintf(stderr, "rdprepro probe: --announce: mstsc or freerdp, not \"%s\"\n",
					        optarg);
					return 2;
				}
				o->announce_freerdp = strcmp(optarg, "freerdp") == 0;
				break;
			case 'C':
				o->cert_pin = optarg;
				break;
			case 'h':
				return usage(stdout) - 1; /* -1: printed help */
			default:
				return usage(stderr);
		}
	}
	if (!o->host || !o->user || !o->password_file || !o->out)
		return usage(stderr);
	if (o->activity != RP_ACTIVITY_IDLE && (!o->session_ms || o->every_ms < 50))
	{
		fprintf(stderr, "rdprepro probe: --activity %s needs --session and --every of 50ms or "
		                "more\n", rp_activity_name(o->activity));
		return 2;
	}
	o->n_extra = argc - optind;
	o->extra = argv + optind;
	{
		/* FreeRDP's parser loads modules and writes files when told to: only the options of
		 * the scenario format's allow-list reach it (clientargs.h), as `run` checks them. */
		struct rp_err refused;
		if (!rp_client_argv_check((const char* const*)o->extra, o->n_extra, &refused))
		{
			fprintf(stderr, "rdprepro probe: %s\n", refused.msg);
			return 2;
		}
	}
	return 0;
}

static bool probe_settings(struct probe* p, const struct probe_opts* o, struct rp_err* err)
{
	rdpSettings* settings = p->common.context.settings;
	char password[128];
	char v[300], u[160], pw[160];
	char* av[80];
	int ac = 0;
	int rc;

	if (!read_password(o->password_file, password, sizeof(password), err))
		return false;
	snprintf(v, sizeof(v), "/v:%s:%ld", o->host, o->port);
	snprintf(u, sizeof(u), "/u:%s", o->user);
	snprintf(pw, sizeof(pw), "/p:%s", password);
	av[ac++] = "rdprepro-probe";
	av[ac++] = v;
	av[ac++] = u;
	av[ac++] = pw;
	for (int i = 0; i < o->n_extra && ac < 79; i++)
		av[ac++] = o->extra[i];
	av[ac] = NULL;
	rc = freerdp_client_settings_parse_command_line(settings, ac, av, FALSE);
	memset(password, 0, sizeof(password));
	memset(pw, 0, sizeof(pw));
	if (rc != 0)
		return rp_fail(err, "FreeRDP rejected the client arguments (status %d)", rc);
	if (o->cert_pin)
	{
		FILE* f = fopen(o->cert_pin, "r");
		size_t cap = 0;
		if (!f)
			return rp_fail(err, "%s: %s", o->cert_pin, strerror(errno));
		if (getdelim(&p->pin, &cap, '\0', f) < 0)
		{
			fclose(f);
			return rp_fail(err, "%s: empty", o->cert_pin);
		}
		fclose(f);
		/* The callbacks then get the certificate as PEM, to compare with the pin. */
		if (!freerdp_settings_set_bool(settings, FreeRDP_CertificateCallbackPreferPEM, TRUE))
			return rp_fail(err, "cannot set CertificateCallbackPreferPEM");
	}
	if (o->connect_timeout_ms &&
	    !freerdp_settings_set_uint32(settings, FreeRDP_TcpConnectTimeout, o->connect_timeout_ms))
		return rp_fail(err, "cannot set TcpConnectTimeout");
	/* mstsc sets RNS_UD_CS_SUPPORT_ERRINFO_PDU in its Client Core Data; FreeRDP 3.10's client
	 * does not (SupportErrorInfoPdu defaults to ServerMode, libfreerdp/core/settings.c), and a
	 * server sends the Set Error Info PDU only to clients that announced it (MS-RDPBCGR
	 * 2.2.5.1.1). The probe stands for mstsc unless told otherwise. */
	if (!freerdp_settings_set_bool(settings, FreeRDP_SupportErrorInfoPdu, !o->announce_freerdp))
		return rp_fail(err, "cannot set SupportErrorInfoPdu");
	return true;
}

static bool probe_hook_io(struct probe* p, struct rp_err* err)
{
	rdpTransportIo io = *freerdp_get_io_callbacks(&p->common.context);

	p->orig_io = io;
	io.TCPConnect = probe_tcp_connect;
	io.TLSConnect = probe_tls_connect;
	io.ReadPdu = probe_read_pdu;
	io.WritePdu = probe_write_pdu;
	io.TransportDisconnect = probe_transport_disconnect;
	if (!freerdp_set_io_callbacks(&p->common.context, &io))
		return rp_fail(err, "cannot set the transport I/O callbacks");
	return true;
}

/* A sample of the session's counters (every second, at most RP_SESSION_SAMPLES). */
static void session_sample(struct probe* p)
{
	struct rp_session* ss = &p->ev.session;
	struct rp_session_sample* m;
	struct tcp_info ti;
	UINT64 in = 0, out = 0, inp = 0, outp = 0;
	rdpContext* ctx = &p->common.context;

	if (ss->n_samples >= RP_SESSION_SAMPLES)
		return;
	m = &ss->samples[ss->n_samples++];
	m->t_ms = since_start(p);
	if (ctx->rdp && freerdp_get_stats(ctx->rdp, &in, &out, &inp, &outp))
	{
		m->bytes_in = in;
		m->bytes_out = out;
	}
	m->updates = ss->updates;
	if (p->fd >= 0 && read_tcp_info(p->fd, &ti))
	{
		m->retransmits = ti.tcpi_total_retrans;
		m->unacked = ti.tcpi_unacked;
		m->last_data_recv_ms = ti.tcpi_last_data_recv;
		m->last_ack_recv_ms = ti.tcpi_last_ack_recv;
	}
}

/* What the user does in the session, every every_ms: a mouse move to a new spot, or a
 * Refresh Rect of the whole desktop (sent only if the server advertised it, MS-RDPBCGR
 * 2.2.11.2). */
static void session_act(struct probe* p, const struct probe_opts* o)
{
	rdpContext* ctx = &p->common.context;
	rdpSettings* st = ctx->settings;
	UINT32 w = freerdp_settings_get_uint32(st, FreeRDP_DesktopWidth);
	UINT32 h = freerdp_settings_get_uint32(st, FreeRDP_DesktopHeight);
	struct rp_session* ss = &p->ev.session;

	if (o->activity == RP_ACTIVITY_INPUT && w && h)
	{
		UINT16 x = (UINT16)((ss->inputs * 97u) % w), y = (UINT16)((ss->inputs * 61u) % h);
		if (freerdp_input_send_mouse_event(ctx->input, PTR_FLAGS_MOVE, x, y))
			ss->inputs++;
	}
	else if (o->activity == RP_ACTIVITY_REFRESH && ctx->update && ctx->update->RefreshRect)
	{
		RECTANGLE_16 r = { 0, 0, (UINT16)(w ? w - 1 : 0), (UINT16)(h ? h - 1 : 0) };
		if (ctx->update->RefreshRect(ctx, 1, &r))
			ss->inputs++;
	}
}

/* client_auto_reconnect_ex's wait between tries: go on until the probe's deadline. */
static BOOL probe_between_retries(freerdp* instance)
{
	struct probe* p = (struct probe*)instance->context;
	return !p->ev.watchdog_fired && rp_now_ms() < p->deadline;
}

/* After freerdp_connect returned TRUE: pump events until active + hold (or + the session),
 * a disconnect, or the deadline. With a session, the deadline moves to its end (plus 2 s)
 * once it is active. A connection that drops with /auto-reconnect is reconnected as FreeRDP's
 * own clients do (client_auto_reconnect_ex: only when no errorInfo says the server ended it). */
static void probe_pump(struct probe* p, const struct probe_opts* o)
{
	rdpContext* ctx = &p->common.context;
	struct rp_session* ss = &p->ev.session;
	uint32_t keep = o->session_ms > o->hold_ms ? o->session_ms : o->hold_ms;
	double active_at = -1, next_act = 0, next_sample = 0;

	for (;;)
	{
		HANDLE handles[MAXIMUM_WAIT_OBJECTS] = { 0 };
		DWORD n;
		double now = rp_now_ms();
		bool ok;

		note_state(p);
		if (active_at < 0 && freerdp_get_state(ctx) == CONNECTION_STATE_ACTIVE)
		{
			active_at = now;
			ss->t_active_ms = since_start(p);
			next_act = now + o->every_ms;
			next_sample = now;
			if (o->session_ms)
			{
				pthread_mutex_lock(&p->lock);
				if (p->deadline < now + keep + 2000)
					p->deadline = now + keep + 2000;
				pthread_cond_signal(&p->cond);
				pthread_mutex_unlock(&p->lock);
			}
		}
		if (active_at >= 0 && now - active_at >= keep)
		{
			ss->held = o->session_ms > 0;
			break;
		}
		if (now >= p->deadline || p->ev.watchdog_fired || freerdp_shall_disconnect_context(ctx))
			break;
		if (o->session_ms && active_at >= 0)
		{
			if (now >= next_sample)
			{
				session_sample(p);
				next_sample = now + 1000;
			}
			if (o->activity != RP_ACTIVITY_IDLE && now >= next_act)
			{
				session_act(p, o);
				next_act = now + o->every_ms;
			}
		}
		n = freerdp_get_event_handles(ctx, handles, ARRAYSIZE(handles));
		if (n == 0)
			break;
		if (WaitForMultipleObjects(n, handles, FALSE, 50) == WAIT_FAILED)
			break;
		ok = freerdp_check_event_handles(ctx);
		if (!ok && active_at >= 0 && o->session_ms &&
		    freerdp_settings_get_bool(ctx->settings, FreeRDP_AutoReconnectionEnabled))
		{
			uint32_t before = ss->reconnects;
			session_sample(p);
			if (client_auto_reconnect_ex(ctx->instance, probe_between_retries))
			{
				ss->reconnected = true;
				continue;
			}
			if (ss->reconnects != before)
				break; /* it tried and gave up */
		}
		if (!ok)
			break;
	}
	note_state(p);
	if (active_at >= 0 && o->session_ms)
	{
		session_sample(p);
		ss->t_end_ms = since_start(p);
		/* The spell still open at the end. */
		double from = ss->t_last_pdu_ms >= 0 ? ss->t_last_pdu_ms : ss->t_active_ms;
		if (ss->t_end_ms - from >= QUIET_MIN_MS && ss->n_quiet < RP_QUIET_SPELLS)
		{
			ss->quiet_start_ms[ss->n_quiet] = from;
			ss->quiet_ms[ss->n_quiet++] = ss->t_end_ms - from;
		}
	}
}

/* The probe's record from its options, and its lock and condition (the watchdog's). */
static void probe_init(struct probe* p, const struct probe_opts* o)
{
	rp_evidence_init(&p->ev);
	p->fd = -1;
	p->ttl.fd = -1;
	p->last_state = (CONNECTION_STATE)-1;
	pthread_mutex_init(&p->lock, NULL);
	{
		pthread_condattr_t ca;
		pthread_condattr_init(&ca);
		pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
		pthread_cond_init(&p->cond, &ca);
		pthread_condattr_destroy(&ca);
	}
	snprintf(p->ev.target, sizeof(p->ev.target), "%s:%ld", o->host, o->port);
	rp_strlcpy(p->ev.freerdp_version, freerdp_get_version_string(), sizeof(p->ev.freerdp_version));
	p->ev.deadline_ms = o->deadline_ms;
	p->ev.hold_ms = o->hold_ms;
	p->ev.session.want_ms = o->session_ms;
	p->ev.session.activity = o->activity;
	p->ev.session.every_ms = o->activity == RP_ACTIVITY_IDLE ? 0 : o->every_ms;
}

/* A name, not an address: record what it resolves to, as FreeRDP's resolver will see it. */
static void note_resolution(struct probe* p, const char* host)
{
	struct in_addr ip;

	if (inet_pton(AF_INET, host, &ip) != 1)
	{
		struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM };
		struct addrinfo* res = NULL;
		int rc2 = getaddrinfo(host, NULL, &hints, &res);
		p->ev.is_name = true;
		p->ev.gai_error = rc2;
		if (rc2 == 0 && res)
			inet_ntop(AF_INET, &((struct sockaddr_in*)res->ai_addr)->sin_addr, p->ev.resolved,
			          sizeof(p->ev.resolved));
		else
			rp_strlcpy(p->ev.resolved, gai_strerror(rc2), sizeof(p->ev.resolved));
		if (res)
			freeaddrinfo(res);
	}
}

/* The final facts, read before the disconnect can change them. */
static void note_final_facts(struct probe* p, rdpContext* ctx)
{
	UINT32 e = freerdp_get_last_error(ctx);
	UINT32 info = freerdp_error_info(ctx->instance);
	UINT64 in = 0, out = 0, inp = 0, outp = 0;

	p->ev.last_error = e;
	rp_strlcpy(p->ev.last_error_name, e ? freerdp_get_last_error_name(e) : "",
	           sizeof(p->ev.last_error_name));
	rp_strlcpy(p->ev.last_error_string, e ? freerdp_get_last_error_string(e) : "",
	           sizeof(p->ev.last_error_string));
	rp_strlcpy(p->ev.last_error_category, e ? freerdp_get_last_error_category(e) : "",
	           sizeof(p->ev.last_error_category));
	p->ev.error_info = info;
	rp_strlcpy(p->ev.error_info_name, info ? freerdp_get_error_info_name(info) : "",
	           sizeof(p->ev.error_info_name));
	if (ctx->rdp && freerdp_get_stats(ctx->rdp, &in, &out, &inp, &outp))
	{
		p->ev.bytes_in = in;
		p->ev.bytes_out = out;
	}
}

/* The end of what the probe allows itself after its deadline, 1 s short of it (the runner's
 * backstop, PROBE_GRACE_MS, is longer still): the recheck's stages and the replay start only
 * when they end before it. */
static double budget_end(const struct probe* p, const struct probe_opts* o)
{
	return p->t0 + o->deadline_ms + (o->session_ms > o->hold_ms ? o->session_ms : o->hold_ms) +
	       RP_PROBE_POST_MS - 1000;
}

/* The replay's deadline: twice the time the failed attempt took to reach its furthest phase,
 * plus 2 s, within [2 s, 6 s]; a first attempt slower than that is not replayed (the replay
 * could not get as far in time, and says so). */
#define REPLAY_MIN_MS 2000.0
#define REPLAY_MAX_MS 6000.0
/* A replay is one short connection: its record is a few KiB; a megabyte is no replay's. */
#define REPLAY_JSON_MAX (1u << 20)

/* The replay's record, read back as what it is: the output of another process, which ran
 * FreeRDP against the server under test. Bounded and a regular file (rp_read_regular; the
 * path is our own descriptor's /proc link, followed on purpose), no NUL byte, parsed by the
 * evidence reader (types checked; a key it does not know is not read), then held to what
 * was asked: this target, this deadline, phases and ends of their enums. */
static bool replay_read(struct rp_evidence* ev, int fd, const struct probe_opts* o,
                        uint32_t deadline_ms, struct rp_err* err)
{
	char path[40], target[sizeof(ev->target)];
	char* buf = NULL;
	size_t len = 0;
	bool ok;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (!rp_read_regular(path, REPLAY_JSON_MAX, false, &buf, &len, err))
		return false;
	ok = strlen(buf) == len ? rp_evidence_from_json(ev, buf, err)
	                        : rp_fail(err, "a NUL byte in the record");
	free(buf);
	if (!ok)
		return false;
	snprintf(target, sizeof(target), "%s:%ld", o->host, o->port);
	if (strcmp(ev->target, target) != 0)
		return rp_fail(err, "the record is of target \"%.60s\", not %s", ev->target, target);
	if (ev->deadline_ms != deadline_ms)
		return rp_fail(err, "the record's deadline is %u ms, not the %u asked", ev->deadline_ms,
		               deadline_ms);
	if (ev->n_attempts < 0 || ev->n_attempts > RP_MAX_ATTEMPTS)
		return rp_fail(err, "%d attempts in the record", ev->n_attempts);
	for (int i = 0; i < ev->n_attempts; i++)
		if ((unsigned)ev->attempts[i].furthest >= RP_PHASE_COUNT ||
		    (unsigned)ev->attempts[i].end >= RP_END_COUNT)
			return rp_fail(err, "attempt %d: a phase or an end out of range", i + 1);
	return true;
}

static void replay(struct probe* p, const struct probe_opts* o)
{
	struct rp_replay* rr = &p->ev.recheck.replay;
	const struct rp_attempt* a = rp_evidence_furthest_attempt(&p->ev);
	char out[64], dl[32];
	const char* argv[96];
	int ac = 0;
	int mem;
	double reach, t0;
	pid_t pid;
	int status;

	if (!a || a->furthest < RP_PHASE_X224 || a->t_phase_ms[a->furthest] < 0)
		return;
	reach = a->t_phase_ms[a->furthest] - a->t_start_ms;
	if (2 * reach + 2000 > REPLAY_MAX_MS)
	{
		snprintf(rr->not_run, sizeof(rr->not_run),
		         "the first attempt took %.1f s to reach %s: a replay could not get there in %.0f s",
		         reach / 1000.0, rp_phase_name(a->furthest), REPLAY_MAX_MS / 1000.0);
		return;
	}
	rr->deadline_ms = (uint32_t)(2 * reach + 2000 < REPLAY_MIN_MS ? REPLAY_MIN_MS : 2 * reach + 2000);
	{
		double left = budget_end(p, o) - rp_now_ms();
		if (left < rr->deadline_ms)
		{
			snprintf(rr->not_run, sizeof(rr->not_run),
			         "%.1f s left of the probe's budget, the replay needs %.1f s",
			         left > 0 ? left / 1000.0 : 0.0, rr->deadline_ms / 1000.0);
			rr->deadline_ms = 0;
			return;
		}
	}
	if (!rp_find_self(&(struct rp_err){ "" }))
	{
		snprintf(rr->not_run, sizeof(rr->not_run), "the probe cannot find itself");
		return;
	}
	/* Its record goes to an anonymous file in memory, handed to the child as --out by its
	 * descriptor (/proc/self/fd/N: the child's open reopens that file). It has no name in any
	 * directory: nothing can be planted where it is written or read back in its place (a
	 * predictable /tmp name was, issue 29), and the probe, running as the run's unprivileged
	 * identity, has no directory of its own to write in. */
	if ((mem = memfd_create("rdprepro-replay", MFD_CLOEXEC)) < 0)
	{
		snprintf(rr->not_run, sizeof(rr->not_run), "memfd_create: %s", strerror(errno));
		return;
	}
	snprintf(out, sizeof(out), "/proc/self/fd/%d", mem);
	snprintf(dl, sizeof(dl), "%ums", rr->deadline_ms);
	argv[ac++] = self_exe;
	argv[ac++] = "probe";
	argv[ac++] = "--host";
	argv[ac++] = o->host;
	argv[ac++] = "--port";
	{
		static char port[8];
		snprintf(port, sizeof(port), "%ld", o->port);
		argv[ac++] = port;
	}
	argv[ac++] = "--user";
	argv[ac++] = o->user;
	argv[ac++] = "--password-file";
	argv[ac++] = o->password_file;
	argv[ac++] = "--out";
	argv[ac++] = out;
	argv[ac++] = "--deadline";
	argv[ac++] = dl;
	argv[ac++] = "--hold";
	argv[ac++] = "0ms";
	argv[ac++] = "--no-recheck";
	if (o->announce_freerdp)
	{
		argv[ac++] = "--announce";
		argv[ac++] = "freerdp";
	}
	if (o->cert_pin)
	{
		argv[ac++] = "--cert-pin";
		argv[ac++] = o->cert_pin;
	}
	if (o->connect_timeout_ms)
	{
		static char ct[32];
		snprintf(ct, sizeof(ct), "%ums", o->connect_timeout_ms);
		argv[ac++] = "--connect-timeout";
		argv[ac++] = ct;
	}
	argv[ac++] = "--";
	for (int i = 0; i < o->n_extra && ac < 94; i++)
		argv[ac++] = o->extra[i];
	argv[ac] = NULL;
	t0 = rp_now_ms();
	pid = fork();
	if (pid == 0)
	{
		int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
		/* It dies with the probe: a runner that stops the probe stops its replay too. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() == 1)
			_exit(127);
		/* Its own log stays out of the run's: the run's FreeRDP log is one connection's,
		 * as a field user's would be. */
		if (null >= 0)
		{
			dup2(null, 1);
			dup2(null, 2);
		}
		fcntl(mem, F_SETFD, 0); /* its --out: kept across exec, at the same number */
		execv(self_exe, (char* const*)argv);
		_exit(127);
	}
	if (pid < 0)
	{
		snprintf(rr->not_run, sizeof(rr->not_run), "fork: %s", strerror(errno));
		close(mem);
		return;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	rr->ms = rp_now_ms() - t0;
	{
		struct rp_evidence* ev2 = calloc(1, sizeof(*ev2));
		struct rp_err err = { "" };
		if (ev2 && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
		    replay_read(ev2, mem, o, rr->deadline_ms, &err))
		{
			rr->run = true;
			rr->furthest = rp_evidence_furthest(ev2);
			rr->active = rp_evidence_active(ev2);
			rr->last_error = ev2->last_error;
			rr->end = ev2->n_attempts ? ev2->attempts[ev2->n_attempts - 1].end : RP_END_UNKNOWN;
		}
		else
			snprintf(rr->not_run, sizeof(rr->not_run), "the replay failed (status %d%s%s)",
			         status, err.msg[0] ? ": " : "", err.msg);
		free(ev2);
	}
	close(mem);
}

/* The recheck, only after a connection that came up: when TCP never did, a second SYN says
 * nothing new. On by default in the lab; the probe is never pointed at other hosts. */
/* How long the recheck waits for a fresh X.224 answer: its usual wait, or twice what the
 * server took to answer the first connection's request (its X.224 phase until TLS began) and
 * half a second, at most 4 s: a request is "silent" only when it waited longer than this server
 * is known to take (a slow host, an emulated guest: 2.9 s seen under TCG). */
static int x224_wait(const struct rp_evidence* ev, int wait_ms)
{
	double took = rp_evidence_x224_answer_ms(ev);
	double w = 2 * took + 500;
	if (w > 4000)
		w = 4000;
	return w > wait_ms ? (int)w : wait_ms;
}

static void maybe_recheck(struct probe* p, const struct probe_opts* o)
{
	const struct rp_attempt* last = rp_evidence_current(&p->ev);
	const char* host = p->ev.is_name ? p->ev.resolved : o->host;

	/* A session that was cut, or that held while the server's ACKs ran ahead of what arrived
	 * (its data lost on the way): is the path there for a new connection, and does it pass
	 * large packets? */
	if (o->session_ms && p->ev.session.t_active_ms >= 0 && o->recheck &&
	    (!p->ev.session.held || (last && last->server_unseen > 0)))
	{
		uint32_t min_rtt_us = last && last->tcp.valid ? last->tcp.min_rtt_us : 0;
		int big = last && last->tcp.valid && last->tcp.advmss ? (int)last->tcp.advmss + 40 : 1500;
		int w = min_rtt_us * 3 / 1000 > 2000 ? (int)(min_rtt_us * 3 / 1000) : 2000;
		rp_recheck_run(&p->ev.recheck, o->host, o->port, w, x224_wait(&p->ev, w), budget_end(p, o));
		rp_recheck_sizes(&p->ev.recheck, host, big, 1500, budget_end(p, o));
		return;
	}
	if (!rp_evidence_active(&p->ev) && o->recheck)
	{
		bool came_up = false;
		uint32_t min_rtt_us = 0;
		for (int i = 0; i < p->ev.n_attempts; i++)
		{
			const struct rp_attempt* a = &p->ev.attempts[i];
			came_up |= a->t_established_ms >= 0;
			if (a->tcp.valid && a->tcp.min_rtt_us > min_rtt_us)
				min_rtt_us = a->tcp.min_rtt_us;
		}
		/* 2 s each, or 3 round trips of this path if it is slower: a slow path is not a
		 * dead one. */
		if (came_up)
		{
			int w = min_rtt_us * 3 / 1000 > 2000 ? (int)(min_rtt_us * 3 / 1000) : 2000;
			rp_recheck_run(&p->ev.recheck, o->host, o->port, w, x224_wait(&p->ev, w),
			               budget_end(p, o));
			replay(p, o);
		}
		else if (p->ev.n_attempts && p->ev.attempts[0].end == RP_END_NO_ANSWER)
			/* The SYN went unanswered: does anything answer at that address? */
			rp_recheck_ping(&p->ev.recheck, p->ev.is_name ? p->ev.resolved : o->host, 1500,
			                budget_end(p, o));
	}
}

/* Tells the watchdog the connection is over and waits for it. */
static void watchdog_stop(struct probe* p, pthread_t wd)
{
	pthread_mutex_lock(&p->lock);
	p->done = true;
	pthread_cond_signal(&p->cond);
	pthread_mutex_unlock(&p->lock);
	pthread_join(wd, NULL);
}

int rp_probe_main(int argc, char** argv)
{
	struct probe_opts o = { .port = 3389, .deadline_ms = 20000, .hold_ms = 500, .recheck = true };
	RDP_CLIENT_ENTRY_POINTS ep = { 0 };
	rdpContext* ctx = NULL;
	struct probe* p = NULL;
	struct rp_err err = { "" };
	pthread_t wd;
	bool wd_started = false;
	int ret = 1;
	int rc;

	rc = parse_opts(argc, argv, &o);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	rp_freerdp_process_setup();

	/* FreeRDP's default (AUTODETECT) benchmarks its codec primitives on first use: about
	 * 300 ms of CPU before the first SYN, measured with perf. The probe decodes next to no
	 * graphics, so the CPU-optimized routines serve without the benchmark. */
	primitives_set_hints(PRIMITIVES_ONLY_CPU);

	ep.Size = sizeof(ep);
	ep.Version = RDP_CLIENT_INTERFACE_VERSION;
	ep.ContextSize = sizeof(struct probe);
	ep.ClientNew = probe_client_new;
	ctx = freerdp_client_context_new(&ep);
	if (!ctx)
	{
		fprintf(stderr, "rdprepro probe: freerdp_client_context_new failed\n");
		return 1;
	}
	p = (struct probe*)ctx;
	probe_init(p, &o);

	if (!probe_settings(p, &o, &err) || !probe_hook_io(p, &err))
	{
		fprintf(stderr, "rdprepro probe: %s\n", err.msg);
		ret = 2;
		goto out;
	}

	note_resolution(p, o.host);
	p->t0 = rp_now_ms();
	p->ev.t0_mono_ms = p->t0;
	p->deadline = p->t0 + o.deadline_ms;
	if (pthread_create(&wd, NULL, probe_watchdog, p) == 0)
		wd_started = true;

	/* The server's address: given, or what the name resolved to. */
	p->ev.ttl_watched = rp_ttlwatch_start(&p->ttl, p->ev.is_name ? p->ev.resolved : o.host,
	                                      (uint16_t)o.port);
	p->ev.connect_returned_true = freerdp_connect(ctx->instance);
	if (p->ev.connect_returned_true)
		probe_pump(p, &o);

	note_final_facts(p, ctx);
	freerdp_disconnect(ctx->instance);
	end_attempt(p);
	p->ev.t_total_ms = since_start(p);
	rp_ttlwatch_stop(&p->ttl);
	for (int i = 0; i < p->ev.n_attempts && p->ev.ttl_watched; i++)
	{
		struct rp_ttl_seen seen;
		struct rp_attempt* a = &p->ev.attempts[i];
		if (a->local_port && rp_ttlwatch_get(&p->ttl, a->local_port, &seen))
		{
			a->ttl_synack = seen.synack_ttl;
			a->ttl_rst = seen.rst_ttl;
			a->ttl_fin = seen.fin_ttl;
			if (seen.have_end && seen.have_ack)
			{
				int32_t d = (int32_t)(seen.ack_seq - seen.max_end);
				a->server_unseen = d > 0 ? d : 0;
			}
		}
		/* A socket in CLOSE with no error read back, or a write that met EPIPE, looked reset;
		 * if its packets were watched and no RST arrived, the server's FIN ended it, or the
		 * kernel's own timer (TCP_USER_TIMEOUT) did. */
		if (a->end == RP_END_RST && a->ttl_synack && !a->ttl_rst && a->sock_errno != ECONNRESET)
			a->end = a->ttl_fin ? RP_END_FIN : (a->sock_errno == EPIPE ? RP_END_ABORT : RP_END_TIMEOUT);
	}
	maybe_recheck(p, &o);

	if (wd_started)
		watchdog_stop(p, wd);
	wd_started = false;

	if (!rp_evidence_write_json(&p->ev, o.out, &err))
	{
		fprintf(stderr, "rdprepro probe: %s\n", err.msg);
		goto out;
	}
	{
		char* s = rp_evidence_summary(&p->ev, "  ");
		fputs(s ? s : "", stdout);
		free(s);
	}
	ret = 0;
out:
	if (wd_started)
		watchdog_stop(p, wd);
	if (p)
		rp_ttlwatch_stop(&p->ttl);
	free(p ? p->pin : NULL);
	freerdp_client_context_free(ctx);
	return ret;
}
