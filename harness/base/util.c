/* util.c: small helpers shared by every module. */
#include "util.h"

#include <sys/stat.h>
#include <fcntl.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

bool rp_fail(struct rp_err* err, const char* fmt, ...)
{
	va_list ap;

	if (err)
	{
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
		va_end(ap);
	}
	return false;
}

double rp_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

int rp_slack_ms(int ms)
{
	static int slack = 0;
	if (!slack)
	{
		const char* v = getenv("RDPREPRO_HARNESS_SLACK");
		char* end = NULL;
		long n = v && *v ? strtol(v, &end, 10) : 1;
		slack = (end && *end) || n < 1 || n > 50 ? 1 : (int)n;
	}
	return ms * slack;
}

void rp_strlcpy(char* dst, const char* src, size_t size)
{
	if (size == 0)
		return;
	snprintf(dst, size, "%s", src ? src : "");
}

bool rp_parse_duration_ms(const char* s, uint32_t* out)
{
	char* end = NULL;
	double v;
	double scale = 1.0;

	if (!s || !*s)
		return false;
	errno = 0;
	v = strtod(s, &end);
	if (errno || end == s || !isfinite(v) || v < 0)
		return false;
	if (strcmp(end, "ms") == 0 || *end == '\0')
		scale = 1.0;
	else if (strcmp(end, "s") == 0)
		scale = 1000.0;
	else
		return false;
	v *= scale;
	if (v > 86400000.0)
		return false;
	*out = (uint32_t)llround(v);
	return true;
}

/* Removing a tree as root, where the tree may be someone else's to change while it is walked
 * (a result folder under a directory its user owns, a run directory). The walk is by file
 * descriptors only: each directory is opened relative to the descriptor of its parent with
 * O_NOFOLLOW | O_DIRECTORY, and every entry is unlinked (unlinkat) relative to the descriptor
 * of the directory that holds it. No path name is resolved again once the top is open, so the
 * race nftw loses (it walks by path names: a subdirectory swapped for a symlink mid-walk made
 * it delete outside the tree, issue 29) is closed by construction: a symlink is an entry,
 * unlinked where it stands and never entered, and a directory swapped in after its parent was
 * opened is opened by the same O_NOFOLLOW rule, inside the tree. The walk never leaves the
 * top's filesystem: a directory on another device, or the root of a mount (a bind mount keeps
 * st_dev; statx says it is a mount's root), is left with an error naming it, its contents
 * untouched. */

/* Deeper than this is no tree of ours (a run directory is 3 levels, a result folder 2): the
 * walk stops there with an error rather than hold a descriptor per level without end. */
#define REMOVE_DEPTH_MAX 64

struct remove_walk
{
	dev_t dev;          /* the top's filesystem: never crossed */
	char path[4096];    /* the entry being removed, for messages */
	struct rp_err* err; /* the first error; the walk goes on to remove what it can */
	bool ok;
};

static void remove_failed(struct remove_walk* w, const char* fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void remove_failed(struct remove_walk* w, const char* fmt, ...)
{
	va_list ap;

	if (w->ok && w->err)
	{
		va_start(ap, fmt);
		vsnprintf(w->err->msg, sizeof(w->err->msg), fmt, ap);
		va_end(ap);
	}
	w->ok = false;
}

/* Whether the directory open as fd is somewhere the walk must not go: another device, or the
 * root of a mount. Unknown counts as foreign: not entered. */
static bool dir_is_foreign(int fd, dev_t dev)
{
	struct statx sx;

	if (statx(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, STATX_INO, &sx) != 0)
		return true;
	if (makedev(sx.stx_dev_major, sx.stx_dev_minor) != dev)
		return true;
	return (sx.stx_attributes_mask & STATX_ATTR_MOUNT_ROOT) &&
	       (sx.stx_attributes & STATX_ATTR_MOUNT_ROOT);
}

static void remove_in(struct remove_walk* w, int fd, int depth);

/* Removes `name` in the directory dirfd. It is opened as a directory first (O_NOFOLLOW): a
 * symlink or any other non-directory fails that open and is unlinked as the entry it is, and
 * a FIFO is never opened. A directory is emptied through its descriptor, then removed. */
static void remove_at(struct remove_walk* w, int dirfd, const char* name, int depth)
{
	size_t len = strlen(w->path);
	int fd;

	if (depth > 0) /* the top's own name is in w->path already */
		snprintf(w->path + len, sizeof(w->path) - len, "/%s", name);
	fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0 && (errno == ENOTDIR || errno == ELOOP))
	{
		if (unlinkat(dirfd, name, 0) != 0 && errno != ENOENT)
			remove_failed(w, "%s: cannot remove: %s", w->path, strerror(errno));
	}
	else if (fd < 0)
	{
		if (errno != ENOENT)
			remove_failed(w, "%s: cannot open: %s", w->path, strerror(errno));
	}
	else if (dir_is_foreign(fd, w->dev))
	{
		remove_failed(w, "%s: a mount point (another filesystem): left with its contents",
		              w->path);
		close(fd);
	}
	else if (depth >= REMOVE_DEPTH_MAX)
	{
		remove_failed(w, "%s: more than %d levels deep: left", w->path, REMOVE_DEPTH_MAX);
		close(fd);
	}
	else
	{
		remove_in(w, fd, depth + 1);
		if (unlinkat(dirfd, name, AT_REMOVEDIR) != 0 && errno != ENOENT)
			remove_failed(w, "%s: cannot remove: %s", w->path, strerror(errno));
	}
	w->path[len] = '\0';
}

