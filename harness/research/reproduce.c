/* reproduce.c: `rdprepro reproduce LOG [--out DIR]`.
 *
 * The field log is read and classified as `classify` does; each cause its verdict names (the
 * verdict, the runner-up, the candidates) becomes a scenario whose parameters come from the
 * log's facts (recipe.c); the runner runs them in parallel labs with the lab's client writing a
 * FreeRDP DEBUG log; each of those logs is read by the same parser as the field's, and the two
 * compared fact by fact (reproduce_match.c). The matches are ranked, and the best is written as a
 * scenario to keep. The directory it writes in is reproduce_out.c's.
 *
 * Facts compared, with their weight, when the field log has them:
 *   verdict 4 (the same, or one of an undetermined field verdict's candidates; 3 when the lab
 *   is undetermined naming the field's cause),
 *   phase reached 2, errorInfo 2, time to failure 2 (within max(1 s, 25 %): WLog's stamps are
 *   whole seconds, LAB-NOTES), last error 1, errno 1, a Windows disconnect reason 1 (the one
 *   the lab verdict's row gives a Windows client: an inference, verdict.c); and for a FreeRDP
 *   log without errorInfo, that the lab's has none either 1.
 * A match reproduces the field log when its verdict agrees and every phase, errorInfo and
 * timing compared matches; where the field is undetermined, one of those must have been
 * compared (or every fact match): its verdict alone is no evidence. The last error and errno
 * only rank: they differ between FreeRDP versions for the same event (2.x's blocking
 * connect() says "Connection refused", 3.x's non-blocking one fails its first write with
 * EPIPE). */
#include "reproduce.h"

#include <errno.h>
#include <getopt.h>
#include <json-c/json.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fieldlog.h"
#include "recipe.h"
#include "reproduce_match.h"
#include "reproduce_out.h"
#include "results.h"
#include "resultjson.h"
#include "runner.h"
#include "scnwrite.h"
#include "util.h"
#include "verdict.h"

/* The most of a log's path a scenario's `field` shows (it holds 255 bytes, with its words). */
#define FIELD_TAIL 200

static const char* const weights_text =
	"verdict 4 (the same, or one of an undetermined field verdict's candidates; 3: the lab "
	"undetermined naming the field's cause), phase 2, errorInfo 2, time to failure 2, last "
	"error 1, errno 1, Windows reason 1, no errorInfo where a FreeRDP field log has none 1";

static int usage(FILE* f)
{
	fprintf(f,
	        "usage: rdprepro reproduce LOG [--out DIR] [--no-run]\n"
	        "  Classifies LOG (what `rdprepro classify` reads: a FreeRDP client log, Windows\n"
	        "  events or an .evtx, an evidence.json), writes a scenario for each cause its\n"
	        "  verdict names, with parameters from the log's facts (the phase reached -> where\n"
	        "  the fault falls; the time to failure -> the client's timeout; errorInfo -> the\n"
	        "  lab server's; the client's /sec: and /timeout:), runs them as root in labs whose\n"
	        "  client writes a FreeRDP DEBUG log, and compares each lab log with LOG: the same\n"
	        "  verdict, phase, errorInfo, last error, errno, and time to failure within\n"
	        "  max(%.0f s, %.0f %%) of the field's (a log without timing ranks by facts alone).\n"
	        "  Prints the ranked matches; writes DIR/best.scn (the best, with what it matched),\n"
	        "  DIR/matches.json, DIR/scenarios/, DIR/runs/ and DIR/run.log (the runner's\n"
	        "  report). LOG: a file (at most %zu MiB, UTF-8 or UTF-16) or - (standard input).\n"
	        "  Values taken from LOG are held to what a scenario can say (the client's\n"
	        "  /timeout: to %d-%d ms, a time to failure to %d s), and the scenario and the\n"
	        "  output say what was clamped.\n"
	        "  DIR (default ./reproduce) is one reproduce made: it is created (0755) with a\n"
	        "  %s file in it, or must hold that file already, and only its\n"
	        "  own entries in it are replaced. An existing directory without it, a symlink\n"
	        "  or a file is refused (exit 2) before anything is read or written.\n"
	        "  --no-run: write the scenarios and DIR/plan.txt (the command that runs them),\n"
	        "  run nothing (no root needed).\n"
	        "  A match reproduces LOG when its verdict agrees and every phase, errorInfo and\n"
	        "  timing compared matches (for an undetermined LOG, with one of them compared or\n"
	        "  every fact matched). Weights: verdict 4 (the same, or one of an undetermined\n"
	        "  LOG's candidates; 3: the lab unsure of LOG's cause), phase 2, errorInfo 2, time\n"
	        "  to failure 2, last error 1, errno 1, Windows disconnect reason 1, no errorInfo\n"
	        "  where a FreeRDP LOG has none 1.\n"
	        "exit: 0 a match reproduces LOG (with --no-run: the scenarios were written), 1 none\n"
	        "      does (or no scenario can be made), 2 bad usage, a refused DIR or a LOG\n"
	        "      nothing can be read from, 128+N interrupted by signal N.\n",
	        TOL_MIN_S, TOL_SHARE * 100, RP_FIELDLOG_MAX >> 20, RP_RECIPE_TIMEOUT_MIN_MS,
	        RP_RECIPE_TIMEOUT_MAX_MS, RP_RECIPE_FAIL_MAX_S, MARKER);
	return f == stderr ? 2 : 0;
}

