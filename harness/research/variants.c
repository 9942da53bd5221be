/* variants.c: `rdprepro variants`: scenarios drawn at random from the envelope that defines
 * each cause, to test the classifier on cases no one hand-picked; and the confusion matrix
 * of a run over them (variants_matrix.c).
 *
 * A draw is seeded (--seed, the cause, its index): the same command writes the same files.
 * Each file says its acceptable verdicts: the cause; `connected` where the draw may be mild
 * enough for the session to come up and hold (the runner then asks the evidence to show it);
 * `undetermined` naming the cause; and, where the physics makes another reading possible, that
 * reading with why (acceptable-because). Never a set widened to make a rule pass. */
#include "variants.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "scnwrite.h"
#include "util.h"
#include "variants_matrix.h"
#include "verdict.h"

/* splitmix64: small, well-mixed, and the same everywhere. */
struct rng
{
	uint64_t s;
};

static uint64_t next(struct rng* r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* An integer in [lo, hi]. */
static int pick(struct rng* r, int lo, int hi)
{
	return lo + (int)(next(r) % (uint64_t)(hi - lo + 1));
}

static const char* one_of(struct rng* r, const char* const* v, int n)
{
	return v[pick(r, 0, n - 1)];
}

static void accept(struct rp_scn_draft* d, const char* cause, const char* why)
{
	rp_scn_add(d->acceptable, sizeof(d->acceptable), "%s%s", d->acceptable[0] ? ", " : "", cause);
	rp_scn_add(d->because, sizeof(d->because), "%s%s: %s", d->because[0] ? "; " : "", cause, why);
}

static void accept_connected(struct rp_scn_draft* d)
{
	accept(d, "connected", "the draw may be mild enough for the session to come up and hold "
	                       "(the runner asks the evidence to show it)");
}

static void accept_undetermined(struct rp_scn_draft* d)
{
	accept(d, "undetermined", "only when it names the cause among its candidates");
}

/* The peer and the security argument that goes with it. */
static const char* security_args(const char* peer)
{
	return peer && strcmp(peer, "xrdp") == 0 ? "/sec:tls /cert:ignore" : "/sec:nla /cert:ignore";
}

static void with_peer(struct rng* r, struct rp_scn_draft* d, int lab_share)
{
	static const char* const peers[] = { "xrdp", "freerdp-shadow" };
	d->peer = pick(r, 1, 100) <= lab_share ? NULL : one_of(r, peers, 2);
	if (d->peer)
		rp_scn_add(d->server, sizeof(d->server), "peer = %s\n", d->peer);
}

static const int timeouts_ms[] = { 3000, 5000, 9000 };

static int client_timeout(struct rng* r, struct rp_scn_draft* d)
{
	int t = timeouts_ms[pick(r, 0, 2)];
	rp_scn_add(d->client, sizeof(d->client), "args = %s%s\n", security_args(d->peer),
	    t == 9000 ? "" : (t == 3000 ? " /timeout:3000" : " /timeout:5000"));
	return t;
}

static const char* const lab_phases[] = { "x224", "tls", "nla", "mcs", "secure-settings",
	                                      "licensing", "capabilities", "finalization" };
#define N_LAB_PHASES 8

static void gen_packet_loss(struct rng* r, struct rp_scn_draft* d)
{
	int lossy_syn;
	with_peer(r, d, 70);
	client_timeout(r, d);
	d->deadline_s = 30;
	if (pick(r, 0, 1))
	{
		int p = pick(r, 10, 50);
		rp_scn_add(d->link, sizeof(d->link), "loss = %d%%\n", p);
		snprintf(d->summary, sizeof(d->summary), "%d %% random loss both ways", p);
		lossy_syn = p >= 25;
	}
	else
	{
		int pg = pick(r, 5, 20), rb = pick(r, 10, 40);
		rp_scn_add(d->link, sizeof(d->link), "loss = gemodel %d%% %d%% 100%% 0%%\n", pg, rb);
		snprintf(d->summary, sizeof(d->summary),
		         "bursty loss both ways (Gilbert-Elliott: %d %% into a burst, %d %% out of it)", pg,
		         rb);
		lossy_syn = 1;
	}
	accept_connected(d);
	accept_undetermined(d);
	if (lossy_syn)
		accept(d, "port-filtered",
		       "at this loss the SYN and its retransmissions (0, 1, 3, 7 s) can all be lost within "
		       "the connect timeout (at 50 % random loss, one time in three): the client then saw "
		       "an unanswered SYN and nothing else, a filtered port to any observer");
}

static void gen_high_latency(struct rng* r, struct rp_scn_draft* d)
{
	int ms = pick(r, 250, 2500), jitter = ms / pick(r, 10, 20);
	static const char* const dirs[] = { "link", "link to-server", "link to-client" };
	const char* dir = one_of(r, dirs, 3);
	with_peer(r, d, 80);
	client_timeout(r, d);
	d->deadline_s = 40;
	snprintf(d->summary, sizeof(d->summary), "%d ms of delay (jitter %d ms) on [%s]", ms, jitter,
	         dir);
	d->link_section = dir;
	rp_scn_add(d->link, sizeof(d->link), "delay = %dms %dms\n", ms, jitter);
	accept_connected(d);
	accept_undetermined(d);
}

static void gen_low_bandwidth(struct rng* r, struct rp_scn_draft* d)
{
	static const int rates[] = { 8, 12, 16, 24, 32, 48, 64, 96, 128 };
	int kbit = rates[pick(r, 0, 8)];
	with_peer(r, d, 80);
	client_timeout(r, d);
	d->deadline_s = 40;
	rp_scn_add(d->link, sizeof(d->link), "rate = %dkbit\n", kbit);
	snprintf(d->summary, sizeof(d->summary), "a %d kbit/s link both ways", kbit);
	accept_connected(d);
	accept_undetermined(d);
}

static void gen_mtu(struct rng* r, struct rp_scn_draft* d)
{
	int mtu = pick(r, 576, 1420);
	with_peer(r, d, 50);
	rp_scn_add(d->client, sizeof(d->client), "args = %s\n", security_args(d->peer));
	d->deadline_s = pick(r, 8, 30);
	rp_scn_add(d->link, sizeof(d->link), "mtu = %d\nicmp = blocked\n", mtu);
	snprintf(d->summary, sizeof(d->summary), "MTU %d toward the client, ICMP blocked", mtu);
	accept(d, "connected", "segments up to this MTU pass: a server whose largest segments are "
	                       "smaller than it (the lab server's TLS flight is 1290 bytes) connects");
	accept_undetermined(d);
}

static void gen_firewall_reset(struct rng* r, struct rp_scn_draft* d)
{
	static const char* const tos[] = { "both", "client", "server" };
	const char* to = one_of(r, tos, 3);
	with_peer(r, d, 70);
	rp_scn_add(d->client, sizeof(d->client), "args = %s\n", security_args(d->peer));
	d->deadline_s = 20;
	if (!d->peer && pick(r, 0, 3))
	{
		const char* ph = pick(r, 0, 8) == 8 ? "active" : one_of(r, lab_phases, N_LAB_PHASES);
		rp_scn_add(d->fault, sizeof(d->fault), "reset = phase %s\n", ph);
		snprintf(d->summary, sizeof(d->summary), "a middlebox resets at phase %s, to %s", ph, to);
	}
	else
	{
		int bytes = pick(r, 100, 4000);
		rp_scn_add(d->fault, sizeof(d->fault), "reset = bytes %d\n", bytes);
		snprintf(d->summary, sizeof(d->summary),
		         "a middlebox resets once the server has sent %d bytes, to %s", bytes, to);
	}
	rp_scn_add(d->fault, sizeof(d->fault), "reset-to = %s\n", to);
	accept_undetermined(d);
	if (strcmp(to, "server") == 0)
		accept(d, "connected", "a reset sent to the server alone can fall after the client "
		                       "already reached active and held");
	else
		accept(d, "connected", "a byte trigger past the whole connection sequence never fires");
}

static void gen_tunnel_drop(struct rng* r, struct rp_scn_draft* d)
{
	int t = client_timeout((with_peer(r, d, 75), r), d);
	d->deadline_s = 25;
	if (!d->peer && pick(r, 0, 1))
	{
		const char* ph = one_of(r, lab_phases, N_LAB_PHASES);
		rp_scn_add(d->fault, sizeof(d->fault), "drop = phase %s\n", ph);
		snprintf(d->summary, sizeof(d->summary), "the tunnel drops at phase %s", ph);
	}
	else
	{
		int at = pick(r, 0, 300);
		rp_scn_add(d->fault, sizeof(d->fault), "drop = at %dms\n", at);
		snprintf(d->summary, sizeof(d->summary), "the tunnel drops %d ms after the start", at);
		accept(d, "connected", "a drop at a time races the connection sequence (about 0.1-0.4 s "
		                       "here): the session may be active and held before it");
	}
	if (pick(r, 0, 2) == 0)
	{
		int back = pick(r, 1, 8);
		rp_scn_add(d->fault, sizeof(d->fault), "drop-for = %ds\n", back);
		rp_scn_add(d->summary, sizeof(d->summary), ", back after %d s", back);
		accept(d, "connected", "the link comes back: TCP retransmits and FreeRDP's session "
		                       "carries on when the outage is shorter than its timers");
	}
	(void)t;
	accept_undetermined(d);
}

static void gen_nat(struct rng* r, struct rp_scn_draft* d)
{
	int nat = pick(r, 1, 8), pause = nat + pick(r, 1, 4);
	const char* ph = one_of(r, lab_phases, N_LAB_PHASES);
	const char* action = pick(r, 0, 1) ? "reset" : "drop";
	int timeout = (pause + 3) * 1000;
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:nla /cert:ignore /timeout:%d\n", timeout);
	d->deadline_s = pause + 15;
	rp_scn_add(d->server, sizeof(d->server), "pause-at = %s\npause = %ds\n", ph, pause);
	rp_scn_add(d->fault, sizeof(d->fault), "nat-timeout = %ds\nnat-action = %s\n", nat, action);
	snprintf(d->summary, sizeof(d->summary),
	         "the server pauses %d s at %s behind a NAT that forgets idle connections after %d s "
	         "and then %ss",
	         pause, ph, nat, action);
	if (nat > 5)
		accept(d, "connected", "FreeRDP's keepalive (5 s idle, then every 2 s) refreshes the "
		                       "NAT's timer before it runs out: the session survives the pause");
	else
		accept(d, "connected", "the pause may fall where the client is the one sending, or the "
		                       "keepalive may refresh the entry in time");
	accept_undetermined(d);
}

static void gen_server_hung(struct rng* r, struct rp_scn_draft* d)
{
	const char* ph = one_of(r, lab_phases, N_LAB_PHASES);
	int t = client_timeout(r, d);
	d->deadline_s = 20;
	if (pick(r, 0, 2))
	{
		rp_scn_add(d->server, sizeof(d->server), "hang-at = %s\n", ph);
		snprintf(d->summary, sizeof(d->summary), "the server hangs at %s", ph);
	}
	else
	{
		int pause = t / 1000 + pick(r, 1, 6);
		rp_scn_add(d->server, sizeof(d->server), "pause-at = %s\npause = %ds\n", ph, pause);
		snprintf(d->summary, sizeof(d->summary),
		         "the server pauses %d s at %s, longer than the client waits (%d ms)", pause, ph, t);
		accept(d, "connected", "FreeRDP's activation timer does not run in every phase: the "
		                       "client may wait the pause out");
	}
	accept_undetermined(d);
}

static void gen_denied(struct rng* r, struct rp_scn_draft* d)
{
	static const char* const codes[] = { "0x7", "0x8", "0x9" };
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:nla /cert:ignore\n");
	d->deadline_s = 20;
	if (pick(r, 0, 1))
		rp_scn_add(d->server, sizeof(d->server), "behaviour = deny\n");
	else
		rp_scn_add(d->server, sizeof(d->server), "behaviour = errorinfo\nerror-info = %s\n",
		    one_of(r, codes, 3));
	snprintf(d->summary, sizeof(d->summary), "the server denies the connection");
	accept_undetermined(d);
}

static void gen_licensing(struct rng* r, struct rp_scn_draft* d)
{
	static const char* const at[] = { "active", "finalization", "capabilities", "licensing" };
	int code = 0x100 + pick(r, 0, 10);
	const char* ph = one_of(r, at, 4);
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:nla /cert:ignore\n");
	d->deadline_s = 20;
	rp_scn_add(d->server, sizeof(d->server),
	           "behaviour = errorinfo\nerror-info = 0x%X\nerror-at = %s\n", code, ph);
	snprintf(d->summary, sizeof(d->summary), "the server sends licensing errorInfo 0x%X at %s",
	         code, ph);
	accept_undetermined(d);
}

static void gen_port(struct rng* r, struct rp_scn_draft* d, bool closed)
{
	with_peer(r, d, 60);
	rp_scn_add(d->client, sizeof(d->client), "args = %s\n", security_args(d->peer));
	if (!closed)
		rp_scn_add(d->client, sizeof(d->client), "connect-timeout = %ds\n", pick(r, 2, 8));
	d->deadline_s = 20;
	rp_scn_add(d->fault, sizeof(d->fault), "port = %s\n", closed ? "closed" : "filtered");
	snprintf(d->summary, sizeof(d->summary), "the port is %s", closed ? "closed" : "filtered");
	accept_undetermined(d);
}

static void gen_certificate(struct rng* r, struct rp_scn_draft* d)
{
	static const char* const kinds[] = { "expired", "wrong-name", "changed" };
	const char* k = one_of(r, kinds, 3);
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:nla\n");
	d->deadline_s = 20;
	if (strcmp(k, "changed") == 0)
		rp_scn_add(d->client, sizeof(d->client), "cert = changed\n");
	else
	{
		rp_scn_add(d->client, sizeof(d->client), "cert = pinned\n");
		rp_scn_add(d->server, sizeof(d->server), "certificate = %s\n", k);
	}
	snprintf(d->summary, sizeof(d->summary), "the server's certificate: %s", k);
	accept_undetermined(d);
}

static void gen_credentials(struct rng* r, struct rp_scn_draft* d)
{
	d->peer = pick(r, 0, 2) ? NULL : "freerdp-shadow";
	if (d->peer)
		rp_scn_add(d->server, sizeof(d->server), "peer = %s\n", d->peer);
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:nla /cert:ignore\npassword = wrong\n");
	d->deadline_s = 20;
	snprintf(d->summary, sizeof(d->summary), "a wrong password");
	accept_undetermined(d);
}

static void gen_security(struct rng* r, struct rp_scn_draft* d)
{
	static const char* const pairs[][2] = { { "nla", "/sec:tls" }, { "tls", "/sec:nla" },
		                                    { "rdp", "/sec:nla" }, { "nla", "/sec:rdp" } };
	int i = pick(r, 0, 3);
	rp_scn_add(d->client, sizeof(d->client), "args = %s /cert:ignore\n", pairs[i][1]);
	rp_scn_add(d->server, sizeof(d->server), "security = %s\n", pairs[i][0]);
	d->deadline_s = 20;
	snprintf(d->summary, sizeof(d->summary), "the server offers %s, the client asks %s",
	         pairs[i][0], pairs[i][1]);
	accept_undetermined(d);
}

static void gen_overloaded(struct rng* r, struct rp_scn_draft* d)
{
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:nla /cert:ignore\n");
	d->deadline_s = pick(r, 5, 20);
	rp_scn_add(d->server, sizeof(d->server), "behaviour = overloaded\n");
	snprintf(d->summary, sizeof(d->summary), "the server accepts TCP and closes at once");
	accept_undetermined(d);
}

static void gen_dns(struct rng* r, struct rp_scn_draft* d)
{
	bool dead = pick(r, 0, 1);
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:nla /cert:ignore\nname = %s\n",
	    dead ? "dead" : "unresolvable");
	if (dead)
		rp_scn_add(d->client, sizeof(d->client), "connect-timeout = %ds\n", pick(r, 2, 6));
	d->deadline_s = 20;
	snprintf(d->summary, sizeof(d->summary), "the name %s",
	         dead ? "resolves to a dead address" : "does not resolve");
	accept_undetermined(d);
}

