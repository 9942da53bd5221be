/* check_grid.c: what `rdprepro sweep` varies: the KEY=FROM..TO/STEP grammar and its errors, a
 * point's settings written into a scenario's text (and parsed back by the scenario parser to
 * the values meant), the profiles, Wilson's interval and the quantiles. */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check_util.h"
#include "grid.h"
#include "scenario.h"

START_TEST(test_ranges)
{
	struct rp_axis ax;
	struct rp_err err = { "" };

	ck_assert_msg(rp_axis_parse("loss=0..40/5", &ax, false, &err), "%s", err.msg);
	ck_assert_int_eq(ax.n, 9);
	ck_assert_double_eq(ax.v[8], 40);
	ck_assert_str_eq(ax.label[1], "5%");
	/* Units on each bound; the last value kept despite the float step. */
	ck_assert_msg(rp_axis_parse("delay=0..3s/250ms", &ax, false, &err), "%s", err.msg);
	ck_assert_int_eq(ax.n, 13);
	ck_assert_double_eq(ax.v[12], 3000);
	ck_assert_str_eq(ax.label[12], "3s");
	ck_assert_str_eq(ax.label[1], "250ms");
	ck_assert_msg(rp_axis_parse("loss=0.1%..0.3%/0.1", &ax, false, &err), "%s", err.msg);
	ck_assert_int_eq(ax.n, 3);
	ck_assert_msg(rp_axis_parse("rate=64kbit,2mbit", &ax, false, &err), "%s", err.msg);
	ck_assert_int_eq(ax.n, 2);
	ck_assert_double_eq(ax.v[1], 2000);
	ck_assert_msg(rp_axis_parse("profile=remotefx-wan", &ax, false, &err), "%s", err.msg);
	ck_assert_int_eq(ax.n, 4);
	ck_assert_str_eq(ax.label[3], "mobile");
	ck_assert_msg(rp_axis_parse("mtu=1400", &ax, true, &err), "%s", err.msg);
}
END_TEST

