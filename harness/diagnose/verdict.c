/* verdict.c: cause names and the classifier's rules.
 *
 * A table of rules over the evidence record, most specific first. It knows the causes the
 * catalog reproduces so far; the rest are "undetermined" until it grows. */
#include "verdict.h"

#include <stdio.h>
#include <string.h>

#include "errinfo.h"

static const char* const cause_names[RP_CAUSE_COUNT] = {
	[RP_CAUSE_CONNECTED] = "connected",
	[RP_CAUSE_UNDETERMINED] = "undetermined",
	[RP_CAUSE_SERVER_DENIED] = "server-denied",
	[RP_CAUSE_PACKET_LOSS] = "packet-loss",
	[RP_CAUSE_HIGH_LATENCY] = "high-latency",
	[RP_CAUSE_LOW_BANDWIDTH] = "low-bandwidth",
	[RP_CAUSE_MTU_BLACKHOLE] = "mtu-blackhole",
	[RP_CAUSE_FIREWALL_RESET] = "firewall-reset",
	[RP_CAUSE_NAT_IDLE_TIMEOUT] = "nat-idle-timeout",
	[RP_CAUSE_TUNNEL_DROP] = "tunnel-drop",
	[RP_CAUSE_PORT_CLOSED] = "port-closed",
	[RP_CAUSE_PORT_FILTERED] = "port-filtered",
	[RP_CAUSE_CERTIFICATE_REJECTED] = "certificate-rejected",
	[RP_CAUSE_SECURITY_MISMATCH] = "security-mismatch",
	[RP_CAUSE_LICENSING_FAILURE] = "licensing-failure",
	[RP_CAUSE_SERVER_OVERLOADED] = "server-overloaded",
	[RP_CAUSE_SERVER_HUNG] = "server-hung",
	[RP_CAUSE_BAD_CREDENTIALS] = "bad-credentials",
	[RP_CAUSE_DNS_FAILURE] = "dns-failure",
	[RP_CAUSE_UDP_TRANSPORT] = "udp-transport",
	[RP_CAUSE_SERVER_ENDED_SESSION] = "server-ended-session",
	[RP_CAUSE_SERVER_FAULT] = "server-fault",
	[RP_CAUSE_BROKER_FAILURE] = "broker-failure",
	[RP_CAUSE_NOT_ATTEMPTED] = "not-attempted",
};

const char* rp_cause_name(enum rp_cause c)
{
	if ((int)c < 0 || c >= RP_CAUSE_COUNT)
		return "invalid";
	return cause_names[c];
}

static const char* const confidence_names[] = { "low", "medium", "high" };

const char* rp_confidence_name(enum rp_confidence c)
{
	return (int)c >= 0 && c <= RP_CONF_HIGH ? confidence_names[c] : "invalid";
}

/* Sources: the discReason names and numbers are Microsoft's IMsTscAxEvents::OnDisconnected
 * table; the extended reasons, the ExtendedDisconnectReasonCode enumeration, whose numbers
 * are those of the Set Error Info PDU (MS-RDPBCGR 2.2.5.1.1). Which pair a Windows client
 * shows for a cause is documented only where a code names the cause itself; elsewhere it is
 * our inference, marked so. */
static const struct rp_cause_info infos[RP_CAUSE_COUNT] = {
	[RP_CAUSE_CONNECTED] = { RP_CAUSE_CONNECTED, 0, "(none: the session works)",
	                         "the session reached active with no error during the hold", 0, "", 0, "",
	                         "no disconnect", "baseline", "" },
	[RP_CAUSE_UNDETERMINED] = { RP_CAUSE_UNDETERMINED, 0, "(any)",
	                            "no rule's evidence is complete", 0, "", 0, "",
	                            "unknown", "",
	                            "a FreeRDP log at debug level (/log-level:DEBUG), or a lab run" },
	[RP_CAUSE_SERVER_DENIED] = { RP_CAUSE_SERVER_DENIED, 1,
	                             "the server denies the connection (policy, not in Remote "
	                             "Desktop Users)",
	                             "the server's Set Error Info PDU carries 0x7 "
	                             "(ERRINFO_SERVER_DENIED_CONNECTION)", 0x904, "disconnectReasonAtClientWinsockFDCLOSE", 0x7,
	                             "exDiscReasonServerDeniedConnection",
	                             "documented: both codes name it; the pair is the field's symptom",
	                             "server-denied, server-denied-freerdp-client",
	                             "the server's event log (policy, group)" },
	[RP_CAUSE_PACKET_LOSS] = { RP_CAUSE_PACKET_LOSS, 2, "packet loss on Wi-Fi or a VPN",
	                           "a timeout on a fast path (small min RTT) after retransmissions; or "
	                           "the server's close, or a reset from its host after a quiet spell, "
	                           "amid retransmissions (its own TCP or handshake timer gave up)",
	                           0x904,
	                           "disconnectReasonAtClientWinsockFDCLOSE", 0, "exDiscReasonNoInfo",
	                           "inferred: the session dies on a closed or timed-out socket, with "
	                           "no reason from the server",
	                           "packet-loss", "a path probe: loss of small pings, RTT of small vs "
	                                          "large packets (tells loss from a narrow link)" },
	[RP_CAUSE_HIGH_LATENCY] = { RP_CAUSE_HIGH_LATENCY, 3,
	                            "high latency, jitter, satellite links: the handshake times out",
	                            "a timeout on a path whose best RTT is at least 250 ms", 0x108,
	                            "disconnectReasonConnectionTimedOut", 0, "exDiscReasonNoInfo",
	                            "inferred: the client gives up waiting", "high-latency",
	                            "ping RTT to the server; a longer client timeout (/timeout:N) "
	                            "that then succeeds" },
	[RP_CAUSE_LOW_BANDWIDTH] = { RP_CAUSE_LOW_BANDWIDTH, 4, "too little bandwidth",
	                             "a timeout on a fast path, and a train of full-size echo "
	                             "requests comes back evenly spaced at a pace under 256 kbit/s "
	                             "(serialization)", 0x108, "disconnectReasonConnectionTimedOut", 0,
	                             "exDiscReasonNoInfo", "inferred: the client gives up waiting",
	                             "low-bandwidth", "RTT of small vs large packets (serialization "
	                                              "delay); a bulk transfer's rate" },
	[RP_CAUSE_MTU_BLACKHOLE] = { RP_CAUSE_MTU_BLACKHOLE, 5,
	                             "VPN MTU too large, fragments lost (PMTUD black hole)",
	                             "TLS started, the client's ClientHello acknowledged, almost "
	                             "nothing received for seconds, then the server closed; or "
	                             "(servers that never give up) a fresh connection gets the "
	                             "X.224 answer but not the TLS flight, and one asking for "
	                             "536-byte segments gets it", 0x904, "disconnectReasonAtClientWinsockFDCLOSE", 0,
	                             "exDiscReasonNoInfo",
	                             "inferred: the server gives up its TLS handshake and closes",
	                             "mtu-blackhole, xrdp-mtu-blackhole",
	                             "ping -M do -s 1400 to the server; a lower "
	                                              "client MTU that then succeeds" },
	[RP_CAUSE_FIREWALL_RESET] = { RP_CAUSE_FIREWALL_RESET, 6,
	                              "a firewall or antivirus flags the RDP start and resets it",
	                              "every attempt ended by RST (ECONNRESET, or CLOSE after data) "
	                              "within 1 s of its last progress, no errorInfo; a fresh "
	                              "connection is answered", 0x904, "disconnectReasonAtClientWinsockFDCLOSE", 0,
	                              "exDiscReasonNoInfo", "inferred: an RST closes the socket",
	                              "firewall-reset-tls", "a capture on both sides of the firewall: "
	                                                    "who sent the RST" },
	[RP_CAUSE_NAT_IDLE_TIMEOUT] = { RP_CAUSE_NAT_IDLE_TIMEOUT, 7,
	                                "a NAT or firewall idle timeout kills a slow handshake",
	                                "the handshake went quiet mid-way and never came back (the "
	                                "stalled connection's keepalive unanswered), or was reset "
	                                "after more than 1 s of quiet, while a fresh connection is "
	                                "answered at once", 0x108, "disconnectReasonConnectionTimedOut", 0,
	                                "exDiscReasonNoInfo", "inferred: the client times out",
	                                "nat-idle-timeout, nat-keepalive-too-late, slow-server-nat-reset",
	                                "the middlebox's idle timeout and the "
	                                                    "server's logon time" },
	[RP_CAUSE_TUNNEL_DROP] = { RP_CAUSE_TUNNEL_DROP, 8, "the VPN tunnel drops",
	                           "the handshake stalled, and a fresh SYN is not answered", 0x108,
	                           "disconnectReasonConnectionTimedOut", 0, "exDiscReasonNoInfo",
	                           "inferred: the client times out", "tunnel-drop",
	                           "the VPN client's log; a ping during the failure" },
	[RP_CAUSE_PORT_CLOSED] = { RP_CAUSE_PORT_CLOSED, 9, "port 3389 closed (rejected)",
	                           "TCP never established, each attempt refused within 1 s", 0x204,
	                           "disconnectReasonSocketConnectFailed (516, \"Winsock socket "
	                           "connect failure\")",
	                           0, "exDiscReasonNoInfo",
	                           "the code is documented; the pairing is inferred", "port-closed",
	                           "Test-NetConnection -Port 3389 from the client" },
	[RP_CAUSE_PORT_FILTERED] = { RP_CAUSE_PORT_FILTERED, 9, "port 3389 filtered (dropped)",
	                             "TCP never established, the SYN unanswered until the connect "
	                             "timeout", 0x204,
	                             "disconnectReasonSocketConnectFailed (516)", 0,
	                             "exDiscReasonNoInfo",
	                             "the code is documented; the pairing is inferred",
	                             "port-filtered", "a capture at the server: did the SYN arrive" },
	[RP_CAUSE_CERTIFICATE_REJECTED] = { RP_CAUSE_CERTIFICATE_REJECTED, 10,
	                                    "expired or replaced RDP certificate",
	                                    "the client's own certificate check failed (not a "
	                                    "reset, not a timeout), with what it found: expired, "
	                                    "name mismatch, not the trusted one", 0, "", 0,
	                                    "",
	                                    "none: a Windows client shows a certificate dialog, "
	                                    "not a disconnect code (inferred)",
	                                    "certificate-changed, certificate-expired, "
	                                    "certificate-wrong-name",
	                                    "the certificate the server presents "
	                                        "(openssl s_client -connect host:3389)" },
	[RP_CAUSE_SECURITY_MISMATCH] = { RP_CAUSE_SECURITY_MISMATCH, 11,
	                                 "security layer mismatch (RDP / TLS / NLA)",
	                                 "X.224 negotiation failure from the server (e.g. "
	                                 "HYBRID_REQUIRED_BY_SERVER, SSL_NOT_ALLOWED_BY_SERVER)", 0, "", 0, "",
	                                 "none documented in these tables; inferred", "security-nla-required",
	                                 "the server's Security Layer and NLA settings" },
	[RP_CAUSE_LICENSING_FAILURE] = { RP_CAUSE_LICENSING_FAILURE, 12,
	                                 "corrupt license cache, licensing server problems",
	                                 "an error license PDU or a license errorInfo (0x100-0x10A) "
	                                 "during licensing", 0x904,
	                                 "disconnectReasonAtClientWinsockFDCLOSE", 262,
	                                 "exDiscReasonLicenseCantFinishProtocol (or another "
	                                 "exDiscReasonLicense* code)",
	                                 "the codes are documented; which one is inferred",
	                                 "licensing-failure, licensing-during-licensing",
	                                 "the server's licensing event log" },
	[RP_CAUSE_SERVER_OVERLOADED] = { RP_CAUSE_SERVER_OVERLOADED, 13,
	                                 "too many half-open connections (MaxOutstandingConnections)",
	                                 "TCP accepted and closed at once without an X.224 answer", 0x904,
	                                 "disconnectReasonAtClientWinsockFDCLOSE", 0,
	                                 "exDiscReasonNoInfo", "inferred", "server-overloaded",
	                                 "the server's connection count; a retry a minute later" },
	[RP_CAUSE_SERVER_HUNG] = { RP_CAUSE_SERVER_HUNG, 14, "Remote Desktop Services hung",
	                           "TCP accepted, the X.224 request (of a fresh connection too) "
	                           "unanswered; or X.224 answered and TLS silent, even with "
	                           "536-byte segments; or the stalled connection still answers a "
	                           "keepalive while the service sends nothing", 0x108,
	                           "disconnectReasonConnectionTimedOut", 0, "exDiscReasonNoInfo",
	                           "inferred: the client times out", "server-hung, server-hung-tls, server-hung-mcs",
	                           "the server's TermService state" },
	[RP_CAUSE_BAD_CREDENTIALS] = { RP_CAUSE_BAD_CREDENTIALS, 15, "bad credentials",
	                               "an authentication or logon failure during NLA", 0, "", 0, "",
	                               "none: with NLA a Windows client shows a logon failure, not "
	                               "a disconnect code (inferred)",
	                               "bad-credentials", "the server's security log (4625)" },
	[RP_CAUSE_DNS_FAILURE] = { RP_CAUSE_DNS_FAILURE, 16, "stale DNS",
	                           "the name does not resolve, or resolves to a dead address", 0x104,
	                           "disconnectReasonDNSLookupFailed", 0, "exDiscReasonNoInfo",
	                           "documented code; pairing inferred", "dns-unresolvable",
	                           "nslookup of the name against the server's address" },
	[RP_CAUSE_UDP_TRANSPORT] = { RP_CAUSE_UDP_TRANSPORT, 17,
	                             "unstable UDP transport; \"force TCP\" fixes it",
	                             "(not reproducible with FreeRDP 3's client here)", 0, "", 0,
	                             "", "n/a", "udp-transport (SKIP)", "" },
	[RP_CAUSE_SERVER_ENDED_SESSION] = { RP_CAUSE_SERVER_ENDED_SESSION, 0,
	                                    "the session ends on its own: an administrator, another "
	                                    "connection, an idle or logon timer, a logoff, a reboot",
	                                    "after active, the server's errorInfo 0x1-0x5, 0xB, 0xC, "
	                                    "0x19 or 0x1A, or a Disconnect Provider Ultimatum with no "
	                                    "errorInfo; who ended it is in the reason",
	                                    0x3, "disconnectReasonRemoteByServer", 0,
	                                    "the errorInfo code (exDiscReason 1-5, 0xB, 0xC, 0x19, 0x1A)",
	                                    "documented: MS-RDPBCGR 2.2.5.1.1 names who ended it; the "
	                                    "extended reason is the errorInfo code "
	                                    "(ExtendedDisconnectReasonCode)",
	                                    "session-server-idle-timeout, session-taken-over, "
	                                    "session-ultimatum, session-server-reboot, "
	                                    "session-admin-disconnect, session-logoff",
	                                    "the server's LocalSessionManager and TerminalServices "
	                                    "events (who, which policy)" },
	[RP_CAUSE_SERVER_FAULT] = { RP_CAUSE_SERVER_FAULT, 0,
	                            "\"an internal error has occurred\", the session drops with a "
	                            "server-side code",
	                            "the server's errorInfo 0x6, 0xF-0x18 (FreeRDP's \"server\" "
	                            "category) or 0x10C9 and up (\"protocol\")",
	                            0x3, "disconnectReasonRemoteByServer", 0,
	                            "the errorInfo code",
	                            "documented: MS-RDPBCGR 2.2.5.1.1 (out of memory, a driver, DWM, "
	                            "Winlogon or CSRSS failure, a protocol error the server saw)",
	                            "session-server-fault, session-protocol-error",
	                            "the server's System and RemoteDesktopServices-RdpCoreTS events" },
	[RP_CAUSE_BROKER_FAILURE] = { RP_CAUSE_BROKER_FAILURE, 0,
	                              "the connection broker cannot place the session (a full pool, a "
	                              "VM still booting, a destination it cannot find)",
	                              "the server's errorInfo 0x400-0x412 (FreeRDP's \"broker\" "
	                              "category)",
	                              0x3, "disconnectReasonRemoteByServer", 0x400,
	                              "the errorInfo code (exDiscReasonCB*: 0x400-0x412)",
	                              "documented: MS-RDPBCGR 2.2.5.1.1 lists the broker's codes; the "
	                              "extended reason is the errorInfo code",
	                              "broker-failure",
	                              "the broker's events (Microsoft-Windows-TerminalServices-"
	                              "SessionBroker-Client) and the collection's hosts" },
	[RP_CAUSE_NOT_ATTEMPTED] = { RP_CAUSE_NOT_ATTEMPTED, 0,
	                             "the client exits at once: a wrong option, a bad .rdp file",
	                             "a field log whose client stopped at its command line or "
	                             "configuration (an unknown option, a parse error, its usage "
	                             "text) and took no connection step",
	                             0, "", 0, "",
	                             "none: the client never connected (no disconnect event)",
	                             "",
	                             "the command line as typed: the client's --help and its "
	                             "/log-level:DEBUG output" },
};

