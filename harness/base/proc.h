/* proc.h: child processes with deadlines: spawn (optionally inside a lab namespace),
 * wait until a deadline or an interrupt, kill. No bare sleeps: every wait is a poll with
 * a deadline that also wakes on the runner's interrupt pipe. */
#ifndef RDPREPRO_PROC_H
#define RDPREPRO_PROC_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "priv.h"
#include "util.h"

struct rp_spawn
{
	const char* const* argv; /* argv[0] is a path */
	const char* netns;       /* run inside this named namespace (ip netns exec), or NULL */
	int fd_stdin;            /* -1: /dev/null */
	int fd_stdout;           /* -1: inherit */
	int fd_stderr;           /* -1: inherit */
	const char* const* env;  /* extra NAME=VALUE entries, NULL-terminated, or NULL */
	int fd3;                 /* > 0: becomes the child's fd 3 (0, the default: none) */
	const char* private_tmp; /* a directory bound over /tmp in a mount namespace of the
	                          * child's own, or NULL: X servers and clients keep their lock
	                          * files and sockets there, so parallel labs never meet */
	const char* keep_dir;    /* with private_tmp: a directory that stays visible at its own
	                          * path even if it is under /tmp (the run directory) */
	const char* const* private_dirs; /* with private_tmp: more directories made private the
	                                  * same way, each bound from <private_tmp>/<its last
	                                  * name> (NULL-terminated; absent ones are skipped) */
	const struct rp_identity* as; /* NULL: as the runner (the lab's plumbing); else the child
	                                * leaves every privilege for this identity before exec
	                                * (priv.h), after its namespaces are entered */
	bool raw_sockets; /* with netns and as: a raw ICMP and a raw TCP socket, opened in the
	                   * namespace before the privileges go, inherited as the fds named by
	                   * RDPREPRO_RAW_ICMP_FD and RDPREPRO_RAW_TCP_FD (the probe's pings and
	                   * TTL watch: rawsock.h) */
	bool low_ports; /* with netns and as: the namespace lets any user bind ports below 1024
	                 * (net.ipv4.ip_unprivileged_port_start = 0, a sysctl of that namespace
	                 * alone), for a server that runs without CAP_NET_BIND_SERVICE on 3389 */
};

/* Starts a child. It dies with the runner (PR_SET_PDEATHSIG), so a SIGKILLed runner leaves
 * no process behind. */
bool rp_proc_spawn(const struct rp_spawn* sp, pid_t* pid, struct rp_err* err);

/* Waits for `pid` until `deadline_ms` (rp_now_ms() clock). Returns 1 exited (status filled
 * with the wait status), 0 deadline passed, -1 interrupted by a signal to the runner. */
int rp_proc_wait(pid_t pid, double deadline_ms, int* status);

/* SIGTERM, then SIGKILL after grace_ms; reaps. Safe on an already reaped pid (0 or <0). */
void rp_proc_stop(pid_t pid, unsigned grace_ms);

/* Runs a command to completion within timeout_ms; status is its exit code (128+sig if
 * killed). Output goes to stderr when verbose, to /dev/null otherwise. */
bool rp_proc_run(const char* const* argv, bool verbose, unsigned timeout_ms, int* status,
                 struct rp_err* err);

/* Echo every spawned command on stderr (rdprepro run -v). */
void rp_proc_set_verbose(bool on);

/* Exit code from a wait status: the code, or 128 + the signal. */
int rp_proc_exit_code(int status);

/* Waits until the log file of process pid holds needle (1), the process exits first (0, its
 * status in *status), or the deadline passes or a signal comes (-1). */
int rp_wait_for_log(const char* log, const char* needle, pid_t pid, double deadline, int* status);

/* Reads fd until what it read holds needle, EOF, the deadline or an interrupt; closes fd.
 * True when the needle came. */
bool rp_read_until(int fd, const char* needle, char* buf, size_t n, double deadline);

/* The full path of a program found in $PATH (and /usr/sbin), as execvp would find it. */
bool rp_find_in_path(const char* name, char* out, size_t n);

/* Whether a TCP socket listens on port in the network namespace of process pid. */
bool rp_listens_on(pid_t pid, int port);

/* Open files of a process (/proc/PID/fd), -1 if it is gone. */
int rp_count_fds(pid_t pid);

/* This program's own path (rp_find_self fills it), for the children that are rdprepro too. */
extern char self_exe[4096];
bool rp_find_self(struct rp_err* err);

/* Undo: rp_proc_stop of *(pid_t*)pid with a 1 s grace, then *pid = 0. */
void rp_undo_stop(void* pid);

#endif
