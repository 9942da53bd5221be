/* files.c: walking a tree someone else made, through file descriptors: directories opened
 * without following a symlink, regular files of one link looked at before they are opened, a
 * private directory of our own inside someone else's (docs/security.md). */
#include "files.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char* file_kind(mode_t m)
{
	switch (m & S_IFMT)
	{
		case S_IFLNK:
			return "a symlink";
		case S_IFIFO:
			return "a FIFO";
		case S_IFCHR:
			return "a character device";
		case S_IFBLK:
			return "a block device";
		case S_IFSOCK:
			return "a socket";
		case S_IFDIR:
			return "a directory";
		case S_IFREG:
			return "a regular file";
	}
	return "a special file";
}

int rp_dir_at(int dirfd, const char* name, const char* shown, struct rp_err* err)
{
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	int e = errno;

	if (fd >= 0)
		return fd;
	/* O_DIRECTORY fails on anything else without opening it (a FIFO never blocks here). */
	if (e != ENOENT && fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISDIR(st.st_mode))
		rp_fail(err, "%s: %s, not a directory: refused", shown, file_kind(st.st_mode));
	else
		rp_fail(err, "%s: %s", shown, strerror(e));
	errno = e;
	return -1;
}

/* name in dirfd opened O_PATH (which opens nothing: a FIFO, a device or a symlink is only looked
 * at), and only a regular file of one link and at most max bytes kept. -1 (errno ENOENT when
 * there is none) with err naming shown. */
static int regular_at(int dirfd, const char* name, const char* shown, size_t max,
                      struct stat* st, struct rp_err* err)
{
	int fd = openat(dirfd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
	int e = errno;

	if (fd < 0)
	{
		rp_fail(err, "%s: %s", shown, strerror(e));
		errno = e;
		return -1;
	}
	if (fstat(fd, st) != 0)
		rp_fail(err, "%s: %s", shown, strerror(errno));
	else if (!S_ISREG(st->st_mode))
		rp_fail(err, "%s: %s, not a regular file: refused", shown, file_kind(st->st_mode));
	else if (st->st_nlink > 1)
		rp_fail(err, "%s: %ju hard links: refused (a hard link may be any file of this machine)",
		        shown, (uintmax_t)st->st_nlink);
	else if ((uintmax_t)st->st_size > max)
		rp_fail(err, "%s: %jd bytes, more than the %zu this reads: refused", shown,
		        (intmax_t)st->st_size, max);
	else
		return fd;
	close(fd);
	errno = EPERM;
	return -1;
}

int rp_open_regular_at(int dirfd, const char* name, const char* shown, size_t max,
                       struct stat* st, struct rp_err* err)
{
	char path[64];
	int pfd = regular_at(dirfd, name, shown, max, st, err), fd;

	if (pfd < 0)
		return -1;
	/* Opened again through the descriptor: the very file checked, not what the name holds now. */
	snprintf(path, sizeof(path), "/proc/self/fd/%d", pfd);
	fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		rp_fail(err, "%s: %s", shown, strerror(errno));
	close(pfd);
	return fd;
}

bool rp_read_at(int dirfd, const char* name, const char* shown, size_t max, char** out,
                size_t* len, struct rp_err* err)
{
	char path[64];
	struct stat st;
	struct rp_err why = { "" };
	int pfd = regular_at(dirfd, name, shown, max, &st, err);
	bool ok;

	*out = NULL;
	if (pfd < 0)
		return false;
	/* rp_read_regular on the checked file itself (/proc/self/fd/N is that file, whatever
	 * the name holds now): it reads at most max bytes, even of a file that grows. */
	snprintf(path, sizeof(path), "/proc/self/fd/%d", pfd);
	ok = rp_read_regular(path, max, false, out, len, &why);
	close(pfd);
	if (!ok)
	{
		size_t n = strlen(path);
		/* Its message names /proc/self/fd/N: the file's own name instead. */
		rp_fail(err, "%s: %s", shown,
		        strncmp(why.msg, path, n) == 0 && strlen(why.msg) > n + 2 ? why.msg + n + 2
		                                                                  : why.msg);
		errno = EIO; /* the file is there: never read as "none" */
	}
	return ok;
}

int rp_private_dir(const char* parent, const char* prefix, char* name, size_t n,
                   struct rp_err* err)
{
	char path[4200];
	struct stat st;
	int fd;

	if (snprintf(path, sizeof(path), "%s/%s-XXXXXX", parent, prefix) >= (int)sizeof(path))
		return rp_fail(err, "%s: path too long", parent), -1;
	if (!mkdtemp(path))
		return rp_fail(err, "%s: %s", path, strerror(errno)), -1;
	rp_strlcpy(name, strrchr(path, '/') + 1, n);
	fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	/* Between mkdtemp and open the name is the parent's owner's to change: what was opened must
	 * be a directory of ours that no one else may write, or it is not the one made. */
	if (fd >= 0 && fstat(fd, &st) == 0 && st.st_uid == geteuid() && (st.st_mode & 0777) == 0700)
		return fd;
	rp_fail(err, "%s: not the directory just made: refused", path);
	if (fd >= 0)
		close(fd);
	return -1;
}
