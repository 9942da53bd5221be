/* verdict.c: cause names, and the taxonomy: one row per cause, what users see and what a
 * Windows client shows for it (docs/causes.md is generated from these rows).
 *
 * The classifier's rules are verdict_decide.c's table; each rule, with what identifies its
 * cause and what rules it out, is in its family's file (verdict_rules.h). */
#include "verdict.h"

#include <string.h>

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
