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
	RP_REQ_UDP_TRANSPORT = 1 << 5, /* a FreeRDP connection sequence over UDP: none exists */
	RP_REQ_NATIVE_CPU = 1 << 6,    /* a CPU at a host's speed, not an emulated one (TCG) */
};

enum rp_server_behaviour
{
	RP_SERVER_NORMAL = 0,  /* to the active state */
	RP_SERVER_DENY,        /* Set Error Info 0x7 (SERVER_DENIED_CONNECTION), then close */
	RP_SERVER_ERRORINFO,   /* Set Error Info `error-info`, then close */
	RP_SERVER_CLOSE,       /* close with no errorInfo */
	RP_SERVER_OVERLOADED,  /* accept TCP and close at once (MaxOutstandingConnections) */
	RP_SERVER_ULTIMATUM,   /* end the session with a Disconnect Provider Ultimatum alone */
};

/* What the lab server's desktop sends once the session is active. */
enum rp_desktop
{
	RP_DESKTOP_NONE = 0, /* nothing (no session asked for) */
	RP_DESKTOP_STILL,    /* a full paint at activation, then only answers to input/refresh */
	RP_DESKTOP_TICKING,  /* and a small region every desktop_every_ms (a clock, a caret) */
	RP_DESKTOP_BUSY,     /* and a full paint every desktop_every_ms (a video, a scroll) */
};

enum rp_client_name
{
	RP_NAME_ADDRESS = 0,  /* the client is given the server's address */
	RP_NAME_UNRESOLVABLE, /* a name that resolves to nothing */
	RP_NAME_DEAD,         /* a name that resolves to an address where nothing answers */
};

enum rp_cert_check
{
	RP_CERT_AS_ARGS = 0, /* whatever the client args say (/cert:ignore in most scenarios) */
	RP_CERT_PINNED,      /* strict: only the server's own certificate is accepted */
	RP_CERT_CHANGED,     /* strict: the client knows another certificate for this server */
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
	uint32_t after_ms; /* RP_WHEN_PHASE: this long after the phase is reached ("phase active +5s") */
};

enum rp_reset_to
{
	RP_RESET_BOTH = 0,
	RP_RESET_CLIENT,
	RP_RESET_SERVER,
};

enum rp_peer
{
	RP_PEER_LAB = 0, /* rdprepro server: every behaviour, phase reports */
	RP_PEER_XRDP,    /* Debian's xrdp: TLS, no NLA */
	RP_PEER_SHADOW,  /* freerdp-shadow-cli3 sharing an Xvfb display: NLA against the run's SAM */
};

struct rp_scenario
{
	char path[1024];
	char name[64]; /* file name without .scn */

	/* [scenario] */
	char summary[512];
	char field[256];
	char keywords[256];
	unsigned requires; /* enum rp_require bits */
	uint32_t seed;
	uint32_t takes_ms;        /* about how long a run takes here (the runner starts the longest
	                           * first); 0: not said, short */
	char takes_because[256];  /* why it takes that long: required from 3 s on */

	/* [client] */
	uint32_t hostile; /* > 0: hostile clients beside the own one (garbage, truncated X.224,
	                   * silent) and a crowd of this many connections (hostile.h) */
	bool xfreerdp; /* program = xfreerdp: xfreerdp3 instead of the probe; its log is the evidence */
	char client_args[512]; /* FreeRDP command-line syntax, split on blanks; only the options
	                        * of clientargs.h's allow-list */
	uint32_t deadline_ms;
	uint32_t hold_ms;
	uint32_t connect_timeout_ms; /* 0: FreeRDP's default */
	bool wrong_password;
	/* session = DURATION [idle | input every DURATION | refresh every DURATION]: the probe
	 * keeps the active session that long, doing that. */
	uint32_t session_ms;
	int activity; /* enum rp_activity */
	uint32_t every_ms;
	/* The probe's Client Core Data: what mstsc announces (false) or FreeRDP 3.10's own
	 * defaults (true: no RNS_UD_CS_SUPPORT_ERRINFO_PDU, so a server sends no errorInfo). */
	bool announce_freerdp;
	enum rp_client_name naming;
	enum rp_cert_check cert;

	/* [server] */
	enum rp_peer peer; /* the lab's own server, or a third-party one */
	int server_cert;   /* enum rp_cert_kind: good, expired, wrong-name */
	enum rp_server_behaviour behaviour;
	int pause_phase; /* enum rp_phase, or -1: a slow server stays silent there */
	uint32_t pause_ms;
	uint32_t error_info; /* behaviour errorinfo */
	int error_phase;     /* enum rp_phase where errorinfo/close/deny happen, -1: active */
	int hang_phase;      /* enum rp_phase where the server stops answering, -1: never */
	uint32_t error_after_ms; /* the errorinfo/close/ultimatum comes this long after error_phase */
	enum rp_desktop desktop; /* default: still with a session, none without */
	uint32_t desktop_every_ms;
	uint32_t heartbeat_ms;   /* the lab server's Heartbeat PDU period (whole seconds), 0: none */
	char security[16];   /* negotiate, nla, tls, rdp */

	/* [link] (both directions), [link to-server] (index 0), [link to-client] (index 1) */
	struct rp_shape link[2]; /* rate included: link[d].rate_kbit */
	uint32_t mtu;          /* of the router's client-side link; 0: unchanged (1500) */
	bool icmp_blocked;     /* the router drops ICMP "fragmentation needed" it would send */
	/* from = phase active +2s | at 5s: the link's shaping begins then (the Wi-Fi degrades in
	 * the session); before it the link passes everything. */
	struct rp_trigger shape_from;

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
	/* Other verdicts that pass (1 << enum rp_cause): `connected` only when the evidence shows
	 * the session active and held; `undetermined` only when it names the expected cause. */
	uint32_t acceptable;
	char acceptable_because[512];
};

/* The scenario's one timed event: its reset, its drop, or the start of its shaping (the
 * trigger with `when` RP_WHEN_NEVER when it has none). */
const struct rp_trigger* rp_scenario_timed(const struct rp_scenario* sc);

/* True if the scenario shapes any packet in userspace (loss, delay, ...). */
bool rp_scenario_needs_engine(const struct rp_scenario* sc);

/* Names for enum values, as scenario files spell them. */
const char* rp_behaviour_name(enum rp_server_behaviour b);
const char* rp_desktop_name(enum rp_desktop d);
const char* rp_port_name(enum rp_port_fault p);
const char* rp_reset_to_name(enum rp_reset_to r);
const char* rp_cert_check_name(enum rp_cert_check c);
const char* rp_naming_name(enum rp_client_name n);
const char* rp_peer_name(enum rp_peer p);
/* Parses "phase tls", "phase active +5s", "at 2s", "bytes 3000" (bytes only if allow_bytes). */
bool rp_trigger_parse(struct rp_trigger* t, const char* value, bool allow_bytes, char* why,
                      size_t n);

/* Parses `path`, a regular file of at most 64 KiB (a FIFO, a device, a directory or a socket
 * is refused without blocking; a symlink is followed to what it names). On error fills err
 * with "path:line: ..." and returns false. [client] args are checked against the allow-list
 * of clientargs.h, each token at its own line. */
bool rp_scenario_load(struct rp_scenario* sc, const char* path, struct rp_err* err);
/* Same, from len bytes of text in memory (the fuzzer); path names it in messages and gives
 * the scenario its name. */
bool rp_scenario_parse(struct rp_scenario* sc, const char* path, const char* text, size_t len,
                       struct rp_err* err);

#endif
