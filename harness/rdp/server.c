/* server.c: the lab's RDP server. */
#include "server.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/sockios.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <freerdp/crypto/certificate.h>
#include <freerdp/error.h>
#include <freerdp/crypto/privatekey.h>
#include <freerdp/freerdp.h>
#include <freerdp/heartbeat.h>
#include <freerdp/listener.h>
#include <freerdp/log.h>
#include <freerdp/peer.h>
#include <freerdp/settings.h>
#include <freerdp/transport_io.h>
#include <winpr/ssl.h>
#include <winpr/synch.h>
#include <winpr/wlog.h>

#include "util.h"
#include "wlog.h"

#define TAG "rdprepro.server"
#define CLOSE_LINGER_MS 500 /* reading on after a Set Error Info, before closing */

struct srv_opts
{
	const char* addr;
	long port;
	const char* cert;
	const char* key;
	const char* sam;
	bool deny;               /* send error_info (at error_at), then close */
	unsigned long error_info;
	const char* error_at;    /* phase of the errorInfo or close (default "active") */
	bool close_silently;     /* close at error_at with no errorInfo */
	bool overloaded;         /* accept TCP and close at once */
	const char* hang_at;     /* stop answering at this phase, for good */
	const char* security;    /* negotiate (TLS+NLA), nla, tls, rdp */
	const char* hold_at;  /* a phase name: report "hold" there and wait for "go" on stdin */
	const char* pause_at; /* a phase name: stay silent there for pause_ms (a slow server) */
	long pause_ms;
	long error_after_ms;  /* the errorInfo or close comes this long after error_at is reached */
	bool ultimatum;       /* end with Deactivate All and a Disconnect Provider Ultimatum alone */
	enum { DESK_NONE = 0, DESK_STILL, DESK_TICKING, DESK_BUSY } desktop;
	long desktop_every_ms;
	long heartbeat_s;     /* a Heartbeat PDU every this many seconds (0: none) */
};

/* Per-connection context: rdpContext first, as FreeRDP's peer API requires. */
struct srv_peer
{
	rdpContext context;
	int id;
	int sockfd; /* the connection's socket: FreeRDP moves it into its transport and sets
	             * peer->sockfd to -1 (freerdp_peer_context_new), so it is kept here */
	CONNECTION_STATE reported;
	bool activated_reported;
	bool close_now; /* the behaviour asked to end the connection */
	bool error_info_sent; /* a Set Error Info went out: linger so the client reads it */
	bool held;      /* each connection holds once at the armed phase: FreeRDP's own retry is
	                 * a new connection, and a firewall meets it the same way */
	rdpTransportIo orig_io;
	double end_at;  /* when the session is to be ended (errorInfo, close, ultimatum), 0: not */
	bool active;    /* the session is active: the desktop paints */
	double next_tick, next_heartbeat;
	bool paint_all; /* a full paint is due (activation, a refresh request) */
	bool pointer_moved;
	UINT16 px, py;  /* where the pointer went */
	uint64_t painted; /* bytes of bitmap data sent */
	uint32_t frames;
	BYTE* pixels;   /* one band of the desktop, reused */
	uint8_t heartbeat_count;
};

static struct srv_opts opts;
static bool paused; /* the pause happens once per server, on whichever peer gets there */
static volatile sig_atomic_t stopping;
static pthread_mutex_t out_lock = PTHREAD_MUTEX_INITIALIZER;
static int next_peer_id;

/* The peer threads, each with its socket. On stop the server shuts their sockets down, which
 * wakes a thread blocked in a read (a TLS or NLA handshake), waits for each to free its peer,
 * and joins them (so their thread-local state, OpenSSL's included, is gone before the process
 * exits): a process that exits under its peer threads leaves their objects half freed, which
 * the sanitizer build reports as leaks. The listener's loop joins the finished ones as it goes. */
#define PEER_EXIT_WAIT_MS 700 /* below the runner's 1 s grace before SIGKILL */
struct srv_thread
{
	freerdp_peer* client;
	int fd;    /* -1 once the thread is closing it: its number may then be reused */
	bool done; /* the thread freed its peer and is about to return */
	pthread_t thread;
	struct srv_thread* next;
};
static pthread_mutex_t peers_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t peers_gone = PTHREAD_COND_INITIALIZER;
static struct srv_thread* peers;

static void peer_set(struct srv_thread* t, int fd, bool done)
{
	pthread_mutex_lock(&peers_lock);
	t->fd = fd;
	t->done = done;
	pthread_cond_broadcast(&peers_gone);
	pthread_mutex_unlock(&peers_lock);
}