/* ---- the steps ---- */

/* OUT/scenarios/<cause>.scn for each cause the verdict names (once each). text: the log as
 * read, for the client's command line. What was clamped is printed once. */
static int write_scenarios(const char* out, const char* logpath, const struct rp_fieldlog* log,
                           const char* text, const struct rp_field_verdict* fv, struct match* ms,
                           char* skipped, size_t nskipped, struct rp_err* err)
{
	enum rp_cause c[RP_CAUSE_COUNT + 2];
	int n = rp_field_verdict_causes(fv, c), k = 0;
	bool done[RP_CAUSE_COUNT] = { false };
	struct rp_field_facts facts, clamped;
	char notes[512];
	const char* tail = logpath;

	rp_field_facts_get(log, text, &facts);
	clamped = facts;
	if (rp_field_facts_clamp(&clamped, notes, sizeof(notes)))
		printf("  clamped: %s\n", notes);
	if (strlen(logpath) > FIELD_TAIL)
	{
		tail = logpath + strlen(logpath) - FIELD_TAIL;
		while ((*tail & 0xC0) == 0x80)
			tail++; /* a character's start */
	}
	for (int i = 0; i < n; i++)
	{
		struct rp_scn_draft d;
		char header[PATH_MAX + 200];
		struct match* m = &ms[k];

		if (done[c[i]])
			continue;
		done[c[i]] = true;
		if (!rp_recipe_draft(c[i], &facts, &d))
		{
			rp_scn_add(skipped, nskipped, "%s%s", skipped[0] ? ", " : "", rp_cause_name(c[i]));
			continue;
		}
		memset(m, 0, sizeof(*m));
		m->cause = c[i];
		rp_strlcpy(m->name, rp_cause_name(c[i]), sizeof(m->name));
		snprintf(m->scn, sizeof(m->scn), "%s/scenarios/%s.scn", out, m->name);
		/* The path is a stranger's text too: rp_scn_write cleans and bounds what it writes.
		 * A long one keeps its end, where the file's name is. */
		snprintf(d.field, sizeof(d.field), "the field log %s%s", tail == logpath ? "" : "...",
		         tail);
		snprintf(header, sizeof(header),
		         "Written by `rdprepro reproduce` for the field log %s: the candidate %s, its "
		         "parameters from the log's facts.",
		         logpath, m->name);
		if (!rp_scn_write(m->scn, header, &d, "reproduce", 1, m->name, err))
			return -1;
		k++;
	}
	return k;
}

/* The runner over OUT/scenarios, its report into OUT/run.log; its exit status. */
static int run_scenarios(const char* out)
{
	char results[PATH_MAX], scns[PATH_MAX], logpath[PATH_MAX];
	char* argv[] = { "run", "--results", results, "--freerdp-log", "DEBUG", scns, NULL };
	struct rp_out o;
	struct rp_err err = { "" };
	int saved, ret;

	snprintf(results, sizeof(results), "%s/runs", out);
	snprintf(scns, sizeof(scns), "%s/scenarios", out);
	snprintf(logpath, sizeof(logpath), "%s/run.log", out);
	fflush(stdout);
	if (!rp_out_open(&o, logpath, &err))
	{
		fprintf(stderr, "rdprepro reproduce: %s\n", err.msg);
		return 2;
	}
	fflush(o.f);
	saved = dup(STDOUT_FILENO);
	dup2(fileno(o.f), STDOUT_FILENO);
	ret = rp_run_main(6, argv);
	fflush(stdout);
	dup2(saved, STDOUT_FILENO);
	close(saved);
	if (!rp_out_commit(&o, &err))
		fprintf(stderr, "rdprepro reproduce: %s\n", err.msg);
	return ret;
}

