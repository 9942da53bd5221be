/* conflicts.c: the scenario format's rules across keys (settings that make each other moot: a
 * scenario tests one thing), checked once a file is read, in this order, the first breach
 * reported at the line of the key that breaks it. */
#include "scnparse.h"

#include "scenario.h"
#include "util.h"

#include <string.h>

#define TAKES_EXPLAIN_MS 3000 /* from here on, a scenario's time is explained in it */

/* The line of the scenario's timed event (reset, drop, or the link's `from`). */
static int timed_line(const struct parse* p, const struct rp_scenario* sc)
{
	return sc->reset.when  ? rp_key_line(p, "fault", "reset")
	       : sc->drop.when ? rp_key_line(p, "fault", "drop")
	                       : rp_key_line(p, "link", "from");
}

/* The port, the link's directions and the faults on the connection. */
static bool faults_conflicts(const struct rp_scenario* sc, const struct parse* p, struct rp_err* err)
{
	int port_line = rp_key_line(p, "fault", "port");

	if (sc->port != RP_PORT_OPEN && sc->behaviour != RP_SERVER_NORMAL)
		return rp_fail(err,
		               "%s:%d: port = %s conflicts with behaviour = %s (line %d): the client "
		               "never reaches the server",
		               sc->path, port_line, rp_port_name(sc->port), rp_behaviour_name(sc->behaviour),
		               rp_key_line(p, "server", "behaviour"));
	if (sc->port != RP_PORT_OPEN && sc->wrong_password)
		return rp_fail(err,
		               "%s:%d: port = %s conflicts with password = wrong (line %d): the client "
		               "never reaches the server",
		               sc->path, port_line, rp_port_name(sc->port), rp_key_line(p, "client", "password"));
	{
		static const char* const lk[] = { "loss", "delay", "reorder", "duplicate", "corrupt", "rate" };
		for (size_t i = 0; i < sizeof(lk) / sizeof(lk[0]); i++)
		{
			int both = rp_key_line(p, "link", lk[i]);
			int ts = rp_key_line(p, "link to-server", lk[i]);
			int tc = rp_key_line(p, "link to-client", lk[i]);
			if (both && (ts || tc))
				return rp_fail(err, "%s:%d: %s is set for both directions in [link] (line %d) "
				                       "and again for one",
				               sc->path, ts ? ts : tc, lk[i], both);
		}
	}
	if (sc->reset.when && sc->drop.when)
	{
		int lr = rp_key_line(p, "fault", "reset"), ld = rp_key_line(p, "fault", "drop");
		return rp_fail(err, "%s:%d: %s conflicts with %s (line %d): one fault at a time",
		               sc->path, lr > ld ? lr : ld, lr > ld ? "reset" : "drop",
		               lr > ld ? "drop" : "reset", lr > ld ? ld : lr);
	}
	if (sc->port != RP_PORT_OPEN && (sc->reset.when || sc->drop.when || sc->nat_timeout_ms))
		return rp_fail(err, "%s:%d: port = %s conflicts with a fault on the connection: the "
		                       "client never gets one",
		               sc->path, rp_key_line(p, "fault", "port"), rp_port_name(sc->port));
	if (rp_key_line(p, "fault", "reset-to") && !sc->reset.when)
		return rp_fail(err, "%s:%d: reset-to without a reset", sc->path,
		               rp_key_line(p, "fault", "reset-to"));
	if (rp_key_line(p, "fault", "drop-for") && !sc->drop.when)
		return rp_fail(err, "%s:%d: drop-for without a drop", sc->path,
		               rp_key_line(p, "fault", "drop-for"));
	if (rp_key_line(p, "fault", "nat-action") && !sc->nat_timeout_ms)
		return rp_fail(err, "%s:%d: nat-action without a nat-timeout", sc->path,
		               rp_key_line(p, "fault", "nat-action"));
	return true;
}

