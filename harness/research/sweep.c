/* sweep.c: `rdprepro sweep`: the grid's points as scenario files (the swept scenario's text with
 * the point's settings: a point is a scenario anyone can run again), run by the runner in
 * parallel labs with a fresh seed per run, then reported (sweepreport.c). The grid is kept in
 * sweep.json for merge and --report. docs/sweeps.md. */
#include "sweep.h"

#include <dirent.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "grid.h"
#include "proc.h"
#include "runner.h"
#include "sweepreport.h"
#include "util.h"


/* The --set values and the point's own, in that order; how many. */
static int point_settings(const struct rp_sweep* sw, const struct rp_sweep_point* p, struct rp_setting* s)
{
	int n = 0;
	for (int i = 0; i < sw->n_sets; i++)
		s[n++] = sw->sets[i];
	for (int a = 0; a < sw->n_axes; a++)
	{
		s[n].key = sw->ax[a].key;
		s[n].v = sw->ax[a].v[p->idx[a]];
		rp_strlcpy(s[n].label, sw->ax[a].label[p->idx[a]], sizeof(s[n].label));
		n++;
	}
	return n;
}

/* A point's scenario file: the swept scenario with the point's settings, a header saying so. */
static bool write_point(const struct rp_sweep* sw, const struct rp_sweep_point* p, const char* dir,
                        struct rp_err* err)
{
	struct rp_ini t;
	struct rp_setting s[RP_SWEEP_MAX_SETS + 2];
	int n = 0;
	char path[4200];
	struct rp_out o;
	bool ok;

	if (!rp_ini_load(sw->scenario, &t, err))
		return false;
	n = point_settings(sw, p, s);
	snprintf(path, sizeof(path), "%s/%s.scn", dir, p->name);
	ok = rp_sweep_apply(&t, sw->scenario, s, n, err) && rp_out_open(&o, path, err);
	if (ok)
	{
		fprintf(o.f, "# A point of `rdprepro sweep %s`:", sw->scenario);
		for (int i = 0; i < n; i++)
			fprintf(o.f, " %s = %s", s[i].key->name, s[i].label);
		fprintf(o.f, "\n");
		for (int i = 0; i < t.n; i++)
			fprintf(o.f, "%s\n", t.line[i]);
		ok = rp_out_commit(&o, err);
	}
	rp_ini_free(&t);
	return ok;
}

bool rp_sweep_grid_write(const struct rp_sweep* sw, const char* out, struct rp_err* err)
{
	char path[4200];
	json_object* j = rp_sweep_grid_json(sw);
	struct rp_out o;
	bool ok;

	snprintf(path, sizeof(path), "%s/sweep.json", out);
	ok = rp_out_open(&o, path, err);
	if (ok)
	{
		fputs(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PRETTY |
		                                            JSON_C_TO_STRING_NOSLASHESCAPE), o.f);
		fputc('\n', o.f);
		ok = rp_out_commit(&o, err);
	}
	json_object_put(j);
	return ok;
}


static int sweep_usage(FILE* f)
{
	fprintf(f,
	        "usage: rdprepro sweep SCENARIO --vary KEY=FROM..TO/STEP [--vary KEY=...] [options]\n"
	        "       rdprepro sweep --report --out DIR\n"
	        "  Runs SCENARIO at every point of a grid of one or two keys, N times a point, each\n"
	        "  run in its own lab with its own seed, and reports per point the failure rate (runs\n"
	        "  whose verdict was not `connected`) with its 95 %% Wilson interval, the verdicts and\n"
	        "  the time to failure (median, p90): points.csv, runs.csv, sweep.json, and gnuplot's\n"
	        "  pictures (failure-rate for one key, verdict-map for two; SVG and PNG).\n"
	        "keys (--vary KEY=FROM..TO/STEP, KEY=A,B,C; --set KEY=VALUE):\n");
	for (int i = 0; i < RP_N_SWEEP_KEYS; i++)
		fprintf(f, "  %-12s %s\n", rp_sweep_keys[i].name, rp_sweep_keys[i].what);
	fprintf(f, "profiles (--vary profile=NAME,...; remotefx-wan: all four): Microsoft's RemoteFX "
	           "for WAN\ntarget networks (round trip, half of it each way; rate; loss each way):\n");
	for (int i = 0; i < RP_N_PROFILES; i++)
		fprintf(f, "  %-17s %s\n", rp_profiles[i].name, rp_profiles[i].what);
	fprintf(f, "options:\n"
	           "  -r, --repeat N     runs a point (default 10)\n"
	           "      --set KEY=V    a fixed setting for every point (repeatable)\n"
	           "  -o, --out DIR      where it all goes (default sweep-SCENARIO)\n"
	           "      --seed N       run K of a point takes N + K - 1 (default: the scenario's)\n"
	           "  -j, --jobs N|auto  labs at once (default auto, as `run`)\n"
	           "      --shard I/N|auto  this machine's slice of the points (docs/sharding.md);\n"
	           "                     `rdprepro merge` puts the shards' folders together\n"
	           "      --backend B    link shaping: auto, netem, engine\n"
	           "      --vm, --no-vm  as `run`\n"
	           "      --report       with --out DIR alone: read that sweep's runs again, no new runs\n"
	           "exit: 0 the sweep ran (failures are its data), 1 a harness error, 2 bad usage or\n"
	           "      input, 128+N interrupted (what ran is reported)\n");
	return f == stderr ? 2 : 0;
}

