/* cleanup.c: the defer stack and the signal plumbing that makes it run. */
#include "cleanup.h"

#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_UNDO 64

struct undo
{
	rp_undo_fn fn;
	void* arg;
	const char* what;
};

static struct undo stack[MAX_UNDO];
static int depth;
static volatile sig_atomic_t caught;
static int wake_pipe[2] = { -1, -1 };

int rp_defer(rp_undo_fn fn, void* arg, const char* what)
{
	static bool registered;

	if (!registered)
	{
		atexit(rp_cleanup_all);
		registered = true;
	}
	if (depth >= MAX_UNDO)
		return -1;
	stack[depth] = (struct undo){ fn, arg, what };
	return depth++;
}

void rp_undo_cancel(int h)
{
	if (h >= 0 && h < depth)
		stack[h].fn = NULL;
	while (depth > 0 && !stack[depth - 1].fn)
		depth--;
}

void rp_undo_now(int h)
{
	if (h >= 0 && h < depth && stack[h].fn)
	{
		rp_undo_fn fn = stack[h].fn;
		stack[h].fn = NULL;
		fn(stack[h].arg);
	}
	rp_undo_cancel(h);
}

void rp_cleanup_all(void)
{
	while (depth > 0)
	{
		struct undo u = stack[--depth];
		if (u.fn)
			u.fn(u.arg);
	}
}

int rp_cleanup_pending(void)
{
	int n = 0;
	for (int i = 0; i < depth; i++)
		n += stack[i].fn != NULL;
	return n;
}

static void on_signal(int sig)
{
	int saved = errno;
	ssize_t rc;

	if (!caught)
		caught = sig;
	if (wake_pipe[1] >= 0)
		rc = write(wake_pipe[1], "x", 1);
	(void)rc;
	errno = saved;
}

bool rp_signals_install(void)
{
	struct sigaction sa;
	const int sigs[] = { SIGINT, SIGTERM, SIGHUP };

	if (wake_pipe[0] < 0 && pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0)
		return false;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], &sa, NULL) != 0)
			return false;
	signal(SIGPIPE, SIG_IGN);
	return true;
}

bool rp_signals_after_fork(void)
{
	if (wake_pipe[0] >= 0)
	{
		close(wake_pipe[0]);
		close(wake_pipe[1]);
		wake_pipe[0] = wake_pipe[1] = -1;
	}
	caught = 0;
	return rp_signals_install();
}

int rp_interrupted(void)
{
	return caught;
}

int rp_interrupt_fd(void)
{
	return wake_pipe[0];
}

void rp_undo_remove_tree(void* arg)
{
	struct rp_err err;
	if (!rp_remove_tree(arg, &err))
		fprintf(stderr, "rdprepro: cleanup: %s\n", err.msg);
}
