/* util.c: small helpers shared by every module. */
#include "util.h"

#include <sys/stat.h>
#include <fcntl.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ftw.h>
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

static int remove_entry(const char* path, const struct stat* sb, int flag, struct FTW* ftw)
{
	return remove(path) == 0 || errno == ENOENT ? 0 : -1;
}

bool rp_remove_tree(const char* path, struct rp_err* err)
{
	if (access(path, F_OK) != 0 && errno == ENOENT)
		return true;
	if (nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
		return rp_fail(err, "%s: cannot remove: %s", path, strerror(errno));
	return true;
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
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY | (nofollow ? O_NOFOLLOW : 0));
	struct stat st;
	char* buf = NULL;
	size_t got = 0;
	bool ok = false;

	*out = NULL;
	if (len)
		*len = 0;
	if (fd < 0)
		return rp_fail(err, "%s: %s", path,
		               errno == ELOOP && nofollow ? "a symlink: refused" : strerror(errno));
	if (fstat(fd, &st) != 0)
	{
		rp_fail(err, "%s: %s", path, strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode))
	{
		rp_fail(err, "%s: not a regular file (%s): refused", path,
		        S_ISFIFO(st.st_mode)  ? "a FIFO"
		        : S_ISDIR(st.st_mode) ? "a directory"
		        : S_ISCHR(st.st_mode) ? "a character device"
		        : S_ISBLK(st.st_mode) ? "a block device"
		        : S_ISSOCK(st.st_mode) ? "a socket"
		                               : "a special file");
		goto out;
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
	close(fd);
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
