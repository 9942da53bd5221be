/* server_peer.c: the lab server's connections: the thread of each, and their list (so that a
 * stop ends them all); each connection's phases as FreeRDP reports them, and what the server
 * does at one (the armed hold, the pause, the hang, the denial); its settings and callbacks. */
#include "server_internal.h"

#include <errno.h>
#include <linux/sockios.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <freerdp/crypto/certificate.h>
#include <freerdp/crypto/privatekey.h>
#include <freerdp/settings.h>
#include <winpr/synch.h>
#include <winpr/wlog.h>

#include "util.h"

#define TAG "rdprepro.server"
#define CLOSE_LINGER_MS 500 /* reading on after a Set Error Info, before closing */

static bool paused; /* the pause happens once per server, on whichever peer gets there */
static int next_peer_id;

/* The peer threads, each with its socket. On stop the server shuts their sockets down, which
 * wakes a thread blocked in a read (a TLS or NLA handshake), waits for each to free its peer,
 * and joins them (so their thread-local state, OpenSSL's included, is gone before the process
 * exits): a process that exits under its peer threads leaves their objects half freed, which
 * the sanitizer build reports as leaks. The listener's loop joins the finished ones as it goes. */
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
int srv_peers_reap(void)
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
int srv_peers_stop(unsigned wait_ms)
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
	return srv_peers_reap();
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
	if ((srv_options.deny || srv_options.close_silently || srv_options.ultimatum) && !p->close_now && !p->end_at &&
	    strcmp(phase, srv_options.error_at ? srv_options.error_at : "active") == 0 &&
	    (srv_options.error_after_ms > 0 || srv_options.ultimatum))
	{
		/* A session ended later by the server: an administrator, another connection, an idle
		 * or logon timer, a logoff, a shutdown (srv_end_session). */
		p->end_at = rp_now_ms() + (double)srv_options.error_after_ms;
		srv_report(p->id, "event session-end-armed-in-%ldms", srv_options.error_after_ms);
	}
	if ((srv_options.deny || srv_options.close_silently) && !p->close_now && !p->end_at &&
	    strcmp(phase, srv_options.error_at ? srv_options.error_at : "active") == 0)
	{
		if (srv_options.deny)
		{
			/* What a Windows host that refuses the session does: a Set Error Info PDU
			 * (MS-RDPBCGR 2.2.5.1.1), then the disconnect the spec requires. For 0x7
			 * (SERVER_DENIED_CONNECTION) the client shows 0x904 / extended 0x7. */
			/* Only to a client that announced it (RNS_UD_CS_SUPPORT_ERRINFO_PDU in its
			 * Client Core Data, which FreeRDP's GCC code keeps as SupportErrorInfoPdu):
			 * the rest get the disconnect alone, as from a Windows server. */
			if (!freerdp_settings_get_bool(p->context.settings, FreeRDP_SupportErrorInfoPdu))
				srv_report(p->id, "event error-info-0x%lx-not-sent-client-did-not-announce-it",
				       srv_options.error_info);
			else
			{
				freerdp_set_error_info(p->context.rdp, (UINT32)srv_options.error_info);
				p->error_info_sent = freerdp_send_error_info(p->context.rdp);
				srv_report(p->id, "event %s-error-info-0x%lx",
				       p->error_info_sent ? "sent" : "failed-to-send", srv_options.error_info);
			}
		}
		else
			srv_report(p->id, "event close-without-error-info");
		p->close_now = true;
	}
	if (srv_options.hang_at && strcmp(phase, srv_options.hang_at) == 0)
	{
		/* A hung service: it holds the connection and answers nothing, until stopped. */
		srv_report(p->id, "event hung");
		while (!srv_stopping)
		{
			struct timespec ts = { 0, 100 * 1000000L };
			nanosleep(&ts, NULL);
		}
	}
	if (srv_options.hold_at && !p->held && strcmp(phase, srv_options.hold_at) == 0)
	{
		char line[16];
		struct pollfd fd = { .fd = 0, .events = POLLIN };
		p->held = true;
		wait_sent_acked(p);
		srv_report(p->id, "hold %s", phase);
		double end = rp_now_ms() + 10000;
		int ready = 0;
		while (!srv_stopping && ready == 0 && rp_now_ms() < end)
		{
			ready = poll(&fd, 1, 100);
			if (ready < 0 && errno == EINTR)
				ready = 0;
		}
		if (ready > 0 && fgets(line, sizeof(line), stdin))
			srv_report(p->id, "event released");
		else
			srv_report(p->id, "event hold-timeout");
	}
	if (srv_options.pause_at && !paused && strcmp(phase, srv_options.pause_at) == 0)
	{
		struct timespec ts = { .tv_sec = srv_options.pause_ms / 1000,
			                   .tv_nsec = (srv_options.pause_ms % 1000) * 1000000L };
		paused = true;
		srv_report(p->id, "event pause-%ldms", srv_options.pause_ms);
		nanosleep(&ts, NULL);
		srv_report(p->id, "event resume");
	}
}

