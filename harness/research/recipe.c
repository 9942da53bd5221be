/* recipe.c: a scenario per candidate cause, its parameters from the field log's facts.
 *
 * What each fact sets (the defaults are those of the cause's catalog scenario, named beside
 * each; they are what the catalog found to reproduce the cause in a few seconds):
 * - the phase reached: where the reset, the drop, the hang, the pause or the errorInfo falls;
 * - the time to failure: the client's /timeout: (TcpAckTimeout, which also bounds activation:
 *   LAB-NOTES) or its TCP connect timeout, so that the lab fails after as long as the field;
 * - the server's errorInfo: the lab server's `behaviour = errorinfo` with that code; without
 *   one (a Windows event logs only the disconnect reason), the extended reason the cause's row
 *   gives a Windows client (verdict.c), which is the errorInfo by number (FIELD.md);
 * - the client's /sec: and /timeout: from its command line in the log, where the probe takes
 *   them. An RD Gateway cannot be: the lab's client connects directly (the summary says so).
 * Every value is first held to what a scenario can say (rp_field_facts_clamp: FreeRDP's
 * /timeout: range, recipe.h), since the log is a stranger's; the draft's notes say what was. */
#include "recipe.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The client's option `opt` ("/sec:") on a command line the log shows: its value into out,
 * letters and digits only. */