/* Join the threads that are done; returns how many are not. */
static int peers_reap(void)
{
	struct srv_thread *done = NULL, **pp;
	int busy = 0;

	pthread_mutex_lock(&peers_lock);
	for (pp = &peers; *pp;)
	{
		struct srv_thread* t = *pp;
		if (t->done)
		{
			*pp = t->next;
			t->next = done;
			done = t;
		}
		else
		{
			busy++;
			pp = &t->next;
		}
	}
	pthread_mutex_unlock(&peers_lock);
	while (done)
	{
		struct srv_thread* next = done->next;
		pthread_join(done->thread, NULL);
		free(done);
		done = next;
	}
	return busy;
}

/* Returns the number of peers still busy after the wait. */
static int peers_stop(unsigned wait_ms)
{
	struct timespec until;
	bool busy = true;

	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += wait_ms / 1000;
	until.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L)
	{
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&peers_lock);
	for (struct srv_thread* t = peers; t; t = t->next)
		if (t->fd >= 0)
			shutdown(t->fd, SHUT_RDWR);
	while (busy)
	{
		busy = false;
		for (struct srv_thread* t = peers; t; t = t->next)
			busy |= !t->done;
		if (busy && pthread_cond_timedwait(&peers_gone, &peers_lock, &until) != 0)
			break;
	}
	pthread_mutex_unlock(&peers_lock);
	return peers_reap();
}

/* One line per event on stdout, whole and flushed: the runner reads them as they come. */
static void report(int peer, const char* fmt, ...) __attribute__((format(printf, 2, 3)));
static void report(int peer, const char* fmt, ...)
{
	va_list ap;

	pthread_mutex_lock(&out_lock);
	if (peer >= 0)
		printf("peer %d ", peer);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" %.3f\n", rp_now_ms());
	fflush(stdout);
	pthread_mutex_unlock(&out_lock);
}

/* The server's view of the phases (evidence.h's names). The server passes no NLA state of
 * its own: NLA runs inside its NEGO step, right after TLS; "nla" is hooked there. */
static const char* phase_of_state(CONNECTION_STATE s)
{
	switch (s)
	{
		case CONNECTION_STATE_NEGO:
			return "x224";
		case CONNECTION_STATE_MCS_CREATE_REQUEST:
			return "mcs";
		case CONNECTION_STATE_SECURE_SETTINGS_EXCHANGE:
			return "secure-settings";
		case CONNECTION_STATE_LICENSING:
			return "licensing";
		case CONNECTION_STATE_CAPABILITIES_EXCHANGE_DEMAND_ACTIVE:
			return "capabilities";
		case CONNECTION_STATE_FINALIZATION_SYNC:
			return "finalization";
		case CONNECTION_STATE_INITIAL:
		case CONNECTION_STATE_NLA:
		case CONNECTION_STATE_AAD:
		case CONNECTION_STATE_MCS_CREATE_RESPONSE:
		case CONNECTION_STATE_MCS_ERECT_DOMAIN:
		case CONNECTION_STATE_MCS_ATTACH_USER:
		case CONNECTION_STATE_MCS_ATTACH_USER_CONFIRM:
		case CONNECTION_STATE_MCS_CHANNEL_JOIN_REQUEST:
		case CONNECTION_STATE_MCS_CHANNEL_JOIN_RESPONSE:
		case CONNECTION_STATE_RDP_SECURITY_COMMENCEMENT:
		case CONNECTION_STATE_CONNECT_TIME_AUTO_DETECT_REQUEST:
		case CONNECTION_STATE_CONNECT_TIME_AUTO_DETECT_RESPONSE:
		case CONNECTION_STATE_MULTITRANSPORT_BOOTSTRAPPING_REQUEST:
		case CONNECTION_STATE_MULTITRANSPORT_BOOTSTRAPPING_RESPONSE:
		case CONNECTION_STATE_CAPABILITIES_EXCHANGE_MONITOR_LAYOUT:
		case CONNECTION_STATE_CAPABILITIES_EXCHANGE_CONFIRM_ACTIVE:
		case CONNECTION_STATE_FINALIZATION_COOPERATE:
		case CONNECTION_STATE_FINALIZATION_REQUEST_CONTROL:
		case CONNECTION_STATE_FINALIZATION_PERSISTENT_KEY_LIST:
		case CONNECTION_STATE_FINALIZATION_FONT_LIST:
		case CONNECTION_STATE_FINALIZATION_CLIENT_SYNC:
		case CONNECTION_STATE_FINALIZATION_CLIENT_COOPERATE:
		case CONNECTION_STATE_FINALIZATION_CLIENT_GRANTED_CONTROL:
		case CONNECTION_STATE_FINALIZATION_CLIENT_FONT_MAP:
		case CONNECTION_STATE_ACTIVE:
			return NULL;
	}
	return NULL;
}

/* Before the armed hold is reported: wait (at most 2 s) until the client has acknowledged all
 * the server sent (SIOCOUTQ: bytes not yet acknowledged), so that the fault, armed on the
 * report, meets the next packet and not one still on its way (the X.224 Confirm, say). */
