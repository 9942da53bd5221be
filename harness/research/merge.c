/* merge.c: `rdprepro merge`: shards of a run or of a sweep back together: the result folders
 * side by side, JUnit, TAP and report.html over them all, and for sweeps the sweep's report over
 * every shard's runs. docs/sharding.md.
 *
 * A shard is another machine's folder, often an artifact downloaded from another CI job, and
 * this runs as root: nothing in it is trusted (issue 29). It is walked through descriptors
 * (openat, O_NOFOLLOW; files looked at through O_PATH before they are opened): directories and
 * regular files of one link only, each file, each folder and the whole bounded; a symlink, a
 * FIFO, a device, a socket or a hard link anywhere merge looks is refused (exit 2, naming it).
 * Hard links too: a shard's file of two links may be any file of this machine (/etc/shadow,
 * where fs.protected_hardlinks is 0), and neither a run nor an unpacked artifact makes one. The
 * result folders are copied into a private staging directory inside --out, every result.json
 * and report.txt checked there (rp_result_parse_strict, rp_report_text_ok), and only then
 * moved into place: a refused merge leaves the result folders in --out as they were. */
#include "sweep.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "artifact.h"
#include "files.h"
#include "report.h"
#include "results.h"
#include "resultjson.h"
#include "util.h"

/* What one merge copies at most. A result folder holds about 15 files (result.json,
 * evidence.json, report.txt, logs, captures, timeline.svg); a capture of a long session is the
 * largest (tens of MB). */
#define FILE_MAX (1ull << 30)
#define TOTAL_MAX (64ull << 30)
#define FILES_MAX 1000000
#define FOLDER_ENTRIES_MAX 256 /* in one directory of a result folder */
#define DEPTH_MAX 2            /* directories inside a result folder (none today) */
#define SHARD_ENTRIES_MAX 100000 /* in a shard's results directory, or a scenario's folder */
#define REPORT_TXT_MAX (1u << 20)
#define SVG_MAX (16u << 20) /* a timeline of a long session with captures: a few MiB */

/* ---- merge ---- */

static int merge_usage(FILE* f)
{
	fprintf(f, "usage: rdprepro merge DIR... --out DIR\n"
	           "  Puts the results of shards (`run --shard I/N`, `sweep --shard I/N`) together: every\n"
	           "  result folder side by side in --out, junit.xml and results.tap over them all, the\n"
	           "  totals; for sweeps (a sweep.json in each DIR, the same grid) the runs under\n"
	           "  --out/runs and the sweep's report (points.csv, runs.csv, sweep.json, pictures)\n"
	           "  over every shard's runs.\n"
	           "  A shard is read as a stranger's: directories and regular files only, every field\n"
	           "  checked (docs/sharding.md, \"What merge accepts\").\n"
	           "exit: 0 all passed or skipped (a sweep: merged), 1 a failure or error among the runs,\n"
	           "      2 bad usage, a directory with no results, shards that overlap or differ, or a\n"
	           "      shard holding what a run does not write (the file and the reason named)\n");
	return f == stderr ? 2 : 0;
}

/* A shard's results directory: DIR (runs) or DIR/runs (a sweep), as a descriptor. */
struct shard
{
	char shown[1100];
	int fd;
};

/* The result folders found, each with its place under the results (<scenario> or
 * <scenario>/run-K), its shard, and its outcome once read. */
struct merged
{
	struct rp_outcome* o;
	char (*rel)[160];
	int* from;
	int n, cap;
};

struct budget
{
	unsigned long long bytes;
	long files;
};

static int cmp_name(const void* a, const void* b)
{
	return strcmp(*(char* const*)a, *(char* const*)b);
}

