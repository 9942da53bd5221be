/* sweepreport.c: a sweep's runs read back (result.json and evidence.json of each), per point the
 * failure rate with its Wilson interval, the verdicts and the time to failure; points.csv,
 * runs.csv, sweep.json, and the pictures (sweepplot.c). */
#include "sweepreport.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "artifact.h"
#include "evidence.h"
#include "files.h"
#include "results.h"
#include "resultjson.h"
#include "sweepplot.h"
#include "util.h"

/* ---- reading the runs back ---- */

/* evidence.json beside a result.json: the record, with its sessions' samples (a day's session
 * is some megabytes). */
#define EVIDENCE_JSON_MAX (16u << 20)
/* A time the report takes from evidence.json: finite and at most a day (negative: unknown). */
#define TIME_MAX_MS 86400000.0

struct run_row
{
	int point;
	int run;          /* K of run-K/, or 1: the point's folder itself holds its only run */
	bool in_run_dir;  /* run-K/ under the point's folder */
	unsigned seed;
	enum rp_status status;
	char verdict[32];
	char confidence[8];
	bool failed;
	double t_fail_ms;   /* when the client saw the failure, since it started; -1 */
	double t_active_ms; /* when it became active, -1 */
	char furthest[24];
	unsigned last_error, error_info;
	double wall_ms;
};
static bool time_ok(double t)
{
	return isfinite(t) && t <= TIME_MAX_MS;
}

/* The times and codes of evidence.json the row takes: false with err naming the field when one
 * is not a time. */
static bool row_evidence(const struct rp_evidence* ev, struct run_row* r, const char* shown,
                         struct rp_err* err)
{
	if (!time_ok(ev->t_total_ms) || !time_ok(ev->session.t_active_ms) ||
	    !time_ok(ev->session.t_end_ms))
		return rp_fail(err, "%s: t_total_ms or the session's times: not times", shown);
	for (int i = 0; i < ev->n_attempts; i++)
		if (!time_ok(ev->attempts[i].t_end_ms) ||
		    !time_ok(ev->attempts[i].t_phase_ms[RP_PHASE_ACTIVE]))
			return rp_fail(err, "%s: attempts[%d]: its end or its active time is not a time",
			               shown, i);
	rp_strlcpy(r->furthest, rp_phase_name(rp_evidence_furthest(ev)), sizeof(r->furthest));
	r->last_error = ev->last_error;
	r->error_info = ev->error_info;
	for (int i = 0; i < ev->n_attempts; i++)
		if (ev->attempts[i].t_phase_ms[RP_PHASE_ACTIVE] >= 0 && r->t_active_ms < 0)
			r->t_active_ms = ev->attempts[i].t_phase_ms[RP_PHASE_ACTIVE];
	if (r->failed)
	{
		/* A session that died: its end; a connection that failed: its last attempt's. */
		if (ev->session.t_active_ms >= 0 && ev->session.t_end_ms >= 0)
			r->t_fail_ms = ev->session.t_end_ms;
		else
			for (int i = 0; i < ev->n_attempts; i++)
				if (ev->attempts[i].t_end_ms > r->t_fail_ms)
					r->t_fail_ms = ev->attempts[i].t_end_ms;
		if (r->t_fail_ms < 0)
			r->t_fail_ms = ev->t_total_ms;
	}
	return true;
}

/* One run's row from its folder (fd, named shown): 1 a row, 0 the folder holds no result.json,
 * -1 refused (err says which file and field): a result that is not a run's (any field out of its
 * kind: rp_result_parse_strict), of another point or run than its folder's, a symlink or a
 * special file where a file is read, an evidence.json that is not a record. */
static int read_row(int fd, const char* shown, const struct rp_sweep* sw, int point, int run,
                    struct run_row* r, struct rp_err* err)
{
	char path[4300], *text = NULL;
	size_t len;
	struct rp_outcome o;
	struct rp_evidence* ev;
	bool ok;