/* The lab server's error, heartbeat and desktop settings. */
static bool server_conflicts(const struct rp_scenario* sc, const struct parse* p, struct rp_err* err)
{
	/* When and after what the server ends the connection: only a server that ends it. */
	static const char* const ends_keys[] = { "error-at", "error-after" };

	if ((sc->behaviour == RP_SERVER_ERRORINFO) != (rp_key_line(p, "server", "error-info") != 0))
		return rp_fail(err, "%s:%d: behaviour = errorinfo and error-info go together", sc->path,
		               rp_key_line(p, "server", "error-info") ? rp_key_line(p, "server", "error-info")
		                                                   : rp_key_line(p, "server", "behaviour"));
	for (size_t i = 0; i < sizeof(ends_keys) / sizeof(ends_keys[0]); i++)
		if (rp_key_line(p, "server", ends_keys[i]) && sc->behaviour != RP_SERVER_DENY &&
		    sc->behaviour != RP_SERVER_ERRORINFO && sc->behaviour != RP_SERVER_CLOSE &&
		    sc->behaviour != RP_SERVER_ULTIMATUM)
			return rp_fail(err, "%s:%d: %s goes with behaviour deny, errorinfo, close or ultimatum",
			               sc->path, rp_key_line(p, "server", ends_keys[i]), ends_keys[i]);
	if (rp_key_line(p, "server", "error-after") && sc->error_phase >= 0 &&
	    sc->error_phase != RP_PHASE_ACTIVE)
		return rp_fail(err, "%s:%d: error-after counts from the active session; error-at = %s "
		                       "(line %d)",
		               sc->path, rp_key_line(p, "server", "error-after"),
		               rp_phase_name((enum rp_phase)sc->error_phase), rp_key_line(p, "server", "error-at"));
	if ((sc->error_after_ms || sc->behaviour == RP_SERVER_ULTIMATUM) && !sc->session_ms)
		return rp_fail(err, "%s:%d: a server that ends the session wants a session to end "
		                       "([client] session = DURATION)",
		               sc->path, rp_key_line(p, "server", sc->error_after_ms ? "error-after" : "behaviour"));
	if (sc->error_after_ms && sc->session_ms && sc->error_after_ms >= sc->session_ms)
		return rp_fail(err, "%s:%d: error-after %u ms comes after the session's end (%u ms)",
		               sc->path, rp_key_line(p, "server", "error-after"), sc->error_after_ms,
		               sc->session_ms);
	if (rp_key_line(p, "server", "heartbeat") &&
	    (sc->heartbeat_ms % 1000 || sc->heartbeat_ms < 1000 || sc->heartbeat_ms > 255000))
		return rp_fail(err, "%s:%d: heartbeat: whole seconds from 1s to 255s (the PDU's period "
		                       "is one byte of seconds)",
		               sc->path, rp_key_line(p, "server", "heartbeat"));
	if ((rp_key_line(p, "server", "desktop") || rp_key_line(p, "server", "heartbeat")) && !sc->session_ms)
		return rp_fail(err, "%s:%d: %s is what the server does in a session: set [client] "
		                       "session = DURATION",
		               sc->path,
		               rp_key_line(p, "server", rp_key_line(p, "server", "desktop") ? "desktop" : "heartbeat"),
		               rp_key_line(p, "server", "desktop") ? "desktop" : "heartbeat");
	return true;
}

