/* peer_xrdp.c: Debian's xrdp as the server (TLS, no NLA: its clients use /sec:tls), with an ini
 * of the run's own, no fork, its log in the result folder. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cleanup.h"
#include "peer.h"
#include "proc.h"

/* xrdp as the server (TLS, no NLA): its own ini with the run's certificate and key, no fork,
 * its log in the result folder; ready when the log says it listens. */
static bool start_xrdp(const char* bin, const struct rp_lab* lab, const struct rp_creds* creds,
                       const char* rundir, const char* resdir, const struct rp_identity* as,
                       pid_t* pid, struct rp_err* err)
{
	char ini[4096], log[4096], out_path[4096], line[1024];
	FILE* in = fopen("/etc/xrdp/xrdp.ini", "r");
	FILE* out;
	int out_fd, ini_fd;
	int status;

	if (!in)
		return rp_fail(err, "/etc/xrdp/xrdp.ini: %s", strerror(errno));
	snprintf(ini, sizeof(ini), "%s/xrdp.ini", rundir);
	/* Its log file in the run directory (xrdp opens it by name, as the run's identity, which
	 * may not reach the result folder: a --results under a 0700 home); the same lines go to its
	 * console (EnableConsole), which is xrdp.out in the result folder, opened here. */
	snprintf(log, sizeof(log), "%s/xrdp.log", rundir);
	if ((ini_fd = open(ini, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0 ||
	    !(out = fdopen(ini_fd, "w")))
	{
		if (ini_fd >= 0)
			close(ini_fd);
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
		else if (strncmp(line, "#EnableConsole=", 15) == 0 || strncmp(line, "EnableConsole=", 14) == 0)
			fputs("EnableConsole=true\n", out);
		else
			fputs(line, out);
	}
	fclose(in);
	fclose(out);
	/* xrdp runs as the run's identity: it reads the ini and writes its log. */
	if (!rp_share_file(as, ini, err) || !rp_give_file(as, log, err))
		return false;
	snprintf(out_path, sizeof(out_path), "%s/xrdp.out", resdir);
	out_fd = open(out_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	{
		const char* argv[] = { bin, "--nodaemon", "--config", ini, NULL };
		struct rp_spawn sp = { .argv = argv, .netns = lab->ns_server, .fd_stdin = -1,
			                   .fd_stdout = out_fd, .fd_stderr = out_fd, .as = as,
			                   .low_ports = true };
		bool ok = rp_proc_spawn(&sp, pid, err);
		if (out_fd >= 0)
			close(out_fd);
		if (!ok)
			return false;
	}
	switch (rp_wait_for_log(log, "listening to port 3389", *pid, rp_now_ms() + rp_slack_ms(SERVER_READY_MS),
	                     &status))
	{
		case 1:
			return true;
		case 0:
			return rp_fail(err, "xrdp exited (status %d) before listening: see %s",
			               rp_proc_exit_code(status), out_path);
		default:
			return rp_fail(err, "xrdp: not listening after %d ms (see %s)", rp_slack_ms(SERVER_READY_MS), log);
	}
}

static bool xrdp_available(struct rp_run* run, char* why, size_t n)
{
	if (rp_find_in_path("xrdp", run->peer_bin, sizeof(run->peer_bin)))
		return true;
	snprintf(why, n, "xrdp is not installed (apt-get install xrdp)");
	return false;
}

static bool xrdp_start(struct rp_run* run, struct rp_err* err)
{
	rp_defer(rp_undo_stop, &run->server, "xrdp");
	return start_xrdp(run->peer_bin, &run->lab, &run->creds, run->rundir, run->resdir, &run->as,
	                  &run->server, err);
}

const struct peer_ops rp_peer_xrdp = {
	.name = "xrdp",
	.available = xrdp_available,
	.start = xrdp_start,
	.reports_phases = false,
};
