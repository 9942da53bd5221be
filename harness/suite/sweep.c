/* sweep.c: `rdprepro sweep` and `rdprepro merge`.
 *
 * A sweep writes one scenario file per grid point (the scenario's text with the swept keys
 * set: a point is a scenario anyone can run again), runs them all with the runner (parallel
 * labs, --repeat N with a fresh seed per run), then reads every run's result.json and
 * evidence.json back: per point the failure rate with its Wilson interval, the verdicts, and
 * the time to failure. What it writes (docs/sweeps.md): sweep.json (the grid and the results),
 * points.csv, runs.csv, points.dat and plot.gp (gnuplot's input, kept to re-plot), and the
 * pictures gnuplot draws from them (SVG and PNG). Merge puts shards of a run or of a sweep
 * back together: the result folders side by side, JUnit and TAP of them all, and for sweeps
 * the same aggregation over every shard's runs. */
#include "sweep.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "evidence.h"
#include "grid.h"
#include "proc.h"
#include "report.h"
#include "results.h"
#include "runner.h"
#include "util.h"

#define MAX_POINTS 400
#define MAX_SETS 8
#define MAX_VERDICTS 8

/* ---- the sweep ---- */

struct point
{
	char name[64];
	int idx[2]; /* the value's index on each axis */
};

struct sweep
{
	char scenario[1024]; /* the swept scenario's path */
	char base[64];       /* its name */
	int n_axes;
	struct rp_axis ax[2];
	int n_sets;
	struct rp_setting sets[MAX_SETS];
	int n_points;
	struct point pts[MAX_POINTS];
	int repeat;
	bool have_seed;
	unsigned seed;
};

static void name_token(const char* s, char* out, size_t n)
{
	size_t k = 0;
	for (; *s && k + 4 < n; s++)
	{
		if (isalnum((unsigned char)*s) || *s == '-')
			out[k++] = (char)tolower((unsigned char)*s);
		else if (*s == '.')
			out[k++] = 'p';
		else if (*s == '%')
			k += (size_t)snprintf(out + k, n - k, "pct");
	}
	out[k] = '\0';
}

static void make_points(struct sweep* sw)
{
	int n1 = sw->ax[0].n, n2 = sw->n_axes > 1 ? sw->ax[1].n : 1;
	sw->n_points = 0;
	for (int i = 0; i < n1; i++)
		for (int j = 0; j < n2; j++)
		{
			struct point* p = &sw->pts[sw->n_points];
			char a[32], b[32] = "";
			p->idx[0] = i;
			p->idx[1] = sw->n_axes > 1 ? j : 0;
			name_token(sw->ax[0].label[i], a, sizeof(a));
			if (sw->n_axes > 1)
				name_token(sw->ax[1].label[j], b, sizeof(b));
			snprintf(p->name, sizeof(p->name), "p%03d-%s-%s%s%s%s", sw->n_points + 1,
			         sw->ax[0].key->name, a, sw->n_axes > 1 ? "-" : "",
			         sw->n_axes > 1 ? sw->ax[1].key->name : "", b);
			sw->n_points++;
		}
}

/* The --set values and the point's own, in that order; how many. */
static int point_settings(const struct sweep* sw, const struct point* p, struct rp_setting* s)
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
static bool write_point(const struct sweep* sw, const struct point* p, const char* dir,
                        struct rp_err* err)
{
	struct rp_ini t;
	struct rp_setting s[MAX_SETS + 2];
	int n = 0;
	char path[4200];
	FILE* f;
	bool ok;

	if (!rp_ini_load(sw->scenario, &t, err))
		return false;
	n = point_settings(sw, p, s);
	if (!rp_sweep_apply(&t, sw->scenario, s, n, err))
	{
		rp_ini_free(&t);
		return false;
	}
	snprintf(path, sizeof(path), "%s/%s.scn", dir, p->name);
	if (!(f = fopen(path, "w")))
	{
		rp_ini_free(&t);
		return rp_fail(err, "%s: %s", path, strerror(errno));
	}
	fprintf(f, "# A point of `rdprepro sweep %s`:", sw->scenario);
	for (int i = 0; i < n; i++)
		fprintf(f, " %s = %s", s[i].key->name, s[i].label);
	fprintf(f, "\n");
	for (int i = 0; i < t.n; i++)
		fprintf(f, "%s\n", t.line[i]);
	ok = fclose(f) == 0;
	rp_ini_free(&t);
	return ok ? true : rp_fail(err, "%s: %s", path, strerror(errno));
}

