/* run.c: one scenario's run, step by step, as docs/design.md draws it:
 *
 *   requirements -> lab up -> secrets -> faults armed -> peer up -> [hostile clients] ->
 *   client (the timed fault fires meanwhile) -> peer stopped -> evidence -> verdict -> undo
 *
 * Each step is a call into the room that owns it (lab/, rdp/, the peer and client tables);
 * every undo is registered by the step that makes the thing, and runs on every path. */
#include "run.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "client.h"
#include "peer.h"
#include "proc.h"
#include "rootless.h"
#include "vm.h"

/* PASS only if the verdict and every optional expectation hold; the reason names each miss. */
/* A verdict in the scenario's wider set passes only with the evidence that makes it so:
 * `connected` when the session reached active and held without an error, `undetermined` when
 * it names the expected cause among its candidates. */
static bool acceptable_by_evidence(const struct rp_scenario* sc, const struct result* r)
{
	if (r->verdict.cause == RP_CAUSE_CONNECTED)
		return rp_evidence_active(&r->ev) && !r->ev.last_error && !r->ev.error_info;
	if (r->verdict.cause == RP_CAUSE_UNDETERMINED)
		return rp_verdict_names(&r->verdict, sc->expect);
	return true;
}

static void check_expectations(const struct rp_scenario* sc, struct result* r)
{
	char* w = r->reason;
	size_t left = sizeof(r->reason);
	int n;

	r->status = RP_PASS;
	rp_strlcpy(r->accepted, "exact", sizeof(r->accepted));
	n = snprintf(w, left, "%s", rp_cause_name(r->verdict.cause));
	if (r->verdict.cause != sc->expect && (sc->acceptable & (1u << r->verdict.cause)) &&
	    acceptable_by_evidence(sc, r))
	{
		rp_strlcpy(r->accepted, "acceptable", sizeof(r->accepted));
		n = snprintf(w, left, "%s (acceptable for %s: %s)", rp_cause_name(r->verdict.cause),
		             rp_cause_name(sc->expect), sc->acceptable_because);
	}
	else if (r->verdict.cause != sc->expect)
	{
		r->accepted[0] = '\0';
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

/* Adds the time since *mark to step s, and moves the mark. */
static void step_done(struct result* r, enum rp_step s, double* mark)
{
	double now = rp_now_ms();
	r->steps_ms[s] += now - *mark;
	*mark = now;
}

/* [client] hostile = N: `rdprepro hostile` in the client namespace; ready once it says so.
 * It holds its connections until *in (its stdin) is closed. */
static bool start_hostile(const struct rp_scenario* sc, const struct rp_lab* lab,
                          const struct rp_identity* as, pid_t* pid,
                          int* in, char* ready, size_t ready_size, struct rp_err* err)
{
	int to[2], from[2];
	char crowd[16], line[128] = "";
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
			                   .fd_stdout = from[1], .fd_stderr = -1, .as = as };
		ok = rp_proc_spawn(&sp, pid, err);
	}
	close(to[0]);
	close(from[1]);
	*in = to[1];
	if (ok)
		rp_read_until(from[0], "\n", line, sizeof(line), rp_now_ms() + rp_slack_ms(5000));
	else
		close(from[0]);
	if (ok && strncmp(line, "ready ", 6) != 0)
		ok = rp_fail(err, "rdprepro hostile: not ready after %d ms", rp_slack_ms(5000));
	line[strcspn(line, "\n")] = '\0';
	rp_strlcpy(ready, ok ? line + 6 : "", ready_size);
	return ok;
}

/* After the run: the hostile clients hang up; the server must still be there, and give back
 * what they cost it (its open files back to where they were, within 3 s, times the harness's
 * slack). */