static void srv_note_state(struct srv_peer* p)
{
	CONNECTION_STATE s = freerdp_get_state(&p->context);

	if (s != p->reported)
	{
		p->reported = s;
		srv_report(p->id, "state %s", freerdp_state_string(s));
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
		srv_report(p->id, "state %s", freerdp_state_string(state));
		at_phase(p, phase_of_state(state));
	}
	return TRUE;
}

/* Called by the transport when the TLS handshake of the security layer starts. */
static BOOL srv_tls_accept(rdpTransport* transport)
{
	struct srv_peer* p = (struct srv_peer*)transport_get_context(transport);
	BOOL ok;

	srv_report(p->id, "event tls-start");
	at_phase(p, "tls");
	ok = p->orig_io.TLSAccept(transport);
	srv_report(p->id, "event %s", ok ? "tls-done" : "tls-failed");
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
		srv_report(p->id, "event activated");
		at_phase(p, "active");
		p->active = true;
		p->paint_all = srv_options.desktop != DESK_NONE; /* the first paint of the desktop */
		p->next_tick = rp_now_ms() + (double)srv_options.desktop_every_ms;
		p->next_heartbeat = rp_now_ms();
	}
	return TRUE;
}

static bool srv_configure(freerdp_peer* client, struct rp_err* err)
{
	rdpSettings* settings = client->context->settings;
	rdpCertificate* cert = freerdp_certificate_new_from_file(srv_options.cert);
	rdpPrivateKey* key = freerdp_key_new_from_file(srv_options.key);

	if (!cert || !key)
	{
		freerdp_certificate_free(cert);
		freerdp_key_free(key);
		return rp_fail(err, "cannot load %s or %s", srv_options.cert, srv_options.key);
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
		const char* sec = srv_options.security ? srv_options.security : "negotiate";
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
	    !freerdp_settings_set_string(settings, FreeRDP_NtlmSamFile, srv_options.sam) ||
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

	srv_report(id, "accepted");
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
	while (!srv_stopping)
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
	if (p->active && srv_options.desktop != DESK_NONE)
		srv_report(id, "event painted-%llu-bytes-in-%u-full-paints", (unsigned long long)p->painted,
		       p->frames);
	if (p->heartbeat_count)
		srv_report(id, "event sent-%u-heartbeats", p->heartbeat_count);
	peer_set(self, -1, false);
	client->Disconnect(client);
out:
	peer_set(self, -1, false);
	srv_report(id, "closed");
	if (p)
		free(p->pixels);
	if (client->context)
		freerdp_peer_context_free(client);
	freerdp_peer_free(client);
	peer_set(self, -1, true);
	return NULL;
}

/* Called by the listener for each accepted TCP connection. */
BOOL srv_peer_accepted(freerdp_listener* listener, freerdp_peer* client)
{
	if (srv_options.overloaded)
	{
		/* A server past MaxOutstandingConnections: TCP accepted, then closed at once. */
		int id = __atomic_fetch_add(&next_peer_id, 1, __ATOMIC_SEQ_CST);
		srv_report(id, "accepted");
		close(client->sockfd);
		client->sockfd = -1;
		freerdp_peer_free(client);
		srv_report(id, "closed");
		return TRUE;
	}

	struct srv_thread* t = calloc(1, sizeof(*t));
	if (!t)
		return FALSE;
	t->client = client;
	t->fd = client->sockfd; /* FreeRDP sets client->sockfd to -1 once its transport has it */
	/* t->thread is read by srv_peers_reap, on this same (the listener's) thread: it is set by
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