static void wait_sent_acked(struct srv_peer* p)
{
	int fd = p->sockfd;
	double end = rp_now_ms() + 2000;
	int outq = 0;

	while (fd >= 0 && rp_now_ms() < end && ioctl(fd, SIOCOUTQ, &outq) == 0 && outq > 0)
	{
		struct timespec ts = { 0, 1000000L };
		nanosleep(&ts, NULL);
	}
}

/* Called when a peer reaches a phase: the armed hold (report, wait for the runner's "go"
 * on stdin, at most 10 s) and the slow-server pause. Sleeping is the behaviour simulated
 * here: a server whose disk stalls for that long. */
static void at_phase(struct srv_peer* p, const char* phase)
{
	if (!phase)
		return;
	if ((opts.deny || opts.close_silently || opts.ultimatum) && !p->close_now && !p->end_at &&
	    strcmp(phase, opts.error_at ? opts.error_at : "active") == 0 &&
	    (opts.error_after_ms > 0 || opts.ultimatum))
	{
		/* A session ended later by the server: an administrator, another connection, an idle
		 * or logon timer, a logoff, a shutdown (srv_end_session). */
		p->end_at = rp_now_ms() + (double)opts.error_after_ms;
		report(p->id, "event session-end-armed-in-%ldms", opts.error_after_ms);
	}
	if ((opts.deny || opts.close_silently) && !p->close_now && !p->end_at &&
	    strcmp(phase, opts.error_at ? opts.error_at : "active") == 0)
	{
		if (opts.deny)
		{
			/* What a Windows host that refuses the session does: a Set Error Info PDU
			 * (MS-RDPBCGR 2.2.5.1.1), then the disconnect the spec requires. For 0x7
			 * (SERVER_DENIED_CONNECTION) the client shows 0x904 / extended 0x7. */
			/* Only to a client that announced it (RNS_UD_CS_SUPPORT_ERRINFO_PDU in its
			 * Client Core Data, which FreeRDP's GCC code keeps as SupportErrorInfoPdu):
			 * the rest get the disconnect alone, as from a Windows server. */
			if (!freerdp_settings_get_bool(p->context.settings, FreeRDP_SupportErrorInfoPdu))
				report(p->id, "event error-info-0x%lx-not-sent-client-did-not-announce-it",
				       opts.error_info);
			else
			{
				freerdp_set_error_info(p->context.rdp, (UINT32)opts.error_info);
				p->error_info_sent = freerdp_send_error_info(p->context.rdp);
				report(p->id, "event %s-error-info-0x%lx",
				       p->error_info_sent ? "sent" : "failed-to-send", opts.error_info);
			}
		}
		else
			report(p->id, "event close-without-error-info");
		p->close_now = true;
	}
	if (opts.hang_at && strcmp(phase, opts.hang_at) == 0)
	{
		/* A hung service: it holds the connection and answers nothing, until stopped. */
		report(p->id, "event hung");
		while (!stopping)
		{
			struct timespec ts = { 0, 100 * 1000000L };
			nanosleep(&ts, NULL);
		}
	}
	if (opts.hold_at && !p->held && strcmp(phase, opts.hold_at) == 0)
	{
		char line[16];
		struct pollfd fd = { .fd = 0, .events = POLLIN };
		p->held = true;
		wait_sent_acked(p);
		report(p->id, "hold %s", phase);
		double end = rp_now_ms() + 10000;
		int ready = 0;
		while (!stopping && ready == 0 && rp_now_ms() < end)
		{
			ready = poll(&fd, 1, 100);
			if (ready < 0 && errno == EINTR)
				ready = 0;
		}
		if (ready > 0 && fgets(line, sizeof(line), stdin))
			report(p->id, "event released");
		else
			report(p->id, "event hold-timeout");
	}
	if (opts.pause_at && !paused && strcmp(phase, opts.pause_at) == 0)
	{
		struct timespec ts = { .tv_sec = opts.pause_ms / 1000,
			                   .tv_nsec = (opts.pause_ms % 1000) * 1000000L };
		paused = true;
		report(p->id, "event pause-%ldms", opts.pause_ms);
		nanosleep(&ts, NULL);
		report(p->id, "event resume");
	}
}

/* ---- the session: what a desktop sends ---- */

#define BAND_ROWS 64 /* a full paint goes as bands of 64 rows: 256 KiB at 1024 wide, 32 bpp,
                      * under FreeRDP's MultifragMaxRequestSize (608299) */
#define TILE 64      /* what answers a pointer move: the region around it */

/* One Surface Bits command, no codec (MS-RDPBCGR 2.2.9.2.1, codec 0: raw, bottom-up rows),
 * of w x h pixels at (x, y). The data's content varies with the frame so it is not all
 * zeros; its size is what matters here: full-size TCP segments. */
