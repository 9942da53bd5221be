/* vm.c: a whole `rdprepro run` inside a qemu guest (vm.h).
 *
 *   netem/vm prepare -> the guest's script (fw_cfg) -> qemu (9p: the host's / read-only, the
 *   results) -> the guest's output forwarded -> its exit status (a file in the results, taken
 *   at once) -> undo
 *
 * Nothing of the lane's is left on the host: the script goes in on qemu's command line
 * (fw_cfg), the exit status is the only file it writes beside the results, removed as soon as
 * it is read.
 *
 * The guest is Debian's kernel from netem/vm's cache on the host's root, read-only under a
 * tmpfs overlay, so the same binary, scenarios and packages run there, as root, with the
 * kernel's netem. qemu is a child that dies with the runner (PR_SET_PDEATHSIG): a SIGKILLed
 * runner leaves no guest. SIGINT, SIGTERM and SIGHUP go to the guest's run as the same signal
 * (a line on the guest's serial console), so it removes its labs and writes junit.xml and
 * results.tap as a run on the host does; a guest that does not end within a minute is killed.
 */
#include "vm.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "lab.h"
#include "proc.h"
#include "rootless.h"

#define VM_BOOT_MS 180000.0    /* TCG boots in 2-7 s (LAB-NOTES); 3 minutes is a guest that won't */
#define VM_STOP_GRACE_MS 60000 /* an interrupted guest run removes its labs well within this */
#define MARK_UP "@@rdprepro-guest-up@@\n"
#define MARK_DONE "@@rdprepro-guest-done@@"
#define RC_FILE ".rdprepro-guest-rc"
/* TCG runs a lab about ten times slower than the host: the baseline scenario 0.86 s on the host,
 * 9.2 s in the guest; the catalog at 2 labs, 654 s there against 38 s at 16 labs on the host.
 * The harness's bounds (util.h) take it. */
#define TCG_SLACK 10

char rp_vm_error[512] = "";