/* The names in dirfd (no "." or ".."), sorted; at most max of them. NULL with err. */
static char** names_at(int dirfd, const char* shown, int max, int* n, struct rp_err* err)
{
	int fd = dup(dirfd);
	DIR* d = fd >= 0 ? fdopendir(fd) : NULL;
	char** v = NULL;
	struct dirent* e;
	int cap = 0;

	*n = 0;
	if (!d)
	{
		if (fd >= 0)
			close(fd);
		rp_fail(err, "%s: %s", shown, strerror(errno));
		return NULL;
	}
	rewinddir(d); /* the dup shares its position with dirfd */
	while ((e = readdir(d)))
	{
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (*n == max)
		{
			rp_fail(err, "%s: more than %d entries: refused", shown, max);
			goto fail;
		}
		if (*n == cap)
		{
			char** w = realloc(v, (size_t)(cap = cap ? cap * 2 : 32) * sizeof(*v));
			if (!w)
				goto oom;
			v = w;
		}
		if (!(v[*n] = strdup(e->d_name)))
			goto oom;
		(*n)++;
	}
	closedir(d);
	if (*n > 1)
		qsort(v, (size_t)*n, sizeof(*v), cmp_name);
	return v ? v : calloc(1, sizeof(*v));
oom:
	rp_fail(err, "%s: out of memory", shown);
fail:
	closedir(d);
	for (int i = 0; i < *n; i++)
		free(v[i]);
	free(v);
	*n = 0;
	return NULL;
}

static void names_free(char** v, int n)
{
	for (int i = 0; v && i < n; i++)
		free(v[i]);
	free(v);
}

/* ---- finding the result folders ---- */

static bool merged_add(struct merged* m, const char* rel, int from, const struct shard* sh,
                       struct rp_err* err)
{
	for (int i = 0; i < m->n; i++)
		if (strcmp(m->rel[i], rel) == 0)
			return rp_fail(err, "%s is in %s and in %s: the shards overlap", rel,
			               sh[m->from[i]].shown, sh[from].shown);
	if (m->n == m->cap)
	{
		int cap = m->cap ? m->cap * 2 : 128;
		void* a = realloc(m->o, (size_t)cap * sizeof(*m->o));
		void* b = a ? realloc(m->rel, (size_t)cap * sizeof(*m->rel)) : NULL;
		void* c = b ? realloc(m->from, (size_t)cap * sizeof(*m->from)) : NULL;
		if (a)
			m->o = a;
		if (b)
			m->rel = b;
		if (!c)
			return rp_fail(err, "out of memory");
		m->from = c;
		m->cap = cap;
	}
	memset(&m->o[m->n], 0, sizeof(m->o[m->n]));
	rp_strlcpy(m->rel[m->n], rel, sizeof(m->rel[0]));
	m->from[m->n++] = from;
	return true;
}

/* Whether the folder fd holds a result.json (of any kind: a symlink there is refused when the
 * folder is copied, with its name). */
static bool holds_result(int fd)
{
	struct stat st;
	return fstatat(fd, "result.json", &st, AT_SYMLINK_NOFOLLOW) == 0;
}

/* A run at rel, in DIR/<name>/ (shown): name must be a scenario's, or in a sweep one of its
 * points (the folder names under --out, and what report.html names). */
static bool add_run(struct merged* m, const char* rel, const char* name, const char* shown,
                    const struct shard* sh, int si, const struct rp_sweep* sw, struct rp_err* err)
{
	bool named = !sw && rp_name_ok(name);

	for (int p = 0; sw && p < sw->n_points && !named; p++)
		named = strcmp(sw->pts[p].name, name) == 0;
	if (!named)
		return rp_fail(err, "%s: holds runs, and its name is not %s: refused", shown,
		               sw ? "a point of the sweep" : "a scenario's (a-z, 0-9 and '-')");
	return merged_add(m, rel, si, sh, err);
}

/* The runs of DIR/<name>/ (dfd, shown): the folder itself (one run) or its run-K/ folders. */
static bool collect_folder(struct merged* m, const struct shard* sh, int si, int dfd,
                           const char* name, const char* shown, const struct rp_sweep* sw,
                           struct rp_err* err)
{
	char** sub;
	int n;
	bool ok = true;

