/* sweepreport.c: a sweep's runs read back (result.json and evidence.json of each), per point the
 * failure rate with its Wilson interval, the verdicts and the time to failure; points.csv,
 * runs.csv, sweep.json; gnuplot's input (points.dat, plot.gp, kept) and its pictures. */
#include "sweep.h"

#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "evidence.h"
#include "proc.h"
#include "report.h"
#include "results.h"
#include "util.h"

#define MAX_VERDICTS 8

/* ---- reading the runs back ---- */

struct run_row
{
	int point;
	int run;
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
	char folder[4200];
};

struct point_stats
{
	int runs, failures, skipped, errors;
	double rate, lo, hi;
	double ttf_med, ttf_p90, tta_med;
	int n_verdicts;
	char verdict[MAX_VERDICTS][32];
	int count[MAX_VERDICTS];
};

/* One run's row from its folder; false if the folder holds no result. */
static bool read_row(const char* folder, int point, struct run_row* r)
{
	char path[4300];
	struct rp_outcome o;
	struct rp_err err = { "" };
	struct rp_evidence* ev;

	snprintf(path, sizeof(path), "%s/result.json", folder);
	if (!rp_result_read(path, &o, &err))
		return false;
	memset(r, 0, sizeof(*r));
	r->point = point;
	r->run = o.run;
	r->seed = o.seed;
	r->status = o.status;
	rp_strlcpy(r->verdict, o.verdict, sizeof(r->verdict));
	rp_strlcpy(r->confidence, o.confidence, sizeof(r->confidence));
	r->wall_ms = o.wall_ms;
	r->t_fail_ms = r->t_active_ms = -1;
	rp_strlcpy(r->folder, folder, sizeof(r->folder));
	r->failed = (o.status == RP_PASS || o.status == RP_FAIL) && o.verdict[0] &&
	            strcmp(o.verdict, "connected") != 0;
	snprintf(path, sizeof(path), "%s/evidence.json", folder);
	if ((ev = calloc(1, sizeof(*ev))) && rp_evidence_read_json(ev, path, &err))
	{
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
	}
	free(ev);
	return true;
}