static void gen_closed(struct rng* r, struct rp_scn_draft* d)
{
	gen_port(r, d, true);
}

static void gen_filtered(struct rng* r, struct rp_scn_draft* d)
{
	gen_port(r, d, false);
}


/* ---- the session (after activation) ---- */

/* A session of `secs`, idle (false returned) or with a mouse move every 300-900 ms. */
static bool session_line(struct rng* r, struct rp_scn_draft* d, int secs, int idle_share)
{
	bool busy = pick(r, 1, 100) > idle_share;
	if (busy)
		rp_scn_add(d->client, sizeof(d->client), "session = %ds input every %dms\n", secs,
		    pick(r, 3, 9) * 100);
	else
		rp_scn_add(d->client, sizeof(d->client), "session = %ds idle\n", secs);
	d->deadline_s = 20;
	return busy;
}

/* When a timed fault fires in the session: at its phase on the lab's server, at a time
 * after the start (the session is active from about 0.1 s) on a third-party one. */
static int session_at(struct rng* r, struct rp_scn_draft* d, const char* key, char* where, size_t n)
{
	int s = pick(r, 1, 6);
	if (d->peer)
	{
		rp_scn_add(d->fault, sizeof(d->fault), "%s = at %ds\n", key, s + 1);
		snprintf(where, n, "%d s after the start", s + 1);
	}
	else
	{
		rp_scn_add(d->fault, sizeof(d->fault), "%s = phase active +%ds\n", key, s);
		snprintf(where, n, "%d s into the session", s);
	}
	return s;
}

