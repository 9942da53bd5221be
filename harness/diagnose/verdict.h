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
	RP_CAUSE_SERVER_ENDED_SESSION, /* session: the server ended it (errorInfo 0x1-0x5, 0xB, 0xC,
	                                * 0x19, 0x1A, or a Disconnect Provider Ultimatum alone) */
	RP_CAUSE_SERVER_FAULT,         /* the server ended it for its own fault or a protocol
	                                * error (0x6, 0xF-0x18, 0x10C9 and up) */
	RP_CAUSE_BROKER_FAILURE,       /* the connection broker could not place the session
	                                * (errorInfo 0x400-0x412) */
	RP_CAUSE_NOT_ATTEMPTED,        /* field logs: the client stopped at its command line or
	                                * configuration, no connection was attempted */
	RP_CAUSE_COUNT
};

const char* rp_cause_name(enum rp_cause c);
/* Returns RP_CAUSE_COUNT for an unknown name. */
enum rp_cause rp_cause_from_name(const char* name);

enum rp_confidence
{
	RP_CONF_LOW = 0,  /* one indirect sign, or a field log with little in it */
	RP_CONF_MEDIUM,   /* counters that fit, with a cause not ruled out */
	RP_CONF_HIGH,     /* a direct statement (the server's errorInfo) or an active check */
};

const char* rp_confidence_name(enum rp_confidence c);

/* One row of the taxonomy (docs/causes.md is generated from these rows). */
struct rp_cause_info
{
	enum rp_cause cause;
	int field_no;           /* row of ../shared/FIELD.md, 0 for connected/undetermined */
	const char* symptom;    /* as users describe it */
	const char* identified; /* the evidence that identifies it (what rules it out is the
	                         * row's clauses: rp_cause_ruled_out_text) */
	unsigned disc_reason;   /* IMsTscAxEvents::OnDisconnected discReason, 0: none */
	const char* disc_name;
	unsigned ext_reason;    /* ExtendedDisconnectReasonCode */
	const char* ext_name;
	const char* basis;      /* documented or inferred, and why */
	const char* scenario;   /* scenarios/<name>.scn that reproduces it, or "" */
	const char* settle;     /* what further evidence would settle a doubt */
};

const struct rp_cause_info* rp_cause_info(enum rp_cause c);

#define RP_MAX_CANDIDATES RP_CAUSE_COUNT

struct rp_verdict
{
	enum rp_cause cause;
	char because[256]; /* the evidence that decided it */
	/* Every other cause whose identifying evidence is present and that nothing rules out, or,
	 * when undetermined with nothing identified, every cause the evidence still allows. */
	enum rp_cause candidates[RP_MAX_CANDIDATES];
	int n_candidates;
	/* The look-alikes: causes whose identifying evidence was present, each with the fact
	 * that ruled it out ("mtu-blackhole: a fresh connection's TLS flight arrived ..."). */
	char eliminated[768];
	/* A cause the evidence could not rule out, or RP_CAUSE_COUNT: the verdict says both
	 * rather than guess. */
	enum rp_cause runner_up;
	char unsure[256]; /* why the runner-up stays, and what would settle it */
	enum rp_confidence confidence;
};

/* The ruling-out clauses of a cause's row, joined with "; " (for docs/causes.md). Returns
 * the length it needed, as snprintf does. */
size_t rp_cause_ruled_out_text(enum rp_cause c, char* buf, size_t n);
/* The same for the cause's row in the session (after activation); 0 if it has none. */
size_t rp_cause_session_ruled_out_text(enum rp_cause c, char* buf, size_t n);
/* What identifies the cause in the session, or NULL if it has no session row. */
const char* rp_cause_session_identified(enum rp_cause c);

/* Whether a ruling-out clause of `c`'s row holds for the record; its reason in why. */
bool rp_cause_ruled_out(const struct rp_evidence* ev, enum rp_cause c, char* why, size_t n);

/* Whether the verdict accepts `c`: it is the cause, or an undetermined verdict names it. */
bool rp_verdict_names(const struct rp_verdict* v, enum rp_cause c);

/* A pure function of the record: never of the scenario's name or expectation. Differential:
 * every cause's identifying and ruling-out evidence is checked; the verdict is the strongest
 * survivor, the others named, or undetermined between equals or when none survives. */
void rp_classify(const struct rp_evidence* ev, struct rp_verdict* v);

#endif
