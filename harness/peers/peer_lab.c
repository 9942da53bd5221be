/* peer_lab.c: the lab's own server, `rdprepro server` (libfreerdp-server3) in the server
 * namespace: every behaviour of the catalog (deny, errorInfo, hang, pause, hold at a phase),
 * its phase reports on a pipe, a control pipe for the runner's "go" after a hold. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "peer.h"
#include "proc.h"

/* Waits for the server's "listening" line, or its exit, or the deadline. */
static bool wait_listening(int fd, pid_t server, struct result* r, struct rp_err* err)
{
	double deadline = rp_now_ms() + rp_slack_ms(SERVER_READY_MS);
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
			return rp_fail(err, "server: not listening after %d ms", rp_slack_ms(SERVER_READY_MS));
		poll(fds, 2, (int)left + 1);
		rp_read_server_lines(fd, r, &listening);
		if (!listening && waitpid(server, &status, WNOHANG) == server)
			return rp_fail(err, "server exited (status %d) before listening: see server.log",
			               rp_proc_exit_code(status));
	}
	return true;
}

static bool lab_available(struct rp_run* run, char* why, size_t n)
{
	return true; /* it is this program */
}

static bool lab_start(struct rp_run* run, struct rp_err* err)
{
	const struct rp_scenario* sc = run->sc;
	char path[4096];
	int srv_out[2] = { -1, -1 };
	int srv_in[2] = { -1, -1 };

	/* The server, in the server namespace; its reports come through a pipe. */
	if (pipe2(srv_out, O_CLOEXEC) != 0)
		return rp_fail(err, "pipe: %s", strerror(errno));
	run->srv_out = srv_out[0];
	rp_defer(rp_undo_close, &run->srv_out, "server pipe");
	snprintf(path, sizeof(path), "%s/server.log", run->resdir);
	run->srv_log = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
	rp_defer(rp_undo_close, &run->srv_log, "server log");
	/* A fault armed on a phase holds the server there until the runner says "go". */
	if (pipe2(srv_in, O_CLOEXEC) != 0)
	{
		close(srv_out[1]);
		return rp_fail(err, "pipe: %s", strerror(errno));
	}
	run->srv_in = srv_in[1];
	rp_defer(rp_undo_close, &run->srv_in, "server stdin");
	{
		const char* argv[32] = { self_exe, "server", "--addr", RP_LAB_SERVER_ADDR, "--port",
			                     RDP_PORT, "--cert", run->creds.cert, "--key", run->creds.key, "--sam",
			                     run->creds.sam, "--behaviour", rp_behaviour_name(sc->behaviour),
			                     "--security", sc->security };
		int ac = 16;
		char pause_ms[16], error_info[16], after[16], every[16], hb[16];
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
		if (sc->error_after_ms)
		{
			snprintf(after, sizeof(after), "%u", sc->error_after_ms);
			argv[ac++] = "--error-after";
			argv[ac++] = after;
		}
		if (sc->desktop != RP_DESKTOP_NONE)
		{
			argv[ac++] = "--desktop";
			argv[ac++] = rp_desktop_name(sc->desktop);
			if (sc->desktop_every_ms)
			{
				snprintf(every, sizeof(every), "%u", sc->desktop_every_ms);
				argv[ac++] = "--desktop-every";
				argv[ac++] = every;
			}
		}
		if (sc->heartbeat_ms)
		{
			snprintf(hb, sizeof(hb), "%u", sc->heartbeat_ms / 1000);
			argv[ac++] = "--heartbeat";
			argv[ac++] = hb;
		}
		const struct rp_trigger* t = rp_scenario_timed(sc);
		struct rp_spawn sp = { .argv = argv, .netns = run->lab.ns_server, .fd_stdin = srv_in[0],
			                   .fd_stdout = srv_out[1], .fd_stderr = run->srv_log,
			                   .as = &run->as, .low_ports = true };
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
		ok = rp_proc_spawn(&sp, &run->server, err);
		close(srv_in[0]);
		srv_in[0] = -1;
		if (!ok)
		{
			close(srv_out[1]);
			return false;
		}
		rp_defer(rp_undo_stop, &run->server, "server");
	}
	close(srv_out[1]);
	srv_out[1] = -1;
	fcntl(run->srv_out, F_SETFL, O_NONBLOCK);
	return wait_listening(run->srv_out, run->server, run->r, err);
}

const struct peer_ops rp_peer_lab = {
	.name = "server",
	.available = lab_available,
	.start = lab_start,
	.reports_phases = true,
};
