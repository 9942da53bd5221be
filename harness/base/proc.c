/* proc.c: spawn, wait with a deadline, stop. */
#include "proc.h"

#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"

/* In the child: a /tmp of its own. A mount namespace for this child (and what it starts),
 * slave to the host's so nothing mounted here propagates back, and the private directory bound
 * over /tmp. keep_dir, if it is under /tmp, is first bound at its own relative path inside the
 * private directory, so that it stays where it was once /tmp is covered (a mount from another
 * namespace cannot be bound: this is done in the new one); each of private_dirs gets a
 * directory of the private one bound over it. `ip netns exec` makes its own
 * namespace inside this one and keeps the binds. */
static bool private_tmp(const struct rp_spawn* sp)
{
	char keep[4096] = "", at[8192];
	struct rp_err ignored;
	bool rebind = sp->keep_dir && realpath(sp->keep_dir, keep) && strncmp(keep, "/tmp/", 5) == 0;

	if (unshare(CLONE_NEWNS) != 0 || mount(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) != 0)
		return false;
	if (rebind)
	{
		/* The mount point, made inside the private directory (the run directory holds it). */
		snprintf(at, sizeof(at), "%s%s", sp->private_tmp, keep + 4);
		if (!rp_mkdir_p(at, &ignored))
			return false;
		if (mount(keep, at, NULL, MS_BIND, NULL) != 0)
			return false;
	}
	/* Made, and bound, before /tmp is covered: the private directory is reached by its path. */
	for (int i = 0; sp->private_dirs && sp->private_dirs[i]; i++)
	{
		const char* dir = sp->private_dirs[i];
		const char* name = strrchr(dir, '/');
		snprintf(at, sizeof(at), "%s/%s", sp->private_tmp, name ? name + 1 : dir);
		if (access(dir, F_OK) != 0)
			continue;
		if (!rp_mkdir_p(at, &ignored))
			return false;
		/* The identity the child becomes writes there (Xvfb's compiled keymaps). */
		if (sp->as && sp->as->switch_uid && chown(at, sp->as->uid, sp->as->gid) != 0)
			return false;
		if (mount(at, dir, NULL, MS_BIND, NULL) != 0)
			return false;
	}
	return mount(sp->private_tmp, "/tmp", NULL, MS_BIND | MS_REC, NULL) == 0;
}

/* In the child: the lab namespace `name`, entered as `ip netns exec` enters it (iproute2's
 * lib/namespace.c, netns_switch): setns on /run/netns/NAME, a mount namespace of its own slave
 * to the host's (unless private_tmp made one already), /sys of the new network namespace, and
 * each /etc/netns/NAME/FILE bound over /etc/FILE (a lab's hosts and resolv.conf). Done here
 * rather than by exec'ing ip, so that the child leaves its privileges after entering (ip
 * would exec the program as root), and one exec less per process. */
static bool enter_netns(const char* name, bool have_mountns)
{
	char path[4096];
	unsigned long flags = 0;
	struct statvfs vfs;
	struct dirent* e;
	DIR* d;
	int fd;

	snprintf(path, sizeof(path), "/run/netns/%s", name);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return false;
	if (setns(fd, CLONE_NEWNET) != 0)
	{
		close(fd);
		return false;
	}
	close(fd);
	if (!have_mountns &&
	    (unshare(CLONE_NEWNS) != 0 || mount(NULL, "/", NULL, MS_REC | MS_SLAVE, NULL) != 0))
		return false;
	/* As ip does: /sys read-only if it was; an unmount that fails means there was none. */
	if (statvfs("/sys", &vfs) == 0 && (vfs.f_flag & ST_RDONLY))
		flags = MS_RDONLY;
	umount2("/sys", MNT_DETACH);
	if (mount(name, "/sys", "sysfs", flags, NULL) != 0)
		return false;
	snprintf(path, sizeof(path), "/etc/netns/%s", name);
	if (!(d = opendir(path)))
		return true;
	while ((e = readdir(d)))
	{
		char src[4096 + 256], dst[300];
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		snprintf(src, sizeof(src), "%s/%s", path, e->d_name);
		snprintf(dst, sizeof(dst), "/etc/%s", e->d_name);
		if (mount(src, dst, "none", MS_BIND, NULL) != 0)
			fprintf(stderr, "rdprepro: bind %s on %s: %s\n", src, dst, strerror(errno));
	}
	closedir(d);
	return true;
}

