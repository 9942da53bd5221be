/* merge.c: `rdprepro merge`: shards of a run or of a sweep back together: the result folders
 * side by side, JUnit, TAP and report.html over them all, and for sweeps the sweep's report over
 * every shard's runs. docs/sharding.md. */
#include "sweep.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "proc.h"
#include "report.h"
#include "results.h"
#include "util.h"

/* ---- merge ---- */

static int merge_usage(FILE* f)
{
	fprintf(f, "usage: rdprepro merge DIR... --out DIR\n"
	           "  Puts the results of shards (`run --shard I/N`, `sweep --shard I/N`) together: every\n"
	           "  result folder side by side in --out, junit.xml and results.tap over them all, the\n"
	           "  totals; for sweeps (a sweep.json in each DIR, the same grid) the runs under\n"
	           "  --out/runs and the sweep's report (points.csv, runs.csv, sweep.json, pictures)\n"
	           "  over every shard's runs.\n"
	           "exit: 0 all passed or skipped (a sweep: merged), 1 a failure or error among the runs,\n"
	           "      2 bad usage, a directory with no results, shards that overlap or differ\n");
	return f == stderr ? 2 : 0;
}

/* cp -a SRC DST (a result folder, its logs and captures as they are). */
static bool copy_tree(const char* src, const char* dst, struct rp_err* err)
{
	const char* argv[] = { "cp", "-a", "--", src, dst, NULL };
	char cp[4096];
	int status;

	if (!rp_find_in_path("cp", cp, sizeof(cp)))
		return rp_fail(err, "cp not found");
	argv[0] = cp;
	if (!rp_proc_run(argv, false, 120000, &status, err))
		return false;
	return status == 0 ? true : rp_fail(err, "cp -a %s %s: status %d", src, dst, status);
}

/* The result folders of one shard's results directory: DIR/<scenario>/ (result.json) or
 * DIR/<scenario>/run-K/; appended to outs with their paths relative to DIR. */
struct merged
{
	struct rp_outcome* o;
	char (*rel)[200];
	char (*from)[1100];
	int n, cap;
};

static bool merged_add(struct merged* m, const char* dir, const char* rel, struct rp_err* err)
{
	char path[4300];
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
	snprintf(path, sizeof(path), "%s/%s/result.json", dir, rel);
	memset(&m->o[m->n], 0, sizeof(m->o[m->n]));
	if (!rp_result_read(path, &m->o[m->n], err))
		return false;
	for (int i = 0; i < m->n; i++)
		if (strcmp(m->rel[i], rel) == 0)
			return rp_fail(err, "%s is in %s and in %s: the shards overlap", rel, m->from[i], dir);
	rp_strlcpy(m->rel[m->n], rel, sizeof(m->rel[0]));
	rp_strlcpy(m->from[m->n], dir, sizeof(m->from[0]));
	m->n++;
	return true;
}

static bool collect(struct merged* m, const char* dir, struct rp_err* err)
{
	struct dirent** names = NULL;
	int n = scandir(dir, &names, NULL, alphasort), before = m->n;
	bool ok = true;

	if (n < 0)
		return rp_fail(err, "%s: %s", dir, strerror(errno));
	for (int i = 0; i < n && ok; i++)
	{
		char p[4300];
		struct dirent** sub = NULL;
		int k;
		if (names[i]->d_name[0] == '.')
			continue;
		snprintf(p, sizeof(p), "%s/%s/result.json", dir, names[i]->d_name);
		if (access(p, F_OK) == 0)
		{
			ok = merged_add(m, dir, names[i]->d_name, err);
			continue;
		}
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]->d_name);
		k = scandir(p, &sub, NULL, alphasort);
		for (int j = 0; j < k; j++)
		{
			char rel[200], q[4600];
			snprintf(rel, sizeof(rel), "%s/%s", names[i]->d_name, sub[j]->d_name);
			snprintf(q, sizeof(q), "%s/%s/result.json", dir, rel);
			if (ok && strncmp(sub[j]->d_name, "run-", 4) == 0 && access(q, F_OK) == 0)
				ok = merged_add(m, dir, rel, err);
			free(sub[j]);
		}
		free(sub);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (ok && m->n == before)
		return rp_fail(err, "%s: no result folders (result.json) in it", dir);
	return ok;
}

/* The folders into out, junit.xml and results.tap over them; the status counts in counts. */
static bool merge_results(char** dirs, int nd, const char* out, int counts[RP_STATUS_COUNT],
                          struct rp_err* err)
{
	struct merged m = { 0 };
	double total_ms = 0;
	char path[4300];
	bool ok = true;

	char** dirs_kept;