static bool end_hostile(pid_t* hostile, int* in, pid_t server, int fds_before, const char* ready,
                        double taken_ms, struct result* r)
{
	int fds_during = rp_count_fds(server), fds_after = -1, status = 0;
	double t_stop, moved;
	bool stalled = false;
	char back[64];
	bool alive;
	char died[64] = "kept serving";

	close(*in);
	*in = -1;
	rp_proc_stop(*hostile, 2000);
	*hostile = 0;
	/* Giving back is judged by progress, not by a time: each of the ~200 peer threads must run
	 * to see its connection closed, and the server gives its files back in bursts. On 2 cores
	 * with 4 labs and 4 busy loops beside (16 runs), all were given back within 0.2-4.3 s, with
	 * pauses of up to 3.0 s between two bursts; a 3 s bound had failed 3 runs in 8 of servers
	 * that gave back everything. A leak is files that stop being given back: none for 10 s (three
	 * times the longest pause measured) while above the count before. */
	t_stop = moved = rp_now_ms();
	for (double end = t_stop + rp_slack_ms(60000); rp_now_ms() < end && !stalled;)
	{
		int now = rp_count_fds(server);
		if (now >= 0 && (fds_after < 0 || now < fds_after))
			moved = rp_now_ms();
		if ((fds_after = now) <= fds_before)
			break;
		stalled = rp_now_ms() - moved > rp_slack_ms(10000);
		usleep(50000);
	}
	if (fds_after > fds_before)
		snprintf(back, sizeof(back), "%s after %.0f ms", stalled ? "none given back for 10 s" :
		         "still giving back", rp_now_ms() - t_stop);
	else
		snprintf(back, sizeof(back), "given back within %.0f ms", rp_now_ms() - t_stop);
	alive = fds_after >= 0 && waitpid(server, &status, WNOHANG) == 0;
	/* How it died says where to look: a signal (a crash, the OOM killer) or its own exit. */
	if (!alive && WIFSIGNALED(status))
		snprintf(died, sizeof(died), "died of signal %d (%s)", WTERMSIG(status),
		         strsignal(WTERMSIG(status)));
	else if (!alive && WIFEXITED(status))
		snprintf(died, sizeof(died), "died: exit status %d", WEXITSTATUS(status));
	else if (!alive)
		snprintf(died, sizeof(died), "died");
	snprintf(r->client, sizeof(r->client),
	         "hostile clients: %s connected (garbage, truncated X.224, silent, a crowd), taken in "
	         "by the server within %.0f ms; the server %s; its open files: %d before, %d with "
	         "them, %d after they left (%s)",
	         ready, taken_ms, died, fds_before, fds_during, fds_after, back);
	return alive && fds_after <= fds_before;
}

/* ---- the steps ---- */

/* Requirements that no lab run can meet are SKIPs with their reason, before any lab. */
static bool requirements(struct rp_run* run)
{
	const struct rp_scenario* sc = run->sc;
	struct result* r = run->r;

	if (sc->requires & RP_REQ_UDP_TRANSPORT)
	{
		snprintf(r->reason, sizeof(r->reason),
		         "FreeRDP 3.10's client has no RDP-UDP transport at all: it answers the server's "
		         "Initiate Multitransport Request (sent after licensing, before Demand Active) "
		         "with E_ABORT (libfreerdp/core/multitransport.c, multitransport_no_udp) and the "
		         "connection carries on over TCP, so no UDP fault can reach it");
		return false;
	}
	if (sc->requires & RP_REQ_NETEM)
	{
		/* The netem requirement is not wired into runs yet. */
		snprintf(r->reason, sizeof(r->reason), "needs netem, which this runner does not "
		                                       "require of a kernel yet (use --backend)");
		return false;
	}
	if ((sc->requires & RP_REQ_NATIVE_CPU) && rp_slack_ms(1) > 1)
	{
		snprintf(r->reason, sizeof(r->reason),
		         "needs a CPU at a host's speed, and this one stretches the harness's bounds %dx "
		         "(a TCG guest: RDPREPRO_HARNESS_SLACK): what the scenario measures would be the "
		         "emulator's speed, not the server's behaviour",
		         rp_slack_ms(1));
		return false;
	}
	/* What the scenario needs of this machine: the programs of its client and peer (a file
	 * may also require one outright). */
	if ((sc->requires & RP_REQ_XFREERDP) &&
	    !rp_client_xfreerdp.available(run, r->reason, sizeof(r->reason)))
		return false;
	if ((sc->requires & RP_REQ_SHADOW) && !rp_peer_shadow.available(run, r->reason, sizeof(r->reason)))
		return false;
	if ((sc->requires & RP_REQ_XRDP) && !rp_peer_xrdp.available(run, r->reason, sizeof(r->reason)))
		return false;
	return run->client->available(run, r->reason, sizeof(r->reason)) &&
	       run->peer->available(run, r->reason, sizeof(r->reason));
}