static bool send_rect(struct srv_peer* p, UINT16 x, UINT16 y, UINT16 w, UINT16 h)
{
	rdpUpdate* update = p->context.update;
	SURFACE_BITS_COMMAND cmd = { 0 };
	size_t len = (size_t)w * h * 4;

	if (!p->pixels && !(p->pixels = malloc((size_t)4096 * BAND_ROWS * 4)))
		return false;
	if (len > (size_t)4096 * BAND_ROWS * 4)
		return false;
	for (size_t i = 0; i < len; i += 4)
	{
		p->pixels[i] = (BYTE)(i / 4 + p->frames);
		p->pixels[i + 1] = (BYTE)(x + y);
		p->pixels[i + 2] = (BYTE)(i >> 12);
		p->pixels[i + 3] = 0xFF;
	}
	cmd.cmdType = CMDTYPE_SET_SURFACE_BITS;
	cmd.destLeft = x;
	cmd.destTop = y;
	cmd.destRight = (UINT32)x + w;
	cmd.destBottom = (UINT32)y + h;
	cmd.bmp.bpp = 32;
	cmd.bmp.codecID = 0;
	cmd.bmp.width = w;
	cmd.bmp.height = h;
	cmd.bmp.bitmapDataLength = (UINT32)len;
	cmd.bmp.bitmapData = p->pixels;
	if (!update->SurfaceBits || !update->SurfaceBits(&p->context, &cmd))
		return false;
	p->painted += len;
	/* A heartbeat goes only in a period with nothing else sent (MS-RDPBCGR 2.2.16.1). */
	if (opts.heartbeat_s > 0)
		p->next_heartbeat = rp_now_ms() + (double)opts.heartbeat_s * 1000.0;
	return true;
}

static UINT16 desk_w(struct srv_peer* p)
{
	UINT32 w = freerdp_settings_get_uint32(p->context.settings, FreeRDP_DesktopWidth);
	return (UINT16)(w > 4096 ? 4096 : w);
}

static UINT16 desk_h(struct srv_peer* p)
{
	UINT32 h = freerdp_settings_get_uint32(p->context.settings, FreeRDP_DesktopHeight);
	return (UINT16)(h > 4096 ? 4096 : h);
}

/* The whole desktop, band by band. */
static bool paint_all(struct srv_peer* p)
{
	UINT16 w = desk_w(p), h = desk_h(p);

	for (UINT16 y = 0; y < h && !stopping; y = (UINT16)(y + BAND_ROWS))
		if (!send_rect(p, 0, y, w, (UINT16)(h - y < BAND_ROWS ? h - y : BAND_ROWS)))
			return false;
	p->frames++;
	return true;
}

/* A pointer move: the region around the pointer is repainted (a Windows desktop redraws
 * what the pointer passed over). */
static BOOL srv_mouse_event(rdpInput* input, UINT16 flags, UINT16 x, UINT16 y)
{
	struct srv_peer* p = (struct srv_peer*)input->context;

	p->pointer_moved = true;
	p->px = x;
	p->py = y;
	return TRUE;
}

/* A Refresh Rect (MS-RDPBCGR 2.2.11.2): the areas are painted again; the lab paints all. */
static BOOL srv_refresh_rect(rdpContext* context, BYTE count, const RECTANGLE_16* areas)
{
	((struct srv_peer*)context)->paint_all = true;
	return TRUE;
}

static BOOL srv_suppress_output(rdpContext* context, BYTE allow, const RECTANGLE_16* area)
{
	return TRUE;
}

/* How the server ends a session (MS-RDPBCGR 1.3.1.4.2): Deactivate All, the Set Error Info
 * PDU if the client announced it (FreeRDP's peer Close checks the flag) and a Disconnect
 * Provider Ultimatum; `close` ends the TCP connection with none of them. */
static void srv_end_session(struct srv_peer* p, freerdp_peer* client)
{
	if (opts.close_silently)
	{
		report(p->id, "event session-closed-without-error-info");
		p->close_now = true;
		return;
	}
	if (opts.deny && !opts.ultimatum)
		freerdp_set_error_info(p->context.rdp, (UINT32)opts.error_info);
	{
		bool told = !opts.ultimatum &&
		            freerdp_settings_get_bool(p->context.settings, FreeRDP_SupportErrorInfoPdu);
		BOOL ok = client->Close(client);
		p->error_info_sent = ok; /* linger: the client reads what was sent before the close */
		if (opts.ultimatum)
			report(p->id, "event %s-ultimatum", ok ? "sent" : "failed-to-send");
		else
			report(p->id, "event %s-session-end-0x%lx%s", ok ? "sent" : "failed-to-send",
			       opts.error_info, told ? "" : "-without-error-info-client-did-not-announce-it");
	}
	p->close_now = true;
}

/* Called every round of the peer's loop (at least every 100 ms) once the session is active:
 * the desktop's paints, the heartbeats, a session end that is due. */