	for (int i = 0; i < nd && ok; i++)
		ok = collect(&m, dirs[i], err);
	ok = ok && rp_mkdir_p(out, err);
	if (!(dirs_kept = calloc((size_t)(m.n ? m.n : 1), sizeof(*dirs_kept))))
		return rp_fail(err, "out of memory");
	for (int i = 0; ok && i < m.n; i++)
	{
		char src[4300], dst[4300], parent[4300];
		char* slash;
		snprintf(src, sizeof(src), "%s/%s", m.from[i], m.rel[i]);
		snprintf(dst, sizeof(dst), "%s/%s", out, m.rel[i]);
		rp_strlcpy(parent, dst, sizeof(parent));
		if ((slash = strrchr(parent, '/')))
			*slash = '\0';
		if (!rp_remove_tree(dst, err) || !rp_mkdir_p(parent, err) || !copy_tree(src, dst, err))
			ok = false;
		counts[m.o[i].status]++;
		total_ms += m.o[i].wall_ms;
		/* report.html inlines each run's timeline and report.txt from its (copied) folder. */
		if (ok && (dirs_kept[i] = strdup(dst)))
		{
			char* txt = NULL;
			snprintf(path, sizeof(path), "%s/report.txt", dst);
			m.o[i].dir = dirs_kept[i];
			if (access(path, R_OK) == 0 && rp_read_file(path, &txt, err))
				m.o[i].report = txt;
		}
	}
	if (ok)
	{
		snprintf(path, sizeof(path), "%s/junit.xml", out);
		ok = rp_junit_write(path, m.o, m.n, total_ms, err);
		snprintf(path, sizeof(path), "%s/results.tap", out);
		ok = ok && rp_tap_write(path, m.o, m.n, err);
		ok = ok && rp_report_html_write(out, m.o, m.n, err);
	}
	for (int i = 0; i < m.n; i++)
	{
		free(m.o[i].report);
		free(dirs_kept[i]);
	}
	free(dirs_kept);
	free(m.o);
	free(m.rel);
	free(m.from);
	return ok;
}

int rp_merge_main(int argc, char** argv)
{
	static const struct option lo[] = { { "out", required_argument, NULL, 'o' },
		                                 { "help", no_argument, NULL, 'h' },
		                                 { NULL, 0, NULL, 0 } };
	const char* out = NULL;
	struct rp_err err = { "" };
	int counts[RP_STATUS_COUNT] = { 0 };
	int c, nd, sweeps = 0;
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
	for (int i = 0; i < nd; i++)
	{
		char p[1200];
		struct stat st;
		if (stat(dirs[i], &st) != 0 || !S_ISDIR(st.st_mode))
		{
			fprintf(stderr, "rdprepro merge: %s: not a directory\n", dirs[i]);
			return 2;
		}
		if (strcmp(dirs[i], out) == 0)
		{
			fprintf(stderr, "rdprepro merge: %s is an input and the output\n", out);
			return 2;
		}
		snprintf(p, sizeof(p), "%s/sweep.json", dirs[i]);
		sweeps += access(p, F_OK) == 0;
	}
	if (sweeps && sweeps != nd)
	{
		fprintf(stderr, "rdprepro merge: %d of the %d directories are sweeps: merge sweeps with "
		                "sweeps and runs with runs\n", sweeps, nd);
		return 2;
	}
	if (sweeps)
	{
		/* Every shard of one sweep: the same grid. */
		struct rp_sweep *sw = calloc(1, sizeof(*sw)), *other = calloc(1, sizeof(*other));
		char** rdirs = calloc((size_t)nd, sizeof(*rdirs));
		char runs[1200];
		int ret = 2;
		for (int i = 0; sw && other && rdirs && i < nd; i++)
		{
			char p[1200];
			snprintf(p, sizeof(p), "%s/sweep.json", dirs[i]);
			if (!rp_sweep_grid_read(p, i ? other : sw, &err))
			{
				fprintf(stderr, "rdprepro merge: %s\n", err.msg);
				goto sweep_done;
			}
			if (i && (strcmp(sw->base, other->base) || sw->repeat != other->repeat ||
			          sw->n_points != other->n_points ||
			          memcmp(sw->pts, other->pts, sizeof(sw->pts[0]) * (size_t)sw->n_points)))
			{
				fprintf(stderr, "rdprepro merge: %s is another sweep than %s (scenario, repeat "
				                "or grid differ)\n", dirs[i], dirs[0]);
				goto sweep_done;
			}
			if (asprintf(&rdirs[i], "%s/runs", dirs[i]) < 0)
				goto sweep_done;
		}
		snprintf(runs, sizeof(runs), "%s/runs", out);
		if (!sw || !other || !rdirs || !rp_mkdir_p(out, &err) ||
		    !merge_results(rdirs, nd, runs, counts, &err) || !rp_sweep_grid_write(sw, out, &err))
		{
			fprintf(stderr, "rdprepro merge: %s\n", err.msg);
			goto sweep_done;
		}
		printf("merged %d shards of sweep %s\n", nd, sw->base);
		ret = rp_sweep_report(sw, out, runs);
	sweep_done:
		for (int i = 0; rdirs && i < nd; i++)
			free(rdirs[i]);
		free(rdirs);
		free(sw);
		free(other);
		return ret;
	}
	if (!merge_results(dirs, nd, out, counts, &err))
	{
		fprintf(stderr, "rdprepro merge: %s\n", err.msg);
		return 2;
	}
	printf("%d passed, %d failed, %d skipped, %d errors (merged from %d directories; results in "
	       "%s)\n",
	       counts[RP_PASS], counts[RP_FAIL], counts[RP_SKIP], counts[RP_ERROR], nd, out);
	return counts[RP_FAIL] || counts[RP_ERROR] ? 1 : 0;
}
