/* probe_after.c: the probes of a connection that stalled or failed: the liveness probe (is a
 * stalled connection alive end to end?), and after the attempt the recheck (recheck.c: a second
 * connection, an X.224 request, large packets, pings) and the replay (a second probe, as the
 * first one was). */
#include "probe_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "probe.h"
#include "proc.h"
#include "recheck.h"

/* Jiffies: tcpi_last_ack_recv moves in steps of 1000/HZ ms (4 ms at HZ=250). */
#define LIVENESS_SLACK_MS 10

/* Before the deadline closes a stalled connection: is it alive end to end? With nothing
 * outstanding, a keepalive after 1 s of idle (TCP_KEEPIDLE set now fires at once on a
 * connection idle that long: tcp_sock_set_keepidle); with data outstanding the kernel
 * sends no keepalive, and its own retransmissions are the probe. An acknowledgement that
 * arrives while we watch (tcpi_last_ack_recv falls below the time watched) means the path
 * and the server's TCP work. Bounded: 1 s of idle plus three round trips, at most 6 s. */
void probe_liveness(struct probe* p, bool from_watchdog)
{
	struct rp_liveness* l = &p->ev.liveness;
	struct tcp_info ti;
	double t0 = rp_now_ms(), bound;
	uint32_t ack0;
	int one = 1, cnt = 9;

	if (p->fd < 0 || l->result != RP_ALIVE_NOT_RUN || !read_tcp_info(p->fd, &ti))
		return;
	if (from_watchdog)
		p->watchdog_state = ti.tcpi_state;
	if (ti.tcpi_state != RP_TCP_ESTABLISHED)
		return;
	l->idle_ms = ti.tcpi_last_data_recv;
	l->unacked = ti.tcpi_unacked;
	l->backoff = ti.tcpi_backoff;
	l->retransmits = ti.tcpi_total_retrans;
	ack0 = ti.tcpi_last_ack_recv;
	/* Something the server's kernel acknowledged after its data stopped, within the last
	 * second (FreeRDP's own keepalive, 5 s idle then every 2 s, or the client's data): the
	 * connection just answered, end to end. */
	if (ti.tcpi_last_data_recv >= 1000 && ti.tcpi_last_ack_recv + 100 < ti.tcpi_last_data_recv &&
	    ti.tcpi_last_ack_recv < 1000)
	{
		l->result = RP_ALIVE_ACKED;
		l->keepalive = ti.tcpi_unacked == 0;
		l->ms = 0;
		return;
	}
	bound = 500.0 + 3.0 * (ti.tcpi_rtt / 1000.0);
	if (ti.tcpi_unacked == 0)
	{
		/* The keepalive timer counts from the last segment received, data or ACK. */
		uint32_t since = ti.tcpi_last_data_recv < ti.tcpi_last_ack_recv ? ti.tcpi_last_data_recv
		                                                                : ti.tcpi_last_ack_recv;
		l->keepalive = true;
		if (since < 1000)
			bound += 1000 - since;
		setsockopt(p->fd, IPPROTO_TCP, TCP_KEEPINTVL, &one, sizeof(one));
		setsockopt(p->fd, IPPROTO_TCP, TCP_KEEPCNT, &cnt, sizeof(cnt));
		setsockopt(p->fd, SOL_SOCKET, SO_KEEPALIVE, &one, sizeof(one));
		setsockopt(p->fd, IPPROTO_TCP, TCP_KEEPIDLE, &one, sizeof(one));
	}
	else if (ti.tcpi_rto / 1000.0 > bound)
		bound = ti.tcpi_rto / 1000.0 + 3.0 * (ti.tcpi_rtt / 1000.0);
	if (bound > 6000)
		bound = 6000;
	l->result = RP_ALIVE_SILENT;
	for (;;)
	{
		double e = rp_now_ms() - t0;
		struct timespec ts = { 0, 5 * 1000 * 1000 };
		if (!read_tcp_info(p->fd, &ti))
			break;
		if (ti.tcpi_state == RP_TCP_CLOSE)
		{
			/* Closed under us: a reset, or the kernel's own timer (TCP_USER_TIMEOUT, the
			 * keepalive count) giving up, which is silence. SO_ERROR tells, and is kept. */
			int soerr = 0;
			socklen_t el = sizeof(soerr);
			struct rp_attempt* a = rp_evidence_current(&p->ev);
			getsockopt(p->fd, SOL_SOCKET, SO_ERROR, &soerr, &el);
			if (a && soerr && !a->sock_errno)
				a->sock_errno = soerr;
			l->result = soerr == ETIMEDOUT ? RP_ALIVE_SILENT : RP_ALIVE_RESET;
			l->ms = e;
			break;
		}
		/* An ACK that arrived while we watch: its age fell behind the time watched, and is
		 * less than that time (under TCG the guest's jiffies lag the monotonic clock, so
		 * the first test alone took an ACK from before the watch, 7.9 s old, for a new one). */
		if (e > LIVENESS_SLACK_MS && ti.tcpi_last_ack_recv + LIVENESS_SLACK_MS < ack0 + e &&
		    ti.tcpi_last_ack_recv < e)
		{
			l->result = RP_ALIVE_ACKED;
			l->ms = e - ti.tcpi_last_ack_recv;
			break;
		}
		if (e >= bound)
		{
			l->ms = e;
			break;
		}
		nanosleep(&ts, NULL);
	}
}

