/* verdict.c: cause names and the classifier's rules.
 *
 * The walking skeleton knows one rule, "connected"; everything else is "undetermined"
 * until the classifier (docs/causes.md) grows its table. */
#include "verdict.h"

#include <stdio.h>
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
};

const char* rp_cause_name(enum rp_cause c)
{
	if ((int)c < 0 || c >= RP_CAUSE_COUNT)
		return "invalid";
	return cause_names[c];
}

enum rp_cause rp_cause_from_name(const char* name)
{
	for (int i = 0; i < RP_CAUSE_COUNT; i++)
		if (name && strcmp(name, cause_names[i]) == 0)
			return (enum rp_cause)i;
	return RP_CAUSE_COUNT;
}

void rp_classify(const struct rp_evidence* ev, struct rp_verdict* v)
{
	memset(v, 0, sizeof(*v));
	/* Connected: the session reached ACTIVE, and neither FreeRDP nor the server reported an
	 * error while the probe held it (MS-RDPBCGR 1.3.1.1: active after finalization). */
	if (rp_evidence_active(ev) && ev->last_error == 0 && ev->error_info == 0)
	{
		v->cause = RP_CAUSE_CONNECTED;
		snprintf(v->because, sizeof(v->because),
		         "reached active, no last error, no errorInfo during a %u ms hold", ev->hold_ms);
		return;
	}
	v->cause = RP_CAUSE_UNDETERMINED;
	snprintf(v->because, sizeof(v->because), "furthest phase %s, last error 0x%08X, errorInfo 0x%08X",
	         rp_phase_name(rp_evidence_furthest(ev)), ev->last_error, ev->error_info);
}