/* The run's result folder made afresh, just after what an earlier run left was removed
 * (rp_remove_tree: through descriptors, a symlink unlinked and never followed). Something
 * back in its place by then (a symlink planted in the gap) is refused, never written
 * through: mkdir's EEXIST does not say what exists. */
static bool fresh_folder(const char* path, struct rp_err* err)
{
	char parent[4096];
	char* slash;
	struct stat st;

	rp_strlcpy(parent, path, sizeof(parent));
	if ((slash = strrchr(parent, '/')) && slash != parent)
	{
		*slash = '\0';
		if (!rp_mkdir_p(parent, err))
			return false;
	}
	if (mkdir(path, 0755) == 0)
		return true;
	if (errno != EEXIST)
		return rp_fail(err, "mkdir %s: %s", path, strerror(errno));
	return rp_fail(err, "%s: %s in the place of the run's folder, just removed: refused", path,
	               lstat(path, &st) == 0 && S_ISLNK(st.st_mode) ? "a symlink" : "something");
}

enum step_result
{
	STEP_OK,
	STEP_SKIP, /* r->reason says why */
	STEP_ERROR /* err says why */
};

/* The run directory (0700: the secrets inside are the run's alone), the result folder and
 * the lab's namespaces. Without CAP_SYS_ADMIN `ip netns add` fails, and that is a SKIP with
 * its reason, not an error of the harness: trying is the test. */
static enum step_result lab_up(struct rp_run* run, int* lab_undo, struct rp_err* err)
{
	unsigned short rnd = 0;

	if (getrandom(&rnd, sizeof(rnd), 0) != sizeof(rnd))
		rnd = (unsigned short)(getpid() ^ (int)rp_now_ms());
	rp_lab_name(&run->lab, getpid(), rnd);
	/* Registered before it is made, so a sweep after a SIGKILL finds it (lab.h). */
	if (!rp_lab_rundir(&run->lab, run->o->tmpdir, run->rundir, sizeof(run->rundir), err))
		return STEP_ERROR;
	rp_defer(rp_undo_lab_rundir, run->rundir, "run directory");
	/* The peers and clients run as the run's own identity (priv.h): they may read the run
	 * directory's secrets (group), and write only what is handed to them. */
	rp_identity_for(getpid(), &run->as);
	if (!rp_share_file(&run->as, run->rundir, err))
		return STEP_ERROR;
	{
		char why[sizeof(err->msg) - 200];
		if (!rp_identity_reaches(&run->as, run->rundir, why, sizeof(why)))
		{
			rp_fail(err, "the run directory is out of the lab processes' reach: %s; set TMPDIR "
			             "to a directory other users may pass through (/tmp does)",
			        why);
			return STEP_ERROR;
		}
	}
	if (!rp_remove_tree(run->resdir, err) || !fresh_folder(run->resdir, err))
		return STEP_ERROR;
	if (!rp_lab_up(&run->lab, run->o->verbose, err))
	{
		if (strcmp(rp_rootless_error, "not tried") == 0)
			return STEP_ERROR;
		snprintf(run->r->reason, sizeof(run->r->reason),
		         "cannot create network namespaces as uid %d (%s), nor a user namespace to make "
		         "them in (%s)%s%s%s; run as root, or allow unprivileged user namespaces%s",
		         (int)geteuid(), err->msg, rp_rootless_error,
		         rp_vm_error[0] ? ", nor a qemu guest (" : "", rp_vm_error, rp_vm_error[0] ? ")" : "",
		         rp_vm_error[0] ? ", or install qemu-system-x86 (docs/ci-unprivileged.md)" : "");
		return STEP_SKIP;
	}
	*lab_undo = rp_defer(rp_undo_lab, &run->lab, "lab");
	return STEP_OK;
}