/* The end of what the probe allows itself after its deadline, 1 s short of it (the runner's
 * backstop, PROBE_GRACE_MS, is longer still): the recheck's stages and the replay start only
 * when they end before it. */
static double budget_end(const struct probe* p, const struct probe_opts* o)
{
	return p->t0 + o->deadline_ms + (o->session_ms > o->hold_ms ? o->session_ms : o->hold_ms) +
	       RP_PROBE_POST_MS - 1000;
}

/* The replay's deadline: twice the time the failed attempt took to reach its furthest phase,
 * plus 2 s, within [2 s, 6 s]; a first attempt slower than that is not replayed (the replay
 * could not get as far in time, and says so). */
#define REPLAY_MIN_MS 2000.0
#define REPLAY_MAX_MS 6000.0
/* A replay is one short connection: its record is a few KiB; a megabyte is no replay's. */
#define REPLAY_JSON_MAX (1u << 20)

/* The replay's record, read back as what it is: the output of another process, which ran
 * FreeRDP against the server under test. Bounded and a regular file (rp_read_regular; the
 * path is our own descriptor's /proc link, followed on purpose), no NUL byte, parsed by the
 * evidence reader (types checked; a key it does not know is not read), then held to what
 * was asked: this target, this deadline, phases and ends of their enums. */
static bool replay_read(struct rp_evidence* ev, int fd, const struct probe_opts* o,
                        uint32_t deadline_ms, struct rp_err* err)
{
	char path[40], target[sizeof(ev->target)];
	char* buf = NULL;
	size_t len = 0;
	bool ok;

	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (!rp_read_regular(path, REPLAY_JSON_MAX, false, &buf, &len, err))
		return false;
	ok = strlen(buf) == len ? rp_evidence_from_json(ev, buf, err)
	                        : rp_fail(err, "a NUL byte in the record");
	free(buf);
	if (!ok)
		return false;
	snprintf(target, sizeof(target), "%s:%ld", o->host, o->port);
	if (strcmp(ev->target, target) != 0)
		return rp_fail(err, "the record is of target \"%.60s\", not %s", ev->target, target);
	if (ev->deadline_ms != deadline_ms)
		return rp_fail(err, "the record's deadline is %u ms, not the %u asked", ev->deadline_ms,
		               deadline_ms);
	if (ev->n_attempts < 0 || ev->n_attempts > RP_MAX_ATTEMPTS)
		return rp_fail(err, "%d attempts in the record", ev->n_attempts);
	for (int i = 0; i < ev->n_attempts; i++)
		if ((unsigned)ev->attempts[i].furthest >= RP_PHASE_COUNT ||
		    (unsigned)ev->attempts[i].end >= RP_END_COUNT)
			return rp_fail(err, "attempt %d: a phase or an end out of range", i + 1);
	return true;
}

/* The replay's command line: this probe's own options, with the replay's deadline, no hold and
 * no recheck, its record going to out. */