/* Reads and scores each run's client log. */
static void score_runs(const char* out, const struct rp_fieldlog* field,
                       const struct rp_field_verdict* fv, struct match* ms, int n)
{
	for (int i = 0; i < n; i++)
	{
		char path[PATH_MAX + 64];
		struct rp_outcome o;
		struct rp_fieldlog* lab = calloc(1, sizeof(*lab));
		struct rp_evidence* record = calloc(1, sizeof(*record));
		struct rp_err err = { "" }, rerr = { "" };

		snprintf(path, sizeof(path), "%s/runs/%s/result.json", out, ms[i].name);
		if (rp_result_read(path, &o, &err))
			ms[i].wall_s = o.wall_ms / 1000.0;
		snprintf(path, sizeof(path), "%s/runs/%s/probe.log", out, ms[i].name);
		if (record)
		{
			char ev[PATH_MAX + 64];
			snprintf(ev, sizeof(ev), "%s/runs/%s/evidence.json", out, ms[i].name);
			if (!rp_evidence_read_json(record, ev, &rerr))
			{
				free(record);
				record = NULL; /* the log's own timing alone */
			}
		}
		if (!lab)
			snprintf(ms[i].not_run, sizeof(ms[i].not_run), "out of memory");
		else if (access(path, R_OK) != 0)
			snprintf(ms[i].not_run, sizeof(ms[i].not_run), "no client log: %s %s",
			         err.msg[0] ? "" : rp_status_name(o.status), err.msg[0] ? err.msg : o.reason);
		else if (!rp_fieldlog_read(path, lab, &err))
			snprintf(ms[i].not_run, sizeof(ms[i].not_run), "%s", err.msg);
		else
		{
			ms[i].ran = true;
			rp_reproduce_compare(field, fv, lab, record, &ms[i]);
		}
		free(lab);
		free(record);
	}
}

