/* check_lab.c: lab naming, ownership, staleness, and the cleanup stack. */
#include <check.h>
#include "check_util.h"
#include <stdint.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cleanup.h"
#include "lab.h"
#include "util.h"

START_TEST(test_names)
{
	struct rp_lab lab;

	rp_lab_name(&lab, 1234, 0xabcd);
	ck_assert_str_eq(lab.name, "rdpp-1234-abcd");
	ck_assert_str_eq(lab.ns_client, "rdpp-1234-abcd-c");
	ck_assert_str_eq(lab.ns_router, "rdpp-1234-abcd-r");
	ck_assert_str_eq(lab.ns_server, "rdpp-1234-abcd-s");
	rp_lab_name(&lab, 4194304, 0x1ffff); /* the suffix keeps 16 bits */
	ck_assert_str_eq(lab.name, "rdpp-4194304-ffff");
	ck_assert(!lab.up);
}
END_TEST

START_TEST(test_two_runs_never_collide)
{
	struct rp_lab a, b, c;

	/* Same pid (a rerun), different suffix; different pid, same suffix. */
	rp_lab_name(&a, 100, 1);
	rp_lab_name(&b, 100, 2);
	rp_lab_name(&c, 101, 1);
	ck_assert_str_ne(a.name, b.name);
	ck_assert_str_ne(a.name, c.name);
	ck_assert_str_ne(a.ns_server, c.ns_server);
}
END_TEST

START_TEST(test_owner)
{
	ck_assert_int_eq(rp_lab_owner("rdpp-1234-abcd"), 1234);
	ck_assert_int_eq(rp_lab_owner("rdpp-1234-abcd-c"), 1234);
	ck_assert_int_eq(rp_lab_owner("rdpp-1234-abcd-s"), 1234);
	ck_assert_int_eq(rp_lab_owner("rdpp-1234-abcd.Xy12Zq"), 1234); /* a run directory */
	/* Not ours: never touched by a sweep. */
	ck_assert_int_eq(rp_lab_owner("rdpp-1234-abcd-x"), -1);
	ck_assert_int_eq(rp_lab_owner("rdpp-1234-abc"), -1);
	ck_assert_int_eq(rp_lab_owner("rdpp-1234-abcde"), -1);
	ck_assert_int_eq(rp_lab_owner("rdpp--abcd"), -1);
	ck_assert_int_eq(rp_lab_owner("rdpp-0-abcd"), -1);
	ck_assert_int_eq(rp_lab_owner("rdpp-99999999-abcd"), -1);
	ck_assert_int_eq(rp_lab_owner("xrdpp-1234-abcd"), -1);
	ck_assert_int_eq(rp_lab_owner("myns"), -1);
	ck_assert_int_eq(rp_lab_owner("rdpp-1234-abcd."), -1);
	ck_assert_int_eq(rp_lab_owner(""), -1);
	ck_assert_int_eq(rp_lab_owner(NULL), -1);
}
END_TEST

static bool alive_if_even(pid_t pid)
{
	return pid % 2 == 0;
}

START_TEST(test_stale)
{
	ck_assert(rp_lab_is_stale("rdpp-1235-abcd-c", alive_if_even));
	ck_assert(!rp_lab_is_stale("rdpp-1234-abcd-c", alive_if_even));
	ck_assert(!rp_lab_is_stale("other-1235-abcd-c", alive_if_even));
	/* The real check: this test process is alive but is not rdprepro. */
	ck_assert(!rp_lab_owner_alive(getpid()));
	ck_assert(!rp_lab_owner_alive(4194304));
}
END_TEST

static int order[8];
static int n_order;

static void push(void* arg)
{
	order[n_order++] = (int)(intptr_t)arg;
}