static void replay_argv(const struct probe_opts* o, const char* out, const char* dl,
                        const char** argv)
{
	int ac = 0;

	argv[ac++] = self_exe;
	argv[ac++] = "probe";
	argv[ac++] = "--host";
	argv[ac++] = o->host;
	argv[ac++] = "--port";
	{
		static char port[8];
		snprintf(port, sizeof(port), "%ld", o->port);
		argv[ac++] = port;
	}
	argv[ac++] = "--user";
	argv[ac++] = o->user;
	argv[ac++] = "--password-file";
	argv[ac++] = o->password_file;
	argv[ac++] = "--out";
	argv[ac++] = out;
	argv[ac++] = "--deadline";
	argv[ac++] = dl;
	argv[ac++] = "--hold";
	argv[ac++] = "0ms";
	argv[ac++] = "--no-recheck";
	if (o->announce_freerdp)
	{
		argv[ac++] = "--announce";
		argv[ac++] = "freerdp";
	}
	if (o->cert_pin)
	{
		argv[ac++] = "--cert-pin";
		argv[ac++] = o->cert_pin;
	}
	if (o->connect_timeout_ms)
	{
		static char ct[32];
		snprintf(ct, sizeof(ct), "%ums", o->connect_timeout_ms);
		argv[ac++] = "--connect-timeout";
		argv[ac++] = ct;
	}
	argv[ac++] = "--";
	for (int i = 0; i < o->n_extra && ac < 94; i++)
		argv[ac++] = o->extra[i];
	argv[ac] = NULL;
}

/* What the replay found: its record, read back from mem, if it exited 0; else why not. */
static void replay_result(struct rp_replay* rr, int mem, const struct probe_opts* o, int status)
{
	struct rp_evidence* ev2 = calloc(1, sizeof(*ev2));
	struct rp_err err = { "" };
	if (ev2 && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
	    replay_read(ev2, mem, o, rr->deadline_ms, &err))
	{
		rr->run = true;
		rr->furthest = rp_evidence_furthest(ev2);
		rr->active = rp_evidence_active(ev2);
		rr->last_error = ev2->last_error;
		rr->end = ev2->n_attempts ? ev2->attempts[ev2->n_attempts - 1].end : RP_END_UNKNOWN;
	}
	else
		snprintf(rr->not_run, sizeof(rr->not_run), "the replay failed (status %d%s%s)",
		         status, err.msg[0] ? ": " : "", err.msg);
	free(ev2);
}

