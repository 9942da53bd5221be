/* check_lab.c: lab naming, ownership, staleness, the registry of run directories, and the
 * cleanup stack. */
#include <check.h>
#include "check_util.h"
#include <fcntl.h>
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
	/* Not ours: never touched by a sweep. A run directory's name is not taken either: anyone
	 * may make one in /tmp; the registry says which are ours. */
	ck_assert_int_eq(rp_lab_owner("rdpp-1234-abcd.Xy12Zq"), -1);
	ck_assert_int_eq(rp_lab_owner("rdpp-1-abcd.x-c"), -1);
	ck_assert_int_eq(rp_lab_owner("rdpp-1234-abcd-"), -1);
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

/* ---- the registry ---- */

static void entry_of(struct rp_lab_entry* e, int pid, const char* dir)
{
	memset(e, 0, sizeof(*e));
	e->pid = pid;
	e->start = 123456;
	rp_strlcpy(e->boot, "0c6d3e5f-1b2a-4c3d-8e9f-0a1b2c3d4e5f", sizeof(e->boot));
	e->pidns = 4026531836ull;
	snprintf(e->lab, sizeof(e->lab), "rdpp-%d-abcd", pid);
	rp_strlcpy(e->dir, dir, sizeof(e->dir));
}

START_TEST(test_entry_roundtrip)
{
	struct rp_lab_entry e, back;
	struct rp_err err = { "" };
	char text[8192];

	entry_of(&e, 1234, "/tmp/rdpp-1234-abcd.Ab12Cd");
	ck_assert(rp_lab_entry_format(&e, text, sizeof(text)));
	ck_assert_msg(rp_lab_entry_parse(text, &back, &err), "%s", err.msg);
	ck_assert_int_eq(back.pid, 1234);
	ck_assert(back.start == 123456);
	ck_assert(back.pidns == 4026531836ull);
	ck_assert_str_eq(back.boot, e.boot);
	ck_assert_str_eq(back.lab, "rdpp-1234-abcd");
	ck_assert_str_eq(back.dir, "/tmp/rdpp-1234-abcd.Ab12Cd");
	ck_assert(!rp_lab_entry_format(&e, text, 40)); /* too small: said, not cut */
}
END_TEST

/* What an entry must be, line by line: anything else is refused with the reason. */
START_TEST(test_entry_refused)
{
	static const struct
	{
		const char* text;
		const char* why;
	} bad[] = {
		{ "", "not a registry entry" },
		{ "rdprepro-run/2\n", "not a registry entry" },
		{ "rdprepro-run/1\npid 5\n", "missing" },
		{ "rdprepro-run/1\npid 5", "unterminated" },
		{ "rdprepro-run/1\nuser root\n", "unknown key \"user\"" },
		{ "rdprepro-run/1\npid 5\npid 5\n", "given twice" },
		{ "rdprepro-run/1\npid 0\n", "pid \"0\"" },
		{ "rdprepro-run/1\npid 4194305\n", "out of range" },
		{ "rdprepro-run/1\npid -5\n", "out of range" },
		{ "rdprepro-run/1\npid 5x\n", "out of range" },
		{ "rdprepro-run/1\nstart 99999999999999999999\n", "start" },
		{ "rdprepro-run/1\nboot not-a-uuid\n", "boot" },
		{ "rdprepro-run/1\nlab rdpp-5-abcd-c\n", "lab" },
		{ "rdprepro-run/1\nlab rdpp-5-abcd.x\n", "lab" },
		{ "rdprepro-run/1\ndir tmp/rdpp-5-abcd.Ab12Cd\n", "dir" },
		{ "rdprepro-run/1\ndir /tmp/../etc/rdpp-5-abcd.Ab12Cd\n", "dir" },
		{ "rdprepro-run/1\ndir /tmp//rdpp-5-abcd.Ab12Cd\n", "dir" },
		{ "rdprepro-run/1\nnovalue\n", "no value" },
	};
	struct rp_lab_entry e;
	struct rp_err err;
	char text[8192];

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		err.msg[0] = '\0';
		ck_assert_msg(!rp_lab_entry_parse(bad[i].text, &e, &err), "accepted: %s", bad[i].text);
		ck_assert_msg(strstr(err.msg, bad[i].why), "%s: \"%s\", wanted \"%s\"", bad[i].text,
		              err.msg, bad[i].why);
	}
	/* Whole entries whose parts disagree: the lab is not the pid's, the directory not the
	 * lab's, or not a run directory's name at all. */
	entry_of(&e, 1234, "/tmp/rdpp-1234-abcd.Ab12Cd");
	rp_strlcpy(e.lab, "rdpp-1235-abcd", sizeof(e.lab));
	ck_assert(rp_lab_entry_format(&e, text, sizeof(text)));
	ck_assert(!rp_lab_entry_parse(text, &e, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "not pid 1234's"));
	static const char* const dirs[] = { "/tmp/rdpp-1234-abce.Ab12Cd", "/tmp/rdpp-1234-abcd.Ab12C",
		                                "/tmp/rdpp-1234-abcd.Ab12Cde", "/tmp/rdpp-1234-abcd.Ab-2Cd",
		                                "/tmp", "/rdpp-1234-abcd.Ab12Cd", "/etc/passwd" };
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
	{
		entry_of(&e, 1234, dirs[i]);
		ck_assert(rp_lab_entry_format(&e, text, sizeof(text)));
		ck_assert_msg(!rp_lab_entry_parse(text, &e, &err), "accepted dir %s", dirs[i]);
	}
}
END_TEST