/* sweep.json's grid part: what merge needs to aggregate shards of the same sweep. */
static json_object* grid_json(const struct sweep* sw)
{
	json_object* j = json_object_new_object();
	json_object* axes = json_object_new_array();
	json_object* sets = json_object_new_array();
	json_object* pts = json_object_new_array();

	json_object_object_add(j, "record", json_object_new_string("rdprepro-sweep/1"));
	json_object_object_add(j, "scenario", json_object_new_string(sw->scenario));
	json_object_object_add(j, "name", json_object_new_string(sw->base));
	json_object_object_add(j, "repeat", json_object_new_int(sw->repeat));
	if (sw->have_seed)
		json_object_object_add(j, "seed", json_object_new_int64(sw->seed));
	for (int a = 0; a < sw->n_axes; a++)
	{
		json_object* o = json_object_new_object();
		json_object* vals = json_object_new_array();
		json_object* labels = json_object_new_array();
		json_object_object_add(o, "key", json_object_new_string(sw->ax[a].key->name));
		json_object_object_add(o, "means", json_object_new_string(sw->ax[a].key->what));
		for (int i = 0; i < sw->ax[a].n; i++)
		{
			json_object_array_add(vals, json_object_new_double(sw->ax[a].v[i]));
			json_object_array_add(labels, json_object_new_string(sw->ax[a].label[i]));
		}
		json_object_object_add(o, "values", vals);
		json_object_object_add(o, "labels", labels);
		json_object_array_add(axes, o);
	}
	json_object_object_add(j, "axes", axes);
	for (int i = 0; i < sw->n_sets; i++)
	{
		char s[80];
		snprintf(s, sizeof(s), "%s=%s", sw->sets[i].key->name, sw->sets[i].label);
		json_object_array_add(sets, json_object_new_string(s));
	}
	json_object_object_add(j, "set", sets);
	for (int i = 0; i < sw->n_points; i++)
		json_object_array_add(pts, json_object_new_string(sw->pts[i].name));
	json_object_object_add(j, "points", pts);
	return j;
}

