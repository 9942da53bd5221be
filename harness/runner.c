/* runner.c: run scenarios in labs and decide their results. */
#include "runner.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "creds.h"
#include "evidence.h"
#include "lab.h"
#include "proc.h"
#include "scenario.h"
#include "verdict.h"

#define RDP_PORT "3389"
#define SERVER_READY_MS 5000 /* listening in ~40 ms (LAB-NOTES); 5 s is a broken server */
#define PROBE_GRACE_MS 5000  /* the probe's own deadline plus this bounds the whole probe */
#define MAX_SCENARIOS 512

enum rp_status
{
	RP_PASS,
	RP_FAIL,
	RP_SKIP,
	RP_ERROR,
};

struct run_opts
{
	const char* results;
	const char* tmpdir;
	bool verbose;
	int skip_code;
};

struct result
{
	enum rp_status status;
	char reason[600];
	struct rp_evidence ev;
	struct rp_verdict verdict;
	bool have_evidence;
	double wall_ms;
	char server_log[4096]; /* the server's report lines, as received */
	size_t server_len;
};

static const char* status_tag(enum rp_status s)
{
	switch (s)
	{
		case RP_PASS:
			return "[ OK ]";
		case RP_FAIL:
			return "[FAIL]";
		case RP_SKIP:
			return "[SKIP]";
		case RP_ERROR:
			return "[ERR ]";
	}
	return "[????]";
}

static char self_exe[4096];

static bool find_self(struct rp_err* err)
{
	ssize_t n = readlink("/proc/self/exe", self_exe, sizeof(self_exe) - 1);
	if (n <= 0)
		return rp_fail(err, "readlink /proc/self/exe: %s", strerror(errno));
	self_exe[n] = '\0';
	return true;
}

static bool mkdir_p(const char* path, struct rp_err* err)
{
	char buf[4096];

	rp_strlcpy(buf, path, sizeof(buf));
	for (char* s = buf + 1; *s; s++)
	{
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(buf, 0755) != 0 && errno != EEXIST)
			return rp_fail(err, "mkdir %s: %s", buf, strerror(errno));
		*s = '/';
	}
	if (mkdir(buf, 0755) != 0 && errno != EEXIST)
		return rp_fail(err, "mkdir %s: %s", buf, strerror(errno));
	return true;
}

/* ---- undo actions ---- */

static void undo_remove_tree(void* arg)
{
	struct rp_err err;
	if (!rp_remove_tree(arg, &err))
		fprintf(stderr, "rdprepro: cleanup: %s\n", err.msg);
}

static bool g_verbose;

static void undo_lab(void* arg)
{
	struct rp_err err;
	if (!rp_lab_down(arg, g_verbose, &err))
		fprintf(stderr, "rdprepro: cleanup: %s\n", err.msg);
}

static void undo_stop(void* arg)
{
	pid_t* pid = arg;
	rp_proc_stop(*pid, 1000);
	*pid = 0;
}