static void srv_session_tick(struct srv_peer* p, freerdp_peer* client)
{
	double now = rp_now_ms();
	const uint32_t cmds = freerdp_settings_get_uint32(p->context.settings,
	                                                  FreeRDP_SurfaceCommandsSupported);

	if (!p->active || p->close_now)
		return;
	if (p->end_at > 0 && now >= p->end_at)
	{
		srv_end_session(p, client);
		return;
	}
	if (opts.heartbeat_s > 0 && now >= p->next_heartbeat &&
	    freerdp_settings_get_bool(p->context.settings, FreeRDP_SupportHeartbeatPdu))
	{
		/* count1: missed heartbeats before a client warns; count2: before it reconnects. */
		if (freerdp_heartbeat_send_heartbeat_pdu(client, (BYTE)opts.heartbeat_s, 2, 3))
			p->heartbeat_count++;
		p->next_heartbeat = now + (double)opts.heartbeat_s * 1000.0;
	}
	if (opts.desktop == DESK_NONE || !(cmds & SURFCMDS_SET_SURFACE_BITS))
		return;
	if (opts.desktop == DESK_BUSY && now >= p->next_tick)
	{
		p->paint_all = true;
		p->next_tick = now + (double)opts.desktop_every_ms;
	}
	if (p->paint_all)
	{
		p->paint_all = false;
		if (!paint_all(p))
			report(p->id, "event paint-failed");
	}
	if (opts.desktop == DESK_TICKING && now >= p->next_tick)
	{
		/* A clock, a caret: a small region every desktop_every_ms. */
		UINT16 w = desk_w(p), h = desk_h(p);
		send_rect(p, (UINT16)(w > TILE ? w - TILE : 0), (UINT16)(h > 16 ? h - 16 : 0),
		          w > TILE ? TILE : w, h > 16 ? 16 : h);
		p->next_tick = now + (double)opts.desktop_every_ms;
	}
	if (p->pointer_moved)
	{
		UINT16 w = desk_w(p), h = desk_h(p);
		UINT16 x = p->px >= w ? 0 : p->px, y = p->py >= h ? 0 : p->py;
		UINT16 tw = (UINT16)(w - x < TILE ? w - x : TILE), th = (UINT16)(h - y < TILE ? h - y : TILE);
		p->pointer_moved = false;
		if (tw && th)
			send_rect(p, x, y, tw, th);
	}
}

static void srv_note_state(struct srv_peer* p)
{
	CONNECTION_STATE s = freerdp_get_state(&p->context);

	if (s != p->reported)
	{
		p->reported = s;
		report(p->id, "state %s", freerdp_state_string(s));
	}
	/* Either path may see a state first; the hold and pause happen once per connection. */
	at_phase(p, phase_of_state(s));
}

/* Called by the peer library each time a PDU arrives, with the state it is in. */
static BOOL srv_reached_state(freerdp_peer* client, CONNECTION_STATE state)
{
	struct srv_peer* p = (struct srv_peer*)client->context;

	if (state != p->reported)
	{
		p->reported = state;
		report(p->id, "state %s", freerdp_state_string(state));
		at_phase(p, phase_of_state(state));
	}
	return TRUE;
}

/* Called by the transport when the TLS handshake of the security layer starts. */
static BOOL srv_tls_accept(rdpTransport* transport)
{
	struct srv_peer* p = (struct srv_peer*)transport_get_context(transport);
	BOOL ok;

	report(p->id, "event tls-start");
	at_phase(p, "tls");
	ok = p->orig_io.TLSAccept(transport);
	report(p->id, "event %s", ok ? "tls-done" : "tls-failed");
	if (ok)
		at_phase(p, "nla"); /* CredSSP follows at once on the same connection */
	return ok;
}

/* Called once the client's settings are known (after MCS and the Client Info PDU). */
static BOOL srv_post_connect(freerdp_peer* client)
{
	return TRUE;
}

/* Called when the client confirmed activation (Confirm Active received). */
static BOOL srv_activate(freerdp_peer* client)
{
	struct srv_peer* p = (struct srv_peer*)client->context;

	if (!p->activated_reported)
	{
		p->activated_reported = true;
		report(p->id, "event activated");
		at_phase(p, "active");
		p->active = true;
		p->paint_all = opts.desktop != DESK_NONE; /* the first paint of the desktop */
		p->next_tick = rp_now_ms() + (double)opts.desktop_every_ms;
		p->next_heartbeat = rp_now_ms();
	}
	return TRUE;
}

