/* faults.h: a scenario's faults on the lab's links: shaping (netem where the kernel has it,
 * the userspace engine otherwise), MTU, port and NAT faults, the timed fault (a reset or a
 * drop, at a phase or a time) and packet captures of the router's links. */
#ifndef RDPREPRO_FAULTS_H
#define RDPREPRO_FAULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "lab.h"
#include "results.h" /* struct rp_fault_fired */
#include "scenario.h"
#include "util.h"

/* Applies the scenario's link and port faults to the lab, and says how in `how`. Engines
 * started are registered for undo. force_engine: run the engine even with nothing to do
 * (linkcheck measures its own cost that way). */
bool rp_apply_link_faults(const struct rp_scenario* sc, const struct rp_lab* lab,
                          const char* resdir, const char* backend, bool verbose, bool force_engine,
                          char* how, size_t how_size, pid_t engines[2], struct rp_err* err);

/* The timed fault of one run: a reset (signals to the engines) or a drop (nft), fired at
 * the server's hold or at a time after the client started, and a drop's end. */
struct rp_fault_clock
{
	const struct rp_scenario* sc;
	const struct rp_lab* lab;
	pid_t* engines;
	bool verbose;
	double t0;
	int srv_in;
	char* link;      /* the run's link line: what fired when is appended */
	size_t link_size;
	struct rp_fault_fired* fired_at; /* each firing, at most RP_FAULT_FIRED_MAX; may be NULL */
	int* n_fired;
	bool fired;         /* fired at least once (a time trigger fires once) */
	double drop_off_at; /* 0: none pending */
	double fire_at;     /* "phase NAME +DURATION": when the fault fires, 0: none pending */
	char error[300];
};

/* Fires the timed fault now (why: "phase" or "time"), and lets a holding server go on. */
void rp_fault_clock_fire(struct rp_fault_clock* fc, const char* why);
/* The server holds at the armed phase: fire now, or, for "phase NAME +DURATION", let it go
 * on now and fire that long after. */
void rp_fault_clock_hold(struct rp_fault_clock* fc);
/* When the loop must wake next for the fault clock (absolute ms), at most `until`. */
double rp_fault_clock_next(const struct rp_fault_clock* fc, double until);
/* Fires what is due at this time: a time trigger, a drop's end. */
void rp_fault_clock_tick(struct rp_fault_clock* fc);

/* A packet capture on one router link: tcpdump, and its log (where it says its counts). */
struct rp_capture
{
	pid_t pid;
	char log[4096];
};

/* tcpdump on one router link (c0 or s0), into the result folder; ready when it listens. */
bool rp_capture_start(const struct rp_lab* lab, const char* dev, const char* resdir,
                      struct rp_capture* cap, struct rp_err* err);
/* Undo: stops a capture once it has written all its filter passed (arg: struct rp_capture*). */
void rp_undo_capture(void* cap);

#endif