/* The probe's raw sockets, opened in the lab's namespace while the child may still, and left
 * open across exec (no CLOEXEC) for it: their fds go in the environment (rawsock.h). */
static void raw_sockets(void)
{
	static char icmp_env[48], tcp_env[48];
	int icmp = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	int tcp = socket(AF_INET, SOCK_RAW, IPPROTO_TCP);

	if (icmp >= 0)
	{
		snprintf(icmp_env, sizeof(icmp_env), "RDPREPRO_RAW_ICMP_FD=%d", icmp);
		putenv(icmp_env);
	}
	if (tcp >= 0)
	{
		snprintf(tcp_env, sizeof(tcp_env), "RDPREPRO_RAW_TCP_FD=%d", tcp);
		putenv(tcp_env);
	}
}

/* /proc/sys/net is the calling thread's network namespace: this writes the lab's. */
static bool low_ports(void)
{
	int fd = open("/proc/sys/net/ipv4/ip_unprivileged_port_start", O_WRONLY | O_CLOEXEC);
	bool ok = fd >= 0 && write(fd, "0\n", 2) == 2;

	if (fd >= 0)
		close(fd);
	return ok;
}

static void child_fail(const struct rp_spawn* sp, const char* what)
{
	fprintf(stderr, "rdprepro: %s for %s: %s\n", what, sp->argv[0], strerror(errno));
	_exit(127);
}

static void child_exec(const struct rp_spawn* sp, pid_t parent)
{
	char prog[4096];
	int devnull, progfd = -1;

	/* Die with the runner, even if it is SIGKILLed; and close the race where it died
	 * between fork and here. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if (getppid() != parent)
		_exit(127);
	/* The runner catches SIGINT itself and stops its children in order. */
	setpgid(0, 0);
	devnull = open("/dev/null", O_RDWR);
	dup2(sp->fd_stdin >= 0 ? sp->fd_stdin : devnull, 0);
	if (sp->fd_stdout >= 0)
		dup2(sp->fd_stdout, 1);
	if (sp->fd_stderr >= 0)
		dup2(sp->fd_stderr, 2);
	if (sp->fd3 > 0 && sp->fd3 != 3)
		dup2(sp->fd3, 3); /* dup2 clears FD_CLOEXEC on the copy */
	else if (sp->fd3 == 3)
		fcntl(3, F_SETFD, 0);
	for (int i = 0; sp->env && sp->env[i]; i++)
		putenv((char*)sp->env[i]);
	if (sp->private_tmp && !private_tmp(sp))
		child_fail(sp, "a private /tmp");
	if (sp->netns && !enter_netns(sp->netns, sp->private_tmp != NULL))
		child_fail(sp, "entering the lab's namespace");
	if (sp->raw_sockets)
		raw_sockets();
	if (sp->low_ports && !low_ports())
		child_fail(sp, "net.ipv4.ip_unprivileged_port_start in the lab's namespace");
	/* The program is found and opened while the path to it can still be walked (a build tree
	 * under a 0700 home), and executed from that descriptor after the privileges went. */
	if (strchr(sp->argv[0], '/'))
		rp_strlcpy(prog, sp->argv[0], sizeof(prog));
	else if (!rp_find_in_path(sp->argv[0], prog, sizeof(prog)))
		rp_strlcpy(prog, sp->argv[0], sizeof(prog));
	if (sp->as)
	{
		progfd = open(prog, O_PATH | O_CLOEXEC);
		if (!rp_drop_privileges(sp->as))
			child_fail(sp, "leaving root's privileges");
		/* A change of uid clears the parent-death signal (prctl(2)): set again, or a
		 * SIGKILLed runner would leave this process behind. */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(127);
	}
	if (progfd >= 0)
		execveat(progfd, "", (char* const*)sp->argv, environ, AT_EMPTY_PATH);
	execv(prog, (char* const*)sp->argv);
	fprintf(stderr, "rdprepro: exec %s: %s\n", prog, strerror(errno));
	_exit(127);
}