static bool srv_configure(freerdp_peer* client, struct rp_err* err)
{
	rdpSettings* settings = client->context->settings;
	rdpCertificate* cert = freerdp_certificate_new_from_file(opts.cert);
	rdpPrivateKey* key = freerdp_key_new_from_file(opts.key);

	if (!cert || !key)
	{
		freerdp_certificate_free(cert);
		freerdp_key_free(key);
		return rp_fail(err, "cannot load %s or %s", opts.cert, opts.key);
	}
	/* The settings own the certificate and key from here on. */
	if (!freerdp_settings_set_pointer_len(settings, FreeRDP_RdpServerCertificate, cert, 1))
	{
		freerdp_certificate_free(cert);
		freerdp_key_free(key);
		return rp_fail(err, "cannot set the server certificate");
	}
	if (!freerdp_settings_set_pointer_len(settings, FreeRDP_RdpServerRsaKey, key, 1))
	{
		freerdp_key_free(key);
		return rp_fail(err, "cannot set the server key");
	}
	/* The security layers this server offers (MS-RDPBCGR 5.3, 5.4; MS-CSSP). */
	{
		const char* sec = opts.security ? opts.security : "negotiate";
		bool rdp = strcmp(sec, "rdp") == 0;
		bool tls = strcmp(sec, "tls") == 0 || strcmp(sec, "negotiate") == 0;
		bool nla = strcmp(sec, "nla") == 0 || strcmp(sec, "negotiate") == 0;
		if (!freerdp_settings_set_bool(settings, FreeRDP_RdpSecurity, rdp) ||
		    !freerdp_settings_set_bool(settings, FreeRDP_TlsSecurity, tls) ||
		    !freerdp_settings_set_bool(settings, FreeRDP_NlaSecurity, nla) ||
		    (rdp && !freerdp_settings_set_bool(settings, FreeRDP_UseRdpSecurityLayer, TRUE)))
			return rp_fail(err, "cannot apply the security layers \"%s\"", sec);
	}
	if (
	    !freerdp_settings_set_string(settings, FreeRDP_NtlmSamFile, opts.sam) ||
	    !freerdp_settings_set_uint32(settings, FreeRDP_ColorDepth, 32) ||
	    !freerdp_settings_set_bool(settings, FreeRDP_SuppressOutput, TRUE) ||
	    !freerdp_settings_set_bool(settings, FreeRDP_RefreshRect, TRUE))
		return rp_fail(err, "cannot apply the server settings");
	return true;
}

static void* srv_peer_thread(void* arg)
{
	struct srv_thread* self = arg;
	freerdp_peer* client = self->client;
	struct srv_peer* p = NULL;
	struct rp_err err = { "" };
	int id = __atomic_fetch_add(&next_peer_id, 1, __ATOMIC_SEQ_CST);

	report(id, "accepted");
	client->ContextSize = sizeof(struct srv_peer);
	if (!freerdp_peer_context_new(client))
	{
		WLog_ERR(TAG, "peer %d: freerdp_peer_context_new failed", id);
		goto out;
	}
	p = (struct srv_peer*)client->context;
	p->id = id;
	p->sockfd = self->fd;
	p->reported = (CONNECTION_STATE)-1;
	if (!srv_configure(client, &err))
	{
		WLog_ERR(TAG, "peer %d: %s", id, err.msg);
		goto out;
	}
	{
		rdpTransportIo io = *freerdp_get_io_callbacks(client->context);
		p->orig_io = io;
		io.TLSAccept = srv_tls_accept;
		if (!freerdp_set_io_callbacks(client->context, &io))
		{
			WLog_ERR(TAG, "peer %d: cannot set the I/O callbacks", id);
			goto out;
		}
	}
	client->context->input->MouseEvent = srv_mouse_event;
	client->context->update->RefreshRect = srv_refresh_rect;
	client->context->update->SuppressOutput = srv_suppress_output;
	client->ReachedState = srv_reached_state;
	client->PostConnect = srv_post_connect;
	client->Activate = srv_activate;
	if (!client->Initialize(client))
	{
		WLog_ERR(TAG, "peer %d: Initialize failed", id);
		goto out;
	}
	srv_note_state(p);
	double linger_until = 0;
	while (!stopping)
	{
		HANDLE handles[MAXIMUM_WAIT_OBJECTS] = { 0 };
		DWORD count = client->GetEventHandles(client, handles, ARRAYSIZE(handles));
		if (count == 0)
			break;
		/* Wake at least every 100 ms to notice a stop request. */
		if (WaitForMultipleObjects(count, handles, FALSE, 100) == WAIT_FAILED)
			break;
		if (!client->CheckFileDescriptor(client))
			break;
		srv_note_state(p);
		if (freerdp_shall_disconnect_context(client->context))
			break;
		srv_session_tick(p, client);
		/* After a Set Error Info, linger a little, reading what the client sends, so that
		 * it reads the PDU before the close: closing with unread input makes the kernel send
		 * a RST, and a client that is still writing (xfreerdp3 with its channels) then fails
		 * on EPIPE without ever reading the errorInfo. */
		if (p->close_now && linger_until == 0)
			linger_until = rp_now_ms() + (p->error_info_sent ? CLOSE_LINGER_MS : 0);
		if (p->close_now && rp_now_ms() >= linger_until)
			break;
	}
	if (p->active && opts.desktop != DESK_NONE)
		report(id, "event painted-%llu-bytes-in-%u-full-paints", (unsigned long long)p->painted,
		       p->frames);
	if (p->heartbeat_count)
		report(id, "event sent-%u-heartbeats", p->heartbeat_count);
	peer_set(self, -1, false);
	client->Disconnect(client);
out:
	peer_set(self, -1, false);
	report(id, "closed");
	if (p)
		free(p->pixels);
	if (client->context)
		freerdp_peer_context_free(client);
	freerdp_peer_free(client);
	peer_set(self, -1, true);
	return NULL;
}