static void undo_close(void* arg)
{
	int* fd = arg;
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* ---- the server's report lines ---- */

static void read_server_lines(int fd, struct result* r, bool* listening)
{
	char buf[1024];
	ssize_t n;

	while ((n = read(fd, buf, sizeof(buf))) > 0)
	{
		size_t room = sizeof(r->server_log) - 1 - r->server_len;
		size_t take = (size_t)n < room ? (size_t)n : room;
		memcpy(r->server_log + r->server_len, buf, take);
		r->server_len += take;
		r->server_log[r->server_len] = '\0';
	}
	if (listening && strstr(r->server_log, "listening "))
		*listening = true;
}

/* Waits for the server's "listening" line, or its exit, or the deadline. */
static bool wait_listening(int fd, pid_t server, struct result* r, struct rp_err* err)
{
	double deadline = rp_now_ms() + SERVER_READY_MS;
	bool listening = false;

	while (!listening)
	{
		struct pollfd fds[2] = { { .fd = fd, .events = POLLIN },
			                     { .fd = rp_interrupt_fd(), .events = POLLIN } };
		double left = deadline - rp_now_ms();
		int status;

		if (rp_interrupted())
			return rp_fail(err, "interrupted by signal %d", rp_interrupted());
		if (left <= 0)
			return rp_fail(err, "server: not listening after %d ms", SERVER_READY_MS);
		poll(fds, 2, (int)left + 1);
		read_server_lines(fd, r, &listening);
		if (!listening && waitpid(server, &status, WNOHANG) == server)
			return rp_fail(err, "server exited (status %d) before listening: see server.log",
			               rp_proc_exit_code(status));
	}
	return true;
}

/* Prints the server's report with times relative to the probe's start. */
static void print_server_timeline(FILE* f, const struct result* r, const char* in)
{
	char copy[sizeof(r->server_log)];
	char* save = NULL;
	int col = 0;

	rp_strlcpy(copy, r->server_log, sizeof(copy));
	fprintf(f, "%sserver:", in);
	for (char* line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
	{
		char what[128] = "";
		double t = 0;
		int id = 0;
		const char* name;
		if (sscanf(line, "peer %d state %127s %lf", &id, what, &t) == 3)
			name = strncmp(what, "CONNECTION_STATE_", 17) == 0 ? what + 17 : what;
		else if (sscanf(line, "peer %d event %127s %lf", &id, what, &t) == 3 ||
		         sscanf(line, "peer %d %127s %lf", &id, what, &t) == 3)
			name = what;
		else
			continue;
		if (col++ % 4 == 0)
			fprintf(f, "\n%s  ", in);
		fprintf(f, " %s@%+.1f", name, r->have_evidence ? t - r->ev.t0_mono_ms : t);
	}
	fprintf(f, "%s\n", col ? " (ms from the probe's start)" : " no report");
}

/* ---- one scenario ---- */

static void split_args(char* s, const char** av, int* ac, int max)
{
	char* save = NULL;
	for (char* t = strtok_r(s, " \t", &save); t && *ac < max; t = strtok_r(NULL, " \t", &save))
		av[(*ac)++] = t;
}

/* PASS only if the verdict and every optional expectation hold; the reason names each miss. */
static void check_expectations(const struct rp_scenario* sc, struct result* r)
{
	char* w = r->reason;
	size_t left = sizeof(r->reason);
	int n;

	r->status = RP_PASS;
	n = snprintf(w, left, "%s", rp_cause_name(r->verdict.cause));
	if (r->verdict.cause != sc->expect)
	{
		r->status = RP_FAIL;
		n = snprintf(w, left, "expected %s, observed %s", rp_cause_name(sc->expect),
		             rp_cause_name(r->verdict.cause));
	}
	w += n;
	left -= (size_t)n;
	if (sc->has_last_error && r->ev.last_error != sc->expect_last_error)
	{
		r->status = RP_FAIL;
		n = snprintf(w, left, "; expected last error 0x%08X, observed 0x%08X",
		             sc->expect_last_error, r->ev.last_error);
		w += n;
		left -= (size_t)n;
	}
	if (sc->has_error_info && r->ev.error_info != sc->expect_error_info)
	{
		r->status = RP_FAIL;
		n = snprintf(w, left, "; expected errorInfo 0x%08X, observed 0x%08X",
		             sc->expect_error_info, r->ev.error_info);
		w += n;
		left -= (size_t)n;
	}
	if (sc->has_phase && (int)rp_evidence_furthest(&r->ev) != sc->expect_phase)
	{
		r->status = RP_FAIL;
		snprintf(w, left, "; expected furthest phase %s, observed %s",
		         rp_phase_name((enum rp_phase)sc->expect_phase),
		         rp_phase_name(rp_evidence_furthest(&r->ev)));
	}
}

static void run_scenario(const struct rp_scenario* sc, const struct run_opts* o,
                         struct result* r)
{
	struct rp_lab lab;
	struct rp_creds creds;
	struct rp_err err = { "" };
	char rundir[4096], resdir[4096], path[4096], evpath[4096];
	char deadline[32], hold[32], ctimeout[32];
	char args[sizeof(sc->client_args)];
	pid_t server = 0, probe = 0;
	int srv_out[2] = { -1, -1 };
	int log_fd = -1, plog_fd = -1, pout_fd = -1;
	unsigned short rnd = 0;
	double t0 = rp_now_ms();

	memset(r, 0, sizeof(*r));
	if (getrandom(&rnd, sizeof(rnd), 0) != sizeof(rnd))
		rnd = (unsigned short)(getpid() ^ (int)t0);
	rp_lab_name(&lab, getpid(), rnd);

	snprintf(rundir, sizeof(rundir), "%s/%s.XXXXXX", o->tmpdir, lab.name);
	if (!mkdtemp(rundir)) /* 0700: the secrets inside are the run's alone */
	{
		rp_fail(&err, "mkdtemp %s: %s", rundir, strerror(errno));
		goto error;
	}
	rp_defer(undo_remove_tree, rundir, "run directory");

	snprintf(resdir, sizeof(resdir), "%s/%s", o->results, sc->name);
	if (!rp_remove_tree(resdir, &err) || !mkdir_p(resdir, &err))
		goto error;

	/* Trying is the test: without CAP_SYS_ADMIN `ip netns add` fails, and that is a SKIP
	 * with its reason, not an error of the harness. */
	if (!rp_lab_up(&lab, o->verbose, &err))
	{
		if (geteuid() == 0)
			goto error;
		r->status = RP_SKIP;
		snprintf(r->reason, sizeof(r->reason),
		         "cannot create network namespaces as uid %d (%s); run as root", (int)geteuid(),
		         err.msg);
		goto out;
	}
	rp_defer(undo_lab, &lab, "lab");

	if (!rp_creds_make(&creds, rundir, "rdpp-server.lab", RP_LAB_SERVER_ADDR, &err))
		goto error;
	if (sc->wrong_password && !rp_creds_wrong_password(&creds, rundir, &err))
		goto error;
	if (sc->port != RP_PORT_OPEN && !rp_lab_port_fault(&lab, rp_port_name(sc->port), o->verbose, &err))
		goto error;

	/* The server, in the server namespace; its reports come through a pipe. */
	if (pipe2(srv_out, O_CLOEXEC) != 0)
	{
		rp_fail(&err, "pipe: %s", strerror(errno));
		goto error;
	}
	rp_defer(undo_close, &srv_out[0], "server pipe");
	snprintf(path, sizeof(path), "%s/server.log", resdir);
	log_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	rp_defer(undo_close, &log_fd, "server log");
	{
		const char* argv[] = { self_exe, "server", "--addr", RP_LAB_SERVER_ADDR, "--port",
			                   RDP_PORT, "--cert", creds.cert, "--key", creds.key, "--sam",
			                   creds.sam, "--behaviour", rp_behaviour_name(sc->behaviour), NULL };
		struct rp_spawn sp = { .argv = argv, .netns = lab.ns_server, .fd_stdin = -1,
			                   .fd_stdout = srv_out[1], .fd_stderr = log_fd };
		if (!rp_proc_spawn(&sp, &server, &err))
			goto error;
		rp_defer(undo_stop, &server, "server");
	}
	close(srv_out[1]);
	srv_out[1] = -1;
	fcntl(srv_out[0], F_SETFL, O_NONBLOCK);
	if (!wait_listening(srv_out[0], server, r, &err))
		goto error;

	/* The probe, in the client namespace. */
	snprintf(evpath, sizeof(evpath), "%s/evidence.json", resdir);
	snprintf(path, sizeof(path), "%s/probe.log", resdir);
	plog_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	rp_defer(undo_close, &plog_fd, "probe log");
	snprintf(path, sizeof(path), "%s/probe.txt", resdir);
	pout_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	rp_defer(undo_close, &pout_fd, "probe output");
	snprintf(deadline, sizeof(deadline), "%ums", sc->deadline_ms);
	snprintf(hold, sizeof(hold), "%ums", sc->hold_ms);
	snprintf(ctimeout, sizeof(ctimeout), "%ums", sc->connect_timeout_ms);
	rp_strlcpy(args, sc->client_args, sizeof(args));
	{
		const char* argv[64] = { self_exe, "probe", "--host", RP_LAB_SERVER_ADDR, "--port",
			                     RDP_PORT, "--user", creds.user, "--password-file",
			                     creds.password_file, "--out", evpath, "--deadline", deadline,
			                     "--hold", hold };
		int ac = 16;
		struct rp_spawn sp = { .argv = argv, .netns = lab.ns_client, .fd_stdin = -1,
			                   .fd_stdout = pout_fd, .fd_stderr = plog_fd };
		int status = 0;
		int w;
		if (sc->connect_timeout_ms)
		{
			argv[ac++] = "--connect-timeout";
			argv[ac++] = ctimeout;
		}
		argv[ac++] = "--";
		split_args(args, argv, &ac, 62);
		argv[ac] = NULL;
		if (!rp_proc_spawn(&sp, &probe, &err))
			goto error;
		rp_defer(undo_stop, &probe, "probe");
		/* The probe's watchdog ends it at its deadline; this bound is the backstop. */
		{
			double until = rp_now_ms() + sc->deadline_ms + sc->hold_ms + PROBE_GRACE_MS;
			for (;;)
			{
				w = rp_proc_wait(probe, rp_now_ms() + 100 < until ? rp_now_ms() + 100 : until,
				                 &status);
				read_server_lines(srv_out[0], r, NULL);
				if (w != 0 || rp_now_ms() >= until)
					break;
			}
		}
		if (w < 0)
		{
			rp_fail(&err, "interrupted by signal %d", rp_interrupted());
			goto error;
		}
		if (w == 0)
		{
			rp_fail(&err, "probe still running %d ms after its deadline: killed",
			        PROBE_GRACE_MS);
			goto error;
		}
		probe = 0;
		if (rp_proc_exit_code(status) != 0)
		{
			rp_fail(&err, "probe exited with status %d: see %s/probe.log",
			        rp_proc_exit_code(status), resdir);
			goto error;
		}
	}
	/* Stop the server now so that its last reports (closed) are in. */
	rp_proc_stop(server, 1000);
	server = 0;
	read_server_lines(srv_out[0], r, NULL);
	snprintf(path, sizeof(path), "%s/server-events.txt", resdir);
	{
		FILE* f = fopen(path, "w");
		if (f)
		{
			fputs(r->server_log, f);
			fclose(f);
		}
	}

	if (!rp_evidence_read_json(&r->ev, evpath, &err))
		goto error;
	r->have_evidence = true;
	/* The verdict comes from the evidence alone; only then is it compared. */
	rp_classify(&r->ev, &r->verdict);
	check_expectations(sc, r);
	goto out;
error:
	r->status = RP_ERROR;
	snprintf(r->reason, sizeof(r->reason), "%s", err.msg);
out:
	/* Undo this scenario's things, newest first: probe, server, files, lab, run dir. */
	rp_cleanup_all();
	r->wall_ms = rp_now_ms() - t0;
}

static void print_result(const struct rp_scenario* sc, const struct result* r)
{
	printf("%s %s: %s (%.2f s)\n", status_tag(r->status), sc->name, r->reason,
	       r->wall_ms / 1000.0);
	if (r->have_evidence)
	{
		char* s = rp_evidence_summary(&r->ev, "       ");
		printf("       verdict %s, because %s\n", rp_cause_name(r->verdict.cause),
		       r->verdict.because);
		fputs(s ? s : "", stdout);
		free(s);
	}
	if (r->server_len)
		print_server_timeline(stdout, r, "       ");
	fflush(stdout);
}

/* ---- file selection ---- */

static int scn_filter(const struct dirent* e)
{
	size_t n = strlen(e->d_name);
	return n > 4 && strcmp(e->d_name + n - 4, ".scn") == 0;
}

/* Expands FILES|DIRS into scenario paths (a directory: its *.scn, sorted). */
static bool collect(char** args, int n, char*** out, int* count, struct rp_err* err)
{
	char** paths = calloc(MAX_SCENARIOS, sizeof(char*));
	int k = 0;

	if (!paths)
		return rp_fail(err, "out of memory");
	for (int i = 0; i < n; i++)
	{
		struct stat st;
		if (stat(args[i], &st) != 0)
		{
			rp_fail(err, "%s: %s", args[i], strerror(errno));
			goto fail;
		}
		if (S_ISDIR(st.st_mode))
		{
			struct dirent** list = NULL;
			int m = scandir(args[i], &list, scn_filter, alphasort);
			if (m < 0)
			{
				rp_fail(err, "%s: %s", args[i], strerror(errno));
				goto fail;
			}
			for (int j = 0; j < m; j++)
			{
				char p[4096];
				snprintf(p, sizeof(p), "%s%s%s", args[i],
				         args[i][strlen(args[i]) - 1] == '/' ? "" : "/", list[j]->d_name);
				if (k < MAX_SCENARIOS)
					paths[k++] = strdup(p);
				free(list[j]);
			}
			free(list);
		}
		else if (k < MAX_SCENARIOS)
			paths[k++] = strdup(args[i]);
	}
	*out = paths;
	*count = k;
	return true;
fail:
	for (int i = 0; i < k; i++)
		free(paths[i]);
	free(paths);
	return false;
}

static int run_usage(FILE* f)
{
	fprintf(f,
	        "usage: rdprepro run [options] FILE|DIR...\n"
	        "  Runs each scenario (a .scn file, or every .scn in a DIR) in its own lab and\n"
	        "  prints PASS, FAIL, SKIP or ERROR with the evidence.\n"
	        "options:\n"
	        "  --results DIR    where each scenario's evidence and logs go (default ./results)\n"
	        "  --skip-code N    exit with N when every scenario was skipped (default 0)\n"
	        "  -v, --verbose    echo every lab command\n"
	        "exit: 0 all passed or skipped, 1 a failure or error, 2 usage or parse error\n");
	return f == stderr ? 2 : 0;
}

int rp_run_main(int argc, char** argv)
{
	static const struct option lo[] = { { "results", required_argument, NULL, 'r' },
		                                { "skip-code", required_argument, NULL, 's' },
		                                { "verbose", no_argument, NULL, 'v' },
		                                { "help", no_argument, NULL, 'h' },
		                                { NULL, 0, NULL, 0 } };
	struct run_opts o = { .results = "results", .skip_code = 0 };
	struct rp_err err = { "" };
	struct rp_scenario* scs = NULL;
	char** paths = NULL;
	int n = 0, c;
	int counts[4] = { 0 };
	int ret = 2;

	optind = 1;
	while ((c = getopt_long(argc, argv, "vh", lo, NULL)) != -1)
	{
		switch (c)
		{
			case 'r':
				o.results = optarg;
				break;
			case 's':
				o.skip_code = atoi(optarg);
				break;
			case 'v':
				o.verbose = true;
				break;
			case 'h':
				return run_usage(stdout);
			default:
				return run_usage(stderr);
		}
	}
	if (optind >= argc)
		return run_usage(stderr);
	g_verbose = o.verbose;
	o.tmpdir = getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	if (!find_self(&err) || !collect(argv + optind, argc - optind, &paths, &n, &err))
	{
		fprintf(stderr, "rdprepro: %s\n", err.msg);
		return 2;
	}
	if (n == 0)
	{
		fprintf(stderr, "rdprepro: no scenario (*.scn) in the arguments\n");
		goto done;
	}
	/* Parse every file before running any: a typo stops the suite before it starts. */
	scs = calloc((size_t)n, sizeof(*scs));
	for (int i = 0; scs && i < n; i++)
	{
		if (!rp_scenario_load(&scs[i], paths[i], &err))
		{
			fprintf(stderr, "%s\n", err.msg);
			goto done;
		}
	}
	if (!rp_signals_install())
	{
		fprintf(stderr, "rdprepro: cannot install signal handlers\n");
		ret = 1;
		goto done;
	}
	if (geteuid() == 0 && !rp_lab_sweep(o.tmpdir, o.verbose, &err))
		fprintf(stderr, "rdprepro: sweep: %s\n", err.msg);
	for (int i = 0; i < n && !rp_interrupted(); i++)
	{
		struct result* r = calloc(1, sizeof(*r));
		if (!r)
			break;
		run_scenario(&scs[i], &o, r);
		counts[r->status]++;
		print_result(&scs[i], r);
		free(r);
	}
	printf("%d passed, %d failed, %d skipped, %d errors\n", counts[RP_PASS], counts[RP_FAIL],
	       counts[RP_SKIP], counts[RP_ERROR]);
	if (rp_interrupted())
	{
		fprintf(stderr, "rdprepro: interrupted by signal %d; the lab was removed\n",
		        rp_interrupted());
		ret = 128 + rp_interrupted();
	}
	else if (counts[RP_FAIL] || counts[RP_ERROR])
		ret = 1;
	else if (counts[RP_SKIP] && !counts[RP_PASS])
		ret = o.skip_code;
	else
		ret = 0;
done:
	for (int i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(scs);
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
	if (!collect(argc > 1 ? argv + 1 : def, argc > 1 ? argc - 1 : 1, &paths, &n, &err))
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