/* The client's program, session, name and certificate, and the timed event. */
static bool client_conflicts(const struct rp_scenario* sc, const struct parse* p, struct rp_err* err)
{
	if (sc->session_ms && sc->xfreerdp)
		return rp_fail(err, "%s:%d: session is the probe's; program = xfreerdp (line %d) "
		                       "holds what its log shows",
		               sc->path, rp_key_line(p, "client", "session"), rp_key_line(p, "client", "program"));
	if (sc->shape_from.when && !rp_scenario_needs_engine(sc))
		return rp_fail(err, "%s:%d: from: the link has no shaping to begin (loss, delay, rate, "
		                       "...)",
		               sc->path, rp_key_line(p, "link", "from"));
	if (sc->shape_from.when && (sc->reset.when || sc->drop.when))
		return rp_fail(err, "%s:%d: from conflicts with %s (line %d): one timed event at a time",
		               sc->path, rp_key_line(p, "link", "from"), sc->reset.when ? "reset" : "drop",
		               rp_key_line(p, "fault", sc->reset.when ? "reset" : "drop"));
	if (rp_scenario_timed(sc)->after_ms && rp_scenario_timed(sc)->phase != RP_PHASE_ACTIVE)
		return rp_fail(err, "%s:%d: \"+DURATION\" counts from the active session: write "
		                       "\"phase active +DURATION\"",
		               sc->path, rp_key_line(p, "fault", sc->reset.when ? "reset" : "drop"));
	if (sc->naming != RP_NAME_ADDRESS && sc->port != RP_PORT_OPEN)
		return rp_fail(err, "%s:%d: name = %s conflicts with port = %s: one cause at a time",
		               sc->path, rp_key_line(p, "client", "name"), rp_naming_name(sc->naming),
		               rp_port_name(sc->port));
	if (sc->cert != RP_CERT_AS_ARGS && strstr(sc->client_args, "/cert:"))
		return rp_fail(err, "%s:%d: cert = %s conflicts with a /cert: client argument (line %d)",
		               sc->path, rp_key_line(p, "client", "cert"), rp_cert_check_name(sc->cert),
		               rp_key_line(p, "client", "args"));
	if (sc->hostile > 1000)
		return rp_fail(err, "%s:%d: hostile = %u: at most 1000 connections", sc->path,
		               rp_key_line(p, "client", "hostile"), sc->hostile);
	if (sc->xfreerdp && sc->cert != RP_CERT_AS_ARGS)
		return rp_fail(err, "%s:%d: cert = %s is the probe's own check; program = xfreerdp "
		                       "(line %d) takes /cert: arguments",
		               sc->path, rp_key_line(p, "client", "cert"), rp_cert_check_name(sc->cert),
		               rp_key_line(p, "client", "program"));
	if (sc->xfreerdp && sc->connect_timeout_ms)
		return rp_fail(err, "%s:%d: connect-timeout is set through the probe; xfreerdp3 "
		                       "(line %d) has no flag for it",
		               sc->path, rp_key_line(p, "client", "connect-timeout"),
		               rp_key_line(p, "client", "program"));
	return true;
}

/* Third-party servers report no phases and have none of the lab server's behaviours. */
static bool peer_conflicts(const struct rp_scenario* sc, const struct parse* p, struct rp_err* err)
{
	if (sc->peer != RP_PEER_LAB)
	{
		/* Third-party servers report no phases and have none of the lab server's behaviours. */
		static const char* const own[] = { "behaviour", "error-info", "error-at", "hang-at",
			                               "pause-at", "pause", "security", "error-after",
			                               "desktop", "heartbeat" };
		const char* peer = rp_peer_name(sc->peer);
		int peer_line = rp_key_line(p, "server", "peer");
		for (size_t i = 0; i < sizeof(own) / sizeof(own[0]); i++)
			if (rp_key_line(p, "server", own[i]))
				return rp_fail(err, "%s:%d: %s is the lab server's own; peer = %s (line %d) "
				                       "has none",
				               sc->path, rp_key_line(p, "server", own[i]), own[i], peer, peer_line);
		if (rp_scenario_timed(sc)->when == RP_WHEN_PHASE)
			return rp_fail(err, "%s:%d: peer = %s reports no phases: arm the fault with "
			                       "\"at DURATION\" or \"bytes N\"",
			               sc->path, timed_line(p, sc), peer);
		if (sc->wrong_password && sc->peer == RP_PEER_XRDP)
			return rp_fail(err, "%s:%d: peer = xrdp (line %d) checks no password before the "
			                       "session: password = wrong proves nothing there",
			               sc->path, rp_key_line(p, "client", "password"), peer_line);
		if (sc->peer == RP_PEER_SHADOW && sc->server_cert)
			return rp_fail(err, "%s:%d: peer = freerdp-shadow (line %d) is given the run's "
			                       "good certificate only",
			               sc->path, rp_key_line(p, "server", "certificate"), peer_line);
		if (sc->cert != RP_CERT_AS_ARGS)
			return rp_fail(err, "%s:%d: cert = %s needs the lab server; peer = %s "
			                       "(line %d) is another",
			               sc->path, rp_key_line(p, "client", "cert"), rp_cert_check_name(sc->cert), peer,
			               peer_line);
	}
	return true;
}

