/* verdict_rules.h: what the verdict's families of causes and its decision share, private to
 * verdict*.c: the row of the differential table and its ruling-out clauses, the codes and
 * tolerances the rows read, the signs of the record that more than one family reads
 * (verdict_signs.c), and the rows themselves, each defined beside its predicates in its
 * family's file (verdict_net.c, verdict_path.c, verdict_server.c, verdict_client.c,
 * verdict_session.c) and put in order by verdict_decide.c. */
#ifndef RDPREPRO_VERDICT_RULES_H
#define RDPREPRO_VERDICT_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "evidence.h"
#include "verdict.h"

/* FreeRDP's last-error codes the rules read (freerdp/error.h: class << 16 | type). */
#define ERR_CONNECT_FAILED 0x00020006u     /* ERRCONNECT_CONNECT_FAILED */
#define ERR_AUTH_FAILED 0x00020009u        /* ERRCONNECT_AUTHENTICATION_FAILED */
#define ERR_LOGON_FAILURE 0x00020014u      /* ERRCONNECT_LOGON_FAILURE */
#define ERR_TLS_FAILED 0x00020008u         /* ERRCONNECT_TLS_CONNECT_FAILED */
#define ERR_TRANSPORT_FAILED 0x0002000Du   /* ERRCONNECT_CONNECT_TRANSPORT_FAILED */
#define ERR_ACTIVATION_TIMEOUT 0x0002001Cu /* ERRCONNECT_ACTIVATION_TIMEOUT */
#define ERRNO_ETIMEDOUT 110                /* TCP_USER_TIMEOUT, from /timeout:N */
#define ERR_DNS_ERROR 0x00020004u          /* ERRCONNECT_DNS_ERROR */
#define ERR_DNS_NOT_FOUND 0x00020005u      /* ERRCONNECT_DNS_NAME_NOT_FOUND */
#define ERR_NEGO_FAILED 0x0002000Cu        /* ERRCONNECT_SECURITY_NEGO_CONNECT_FAILED */
/* A filter resets the packet it flags at once: a reset later than this after the last
 * progress came after a quiet spell, an idle timer's doing (the smallest NAT timeout the
 * taxonomy knows is 1 s). */
#define FLAGGED_RESET_MS 1000.0
/* The recheck says nothing for this long before its X.224 request (recheck.c). */
#define RECHECK_IDLE_MS 300.0
/* Linux's first SYN retransmission comes after TCP_TIMEOUT_INIT, 1 s (RFC 6298 2.1). */
#define SYN_RTO_MS 900.0
/* A service that sent nothing for this long while its TCP answered is silent, not slow to
 * deliver: a narrow link keeps data arriving every few hundred ms. */
#define SILENT_SERVICE_MS 2000.0
#define SLOW_PATH_US 250000u               /* a best RTT sample this slow is the path itself */

#define ERRNO_ECONNRESET 104

/* ---- ruling-out evidence ----
 *
 * Each clause is a fact that a cause cannot coexist with, stated the way a field user could
 * check it. A cause is eliminated by any one of its clauses that holds; an eliminated cause
 * is never the verdict, whatever identified it. */

struct clause
{
	const char* text; /* for docs/causes.md */
	bool (*holds)(const struct rp_evidence* ev, char* why, size_t n);
};

#define MAX_CLAUSES 10

enum scope
{
	SCOPE_ANY = 0,
	SCOPE_CONNECT, /* the session never became active: the connection sequence failed */
	SCOPE_SESSION, /* the session was active, then failed */
};

struct rule
{
	enum scope scope;
	enum rp_cause cause;
	bool (*identify)(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v);
	enum rp_confidence confidence; /* when it is the only survivor */
	struct clause out[MAX_CLAUSES]; /* any one that holds rules the cause out */
};

#define CL(fn, txt) { txt, fn }
#define ERRINFO_OUT CL(vr_c_errinfo, "the server sent errorInfo (it was reachable and said why)")
#define ACTIVE_OUT CL(vr_c_active_held, "the session reached active and held")
#define NEVER_UP_OUT CL(vr_c_never_established, "TCP never came up")