/* Best first: a reproduction, then the larger share of the weight, then the verdict's order. */
static int cmp_match(const void* a, const void* b)
{
	const struct match* x = a;
	const struct match* y = b;
	long sx, sy;

	if (x->ran != y->ran)
		return x->ran ? -1 : 1;
	if (x->reproduces != y->reproduces)
		return x->reproduces ? -1 : 1;
	sx = (long)x->score * (y->max ? y->max : 1);
	sy = (long)y->score * (x->max ? x->max : 1);
	if (sx != sy)
		return sx > sy ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* count strings `stride` apart, joined with "; ". */
static void join(char* dst, size_t n, const char* items, int count, size_t stride)
{
	dst[0] = '\0';
	for (int k = 0; k < count; k++)
		rp_scn_add(dst, n, "%s%s", k ? "; " : "", items + k * stride);
}

/* The rank of ms[i]: a tie with the one before it shares its rank. */
static int rank_of(const struct match* ms, int i)
{
	while (i > 0 && ms[i].ran && ms[i - 1].ran && ms[i - 1].reproduces == ms[i].reproduces &&
	       ms[i - 1].score * ms[i].max == ms[i].score * ms[i - 1].max)
		i--;
	return i + 1;
}

static void print_table(const struct match* ms, int n)
{
	printf("\n%4s  %-22s %6s  %-10s %s\n", "rank", "scenario", "score", "reproduces", "facts");
	for (int i = 0; i < n; i++)
	{
		char buf[1400];
		const struct match* m = &ms[i];
		int rank = rank_of(ms, i);
		if (!m->ran)
		{
			printf("%4d  %-22s %6s  %-10s not run: %s\n", rank, m->name, "-", "-", m->not_run);
			continue;
		}
		printf("%4d  %-22s %3d/%-2d  %-10s lab verdict %s\n", rank, m->name, m->score, m->max,
		       m->reproduces ? "yes" : "no", m->lab_verdict);
		join(buf, sizeof(buf), m->matched[0], m->n_matched, sizeof(m->matched[0]));
		printf("%47s matched: %s\n", "", buf[0] ? buf : "(none)");
		if (m->n_differs)
		{
			join(buf, sizeof(buf), m->differs[0], m->n_differs, sizeof(m->differs[0]));
			printf("%47s differs: %s\n", "", buf);
		}
	}
}

/* OUT/best.scn: the best scenario with a header saying what it reproduces and how well. */
static bool write_best(const char* out, const char* logpath, const struct match* m,
                       struct rp_err* err)
{
	char path[PATH_MAX + 16], head[2400 + PATH_MAX], list[1400];
	char* body = NULL;
	struct rp_out o;
	FILE* f;

	if (!rp_read_file(m->scn, &body, err))
		return false;
	snprintf(path, sizeof(path), "%s/best.scn", out);
	if (!rp_out_open(&o, path, err))
	{
		free(body);
		return false;
	}
	f = o.f;
	join(list, sizeof(list), m->matched[0], m->n_matched, sizeof(m->matched[0]));
	snprintf(head, sizeof(head), "%s the field log %s (rdprepro reproduce: %d of %d points).\n"
	                             "Matched: %s.",
	         m->reproduces ? "Reproduces" : "Comes closest to, without reproducing,", logpath,
	         m->score, m->max, list[0] ? list : "nothing");
	rp_scn_comment(f, head);
	if (m->n_differs)
	{
		join(list, sizeof(list), m->differs[0], m->n_differs, sizeof(m->differs[0]));
		snprintf(head, sizeof(head), "Differs: %s.", list);
		rp_scn_comment(f, head);
	}
	fputs(body, f);
	free(body);
	return rp_out_commit(&o, err);
}

static json_object* string_array(const char* items, int count, size_t stride)
{
	json_object* a = json_object_new_array();

	for (int k = 0; k < count; k++)
		json_object_array_add(a, json_object_new_string(items + k * stride));
	return a;
}

static bool write_json(const char* out, const char* logpath, const struct rp_fieldlog* log,
                       const struct rp_field_verdict* fv, const struct match* ms, int n,
                       double total_s, struct rp_err* err)
{
	char path[PATH_MAX + 16];
	json_object* root = json_object_new_object();
	json_object* arr = json_object_new_array();
	bool tls;
	int fs = rp_reproduce_fail_after(log, &tls);
	bool ok;
	struct rp_out o;

	json_object_object_add(root, "log", json_object_new_string(logpath));
	json_object_object_add(root, "field_verdict",
	                       json_object_new_string(rp_cause_name(fv->v.cause)));
	json_object_object_add(root, "field_fail_after_s", json_object_new_int(fs));
	json_object_object_add(root, "tolerance", json_object_new_string("max(1 s, 25 %)"));
	json_object_object_add(root, "weights", json_object_new_string(weights_text));
	json_object_object_add(root, "total_s", json_object_new_double(total_s));
	for (int i = 0; i < n; i++)
	{
		json_object* o = json_object_new_object();
		json_object_object_add(o, "rank", json_object_new_int(rank_of(ms, i)));
		json_object_object_add(o, "scenario", json_object_new_string(ms[i].scn));
		json_object_object_add(o, "cause", json_object_new_string(ms[i].name));
		json_object_object_add(o, "ran", json_object_new_boolean(ms[i].ran));
		if (!ms[i].ran)
			json_object_object_add(o, "not_run", json_object_new_string(ms[i].not_run));
		json_object_object_add(o, "lab_verdict", json_object_new_string(ms[i].lab_verdict));
		json_object_object_add(o, "score", json_object_new_int(ms[i].score));
		json_object_object_add(o, "max", json_object_new_int(ms[i].max));
		json_object_object_add(o, "reproduces", json_object_new_boolean(ms[i].reproduces));
		json_object_object_add(o, "matched", string_array(ms[i].matched[0], ms[i].n_matched,
		                                                  sizeof(ms[i].matched[0])));
		json_object_object_add(o, "differs", string_array(ms[i].differs[0], ms[i].n_differs,
		                                                  sizeof(ms[i].differs[0])));
		json_object_object_add(o, "wall_s", json_object_new_double(ms[i].wall_s));
		json_object_array_add(arr, o);
	}
	json_object_object_add(root, "matches", arr);
	snprintf(path, sizeof(path), "%s/matches.json", out);
	if ((ok = rp_out_open(&o, path, err)))
	{
		fprintf(o.f, "%s\n", json_object_to_json_string_ext(root, JSON_C_TO_STRING_PRETTY));
		ok = rp_out_commit(&o, err);
	}
	json_object_put(root);
	return ok;
}

/* The field log and its text as read, or exit 2 with its name: "nothing could be read from"
 * one that exists. */
static bool read_field(const char* path, struct rp_fieldlog* log, char** text)
{
	struct rp_err err = { "" };
	struct stat st;

	if (rp_fieldlog_load(path, log, text, &err))
		return true;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, R_OK) == 0 &&
	    !strstr(err.msg, "refused"))
	{
		size_t k = strlen(path);
		const char* why = strncmp(err.msg, path, k) == 0 && err.msg[k] == ':' ? err.msg + k + 2
		                                                                       : err.msg;
		fprintf(stderr, "rdprepro reproduce: nothing could be read from %s (%s)\n", path, why);
	}
	else
		fprintf(stderr, "rdprepro reproduce: %s\n", err.msg);
	return false;
}

