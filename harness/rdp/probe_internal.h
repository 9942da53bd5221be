/* probe_internal.h: what the probe's files share (probe.c: options and main; probe_connect.c:
 * the attempt and FreeRDP's callbacks; probe_session.c: the session and the watchdog;
 * probe_after.c: the liveness probe, the recheck and the replay): the client context, the
 * options, and the steps one file calls in another. Private to them: probe.h is the probe's
 * face to the rest of rdprepro. */
#ifndef RDPREPRO_PROBE_INTERNAL_H
#define RDPREPRO_PROBE_INTERNAL_H

#include <linux/tcp.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include <freerdp/client.h>
#include <freerdp/freerdp.h>
#include <freerdp/transport_io.h>
#include <freerdp/update.h>

#include "evidence.h"
#include "ttlwatch.h"
#include "util.h"

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

static inline double since_start(struct probe* p)
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

static inline bool read_tcp_info(int fd, struct tcp_info* ti)
{
	socklen_t len = sizeof(*ti);
	memset(ti, 0, sizeof(*ti));
	return getsockopt(fd, IPPROTO_TCP, TCP_INFO, ti, &len) == 0;
}

/* The probe's options (probe.c reads them), which the session and the probes after it read too. */
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

/* probe_connect.c */
void probe_note_state(struct probe* p);
void probe_end_attempt(struct probe* p);
bool probe_hook_io(struct probe* p, struct rp_err* err);
BOOL probe_client_new(freerdp* instance, rdpContext* context);

/* probe_session.c */
void probe_note_pdu(struct probe* p);
void probe_pump(struct probe* p, const struct probe_opts* o);
void* probe_watchdog(void* arg);
void probe_watchdog_stop(struct probe* p, pthread_t wd);

/* probe_after.c */
void probe_liveness(struct probe* p, bool from_watchdog);
void probe_maybe_recheck(struct probe* p, const struct probe_opts* o);

#endif
