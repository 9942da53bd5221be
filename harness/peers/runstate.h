/* runstate.h: one run in progress, as its peers and clients see it (struct rp_run), what it
 * ends as (struct result), the options it runs with (struct run_opts), and the few helpers a
 * peer or a client calls back: its client arguments spawned, the lab server's report lines
 * read. The steps that fill it are suite/run.c's; peers (peer.h) and clients (client.h) plug in
 * through their ops tables and see the run through this. */
#ifndef RDPREPRO_RUNSTATE_H
#define RDPREPRO_RUNSTATE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "creds.h"
#include "evidence.h"
#include "faults.h"
#include "lab.h"
#include "priv.h"
#include "probe.h"
#include "results.h"
#include "scenario.h"
#include "util.h"
#include "verdict.h"
#include "xdisplay.h"

#define RDP_PORT "3389"
#define SERVER_READY_MS 5000 /* listening in ~40 ms (LAB-NOTES); 5 s is a broken server */
/* The probe's own deadline plus this bounds the whole probe: its liveness probe (at most
 * 6 s), the recheck's stages and the replay (at most 6 s) come after the deadline, within the
 * budget the probe keeps itself (RP_PROBE_POST_MS, probe.h); 3 s more is the backstop's. */
#define PROBE_GRACE_MS (RP_PROBE_POST_MS + 3000)

/* `rdprepro run`'s options, as a run needs them (the suite's own ones too). */
struct run_opts
{
	const char* results;
	const char* tmpdir;
	bool verbose;
	bool keep;    /* leave a failed lab up for inspection */
	bool capture; /* a pcap per router link */
	const char* backend; /* auto, netem, engine */
	const char* freerdp_log; /* WLOG_LEVEL for the probe (probe.log), or NULL */
	bool have_seed;
	unsigned seed;
	int skip_code;
	int jobs;
	int repeat;
	int shard_i, shard_n; /* 1-based shard of N */
	const char* names[16];
	int n_names;
	const char* keywords[16];
	int n_keywords;
	int vm; /* enum rp_vm_mode (vm.h): auto, --vm, --no-vm */
	bool vary_seed; /* run K of --repeat uses seed + K - 1 (a sweep's fresh draws) */
	bool quiet;     /* no report per run and no table: the result lines of failures only */
};

/* What a run ended as, with its evidence and report. */
struct result
{
	enum rp_status status;
	char reason[600];
	char accepted[16]; /* "exact", "acceptable" (the scenario's wider set), "" on a FAIL */
	struct rp_evidence ev;
	struct rp_verdict verdict;
	bool have_evidence;
	double wall_ms;
	double steps_ms[RP_STEP_COUNT];
	char server_log[4096]; /* the server's report lines, as received */
	char kept[512];        /* --keep: the lab left up */
	char link[512];        /* the link faults applied, and by which backend */
	char client[512];      /* program = xfreerdp: how it ended, what its log gave */
	char client_facts[3072]; /* and the facts its log held, a line each */
	size_t server_len;
	double client_t0;   /* CLOCK_MONOTONIC when the client started, 0: it never did */
	struct rp_fault_fired fired[RP_FAULT_FIRED_MAX]; /* the timed fault's firings */
	int n_fired;
};

struct peer_ops;
struct client_ops;

/* One run in progress: what each step made, for the steps after it and for undo. */
struct rp_run
{
	const struct rp_scenario* sc;
	const struct run_opts* o;
	struct result* r;
	const char* resdir;
	char rundir[4096];
	struct rp_identity as; /* who the peers and clients run as (priv.h) */
	struct rp_lab lab;
	struct rp_creds creds;
	char other_cert[4096]; /* cert = changed: what the client knew before */
	pid_t engines[2];
	struct rp_capture cap[2];

	/* The server peer. */
	const struct peer_ops* peer;
	char peer_bin[4096]; /* the program, found by available() */
	char xvfb_bin[4096]; /* Xvfb, for the peers and clients that need one */
	pid_t server;        /* its process: stopped after the client, watched by hostile clients */
	pid_t server_xvfb;   /* the server side's display (freerdp-shadow-cli3) */
	int srv_out;         /* its phase reports (the lab's own server), or -1 */
	int srv_in;          /* its control pipe ("go" after a hold), or -1 */
	int srv_log;         /* its log, or -1 */

	/* The client. */
	const struct client_ops* client;
	char client_bin[4096];
	pid_t client_pid;
	pid_t client_xvfb;
	struct rp_x_side client_x;
	int client_log_fd; /* probe.log or xfreerdp.log */
	int client_out_fd; /* the probe's probe.txt, or -1 */
	char client_log[4096];
	char evpath[4096];
	char client_out[4096]; /* the probe's own record, in a directory of the run's identity */
	double client_t0;
	bool client_active; /* xfreerdp3's log said active */

	/* [client] hostile = N */
	pid_t hostile;
	int hostile_in;
	int fds_before;
	char hostile_ready[64];
	double hostile_taken_ms; /* until the server held the crowd */

	/* The verdict, made once the process left root (rp_run_scenario's end). */
	bool to_judge;   /* the client ran and left its evidence */
	bool hostile_ok; /* the server survived the hostile clients and gave back their files */
};

/* The server's report lines so far, appended to r->server_log (listening: set once it said it
 * listens). */
void rp_read_server_lines(int fd, struct result* r, bool* listening);

/* One of the server's report lines ("peer 0 state CONNECTION_STATE_NEGO T", "peer 0 event
 * tls-start T", "peer 0 closed T"): its peer, its name (without CONNECTION_STATE_) and its
 * CLOCK_MONOTONIC time. False for any other line. */
bool rp_server_line(const char* line, int* peer, char* name, size_t name_size, double* t);

/* Undo: closes *(int*)fd if open. */
void rp_undo_close(void* fd);

/* Splits s on blanks into av from *ac on, at most max. */
void rp_split_args(char* s, const char** av, int* ac, int max);

#endif /* RDPREPRO_RUNSTATE_H */