/* A fault `key` some seconds into a session of `secs` (idle one time in `idle_share`/100), on
 * any peer; the summary is `what` and when. Returns whether the user works. */
static bool session_fault(struct rng* r, struct rp_scn_draft* d, const char* key, int secs,
                          int idle_share, const char* what)
{
	char where[48];
	bool busy;
	with_peer(r, d, 70);
	rp_scn_add(d->client, sizeof(d->client), "args = %s\n", security_args(d->peer));
	busy = session_line(r, d, secs, idle_share);
	session_at(r, d, key, where, sizeof(where));
	snprintf(d->summary, sizeof(d->summary), "%s %s (%s)", what, where,
	         busy ? "the user works" : "the session is idle");
	return busy;
}

static void gen_s_tunnel_drop(struct rng* r, struct rp_scn_draft* d)
{
	bool busy = session_fault(r, d, "drop", 20, 40, "the tunnel drops");
	if (pick(r, 0, 2) == 0)
	{
		int back = pick(r, 2, 20);
		rp_scn_add(d->fault, sizeof(d->fault), "drop-for = %ds\n", back);
		rp_scn_add(d->summary, sizeof(d->summary), ", back after %d s", back);
		accept(d, "connected", "the link comes back: an outage shorter than TCP_USER_TIMEOUT "
		                       "(9 s) or the keepalive's probes is survived");
		if (!busy)
			accept(d, "nat-idle-timeout", "an idle connection that goes unanswered, on a path "
			                              "that passes again afterwards, is what a NAT that "
			                              "forgot it leaves too");
	}
	accept_undetermined(d);
}

