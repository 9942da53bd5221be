/* variants_matrix.c: the confusion matrix of a run over the variants (variants.c draws them):
 * each result's cause drawn against its verdict, and every draw whose verdict was not one the
 * file accepts. A run with --repeat keeps each repeat in NAME/run-K/: each is a draw. */
#include "variants_matrix.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "artifact.h"
#include "grid.h"
#include "results.h"
#include "resultjson.h"
#include "verdict.h"

static int cause_index(const char* name)
{
	enum rp_cause c = rp_cause_from_name(name);
	return c == RP_CAUSE_COUNT ? -1 : (int)c;
}

struct tally
{
	int m[RP_CAUSE_COUNT][RP_CAUSE_COUNT];
	bool used[RP_CAUSE_COUNT];
	int total, exact, acceptable, wrong_named, wrong_undet, skipped;
};

/* One result.json into the tally; false if there is none readable at path. */
static bool count(struct tally* t, const char* path)
{
	struct rp_outcome o;
	struct rp_err err = { "" };
	char line[2048];
	int e, v;

	if (!rp_result_read(path, &o, &err))
		return false;
	if (o.status == RP_SKIP)
	{
		t->skipped++;
		return true;
	}
	e = cause_index(o.expected);
	v = cause_index(o.verdict);
	if (e < 0 || v < 0)
		return true;
	t->total++;
	t->m[e][v]++;
	t->used[v] = true;
	if (o.status == RP_PASS && strcmp(o.accepted, "exact") == 0)
		t->exact++;
	else if (o.status == RP_PASS)
		t->acceptable++;
	else
	{
		bool named = v != RP_CAUSE_UNDETERMINED;
		t->wrong_named += named;
		t->wrong_undet += !named;
		snprintf(line, sizeof(line), "  %s: %s (%s%s%s), expected %s: %s", o.scenario, o.verdict,
		         o.confidence, o.candidates[0] ? "; candidates " : "", o.candidates, o.expected,
		         o.because);
		printf("%s%s\n", line, named ? "  <- WRONG, NAMED" : "");
	}
	return true;
}

/* A scenario's folder: its result.json, or its repeats' run-K/result.json in K's order. */
static void count_folder(struct tally* t, const char* dir, const char* name)
{
	char path[1024];
	struct dirent** runs = NULL;
	int n;

	snprintf(path, sizeof(path), "%s/%s/result.json", dir, name);
	if (count(t, path))
		return;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	n = scandir(path, &runs, NULL, versionsort);
	for (int i = 0; i < n; i++)
	{
		if (rp_run_folder(runs[i]->d_name, RP_SWEEP_MAX_REPEAT) > 0)
		{
			snprintf(path, sizeof(path), "%s/%s/%s/result.json", dir, name, runs[i]->d_name);
			count(t, path);
		}
		free(runs[i]);
	}
	free(runs);
}

int rp_variants_matrix(const char* dir)
{
	static struct tally t;
	struct dirent** names = NULL;
	int n = scandir(dir, &names, NULL, alphasort);

	if (n < 0)
	{
		fprintf(stderr, "rdprepro variants: %s: %s\n", dir, strerror(errno));
		return 2;
	}
	memset(&t, 0, sizeof(t));
	printf("not acceptable:\n");
	for (int i = 0; i < n; i++)
	{
		if (names[i]->d_name[0] != '.')
			count_folder(&t, dir, names[i]->d_name);
		free(names[i]);
	}
	free(names);
	printf("\nconfusion matrix (rows: the cause drawn; columns: the verdict):\n%-22s", "");
	for (int c = 0; c < RP_CAUSE_COUNT; c++)
		if (t.used[c])
			printf(" %5.5s", rp_cause_name((enum rp_cause)c));
	printf("\n");
	for (int e = 0; e < RP_CAUSE_COUNT; e++)
	{
		int row = 0;
		for (int c = 0; c < RP_CAUSE_COUNT; c++)
			row += t.m[e][c];
		if (!row)
			continue;
		printf("%-22s", rp_cause_name((enum rp_cause)e));
		for (int c = 0; c < RP_CAUSE_COUNT; c++)
			if (t.used[c])
				printf(" %5d", t.m[e][c]);
		printf("\n");
	}
	printf("\n%d draws: %d exact, %d acceptable (%.1f %% in all), %d not acceptable "
	       "(%d undetermined without the cause, %d a wrong cause named), %d skipped\n",
	       t.total, t.exact, t.acceptable,
	       t.total ? 100.0 * (t.exact + t.acceptable) / t.total : 0.0, t.wrong_named + t.wrong_undet,
	       t.wrong_undet, t.wrong_named, t.skipped);
	return t.wrong_named ? 1 : 0;
}
