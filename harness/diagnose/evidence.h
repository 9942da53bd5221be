/* evidence.h: what the client could observe about one connection, attempt by attempt.
 *
 * The record holds only facts a client can see (FreeRDP's last error, the server's
 * errorInfo, the phases it reached, socket errno, TCP_INFO, timings); the verdict is
 * computed from it alone (verdict.h). It is written as JSON with json-c and read back
 * by the runner and by `rdprepro classify`. */
#ifndef RDPREPRO_EVIDENCE_H
#define RDPREPRO_EVIDENCE_H

#include <stdbool.h>
#include <stdint.h>

#include "util.h"

/* The connection sequence as the client lives it, coarse enough to compare across runs
 * and peers (MS-RDPBCGR 1.3.1.1). Order matters: a larger value is further along. */
enum rp_phase
{
	RP_PHASE_NONE = 0,     /* nothing happened yet */
	RP_PHASE_TCP,          /* TCP connect started (SYN sent) */
	RP_PHASE_X224,         /* X.224 Connection Request/Confirm (2.2.1.1-2), FreeRDP's NEGO */
	RP_PHASE_TLS,          /* TLS handshake of the enhanced security layer (5.4) */
	RP_PHASE_NLA,          /* CredSSP / NLA (MS-CSSP) */
	RP_PHASE_MCS,          /* MCS Connect Initial .. Channel Join (2.2.1.3-2.2.1.8) */
	RP_PHASE_SECURE_SETTINGS, /* Client Info PDU (2.2.1.11), auto-detect */
	RP_PHASE_LICENSING,    /* licensing (2.2.1.12, MS-RDPELE) */
	RP_PHASE_CAPABILITIES, /* Demand/Confirm Active (2.2.1.13) */
	RP_PHASE_FINALIZATION, /* Synchronize, Control, Font List/Map (2.2.1.14-22) */
	RP_PHASE_ACTIVE,       /* the session is active */
	RP_PHASE_COUNT
};

const char* rp_phase_name(enum rp_phase p);
/* Returns RP_PHASE_COUNT when the name is unknown. */
enum rp_phase rp_phase_from_name(const char* name);

#define RP_MAX_ATTEMPTS 8
#define RP_MAX_EVENTS 64

/* One state change seen by the client: its phase, FreeRDP's finer state name, when. */
struct rp_event
{
	double t_ms; /* since the probe started */
	enum rp_phase phase;
	char state[64]; /* freerdp_state_string(), or a probe event such as "tls-done" */
};

/* TCP_INFO of the attempt's socket (<linux/tcp.h>), read when the attempt ended. */
struct rp_tcpinfo
{
	bool valid;
	uint32_t state;       /* tcpi_state */
	uint32_t retransmits; /* tcpi_total_retrans */
	uint32_t rtt_us;
	uint32_t rttvar_us;
	uint32_t min_rtt_us;     /* the path's own latency: the best RTT sample */
	uint64_t delivery_rate;  /* bytes/s, the kernel's recent estimate: the path's bandwidth */
	uint32_t rcv_ooopack;    /* out-of-order packets received: the server's packets lost */
	uint32_t dsack_dups;
	uint32_t pmtu;
	uint32_t snd_mss;
	uint64_t bytes_acked;
	uint64_t bytes_received;
	/* Liveness, read at the end (all 0 in records older than these fields). */
	uint32_t unacked;            /* tcpi_unacked: segments sent and not yet acknowledged */
	uint32_t probes;             /* tcpi_probes: keepalive or window probes unanswered */
	uint32_t backoff;            /* tcpi_backoff: exponential RTO backoffs */
	uint32_t last_data_recv_ms;  /* tcpi_last_data_recv: since the peer last sent data */
	uint32_t last_ack_recv_ms;   /* tcpi_last_ack_recv: since the peer last acknowledged */
	uint32_t rcv_mss;            /* tcpi_rcv_mss: the largest segment size seen from the peer */
	uint32_t advmss;             /* tcpi_advmss: the MSS this side advertised */
};