/* Removes what an earlier sweep left in DIR (points/, runs/, its reports); a non-empty
 * directory that is not a sweep's is refused. */
static bool prepare_out(const char* out, struct rp_err* err)
{
	char p[4200];
	struct stat st;
	DIR* d;
	struct dirent* e;
	bool empty = true;

	if (stat(out, &st) != 0)
		return rp_mkdir_p(out, err);
	if ((d = opendir(out)))
	{
		while ((e = readdir(d)))
			if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
				empty = false;
		closedir(d);
	}
	snprintf(p, sizeof(p), "%s/sweep.json", out);
	if (!empty && access(p, F_OK) != 0)
		return rp_fail(err, "%s is not empty and holds no sweep: give another --out", out);
	snprintf(p, sizeof(p), "%s/points", out);
	if (!rp_remove_tree(p, err))
		return false;
	snprintf(p, sizeof(p), "%s/runs", out);
	return rp_remove_tree(p, err);
}

/* What the command line gives beside the grid: where it goes, and how the runner runs it. */
struct sweep_opts
{
	const char *out, *jobs, *shard, *backend, *vm;
	bool report_only;
};

/* --vary KEY=...: one more axis, two at most. */
static bool opt_vary(struct rp_sweep* sw, const char* arg)
{
	struct rp_err err = { "" };

	if (sw->n_axes == 2)
	{
		fprintf(stderr, "rdprepro sweep: at most two --vary keys (a curve or a map)\n");
		return false;
	}
	if (!rp_axis_parse(arg, &sw->ax[sw->n_axes], false, &err))
	{
		fprintf(stderr, "rdprepro sweep: --vary %s\n", err.msg);
		return false;
	}
	sw->n_axes++;
	return true;
}

/* --set KEY=V: one more fixed setting. */
static bool opt_set(struct rp_sweep* sw, const char* arg)
{
	struct rp_err err = { "" };
	struct rp_axis ax;

	if (sw->n_sets == RP_SWEEP_MAX_SETS || !rp_axis_parse(arg, &ax, true, &err))
	{
		fprintf(stderr, "rdprepro sweep: --set %s\n",
		        sw->n_sets == RP_SWEEP_MAX_SETS ? "given too often" : err.msg);
		return false;
	}
	sw->sets[sw->n_sets].key = ax.key;
	sw->sets[sw->n_sets].v = ax.v[0];
	rp_strlcpy(sw->sets[sw->n_sets].label, ax.label[0], sizeof(ax.label[0]));
	sw->n_sets++;
	return true;
}

static bool opt_repeat(struct rp_sweep* sw, const char* arg)
{
	char* end;
	long v = strtol(arg, &end, 10);

	if (*end || end == arg || v < 1 || v > RP_SWEEP_MAX_REPEAT)
	{
		fprintf(stderr, "rdprepro sweep: --repeat: 1 to %d, not \"%s\"\n", RP_SWEEP_MAX_REPEAT,
		        arg);
		return false;
	}
	sw->repeat = (int)v;
	return true;
}

static bool opt_seed(struct rp_sweep* sw, const char* arg)
{
	char* end;
	unsigned long v = strtoul(arg, &end, 10);

	if (*end || end == arg || v > RP_SWEEP_MAX_SEED)
	{
		fprintf(stderr, "rdprepro sweep: --seed: not a number from 0 to %u: \"%s\"\n",
		        RP_SWEEP_MAX_SEED, arg);
		return false;
	}
	sw->seed = (unsigned)v;
	sw->have_seed = true;
	return true;
}