/* ---- the signs more than one family reads (verdict_signs.c, where each says why) ---- */

/* Who sent the RST that ended an attempt, by its TTL against the server's SYN-ACK (equal:
 * the same hop distance, the server's host; different: a device on the path). 0: unknown. */
enum rst_origin
{
	RST_UNKNOWN = 0,
	RST_SERVER_DISTANCE,
	RST_PATH,
};

bool vr_received_data(const struct rp_attempt* a);
bool vr_never_established(const struct rp_evidence* ev);
double vr_attempt_ms(const struct rp_attempt* a);
double vr_quiet_ms(const struct rp_attempt* a);
bool vr_timed_out(const struct rp_evidence* ev, const struct rp_attempt* a);
bool vr_was_reset(const struct rp_attempt* a);
enum rst_origin vr_rst_origin(const struct rp_evidence* ev, const struct rp_attempt* a);
uint32_t vr_real_losses(const struct rp_attempt* a);
uint32_t vr_path_losses(const struct rp_evidence* ev);
bool vr_path_came_back(const struct rp_evidence* ev);
bool vr_stalled(const struct rp_evidence* ev, const struct rp_attempt* a);
double vr_best_rtt_ms(const struct rp_evidence* ev);
bool vr_x224_waited_enough(const struct rp_evidence* ev);
bool vr_fresh_request_clean(const struct rp_evidence* ev);
bool vr_fresh_connection_clean(const struct rp_evidence* ev);
bool vr_past(const struct rp_evidence* ev, enum rp_phase p, char* why, size_t n);

/* The clauses more than one family's rows read. */
bool vr_c_errinfo(const struct rp_evidence* ev, char* why, size_t n);
bool vr_c_active_held(const struct rp_evidence* ev, char* why, size_t n);
bool vr_c_never_established(const struct rp_evidence* ev, char* why, size_t n);
bool vr_c_fresh_syn_unanswered(const struct rp_evidence* ev, char* why, size_t n);
bool vr_c_fresh_x224_silent(const struct rp_evidence* ev, char* why, size_t n);
bool vr_c_retrans_storm(const struct rp_evidence* ev, char* why, size_t n);
bool vr_c_small_mss_helps(const struct rp_evidence* ev, char* why, size_t n);

/* ---- the rows, by family (verdict_decide.c's table puts them in order) ---- */

/* verdict_session.c: connected, and the causes after activation. */
extern const struct rule vr_row_connected;
extern const struct rule vr_row_s_tunnel_drop;
extern const struct rule vr_row_s_nat_idle_timeout;
extern const struct rule vr_row_s_firewall_reset;
extern const struct rule vr_row_s_mtu_blackhole;
extern const struct rule vr_row_s_packet_loss;
/* verdict_server.c: what the server said or did. */
extern const struct rule vr_row_server_denied;
extern const struct rule vr_row_licensing_failure;
extern const struct rule vr_row_server_overloaded;
extern const struct rule vr_row_server_hung;
extern const struct rule vr_row_server_ended_session;
extern const struct rule vr_row_server_fault;
extern const struct rule vr_row_broker_failure;
/* verdict_client.c: what the client's own checks refused. */
extern const struct rule vr_row_certificate_rejected;
extern const struct rule vr_row_security_mismatch;
extern const struct rule vr_row_bad_credentials;
/* verdict_net.c: reaching the server, and the devices on the path. */
extern const struct rule vr_row_dns_failure;
extern const struct rule vr_row_port_closed;
extern const struct rule vr_row_port_filtered;
extern const struct rule vr_row_firewall_reset;
extern const struct rule vr_row_nat_idle_timeout;
extern const struct rule vr_row_tunnel_drop;
/* verdict_path.c: what the path does to the packets. */
extern const struct rule vr_row_mtu_blackhole;
extern const struct rule vr_row_high_latency;
extern const struct rule vr_row_low_bandwidth;
extern const struct rule vr_row_packet_loss;

#endif