/* How an attempt ended, as its socket shows it. */
enum rp_end
{
	RP_END_UNKNOWN = 0, /* not recorded (a record from before this field, a field log) */
	RP_END_FIN,         /* the peer closed in order (a FIN: CLOSE_WAIT, a read of 0) */
	RP_END_RST,         /* a reset arrived (ECONNRESET, or CLOSE after data) */
	RP_END_TIMEOUT,     /* the kernel gave up: ETIMEDOUT (TCP_USER_TIMEOUT, keepalive) */
	RP_END_DEADLINE,    /* the client's own timer: the watchdog or FreeRDP's activation timeout */
	RP_END_ABORT,       /* the client closed for another reason (TLS failure, refusal, protocol) */
	RP_END_REFUSED,     /* the SYN was refused */
	RP_END_NO_ANSWER,   /* the SYN was never answered */
	RP_END_CLIENT,      /* the client closed an established session in order (the hold's end) */
	RP_END_COUNT
};

const char* rp_end_name(enum rp_end e);
enum rp_end rp_end_from_name(const char* name);

/* The stalled connection itself, probed before the deadline closes it: is it alive end to
 * end? A keepalive (or, with data outstanding, the retransmission already under way) that the
 * server's kernel acknowledges means the path and the server's TCP still work and only the
 * application is silent; nothing back means the path or a middlebox forgot the connection;
 * a reset means something reset it. */
enum rp_alive
{
	RP_ALIVE_NOT_RUN = 0,
	RP_ALIVE_ACKED,  /* an acknowledgement came back */
	RP_ALIVE_SILENT, /* nothing came back within the bound */
	RP_ALIVE_RESET,  /* a reset came back */
	RP_ALIVE_COUNT
};

const char* rp_alive_name(enum rp_alive a);

struct rp_liveness
{
	enum rp_alive result;
	bool keepalive;       /* a keepalive was sent (no data outstanding); else retransmissions */
	double idle_ms;       /* how long the peer had sent no data when the probe began */
	double ms;            /* how long until the answer, or the bound */
	uint32_t unacked;     /* segments outstanding when the probe began */
	uint32_t backoff;     /* tcpi_backoff then: the run of unanswered timeouts so far (the
	                       * kernel clears it if its own timer then kills the connection) */
	uint32_t retransmits; /* tcpi_total_retrans then */
};

/* The client's effective timers, as FreeRDP's settings held them. */
struct rp_client_timers
{
	bool known;
	bool keepalive;            /* TcpKeepAlive */
	uint32_t keepalive_delay;  /* TcpKeepAliveDelay, s: idle before the first probe */
	uint32_t keepalive_interval; /* TcpKeepAliveInterval, s */
	uint32_t keepalive_retries;  /* TcpKeepAliveRetries */
	uint32_t ack_timeout_ms;   /* TcpAckTimeout: TCP_USER_TIMEOUT */
	uint32_t connect_timeout_ms; /* TcpConnectTimeout */
	bool errinfo_pdu;          /* SupportErrorInfoPdu: RNS_UD_CS_SUPPORT_ERRINFO_PDU announced */
};

/* The active probe after a failure: a second TCP connection and an X.224 Connection
 * Request (MS-RDPBCGR 2.2.1.1), each with a 2 s deadline. */
enum rp_recheck_tcp
{
	RP_RECHECK_NOT_RUN = 0,
	RP_RECHECK_CONNECTED,
	RP_RECHECK_REFUSED,
	RP_RECHECK_NO_ANSWER, /* the SYN went unanswered */
};

enum rp_recheck_x224
{
	RP_X224_NOT_RUN = 0,
	RP_X224_ANSWERED, /* an X.224 Connection Confirm came back */
	RP_X224_SILENT,   /* connected, nothing came back */
	RP_X224_CLOSED,   /* the server closed or reset without answering */
	RP_X224_CLOSED_AT_ONCE, /* the server hung up before the client said anything */
};

/* After a Confirm that chose TLS or CredSSP: a TLS handshake on the same connection. The
 * server's first flight carries its certificate, in full-size segments: a path that loses
 * large packets (an MTU black hole) passes the X.224 exchange and loses this. */
enum rp_recheck_tls
{
	RP_RECHECK_TLS_NOT_RUN = 0,
	RP_RECHECK_TLS_DONE,   /* the handshake completed */
	RP_RECHECK_TLS_SILENT, /* nothing of the server's flight arrived by the deadline */
	RP_RECHECK_TLS_FAILED, /* it arrived and the handshake failed, or the server closed */
};