const struct rp_cause_info* rp_cause_info(enum rp_cause c)
{
	return (int)c >= 0 && c < RP_CAUSE_COUNT ? &infos[c] : NULL;
}

enum rp_cause rp_cause_from_name(const char* name)
{
	for (int i = 0; i < RP_CAUSE_COUNT; i++)
		if (name && strcmp(name, cause_names[i]) == 0)
			return (enum rp_cause)i;
	return RP_CAUSE_COUNT;
}

/* FreeRDP's last-error codes the rules read (freerdp/error.h: class << 16 | type). */
#define ERR_SERVER_DENIED 0x00010007u      /* ERRINFO class, ERRINFO_SERVER_DENIED_CONNECTION */
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

static bool x224_waited_enough(const struct rp_evidence* ev);

/* Data came from the server: TCP_INFO counts the peer's FIN as one byte of sequence space. */
static bool received_data(const struct rp_attempt* a)
{
	return a->tcp.bytes_received > 1;
}

/* An attempt whose TCP handshake never completed. */
static bool never_established(const struct rp_evidence* ev)
{
	if (ev->n_attempts == 0)
		return false;
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].t_established_ms >= 0)
			return false;
	return true;
}

static double attempt_ms(const struct rp_attempt* a)
{
	return a->t_end_ms >= 0 ? a->t_end_ms - a->t_start_ms : -1;
}

/* How long the attempt went without progress before it ended: from its last phase change or
 * probe event (TCP established included) to its end; -1 if it did not end. */
static double quiet_ms(const struct rp_attempt* a)
{
	double last = a->t_start_ms;
	if (a->t_end_ms < 0)
		return -1;
	if (a->t_established_ms > last)
		last = a->t_established_ms;
	for (int p = 0; p < RP_PHASE_COUNT; p++)
		if (a->t_phase_ms[p] > last)
			last = a->t_phase_ms[p];
	for (int i = 0; i < a->n_events; i++)
		if (a->events[i].t_ms > last)
			last = a->events[i].t_ms;
	return a->t_end_ms > last ? a->t_end_ms - last : 0;
}



/* A failure by waiting: FreeRDP's activation timeout, TCP_USER_TIMEOUT, or our watchdog. */
static bool timed_out(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	return ev->last_error == ERR_ACTIVATION_TIMEOUT || ev->watchdog_fired ||
	       (ev->last_error == ERR_TRANSPORT_FAILED && a && a->sock_errno == ERRNO_ETIMEDOUT) ||
	       (a && (a->end == RP_END_TIMEOUT || a->end == RP_END_DEADLINE));
}

/* The server's close reached the client: a FIN or an RST arrived (or, unwatched, the socket
 * says so). */
static bool close_came_through(const struct rp_attempt* a)
{
	if (a->end == RP_END_FIN || a->end == RP_END_RST)
		return true;
	return a->end == RP_END_UNKNOWN; /* an older record: as before, the error says it closed */
}

static const struct rp_attempt* session_attempt(const struct rp_evidence* ev);

static bool is_connected(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* Active after finalization (MS-RDPBCGR 1.3.1.1), and no error while the probe held it. */
	if (!rp_evidence_active(ev) || ev->last_error || ev->error_info)
		return false;
	if (ev->session.want_ms && ev->session.held)
	{
		const struct rp_attempt* a = session_attempt(ev);
		int k = snprintf(why, n, "the session held %.1f s (%s) with %u screen updates, no error, "
		                         "no errorInfo",
		                 (ev->session.t_end_ms - ev->session.t_active_ms) / 1000.0,
		                 rp_activity_name(ev->session.activity), ev->session.updates);
		/* Held, but what the user lived through: a slow or lossy path. */
		if (a && a->tcp.valid && (a->tcp.rtt_us >= 250000 || a->tcp.retransmits >= 5) && k > 0 &&
		    (size_t)k < n)
			snprintf(why + k, n - (size_t)k, "; degraded: round trip %.0f ms at the end, %u "
			                                 "retransmissions", a->tcp.rtt_us / 1000.0,
			         a->tcp.retransmits);
	}
	else if (ev->hold_ms)
		snprintf(why, n, "reached active, no last error, no errorInfo during a %u ms hold",
		         ev->hold_ms);
	else
		snprintf(why, n, "reached active, no last error, no errorInfo");
	return true;
}

/* The client gave up at once on what the server sent right after its Client Info, where the
 * licensing exchange begins: no reset, no timeout, no FIN, no errorInfo read. FreeRDP 3.10's
 * client fails to read a Set Error Info PDU sent during licensing (its licensing state takes
 * only license PDUs), so a server that refuses there (a licensing error, or a denial) leaves
 * exactly this; both readings are named. */
static bool aborted_at_licensing(const struct rp_evidence* ev)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || ev->error_info || a->end != RP_END_ABORT || a->t_established_ms < 0 ||
	    (a->furthest != RP_PHASE_SECURE_SETTINGS && a->furthest != RP_PHASE_LICENSING) ||
	    ev->last_error != ERR_TRANSPORT_FAILED || a->tcp.bytes_received <= 1)
		return false;
	return quiet_ms(a) >= 0 && quiet_ms(a) <= 1000.0;
}

/* The reading of that abort as `what` (a denial, a licensing error): low, beside the other. */
static bool refused_at_licensing(const struct rp_evidence* ev, char* why, size_t n,
                                 struct rp_verdict* v, const char* what)
{
	if (!aborted_at_licensing(ev))
		return false;
	snprintf(why, n, "the client gave up at once on the server's first PDU after its Client Info "
	                 "(phase %s), where licensing begins, no errorInfo read: %s sent there is one "
	                 "FreeRDP 3.10 cannot read",
	         rp_phase_name(rp_evidence_furthest(ev)), what);
	v->confidence = RP_CONF_LOW;
	return true;
}

static bool is_denied(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	if (refused_at_licensing(ev, why, n, v, "a denial"))
		return true;
	/* The server said so: Set Error Info with SERVER_DENIED_CONNECTION (0x7),
	 * SERVER_INSUFFICIENT_PRIVILEGES (0x9), FRESH_CREDENTIALS_REQUIRED (0xA) or
	 * REMOTEAPP_NOT_ENABLED (0x10F3) (MS-RDPBCGR 2.2.5.1.1; errinfo.c's classes). */
	if (rp_errinfo_class(ev->error_info) != RP_EI_DENIAL)
		return false;
	snprintf(why, n, "the server sent errorInfo 0x%X (%s) at phase %s", ev->error_info,
	         ev->error_info_name[0] ? ev->error_info_name : "a denial",
	         rp_phase_name(rp_evidence_furthest(ev)));
	return true;
}

static bool is_bad_credentials(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* NLA ran (CredSSP) and FreeRDP reports an authentication or logon failure; the
	 * connection got no further than NLA. */
	if ((ev->last_error != ERR_AUTH_FAILED && ev->last_error != ERR_LOGON_FAILURE) ||
	    rp_evidence_furthest(ev) != RP_PHASE_NLA)
		return false;
	snprintf(why, n, "%s during NLA, the connection went no further",
	         ev->last_error_name[0] ? ev->last_error_name : "authentication failure");
	return true;
}

static bool is_port_closed(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* Refused: the SYN was answered with a RST, so TCP never came up, nothing was received,
	 * and each attempt failed within a second (no timeout was waited for). */
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		double ms = attempt_ms(a);
		if (!a->tcp.valid || received_data(a) || ms < 0 || ms > 1000)
			return false;
	}
	if (!never_established(ev) || ev->watchdog_fired)
		return false;
	snprintf(why, n, "TCP never established in %d attempt(s), each refused within 1 s, "
	                 "0 bytes received (errno %d)",
	         ev->n_attempts, ev->attempts[0].sock_errno);
	return true;
}

static bool is_port_filtered(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* Filtered: the SYN went unanswered until the connect timeout (CONNECT_FAILED, no
	 * handshake, the attempt lasted at least a second). */
	const struct rp_attempt* a = ev->n_attempts ? &ev->attempts[0] : NULL;

	if (!a || !never_established(ev) || ev->last_error != ERR_CONNECT_FAILED ||
	    attempt_ms(a) < 1000)
		return false;
	snprintf(why, n, "no answer to the SYN for %.1f s, then CONNECT_FAILED; TCP never established",
	         attempt_ms(a) / 1000.0);
	return true;
}

static bool fresh_connection_clean(const struct rp_evidence* ev);
static bool fresh_request_clean(const struct rp_evidence* ev);

static bool is_mtu_blackhole(const struct rp_evidence* ev, char* why, size_t n,
                             struct rp_verdict* v)
{
	/* PMTUD black hole (RFC 2923): the client's small packets pass (its TLS ClientHello is
	 * acknowledged) but the server's full-size TLS flight never arrives, and after seconds the
	 * server gives up and closes (a hung server would not close; the watchdog would fire). */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	double ms = a ? attempt_ms(a) : -1;

	/* The direct test, when the recheck ran it: a fresh connection gets the X.224 answer but
	 * not the server's TLS flight, and one asking for 536-byte segments gets it. Servers that
	 * never give up (xrdp) end at the watchdog, so this does not ask for the server's close. */
	if (a && a->furthest == RP_PHASE_TLS && a->t_established_ms >= 0 && a->tcp.valid &&
	    a->tcp.bytes_acked >= 100 && a->tcp.bytes_received < 100 &&
	    ev->recheck.tls == RP_RECHECK_TLS_SILENT && ev->recheck.tls_small_mss == RP_RECHECK_TLS_DONE)
	{
		snprintf(why, n,
		         "TLS started and only %llu bytes came back; a fresh connection got the X.224 "
		         "answer but not the server's TLS flight in %.1f s, and one asking for 536-byte "
		         "segments completed TLS in %.0f ms: large packets are lost on the path",
		         (unsigned long long)a->tcp.bytes_received, ev->recheck.tls_ms / 1000.0,
		         ev->recheck.tls_small_mss_ms);
		if (fresh_connection_clean(ev))
		{
			v->confidence = RP_CONF_HIGH;
			return true;
		}
		/* The fresh connection lost small packets too (a SYN or its X.224 request sent again):
		 * then one failed full-size try beside one small try that passed may be chance. */
		v->runner_up = RP_CAUSE_PACKET_LOSS;
		snprintf(v->unsure, sizeof(v->unsure),
		         "the fresh connection lost small packets too (its SYN answered after %.0f ms, "
		         "its X.224 request retransmitted %u times): random loss can fail one full-size "
		         "try and pass one small one",
		         ev->recheck.tcp_ms, ev->recheck.x224_retrans);
		return true;
	}
	/* Without the recheck's TLS stages: the server's flight stayed away until it gave up. Not
	 * when a fresh SYN went unanswered too: then small packets are lost as well, the path is
	 * down (a burst of loss, a tunnel gone), which is no MTU black hole. */
	if (!a || a->furthest != RP_PHASE_TLS || a->t_established_ms < 0 || ev->watchdog_fired ||
	    (ev->last_error != ERR_TLS_FAILED && ev->last_error != ERR_TRANSPORT_FAILED) ||
	    !a->tcp.valid || a->tcp.bytes_received >= 100 || a->tcp.bytes_acked < 100 || ms < 5000 ||
	    ev->recheck.tcp == RP_RECHECK_NO_ANSWER)
		return false;
	snprintf(why, n,
	         "TLS started, the client's %llu bytes were acknowledged, but only %llu bytes came "
	         "back in %.1f s, then the server closed: its full-size packets were lost",
	         (unsigned long long)a->tcp.bytes_acked, (unsigned long long)a->tcp.bytes_received,
	         ms / 1000.0);
	return true;
}

#define ERRNO_ECONNRESET 104
#define TCP_STATE_CLOSE 7 /* tcpi_state after an RST (include/net/tcp_states.h) */

/* The attempt was reset: the socket saw ECONNRESET, or ended in CLOSE after data flowed
 * (a peer's orderly close leaves CLOSE_WAIT instead). */
static bool was_reset(const struct rp_attempt* a)
{
	if (a->t_established_ms < 0)
		return false;
	if (a->sock_errno == ERRNO_ECONNRESET || a->end == RP_END_RST)
		return true;
	/* CLOSE also follows the kernel's own timeout; where the attempt's packets were watched
	 * and no RST arrived, it was that. */
	if (a->ttl_synack && !a->ttl_rst)
		return false;
	return a->tcp.valid && a->tcp.state == TCP_STATE_CLOSE && received_data(a) &&
	       a->end != RP_END_TIMEOUT;
}

/* Who sent the RST that ended an attempt, by its TTL against the server's SYN-ACK (equal:
 * the same hop distance, the server's host; different: a device on the path). 0: unknown. */
enum rst_origin
{
	RST_UNKNOWN = 0,
	RST_SERVER_DISTANCE,
	RST_PATH,
};

static enum rst_origin rst_origin(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	if (!ev->ttl_watched || !a->ttl_synack || !a->ttl_rst)
		return RST_UNKNOWN;
	return a->ttl_rst == a->ttl_synack ? RST_SERVER_DISTANCE : RST_PATH;
}

static uint32_t real_losses(const struct rp_attempt* a);

static bool is_firewall_reset(const struct rp_evidence* ev, char* why, size_t n,
                              struct rp_verdict* v)
{
	/* Every attempt was reset within a couple of seconds of its last progress (not after an
	 * idle spell, which is a middlebox's idle timeout), while the server said nothing (no
	 * errorInfo), and a fresh connection is answered: something on the path resets this
	 * connection at this point of the handshake. Measured from the last progress, not from
	 * the start: a slow client (a qemu guest's) takes seconds to get as far. */
	double worst = 0;