static void gen_s_nat(struct rng* r, struct rp_scn_draft* d)
{
	int nat = pick(r, 1, 4);
	const char* action = pick(r, 0, 1) ? "reset" : "drop";
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:nla /cert:ignore\n");
	session_line(r, d, 18, 100);
	rp_scn_add(d->fault, sizeof(d->fault), "nat-timeout = %ds\nnat-action = %s\n", nat, action);
	snprintf(d->summary, sizeof(d->summary),
	         "an idle session behind a middlebox that forgets connections idle %d s and then %ss "
	         "their next packet (FreeRDP's keepalive comes at 5 s)", nat, action);
	if (strcmp(action, "drop") == 0)
		accept(d, "undetermined", "the keepalive that met the forgotten entry went unanswered, "
		                          "as into a link that was down and came back: it must name "
		                          "nat-idle-timeout");
}

static void gen_s_firewall_reset(struct rng* r, struct rp_scn_draft* d)
{
	bool busy = session_fault(r, d, "reset", 12, 30, "a middlebox resets the session");
	rp_scn_add(d->fault, sizeof(d->fault), "reset-to = %s\n", pick(r, 0, 1) ? "both" : "client");
	if (!busy)
		accept(d, "nat-idle-timeout", "in an idle session the armed reset answers the first "
		                              "packet after the quiet (the keepalive): what an idle "
		                              "timer's reset is");
	accept_undetermined(d);
}