/* The recheck's bandwidth stage (run when its TLS flight came back): a train of 8 echo
 * requests of 576 bytes, sent back to back to the server, and when each reply came back. On
 * a fast link the replies come back together; on a narrow one, past the token bucket's
 * first burst, one per 576 bytes of the link's rate, evenly; loss only leaves some out. */
#define RP_BW_SAMPLES 16
struct rp_bw_probe
{
	bool run;
	int sock_errno;                /* the raw socket could not be had: the stage did nothing */
	int size;                      /* IP bytes per request */
	int n_sent;
	int n;                         /* replies */
	int seq[RP_BW_SAMPLES];        /* which request each answered */
	double t_ms[RP_BW_SAMPLES];    /* since the train left */
};

/* The replay: a real FreeRDP connection (the probe itself, without its recheck) with the
 * failed run's own arguments and a short deadline, to see whether a fresh connection stalls
 * at the same phase again (the server) or goes past it (the first was killed on the way). */
struct rp_replay
{
	bool run;
	char not_run[96];       /* why it did not run, "" if it ran or was not wanted */
	uint32_t deadline_ms;
	enum rp_phase furthest;
	bool active;            /* reached active (and disconnected at once) */
	enum rp_end end;        /* how its last attempt ended */
	uint32_t last_error;
	double ms;              /* how long it took */
};

/* After a session failed: echo requests that may not be fragmented, at the size of the
 * client's full-size packets and at 576 bytes (`ping -M do -s N`). A path that answers the
 * small ones and loses the large ones loses packets by their size (an MTU black hole: the
 * router that cannot forward them drops them, and its "fragmentation needed" never comes). */
struct rp_size_probe
{
	bool run;
	int sock_errno;
	int big;               /* IP bytes of the large requests */
	int big_sent, big_answered;
	int small_sent, small_answered;
};

struct rp_recheck
{
	char not_run[128];      /* the first stage the probe's budget left no time for, "" if none */
	enum rp_recheck_tcp tcp;
	enum rp_recheck_x224 x224;
	enum rp_recheck_tls tls;
	double tcp_ms;
	double x224_ms;
	bool x224_info;         /* the X.224 stage's TCP_INFO was read (records since these fields) */
	uint32_t x224_unacked;  /* segments of the request still unacknowledged at its end */
	uint32_t x224_retrans;  /* retransmissions on that connection */
	double tls_ms;
	uint64_t tls_bytes_in; /* TCP bytes received on the recheck connection after the Confirm */
	/* Run only when that TLS flight stayed away: the same on a connection with MSS 536. */
	enum rp_recheck_tls tls_small_mss;
	double tls_small_mss_ms;
	struct rp_bw_probe bw;
	struct rp_replay replay;
	/* When no TCP connection ever came up and the SYNs went unanswered: the same echo train
	 * to the server's address, only to see whether anything answers there (a port filter
	 * passes pings; a path that is down does not, nor does a filter of ICMP). */
	struct rp_bw_probe ping;
	struct rp_size_probe sizes;
};

const char* rp_recheck_tcp_name(enum rp_recheck_tcp t);
const char* rp_recheck_x224_name(enum rp_recheck_x224 x);
const char* rp_recheck_tls_name(enum rp_recheck_tls t);

struct rp_attempt
{
	double t_start_ms;
	double t_end_ms;
	double t_phase_ms[RP_PHASE_COUNT]; /* first time each phase was reached, -1 if never */
	double t_established_ms; /* TCP handshake completed (TCP_INFO), -1 if never: FreeRDP's
	                          * state reaches NEGO before a refused connect fails */
	enum rp_phase furthest;
	char last_state[64];
	uint32_t last_error; /* FreeRDP's last error when the attempt ended */
	char last_error_name[96];
	int sock_errno; /* errno of a failed connect, or SO_ERROR when the attempt ended */
	enum rp_end end; /* how it ended, at t_end_ms */
	uint16_t local_port;
	/* TTLs as the client's namespace saw them arrive (0: not seen, or not watched): the
	 * server's SYN-ACK, and the last RST and the first FIN. One that differs from the
	 * SYN-ACK's was sent from another hop distance: by a device on the path. */
	uint8_t ttl_synack, ttl_rst, ttl_fin;
	/* Bytes the server had sent that never arrived in order, by its last pure ACK's sequence
	 * number against the client's in-order end (rp_tcp_unseen; -1: not known).
	 * A silent service sends nothing; a path that loses the server's data leaves its ACKs
	 * ahead of what came. */
	int64_t server_unseen;
	struct rp_tcpinfo tcp;
	struct rp_event events[RP_MAX_EVENTS];
	int n_events;
};

