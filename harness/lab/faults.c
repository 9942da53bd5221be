/* faults.c: a scenario's faults on the lab's links: shaping (netem or the userspace engine),
 * MTU, port and NAT faults, the engines, the timed fault's clock, and packet captures. */
#include "faults.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "proc.h"
#include "shape.h"

/* Starts the userspace engine for one direction in the router namespace and waits for its
 * "ready" (it is bound to its queue) before any packet is queued to it. */
static bool start_engine(const struct rp_scenario* sc, const struct rp_lab* lab, int dir,
                         bool shape, const char* resdir, const char* const* extra, pid_t* pid,
                         struct rp_err* err)
{
	static const char* const names[2] = { "to-server", "to-client" };
	char queue[8], direction[8], seed[16], log[4096], buf[512], line[128] = "";
	const char* argv[32] = { self_exe, "shaper", "--queue", queue, "--direction", direction,
		                     "--seed", seed, "--log", log };
	int ac = 10;
	int out[2];
	double deadline = rp_now_ms() + rp_slack_ms(3000);

	snprintf(queue, sizeof(queue), "%d", dir);
	snprintf(direction, sizeof(direction), "%d", dir);
	snprintf(seed, sizeof(seed), "%u", sc->seed);
	snprintf(log, sizeof(log), "%s/engine-%s.log", resdir, names[dir]);
	if (shape)
		ac += rp_shape_engine_args(&sc->link[dir], argv + ac, buf, sizeof(buf));
	for (int i = 0; extra && extra[i] && ac < 31; i++)
		argv[ac++] = extra[i];
	argv[ac] = NULL;
	if (pipe2(out, O_CLOEXEC) != 0)
		return rp_fail(err, "pipe: %s", strerror(errno));
	{
		struct rp_spawn sp = { .argv = argv, .netns = lab->ns_router, .fd_stdin = -1,
			                   .fd_stdout = out[1], .fd_stderr = -1 };
		bool ok = rp_proc_spawn(&sp, pid, err);
		close(out[1]);
		if (!ok)
		{
			close(out[0]);
			return false;
		}
	}
	if (!rp_read_until(out[0], "ready", line, sizeof(line), deadline))
		return rp_fail(err, "engine %s: not ready (see %s)", names[dir], log);
	return true;
}

/* The engine's arguments for the scenario's reset fault in direction d (0: to-server,
 * 1: to-client), into extra (bytes, of bytes_size, holds the count); whether the engine resets
 * there. */
static bool reset_args(const struct rp_scenario* sc, int d, const char* extra[5], char* bytes,
                       size_t bytes_size)
{
	bool resets = sc->reset.when && (sc->reset.when != RP_WHEN_BYTES || d == 1);
	if (resets)
	{
		/* to-server (d 0): destination server, source client; to-client (d 1): the reverse. */
		bool dst_is_client = d == 1;
		const char* mode = sc->reset_to == RP_RESET_BOTH ? "both"
		                   : (sc->reset_to == RP_RESET_CLIENT) == dst_is_client ? "destination"
		                                                                     : "source";
		extra[0] = "--reset";
		extra[1] = mode;
		if (sc->reset.when == RP_WHEN_BYTES)
		{
			snprintf(bytes, bytes_size, "%u", sc->reset.bytes);
			extra[2] = "--reset-after-bytes";
			extra[3] = bytes;
		}
	}
	return resets;
}

/* Applies the scenario's link and port faults to the lab, and says how in `how`. Engines
 * started are registered for undo. force_engine: run the engine even with nothing to do
 * (linkcheck measures its own cost that way). */