bool rp_vm_host_can_lab(char* why, size_t why_size)
{
	int p[2];
	pid_t pid;
	int status = 0;
	ssize_t n;

	if (rp_can_make_namespaces())
		return true;
	if (pipe2(p, O_CLOEXEC) != 0)
	{
		snprintf(why, why_size, "pipe: %s", strerror(errno));
		return false;
	}
	/* The child goes as far as the labs do: a user namespace of its own, then a network
	 * namespace inside it (what `ip netns add` makes); a policy may allow the first only. */
	if ((pid = fork()) == 0)
	{
		struct rp_err err = { "" };
		close(p[0]);
		if (!rp_rootless_enter(&err))
			;
		else if (unshare(CLONE_NEWNET) != 0)
			snprintf(err.msg, sizeof(err.msg), "a network namespace in a user namespace: %s",
			         strerror(errno));
		if (err.msg[0] && write(p[1], err.msg, strlen(err.msg)) < 0)
			_exit(2);
		_exit(err.msg[0] ? 1 : 0);
	}
	close(p[1]);
	if (pid < 0)
	{
		close(p[0]);
		snprintf(why, why_size, "fork: %s", strerror(errno));
		return false;
	}
	n = read(p[0], why, why_size - 1);
	why[n > 0 ? n : 0] = '\0';
	close(p[0]);
	waitpid(pid, &status, 0);
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* ---- netem/vm prepare ---- */

struct guest_facts
{
	char kernel[4096], initrd[4096], ver[128], cache[4096], accel[16], accel_why[512];
};

static void fact(const char* text, const char* key, char* out, size_t n)
{
	size_t kl = strlen(key);
	for (const char* l = text; l && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
		if (strncmp(l, key, kl) == 0 && l[kl] == '=')
		{
			size_t len = strcspn(l + kl + 1, "\n");
			snprintf(out, n, "%.*s", (int)len, l + kl + 1);
			return;
		}
	out[0] = '\0';
}

/* The lane's facts, after its setup (a first one fetches the kernel: minutes). False with why
 * (netem/vm's last words) when no guest can be prepared here. */
static bool prepare(struct guest_facts* g, char* why, size_t why_size)
{
	const char* argv[] = { "/bin/bash", rp_lab_script("vm"), "prepare", NULL };
	char out[16384];
	int p[2], status = 0;
	pid_t pid;
	struct rp_err err = { "" };
	double deadline = rp_now_ms() + 900000; /* a first setup fetches the kernel: minutes */

	if (pipe2(p, O_CLOEXEC) != 0)
		return snprintf(why, why_size, "pipe: %s", strerror(errno)), false;
	{
		/* Its facts and its complaints on one pipe: the facts are KEY=VALUE lines, and on a
		 * failure its last line says why (no qemu, no kernel apt can fetch, a failed step). */
		struct rp_spawn sp = { .argv = argv, .fd_stdin = -1, .fd_stdout = p[1], .fd_stderr = p[1] };
		bool ok = rp_proc_spawn(&sp, &pid, &err);
		close(p[1]);
		if (!ok)
		{
			close(p[0]);
			return snprintf(why, why_size, "%s", err.msg), false;
		}
	}
	rp_read_until(p[0], "\001", out, sizeof(out), deadline); /* to EOF: no such byte comes */
	if (rp_proc_wait(pid, deadline, &status) != 1)
	{
		rp_proc_stop(pid, 1000);
		return snprintf(why, why_size, "netem/vm prepare did not finish"), false;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
	{
		char* e = out + strlen(out);
		while (e > out && e[-1] == '\n')
			*--e = '\0';
		e = strrchr(out, '\n');
		snprintf(why, why_size, "%s", e ? e + 1 : out[0] ? out : "netem/vm prepare failed");
		return false;
	}
	fact(out, "kernel", g->kernel, sizeof(g->kernel));
	fact(out, "initrd", g->initrd, sizeof(g->initrd));
	fact(out, "ver", g->ver, sizeof(g->ver));
	fact(out, "cache", g->cache, sizeof(g->cache));
	fact(out, "accel", g->accel, sizeof(g->accel));
	fact(out, "accel_why", g->accel_why, sizeof(g->accel_why));
	if (!g->kernel[0] || !g->initrd[0] || !g->ver[0])
		return snprintf(why, why_size, "netem/vm prepare named no kernel"), false;
	return true;
}

/* ---- the guest's script ---- */

/* s in single quotes for sh. */
static void sh_quote(FILE* f, const char* s)
{
	fputc('\'', f);
	for (; *s; s++)
		if (*s == '\'')
			fputs("'\\''", f);
		else
			fputc(*s, f);
	fputc('\'', f);
}

/* Whether run's option at argv[i] is one of the lane's own (not passed into the guest). */
static bool lane_option(const char* a)
{
	return strcmp(a, "--vm") == 0 || strcmp(a, "--no-vm") == 0;
}

/* The guest's /bin/sh script: its mounts, the consoles as the host's stdout and stderr (a
 * terminal there only where the host's is one), the run as root with --no-vm and the results
 * directory, the interrupt line, the exit status beside the results, power off. Returned as
 * qemu's -fw_cfg value (its commas doubled), malloc'd. */
static char* guest_script(int argc, char** argv, const struct run_opts* o, const char* results,
                          int slack, struct rp_err* err)
{
	extern char** environ;
	char* text = NULL;
	size_t len = 0;
	FILE* f = open_memstream(&text, &len);
	char cwd[4096];
	struct winsize ws = { 0 };
	bool out_tty = isatty(1), err_tty = isatty(2);

	if (!f)
		return rp_fail(err, "open_memstream: %s", strerror(errno)), NULL;
	if (!getcwd(cwd, sizeof(cwd)))
		rp_strlcpy(cwd, "/", sizeof(cwd));
	fprintf(f, "mkdir -p /dev/pts /dev/shm\n"
	           "mount -t devpts devpts /dev/pts 2>/dev/null\n"
	           "mount -t tmpfs -o mode=1777 shm /dev/shm\n"
	           "stty -F /dev/ttyS0 -onlcr -echo 2>/dev/null; stty -F /dev/ttyS1 -onlcr 2>/dev/null\n");
	if ((out_tty && ioctl(1, TIOCGWINSZ, &ws) == 0) || (err_tty && ioctl(2, TIOCGWINSZ, &ws) == 0))
		if (ws.ws_col && ws.ws_row)
			fprintf(f, "for t in /dev/ttyS0 /dev/ttyS1; do stty -F $t rows %u cols %u 2>/dev/null; done\n",
			        ws.ws_row, ws.ws_col);
	fprintf(f, "echo '%.*s'\n", (int)strlen(MARK_UP) - 1, MARK_UP);
	fprintf(f, "cd ");
	sh_quote(f, cwd);
	fprintf(f, " 2>/dev/null || cd /\n"
	           "export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME=/root\n");
	/* What the run reads of its environment means the same inside; the lane's own settings
	 * (RDPREPRO_VM_*) and the host's TMPDIR do not. */
	for (char** e = environ; *e; e++)
	{
		size_t k = strcspn(*e, "=");
		bool pass = (strncmp(*e, "RDPREPRO_", 9) == 0 && strncmp(*e, "RDPREPRO_VM", 11) != 0) ||
		            strncmp(*e, "TERM=", 5) == 0 || strncmp(*e, "LANG=", 5) == 0 ||
		            strncmp(*e, "LC_", 3) == 0 || strncmp(*e, "NO_COLOR=", 9) == 0;
		if (!pass || (*e)[k] != '=')
			continue;
		fprintf(f, "export %.*s=", (int)k, *e);
		sh_quote(f, *e + k + 1);
		fputc('\n', f);
	}
	/* The harness's own bounds (a peer listening, Xvfb ready, ...) stretched as the guest is
	 * slower, unless the caller set them (util.h: never a protocol timer or a deadline). */
	if (!getenv("RDPREPRO_HARNESS_SLACK") && slack > 1)
		fprintf(f, "export RDPREPRO_HARNESS_SLACK=%d\n", slack);
	fprintf(f, "O=/dev/ttyS0 E=/dev/ttyS1 c1= c2=\n");
	if (!out_tty)
		fprintf(f, "mkfifo /run/rdpp-o; cat /run/rdpp-o >/dev/ttyS0 & c1=$!; O=/run/rdpp-o\n");
	if (!err_tty)
		fprintf(f, "mkfifo /run/rdpp-e; cat /run/rdpp-e >/dev/ttyS1 & c2=$!; E=/run/rdpp-e\n");
	sh_quote(f, self_exe);
	fprintf(f, " run");
	for (int i = 0; i < argc; i++)
		if (strcmp(argv[i], "--shard") == 0)
			i++; /* passed resolved below */
		else if (strncmp(argv[i], "--shard=", 8) != 0 && !lane_option(argv[i]))
		{
			fputc(' ', f);
			sh_quote(f, argv[i]);
		}
	/* A shard taken from the host's environment (--shard auto: Slurm, Kubernetes, CI) is
	 * passed resolved: the guest has none of those variables. */
	if (o->shard_n > 1)
		fprintf(f, " --shard %d/%d", o->shard_i, o->shard_n);
	fprintf(f, " --no-vm --results ");
	sh_quote(f, results);
	fprintf(f, " </dev/null >\"$O\" 2>\"$E\" &\n"
	           "pid=$!\n"
	           "( while read -r s; do case \"$s\" in INT|TERM|HUP) kill -s \"$s\" \"$pid\";; esac; done "
	           "</dev/ttyS0 ) >/dev/null 2>&1 &\n"
	           "w=$!\n"
	           "wait \"$pid\"; rc=$?\n"
	           "[ -z \"$c1$c2\" ] || wait $c1 $c2\n"
	           "kill \"$w\" 2>/dev/null\n"
	           "echo \"$rc\" >");
	sh_quote(f, results);
	fprintf(f, "/" RC_FILE "\n"
	           "sync\n"
	           /* stty waits until what the consoles hold has gone out (TCSADRAIN). */
	           "stty -F /dev/ttyS1 -onlcr 2>/dev/null\n"
	           "echo '" MARK_DONE "'\n"
	           "stty -F /dev/ttyS0 -onlcr 2>/dev/null\n"
	           "echo o >/proc/sysrq-trigger\n"
	           "sleep 30\n");
	if (fclose(f) != 0)
	{
		free(text);
		return rp_fail(err, "the guest's script: %s", strerror(errno)), NULL;
	}
	{
		/* name=...,string=...: a comma in the value is written twice (QemuOpts). */
		size_t commas = 0, k = 0;
		char* opt;
		for (const char* c = text; *c; c++)
			commas += *c == ',';
		opt = malloc(strlen(text) + commas + 48);
		if (!opt)
		{
			free(text);
			return rp_fail(err, "out of memory"), NULL;
		}
		k = (size_t)sprintf(opt, "name=opt/rdprepro/guest.sh,string=");
		for (const char* c = text; *c; c++)
		{
			opt[k++] = *c;
			if (*c == ',')
				opt[k++] = ',';
		}
		opt[k] = '\0';
		free(text);
		return opt;
	}
}

/* ---- the guest ---- */

/* A limit of this process's own cgroup, v2 (memory.max, cpu.max) or v1 (controller's
 * memory.limit_in_bytes, cpu.cfs_quota_us): in a container /proc/meminfo and the CPU count
 * are the machine's, the limits are the job's. */
static bool cgroup_file(const char* v1_controller, const char* v1_name, const char* v2_name,
                        char* buf, size_t n)
{
	char path[8400], v2[4096] = "", v1[4096] = "", line[4200];
	FILE* f = fopen("/proc/self/cgroup", "r");
	bool ok = false;
	size_t cl = strlen(v1_controller);

	while (f && fgets(line, sizeof(line), f))
	{
		char* c = strchr(line, ':');
		char* p = c ? strchr(c + 1, ':') : NULL;
		line[strcspn(line, "\n")] = '\0';
		if (!p)
			continue;
		if (strncmp(line, "0::", 3) == 0)
			rp_strlcpy(v2, p + 1, sizeof(v2));
		/* "4:memory:/path", or a list "2:cpu,cpuacct:/path" */
		for (char* w = c + 1; w < p; w += strcspn(w, ",:") + 1)
			if (strncmp(w, v1_controller, cl) == 0 && (w[cl] == ',' || w[cl] == ':'))
				rp_strlcpy(v1, p + 1, sizeof(v1));
	}
	if (f)
		fclose(f);
	snprintf(path, sizeof(path), "/sys/fs/cgroup%s/%s", strcmp(v2, "/") == 0 ? "" : v2, v2_name);
	if (!(f = fopen(path, "r")) && v1[0])
	{
		snprintf(path, sizeof(path), "/sys/fs/cgroup/%s%s/%s", v1_controller,
		         strcmp(v1, "/") == 0 ? "" : v1, v1_name);
		f = fopen(path, "r");
	}
	if (f)
	{
		ok = fgets(buf, (int)n, f) != NULL;
		fclose(f);
	}
	return ok;
}

/* The host's CPUs this process may use: its affinity, within its cgroup's quota. */
static int host_cpus(void)
{
	cpu_set_t set;
	char q[128];
	long long quota, period;
	int n = (int)sysconf(_SC_NPROCESSORS_ONLN);

	if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
		n = CPU_COUNT(&set);
	/* v2: "QUOTA PERIOD" or "max PERIOD"; v1: the quota alone (-1 for none), period 100 ms */
	if (cgroup_file("cpu", "cpu.cfs_quota_us", "cpu.max", q, sizeof(q)))
	{
		int got = sscanf(q, "%lld %lld", &quota, &period);
		if (got == 1)
			period = 100000;
		if (got >= 1 && quota > 0 && period > 0 && (quota + period - 1) / period < n)
			n = (int)((quota + period - 1) / period);
	}
	return n < 1 ? 1 : n;
}

/* Half of what the host has available (or of the cgroup's memory limit, if lower), within
 * 1-16 GiB: the guest's tmpfs root and its labs live in it; qemu takes the pages only as the
 * guest touches them. */
static long guest_mem_mb(void)
{
	FILE* f = fopen("/proc/meminfo", "r");
	char line[256];
	long long kb = 0, limit;

	while (f && fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %lld kB", &kb) == 1)
			break;
	if (f)
		fclose(f);
	if (cgroup_file("memory", "memory.limit_in_bytes", "memory.max", line, sizeof(line)) &&
	    sscanf(line, "%lld", &limit) == 1 && limit > 0 && limit / 1024 < kb)
		kb = limit / 1024;
	kb /= 2 * 1024;
	return kb < 1024 ? 1024 : kb > 16384 ? 16384 : (long)kb;
}

static long env_long(const char* name, long dflt, long lo, long hi)
{
	const char* v = getenv(name);
	char* end;
	long n;
	if (!v || !*v)
		return dflt;
	n = strtol(v, &end, 10);
	if (*end || n < lo || n > hi)
	{
		fprintf(stderr, "rdprepro: %s=%s is not a number from %ld to %ld; using %ld\n", name, v,
		        lo, hi, dflt);
		return dflt;
	}
	return n;
}

struct guest
{
	pid_t qemu;
	int in, out; /* its serial console: our lines to the guest, its output */
	int err;     /* its second serial port: the run's stderr */
};

static void undo_guest(void* arg)
{
	struct guest* g = arg;
	if (g->qemu > 0)
		rp_proc_stop(g->qemu, 2000);
	g->qemu = 0;
	if (g->in >= 0)
		close(g->in);
	if (g->out >= 0)
		close(g->out);
	if (g->err >= 0)
		close(g->err);
	g->in = g->out = g->err = -1;
}

/* Writes the guest's lines that come after its start mark and before its end mark to stdout
 * (the firmware's banner, its terminal reset and the kernel's lines before and after are not
 * the run's); *up once the start mark came. held keeps a line until its end; a line longer
 * than held is written (or, before the start mark, dropped) in pieces. */
static void forward(const char* buf, size_t n, char* held, size_t* held_len, size_t held_size,
                    bool* up, bool* done)
{
	for (size_t i = 0; i < n && !*done; i++)
	{
		held[(*held_len)++] = buf[i];
		held[*held_len] = '\0';
		if (buf[i] != '\n' && *held_len < held_size - 1)
			continue;
		if (!*up) /* the mark without its newline: a console that kept ONLCR ends it in \r\n */
			*up = strncmp(held, MARK_UP, strlen(MARK_UP) - 1) == 0;
		else if (strncmp(held, MARK_DONE, strlen(MARK_DONE)) == 0)
			*done = true;
		else
			fwrite(held, 1, *held_len, stdout);
		*held_len = 0;
	}
	fflush(stdout);
}

/* A guest's run from qemu's start to its exit status. */
struct vm_run
{
	struct guest g;
	double t0, t_up, deadline;
	char held[8192]; /* the console's line not yet ended (forward) */
	size_t held_len;
	bool up, done, exited;
};

/* Bytes of the guest's console: the run's lines forwarded, its marks noted (t_up: when it came
 * up). */
static void console(struct vm_run* vr, const char* buf, size_t n)
{
	bool was_up = vr->up;
	forward(buf, n, vr->held, &vr->held_len, sizeof(vr->held), &vr->up, &vr->done);
	if (vr->up && !was_up)
		vr->t_up = rp_now_ms();
}

/* qemu with the guest's kernel, the host's root read-only and the results folder over 9p, its
 * consoles on pipes to this process (g's from here on). False when it did not start: *ret -1
 * and why when qemu is not installed, else the error printed. */
static bool guest_start(struct guest* g, const struct guest_facts* gf, const char* accel, long cpus,
                        long mem_mb, const char* results, const char* fwcfg, int* ret, char* why,
                        size_t why_size)
{
	struct rp_err err = { "" };
	char append[12000], mem[32], smp[16];
	char v_root[128] = "local,path=/,mount_tag=hostroot,security_model=none,readonly=on,multidevs=remap";
	char v_out[4200], chr_err[64];
	int to[2] = { -1, -1 }, from[2] = { -1, -1 }, errp[2] = { -1, -1 };
	bool ok = false;

	snprintf(append, sizeof(append),
	         "console=ttyS0 quiet loglevel=3 panic=-1 rdpp_out=%s rdpp_ver=%s rdpp_cache=%s",
	         results, gf->ver, gf->cache);
	snprintf(v_out, sizeof(v_out), "local,path=%s,mount_tag=out,security_model=none,multidevs=remap", results);
	snprintf(mem, sizeof(mem), "%ld", mem_mb);
	snprintf(smp, sizeof(smp), "%ld", cpus);
	/* The guest's second serial port is a pipe to this process, which writes it to its
	 * stderr: qemu gets the pipe as its fd 3 (an fd set), not as a path, since reopening
	 * /dev/fd/2 needs a permission on the file behind it that the caller's user may lack. */
	snprintf(chr_err, sizeof(chr_err), "file,id=err,path=/dev/fdset/1,append=on");
	if (pipe2(to, O_CLOEXEC) != 0 || pipe2(from, O_CLOEXEC) != 0 || pipe2(errp, O_CLOEXEC) != 0)
	{
		fprintf(stderr, "rdprepro: pipe: %s\n", strerror(errno));
		goto out;
	}
	{
		const char* qemu = getenv("RDPREPRO_QEMU") && *getenv("RDPREPRO_QEMU") ? getenv("RDPREPRO_QEMU")
		                                                                       : "qemu-system-x86_64";
		/* KVM takes the host's CPU; TCG its default model, as netem/vm's lane (proven there). */
		const char* qargv[] = { qemu, "-accel", accel, "-cpu", strcmp(accel, "kvm") == 0 ? "host" : "qemu64",
			                    "-add-fd", "fd=3,set=1", "-smp", smp, "-m", mem, "-display", "none", "-monitor", "none",
			                    "-no-reboot", "-nic", "none", "-serial", "stdio", "-chardev", chr_err,
			                    "-serial", "chardev:err", "-kernel", gf->kernel, "-initrd", gf->initrd,
			                    "-append", append, "-virtfs", v_root, "-virtfs", v_out, "-fw_cfg", fwcfg,
			                    NULL };
		struct rp_spawn sp = { .argv = qargv, .fd_stdin = to[0], .fd_stdout = from[1], .fd_stderr = -1,
			                   .fd3 = errp[1] };
		char path[4096];
		if (!rp_find_in_path(qemu, path, sizeof(path)))
		{
			snprintf(why, why_size, "%s is not installed (apt-get install qemu-system-x86)", qemu);
			*ret = -1;
			goto out;
		}
		if (!rp_proc_spawn(&sp, &g->qemu, &err))
		{
			fprintf(stderr, "rdprepro: %s\n", err.msg);
			goto out;
		}
	}
	close(to[0]);
	close(from[1]);
	close(errp[1]);
	g->in = to[1];
	g->out = from[0];
	g->err = errp[0];
	to[0] = to[1] = from[0] = from[1] = errp[0] = errp[1] = -1; /* g's now */
	ok = true;
out:
	for (int i = 0; i < 2; i++)
	{
		if (to[i] >= 0)
			close(to[i]);
		if (errp[i] >= 0)
			close(errp[i]);
		if (from[i] >= 0)
			close(from[i]);
	}
	return ok;
}

/* Until qemu exits, is stopped (an interrupt's grace, the deadline, a boot that did not come) or
 * the console ends: the console forwarded, the second serial port to stderr, an interrupt sent
 * to the guest's run as a line. Then what the pipes still hold. */
static void guest_wait(struct vm_run* vr, char* why, size_t why_size)
{
	struct guest* g = &vr->g;
	int status = 0, sent = 0;
	double stop_by = 0;
	int pfd = (int)syscall(SYS_pidfd_open, g->qemu, 0);

	while (!vr->exited)
	{
		double now = rp_now_ms();
		struct pollfd fds[4] = { { .fd = g->out, .events = POLLIN },
			                     { .fd = pfd, .events = POLLIN },
			                     { .fd = rp_interrupt_fd(), .events = POLLIN },
			                     { .fd = g->err, .events = POLLIN } };
		if (waitpid(g->qemu, &status, WNOHANG) == g->qemu)
		{
			vr->exited = true;
			g->qemu = 0; /* reaped: its pid may be another's from now on */
			break;
		}
		if (rp_interrupted() && !sent)
		{
			/* The guest's run gets the same signal, and stops as a run here would. */
			char line[16];
			int len = snprintf(line, sizeof(line), "%s\n", rp_interrupted() == SIGTERM ? "TERM"
			                                               : rp_interrupted() == SIGHUP ? "HUP" : "INT");
			sent = 1;
			stop_by = now + VM_STOP_GRACE_MS;
			if (!vr->up || write(g->in, line, (size_t)len) != len)
				stop_by = now;
		}
		if ((stop_by && now >= stop_by) || now >= vr->deadline || (!vr->up && now - vr->t0 >= VM_BOOT_MS))
		{
			if (!vr->up && !sent)
				snprintf(why, why_size, "the guest did not start within %.0f s", VM_BOOT_MS / 1000);
			else if (!sent)
				fprintf(stderr, "rdprepro: the guest's run passed its deadline (RDPREPRO_VM_TIMEOUT)\n");
			rp_proc_stop(g->qemu, 2000);
			status = 0;
			g->qemu = 0;
			break;
		}
		if (poll(fds, 4, 500) > 0 && (fds[3].revents & (POLLIN | POLLHUP)))
		{
			char buf[4096];
			ssize_t n = read(g->err, buf, sizeof(buf));
			if (n > 0 && write(2, buf, (size_t)n) < 0)
				n = 0;
			if (n <= 0)
			{
				close(g->err);
				g->err = -1;
			}
		}
		if (fds[0].revents & (POLLIN | POLLHUP))
		{
			char buf[4096];
			ssize_t n = read(g->out, buf, sizeof(buf));
			if (n > 0)
				console(vr, buf, (size_t)n);
			else if (n == 0)
			{
				close(g->out);
				g->out = -1;
			}
		}
	}
	if (pfd >= 0)
		close(pfd);
	/* What qemu wrote before it ended is still in the pipes: their write ends are closed now,
	 * so each read ends at EOF. */
	if (vr->exited)
	{
		char buf[4096];
		ssize_t n;
		while (g->out >= 0 && (n = read(g->out, buf, sizeof(buf))) > 0)
			console(vr, buf, (size_t)n);
		while (g->err >= 0 && (n = read(g->err, buf, sizeof(buf))) > 0)
			if (write(2, buf, (size_t)n) < 0)
				break;
	}
	if (vr->up && !vr->done && vr->held_len)
		fwrite(vr->held, 1, vr->held_len, stdout);
	fflush(stdout);
}

/* The guest's run's exit status into *ret: what it wrote (RC_FILE), else what ended it. False,
 * with why, when no guest came up (the caller says so: a SKIP, or --vm's error). */
static bool guest_status(const struct vm_run* vr, const char* rcpath, int* ret, char* why,
                         size_t why_size)
{
	FILE* rcf;

	if ((rcf = fopen(rcpath, "r")))
	{
		if (fscanf(rcf, "%d", ret) != 1)
			*ret = 1;
		fclose(rcf);
		unlink(rcpath);
	}
	else if (rp_interrupted())
		*ret = 128 + rp_interrupted();
	else if (!vr->up)
	{
		/* No guest boots here: the caller says so (a SKIP, or --vm's error). */
		if (!why[0])
			snprintf(why, why_size, "the guest ended before it started (qemu %s)",
			         vr->exited ? "exited" : "was stopped");
		*ret = -1;
		return false;
	}
	else
	{
		fprintf(stderr, "rdprepro: the guest ended without its run's exit status (a kernel "
		                "panic, or qemu stopped: see above)\n");
		*ret = 1;
	}
	return true;
}

int rp_vm_run(int argc, char** argv, const struct run_opts* o, const char* results, char* why,
              size_t why_size)
{
	struct guest_facts gf;
	struct vm_run vr = { .g = { .in = -1, .out = -1, .err = -1 } };
	struct rp_err err = { "" };
	char rcpath[4200];
	char* fwcfg = NULL;
	/* One host thread for all vCPUs: under multi-threaded TCG the guest kernel's live patching
	 * of a static key (text_poke_bp's int3, at every clsact qdisc or timestamping socket the
	 * labs add and remove) met the other vCPU before the emulator resynchronized it, "Oops: int3"
	 * then a panic (tests/vm_panic.sh: 4 panics in 4 multi-threaded boots within 10 s, none in
	 * single-threaded ones; docs/ci-unprivileged.md). */
	const char* accel = "tcg,thread=single";
	int ret = 1;
	long cpus = env_long("RDPREPRO_VM_CPUS", host_cpus(), 1, 64);
	long mem_mb = env_long("RDPREPRO_VM_MEM", guest_mem_mb(), 512, 262144);

	vr.t0 = rp_now_ms();
	vr.deadline = vr.t0 + 1000.0 * (double)env_long("RDPREPRO_VM_TIMEOUT", 4 * 3600, 60, 86400);
	if (!rp_signals_install())
		return snprintf(why, why_size, "cannot install signal handlers"), -1;
	if (!prepare(&gf, why, why_size))
		return -1;
	if (strcmp(gf.accel, "kvm") == 0)
		accel = "kvm";
	rp_defer(undo_guest, &vr.g, "the guest");
	snprintf(rcpath, sizeof(rcpath), "%s/" RC_FILE, results);
	unlink(rcpath);
	if (!(fwcfg = guest_script(argc - 1, argv + 1, o, results, strcmp(accel, "kvm") == 0 ? 1 : TCG_SLACK, &err)))
	{
		fprintf(stderr, "rdprepro: %s\n", err.msg);
		goto out;
	}
	if (!guest_start(&vr.g, &gf, accel, cpus, mem_mb, results, fwcfg, &ret, why, why_size))
		goto out;
	fprintf(stderr, "rdprepro: running in a qemu guest: %s%s%s%s, %ld vCPUs, %ld MiB, Linux %s\n",
	        strcmp(accel, "kvm") == 0 ? "KVM" : "TCG", gf.accel_why[0] ? " (" : "", gf.accel_why,
	        gf.accel_why[0] ? ")" : "", cpus, mem_mb, gf.ver);
	guest_wait(&vr, why, why_size);
	if (!guest_status(&vr, rcpath, &ret, why, why_size))
		goto out;
	fprintf(stderr,
	        "rdprepro: the run above ran in a qemu guest (%s, %ld vCPUs, %ld MiB): %.1f s in all, "
	        "%.1f s of it to boot%s\n",
	        strcmp(accel, "kvm") == 0 ? "KVM" : "TCG", cpus, mem_mb, (rp_now_ms() - vr.t0) / 1000.0,
	        vr.t_up > 0 ? (vr.t_up - vr.t0) / 1000.0 : 0.0,
	        strcmp(accel, "kvm") == 0 ? ""
	                                  : "; TCG takes about 10x a host's time per lab (measured: "
	                                    "docs/ci-unprivileged.md)");
	if (rp_interrupted() && ret < 128)
		ret = 128 + rp_interrupted();
out:
	free(fwcfg);
	rp_cleanup_all();
	return ret;
}