/* A pcap per router link (--capture). Deferred first: a tcpdump that never said it listens is
 * stopped too. */
static bool captures(struct rp_run* run, struct rp_err* err)
{
	static const char* const devs[2] = { "c0", "s0" };

	for (int i = 0; run->o->capture && i < 2; i++)
	{
		rp_defer(rp_undo_capture, &run->cap[i], i ? "capture s0" : "capture c0");
		if (!rp_capture_start(&run->lab, devs[i], run->resdir, &run->cap[i], err))
			return false;
	}
	return true;
}

/* The server's certificate, the user's password and SAM file, a wrong password, the lab's
 * names, the certificate the client knew before; each readable by the run's identity (group)
 * and by nobody else. */
static bool secrets(struct rp_run* run, struct rp_err* err)
{
	const struct rp_scenario* sc = run->sc;
	const char* const shared[] = { run->creds.cert, run->creds.key, run->creds.sam,
		                           run->creds.password_file, run->other_cert };

	if (!rp_creds_make(&run->creds, (enum rp_cert_kind)sc->server_cert, run->rundir,
	                   "rdpp-server.lab", RP_LAB_SERVER_ADDR, err))
		return false;
	if (sc->wrong_password && !rp_creds_wrong_password(&run->creds, run->rundir, err))
		return false;
	if (sc->naming != RP_NAME_ADDRESS &&
	    !rp_lab_names(&run->lab, sc->naming == RP_NAME_DEAD ? "dead" : "unresolvable",
	                  run->o->verbose, err))
		return false;
	if (sc->cert == RP_CERT_CHANGED &&
	    !rp_creds_other_cert(run->rundir, "rdpp-server.lab", RP_LAB_SERVER_ADDR, run->other_cert,
	                         sizeof(run->other_cert), err))
		return false;
	for (size_t i = 0; i < sizeof(shared) / sizeof(shared[0]); i++)
		if (shared[i][0] && !rp_share_file(&run->as, shared[i], err))
			return false;
	return true;
}

/* Hostile clients first, held open while the scenario's own client runs. */
static bool hostile_up(struct rp_run* run, struct rp_err* err)
{
	if (!run->sc->hostile)
		return true;
	run->fds_before = rp_count_fds(run->server);
	rp_defer(rp_undo_stop, &run->hostile, "hostile clients");
	rp_defer(rp_undo_close, &run->hostile_in, "hostile clients' stdin");
	if (!start_hostile(run->sc, &run->lab, &run->as, &run->hostile, &run->hostile_in, run->hostile_ready,
	                   sizeof(run->hostile_ready), err))
		return false;
	/* Connected is not yet taken in: the server accepts its backlog one peer at a time (a
	 * thread and a context each). The scenario's client comes once the server holds the crowd,
	 * its open files no longer growing for 400 ms (on a host within a few ms; in a TCG guest,
	 * seconds), within the harness's bound. */
	{
		double end = rp_now_ms() + rp_slack_ms(5000), t0 = rp_now_ms();
		int last = -1, same = 0, now;
		while (rp_now_ms() < end && !rp_interrupted() && same < 4)
		{
			now = rp_count_fds(run->server);
			same = now == last && now > run->fds_before ? same + 1 : 0;
			last = now;
			usleep(100000);
		}
		run->hostile_taken_ms = rp_now_ms() - t0;
	}
	return true;
}

/* The client, until it ends or the runner's bound on it; meanwhile the timed fault fires (on
 * the server's "hold" report, or at its time) and the server's reports are read. */
