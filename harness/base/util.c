/* util.c: small helpers shared by every module. */
#include "util.h"

#include <sys/stat.h>
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