	if (ev->n_attempts == 0 || ev->error_info || ev->watchdog_fired)
		return false;
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		double ms = attempt_ms(a), quiet = quiet_ms(a);
		if (!was_reset(a) || ms < 0 || quiet < 0)
			return false;
		if (quiet > worst)
			worst = quiet;
	}
	/* A reset after a quiet spell: a reset sent only to the server leaves the client's side
	 * open until its next packet (a keepalive at 5 s) draws the server kernel's RST, and that
	 * looks like an idle timer's reset. Who sent it (the TTL of the RST against the server's
	 * SYN-ACK) would tell; without it, the two stay side by side. */
	if (worst > FLAGGED_RESET_MS)
	{
		if (ev->recheck.x224 != RP_X224_ANSWERED)
			return false;
		const struct rp_attempt* fa = rp_evidence_furthest_attempt(ev);
		v->confidence = rst_origin(ev, fa) == RST_SERVER_DISTANCE ? RP_CONF_MEDIUM : RP_CONF_LOW;
		snprintf(why, n,
		         "the connection was reset in phase %s after %.1f s of quiet, no errorInfo: a "
		         "reset that reached the server alone surfaces at the client's next packet%s",
		         rp_phase_name(fa->furthest), worst / 1000.0,
		         rst_origin(ev, fa) == RST_SERVER_DISTANCE
		             ? ", and this one came from the server's own host (its TTL is the SYN-ACK's)"
		             : "");
		/* The same reset, from the server's host after a quiet spell, is what the server's own
		 * TCP leaves when it gave up retransmitting into a lossy path (ETIMEDOUT there, no RST
		 * sent): with real losses seen here, that reading is at least as good. */
		if (real_losses(fa) >= 3)
		{
			v->confidence = RP_CONF_LOW;
			v->runner_up = RP_CAUSE_PACKET_LOSS;
			snprintf(v->unsure, sizeof(v->unsure),
			         "the path lost packets (%u retransmissions and out-of-order arrivals): the "
			         "server's own TCP may have given up and forgotten the connection",
			         real_losses(fa));
		}
		return true;
	}
	snprintf(why, n,
	         "%d attempt(s) reset by RST in phase %s, each within %.0f ms of its last progress, "
	         "no errorInfo",
	         ev->n_attempts, rp_phase_name(rp_evidence_furthest_attempt(ev)->furthest), worst);
	if (ev->recheck.x224 != RP_X224_ANSWERED)
	{
		/* Without a live server behind, a crashing service resets connections too. */
		v->runner_up = RP_CAUSE_SERVER_HUNG;
		snprintf(v->unsure, sizeof(v->unsure),
		         "a fresh connection was not answered (%s, %s): the server itself may be failing",
		         rp_recheck_tcp_name(ev->recheck.tcp), rp_recheck_x224_name(ev->recheck.x224));
	}
	return true;
}

static bool fresh_x224_ignored(const struct rp_evidence* ev);
static double best_rtt_ms(const struct rp_evidence* ev);

/* Retransmissions that repaired a loss: the server's DSACKs (RFC 2883, tcpi_dsack_dups) say
 * which were duplicates of segments it already had, sent because the timer fired before a
 * slow link delivered the original; those lost nothing. Plus packets that arrived out of order. */
static uint32_t real_losses(const struct rp_attempt* a)
{
	uint32_t r = a->tcp.retransmits > a->tcp.dsack_dups ? a->tcp.retransmits - a->tcp.dsack_dups : 0;
	return r + a->tcp.rcv_ooopack;
}

/* Losses the connection recovered from: retransmissions beyond the final run of unanswered
 * timeouts (tcpi_backoff), and packets that arrived out of order (one was lost, a later one
 * came). A path that merely went down has at most one: Linux's tail loss probe (RFC 8985 7)
 * retransmits once before the first timeout, outside the backoff count. */
static uint32_t recovered_losses(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	uint32_t backoff = a->tcp.backoff, retrans = a->tcp.retransmits, r;
	/* Nothing acknowledged since the last progress: every retransmission belongs to the final
	 * outage (the kernel clears tcpi_backoff when its own timer closes the connection, but
	 * tcpi_last_ack_recv stays). */
	if (a->tcp.last_ack_recv_ms && quiet_ms(a) >= 0 && a->tcp.last_ack_recv_ms + 200.0 >= quiet_ms(a))
		return a->tcp.rcv_ooopack;
	/* The liveness probe's snapshot of the last attempt, taken before the kernel's own timer
	 * could close it and clear the counters; retransmissions after it are the probe's. */
	if (a == &ev->attempts[ev->n_attempts - 1] && ev->liveness.result != RP_ALIVE_NOT_RUN)
	{
		backoff = ev->liveness.backoff > backoff ? ev->liveness.backoff : backoff;
		retrans = ev->liveness.retransmits;
	}
	r = retrans > backoff ? retrans - backoff : 0;
	return r + a->tcp.rcv_ooopack;
}

/* SYN retransmissions a connect time implies on a fast path: Linux's SYN timer is 1 s, then
 * doubles (the tries leave at 0, 1, 3, 7 s). */
static uint32_t syn_losses(double connect_ms)
{
	return connect_ms >= 6900 ? 3 : connect_ms >= 2900 ? 2 : connect_ms >= SYN_RTO_MS ? 1 : 0;
}

/* Packets the path lost over everything the client saw: the repairs on every attempt (their
 * counters include SYN retransmissions) and the fresh connection's SYN and X.224 request
 * retransmissions. Only on a fast path: on a slow one a long connect is its round trip. */
static uint32_t path_losses(const struct rp_evidence* ev)
{
	uint32_t n = 0;
	double rtt = best_rtt_ms(ev);
	if (rtt < 0 || rtt >= SLOW_PATH_US / 1000.0)
		return 0;
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].tcp.valid)
			n += real_losses(&ev->attempts[i]);
	if (ev->recheck.tcp == RP_RECHECK_CONNECTED)
		n += syn_losses(ev->recheck.tcp_ms);
	if (ev->recheck.x224_info)
		n += ev->recheck.x224_retrans;
	return n;
}

/* The recheck's SYN went unanswered, and the replay after it connected: packets pass again. */
static bool path_came_back(const struct rp_evidence* ev)
{
	return ev->recheck.tcp == RP_RECHECK_NO_ANSWER && ev->recheck.replay.run &&
	       ev->recheck.replay.furthest >= RP_PHASE_X224;
}

static bool stalled(const struct rp_evidence* ev, const struct rp_attempt* a);

/* The path passed nothing for seconds and then passes again: one unanswered run of
 * retransmissions (nothing recovered before it) of 2 s and more, with a fresh connection
 * answered after; or a stalled connection that answers a keepalive now while the data its
 * server sent during seconds never arrived. A link that went down and came back leaves this,
 * and so does a long burst of loss: both are named. */
static bool outage_then_recovery(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	if (!a || a->t_established_ms < 0 || !timed_out(ev, a) || !a->tcp.valid)
		return false;
	if (recovered_losses(ev, a) == 0 && real_losses(a) >= 3 && quiet_ms(a) >= 2000 &&
	    ev->recheck.tcp == RP_RECHECK_CONNECTED)
		return true;
	return stalled(ev, a) && ev->liveness.result == RP_ALIVE_ACKED && a->server_unseen > 0 &&
	       ev->liveness.idle_ms >= 2000;
}

/* A connection that made progress and then went silent until a timeout. */
static bool stalled(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	return a && a->t_established_ms >= 0 && timed_out(ev, a) && a->tcp.valid && received_data(a) &&
	       a->tcp.min_rtt_us < SLOW_PATH_US;
}

/* The stalled connection's own probe went unanswered (the keepalive FreeRDP sends after 5 s
 * of idle, or the probe's), while a fresh connection is answered: a middlebox forgot it, or the
 * link went down for those seconds and came back. Nothing the client sees tells a forgotten
 * mapping (its packets dropped for good) from an outage that ended: the server's kernel gives
 * up its unacknowledged data after its own user timeout, so no late retransmission shows the
 * path came back under the old connection either. */
static bool probe_went_unanswered(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	return ev->liveness.result == RP_ALIVE_SILENT || (a->tcp.valid && a->tcp.probes > 0);
}

static bool is_tunnel_drop(const struct rp_evidence* ev, char* why, size_t n,
                           struct rp_verdict* v)
{
	/* Or no connection ever came up: the SYN went unanswered, and so did echo requests to
	 * the server's address. A port filter would pass those (unless it filters ICMP too: then
	 * port-filtered is just as likely, and the two are named side by side). */
	if (never_established(ev) && ev->last_error == ERR_CONNECT_FAILED && ev->recheck.ping.run &&
	    !ev->recheck.ping.sock_errno && ev->recheck.ping.n_sent > 0 && ev->recheck.ping.n == 0)
	{
		snprintf(why, n, "the SYN went unanswered and so did %d echo requests to the server's "
		                 "address: nothing answers there, the path or the host is down",
		         ev->recheck.ping.n_sent);
		v->confidence = RP_CONF_MEDIUM;
		return true;
	}
	/* The handshake stalled, and afterwards not even a SYN to the server gets an answer:
	 * the path itself is down. */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);

	if (stalled(ev, a) && probe_went_unanswered(ev, a) && ev->recheck.x224 == RP_X224_ANSWERED &&
	    real_losses(a) < 3 && !was_reset(a))
	{
		snprintf(why, n, "the handshake went quiet in phase %s, the stalled connection's own "
		                 "probe went unanswered, and a fresh connection is answered now: a link "
		                 "that went down for those seconds and came back",
		         rp_phase_name(a->furthest));
		v->confidence = RP_CONF_MEDIUM;
		return true;
	}
	if (outage_then_recovery(ev, a))
	{
		/* Losses outside that one outage (the other attempts, the fresh connection's SYN, the
		 * ones this connection recovered from) make the path lossy, not merely down once. */
		uint32_t elsewhere = path_losses(ev) - real_losses(a) + recovered_losses(ev, a);
		snprintf(why, n, "in phase %s the path passed nothing for %.1f s (%s), and passes again "
		                 "now: a link that went down and came back",
		         rp_phase_name(a->furthest), quiet_ms(a) / 1000.0,
		         a->server_unseen > 0 && ev->liveness.result == RP_ALIVE_ACKED
		             ? "the server's data never arrived"
		             : "one unanswered run of retransmissions");
		v->confidence = elsewhere >= 2 ? RP_CONF_LOW : RP_CONF_MEDIUM;
		return true;
	}
	if (!stalled(ev, a) || ev->recheck.tcp != RP_RECHECK_NO_ANSWER)
		return false;
	/* The replay, seconds later, got through again: the path went silent and came back, a
	 * short outage or a burst of loss alike (packet-loss names the other reading). */
	if (path_came_back(ev))
	{
		snprintf(why, n, "the handshake stalled in phase %s, a fresh SYN got no answer in %.0f "
		                 "ms, and a replay after it got through to %s: the path went down and "
		                 "came back",
		         rp_phase_name(a->furthest), ev->recheck.tcp_ms,
		         rp_phase_name(ev->recheck.replay.furthest));
		v->confidence = RP_CONF_MEDIUM;
		return true;
	}
	/* A link that went down while the client was sending leaves retransmissions too, but
	 * only in the final run of timeouts (tcpi_backoff counts it): retransmissions beyond it, or
	 * packets that arrived out of order, were losses the path recovered from before the end.
	 * Then loss that took a fresh SYN as well is the likelier story; a bare storm leaves both. */
	if (recovered_losses(ev, a) >= 2)
		v->confidence = RP_CONF_LOW;
	else if (real_losses(a) >= 3)
		v->confidence = RP_CONF_MEDIUM;
	snprintf(why, n, "the handshake stalled in phase %s, and a fresh connection's SYN got no "
	                 "answer in %.0f ms: the path is down",
	         rp_phase_name(a->furthest), ev->recheck.tcp_ms);
	return true;
}



static bool hung_core(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	/* The server's TCP stack answers, its RDP service does not: a fresh connection is
	 * accepted but its X.224 request goes unanswered. */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);

	if (!a || a->t_established_ms < 0 || !timed_out(ev, a) ||
	    ev->recheck.tcp != RP_RECHECK_CONNECTED)
		return false;
	if (ev->recheck.x224 == RP_X224_SILENT && x224_waited_enough(ev) && fresh_request_clean(ev))
	{
		snprintf(why, n, "stalled in phase %s; a fresh connection is accepted but its X.224 "
		                 "request gets no answer in %.0f ms",
		         rp_phase_name(a->furthest), ev->recheck.x224_ms);
		return true;
	}
	/* The stalled connection itself is alive end to end (its keepalive or retransmission is
	 * acknowledged by the server's kernel) while the service sends nothing: hung, or too slow
	 * for the client's patience, at this phase. */
	/* An idle path answers the probe in about its round trip; an answer that waited in a
	 * queue (a narrow link still carrying the server's data) is no silent service. */
	if (stalled(ev, a) && ev->liveness.result == RP_ALIVE_ACKED &&
	    ev->liveness.idle_ms >= SILENT_SERVICE_MS &&
	    ev->liveness.ms <= 3.0 * (a->tcp.min_rtt_us / 1000.0) + 50.0)
	{
		snprintf(why, n, "stalled in phase %s for %.1f s; the server's TCP still acknowledges "
		                 "the connection (%s answered in %.0f ms) but the service sends nothing",
		         rp_phase_name(a->furthest), ev->liveness.idle_ms / 1000.0,
		         ev->liveness.keepalive ? "a keepalive" : "a retransmission", ev->liveness.ms);
		return true;
	}
	/* It answers X.224 and then stalls in TLS even with small segments: not the path. */
	if (ev->recheck.x224 == RP_X224_ANSWERED && ev->recheck.tls == RP_RECHECK_TLS_SILENT &&
	    ev->recheck.tls_small_mss == RP_RECHECK_TLS_SILENT)
	{
		snprintf(why, n, "stalled in phase %s; a fresh connection gets the X.224 answer but no "
		                 "TLS handshake in %.0f ms, even asking for 536-byte segments",
		         rp_phase_name(a->furthest), ev->recheck.tls_ms);
		return true;
	}
	return false;
}

/* The hang, and what the replay says of it: stalls again at the same phase (the service is
 * stuck there), or goes past it now (the stall was this connection's, a transient one). */
static bool is_server_hung(const struct rp_evidence* ev, char* why, size_t n,
                           struct rp_verdict* v)
{
	const struct rp_replay* rr = &ev->recheck.replay;
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	size_t len;

	if (!hung_core(ev, why, n, v))
		return false;
	len = strlen(why);
	if (rr->run && rr->furthest == a->furthest && rr->end == RP_END_DEADLINE)
		snprintf(why + len, n - len, "; a fresh FreeRDP connection stalled in %s again",
		         rp_phase_name(rr->furthest));
	else if (rr->run && (rr->active || rr->furthest > a->furthest))
		snprintf(why + len, n - len, "; a fresh FreeRDP connection now gets to %s: a transient "
		                             "stall",
		         rp_phase_name(rr->furthest));
	return true;
}

static bool is_nat_idle_timeout(const struct rp_evidence* ev, char* why, size_t n,
                                struct rp_verdict* v)
{
	/* The connection went quiet in the middle of the handshake and never came back, yet a
	 * fresh connection is answered at once: path and server are fine, this connection was
	 * forgotten on the way (a NAT or firewall idle timeout). */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	double last = -1;

	/* Or the middlebox answers the next packet of the forgotten connection with a reset: the
	 * attempt was reset after a quiet spell, and a fresh connection is answered. */
	if (a && was_reset(a) && quiet_ms(a) > FLAGGED_RESET_MS && !ev->error_info &&
	    ev->recheck.x224 == RP_X224_ANSWERED)
	{
		snprintf(why, n, "the connection was reset in phase %s after %.1f s of quiet, while a "
		                 "fresh connection is answered in %.0f ms: an idle timer forgot it",
		         rp_phase_name(a->furthest), quiet_ms(a) / 1000.0, ev->recheck.x224_ms);
		/* A reset sent to the server alone looks the same, unless the RST's TTL says a device
		 * on the path sent it, not the server's host. */
		v->confidence = rst_origin(ev, a) == RST_PATH ? RP_CONF_MEDIUM : RP_CONF_LOW;
		if (rst_origin(ev, a) == RST_PATH)
		{
			size_t len = strlen(why);
			snprintf(why + len, n - len, "; the RST came with TTL %u against the server's %u: "
			                             "sent on the path",
			         a->ttl_rst, a->ttl_synack);
		}
		return true;
	}
	if (!stalled(ev, a) || ev->recheck.x224 != RP_X224_ANSWERED ||
	    ev->recheck.tls == RP_RECHECK_TLS_SILENT || real_losses(a) >= 3)
		return false;
	for (int i = 0; i < a->n_events; i++)
		if (a->events[i].t_ms > last)
			last = a->events[i].t_ms;
	snprintf(why, n, "the handshake went quiet in phase %s for %.1f s until the timeout, while a "
	                 "fresh connection is answered in %.0f ms",
	         rp_phase_name(a->furthest), (a->t_end_ms - last) / 1000.0, ev->recheck.x224_ms);
	v->runner_up = RP_CAUSE_SERVER_HUNG;
	snprintf(v->unsure, sizeof(v->unsure),
	         "a server that hangs one session but still answers new ones looks the same from "
	         "here; the server's own log, or a capture on both sides of the middlebox, settles it");
	return true;
}


