/* probe_connect.c: the probe's connection attempts: FreeRDP's states folded into the record's
 * phases, what each attempt's socket saw and how the attempt ended, and the FreeRDP callbacks
 * that note it all (the transport I/O wrappers, the instance's callbacks, the certificate
 * check). */
#include "probe_internal.h"

#include <arpa/inet.h>
#include <errno.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509_vfy.h>
#include <stdio.h>

#include <freerdp/error.h>
#include <freerdp/event.h>
#include <freerdp/gdi/gdi.h>

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

void probe_note_state(struct probe* p)
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
	struct rp_ttl_seen seen;
	bool watched;

	if (p->fd < 0 || !a)
		return;
	/* The watcher's view first, the kernel's count after: a packet between the two can only
	 * add to what arrived, never make the server's ACK look further ahead than it was. */
	watched = p->ev.ttl_watched && a->local_port &&
	          rp_ttlwatch_get(&p->ttl, a->local_port, &seen) && seen.have_isn && seen.have_ack;
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
		if (watched)
			a->server_unseen = rp_tcp_unseen(seen.isn, seen.ack_seq, ti.tcpi_bytes_received,
			                                 seen.have_fin, seen.fin_seq);
	}
	if (getsockopt(p->fd, SOL_SOCKET, SO_ERROR, &soerr, &elen) == 0 && soerr && !a->sock_errno)
		a->sock_errno = soerr;
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

void probe_end_attempt(struct probe* p)
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
		probe_end_attempt(p);
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

/* Called for every whole PDU read or written: the moments the state can change. */
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
		probe_note_pdu(p);
	}
	probe_note_state(p);
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
		probe_note_pdu(p);
	probe_note_state(p);
	return rc;
}

/* Called when an attempt's transport closes, successful or not: the socket is still open. */
static BOOL probe_transport_disconnect(rdpTransport* t)
{
	struct probe* p = probe_of(t);
	BOOL ok;

	probe_end_attempt(p);
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
BOOL probe_client_new(freerdp* instance, rdpContext* context)
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

bool probe_hook_io(struct probe* p, struct rp_err* err)
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