static void print_field(const char* path, const struct rp_fieldlog* log,
                        const struct rp_field_verdict* fv)
{
	bool tls;
	int fs = rp_reproduce_fail_after(log, &tls);

	printf("%s: verdict %s (confidence %s)", path, rp_cause_name(fv->v.cause),
	       rp_confidence_name(fv->v.confidence));
	if (fv->n_candidates)
	{
		printf(", candidates:");
		for (int k = 0; k < fv->n_candidates; k++)
			printf(" %s", rp_cause_name(fv->candidates[k]));
	}
	printf("\n  read as %s, %zu bytes\n  facts compared:", log->enc.name, log->bytes);
	if (rp_reproduce_field_phase(log) != RP_PHASE_COUNT)
		printf(" phase %s;", rp_phase_name(rp_reproduce_field_phase(log)));
	if (log->ev.error_info)
		printf(" errorInfo 0x%X;", log->ev.error_info);
	if (log->ev.last_error)
		printf(" last error 0x%08X;", log->ev.last_error);
	if (log->errno_seen)
		printf(" errno %d;", log->errno_seen);
	if (log->windows_reason)
		printf(" Windows reason %d;", log->windows_reason);
	if (fs >= 0)
		printf(" %s failed after %d s (tolerance max(%.0f s, %.0f %%))",
		       tls ? "TLS" : "the TCP connect", fs, TOL_MIN_S, TOL_SHARE * 100);
	else
		printf(" no timing in the log: ranked by facts alone");
	printf("\n");
}

/* --no-run: OUT/plan.txt, the scenarios written and the command that runs them (logpath:
 * cleaned, one line). */
static bool write_plan(const char* out, const char* logpath, const struct match* ms, int n,
                       struct rp_err* err)
{
	char path[PATH_MAX + 16];
	struct rp_out o;

	snprintf(path, sizeof(path), "%s/plan.txt", out);
	if (!rp_out_open(&o, path, err))
		return false;
	fprintf(o.f, "# rdprepro reproduce --no-run for the field log %s: %d scenario%s,\n"
	             "# one per candidate cause.\n",
	        logpath, n, n == 1 ? "" : "s");
	for (int i = 0; i < n; i++)
		fprintf(o.f, "# %s\n", ms[i].scn);
	fprintf(o.f, "# To run them as reproduce would (as root), and compare: rdprepro reproduce "
	             "LOG --out %s\n"
	             "rdprepro run --results %s/runs --freerdp-log DEBUG %s/scenarios\n",
	        out, out, out);
	return rp_out_commit(&o, err);
}

/* The runs scored and ranked: the table, OUT/matches.json, OUT/best.scn. The exit status: 0 the
 * best match reproduces the field log, 1 not (or none ran); -1 with err. */
static int rank_matches(const char* out, const char* logpath, const char* shown,
                        const struct rp_fieldlog* log, const struct rp_field_verdict* fv,
                        struct match* ms, int n, double t0, struct rp_err* err)
{
	int ret = 1;

