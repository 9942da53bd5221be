/* priv.c: the run's unprivileged identity, and leaving root for it. */
#include "priv.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/securebits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

/* Whether uid is mapped in this process's user namespace (/proc/self/uid_map: "inside outside
 * count" per line; the host's is "0 0 4294967295"). */
bool rp_uid_mapped(uid_t uid)
{
	FILE* f = fopen("/proc/self/uid_map", "re");
	unsigned long inside, outside, count;
	bool mapped = false;

	if (!f)
		return false;
	while (!mapped && fscanf(f, "%lu %lu %lu", &inside, &outside, &count) == 3)
		mapped = uid >= inside && (unsigned long)uid - inside < count;
	fclose(f);
	return mapped;
}

void rp_identity_for(pid_t pid, struct rp_identity* id)
{
	uid_t want = RP_UID_BASE + (uid_t)pid;

	id->switch_uid = geteuid() == 0 && rp_uid_mapped(want);
	id->uid = id->switch_uid ? want : geteuid();
	id->gid = id->switch_uid ? (gid_t)want : getegid();
}

static int capset_none(void)
{
	struct __user_cap_header_struct h = { .version = _LINUX_CAPABILITY_VERSION_3, .pid = 0 };
	struct __user_cap_data_struct d[2];

	memset(d, 0, sizeof(d));
	return (int)syscall(SYS_capset, &h, d);
}

bool rp_drop_privileges(const struct rp_identity* id)
{
	/* First what needs CAP_SETPCAP: no root magic after exec (a uid 0 that stays, in the
	 * rootless mode, must not get its capabilities back from execve), an empty bounding set
	 * (what no exec can ever gain), no ambient capability. */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return false;
	if (prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED | SECBIT_KEEP_CAPS_LOCKED |
	                                 SECBIT_NO_CAP_AMBIENT_RAISE |
	                                 SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED,
	          0, 0, 0) != 0 &&
	    errno != EPERM)
		return false;
	for (int cap = 0; cap < 64; cap++)
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL && errno != EPERM)
			return false;
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
	/* No supplementary group (root's, or the caller's). In a user namespace whose setgroups is
	 * denied, the caller's groups are all it has and cannot be dropped: that is the caller's
	 * own right, not root's. */
	if (setgroups(0, NULL) != 0 && errno != EPERM)
		return false;
	if (id->switch_uid &&
	    (setresgid(id->gid, id->gid, id->gid) != 0 || setresuid(id->uid, id->uid, id->uid) != 0))
		return false;
	if (capset_none() != 0)
		return false;
	return true;
}

/* Opens path (never through a symlink) and makes it the identity's: owner (mode) or group. */
static bool hand_over(const struct rp_identity* id, const char* path, int flags, bool owner,
                      mode_t file_mode, mode_t dir_mode, struct rp_err* err)
{
	struct stat st;
	int fd;
	bool ok;

	if (!id->switch_uid)
		return true;
	if ((fd = open(path, flags | O_NOFOLLOW | O_CLOEXEC, 0600)) < 0)
		return rp_fail(err, "%s: %s", path, strerror(errno));
	ok = fstat(fd, &st) == 0 &&
	     fchown(fd, owner ? id->uid : (uid_t)-1, id->gid) == 0 &&
	     fchmod(fd, S_ISDIR(st.st_mode) ? dir_mode : file_mode) == 0;
	if (!ok)
		rp_fail(err, "%s: cannot hand it to uid %u: %s", path, (unsigned)id->uid, strerror(errno));
	close(fd);
	return ok;
}

bool rp_give_dir(const struct rp_identity* id, const char* path, struct rp_err* err)
{
	return hand_over(id, path, O_RDONLY | O_DIRECTORY, true, 0, 0700, err);
}

bool rp_give_file(const struct rp_identity* id, const char* path, struct rp_err* err)
{
	return hand_over(id, path, O_WRONLY | O_CREAT, true, 0644, 0700, err);
}

bool rp_share_file(const struct rp_identity* id, const char* path, struct rp_err* err)
{
	return hand_over(id, path, O_RDONLY, false, 0640, 0750, err);
}

bool rp_identity_reaches(const struct rp_identity* id, const char* dir, char* why, size_t n)
{
	char path[4096];

	if (!id->switch_uid)
		return true;
	if (!realpath(dir, path))
		return snprintf(why, n, "%s: %s", dir, strerror(errno)), false;
	/* Every directory from the root down to dir must let the identity through (x). */
	for (char* end = path + strlen(path);;)
	{
		struct stat st;
		bool through;
		if (stat(path[0] ? path : "/", &st) != 0)
			return snprintf(why, n, "%s: %s", path[0] ? path : "/", strerror(errno)), false;
		through = st.st_uid == id->uid   ? (st.st_mode & S_IXUSR) != 0
		          : st.st_gid == id->gid ? (st.st_mode & S_IXGRP) != 0
		                                 : (st.st_mode & S_IXOTH) != 0;
		if (!through)
			return snprintf(why, n, "%s (mode %04o, uid %u) does not let other users through",
			                path[0] ? path : "/", (unsigned)(st.st_mode & 07777),
			                (unsigned)st.st_uid),
			       false;
		if (!(end = strrchr(path, '/')) || end == path)
		{
			if (!path[0])
				break;
			path[0] = '\0'; /* then "/" itself */
			continue;
		}
		*end = '\0';
	}
	return true;
}
