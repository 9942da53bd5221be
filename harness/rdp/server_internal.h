/* server_internal.h: what the lab server's files share (server.c: options, output, signals,
 * the listener and main; server_peer.c: each connection, its phases and its thread;
 * server_desktop.c: the active session, what a desktop sends): the options, the connection's
 * context, and the steps one file calls in another. Private to them: server.h is the server's
 * face to the rest of rdprepro. */
#ifndef RDPREPRO_SERVER_INTERNAL_H
#define RDPREPRO_SERVER_INTERNAL_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include <freerdp/freerdp.h>
#include <freerdp/listener.h>
#include <freerdp/peer.h>
#include <freerdp/transport_io.h>

/* The server's options: server.c reads them, the peers act on them. */
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

/* server.c */
extern struct srv_opts srv_options;
extern volatile sig_atomic_t srv_stopping;

void srv_report(int peer, const char* fmt, ...) __attribute__((format(printf, 2, 3)));

/* server_peer.c */
BOOL srv_peer_accepted(freerdp_listener* listener, freerdp_peer* client);
int srv_peers_reap(void);
int srv_peers_stop(unsigned wait_ms);

/* How long main's srv_peers_stop waits for the peer threads (server_peer.c says why it waits). */
#define PEER_EXIT_WAIT_MS 700 /* below the runner's 1 s grace before SIGKILL */

/* server_desktop.c */
BOOL srv_mouse_event(rdpInput* input, UINT16 flags, UINT16 x, UINT16 y);
BOOL srv_refresh_rect(rdpContext* context, BYTE count, const RECTANGLE_16* areas);
BOOL srv_suppress_output(rdpContext* context, BYTE allow, const RECTANGLE_16* area);
void srv_session_tick(struct srv_peer* p, freerdp_peer* client);

#endif