/* Every run folder under runs/<point>/ (run-K/, or the folder itself for one run). */
static int read_rows(const struct rp_sweep* sw, const char* runs, struct run_row** rows)
{
	int n = 0, cap = 0;

	*rows = NULL;
	for (int p = 0; p < sw->n_points; p++)
	{
		char dir[4200];
		struct dirent** names = NULL;
		int m;
		snprintf(dir, sizeof(dir), "%s/%s", runs, sw->pts[p].name);
		m = scandir(dir, &names, NULL, alphasort);
		for (int k = -1; k < (m < 0 ? 0 : m); k++)
		{
			char folder[4200];
			if (k >= 0 && strncmp(names[k]->d_name, "run-", 4) != 0)
				continue;
			if (k < 0)
				rp_strlcpy(folder, dir, sizeof(folder));
			else
				snprintf(folder, sizeof(folder), "%s/%s", dir, names[k]->d_name);
			if (n == cap)
			{
				struct run_row* r = realloc(*rows, (size_t)(cap = cap ? cap * 2 : 256) * sizeof(*r));
				if (!r)
					break;
				*rows = r;
			}
			if (read_row(folder, p, &(*rows)[n]))
				n++;
		}
		for (int k = 0; k < m; k++)
			free(names[k]);
		free(names);
	}
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

/* The verdict most runs at the point had (the map's colour), "" if none ran. */
static const char* dominant(const struct point_stats* s)
{
	int best = -1;
	for (int v = 0; v < s->n_verdicts; v++)
		if (best < 0 || s->count[v] > s->count[best])
			best = v;
	return best < 0 ? "" : s->verdict[best];
}

/* A colour per verdict, in order of first appearance (the map's legend). */
static const char* const palette[] = { "#2e7d32", "#c62828", "#1565c0", "#ef6c00",
	                                   "#6a1b9a", "#00838f", "#9e9d24", "#5d4037",
	                                   "#ad1457", "#455a64" };

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

/* ---- the pictures ---- */

/* gnuplot's input (points.dat, plot.gp, both kept), then gnuplot: failure-rate.svg/.png for one
 * key, verdict-map.svg/.png for two. */
static bool plot(const struct rp_sweep* sw, const struct point_stats* st, const char* out,
                 char* pictures, size_t pn, struct rp_err* err)
{
	char path[4200], gp[4096], logp[4200];
	const char* legend[16];
	int n_legend = 0;
	bool numeric = sw->ax[0].key->unit != U_PROFILE;
	FILE* f;

	pictures[0] = '\0';
	if (!rp_find_in_path("gnuplot", gp, sizeof(gp)))
		return rp_fail(err, "no pictures: gnuplot is not installed (Debian: gnuplot-nox)");
	snprintf(path, sizeof(path), "%s/points.dat", out);
	if (!(f = fopen(path, "w")))
		return rp_fail(err, "%s: %s", path, strerror(errno));
	fprintf(f, "# point  x  y  rate%%  lo%%  hi%%  ttf_median_s  ttf_p90_s  active_median_s  "
	           "colour  xlabel  ylabel  dominant\n");
	for (int p = 0; p < sw->n_points; p++)
	{
		const struct point_stats* s = &st[p];
		const struct rp_sweep_point* pt = &sw->pts[p];
		const char* d = dominant(s);
		int c = 0;
		if (d[0])
		{
			for (c = 0; c < n_legend && strcmp(legend[c], d) != 0; c++)
				;
			if (c == n_legend && n_legend < 10)
				legend[n_legend++] = d;
		}
		if (s->runs == 0)
			fprintf(f, "%d %g %g ? ? ? ? ? ? 0xdddddd", p + 1,
			        numeric ? sw->ax[0].v[pt->idx[0]] : pt->idx[0],
			        sw->n_axes > 1 ? (double)pt->idx[1] : 0.0);
		else
		{
			fprintf(f, "%d %g %g %.2f %.2f %.2f", p + 1,
			        numeric ? sw->ax[0].v[pt->idx[0]] : pt->idx[0],
			        sw->n_axes > 1 ? (double)pt->idx[1] : 0.0, 100 * s->rate, 100 * s->lo,
			        100 * s->hi);
			if (s->ttf_med >= 0)
				fprintf(f, " %.3f %.3f", s->ttf_med, s->ttf_p90);
			else
				fprintf(f, " ? ?");
			if (s->tta_med >= 0)
				fprintf(f, " %.3f", s->tta_med);
			else
				fprintf(f, " ?");
			fprintf(f, " 0x%s", palette[c < 10 ? c : 9] + 1);
		}
		fprintf(f, " \"%s\" \"%s\" \"%s\"\n", sw->ax[0].label[pt->idx[0]],
		        sw->n_axes > 1 ? sw->ax[1].label[pt->idx[1]] : "", d[0] ? d : "-");
	}
	fclose(f);

	snprintf(path, sizeof(path), "%s/plot.gp", out);
	if (!(f = fopen(path, "w")))
		return rp_fail(err, "%s: %s", path, strerror(errno));
	fprintf(f, "# Written by `rdprepro sweep`; `gnuplot plot.gp` in this folder draws the pictures "
	           "again.\nset datafile missing '?'\nset encoding utf8\nset grid\n");
	for (int pass = 0; pass < 2; pass++)
	{
		const char* base = sw->n_axes == 1 ? "failure-rate" : "verdict-map";
		if (pass == 0)
			fprintf(f, "set terminal svg size 960,%d dynamic enhanced font 'sans,12' "
			           "background '#ffffff'\nset output '%s.svg'\n",
			        sw->n_axes == 1 ? 720 : 640, base);
		else
			fprintf(f, "set terminal pngcairo size 960,%d enhanced font 'sans,11' "
			           "background '#ffffff'\nset output '%s.png'\n",
			        sw->n_axes == 1 ? 720 : 640, base);
		if (sw->n_axes == 1)
		{
			const char* x = numeric ? "2" : "0";
			const char* xt = numeric ? "" : ":xtic(11)";
			fprintf(f, "set multiplot layout 2,1 title \"%s: failure over %s, %d runs a point "
			           "(95 %% Wilson intervals)\" font 'sans,13'\n",
			        sw->base, sw->ax[0].key->name, sw->repeat);
			fprintf(f, "set xlabel \"%s%s%s%s\"\n", sw->ax[0].key->name,
			        rp_unit_name(sw->ax[0].key)[0] ? " (" : "", rp_unit_name(sw->ax[0].key),
			        rp_unit_name(sw->ax[0].key)[0] ? ")" : "");
			if (!numeric)
				fprintf(f, "set xrange [-0.5:%d.5]\n", sw->ax[0].n - 1);
			else
			{
				double lo = sw->ax[0].v[0], hi = sw->ax[0].v[sw->ax[0].n - 1];
				double pad = hi > lo ? (hi - lo) * 0.03 : 1;
				fprintf(f, "set xrange [%g:%g]\n", lo - pad, hi + pad);
			}
			fprintf(f, "set ylabel 'failure rate (%%)'\nset yrange [0:100]\nset key top left\n"
			           "plot 'points.dat' using %s:4:5:6%s with yerrorlines lw 2 pt 7 ps 1.2 "
			           "lc rgb '#c62828' title 'runs that failed, with the 95 %% Wilson "
			           "interval'\n",
			        x, xt);
			fprintf(f, "set ylabel 'seconds from the client start'\nset yrange [0:*]\n"
			           "plot 'points.dat' using %s:7%s with linespoints lw 2 pt 7 lc rgb '#c62828' "
			           "title 'time to failure, median', '' using %s:8 with linespoints lw 1 pt 6 "
			           "dt 2 lc rgb '#c62828' title 'time to failure, p90', '' using %s:9 with "
			           "linespoints lw 2 pt 5 lc rgb '#2e7d32' title 'time to active, median "
			           "(runs that connected)'\nunset multiplot\n",
			        x, xt, x, x);
		}
		else
		{
			fprintf(f, "set title \"%s: the verdict most runs had, and the failure rate (%d runs "
			           "a point)\" font 'sans,13'\n",
			        sw->base, sw->repeat);
			fprintf(f, "set xlabel \"%s\"\nset ylabel \"%s\"\nset xrange [-0.5:%d.5]\n"
			           "set yrange [-0.5:%d.5]\nunset grid\nset key outside right top\nset xtics (",
			        sw->ax[0].key->name, sw->ax[1].key->name, sw->ax[0].n - 1, sw->ax[1].n - 1);
			for (int i = 0; i < sw->ax[0].n; i++)
				fprintf(f, "%s\"%s\" %d", i ? ", " : "", sw->ax[0].label[i], i);
			fprintf(f, ")\nset ytics (");
			for (int i = 0; i < sw->ax[1].n; i++)
				fprintf(f, "%s\"%s\" %d", i ? ", " : "", sw->ax[1].label[i], i);
			fprintf(f, ")\nplot 'points.dat' using 2:3:(0.5):(0.5):10 with boxxyerror fs solid "
			           "0.85 noborder lc rgb variable notitle, '' using 2:3:(stringcolumn(4) eq "
			           "'?' ? 'not run' : sprintf('%%.0f%%%%', column(4))) with labels "
			           "tc rgb '#ffffff' font 'sans,10' notitle");
			for (int c = 0; c < n_legend; c++)
				fprintf(f, ", NaN with boxes fs solid 0.85 lc rgb '%s' title '%s'", palette[c],
				        legend[c]);
			fprintf(f, "\n");
		}
	}
	fclose(f);
	{
		const char* argv[] = { gp, "plot.gp", NULL };
		char cwd[4200];
		int status = -1, rc;
		pid_t pid;
		FILE* lf;
		struct rp_spawn sp = { .argv = argv, .fd_stdin = -1, .fd_stdout = -1, .fd_stderr = -1 };
		snprintf(logp, sizeof(logp), "%s/gnuplot.log", out);
		if (!(lf = fopen(logp, "w")))
			return rp_fail(err, "%s: %s", logp, strerror(errno));
		sp.fd_stdout = sp.fd_stderr = fileno(lf);
		if (!getcwd(cwd, sizeof(cwd)) || chdir(out) != 0)
		{
			fclose(lf);
			return rp_fail(err, "%s: %s", out, strerror(errno));
		}
		rc = rp_proc_spawn(&sp, &pid, err) ? rp_proc_wait(pid, rp_now_ms() + 60000, &status) : -1;
		if (chdir(cwd) != 0)
			rc = -1;
		fclose(lf);
		if (rc == 0)
			rp_proc_stop(pid, 100);
		if (rc != 1 || rp_proc_exit_code(status) != 0)
			return rp_fail(err, "gnuplot failed (status %d): see %s", rp_proc_exit_code(status),
			               logp);
		unlink(logp);
	}
	snprintf(pictures, pn, "%s/%s.svg, .png", out, sw->n_axes == 1 ? "failure-rate" : "verdict-map");
	return true;
}

/* ---- the reports ---- */

/* points.csv, runs.csv, sweep.json with the results, the table on stdout, the pictures. */
int rp_sweep_report(const struct rp_sweep* sw, const char* out, const char* runs)
{
	struct run_row* rows = NULL;
	int n = read_rows(sw, runs, &rows);
	struct point_stats* st = calloc((size_t)sw->n_points, sizeof(*st));
	char path[4200], pictures[4300], vt[512];
	struct rp_err err = { "" };
	json_object* j = rp_sweep_grid_json(sw);
	json_object* res = json_object_new_array();
	FILE *pc, *rc;
	int total = 0, failed = 0;

	if (!st)
		return 1;
	snprintf(path, sizeof(path), "%s/points.csv", out);
	pc = fopen(path, "w");
	snprintf(path, sizeof(path), "%s/runs.csv", out);
	rc = fopen(path, "w");
	if (!pc || !rc)
	{
		fprintf(stderr, "rdprepro sweep: %s: %s\n", path, strerror(errno));
		return 1;
	}
	/* The point and its value on each axis (one column per swept key), then the numbers. */
	fprintf(pc, "point,%s%s%s,runs,failures,failure_rate,wilson95_lo,wilson95_hi,ttf_median_s,"
	            "ttf_p90_s,active_median_s,verdicts,skipped,errors\n",
	        sw->ax[0].key->name, sw->n_axes > 1 ? "," : "", sw->n_axes > 1 ? sw->ax[1].key->name : "");
	fprintf(rc, "point,%s%s%s,run,seed,status,verdict,confidence,failed,t_fail_s,t_active_s,"
	            "furthest,last_error,error_info,wall_s,folder\n",
	        sw->ax[0].key->name, sw->n_axes > 1 ? "," : "", sw->n_axes > 1 ? sw->ax[1].key->name : "");
	printf("\n%-40s %5s %6s  %-17s %-9s %-9s  %s\n", "point", "runs", "failed", "rate (95% CI)",
	       "ttf med", "ttf p90", "verdicts");
	for (int p = 0; p < sw->n_points; p++)
	{
		const struct rp_sweep_point* pt = &sw->pts[p];
		struct point_stats* s = &st[p];
		char where[80], rate[40], m[16] = "-", q[16] = "-";
		json_object* o = json_object_new_object();
		json_object* vo = json_object_new_object();
		point_stats(rows, n, p, s);
		total += s->runs;
		failed += s->failures;
		verdicts_text(s, vt, sizeof(vt));
		fprintf(pc, "%s,%s%s%s,%d,%d", pt->name, sw->ax[0].label[pt->idx[0]],
		        sw->n_axes > 1 ? "," : "", sw->n_axes > 1 ? sw->ax[1].label[pt->idx[1]] : "",
		        s->runs, s->failures);
		csv_num(pc, s->rate, "%.4f");
		csv_num(pc, s->lo, "%.4f");
		csv_num(pc, s->hi, "%.4f");
		csv_num(pc, s->ttf_med, "%.3f");
		csv_num(pc, s->ttf_p90, "%.3f");
		csv_num(pc, s->tta_med, "%.3f");
		fprintf(pc, ",%s,%d,%d\n", vt, s->skipped, s->errors);
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
		printf("%-40s %5d %6d  %-17s %-9s %-9s  %s%s\n", where, s->runs, s->failures, rate, m, q,
		       vt, s->skipped || s->errors ? " (and skipped/errors)" : "");
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
			json_object_object_add(o, "failure_rate", json_object_new_double(s->rate));
			json_object_object_add(o, "wilson95", json_object_new_array());
			json_object_array_add(json_object_object_get(o, "wilson95"),
			                      json_object_new_double(s->lo));
			json_object_array_add(json_object_object_get(o, "wilson95"),
			                      json_object_new_double(s->hi));
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
		json_object_array_add(res, o);
	}
	for (int i = 0; i < n; i++)
	{
		const struct run_row* r = &rows[i];
		const struct rp_sweep_point* pt = &sw->pts[r->point];
		fprintf(rc, "%s,%s%s%s,%d,%u,%s,%s,%s,%d", pt->name, sw->ax[0].label[pt->idx[0]],
		        sw->n_axes > 1 ? "," : "", sw->n_axes > 1 ? sw->ax[1].label[pt->idx[1]] : "",
		        r->run, r->seed,
		        rp_status_name(r->status), r->verdict, r->confidence, r->failed);
		csv_num(rc, r->t_fail_ms >= 0 ? r->t_fail_ms / 1000 : -1, "%.3f");
		csv_num(rc, r->t_active_ms >= 0 ? r->t_active_ms / 1000 : -1, "%.3f");
		fprintf(rc, ",%s,0x%08X,0x%X,%.3f,%s\n", r->furthest, r->last_error, r->error_info,
		        r->wall_ms / 1000, r->folder);
	}
	fclose(pc);
	fclose(rc);
	json_object_object_add(j, "results", res);
	snprintf(path, sizeof(path), "%s/sweep.json", out);
	if (json_object_to_file_ext(path, j, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE))
		fprintf(stderr, "rdprepro sweep: %s: %s\n", path, json_util_get_last_err());
	json_object_put(j);
	printf("\n%d runs at %d points, %d failed; points.csv, runs.csv, sweep.json in %s\n", total,
	       sw->n_points, failed, out);
	if (plot(sw, st, out, pictures, sizeof(pictures), &err))
		printf("pictures: %s\n", pictures);
	else
		printf("%s\n", err.msg);
	free(st);
	free(rows);
	return 0;
}
