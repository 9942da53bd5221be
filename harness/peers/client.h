/* client.h: the clients behind one small table: the lab's probe (libfreerdp3, with its own
 * watchdog and a whole evidence record) and xfreerdp3 (the client a support engineer runs: its
 * log is the evidence, read as `rdprepro classify` reads a field report). Adding a client is
 * one file (client_NAME.c) and one row (rp_client_ops). */
#ifndef RDPREPRO_CLIENT_H
#define RDPREPRO_CLIENT_H

#include <stdbool.h>
#include <stddef.h>

#include "runstate.h"
#include "util.h"

struct client_ops
{
	const char* name; /* in messages */
	/* Whether it can run here (its programs into run->client_bin, run->xvfb_bin), or what is
	 * missing (a SKIP reason). */
	bool (*available)(struct rp_run* run, char* why, size_t n);
	/* Opens its log (run->client_log_fd, run->client_log) and whatever it draws on. */
	bool (*prepare)(struct rp_run* run, struct rp_err* err);
	/* Starts it in the client namespace (run->client_pid, its undo registered). */
	bool (*start)(struct rp_run* run, struct rp_err* err);
	/* The runner's bound on it from its start t0 (its own deadline and grace, or the
	 * scenario's deadline for a client without a watchdog). */
	double (*until)(const struct rp_run* run, double t0);
	/* Called on every tick while it runs; may bring `until` nearer (active: after the hold). */
	void (*watch)(struct rp_run* run, double* until);
	/* How it ended: exited (status filled) or still running at `until`. Fills r->client; an
	 * error when the end is the harness's failure, not the scenario's outcome. */
	bool (*ended)(struct rp_run* run, bool exited, int status, struct rp_err* err);
	/* As root, before the lab and the run directory go: what it left in the run directory into
	 * the result folder, as bytes (nothing parsed here), or NULL when it left all of it there. */
	bool (*collect)(struct rp_run* run, struct rp_err* err);
	/* The evidence (r->ev) and the verdict (r->verdict) from what it left. Called once the
	 * process left root, in the result folder: run->resdir is ".", run->evpath and
	 * run->client_log are names in it (docs/security.md). */
	bool (*evidence)(struct rp_run* run, struct rp_err* err);
};

/* A client's last step of start: the scenario's client arguments after argv[0..ac), then the
 * spawn (argv: 64 entries), its undo registered. */
struct rp_spawn;
bool rp_client_spawn(struct rp_run* run, struct rp_spawn* sp, const char** argv, int ac,
                     struct rp_err* err);

/* The row for a scenario's [client] program. */
const struct client_ops* rp_client_ops(bool xfreerdp);

extern const struct client_ops rp_client_probe, rp_client_xfreerdp;

#endif
