/* reproduce_out.c: the directory reproduce writes in: whether it is reproduce's own (its
 * marker, its owner, its mode, never through a symlink), made with the marker, and cleared of
 * what an earlier run left (its own entries only). */
#include "reproduce_out.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What reproduce writes in its directory, and replaces at each run: nothing else is touched. */
static const char* const own_entries[] = { "scenarios", "runs", "run.log", "plan.txt",
	                                       "matches.json", "best.scn" };

/* ---- the directory it writes in ---- */

/* Whether out is reproduce's own to write in: OUT_ABSENT (it will be made), OUT_OURS (it holds
 * the marker, as a regular file, and nobody but its owner, who runs this, can write to it), or
 * OUT_REFUSED with the reason in why. lstat and O_NOFOLLOW: a symlink is never followed, to
 * the directory or to the marker. */
enum out_state
{
	OUT_ABSENT,
	OUT_OURS,
	OUT_REFUSED,
};

static enum out_state out_check(const char* out, char* why, size_t n)
{
	static const char* const not_ours = "exists and was not made by rdprepro reproduce";
	enum out_state ret = OUT_REFUSED;
	struct stat st, ms;
	int dfd, mfd = -1;

	if (lstat(out, &st) != 0)
	{
		if (errno == ENOENT)
			return OUT_ABSENT;
		snprintf(why, n, "%s", strerror(errno));
		return OUT_REFUSED;
	}
	if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode))
	{
		snprintf(why, n, "%s (%s)", not_ours,
		         S_ISLNK(st.st_mode) ? "a symlink" : "not a directory");
		return OUT_REFUSED;
	}
	if ((dfd = open(out, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0 ||
	    fstat(dfd, &st) != 0)
	{
		snprintf(why, n, "%s", strerror(errno));
		goto out;
	}
	mfd = openat(dfd, MARKER, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (mfd < 0 || fstat(mfd, &ms) != 0 || !S_ISREG(ms.st_mode))
		snprintf(why, n, "%s (no %s in it%s)", not_ours, MARKER,
		         mfd < 0 && errno == ELOOP ? ", a symlink of that name" : "");
	/* Its owner and anyone who may write to it could put a symlink where reproduce writes,
	 * between this check and the write: only the caller's own directory, or root's. */
	else if (st.st_uid != geteuid() && st.st_uid != 0)
		snprintf(why, n, "owned by uid %u, and this runs as uid %u (its owner could plant a "
		                 "symlink where reproduce writes)",
		         (unsigned)st.st_uid, (unsigned)geteuid());
	else if (st.st_mode & (S_IWGRP | S_IWOTH))
		snprintf(why, n, "writable by group or others (who could plant a symlink where "
		                 "reproduce writes)");
	else
		ret = OUT_OURS;
out:
	if (mfd >= 0)
		close(mfd);
	if (dfd >= 0)
		close(dfd);
	return ret;
}

static bool out_refused(const char* out, const char* why, struct rp_err* err)
{
	return rp_fail(err, "--out %s: %s: refused; name a new directory", out, why);
}

/* --out as given, held to the rules before anything is read or written. */
bool rp_reproduce_out_usable(const char* out, char* buf, size_t n, struct rp_err* err)
{
	char why[256];

	if (strlen(out) > PATH_MAX - 96)
		return rp_fail(err, "--out %s: path too long", out);
	/* "new/" names the directory "new": its parent is made, then it (not it, then "new/"). */
	rp_strlcpy(buf, out, n);
	for (size_t k = strlen(buf); k > 1 && buf[k - 1] == '/'; k--)
		buf[k - 1] = '\0';
	if (out_check(buf, why, sizeof(why)) == OUT_REFUSED)
		return out_refused(buf, why, err);
	return true;
}

/* out made (0755, its parents as mkdir -p) with the marker in it, or found to be reproduce's
 * own already. A directory that appears between the check and mkdir is checked again. */
bool rp_reproduce_out_claim(const char* out, struct rp_err* err)
{
	char why[256], parent[PATH_MAX];
	char* slash;
	int dfd, fd;
	FILE* f;

	switch (out_check(out, why, sizeof(why)))
	{
		case OUT_OURS:
			return true;
		case OUT_REFUSED:
			return out_refused(out, why, err);
		case OUT_ABSENT:
			break;
	}
	rp_strlcpy(parent, out, sizeof(parent));
	if ((slash = strrchr(parent, '/')) && slash != parent)
	{
		*slash = '\0';
		if (!rp_mkdir_p(parent, err))
			return false;
	}
	if (mkdir(out, 0755) != 0)
	{
		if (errno != EEXIST)
			return rp_fail(err, "--out %s: cannot make it: %s", out, strerror(errno));
		if (out_check(out, why, sizeof(why)) != OUT_OURS)
			return out_refused(out, why, err);
		return true;
	}
	if ((dfd = open(out, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return rp_fail(err, "--out %s: %s", out, strerror(errno));
	fd = openat(dfd, MARKER, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	close(dfd);
	if (fd < 0 || !(f = fdopen(fd, "w")))
	{
		if (fd >= 0)
			close(fd);
		return rp_fail(err, "--out %s: cannot write %s: %s", out, MARKER, strerror(errno));
	}
	fprintf(f, "made by rdprepro reproduce, which replaces its scenarios/, runs/, run.log, "
	           "plan.txt, matches.json and best.scn here at each run\n");
	if (fclose(f) != 0)
		return rp_fail(err, "--out %s: cannot write %s: %s", out, MARKER, strerror(errno));
	return true;
}

/* What an earlier run left in out (its own entries only) removed. */
bool rp_reproduce_out_clear(const char* out, struct rp_err* err)
{
	char path[PATH_MAX + 32];

	for (size_t i = 0; i < sizeof(own_entries) / sizeof(own_entries[0]); i++)
	{
		snprintf(path, sizeof(path), "%s/%s", out, own_entries[i]);
		if (!rp_remove_tree(path, err))
			return false;
	}
	return true;
}