bool rp_apply_link_faults(const struct rp_scenario* sc, const struct rp_lab* lab,
                          const char* resdir, const char* backend, bool verbose, bool force_engine,
                          char* how, size_t how_size, pid_t engines[2], struct rp_err* err)
{
	static const char* const names[2] = { "to-server", "to-client" };
	bool netem = false, netem_seed = false;
	size_t len = 0;

	if (sc->port != RP_PORT_OPEN)
	{
		const char* w[] = { "port", rp_port_name(sc->port), NULL };
		if (!rp_lab_fault(lab, w, verbose, err))
			return false;
	}
	if (sc->mtu)
	{
		char mtu[16];
		const char* w[] = { "mtu", mtu, sc->icmp_blocked ? "blocked" : "allowed", NULL };
		snprintf(mtu, sizeof(mtu), "%u", sc->mtu);
		if (!rp_lab_fault(lab, w, verbose, err))
			return false;
		len += (size_t)snprintf(how + len, how_size - len,
		                        "mtu %u on the client side, ICMP frag-needed %s; ", sc->mtu,
		                        sc->icmp_blocked ? "blocked" : "allowed");
	}
	if (rp_scenario_needs_engine(sc) && !force_engine && strcmp(backend, "engine") != 0)
	{
		const char* w[] = { "netem-probe", NULL };
		struct rp_err probe_err = { "" };
		netem = rp_lab_fault(lab, w, verbose, &probe_err);
		/* Exit 3: netem without its seed option (kernel or iproute2 older than 6.6). */
		netem_seed = netem;
		if (!netem && strstr(probe_err.msg, "exit status 3"))
			netem = true;
		if (!netem && strcmp(backend, "netem") == 0)
			return rp_fail(err, "backend netem asked for, and this kernel has no sch_netem");
	}
	if (sc->nat_timeout_ms)
	{
		char secs[16];
		const char* w[] = { "nat", secs, sc->nat_reset ? "reset" : "drop", NULL };
		snprintf(secs, sizeof(secs), "%u", (sc->nat_timeout_ms + 999) / 1000);
		if (!rp_lab_fault(lab, w, verbose, err))
			return false;
		len += (size_t)snprintf(how + len, how_size - len,
		                        "a middlebox forgets connections idle %s s, then %s; ", secs,
		                        sc->nat_reset ? "resets" : "drops");
	}
	for (int d = 0; d < 2; d++)
	{
		char words[256];
		/* The reset fault is the engine's: both directions, so that whichever side sends
		 * first after the moment is reset; a byte count is the server's bytes (to-client). */
		const char* extra[5] = { NULL };
		char bytes[16];
		bool resets = reset_args(sc, d, extra, bytes, sizeof(bytes));
		bool shaped = rp_shape_needs_engine(&sc->link[d]);
		bool later = shaped && sc->shape_from.when;
		if (later)
		{
			int k = 0;
			while (extra[k])
				k++;
			extra[k] = "--shape-on-signal";
		}
		if (shaped || (force_engine && d == 0) || resets)
		{
			/* netem shapes where it is here; a reset is the engine's in any case (netem knows
			 * no protocol phase), in the forward path before netem's egress qdisc, and so is
			 * shaping that begins at a phase. */
			bool by_netem = netem && shaped && !later;
			/* netem's seed makes its losses repeatable where it has one; say so otherwise. */
			rp_shape_netem_args(&sc->link[d], sc->seed + (uint32_t)d, netem && netem_seed, words,
			                    sizeof(words));
			if (by_netem)
			{
				const char* w[32] = { "netem", names[d] };
				int k = 2;
				char copy[256];
				char* save = NULL;
				rp_strlcpy(copy, words, sizeof(copy));
				for (char* t = strtok_r(copy, " ", &save); t && k < 31; t = strtok_r(NULL, " ", &save))
					w[k++] = t;
				w[k] = NULL;
				if (!rp_lab_fault(lab, w, verbose, err))
					return false;
			}
			if (!by_netem || resets)
			{
				char q[8];
				const char* w[] = { "queue", names[d], q, NULL };
				snprintf(q, sizeof(q), "%d", d);
				if (!start_engine(sc, lab, d, !by_netem, resdir, resets || later ? extra : NULL, &engines[d],
				                  err))
					return false;
				rp_defer(rp_undo_stop, &engines[d], "engine");
				if (!rp_lab_fault(lab, w, verbose, err))
					return false;
			}
			len += (size_t)snprintf(how + len, how_size - len, "%s: ", names[d]);
			if (shaped || !resets)
				len += (size_t)snprintf(how + len, how_size - len, "%s%s by %s%s", words,
				                        later ? " (from its trigger on)" : "",
				                        !by_netem ? "the userspace engine"
				                        : netem_seed ? "netem"
				                                     : "netem (unseeded: no seed option here)",
				                        resets ? ", " : "");
			if (resets)
				len += (size_t)snprintf(how + len, how_size - len,
				                        "armed to reset by the userspace engine");
			len += (size_t)snprintf(how + len, how_size - len, "; ");
		}
	}
	if (len >= 2 && len < how_size)
		how[len - 2] = '\0';
	else if (how_size)
		how[0] = '\0';
	return true;
}

/* ---- the timed fault ---- */

/* One firing, kept with its monotonic time for the timeline. */
static void note_fired(struct rp_fault_clock* fc, double now, const char* what, const char* why)
{
	struct rp_fault_fired* f;

	if (!fc->fired_at || !fc->n_fired || *fc->n_fired >= RP_FAULT_FIRED_MAX)
		return;
	f = &fc->fired_at[(*fc->n_fired)++];
	f->t_mono_ms = now;
	snprintf(f->what, sizeof(f->what), why ? "%s (%s)" : "%s", what, why);
}