static bool is_dns_failure(const struct rp_evidence* ev, char* why, size_t n,
                           struct rp_verdict* v)
{
	bool established = false;

	if (ev->last_error == ERR_DNS_ERROR || ev->last_error == ERR_DNS_NOT_FOUND ||
	    (ev->is_name && ev->gai_error))
	{
		snprintf(why, n, "the server's name did not resolve (%s)",
		         ev->is_name && ev->gai_error ? ev->resolved : ev->last_error_name);
		return true;
	}
	/* Stale DNS: the name resolved, and nothing at that address ever answered. */
	for (int i = 0; i < ev->n_attempts; i++)
		established |= ev->attempts[i].t_established_ms >= 0;
	if (!ev->is_name || established || ev->n_attempts == 0 || ev->error_info)
		return false;
	snprintf(why, n, "the name resolved to %s, where nothing answered (errno %d)", ev->resolved,
	         ev->attempts[0].sock_errno);
	v->runner_up = RP_CAUSE_PORT_FILTERED;
	snprintf(v->unsure, sizeof(v->unsure),
	         "if %s is the server's right address, a firewall dropping the SYN looks the same",
	         ev->resolved);
	return true;
}

static bool is_security_mismatch(const struct rp_evidence* ev, char* why, size_t n,
                                 struct rp_verdict* v)
{
	/* The X.224 negotiation (MS-RDPBCGR 2.2.1.2) found no security protocol both accept. */
	if (ev->last_error != ERR_NEGO_FAILED)
		return false;
	snprintf(why, n, "the security negotiation failed (%s) in phase %s: client and server accept "
	                 "no common protocol (RDP, TLS, NLA)",
	         ev->last_error_name, rp_phase_name(rp_evidence_furthest(ev)));
	return true;
}

static bool is_certificate_rejected(const struct rp_evidence* ev, char* why, size_t n,
                                    struct rp_verdict* v)
{
	if (!ev->cert_rejected)
		return false;
	if (ev->cert_problem[0])
		snprintf(why, n, "the client's own check refused the server's certificate: %s (%s)",
		         ev->cert_problem, ev->last_error_name[0] ? ev->last_error_name : "no error code");
	else
		snprintf(why, n, "the client's own check refused the server's certificate (%s)",
		         ev->last_error_name[0] ? ev->last_error_name : "no error code");
	return true;
}

static bool is_licensing_failure(const struct rp_evidence* ev, char* why, size_t n,
                                 struct rp_verdict* v)
{
	if (refused_at_licensing(ev, why, n, v, "a licensing error"))
		return true;
	if (rp_errinfo_class(ev->error_info) != RP_EI_LICENSING)
		return false;
	snprintf(why, n, "the server sent a licensing errorInfo 0x%X (%s)", ev->error_info,
	         ev->error_info_name[0] ? ev->error_info_name : "ERRINFO_LICENSE_*");
	return true;
}

static bool is_server_overloaded(const struct rp_evidence* ev, char* why, size_t n,
                                 struct rp_verdict* v)
{
	/* TCP is accepted and closed at once, before any X.224 answer: a server shedding
	 * connections (MaxOutstandingConnections). Its close may reach the client as a FIN or, if
	 * the client's request was already on its way, as an RST; what tells it from a middlebox
	 * is the recheck: the server hangs up on a fresh connection that has said nothing. */
	bool closed_idle = ev->recheck.x224 == RP_X224_CLOSED_AT_ONCE;
	if (ev->n_attempts == 0 || ev->watchdog_fired || ev->error_info)
		return false;
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		double ms = attempt_ms(a);
		if (a->t_established_ms < 0 || !a->tcp.valid || received_data(a) ||
		    (a->sock_errno == ERRNO_ECONNRESET && !closed_idle) || ms < 0 || ms > 1000)
			return false;
	}
	snprintf(why, n, "TCP accepted and closed within 1 s before any X.224 answer, %d attempt(s)%s",
	         ev->n_attempts,
	         closed_idle ? "; the server hangs up on a fresh connection before it says anything"
	                     : (ev->recheck.x224 == RP_X224_CLOSED ? "; a fresh connection is closed the "
	                                                             "same way"
	                                                           : ""));
	if (ev->recheck.x224 == RP_X224_ANSWERED)
	{
		v->runner_up = RP_CAUSE_FIREWALL_RESET;
		snprintf(v->unsure, sizeof(v->unsure),
		         "a fresh connection is answered: the overload passed, or something on the "
		         "path closes connections");
	}
	return true;
}

/* The attempt's only RTT sample is its handshake's, and that handshake took a SYN
 * retransmission's time or more. Linux takes that sample from the timestamp the SYN-ACK
 * echoes (RFC 7323 4.1; Karn's rule does not apply to it), which is the first SYN's that
 * arrived: when SYN-ACKs were lost, the sample spans the losses, not the path (measured: Gilbert-
 * Elliott loss on a 0.1 ms path gave one sample of 11.3 s). One sample: Linux's estimator
 * starts rttvar at half the first sample (RFC 6298 2.2), and the best equals the smoothed. */
static bool one_late_rtt_sample(const struct rp_attempt* a)
{
	return a->tcp.valid && a->t_established_ms >= 0 && a->tcp.min_rtt_us >= SLOW_PATH_US &&
	       a->tcp.rtt_us == a->tcp.min_rtt_us && a->tcp.rttvar_us == a->tcp.rtt_us / 2 &&
	       a->t_established_ms - a->t_start_ms >= SYN_RTO_MS;
}

/* Data was outstanding at the end and nothing was acknowledged for more than two of the
 * attempt's round trips: on a path that is only slow the ACK comes one round trip after the
 * segment; this long without one, the segment or its ACK was lost. */
static bool acks_overdue(const struct rp_attempt* a)
{
	return a->tcp.valid && a->tcp.unacked > 0 &&
	       a->tcp.last_ack_recv_ms > 2.0 * a->tcp.min_rtt_us / 1000.0 + SYN_RTO_MS / 5.0;
}

static bool is_high_latency(const struct rp_evidence* ev, char* why, size_t n,
                            struct rp_verdict* v)
{
	/* The best RTT sample is the path's own latency (RFC 6298 samples; Linux's min_rtt):
	 * a handshake that timed out on a path this slow timed out because of it. */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);

	if (!a || a->t_established_ms < 0 || !timed_out(ev, a) || !a->tcp.valid ||
	    a->tcp.min_rtt_us < SLOW_PATH_US)
		return false;
	snprintf(why, n, "timed out in phase %s on a path whose best RTT was %.0f ms (retransmits %u)",
	         rp_phase_name(a->furthest), a->tcp.min_rtt_us / 1000.0, a->tcp.retransmits);
	if (one_late_rtt_sample(a) && acks_overdue(a))
	{
		/* That RTT is one sample across a handshake that was retransmitted, and the data
		 * after it went unacknowledged for over two of those round trips: loss explains both. */
		v->confidence = RP_CONF_MEDIUM;
		v->runner_up = RP_CAUSE_PACKET_LOSS;
		snprintf(v->unsure, sizeof(v->unsure),
		         "that RTT is the handshake's one sample (%.1f s to connect), and nothing was "
		         "acknowledged for %.1f s after it: lost SYN-ACKs and data give the same",
		         (a->t_established_ms - a->t_start_ms) / 1000.0, a->tcp.last_ack_recv_ms / 1000.0);
	}
	return true;
}

/* A link this slow makes a handshake of a few kilobytes take seconds: 64 kbit/s carries
 * FreeRDP's whole connection sequence in about 1.5 s, 256 kbit/s in well under one. */
#define NARROW_KBIT 256.0
/* Serialization spaces a train's replies evenly; jitter or loss do not. */
#define EVEN_SPREAD 1.5

static bool is_low_bandwidth(const struct rp_evidence* ev, char* why, size_t n,
                             struct rp_verdict* v)
{
	/* The handshake timed out on a path whose small packets are quick, with data flowing,
	 * and a train of full-size echo requests came back one at a time, evenly, at a pace of
	 * kilobits: each packet waits for the link to send the one before it (serialization,
	 * what a narrow link is). Loss leaves replies out; it does not space them. */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	double kbit, spread;

	if (!a || a->t_established_ms < 0 || !timed_out(ev, a) || !a->tcp.valid ||
	    a->tcp.min_rtt_us >= SLOW_PATH_US || !received_data(a) ||
	    !rp_bw_estimate(&ev->recheck.bw, &kbit, &spread) || kbit >= NARROW_KBIT ||
	    spread > EVEN_SPREAD)
		return false;
	snprintf(why, n,
	         "timed out in phase %s; %d echo requests of %d bytes sent at once came back %.0f ms "
	         "apart, evenly (within %.2fx): the link carries %.1f kbit/s (the best RTT of a small "
	         "packet was %.2f ms, retransmissions %u)",
	         rp_phase_name(a->furthest), ev->recheck.bw.n_sent, ev->recheck.bw.size,
	         ev->recheck.bw.size * 8.0 / kbit, spread, kbit, a->tcp.min_rtt_us / 1000.0,
	         a->tcp.retransmits);
	return true;
}

/* Loss, and a narrow link? It makes ACKs wait behind data and the client retransmit early:
 * from TCP's counters over a few kilobytes, the two look alike. The echo train tells them
 * apart when its replies came back (is_low_bandwidth, which runs first, found no pace):
 * then narrow is ruled out, and the reason says so; otherwise it is the runner-up. */
static void narrow_or_not(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	if (ev->recheck.bw.n >= 2)
	{
		size_t len = strlen(why);
		snprintf(why + len, n - len, "; %d of %d echo requests came back, not spaced by a narrow "
		                             "link",
		         ev->recheck.bw.n, ev->recheck.bw.n_sent);
		return;
	}
	v->runner_up = RP_CAUSE_LOW_BANDWIDTH;
	snprintf(v->unsure, sizeof(v->unsure),
	         "too little bandwidth gives the same counters over a handshake of a few kB; the echo "
	         "train that tells them apart %s",
	         ev->recheck.bw.run ? "came back with too few replies" : "did not run");
}

/* Linux's first SYN retransmission comes after TCP_TIMEOUT_INIT, 1 s (RFC 6298 2.1): a fresh
 * connection that took this long on a path whose best RTT is milliseconds lost its SYN or its
 * SYN-ACK. That is loss on the path itself: a hung or slow server's kernel answers a SYN at once,
 * an MTU black hole passes small segments, a dropped tunnel answers nothing at all. */
static bool fresh_syn_retransmitted(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	return ev->recheck.tcp == RP_RECHECK_CONNECTED && ev->recheck.tcp_ms >= SYN_RTO_MS &&
	       a->tcp.min_rtt_us < SLOW_PATH_US;
}

static bool is_packet_loss(const struct rp_evidence* ev, char* why, size_t n,
                           struct rp_verdict* v)
{
	/* Data flowed both ways on a fast path, then the handshake timed out amid retransmissions. */
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);

	/* Or the server's own TCP gave up under the loss: its retransmissions went unanswered long
	 * enough (tcp_retries2, a user timeout) and it forgot the connection without a word (no RST
	 * is sent then); the client's next packet, after a quiet spell, met its host's reset. A
	 * reset that a middlebox sent to the server alone looks the same at the client, but needs
	 * no loss: it is named beside. Measured: a FreeRDP server at 35-40 % loss each way logged
	 * "BIO_read returned a system error 110" and the client saw exactly this (docs/sweeps.md). */
	if (a && a->t_established_ms >= 0 && a->tcp.valid && a->tcp.min_rtt_us < SLOW_PATH_US &&
	    !ev->error_info && was_reset(a) && quiet_ms(a) > FLAGGED_RESET_MS &&
	    rst_origin(ev, a) == RST_SERVER_DISTANCE && real_losses(a) >= 3 &&
	    ev->recheck.x224 == RP_X224_ANSWERED)
	{
		snprintf(why, n,
		         "reset in phase %s after %.1f s of quiet from the server's side, on a path that "
		         "lost packets (%u retransmissions and out-of-order arrivals, best RTT %.2f ms), and "
		         "a fresh connection is answered: the server's TCP gave up retransmitting and "
		         "forgot the connection",
		         rp_phase_name(a->furthest), quiet_ms(a) / 1000.0, real_losses(a),
		         a->tcp.min_rtt_us / 1000.0);
		v->runner_up = RP_CAUSE_FIREWALL_RESET;
		snprintf(v->unsure, sizeof(v->unsure),
		         "a reset that a middlebox sent to the server alone surfaces the same way");
		return true;
	}
	/* Or the server gave up first (xrdp's own handshake timeout, seconds in): it closed while
	 * the client was still retransmitting (the client's late retransmission then draws the
	 * server's RST: CLOSE, but no ECONNRESET on a read), and a fresh connection is answered. */
	if (a && a->t_established_ms >= 0 && a->tcp.valid && a->tcp.min_rtt_us < SLOW_PATH_US &&
	    (ev->last_error == ERR_TLS_FAILED || ev->last_error == ERR_TRANSPORT_FAILED) &&
	    !timed_out(ev, a) && a->sock_errno != ERRNO_ECONNRESET && attempt_ms(a) >= 2000 &&
	    real_losses(a) >= 3 &&
	    (ev->recheck.x224 == RP_X224_ANSWERED || fresh_syn_retransmitted(ev, a)))
	{
		char fresh[128];
		if (ev->recheck.x224 == RP_X224_ANSWERED)
			snprintf(fresh, sizeof(fresh), "a fresh connection is answered");
		else
			snprintf(fresh, sizeof(fresh),
			         "a fresh connection took %.0f ms to connect (its SYN was retransmitted)",
			         ev->recheck.tcp_ms);
		snprintf(why, n,
		         "the server closed in phase %s while the client was retransmitting (%u "
		         "retransmissions, %llu bytes of its data acknowledged), on a path whose best RTT "
		         "was %.2f ms; %s",
		         rp_phase_name(a->furthest), a->tcp.retransmits,
		         (unsigned long long)a->tcp.bytes_acked, a->tcp.min_rtt_us / 1000.0, fresh);
		narrow_or_not(ev, why, n, v);
		return true;
	}
	/* Or the server gave up seconds in, and its close came through, yet a fresh SYN right
	 * after got no answer: the path lets packets through and then none, loss in bursts. */
	if (a && a->t_established_ms >= 0 && a->tcp.valid && a->tcp.min_rtt_us < SLOW_PATH_US &&
	    (ev->last_error == ERR_TLS_FAILED || ev->last_error == ERR_TRANSPORT_FAILED) &&
	    !timed_out(ev, a) && close_came_through(a) && a->sock_errno != ERRNO_ECONNRESET &&
	    attempt_ms(a) >= 2000 && ev->recheck.tcp == RP_RECHECK_NO_ANSWER)
	{
		snprintf(why, n,
		         "the server closed in phase %s after %.1f s with %llu bytes come back, and a "
		         "fresh connection's SYN right after got no answer in %.0f ms: packets pass, "
		         "then none do (loss in bursts)",
		         rp_phase_name(a->furthest), attempt_ms(a) / 1000.0,
		         (unsigned long long)a->tcp.bytes_received, ev->recheck.tcp_ms);
		v->runner_up = RP_CAUSE_TUNNEL_DROP;
		snprintf(v->unsure, sizeof(v->unsure),
		         "a link that went down just after the server's close looks the same");
		return true;
	}
	/* Or the path went silent (a stall, then a fresh SYN unanswered) and came back for the
	 * replay: loss in bursts fits as well as a short outage. */
	if (stalled(ev, a) && path_came_back(ev) && ev->liveness.result != RP_ALIVE_ACKED)
	{
		snprintf(why, n, "stalled in phase %s, a fresh SYN unanswered, then a replay got through "
		                 "to %s: the path passed nothing for seconds and then passed again (a "
		                 "burst of loss)",
		         rp_phase_name(a->furthest), rp_phase_name(ev->recheck.replay.furthest));
		return true;
	}
	/* Or the stalled connection still passes small packets (its keepalive was answered), but
	 * the server's last ACK is ahead of everything that arrived: the server is sending, and
	 * its data is lost on the way. */
	if (stalled(ev, a) && a->server_unseen > 0 && ev->liveness.result == RP_ALIVE_ACKED)
	{
		snprintf(why, n, "stalled in phase %s; the stalled connection answers a keepalive, but the "
		                 "server's ACK is %lld bytes ahead of what arrived: it sent data the path "
		                 "lost",
		         rp_phase_name(a->furthest), (long long)a->server_unseen);
		narrow_or_not(ev, why, n, v);
		return true;
	}
	/* Or the stalled attempt itself lost little, but the path shows loss all over: earlier
	 * attempts' repairs, SYNs that needed retransmitting. */
	if (a && a->t_established_ms >= 0 && timed_out(ev, a) &&
	    (real_losses(a) < 3 || !received_data(a)) && path_losses(ev) >= 3)
	{
		snprintf(why, n, "timed out in phase %s on a fast path (best RTT %.2f ms) that lost %u "
		                 "packets over the attempts and the fresh connection (repairs, SYN "
		                 "retransmissions)",
		         rp_phase_name(a->furthest), best_rtt_ms(ev), path_losses(ev));
		narrow_or_not(ev, why, n, v);
		return true;
	}
	/* Or the path only looks slow: its one RTT sample spans a retransmitted handshake, and
	 * what was sent after it went unacknowledged for over two of those round trips. A slow
	 * path is as consistent with the sample, and is named beside (high-latency names this). */
	if (a && timed_out(ev, a) && one_late_rtt_sample(a) && acks_overdue(a) &&
	    a->tcp.retransmits >= 1)
	{
		snprintf(why, n, "timed out in phase %s; the connection's one RTT sample (%.1f s) spans a "
		                 "handshake that took %.1f s, and %u segments then went unacknowledged "
		                 "for %.1f s (%u retransmissions): SYN-ACKs and data were lost",
		         rp_phase_name(a->furthest), a->tcp.min_rtt_us / 1e6,
		         (a->t_established_ms - a->t_start_ms) / 1000.0, a->tcp.unacked,
		         a->tcp.last_ack_recv_ms / 1000.0, a->tcp.retransmits);
		return true;
	}
	if (!a || a->t_established_ms < 0 || !timed_out(ev, a) || !a->tcp.valid ||
	    a->tcp.min_rtt_us >= SLOW_PATH_US || !received_data(a) || real_losses(a) < 3)
		return false;
	snprintf(why, n,
	         "timed out in phase %s after %u retransmissions and %u out-of-order arrivals, on a "
	         "path whose best RTT was %.2f ms",
	         rp_phase_name(a->furthest), a->tcp.retransmits, a->tcp.rcv_ooopack,
	         a->tcp.min_rtt_us / 1000.0);
	if (ev->recheck.tcp == RP_RECHECK_NO_ANSWER)
	{
		/* Retransmissions, then not even a SYN passes: the link may have gone down. */
		v->runner_up = RP_CAUSE_TUNNEL_DROP;
		snprintf(v->unsure, sizeof(v->unsure),
		         "a fresh connection's SYN got no answer either: a link that went down while "
		         "the client was sending looks the same");
		return true;
	}
	narrow_or_not(ev, why, n, v);
	return true;
}

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