static bool option_value(const char* text, const char* opt, char* out, size_t n)
{
	const char* p = text;

	while (p && (p = strstr(p, opt)))
	{
		size_t k = 0;
		p += strlen(opt);
		while (k + 1 < n && ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			out[k++] = *p++;
		out[k] = '\0';
		if (k)
			return true;
	}
	return false;
}

/* The client's /timeout: on a command line the log shows, in ms: its digits as a number,
 * INT_MAX for more (a stranger's log may hold any number of digits); 0 when none is shown. */
static int timeout_value(const char* text)
{
	for (const char* p = text; (p = strstr(p, "/timeout:"));)
	{
		long long v = 0;
		p += strlen("/timeout:");
		if (*p < '0' || *p > '9')
			continue;
		for (; *p >= '0' && *p <= '9'; p++)
			v = v > INT_MAX ? v : v * 10 + (*p - '0');
		return v > INT_MAX ? INT_MAX : (int)v;
	}
	return 0;
}

void rp_field_facts_get(const struct rp_fieldlog* log, const char* text, struct rp_field_facts* f)
{
	static const char* const secs[] = { "rdp", "tls", "nla", "ext" };
	char v[16];

	memset(f, 0, sizeof(*f));
	f->phase = log->has_phase ? rp_evidence_furthest(&log->ev) : RP_PHASE_COUNT;
	if (f->phase == RP_PHASE_NONE)
		f->phase = RP_PHASE_COUNT;
	f->fail_tls = log->tls_fail_after_s >= 0;
	f->fail_s = f->fail_tls ? log->tls_fail_after_s : log->connect_fail_after_s;
	f->error_info = log->ev.error_info;
	f->session = log->session_lost || (f->phase == RP_PHASE_ACTIVE && !log->usage_error);
	f->gateway = log->gateway;
	f->reconnects = log->reconnects;
	if (text && option_value(text, "/sec:", v, sizeof(v)))
		for (size_t i = 0; i < sizeof(secs) / sizeof(secs[0]); i++)
			if (strcmp(v, secs[i]) == 0)
				rp_strlcpy(f->sec, v, sizeof(f->sec));
	if (text)
		f->timeout_ms = timeout_value(text);
}

/* v held to [lo, hi]; when it was not, notes says so: "the log's /timeout:86000000 (shown)
 * clamped to the format's maximum 600000 ms (why)." */
static int clamp(int v, int lo, int hi, const char* shown, const char* unit, const char* why,
                 char* notes, size_t n)
{
	int to = v < lo ? lo : hi;

	if (v >= lo && v <= hi)
		return v;
	if (notes)
		rp_scn_add(notes, n, "%sthe log's %s clamped to the format's %s %d %s (%s).",
		           notes[0] ? " " : "", shown, v < lo ? "minimum" : "maximum", to, unit, why);
	return to;
}

int rp_field_facts_clamp(struct rp_field_facts* f, char* notes, size_t n)
{
	static const char* const secs[] = { "rdp", "tls", "nla", "ext" };
	struct rp_field_facts was = *f;
	char shown[64];
	bool sec_ok = false;

	if (notes && n)
		notes[0] = '\0';
	if ((int)f->phase < 0 || f->phase > RP_PHASE_COUNT)
		f->phase = RP_PHASE_COUNT;
	if (f->fail_s < -1)
		f->fail_s = -1;
	if (f->reconnects < 0)
		f->reconnects = 0;
	if (f->timeout_ms < 0)
		f->timeout_ms = 0;
	f->sec[sizeof(f->sec) - 1] = '\0';
	for (size_t i = 0; i < sizeof(secs) / sizeof(secs[0]); i++)
		sec_ok = sec_ok || strcmp(f->sec, secs[i]) == 0;
	if (!sec_ok)
		f->sec[0] = '\0';
	if (f->timeout_ms)
	{
		snprintf(shown, sizeof(shown),
		         f->timeout_ms == INT_MAX ? "/timeout: of more than %d ms" : "/timeout:%d",
		         f->timeout_ms);
		f->timeout_ms = clamp(f->timeout_ms, RP_RECIPE_TIMEOUT_MIN_MS, RP_RECIPE_TIMEOUT_MAX_MS,
		                      shown, "ms", "FreeRDP 3 takes /timeout: from 1 to 600000 ms",
		                      notes, n);
	}
	if (f->fail_s >= 0)
	{
		snprintf(shown, sizeof(shown), "time to failure of %d s", f->fail_s);
		f->fail_s = clamp(f->fail_s, 0, RP_RECIPE_FAIL_MAX_S, shown, "s",
		                  "it becomes the client's /timeout: or connect timeout", notes, n);
	}
	return (was.timeout_ms != f->timeout_ms) + (was.fail_s != f->fail_s);
}

/* ---- helpers: each fact into the draft, and the summary saying so ---- */

static void says(struct rp_scn_draft* d, const char* what)
{
	rp_scn_add(d->summary, sizeof(d->summary), "%s%s", d->summary[0] ? "; " : "", what);
}

/* The phase the field reached when it lies in [lo, hi], else `def`. */
static const char* phase_at(const struct rp_field_facts* f, struct rp_scn_draft* d,
                            enum rp_phase lo, enum rp_phase hi, const char* def)
{
	char why[96];

	if (f->phase == RP_PHASE_COUNT || f->phase < lo || f->phase > hi)
		return def;
	snprintf(why, sizeof(why), "at %s, the phase the field reached", rp_phase_name(f->phase));
	says(d, why);
	return rp_phase_name(f->phase);
}

/* The client's arguments: its /sec: (or NLA), /cert:ignore unless the certificate is the
 * point, and a /timeout: when `timeout_ms` is non-zero. */
static void client_args(const struct rp_field_facts* f, struct rp_scn_draft* d, bool cert_ignore,
                        int timeout_ms)
{
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:%s%s", f->sec[0] ? f->sec : "nla",
	           cert_ignore ? " /cert:ignore" : "");
	if (timeout_ms)
		rp_scn_add(d->client, sizeof(d->client), " /timeout:%d", timeout_ms);
	rp_scn_add(d->client, sizeof(d->client), "\n");
	if (f->sec[0])
		says(d, "the client's /sec: from the log");
}

/* The client's timer for a cause whose failure is a timeout: the log's own /timeout:, else
 * the time the field took to fail, else the catalog's. */
static int timer_ms(const struct rp_field_facts* f, struct rp_scn_draft* d, int catalog_ms)
{
	char why[96];

	if (f->timeout_ms > 0)
	{
		says(d, "the client's /timeout: from the log");
		return f->timeout_ms;
	}
	if (f->fail_s >= 1)
	{
		snprintf(why, sizeof(why), "/timeout:%d: the field failed %d s after %s", f->fail_s * 1000,
		         f->fail_s, f->fail_tls ? "TLS began" : "the TCP connect began");
		says(d, why);
		return f->fail_s * 1000;
	}
	return catalog_ms;
}

/* The errorInfo code: the field's, else the cause's extended reason (its errorInfo number). */
static uint32_t code_for(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d)
{
	char why[96];

	if (f->error_info)
	{
		snprintf(why, sizeof(why), "errorInfo 0x%X, the field's", f->error_info);
		says(d, why);
		return f->error_info;
	}
	if (rp_cause_info(c)->ext_reason)
	{
		snprintf(why, sizeof(why), "errorInfo 0x%X, the extended reason of the cause's row",
		         rp_cause_info(c)->ext_reason);
		says(d, why);
	}
	return rp_cause_info(c)->ext_reason;
}