/* The session after activation (`--session`): what the client did, what the server sent,
 * and how it ended. Samples are the counters at intervals from activation on. */
enum rp_activity
{
	RP_ACTIVITY_IDLE = 0, /* nothing: the user looks at the screen, or is away */
	RP_ACTIVITY_INPUT,    /* a mouse move every `every_ms` */
	RP_ACTIVITY_REFRESH,  /* a Refresh Rect of the whole desktop every `every_ms` */
	RP_ACTIVITY_COUNT
};

const char* rp_activity_name(enum rp_activity a);

#define RP_SESSION_SAMPLES 128
#define RP_QUIET_SPELLS 32
struct rp_session_sample
{
	double t_ms;          /* since the probe started */
	uint64_t bytes_in;    /* RDP bytes (freerdp_get_stats) */
	uint64_t bytes_out;
	uint32_t updates;     /* screen updates so far */
	uint32_t retransmits; /* tcpi_total_retrans */
	uint32_t unacked;
	uint32_t last_data_recv_ms;
	uint32_t last_ack_recv_ms;
};

struct rp_session
{
	uint32_t want_ms; /* how long the session was to last; 0: no session beyond the hold */
	enum rp_activity activity;
	uint32_t every_ms;
	double t_active_ms; /* when it became active, -1: never */
	double t_end_ms;    /* when it ended (the client's own end, or the connection's), -1 */
	bool held;          /* it lasted want_ms and the client ended it */
	uint32_t updates;   /* screen updates received (bitmap, surface bits) */
	uint64_t update_pixels;
	double t_first_update_ms, t_last_update_ms; /* -1: none */
	uint32_t inputs;    /* input events and refresh requests sent */
	uint32_t heartbeats; /* server Heartbeat PDUs (MS-RDPBCGR 2.2.16.1) */
	uint32_t heartbeat_period_s;
	double t_last_heartbeat_ms;
	bool dpu;           /* an MCS Disconnect Provider Ultimatum arrived */
	int dpu_reason;     /* its reason (T.125: 0 domain-disconnected, 1 provider, 3 user) */
	double t_dpu_ms;
	/* When the errorInfo arrived, and whether a Set Error Info PDU carried it (false: FreeRDP
	 * derived it from the ultimatum, libfreerdp/core/rdp.c). */
	double t_error_info_ms;
	bool error_info_pdu;
	/* Spells of 800 ms or more with no RDP PDU either way while active (start, length), the
	 * last one open until the session's end; t_last_pdu_ms: the last PDU. A NAT or firewall
	 * idle timer can only fire in such a spell. */
	int n_quiet;
	double quiet_start_ms[RP_QUIET_SPELLS];
	double quiet_ms[RP_QUIET_SPELLS];
	double t_last_pdu_ms;
	uint32_t reconnects; /* auto-reconnect attempts (/auto-reconnect) */
	bool reconnected;    /* one of them brought the session back */
	int n_samples;
	struct rp_session_sample samples[RP_SESSION_SAMPLES];
};

struct rp_evidence
{
	char target[128];
	char freerdp_version[32];
	uint32_t deadline_ms;
	uint32_t hold_ms;
	double t0_mono_ms; /* the probe's start on CLOCK_MONOTONIC: aligns server reports */

	struct rp_attempt attempts[RP_MAX_ATTEMPTS];
	int n_attempts;

