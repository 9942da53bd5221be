/* runner.c: run scenarios in labs and decide their results. */
#include "runner.h"

#include <dirent.h>
#include <sys/mount.h>
#include <sched.h>
#include <fnmatch.h>
#include <limits.h>
#include <sys/prctl.h>
#include <signal.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <signal.h>
#include <unistd.h>

#include "artifact.h"
#include "cleanup.h"
#include "creds.h"
#include "evidence.h"
#include "fieldlog.h"
#include "lab.h"
#include "proc.h"
#include "report.h"
#include "results.h"
#include "resultjson.h"
#include "rootless.h"
#include "vm.h"
#include "run.h"
#include "runopts.h"
#include "runtext.h"
#include "select.h"
#include "scenario.h"
#include "timeline.h"
#include "verdict.h"


/* ---- results directories ---- */

/* Claims a results directory for this run: an flock on the directory itself, held until the
 * run ends (the fd is close-on-exec, so only the runner holds it). No lock file: a DIR/.lock
 * opened with O_CREAT was followed through a symlink planted in its place, and made the file
 * it named as root (issue 29); a directory's own descriptor names nothing else. A second run
 * given the same directory (two `make scenarios` at once) would remove and rewrite the first's
 * result folders under it; it writes to DIR-PID instead and says so. *got is the directory
 * used, *fd the lock (closed at exit). */
