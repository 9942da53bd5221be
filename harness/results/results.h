/* results.h: what a scenario run ended as, and the machine-readable reports: a result.json
 * per run (with the whole evidence record), JUnit XML and TAP for the suite. */
#ifndef RDPREPRO_RESULTS_H
#define RDPREPRO_RESULTS_H

#include <stdbool.h>

#include "util.h"

enum rp_status
{
	RP_PASS,
	RP_FAIL,
	RP_SKIP,  /* a requirement is missing: the reason says which */
	RP_ERROR, /* the harness itself failed */
	RP_STATUS_COUNT
};

const char* rp_status_name(enum rp_status s); /* PASS, FAIL, SKIP, ERROR */
const char* rp_status_tag(enum rp_status s);  /* [ OK ], [FAIL], [SKIP], [ERR ] */

/* Where a run's wall time goes, step by step (result.json "steps_ms"; make bench sums them). */
enum rp_step
{
	RP_STEP_LAB,      /* namespaces, links, addresses: the lab up */
	RP_STEP_SECRETS,  /* certificate, password, SAM file */
	RP_STEP_FAULTS,   /* link faults armed, captures started */
	RP_STEP_PEER,     /* the server (or xrdp, shadow) started until it listens */
	RP_STEP_CLIENT,   /* the probe (or xfreerdp3) started until it ended */
	RP_STEP_VERDICT,  /* the evidence read and classified */
	RP_STEP_TEARDOWN, /* everything undone */
	RP_STEP_COUNT
};
const char* rp_step_name(enum rp_step s);

/* When the timed fault fired (lab/faults.c's clock), for the timeline and result.json's
 * "faults_fired": CLOCK_MONOTONIC, as the probe's t0_mono_ms and the server's report lines
 * are, so all three share one axis. */
#define RP_FAULT_FIRED_MAX 16
struct rp_fault_fired
{
	double t_mono_ms;
	char what[64]; /* "reset armed (phase)", "drop on (time)", "drop off", ... */
};

/* One run of one scenario, as the reports need it. */
struct rp_outcome
{
	char scenario[64];
	char path[1024];
	int run; /* 1-based, for --repeat */
	enum rp_status status;
	char reason[600];
	char verdict[32];
	char expected[32];
	char because[256];
	char confidence[8];
	char candidates[256]; /* the other causes the verdict names, space-separated */
	char eliminated[768]; /* the look-alikes and the fact that ruled each out */
	char accepted[16];    /* "exact", "acceptable" (the scenario's wider set), or "" */
	unsigned seed;
	char link[512]; /* the link faults and the backend that applied each */
	double wall_ms;
	double steps_ms[RP_STEP_COUNT];
	char* report; /* the readable block (evidence, server timeline), malloc'd, may be NULL */
	const char* dir; /* its result folder (report.html reads its timeline.svg), may be NULL */
	struct rp_fault_fired fired[RP_FAULT_FIRED_MAX];
	int n_fired;
};

/* result.json: the outcome plus the evidence record (read from evidence_path if it exists)
 * and the server's report lines. */
bool rp_result_write(const char* path, const struct rp_outcome* o, const char* evidence_path,
                     const char* server_log, struct rp_err* err);

/* JUnit XML, one <testcase> per run, in the schema Jenkins, GitLab and others accept. */
bool rp_junit_write(const char* path, const struct rp_outcome* o, int n, double total_ms,
                    struct rp_err* err);
/* TAP version 13, one test point per run, with a YAML block for failures. */
bool rp_tap_write(const char* path, const struct rp_outcome* o, int n, struct rp_err* err);

#endif