static bool verbose_spawn;

void rp_proc_set_verbose(bool on)
{
	verbose_spawn = on;
}

bool rp_proc_spawn(const struct rp_spawn* sp, pid_t* pid, struct rp_err* err)
{
	pid_t parent = getpid();
	pid_t p;

	if (verbose_spawn)
	{
		fprintf(stderr, "+%s%s", sp->netns ? " ip netns exec " : "", sp->netns ? sp->netns : "");
		for (int i = 0; sp->argv[i]; i++)
			fprintf(stderr, " %s", sp->argv[i]);
		fprintf(stderr, "\n");
	}
	fflush(NULL);
	p = fork();
	if (p < 0)
		return rp_fail(err, "fork: %s", strerror(errno));
	if (p == 0)
		child_exec(sp, parent);
	setpgid(p, p);
	*pid = p;
	return true;
}

int rp_proc_exit_code(int status)
{
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return 255;
}

static int wait_until(pid_t pid, double deadline_ms, int* status, bool wake_on_interrupt)
{
	int pfd = (int)syscall(SYS_pidfd_open, pid, 0);
	int rc = 0;

	for (;;)
	{
		pid_t w = waitpid(pid, status, WNOHANG);
		struct pollfd fds[2];
		double left;
		int n = 0;

		if (w == pid)
		{
			rc = 1;
			break;
		}
		if (w < 0 && errno != EINTR)
		{
			*status = 0;
			rc = 1;
			break;
		}
		if (wake_on_interrupt && rp_interrupted())
		{
			rc = -1;
			break;
		}
		left = deadline_ms - rp_now_ms();
		if (left <= 0)
		{
			rc = 0;
			break;
		}
		if (pfd >= 0)
			fds[n++] = (struct pollfd){ .fd = pfd, .events = POLLIN };
		if (wake_on_interrupt && rp_interrupt_fd() >= 0)
			fds[n++] = (struct pollfd){ .fd = rp_interrupt_fd(), .events = POLLIN };
		/* Without a pidfd, poll in slices of 20 ms: still bounded by the deadline. */
		poll(fds, n, pfd >= 0 ? (int)(left + 1) : (left < 20 ? (int)left + 1 : 20));
	}
	if (pfd >= 0)
		close(pfd);
	return rc;
}

int rp_proc_wait(pid_t pid, double deadline_ms, int* status)
{
	return wait_until(pid, deadline_ms, status, true);
}

void rp_proc_stop(pid_t pid, unsigned grace_ms)
{
	int status;

	if (pid <= 0)
		return;
	if (waitpid(pid, &status, WNOHANG) == pid)
		return;
	/* The child leads its own process group: signal the group, so `ip netns exec`'s
	 * grandchildren go too. */
	kill(-pid, SIGTERM);
	kill(pid, SIGTERM);
	{
		double deadline = rp_now_ms() + grace_ms;
		int pfd = (int)syscall(SYS_pidfd_open, pid, 0);
		while (waitpid(pid, &status, WNOHANG) == 0 && rp_now_ms() < deadline)
		{
			struct pollfd fd = { .fd = pfd, .events = POLLIN };
			poll(&fd, pfd >= 0 ? 1 : 0, pfd >= 0 ? (int)(deadline - rp_now_ms()) + 1 : 10);
		}
		if (pfd >= 0)
			close(pfd);
	}
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
}

bool rp_proc_run(const char* const* argv, bool verbose, unsigned timeout_ms, int* status,
                 struct rp_err* err)
{
	int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	struct rp_spawn sp = {
		.argv = argv,
		.fd_stdin = -1,
		.fd_stdout = verbose ? 2 : devnull,
		.fd_stderr = -1,
	};
	pid_t pid;
	int ws = 0;
	int rc;

	if (!rp_proc_spawn(&sp, &pid, err))
	{
		close(devnull);
		return false;
	}
	close(devnull);
	/* Setup and teardown commands run to completion even after an interrupt (a half-built
	 * lab is worse than a second's delay); only the timeout bounds them. */
	rc = wait_until(pid, rp_now_ms() + timeout_ms, &ws, false);
	if (rc == 0)
	{
		rp_proc_stop(pid, 500);
		return rp_fail(err, "%s: timed out after %u ms", argv[1] ? argv[1] : argv[0], timeout_ms);
	}
	*status = rp_proc_exit_code(ws);
	return true;
}