	snprintf(path, sizeof(path), "%s/result.json", shown);
	if (!rp_read_at(fd, "result.json", path, RP_RESULT_JSON_MAX, &text, &len, err))
		return errno == ENOENT ? 0 : -1;
	ok = rp_result_parse_strict(path, text, len, &o, err);
	free(text);
	if (!ok)
		return -1;
	if (strcmp(o.scenario, sw->pts[point].name) != 0 || o.run != run)
	{
		rp_fail(err, "%s: scenario and run: %s run %d, in the folder of %s run %d", path,
		        o.scenario, o.run, sw->pts[point].name, run);
		return -1;
	}
	memset(r, 0, sizeof(*r));
	r->point = point;
	r->run = o.run;
	r->seed = o.seed;
	r->status = o.status;
	rp_strlcpy(r->verdict, o.verdict, sizeof(r->verdict));
	rp_strlcpy(r->confidence, o.confidence, sizeof(r->confidence));
	r->wall_ms = o.wall_ms;
	r->t_fail_ms = r->t_active_ms = -1;
	r->failed = (o.status == RP_PASS || o.status == RP_FAIL) && o.verdict[0] &&
	            strcmp(o.verdict, "connected") != 0;
	snprintf(path, sizeof(path), "%s/evidence.json", shown);
	if (!rp_read_at(fd, "evidence.json", path, EVIDENCE_JSON_MAX, &text, &len, err))
		return errno == ENOENT ? 1 : -1; /* a run that never reached the client has none */
	ok = (ev = calloc(1, sizeof(*ev))) && rp_evidence_from_json(ev, text, err);
	if (!ev)
		rp_fail(err, "%s: out of memory", path);
	else if (!ok)
	{
		char why[sizeof(err->msg)];
		rp_strlcpy(why, err->msg, sizeof(why));
		rp_fail(err, "%s: %s", path, why);
	}
	ok = ok && row_evidence(ev, r, path, err);
	free(ev);
	free(text);
	return ok ? 1 : -1;
}

static bool rows_grow(struct run_row** rows, int n, int* cap, struct rp_err* err)
{
	struct run_row* r;
	if (n < *cap)
		return true;
	if (!(r = realloc(*rows, (size_t)(*cap = *cap ? *cap * 2 : 256) * sizeof(*r))))
		return rp_fail(err, "out of memory");
	*rows = r;
	return true;
}

/* The runs of one point: its folder (pfd) holding one run's result.json, or run-K/ folders. */
static bool read_point(int pfd, const char* shown, const struct rp_sweep* sw, int p,
                       struct run_row** rows, int* n, int* cap, struct rp_err* err)
{
	bool* seen = calloc((size_t)sw->repeat + 1, sizeof(*seen));
	int dfd = dup(pfd), got;
	DIR* d = dfd >= 0 ? fdopendir(dfd) : NULL;
	struct dirent* e;
	bool ok = seen && d && rows_grow(rows, *n, cap, err);

	if (!d && dfd >= 0)
		close(dfd);
	if (!seen || !d)
		ok = rp_fail(err, "%s: %s", shown, strerror(errno));
	if (ok && (got = read_row(pfd, shown, sw, p, 1, &(*rows)[*n], err)) != 0)
	{
		ok = got > 0;
		seen[1] = ok;
		*n += ok;
	}
	while (ok && (e = readdir(d)))
	{
		char sub[4300];
		int k = rp_run_folder(e->d_name, sw->repeat), fd;
		if (k == 0)
			continue; /* not a run's folder: not read */
		snprintf(sub, sizeof(sub), "%s/%s", shown, e->d_name);
		if (k < 0)
		{
			ok = rp_fail(err, "%s: not run-1 to run-%d, the runs of this sweep's points", sub,
			             sw->repeat);
			break;
		}
		if ((fd = rp_dir_at(pfd, e->d_name, sub, err)) < 0 || !rows_grow(rows, *n, cap, err))
		{
			ok = false;
			if (fd >= 0)
				close(fd);
			break;
		}
		got = read_row(fd, sub, sw, p, k, &(*rows)[*n], err);
		close(fd);
		if (got < 0 || (got > 0 && seen[k]))
		{
			ok = got < 0 ? false : rp_fail(err, "%s: run %d of %s is there twice", sub, k,
			                                sw->pts[p].name);
			break;
		}
		(*rows)[*n].in_run_dir = true;
		seen[k] = got > 0;
		*n += got;
	}
	if (d)
		closedir(d);
	free(seen);
	return ok;
}

static int cmp_row(const void* a, const void* b)
{
	const struct run_row *x = a, *y = b;
	return x->point != y->point ? x->point - y->point : x->run - y->run;
}