/* Called by the listener for each accepted TCP connection. */
static BOOL srv_peer_accepted(freerdp_listener* listener, freerdp_peer* client)
{
	if (opts.overloaded)
	{
		/* A server past MaxOutstandingConnections: TCP accepted, then closed at once. */
		int id = __atomic_fetch_add(&next_peer_id, 1, __ATOMIC_SEQ_CST);
		report(id, "accepted");
		close(client->sockfd);
		client->sockfd = -1;
		freerdp_peer_free(client);
		report(id, "closed");
		return TRUE;
	}

	struct srv_thread* t = calloc(1, sizeof(*t));
	if (!t)
		return FALSE;
	t->client = client;
	t->fd = client->sockfd; /* FreeRDP sets client->sockfd to -1 once its transport has it */
	/* t->thread is read by peers_reap, on this same (the listener's) thread: it is set by
	 * then, however soon the peer finishes. */
	pthread_mutex_lock(&peers_lock);
	if (pthread_create(&t->thread, NULL, srv_peer_thread, t) != 0)
	{
		pthread_mutex_unlock(&peers_lock);
		free(t);
		return FALSE;
	}
	t->next = peers;
	peers = t;
	pthread_mutex_unlock(&peers_lock);
	return TRUE;
}

/* Written by on_stop, watched by the listener loop: a stop wakes it at once (the loop's
 * 100 ms wake-up made every stop wait 50 ms on average, a third of a lab's teardown). */
static int stop_pipe[2] = { -1, -1 };

static void on_stop(int sig)
{
	int saved = errno;
	stopping = 1;
	if (stop_pipe[1] >= 0 && write(stop_pipe[1], "x", 1) < 0)
	{
		/* full or closed: the flag is set, the loop's wake-up sees it */
	}
	errno = saved;
}

static int usage(FILE* f)
{
	fprintf(f, "usage: rdprepro server --addr ADDR --port PORT --cert FILE --key FILE --sam FILE\n"
	           "                       [--behaviour normal|deny|errorinfo|close|overloaded]\n"
	           "                       [--error-info CODE] [--error-at PHASE] [--hang-at PHASE]\n"
	           "                       [--security negotiate|nla|tls|rdp] [--hold-at PHASE]\n"
	           "                       [--pause-at PHASE --pause-ms MS] [--error-after MS]\n"
	           "                       [--desktop none|still|ticking|busy [--desktop-every MS]]\n"
	           "                       [--heartbeat SECONDS]\n"
	           "  --behaviour ultimatum: at --error-at (+ --error-after), Deactivate All and a\n"
	           "  Disconnect Provider Ultimatum with no errorInfo.\n"
	           "  --desktop: after activation a full paint, then: nothing (still), a small region\n"
	           "  every MS (ticking) or a full paint every MS (busy); pointer moves and refresh\n"
	           "  requests are answered.\n"
	           "  The lab's RDP server (run by `rdprepro run` inside the server namespace).\n");
	return f == stderr ? 2 : 0;
}

