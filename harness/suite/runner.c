/* runner.c: run scenarios in labs and decide their results. */
#include "runner.h"

#include <dirent.h>
#include <sys/mount.h>
#include <sched.h>
#include <fnmatch.h>
#include <limits.h>
#include <sys/prctl.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

#include "cleanup.h"
#include "creds.h"
#include "evidence.h"
#include "fieldlog.h"
#include "lab.h"
#include "proc.h"
#include "results.h"
#include "scenario.h"
#include "verdict.h"

#define RDP_PORT "3389"
#define SERVER_READY_MS 5000 /* listening in ~40 ms (LAB-NOTES); 5 s is a broken server */
#define PROBE_GRACE_MS 5000  /* the probe's own deadline plus this bounds the whole probe */
#define MAX_SCENARIOS 512

struct run_opts
{
	const char* results;
	const char* tmpdir;
	bool verbose;
	bool keep;    /* leave a failed lab up for inspection */
	bool capture; /* a pcap per router link */
	const char* backend; /* auto, netem, engine */
	const char* freerdp_log; /* WLOG_LEVEL for the probe (probe.log), or NULL */
	bool have_seed;
	unsigned seed;
	int skip_code;
	int jobs;
	int repeat;
	int shard_i, shard_n; /* 1-based shard of N */
	const char* names[16];
	int n_names;
	const char* keywords[16];
	int n_keywords;
};

struct result
{
	enum rp_status status;
	char reason[600];
	struct rp_evidence ev;
	struct rp_verdict verdict;
	bool have_evidence;
	double wall_ms;
	double steps_ms[RP_STEP_COUNT];
	char server_log[4096]; /* the server's report lines, as received */
	char kept[512];        /* --keep: the lab left up */
	char link[512];        /* the link faults applied, and by which backend */
	char client[512];      /* program = xfreerdp: how it ended, what its log gave */
	char client_facts[3072]; /* and the facts its log held, a line each */
	size_t server_len;
};

char self_exe[4096];
/* Why the rootless mode could not start, for the SKIP reasons. */
static char rootless_error[256] = "not tried";

bool rp_find_self(struct rp_err* err)
{
	ssize_t n = readlink("/proc/self/exe", self_exe, sizeof(self_exe) - 1);
	if (n <= 0)
		return rp_fail(err, "readlink /proc/self/exe: %s", strerror(errno));
	self_exe[n] = '\0';
	return true;
}

static bool mkdir_p(const char* path, struct rp_err* err)
{
	char buf[4096];

	rp_strlcpy(buf, path, sizeof(buf));
	for (char* s = buf + 1; *s; s++)
	{
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return rp_fail(err, "mkdir %s: %s", buf, strerror(errno));
		*s = '/';
	}
	if (mkdir(buf, 0755) != 0 && errno != EEXIST)
		return rp_fail(err, "mkdir %s: %s", buf, strerror(errno));
	return true;
}

/* Claims a results directory for this run: an flock on DIR/.lock, held until the run ends
 * (the fd is close-on-exec, so only the runner holds it). A second run given the same
 * directory (two `make scenarios` at once) would remove and rewrite the first's result
 * folders under it; it writes to DIR-PID instead and says so. *got is the directory used,
 * *fd the lock (closed at exit). */
static bool claim_results(const char* want, char* got, size_t n, int* fd, struct rp_err* err)
{
	char lock[4200];

	for (int attempt = 0; attempt < 2; attempt++)
	{
		if (attempt == 0)
			rp_strlcpy(got, want, n);
		else
			snprintf(got, n, "%s-%ld", want, (long)getpid());
		if (!mkdir_p(got, err))
			return false;
		snprintf(lock, sizeof(lock), "%s/.lock", got);
		if ((*fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644)) < 0)
			return rp_fail(err, "%s: %s", lock, strerror(errno));
		if (flock(*fd, LOCK_EX | LOCK_NB) == 0)
		{
			/* Absolute from here on: daemons such as xrdp change directory before they
			 * open the log path they were given. */
			char abs[PATH_MAX];
			if (realpath(got, abs))
				rp_strlcpy(got, abs, n);
			if (attempt > 0)
				fprintf(stderr, "rdprepro: %s is in use by another run; results in %s\n", want, got);
			return true;
		}
		if (errno != EWOULDBLOCK)
			return rp_fail(err, "flock %s: %s", lock, strerror(errno));
		close(*fd);
		*fd = -1;
	}
	return rp_fail(err, "%s is in use by another run", got);
}

/* ---- undo actions ---- */

void rp_undo_remove_tree(void* arg)
{
	struct rp_err err;
	if (!rp_remove_tree(arg, &err))
		fprintf(stderr, "rdprepro: cleanup: %s\n", err.msg);
}

bool g_verbose;

void rp_undo_lab(void* arg)
{
	struct rp_err err;
	if (!rp_lab_down(arg, g_verbose, &err))
		fprintf(stderr, "rdprepro: cleanup: %s\n", err.msg);
}

void rp_undo_stop(void* arg)
{
	pid_t* pid = arg;
	rp_proc_stop(*pid, 1000);
	*pid = 0;
}