/* The grid back from a sweep.json (merge). */
static bool grid_read(const char* path, struct sweep* sw, struct rp_err* err)
{
	json_object* j = json_object_from_file(path);
	json_object *v, *axes, *pts;
	bool ok = false;

	memset(sw, 0, sizeof(*sw));
	if (!j)
		return rp_fail(err, "%s: %s", path, json_util_get_last_err());
	if (!json_object_object_get_ex(j, "record", &v) ||
	    strcmp(json_object_get_string(v), "rdprepro-sweep/1") != 0 ||
	    !json_object_object_get_ex(j, "axes", &axes) ||
	    !json_object_object_get_ex(j, "points", &pts))
	{
		rp_fail(err, "%s: not a sweep's record", path);
		goto out;
	}
	if (json_object_object_get_ex(j, "scenario", &v))
		rp_strlcpy(sw->scenario, json_object_get_string(v), sizeof(sw->scenario));
	if (json_object_object_get_ex(j, "name", &v))
		rp_strlcpy(sw->base, json_object_get_string(v), sizeof(sw->base));
	if (json_object_object_get_ex(j, "repeat", &v))
		sw->repeat = json_object_get_int(v);
	if (json_object_object_get_ex(j, "seed", &v))
	{
		sw->have_seed = true;
		sw->seed = (unsigned)json_object_get_int64(v);
	}
	sw->n_axes = (int)json_object_array_length(axes);
	if (sw->n_axes < 1 || sw->n_axes > 2)
	{
		rp_fail(err, "%s: %d axes", path, sw->n_axes);
		goto out;
	}
	for (int a = 0; a < sw->n_axes; a++)
	{
		json_object *o = json_object_array_get_idx(axes, a), *k, *vals, *labels;
		if (!json_object_object_get_ex(o, "key", &k) ||
		    !(sw->ax[a].key = rp_sweep_key(json_object_get_string(k))) ||
		    !json_object_object_get_ex(o, "values", &vals) ||
		    !json_object_object_get_ex(o, "labels", &labels) ||
		    json_object_array_length(vals) > RP_MAX_VALUES)
		{
			rp_fail(err, "%s: axis %d unreadable", path, a + 1);
			goto out;
		}
		sw->ax[a].n = (int)json_object_array_length(vals);
		for (int i = 0; i < sw->ax[a].n; i++)
		{
			sw->ax[a].v[i] = json_object_get_double(json_object_array_get_idx(vals, i));
			rp_strlcpy(sw->ax[a].label[i],
			           json_object_get_string(json_object_array_get_idx(labels, i)),
			           sizeof(sw->ax[a].label[0]));
		}
	}
	make_points(sw);
	if ((int)json_object_array_length(pts) != sw->n_points)
	{
		rp_fail(err, "%s: %d points, the axes make %d", path,
		        (int)json_object_array_length(pts), sw->n_points);
		goto out;
	}
	ok = true;
out:
	json_object_put(j);
	return ok;
}

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
static int read_rows(const struct sweep* sw, const char* runs, struct run_row** rows)
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
static bool plot(const struct sweep* sw, const struct point_stats* st, const char* out,
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
		const struct point* pt = &sw->pts[p];
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
static int report(const struct sweep* sw, const char* out, const char* runs)
{
	struct run_row* rows = NULL;
	int n = read_rows(sw, runs, &rows);
	struct point_stats* st = calloc((size_t)sw->n_points, sizeof(*st));
	char path[4200], pictures[4300], vt[512];
	struct rp_err err = { "" };
	json_object* j = grid_json(sw);
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
		const struct point* pt = &sw->pts[p];
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
		const struct point* pt = &sw->pts[r->point];
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

/* The grid alone into sweep.json (before the runs: merge and a re-report need it). */
static bool write_grid(const struct sweep* sw, const char* out, struct rp_err* err)
{
	char path[4200];
	json_object* j = grid_json(sw);
	int rc;

	snprintf(path, sizeof(path), "%s/sweep.json", out);
	rc = json_object_to_file_ext(path, j, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_NOSLASHESCAPE);
	json_object_put(j);
	return rc == 0 ? true : rp_fail(err, "%s: %s", path, json_util_get_last_err());
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

int rp_sweep_main(int argc, char** argv)
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
	struct sweep* sw = calloc(1, sizeof(*sw));
	struct rp_err err = { "" };
	const char *out = NULL, *jobs = "auto", *shard = NULL, *backend = NULL, *vm = NULL;
	char outbuf[1024], points[1100], runs[1100], rep[16], seed[16];
	bool report_only = false;
	int c, ret = 2;

	if (!sw)
		return 1;
	sw->repeat = 10;
	optind = 1;
	while ((c = getopt_long(argc, argv, "r:o:j:h", lo, NULL)) != -1)
	{
		switch (c)
		{
			case O_VARY:
				if (sw->n_axes == 2)
				{
					fprintf(stderr, "rdprepro sweep: at most two --vary keys (a curve or a map)\n");
					goto done;
				}
				if (!rp_axis_parse(optarg, &sw->ax[sw->n_axes], false, &err))
				{
					fprintf(stderr, "rdprepro sweep: --vary %s\n", err.msg);
					goto done;
				}
				sw->n_axes++;
				break;
			case O_SET:
			{
				struct rp_axis ax;
				if (sw->n_sets == MAX_SETS || !rp_axis_parse(optarg, &ax, true, &err))
				{
					fprintf(stderr, "rdprepro sweep: --set %s\n",
					        sw->n_sets == MAX_SETS ? "given too often" : err.msg);
					goto done;
				}
				sw->sets[sw->n_sets].key = ax.key;
				sw->sets[sw->n_sets].v = ax.v[0];
				rp_strlcpy(sw->sets[sw->n_sets].label, ax.label[0], sizeof(ax.label[0]));
				sw->n_sets++;
				break;
			}
			case 'r':
			{
				char* end;
				long v = strtol(optarg, &end, 10);
				if (*end || end == optarg || v < 1 || v > 1000)
				{
					fprintf(stderr, "rdprepro sweep: --repeat: 1 to 1000, not \"%s\"\n", optarg);
					goto done;
				}
				sw->repeat = (int)v;
				break;
			}
			case O_SEED:
			{
				char* end;
				unsigned long v = strtoul(optarg, &end, 10);
				if (*end || end == optarg || v > 2000000000ul)
				{
					fprintf(stderr, "rdprepro sweep: --seed: not a number: \"%s\"\n", optarg);
					goto done;
				}
				sw->seed = (unsigned)v;
				sw->have_seed = true;
				break;
			}
			case 'o':
				out = optarg;
				break;
			case 'j':
				jobs = optarg;
				break;
			case O_SHARD:
				shard = optarg;
				break;
			case O_BACKEND:
				backend = optarg;
				break;
			case O_VM:
				vm = "--vm";
				break;
			case O_NO_VM:
				vm = "--no-vm";
				break;
			case O_REPORT:
				report_only = true;
				break;
			case 'h':
				ret = sweep_usage(stdout);
				goto done;
			default:
				ret = sweep_usage(stderr);
				goto done;
		}
	}
	if (report_only)
	{
		/* The grid is the one in OUT/sweep.json: no SCENARIO, no --vary. */
		char path[1200];
		struct sweep* old = calloc(1, sizeof(*old));
		if (!out || optind != argc)
		{
			fprintf(stderr, "rdprepro sweep --report: --out DIR alone (the sweep's folder)\n");
			free(old);
			goto done;
		}
		snprintf(path, sizeof(path), "%s/sweep.json", out);
		snprintf(runs, sizeof(runs), "%s/runs", out);
		if (!old || !grid_read(path, old, &err))
			fprintf(stderr, "rdprepro sweep: %s\n", err.msg);
		else
			ret = report(old, out, runs);
		free(old);
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
	/* A key swept twice, or swept and set, or set by a profile as well. */
	{
		const struct rp_sweep_key* used[MAX_SETS + 2];
		int n = 0;
		for (int a = 0; a < sw->n_axes; a++)
			used[n++] = sw->ax[a].key;
		for (int i = 0; i < sw->n_sets; i++)
			used[n++] = sw->sets[i].key;
		for (int i = 0; i < n; i++)
			for (int k = 0; k < n; k++)
			{
				bool prof = used[i]->unit == U_PROFILE &&
				            (strcmp(used[k]->name, "loss") == 0 ||
				             strcmp(used[k]->name, "delay") == 0 || strcmp(used[k]->name, "rate") == 0);
				if ((k > i && used[i] == used[k]) || prof)
				{
					fprintf(stderr, "rdprepro sweep: %s and %s both set %s\n", used[i]->name,
					        used[k]->name, prof ? used[k]->name : "the same key");
					goto done;
				}
			}
	}
	if (sw->n_axes == 2 && sw->ax[0].n * sw->ax[1].n > MAX_POINTS)
	{
		fprintf(stderr, "rdprepro sweep: %d points: at most %d\n", sw->ax[0].n * sw->ax[1].n,
		        MAX_POINTS);
		goto done;
	}
	rp_strlcpy(sw->scenario, argv[optind], sizeof(sw->scenario));
	{
		const char* b = strrchr(sw->scenario, '/');
		size_t len;
		rp_strlcpy(sw->base, b ? b + 1 : sw->scenario, sizeof(sw->base));
		len = strlen(sw->base);
		if (len > 4 && strcmp(sw->base + len - 4, ".scn") == 0)
			sw->base[len - 4] = '\0';
	}
	if (!out)
	{
		snprintf(outbuf, sizeof(outbuf), "sweep-%s", sw->base);
		out = outbuf;
	}
	make_points(sw);
	snprintf(points, sizeof(points), "%s/points", out);
	snprintf(runs, sizeof(runs), "%s/runs", out);
	/* Every point's settings tried on the text before anything is written (the runner then
	 * parses every point's file before any runs). */
	for (int p = 0; p < sw->n_points; p++)
	{
		struct rp_ini t;
		struct rp_setting set[MAX_SETS + 2];
		int n = point_settings(sw, &sw->pts[p], set);
		bool ok = rp_ini_load(sw->scenario, &t, &err) && rp_sweep_apply(&t, sw->scenario, set, n, &err);
		rp_ini_free(&t);
		if (!ok)
		{
			fprintf(stderr, "rdprepro sweep: %s\n", err.msg);
			goto done;
		}
	}
	if (!prepare_out(out, &err) || !rp_mkdir_p(points, &err) || !write_grid(sw, out, &err))
	{
		fprintf(stderr, "rdprepro sweep: %s\n", err.msg);
		goto done;
	}
	for (int p = 0; p < sw->n_points; p++)
		if (!write_point(sw, &sw->pts[p], points, &err))
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
	{
		const char* rargv[32];
		int n = 0, rrc;
		snprintf(rep, sizeof(rep), "%d", sw->repeat);
		rargv[n++] = "run";
		rargv[n++] = "--results";
		rargv[n++] = runs;
		rargv[n++] = "--repeat";
		rargv[n++] = rep;
		rargv[n++] = "--vary-seed";
		rargv[n++] = "--quiet";
		rargv[n++] = "-j";
		rargv[n++] = jobs;
		if (sw->have_seed)
		{
			snprintf(seed, sizeof(seed), "%u", sw->seed);
			rargv[n++] = "--seed";
			rargv[n++] = seed;
		}
		if (shard)
		{
			rargv[n++] = "--shard";
			rargv[n++] = shard;
		}
		if (backend)
		{
			rargv[n++] = "--backend";
			rargv[n++] = backend;
		}
		if (vm)
			rargv[n++] = vm;
		rargv[n++] = points;
		rargv[n] = NULL;
		rrc = rp_run_main(n, (char**)rargv);
		if (rrc == 2)
			goto done; /* the runner said why */
		ret = report(sw, out, runs);
		if (rrc >= 128)
			ret = rrc;
	}
done:
	free(sw);
	return ret;
}

/* ---- merge ---- */

static int merge_usage(FILE* f)
{
	fprintf(f, "usage: rdprepro merge DIR... --out DIR\n"
	           "  Puts the results of shards (`run --shard I/N`, `sweep --shard I/N`) together: every\n"
	           "  result folder side by side in --out, junit.xml and results.tap over them all, the\n"
	           "  totals; for sweeps (a sweep.json in each DIR, the same grid) the runs under\n"
	           "  --out/runs and the sweep's report (points.csv, runs.csv, sweep.json, pictures)\n"
	           "  over every shard's runs.\n"
	           "exit: 0 all passed or skipped (a sweep: merged), 1 a failure or error among the runs,\n"
	           "      2 bad usage, a directory with no results, shards that overlap or differ\n");
	return f == stderr ? 2 : 0;
}

/* cp -a SRC DST (a result folder, its logs and captures as they are). */
static bool copy_tree(const char* src, const char* dst, struct rp_err* err)
{
	const char* argv[] = { "cp", "-a", "--", src, dst, NULL };
	char cp[4096];
	int status;

	if (!rp_find_in_path("cp", cp, sizeof(cp)))
		return rp_fail(err, "cp not found");
	argv[0] = cp;
	if (!rp_proc_run(argv, false, 120000, &status, err))
		return false;
	return status == 0 ? true : rp_fail(err, "cp -a %s %s: status %d", src, dst, status);
}

/* The result folders of one shard's results directory: DIR/<scenario>/ (result.json) or
 * DIR/<scenario>/run-K/; appended to outs with their paths relative to DIR. */
struct merged
{
	struct rp_outcome* o;
	char (*rel)[200];
	char (*from)[1100];
	int n, cap;
};

static bool merged_add(struct merged* m, const char* dir, const char* rel, struct rp_err* err)
{
	char path[4300];
	if (m->n == m->cap)
	{
		int cap = m->cap ? m->cap * 2 : 128;
		void* a = realloc(m->o, (size_t)cap * sizeof(*m->o));
		void* b = a ? realloc(m->rel, (size_t)cap * sizeof(*m->rel)) : NULL;
		void* c = b ? realloc(m->from, (size_t)cap * sizeof(*m->from)) : NULL;
		if (a)
			m->o = a;
		if (b)
			m->rel = b;
		if (!c)
			return rp_fail(err, "out of memory");
		m->from = c;
		m->cap = cap;
	}
	snprintf(path, sizeof(path), "%s/%s/result.json", dir, rel);
	memset(&m->o[m->n], 0, sizeof(m->o[m->n]));
	if (!rp_result_read(path, &m->o[m->n], err))
		return false;
	for (int i = 0; i < m->n; i++)
		if (strcmp(m->rel[i], rel) == 0)
			return rp_fail(err, "%s is in %s and in %s: the shards overlap", rel, m->from[i], dir);
	rp_strlcpy(m->rel[m->n], rel, sizeof(m->rel[0]));
	rp_strlcpy(m->from[m->n], dir, sizeof(m->from[0]));
	m->n++;
	return true;
}

static bool collect(struct merged* m, const char* dir, struct rp_err* err)
{
	struct dirent** names = NULL;
	int n = scandir(dir, &names, NULL, alphasort), before = m->n;
	bool ok = true;

	if (n < 0)
		return rp_fail(err, "%s: %s", dir, strerror(errno));
	for (int i = 0; i < n && ok; i++)
	{
		char p[4300];
		struct dirent** sub = NULL;
		int k;
		if (names[i]->d_name[0] == '.')
			continue;
		snprintf(p, sizeof(p), "%s/%s/result.json", dir, names[i]->d_name);
		if (access(p, F_OK) == 0)
		{
			ok = merged_add(m, dir, names[i]->d_name, err);
			continue;
		}
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]->d_name);
		k = scandir(p, &sub, NULL, alphasort);
		for (int j = 0; j < k; j++)
		{
			char rel[200], q[4600];
			snprintf(rel, sizeof(rel), "%s/%s", names[i]->d_name, sub[j]->d_name);
			snprintf(q, sizeof(q), "%s/%s/result.json", dir, rel);
			if (ok && strncmp(sub[j]->d_name, "run-", 4) == 0 && access(q, F_OK) == 0)
				ok = merged_add(m, dir, rel, err);
			free(sub[j]);
		}
		free(sub);
	}
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
	if (ok && m->n == before)
		return rp_fail(err, "%s: no result folders (result.json) in it", dir);
	return ok;
}

/* The folders into out, junit.xml and results.tap over them; the status counts in counts. */
static bool merge_results(char** dirs, int nd, const char* out, int counts[RP_STATUS_COUNT],
                          struct rp_err* err)
{
	struct merged m = { 0 };
	double total_ms = 0;
	char path[4300];
	bool ok = true;

	char** dirs_kept;

	for (int i = 0; i < nd && ok; i++)
		ok = collect(&m, dirs[i], err);
	ok = ok && rp_mkdir_p(out, err);
	if (!(dirs_kept = calloc((size_t)(m.n ? m.n : 1), sizeof(*dirs_kept))))
		return rp_fail(err, "out of memory");
	for (int i = 0; ok && i < m.n; i++)
	{
		char src[4300], dst[4300], parent[4300];
		char* slash;
		snprintf(src, sizeof(src), "%s/%s", m.from[i], m.rel[i]);
		snprintf(dst, sizeof(dst), "%s/%s", out, m.rel[i]);
		rp_strlcpy(parent, dst, sizeof(parent));
		if ((slash = strrchr(parent, '/')))
			*slash = '\0';
		if (!rp_remove_tree(dst, err) || !rp_mkdir_p(parent, err) || !copy_tree(src, dst, err))
			ok = false;
		counts[m.o[i].status]++;
		total_ms += m.o[i].wall_ms;
		/* report.html inlines each run's timeline and report.txt from its (copied) folder. */
		if (ok && (dirs_kept[i] = strdup(dst)))
		{
			char* txt = NULL;
			snprintf(path, sizeof(path), "%s/report.txt", dst);
			m.o[i].dir = dirs_kept[i];
			if (access(path, R_OK) == 0 && rp_read_file(path, &txt, err))
				m.o[i].report = txt;
		}
	}
	if (ok)
	{
		snprintf(path, sizeof(path), "%s/junit.xml", out);
		ok = rp_junit_write(path, m.o, m.n, total_ms, err);
		snprintf(path, sizeof(path), "%s/results.tap", out);
		ok = ok && rp_tap_write(path, m.o, m.n, err);
		ok = ok && rp_report_html_write(out, m.o, m.n, err);
	}
	for (int i = 0; i < m.n; i++)
	{
		free(m.o[i].report);
		free(dirs_kept[i]);
	}
	free(dirs_kept);
	free(m.o);
	free(m.rel);
	free(m.from);
	return ok;
}

int rp_merge_main(int argc, char** argv)
{
	static const struct option lo[] = { { "out", required_argument, NULL, 'o' },
		                                 { "help", no_argument, NULL, 'h' },
		                                 { NULL, 0, NULL, 0 } };
	const char* out = NULL;
	struct rp_err err = { "" };
	int counts[RP_STATUS_COUNT] = { 0 };
	int c, nd, sweeps = 0;
	char** dirs;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", lo, NULL)) != -1)
	{
		if (c == 'o')
			out = optarg;
		else if (c == 'h')
			return merge_usage(stdout);
		else
			return merge_usage(stderr);
	}
	dirs = argv + optind;
	nd = argc - optind;
	if (!out || nd < 1)
		return merge_usage(stderr);
	for (int i = 0; i < nd; i++)
	{
		char p[1200];
		struct stat st;
		if (stat(dirs[i], &st) != 0 || !S_ISDIR(st.st_mode))
		{
			fprintf(stderr, "rdprepro merge: %s: not a directory\n", dirs[i]);
			return 2;
		}
		if (strcmp(dirs[i], out) == 0)
		{
			fprintf(stderr, "rdprepro merge: %s is an input and the output\n", out);
			return 2;
		}
		snprintf(p, sizeof(p), "%s/sweep.json", dirs[i]);
		sweeps += access(p, F_OK) == 0;
	}
	if (sweeps && sweeps != nd)
	{
		fprintf(stderr, "rdprepro merge: %d of the %d directories are sweeps: merge sweeps with "
		                "sweeps and runs with runs\n", sweeps, nd);
		return 2;
	}
	if (sweeps)
	{
		/* Every shard of one sweep: the same grid. */
		struct sweep *sw = calloc(1, sizeof(*sw)), *other = calloc(1, sizeof(*other));
		char** rdirs = calloc((size_t)nd, sizeof(*rdirs));
		char runs[1200];
		int ret = 2;
		for (int i = 0; sw && other && rdirs && i < nd; i++)
		{
			char p[1200];
			snprintf(p, sizeof(p), "%s/sweep.json", dirs[i]);
			if (!grid_read(p, i ? other : sw, &err))
			{
				fprintf(stderr, "rdprepro merge: %s\n", err.msg);
				goto sweep_done;
			}
			if (i && (strcmp(sw->base, other->base) || sw->repeat != other->repeat ||
			          sw->n_points != other->n_points ||
			          memcmp(sw->pts, other->pts, sizeof(sw->pts[0]) * (size_t)sw->n_points)))
			{
				fprintf(stderr, "rdprepro merge: %s is another sweep than %s (scenario, repeat "
				                "or grid differ)\n", dirs[i], dirs[0]);
				goto sweep_done;
			}
			if (asprintf(&rdirs[i], "%s/runs", dirs[i]) < 0)
				goto sweep_done;
		}
		snprintf(runs, sizeof(runs), "%s/runs", out);
		if (!sw || !other || !rdirs || !rp_mkdir_p(out, &err) ||
		    !merge_results(rdirs, nd, runs, counts, &err) || !write_grid(sw, out, &err))
		{
			fprintf(stderr, "rdprepro merge: %s\n", err.msg);
			goto sweep_done;
		}
		printf("merged %d shards of sweep %s\n", nd, sw->base);
		ret = report(sw, out, runs);
	sweep_done:
		for (int i = 0; rdirs && i < nd; i++)
			free(rdirs[i]);
		free(rdirs);
		free(sw);
		free(other);
		return ret;
	}
	if (!merge_results(dirs, nd, out, counts, &err))
	{
		fprintf(stderr, "rdprepro merge: %s\n", err.msg);
		return 2;
	}
	printf("%d passed, %d failed, %d skipped, %d errors (merged from %d directories; results in "
	       "%s)\n",
	       counts[RP_PASS], counts[RP_FAIL], counts[RP_SKIP], counts[RP_ERROR], nd, out);
	return counts[RP_FAIL] || counts[RP_ERROR] ? 1 : 0;
}