static void gen_s_mtu(struct rng* r, struct rp_scn_draft* d)
{
	int mtu = pick(r, 1300, 1440);
	with_peer(r, d, 100);
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:nla /cert:ignore\n");
	session_line(r, d, pick(r, 8, 12), 30);
	rp_scn_add(d->link, sizeof(d->link), "mtu = %d\nicmp = blocked\n", mtu);
	snprintf(d->summary, sizeof(d->summary),
	         "an MTU of %d with ICMP blocked, in a session whose desktop paints full-size "
	         "updates", mtu);
	accept_undetermined(d);
}

/* A session the server ends `*after` s in, to a client that announces the errorInfo PDU as
 * mstsc does, or (one in four) as FreeRDP 3.10 does not. */
static bool server_end_client(struct rng* r, struct rp_scn_draft* d, int* after)
{
	bool freerdp = pick(r, 0, 3) == 0;
	*after = pick(r, 1, 5);
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:nla /cert:ignore\n%s",
	    freerdp ? "announce = freerdp\n" : "");
	session_line(r, d, *after + 5, 50);
	return freerdp;
}

static const char* const end_codes[] = { "0x1", "0x2", "0x3", "0x4", "0x5", "0xB", "0xC",
	                                     "0x19", "0x1A" };

static void gen_s_server_ended(struct rng* r, struct rp_scn_draft* d)
{
	int after;
	bool freerdp = server_end_client(r, d, &after);
	if (pick(r, 0, 4) == 0)
	{
		rp_scn_add(d->server, sizeof(d->server),
		           "behaviour = ultimatum\nerror-after = %ds\n", after);
		snprintf(d->summary, sizeof(d->summary),
		         "the server ends the session %d s in with an ultimatum alone", after);
	}
	else
	{
		const char* code = one_of(r, end_codes, 9);
		rp_scn_add(d->server, sizeof(d->server), "behaviour = errorinfo\nerror-info = %s\n"
		                                  "error-after = %ds\n", code, after);
		snprintf(d->summary, sizeof(d->summary), "the server ends the session %d s in with "
		                                         "errorInfo %s%s", after, code,
		         freerdp ? " to a client that did not announce the errorInfo PDU" : "");
	}
}

