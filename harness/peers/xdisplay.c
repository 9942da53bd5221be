/* xdisplay.c: an Xvfb per lab side, with the side's own HOME and /tmp. */
#include "xdisplay.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "proc.h"

/* Where Debian's X server writes the keymap it compiles at start (xkbcomp -xkm), named by its
 * display alone: server-0.xkm in every lab, so labs overwrote and removed each other's ("XKB:
 * Failed to compile keymap", 1 Xvfb start in 30 at -j 8). Each side has its own. */
static const char* const x_private_dirs[] = { "/var/lib/xkb", NULL };

/* Xvfb says it accepts clients within this (it takes about 100 ms; 5 s is a broken one). */
#define XVFB_READY_MS 5000

bool rp_x_program_find(const char* prog, const char* pkg, char* bin, size_t bin_size, char* xvfb,
                       size_t xvfb_size, char* why, size_t n)
{
	bool have = rp_find_in_path(prog, bin, bin_size);

	if (have && rp_find_in_path("Xvfb", xvfb, xvfb_size))
		return true;
	snprintf(why, n, "%s is not installed (apt-get install %s)", have ? "Xvfb" : prog,
	         have ? "xvfb" : pkg);
	return false;
}

bool rp_x_side_make(struct rp_x_side* x, const char* rundir, const char* side,
                    const struct rp_identity* as, struct rp_err* err)
{
	x->as = as;
	snprintf(x->home, sizeof(x->home), "%s/%s-home", rundir, side);
	snprintf(x->tmp, sizeof(x->tmp), "%s/%s-tmp", rundir, side);
	snprintf(x->env_home, sizeof(x->env_home), "HOME=%s", x->home);
	snprintf(x->env_xdg, sizeof(x->env_xdg), "XDG_CONFIG_HOME=%s/.config", x->home);
	rp_strlcpy(x->keep, rundir, sizeof(x->keep));
	if (mkdir(x->home, 0700) != 0 && errno != EEXIST)
		return rp_fail(err, "mkdir %s: %s", x->home, strerror(errno));
	if (!rp_give_dir(as, x->home, err))
		return false;
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
 * display: :0" (measured: 38 of 60 at -j 8). Its compiled keymaps go to a /var/lib/xkb of the
 * side's own (x_private_dirs). */
bool rp_xvfb_start(const char* xvfb_bin, const char* netns, const struct rp_x_side* x,
                   const char* resdir, const char* out_name, pid_t* pid, struct rp_err* err)
{
	char xout[4096], said[16] = "";
	int fd, df[2];
	double deadline = rp_now_ms() + rp_slack_ms(XVFB_READY_MS);
	bool ok;

	snprintf(xout, sizeof(xout), "%s/%s", resdir, out_name);
	if ((fd = open(xout, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644)) < 0)
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
			                   .keep_dir = x->keep, .private_dirs = x_private_dirs,
			                   .as = x->as };
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
	if (rp_read_until(df[0], "\n", said, sizeof(said), deadline))
		return true;
	{
		int status;
		if (rp_proc_wait(*pid, rp_now_ms() + 100, &status) == 1)
		{
			*pid = 0;
			return rp_fail(err, "Xvfb exited (status %d): see %s", rp_proc_exit_code(status), xout);
		}
	}
	return rp_fail(err, "Xvfb: not ready after %d ms (see %s)", rp_slack_ms(XVFB_READY_MS), xout);
}