static bool client_run(struct rp_run* run, struct rp_err* err)
{
	const struct rp_scenario* sc = run->sc;
	struct result* r = run->r;
	double t0, until;
	struct rp_fault_clock fc;
	int pfd, status = 0;
	size_t scanned = 0;
	bool exited = false;

	snprintf(run->evpath, sizeof(run->evpath), "%s/evidence.json", run->resdir);
	if (!run->client->prepare(run, err) || !hostile_up(run, err))
		return false;
	if (!run->client->start(run, err))
		return false;
	t0 = run->client_t0 = rp_now_ms();
	until = run->client->until(run, t0);
	fc = (struct rp_fault_clock){ .sc = sc, .lab = &run->lab, .engines = run->engines,
		                          .verbose = run->o->verbose, .t0 = t0, .srv_in = run->srv_in,
		                          .link = r->link, .link_size = sizeof(r->link),
		                          .fired_at = r->fired, .n_fired = &r->n_fired };
	r->client_t0 = t0;
	pfd = (int)syscall(SYS_pidfd_open, run->client_pid, 0);
	for (;;)
	{
		double now = rp_now_ms();
		double next = rp_fault_clock_next(&fc, until);
		struct pollfd fds[3] = { { .fd = run->srv_out, .events = POLLIN },
			                     { .fd = pfd, .events = POLLIN },
			                     { .fd = rp_interrupt_fd(), .events = POLLIN } };
		if (waitpid(run->client_pid, &status, WNOHANG) == run->client_pid)
		{
			exited = true;
			break;
		}
		if (rp_interrupted() || now >= until)
			break;
		poll(fds, 3, next - now > 100 ? 100 : (int)(next - now) + 1);
		rp_read_server_lines(run->srv_out, r, NULL);
		/* The server holds at the armed phase: fire, then let it go on; once per connection
		 * that gets there. */
		for (const char* h = strstr(r->server_log + scanned, " hold "); h; h = strstr(h + 1, " hold "))
			rp_fault_clock_hold(&fc);
		scanned = r->server_len;
		rp_fault_clock_tick(&fc);
		run->client->watch(run, &until);
	}
	if (pfd >= 0)
		close(pfd);
	if (!exited && rp_interrupted())
		return rp_fail(err, "interrupted by signal %d", rp_interrupted());
	if (!run->client->ended(run, exited, status, err))
		return false;
	if (fc.error[0])
		return rp_fail(err, "%s", fc.error);
	return true;
}

/* An engine that died took its link down with it: the run would mislead. */
static bool engines_alive(struct rp_run* run, struct rp_err* err)
{
	for (int d = 0; d < 2; d++)
	{
		int status;
		if (run->engines[d] > 0 && waitpid(run->engines[d], &status, WNOHANG) == run->engines[d])
		{
			run->engines[d] = 0;
			return rp_fail(err, "the userspace engine (%s) died with status %d during the run",
			               d ? "to-client" : "to-server", rp_proc_exit_code(status));
		}
	}
	return true;
}

/* The server stopped now, so that its last reports (closed) are in; the lab's own server's
 * go to server-events.txt. */
static void peer_down(struct rp_run* run)
{
	rp_proc_stop(run->server, 1000);
	run->server = 0;
	if (!run->peer->reports_phases)
		return;
	rp_read_server_lines(run->srv_out, run->r, NULL);
	{
		char path[4096];
		struct rp_out out;
		struct rp_err err;
		snprintf(path, sizeof(path), "%s/server-events.txt", run->resdir);
		if (rp_out_open(&out, path, &err))
		{
			fputs(run->r->server_log, out.f);
			if (!rp_out_commit(&out, &err))
				fprintf(stderr, "rdprepro: %s\n", err.msg);
		}
		else
			fprintf(stderr, "rdprepro: %s\n", err.msg);
	}
}

/* PASS only if the verdict and every expectation hold, and the server survived the hostile
 * clients. */