static void undo_close(void* arg)
{
	int* fd = arg;
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* ---- the server's report lines ---- */

static void read_server_lines(int fd, struct result* r, bool* listening)
{
	char buf[1024];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
	{
		size_t room = sizeof(r->server_log) - 1 - r->server_len;
		size_t take = (size_t)n < room ? (size_t)n : room;
		memcpy(r->server_log + r->server_len, buf, take);
		r->server_len += take;
		r->server_log[r->server_len] = '\0';
	}
	if (listening && strstr(r->server_log, "listening "))
		*listening = true;
}

/* Waits for the server's "listening" line, or its exit, or the deadline. */
static bool wait_listening(int fd, pid_t server, struct result* r, struct rp_err* err)
{
	double deadline = rp_now_ms() + SERVER_READY_MS;
	bool listening = false;

	while (!listening)
	{
		struct pollfd fds[2] = { { .fd = fd, .events = POLLIN },
			                     { .fd = rp_interrupt_fd(), .events = POLLIN } };
		double left = deadline - rp_now_ms();
		int status;

		if (rp_interrupted())
			return rp_fail(err, "interrupted by signal %d", rp_interrupted());
		if (left <= 0)
			return rp_fail(err, "server: not listening after %d ms", SERVER_READY_MS);
		poll(fds, 2, (int)left + 1);
		read_server_lines(fd, r, &listening);
		if (!listening && waitpid(server, &status, WNOHANG) == server)
			return rp_fail(err, "server exited (status %d) before listening: see server.log",
			               rp_proc_exit_code(status));
	}
	return true;
}

/* Prints the server's report with times relative to the probe's start. */
static void print_server_timeline(FILE* f, const struct result* r, const char* in)
{
	char copy[sizeof(r->server_log)];
	char* save = NULL;
	int col = 0;

	rp_strlcpy(copy, r->server_log, sizeof(copy));
	fprintf(f, "%sserver:", in);
	for (char* line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
	{
		char what[128] = "";
		double t = 0;
		int id = 0;
		const char* name;
		if (sscanf(line, "peer %d state %127s %lf", &id, what, &t) == 3)
			name = strncmp(what, "CONNECTION_STATE_", 17) == 0 ? what + 17 : what;
		else if (sscanf(line, "peer %d event %127s %lf", &id, what, &t) == 3 ||
		         sscanf(line, "peer %d %127s %lf", &id, what, &t) == 3)
			name = what;
		else
			continue;
		if (col++ % 4 == 0)
			fprintf(f, "\n%s  ", in);
		fprintf(f, " %s@%+.1f", name, r->have_evidence ? t - r->ev.t0_mono_ms : t);
	}
	fprintf(f, "%s\n", col ? " (ms from the client's start)" : " no connection reached it");
}

/* ---- one scenario ---- */

static void split_args(char* s, const char** av, int* ac, int max)
{
	char* save = NULL;
	for (char* t = strtok_r(s, " \t", &save); t && *ac < max; t = strtok_r(NULL, " \t", &save))
		av[(*ac)++] = t;
}

/* PASS only if the verdict and every optional expectation hold; the reason names each miss. */
static void check_expectations(const struct rp_scenario* sc, struct result* r)
{
	char* w = r->reason;
	size_t left = sizeof(r->reason);
	int n;

	r->status = RP_PASS;
	n = snprintf(w, left, "%s", rp_cause_name(r->verdict.cause));
	if (r->verdict.cause != sc->expect)
	{
		r->status = RP_FAIL;
		n = snprintf(w, left, "expected %s, observed %s", rp_cause_name(sc->expect),
		             rp_cause_name(r->verdict.cause));
	}
	w += n;
	left -= (size_t)n;
	if (sc->has_last_error && r->ev.last_error != sc->expect_last_error)
	{
		r->status = RP_FAIL;
		n = snprintf(w, left, "; expected last error 0x%08X, observed 0x%08X",
		             sc->expect_last_error, r->ev.last_error);
		w += n;
		left -= (size_t)n;
	}
	if (sc->has_error_info && r->ev.error_info != sc->expect_error_info)
	{
		r->status = RP_FAIL;
		n = snprintf(w, left, "; expected errorInfo 0x%08X, observed 0x%08X",
		             sc->expect_error_info, r->ev.error_info);
		w += n;
		left -= (size_t)n;
	}
	if (sc->has_phase && (int)rp_evidence_furthest(&r->ev) != sc->expect_phase)
	{
		r->status = RP_FAIL;
		snprintf(w, left, "; expected furthest phase %s, observed %s",
		         rp_phase_name((enum rp_phase)sc->expect_phase),
		         rp_phase_name(rp_evidence_furthest(&r->ev)));
	}
}

/* Waits until the log file of process pid holds needle (1), the process exits first (0, its
 * status in *status), or the deadline passes or a signal comes (-1). */
static int wait_for_log(const char* log, const char* needle, pid_t pid, double deadline,
                        int* status)
{
	while (rp_now_ms() < deadline && !rp_interrupted())
	{
		char buf[4096] = "";
		FILE* f = fopen(log, "r");
		size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
		if (f)
			fclose(f);
		buf[n] = '\0';
		if (strstr(buf, needle))
			return 1;
		if (rp_proc_wait(pid, rp_now_ms() + 20, status) == 1)
			return 0;
	}
	return -1;
}

/* A packet capture on one router link: tcpdump, and its log (where it says its counts). */
struct capture
{
	pid_t pid;
	char log[4096];
};

/* tcpdump on one router link, into the scenario's result folder; ready when it says so.
 * --immediate-mode: each packet reaches tcpdump as it comes (TPACKET_V3's blocks would hold
 * them until a block fills or times out), and -U writes each one out at once. */
static bool start_capture(const struct rp_lab* lab, const char* dev, const char* resdir,
                          struct capture* cap, struct rp_err* err)
{
	char file[4096];
	int fd;
	double deadline = rp_now_ms() + 3000;
	int status;

	snprintf(file, sizeof(file), "%s/%s-link.pcap", resdir, strcmp(dev, "c0") == 0 ? "client" : "server");
	snprintf(cap->log, sizeof(cap->log), "%s/tcpdump-%s.log", resdir, dev);
	fd = open(cap->log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return rp_fail(err, "%s: %s", cap->log, strerror(errno));
	{
		const char* argv[] = { "tcpdump", "-n", "-U", "--immediate-mode", "-s", "256", "-i", dev,
			                   "-w", file, NULL };
		struct rp_spawn sp = { .argv = argv, .netns = lab->ns_router, .fd_stdin = -1,
			                   .fd_stdout = fd, .fd_stderr = fd };
		bool ok = rp_proc_spawn(&sp, &cap->pid, err);
		close(fd);
		if (!ok)
			return false;
	}
	/* tcpdump prints "listening on DEV" once its socket is open (and its signal handlers
	 * are set). */
	switch (wait_for_log(cap->log, "listening on", cap->pid, deadline, &status))
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
static void undo_capture(void* arg)
{
	struct capture* cap = arg;
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

/* Reads fd until what it read holds needle, EOF, the deadline or an interrupt; closes fd.
 * True when the needle came. */
static bool read_until(int fd, const char* needle, char* buf, size_t n, double deadline)
{
	size_t got = 0;

	buf[0] = '\0';
	while (!strstr(buf, needle) && got < n - 1 && rp_now_ms() < deadline && !rp_interrupted())
	{
		struct pollfd p = { .fd = fd, .events = POLLIN };
		ssize_t k;
		if (poll(&p, 1, (int)(deadline - rp_now_ms()) + 1) <= 0)
			continue;
		k = read(fd, buf + got, n - 1 - got);
		if (k <= 0)
			break;
		got += (size_t)k;
		buf[got] = '\0';
	}
	close(fd);
	return strstr(buf, needle) != NULL;
}

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
	double deadline = rp_now_ms() + 3000;

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
	if (!read_until(out[0], "ready", line, sizeof(line), deadline))
		return rp_fail(err, "engine %s: not ready (see %s)", names[dir], log);
	return true;
}

bool rp_apply_link_faults(const struct rp_scenario* sc, const struct rp_lab* lab,
                          const char* resdir, const char* backend, bool verbose, bool force_engine,
                          char* how, size_t how_size, pid_t engines[2], struct rp_err* err);

static bool apply_faults(const struct rp_scenario* sc, const struct rp_lab* lab,
                         const char* resdir, const struct run_opts* o, struct result* r,
                         pid_t engines[2], struct rp_err* err)
{
	return rp_apply_link_faults(sc, lab, resdir, o->backend, o->verbose, false, r->link,
	                            sizeof(r->link), engines, err);
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
				snprintf(bytes, sizeof(bytes), "%u", sc->reset.bytes);
				extra[2] = "--reset-after-bytes";
				extra[3] = bytes;
			}
		}
		bool shaped = rp_shape_needs_engine(&sc->link[d]);
		if (shaped || (force_engine && d == 0) || resets)
		{
			/* netem shapes where it is here; a reset is the engine's in any case (netem knows
			 * no protocol phase), in the forward path before netem's egress qdisc. */
			bool by_netem = netem && shaped;
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
				if (!start_engine(sc, lab, d, !by_netem, resdir, resets ? extra : NULL, &engines[d],
				                  err))
					return false;
				rp_defer(rp_undo_stop, &engines[d], "engine");
				if (!rp_lab_fault(lab, w, verbose, err))
					return false;
			}
			len += (size_t)snprintf(how + len, how_size - len, "%s: ", names[d]);
			if (shaped || !resets)
				len += (size_t)snprintf(how + len, how_size - len, "%s by %s%s", words,
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

/* The timed fault of one run: a reset (signals to the engines) or a drop (nft), fired at
 * the server's hold or at a time after the probe started, and a drop's end. */
struct fault_clock
{
	const struct rp_scenario* sc;
	const struct rp_lab* lab;
	pid_t* engines;
	bool verbose;
	double t0;
	int srv_in;
	struct result* r;
	bool fired;         /* fired at least once (a time trigger fires once) */
	double drop_off_at; /* 0: none pending */
	char error[300];
};

static void fault_clock_fire(struct fault_clock* fc, const char* why)
{
	struct rp_err err = { "" };
	double at = rp_now_ms() - fc->t0;
	size_t len = strlen(fc->r->link);

	if (fc->sc->reset.when)
	{
		/* Each hold is a connection reaching the phase: every one is reset (the engines
		 * reset each connection once). */
		for (int d = 0; d < 2; d++)
			if (fc->engines[d] > 0)
				kill(fc->engines[d], SIGUSR1);
		snprintf(fc->r->link + len, sizeof(fc->r->link) - len, "%sreset armed at +%.0f ms (%s)",
		         len ? "; " : "", at, why);
	}
	else if (fc->sc->drop.when && !fc->fired)
	{
		const char* w[] = { "drop", "on", NULL };
		if (!rp_lab_fault(fc->lab, w, fc->verbose, &err))
			rp_strlcpy(fc->error, err.msg, sizeof(fc->error));
		if (fc->sc->drop_for_ms)
			fc->drop_off_at = rp_now_ms() + fc->sc->drop_for_ms;
		snprintf(fc->r->link + len, sizeof(fc->r->link) - len,
		         "%sall traffic dropped from +%.0f ms (%s)%s", len ? "; " : "", at, why,
		         fc->sc->drop_for_ms ? "" : " for good");
	}
	fc->fired = true;
	/* Let a holding server go on: the fault is in place. */
	if (fc->srv_in >= 0 && write(fc->srv_in, "go\n", 3) != 3)
		rp_strlcpy(fc->error, "cannot release the held server", sizeof(fc->error));
}

/* When the loop must wake next for the fault clock (absolute ms), at most `until`. */
static double fault_clock_next(const struct fault_clock* fc, double until)
{
	const struct rp_trigger* t = fc->sc->reset.when ? &fc->sc->reset : &fc->sc->drop;
	double next = until;

	if (!fc->fired && t->when == RP_WHEN_TIME && fc->t0 + t->at_ms < next)
		next = fc->t0 + t->at_ms;
	if (fc->drop_off_at > 0 && fc->drop_off_at < next)
		next = fc->drop_off_at;
	return next;
}

static void fault_clock_tick(struct fault_clock* fc)
{
	const struct rp_trigger* t = fc->sc->reset.when ? &fc->sc->reset : &fc->sc->drop;
	double now = rp_now_ms();

	if (!fc->fired && t->when == RP_WHEN_TIME && now >= fc->t0 + t->at_ms)
		fault_clock_fire(fc, "time");
	if (fc->drop_off_at > 0 && now >= fc->drop_off_at)
	{
		struct rp_err err = { "" };
		const char* w[] = { "drop", "off", NULL };
		size_t len = strlen(fc->r->link);
		fc->drop_off_at = 0;
		if (!rp_lab_fault(fc->lab, w, fc->verbose, &err))
			rp_strlcpy(fc->error, err.msg, sizeof(fc->error));
		snprintf(fc->r->link + len, sizeof(fc->r->link) - len, ", flowing again at +%.0f ms",
		         now - fc->t0);
	}
}

/* The full path of a program found in $PATH, as execvp would find it. */
static bool find_in_path(const char* name, char* out, size_t n)
{
	const char* path = getenv("PATH");
	char dirs[4096];
	char* save = NULL;

	rp_strlcpy(dirs, path && *path ? path : "/usr/sbin:/usr/bin:/sbin:/bin", sizeof(dirs));
	for (char* d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save))
	{
		snprintf(out, n, "%s/%s", d, name);
		if (access(out, X_OK) == 0)
			return true;
	}
	/* Debian puts daemons in sbin, which a non-login PATH may lack. */
	snprintf(out, n, "/usr/sbin/%s", name);
	return access(out, X_OK) == 0;
}

/* xrdp as the server (TLS, no NLA): its own ini with the run's certificate and key, no fork,
 * its log in the result folder; ready when the log says it listens. */
static bool start_xrdp(const char* bin, const struct rp_lab* lab, const struct rp_creds* creds,
                       const char* rundir, const char* resdir, pid_t* pid, struct rp_err* err)
{
	char ini[4096], log[4096], out_path[4096], line[1024];
	FILE* in = fopen("/etc/xrdp/xrdp.ini", "r");
	FILE* out;
	int out_fd;
	int status;

	if (!in)
		return rp_fail(err, "/etc/xrdp/xrdp.ini: %s", strerror(errno));
	snprintf(ini, sizeof(ini), "%s/xrdp.ini", rundir);
	snprintf(log, sizeof(log), "%s/xrdp.log", resdir);
	if (!(out = fopen(ini, "w")))
	{
		fclose(in);
		return rp_fail(err, "%s: %s", ini, strerror(errno));
	}
	/* Debian's ini, with the keys the lab needs replaced where they stand. */
	while (fgets(line, sizeof(line), in))
	{
		if (strncmp(line, "fork=", 5) == 0)
			fputs("fork=false\n", out);
		else if (strncmp(line, "port=3389", 9) == 0)
			fputs("port=3389\n", out);
		else if (strncmp(line, "certificate=", 12) == 0)
			fprintf(out, "certificate=%s\n", creds->cert);
		else if (strncmp(line, "key_file=", 9) == 0)
			fprintf(out, "key_file=%s\n", creds->key);
		else if (strncmp(line, "LogFile=", 8) == 0)
			fprintf(out, "LogFile=%s\n", log);
		else if (strncmp(line, "EnableSyslog=", 13) == 0)
			fputs("EnableSyslog=false\n", out);
		else
			fputs(line, out);
	}
	fclose(in);
	fclose(out);
	snprintf(out_path, sizeof(out_path), "%s/xrdp.out", resdir);
	out_fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	{
		const char* argv[] = { bin, "--nodaemon", "--config", ini, NULL };
		struct rp_spawn sp = { .argv = argv, .netns = lab->ns_server, .fd_stdin = -1,
			                   .fd_stdout = out_fd, .fd_stderr = out_fd };
		bool ok = rp_proc_spawn(&sp, pid, err);
		if (out_fd >= 0)
			close(out_fd);
		if (!ok)
			return false;
	}
	switch (wait_for_log(log, "listening to port 3389", *pid, rp_now_ms() + SERVER_READY_MS,
	                     &status))
	{
		case 1:
			return true;
		case 0:
			return rp_fail(err, "xrdp exited (status %d) before listening: see %s",
			               rp_proc_exit_code(status), out_path);
		default:
			return rp_fail(err, "xrdp: not listening after %d ms (see %s)", SERVER_READY_MS, log);
	}
}

/* Whether a TCP socket listens on port in the network namespace of process pid
 * (/proc/PID/net/tcp: local address as ADDR:PORT in hex, state 0A = LISTEN). */
static bool listens_on(pid_t pid, int port)
{
	char path[64], line[512];
	FILE* f;
	bool found = false;

	snprintf(path, sizeof(path), "/proc/%d/net/tcp", (int)pid);
	if (!(f = fopen(path, "r")))
		return false;
	while (!found && fgets(line, sizeof(line), f))
	{
		unsigned lport, state;
		if (sscanf(line, " %*d: %*x:%x %*x:%*x %x", &lport, &state) == 2)
			found = (int)lport == port && state == 0x0A;
	}
	fclose(f);
	return found;
}

/* One side of the lab (server or client) as X and FreeRDP see it: a HOME of its own (shadow's
 * certificate under $XDG_CONFIG_HOME/freerdp/shadow/, xfreerdp3's known hosts) and a /tmp of
 * its own (X's lock file .X0-lock and socket .X11-unix/X0), both in the run directory. With
 * these, every lab's display can be :0: nothing of it is shared with another lab, and it all
 * goes with the run directory. */
struct x_side
{
	char home[4096];     /* the directory */
	char tmp[4096];      /* bound over /tmp for the side's X server and X clients */
	char env_home[4200]; /* HOME=... */
	char env_xdg[4200];  /* XDG_CONFIG_HOME=... */
	char keep[4096];     /* the run directory: seen at its own path under the private /tmp */
};

static bool x_side_make(struct x_side* x, const char* rundir, const char* side, struct rp_err* err)
{
	snprintf(x->home, sizeof(x->home), "%s/%s-home", rundir, side);
	snprintf(x->tmp, sizeof(x->tmp), "%s/%s-tmp", rundir, side);
	snprintf(x->env_home, sizeof(x->env_home), "HOME=%s", x->home);
	snprintf(x->env_xdg, sizeof(x->env_xdg), "XDG_CONFIG_HOME=%s/.config", x->home);
	rp_strlcpy(x->keep, rundir, sizeof(x->keep));
	if (mkdir(x->home, 0700) != 0 && errno != EEXIST)
		return rp_fail(err, "mkdir %s: %s", x->home, strerror(errno));
	/* /tmp's own mode: X makes .X11-unix in it and checks that it may. */
	if ((mkdir(x->tmp, 01777) != 0 && errno != EEXIST) || chmod(x->tmp, 01777) != 0)
		return rp_fail(err, "mkdir %s: %s", x->tmp, strerror(errno));
	return true;
}

/* An Xvfb on display :0 of a lab namespace, with the side's own /tmp. It listens on no TCP
 * port; it says its display on a pipe of its own (-displayfd) once it accepts clients.
 * -noreset: an X server regenerates when its last client disconnects, and while it does, a
 * connection fails; freerdp-shadow-cli3 opens the display, closes it and opens it again at
 * start, so without it about one start in two (more under load) failed with "failed to open
 * display: :0" (measured: 38 of 60 at -j 8). */
static bool start_xvfb(const char* xvfb_bin, const char* netns, const struct x_side* x,
                       const char* resdir, const char* out_name, pid_t* pid, struct rp_err* err)
{
	char xout[4096], said[16] = "";
	int fd, df[2];
	double deadline = rp_now_ms() + SERVER_READY_MS;
	bool ok;

	snprintf(xout, sizeof(xout), "%s/%s", resdir, out_name);
	if ((fd = open(xout, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0)
		return rp_fail(err, "%s: %s", xout, strerror(errno));
	if (pipe2(df, O_CLOEXEC) != 0)
	{
		close(fd);
		return rp_fail(err, "pipe: %s", strerror(errno));
	}
	{
		const char* argv[] = { xvfb_bin, ":0", "-nolisten", "tcp", "-noreset", "-screen", "0",
			                   "1024x768x24", "-displayfd", "3", NULL };
		struct rp_spawn sp = { .argv = argv, .netns = netns, .fd_stdin = -1, .fd_stdout = fd,
			                   .fd_stderr = fd, .fd3 = df[1], .private_tmp = x->tmp,
			                   .keep_dir = x->keep };
		ok = rp_proc_spawn(&sp, pid, err);
		close(fd);
		close(df[1]);
		if (!ok)
		{
			close(df[0]);
			return false;
		}
	}
	/* -displayfd: the display number and a newline, written once it accepts clients; EOF
	 * first means it exited. */
	if (read_until(df[0], "\n", said, sizeof(said), deadline))
		return true;
	{
		int status;
		if (rp_proc_wait(*pid, rp_now_ms() + 100, &status) == 1)
		{
			*pid = 0;
			return rp_fail(err, "Xvfb exited (status %d): see %s", rp_proc_exit_code(status), xout);
		}
	}
	return rp_fail(err, "Xvfb: not ready after %d ms (see %s)", SERVER_READY_MS, xout);
}

/* freerdp-shadow-cli3 as the server, sharing display :0 of an Xvfb of its own in the server
 * namespace, both on the server side's HOME and /tmp. NLA against the run's SAM file; its
 * certificate is the one it makes under that HOME. */
static bool start_shadow(const char* shadow_bin, const char* xvfb_bin, const struct rp_lab* lab,
                         const struct rp_creds* creds, const char* rundir, const char* resdir,
                         pid_t* xvfb, pid_t* pid, struct rp_err* err)
{
	char log[4096], sam[4200];
	struct x_side x;
	int fd, status;
	bool ok;

	if (!x_side_make(&x, rundir, "server", err) ||
	    !start_xvfb(xvfb_bin, lab->ns_server, &x, resdir, "xvfb-server.out", xvfb, err))
		return false;
	snprintf(log, sizeof(log), "%s/shadow.log", resdir);
	snprintf(sam, sizeof(sam), "/sam-file:%s", creds->sam);
	if ((fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0)
		return rp_fail(err, "%s: %s", log, strerror(errno));
	{
		const char* argv[] = { shadow_bin, "/port:" RDP_PORT, sam, NULL };
		const char* env[] = { x.env_home, x.env_xdg, "DISPLAY=:0", "TMPDIR=/tmp",
			                  "WLOG_LEVEL=INFO", NULL };
		struct rp_spawn sp = { .argv = argv, .netns = lab->ns_server, .fd_stdin = -1,
			                   .fd_stdout = fd, .fd_stderr = fd, .env = env,
			                   .private_tmp = x.tmp, .keep_dir = x.keep };
		ok = rp_proc_spawn(&sp, pid, err);
		close(fd);
		if (!ok)
			return false;
	}
	/* Its "Listening on" goes to a buffered stdout: look at its namespace's sockets. */
	for (double end = rp_now_ms() + SERVER_READY_MS; rp_now_ms() < end && !rp_interrupted();)
	{
		if (listens_on(*pid, atoi(RDP_PORT)))
			return true;
		if (rp_proc_wait(*pid, rp_now_ms() + 20, &status) == 1)
		{
			*pid = 0;
			return rp_fail(err, "freerdp-shadow-cli3 exited (status %d) before listening: see %s",
			               rp_proc_exit_code(status), log);
		}
	}
	return rp_fail(err, "freerdp-shadow-cli3: not listening after %d ms (see %s)", SERVER_READY_MS,
	               log);
}

/* Open files of a process (/proc/PID/fd), -1 if it is gone. */
static int count_fds(pid_t pid)
{
	char path[64];
	DIR* d;
	struct dirent* e;
	int n = 0;

	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	if (!(d = opendir(path)))
		return -1;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

/* [client] hostile = N: `rdprepro hostile` in the client namespace; ready once it says so.
 * It holds its connections until *in (its stdin) is closed. */
static bool start_hostile(const struct rp_scenario* sc, const struct rp_lab* lab, pid_t* pid,
                          int* in, char* ready, size_t ready_size, struct rp_err* err)
{
	int to[2], from[2];
	char crowd[16], line[128] = "";
	size_t got = 0;
	bool ok;

	if (pipe2(to, O_CLOEXEC) != 0)
		return rp_fail(err, "pipe: %s", strerror(errno));
	if (pipe2(from, O_CLOEXEC) != 0)
	{
		close(to[0]);
		close(to[1]);
		return rp_fail(err, "pipe: %s", strerror(errno));
	}
	snprintf(crowd, sizeof(crowd), "%u", sc->hostile);
	{
		const char* argv[] = { self_exe, "hostile", "--host", RP_LAB_SERVER_ADDR, "--port",
			                   RDP_PORT, "--crowd", crowd, NULL };
		struct rp_spawn sp = { .argv = argv, .netns = lab->ns_client, .fd_stdin = to[0],
			                   .fd_stdout = from[1], .fd_stderr = -1 };
		ok = rp_proc_spawn(&sp, pid, err);
	}
	close(to[0]);
	close(from[1]);
	*in = to[1];
	for (double end = rp_now_ms() + 5000; ok && !strchr(line, '\n') && rp_now_ms() < end;)
	{
		struct pollfd p = { .fd = from[0], .events = POLLIN };
		ssize_t n;
		if (poll(&p, 1, 100) <= 0)
			continue;
		if ((n = read(from[0], line + got, sizeof(line) - 1 - got)) <= 0)
			break;
		got += (size_t)n;
		line[got] = '\0';
	}
	close(from[0]);
	if (ok && strncmp(line, "ready ", 6) != 0)
		ok = rp_fail(err, "rdprepro hostile: not ready after 5 s");
	line[strcspn(line, "\n")] = '\0';
	rp_strlcpy(ready, ok ? line + 6 : "", ready_size);
	return ok;
}

/* After the run: the hostile clients hang up; the server must still be there, and give back
 * what they cost it (its open files back to where they were, within 3 s). */
static bool end_hostile(pid_t* hostile, int* in, pid_t server, int fds_before, const char* ready,
                        struct result* r)
{
	int fds_during = count_fds(server), fds_after = -1;
	bool alive;

	close(*in);
	*in = -1;
	rp_proc_stop(*hostile, 2000);
	*hostile = 0;
	for (double end = rp_now_ms() + 3000; rp_now_ms() < end;)
	{
		if ((fds_after = count_fds(server)) <= fds_before)
			break;
		usleep(50000);
	}
	alive = fds_after >= 0 && waitpid(server, NULL, WNOHANG) == 0;
	snprintf(r->client, sizeof(r->client),
	         "hostile clients: %s connected (garbage, truncated X.224, silent, a crowd); the "
	         "server %s; its open files: %d before, %d with them, %d after they left",
	         ready, alive ? "kept serving" : "died", fds_before, fds_during, fds_after);
	return alive && fds_after <= fds_before;
}

/* program = xfreerdp: the verdict is what `rdprepro classify` makes of the client's log (the
 * log-only rules: no TCP counters, no recheck); the facts it used go into the note. */
static bool classify_client_log(const char* log_path, const char* evpath, double t0,
                                struct result* r, struct rp_err* err)
{
	struct rp_fieldlog* lg = calloc(1, sizeof(*lg));
	struct rp_field_verdict fv;
	size_t len = strlen(r->client);

	if (!lg)
		return rp_fail(err, "out of memory");
	if (!rp_fieldlog_read(log_path, lg, err))
	{
		free(lg);
		return false;
	}
	rp_fieldlog_classify(lg, &fv);
	r->ev = lg->ev;
	r->ev.t0_mono_ms = t0; /* for the server's timeline */
	r->verdict = fv.v;
	r->have_evidence = true;
	len += (size_t)snprintf(r->client + len, sizeof(r->client) - len,
	                        "; its log (%d lines, %d facts) read as `rdprepro classify` reads it",
	                        lg->n_lines, lg->n_facts);
	for (int i = 0; i < fv.n_candidates && len < sizeof(r->client); i++)
		len += (size_t)snprintf(r->client + len, sizeof(r->client) - len, "%s%s",
		                        i ? ", " : "; candidates: ", rp_cause_name(fv.candidates[i]));
	len = 0;
	for (int i = 0; i < lg->n_facts && len < sizeof(r->client_facts); i++)
		len += (size_t)snprintf(r->client_facts + len, sizeof(r->client_facts) - len,
		                        "         line %d: %s\n", lg->facts[i].line, lg->facts[i].fact);
	free(lg);
	return rp_evidence_write_json(&r->ev, evpath, err);
}

/* Adds the time since *mark to step s, and moves the mark. */
static void step_done(struct result* r, enum rp_step s, double* mark)
{
	double now = rp_now_ms();
	r->steps_ms[s] += now - *mark;
	*mark = now;
}

static void run_scenario(const struct rp_scenario* sc, const char* resdir,
                         const struct run_opts* o, struct result* r)
{
	char xrdp_bin[4096] = "", shadow_bin[4096] = "", xvfb_bin[4096] = "", xfreerdp_bin[4096] = "";
	pid_t xvfb = 0, client_xvfb = 0, hostile = 0;
	struct x_side client_x;
	int hostile_in = -1, fds_before = -1;
	char hostile_ready[64] = "";
	bool hostile_ok = true;
	char path_xflog[4096] = "";
	double client_t0 = 0;
	struct capture cap_c = { 0 }, cap_s = { 0 };
	pid_t engines[2] = { 0, 0 };
	int lab_undo = -1;
	struct rp_lab lab;
	struct rp_creds creds;
	struct rp_err err = { "" };
	char rundir[4096], path[4096], evpath[4096], other_cert[4096] = "";
	char deadline[32], hold[32], ctimeout[32];
	char args[sizeof(sc->client_args)];
	pid_t server = 0, probe = 0;
	int srv_out[2] = { -1, -1 };
	int srv_in[2] = { -1, -1 };
	int log_fd = -1, plog_fd = -1, pout_fd = -1;
	unsigned short rnd = 0;
	double t0 = rp_now_ms();
	double mark = 0; /* set once a lab is to be made: the steps are timed from there */

	memset(r, 0, sizeof(*r));
	/* Requirements that no lab run can meet are SKIPs with their reason, before any lab. */
	if (sc->requires & RP_REQ_UDP_TRANSPORT)
	{
		r->status = RP_SKIP;
		snprintf(r->reason, sizeof(r->reason),
		         "FreeRDP 3 negotiates its UDP side channel (MS-RDPEMT) only after the TCP "
		         "connection is active: no failure of the connection sequence rides on UDP");
		goto out;
	}
	if (sc->requires & RP_REQ_NETEM)
	{
		/* The netem requirement is not wired into runs yet. */
		r->status = RP_SKIP;
		snprintf(r->reason, sizeof(r->reason), "needs netem, which this runner does not "
		                                       "require of a kernel yet (use --backend)");
		goto out;
	}
	if ((sc->requires & RP_REQ_XFREERDP) &&
	    (!find_in_path("xfreerdp3", xfreerdp_bin, sizeof(xfreerdp_bin)) ||
	     !find_in_path("Xvfb", xvfb_bin, sizeof(xvfb_bin))))
	{
		r->status = RP_SKIP;
		snprintf(r->reason, sizeof(r->reason), "%s is not installed (apt-get install %s)",
		         xfreerdp_bin[0] ? "Xvfb" : "xfreerdp3",
		         xfreerdp_bin[0] ? "xvfb" : "-t bookworm-backports freerdp3-x11");
		goto out;
	}
	if ((sc->requires & RP_REQ_SHADOW) &&
	    (!find_in_path("freerdp-shadow-cli3", shadow_bin, sizeof(shadow_bin)) ||
	     !find_in_path("Xvfb", xvfb_bin, sizeof(xvfb_bin))))
	{
		r->status = RP_SKIP;
		snprintf(r->reason, sizeof(r->reason),
		         "%s is not installed (apt-get install %s)", shadow_bin[0] ? "Xvfb" : "freerdp-shadow-cli3",
		         shadow_bin[0] ? "xvfb" : "-t bookworm-backports freerdp3-shadow-x11");
		goto out;
	}
	if ((sc->requires & RP_REQ_XRDP) && !find_in_path("xrdp", xrdp_bin, sizeof(xrdp_bin)))
	{
		r->status = RP_SKIP;
		snprintf(r->reason, sizeof(r->reason), "xrdp is not installed (apt-get install xrdp)");
		goto out;
	}
	mark = rp_now_ms();
	if (getrandom(&rnd, sizeof(rnd), 0) != sizeof(rnd))
		rnd = (unsigned short)(getpid() ^ (int)t0);
	rp_lab_name(&lab, getpid(), rnd);

	snprintf(rundir, sizeof(rundir), "%s/%s.XXXXXX", o->tmpdir, lab.name);
	if (!mkdtemp(rundir)) /* 0700: the secrets inside are the run's alone */
	{
		rp_fail(&err, "mkdtemp %s: %s", rundir, strerror(errno));
		goto error;
	}
	rp_defer(rp_undo_remove_tree, rundir, "run directory");

	if (!rp_remove_tree(resdir, &err) || !mkdir_p(resdir, &err))
		goto error;

	/* Trying is the test: without CAP_SYS_ADMIN `ip netns add` fails, and that is a SKIP
	 * with its reason, not an error of the harness. */
	if (!rp_lab_up(&lab, o->verbose, &err))
	{
		if (strcmp(rootless_error, "not tried") == 0)
			goto error;
		r->status = RP_SKIP;
		snprintf(r->reason, sizeof(r->reason),
		         "cannot create network namespaces as uid %d (%s), nor a user namespace to make "
		         "them in (%s); run as root, or allow unprivileged user namespaces",
		         (int)geteuid(), err.msg, rootless_error);
		goto out;
	}
	lab_undo = rp_defer(rp_undo_lab, &lab, "lab");
	step_done(r, RP_STEP_LAB, &mark);
	if (o->capture)
	{
		/* Deferred first: a tcpdump that never said it listens is stopped too. */
		rp_defer(undo_capture, &cap_c, "capture c0");
		if (!start_capture(&lab, "c0", resdir, &cap_c, &err))
			goto error;
		rp_defer(undo_capture, &cap_s, "capture s0");
		if (!start_capture(&lab, "s0", resdir, &cap_s, &err))
			goto error;
	}

	step_done(r, RP_STEP_FAULTS, &mark);
	if (!rp_creds_make(&creds, (enum rp_cert_kind)sc->server_cert, rundir, "rdpp-server.lab",
	                   RP_LAB_SERVER_ADDR, &err))
		goto error;
	if (sc->wrong_password && !rp_creds_wrong_password(&creds, rundir, &err))
		goto error;
	if (sc->naming != RP_NAME_ADDRESS &&
	    !rp_lab_names(&lab, sc->naming == RP_NAME_DEAD ? "dead" : "unresolvable", o->verbose, &err))
		goto error;
	if (sc->cert == RP_CERT_CHANGED &&
	    !rp_creds_other_cert(rundir, "rdpp-server.lab", RP_LAB_SERVER_ADDR, other_cert,
	                         sizeof(other_cert), &err))
		goto error;
	step_done(r, RP_STEP_SECRETS, &mark);
	if (!apply_faults(sc, &lab, resdir, o, r, engines, &err))
		goto error;
	step_done(r, RP_STEP_FAULTS, &mark);

	/* Third-party servers, with their own logs and no phase reports. */
	if (sc->peer == RP_PEER_XRDP)
	{
		rp_defer(rp_undo_stop, &server, "xrdp");
		if (!start_xrdp(xrdp_bin, &lab, &creds, rundir, resdir, &server, &err))
			goto error;
		goto probe;
	}
	if (sc->peer == RP_PEER_SHADOW)
	{
		/* Stopped newest first: the shadow server, then its display. */
		rp_defer(rp_undo_stop, &xvfb, "Xvfb");
		rp_defer(rp_undo_stop, &server, "freerdp-shadow-cli3");
		if (!start_shadow(shadow_bin, xvfb_bin, &lab, &creds, rundir, resdir, &xvfb, &server, &err))
			goto error;
		goto probe;
	}
	/* The server, in the server namespace; its reports come through a pipe. */
	if (pipe2(srv_out, O_CLOEXEC) != 0)
	{
		rp_fail(&err, "pipe: %s", strerror(errno));
		goto error;
	}
	rp_defer(undo_close, &srv_out[0], "server pipe");
	snprintf(path, sizeof(path), "%s/server.log", resdir);
	log_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	rp_defer(undo_close, &log_fd, "server log");
	/* A fault armed on a phase holds the server there until the runner says "go". */
	if (pipe2(srv_in, O_CLOEXEC) != 0)
	{
		rp_fail(&err, "pipe: %s", strerror(errno));
		goto error;
	}
	rp_defer(undo_close, &srv_in[1], "server stdin");
	{
		const char* argv[32] = { self_exe, "server", "--addr", RP_LAB_SERVER_ADDR, "--port",
			                     RDP_PORT, "--cert", creds.cert, "--key", creds.key, "--sam",
			                     creds.sam, "--behaviour", rp_behaviour_name(sc->behaviour),
			                     "--security", sc->security };
		int ac = 16;
		char pause_ms[16], error_info[16];
		if (sc->behaviour == RP_SERVER_ERRORINFO)
		{
			snprintf(error_info, sizeof(error_info), "0x%x", sc->error_info);
			argv[ac++] = "--error-info";
			argv[ac++] = error_info;
		}
		if (sc->error_phase >= 0)
		{
			argv[ac++] = "--error-at";
			argv[ac++] = rp_phase_name((enum rp_phase)sc->error_phase);
		}
		if (sc->hang_phase >= 0)
		{
			argv[ac++] = "--hang-at";
			argv[ac++] = rp_phase_name((enum rp_phase)sc->hang_phase);
		}
		const struct rp_trigger* t = sc->reset.when ? &sc->reset : &sc->drop;
		struct rp_spawn sp = { .argv = argv, .netns = lab.ns_server, .fd_stdin = srv_in[0],
			                   .fd_stdout = srv_out[1], .fd_stderr = log_fd };
		bool ok;
		if (t->when == RP_WHEN_PHASE)
		{
			argv[ac++] = "--hold-at";
			argv[ac++] = rp_phase_name((enum rp_phase)t->phase);
		}
		if (sc->pause_phase >= 0)
		{
			snprintf(pause_ms, sizeof(pause_ms), "%u", sc->pause_ms);
			argv[ac++] = "--pause-at";
			argv[ac++] = rp_phase_name((enum rp_phase)sc->pause_phase);
			argv[ac++] = "--pause-ms";
			argv[ac++] = pause_ms;
		}
		argv[ac] = NULL;
		ok = rp_proc_spawn(&sp, &server, &err);
		close(srv_in[0]);
		srv_in[0] = -1;
		if (!ok)
			goto error;
		rp_defer(rp_undo_stop, &server, "server");
	}
	close(srv_out[1]);
	srv_out[1] = -1;
	fcntl(srv_out[0], F_SETFL, O_NONBLOCK);
	if (!wait_listening(srv_out[0], server, r, &err))
		goto error;

probe:
	step_done(r, RP_STEP_PEER, &mark);
	/* The probe, in the client namespace. */
	snprintf(evpath, sizeof(evpath), "%s/evidence.json", resdir);
	snprintf(path, sizeof(path), "%s/%s", resdir, sc->xfreerdp ? "xfreerdp.log" : "probe.log");
	rp_strlcpy(path_xflog, path, sizeof(path_xflog));
	plog_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (sc->xfreerdp)
	{
		rp_defer(rp_undo_stop, &client_xvfb, "client Xvfb");
		if (!x_side_make(&client_x, rundir, "client", &err) ||
		    !start_xvfb(xvfb_bin, lab.ns_client, &client_x, resdir, "xvfb-client.out",
		                &client_xvfb, &err))
			goto error;
	}
	rp_defer(undo_close, &plog_fd, "probe log");
	/* Hostile clients first, held open while the scenario's own client runs. */
	if (sc->hostile)
	{
		fds_before = count_fds(server);
		rp_defer(rp_undo_stop, &hostile, "hostile clients");
		rp_defer(undo_close, &hostile_in, "hostile clients' stdin");
		if (!start_hostile(sc, &lab, &hostile, &hostile_in, hostile_ready, sizeof(hostile_ready),
		                   &err))
			goto error;
	}
	snprintf(path, sizeof(path), "%s/probe.txt", resdir);
	pout_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	rp_defer(undo_close, &pout_fd, "probe output");
	snprintf(deadline, sizeof(deadline), "%ums", sc->deadline_ms);
	snprintf(hold, sizeof(hold), "%ums", sc->hold_ms);
	snprintf(ctimeout, sizeof(ctimeout), "%ums", sc->connect_timeout_ms);
	rp_strlcpy(args, sc->client_args, sizeof(args));
	{
		const char* argv[64] = { self_exe, "probe", "--host",
			                     sc->naming == RP_NAME_ADDRESS ? RP_LAB_SERVER_ADDR : RP_LAB_SERVER_NAME,
			                     "--port",
			                     RDP_PORT, "--user", creds.user, "--password-file",
			                     creds.password_file, "--out", evpath, "--deadline", deadline,
			                     "--hold", hold };
		int ac = 16;
		char wlog[64];
		char stdbuf_bin[4096], xf_v[128], xf_u[64], xf_p[80], xf_log[64];
		const char* xf_env[] = { client_x.env_home, client_x.env_xdg, "DISPLAY=:0", "TMPDIR=/tmp",
			                     NULL };
		const char* env[] = { wlog, NULL };
		struct rp_spawn sp = { .argv = argv, .netns = lab.ns_client, .fd_stdin = -1,
			                   .fd_stdout = pout_fd, .fd_stderr = plog_fd,
			                   .env = o->freerdp_log ? env : NULL };
		snprintf(wlog, sizeof(wlog), "WLOG_LEVEL=%s", o->freerdp_log ? o->freerdp_log : "");
		int status = 0;
		int w;
		if (sc->connect_timeout_ms)
		{
			argv[ac++] = "--connect-timeout";
			argv[ac++] = ctimeout;
		}
		if (sc->cert != RP_CERT_AS_ARGS)
		{
			argv[ac++] = "--cert-pin";
			argv[ac++] = sc->cert == RP_CERT_CHANGED ? other_cert : creds.cert;
		}
		argv[ac++] = "--";
		split_args(args, argv, &ac, 62);
		argv[ac] = NULL;
		if (sc->xfreerdp)
		{
			/* xfreerdp3 instead, on the client's own Xvfb, at debug level (the log is the
			 * evidence); stdout line-buffered so that a stopped client loses no line. */
			ac = 0;
			if (find_in_path("stdbuf", stdbuf_bin, sizeof(stdbuf_bin)))
			{
				argv[ac++] = stdbuf_bin;
				argv[ac++] = "-oL";
			}
			argv[ac++] = xfreerdp_bin;
			snprintf(xf_v, sizeof(xf_v), "/v:%s:%s",
			         sc->naming == RP_NAME_ADDRESS ? RP_LAB_SERVER_ADDR : RP_LAB_SERVER_NAME,
			         RDP_PORT);
			snprintf(xf_u, sizeof(xf_u), "/u:%s", creds.user);
			{
				/* The password the client sends is the password file's (a wrong one, when
				 * the scenario says so). */
				char* pw = NULL;
				if (!rp_read_file(creds.password_file, &pw, &err))
					goto error;
				pw[strcspn(pw, "\r\n")] = '\0';
				snprintf(xf_p, sizeof(xf_p), "/p:%s", pw);
				free(pw);
			}
			snprintf(xf_log, sizeof(xf_log), "/log-level:%s",
			         o->freerdp_log ? o->freerdp_log : "DEBUG");
			argv[ac++] = xf_v;
			argv[ac++] = xf_u;
			argv[ac++] = xf_p;
			argv[ac++] = xf_log;
			rp_strlcpy(args, sc->client_args, sizeof(args));
			split_args(args, argv, &ac, 62);
			argv[ac] = NULL;
			sp.fd_stdout = plog_fd;
			sp.env = xf_env;
			sp.private_tmp = client_x.tmp;
			sp.keep_dir = client_x.keep;
		}
		if (!rp_proc_spawn(&sp, &probe, &err))
			goto error;
		rp_defer(rp_undo_stop, &probe, sc->xfreerdp ? "xfreerdp3" : "probe");
		/* The probe's watchdog ends it at its deadline; this bound is the backstop. Meanwhile
		 * the timed fault fires: on the server's "hold" report, or at its time. */
		{
			double t0 = client_t0 = rp_now_ms();
			/* xfreerdp3 has no watchdog: the runner stops it at the deadline, or once it has
			 * been active for the hold. */
			double until = t0 + sc->deadline_ms + (sc->xfreerdp ? 0 : sc->hold_ms + PROBE_GRACE_MS);
			bool xf_active = false;
			struct fault_clock fc = { .sc = sc, .lab = &lab, .engines = engines, .verbose = o->verbose,
				                      .t0 = t0, .srv_in = srv_in[1], .r = r };
			int pfd = (int)syscall(SYS_pidfd_open, probe, 0);
			size_t scanned = 0;
			w = 0;
			for (;;)
			{
				double now = rp_now_ms();
				double next = fault_clock_next(&fc, until);
				struct pollfd fds[3] = { { .fd = srv_out[0], .events = POLLIN },
					                     { .fd = pfd, .events = POLLIN },
					                     { .fd = rp_interrupt_fd(), .events = POLLIN } };
				if (waitpid(probe, &status, WNOHANG) == probe)
				{
					w = 1;
					break;
				}
				if (rp_interrupted())
				{
					w = -1;
					break;
				}
				if (now >= until)
					break;
				poll(fds, 3, next - now > 100 ? 100 : (int)(next - now) + 1);
				read_server_lines(srv_out[0], r, NULL);
				/* The server holds at the armed phase: fire, then let it go on; once per
				 * connection that gets there. */
				for (const char* h = strstr(r->server_log + scanned, " hold "); h;
				     h = strstr(h + 1, " hold "))
					fault_clock_fire(&fc, "phase");
				scanned = r->server_len;
				fault_clock_tick(&fc);
				if (sc->xfreerdp && !xf_active)
				{
					char* text = NULL;
					struct rp_err ignored;
					if (rp_read_file(path_xflog, &text, &ignored) &&
					    strstr(text, "CONNECTION_STATE_ACTIVE"))
					{
						xf_active = true;
						if (rp_now_ms() + sc->hold_ms < until)
							until = rp_now_ms() + sc->hold_ms;
					}
					free(text);
				}
			}
			if (sc->xfreerdp && w == 0)
			{
				/* Still running: connected (after the hold) or stalled (at the deadline). */
				rp_proc_stop(probe, 1000);
				snprintf(r->client, sizeof(r->client), "xfreerdp3 stopped by the runner %s",
				         xf_active ? "after the hold in the active state" : "at the deadline");
				w = 2;
			}
			else if (sc->xfreerdp && w == 1)
			{
				/* Its own exit codes: the errorInfo when the server sent one (7 for a
				 * denial), else xfreerdp's (client/X11/xf_client.h, 128 and up). */
				if (WIFEXITED(status))
					snprintf(r->client, sizeof(r->client), "xfreerdp3 exited with status %d",
					         WEXITSTATUS(status));
				else
					snprintf(r->client, sizeof(r->client), "xfreerdp3 killed by signal %d",
					         WTERMSIG(status));
			}
			if (pfd >= 0)
				close(pfd);
			if (fc.error[0])
			{
				rp_fail(&err, "%s", fc.error);
				goto error;
			}
		}
		if (w < 0)
		{
			rp_fail(&err, "interrupted by signal %d", rp_interrupted());
			goto error;
		}
		if (w == 0)
		{
			rp_fail(&err, "probe still running %d ms after its deadline: killed",
			        PROBE_GRACE_MS);
			goto error;
		}
		probe = 0;
		if (!sc->xfreerdp && rp_proc_exit_code(status) != 0)
		{
			rp_fail(&err, "probe exited with status %d: see %s/probe.log",
			        rp_proc_exit_code(status), resdir);
			goto error;
		}
	}
	step_done(r, RP_STEP_CLIENT, &mark);
	/* An engine that died took its link down with it: the run would mislead. */
	for (int d = 0; d < 2; d++)
	{
		int status;
		if (engines[d] > 0 && waitpid(engines[d], &status, WNOHANG) == engines[d])
		{
			engines[d] = 0;
			rp_fail(&err, "the userspace engine (%s) died with status %d during the run",
			        d ? "to-client" : "to-server", rp_proc_exit_code(status));
			goto error;
		}
	}
	if (sc->hostile)
		hostile_ok = end_hostile(&hostile, &hostile_in, server, fds_before, hostile_ready, r);
	/* Stop the server now so that its last reports (closed) are in. */
	rp_proc_stop(server, 1000);
	server = 0;
	step_done(r, RP_STEP_TEARDOWN, &mark);
	read_server_lines(srv_out[0], r, NULL);
	snprintf(path, sizeof(path), "%s/server-events.txt", resdir);
	if (sc->peer == RP_PEER_LAB)
	{
		FILE* f = fopen(path, "w");
		if (f)
		{
			fputs(r->server_log, f);
			fclose(f);
		}
	}

	if (sc->xfreerdp)
	{
		/* The client's log is all the evidence: what `rdprepro classify` makes of it. */
		if (!classify_client_log(path_xflog, evpath, client_t0, r, &err))
			goto error;
		check_expectations(sc, r);
		goto out;
	}
	if (!rp_evidence_read_json(&r->ev, evpath, &err))
		goto error;
	r->have_evidence = true;
	/* The verdict comes from the evidence alone; only then is it compared. */
	rp_classify(&r->ev, &r->verdict);
	check_expectations(sc, r);
	if (!hostile_ok)
	{
		size_t len = strlen(r->reason);
		r->status = RP_FAIL;
		snprintf(r->reason + len, sizeof(r->reason) - len, "; the server %s the hostile clients",
		         strstr(r->client, "died") ? "died of" : "did not give back what it spent on");
	}
	goto out;
error:
	r->status = RP_ERROR;
	snprintf(r->reason, sizeof(r->reason), "%s", err.msg);
out:
	if (o->keep && lab_undo >= 0 && (r->status == RP_FAIL || r->status == RP_ERROR))
	{
		/* Leave the namespaces up; the next run's sweep removes them (owner gone). */
		rp_undo_cancel(lab_undo);
		snprintf(r->kept, sizeof(r->kept), "%s (ip netns exec %s ...; remove: %s down %s)",
		         lab.name, lab.ns_router, rp_lab_script("lab.sh"), lab.name);
	}
	if (mark > 0)
		step_done(r, RP_STEP_VERDICT, &mark);
	/* Undo this scenario's things, newest first: probe, server, captures, files, lab, run dir. */
	rp_cleanup_all();
	if (mark > 0)
		step_done(r, RP_STEP_TEARDOWN, &mark);
	r->wall_ms = rp_now_ms() - t0;
}

static bool write_proc(const char* path, const char* text, struct rp_err* err)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? write(fd, text, strlen(text)) : -1;

	if (fd >= 0)
		close(fd);
	if (n != (ssize_t)strlen(text))
		return rp_fail(err, "%s: %s", path, strerror(errno));
	return true;
}

/* Whether this process may make network namespaces where it stands: root, with CAP_SYS_ADMIN
 * and CAP_NET_ADMIN, in the initial user namespace (a container's root without those
 * capabilities, or root inside a user namespace, may not). */
static bool can_make_namespaces(void)
{
	char* text = NULL;
	struct rp_err ignored;
	const char* cap;
	unsigned long long eff = 0;
	unsigned a, b, c;
	bool init_ns;

	if (geteuid() != 0)
		return false;
	if (!rp_read_file("/proc/self/uid_map", &text, &ignored))
		return false;
	init_ns = sscanf(text, "%u %u %u", &a, &b, &c) == 3 && a == 0 && b == 0 && c == 4294967295u;
	free(text);
	text = NULL;
	if (!init_ns || !rp_read_file("/proc/self/status", &text, &ignored))
		return false;
	if ((cap = strstr(text, "CapEff:")))
		eff = strtoull(cap + 7, NULL, 16);
	free(text);
	return (eff & (1ULL << 21)) && (eff & (1ULL << 12)); /* CAP_SYS_ADMIN, CAP_NET_ADMIN */
}

/* The rootless mode (issue 7): new user, network and mount namespaces for this process and
 * all it starts, the caller's uid and gid mapped to root there. Inside, it may make network
 * namespaces, veths, nft and iptables rules and netns sysctls, all owned by its own user
 * namespace; a private tmpfs on /run (for /run/netns and xtables' lock) and on /etc/netns
 * (per-namespace hosts files) keeps every file it makes away from the host. Must run before
 * any thread exists. */
static bool rootless_enter(struct rp_err* err)
{
	char map[64];
	uid_t uid = geteuid();
	gid_t gid = getegid();
	struct stat st;

	if (unshare(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWNS) != 0)
		return rp_fail(err, "unshare(user, network, mount): %s", strerror(errno));
	snprintf(map, sizeof(map), "0 %d 1", (int)uid);
	if (!write_proc("/proc/self/setgroups", "deny", err) ||
	    !write_proc("/proc/self/uid_map", map, err))
		return false;
	snprintf(map, sizeof(map), "0 %d 1", (int)gid);
	if (!write_proc("/proc/self/gid_map", map, err))
		return false;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
	    mount("rdprepro", "/run", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") != 0)
		return rp_fail(err, "a private /run: %s", strerror(errno));
	/* Without /etc/netns there is nothing to mount on: the name scenarios then fail to make
	 * their hosts files, and say so. */
	if (stat("/etc/netns", &st) == 0 &&
	    mount("rdprepro", "/etc/netns", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") != 0)
		return rp_fail(err, "a private /etc/netns: %s", strerror(errno));
	return true;
}

/* The readable block under a result line: verdict, evidence, server timeline. */
static char* report_text(const struct result* r)
{
	char* buf = NULL;
	size_t len = 0;
	FILE* f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	if (r->link[0])
		fprintf(f, "       link: %s\n", r->link);
	if (r->client[0])
		fprintf(f, "       client: %s\n", r->client);
	if (r->have_evidence)
	{
		char* s = rp_evidence_summary(&r->ev, "       ");
		fprintf(f, "       verdict %s, because %s\n", rp_cause_name(r->verdict.cause),
		        r->verdict.because);
		if (r->verdict.runner_up != RP_CAUSE_COUNT)
			fprintf(f, "       not ruled out: %s: %s\n", rp_cause_name(r->verdict.runner_up),
			        r->verdict.unsure);
		/* A client log has facts with their lines, not the probe's record. */
		fputs(r->client_facts[0] ? r->client_facts : s ? s : "", f);
		free(s);
	}
	if (r->server_len)
		print_server_timeline(f, r, "       ");
	if (r->kept[0])
		fprintf(f, "       lab kept: %s\n", r->kept);
	fprintf(f, "       steps (ms):");
	for (int i = 0; i < RP_STEP_COUNT; i++)
		fprintf(f, " %s %.1f", rp_step_name((enum rp_step)i), r->steps_ms[i]);
	fprintf(f, "\n");
	fclose(f);
	return buf;
}

/* ---- file selection ---- */

static int scn_filter(const struct dirent* e)
{
	size_t n = strlen(e->d_name);
	return n > 4 && strcmp(e->d_name + n - 4, ".scn") == 0;
}

/* Expands FILES|DIRS into scenario paths (a directory: its *.scn, sorted). */
static bool collect(char** args, int n, char*** out, int* count, struct rp_err* err)
{
	char** paths = calloc(MAX_SCENARIOS, sizeof(char*));
	int k = 0;

	if (!paths)
		return rp_fail(err, "out of memory");
	for (int i = 0; i < n; i++)
	{
		struct stat st;
		if (stat(args[i], &st) != 0)
		{
			rp_fail(err, "%s: %s", args[i], strerror(errno));
			goto fail;
		}
		if (S_ISDIR(st.st_mode))
		{
			struct dirent** list = NULL;
			int m = scandir(args[i], &list, scn_filter, alphasort);
			if (m < 0)
			{
				rp_fail(err, "%s: %s", args[i], strerror(errno));
				goto fail;
			}
			for (int j = 0; j < m; j++)
			{
				char p[4096];
				snprintf(p, sizeof(p), "%s%s%s", args[i],
				         args[i][strlen(args[i]) - 1] == '/' ? "" : "/", list[j]->d_name);
				if (k < MAX_SCENARIOS)
					paths[k++] = strdup(p);
				free(list[j]);
			}
			free(list);
		}
		else if (k < MAX_SCENARIOS)
			paths[k++] = strdup(args[i]);
	}
	*out = paths;
	*count = k;
	return true;
fail:
	for (int i = 0; i < k; i++)
		free(paths[i]);
	free(paths);
	return false;
}

static int run_usage(FILE* f)
{
	fprintf(f,
	        "usage: rdprepro run [options] [FILE|DIR...]\n"
	        "  Runs each scenario (a .scn file, or every .scn in a DIR; default scenarios/) in its\n"
	        "  own lab and prints PASS, FAIL, SKIP or ERROR with the evidence.\n"
	        "options:\n"
	        "  -n, --name GLOB    only scenarios whose name matches (repeatable)\n"
	        "  -k, --keyword WORD only scenarios with this keyword (repeatable: any of them)\n"
	        "  -j, --jobs N|auto  scenarios in parallel, each in its own lab (default: auto, as\n"
	        "                     many as memory allows up to 16, each started while the CPUs\n"
	        "                     are less than 75 %% busy)\n"
	        "  -r, --repeat N     run each scenario N times and count the verdicts\n"
	        "      --shard I/N    only the I-th of N interleaved slices of the selection (CI)\n"
	        "      --seed N       the seed of every random decision (default: the scenario's)\n"
	        "      --keep         leave a failed scenario's lab up for inspection\n"
	        "      --capture      write a pcap per router link into each result folder\n"
	        "      --results DIR  result folders, junit.xml, results.tap (default ./results)\n"
	        "      --skip-code N  exit with N when every scenario was skipped (default 0)\n"
	        "      --list         print the selected scenarios (after -n, -k, --shard); run none\n"
	        "      --backend B    link shaping: auto (netem if the kernel has it), netem, engine\n"
	        "      --freerdp-log L  FreeRDP's log level in probe.log (DEBUG for classify)\n"
	        "  -v, --verbose      echo every lab command\n"
	        "exit: 0 all passed or skipped, 1 a failure or error, 2 usage or parse error,\n"
	        "      128+N interrupted by signal N (the labs are removed first)\n");
	return f == stderr ? 2 : 0;
}

static bool parse_count(const char* opt, const char* s, int lo, int hi, int* out)
{
	char* end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < lo || v > hi)
	{
		fprintf(stderr, "rdprepro run: %s: bad number \"%s\" (%d to %d)\n", opt, s, lo, hi);
		return false;
	}
	*out = (int)v;
	return true;
}

static bool has_keyword(const struct rp_scenario* sc, const char* word)
{
	const char* k = sc->keywords;
	size_t n = strlen(word);

	while (*k)
	{
		size_t m;
		k += strspn(k, " ,");
		m = strcspn(k, " ,");
		if (m == n && strncmp(k, word, n) == 0)
			return true;
		k += m;
	}
	return false;
}

static bool selected(const struct rp_scenario* sc, const struct run_opts* o)
{
	bool ok = o->n_names == 0;

	for (int i = 0; i < o->n_names && !ok; i++)
		ok = fnmatch(o->names[i], sc->name, 0) == 0;
	if (!ok)
		return false;
	if (o->n_keywords == 0)
		return true;
	for (int i = 0; i < o->n_keywords; i++)
		if (has_keyword(sc, o->keywords[i]))
			return true;
	return false;
}

/* One job: a scenario and which of its --repeat runs. */
struct job
{
	const struct rp_scenario* sc;
	int run;
	char resdir[4096];
	pid_t pid;
	bool done;
	struct rp_outcome out;
};

/* The worker: a forked child that runs one job in its own lab, with its own cleanup stack,
 * and leaves result.json and report.txt in the job's folder. */
static int worker(struct job* jb, const struct run_opts* o)
{
	struct result* r = calloc(1, sizeof(*r));
	struct rp_outcome oc = { 0 };
	struct rp_err err = { "" };
	char path[4096], evpath[4096];
	struct rp_scenario sc = *jb->sc;
	char* report;
	FILE* f;

	/* If the runner dies (even SIGKILL), unwind this lab as for Ctrl-C. */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() == 1 || !r || !rp_signals_after_fork())
		return 1;
	if (o->have_seed)
		sc.seed = o->seed;
	run_scenario(&sc, jb->resdir, o, r);
	report = report_text(r);
	rp_strlcpy(oc.scenario, sc.name, sizeof(oc.scenario));
	rp_strlcpy(oc.path, sc.path, sizeof(oc.path));
	oc.run = jb->run;
	oc.status = r->status;
	rp_strlcpy(oc.reason, r->reason, sizeof(oc.reason));
	rp_strlcpy(oc.expected, rp_cause_name(sc.expect), sizeof(oc.expected));
	rp_strlcpy(oc.verdict, r->have_evidence ? rp_cause_name(r->verdict.cause) : "",
	           sizeof(oc.verdict));
	rp_strlcpy(oc.because, r->have_evidence ? r->verdict.because : "", sizeof(oc.because));
	oc.seed = sc.seed;
	oc.wall_ms = r->wall_ms;
	memcpy(oc.steps_ms, r->steps_ms, sizeof(oc.steps_ms));
	rp_strlcpy(oc.link, r->link, sizeof(oc.link));
	mkdir_p(jb->resdir, &err);
	snprintf(path, sizeof(path), "%s/report.txt", jb->resdir);
	if ((f = fopen(path, "w")))
	{
		fputs(report ? report : "", f);
		fclose(f);
	}
	snprintf(evpath, sizeof(evpath), "%s/evidence.json", jb->resdir);
	snprintf(path, sizeof(path), "%s/result.json", jb->resdir);
	if (!rp_result_write(path, &oc, r->have_evidence ? evpath : NULL, r->server_log, &err))
		fprintf(stderr, "rdprepro: %s\n", err.msg);
	free(report);
	free(r);
	return 0;
}

static bool spawn_worker(struct job* jb, const struct run_opts* o)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0)
		_exit(worker(jb, o));
	jb->pid = pid;
	return true;
}

/* Reads what a finished worker left; a worker that left nothing is a harness ERROR. */
static void collect_job(struct job* jb, int status)
{
	char path[4096];
	struct rp_err err = { "" };
	FILE* f;

	jb->done = true;
	snprintf(path, sizeof(path), "%s/result.json", jb->resdir);
	if (!rp_result_read(path, &jb->out, &err))
	{
		rp_strlcpy(jb->out.scenario, jb->sc->name, sizeof(jb->out.scenario));
		rp_strlcpy(jb->out.path, jb->sc->path, sizeof(jb->out.path));
		jb->out.run = jb->run;
		jb->out.status = RP_ERROR;
		snprintf(jb->out.reason, sizeof(jb->out.reason), "worker ended with status %d: %s",
		         rp_proc_exit_code(status), err.msg);
		return;
	}
	snprintf(path, sizeof(path), "%s/report.txt", jb->resdir);
	if ((f = fopen(path, "r")))
	{
		size_t cap = 0;
		if (getdelim(&jb->out.report, &cap, '\0', f) < 0)
		{
			free(jb->out.report);
			jb->out.report = NULL;
		}
		fclose(f);
	}
}

static void print_outcome(const struct rp_outcome* o, int repeat)
{
	char name[96];

	snprintf(name, sizeof(name), repeat > 1 ? "%s#%d" : "%s", o->scenario, o->run);
	printf("%s %s: %s (%.2f s)\n", rp_status_tag(o->status), name, o->reason, o->wall_ms / 1000.0);
	if (o->report)
		fputs(o->report, stdout);
	fflush(stdout);
}

static void progress(const struct job* jobs, int n, int done, bool tty)
{
	char line[160];
	int len;

	if (!tty)
		return;
	len = snprintf(line, sizeof(line), "[%d/%d] running:", done, n);
	for (int i = 0; i < n && len < (int)sizeof(line) - 20; i++)
		if (jobs[i].pid > 0 && !jobs[i].done)
			len += snprintf(line + len, sizeof(line) - (size_t)len, " %s", jobs[i].sc->name);
	fprintf(stderr, "\r%-79.79s\r", done < n ? line : "");
}

static int cmp_double(const void* a, const void* b)
{
	double x = *(const double*)a, y = *(const double*)b;
	return (x > y) - (x < y);
}

/* One row per scenario: runs, verdict counts, its result, median wall time. */
static void summary_table(const struct job* jobs, int n)
{
	printf("\n%-30s %4s  %-34s %-6s %s\n", "scenario", "runs", "verdicts", "result", "wall (median)");
	for (int i = 0; i < n; i++)
	{
		char verdicts[256] = "";
		double walls[64];
		int runs = 0, worst = RP_PASS;
		if (i > 0 && jobs[i - 1].sc == jobs[i].sc)
			continue;
		for (int j = i; j < n && jobs[j].sc == jobs[i].sc; j++)
		{
			const char* v = jobs[j].out.verdict[0] ? jobs[j].out.verdict : "-";
			char key[48];
			int count = 0;
			bool seen = false;
			for (int k = i; k < j && !seen; k++)
				seen = strcmp(jobs[k].out.verdict[0] ? jobs[k].out.verdict : "-", v) == 0;
			if (runs < 64)
				walls[runs] = jobs[j].out.wall_ms;
			runs++;
			/* Severity order for the row's result: ERROR > FAIL > SKIP > PASS. */
			{
				static const int rank[RP_STATUS_COUNT] = { 0, 2, 1, 3 };
				if (rank[jobs[j].out.status] > rank[worst])
					worst = jobs[j].out.status;
			}
			if (seen)
				continue;
			for (int k = j; k < n && jobs[k].sc == jobs[i].sc; k++)
				count += strcmp(jobs[k].out.verdict[0] ? jobs[k].out.verdict : "-", v) == 0;
			snprintf(key, sizeof(key), "%s%s x%d", verdicts[0] ? ", " : "", v, count);
			strncat(verdicts, key, sizeof(verdicts) - strlen(verdicts) - 1);
		}
		qsort(walls, (size_t)(runs < 64 ? runs : 64), sizeof(double), cmp_double);
		printf("%-30s %4d  %-34s %-6s %.2f s\n", jobs[i].sc->name, runs, verdicts,
		       rp_status_name((enum rp_status)worst), walls[(runs < 64 ? runs : 64) / 2] / 1000.0);
	}
}

/* How many labs at once by default (--jobs auto). The catalog waits on timeouts far more than
 * it computes (84 % idle at 2 jobs on 2 cores, measured), so the cores are the wrong bound.
 * Memory is one: a lab's processes take 44-107 MB PSS (measured: the lab server's lab 52,
 * xrdp's 44, xfreerdp3's with its Xvfb 81, freerdp-shadow's 107); LAB_MEM_MB leaves room for
 * the peaks (hostile crowds, H.264 frames). AUTO_JOBS_MAX bounds the rest; the CPU decides
 * when the next lab may start (start_allowed). */
#define LAB_MEM_MB 256
#define AUTO_JOBS_MAX 16
/* A lab starts only when the CPUs were busy less than START_BUSY_MAX of the last tick, one per
 * tick: a burst of starts (each lab's setup is a few dozen processes) or a CPU-heavy lab
 * (freerdp-shadow's encoder) holds the next ones back, so a timing-bound run is not slowed by
 * the others into another verdict. */
#define START_BUSY_MAX 0.75
#define START_TICK_MS 50

static int auto_jobs(int n_jobs)
{
	long long avail_kb = 0;
	char line[256];
	FILE* f = fopen("/proc/meminfo", "r");
	int j = AUTO_JOBS_MAX;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %lld kB", &avail_kb) == 1)
			break;
	if (f)
		fclose(f);
	if (avail_kb > 0 && avail_kb / 1024 / LAB_MEM_MB < j)
		j = (int)(avail_kb / 1024 / LAB_MEM_MB);
	if (j > n_jobs)
		j = n_jobs;
	return j < 1 ? 1 : j;
}

/* The CPUs' busy and total time so far (/proc/stat, in clock ticks). */
struct cpu_sample
{
	unsigned long long busy, total;
};

static bool cpu_read(struct cpu_sample* c)
{
	unsigned long long v[8] = { 0 };
	FILE* f = fopen("/proc/stat", "r");
	int n = f ? fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2],
	                   &v[3], &v[4], &v[5], &v[6], &v[7])
	          : 0;

	if (f)
		fclose(f);
	if (n < 5)
		return false;
	c->total = 0;
	for (int i = 0; i < 8; i++)
		c->total += v[i];
	c->busy = c->total - v[3] - v[4]; /* idle, iowait */
	return true;
}

/* Whether the CPUs were idle enough since the last call for one more lab to start. */
static bool start_allowed(struct cpu_sample* last)
{
	struct cpu_sample now;
	bool ok;

	if (!cpu_read(&now))
		return true; /* no /proc/stat: the memory bound alone */
	ok = now.total <= last->total ||
	     (double)(now.busy - last->busy) / (double)(now.total - last->total) < START_BUSY_MAX;
	*last = now;
	return ok;
}

/* The order the jobs start in: the longest first (the scenario's `takes`), so that the long
 * poles run beside the short ones instead of after them; file order among equals. */
static int cmp_takes(const void* a, const void* b)
{
	const struct job* x = *(const struct job* const*)a;
	const struct job* y = *(const struct job* const*)b;
	if (x->sc->takes_ms != y->sc->takes_ms)
		return x->sc->takes_ms < y->sc->takes_ms ? 1 : -1;
	return x < y ? -1 : x > y;
}

/* A signal to the runner alone (kill -INT PID): pass it on, so every worker unwinds its lab. A
 * Ctrl-C reached them already. */
static void forward_interrupt(struct job* jobs, int n)
{
	for (int i = 0; i < n; i++)
		if (jobs[i].pid > 0 && !jobs[i].done)
			kill(jobs[i].pid, SIGTERM);
}

int rp_run_main(int argc, char** argv)
{
	enum
	{
		OPT_SHARD = 256,
		OPT_SEED,
		OPT_KEEP,
		OPT_CAPTURE,
		OPT_RESULTS,
		OPT_SKIP_CODE,
		OPT_LIST,
		OPT_BACKEND,
		OPT_FREERDP_LOG,
	};
	static const struct option lo[] = {
		{ "name", required_argument, NULL, 'n' },     { "keyword", required_argument, NULL, 'k' },
		{ "jobs", required_argument, NULL, 'j' },     { "repeat", required_argument, NULL, 'r' },
		{ "shard", required_argument, NULL, OPT_SHARD },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "keep", no_argument, NULL, OPT_KEEP },      { "capture", no_argument, NULL, OPT_CAPTURE },
		{ "results", required_argument, NULL, OPT_RESULTS },
		{ "skip-code", required_argument, NULL, OPT_SKIP_CODE },
		{ "list", no_argument, NULL, OPT_LIST },
		{ "backend", required_argument, NULL, OPT_BACKEND },
		{ "freerdp-log", required_argument, NULL, OPT_FREERDP_LOG },
		{ "verbose", no_argument, NULL, 'v' },        { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct run_opts o = { .results = "results", .backend = "auto", .jobs = 0 /* auto */,
		                  .repeat = 1, .shard_i = 1, .shard_n = 1 };
	struct rp_err err = { "" };
	struct rp_scenario* scs = NULL;
	struct rp_outcome* outs = NULL;
	struct job* jobs = NULL;
	char** paths = NULL;
	char* def[] = { "scenarios" };
	int n = 0, n_sel = 0, n_jobs = 0, c;
	char results_dir[4096];
	int results_lock = -1;
	int counts[RP_STATUS_COUNT] = { 0 };
	int ret = 2;
	double t0 = rp_now_ms();
	bool jobs_auto = false;
	bool tty = isatty(2);
	bool list_only = false;

	optind = 1;
	while ((c = getopt_long(argc, argv, "n:k:j:r:vh", lo, NULL)) != -1)
	{
		switch (c)
		{
			case 'n':
			case 'k':
				if ((c == 'n' ? o.n_names : o.n_keywords) >= 16)
				{
					fprintf(stderr, "rdprepro run: at most 16 of -%c\n", c);
					return 2;
				}
				if (c == 'n')
					o.names[o.n_names++] = optarg;
				else
					o.keywords[o.n_keywords++] = optarg;
				break;
			case 'j':
				if (strcmp(optarg, "auto") == 0)
					o.jobs = 0;
				else if (!parse_count("--jobs", optarg, 1, 64, &o.jobs))
					return 2;
				break;
			case 'r':
				if (!parse_count("--repeat", optarg, 1, 1000, &o.repeat))
					return 2;
				break;
			case OPT_SHARD:
			{
				char extra;
				if (sscanf(optarg, "%d/%d%c", &o.shard_i, &o.shard_n, &extra) != 2 ||
				    o.shard_n < 1 || o.shard_i < 1 || o.shard_i > o.shard_n)
				{
					fprintf(stderr, "rdprepro run: --shard: bad shard \"%s\" (I/N, 1 <= I <= N)\n",
					        optarg);
					return 2;
				}
				break;
			}
			case OPT_SEED:
			{
				int v;
				if (!parse_count("--seed", optarg, 0, 2147483647, &v))
					return 2;
				o.seed = (unsigned)v;
				o.have_seed = true;
				break;
			}
			case OPT_KEEP:
				o.keep = true;
				break;
			case OPT_LIST:
				list_only = true;
				break;
			case OPT_FREERDP_LOG:
			{
				static const char* const levels[] = { "TRACE", "DEBUG", "INFO", "WARN", "ERROR",
					                                  "FATAL", "OFF" };
				bool known = false;
				for (size_t i = 0; i < sizeof(levels) / sizeof(levels[0]); i++)
					known |= strcasecmp(optarg, levels[i]) == 0;
				if (!known)
				{
					fprintf(stderr, "rdprepro run: --freerdp-log: what is \"%s\"? (TRACE, DEBUG, "
					                "INFO, WARN, ERROR, FATAL, OFF)\n",
					        optarg);
					return 2;
				}
				o.freerdp_log = optarg;
				break;
			}
			case OPT_BACKEND:
				if (strcmp(optarg, "auto") != 0 && strcmp(optarg, "netem") != 0 &&
				    strcmp(optarg, "engine") != 0)
				{
					fprintf(stderr, "rdprepro run: --backend: what is \"%s\"? (auto, netem, engine)\n",
					        optarg);
					return 2;
				}
				o.backend = optarg;
				break;
			case OPT_CAPTURE:
				o.capture = true;
				break;
			case OPT_RESULTS:
				o.results = optarg;
				break;
			case OPT_SKIP_CODE:
				if (!parse_count("--skip-code", optarg, 0, 255, &o.skip_code))
					return 2;
				break;
			case 'v':
				o.verbose = true;
				break;
			case 'h':
				return run_usage(stdout);
			default:
				return run_usage(stderr);
		}
	}
	g_verbose = o.verbose;
	rp_proc_set_verbose(o.verbose);
	if (o.verbose)
		setenv("RDPREPRO_VERBOSE", "1", 1); /* the netem scripts echo theirs too */
	o.tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	if (!rp_find_self(&err) || !collect(optind < argc ? argv + optind : def,
	                                 optind < argc ? argc - optind : 1, &paths, &n, &err))
	{
		fprintf(stderr, "rdprepro: %s\n", err.msg);
		return 2;
	}
	/* Parse every file before running any: a typo stops the suite before it starts. */
	scs = calloc((size_t)n + 1, sizeof(*scs));
	if (!scs)
		goto done;
	for (int i = 0; i < n; i++)
	{
		struct rp_scenario sc;
		if (!rp_scenario_load(&sc, paths[i], &err))
		{
			fprintf(stderr, "%s\n", err.msg);
			goto done;
		}
		for (int j = 0; j < n_sel; j++)
			if (strcmp(scs[j].name, sc.name) == 0)
			{
				fprintf(stderr, "%s: scenario name \"%s\" also used by %s\n", sc.path, sc.name,
				        scs[j].path);
				goto done;
			}
		/* Shards interleave over the whole sorted selection: I, I+N, I+2N, ... */
		if (selected(&sc, &o))
			scs[n_sel++] = sc;
	}
	if (n_sel == 0)
	{
		fprintf(stderr, "rdprepro: no scenario selected\n");
		goto done;
	}
	{
		int k = 0;
		for (int i = 0; i < n_sel; i++)
			if (i % o.shard_n == o.shard_i - 1)
				scs[k++] = scs[i];
		n_sel = k;
	}
	if (n_sel == 0)
	{
		/* More shards than scenarios in a CI matrix: this shard has nothing to do. */
		fprintf(stderr, "rdprepro: shard %d/%d: nothing to run\n", o.shard_i, o.shard_n);
		ret = list_only ? 0 : o.skip_code;
		goto done;
	}
	if (list_only)
	{
		for (int i = 0; i < n_sel; i++)
			printf("%s\n", scs[i].name);
		ret = 0;
		goto done;
	}
	n_jobs = n_sel * o.repeat;
	jobs = calloc((size_t)n_jobs, sizeof(*jobs));
	outs = calloc((size_t)n_jobs, sizeof(*outs));
	if (!jobs || !outs ||
	    !claim_results(o.results, results_dir, sizeof(results_dir), &results_lock, &err))
	{
		fprintf(stderr, "rdprepro: %s\n", err.msg[0] ? err.msg : "out of memory");
		ret = 1;
		goto done;
	}
	o.results = results_dir;
	for (int i = 0; i < n_sel; i++)
		for (int k = 0; k < o.repeat; k++)
		{
			struct job* jb = &jobs[i * o.repeat + k];
			jb->sc = &scs[i];
			jb->run = k + 1;
			if (o.repeat > 1)
				snprintf(jb->resdir, sizeof(jb->resdir), "%s/%s/run-%d", o.results, scs[i].name, k + 1);
			else
				snprintf(jb->resdir, sizeof(jb->resdir), "%s/%s", o.results, scs[i].name);
		}
	/* Not root: the run moves into namespaces of its own (user, network, mount), where it
	 * may make the labs' namespaces; the host's network is not even in sight from there. */
	if (!can_make_namespaces())
	{
		if (rootless_enter(&err))
			fprintf(stderr, "rdprepro: not root in the host's namespaces: running in a user "
			                "namespace of its own (rootless)\n");
		else
		{
			rp_strlcpy(rootless_error, err.msg, sizeof(rootless_error));
			fprintf(stderr, "rdprepro: not root in the host's namespaces, and no user "
			                "namespace (%s): scenarios that need a lab are skipped\n",
			        rootless_error);
		}
	}
	if (!rp_signals_install())
	{
		fprintf(stderr, "rdprepro: cannot install signal handlers\n");
		ret = 1;
		goto done;
	}
	if (!rp_lab_sweep(o.tmpdir, o.verbose, &err))
		fprintf(stderr, "rdprepro: sweep: %s\n", err.msg);
	/* One server key for the suite, made before the workers fork: a run only signs its own
	 * certificate with it (about 1 ms) instead of making a key (50-150 ms). */
	if (!rp_creds_suite_key(&err))
	{
		fprintf(stderr, "rdprepro: %s\n", err.msg);
		ret = 1;
		goto done;
	}

	jobs_auto = o.jobs == 0;
	/* Schedule: up to --jobs workers at once (auto: as many as memory allows, started while
	 * the CPU allows), the longest first, each job's result printed as it ends. */
	{
		int next = 0, running = 0, done = 0;
		bool auto_j = jobs_auto, forwarded = false;
		struct job** order = calloc((size_t)n_jobs, sizeof(*order));
		struct cpu_sample cpu = { 0, 0 };
		if (!order)
		{
			fprintf(stderr, "rdprepro: out of memory\n");
			ret = 1;
			goto done;
		}
		for (int i = 0; i < n_jobs; i++)
			order[i] = &jobs[i];
		qsort(order, (size_t)n_jobs, sizeof(*order), cmp_takes);
		if (auto_j)
		{
			o.jobs = auto_jobs(n_jobs);
			cpu_read(&cpu);
		}
		while (done < n_jobs)
		{
			int status;
			pid_t pid;
			bool may_start = running < o.jobs && next < n_jobs && !rp_interrupted();
			/* auto: one start per tick, and only while the CPU allows (never none running) */
			if (may_start && (!auto_j || running == 0 || start_allowed(&cpu)))
			{
				struct job* jb = order[next++];
				if (!spawn_worker(jb, &o))
				{
					jb->done = true;
					jb->out.status = RP_ERROR;
					snprintf(jb->out.reason, sizeof(jb->out.reason), "fork: %s", strerror(errno));
					done++;
				}
				else
					running++;
				if (!auto_j)
					continue;
				may_start = running < o.jobs && next < n_jobs;
			}
			if (running == 0)
			{
				if (next < n_jobs && !rp_interrupted())
					continue;
				break;
			}
			progress(jobs, n_jobs, done, tty);
			if (auto_j && may_start)
			{
				/* A start is due at the next tick: wait for a worker or the tick. */
				struct pollfd pf = { .fd = rp_interrupt_fd(), .events = POLLIN };
				pid = waitpid(-1, &status, WNOHANG);
				if (pid == 0)
				{
					poll(&pf, pf.fd >= 0 ? 1 : 0, START_TICK_MS);
					continue;
				}
			}
			else
				pid = waitpid(-1, &status, 0);
			if (pid < 0)
			{
				if (errno == EINTR)
				{
					if (!forwarded)
						forward_interrupt(jobs, n_jobs);
					forwarded = true;
					continue;
				}
				break;
			}
			if (rp_interrupted() && !forwarded)
			{
				forward_interrupt(jobs, n_jobs);
				forwarded = true;
			}
			for (int i = 0; i < n_jobs; i++)
				if (jobs[i].pid == pid && !jobs[i].done)
				{
					collect_job(&jobs[i], status);
					running--;
					done++;
					progress(jobs, n_jobs, done, tty);
					print_outcome(&jobs[i].out, o.repeat);
				}
		}
		free(order);
		progress(jobs, n_jobs, n_jobs, tty);
	}
	for (int i = 0; i < n_jobs; i++)
	{
		if (!jobs[i].done)
		{
			rp_strlcpy(jobs[i].out.scenario, jobs[i].sc->name, sizeof(jobs[i].out.scenario));
			jobs[i].out.run = jobs[i].run;
			jobs[i].out.status = RP_SKIP;
			snprintf(jobs[i].out.reason, sizeof(jobs[i].out.reason), "not run: interrupted");
		}
		outs[i] = jobs[i].out;
		counts[jobs[i].out.status]++;
	}
	summary_table(jobs, n_jobs);
	{
		char path[4096];
		snprintf(path, sizeof(path), "%s/junit.xml", o.results);
		if (!rp_junit_write(path, outs, n_jobs, rp_now_ms() - t0, &err))
			fprintf(stderr, "rdprepro: %s\n", err.msg);
		snprintf(path, sizeof(path), "%s/results.tap", o.results);
		if (!rp_tap_write(path, outs, n_jobs, &err))
			fprintf(stderr, "rdprepro: %s\n", err.msg);
	}
	printf("%d passed, %d failed, %d skipped, %d errors (%.1f s, %d jobs%s; results in %s)\n",
	       counts[RP_PASS], counts[RP_FAIL], counts[RP_SKIP], counts[RP_ERROR],
	       (rp_now_ms() - t0) / 1000.0, o.jobs, jobs_auto ? " (auto)" : "", o.results);
	if (rp_interrupted())
	{
		fprintf(stderr, "rdprepro: interrupted by signal %d; the labs were removed\n",
		        rp_interrupted());
		ret = 128 + rp_interrupted();
	}
	else if (counts[RP_FAIL] || counts[RP_ERROR])
		ret = 1;
	else if (counts[RP_SKIP] && !counts[RP_PASS])
		ret = o.skip_code;
	else
		ret = 0;
done:
	for (int i = 0; jobs && i < n_jobs; i++)
		free(jobs[i].out.report);
	if (results_lock >= 0)
		close(results_lock);
	for (int i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(scs);
	free(jobs);
	free(outs);
	return ret;
}

int rp_list_main(int argc, char** argv)
{
	struct rp_err err = { "" };
	char** paths = NULL;
	char* def[] = { "scenarios" };
	int n = 0;
	int ret = 0;

	if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
	{
		printf("usage: rdprepro list [FILE|DIR...]\n  Lists scenarios with their summary and "
		       "expected verdict (default: scenarios/).\n");
		return 0;
	}
	if (!collect(argc > 1 ? argv + 1 : def, argc > 1 ? argc - 1 : 1, &paths, &n, &err))
	{
		fprintf(stderr, "rdprepro: %s\n", err.msg);
		return 2;
	}
	for (int i = 0; i < n; i++)
	{
		struct rp_scenario sc;
		if (!rp_scenario_load(&sc, paths[i], &err))
		{
			fprintf(stderr, "%s\n", err.msg);
			ret = 2;
		}
		else
			printf("%-28s %-16s %s\n", sc.name, rp_cause_name(sc.expect), sc.summary);
		free(paths[i]);
	}
	free(paths);
	return ret;
}