/* The options into sw and o; false when the command ends here, with its exit status in *ret
 * (--help's 0, or 2: bad usage, said on stderr). */
static bool parse_options(int argc, char** argv, struct rp_sweep* sw, struct sweep_opts* o,
                          int* ret)
{
	enum
	{
		O_VARY = 256,
		O_SET,
		O_SEED,
		O_SHARD,
		O_BACKEND,
		O_VM,
		O_NO_VM,
		O_REPORT,
	};
	static const struct option lo[] = {
		{ "vary", required_argument, NULL, O_VARY },   { "set", required_argument, NULL, O_SET },
		{ "repeat", required_argument, NULL, 'r' },    { "out", required_argument, NULL, 'o' },
		{ "seed", required_argument, NULL, O_SEED },   { "jobs", required_argument, NULL, 'j' },
		{ "shard", required_argument, NULL, O_SHARD }, { "backend", required_argument, NULL, O_BACKEND },
		{ "vm", no_argument, NULL, O_VM },             { "no-vm", no_argument, NULL, O_NO_VM },
		{ "report", no_argument, NULL, O_REPORT },     { "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "r:o:j:h", lo, NULL)) != -1)
	{
		switch (c)
		{
			case O_VARY:
				if (!opt_vary(sw, optarg))
					return false;
				break;
			case O_SET:
				if (!opt_set(sw, optarg))
					return false;
				break;
			case 'r':
				if (!opt_repeat(sw, optarg))
					return false;
				break;
			case O_SEED:
				if (!opt_seed(sw, optarg))
					return false;
				break;
			case 'o':
				o->out = optarg;
				break;
			case 'j':
				o->jobs = optarg;
				break;
			case O_SHARD:
				o->shard = optarg;
				break;
			case O_BACKEND:
				o->backend = optarg;
				break;
			case O_VM:
				o->vm = "--vm";
				break;
			case O_NO_VM:
				o->vm = "--no-vm";
				break;
			case O_REPORT:
				o->report_only = true;
				break;
			case 'h':
				*ret = sweep_usage(stdout);
				return false;
			default:
				*ret = sweep_usage(stderr);
				return false;
		}
	}
	return true;
}

/* --report: the sweep in out reported again from its runs; the exit status. */
static int report_again(const char* out, int argc)
{
	/* The grid is the one in OUT/sweep.json: no SCENARIO, no --vary. */
	char path[1200];
	struct rp_sweep* old = calloc(1, sizeof(*old));
	struct rp_err err = { "" };
	int ret = 2;

	if (!out || optind != argc)
	{
		fprintf(stderr, "rdprepro sweep --report: --out DIR alone (the sweep's folder)\n");
		free(old);
		return 2;
	}
	snprintf(path, sizeof(path), "%s/sweep.json", out);
	if (!old || !rp_sweep_grid_read(path, old, &err))
		fprintf(stderr, "rdprepro sweep: %s\n", err.msg);
	else
		ret = rp_sweep_report(old, out);
	free(old);
	return ret;
}

/* The swept scenario's path, and its name: the file's, without ".scn". */
static void name_scenario(struct rp_sweep* sw, const char* path)
{
	const char* b;
	size_t len;

	rp_strlcpy(sw->scenario, path, sizeof(sw->scenario));
	b = strrchr(sw->scenario, '/');
	rp_strlcpy(sw->base, b ? b + 1 : sw->scenario, sizeof(sw->base));
	len = strlen(sw->base);
	if (len > 4 && strcmp(sw->base + len - 4, ".scn") == 0)
		sw->base[len - 4] = '\0';
}

/* Every point's settings tried on the text before anything is written (the runner then
 * parses every point's file before any runs). */
static bool try_points(const struct rp_sweep* sw, struct rp_err* err)
{
	for (int p = 0; p < sw->n_points; p++)
	{
		struct rp_ini t;
		struct rp_setting set[RP_SWEEP_MAX_SETS + 2];
		int n = point_settings(sw, &sw->pts[p], set);
		bool ok = rp_ini_load(sw->scenario, &t, err) &&
		          rp_sweep_apply(&t, sw->scenario, set, n, err);
		rp_ini_free(&t);
		if (!ok)
			return false;
	}
	return true;
}

/* out made ready (an earlier sweep's points and runs gone), sweep.json's grid, and a scenario
 * file a point in points. */
static bool write_points(const struct rp_sweep* sw, const char* out, const char* points,
                         struct rp_err* err)
{
	if (!prepare_out(out, err) || !rp_mkdir_p(points, err) || !rp_sweep_grid_write(sw, out, err))
		return false;
	for (int p = 0; p < sw->n_points; p++)
		if (!write_point(sw, &sw->pts[p], points, err))
			return false;
	return true;
}

/* The runner over the points' scenarios, its results in runs, then the report; the exit
 * status (the runner's when it refused the scenarios or was interrupted). */
static int run_points(const struct rp_sweep* sw, const struct sweep_opts* o, const char* points,
                      const char* runs)
{
	const char* rargv[32];
	char rep[16], seed[16];
	int n = 0, rrc, ret;

	snprintf(rep, sizeof(rep), "%d", sw->repeat);
	rargv[n++] = "run";
	rargv[n++] = "--results";
	rargv[n++] = runs;
	rargv[n++] = "--repeat";
	rargv[n++] = rep;
	rargv[n++] = "--vary-seed";
	rargv[n++] = "--quiet";
	rargv[n++] = "-j";
	rargv[n++] = o->jobs;
	if (sw->have_seed)
	{
		snprintf(seed, sizeof(seed), "%u", sw->seed);
		rargv[n++] = "--seed";
		rargv[n++] = seed;
	}
	if (o->shard)
	{
		rargv[n++] = "--shard";
		rargv[n++] = o->shard;
	}
	if (o->backend)
	{
		rargv[n++] = "--backend";
		rargv[n++] = o->backend;
	}
	if (o->vm)
		rargv[n++] = o->vm;
	rargv[n++] = points;
	rargv[n] = NULL;
	rrc = rp_run_main(n, (char**)rargv);
	if (rrc == 2)
		return 2; /* the runner said why */
	ret = rp_sweep_report(sw, o->out);
	if (rrc >= 128)
		ret = rrc;
	return ret;
}

int rp_sweep_main(int argc, char** argv)
{
	struct rp_sweep* sw = calloc(1, sizeof(*sw));
	struct sweep_opts o = { .jobs = "auto" };
	struct rp_err err = { "" };
	char outbuf[1024], points[1100], runs[1100];
	int ret = 2;

	if (!sw)
		return 1;
	sw->repeat = 10;
	if (!parse_options(argc, argv, sw, &o, &ret))
		goto done;
	if (o.report_only)
	{
		ret = report_again(o.out, argc);
		goto done;
	}
	if (optind + 1 != argc)
	{
		fprintf(stderr, "rdprepro sweep: one SCENARIO file, not %d\n", argc - optind);
		ret = sweep_usage(stderr);
		goto done;
	}
	if (sw->n_axes == 0)
	{
		fprintf(stderr, "rdprepro sweep: nothing to vary: --vary KEY=FROM..TO/STEP\n");
		goto done;
	}
	name_scenario(sw, argv[optind]);
	/* What sweep.json must hold to be read back (merge, --report) is checked here first. */
	if (!rp_sweep_check_grid(sw, &err))
	{
		fprintf(stderr, "rdprepro sweep: %s\n", err.msg);
		goto done;
	}
	if (!o.out)
	{
		snprintf(outbuf, sizeof(outbuf), "sweep-%s", sw->base);
		o.out = outbuf;
	}
	rp_sweep_points(sw);
	snprintf(points, sizeof(points), "%s/points", o.out);
	snprintf(runs, sizeof(runs), "%s/runs", o.out);
	if (!try_points(sw, &err) || !write_points(sw, o.out, points, &err))
	{
		fprintf(stderr, "rdprepro sweep: %s\n", err.msg);
		goto done;
	}
	printf("sweep %s: %d points x %d runs = %d runs (%s", sw->base, sw->n_points, sw->repeat,
	       sw->n_points * sw->repeat, sw->ax[0].key->name);
	if (sw->n_axes > 1)
		printf(" x %s", sw->ax[1].key->name);
	printf("); scenarios in %s\n", points);
	fflush(stdout);
	ret = run_points(sw, &o, points, runs);
done:
	free(sw);
	return ret;
}
