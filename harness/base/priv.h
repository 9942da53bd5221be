/* priv.h: least privilege (docs/security.md). Only the lab's plumbing runs as root (lab.sh:
 * namespaces, veths, nftables, tc; the shaper's NFQUEUE and raw sockets; tcpdump until it has
 * opened its device). Everything that runs FreeRDP's code or reads what a stranger wrote (the
 * probe, the lab server, the hostile clients, xfreerdp3, freerdp-shadow-cli3, xrdp, Xvfb,
 * gnuplot, classify's parser) runs as the run's own unprivileged identity: no capability in any
 * set (bounding and ambient included), no_new_privs, no supplementary group. */
#ifndef RDPREPRO_PRIV_H
#define RDPREPRO_PRIV_H

#include <stdbool.h>
#include <sys/types.h>

#include "util.h"

struct rp_identity
{
	uid_t uid;
	gid_t gid;
	/* true: uid/gid are another user's (root in a namespace that maps every uid: the host, a
	 * VM guest); false: the caller's own uid stays (a user namespace that maps the caller
	 * alone, the rootless mode: there is no other uid to become) and only the capabilities go. */
	bool switch_uid;
};

/* The first uid of the range the runs take: one uid (and the gid of the same number) per live
 * run, its worker's pid added, so parallel labs cannot signal, trace or write each other's
 * processes and files. 1879048192-2147483647 is the range systemd leaves unused
 * (systemd's docs/UIDS-GIDS.md: above the container range, below 2^31), where no Debian
 * account lives. */
#define RP_UID_BASE 1879048192u

/* Whether uid exists in this process's user namespace (a setuid to it can work). */
bool rp_uid_mapped(uid_t uid);

/* The identity for the run whose worker is `pid`: another uid where this namespace maps it,
 * else the caller's own, without capabilities. */
void rp_identity_for(pid_t pid, struct rp_identity* id);

/* In a child, just before exec: leaves every privilege for good. Returns false (errno set) on
 * the first step that failed: the caller must then not exec. */
bool rp_drop_privileges(const struct rp_identity* id);

/* Hands a path the runner made to the identity: a directory it may write (owner), a file it
 * may write (owner, created empty if missing: O_EXCL|O_NOFOLLOW, never through a symlink), or
 * a file it may only read (group, 0640). A no-op where the identity keeps the caller's uid. */
bool rp_give_dir(const struct rp_identity* id, const char* path, struct rp_err* err);
bool rp_give_file(const struct rp_identity* id, const char* path, struct rp_err* err);
bool rp_share_file(const struct rp_identity* id, const char* path, struct rp_err* err);

/* Whether the identity can walk down to dir (every ancestor searchable by it): the lab's
 * processes open the run directory's secrets by name. why names the directory that stops it. */
bool rp_identity_reaches(const struct rp_identity* id, const char* dir, char* why, size_t n);

#endif