static void gen_s_server_fault(struct rng* r, struct rp_scn_draft* d)
{
	static const char* const codes[] = { "0x6", "0xF", "0x10", "0x11", "0x12", "0x17", "0x18",
		                                 "0x10C9", "0x10D0", "0x1191" };
	const char* code = one_of(r, codes, 10);
	int after;
	bool freerdp = server_end_client(r, d, &after);
	rp_scn_add(d->server, sizeof(d->server),
	           "behaviour = errorinfo\nerror-info = %s\nerror-after = %ds\n", code, after);
	snprintf(d->summary, sizeof(d->summary), "the server ends the session %d s in for its fault "
	                                         "%s%s", after, code,
	         freerdp ? " to a client that did not announce the errorInfo PDU" : "");
	if (freerdp)
		accept(d, "server-ended-session", "a client that did not announce the errorInfo PDU "
		                                  "gets no code: the ultimatum alone says the server "
		                                  "ended it, not why");
}

static void gen_s_loss(struct rng* r, struct rp_scn_draft* d)
{
	int p = pick(r, 45, 65);
	rp_scn_add(d->client, sizeof(d->client), "args = /sec:nla /cert:ignore\n");
	rp_scn_add(d->client, sizeof(d->client),
	           "session = 25s input every %dms\n", pick(r, 3, 6) * 100);
	d->deadline_s = 20;
	rp_scn_add(d->link, sizeof(d->link),
	           "loss = %d%%\nfrom = phase active +%ds\n", p, pick(r, 1, 4));
	snprintf(d->summary, sizeof(d->summary), "the link starts losing %d %% each way in a working "
	                                         "session", p);
	accept(d, "connected", "every segment may still get through within TCP_USER_TIMEOUT for the "
	                       "whole session: it holds, degraded");
	accept_undetermined(d);
}