/* Every run folder under OUT/runs/<point>/ (run-K/, or the folder itself for one run), walked
 * through descriptors from out (named by the user): nothing under it is followed through a
 * symlink, runs/ included, or opened if it is not a directory or a regular file of one link.
 * The count, or -1 with err. */
static int read_rows(const struct rp_sweep* sw, const char* out, const char* runs,
                     struct run_row** rows, struct rp_err* err)
{
	int n = 0, cap = 0, rfd = -1;
	int ofd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	*rows = NULL;
	if (ofd < 0)
		return rp_fail(err, "%s: %s", out, strerror(errno)), -1;
	rfd = rp_dir_at(ofd, "runs", runs, err);
	close(ofd);
	if (rfd < 0)
		return errno == ENOENT ? 0 : -1; /* no runs yet: every point "not run" */
	for (int p = 0; p < sw->n_points; p++)
	{
		char dir[4200];
		int pfd;
		bool ok;
		snprintf(dir, sizeof(dir), "%s/%s", runs, sw->pts[p].name);
		if ((pfd = rp_dir_at(rfd, sw->pts[p].name, dir, err)) < 0)
		{
			if (errno == ENOENT)
				continue; /* not run (another shard's, or interrupted) */
			n = -1;
			break;
		}
		ok = read_point(pfd, dir, sw, p, rows, &n, &cap, err);
		close(pfd);
		if (!ok)
		{
			n = -1;
			break;
		}
	}
	close(rfd);
	if (n > 0)
		qsort(*rows, (size_t)n, sizeof(**rows), cmp_row);
	return n;
}

static void point_stats(const struct run_row* rows, int n, int point, struct point_stats* s)
{
	double ttf[1024], tta[1024];
	int nf = 0, na = 0;

	memset(s, 0, sizeof(*s));
	for (int i = 0; i < n; i++)
	{
		const struct run_row* r = &rows[i];
		int v;
		if (r->point != point)
			continue;
		if (r->status == RP_SKIP)
		{
			s->skipped++;
			continue;
		}
		if (r->status == RP_ERROR || !r->verdict[0])
		{
			s->errors++;
			continue;
		}
		s->runs++;
		if (r->failed)
		{
			s->failures++;
			if (r->t_fail_ms >= 0 && nf < 1024)
				ttf[nf++] = r->t_fail_ms / 1000.0;
		}
		else if (r->t_active_ms >= 0 && na < 1024)
			tta[na++] = r->t_active_ms / 1000.0;
		for (v = 0; v < s->n_verdicts && strcmp(s->verdict[v], r->verdict) != 0; v++)
			;
		if (v == s->n_verdicts && v < MAX_VERDICTS)
			rp_strlcpy(s->verdict[s->n_verdicts++], r->verdict, sizeof(s->verdict[0]));
		if (v < MAX_VERDICTS)
			s->count[v]++;
	}
	s->rate = s->runs ? (double)s->failures / s->runs : -1;
	if (!rp_wilson(s->failures, s->runs, 1.96, &s->lo, &s->hi))
		s->lo = s->hi = -1;
	s->ttf_med = rp_quantile(ttf, nf, 0.5);
	s->ttf_p90 = rp_quantile(ttf, nf, 0.9);
	s->tta_med = rp_quantile(tta, na, 0.5);
}

static void verdicts_text(const struct point_stats* s, char* out, size_t n)
{
	out[0] = '\0';
	for (int v = 0; v < s->n_verdicts; v++)
		snprintf(out + strlen(out), n - strlen(out), "%s%s:%d", v ? " " : "", s->verdict[v],
		         s->count[v]);
}

static void csv_num(FILE* f, double v, const char* fmt)
{
	if (v < 0)
		fprintf(f, ",");
	else
	{
		fputc(',', f);
		fprintf(f, fmt, v);
	}
}
/* ---- the reports ---- */

/* The point's value on each axis as CSV cells (",5%" or ",5%,250ms"). */
static void csv_where(FILE* f, const struct rp_sweep* sw, const struct rp_sweep_point* pt)
{
	for (int a = 0; a < sw->n_axes; a++)
		fprintf(f, ",%s", sw->ax[a].label[pt->idx[a]]);
}

