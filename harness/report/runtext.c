/* runtext.c: the readable block under a run's result line: link, client, verdict with its
 * candidates and what it ruled out, the evidence's summary, the server's timeline, the steps. */
#include "runtext.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

/* Prints the server's report with times relative to the probe's start. */
static void print_server_timeline(FILE* f, const struct result* r, const char* in)
{
	char copy[sizeof(r->server_log)];
	char* save = NULL;
	int col = 0;

	rp_strlcpy(copy, r->server_log, sizeof(copy));
	fprintf(f, "%sserver:", in);
	for (char* line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
	{
		char name[128];
		double t = 0;
		int id = 0;
		if (!rp_server_line(line, &id, name, sizeof(name), &t))
			continue;
		if (col++ % 4 == 0)
			fprintf(f, "\n%s  ", in);
		fprintf(f, " %s@%+.1f", name, r->have_evidence ? t - r->ev.t0_mono_ms : t);
	}
	fprintf(f, "%s\n", col ? " (ms from the client's start)" : " no connection reached it");
}

/* The readable block under a result line: verdict, evidence, server timeline. */
char* rp_report_text(const struct result* r)
{
	char* buf = NULL;
	size_t len = 0;
	FILE* f = open_memstream(&buf, &len);

	if (!f)
		return NULL;
	if (r->link[0])
		fprintf(f, "       link: %s\n", r->link);
	if (r->client[0])
		fprintf(f, "       client: %s\n", r->client);
	if (r->have_evidence)
	{
		char* s = rp_evidence_summary(&r->ev, "       ");
		fprintf(f, "       verdict %s, because %s\n", rp_cause_name(r->verdict.cause),
		        r->verdict.because);
		if (r->verdict.runner_up != RP_CAUSE_COUNT)
			fprintf(f, "       not ruled out: %s: %s\n", rp_cause_name(r->verdict.runner_up),
			        r->verdict.unsure);
		if (r->verdict.n_candidates)
		{
			fprintf(f, "       candidates:");
			for (int k = 0; k < r->verdict.n_candidates; k++)
				fprintf(f, " %s", rp_cause_name(r->verdict.candidates[k]));
			fprintf(f, "\n");
		}
		if (r->verdict.eliminated[0])
			fprintf(f, "       ruled out: %s\n", r->verdict.eliminated);
		/* A client log has facts with their lines, not the probe's record. */
		fputs(r->client_facts[0] ? r->client_facts : s ? s : "", f);
		free(s);
	}
	if (r->server_len)
		print_server_timeline(f, r, "       ");
	if (r->kept[0])
		fprintf(f, "       lab kept: %s\n", r->kept);
	fprintf(f, "       steps (ms):");
	for (int i = 0; i < RP_STEP_COUNT; i++)
		fprintf(f, " %s %.1f", rp_step_name((enum rp_step)i), r->steps_ms[i]);
	fprintf(f, "\n");
	fclose(f);
	return buf;
}