/* ---- one recipe per cause ---- */

/* server-denied, licensing-failure, broker-failure (scenarios/server-denied.scn,
 * licensing-failure.scn, broker-failure.scn): Set Error Info with the code, then close; at
 * licensing when the field stopped there (licensing-during-licensing.scn). */
static void r_errorinfo(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d)
{
	uint32_t code = code_for(c, f, d);

	client_args(f, d, true, 0);
	rp_scn_add(d->client, sizeof(d->client), "hold = 1s\n");
	d->deadline_s = 20;
	if (!code)
		rp_scn_add(d->server, sizeof(d->server), "behaviour = deny\n");
	else
		rp_scn_add(d->server, sizeof(d->server), "behaviour = errorinfo\nerror-info = 0x%X\n",
		           code);
	if (c == RP_CAUSE_LICENSING_FAILURE && f->phase == RP_PHASE_LICENSING)
		rp_scn_add(d->server, sizeof(d->server), "error-at = %s\n",
		           phase_at(f, d, RP_PHASE_LICENSING, RP_PHASE_LICENSING, "active"));
}

/* server-ended-session, server-fault (session-admin-disconnect.scn, session-server-fault.scn):
 * the server ends a session 2 s in, with the code, or with an ultimatum alone. */
static void r_session_end(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d)
{
	uint32_t code = code_for(c, f, d);

	client_args(f, d, true, 0);
	rp_scn_add(d->client, sizeof(d->client), "session = 6s idle\n");
	d->deadline_s = 20;
	if (code)
		rp_scn_add(d->server, sizeof(d->server),
		           "behaviour = errorinfo\nerror-info = 0x%X\nerror-after = 2s\n", code);
	else
		rp_scn_add(d->server, sizeof(d->server), "behaviour = ultimatum\nerror-after = 2s\n");
}

/* firewall-reset (firewall-reset-tls.scn): a reset both ways at the phase reached; in the
 * session, 2 s into it (session-firewall-reset.scn). */
static void r_reset(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d)
{
	client_args(f, d, true, 0);
	d->deadline_s = 20;
	if (f->session)
	{
		rp_scn_add(d->client, sizeof(d->client), "session = 10s input every 500ms\n");
		rp_scn_add(d->fault, sizeof(d->fault), "reset = phase active +2s\n");
		says(d, "in the session, which the field had up");
	}
	else
		rp_scn_add(d->fault, sizeof(d->fault), "reset = phase %s\n",
		           phase_at(f, d, RP_PHASE_X224, RP_PHASE_FINALIZATION, "tls"));
	rp_scn_add(d->fault, sizeof(d->fault), "reset-to = both\n");
	(void)c;
}

/* tunnel-drop (tunnel-drop.scn): all traffic stops at the phase reached, or 2 s into a
 * session the field had up (session-tunnel-drop.scn; with /auto-reconnect where the field's
 * client tried to reconnect, session-auto-reconnect.scn); server-hung (server-hung.scn): the
 * server stops answering at the phase. The client waits its timer, the deadline beyond it as
 * the catalog's (the drop's recheck waits out its SYNs). */
static void r_stall(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d)
{
	bool drop = c == RP_CAUSE_TUNNEL_DROP, session = drop && f->session;
	int t = timer_ms(f, d, 4000);
	const char* at = session ? "active +2s"
	                         : phase_at(f, d, RP_PHASE_X224, RP_PHASE_FINALIZATION,
	                                    drop ? "mcs" : "x224");

	client_args(f, d, true, t);
	d->deadline_s = t / 1000 + (drop ? 16 : 2);
	if (session)
	{
		/* the probe's args line ends in "\n": the option goes before it */
		if (f->reconnects)
		{
			d->client[strlen(d->client) - 1] = '\0';
			rp_scn_add(d->client, sizeof(d->client), " /auto-reconnect\n");
			says(d, "/auto-reconnect: the field's client tried to reconnect");
		}
		rp_scn_add(d->client, sizeof(d->client), "session = %ds input every 500ms\n",
		           t / 1000 + 8);
		says(d, "in the session, which the field had up");
	}
	if (drop)
		rp_scn_add(d->fault, sizeof(d->fault), "drop = phase %s\n", at);
	else
		rp_scn_add(d->server, sizeof(d->server), "hang-at = %s\n", at);
}