static bool claim_results(const char* want, char* got, size_t n, int* fd, struct rp_err* err)
{
	for (int attempt = 0; attempt < 2; attempt++)
	{
		if (attempt == 0)
			rp_strlcpy(got, want, n);
		else
			snprintf(got, n, "%s-%ld", want, (long)getpid());
		if (!rp_mkdir_p(got, err))
			return false;
		if ((*fd = open(got, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
			return rp_fail(err, "%s: %s", got, strerror(errno));
		if (flock(*fd, LOCK_EX | LOCK_NB) == 0)
		{
			/* Absolute from here on: daemons such as xrdp change directory before they
			 * open the log path they were given. */
			char abs[PATH_MAX];
			if (realpath(got, abs))
				rp_strlcpy(got, abs, n);
			if (attempt > 0)
				fprintf(stderr, "rdprepro: %s is in use by another run; results in %s\n", want, got);
			return true;
		}
		if (errno != EWOULDBLOCK)
			return rp_fail(err, "flock %s: %s", got, strerror(errno));
		close(*fd);
		*fd = -1;
	}
	return rp_fail(err, "%s is in use by another run", got);
}

/* One job: a scenario and which of its --repeat runs. */
struct job
{
	const struct rp_scenario* sc;
	int run;
	char resdir[4096];
	pid_t pid;
	bool done;
	struct rp_outcome out;
};

/* The job's folder before its files go in: made afresh by the run (lab_up), or here for a run
 * that ended before that; a symlink in its place is refused, never written through. */
static bool job_folder(const char* path, struct rp_err* err)
{
	struct stat st;

	if (!rp_mkdir_p(path, err))
		return false;
	if (lstat(path, &st) != 0)
		return rp_fail(err, "%s: %s", path, strerror(errno));
	if (!S_ISDIR(st.st_mode))
		return rp_fail(err, "%s: %s: refused as the run's folder", path,
		               S_ISLNK(st.st_mode) ? "a symlink" : "not a directory");
	return true;
}

/* The worker: a forked child that runs one job in its own lab, with its own cleanup stack,
 * and leaves result.json and report.txt in the job's folder. */
static int worker(struct job* jb, const struct run_opts* o)
{
	struct result* r = calloc(1, sizeof(*r));
	struct rp_outcome oc = { 0 };
	struct rp_err err = { "" };
	char path[4096], evpath[4096];
	struct rp_scenario sc = *jb->sc;
	const char* here;
	char* report;
	struct rp_out out;

	/* If the runner dies (even SIGKILL), unwind this lab as for Ctrl-C. */
	prctl(PR_SET_PDEATHSIG, SIGTERM);
	if (getppid() == 1 || !r || !rp_signals_after_fork())
		return 1;
	if (o->have_seed)
		sc.seed = o->seed;
	if (o->vary_seed)
		sc.seed += (unsigned)(jb->run - 1);
	/* It ends without root, in the job's folder: what follows writes there by name. */
	here = rp_run_scenario(&sc, jb->resdir, o, r) ? "." : jb->resdir;
	report = rp_report_text(r);
	rp_strlcpy(oc.scenario, sc.name, sizeof(oc.scenario));
	rp_strlcpy(oc.path, sc.path, sizeof(oc.path));
	oc.run = jb->run;
	oc.status = r->status;
	rp_strlcpy(oc.reason, r->reason, sizeof(oc.reason));
	rp_strlcpy(oc.expected, rp_cause_name(sc.expect), sizeof(oc.expected));
	rp_strlcpy(oc.verdict, r->have_evidence ? rp_cause_name(r->verdict.cause) : "",
	           sizeof(oc.verdict));
	rp_strlcpy(oc.because, r->have_evidence ? r->verdict.because : "", sizeof(oc.because));
	if (r->have_evidence)
	{
		rp_strlcpy(oc.confidence, rp_confidence_name(r->verdict.confidence),
		           sizeof(oc.confidence));
		rp_strlcpy(oc.eliminated, r->verdict.eliminated, sizeof(oc.eliminated));
		for (int k = 0; k < r->verdict.n_candidates; k++)
		{
			size_t len = strlen(oc.candidates);
			snprintf(oc.candidates + len, sizeof(oc.candidates) - len, "%s%s", len ? " " : "",
			         rp_cause_name(r->verdict.candidates[k]));
		}
	}
	rp_strlcpy(oc.accepted, r->accepted, sizeof(oc.accepted));
	oc.seed = sc.seed;
	oc.wall_ms = r->wall_ms;
	memcpy(oc.steps_ms, r->steps_ms, sizeof(oc.steps_ms));
	rp_strlcpy(oc.link, r->link, sizeof(oc.link));
	memcpy(oc.fired, r->fired, sizeof(oc.fired));
	oc.n_fired = r->n_fired;
	if (!job_folder(here, &err))
	{
		/* Nothing written: the runner reports the job as one that left no result. */
		fprintf(stderr, "rdprepro: %s\n", err.msg);
		free(report);
		free(r);
		return 1;
	}
	snprintf(path, sizeof(path), "%s/report.txt", here);
	if (rp_out_open(&out, path, &err))
	{
		fputs(report ? report : "", out.f);
		if (!rp_out_commit(&out, &err))
			fprintf(stderr, "rdprepro: %s\n", err.msg);
	}
	else
		fprintf(stderr, "rdprepro: %s\n", err.msg);
	snprintf(evpath, sizeof(evpath), "%s/evidence.json", here);
	snprintf(path, sizeof(path), "%s/result.json", here);
	if (!rp_result_write(path, &oc, r->have_evidence ? evpath : NULL, r->server_log, &err))
		fprintf(stderr, "rdprepro: %s\n", err.msg);
	rp_timeline_for_run(here, sc.name, r);
	free(report);
	free(r);
	return 0;
}

static bool spawn_worker(struct job* jb, const struct run_opts* o)
{
	pid_t pid;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0)
		_exit(worker(jb, o));
	jb->pid = pid;
	return true;
}

/* Reads what a finished worker left; a worker that left nothing is a harness ERROR. */
static void collect_job(struct job* jb, int status)
{
	char path[4096];
	struct rp_err err = { "" };

	jb->done = true;
	/* The worker wrote there as the run's identity; the folder is the runner's again. */
	rp_run_take_back(jb->resdir);
	snprintf(path, sizeof(path), "%s/result.json", jb->resdir);
	/* Written by the worker as the run's identity: rp_result_read reads it as a stranger's. */
	if (!rp_result_read(path, &jb->out, &err))
	{
		rp_strlcpy(jb->out.scenario, jb->sc->name, sizeof(jb->out.scenario));
		rp_strlcpy(jb->out.path, jb->sc->path, sizeof(jb->out.path));
		jb->out.run = jb->run;
		jb->out.status = RP_ERROR;
		snprintf(jb->out.reason, sizeof(jb->out.reason), "worker ended with status %d: %s",
		         rp_proc_exit_code(status), err.msg);
		return;
	}
	/* The worker's report.txt: a regular file, not through a symlink, bounded (a report is a
	 * few KiB; the server's lines in it are bounded by the record). */
	snprintf(path, sizeof(path), "%s/report.txt", jb->resdir);
	if (!rp_read_regular(path, 4u << 20, true, &jb->out.report, NULL, &err))
		jb->out.report = NULL;
}

static void print_outcome(const struct rp_outcome* o, int repeat)
{
	char name[96];

	snprintf(name, sizeof(name), repeat > 1 ? "%s#%d" : "%s", o->scenario, o->run);
	printf("%s %s: %s (%.2f s)\n", rp_status_tag(o->status), name, o->reason, o->wall_ms / 1000.0);
	if (o->report)
		fputs(o->report, stdout);
	fflush(stdout);
}

/* The progress line on a terminal: a bar, done/all, the time left at the pace so far (the
 * runs done over the wall time since the first start: parallel labs included), what runs. */
static void progress(const struct job* jobs, int n, int done, bool tty, double t0)
{
	char line[160], eta[32] = "";
	int len, fill = n ? done * 20 / n : 20;
	double el = rp_now_ms() - t0;

	if (!tty)
		return;
	if (done > 0 && done < n)
	{
		int left = (int)(el / done * (n - done) / 1000.0 + 0.5);
		snprintf(eta, sizeof(eta), " ETA %dm%02ds", left / 60, left % 60);
	}
	len = snprintf(line, sizeof(line), "[%.*s%.*s] %d/%d%s running:", fill,
	               "####################", 20 - fill, "....................", done, n, eta);
	for (int i = 0; i < n && len < (int)sizeof(line) - 20; i++)
		if (jobs[i].pid > 0 && !jobs[i].done)
			len += snprintf(line + len, sizeof(line) - (size_t)len, " %s", jobs[i].sc->name);
	fprintf(stderr, "\r%-79.79s\r", done < n ? line : "");
}

static int cmp_double(const void* a, const void* b)
{
	double x = *(const double*)a, y = *(const double*)b;
	return (x > y) - (x < y);
}

/* One row per scenario: runs, verdict counts, its result, median wall time. */
static void summary_table(const struct job* jobs, int n)
{
	printf("\n%-30s %4s  %-34s %-6s %s\n", "scenario", "runs", "verdicts", "result", "wall (median)");
	for (int i = 0; i < n; i++)
	{
		char verdicts[256] = "";
		double walls[64];
		int runs = 0, worst = RP_PASS;
		if (i > 0 && jobs[i - 1].sc == jobs[i].sc)
			continue;
		for (int j = i; j < n && jobs[j].sc == jobs[i].sc; j++)
		{
			const char* v = jobs[j].out.verdict[0] ? jobs[j].out.verdict : "-";
			char key[48];
			int count = 0;
			bool seen = false;
			for (int k = i; k < j && !seen; k++)
				seen = strcmp(jobs[k].out.verdict[0] ? jobs[k].out.verdict : "-", v) == 0;
			if (runs < 64)
				walls[runs] = jobs[j].out.wall_ms;
			runs++;
			/* Severity order for the row's result: ERROR > FAIL > SKIP > PASS. */
			{
				static const int rank[RP_STATUS_COUNT] = { 0, 2, 1, 3 };
				if (rank[jobs[j].out.status] > rank[worst])
					worst = jobs[j].out.status;
			}
			if (seen)
				continue;
			for (int k = j; k < n && jobs[k].sc == jobs[i].sc; k++)
				count += strcmp(jobs[k].out.verdict[0] ? jobs[k].out.verdict : "-", v) == 0;
			snprintf(key, sizeof(key), "%s%s x%d", verdicts[0] ? ", " : "", v, count);
			strncat(verdicts, key, sizeof(verdicts) - strlen(verdicts) - 1);
		}
		qsort(walls, (size_t)(runs < 64 ? runs : 64), sizeof(double), cmp_double);
		printf("%-30s %4d  %-34s %-6s %.2f s\n", jobs[i].sc->name, runs, verdicts,
		       rp_status_name((enum rp_status)worst), walls[(runs < 64 ? runs : 64) / 2] / 1000.0);
	}
}

/* How many labs at once by default (--jobs auto). The catalog waits on timeouts far more than
 * it computes (84 % idle at 2 jobs on 2 cores, measured), so the cores are the wrong bound.
 * Memory is one: a lab's processes take 44-107 MB PSS (measured: the lab server's lab 52,
 * xrdp's 44, xfreerdp3's with its Xvfb 81, freerdp-shadow's 107); LAB_MEM_MB leaves room for
 * the peaks (hostile crowds, H.264 frames). AUTO_JOBS_MAX bounds the rest; the CPU decides
 * when the next lab may start (start_allowed). */
#define LAB_MEM_MB 256
#define AUTO_JOBS_MAX 16
/* A lab starts only when the CPUs were busy less than START_BUSY_MAX of the last tick, one per
 * tick: a burst of starts (each lab's setup is a few dozen processes) or a CPU-heavy lab
 * (freerdp-shadow's encoder) holds the next ones back, so a timing-bound run is not slowed by
 * the others into another verdict. */
#define START_BUSY_MAX 0.75
#define START_TICK_MS 50

static int auto_jobs(int n_jobs)
{
	long long avail_kb = 0;
	char line[256];
	FILE* f = fopen("/proc/meminfo", "r");
	int j = AUTO_JOBS_MAX;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %lld kB", &avail_kb) == 1)
			break;
	if (f)
		fclose(f);
	if (avail_kb > 0 && avail_kb / 1024 / LAB_MEM_MB < j)
		j = (int)(avail_kb / 1024 / LAB_MEM_MB);
	/* A machine that stretches the harness's bounds (a TCG guest: each vCPU about ten times
	 * slower than a host core) runs one lab per CPU: at 16 labs on 2 TCG vCPUs, 50 of 91 runs
	 * missed a readiness bound or their verdict (measured); at 2, the catalog passes. */
	if (rp_slack_ms(1) > 1 && j > (int)sysconf(_SC_NPROCESSORS_ONLN))
		j = (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (j > n_jobs)
		j = n_jobs;
	return j < 1 ? 1 : j;
}

/* The CPUs' busy and total time so far (/proc/stat, in clock ticks). */
struct cpu_sample
{
	unsigned long long busy, total;
};

static bool cpu_read(struct cpu_sample* c)
{
	unsigned long long v[8] = { 0 };
	FILE* f = fopen("/proc/stat", "r");
	int n = f ? fscanf(f, "cpu %llu %llu %llu %llu %llu %llu %llu %llu", &v[0], &v[1], &v[2],
	                   &v[3], &v[4], &v[5], &v[6], &v[7])
	          : 0;

	if (f)
		fclose(f);
	if (n < 5)
		return false;
	c->total = 0;
	for (int i = 0; i < 8; i++)
		c->total += v[i];
	c->busy = c->total - v[3] - v[4]; /* idle, iowait */
	return true;
}

/* Whether the CPUs were idle enough since the last call for one more lab to start. */
static bool start_allowed(struct cpu_sample* last)
{
	struct cpu_sample now;
	bool ok;

	if (!cpu_read(&now))
		return true; /* no /proc/stat: the memory bound alone */
	ok = now.total <= last->total ||
	     (double)(now.busy - last->busy) / (double)(now.total - last->total) < START_BUSY_MAX;
	*last = now;
	return ok;
}

/* The order the jobs start in: the longest first (the scenario's `takes`), so that the long
 * poles run beside the short ones instead of after them; file order among equals. */
static int cmp_takes(const void* a, const void* b)
{
	const struct job* x = *(const struct job* const*)a;
	const struct job* y = *(const struct job* const*)b;
	if (x->sc->takes_ms != y->sc->takes_ms)
		return x->sc->takes_ms < y->sc->takes_ms ? 1 : -1;
	return x < y ? -1 : x > y;
}

/* A signal to the runner alone (kill -INT PID): pass it on, so every worker unwinds its lab. A
 * Ctrl-C reached them already. */
static void forward_interrupt(struct job* jobs, int n)
{
	for (int i = 0; i < n; i++)
		if (jobs[i].pid > 0 && !jobs[i].done)
			kill(jobs[i].pid, SIGTERM);
}

/* What every lab of the suite needs before the first: namespaces it may make (rootless when not
 * root), signal handlers, a sweep of what killed runs left, the suite's server key. */
static bool suite_up(const struct run_opts* o)
{
	struct rp_err err = { "" };
	struct rp_err no_registry = { "" };

	/* The registry of run directories (lab.h) before anything else: a rootless run's /run is
	 * about to become a private tmpfs, and an entry there would die with the run it should
	 * outlive. Without one, the sweep below says why. */
	rp_lab_registry_open(o->tmpdir, &no_registry);
	/* Not root: the run moves into namespaces of its own (user, network, mount), where it
	 * may make the labs' namespaces; the host's network is not even in sight from there. */
	if (!rp_can_make_namespaces())
	{
		if (rp_rootless_enter(&err))
			fprintf(stderr, "rdprepro: not root in the host's namespaces: running in a user "
			                "namespace of its own (rootless)\n");
		else
		{
			rp_strlcpy(rp_rootless_error, err.msg, sizeof(rp_rootless_error));
			fprintf(stderr, "rdprepro: not root in the host's namespaces, and no user "
			                "namespace (%s): scenarios that need a lab are skipped\n",
			        rp_rootless_error);
		}
	}
	if (!rp_signals_install())
	{
		fprintf(stderr, "rdprepro: cannot install signal handlers\n");
		return false;
	}
	if (!rp_lab_sweep(o->tmpdir, o->verbose, &err))
		fprintf(stderr, "rdprepro: sweep: %s\n", err.msg);
	/* One server key for the suite, made before the workers fork: a run only signs its own
	 * certificate with it (about 1 ms) instead of making a key (50-150 ms). */
	if (!rp_creds_suite_key(&err))
	{
		fprintf(stderr, "rdprepro: %s\n", err.msg);
		return false;
	}
	return true;
}

/* Up to o->jobs workers at once (auto: as many as memory allows, started while the CPU allows),
 * the longest first, each job's result printed as it ends. */
static bool run_pool(struct job* jobs, int n_jobs, struct run_opts* o, bool jobs_auto, bool tty)
{
	double t0 = rp_now_ms();
	{
		int next = 0, running = 0, done = 0;
		bool forwarded = false;
		struct job** order = calloc((size_t)n_jobs, sizeof(*order));
		struct cpu_sample cpu = { 0, 0 };
		if (!order)
			return false;
		for (int i = 0; i < n_jobs; i++)
			order[i] = &jobs[i];
		qsort(order, (size_t)n_jobs, sizeof(*order), cmp_takes);
		if (jobs_auto)
		{
			o->jobs = auto_jobs(n_jobs);
			cpu_read(&cpu);
		}
		while (done < n_jobs)
		{
			int status;
			pid_t pid;
			bool may_start = running < o->jobs && next < n_jobs && !rp_interrupted();
			/* auto: one start per tick, and only while the CPU allows (never none running) */
			if (may_start && (!jobs_auto || running == 0 || start_allowed(&cpu)))
			{
				struct job* jb = order[next++];
				if (!spawn_worker(jb, o))
				{
					jb->done = true;
					jb->out.status = RP_ERROR;
					snprintf(jb->out.reason, sizeof(jb->out.reason), "fork: %s", strerror(errno));
					done++;
				}
				else
					running++;
				if (!jobs_auto)
					continue;
				may_start = running < o->jobs && next < n_jobs;
			}
			if (running == 0)
			{
				if (next < n_jobs && !rp_interrupted())
					continue;
				break;
			}
			progress(jobs, n_jobs, done, tty, t0);
			if (jobs_auto && may_start)
			{
				/* A start is due at the next tick: wait for a worker or the tick. */
				struct pollfd pf = { .fd = rp_interrupt_fd(), .events = POLLIN };
				pid = waitpid(-1, &status, WNOHANG);
				if (pid == 0)
				{
					poll(&pf, pf.fd >= 0 ? 1 : 0, START_TICK_MS);
					continue;
				}
			}
			else
				pid = waitpid(-1, &status, 0);
			if (pid < 0)
			{
				if (errno == EINTR)
				{
					if (!forwarded)
						forward_interrupt(jobs, n_jobs);
					forwarded = true;
					continue;
				}
				break;
			}
			if (rp_interrupted() && !forwarded)
			{
				forward_interrupt(jobs, n_jobs);
				forwarded = true;
			}
			for (int i = 0; i < n_jobs; i++)
				if (jobs[i].pid == pid && !jobs[i].done)
				{
					collect_job(&jobs[i], status);
					running--;
					done++;
					progress(jobs, n_jobs, done, tty, t0);
					if (!o->quiet)
						print_outcome(&jobs[i].out, o->repeat);
				}
		}
		free(order);
		progress(jobs, n_jobs, n_jobs, tty, t0);
	}
	return true;
}

/* The runs not run (interrupted), the summary table, junit.xml and results.tap, the last line;
 * the exit status. */
static int report_suite(struct job* jobs, struct rp_outcome* outs, int n_jobs,
                        const struct run_opts* o, bool jobs_auto, double t0)
{
	struct rp_err err = { "" };
	int counts[RP_STATUS_COUNT] = { 0 };

	for (int i = 0; i < n_jobs; i++)
	{
		if (!jobs[i].done)
		{
			rp_strlcpy(jobs[i].out.scenario, jobs[i].sc->name, sizeof(jobs[i].out.scenario));
			jobs[i].out.run = jobs[i].run;
			jobs[i].out.status = RP_SKIP;
			snprintf(jobs[i].out.reason, sizeof(jobs[i].out.reason), "not run: interrupted");
		}
		outs[i] = jobs[i].out;
		outs[i].dir = jobs[i].resdir;
		counts[jobs[i].out.status]++;
	}
	if (!o->quiet)
		summary_table(jobs, n_jobs);
	{
		char path[4096];
		snprintf(path, sizeof(path), "%s/junit.xml", o->results);
		if (!rp_junit_write(path, outs, n_jobs, rp_now_ms() - t0, &err))
			fprintf(stderr, "rdprepro: %s\n", err.msg);
		snprintf(path, sizeof(path), "%s/results.tap", o->results);
		if (!rp_tap_write(path, outs, n_jobs, &err))
			fprintf(stderr, "rdprepro: %s\n", err.msg);
		if (!rp_report_html_write(o->results, outs, n_jobs, &err))
			fprintf(stderr, "rdprepro: %s\n", err.msg);
	}
	printf("%d passed, %d failed, %d skipped, %d errors (%.1f s, %d jobs%s; results in %s)\n",
	       counts[RP_PASS], counts[RP_FAIL], counts[RP_SKIP], counts[RP_ERROR],
	       (rp_now_ms() - t0) / 1000.0, o->jobs, jobs_auto ? " (auto)" : "", o->results);
	if (rp_interrupted())
	{
		fprintf(stderr, "rdprepro: interrupted by signal %d; the labs were removed\n",
		        rp_interrupted());
		return 128 + rp_interrupted();
	}
	if (counts[RP_FAIL] || counts[RP_ERROR])
		return 1;
	return counts[RP_SKIP] && !counts[RP_PASS] ? o->skip_code : 0;
}

/* In a qemu guest when asked (--vm), or by default where no namespace can be had here (an
 * unprivileged container): the guest's exit status, or -1 to run here. Where no guest can
 * run either, the scenarios here are SKIPs whose reason says why (auto), or --vm fails. */
static int maybe_in_guest(int argc, char** argv, struct run_opts* o)
{
	char here[512] = "", why[1024] = "";
	int ret;

	if (o->vm == RP_VM_OFF || (o->vm == RP_VM_AUTO && rp_vm_host_can_lab(here, sizeof(here))))
		return -1;
	if (o->keep)
	{
		fprintf(stderr, "rdprepro run: --keep leaves a failed lab up, and a guest's labs end with "
		                "the guest: run without --vm%s\n",
		        o->vm == RP_VM_AUTO ? " where namespaces can be had" : "");
		return 2;
	}
	if (o->vm == RP_VM_AUTO)
		fprintf(stderr, "rdprepro: no network namespace here (%s): running the scenarios in a "
		                "qemu guest instead (--no-vm skips them)\n", here);
	if ((ret = rp_vm_run(argc, argv, o, o->results, why, sizeof(why))) >= 0)
		return ret;
	if (o->vm == RP_VM_ON)
	{
		fprintf(stderr, "rdprepro run --vm: no guest can run here: %s\n", why);
		return 1;
	}
	fprintf(stderr, "rdprepro: no guest can run here either (%s): scenarios that need a lab are "
	                "skipped\n", why);
	snprintf(rp_vm_error, sizeof(rp_vm_error), "%s", why);
	return -1;
}

int rp_run_main(int argc, char** argv)
{
	struct run_opts o = { .results = "results", .backend = "auto", .jobs = 0 /* auto */,
		                  .repeat = 1, .shard_i = 1, .shard_n = 1 };
	struct rp_err err = { "" };
	struct rp_scenario* scs = NULL;
	struct rp_outcome* outs = NULL;
	struct job* jobs = NULL;
	char** paths = NULL;
	char* def[] = { "scenarios" };
	int n = 0, n_sel = 0, n_jobs = 0;
	char results_dir[4096];
	int results_lock = -1;
	int ret;
	double t0 = rp_now_ms();
	bool jobs_auto, list_only = false;

	if ((ret = rp_run_options(argc, argv, &o, &list_only)) >= 0)
		return ret;
	jobs_auto = o.jobs == 0;
	if (!rp_find_self(&err) || !rp_collect_scenarios(optind < argc ? argv + optind : def,
	                                 optind < argc ? argc - optind : 1, &paths, &n, &err))
	{
		fprintf(stderr, "rdprepro: %s\n", err.msg);
		return 2;
	}
	if ((ret = rp_load_selection(paths, n, &o, list_only, &scs, &n_sel)) >= 0)
		goto done;
	ret = 1;
	n_jobs = n_sel * o.repeat;
	jobs = calloc((size_t)n_jobs, sizeof(*jobs));
	outs = calloc((size_t)n_jobs, sizeof(*outs));
	if (!jobs || !outs ||
	    !claim_results(o.results, results_dir, sizeof(results_dir), &results_lock, &err))
	{
		fprintf(stderr, "rdprepro: %s\n", err.msg[0] ? err.msg : "out of memory");
		goto done;
	}
	o.results = results_dir;
	if ((ret = maybe_in_guest(argc, argv, &o)) >= 0)
		goto done;
	ret = 1;
	for (int i = 0; i < n_sel; i++)
		for (int k = 0; k < o.repeat; k++)
		{
			struct job* jb = &jobs[i * o.repeat + k];
			jb->sc = &scs[i];
			jb->run = k + 1;
			if (o.repeat > 1)
				snprintf(jb->resdir, sizeof(jb->resdir), "%s/%s/run-%d", o.results, scs[i].name, k + 1);
			else
				snprintf(jb->resdir, sizeof(jb->resdir), "%s/%s", o.results, scs[i].name);
		}
	if (!suite_up(&o))
		goto done;
	if (!run_pool(jobs, n_jobs, &o, jobs_auto, isatty(2)))
	{
		fprintf(stderr, "rdprepro: out of memory\n");
		goto done;
	}
	ret = report_suite(jobs, outs, n_jobs, &o, jobs_auto, t0);
done:
	for (int i = 0; jobs && i < n_jobs; i++)
		free(jobs[i].out.report);
	if (results_lock >= 0)
		close(results_lock);
	for (int i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(scs);
	free(jobs);
	free(outs);
	return ret;
}

int rp_list_main(int argc, char** argv)
{
	struct rp_err err = { "" };
	char** paths = NULL;
	char* def[] = { "scenarios" };
	int n = 0;
	int ret = 0;

	if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
	{
		printf("usage: rdprepro list [FILE|DIR...]\n  Lists scenarios with their summary and "
		       "expected verdict (default: scenarios/).\n");
		return 0;
	}
	if (!rp_collect_scenarios(argc > 1 ? argv + 1 : def, argc > 1 ? argc - 1 : 1, &paths, &n, &err))
	{
		fprintf(stderr, "rdprepro: %s\n", err.msg);
		return 2;
	}
	for (int i = 0; i < n; i++)
	{
		struct rp_scenario sc;
		if (!rp_scenario_load(&sc, paths[i], &err))
		{
			fprintf(stderr, "%s\n", err.msg);
			ret = 2;
		}
		else
			printf("%-28s %-16s %s\n", sc.name, rp_cause_name(sc.expect), sc.summary);
		free(paths[i]);
	}
	free(paths);
	return ret;
}
