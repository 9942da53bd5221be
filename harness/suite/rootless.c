/* rootless.c: a user namespace of its own when not root in the host's namespaces. */
#include "rootless.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

char rp_rootless_error[256] = "not tried";

static bool write_proc(const char* path, const char* text, struct rp_err* err)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);
	ssize_t n = fd >= 0 ? write(fd, text, strlen(text)) : -1;

	if (fd >= 0)
		close(fd);
	if (n != (ssize_t)strlen(text))
		return rp_fail(err, "%s: %s", path, strerror(errno));
	return true;
}

/* Whether this process may make network namespaces where it stands: root, with CAP_SYS_ADMIN
 * and CAP_NET_ADMIN, in the initial user namespace (a container's root without those
 * capabilities, or root inside a user namespace, may not). */
bool rp_can_make_namespaces(void)
{
	char* text = NULL;
	struct rp_err ignored;
	const char* cap;
	unsigned long long eff = 0;
	unsigned a, b, c;
	bool init_ns;

	if (geteuid() != 0)
		return false;
	if (!rp_read_file("/proc/self/uid_map", &text, &ignored))
		return false;
	init_ns = sscanf(text, "%u %u %u", &a, &b, &c) == 3 && a == 0 && b == 0 && c == 4294967295u;
	free(text);
	text = NULL;
	if (!init_ns || !rp_read_file("/proc/self/status", &text, &ignored))
		return false;
	if ((cap = strstr(text, "CapEff:")))
		eff = strtoull(cap + 7, NULL, 16);
	free(text);
	return (eff & (1ULL << 21)) && (eff & (1ULL << 12)); /* CAP_SYS_ADMIN, CAP_NET_ADMIN */
}

/* The rootless mode (issue 7): new user, network and mount namespaces for this process and
 * all it starts, the caller's uid and gid mapped to root there. Inside, it may make network
 * namespaces, veths, nft and iptables rules and netns sysctls, all owned by its own user
 * namespace; a private tmpfs on /run (for /run/netns and xtables' lock) and on /etc/netns
 * (per-namespace hosts files) keeps every file it makes away from the host. Must run before
 * any thread exists. */
bool rp_rootless_enter(struct rp_err* err)
{
	char map[64];
	uid_t uid = geteuid();
	gid_t gid = getegid();
	struct stat st;

	if (unshare(CLONE_NEWUSER | CLONE_NEWNET | CLONE_NEWNS) != 0)
		return rp_fail(err, "unshare(user, network, mount): %s", strerror(errno));
	snprintf(map, sizeof(map), "0 %d 1", (int)uid);
	if (!write_proc("/proc/self/setgroups", "deny", err) ||
	    !write_proc("/proc/self/uid_map", map, err))
		return false;
	snprintf(map, sizeof(map), "0 %d 1", (int)gid);
	if (!write_proc("/proc/self/gid_map", map, err))
		return false;
	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0 ||
	    mount("rdprepro", "/run", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") != 0)
		return rp_fail(err, "a private /run: %s", strerror(errno));
	/* Without /etc/netns there is nothing to mount on: the name scenarios then fail to make
	 * their hosts files, and say so. */
	if (stat("/etc/netns", &st) == 0 &&
	    mount("rdprepro", "/etc/netns", "tmpfs", MS_NOSUID | MS_NODEV, "mode=0755") != 0)
		return rp_fail(err, "a private /etc/netns: %s", strerror(errno));
	return true;
}
