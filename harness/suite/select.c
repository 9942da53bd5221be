/* select.c: which scenarios a suite runs: the files and directories given, every file parsed
 * before any runs, -n NAME and -k KEYWORD, and this shard's part. */
#include "select.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* By name alone, whatever the entry is: a FIFO, a device or a directory named x.scn is kept,
 * so that loading it refuses it with its reason (rp_scenario_load: exit 2, without blocking
 * or opening a device) instead of a suite that silently runs one scenario fewer. */
static int scn_filter(const struct dirent* e)
{
	size_t n = strlen(e->d_name);
	return n > 4 && strcmp(e->d_name + n - 4, ".scn") == 0;
}

/* Expands FILES|DIRS into scenario paths (a directory: its *.scn, sorted). */
bool rp_collect_scenarios(char** args, int n, char*** out, int* count, struct rp_err* err)
{
	char** paths = calloc(MAX_SCENARIOS, sizeof(char*));
	int k = 0;

	if (!paths)
		return rp_fail(err, "out of memory");
	for (int i = 0; i < n; i++)
	{
		struct stat st;
		if (stat(args[i], &st) != 0)
		{
			rp_fail(err, "%s: %s", args[i], strerror(errno));
			goto fail;
		}
		if (S_ISDIR(st.st_mode))
		{
			struct dirent** list = NULL;
			int m = scandir(args[i], &list, scn_filter, alphasort);
			if (m < 0)
			{
				rp_fail(err, "%s: %s", args[i], strerror(errno));
				goto fail;
			}
			for (int j = 0; j < m; j++)
			{
				char p[4096];
				snprintf(p, sizeof(p), "%s%s%s", args[i],
				         args[i][strlen(args[i]) - 1] == '/' ? "" : "/", list[j]->d_name);
				if (k < MAX_SCENARIOS)
					paths[k++] = strdup(p);
				free(list[j]);
			}
			free(list);
		}
		else if (k < MAX_SCENARIOS)
			paths[k++] = strdup(args[i]);
	}
	*out = paths;
	*count = k;
	return true;
fail:
	for (int i = 0; i < k; i++)
		free(paths[i]);
	free(paths);
	return false;
}

static bool has_keyword(const struct rp_scenario* sc, const char* word)
{
	const char* k = sc->keywords;
	size_t n = strlen(word);

	while (*k)
	{
		size_t m;
		k += strspn(k, " ,");
		m = strcspn(k, " ,");
		if (m == n && strncmp(k, word, n) == 0)
			return true;
		k += m;
	}
	return false;
}

static bool selected(const struct rp_scenario* sc, const struct run_opts* o)
{
	bool ok = o->n_names == 0;

	for (int i = 0; i < o->n_names && !ok; i++)
		ok = fnmatch(o->names[i], sc->name, 0) == 0;
	if (!ok)
		return false;
	if (o->n_keywords == 0)
		return true;
	for (int i = 0; i < o->n_keywords; i++)
		if (has_keyword(sc, o->keywords[i]))
			return true;
	return false;
}

/* Every file parsed before any runs (a typo stops the suite before it starts), the selection
 * (-n, -k) and this shard's part of it into *out, *n_out; -1 to go on, else the exit status. */
int rp_load_selection(char** paths, int n, const struct run_opts* o, bool list_only,
                          struct rp_scenario** out, int* n_out)
{
	struct rp_scenario* scs = *out = calloc((size_t)n + 1, sizeof(*scs));
	struct rp_err err = { "" };
	int n_sel = 0;

	if (!scs)
		return 2;
	for (int i = 0; i < n; i++)
	{
		struct rp_scenario sc;
		if (!rp_scenario_load(&sc, paths[i], &err))
		{
			fprintf(stderr, "%s\n", err.msg);
			return 2;
		}
		for (int j = 0; j < n_sel; j++)
			if (strcmp(scs[j].name, sc.name) == 0)
			{
				fprintf(stderr, "%s: scenario name \"%s\" also used by %s\n", sc.path, sc.name,
				        scs[j].path);
				return 2;
			}
		/* Shards interleave over the whole sorted selection: I, I+N, I+2N, ... */
		if (selected(&sc, o))
			scs[n_sel++] = sc;
	}
	if (n_sel == 0)
	{
		fprintf(stderr, "rdprepro: no scenario selected\n");
		return 2;
	}
	{
		int k = 0;
		for (int i = 0; i < n_sel; i++)
			if (i % o->shard_n == o->shard_i - 1)
				scs[k++] = scs[i];
		n_sel = k;
	}
	if (n_sel == 0)
	{
		/* More shards than scenarios in a CI matrix: this shard has nothing to do. */
		fprintf(stderr, "rdprepro: shard %d/%d: nothing to run\n", o->shard_i, o->shard_n);
		return list_only ? 0 : o->skip_code;
	}
	if (list_only)
	{
		for (int i = 0; i < n_sel; i++)
			printf("%s\n", scs[i].name);
		return 0;
	}
	*n_out = n_sel;
	return -1;
}


