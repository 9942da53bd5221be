/* client_probe.c: the lab's probe, `rdprepro probe` (libfreerdp3) in the client namespace: its
 * own watchdog ends it at its deadline; it writes the whole evidence record (evidence.json). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cleanup.h"
#include "client.h"
#include "proc.h"

static bool probe_available(struct rp_run* run, char* why, size_t n)
{
	return true; /* it is this program */
}

/* Its log (FreeRDP's WLog lines) and its output (the evidence summary, probe.txt). */
static bool probe_prepare(struct rp_run* run, struct rp_err* err)
{
	char path[4096];

	snprintf(run->client_log, sizeof(run->client_log), "%s/probe.log", run->resdir);
	run->client_log_fd = open(run->client_log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	rp_defer(rp_undo_close, &run->client_log_fd, "probe log");
	snprintf(path, sizeof(path), "%s/probe.txt", run->resdir);
	run->client_out_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	rp_defer(rp_undo_close, &run->client_out_fd, "probe output");
	/* The probe writes its record as the run's identity, in a directory of that identity's
	 * inside the run directory (it may not reach the result folder: a --results under a 0700
	 * home); its replay's temporary file goes beside it. The runner reads it back as any output
	 * of such a process (rp_evidence_read_json) and writes evidence.json itself. */
	snprintf(path, sizeof(path), "%s/probe", run->rundir);
	if (mkdir(path, 0700) != 0)
		return rp_fail(err, "mkdir %s: %s", path, strerror(errno));
	if (!rp_give_dir(&run->as, path, err))
		return false;
	snprintf(run->client_out, sizeof(run->client_out), "%s/evidence.json", path);
	return true;
}

static bool probe_start(struct rp_run* run, struct rp_err* err)
{
	const struct rp_scenario* sc = run->sc;
	char deadline[32], hold[32], ctimeout[32], wlog[64], session[32], every[32];
	const char* argv[64] = { self_exe, "probe", "--host",
		                     sc->naming == RP_NAME_ADDRESS ? RP_LAB_SERVER_ADDR : RP_LAB_SERVER_NAME,
		                     "--port", RDP_PORT, "--user", run->creds.user, "--password-file",
		                     run->creds.password_file, "--out", run->client_out, "--deadline", deadline,
		                     "--hold", hold };
	int ac = 16;
	const char* env[] = { wlog, NULL };
	struct rp_spawn sp = { .argv = argv, .netns = run->lab.ns_client, .fd_stdin = -1,
		                   .fd_stdout = run->client_out_fd, .fd_stderr = run->client_log_fd,
		                   .as = &run->as, .raw_sockets = true,
		                   .env = run->o->freerdp_log ? env : NULL };

	snprintf(deadline, sizeof(deadline), "%ums", sc->deadline_ms);
	snprintf(hold, sizeof(hold), "%ums", sc->hold_ms);
	snprintf(ctimeout, sizeof(ctimeout), "%ums", sc->connect_timeout_ms);
	snprintf(wlog, sizeof(wlog), "WLOG_LEVEL=%s", run->o->freerdp_log ? run->o->freerdp_log : "");
	if (sc->connect_timeout_ms)
	{
		argv[ac++] = "--connect-timeout";
		argv[ac++] = ctimeout;
	}
	if (sc->cert != RP_CERT_AS_ARGS)
	{
		argv[ac++] = "--cert-pin";
		argv[ac++] = sc->cert == RP_CERT_CHANGED ? run->other_cert : run->creds.cert;
	}
	if (sc->session_ms)
	{
		snprintf(session, sizeof(session), "%ums", sc->session_ms);
		argv[ac++] = "--session";
		argv[ac++] = session;
		if (sc->activity != RP_ACTIVITY_IDLE)
		{
			snprintf(every, sizeof(every), "%ums", sc->every_ms);
			argv[ac++] = "--activity";
			argv[ac++] = rp_activity_name((enum rp_activity)sc->activity);
			argv[ac++] = "--every";
			argv[ac++] = every;
		}
	}
	if (sc->announce_freerdp)
	{
		argv[ac++] = "--announce";
		argv[ac++] = "freerdp";
	}
	argv[ac++] = "--";
	return rp_client_spawn(run, &sp, argv, ac, err);
}

/* Its watchdog ends it at its deadline (after the hold, when it connected); this bound is the
 * backstop. */
static double probe_until(const struct rp_run* run, double t0)
{
	const struct rp_scenario* sc = run->sc;
	return t0 + sc->deadline_ms + (sc->session_ms > sc->hold_ms ? sc->session_ms : sc->hold_ms) +
	       rp_slack_ms(PROBE_GRACE_MS);
}

static void probe_watch(struct rp_run* run, double* until)
{
}

static bool probe_ended(struct rp_run* run, bool exited, int status, struct rp_err* err)
{
	if (!exited)
		return rp_fail(err, "probe still running %d ms after its deadline: killed", rp_slack_ms(PROBE_GRACE_MS));
	run->client_pid = 0;
	if (rp_proc_exit_code(status) != 0)
		return rp_fail(err, "probe exited with status %d: see %s/probe.log",
		               rp_proc_exit_code(status), run->resdir);
	return true;
}

/* The probe's record, written in the run directory by the run's identity, copied as it is into
 * the result folder's evidence.json before the run directory goes: read as any output of such
 * a process (a regular file, bounded, never through a symlink), and not parsed by root. */
static bool probe_collect(struct rp_run* run, struct rp_err* err)
{
	char* text = NULL;
	size_t len = 0;
	struct rp_out out;
	bool ok;

	if (!rp_read_regular(run->client_out, RP_EVIDENCE_JSON_MAX, true, &text, &len, err))
		return false;
	ok = rp_out_open(&out, run->evpath, err);
	if (ok)
	{
		fwrite(text, 1, len, out.f);
		ok = rp_out_commit(&out, err);
	}
	free(text);
	return ok;
}

/* The record parsed and classified once the process left root (run->evpath: evidence.json in
 * the result folder, its working directory). */
static bool probe_evidence(struct rp_run* run, struct rp_err* err)
{
	if (!rp_evidence_read_json(&run->r->ev, run->evpath, err))
		return false;
	run->r->have_evidence = true;
	/* The verdict comes from the evidence alone; only then is it compared. */
	rp_classify(&run->r->ev, &run->r->verdict);
	return true;
}

const struct client_ops rp_client_probe = {
	.name = "probe",
	.available = probe_available,
	.prepare = probe_prepare,
	.start = probe_start,
	.until = probe_until,
	.watch = probe_watch,
	.ended = probe_ended,
	.collect = probe_collect,
	.evidence = probe_evidence,
};
