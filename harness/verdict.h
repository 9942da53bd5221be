/* verdict.h: the causes rdprepro tells apart (../shared/FIELD.md, docs/causes.md), and the
 * verdict computed from an evidence record alone. */
#ifndef RDPREPRO_VERDICT_H
#define RDPREPRO_VERDICT_H

#include "evidence.h"

enum rp_cause
{
	RP_CAUSE_CONNECTED = 0,
	RP_CAUSE_UNDETERMINED,
	RP_CAUSE_SERVER_DENIED,        /* FIELD #1 */
	RP_CAUSE_PACKET_LOSS,          /* #2 */
	RP_CAUSE_HIGH_LATENCY,         /* #3 */
	RP_CAUSE_LOW_BANDWIDTH,        /* #4 */
	RP_CAUSE_MTU_BLACKHOLE,        /* #5 */
	RP_CAUSE_FIREWALL_RESET,       /* #6 */
	RP_CAUSE_NAT_IDLE_TIMEOUT,     /* #7 */
	RP_CAUSE_TUNNEL_DROP,          /* #8 */
	RP_CAUSE_PORT_CLOSED,          /* #9, refused */
	RP_CAUSE_PORT_FILTERED,        /* #9, SYN dropped */
	RP_CAUSE_CERTIFICATE_REJECTED, /* #10 */
	RP_CAUSE_SECURITY_MISMATCH,    /* #11 */
	RP_CAUSE_LICENSING_FAILURE,    /* #12 */
	RP_CAUSE_SERVER_OVERLOADED,    /* #13 */
	RP_CAUSE_SERVER_HUNG,          /* #14 */
	RP_CAUSE_BAD_CREDENTIALS,      /* #15 */
	RP_CAUSE_DNS_FAILURE,          /* #16 */
	RP_CAUSE_UDP_TRANSPORT,        /* #17 */
	RP_CAUSE_COUNT
};

const char* rp_cause_name(enum rp_cause c);
/* Returns RP_CAUSE_COUNT for an unknown name. */
enum rp_cause rp_cause_from_name(const char* name);

struct rp_verdict
{
	enum rp_cause cause;
	char because[256]; /* the evidence that decided it */
	/* A cause the evidence could not rule out, or RP_CAUSE_COUNT: the verdict says both
	 * rather than guess. */
	enum rp_cause runner_up;
	char unsure[256]; /* why the runner-up stays, and what would settle it */
};

/* A pure function of the record: never of the scenario's name or expectation. */
void rp_classify(const struct rp_evidence* ev, struct rp_verdict* v);

#endif