static bool c_errinfo(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!ev->error_info)
		return false;
	snprintf(why, n, "the server sent errorInfo 0x%X: it was reachable and said why",
	         ev->error_info);
	return true;
}

static bool c_active_held(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!rp_evidence_active(ev) || ev->last_error || ev->error_info)
		return false;
	snprintf(why, n, "the session reached active and held without an error");
	return true;
}

static bool c_not_active(const struct rp_evidence* ev, char* why, size_t n)
{
	if (rp_evidence_active(ev) && !ev->last_error && !ev->error_info)
		return false;
	if (!rp_evidence_active(ev))
		snprintf(why, n, "the session never reached active (furthest %s)",
		         rp_phase_name(rp_evidence_furthest(ev)));
	else
		snprintf(why, n, "an error ended it (last error 0x%08X, errorInfo 0x%X)", ev->last_error,
		         ev->error_info);
	return true;
}

static bool c_never_established(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!never_established(ev))
		return false;
	snprintf(why, n, "TCP never came up in %d attempt(s)", ev->n_attempts);
	return true;
}

static bool c_established(const struct rp_evidence* ev, char* why, size_t n)
{
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].t_established_ms >= 0)
		{
			snprintf(why, n, "TCP came up (attempt %d)", i + 1);
			return true;
		}
	return false;
}

/* The best round trip the client measured: every RTT sample, and a fresh connection's
 * handshake, is an upper bound on the path's own latency. -1 when there is none. */
static double best_rtt_ms(const struct rp_evidence* ev)
{
	double best = -1;
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		if (a->tcp.valid && a->tcp.min_rtt_us && (best < 0 || a->tcp.min_rtt_us / 1000.0 < best))
			best = a->tcp.min_rtt_us / 1000.0;
	}
	if (ev->recheck.tcp == RP_RECHECK_CONNECTED && ev->recheck.tcp_ms >= 0 &&
	    (best < 0 || ev->recheck.tcp_ms < best))
		best = ev->recheck.tcp_ms;
	/* The recheck's X.224 exchange, after its 300 ms of silence (recheck.c): a round trip. */
	if (ev->recheck.x224 == RP_X224_ANSWERED && ev->recheck.x224_ms >= RECHECK_IDLE_MS)
	{
		double x = ev->recheck.x224_ms - RECHECK_IDLE_MS;
		if (best < 0 || x < best)
			best = x;
	}
	return best;
}

static bool c_fast_path(const struct rp_evidence* ev, char* why, size_t n)
{
	double rtt = best_rtt_ms(ev);
	if (rtt < 0 || rtt >= SLOW_PATH_US / 1000.0)
		return false;
	snprintf(why, n, "a round trip took %.2f ms: the path is fast", rtt);
	return true;
}


static bool c_hangs_up_unasked(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->recheck.x224 != RP_X224_CLOSED_AT_ONCE)
		return false;
	snprintf(why, n, "the server closes a fresh connection before the client has sent a byte: "
	                 "no filter had anything to flag");
	return true;
}

static bool c_pings_answered(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!ev->recheck.ping.run || ev->recheck.ping.n == 0)
		return false;
	snprintf(why, n, "%d of %d echo requests to the server's address were answered: the path and "
	                 "the host are up",
	         ev->recheck.ping.n, ev->recheck.ping.n_sent);
	return true;
}

static bool c_fresh_syn_unanswered(const struct rp_evidence* ev, char* why, size_t n)
{
	/* Not when the stalled connection itself answered at that moment: then the path was up
	 * and the SYN waited in a queue (a narrow link full of the stalled connection's bytes). */
	if (ev->recheck.tcp != RP_RECHECK_NO_ANSWER || ev->liveness.result == RP_ALIVE_ACKED)
		return false;
	snprintf(why, n, "a fresh connection's SYN got no answer in %.0f ms: not even small packets "
	                 "reach the server's kernel",
	         ev->recheck.tcp_ms);
	return true;
}

/* The recheck waited for its X.224 answer longer than this server took to answer the first
 * connection's (its X.224 phase until TLS began, 1.5 times over): a slower wait proves no
 * silence from a server that is merely slow (an emulated guest's took 2.9 s). */
static bool x224_waited_enough(const struct rp_evidence* ev)
{
	double took = rp_evidence_x224_answer_ms(ev);
	/* 0: a record that does not say how long it waited (older ones): as before. */
	return ev->recheck.x224_ms <= 0 || ev->recheck.x224_ms >= 1.5 * took;
}

/* The fresh connection's X.224 request was acknowledged by the server's kernel at the first
 * try (where recorded): none of it outstanding, none of it retransmitted. A request that had to
 * be sent again crossed a path that loses packets, and the answer crosses the same path. */
static bool fresh_request_clean(const struct rp_evidence* ev)
{
	return !ev->recheck.x224_info ||
	       (ev->recheck.x224_unacked == 0 && ev->recheck.x224_retrans == 0);
}

/* The fresh connection lost nothing of its own: its SYN answered before the first SYN
 * retransmission would have gone, its X.224 request acknowledged at the first try. Only then
 * does one try's silence or one try's success say something about the server or the packets'
 * size rather than about chance (at 40 % loss a single try fails more often than not). */
static bool fresh_connection_clean(const struct rp_evidence* ev)
{
	return ev->recheck.tcp == RP_RECHECK_CONNECTED && ev->recheck.tcp_ms < SYN_RTO_MS &&
	       fresh_request_clean(ev);
}

/* A fresh connection's X.224 request went unanswered while the path showed no loss: the fresh
 * connection lost nothing itself, and the attempts before it repaired fewer than three losses.
 * A lossy path loses the answer too (measured: at 40 % loss, a recheck whose request was
 * retransmitted once and then acknowledged waited 2.3 s for an answer the server had sent). */
static bool fresh_x224_ignored(const struct rp_evidence* ev)
{
	return ev->recheck.x224 == RP_X224_SILENT && x224_waited_enough(ev) &&
	       fresh_connection_clean(ev) && path_losses(ev) < 3;
}

static bool c_fresh_x224_silent(const struct rp_evidence* ev, char* why, size_t n)
{
	/* Only on a fresh connection that showed no loss itself: its SYN answered before the
	 * first SYN retransmission would have gone (a lossy path can lose the X.224 answer too). */
	if (!fresh_x224_ignored(ev))
		return false;
	snprintf(why, n, "a fresh connection was accepted and its X.224 request went unanswered: the "
	                 "service is silent, not the path");
	return true;
}

static bool c_fresh_tls_arrived(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->recheck.tls != RP_RECHECK_TLS_DONE)
		return false;
	snprintf(why, n, "a fresh connection's TLS flight arrived in full (%llu bytes in %.0f ms): "
	                 "large segments pass",
	         (unsigned long long)ev->recheck.tls_bytes_in, ev->recheck.tls_ms);
	return true;
}

static bool c_replay_through_tls(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_replay* rr = &ev->recheck.replay;
	if (!rr->run || rr->furthest <= RP_PHASE_TLS)
		return false;
	snprintf(why, n, "a fresh FreeRDP connection went through TLS to %s: the server's full-size "
	                 "flight passes",
	         rp_phase_name(rr->furthest));
	return true;
}

static bool c_small_mss_no_help(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->recheck.tls_small_mss != RP_RECHECK_TLS_SILENT)
		return false;
	snprintf(why, n, "536-byte segments did not bring the TLS flight either: size is not the "
	                 "problem");
	return true;
}

static bool c_live_acked(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->liveness.result != RP_ALIVE_ACKED)
		return false;
	snprintf(why, n, "the stalled connection answered %s after %.0f ms silent: path and "
	                 "server's TCP both still hold it",
	         ev->liveness.keepalive ? "a keepalive" : "a retransmission", ev->liveness.idle_ms);
	return true;
}

/* For a drop for good: the stalled connection answers and nothing the server sent is
 * missing (an outage that ended leaves the server's data lost, its ACK ahead of it). */
static bool c_live_nothing_lost(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (ev->liveness.result != RP_ALIVE_ACKED || (a && a->server_unseen > 0))
		return false;
	snprintf(why, n, "the stalled connection answered %s and nothing the server sent is missing: "
	                 "the path never went down under it",
	         ev->liveness.keepalive ? "a keepalive" : "a retransmission");
	return true;
}

static bool c_live_dead(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->liveness.result != RP_ALIVE_SILENT && ev->liveness.result != RP_ALIVE_RESET)
		return false;
	snprintf(why, n, "the stalled connection's %s drew %s: a live server's kernel answers one",
	         ev->liveness.keepalive ? "keepalive" : "retransmission",
	         ev->liveness.result == RP_ALIVE_RESET ? "a reset" : "nothing");
	return true;
}

/* The attempt that told the story ended by the server's orderly close. */
static bool c_orderly_close(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || a->end != RP_END_FIN || a->sock_errno == ERRNO_ECONNRESET)
		return false;
	snprintf(why, n, "attempt %d ended by the server's orderly close (FIN), not a reset",
	         (int)(a - ev->attempts) + 1);
	return true;
}

static bool c_any_reset(const struct rp_evidence* ev, char* why, size_t n)
{
	for (int i = 0; i < ev->n_attempts; i++)
		if (was_reset(&ev->attempts[i]))
		{
			snprintf(why, n, "attempt %d was reset", i + 1);
			return true;
		}
	return false;
}

static bool c_reset_at_once(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || !was_reset(a) || quiet_ms(a) < 0 || quiet_ms(a) > FLAGGED_RESET_MS)
		return false;
	snprintf(why, n, "the reset came %.0f ms after the last progress: an idle timer needs the "
	                 "connection idle for at least a second",
	         quiet_ms(a));
	return true;
}

static bool c_rst_from_server_host(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || rst_origin(ev, a) != RST_SERVER_DISTANCE)
		return false;
	snprintf(why, n, "the RST came with the server's own TTL (%u, as its SYN-ACK): its host sent "
	                 "it, no device on the path answered for the connection",
	         a->ttl_rst);
	return true;
}

static bool c_rst_forged_after_idle(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || rst_origin(ev, a) != RST_PATH || quiet_ms(a) <= FLAGGED_RESET_MS)
		return false;
	snprintf(why, n, "a device on the path (RST TTL %u against the server's %u) reset it after "
	                 "%.1f s of quiet: an idle timer's reset, not a flagged packet's",
	         a->ttl_rst, a->ttl_synack, quiet_ms(a) / 1000.0);
	return true;
}

static bool c_rst_forged(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || rst_origin(ev, a) != RST_PATH)
		return false;
	snprintf(why, n, "the RST came with TTL %u against the server's %u: a device on the path "
	                 "sent it, not the server",
	         a->ttl_rst, a->ttl_synack);
	return true;
}

static bool c_server_sending(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || a->server_unseen <= 0)
		return false;
	snprintf(why, n, "the server's last ACK is %lld bytes ahead of what arrived: it was sending "
	                 "(its data lost, or still queued on the way)",
	         (long long)a->server_unseen);
	return true;
}

static bool c_before_licensing(const struct rp_evidence* ev, char* why, size_t n)
{
	/* The licensing exchange begins right after the Client Info (secure settings): a client
	 * that got that far may have met it. */
	if (ev->error_info || rp_evidence_furthest(ev) >= RP_PHASE_SECURE_SETTINGS || ev->n_attempts == 0)
		return false;
	snprintf(why, n, "the connection never sent its Client Info (furthest %s), where licensing "
	                 "begins, and no licensing errorInfo came",
	         rp_phase_name(rp_evidence_furthest(ev)));
	return true;
}

static bool c_before_tls(const struct rp_evidence* ev, char* why, size_t n)
{
	if (rp_evidence_furthest(ev) >= RP_PHASE_TLS || ev->recheck.tls != RP_RECHECK_TLS_NOT_RUN ||
	    ev->n_attempts == 0)
		return false;
	snprintf(why, n, "no TLS flight was ever due (furthest %s): a black hole bites the first "
	                 "full-size packets",
	         rp_phase_name(rp_evidence_furthest(ev)));
	return true;
}

static bool c_no_reset(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->n_attempts == 0)
		return false;
	for (int i = 0; i < ev->n_attempts; i++)
		if (was_reset(&ev->attempts[i]) || ev->attempts[i].end == RP_END_UNKNOWN)
			return false;
	snprintf(why, n, "no attempt was reset");
	return true;
}

