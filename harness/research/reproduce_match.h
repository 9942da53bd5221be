/* reproduce_match.h: a lab run of reproduce held against the field log (reproduce_match.c):
 * the facts compared, with their weights (reproduce.c's comment), the timing tolerance, and
 * whether the run reproduces the log. Shared by reproduce's files only. */
#ifndef RDPREPRO_REPRODUCE_MATCH_H
#define RDPREPRO_REPRODUCE_MATCH_H

#include <limits.h>
#include <stdbool.h>

#include "evidence.h"
#include "fieldlog.h"
#include "verdict.h"

/* The timing tolerance: a lab run's time to failure matches the field's within the larger of
 * these. WLog stamps are whole seconds on both sides, so 1 s is the resolution. */
#define TOL_MIN_S 1.0
#define TOL_SHARE 0.25

#define MAX_FACTS 8

/* One lab run against the field log. */
struct match
{
	enum rp_cause cause;
	char name[64];
	char scn[PATH_MAX];
	bool ran;            /* its client's log was read */
	char not_run[320];   /* why not */
	char lab_verdict[32];
	int score, max;
	bool reproduces;
	char matched[MAX_FACTS][120];
	int n_matched;
	char differs[MAX_FACTS][160];
	int n_differs;
	double wall_s;
};

/* The phase a log names, RP_PHASE_COUNT for none. */
enum rp_phase rp_reproduce_field_phase(const struct rp_fieldlog* log);
/* The seconds to failure a log shows (TLS's if it has one, else the TCP connect's), -1. */
int rp_reproduce_fail_after(const struct rp_fieldlog* log, bool* tls);
/* Scores the lab's log (and its record, NULL if none) against the field's into m. */
void rp_reproduce_compare(const struct rp_fieldlog* field, const struct rp_field_verdict* fv,
                          const struct rp_fieldlog* lab, const struct rp_evidence* record,
                          struct match* m);

#endif
