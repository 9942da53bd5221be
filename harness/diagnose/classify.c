/* classify.c: `rdprepro classify FILE`: extract the evidence a field report holds, classify
 * it, and say what would settle it and which scenario reproduces it. */
#include "classify.h"

#include <stdio.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <sys/prctl.h>

#include "priv.h"
#include "util.h"

#include "fieldlog.h"
#include "verdict.h"

static const char* const kind_names[] = {
	[RP_LOG_UNKNOWN] = "unknown",
	[RP_LOG_FREERDP] = "RDP client log",
	[RP_LOG_WINDOWS_EVENT] = "Windows events",
	[RP_LOG_EVIDENCE_JSON] = "rdprepro evidence record",
	[RP_LOG_WINDOWS_DIALOG] = "Windows client dialog",
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

/* Where the commands we print live: this very binary (/proc/self/exe) and the source tree's
 * scenarios/ (beside netem/, which the build knows), so that each runs as printed from any
 * directory. */
static void tool_paths(char* exe, size_t ne, char* scn, size_t ns)
{
	char dir[PATH_MAX];
	ssize_t k = readlink("/proc/self/exe", exe, ne - 1);

	if (k <= 0)
		rp_strlcpy(exe, "rdprepro", ne);
	else
		exe[k] = '\0';
	rp_strlcpy(dir, RDPREPRO_NETEM_DIR, sizeof(dir));
	snprintf(scn, ns, "%s/../scenarios", dir);
	if (!realpath(scn, dir) || access(dir, R_OK) != 0)
		rp_strlcpy(scn, "scenarios", ns);
	else
		rp_strlcpy(scn, dir, ns);
}

static void print_next(const struct rp_field_verdict* fv)
{
	enum rp_cause c[RP_CAUSE_COUNT + 2];
	int n = rp_field_verdict_causes(fv, c);
	char exe[PATH_MAX], scn[PATH_MAX];
	bool any = false;

	for (int i = 0; i < n; i++)
		if (rp_cause_info(c[i])->settle[0])
		{
			if (!any)
				printf("  to settle:\n");
			any = true;
			printf("    %s: %s\n", rp_cause_name(c[i]), rp_cause_info(c[i])->settle);
		}
	tool_paths(exe, sizeof(exe), scn, sizeof(scn));
	any = false;
	for (int i = 0; i < n; i++)
	{
		/* The row may name several: "a, b" -> one command running both. */
		const struct rp_cause_info* in = rp_cause_info(c[i]);
		char list[256];
		char* save = NULL;
		int k = 0;

		rp_strlcpy(list, in->scenario, sizeof(list));
		for (char* t = strtok_r(list, ", ", &save); t; t = strtok_r(NULL, ", ", &save))
		{
			if (strcmp(t, "(SKIP)") == 0)
				continue;
			if (!any)
				printf("  next: (each line is a command: it reproduces the cause in a lab, as root)\n");
			any = true;
			if (k++ == 0)
				printf("    %s run", exe);
			printf(" %s/%s.scn", scn, t);
		}
		if (k)
			printf("   # %s\n", rp_cause_name(c[i]));
	}
}

/* How the input was read: "read as UTF-16LE (BOM), 12345 bytes", and what was repaired. */
static void print_read_as(const struct rp_fieldlog* log)
{
	printf("read as %s, %zu bytes", log->enc.name, log->bytes);
	if (log->enc.nul_bytes)
		printf(", %zu NUL bytes dropped", log->enc.nul_bytes);
	if (log->enc.replaced)
		printf(", %zu invalid sequences replaced (U+FFFD)", log->enc.replaced);
	printf("\n");
}

static int usage(FILE* f)
{
	fprintf(f,
	        "usage: rdprepro classify FILE...\n"
	        "  FILE: a FreeRDP client log (1.x, 2.x or 3.x, any level; /log-level:DEBUG says\n"
	        "  most), also inside Remmina's, guacd's, journald's, docker's, logcat's lines;\n"
	        "  rdesktop's, IronRDP's (Teleport's), guacd's and Guacamole's own words;\n"
	        "  the Windows client's dialog in any language (Ctrl+C on it), and the sentences of\n"
	        "  Microsoft's other clients (Windows App, web, Mac, iOS, Android); AVD's error\n"
	        "  names; Windows events (the RDP client's and the server's: Event Viewer text,\n"
	        "  XML, Get-WinEvent output) or an .evtx file; or a lab evidence.json. `-` reads\n"
	        "  standard input to its end. A regular file or `-` only (a FIFO, a device, a\n"
	        "  socket or a directory is refused), at most %zu MiB; text in UTF-8 or UTF-16\n"
	        "  (LE or BE, with or without a BOM: what PowerShell 5.1's Out-File and Notepad's\n"
	        "  \"Unicode\" write), converted to UTF-8. Prints the format it read, the encoding\n"
	        "  (\"read as UTF-16LE (BOM), N bytes\"), the evidence found with its line, the\n"
	        "  verdict, what would settle it, and under next: the commands that reproduce each\n"
	        "  named cause.\n"
	        "exit: 0 classified (undetermined included), 2 unreadable or refused input, or\n"
	        "      usage.\n",
	        RP_FIELDLOG_MAX >> 20);
	return f == stderr ? 2 : 0;
}

/* Root (a support engineer's sudo, a CI job) reads the inputs it was named, and nothing more:
 * what follows parses a stranger's bytes, and needs no right at all (docs/security.md). An
 * ordinary user has nothing to leave. */
static bool leave_root(struct rp_err* err)
{
	struct rp_identity id;

	if (geteuid() != 0)
		return true;
	rp_identity_for(getpid(), &id);
	if (!rp_drop_privileges(&id))
		return rp_fail(err, "cannot leave root's rights before reading the logs: %s",
		               strerror(errno));
	/* A change of uid makes the process undumpable, and its /proc/self root's: the .evtx
	 * reader opens its bytes as /proc/self/fd/N. */
	prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
	return true;
}

int rp_classify_main(int argc, char** argv)
{
	int ret = 0, n = argc - 1;
	char** raw;
	size_t* len;
	struct rp_err err = { "" };

	if (argc < 2)
		return usage(stderr);
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0)
		return usage(stdout);
	raw = calloc((size_t)n, sizeof(*raw));
	len = calloc((size_t)n, sizeof(*len));
	if (!raw || !len)
	{
		free(raw);
		free(len);
		fprintf(stderr, "rdprepro classify: out of memory\n");
		return 2;
	}
	for (int i = 0; i < n; i++)
		if (!rp_fieldlog_read_raw(argv[i + 1], &raw[i], &len[i], &err))
		{
			fprintf(stderr, "rdprepro classify: %s\n", err.msg);
			ret = 2;
		}
	if (!leave_root(&err))
	{
		fprintf(stderr, "rdprepro classify: %s\n", err.msg);
		n = 0;
		ret = 2;
	}
	for (int i = 1; i <= n; i++)
	{
		struct rp_fieldlog log;
		struct rp_field_verdict fv;
		const char* name = strcmp(argv[i], "-") == 0 ? "standard input" : argv[i];
		bool ok;

		if (!raw[i - 1])
			continue;
		ok = rp_fieldlog_parse_bytes(name, raw[i - 1], len[i - 1], &log, NULL, &err);
		free(raw[i - 1]);
		raw[i - 1] = NULL;
		if (!ok)
		{
			fprintf(stderr, "rdprepro classify: %s\n", err.msg);
			ret = 2;
			continue;
		}
		rp_fieldlog_classify(&log, &fv);
		printf("%s: %s", name, kind_names[log.kind]);
		if (log.family[0])
			printf(" (%s)", log.family);
		else if (log.kind == RP_LOG_FREERDP && log.freerdp_major)
			printf(" (FreeRDP %d.x)", log.freerdp_major);
		if (log.n_lines)
			printf(", %d lines", log.n_lines);
		if (log.evtx_records)
			printf(" from %d .evtx records", log.evtx_records);
		printf("\n");
		print_read_as(&log);
		if (log.wrappers[0])
			printf("read through: %s\n", log.wrappers);
		if (log.kind != RP_LOG_EVIDENCE_JSON)
		{
			printf("not understood: %d error-looking line%s%s%s", log.n_unread,
			       log.n_unread == 1 ? "" : "s", log.family[0] ? " of " : "", log.family);
			if (log.n_unread)
				printf(" (the first, line %d: %.100s)", log.unread_line, log.unread_text);
			printf("\n");
		}
		printf("evidence:\n");
		if (log.kind == RP_LOG_EVIDENCE_JSON)
		{
			char* s = rp_evidence_summary(&log.ev, "  ");
			fputs(s ? s : "", stdout);
			free(s);
		}
		else if (log.n_facts == 0)
			printf("  (none the rules can read)\n");
		for (int k = 0; k < log.n_facts; k++)
			if (log.facts[k].line > 0)
				printf("  line %d: %s\n    | %s\n", log.facts[k].line, log.facts[k].fact,
				       log.facts[k].text);
			else
				printf("  the whole log: %s\n", log.facts[k].fact);
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
		print_next(&fv);
		if (i + 1 < argc)
			printf("\n");
	}
	for (int i = 0; i < argc - 1; i++)
		free(raw[i]);
	free(raw);
	free(len);
	return ret;
}