void rp_fault_clock_fire(struct rp_fault_clock* fc, const char* why)
{
	struct rp_err err = { "" };
	double now = rp_now_ms(), at = now - fc->t0;
	size_t len = strlen(fc->link);

	if (fc->sc->reset.when)
	{
		/* Each hold is a connection reaching the phase: every one is reset (the engines
		 * reset each connection once). */
		for (int d = 0; d < 2; d++)
			if (fc->engines[d] > 0)
				kill(fc->engines[d], SIGUSR1);
		note_fired(fc, now, "reset armed", why);
		snprintf(fc->link + len, fc->link_size - len, "%sreset armed at +%.0f ms (%s)",
		         len ? "; " : "", at, why);
	}
	else if (fc->sc->shape_from.when && !fc->fired)
	{
		for (int d = 0; d < 2; d++)
			if (fc->engines[d] > 0)
				kill(fc->engines[d], SIGUSR2);
		note_fired(fc, now, "shaping on", why);
		snprintf(fc->link + len, fc->link_size - len, "%sshaping from +%.0f ms (%s)",
		         len ? "; " : "", at, why);
	}
	else if (fc->sc->drop.when && !fc->fired)
	{
		const char* w[] = { "drop", "on", NULL };
		if (!rp_lab_fault(fc->lab, w, fc->verbose, &err))
			rp_strlcpy(fc->error, err.msg, sizeof(fc->error));
		note_fired(fc, now, "drop on", why);
		if (fc->sc->drop_for_ms)
			fc->drop_off_at = rp_now_ms() + fc->sc->drop_for_ms;
		snprintf(fc->link + len, fc->link_size - len,
		         "%sall traffic dropped from +%.0f ms (%s)%s", len ? "; " : "", at, why,
		         fc->sc->drop_for_ms ? "" : " for good");
	}
	fc->fired = true;
	/* Let a holding server go on: the fault is in place. (A delayed fault let it go on at
	 * the hold.) */
	if (strcmp(why, "phase") == 0 && fc->srv_in >= 0 && write(fc->srv_in, "go\n", 3) != 3)
		rp_strlcpy(fc->error, "cannot release the held server", sizeof(fc->error));
}

void rp_fault_clock_hold(struct rp_fault_clock* fc)
{
	const struct rp_trigger* t = rp_scenario_timed(fc->sc);

	if (!t->after_ms)
	{
		rp_fault_clock_fire(fc, "phase");
		return;
	}
	if (fc->srv_in >= 0 && write(fc->srv_in, "go\n", 3) != 3)
		rp_strlcpy(fc->error, "cannot release the held server", sizeof(fc->error));
	if (fc->fire_at == 0 && (!fc->fired || fc->sc->reset.when))
		fc->fire_at = rp_now_ms() + t->after_ms;
}

/* When the loop must wake next for the fault clock (absolute ms), at most `until`. */
double rp_fault_clock_next(const struct rp_fault_clock* fc, double until)
{
	const struct rp_trigger* t = rp_scenario_timed(fc->sc);
	double next = until;

	if (!fc->fired && t->when == RP_WHEN_TIME && fc->t0 + t->at_ms < next)
		next = fc->t0 + t->at_ms;
	if (fc->drop_off_at > 0 && fc->drop_off_at < next)
		next = fc->drop_off_at;
	if (fc->fire_at > 0 && fc->fire_at < next)
		next = fc->fire_at;
	return next;
}

void rp_fault_clock_tick(struct rp_fault_clock* fc)
{
	const struct rp_trigger* t = rp_scenario_timed(fc->sc);
	double now = rp_now_ms();

	if (!fc->fired && t->when == RP_WHEN_TIME && now >= fc->t0 + t->at_ms)
		rp_fault_clock_fire(fc, "time");
	if (fc->fire_at > 0 && now >= fc->fire_at)
	{
		char why[48];
		snprintf(why, sizeof(why), "phase %s +%u ms", rp_phase_name((enum rp_phase)t->phase),
		         t->after_ms);
		fc->fire_at = 0;
		rp_fault_clock_fire(fc, why);
	}
	if (fc->drop_off_at > 0 && now >= fc->drop_off_at)
	{
		struct rp_err err = { "" };
		const char* w[] = { "drop", "off", NULL };
		size_t len = strlen(fc->link);
		fc->drop_off_at = 0;
		if (!rp_lab_fault(fc->lab, w, fc->verbose, &err))
			rp_strlcpy(fc->error, err.msg, sizeof(fc->error));
		note_fired(fc, now, "drop off", NULL);
		snprintf(fc->link + len, fc->link_size - len, ", flowing again at +%.0f ms",
		         now - fc->t0);
	}
}

/* ---- captures ---- */

/* tcpdump on one router link, into the scenario's result folder; ready when it says so.
 * --immediate-mode: each packet reaches tcpdump as it comes (TPACKET_V3's blocks would hold
 * them until a block fills or times out), and -U writes each one out at once. */
