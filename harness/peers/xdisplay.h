/* xdisplay.h: X for the peers and clients that need a display (freerdp-shadow-cli3 shares one,
 * xfreerdp3 draws on one): an Xvfb per lab side, each side with its own HOME and /tmp. */
#ifndef RDPREPRO_XDISPLAY_H
#define RDPREPRO_XDISPLAY_H

#include <stdbool.h>
#include <sys/types.h>

#include "priv.h"
#include "util.h"

/* One side of the lab (server or client) as X and FreeRDP see it: a HOME of its own (shadow's
 * certificate under $XDG_CONFIG_HOME/freerdp/shadow/, xfreerdp3's known hosts) and a /tmp of
 * its own (X's lock file .X0-lock and socket .X11-unix/X0), both in the run directory. With
 * these, every lab's display can be :0: nothing of it is shared with another lab, and it all
 * goes with the run directory. */
struct rp_x_side
{
	char home[4096];     /* the directory */
	char tmp[4096];      /* bound over /tmp for the side's X server and X clients */
	char env_home[4200]; /* HOME=... */
	char env_xdg[4200];  /* XDG_CONFIG_HOME=... */
	char keep[4096];     /* the run directory: seen at its own path under the private /tmp */
	const struct rp_identity* as; /* who the side's X server and clients run as */
};

/* A program that needs a display: prog (from package pkg) into bin, and Xvfb into xvfb; or
 * false with why saying which is missing and the package to install (a SKIP reason). */
bool rp_x_program_find(const char* prog, const char* pkg, char* bin, size_t bin_size, char* xvfb,
                       size_t xvfb_size, char* why, size_t n);

/* Makes the side's HOME and /tmp under rundir (side: "server" or "client"). */
/* The side's HOME (the identity's own) and /tmp under rundir. */
bool rp_x_side_make(struct rp_x_side* x, const char* rundir, const char* side,
                    const struct rp_identity* as, struct rp_err* err);

/* An Xvfb on display :0 in netns, on the side's /tmp; its output in resdir/out_name. Ready
 * (true) once it accepts clients. */
bool rp_xvfb_start(const char* xvfb_bin, const char* netns, const struct rp_x_side* x,
                   const char* resdir, const char* out_name, pid_t* pid, struct rp_err* err);

#endif
