/* client_xfreerdp.c: xfreerdp3, the client a support engineer runs, on an Xvfb of the client
 * side's own, at debug level: its log is all the evidence, read as `rdprepro classify` reads a
 * field report. It has no watchdog: the runner stops it at the deadline, or once it has been
 * active for the hold. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "cleanup.h"
#include "client.h"
#include "clientargs.h"
#include "fieldlog.h"
#include "proc.h"

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
	/* The log's candidates are the verdict's: an undetermined verdict names them. */
	r->verdict.n_candidates = 0;
	for (int i = 0; i < fv.n_candidates && i < RP_MAX_CANDIDATES; i++)
		r->verdict.candidates[r->verdict.n_candidates++] = fv.candidates[i];
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

static bool xf_available(struct rp_run* run, char* why, size_t n)
{
	return rp_x_program_find("xfreerdp3", "-t bookworm-backports freerdp3-x11", run->client_bin,
	                         sizeof(run->client_bin), run->xvfb_bin, sizeof(run->xvfb_bin), why, n);
}

static bool xf_prepare(struct rp_run* run, struct rp_err* err)
{
	snprintf(run->client_log, sizeof(run->client_log), "%s/xfreerdp.log", run->resdir);
	run->client_log_fd = open(run->client_log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW,
	                          0644);
	rp_defer(rp_undo_stop, &run->client_xvfb, "client Xvfb");
	if (!rp_x_side_make(&run->client_x, run->rundir, "client", &run->as, err) ||
	    !rp_xvfb_start(run->xvfb_bin, run->lab.ns_client, &run->client_x, run->resdir,
	                   "xvfb-client.out", &run->client_xvfb, err))
		return false;
	rp_defer(rp_undo_close, &run->client_log_fd, "probe log");
	return true;
}

/* On the client's own Xvfb, at debug level (the log is the evidence); stdout line-buffered so
 * that a stopped client loses no line. */
static bool xf_start(struct rp_run* run, struct rp_err* err)
{
	const struct rp_scenario* sc = run->sc;
	char stdbuf_bin[4096], xf_v[128], xf_u[64], xf_p[80], xf_log[64];
	const char* argv[64];
	int ac = 0;
	const char* env[] = { run->client_x.env_home, run->client_x.env_xdg, "DISPLAY=:0",
		                  "TMPDIR=/tmp", NULL };
	struct rp_spawn sp = { .argv = argv, .netns = run->lab.ns_client, .fd_stdin = -1,
		                   .fd_stdout = run->client_log_fd, .fd_stderr = run->client_log_fd,
		                   .env = env, .private_tmp = run->client_x.tmp,
		                   .keep_dir = run->client_x.keep, .as = &run->as };
	char* pw = NULL;
	struct rp_err refused;

	/* The parser refused these already (scenario.c): checked again here, where they go to
	 * FreeRDP's parser, which loads modules, runs programs and writes files when told to. */
	if (!rp_client_args_check(sc->client_args, &refused))
		return rp_fail(err, "client args: %s", refused.msg);
	if (rp_find_in_path("stdbuf", stdbuf_bin, sizeof(stdbuf_bin)))
	{
		argv[ac++] = stdbuf_bin;
		argv[ac++] = "-oL";
	}
	argv[ac++] = run->client_bin;
	snprintf(xf_v, sizeof(xf_v), "/v:%s:%s",
	         sc->naming == RP_NAME_ADDRESS ? RP_LAB_SERVER_ADDR : RP_LAB_SERVER_NAME, RDP_PORT);
	snprintf(xf_u, sizeof(xf_u), "/u:%s", run->creds.user);
	/* The password the client sends is the password file's (a wrong one, when the scenario
	 * says so). */
	if (!rp_read_file(run->creds.password_file, &pw, err))
		return false;
	pw[strcspn(pw, "\r\n")] = '\0';
	snprintf(xf_p, sizeof(xf_p), "/p:%s", pw);
	free(pw);
	snprintf(xf_log, sizeof(xf_log), "/log-level:%s",
	         run->o->freerdp_log ? run->o->freerdp_log : "DEBUG");
	argv[ac++] = xf_v;
	argv[ac++] = xf_u;
	argv[ac++] = xf_p;
	argv[ac++] = xf_log;
	return rp_client_spawn(run, &sp, argv, ac, err);
}

static double xf_until(const struct rp_run* run, double t0)
{
	return t0 + run->sc->deadline_ms;
}

/* Once its log says active, it has the hold and no more. */
static void xf_watch(struct rp_run* run, double* until)
{
	char* text = NULL;
	struct rp_err ignored;

	if (run->client_active)
		return;
	if (rp_read_file(run->client_log, &text, &ignored) && strstr(text, "CONNECTION_STATE_ACTIVE"))
	{
		run->client_active = true;
		if (rp_now_ms() + run->sc->hold_ms < *until)
			*until = rp_now_ms() + run->sc->hold_ms;
	}
	free(text);
}

static bool xf_ended(struct rp_run* run, bool exited, int status, struct rp_err* err)
{
	struct result* r = run->r;

	if (!exited)
	{
		/* Still running: connected (after the hold) or stalled (at the deadline). */
		rp_proc_stop(run->client_pid, 1000);
		snprintf(r->client, sizeof(r->client), "xfreerdp3 stopped by the runner %s",
		         run->client_active ? "after the hold in the active state" : "at the deadline");
	}
	/* Its own exit codes: the errorInfo when the server sent one (7 for a denial), else
	 * xfreerdp's (client/X11/xf_client.h, 128 and up). */
	else if (WIFEXITED(status))
		snprintf(r->client, sizeof(r->client), "xfreerdp3 exited with status %d",
		         WEXITSTATUS(status));
	else
		snprintf(r->client, sizeof(r->client), "xfreerdp3 killed by signal %d", WTERMSIG(status));
	run->client_pid = 0;
	return true;
}

/* The client's log is all the evidence: what `rdprepro classify` makes of it. */
static bool xf_evidence(struct rp_run* run, struct rp_err* err)
{
	return classify_client_log(run->client_log, run->evpath, run->client_t0, run->r, err);
}

const struct client_ops rp_client_xfreerdp = {
	.name = "xfreerdp3",
	.available = xf_available,
	.prepare = xf_prepare,
	.start = xf_start,
	.until = xf_until,
	.watch = xf_watch,
	.ended = xf_ended,
	.evidence = xf_evidence,
};
