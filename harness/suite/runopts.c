/* runopts.c: `rdprepro run`'s options: its usage text, each option checked and quoting a bad
 * value back, the shard from the option or the environment. */
#include "runopts.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lab.h"
#include "proc.h"
#include "select.h"
#include "vm.h"

/* The options that have no short form. */
enum
{
	OPT_SHARD = 256,
	OPT_SEED,
	OPT_KEEP,
	OPT_CAPTURE,
	OPT_RESULTS,
	OPT_SKIP_CODE,
	OPT_LIST,
	OPT_BACKEND,
	OPT_FREERDP_LOG,
	OPT_VM,
	OPT_NO_VM,
	OPT_VARY_SEED,
	OPT_QUIET,
};

static int run_usage(FILE* f)
{
	fprintf(f,
	        "usage: rdprepro run [options] [FILE|DIR...]\n"
	        "  Runs each scenario (a .scn file, or every .scn in a DIR; default scenarios/) in its\n"
	        "  own lab and prints PASS, FAIL, SKIP or ERROR with the evidence.\n"
	        "options:\n"
	        "  -n, --name GLOB    only scenarios whose name matches (repeatable)\n"
	        "  -k, --keyword WORD only scenarios with this keyword (repeatable: any of them)\n"
	        "  -j, --jobs N|auto  scenarios in parallel, each in its own lab (default: auto, as\n"
	        "                     many as memory allows up to 16, each started while the CPUs\n"
	        "                     are less than 75 %% busy)\n"
	        "  -r, --repeat N     run each scenario N times and count the verdicts\n"
	        "      --vary-seed    run K of --repeat takes the seed + K - 1 (fresh random draws)\n"
	        "      --quiet        no evidence per run and no table: the last line only\n"
	        "      --shard I/N    only the I-th of N interleaved slices of the selection (CI);\n"
	        "                     auto: from Slurm, Kubernetes Indexed Job, GitLab, CircleCI or\n"
	        "                     Buildkite variables (docs/sharding.md); RDPREPRO_SHARD=I/N|auto\n"
	        "                     is the same where the option is not given\n"
	        "      --seed N       the seed of every random decision (default: the scenario's)\n"
	        "      --keep         leave a failed scenario's lab up for inspection\n"
	        "      --capture      write a pcap per router link into each result folder\n"
	        "      --results DIR  result folders, junit.xml, results.tap (default ./results)\n"
	        "      --skip-code N  exit with N when every scenario was skipped (default 0)\n"
	        "      --list         print the selected scenarios (after -n, -k, --shard); run none\n"
	        "      --backend B    link shaping: auto (netem if the kernel has it), netem, engine\n"
	        "      --freerdp-log L  FreeRDP's log level in probe.log (DEBUG for classify)\n"
	        "      --vm           run the whole selection inside a qemu guest (Debian's kernel on\n"
	        "                     this machine's root, as root there, with real netem); the\n"
	        "                     default runs there only where no namespace can be had here\n"
	        "      --no-vm        never: without namespaces, every scenario is a SKIP\n"
	        "  -v, --verbose      echo every lab command\n"
	        "exit: 0 all passed or skipped, 1 a failure or error, 2 usage or parse error,\n"
	        "      128+N interrupted by signal N (the labs are removed first)\n");
	return f == stderr ? 2 : 0;
}

static bool parse_count(const char* opt, const char* s, int lo, int hi, int* out)
{
	char* end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || *end || end == s || v < lo || v > hi)
	{
		fprintf(stderr, "rdprepro run: %s: bad number \"%s\" (%d to %d)\n", opt, s, lo, hi);
		return false;
	}
	*out = (int)v;
	return true;
}

/* One of words (case-insensitive when nocase), or a usage error quoting the bad value with
 * the words it could have been. */
static bool parse_word(const char* opt, const char* s, const char* const* words, bool nocase)
{
	char list[256] = "";

	for (int i = 0; words[i]; i++)
	{
		if (nocase ? strcasecmp(s, words[i]) == 0 : strcmp(s, words[i]) == 0)
			return true;
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s", i ? ", " : "", words[i]);
	}
	fprintf(stderr, "rdprepro run: %s: what is \"%s\"? (%s)\n", opt, s, list);
	return false;
}

static const char* const log_levels[] = { "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "OFF",
	                                      NULL };
static const char* const backends[] = { "auto", "netem", "engine", NULL };

/* --shard I/N or auto (select.h); where it came from the environment, one line says so. */
static bool parse_shard(const char* opt, const char* s, int* i, int* n)
{
	struct rp_err err = { "" };
	char from[256];

	if (!rp_shard_parse(s, i, n, from, sizeof(from), &err))
	{
		fprintf(stderr, "rdprepro run: %s: %s\n", opt, err.msg);
		return false;
	}
	if (from[0])
		fprintf(stderr, "rdprepro: shard %d/%d from %s\n", *i, *n, from);
	return true;
}