	if (holds_result(dfd))
		return add_run(m, name, name, shown, sh, si, sw, err);
	if (!(sub = names_at(dfd, shown, SHARD_ENTRIES_MAX, &n, err)))
		return false;
	for (int j = 0; j < n && ok; j++)
	{
		char rel[160], where[1300];
		int k = rp_run_folder(sub[j], RP_SWEEP_MAX_REPEAT), rfd;
		snprintf(where, sizeof(where), "%s/%s", shown, sub[j]);
		if (k == 0)
			continue; /* not a run's folder: neither read nor copied */
		if (k < 0)
			ok = rp_fail(err, "%s: not run-1 to run-%d: refused", where, RP_SWEEP_MAX_REPEAT);
		else if ((rfd = rp_dir_at(dfd, sub[j], where, err)) < 0)
			ok = false;
		else
		{
			snprintf(rel, sizeof(rel), "%s/%s", name, sub[j]);
			ok = !holds_result(rfd) || add_run(m, rel, name, shown, sh, si, sw, err);
			close(rfd);
		}
	}
	names_free(sub, n);
	return ok;
}

/* The result folders of one shard's results directory: DIR/<scenario>/ (result.json) or
 * DIR/<scenario>/run-K/. Every entry of DIR is a directory or a regular file (not read). */
static bool collect(struct merged* m, const struct shard* sh, int si, const struct rp_sweep* sw,
                    struct rp_err* err)
{
	int n, before = m->n;
	char** names = names_at(sh[si].fd, sh[si].shown, SHARD_ENTRIES_MAX, &n, err);
	bool ok = names != NULL;

	for (int i = 0; ok && i < n; i++)
	{
		char shown[1300];
		struct stat st;
		int dfd;
		snprintf(shown, sizeof(shown), "%s/%s", sh[si].shown, names[i]);
		if (fstatat(sh[si].fd, names[i], &st, AT_SYMLINK_NOFOLLOW) != 0)
			ok = rp_fail(err, "%s: %s", shown, strerror(errno));
		else if (S_ISREG(st.st_mode))
			continue; /* junit.xml, results.tap, report.html: not read */
		else if ((dfd = rp_dir_at(sh[si].fd, names[i], shown, err)) < 0)
			ok = false;
		else
		{
			ok = collect_folder(m, sh, si, dfd, names[i], shown, sw, err);
			close(dfd);
		}
	}
	names_free(names, n);
	if (ok && m->n == before)
		return rp_fail(err, "%s: no result folders (result.json) in it", sh[si].shown);
	return ok;
}

/* ---- copying, through descriptors ---- */

/* rel ("a" or "a/run-K") under base, each part opened without following a symlink (and made,
 * 0755, where make); -1 with err (errno ENOENT: a part is missing). */
static int open_rel(int base, const char* rel, bool make, const char* shown, struct rp_err* err)
{
	char part[160];
	const char* slash = strchr(rel, '/');
	int fd, up;

	snprintf(part, sizeof(part), "%.*s", slash ? (int)(slash - rel) : (int)strlen(rel), rel);
	if (make && mkdirat(base, part, 0755) != 0 && errno != EEXIST)
		return rp_fail(err, "%s: %s", shown, strerror(errno)), -1;
	if ((fd = rp_dir_at(base, part, shown, err)) < 0 || !slash)
		return fd;
	up = fd;
	fd = open_rel(up, slash + 1, make, shown, err);
	close(up);
	return fd;
}

