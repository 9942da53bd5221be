/* sweepplot.c: a sweep's pictures: gnuplot's input (points.dat, titles.dat, plot.gp, kept)
 * written from each point's statistics, and gnuplot run on it as an identity of its own. */
#include "sweepplot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "files.h"
#include "proc.h"
#include "util.h"
#include "verdict.h"

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
bool rp_sweep_plot(const struct rp_sweep* sw, const struct point_stats* st, const char* out,
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

