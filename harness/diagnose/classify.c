/* classify.c: `rdprepro classify FILE`: extract the evidence a field report holds, classify
 * it, and say what would settle it and which scenario reproduces it. */
#include "classify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fieldlog.h"
#include "verdict.h"

static const char* const kind_names[] = {
	[RP_LOG_UNKNOWN] = "unknown",
	[RP_LOG_FREERDP] = "FreeRDP client log",
	[RP_LOG_WINDOWS_EVENT] = "Windows RDP client event",
	[RP_LOG_EVIDENCE_JSON] = "rdprepro evidence record",
};

static void print_pair(enum rp_cause c)
{
	const struct rp_cause_info* in = rp_cause_info(c);

	if (in->disc_reason)
		printf("  a Windows client would most plausibly show 0x%X (%s) / extended 0x%X (%s): %s\n",
		       in->disc_reason, in->disc_name, in->ext_reason, in->ext_name, in->basis);
	else
		printf("  a Windows client: %s\n", in->basis);
}

static void print_settle_and_scenario(enum rp_cause c)
{
	const struct rp_cause_info* in = rp_cause_info(c);

	if (in->settle[0])
		printf("    to settle %s: %s\n", rp_cause_name(c), in->settle);
	if (in->scenario[0])
	{
		/* The row may name several: "a, b" -> rdprepro run scenarios/a.scn scenarios/b.scn */
		char list[256];
		char* save = NULL;
		printf("    reproduce %s: rdprepro run", rp_cause_name(c));
		rp_strlcpy(list, in->scenario, sizeof(list));
		for (char* t = strtok_r(list, ", ", &save); t; t = strtok_r(NULL, ", ", &save))
			if (strcmp(t, "(SKIP)") != 0)
				printf(" scenarios/%s.scn", t);
		printf("\n");
	}
}

static int usage(FILE* f)
{
	fprintf(f, "usage: rdprepro classify FILE...\n"
	           "  FILE: a FreeRDP client log (2.x or 3.x, any level; /log-level:DEBUG says most),\n"
	           "  a Windows RDP client event (TerminalServices-RDPClient/Operational 1026, as text\n"
	           "  or XML), or a lab evidence.json. Prints the evidence found with its line, the\n"
	           "  verdict, what would settle it, and the scenario that reproduces it.\n"
	           "exit: 0 classified (undetermined included), 2 unreadable input or usage.\n");
	return f == stderr ? 2 : 0;
}

int rp_classify_main(int argc, char** argv)
{
	int ret = 0;

	if (argc < 2)
		return usage(stderr);
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		return usage(stdout);
	for (int i = 1; i < argc; i++)
	{
		struct rp_fieldlog log;
		struct rp_field_verdict fv;
		struct rp_err err = { "" };

		if (!rp_fieldlog_read(argv[i], &log, &err))
		{
			fprintf(stderr, "rdprepro classify: %s\n", err.msg);
			ret = 2;
			continue;
		}
		rp_fieldlog_classify(&log, &fv);
		printf("%s: %s", argv[i], kind_names[log.kind]);
		if (log.kind == RP_LOG_FREERDP && log.freerdp_major)
			printf(" (FreeRDP %d.x)", log.freerdp_major);
		if (log.n_lines)
			printf(", %d lines", log.n_lines);
		printf("\nevidence:\n");
		if (log.kind == RP_LOG_EVIDENCE_JSON)
		{
			char* s = rp_evidence_summary(&log.ev, "  ");
			fputs(s ? s : "", stdout);
			free(s);
		}
		else if (log.n_facts == 0)
			printf("  (none the rules can read)\n");
		for (int k = 0; k < log.n_facts; k++)
			printf("  line %d: %s\n    | %s\n", log.facts[k].line, log.facts[k].fact,
			       log.facts[k].text);
		printf("verdict: %s (confidence %s)\n  because %s\n", rp_cause_name(fv.v.cause),
		       rp_confidence_name(fv.v.confidence), fv.v.because);
		if (fv.v.runner_up != RP_CAUSE_COUNT)
			printf("  not ruled out: %s: %s\n", rp_cause_name(fv.v.runner_up), fv.v.unsure);
		if (fv.v.eliminated[0])
			printf("  ruled out: %s\n", fv.v.eliminated);
		if (fv.n_candidates)
		{
			printf("  candidates:");
			for (int k = 0; k < fv.n_candidates; k++)
				printf(" %s", rp_cause_name(fv.candidates[k]));
			printf("\n");
		}
		if (fv.v.cause != RP_CAUSE_UNDETERMINED)
			print_pair(fv.v.cause);
		printf("  next:\n");
		if (fv.v.cause == RP_CAUSE_UNDETERMINED && fv.n_candidates == 0)
			print_settle_and_scenario(RP_CAUSE_UNDETERMINED);
		if (fv.v.cause != RP_CAUSE_UNDETERMINED && fv.v.cause != RP_CAUSE_CONNECTED)
			print_settle_and_scenario(fv.v.cause);
		if (fv.v.runner_up != RP_CAUSE_COUNT)
			print_settle_and_scenario(fv.v.runner_up);
		for (int k = 0; k < fv.n_candidates; k++)
			print_settle_and_scenario(fv.candidates[k]);
		if (i + 1 < argc)
			printf("\n");
	}
	return ret;
}