/* Values out of their range, and keys that want another. */
static bool range_conflicts(const struct rp_scenario* sc, const struct parse* p, struct rp_err* err)
{
	if ((sc->pause_phase >= 0) != (sc->pause_ms > 0))
		return rp_fail(err, "%s:%d: pause-at and pause go together", sc->path,
		               rp_key_line(p, "server", sc->pause_phase >= 0 ? "pause-at" : "pause"));
	if (sc->nat_timeout_ms && sc->nat_timeout_ms < 1000)
		return rp_fail(err, "%s:%d: nat-timeout: at least 1s (conntrack counts in seconds)",
		               sc->path, rp_key_line(p, "fault", "nat-timeout"));
	if (rp_key_line(p, "link", "mtu") && (sc->mtu < 576 || sc->mtu > 1500))
		return rp_fail(err, "%s:%d: mtu: %u is out of range (576 to 1500)", sc->path,
		               rp_key_line(p, "link", "mtu"), sc->mtu);
	if (rp_key_line(p, "link", "icmp") && !sc->mtu)
		return rp_fail(err, "%s:%d: icmp is about the lowered mtu, and no mtu is set", sc->path,
		               rp_key_line(p, "link", "icmp"));
	return true;
}

/* The expectation: its wider set, the time it takes, each with its reason. */
static bool expect_conflicts(const struct rp_scenario* sc, const struct parse* p, struct rp_err* err)
{
	/* A long run says why: the time is the cause's (a timeout, a retransmission schedule), or
	 * it is a defect to find. */
	if (sc->takes_ms >= TAKES_EXPLAIN_MS && !sc->takes_because[0])
		return rp_fail(err, "%s:%d: takes: %u ms wants a takes-because (why it takes that long)",
		               sc->path, rp_key_line(p, "scenario", "takes"), sc->takes_ms);
	if (sc->takes_because[0] && !sc->takes_ms)
		return rp_fail(err, "%s:%d: takes-because without takes", sc->path,
		               rp_key_line(p, "scenario", "takes-because"));
	/* A wider set says why, cause by cause: never widened to make a rule pass. */
	if (sc->acceptable && !sc->acceptable_because[0])
		return rp_fail(err, "%s:%d: acceptable wants an acceptable-because (why each verdict "
		                       "is physically possible)",
		               sc->path, rp_key_line(p, "expect", "acceptable"));
	if (sc->acceptable_because[0] && !sc->acceptable)
		return rp_fail(err, "%s:%d: acceptable-because without acceptable", sc->path,
		               rp_key_line(p, "expect", "acceptable-because"));
	if (sc->acceptable & (1u << sc->expect))
		return rp_fail(err, "%s:%d: acceptable: %s is already the verdict", sc->path,
		               rp_key_line(p, "expect", "acceptable"), rp_cause_name(sc->expect));
	if (sc->expect == RP_CAUSE_CONNECTED && sc->has_last_error && sc->expect_last_error)
		return rp_fail(err, "%s:%d: verdict = connected conflicts with last-error = 0x%08X",
		               sc->path, rp_key_line(p, "expect", "last-error"), sc->expect_last_error);
	return true;
}

/* Settings that make each other moot: a scenario must test one thing. */
bool rp_scenario_conflicts(const struct rp_scenario* sc, const struct parse* p, struct rp_err* err)
{
	return faults_conflicts(sc, p, err) && server_conflicts(sc, p, err) &&
	       client_conflicts(sc, p, err) && peer_conflicts(sc, p, err) &&
	       range_conflicts(sc, p, err) && expect_conflicts(sc, p, err);
}
