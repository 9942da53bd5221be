/* check_scenario.c: the scenario parser on the catalog and on the malformed corpus.
 *
 * Each file in tests/bad-scenarios/ says on its first line the error it must produce:
 * "# expect: <text after the file name>", e.g. "# expect: :6: unknown key \"los\" in [client]". */
#include <check.h>
#include "check_util.h"
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "scenario.h"

START_TEST(test_baseline)
{
	struct rp_scenario sc;
	struct rp_err err = { "" };

	ck_assert_msg(rp_scenario_load(&sc, TESTS_DIR "/../scenarios/baseline.scn", &err), "%s",
	              err.msg);
	ck_assert_str_eq(sc.name, "baseline");
	ck_assert_int_eq(sc.expect, RP_CAUSE_CONNECTED);
	ck_assert_int_eq(sc.deadline_ms, 20000);
	ck_assert_int_eq(sc.hold_ms, 500);
	ck_assert_str_eq(sc.client_args, "/sec:nla /cert:ignore");
	/* A value continued on an indented line is joined with a blank. */
	ck_assert(strstr(sc.summary, "FreeRDP server through") != NULL);
	ck_assert_int_eq(sc.behaviour, RP_SERVER_NORMAL);
	ck_assert_int_eq(sc.port, RP_PORT_OPEN);
	ck_assert_int_eq(sc.seed, 1);
	ck_assert_uint_eq(sc.requires, RP_REQ_ROOT);
	ck_assert(!sc.has_phase && !sc.has_last_error && !sc.has_error_info);
}
END_TEST

START_TEST(test_missing_file)
{
	struct rp_scenario sc;
	struct rp_err err = { "" };

	ck_assert(!rp_scenario_load(&sc, "/nonexistent/x.scn", &err));
	ck_assert_str_eq(err.msg, "/nonexistent/x.scn: No such file or directory");
}
END_TEST

static int scn_only(const struct dirent* e)
{
	size_t n = strlen(e->d_name);
	return n > 4 && strcmp(e->d_name + n - 4, ".scn") == 0;
}

START_TEST(test_bad_corpus)
{
	struct dirent** list = NULL;
	int n = scandir(TESTS_DIR "/bad-scenarios", &list, scn_only, alphasort);

	ck_assert_int_ge(n, 10);
	for (int i = 0; i < n; i++)
	{
		char path[1024], want[512], first[600] = "";
		struct rp_scenario sc;
		struct rp_err err = { "" };
		FILE* f;

		snprintf(path, sizeof(path), TESTS_DIR "/bad-scenarios/%s", list[i]->d_name);
		f = fopen(path, "r");
		ck_assert_ptr_nonnull(f);
		ck_assert_ptr_nonnull(fgets(first, sizeof(first), f));
		fclose(f);
		first[strcspn(first, "\n")] = '\0';
		ck_assert_msg(strncmp(first, "# expect: ", 10) == 0, "%s: no '# expect: ' line", path);
		snprintf(want, sizeof(want), "%s%s", path, first + 10);
		ck_assert_msg(!rp_scenario_load(&sc, path, &err), "%s: parsed, but must fail", path);
		ck_assert_msg(strcmp(err.msg, want) == 0, "%s:\n  got  %s\n  want %s", list[i]->d_name,
		              err.msg, want);
		free(list[i]);
	}
	free(list);
}
END_TEST

/* A scenario path that is no regular file is refused with its reason, at once: a FIFO is
 * never waited on (Check's 4 s timeout fails a hang), a device never opened. */
START_TEST(test_special_files)
{
	static const struct
	{
		const char* name;
		const char* why;
	} cases[] = {
		{ "fifo.scn", "not a regular file (a FIFO): refused" },
		{ "dir.scn", "not a regular file (a directory): refused" },
		{ "link-fifo.scn", "not a regular file (a FIFO): refused" },
		{ "null.scn", "not a regular file (a character device): refused" },
		{ "big.scn", "65537 bytes, more than the 65536 this reads: refused" },
	};
	char dir[] = "/tmp/rdprepro-check-scn.XXXXXX", path[128], want[256];
	FILE* f;

	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/fifo.scn", dir);
	ck_assert_int_eq(mkfifo(path, 0600), 0);
	snprintf(path, sizeof(path), "%s/dir.scn", dir);
	ck_assert_int_eq(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/link-fifo.scn", dir);
	ck_assert_int_eq(symlink("fifo.scn", path), 0);
	snprintf(path, sizeof(path), "%s/null.scn", dir);
	ck_assert_int_eq(symlink("/dev/null", path), 0);
	snprintf(path, sizeof(path), "%s/big.scn", dir);
	ck_assert_ptr_nonnull(f = fopen(path, "w"));
	for (int i = 0; i < 65537; i++)
		fputc(i % 64 ? '#' : '\n', f);
	fclose(f);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		struct rp_scenario sc;
		struct rp_err err = { "" };
		snprintf(path, sizeof(path), "%s/%s", dir, cases[i].name);
		snprintf(want, sizeof(want), "%s: %s", path, cases[i].why);
		ck_assert_msg(!rp_scenario_load(&sc, path, &err), "%s: parsed", path);
		ck_assert_str_eq(err.msg, want);
	}
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
	{
		snprintf(path, sizeof(path), "%s/%s", dir, cases[i].name);
		ck_assert_int_eq(remove(path), 0);
	}
	ck_assert_int_eq(rmdir(dir), 0);
}
END_TEST

int main(void)
{
	Suite* s = suite_create("scenario");
	TCase* tc = tcase_create("core");

	tcase_add_test(tc, test_baseline);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_bad_corpus);
	tcase_add_test(tc, test_special_files);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