static void judge(struct rp_run* run, bool hostile_ok)
{
	struct result* r = run->r;

	check_expectations(run->sc, r);
	if (!hostile_ok)
	{
		size_t len = strlen(r->reason);
		r->status = RP_FAIL;
		snprintf(r->reason + len, sizeof(r->reason) - len, "; the server %s the hostile clients",
		         strstr(r->client, "died") ? "died of" : "did not give back what it spent on");
	}
}

/* From the lab up to the verdict; false with err set when the harness failed (ERROR). */
static enum step_result run_steps(struct rp_run* run, int* lab_undo, double* mark, struct rp_err* err)
{
	struct result* r = run->r;
	bool hostile_ok = true;
	enum step_result up;

	if ((up = lab_up(run, lab_undo, err)) != STEP_OK)
		return up;
	step_done(r, RP_STEP_LAB, mark);
	if (!captures(run, err))
		return STEP_ERROR;
	step_done(r, RP_STEP_FAULTS, mark);
	if (!secrets(run, err))
		return STEP_ERROR;
	step_done(r, RP_STEP_SECRETS, mark);
	if (!rp_apply_link_faults(run->sc, &run->lab, run->resdir, run->o->backend, run->o->verbose,
	                          false, r->link, sizeof(r->link), run->engines, err))
		return STEP_ERROR;
	step_done(r, RP_STEP_FAULTS, mark);
	if (!run->peer->start(run, err))
		return STEP_ERROR;
	step_done(r, RP_STEP_PEER, mark);
	if (!client_run(run, err))
		return STEP_ERROR;
	step_done(r, RP_STEP_CLIENT, mark);
	if (!engines_alive(run, err))
		return STEP_ERROR;
	if (run->sc->hostile)
		hostile_ok = end_hostile(&run->hostile, &run->hostile_in, run->server, run->fds_before,
		                         run->hostile_ready, run->hostile_taken_ms, r);
	peer_down(run);
	step_done(r, RP_STEP_TEARDOWN, mark);
	if (run->client->collect && !run->client->collect(run, err))
		return STEP_ERROR;
	/* The evidence is read and judged once the lab is gone and the process left root. */
	run->to_judge = true;
	run->hostile_ok = hostile_ok;
	return STEP_OK;
}

/* The end of a run: the process leaves root for the run's identity, in the result folder. What
 * is left to do reads what the run's processes wrote (the probe's record, xfreerdp3's log, the
 * captures) and writes the reports: it needs no right but on that folder, which is handed to
 * the identity (the runner takes it back: rp_run_take_back). Paths become names in the folder:
 * it may be out of the identity's reach by path (a --results under a 0700 home). 1: left;
 * 0: stayed, as the folder's file system would not take the identity; -1: err says why. */
