/* recipe.h: a lab scenario for a candidate cause, its parameters taken from what a field log
 * says (the phase reached, the time to failure, the server's errorInfo, the client's options),
 * for `rdprepro reproduce`. */
#ifndef RDPREPRO_RECIPE_H
#define RDPREPRO_RECIPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "fieldlog.h"
#include "scnwrite.h"
#include "verdict.h"

/* The facts of a field log that a scenario can take as parameters. */
struct rp_field_facts
{
	enum rp_phase phase; /* the furthest phase the log names, RP_PHASE_COUNT if it names none */
	int fail_s;          /* seconds from the step's start to its failure (WLog stamps), -1 */
	bool fail_tls;       /* that step is TLS (else the TCP connect) */
	uint32_t error_info; /* the server's errorInfo, 0 if none */
	bool session;        /* the session was up when the connection was lost */
	int reconnects;      /* auto-reconnect attempts the client made */
	char sec[8];         /* the client's /sec: (rdp, tls, nla, ext) as the log shows it, "" */
	int timeout_ms;      /* the client's /timeout:, 0 if not shown (INT_MAX: more than that) */
	bool gateway;        /* the client went through an RD Gateway */
};

/* What a scenario can hold of what a log says. A value outside is clamped to the edge, and
 * the scenario's comment and reproduce's output say so: the log is a stranger's, and a
 * /timeout:86000000 would make labs of 24 h, or a client that stops at its command line.
 * - the client's /timeout: (TcpAckTimeout): FreeRDP 3's own range, 1 to 600000 ms: its
 *   cmdline.c refuses the rest (xfreerdp3 3.10 prints its usage for /timeout:600001 and
 *   /timeout:0), and the allow-list of a scenario's [client] args holds it to the same;
 * - a time to failure becomes a /timeout: or a connect timeout: the same 600 s at most.
 * The deadline, the session and the connect timeout follow from those (at most 625 s). */
#define RP_RECIPE_TIMEOUT_MIN_MS 1
#define RP_RECIPE_TIMEOUT_MAX_MS 600000
#define RP_RECIPE_FAIL_MAX_S (RP_RECIPE_TIMEOUT_MAX_MS / 1000)

/* The facts of log; text is the log's text as read (for the client's command line), or NULL.
 * Values are as the log shows them: rp_recipe_draft clamps. */
void rp_field_facts_get(const struct rp_fieldlog* log, const char* text, struct rp_field_facts* f);

/* f held to the ranges above; what was clamped is said in notes ("" if nothing, may be
 * NULL). Returns how many values were clamped. Out-of-range phases, a /sec: outside the four
 * and negative counts are put back to "not shown", silently: no log writes them. */
int rp_field_facts_clamp(struct rp_field_facts* f, char* notes, size_t n);

/* The scenario for cause c under those facts (clamped first: d->notes says what was) into d
 * (summary: which fact set which parameter). False when the lab cannot make the cause
 * (connected, undetermined, udp-transport, a client that never tried). */
bool rp_recipe_draft(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d);

#endif
