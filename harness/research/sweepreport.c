/* sweepreport.c: a sweep's runs read back (result.json and evidence.json of each), per point the
 * failure rate with its Wilson interval, the verdicts and the time to failure; points.csv,
 * runs.csv, sweep.json; gnuplot's input (points.dat, plot.gp, kept) and its pictures. */
#include "sweep.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json-c/json.h>

#include "artifact.h"
#include "evidence.h"
#include "files.h"
#include "proc.h"
#include "report.h"
#include "results.h"
#include "resultjson.h"
#include "util.h"
#include "verdict.h"

#define MAX_VERDICTS 8

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

struct point_stats
{
	int runs, failures, skipped, errors;
	double rate, lo, hi;
	double ttf_med, ttf_p90, tta_med;
	int n_verdicts;
	char verdict[MAX_VERDICTS][32];
	int count[MAX_VERDICTS];
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

/* gnuplot's files. Its script is fixed text: no name, label or verdict from a record or a
 * file is ever written into it (a string in a script is code: `"x\";system \"id\";"` as a
 * sweep's name once ran `id` as root, issue 29). The sweep's text is data, read by gnuplot as
 * data: the titles from titles.dat (`stats ... strcol`), the tic labels from points.dat
 * (`xtic()`), each label noenhanced. The legend's names are the taxonomy's own strings
 * (verdict.c), chosen by the record, never copied from it. */
#define GP_SCRIPT "plot.gp"
#define GP_POINTS "points.dat"
#define GP_TITLES "titles.dat"
#define GP_LOG "gnuplot.log"

/* A quoted string in a gnuplot data file; nothing that could end the quotes or a line: the
 * callers give checked names and labels, and this holds them to it. */
static bool dat_string(FILE* f, const char* s)
{
	if (strpbrk(s, "\"\\`"))
		return false;
	for (const char* c = s; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			return false;
	fprintf(f, " \"%s\"", s);
	return true;
}

/* name created in dfd (O_EXCL, never through a symlink) for writing. */
static FILE* create_at(int dfd, const char* name, struct rp_err* err)
{
	int fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	FILE* f = fd >= 0 ? fdopen(fd, "w") : NULL;

	if (!f)
	{
		rp_fail(err, "%s: %s", name, strerror(errno));
		if (fd >= 0)
			close(fd);
	}
	return f;
}

static bool close_ok(FILE* f, const char* name, struct rp_err* err)
{
	bool ok = !ferror(f);
	ok = fclose(f) == 0 && ok; /* both: a full disk shows at either */
	return ok ? true : rp_fail(err, "%s: cannot write", name);
}

/* points.dat: a row a point. Column 2 is the x position (the value for one numeric key, else
 * the index), 3 the y index; 11-13 the labels and the dominant verdict, quoted. */
static bool write_points_dat(int dfd, const struct rp_sweep* sw, const struct point_stats* st,
                             const char* const* legend, int n_legend, struct rp_err* err)
{
	FILE* f = create_at(dfd, GP_POINTS, err);
	bool numeric = sw->n_axes == 1 && sw->ax[0].key->unit != U_PROFILE, ok = true;

	if (!f)
		return false;
	fprintf(f, "# point  x  y  rate%%  lo%%  hi%%  ttf_median_s  ttf_p90_s  active_median_s  "
	           "colour  xlabel  ylabel  dominant\n");
	for (int p = 0; p < sw->n_points && ok; p++)
	{
		const struct point_stats* s = &st[p];
		const struct rp_sweep_point* pt = &sw->pts[p];
		const char* d = dominant(s);
		int c = 0;
		while (c < n_legend && strcmp(legend[c], d) != 0)
			c++;
		fprintf(f, "%d %g %d", p + 1, numeric ? sw->ax[0].v[pt->idx[0]] : pt->idx[0],
		        sw->n_axes > 1 ? pt->idx[1] : 0);
		if (s->runs == 0)
			fprintf(f, " ? ? ? ? ? ? 0xdddddd");
		else
		{
			fprintf(f, " %.2f %.2f %.2f", 100 * s->rate, 100 * s->lo, 100 * s->hi);
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
		ok = dat_string(f, sw->ax[0].label[pt->idx[0]]) &&
		     dat_string(f, sw->n_axes > 1 ? sw->ax[1].label[pt->idx[1]] : "") &&
		     dat_string(f, d[0] ? d : "-");
		fputc('\n', f);
	}
	if (!ok)
	{
		fclose(f);
		return rp_fail(err, "%s: a label that is not a value's", GP_POINTS);
	}
	return close_ok(f, GP_POINTS, err);
}

/* titles.dat: the picture's title and its axes' names, one row of quoted strings. */
static bool write_titles_dat(int dfd, const struct rp_sweep* sw, struct rp_err* err)
{
	FILE* f = create_at(dfd, GP_TITLES, err);
	char title[256], x[96];
	const char* unit = rp_unit_name(sw->ax[0].key);
	bool ok;

	if (!f)
		return false;
	if (sw->n_axes == 1)
		snprintf(title, sizeof(title), "%s: failure over %s, %d runs a point (95 %% Wilson "
		                               "intervals)", sw->base, sw->ax[0].key->name, sw->repeat);
	else
		snprintf(title, sizeof(title), "%s: the verdict most runs had, and the failure rate "
		                               "(%d runs a point)", sw->base, sw->repeat);
	snprintf(x, sizeof(x), "%s%s%s%s", sw->ax[0].key->name, unit[0] && sw->n_axes == 1 ? " (" : "",
	         sw->n_axes == 1 ? unit : "", unit[0] && sw->n_axes == 1 ? ")" : "");
	fprintf(f, "# title  xlabel  ylabel\n");
	ok = dat_string(f, title) && dat_string(f, x) &&
	     dat_string(f, sw->n_axes > 1 ? sw->ax[1].key->name : "-");
	fputc('\n', f);
	if (!ok)
	{
		fclose(f);
		return rp_fail(err, "%s: a name that is not a scenario's", GP_TITLES);
	}
	return close_ok(f, GP_TITLES, err);
}

/* plot.gp: fixed text (see above); which text follows the number of keys and whether the one
 * key is numeric. The legend's rows name causes by the taxonomy's strings. */
static bool write_plot_gp(int dfd, const struct rp_sweep* sw, const char* const* legend,
                          int n_legend, struct rp_err* err)
{
	FILE* f = create_at(dfd, GP_SCRIPT, err);
	bool numeric = sw->ax[0].key->unit != U_PROFILE;
	const char* base = sw->n_axes == 1 ? "failure-rate" : "verdict-map";

	if (!f)
		return false;
	fprintf(f, "# Written by `rdprepro sweep`: `gnuplot plot.gp` in this folder draws the "
	           "pictures again.\n# Fixed text: the sweep's names and labels are data "
	           "(titles.dat, points.dat).\nset datafile missing '?'\nset encoding utf8\n"
	           "stats '" GP_TITLES "' using (t_title = strcol(1), t_x = strcol(2), "
	           "t_y = strcol(3), 0) nooutput\nset grid\nset xtics noenhanced\n"
	           "set ytics noenhanced\n");
	for (int pass = 0; pass < 2; pass++)
	{
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
			/* A numeric key: x is the value, 3 % of the range on each side; a profile: x is
			 * the index, the profile's name its tic. */
			const char* xt = numeric ? "" : ":xtic(11)";
			fprintf(f, "set multiplot layout 2,1 title t_title noenhanced font 'sans,13'\n"
			           "set xlabel t_x noenhanced\nset autoscale xfix\n%s\n"
			           "set ylabel 'failure rate (%%)'\nset yrange [0:100]\nset key top left\n"
			           "plot '" GP_POINTS "' using 2:4:5:6%s with yerrorlines lw 2 pt 7 ps 1.2 "
			           "lc rgb '#c62828' title 'runs that failed, with the 95 %% Wilson "
			           "interval'\n",
			        numeric ? "set offsets graph 0.03, graph 0.03, 0, 0" : "set offsets 0.5, 0.5, 0, 0",
			        xt);
			fprintf(f, "set ylabel 'seconds from the client start'\nset yrange [0:*]\n"
			           "plot '" GP_POINTS "' using 2:7%s with linespoints lw 2 pt 7 "
			           "lc rgb '#c62828' title 'time to failure, median', '' using 2:8 with "
			           "linespoints lw 1 pt 6 dt 2 lc rgb '#c62828' title 'time to failure, p90', "
			           "'' using 2:9 with linespoints lw 2 pt 5 lc rgb '#2e7d32' title 'time to "
			           "active, median (runs that connected)'\nunset multiplot\n",
			        xt);
		}
		else
		{
			fprintf(f, "set title t_title noenhanced font 'sans,13'\nset xlabel t_x noenhanced\n"
			           "set ylabel t_y noenhanced\nset autoscale fix\n" /* the cells' extents */
			           "unset grid\nset key outside right top\n"
			           "plot '" GP_POINTS "' using 2:3:(0.5):(0.5):10:xtic(11):ytic(12) with "
			           "boxxyerror fs solid 0.85 noborder lc rgb variable notitle, '' using "
			           "2:3:(stringcolumn(4) eq '?' ? 'not run' : sprintf('%%.0f%%%%', "
			           "column(4))) with labels tc rgb '#ffffff' font 'sans,10' notitle");
			for (int c = 0; c < n_legend; c++)
				fprintf(f, ", NaN with boxes fs solid 0.85 lc rgb '%s' title '%s'", palette[c],
				        rp_cause_name(rp_cause_from_name(legend[c])));
			fprintf(f, "\n");
		}
	}
	return close_ok(f, GP_SCRIPT, err);
}

/* gnuplot plot.gp, run in dfd (its output in gnuplot.log there) as an identity of its own
 * (priv.h: another uid where root may take one, no capability, no_new_privs): gnuplot is a
 * language, and whatever its input, it can then write nowhere but in dfd (docs/security.md).
 * dfd is handed to that identity for the run and taken back after; what it made is checked
 * (regular files of one link) before it is moved into out. */
static bool run_gnuplot(const char* gp, int dfd, struct rp_err* err)
{
	const char* argv[] = { gp, GP_SCRIPT, NULL };
	struct rp_identity as;
	struct rp_spawn sp = { .argv = argv, .fd_stdin = -1, .fd_stdout = -1, .fd_stderr = -1,
		                   .as = &as };
	int logfd = openat(dfd, GP_LOG, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	int cwd = open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int status = -1, rc = -1;
	pid_t pid;
	bool handed;

	rp_identity_for(getpid(), &as);
	handed = !as.switch_uid || fchown(dfd, as.uid, as.gid) == 0;
	if (handed && logfd >= 0 && cwd >= 0 && fchdir(dfd) == 0)
	{
		sp.fd_stdout = sp.fd_stderr = logfd;
		rc = rp_proc_spawn(&sp, &pid, err) ? rp_proc_wait(pid, rp_now_ms() + 60000, &status) : -1;
		if (rc == 0)
			rp_proc_stop(pid, 100);
		if (fchdir(cwd) != 0)
			rc = -1;
	}
	if (logfd >= 0)
		close(logfd);
	if (cwd >= 0)
		close(cwd);
	/* Taken back: the directory, then each picture gnuplot made, as ours. */
	if (as.switch_uid && fchown(dfd, geteuid(), getegid()) != 0)
		return rp_fail(err, "gnuplot's directory: %s", strerror(errno));
	if (!handed)
		return rp_fail(err, "gnuplot's directory: cannot hand it to uid %u", (unsigned)as.uid);
	if (rc != 1 || rp_proc_exit_code(status) != 0)
		return rp_fail(err, "gnuplot failed (status %d)", rp_proc_exit_code(status));
	return true;
}

/* A file of gnuplot's directory (its input, its pictures, its log) after it ran there: a
 * regular file of one link (not a symlink, or anything else it could have left under that
 * name), made ours before it goes into out. */
static bool made_ok(int dfd, const char* name, struct rp_err* err)
{
	struct stat st;

	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0)
		return rp_fail(err, "gnuplot made no %s: %s", name, strerror(errno));
	if (!S_ISREG(st.st_mode) || st.st_nlink != 1)
		return rp_fail(err, "gnuplot's %s is not a regular file of one link: refused", name);
	if (fchownat(dfd, name, geteuid(), getegid(), AT_SYMLINK_NOFOLLOW) != 0)
		return rp_fail(err, "%s: %s", name, strerror(errno));
	return true;
}

/* gnuplot's input (points.dat, titles.dat, plot.gp, all kept), then gnuplot, in a private
 * directory inside out (rp_private_dir: gnuplot reads its script and data and writes its
 * pictures where no one else can write, and out may be anyone's: `sweep --report` on a
 * downloaded folder); what it made renamed into out (renameat replaces a symlink planted at the name, it
 * never writes through one): failure-rate.svg/.png for one key, verdict-map.svg/.png for two.
 * On a failure gnuplot.log is kept in out. */
static bool plot(const struct rp_sweep* sw, const struct point_stats* st, const char* out,
                 char* pictures, size_t pn, struct rp_err* err)
{
	const char* base = sw->n_axes == 1 ? "failure-rate" : "verdict-map";
	const char* legend[10];
	char gp[4096], svg[32], png[32], tmp[64];
	const char* keep[] = { GP_POINTS, GP_TITLES, GP_SCRIPT, svg, png };
	int n_legend = 0, dfd = -1, ofd;
	struct rp_err scratch; /* what a failure after the first does not overwrite */
	bool ok;

	pictures[0] = '\0';
	if (!rp_find_in_path("gnuplot", gp, sizeof(gp)))
		return rp_fail(err, "no pictures: gnuplot is not installed (Debian: gnuplot-nox)");
	/* The legend: each point's dominant verdict, in order of first appearance, ten at most. */
	for (int p = 0; p < sw->n_points; p++)
	{
		const char* d = dominant(&st[p]);
		int c = 0;
		while (c < n_legend && strcmp(legend[c], d) != 0)
			c++;
		if (d[0] && c == n_legend && n_legend < 10)
			legend[n_legend++] = d;
	}
	snprintf(svg, sizeof(svg), "%s.svg", base);
	snprintf(png, sizeof(png), "%s.png", base);
	if ((ofd = open(out, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return rp_fail(err, "%s: %s", out, strerror(errno));
	ok = (dfd = rp_private_dir(out, ".gnuplot", tmp, sizeof(tmp), err)) >= 0 &&
	     write_points_dat(dfd, sw, st, legend, n_legend, err) && write_titles_dat(dfd, sw, err) &&
	     write_plot_gp(dfd, sw, legend, n_legend, err) && run_gnuplot(gp, dfd, err);
	if (dfd >= 0 && !ok && made_ok(dfd, GP_LOG, &scratch) &&
	    renameat(dfd, GP_LOG, ofd, GP_LOG) == 0)
	{
		char why[sizeof(err->msg)];
		rp_strlcpy(why, err->msg, sizeof(why));
		rp_fail(err, "%s: see %s/%s", why, out, GP_LOG);
	}
	for (size_t i = 0; dfd >= 0 && i < sizeof(keep) / sizeof(keep[0]); i++)
		if (!made_ok(dfd, keep[i], ok ? err : &scratch))
			ok = false;
		else if (renameat(dfd, keep[i], ofd, keep[i]) != 0 && ok)
			ok = rp_fail(err, "%s/%s: %s", out, keep[i], strerror(errno));
	if (dfd >= 0)
	{
		unlinkat(dfd, GP_LOG, 0);
		for (size_t i = 0; i < sizeof(keep) / sizeof(keep[0]); i++)
			unlinkat(dfd, keep[i], 0);
		close(dfd);
		unlinkat(ofd, tmp, AT_REMOVEDIR);
	}
	close(ofd);
	if (ok)
		snprintf(pictures, pn, "%s/%s.svg, .png", out, base);
	return ok;
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
	if (plot(sw, st, out, pictures, sizeof(pictures), &err))
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