/* Each bad spec fails, and the message says what is wrong. */
START_TEST(test_range_errors)
{
	static const struct
	{
		const char* spec;
		const char* says;
	} bad[] = {
		{ "los=1..2/1", "unknown key \"los\"" }, { "loss=10..2/1", "empty range" },
		{ "loss=1..2/0", "step must be more than 0" }, { "loss=1..2", "needs its step" },
		{ "loss=", "no value" }, { "loss", "KEY=" }, { "=5", "KEY=" },
		{ "loss=120", "outside" }, { "mtu=100..200/50", "outside" }, { "delay=fast", "not a value" },
		{ "profile=moon", "unknown profile" }, { "mtu=1400.5", "not a value" },
		{ "loss=0..1000/0.001", "more than" }, { "rate=0..10/5", "outside" },
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
	{
		struct rp_axis ax;
		struct rp_err err = { "" };
		ck_assert_msg(!rp_axis_parse(bad[i].spec, &ax, false, &err), "%s was taken", bad[i].spec);
		ck_assert_msg(strstr(err.msg, bad[i].says), "%s: \"%s\" does not say \"%s\"", bad[i].spec,
		              err.msg, bad[i].says);
	}
	{
		struct rp_axis ax;
		struct rp_err err = { "" };
		ck_assert(!rp_axis_parse("loss=1..3/1", &ax, true, &err));
		ck_assert(!rp_axis_parse("loss=1,2", &ax, true, &err));
	}
}
END_TEST

static const char* base_scn =
	"# a comment\n"
	"[scenario]\nsummary = a scenario\n  continued\n\n"
	"[client]\nargs = /sec:nla /timeout:3000 /cert:ignore\ndeadline = 20s\n\n"
	"[link]\ndelay = 100ms 20ms normal\n\n"
	"[expect]\nverdict = connected\n";

/* Writes text to a temp file, applies the settings, writes the result, parses it. */
static void applied(const char* text, const struct rp_setting* s, int n, struct rp_scenario* sc)
{
	char in[] = "/tmp/check-grid-XXXXXX", out[64];
	struct rp_ini t;
	struct rp_err err = { "" };
	int fd = mkstemp(in);
	FILE* f;

	ck_assert(fd >= 0);
	ck_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	close(fd);
	ck_assert_msg(rp_ini_load(in, &t, &err), "%s", err.msg);
	ck_assert_msg(rp_sweep_apply(&t, in, s, n, &err), "%s", err.msg);
	snprintf(out, sizeof(out), "/tmp/check-grid-%ld.scn", (long)getpid());
	f = fopen(out, "w");
	ck_assert(f);
	for (int i = 0; i < t.n; i++)
		fprintf(f, "%s\n", t.line[i]);
	fclose(f);
	rp_ini_free(&t);
	ck_assert_msg(rp_scenario_load(sc, out, &err), "%s", err.msg);
	unlink(in);
	unlink(out);
}

static struct rp_setting setting(const char* spec)
{
	struct rp_axis ax;
	struct rp_err err = { "" };
	struct rp_setting s;
	ck_assert_msg(rp_axis_parse(spec, &ax, true, &err), "%s", err.msg);
	s.key = ax.key;
	s.v = ax.v[0];
	strcpy(s.label, ax.label[0]);
	return s;
}

START_TEST(test_apply)
{
	struct rp_scenario sc;
	struct rp_setting s[3];

	/* The delay replaced, its jitter and distribution kept; a key added to its section. */
	s[0] = setting("delay=250ms");
	s[1] = setting("loss=7%");
	applied(base_scn, s, 2, &sc);
	ck_assert_double_eq_tol(sc.link[0].delay_ms, 250, 1e-9);
	ck_assert_double_eq_tol(sc.link[0].jitter_ms, 20, 1e-9);
	ck_assert_double_eq_tol(sc.link[0].loss, 0.07, 1e-9);
	ck_assert_str_eq(sc.summary, "a scenario continued");
	/* /timeout: replaced, not added twice; a section that was not there added. */
	s[0] = setting("timeout=5s");
	s[1] = setting("nat-timeout=3s");
	s[2] = setting("deadline=45s");
	applied(base_scn, s, 3, &sc);
	ck_assert_ptr_nonnull(strstr(sc.client_args, "/timeout:5000"));
	ck_assert_ptr_null(strstr(sc.client_args, "/timeout:3000"));
	ck_assert_uint_eq(sc.nat_timeout_ms, 3000);
	ck_assert_uint_eq(sc.deadline_ms, 45000);
	/* A profile: half its round trip each way, its rate and loss. */
	s[0] = setting("profile=branch-office");
	applied(base_scn, s, 1, &sc);
	ck_assert_double_eq_tol(sc.link[0].delay_ms, 50, 1e-9);
	ck_assert_double_eq_tol(sc.link[0].rate_kbit, 256, 1e-9);
	ck_assert_double_eq_tol(sc.link[0].loss, 0.005, 1e-9);
	/* A jitter alone on a scenario without a delay. */
	s[0] = setting("jitter=30ms");
	applied("[scenario]\nsummary = x\n[expect]\nverdict = connected\n", s, 1, &sc);
	ck_assert_double_eq_tol(sc.link[0].jitter_ms, 30, 1e-9);
}
END_TEST

START_TEST(test_apply_refuses)
{
	char in[] = "/tmp/check-grid-XXXXXX";
	const char* text = "[scenario]\nsummary = x\n[link to-server]\nloss = 5%\n[expect]\n"
	                   "verdict = connected\n";
	struct rp_ini t;
	struct rp_err err = { "" };
	struct rp_setting s = setting("loss=10");
	int fd = mkstemp(in);

	ck_assert(write(fd, text, strlen(text)) == (ssize_t)strlen(text));
	close(fd);
	ck_assert(rp_ini_load(in, &t, &err));
	ck_assert(!rp_sweep_apply(&t, in, &s, 1, &err));
	ck_assert_msg(strstr(err.msg, ":4: loss is set in [link to-server]"), "%s", err.msg);
	s = setting("pause=2s");
	ck_assert(!rp_sweep_apply(&t, in, &s, 1, &err));
	ck_assert_msg(strstr(err.msg, "pause-at"), "%s", err.msg);
	rp_ini_free(&t);
	unlink(in);
}
END_TEST

START_TEST(test_wilson)
{
	double lo, hi;

	/* Reference values (Wilson 1927; e.g. R's prop.test(correct = FALSE) / binom.wilson). */
	ck_assert(rp_wilson(0, 10, 1.96, &lo, &hi));
	ck_assert_double_eq_tol(lo, 0, 1e-9);
	ck_assert_double_eq_tol(hi, 0.2775, 1e-4);
	ck_assert(rp_wilson(5, 10, 1.96, &lo, &hi));
	ck_assert_double_eq_tol(lo, 0.2366, 1e-4);
	ck_assert_double_eq_tol(hi, 0.7634, 1e-4);
	ck_assert(rp_wilson(10, 10, 1.96, &lo, &hi));
	ck_assert_double_eq_tol(lo, 0.7225, 1e-4);
	ck_assert_double_eq_tol(hi, 1, 1e-9);
	ck_assert(rp_wilson(1, 3, 1.96, &lo, &hi));
	ck_assert_double_eq_tol(lo, 0.0615, 1e-4);
	ck_assert_double_eq_tol(hi, 0.7923, 1e-4);
	ck_assert(!rp_wilson(0, 0, 1.96, &lo, &hi));
	ck_assert(!rp_wilson(4, 3, 1.96, &lo, &hi));
}
END_TEST

START_TEST(test_quantile)
{
	double v[] = { 9, 1, 5, 3, 7 };
	double w[] = { 4 };

	ck_assert_double_eq_tol(rp_quantile(v, 5, 0.5), 5, 1e-9);
	ck_assert_double_eq_tol(rp_quantile(v, 5, 0.9), 8.2, 1e-9); /* numpy.quantile: 8.2 */
	ck_assert_double_eq_tol(rp_quantile(v, 4, 0.5), 4, 1e-9);   /* 1 3 5 7 after the sort */
	ck_assert_double_eq_tol(rp_quantile(w, 1, 0.9), 4, 1e-9);
	ck_assert_double_eq(rp_quantile(w, 0, 0.5), -1);
}
END_TEST

int main(void)
{
	Suite* s = suite_create("grid");
	TCase* tc = tcase_create("core");

	tcase_add_test(tc, test_ranges);
	tcase_add_test(tc, test_range_errors);
	tcase_add_test(tc, test_apply);
	tcase_add_test(tc, test_apply_refuses);
	tcase_add_test(tc, test_wilson);
	tcase_add_test(tc, test_quantile);
	suite_add_tcase(s, tc);
	return rp_check_run(s);
}
