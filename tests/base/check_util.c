/* check_util.c: rp_remove_tree removes its tree and nothing outside it (issue 29).
 *
 * The tree each test builds beside an outside directory it must never touch:
 *
 *   WORK/outside/f0..f19          files that must survive
 *   WORK/outside-file             a file that must survive
 *   WORK/tree/to-dir  -> WORK/outside        a symlink to a directory: unlinked, not entered
 *   WORK/tree/to-file -> WORK/outside-file   a symlink to a file: unlinked, file kept
 *   WORK/tree/a/b/c/file          nested directories
 *   WORK/tree/fifo                a FIFO: unlinked, never opened (an open would block)
 *
 * The race issue 29 reproduced (a subdirectory swapped for a symlink while the walk is in it)
 * is not replayed here: rp_remove_tree resolves no path name below the top, so there is no
 * window to aim at; a symlink met anywhere, before or after a swap, is the to-dir case. */
#include <check.h>
#include "check_util.h"
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

static char work[64];

static void path_of(char* buf, size_t n, const char* rel)
{
	snprintf(buf, n, "%s/%s", work, rel);
}

static void make_file(const char* rel)
{
	char p[256];
	FILE* f;

	path_of(p, sizeof(p), rel);
	f = fopen(p, "w");
	ck_assert_msg(f != NULL, "%s: %s", p, strerror(errno));
	fputs("keep\n", f);
	fclose(f);
}

static void make_dir(const char* rel)
{
	char p[256];

	path_of(p, sizeof(p), rel);
	ck_assert_msg(mkdir(p, 0755) == 0, "%s: %s", p, strerror(errno));
}

static void make_link(const char* target_rel, const char* rel)
{
	char t[256], p[256];

	path_of(t, sizeof(t), target_rel);
	path_of(p, sizeof(p), rel);
	ck_assert_msg(symlink(t, p) == 0, "%s: %s", p, strerror(errno));
}

static bool exists(const char* rel)
{
	char p[256];
	struct stat st;

	path_of(p, sizeof(p), rel);
	return lstat(p, &st) == 0;
}

