/* fieldlog_discreasons.h: the Windows client's disconnect reasons and the causes each is
 * consistent with: data, for fieldlog_classify.c alone. */
#ifndef RDPREPRO_FIELDLOG_DISCREASONS_H
#define RDPREPRO_FIELDLOG_DISCREASONS_H

/* The Windows client's discReason (IMsTscAxEvents::OnDisconnected, learn.microsoft.com
 * termserv/imstscaxevents-ondisconnected), as event 1026 logs it in decimal, and the causes
 * each is consistent with. The extended reason, which would narrow most of them, is not in
 * the event (the dialog has it: fieldlog_dialog.c reads it as the errorInfo it is). */
#define C(x) RP_CAUSE_##x
static const struct
{
	int reason;
	const char* name;
	enum rp_cause causes[10];
	int n;
} disc_reasons[] = {
	{ 1, "disconnectReasonLocalNotError (the user closed it)", { C(CONNECTED) }, 1 },
	{ 2, "disconnectReasonRemoteByUser (the user disconnected it)", { C(CONNECTED) }, 1 },
	{ 3, "disconnectReasonByServer (the server disconnected it)",
	  { C(SERVER_ENDED_SESSION), C(SERVER_DENIED), C(SERVER_FAULT), C(BROKER_FAILURE),
	    C(LICENSING_FAILURE) }, 5 },
	{ 260, "disconnectReasonDNSLookupFailed", { C(DNS_FAILURE) }, 1 },
	{ 520, "disconnectReasonHostNotFound", { C(DNS_FAILURE) }, 1 },
	{ 1288, "disconnectReasonDNSLookupFailed2", { C(DNS_FAILURE) }, 1 },
	{ 1540, "disconnectReasonGetHostByNameFailed", { C(DNS_FAILURE) }, 1 },
	{ 264, "disconnectReasonConnectionTimedOut",
	  { C(PORT_FILTERED), C(TUNNEL_DROP), C(PACKET_LOSS), C(HIGH_LATENCY), C(SERVER_HUNG),
	    C(MTU_BLACKHOLE), C(LOW_BANDWIDTH), C(NAT_IDLE_TIMEOUT) }, 8 },
	{ 1796, "disconnectReasonTimeoutOccurred",
	  { C(PACKET_LOSS), C(HIGH_LATENCY), C(SERVER_HUNG), C(MTU_BLACKHOLE), C(LOW_BANDWIDTH),
	    C(TUNNEL_DROP), C(NAT_IDLE_TIMEOUT) }, 7 },
	{ 516, "disconnectReasonSocketConnectFailed",
	  { C(PORT_CLOSED), C(PORT_FILTERED), C(TUNNEL_DROP) }, 3 },
	{ 772, "disconnectReasonWinsockSendFailed",
	  { C(FIREWALL_RESET), C(TUNNEL_DROP), C(PACKET_LOSS), C(NAT_IDLE_TIMEOUT) }, 4 },
	{ 1028, "disconnectReasonSocketRecvFailed",
	  { C(FIREWALL_RESET), C(TUNNEL_DROP), C(PACKET_LOSS), C(NAT_IDLE_TIMEOUT) }, 4 },
	{ 2308, "disconnectReasonAtClientWinsockFDCLOSE (socket closed)",
	  { C(SERVER_DENIED), C(FIREWALL_RESET), C(MTU_BLACKHOLE), C(SERVER_OVERLOADED),
	    C(NAT_IDLE_TIMEOUT), C(LICENSING_FAILURE), C(PACKET_LOSS), C(TUNNEL_DROP),
	    C(SERVER_ENDED_SESSION), C(SERVER_FAULT) }, 10 },
	{ 2056, "disconnectReasonLicensingFailed", { C(LICENSING_FAILURE) }, 1 },
	{ 2312, "disconnectReasonLicensingTimeout", { C(LICENSING_FAILURE) }, 1 },
	{ 1798, "disconnectReasonServerCertificateUnpackErr",
	  { C(CERTIFICATE_REJECTED), C(SECURITY_MISMATCH) }, 2 },
	{ 1030, "disconnectReasonInvalidSecurityData", { C(SECURITY_MISMATCH) }, 1 },
	{ 1542, "disconnectReasonInvalidServerSecurityInfo", { C(SECURITY_MISMATCH) }, 1 },
	{ 2310, "disconnectReasonInternalSecurityError",
	  { C(SECURITY_MISMATCH), C(CERTIFICATE_REJECTED) }, 2 },
	{ 2566, "disconnectReasonInternalSecurityError2",
	  { C(SECURITY_MISMATCH), C(CERTIFICATE_REJECTED) }, 2 },
	/* The rest of the same page's table: what the dialog's "Error code" can be. */
	{ 776, "disconnectReasonInvalidIPAddr", { C(NOT_ATTEMPTED) }, 1 },
	{ 2052, "disconnectReasonInvalidIP", { C(NOT_ATTEMPTED) }, 1 },
	{ 1032, "disconnectReasonInternalError", { C(SERVER_FAULT), C(SECURITY_MISMATCH) }, 2 },
	{ 1286, "disconnectReasonInvalidEncryption", { C(SECURITY_MISMATCH) }, 1 },
	{ 2822, "disconnectReasonEncryptionError", { C(SECURITY_MISMATCH) }, 1 },
	{ 3078, "disconnectReasonDecryptionError", { C(SECURITY_MISMATCH) }, 1 },
	{ 3080, "disconnectReasonClientDecompressionError", { C(SERVER_FAULT) }, 1 },
	{ 5639, "SSL_ERR_DELEGATION_POLICY", { C(SECURITY_MISMATCH) }, 1 },
	{ 5895, "SSL_ERR_POLICY_NTLM_ONLY", { C(SECURITY_MISMATCH) }, 1 },
	{ 6151, "SSL_ERR_NO_AUTHENTICATING_AUTHORITY", { C(BAD_CREDENTIALS), C(DNS_FAILURE) }, 2 },
	{ 6919, "SSL_ERR_CERT_EXPIRED", { C(CERTIFICATE_REJECTED) }, 1 },
	{ 8455, "SSL_ERR_FRESH_CRED_REQUIRED_BY_SERVER", { C(BAD_CREDENTIALS), C(SERVER_DENIED) }, 2 },
	/* Named in the macOS client's release notes (MicrosoftDocs/azure-docs, virtual-desktop/
	 * includes/include-whats-new-client-macos.md, 10.6.5-10.6.7), same numbering. */
	{ 2311, "0x907, a mismatched certificate", { C(CERTIFICATE_REJECTED) }, 1 },
	{ 519, "0x207, a handshake failure (a wrong password with NLA, an old server)",
	  { C(BAD_CREDENTIALS), C(SECURITY_MISMATCH) }, 2 },
	{ 4359, "0x1107, an invalid workstation (logon restrictions)", { C(SERVER_DENIED) }, 1 },
	{ 9223, "0x2407, the user not authorized for remote access", { C(SERVER_DENIED) }, 1 },
};
#undef C

#endif