/* One option of `run` into o; -1 to go on, else the exit status (2: a usage error). */
static int take_option(int c, struct run_opts* o, bool* list_only, bool* shard_given)
{
	switch (c)
	{
		case 'n':
		case 'k':
			if ((c == 'n' ? o->n_names : o->n_keywords) >= 16)
			{
				fprintf(stderr, "rdprepro run: at most 16 of -%c\n", c);
				return 2;
			}
			if (c == 'n')
				o->names[o->n_names++] = optarg;
			else
				o->keywords[o->n_keywords++] = optarg;
			return -1;
		case 'j':
			if (strcmp(optarg, "auto") == 0)
				o->jobs = 0;
			else if (!parse_count("--jobs", optarg, 1, 64, &o->jobs))
				return 2;
			return -1;
		case 'r':
			if (!parse_count("--repeat", optarg, 1, 1000, &o->repeat))
				return 2;
			return -1;
		case OPT_SHARD:
			if (!parse_shard("--shard", optarg, &o->shard_i, &o->shard_n))
				return 2;
			*shard_given = true;
			return -1;
		case OPT_VARY_SEED:
			o->vary_seed = true;
			return -1;
		case OPT_QUIET:
			o->quiet = true;
			return -1;
		case OPT_SEED:
		{
			int v;
			if (!parse_count("--seed", optarg, 0, 2147483647, &v))
				return 2;
			o->seed = (unsigned)v;
			o->have_seed = true;
			return -1;
		}
		case OPT_KEEP:
			o->keep = true;
			return -1;
		case OPT_LIST:
			*list_only = true;
			return -1;
		case OPT_FREERDP_LOG:
			if (!parse_word("--freerdp-log", optarg, log_levels, true))
				return 2;
			o->freerdp_log = optarg;
			return -1;
		case OPT_BACKEND:
			if (!parse_word("--backend", optarg, backends, false))
				return 2;
			o->backend = optarg;
			return -1;
		case OPT_CAPTURE:
			o->capture = true;
			return -1;
		case OPT_VM:
		case OPT_NO_VM:
			o->vm = c == OPT_VM ? RP_VM_ON : RP_VM_OFF;
			return -1;
		case OPT_RESULTS:
			o->results = optarg;
			return -1;
		case OPT_SKIP_CODE:
			if (!parse_count("--skip-code", optarg, 0, 255, &o->skip_code))
				return 2;
			return -1;
		case 'v':
			o->verbose = true;
			return -1;
		case 'h':
			return run_usage(stdout);
		default:
			return run_usage(stderr);
	}
	return -1;
}

/* The options of `run` into o; -1 to go on, else the exit status (2: a usage error). */
int rp_run_options(int argc, char** argv, struct run_opts* o, bool* list_only)
{
	static const struct option lo[] = {
		{ "name", required_argument, NULL, 'n' },     { "keyword", required_argument, NULL, 'k' },
		{ "jobs", required_argument, NULL, 'j' },     { "repeat", required_argument, NULL, 'r' },
		{ "shard", required_argument, NULL, OPT_SHARD },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ "keep", no_argument, NULL, OPT_KEEP },      { "capture", no_argument, NULL, OPT_CAPTURE },
		{ "results", required_argument, NULL, OPT_RESULTS },
		{ "skip-code", required_argument, NULL, OPT_SKIP_CODE },
		{ "list", no_argument, NULL, OPT_LIST },
		{ "backend", required_argument, NULL, OPT_BACKEND },
		{ "freerdp-log", required_argument, NULL, OPT_FREERDP_LOG },
		{ "vm", no_argument, NULL, OPT_VM },          { "no-vm", no_argument, NULL, OPT_NO_VM },
		{ "vary-seed", no_argument, NULL, OPT_VARY_SEED },
		{ "quiet", no_argument, NULL, OPT_QUIET },
		{ "verbose", no_argument, NULL, 'v' },        { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, ret;
	bool shard_given = false;

	optind = 1;
	while ((c = getopt_long(argc, argv, "n:k:j:r:vh", lo, NULL)) != -1)
	{
		if ((ret = take_option(c, o, list_only, &shard_given)) >= 0)
			return ret;
	}
	/* RDPREPRO_SHARD (I/N or auto) is --shard for a job whose command line is shared (a
	 * GitHub Actions matrix sets it per job); the option wins. */
	if (!shard_given && getenv("RDPREPRO_SHARD") && *getenv("RDPREPRO_SHARD") &&
	    !parse_shard("RDPREPRO_SHARD", getenv("RDPREPRO_SHARD"), &o->shard_i, &o->shard_n))
		return 2;
	g_verbose = o->verbose;
	rp_proc_set_verbose(o->verbose);
	if (o->verbose)
		setenv("RDPREPRO_VERBOSE", "1", 1); /* the netem scripts echo theirs too */
	o->tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	return -1;
}