/* The causes whose scenario takes no fact but the client's options (and, for a timeout, its
 * timer): the catalog's scenario, as it stands (named in each row). */
static const struct fixed
{
	enum rp_cause cause;
	const char* client; /* [client] lines beyond args */
	const char* server;
	const char* link;
	const char* fault;
	bool cert_ignore;
	int timeout_ms; /* the catalog's /timeout:, 0: none (the failure is no timeout) */
	int deadline_s; /* beyond the timeout, when there is one */
} fixed[] = {
	/* packet-loss.scn, high-latency.scn, low-bandwidth.scn */
	{ RP_CAUSE_PACKET_LOSS, "", "", "loss = 40%\n", "", true, 3000, 25 },
	{ RP_CAUSE_HIGH_LATENCY, "", "", "delay = 500ms\n", "", true, 2500, 25 },
	{ RP_CAUSE_LOW_BANDWIDTH, "", "", "rate = 16kbit\n", "", true, 2000, 18 },
	/* mtu-blackhole.scn: the server gives up its TLS handshake after about 10 s */
	{ RP_CAUSE_MTU_BLACKHOLE, "", "", "mtu = 1200\nicmp = blocked\n", "", true, 0, 30 },
	/* port-closed.scn, server-overloaded.scn, certificate-changed.scn, bad-credentials.scn */
	{ RP_CAUSE_PORT_CLOSED, "", "", "", "port = closed\n", true, 0, 10 },
	{ RP_CAUSE_SERVER_OVERLOADED, "", "behaviour = overloaded\n", "", "", true, 0, 10 },
	{ RP_CAUSE_CERTIFICATE_REJECTED, "cert = changed\n", "", "", "", false, 0, 20 },
	{ RP_CAUSE_BAD_CREDENTIALS, "password = wrong\n", "", "", "", true, 0, 20 },
};

static void r_fixed(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d)
{
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
	{
		const struct fixed* x = &fixed[i];
		int t;
		if (x->cause != c)
			continue;
		t = x->timeout_ms ? timer_ms(f, d, x->timeout_ms) : 0;
		client_args(f, d, x->cert_ignore, t);
		rp_scn_add(d->client, sizeof(d->client), "%s", x->client);
		rp_scn_add(d->server, sizeof(d->server), "%s", x->server);
		rp_scn_add(d->link, sizeof(d->link), "%s", x->link);
		rp_scn_add(d->fault, sizeof(d->fault), "%s", x->fault);
		d->deadline_s = t / 1000 + x->deadline_s;
	}
}

/* nat-idle-timeout (nat-idle-timeout.scn): the server pauses 5 s at the phase reached behind
 * a NAT that forgets connections idle 2 s. */
static void r_nat(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d)
{
	int t = timer_ms(f, d, 8000);

	if (t <= 5000)
		t = 8000; /* the client must outwait the pause for the NAT to be the one that acts */
	client_args(f, d, true, t);
	d->deadline_s = t / 1000 + 12;
	rp_scn_add(d->server, sizeof(d->server), "pause-at = %s\npause = 5s\n",
	           phase_at(f, d, RP_PHASE_X224, RP_PHASE_FINALIZATION, "licensing"));
	rp_scn_add(d->fault, sizeof(d->fault), "nat-timeout = 2s\nnat-action = drop\n");
	(void)c;
}

/* port-filtered (port-filtered.scn): the SYN dropped, for the connect timeout the field's
 * connect took (the catalog's 3 s when the log does not say). */
static void r_filtered(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d)
{
	int ct = !f->fail_tls && f->fail_s >= 1 ? f->fail_s : 3;

	client_args(f, d, true, 0);
	d->deadline_s = ct + 7;
	rp_scn_add(d->client, sizeof(d->client), "connect-timeout = %ds\n", ct);
	if (ct != 3)
		says(d, "the connect timeout: as long as the field's connect took");
	rp_scn_add(d->fault, sizeof(d->fault), "port = filtered\n");
	(void)c;
}

/* security-mismatch (security-nla-required.scn): the server offers a layer other than the
 * client's /sec: (NLA's when the log does not say). */