/* Who is gone: only a positive sign (no such pid, another start time, a zombie, another
 * boot); anything unreadable or of another pid namespace is left, and so is pid 1. */
START_TEST(test_entry_owner)
{
	struct rp_lab_entry e, here;
	struct rp_proc_seen same = { .exists = true, .start = 123456, .state = 'S' };
	struct rp_proc_seen reused = { .exists = true, .start = 999, .state = 'S' };
	struct rp_proc_seen zombie = { .exists = true, .start = 123456, .state = 'Z' };
	struct rp_proc_seen none = { .exists = false };
	struct rp_proc_seen unreadable = { .unknown = true };

	entry_of(&e, 4321, "/tmp/rdpp-4321-abcd.Ab12Cd");
	entry_of(&here, 77, "/tmp/rdpp-77-abcd.Ab12Cd");
	ck_assert_int_eq(rp_lab_entry_owner(&e, &here, &same), RP_OWNER_ALIVE);
	ck_assert_int_eq(rp_lab_entry_owner(&e, &here, &none), RP_OWNER_GONE);
	ck_assert_int_eq(rp_lab_entry_owner(&e, &here, &reused), RP_OWNER_GONE);
	ck_assert_int_eq(rp_lab_entry_owner(&e, &here, &zombie), RP_OWNER_GONE);
	ck_assert_int_eq(rp_lab_entry_owner(&e, &here, &unreadable), RP_OWNER_UNKNOWN);
	here.pidns++;
	ck_assert_int_eq(rp_lab_entry_owner(&e, &here, &none), RP_OWNER_UNKNOWN);
	here.pidns--;
	here.boot[0] = '1'; /* rebooted since */
	ck_assert_int_eq(rp_lab_entry_owner(&e, &here, &same), RP_OWNER_GONE);
	here.boot[0] = '\0'; /* this boot unknown */
	ck_assert_int_eq(rp_lab_entry_owner(&e, &here, &none), RP_OWNER_UNKNOWN);
	entry_of(&here, 77, "/tmp/rdpp-77-abcd.Ab12Cd");
	/* Pid 1 always exists; another start time is not "gone". */
	entry_of(&e, 1, "/tmp/rdpp-1-abcd.Ab12Cd");
	ck_assert_int_eq(rp_lab_entry_owner(&e, &here, &reused), RP_OWNER_UNKNOWN);
	ck_assert_int_eq(rp_lab_entry_owner(&e, &here, &same), RP_OWNER_ALIVE);
}
END_TEST

/* The real /proc: this process is alive as itself; a pid that does not exist is gone; pid 1
 * at this process's start time is not gone. */
START_TEST(test_entry_self)
{
	struct rp_lab_entry me, e;
	struct rp_proc_seen seen;
	struct rp_err err = { "" };

	ck_assert_msg(rp_lab_entry_self(&me, &err), "%s", err.msg);
	ck_assert_int_eq(me.pid, getpid());
	rp_lab_proc_seen(me.pid, &seen);
	ck_assert(seen.exists && seen.start == me.start);
	ck_assert_int_eq(rp_lab_entry_owner(&me, &me, &seen), RP_OWNER_ALIVE);
	e = me;
	e.pid = 4194304; /* PID_MAX_LIMIT: no process has it */
	rp_lab_proc_seen(e.pid, &seen);
	ck_assert(!seen.exists && !seen.unknown);
	ck_assert_int_eq(rp_lab_entry_owner(&e, &me, &seen), RP_OWNER_GONE);
	e.pid = 1;
	rp_lab_proc_seen(1, &seen);
	ck_assert_int_ne(rp_lab_entry_owner(&e, &me, &seen), RP_OWNER_GONE);
}
END_TEST