	/* Final facts, after freerdp_connect and the event pump returned. */
	uint32_t last_error;
	char last_error_name[96];
	char last_error_string[256];
	char last_error_category[64];
	uint32_t error_info; /* the server's Set Error Info PDU (MS-RDPBCGR 2.2.5.1.1) */
	char error_info_name[96];
	bool connect_returned_true;
	bool watchdog_fired;
	bool cert_rejected; /* the client's own certificate check refused the server's */
	char cert_problem[96]; /* what that check found (OpenSSL's words), "" if none */
	bool is_name;       /* the client was given a name, not an address */
	int gai_error;      /* getaddrinfo's result for it (0: resolved) */
	char resolved[64];  /* the address it resolved to, or the resolver's error */
	uint64_t bytes_in;
	uint64_t bytes_out;

	double t_total_ms;
	bool ttl_watched; /* a raw socket saw the attempts' packets (the ttl_* fields mean it) */
	struct rp_client_timers timers;
	struct rp_liveness liveness; /* of the furthest attempt, when the deadline ended it */
	struct rp_session session;
	struct rp_recheck recheck;
};

void rp_evidence_init(struct rp_evidence* ev);

/* Starts a new attempt at time t (a TCP connect begins). Returns NULL if full. */
struct rp_attempt* rp_evidence_begin_attempt(struct rp_evidence* ev, double t_ms);
struct rp_attempt* rp_evidence_current(struct rp_evidence* ev);

/* Records that the current attempt is in `phase` (FreeRDP state name `state`) at t.
 * Consecutive identical states are recorded once. */
void rp_evidence_mark(struct rp_evidence* ev, double t_ms, enum rp_phase phase,
                      const char* state);

/* The furthest phase over every attempt. */
enum rp_phase rp_evidence_furthest(const struct rp_evidence* ev);
bool rp_evidence_active(const struct rp_evidence* ev);
/* The session was asked for, became active, and did not last: it ended before want_ms. */
bool rp_evidence_session_cut(const struct rp_evidence* ev);
/* The attempt that got furthest (the last one on ties), or NULL with no attempt. */
const struct rp_attempt* rp_evidence_furthest_attempt(const struct rp_evidence* ev);
/* How long the server took to answer an X.224 Connection Request, the longest over the
 * attempts (the X.224 phase until TLS began); 0 when no attempt got that far. */
double rp_evidence_x224_answer_ms(const struct rp_evidence* ev);
/* Time from the TCP connection being established to ACTIVE in the attempt that got
 * there, or -1. */
double rp_evidence_connect_to_active_ms(const struct rp_evidence* ev);

/* Bytes the server sent that never arrived in order: its last pure ACK's sequence number
 * (a pure ACK carries the sender's snd_nxt, RFC 9293 3.10.7.4) against the client's in-order
 * end, its initial sequence number + 1 + tcpi_bytes_received, + 1 once the FIN at fin_seq
 * arrived in order. A segment that passed beyond a hole does not count as arrived: the hole
 * is what was lost. 0 when the ACK is not ahead. */
int64_t rp_tcp_unseen(uint32_t isn, uint32_t ack_seq, uint64_t bytes_received, bool have_fin,
                      uint32_t fin_seq);

/* The link's pace from the bandwidth stage: the intervals between replies to consecutive
 * requests, past the leading ones under 1 ms (a token bucket's burst, or a fast link
 * altogether). *kbit is the request size over their median, *spread the upper quartile (the
 * longest, under 4 intervals) over the shortest. False when fewer than two such intervals remain: no pace to read. */
bool rp_bw_estimate(const struct rp_bw_probe* bw, double* kbit, double* spread);

/* JSON with json-c. The string returned by _to_json is malloc'd. */
char* rp_evidence_to_json(const struct rp_evidence* ev);
bool rp_evidence_write_json(const struct rp_evidence* ev, const char* path, struct rp_err* err);
bool rp_evidence_from_json(struct rp_evidence* ev, const char* json, struct rp_err* err);
/* The largest evidence.json read back (a record with every attempt, phase and server event is
 * under 100 KiB). */
#define RP_EVIDENCE_JSON_MAX (8u << 20)
bool rp_evidence_read_json(struct rp_evidence* ev, const char* path, struct rp_err* err);

/* A readable summary, a fact a line, each line starting with `indent`. Malloc'd. */
char* rp_evidence_summary(const struct rp_evidence* ev, const char* indent);

#endif