struct envelope
{
	const char* name; /* the files' prefix: the cause's name, or session-<cause> */
	enum rp_cause cause;
	void (*gen)(struct rng* r, struct rp_scn_draft* d);
	const char* keywords;
};

static const struct envelope envelopes[] = {
	{ NULL, RP_CAUSE_SERVER_DENIED, gen_denied, "server, errorinfo" },
	{ NULL, RP_CAUSE_PACKET_LOSS, gen_packet_loss, "network, loss" },
	{ NULL, RP_CAUSE_HIGH_LATENCY, gen_high_latency, "network, latency" },
	{ NULL, RP_CAUSE_LOW_BANDWIDTH, gen_low_bandwidth, "network, bandwidth" },
	{ NULL, RP_CAUSE_MTU_BLACKHOLE, gen_mtu, "network, mtu" },
	{ NULL, RP_CAUSE_FIREWALL_RESET, gen_firewall_reset, "network, firewall" },
	{ NULL, RP_CAUSE_NAT_IDLE_TIMEOUT, gen_nat, "network, nat" },
	{ NULL, RP_CAUSE_TUNNEL_DROP, gen_tunnel_drop, "network, tunnel" },
	{ NULL, RP_CAUSE_PORT_CLOSED, gen_closed, "network, port" },
	{ NULL, RP_CAUSE_PORT_FILTERED, gen_filtered, "network, port" },
	{ NULL, RP_CAUSE_CERTIFICATE_REJECTED, gen_certificate, "tls, certificate" },
	{ NULL, RP_CAUSE_SECURITY_MISMATCH, gen_security, "security" },
	{ NULL, RP_CAUSE_LICENSING_FAILURE, gen_licensing, "server, licensing" },
	{ NULL, RP_CAUSE_SERVER_OVERLOADED, gen_overloaded, "server" },
	{ NULL, RP_CAUSE_SERVER_HUNG, gen_server_hung, "server, hang" },
	{ NULL, RP_CAUSE_BAD_CREDENTIALS, gen_credentials, "nla, credentials" },
	{ NULL, RP_CAUSE_DNS_FAILURE, gen_dns, "dns" },
	{ "session-tunnel-drop", RP_CAUSE_TUNNEL_DROP, gen_s_tunnel_drop, "session, network, tunnel" },
	{ "session-nat-idle-timeout", RP_CAUSE_NAT_IDLE_TIMEOUT, gen_s_nat, "session, network, nat" },
	{ "session-firewall-reset", RP_CAUSE_FIREWALL_RESET, gen_s_firewall_reset,
	  "session, network, firewall" },
	{ "session-mtu-blackhole", RP_CAUSE_MTU_BLACKHOLE, gen_s_mtu, "session, network, mtu" },
	{ "session-packet-loss", RP_CAUSE_PACKET_LOSS, gen_s_loss, "session, network, loss" },
	{ "session-server-ended-session", RP_CAUSE_SERVER_ENDED_SESSION, gen_s_server_ended,
	  "session, server" },
	{ "session-server-fault", RP_CAUSE_SERVER_FAULT, gen_s_server_fault, "session, server" },
};
#define N_ENVELOPES (sizeof(envelopes) / sizeof(envelopes[0]))

static bool write_draw(const char* dir, const struct envelope* e, int k, unsigned seed,
                       struct rp_err* err)
{
	struct rp_scn_draft d;
	/* Each envelope its own stream: the connection-time ones as before, the session's apart. */
	struct rng r = { ((uint64_t)seed << 32) ^ ((uint64_t)e->cause << 16) ^ (uint64_t)k ^
		             (e->name ? 0x5E55000000ull : 0) };
	char path[1024], header[160], keywords[96];

