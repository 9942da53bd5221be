/* recheck.h: after a failed connection, a second one to the same server: does a SYN get an
 * answer, does the server answer an X.224 Connection Request, does its TLS flight arrive, and
 * (when it does not) does it with 536-byte segments; when TLS completes, an echo train paces
 * the link. The results go into the evidence record's recheck. */
#ifndef RDPREPRO_RECHECK_H
#define RDPREPRO_RECHECK_H

#include "evidence.h"

/* Runs the recheck against host:port (an IPv4 address), each stage bounded by wait_ms, the
 * X.224 answers by x224_wait_ms (the first connection's server may have taken longer). A
 * stage starts only when its whole wait ends before end_ms (rp_now_ms's clock: what the probe
 * has left of its budget); one that does not fit is not run, rc->not_run says so, and no
 * stage is cut short (a shortened wait would read as silence). */
void rp_recheck_run(struct rp_recheck* rc, const char* host, long port, int wait_ms,
                    int x224_wait_ms, double end_ms);

/* When TCP never came up: the echo train to host (an IPv4 address), for whether anything
 * answers there at all; into rc->ping. */
void rp_recheck_ping(struct rp_recheck* rc, const char* host, int wait_ms, double end_ms);

/* After a session failed: don't-fragment echo requests at `big` bytes and at 576 (a path
 * that loses only the large ones has an MTU black hole); into rc->sizes. */
void rp_recheck_sizes(struct rp_recheck* rc, const char* host, int big, int wait_ms,
                      double end_ms);

#endif