static bool c_not_closed_at_once(const struct rp_evidence* ev, char* why, size_t n)
{
	for (int i = 0; i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		if (a->t_established_ms >= 0 && (a->end == RP_END_TIMEOUT || a->end == RP_END_DEADLINE))
		{
			snprintf(why, n, "attempt %d stayed open until a timer ended it: a server shedding "
			                 "connections closes them at once",
			         i + 1);
			return true;
		}
	}
	return false;
}

static bool c_path_lossy(const struct rp_evidence* ev, char* why, size_t n)
{
	uint32_t lost = path_losses(ev);
	if (lost < 3)
		return false;
	snprintf(why, n, "the path lost %u packets over the attempts and the fresh connection: a "
	                 "hung service behind a clean path loses none",
	         lost);
	return true;
}

static bool c_retrans_storm(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || !a->tcp.valid || real_losses(a) < 3)
		return false;
	snprintf(why, n, "%u retransmissions (%u of them needless, by DSACK) and %u out-of-order "
	                 "arrivals: packets were lost while it was busy",
	         a->tcp.retransmits, a->tcp.dsack_dups, a->tcp.rcv_ooopack);
	return true;
}

static bool c_server_data(const struct rp_evidence* ev, char* why, size_t n)
{
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].furthest > RP_PHASE_X224 ||
		    (ev->attempts[i].tcp.valid && ev->attempts[i].tcp.bytes_received > 20))
		{
			snprintf(why, n, "the server answered the X.224 request (attempt %d)", i + 1);
			return true;
		}
	return false;
}

static bool past(const struct rp_evidence* ev, enum rp_phase p, char* why, size_t n)
{
	if (rp_evidence_furthest(ev) <= p)
		return false;
	snprintf(why, n, "the connection got past %s (to %s)", rp_phase_name(p),
	         rp_phase_name(rp_evidence_furthest(ev)));
	return true;
}

static bool c_past_x224(const struct rp_evidence* ev, char* why, size_t n)
{
	return ev->last_error != ERR_NEGO_FAILED && past(ev, RP_PHASE_X224, why, n);
}

static bool c_past_tls(const struct rp_evidence* ev, char* why, size_t n)
{
	return past(ev, RP_PHASE_TLS, why, n);
}

static bool c_past_nla(const struct rp_evidence* ev, char* why, size_t n)
{
	return past(ev, RP_PHASE_NLA, why, n);
}

static bool c_past_licensing(const struct rp_evidence* ev, char* why, size_t n)
{
	/* A licensing errorInfo names the cause wherever it arrived (FreeRDP 3.10's client reads
	 * it only once data PDUs flow); without one, getting past licensing rules it out. */
	if (rp_errinfo_class(ev->error_info) == RP_EI_LICENSING)
		return false;
	return past(ev, RP_PHASE_LICENSING, why, n);
}

static bool c_small_mss_helps(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->recheck.tls != RP_RECHECK_TLS_SILENT || ev->recheck.tls_small_mss != RP_RECHECK_TLS_DONE)
		return false;
	snprintf(why, n, "a fresh connection's TLS flight stayed away and came in 536-byte segments "
	                 "(%.0f ms): the service answers, large packets are lost",
	         ev->recheck.tls_small_mss_ms);
	return true;
}

/* For packet loss the same fact must also rule chance out: one full-size try that failed and
 * one small try that passed decide nothing on a path that loses packets of any size. Only when
 * the fresh connection's small packets all passed at the first try (measured: at 35-40 % loss
 * a recheck whose SYN took 1 s and whose X.224 answer 3.9 s saw exactly this pair). */
static bool c_small_mss_decides(const struct rp_evidence* ev, char* why, size_t n)
{
	size_t len;
	if (!fresh_connection_clean(ev) || ev->recheck.x224 != RP_X224_ANSWERED ||
	    !c_small_mss_helps(ev, why, n))
		return false;
	len = strlen(why);
	snprintf(why + len, n - len, ", on a fresh connection that lost none of its small packets");
	return true;
}

static bool c_dns_error(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->last_error != ERR_DNS_ERROR && ev->last_error != ERR_DNS_NOT_FOUND &&
	    !(ev->is_name && ev->gai_error))
		return false;
	snprintf(why, n, "the name did not resolve: there was no address to connect to");
	return true;
}

/* Facts that need the server's own words: it negotiated, presented a certificate, judged
 * the credentials, or sent an errorInfo. A path that never carried a connection gives none. */
static bool c_server_spoke(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->last_error != ERR_NEGO_FAILED && !ev->cert_rejected && !ev->error_info &&
	    ev->last_error != ERR_AUTH_FAILED && ev->last_error != ERR_LOGON_FAILURE)
		return false;
	snprintf(why, n, "the server answered: %s",
	         ev->last_error == ERR_NEGO_FAILED ? "it negotiated the security layer"
	         : ev->cert_rejected                ? "it presented a certificate"
	         : ev->error_info                   ? "it sent an errorInfo"
	                                            : "it judged the credentials");
	return true;
}

static bool c_address_given(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->is_name || ev->last_error == ERR_DNS_ERROR || ev->last_error == ERR_DNS_NOT_FOUND)
		return false;
	snprintf(why, n, "the client was given an address, no name to resolve");
	return true;
}

static bool c_errinfo_not_denial(const struct rp_evidence* ev, char* why, size_t n)
{
	if (rp_errinfo_class(ev->error_info) == RP_EI_DENIAL)
		return false;
	if (ev->error_info)
		snprintf(why, n, "the server's errorInfo is 0x%X, not a denial", ev->error_info);
	else if (ev->timers.known && ev->timers.errinfo_pdu &&
	         rp_evidence_furthest(ev) >= RP_PHASE_CAPABILITIES)
		/* Only where the client reads data PDUs: FreeRDP 3.10 cannot read one sent during
		 * licensing. */
		snprintf(why, n, "the client announced the errorInfo PDU and got none: a denial "
		                 "would have said so");
	else
		return false;
	return true;
}

static bool c_ended_by_timer(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = rp_evidence_furthest_attempt(ev);
	if (!a || ev->error_info || !timed_out(ev, a))
		return false;
	snprintf(why, n, "the attempt ended by a timer in phase %s: a refusal is the server's close",
	         rp_phase_name(a->furthest));
	return true;
}

static bool c_errinfo_not_license(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!ev->error_info || rp_errinfo_class(ev->error_info) == RP_EI_LICENSING)
		return false;
	snprintf(why, n, "the server's errorInfo is 0x%X, not a licensing code", ev->error_info);
	return true;
}

static bool c_cert_accepted(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->cert_rejected)
		return false;
	snprintf(why, n, "the client's certificate check did not refuse the certificate");
	return true;
}

static bool c_nego_ok(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->last_error == ERR_NEGO_FAILED)
		return false;
	snprintf(why, n, "no security negotiation failure was reported");
	return true;
}

static bool c_no_auth_failure(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->last_error == ERR_AUTH_FAILED || ev->last_error == ERR_LOGON_FAILURE)
		return false;
	snprintf(why, n, "no authentication or logon failure was reported");
	return true;
}

#define MAX_CLAUSES 10

/* ---- the session (after activation) ----
 *
 * Once a session was active, the connection-time signs mean other things (the handshake's
 * phases are over, the recheck's TLS flight is small), so causes in the session have their
 * own rows (scope session): what the session's own connection shows when it stopped being
 * answered, and what a fresh connection, a ping and a don't-fragment ping say after it. */

#define NAT_MIN_QUIET_MS 1000.0 /* an idle timer counts whole seconds (conntrack): a spell
                                 * shorter than 1 s cannot have fired one */
#define FROZEN_MS 2000u         /* no data for this long while the server's ACKs ran ahead */

/* The session's connection: the attempt that became active, the last of them. */
static const struct rp_attempt* session_attempt(const struct rp_evidence* ev)
{
	/* With auto-reconnect the session has several: the first that was active and did not
	 * end by the client's own close is the one that failed. */
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].furthest == RP_PHASE_ACTIVE && ev->attempts[i].end != RP_END_CLIENT &&
		    ev->attempts[i].end != RP_END_UNKNOWN && i < ev->n_attempts - 1)
			return &ev->attempts[i];
	for (int i = ev->n_attempts - 1; i >= 0; i--)
		if (ev->attempts[i].furthest == RP_PHASE_ACTIVE)
			return &ev->attempts[i];
	return NULL;
}

/* The session held while the server's data stopped arriving: its last pure ACK's sequence is
 * ahead of what came (it sent data that was lost on the way), and no data came for 2 s. */
static bool session_frozen(const struct rp_evidence* ev)
{
	const struct rp_attempt* a = session_attempt(ev);
	return a && a->server_unseen > 0 && a->tcp.valid && a->tcp.last_data_recv_ms >= FROZEN_MS;
}

/* Since when nothing was acknowledged (ms since the start), -1 if unknown. */
static double session_onset(const struct rp_attempt* a)
{
	if (!a->tcp.valid || a->t_end_ms < 0)
		return -1;
	return a->t_end_ms - a->tcp.last_ack_recv_ms;
}

/* The quiet spell (no PDU either way) in which the connection stopped being answered: one of
 * 1 s or more that began before the last acknowledgement and lasted past it. Its length, or 0. */
static double quiet_at_onset(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	double on = session_onset(a);
	const struct rp_session* ss = &ev->session;
	double best = 0;

	if (on < 0)
		return 0;
	for (int i = 0; i < ss->n_quiet; i++)
		if (ss->quiet_ms[i] >= NAT_MIN_QUIET_MS && ss->quiet_start_ms[i] <= on + 300 &&
		    ss->quiet_start_ms[i] + ss->quiet_ms[i] >= on - 300 && ss->quiet_ms[i] > best)
			best = ss->quiet_ms[i];
	return best;
}

/* The longest quiet spell before the connection stopped being answered. */
static double longest_quiet_before(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	double on = session_onset(a), best = 0;
	const struct rp_session* ss = &ev->session;
	for (int i = 0; i < ss->n_quiet; i++)
		if (ss->quiet_start_ms[i] <= on + 300 && ss->quiet_ms[i] > best)
			best = ss->quiet_ms[i];
	return best;
}

/* A session record: the session was active and then failed (cut, an error, frozen). */
static bool session_failed(const struct rp_evidence* ev)
{
	return rp_evidence_active(ev) && (ev->last_error || ev->error_info || ev->session.reconnects ||
	                                  rp_evidence_session_cut(ev) || session_frozen(ev));
}

/* The session's connection ended because nothing answered it any more: its kernel's timer
 * (keepalive, TCP_USER_TIMEOUT), the client's own timer, or it held while nothing came back
 * for 3 s with data outstanding. */
static bool session_unanswered(const struct rp_evidence* ev, const struct rp_attempt* a)
{
	if (a->end == RP_END_TIMEOUT || a->end == RP_END_DEADLINE)
		return a->sock_errno != ERRNO_ECONNRESET;
	return a->end == RP_END_CLIENT && a->tcp.valid && a->tcp.unacked > 0 &&
	       a->tcp.last_ack_recv_ms >= 3000;
}

/* Losses the session's connection repaired: retransmissions began and data still arrived
 * after them. */
static bool session_repaired(const struct rp_evidence* ev)
{
	const struct rp_session* ss = &ev->session;
	const struct rp_attempt* a = session_attempt(ev);
	/* Within the connection that failed: a reconnected one starts its counters again. */
	double until = a && a->t_end_ms >= 0 ? a->t_end_ms : 1e18;
	int last = 0;
	while (last < ss->n_samples && ss->samples[last].t_ms <= until)
		last++;
	for (int k = 1; k < last; k++)
		if (ss->samples[k].retransmits > ss->samples[k - 1].retransmits)
			for (int j = k + 1; j < last; j++)
				if (ss->samples[j].bytes_in > ss->samples[k].bytes_in)
					return true;
	return false;
}

static bool sizes_blackhole(const struct rp_evidence* ev)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	return z->run && !z->sock_errno && z->big_sent >= 4 && z->big_answered == 0 &&
	       z->small_answered * 4 >= z->small_sent * 3 && z->small_sent > 0;
}

/* The pings after it: some answered, some not, at either size: the path passes packets and
 * loses others (a train leaves within a millisecond: a link that comes back during it loses
 * the whole of it, not part). */
static bool pings_partly_lost(const struct rp_evidence* ev)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	int sent = z->big_sent + z->small_sent, got = z->big_answered + z->small_answered;
	if (!z->run || z->sock_errno || !sent || !got || got == sent)
		return false;
	/* Not the black hole's pattern: every small one back and no large one. */
	return !(z->big_answered == 0 && z->small_answered == z->small_sent);
}

static bool path_down_now(const struct rp_evidence* ev)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	return ev->recheck.tcp == RP_RECHECK_NO_ANSWER && z->run && !z->sock_errno && z->small_sent &&
	       z->small_answered == 0;
}

static double session_s(const struct rp_evidence* ev, double t_ms)
{
	return (t_ms - ev->session.t_active_ms) / 1000.0;
}

static bool is_s_tunnel_drop(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !session_failed(ev) || ev->error_info || !session_unanswered(ev, a))
		return false;
	if (path_down_now(ev))
		snprintf(why, n, "%.1f s into the session nothing answered its connection any more "
		                 "(ended by %s), and afterwards a fresh SYN and small pings go unanswered: "
		                 "the path is down", session_s(ev, session_onset(a)), rp_end_name(a->end));
	else
	{
		v->confidence = RP_CONF_MEDIUM;
		snprintf(why, n, "%.1f s into the session nothing answered its connection any more "
		                 "(ended by %s, no reset, no errorInfo); the path passes again afterwards%s",
		         session_s(ev, session_onset(a)), rp_end_name(a->end),
		         ev->session.reconnected ? " (auto-reconnect brought the session back)" : "");
	}
	return true;
}

static bool is_s_nat_idle_timeout(const struct rp_evidence* ev, char* why, size_t n,
                                  struct rp_verdict* v)
{
	const struct rp_attempt* a = session_attempt(ev);
	double q;
	if (!a || !session_failed(ev) || ev->error_info || (q = quiet_at_onset(ev, a)) <= 0)
		return false;
	if (was_reset(a) && rst_origin(ev, a) != RST_SERVER_DISTANCE)
	{
		snprintf(why, n, "after %.1f s with nothing sent either way, the first packet drew a "
		                 "reset from the path (TTL %u, the server's %u): a middlebox had forgotten "
		                 "the idle connection", q / 1000.0, a->ttl_rst, a->ttl_synack);
		v->confidence = RP_CONF_HIGH;
		return true;
	}
	if (!session_unanswered(ev, a))
		return false;
	snprintf(why, n, "the connection stopped being answered after %.1f s with nothing sent "
	                 "either way (an idle timer can fire in such a spell), and a fresh connection "
	                 "works", q / 1000.0);
	return true;
}

static bool is_s_firewall_reset(const struct rp_evidence* ev, char* why, size_t n,
                                struct rp_verdict* v)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !session_failed(ev) || ev->error_info || !was_reset(a))
		return false;
	snprintf(why, n, "%.1f s into the session a reset ended it%s, with no errorInfo",
	         session_s(ev, a->t_end_ms),
	         rst_origin(ev, a) == RST_PATH ? " (its TTL not the server's: sent on the path)" : "");
	return true;
}

static bool is_s_mtu_blackhole(const struct rp_evidence* ev, char* why, size_t n,
                               struct rp_verdict* v)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !session_failed(ev) || ev->error_info || a->server_unseen <= 0 ||
	    !sizes_blackhole(ev))
		return false;
	snprintf(why, n, "the session's screen data stopped: the server's ACKs ran %lld bytes ahead "
	                 "of what arrived, no data for %.1f s, while its small packets came; "
	                 "don't-fragment pings of %d bytes go unanswered (%d of %d at 576 answered)",
	         (long long)a->server_unseen, a->tcp.last_data_recv_ms / 1000.0, ev->recheck.sizes.big,
	         ev->recheck.sizes.small_answered, ev->recheck.sizes.small_sent);
	return true;
}