	memset(&d, 0, sizeof(d));
	e->gen(&r, &d);
	snprintf(path, sizeof(path), "%s/%s-%02d.scn", dir, e->name ? e->name : rp_cause_name(e->cause),
	         k);
	snprintf(keywords, sizeof(keywords), "variant, %s", e->keywords);
	snprintf(header, sizeof(header),
	         "A variant drawn by `rdprepro variants --seed %u` from the envelope of %s.", seed,
	         e->name ? e->name : rp_cause_name(e->cause));
	rp_scn_add(d.summary, sizeof(d.summary), ".");
	return rp_scn_write(path, header, &d, keywords, (unsigned)(next(&r) % 100000u) + 1,
	                    rp_cause_name(e->cause), err);
}

static int usage(FILE* f)
{
	fprintf(f, "usage: rdprepro variants [--seed N] [--per-cause N] [--cause NAME] --out DIR\n"
	           "       rdprepro variants --matrix RESULTS\n"
	           "  Writes N scenarios per cause (default 10), drawn from each cause's envelope\n"
	           "  with the seed (default 1), into DIR; run them with `rdprepro run --results R\n"
	           "  DIR`, then --matrix R prints the confusion matrix and every draw whose verdict\n"
	           "  was not acceptable.\n"
	           "exit: 0; with --matrix 1 when a wrong cause was named; 2 bad usage.\n");
	return f == stderr ? 2 : 0;
}

int rp_variants_main(int argc, char** argv)
{
	static const struct option opts[] = { { "seed", required_argument, NULL, 's' },
		                                   { "per-cause", required_argument, NULL, 'n' },
		                                   { "cause", required_argument, NULL, 'c' },
		                                   { "out", required_argument, NULL, 'o' },
		                                   { "matrix", required_argument, NULL, 'm' },
		                                   { "help", no_argument, NULL, 'h' },
		                                   { NULL, 0, NULL, 0 } };
	unsigned long seed = 1, per = 10;
	const char *out = NULL, *mx = NULL;
	enum rp_cause only = RP_CAUSE_COUNT;
	struct rp_err err = { "" };
	int c, written = 0;
	char* end;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1)
	{
		switch (c)
		{
			case 's':
				errno = 0;
				seed = strtoul(optarg, &end, 10);
				if (errno || *end || !*optarg || seed > 0xFFFFFFFFul)
				{
					fprintf(stderr, "rdprepro variants: --seed: not a number: \"%s\"\n", optarg);
					return 2;
				}
				break;
			case 'n':
				errno = 0;
				per = strtoul(optarg, &end, 10);
				if (errno || *end || !*optarg || per < 1 || per > 99)
				{
					fprintf(stderr, "rdprepro variants: --per-cause: 1 to 99, not \"%s\"\n", optarg);
					return 2;
				}
				break;
			case 'c':
				only = rp_cause_from_name(optarg);
				if (only == RP_CAUSE_COUNT)
				{
					fprintf(stderr, "rdprepro variants: --cause: unknown cause \"%s\" (see "
					                "`rdprepro causes`)\n",
					        optarg);
					return 2;
				}
				break;
			case 'o':
				out = optarg;
				break;
			case 'm':
				mx = optarg;
				break;
			case 'h':
				return usage(stdout);
			default:
				return usage(stderr);
		}
	}
	if (optind < argc || (!out && !mx) || (out && mx))
		return usage(stderr);
	if (mx)
		return rp_variants_matrix(mx);
	if (!rp_mkdir_p(out, &err))
	{
		fprintf(stderr, "rdprepro variants: %s\n", err.msg);
		return 2;
	}
	for (size_t i = 0; i < N_ENVELOPES; i++)
	{
		if (only != RP_CAUSE_COUNT && envelopes[i].cause != only)
			continue;
		for (unsigned long k = 0; k < per; k++, written++)
			if (!write_draw(out, &envelopes[i], (int)k, (unsigned)seed, &err))
			{
				fprintf(stderr, "rdprepro variants: %s\n", err.msg);
				return 2;
			}
	}
	if (only != RP_CAUSE_COUNT && written == 0)
	{
		fprintf(stderr, "rdprepro variants: %s has no envelope (it is not reproducible here)\n",
		        rp_cause_name(only));
		return 2;
	}
	printf("%d variants in %s (seed %lu)\n", written, out, seed);
	return 0;
}
