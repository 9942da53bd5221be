/* peer.h: the server peers behind one small table, as packetdrill's netdevs: the run never
 * asks which one it has. Adding a peer is one file (peer_NAME.c) and one row (rp_peer_ops, peer.c).
 *   lab    `rdprepro server` (libfreerdp-server3): every behaviour, phase reports, holds
 *   xrdp   Debian's xrdp with an ini of the run's own (TLS, no NLA)
 *   shadow freerdp-shadow-cli3 on an Xvfb of the server side's own (NLA) */
#ifndef RDPREPRO_PEER_H
#define RDPREPRO_PEER_H

#include <stdbool.h>
#include <stddef.h>

#include "runstate.h"
#include "scenario.h"
#include "util.h"

struct peer_ops
{
	const char* name; /* in messages */
	/* Whether it can run here: finds its programs (into run->peer_bin, run->xvfb_bin), or
	 * says what is missing (a SKIP reason, with the package to install). */
	bool (*available)(struct rp_run* run, char* why, size_t n);
	/* Starts it in the server namespace and waits until it listens; registers every undo of
	 * what it made (run->server is its process). */
	bool (*start)(struct rp_run* run, struct rp_err* err);
	/* Whether it reports its phases on run->srv_out (holds at a phase, server-events.txt). */
	bool reports_phases;
};

/* The row for a scenario's [server] peer. */
const struct peer_ops* rp_peer_ops(enum rp_peer peer);

extern const struct peer_ops rp_peer_lab, rp_peer_xrdp, rp_peer_shadow;

#endif