/* WORK with the outside directory of 20 files and the outside file. */
static void setup(void)
{
	char name[16];

	snprintf(work, sizeof(work), "/tmp/rdprepro-check-util-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(work));
	make_dir("outside");
	for (int i = 0; i < 20; i++)
	{
		snprintf(name, sizeof(name), "outside/f%d", i);
		make_file(name);
	}
	make_file("outside-file");
}

static void outside_untouched(void)
{
	char name[16];

	for (int i = 0; i < 20; i++)
	{
		snprintf(name, sizeof(name), "outside/f%d", i);
		ck_assert_msg(exists(name), "%s/%s was removed", work, name);
	}
	ck_assert(exists("outside-file"));
}

static void teardown(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", work);
	ck_assert_int_eq(system(cmd), 0);
}

START_TEST(test_tree_gone_outside_kept)
{
	char tree[256], fifo[256];
	struct rp_err err = { "" };

	setup();
	make_dir("tree");
	make_link("outside", "tree/to-dir");
	make_link("outside-file", "tree/to-file");
	make_dir("tree/a");
	make_dir("tree/a/b");
	make_dir("tree/a/b/c");
	make_file("tree/a/b/c/file");
	make_file("tree/a/top-file");
	path_of(fifo, sizeof(fifo), "tree/fifo");
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	path_of(tree, sizeof(tree), "tree");
	ck_assert_msg(rp_remove_tree(tree, &err), "%s", err.msg);
	ck_assert(!exists("tree"));
	outside_untouched();
	ck_assert(rp_remove_tree(tree, &err)); /* gone already: fine */
	teardown();
}
END_TEST

/* A top that is a symlink is an entry too: unlinked, its target kept. Trailing slashes,
 * which would make a path lookup follow it, change nothing. */
START_TEST(test_top_symlink)
{
	char top[256];
	struct rp_err err = { "" };

	setup();
	make_link("outside", "top");
	path_of(top, sizeof(top), "top//");
	ck_assert_msg(rp_remove_tree(top, &err), "%s", err.msg);
	ck_assert(!exists("top"));
	outside_untouched();
	make_link("outside-file", "top");
	path_of(top, sizeof(top), "top");
	ck_assert_msg(rp_remove_tree(top, &err), "%s", err.msg);
	ck_assert(!exists("top"));
	outside_untouched();
	teardown();
}
END_TEST

/* No tree to name: "/", ".", "..", "" are refused, not walked. */
START_TEST(test_refused_names)
{
	struct rp_err err = { "" };

	ck_assert(!rp_remove_tree("/", &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "not a tree"));
	ck_assert(!rp_remove_tree("/tmp/.", &err));
	ck_assert(!rp_remove_tree("..", &err));
	ck_assert(!rp_remove_tree("", &err));
	ck_assert(rp_remove_tree("/nonexistent-rdprepro-dir/x", &err)); /* missing: success */
}
END_TEST

/* A mount inside the tree (here a tmpfs in a mount namespace of this test's own) is left with
 * its contents, and the error names it; the rest of the tree goes. Needs CAP_SYS_ADMIN (or a
 * user namespace): without it, nothing to check. */
START_TEST(test_mount_point_left)
{
	char mnt[256], inside[300], tree[256];
	struct rp_err err = { "" };
	FILE* f;

	/* The type is ignored for a propagation change; named so that valgrind sees a string. */
	if (unshare(CLONE_NEWNS) != 0 || mount("none", "/", "none", MS_REC | MS_PRIVATE, NULL) != 0)
	{
		fprintf(stderr, "check_util: no mount namespace (%s): mount point case not checked\n",
		        strerror(errno));
		return;
	}
	setup();
	make_dir("tree");
	make_dir("tree/mnt");
	make_file("tree/file");
	path_of(mnt, sizeof(mnt), "tree/mnt");
	ck_assert_int_eq(mount("check", mnt, "tmpfs", 0, "size=64k"), 0);
	snprintf(inside, sizeof(inside), "%s/on-the-mount", mnt);
	ck_assert_ptr_nonnull(f = fopen(inside, "w"));
	fclose(f);
	path_of(tree, sizeof(tree), "tree");
	ck_assert(!rp_remove_tree(tree, &err));
	ck_assert_msg(strstr(err.msg, mnt) && strstr(err.msg, "mount point"), "%s", err.msg);
	ck_assert_int_eq(access(inside, F_OK), 0);
	ck_assert(!exists("tree/file"));
	ck_assert_int_eq(umount(mnt), 0);
	/* The mount point itself, a mount no more, goes with a second call. */
	ck_assert_msg(rp_remove_tree(tree, &err), "%s", err.msg);
	ck_assert(!exists("tree"));
	teardown();
}
END_TEST

/* A tree deeper than the walk's bound stops with an error naming where, not a descriptor per
 * level without end; what is above the bound stays, nothing outside is touched. */
START_TEST(test_depth_bound)
{
	char rel[1024] = "tree";
	char tree[256];
	struct rp_err err = { "" };

	setup();
	make_dir(rel);
	for (int i = 0; i < 80; i++)
	{
		strcat(rel, "/d");
		make_dir(rel);
	}
	path_of(tree, sizeof(tree), "tree");
	ck_assert(!rp_remove_tree(tree, &err));
	ck_assert_msg(strstr(err.msg, "levels deep"), "%s", err.msg);
	ck_assert(exists("tree"));
	outside_untouched();
	teardown();
}
END_TEST

int main(void)
{
	Suite* s = suite_create("util");
	TCase* tc = tcase_create("remove_tree");

	tcase_add_test(tc, test_tree_gone_outside_kept);
	tcase_add_test(tc, test_top_symlink);
	tcase_add_test(tc, test_refused_names);
	tcase_add_test(tc, test_mount_point_left);
	tcase_add_test(tc, test_depth_bound);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