/* ---- shards from the environment of the engines users have ---- */

/* One engine's pair of variables: the index (base 0 or 1) and the count. */
struct shard_env
{
	const char* engine;
	const char* index;
	const char* count;
	int base;
};

static const struct shard_env shard_envs[] = {
	/* Slurm array jobs: the task id counts from SLURM_ARRAY_TASK_MIN in steps of
	 * SLURM_ARRAY_TASK_STEP (sbatch --array=0-3, 1-4 or 0-6:2); handled below. */
	{ "Slurm", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT", -1 },
	/* Kubernetes Indexed Jobs set the 0-based index; the count (spec.completions) is not in
	 * the pod's environment: the manifest sets RDPREPRO_SHARDS to it (docs/sharding.md). */
	{ "a Kubernetes Indexed Job", "JOB_COMPLETION_INDEX", "RDPREPRO_SHARDS", 0 },
	{ "GitLab CI (parallel)", "CI_NODE_INDEX", "CI_NODE_TOTAL", 1 },
	{ "CircleCI (parallelism)", "CIRCLE_NODE_INDEX", "CIRCLE_NODE_TOTAL", 0 },
	{ "Buildkite (parallelism)", "BUILDKITE_PARALLEL_JOB", "BUILDKITE_PARALLEL_JOB_COUNT", 0 },
};

static bool env_long(const char* name, long* v)
{
	const char* s = getenv(name);
	char* end;

	if (!s || !*s)
		return false;
	errno = 0;
	*v = strtol(s, &end, 10);
	return !errno && !*end;
}

bool rp_shard_parse(const char* s, int* i, int* n, char* from, size_t from_n, struct rp_err* err)
{
	char extra;

	from[0] = '\0';
	if (strcmp(s, "auto") != 0)
	{
		if (sscanf(s, "%d/%d%c", i, n, &extra) != 2 || *n < 1 || *i < 1 || *i > *n)
			return rp_fail(err, "bad shard \"%s\" (I/N, 1 <= I <= N, or auto)", s);
		return true;
	}
	for (size_t k = 0; k < sizeof(shard_envs) / sizeof(shard_envs[0]); k++)
	{
		const struct shard_env* e = &shard_envs[k];
		long idx, count, min = 0, step = 1;
		if (!env_long(e->index, &idx))
			continue;
		if (!env_long(e->count, &count))
			return rp_fail(err, "%s is set (%s) but not %s", e->index,
			               getenv(e->index), e->count);
		if (e->base < 0)
		{
			if (!env_long("SLURM_ARRAY_TASK_MIN", &min))
				min = 0;
			if (!env_long("SLURM_ARRAY_TASK_STEP", &step) || step < 1)
				step = 1;
			idx = (idx - min) / step + 1;
		}
		else
			idx += 1 - e->base;
		if (count < 1 || count > 100000 || idx < 1 || idx > count)
			return rp_fail(err, "%s=%s and %s=%s make no shard of 1..N", e->index,
			               getenv(e->index), e->count, getenv(e->count));
		*i = (int)idx;
		*n = (int)count;
		snprintf(from, from_n, "%s: %s=%s, %s=%s", e->engine, e->index, getenv(e->index), e->count,
		         getenv(e->count));
		return true;
	}
	return rp_fail(err, "auto: no shard in the environment (looked for Slurm's "
	                    "SLURM_ARRAY_TASK_ID, Kubernetes' JOB_COMPLETION_INDEX with RDPREPRO_SHARDS, "
	                    "GitLab's CI_NODE_INDEX, CircleCI's CIRCLE_NODE_INDEX, Buildkite's "
	                    "BUILDKITE_PARALLEL_JOB)");
}
