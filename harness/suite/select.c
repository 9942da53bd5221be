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

