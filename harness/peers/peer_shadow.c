/* peer_shadow.c: freerdp-shadow-cli3, FreeRDP's own server (NLA against the run's SAM file),
 * sharing display :0 of an Xvfb of the server side's own. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cleanup.h"
#include "peer.h"
#include "proc.h"
#include "xdisplay.h"

/* Where freerdp-shadow-cli3 looks for its certificate and key ($XDG_CONFIG_HOME/freerdp/shadow/
 * shadow.crt and shadow.key, FreeRDP 3.10 shadow_server_init_certificate): the run's own, linked
 * there. Without them it makes an RSA 2048 key with winpr's makecert before it listens, whose
 * time has a long tail (0.1-0.7 s on an idle core; peer start 1.1 s median, 2.3 s p90 and once
 * over SERVER_READY_MS at -j 8 on 2 cores: "not listening after 5000 ms"). */
static bool place_certificate(const struct rp_x_side* x, const struct rp_creds* creds,
                              const struct rp_identity* as, struct rp_err* err)
{
	static const char* const dirs[] = { "/.config", "/.config/freerdp", "/.config/freerdp/shadow" };
	char path[4200], file[4300];

	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
	{
		snprintf(path, sizeof(path), "%s%s", x->home, dirs[i]);
		if (mkdir(path, 0700) != 0 && errno != EEXIST)
			return rp_fail(err, "mkdir %s: %s", path, strerror(errno));
		if (!rp_give_dir(as, path, err))
			return false;
	}
	snprintf(file, sizeof(file), "%s/shadow.crt", path);
	if (link(creds->cert, file) != 0)
		return rp_fail(err, "link %s %s: %s", creds->cert, file, strerror(errno));
	snprintf(file, sizeof(file), "%s/shadow.key", path);
	if (link(creds->key, file) != 0)
		return rp_fail(err, "link %s %s: %s", creds->key, file, strerror(errno));
	return true;
}

/* freerdp-shadow-cli3 as the server, sharing display :0 of an Xvfb of its own in the server
 * namespace, both on the server side's HOME and /tmp. NLA against the run's SAM file; its
 * certificate is the run's (place_certificate). */
static bool start_shadow(const char* shadow_bin, const char* xvfb_bin, const struct rp_lab* lab,
                         const struct rp_creds* creds, const char* rundir, const char* resdir,
                         const struct rp_identity* as, pid_t* xvfb, pid_t* pid,
                         struct rp_err* err)
{
	char log[4096], sam[4200];
	struct rp_x_side x;
	int fd, status;
	bool ok;

	if (!rp_x_side_make(&x, rundir, "server", as, err) || !place_certificate(&x, creds, as, err) ||
	    !rp_xvfb_start(xvfb_bin, lab->ns_server, &x, resdir, "xvfb-server.out", xvfb, err))
		return false;
	snprintf(log, sizeof(log), "%s/shadow.log", resdir);
	snprintf(sam, sizeof(sam), "/sam-file:%s", creds->sam);
	if ((fd = open(log, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644)) < 0)
		return rp_fail(err, "%s: %s", log, strerror(errno));
	{
		const char* argv[] = { shadow_bin, "/port:" RDP_PORT, sam, NULL };
		const char* env[] = { x.env_home, x.env_xdg, "DISPLAY=:0", "TMPDIR=/tmp",
			                  "WLOG_LEVEL=INFO", NULL };
		struct rp_spawn sp = { .argv = argv, .netns = lab->ns_server, .fd_stdin = -1,
			                   .fd_stdout = fd, .fd_stderr = fd, .env = env,
			                   .private_tmp = x.tmp, .keep_dir = x.keep, .as = as,
			                   .low_ports = true };
		ok = rp_proc_spawn(&sp, pid, err);
		close(fd);
		if (!ok)
			return false;
	}
	/* Its "Listening on" goes to a buffered stdout: look at its namespace's sockets. */
	for (double end = rp_now_ms() + rp_slack_ms(SERVER_READY_MS); rp_now_ms() < end && !rp_interrupted();)
	{
		if (rp_listens_on(*pid, atoi(RDP_PORT)))
			return true;
		if (rp_proc_wait(*pid, rp_now_ms() + 20, &status) == 1)
		{
			*pid = 0;
			return rp_fail(err, "freerdp-shadow-cli3 exited (status %d) before listening: see %s",
			               rp_proc_exit_code(status), log);
		}
	}
	return rp_fail(err, "freerdp-shadow-cli3: not listening after %d ms (see %s)", rp_slack_ms(SERVER_READY_MS),
	               log);
}

static bool shadow_available(struct rp_run* run, char* why, size_t n)
{
	return rp_x_program_find("freerdp-shadow-cli3", "-t bookworm-backports freerdp3-shadow-x11",
	                         run->peer_bin, sizeof(run->peer_bin), run->xvfb_bin,
	                         sizeof(run->xvfb_bin), why, n);
}

static bool shadow_start(struct rp_run* run, struct rp_err* err)
{
	/* Stopped newest first: the shadow server, then its display. */
	rp_defer(rp_undo_stop, &run->server_xvfb, "Xvfb");
	rp_defer(rp_undo_stop, &run->server, "freerdp-shadow-cli3");
	return start_shadow(run->peer_bin, run->xvfb_bin, &run->lab, &run->creds, run->rundir,
	                    run->resdir, &run->as, &run->server_xvfb, &run->server, err);
}

const struct peer_ops rp_peer_shadow = {
	.name = "freerdp-shadow-cli3",
	.available = shadow_available,
	.start = shadow_start,
	.reports_phases = false,
};