static bool write_all(int fd, const char* buf, size_t n)
{
	while (n)
	{
		ssize_t w = write(fd, buf, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return false;
		buf += w;
		n -= (size_t)w;
	}
	return true;
}

/* The regular file name of src into dst (made O_EXCL, so never through a symlink), its times
 * kept as cp -a kept them. rp_open_regular_at refuses anything else, naming it. */
static bool copy_file(int src, int dst, const char* name, const char* shown, struct budget* b,
                      struct rp_err* err)
{
	struct stat st;
	static char buf[1 << 16];
	unsigned long long got = 0;
	int in = rp_open_regular_at(src, name, shown, FILE_MAX, &st, err), out = -1;
	bool ok = false;

	if (in < 0)
		return false;
	if (++b->files > FILES_MAX)
	{
		rp_fail(err, "%s: more than %d files in the shards: refused", shown, FILES_MAX);
		goto out;
	}
	if ((out = openat(dst, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644)) < 0)
	{
		rp_fail(err, "%s: cannot copy: %s", shown, strerror(errno));
		goto out;
	}
	for (;;)
	{
		ssize_t n = read(in, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
		{
			rp_fail(err, "%s: %s", shown, strerror(errno));
			goto out;
		}
		if (n == 0)
			break;
		got += (size_t)n;
		b->bytes += (size_t)n;
		if (got > FILE_MAX || b->bytes > TOTAL_MAX)
		{
			rp_fail(err, "%s: %s: refused", shown,
			        got > FILE_MAX ? "grew past 1 GiB" : "the shards hold more than 64 GiB");
			goto out;
		}
		if (!write_all(out, buf, (size_t)n))
		{
			rp_fail(err, "%s: cannot copy: %s", shown, strerror(errno));
			goto out;
		}
	}
	futimens(out, (struct timespec[]){ st.st_atim, st.st_mtim });
	ok = close(out) == 0 ? true : rp_fail(err, "%s: cannot copy: %s", shown, strerror(errno));
	out = -1;
out:
	if (out >= 0)
		close(out);
	close(in);
	return ok;
}

/* An SVG of the shard (its timeline.svg) into dst, kept to what draws (rp_svg_clean): opened
 * directly in a browser, a stranger's SVG would run its script; ours hold none, so nothing of
 * ours is lost. What was taken out is said on stderr. */
static bool copy_svg(int src, int dst, const char* name, const char* shown, struct budget* b,
                     struct rp_err* err)
{
	char *in = NULL, *clean = NULL;
	size_t len = 0, clean_len = 0;
	int removed = 0, out = -1;
	bool ok = false;

	if (++b->files > FILES_MAX)
		return rp_fail(err, "%s: more than %d files in the shards: refused", shown, FILES_MAX);
	if (!rp_read_at(src, name, shown, SVG_MAX, &in, &len, err) ||
	    !rp_svg_clean(shown, in, len, &clean, &clean_len, &removed, err))
		goto out;
	b->bytes += len;
	if ((out = openat(dst, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644)) < 0 ||
	    !write_all(out, clean, clean_len))
	{
		rp_fail(err, "%s: cannot copy: %s", shown, strerror(errno));
		goto out;
	}
	ok = close(out) == 0 ? true : rp_fail(err, "%s: cannot copy: %s", shown, strerror(errno));
	out = -1;
	if (ok && removed)
		fprintf(stderr, "rdprepro merge: %s: %d element(s) or attribute(s) that run or load "
		                "something taken out\n",
		        shown, removed);
out:
	if (out >= 0)
		close(out);
	free(in);
	free(clean);
	return ok;
}

static bool is_svg(const char* name)
{
	size_t n = strlen(name);
	return n > 4 && strcasecmp(name + n - 4, ".svg") == 0;
}

/* A result folder src copied into dst: directories (DEPTH_MAX deep) and regular files of one
 * link (an SVG through copy_svg); anything else refused with its name. */
static bool copy_dir(int src, int dst, const char* shown, int depth, struct budget* b,
                     struct rp_err* err)
{
	int n;
	char** names = names_at(src, shown, FOLDER_ENTRIES_MAX, &n, err);
	bool ok = names != NULL;

	for (int i = 0; ok && i < n; i++)
	{
		char where[1600];
		struct stat st;
		int s, d = -1;
		snprintf(where, sizeof(where), "%s/%s", shown, names[i]);
		if (fstatat(src, names[i], &st, AT_SYMLINK_NOFOLLOW) != 0)
			ok = rp_fail(err, "%s: %s", where, strerror(errno));
		else if (!S_ISDIR(st.st_mode) && S_ISREG(st.st_mode) && is_svg(names[i]))
			ok = copy_svg(src, dst, names[i], where, b, err);
		else if (!S_ISDIR(st.st_mode))
			ok = copy_file(src, dst, names[i], where, b, err);
		else if (depth >= DEPTH_MAX)
			ok = rp_fail(err, "%s: directories %d deep in a result folder: refused", where,
			             depth + 1);
		else if (mkdirat(dst, names[i], 0755) != 0)
			ok = rp_fail(err, "%s: cannot copy: %s", where, strerror(errno));
		else if ((s = rp_dir_at(src, names[i], where, err)) < 0)
			ok = false;
		else
		{
			ok = (d = rp_dir_at(dst, names[i], where, err)) >= 0 &&
			     copy_dir(s, d, where, depth + 1, b, err);
			if (d >= 0)
				close(d);
			close(s);
		}
	}
	names_free(names, n);
	return ok;
}

/* ---- the merge ---- */

/* The copied folder's result.json and report.txt, checked (shown: where the shard holds it). */
static bool read_copied(int stage, const char* rel, const char* shard, struct rp_outcome* o,
                        struct rp_err* err)
{
	char shown[1400], *text = NULL, name[64];
	size_t len;
	int fd = open_rel(stage, rel, false, rel, err), k = 1;
	const char* slash = strchr(rel, '/');
	bool ok;

	if (fd < 0)
		return false;
	snprintf(name, sizeof(name), "%.*s", slash ? (int)(slash - rel) : (int)strlen(rel), rel);
	if (slash)
		k = rp_run_folder(slash + 1, RP_SWEEP_MAX_REPEAT);
	snprintf(shown, sizeof(shown), "%s/%s/result.json", shard, rel);
	ok = rp_read_at(fd, "result.json", shown, RP_RESULT_JSON_MAX, &text, &len, err) &&
	     rp_result_parse_strict(shown, text, len, o, err);
	free(text);
	text = NULL;
	if (ok && (strcmp(o->scenario, name) != 0 || o->run != k))
		ok = rp_fail(err, "%s: scenario and run: %s run %d, in the folder of %s run %d: refused",
		             shown, o->scenario, o->run, name, k);
	if (ok)
	{
		snprintf(shown, sizeof(shown), "%s/%s/report.txt", shard, rel);
		if (rp_read_at(fd, "report.txt", shown, REPORT_TXT_MAX, &text, &len, err))
			ok = rp_report_text_ok(shown, text, len, err);
		else
			ok = errno == ENOENT; /* a run killed early leaves none */
	}
	if (ok)
		o->report = text;
	else
		free(text);
	close(fd);
	return ok;
}

/* A folder of --out where a result folder goes: each part a directory or missing, never a
 * symlink (the result folder itself may be anything: it is swapped out, not written into). */
static bool dest_ok(int resfd, const char* rel, const char* out, struct rp_err* err)
{
	char parent[160], shown[4400];
	const char* slash = strchr(rel, '/');
	int fd;

	if (!slash)
		return true;
	snprintf(parent, sizeof(parent), "%.*s", (int)(slash - rel), rel);
	snprintf(shown, sizeof(shown), "%s/%s", out, parent);
	if ((fd = rp_dir_at(resfd, parent, shown, err)) >= 0)
		close(fd);
	return fd >= 0 || errno == ENOENT;
}

/* The staged folder rel moved to the same place under resfd: exchanged with what is there
 * (which goes into the staging directory, removed with it), or renamed where nothing is. */
static bool move_in(int stage, int resfd, const char* rel, const char* out, struct rp_err* err)
{
	char shown[4400];
	const char* slash = strchr(rel, '/');
	const char* leaf = slash ? slash + 1 : rel;
	int sp = stage, dp = resfd;
	bool ok;

	snprintf(shown, sizeof(shown), "%s/%s", out, rel);
	if (slash)
	{
		char parent[160];
		snprintf(parent, sizeof(parent), "%.*s", (int)(slash - rel), rel);
		sp = open_rel(stage, parent, false, shown, err);
		dp = sp >= 0 ? open_rel(resfd, parent, true, shown, err) : -1;
	}
	ok = sp >= 0 && dp >= 0;
	if (ok && renameat2(sp, leaf, dp, leaf, RENAME_EXCHANGE) != 0 &&
	    (errno != ENOENT || renameat2(sp, leaf, dp, leaf, RENAME_NOREPLACE) != 0))
		ok = rp_fail(err, "%s: cannot move into place: %s", shown, strerror(errno));
	if (slash && sp >= 0)
		close(sp);
	if (slash && dp >= 0)
		close(dp);
	return ok;
}

/* Every found folder copied into the staging directory, then its result.json and report.txt
 * read and checked there: all before anything is moved, so a refusal leaves --out as it was. */
static bool stage_all(struct merged* m, const struct shard* sh, int stage, struct rp_err* err)
{
	struct budget b = { 0 };
	bool ok = true;

	for (int i = 0; i < m->n && ok; i++)
	{
		char shown[1300];
		int s, d = -1;
		snprintf(shown, sizeof(shown), "%s/%s", sh[m->from[i]].shown, m->rel[i]);
		ok = (s = open_rel(sh[m->from[i]].fd, m->rel[i], false, shown, err)) >= 0 &&
		     (d = open_rel(stage, m->rel[i], true, shown, err)) >= 0 &&
		     copy_dir(s, d, shown, 0, &b, err);
		if (s >= 0)
			close(s);
		if (d >= 0)
			close(d);
	}
	for (int i = 0; i < m->n && ok; i++)
		ok = read_copied(stage, m->rel[i], sh[m->from[i]].shown, &m->o[i], err);
	return ok;
}

/* junit.xml, results.tap and report.html over the folders now under out; the status counts. */
static bool write_reports(struct merged* m, const char* out, int counts[RP_STATUS_COUNT],
                          struct rp_err* err)
{
	char** dirs = calloc((size_t)m->n + 1, sizeof(*dirs));
	char path[4400];
	double total_ms = 0;
	bool ok = true;

	if (!dirs)
		return rp_fail(err, "out of memory");
	for (int i = 0; i < m->n && ok; i++)
	{
		counts[m->o[i].status]++;
		total_ms += m->o[i].wall_ms;
		/* report.html shows each run's timeline from its folder, now under out. */
		if (asprintf(&dirs[i], "%s/%s", out, m->rel[i]) < 0)
			ok = rp_fail(err, "out of memory");
		else
			m->o[i].dir = dirs[i];
	}
	snprintf(path, sizeof(path), "%s/junit.xml", out);
	ok = ok && rp_junit_write(path, m->o, m->n, total_ms, err);
	snprintf(path, sizeof(path), "%s/results.tap", out);
	ok = ok && rp_tap_write(path, m->o, m->n, err);
	ok = ok && rp_report_html_write(out, m->o, m->n, err);
	for (int i = 0; i < m->n; i++)
	{
		m->o[i].dir = NULL;
		free(dirs[i]);
	}
	free(dirs);
	return ok;
}

/* The result folders of the shards into out (resfd): found, staged and checked, moved into
 * place, and reported over; the status counts in counts. */
static bool merge_results(const struct shard* sh, int nd, const char* out, int resfd,
                          const struct rp_sweep* sw, int counts[RP_STATUS_COUNT],
                          struct rp_err* err)
{
	struct merged m = { 0 };
	char stage_name[64] = "";
	int stage = -1;
	bool ok = true;

	for (int i = 0; i < nd && ok; i++)
		ok = collect(&m, sh, i, sw, err);
	for (int i = 0; i < m.n && ok; i++)
		ok = dest_ok(resfd, m.rel[i], out, err);
	ok = ok && (stage = rp_private_dir(out, ".merge", stage_name, sizeof(stage_name), err)) >= 0 &&
	     stage_all(&m, sh, stage, err);
	for (int i = 0; i < m.n && ok; i++)
		ok = move_in(stage, resfd, m.rel[i], out, err);
	ok = ok && write_reports(&m, out, counts, err);
	if (stage >= 0)
	{
		char path[4400];
		struct rp_err e2 = { "" };
		close(stage);
		/* Our staging directory, with what the moves swapped out of --out's places. */
		snprintf(path, sizeof(path), "%s/%s", out, stage_name);
		if (!rp_remove_tree(path, &e2))
			fprintf(stderr, "rdprepro merge: %s\n", e2.msg);
	}
	for (int i = 0; i < m.n; i++)
		free(m.o[i].report);
	free(m.o);
	free(m.rel);
	free(m.from);
	return ok;
}

/* The grid of a sweep's shard (DIR/sweep.json), and its runs directory as the shard. */
static bool sweep_shard(int fd, const char* dir, struct rp_sweep* sw, struct shard* sh,
                        struct rp_err* err)
{
	char shown[1200], *text;
	size_t len;
	bool ok;

	snprintf(shown, sizeof(shown), "%s/sweep.json", dir);
	if (!rp_read_at(fd, "sweep.json", shown, RP_SWEEP_JSON_MAX, &text, &len, err))
		return false;
	ok = rp_sweep_grid_parse(shown, text, len, sw, err);
	free(text);
	snprintf(sh->shown, sizeof(sh->shown), "%s/runs", dir);
	return ok && (sh->fd = rp_dir_at(fd, "runs", sh->shown, err)) >= 0;
}

/* Whether two shards' grids are one sweep's: the scenario, repeat, the axes' points, the fixed
 * settings. */
static bool same_sweep(const struct rp_sweep* a, const struct rp_sweep* b)
{
	if (strcmp(a->base, b->base) || a->repeat != b->repeat || a->n_points != b->n_points ||
	    a->n_sets != b->n_sets ||
	    memcmp(a->pts, b->pts, sizeof(a->pts[0]) * (size_t)a->n_points) != 0)
		return false;
	for (int i = 0; i < a->n_sets; i++)
		if (a->sets[i].key != b->sets[i].key || strcmp(a->sets[i].label, b->sets[i].label))
			return false;
	return true;
}

/* The shards: each DIR opened (a directory, not --out), each a sweep's or a run's; for sweeps
 * the grid, the same in all. -1 to go on, else the exit status (the reason printed). */
static int open_shards(char** dirs, int nd, const char* out, struct shard* sh,
                       struct rp_sweep* sw, struct rp_sweep* other, bool* sweeps)
{
	struct stat o_st, st;
	bool have_out = stat(out, &o_st) == 0;
	struct rp_err err = { "" };
	int n_sweeps = 0;

	for (int i = 0; i < nd; i++)
	{
		int fd = open(dirs[i], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		if (fd < 0 || fstat(fd, &st) != 0)
		{
			fprintf(stderr, "rdprepro merge: %s: not a directory\n", dirs[i]);
			if (fd >= 0)
				close(fd);
			return 2;
		}
		if (have_out && st.st_dev == o_st.st_dev && st.st_ino == o_st.st_ino)
		{
			fprintf(stderr, "rdprepro merge: %s is an input and the output\n", out);
			close(fd);
			return 2;
		}
		sh[i].fd = fd;
		rp_strlcpy(sh[i].shown, dirs[i], sizeof(sh[i].shown));
		n_sweeps += fstatat(fd, "sweep.json", &st, AT_SYMLINK_NOFOLLOW) == 0;
	}
	if (n_sweeps && n_sweeps != nd)
	{
		fprintf(stderr, "rdprepro merge: %d of the %d directories are sweeps: merge sweeps with "
		                "sweeps and runs with runs\n", n_sweeps, nd);
		return 2;
	}
	*sweeps = n_sweeps > 0;
	for (int i = 0; *sweeps && i < nd; i++)
	{
		int fd = sh[i].fd;
		sh[i].fd = -1;
		if (!sweep_shard(fd, dirs[i], i ? other : sw, &sh[i], &err))
		{
			fprintf(stderr, "rdprepro merge: %s\n", err.msg);
			close(fd);
			return 2;
		}
		close(fd);
		if (i && !same_sweep(sw, other))
		{
			fprintf(stderr, "rdprepro merge: %s is another sweep than %s (scenario, repeat, "
			                "grid or settings differ)\n", dirs[i], dirs[0]);
			return 2;
		}
	}
	return -1;
}

int rp_merge_main(int argc, char** argv)
{
	static const struct option lo[] = { { "out", required_argument, NULL, 'o' },
		                                 { "help", no_argument, NULL, 'h' },
		                                 { NULL, 0, NULL, 0 } };
	const char* out = NULL;
	struct rp_err err = { "" };
	int counts[RP_STATUS_COUNT] = { 0 };
	int c, nd, ret = 2, outfd = -1, resfd = -1;
	struct shard* sh = NULL;
	struct rp_sweep *sw = NULL, *other = NULL;
	char runs[4200];
	bool sweeps = false;
	char** dirs;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", lo, NULL)) != -1)
	{
		if (c == 'o')
			out = optarg;
		else if (c == 'h')
			return merge_usage(stdout);
		else
			return merge_usage(stderr);
	}
	dirs = argv + optind;
	nd = argc - optind;
	if (!out || nd < 1)
		return merge_usage(stderr);
	if (!(sh = calloc((size_t)nd, sizeof(*sh))) || !(sw = calloc(1, sizeof(*sw))) ||
	    !(other = calloc(1, sizeof(*other))))
	{
		ret = 1;
		goto done;
	}
	for (int i = 0; i < nd; i++)
		sh[i].fd = -1;
	if ((ret = open_shards(dirs, nd, out, sh, sw, other, &sweeps)) >= 0)
		goto done;
	ret = 2;
	snprintf(runs, sizeof(runs), "%s/runs", out);
	if (!rp_mkdir_p(out, &err) || (outfd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    (resfd = sweeps ? open_rel(outfd, "runs", true, runs, &err) : dup(outfd)) < 0 ||
	    !merge_results(sh, nd, sweeps ? runs : out, resfd, sweeps ? sw : NULL, counts, &err) ||
	    (sweeps && !rp_sweep_grid_write(sw, out, &err)))
	{
		fprintf(stderr, "rdprepro merge: %s\n", err.msg[0] ? err.msg : strerror(errno));
		goto done;
	}
	if (sweeps)
	{
		printf("merged %d shards of sweep %s\n", nd, sw->base);
		ret = rp_sweep_report(sw, out);
		goto done;
	}
	printf("%d passed, %d failed, %d skipped, %d errors (merged from %d directories; results in "
	       "%s)\n",
	       counts[RP_PASS], counts[RP_FAIL], counts[RP_SKIP], counts[RP_ERROR], nd, out);
	ret = counts[RP_FAIL] || counts[RP_ERROR] ? 1 : 0;
done:
	for (int i = 0; sh && i < nd; i++)
		if (sh[i].fd >= 0)
			close(sh[i].fd);
	if (outfd >= 0)
		close(outfd);
	if (resfd >= 0)
		close(resfd);
	free(sh);
	free(sw);
	free(other);
	return ret;
}