bool rp_capture_start(const struct rp_lab* lab, const char* dev, const char* resdir,
                      struct rp_capture* cap, struct rp_err* err)
{
	char file[4096];
	int fd, pcap;
	double deadline = rp_now_ms() + rp_slack_ms(3000);
	int status;

	snprintf(file, sizeof(file), "%s/%s-link.pcap", resdir, strcmp(dev, "c0") == 0 ? "client" : "server");
	snprintf(cap->log, sizeof(cap->log), "%s/tcpdump-%s.log", resdir, dev);
	fd = open(cap->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0)
		return rp_fail(err, "%s: %s", cap->log, strerror(errno));
	/* The pcap is opened here and tcpdump writes it to its stdout: it leaves root (-Z) once
	 * its capture socket is open, before it writes a byte, so it needs no right on resdir. */
	pcap = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (pcap < 0)
	{
		close(fd);
		return rp_fail(err, "%s: %s", file, strerror(errno));
	}
	{
		/* Debian's package makes the user tcpdump for this (nobody where it is missing). In a
		 * user namespace that maps the caller alone (rootless), no other user exists: tcpdump
		 * keeps the caller's own rights there. */
		const struct passwd* pw = getpwnam("tcpdump") ? getpwnam("tcpdump") : getpwnam("nobody");
		bool drop = pw && geteuid() == 0 && rp_uid_mapped(pw->pw_uid);
		const char* argv[] = { "tcpdump", "-n", "-U", "--immediate-mode", "-s", "256", "-i", dev,
			                   "-w", "-", drop ? "-Z" : NULL, drop ? pw->pw_name : NULL, NULL };
		struct rp_spawn sp = { .argv = argv, .netns = lab->ns_router, .fd_stdin = -1,
			                   .fd_stdout = pcap, .fd_stderr = fd };
		bool ok = rp_proc_spawn(&sp, &cap->pid, err);
		close(fd);
		close(pcap);
		if (!ok)
			return false;
	}
	/* tcpdump prints "listening on DEV" once its socket is open (and its signal handlers
	 * are set). */
	switch (rp_wait_for_log(cap->log, "listening on", cap->pid, deadline, &status))
	{
		case 1:
			return true;
		case 0:
			cap->pid = 0;
			return rp_fail(err, "tcpdump on %s exited: see %s", dev, cap->log);
		default:
			return rp_fail(err, "tcpdump on %s: not listening after 3 s", dev);
	}
}

/* The number just before `what` in line (e.g. "60" in "tcpdump: 60 packets captured, ..."),
 * or -1. */
static long count_before(const char* line, const char* what)
{
	const char* p = strstr(line, what);
	const char* d;

	if (!p || p == line)
		return -1;
	for (d = p; d > line && d[-1] >= '0' && d[-1] <= '9'; d--)
		;
	return d == p ? -1 : strtol(d, NULL, 10);
}

/* The last counts tcpdump printed: on SIGUSR1 one line "N packets captured, M packets received
 * by filter, ...", at exit one line each. */
static bool capture_counts(const char* log, long* captured, long* received)
{
	char* text = NULL;
	struct rp_err ignored;
	bool ok = false;

	if (!rp_read_file(log, &text, &ignored))
		return false;
	for (char* line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
	{
		long c = count_before(line, " packets captured");
		long r = count_before(line, " packets received by filter");
		if (c >= 0)
			*captured = c;
		if (r >= 0)
		{
			*received = r;
			ok = true;
		}
	}
	free(text);
	return ok;
}

/* Undoes a capture once the lab's traffic is over (the probe, the servers and the engines are
 * stopped before it). tcpdump stopped at once loses what its socket still holds (seen: "0
 * packets captured, 19 packets received by filter"): ask it for its counts (SIGUSR1) until it
 * has written all that the kernel's filter passed, within CAPTURE_DRAIN_MS, then SIGTERM and
 * wait for it to exit, which prints the final counts. */
#define CAPTURE_DRAIN_MS 2000
void rp_undo_capture(void* arg)
{
	struct rp_capture* cap = arg;
	double deadline = rp_now_ms() + CAPTURE_DRAIN_MS;
	int status;

	if (cap->pid <= 0)
		return;
	while (rp_now_ms() < deadline)
	{
		long captured = -1, received = -2;
		kill(cap->pid, SIGUSR1);
		if (rp_proc_wait(cap->pid, rp_now_ms() + 10, &status) == 1)
		{
			cap->pid = 0;
			return;
		}
		if (capture_counts(cap->log, &captured, &received) && captured == received)
			break;
	}
	rp_proc_stop(cap->pid, CAPTURE_DRAIN_MS);
	cap->pid = 0;
}
