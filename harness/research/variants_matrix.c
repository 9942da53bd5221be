/* variants_matrix.c: the confusion matrix of a run over the variants (variants.c draws them):
 * each result's cause drawn against its verdict, and every draw whose verdict was not one the
 * file accepts. */
#include "variants_matrix.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "results.h"
#include "resultjson.h"
#include "verdict.h"

static int cause_index(const char* name)
{
	enum rp_cause c = rp_cause_from_name(name);
	return c == RP_CAUSE_COUNT ? -1 : (int)c;
}

int rp_variants_matrix(const char* dir)
{
	static int m[RP_CAUSE_COUNT][RP_CAUSE_COUNT];
	int total = 0, exact = 0, acceptable = 0, wrong_named = 0, wrong_undet = 0, skipped = 0;
	struct dirent** names = NULL;
	int n = scandir(dir, &names, NULL, alphasort);
	char line[2048];

	if (n < 0)
	{
		fprintf(stderr, "rdprepro variants: %s: %s\n", dir, strerror(errno));
		return 2;
	}
	bool used[RP_CAUSE_COUNT] = { false };

	memset(m, 0, sizeof(m));
	printf("not acceptable:\n");
	for (int i = 0; i < n; i++)
	{
		struct rp_outcome o;
		struct rp_err err = { "" };
		char path[1024];
		int e, v;
		snprintf(path, sizeof(path), "%s/%s/result.json", dir, names[i]->d_name);
		if (names[i]->d_name[0] == '.' || !rp_result_read(path, &o, &err))
			continue;
		if (o.status == RP_SKIP)
		{
			skipped++;
			continue;
		}
		e = cause_index(o.expected);
		v = cause_index(o.verdict);
		if (e < 0 || v < 0)
			continue;
		total++;
		m[e][v]++;
		used[v] = true;
		if (o.status == RP_PASS && strcmp(o.accepted, "exact") == 0)
			exact++;
		else if (o.status == RP_PASS)
			acceptable++;
		else
		{
			bool named = v != RP_CAUSE_UNDETERMINED;
			wrong_named += named;
			wrong_undet += !named;
			snprintf(line, sizeof(line), "  %s: %s (%s%s%s), expected %s: %s", o.scenario,
			         o.verdict, o.confidence, o.candidates[0] ? "; candidates " : "",
			         o.candidates, o.expected, o.because);
			printf("%s%s\n", line, named ? "  <- WRONG, NAMED" : "");
		}
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	printf("\nconfusion matrix (rows: the cause drawn; columns: the verdict):\n%-22s", "");
	for (int c = 0; c < RP_CAUSE_COUNT; c++)
		if (used[c])
			printf(" %5.5s", rp_cause_name((enum rp_cause)c));
	printf("\n");
	for (int e = 0; e < RP_CAUSE_COUNT; e++)
	{
		int row = 0;
		for (int c = 0; c < RP_CAUSE_COUNT; c++)
			row += m[e][c];
		if (!row)
			continue;
		printf("%-22s", rp_cause_name((enum rp_cause)e));
		for (int c = 0; c < RP_CAUSE_COUNT; c++)
			if (used[c])
				printf(" %5d", m[e][c]);
		printf("\n");
	}
	printf("\n%d draws: %d exact, %d acceptable (%.1f %% in all), %d not acceptable "
	       "(%d undetermined without the cause, %d a wrong cause named), %d skipped\n",
	       total, exact, acceptable, total ? 100.0 * (exact + acceptable) / total : 0.0,
	       wrong_named + wrong_undet, wrong_undet, wrong_named, skipped);
	return wrong_named ? 1 : 0;
}
