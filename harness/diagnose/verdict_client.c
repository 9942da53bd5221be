/* verdict_client.c: the causes the client's own checks report, at connect time:
 * certificate-rejected (its certificate check), security-mismatch (its negotiation of the
 * security layer), bad-credentials (its NLA logon). Each cause's identifying predicate, its
 * ruling-out clauses and its row of the table, side by side; the table's order is
 * verdict_decide.c's. */
#include "verdict_rules.h"

#include <stdio.h>
#include <string.h>

/* ---- certificate-rejected ---- */

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

static bool c_cert_accepted(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->cert_rejected)
		return false;
	snprintf(why, n, "the client's certificate check did not refuse the certificate");
	return true;
}

static bool c_past_tls(const struct rp_evidence* ev, char* why, size_t n)
{
	return vr_past(ev, RP_PHASE_TLS, why, n);
}

const struct rule vr_row_certificate_rejected = {
	SCOPE_CONNECT, RP_CAUSE_CERTIFICATE_REJECTED, is_certificate_rejected, RP_CONF_HIGH,
	{ CL(c_cert_accepted, "the client's certificate check did not refuse"),
	  CL(c_past_tls, "progress past TLS") } };

/* ---- security-mismatch ---- */

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

static bool c_nego_ok(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->last_error == ERR_NEGO_FAILED)
		return false;
	snprintf(why, n, "no security negotiation failure was reported");
	return true;
}

static bool c_past_x224(const struct rp_evidence* ev, char* why, size_t n)
{
	return ev->last_error != ERR_NEGO_FAILED && vr_past(ev, RP_PHASE_X224, why, n);
}

const struct rule vr_row_security_mismatch = {
	SCOPE_CONNECT, RP_CAUSE_SECURITY_MISMATCH, is_security_mismatch, RP_CONF_HIGH,
	{ CL(c_nego_ok, "no negotiation failure"), CL(c_past_x224, "a negotiated protocol (progress "
	                                                           "past X.224)") } };

/* ---- bad-credentials ---- */

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

static bool c_no_auth_failure(const struct rp_evidence* ev, char* why, size_t n)
{
	if (ev->last_error == ERR_AUTH_FAILED || ev->last_error == ERR_LOGON_FAILURE)
		return false;
	snprintf(why, n, "no authentication or logon failure was reported");
	return true;
}

static bool c_past_nla(const struct rp_evidence* ev, char* why, size_t n)
{
	return vr_past(ev, RP_PHASE_NLA, why, n);
}

static bool c_any_reset(const struct rp_evidence* ev, char* why, size_t n)
{
	for (int i = 0; i < ev->n_attempts; i++)
		if (vr_was_reset(&ev->attempts[i]))
		{
			snprintf(why, n, "attempt %d was reset", i + 1);
			return true;
		}
	return false;
}

const struct rule vr_row_bad_credentials = {
	SCOPE_CONNECT, RP_CAUSE_BAD_CREDENTIALS, is_bad_credentials, RP_CONF_HIGH,
	{ CL(c_no_auth_failure, "no authentication failure"),
	  CL(c_past_nla, "progress past NLA"),
	  CL(c_any_reset, "a reset (a logon failure is reported in-band, then closed)") } };