static void replay(struct probe* p, const struct probe_opts* o)
{
	struct rp_replay* rr = &p->ev.recheck.replay;
	const struct rp_attempt* a = rp_evidence_furthest_attempt(&p->ev);
	char out[64], dl[32];
	const char* argv[96];
	int mem;
	double reach, t0;
	pid_t pid;
	int status;

	if (!a || a->furthest < RP_PHASE_X224 || a->t_phase_ms[a->furthest] < 0)
		return;
	reach = a->t_phase_ms[a->furthest] - a->t_start_ms;
	if (2 * reach + 2000 > REPLAY_MAX_MS)
	{
		snprintf(rr->not_run, sizeof(rr->not_run),
		         "the first attempt took %.1f s to reach %s: a replay could not get there in %.0f s",
		         reach / 1000.0, rp_phase_name(a->furthest), REPLAY_MAX_MS / 1000.0);
		return;
	}
	rr->deadline_ms = (uint32_t)(2 * reach + 2000 < REPLAY_MIN_MS ? REPLAY_MIN_MS : 2 * reach + 2000);
	{
		double left = budget_end(p, o) - rp_now_ms();
		if (left < rr->deadline_ms)
		{
			snprintf(rr->not_run, sizeof(rr->not_run),
			         "%.1f s left of the probe's budget, the replay needs %.1f s",
			         left > 0 ? left / 1000.0 : 0.0, rr->deadline_ms / 1000.0);
			rr->deadline_ms = 0;
			return;
		}
	}
	if (!rp_find_self(&(struct rp_err){ "" }))
	{
		snprintf(rr->not_run, sizeof(rr->not_run), "the probe cannot find itself");
		return;
	}
	/* Its record goes to an anonymous file in memory, handed to the child as --out by its
	 * descriptor (/proc/self/fd/N: the child's open reopens that file). It has no name in any
	 * directory: nothing can be planted where it is written or read back in its place (a
	 * predictable /tmp name was, issue 29), and the probe, running as the run's unprivileged
	 * identity, has no directory of its own to write in. */
	if ((mem = memfd_create("rdprepro-replay", MFD_CLOEXEC)) < 0)
	{
		snprintf(rr->not_run, sizeof(rr->not_run), "memfd_create: %s", strerror(errno));
		return;
	}
	snprintf(out, sizeof(out), "/proc/self/fd/%d", mem);
	snprintf(dl, sizeof(dl), "%ums", rr->deadline_ms);
	replay_argv(o, out, dl, argv);
	t0 = rp_now_ms();
	pid = fork();
	if (pid == 0)
	{
		int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
		/* It dies with the probe: a runner that stops the probe stops its replay too. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() == 1)
			_exit(127);
		/* Its own log stays out of the run's: the run's FreeRDP log is one connection's,
		 * as a field user's would be. */
		if (null >= 0)
		{
			dup2(null, 1);
			dup2(null, 2);
		}
		fcntl(mem, F_SETFD, 0); /* its --out: kept across exec, at the same number */
		execv(self_exe, (char* const*)argv);
		_exit(127);
	}
	if (pid < 0)
	{
		snprintf(rr->not_run, sizeof(rr->not_run), "fork: %s", strerror(errno));
		close(mem);
		return;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	rr->ms = rp_now_ms() - t0;
	replay_result(rr, mem, o, status);
	close(mem);
}

/* How long the recheck waits for a fresh X.224 answer: its usual wait, or twice what the
 * server took to answer the first connection's request (its X.224 phase until TLS began) and
 * half a second, at most 4 s: a request is "silent" only when it waited longer than this server
 * is known to take (a slow host, an emulated guest: 2.9 s seen under TCG). */
static int x224_wait(const struct rp_evidence* ev, int wait_ms)
{
	double took = rp_evidence_x224_answer_ms(ev);
	double w = 2 * took + 500;
	if (w > 4000)
		w = 4000;
	return w > wait_ms ? (int)w : wait_ms;
}

/* The recheck, only after a connection that came up: when TCP never did, a second SYN says
 * nothing new. On by default in the lab; the probe is never pointed at other hosts. */
void probe_maybe_recheck(struct probe* p, const struct probe_opts* o)
{
	const struct rp_attempt* last = rp_evidence_current(&p->ev);
	const char* host = p->ev.is_name ? p->ev.resolved : o->host;

	/* A session that was cut, or that held while the server's ACKs ran ahead of what arrived
	 * (its data lost on the way): is the path there for a new connection, and does it pass
	 * large packets? */
	if (o->session_ms && p->ev.session.t_active_ms >= 0 && o->recheck &&
	    (!p->ev.session.held || (last && last->server_unseen > 0)))
	{
		uint32_t min_rtt_us = last && last->tcp.valid ? last->tcp.min_rtt_us : 0;
		int big = last && last->tcp.valid && last->tcp.advmss ? (int)last->tcp.advmss + 40 : 1500;
		int w = min_rtt_us * 3 / 1000 > 2000 ? (int)(min_rtt_us * 3 / 1000) : 2000;
		rp_recheck_run(&p->ev.recheck, o->host, o->port, w, x224_wait(&p->ev, w), budget_end(p, o));
		rp_recheck_sizes(&p->ev.recheck, host, big, 1500, budget_end(p, o));
		return;
	}
	if (!rp_evidence_active(&p->ev) && o->recheck)
	{
		bool came_up = false;
		uint32_t min_rtt_us = 0;
		for (int i = 0; i < p->ev.n_attempts; i++)
		{
			const struct rp_attempt* a = &p->ev.attempts[i];
			came_up |= a->t_established_ms >= 0;
			if (a->tcp.valid && a->tcp.min_rtt_us > min_rtt_us)
				min_rtt_us = a->tcp.min_rtt_us;
		}
		/* 2 s each, or 3 round trips of this path if it is slower: a slow path is not a
		 * dead one. */
		if (came_up)
		{
			int w = min_rtt_us * 3 / 1000 > 2000 ? (int)(min_rtt_us * 3 / 1000) : 2000;
			rp_recheck_run(&p->ev.recheck, o->host, o->port, w, x224_wait(&p->ev, w),
			               budget_end(p, o));
			replay(p, o);
		}
		else if (p->ev.n_attempts && p->ev.attempts[0].end == RP_END_NO_ANSWER)
			/* The SYN went unanswered: does anything answer at that address? */
			rp_recheck_ping(&p->ev.recheck, p->ev.is_name ? p->ev.resolved : o->host, 1500,
			                budget_end(p, o));
	}
}