/* Empties the directory open as fd, and closes fd. */
static void remove_in(struct remove_walk* w, int fd, int depth)
{
	DIR* d = fdopendir(fd);
	struct dirent* e;

	if (!d)
	{
		remove_failed(w, "%s: %s", w->path, strerror(errno));
		close(fd);
		return;
	}
	while ((e = readdir(d)))
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			remove_at(w, dirfd(d), e->d_name, depth);
	closedir(d);
}

bool rp_remove_tree(const char* path, struct rp_err* err)
{
	struct remove_walk w = { .err = err, .ok = true };
	char parent[4096];
	const char* name;
	char* slash;
	struct stat st;
	size_t n;
	int pfd;

	/* The top is a name in its parent, which is opened as the caller named it; from there on
	 * only descriptors. */
	if (snprintf(parent, sizeof(parent), "%s", path) >= (int)sizeof(parent) || !parent[0])
		return rp_fail(err, "%s: path empty or too long", path);
	for (n = strlen(parent); n > 1 && parent[n - 1] == '/'; n--)
		parent[n - 1] = '\0';
	if (!(slash = strrchr(parent, '/')))
	{
		name = parent;
		pfd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	}
	else
	{
		name = slash + 1;
		*slash = '\0';
		pfd = open(slash == parent ? "/" : parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	}
	if (!*name || strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
	{
		if (pfd >= 0)
			close(pfd);
		return rp_fail(err, "%s: not a tree this removes", path);
	}
	if (pfd < 0)
	{
		if (errno == ENOENT)
			return true;
		return rp_fail(err, "%s: cannot open its directory: %s", path, strerror(errno));
	}
	rp_strlcpy(w.path, path, sizeof(w.path));
	if (fstat(pfd, &st) != 0)
		remove_failed(&w, "%s: %s", path, strerror(errno));
	else
	{
		/* The top is one more entry: a symlink there is unlinked, not followed; a top that
		 * is a mount point is refused. */
		w.dev = st.st_dev;
		remove_at(&w, pfd, name, 0);
	}
	close(pfd);
	return w.ok;
}

bool rp_read_file(const char* path, char** out, struct rp_err* err)
{
	FILE* f = fopen(path, "r");
	char* buf = NULL;
	size_t cap = 0;
	ssize_t n;

	*out = NULL;
	if (!f)
		return rp_fail(err, "%s: %s", path, strerror(errno));
	n = getdelim(&buf, &cap, '\0', f);
	fclose(f);
	if (n <= 0)
	{
		free(buf);
		return rp_fail(err, "%s: empty or unreadable", path);
	}
	*out = buf;
	return true;
}

/* mkdir -p: every missing directory of path, 0755. */
bool rp_mkdir_p(const char* path, struct rp_err* err)
{
	char buf[4096];

	rp_strlcpy(buf, path, sizeof(buf));
	for (char* s = buf + 1; *s; s++)
	{
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return rp_fail(err, "mkdir %s: %s", buf, strerror(errno));
		*s = '/';
	}
	if (mkdir(buf, 0755) != 0 && errno != EEXIST)
		return rp_fail(err, "mkdir %s: %s", buf, strerror(errno));
	return true;
}

bool rp_read_regular(const char* path, size_t max, bool nofollow, char** out, size_t* len,
                     struct rp_err* err)
{
	/* Looked at before it is opened: opening a device can act (a watchdog arms, a tape
	 * rewinds), a FIFO can block. O_PATH opens nothing; the file is then opened through that
	 * very descriptor (/proc/self/fd), so what was looked at is what is read. */
	int pfd = open(path, O_PATH | O_CLOEXEC | (nofollow ? O_NOFOLLOW : 0));
	int fd = -1;
	struct stat st;
	char* buf = NULL;
	size_t got = 0;
	bool ok = false;

	*out = NULL;
	if (len)
		*len = 0;
	if (pfd < 0)
		return rp_fail(err, "%s: %s", path,
		               errno == ELOOP && nofollow ? "a symlink: refused" : strerror(errno));
	if (fstat(pfd, &st) != 0)
	{
		rp_fail(err, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode))
	{
		rp_fail(err, "%s: not a regular file (%s): refused", path,
		        S_ISLNK(st.st_mode)    ? "a symlink"
		        : S_ISFIFO(st.st_mode) ? "a FIFO"
		        : S_ISDIR(st.st_mode) ? "a directory"
		        : S_ISCHR(st.st_mode) ? "a character device"
		        : S_ISBLK(st.st_mode) ? "a block device"
		        : S_ISSOCK(st.st_mode) ? "a socket"
		                               : "a special file");
		goto out;
	}
	{
		char self[64];
		struct stat again;
		snprintf(self, sizeof(self), "/proc/self/fd/%d", pfd);
		fd = open(self, O_RDONLY | O_CLOEXEC | O_NOCTTY);
		if (fd < 0 && errno == ENOENT) /* no /proc: by name, and the same file checked */
			fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (nofollow ? O_NOFOLLOW : 0));
		if (fd < 0 || fstat(fd, &again) != 0 || again.st_dev != st.st_dev || again.st_ino != st.st_ino)
		{
			rp_fail(err, "%s: %s", path, fd < 0 ? strerror(errno) : "changed while it was opened: refused");
			goto out;
		}
	}
	if ((unsigned long long)st.st_size > max)
	{
		rp_fail(err, "%s: %lld bytes, more than the %zu this reads: refused", path,
		        (long long)st.st_size, max);
		goto out;
	}
	/* Back to blocking reads: a regular file never blocks, and O_NONBLOCK was only there so
	 * that opening a FIFO could not hang. */
	fcntl(fd, F_SETFL, 0);
	if (!(buf = malloc(max + 1)))
	{
		rp_fail(err, "%s: out of memory", path);
		goto out;
	}
	for (;;)
	{
		ssize_t n = read(fd, buf + got, max + 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
		{
			rp_fail(err, "%s: %s", path, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		got += (size_t)n;
		if (got > max)
		{
			rp_fail(err, "%s: grew past the %zu bytes this reads: refused", path, max);
			goto out;
		}
	}
	buf[got] = '\0';
	*out = buf;
	buf = NULL;
	if (len)
		*len = got;
	ok = true;
out:
	free(buf);
	if (fd >= 0)
		close(fd);
	close(pfd);
	return ok;
}

bool rp_out_open(struct rp_out* o, const char* path, struct rp_err* err)
{
	int fd;

	memset(o, 0, sizeof(*o));
	if (snprintf(o->path, sizeof(o->path), "%s", path) >= (int)sizeof(o->path) ||
	    snprintf(o->tmp, sizeof(o->tmp), "%s.tmp.XXXXXX", path) >= (int)sizeof(o->tmp))
		return rp_fail(err, "%s: path too long", path);
	if ((fd = mkostemp(o->tmp, O_CLOEXEC)) < 0)
	{
		o->tmp[0] = '\0';
		return rp_fail(err, "%s: cannot create a temporary file beside it: %s", path,
		               strerror(errno));
	}
	/* Outputs are reports for people: readable by others as a plain write would leave them. */
	fchmod(fd, 0644);
	if (!(o->f = fdopen(fd, "w")))
	{
		close(fd);
		unlink(o->tmp);
		o->tmp[0] = '\0';
		return rp_fail(err, "%s: %s", path, strerror(errno));
	}
	return true;
}

bool rp_out_commit(struct rp_out* o, struct rp_err* err)
{
	bool ok = o->f != NULL;
	int e = 0;

	if (o->f)
	{
		if (fflush(o->f) != 0 || ferror(o->f))
		{
			ok = false;
			e = errno;
		}
		if (fclose(o->f) != 0 && ok)
		{
			ok = false;
			e = errno;
		}
		o->f = NULL;
	}
	if (ok && rename(o->tmp, o->path) != 0)
	{
		ok = false;
		e = errno;
	}
	if (!ok)
	{
		if (o->tmp[0])
			unlink(o->tmp);
		o->tmp[0] = '\0';
		return rp_fail(err, "%s: cannot write: %s", o->path, e ? strerror(e) : "not open");
	}
	o->tmp[0] = '\0';
	return true;
}

void rp_out_abort(struct rp_out* o)
{
	if (o->f)
		fclose(o->f);
	o->f = NULL;
	if (o->tmp[0])
		unlink(o->tmp);
	o->tmp[0] = '\0';
}