static int leave_root(struct rp_run* run, struct rp_err* err)
{
	struct stat st;
	int fd;

	rp_identity_for(getpid(), &run->as); /* the lab's, or a run that never made one */
	if (!rp_mkdir_p(run->resdir, err))
		return -1;
	if ((fd = open(run->resdir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return rp_fail(err, "%s: %s", run->resdir, strerror(errno)), -1;
	if (fstat(fd, &st) != 0)
	{
		rp_fail(err, "%s: %s", run->resdir, strerror(errno));
		close(fd);
		return -1;
	}
	if (run->as.switch_uid && fchown(fd, run->as.uid, run->as.gid) != 0)
	{
		/* A file system that keeps owners of its own refuses the identity: the 9p share of the
		 * results in a qemu guest that an unprivileged user started (EINVAL), NFS with
		 * root_squash (EPERM). The verdict is made here, as root: in the guest, the guest's
		 * own root, inside a VM the caller runs without privilege (docs/security.md). */
		close(fd);
		return 0;
	}
	if (fchdir(fd) != 0)
	{
		rp_fail(err, "%s: %s", run->resdir, strerror(errno));
		close(fd);
		return -1;
	}
	close(fd);
	if (!rp_drop_privileges(&run->as))
		return rp_fail(err, "cannot leave root's rights: %s", strerror(errno)), -1;
	/* A change of uid clears the parent-death signal: the runner's death still ends this. */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	run->resdir = ".";
	rp_strlcpy(run->evpath, "evidence.json", sizeof(run->evpath));
	if (run->client_log[0])
	{
		const char* base = strrchr(run->client_log, '/');
		memmove(run->client_log, base ? base + 1 : run->client_log,
		        strlen(base ? base + 1 : run->client_log) + 1);
	}
	return 1;
}

/* The client's evidence read and the verdict compared with what the scenario expects. */
static void judge_now(struct rp_run* run, struct rp_err* err)
{
	struct result* r = run->r;

	run->to_judge = false;
	if (!run->client->evidence(run, err))
	{
		r->status = RP_ERROR;
		snprintf(r->reason, sizeof(r->reason), "%s", err->msg);
		return;
	}
	judge(run, run->hostile_ok);
}

void rp_run_take_back(const char* resdir)
{
	int fd = open(resdir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct dirent* e;
	DIR* d;

	if (fd < 0)
		return;
	if (fchown(fd, geteuid(), getegid()) != 0 || !(d = fdopendir(dup(fd))))
	{
		close(fd);
		return;
	}
	/* Whatever the identity left there, the entries themselves (a symlink is not followed). */
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, ".."))
			(void)!fchownat(fd, e->d_name, geteuid(), getegid(), AT_SYMLINK_NOFOLLOW);
	closedir(d);
	close(fd);
}

bool rp_run_scenario(const struct rp_scenario* sc, const char* resdir, const struct run_opts* o,
                     struct result* r)
{
	int left;
	struct rp_run run = { .sc = sc, .o = o, .r = r, .resdir = resdir,
		                  .peer = rp_peer_ops(sc->peer), .client = rp_client_ops(sc->xfreerdp),
		                  .srv_out = -1, .srv_in = -1, .srv_log = -1, .client_log_fd = -1,
		                  .client_out_fd = -1, .hostile_in = -1, .fds_before = -1 };
	struct rp_err err = { "" };
	double t0 = rp_now_ms();
	double mark = 0; /* set once a lab is to be made: the steps are timed from there */
	int lab_undo = -1;

	memset(r, 0, sizeof(*r));
	if (!requirements(&run))
		r->status = RP_SKIP;
	else
	{
		mark = rp_now_ms();
		switch (run_steps(&run, &lab_undo, &mark, &err))
		{
			case STEP_OK:
				break;
			case STEP_SKIP:
				r->status = RP_SKIP;
				break;
			case STEP_ERROR:
				r->status = RP_ERROR;
				snprintf(r->reason, sizeof(r->reason), "%s", err.msg);
				break;
		}
	}
	if (run.to_judge && o->keep)
	{
		/* --keep leaves a failed run's lab up, so its verdict must come first: a developer's
		 * aid, judged as root before the lab goes (docs/security.md). */
		judge_now(&run, &err);
	}
	if (o->keep && lab_undo >= 0 && (r->status == RP_FAIL || r->status == RP_ERROR))
	{
		/* Leave the namespaces up; the next run's sweep removes them (owner gone). */
		rp_undo_cancel(lab_undo);
		snprintf(r->kept, sizeof(r->kept), "%s (ip netns exec %s ...; remove: %s down %s)",
		         run.lab.name, run.lab.ns_router, rp_lab_script("lab.sh"), run.lab.name);
	}
	/* Undo this scenario's things, newest first: client, server, captures, files, lab, run dir. */
	rp_cleanup_all();
	if (mark > 0)
		step_done(r, RP_STEP_TEARDOWN, &mark);
	/* What is left reads what the run's processes wrote: without root (leave_root). */
	if ((left = leave_root(&run, &err)) < 0)
	{
		r->status = RP_ERROR;
		snprintf(r->reason, sizeof(r->reason), "%s", err.msg);
		run.to_judge = false;
	}
	if (run.to_judge && !o->keep)
		judge_now(&run, &err);
	if (mark > 0)
		step_done(r, RP_STEP_VERDICT, &mark);
	r->wall_ms = rp_now_ms() - t0;
	return left > 0;
}