/* A point's object in sweep.json's results. */
static json_object* point_json(const struct rp_sweep* sw, const struct rp_sweep_point* pt,
                               const struct point_stats* s)
{
	json_object* o = json_object_new_object();
	json_object* vo = json_object_new_object();

	json_object_object_add(o, "point", json_object_new_string(pt->name));
	for (int a = 0; a < sw->n_axes; a++)
		json_object_object_add(o, sw->ax[a].key->name,
		                       json_object_new_string(sw->ax[a].label[pt->idx[a]]));
	json_object_object_add(o, "runs", json_object_new_int(s->runs));
	json_object_object_add(o, "failures", json_object_new_int(s->failures));
	json_object_object_add(o, "skipped", json_object_new_int(s->skipped));
	json_object_object_add(o, "errors", json_object_new_int(s->errors));
	if (s->runs)
	{
		json_object* w = json_object_new_array();
		json_object_object_add(o, "failure_rate", json_object_new_double(s->rate));
		json_object_array_add(w, json_object_new_double(s->lo));
		json_object_array_add(w, json_object_new_double(s->hi));
		json_object_object_add(o, "wilson95", w);
	}
	if (s->ttf_med >= 0)
	{
		json_object_object_add(o, "ttf_median_s", json_object_new_double(s->ttf_med));
		json_object_object_add(o, "ttf_p90_s", json_object_new_double(s->ttf_p90));
	}
	if (s->tta_med >= 0)
		json_object_object_add(o, "active_median_s", json_object_new_double(s->tta_med));
	for (int v = 0; v < s->n_verdicts; v++)
		json_object_object_add(vo, s->verdict[v], json_object_new_int(s->count[v]));
	json_object_object_add(o, "verdicts", vo);
	return o;
}

/* A point's row on stdout. */
static void print_point(const struct rp_sweep* sw, const struct rp_sweep_point* pt,
                        const struct point_stats* s, const char* vt)
{
	char where[80], rate[40], m[16] = "-", q[16] = "-";

	snprintf(where, sizeof(where), "%s=%s%s%s%s%s", sw->ax[0].key->name,
	         sw->ax[0].label[pt->idx[0]], sw->n_axes > 1 ? " " : "",
	         sw->n_axes > 1 ? sw->ax[1].key->name : "", sw->n_axes > 1 ? "=" : "",
	         sw->n_axes > 1 ? sw->ax[1].label[pt->idx[1]] : "");
	if (s->runs)
		snprintf(rate, sizeof(rate), "%3.0f%% (%.0f-%.0f)", 100 * s->rate, 100 * s->lo,
		         100 * s->hi);
	else
		snprintf(rate, sizeof(rate), "not run");
	if (s->ttf_med >= 0)
	{
		snprintf(m, sizeof(m), "%.1f s", s->ttf_med);
		snprintf(q, sizeof(q), "%.1f s", s->ttf_p90);
	}
	printf("%-40s %5d %6d  %-17s %-9s %-9s  %s%s\n", where, s->runs, s->failures, rate, m, q, vt,
	       s->skipped || s->errors ? " (and skipped/errors)" : "");
}

/* runs.csv's row of a run. */
static void run_csv(FILE* f, const struct rp_sweep* sw, const struct run_row* r, const char* runs)
{
	const struct rp_sweep_point* pt = &sw->pts[r->point];

	fprintf(f, "%s", pt->name);
	csv_where(f, sw, pt);
	fprintf(f, ",%d,%u,%s,%s,%s,%d", r->run, r->seed, rp_status_name(r->status), r->verdict,
	        r->confidence, r->failed);
	csv_num(f, r->t_fail_ms >= 0 ? r->t_fail_ms / 1000 : -1, "%.3f");
	csv_num(f, r->t_active_ms >= 0 ? r->t_active_ms / 1000 : -1, "%.3f");
	fprintf(f, ",%s,0x%08X,0x%X,%.3f,%s/%s", r->furthest, r->last_error, r->error_info,
	        r->wall_ms / 1000, runs, pt->name);
	if (r->in_run_dir)
		fprintf(f, "/run-%d", r->run);
	fputc('\n', f);
}