static bool is_s_packet_loss(const struct rp_evidence* ev, char* why, size_t n,
                             struct rp_verdict* v)
{
	const struct rp_attempt* a = session_attempt(ev);
	const struct rp_size_probe* z = &ev->recheck.sizes;
	/* Under loss the server's side may give up first and reset: its own host's RST. */
	if (!a || !session_failed(ev) || ev->error_info ||
	    (was_reset(a) && rst_origin(ev, a) != RST_SERVER_DISTANCE))
		return false;
	if (session_repaired(ev) && real_losses(a) >= 5)
		snprintf(why, n, "the session's connection lost packets and repaired them (%u "
		                 "retransmissions, data still arriving after them) until one went "
		                 "unanswered for good (ended by %s)",
		         a->tcp.retransmits, rp_end_name(a->end));
	else if (pings_partly_lost(ev) && (session_unanswered(ev, a) || was_reset(a)))
		snprintf(why, n, "the session's connection stopped being answered, and afterwards the "
		                 "path answers some pings and loses others (%d of %d at %d bytes, %d of "
		                 "%d at 576): a lossy path, not one that is down",
		         z->big_answered, z->big_sent, z->big, z->small_answered, z->small_sent);
	else
		return false;
	return true;
}

/* MS-RDPBCGR 2.2.5.1.1: who ended the session. FreeRDP 3.10 names all but 0x19 and 0x1A. */
static const char* ended_by(uint32_t code)
{
	switch (code)
	{
		case 0x1: return "an administrator or a tool disconnected it (RPC_INITIATED_DISCONNECT)";
		case 0x2: return "an administrator or a tool logged it off (RPC_INITIATED_LOGOFF)";
		case 0x3: return "the server's idle-session limit (IDLE_TIMEOUT)";
		case 0x4: return "the server's logon time limit (LOGON_TIMEOUT)";
		case 0x5: return "another connection took the session over "
		                 "(DISCONNECTED_BY_OTHER_CONNECTION)";
		case 0xB: return "the user disconnected it from another session or a tool "
		                 "(RPC_INITIATED_DISCONNECT_BY_USER)";
		case 0xC: return "the user logged off (LOGOFF_BY_USER)";
		case 0x19: return "the server is shutting down (SERVER_SHUTDOWN, MS-RDPBCGR 2.2.5.1.1)";
		case 0x1A: return "the server is rebooting (SERVER_REBOOT, MS-RDPBCGR 2.2.5.1.1)";
	}
	return NULL;
}

static bool is_server_ended_session(const struct rp_evidence* ev, char* why, size_t n,
                                    struct rp_verdict* v)
{
	const struct rp_session* ss = &ev->session;
	const char* who = ended_by(ev->error_info);
	/* 0x1 and 0xC are also what FreeRDP derives from a bare ultimatum at any time: they name a
	 * session's end only once it was active. The others say it themselves. */
	if (!who || (!rp_evidence_active(ev) && (ev->error_info == 0x1 || ev->error_info == 0xC)))
		return false;
	if (ss->dpu && !ss->error_info_pdu)
		snprintf(why, n, "after active the server sent Deactivate All and a Disconnect Provider "
		                 "Ultimatum (reason %d) with no Set Error Info: FreeRDP reports 0x%X for it; "
		                 "the server ended the session", ss->dpu_reason, ev->error_info);
	else
		snprintf(why, n, "after active the server's errorInfo 0x%X: %s", ev->error_info, who);
	return true;
}

static bool is_server_fault(const struct rp_evidence* ev, char* why, size_t n, struct rp_verdict* v)
{
	uint32_t c = ev->error_info;
	enum rp_errinfo_class k = rp_errinfo_class(c);
	if (k != RP_EI_SERVER_FAULT && k != RP_EI_PROTOCOL)
		return false;
	snprintf(why, n, "the server's errorInfo 0x%X (%s): it ended the connection for %s", c,
	         ev->error_info_name[0] ? ev->error_info_name : rp_errinfo_name(c),
	         k == RP_EI_PROTOCOL ? "a protocol error it saw in what the client sent"
	                             : "its own fault");
	return true;
}

static bool is_broker_failure(const struct rp_evidence* ev, char* why, size_t n,
                              struct rp_verdict* v)
{
	uint32_t c = ev->error_info;
	if (rp_errinfo_class(c) != RP_EI_BROKER)
		return false;
	snprintf(why, n, "the connection broker's errorInfo 0x%X (%s): %s", c,
	         ev->error_info_name[0] ? ev->error_info_name : rp_errinfo_name(c), rp_errinfo_text(c));
	return true;
}

static bool c_s_reset(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !was_reset(a))
		return false;
	snprintf(why, n, "a reset ended the session's connection");
	return true;
}

static bool c_s_acks_to_end(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !a->tcp.valid || a->end == RP_END_TIMEOUT || a->tcp.last_ack_recv_ms >= 1000)
		return false;
	snprintf(why, n, "the server's ACKs kept coming to the session's end (the last %u ms before "
	                 "it): the path and its TCP work", a->tcp.last_ack_recv_ms);
	return true;
}

static bool c_s_big_pass(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	if (!z->run || z->sock_errno || z->big_answered == 0)
		return false;
	snprintf(why, n, "don't-fragment pings of %d bytes are answered (%d of %d): full-size packets "
	                 "pass", z->big, z->big_answered, z->big_sent);
	return true;
}

static bool c_s_small_lost(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	if (!z->run || z->sock_errno || !z->small_sent || z->small_answered)
		return false;
	snprintf(why, n, "576-byte pings go unanswered too (0 of %d): small packets are lost as well",
	         z->small_sent);
	return true;
}

static bool c_s_nothing_unseen(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !ev->ttl_watched || a->server_unseen > 0)
		return false;
	snprintf(why, n, "nothing the server sent is missing (its last ACK's sequence is what arrived)");
	return true;
}

static bool c_s_never_quiet(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	double q;
	if (!a || session_onset(a) < 0 || (q = longest_quiet_before(ev, a)) >= NAT_MIN_QUIET_MS)
		return false;
	if (quiet_at_onset(ev, a) > 0)
		return false;
	snprintf(why, n, "the session was never quiet for 1 s before it stopped being answered "
	                 "(longest spell %.0f ms): no idle timer could fire", q);
	return true;
}

static bool c_s_path_down(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!path_down_now(ev))
		return false;
	snprintf(why, n, "afterwards a fresh SYN and small pings go unanswered: the path is down (a "
	                 "middlebox that forgot a connection passes new ones)");
	return true;
}

static bool c_s_server_rst(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !was_reset(a) || rst_origin(ev, a) != RST_SERVER_DISTANCE)
		return false;
	snprintf(why, n, "the reset came with the server's own TTL (%u, as its SYN-ACK): its host "
	                 "sent it", a->ttl_rst);
	return true;
}

static bool c_s_reset_after_quiet(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	double q;
	if (!a || !was_reset(a) || rst_origin(ev, a) == RST_SERVER_DISTANCE ||
	    (q = quiet_at_onset(ev, a)) <= 0)
		return false;
	snprintf(why, n, "the reset answered the first packet after %.1f s of quiet: an idle "
	                 "timer's", q / 1000.0);
	return true;
}

static bool c_s_path_reset(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !was_reset(a) || rst_origin(ev, a) == RST_SERVER_DISTANCE)
		return false;
	snprintf(why, n, "a reset from the path (not the server's host) ended it");
	return true;
}

static bool c_s_partly_lost(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_size_probe* z = &ev->recheck.sizes;
	if (!pings_partly_lost(ev))
		return false;
	snprintf(why, n, "afterwards some pings are answered and others lost (%d of %d, %d of %d): "
	                 "the path is lossy, not down or size-limited",
	         z->big_answered, z->big_sent, z->small_answered, z->small_sent);
	return true;
}

static bool c_no_errinfo(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->error_info)
		return false;
	snprintf(why, n, "no errorInfo (the server said nothing of ending it)");
	return true;
}

static bool c_s_no_repair(const struct rp_evidence* ev, char* why, size_t n)
{
	if (session_repaired(ev) || pings_partly_lost(ev))
		return false;
	snprintf(why, n, "no loss in the session was repaired (nothing arrived after its "
	                 "retransmissions began)");
	return true;
}

static bool c_s_repaired(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || !session_repaired(ev) || real_losses(a) < 5)
		return false;
	snprintf(why, n, "losses were repaired during the session (%u retransmissions, data arriving "
	                 "after them): a lossy path, not one that went away", a->tcp.retransmits);
	return true;
}

static bool c_s_held(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!rp_evidence_active(ev) || session_failed(ev))
		return false;
	snprintf(why, n, "the session held without an error, and its data kept coming");
	return true;
}

static bool c_s_no_reset(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!a || was_reset(a) || a->end == RP_END_UNKNOWN)
		return false;
	snprintf(why, n, "no reset ended the session (it ended by %s)", rp_end_name(a->end));
	return true;
}

static bool c_never_active_derived(const struct rp_evidence* ev, char* why, size_t n)
{
	if (rp_evidence_active(ev) || (ev->error_info != 0x1 && ev->error_info != 0xC))
		return false;
	snprintf(why, n, "errorInfo 0x%X before the session was active", ev->error_info);
	return true;
}

static bool c_frozen(const struct rp_evidence* ev, char* why, size_t n)
{
	const struct rp_attempt* a = session_attempt(ev);
	if (!session_frozen(ev))
		return false;
	snprintf(why, n, "the server's data stopped arriving (its ACKs %lld bytes ahead, no data for "
	                 "%.1f s at the end)", (long long)a->server_unseen,
	         a->tcp.last_data_recv_ms / 1000.0);
	return true;
}

static bool c_reconnected(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!ev->session.reconnects)
		return false;
	snprintf(why, n, "the connection dropped in the session: auto-reconnect tried %u time(s)%s",
	         ev->session.reconnects, ev->session.reconnected ? " and brought it back" : "");
	return true;
}

static bool c_session_cut(const struct rp_evidence* ev, char* why, size_t n)
{
	if (!rp_evidence_session_cut(ev))
		return false;
	snprintf(why, n, "the session ended %.1f s in, before its %u ms", session_s(ev, ev->session.t_end_ms),
	         ev->session.want_ms);
	return true;
}

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
#define ERRINFO_OUT CL(c_errinfo, "the server sent errorInfo (it was reachable and said why)")
#define ACTIVE_OUT CL(c_active_held, "the session reached active and held")
#define NEVER_UP_OUT CL(c_never_established, "TCP never came up")

/* The table: one row per cause, what identifies it (the function) and what rules it out
 * (the clauses). Every row is checked; the order only breaks ties in the reason's text. */
