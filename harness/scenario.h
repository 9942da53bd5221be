/* scenario.h: one scenario file (docs/scenario-format.md), parsed strictly.
 *
 * The file is INI as libinih reads it; every error names file:line and quotes the bad
 * token: `scenarios/x.scn:12: unknown key "los" in [link]`. */
#ifndef RDPREPRO_SCENARIO_H
#define RDPREPRO_SCENARIO_H

#include <stdbool.h>
#include <stdint.h>

#include "shape.h"
#include "util.h"
#include "verdict.h"

/* What a scenario needs; the runner finds each by trying, and SKIPs with the reason. */
enum rp_require
{
	RP_REQ_ROOT = 1 << 0,   /* network namespaces */
	RP_REQ_NETEM = 1 << 1,  /* sch_netem in the kernel */
	RP_REQ_XRDP = 1 << 2,   /* the xrdp server */
	RP_REQ_SHADOW = 1 << 3, /* freerdp-shadow-cli3 under Xvfb */
	RP_REQ_XFREERDP = 1 << 4,
};

enum rp_server_behaviour
{
	RP_SERVER_NORMAL = 0, /* TLS + NLA, to the active state */
	RP_SERVER_DENY,       /* Set Error Info 0x7 (SERVER_DENIED_CONNECTION), then close */
};

enum rp_port_fault
{
	RP_PORT_OPEN = 0,
	RP_PORT_CLOSED,   /* the router answers the SYN with a RST */
	RP_PORT_FILTERED, /* the router drops the SYN */
};

/* When a timed fault fires: at a phase the server reaches, at a time after the probe
 * starts, or after the server has sent N bytes of TCP payload. */
enum rp_when
{
	RP_WHEN_NEVER = 0,
	RP_WHEN_PHASE,
	RP_WHEN_TIME,
	RP_WHEN_BYTES,
};

struct rp_trigger
{
	enum rp_when when;
	int phase; /* enum rp_phase */
	uint32_t at_ms;
	uint32_t bytes;
};

enum rp_reset_to
{
	RP_RESET_BOTH = 0,
	RP_RESET_CLIENT,
	RP_RESET_SERVER,
};

struct rp_scenario
{
	char path[1024];
	char name[64]; /* file name without .scn */

	/* [scenario] */
	char summary[256];
	char field[256];
	char keywords[256];
	unsigned requires; /* enum rp_require bits */
	uint32_t seed;

	/* [client] */
	char client_args[512]; /* FreeRDP command-line syntax, split on blanks */
	uint32_t deadline_ms;
	uint32_t hold_ms;
	uint32_t connect_timeout_ms; /* 0: FreeRDP's default */
	bool wrong_password;

	/* [server] */
	enum rp_server_behaviour behaviour;
	int pause_phase; /* enum rp_phase, or -1: a slow server stays silent there */
	uint32_t pause_ms;

	/* [link] (both directions), [link to-server] (index 0), [link to-client] (index 1) */
	struct rp_shape link[2];
	uint32_t rate_kbit[2]; /* 0: unlimited */
	uint32_t mtu;          /* of the router's client-side link; 0: unchanged (1500) */
	bool icmp_blocked;     /* the router drops ICMP "fragmentation needed" it would send */

	/* [fault] */
	enum rp_port_fault port;
	struct rp_trigger reset; /* a firewall's TCP reset */
	enum rp_reset_to reset_to;
	struct rp_trigger drop; /* the tunnel drops: all traffic stops */
	uint32_t drop_for_ms;   /* 0: for good */
	uint32_t nat_timeout_ms; /* a middlebox forgets connections idle this long; 0: none */
	bool nat_reset;          /* then resets (true) or drops (false) their next packet */

	/* [expect] */
	enum rp_cause expect;
	bool has_last_error, has_error_info, has_phase;
	uint32_t expect_last_error;
	uint32_t expect_error_info;
	int expect_phase; /* enum rp_phase: the furthest phase reached */
};

/* True if the scenario shapes any packet in userspace (loss, delay, ...). */
bool rp_scenario_needs_engine(const struct rp_scenario* sc);

/* Names for enum values, as scenario files spell them. */
const char* rp_behaviour_name(enum rp_server_behaviour b);
const char* rp_port_name(enum rp_port_fault p);
const char* rp_reset_to_name(enum rp_reset_to r);
/* Parses "phase tls", "at 2s", "bytes 3000" (bytes only if allow_bytes). */
bool rp_trigger_parse(struct rp_trigger* t, const char* value, bool allow_bytes, char* why,
                      size_t n);

/* Parses `path`. On error fills err with "path:line: ..." and returns false. */
bool rp_scenario_load(struct rp_scenario* sc, const char* path, struct rp_err* err);

#endif