/* points.csv, runs.csv, sweep.json with the results, the table on stdout, the pictures. */
int rp_sweep_report(const struct rp_sweep* sw, const char* out)
{
	struct run_row* rows = NULL;
	struct point_stats* st = calloc((size_t)sw->n_points, sizeof(*st));
	char path[4200], pictures[4300], vt[512], runs[4200];
	struct rp_err err = { "" };
	json_object* j = NULL;
	json_object* res = json_object_new_array();
	struct rp_out pc = { 0 }, rc = { 0 }, sj = { 0 };
	int n, total = 0, failed = 0, ret = 1;

	if (!st || !res)
		goto out;
	snprintf(runs, sizeof(runs), "%s/runs", out);
	if ((n = read_rows(sw, out, runs, &rows, &err)) < 0)
	{
		fprintf(stderr, "rdprepro sweep: %s\n", err.msg);
		ret = 2;
		goto out;
	}
	snprintf(path, sizeof(path), "%s/points.csv", out);
	if (!rp_out_open(&pc, path, &err))
		goto fail;
	snprintf(path, sizeof(path), "%s/runs.csv", out);
	if (!rp_out_open(&rc, path, &err))
		goto fail;
	/* The point and its value on each axis (one column per swept key), then the numbers. */
	fprintf(pc.f, "point,%s%s%s,runs,failures,failure_rate,wilson95_lo,wilson95_hi,ttf_median_s,"
	              "ttf_p90_s,active_median_s,verdicts,skipped,errors\n",
	        sw->ax[0].key->name, sw->n_axes > 1 ? "," : "", sw->n_axes > 1 ? sw->ax[1].key->name : "");
	fprintf(rc.f, "point,%s%s%s,run,seed,status,verdict,confidence,failed,t_fail_s,t_active_s,"
	              "furthest,last_error,error_info,wall_s,folder\n",
	        sw->ax[0].key->name, sw->n_axes > 1 ? "," : "", sw->n_axes > 1 ? sw->ax[1].key->name : "");
	printf("\n%-40s %5s %6s  %-17s %-9s %-9s  %s\n", "point", "runs", "failed", "rate (95% CI)",
	       "ttf med", "ttf p90", "verdicts");
	for (int p = 0; p < sw->n_points; p++)
	{
		const struct rp_sweep_point* pt = &sw->pts[p];
		struct point_stats* s = &st[p];
		point_stats(rows, n, p, s);
		total += s->runs;
		failed += s->failures;
		verdicts_text(s, vt, sizeof(vt));
		fprintf(pc.f, "%s", pt->name);
		csv_where(pc.f, sw, pt);
		fprintf(pc.f, ",%d,%d", s->runs, s->failures);
		csv_num(pc.f, s->rate, "%.4f");
		csv_num(pc.f, s->lo, "%.4f");
		csv_num(pc.f, s->hi, "%.4f");
		csv_num(pc.f, s->ttf_med, "%.3f");
		csv_num(pc.f, s->ttf_p90, "%.3f");
		csv_num(pc.f, s->tta_med, "%.3f");
		fprintf(pc.f, ",%s,%d,%d\n", vt, s->skipped, s->errors);
		print_point(sw, pt, s, vt);
		json_object_array_add(res, point_json(sw, pt, s));
	}
	for (int i = 0; i < n; i++)
		run_csv(rc.f, sw, &rows[i], runs);
	if (!rp_out_commit(&pc, &err) || !rp_out_commit(&rc, &err))
		goto fail;
	j = rp_sweep_grid_json(sw);
	json_object_object_add(j, "results", res);
	res = NULL;
	snprintf(path, sizeof(path), "%s/sweep.json", out);
	if (!rp_out_open(&sj, path, &err))
		goto fail;
	fputs(json_object_to_json_string_ext(j, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE),
	      sj.f);
	fputc('\n', sj.f);
	if (!rp_out_commit(&sj, &err))
		goto fail;
	printf("\n%d runs at %d points, %d failed; points.csv, runs.csv, sweep.json in %s\n", total,
	       sw->n_points, failed, out);
	if (rp_sweep_plot(sw, st, out, pictures, sizeof(pictures), &err))
		printf("pictures: %s\n", pictures);
	else
		printf("%s\n", err.msg);
	ret = 0;
	goto out;
fail:
	fprintf(stderr, "rdprepro sweep: %s\n", err.msg);
out:
	rp_out_abort(&pc);
	rp_out_abort(&rc);
	rp_out_abort(&sj);
	json_object_put(j);
	json_object_put(res);
	free(st);
	free(rows);
	return ret;
}
