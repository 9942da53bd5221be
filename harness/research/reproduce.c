/* reproduce.c: `rdprepro reproduce LOG [--out DIR]`.
 *
 * The field log is read and classified as `classify` does; each cause its verdict names (the
 * verdict, the runner-up, the candidates) becomes a scenario whose parameters come from the
 * log's facts (recipe.c); the runner runs them in parallel labs with the lab's client writing a
 * FreeRDP DEBUG log; each of those logs is read by the same parser as the field's, and the two
 * compared fact by fact. The matches are ranked, and the best is written as a scenario to keep.
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
#include <fcntl.h>
#include <getopt.h>
#include <json-c/json.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fieldlog.h"
#include "recipe.h"
#include "results.h"
#include "resultjson.h"
#include "runner.h"
#include "scnwrite.h"
#include "util.h"
#include "verdict.h"

/* The timing tolerance: a lab run's time to failure matches the field's within the larger of
 * these. WLog stamps are whole seconds on both sides, so 1 s is the resolution. */
#define TOL_MIN_S 1.0
#define TOL_SHARE 0.25

#define MAX_FACTS 8

/* The file that says a directory is reproduce's own (its first line says what made it): only a
 * directory reproduce made, or one holding this, is written into. */
#define MARKER ".rdprepro-reproduce"
/* The most of a log's path a scenario's `field` shows (it holds 255 bytes, with its words). */
#define FIELD_TAIL 200
/* What reproduce writes in its directory, and replaces at each run: nothing else is touched. */
static const char* const own_entries[] = { "scenarios", "runs", "run.log", "plan.txt",
	                                       "matches.json", "best.scn" };

/* One lab run against the field log. */
struct match
{
	enum rp_cause cause;
	char name[64];
	char scn[PATH_MAX];
	bool ran;            /* its client's log was read */
	char not_run[320];   /* why not */
	char lab_verdict[32];
	int score, max;
	bool reproduces;
	char matched[MAX_FACTS][120];
	int n_matched;
	char differs[MAX_FACTS][160];
	int n_differs;
	double wall_s;
};

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

/* ---- comparing a lab log with the field's ---- */

enum fact_result
{
	F_DIFFERS,
	F_PARTLY, /* 3 of the verdict's 4: the lab is unsure where the field named the cause */
	F_MATCHES,
};

