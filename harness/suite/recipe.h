/* recipe.h: a lab scenario for a candidate cause, its parameters taken from what a field log
 * says (the phase reached, the time to failure, the server's errorInfo, the client's options),
 * for `rdprepro reproduce`. */
#ifndef RDPREPRO_RECIPE_H
#define RDPREPRO_RECIPE_H

#include <stdbool.h>
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
	int timeout_ms;      /* the client's /timeout:, 0 if the log does not show it */
	bool gateway;        /* the client went through an RD Gateway */
};

/* The facts of log; text is the log file's text (for the client's command line), or NULL. */
void rp_field_facts_get(const struct rp_fieldlog* log, const char* text, struct rp_field_facts* f);

/* The scenario for cause c under those facts into d (summary: which fact set which parameter).
 * False when the lab cannot make the cause (connected, undetermined, udp-transport, a client
 * that never tried). */
bool rp_recipe_draft(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d);

#endif