/* A run directory is removed only if it is still what the run made. */
START_TEST(test_rundir_ours)
{
	char parent[] = "/tmp/rdprepro-check-lab-XXXXXX";
	const char* lab = "rdpp-4321-abcd";
	char p[256], why[128], cmd[300];
	bool missing;
	int fd;

	ck_assert_ptr_nonnull(mkdtemp(parent));
	fd = open(parent, O_RDONLY | O_DIRECTORY);
	ck_assert_int_ge(fd, 0);
	ck_assert(!rp_lab_rundir_ours(fd, "rdpp-4321-abcd.Ab12Cd", lab, geteuid(), &missing, why,
	                              sizeof(why)));
	ck_assert(missing);
	snprintf(p, sizeof(p), "%s/rdpp-4321-abcd.Ab12Cd", parent);
	ck_assert_int_eq(mkdir(p, 0700), 0);
	ck_assert(rp_lab_rundir_ours(fd, "rdpp-4321-abcd.Ab12Cd", lab, geteuid(), &missing, why,
	                             sizeof(why)));
	ck_assert_int_eq(chmod(p, 0750), 0); /* shared with the run's group: still ours */
	ck_assert(rp_lab_rundir_ours(fd, "rdpp-4321-abcd.Ab12Cd", lab, geteuid(), &missing, why,
	                             sizeof(why)));
	ck_assert_int_eq(chmod(p, 0777), 0);
	ck_assert(!rp_lab_rundir_ours(fd, "rdpp-4321-abcd.Ab12Cd", lab, geteuid(), &missing, why,
	                              sizeof(why)));
	ck_assert_msg(strstr(why, "open to others") && !missing, "%s", why);
	ck_assert(!rp_lab_rundir_ours(fd, "rdpp-4321-abcd.Ab12Cd", lab, geteuid() + 1, &missing, why,
	                              sizeof(why)));
	ck_assert_msg(strstr(why, "owned by uid"), "%s", why);
	ck_assert(!rp_lab_rundir_ours(fd, "rdpp-4321-abce.Ab12Cd", lab, geteuid(), &missing, why,
	                              sizeof(why)));
	ck_assert_msg(strstr(why, "not named"), "%s", why);
	snprintf(p, sizeof(p), "%s/rdpp-4321-abcd.Sym123", parent);
	ck_assert_int_eq(symlink("/etc", p), 0);
	ck_assert(!rp_lab_rundir_ours(fd, "rdpp-4321-abcd.Sym123", lab, geteuid(), &missing, why,
	                              sizeof(why)));
	ck_assert_str_eq(why, "a symlink");
	close(fd);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", parent);
	ck_assert_int_eq(system(cmd), 0);
}
END_TEST

/* rp_lab_rundir registers, then makes; the undo removes, then unregisters. */
START_TEST(test_rundir_registered)
{
	char parent[] = "/tmp/rdprepro-check-lab-XXXXXX";
	char dir[4096], entry[4200], cmd[300];
	const char* where = geteuid() == 0 ? RP_REGISTRY_DIR : NULL;
	struct rp_lab lab;
	struct rp_err err = { "" };
	struct stat st;

	ck_assert_ptr_nonnull(mkdtemp(parent));
	rp_lab_name(&lab, getpid(), 0x1a2b);
	ck_assert_msg(rp_lab_rundir(&lab, parent, dir, sizeof(dir), &err), "%s", err.msg);
	ck_assert_int_eq(lstat(dir, &st), 0);
	ck_assert(S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0700);
	ck_assert_ptr_nonnull(strstr(dir, "/rdpp-"));
	if (where)
	{
		char* text = NULL;
		struct rp_lab_entry e;
		snprintf(entry, sizeof(entry), "%s/%s", where, lab.name);
		ck_assert_msg(rp_read_file(entry, &text, &err), "%s", err.msg);
		ck_assert_msg(rp_lab_entry_parse(text, &e, &err), "%s", err.msg);
		free(text);
		ck_assert_str_eq(e.dir, dir);
		ck_assert_int_eq(e.pid, getpid());
		ck_assert_int_eq(lstat(where, &st), 0);
		ck_assert(S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0700 && st.st_uid == 0);
	}
	rp_undo_lab_rundir(dir);
	ck_assert_int_ne(access(dir, F_OK), 0);
	if (where)
		ck_assert_int_ne(access(entry, F_OK), 0);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", parent);
	ck_assert_int_eq(system(cmd), 0);
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
	tcase_add_test(tc, test_durations);
	tcase_add_test(tc, test_entry_roundtrip);
	tcase_add_test(tc, test_entry_refused);
	tcase_add_test(tc, test_entry_owner);
	tcase_add_test(tc, test_entry_self);
	tcase_add_test(tc, test_rundir_ours);
	tcase_add_test(tc, test_rundir_registered);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