static void fact(struct match* m, int weight, enum fact_result r, const char* fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void fact(struct match* m, int weight, enum fact_result r, const char* fmt, ...)
{
	va_list ap;

	m->max += weight;
	m->score += r == F_MATCHES ? weight : r == F_PARTLY ? weight - 1 : 0;
	va_start(ap, fmt);
	if (r != F_DIFFERS && m->n_matched < MAX_FACTS)
		vsnprintf(m->matched[m->n_matched++], sizeof(m->matched[0]), fmt, ap);
	else if (r == F_DIFFERS && m->n_differs < MAX_FACTS)
		vsnprintf(m->differs[m->n_differs++], sizeof(m->differs[0]), fmt, ap);
	va_end(ap);
}

static bool in_candidates(const struct rp_field_verdict* fv, enum rp_cause c)
{
	for (int k = 0; k < fv->n_candidates; k++)
		if (fv->candidates[k] == c)
			return true;
	return fv->v.runner_up == c;
}

/* The phase a log names, RP_PHASE_COUNT for none (a log that names no step beyond the start
 * says nothing of the phase). */
static enum rp_phase field_phase(const struct rp_fieldlog* log)
{
	enum rp_phase p = log->has_phase ? rp_evidence_furthest(&log->ev) : RP_PHASE_NONE;
	return p == RP_PHASE_NONE ? RP_PHASE_COUNT : p;
}

/* The disconnect reason a Windows client would show for a verdict (its row in verdict.c, an
 * inference where the row says so): the cause's; for an undetermined one, the reason all its
 * candidates share; 0 when there is none. */
static unsigned windows_reason(const struct rp_field_verdict* v)
{
	unsigned r = 0;

	if (v->v.cause != RP_CAUSE_UNDETERMINED)
		return rp_cause_info(v->v.cause)->disc_reason;
	for (int k = 0; k < v->n_candidates; k++)
	{
		unsigned c = rp_cause_info(v->candidates[k])->disc_reason;
		if (k > 0 && c != r)
			return 0;
		r = c;
	}
	return r;
}

/* The seconds to failure a log shows (TLS's if it has one, else the TCP connect's), -1. */
static int fail_after(const struct rp_fieldlog* log, bool* tls)
{
	*tls = log->tls_fail_after_s >= 0;
	return *tls ? log->tls_fail_after_s : log->connect_fail_after_s;
}

/* The lab's time to the failure of the step, from its record (monotonic, LAB-NOTES) when its
 * log does not show that step's failure (FreeRDP 3 names a refused connect otherwise than 2):
 * TLS's start to the end of the first attempt that stopped in TLS, or the first attempt's
 * start to its end. -1 when neither says. */
static double record_fail_s(const struct rp_evidence* ev, bool tls)
{
	for (int i = 0; ev && i < ev->n_attempts; i++)
	{
		const struct rp_attempt* a = &ev->attempts[i];
		if (!tls)
			return (a->t_end_ms - a->t_start_ms) / 1000.0;
		if (a->furthest == RP_PHASE_TLS && a->t_phase_ms[RP_PHASE_TLS] >= 0)
			return (a->t_end_ms - a->t_phase_ms[RP_PHASE_TLS]) / 1000.0;
	}
	return -1;
}

static void compare_timing(const struct rp_fieldlog* field, const struct rp_fieldlog* lab,
                           const struct rp_evidence* record, struct match* m)
{
	bool tls, lab_tls;
	int fs = fail_after(field, &tls);
	double ls, tol;
	const char* step = tls ? "TLS" : "TCP connect";
	const char* from = "log";

	if (fs < 0)
		return;
	ls = fail_after(lab, &lab_tls);
	if (ls < 0 || lab_tls != tls)
	{
		ls = record_fail_s(record, tls);
		from = "record";
	}
	tol = fs * TOL_SHARE > TOL_MIN_S ? fs * TOL_SHARE : TOL_MIN_S;
	if (ls < 0)
		fact(m, 2, F_DIFFERS, "time to failure: the field's %s failed after %d s, the lab's did "
		                      "not fail there", step, fs);
	else
		fact(m, 2, fabs(ls - fs) <= tol ? F_MATCHES : F_DIFFERS,
		     "time to failure: %s failed after %.1f s (the lab's %s; the field's %d s, within "
		     "%.0f s)", step, ls, from, fs, tol);
}

/* Scores the lab's log against the field's; key facts decide `reproduces`. */
static void compare(const struct rp_fieldlog* field, const struct rp_field_verdict* fv,
                    const struct rp_fieldlog* lab, const struct rp_evidence* record,
                    struct match* m)
{
	struct rp_field_verdict lv;
	enum rp_cause fc = fv->v.cause;
	bool key = true, key_compared;
	int before, compared;
	char theirs[128];

	rp_fieldlog_classify(lab, &lv);
	rp_strlcpy(m->lab_verdict, rp_cause_name(lv.v.cause), sizeof(m->lab_verdict));
	/* An undetermined field verdict allows each of its candidates alike: a lab log that names
	 * one (a DEBUG log says more than most field logs) agrees as much as one as unsure. */
	if (lv.v.cause == fc)
		fact(m, 4, F_MATCHES, "verdict %s", rp_cause_name(fc));
	else if (fc == RP_CAUSE_UNDETERMINED && in_candidates(fv, lv.v.cause))
		fact(m, 4, F_MATCHES, "verdict %s, one of the field's candidates",
		     rp_cause_name(lv.v.cause));
	else if (lv.v.cause == RP_CAUSE_UNDETERMINED && in_candidates(&lv, fc))
		fact(m, 4, F_PARTLY, "verdict undetermined, naming the field's %s", rp_cause_name(fc));
	else
	{
		fact(m, 4, F_DIFFERS, "verdict: the lab's log reads %s, the field's %s",
		     rp_cause_name(lv.v.cause), rp_cause_name(fc));
		key = false;
	}
	before = m->n_differs;
	compared = m->max;
	if (field_phase(field) != RP_PHASE_COUNT)
	{
		enum rp_phase fp = rp_evidence_furthest(&field->ev), lp = rp_evidence_furthest(&lab->ev);
		fact(m, 2, fp == lp ? F_MATCHES : F_DIFFERS, "phase %s%s%s", rp_phase_name(lp),
		     fp == lp ? "" : ", the field's ", fp == lp ? "" : rp_phase_name(fp));
	}
	if (field->ev.error_info)
	{
		snprintf(theirs, sizeof(theirs), ", the field's 0x%X", field->ev.error_info);
		fact(m, 2, field->ev.error_info == lab->ev.error_info ? F_MATCHES : F_DIFFERS,
		     "errorInfo 0x%X%s", lab->ev.error_info,
		     field->ev.error_info == lab->ev.error_info ? "" : theirs);
	}
	compare_timing(field, lab, record, m);
	key = key && m->n_differs == before;
	key_compared = m->max > compared;
	/* A FreeRDP log prints a Set Error Info at its default level (ERROR): one the field's log
	 * lacks and the lab's has is a difference (it only ranks: a client that did not announce
	 * the PDU gets none, FIELD.md). Windows' events never log it. */
	if (!field->ev.error_info && field->kind == RP_LOG_FREERDP)
	{
		if (lab->ev.error_info)
			fact(m, 1, F_DIFFERS, "errorInfo 0x%X in the lab's log, none in the field's",
			     lab->ev.error_info);
		else
			fact(m, 1, F_MATCHES, "no errorInfo, as in the field's log");
	}
	if (field->ev.last_error)
	{
		snprintf(theirs, sizeof(theirs), ", the field's 0x%08X %s", field->ev.last_error,
		         field->ev.last_error_name);
		fact(m, 1, field->ev.last_error == lab->ev.last_error ? F_MATCHES : F_DIFFERS,
		     "last error 0x%08X%s", lab->ev.last_error,
		     field->ev.last_error == lab->ev.last_error ? "" : theirs);
	}
	if (field->errno_seen)
	{
		snprintf(theirs, sizeof(theirs), ", the field's %d", field->errno_seen);
		fact(m, 1, field->errno_seen == lab->errno_seen ? F_MATCHES : F_DIFFERS, "errno %d%s",
		     lab->errno_seen, field->errno_seen == lab->errno_seen ? "" : theirs);
	}
	if (field->windows_reason)
	{
		unsigned r = windows_reason(&lv);
		if (!r)
			fact(m, 1, F_DIFFERS, "Windows reason: the lab's verdict gives none");
		else
			fact(m, 1, r == (unsigned)field->windows_reason ? F_MATCHES : F_DIFFERS,
			     "Windows reason %u (0x%X) for the lab's verdict%s", r, r,
			     r == (unsigned)field->windows_reason ? "" : ": not the field's");
	}
	/* Where the field is undetermined the verdict alone is no evidence: a key fact must have
	 * agreed, or every fact. */
	m->reproduces = key && (fc != RP_CAUSE_UNDETERMINED || key_compared || m->n_differs == 0);
}

/* ---- the directory it writes in ---- */

/* Whether out is reproduce's own to write in: OUT_ABSENT (it will be made), OUT_OURS (it holds
 * the marker, as a regular file, and nobody but its owner, who runs this, can write to it), or
 * OUT_REFUSED with the reason in why. lstat and O_NOFOLLOW: a symlink is never followed, to
 * the directory or to the marker. */
enum out_state
{
	OUT_ABSENT,
	OUT_OURS,
	OUT_REFUSED,
};

static enum out_state out_check(const char* out, char* why, size_t n)
{
	static const char* const not_ours = "exists and was not made by rdprepro reproduce";
	enum out_state ret = OUT_REFUSED;
	struct stat st, ms;
	int dfd, mfd = -1;

	if (lstat(out, &st) != 0)
	{
		if (errno == ENOENT)
			return OUT_ABSENT;
		snprintf(why, n, "%s", strerror(errno));
		return OUT_REFUSED;
	}
	if (S_ISLNK(st.st_mode) || !S_ISDIR(st.st_mode))
	{
		snprintf(why, n, "%s (%s)", not_ours,
		         S_ISLNK(st.st_mode) ? "a symlink" : "not a directory");
		return OUT_REFUSED;
	}
	if ((dfd = open(out, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0 ||
	    fstat(dfd, &st) != 0)
	{
		snprintf(why, n, "%s", strerror(errno));
		goto out;
	}
	mfd = openat(dfd, MARKER, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (mfd < 0 || fstat(mfd, &ms) != 0 || !S_ISREG(ms.st_mode))
		snprintf(why, n, "%s (no %s in it%s)", not_ours, MARKER,
		         mfd < 0 && errno == ELOOP ? ", a symlink of that name" : "");
	/* Its owner and anyone who may write to it could put a symlink where reproduce writes,
	 * between this check and the write: only the caller's own directory, or root's. */
	else if (st.st_uid != geteuid() && st.st_uid != 0)
		snprintf(why, n, "owned by uid %u, and this runs as uid %u (its owner could plant a "
		                 "symlink where reproduce writes)",
		         (unsigned)st.st_uid, (unsigned)geteuid());
	else if (st.st_mode & (S_IWGRP | S_IWOTH))
		snprintf(why, n, "writable by group or others (who could plant a symlink where "
		                 "reproduce writes)");
	else
		ret = OUT_OURS;
out:
	if (mfd >= 0)
		close(mfd);
	if (dfd >= 0)
		close(dfd);
	return ret;
}

static bool out_refused(const char* out, const char* why, struct rp_err* err)
{
	return rp_fail(err, "--out %s: %s: refused; name a new directory", out, why);
}

/* out made (0755, its parents as mkdir -p) with the marker in it, or found to be reproduce's
 * own already. A directory that appears between the check and mkdir is checked again. */
static bool out_claim(const char* out, struct rp_err* err)
{
	char why[256], parent[PATH_MAX];
	char* slash;
	int dfd, fd;
	FILE* f;

	switch (out_check(out, why, sizeof(why)))
	{
		case OUT_OURS:
			return true;
		case OUT_REFUSED:
			return out_refused(out, why, err);
		case OUT_ABSENT:
			break;
	}
	rp_strlcpy(parent, out, sizeof(parent));
	if ((slash = strrchr(parent, '/')) && slash != parent)
	{
		*slash = '\0';
		if (!rp_mkdir_p(parent, err))
			return false;
	}
	if (mkdir(out, 0755) != 0)
	{
		if (errno != EEXIST)
			return rp_fail(err, "--out %s: cannot make it: %s", out, strerror(errno));
		if (out_check(out, why, sizeof(why)) != OUT_OURS)
			return out_refused(out, why, err);
		return true;
	}
	if ((dfd = open(out, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
		return rp_fail(err, "--out %s: %s", out, strerror(errno));
	fd = openat(dfd, MARKER, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	close(dfd);
	if (fd < 0 || !(f = fdopen(fd, "w")))
	{
		if (fd >= 0)
			close(fd);
		return rp_fail(err, "--out %s: cannot write %s: %s", out, MARKER, strerror(errno));
	}
	fprintf(f, "made by rdprepro reproduce, which replaces its scenarios/, runs/, run.log, "
	           "plan.txt, matches.json and best.scn here at each run\n");
	if (fclose(f) != 0)
		return rp_fail(err, "--out %s: cannot write %s: %s", out, MARKER, strerror(errno));
	return true;
}

/* What an earlier run left in out (its own entries only) removed. */
static bool out_clear(const char* out, struct rp_err* err)
{
	char path[PATH_MAX + 32];

	for (size_t i = 0; i < sizeof(own_entries) / sizeof(own_entries[0]); i++)
	{
		snprintf(path, sizeof(path), "%s/%s", out, own_entries[i]);
		if (!rp_remove_tree(path, err))
			return false;
	}
	return true;
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
			compare(field, fv, lab, record, &ms[i]);
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
	int fs = fail_after(log, &tls);
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
	int fs = fail_after(log, &tls);

	printf("%s: verdict %s (confidence %s)", path, rp_cause_name(fv->v.cause),
	       rp_confidence_name(fv->v.confidence));
	if (fv->n_candidates)
	{
		printf(", candidates:");
		for (int k = 0; k < fv->n_candidates; k++)
			printf(" %s", rp_cause_name(fv->candidates[k]));
	}
	printf("\n  read as %s, %zu bytes\n  facts compared:", log->enc.name, log->bytes);
	if (field_phase(log) != RP_PHASE_COUNT)
		printf(" phase %s;", rp_phase_name(field_phase(log)));
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
	char skipped[512] = "", why[256], sub[PATH_MAX + 16];
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
	if (strlen(out) > PATH_MAX - 96)
	{
		rp_fail(&err, "--out %s: path too long", out);
		goto fail;
	}
	/* "new/" names the directory "new": its parent is made, then it (not it, then "new/"). */
	rp_strlcpy(outbuf, out, sizeof(outbuf));
	for (size_t k = strlen(outbuf); k > 1 && outbuf[k - 1] == '/'; k--)
		outbuf[k - 1] = '\0';
	out = outbuf;
	if (out_check(out, why, sizeof(why)) == OUT_REFUSED)
	{
		out_refused(out, why, &err);
		goto fail;
	}
	if (!(log = calloc(1, sizeof(*log))) || !read_field(logpath, log, &text))
		goto out;
	if (strcmp(logpath, "-") == 0)
		logpath = "standard input";
	/* The path as the scenarios' comments and field show it: one line, no control character. */
	rp_scn_clean(shown, sizeof(shown), logpath);
	rp_fieldlog_classify(log, &fv);
	print_field(logpath, log, &fv);
	if (!out_claim(out, &err) || !out_clear(out, &err))
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
	score_runs(out, log, &fv, ms, n);
	qsort(ms, (size_t)n, sizeof(ms[0]), cmp_match);
	print_table(ms, n);
	if (!write_json(out, logpath, log, &fv, ms, n, (rp_now_ms() - t0) / 1000.0, &err))
		goto fail;
	ret = 1;
	if (ms[0].ran)
	{
		if (!write_best(out, shown, &ms[0], &err))
			goto fail;
		printf("\nbest: %s/best.scn (%s, %d/%d): %s\n", out, ms[0].name, ms[0].score, ms[0].max,
		       ms[0].reproduces ? "reproduces the field log" : "does not reproduce the field log");
		ret = ms[0].reproduces ? 0 : 1;
	}
	printf("%.1f s in all; %s/matches.json\n", (rp_now_ms() - t0) / 1000.0, out);
	goto out;
fail:
	fprintf(stderr, "rdprepro reproduce: %s\n", err.msg);
	ret = 2;
out:
	free(text);
	free(log);
	return ret;
}