/* ---- waiting on what a child says, finding programs, looking at processes ---- */

/* Waits until the log file of process pid holds needle (1), the process exits first (0, its
 * status in *status), or the deadline passes or a signal comes (-1). */
int rp_wait_for_log(const char* log, const char* needle, pid_t pid, double deadline,
                        int* status)
{
	while (rp_now_ms() < deadline && !rp_interrupted())
	{
		char buf[4096] = "";
		FILE* f = fopen(log, "r");
		size_t n = f ? fread(buf, 1, sizeof(buf) - 1, f) : 0;
		if (f)
			fclose(f);
		buf[n] = '\0';
		if (strstr(buf, needle))
			return 1;
		if (rp_proc_wait(pid, rp_now_ms() + 20, status) == 1)
			return 0;
	}
	return -1;
}

/* Reads fd until what it read holds needle, EOF, the deadline or an interrupt; closes fd.
 * True when the needle came. */
bool rp_read_until(int fd, const char* needle, char* buf, size_t n, double deadline)
{
	size_t got = 0;

	buf[0] = '\0';
	while (!strstr(buf, needle) && got < n - 1 && rp_now_ms() < deadline && !rp_interrupted())
	{
		struct pollfd p = { .fd = fd, .events = POLLIN };
		ssize_t k;
		if (poll(&p, 1, (int)(deadline - rp_now_ms()) + 1) <= 0)
			continue;
		k = read(fd, buf + got, n - 1 - got);
		if (k <= 0)
			break;
		got += (size_t)k;
		buf[got] = '\0';
	}
	close(fd);
	return strstr(buf, needle) != NULL;
}

/* The full path of a program found in $PATH, as execvp would find it. */
bool rp_find_in_path(const char* name, char* out, size_t n)
{
	const char* path = getenv("PATH");
	char dirs[4096];
	char* save = NULL;

	rp_strlcpy(dirs, path && *path ? path : "/usr/sbin:/usr/bin:/sbin:/bin", sizeof(dirs));
	for (char* d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save))
	{
		snprintf(out, n, "%s/%s", d, name);
		if (access(out, X_OK) == 0)
			return true;
	}
	/* Debian puts daemons in sbin, which a non-login PATH may lack. */
	snprintf(out, n, "/usr/sbin/%s", name);
	return access(out, X_OK) == 0;
}

/* Whether a TCP socket listens on port in the network namespace of process pid
 * (/proc/PID/net/tcp: local address as ADDR:PORT in hex, state 0A = LISTEN). */
bool rp_listens_on(pid_t pid, int port)
{
	char path[64], line[512];
	FILE* f;
	bool found = false;

	snprintf(path, sizeof(path), "/proc/%d/net/tcp", (int)pid);
	if (!(f = fopen(path, "r")))
		return false;
	while (!found && fgets(line, sizeof(line), f))
	{
		unsigned lport, state;
		if (sscanf(line, " %*d: %*x:%x %*x:%*x %x", &lport, &state) == 2)
			found = (int)lport == port && state == 0x0A;
	}
	fclose(f);
	return found;
}

/* Open files of a process (/proc/PID/fd), -1 if it is gone. */
int rp_count_fds(pid_t pid)
{
	char path[64];
	DIR* d;
	struct dirent* e;
	int n = 0;

	snprintf(path, sizeof(path), "/proc/%d/fd", (int)pid);
	if (!(d = opendir(path)))
		return -1;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

char self_exe[4096];

bool rp_find_self(struct rp_err* err)
{
	ssize_t n = readlink("/proc/self/exe", self_exe, sizeof(self_exe) - 1);
	if (n <= 0)
		return rp_fail(err, "readlink /proc/self/exe: %s", strerror(errno));
	self_exe[n] = '\0';
	return true;
}

void rp_undo_stop(void* arg)
{
	pid_t* pid = arg;
	rp_proc_stop(*pid, 1000);
	*pid = 0;
}