static const struct rule rules[] = {
	{ SCOPE_ANY, RP_CAUSE_CONNECTED, is_connected, RP_CONF_HIGH,
	  { CL(c_not_active, "a phase short of active, or an error or errorInfo"),
	    CL(c_session_cut, "a session that ended before its time"),
	    CL(c_reconnected, "the connection dropped and auto-reconnect had to bring it back"),
	    CL(c_frozen, "the server's data stopped arriving while its ACKs ran ahead") } },
	{ SCOPE_ANY, RP_CAUSE_SERVER_DENIED, is_denied, RP_CONF_HIGH,
	  { CL(c_errinfo_not_denial, "another errorInfo, or none to a client that announced the "
	                             "errorInfo PDU"),
	    CL(c_ended_by_timer, "the attempt ended by a timer (a refusal is the server's close)") } },
	{ SCOPE_ANY, RP_CAUSE_LICENSING_FAILURE, is_licensing_failure, RP_CONF_HIGH,
	  { CL(c_errinfo_not_license, "an errorInfo outside the licensing codes"),
	    CL(c_before_licensing, "the connection never sent its Client Info (licensing begins "
	                           "after it), and no licensing errorInfo came"),
	    CL(c_past_licensing, "progress past licensing") } },
	{ SCOPE_CONNECT, RP_CAUSE_DNS_FAILURE, is_dns_failure, RP_CONF_HIGH,
	  { CL(c_address_given, "the client was given an address"),
	    CL(c_established, "a TCP connection came up"),
	    CL(c_server_spoke, "the server answered (negotiation, certificate, credentials, errorInfo)") } },
	{ SCOPE_CONNECT, RP_CAUSE_CERTIFICATE_REJECTED, is_certificate_rejected, RP_CONF_HIGH,
	  { CL(c_cert_accepted, "the client's certificate check did not refuse"),
	    CL(c_past_tls, "progress past TLS") } },
	{ SCOPE_CONNECT, RP_CAUSE_SECURITY_MISMATCH, is_security_mismatch, RP_CONF_HIGH,
	  { CL(c_nego_ok, "no negotiation failure"), CL(c_past_x224, "a negotiated protocol (progress "
	                                                             "past X.224)") } },
	{ SCOPE_CONNECT, RP_CAUSE_BAD_CREDENTIALS, is_bad_credentials, RP_CONF_HIGH,
	  { CL(c_no_auth_failure, "no authentication failure"),
	    CL(c_past_nla, "progress past NLA"),
	    CL(c_any_reset, "a reset (a logon failure is reported in-band, then closed)") } },
	{ SCOPE_CONNECT, RP_CAUSE_PORT_CLOSED, is_port_closed, RP_CONF_HIGH,
	  { CL(c_established, "a TCP connection came up"),
	    CL(c_server_spoke, "the server answered (negotiation, certificate, credentials, errorInfo)"),
	    CL(c_dns_error, "the name did not resolve") } },
	{ SCOPE_CONNECT, RP_CAUSE_PORT_FILTERED, is_port_filtered, RP_CONF_MEDIUM,
	  { CL(c_established, "a TCP connection came up"),
	    CL(c_server_spoke, "the server answered (negotiation, certificate, credentials, errorInfo)"),
	    CL(c_dns_error, "the name did not resolve") } },
	{ SCOPE_CONNECT, RP_CAUSE_MTU_BLACKHOLE, is_mtu_blackhole, RP_CONF_MEDIUM,
	  { ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	    CL(c_before_tls, "no TLS flight was ever due (the connection never reached TLS)"),
	    CL(c_fresh_tls_arrived, "a fresh connection's TLS flight arrived in full"),
	    CL(c_replay_through_tls, "a fresh FreeRDP connection goes through TLS"),
	    CL(c_small_mss_no_help, "536-byte segments do not help either"),
	    CL(c_fresh_syn_unanswered, "a fresh SYN goes unanswered (small packets are lost too)"),
	    CL(c_fresh_x224_silent, "a fresh X.224 request goes unanswered (small, and silent)") } },
	{ SCOPE_CONNECT, RP_CAUSE_SERVER_OVERLOADED, is_server_overloaded, RP_CONF_HIGH,
	  { ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	    CL(c_server_data, "an X.224 answer"),
	    CL(c_not_closed_at_once, "a connection that stayed open until a timer ended it"),
	    CL(c_rst_forged, "an RST sent on the path (its TTL not the server's)") } },
	{ SCOPE_CONNECT, RP_CAUSE_FIREWALL_RESET, is_firewall_reset, RP_CONF_HIGH,
	  { ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	    CL(c_orderly_close, "an orderly close (FIN)"),
	    CL(c_no_reset, "no attempt was reset"),
	    CL(c_hangs_up_unasked, "the server closes a fresh connection before it says anything"),
	    CL(c_rst_forged_after_idle, "a reset sent on the path (its TTL not the server's) after "
	                                "a quiet spell: an idle timer's") } },
	{ SCOPE_CONNECT, RP_CAUSE_HIGH_LATENCY, is_high_latency, RP_CONF_HIGH,
	  { ERRINFO_OUT, ACTIVE_OUT, CL(c_fast_path, "a round trip under 250 ms") } },
	{ SCOPE_CONNECT, RP_CAUSE_LOW_BANDWIDTH, is_low_bandwidth, RP_CONF_HIGH,
	  { ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	    CL(c_fresh_syn_unanswered, "a fresh SYN goes unanswered (the path is down)") } },
	{ SCOPE_CONNECT, RP_CAUSE_PACKET_LOSS, is_packet_loss, RP_CONF_MEDIUM,
	  { ERRINFO_OUT, ACTIVE_OUT,
	    CL(c_small_mss_decides, "536-byte segments bring what full-size ones do not, on a fresh "
	                            "connection whose small packets all passed (size, not chance, "
	                            "decides)"),
	    CL(c_fresh_x224_silent, "a fresh X.224 request goes unanswered (the service is silent)") } },
	{ SCOPE_CONNECT, RP_CAUSE_TUNNEL_DROP, is_tunnel_drop, RP_CONF_HIGH,
	  { ERRINFO_OUT, ACTIVE_OUT, CL(c_pings_answered, "the server's address answers pings"),
	    CL(c_live_nothing_lost, "the stalled connection answers a keepalive, and nothing the "
	                            "server sent is missing"),
	    CL(c_small_mss_helps, "a fresh full-size TLS flight stays away while 536-byte segments "
	                          "pass (size, not an outage)") } },
	{ SCOPE_CONNECT, RP_CAUSE_SERVER_HUNG, is_server_hung, RP_CONF_HIGH,
	  { ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	    CL(c_fresh_syn_unanswered, "a fresh SYN goes unanswered (a hung service's kernel "
	                               "still answers)"),
	    CL(c_live_dead, "the stalled connection's keepalive draws nothing or a reset"),
	    CL(c_retrans_storm, "retransmission storms (a hung service's kernel still ACKs)"),
	    CL(c_path_lossy, "loss on the path over all the connections (repairs, SYN "
	                     "retransmissions)"),
	    CL(c_server_sending, "the server's ACKs run ahead of what arrived: it is sending"),
	    CL(c_small_mss_helps, "536-byte segments bring the TLS flight (the service answers)") } },
	{ SCOPE_CONNECT, RP_CAUSE_NAT_IDLE_TIMEOUT, is_nat_idle_timeout, RP_CONF_MEDIUM,
	  { ERRINFO_OUT, ACTIVE_OUT, NEVER_UP_OUT,
	    CL(c_live_acked, "the stalled connection answers a keepalive (nothing forgot it)"),
	    CL(c_fresh_syn_unanswered, "a fresh SYN goes unanswered (the path is down)"),
	    CL(c_fresh_x224_silent, "a fresh X.224 request goes unanswered (the service is silent)"),
	    CL(c_retrans_storm, "retransmission storms (loss)"),
	    CL(c_reset_at_once, "a reset within 1 s of progress (a filter, not an idle timer)"),
	    CL(c_rst_from_server_host, "the RST came from the server's host (its TTL is the "
	                               "SYN-ACK's): no middlebox answered for the connection") } },
	/* After activation. */
	{ SCOPE_ANY, RP_CAUSE_SERVER_ENDED_SESSION, is_server_ended_session, RP_CONF_HIGH,
	  { CL(c_no_errinfo, "no errorInfo"),
	    CL(c_never_active_derived, "errorInfo 0x1 or 0xC before the session was active (also "
	                               "what FreeRDP derives from an ultimatum at connect time)") } },
	{ SCOPE_ANY, RP_CAUSE_SERVER_FAULT, is_server_fault, RP_CONF_HIGH,
	  { CL(c_no_errinfo, "no errorInfo") } },
	{ SCOPE_ANY, RP_CAUSE_BROKER_FAILURE, is_broker_failure, RP_CONF_HIGH,
	  { CL(c_no_errinfo, "no errorInfo") } },
	{ SCOPE_SESSION, RP_CAUSE_TUNNEL_DROP, is_s_tunnel_drop, RP_CONF_HIGH,
	  { ERRINFO_OUT, CL(c_s_held, "the session held, its data kept coming"),
	    CL(c_s_reset, "a reset ended it"),
	    CL(c_s_acks_to_end, "the server's ACKs kept coming to the end"),
	    CL(c_s_repaired, "losses repaired during the session (a lossy path, not one that went away)"),
	    CL(c_s_partly_lost, "pings afterwards partly answered (a lossy path, not one that is down)") } },
	{ SCOPE_SESSION, RP_CAUSE_NAT_IDLE_TIMEOUT, is_s_nat_idle_timeout, RP_CONF_MEDIUM,
	  { ERRINFO_OUT, CL(c_s_held, "the session held, its data kept coming"), CL(c_s_never_quiet, "never quiet for 1 s before it stopped being answered"),
	    CL(c_s_path_down, "a fresh SYN and small pings go unanswered afterwards (the path is down)"),
	    CL(c_s_server_rst, "a reset from the server's host (its TTL is the SYN-ACK's)"),
	    CL(c_s_acks_to_end, "the server's ACKs kept coming to the end") } },
	{ SCOPE_SESSION, RP_CAUSE_FIREWALL_RESET, is_s_firewall_reset, RP_CONF_HIGH,
	  { ERRINFO_OUT, CL(c_s_no_reset, "no reset ended the session"), CL(c_s_server_rst, "a reset from the server's host (its TTL is the SYN-ACK's)"),
	    CL(c_s_reset_after_quiet, "a reset from the path answering the first packet after 1 s or "
	                              "more of quiet (an idle timer's)") } },
	{ SCOPE_SESSION, RP_CAUSE_MTU_BLACKHOLE, is_s_mtu_blackhole, RP_CONF_HIGH,
	  { ERRINFO_OUT, CL(c_s_big_pass, "full-size don't-fragment pings are answered"),
	    CL(c_s_small_lost, "small pings are lost too (the path is down, not narrow)"),
	    CL(c_s_nothing_unseen, "nothing the server sent is missing"),
	    CL(c_s_path_reset, "a reset from the path ended it") } },
	{ SCOPE_SESSION, RP_CAUSE_PACKET_LOSS, is_s_packet_loss, RP_CONF_MEDIUM,
	  { ERRINFO_OUT, CL(c_s_held, "the session held, its data kept coming"),
	    CL(c_s_path_reset, "a reset from the path ended it"),
	    CL(c_s_no_repair, "no loss in the session was repaired, and the pings after it are not "
	                      "partly lost") } },
};

#define N_RULES (sizeof(rules) / sizeof(rules[0]))

/* The rows that apply to a record: the connection sequence's until the session was active,
 * the session's from then on, and those of any scope. */
static enum scope scope_of(const struct rp_evidence* ev)
{
	return rp_evidence_active(ev) ? SCOPE_SESSION : SCOPE_CONNECT;
}

static bool applies(const struct rule* r, enum scope sc)
{
	return r->scope == SCOPE_ANY || r->scope == sc;
}

static const struct rule* rule_in(enum rp_cause c, enum scope sc)
{
	for (size_t i = 0; i < N_RULES; i++)
		if (rules[i].cause == c && applies(&rules[i], sc))
			return &rules[i];
	return NULL;
}

/* The cause's connection-time row (or its any-scope one), for the docs. */
static const struct rule* rule_of(enum rp_cause c)
{
	return rule_in(c, SCOPE_CONNECT);
}

static size_t clauses_text(const struct rule* r, char* buf, size_t n);

size_t rp_cause_ruled_out_text(enum rp_cause c, char* buf, size_t n)
{
	return clauses_text(rule_of(c), buf, n);
}

size_t rp_cause_session_ruled_out_text(enum rp_cause c, char* buf, size_t n)
{
	const struct rule* r = rule_in(c, SCOPE_SESSION);
	if (n)
		buf[0] = '\0';
	return r && r->scope == SCOPE_SESSION ? clauses_text(r, buf, n) : 0;
}

const char* rp_cause_session_identified(enum rp_cause c)
{
	static const struct
	{
		enum rp_cause c;
		const char* text;
	} t[] = {
		{ RP_CAUSE_TUNNEL_DROP, "after active, the session's connection stopped being answered "
		                        "and its timer ended it (keepalive, TCP_USER_TIMEOUT), no reset, no "
		                        "errorInfo; high when a fresh SYN and small pings go unanswered "
		                        "afterwards" },
		{ RP_CAUSE_NAT_IDLE_TIMEOUT, "after active, the connection stopped being answered in a "
		                             "spell of 1 s or more with nothing sent either way, or the first "
		                             "packet after it drew a reset from the path" },
		{ RP_CAUSE_FIREWALL_RESET, "after active, a reset ended the session with no errorInfo" },
		{ RP_CAUSE_MTU_BLACKHOLE, "after active, the server's ACKs ran ahead of the data that "
		                          "arrived (its large packets lost) and don't-fragment pings at the "
		                          "client's packet size go unanswered while 576-byte ones are "
		                          "answered" },
		{ RP_CAUSE_PACKET_LOSS, "after active, losses repaired (data arriving after "
		                        "retransmissions) until one went unanswered for good" },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i].c == c)
			return t[i].text;
	return NULL;
}

static size_t clauses_text(const struct rule* r, char* buf, size_t n)
{
	size_t len = 0;

	if (n)
		buf[0] = '\0';
	if (!r)
		return 0;
	for (int k = 0; k < MAX_CLAUSES && r->out[k].holds; k++)
		len += (size_t)snprintf(buf + (len < n ? len : n), len < n ? n - len : 0, "%s%s",
		                        k ? "; " : "", r->out[k].text);
	return len;
}

/* The first clause of the rule that holds, its reason in why; NULL if none. */
static const struct clause* ruled_out(const struct rule* r, const struct rp_evidence* ev,
                                      char* why, size_t n)
{
	for (int k = 0; k < MAX_CLAUSES && r->out[k].holds; k++)
		if (r->out[k].holds(ev, why, n))
			return &r->out[k];
	return NULL;
}

static void append(char* dst, size_t n, const char* fmt, const char* a, const char* b)
{
	size_t len = strlen(dst);
	if (len + 1 < n)
		snprintf(dst + len, n - len, fmt, a, b);
}

void rp_classify(const struct rp_evidence* ev, struct rp_verdict* v)
{
	struct
	{
		bool identified, out;
		char why[256], out_why[256];
		struct rp_verdict own; /* what the identifying function said */
	} st[N_RULES];
	int best = -1;

	memset(v, 0, sizeof(*v));
	v->runner_up = RP_CAUSE_COUNT;
	enum scope sc = scope_of(ev);

	for (size_t i = 0; i < N_RULES; i++)
	{
		memset(&st[i].own, 0, sizeof(st[i].own));
		st[i].identified = st[i].out = false;
		st[i].why[0] = st[i].out_why[0] = '\0';
		if (!applies(&rules[i], sc))
			continue;
		st[i].own.runner_up = RP_CAUSE_COUNT;
		st[i].own.confidence = rules[i].confidence;
		st[i].why[0] = st[i].out_why[0] = '\0';
		st[i].identified = rules[i].identify(ev, st[i].why, sizeof(st[i].why), &st[i].own);
		st[i].out = ruled_out(&rules[i], ev, st[i].out_why, sizeof(st[i].out_why)) != NULL;
	}
	/* The survivors: identified and not ruled out. The strongest leads; a tie leaves the
	 * verdict undetermined between them. */
	for (size_t i = 0; i < N_RULES; i++)
	{
		if (!st[i].identified || st[i].out)
			continue;
		if (best < 0 || st[i].own.confidence > st[best].own.confidence)
			best = (int)i;
	}
	if (best >= 0)
	{
		bool tie = false;
		v->cause = rules[best].cause;
		v->confidence = st[best].own.confidence;
		rp_strlcpy(v->because, st[best].why, sizeof(v->because));
		for (size_t i = 0; i < N_RULES; i++)
		{
			if ((int)i == best || !st[i].identified || st[i].out)
				continue;
			tie |= st[i].own.confidence == st[best].own.confidence;
			if (v->n_candidates < RP_MAX_CANDIDATES)
				v->candidates[v->n_candidates++] = rules[i].cause;
			if (v->runner_up == RP_CAUSE_COUNT)
			{
				v->runner_up = rules[i].cause;
				snprintf(v->unsure, sizeof(v->unsure), "its evidence is present too: %s",
				         st[i].why);
			}
		}
		/* What the winner's own rule named as not ruled out, unless the table rules it out. */
		if (st[best].own.runner_up != RP_CAUSE_COUNT)
		{
			const struct rule* r = rule_in(st[best].own.runner_up, sc);
			char tmp[256];
			if (r && !ruled_out(r, ev, tmp, sizeof(tmp)))
			{
				bool listed = false;
				for (int k = 0; k < v->n_candidates; k++)
					listed |= v->candidates[k] == r->cause;
				if (!listed && v->n_candidates < RP_MAX_CANDIDATES)
					v->candidates[v->n_candidates++] = r->cause;
				if (v->runner_up == RP_CAUSE_COUNT || v->runner_up == r->cause)
				{
					v->runner_up = r->cause;
					rp_strlcpy(v->unsure, st[best].own.unsure, sizeof(v->unsure));
				}
			}
		}
		if (tie)
		{
			v->candidates[v->n_candidates < RP_MAX_CANDIDATES ? v->n_candidates++
			                                                  : RP_MAX_CANDIDATES - 1] = v->cause;
			snprintf(v->because, sizeof(v->because),
			         "the evidence of more than one cause is present and none is ruled out: %s",
			         st[best].why);
			v->cause = RP_CAUSE_UNDETERMINED;
			v->confidence = RP_CONF_LOW;
		}
		else if (v->runner_up != RP_CAUSE_COUNT && v->confidence > RP_CONF_MEDIUM)
			v->confidence = RP_CONF_MEDIUM;
	}
	else
	{
		/* Nothing identified survives: name what the evidence still allows. */
		v->cause = RP_CAUSE_UNDETERMINED;
		v->confidence = RP_CONF_LOW;
		snprintf(v->because, sizeof(v->because),
		         "no cause's identifying evidence survives: furthest phase %s, last error 0x%08X, "
		         "errorInfo 0x%08X",
		         rp_phase_name(rp_evidence_furthest(ev)), ev->last_error, ev->error_info);
		for (size_t i = 0; i < N_RULES; i++)
			if (applies(&rules[i], sc) && !st[i].out && rules[i].cause != RP_CAUSE_CONNECTED &&
			    v->n_candidates < RP_MAX_CANDIDATES)
				v->candidates[v->n_candidates++] = rules[i].cause;
	}
	/* What eliminated each look-alike: the causes whose evidence was there, ruled out. */
	for (size_t i = 0; i < N_RULES; i++)
		if (st[i].identified && st[i].out)
		{
			char item[300];
			snprintf(item, sizeof(item), "%s", rp_cause_name(rules[i].cause));
			append(v->eliminated, sizeof(v->eliminated), "%s%s", v->eliminated[0] ? "; " : "",
			       item);
			append(v->eliminated, sizeof(v->eliminated), "%s%s", ": ", st[i].out_why);
		}
}

bool rp_verdict_names(const struct rp_verdict* v, enum rp_cause c)
{
	if (v->cause == c)
		return true;
	if (v->cause != RP_CAUSE_UNDETERMINED)
		return false;
	for (int i = 0; i < v->n_candidates; i++)
		if (v->candidates[i] == c)
			return true;
	return false;
}

bool rp_cause_ruled_out(const struct rp_evidence* ev, enum rp_cause c, char* why, size_t n)
{
	const struct rule* r = rule_in(c, scope_of(ev));
	char tmp[256];
	if (!r && rule_of(c))
	{
		/* A cause of the connection sequence alone, and the session was active. */
		if (why && n)
			snprintf(why, n, "the session was active: %s stops a connection before that",
			         rp_cause_name(c));
		return true;
	}
	return r && ruled_out(r, ev, why ? why : tmp, why ? n : sizeof(tmp)) != NULL;
}