static void r_security(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d)
{
	const char* client = f->sec[0] ? f->sec : "nla";

	client_args(f, d, true, 0);
	d->deadline_s = 20;
	rp_scn_add(d->server, sizeof(d->server), "security = %s\n",
	           strcmp(client, "nla") == 0 ? "tls" : "nla");
	(void)c;
}

/* dns-failure (dns-unresolvable.scn, dns-dead-address.scn): a name that resolves to nothing,
 * or, when the field's connect took seconds, to a dead address for as long. */
static void r_dns(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d)
{
	bool dead = !f->fail_tls && f->fail_s >= 2;

	client_args(f, d, true, 0);
	rp_scn_add(d->client, sizeof(d->client), "name = %s\n", dead ? "dead" : "unresolvable");
	d->deadline_s = dead ? f->fail_s + 7 : 10;
	if (dead)
	{
		rp_scn_add(d->client, sizeof(d->client), "connect-timeout = %ds\n", f->fail_s);
		says(d, "a dead address: the field's connect took seconds");
	}
	(void)c;
}

static const struct recipe
{
	enum rp_cause cause;
	void (*draft)(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d);
	const char* what; /* the summary's start */
} recipes[] = {
	{ RP_CAUSE_SERVER_DENIED, r_errorinfo, "The server denies the connection" },
	{ RP_CAUSE_LICENSING_FAILURE, r_errorinfo, "The server fails licensing" },
	{ RP_CAUSE_BROKER_FAILURE, r_errorinfo, "The broker cannot place the session" },
	{ RP_CAUSE_SERVER_ENDED_SESSION, r_session_end, "The server ends the session" },
	{ RP_CAUSE_SERVER_FAULT, r_session_end, "The server ends the session for its fault" },
	{ RP_CAUSE_FIREWALL_RESET, r_reset, "A middlebox resets the connection" },
	{ RP_CAUSE_TUNNEL_DROP, r_stall, "The tunnel drops" },
	{ RP_CAUSE_SERVER_HUNG, r_stall, "The server hangs" },
	{ RP_CAUSE_PACKET_LOSS, r_fixed, "40 % loss both ways" },
	{ RP_CAUSE_HIGH_LATENCY, r_fixed, "500 ms of delay both ways" },
	{ RP_CAUSE_LOW_BANDWIDTH, r_fixed, "A 16 kbit/s link" },
	{ RP_CAUSE_MTU_BLACKHOLE, r_fixed, "MTU 1200 toward the client, ICMP blocked" },
	{ RP_CAUSE_NAT_IDLE_TIMEOUT, r_nat,
	  "A slow server behind a NAT that forgets idle connections" },
	{ RP_CAUSE_PORT_CLOSED, r_fixed, "The port is closed" },
	{ RP_CAUSE_PORT_FILTERED, r_filtered, "The port is filtered" },
	{ RP_CAUSE_SERVER_OVERLOADED, r_fixed, "The server accepts TCP and closes at once" },
	{ RP_CAUSE_CERTIFICATE_REJECTED, r_fixed, "The client knows another certificate" },
	{ RP_CAUSE_SECURITY_MISMATCH, r_security, "The server offers another security layer" },
	{ RP_CAUSE_BAD_CREDENTIALS, r_fixed, "A wrong password" },
	{ RP_CAUSE_DNS_FAILURE, r_dns, "The server's name does not lead to it" },
};

bool rp_recipe_draft(enum rp_cause c, const struct rp_field_facts* f, struct rp_scn_draft* d)
{
	for (size_t i = 0; i < sizeof(recipes) / sizeof(recipes[0]); i++)
		if (recipes[i].cause == c)
		{
			char facts[sizeof(d->summary)] = "";
			struct rp_field_facts g = *f;
			memset(d, 0, sizeof(*d));
			rp_field_facts_clamp(&g, d->notes, sizeof(d->notes));
			f = &g;
			recipes[i].draft(c, f, d);
			rp_strlcpy(facts, d->summary, sizeof(facts));
			snprintf(d->summary, sizeof(d->summary), "%s%s%s%s.", recipes[i].what,
			         facts[0] ? " (" : "", facts, facts[0] ? ")" : "");
			if (f->gateway)
				rp_scn_add(d->summary, sizeof(d->summary),
				           " The field's client went through an RD Gateway; the lab's connects "
				           "directly.");
			return true;
		}
	return false;
}