	score_runs(out, log, fv, ms, n);
	qsort(ms, (size_t)n, sizeof(ms[0]), cmp_match);
	print_table(ms, n);
	if (!write_json(out, logpath, log, fv, ms, n, (rp_now_ms() - t0) / 1000.0, err))
		return -1;
	if (ms[0].ran)
	{
		if (!write_best(out, shown, &ms[0], err))
			return -1;
		printf("\nbest: %s/best.scn (%s, %d/%d): %s\n", out, ms[0].name, ms[0].score, ms[0].max,
		       ms[0].reproduces ? "reproduces the field log" : "does not reproduce the field log");
		ret = ms[0].reproduces ? 0 : 1;
	}
	printf("%.1f s in all; %s/matches.json\n", (rp_now_ms() - t0) / 1000.0, out);
	return ret;
}

int rp_reproduce_main(int argc, char** argv)
{
	static const struct option opts[] = { { "out", required_argument, NULL, 'o' },
		                                   { "no-run", no_argument, NULL, 'N' },
		                                   { "help", no_argument, NULL, 'h' },
		                                   { NULL, 0, NULL, 0 } };
	const char* out = "reproduce";
	const char* logpath;
	struct rp_fieldlog* log = NULL;
	struct rp_field_verdict fv;
	struct match ms[RP_CAUSE_COUNT];
	struct rp_err err = { "" };
	char skipped[512] = "", sub[PATH_MAX + 16];
	char outbuf[PATH_MAX];
	char shown[PATH_MAX];
	char* text = NULL;
	double t0 = rp_now_ms();
	bool no_run = false;
	int c, n, ret = 2, run;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1)
		switch (c)
		{
			case 'o':
				out = optarg;
				break;
			case 'N':
				no_run = true;
				break;
			case 'h':
				return usage(stdout);
			default:
				return usage(stderr);
		}
	if (optind + 1 != argc)
		return usage(stderr);
	logpath = argv[optind];
	/* The directory first, before anything is read or written: one reproduce did not make is
	 * never written into (a copy of the repository lost its 91 scenarios that way). */
	if (!rp_reproduce_out_usable(out, outbuf, sizeof(outbuf), &err))
		goto fail;
	out = outbuf;
	if (!(log = calloc(1, sizeof(*log))) || !read_field(logpath, log, &text))
		goto out;
	if (strcmp(logpath, "-") == 0)
		logpath = "standard input";
	/* The path as the scenarios' comments and field show it: one line, no control character. */
	rp_scn_clean(shown, sizeof(shown), logpath);
	rp_fieldlog_classify(log, &fv);
	print_field(logpath, log, &fv);
	if (!rp_reproduce_out_claim(out, &err) || !rp_reproduce_out_clear(out, &err))
		goto fail;
	snprintf(sub, sizeof(sub), "%s/scenarios", out);
	if (mkdir(sub, 0755) != 0)
	{
		rp_fail(&err, "%s: %s", sub, strerror(errno));
		goto fail;
	}
	if ((n = write_scenarios(out, shown, log, text, &fv, ms, skipped, sizeof(skipped),
	                         &err)) < 0)
		goto fail;
	if (skipped[0])
		printf("  not reproducible in the lab: %s\n", skipped);
	if (n == 0)
	{
		printf("no candidate cause the lab can make: nothing to run\n");
		ret = 1;
		goto out;
	}
	if (no_run)
	{
		if (!write_plan(out, shown, ms, n, &err))
			goto fail;
		printf("--no-run: %d scenario%s in %s/scenarios, the command that runs them in "
		       "%s/plan.txt; nothing run\n",
		       n, n == 1 ? "" : "s", out, out);
		ret = 0;
		goto out;
	}
	printf("running %d scenario%s from %s/scenarios (the runner's report: %s/run.log) ...\n", n,
	       n == 1 ? "" : "s", out, out);
	fflush(stdout);
	run = run_scenarios(out);
	if (run >= 128 || run == 2)
	{
		fprintf(stderr, "rdprepro reproduce: the run %s (see %s/run.log)\n",
		        run == 2 ? "refused the scenarios" : "was interrupted", out);
		ret = run;
		goto out;
	}
	if ((ret = rank_matches(out, logpath, shown, log, &fv, ms, n, t0, &err)) < 0)
		goto fail;
	goto out;
fail:
	fprintf(stderr, "rdprepro reproduce: %s\n", err.msg);
	ret = 2;
out:
	free(text);
	free(log);
	return ret;
}