START_TEST(test_cleanup_lifo_once)
{
	int h2;

	n_order = 0;
	rp_defer(push, (void*)1, "one");
	h2 = rp_defer(push, (void*)2, "two");
	rp_defer(push, (void*)3, "three");
	ck_assert_int_eq(rp_cleanup_pending(), 3);
	rp_undo_now(h2);
	ck_assert_int_eq(n_order, 1);
	ck_assert_int_eq(order[0], 2);
	rp_cleanup_all();
	ck_assert_int_eq(n_order, 3);
	ck_assert_int_eq(order[1], 3);
	ck_assert_int_eq(order[2], 1);
	rp_cleanup_all(); /* each undo runs exactly once */
	ck_assert_int_eq(n_order, 3);
	ck_assert_int_eq(rp_cleanup_pending(), 0);
}
END_TEST

START_TEST(test_cleanup_cancel)
{
	int h;

	n_order = 0;
	h = rp_defer(push, (void*)9, "nine");
	rp_undo_cancel(h);
	rp_cleanup_all();
	ck_assert_int_eq(n_order, 0);
}
END_TEST

static void touch_marker(void* arg)
{
	FILE* f = fopen(arg, "w");
	if (f)
		fclose(f);
}

/* A signal wakes waits and is recorded; the undo runs at exit (atexit backstop). */
START_TEST(test_cleanup_on_signal_and_exit)
{
	char marker[] = "/tmp/rdprepro-check-marker-XXXXXX";
	int fd = mkstemp(marker);
	pid_t pid;
	int status;

	ck_assert_int_ge(fd, 0);
	close(fd);
	unlink(marker);
	pid = fork();
	if (pid == 0)
	{
		char c;
		rp_signals_install();
		rp_defer(touch_marker, marker, "marker");
		raise(SIGINT);
		/* The pipe is readable and the signal recorded: the runner's loops see this. */
		if (rp_interrupted() != SIGINT || read(rp_interrupt_fd(), &c, 1) != 1)
			_exit(3);
		exit(0); /* leaves through atexit, which runs the stack */
	}
	waitpid(pid, &status, 0);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 0);
	ck_assert_int_eq(access(marker, F_OK), 0);
	unlink(marker);
}
END_TEST

START_TEST(test_remove_tree)
{
	char dir[] = "/tmp/rdprepro-check-tree-XXXXXX";
	char path[256];
	struct rp_err err;
	FILE* f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/sub", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/sub/file", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fclose(f);
	ck_assert(rp_remove_tree(dir, &err));
	ck_assert_int_ne(access(dir, F_OK), 0);
	ck_assert(rp_remove_tree(dir, &err)); /* gone already: fine */
}
END_TEST

START_TEST(test_durations)
{
	uint32_t v = 0;

	ck_assert(rp_parse_duration_ms("250ms", &v) && v == 250);
	ck_assert(rp_parse_duration_ms("3s", &v) && v == 3000);
	ck_assert(rp_parse_duration_ms("1.5s", &v) && v == 1500);
	ck_assert(rp_parse_duration_ms("40", &v) && v == 40);
	ck_assert(!rp_parse_duration_ms("3 s", &v));
	ck_assert(!rp_parse_duration_ms("3m", &v));
	ck_assert(!rp_parse_duration_ms("-1s", &v));
	ck_assert(!rp_parse_duration_ms("nan", &v));
	ck_assert(!rp_parse_duration_ms("", &v));
	ck_assert(!rp_parse_duration_ms("1e12s", &v));
}
END_TEST

int main(void)
{
	Suite* s = suite_create("lab");
	TCase* tc = tcase_create("core");

	tcase_add_test(tc, test_names);
	tcase_add_test(tc, test_two_runs_never_collide);
	tcase_add_test(tc, test_owner);
	tcase_add_test(tc, test_stale);
	tcase_add_test(tc, test_cleanup_lifo_once);
	tcase_add_test(tc, test_cleanup_cancel);
	tcase_add_test(tc, test_cleanup_on_signal_and_exit);
	tcase_add_test(tc, test_remove_tree);
	tcase_add_test(tc, test_durations);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