int rp_server_main(int argc, char** argv)
{
	static const struct option lo[] = {
		{ "addr", required_argument, NULL, 'a' }, { "port", required_argument, NULL, 'p' },
		{ "cert", required_argument, NULL, 'c' }, { "key", required_argument, NULL, 'k' },
		{ "sam", required_argument, NULL, 's' },  { "behaviour", required_argument, NULL, 'b' },
		{ "hold-at", required_argument, NULL, 'H' }, { "pause-at", required_argument, NULL, 'P' },
		{ "pause-ms", required_argument, NULL, 'M' },
		{ "error-info", required_argument, NULL, 'E' }, { "error-at", required_argument, NULL, 'A' },
		{ "hang-at", required_argument, NULL, 'G' },   { "security", required_argument, NULL, 'S' },
		{ "error-after", required_argument, NULL, 'F' }, { "desktop", required_argument, NULL, 'D' },
		{ "desktop-every", required_argument, NULL, 'V' }, { "heartbeat", required_argument, NULL, 'B' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	freerdp_listener* listener = NULL;
	HANDLE stop_event = NULL;
	struct sigaction sa = { .sa_handler = on_stop };
	int ret = 1;
	int c;
	char* end;

	opts.port = 3389;
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1)
	{
		switch (c)
		{
			case 'a':
				opts.addr = optarg;
				break;
			case 'p':
				errno = 0;
				opts.port = strtol(optarg, &end, 10);
				if (errno || *end || opts.port < 1 || opts.port > 65535)
				{
					fprintf(stderr, "rdprepro server: --port: bad port \"%s\"\n", optarg);
					return 2;
				}
				break;
			case 'c':
				opts.cert = optarg;
				break;
			case 'k':
				opts.key = optarg;
				break;
			case 's':
				opts.sam = optarg;
				break;
			case 'b':
				if (strcmp(optarg, "deny") == 0)
				{
					opts.deny = true;
					opts.error_info = ERRINFO_SERVER_DENIED_CONNECTION;
				}
				else if (strcmp(optarg, "errorinfo") == 0)
					opts.deny = true;
				else if (strcmp(optarg, "close") == 0)
					opts.close_silently = true;
				else if (strcmp(optarg, "overloaded") == 0)
					opts.overloaded = true;
				else if (strcmp(optarg, "ultimatum") == 0)
					opts.ultimatum = true;
				else if (strcmp(optarg, "normal") != 0)
				{
					fprintf(stderr, "rdprepro server: --behaviour: what is \"%s\"?\n", optarg);
					return 2;
				}
				break;
			case 'E':
				opts.error_info = strtoul(optarg, NULL, 0);
				break;
			case 'A':
				opts.error_at = optarg;
				break;
			case 'G':
				opts.hang_at = optarg;
				break;
			case 'S':
				opts.security = optarg;
				break;
			case 'H':
				opts.hold_at = optarg;
				break;
			case 'P':
				opts.pause_at = optarg;
				break;
			case 'M':
				opts.pause_ms = strtol(optarg, NULL, 10);
				break;
			case 'F':
				opts.error_after_ms = strtol(optarg, NULL, 10);
				break;
			case 'V':
				opts.desktop_every_ms = strtol(optarg, NULL, 10);
				break;
			case 'B':
				opts.heartbeat_s = strtol(optarg, NULL, 10);
				if (opts.heartbeat_s < 0 || opts.heartbeat_s > 255)
				{
					fprintf(stderr, "rdprepro server: --heartbeat: 1-255 seconds\n");
					return 2;
				}
				break;
			case 'D':
				if (strcmp(optarg, "none") == 0)
					opts.desktop = DESK_NONE;
				else if (strcmp(optarg, "still") == 0)
					opts.desktop = DESK_STILL;
				else if (strcmp(optarg, "ticking") == 0)
					opts.desktop = DESK_TICKING;
				else if (strcmp(optarg, "busy") == 0)
					opts.desktop = DESK_BUSY;
				else
				{
					fprintf(stderr, "rdprepro server: --desktop: none, still, ticking or busy\n");
					return 2;
				}
				break;
			case 'h':
				return usage(stdout);
			default:
				return usage(stderr);
		}
	}
	if (!opts.addr || !opts.cert || !opts.key || !opts.sam || optind != argc)
		return usage(stderr);
	if ((opts.desktop == DESK_TICKING || opts.desktop == DESK_BUSY) && opts.desktop_every_ms < 50)
	{
		fprintf(stderr, "rdprepro server: --desktop ticking/busy needs --desktop-every of 50 "
		                "ms or more\n");
		return 2;
	}

	rp_freerdp_process_setup();
	if (pipe2(stop_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
	{
		fprintf(stderr, "rdprepro server: pipe: %s\n", strerror(errno));
		goto out;
	}
	if (!(stop_event = CreateFileDescriptorEventA(NULL, TRUE, FALSE, stop_pipe[0], WINPR_FD_READ)))
	{
		fprintf(stderr, "rdprepro server: cannot make the stop event\n");
		goto out;
	}
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	listener = freerdp_listener_new();
	if (!listener)
		goto out;
	listener->PeerAccepted = srv_peer_accepted;
	if (!listener->Open(listener, opts.addr, (UINT16)opts.port))
	{
		fprintf(stderr, "rdprepro server: cannot listen on %s:%ld\n", opts.addr, opts.port);
		goto out;
	}
	report(-1, "listening %s %ld", opts.addr, opts.port);
	while (!stopping)
	{
		HANDLE handles[32] = { 0 };
		DWORD count = listener->GetEventHandles(listener, handles, ARRAYSIZE(handles) - 1);
		if (count == 0)
			break;
		handles[count++] = stop_event;
		if (WaitForMultipleObjects(count, handles, FALSE, 100) == WAIT_FAILED)
			break;
		if (!listener->CheckFileDescriptor(listener))
			break;
		peers_reap();
	}
	ret = 0;
	listener->Close(listener);
	{
		int busy = peers_stop(PEER_EXIT_WAIT_MS);
		if (busy > 0)
			report(-1, "exit with %d peers still busy", busy);
	}
out:
	freerdp_listener_free(listener);
	if (stop_event)
		CloseHandle(stop_event);
	return ret;
}
